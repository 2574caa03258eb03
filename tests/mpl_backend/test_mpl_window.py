"""plt.show() in lumos's GLFW window (under Xvfb): matplotlib's navigation drives the
view, events reach mpl_connect callbacks, timers run in the loop, closing closes."""

from __future__ import annotations

import numpy as np
import pytest

pytestmark = pytest.mark.usefixtures("xvfb")


@pytest.fixture
def shown():
    import matplotlib.pyplot as plt

    old = plt.get_backend()
    plt.switch_backend("module://lumos.mpl_backend")
    fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
    x = np.arange(50_000, dtype=float)
    ax.plot(x, np.sin(x / 3000))
    plt.show(block=False)
    win = fig.canvas.manager.window
    assert win is not None and not win.closed
    win.draw()
    yield fig, ax, win
    plt.close("all")
    plt.switch_backend(old)


def test_show_opens_a_lumos_window_with_the_figure(shown):
    fig, ax, win = shown
    from lumos.app.window import Window

    assert isinstance(win, Window)
    shot = win.grab()
    assert shot.shape[:2] == (300, 400)
    ref = fig.canvas.render_pixels()
    assert np.abs(shot[..., :3].astype(int) - ref[..., :3]).mean() < 1.0


def test_drag_pans_with_matplotlib_s_toolbar(shown):
    fig, ax, win = shown
    assert fig.canvas.toolbar.mode == "pan/zoom"  # lumos windows start in pan mode
    x0, x1 = ax.get_xlim()
    it = win.interaction
    it.press(200, 150, 1)
    for k in range(1, 6):
        it.move(200 - 10 * k, 150)
        win.draw()
    it.release(150, 150, 1)
    nx0, nx1 = ax.get_xlim()
    assert nx0 > x0 and nx1 - nx0 == pytest.approx(x1 - x0)
    assert fig.canvas.scene_stats["rebuilt_points"] < 5000  # the line was not re-sent
    win.draw()  # the drag ended: matplotlib drew the final view, ticks included
    assert not fig.canvas.navigating
    shot = win.grab()
    assert np.abs(shot[..., :3].astype(int) - fig.canvas.render_pixels()[..., :3]).mean() < 1
    fig.canvas.toolbar.home()
    fig.canvas.draw_idle()
    win.draw()
    assert ax.get_xlim() == pytest.approx((x0, x1))


def test_mid_drag_frames_move_cameras_only(shown):
    """While the mouse drags, frames follow the new limits with the axes' cameras;
    matplotlib draws at most every NAVIGATION_DRAW_S and at the drag's end."""
    from lumos.mpl_backend.canvas import NAVIGATION_DRAW_S

    fig, ax, win = shown
    c = fig.canvas
    draws = []
    draw = c.draw
    c.draw = lambda *a, **k: (draws.append(1), draw(*a, **k))
    it = win.interaction
    it.press(200, 150, 1)
    c._drawn_at = __import__("time").monotonic()  # a draw just happened
    for k in range(1, 4):
        it.move(200 - 5 * k, 150)
        win.draw()
    assert c.navigating and draws == []  # within NAVIGATION_DRAW_S: cameras only
    assert NAVIGATION_DRAW_S > 0
    it.release(185, 150, 1)
    win.draw()
    assert draws == [1]


def test_wheel_zooms_about_the_cursor(shown):
    fig, ax, win = shown
    x0, x1 = ax.get_xlim()
    px, py = 200, 150
    before = ax.transData.inverted().transform((px, 300 - py))
    win.interaction.wheel(px, py, 1)
    win.draw()
    nx0, nx1 = ax.get_xlim()
    assert nx1 - nx0 < x1 - x0
    after = ax.transData.inverted().transform((px, 300 - py))
    assert after[0] == pytest.approx(before[0], rel=1e-6)


