"""Draw order in the page: what matplotlib's zorder puts over or under an axes' frame,
legend and later axes stays so in the browser, before and after a pan."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plot"))
import browser  # noqa: E402
import test_axes_draw_order as order  # noqa: E402
import test_axis_zorder as axis_zorder  # noqa: E402

import lumos  # noqa: E402
import lumos.pyplot as plt  # noqa: E402

MEAN, BAD = 1.0, 0.005  # tests/web/test_web_interaction.py's tolerance


def test_a_text_panned_over_a_later_axes_is_covered_in_the_page(tmp_path):
    """A text anchored to data that a pan in the page carries out of its axes over the
    next one lies under that axes' background (matplotlib draws each axes whole, one
    after another), as Python draws the panned figure."""
    def make():
        fig, (a1, a2) = lumos.subplots(1, 2, figsize=(4, 3), dpi=100)
        a1.set_xlim(0, 1)
        a1.set_ylim(0, 1)
        a1.text(0.5, 0.5, "MOVED", fontsize=24, color="r", ha="center", va="center")
        a2.set_facecolor("y")
        return fig, a1, a2

    fig, a1, a2 = make()
    with browser.Chromium((400, 300)) as b:
        b.open(fig.savefig(tmp_path / "moved.html"))
        x = round((a1.get_position().x0 + 0.5 * a1.get_position().width) * 400)
        b.drag(x, 150, x + 120, 150)  # the text's anchor to a1's right edge and past
        panned = b.capture()
    x0 = round(a2.get_position().x0 * 400)
    inside = panned[120:180, x0 + 4:x0 + 60, :3].astype(int)
    red = (inside[..., 0] > 200) & (inside[..., 1] < 80) & (inside[..., 2] < 80)
    assert not red.any()  # a2's background covers the text
    left = panned[120:180, x0 - 60:x0 - 4, :3].astype(int)
    assert ((left[..., 0] > 200) & (left[..., 1] < 80) & (left[..., 2] < 80)).sum() > 20
    # Python, drawn with the page's limits, agrees in a2
    x0_lim = a1.get_xlim()[0] - 120 / (a1.get_position().width * 400)
    fig2, b1, _ = make()
    b1.set_xlim(x0_lim, x0_lim + 1)
    python = fig2.render()[120:180, x0 + 4:x0 + 60, :3].astype(int)
    assert not ((python[..., 0] > 200) & (python[..., 1] < 80) & (python[..., 2] < 80)).any()


@pytest.mark.parametrize("script", [order._legend_under_the_frame,
                                    order._line_between_the_frame_and_the_legend,
                                    axis_zorder._line_over_ticklabels])
def test_the_page_keeps_the_frame_and_legend_cuts(tmp_path, script):
    """A legend under the frame (zorder 1), a line between the frame and the legend
    (zorder 3), an unclipped line over the tick labels (2 over the axis' 1.5): the page
    stacks the views as Python does (tests/plot's pictures)."""
    fig = script(plt)
    python = fig.render()
    with browser.Chromium((300, 300)) as b:
        b.open(fig.savefig(tmp_path / "cuts.html"))
        page = b.capture()
    diff = browser.image_difference(page, python)
    assert diff["mean"] < MEAN and diff["bad_fraction"] < BAD, diff
    plt.close(fig)


def test_the_page_keeps_the_ticks_under_the_lines_after_a_pan(tmp_path):
    """Ticks pointing in (the axis, zorder 1.5) under a line (2) that crosses them, as
    Python draws it; a pan in x moves the ticks along the line, still under it."""
    script = axis_zorder._ticks_in("line", "line")
    fig = script(plt)
    python = fig.render()
    with browser.Chromium((300, 300)) as b:
        b.open(fig.savefig(tmp_path / "ticks.html"))
        page = b.capture()
        b.drag(150, 150, 190, 150)  # x only: the ticks slide along the line
        panned = b.capture()
    diff = browser.image_difference(page, python)
    assert diff["mean"] < MEAN and diff["bad_fraction"] < BAD, diff
    rows, cols = map(np.unique, np.nonzero(axis_zorder._red(python[..., :3].astype(int))))
    band = np.s_[rows.min():rows.max() + 1, cols.min() + 10:cols.max() - 10, :3]
    for img in (page, panned):
        assert axis_zorder._red(img[band].astype(int)).mean() > 0.9
        assert not axis_zorder._green(img[band].astype(int)).any()
    # the ticks moved: green columns above the line differ from the first capture's
    above = np.s_[rows.min() - 20:rows.min() - 2, :, :3]
    assert (axis_zorder._green(page[above].astype(int)).any(0)
            != axis_zorder._green(panned[above].astype(int)).any(0)).any()
    plt.close(fig)
