"""Axis rules seen to differ from matplotlib's while running its gallery: ticks set
outside the view, minor tick labels, symlog minor ticks, round-number limits, errorbars
on log axes, the title's rcParams."""

from __future__ import annotations

import numpy as np
import pytest

from lumos import pyplot as plt


def test_set_ticks_widens_the_view_to_show_them():
    # matplotlib's Axis._set_tick_locations: set_view_interval(min, max) never narrows
    fig, ax = plt.subplots()
    ax.plot([1, 2], [1, 2])
    ax.set_xticks([0, 5])
    assert ax.get_xlim() == (0.0, 5.0)
    assert ax.get_autoscalex_on()  # a later fit undoes it, as there
    fig.canvas.draw()
    assert ax.get_xlim() == (0.0, 5.0)
    ax.plot([1, 3], [1, 2])
    assert ax.get_xlim() == pytest.approx((0.9, 3.1))


def test_set_ticks_widens_limits_set_by_hand_keeping_the_direction():
    fig, ax = plt.subplots()
    ax.set_ylim(2, 1)
    ax.set_yticks([0, 5], minor=True)
    assert ax.get_ylim() == (5.0, 0.0)
    ax.set_xlim(0, 10)
    ax.set_xticks([2, 3])  # inside: the view stays
    assert ax.get_xlim() == (0.0, 10.0)


def test_set_ticks_widens_shared_axes_too():
    fig, (a, b) = plt.subplots(2, sharex=True)
    a.plot([1, 2], [1, 2])
    a.set_xticks([0, 5])
    assert b.get_xlim() == (0.0, 5.0)


def test_symlog_has_no_minor_ticks_until_subs_are_given():
    # matplotlib's SymmetricalLogScale: subs=None puts the minor locator on the decades
    fig, ax = plt.subplots()
    ax.set_yscale("symlog")
    ax.set_ylim(-50, 50)
    assert len(ax.yaxis.get_minorticklocs()) == 0
    ax.set_xscale("symlog", linthresh=5, subs=[2, 3, 4])
    ax.set_xlim(-60, 60)
    minor = sorted(float(v) for v in ax.xaxis.get_minorticklocs() if -60 <= v <= 60)
    # the multiples of the first decade lie in the linear part, as matplotlib's do
    assert minor == [-40, -30, -20, -4, -3, -2, 2, 3, 4, 20, 30, 40]


def test_set_title_reads_the_title_rcparams_when_called():
    # matplotlib's set_title takes size, weight, colour and pad from rcParams each call
    # (and axes.titley), so rc_context around it styles that title
    fig, ax = plt.subplots()
    with plt.rc_context({"axes.titleweight": "bold", "axes.titlecolor": "red",
                         "axes.titlesize": 20, "axes.titley": 1.1, "axes.titlepad": 12,
                         "axes.titlelocation": "left"}):
        ax.set_title("A")
    assert ax.get_title("left") == "A"
    left = ax.title.styles["left"]
    assert (left.weight, left.color, left.fontsize) == ("bold", (1.0, 0.0, 0.0, 1.0), 20.0)
    assert (ax.title.get_position()[1], ax.title.pad) == (1.1, 12.0)
    ax.set_title("B")  # rcParams back to the defaults: so is the style
    centre = ax.title.styles["center"]
    assert (centre.weight, centre.fontsize, ax.title.pad) == ("normal", 12.0, 6.0)
    assert ax.title.get_position()[1] == 1.0


def test_axes_titley_places_new_axes_titles():
    with plt.rc_context({"axes.titley": 1.2}):
        fig, ax = plt.subplots()
    assert ax.title.get_position()[1] == 1.2


