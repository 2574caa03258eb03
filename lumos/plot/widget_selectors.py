"""matplotlib's selectors: the base they share (matplotlib's ``_SelectorWidget``),
``SpanSelector``, ``RectangleSelector``, ``EllipseSelector`` (see
:mod:`lumos.plot.widgets`; :mod:`lumos.plot.widget_polygons` has the lasso and polygon
selectors).

A selector draws its selection with an ordinary artist of the axes and calls
``onselect`` on release, as matplotlib's; like matplotlib's, the selection artist joins
the data limits where it starts (at 0). lumos's mouse pans an axes with the left button
(matplotlib's needs the toolbar's pan mode first), so a selector's axes does not pan or
zoom while the selector is active; ``set_active(False)`` gives navigation back.
Rotating a rectangle (matplotlib's ``'r'`` state) is not supported:
``state_modifier_keys`` naming ``rotate`` is a TypeError.
"""

from __future__ import annotations

from numbers import Integral

import numpy as np

from .lines import Line2D
from .patch_shapes import Ellipse, Rectangle
from .widgets import AxesWidget, check_choice


class SelectorWidget(AxesWidget):
    """What the selectors share: the mouse buttons that select, press/move/release
    with data coordinates clipped to the axes, state keys (``escape`` clears)."""

    _states = ("move", "clear", "square", "center")
    allow_creation = True  # False: the mouse only moves and resizes the selection
    follows_mouse = False  # True: moves with no button down count too (polygons)

    def __init__(self, ax, onselect=None, useblit=False, button=None,
                 state_modifier_keys=None) -> None:
        super().__init__(ax)
        self._visible = True
        self.onselect = onselect if onselect is not None else (lambda *args: None)
        self._useblit = useblit  # lumos redraws what changed: one picture either way
        keys = dict(move=" ", clear="escape", square="shift", center="control")
        for state in state_modifier_keys or {}:
            if state not in self._states:
                raise TypeError(f"state_modifier_keys: lumos does not support the state "
                                f"{state!r}; expected keys among {', '.join(self._states)}")
        keys.update(state_modifier_keys or {})
        self._state_modifier_keys = keys
        self.validButtons = [button] if isinstance(button, Integral) else button  # noqa: N815
        self._selection_completed = False
        self._eventpress = None
        self._eventrelease = None
        self._prev_event = None
        self._state: set[str] = set()
        self._held: set[str] = set()  # states on because their modifier key is held
        self._navigate = ax.get_navigate()  # the axes' own, given back when inactive
        ax.set_navigate(False)
        for name, handler in (("motion_notify_event", self.onmove),
                              ("button_press_event", self.press),
                              ("button_release_event", self.release),
                              ("key_press_event", self.on_key_press),
                              ("key_release_event", self.on_key_release)):
            self.connect_event(name, handler)

    def set_active(self, active: bool) -> None:
        """Whether the selector responds; while it does, its axes does not pan."""
        super().set_active(active)
        self.ax.set_navigate(self._navigate and not active)

    @property
    def useblit(self) -> bool:
        """Whether blitting was asked for (lumos draws the same picture either way)."""
        return bool(self._useblit)

    def ignore(self, event) -> bool:
        """Whether ``event`` is not the selector's (inactive, another button, outside
        the axes before a press)."""
        if not self.active or not self.ax.get_visible():
            return True
        if not self.canvas.widgetlock.available(self):
            return True
        if self.validButtons is not None and event.button is not None and \
                event.button not in self.validButtons:
            return True
        if self._eventpress is None:
            return not self.ax.contains(event)[0]
        if event.button == self._eventpress.button:
            return False
        return not self.ax.contains(event)[0] or event.button != self._eventpress.button

    def update(self) -> None:
        """Redraw."""
        if self.ax.get_visible():
            self.canvas.draw_idle()

    def _clean(self, event):
        """``event`` in the widget's axes, its data clipped to the limits; a move
        outside every axes is the last event seen."""
        if event.xdata is None and event.x is None:
            event = self._prev_event
        else:
            event = self._local(event)
            if event.xdata is None:
                event = self._prev_event
        if event is None:
            return None
        xlim, ylim = sorted(self.ax.get_xbound()), sorted(self.ax.get_ybound())
        import dataclasses

        event = dataclasses.replace(event, xdata=float(np.clip(event.xdata, *xlim)),
                                    ydata=float(np.clip(event.ydata, *ylim)))
        self._prev_event = event
        return event

    def _sync_modifiers(self, event) -> None:
        """States of modifier keys (shift, control, alt) follow the modifiers the mouse
        event says are held: lumos's front-ends send no key release, which is where
        matplotlib turns them off."""
        held = {"ctrl" if m == "control" else m for m in event.modifiers}
        for state, key in self._state_modifier_keys.items():
            name = "ctrl" if key == "control" else key
            if name not in ("shift", "ctrl", "alt"):
                continue
            if name in held:
                self._state.add(state)
                self._held.add(state)
            elif state in self._held:
                self._state.discard(state)
                self._held.discard(state)

    def press(self, event) -> bool:
        """A button press: start a selection (or grab a handle)."""
        if self.ignore(event):
            return False
        self._sync_modifiers(event)
        event = self._clean(event)
        if event is None:
            return False
        self._eventpress = event
        self._prev_event = event
        key = (event.key or "").replace("ctrl", "control")
        if key == self._state_modifier_keys["move"]:
            self._state.add("move")
        self._press(event)
        return True

    def release(self, event) -> bool:
        """A button release: finish the selection, call ``onselect``."""
        if self.ignore(event) or not self._eventpress:
            return False
        self._sync_modifiers(event)
        event = self._clean(event)
        self._eventrelease = event
        self._release(event)
        self._eventpress = None
        self._eventrelease = None
        self._state.discard("move")
        return True

    def onmove(self, event) -> bool:
        """A move with the button down (any move: ``follows_mouse``): follow it."""
        if self.ignore(event) or not (self._eventpress or self.follows_mouse):
            return False
        self._sync_modifiers(event)
        event = self._clean(event)
        if event is None:
            return False
        self._onmove(event)
        return True

    def on_key_press(self, event) -> None:
        """``escape`` clears; modifier keys turn states on while held."""
        if not self.active or not event.key:
            return
        key = event.key.replace("ctrl", "control")
        if key == self._state_modifier_keys["clear"]:
            self.clear()
            return
        for state, modifier in self._state_modifier_keys.items():
            if modifier in key.split("+"):
                self._state.add(state)
                self._held.add(state)
        self._on_key_press(event)

    def _on_key_press(self, event) -> None:
        """What a selector does with a key besides the states."""

    def _on_key_release(self, event) -> None:
        """What a selector does when a key is released."""

    def on_key_release(self, event) -> None:
        """Modifier keys released turn their states off."""
        if not self.active or not event.key:
            return
        for state, modifier in self._state_modifier_keys.items():
            if modifier in event.key.replace("ctrl", "control").split("+"):
                self._state.discard(state)
                self._held.discard(state)
        self._on_key_release(event)

    def set_visible(self, visible: bool) -> None:
        """Show or hide the selection (and its handles)."""
        self._visible = visible
        for artist in self.artists:
            artist.set_visible(visible)

    def get_visible(self) -> bool:
        """Whether the selection is shown."""
        return self._visible

    def clear(self) -> None:
        """Forget the selection and hide it."""
        self._clear_without_update()
        self.update()

    def _clear_without_update(self) -> None:
        self._selection_completed = False
        self.set_visible(False)

    @property
    def artists(self) -> tuple:
        """The selection artist and the handles."""
        return (self._selection_artist, *getattr(self, "_handles_artists", ()))

    def set_props(self, **props) -> None:
        """Set properties of the selection artist."""
        self._selection_artist.set(**props)
        self.update()

    def set_handle_props(self, **handle_props) -> None:
        """Set properties of the handles."""
        if not getattr(self, "_handles_artists", ()):
            raise NotImplementedError("This selector doesn't have handles.")
        for handle in self._handles_artists:
            handle.set(**handle_props)
        self._handle_props.update(handle_props)
        self.update()

    def add_state(self, state: str) -> None:
        """Turn a state on (``move``, ``square``, ``center``) as its key would."""
        self._check_state(state)
        self._state.add(state)

    def remove_state(self, state: str) -> None:
        """Turn a state off."""
        self._check_state(state)
        self._state.remove(state)

    def _check_state(self, state) -> None:
        check_choice("state", state, [k for k, v in self._state_modifier_keys.items()
                                      if k != "clear" and v != "not-applicable"])

    def _press(self, event) -> None:
        """Grab a handle of a shown interactive selection, or start a new one (hidden
        until the mouse moves)."""
        if self._interactive and self._selection_artist.get_visible():
            self._set_active_handle(event)
        else:
            self._active_handle = None
        if self._active_handle is None and not self.ignore_event_outside and \
                self.allow_creation:
            self._visible = False
            self.extents = self._extents_at(event)
            self._visible = True
        else:
            self.set_visible(True)
        self._extents_on_press = self.extents

    def _release(self, event) -> None:
        """Call ``onselect`` with the selection (``_selection``: whether it is too small
        and the arguments); a too small one is cleared (and told of, if it replaced
        one, as matplotlib does)."""
        if not self._interactive:
            self._selection_artist.set_visible(False)
        if self._active_handle is None and self._selection_completed and \
                self.ignore_event_outside:
            return
        too_small, args = self._selection()
        if too_small:
            self.set_visible(False)
            if self._selection_completed:
                self.onselect(*args)
            self._selection_completed = False
        else:
            self.onselect(*args)
            self._selection_completed = True
        self.update()
        self._active_handle = None
        self._extents_on_press = None

    def _handles(self, xs, ys, props: dict) -> Line2D:
        """A line through (xs, ys) that does not move the data limits (with a
        ``marker`` and ``linestyle='none'``: handles)."""
        line = Line2D(self.ax, xs, ys, **props)
        self.ax.add_artist(line)
        return line


