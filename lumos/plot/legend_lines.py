"""The lines of a legend (``legend.get_lines()``, matplotlib's legend Line2D objects): one
per entry whose handle is a line. Their alpha and visibility change how the legend draws
that entry's handle, and a picker makes clicks on it ``pick_event`` events (the
legend-picking idiom: toggle the line a legend line stands for)."""

from __future__ import annotations

import dataclasses

import numpy as np

from .. import colors
from .artists import check_picker


class LegendLine:
    """One legend entry's line (``legend.get_lines()[i]``)."""

    stands_for = "Line2D"  # matplotlib's class (lumos.plot.introspect.findobj)

    def __init__(self, legend, index: int) -> None:
        self.legend = legend
        self.index = index
        self._alpha: float | None = None
        self._visible = True
        self._picker = None
        self._segment: tuple[float, float, float] | None = None  # x0, x1, y at the last draw

    def _declared(self):
        handle = self.legend.entries[self.index][0]
        fs = self.legend.axes.figure.points_to_pixels(self.legend.fontsize)
        return handle.legend_handle(fs)

    def get_label(self) -> str:
        """The entry's label text."""
        return self.legend.entries[self.index][1].get_text()

    def get_color(self):
        """The line's color (RGBA) as the legend draws it."""
        h = self._declared()
        return None if h is None or h.line is None else _with_alpha(h.line[0], self._alpha) \
            if self._alpha is not None else colors.to_rgba(h.line[0])

    def get_linewidth(self) -> float:
        """The line's width in points."""
        h = self._declared()
        px = self.legend.axes.figure.points_to_pixels(1.0)
        return 0.0 if h is None or h.line is None else float(h.line[1]) / px

    def set_alpha(self, alpha) -> None:
        """The opacity of the entry's line and markers (None: the artist's own)."""
        if alpha is not None:
            alpha = float(alpha)
            if not 0.0 <= alpha <= 1.0:
                raise ValueError(f"alpha: got {alpha!r}, expected a number in 0..1 or None")
        self._alpha = alpha

    def get_alpha(self) -> float | None:
        """The opacity set by ``set_alpha`` (None: the artist's own)."""
        return self._alpha

    def set_visible(self, visible) -> None:
        """Draw the entry's line and markers or not (the label stays)."""
        self._visible = bool(visible)

    def get_visible(self) -> bool:
        """Whether the entry's line and markers are drawn."""
        return self._visible

    def set_picker(self, picker) -> None:
        """Make clicks on the line ``pick_event`` events: True (within 5 points), a
        tolerance in points, a callable ``picker(line, mouseevent) -> (hit, props)``, or
        None/False (no picking)."""
        self._picker = check_picker(picker)

    def get_picker(self):
        """The picker set by ``set_picker``."""
        return self._picker

    def pickable(self) -> bool:
        """Whether the line has a picker and its legend is shown."""
        return self._picker not in (None, False) and self.legend.get_visible()

    def pick_tolerance(self) -> float:
        """Points around the line that count as a hit (a numeric picker, else 5)."""
        p = self._picker
        return float(p) if isinstance(p, float) else 5.0

    def get_window_extent(self, renderer=None):
        """The segment the legend last drew the line along, figure pixels (a Bbox as
        high as the line is wide; empty at the origin before the legend was drawn)."""
        from .bbox import Bbox

        if self._segment is None:
            return Bbox.from_bounds(0.0, 0.0, 0.0, 0.0)
        x0, x1, y = self._segment
        half = self.legend.axes.figure.points_to_pixels(self.get_linewidth()) / 2
        return Bbox.from_extents(x0, y - half, x1, y + half)

    def pick_hit(self, mouseevent) -> tuple[bool, dict]:
        """Whether a click falls within the tolerance of the line as last drawn
        (matplotlib's ``Line2D.contains`` on the legend line)."""
        if self._segment is None or not self._visible or mouseevent.x is None:
            return False, {}
        x0, x1, y = self._segment
        tol = self.legend.axes.figure.points_to_pixels(self.pick_tolerance())
        dx = max(x0 - mouseevent.x, 0.0, mouseevent.x - x1)
        return bool(np.hypot(dx, mouseevent.y - y) <= tol), {}

    def styled(self, h, x0: float, x1: float, y: float):
        """The handle ``h`` as this line draws it (its alpha on the line and markers),
        None when hidden; remembers where it is drawn for picking."""
        self._segment = (x0, x1, y)
        if not self._visible:
            return None
        if self._alpha is None or h is None:
            return h
        a = self._alpha
        line = None if h.line is None else (_with_alpha(h.line[0], a), *h.line[1:])
        marker = None if h.marker is None else (
            h.marker[0], h.marker[1], _with_alpha(h.marker[2], a),
            _with_alpha(h.marker[3], a), h.marker[4])
        return dataclasses.replace(h, line=line, marker=marker)


def _with_alpha(color, alpha: float):
    """``color`` at ``alpha`` (matplotlib's Line2D.set_alpha), a transparent one ('none')
    left transparent."""
    if color is None:
        return None
    rgba = colors.to_rgba(color)
    return rgba if rgba[3] == 0 else (*rgba[:3], alpha)
