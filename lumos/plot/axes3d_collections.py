"""Collections of 3D axes, with mplot3d's ``art3d`` names: ``Poly3DCollection``,
``Line3DCollection`` and ``Surface3DCollection`` (what ``plot_surface`` returns), colored
as mplot3d colors them (:func:`lumos.plot.axes3d_artists.shade_colors`). Their protocol is
:class:`lumos.plot.axes3d_artists.Art3D`.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from .. import colors
from ..geometry import polygon_triangles
from ..visuals import Mesh, Surface
from ..visuals.base import TRANSLUCENT_ORDER, Visual
from ..visuals.painter import face_polygons
from .artists import Artist, LegendHandle, ScalarMappable
from .axes3d_artists import Art3D, RankedLine, generate_normals, limits3, shade_colors
from .style import dash_pattern, rcParams, set_dashes

# -- polygons, lines and surfaces ----------------------------------------------------------------

def _rgba_rows(c, n: int, argument: str, alpha=None) -> np.ndarray:
    rows = colors.to_rgba_array(c, dtype=np.float64, argname=argument)
    if len(rows) not in (1, n) and n:
        rows = np.resize(rows, (n, 4))  # matplotlib cycles short color lists
    rows = np.array(np.broadcast_to(rows, (n, 4))) if n else rows[:0]
    if alpha is not None:
        rows[:, 3] = float(alpha)
    return rows


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


#: the polygon offset of 3D faces: pushed back by their own depth slope and a unit, so
#: that lines and markers lying on them (contour lines on filled contours, edges, error
#: bars on fills) win the depth test wherever they touch, as mplot3d paints lines over
#: the faces beneath them, instead of half of each line fighting the face for depth
FACE_OFFSET = (1.0, 1.0)


class FacesBehind:
    """3D faces pushed back by ``FACE_OFFSET`` when their axes hold lines
    (``lines_on``, set by :meth:`Axes3D.sync`); without lines nothing can tie with
    them, and their own silhouettes stay as they were."""

    lines_on = False

    def behind(self, draws: list) -> list:
        """``draws`` pushed back (their depth-tested ones) when lines may lie on them."""
        if not self.lines_on:
            return draws
        return [replace(d, state=replace(d.state, polygon_offset=FACE_OFFSET))
                if d.state.depth_test else d for d in draws]


class _FaceSurface(FacesBehind, Surface):
    """A surface's faces, behind the lines lying on them (``FacesBehind``)."""

    def draws(self, ctx):
        return self.behind(super().draws(ctx))


class _FaceMesh(FacesBehind, Mesh):
    """Faces of a collection. ``edged``: pushed back by a polygon offset so that their
    edges, drawn after them, win the depth test (translucent faces also write depth,
    and the edges are drawn once more under them: ``_EdgesUnder``). ``solid``: the
    faces of closed solids (bars,
    voxels) turned away are not drawn when opaque, so that coplanar faces of flat or
    touching boxes never fight for depth; faces are counter-clockwise seen from outside
    (a mirroring node transform, an inverted axis, turns that round)."""

    solid = False
    edged = False
    # what the vector form paints, set by the collection: (corners (N, k, 3), face
    # colors (N, 4), edge colors (N, 4) or None, edge width, zsort), or None
    outlines = None

    def primitives(self, ctx=None) -> list:
        """In a 3D view, the collection's polygons farthest first, each with its edge
        (as mplot3d paints them, so nearer faces hide the edges behind); faces turned
        away from a solid are left out as the GPU culls them."""
        if ctx is None or not ctx.is_3d or self.outlines is None:
            return super().primitives(ctx)
        corners, face, edge, width, zsort = self.outlines
        cull = None
        if self.solid and len(face) and face[:, 3].min() >= 1:
            m = self.transform
            flip = isinstance(m, np.ndarray) and np.linalg.det(m[:3, :3]) < 0
            cull = "front" if flip else "back"
        return face_polygons(ctx, self, corners, face, None, edge, width, zsort, cull)

    def draws(self, ctx):
        draws = super().draws(ctx)
        if self.edged or not self.solid:
            # not the faces of bare solids: offsets by each face's own slope would let
            # the faces of touching boxes show through each other's edges
            draws = self.behind(draws)
        out = []
        for d in draws:
            state = d.state
            opaque = state.depth_write
            if self.edged:
                # translucent faces (drawn farthest first) write depth too: the edges
                # drawn after them show only where no nearer face covers them
                state = replace(state, polygon_offset=FACE_OFFSET,
                                depth_write=opaque or ctx.depth is not None)
            if self.solid and opaque:
                m = self.transform
                flip = isinstance(m, np.ndarray) and np.linalg.det(m[:3, :3]) < 0
                state = replace(state, cull="front" if flip else "back")
            out.append(replace(d, state=state))
        return out


