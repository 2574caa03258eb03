"""matplotlib's ``widgets``: GUI-neutral controls drawn with ordinary artists in an axes
and driven by the canvas' matplotlib events (``mpl_connect``), so they work in the
window, the Qt widget and the notebook, and draw headless as matplotlib draws them.

This module holds the base classes, :class:`Button`, :class:`Slider` and
:class:`RangeSlider`; :mod:`lumos.plot.widget_buttons` the check and radio buttons and the
text box, :mod:`lumos.plot.widget_selectors` the cursors and selectors.
``from lumos.widgets import Slider`` gathers them under matplotlib's module name.
"""

from __future__ import annotations

import dataclasses
from numbers import Number

import numpy as np

from ..colors import same_color
from .callbacks import CallbackRegistry
from .canvas import LockDraw
from .patch_shapes import Rectangle
from .ticker import ScalarFormatter


class Widget:
    """matplotlib's base of every widget: ``active``, ``eventson``, ``drawon``."""

    drawon = True
    eventson = True
    _active = True

    def set_active(self, active: bool) -> None:
        """Set whether the widget responds to events."""
        self._active = bool(active)

    def get_active(self) -> bool:
        """Whether the widget responds to events."""
        return self._active

    # through the methods, so that a subclass's set_active serves ``active = ...`` too
    active = property(lambda self: self.get_active(),
                      lambda self, active: self.set_active(active),
                      doc="Whether the widget responds to events.")

    def ignore(self, event) -> bool:
        """Whether ``event`` is to be ignored (the widget is not active)."""
        return not self.active


class AxesWidget(Widget):
    """A widget living in one axes (``ax``), listening to its figure's canvas."""

    def __init__(self, ax) -> None:
        self.ax = ax
        self._cids: list[int] = []

    @property
    def canvas(self):
        """The canvas of the widget's figure."""
        return getattr(self.ax.figure, "canvas", None)

    def connect_event(self, event: str, callback) -> None:
        """``canvas.mpl_connect(event, callback)``, remembered for
        :meth:`disconnect_events`."""
        self._cids.append(self.canvas.mpl_connect(event, callback))

    def disconnect_events(self) -> None:
        """Disconnect every event this widget connected."""
        for cid in self._cids:
            self.canvas.mpl_disconnect(cid)
        self._cids.clear()

    def ignore(self, event) -> bool:
        """Whether ``event`` is to be ignored (inactive widget, or no canvas)."""
        return super().ignore(event) or self.canvas is None

    def _local(self, event):
        """``event`` as seen from the widget's axes (matplotlib reparents events that
        name another axes, overlaid ones, so that ``xdata``/``ydata`` are the widget's)."""
        if event.inaxes is self.ax or event.x is None:
            return event
        xdata, ydata = self.ax.data_at(event.x, event.y)
        return dataclasses.replace(event, inaxes=self.ax, xdata=xdata, ydata=ydata)

    def _redraw(self) -> None:
        if self.drawon:
            self.canvas.draw_idle()


def check_choice(name: str, value, choices) -> None:
    """A ValueError naming ``name`` when ``value`` is not one of ``choices``."""
    if value not in choices:
        raise ValueError(f"{name}: got {value!r}, expected one of "
                         f"{', '.join(repr(c) for c in choices)}")


def prefixed(props: dict | None, defaults: dict, prefix: str) -> dict:
    """``defaults`` updated with ``props``, each key given ``prefix`` (matplotlib's
    ``handle_style={'size': 10}`` is ``markersize=10``)."""
    return {f"{prefix}{k}": v for k, v in {**defaults, **(props or {})}.items()}


def hover_face(widget, event) -> None:
    """Give ``widget``'s axes its ``hovercolor`` while the mouse is over it, its
    ``color`` otherwise (Button and TextBox)."""
    event = widget._local(event)
    if widget.ignore(event):
        return
    c = widget.hovercolor if widget.ax.contains(event)[0] else widget.color
    if not same_color(c, widget.ax.get_facecolor()):
        widget.ax.set_facecolor(c)
        widget._redraw()


