"""A change made after a figure has drawn draws the picture the same change makes before
any draw (matplotlib draws a figure from its state, whatever it drew before)."""

from __future__ import annotations

import numpy as np
import pytest

import lumos.pyplot as plt


def _lines(ax) -> None:
    x = np.linspace(0, 10, 40)
    ax.plot(x, np.sin(x) * 300, lw=2)
    ax.plot(x, np.cos(x) * 300, "o--", ms=4)
    ax.scatter(x[::4], np.zeros(10), s=30, edgecolors="k")
    ax.set_xlabel("time")


def _lines3d(ax) -> None:
    x = np.linspace(0, 10, 20)
    ax.plot(x, x, np.sin(x), lw=2)
    ax.scatter(x, -x, np.cos(x), s=30)


CHANGES = {
    # new tick widths and colors: the ticks stay under the spines (matplotlib's zorders)
    "tick params": (_lines, {}, lambda fig, ax: ax.tick_params(length=9, width=2,
                                                               colors="red")),
    "tick label size": (_lines, {}, lambda fig, ax: ax.tick_params(labelsize=14)),
    # line widths and marker sizes are pixels at the figure's dpi
    "dpi": (_lines, {}, lambda fig, ax: fig.set_dpi(80)),
    "dpi 3d": (_lines3d, {"projection": "3d"}, lambda fig, ax: fig.set_dpi(80)),
}


def _picture(fill, subplot_kw: dict, change, draw_first: bool) -> np.ndarray:
    fig, ax = plt.subplots(figsize=(3.2, 2.4), dpi=60, subplot_kw=subplot_kw)
    fig.subplots_adjust(left=0.25, bottom=0.3)  # room for the labels, no layout engine
    fill(ax)
    if draw_first:
        fig.render()
    change(fig, ax)
    picture = fig.render()
    plt.close(fig)
    return picture


@pytest.mark.parametrize("name", list(CHANGES))
def test_a_change_after_a_draw_draws_as_before_any(name):
    fill, subplot_kw, change = CHANGES[name]
    fresh = _picture(fill, subplot_kw, change, draw_first=False)
    after = _picture(fill, subplot_kw, change, draw_first=True)
    untouched = _picture(fill, subplot_kw, lambda fig, ax: None, draw_first=False)
    assert fresh.shape != untouched.shape or not np.array_equal(fresh, untouched)
    np.testing.assert_array_equal(after, fresh)


def test_set_dpi_draws_as_a_figure_made_at_that_dpi():
    fig, ax = plt.subplots(figsize=(3.2, 2.4), dpi=80)
    fig.subplots_adjust(left=0.25, bottom=0.3)
    _lines(ax)
    made = fig.render()
    fig.set_dpi(60)
    fig.render()
    fig.set_dpi(80)
    np.testing.assert_array_equal(fig.render(), made)


def test_tick_labels_in_a_face_dropped_and_taken_again():
    """The labels' Text visual of a face no frame uses is dropped; one made again for it
    later gets its labels (it drew none: the last inputs were remembered)."""
    def serif(fig, ax):
        ax.tick_params(labelfontfamily="serif")

    fresh = _picture(_lines, {}, serif, draw_first=False)

    def back_and_forth(fig, ax):
        serif(fig, ax)
        fig.render()
        ax.tick_params(labelfontfamily="sans-serif")
        fig.render()
        serif(fig, ax)

    np.testing.assert_array_equal(_picture(_lines, {}, back_and_forth, True), fresh)
