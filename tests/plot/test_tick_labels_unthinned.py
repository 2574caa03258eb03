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


def _drawn_normalised(strings) -> list[str]:
    return [mpl_text(s) for s in strings]


def _linear_setup(plt, size, labelsize, many: bool):
    """Automatic ticks on a linear axis, and, with ``many``, 30 bins whose labels
    overlap at every size here (2-digit to 6-digit labels)."""
    fig, ax = plt.subplots(figsize=size)
    ax.plot([0, 123456.0], [-3.3, 77.0])
    ax.tick_params(labelsize=labelsize)
    if many:
        ax.xaxis.set_major_locator(plt.MaxNLocator(30))
        ax.yaxis.set_major_locator(plt.MaxNLocator(30))
    return fig, ax


@pytest.mark.parametrize("many", [False, True])
@pytest.mark.parametrize("labelsize", [10, 18])
@pytest.mark.parametrize("size", [(1.5, 1.2), (3, 2), (6.4, 4.8)])
@pytest.mark.parametrize("style", ["default", "classic", "ggplot"])
def test_automatic_linear_ticks_label_every_tick_as_matplotlib(style, size, labelsize, many):
    # lumos kept every k-th label of automatic ticks where they overlapped (style
    # sheets' reference figures lost half their labels); matplotlib draws them all
    import lumos.pyplot as plt

    with mplt.style.context(style):
        mfig, max_ = _linear_setup(mplt, size, labelsize, many)
        mfig.canvas.draw()
    want = [mpl_text(t.label1.get_text()) for axis in (max_.xaxis, max_.yaxis)
            for t in axis._update_ticks()  # the ticks a draw draws
            if t.label1.get_visible() and t.label1.get_text()]
    mplt.close(mfig)
    with plt.style.context(style):  # drawn inside: lumos reads some styles at the draw
        fig, _ = _linear_setup(plt, size, labelsize, many)
        got = _drawn_normalised(drawn_strings(fig))
    assert sorted(got) == sorted(want)


def test_rotated_date_labels_are_all_drawn_as_matplotlib():
    # fill_between_alpha.py: autofmt_xdate's 30-degree labels on a 6.4-inch axis;
    # lumos dropped 4 of 9 though matplotlib draws all 9
    import datetime

    import lumos.pyplot as plt

    days = [datetime.date(2004, 8, 19) + datetime.timedelta(days=7 * i) for i in range(200)]

    def make(p):
        fig, ax = p.subplots()
        ax.plot(days, range(200))
        ax.set_yticks([])
        fig.autofmt_xdate()
        return fig, ax

    mfig, max_ = make(mplt)
    mfig.canvas.draw()
    want = [t.label1.get_text() for t in max_.xaxis._update_ticks() if t.label1.get_text()]
    mplt.close(mfig)
    fig, _ = make(plt)
    assert len(want) >= 9
    assert drawn_strings(fig) == want
