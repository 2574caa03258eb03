"""Log, symlog, logit and asinh axes draw the labels matplotlib draws, tick by tick:
their locators and formatters choose which ticks get a label (LogFormatter's
``minor_thresholds``, LogitFormatter's minor rules, the decade strides), and matplotlib
never drops overlapping ones there (lumos used to keep every k-th)."""

from __future__ import annotations

import pytest
from plot_helpers import drawn_strings, mpl_text

mpl = pytest.importorskip("matplotlib")
mplt = pytest.importorskip("matplotlib.pyplot")

CASES = [("log", (1, 10)), ("log", (1, 30)), ("log", (1, 1e3)), ("log", (1, 1e12)),
         ("log", (0.5, 2)), ("log", (0.1, 5)), ("log", (2, 50)), ("log", (3e-4, 2e-3)),
         ("symlog", (-1e4, 1e4)), ("symlog", (-10, 10)), ("logit", (1e-5, 1 - 1e-5)),
         ("logit", (0.2, 0.8)), ("asinh", (-1e3, 1e3))]


def _setup(plt, axis: str, scale: str, lim, size):
    fig, ax = plt.subplots(figsize=size)
    kw = {"linthresh": 1} if scale == "symlog" else {}
    getattr(ax, f"set_{axis}scale")(scale, **kw)
    getattr(ax, f"set_{axis}lim")(*lim)
    getattr(ax, "set_yticks" if axis == "x" else "set_xticks")([])
    return fig, ax


def _matplotlib_drawn(axis: str, scale: str, lim, size) -> list[str]:
    fig, ax = _setup(mplt, axis, scale, lim, size)
    fig.canvas.draw()
    ticks = getattr(ax, f"{axis}axis")._update_ticks()  # the ticks a draw draws
    major = [t for t in ticks if t in getattr(ax, f"{axis}axis").majorTicks]
    minor = [t for t in ticks if t not in major]
    return [mpl_text(t.label1.get_text()) for t in major + minor
            if t.label1.get_visible() and t.label1.get_text()]


@pytest.mark.parametrize("axis", ["x", "y"])
@pytest.mark.parametrize("size", [(2, 1.5), (3, 2), (12, 8)])
@pytest.mark.parametrize(("scale", "lim"), CASES)
def test_labels_drawn_as_matplotlib_draws_them(scale, lim, size, axis):
    import lumos.pyplot as plt

    want = _matplotlib_drawn(axis, scale, lim, size)
    fig, _ = _setup(plt, axis, scale, lim, size)
    assert drawn_strings(fig) == want
