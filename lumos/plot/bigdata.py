"""Artists for data beyond memory: what ``plot``, ``scatter``, ``imshow`` and
``pcolormesh`` return for h5py datasets, zarr arrays, Dask arrays/DataFrame columns and
numpy memmaps.

Each wraps a ``lumos.lazy`` visual that reads, per view, only what the pixels need:
:class:`LazyLine2D` (a min/max pyramid on disk), :class:`LazyDensity` (aggregation on
Dask per view), :class:`LazyImage` (a tile pyramid loaded by view on a background
thread). The axes' entry points hand lazy inputs here (``dispatch_*``) and keep their
own path for everything else.
"""

from __future__ import annotations

import sys

import numpy as np

from .. import colors
from .artists import Artist, LegendHandle, ScalarMappable, check_linestyle
from .style import dash_pattern, rcParams, set_dashes

TILE_ABOVE = 4096  # lazy images larger than this (rows or columns) are tiled; smaller are read
_LINE_KEYS = {"color", "linewidth", "linestyle", "label", "zorder", "alpha", "marker"}
_PLAIN = (type(None), int, float, list, tuple, np.ndarray)  # never lazy (is_lazy_input)


def is_lazy_source(obj) -> bool:
    """h5py/zarr/Dask/memmap data or an ArraySource (``lumos.lazy.is_lazy``), answered
    for plain data without importing lumos.lazy."""
    if type(obj) in _PLAIN and "lumos.lazy.source" not in sys.modules:
        # lumos.lazy's own adapters never take these, and no other adapter can have been
        # registered: a first plot (or a stream's first push) of plain data does not
        # import lumos.lazy (8 ms, 40 ms without bytecode files).
        return False
    from ..lazy.source import is_lazy

    return is_lazy(obj)


