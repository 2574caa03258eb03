"""matplotlib's 2-D binning plots: ``hexbin`` (a PolyCollection of hexagons colored by
count or by a reduction of ``C``) and ``hist2d`` (numpy's histogram2d as a QuadMesh).

The counts are matplotlib's: the same hexagon grid, the same nearest-centre rule.
Points with NaN, inf or masked coordinates are left out.
"""

from __future__ import annotations

import math

import numpy as np

from .. import colors
from .artists import ScalarMappable, accepts_rasterized
from .collections import Collection, to_scale
from .plot_args import check_choice, float_values, normalize_kwargs


def _nonsingular(lo: float, hi: float, expander: float = 0.1) -> tuple[float, float]:
    """matplotlib's ``transforms._nonsingular`` for finite values."""
    if hi < lo:
        lo, hi = hi, lo
    if max(abs(lo), abs(hi)) < 1e6 * np.finfo(float).tiny:
        return -expander, expander
    if hi - lo <= max(abs(lo), abs(hi)) * 1e-15:
        if hi == 0 and lo == 0:
            return -expander, expander
        lo -= expander * abs(lo)
        hi += expander * abs(hi)
    return lo, hi


def _xy(ax, x, y, extra: dict) -> tuple:
    """x, y (and per-point extras) as floats with every point that has a NaN, inf or
    masked value in any of them left out."""
    xv = float_values(np.ma.filled(np.ma.asarray(x, dtype=float), np.nan) if np.ma.is_masked(x)
                      else x, "x", ax.xaxis).reshape(-1)
    yv = float_values(np.ma.filled(np.ma.asarray(y, dtype=float), np.nan) if np.ma.is_masked(y)
                      else y, "y", ax.yaxis).reshape(-1)
    if xv.size != yv.size:
        raise ValueError(f"x and y must have the same size: got {xv.size} and {yv.size}")
    keep = np.isfinite(xv) & np.isfinite(yv)
    out = {}
    for name, v in extra.items():
        if v is None:
            out[name] = None
            continue
        arr = np.ma.filled(np.ma.asarray(v, dtype=float), np.nan).reshape(-1) \
            if np.ma.is_masked(v) else float_values(v, name).reshape(-1)
        if arr.size != xv.size:
            raise ValueError(f"x and {name} must have the same size: got {xv.size} and "
                             f"{arr.size}")
        keep &= ~np.isnan(arr)
        out[name] = arr
    return xv[keep], yv[keep], {k: None if v is None else v[keep] for k, v in out.items()}


