"""``transform=`` on ``vlines``/``hlines`` and ``fill_between``/``fill_betweenx`` (an
image's: ``AxesImage.set_transform``): coordinates in any transform to figure pixels
(``ax.transAxes``,
``ax.get_xaxis_transform()``: x in data, y in axes fraction, matplotlib's transforms).

The points go through the transform to pixels and back to the axes' scale space each
time the view changes (as :class:`lumos.plot.transformed.TransformedLine2D` does for
lines). Only the coordinates that are data count in the data limits, as matplotlib's
``contains_branch_seperately`` decides: a fill across the axes' height with
``get_xaxis_transform()`` widens the x limits, never the y limits.
"""

from __future__ import annotations

import numpy as np

from .collections import LineCollection, finite_limits
from .polygons import FillBetweenPolyCollection
from .transforms_compat import as_transform


def is_data_transform(transform, ax) -> bool:
    """Whether ``transform`` is None or ``ax.transData`` (nothing to follow)."""
    return transform is None or transform is ax.transData


def data_branches(transform, ax) -> tuple[bool, bool]:
    """Whether x, and whether y, of ``transform``'s coordinates are ``ax``'s data (a
    matplotlib transform: neither, it is not made of lumos's)."""
    if is_data_transform(transform, ax):
        return True, True
    branches = getattr(transform, "contains_branch_seperately", None)
    if branches is None:
        return False, False
    x, y = branches(ax.transData)  # matplotlib's blends ask lumos's parts
    return bool(x), bool(y)


def to_data(transform, ax, xy) -> np.ndarray:
    """(N, 2) points in ``transform``'s coordinates → ``ax``'s data, through pixels."""
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    with np.errstate(all="ignore"):
        return ax.transData.inverse(as_transform(transform, "transform").forward(xy))


def branch_limits(transform, ax, data_xy: np.ndarray):
    """The data limits of points ``data_xy`` (``to_data``'s) of an artist in
    ``transform``, as matplotlib updates them: of the coordinates that are data only
    (``contains_branch_seperately``); None when neither is."""
    bx, by = data_branches(transform, ax)
    if not (bx or by) or not len(data_xy):
        return None
    lx = finite_limits(data_xy[:, 0], ax.xaxis.scale) if bx else None
    ly = finite_limits(data_xy[:, 1], ax.yaxis.scale) if by else None
    return None if lx is None and ly is None else (lx, ly)


class _Follows:
    """What the classes below share: the transform, its points in scale space, and the
    limits of the data coordinates only."""

    _view_dependent = True  # the scale-space points move with the view

    def _init_transform(self, axes, transform) -> None:
        if not axes.transProjection.frozen().is_linear:
            raise TypeError(f"transform: got {transform!r} on {axes.name} axes; lumos draws "
                            "other transforms than ax.transData on rectilinear axes only")
        self._transform_spec = as_transform(transform, "transform")
        self._transform_arg = transform
        self._branches = data_branches(transform, axes)

    def get_transform(self):
        """The transform the coordinates are in."""
        return self._transform_arg

    def _to_scale_space(self, xy: np.ndarray) -> np.ndarray:
        """(N, 2) points in the transform's coordinates → the axes' scale space."""
        xy = np.asarray(xy, dtype=float).reshape(-1, 2)
        if not len(xy):
            return xy
        with np.errstate(all="ignore"):
            return self.axes.transView.inverse(self._transform_spec.forward(xy))

    def _branch_limits(self, x, y):
        bx, by = self._branches
        lx = finite_limits(x, self.axes.xaxis.scale) if bx else None
        ly = finite_limits(y, self.axes.yaxis.scale) if by else None
        return None if lx is None and ly is None else (lx, ly)


class TransformedLineCollection(_Follows, LineCollection):
    """``hlines``/``vlines`` with ``transform=``: segments in that transform's
    coordinates."""

    _page_name = "lines placed by a transform"

    def __init__(self, axes, segments, transform, **kwargs) -> None:
        self._init_transform(axes, transform)
        super().__init__(axes, segments, **kwargs)

    def _scaled_segments(self):
        s = self._segments
        if isinstance(s, np.ndarray):
            return self._to_scale_space(s.reshape(-1, 2)).reshape(s.shape)
        return [self._to_scale_space(p) for p in s]

    def data_limits(self):
        s = self._segments
        if len(s) == 0:
            return None
        allv = s.reshape(-1, 2) if isinstance(s, np.ndarray) else np.concatenate(s)
        return self._branch_limits(allv[:, 0], allv[:, 1])


class TransformedFillBetween(_Follows, FillBetweenPolyCollection):
    """``fill_between``/``fill_betweenx`` with ``transform=``."""

    _page_name = "a fill placed by a transform"

    def __init__(self, axes, t_direction: str, t, f1, f2, transform, **kwargs) -> None:
        self._init_transform(axes, transform)
        super().__init__(axes, t_direction, t, f1, f2, **kwargs)

    def _to_scale(self, t, f) -> tuple[np.ndarray, np.ndarray]:
        t, f = np.asarray(t, dtype=float), np.asarray(f, dtype=float)
        if self.t_direction == "x":
            s = self._to_scale_space(np.c_[t, f])
            return s[:, 0], s[:, 1]
        s = self._to_scale_space(np.c_[f, t])
        return s[:, 1], s[:, 0]

    def data_limits(self):
        t, f = self._limit_pts
        x, y = (t, f) if self.t_direction == "x" else (f, t)
        return self._branch_limits(x, y)