@pytest.mark.parametrize(("scale", "x", "y", "want"), [
    # matplotlib 3.11's limits for the same calls
    ("linear", [0.3, 7.2], [-1.3, 42], (-1.0, 8.0, -10.0, 50.0)),
    ("log", [3, 720], [0.013, 42], (1.0, 1000.0, 0.001, 100.0)),
    ("symlog", [-300, 720], [-0.5, 42], (-1000.0, 10000.0, -1.0, 100.0)),
    ("linear", [1000.5, 1000.7], [5, 5], (1000.45, 1000.75, 4.7, 5.3)),  # larger step
])
def test_round_numbers_limits_end_on_ticks(scale, x, y, want):
    with plt.rc_context({"axes.autolimit_mode": "round_numbers"}):
        fig, ax = plt.subplots()
        ax.plot(x, y)
        ax.set_xscale(scale)
        ax.set_yscale(scale)
        got = ax.get_xlim() + ax.get_ylim()
    assert got == pytest.approx(want, rel=1e-12)


def test_round_numbers_other_locators_and_sticky_edges():
    from lumos import ticker

    with plt.rc_context({"axes.autolimit_mode": "round_numbers"}):
        fig, ax = plt.subplots()
        ax.plot([0.3, 7.2], [-1.3, 42])
        ax.xaxis.set_major_locator(ticker.MultipleLocator(2.5))
        ax.yaxis.set_major_locator(ticker.LinearLocator(5))
        ax.autoscale()
        assert ax.get_xlim() + ax.get_ylim() == pytest.approx((-2.5, 10.0, -4.0, 48.0))
        fig, ax = plt.subplots()
        ax.bar([1, 2, 3], [3, 7, 5])
        assert ax.get_xlim() + ax.get_ylim() == pytest.approx((0.0, 4.0, 0.0, 8.0))
        fig, ax = plt.subplots()
        ax.imshow(np.zeros((5, 7)))  # sticky edges: the image's own
        assert ax.get_xlim() + ax.get_ylim() == pytest.approx((-0.5, 6.5, 4.5, -0.5))
        fig, ax = plt.subplots(subplot_kw={"projection": "polar"})
        ax.plot([0, 1, 2], [0.3, 1.7, 2.2])
        assert ax.get_ylim() == pytest.approx((0.0, 2.5))
    fig, ax = plt.subplots()  # 'data' (the default): the margins only
    ax.plot([0.3, 7.2], [-1.3, 42])
    assert ax.get_xlim() == pytest.approx((-0.045, 7.545))


def _labels(ax, minor: bool) -> list[tuple[float, str]]:
    ax.figure.canvas.draw()
    lo, hi = sorted(ax.get_ylim())
    locs = ax.yaxis.get_minorticklocs() if minor else ax.yaxis.get_majorticklocs()
    return [(float(f"{v:.6g}"), t.get_text()) for v, t in
            zip(locs, ax.get_yticklabels(minor=minor), strict=True)
            if lo <= v <= hi and t.get_text()]


@pytest.mark.parametrize(("lim", "major", "minor"), [
    # matplotlib 3.11's labels: a decade shown labels 2, 3, 4, 6 times it (its
    # log(1000) / log(10) < 3 counts one power in [100, 1000])
    ((100, 1000), [100, 1000], [200, 300, 400, 600]),
    ((2, 30), [10], [2, 3, 4, 6, 20, 30]),
    ((2, 8), [], [2, 3, 4, 6]),
    ((2, 2.5), [], [2, 2.1, 2.2, 2.3, 2.4, 2.5]),  # within 0.4 decade: every tick
    ((1, 1000), [1, 10, 100, 1000], []),
])
def test_log_axes_showing_few_decades_label_minor_ticks(lim, major, minor):
    fig, ax = plt.subplots()
    ax.set_yscale("log")
    ax.set_ylim(*lim)
    assert [v for v, _ in _labels(ax, False)] == major
    got = _labels(ax, True)
    assert [v for v, _ in got] == minor
    if minor:
        assert got[0][1].endswith(r"\times10^{0}$") or got[0][1].endswith(r"10^{2}$")


def test_log_subs_given_label_no_minor_ticks():
    fig, ax = plt.subplots()
    ax.set_yscale("log", subs=[2, 5])  # matplotlib's labelOnlyBase
    ax.set_ylim(2, 30)
    assert _labels(ax, True) == []


