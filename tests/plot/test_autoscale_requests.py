"""Which additions move the view: matplotlib fits the view only when something asks
(``plot``, ``scatter``, ``autoscale_view``, an ``axhline`` outside the view), not after
``add_patch``/``add_line``/``add_artist`` nor after an ``axhline`` inside the view; what
was added still counts at the next fit. lumos gives the same limits."""

from __future__ import annotations

import numpy as np
import pytest

import lumos.patches as lpatches
import lumos.pyplot as plt

mpl = pytest.importorskip("matplotlib")
mpatches = pytest.importorskip("matplotlib.patches")
mlines = pytest.importorskip("matplotlib.lines")


def _patch(lib, kind):
    return getattr(lpatches if lib == "lumos" else mpatches, kind)


# each step: (name, args); run on a fresh axes of both libraries
SCRIPTS = {
    "add_patch": [("add_patch", ("Rectangle", (2, 3), 4, 5))],
    "add_patch then plot": [("add_patch", ("Rectangle", (2, 3), 4, 5)),
                            ("plot", ([0, 1], [0, 1]))],
    "add_patch then autoscale_view": [("add_patch", ("Circle", (5, 5), 1)),
                                      ("autoscale_view", ())],
    "axhline inside": [("axhline", (0.5,))],
    "axhline outside": [("axhline", (5.0,))],
    "axvline outside": [("axvline", (-3.0,))],
    "axhline inside then plot": [("axhline", (0.5,)), ("plot", ([2, 3], [2, 3]))],
    "plot then axhline outside": [("plot", ([0, 10], [0, 10])), ("axhline", (20.0,))],
    "patch then axhline inside": [("add_patch", ("Circle", (5, 5), 1)), ("axhline", (0.5,))],
    "arrow": [("arrow", (1, 2, 3, 4))],
    "axhline NaN": [("axhline", (np.nan,))],
    "stairs": [("stairs", ([1, 4, 2],))],
    "patch then axhspan": [("add_patch", ("Circle", (5, 5), 1)), ("axhspan", (2, 3))],
    "patch then axvspan": [("add_patch", ("Circle", (5, 5), 1)), ("axvspan", (-2, -1))],
    # a fit asked for and not yet read includes what comes after it (matplotlib's stale
    # view limits), until the view is read
    "plot then add_patch": [("plot", ([0, 1], [0, 1])),
                            ("add_patch", ("Rectangle", (2, 3), 4, 5))],
    "plot, get_xlim, add_patch": [("plot", ([0, 1], [0, 1])), ("get_xlim", ()),
                                  ("add_patch", ("Rectangle", (2, 3), 4, 5))],
    "plot, set_ylim, add_patch": [("plot", ([0, 1], [0, 1])), ("set_ylim", (0, 2)),
                                  ("add_patch", ("Rectangle", (2, 3), 4, 5))],
    "axhline outside then add_patch": [("axhline", (5.0,)),
                                       ("add_patch", ("Rectangle", (2, 3), 4, 5))],
    # a fit asked for with no finite data: the locator's default view, margins added
    # (-0.055..0.055; 1..10 widened on a log axis); a fresh axes stays 0..1
    "nothing": [],
    "plot empty": [("plot", ([], []))],
    "scatter empty": [("scatter", ([], []))],
    "plot NaN": [("plot", ([np.nan], [np.nan]))],
    "plot empty then data": [("plot", ([], [])), ("plot", ([1, 3], [2, 5]))],
    "log x then plot empty": [("set_xscale", ("log",)), ("plot", ([], []))],
    "symlog x then plot empty": [("set_xscale", ("symlog",)), ("plot", ([], []))],
    "log x only": [("set_xscale", ("log",))],
    "autoscale only": [("autoscale", ())],
    "margins only": [("margins", (0.2,))],
    "margins 0 then plot empty": [("margins", (0,)), ("plot", ([], []))],
    "bar empty": [("bar", ([], []))],
    "fill_between empty": [("fill_between", ([], []))],
    # texts and annotations ask no fit, and their places never count
    "annotate": [("annotate", ("a", (0.8, 0.8), (0.1, 0.1)))],
    "annotate far then plot": [("annotate", ("a", (5, 5))), ("plot", ([0, 1], [0, 1]))],
    "plot then annotate far": [("plot", ([0, 1], [0, 1])), ("annotate", ("a", (5, 5)))],
}


def _run(lib: str, steps) -> tuple:
    if lib == "lumos":
        fig, ax = plt.subplots()
    else:
        import matplotlib.pyplot as mplt

        fig, ax = mplt.subplots()
    for name, args in steps:
        if name == "add_patch":
            kind, *rest = args
            ax.add_patch(_patch(lib, kind)(*rest))
        else:
            getattr(ax, name)(*args)
    return ax.get_xlim(), ax.get_ylim()


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_limits_as_matplotlib(name):
    lumos_lims = _run("lumos", SCRIPTS[name])
    mpl_lims = _run("matplotlib", SCRIPTS[name])
    np.testing.assert_allclose(lumos_lims, mpl_lims, rtol=1e-9, atol=1e-12)