def test_events_reach_mpl_connect(shown):
    fig, ax, win = shown
    seen = []
    fig.canvas.mpl_connect("button_press_event",
                           lambda e: seen.append(("press", e.button, e.inaxes is ax, e.xdata)))
    fig.canvas.mpl_connect("key_press_event", lambda e: seen.append(("key", e.key)))
    fig.canvas.mpl_connect("motion_notify_event", lambda e: seen.append(("move", e.x, e.y)))
    fig.canvas.toolbar.pan()  # out of pan mode: clicks are the user's
    win.interaction.press(200, 150, 3)
    win.interaction.release(200, 150, 3)
    win.interaction.move(210, 160)
    fig.canvas.mpl_connect("key_release_event", lambda e: seen.append(("up", e.key)))
    win.interaction.key("a")
    win.interaction.key_release("a")
    kinds = [s[0] for s in seen]
    assert kinds == ["press", "move", "key", "up"]
    assert seen[3] == ("up", "a")
    for name in ("figure_enter_event", "figure_leave_event"):
        fig.canvas.mpl_connect(name, lambda e: seen.append((e.name, e.inaxes is ax)))
    win.interaction.enter(200, 150)
    win.interaction.leave()  # at the last position: (210, 160), over the axes
    assert seen[4:] == [("figure_enter_event", True), ("figure_leave_event", True)]
    assert seen[0][1] == 3 and seen[0][2] and seen[0][3] is not None
    assert seen[1][1:] == (210, 300 - 160)
    assert seen[2] == ("key", "a")


def test_timer_and_pause_run_the_window(shown):
    import matplotlib.pyplot as plt

    fig, ax, win = shown
    ticks = []
    t = fig.canvas.new_timer(interval=20)
    t.add_callback(lambda: ticks.append(1))
    t.start()
    (line,) = ax.plot([0, 50_000], [0, 0], color="r")
    plt.pause(0.2)
    t.stop()
    assert len(ticks) >= 3
    shot = win.grab()
    assert (shot[..., 0] > 200).sum() > 0


def test_closing_the_window_closes_the_figure(shown):
    import matplotlib.pyplot as plt

    fig, ax, win = shown
    closed = []
    fig.canvas.mpl_connect("close_event", lambda e: closed.append(1))
    num = fig.number
    win.close()  # as the window's close button does
    assert win.closed and closed == [1]
    assert not plt.fignum_exists(num)


@pytest.fixture
def qt_shown(monkeypatch):
    import matplotlib.pyplot as plt

    from lumos.mpl_backend import manager

    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    from lumos.app import qt as lq

    made = lq.QtWidgets.QApplication.instance() is None
    app = lq.QtWidgets.QApplication.instance() or lq.QtWidgets.QApplication([])
    monkeypatch.setattr(manager, "FRONT_END", "qt")
    old = plt.get_backend()
    plt.switch_backend("module://lumos.mpl_backend")
    fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
    ax.plot(np.arange(1000.0), np.cos(np.arange(1000) / 100))
    plt.show(block=False)
    for _ in range(5):
        app.processEvents()
    w = fig.canvas.manager.window
    yield fig, ax, w, app
    plt.close("all")
    app.processEvents()
    plt.switch_backend(old)
    if made:  # later tests' figures show as in a script without Qt
        app.shutdown()


def test_qt_widget_inside_a_qt_application(qt_shown):
    """In a Qt application plt.show() gives lumos's Qt widget, with the same navigation."""
    from lumos.app.qt import FigureWidget

    fig, ax, w, app = qt_shown
    assert isinstance(w, FigureWidget)
    shot = w.grab_pixels()
    assert shot.shape[:2] == (300, 400)
    x0, x1 = ax.get_xlim()
    w.interaction.press(200, 150, 1)
    w.interaction.move(150, 150)
    w.interaction.release(150, 150, 1)
    for _ in range(5):
        app.processEvents()
    w.grab_pixels()
    assert ax.get_xlim()[0] > x0
    ticks = []
    t = fig.canvas.new_timer(interval=10)
    t.add_callback(lambda: ticks.append(1))
    t.start()
    fig.canvas.start_event_loop(0.15)
    t.stop()
    assert len(ticks) >= 3
