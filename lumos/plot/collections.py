"""The base of the artists that draw into a few visuals of the axes' view
(:class:`Collection`), the helpers they share (scale space, limits, color rows,
filling a Mesh or a Line), and the simplest kinds: :class:`LineCollection` (``hlines``,
``vlines``, error bars), :class:`CapLines` (error bar caps) and :class:`QuadMesh`
(``pcolormesh``).

Every artist here keeps its data in data units (float64 copies) and pushes scale-space
geometry into a few visuals of the axes' view: all faces of an artist go in one Mesh
(flat triangles with per-vertex colors), all its outlines in one Line per line style.
A bar chart of any size is therefore two draws, a filled contour plot one.

Artists whose shape depends on pixels or on the view limits (error bar caps, arrows,
lines spanning the axes) recompute it in ``draw_overlay(ov)``, which the figure calls
every frame after the layout; the others only refresh there if the dpi changed.

The other kinds: :mod:`lumos.plot.bars` (``bar``, ``hist``), :mod:`lumos.plot.containers`
(what ``bar``, ``errorbar`` and ``stem`` return), :mod:`lumos.plot.polygons` (``fill``,
``fill_between``, ``axhspan``), :mod:`lumos.plot.axlines` (``axhline``, ``axvline``),
:mod:`lumos.plot.contour`, :mod:`lumos.plot.quiver` and
:class:`lumos.plot.annotations.Annotation` (``annotate``).
"""

from __future__ import annotations

import inspect

import numpy as np

from .. import colors
from .. import primitives as prim
from ..visuals import Line, Mesh
from .artists import Artist, LegendHandle, ScalarMappable, check_linestyle
from .legend_best import Obstacles
from .snapping import marker_ends, marker_origin, rectilinear
from .style import dash_offset, dash_pattern, rcParams

_MESH_SET_DATA_TAKES_COLORS = "vertex_colors" in inspect.signature(Mesh.set_data).parameters


# -- coordinates ------------------------------------------------------------------------
def to_scale(axis, values) -> np.ndarray:
    """Data values (float64) to the axis' scale space, by its rules for values outside
    its domain (log: clipped far below the view, so a bar or a fill down to 0 reaches
    the edge; masked with ``nonpositive='mask'``)."""
    with np.errstate(all="ignore"):
        return np.asarray(axis.scale.forward(np.asarray(values, dtype=float)), dtype=float)


def finite_limits(values, scale) -> tuple[float, float] | None:
    """(min, max) of the finite values valid on the scale (log and logit ignore <= 0),
    or None."""
    v = np.asarray(values, dtype=float).ravel()
    v = v[np.isfinite(v)]
    if scale.fits_positive:
        v = v[v > 0]
    if v.size == 0:
        return None
    return float(v.min()), float(v.max())


def finite_limits_xy(x, y, ax) -> tuple | None:
    """((xmin, xmax), (ymin, ymax)) of the finite values valid on the axes' scales (see
    :func:`finite_limits`), or None when x or y has none."""
    lx = finite_limits(x, ax.xaxis.scale)
    ly = finite_limits(y, ax.yaxis.scale)
    if lx is None or ly is None:
        return None
    return lx, ly


def axes_fraction_to_scale(axis, f) -> np.ndarray:
    """Axes fraction (0 at the left/bottom edge) to scale space, inverted axes included."""
    s0, s1 = axis.scaled_interval()
    f = np.asarray(f, dtype=float)
    return s1 - f * (s1 - s0) if axis.inverted else s0 + f * (s1 - s0)


# -- colors -----------------------------------------------------------------------------
def color_rows(c, argument: str) -> np.ndarray:
    """(k, 4) float64 rows for one color or a sequence of colors ('none' is transparent)."""
    if c is None:
        return np.zeros((1, 4))
    return colors.to_rgba_array(c, dtype=np.float64, argname=argument)


def cycle_rows(rows: np.ndarray, n: int, alpha) -> np.ndarray:
    """``n`` rows cycling through ``rows`` (matplotlib cycles short color lists); ``alpha``
    replaces the alpha of visible colors."""
    if n == 0 or len(rows) == 0:
        return np.zeros((n, 4))
    out = rows[np.arange(n) % len(rows)].astype(float)
    if alpha is not None:
        out[:, 3] = np.where(out[:, 3] > 0, float(alpha), 0.0)
    return out