class Button(AxesWidget):
    """A push button filling ``ax``: ``on_clicked(func)`` calls ``func(event)`` when the
    left button is pressed and released over it. ``color`` is its face,
    ``hovercolor`` its face while the mouse is over it; ``image`` is shown with
    ``imshow``."""

    def __init__(self, ax, label: str, image=None, color="0.85", hovercolor="0.95", *,
                 useblit: bool = True) -> None:
        super().__init__(ax)
        if image is not None:
            ax.imshow(image)
        self.label = ax.text(0.5, 0.5, label, verticalalignment="center",
                             horizontalalignment="center", transform=ax.transAxes)
        self._useblit = useblit  # lumos redraws what changed: blitting or not, one picture
        self._observers = CallbackRegistry(signals=["clicked"])
        self.connect_event("button_press_event", self._click)
        self.connect_event("button_release_event", self._release)
        self.connect_event("motion_notify_event", self._motion)
        ax.set_navigate(False)
        ax.set_facecolor(color)
        ax.set_xticks([])
        ax.set_yticks([])
        self.color = color
        self.hovercolor = hovercolor

    def _click(self, event) -> None:
        event = self._local(event)
        if not self.eventson or self.ignore(event) or not self.ax.contains(event)[0]:
            return
        if event.canvas.mouse_grabber is not self.ax:
            event.canvas.grab_mouse(self.ax)

    def _release(self, event) -> None:
        event = self._local(event)
        if self.ignore(event) or event.canvas.mouse_grabber is not self.ax:
            return
        event.canvas.release_mouse(self.ax)
        if self.eventson and self.ax.contains(event)[0]:
            self._observers.process("clicked", event)

    def _motion(self, event) -> None:
        hover_face(self, event)

    def on_clicked(self, func) -> int:
        """Call ``func(event)`` on each click; returns an id for :meth:`disconnect`."""
        return self._observers.connect("clicked", lambda event: func(event))

    def disconnect(self, cid: int) -> None:
        """Remove the callback ``cid``."""
        self._observers.disconnect(cid)


class SliderBase(AxesWidget):
    """What :class:`Slider` and :class:`RangeSlider` share: the axes set up as a track
    from ``valmin`` to ``valmax``, snapping to ``valstep``, and the mouse handling."""

    def __init__(self, ax, orientation, closedmin, closedmax, valmin, valmax, valfmt,
                 dragging, valstep) -> None:
        if getattr(ax, "name", None) == "3d":
            raise ValueError("ax: Sliders cannot be added to 3D Axes")
        super().__init__(ax)
        check_choice("orientation", orientation, ("horizontal", "vertical"))
        if valstep is not None and not isinstance(valstep, Number) \
                and np.ndim(valstep) != 1:
            raise ValueError(f"valstep: got an array of {np.ndim(valstep)} dimensions, "
                             "expected a number or a 1-D array of values")
        self.orientation = orientation
        self.closedmin = closedmin
        self.closedmax = closedmax
        self.valmin = valmin
        self.valmax = valmax
        self.valstep = valstep
        self.drag_active = False
        self.valfmt = valfmt
        if orientation == "vertical":
            ax.set_ylim(valmin, valmax)
        else:
            ax.set_xlim(valmin, valmax)
        self._fmt = ScalarFormatter()
        self._fmt.set_useOffset(False)  # no additive offset
        self._fmt.set_useMathText(True)  # "x" sign before a multiplicative offset
        ax.set_axis_off()
        ax.set_navigate(False)
        self.connect_event("button_press_event", self._update)
        self.connect_event("button_release_event", self._update)
        if dragging:
            self.connect_event("motion_notify_event", self._update)
        self._observers = CallbackRegistry(signals=["changed"])

    def _track(self, track_color):
        """The grey band the value moves along (the middle half of the axes)."""
        xy, w, h = ((.25, 0), .5, 1) if self.orientation == "vertical" else \
            ((0, .25), 1, .5)
        self.track = Rectangle(xy, w, h, transform=self.ax.transAxes,
                               facecolor=track_color)
        self.ax.add_patch(self.track)

    def _span(self, lo, hi, kwargs):
        """The filled part of the track, from ``lo`` to ``hi``."""
        if self.orientation == "vertical":
            return self.ax.axhspan(lo, hi, .25, .75, **kwargs)
        return self.ax.axvspan(lo, hi, .25, .75, **kwargs)

    def _set_span(self, lo, hi) -> None:
        # the span is matplotlib's Rectangle (axvspan/axhspan): data one way, axes the other
        if self.orientation == "vertical":
            self.poly.set_bounds(.25, lo, .5, hi - lo)
        else:
            self.poly.set_bounds(lo, .25, hi - lo, .5)

    def _make_handle(self, val, marker_props):
        """A round handle at ``val`` in the middle of the track."""
        xy = ([.5], [val]) if self.orientation == "vertical" else ([val], [.5])
        return self.ax.plot(*xy, "o", **marker_props, clip_on=False)[0]

    def _move_handle(self, handle, val) -> None:
        if self.orientation == "vertical":
            handle.set_ydata([val])
        else:
            handle.set_xdata([val])

    def _texts(self, label, valinit) -> None:
        """The label before the track and the value after it, as matplotlib places them."""
        ax = self.ax
        if self.orientation == "vertical":
            self.label = ax.text(0.5, 1.02, label, transform=ax.transAxes,
                                 verticalalignment="bottom", horizontalalignment="center")
            self.valtext = ax.text(0.5, -0.02, self._format(valinit),
                                   transform=ax.transAxes, verticalalignment="top",
                                   horizontalalignment="center")
        else:
            self.label = ax.text(-0.02, 0.5, label, transform=ax.transAxes,
                                 verticalalignment="center", horizontalalignment="right")
            self.valtext = ax.text(1.02, 0.5, self._format(valinit),
                                   transform=ax.transAxes, verticalalignment="center",
                                   horizontalalignment="left")

    def _format_values(self, vals) -> list[str]:
        """``vals`` as the value text shows them."""
        if self.valfmt is not None:
            return [self.valfmt(v) if callable(self.valfmt) else self.valfmt % v
                    for v in vals]
        texts = self._fmt.format_ticks([self.valmin, *vals, self.valmax])[1:-1]
        return [t + self._fmt.get_offset() for t in texts]

    def _stepped_value(self, val):
        """``val`` moved to the nearest value of the ``valstep`` grid."""
        if isinstance(self.valstep, Number):
            val = self.valmin + round((val - self.valmin) / self.valstep) * self.valstep
        elif self.valstep is not None:
            valstep = np.asanyarray(self.valstep)
            val = valstep[np.argmin(np.abs(valstep - val))]
        return val

    def _position(self, event):
        return event.xdata if self.orientation == "horizontal" else event.ydata

    def _drag(self, event) -> bool:
        """Start, continue or end a drag; True while a drag moves the value."""
        event = self._local(event)
        if self.ignore(event) or event.button != 1:
            return False
        inside = self.ax.contains(event)[0]
        if event.name == "button_press_event" and inside:
            self.drag_active = True
            event.canvas.grab_mouse(self.ax)
        if not self.drag_active:
            return False
        if event.name == "button_release_event" or \
                (event.name == "button_press_event" and not inside):
            self.drag_active = False
            event.canvas.release_mouse(self.ax)
            return False
        return self._position(event) is not None

    def disconnect(self, cid: int) -> None:
        """Remove the observer ``cid``."""
        self._observers.disconnect(cid)

    def reset(self) -> None:
        """Back to the initial value."""
        if np.any(self.val != self.valinit):
            self.set_val(self.valinit)

    def on_changed(self, func) -> int:
        """Call ``func(val)`` when the value changes; returns an id for
        :meth:`disconnect`."""
        return self._observers.connect("changed", lambda val: func(val))