class SpanSelector(SelectorWidget):
    """Select a range along x (``direction='horizontal'``) or y with the mouse;
    ``onselect(vmin, vmax)`` is called on release (matplotlib's arguments)."""

    def __init__(self, ax, onselect, direction: str, *, minspan: float = 0,
                 useblit: bool = False, props: dict | None = None, onmove_callback=None,
                 interactive: bool = False, button=None, handle_props: dict | None = None,
                 grab_range: float = 10, state_modifier_keys: dict | None = None,
                 drag_from_anywhere: bool = False, ignore_event_outside: bool = False,
                 snap_values=None) -> None:
        check_choice("direction", direction, ("horizontal", "vertical"))
        if state_modifier_keys is None:
            state_modifier_keys = dict(clear="escape", square="not-applicable",
                                       center="not-applicable")
        super().__init__(ax, onselect, useblit=useblit, button=button,
                         state_modifier_keys=state_modifier_keys)
        props = dict(facecolor="red", alpha=0.5) if props is None else dict(props)
        self._direction = direction
        self.snap_values = snap_values
        self.onmove_callback = onmove_callback
        self.minspan = minspan
        self.grab_range = grab_range
        self._interactive = interactive
        self.drag_from_anywhere = drag_from_anywhere
        self.ignore_event_outside = ignore_event_outside
        self._extents_on_press = None
        span = ax.axvspan if direction == "horizontal" else ax.axhspan
        self._selection_artist = span(0, 0, **props)  # joins the limits at 0 (matplotlib)
        self._selection_artist.set_visible(False)
        self._extents = (0.0, 0.0)
        self._handle_props = {"color": props.get("facecolor", "r"), **(handle_props or {})}
        self._handles_artists: tuple = ()
        if interactive:
            line = ax.axvline if direction == "horizontal" else ax.axhline
            self._handles_artists = tuple(line(0, **self._handle_props) for _ in range(2))
            for handle in self._handles_artists:
                handle.set_visible(False)
        self._active_handle = None

    @property
    def direction(self) -> str:
        """``'horizontal'`` (x) or ``'vertical'`` (y)."""
        return self._direction

    def _value(self, event) -> float:
        return event.xdata if self._direction == "horizontal" else event.ydata

    def _pixel(self, v) -> float:
        xy = (v, 0) if self._direction == "horizontal" else (0, v)
        return float(self.ax.transData.transform(xy)[0 if self._direction == "horizontal"
                                                     else 1])

    def _extents_at(self, event) -> tuple:
        v = self._value(event)
        return (v, v)

    def _set_active_handle(self, event) -> None:
        """The edge within ``grab_range`` pixels of the press, or the inside
        (``drag_from_anywhere``, or the ``move`` state), or nothing."""
        at = self._pixel(self._value(event))
        dist = [abs(self._pixel(v) - at) for v in self.extents]
        i = int(np.argmin(dist))
        if "move" in self._state:
            self._active_handle = "C"
        elif dist[i] < self.grab_range:
            self._active_handle = ("min", "max")[i]
        elif self.drag_from_anywhere and self._contains(event):
            self._active_handle = "C"
        else:
            self._active_handle = None
            return
        self._extents_on_press = self.extents

    def _contains(self, event) -> bool:
        vmin, vmax = self.extents
        return vmin <= self._value(event) <= vmax

    def _onmove(self, event) -> None:
        v, vpress = self._value(event), self._value(self._eventpress)
        if self._active_handle == "C" and self._extents_on_press is not None:
            vmin, vmax = (e + v - vpress for e in self._extents_on_press)
        elif self._active_handle in ("min", "max"):
            vmin, vmax = self._extents_on_press
            if self._active_handle == "min":
                vmin = v
            else:
                vmax = v
        else:
            if self.ignore_event_outside and self._selection_completed:
                return
            vmin, vmax = sorted((vpress, v))
        self.extents = (vmin, vmax)
        if self.onmove_callback is not None:
            self.onmove_callback(vmin, vmax)

    def _selection(self) -> tuple[bool, tuple]:
        vmin, vmax = self.extents
        return vmax - vmin <= self.minspan, (vmin, vmax)

    @property
    def extents(self) -> tuple[float, float]:
        """``(vmin, vmax)`` of the selection."""
        return self._extents

    @extents.setter
    def extents(self, extents) -> None:
        vmin, vmax = sorted(extents)
        if self.snap_values is not None:
            snaps = np.asarray(self.snap_values, float)
            vmin, vmax = (float(snaps[np.argmin(np.abs(snaps - v))]) for v in (vmin, vmax))
        self._extents = (vmin, vmax)
        if self._direction == "horizontal":
            self._selection_artist.set_bounds(vmin, 0, vmax - vmin, 1)
        else:
            self._selection_artist.set_bounds(0, vmin, 1, vmax - vmin)
        for handle, v in zip(self._handles_artists, (vmin, vmax), strict=False):
            if self._direction == "horizontal":
                handle.set_xdata([v, v])
            else:
                handle.set_ydata([v, v])
        self.set_visible(self._visible)
        self.update()


