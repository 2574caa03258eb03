"""An errorbar's caps answer matplotlib's Line2D marker accessors (scripts restyle caps
with ``set_markersize``/``set_markeredgewidth``/``set_markeredgecolor``), and the picture
follows."""

from __future__ import annotations

import numpy as np
import pytest

import lumos


def red_columns(img) -> int:
    red = (img[..., 0] > 200) & (img[..., 1] < 80) & (img[..., 2] < 80)
    return int(red.any(axis=0).sum())


def test_caps_take_marker_accessors_and_redraw():
    fig, ax = lumos.subplots(figsize=(3, 3), dpi=72)  # points are pixels
    eb = ax.errorbar([0], [0], yerr=1, capsize=3, ecolor="k")
    ax.set_xlim(-1, 1)
    ax.set_ylim(-2, 2)
    top, bottom = eb[1]
    assert top.get_marker() == "_" and top.get_markersize() == 6.0
    top.set_markeredgecolor("red")
    narrow = red_columns(fig.render())
    top.set_markersize(30)
    top.set_mew(3)
    assert top.get_markersize() == 30.0 and top.get_markeredgewidth() == 3.0
    assert top.get_markeredgecolor() == (1.0, 0.0, 0.0, 1.0)
    wide = red_columns(fig.render())
    assert narrow == pytest.approx(6, abs=2)
    assert wide == pytest.approx(30, abs=4)  # antialiased ends of a 3 px stroke


def test_cap_markersize_is_checked():
    fig, ax = lumos.subplots()
    (cap, _) = ax.errorbar([0], [0], yerr=1, capsize=3)[1]
    with pytest.raises(TypeError, match="markersize"):
        cap.set_markersize("big")
    assert np.isfinite(cap.get_markersize())


def test_caps_and_bars_sit_on_matplotlibs_pixels():
    """Caps where Agg's draw_markers puts matplotlib's cap markers: the origin rounded
    to a whole pixel (in float64: a cap half way between rows, as here at y = 253.5,
    rounds as Agg's), each end's distance from it rounded on its own (129 pixels off
    by over 60 gray levels before, mean 0.24)."""
    mplt = pytest.importorskip("matplotlib.pyplot")
    x = np.linspace(0.3, 9.7, 13)
    y = np.sin(x) * 3 + 5
    grays = []
    for pyplot in (lumos.pyplot, mplt):
        fig, ax = pyplot.subplots(figsize=(4, 3), dpi=100)
        ax.errorbar(x, y, yerr=0.4 + 0.1 * x, xerr=0.2, capsize=4, fmt="none")
        fig.canvas.draw()
        grays.append(np.asarray(fig.canvas.buffer_rgba())[..., :3].mean(axis=2))
    # the axes' inside: the caps and bars, not the tick labels
    diff = np.abs(grays[0] - grays[1])[40:261, 53:357]
    assert diff.mean() < 0.1 and (diff > 60).sum() <= 4, (diff.mean(), (diff > 60).sum())
