"""Showing figures: lumos's GLFW window (or its Qt widget in a Qt application), driven by
matplotlib's own navigation.

The window draws the figure's lumos canvas; mouse and keyboard go to matplotlib as its
events (``button_press_event``, ``motion_notify_event``, ``scroll_event``,
``key_press_event``...), so ``mpl_connect`` callbacks, widgets and the toolbar logic of
``NavigationToolbar2`` (pan, zoom to rectangle, home/back/forward, the ``p``/``o``/``h``
keys) work as in any matplotlib window. There are no buttons: the window starts in pan
mode, the wheel zooms about the cursor. A redraw is matplotlib's draw; lumos keeps the
uploaded data, so panning a large line moves a camera.
"""

from __future__ import annotations

import time

import numpy as np
from matplotlib import rcParams
from matplotlib.backend_bases import (
    CloseEvent,
    FigureManagerBase,
    KeyEvent,
    LocationEvent,
    MouseButton,
    MouseEvent,
    NavigationToolbar2,
)

from .. import primitives as prim
from .canvas import TimerLumos
from .items import PathItem

ZOOM_STEP = 1.2  # per wheel notch
# Where plt.show() shows figures: "auto" (Qt's widget when a Qt application runs, else
# the GLFW window), "glfw" or "qt".
FRONT_END = "auto"

_managers: list = []


class ToolbarLumos(NavigationToolbar2):
    """matplotlib's navigation without buttons; the rubberband of a zoom is drawn by
    lumos over the figure. ``message`` holds the text a toolbar would show."""

    toolitems = ()

    def __init__(self, canvas) -> None:
        self.message = ""
        super().__init__(canvas)
        canvas.mpl_connect("scroll_event", self._wheel)

    def set_message(self, s: str) -> None:
        self.message = s

    # a drag is under way between press and release: the canvas may move cameras only
    def press_pan(self, event) -> None:
        super().press_pan(event)
        ax = event.inaxes
        self.canvas.navigating = event.button in (1, 3) and ax is not None \
            and ax.get_navigate() and ax.can_pan()

    def release_pan(self, event) -> None:
        self.canvas.navigating = False
        super().release_pan(event)

    def draw_rubberband(self, event, x0, y0, x1, y1) -> None:
        r = np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]], float)
        stroke = prim.Stroke((0.0, 0.0, 0.0, 1.0), 1.0, (3.0, 3.0))
        p = prim.Path(r, np.array([1, 2, 2, 2, 79], np.uint8), fill=(0.0, 0.0, 0.0, 0.08),
                      stroke=stroke)
        lo, hi = r.min(axis=0) - 2, r.max(axis=0) + 2
        self.canvas.overlay = [PathItem("paths", None, (*lo, *hi), None, ("rubberband",
                                                                          r.tobytes()),
                                        paths=[p])]
        self.canvas.show_overlay()

    def remove_rubberband(self) -> None:
        if self.canvas.overlay:
            self.canvas.overlay = []
            self.canvas.show_overlay()

    def set_history_buttons(self) -> None:
        pass

    def _wheel(self, event) -> None:
        """Zoom the axes under the cursor about it (each notch by ZOOM_STEP)."""
        ax = event.inaxes
        if ax is None or not ax.get_navigate() or not ax.can_zoom() or not event.step:
            return
        self.push_current()  # back and forward keys come back here
        f = ZOOM_STEP ** event.step
        # about the cursor, in the axes' scaled coordinates (log axes zoom in decades)
        cursor = ax.transScale.transform(
            ax.transData.inverted().transform([[event.x, event.y]]))[0]
        lims = ax.transScale.transform(ax.viewLim.get_points())
        with np.errstate(all="ignore"):
            data = ax.transScale.inverted().transform(cursor + (lims - cursor) / f)
        if np.isfinite(data).all():
            ax.set_xlim(data[0, 0], data[1, 0])
            ax.set_ylim(data[0, 1], data[1, 1])
            self.push_current()
            self.canvas.draw_idle()


class FigureManagerLumos(FigureManagerBase):
    """A figure shown in a lumos window (GLFW, or Qt's widget inside a Qt application)."""

    _toolbar2_class = ToolbarLumos

    def __init__(self, canvas, num) -> None:
        super().__init__(canvas, num)
        self.window = None

    def show(self) -> None:
        from ..app.window import has_display
        from .notebook import in_kernel

        if in_kernel():  # a notebook: the widget, inline
            from IPython.display import display

            display(self.canvas.figure)
            return None
        if not has_display():
            return super().show()  # matplotlib's own answer for headless machines
        if self.window is None or getattr(self.window, "closed", False):
            self.canvas.draw()
            self.window = _open(self)
            if self.toolbar is not None and rcParams["toolbar"] == "toolbar2" \
                    and not self.toolbar.mode:
                self.toolbar.pan()  # drag pans, as in every lumos window
            if self not in _managers:
                _managers.append(self)
        self.canvas.draw_idle()
        return None

    def destroy(self) -> None:
        """Close the window, if one is open."""
        w, self.window = self.window, None
        if w is not None and not getattr(w, "closed", False):
            w.close()
        if self in _managers:
            _managers.remove(self)
        self.canvas.detach()
        super().destroy()

    def resize(self, w: int, h: int) -> None:
        if self.window is not None:
            self.canvas.lumos_canvas.size = (int(w), int(h))
            self.window.request_draw()

    @classmethod
    def start_main_loop(cls) -> None:
        """Run the windows (and matplotlib's timers) until every one is closed: lumos's
        loop for GLFW windows, Qt's for widgets in a Qt application."""
        app = _qt_app()
        if app is not None and any(not hasattr(m.window, "glfw") for m in _managers):
            app.exec()
            return
        run_until(None)


