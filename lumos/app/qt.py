"""A Qt widget showing a figure or canvas: ``FigureWidget(fig)`` on QOpenGLWidget.

Works with PySide6 or PyQt6 (whichever imports first). The widget draws with Qt's own
OpenGL 3.3 context, adopted by moderngl; mouse and keyboard go through the same
controllers and events as the GLFW window (``lumos.app.interaction``).

>>> from lumos.app.qt import FigureWidget
>>> w = FigureWidget(fig); layout.addWidget(w)

Headless rendering (savefig) uses lumos's own EGL context, current only inside lumos's
calls, which leave Qt's context current again if it was (docs/threading.md). The widget
makes its context current outside Qt's paint cycle only through ``current()``, which
restores what the thread had current before.
"""

from __future__ import annotations

import logging
import time
from contextlib import contextmanager

try:  # PySide6 first, then PyQt6
    from PySide6 import QtCore, QtGui, QtWidgets  # noqa: F401 - QtWidgets for users of this module
    from PySide6.QtOpenGLWidgets import QOpenGLWidget

    QT_API = "PySide6"
except ImportError:  # pragma: no cover - depends on what is installed
    try:
        from PyQt6 import QtCore, QtGui, QtWidgets  # noqa: F401
        from PyQt6.QtOpenGLWidgets import QOpenGLWidget

        QT_API = "PyQt6"
    except ImportError as exc:
        raise ImportError("lumos.app.qt needs PySide6 or PyQt6: pip install PySide6") from exc

from ..gpu.context import released
from ..gpu.frame import Frame
from ..plot import timers
from ..plot.callbacks import front_end_loop
from .interaction import Interaction, as_scene

log = logging.getLogger("lumos.app")  # the logger lumos.scene.events reports to
Qt = QtCore.Qt
_Signal = getattr(QtCore, "Signal", None) or QtCore.pyqtSignal  # PySide6 / PyQt6

_BUTTONS = {Qt.MouseButton.LeftButton: 1, Qt.MouseButton.MiddleButton: 2,
            Qt.MouseButton.RightButton: 3}
_MODIFIERS = ((Qt.KeyboardModifier.ShiftModifier, "shift"),
              (Qt.KeyboardModifier.ControlModifier, "ctrl"),
              (Qt.KeyboardModifier.AltModifier, "alt"), (Qt.KeyboardModifier.MetaModifier, "meta"))
_KEYS = {Qt.Key.Key_Left: "left", Qt.Key.Key_Right: "right", Qt.Key.Key_Up: "up",
         Qt.Key.Key_Down: "down", Qt.Key.Key_Home: "home", Qt.Key.Key_Escape: "escape",
         Qt.Key.Key_Space: "space", Qt.Key.Key_Return: "enter", Qt.Key.Key_Enter: "enter",
         Qt.Key.Key_Backspace: "backspace", Qt.Key.Key_Delete: "delete",
         Qt.Key.Key_End: "end", Qt.Key.Key_Tab: "tab",
         # the modifier keys alone, as matplotlib names them (a selector's state keys)
         Qt.Key.Key_Shift: "shift", Qt.Key.Key_Control: "control", Qt.Key.Key_Alt: "alt",
         Qt.Key.Key_Meta: "super"}


def _guarded(method):
    """Log what a Qt override raises: an exception escaping into Qt ends the process."""
    import functools

    @functools.wraps(method)
    def call(self, *args):
        try:
            with front_end_loop():  # Qt's loop dispatches: callback errors are logged
                return method(self, *args)
        except Exception:
            log.error("lumos: FigureWidget.%s failed", method.__name__, exc_info=True)
            return None

    return call


_timer_pump = None


def _pump_timers() -> None:
    """Run lumos's started timers (``fig.canvas.new_timer``, animations) from Qt's event
    loop: a Qt timer ticks every few milliseconds once a widget exists."""
    global _timer_pump
    if _timer_pump is None:
        _timer_pump = QtCore.QTimer()
        _timer_pump.setInterval(5)
        _timer_pump.timeout.connect(_guarded_run_due)
        _timer_pump.start()


def _guarded_run_due() -> None:
    try:
        with front_end_loop():
            timers.run_due()
    except Exception:  # an exception escaping into Qt aborts the process
        log.error("lumos: a timer callback failed", exc_info=True)