class Slider(SliderBase):
    """A slider of a float from ``valmin`` to ``valmax`` filling ``ax`` (matplotlib's
    arguments); ``val`` is its value, ``on_changed(func)`` calls ``func(val)``.
    Keywords beyond matplotlib's named ones style the filled part (``facecolor``,
    ``edgecolor``, ``alpha``, ...)."""

    def __init__(self, ax, label: str, valmin: float, valmax: float, *, valinit=0.5,
                 valfmt=None, closedmin: bool = True, closedmax: bool = True,
                 slidermin=None, slidermax=None, dragging: bool = True, valstep=None,
                 orientation: str = "horizontal", initcolor="r", track_color="lightgrey",
                 handle_style: dict | None = None, **kwargs) -> None:
        super().__init__(ax, orientation, closedmin, closedmax, valmin, valmax, valfmt,
                         dragging, valstep)
        for name, other in (("slidermin", slidermin), ("slidermax", slidermax)):
            if other is not None and not hasattr(other, "val"):
                raise ValueError(f"{name}: got {type(other).__name__}, expected a Slider "
                                 "(an object with a 'val')")
        self.slidermin = slidermin
        self.slidermax = slidermax
        valinit = self._value_in_bounds(valinit)
        if valinit is None:
            valinit = valmin
        self.val = valinit
        self.valinit = valinit
        self._track(track_color)
        self.poly = self._span(valmin, valinit, kwargs)
        # the line at valinit crosses the track only (matplotlib clips it to the track)
        if orientation == "vertical":
            self.hline = ax.axhline(valinit, .25, .75, color=initcolor, lw=1)
        else:
            self.vline = ax.axvline(valinit, .25, .75, color=initcolor, lw=1)
        self._handle = self._make_handle(valinit, prefixed(
            handle_style, {"facecolor": "white", "edgecolor": ".75", "size": 10},
            "marker"))
        self._texts(label, valinit)
        self.set_val(valinit)

    def _value_in_bounds(self, val):
        """``val`` snapped and kept within the bounds (None: outside an open end)."""
        val = self._stepped_value(val)
        if val <= self.valmin:
            if not self.closedmin:
                return None
            val = self.valmin
        elif val >= self.valmax:
            if not self.closedmax:
                return None
            val = self.valmax
        if self.slidermin is not None and val <= self.slidermin.val:
            if not self.closedmin:
                return None
            val = self.slidermin.val
        if self.slidermax is not None and val >= self.slidermax.val:
            if not self.closedmax:
                return None
            val = self.slidermax.val
        return val

    def _update(self, event) -> None:
        if not self._drag(event):
            return
        val = self._value_in_bounds(self._position(self._local(event)))
        if val not in [None, self.val]:
            self.set_val(val)

    def _format(self, val) -> str:
        return self._format_values([val])[0]

    def set_val(self, val) -> None:
        """Set the value to ``val`` (moves the handle, tells the observers)."""
        self._set_span(self.valmin, val)
        self._move_handle(self._handle, val)
        self.valtext.set_text(self._format(val))
        self._redraw()
        self.val = val
        if self.eventson:
            self._observers.process("changed", val)


