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


def _page_columns(tmp_path, make, events, name, rows) -> tuple[np.ndarray, np.ndarray]:
    """(page, Python) darkest gray level per column across the axes box, over the
    rows ``rows(box)`` picks (from the top), after the page took ``events``."""
    _, after, python, notices = page_and_python(tmp_path, make, (400, 300), events, name)
    assert notices == {}, notices
    fig = make()
    fig.draw()
    bx, by, bw, bh = fig.axes[0].box
    strip = (rows((bx, by, bw, bh)), slice(int(bx) + 3, int(bx + bw) - 3))
    return tuple(img[strip][..., :3].astype(int).min(axis=-1).min(axis=0)
                 for img in (after, python))


def _one_dark_column_each(page, ref, least: int) -> None:
    """Every line one dark column (an unsnapped one is two gray ones), where Python
    has it."""
    dark = np.flatnonzero(page < 100)
    assert len(dark) >= least
    assert np.array_equal(dark, np.flatnonzero(ref < 100))
    assert not ((page >= 100) & (page < 200)).any(), np.flatnonzero(page < 200)


def test_page_tick_marks_stay_snapped_after_a_pan(tmp_path):
    # the ticks land between pixels (no zoom); the rows just under the bottom spine
    page, ref = _page_columns(tmp_path, ticked_plot, [("drag", 200, 150, 237, 150)],
                              "snap_ticks", lambda b: slice(301 - int(np.floor(b[1])),
                                                            303 - int(np.floor(b[1]))))
    _one_dark_column_each(page, ref, 10)


def gridded_plot():
    fig, ax = lumos.subplots(figsize=(4, 3), dpi=100)
    ax.plot([0, 10], [0, 1], alpha=0)
    ax.set_xlim(0.03, 9.61)
    ax.grid(True, color="k")
    return fig


def test_page_grid_lines_stay_snapped_after_a_pan(tmp_path):
    # a row across the x grid lines, inside the box
    page, ref = _page_columns(tmp_path, gridded_plot, [("drag", 200, 150, 237, 131)],
                              "snap_grid", lambda b: slice(300 - int(b[1] + b[3] / 3),
                                                           301 - int(b[1] + b[3] / 3)))
    _one_dark_column_each(page, ref, 4)


def edged_bars_and_vlines():
    """Bars without a face and vlines, 0.8 pt edges (1.1 px: one pixel's middle)."""
    fig, ax = lumos.subplots(figsize=(4, 3), dpi=100)
    ax.bar([1.13, 3.37, 5.61], [0.6, 0.8, 0.7], width=0.83, fc="none", ec="k", lw=0.8)
    ax.vlines([7.21, 8.49], 0.1, 0.9, colors="k", lw=0.8)
    ax.set_xlim(0.03, 9.61)
    ax.set_ylim(0, 1)
    return fig


@pytest.mark.parametrize("events", [[("drag", 200, 150, 237, 131)],
                                    [("wheel", 213, 150, -120)]], ids=["pan", "zoom"])
def test_page_bar_edges_and_vlines_stay_snapped(tmp_path, events):
    # a row across the bars' and the vlines' vertical edges, a third of the box up
    page, ref = _page_columns(tmp_path, edged_bars_and_vlines, events, "snap_bars",
                              lambda b: slice(300 - int(b[1] + b[3] / 3),
                                              301 - int(b[1] + b[3] / 3)))
    _one_dark_column_each(page, ref, 6)
