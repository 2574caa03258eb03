"""``legend(loc='best')`` picks matplotlib's location: the same things counted
(vertices inside, boxes overlapping, paths crossing; lumos.plot.legend_best) in the
same candidate order."""

from __future__ import annotations

import numpy as np
import pytest

import lumos.pyplot as lplt
from lumos.plot.legend_best import Obstacles, best_location

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402

DATA = [np.random.default_rng(19680801).normal(0, s, 100) for s in (1, 2, 3)]


def _violin(plt, ax):
    ax.violinplot(DATA)
    ax.plot([1, 2, 3], [0, 1, 2], label="l")


def _errorbar(plt, ax):
    ax.errorbar([1, 2, 3, 4], [4, 1, 3, 4.2], yerr=0.8, capsize=3, label="e")


def _fill_between(plt, ax):
    t = np.linspace(0, 1, 50)
    ax.fill_between(t, t**2, t, label="f")
    ax.plot(t, 1 - t, label="l")


def _polygon(plt, ax):
    ax.fill([0, 1, 1, 0], [0, 0, 1, 1], label="p")
    ax.plot([0, 1], [0.5, 0.5], label="l")


def _rectangle(plt, ax):
    ax.plot([0, 1], [0, 1], label="l")
    ax.add_patch(plt.Rectangle((0.05, 0.6), 0.3, 0.35))


def _text(plt, ax):
    ax.plot([0, 1], [0.5, 0.5], label="l")
    ax.text(0.95, 0.95, "A text in the corner", ha="right", va="top", transform=ax.transAxes)


def _hist(plt, ax):
    x = np.c_[DATA[0], DATA[1] + 1, DATA[2] + 2]
    ax.hist(x, 10, histtype="bar", label=["a", "b", "c"])


def _markers(plt, ax):
    ax.plot([0, 1, 2, 3], [3, 0.1, 0.2, 2.9], "o", label="m")


def _contourf_hatches(plt, ax):
    # matplotlib's 'best' counts nothing of a contour set: not its hatched regions,
    # which lumos draws as collections of their own
    x, y = np.meshgrid(np.linspace(0, 1, 40), np.linspace(0, 1, 30))
    ax.contourf(x, y, x + y, [0, 1.8, 1.9, 2], colors="none", hatches=[None, "/", "."])
    ax.plot([0.1, 0.2], [0.1, 0.2], label="l")


CASES = [_violin, _errorbar, _fill_between, _polygon, _rectangle, _text, _hist, _markers,
         _contourf_hatches]


def _where(plt, case) -> tuple[int, int]:
    """Which third of the axes (column, row) the legend's box sits in."""
    try:
        fig, ax = plt.subplots(figsize=(5, 4), dpi=80)
        case(plt, ax)
        ax.legend()
        if plt is mplt:
            fig.canvas.draw()
        else:
            fig.draw()
        b, a = ax.get_legend().get_window_extent(), ax.get_window_extent()
        fx = (b.x0 - a.x0) / (a.width - b.width)
        fy = (b.y0 - a.y0) / (a.height - b.height)
        return round(fx * 2), round(fy * 2)
    finally:
        plt.close("all")


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.__name__.strip("_"))
def test_best_location_is_matplotlibs(case):
    assert _where(lplt, case) == _where(mplt, case)


def test_best_counts_strictly_inside_and_takes_the_first_of_equals():
    class Thing:
        def __init__(self, obs):
            self.obs = obs

        def get_visible(self):
            return True

        def legend_obstacles(self):
            return self.obs

    boxes = [(1, (0, 0, 10, 10)), (2, (20, 0, 30, 10)), (3, (40, 0, 50, 10))]
    on_edge = Thing(Obstacles(vertices=np.array([[0.0, 5.0], [10.0, 5.0]])))
    assert best_location([on_edge], boxes) == 1  # on the edge: not inside
    inside = Thing(Obstacles(vertices=np.array([[5.0, 5.0], [25.0, 5.0], [26.0, 5.0]])))
    crossing = Thing(Obstacles.outline([np.array([[45.0, -5.0], [45.0, 15.0]])]))
    assert best_location([inside], boxes) == 3
    assert best_location([inside, crossing], boxes) == 1  # 1 each: the first
    assert best_location([Thing(Obstacles.extents([(5, 5, 25, 6)]))], boxes) == 3