class _PolygonEdges(RankedLine):
    """A collection's polygon outlines. In a 3D view's vector form the faces paint
    them (``_FaceMesh.outlines``), each with its face: nothing of their own then."""

    def __init__(self, faces: _FaceMesh) -> None:
        super().__init__()
        self.faces = faces

    def primitives(self, ctx=None) -> list:
        if ctx is not None and ctx.is_3d and self.faces.visible \
                and self.faces.outlines is not None:
            return []
        return super().primitives(ctx)


class _EdgesUnder(Visual):
    """A translucent collection's edges once more, before its faces and writing no
    depth: the nearer faces blend over the edges behind them, which the edges drawn
    after the faces (depth-tested against them) leave out, as mplot3d shows them
    through translucent faces. The same draws, buffers and transform as ``edges``."""

    def __init__(self, edges: _PolygonEdges) -> None:
        super().__init__()
        self.edges = edges

    def bounds(self):
        return self.edges.bounds()

    def draws(self, ctx):
        return [replace(d, state=replace(d.state, depth_write=False))
                for d in self.edges.draws(ctx)]

    def primitives(self, ctx=None) -> list:
        return []  # vector files paint each face with its edges


class Poly3DCollection(Art3D, _Styled3D, Artist):
    """Polygons in 3D (mplot3d's ``art3d.Poly3DCollection``): faces drawn as one mesh
    (each polygon a fan of triangles, earcut where it is not convex), edges as one line.
    ``shade=True`` shades the face colors by the polygons' normals and the light source,
    as mplot3d does.

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
        if zsort not in ("average", "min", "max"):
            raise ValueError(f"zsort: got {zsort!r}, expected 'average', 'min' or 'max'")
        Artist.__init__(self, axes, label, zorder)
        self.axlim_clip = bool(axlim_clip)
        self._mesh = _FaceMesh(shading=None)
        self._edges = _PolygonEdges(self._mesh)
        self._under = _EdgesUnder(self._edges)
        self._zsort = zsort
        self._shade, self._lightsource = bool(shade), lightsource
        self.set_verts(verts)
        self._init_style(len(self._polys), facecolors, edgecolors, linewidths, alpha, cmap,
                         norm, None, None, default_face="C0")
        # matplotlib's antialiased=False hides seams between polygons: lumos draws the
        # faces as one mesh, which has none either way; the edges are drawn as told
        self._edges.antialiased = _take_antialiased(kwargs, "patch.antialiased")

    def set_solid(self, solid: bool) -> None:
        """Whether the polygons close solids, outward faces counter-clockwise (bar3d,
        voxels): the faces turned away are then not drawn."""
        self._mesh.solid = bool(solid)

    def set_verts(self, verts, closed: bool = True) -> None:
        """New polygons (a list of (N, 3) vertex arrays); ``closed=False`` raises
        TypeError (lumos outlines every polygon closed)."""
        if not closed:
            raise TypeError("set_verts: closed=False is not supported (lumos outlines every "
                            "polygon closed)")
        self._polys = _as_polygons(verts)
        self._n = len(self._polys)
        self._changed()

    set_verts_and_codes = set_verts

    def get_vertices(self) -> list[np.ndarray]:
        return [p.copy() for p in self._polys]

    def visuals(self) -> list:
        return [self._mesh, self._edges, self._under]

    def set_visible(self, visible: bool) -> None:
        super().set_visible(visible)
        self._stale3d = True

    def face_rgba(self) -> np.ndarray:
        rgba = super().face_rgba()
        if self._shade and self._array is None and self._n:
            rgba = shade_colors(rgba, generate_normals(self._polys), self._lightsource)
        return rgba

    def edge_rgba(self) -> np.ndarray | None:
        """Edge colors; ``shade`` shades the given ones as the faces (mplot3d)."""
        rgba = super().edge_rgba()
        if self._shade and rgba is not None and self._n:
            rgba = shade_colors(rgba, generate_normals(self._polys), self._lightsource)
        return rgba

    def _update3d(self) -> None:
        # axlim_clip: corners outside the limits left out, as non-finite ones (mplot3d
        # masks them)
        polys = [self.axes.scaled(q[np.isfinite(q).all(axis=1)])
                 for q in map(self.clip_to_limits, self._polys)]
        face = self.face_rgba()
        verts, faces, cols = [], [], []
        k = 0
        for p, c, tri in zip(polys, face, polygon_triangles(polys), strict=True):
            m = len(p)
            if m < 3 or c[3] <= 0:
                continue
            verts.append(p)
            faces.append(tri + k)
            cols.append(np.repeat(c[None], m, axis=0))
            k += m
        self._mesh.visible = self._visible and k > 0
        if k:
            # translucent polygons sort whole by their corners' mean depth (mplot3d's
            # zsort 'average'), not triangle by triangle
            sizes = np.array([len(v) for v in verts])
            corner_polygon = np.repeat(np.arange(len(verts)), sizes)
            face_polygon = np.repeat(np.arange(len(verts)), [len(t) for t in faces])
            self._mesh.set_data(np.concatenate(verts), np.concatenate(faces),
                                vertex_colors=np.concatenate(cols),
                                polygons=(np.arange(k), corner_polygon, face_polygon))
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
            self._under.order = self._mesh.order - 0.5
        self._under.visible = self._edges.visible and self._mesh.visible \
            and self._mesh.order >= TRANSLUCENT_ORDER
        self._mesh.outlines = _outlines(polys, face, edge if self._edges.visible else None,
                                        width, self._zsort)

    def data_limits3d(self):
        return limits3(np.concatenate(self._polys)) if self._polys else None

    def points3d(self) -> np.ndarray | None:
        return np.array([p.mean(axis=0) for p in self._polys]) if self._polys else None

    def pick_index(self, index: int, part=None) -> int:
        """The polygon of a picked triangle."""
        sizes = np.array([max(len(p[np.isfinite(p).all(axis=1)]) - 2, 0)
                          for p in self._polys])
        return int(np.searchsorted(np.cumsum(sizes), index, side="right"))


def _outlines(polys: list, face: np.ndarray, edge, width: float, zsort: str):
    """``_FaceMesh.outlines`` of polygons (m, 3) with at least two corners, padded to
    one corner count by repeating their last corner; None when there are none."""
    keep = [i for i, p in enumerate(polys) if len(p) >= 2]
    if not keep:
        return None
    k = max(3, max(len(polys[i]) for i in keep))
    corners = np.array([np.r_[polys[i], np.repeat(polys[i][-1:], k - len(polys[i]), axis=0)]
                        for i in keep])
    rgba = np.array(face[keep], dtype=np.float64)
    rgba[[len(polys[i]) < 3 for i in keep], 3] = 0.0  # a segment outlines, fills nothing
    return corners, rgba, None if edge is None else np.asarray(edge)[keep], width, zsort


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
        antialiased = _take_antialiased(kwargs, "lines.antialiased")
        if kwargs:
            raise TypeError(f"Line3DCollection: unexpected keyword arguments {sorted(kwargs)}")
        Artist.__init__(self, axes, label, zorder)
        self.axlim_clip = bool(axlim_clip)
        self._line = RankedLine(antialiased=antialiased)
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
        segs = [self.axes.scaled(self.clip_to_limits(s)) for s in self._segments if len(s)]
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
            return limits3(self._autolim)
        segs = [s for s in self._segments if len(s)]
        return limits3(np.concatenate(segs)) if segs else None

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


def _take_antialiased(kwargs: dict, default: str) -> bool:
    """The ``antialiased`` keyword of a collection (None or absent: rcParams
    ``default``, as matplotlib's)."""
    value = kwargs.pop("antialiased", None)
    return bool(rcParams[default] if value is None else value)


def _no_args(args: tuple, where: str) -> None:
    if args:
        raise TypeError(f"{where}: got {len(args)} extra positional arguments")


class Surface3DCollection(Art3D, _Styled3D, Artist):
    """What ``plot_surface`` returns: a grid of quadrilaterals drawn by one
    :class:`~lumos.visuals.Surface` (holes where heights are NaN), colored per cell as
    mplot3d colors its polygons (mean height through ``cmap``, face colors, or one color
    shaded by the light source). ``set_zdata(Z)`` replaces the heights on the same grid."""

    zorder = 1.0

    def __init__(self, axes, X, Y, Z, row_inds, col_inds, *, cmap=None, norm=None,
                 vmin=None, vmax=None, facecolors=None, color=None, shade=True,
                 lightsource=None, alpha=None, edgecolors=None, linewidths=None,
                 label=None, zorder=None, axlim_clip: bool = False) -> None:
        Artist.__init__(self, axes, label, zorder)
        self.axlim_clip = bool(axlim_clip)
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
            self._shown_xy = np.stack([X[sub], Y[sub]], axis=-1)  # in scale space
            self._visual = _FaceSurface(X[sub], Y[sub], Z[sub], shading=None,
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
        pts = np.stack([X[sub], Y[sub], Z[sub]], axis=-1)
        if self.axlim_clip:  # points outside the limits: holes, as NaN heights make
            out = np.isnan(self.clip_to_limits(pts.reshape(-1, 3))[:, 0])
            pts[..., 2][out.reshape(pts.shape[:2])] = np.nan
        grid = self.axes.scaled(pts)
        if not np.array_equal(grid[..., :2], self._shown_xy, equal_nan=True):
            v.set_data(grid[..., 0], grid[..., 1], grid[..., 2])  # a scale changed
            self._shown_xy = grid[..., :2]
        elif not np.array_equal(v.z, grid[..., 2], equal_nan=True):
            v.set_zdata(grid[..., 2])
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
        return limits3(np.c_[X.ravel(), Y.ravel(), Z.ravel()])

    def points3d(self) -> np.ndarray:
        X, Y, Z = self._grid
        sub = np.ix_(self._rows, self._cols)
        return np.c_[X[sub].ravel(), Y[sub].ravel(), Z[sub].ravel()]

    def pick_index(self, index: int, part=None) -> int:
        """The cell (row * columns + column of the sampled grid) of a picked triangle."""
        return int(index) // 2

