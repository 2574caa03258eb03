"""Patches and collections: what ``fill_between``, ``bar``, ``hist``, ``errorbar``, ``stem``,
``pcolormesh``, ``contour``, ``quiver``, ``axhline`` and ``annotate`` return.

Every artist here keeps its data in data units (float64 copies) and pushes scale-space
geometry into a few visuals of the axes' view: all faces of an artist go in one Mesh
(flat triangles with per-vertex colors), all its outlines in one Line per line style.
A bar chart of any size is therefore two draws, a filled contour plot one.

Artists whose shape depends on pixels or on the view limits (error bar caps, arrows,
lines spanning the axes) recompute it in ``draw_overlay(ov)``, which the figure calls
every frame after the layout; the others only refresh there if the dpi changed.
"""

from __future__ import annotations

import inspect
import math

import numpy as np

from .. import colors
from .. import primitives as prim
from ..geometry import triangulate, triangulate_polygon
from ..path import Path
from ..visuals import Line, Mesh, Paths
from ..visuals.base import rgba_bytes
from ..visuals.path import hatch_counts
from .artists import Artist, LegendHandle, ScalarMappable, check_linestyle
from .lines import Line2D, step_points
from .style import dash_pattern, rcParams
from .text_artists import Text

# matplotlib's log scales 'clip' non-positive values to a huge negative exponent, so a bar
# or a fill down to 0 reaches the bottom edge of a log axis whatever the limits.
_LOG_CLIP = -1000.0
_MESH_SET_DATA_TAKES_COLORS = "vertex_colors" in inspect.signature(Mesh.set_data).parameters


# -- coordinates ------------------------------------------------------------------------
def to_scale(axis, values) -> np.ndarray:
    """Data values (float64) to the axis' scale space; log axes clip values <= 0."""
    v = np.asarray(values, dtype=float)
    with np.errstate(all="ignore"):
        if axis.scale.name == "log":
            out = np.full(v.shape, np.nan)
            pos = v > 0
            out[pos] = axis.scale.forward(v[pos])
            out[v <= 0] = _LOG_CLIP
            return out
        return np.asarray(axis.scale.forward(v), dtype=float)


def finite_limits(values, scale) -> tuple[float, float] | None:
    """(min, max) of the finite values valid on the scale (log ignores <= 0), or None."""
    v = np.asarray(values, dtype=float).ravel()
    v = v[np.isfinite(v)]
    if scale.name == "log":
        v = v[v > 0]
    if v.size == 0:
        return None
    return float(v.min()), float(v.max())


def _limits2(x, y, ax) -> tuple | None:
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


def _cycle_rows(rows: np.ndarray, n: int, alpha) -> np.ndarray:
    """``n`` rows cycling through ``rows`` (matplotlib cycles short color lists); ``alpha``
    replaces the alpha of visible colors."""
    if n == 0 or len(rows) == 0:
        return np.zeros((n, 4))
    out = rows[np.arange(n) % len(rows)].astype(float)
    if alpha is not None:
        out[:, 3] = np.where(out[:, 3] > 0, float(alpha), 0.0)
    return out


def check_alpha(alpha) -> float | None:
    if alpha is None:
        return None
    if isinstance(alpha, (str, bytes)):
        raise TypeError(f"alpha: got str {alpha!r}, expected a number in 0..1")
    a = float(alpha)
    if not 0.0 <= a <= 1.0:
        raise ValueError(f"alpha: got {alpha!r}, expected a number in 0..1")
    return a


def _short_linestyle(ls) -> str | None:
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

    def __init__(self, axes, facecolor="C0", edgecolor="none", linewidth=None, linestyle="-",
                 alpha=None, label=None, zorder=None, n_lines: int = 1) -> None:
        super().__init__(axes, label, zorder)
        self._mesh = Mesh(shading=None, color="none")
        self._line_visuals = [Line(width=1.0) for _ in range(n_lines)]
        self._shown = [False] * (1 + n_lines)
        self._facecolors = color_rows(facecolor, "facecolor")
        self._edgecolors = color_rows(edgecolor, "edgecolor")
        self._linewidth = _points(rcParams["patch.linewidth"] if linewidth is None
                                  else linewidth, "linewidth")
        self._linestyle = _short_linestyle(linestyle)
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
        for visual, (polylines, rgba, width, ls) in zip(self._line_visuals, lines, strict=True):
            w = px(width)
            shown.append(set_line(visual, polylines, rgba, w, dash_pattern(ls, w)))
        self._shown = shown
        self._sync_visuals()
        if self._view_dependent:  # Python rebuilds it per view; a page cannot (it says so)
            for visual in self.visuals():
                visual.follow = {"kind": "frozen", "what": self._page_name}

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
        return _cycle_rows(self._facecolors, n, self._alpha)

    def edge_rgba(self, n: int) -> np.ndarray:
        return _cycle_rows(self._edgecolors, n, self._alpha)

    def get_facecolor(self) -> np.ndarray:
        return _cycle_rows(self._facecolors, len(self._facecolors), self._alpha)

    def get_edgecolor(self) -> np.ndarray:
        return _cycle_rows(self._edgecolors, len(self._edgecolors), self._alpha)

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
        self._linestyle = _short_linestyle(ls)
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
        face = tuple(self.face_rgba(1)[0]) if len(self._facecolors) else (0, 0, 0, 0)
        edge = tuple(self.edge_rgba(1)[0]) if len(self._edgecolors) else None
        if edge is not None and (edge[3] == 0 or self._linewidth <= 0):
            edge = None
        return face, edge


def _points(value, argument: str) -> float:
    """A width in points: a number, or the first of a sequence (one per item)."""
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{argument}: got str {value!r}, expected a number of points")
    arr = np.asarray(value, dtype=float).ravel()
    if arr.size == 0:
        return 0.0
    v = float(arr[0])
    if not np.isfinite(v) or v < 0:
        raise ValueError(f"{argument}: got {value!r}, expected a number >= 0")
    return v


