"""Filled polygons: :class:`Polygon` (``fill``, ``axhspan``, ``axvspan``, step
histograms), :class:`PolyCollection` and :class:`FillBetweenPolyCollection`
(``fill_between``, ``fill_betweenx``), with the band triangulation it uses.
"""

from __future__ import annotations

import numpy as np

from .. import colors
from ..geometry import fill_polygon, winding_fill
from ..visuals import Paths
from ..visuals.path import hatch_counts
from .artists import LegendHandle
from .collections import (
    Collection,
    axes_fraction_to_scale,
    finite_limits,
    finite_limits_xy,
    hatch_rgba,
    set_hatches,
    to_scale,
)
from .legend_best import Obstacles, thinned
from .line_data import step_points
from .patch_shapes import BoxBounds
from .patch_style import check_xy
from .style import rcParams


class _Hatched:
    """A hatch over a fill (matplotlib's letters, repeated for density), drawn by its
    own Paths visual after the fill's mesh. ``_patch_hatch``: whether ``alpha`` leaves
    the ``hatch.color`` fallback as for patches, or fades it as for collections."""

    _patch_hatch = False

    def _init_hatch(self, hatch, hatchcolor) -> None:
        self._hatch_paths = Paths()
        self._hatched = False
        hatch_counts(hatch)  # a ValueError naming unknown letters
        self._hatch = hatch or None
        self._hatchcolor = _hatchcolor(hatchcolor)

    def _hatch_rings(self, rings: list) -> None:
        """Hatch the closed ``rings`` (view space)."""
        self._hatched = set_hatches(self._hatch_paths, self.axes.figure, rings,
                                    [self._hatch] * len(rings),
                                    [self.get_hatchcolor()] * len(rings))

    def visuals(self) -> list:
        return [self._mesh, self._hatch_paths, *self._line_visuals]

    def _shown_flags(self) -> list:
        return [self._shown[0], self._hatched, *self._shown[1:]]

    def get_hatch(self) -> str | None:
        """The hatch pattern ('/', 'x', '.', ...), or None."""
        return self._hatch

    def set_hatch(self, hatch) -> None:
        """A hatch pattern over every region: matplotlib's letters, repeated for density
        ('//', 'xx', ...); None for none."""
        hatch_counts(hatch)
        self._hatch = hatch or None
        self._restyle()

    def get_hatchcolor(self) -> tuple:
        """The hatch color as RGBA floats."""
        given = None if self._hatchcolor is None else \
            colors.to_rgba(self._hatchcolor, self._alpha)
        return hatch_rgba(None if given is None else np.asarray(given), self.edge_rgba(1)[0],
                          self._alpha, collection=not self._patch_hatch)

    def set_hatchcolor(self, color) -> None:
        """The hatch color (None: the edge color)."""
        self._hatchcolor = _hatchcolor(color)
        self._restyle()

    def legend_handle(self, fontsize_px: float) -> LegendHandle:
        """A box in the face and edge colors, hatched as the fill is."""
        fig = self.axes.figure
        hatch = None if not self._hatch else (
            self._hatch, self.get_hatchcolor(),
            fig.points_to_pixels(rcParams.get("hatch.linewidth", 1.0)), fig.dpi)
        return LegendHandle(patch=self.legend_patch(), hatch=hatch)


