"""Many texts in one draw (matplotlib's gallery image_annotated_heatmap: a label per
cell): their anchors go through one call of each transform, and land where each text
drawn alone lands."""

from __future__ import annotations

import numpy as np

import lumos.pyplot as lplt
from lumos.plot import coords
from lumos.plot.text_artists import draw_texts


class _Recorder:
    """An overlay that notes what is drawn into it."""

    layer = 0

    def __init__(self) -> None:
        self.calls: list = []

    def text(self, s, x, y, size_px, color="black", **kw) -> None:
        self.calls.append(("text", s, x, y, size_px, kw))

    def line(self, points, color, width_px, dashes=None) -> None:
        self.calls.append(("line", np.asarray(points, float).tolist(), width_px))

    def polygon(self, points, color) -> None:
        self.calls.append(("polygon", np.asarray(points, float).tolist()))


def _heatmap(n: int):
    fig, ax = lplt.subplots(figsize=(4, 4), dpi=50)
    data = np.arange(n * n, dtype=float).reshape(n, n)
    ax.imshow(data)
    for i in range(n):
        for j in range(n):
            ax.text(j, i, f"{data[i, j]:.0f}", ha="center", va="center", color="w")
    return fig, ax


def _builds_per_draw(monkeypatch, n: int) -> int:
    """How many times a draw builds the axes' data transform, with n x n cell labels."""
    fig, ax = _heatmap(n)
    fig.draw()
    count = [0]
    frozen = coords.LiveTransform.frozen

    def counting(self):
        if self is ax.transData:
            count[0] += 1
        return frozen(self)

    monkeypatch.setattr(coords.LiveTransform, "frozen", counting)
    ax.set_xlim(-0.6, n - 0.5)  # the labels move
    fig.draw()
    monkeypatch.setattr(coords.LiveTransform, "frozen", frozen)
    return count[0]


def test_a_draw_builds_the_data_transform_once_for_all_labels(monkeypatch):
    few = _builds_per_draw(monkeypatch, 2)
    assert _builds_per_draw(monkeypatch, 20) == few  # 400 labels cost what 4 do


def test_texts_drawn_together_land_where_each_alone_lands():
    fig, ax = lplt.subplots(figsize=(4, 3), dpi=80)
    ax.plot([0, 10], [0, 5])
    texts = [
        ax.text(2, 1, "data"),
        ax.text(8, 4, "data 2", rotation=30, ha="right"),
        ax.text(0.5, 1.02, "fraction", transform=ax.transAxes),
        ax.text(3, 0.1, "blended", transform=ax.get_xaxis_transform()),
        ax.text(20, 1, "clipped", clip_on=True),
        ax.annotate("offset", xy=(5, 2), xytext=(10, 10), textcoords="offset points",
                    arrowprops=dict(arrowstyle="->")),
        ax.annotate("filled", xy=(1, 4), xytext=(0.8, 0.2), textcoords="axes fraction",
                    arrowprops=dict(facecolor="k")),
        fig.text(0.1, 0.95, "figure"),
    ]
    fig.draw()
    together = _Recorder()
    draw_texts(together, texts)
    alone = _Recorder()
    for t in texts:
        t.draw_overlay(alone)
    assert together.calls == alone.calls
    # the clip_on text goes to the axes' clipped overlay (figure.clip_overlays)
    assert sum(c[0] == "text" for c in alone.calls) == len(texts) - 1


def test_cell_labels_follow_the_view():
    fig, ax = _heatmap(3)
    fig.draw()
    before = fig.render()
    ax.set_xlim(-0.5, 5.5)  # the labels move left and the cells narrow
    fig.draw()
    after = fig.render()
    assert not np.array_equal(before, after)
    ax.set_xlim(-0.5, 2.5)
    fig.draw()
    np.testing.assert_array_equal(fig.render(), before)