class HexCollection(Collection, ScalarMappable):
    """The hexagons of ``hexbin``: one Mesh for every face, colored by the counts (or
    reduced C) through ``cmap``/``norm``; edges in the face colors (matplotlib's
    ``edgecolors='face'``), a color, or 'none'. matplotlib's PolyCollection accessors
    (``get_array``, ``get_offsets``, ``get_paths``, ``set_array``, ``set_clim`` ...)."""

    def __init__(self, axes, polygons: np.ndarray, offsets: np.ndarray, hexagon: np.ndarray,
                 array: np.ndarray, cmap=None, norm=None, edgecolors="face",
                 linewidths=None, alpha=None, label=None, zorder=None) -> None:
        face_edges = isinstance(edgecolors, str) and edgecolors == "face"
        super().__init__(axes, facecolor="none",
                         edgecolor="none" if face_edges else edgecolors,
                         linewidth=linewidths, alpha=alpha, label=label, zorder=zorder)
        self._face_edges = face_edges
        # edges in the face color are drawn as hexagons grown by half the edge width on
        # the screen (the same picture as stroking them, at the cost of the faces alone)
        self._view_dependent = face_edges and self._linewidth > 0
        self._init_mappable(cmap, norm, None, None)
        self._polygons = np.asarray(polygons, dtype=float)  # (N, 6, 2) data units
        self._offsets = np.asarray(offsets, dtype=float)
        self._hexagon = np.asarray(hexagon, dtype=float)
        self._array = np.zeros(0)
        self.set_array(array)

    def set_array(self, A) -> None:  # noqa: N803
        arr = np.ma.filled(np.ma.masked_invalid(np.ma.array(A, dtype=float)), np.nan).ravel()
        if arr.size != len(self._polygons):
            raise ValueError(f"A: got {arr.size} values for {len(self._polygons)} hexagons")
        self._array = arr
        self.autoscale_clim(arr)
        self.rescale()

    def get_array(self) -> np.ma.MaskedArray:
        return np.ma.masked_invalid(self._array.copy())

    def get_offsets(self) -> np.ndarray:
        return self._offsets.copy()

    def get_paths(self) -> list:
        """matplotlib's: the one hexagon (offsets place it)."""
        from ..path import Path

        return [Path(np.r_[self._hexagon, self._hexagon[:1]], closed=True)]

    def get_facecolor(self) -> np.ndarray:
        return self._rgba()

    def autoscale(self) -> None:
        self.norm.vmin = self.norm.vmax = None
        self.autoscale_clim(self._array)
        self.rescale()

    def _mapping_changed(self) -> None:
        self.rescale()

    def _rgba(self) -> np.ndarray:
        with np.errstate(invalid="ignore"):
            rgba = np.asarray(self.cmap(self.norm(self._array)), dtype=float).reshape(-1, 4)
        if self._alpha is not None:
            rgba[:, 3] = self._alpha
        return rgba

    def _build(self):
        ax = self.axes
        n = len(self._polygons)
        if not n:
            return None, []
        p = self._polygons.reshape(-1, 2)
        verts = self._view(np.c_[to_scale(ax.xaxis, p[:, 0]), to_scale(ax.yaxis, p[:, 1])])
        fan = np.array([[0, 1, 2], [0, 2, 3], [0, 3, 4], [0, 4, 5]])
        faces = (fan[None] + 6 * np.arange(n)[:, None, None]).reshape(-1, 3)
        rgba = self._rgba()
        if self._view_dependent:
            grow = ax.figure.points_to_pixels(self._linewidth) / 2
            px = _grown(ax.transView.forward(verts).reshape(n, 6, 2), grow)
            verts = ax.transView.inverse(px.reshape(-1, 2))
            return (verts, faces, np.repeat(rgba, 6, axis=0)), [([], np.zeros((0, 4)),
                                                                  0.0, "-")]
        edge = rgba if self._face_edges else self.edge_rgba(n)
        rings = []
        if self._linewidth > 0 and edge[:, 3].any():
            v = verts.reshape(n, 6, 2)
            rings = list(np.concatenate([v, v[:, :1]], axis=1))
        return (verts, faces, np.repeat(rgba, 6, axis=0)), \
            [(rings, edge if rings else np.zeros((0, 4)), self._linewidth, self._linestyle)]

    def data_limits(self):
        return None  # hexbin puts the grid's corners in the data limits

    def legend_patch(self):
        return tuple(self.cmap(0.5)), None


def _grown(poly: np.ndarray, d: float) -> np.ndarray:
    """Convex polygons (N, K, 2) moved outward by ``d`` along every edge (mitered)."""
    area = np.sum(poly[..., 0] * np.roll(poly[..., 1], -1, axis=1)
                  - np.roll(poly[..., 0], -1, axis=1) * poly[..., 1], axis=1)
    sign = np.where(area < 0, -1.0, 1.0)[:, None, None]  # clockwise on an inverted axis

    def normals(e):
        length = np.hypot(e[..., 0], e[..., 1])[..., None]
        return sign * np.stack([e[..., 1], -e[..., 0]], axis=-1) / np.where(length > 0,
                                                                              length, 1.0)

    n1 = normals(poly - np.roll(poly, 1, axis=1))
    n2 = normals(np.roll(poly, -1, axis=1) - poly)
    cos = 1.0 + np.sum(n1 * n2, axis=-1, keepdims=True)
    return poly + d * (n1 + n2) / np.where(cos > 1e-6, cos, 1.0)