class Polygon(_Hatched, Collection):
    """One polygon (matplotlib's Polygon), e.g. a step histogram or an axhspan.

    ``xcoords``/``ycoords`` 'axes' put that coordinate in axes fraction: such a polygon
    spans the axes whatever the limits and does not take part in autoscaling along it.
    A ``hatch`` covers it whether filled or not, in ``hatchcolor`` (None: matplotlib's
    rule for patches).
    """

    _patch_hatch = True
    _as_patch = True

    def __init__(self, axes, xy, closed: bool = True, fill: bool = True, facecolor="C0",
                 edgecolor="none", linewidth=None, linestyle="-", alpha=None, label=None,
                 zorder=None, xcoords: str = "data", ycoords: str = "data", hatch=None,
                 hatchcolor=None) -> None:
        self._init_hatch(hatch, hatchcolor)
        super().__init__(axes, facecolor=facecolor if fill else "none", edgecolor=edgecolor,
                         linewidth=linewidth, linestyle=linestyle, alpha=alpha, label=label,
                         zorder=zorder)
        self._closed = bool(closed)
        self._fill = bool(fill)
        self._coords = (xcoords, ycoords)
        self._view_dependent = "axes" in self._coords
        self._page_name = "axhspan/axvspan"
        self._xy = np.zeros((0, 2))
        self._set_vertices(xy)

    def set_xy(self, xy) -> None:
        """New vertices (N, 2), copied."""
        self._set_vertices(xy)

    def _set_vertices(self, xy) -> None:
        xy = np.array(xy, dtype=float, copy=True)
        if xy.ndim != 2 or xy.shape[1] != 2:
            raise ValueError(f"xy: got shape {xy.shape}, expected (N, 2)")
        self._xy = xy
        self.rescale()

    def get_xy(self) -> np.ndarray:
        """The vertices (N, 2), a copy."""
        return self._xy.copy()

    def _scaled(self) -> np.ndarray:
        ax = self.axes
        out = np.empty_like(self._xy)
        for k, axis in enumerate((ax.xaxis, ax.yaxis)):
            if self._coords[k] == "axes":
                out[:, k] = axes_fraction_to_scale(axis, self._xy[:, k])
            else:
                out[:, k] = to_scale(axis, self._xy[:, k])
        return out

    def _page_follow(self) -> dict:
        # on rectilinear axes a page puts the axes fractions in its new view itself
        if not self.axes.transProjection.frozen().is_linear:
            return super()._page_follow()
        return {"kind": "axes_fraction", "rect": [float(v) for v in self.axes.view_rect()],
                "axes": [c == "axes" for c in self._coords]}

    def legend_obstacles(self) -> Obstacles:
        """Its outline (vertices and path; closed: back to the first vertex)."""
        ring = thinned(self._scaled())
        if self._closed and len(ring):
            ring = np.r_[ring, ring[:1]]
        return Obstacles.outline([self.axes.transView.forward(self._view(ring))])

    def _build(self):
        pts = self._view(self._scaled())
        ok = np.isfinite(pts).all(axis=1)
        fill = None
        if self._fill:
            fill = (*fill_polygon(pts[ok]), self.face_rgba(1))
        outline = pts[ok]
        if self._closed and len(outline) > 2 and not np.array_equal(outline[0], outline[-1]):
            outline = np.r_[outline, outline[:1]]
        self._hatch_rings([outline] if len(outline) > 2 else [])
        return fill, [([outline], self.edge_rgba(1), self._linewidth, self._linestyle)]

    def data_limits(self):
        ax = self.axes
        lims = []
        for k, (axis, coords) in enumerate(((ax.xaxis, self._coords[0]),
                                             (ax.yaxis, self._coords[1]))):
            if coords == "axes":
                lims.append(None)
                continue
            lim = finite_limits(self._xy[:, k], axis.scale)
            if lim is None:
                return None
            lims.append(lim)
        if lims[0] is None and lims[1] is None:
            return None
        return tuple(lims)

    def get_fill(self) -> bool:
        return self._fill

    def get_closed(self) -> bool:
        return self._closed

    @property
    def _closed_rings(self) -> bool:
        return self._closed


