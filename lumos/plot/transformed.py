"""Lines through any transform (``ax.plot(x, y, transform=ax.transAxes)``,
``Affine2D().rotate_deg(30) + ax.transData``, matplotlib's blended transforms): the
points go through the transform to figure pixels every frame the view changes, and the
line is drawn there."""

from __future__ import annotations

import numpy as np

from ..visuals import Line, Markers
from .collections import set_line
from .lines import Line2D
from .style import dash_pattern
from .transformed_collections import branch_limits, to_data
from .transforms_compat import as_transform

_FROZEN = {"kind": "frozen", "what": "a line placed by a transform"}


class TransformedLine2D(Line2D):
    """A Line2D whose x, y are in the coordinates of ``transform`` (to figure pixels)."""

    draws_gaps = False  # drawn by visuals of its own
    draws_effects = False

    def __init__(self, axes, x, y, transform=None, **kwargs) -> None:
        self._line_visual = Line(width=1.0)
        self._marker_visual = Markers()
        self._built_for = None
        self._transform_spec = as_transform(transform, "transform")
        self._transform_arg = transform  # as given: which of its coordinates are data
        super().__init__(axes, x, y, **kwargs)

    def get_transform(self):
        return self._transform_spec

    def rescale(self) -> None:
        # drawn by its own visuals from pixels, not batched in scale space
        self._scaled = np.zeros((0, 2))
        self._markers_scaled = np.zeros((0, 2))
        self._built_for = None
        self._changed()

    def _scale_space(self, xy: np.ndarray) -> np.ndarray:
        """Figure pixels back to the axes' scale space (where its view draws)."""
        pixels = self._transform_spec.forward(xy)
        with np.errstate(all="ignore"):
            return self.axes.transView.inverse(pixels)

    def _update_geometry(self) -> None:
        ax = self.axes
        # Python maps the points again per view; a page cannot (it says so)
        self._line_visual.follow = self._marker_visual.follow = _FROZEN
        self._built_for = (ax.view_state(), id(self._x), len(self._x))
        xy = np.c_[self._x, self._y]
        pts = self._scale_space(xy) if len(xy) else np.zeros((0, 2))
        px = ax.figure.points_to_pixels(self._linewidth)
        for name, value in self.line_look().items():
            setattr(self._line_visual, name, value)
        ok = self._linestyle is not None and len(pts) > 1 and set_line(
            self._line_visual, [pts], np.asarray([self.line_rgba()]), px,
            dash_pattern(self._linestyle, px))
        self._line_visual.visible = bool(ok) and self._visible
        self._line_visual.order = self.zorder
        m = self._marker_visual
        if self._marker is not None and len(pts):
            symbol, size, face, edge, edge_w = self.marker_style()
            sel = pts[self._marker_index()]
            m.symbol, m.edge_color, m.edge_width = symbol, edge, edge_w
            # the joins and caps of the marker's style, as a data line's markers
            m.join, m.cap = self._marker_join, self._marker_cap
            m.snap = self._marker_snap()  # Agg's draw_markers, as a data line's markers
            m.set_data(sel, size=size, color=face)
            m.visible = self._visible
        else:
            m.visible = False
        m.order = self.zorder

    def _changed(self) -> None:
        self._built_for = None
        super()._changed()

    def draw_overlay(self, ov) -> None:
        if self._built_for != (self.axes.view_state(), id(self._x), len(self._x)):
            self._update_geometry()

    def visuals(self) -> list:
        return [self._line_visual, self._marker_visual]

    def data_limits(self):
        """Of the coordinates that are data only (matplotlib's: a line in
        ``ax.get_xaxis_transform()`` widens the x limits)."""
        t = self._transform_arg
        return branch_limits(t, self.axes, to_data(t, self.axes, np.c_[self._x, self._y]))

    def data_points(self):
        return None
