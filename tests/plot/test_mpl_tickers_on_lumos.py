"""matplotlib tickers that meet lumos's own on an axis (matplotlib's users_explain
tutorials): an AutoMinorLocator reading the axis's major ticks, and a
ConciseDateFormatter made on the axis's (lumos) date locator."""

from __future__ import annotations

import numpy as np
import pytest

import lumos.pyplot as plt

mticker = pytest.importorskip("matplotlib.ticker")
mdates = pytest.importorskip("matplotlib.dates")


def test_matplotlib_auto_minor_locator_reads_major_ticks_without_recursing():
    # axes_ticks.py: the minor locator asks the axis for its major ticks while the
    # axis is placing its minor ones
    fig, ax = plt.subplots()
    ax.plot([0, 3], [0, 1])
    ax.xaxis.set_major_locator(mticker.AutoLocator())
    ax.xaxis.set_minor_locator(mticker.AutoMinorLocator())
    fig.canvas.draw()
    np.testing.assert_allclose(ax.xaxis.get_majorticklocs(), np.arange(-0.5, 3.6, 0.5))
    minor = ax.xaxis.get_minorticklocs()  # matplotlib's: fifths of a step, in the view
    np.testing.assert_allclose(minor[:4], [-0.2, -0.1, 0.1, 0.2])
    assert len(minor) == 27
    plt.close(fig)


def test_matplotlib_concise_date_formatter_on_the_axis_date_locator():
    # quick_start.py: ConciseDateFormatter(ax.xaxis.get_major_locator())
    fig, ax = plt.subplots(figsize=(5, 2.7), layout="constrained")
    dates = np.arange(np.datetime64("2021-11-15"), np.datetime64("2021-12-25"),
                      np.timedelta64(1, "h"))
    ax.plot(dates, np.arange(len(dates)))
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator(),
                                                             show_offset=True))
    fig.canvas.draw()
    assert [t.get_text() for t in ax.get_xticklabels()] == ["15", "22", "Dec", "08", "15",
                                                            "22"]
    assert ax.xaxis.get_major_formatter().get_offset() == "2021-Dec"
    with pytest.raises(TypeError, match="tz"):
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(
            ax.xaxis.get_major_locator(), tz="Europe/Paris"))
    plt.close(fig)