# -- bars -------------------------------------------------------------------------------
class BarCollection(Collection):
    """All bars of one ``bar``/``barh`` call: one Mesh for the faces, one Line for edges,
    and the hatches (one per bar, or None) in one Paths visual between them."""

    def __init__(self, axes, left, bottom, width, height, facecolor, edgecolor, linewidth,
                 linestyle="-", alpha=None, label=None, zorder=None,
                 orientation="vertical", hatch=None) -> None:
        self._hatch_paths = Paths()
        self._hatched = False
        super().__init__(axes, facecolor=facecolor, edgecolor=edgecolor, linewidth=linewidth,
                         linestyle=linestyle, alpha=alpha, label=label, zorder=zorder)
        self._xywh = np.c_[left, bottom, width, height].astype(float)
        n = len(self._xywh)
        self._hatches = _hatch_rows(hatch, n)
        # per-bar colors (matplotlib gives each Rectangle its own)
        self._facecolors = _cycle_rows(self._facecolors, n, None)
        self._edgecolors = _cycle_rows(self._edgecolors, n, None)
        self._bar_visible = np.ones(n, dtype=bool)
        self.bar_labels: list[str] | None = None  # one legend label per bar (label=[...])
        self.bars: list = []  # the Rectangle of each bar (the legend lists them, labelled)
        self.orientation = orientation
        stick = self._xywh[:, 1] if orientation == "vertical" else self._xywh[:, 0]
        self.sticky = (np.zeros(0), stick.copy()) if orientation == "vertical" else \
            (stick.copy(), np.zeros(0))
        self.rescale()

    def legend_members(self) -> list:
        """Itself, or each bar when the bars have a label each (``label=[...]``)."""
        return list(self.bars) if self.bar_labels is not None else [self]

    def _corners(self) -> tuple[np.ndarray, ...]:
        x0, y0, w, h = self._xywh.T
        return x0, x0 + w, y0, y0 + h

    def data_boxes(self) -> np.ndarray:
        x0, x1, y0, y1 = self._corners()
        return np.c_[x0, y0, x1, y1][self._bar_visible]

    def _build(self):
        ax = self.axes
        keep = self._bar_visible & np.isfinite(self._xywh).all(axis=1)
        x0, x1, y0, y1 = (c[keep] for c in self._corners())
        sx0, sx1 = to_scale(ax.xaxis, x0), to_scale(ax.xaxis, x1)
        sy0, sy1 = to_scale(ax.yaxis, y0), to_scale(ax.yaxis, y1)
        n = len(sx0)
        face = _cycle_rows(self._facecolors[keep], n, self._alpha)
        edge = _cycle_rows(self._edgecolors[keep], n, self._alpha)
        # a bar is a strip of k quads along x: k = 1 unless the projection bends its
        # x edges (polar bars: arcs)
        steps = ax.edge_steps(np.c_[sx0, sy1], np.c_[sx1, sy1]) if n else np.zeros(0, int)
        verts, faces, cols, outlines, start = [], [], [], [], 0
        for k in np.unique(steps):
            sel = steps == k
            m = int(sel.sum())
            t = np.linspace(0.0, 1.0, k + 1)
            xs = sx0[sel, None] + (sx1 - sx0)[sel, None] * t  # (m, k + 1)
            bottom = np.stack([xs, np.broadcast_to(sy0[sel, None], xs.shape)], axis=-1)
            top = np.stack([xs, np.broadcast_to(sy1[sel, None], xs.shape)], axis=-1)
            verts.append(np.concatenate([bottom, top], axis=1).reshape(-1, 2))
            i = np.arange(k)
            quad = np.r_[np.c_[i, i + 1, k + 2 + i], np.c_[i, k + 2 + i, k + 1 + i]]
            faces.append((quad[None] + start + 2 * (k + 1) * np.arange(m)[:, None, None])
                         .reshape(-1, 3))
            cols.append(np.repeat(face[sel], 2 * (k + 1), axis=0))
            ring = np.concatenate([bottom, top[:, ::-1], bottom[:, :1]], axis=1)
            outlines.extend(ring)
            start += m * 2 * (k + 1)
        order = np.concatenate([np.flatnonzero(steps == k) for k in np.unique(steps)]) \
            if n else np.zeros(0, int)
        fill = (self._view(np.concatenate(verts)), np.concatenate(faces),
                np.concatenate(cols)) if n else None
        outlines = [self._view(o) for o in outlines]
        self._set_hatches(outlines, self._hatches[keep][order], edge[order])
        return fill, [(outlines, edge[order], self._linewidth, self._linestyle)]

    def _set_hatches(self, outlines, hatches, edge) -> None:
        """matplotlib's hatch over each hatched bar's face: in its edge color, or
        ``patch.edgecolor`` (without the bars' alpha) where the edge is invisible."""
        fig = self.axes.figure
        fallback = colors.to_rgba(rcParams["patch.edgecolor"])
        width = fig.points_to_pixels(rcParams.get("hatch.linewidth", 1.0))
        paths = [prim.Path(ring, fill=None, hatch=h, hatch_width=width,
                           hatch_color=tuple(e) if e[3] > 0 else fallback)
                 for ring, h, e in zip(outlines, hatches, edge, strict=True) if h]
        self._hatch_paths.set_paths(paths)
        self._hatch_paths.hatch_unit = fig.dpi
        self._hatch_paths.canvas_height = fig.canvas.size[1]  # tiles start at its top left
        self._hatched = bool(paths)

    def visuals(self) -> list:
        return [self._mesh, self._hatch_paths, *self._line_visuals]

    def _shown_flags(self) -> list:
        return [self._shown[0], self._hatched, *self._shown[1:]]

    def legend_handle(self, fontsize_px: float) -> LegendHandle:
        """The first bar's box, hatched as it is."""
        return LegendHandle(patch=self.legend_patch(), hatch=self.legend_hatch(0))

    def legend_hatch(self, i: int) -> tuple | None:
        """Bar ``i``'s hatch in a legend: ``(letters, rgba, width px, tile px)``."""
        if not len(self._hatches) or not self._hatches[i]:
            return None
        fig = self.axes.figure
        edge = _cycle_rows(self._edgecolors[i:i + 1], 1, self._alpha)[0]
        rgba = tuple(edge) if edge[3] > 0 else colors.to_rgba(rcParams["patch.edgecolor"])
        return (self._hatches[i], rgba,
                fig.points_to_pixels(rcParams.get("hatch.linewidth", 1.0)), fig.dpi)

    def get_hatch(self):
        """The hatch of the first bar (matplotlib's Rectangle.get_hatch per bar)."""
        return self._hatches[0] if len(self._hatches) else None

    def set_hatch(self, hatch) -> None:
        """One hatch for every bar, or one per bar (cycled)."""
        self._hatches = _hatch_rows(hatch, len(self._xywh))
        self._restyle()

    def data_limits(self):
        keep = self._bar_visible
        x0, x1, y0, y1 = (c[keep] for c in self._corners())
        return _limits2(np.r_[x0, x1], np.r_[y0, y1], self.axes)

    def legend_patch(self):
        face = tuple(_cycle_rows(self._facecolors[:1], 1, self._alpha)[0]) if len(
            self._facecolors) else (0, 0, 0, 0)
        edge = tuple(_cycle_rows(self._edgecolors[:1], 1, self._alpha)[0]) if len(
            self._edgecolors) else None
        if edge is not None and (edge[3] == 0 or self._linewidth <= 0):
            edge = None
        return face, edge

    def get_facecolor(self) -> np.ndarray:
        return _cycle_rows(self._facecolors, len(self._facecolors), self._alpha)

    def set_facecolor(self, c) -> None:
        self._facecolors = _cycle_rows(color_rows(c, "facecolor"), len(self._xywh), None)
        self._restyle()

    def set_edgecolor(self, c) -> None:
        self._edgecolors = _cycle_rows(color_rows(c, "edgecolor"), len(self._xywh), None)
        self._restyle()

    def set_color(self, c) -> None:
        self._facecolors = _cycle_rows(color_rows(c, "color"), len(self._xywh), None)
        self._edgecolors = self._facecolors.copy()
        self._restyle()


def _hatch_rows(hatch, n: int) -> np.ndarray:
    """One hatch (a string of matplotlib's hatch letters, or None) per bar, cycled as
    matplotlib cycles ``bar(hatch=[...])``."""
    seq = [hatch] if hatch is None or isinstance(hatch, str) else list(hatch)
    if not seq:
        raise ValueError("hatch: got an empty sequence, expected a hatch or one per bar")
    for h in seq:
        hatch_counts(h)
    out = np.empty(n, dtype=object)
    out[:] = [seq[i % len(seq)] or None for i in range(n)]
    return out


class Rectangle:
    """One bar of a :class:`BarContainer`, with matplotlib's Rectangle accessors.

    Bars are drawn together by their :class:`BarCollection`; a Rectangle reads and
    writes its row there."""

    def __init__(self, collection: BarCollection, index: int) -> None:
        self._c = collection
        self._i = index

    def __repr__(self) -> str:
        x, y, w, h = self._c._xywh[self._i]
        return f"Rectangle(xy=({x:g}, {y:g}), width={w:g}, height={h:g})"

    @property
    def axes(self):
        return self._c.axes

    def _set(self, col: int, value, argument: str) -> None:
        if isinstance(value, (str, bytes)):
            raise TypeError(f"{argument}: got str {value!r}, expected a number")
        axis = self._c.axes.xaxis if col in (0, 2) else self._c.axes.yaxis
        v = axis.convert(np.asarray([value]))[0]
        self._c._xywh[self._i, col] = float(v)
        self._c.rescale()

    def get_x(self) -> float:
        return float(self._c._xywh[self._i, 0])

    def get_y(self) -> float:
        return float(self._c._xywh[self._i, 1])

    def get_width(self) -> float:
        return float(self._c._xywh[self._i, 2])

    def get_height(self) -> float:
        return float(self._c._xywh[self._i, 3])

    def get_xy(self) -> tuple[float, float]:
        return self.get_x(), self.get_y()

    def get_center(self) -> tuple[float, float]:
        x, y, w, h = self._c._xywh[self._i]
        return float(x + w / 2), float(y + h / 2)

    def get_bbox(self) -> tuple[float, float, float, float]:
        """(x0, y0, x1, y1) in data units."""
        x, y, w, h = self._c._xywh[self._i]
        return float(x), float(y), float(x + w), float(y + h)

    def set_x(self, x) -> None:
        self._set(0, x, "x")

    def set_y(self, y) -> None:
        self._set(1, y, "y")

    def set_width(self, w) -> None:
        self._set(2, w, "width")

    def set_height(self, h) -> None:
        self._set(3, h, "height")

    def set_xy(self, xy) -> None:
        self.set_x(xy[0])
        self.set_y(xy[1])

    def get_facecolor(self) -> tuple:
        return tuple(_cycle_rows(self._c._facecolors[self._i:self._i + 1], 1, self._c._alpha)[0])

    def get_edgecolor(self) -> tuple:
        return tuple(_cycle_rows(self._c._edgecolors[self._i:self._i + 1], 1, self._c._alpha)[0])

    def set_facecolor(self, color) -> None:
        self._c._facecolors[self._i] = colors.to_rgba(color, argname="facecolor")
        self._c.rescale()

    def set_edgecolor(self, color) -> None:
        self._c._edgecolors[self._i] = colors.to_rgba(color, argname="edgecolor")
        self._c.rescale()

    def set_color(self, color) -> None:
        self.set_facecolor(color)
        self.set_edgecolor(color)

    def set_alpha(self, alpha) -> None:
        a = check_alpha(alpha)
        for rows in (self._c._facecolors, self._c._edgecolors):
            if rows[self._i, 3] > 0:
                rows[self._i, 3] = 1.0 if a is None else a
        self._c.rescale()

    def get_linewidth(self) -> float:
        return self._c._linewidth

    def get_hatch(self) -> str | None:
        return self._c._hatches[self._i]

    def set_hatch(self, hatch) -> None:
        hatch_counts(hatch)
        self._c._hatches[self._i] = hatch or None
        self._c.rescale()

    def get_visible(self) -> bool:
        return bool(self._c._bar_visible[self._i]) and self._c.get_visible()

    def set_visible(self, visible: bool) -> None:
        self._c._bar_visible[self._i] = bool(visible)
        self._c.rescale()

    def remove(self) -> None:
        """Hide this bar (the others stay drawn by the same collection)."""
        self.set_visible(False)

    def get_label(self) -> str:
        labels = self._c.bar_labels
        return "_nolegend_" if labels is None else labels[self._i]

    def legend_patch(self):
        edge = self.get_edgecolor()
        return self.get_facecolor(), (edge if edge[3] > 0 and self._c._linewidth > 0
                                      else None)

    def legend_handle(self, fontsize_px: float) -> LegendHandle:
        return LegendHandle(patch=self.legend_patch(), hatch=self._c.legend_hatch(self._i))


