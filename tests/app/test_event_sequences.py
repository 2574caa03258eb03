"""Event sequences compared with matplotlib's: the same pointer path through lumos's
front-end input (``Interaction``, as a window delivers it) and through matplotlib's
synthetic events (``MouseEvent(...)._process()``) give the same events, axes and data
coordinates."""

from __future__ import annotations

import pytest

import lumos.pyplot as plt
from lumos.app.interaction import Interaction

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402
from matplotlib.backend_bases import LocationEvent, MouseEvent  # noqa: E402

CROSSINGS = ("axes_enter_event", "axes_leave_event", "figure_enter_event",
             "figure_leave_event", "motion_notify_event", "scroll_event")


def _crossings(p, lumos: bool) -> list:
    """matplotlib's figure_axes_enter_leave example with a twin: into the figure, over
    the first axes, the second (its twin on top), out of both, out of the figure."""
    fig, (a1, a2) = p.subplots(2, 1, figsize=(4, 4), dpi=100)
    t2 = a2.twinx()
    t2.set_ylim(100, 200)
    names = {id(a1): "a1", id(a2): "a2", id(t2): "t2", id(None): None}
    log = []

    def note(kind):
        # by the callback's event (matplotlib hands axes_enter_event callbacks the
        # motion event itself)
        def call(e):
            xy = (None, None) if e.xdata is None else (round(float(e.xdata), 6),
                                                       round(float(e.ydata), 6))
            log.append((kind, names[id(e.inaxes)], *xy))

        return call

    for name in CROSSINGS:
        fig.canvas.mpl_connect(name, note(name))
    fig.canvas.draw()
    path = [a1.transAxes.transform((0.5, 0.5)), a2.transAxes.transform((0.25, 0.75)),
            (2.0, 2.0)]
    if lumos:
        io, h = Interaction(fig), fig.canvas.size[1]
        io.enter(path[0][0], h - path[0][1])
        for x, y in path:
            io.move(x, h - y)
        io.wheel(path[0][0], h - path[0][1], 1)
        io.leave()
    else:
        LocationEvent("figure_enter_event", fig.canvas, *path[0])._process()
        for x, y in path:
            MouseEvent("motion_notify_event", fig.canvas, x, y)._process()
        MouseEvent("scroll_event", fig.canvas, *path[0], button="up", step=1)._process()
        LocationEvent("figure_leave_event", fig.canvas, *path[-1])._process()
    p.close(fig)
    return log


def test_crossing_axes_and_the_figure_as_matplotlib():
    ours, theirs = _crossings(plt, True), _crossings(mplt, False)
    assert [e[:2] for e in theirs] == [
        ("figure_enter_event", "a1"), ("axes_enter_event", "a1"),
        ("motion_notify_event", "a1"), ("axes_leave_event", "a1"),
        ("axes_enter_event", "t2"), ("motion_notify_event", "t2"),
        ("axes_leave_event", "t2"), ("motion_notify_event", None),
        ("scroll_event", "a1"), ("figure_leave_event", None)]
    assert [e[:2] for e in ours] == [e[:2] for e in theirs]
    for a, b in zip(ours, theirs, strict=True):
        # data coordinates within a pixel (0.003 of the x range), those of the axes left
        # at the new pointer included (they were None)
        if b[2] is None:
            assert a[2:] == (None, None)
        else:
            assert a[2:] == pytest.approx(b[2:], rel=1e-3, abs=4e-3), (a, b)


def _picks(p, lumos: bool) -> list:
    """Clicks and a scroll near lines of several pick radii, a line of markers alone
    and a step line: every artist within its own radius is picked, with the indices of
    its vertices and segments hit."""
    import numpy as np

    fig, ax = p.subplots(figsize=(4, 3), dpi=100)
    x = np.linspace(0, 10, 21)
    ax.plot(x, x / 10, "o-", picker=True, pickradius=5, label="vertices")
    ax.plot([0, 10], [0.02, 1.02], picker=True, pickradius=5, label="segment")
    ax.plot([0, 10], [0.06, 1.06], picker=True, pickradius=1, label="narrow")
    ax.plot(x, x / 10 - 0.03, "s", picker=8, label="markers")
    ax.plot([0, 4, 6, 10], [0.5, 0.45, 0.55, 0.9], drawstyle="steps-mid", picker=True,
            label="steps")
    ax.set_ylim(-0.1, 1.1)
    log = []
    fig.canvas.mpl_connect("pick_event", lambda e: log.append(
        (e.mouseevent.name, e.artist.get_label(), [int(i) for i in e.ind])))
    fig.canvas.draw()
    for xy in [(5, 0.51), (2.6, 0.25), (5, 0.49)]:
        px, py = ax.transData.transform(xy)
        if lumos:
            io, h = Interaction(fig), fig.canvas.size[1]
            io.press(px, h - py, 1)
            io.release(px, h - py, 1)
            io.wheel(px, h - py, 1)
        else:
            for name in ("button_press_event", "button_release_event"):
                MouseEvent(name, fig.canvas, px, py, button=1)._process()
            MouseEvent("scroll_event", fig.canvas, px, py, button="up", step=1)._process()
    p.close(fig)
    return log


def test_picks_as_matplotlib():
    ours, theirs = _picks(plt, True), _picks(mplt, False)
    assert len({label for _, label, _ in theirs}) >= 4  # several artists picked at once
    assert ("scroll_event", "vertices", [10]) in theirs
    assert ours == theirs
