"""lumos.axes_grid1.inset_locator: inset_axes, zoomed_inset_axes and mark_inset on lumos
axes, placed as matplotlib's mpl_toolkits.axes_grid1.inset_locator places them."""

from __future__ import annotations

import numpy as np
import pytest

import lumos.pyplot as lplt

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402
from mpl_toolkits.axes_grid1 import inset_locator as mpl_il  # noqa: E402

from lumos.axes_grid1 import inset_locator as lumos_il  # noqa: E402


def _insets(plt, il):
    fig, (ax, ax2) = plt.subplots(1, 2, figsize=(7, 3), dpi=80)
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10)
    made = [il.inset_axes(ax, width=1.3, height=0.9),
            il.inset_axes(ax, width="30%", height="40%", loc="lower left"),
            il.inset_axes(ax, width="5%", height="50%", loc="lower left",
                          bbox_to_anchor=(1.05, 0.0, 1, 1), bbox_transform=ax.transAxes,
                          borderpad=0),
            il.inset_axes(ax2, width="100%", height="100%", loc=8,
                          bbox_to_anchor=(0.2, 0.1, 0.3, 0.2), bbox_transform=ax2.transAxes)]
    zoomed = il.zoomed_inset_axes(ax, 2.5, loc="upper left")
    zoomed.set_xlim(2, 4)
    zoomed.set_ylim(3, 4)
    made.append(zoomed)
    rect, line1, line2 = il.mark_inset(ax, zoomed, loc1=2, loc2=4, fc="none", ec="0.5")
    fig.canvas.draw()
    w, h = fig.canvas.get_width_height()
    boxes = [np.array(a.get_position().bounds) * [w, h, w, h] for a in made]
    return fig, made, boxes, rect


def test_insets_placed_as_matplotlibs():
    fig, made, boxes, rect = _insets(lplt, lumos_il)
    assert all(a in fig.axes for a in made)
    assert (*rect.get_xy(), rect.get_width(), rect.get_height()) == pytest.approx((2, 3, 2, 1))
    _, _, want, _ = _insets(mplt, mpl_il)
    np.testing.assert_allclose(boxes, want, atol=0.5)
    lplt.close("all")
    mplt.close("all")


def test_mark_inset_shows_the_two_corners_asked():
    fig, ax = lplt.subplots()
    inset = lumos_il.zoomed_inset_axes(ax, 2, loc=1)
    rect, line1, line2 = lumos_il.mark_inset(ax, inset, loc1=3, loc2=1)
    lines = [line1, line2]
    assert [c.get_visible() for c in line1.indicator.connectors] == [True, False, False, True]
    assert all(c.indicator.rectangle is rect for c in lines)
    assert rect.get_alpha() is None  # matplotlib's BboxPatch has no alpha
    lplt.close("all")


@pytest.mark.parametrize("call, match", [
    (lambda ax: lumos_il.inset_axes(ax, "30%", 1, bbox_to_anchor=(0.1, 0.2)),
     "percentage needs bbox_to_anchor"),
    (lambda ax: lumos_il.inset_axes(ax, "wide", 1), "width: got 'wide'"),
    (lambda ax: lumos_il.inset_axes(ax, 1, 1, loc="top"), "loc: got 'top'"),
    (lambda ax: lumos_il.zoomed_inset_axes(ax, -2), "zoom: got -2"),
    (lambda ax: lumos_il.mark_inset(ax, ax, 5, 1), "loc1: got 5"),
])
def test_bad_arguments_are_named(call, match):
    fig, ax = lplt.subplots()
    with pytest.raises(ValueError, match=match):
        call(ax)
    lplt.close("all")
