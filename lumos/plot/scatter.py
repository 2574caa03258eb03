"""PathCollection: the scatter points that ``ax.scatter`` returns (sizes in points²,
colors or colormapped values per point, and the GPU density mode for many points).
"""

from __future__ import annotations

import numpy as np

from .. import colors
from .. import primitives as prim
from ..colors.names import is_masked_array
from ..gpu.resources import changed_rows
from ..visuals import Markers, Paths
from ..visuals.marker_outline import MarkerOutline
from ..visuals.marker_shapes import SNAPS, SYMBOL_PATHS, is_filled
from ..visuals.path import hatch_counts
from . import validate
from .artists import (
    MARKER_SCALE,
    Artist,
    BatchItem,
    LegendHandle,
    ScalarMappable,
    as_1d,
    check_marker,
    is_line_marker,
    marker_symbol,
    numeric,
)
from .collections import hatch_rgba
from .legend_best import Obstacles, thinned
from .snapping import draw_markers_snap
from .style import rcParams


def _limits(x: np.ndarray, y: np.ndarray, xscale, yscale):
    """Finite, scale-valid limits of x and y (log and logit axes ignore non-positive
    values)."""
    out = []
    for v, scale in ((x, xscale), (y, yscale)):
        lo, hi = (float(v.min()), float(v.max())) if v.size else (np.nan, np.nan)
        if not (np.isfinite(lo) and np.isfinite(hi) and (not scale.fits_positive or lo > 0)):
            v = v[np.isfinite(v)]  # the copy only when something must be left out
            if scale.fits_positive:
                v = v[v > 0]
            if v.size == 0:
                return None
            lo, hi = float(v.min()), float(v.max())
        out.append((lo, hi))
    return tuple(out)


def _widths(lw) -> np.ndarray:
    """Edge widths in points as a 1-D float array of at least one (matplotlib's
    collections keep them so, and cycle them over the points)."""
    validate.check(linewidths=lw)
    widths = np.atleast_1d(np.asarray(lw, dtype=float)).ravel()
    return widths if widths.size else np.zeros(1)