def test_held_view_survives_a_draw(tmp_path):
    """The draw does not fit what add_patch added; the next plot does."""
    fig, ax = plt.subplots()
    ax.add_patch(lpatches.Rectangle((2, 3), 4, 5))
    fig.savefig(tmp_path / "a.png")
    assert ax.get_xlim() == (0.0, 1.0) and ax.get_ylim() == (0.0, 1.0)
    ax.plot([0, 1], [0, 1])
    fig.savefig(tmp_path / "b.png")
    assert ax.get_xlim()[1] > 6.0 and ax.get_ylim()[1] > 8.0


def test_matplotlib_line_added_keeps_view():
    fig, ax = plt.subplots()
    ax.add_line(mlines.Line2D([2, 3], [5, 7]))
    assert ax.get_xlim() == (0.0, 1.0) and ax.get_ylim() == (0.0, 1.0)
    ax.autoscale_view()
    assert ax.get_xlim()[0] < 2.0 < 3.0 < ax.get_xlim()[1]


def test_stream_scrolls_past_an_axhline(tmp_path):
    """A stream (lumos's live limits) still moves the view after an axhline."""
    fig, ax = plt.subplots()
    s = ax.stream(1, 100)
    s.push(np.linspace(0, 1, 50)[:, None])
    ax.axhline(0.5)
    s.push(np.full((50, 1), 3.0))
    fig.savefig(tmp_path / "s.png")
    assert ax.get_ylim()[1] > 3.0


def _relim_script(pyplot, draw_first: bool, then: str) -> list:
    """plot, (draw), new data, relim, then ``then``: the y limits after each draw."""
    fig, ax = pyplot.subplots()
    (line,) = ax.plot([0, 1], [0, 1])
    bars = ax.bar([2, 3], [1, 1])
    seen = []
    if draw_first:
        fig.canvas.draw()
        seen.append(ax.get_ylim())
    line.set_ydata([0, 5])
    bars[0].set_height(-2)
    ax.relim()
    line.set_ydata([0, 9])  # after relim: not measured until the next one
    if then:
        getattr(ax, then)()
    fig.canvas.draw()
    seen.append(ax.get_ylim())
    if then != "autoscale_view":
        ax.autoscale_view()
        fig.canvas.draw()
        seen.append(ax.get_ylim())
    return np.round(seen, 9).tolist()


@pytest.mark.parametrize("draw_first", [True, False])
@pytest.mark.parametrize("then", ["", "autoscale_view", "autoscale"])
def test_relim_measures_and_the_view_moves_when_a_fit_is_asked(draw_first, then):
    """matplotlib's relim recomputes dataLim only: after a draw the view stays until
    autoscale_view (or another request); before the first draw the pending request of
    plot fits the new data."""
    import matplotlib.pyplot as mplt

    expected = _relim_script(mplt, draw_first, then)
    assert _relim_script(plt, draw_first, then) == expected
    assert expected[-1] != expected[0] or not draw_first  # the view did move at the end


@pytest.mark.parametrize("args,kwargs", [((0.2,), {}), ((0.1, 0.3), {}), ((), {"y": 0.4}),
                                         ((), {})])
def test_axes_margins_forms_as_matplotlib(args, kwargs):
    """``ax.margins(m)`` sets both margins, ``ax.margins(mx, my)`` each, no arguments
    gives them back (lumos's Axes.margins set x only and returned None)."""
    import matplotlib.pyplot as mplt

    seen = []
    for pyplot in (plt, mplt):
        fig, ax = pyplot.subplots()
        ax.plot([0, 10], [0, 10])
        got = ax.margins(*args, **kwargs)
        seen.append((got, ax.get_xlim(), ax.get_ylim(), ax.margins()))
    assert np.allclose(seen[0][1:], seen[1][1:])
    assert (seen[0][0] is None) == (seen[1][0] is None)
    with pytest.raises(TypeError, match="margins"):
        plt.gca().margins(0.1, x=0.2)


def _classic_then_drawn(pyplot, step: str) -> tuple:
    """In the 'classic' style's context (axes.autolimit_mode 'round_numbers', no
    margins): bars, then ``step`` reads the view or not; drawn after the context."""
    with pyplot.style.context("classic"):
        fig, ax = pyplot.subplots()
        x = np.arange(5)
        ax.bar(x, [5, 9, 12, 21, 7], 0.25)
        ax.bar(x + 0.25, [6, 8, 13, 17, 9], 0.25)
        if step == "set_xticks":
            ax.set_xticks(x + 0.25, labels=list("abcde"))
        elif step == "get_xlim":
            ax.get_xlim()
    fig.canvas.draw()
    lims = ax.get_xlim(), ax.get_ylim()
    pyplot.close(fig)
    return lims


@pytest.mark.parametrize("step", ["set_xticks", "get_xlim", "nothing"])
def test_a_view_read_stays_until_a_fit_is_asked(step):
    """matplotlib fits the view when it is read after a fit was asked (``set_xticks``
    reads it), then keeps it: the draw after the style's context shows limits rounded
    out as the style's round_numbers made them (-1..5, 0..25), not the fit anew of
    the draw, unrounded, to the fixed tick locator (gallery style_sheets_reference,
    'classic': the bar chart's x limits -0.125..4.375). A view never read is fitted
    at the draw, with the rcParams of then."""
    import matplotlib.pyplot as mplt

    ours = _classic_then_drawn(plt, step)
    theirs = _classic_then_drawn(mplt, step)
    np.testing.assert_allclose(ours, theirs, rtol=1e-12)
