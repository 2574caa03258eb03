"""The declared interfaces: picking through batches (also polar), front-ends found in
the registry, the scene protocol both Figure and Canvas implement."""

from __future__ import annotations

import math

import numpy as np
import pytest

import lumos
from lumos.app.interaction import Interaction
from lumos.plot import frontends
from lumos.plot.style import rcParams
from lumos.scene import Canvas
from lumos.scene.protocol import Scene


def event_px(ax, x, y):
    """Event pixels (from the top left) of a data point."""
    px, py = ax.transData.forward(np.array([x, y], dtype=float))
    return float(px), ax.figure.canvas.size[1] - float(py)


def test_picks_come_back_from_batches_to_artists_and_data_indices():
    fig, ax = lumos.subplots(figsize=(4, 3), dpi=100)
    x = np.arange(10.0)
    (every,) = ax.plot(x, x, "o", markevery=3, ms=8)
    (steps,) = ax.plot(x, 10 - x, drawstyle="steps-post", lw=3)
    fig.draw()
    assert fig.pick(*event_px(ax, 6, 6)) == (every, 6)  # the third marker drawn
    assert fig.pick(*event_px(ax, 9, 1.0)) == (steps, 9)


def test_picking_on_polar_axes_goes_through_the_projection():
    fig, ax = lumos.subplots(figsize=(4, 4), dpi=100, subplot_kw={"projection": "polar"})
    theta = np.linspace(0, math.pi, 7)
    (line,) = ax.plot(theta, np.ones(7), lw=4)
    dots = ax.scatter([math.pi * 1.5], [0.5], s=150)
    ax.set_rmax(1.2)
    ax.grid(False)
    fig.draw()
    assert fig.pick(*event_px(ax, theta[4], 1.0)) == (line, 4)
    # between two points the nearer one, along the arc (not the chord)
    assert fig.pick(*event_px(ax, theta[2] + 0.2 * (theta[3] - theta[2]), 1.0)) == (line, 2)
    assert fig.pick(*event_px(ax, math.pi * 1.5, 0.5)) == (dots, 0)
    hits = fig.select(lasso=[event_px(ax, t, r) for t, r in
                             ((0.3, 0.7), (1.3, 0.7), (1.3, 1.4), (0.3, 1.4))])
    assert list(hits[line]) == [1, 2]


@pytest.fixture
def registry(monkeypatch):
    """An empty front-end registry that imports nothing."""
    monkeypatch.setattr(frontends, "_registry", {})
    monkeypatch.setitem(rcParams, "figure.frontends", [])
    return frontends


def test_figures_show_through_the_front_ends_that_registered(registry):
    shown, bundles = [], []
    registry.register_frontend(registry.FrontEnd(
        "never", can_show=lambda: False, show=lambda f, b: shown.append("never"),
        unavailable="never: it cannot."))
    fig, _ = lumos.subplots(figsize=(2, 2))
    with pytest.warns(UserWarning, match="never: it cannot"):
        fig.show()
    assert "image/png" in fig._repr_mimebundle_()  # nobody gives a bundle: a PNG
    registry.register_frontend(registry.FrontEnd(
        "test", can_show=lambda: True, show=lambda f, b: shown.append((f, b)),
        mimebundle=lambda f, include, exclude: bundles.append(f) or {"text/plain": "fig"}))
    fig.show(block=False)
    assert shown == [(fig, False)]
    assert fig._repr_mimebundle_() == {"text/plain": "fig"} and bundles == [fig]
    with pytest.raises(TypeError, match="FrontEnd"):
        registry.register_frontend(print)


def test_canvas_and_figure_are_scenes_the_mouse_moves_and_resets():
    canvas = Canvas(size=(200, 100))
    view = canvas.add_view()
    view.camera.rect = (0.0, 0.0, 1.0, 1.0)
    fig, ax = lumos.subplots(figsize=(3, 2), dpi=100)
    ax.set_xlim(0, 1)
    fig.draw()  # laid out: the boxes are final
    assert isinstance(canvas, Scene) and isinstance(fig, Scene)
    with pytest.raises(TypeError, match="Scene"):
        Interaction(object())
    it = Interaction(canvas)
    it.press(100, 50, 1)
    it.move(150, 50)
    it.release(150, 50, 1)
    assert view.camera.rect[0] == pytest.approx(-0.25)  # the content followed the cursor
    it.double_click(100, 50)
    assert view.camera.rect == (0.0, 0.0, 1.0, 1.0)

    it = Interaction(fig)
    x, y = event_px(ax, 0.5, 0.5)
    it.press(x, y, 1)
    it.move(x + 20, y)
    it.release(x + 20, y, 1)
    assert ax.get_xlim()[0] < 0  # the axes took the limits the camera shows
    it.key("r")
    assert ax.get_xlim() == (0.0, 1.0)
    asked = []
    event_info = fig.event_info
    fig.event_info = lambda *args: asked.append(args) or event_info(*args)
    it.press(x, y, 1)
    it.move(x + 20, y)  # a drag with nobody listening to moves: no data coordinates
    it.release(x + 20, y, 1)
    assert len(asked) == 2 and ax.get_xlim()[0] < 0  # the press's and the release's
    it.key("r")  # key presses ask too (where the cursor is)
    seen = []
    fig.on("mouse_move", seen.append)
    it.move(x, y)
    assert seen[-1].inaxes is ax and seen[-1].xdata == pytest.approx(0.5)
    assert len(asked) == 4