class PathCollection(Artist, ScalarMappable):
    """Scatter points, as ``ax.scatter`` returns; sizes are areas in points².

    Density mode (``density=True``, or automatically beyond ``density_threshold`` points
    when no per-point colors are given): points are counted per pixel on the GPU and
    the counts shown through ``cmap`` (:class:`lumos.visuals.density.Density`); ``norm``
    is then ``'eq_hist'`` (the default), ``'linear'`` or ``'log'``, and ``vmin``/``vmax``
    fix the count range of the last two. The mode is chosen when the scatter is made.

    ``set_offsets``, ``set_array`` and ``set_sizes`` with as many points as before upload
    only the rows that differ (the first to the last changed row).
    """

    zorder = 1.0
    #: more points than this (and one color for all) switch ``density=None`` on
    density_threshold = 2_000_000

    def __init__(self, axes, x, y, s=None, c=None, marker="o", cmap=None, norm=None, vmin=None,
                 vmax=None, alpha=None, linewidths=None, edgecolors=None, label=None,
                 zorder=None, color=None, density: bool | None = None, hatch=None,
                 hatchcolor=None) -> None:
        super().__init__(axes, label, zorder)
        eq_hist = isinstance(norm, str) and norm == "eq_hist"
        self._init_mappable(cmap, None if eq_hist else norm, vmin, vmax)
        checked = check_marker(marker, collection=True)
        self._marker = "o" if checked is None else checked  # marker 0 (tickleft) is falsy
        self._init_hatch(hatch, hatchcolor)
        self._alpha = None
        self._edgecolors = "face"
        self._edge_groups = None  # per-point edge colors: indices of each color's batch
        self._linewidths = _widths(rcParams["patch.linewidth"] if linewidths is None
                                   else linewidths)
        self._linewidths_default = linewidths is None
        self._array = None
        self._one_size = None  # the size (points²) of every point, when they share one
        self._facecolor = None
        self._one_face = True  # whether the face colors were given as one color
        self._face = None  # face colors (n, 4) float, kept until colors change
        self._face_bytes = None  # the same as the shader's uint8 rows
        # rows changed since the axes' batch took them: part -> (start, stop)
        self._dirty: dict[str, tuple[int, int]] = {}
        self._density = None
        self._offsets = np.zeros((0, 2))
        self._scaled = np.zeros((0, 2))
        x, y = _drop_masked(x, y, s, c)
        xs, ys = numeric(x, "x").reshape(-1), numeric(y, "y").reshape(-1)  # no copies yet
        if xs.size != ys.size:
            _mismatch(xs, ys)
        # dates through their axes (numbers pass), as plot converts them
        xs = axes.xaxis.convert(xs) if xs.dtype.kind in "Mm" else xs
        ys = axes.yaxis.convert(ys) if ys.dtype.kind in "Mm" else ys
        xy = np.empty((xs.size, 2))  # the one copy of the caller's x and y
        xy[:, 0], xy[:, 1] = xs, ys
        self._set_offset_rows(xy)
        self._alpha = self._checked_alpha(alpha)
        self.set_sizes(rcParams["lines.markersize"] ** 2 if s is None else s)
        if c is not None and color is not None:
            raise ValueError("c and color: got both, expected at most one")
        self._set_c(color if c is None else c, "color" if c is None else "c")
        self.set_alpha(alpha)
        self.set_edgecolor("face" if edgecolors is None else edgecolors)
        if density is None:
            density = len(self._offsets) > self.density_threshold and self._one_color()
        if density:
            if np.ndim(self._alpha):
                raise ValueError("alpha: per-point alpha cannot be shown with density=True "
                                 "(points are counted per pixel); pass one number")
            if not self._one_color():
                raise ValueError("c: per-point colors or values cannot be shown with "
                                 "density=True (points are counted per pixel); pass one "
                                 "color, or density=False")
            self._make_density(norm, eq_hist)
        elif eq_hist:
            raise ValueError("norm: got 'eq_hist', which needs density=True")
        if self._hatch_paths is not None and self._density is not None:
            raise TypeError("hatch: the markers of a scatter drawn with density=True have "
                            "no hatch")

    # -- hatches -------------------------------------------------------------------------
    def _init_hatch(self, hatch, hatchcolor) -> None:
        """matplotlib's hatch inside every marker (its letters, repeated for density) in
        ``hatchcolor`` (one color or one per point, cycled; None: the edge color),
        drawn by a Paths visual of the markers' outlines about the points."""
        hatch_counts(hatch)  # a ValueError naming unknown letters
        symbol = marker_symbol(self._marker)
        if hatch and not (isinstance(symbol, MarkerOutline) or
                          isinstance(symbol, str) and is_filled(symbol)):
            raise TypeError(f"hatch: lumos hatches filled markers; got marker "
                            f"{self._marker!r}")
        self._hatch = hatch or None
        self._hatchcolor = None if hatchcolor is None else \
            colors.to_rgba_array(hatchcolor, argname="hatchcolor")
        self._hatch_paths = None if self._hatch is None and hatchcolor is None else Paths()

    def get_hatch(self) -> str | None:
        """The hatch pattern ('/', 'x', '.', ...), or None."""
        return self._hatch

    def _hatch_rings(self) -> None:
        """The hatch of every marker: its outline in pixels about the point (the
        symbol's at the marker's diameter), in matplotlib's hatch color."""
        paths = self._hatch_paths
        n = len(self._scaled) if self._hatch else 0
        if not n:
            paths.set_paths([], "pixels", np.zeros((0, 2)))
            paths.visible = False
            return
        symbol, diameter, _, edge, _ = self.marker_style(each=True)
        # a filled symbol or an outline (_init_hatch): diameter 1, y down
        unit = symbol.path if isinstance(symbol, MarkerOutline) else SYMBOL_PATHS[symbol]
        shape = unit.vertices * (1.0, -1.0), unit.codes
        # the edge color is the face's (edgecolors='face', matplotlib's default) also
        # where lumos draws the edge as a larger marker (no edge color left: a disc)
        by_face = isinstance(edge, str) or isinstance(self._edgecolors, str) and \
            self._edgecolors == "face"
        edge_rows = self.face_rgba() if by_face else np.asarray(edge, float).reshape(-1, 4)
        alpha = None if np.ndim(self._alpha) else self._alpha
        given = self._hatchcolor
        diameters = np.broadcast_to(diameter, (n,))
        prims = [prim.Path(shape[0] * d, shape[1], fill=None, hatch=self._hatch,
                           hatch_width=self.axes.figure.points_to_pixels(
                               rcParams.get("hatch.linewidth", 1.0)),
                           hatch_color=hatch_rgba(
                               None if given is None else given[i % len(given)],
                               edge_rows[i % len(edge_rows)], alpha, collection=True))
                 for i, d in enumerate(diameters)]
        paths.set_paths(prims, "pixels", self._scaled[:n].copy())
        paths.hatch_unit = self.axes.figure.dpi
        paths.canvas_height = self.axes.figure.canvas.size[1]
        paths.order = self._hatch_order()
        paths.visible = self._visible

    def _hatch_order(self) -> float:
        """The hatches' draw order: right after the markers of the same zorder (their
        faces would cover them), as matplotlib hatches a marker over its face."""
        return float(np.nextafter(self.zorder, np.inf))

    # -- density mode ------------------------------------------------------------------
    def _one_color(self) -> bool:
        fc = self._facecolor
        return self._array is None and (fc is None or len(fc) == 0 or bool((fc == fc[0]).all()))

    def _make_density(self, norm, eq_hist: bool) -> None:
        from ..visuals.density import Density

        if eq_hist or norm is None:
            kind = "eq_hist"
        else:
            kind = "log" if colors.get_norm(norm).axis_scale()[0] == "log" else "linear"
        self._density = Density(self._scaled, cmap=self.cmap, norm=kind)
        self._density.order = self.zorder
        self._sync_density_style()

    def _sync_density_style(self) -> None:
        d = self._density
        d.cmap = self.cmap
        lo, hi = self.norm.vmin, self.norm.vmax
        d.clim = None if lo is None or hi is None else (lo, hi)
        d.alpha = 1.0 if self._alpha is None else float(self._alpha)
        d.order = self.zorder

    def uses_density(self) -> bool:
        """Whether the points are drawn as counts per pixel (not batched as markers)."""
        return self._density is not None

    def visuals(self) -> list:
        hatch = [] if self._hatch_paths is None else [self._hatch_paths]
        return hatch if self._density is None else [self._density]

    def set_zorder(self, z: float) -> None:
        super().set_zorder(z)
        for v in self.visuals():
            v.order = self._hatch_order() if v is self._hatch_paths else self.zorder

    def set_visible(self, visible: bool) -> None:
        super().set_visible(visible)
        for v in self.visuals():
            v.visible = self._visible

    # -- data ----------------------------------------------------------------------------
    def _mark(self, part: str, start: int, stop: int) -> None:
        """Rows start:stop of ``part`` ('pos', 'size' or 'color': Member.changed) changed."""
        old = self._dirty.get(part)
        self._dirty[part] = (start, stop) if old is None else (min(old[0], start),
                                                               max(old[1], stop))

    def _set_c(self, c, argument: str = "c") -> None:
        n = len(self._offsets)
        arr = None
        if c is not None and not isinstance(c, str):
            try:
                arr = np.asarray(c)
            except ValueError:  # ragged: colors
                arr = None
            if arr is not None and arr.dtype.kind in "biuf":
                arr = validate.numbers_array(c, argument)
        # like matplotlib: n numbers are values for the colormap, anything else colors
        if arr is not None and arr.dtype.kind in "biuf" and arr.size == n and \
                arr.shape not in ((1, 3), (1, 4)):
            self._array = None  # a new mapping: every color changes
            self.set_array(arr.ravel())
            return
        try:
            spec = "C0" if c is None else c
            face = colors.to_rgba_array(spec, n, argname=argument)
            if n == 0:  # no points: the one color given is kept (the legend shows it)
                one = colors.to_rgba_array(spec, argname=argument)
                face = one if len(one) == 1 else face
        except ValueError:
            if arr is not None and arr.dtype.kind in "biuf" and arr.ndim == 1:
                raise ValueError(f"{argument}: got {arr.size} values for {n} points, expected "
                                 f"{n} values, one color or {n} colors") from None
            raise
        self._array = None
        self._facecolor = face
        # one color given (matplotlib keeps one row; a name, an RGB(A) tuple, one row;
        # 'none' none)
        self._one_face = c is None or isinstance(c, str) and c.lower() != "none" or \
            arr is not None and (
            arr.ndim == 0 or len(arr) == 1 or arr.ndim == 1 and arr.dtype.kind in "biuf")
        self._colors_changed()

    def set_offsets(self, xy) -> None:
        """New positions (N, 2); with N unchanged only the changed rows are uploaded."""
        xy = np.array(xy, dtype=float, copy=True)
        if xy.ndim != 2 or xy.shape[1] != 2:
            raise ValueError(f"offsets: got shape {xy.shape}, expected (N, 2)")
        self._set_offset_rows(xy)

    def _set_offset_rows(self, new: np.ndarray) -> None:
        """``set_offsets`` of a new float64 (N, 2) array, which the collection keeps."""
        if new.shape == self._offsets.shape and len(new):
            rows = changed_rows(self._offsets, new)
            if rows is None:
                return
            self._offsets[rows[0] : rows[1]] = new[rows[0] : rows[1]]
            self._scale_rows(*rows)
            return
        resized = len(new) != len(self._offsets) and hasattr(self, "_sizes")
        self._offsets = new
        if resized:  # like matplotlib, sizes and colors repeat to the new length
            n = len(new)
            self._sizes = np.resize(self._sizes, n)
            if self._facecolor is not None:
                self._facecolor = np.resize(self._facecolor, (n, 4))
            if self._array is not None:
                self._array = np.resize(self._array, n)
            if np.ndim(self._alpha):
                self._alpha = np.resize(self._alpha, n)
            self._face = self._face_bytes = None
        self.rescale()

    def get_offsets(self) -> np.ndarray:
        """A copy of the marker positions, (n, 2)."""
        return self._offsets.copy()

    def set_sizes(self, s) -> None:
        """The marker areas in points²: one, or one per marker."""
        s = as_1d(validate.sizes(s), "s").astype(float)
        n = len(self._offsets)
        if s.size not in (1, n):
            raise ValueError(f"s: got {s.size} sizes for {n} points, expected 1 or {n}")
        new = np.broadcast_to(s, (n,)).copy()
        old = getattr(self, "_sizes", None)
        rows = (0, n) if old is None or old.shape != new.shape else changed_rows(old, new)
        self._sizes = new
        self._one_size = float(s[0]) if s.size == 1 else None  # every point's, if one
        if rows is not None:
            self._mark("size", *rows)
            self._changed()

    def get_sizes(self) -> np.ndarray:
        """The marker areas in points²."""
        return self._sizes.copy()

    def set_array(self, values) -> None:
        """Values mapped through cmap/norm to face colors; with the norm's limits set
        and N unchanged, only the changed rows are mapped and uploaded."""
        values = as_1d(values, "c").astype(float)
        if values.size != len(self._offsets):
            raise ValueError(f"c: got {values.size} values for {len(self._offsets)} points")
        old, mapped = self._array, self._mapped_state
        self._array = values
        self.autoscale_clim(values)
        # the norm, the colormap and their settings as the kept rows were colored
        same_mapping = mapped == self._mapped_state
        colored = self._face is not None or self._face_bytes is not None
        if old is None or not colored or not same_mapping or old.shape != values.shape:
            self._colors_changed()
            return
        rows = changed_rows(old, values)
        if rows is None:
            return
        start, stop = rows
        if self._face is not None:
            self._face[start:stop] = self._map_colors(values[start:stop], start)
        if self._face_bytes is not None:
            self._face_bytes[start:stop] = self._map_bytes(values[start:stop], start)
        self._mark("color", start, stop)
        self._changed()

    def get_array(self):
        """The values mapped to colors, or None."""
        return None if self._array is None else self._array.copy()

    def set_color(self, c) -> None:
        """Face and edge color (matplotlib's ``Collection.set_color``)."""
        self._set_c(c)
        self.set_edgecolor(c)

    def set_facecolor(self, c) -> None:
        """The face color: one, or one per marker."""
        self._set_c(c)

    def _checked_alpha(self, alpha):
        """None, one number in 0..1, or one per point (as matplotlib's scatter)."""
        validate.alpha(alpha)
        if alpha is None or np.ndim(alpha) == 0:
            return alpha
        a = np.asarray(alpha, dtype=float).ravel()
        if a.size != len(self._offsets):
            raise ValueError(f"alpha: got {a.size} values for {len(self._offsets)} points, "
                             f"expected one number or {len(self._offsets)}")
        return a

    def set_alpha(self, alpha) -> None:
        """The opacity 0..1: one, or one per marker (None: the colors' own)."""
        self._alpha = self._checked_alpha(alpha)
        self._colors_changed()

    set_facecolors = set_facecolor

    def get_facecolor(self) -> np.ndarray:
        """The face colors (N, 4), alpha applied."""
        return self.face_rgba().copy()

    get_facecolors = get_facecolor

    def set_edgecolor(self, c) -> None:
        """'face' (the face colors), 'none', one color or one per point."""
        if isinstance(c, str) and c in ("face", "none"):
            self._edgecolors = c
        else:
            rows = colors.to_rgba_array(c, dtype=np.float64, argname="edgecolors")
            n = len(self._offsets)
            if len(rows) not in (1, n):
                raise ValueError(f"edgecolors: got {len(rows)} colors for {n} points, "
                                 f"expected 1 or {n}")
            self._edgecolors = rows
        self._colors_changed()

    set_edgecolors = set_edgecolor

    def get_edgecolor(self) -> np.ndarray:
        """The edge colors (N, 4) (the face colors when the edges are 'face')."""
        if isinstance(self._edgecolors, str):
            return self.face_rgba().copy() if self._edgecolors == "face" else np.zeros((0, 4))
        return self._with_alpha(self._edgecolors.copy())

    get_edgecolors = get_edgecolor

    def set_linewidth(self, lw) -> None:
        """The width of the markers' edges in points: one for all, or one per point
        (cycled over the points, as matplotlib's collections cycle them)."""
        validate.check(linewidths=lw)
        self._linewidths = _widths(lw)
        self._linewidths_default = False
        self._colors_changed()

    set_linewidths = set_linewidth

    def get_alpha(self):
        """The opacity: None, a number or one per point."""
        return self._alpha

    def _with_alpha(self, rgba: np.ndarray) -> np.ndarray:
        if self._alpha is not None:
            rgba[:, 3] = self._alpha
        return rgba

    def _mapping_changed(self) -> None:
        self._colors_changed()

    def _colors_changed(self) -> None:
        self._face = self._face_bytes = None
        self._mark("color", 0, len(self._offsets))
        if self._density is not None:
            self._sync_density_style()
        self._changed()

    def rescale(self) -> None:
        self._scaled = np.zeros((0, 2))  # every row is recomputed
        self._scale_rows(0, len(self._offsets))

    def _scale_rows(self, start: int, stop: int) -> None:
        """Recompute scale-space positions of rows start:stop from the offsets."""
        rows = self.axes.transScale.forward(self._offsets[start:stop])
        if len(self._scaled) != len(self._offsets):
            self._scaled = rows
        else:
            self._scaled[start:stop] = rows
        self._mark("pos", start, stop)
        d = self._density
        if d is not None:
            if len(d) == len(self._scaled):
                d.update(start, rows)
            else:
                d.set_data(self._scaled)
        self._changed()

    def data_limits(self):
        return _limits(self._offsets[:, 0], self._offsets[:, 1], self.axes.xaxis.scale,
                       self.axes.yaxis.scale)

    # -- colors and the markers batch -----------------------------------------------
    def _alpha_of(self, start: int, stop: int):
        """The alpha of points start:stop: None, one number or their rows."""
        a = self._alpha
        return a if a is None or np.ndim(a) == 0 else a[start:stop]

    def _map_colors(self, values: np.ndarray, start: int = 0) -> np.ndarray:
        """Face colors (float rows) of the values of points start:start + len(values)."""
        rgba = np.asarray(self.cmap(self.norm(values)), dtype=float).reshape(-1, 4)
        alpha = self._alpha_of(start, start + len(rgba))
        if alpha is not None:
            rgba[:, 3] = alpha
        return rgba

    def _map_bytes(self, values: np.ndarray, start: int = 0) -> np.ndarray:
        """``to_rgba_bytes(self._map_colors(values, start))``, from the colormap's table
        converted once: no float rows."""
        rgba = self.cmap.rgba_bytes(self.norm(values)).reshape(-1, 4)
        alpha = self._alpha_of(start, start + len(rgba))
        if alpha is not None:
            rgba[:, 3] = colors.rgba_to_bytes(np.atleast_1d(np.asarray(alpha, float)),
                                              np.float32)
        return rgba

    def face_rgba(self) -> np.ndarray:
        """Face colors (n, 4), computed once per change of colors (do not modify)."""
        if self._face is None:
            if self._array is not None:
                self._face = self._map_colors(self._array)
            else:
                rgba = np.array(self._facecolor, dtype=float)
                if len(rgba) == 1 and len(self._offsets) != 1 and np.ndim(self._alpha) == 1:
                    rgba = np.repeat(rgba, len(self._offsets), axis=0)
                self._face = self._with_alpha(rgba)
        return self._face

    def face_bytes(self) -> np.ndarray:
        """The face colors as the shader's (n, 4) uint8 rows (``to_rgba_bytes`` of
        :meth:`face_rgba`), computed once per change of colors (do not modify)."""
        if self._face_bytes is None:
            self._face_bytes = self._map_bytes(self._array) if self._array is not None \
                else colors.to_rgba_bytes(self.face_rgba(), len(self._offsets))
        return self._face_bytes

    def marker_style(self, sizes=None, face=None, each: bool = False):
        """(symbol, diameters px, face rgba rows, edge: one rgba, rows or 'face', edge
        width px), of markers of areas ``sizes`` (points², None: the points' own); the
        face rows are ``face`` (None: :meth:`face_rgba`). The edge width is the first
        given (a legend's marker), or with ``each`` and several given one per point.

        matplotlib strokes a scatter marker's outline in the face color by default
        (``edgecolors='face'``, 1 pt): drawn here as a marker that much larger, or, for
        outline markers (text, vertices), as an edge in the face color."""
        px = self.axes.figure.points_to_pixels
        if sizes is not None:
            areas = sizes
        else:  # one size: one diameter (computed as each point's would be), not N
            areas = self._sizes if self._one_size is None else np.float64(self._one_size)
        diameter = px(np.sqrt(np.maximum(areas, 0))) * MARKER_SCALE.get(self._marker, 1.0)
        face = self.face_rgba() if face is None else face
        widths = self._linewidths
        edge_w = px(widths[np.arange(len(self._offsets)) % widths.size]) \
            if each and widths.size > 1 else px(float(widths[0]))
        if is_line_marker(self._marker):  # matplotlib: lines.linewidth wide, face colors
            width = px(rcParams["lines.linewidth"]) if self._linewidths_default else edge_w
            return marker_symbol(self._marker), diameter, face, (0.0, 0.0, 0.0, 0.0), width
        symbol = marker_symbol(self._marker)
        if isinstance(symbol, str) and not is_filled(symbol):
            # carets: matplotlib fills them and strokes their open path in the face
            # colors (whatever the edge colors), lines.linewidth wide
            width = px(rcParams["lines.linewidth"]) if self._linewidths_default else edge_w
            return symbol, diameter, face, "face", width
        if isinstance(self._edgecolors, str):
            if self._edgecolors == "face" and isinstance(symbol, MarkerOutline):
                # a glyph's strokes thicken by the edge width, not by the size's growth
                return symbol, diameter, face, "face", edge_w
            if self._edgecolors == "face" and self._snaps_path(symbol):
                # Agg snaps the path for the edge's width, then strokes it
                return symbol, diameter, face, "face", edge_w
            if self._edgecolors == "face" and symbol != "disc":
                # a polygon's corners join round (the collection's joins): stroked, not
                # grown, which would reach sqrt(2) times farther at a diamond's tips
                return symbol, diameter, face, "face", edge_w
            if self._edgecolors == "face":  # a disc grown by the edge is the stroked disc
                diameter = diameter + edge_w
            return symbol, diameter, face, (0.0, 0.0, 0.0, 0.0), 0.0
        edge = self.get_edgecolor()
        return symbol, diameter, face, tuple(edge[0]) if len(edge) == 1 else edge, edge_w

    def batch_items(self) -> list[BatchItem]:
        """The points in a Markers batch of their symbol and edge style (only the rows
        changed since last time are uploaded); one batch per edge color when the edges
        differ from point to point, and per edge width where several are given (a Markers
        visual draws one of each); none in density mode."""
        changed, self._dirty = self._dirty, {}
        self._edge_groups = None
        if self._hatch_paths is not None:
            self._hatch_rings()
        if self._density is not None or not len(self._scaled):
            return []
        # the shader's bytes: a colormap's rows made straight from its table
        symbol, sizes, face, edge, edge_w = self.marker_style(face=self.face_bytes(),
                                                               each=True)
        sizes = np.broadcast_to(sizes, (len(self._scaled),))  # (a view of one size)
        # joins round: matplotlib's collections stroke with the graphics context's
        # default joins, whatever the marker's joinstyle (a line's markers take it)
        if not isinstance(edge, np.ndarray) and np.ndim(edge_w) == 0:
            return [BatchItem(Markers, (("symbol", symbol), ("edge_width", edge_w),
                                        ("edge_color", edge), ("join", "round"),
                                        ("snap", self._marker_snap())),
                              self.zorder, self._scaled,
                              face, size=sizes, changed=changed)]
        n = len(self._scaled)
        rows = isinstance(edge, np.ndarray)
        keys = np.c_[np.broadcast_to(edge if rows else np.zeros(4), (n, 4)),
                     np.broadcast_to(edge_w, (n,))]
        unique, inverse = np.unique(keys, axis=0, return_inverse=True)
        self._edge_groups = [np.flatnonzero(inverse.ravel() == k) for k in range(len(unique))]
        face = np.broadcast_to(face, (n, 4))
        return [BatchItem(Markers, (("symbol", symbol), ("edge_width", float(unique[k, 4])),
                                    ("edge_color", tuple(unique[k, :4]) if rows else edge),
                                    ("join", "round")),
                          self.zorder,
                          self._scaled[idx], face[idx], size=sizes[idx],
                          changed=dict.fromkeys(("pos", "size", "color"), True),
                          part=("edge", k))
                for k, idx in enumerate(self._edge_groups)]

    def _marker_snap(self):
        """``Markers.snap`` of the points: matplotlib's Collection.draw gives Agg's
        ``draw_markers`` (each origin rounded to a whole pixel) one symbol of one size,
        one face, edge color and line width, and ``draw_path_collection`` (the points
        where they are: None) anything more."""
        if not (self._one_style() and (self._one_size is not None or len(self._offsets) == 1)):
            return None
        return draw_markers_snap(self.get_snap())

    def _one_style(self) -> bool:
        """Whether matplotlib's collection has one face color, one edge color (not
        'none': no rows) and one line width."""
        n = len(self._offsets)
        one_face = n == 1 or (self._array is None and self._one_face
                              and np.ndim(self._alpha) == 0)
        edges = self._edgecolors  # 'face': the face's
        one_edge = edges == "face" if isinstance(edges, str) else len(edges) == 1 or n == 1
        return one_face and one_edge and self._linewidths.size == 1

    def _snaps_path(self, symbol) -> bool:
        """Whether Agg's ``draw_markers`` snaps the symbol's path to the pixel grid (for
        a stroke the line width wide, drawn or not), besides rounding its origin."""
        snap = self._marker_snap()
        return isinstance(symbol, str) and symbol in SNAPS and snap is not None and \
            snap is not False and (snap is True or SNAPS[symbol] > 0)

    def pick_index(self, index: int, part=None) -> int:
        if isinstance(part, tuple) and part[0] == "edge" and self._edge_groups is not None:
            return int(self._edge_groups[part[1]][index])
        return index

    def legend_handle(self, fontsize_px: float) -> LegendHandle:
        """matplotlib's legend marker of a scatter: the area halfway between the smallest
        and the largest marker's (drawn that size, however large), the first point's
        colors."""
        areas = np.asarray(self._sizes, dtype=float).ravel()
        areas = areas[np.isfinite(areas) & (areas >= 0)]
        lo, hi = (float(areas.min()), float(areas.max())) if len(areas) else (36.0, 36.0)
        symbol, sizes, face, edge, edge_w = self.marker_style(np.array([0.5 * (lo + hi)]))
        rgba = face[0] if len(face) else colors.to_rgba("C0")
        if isinstance(edge, np.ndarray):
            edge = tuple(edge[0])
        elif isinstance(edge, str):  # 'face'
            edge = tuple(rgba)
        return LegendHandle(marker=(symbol, float(np.ravel(sizes)[0]), rgba, edge, edge_w),
                            count="scatterpoints", marker_areas=(lo, hi),
                            marker_join="round",  # a collection's, as the points join
                            markers_rounded=self._one_style())

    def get_marker(self):
        """The marker code of the points."""
        return self._marker

    def legend_elements(self, prop: str = "colors", num="auto", fmt=None,
                        func=lambda x: x, **kwargs) -> tuple[list, list]:
        """Handles and labels for a legend of the colors or the sizes of the points
        (matplotlib's ``legend_elements``): ``ax.legend(*sc.legend_elements())``."""
        from .legend_handles import scatter_legend_elements

        return scatter_legend_elements(self, prop, num, fmt, func, kwargs)

    def data_points(self) -> np.ndarray:
        return self._offsets

    def pixel_offsets(self, offsets: np.ndarray) -> np.ndarray:
        """``offsets`` (rows of the points' coordinates) in figure pixels."""
        return self.axes.transData.forward(offsets)

    def legend_obstacles(self) -> Obstacles:
        """Its points (matplotlib counts a collection's offsets)."""
        return Obstacles(vertices=self.pixel_offsets(thinned(self._offsets)))

    def pick_hit(self, mouseevent) -> tuple[bool, dict] | None:
        """matplotlib's ``Collection.contains`` for round markers: every point whose
        marker the click falls in, or within the pick radius of (pixels: a numeric
        picker, else matplotlib's 5; inside only when it is 0 or less). None for other
        markers and density mode: the GPU's pick under the click decides."""
        if self._marker != "o" or self.uses_density() or mouseevent.x is None:
            return None
        picker = self.get_picker()
        radius = float(picker) if isinstance(picker, (int, float)) and \
            not isinstance(picker, bool) else 5.0
        with np.errstate(all="ignore"):  # NaN points hit nothing
            px = self.pixel_offsets(self._offsets)
            reach = self.axes.figure.points_to_pixels(np.sqrt(np.maximum(self._sizes, 0))) / 2
            d = np.hypot(px[:, 0] - float(mouseevent.x), px[:, 1] - float(mouseevent.y))
            ind = np.nonzero(d <= reach + max(radius, 0.0))[0]
        return len(ind) > 0, {"ind": ind}


def _drop_masked(x, y, s, c) -> tuple:
    """x and y with NaN where any of x, y, s or c (one value per point) is masked:
    matplotlib leaves those points out."""
    if not any(is_masked_array(v) and np.ma.is_masked(v) for v in (x, y, s, c)):
        return x, y  # (before np.size: a ragged list is refused by name later)
    n = np.size(x)
    masks = [np.ma.getmaskarray(v).reshape(-1) for v in (x, y, s, c)
             if is_masked_array(v) and np.ma.is_masked(v) and np.size(v) == n]
    if not masks or np.size(y) != n:
        return x, y
    gone = np.logical_or.reduce(masks)
    arr = as_1d(x, "x").reshape(-1)
    gap = np.array("NaT", dtype=arr.dtype) if arr.dtype.kind in "Mm" else np.nan
    return np.where(gone, gap, arr), y


def _mismatch(x, y):
    raise ValueError(f"x and y must be the same size: got {np.size(x)} and {np.size(y)}")
