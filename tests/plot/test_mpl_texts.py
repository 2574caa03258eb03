"""matplotlib's AnchoredText added to lumos axes (lumos/plot/mpl_offsetbox.py): drawn
where matplotlib draws it, framed as it frames it."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image
from pixels import bbox, ink  # tests/pixels.py

import lumos.pyplot as lplt

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402
from matplotlib.offsetbox import AnchoredText  # noqa: E402
from matplotlib.patheffects import withStroke  # noqa: E402


def _drawn(plt, make):
    fig, ax = plt.subplots(figsize=(3, 2), dpi=100)
    ax.set_axis_off()
    ax.add_artist(make())
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    return np.asarray(Image.open(buf).convert("RGB"))


def _round():
    at = AnchoredText("Fig 1a", prop=dict(size=15), loc="upper left")
    at.patch.set_boxstyle("round,pad=0.,rounding_size=0.2")
    return at


@pytest.mark.parametrize("make", [
    _round,
    lambda: AnchoredText("(b)", loc="lower right", prop=dict(size=8)),
    lambda: AnchoredText("two\nlines", loc=10, pad=1, borderpad=1),
    lambda: AnchoredText("(c)", loc="upper center", frameon=False, prop=dict(color="r")),
    lambda: AnchoredText("(d)", loc="upper right", frameon=False, prop=dict(
        size=20, path_effects=[withStroke(foreground="0.5", linewidth=6)])),
])
def test_anchored_text_where_matplotlib_draws_it(make):
    got, want = bbox(ink(_drawn(lplt, make))), bbox(ink(_drawn(mplt, make)))
    assert got is not None
    assert np.abs(np.subtract(got, want)).max() <= 2, (got, want)


def test_anchored_text_at_a_box_of_its_own():
    # above the axes: anchored at a point in the axes' fraction, or in figure pixels
    def make(plt, **kw):
        fig, ax = plt.subplots(figsize=(3, 2), dpi=100)
        ax.set_axis_off()
        trans = {"bbox_transform": ax.transAxes} if kw.pop("axes", False) else {}
        ax.add_artist(AnchoredText("Fig 1(b)", loc="lower left", **kw, **trans))
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
        plt.close(fig)
        return bbox(ink(np.asarray(Image.open(buf).convert("RGB"))))

    for kw in (dict(bbox_to_anchor=(0.0, 1.0), axes=True), dict(bbox_to_anchor=(20, 30)),
               dict(bbox_to_anchor=(0.5, 0.0, 0.5, 0.5), axes=True)):
        got, want = make(lplt, **dict(kw)), make(mplt, **dict(kw))
        assert np.abs(np.subtract(got, want)).max() <= 2, (kw, got, want)




def test_matplotlib_text_drawn_as_matplotlib_draws_it():
    from matplotlib.text import Text

    def make():
        return Text(0.3, 0.15, "a label\nof two lines", ha="left", va="bottom", rotation=20,
                    fontsize=11, color="tab:red", fontweight="bold",
                    bbox=dict(boxstyle="round,pad=0.5", fc="0.9", ec="b"))

    got, want = bbox(ink(_drawn(lplt, make))), bbox(ink(_drawn(mplt, make)))
    assert np.abs(np.subtract(got, want)).max() <= 2, (got, want)
    fig, ax = lplt.subplots()
    t = ax.add_artist(Text(0.5, 0.5, "x", transform=ax.transAxes, visible=False))
    assert t.get_text() == "x" and not t.get_visible()
    lplt.close("all")
