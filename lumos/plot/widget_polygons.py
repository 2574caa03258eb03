"""matplotlib's ``LassoSelector``, ``PolygonSelector`` (see
:mod:`lumos.plot.widget_selectors`) and ``Lasso``: selections of free shapes."""

from __future__ import annotations

import numpy as np

from .style import rcParams
from .widget_selectors import RectangleSelector, SelectorWidget
from .widgets import AxesWidget


class LassoSelector(SelectorWidget):
    """Draw a free-hand curve with the mouse; ``onselect(verts)`` gets its vertices
    (data coordinates) on release. ``props`` style the curve (Line2D keywords)."""

    def __init__(self, ax, onselect=None, *, useblit: bool = True,
                 props: dict | None = None, button=None) -> None:
        super().__init__(ax, onselect, useblit=useblit, button=button)
        self.verts = None
        # a Line2D made directly takes rcParams' color, not the axes' cycle (matplotlib)
        props = {"color": rcParams["lines.color"], **(props or {})}
        self._selection_artist = self._handles([], [], props)
        self._selection_artist.set_visible(False)

    def _press(self, event) -> None:
        self.verts = [(event.xdata, event.ydata)]
        self._selection_artist.set_visible(True)

    def _release(self, event) -> None:
        if self.verts is not None:
            self.verts.append((event.xdata, event.ydata))
            self.onselect(self.verts)
        self._selection_artist.set_data([], [])
        self._selection_artist.set_visible(False)
        self.verts = None

    def _onmove(self, event) -> None:
        if self.verts is None:
            return
        self.verts.append((event.xdata, event.ydata))
        self._selection_artist.set_data(*zip(*self.verts, strict=True))
        self.update()


