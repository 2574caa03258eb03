"""The records a page moves annotation arrows by (lumos/plot/page_texts.py): arrows it
draws anew, shapes Python drew (relative to the text's anchor) and what stays frozen."""

from __future__ import annotations

import numpy as np

import lumos
from lumos.pyplot import Circle


class _Recorder:
    """An overlay noting lines and polygons (figure pixels)."""

    def __init__(self) -> None:
        self.lines, self.polygons = [], []

    def line(self, points, color, width_px, dashes=None) -> None:
        self.lines.append(np.asarray(points, float))

    def polygon(self, points, facecolor) -> None:
        self.polygons.append(np.asarray(points, float))

    def text(self, *args, **kwargs) -> None:
        pass


def _texts(fig):
    rec = next(r for r in fig.frame(follow=True).records.values() if "texts" in r)
    return rec


def test_arrow_records_by_kind():
    fig, ax = lumos.subplots(dpi=100)
    ax.plot([0, 10], [0, 1])
    fancy = ax.annotate("a", xy=(2, 0.2), xytext=(20, 20), textcoords="offset points",
                        arrowprops={"arrowstyle": "fancy", "fc": "g"})
    ax.annotate("b", xy=(4, 0.4), xytext=(6, 0.8),
                arrowprops={"arrowstyle": "-|>", "fc": "y", "ec": "r"})
    ax.add_patch(Circle((8, 0.8), 0.5, fc="none"))
    ax.annotate("c", xy=(8, 0.8), xytext=(6, 0.3),
                arrowprops={"arrowstyle": "-[", "patchB": ax.patches[0]})
    ax.annotate("d", xy=(5, 0.5), xytext=(7, 0.1),
                arrowprops={"arrowstyle": "->",
                            "patchB": Circle((0.5, 0.5), 0.1, transform=ax.transAxes)})
    rec = _texts(fig)
    assert rec["frozen_texts"] == ["arrows cut at a patch fixed in the axes or figure"]
    a, b, c = (t["arrow"] for t in rec["texts"])
    # the fancy arrow: Python's polygons relative to the anchor (its point: offset text)
    drawn = _Recorder()
    fancy.draw_arrow(drawn)
    assert a["end"] == [0.0, 0.0] and a["rect"] is None
    px = np.array(rec["texts"][0]["px"])
    for kind, python in (("fills", drawn.polygons), ("lines", drawn.lines)):
        got = [np.array(p) + px for p, *_ in a["shape"][kind]]
        assert len(got) == len(python) > 0
        for g, d in zip(got, python, strict=True):
            np.testing.assert_allclose(g, d, atol=1e-3)
    assert a["shape"]["fills"][0][1] == [0, 128, 0, 255]
    # a triangle head from a text in data: drawn anew, filled yellow, edged red
    assert b["heads"] == ["", "|>"] and b["face"] == [191, 191, 0, 255]
    assert b["color"] == [255, 0, 0, 255] and "shape" not in b
    # a bracket cut at a circle in data: its shape holds while the view keeps its size
    assert c["rect"] == list(ax.view.camera.rect[2:]) and c["shape"]["lines"]
    assert np.hypot(*c["end"]) > 50  # the text is in data: the point is away from it


def test_hidden_arrow_shape_is_recorded_for_the_page():
    """An annotation whose point is out of the view draws nothing, but the page gets
    its arrow's shape (and a fill Mesh to draw it into) for when it comes back."""
    fig, ax = lumos.subplots(dpi=100)
    ax.plot([0, 10], [0, 1])
    ax.set_xlim(0, 5)
    ax.annotate("far", xy=(8, 0.5), xytext=(-30, 20), textcoords="offset points",
                arrowprops={"arrowstyle": "simple"})
    frame = fig.frame(follow=True)
    rec = next(r for r in frame.records.values() if "texts" in r)
    assert rec["texts"][0]["arrow"]["shape"]["fills"]
    parts = {d.follow.get("part") for d in frame.draws if d.follow}
    assert "fill" in parts


def test_points_a_log_scale_cannot_place_leave_no_nan_in_the_page(tmp_path):
    """A point at a negative value on a log axis that masks them is nowhere in any
    view: its text or arrow gets no record (the page's JSON holds no NaN; before,
    savefig raised). (The default, 'clip', places it 1000 decades down.)"""
    fig, ax = lumos.subplots(dpi=100)
    ax.plot([1, 10], [1, 100])
    ax.set_yscale("log", nonpositive="mask")
    ax.annotate("offset", xy=(5, -3), xytext=(20, 20), textcoords="offset points",
                arrowprops={"arrowstyle": "fancy"})
    ax.annotate("text", xy=(5, 3), xytext=(5, -3), arrowprops={"arrowstyle": "->"})
    ax.annotate("kept", xy=(5, -3), xytext=(5, 30), annotation_clip=False,
                arrowprops={"arrowstyle": "->"})
    fig.savefig(tmp_path / "log.html")
    texts = _texts(fig)["texts"]
    assert [(t["texts"][0]["text"], t["arrow"]) for t in texts] == [("kept", None)]