def is_lazy_input(obj) -> bool:
    """h5py/zarr/Dask/memmap data, or a Dask DataFrame column: drawn through lumos.lazy."""
    if is_lazy_source(obj):
        return True
    if type(obj) in _PLAIN:  # never a Dask column
        return False
    from ..lazy.aggregate import is_dask_frame_column

    return is_dask_frame_column(obj)


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
        set_dashes(v, self._linestyle, width)
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

    def __init__(self, axes, X, cmap=None, norm=None, vmin=None, vmax=None, alpha=None,
                 extent=None, origin=None, label=None, zorder=None, tile: int = 512) -> None:
        from ..lazy.image import TiledImage
        from ..lazy.tiles import TilePyramid

        super().__init__(axes, label, zorder)
        self.pyramid = TilePyramid(X, tile=tile)
        if self.pyramid.ndim != 2:
            raise ValueError(f"X: got shape {self.pyramid.source.shape}, expected (M, N) "
                             "for a lazy image")
        self._init_mappable(cmap, norm, vmin, vmax)
        lo, hi = self.pyramid.value_range
        if self.norm.axis_scale()[0] == "log" and self.norm.vmin is None and lo <= 0:
            # the smallest positive value would take a pass over all the data
            raise ValueError(f"vmin: got None for a log norm of lazy data with values <= 0 "
                             f"(down to {lo:g}), expected the smallest value to show")
        self.autoscale_clim(np.array([lo, hi]))
        self._alpha = None if alpha is None else float(alpha)
        self._origin = rcParams["image.origin"] if origin is None else origin
        if self._origin not in ("upper", "lower"):
            raise ValueError(f"origin: got {origin!r}, expected 'upper' or 'lower'")
        self._extent_spec = extent
        self.visual = TiledImage(self.pyramid, cmap=self.cmap, clim=self.get_clim(),
                                 host=axes.figure.canvas, colorize=self._colorize())
        self.rescale()

    def _colorize(self):
        """What the tiles' visual colors on the CPU: nothing when the GPU can apply the
        mapping (a linear norm, the colormap's default extremes, no alpha)."""
        if self.norm.linear and self._alpha is None and self.cmap.has_default_extremes():
            return None
        return self._tile_colors

    def _tile_colors(self, values: np.ndarray) -> np.ndarray:
        rgba = np.asarray(self.to_rgba(values), dtype=float)
        if self._alpha is not None:  # as a QuadMesh's: the bad color keeps its own
            rgba[..., 3] = np.where(np.isfinite(values), self._alpha, rgba[..., 3])
        return rgba

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
        self.visual.colorize = self._colorize()
        self._changed()

    def rescale(self) -> None:
        if self.axes.xaxis.scale.name != "linear" or self.axes.yaxis.scale.name != "linear":
            raise ValueError("a lazy image: got a non-linear axis scale, expected "
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
def dispatch_plot(ax, x, y, style: dict, request=(True, True)) -> LazyLine2D:
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
    return ax._add_artist(LazyLine2D(ax, x, y, **style), request=request)


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


_PCOLOR_KEYS = {"cmap", "norm", "vmin", "vmax", "alpha", "label", "zorder"}
_BYTES_PER_CELL = 200  # a QuadMesh's copies of one cell: values, corners, vertices, colors


def dispatch_pcolormesh(ax, funcname: str, args: tuple, shading: str,
                        kwargs: dict) -> LazyImage | None:
    """``pcolormesh``/``pcolor`` of a large lazy C on a regular grid (no X and Y, or
    uniformly spaced ones): a tile pyramid over the cells' edges, row 0 at the bottom.
    None when the caller's QuadMesh should load C: it is small, or the grid is
    irregular and C fits the memory budget (beyond it: a ValueError naming C)."""
    C = args[-1]  # noqa: N806
    if len(C.shape) != 2:
        raise ValueError(f"C: got shape {tuple(C.shape)}, expected a 2-D array")
    ny, nx = (int(n) for n in C.shape)
    if max(ny, nx) <= TILE_ABOVE:
        return None
    if len(args) == 1:
        shading = "flat" if shading == "auto" else shading
        xs = np.arange(nx + (shading == "flat"), dtype=float)
        ys = np.arange(ny + (shading == "flat"), dtype=float)
    else:
        from .grid_plots import pcolor_shading

        shading = pcolor_shading(shading, (ny, nx), *(_shape(a) for a in args[:2]))
        xs, ys = (_grid_axis(ax, a, name) for a, name in ((args[0], "X"), (args[1], "Y")))
    if shading == "gouraud":
        raise TypeError(f"shading: got 'gouraud' for {funcname} of lazy data (colors "
                        "interpolated between vertices), expected 'flat', 'nearest' or 'auto'")
    edges = [_uniform_edges(v, shading == "nearest") for v in (xs, ys)]
    if edges[0] is None or edges[1] is None:
        from ..gpu.budget import check_memory

        name = "X" if edges[0] is None else "Y"
        check_memory(float(nx) * ny * _BYTES_PER_CELL,
                     f"C: {ny:,} × {nx:,} cells of lazy data on a grid whose {name} is not "
                     "uniformly spaced", f"{funcname} draws lazy data by view on regular "
                     "grids only: omit X and Y, or pass uniformly spaced ones")
        return None
    edgecolor = kwargs.pop("edgecolor", None)
    if edgecolor is not None and str(edgecolor).lower() != "none":
        raise TypeError(f"edgecolor: got {edgecolor!r} for {funcname} of lazy data, "
                        "expected 'none' (cells are drawn as image tiles, without edges)")
    # edges are 'none': their width and antialiasing draw nothing, as in memory
    kwargs.pop("linewidth", None)
    kwargs.pop("antialiased", None)
    given = {k for k, v in kwargs.items() if v is not None}
    unsupported = given - _PCOLOR_KEYS
    if unsupported:
        raise TypeError(f"{funcname} of lazy data: got unsupported keyword(s) "
                        f"{', '.join(sorted(unsupported))}; expected "
                        f"{', '.join(sorted(_PCOLOR_KEYS))}")
    (x0, x1), (y0, y1) = edges
    return LazyImage(ax, C, origin="lower", extent=(x0, x1, y0, y1),
                     **{k: kwargs[k] for k in given})


# Values of a lazy 2-D X or Y read at once while checking that its rows agree (32 MB).
_GRID_BLOCK_VALUES = 1 << 22


def _shape(a) -> tuple:
    return tuple(a.shape) if hasattr(a, "shape") else np.shape(a)


def _grid_axis(ax, a, name: str) -> np.ndarray | None:
    """X's coordinates along x (Y's along y) as one vector: a 1-D array whole, a 2-D one
    when all its rows (columns for Y) agree, read in blocks of bounded size when it is
    lazy (an irregular row anywhere must not be drawn as a regular grid). None when they
    do not agree: the grid is not regular."""
    from ..lazy.source import is_lazy

    axis = ax.xaxis if name == "X" else ax.yaxis
    if not is_lazy(a):
        a = np.asarray(a)
    if len(a.shape) not in (1, 2):
        raise ValueError(f"{name}: got shape {tuple(a.shape)}, expected 1-D or 2-D "
                         "coordinates")
    if len(a.shape) == 1:
        return np.asarray(axis.convert(np.asarray(a[:])), dtype=float)
    along = 1 if name == "X" else 0  # X varies along columns, Y along rows
    n_other, n_along = a.shape[1 - along], a.shape[along]
    step = max(1, _GRID_BLOCK_VALUES // max(n_along, 1))
    first = None
    for i0 in range(0, n_other, step):
        key = (slice(i0, i0 + step), slice(None)) if along == 1 else \
            (slice(None), slice(i0, i0 + step))
        block = np.asarray(a[key])
        rows = block if along == 1 else block.T
        if first is None:
            first = rows[0]
        same = rows == first
        if rows.dtype.kind in "fc":
            same |= np.isnan(rows) & np.isnan(first)
        if not same.all():
            return None
    return np.asarray(axis.convert(first), dtype=float)


def _uniform_edges(v: np.ndarray | None, centers: bool) -> tuple[float, float] | None:
    """The outer edges of uniformly spaced coordinates (cell edges, or centers when
    ``centers``: half a step beyond the first and last), or None when they are not
    uniform to a thousandth of a step."""
    if v is None or len(v) < 2 or not np.isfinite(v).all():
        return None
    step = (v[-1] - v[0]) / (len(v) - 1)
    if step == 0 or np.abs(v - (v[0] + step * np.arange(len(v)))).max() > 1e-3 * abs(step):
        return None
    half = step / 2 if centers else 0.0
    return float(v[0] - half), float(v[-1] + half)
