"""Artists for data beyond memory: what ``plot``, ``scatter`` and ``imshow`` return for
h5py datasets, zarr arrays, Dask arrays/DataFrame columns and numpy memmaps.

Each wraps a ``lumos.lazy`` visual that reads, per view, only what the pixels need:
:class:`LazyLine2D` (a min/max pyramid on disk), :class:`LazyDensity` (aggregation on
Dask per view), :class:`LazyImage` (a tile pyramid loaded by view on a background
thread). The axes' entry points hand lazy inputs here (``dispatch_*``) and keep their
own path for everything else.
"""

from __future__ import annotations

import numpy as np

from .. import colors
from .artists import Artist, LegendHandle, ScalarMappable, check_linestyle
from .style import dash_pattern, rcParams

TILE_ABOVE = 4096  # lazy images larger than this (rows or columns) are tiled; smaller are read
_LINE_KEYS = {"color", "linewidth", "linestyle", "label", "zorder", "alpha", "marker"}


def is_lazy_input(obj) -> bool:
    """h5py/zarr/Dask/memmap data, or a Dask DataFrame column: drawn through lumos.lazy."""
    from ..lazy.aggregate import is_dask_frame_column
    from ..lazy.source import is_lazy

    return is_lazy(obj) or is_dask_frame_column(obj)


class LazyLine2D(Artist):
    """A line read through its on-disk min/max pyramid (``ax.plot(h5["signal"])``).

    ``line.visual`` is the :class:`lumos.lazy.line.PyramidLine`; ``line.pyramid`` the
    :class:`lumos.lazy.pyramid.LinePyramid` (built once, cached next to nothing the
    user owns: in the lumos cache folder).
    """

    zorder = 2.0

    def __init__(self, axes, x, y, color=None, linewidth=None, linestyle="-", alpha=None,
                 label=None, zorder=None, cache=None, progress=None) -> None:
        from ..lazy.line import PyramidLine
        from ..lazy.pyramid import LinePyramid

        super().__init__(axes, label, zorder)
        self.pyramid = LinePyramid(y, x, cache=cache, progress=progress)
        self._color = colors.to_rgba(color if color is not None else "C0")
        self._alpha = alpha
        self._linewidth = float(rcParams["lines.linewidth"] if linewidth is None else linewidth)
        self._linestyle = check_linestyle(linestyle) or "-"
        self.visual = PyramidLine(self.pyramid)
        self._style()
        self.rescale()

    def _style(self) -> None:
        v = self.visual
        width = self.axes.figure.points_to_pixels(self._linewidth)
        v.width = width
        v.dashes = dash_pattern(self._linestyle, width)
        v.color = colors.to_rgba(self._color, self._alpha)
        v.order = self.zorder
        self._changed()

    def set_color(self, color) -> None:
        self._color = colors.to_rgba(color)
        self._style()

    def get_color(self):
        return self._color

    def set_linewidth(self, lw: float) -> None:
        self._linewidth = float(lw)
        self._style()

    def set_linestyle(self, ls) -> None:
        self._linestyle = check_linestyle(ls) or "-"
        self._style()

    def set_alpha(self, alpha) -> None:
        self._alpha = alpha
        self._style()

    def line_rgba(self):
        return colors.to_rgba(self._color, self._alpha)

    def legend_handle(self, fontsize_px: float) -> LegendHandle:
        width = self.axes.figure.points_to_pixels(self._linewidth)
        return LegendHandle(line=(self.line_rgba(), width,
                                  dash_pattern(self._linestyle, width)))

    def set_visible(self, visible: bool) -> None:
        super().set_visible(visible)
        self.visual.visible = self._visible

    def rescale(self) -> None:
        v = self.visual
        v.x_scale, v.y_scale = self.axes.xaxis.scale, self.axes.yaxis.scale
        v.invalidate()
        self._changed()

    def data_limits(self):
        (x0, x1), (y0, y1) = self.pyramid.x_range, self.pyramid.y_range
        if not np.isfinite([x0, x1, y0, y1]).all():
            return None
        return (x0, x1), (y0, y1)

    def visuals(self) -> list:
        return [self.visual]


class LazyDensity(Artist, ScalarMappable):
    """``ax.scatter(ddf.x, ddf.y, density=True)``: points counted per pixel on Dask,
    aggregated again after each pan or zoom (debounced in a window)."""

    zorder = 1.0

    def __init__(self, axes, x, y, c=None, cmap=None, norm=None, vmin=None, vmax=None,
                 label=None, zorder=None) -> None:
        from ..lazy.density import AggregateDensity

        super().__init__(axes, label, zorder)
        kind = "eq_hist" if norm is None else norm if isinstance(norm, str) else (
            "log" if colors.get_norm(norm).axis_scale()[0] == "log" else "linear")
        self._init_mappable(cmap, None if kind == "eq_hist" else kind, vmin, vmax)
        self.visual = AggregateDensity(x, y, values=c, cmap=self.cmap, norm=kind,
                                       clim=None if vmin is None or vmax is None
                                       else (vmin, vmax), host=axes.figure.canvas)
        self.visual.order = self.zorder

    def _mapping_changed(self) -> None:
        self.visual.cmap = self.cmap
        lo, hi = self.norm.vmin, self.norm.vmax
        self.visual.clim = None if lo is None or hi is None else (lo, hi)

    def set_visible(self, visible: bool) -> None:
        super().set_visible(visible)
        self.visual.visible = self._visible

    def uses_density(self) -> bool:
        return True

    def data_limits(self):
        (a, b), (c, d) = self.visual.data_range()
        if not np.isfinite([a, b, c, d]).all():
            return None
        return (a, b), (c, d)

    def visuals(self) -> list:
        return [self.visual]


