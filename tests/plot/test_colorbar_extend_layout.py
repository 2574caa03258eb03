"""Colorbar extends and the layouts: the bar shrinks along its length to leave the
triangles room at every placing of its box (matplotlib's colorbar axes locator), so a
layout measures the shorter bar's ticks (fewer, narrower labels) and places the axes
and the bar where matplotlib does (gallery image_antialiasing, figure 8: the bar 8 px
left of matplotlib's, every axes 2.6 px narrower, when the layout measured the ticks
of the bar without its triangles)."""

from __future__ import annotations

import numpy as np
import pytest

import lumos.pyplot as lplt

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402

IMAGE = np.arange(2500.0).reshape(50, 50) / 1250.0  # 0 .. 2


def _three_images(plt):
    """Gallery image_antialiasing, figure 8: one bar for three images, both extends."""
    fig, axs = plt.subplots(1, 3, figsize=(7, 3), layout="constrained")
    for ax in axs:
        im = ax.imshow(IMAGE, vmin=0, vmax=2)
        ax.set_title("interpolation\nstage", fontsize="medium")
    cb = fig.colorbar(im, ax=axs, extend="both", shrink=0.8)
    return fig, cb


def _horizontal(plt):
    """Bars below their axes, one extend each (the lower with a longer triangle)."""
    fig, axs = plt.subplots(2, 1, figsize=(5, 6), layout="constrained")
    im = axs[0].imshow(IMAGE, aspect="auto")
    axs[1].plot([1, 2])
    fig.colorbar(im, ax=axs[0], location="bottom", extend="min")
    cb = fig.colorbar(im, ax=axs[1], orientation="horizontal", extend="max",
                      extendfrac=0.2)
    return fig, cb


def _compressed(plt):
    """Gallery image_antialiasing, figure 10: compressed, a shrunk bar with extends."""
    fig, axs = plt.subplots(1, 2, figsize=(6.5, 4), layout="compressed")
    for ax in axs:
        im = ax.imshow(IMAGE)
    cb = fig.colorbar(im, ax=axs, shrink=0.7, extend="both")
    return fig, cb


def _laid_out(plt, make):
    """Every axes' box (pixels) after a draw, the bar's ticks and box aspect."""
    fig, cb = make(plt)
    fig.canvas.draw()
    size = fig.get_size_inches() * fig.dpi
    boxes = np.array([np.array(ax.get_position().bounds) * np.r_[size, size]
                      for ax in fig.axes])
    axis = cb.ax.yaxis if cb.orientation == "vertical" else cb.ax.xaxis
    ticks = [float(t) for t in axis.get_ticklocs()]
    aspect = cb.ax.get_box_aspect()
    plt.close(fig)
    return boxes, ticks, aspect


@pytest.mark.parametrize("make", [_three_images, _horizontal, _compressed],
                         ids=lambda m: m.__name__.strip("_"))
def test_constrained_layout_measures_the_bar_its_extends_shorten(make):
    """Within the text-extent tolerance of the other constrained tests (test_layout):
    across 1.6 px (text widths), up and down 1 px (a bar below its axes stands 0.9 px
    above matplotlib's with or without extends: the height of its tick labels)."""
    ours, our_ticks, our_aspect = _laid_out(lplt, make)
    theirs, their_ticks, their_aspect = _laid_out(mplt, make)
    assert ours.shape == theirs.shape
    np.testing.assert_allclose(ours[:, [1, 3]], theirs[:, [1, 3]], atol=1.0)
    np.testing.assert_allclose(ours[:, [0, 2]], theirs[:, [0, 2]], atol=1.6)
    assert our_ticks == pytest.approx(their_ticks)
    assert our_aspect == pytest.approx(their_aspect)


def _inset_bars(plt):
    """Gallery leftventricle_bullseye: a bar in an inset below each polar axes, the
    last with extends and ticks at its ends (their labels inside the inset's box once
    the bar is shortened: no room beyond it)."""
    from matplotlib import colors as mcolors
    from matplotlib.cm import ScalarMappable

    fig = plt.figure(figsize=(10, 5), layout="constrained")
    fig.get_layout_engine().set(wspace=0.1, w_pad=0.2)
    axs = fig.subplots(1, 3, subplot_kw=dict(projection="polar"))
    for ax in axs:
        ax.set(ylim=(0, 1), xticklabels=[], yticklabels=[])
    for ax in axs[:2]:
        first = fig.colorbar(ScalarMappable(norm=mcolors.Normalize(1, 17)),
                     cax=ax.inset_axes([0, -0.15, 1, 0.1]), orientation="horizontal",
                     label="Some units")
    cmap = mcolors.ListedColormap(["r", "g", "b", "c"], over="0.35", under="0.75")
    bounds = [2, 3, 7, 9, 15]
    fig.colorbar(ScalarMappable(cmap=cmap, norm=mcolors.BoundaryNorm(bounds, cmap.N)),
                 cax=axs[2].inset_axes([0, -0.15, 1, 0.1]), extend="both",
                 ticks=bounds, spacing="proportional", orientation="horizontal",
                 label="Discrete intervals")
    return fig, first  # its ticks follow its length, the axes' width


def test_an_inset_colorbar_with_extends_takes_the_room_of_its_shorter_bar():
    """The layout measures an inset colorbar where its bar is, shortened inside the
    inset's box by its extends, as matplotlib's: its end tick labels get no room
    past the polar axes (before, the three axes were 4.5 px narrower, and the first
    two bars one tick short: gallery leftventricle_bullseye 18.6)."""
    ours, our_ticks, our_aspect = _laid_out(lplt, _inset_bars)
    theirs, their_ticks, their_aspect = _laid_out(mplt, _inset_bars)
    np.testing.assert_allclose(ours, theirs, atol=0.5)
    assert our_ticks == pytest.approx(their_ticks)
    assert our_aspect is None and their_aspect is None  # a given axes keeps its own


def test_the_bar_follows_a_later_change_of_extend():
    """The shrink is read at every placing: extend set after the colorbar was made
    moves the bar at the next draw, as matplotlib's."""
    fig, ax = lplt.subplots()
    cb = fig.colorbar(ax.imshow(IMAGE), ax=ax)
    fig.canvas.draw()
    full = cb.ax.get_position().height
    cb.extend = "both"
    fig.canvas.draw()
    assert cb.ax.get_position().height == pytest.approx(full / 1.1)
    lplt.close(fig)