class RangeSlider(SliderBase):
    """A slider of a range ``(min, max)`` within ``valmin``..``valmax`` (matplotlib's
    arguments); ``val`` is the pair, ``on_changed(func)`` calls ``func((min, max))``.
    The handle nearest the mouse moves."""

    def __init__(self, ax, label: str, valmin: float, valmax: float, *, valinit=None,
                 valfmt=None, closedmin: bool = True, closedmax: bool = True,
                 dragging: bool = True, valstep=None, orientation: str = "horizontal",
                 track_color="lightgrey", handle_style: dict | None = None,
                 **kwargs) -> None:
        super().__init__(ax, orientation, closedmin, closedmax, valmin, valmax, valfmt,
                         dragging, valstep)
        # the range bounds the value, as matplotlib sets it before placing valinit
        self.val = (valmin, valmax)
        if valinit is None:
            extent = valmax - valmin
            valinit = np.array([valmin + extent * 0.25, valmin + extent * 0.75])
        else:
            if np.shape(valinit) != (2,):
                raise ValueError(f"valinit: got shape {np.shape(valinit)}, expected (2,)")
            valinit = self._value_in_bounds(valinit)
        self.val = valinit
        self.valinit = valinit
        marker_props = prefixed(handle_style,
                                {"facecolor": "white", "edgecolor": ".75", "size": 10},
                                "marker")
        self._track(track_color)
        self.poly = self._span(valinit[0], valinit[1], kwargs)
        self._handles = [self._make_handle(v, marker_props) for v in valinit]
        self._texts(label, valinit)
        self._active_handle = None
        self.set_val(valinit)

    def _min_in_bounds(self, min):
        """The new lower value kept between ``valmin`` and the upper value."""
        if min <= self.valmin:
            if not self.closedmin:
                return self.val[0]
            min = self.valmin
        if min > self.val[1]:
            min = self.val[1]
        return self._stepped_value(min)

    def _max_in_bounds(self, max):
        """The new upper value kept between the lower value and ``valmax``."""
        if max >= self.valmax:
            if not self.closedmax:
                return self.val[1]
            max = self.valmax
        if max <= self.val[0]:
            max = self.val[0]
        return self._stepped_value(max)

    def _value_in_bounds(self, vals):
        return (self._min_in_bounds(vals[0]), self._max_in_bounds(vals[1]))

    def _update(self, event) -> None:
        if not self._drag(event):
            if not self.drag_active:
                self._active_handle = None
            return
        pos = self._position(self._local(event))
        values = [h.get_ydata()[0] if self.orientation == "vertical" else h.get_xdata()[0]
                  for h in self._handles]
        self._active_handle = self._handles[int(np.argmin(np.abs(np.subtract(values,
                                                                             pos))))]
        if int(np.argmin(np.abs(np.subtract(self.val, pos)))) == 0:
            self.set_min(self._min_in_bounds(pos))
        else:
            self.set_max(self._max_in_bounds(pos))

    def _format(self, val) -> str:
        return "({}, {})".format(*self._format_values(val))

    def set_min(self, min) -> None:
        """Set the lower value to ``min``."""
        self.set_val((min, self.val[1]))

    def set_max(self, max) -> None:
        """Set the upper value to ``max``."""
        self.set_val((self.val[0], max))

    def set_val(self, val) -> None:
        """Set the range to ``val`` (two numbers, sorted here)."""
        val = np.sort(val)
        if val.shape != (2,):
            raise ValueError(f"val: got shape {val.shape}, expected (2,)")
        self.val = (self.valmin, self.valmax)
        vmin, vmax = self._value_in_bounds(val)
        self._set_span(vmin, vmax)
        self._move_handle(self._handles[0], vmin)
        self._move_handle(self._handles[1], vmax)
        self.valtext.set_text(self._format((vmin, vmax)))
        self._redraw()
        self.val = (vmin, vmax)
        if self.eventson:
            self._observers.process("changed", (vmin, vmax))


__all__ = ["AxesWidget", "Button", "LockDraw", "RangeSlider", "Slider", "SliderBase",
           "Widget"]
