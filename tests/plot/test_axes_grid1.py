"""lumos.axes_grid1: matplotlib's axes_grid1 grids (ImageGrid, AxesGrid, Grid) making
lumos axes, placed and labelled as matplotlib's."""

from __future__ import annotations

import numpy as np
import pytest

import lumos.pyplot as lplt

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402
from mpl_toolkits.axes_grid1 import ImageGrid as MplImageGrid  # noqa: E402

from lumos.axes_grid1 import AxesGrid, Grid, ImageGrid  # noqa: E402
from lumos.plot.axes import Axes  # noqa: E402


def _grid(plt, cls, **kwargs):
    fig = plt.figure(figsize=(6, 4), dpi=80)
    grid = cls(fig, 111, nrows_ncols=(2, 3), axes_pad=0.15, **kwargs)
    for ax in grid:
        im = ax.imshow(np.arange(20.0).reshape(4, 5))
        ax.set_xlabel("x")
        ax.set_ylabel("y")
    if getattr(grid, "cbar_axes", None) and kwargs.get("cbar_mode"):
        grid.cbar_axes[0].colorbar(im)
    fig.canvas.draw()
    w, h = fig.canvas.get_width_height()
    cbar = grid.cbar_axes[:1] if kwargs.get("cbar_mode") else []  # others: hidden
    boxes = [np.array(a.get_position().bounds) * [w, h, w, h] for a in [*grid, *cbar]]
    shown = [(a.xaxis.get_tick_params()["labelbottom"], a.xaxis.label.get_visible(),
              a.yaxis.label.get_visible()) for a in grid]
    return grid, boxes, shown


@pytest.mark.parametrize("kwargs", [dict(label_mode="L"), dict(label_mode="1"),
                                    dict(label_mode="all", cbar_mode="single",
                                         cbar_location="top")])
def test_image_grid_of_lumos_axes_placed_and_labelled_as_matplotlibs(kwargs):
    grid, boxes, shown = _grid(lplt, ImageGrid, **kwargs)
    assert all(isinstance(ax, Axes) for ax in grid)
    assert all(ax in ax.figure.axes for ax in grid)
    _, want_boxes, want_shown = _grid(mplt, MplImageGrid, **kwargs)
    assert shown == want_shown
    np.testing.assert_allclose(boxes, want_boxes, atol=0.5)
    lplt.close("all")
    mplt.close("all")


def test_grid_names_and_a_bad_label_mode():
    assert AxesGrid is ImageGrid
    fig = lplt.figure()
    grid = Grid(fig, 111, nrows_ncols=(1, 2))
    assert len(grid) == 2 and all(isinstance(ax, Axes) for ax in grid)
    with pytest.raises(ValueError, match="mode: got 'Z'"):
        grid.set_label_mode("Z")
    lplt.close("all")


def _hbox(plt):
    from mpl_toolkits.axes_grid1.axes_divider import HBoxDivider
    from mpl_toolkits.axes_grid1.axes_size import AxesX, AxesY, Fixed, Scaled

    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(6, 3), dpi=80)
    ax1.imshow(np.arange(20.0).reshape(4, 5))
    ax2.imshow(np.arange(20.0).reshape(5, 4))
    # matplotlib's own divider looks for the figure's grid through its axes' specs
    divider = HBoxDivider(fig, 111, horizontal=[AxesX(ax1), Fixed(0.5), AxesX(ax2)],
                          vertical=[AxesY(ax1), Scaled(1), AxesY(ax2)])
    ax1.set_axes_locator(divider.new_locator(0))
    ax2.set_axes_locator(divider.new_locator(2))
    fig.canvas.draw()
    w, h = fig.canvas.get_width_height()
    return [np.array(a.get_position().bounds) * [w, h, w, h] for a in (ax1, ax2)]


def test_matplotlibs_hbox_divider_places_lumos_axes():
    got = _hbox(lplt)
    np.testing.assert_allclose(got, _hbox(mplt), atol=0.5)
    lplt.close("all")
    mplt.close("all")


_SIDE_KEYS = ("bottom", "top", "labelbottom", "labeltop", "left", "right", "labelleft",
              "labelright")


def _sides(plt, cls):
    fig = plt.figure()
    ax = cls(fig, 111, nrows_ncols=(1, 1))[0]
    ax.set_xlabel("x")
    ax.axis["bottom"].toggle(ticklabels=False, label=False)
    ax.axis["top"].toggle(all=True)
    ax.axis["left"].set_label("Y")
    ax.axis["right"].toggle(ticks=True, ticklabels=False)
    params = {**ax.xaxis.get_tick_params(), **ax.yaxis.get_tick_params()}
    return ([bool(params[k]) for k in _SIDE_KEYS], ax.xaxis.get_label_position(),
            ax.xaxis.label.get_visible(), ax.get_ylabel())


def test_grid_axes_sides_as_matplotlibs():
    # matplotlib's grid axes (axes_grid1.mpl_axes) have ax.axis["bottom"] sides
    assert _sides(lplt, ImageGrid) == _sides(mplt, MplImageGrid)
    fig = lplt.figure()
    ax = ImageGrid(fig, 111, nrows_ncols=(1, 1))[0]
    ax.axis("off")  # still lumos's Axes.axis
    assert not ax.axison
    with pytest.raises(KeyError, match="axis: got 'middle'"):
        ax.axis["middle"]
    lplt.close("all")
    mplt.close("all")