class Container(tuple):
    """A tuple of artists with a label (matplotlib's Container)."""

    def __new__(cls, items, *args, **kwargs):
        return super().__new__(cls, items)

    def __init__(self, items, label=None) -> None:
        self._label = "" if label is None else str(label)

    def get_label(self) -> str:
        return self._label

    def set_label(self, label) -> None:
        self._label = "" if label is None else str(label)

    def get_children(self) -> list:
        out = []
        for item in self:
            if isinstance(item, (tuple, list)):
                out.extend(item)
            elif item is not None:
                out.append(item)
        return out

    def remove(self) -> None:
        for child in self.get_children():
            child.remove()

    def legend_handle(self, fontsize_px: float) -> LegendHandle | None:
        """How the container looks in a legend (None: the label alone)."""
        return None


class BarContainer(Container):
    """What ``bar``/``barh`` return: the bars as Rectangles, plus ``errorbar``,
    ``datavalues`` and ``orientation``."""

    def __init__(self, patches, errorbar=None, *, datavalues=None, orientation=None,
                 label=None, collection: BarCollection | None = None) -> None:
        super().__init__(patches)
        self.patches = list(patches)
        self.errorbar = errorbar
        self.datavalues = datavalues
        self.orientation = orientation
        self.collection = collection

    def get_label(self) -> str:
        return self.collection.get_label() if self.collection is not None else ""

    def set_label(self, label) -> None:
        if self.collection is not None:
            self.collection.set_label(label)

    def remove(self) -> None:
        if self.collection is not None:
            self.collection.remove()
        if self.errorbar is not None:
            self.errorbar.remove()

    def legend_patch(self):
        return self.collection.legend_patch()

    def legend_handle(self, fontsize_px: float) -> LegendHandle:
        return self.collection.legend_handle(fontsize_px)


class ErrorbarContainer(Container):
    """What ``errorbar`` returns: ``(data_line, caplines, barlinecols)``. ``cap_points``:
    the caps' length in points (the legend draws caps that long)."""

    def __init__(self, lines, has_xerr: bool = False, has_yerr: bool = False,
                 label=None, cap_points: float = 0.0) -> None:
        super().__init__(lines, label)
        self.lines = lines
        self.has_xerr = has_xerr
        self.has_yerr = has_yerr
        self.cap_points = float(cap_points)

    def legend_handle(self, fontsize_px: float) -> LegendHandle:
        """matplotlib's HandlerErrorbar: the data line and marker over a bar reaching half
        a font size each way from the middle, styled as the first bar collection, with
        caps styled as the first caps."""
        line, caplines, barcols = self.lines
        base = line.legend_handle(fontsize_px) if line is not None else LegendHandle()
        if not barcols:
            return base
        bar_rgba, bar_w, bar_dashes = barcols[0].legend_line()
        half = 0.5 * fontsize_px
        cap = None
        if caplines:
            fig = caplines[0].axes.figure
            edge = np.atleast_2d(caplines[0].get_edgecolor())
            width = np.ravel(caplines[0].get_linewidth())
            cap = (tuple(edge[0]) if len(edge) else (0, 0, 0, 0),
                   fig.points_to_pixels(float(width[0]) if width.size else 1.0),
                   fig.points_to_pixels(self.cap_points) / 2)
        strokes = []
        for on, across in ((self.has_xerr, 0), (self.has_yerr, 1)):
            if not on:
                continue
            ends = np.zeros((2, 3))
            ends[:, 0] = 0.5
            ends[:, 1 + across] = (-half, half)
            strokes.append((ends, bar_rgba, bar_w, bar_dashes))
            if cap is not None and cap[2] > 0:
                for end in ends:
                    c = np.array([end, end])
                    c[:, 2 - across] += (-cap[2], cap[2])
                    strokes.append((c, cap[0], cap[1], None))
        return LegendHandle(line=base.line, marker=base.marker, strokes=tuple(strokes))


class StemContainer(Container):
    """What ``stem`` returns: ``(markerline, stemlines, baseline)``."""

    def __init__(self, markerline_stemlines_baseline, label=None) -> None:
        super().__init__(markerline_stemlines_baseline, label)
        self.markerline, self.stemlines, self.baseline = markerline_stemlines_baseline

    def legend_handle(self, fontsize_px: float) -> LegendHandle:
        """matplotlib's HandlerStem: a stem from the bottom of the handle box
        (0.7 font sizes tall) to 0.6875 of its height, its marker on
        top, over a baseline along the box's bottom."""
        height = 0.7 * fontsize_px  # matplotlib's legend.handleheight
        bottom, head = -height / 2, 0.6875 * height - height / 2
        stem_rgba, stem_w, stem_dashes = self.stemlines.legend_line()
        strokes = [(((0.5, 0.0, bottom), (0.5, 0.0, head)), stem_rgba, stem_w, stem_dashes)]
        base = self.baseline.legend_handle(fontsize_px).line
        if base is not None:
            strokes.append((((0.0, 0.0, bottom), (1.0, 0.0, bottom)), *base))
        return LegendHandle(marker=self.markerline.legend_handle(fontsize_px).marker,
                            strokes=tuple(strokes), marker_dy=head)


# -- polygons ---------------------------------------------------------------------------
class Polygon(Collection):
    """One polygon (matplotlib's Polygon), e.g. a step histogram or an axhspan.

    ``xcoords``/``ycoords`` 'axes' put that coordinate in axes fraction: such a polygon
    spans the axes whatever the limits and does not take part in autoscaling along it.
    """

    def __init__(self, axes, xy, closed: bool = True, fill: bool = True, facecolor="C0",
                 edgecolor="none", linewidth=None, linestyle="-", alpha=None, label=None,
                 zorder=None, xcoords: str = "data", ycoords: str = "data") -> None:
        super().__init__(axes, facecolor=facecolor if fill else "none", edgecolor=edgecolor,
                         linewidth=linewidth, linestyle=linestyle, alpha=alpha, label=label,
                         zorder=zorder)
        self._closed = bool(closed)
        self._fill = bool(fill)
        self._coords = (xcoords, ycoords)
        self._view_dependent = "axes" in self._coords
        self._page_name = "axhspan/axvspan"
        self._xy = np.zeros((0, 2))
        self.set_xy(xy)

    def set_xy(self, xy) -> None:
        xy = np.array(xy, dtype=float, copy=True)
        if xy.ndim != 2 or xy.shape[1] != 2:
            raise ValueError(f"xy: got shape {xy.shape}, expected (N, 2)")
        self._xy = xy
        self.rescale()

    def get_xy(self) -> np.ndarray:
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

    def _build(self):
        pts = self._view(self._scaled())
        ok = np.isfinite(pts).all(axis=1)
        fill = None
        if self._fill:
            good = pts[ok]
            faces = triangulate_polygon(good)
            fill = (good, faces, self.face_rgba(1))
        outline = pts[ok]
        if self._closed and len(outline) > 2 and not np.array_equal(outline[0], outline[-1]):
            outline = np.r_[outline, outline[:1]]
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

    def _build(self):
        polys = [self._view(p) for p in self._scaled_polys()]
        n = len(polys)
        face = self.face_rgba(n)
        verts, faces, cols, offset = [], [], [], 0
        for p, c in zip(polys, face, strict=True):
            good = p[np.isfinite(p).all(axis=1)]
            tri = triangulate_polygon(good)
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
        return _limits2(allv[:, 0], allv[:, 1], self.axes)


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


