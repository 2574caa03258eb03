"""Unstructured triangular grids: :class:`Triangulation` (``lumos.tri``), and the
``tricontour``, ``tricontourf``, ``tripcolor`` and ``triplot`` Axes methods.

Contours on triangles are computed here with numpy (marching triangles for lines,
each triangle clipped to each band for fills) and drawn by the ContourSet that
``contour`` uses, so levels, colors, line styles, colorbars and labels work alike.
A Delaunay triangulation (when no triangles are given) needs scipy (qhull, as
matplotlib uses).
"""

from __future__ import annotations

import numpy as np

from .. import colors
from .artists import ScalarMappable, accepts_rasterized
from .collections import Collection, finite_limits_xy, to_scale
from .contour import ContourSet, check_extend
from .grid_plots import check_contour_hatches, contour_levels
from .lines import Line2D
from .plot_args import check_choice, normalize_kwargs
from .validate import colorizer_mapping


class Triangulation:
    """Points ``x``, ``y`` and ``triangles`` (M, 3) indices into them, anticlockwise;
    without triangles, the Delaunay triangulation of the points. ``mask`` (M,) hides
    triangles. matplotlib's ``matplotlib.tri.Triangulation`` is accepted wherever this
    one is."""

    def __init__(self, x, y, triangles=None, mask=None) -> None:
        self.x = _coords(x, "x")
        self.y = _coords(y, "y")
        if self.x.shape != self.y.shape:
            raise ValueError(f"x and y must have the same length: got {self.x.size} and "
                             f"{self.y.size}")
        if triangles is None:
            self.triangles = _delaunay(self.x, self.y)
            self.is_delaunay = True
        else:
            t = np.asarray(triangles)
            if t.dtype.kind not in "iu" or t.ndim != 2 or t.shape[1] != 3:
                raise ValueError(f"triangles: got {t.dtype} of shape {t.shape}, expected "
                                 "(M, 3) integer indices")
            if t.size and (t.min() < 0 or t.max() >= self.x.size):
                raise ValueError(f"triangles: indices must be in 0..{self.x.size - 1}")
            t = np.array(t, dtype=np.int64, copy=True)
            # anticlockwise, as matplotlib makes them
            cross = _signed_area(self.x, self.y, t)
            t[cross < 0] = t[cross < 0][:, ::-1]
            self.triangles = t
            self.is_delaunay = False
        self.mask = None
        self.set_mask(mask)

    @classmethod
    def get_from_args_and_kwargs(cls, *args, **kwargs) -> tuple:
        """matplotlib's argument rule: ``(triangulation, ...)`` or ``(x, y, ...)`` with
        ``triangles``/``mask`` positionally or as keywords; returns ``(tri, args,
        kwargs)`` with those taken out."""
        args = list(args)
        if args and _is_triangulation(args[0]):
            t = args.pop(0)
            if isinstance(t, cls):
                return t, args, kwargs
            return cls(t.x, t.y, t.triangles, t.mask), args, kwargs
        if "triangulation" in kwargs:
            return cls.get_from_args_and_kwargs(kwargs.pop("triangulation"), *args,
                                                **kwargs)
        if len(args) < 2:
            raise TypeError("expected a Triangulation or x, y (and triangles) as the first "
                            "arguments")
        x, y = args.pop(0), args.pop(0)
        triangles = kwargs.pop("triangles", None)
        if triangles is None and args and np.ndim(args[0]) == 2 and \
                np.shape(args[0])[-1] == 3 and np.asarray(args[0]).dtype.kind in "iu":
            triangles = args.pop(0)
        mask = kwargs.pop("mask", None)
        return cls(x, y, triangles, mask), args, kwargs

    def set_mask(self, mask) -> None:
        """Hide triangles: one bool per triangle (True: hidden); None shows them all."""
        if mask is None:
            self.mask = None
            return
        m = np.asarray(mask, dtype=bool).reshape(-1)
        if m.size != len(self.triangles):
            raise ValueError(f"mask: got {m.size} values for {len(self.triangles)} triangles")
        self.mask = m.copy()

    def get_masked_triangles(self) -> np.ndarray:
        """The triangles the mask keeps."""
        return self.triangles if self.mask is None else self.triangles[~self.mask]

    @property
    def edges(self) -> np.ndarray:
        """The unique edges (K, 2) of the kept triangles."""
        t = self.get_masked_triangles()
        e = np.sort(np.r_[t[:, [0, 1]], t[:, [1, 2]], t[:, [2, 0]]], axis=1)
        return np.unique(e, axis=0)

    def __repr__(self) -> str:
        return f"Triangulation({self.x.size} points, {len(self.triangles)} triangles)"


