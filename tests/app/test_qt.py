"""FigureWidget under Xvfb (QT_QPA_PLATFORM=xcb) with QTest input.

Qt's offscreen platform reports QOpenGLWidget as unsupported (its GL there comes from
GLX anyway and crashed when widgets were destroyed), so the tests use xcb on Xvfb.
"""

from __future__ import annotations

import logging

import numpy as np
import pytest

from lumos.plot.figure import Figure

pytestmark = pytest.mark.usefixtures("xvfb")


@pytest.fixture(scope="module")
def qt(xvfb_server):
    from lumos.app import qt as lq

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DISPLAY", xvfb_server)
        mp.setenv("QT_QPA_PLATFORM", "xcb")  # offscreen QPA: QOpenGLWidget unsupported
        app = lq.QtWidgets.QApplication.instance() or lq.QtWidgets.QApplication([])
    yield lq, app
    for w in app.topLevelWidgets():  # gone before the X server of the session stops
        w.close()
        w.deleteLater()
    app.processEvents()
    # no Qt application after these tests: matplotlib figures later tests show take
    # lumos's GLFW window, as in a script that made none
    app.shutdown()


def figure() -> Figure:
    fig = Figure(figsize=(4, 3), dpi=100)
    ax = fig.subplot(0, 0)
    x = np.linspace(0, 10, 40)
    ax.plot(x, np.cos(x), "s-")
    return fig


@pytest.fixture
def widget(qt):
    lq, app = qt
    w = lq.FigureWidget(figure())
    w.show()
    for _ in range(3):
        app.processEvents()
    w.grab_pixels()  # first frame: the axes are laid out
    yield w
    w.close()
    w.deleteLater()  # destroyed by Qt now, not by Python's collector at some later point
    app.processEvents()


def point(x, y):
    from lumos.app import qt as lq

    return lq.QtCore.QPoint(int(x), int(y))


def test_widget_picture_equals_offscreen_render(qt, widget):
    lq, _ = qt
    shot = widget.grab_pixels()
    ref = widget.scene.render()  # headless, while the widget lives
    assert shot.shape == ref.shape == (300, 400, 4)
    d = np.abs(shot[..., :3].astype(int) - ref[..., :3].astype(int))
    assert d.mean() < 0.5, d.mean()


def test_widget_multisamples_only_the_frames_that_need_it(qt, widget):
    """The window's policy (lumos.app.present): a single-sampled widget framebuffer, 2D
    frames drawn straight into it, 3D ones multisampled offscreen and resolved."""
    lq, app = qt
    from lumos import visuals
    from lumos.scene import Canvas

    assert widget.format().samples() <= 1
    widget.grab_pixels()
    assert widget.presenter.msaa is None
    canvas = Canvas(size=(200, 150))
    view = canvas.add_view(camera="turntable")
    view.add(visuals.Mesh(np.array([[0, 0, 0], [1, 0, 0], [0, 1, 0.5]], float),
                          np.array([[0, 1, 2]])))
    view.camera.set_range()
    for samples, used in ((4, 4), (0, None)):
        w = lq.FigureWidget(canvas, samples=samples)
        try:
            w.show()
            app.processEvents()
            shot = w.grab_pixels()
            msaa = w.presenter.msaa
            assert (msaa.samples if msaa is not None else None) == used
            if used:
                ref = canvas.render()
                assert shot.shape == ref.shape
                d = np.abs(shot[..., :3].astype(int) - ref[..., :3].astype(int))
                assert d.mean() < 0.5, d.mean()
        finally:
            w.close()
            w.deleteLater()
            app.processEvents()


def test_qtest_drag_wheel_and_double_click(qt, widget):
    lq, app = qt
    QTest = pytest.importorskip(f"{lq.QT_API}.QtTest").QTest
    Qt = lq.Qt
    ax = widget.scene.axes[0]
    x_lim, y_lim = ax.get_xlim(), ax.get_ylim()
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     point(200, 150))
    QTest.mouseMove(widget, point(230, 150))
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       point(230, 150))
    dx = -(30 / ax.view.rect[2]) * np.ptp(x_lim)
    np.testing.assert_allclose(ax.get_xlim(), np.add(x_lim, dx), rtol=1e-9)
    assert ax.get_ylim() == pytest.approx(y_lim)
    pos = lq.QtCore.QPointF(200, 150)
    wheel = lq.QtGui.QWheelEvent(pos, widget.mapToGlobal(pos), lq.QtCore.QPoint(0, 0),
                                 lq.QtCore.QPoint(0, 240), Qt.MouseButton.NoButton,
                                 Qt.KeyboardModifier.ControlModifier,
                                 Qt.ScrollPhase.NoScrollPhase, False)
    lq.QtWidgets.QApplication.sendEvent(widget, wheel)
    assert np.ptp(ax.get_xlim()) == pytest.approx(np.ptp(x_lim) / 1.1**2)
    assert ax.get_ylim() == pytest.approx(y_lim)  # Ctrl: x only
    QTest.mouseDClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                      point(200, 150))
    assert ax.get_xlim() == pytest.approx(x_lim)
    before = widget.grab_pixels()
    QTest.keyClick(widget, Qt.Key.Key_Right)  # a key event reaches the callbacks
    QTest.mousePress(widget, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier,
                     point(200, 150))
    QTest.mouseMove(widget, point(240, 150))
    QTest.mouseRelease(widget, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier,
                       point(240, 150))
    app.processEvents()
    assert np.ptp(ax.get_xlim()) < np.ptp(x_lim)
    after = widget.grab_pixels()
    assert np.abs(after.astype(int) - before.astype(int)).mean() > 1


