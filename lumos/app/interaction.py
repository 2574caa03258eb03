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
3D axes (mplot3d)     left-drag rotates (180 degrees per box size); middle-drag or
                      Shift+left-drag pans; right-drag (down zooms in) and wheel
                      zoom (matplotlib's 3D axes)
any                   R or Home resets every view
====================  ===================================================
"""

from __future__ import annotations

from ..scene.events import Event
from ..scene.protocol import Scene
from . import controllers

FLY_KEYS = {
    "w": {"forward": 1}, "up": {"forward": 1}, "s": {"forward": -1}, "down": {"forward": -1},
    "a": {"right": -1}, "left": {"right": -1}, "d": {"right": 1}, "right": {"right": 1},
    "q": {"up": -1}, "e": {"up": 1},
}


def as_scene(target) -> Scene:
    """``target`` if it is a scene a front-end can show (a lumos Figure or Canvas, or
    anything implementing :class:`lumos.scene.protocol.Scene`), else a TypeError."""
    if not isinstance(target, Scene):
        raise TypeError(f"target: got {type(target).__name__}, expected a lumos Figure or "
                        "Canvas (an object implementing lumos.scene.protocol.Scene)")
    return target


class Interaction:
    """Turns input into camera moves and events for one scene (the scene protocol: it
    says which view is where, takes camera changes and resets; nothing else)."""

    def __init__(self, scene: Scene, request_draw=lambda: None, *,
                 navigates: bool = True) -> None:
        self.scene = as_scene(scene)
        self.request_draw = request_draw
        # False: input only becomes events (a page that moves the cameras itself)
        self.navigates = navigates
        self.closed = False
        self._drag: dict | None = None
        self._last: tuple[float, float] | None = None
        self._held: int | None = None  # the button held down: moves carry it (matplotlib)

    # -- views and cameras ----------------------------------------------------------
    @property
    def canvas(self):
        return self.scene.canvas

    def view_at(self, x: float, y: float):
        """The topmost interactive view under logical (x, y), or None."""
        return self.scene.view_at(x, y)

    def _group(self, views) -> list:
        """``views`` and the navigable views stacked exactly on one (twin axes)."""
        return [v for v in self.canvas.views
                if any(v is w or (v.navigable and v.rect == w.rect) for w in views)]

    def _kind(self, view) -> str:
        return view.controller or view.camera.kind

    def _physical(self, view) -> list[float]:
        pr = self.canvas.pixel_ratio
        x, y, w, h = view.rect
        return [x * pr, y * pr, w * pr, h * pr]

    def apply(self, views: list, action: str, ev: dict) -> bool:
        """Run one controller action on ``views`` (and views stacked on them); the
        scene takes each new camera."""
        changed = False
        for v in self._group(views):
            new = controllers.apply(self._kind(v), action, v.camera_dict(), ev,
                                    self._physical(v))
            if new is not None:
                self.scene.camera_changed(v, new)
                changed = True
        if changed:
            self.canvas.events.emit(Event("view_change", view=views[0]))
            self.request_draw()
        return changed

    def reset(self, views=None) -> None:
        """Back to the cameras (axes limits) from before the first interaction, of
        ``views`` and those stacked on them (None: of every view)."""
        if views is None:
            self.scene.reset_view(None)
        else:
            for v in self._group(views):
                self.scene.reset_view(v)
        self.canvas.events.emit(Event("view_change", view=views[0] if views else None))
        self.request_draw()

    # -- events ---------------------------------------------------------------------
    def _event(self, name: str, x=None, y=None, **kw) -> Event:
        ev = Event(name, x=x, y=y, **kw)
        if x is not None:
            view = self.view_at(x, y)
            ev.view = view
            if view is not None:
                for key, value in self.scene.event_info(view, x, y).items():
                    setattr(ev, key, value)
        return ev

    def _emit(self, ev: Event) -> None:
        self.canvas.events.emit(ev)

    def press(self, x: float, y: float, button: int, modifiers=frozenset()) -> None:
        if self.closed:
            return
        mods = frozenset(modifiers)
        ev = self._event("mouse_press", x, y, button=button, modifiers=mods)
        self._held = button
        self._emit(ev)
        self._last = (x, y)
        # a callback that took the press (a draggable legend's) keeps the views still
        views = self.canvas.navigated_views(x, y) if self.navigates and not ev.handled \
            else []
        if not views:
            self._drag = None
            return
        mode = controllers.press_action(self._kind(views[0]), button, mods)
        self._drag = {"views": views, "mode": mode, "x0": x, "y0": y}

    def move(self, x: float, y: float, modifiers=frozenset()) -> None:
        if self.closed:
            return
        if self.canvas.events.has("mouse_move"):  # the event's data coordinates cost
            self._emit(self._event("mouse_move", x, y, button=self._held,
                                   modifiers=frozenset(modifiers)))
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
        self.apply(d["views"], d["mode"], ev)

    def release(self, x: float, y: float, button: int, modifiers=frozenset()) -> None:
        if self.closed:
            return
        self._held = None
        self._emit(self._event("mouse_release", x, y, button=button,
                               modifiers=frozenset(modifiers)))
        d, self._drag = self._drag, None
        if d is not None and d["mode"] == "box":
            pr = self.canvas.pixel_ratio
            self.apply(d["views"], "box", {"x0": d["x0"] * pr, "y0": d["y0"] * pr,
                                          "x": x * pr, "y": y * pr})

    def wheel(self, x: float, y: float, step: float, modifiers=frozenset()) -> None:
        """``step``: notches, positive away from the user (zoom in)."""
        if self.closed:
            return
        mods = frozenset(modifiers)
        ev = self._event("wheel", x, y, step=step, modifiers=mods)
        self._emit(ev)
        views = self.canvas.navigated_views(x, y) if self.navigates else []
        if not views or not step:
            return
        action = controllers.wheel_action(self._kind(views[0]), mods)
        pr = self.canvas.pixel_ratio
        self.apply(views, action, {"x": x * pr, "y": y * pr, "notches": -float(step)})

    def double_click(self, x: float, y: float, button: int = 1) -> None:
        if self.closed:
            return
        ev = self._event("mouse_double_click", x, y, button=button)
        self._emit(ev)
        views = self.canvas.navigated_views(x, y) if self.navigates else []
        if views and button == 1:
            self.reset(views)

    def key(self, key: str, modifiers=frozenset()) -> None:
        """A key press; ``key`` is lower-case ("r", "home", "left", ...)."""
        if self.closed:
            return
        key = key.lower()
        x, y = self._last if self._last is not None else (None, None)
        ev = self._event("key_press", x, y, key=key, modifiers=frozenset(modifiers))
        self._emit(ev)
        # a callback took the key (a text box), or the canvas wants no keys of ours
        if ev.handled or not self.navigates or not self.canvas.key_bindings:
            return
        if key in ("r", "home"):
            self.reset()
            return
        if key in FLY_KEYS:
            for view in self.canvas.views:
                if view.navigable and self._kind(view) == "fly":
                    self.apply([view], "move", FLY_KEYS[key])

    def enter(self, x: float | None = None, y: float | None = None) -> None:
        """The pointer came into the canvas (at ``x``, ``y`` when the front-end says):
        matplotlib's ``figure_enter_event``."""
        if not self.closed:
            self._emit(self._event("mouse_enter", x, y))

    def leave(self) -> None:
        """The pointer left the canvas: matplotlib's ``figure_leave_event``, at the last
        position the canvas saw."""
        if self.closed:
            return
        x, y = self._last if self._last is not None else (None, None)
        self._emit(self._event("mouse_leave", x, y))

    def key_release(self, key: str, modifiers=frozenset()) -> None:
        """A key let go (``key`` as for :meth:`key`): a ``key_release`` event only,
        which matplotlib's ``key_release_event`` callbacks (a selector's Shift/Ctrl
        state) read; the front-end binds nothing to it."""
        if self.closed:
            return
        x, y = self._last if self._last is not None else (None, None)
        self._emit(self._event("key_release", x, y, key=key.lower(),
                               modifiers=frozenset(modifiers)))

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
