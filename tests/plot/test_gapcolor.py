"""``gapcolor``: the gaps of a dashed line drawn in another color, where matplotlib's
Agg draws them (gallery line_demo_dash_control.py)."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest

import lumos.pyplot as plt

matplotlib.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402


def _row(mod, **kwargs) -> np.ndarray:
    """The middle pixel row of a horizontal dashed line 8 points wide, as 0 (white),
    1 (green dash) or 2 (magenta gap)."""
    fig, ax = mod.subplots(figsize=(4, 1), dpi=80)
    ax.set_axis_off()
    ax.plot([0, 1], [0.5, 0.5], lw=8, color="#00ff00", **kwargs)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    fig.canvas.draw()
    img = np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)
    row = img[img.shape[0] // 2]
    green = (row[:, 1] > 200) & (row[:, 0] < 60)
    magenta = (row[:, 0] > 200) & (row[:, 1] < 60)
    return np.where(green, 1, np.where(magenta, 2, 0))


@pytest.mark.parametrize("kwargs", [
    {"dashes": [4, 4]},
    {"dashes": [3, 1, 1, 1], "gapcolor": "#ff00ff"},  # the last gap comes first
    {"linestyle": (2, (2, 1)), "gapcolor": "#ff00ff"},  # an offset moves both
    {"linestyle": "--", "gapcolor": "#ff00ff"},
])
def test_gaps_where_matplotlib_draws_them(kwargs):
    ours, theirs = _row(plt, **kwargs), _row(mplt, **kwargs)
    inked = (ours > 0) | (theirs > 0)
    assert (ours[inked] == theirs[inked]).mean() > 0.9  # antialiased ends differ by 1 px
    assert abs((ours == 2).sum() - (theirs == 2).sum()) <= 0.1 * max((theirs == 2).sum(), 10)
    assert (ours == 2).any() == ("gapcolor" in kwargs)


def test_gapcolor_accessors_legend_and_refusals():
    fig, ax = plt.subplots(figsize=(3, 2), dpi=80)
    line, = ax.plot([0, 1], [0, 1], "--", gapcolor="tab:pink", label="l")
    assert line.get_gapcolor() == "tab:pink" and line.is_dashed()
    handle = line.legend_handle(10.0)
    assert [s[1] for s in handle.strokes] == [pytest.approx(matplotlib.colors.to_rgba(
        "tab:pink"))]
    line.set_gapcolor(None)
    assert line.legend_handle(10.0).strokes == ()
    with pytest.raises(ValueError, match="gapcolor"):
        line.set_gapcolor("nocolor")
    with pytest.raises(TypeError, match="gapcolor"):
        ax.axhline(0.5, ls="--", gapcolor="r")