class SpanRectangle(BoxBounds, Polygon):
    """What ``axvspan``/``axhspan`` return: matplotlib's Rectangle from the anchor
    corner ``xy`` of ``width`` × ``height``, one coordinate in data units and the other in
    axes fraction (``xcoords``/``ycoords`` as :class:`Polygon`), with Rectangle's
    accessors (``set_x``, ``set_width``, ``set_xy``...); a change redraws it."""

    def __init__(self, axes, xy, width, height, **kwargs) -> None:
        self._set_box(xy, width, height)
        # a curved projection (polar) bends the edges: matplotlib steps each edge in
        # GRIDLINE_INTERPOLATION_STEPS (180) before projecting
        self._steps = 1 if axes.transProjection.frozen().is_linear else 180
        super().__init__(axes, self._outline(), closed=True, **kwargs)

    def _outline(self) -> np.ndarray:
        """The corners, each edge in ``_steps`` equal steps (the closing one included)."""
        ring = self.get_corners()
        if self._steps == 1:
            return ring
        t = np.arange(self._steps)[:, None] / self._steps
        ends = np.roll(ring, -1, axis=0)
        return np.concatenate([a + t * (b - a) for a, b in zip(ring, ends, strict=True)])

    def get_corners(self) -> np.ndarray:
        """The 4 corners, anticlockwise from xy."""
        x0, y0, x1, y1 = self.get_bbox()
        return np.array([(x0, y0), (x1, y0), (x1, y1), (x0, y1)])

    def get_center(self) -> np.ndarray:
        """The centre (x, y)."""
        return self.get_corners()[[0, 2]].mean(axis=0)

    def get_xy(self) -> tuple[float, float]:
        """The anchor corner (x, y)."""
        return self._x0, self._y0

    def set_xy(self, xy) -> None:
        """Move the anchor corner to (x, y)."""
        self._x0, self._y0 = check_xy(xy, "xy")
        self._box_changed()

    xy = property(get_xy, set_xy)

    def _box_changed(self) -> None:
        self._set_vertices(self._outline())


class PolyCollection(Collection):
    """Many polygons, each with its own colors (matplotlib's PolyCollection)."""

    def __init__(self, axes, verts, facecolor="C0", edgecolor="none", linewidth=None,
                 linestyle="-", alpha=None, label=None, zorder=None) -> None:
        super().__init__(axes, facecolor=facecolor, edgecolor=edgecolor, linewidth=linewidth,
                         linestyle=linestyle, alpha=alpha, label=label, zorder=zorder)
        self._verts = [np.array(v, dtype=float, copy=True).reshape(-1, 2) for v in verts]
        self.rescale()

    def get_paths(self) -> list[np.ndarray]:
        """The polygons' vertices in data units, one (N, 2) array each."""
        return [v.copy() for v in self._verts]

    def set_verts(self, verts) -> None:
        self._verts = [np.array(v, dtype=float, copy=True).reshape(-1, 2) for v in verts]
        self.rescale()

    def _scaled_polys(self) -> list[np.ndarray]:
        ax = self.axes
        return [np.c_[to_scale(ax.xaxis, v[:, 0]), to_scale(ax.yaxis, v[:, 1])]
                for v in self._verts]

    def legend_obstacles(self) -> Obstacles:
        """Each polygon's closed outline (matplotlib's PolyCollection paths)."""
        fwd = self.axes.transView.forward
        return Obstacles.outline([fwd(self._view(thinned(np.r_[p, p[:1]])))
                                  for p in self._scaled_polys() if len(p)])

    def _build(self):
        polys = [self._view(p) for p in self._scaled_polys()]
        n = len(polys)
        face = self.face_rgba(n)
        verts, faces, cols, offset = [], [], [], 0
        for p, c in zip(polys, face, strict=True):
            good, tri = fill_polygon(p)
            verts.append(good)
            faces.append(tri + offset)
            cols.append(np.repeat(c[None], len(good), axis=0))
            offset += len(good)
        fill = (np.concatenate(verts), np.concatenate(faces), np.concatenate(cols)) if n \
            else None
        outlines = [np.r_[p, p[:1]] for p in polys]
        return fill, [(outlines, self.edge_rgba(n), self._linewidth, self._linestyle)]

    def data_limits(self):
        if not self._verts:
            return None
        allv = np.concatenate(self._verts)
        return finite_limits_xy(allv[:, 0], allv[:, 1], self.axes)