class PolygonSelector(SelectorWidget):
    """Click the vertices of a polygon; clicking the first vertex again closes it and
    calls ``onselect(verts)``. A closed polygon's vertices can be dragged (right-click
    removes one); control drags a vertex of an open polygon, shift moves them all,
    escape starts again. ``draw_bounding_box``: a closed polygon gets an interactive
    :class:`RectangleSelector` around it that scales it."""

    _states = (*SelectorWidget._states, "move_vertex", "move_all")
    follows_mouse = True  # the last vertex follows the mouse, pressed or not

    def __init__(self, ax, onselect=None, *, useblit: bool = False,
                 props: dict | None = None, handle_props: dict | None = None,
                 grab_range: float = 10, draw_bounding_box: bool = False,
                 box_handle_props: dict | None = None, box_props: dict | None = None) -> None:
        keys = dict(clear="escape", move_vertex="control", move_all="shift",
                    move="not-applicable", square="not-applicable", center="not-applicable")
        super().__init__(ax, onselect, useblit=useblit, state_modifier_keys=keys)
        self._xys = [(0.0, 0.0)]
        props = dict(color="k", linestyle="-", linewidth=2, alpha=0.5) if props is None \
            else dict(props)
        self._selection_artist = self._handles([], [], props)
        self._handle_props = dict(markeredgecolor="k",
                                  markerfacecolor=props.get("color", "k")) \
            if handle_props is None else dict(handle_props)
        self._handles_artists = (self._handles([], [], {"marker": "o", "linestyle": "none",
                                                        **self._handle_props}),)
        self._active_handle_idx = -1
        self.grab_range = grab_range
        self.set_visible(True)
        self._draw_box = draw_bounding_box
        self._box = None
        self._box_handle_props = {**self._handle_props, **(box_handle_props or {})}
        self._box_props = box_props

    def _bbox(self) -> tuple[float, float, float, float]:
        xs, ys = np.array(self._xys).T
        return float(xs.min()), float(xs.max()), float(ys.min()), float(ys.max())

    def _add_box(self) -> None:
        """The rectangle around the closed polygon; dragging it scales the polygon."""
        self._box = RectangleSelector(self.ax, useblit=self._useblit,
                                      grab_range=self.grab_range,
                                      handle_props=self._box_handle_props,
                                      props=self._box_props, interactive=True)
        self._box.connect_event("motion_notify_event", self._scale_polygon)
        self._update_box()
        self._box.allow_creation = False
        self._box._selection_completed = True
        self._draw_polygon()

    def _remove_box(self) -> None:
        if self._box is not None:
            self._box.set_visible(False)
            self._box = None

    def _update_box(self) -> None:
        if self._box is not None:
            self._box.extents = self._bbox()
            self._old_box_extents = self._box.extents

    def _scale_polygon(self, event) -> None:
        """Map the polygon from the box it had to the box the mouse made."""
        if not self._selection_completed or self._old_box_extents == self._box.extents:
            return
        ox0, ox1, oy0, oy1 = self._bbox()
        nx0, nx1, ny0, ny1 = self._box.extents
        sx = (nx1 - nx0) / (ox1 - ox0) if ox1 != ox0 else 1.0
        sy = (ny1 - ny0) / (oy1 - oy0) if oy1 != oy0 else 1.0
        verts = [(nx0 + (x - ox0) * sx, ny0 + (y - oy0) * sy) for x, y in self.verts]
        self._xys = [*verts, verts[0]]
        self._draw_polygon()
        self._old_box_extents = self._box.extents

    def _closest_vertex(self, event) -> tuple[int, float]:
        xs, ys = self._handles_artists[0].get_data()
        if len(xs) == 0:
            return -1, np.inf
        d = np.hypot(*(self.ax.transData.transform(np.column_stack([xs, ys]))
                       - (event.x, event.y)).T)
        i = int(np.argmin(d))
        return i, float(d[i])

    def _remove_vertex(self, i: int) -> None:
        if len(self._xys) > 2 and self._selection_completed and i in (0, len(self._xys) - 1):
            self._xys.pop(0)
            self._xys.pop(-1)
            self._xys.append(self._xys[0])
        else:
            self._xys.pop(i)
        if len(self._xys) <= 2:
            self._selection_completed = False
            self._remove_box()

    def _press(self, event) -> None:
        if (self._selection_completed or "move_vertex" in self._state) and self._xys:
            i, dist = self._closest_vertex(event)
            if dist < self.grab_range:
                self._active_handle_idx = i
        self._xys_at_press = self._xys.copy()

    def _release(self, event) -> None:
        if self._active_handle_idx >= 0:
            if event.button == 3:
                self._remove_vertex(self._active_handle_idx)
                self._draw_polygon()
            self._active_handle_idx = -1
        elif len(self._xys) > 3 and self._xys[-1] == self._xys[0]:
            self._selection_completed = True
            if self._draw_box and self._box is None:
                self._add_box()
        elif not self._selection_completed and "move_all" not in self._state and \
                "move_vertex" not in self._state:
            self._xys.insert(-1, (event.xdata, event.ydata))
        if self._selection_completed:
            self.onselect(self.verts)

    def _onmove(self, event) -> None:
        if self._active_handle_idx >= 0:
            i = self._active_handle_idx
            self._xys[i] = (event.xdata, event.ydata)
            if i == 0 and self._selection_completed:
                self._xys[-1] = (event.xdata, event.ydata)
        elif "move_all" in self._state and self._eventpress:
            dx = event.xdata - self._eventpress.xdata
            dy = event.ydata - self._eventpress.ydata
            self._xys = [(x + dx, y + dy) for x, y in self._xys_at_press]
        elif self._selection_completed or "move_vertex" in self._state or \
                "move_all" in self._state:
            return
        else:
            x0, y0 = self.ax.transData.transform(self._xys[0])
            if len(self._xys) > 3 and np.hypot(x0 - event.x, y0 - event.y) < self.grab_range:
                self._xys[-1] = self._xys[0]  # closes the polygon at the next release
            else:
                self._xys[-1] = (event.xdata, event.ydata)
        self._draw_polygon()

    def _on_key_press(self, event) -> None:
        if not self._selection_completed and ("move_vertex" in self._state or
                                              "move_all" in self._state):
            self._xys.pop()
            self._draw_polygon()

    def _on_key_release(self, event) -> None:
        if not self._selection_completed and event.key in (
                self._state_modifier_keys["move_vertex"],
                self._state_modifier_keys["move_all"]):
            self._xys.append((event.xdata, event.ydata))
            self._draw_polygon()

    def _clear_without_update(self) -> None:
        self._selection_completed = False
        self._xys = [(0.0, 0.0)]
        self._draw_polygon(update=False)

    def clear(self) -> None:
        """Start a new polygon at the mouse (matplotlib does it at escape)."""
        super().clear()
        self._remove_box()
        if self._prev_event is not None:
            self._xys = [(self._prev_event.xdata, self._prev_event.ydata)]
        self.set_visible(True)

    def _draw_polygon(self, update: bool = True) -> None:
        xs, ys = (list(v) for v in zip(*self._xys, strict=True)) if self._xys else ([], [])
        self._selection_artist.set_data(xs, ys)
        closed = self._selection_completed or \
            (len(self._xys) > 3 and self._xys[-1] == self._xys[0])
        self._handles_artists[0].set_data(xs[:-1] if closed else xs,
                                          ys[:-1] if closed else ys)
        if self._box is not None:
            self._update_box()
        if update:
            self.update()

    @property
    def verts(self) -> list:
        """The vertices, ``(x, y)`` pairs, the first not repeated."""
        return self._xys[:-1]

    @verts.setter
    def verts(self, xys) -> None:
        self._xys = [*xys, xys[0]]
        self._selection_completed = True
        self.set_visible(True)
        if self._draw_box and self._box is None:
            self._add_box()
        self._draw_polygon()