def _is_triangulation(obj) -> bool:
    return all(hasattr(obj, a) for a in ("x", "y", "triangles", "mask",
                                         "get_masked_triangles"))


def _coords(v, argument: str) -> np.ndarray:
    if np.ma.is_masked(v):
        raise ValueError(f"{argument}: masked coordinates are not supported (mask "
                         "triangles instead)")
    arr = np.asarray(np.ma.getdata(v))
    if arr.dtype.kind not in "biuf":
        raise TypeError(f"{argument}: got {arr.dtype} values, expected numbers")
    arr = np.array(arr, dtype=float, copy=True).reshape(-1)
    if not np.isfinite(arr).all():
        raise ValueError(f"{argument}: coordinates must be finite")
    return arr


def _signed_area(x, y, t) -> np.ndarray:
    x0, y0 = x[t[:, 0]], y[t[:, 0]]
    return (x[t[:, 1]] - x0) * (y[t[:, 2]] - y0) - (x[t[:, 2]] - x0) * (y[t[:, 1]] - y0)


def _delaunay(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    if x.size < 3:
        raise ValueError(f"x, y: a triangulation needs at least 3 points, got {x.size}")
    try:
        from scipy.spatial import Delaunay, QhullError
    except ImportError:
        raise ImportError("a Delaunay triangulation needs scipy (pip install scipy); or "
                          "pass triangles") from None
    try:
        tri = Delaunay(np.c_[x, y], qhull_options="Qbb Qc Qz Qt")
    except QhullError as exc:
        raise ValueError(f"x, y: qhull cannot triangulate these points (all on a line, or "
                         f"duplicates?): {str(exc).splitlines()[0]}") from None
    t = np.asarray(tri.simplices, dtype=np.int64)
    cross = _signed_area(x, y, t)
    t[cross < 0] = t[cross < 0][:, ::-1]
    return t[cross != 0]


def values_at_points(tri: Triangulation, z, argument: str = "z") -> np.ndarray:
    """``z`` as a float copy, one value per point of ``tri`` (masked values are NaN)."""
    if np.ma.is_masked(z):
        z = np.ma.filled(np.ma.asarray(z, dtype=float), np.nan)
    arr = np.asarray(z)
    if arr.dtype.kind not in "biuf":
        raise TypeError(f"{argument}: got {arr.dtype} values, expected numbers")
    arr = np.array(arr, dtype=float, copy=True).reshape(-1)
    if arr.size != tri.x.size:
        raise ValueError(f"{argument}: got {arr.size} values for {tri.x.size} points")
    return arr


# -- contours on triangles ------------------------------------------------------------------
def _clip(poly: np.ndarray, count: np.ndarray, c: float, keep_above: bool,
          strict: bool) -> tuple[np.ndarray, np.ndarray]:
    """Clip convex polygons ``poly`` (T, K, 3: x, y, z; ``count`` vertices each) to
    z >= c (``keep_above``) or z <= c, with > / < when ``strict``. Crossing points are
    interpolated the same way from both sides of an edge (shared edges stay shared)."""
    n_poly, k, _ = poly.shape
    out = np.full((n_poly, k + 1, 3), np.nan)
    m = np.zeros(n_poly, dtype=np.int64)
    rows = np.arange(n_poly)
    sign = 1.0 if keep_above else -1.0
    for i in range(k):
        valid = i < count
        a = poly[:, i]
        j = np.where(i + 1 < count, i + 1, 0)
        b = poly[rows, j]
        fa, fb = sign * (a[:, 2] - c), sign * (b[:, 2] - c)
        ina = fa > 0 if strict else fa >= 0
        inb = fb > 0 if strict else fb >= 0
        emit = valid & ina
        out[rows[emit], m[emit]] = a[emit]
        m += emit
        cross = valid & (ina != inb)
        # from the lexicographically smaller end, so both triangles get the same point
        swap = (a[:, 0] > b[:, 0]) | ((a[:, 0] == b[:, 0]) & (a[:, 1] > b[:, 1]))
        p, q = np.where(swap[:, None], b, a), np.where(swap[:, None], a, b)
        with np.errstate(invalid="ignore", divide="ignore"):
            t = (c - p[:, 2]) / (q[:, 2] - p[:, 2])
            pt = p + t[:, None] * (q - p)
        pt[:, 2] = c
        out[rows[cross], m[cross]] = pt[cross]
        m += cross
    return out, m


class TriContourGenerator:
    """Contour lines and filled bands of values ``z`` on a triangulation: what
    ContourSet asks of contourpy's generators (``lines``, ``filled``), plus the bands
    as triangles (``filled_triangles``)."""

    def __init__(self, tri: Triangulation, z: np.ndarray) -> None:
        t = tri.get_masked_triangles()
        t = t[np.isfinite(z[t]).all(axis=1)]  # a NaN corner leaves the triangle out
        self._t = t
        self._xyz = np.c_[tri.x, tri.y, z]
        edges = np.sort(np.stack([t[:, [0, 1]], t[:, [1, 2]], t[:, [2, 0]]], axis=1),
                        axis=2)  # (T, 3, 2)
        uniq, inverse = np.unique(edges.reshape(-1, 2), axis=0, return_inverse=True)
        self._edges = uniq
        self._tri_edges = inverse.reshape(-1, 3)

    # lines: marching triangles, stitched into polylines across shared edges
    def lines(self, level: float) -> list[np.ndarray]:
        xyz, t, te = self._xyz, self._t, self._tri_edges
        if not len(t):
            return []
        above = xyz[t, 2] > level  # (T, 3)
        n_above = above.sum(axis=1)
        crossing = (n_above == 1) | (n_above == 2)
        if not crossing.any():
            return []
        ea = above[:, [0, 1, 2]] != above[:, [1, 2, 0]]  # edge k: vertex k -> k+1
        rows = np.flatnonzero(crossing)
        seg_edges = te[rows][ea[rows]].reshape(-1, 2)  # (S, 2): the two crossed edges
        # the crossing point of each mesh edge that is crossed
        crossed = np.unique(seg_edges)
        a, b = xyz[self._edges[crossed, 0]], xyz[self._edges[crossed, 1]]
        s = (level - a[:, 2]) / (b[:, 2] - a[:, 2])
        point = dict(zip(crossed.tolist(), a[:, :2] + s[:, None] * (b[:, :2] - a[:, :2]),
                         strict=True))
        return _stitch(seg_edges, point)

    # fills: each triangle clipped to lo < z <= hi
    def filled_triangles(self, lo: float, hi: float) -> tuple[np.ndarray, np.ndarray]:
        """The band lo < z <= hi as (points (N, 2), triangles (M, 3))."""
        pieces, m = self._band(lo, hi)
        keep = m >= 3
        pieces, m = pieces[keep], m[keep]
        if not len(pieces):
            return np.zeros((0, 2)), np.zeros((0, 3), dtype=np.int64)
        k = pieces.shape[1]
        base = (np.arange(len(pieces)) * k)[:, None]
        fans = [np.c_[base[m > j], base[m > j] + j - 1, base[m > j] + j]
                for j in range(2, k)]
        faces = np.concatenate([f for f in fans if len(f)])
        return pieces[..., :2].reshape(-1, 2), faces

    def _band(self, lo: float, hi: float):
        poly = np.zeros((len(self._t), 3, 3))
        poly[:] = self._xyz[self._t]
        count = np.full(len(self._t), 3)
        pieces, m = _clip(poly, count, lo, keep_above=True, strict=True)
        return _clip(pieces, m, hi, keep_above=False, strict=False)

    def filled(self, lo: float, hi: float) -> tuple[list, list]:
        """The band's outlines in contourpy's OuterOffset form (one ring per polygon:
        holes are rings of their own)."""
        pieces, m = self._band(lo, hi)
        keep = m >= 3
        pieces, m = pieces[keep][..., :2], m[keep]
        if not len(pieces):
            return [], []
        k = pieces.shape[1]
        nxt = np.arange(k)[None, :] + 1
        nxt = np.where(nxt < m[:, None], nxt, 0)
        valid = np.arange(k)[None, :] < m[:, None]
        start = pieces[valid]
        end = pieces[np.nonzero(valid)[0], nxt[valid]]
        pts = np.r_[start, end]
        keys, ids = np.unique(pts, axis=0, return_inverse=True)
        ids = ids.reshape(-1)
        e = np.c_[ids[:len(start)], ids[len(start):]]
        e = e[e[:, 0] != e[:, 1]]
        und, counts = np.unique(np.sort(e, axis=1), axis=0, return_counts=True)
        single = {tuple(r) for r in und[counts == 1].tolist()}
        boundary = [tuple(r) for r in e.tolist() if tuple(sorted(r)) in single]
        rings = _loops(boundary, keys)
        return rings, [np.array([0, len(r)]) for r in rings]


def _stitch(seg_edges: np.ndarray, point: dict) -> list[np.ndarray]:
    """Polylines joining segments (pairs of mesh-edge ids) that share a mesh edge."""
    by_edge: dict[int, list[int]] = {}
    for i, (e0, e1) in enumerate(seg_edges.tolist()):
        by_edge.setdefault(e0, []).append(i)
        by_edge.setdefault(e1, []).append(i)
    used = np.zeros(len(seg_edges), dtype=bool)
    lines = []
    # open lines start at edges of the domain boundary (one segment), then loops
    starts = [e for e, segs in by_edge.items() if len(segs) == 1] + list(by_edge)
    for e in starts:
        for first in by_edge[e]:
            if used[first]:
                continue
            chain, cur, seg = [e], e, first
            while seg is not None and not used[seg]:
                used[seg] = True
                e0, e1 = seg_edges[seg]
                cur = int(e1 if e0 == cur else e0)
                chain.append(cur)
                seg = next((s for s in by_edge[cur] if not used[s]), None)
            lines.append(np.array([point[c] for c in chain]))
    return lines


def _loops(edges: list[tuple[int, int]], keys: np.ndarray) -> list[np.ndarray]:
    """Closed rings from directed boundary edges (point ids into ``keys``)."""
    out_of: dict[int, list[int]] = {}
    for a, b in edges:
        out_of.setdefault(a, []).append(b)
    rings = []
    for a0 in list(out_of):
        while out_of.get(a0):
            ring, a = [a0], a0
            while True:
                nxts = out_of.get(a)
                if not nxts:
                    break
                b = nxts.pop()
                if b == a0:
                    break
                ring.append(b)
                a = b
            if len(ring) >= 3:
                rings.append(keys[ring + [a0]])
    return rings


# -- tripcolor's mesh -----------------------------------------------------------------------
class TriMesh(Collection, ScalarMappable):
    """Triangles colored by values (``tripcolor``): flat (one value per triangle) or
    gouraud (values at the points, interpolated); one Mesh, edges optional."""

    def __init__(self, axes, tri: Triangulation, C: np.ndarray, shading: str,  # noqa: N803
                 cmap=None, norm=None, vmin=None, vmax=None, alpha=None, edgecolor="none",
                 linewidth=None, label=None, zorder=None) -> None:
        super().__init__(axes, facecolor="none", edgecolor=edgecolor, linewidth=linewidth,
                         alpha=alpha, label=label, zorder=zorder)
        self._init_mappable(cmap, norm, vmin, vmax)
        self._tri = tri
        self._shading = shading
        self._C = np.asarray(C, dtype=float)
        self.autoscale_clim(self._C)
        self.rescale()

    def set_array(self, C) -> None:  # noqa: N803
        arr = np.ma.filled(np.ma.masked_invalid(np.ma.array(C, dtype=float)), np.nan).ravel()
        if arr.size != self._C.size:
            raise ValueError(f"C: got {arr.size} values, expected {self._C.size}")
        self._C = arr
        self.autoscale_clim(arr)
        self.rescale()

    def get_array(self) -> np.ma.MaskedArray:
        return np.ma.masked_invalid(self._C.copy())

    def _mapping_changed(self) -> None:
        self.rescale()

    def _rgba(self, values: np.ndarray) -> np.ndarray:
        with np.errstate(invalid="ignore"):
            rgba = np.asarray(self.cmap(self.norm(values)), dtype=float).reshape(-1, 4)
        if self._alpha is not None:
            rgba[:, 3] = np.where(np.isfinite(values), self._alpha, rgba[:, 3])
        return rgba

    def _build(self):
        ax, tri = self.axes, self._tri
        t = tri.triangles
        keep = np.ones(len(t), dtype=bool) if tri.mask is None else ~tri.mask
        sx, sy = to_scale(ax.xaxis, tri.x), to_scale(ax.yaxis, tri.y)
        pts = self._view(np.c_[sx, sy])
        if self._shading == "gouraud":
            keep &= np.isfinite(self._C[t]).all(axis=1)
            verts, faces, rgba = pts, t[keep], self._rgba(self._C)
        else:
            keep &= np.isfinite(self._C)
            tk = t[keep]
            verts = pts[tk].reshape(-1, 2)
            faces = np.arange(3 * len(tk)).reshape(-1, 3)
            rgba = np.repeat(self._rgba(self._C[keep]), 3, axis=0)
        lines = []
        if self._edgecolors[:, 3].any():
            e = np.sort(np.r_[t[keep][:, [0, 1]], t[keep][:, [1, 2]], t[keep][:, [2, 0]]],
                        axis=1)
            e = np.unique(e, axis=0)
            lines = [pts[pair] for pair in e]
        edge = self.edge_rgba(len(lines)) if lines else np.zeros((0, 4))
        return (verts, faces, rgba), [(lines, edge, self._linewidth, self._linestyle)]

    def data_limits(self):
        return finite_limits_xy(self._tri.x, self._tri.y, self.axes)

    def legend_patch(self):
        return tuple(self.cmap(0.5)), None


class TriMixin:
    """``tricontour``, ``tricontourf``, ``tripcolor`` and ``triplot`` of Axes."""

    @accepts_rasterized
    def tricontour(self, *args, **kwargs) -> ContourSet:
        """Contour lines of values on a triangulation: ``tricontour(triang, z[, levels])``
        or ``tricontour(x, y, [triangles,] z[, levels])``."""
        return self._tricontour(False, args, kwargs)

    @accepts_rasterized
    def tricontourf(self, *args, **kwargs) -> ContourSet:
        """Filled contours of values on a triangulation (arguments as tricontour)."""
        return self._tricontour(True, args, kwargs)

    def _tricontour(self, filled: bool, args, kwargs) -> ContourSet:
        where = "tricontourf" if filled else "tricontour"
        tri, args, kwargs = Triangulation.get_from_args_and_kwargs(*args, **kwargs)
        kw = normalize_kwargs(kwargs, where, (
            "levels", "color", "cmap", "norm", "vmin", "vmax", "linewidth", "linestyle",
            "negative_linestyles", "alpha", "extend", "label", "zorder", "antialiased",
            "hatches"))
        hatches = check_contour_hatches(kw.pop("hatches", None), filled)
        if not args:
            raise TypeError(f"{where}: got no z values")
        z = values_at_points(tri, args[0])
        levels = kw.pop("levels", None)
        if len(args) > 1:
            if levels is not None:
                raise TypeError(f"{where}: got levels as a keyword and as an argument")
            levels = args[1]
        if len(args) > 2:
            raise TypeError(f"{where}: got {len(args) + 2} positional arguments")
        extend = check_extend(kw.pop("extend", "neither"))
        norm = colors.get_norm(kw.pop("norm", None), kw.pop("vmin", None), kw.pop("vmax", None))
        zm = np.ma.masked_invalid(z)
        levels = contour_levels(levels, zm[None, :], filled, extend,
                                type(norm).__name__ == "LogNorm")
        cs = ContourSet(self, tri.x, tri.y, zm, levels, filled,
                        colors_=kw.pop("color", None), cmap=kw.pop("cmap", None), norm=norm,
                        alpha=kw.pop("alpha", None), linewidths=kw.pop("linewidth", None),
                        linestyles=kw.pop("linestyle", None),
                        negative_linestyles=kw.pop("negative_linestyles", None),
                        extend=extend, label=kw.pop("label", None),
                        zorder=kw.pop("zorder", None),
                        generator=TriContourGenerator(tri, z),
                        antialiased=kw.pop("antialiased", None))
        self._add_artist(cs)
        if filled and hatches is not None:
            cs.hatch_collections = self._contour_hatches(cs, hatches)
        return cs

    @accepts_rasterized
    def tripcolor(self, *args, alpha=None, norm=None, cmap=None, vmin=None, vmax=None,
                  shading: str = "flat", facecolors=None, colorizer=None,
                  **kwargs) -> TriMesh:
        """Triangles colored by ``C``: values at the points (flat: each triangle their
        mean; gouraud: interpolated) or ``facecolors`` one per triangle."""
        cmap, norm = colorizer_mapping("tripcolor", colorizer, cmap, norm, vmin, vmax)
        tri, args, kwargs = Triangulation.get_from_args_and_kwargs(*args, **kwargs)
        check_choice(shading, "shading", ("flat", "gouraud"))
        kw = normalize_kwargs(kwargs, "tripcolor", ("edgecolor", "linewidth", "label", "zorder"))
        if facecolors is not None:
            if args:
                raise TypeError("tripcolor: got both C and facecolors")
            if shading == "gouraud":
                raise ValueError("facecolors: gouraud shading needs values at the points, "
                                 "not per triangle")
            c = _per_triangle(tri, facecolors, "facecolors")
        elif len(args) == 1:
            raw = np.ma.filled(np.ma.asarray(args[0], dtype=float), np.nan) \
                if np.ma.is_masked(args[0]) else np.asarray(args[0])
            if raw.dtype.kind not in "biuf":
                raise TypeError(f"C: got {raw.dtype} values, expected numbers")
            raw = raw.astype(float).reshape(-1)
            if raw.size == tri.x.size:
                c = raw if shading == "gouraud" else raw[tri.triangles].mean(axis=1)
            elif raw.size == len(tri.triangles) and shading == "flat":
                c = raw
            else:
                raise ValueError(f"C: got {raw.size} values, expected one per point "
                                 f"({tri.x.size}) or, flat, one per triangle "
                                 f"({len(tri.triangles)})")
        else:
            raise TypeError(f"tripcolor: got {len(args)} value arguments, expected C")
        mesh = TriMesh(self, tri, c, shading, cmap=cmap, norm=norm, vmin=vmin, vmax=vmax,
                       alpha=alpha, edgecolor=kw.pop("edgecolor", "none"),
                       linewidth=kw.pop("linewidth", 0.25), **kw)
        return self._add_artist(mesh)

    @accepts_rasterized
    def triplot(self, *args, **kwargs) -> list[Line2D]:
        """The triangles' edges as one line (and markers at the points if the format
        asks): returns ``[lines, markers]`` like matplotlib."""
        from .axes_plotting import _normalize_kwargs, parse_fmt

        tri, args, kwargs = Triangulation.get_from_args_and_kwargs(*args, **kwargs)
        fmt = args[0] if args else ""
        if len(args) > 1:
            raise TypeError(f"triplot: got {len(args)} arguments after the triangulation, "
                            "expected at most a format string")
        style = {**parse_fmt(fmt), **_normalize_kwargs(kwargs)}
        marker = style.pop("marker", None)
        linestyle = style.pop("linestyle", "-")
        color = style.pop("color", None) or self._next_color()
        e = tri.edges
        xs = np.c_[tri.x[e], np.full(len(e), np.nan)].ravel()
        ys = np.c_[tri.y[e], np.full(len(e), np.nan)].ravel()
        label = style.pop("label", None)
        marker_kw = {k: style.pop(k) for k in ("markersize", "markerfacecolor",
                                               "markeredgecolor", "markeredgewidth")
                     if k in style}
        # the edges at zorder 1 (matplotlib's: fills added later cover them)
        lines = self.plot(xs, ys, color=color, linestyle=linestyle, label=label,
                          marker=None, **{"zorder": 1.0, **style})[0]
        markers = self.plot(tri.x, tri.y, color=color, linestyle="None", marker=marker,
                            label="_nolegend_", **marker_kw, **style)[0]
        return [lines, markers]


def _per_triangle(tri: Triangulation, values, argument: str) -> np.ndarray:
    arr = np.ma.filled(np.ma.asarray(values, dtype=float), np.nan).reshape(-1)
    if arr.size != len(tri.triangles):
        raise ValueError(f"{argument}: got {arr.size} values for {len(tri.triangles)} "
                         "triangles")
    return arr


__all__ = ["TriContourGenerator", "TriMesh", "TriMixin", "Triangulation"]