def test_events_and_errors(qt, widget, caplog):
    lq, app = qt
    QTest = pytest.importorskip(f"{lq.QT_API}.QtTest").QTest
    Qt = lq.Qt
    fig = widget.scene
    seen = []
    fig.on("mouse_press", lambda e: 1 / 0)
    fig.on("mouse_press", seen.append)
    fig.on("key_press", seen.append)
    ax = fig.axes[0]
    px, py = ax.to_pixels(3.0, 0.5)
    with caplog.at_level(logging.ERROR, logger="lumos.app"):
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         point(px, 300 - py))
        QTest.keyClick(widget, Qt.Key.Key_A)
    assert "ZeroDivisionError" in caplog.text
    assert seen[0].inaxes is ax
    assert abs(seen[0].xdata - 3.0) < np.ptp(ax.get_xlim()) / 300  # within a pixel
    assert seen[1].key == "a"
    # matplotlib's pair: the press and then the release of the key
    keys = []
    for name in ("key_press_event", "key_release_event"):
        fig.canvas.mpl_connect(name, lambda e: keys.append((e.name, e.key)))
    QTest.keyClick(widget, Qt.Key.Key_B)
    assert keys == [("key_press_event", "b"), ("key_release_event", "b")]
    # the pointer entering and leaving the widget: figure_enter/leave_event
    crossings = []
    for name in ("figure_enter_event", "figure_leave_event"):
        fig.canvas.mpl_connect(name, lambda e: crossings.append((e.name, e.x)))
    at = lq.QtCore.QPointF(px, 300 - py)
    lq.QtWidgets.QApplication.sendEvent(
        widget, lq.QtGui.QEnterEvent(at, at, widget.mapToGlobal(at)))
    lq.QtWidgets.QApplication.sendEvent(widget, lq.QtCore.QEvent(lq.QtCore.QEvent.Type.Leave))
    assert [c[0] for c in crossings] == ["figure_enter_event", "figure_leave_event"]
    assert crossings[0][1] == int(px)  # matplotlib's whole pixels
    widget.close()
    app.processEvents()
    n = len(seen)
    widget.interaction.press(px, 300 - py, 1)
    assert len(seen) == n  # nothing after close


def test_pick_in_the_widget(qt, widget):
    fig = widget.scene
    ax = fig.axes[0]
    x = np.linspace(0, 10, 40)
    px, py = ax.to_pixels(x[9], np.cos(x[9]))
    artist, index = fig.pick(px, 300 - py)
    assert artist is ax.get_lines()[0] and index == 9


def test_widgets_in_a_layout_and_released_on_close(qt):
    lq, app = qt
    top = lq.QtWidgets.QWidget()
    layout = lq.QtWidgets.QHBoxLayout(top)
    widgets = [lq.FigureWidget(figure()) for _ in range(2)]
    for w in widgets:
        layout.addWidget(w)
    top.resize(600, 300)
    top.show()
    for _ in range(5):
        app.processEvents()
    shots = [w.grab_pixels() for w in widgets]
    assert all(s.shape[0] > 100 and s[..., :3].min() < 100 for s in shots)
    executors = [w.executor for w in widgets]
    assert all(e._buffers for e in executors)
    top.close()
    for w in widgets:
        w.close_figure()
    assert all(not e._buffers and not e._programs for e in executors)
    for _ in range(20):  # open and close many: nothing held afterwards
        w = lq.FigureWidget(figure())
        w.show()
        app.processEvents()
        w.grab_pixels()
        ex = w.executor
        w.close()
        w.deleteLater()
        app.processEvents()
        assert w.executor is None and not ex._buffers


def test_headless_rendering_leaves_qts_context_current(qt, widget):
    """A savefig while Qt's context is current (a slot, paintGL) gives it back: the
    same GLX context is current afterwards and the widget still draws."""
    import ctypes
    import ctypes.util

    glx = ctypes.CDLL(ctypes.util.find_library("GLX"))
    glx.glXGetCurrentContext.restype = ctypes.c_void_p
    widget.scene.render()  # lumos's own context exists already
    widget.makeCurrent()
    try:
        qt_context = glx.glXGetCurrentContext()
        assert qt_context
        picture = widget.scene.render()
        assert (picture[..., :3] < 128).any()
        assert glx.glXGetCurrentContext() == qt_context
    finally:
        widget.doneCurrent()
    assert glx.glXGetCurrentContext() is None
    assert (widget.grab_pixels()[..., :3] < 128).any()


