"""Values <= 0 on a log axis, as matplotlib draws them: its default
``nonpositive='clip'`` sends them 1000 decades down (a line through one runs to the
axes' edge and back, its marker lies far outside, a bar or a fill reaches the edge),
silently; ``nonpositive='mask'`` breaks the line there."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

import lumos.pyplot as plt
from lumos.transforms import Log


def _pixels(fig) -> np.ndarray:
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)


def _blue(img: np.ndarray) -> np.ndarray:
    """Pixels of C0 (#1f77b4), antialiased edges included."""
    r, b = img[..., 0], img[..., 2]
    return (b - r > 60) & (b > 120)


def _column_ink(fig, ax, x: float, y_from: float) -> np.ndarray:
    """Which rows of the axes' box below data (x, y_from) hold C0 in the pixel column of
    x (a column either side too: the stroke is 1.5 px wide)."""
    img = _pixels(fig)
    h = img.shape[0]
    by = ax.box[1]
    col = int(round(ax.to_pixels(x, 1.0)[0]))
    top, bottom = int(round(h - ax.to_pixels(x, y_from)[1])) + 3, int(h - by) - 2
    return _blue(img[top:bottom, col - 1:col + 2]).any(axis=1)


@pytest.mark.parametrize("scale", ["semilogy", "set_yscale"])
def test_a_line_through_zero_runs_to_the_bottom_edge_without_a_warning(scale):
    fig, ax = plt.subplots(figsize=(4, 3), dpi=80)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns for neither
        if scale == "semilogy":
            ax.semilogy([1, 0, 10, -5, 100], "o-")
        else:
            ax.plot([1, 0, 10, -5, 100], "o-")
            ax.set_yscale("log")
        # from the point at 10 straight down to the edge: every row below it inked
        below = _column_ink(fig, ax, 2.0, 10.0)
    assert below.size > 50 and below.all()
    # matplotlib's limits: from the positive data only (10^-0.1 .. 10^2.1)
    np.testing.assert_allclose(np.log10(ax.get_ylim()), [-0.1, 2.1], atol=1e-9)


def test_nonpositive_mask_breaks_the_line():
    fig, ax = plt.subplots(figsize=(4, 3), dpi=80)
    ax.set_yscale("log", nonpositive="mask")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ax.plot([1, 0, 10, -5, 100], "o-")
        # below the midpoint between the points at 1 and 10: no line to the edge
        ink = _column_ink(fig, ax, 1.0, 3.0)
    assert ink.size > 40 and not ink.any()


def test_log_x_clips_too():
    # the segments (0, 2) -> (10, 3) -> (0, 4) come in from the left edge and go back
    # out nearly on top of each other: one solid stroke, each pixel drawn by one of the
    # two as at any joint (the joint's two segments agree on it: no stipple)
    fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
    ax.set_xscale("log")
    ax.plot([1, 0, 10, 0], [1, 2, 3, 4])
    img = _pixels(fig)
    h = img.shape[0]
    bx = ax.box[0]
    row = int(round(h - ax.to_pixels(3.0, 3.0)[1]))
    end = int(ax.to_pixels(10.0, 3.0)[0]) - 4
    band = img[row - 2:row + 3, int(bx) + 3:end]
    assert band.shape[1] > 100
    assert (band[..., 0].min(axis=0) < 60).all()  # C0's red is 31: full strength


def test_scale_space_values():
    fig, ax = plt.subplots()
    ax.set_yscale("log")
    got = ax.transScale.forward(np.array([[1.0, 100.0], [1.0, 0.0], [1.0, -3.0],
                                          [1.0, np.nan]]))[:, 1]
    np.testing.assert_array_equal(got[:3], [2.0, -1000.0, -1000.0])
    assert np.isnan(got[3])
    ax.set_yscale("log", nonpositive="mask", base=2)
    got = ax.transScale.forward(np.array([[1.0, 8.0], [1.0, 0.0]]))[:, 1]
    assert got[0] == 3.0 and np.isnan(got[1])
    # matplotlib's clip value is -1000 whatever the base
    np.testing.assert_array_equal(Log(2, clip=True).forward(np.array([[-1.0, 4.0]])),
                                  [[-1000.0, 4.0]])
    assert np.isnan(Log(2).forward(np.array([[-1.0, 4.0]]))[0, 0])


def test_deep_zoom_keeps_the_stroke_whole():
    # on ylim (1, 1.01) the clipped end lies 10^8 pixels below: the stroke down to the
    # edge must stay one unbroken line (float32 distances to that far end broke it up)
    fig, ax = plt.subplots(figsize=(4, 3), dpi=80)
    ax.semilogy([1, 2, 3, 4], [1.002, 0, 1.006, 1.004], "-")
    ax.set_ylim(1, 1.01)
    below = _column_ink(fig, ax, 3.0, 1.006)
    assert below.size > 40 and below.all()


@pytest.mark.parametrize("nonpositive, drawn", [("clip", True), ("mask", False)])
def test_fill_and_bars_down_to_zero(nonpositive, drawn):
    fig, ax = plt.subplots(figsize=(4, 3), dpi=80)
    ax.set_yscale("log", nonpositive=nonpositive)
    ax.fill_between([1, 2], 0, [10, 10])
    ax.bar([3], [10], color="C0")
    ax.set(xlim=(0, 4), ylim=(1, 100))
    img = _pixels(fig)
    h = img.shape[0]
    for x in (1.5, 3.0):
        px, py = ax.to_pixels(x, 3.0)
        assert _blue(img[int(h - py), int(px)][None, None])[0, 0] == drawn


def test_logit_default_masks():
    fig, ax = plt.subplots()
    ax.set_yscale("logit")
    got = ax.transScale.forward(np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 0.5]]))[:, 1]
    assert np.isnan(got[:2]).all() and got[2] == 0.0
    ax.set_yscale("logit", nonpositive="clip")
    got = ax.transScale.forward(np.array([[1.0, 0.0], [1.0, 1.0]]))[:, 1]
    np.testing.assert_array_equal(got, [-1000.0, 1000.0])


