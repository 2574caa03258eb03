"""matplotlib's gallery section spines: spines sit on the pixel grid as Agg snaps them,
the same rows and columns as matplotlib's."""

from __future__ import annotations

import io

import numpy as np
import pytest

import lumos.pyplot as plt

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402


def _frame_pixels(pyplot, frac: float, linewidth: float, **position):
    """Gray levels of the column x=100 and the row y=100 of a 200x200 figure with one
    axes whose box starts ``frac`` of a pixel past 40 (left) and 50 (bottom)."""
    from PIL import Image

    with pyplot.rc_context({"axes.linewidth": linewidth}):
        fig = pyplot.figure(figsize=(2, 2), dpi=100)
        ax = fig.add_axes(((40 + frac) / 200, (50 + frac) / 200, 0.6, 0.5))
    ax.set_xticks([])
    ax.set_yticks([])
    for name, where in position.items():
        ax.spines[name].set_position(where)
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    pyplot.close(fig)
    img = np.asarray(Image.open(buf).convert("L")).astype(int)
    return img[:, 100], img[100, :]


@pytest.mark.parametrize("frac", [0.1, 0.3, 0.5, 0.7, 0.9])
@pytest.mark.parametrize("linewidth", [0.8, 1.5])
def test_spines_snap_to_matplotlibs_pixels(frac, linewidth):
    """A 0.8 pt frame at 100 dpi (1.1 px) is one dark row in matplotlib, where an
    unsnapped line straddles two gray ones; 1.5 pt (2.1 px) snaps to a pixel edge."""
    ours = _frame_pixels(plt, frac, linewidth)
    theirs = _frame_pixels(mplt, frac, linewidth)
    for a, b in zip(ours, theirs, strict=True):
        assert np.abs(a - b).max() <= 3, (np.nonzero(a < 250)[0], np.nonzero(b < 250)[0])


def test_spines_moved_in_axes_fraction_snap_too():
    ours = _frame_pixels(plt, 0.3, 0.8, left=("axes", 0.333), bottom=("outward", 3.3))
    theirs = _frame_pixels(mplt, 0.3, 0.8, left=("axes", 0.333), bottom=("outward", 3.3))
    for a, b in zip(ours, theirs, strict=True):
        assert np.abs(a - b).max() <= 3


def test_snapping_follows_path_snap():
    with plt.rc_context({"path.snap": False}):
        col, _ = _frame_pixels(plt, 0.3, 0.8)
    assert ((col > 20) & (col < 230)).sum() >= 2  # the line straddles two gray rows


def _ink_box(pyplot, setup):
    """(first row, last row, first column, last column, count) of the dark pixels of a
    200x200 figure whose one axes ``setup(ax)`` styled."""
    from PIL import Image

    fig = pyplot.figure(figsize=(2, 2), dpi=100)
    ax = fig.add_axes((0.3, 0.3, 0.4, 0.4))
    setup(ax)
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    pyplot.close(fig)
    rows, cols = np.nonzero(np.asarray(Image.open(buf).convert("L")) < 128)
    return rows.min(), rows.max(), cols.min(), cols.max(), len(rows)


def _spines(cap):
    def setup(ax):
        ax.set_xticks([])
        ax.set_yticks([])
        for spine in ax.spines.values():
            spine.set_linewidth(8)
            if cap is not None:
                spine.set_capstyle(cap)
        ax.spines["left"].set_bounds(0.25, 0.75)  # a moving spine (the page's path)
        ax.spines["bottom"].set_visible(False)
    return setup


def _ticks(ax):
    ax.set_xticks([0.5])
    ax.set_yticks([])
    ax.tick_params(width=6, length=20)
    for spine in ax.spines.values():
        spine.set_visible(False)


@pytest.mark.parametrize(("setup", "tol"), [
    (_spines(None), 0.015), (_spines("butt"), 0.015), (_spines("round"), 0.015),
    (_spines("projecting"), 0.015), (_ticks, 0.05)])
def test_spine_caps_and_tick_ends_as_matplotlibs(setup, tol):
    """A spine's capstyle (matplotlib's default 'projecting') reaches its ends, the
    fixed spines' and a bounded one's; tick lines end square (matplotlib's tick
    markers): the inked box is matplotlib's within a pixel, its dark pixels as many
    within ``tol`` (the frame's round ends have 2.2% fewer than square ones, the
    round-ended ticks had 21% more)."""
    want, got = _ink_box(mplt, setup), _ink_box(plt, setup)
    assert np.abs(np.subtract(got[:4], want[:4])).max() <= 1, (got, want)
    assert abs(got[4] - want[4]) <= tol * want[4], (got, want)