class FillBetweenPolyCollection(PolyCollection):
    """The area between two curves, as ``fill_between``/``fill_betweenx`` return.

    Each contiguous valid region (``where`` and finite data) is one polygon; its band is
    triangulated strip-wise, split where the curves cross."""

    def __init__(self, axes, t_direction: str, t, f1, f2, where=None, interpolate=False,
                 step=None, facecolor="C0", edgecolor="none", linewidth=None, linestyle="-",
                 alpha=None, label=None, zorder=None) -> None:
        self.t_direction = t_direction
        self._bands: list[tuple] = []
        Collection.__init__(self, axes, facecolor=facecolor, edgecolor=edgecolor,
                            linewidth=linewidth, linestyle=linestyle, alpha=alpha, label=label,
                            zorder=zorder)
        self._verts = []
        self._data = (t, f1, f2)
        self._make_bands(t, f1, f2, where, interpolate, step)
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
            v, f = band_triangles(st, sa, sb)
            n = len(st)
            k = len(v)
            # the ends: from an interpolated crossing (or the bottom) to the first/last
            # sample; degenerate without interpolation
            v = np.r_[v, [[s0t, s0f], [s1t, s1f]]]
            f = np.r_[f, [[k, 0, n], [k + 1, n - 1, 2 * n - 1]]]
            verts.append(v)
            faces.append(f + offset)
            offset += len(v)
            outline = np.r_[[[s0t, s0f]], np.c_[st, sa], [[s1t, s1f]], np.c_[st, sb][::-1],
                            [[s0t, s0f]]]
            outlines.append(outline)
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
        return fill, [(outlines, edge, self._linewidth, self._linestyle)]

    def data_limits(self):
        t, f = self._limit_pts
        if self.t_direction == "x":
            return _limits2(t, f, self.axes)
        return _limits2(f, t, self.axes)


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
        return _limits2(allv[:, 0], allv[:, 1], self.axes)

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
        px = ax.transData.forward(np.c_[self._x, self._y])
        px = px[np.isfinite(px).all(axis=1)]
        half = ax.figure.points_to_pixels(self._capsize)
        d = np.array([half, 0.0]) if self._across == "x" else np.array([0.0, half])
        to_view = ax.transView.inverse  # figure pixels to the view's (projected) space
        segs = np.stack([to_view(px - d), to_view(px + d)], axis=1) \
            if len(px) and ax.box[2] > 1 else np.zeros((0, 2, 2))
        return None, [(segs, self.edge_rgba(len(segs)), self._linewidth, None)]

    def data_limits(self):
        return _limits2(self._x, self._y, self.axes)


class ViewLine(Line2D):
    """A line whose ends follow the view (drawn by its own visual, rebuilt when the
    limits move); subclasses give the ends in scale space with ``_ends()``."""

    def __init__(self, axes, x, y, **kwargs) -> None:
        self._visual = Line(width=1.0)
        self._built_for = None
        super().__init__(axes, x, y, **kwargs)

    def _ends(self) -> tuple[np.ndarray, np.ndarray]:
        raise NotImplementedError

    def rescale(self) -> None:
        # empty batch positions: drawn by its own visual, not batched with the other
        # lines (the batch would be rebuilt every time the limits move)
        self._scaled = np.zeros((0, 2))
        self._markers_scaled = np.zeros((0, 2))
        self._changed()

    def _update_geometry(self) -> None:
        ax = self.axes
        self._built_for = ax.view_state()
        xs, ys = self._ends()
        px = ax.figure.points_to_pixels(self._linewidth)
        rgba = np.asarray([self.line_rgba()])
        for name, value in self.line_look().items():
            setattr(self._visual, name, value)
        ok = self._linestyle is not None and set_line(
            self._visual, [np.c_[xs, ys]], rgba, px,
            dash_pattern(self._linestyle, px))
        self._visual.visible = bool(ok) and self._visible
        self._visual.order = self.zorder
        self._visual.follow = self._follow(xs, ys, rgba[0])

    def _follow(self, xs, ys, rgba) -> dict:
        """What a page, which moves the camera alone, does with this line: by default it
        says the line is frozen (Python rebuilds it per view)."""
        return {"kind": "frozen", "what": type(self).__name__}

    def _changed(self) -> None:
        self._update_geometry()
        super()._changed()

    def draw_overlay(self, ov) -> None:
        if self.axes.view_state() != self._built_for:
            self._update_geometry()

    def visuals(self) -> list:
        return [self._visual]


class AxLine(ViewLine):
    """A horizontal or vertical line across the axes (``axhline``/``axvline``): the
    position is data, the extent an axes fraction, so it spans the view whatever the
    limits and takes no part in autoscaling along it."""

    def __init__(self, axes, orientation: str, value: float, fmin: float, fmax: float,
                 **kwargs) -> None:
        self._orientation = orientation
        self._value = float(value)
        self._span = (float(fmin), float(fmax))
        if orientation == "horizontal":
            x, y = [fmin, fmax], [value, value]
        else:
            x, y = [value, value], [fmin, fmax]
        super().__init__(axes, x, y, **kwargs)

    def set_data(self, x, y=None) -> None:
        """``(xmin, xmax), (y, y)`` for a horizontal line (x in axes fraction), and the
        transpose for a vertical one, like matplotlib."""
        if y is None:
            xy = np.asarray(x)
            x, y = xy[:, 0], xy[:, 1]
        x, y = np.asarray(x), np.asarray(y)
        if self._orientation == "horizontal":
            self._span = (float(x[0]), float(x[-1]))
            self._value = float(self.axes.yaxis.convert(np.asarray(y[:1]))[0])
            x, y = np.array(self._span), np.full(2, self._value)
        else:
            self._span = (float(y[0]), float(y[-1]))
            self._value = float(self.axes.xaxis.convert(np.asarray(x[:1]))[0])
            x, y = np.full(2, self._value), np.array(self._span)
        self._x, self._y = x, y
        self.rescale()

    def _ends(self) -> tuple[np.ndarray, np.ndarray]:
        ax = self.axes
        if self._orientation == "horizontal":
            xs = axes_fraction_to_scale(ax.xaxis, self._span)
            ys = to_scale(ax.yaxis, [self._value, self._value])
        else:
            xs = to_scale(ax.xaxis, [self._value, self._value])
            ys = axes_fraction_to_scale(ax.yaxis, self._span)
        return xs, ys

    def _follow(self, xs, ys, rgba) -> dict:
        # a page spans the new view itself (follow.js)
        horizontal = self._orientation == "horizontal"
        if not self.axes.transProjection.frozen().is_linear:
            return {"kind": "frozen", "what": "axhline" if horizontal else "axvline"}
        return {"kind": "axline", "orientation": self._orientation,
                "value": float(ys[0] if horizontal else xs[0]), "span": list(self._span),
                "color": [int(v) for v in rgba_bytes(rgba)]}

    def data_limits(self):
        if self._orientation == "horizontal":
            lim = finite_limits([self._value], self.axes.yaxis.scale)
            return None if lim is None else (None, lim)
        lim = finite_limits([self._value], self.axes.xaxis.scale)
        return None if lim is None else (lim, None)


# -- pseudocolor meshes -----------------------------------------------------------------
class QuadMesh(Collection, ScalarMappable):
    """A grid of colored quadrilaterals (``pcolormesh``/``pcolor``), colors from
    norm + cmap; 'flat' shading duplicates vertices per quad, 'gouraud' interpolates."""

    def __init__(self, axes, X, Y, C, shading: str = "flat", cmap=None, norm=None, vmin=None,
                 vmax=None, alpha=None, edgecolor="none", linewidth=None, label=None,
                 zorder=None) -> None:
        super().__init__(axes, facecolor="none", edgecolor=edgecolor, linewidth=linewidth,
                         alpha=alpha, label=label, zorder=zorder)
        self._init_mappable(cmap, norm, vmin, vmax)
        self._X, self._Y = np.array(X, dtype=float), np.array(Y, dtype=float)
        self._shading = shading
        self._C = np.zeros(0)
        self.set_array(C)
        finite = np.isfinite(self._X) & np.isfinite(self._Y)
        if finite.any():
            self.sticky = (np.array([self._X[finite].min(), self._X[finite].max()]),
                           np.array([self._Y[finite].min(), self._Y[finite].max()]))

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
        return _limits2(self._X, self._Y, self.axes)

    def legend_patch(self):
        return tuple(self.cmap(0.5)), None


# -- contours ---------------------------------------------------------------------------
class ContourLevel:
    """One level of a ContourSet (what ``ContourSet.collections`` lists)."""

    def __init__(self, contour_set: ContourSet, index: int) -> None:
        self._cs = contour_set
        self.index = index

    @property
    def level(self) -> float:
        return float(self._cs.layers[self.index])

    def get_segments(self) -> list[np.ndarray]:
        """Lines (line contours) or polygon rings (filled) of this level, data units."""
        return [s.copy() for s in self._cs.allsegs[self.index]]

    def get_color(self) -> tuple:
        return tuple(self._cs._level_rgba()[self.index])