class RectangleSelector(SelectorWidget):
    """Select a rectangle with the mouse; ``onselect(eclick, erelease)`` gets the
    press and release events (matplotlib's arguments). Interactive selectors keep the
    rectangle, with handles at its corners, edges and centre to resize and move it."""

    def __init__(self, ax, onselect=None, *, minspanx: float = 0, minspany: float = 0,
                 useblit: bool = False, props: dict | None = None,
                 spancoords: str = "data", button=None, grab_range: float = 10,
                 handle_props: dict | None = None, interactive: bool = False,
                 state_modifier_keys: dict | None = None,
                 drag_from_anywhere: bool = False, ignore_event_outside: bool = False,
                 use_data_coordinates: bool = False) -> None:
        super().__init__(ax, onselect, useblit=useblit, button=button,
                         state_modifier_keys=state_modifier_keys)
        check_choice("spancoords", spancoords, ("data", "pixels"))
        self._interactive = interactive
        self.drag_from_anywhere = drag_from_anywhere
        self.ignore_event_outside = ignore_event_outside
        self._use_data_coordinates = use_data_coordinates
        self.minspanx, self.minspany = minspanx, minspany
        self.spancoords = spancoords
        self.grab_range = grab_range
        props = dict(facecolor="red", edgecolor="black", alpha=0.2, fill=True) \
            if props is None else dict(props)
        self._selection_artist = self._shape(props)
        self.ax.add_patch(self._selection_artist)  # joins the limits at 0 (matplotlib)
        self._selection_artist.set_visible(False)
        self._extents = (0.0, 0.0, 0.0, 0.0)
        self._handle_props = {"markeredgecolor": props.get("edgecolor", "black"),
                              "marker": "s", "linestyle": "none", "markersize": 7,
                              "markerfacecolor": "w",
                              **(handle_props or {})}
        self._handles_artists: tuple = ()
        if interactive:
            self._handles_artists = tuple(self._handles([0] * n, [0] * n,
                                                        self._handle_props)
                                          for n in (4, 4, 1))
            for handle in self._handles_artists:
                handle.set_visible(False)
        self._active_handle = None
        self._extents_on_press = None

    def _shape(self, props: dict):
        return Rectangle((0, 0), 0, 1, **props)

    def _draw_shape(self, xmin, xmax, ymin, ymax) -> None:
        self._selection_artist.set_x(xmin)
        self._selection_artist.set_y(ymin)
        self._selection_artist.set_width(xmax - xmin)
        self._selection_artist.set_height(ymax - ymin)

    def _extents_at(self, event) -> tuple:
        return (event.xdata, event.xdata, event.ydata, event.ydata)

    def _closest(self, points, event) -> tuple[int, float]:
        """The index of the point of ``points`` (x and y arrays) nearest the event in
        pixels, and its distance."""
        d = np.hypot(*(self.ax.transData.transform(np.column_stack(points))
                       - (event.x, event.y)).T)
        i = int(np.argmin(d))
        return i, float(d[i])

    def _set_active_handle(self, event) -> None:
        """As matplotlib: the centre handle (within twice ``grab_range`` pixels, or the
        ``move`` state), else the nearest corner or edge handle within ``grab_range``,
        else the inside (``drag_from_anywhere``), else nothing."""
        c_idx, c_dist = self._closest(self.corners, event)
        e_idx, e_dist = self._closest(self.edge_centers, event)
        _, m_dist = self._closest(([self.center[0]], [self.center[1]]), event)
        x0, x1, y0, y1 = self.extents
        if "move" in self._state or m_dist < self.grab_range * 2:
            self._active_handle = "C"
        elif c_dist > self.grab_range and e_dist > self.grab_range:
            inside = x0 <= event.xdata <= x1 and y0 <= event.ydata <= y1
            self._active_handle = "C" if self.drag_from_anywhere and inside else None
        elif c_dist < e_dist:
            self._active_handle = ("SW", "SE", "NE", "NW")[c_idx]
        else:
            self._active_handle = ("W", "S", "E", "N")[e_idx]

    def _onmove(self, event) -> None:
        x, y = event.xdata, event.ydata
        press = self._eventpress
        if self._active_handle == "C" and self._extents_on_press is not None:
            x0, x1, y0, y1 = self._extents_on_press
            dx, dy = x - press.xdata, y - press.ydata
            self.extents = (x0 + dx, x1 + dx, y0 + dy, y1 + dy)
            return
        if self._active_handle is not None and self._extents_on_press is not None:
            x0, x1, y0, y1 = self._extents_on_press
            if "W" in self._active_handle:
                x0 = x
            if "E" in self._active_handle:
                x1 = x
            if "S" in self._active_handle:
                y0 = y
            if "N" in self._active_handle:
                y1 = y
            self.extents = (x0, x1, y0, y1)
            return
        if (self.ignore_event_outside and self._selection_completed) or \
                not self.allow_creation:
            return
        x0, y0 = press.xdata, press.ydata
        dx, dy = x - x0, y - y0
        if "square" in self._state:  # square on the screen, as matplotlib's
            sx, sy = np.abs(self.ax.transData.transform((1, 1))
                            - self.ax.transData.transform((0, 0)))
            side = max(abs(dx) * sx, abs(dy) * sy)
            dx, dy = np.copysign(side / sx, dx or 1), np.copysign(side / sy, dy or 1)
        if "center" in self._state:
            self.extents = (x0 - dx, x0 + dx, y0 - dy, y0 + dy)
        else:
            self.extents = (x0, x0 + dx, y0, y0 + dy)

    def _selection(self) -> tuple[bool, tuple]:
        x0, x1, y0, y1 = self.extents
        self._eventpress.xdata, self._eventpress.ydata = x0, y0
        self._eventrelease.xdata, self._eventrelease.ydata = x1, y1
        if self.spancoords == "data":
            spanx, spany = abs(x1 - x0), abs(y1 - y0)
        else:
            (px0, py0), (px1, py1) = self.ax.transData.transform([(x0, y0), (x1, y1)])
            spanx, spany = abs(px1 - px0), abs(py1 - py0)
        return spanx <= self.minspanx or spany <= self.minspany, \
            (self._eventpress, self._eventrelease)

    @property
    def extents(self) -> tuple[float, float, float, float]:
        """``(xmin, xmax, ymin, ymax)`` of the rectangle."""
        return self._extents

    @extents.setter
    def extents(self, extents) -> None:
        x0, x1, y0, y1 = (float(v) for v in extents)
        xmin, xmax = sorted((x0, x1))
        ymin, ymax = sorted((y0, y1))
        self._extents = (xmin, xmax, ymin, ymax)
        self._draw_shape(xmin, xmax, ymin, ymax)
        if self._handles_artists:
            for handle, (xs, ys) in zip(self._handles_artists,
                                        (self.corners, self.edge_centers,
                                         ([self.center[0]], [self.center[1]])),
                                        strict=True):
                handle.set_data(xs, ys)
        self.set_visible(self._visible)
        self.update()

    @property
    def corners(self) -> tuple[np.ndarray, np.ndarray]:
        """x and y of the corners, from the lower left, counter-clockwise."""
        x0, x1, y0, y1 = self._extents
        return np.array([x0, x1, x1, x0]), np.array([y0, y0, y1, y1])

    @property
    def edge_centers(self) -> tuple[np.ndarray, np.ndarray]:
        """x and y of the middles of the edges: left, bottom, right, top."""
        x0, x1, y0, y1 = self._extents
        xc, yc = (x0 + x1) / 2, (y0 + y1) / 2
        return np.array([x0, xc, x1, xc]), np.array([yc, y0, yc, y1])

    @property
    def center(self) -> tuple[float, float]:
        """The centre of the rectangle."""
        x0, x1, y0, y1 = self._extents
        return (x0 + x1) / 2, (y0 + y1) / 2

    @property
    def geometry(self) -> np.ndarray:
        """The corners as a (2, 5) array of y and x (matplotlib's order), closed."""
        x, y = self.corners
        return np.array([np.append(y, y[0]), np.append(x, x[0])])

    @property
    def rotation(self) -> float:
        """Always 0: lumos's rectangle selector does not rotate."""
        return 0.0


class EllipseSelector(RectangleSelector):
    """Select an ellipse (inscribed in the dragged rectangle) with the mouse; the
    arguments and callbacks are :class:`RectangleSelector`'s."""

    def _shape(self, props: dict):
        return Ellipse((0, 0), 0, 1, **props)

    def _draw_shape(self, xmin, xmax, ymin, ymax) -> None:
        self._selection_artist.set_center(((xmin + xmax) / 2, (ymin + ymax) / 2))
        self._selection_artist.set_width(xmax - xmin)
        self._selection_artist.set_height(ymax - ymin)


__all__ = ["EllipseSelector", "RectangleSelector", "SelectorWidget", "SpanSelector"]
