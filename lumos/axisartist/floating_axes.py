"""axisartist's ``floating_axes``: a curvilinear grid bounded by fixed ranges of its
curved coordinates (``GridHelperCurveLinear(tr, extremes=(lon0, lon1, lat0, lat1))``)
in :class:`FloatingAxes`, whose four sides are the curves lon = lon0 ("left"), lon1
("right"), lat = lat0 ("bottom") and lat1 ("top"); the view is the boundary's extent
(2 % wider), the aspect 1, and the rectangular frame is not drawn.

>>> helper = GridHelperCurveLinear(PolarAxes.PolarTransform(), extremes=(0, np.pi / 2, 1, 2))
>>> ax = fig.add_subplot(axes_class=FloatingAxes, grid_helper=helper)
>>> aux = ax.get_aux_axes(PolarAxes.PolarTransform())  # plot in (theta, r)
"""

from __future__ import annotations

import numpy as np

from . import grid_helper_curvelinear
from .curvilinear import DrawnAxisArtist, FloatingAxisHelper
from .parasite_axes import HostAxes

__all__ = ["FloatingAxes", "FloatingSubplot", "GridHelperCurveLinear"]

#: a side's curve: (coordinate held, index of its value in the extremes)
_SIDE_CURVES = {"left": (0, 0), "right": (0, 1), "bottom": (1, 2), "top": (1, 3)}


class GridHelperCurveLinear(grid_helper_curvelinear.GridHelperCurveLinear):
    """A curvilinear grid over the fixed ranges ``extremes`` = (lon0, lon1, lat0, lat1)
    of its curved coordinates (matplotlib's ``ExtremeFinderFixed``), whatever the
    view."""

    def __init__(self, aux_trans, extremes, grid_locator1=None, grid_locator2=None,
                 tick_formatter1=None, tick_formatter2=None) -> None:
        from mpl_toolkits.axisartist.floating_axes import ExtremeFinderFixed

        values = np.asarray(extremes, dtype=float)
        if values.shape != (4,) or not np.isfinite(values).all():
            raise ValueError(f"extremes: got {extremes!r}, expected four finite numbers "
                             "(lon0, lon1, lat0, lat1)")
        super().__init__(aux_trans, ExtremeFinderFixed(tuple(values)), grid_locator1,
                         grid_locator2, tick_formatter1, tick_formatter2)

    @property
    def extremes(self) -> tuple[float, float, float, float]:
        """(lon0, lon1, lat0, lat1), as given."""
        e = self.grid_finder.extreme_finder(*[None] * 5)
        return tuple(float(v) for v in e)

    def grid_lines(self, xlim, ylim, axis: str = "both") -> list[np.ndarray]:
        """The lines of the grid values strictly inside the extremes (the sides are
        the boundary's)."""
        lon0, lon1, lat0, lat1 = self.extremes
        lines = []
        for nth, which, (lo, hi) in ((0, "x", (lon0, lon1)), (1, "y", (lat0, lat1))):
            if axis not in ("both", which):
                continue
            values, _ = self.levels(nth, lo, hi)
            # strictly between the extremes as given: none when given high to low
            # (matplotlib's floating axes draw no grid then)
            other = (lat0, lat1) if nth == 0 else (lon0, lon1)
            lines += [self.floating_curve(nth, v, other) for v in values if lo < v < hi]
        return lines

    def boundary(self) -> np.ndarray:
        """Data points (N, 2) of the closed boundary: the four sides' curves."""
        lon0, lon1, lat0, lat1 = self.extremes
        parts = [self.floating_curve(1, lat0, (lon0, lon1)),
                 self.floating_curve(0, lon1, (lat0, lat1)),
                 self.floating_curve(1, lat1, (lon1, lon0)),
                 self.floating_curve(0, lon0, (lat1, lat0))]
        return np.concatenate(parts)


class FloatingAxes(HostAxes):
    """axisartist's ``FloatingAxes`` (``FloatingSubplot``): a host axes drawing the
    bounded curvilinear grid of its ``grid_helper`` (a floating_axes
    :class:`GridHelperCurveLinear`), its sides the boundary's curves."""

    def __init__(self, *args, grid_helper=None, **kwargs) -> None:
        grid_helper = _check_helper(grid_helper)
        super().__init__(*args, grid_helper=grid_helper, **kwargs)
        for spine in self.spines.values():
            spine.set_visible(False)  # the boundary's curves are the frame
        for side, (nth, index) in _SIDE_CURVES.items():
            shown = side in ("bottom", "left")
            helper = FloatingAxisHelper(nth, grid_helper.extremes[index], bounded=True)
            self.axis[side] = DrawnAxisArtist(self, helper, side, ticklabels=shown,
                                               label=shown)
        self.set_aspect(1.0)
        self.adjust_axes_lim()

    def boundary_path(self):
        """The curved boundary, a closed Path in data coordinates (what an aux axes
        given this axes' patch clips its artists to)."""
        from ..path import Path

        pts = self.get_grid_helper().boundary()
        return Path(np.vstack([pts, pts[:1]]), closed=True)

    def adjust_axes_lim(self) -> None:
        """The view: the boundary's extent, 2 % wider each way."""
        pts = self.get_grid_helper().boundary()
        lo, hi = np.nanmin(pts, axis=0), np.nanmax(pts, axis=0)
        pad = (hi - lo) * 0.01
        self.set_xlim(lo[0] - pad[0], hi[0] + pad[0])
        self.set_ylim(lo[1] - pad[1], hi[1] + pad[1])


def _check_helper(grid_helper) -> GridHelperCurveLinear:
    """lumos's floating helper of ``grid_helper`` (lumos's, or matplotlib's floating_axes
    one, its grid finder shared)."""
    if isinstance(grid_helper, GridHelperCurveLinear):
        return grid_helper
    from mpl_toolkits.axisartist import floating_axes as mpl_floating

    if isinstance(grid_helper, mpl_floating.GridHelperCurveLinear):
        return GridHelperCurveLinear.from_grid_finder(grid_helper.grid_finder)
    raise TypeError(f"grid_helper: got {type(grid_helper).__name__}, expected a "
                    "floating_axes GridHelperCurveLinear (FloatingAxes need extremes)")


FloatingSubplot = FloatingAxes