class LazyImage(Artist, ScalarMappable):
    """``ax.imshow(h5["frame"])`` for images beyond memory or the texture limit: a tile
    pyramid (cached) drawn by view, coarse first, refined as tiles arrive."""

    zorder = 0.0

    def __init__(self, axes, X, cmap=None, vmin=None, vmax=None, extent=None, origin=None,
                 label=None, zorder=None, tile: int = 512) -> None:
        from ..lazy.image import TiledImage
        from ..lazy.tiles import TilePyramid

        super().__init__(axes, label, zorder)
        self.pyramid = TilePyramid(X, tile=tile)
        if self.pyramid.ndim != 2:
            raise ValueError(f"X: got shape {self.pyramid.source.shape}, expected (M, N) "
                             "for a lazy image")
        lo, hi = self.pyramid.value_range
        self._init_mappable(cmap, None, lo if vmin is None else vmin,
                            hi if vmax is None else vmax)
        self._origin = rcParams["image.origin"] if origin is None else origin
        if self._origin not in ("upper", "lower"):
            raise ValueError(f"origin: got {origin!r}, expected 'upper' or 'lower'")
        self._extent_spec = extent
        self.visual = TiledImage(self.pyramid, cmap=self.cmap, clim=self.get_clim(),
                                 host=axes.figure.canvas)
        self.rescale()

    def get_extent(self) -> tuple[float, float, float, float]:
        if self._extent_spec is not None:
            return tuple(float(v) for v in self._extent_spec)
        h, w = self.pyramid.level_shape(0)
        if self._origin == "upper":
            return (-0.5, w - 0.5, h - 0.5, -0.5)
        return (-0.5, w - 0.5, -0.5, h - 0.5)

    @property
    def sticky(self):
        """Margins stop at the image's edges (the axes show exactly the image)."""
        left, right, b, t = self.get_extent()
        return [left, right], [b, t]

    def _mapping_changed(self) -> None:
        self.visual.cmap = self.cmap
        self.visual.clim = self.get_clim()

    def rescale(self) -> None:
        if self.axes.xaxis.scale.name != "linear" or self.axes.yaxis.scale.name != "linear":
            raise ValueError("imshow of lazy data: got a non-linear axis scale, expected "
                             "linear axes")
        left, right, b, t = self.get_extent()
        y0, y1 = (t, b) if self._origin == "upper" else (b, t)
        self.visual.extent = (left, right, y0, y1)
        self.visual.order = self.zorder
        self._changed()

    def set_visible(self, visible: bool) -> None:
        super().set_visible(visible)
        self.visual.visible = self._visible

    def data_limits(self):
        left, right, b, t = self.get_extent()
        return (min(left, right), max(left, right)), (min(b, t), max(b, t))

    def visuals(self) -> list:
        return [self.visual]


# -- what the axes' entry points call ------------------------------------------------------
def dispatch_plot(ax, x, y, style: dict) -> LazyLine2D:
    """``ax.plot`` with a lazy x or y: one pyramid line (no markers: 10^9 of them would
    be a density plot, ``ax.scatter(..., density=True)``)."""
    unknown = set(style) - _LINE_KEYS - {"cache", "progress"}
    if unknown:
        raise TypeError(f"plot of lazy data: got unsupported keyword(s) "
                        f"{', '.join(sorted(unknown))}; expected {', '.join(sorted(_LINE_KEYS))}")
    if style.pop("marker", None) not in (None, "", "None", "none"):
        raise TypeError("marker: lazy lines are drawn as lines only; use "
                        "ax.scatter(x, y, density=True) for the points")
    if "color" not in style:
        style["color"] = ax._next_color()
    return ax._add_artist(LazyLine2D(ax, x, y, **style))


def dispatch_scatter(ax, x, y, density, kwargs: dict) -> LazyDensity:
    """``ax.scatter`` with lazy x and y: always a density (counts per pixel)."""
    if density is False:
        raise ValueError("density: got False for lazy (h5py/zarr/Dask/memmap) points, "
                         "expected True: they are drawn as counts per pixel")
    given = {k for k, v in kwargs.items() if v is not None}
    unsupported = given - {"c", "cmap", "norm", "vmin", "vmax", "label", "zorder"}
    if unsupported:
        raise TypeError(f"scatter of lazy points: got unsupported keyword(s) "
                        f"{', '.join(sorted(unsupported))} (points are counted per pixel)")
    for axis in (ax.xaxis, ax.yaxis):
        if axis.scale.name != "linear":
            raise ValueError("scatter of lazy points: got a non-linear axis scale, expected "
                             "linear axes")
    keep = {k: kwargs[k] for k in given}
    return ax._add_artist(LazyDensity(ax, x, y, **keep))


def dispatch_imshow(ax, X, kwargs: dict) -> LazyImage:
    """``ax.imshow`` of a large lazy 2D array: a tile pyramid."""
    if kwargs.get("interpolation") in ("nearest", "none", "antialiased", "auto"):
        kwargs["interpolation"] = None  # tiles are drawn nearest-neighbour
    given = {k for k, v in kwargs.items() if v is not None}
    unsupported = given - {"cmap", "vmin", "vmax", "extent", "origin", "label", "zorder"}
    if unsupported:
        raise TypeError(f"imshow of lazy data: got unsupported keyword(s) "
                        f"{', '.join(sorted(unsupported))}")
    return LazyImage(ax, X, **{k: kwargs[k] for k in given})