__all__ = ["LassoSelector", "PolygonSelector"]


class Lasso(AxesWidget):
    """matplotlib's one-shot lasso: a curve drawn from ``xy`` (data) while the left
    button moves (the drag does not pan the axes meanwhile), removed on release, when
    ``callback(verts)`` gets its vertices (more than two). ``props`` style the curve
    (Line2D keywords; default a black line 2 points wide). Made in a
    ``button_press_event`` handler."""

    def __init__(self, ax, xy, callback, *, useblit: bool = True,
                 props: dict | None = None) -> None:
        super().__init__(ax)
        self.useblit = bool(useblit)  # lumos redraws whole: blitting changes nothing
        # the drag draws the lasso instead of panning the axes, until the release
        self._navigate = ax.get_navigate()
        ax.set_navigate(False)
        x, y = xy
        self.verts: list | None = [(x, y)]
        self.line = ax.plot([x], [y], **{"linestyle": "-", "color": "black", "lw": 2,
                                         **(props or {})})[0]
        self.callback = callback
        self.connect_event("button_release_event", self.onrelease)
        self.connect_event("motion_notify_event", self.onmove)

    def onrelease(self, event) -> None:
        """The release: ``callback(verts)``, the curve removed, the events disconnected."""
        if self.ignore(event):
            return
        if self.verts is not None:
            event = self._local(event)
            self.verts.append((event.xdata, event.ydata))
            if len(self.verts) > 2:
                self.callback(self.verts)
            self.line.remove()
        self.verts = None
        self.ax.set_navigate(self._navigate)
        self.disconnect_events()

    def onmove(self, event) -> None:
        """A move with the left button down inside the axes adds a vertex."""
        if self.ignore(event) or self.verts is None or event.button != 1 or \
                not self.ax.contains(event)[0]:
            return
        event = self._local(event)
        self.verts.append((event.xdata, event.ydata))
        self.line.set_data(*zip(*self.verts, strict=True))
        self.canvas.draw_idle()
