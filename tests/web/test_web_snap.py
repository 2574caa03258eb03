"""Tick marks a page redraws after a pan sit on the pixel grid as Python's (and
matplotlib's Agg) do: one dark column each (lumos/plot/snapping.py, snapTick in
lumos/web/axes.js)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path[:0] = [str(Path(__file__).resolve().parent)]

from test_web_follow import page_and_python  # noqa: E402

import lumos  # noqa: E402

pytestmark = pytest.mark.browser


def ticked_plot():
    """Major and minor x ticks, 0.8 pt wide (1.1 px: one pixel's middle when snapped)."""
    fig, ax = lumos.subplots(figsize=(4, 3), dpi=100)
    ax.plot([0, 10], [0, 1])
    ax.set_xlim(0.03, 9.61)
    ax.minorticks_on()
    return fig


def test_page_tick_marks_stay_snapped_after_a_pan(tmp_path):
    events = [("drag", 200, 150, 237, 150)]  # the ticks land between pixels (no zoom)
    _, after, python, notices = page_and_python(tmp_path, ticked_plot, (400, 300), events,
                                                "snap_ticks")
    assert notices == {}, notices
    fig = ticked_plot()
    fig.draw()
    bx, by, bw, bh = fig.axes[0].box
    top = 300 - int(np.floor(by)) + 1  # the rows just under the bottom spine
    strip = (slice(top, top + 2), slice(int(bx) + 3, int(bx + bw) - 3))
    page = after[strip][..., :3].astype(int).min(axis=-1).min(axis=0)
    ref = python[strip][..., :3].astype(int).min(axis=-1).min(axis=0)
    # every tick one dark column (an unsnapped one is two gray ones), where Python has it
    dark = np.flatnonzero(page < 100)
    assert len(dark) >= 10
    assert np.array_equal(dark, np.flatnonzero(ref < 100))
    assert not ((page >= 100) & (page < 200)).any(), np.flatnonzero(page < 200)


def gridded_plot():
    fig, ax = lumos.subplots(figsize=(4, 3), dpi=100)
    ax.plot([0, 10], [0, 1], alpha=0)
    ax.set_xlim(0.03, 9.61)
    ax.grid(True, color="k")
    return fig


def test_page_grid_lines_stay_snapped_after_a_pan(tmp_path):
    events = [("drag", 200, 150, 237, 131)]
    _, after, python, notices = page_and_python(tmp_path, gridded_plot, (400, 300), events,
                                                "snap_grid")
    assert notices == {}, notices
    fig = gridded_plot()
    fig.draw()
    bx, by, bw, bh = fig.axes[0].box
    row = 300 - int(by + bh / 3)  # a row across the x grid lines, inside the box
    cols = slice(int(bx) + 3, int(bx + bw) - 3)
    page = after[row, cols, :3].astype(int).min(axis=-1)
    ref = python[row, cols, :3].astype(int).min(axis=-1)
    dark = np.flatnonzero(page < 100)
    assert len(dark) >= 4
    assert np.array_equal(dark, np.flatnonzero(ref < 100))
    assert not ((page >= 100) & (page < 200)).any(), np.flatnonzero(page < 200)