class BinnedMixin:
    """``hexbin`` and ``hist2d`` of Axes."""

    @accepts_rasterized
    def hexbin(self, x, y, C=None, gridsize=100, bins=None, xscale: str = "linear",  # noqa: N803
               yscale: str = "linear", extent=None, cmap=None, norm=None, vmin=None,
               vmax=None, alpha=None, linewidths=None, edgecolors="face",
               reduce_C_function=np.mean, mincnt=None, marginals: bool = False,  # noqa: N803
               **kwargs) -> HexCollection:
        """Hexagonal bins: each hexagon colored by how many points fall in it (or by
        ``reduce_C_function`` of their ``C`` values); ``gridsize`` hexagons across
        (or ``(nx, ny)``), ``bins='log'`` for a log color scale, ``mincnt`` hides
        sparse hexagons. Returns a :class:`HexCollection` (usable with ``colorbar``)."""
        check_choice(xscale, "xscale", ("linear", "log"))
        check_choice(yscale, "yscale", ("linear", "log"))
        if marginals:
            raise TypeError("marginals: lumos's hexbin draws no marginal bars; got "
                            "marginals=True, expected False")
        x, y, extra = _xy(self, x, y, {"C": C})
        C = extra["C"]  # noqa: N806
        if np.iterable(gridsize):
            nx, ny = (int(v) for v in gridsize)
        else:
            nx = int(gridsize)
            ny = int(nx / math.sqrt(3))
        if nx < 1 or ny < 1:
            raise ValueError(f"gridsize: got {gridsize!r}, expected positive sizes")
        tx, ty = x, y
        if xscale == "log":
            if np.any(x <= 0):
                raise ValueError("x: contains non-positive values, so cannot be log-scaled")
            tx = np.log10(x)
        if yscale == "log":
            if np.any(y <= 0):
                raise ValueError("y: contains non-positive values, so cannot be log-scaled")
            ty = np.log10(y)
        if extent is not None:
            if np.size(extent) != 4:
                raise ValueError(f"extent: got {extent!r}, expected (xmin, xmax, ymin, ymax)")
            xmin, xmax, ymin, ymax = (float(v) for v in extent)
            if xmin > xmax or ymin > ymax:
                raise ValueError(f"extent: got {extent!r}, expected xmin <= xmax and "
                                 "ymin <= ymax")
        else:
            xmin, xmax = (float(tx.min()), float(tx.max())) if len(x) else (0.0, 1.0)
            ymin, ymax = (float(ty.min()), float(ty.max())) if len(y) else (0.0, 1.0)
            xmin, xmax = _nonsingular(xmin, xmax)
            ymin, ymax = _nonsingular(ymin, ymax)
        nx1, ny1, nx2, ny2 = nx + 1, ny + 1, nx, ny
        padding = 1e-9 * (xmax - xmin)
        xmin -= padding
        xmax += padding
        sx, sy = (xmax - xmin) / nx, (ymax - ymin) / ny
        ix, iy = (tx - xmin) / sx, (ty - ymin) / sy
        ix1, iy1 = np.round(ix).astype(int), np.round(iy).astype(int)
        ix2, iy2 = np.floor(ix).astype(int), np.floor(iy).astype(int)
        i1 = np.where((0 <= ix1) & (ix1 < nx1) & (0 <= iy1) & (iy1 < ny1),
                      ix1 * ny1 + iy1 + 1, 0)
        i2 = np.where((0 <= ix2) & (ix2 < nx2) & (0 <= iy2) & (iy2 < ny2),
                      ix2 * ny2 + iy2 + 1, 0)
        d1 = (ix - ix1) ** 2 + 3.0 * (iy - iy1) ** 2
        d2 = (ix - ix2 - 0.5) ** 2 + 3.0 * (iy - iy2 - 0.5) ** 2
        first = d1 < d2
        if C is None:
            c1 = np.bincount(i1[first], minlength=1 + nx1 * ny1)[1:]
            c2 = np.bincount(i2[~first], minlength=1 + nx2 * ny2)[1:]
            accum = np.concatenate([c1, c2]).astype(float)
            if mincnt is not None:
                accum[accum < mincnt] = np.nan
        else:
            mincnt = 1 if mincnt is None else mincnt
            index = np.where(first, i1, i2 + (1 + nx1 * ny1))
            bins_n = 2 + nx1 * ny1 + nx2 * ny2
            order = np.argsort(index, kind="stable")
            starts = np.searchsorted(index[order], np.arange(bins_n))
            ends = np.r_[starts[1:], len(order)]
            groups = [np.asarray(C[order[a:b]]) for a, b in zip(starts, ends, strict=True)]
            keep = [g for k, g in enumerate(groups) if k not in (0, 1 + nx1 * ny1)]
            accum = np.array([reduce_C_function(g) if len(g) >= mincnt else np.nan
                              for g in keep], dtype=float)
        good = ~np.isnan(accum)
        offsets = np.zeros((nx1 * ny1 + nx2 * ny2, 2))
        offsets[:nx1 * ny1, 0] = np.repeat(np.arange(nx1), ny1)
        offsets[:nx1 * ny1, 1] = np.tile(np.arange(ny1), nx1)
        offsets[nx1 * ny1:, 0] = np.repeat(np.arange(nx2) + 0.5, ny2)
        offsets[nx1 * ny1:, 1] = np.tile(np.arange(ny2), nx2) + 0.5
        offsets = offsets * [sx, sy] + [xmin, ymin]
        offsets, accum = offsets[good], accum[good]
        hexagon = [sx, sy / 3] * np.array([[0.5, -0.5], [0.5, 0.5], [0.0, 1.0],
                                           [-0.5, 0.5], [-0.5, -0.5], [0.0, -1.0]])
        # each hexagon regular where it is binned (in log10 units on log axes)
        polys = offsets[:, None, :] + hexagon[None]
        if xscale == "log":
            polys[..., 0] = 10.0 ** polys[..., 0]
            offsets[:, 0] = 10.0 ** offsets[:, 0]
            xmin, xmax = 10.0 ** xmin, 10.0 ** xmax
            self.set_xscale("log")
        if yscale == "log":
            polys[..., 1] = 10.0 ** polys[..., 1]
            offsets[:, 1] = 10.0 ** offsets[:, 1]
            ymin, ymax = 10.0 ** ymin, 10.0 ** ymax
            self.set_yscale("log")
        if isinstance(bins, str) and bins == "log":
            if norm is None:
                norm = colors.LogNorm(vmin=vmin, vmax=vmax)
                vmin = vmax = None
            bins = None
        elif isinstance(bins, str):
            raise ValueError(f"bins: got {bins!r}, expected 'log', an int or edges")
        if bins is not None and len(accum):  # the counts' bin indices are colored
            if not np.iterable(bins):
                lo, hi = accum.min(), accum.max()
                k = int(bins) - 1
                bins = lo + (hi - lo) * np.arange(k) / k
            accum = np.sort(np.asarray(bins, dtype=float)).searchsorted(accum)
        kw = normalize_kwargs(kwargs, "hexbin", ("label", "zorder"))
        coll = HexCollection(self, polys, offsets, hexagon, accum, cmap=cmap,
                             norm=colors.get_norm(norm, vmin, vmax), edgecolors=edgecolors,
                             linewidths=linewidths, alpha=alpha, **kw)
        self._add_artist(coll)
        # the data limits are the grid's corners (the margins then show whole hexagons)
        self.update_datalim([(xmin, ymin), (xmax, ymax)])
        return coll

    @accepts_rasterized
    def hist2d(self, x, y, bins=10, range=None, density: bool = False,  # noqa: A002
               weights=None, cmin=None, cmax=None, **kwargs) -> tuple:
        """A 2-D histogram drawn as a pcolormesh: returns ``(h, xedges, yedges, mesh)``
        like matplotlib; bins with counts below ``cmin`` or above ``cmax`` are left
        empty. Points with NaN, inf or masked values are not counted."""
        x, y, extra = _xy(self, x, y, {"weights": weights})
        if range is not None:
            r = np.asarray(range, dtype=float)
            if r.shape != (2, 2):
                raise ValueError(f"range: got {range!r}, expected ((xmin, xmax), (ymin, "
                                 "ymax))")
        h, xedges, yedges = np.histogram2d(x, y, bins=bins, range=range, density=density,
                                           weights=extra["weights"])
        h = h.astype(float)
        if cmin is not None:
            h[h < cmin] = np.nan
        if cmax is not None:
            h[h > cmax] = np.nan
        mesh = self.pcolormesh(xedges, yedges, h.T, **kwargs)
        self.set_xlim(xedges[0], xedges[-1])
        self.set_ylim(yedges[0], yedges[-1])
        return h, xedges, yedges, mesh


__all__ = ["BinnedMixin", "HexCollection"]
