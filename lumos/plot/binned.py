"""matplotlib's 2-D binning plots: ``hexbin`` (a PolyCollection of hexagons colored by
count or by a reduction of ``C``) and ``hist2d`` (numpy's histogram2d as a QuadMesh).

The counts are matplotlib's: the same hexagon grid, the same nearest-centre rule.
Points with NaN, inf or masked coordinates are left out.
"""

from __future__ import annotations

import math

import numpy as np

from .. import colors
from .artists import accepts_rasterized
from .path_collections import PolyCollection
from .plotting import _check_choice, _values


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
    xv = _values(np.ma.filled(np.ma.asarray(x, dtype=float), np.nan) if np.ma.is_masked(x)
                 else x, "x", ax.xaxis).reshape(-1)
    yv = _values(np.ma.filled(np.ma.asarray(y, dtype=float), np.nan) if np.ma.is_masked(y)
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
            if np.ma.is_masked(v) else _values(v, name).reshape(-1)
        if arr.size != xv.size:
            raise ValueError(f"x and {name} must have the same size: got {xv.size} and "
                             f"{arr.size}")
        keep &= ~np.isnan(arr)
        out[name] = arr
    return xv[keep], yv[keep], {k: None if v is None else v[keep] for k, v in out.items()}


class BinnedMixin:
    """``hexbin`` and ``hist2d`` of Axes."""

    @accepts_rasterized
    def hexbin(self, x, y, C=None, gridsize=100, bins=None, xscale: str = "linear",  # noqa: N803
               yscale: str = "linear", extent=None, cmap=None, norm=None, vmin=None,
               vmax=None, alpha=None, linewidths=None, edgecolors="face",
               reduce_C_function=np.mean, mincnt=None, marginals: bool = False,  # noqa: N803
               **kwargs) -> PolyCollection:
        """Hexagonal bins: each hexagon colored by how many points fall in it (or by
        ``reduce_C_function`` of their ``C`` values); ``gridsize`` hexagons across
        (or ``(nx, ny)``), ``bins='log'`` for a log color scale, ``mincnt`` hides
        sparse hexagons. Returns the PolyCollection (usable with ``colorbar``)."""
        _check_choice(xscale, "xscale", ("linear", "log"))
        _check_choice(yscale, "yscale", ("linear", "log"))
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
        if xscale == "log" or yscale == "log":
            # each hexagon regular in log space: its vertices taken back to data units
            polys = offsets[:, None, :] + hexagon[None]
            if xscale == "log":
                polys[..., 0] = 10.0 ** polys[..., 0]
                xmin, xmax = 10.0 ** xmin, 10.0 ** xmax
                self.set_xscale("log")
            if yscale == "log":
                polys[..., 1] = 10.0 ** polys[..., 1]
                ymin, ymax = 10.0 ** ymin, 10.0 ** ymax
                self.set_yscale("log")
            coll = PolyCollection(list(polys), edgecolors=edgecolors, linewidths=linewidths,
                                  alpha=alpha, **kwargs)
        else:
            coll = PolyCollection([hexagon], offsets=offsets, edgecolors=edgecolors,
                                  linewidths=linewidths, alpha=alpha, **kwargs)
        if isinstance(bins, str) and bins == "log":
            if norm is None:
                norm = colors.LogNorm(vmin=vmin, vmax=vmax)
                vmin = vmax = None
            bins = None
        elif isinstance(bins, str):
            raise ValueError(f"bins: got {bins!r}, expected 'log', an int or edges")
        if bins is not None and len(accum):
            if not np.iterable(bins):
                lo, hi = accum.min(), accum.max()
                k = int(bins) - 1
                bins = lo + (hi - lo) * np.arange(k) / k
            accum = np.sort(np.asarray(bins, dtype=float)).searchsorted(accum)
        coll.set_cmap(cmap if cmap is not None else coll.cmap)
        coll.set_norm(colors.get_norm(norm, vmin, vmax))
        coll.set_array(accum)
        self.add_collection(coll, autolim=False)
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


__all__ = ["BinnedMixin"]