class FigureWidget(QOpenGLWidget):
    """A QOpenGLWidget drawing a lumos Figure or Canvas, usable in any layout.

    ``samples`` is the most samples per pixel a frame gets, as in the GLFW window: the
    widget's framebuffer is single-sampled; frames whose visuals need multisampling
    (triangles: 3D) are drawn multisampled offscreen and resolved into it
    (``lumos.app.present``)."""

    # emitted by request_draw() from any thread; a queued connection runs update() in
    # the thread the widget lives in (QWidget.update is for the GUI thread only)
    _draw_requested = _Signal()

    def __init__(self, target, parent=None, samples: int = 4) -> None:
        super().__init__(parent)
        self._draw_requested.connect(self.update, Qt.ConnectionType.QueuedConnection)
        fmt = QtGui.QSurfaceFormat()
        fmt.setVersion(3, 3)
        fmt.setProfile(QtGui.QSurfaceFormat.OpenGLContextProfile.CoreProfile)
        fmt.setDepthBufferSize(24)
        fmt.setSamples(0)  # multisampled offscreen, when a frame needs it
        self.setFormat(fmt)
        self.samples = int(samples)
        self.scene = as_scene(target)
        self.canvas = self.scene.canvas
        self.interaction = Interaction(self.scene, self.update)
        self.ctx = None
        self.presenter = None
        self.executor = None
        self.closed = False
        self.frame_times: list[float] = []
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        w, h = self.scene.preferred_size()
        self.resize(int(w), int(h))
        self.canvas.attach_host(self)
        _pump_timers()

    def sizeHint(self):  # noqa: N802 - Qt's name
        w, h = self.scene.preferred_size()
        return QtCore.QSize(int(w), int(h))

    # -- GL --------------------------------------------------------------------------
    def initializeGL(self) -> None:  # noqa: N802 - Qt's name
        try:
            self._initialize()
        except Exception:  # an exception escaping into Qt aborts the process
            log.error("lumos: FigureWidget could not set up OpenGL", exc_info=True)

    def _initialize(self) -> None:
        from ..gpu.context import adopt_current_context
        from .present import Presenter

        self.ctx = adopt_current_context()
        # No cleanup slot on the context's aboutToBeDestroyed: it fires while the widget
        # is being destructed (makeCurrent there crashes); close() releases explicitly and
        # a widget dropped without close() takes its GL objects along with its context.
        self.presenter = Presenter(self.ctx, self.samples)
        self.executor = self.presenter.executor

    def paintGL(self) -> None:  # noqa: N802 - Qt's name
        if self.closed or self.executor is None:
            return
        try:
            self._paint()
        except Exception:  # an exception escaping into Qt aborts the process
            log.error("lumos: FigureWidget could not draw", exc_info=True)

    def _paint(self) -> None:
        t0 = time.perf_counter()
        pr = self.devicePixelRatioF()
        self.scene.resize(self.width(), self.height(), pr)
        frame, _ = self.presenter.draw_scene(
            self.scene, self.ctx.detect_framebuffer(self.defaultFramebufferObject()))
        self.executor.release_unused(self.canvas.in_use(frame, self.executor))
        dt = time.perf_counter() - t0
        self.frame_times.append(dt)
        del self.frame_times[:-1000]
        self.interaction.drew(dt)

    def request_draw(self) -> None:
        """Repaint at the next turn of Qt's event loop; callable from any thread (data
        loaded in the background: tiles, aggregated grids)."""
        if self.closed:
            return
        try:
            self._draw_requested.emit()
        except RuntimeError:  # the C++ widget is gone (deleted while a loader ran)
            pass

    @_guarded
    def resizeGL(self, w: int, h: int) -> None:  # noqa: N802 - Qt's name
        self.interaction.resize(self.width(), self.height())

    @contextmanager
    def current(self):
        """This widget's context current for the block (picking uses it)."""
        with released():
            self.makeCurrent()
            try:
                yield
            finally:
                self.doneCurrent()

    def grab_pixels(self):
        """Render and read the widget back: (h, w, 4) uint8, top row first."""
        import numpy as np

        with released():
            img = self.grabFramebuffer().convertToFormat(QtGui.QImage.Format.Format_RGBA8888)
            self.doneCurrent()
        w, h = img.width(), img.height()
        ptr = img.constBits()
        raw = bytes(ptr) if QT_API == "PySide6" else ptr.asstring(img.sizeInBytes())
        stride = img.bytesPerLine()
        arr = np.frombuffer(raw, np.uint8)[: stride * h].reshape(h, stride)[:, : w * 4]
        return arr.reshape(h, w, 4).copy()

    def _release_gl(self) -> None:
        if self.executor is None:
            return
        with self.current():
            self.canvas.detach_host(self)
            self.executor.release_unused(Frame(size=(1, 1)))
            self.presenter.release()
        self.presenter = None
        self.executor = None
        self.ctx = None

    # -- input -----------------------------------------------------------------------
    @staticmethod
    def _mods(event) -> frozenset:
        m = event.modifiers()
        return frozenset(name for flag, name in _MODIFIERS if m & flag)

    @staticmethod
    def _pos(event) -> tuple[float, float]:
        p = event.position()
        return p.x(), p.y()

    @_guarded
    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        b = _BUTTONS.get(event.button())
        if b is not None:
            self.interaction.press(*self._pos(event), b, self._mods(event))

    @_guarded
    def enterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.interaction.enter(*self._pos(event))

    @_guarded
    def leaveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.interaction.leave()

    @_guarded
    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.interaction.move(*self._pos(event), self._mods(event))

    @_guarded
    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt's name
        b = _BUTTONS.get(event.button())
        if b is not None:
            self.interaction.release(*self._pos(event), b, self._mods(event))

    @_guarded
    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt's name
        b = _BUTTONS.get(event.button())
        if b is not None:
            self.interaction.double_click(*self._pos(event), b)

    @_guarded
    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt's name
        d = event.angleDelta()
        step = (d.y() or d.x()) / 120.0  # 120 per notch; Shift may turn y into x
        self.interaction.wheel(*self._pos(event), step, self._mods(event))
        event.accept()

    @_guarded
    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        name = _KEYS.get(event.key()) or (event.text().lower() or None)
        if name:
            self.interaction.key(name, self._mods(event))

    @_guarded
    def keyReleaseEvent(self, event) -> None:  # noqa: N802 - Qt's name
        name = _KEYS.get(event.key()) or (event.text().lower() or None)
        if name:
            self.interaction.key_release(name, self._mods(event))

    @_guarded
    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.close_figure()
        super().closeEvent(event)

    def close_figure(self) -> None:
        """Stop reacting to input and release the GPU objects (idempotent)."""
        if self.closed:
            return
        self.interaction.close()
        self._release_gl()
        self.closed = True
        self.canvas.detach_host(self)  # also when GL was never set up


def figure_widget(target, parent=None, samples: int = 4) -> FigureWidget:
    """``FigureWidget(target, parent, samples)``."""
    return FigureWidget(target, parent, samples)