def hatch_rgba(given, edge, alpha=None, *, collection: bool = False) -> tuple:
    """The color of a hatch: the one given (``hatchcolor``; NaN: none given), else
    ``hatch.color`` faded by ``alpha`` unless that says 'edge', else the edge color, else
    ``patch.edgecolor`` where the edge is invisible (matplotlib's rule: a collection's
    ``alpha`` fades that default too, a patch's does not)."""
    if given is not None and np.isfinite(given).all():
        return tuple(float(c) for c in given)
    spec = rcParams.get("hatch.color", "edge")
    if spec not in ("edge", None):
        return colors.to_rgba(spec, alpha)
    if edge[3] > 0:
        return tuple(float(c) for c in edge)
    return colors.to_rgba(rcParams["patch.edgecolor"], alpha if collection else None)


def set_hatches(visual, figure, rings, hatches, rgba) -> bool:
    """Fill the Paths ``visual`` with the hatch of each ring (projected space; a hatch
    of None or '' leaves its ring out) in its color, lines ``hatch.linewidth`` wide and
    tiles an inch wide from the canvas' top left, as matplotlib's; whether any."""
    width = figure.points_to_pixels(rcParams.get("hatch.linewidth", 1.0))
    paths = [prim.Path(ring, fill=None, hatch=h, hatch_width=width, hatch_color=tuple(c))
             for ring, h, c in zip(rings, hatches, rgba, strict=True) if h]
    visual.set_paths(paths)
    visual.hatch_unit = figure.dpi
    visual.canvas_height = figure.canvas.size[1]
    return bool(paths)


def check_alpha(alpha, per_item: bool = False):
    """None, an opacity in 0..1 (a float) or, with ``per_item``, a 1D array of them
    (copied), or an error naming ``alpha``."""
    if alpha is None:
        return None
    if isinstance(alpha, (str, bytes)):
        raise TypeError(f"alpha: got str {alpha!r}, expected a number in 0..1"
                        + (" (or one per item)" if per_item else ""))
    a = np.asarray(alpha, dtype=float) if per_item else np.asarray(float(alpha))
    if a.ndim > 1 or not np.all((a >= 0) & (a <= 1)):
        raise ValueError(f"alpha: got {alpha!r}, expected "
                         + ("numbers in 0..1" if per_item else "a number in 0..1"))
    return float(a) if a.ndim == 0 else a.copy()


def legend_box(face: np.ndarray, edge: np.ndarray, width: float) -> tuple[tuple, tuple | None]:
    """(face RGBA, edge RGBA or None) of a collection's legend box: its first face and
    edge colors (rows), the edge left out when transparent or ``width`` is not > 0."""
    f = tuple(face[0]) if len(face) else (0.0, 0.0, 0.0, 0.0)
    e = tuple(edge[0]) if len(edge) else None
    if e is not None and (e[3] == 0 or not width > 0):
        e = None
    return f, e


def short_linestyle(ls) -> str | None:
    """'-', '--', ':', '-.' or None for any of matplotlib's line style names."""
    ls = check_linestyle(ls)
    return {"solid": "-", "dashed": "--", "dotted": ":", "dashdot": "-."}.get(ls, ls)


# -- visuals ----------------------------------------------------------------------------
def set_mesh(mesh: Mesh, verts: np.ndarray, faces: np.ndarray, rgba: np.ndarray) -> bool:
    """Replace a flat Mesh's triangles and per-vertex colors (one row broadcasts);
    returns whether there is anything to draw."""
    verts = np.asarray(verts, dtype=float).reshape(-1, 2)
    faces = np.asarray(faces, dtype=np.int64).reshape(-1, 3)
    rgba = np.broadcast_to(np.asarray(rgba, dtype=float).reshape(-1, 4), (len(verts), 4)) \
        if len(rgba) == 1 else np.asarray(rgba, dtype=float).reshape(-1, 4)
    normals = np.zeros((len(verts), 3))  # unused without shading: skips computing them
    if _MESH_SET_DATA_TAKES_COLORS:
        mesh.set_data(verts, faces, normals=normals, vertex_colors=rgba)
    else:
        mesh.color = "none"  # per-vertex colors sized for the old vertices would not fit
        mesh.set_data(verts, faces, normals=normals)
        if len(verts):
            mesh.vertex_colors = rgba
    return bool(len(faces)) and bool(np.any(rgba[:, 3] > 0))


