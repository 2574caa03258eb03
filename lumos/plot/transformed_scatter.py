"""``scatter(x, y, transform=...)``: markers at points in any transform to figure pixels
(``ax.transAxes``, ``ax.get_xaxis_transform()``, ``fig.transFigure``, ``offset_copy``,
matplotlib's), as matplotlib's scatter takes ``transform`` for its offsets.

The points go through the transform to pixels and back to the axes' scale space each
time the view changes (as :class:`lumos.plot.transformed.TransformedLine2D` does for
lines), into a Markers visual of their own (not the axes' batch, which keeps rows in
scale space between views). Only the coordinates that are data count in the limits.
"""

from __future__ import annotations

import numpy as np

from ..visuals import Markers
from .scatter import PathCollection
from .transformed_collections import branch_limits, data_branches, to_data
from .transforms_compat import as_transform

_FROZEN = {"kind": "frozen", "what": "scatter points placed by a transform"}


class TransformedPathCollection(PathCollection):
    """A scatter whose x, y are in the coordinates of ``transform`` (to figure pixels)."""

    def __init__(self, axes, x, y, transform, **kwargs) -> None:
        if not axes.transProjection.frozen().is_linear:
            raise TypeError(f"transform: got {transform!r} on {axes.name} axes; lumos draws "
                            "scatter points in other transforms than ax.transData on "
                            "rectilinear axes only")
        if kwargs.get("density"):
            raise TypeError("density: True counts points per pixel of the data; got it "
                            "with transform=, expected density=False")
        self._transform_spec = as_transform(transform, "transform")
        self._transform_arg = transform
        self._visual = Markers()
        self._built_for = None
        super().__init__(axes, x, y, **{**kwargs, "density": False})
        self._check_edges()

    def get_offset_transform(self):
        """The transform of the points (matplotlib's scatter puts ``transform`` there)."""
        return self._transform_arg

    def set_edgecolor(self, c) -> None:
        """'face', 'none' or one color (one per point cannot go in the points' one
        visual: a TypeError)."""
        super().set_edgecolor(c)
        self._check_edges()

    set_edgecolors = set_edgecolor

    def _check_edges(self) -> None:
        if isinstance(self._edgecolors, np.ndarray) and len(self._edgecolors) > 1 and \
                not (self._edgecolors == self._edgecolors[0]).all():
            raise TypeError("edgecolors: lumos draws the points of a scatter with "
                            "transform= in one edge color; got one per point")

    def _scale_rows(self, start: int, stop: int) -> None:
        # the positions follow the view: made again at the next frame
        self._built_for = None
        self._changed()

    def _colors_changed(self) -> None:
        self._built_for = None
        super()._colors_changed()

    def _changed(self) -> None:
        self._built_for = None
        super()._changed()

    def batch_items(self) -> list:
        return []  # drawn by its own visual

    def visuals(self) -> list:
        return [self._visual]

    def draw_overlay(self, ov) -> None:
        key = (self.axes.view_state(), len(self._offsets))
        if self._built_for != key:
            self._update_markers()
            self._built_for = key

    def _update_markers(self) -> None:
        """The points to pixels through the transform and back to scale space, drawn
        with the style the axes' batch would give them."""
        m = self._visual
        m.follow = _FROZEN  # Python maps the points again per view; a page cannot
        m.order = self.zorder
        with np.errstate(all="ignore"):
            pts = self.axes.transView.inverse(self._transform_spec.forward(self._offsets)) \
                if len(self._offsets) else np.zeros((0, 2))
        symbol, sizes, face, edge, edge_w = self.marker_style()
        if isinstance(edge, np.ndarray):  # one color, given as rows
            edge = tuple(edge[0])
        m.symbol, m.edge_width, m.edge_color, m.join = symbol, edge_w, edge, "round"
        m.snap = self._marker_snap()  # as the axes' batch places them
        m.set_data(pts, size=np.broadcast_to(sizes, (len(pts),)), color=face)
        m.visible = self._visible and bool(len(pts))

    def set_visible(self, visible: bool) -> None:
        super().set_visible(visible)
        self._visual.visible = self._visible and bool(len(self._offsets))

    def _data_xy(self) -> np.ndarray:
        return to_data(self._transform_arg, self.axes, self._offsets)

    def data_limits(self):
        """matplotlib's ``get_datalim`` of a scatter: the points when their transform
        ends in ``ax.transData`` (``Affine2D() + ax.transData``), else none (a blend of
        data and axes, ``offset_copy`` of the data: nothing moves)."""
        if not all(data_branches(self._transform_arg, self.axes)):
            return None
        return branch_limits(self._transform_arg, self.axes, self._data_xy())

    def data_points(self) -> np.ndarray:
        return self._data_xy()

    def pixel_offsets(self, offsets: np.ndarray) -> np.ndarray:
        return self._transform_spec.forward(offsets)

    def uses_density(self) -> bool:
        return False

    def __repr__(self) -> str:
        return f"<TransformedPathCollection of {len(self._offsets)} points>"

