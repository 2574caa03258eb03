"""matplotlib's Line2D methods beside drawing (a mixin of
:class:`lumos.plot.lines.Line2D`): the pick radius, and ``update_from`` copying another
line's style, the transform of its points."""

from __future__ import annotations

import numpy as np

from .line_data import drawstyle_points


class LineAPI:
    """``pickradius`` (points around the line that count as a hit), ``update_from`` and
    ``get_transform``."""

    _pickradius = 5.0

    def set_pickradius(self, pickradius: float) -> None:
        """Points around the line that count as a hit (``pick_event``); a numeric
        ``picker`` sets it too."""
        r = float(pickradius) if isinstance(pickradius, (int, float, np.number)) and \
            not isinstance(pickradius, bool) else np.nan
        if not r >= 0:
            raise ValueError(f"pickradius: got {pickradius!r}, expected a distance >= 0 "
                             "(points)")
        self._pickradius = r

    def get_pickradius(self) -> float:
        """Points around the line that count as a hit."""
        return self._pickradius

    pickradius = property(get_pickradius, set_pickradius)

    def set_picker(self, picker) -> None:
        super().set_picker(picker)
        if isinstance(self._picker, float):
            self._pickradius = self._picker

    def pick_tolerance(self) -> float:
        return self._pickradius

    def get_transform(self):
        """The transform of the line's x, y to figure pixels: ``ax.transData``, as
        matplotlib's default (None before the line is in an axes)."""
        return None if self.axes is None else self.axes.transData

    def contains(self, mouseevent) -> tuple[bool, dict]:
        """matplotlib's ``Line2D.contains``: whether ``mouseevent`` lies within
        ``pickradius`` points of the line as drawn (of its vertices, a line of markers
        alone), with ``{"ind": the indices of the vertices and segments hit}``."""
        hit = self.pick_hit(mouseevent)
        return (False, {}) if hit is None else hit

    def pick_hit(self, mouseevent) -> tuple[bool, dict] | None:
        """``contains``, or None when the line's points are not in data coordinates
        (a line in another transform: the GPU's pick decides)."""
        xy = self.data_points()
        if mouseevent.x is None or self.axes is None or xy is None:
            return None
        x, y = drawstyle_points(xy[:, 0], xy[:, 1], self._drawstyle)
        if not len(x):
            return False, {}
        px = self.axes.transData.forward(np.c_[x, y])
        radius = self.axes.figure.points_to_pixels(self._pickradius)
        cx, cy = float(mouseevent.x), float(mouseevent.y)
        with np.errstate(all="ignore"):  # NaN vertices hit nothing
            if self.get_linestyle() in ("None", ""):
                ind = np.nonzero((px[:, 0] - cx) ** 2 + (px[:, 1] - cy) ** 2
                                 <= radius ** 2)[0]
            else:
                ind = segment_hits(cx, cy, px[:, 0], px[:, 1], radius)
                if self._drawstyle != "default":
                    ind //= 2  # a step line's vertices: two a data point
        return len(ind) > 0, {"ind": ind}

    def update_from(self, other) -> None:
        """Take ``other``'s style (matplotlib's ``update_from``): color, alpha, width,
        line style, caps and joins, gap color, markers, fill style, draw style, path
        effects, visibility and label; not its data, zorder or transform."""
        if not isinstance(other, LineAPI):
            raise TypeError(f"other: got {type(other).__name__}, expected a lumos Line2D")
        self._color, self._alpha = other._color, other._alpha
        self._linewidth, self._linestyle = other._linewidth, other._linestyle
        self._solid_cap, self._dash_cap = other._solid_cap, other._dash_cap
        self._solid_join, self._dash_join = other._solid_join, other._dash_join
        self._marker, self._markersize = other._marker, other._markersize
        self._mfc, self._mec, self._mew = other._mfc, other._mec, other._mew
        self._mfcalt, self._fillstyle = other._mfcalt, other._fillstyle
        self._drawstyle, self._antialiased = other._drawstyle, other._antialiased
        self._markers_changed = True
        if other.get_gapcolor() is not None or self.get_gapcolor() is not None:
            self.set_gapcolor(other.get_gapcolor())
        self.set_path_effects(other.get_path_effects())
        self.set_label(other.get_label())
        self.set_visible(other.get_visible())
        self.rescale()  # the draw style shapes the drawn points


def segment_hits(cx: float, cy: float, x: np.ndarray, y: np.ndarray,
                 radius: float) -> np.ndarray:
    """matplotlib's ``lines.segment_hits``: the indices of the vertices within
    ``radius`` of (cx, cy), then of the segments (from vertex i to i + 1) within it
    whose nearest point is inside the segment and whose ends are not hits."""
    if len(x) <= 1:
        return np.nonzero((cx - x) ** 2 + (cy - y) ** 2 <= radius ** 2)[0]
    xr, yr = x[:-1], y[:-1]
    dx, dy = x[1:] - xr, y[1:] - yr
    u = ((cx - xr) * dx + (cy - yr) * dy) / (dx ** 2 + dy ** 2)
    point_hits = (cx - x) ** 2 + (cy - y) ** 2 <= radius ** 2
    candidates = (u >= 0) & (u <= 1) & ~(point_hits[:-1] | point_hits[1:])
    line_hits = candidates & ((cx - xr - u * dx) ** 2 + (cy - yr - u * dy) ** 2
                              <= radius ** 2)
    return np.concatenate((np.nonzero(point_hits)[0], np.nonzero(line_hits)[0]))