def run_until(deadline: float | None) -> None:
    """The event loop: input, timers and redraws, until ``deadline`` (monotonic seconds)
    or, with None, until no window is left."""
    from ..app import window as lw

    while True:
        wait = TimerLumos.fire_due()
        alive = [m for m in _managers if m.window is not None
                 and not getattr(m.window, "closed", False)]
        now = time.monotonic()
        if deadline is None and not alive:
            return
        if deadline is not None and now >= deadline:
            return
        timeout = 0.05 if wait is None else min(wait, 0.05)
        if deadline is not None:
            timeout = min(timeout, max(deadline - now, 0.0))
        app = _qt_app()
        if app is not None:  # a Qt application: its events (lumos's widget among them)
            app.processEvents()
            if timeout:
                time.sleep(min(timeout, 0.005))
        else:
            lw.process_events(timeout)
        for m in list(_managers):
            if m.window is not None and getattr(m.window, "closed", False):
                _closed(m)


def _open(manager):
    """The lumos window (or Qt widget) for a manager's canvas, wired to matplotlib."""
    canvas = manager.canvas
    target = canvas.scene
    w, h = canvas.get_width_height()
    host = _qt_widget(target, manager)
    if host is None:
        from ..app.window import Window

        host = Window(target, title=manager.get_window_title(), size=(w, h))
        canvas.attach(host, host.request_draw)
        host.show(block=False)
    else:
        canvas.attach(host, host.update)
    _wire(canvas)
    return host


def _qt_app():
    """The running Qt application (PySide6 or PyQt6), or None."""
    import sys

    for api in ("PySide6", "PyQt6"):
        widgets = sys.modules.get(f"{api}.QtWidgets")
        if widgets is not None and widgets.QApplication.instance() is not None:
            return widgets.QApplication.instance()
    return None


_qt_timer = None


def _qt_widget(target, manager):
    """lumos's Qt widget, shown, when a Qt application is running, else None;
    matplotlib's timers then fire from a Qt timer."""
    global _qt_timer
    if FRONT_END == "glfw" or (FRONT_END == "auto" and _qt_app() is None):
        return None
    if _qt_app() is None:
        raise RuntimeError("lumos.mpl_backend.manager.FRONT_END is 'qt' but no Qt "
                           "application runs: make a QApplication first")
    from ..app.qt import FigureWidget, QtCore

    w = FigureWidget(target)
    w.setWindowTitle(manager.get_window_title())
    w.resize(*manager.canvas.get_width_height())
    w.show()
    if _qt_timer is None:
        _qt_timer = QtCore.QTimer()
        _qt_timer.timeout.connect(TimerLumos.fire_due)
        _qt_timer.start(5)
    return w


def _modifiers(mods) -> str | None:
    names = [{"ctrl": "control", "meta": "super"}.get(m, m) for m in ("ctrl", "alt", "meta",
                                                                      "shift") if m in mods]
    return "+".join(names) if names else None


def _wire(canvas) -> None:
    """lumos's input events on the figure's lumos canvas -> matplotlib's events."""
    lc = canvas.lumos_canvas
    buttons: set = set()

    def xy(e):
        w, h = canvas.get_width_height(physical=True)
        sx = w / max(lc.size[0], 1)
        sy = h / max(lc.size[1], 1)
        return e.x * sx, h - e.y * sy

    def press(e, dbl=False):
        buttons.add(MouseButton(e.button))
        MouseEvent("button_press_event", canvas, *xy(e), MouseButton(e.button),
                   key=_modifiers(e.modifiers), dblclick=dbl,
                   modifiers=set(e.modifiers))._process()

    def release(e):
        buttons.discard(MouseButton(e.button))
        MouseEvent("button_release_event", canvas, *xy(e), MouseButton(e.button),
                   key=_modifiers(e.modifiers), modifiers=set(e.modifiers))._process()

    def move(e):
        MouseEvent("motion_notify_event", canvas, *xy(e), key=_modifiers(e.modifiers),
                   buttons=set(buttons), modifiers=set(e.modifiers))._process()

    def wheel(e):
        MouseEvent("scroll_event", canvas, *xy(e), "up" if e.step > 0 else "down",
                   step=e.step, key=_modifiers(e.modifiers))._process()

    def key(e, kind="key_press_event"):
        name = {"escape": "escape", "enter": "enter", "space": " "}.get(e.key, e.key)
        mods = _modifiers(e.modifiers)
        if mods and name not in ("control", "shift", "alt"):
            name = f"{mods}+{name}" if len(name) > 1 or "shift" not in mods else \
                (f"{mods.replace('shift', '').strip('+')}+{name.upper()}".strip("+"))
        x, y = xy(e) if e.x is not None else (None, None)
        KeyEvent(kind, canvas, name, x, y)._process()

    lc.on("mouse_press", press)
    lc.on("mouse_double_click", lambda e: press(e, True))
    lc.on("mouse_release", release)
    lc.on("mouse_move", move)
    lc.on("wheel", wheel)
    lc.on("key_press", key)
    lc.on("key_release", lambda e: key(e, "key_release_event"))
    for name in ("enter", "leave"):
        lc.on(f"mouse_{name}", lambda e, kind=f"figure_{name}_event": LocationEvent(
            kind, canvas, *(xy(e) if e.x is not None else (None, None)),
            modifiers=set(e.modifiers))._process())
    lc.on("close", lambda e: _closed(canvas.manager))


def _closed(manager) -> None:
    import sys

    if manager is None or manager not in _managers:
        return
    _managers.remove(manager)
    CloseEvent("close_event", manager.canvas)._process()
    manager.canvas.detach()
    manager.window = None
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None and pyplot.fignum_exists(manager.num):
        pyplot.close(manager.num)  # pyplot forgets a figure whose window closed