def join_polylines(polylines, rgba: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One (N, 2) array with NaN rows between polylines, and per-point colors.

    ``polylines`` is a list of (K, 2) arrays or one (M, K, 2) array of equal lengths."""
    if isinstance(polylines, np.ndarray) and polylines.ndim == 3:
        m, k = polylines.shape[:2]
        if m == 0:
            return np.zeros((0, 2)), np.zeros((0, 4))
        pts = np.full((m, k + 1, 2), np.nan)
        pts[:, :k] = polylines
        cols = np.repeat(np.asarray(rgba, float)[:, None, :], k + 1, axis=1)
        return pts.reshape(-1, 2)[:-1], cols.reshape(-1, 4)[:-1]
    lengths = np.array([len(p) for p in polylines], dtype=int)
    if lengths.size == 0:
        return np.zeros((0, 2)), np.zeros((0, 4))
    total = int(lengths.sum() + len(lengths) - 1)
    pts = np.full((total, 2), np.nan)
    # the break rows keep alpha 0, which routes even opaque outlines through the Line's
    # layer (each pixel's coverage once, as Agg fills a contour level's or a triplot's
    # one path): drawn straight, shared edges blend twice (tri.py: 973 pixels, further
    # from matplotlib's; stop 33)
    cols = np.zeros((total, 4))
    starts = np.r_[0, np.cumsum(lengths + 1)[:-1]]
    for p, c, s in zip(polylines, np.asarray(rgba, float), starts, strict=True):
        pts[s:s + len(p)] = p
        cols[s:s + len(p)] = c
    return pts, cols


def set_line(line: Line, polylines, rgba, width_px: float, dashes) -> bool:
    """Replace a Line's polylines (per-line colors); returns whether anything shows."""
    rgba = np.asarray(rgba, dtype=float).reshape(-1, 4)
    if isinstance(polylines, np.ndarray) and polylines.ndim == 3:
        keep = rgba[:, 3] > 0
        polylines, rgba = polylines[keep], rgba[keep]
    else:
        keep = [i for i, p in enumerate(polylines) if len(p) >= 2 and rgba[i, 3] > 0]
        polylines = [polylines[i] for i in keep]
        rgba = rgba[keep] if len(keep) else np.zeros((0, 4))
    line.color = "black"  # a color spec that fits any point count
    if len(polylines) == 0 or width_px <= 0:
        line.set_data(np.zeros((0, 2)))
        return False
    pts, cols = join_polylines(polylines, rgba)
    line.width = float(width_px)
    line.dashes = dashes
    line.set_data(pts)
    line.color = cols
    return True


# -- the base class ---------------------------------------------------------------------
class Collection(Artist):
    """Filled faces (one Mesh) and outlines (Line visuals) of many patches.

    Colors follow matplotlib: ``facecolor`` and ``edgecolor`` are one color or one per
    item (cycled), ``alpha`` replaces their alpha, ``linewidth`` is in points.
    Subclasses implement ``_build()``.
    """

    zorder = 1.0
    space = "projected"  # geometry is triangulated where it is drawn: after the projection
    _view_dependent = False  # geometry depends on pixels or view limits: redo per frame
    _page_name = "a collection"  # what a page names when it cannot follow the geometry
    #: whether they draw as matplotlib's patches do, where a hidden edge snaps as no
    #: edge (collections snap by their line width whatever their edge color)
    _as_patch = False

    def __init__(self, axes, facecolor="C0", edgecolor="none", linewidth=None, linestyle="-",
                 alpha=None, label=None, zorder=None, n_lines: int = 1) -> None:
        super().__init__(axes, label, zorder)
        self._mesh = Mesh(shading=None, color="none")
        # matplotlib's defaults: butt caps (_line_cap); round joins, or a patch's miter
        self._line_visuals = [Line(width=1.0, cap="butt",
                                   join="miter" if self._as_patch else "round")
                              for _ in range(n_lines)]
        self._shown = [False] * (1 + n_lines)
        self._facecolors = color_rows(facecolor, "facecolor")
        self._edgecolors = color_rows(edgecolor, "edgecolor")
        self._linewidth = _points(rcParams["patch.linewidth"] if linewidth is None
                                  else linewidth, "linewidth")
        self._linestyle = short_linestyle(linestyle)
        self._alpha = check_alpha(alpha)
        self.sticky: tuple[np.ndarray, np.ndarray] = (np.zeros(0), np.zeros(0))
        self._built_for = None

    # what subclasses provide
    def _build(self):
        """``(fill, lines)``: fill is ``(verts (N, 2), faces (M, 3), rgba (N, 4))`` in the
        axes' projected space (``_view``) or None; lines has one ``(polylines, rgba,
        width_pt, linestyle)`` per Line visual. Faces are triangulated after the
        projection, so polar fills are right."""
        raise NotImplementedError

    def _view(self, pts: np.ndarray) -> np.ndarray:
        """Scale-space points (N, 2) where the axes' view draws them (``transProjection``):
        the same array for rectilinear axes."""
        t = self.axes.transProjection.frozen()
        return pts if t.is_linear else t.forward(np.asarray(pts, dtype=float).reshape(-1, 2))

    # what the axes asks
    def visuals(self) -> list:
        return [self._mesh, *self._line_visuals]

    def rescale(self) -> None:
        self._update_geometry()
        self._changed()

    def draw_overlay(self, ov) -> None:
        """Called every frame after the layout: redo pixel-dependent geometry if the view,
        the box or the dpi moved since it was built."""
        if self._state() != self._built_for:
            self._update_geometry()

    def _state(self):
        """What the geometry was built for: the view (pixel-dependent geometry), else the
        dpi and the projection (the geometry is built in projected space)."""
        ax = self.axes
        return ax.view_state() if self._view_dependent else (ax.figure.dpi,
                                                             ax.transProjection.frozen())

    def _update_geometry(self) -> None:
        self._built_for = self._state()
        fill, lines = self._build()
        if fill is None:
            fill = (np.zeros((0, 2)), np.zeros((0, 3), dtype=np.int64), np.zeros((0, 4)))
        shown = [set_mesh(self._mesh, *fill)]
        px = self.axes.figure.points_to_pixels
        snap = self._snaps(lines)
        self._mesh.snap = self._snap_width(lines) if snap else None
        for visual, (polylines, rgba, width, ls) in zip(self._line_visuals, lines, strict=True):
            w = px(width)
            visual.dash_offset = dash_offset(ls, w)
            shown.append(set_line(visual, polylines, rgba, w, dash_pattern(ls, w)))
            visual.snap = snap
            visual.cap = self._line_cap()
        self._shown = shown
        self._sync_visuals()
        if self._view_dependent:
            for visual in self.visuals():
                visual.follow = self._page_follow()

    def set_snap(self, snap) -> None:
        """Whether the paths sit on the pixel grid (``Artist.set_snap``)."""
        super().set_snap(snap)
        if self.axes is not None:
            self._update_geometry()

    def _line_cap(self) -> str:
        """The cap of the Line visuals' ends: matplotlib's butt; a patch's closed outline
        projecting, which fills its first corner as the miter join would (the Line
        visual does not join a ring's last segment to its first)."""
        return "projecting" if self._as_patch and self._closed_rings else "butt"

    #: whether the outlines ``_build`` gives are closed rings (back to the first point)
    _closed_rings = True

    def _snaps(self, lines) -> bool:
        """Whether Agg snaps the paths (``get_snap``; None: when every outline of
        ``lines``, ``_build``'s, is made of horizontal and vertical segments, in axes
        that keep them so). The Line shader rounds the straight segments, the Mesh
        shader every vertex of the faces these outlines bound."""
        snap = self.get_snap()
        if snap is not None:
            return snap
        ax = self.axes
        groups = [polylines for polylines, *_ in lines if len(polylines)]
        return bool(groups) and ax.transProjection.frozen().is_linear and \
            all(rectilinear(ax, polylines) for polylines in groups)

    def _snap_width(self, lines) -> float:
        """The stroke width in pixels Agg snaps the faces for (an odd number of pixels:
        on pixel middles): the first group of outlines drawn, or the line width."""
        px = self.axes.figure.points_to_pixels
        for _, rgba, width, ls in lines:
            drawn = ls and len(rgba) and (
                np.asarray(rgba, float).reshape(-1, 4)[:, 3] > 0).any()
            if drawn or not self._as_patch:
                return px(width)
        return 0.0

    def _page_follow(self) -> dict:
        """What a page, which moves the camera alone, does with geometry built for one
        view: by default it shows it as exported and says so (only Python rebuilds it)."""
        return {"kind": "frozen", "what": self._page_name}

    def _shown_flags(self) -> list:
        """Whether each of ``visuals()`` has something to draw."""
        return self._shown

    def _sync_visuals(self) -> None:
        for visual, shown in zip(self.visuals(), self._shown_flags(), strict=True):
            visual.visible = bool(shown) and self._visible
            visual.order = self.zorder

    def _changed(self) -> None:
        if hasattr(self, "_shown"):
            self._sync_visuals()
        super()._changed()

    def _restyle(self) -> None:
        """Colors or widths changed: rebuild (cheap next to the data's size)."""
        self.rescale()

    # colors and style, matplotlib's accessors
    def face_rgba(self, n: int) -> np.ndarray:
        return cycle_rows(self._facecolors, n, self._alpha)

    def edge_rgba(self, n: int) -> np.ndarray:
        return cycle_rows(self._edgecolors, n, self._alpha)

    def get_facecolor(self) -> np.ndarray:
        return cycle_rows(self._facecolors, len(self._facecolors), self._alpha)

    def get_edgecolor(self) -> np.ndarray:
        return cycle_rows(self._edgecolors, len(self._edgecolors), self._alpha)

    def set_facecolor(self, c) -> None:
        self._facecolors = color_rows(c, "facecolor")
        self._restyle()

    def set_edgecolor(self, c) -> None:
        self._edgecolors = color_rows(c, "edgecolor")
        self._restyle()

    def set_color(self, c) -> None:
        """Face and edge color at once, like matplotlib."""
        self._facecolors = color_rows(c, "color")
        self._edgecolors = self._facecolors.copy()
        self._restyle()

    def get_alpha(self) -> float | None:
        return self._alpha

    def set_alpha(self, alpha) -> None:
        self._alpha = check_alpha(alpha)
        self._restyle()

    def get_linewidth(self) -> float:
        return self._linewidth

    def set_linewidth(self, lw) -> None:
        self._linewidth = _points(lw, "linewidth")
        self._restyle()

    def get_linestyle(self) -> str:
        return self._linestyle or "None"

    def set_linestyle(self, ls) -> None:
        self._linestyle = short_linestyle(ls)
        self._restyle()

    set_facecolors = set_facecolor
    set_edgecolors = set_edgecolor
    set_linewidths = set_linewidth
    get_facecolors = get_facecolor
    get_edgecolors = get_edgecolor

    def legend_handle(self, fontsize_px: float) -> LegendHandle:
        """A box in the face and edge colors."""
        return LegendHandle(patch=self.legend_patch())

    def legend_patch(self) -> tuple[tuple, tuple | None]:
        """(face rgba, edge rgba or None) of the legend's box for this artist."""
        return legend_box(self.face_rgba(1), self.edge_rgba(1), self._linewidth)


def _points(value, argument: str) -> float:
    """A width in points: a number, or a sequence of one value (per item) repeated; these
    collections draw one width for all their items, so different ones are refused."""
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{argument}: got str {value!r}, expected a number of points")
    arr = np.asarray(value, dtype=float).ravel()
    if arr.size == 0:
        return 0.0
    if arr.size > 1 and not np.all(arr == arr[0]):
        raise ValueError(f"{argument}: got {arr.size} different widths ({value!r}); lumos "
                         "draws one width for all items of this call: pass one number")
    v = float(arr[0])
    if not np.isfinite(v) or v < 0:
        raise ValueError(f"{argument}: got {value!r}, expected a number >= 0")
    return v


# -- lines ------------------------------------------------------------------------------
class LineCollection(Collection):
    """Many polylines in one draw (matplotlib's LineCollection): error bars, stems,
    ``hlines``/``vlines``."""

    zorder = 2.0

    def __init__(self, axes, segments, colors="C0", linewidth=None, linestyle="-",
                 alpha=None, label=None, zorder=None) -> None:
        lw = rcParams["lines.linewidth"] if linewidth is None else linewidth
        super().__init__(axes, facecolor="none", edgecolor=colors, linewidth=lw,
                         linestyle=linestyle, alpha=alpha, label=label, zorder=zorder)
        self._segments = self._check(segments)
        self.rescale()

    @staticmethod
    def _check(segments):
        if isinstance(segments, np.ndarray) and segments.ndim == 3:
            return np.array(segments, dtype=float, copy=True)
        return [np.array(s, dtype=float, copy=True).reshape(-1, 2) for s in segments]

    def set_segments(self, segments) -> None:
        self._segments = self._check(segments)
        self.rescale()

    def get_segments(self) -> list[np.ndarray]:
        return [np.array(s) for s in self._segments]

    def get_color(self) -> np.ndarray:
        return self.get_edgecolor()

    def set_color(self, c) -> None:
        self._edgecolors = color_rows(c, "color")
        self._restyle()

    def _scaled_segments(self):
        ax = self.axes
        s = self._segments
        if isinstance(s, np.ndarray):
            return np.stack([to_scale(ax.xaxis, s[..., 0]), to_scale(ax.yaxis, s[..., 1])],
                            axis=-1)
        return [np.c_[to_scale(ax.xaxis, p[:, 0]), to_scale(ax.yaxis, p[:, 1])] for p in s]

    def _build(self):
        segs = self._scaled_segments()
        if isinstance(segs, np.ndarray):
            segs = self._view(segs.reshape(-1, 2)).reshape(segs.shape)
        else:
            segs = [self._view(p) for p in segs]
        return None, [(segs, self.edge_rgba(len(segs)), self._linewidth, self._linestyle)]

    def data_limits(self):
        s = self._segments
        if len(s) == 0:
            return None
        allv = s.reshape(-1, 2) if isinstance(s, np.ndarray) else np.concatenate(s)
        return finite_limits_xy(allv[:, 0], allv[:, 1], self.axes)

    def legend_patch(self):
        edge = tuple(self.edge_rgba(1)[0])
        return (0.0, 0.0, 0.0, 0.0), edge

    def legend_line(self) -> tuple[tuple, float, tuple | None]:
        """(rgba, width px, dashes px) of the legend's line for this artist."""
        w = self.axes.figure.points_to_pixels(self._linewidth)
        return tuple(self.edge_rgba(1)[0]), w, dash_pattern(self._linestyle, w)

    def legend_handle(self, fontsize_px: float) -> LegendHandle:
        return LegendHandle(line=self.legend_line())


class CapLines(LineCollection):
    """Error bar caps: short segments of ``2 * capsize`` points across the bar ends,
    the same size in pixels whatever the zoom (matplotlib's '_' and '|' markers)."""

    _view_dependent = True
    _page_name = "error bar caps"

    def __init__(self, axes, x, y, across: str, capsize: float, color, capthick,
                 alpha=None, zorder=None) -> None:
        self._x, self._y = np.array(x, dtype=float), np.array(y, dtype=float)
        self._across = across  # 'x': horizontal caps (y errors), 'y': vertical caps
        self._capsize = float(capsize)
        lw = rcParams["lines.markeredgewidth"] if capthick is None else capthick
        super().__init__(axes, np.zeros((0, 2, 2)), colors=color, linewidth=lw, alpha=alpha,
                         zorder=zorder)

    def get_xdata(self) -> np.ndarray:
        return self._x.copy()

    def get_ydata(self) -> np.ndarray:
        return self._y.copy()

    # matplotlib's caps are Line2D markers: their accessors, on the caps' size and stroke
    def get_marker(self) -> str:
        return "_" if self._across == "x" else "|"

    def get_markersize(self) -> float:
        return 2.0 * self._capsize

    def set_markersize(self, size) -> None:
        self._capsize = _points(size, "markersize") / 2.0
        self.rescale()

    def get_markeredgewidth(self) -> float:
        return self.get_linewidth()

    def set_markeredgewidth(self, width) -> None:
        self.set_linewidth(width)

    def get_markeredgecolor(self) -> tuple:
        return tuple(float(v) for v in self.get_color()[0])

    def set_markeredgecolor(self, color) -> None:
        self.set_color(color)

    set_ms, set_mew, set_mec = set_markersize, set_markeredgewidth, set_markeredgecolor

    def _build(self):
        ax = self.axes
        xy = np.c_[self._x, self._y]
        px = ax.transData.forward(xy)
        keep = np.isfinite(px).all(axis=1)
        px, xy = px[keep], xy[keep]
        half = ax.figure.points_to_pixels(self._capsize)
        d = np.array([half, 0.0]) if self._across == "x" else np.array([0.0, half])
        if not ax.rectangular and len(px):  # across the bar as drawn (polar: radial or
            # tangential caps, as matplotlib turns its cap markers)
            along = np.array([0.0, 1.0]) if self._across == "x" else np.array([1.0, 0.0])
            step = 1e-6 * (1.0 + np.abs(xy)) * along
            with np.errstate(all="ignore"):
                bar = ax.transData.forward(xy + step) - px
                unit = bar / np.hypot(bar[:, :1], bar[:, 1:])
            turned = np.c_[-unit[:, 1], unit[:, 0]] * half
            d = np.where(np.isfinite(turned).all(axis=1)[:, None], turned, d)
        a, b = px - d, px + d
        if ax.rectangular and self.get_snap() is not False:
            # where Agg's draw_markers puts matplotlib's '_' and '|' cap markers, in
            # whole pixels (the snapped Line adds its stroke's half pixel)
            height = float(ax.figure.canvas.size[1])
            along, across = (0, 1) if self._across == "x" else (1, 0)
            a[:, along], b[:, along] = marker_ends(px[:, along], half,
                                                   None if along == 0 else height)
            a[:, across] = b[:, across] = marker_origin(px[:, across],
                                                        None if across == 0 else height)
        to_view = ax.transView.inverse  # figure pixels to the view's (projected) space
        segs = np.stack([to_view(a), to_view(b)], axis=1) \
            if len(px) and ax.box[2] > 1 else np.zeros((0, 2, 2))
        return None, [(segs, self.edge_rgba(len(segs)), self._linewidth, None)]

    def data_limits(self):
        return finite_limits_xy(self._x, self._y, self.axes)

    def legend_obstacles(self) -> Obstacles:
        """The caps' centres and the path through them (matplotlib's caps are a line
        of markers)."""
        return Obstacles.outline([self.axes.transData.forward(np.c_[self._x, self._y])])


# -- pseudocolor meshes -----------------------------------------------------------------
class QuadMesh(Collection, ScalarMappable):
    """A grid of colored quadrilaterals (``pcolormesh``/``pcolor``), colors from
    norm + cmap; 'flat' shading duplicates vertices per quad, 'gouraud' interpolates."""

    def __init__(self, axes, X, Y, C, shading: str = "flat", cmap=None, norm=None, vmin=None,
                 vmax=None, alpha=None, edgecolor="none", linewidth=None, label=None,
                 zorder=None, antialiased: bool = False) -> None:
        super().__init__(axes, facecolor="none", edgecolor=edgecolor, linewidth=linewidth,
                         alpha=alpha, label=label, zorder=zorder)
        self.set_antialiased(antialiased)
        self._init_mappable(cmap, norm, vmin, vmax)
        self._X, self._Y = np.array(X, dtype=float), np.array(Y, dtype=float)
        self._shading = shading
        self._C = np.zeros(0)
        self.set_array(C)
        finite = np.isfinite(self._X) & np.isfinite(self._Y)
        if finite.any():
            self.sticky = (np.array([self._X[finite].min(), self._X[finite].max()]),
                           np.array([self._Y[finite].min(), self._Y[finite].max()]))

    def set_antialiased(self, aa) -> None:
        """Smooth cell edges (True) or hard ones, each pixel in or out (False, matplotlib's
        default for pcolormesh and pcolor); the cells' faces abut without seams either
        way, as Agg draws them."""
        for visual in self._line_visuals:
            visual.antialiased = bool(aa)
        self._changed()

    def get_antialiased(self) -> bool:
        """Whether the cell edges are antialiased."""
        return bool(self._line_visuals[0].antialiased)

    def set_array(self, C) -> None:
        """New values (same grid); NaN or masked cells are transparent."""
        arr = np.ma.masked_invalid(np.ma.array(C, dtype=float, copy=True))
        ny, nx = self._X.shape
        want = (ny, nx) if self._shading == "gouraud" else (ny - 1, nx - 1)
        if arr.size == want[0] * want[1] and arr.shape != want:
            arr = arr.reshape(want)
        if arr.shape != want:
            raise ValueError(f"C: got shape {arr.shape}, expected {want} for coordinates of "
                             f"shape {self._X.shape} and shading={self._shading!r}")
        self._C = arr.filled(np.nan)
        self.autoscale_clim(self._C)
        self.rescale()

    def get_array(self) -> np.ndarray:
        return np.ma.masked_invalid(self._C.copy())

    def get_coordinates(self) -> np.ndarray:
        return np.stack([self._X, self._Y], axis=-1)

    def _mapping_changed(self) -> None:
        self.rescale()

    def _rgba(self, values: np.ndarray) -> np.ndarray:
        rgba = np.asarray(self.cmap(self.norm(values.ravel())), dtype=float).reshape(-1, 4)
        if self._alpha is not None:
            rgba[:, 3] = np.where(np.isfinite(values.ravel()), self._alpha, rgba[:, 3])
        return rgba

    def _build(self):
        ax = self.axes
        sx, sy = to_scale(ax.xaxis, self._X), to_scale(ax.yaxis, self._Y)
        projected = self._view(np.c_[sx.ravel(), sy.ravel()])
        sx, sy = projected[:, 0].reshape(sx.shape), projected[:, 1].reshape(sy.shape)
        ny, nx = sx.shape
        if self._shading == "gouraud":
            verts = np.c_[sx.ravel(), sy.ravel()]
            idx = np.arange(ny * nx).reshape(ny, nx)
            a, b, c, d = idx[:-1, :-1], idx[:-1, 1:], idx[1:, 1:], idx[1:, :-1]
            faces = np.r_[np.c_[a.ravel(), b.ravel(), c.ravel()],
                          np.c_[a.ravel(), c.ravel(), d.ravel()]]
            # a triangle with a masked (or non-finite) corner is not drawn, as matplotlib
            # leaves it out (not even in the colormap's 'bad' color)
            bad = ~np.isfinite(np.asarray(self._C, dtype=float).ravel())
            faces = faces[~bad[faces].any(axis=1)]
            rgba = self._rgba(self._C)
        else:
            corners = [(slice(None, -1), slice(None, -1)), (slice(None, -1), slice(1, None)),
                       (slice(1, None), slice(1, None)), (slice(1, None), slice(None, -1))]
            verts = np.stack([np.c_[sx[r, c].ravel(), sy[r, c].ravel()] for r, c in corners],
                             axis=1)
            nq = verts.shape[0]
            verts = verts.reshape(-1, 2)
            base = 4 * np.arange(nq)
            faces = np.r_[np.c_[base, base + 1, base + 2], np.c_[base, base + 2, base + 3]]
            rgba = np.repeat(self._rgba(self._C), 4, axis=0)
        grid = [np.c_[sx[j], sy[j]] for j in range(ny)] + \
            [np.c_[sx[:, i], sy[:, i]] for i in range(nx)]
        edge = self.edge_rgba(len(grid)) if self._edgecolors[:, 3].any() else np.zeros((0, 4))
        return (verts, faces, rgba), [(grid if len(edge) else [], edge, self._linewidth,
                                       self._linestyle)]

    def data_limits(self):
        return finite_limits_xy(self._X, self._Y, self.axes)

    def legend_patch(self):
        return tuple(self.cmap(0.5)), None