def _events_until(app, done, seconds=20.0) -> bool:
    import time

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        if done():
            return True
        time.sleep(0.01)
    return False


def test_request_draw_from_another_thread_repaints(qt, widget):
    import threading

    lq, app = qt
    assert widget.canvas.shown  # the widget redraws on request: lazy data loads behind
    _events_until(app, lambda: False, 0.3)  # the frames of showing the widget are done
    before = len(widget.frame_times)
    t = threading.Thread(target=widget.canvas.request_draw)
    t.start()
    t.join()
    assert _events_until(app, lambda: len(widget.frame_times) > before)
    widget.close_figure()
    widget.request_draw()  # after close: nothing, no error


def test_lazy_image_tiles_arrive_in_the_widget_without_input(qt, tmp_path, monkeypatch):
    from lumos.plot import bigdata

    lq, app = qt
    monkeypatch.setenv("LUMOS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(bigdata, "TILE_ABOVE", 1000)
    h, w = 2048, 3072
    mm = np.lib.format.open_memmap(tmp_path / "img.npy", mode="w+", dtype="f4", shape=(h, w))
    for i in range(0, h, 512):
        mm[i : i + 512] = np.sin(np.arange(i, i + 512)[:, None] / 40.0) * np.cos(
            np.arange(w) / 60.0)
    mm.flush()
    fig = Figure(figsize=(4, 3), dpi=100)
    ax = fig.subplot(0, 0)
    im = ax.imshow(np.load(tmp_path / "img.npy", mmap_mode="r"), cmap="gray")
    ax.set_xlim(100, 400)
    ax.set_ylim(400, 100)
    wid = lq.FigureWidget(fig)
    wid.show()
    try:
        # the first frame shows the coarse tile; the fine ones load on the loader's
        # thread, whose request_draw repaints the widget with nobody touching it
        assert _events_until(app, lambda: im.visual.last_level == 0 and any(
            k[0] == 0 for k in im.visual._tiles) and im.visual.wait(0))
        shot = wid.grab_pixels()
        wid.canvas.detach_host(wid)  # headless from here: every tile read before drawing
        ref = fig.render()
        d = np.abs(shot[..., :3].astype(int) - ref[..., :3].astype(int))
        assert d.mean() < 1.0, d.mean()
    finally:
        wid.close()
        wid.deleteLater()
        app.processEvents()
def test_timers_run_in_qts_event_loop(qt, widget):
    lq, app = qt
    fig = widget.scene
    ticks = []
    timer = fig.canvas.new_timer(interval=10)
    timer.add_callback(lambda: ticks.append(1) if len(ticks) < 3 else False)
    timer.start()
    from PySide6.QtTest import QTest

    for _ in range(50):
        QTest.qWait(10)
        if not timer.running:
            break
    assert ticks == [1, 1, 1] and not timer.running


def test_qtest_drags_a_draggable_legend_not_the_axes(qt):
    """A press on a draggable legend moves the legend, and the axes under it stay."""
    lq, app = qt
    QTest = pytest.importorskip(f"{lq.QT_API}.QtTest").QTest
    Qt = lq.Qt
    fig = figure()
    ax = fig.axes[0]
    ax.lines[0].set_label("cos")
    leg = ax.legend(loc="upper right", draggable=True)
    w = lq.FigureWidget(fig)
    w.show()
    for _ in range(3):
        app.processEvents()
    w.grab_pixels()
    x_lim, box = ax.get_xlim(), leg.get_window_extent()
    h = fig.canvas.size[1]
    start = point(box.x0 + 6, h - box.y0 - 6)
    QTest.mousePress(w, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(w, point(box.x0 - 54, h - box.y0 + 34))
    QTest.mouseRelease(w, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       point(box.x0 - 54, h - box.y0 + 34))
    app.processEvents()
    w.grab_pixels()
    moved = leg.get_window_extent()
    assert (moved.x0 - box.x0, moved.y0 - box.y0) == pytest.approx((-60, -40), abs=1)
    assert ax.get_xlim() == pytest.approx(x_lim)
    w.close()
    w.deleteLater()
    app.processEvents()


def test_legend_picking_example_in_the_widget(qt):
    """matplotlib's legend_picking.py in the widget: a click on a legend line (the
    legend is draggable too) toggles the line it stands for; the axes stay."""
    import lumos.pyplot as plt
    from tests.clicks import legend_picking, toggle_legend_lines

    lq, app = qt
    QTest = pytest.importorskip(f"{lq.QT_API}.QtTest").QTest
    Qt = lq.Qt
    fig, ax, leg, lines = legend_picking(plt)
    w = lq.FigureWidget(fig)
    w.show()
    for _ in range(3):
        app.processEvents()
    w.grab_pixels()

    def click(x, y):
        QTest.mouseClick(w, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         point(x, y))
        app.processEvents()

    try:
        toggle_legend_lines(fig, ax, leg, lines, click)
    finally:
        w.close()
        w.deleteLater()
        app.processEvents()
        plt.close(fig)
