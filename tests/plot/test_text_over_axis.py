"""Texts and annotations (zorder 3) draw over the axis' ticks and tick labels and the
spines (zorder 2.5), as matplotlib draws an axes' children by zorder; below 2.5 they
draw under them; the figure's texts draw over every axes; legends over all of these."""

from __future__ import annotations

import numpy as np
import pytest

from lumos import pyplot as plt


def covered_strip(zorder: float, kind: str):
    """A red box over the x tick labels, and the picture's rows/columns of the strip."""
    fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
    ax.set_xlim(0, 1)
    box = {"boxstyle": "square", "fc": "red", "ec": "none"}
    words = "M" * 30
    kw = {"fontsize": 14, "color": "red", "ha": "center", "va": "center", "bbox": box}
    if kind == "text":
        ax.text(0.5, -0.07, words, transform=ax.transAxes, zorder=zorder, **kw)
    elif kind == "annotation":
        ax.annotate(words, xy=(0.5, -0.07), xycoords="axes fraction", zorder=zorder, **kw)
    else:
        fig.text(0.5, 0.05, words, zorder=zorder, **kw)
    img = fig.render()
    h = img.shape[0]
    x0, y0 = ax.to_pixels(0.0, 0.0)
    x1, _ = ax.to_pixels(1.0, 0.0)
    # the tick labels' band: 6 to 14 px under the axes (10 pt labels, 3.5 pt ticks)
    rows = slice(int(h - y0) + 8, int(h - y0) + 16)
    cols = slice(int(x0) - 5, int(x1) + 5)
    plt.close(fig)
    return img[rows, cols, :3].astype(int)


def dark(strip) -> int:
    return int((strip.max(axis=-1) < 100).sum())


@pytest.mark.parametrize("kind", ["text", "annotation", "figure"])
def test_box_of_zorder_3_covers_tick_labels(kind):
    strip = covered_strip(3, kind)
    assert dark(strip) == 0
    assert (np.abs(strip - (255, 0, 0)) < 40).all(axis=-1).mean() > 0.95


@pytest.mark.parametrize("kind", ["text", "annotation"])
def test_box_under_the_axis_zorder_leaves_tick_labels_over_it(kind):
    assert dark(covered_strip(2, kind)) > 20


def test_legend_stays_over_texts():
    fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
    ax.plot([0, 1], [0, 1], color="blue", lw=10, label="x" * 12)
    ax.text(0.02, 0.98, "M" * 12, transform=ax.transAxes, va="top", fontsize=20,
            color="red", bbox={"fc": "red", "ec": "none"})
    ax.legend(loc="upper left", frameon=True, framealpha=1, fontsize=20)
    img = fig.render()
    h = img.shape[0]
    x, y = ax.to_pixels(*ax.get_xlim()[:1], ax.get_ylim()[1])  # the axes' top left
    plt.close(fig)
    # inside the legend's white frame (10 pt from the axes, 8 pt to its handles), over
    # the red box
    assert img[int(h - y) + 18, int(x) + 20, :3] == pytest.approx((255, 255, 255), abs=30)
