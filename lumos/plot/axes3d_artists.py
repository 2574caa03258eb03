"""Artists of 3D axes, with mplot3d's ``art3d`` names: ``Line3D``, ``Path3DCollection``
(scatter), ``Poly3DCollection``, ``Line3DCollection``, ``Surface3DCollection``
(plot_surface) and ``Text3D``.

Data stay in data coordinates (float64 copies); the visuals draw them through the
axes' data → box matrix (their node transform), so rotating, panning and zooming change
no buffer. Colors that mplot3d computes once — shading by its fixed light source
(``shade=True``), colormapping, face colors — are computed here the same way
(:func:`shade_colors` is mplot3d's formula); what changes with the camera (the depth cue
of ``depthshade``) is computed on the GPU.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from .. import colors
from ..visuals import Line, Markers, Mesh, Surface, Text
from .artists import MARKERS, Artist, LegendHandle, ScalarMappable, as_1d
from .lines import Line2D
from .scatter import PathCollection
from .style import dash_pattern, font_points, rcParams, set_dashes
from .ticklabels import _rotation

TRANSLUCENT_ORDER = 1000.0  # translucent visuals draw after the opaque ones


# -- mplot3d's helpers ----------------------------------------------------------------------

def juggle_axes(xs, ys, zs, zdir: str):
    """Put 2D data (xs, ys) on the plane perpendicular to ``zdir`` at ``zs``."""
    if zdir == "x":
        return zs, xs, ys
    if zdir == "y":
        return xs, zs, ys
    if zdir[0] == "-":
        return rotate_axes(xs, ys, zs, zdir)
    return xs, ys, zs


def rotate_axes(xs, ys, zs, zdir: str):
    """Reorder coordinates so that ``zdir`` comes last (mplot3d's ``rotate_axes``)."""
    if zdir in ("x", "-y"):
        return ys, zs, xs
    if zdir in ("-x", "y"):
        return zs, xs, ys
    return xs, ys, zs


def check_zdir(zdir: str) -> str:
    if zdir not in ("x", "y", "z", "-x", "-y", "-z"):
        raise ValueError(f"zdir: got {zdir!r}, expected 'x', 'y', 'z', '-x', '-y' or '-z'")
    return zdir


def generate_normals(polygons) -> np.ndarray:
    """One normal per polygon from three points spread around it (mplot3d's): towards
    the viewer for counter-clockwise vertices."""
    if isinstance(polygons, np.ndarray):
        n = polygons.shape[-2]
        i1, i2, i3 = 0, n // 3, 2 * n // 3
        v1 = polygons[..., i1, :] - polygons[..., i2, :]
        v2 = polygons[..., i2, :] - polygons[..., i3, :]
    else:
        v1 = np.empty((len(polygons), 3))
        v2 = np.empty((len(polygons), 3))
        for k, ps in enumerate(polygons):
            n = len(ps)
            ps = np.asarray(ps)
            v1[k] = ps[0] - ps[n // 3]
            v2[k] = ps[n // 3] - ps[2 * n // 3]
    return np.cross(v1, v2)


def light_direction(lightsource=None) -> np.ndarray:
    """The unit vector towards a matplotlib ``LightSource`` (default mplot3d's: azimuth
    225°, altitude 19.4712°)."""
    az, alt = (225.0, 19.4712) if lightsource is None else (lightsource.azdeg,
                                                             lightsource.altdeg)
    a, e = np.radians(90.0 - az), np.radians(alt)
    return np.array([np.cos(a) * np.cos(e), np.sin(a) * np.cos(e), np.sin(e)])


def shade_colors(color, normals: np.ndarray, lightsource=None) -> np.ndarray:
    """mplot3d's shading: each color times 0.65 + 0.35 n·l (n the unit normal, l the
    light), alpha kept; faces without a normal keep 0.65."""
    with np.errstate(invalid="ignore", divide="ignore"):
        shade = (normals / np.linalg.norm(normals, axis=1, keepdims=True)) @ \
            light_direction(lightsource)
    rgba = np.array(np.broadcast_to(colors.to_rgba_array(color, dtype=np.float64),
                                    (len(normals), 4)))
    if np.isnan(shade).all():
        return rgba
    shade = np.nan_to_num(shade)
    rgba[:, :3] *= (0.3 + 0.7 * (shade + 1) / 2)[:, None]
    return rgba


def _rgba_rows(c, n: int, argument: str, alpha=None) -> np.ndarray:
    rows = colors.to_rgba_array(c, dtype=np.float64, argname=argument)
    if len(rows) not in (1, n) and n:
        rows = np.resize(rows, (n, 4))  # matplotlib cycles short color lists
    rows = np.array(np.broadcast_to(rows, (n, 4))) if n else rows[:0]
    if alpha is not None:
        rows[:, 3] = float(alpha)
    return rows


def _limits3(points: np.ndarray):
    """((x0, x1), (y0, y1), (z0, z1)) of the finite rows, or None."""
    p = points[np.isfinite(points).all(axis=1)] if len(points) else points
    if not len(p):
        return None
    lo, hi = p.min(axis=0), p.max(axis=0)
    return tuple((float(a), float(b)) for a, b in zip(lo, hi, strict=True))


# -- the protocol of 3D artists ---------------------------------------------------------------

class Art3D:
    """What 3D axes ask of their artists (besides :class:`~lumos.plot.artists.Artist`'s):
    ``data_limits3d()``, ``sync3d()`` (bring the visuals up to date before a frame) and
    ``points3d()`` (points that legends avoid and selections pick, projected through the
    axes by ``data_points``)."""

    space = "box"  # the axes give the visuals their data → box matrix
    _stale3d = True

    def _changed(self) -> None:
        self._stale3d = True
        super()._changed()

    def _attach(self, axes) -> None:
        self.axes = axes
        self._stale3d = True

    def sync3d(self) -> None:
        if self._stale3d and self.axes is not None:
            self._stale3d = False
            self._update3d()

    def _update3d(self) -> None:
        raise NotImplementedError

    def data_limits3d(self):
        return None

    def data_limits(self):
        return None  # 2D limits mean nothing here

    def points3d(self) -> np.ndarray | None:
        return None

    def data_points(self) -> np.ndarray | None:
        pts = self.points3d()
        return None if pts is None or self.axes is None else self.axes.projected(pts)

    def _order(self, visual, translucent: bool) -> None:
        visual.order = self.zorder + (TRANSLUCENT_ORDER if translucent else 0.0)


class Artist3D(Art3D, Artist):
    """Base of the 3D artists that are not 2D artists lifted."""


# -- lines and points ---------------------------------------------------------------------------

class Line3D(Art3D, Line2D):
    """A 3D line with optional markers (``ax.plot`` on 3D axes). ``set_data(x, y)`` then
    ``set_3d_properties(z)``, or ``set_data_3d(x, y, z)``, change it."""

    def __init__(self, axes, xs, ys, zs=0, zdir: str = "z", **style) -> None:
        self._line3 = Line()
        self._markers3 = Markers()
        self._zs = np.zeros(0)
        self._zdir = check_zdir(zdir)
        super().__init__(axes, xs, ys, **style)
        self.set_3d_properties(zs, zdir)

    def set_3d_properties(self, zs=0, zdir: str = "z") -> None:
        """z of every point (one number for all), with the plane's ``zdir``."""
        z = np.asarray(zs, dtype=float)
        n = len(self._x)
        if z.ndim > 1 or (z.ndim == 1 and len(z) not in (1, n)):
            raise ValueError(f"zs: got shape {z.shape}, expected a number or {n} values")
        self._zs = np.array(np.broadcast_to(z.reshape(-1) if z.ndim else z, (n,)))
        self._zdir = check_zdir(zdir)
        self._changed()

    def set_data_3d(self, *args) -> None:
        """``set_data_3d(x, y, z)`` or ``set_data_3d((x, y, z))``."""
        if len(args) == 1:
            args = tuple(args[0])
        if len(args) != 3:
            raise TypeError(f"set_data_3d: got {len(args)} arrays, expected x, y and z")
        x, y, z = (as_1d(v, n) for v, n in zip(args, "xyz", strict=True))
        if not (len(x) == len(y) == len(z)):
            raise ValueError(f"x, y, z: got lengths {len(x)}, {len(y)}, {len(z)}, expected "
                             "equal lengths")
        self.set_data(x, y)
        self.set_3d_properties(z, "z")

    def get_data_3d(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        p = self.points3d()
        return p[:, 0].copy(), p[:, 1].copy(), p[:, 2].copy()

    def points3d(self) -> np.ndarray:
        n = len(self._x)
        z = self._zs if len(self._zs) == n else np.zeros(n)
        return np.c_[juggle_axes(self._x, self._y, z, self._zdir)]

    def batch_items(self) -> list:
        return []

    def visuals(self) -> list:
        return [self._line3, self._markers3]

    def set_visible(self, visible: bool) -> None:
        super().set_visible(visible)
        self._line3.visible = self._markers3.visible = self._visible

    def _update3d(self) -> None:
        pts = self.points3d()
        line = self._line3
        width = self.axes.figure.points_to_pixels(self._linewidth)
        line.visible = self._visible and self._linestyle is not None and width > 0
        if line.visible:
            line.width = width
            set_dashes(line, self._linestyle, width)
            line.set_data(pts, color=self.line_rgba())
        m = self._markers3
        m.visible = self._visible and self._marker is not None and len(pts) > 0
        if m.visible:
            symbol, size, face, edge, edge_w = self.marker_style()
            m.symbol, m.edge_width, m.edge_color = symbol, edge_w, edge
            every = self._markevery
            mp = pts if every is None else pts[:: int(every)] \
                if isinstance(every, (int, np.integer)) else pts[every]
            m.set_data(mp, size=size, color=face)
        rgba = self.line_rgba()
        for v in self.visuals():
            self._order(v, rgba[3] < 1)

    def data_limits3d(self):
        return _limits3(self.points3d())

    def pick_index(self, index: int, part=None) -> int:
        return int(index)


class Path3DCollection(Art3D, PathCollection):
    """Scatter points in 3D (``ax.scatter``); ``depthshade`` fades the farther points as
    mplot3d does (computed from the camera on the GPU). ``_offsets3d`` (x, y, z) and
    ``set_3d_properties`` move them."""

    def __init__(self, axes, xs, ys, zs, zdir: str = "z", depthshade: bool = True,
                 depthshade_minalpha: float = 0.3, **kwargs) -> None:
        self._markers3 = Markers()
        self._zs = np.zeros(0)
        self._zdir = check_zdir(zdir)
        self._depthshade = bool(depthshade)
        self._minalpha = float(depthshade_minalpha)
        if not 0 <= self._minalpha <= 1:
            raise ValueError(f"depthshade_minalpha: got {depthshade_minalpha!r}, expected "
                             "a number in [0, 1]")
        # matplotlib outlines markers in their face color, lines.markeredgewidth wide:
        # they look that much bigger
        self._face_edge = kwargs.get("linewidths") is None and \
            kwargs.get("edgecolors") in (None, "face")
        super().__init__(axes, xs, ys, density=False, **kwargs)
        self.set_3d_properties(zs, zdir)

    def set_3d_properties(self, zs=0, zdir: str = "z") -> None:
        n = len(self._offsets)
        z = np.asarray(zs, dtype=float).reshape(-1)
        if z.size not in (1, n):
            raise ValueError(f"zs: got {z.size} values for {n} points, expected 1 or {n}")
        self._zs = np.array(np.broadcast_to(z, (n,)))
        self._zdir = check_zdir(zdir)
        self._changed()

    @property
    def _offsets3d(self):
        p = self.points3d()
        return p[:, 0], p[:, 1], p[:, 2]

    @_offsets3d.setter
    def _offsets3d(self, xyz) -> None:
        x, y, z = (np.asarray(v, dtype=float).reshape(-1) for v in xyz)
        self.set_offsets(np.c_[x, y])
        self.set_3d_properties(z, "z")

    def set_depthshade(self, depthshade: bool, depthshade_minalpha=None) -> None:
        self._depthshade = bool(depthshade)
        if depthshade_minalpha is not None:
            self._minalpha = float(depthshade_minalpha)
        self._changed()

    def get_depthshade(self) -> bool:
        return self._depthshade

    def points3d(self) -> np.ndarray:
        n = len(self._offsets)
        z = self._zs if len(self._zs) == n else np.zeros(n)
        return np.c_[juggle_axes(self._offsets[:, 0], self._offsets[:, 1], z, self._zdir)]

    def batch_items(self) -> list:
        self._dirty = {}
        return []

    def visuals(self) -> list:
        return [self._markers3]

    def set_visible(self, visible: bool) -> None:
        super().set_visible(visible)
        self._markers3.visible = self._visible

    def _update3d(self) -> None:
        symbol, sizes, face, edge, edge_w = self.marker_style()
        if self._face_edge:
            sizes = sizes + self.axes.figure.points_to_pixels(rcParams["lines.markeredgewidth"])
        m = self._markers3
        m.symbol, m.edge_width, m.edge_color = symbol, edge_w, edge
        m.depth_shade = self._minalpha if self._depthshade else None
        m.set_data(self.points3d(), size=sizes, color=face)
        self._order(m, bool(len(face)) and face[:, 3].min() < 1)

    def data_limits3d(self):
        return _limits3(self.points3d())


# -- polygons, lines and surfaces ----------------------------------------------------------------

def _as_polygons(verts, argument: str = "verts") -> list[np.ndarray]:
    if isinstance(verts, np.ndarray) and verts.ndim == 3:
        polys = list(verts.astype(float))
    else:
        try:
            polys = [np.asarray(v, dtype=float) for v in verts]
        except (TypeError, ValueError):
            raise TypeError(f"{argument}: got {type(verts).__name__}, expected a list of "
                            "(N, 3) vertex arrays") from None
    for k, p in enumerate(polys):
        if p.ndim != 2 or p.shape[1] != 3:
            raise ValueError(f"{argument}[{k}]: got shape {p.shape}, expected (N, 3)")
    return polys


class _Styled3D(ScalarMappable):
    """Face/edge colors, widths and alpha of collections, with a colormap over
    ``set_array`` values (for colorbars), as matplotlib collections."""

    def _init_style(self, n: int, facecolors, edgecolors, linewidths, alpha, cmap, norm,
                    vmin, vmax, default_face, default_edge="face") -> None:
        self._n = n
        self._alpha = None if alpha is None else float(alpha)
        self._init_mappable(cmap, norm, vmin, vmax)
        self._array = None
        self._face_spec = default_face if facecolors is None else facecolors
        self._edge_spec = default_edge if edgecolors is None else edgecolors
        lw = rcParams["patch.linewidth"] if linewidths is None else linewidths
        self._linewidths = np.resize(np.atleast_1d(np.asarray(lw, dtype=float)), max(n, 1))
        self._check_colors()

    def _check_colors(self) -> None:
        for spec, name in ((self._face_spec, "facecolors"), (self._edge_spec, "edgecolors")):
            if spec is not None and not (isinstance(spec, str) and spec == "face"):
                colors.to_rgba_array(spec, argname=name)

    def face_rgba(self) -> np.ndarray:
        if self._array is not None:
            rgba = np.asarray(self.cmap(self.norm(self._array)), float).reshape(-1, 4)
            return _rgba_rows(rgba, self._n, "facecolors", self._alpha)
        return _rgba_rows(self._face_spec, self._n, "facecolors", self._alpha)

    def edge_rgba(self) -> np.ndarray | None:
        """Edge colors, or None when edges are not drawn ('face': as the faces)."""
        spec = self._edge_spec
        if isinstance(spec, str) and spec in ("face", "none"):
            return None
        rgba = _rgba_rows(spec, self._n, "edgecolors", self._alpha)
        return None if not rgba[:, 3].any() else rgba

    def set_array(self, values) -> None:
        v = None if values is None else np.asarray(values, dtype=float).reshape(-1)
        if v is not None and v.size != self._n:
            raise ValueError(f"A: got {v.size} values for {self._n} faces")
        self._array = v
        if v is not None:
            self.autoscale_clim(v)
        self._changed()

    def get_array(self):
        return None if self._array is None else self._array.copy()

    def _mapping_changed(self) -> None:
        self._changed()

    def set_facecolor(self, c) -> None:
        colors.to_rgba_array(c, argname="c")
        self._face_spec, self._array = c, None
        self._changed()

    set_facecolors = set_facecolor

    def set_edgecolor(self, c) -> None:
        if not (isinstance(c, str) and c == "face"):
            colors.to_rgba_array(c, argname="c")
        self._edge_spec = c
        self._changed()

    set_edgecolors = set_edgecolor

    def set_color(self, c) -> None:
        self.set_facecolor(c)
        self.set_edgecolor(c)

    def set_linewidth(self, lw) -> None:
        self._linewidths = np.resize(np.atleast_1d(np.asarray(lw, dtype=float)),
                                     max(self._n, 1))
        self._changed()

    set_linewidths = set_linewidth

    def set_alpha(self, alpha) -> None:
        self._alpha = None if alpha is None else float(alpha)
        self._changed()

    def get_alpha(self):
        return self._alpha

    def get_facecolor(self) -> np.ndarray:
        return self.face_rgba()

    def legend_handle(self, fontsize_px: float) -> LegendHandle:
        face = self.face_rgba()
        edge = self.edge_rgba()
        f = tuple(face[len(face) // 2]) if len(face) else (0.0, 0.0, 0.0, 0.0)
        return LegendHandle(patch=(f, None if edge is None else tuple(edge[len(edge) // 2])))


class _FaceMesh(Mesh):
    """Faces of a collection. ``edged``: pushed back by a polygon offset so that their
    edges, drawn over them, win the depth test. ``solid``: the faces of closed solids
    (bars, voxels) turned away are not drawn when opaque, so that coplanar faces of flat
    or touching boxes never fight for depth; faces are counter-clockwise seen from
    outside (a mirroring node transform, an inverted axis, turns that round)."""

    solid = False
    edged = False

    def draws(self, ctx):
        draws = super().draws(ctx)
        out = []
        for d in draws:
            state = d.state
            if self.edged:
                state = replace(state, polygon_offset=(1.0, 1.0))
            if self.solid and state.depth_write:
                m = self.transform
                flip = isinstance(m, np.ndarray) and np.linalg.det(m[:3, :3]) < 0
                state = replace(state, cull="front" if flip else "back")
            out.append(replace(d, state=state))
        return out


class Poly3DCollection(Art3D, _Styled3D, Artist):
    """Polygons in 3D (mplot3d's ``art3d.Poly3DCollection``): faces drawn as one mesh
    (each polygon a fan of triangles), edges as one line. ``shade=True`` shades the face
    colors by the polygons' normals and the light source, as mplot3d does.

    >>> ax.add_collection3d(Poly3DCollection(verts, facecolors="C1", alpha=0.5))
    """

    zorder = 1.0

    def __init__(self, verts, *args, zsort: str = "average", shade: bool = False,
                 lightsource=None, axlim_clip: bool = False, facecolors=None,
                 edgecolors=None, linewidths=None, alpha=None, cmap=None, norm=None,
                 label=None, zorder=None, axes=None, **kwargs) -> None:
        kwargs = _collection_kwargs(kwargs, "Poly3DCollection")
        facecolors = kwargs.pop("facecolor", facecolors)
        edgecolors = kwargs.pop("edgecolor", edgecolors)
        linewidths = kwargs.pop("linewidth", linewidths)
        if "color" in kwargs:  # matplotlib: both faces and edges
            color = kwargs.pop("color")
            facecolors = color if facecolors is None else facecolors
            edgecolors = color if edgecolors is None else edgecolors
        if _line_style(kwargs.pop("linestyle", "-")) is not None:
            raise TypeError("Poly3DCollection: only solid edges are supported "
                            "(linestyle='-')")
        _no_args(args, "Poly3DCollection")
        _check_axlim_clip(axlim_clip)
        if zsort not in ("average", "min", "max"):
            raise ValueError(f"zsort: got {zsort!r}, expected 'average', 'min' or 'max'")
        Artist.__init__(self, axes, label, zorder)
        self._mesh = _FaceMesh(shading=None)
        self._edges = Line()
        self._shade, self._lightsource = bool(shade), lightsource
        self.set_verts(verts)
        self._init_style(len(self._polys), facecolors, edgecolors, linewidths, alpha, cmap,
                         norm, None, None, default_face="C0")
        self._antialiased = kwargs.pop("antialiased", True)

    def set_solid(self, solid: bool) -> None:
        """Whether the polygons close solids, outward faces counter-clockwise (bar3d,
        voxels): the faces turned away are then not drawn."""
        self._mesh.solid = bool(solid)

    def set_verts(self, verts, closed: bool = True) -> None:
        """New polygons (a list of (N, 3) vertex arrays)."""
        self._polys = _as_polygons(verts)
        self._n = len(self._polys)
        self._changed()

    set_verts_and_codes = set_verts

    def get_vertices(self) -> list[np.ndarray]:
        return [p.copy() for p in self._polys]

    def visuals(self) -> list:
        return [self._mesh, self._edges]

    def set_visible(self, visible: bool) -> None:
        super().set_visible(visible)
        self._stale3d = True

    def face_rgba(self) -> np.ndarray:
        rgba = super().face_rgba()
        if self._shade and self._array is None and self._n:
            rgba = shade_colors(rgba, generate_normals(self._polys), self._lightsource)
        return rgba

    def _update3d(self) -> None:
        polys = [p[np.isfinite(p).all(axis=1)] for p in self._polys]
        face = self.face_rgba()
        verts, faces, cols = [], [], []
        k = 0
        for p, c in zip(polys, face, strict=True):
            m = len(p)
            if m < 3 or c[3] <= 0:
                continue
            verts.append(p)
            faces.append(np.c_[np.full(m - 2, k), np.arange(k + 1, k + m - 1),
                               np.arange(k + 2, k + m)])
            cols.append(np.repeat(c[None], m, axis=0))
            k += m
        self._mesh.visible = self._visible and k > 0
        if k:
            self._mesh.set_data(np.concatenate(verts), np.concatenate(faces),
                                vertex_colors=np.concatenate(cols))
            self._order(self._mesh, np.concatenate(cols)[:, 3].min() < 1)
        edge = self.edge_rgba()
        width = self.axes.figure.points_to_pixels(float(self._linewidths.max(initial=0.0)))
        rings = [np.r_[p, p[:1]] for p in polys if len(p) >= 2]
        self._edges.visible = self._visible and edge is not None and width > 0 and bool(rings)
        self._mesh.edged = self._edges.visible
        if self._edges.visible:
            ecols = [c for p, c in zip(polys, edge, strict=True) if len(p) >= 2]
            self._edges.width = width
            self._edges.set_data(rings, color=ecols)
            self._edges.order = self._mesh.order + 0.5

    def data_limits3d(self):
        return _limits3(np.concatenate(self._polys)) if self._polys else None

    def points3d(self) -> np.ndarray | None:
        return np.array([p.mean(axis=0) for p in self._polys]) if self._polys else None

    def pick_index(self, index: int, part=None) -> int:
        """The polygon of a picked triangle."""
        sizes = np.array([max(len(p[np.isfinite(p).all(axis=1)]) - 2, 0)
                          for p in self._polys])
        return int(np.searchsorted(np.cumsum(sizes), index, side="right"))


class Line3DCollection(Art3D, _Styled3D, Artist):
    """Line segments (or polylines) in 3D (mplot3d's ``art3d.Line3DCollection``): one
    line visual for all; ``colors``/``linewidths``/``linestyles`` as matplotlib's
    LineCollection, or a colormap over ``set_array``."""

    zorder = 2.0

    def __init__(self, lines, axlim_clip: bool = False, colors=None, linewidths=None,
                 linestyles="solid", alpha=None, cmap=None, norm=None, label=None,
                 zorder=None, axes=None, **kwargs) -> None:
        kwargs = _collection_kwargs(kwargs, "Line3DCollection")
        colors_ = kwargs.pop("color", colors)
        linewidths = kwargs.pop("linewidth", linewidths)
        linestyles = kwargs.pop("linestyle", linestyles)
        kwargs.pop("antialiased", None)
        if kwargs:
            raise TypeError(f"Line3DCollection: unexpected keyword arguments {sorted(kwargs)}")
        _check_axlim_clip(axlim_clip)
        Artist.__init__(self, axes, label, zorder)
        self._line = Line()
        self._segments: list[np.ndarray] = []
        self.set_segments(lines)
        lw = rcParams["lines.linewidth"] if linewidths is None else linewidths
        self._init_style(len(self._segments), None, None, lw, alpha, cmap, norm, None, None,
                         default_face="C0")
        self._face_spec = "C0" if colors_ is None else colors_
        self._check_colors()
        self._linestyle = _line_style(linestyles)

    def set_segments(self, segments) -> None:
        """New lines (a list of (N, 3) point arrays)."""
        self._segments = _as_polygons(segments, "segments")
        self._n = len(self._segments)
        self._changed()

    def get_segments(self) -> list[np.ndarray]:
        return [s.copy() for s in self._segments]

    def set_linestyle(self, ls) -> None:
        self._linestyle = _line_style(ls)
        self._changed()

    def visuals(self) -> list:
        return [self._line]

    def set_visible(self, visible: bool) -> None:
        super().set_visible(visible)
        self._stale3d = True

    def _update3d(self) -> None:
        rgba = self.face_rgba()  # lines have one color each (their "face")
        width = self.axes.figure.points_to_pixels(float(self._linewidths.max(initial=0.0)))
        segs = [s for s in self._segments if len(s)]
        line = self._line
        line.visible = self._visible and width > 0 and bool(segs)
        if line.visible:
            cols = [c for s, c in zip(self._segments, rgba, strict=True) if len(s)]
            line.width = width
            set_dashes(line, self._linestyle, width)
            line.set_data(segs, color=cols)
            self._order(line, min(c[3] for c in cols) < 1)

    def set_autolim_points(self, points) -> None:
        """The points autoscaling sees instead of the lines' (quiver: the arrows'
        positions, as mplot3d autoscales); None: the lines."""
        self._autolim = None if points is None else np.asarray(points, float).reshape(-1, 3)

    def data_limits3d(self):
        if getattr(self, "_autolim", None) is not None:
            return _limits3(self._autolim)
        segs = [s for s in self._segments if len(s)]
        return _limits3(np.concatenate(segs)) if segs else None

    def points3d(self) -> np.ndarray | None:
        segs = [s for s in self._segments if len(s)]
        return np.concatenate(segs) if segs else None

    @property
    def connects_points(self) -> bool:  # type: ignore[override]
        return True

    def pick_index(self, index: int, part=None) -> int:
        """The line of a picked point (lines are joined by one break row each)."""
        lengths = np.array([len(s) for s in self._segments if len(s)]) + 1
        return int(np.searchsorted(np.cumsum(lengths), index, side="right"))

    def legend_line(self) -> tuple:
        """(rgba, width px, dashes px) of the lines, as legends draw them."""
        rgba = self.face_rgba()
        width = self.axes.figure.points_to_pixels(float(self._linewidths[0]))
        c = tuple(rgba[len(rgba) // 2]) if len(rgba) else colors.to_rgba("C0")
        return c, width, dash_pattern(self._linestyle, width)

    def legend_handle(self, fontsize_px: float) -> LegendHandle:
        return LegendHandle(line=self.legend_line())


def _line_style(ls):
    names = {"solid": "-", "dashed": "--", "dotted": ":", "dashdot": "-."}
    ls = names.get(ls, ls)
    if ls not in ("-", "--", ":", "-."):
        raise ValueError(f"linestyles: got {ls!r}, expected 'solid', 'dashed', 'dotted', "
                         "'dashdot' or '-', '--', ':', '-.'")
    return None if ls == "-" else ls


def _collection_kwargs(kwargs: dict, where: str) -> dict:
    """matplotlib's collection aliases resolved; unknown keywords are a TypeError."""
    aliases = {"fc": "facecolor", "ec": "edgecolor", "lw": "linewidth", "ls": "linestyle",
               "facecolors": "facecolor", "edgecolors": "edgecolor",
               "linewidths": "linewidth", "linestyles": "linestyle", "colors": "color",
               "antialiaseds": "antialiased", "aa": "antialiased"}
    out = {}
    for k, v in kwargs.items():
        name = aliases.get(k, k)
        if name in out:
            raise TypeError(f"{where}: got {k!r} and {name!r}, expected one of them")
        out[name] = v
    unknown = set(out) - {"facecolor", "edgecolor", "linewidth", "linestyle", "color",
                          "antialiased"}
    if unknown:
        raise TypeError(f"{where}: unexpected keyword arguments {sorted(unknown)}")
    return out


def _no_args(args: tuple, where: str) -> None:
    if args:
        raise TypeError(f"{where}: got {len(args)} extra positional arguments")


def _check_axlim_clip(axlim_clip) -> None:
    if axlim_clip:
        raise TypeError("axlim_clip: True is not supported (lumos draws data outside the "
                        "limits; set the limits to the data)")


class Surface3DCollection(Art3D, _Styled3D, Artist):
    """What ``plot_surface`` returns: a grid of quadrilaterals drawn by one
    :class:`~lumos.visuals.Surface` (holes where heights are NaN), colored per cell as
    mplot3d colors its polygons (mean height through ``cmap``, face colors, or one color
    shaded by the light source). ``set_zdata(Z)`` replaces the heights on the same grid."""

    zorder = 1.0

    def __init__(self, axes, X, Y, Z, row_inds, col_inds, *, cmap=None, norm=None,
                 vmin=None, vmax=None, facecolors=None, color=None, shade=True,
                 lightsource=None, alpha=None, edgecolors=None, linewidths=None,
                 label=None, zorder=None) -> None:
        Artist.__init__(self, axes, label, zorder)
        self._grid = (np.asarray(X, float), np.asarray(Y, float), np.asarray(Z, float))
        self._rows, self._cols = np.asarray(row_inds), np.asarray(col_inds)
        self._cell_colors = facecolors  # (rows, cols, 4) sampled face colors or None
        self._shade, self._lightsource = bool(shade), lightsource
        self._colormapped = cmap is not None
        n = (len(self._rows) - 1) * (len(self._cols) - 1)
        lw = 0.0 if edgecolors is None and linewidths is None else linewidths
        self._init_style(n, None, edgecolors, lw, alpha, cmap, norm, vmin, vmax,
                         default_face=color, default_edge="none")
        self._visual = None
        self._remap()

    def _polygons(self):
        """mplot3d's polygons: the perimeter of each block of the grid between sampled
        rows and columns, grouped by block shape: [(cells (k,), perimeters (k, m, 3))]."""
        X, Y, Z = self._grid
        r, c = self._rows, self._cols
        groups: dict[tuple[int, int], list] = {}
        for i in range(len(r) - 1):
            for j in range(len(c) - 1):
                groups.setdefault((r[i + 1] - r[i], c[j + 1] - c[j]), []).append((i, j))
        out = []
        for (dr, dc), cells in groups.items():
            rr = np.r_[np.zeros(dc), np.arange(dr), np.full(dc, dr), np.arange(dr, 0, -1)]
            cc = np.r_[np.arange(dc), np.full(dr, dc), np.arange(dc, 0, -1), np.zeros(dr)]
            i, j = np.array(cells).T
            rows = r[i][:, None] + rr[None].astype(int)
            cols = c[j][:, None] + cc[None].astype(int)
            polys = np.stack([X[rows, cols], Y[rows, cols], Z[rows, cols]], axis=-1)
            out.append((i * (len(c) - 1) + j, polys))
        return out

    def _remap(self) -> None:
        """Cell values (mean height of each polygon) and normals, from the grid."""
        n = self._n
        self._values = np.full(n, np.nan)
        self._normals = np.zeros((n, 3))
        for cells, polys in self._polygons():
            with np.errstate(invalid="ignore"):
                self._values[cells] = np.nanmean(polys[..., 2], axis=1) \
                    if np.isnan(polys).any() else polys[..., 2].mean(axis=1)
            self._normals[cells] = generate_normals(polys)
        if self._colormapped:
            self.set_array(self._values)
        self._changed()

    def set_zdata(self, Z) -> None:  # noqa: N803
        """New heights on the same grid (the colors follow them)."""
        Z = np.asarray(Z, dtype=float)  # noqa: N806
        if Z.shape != self._grid[2].shape:
            raise ValueError(f"Z: got shape {Z.shape}, expected the surface's "
                             f"{self._grid[2].shape}")
        self._grid = (self._grid[0], self._grid[1], Z.copy())
        self._remap()

    def face_rgba(self) -> np.ndarray:
        if self._array is not None:
            rgba = super().face_rgba()
        elif self._cell_colors is not None:
            rgba = _rgba_rows(self._cell_colors.reshape(-1, 4), self._n, "facecolors",
                              self._alpha)
        else:
            rgba = super().face_rgba()
        if self._shade and self._array is None:
            rgba = shade_colors(rgba, self._normals, self._lightsource)
        return rgba

    def visuals(self) -> list:
        if self._visual is None:
            X, Y, Z = self._grid
            sub = np.ix_(self._rows, self._cols)
            self._visual = Surface(X[sub], Y[sub], Z[sub], shading=None,
                                   facecolors=np.zeros((len(self._rows) - 1,
                                                        len(self._cols) - 1, 4)))
        return [self._visual]

    def set_visible(self, visible: bool) -> None:
        super().set_visible(visible)
        self._stale3d = True

    def _update3d(self) -> None:
        v = self.visuals()[0]
        X, Y, Z = self._grid
        sub = np.ix_(self._rows, self._cols)
        if not np.array_equal(v.z, Z[sub], equal_nan=True):
            v.set_zdata(Z[sub])
        rgba = self.face_rgba()
        v.facecolors = rgba.reshape(len(self._rows) - 1, len(self._cols) - 1, 4)
        v.visible = self._visible
        edge = self.edge_rgba()
        width = self.axes.figure.points_to_pixels(float(self._linewidths.max(initial=0.0)))
        if edge is not None and width > 0:
            e = edge[0].copy()
            # matplotlib outlines every polygon, so inner edges are drawn twice: a
            # translucent edge color shows as 1 - (1 - alpha)^2
            e[3] = 1 - (1 - e[3]) ** 2
            v.wireframe = tuple(e)
            v.wireframe_width = width
        else:
            v.wireframe = None
        valid = np.isfinite(self._values)
        self._order(v, bool(valid.any()) and rgba[valid, 3].min() < 1)
        for child in v.children:  # the grid lines draw over the (offset) faces
            child.order = v.order + 0.5

    def data_limits3d(self):
        X, Y, Z = self._grid
        return _limits3(np.c_[X.ravel(), Y.ravel(), Z.ravel()])

    def points3d(self) -> np.ndarray:
        X, Y, Z = self._grid
        sub = np.ix_(self._rows, self._cols)
        return np.c_[X[sub].ravel(), Y[sub].ravel(), Z[sub].ravel()]

    def pick_index(self, index: int, part=None) -> int:
        """The cell (row * columns + column of the sampled grid) of a picked triangle."""
        return int(index) // 2


class Text3D(Artist3D):
    """Text at a 3D point (``ax.text(x, y, z, s)``), facing the screen; ``zdir`` turns
    its baseline along that direction as the camera sees it (as mplot3d's)."""

    zorder = 3.0

    def __init__(self, axes, x, y, z, text, zdir=None, fontsize=None, color="black",
                 ha="left", va="baseline", rotation=None, label=None, zorder=None,
                 fontweight=None) -> None:
        super().__init__(axes, label, zorder)
        if ha not in ("left", "center", "right"):
            raise ValueError(f"ha: got {ha!r}, expected 'left', 'center' or 'right'")
        if va not in ("top", "center", "bottom", "baseline", "center_baseline"):
            raise ValueError(f"va: got {va!r}, expected 'top', 'center', 'bottom' or "
                             "'baseline'")
        va = "baseline" if va == "center_baseline" else va
        self._pos = np.array([float(x), float(y), float(z)])
        self._text = str(text)
        self._zdir = _text_direction(zdir)
        self._size = float(rcParams["font.size"] if fontsize is None else font_points(fontsize))
        self._color = colors.to_rgba(color)
        self._visual = Text(self._text, pos=self._pos, anchor_x=ha, anchor_y=va,
                            rotation=_rotation(rotation),
                            bold=fontweight in ("bold", "heavy", 700, 800, 900),
                            rotation_mode="default")

    def get_text(self) -> str:
        return self._text

    def set_text(self, s) -> None:
        self._text = str(s)
        self._changed()

    def set_position_3d(self, xyz, zdir=None) -> None:
        self._pos = np.asarray(xyz, dtype=float).reshape(3).copy()
        if zdir is not None:
            self._zdir = _text_direction(zdir)
        self._changed()

    def get_position_3d(self) -> tuple[float, float, float]:
        return tuple(float(v) for v in self._pos)

    def set_color(self, color) -> None:
        self._color = colors.to_rgba(color)
        self._changed()

    def set_fontsize(self, size) -> None:
        self._size = font_points(size)
        self._changed()

    def visuals(self) -> list:
        return [self._visual]

    def _update3d(self) -> None:
        t = self._visual
        t.font_size = self.axes.figure.points_to_pixels(self._size)
        direction = self._zdir
        if direction is not None:
            # a direction in data units, short in the box: the axes' scales stretch it
            span = np.array([np.ptp(self.axes._lim(i)) for i in range(3)])
            direction = direction * span * 1e-3
        t.set_data(self._text, self._pos, color=self._color,
                   direction=np.zeros(3) if direction is None else direction)
        t.visible = self._visible
        self._order(t, False)

    def data_limits3d(self):
        return None  # text does not scale the axes (matplotlib)


def _text_direction(zdir) -> np.ndarray | None:
    if zdir is None:
        return None
    named = {"x": (1, 0, 0), "y": (0, 1, 0), "z": (0, 0, 1)}
    d = np.asarray(named.get(zdir, zdir) if isinstance(zdir, str) else zdir, dtype=float)
    if d.shape != (3,) or not np.isfinite(d).all() or not d.any():
        raise ValueError(f"zdir: got {zdir!r}, expected 'x', 'y', 'z', None or a nonzero "
                         "(x, y, z) direction")
    return d / np.linalg.norm(d)


__all__ = ["MARKERS", "Line3D", "Line3DCollection", "Path3DCollection", "Poly3DCollection",
           "Surface3DCollection", "Text3D", "generate_normals", "juggle_axes",
           "rotate_axes", "shade_colors"]
