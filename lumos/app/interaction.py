"""Mouse and keyboard to cameras and events: the glue the window and the Qt widget share.

A front-end calls ``press``/``move``/``release``/``wheel``/``double_click``/``key``/
``resize`` with logical pixels from the canvas' top-left corner; this moves cameras
through ``lumos.app.controllers`` (only cameras: uniforms), emits events to the
canvas' dispatcher, and asks the front-end to draw.

Bindings (the browser's runtime uses the same):

====================  ===================================================
2D (panzoom)          left-drag pan; wheel zoom about the cursor;
                      Ctrl+wheel zooms x only, Shift+wheel y only;
                      right-drag zoom (right/up zooms in);
                      Shift+left-drag box zoom; double-click resets the view
3D (turntable,        left-drag rotate; right-drag or Shift+left-drag pan;
arcball)              wheel moves closer/away
fly                   left-drag turns the head; W/A/S/D or arrows walk,
                      Q/E down/up; wheel walks; right-drag pans
polar                 left-drag on the r labels moves them round; right-drag
                      and wheel zoom r (matplotlib's polar axes)
any                   R or Home resets every view
====================  ===================================================
"""

from __future__ import annotations

import copy
import math

import numpy as np

from . import controllers
from .events import Event

FLY_KEYS = {
    "w": {"forward": 1}, "up": {"forward": 1}, "s": {"forward": -1}, "down": {"forward": -1},
    "a": {"right": -1}, "left": {"right": -1}, "d": {"right": 1}, "right": {"right": 1},
    "q": {"up": -1}, "e": {"up": 1},
}


class Scene:
    """The canvas or figure a front-end shows."""

    def __init__(self, target) -> None:
        from ..plot.figure import Figure
        from ..scene.canvas import Canvas

        if isinstance(target, Figure):
            self.figure, self.canvas = target, target.canvas
        elif isinstance(target, Canvas):
            self.figure, self.canvas = None, target
        else:
            raise TypeError(f"target: got {type(target).__name__}, expected a lumos Figure "
                            "or Canvas")
        self.drawn = False

    @property
    def size(self) -> tuple[int, int]:
        """Logical size the scene wants (a figure: figsize × dpi)."""
        if self.figure is not None:
            return self.figure._pixel_size()
        return self.canvas.size

    def set_size(self, w: int, h: int, pixel_ratio: float) -> None:
        w, h = max(int(w), 1), max(int(h), 1)
        if self.figure is not None:
            fig = self.figure
            if fig._pixel_size() != (w, h):
                fig.set_size_inches(w / fig.dpi, h / fig.dpi)
        else:
            self.canvas.size = (w, h)
        self.canvas.pixel_ratio = pixel_ratio

    def frame(self):
        """Bring the figure up to date (ticks follow the cameras) and describe it."""
        if self.figure is not None:
            self.figure.draw()
            self.drawn = True
        return self.canvas.frame()

    def axes_of(self, view):
        if self.figure is None:
            return None
        for ax in self.figure.axes:
            if ax.view is view:
                return ax
        return None