@pytest.mark.parametrize(("lim", "minor"), [
    ((0.003, 0.2), [(0.02, r"$2\cdot10^{-2}$"), (0.03, r"$3\cdot10^{-2}$"), (0.2, "$0.2$")]),
    ((0.08, 0.6), [(0.2, "$0.2$"), (0.3, "$0.3$"), (0.4, "$0.4$"), (0.6, "$0.6$")]),
    ((0.45, 0.55), []),
])
def test_logit_zoomed_labels_minor_ticks_as_matplotlib(lim, minor):
    # LogitFormatter(minor=True): which of the minor ticks (those beyond the view
    # counted) get labels
    fig, ax = plt.subplots()
    ax.set_yscale("logit")
    ax.set_ylim(*lim)
    assert _labels(ax, True) == minor


def test_asinh_minor_ticks_by_matplotlibs_multipliers():
    fig, ax = plt.subplots()
    ax.set_yscale("asinh", base=2)  # none for base 2
    ax.set_ylim(-100, 1000)
    assert len(ax.yaxis.get_minorticklocs()) == 0
    ax.set_yscale("asinh", base=8)  # 2 and 4 times each power
    ax.set_ylim(-100, 1000)
    assert {16.0, 32.0, 128.0, 256.0} <= set(ax.yaxis.get_minorticklocs().tolist())


def test_symmetric_locator_makes_automatic_limits_symmetric():
    # matplotlib's MaxNLocator.view_limits applies symmetric=True in 'data' mode too
    from lumos import ticker

    fig, ax = plt.subplots()
    ax.yaxis.set_major_locator(ticker.MaxNLocator(symmetric=True))
    ax.plot([0, 1], [-1, 3])
    assert ax.get_ylim() == pytest.approx((-3.2, 3.2))


# (setup, x limits, y limits) as matplotlib 3.11.2 gives them for plot([0.3, 9.7],
# [1.1, 4.3]) under round_numbers: tight=True zeroes the margins of the axes scaled and
# stops the rounding for every later fit; margins() sets tight=True by default
@pytest.mark.parametrize("setup, xlim, ylim", [
    (lambda ax: None, (-2.0, 12.0), (0.5, 4.5)),
    (lambda ax: ax.autoscale(tight=True), (0.3, 9.7), (1.1, 4.3)),
    (lambda ax: ax.autoscale(axis="x", tight=True), (0.3, 9.7), (0.94, 4.46)),
    (lambda ax: (ax.autoscale(tight=True), ax.autoscale(tight=False)), (0, 10), (1, 4.5)),
    (lambda ax: ax.axis("tight"), (-0.17, 10.17), (0.94, 4.46)),
    (lambda ax: ax.margins(0.1), (-0.64, 10.64), (0.78, 4.62)),
    (lambda ax: ax.margins(0.1, tight=False), (-2.0, 12.0), (0.5, 5.0)),
    # set_xmargin/set_ymargin leave tight as it was: still rounded (gallery auto_ticks)
    (lambda ax: ax.set_xmargin(0.8), (-10.0, 20.0), (0.5, 4.5)),
    (lambda ax: ax.set_ymargin(0.3), (-2.0, 12.0), (0.0, 6.0)),
])
def test_autoscale_tight_as_matplotlib(setup, xlim, ylim):
    with plt.rc_context({"axes.autolimit_mode": "round_numbers"}):
        fig, ax = plt.subplots()
        ax.plot([0.3, 9.7], [1.1, 4.3])
        setup(ax)
        np.testing.assert_allclose(ax.get_xlim(), xlim, atol=1e-9)
        np.testing.assert_allclose(ax.get_ylim(), ylim, atol=1e-9)


def test_autoscale_enable_none_keeps_the_state_and_axis_is_checked():
    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1])
    ax.autoscale(enable=None)
    assert ax.get_autoscalex_on() and ax.get_autoscaley_on()
    ax.set_autoscale_on(False)
    ax.autoscale(enable=None)
    assert not ax.get_autoscalex_on() and not ax.get_autoscaley_on()
    with pytest.raises(ValueError, match="axis: got 'z'"):
        ax.autoscale(axis="z")