def band_triangles(t: np.ndarray, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Vertices (t, a|b) and triangles filling between two polylines over the same ``t``,
    split where they cross (a plain quad would fill a bow tie wrongly)."""
    n = len(t)
    verts = [np.column_stack([t, a]), np.column_stack([t, b])]  # top i -> i, bottom n + i
    if n < 2:
        return np.concatenate(verts), np.zeros((0, 3), dtype=np.int64)
    d = a - b
    i = np.arange(n - 1)
    cross = d[:-1] * d[1:] < 0
    p = i[~cross]
    faces = [np.column_stack([p, p + 1, n + p + 1]), np.column_stack([p, n + p + 1, n + p])]
    c = i[cross]
    if c.size:
        s = d[c] / (d[c] - d[c + 1])
        verts.append(np.column_stack([t[c] + s * (t[c + 1] - t[c]),
                                      a[c] + s * (a[c + 1] - a[c])]))
        k = 2 * n + np.arange(c.size)
        faces += [np.column_stack([c, n + c, k]), np.column_stack([k, c + 1, n + c + 1])]
    return np.concatenate(verts), np.concatenate(faces).astype(np.int64)


def contiguous_regions(mask: np.ndarray) -> list[tuple[int, int]]:
    """[start, stop) index pairs of the runs of True in ``mask``."""
    m = np.r_[False, np.asarray(mask, dtype=bool), False]
    edges = np.flatnonzero(m[1:] != m[:-1])
    return list(zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True))


class FillBetweenPolyCollection(_Hatched, PolyCollection):
    """The area between two curves, as ``fill_between``/``fill_betweenx`` return.

    Each contiguous valid region (``where`` and finite data) is one polygon; its band is
    triangulated strip-wise, split where the curves cross. A ``hatch`` (matplotlib's
    letters) covers every region, in ``hatchcolor`` (None: the edge color)."""

    def __init__(self, axes, t_direction: str, t, f1, f2, where=None, interpolate=False,
                 step=None, facecolor="C0", edgecolor="none", linewidth=None, linestyle="-",
                 alpha=None, label=None, zorder=None, hatch=None, hatchcolor=None) -> None:
        self.t_direction = t_direction
        self._bands: list[tuple] = []
        self._init_hatch(hatch, hatchcolor)
        Collection.__init__(self, axes, facecolor=facecolor, edgecolor=edgecolor,
                            linewidth=linewidth, linestyle=linestyle, alpha=alpha, label=label,
                            zorder=zorder)
        self._verts = []
        self._data = (t, f1, f2)
        self._interpolate, self._step = interpolate, step
        self._make_bands(t, f1, f2, where, interpolate, step)
        self.rescale()

    def set_data(self, t, f1, f2, *, where=None, step=None) -> None:
        """New curves, as matplotlib's: ``t`` and the two bounds (arrays, or numbers for
        a flat one), ``where`` as ``fill_between``'s; ``step`` ('pre', 'post', 'mid'; None:
        as made) and the ``interpolate`` it was made with (resample.py's downsampling)."""
        if step is not None:
            if step not in ("pre", "post", "mid"):
                raise ValueError(f"step: got {step!r}, expected 'pre', 'post', 'mid' or None")
            self._step = step
        values = []
        for name, v in (("t", t), ("f1", f1), ("f2", f2)):
            try:
                values.append(np.asarray(v, dtype=float))
            except (TypeError, ValueError):
                raise TypeError(f"{name}: got {type(v).__name__}, expected numbers") from None
        t = values[0].reshape(-1)
        f1, f2 = (np.broadcast_to(v, t.shape) if v.ndim == 0 else v.reshape(-1)
                  for v in values[1:])
        if not len(f1) == len(f2) == len(t):
            raise ValueError(f"t, f1, f2: got lengths {len(t)}, {len(f1)}, {len(f2)}, "
                             "expected equal lengths")
        mask = None if where is None else np.broadcast_to(np.asarray(where, dtype=bool),
                                                          t.shape)
        self._data = (t, f1, f2)
        self._make_bands(t, f1, f2, mask, self._interpolate, self._step)
        self.rescale()

    def _make_bands(self, t, f1, f2, where, interpolate: bool, step) -> None:
        valid = np.isfinite(t) & np.isfinite(f1) & np.isfinite(f2)
        mask = valid if where is None else (where & valid)
        self._limit_pts = (np.r_[t[mask], t[mask]], np.r_[f1[mask], f2[mask]])
        bands, polys = [], []
        for i0, i1 in contiguous_regions(mask):
            ts, a, b = t[i0:i1], f1[i0:i1], f2[i0:i1]
            if step is not None:
                ts, a, b = step_points(step, ts, a, b)
            if interpolate:
                start = _interp_point(t, f1, f2, valid, i0)
                end = _interp_point(t, f1, f2, valid, i1)
            else:
                start, end = (ts[0], b[0]), (ts[-1], b[-1])
            bands.append((ts, a, b, start, end))
            poly = np.r_[[start], np.c_[ts, a], [end], np.c_[ts, b][::-1]]
            polys.append(poly if self.t_direction == "x" else poly[:, ::-1])
        self._bands = bands
        self._verts = polys

    def _to_scale(self, t, f) -> tuple[np.ndarray, np.ndarray]:
        ax = self.axes
        taxis, faxis = (ax.xaxis, ax.yaxis) if self.t_direction == "x" else (ax.yaxis, ax.xaxis)
        return to_scale(taxis, t), to_scale(faxis, f)

    def _build(self):
        verts, faces, outlines, offset = [], [], [], 0
        for ts, a, b, start, end in self._bands:
            st, sa = self._to_scale(ts, a)
            _, sb = self._to_scale(ts, b)
            (s0t, s1t), (s0f, s1f) = self._to_scale(np.array([start[0], end[0]]),
                                                    np.array([start[1], end[1]]))
            outline = np.r_[[[s0t, s0f]], np.c_[st, sa], [[s1t, s1f]], np.c_[st, sb][::-1],
                            [[s0t, s0f]]]
            outlines.append(outline)
            step = np.diff(np.r_[s0t, st, s1t])
            # t turning back (an interpolated end included): the strip's quads overlap,
            # where matplotlib fills the one polygon by the nonzero rule (a zig-zag's way
            # back cancels its way out)
            wound = winding_fill(outline[:-1], [len(outline) - 1]) \
                if (step > 0).any() and (step < 0).any() else None
            if wound is not None:
                v, f = wound
            else:
                v, f = band_triangles(st, sa, sb)
                n = len(st)
                k = len(v)
                # the ends: from an interpolated crossing (or the bottom) to the
                # first/last sample; degenerate without interpolation
                v = np.r_[v, [[s0t, s0f], [s1t, s1f]]]
                f = np.r_[f, [[k, 0, n], [k + 1, n - 1, 2 * n - 1]]]
            verts.append(v)
            faces.append(f + offset)
            offset += len(v)
        if self.t_direction == "y":
            verts = [v[:, ::-1] for v in verts]
            outlines = [o[:, ::-1] for o in outlines]
        verts = [self._view(v) for v in verts]
        outlines = [self._view(o) for o in outlines]
        fill = None
        if verts:
            allv = np.concatenate(verts)
            fill = (allv, np.concatenate(faces), self.face_rgba(1))
        edge = np.repeat(self.edge_rgba(1), len(outlines), axis=0)
        self._hatch_rings(outlines)
        return fill, [(outlines, edge, self._linewidth, self._linestyle)]

    def data_limits(self):
        t, f = self._limit_pts
        if self.t_direction == "x":
            return finite_limits_xy(t, f, self.axes)
        return finite_limits_xy(f, t, self.axes)


def _hatchcolor(color):
    """A hatch color as given (checked), or None."""
    if color is not None:
        colors.to_rgba(color, argname="hatchcolor")
    return color


def _interp_point(t, f1, f2, valid, idx: int) -> tuple[float, float]:
    """Where f1 and f2 cross between samples idx-1 and idx (matplotlib's
    ``get_interp_point`` for ``interpolate=True``)."""
    n = len(t)
    im1 = max(idx - 1, 0)
    sl = slice(im1, min(idx + 1, n))
    tv, dv, f1v = t[sl], (f1 - f2)[sl], f1[sl]
    if len(dv) == 2:
        if not valid[sl][1]:
            return float(t[im1]), float(f1[im1])
        if not valid[sl][0]:
            return float(t[idx]), float(f1[idx])
    order = np.argsort(dv)
    root_t = float(np.interp(0, dv[order], tv[order]))
    order_t = np.argsort(tv)
    return root_t, float(np.interp(root_t, tv[order_t], f1v[order_t]))