class ContourSet(Collection, ScalarMappable):
    """Contour lines or filled contours (``contour``/``contourf``): one Mesh for all filled
    levels, one Line per line style; levels and colors like matplotlib."""

    def __init__(self, axes, x, y, z, levels, filled: bool, colors_=None, cmap=None,
                 norm=None, vmin=None, vmax=None, alpha=None, linewidths=None,
                 linestyles=None, negative_linestyles=None, extend="neither", label=None,
                 zorder=None, corner_mask=True, algorithm=None, generator=None) -> None:
        self.filled = bool(filled)
        self.levels = np.asarray(levels, dtype=float)
        self.extend = extend
        self.logscale = colors.get_norm(norm).axis_scale()[0] == "log"
        zf = z.filled(np.nan) if np.ma.isMaskedArray(z) else np.asarray(z, dtype=float)
        finite = zf[np.isfinite(zf)]
        self.zmin = float(finite.min()) if finite.size else 0.0
        self.zmax = float(finite.max()) if finite.size else 1.0
        self._process_levels()
        # line styles: one Line visual per distinct (width, style)
        nlev = len(self.layers)
        self._colors_arg = colors_
        if cmap is not None and colors_ is not None:
            raise ValueError("colors and cmap: got both, expected at most one")
        lw = rcParams["lines.linewidth"] if linewidths is None else linewidths
        widths = np.resize(np.atleast_1d(np.asarray(lw, dtype=float)), nlev)
        self.monochrome = colors_ is not None and len(color_rows(colors_, "colors")) == 1
        styles = self._process_linestyles(linestyles, negative_linestyles, nlev)
        self._level_style = [(float(w), s) for w, s in zip(widths, styles, strict=True)]
        groups = [] if self.filled else sorted(set(self._level_style), key=str)
        self._groups = groups
        super().__init__(axes, facecolor="none", edgecolor="none", alpha=alpha, label=label,
                         zorder=zorder, n_lines=len(groups))
        if colors_ is not None:
            # matplotlib: a listed colormap indexed by level
            self._init_mappable(None, None, None, None)
            self._level_colors = _cycle_rows(color_rows(colors_, "colors"), nlev, None)
        else:
            self._init_mappable(cmap, norm, vmin, vmax)
            self._level_colors = None
            self.norm.autoscale_None(self.levels)
        if generator is None:
            import contourpy

            # contourpy's 'serial' gives matplotlib's default ('mpl2014') contours
            name = {None: "serial", "mpl2014": "serial"}.get(algorithm, algorithm)
            if name not in ("serial", "threaded"):
                raise ValueError(f"algorithm: got {algorithm!r}, expected 'mpl2014', 'serial' "
                                 "or 'threaded'")
            gen = contourpy.contour_generator(x, y, np.ma.masked_invalid(zf), name=name,
                                              corner_mask=corner_mask, line_type="Separate",
                                              fill_type="OuterOffset")
        else:
            gen = generator  # e.g. triangle meshes (lumos.plot.tri): the same two calls
        self.allsegs: list[list[np.ndarray]] = []
        self._polygons: list[list[tuple[np.ndarray, np.ndarray]]] = []
        # generators that cut the bands into triangles themselves (``filled_triangles``)
        self._band_meshes: list[tuple[np.ndarray, np.ndarray]] = []
        if self.filled:
            lowers, uppers = self._levels[:-1].copy(), self._levels[1:]
            if self.zmin == lowers[0]:  # the lowest interval includes the minimum
                lowers[0] = 0.99 * self.zmin if self.logscale else lowers[0] - 1
            for lo, hi in zip(lowers, uppers, strict=True):
                if hasattr(gen, "filled_triangles"):
                    self._band_meshes.append(gen.filled_triangles(lo, hi))
                points, offsets = gen.filled(lo, hi)
                polys = [(np.asarray(p, dtype=float), np.asarray(o, dtype=np.int64))
                         for p, o in zip(points, offsets, strict=True)]
                self._polygons.append(polys)
                self.allsegs.append([p[o[k]:o[k + 1]] for p, o in polys
                                     for k in range(len(o) - 1)])
        else:
            for lev in self.levels:
                self.allsegs.append([np.asarray(s, dtype=float) for s in gen.lines(lev)])
        self._x, self._y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        self._z, self._corner_mask = np.ma.masked_invalid(zf), corner_mask
        self.hatch_collections: list = []  # contourf(hatches=...): drawn over the levels
        ok = np.isfinite(self._x) & np.isfinite(self._y)
        if ok.any():
            self.sticky = (np.array([self._x[ok].min(), self._x[ok].max()]),
                           np.array([self._y[ok].min(), self._y[ok].max()]))
        self.collections = [ContourLevel(self, i) for i in range(nlev)]
        self.rescale()

    def remove(self) -> None:
        for c in self.hatch_collections:
            c.remove()
        super().remove()

    def filled_paths(self, i: int) -> list[Path]:
        """The region filled between levels ``i`` and ``i + 1`` (contourf), as paths:
        each polygon's outer ring and holes closed (for hatches)."""
        out = []
        for points, offsets in self._polygons[i]:
            codes = np.full(len(points), Path.LINETO, dtype=np.uint8)
            codes[offsets[:-1]] = Path.MOVETO
            ends = offsets[1:] - 1
            codes[ends[ends > offsets[:-1]]] = Path.CLOSEPOLY
            out.append(Path(points, codes))
        return out

    def grid(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, bool]:
        """The x, y, z grids contoured and the corner_mask (``contour(cs)`` reuses
        them, as matplotlib does)."""
        return self._x, self._y, self._z, self._corner_mask

    def _process_levels(self) -> None:
        """matplotlib's ``_levels`` (extended ends) and ``layers`` (what colors map)."""
        levels = list(self.levels)
        lower, upper = (1e-250, 1e250) if self.logscale else (-1e250, 1e250)
        if self.extend in ("both", "min"):
            levels.insert(0, lower)
        if self.extend in ("both", "max"):
            levels.append(upper)
        self._levels = np.asarray(levels, dtype=float)
        if not self.filled:
            self.layers = self.levels
        elif self.logscale:  # mid-way on screen: the geometric mean
            self.layers = np.sqrt(self._levels[:-1]) * np.sqrt(self._levels[1:])
        else:
            self.layers = 0.5 * (self._levels[:-1] + self._levels[1:])

    def _process_linestyles(self, linestyles, negative, nlev: int) -> list:
        if linestyles is None:
            styles = ["-"] * nlev
            if self.monochrome and not self.filled:
                neg = _short_linestyle(rcParams.get("contour.negative_linestyle", "dashed")
                                       if negative is None else negative)
                eps = -(self.zmax - self.zmin) * 1e-15
                styles = [neg if lev < eps else "-" for lev in self.levels]
            return styles
        if isinstance(linestyles, str):
            return [_short_linestyle(linestyles)] * nlev
        given = [_short_linestyle(s) for s in linestyles]
        return [given[i % len(given)] for i in range(nlev)]

    def _level_rgba(self) -> np.ndarray:
        if self._level_colors is not None:
            rgba = self._level_colors.copy()
            if self._alpha is not None:
                rgba[:, 3] = self._alpha
            return rgba
        with np.errstate(all="ignore"):
            rgba = np.asarray(self.cmap(self.norm(self.layers)), dtype=float).reshape(-1, 4)
        if self._alpha is not None:
            rgba[:, 3] = self._alpha
        return rgba

    def _mapping_changed(self) -> None:
        self.rescale()

    def _build(self):
        ax = self.axes
        rgba = self._level_rgba()
        if self.filled and self._band_meshes:
            verts, faces, cols, offset = [], [], [], 0
            for (pts, tris), c in zip(self._band_meshes, rgba, strict=True):
                sp = self._view(np.c_[to_scale(ax.xaxis, pts[:, 0]),
                                      to_scale(ax.yaxis, pts[:, 1])])
                verts.append(sp)
                faces.append(tris + offset)
                cols.append(np.repeat(c[None], len(sp), axis=0))
                offset += len(sp)
            fill = (np.concatenate(verts), np.concatenate(faces), np.concatenate(cols)) \
                if verts else None
            return fill, []
        if self.filled:
            verts, faces, cols, offset = [], [], [], 0
            for polys, c in zip(self._polygons, rgba, strict=True):
                for pts, offs in polys:
                    sp = self._view(np.c_[to_scale(ax.xaxis, pts[:, 0]),
                                          to_scale(ax.yaxis, pts[:, 1])])
                    rings, ends = [], []
                    for k in range(len(offs) - 1):
                        ring = sp[offs[k]:offs[k + 1]]
                        if len(ring) > 1 and np.array_equal(ring[0], ring[-1]):
                            ring = ring[:-1]  # earcut wants open rings
                        rings.append(ring)
                        ends.append((ends[-1] if ends else 0) + len(ring))
                    ring_pts = np.concatenate(rings) if rings else np.zeros((0, 2))
                    if not np.isfinite(ring_pts).all():
                        continue
                    tri = triangulate(ring_pts, ends)
                    verts.append(ring_pts)
                    faces.append(tri + offset)
                    cols.append(np.repeat(c[None], len(ring_pts), axis=0))
                    offset += len(ring_pts)
            fill = (np.concatenate(verts), np.concatenate(faces), np.concatenate(cols)) \
                if verts else None
            return fill, []
        lines = []
        for group in self._groups:
            polys, cs = [], []
            for i, style in enumerate(self._level_style):
                if style != group:
                    continue
                for seg in self.allsegs[i]:
                    polys.append(self._view(np.c_[to_scale(ax.xaxis, seg[:, 0]),
                                                  to_scale(ax.yaxis, seg[:, 1])]))
                    cs.append(rgba[i])
            lines.append((polys, np.asarray(cs).reshape(-1, 4), group[0], group[1]))
        return None, lines

    def data_limits(self):
        return _limits2(self._x, self._y, self.axes)

    def get_grid(self) -> tuple[np.ndarray, np.ndarray, np.ma.MaskedArray]:
        """Copies of the x, y and (masked) z the contours were computed from."""
        return self._x.copy(), self._y.copy(), self._z.copy()

    def get_array(self) -> np.ndarray:
        return np.asarray(self.layers).copy()

    def legend_patch(self):
        rgba = self._level_rgba()
        c = tuple(rgba[len(rgba) // 2]) if len(rgba) else (0, 0, 0, 0)
        return (c, None) if self.filled else ((0.0, 0.0, 0.0, 0.0), c)

    # what a colorbar asks: discrete blocks between the levels (matplotlib draws contour
    # colorbars discrete), the extended layers' colors in the triangles
    def colorbar_blocks(self):
        b = np.asarray(self.levels, dtype=float)
        if len(b) < 2:
            return None
        if self.filled:
            rgba = self._level_rgba()
            i0 = 1 if self.extend in ("min", "both") else 0
            i1 = len(rgba) - (1 if self.extend in ("max", "both") else 0)
            inner = rgba[i0:i1]
            under = tuple(rgba[0]) if i0 else self.cmap.under
            over = tuple(rgba[-1]) if i1 < len(rgba) else self.cmap.over
        else:
            mids = 0.5 * (b[:-1] + b[1:])
            inner = np.asarray(self.to_rgba(mids), dtype=float).reshape(-1, 4)
            under, over = self.cmap.under, self.cmap.over
        return b, inner, under, over

    def colorbar_extend(self) -> str:
        return self.extend

    def level_lines(self):
        """(levels, colors, widths in points) of the contour lines (``add_lines``)."""
        rgba = self._level_rgba()
        widths = np.array([w for w, _ in self._level_style], dtype=float)
        return np.asarray(self.layers, float), rgba, widths

    def clabel(self, levels=None, fontsize=None, inline=True, fmt=None, colors=None):
        """Label lines with their level: one text per line, at its middle point."""
        ax = self.axes
        texts = []
        fmt = fmt or "{:g}"
        for i, lev in enumerate(self.layers):
            if levels is not None and not np.any(np.isclose(lev, levels)):
                continue
            rgba = self._level_rgba()[i] if colors is None else colors
            label = fmt(lev) if callable(fmt) else (fmt % lev if "%" in fmt
                                                    else fmt.format(lev))
            for seg in self.allsegs[i]:
                if len(seg) < 5:
                    continue
                x, y = seg[len(seg) // 2]
                texts.append(ax.text(x, y, label, fontsize=fontsize or 8, color=rgba,
                                     ha="center", va="center"))
        self.labelTexts = texts
        return texts


# -- quiver -----------------------------------------------------------------------------
class Quiver(Collection, ScalarMappable):
    """Arrows as filled polygons in one Mesh (``quiver``): shapes in pixels like
    matplotlib (shaft width, head width/length in shaft widths, length autoscaled),
    outlined ``linewidth`` points wide in ``edgecolor`` ('face': the arrow's color)."""

    _view_dependent = True
    _page_name = "quiver arrows"
    _UNITS = ("width", "height", "dots", "inches", "x", "y", "xy")

    def __init__(self, axes, X, Y, U, V, C=None, scale=None, scale_units=None, units="width",
                 angles="uv", width=None, headwidth=3.0, headlength=5.0, headaxislength=4.5,
                 minshaft=1.0, minlength=1.0, pivot="tail", color="k", cmap=None, norm=None,
                 vmin=None, vmax=None, alpha=None, label=None, zorder=None, edgecolor="face",
                 linewidth=0.0, linestyle="-") -> None:
        for name, v, allowed in (("units", units, self._UNITS),
                                 ("scale_units", scale_units, (None, *self._UNITS)),
                                 ("pivot", pivot, ("tail", "mid", "middle", "tip"))):
            if v not in allowed:
                raise ValueError(f"{name}: got {v!r}, expected one of "
                                 f"{', '.join(repr(a) for a in allowed)}")
        self._edge_is_face = isinstance(edgecolor, str) and edgecolor == "face"
        super().__init__(axes, facecolor=color,
                         edgecolor="none" if self._edge_is_face else edgecolor,
                         linewidth=linewidth, linestyle=linestyle, alpha=alpha, label=label,
                         zorder=zorder)
        self._init_mappable(cmap, norm, vmin, vmax)
        self.X, self.Y = np.asarray(X, dtype=float).ravel(), np.asarray(Y, dtype=float).ravel()
        self.N = len(self.X)
        self.scale, self.scale_units, self.units = scale, scale_units, units
        self.angles = angles
        self.width = width
        self.headwidth, self.headlength = float(headwidth), float(headlength)
        self.headaxislength = float(headaxislength)
        self.minshaft, self.minlength = float(minshaft), float(minlength)
        self.pivot = "middle" if pivot == "mid" else pivot
        self._C = None
        self.set_UVC(U, V, C)

    def set_UVC(self, U, V, C=None) -> None:  # noqa: N802 - matplotlib's name
        """New vector components (and values to color by)."""
        u = np.ma.masked_invalid(np.ma.array(U, dtype=float)).ravel()
        v = np.ma.masked_invalid(np.ma.array(V, dtype=float)).ravel()
        for name, arr in (("U", u), ("V", v)):
            if arr.size not in (1, self.N):
                raise ValueError(f"{name}: got {arr.size} values for {self.N} arrows")
        self.U = np.broadcast_to(u.filled(np.nan), (self.N,)).copy()
        self.V = np.broadcast_to(v.filled(np.nan), (self.N,)).copy()
        if C is not None:
            c = np.ma.masked_invalid(np.ma.array(C, dtype=float)).ravel()
            if c.size not in (1, self.N):
                raise ValueError(f"C: got {c.size} values for {self.N} arrows")
            self._C = np.broadcast_to(c.filled(np.nan), (self.N,)).copy()
            self.autoscale_clim(self._C)
        self.rescale()

    def get_array(self):
        return None if self._C is None else self._C.copy()

    def set_array(self, C) -> None:
        self.set_UVC(self.U, self.V, C)

    def _mapping_changed(self) -> None:
        self.rescale()

    def _dots_per_unit(self, units: str) -> float:
        ax = self.axes
        bw, bh = ax.box[2], ax.box[3]
        (x0, x1), (y0, y1) = ax.xaxis.get_view_interval(), ax.yaxis.get_view_interval()
        return {"x": bw / (x1 - x0), "y": bh / (y1 - y0),
                "xy": math.hypot(bw, bh) / math.hypot(x1 - x0, y1 - y0),
                "width": bw, "height": bh, "dots": 1.0,
                "inches": ax.figure.dpi}[units]

    def _magnitudes(self):
        """(arrow base pixels, screen offsets of (u, v) for 'xy', |(u, v)| in the units
        the scale divides)."""
        ax = self.axes
        base = ax.transData.forward(np.c_[self.X, self.Y])
        u, v = self.U, self.V
        d = None
        if (isinstance(self.angles, str) and self.angles == "xy") or self.scale_units == "xy":
            d = ax.transData.forward(np.c_[self.X + u, self.Y + v]) - base
        a = np.hypot(d[:, 0], d[:, 1]) if self.scale_units == "xy" else np.hypot(u, v)
        return base, d, a

    def pixel_scale(self) -> tuple[float, float]:
        """(pixels per width unit, shaft width in pixels), fixing ``width`` and the
        autoscaled ``scale`` on first use (matplotlib's, from the arrows' mean length)."""
        ax = self.axes
        dpu = self._dots_per_unit(self.units)
        span = ax.box[2] / dpu
        if self.width is None:
            self.width = 0.06 * span / float(np.clip(math.sqrt(self.N), 8, 25))
        if self.scale is None:
            base, _, a = self._magnitudes()
            ok = np.isfinite(a) & np.isfinite(base).all(axis=1)
            amean = float(a[ok].mean()) if ok.any() else 1.0
            sn = max(10.0, math.sqrt(self.N))
            scale = 1.8 * amean * sn / span
            if self.scale_units is not None:
                scale *= (1.0 if self.scale_units == "xy" else
                          self._dots_per_unit(self.scale_units)) / dpu
            self.scale = scale if scale > 0 else 1.0
        return dpu, float(self.width) * dpu

    def length_pixels(self, a) -> np.ndarray:
        """Arrow lengths in pixels for magnitudes ``a`` (after :meth:`pixel_scale`)."""
        dpu = self._dots_per_unit(self.units)
        if self.scale_units is None:
            return a / float(self.scale) * dpu
        if self.scale_units == "xy":
            return a / float(self.scale)
        return a / float(self.scale) * self._dots_per_unit(self.scale_units)

    def _build(self):
        ax = self.axes
        if ax.box[2] <= 1 or self.N == 0:
            return None, []
        _, width_px = self.pixel_scale()
        base, d, a = self._magnitudes()
        u, v = self.U, self.V
        xy_angles = isinstance(self.angles, str) and self.angles == "xy"
        ok = np.isfinite(a) & np.isfinite(base).all(axis=1)
        length_px = self.length_pixels(a)
        if xy_angles:
            theta = np.arctan2(d[:, 1], d[:, 0])
        elif isinstance(self.angles, str):
            theta = np.arctan2(v, u)
        else:
            theta = np.deg2rad(np.broadcast_to(np.asarray(self.angles, dtype=float), (self.N,)))
        shape = self._arrow_shapes(np.where(ok, length_px / width_px, 0.0)) * width_px
        rot = np.exp(1j * np.nan_to_num(theta))[:, None]
        pts = (shape[..., 0] + 1j * shape[..., 1]) * rot
        px = np.stack([pts.real + base[:, :1], pts.imag + base[:, 1:]], axis=-1)[ok]
        n = len(px)
        if n == 0:
            return None, []
        verts = ax.transView.inverse(px.reshape(-1, 2))
        tri = np.array([[0, 1, 5], [0, 5, 6], [1, 2, 3], [1, 3, 5], [5, 3, 4]])
        faces = (tri[None] + 7 * np.arange(n)[:, None, None]).reshape(-1, 3)
        if self._C is not None:
            rgba = np.asarray(self.cmap(self.norm(self._C)), dtype=float).reshape(-1, 4)
            if self._alpha is not None:
                rgba[:, 3] = self._alpha
        else:
            rgba = self.face_rgba(self.N)
        edge = rgba if self._edge_is_face else self.edge_rgba(self.N)
        outlines = np.concatenate([verts.reshape(n, 7, 2), verts.reshape(n, 7, 2)[:, :1]],
                                  axis=1)  # closed
        return (verts, faces, np.repeat(rgba[ok], 7, axis=0)), [
            (outlines, edge[ok], self._linewidth, self._linestyle)]

    def _arrow_shapes(self, length: np.ndarray, pivot: str | None = None) -> np.ndarray:
        """(N, 7, 2) arrow outlines in shaft widths along +x (matplotlib's ``_h_arrows``):
        tail top, head-axis top, barb top, tip, barb bottom, head-axis bottom, tail bottom.
        ``pivot`` (default the quiver's) is the point at the anchor."""
        pivot = self.pivot if pivot is None else pivot
        hl, hw, hal = self.headlength, self.headwidth, self.headaxislength
        minsh = self.minshaft * hl
        L = np.clip(length, 0, 2 ** 16)[:, None]  # noqa: N806
        x = np.array([0, -hal, -hl, 0, -hl, -hal, 0.0]) + np.array([0, 1, 1, 1, 1, 1, 0]) * L
        y = 0.5 * np.array([1, 1, hw, 0, -hw, -1, -1.0])
        y = np.broadcast_to(y, x.shape).copy()
        x0 = np.array([0, minsh - hal, minsh - hl, minsh, minsh - hl, minsh - hal, 0.0])
        y0 = 0.5 * np.array([1, 1, hw, 0, -hw, -1, -1.0])
        short = (L < minsh)[:, 0]
        if short.any():
            shrink = (L[short] / minsh) if minsh else 0.0
            x[short] = shrink * x0
            y[short] = shrink * y0
        if pivot == "middle":
            x -= 0.5 * x[:, 3:4]
        elif pivot == "tip":
            x -= x[:, 3:4]
        tiny = (L < self.minlength)[:, 0]
        if tiny.any():
            # a hexagonal dot, laid on the same 7 slots (the triangles still cover it)
            th = np.array([0, 1, 2, 3, 4, 5, 0]) * np.pi / 3
            x[tiny] = np.cos(th) * self.minlength * 0.5
            y[tiny] = np.sin(th) * self.minlength * 0.5
        return np.stack([x, y], axis=-1)

    def data_limits(self):
        return _limits2(self.X, self.Y, self.axes)

    def legend_patch(self):
        return tuple(self.face_rgba(1)[0]), None


# -- annotations ------------------------------------------------------------------------
_COORDS = ("data", "axes fraction", "axes pixels", "axes points", "figure fraction",
           "figure pixels", "figure points", "offset points", "offset pixels")


class Annotation(Text):
    """Text with an optional arrow to a point (``annotate``). Drawn in figure pixels every
    frame, so text and arrow follow the data when zooming."""

    def __init__(self, axes, text, xy, xytext=None, xycoords="data", textcoords=None,
                 arrowprops=None, annotation_clip=None, zorder=None, label=None,
                 **props) -> None:
        from .transforms_compat import as_transform

        for name, c in (("xycoords", xycoords), ("textcoords", textcoords)):
            if c is not None and not isinstance(c, str):
                as_transform(c, name)  # a transform to figure pixels (lumos's, matplotlib's)
            elif c is not None and c not in _COORDS:
                raise ValueError(f"{name}: got {c!r}, expected one of "
                                 f"{', '.join(repr(k) for k in _COORDS)} or a transform")
        if isinstance(xycoords, str) and xycoords.startswith("offset"):
            raise ValueError(f"xycoords: got {xycoords!r}, offsets apply to textcoords only")
        self.xy = self._convert(axes, xy, xycoords, "xy")
        self.xycoords = xycoords
        if xytext is None:
            xytext, textcoords = self.xy, xycoords
        textcoords = xycoords if textcoords is None else textcoords
        xt = self._convert(axes, xytext, textcoords, "xytext")
        super().__init__(axes, xt[0], xt[1], text, label=label, zorder=zorder, **props)
        self.textcoords = textcoords
        self.arrowprops = None if arrowprops is None else dict(arrowprops)
        self.annotation_clip = annotation_clip

    @staticmethod
    def _convert(axes, xy, coords: str, argument: str) -> tuple[float, float]:
        if isinstance(xy, str) or np.size(xy) != 2:
            raise ValueError(f"{argument}: got {xy!r}, expected a pair (x, y)")
        x, y = (np.asarray(v) for v in xy)
        for v in (x, y):
            if v.dtype.kind in "US":
                raise TypeError(f"{argument}: got a string, expected numbers")
        if coords == "data":
            return (float(axes.xaxis.convert(x.reshape(1))[0]),
                    float(axes.yaxis.convert(y.reshape(1))[0]))
        return float(x), float(y)

    def _to_pixels(self, xy, coords) -> np.ndarray:
        ax = self.axes
        fig = ax.figure
        x, y = xy
        if not isinstance(coords, str):
            from .transforms_compat import as_transform

            return as_transform(coords).forward(np.array([x, y], dtype=float))
        if coords == "data":
            return ax.transData.forward(np.array([x, y], dtype=float))
        if coords == "axes fraction":
            return ax.transAxes.forward(np.array([x, y], dtype=float))
        corner = ax.transAxes.forward(np.zeros(2))
        if coords == "axes pixels":
            return corner + np.array([x, y], dtype=float)
        if coords == "axes points":
            return corner + fig.points_to_pixels(np.array([x, y], dtype=float))
        if coords == "figure fraction":
            return fig.transFigure.forward(np.array([x, y], dtype=float))
        if coords == "figure pixels":
            return np.array([x, y], dtype=float)
        if coords == "figure points":
            return np.array([fig.points_to_pixels(x), fig.points_to_pixels(y)])
        anchor = self._to_pixels(self.xy, self.xycoords)
        if coords == "offset points":
            return anchor + np.array([fig.points_to_pixels(x), fig.points_to_pixels(y)])
        return anchor + np.array([x, y], dtype=float)  # offset pixels

    def pixel_position(self) -> tuple[float, float]:
        p = self._to_pixels((self._x, self._y), self.textcoords)
        return float(p[0]), float(p[1])

    def set_position(self, xy) -> None:
        self._x, self._y = self._convert(self.axes, xy, self.textcoords, "xytext")
        self._changed()

    def get_position(self) -> tuple[float, float]:
        return self._x, self._y

    def _clipped(self) -> bool:
        """Whether xy lies outside the axes and the annotation should hide (matplotlib:
        by default only for xycoords='data')."""
        clip = self.annotation_clip
        if clip is False or (clip is None and self.xycoords != "data"):
            return False
        p = self._to_pixels(self.xy, self.xycoords)
        bx, by, bw, bh = self.axes.box
        tol = 1e-6
        return not (np.isfinite(p).all() and bx - tol <= p[0] <= bx + bw + tol
                    and by - tol <= p[1] <= by + bh + tol)

    def data_limits(self):
        return None  # like matplotlib, annotations do not autoscale

    def _text_box(self, fs: float) -> tuple[float, float, float, float]:
        """The text's box in figure pixels (with its bbox's pad, which arrows start
        outside of)."""
        from .textbox import box_extent

        if not self._text:
            x, y = self.pixel_position()
            return x, y, x, y
        b = self.get_window_extent()
        px, py = box_extent(self.axes.figure, self._text, self.style, self.style.face())
        return b.x0 - px, b.y0 - py, b.x1 + px, b.y1 + py

    def draw_overlay(self, ov) -> None:
        """The text and the arrow, in figure pixels."""
        from .textstyle import draw_text

        if not self._visible or self._clipped():
            return
        fig = self.axes.figure
        fs = fig.points_to_pixels(self.style.fontsize)
        x, y = self.pixel_position()
        if self.arrowprops is not None:
            self._draw_arrow(ov, self._text_box(fs))
        if self._text and np.isfinite([x, y]).all():
            draw_text(ov, fig, self._text, x, y, self.style)

    def arrow_style(self) -> dict | None:
        """The arrow drawn with an ``arrowstyle`` (None: none, or matplotlib's filled
        default arrow): style, color, lw and shrinkA/shrinkB in pixels, and the ``arc3``
        curvature rad of its connection."""
        if self.arrowprops is None or "arrowstyle" not in self.arrowprops:
            return None
        pts = self.axes.figure.points_to_pixels
        props = dict(self.arrowprops)
        style = props.pop("arrowstyle")
        color = props.pop("color", props.pop("edgecolor", props.pop("ec", "black")))
        lw = pts(props.pop("linewidth", props.pop("lw", rcParams["patch.linewidth"])))
        return {"style": style, "color": color, "lw": float(lw),
                "shrinkA": float(pts(props.pop("shrinkA", 2.0))),
                "shrinkB": float(pts(props.pop("shrinkB", 2.0))),
                "rad": _arc_rad(props.pop("connectionstyle", None))}

    def page_anchor(self) -> dict | None:
        """Text.page_anchor: the text at xytext (data, or an offset from the data xy;
        else fixed: ``xy`` None), hidden with xy out of the axes unless annotation_clip
        is False, and the point the arrow ends at (or ``why`` the page cannot move it)."""
        if self.xycoords != "data":
            return None if self.textcoords != "data" else {
                "why": "an annotation from data to a fixed point"}
        clips = self.annotation_clip is not False
        at = (self._x, self._y) if self.textcoords == "data" else \
            self.xy if self.textcoords in ("offset points", "offset pixels") else None
        return {"xy": at, "clip": self.xy if clips else None,
                "arrow": None if self.arrowprops is None else self.xy}

    def _draw_arrow(self, ov, box) -> None:
        fig = self.axes.figure
        pts = fig.points_to_pixels
        props = dict(self.arrowprops)
        end = self._to_pixels(self.xy, self.xycoords)
        x0, y0, x1, y1 = box
        if not np.isfinite(end).all():
            return
        styled = self.arrow_style()
        if styled is not None:
            center = np.array([(x0 + x1) / 2, (y0 + y1) / 2])
            pad = pts(2.0)  # matplotlib pads the text box by 4 points in all
            start = _clip_to_box(center, end, (x0 - pad, y0 - pad, x1 + pad, y1 + pad)) \
                if self._text else center
            start, end = _shrink(start, end, styled["shrinkA"], styled["shrinkB"])
            path = _connection(start, end, styled["rad"])
            _draw_styled_arrow(ov, path, styled["style"], styled["color"], styled["lw"],
                               pts(self.style.fontsize))
            return
        # no arrowstyle: matplotlib's "YAArrow", a filled arrow from the nearest corner
        color = props.get("facecolor", props.get("fc", props.get("color", "C0")))
        width = pts(props.get("width", 4.0))
        headwidth = pts(props.get("headwidth", 12.0))
        headlength = pts(props.get("headlength", 12.0))
        shrink = float(props.get("shrink", 0.0))
        sx = min((x0, (x0 + x1) / 2, x1), key=lambda v: abs(v - end[0]))
        sy = min((y0, (y0 + y1) / 2, y1), key=lambda v: abs(v - end[1]))
        start = np.array([sx, sy])
        r = float(np.hypot(*(end - start)))
        start, end = _shrink(start, end, shrink * r, shrink * r)
        d = end - start
        length = float(np.hypot(*d))
        if length <= 0:
            return
        u = d / length
        nrm = np.array([-u[1], u[0]])
        hl = min(headlength, length)
        neck = end - u * hl
        ov.polygon([start + nrm * width / 2, neck + nrm * width / 2, neck - nrm * width / 2,
                    start - nrm * width / 2], color)
        ov.polygon([end, neck + nrm * headwidth / 2, neck - nrm * headwidth / 2], color)
        edge = props.get("edgecolor", props.get("ec"))
        if edge is not None:
            ov.line([start + nrm * width / 2, neck + nrm * width / 2, neck + nrm * headwidth / 2,
                     end, neck - nrm * headwidth / 2, neck - nrm * width / 2,
                     start - nrm * width / 2, start + nrm * width / 2], edge,
                    pts(props.get("linewidth", props.get("lw", 1.0))))


def _clip_to_box(inside: np.ndarray, outside: np.ndarray, box) -> np.ndarray:
    """Where the segment from a point inside a box to a point outside leaves the box."""
    x0, y0, x1, y1 = box
    d = outside - inside
    t = 1.0
    for k, lo, hi in ((0, x0, x1), (1, y0, y1)):
        if d[k] > 0:
            t = min(t, (hi - inside[k]) / d[k])
        elif d[k] < 0:
            t = min(t, (lo - inside[k]) / d[k])
    return inside + max(t, 0.0) * d


def _shrink(a: np.ndarray, b: np.ndarray, da: float, db: float) -> tuple[np.ndarray, np.ndarray]:
    d = b - a
    n = float(np.hypot(*d))
    if n <= da + db or n == 0:
        return a, b
    u = d / n
    return a + u * da, b - u * db


def _arc_rad(style) -> float:
    """The curvature of matplotlib's ``arc3,rad=r`` connection style (0: straight)."""
    rad = 0.0
    if isinstance(style, str) and style.replace(" ", "").startswith("arc3"):
        for part in style.split(",")[1:]:
            key, _, value = part.partition("=")
            if key.strip() == "rad":
                rad = float(value)
    return rad


def _connection(a: np.ndarray, b: np.ndarray, rad: float) -> np.ndarray:
    """The arrow's path: straight, or matplotlib's ``arc3,rad=r`` quadratic curve."""
    if rad == 0.0:
        return np.array([a, b])
    mid = (a + b) / 2
    d = b - a
    ctrl = mid + rad * np.array([d[1], -d[0]])
    t = np.linspace(0, 1, 32)[:, None]
    return (1 - t) ** 2 * a + 2 * (1 - t) * t * ctrl + t ** 2 * b


def _draw_styled_arrow(ov, path: np.ndarray, style: str, color, lw: float,
                       mutation: float) -> None:
    """matplotlib's simple arrow styles: '-', '->', '<-', '<->', '-|>', '<|-', '<|-|>'."""
    style = style.replace(" ", "")
    known = ("-", "->", "<-", "<->", "-|>", "<|-", "<|-|>", "fancy", "simple", "wedge")
    if style not in known:
        raise ValueError(f"arrowstyle: got {style!r}, expected one of {', '.join(known)}")
    if style in ("fancy", "simple", "wedge"):
        style = "-|>"
    head_len, head_w = 0.4 * mutation, 0.2 * mutation
    heads = {"end": style.endswith(">"), "start": style.startswith("<")}
    filled = "|" in style
    body = path.copy()
    for which, on in heads.items():
        if not on:
            continue
        tip, prev = (path[-1], path[-2]) if which == "end" else (path[0], path[1])
        d = tip - prev
        n = float(np.hypot(*d))
        if n == 0:
            continue
        u = d / n
        nrm = np.array([-u[1], u[0]])
        base = tip - u * head_len
        left, right = base + nrm * head_w, base - nrm * head_w
        if filled:
            ov.polygon([tip, left, right], color)
            # the line stops at the head's base, so its end does not poke through
            if which == "end":
                body[-1] = base
            else:
                body[0] = base
        else:
            ov.line([left, tip, right], color, lw)
    ov.line(body, color, lw)
