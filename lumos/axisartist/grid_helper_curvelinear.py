"""axisartist's curvilinear grids: :class:`GridHelperCurveLinear` takes the transform
from curved coordinates (lon, lat) to the axes' data coordinates (x, y), a matplotlib
``Transform`` or a pair of functions ``(trans, inv_trans)``, and makes an axisartist
``Axes`` draw

- the grid (``ax.grid()``): lines of constant lon and of constant lat, each sampled in
  the curved coordinates and passed through the transform (matplotlib's ``GridFinder``
  places them and labels them: its locators and formatters, those of
  :mod:`.grid_finder` and :mod:`.angle_helper`);
- the four sides' ticks where the grid lines cross the box, labelled with the lon
  values at the bottom and top and the lat values at the left and right (change with
  ``ax.axis["right"].get_helper().nth_coord_ticks = 0``);
- floating axes along a curve of constant lon (``new_floating_axis(0, value)``) or lat
  (``new_floating_axis(1, value)``), with ticks across the curve and labels along it.

>>> grid_helper = GridHelperCurveLinear((tr, inv_tr))
>>> ax = fig.add_subplot(axes_class=Axes, grid_helper=grid_helper)
>>> ax.axis["t"] = ax.new_floating_axis(0, 3)
"""

from __future__ import annotations

import numpy as np

__all__ = ["GridHelperCurveLinear"]

#: the points a floating axis's curve is sampled at
_CURVE_POINTS = 200


def _pair(transform):
    """A transform with ``transform`` and ``inverted`` (lumos's ``Affine2D``) as the
    pair of functions matplotlib's GridFinder takes."""
    inverse = transform.inverted()

    def through(t):
        def f(x, y):
            x, y = np.broadcast_arrays(np.asarray(x, dtype=float), np.asarray(y, dtype=float))
            pts = np.asarray(t.transform(np.column_stack([x.ravel(), y.ravel()])), float)
            return pts[:, 0].reshape(x.shape), pts[:, 1].reshape(x.shape)
        return f

    return through(transform), through(inverse)


def _check_aux_trans(aux_trans):
    from matplotlib.transforms import Transform

    if isinstance(aux_trans, Transform):
        return aux_trans
    if callable(getattr(aux_trans, "transform", None)) and \
            callable(getattr(aux_trans, "inverted", None)):
        return _pair(aux_trans)
    if isinstance(aux_trans, tuple) and len(aux_trans) == 2 and all(map(callable,
                                                                        aux_trans)):
        return aux_trans
    raise TypeError(f"aux_trans: got {type(aux_trans).__name__}, expected a Transform "
                    "(matplotlib's or lumos's) or a pair of functions (trans, inv_trans)")


class GridHelperCurveLinear:
    """The curvilinear grid of an axisartist ``Axes`` (``grid_helper=``): ``aux_trans``
    maps curved coordinates to data coordinates (a ``Transform``, matplotlib's or
    lumos's, with its inverse, or ``(trans, inv_trans)``, functions of (x, y) arrays
    returning a pair);
    ``extreme_finder`` finds the curved coordinates' range over the view,
    ``grid_locator1``/``2`` place the lon/lat lines and ``tick_formatter1``/``2`` label
    them (matplotlib's defaults when None)."""

    def __init__(self, aux_trans, extreme_finder=None, grid_locator1=None,
                 grid_locator2=None, tick_formatter1=None, tick_formatter2=None) -> None:
        from mpl_toolkits.axisartist.grid_finder import GridFinder

        self.grid_finder = GridFinder(_check_aux_trans(aux_trans), extreme_finder,
                                      grid_locator1, grid_locator2, tick_formatter1,
                                      tick_formatter2)
        self._kept: tuple | None = None  # (view, grid info): the last view's


    @classmethod
    def from_grid_finder(cls, grid_finder) -> GridHelperCurveLinear:
        """The helper of matplotlib's ``GridFinder`` ``grid_finder`` (that of a
        matplotlib ``GridHelperCurveLinear``, shared: its updates show here)."""
        helper = cls.__new__(cls)
        helper.grid_finder = grid_finder
        helper._kept = None
        return helper

    def update_grid_finder(self, aux_trans=None, **kwargs) -> None:
        """A new transform and/or ``extreme_finder``, locators and formatters."""
        if aux_trans is not None:
            self.grid_finder.update_transform(_check_aux_trans(aux_trans))
        self.grid_finder.update(**kwargs)
        self._kept = None

    def to_data(self, lon, lat) -> np.ndarray:
        """Data coordinates (N, 2) of curved coordinates."""
        pts = np.column_stack(np.broadcast_arrays(np.asarray(lon, dtype=float),
                                                  np.asarray(lat, dtype=float)))
        return np.asarray(self.grid_finder.get_transform().transform(pts), dtype=float)

    def grid_info(self, xlim, ylim) -> dict:
        """matplotlib's ``GridFinder.get_grid_info`` over the view ``xlim`` x ``ylim``:
        the lon and lat lines (data coordinates), where they cross each side and their
        labels there, and the curved coordinates' range (``extremes``)."""
        from matplotlib.transforms import Bbox

        view = (tuple(map(float, xlim)), tuple(map(float, ylim)))
        if self._kept is None or self._kept[0] != view:
            self._kept = (view, self.grid_finder.get_grid_info(Bbox.from_extents(
                min(xlim), min(ylim), max(xlim), max(ylim))))
        return self._kept[1]

    def grid_lines(self, xlim, ylim, axis: str = "both") -> list[np.ndarray]:
        """The grid lines (data points (N, 2) each) over the view: of lon ('x'), lat
        ('y') or both."""
        info = self.grid_info(xlim, ylim)
        lines = []
        for name, which in (("lon", "x"), ("lat", "y")):
            if axis in ("both", which):
                lines += [np.asarray(line, dtype=float) for line in info[name]["lines"]]
        return lines

    def levels(self, nth: int, lo: float, hi: float) -> tuple[np.ndarray, list[str]]:
        """The grid values of coordinate ``nth`` (0 lon, 1 lat) between lo and hi and
        their labels."""
        gf = self.grid_finder
        locator = gf.grid_locator1 if nth == 0 else gf.grid_locator2
        formatter = gf.tick_formatter1 if nth == 0 else gf.tick_formatter2
        levs, n, factor = locator(lo, hi)
        levs = np.asarray(levs[:n], dtype=float)
        labels = formatter.format_ticks(levs) if hasattr(formatter, "format_ticks") \
            else formatter("bottom", factor, levs)
        return levs / (1.0 if factor is None else factor), list(labels)

    def floating_curve(self, nth: int, value: float, extremes) -> np.ndarray:
        """Data points (N, 2) of the curve where coordinate ``nth`` is ``value``,
        across the other coordinate's range ``extremes`` (lo, hi)."""
        other = np.linspace(*extremes, _CURVE_POINTS)
        return self.to_data(value, other) if nth == 0 else self.to_data(other, value)