class Interaction:
    """Turns input into camera moves and events for one scene."""

    def __init__(self, scene: Scene, request_draw=lambda: None) -> None:
        self.scene = scene
        self.request_draw = request_draw
        self.closed = False
        self._drag: dict | None = None
        self._last: tuple[float, float] | None = None
        self._home: dict = {}  # view -> saved camera state (or axes limits)

    # -- views and cameras ----------------------------------------------------------
    @property
    def canvas(self):
        return self.scene.canvas

    def view_at(self, x: float, y: float):
        """The topmost interactive view under logical (x, y), or None."""
        if self.scene.figure is not None and not self.scene.drawn:
            self.scene.figure.draw()  # lay the axes out before the first frame
            self.scene.drawn = True
        self.canvas.layout()
        for view in reversed(self.canvas.views):
            vx, vy, vw, vh = view.rect
            if view.interactive and vx <= x < vx + vw and vy <= y < vy + vh and vw and vh:
                return view
        return None

    def _group(self, view) -> list:
        """The view and the interactive views stacked exactly on it (twin axes)."""
        return [v for v in self.canvas.views
                if v is view or (v.interactive and v.rect == view.rect)]

    def _kind(self, view) -> str:
        return view.controller or view.camera.kind

    def _physical(self, view) -> list[float]:
        pr = self.canvas.pixel_ratio
        x, y, w, h = view.rect
        return [x * pr, y * pr, w * pr, h * pr]

    def _camera_dict(self, view) -> dict:
        return view.camera_dict()

    def apply(self, view, action: str, ev: dict) -> bool:
        """Run one controller action on ``view`` (and views stacked on it)."""
        changed = False
        for v in self._group(view):
            new = controllers.apply(self._kind(v), action, self._camera_dict(v), ev,
                                    self._physical(v))
            if new is not None:
                self._save_home(v)
                self._write_back(v, new)
                changed = True
        if changed:
            self.canvas.events.emit(Event("view_change", view=view))
            self.request_draw()
        return changed

    def _write_back(self, view, cam: dict) -> None:
        ax = self.scene.axes_of(view)
        if ax is not None:  # the limits rule; the camera follows at once for the next event
            ax.camera_changed(cam)
            return
        c = view.camera
        if cam["type"] == "panzoom":
            x0, y0, w, h = (float(v) for v in cam["rect"])
            if c.invert_x:
                x0, w = x0 + w, -w
            if c.invert_y:
                y0, h = y0 + h, -h
            if all(math.isfinite(v) for v in (x0, y0, w, h)) and w and h:
                c.rect = (x0, y0, w, h)
            return
        c.center = np.asarray(cam["center"], float)
        c.distance = float(cam["distance"])
        if cam["type"] == "turntable":
            c.azimuth, c.elevation = float(cam["azimuth"]), float(cam["elevation"])
        else:
            c.quaternion = np.asarray(cam["quaternion"], float)

    def _save_home(self, view) -> None:
        if view in self._home:
            return
        ax = self.scene.axes_of(view)
        if ax is not None:
            self._home[view] = ("axes", ax.home_state())
        else:
            self._home[view] = {k: copy.deepcopy(v) for k, v in view.camera.__dict__.items()
                                if k != "view"}

    def reset(self, view=None) -> None:
        """Back to the cameras (axes limits) from before the first interaction."""
        for v in list(self._home) if view is None else self._group(view):
            state = self._home.pop(v, None)
            if state is None:
                continue
            if isinstance(state, tuple):
                self.scene.axes_of(v).restore_home(state[1])
            else:
                v.camera.__dict__.update(state)
        self.canvas.events.emit(Event("view_change", view=view))
        self.request_draw()

    # -- events ---------------------------------------------------------------------
    def _event(self, name: str, x=None, y=None, **kw) -> Event:
        ev = Event(name, x=x, y=y, **kw)
        if x is not None:
            view = self.view_at(x, y)
            ev.view = view
            ax = self.scene.axes_of(view) if view is not None else None
            if ax is not None:
                ev.inaxes = ax
                ev.xdata, ev.ydata = ax.data_at(x, self.canvas.size[1] - y)
        return ev

    def _emit(self, ev: Event) -> None:
        self.canvas.events.emit(ev)

    def press(self, x: float, y: float, button: int, modifiers=frozenset()) -> None:
        if self.closed:
            return
        mods = frozenset(modifiers)
        ev = self._event("mouse_press", x, y, button=button, modifiers=mods)
        self._emit(ev)
        self._last = (x, y)
        view = ev.view
        if view is None:
            self._drag = None
            return
        mode = controllers.press_action(self._kind(view), button, mods)
        self._drag = {"view": view, "mode": mode, "x0": x, "y0": y}

    def move(self, x: float, y: float, modifiers=frozenset()) -> None:
        if self.closed:
            return
        self._emit(self._event("mouse_move", x, y, modifiers=frozenset(modifiers)))
        last, self._last = self._last, (x, y)
        d = self._drag
        if d is None or d["mode"] in (None, "box") or last is None:
            return
        pr = self.canvas.pixel_ratio
        dx, dy = (x - last[0]) * pr, (y - last[1]) * pr
        if dx == 0 and dy == 0:
            return
        ev = {"x": x * pr, "y": y * pr, "dx": dx, "dy": dy, "x0": d["x0"] * pr,
              "y0": d["y0"] * pr}
        self.apply(d["view"], d["mode"], ev)

    def release(self, x: float, y: float, button: int, modifiers=frozenset()) -> None:
        if self.closed:
            return
        self._emit(self._event("mouse_release", x, y, button=button,
                               modifiers=frozenset(modifiers)))
        d, self._drag = self._drag, None
        if d is not None and d["mode"] == "box":
            pr = self.canvas.pixel_ratio
            self.apply(d["view"], "box", {"x0": d["x0"] * pr, "y0": d["y0"] * pr,
                                          "x": x * pr, "y": y * pr})

    def wheel(self, x: float, y: float, step: float, modifiers=frozenset()) -> None:
        """``step``: notches, positive away from the user (zoom in)."""
        if self.closed:
            return
        mods = frozenset(modifiers)
        ev = self._event("wheel", x, y, step=step, modifiers=mods)
        self._emit(ev)
        if ev.view is None or not step:
            return
        action = controllers.wheel_action(self._kind(ev.view), mods)
        pr = self.canvas.pixel_ratio
        self.apply(ev.view, action, {"x": x * pr, "y": y * pr, "notches": -float(step)})

    def double_click(self, x: float, y: float, button: int = 1) -> None:
        if self.closed:
            return
        ev = self._event("mouse_double_click", x, y, button=button)
        self._emit(ev)
        if ev.view is not None and button == 1:
            self.reset(ev.view)

    def key(self, key: str, modifiers=frozenset()) -> None:
        """A key press; ``key`` is lower-case ("r", "home", "left", ...)."""
        if self.closed:
            return
        key = key.lower()
        x, y = self._last if self._last is not None else (None, None)
        self._emit(self._event("key_press", x, y, key=key, modifiers=frozenset(modifiers)))
        if key in ("r", "home"):
            self.reset()
            return
        if key in FLY_KEYS:
            for view in self.canvas.views:
                if view.interactive and self._kind(view) == "fly":
                    self.apply(view, "move", FLY_KEYS[key])

    def resize(self, w: float, h: float) -> None:
        if self.closed:
            return
        self._emit(Event("resize", size=(w, h)))
        self.request_draw()

    def drew(self, dt: float) -> None:
        if not self.closed:
            self._emit(Event("draw", dt=dt))

    def close(self) -> None:
        """Ignore everything from now on."""
        if not self.closed:
            self._emit(Event("close"))
        self.closed = True