def test_functionlog_clips_after_its_function():
    # matplotlib's 'functionlog': the function, then a clipping log (a subclass of the
    # log scale whose own transform is the numpy one)
    fig, ax = plt.subplots(figsize=(3, 2), dpi=60)
    ax.plot([1, 2, 3], [1, 10, 100])
    ax.set_yscale("functionlog", functions=(lambda v: 2 * v, lambda v: v / 2))
    np.testing.assert_array_equal(
        ax.transScale.forward(np.array([[1.0, 5.0], [1.0, 0.0]]))[:, 1], [1.0, -1000.0])
    assert _blue(_pixels(fig)).sum() > 50


@pytest.mark.parametrize("kind", ["plot", "scatter"])
@pytest.mark.parametrize("data, limits", [
    # matplotlib 3.11's limits: from the smallest positive value (minpos), 1 - minpos
    # where the data reach 1
    ([0.1, 0, 0.5, 1.0, 0.9], (0.08188949557659114, 0.9181105044234089)),
    ([0.3, 0.5, 1.0], (0.28251353013018654, 0.7174864698698133)),
])
def test_logit_limits_from_the_positive_values(kind, data, limits):
    fig, ax = plt.subplots()
    ax.set_yscale("logit")
    getattr(ax, kind)(range(len(data)), data)
    np.testing.assert_allclose(ax.get_ylim(), limits, rtol=1e-12)


def test_semilog_and_loglog_pass_the_log_keywords_on():
    # matplotlib's semilogx/semilogy/loglog give base, subs and nonpositive to the
    # scale (lumos handed them to plot, which refused them)
    fig, ax = plt.subplots()
    ax.semilogy([1, 2], [1, 0], nonpositive="mask", base=2, color="r")
    assert (ax.yaxis.scale.nonpositive, ax.yaxis.scale.base) == ("mask", 2.0)
    assert ax.lines[0].get_color() == "r"
    ax.semilogx([1, 2], [1, 3], subs=[2, 5])
    np.testing.assert_array_equal(ax.xaxis.scale.subs, [2, 5])
    fig, ax = plt.subplots()
    ax.loglog([1, 2], [1, 3], nonpositive="mask")
    assert ax.xaxis.scale.nonpositive == ax.yaxis.scale.nonpositive == "mask"
    with pytest.raises(ValueError, match="nonpositive"):
        ax.loglog([1, 2], [1, 3], nonpositive="hide")
