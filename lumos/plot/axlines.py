"""Lines that span the axes' view whatever its limits: :class:`ViewLine`, a line whose
ends follow the view (``axline``'s sloped line in :mod:`lumos.plot.charts` is one), and
:class:`AxLine` (``axhline``, ``axvline``).
"""

from __future__ import annotations

import numpy as np

from ..visuals import Line
from ..visuals.base import rgba_bytes
from .collections import axes_fraction_to_scale, finite_limits, set_line, to_scale
from .legend_best import Obstacles
from .lines import Line2D
from .style import dash_pattern


class ViewLine(Line2D):
    """A line whose ends follow the view (drawn by its own visual, rebuilt when the
    limits move); subclasses give the ends in scale space with ``_ends()``."""

    draws_gaps = False  # drawn by a visual of its own
    draws_effects = False

    def __init__(self, axes, x, y, **kwargs) -> None:
        self._visual = Line(width=1.0)
        self._built_for = None
        super().__init__(axes, x, y, **kwargs)

    def _ends(self) -> tuple[np.ndarray, np.ndarray]:
        raise NotImplementedError

    def rescale(self) -> None:
        # empty batch positions: drawn by its own visual, not batched with the other
        # lines (the batch would be rebuilt every time the limits move)
        self._scaled = np.zeros((0, 2))
        self._markers_scaled = np.zeros((0, 2))
        self._changed()

    def _update_geometry(self) -> None:
        ax = self.axes
        self._built_for = ax.view_state()
        xs, ys = self._ends()
        px = ax.figure.points_to_pixels(self._linewidth)
        rgba = np.asarray([self.line_rgba()])
        for name, value in self.line_look().items():
            setattr(self._visual, name, value)
        ok = self._linestyle is not None and set_line(
            self._visual, [np.c_[xs, ys]], rgba, px,
            dash_pattern(self._linestyle, px))
        self._visual.visible = bool(ok) and self._visible
        self._visual.order = self.zorder
        self._visual.follow = self._follow(xs, ys, rgba[0])

    def _follow(self, xs, ys, rgba) -> dict:
        """What a page, which moves the camera alone, does with this line: by default it
        says the line is frozen (Python rebuilds it per view)."""
        return {"kind": "frozen", "what": type(self).__name__}

    def _changed(self) -> None:
        self._update_geometry()
        super()._changed()

    def draw_overlay(self, ov) -> None:
        if self.axes.view_state() != self._built_for:
            self._update_geometry()

    def visuals(self) -> list:
        return [self._visual]

    def legend_obstacles(self) -> Obstacles:
        """Its ends where the view puts them, and the line between."""
        xs, ys = self._ends()
        return Obstacles.outline([self.axes.transView.forward(np.c_[xs, ys])])


class AxLine(ViewLine):
    """A horizontal or vertical line across the axes (``axhline``/``axvline``): the
    position is data, the extent an axes fraction, so it spans the view whatever the
    limits and takes no part in autoscaling along it."""

    def __init__(self, axes, orientation: str, value: float, fmin: float, fmax: float,
                 **kwargs) -> None:
        self._orientation = orientation
        self._value = float(value)
        self._span = (float(fmin), float(fmax))
        if orientation == "horizontal":
            x, y = [fmin, fmax], [value, value]
        else:
            x, y = [value, value], [fmin, fmax]
        super().__init__(axes, x, y, **kwargs)

    def set_data(self, x=None, y=None) -> None:
        """``(xmin, xmax), (y, y)`` for a horizontal line (x in axes fraction), and the
        transpose for a vertical one, like matplotlib; ``set_ydata([y])`` (one value)
        moves a horizontal line and keeps its extent."""
        if x is None and y is None:
            raise TypeError("set_data: got neither x nor y, expected x, y or both")
        if y is None and np.ndim(x) == 2:
            xy = np.asarray(x)
            x, y = xy[:, 0], xy[:, 1]
        x = self._x if x is None else np.atleast_1d(np.asarray(x))
        y = self._y if y is None else np.atleast_1d(np.asarray(y))
        if self._orientation == "horizontal":
            self._span = (float(x[0]), float(x[-1]))
            self._value = float(self.axes.yaxis.convert(np.asarray(y[:1]))[0])
            x, y = np.array(self._span), np.full(2, self._value)
        else:
            self._span = (float(y[0]), float(y[-1]))
            self._value = float(self.axes.xaxis.convert(np.asarray(x[:1]))[0])
            x, y = np.full(2, self._value), np.array(self._span)
        self._x, self._y = x, y
        self.rescale()

    def _ends(self) -> tuple[np.ndarray, np.ndarray]:
        ax = self.axes
        if self._orientation == "horizontal":
            xs = axes_fraction_to_scale(ax.xaxis, self._span)
            ys = to_scale(ax.yaxis, [self._value, self._value])
        else:
            xs = to_scale(ax.xaxis, [self._value, self._value])
            ys = axes_fraction_to_scale(ax.yaxis, self._span)
        return xs, ys

    def _follow(self, xs, ys, rgba) -> dict:
        # a page spans the new view itself (follow.js)
        horizontal = self._orientation == "horizontal"
        if not self.axes.transProjection.frozen().is_linear:
            return {"kind": "frozen", "what": "axhline" if horizontal else "axvline"}
        return {"kind": "axline", "orientation": self._orientation,
                "value": float(ys[0] if horizontal else xs[0]), "span": list(self._span),
                "color": [int(v) for v in rgba_bytes(rgba)]}

    def data_limits(self):
        if self._orientation == "horizontal":
            lim = finite_limits([self._value], self.axes.yaxis.scale)
            return None if lim is None else (None, lim)
        lim = finite_limits([self._value], self.axes.xaxis.scale)
        return None if lim is None else (lim, None)
