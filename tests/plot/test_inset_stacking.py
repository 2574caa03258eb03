"""An axes drawn over another (an inset made with ``fig.add_axes``) covers the
decorations of the axes under it, as in matplotlib, where each axes draws its spines,
ticks, tick labels and grid right after its data; compared with matplotlib's Agg."""

from __future__ import annotations

import numpy as np
import pytest

import lumos.pyplot as lplt

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402

INSET = (0.08, 0.05, 0.4, 0.4)  # over the left spine and the bottom ticks of the axes


def _script(plt):
    fig, ax = plt.subplots(figsize=(5, 3.5), dpi=100)
    ax.plot([0, 1], [0, 1], color="r")
    ax.grid(True)
    ax.tick_params(direction="in", length=25, top=True, right=True)
    inset = fig.add_axes(INSET)
    inset.plot([0, 1], [1, 0], color="b")
    inset.set_xticks([])
    inset.set_yticks([])
    return fig, ax, inset


def _mpl_picture(fig) -> np.ndarray:
    fig.canvas.draw()
    out = np.asarray(fig.canvas.buffer_rgba())[..., :3].copy()
    mplt.close(fig)
    return out


def _stray(img: np.ndarray) -> int:
    """Dark pixels that are not the inset's blue line, inside the inset's frame."""
    h, w = img.shape[:2]
    x0, y0, iw, ih = INSET
    top, left = round(h * (1 - y0 - ih)) + 4, round(w * x0) + 4
    inside = img[top:round(h * (1 - y0)) - 4, left:round(w * (x0 + iw)) - 4].astype(int)
    blue = (inside[..., 2] > 150) & (inside[..., 0] < 120)
    return int(((inside.max(-1) < 200) & ~blue).sum())


def test_an_inset_covers_the_spines_ticks_and_labels_of_the_axes_under_it():
    ours = _script(lplt)[0].render()[..., :3]
    theirs = _mpl_picture(_script(mplt)[0])
    assert _stray(theirs) == 0
    assert _stray(ours) == 0
    # the axes' decorations outside the inset are still drawn: its right ticks
    right = slice(round(0.9 * 500) - 30, round(0.9 * 500) - 2)
    assert (ours[60:280, right].max(-1) < 100).sum() > 50


def test_axes_side_by_side_share_one_overlay_and_an_inset_gets_its_own():
    fig, ax, inset = _script(lplt)
    fig.render()
    views = fig.canvas.views
    # the axes' decorations lie between its view and the inset's
    assert views.index(ax.view) < len(views) - 1
    under = [v for v in views[views.index(ax.view) + 1:views.index(inset.view)]
             if not v.interactive]
    # (ticks 'in' under a line: the axis draws apart from the spines, matplotlib's order)
    assert under and any(v.visuals for v in under)
    inset.remove()
    fig.render()
    # the inset's own overlay is gone: what is left are the axes' (split) decorations
    rest = [v for v in fig.canvas.views if not v.interactive]
    assert fig.overlay.view in rest and len(rest) == len(under)
    lplt.close("all")


def _legend_under(plt):
    fig, ax = plt.subplots(figsize=(5, 3.5), dpi=100)
    ax.plot([0, 1], [0, 1], color="r", label="a long legend label")
    ax.legend(loc="lower left")
    ax.text(0.1, 0.3, "TEXT UNDER", fontsize=20)
    inset = fig.add_axes((0.1, 0.1, 0.3, 0.3))
    inset.plot([0, 1], [1, 0], color="b")
    inset.set_xticks([])
    inset.set_yticks([])
    return fig


def test_an_inset_covers_the_legend_and_texts_of_the_axes_under_it():
    def stray(img):  # ink inside the inset's frame that is not its blue line
        inside = img[249:311, 54:196, :3].astype(int)
        blue = (inside[..., 2] > 150) & (inside[..., 0] < 120)
        return int(((inside.max(-1) < 230) & ~blue).sum())

    ours = _legend_under(lplt).render()
    theirs = _mpl_picture(_legend_under(mplt))
    assert stray(theirs) == 0
    assert stray(ours) == 0
    # the legend's label and the text show beside the inset, as in matplotlib's
    assert (ours[200:320, 200:260, :3].max(-1) < 100).sum() > 20
