"""The contour lines and filled contours of ``contour`` and ``contourf``
(:class:`ContourSet`, one :class:`ContourLevel` per level).
"""

from __future__ import annotations

import numpy as np

from .. import colors
from ..geometry import triangulate
from ..path import Path
from .artists import ScalarMappable
from .collections import (
    Collection,
    color_rows,
    finite_limits_xy,
    short_linestyle,
    to_scale,
)
from .contour_labels import ContourLabeler
from .style import rcParams


def check_extend(extend) -> str:
    """A contour set's ``extend`` as matplotlib takes it: 'min', 'max' and 'both' extend
    the ends; any other string extends neither, and is kept (matplotlib's colorbar then
    refuses it); a non-string is a TypeError."""
    if not isinstance(extend, str):
        raise TypeError(f"extend: got {type(extend).__name__}, expected 'neither', 'min', "
                        "'max' or 'both'")
    return extend


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


class _LinesOnly:
    """A contourpy generator giving (points, codes) per line seen as one giving points
    (what ``ContourSet`` asks of a line generator)."""

    def __init__(self, generator) -> None:
        self._generator = generator

    def lines(self, level: float) -> list[np.ndarray]:
        points, _ = self._generator.lines(level)
        return points


class ContourSet(ContourLabeler, Collection, ScalarMappable):
    """Contour lines or filled contours (``contour``/``contourf``): one Mesh for all filled
    levels, one Line per line style; levels and colors like matplotlib."""

    def __init__(self, axes, x, y, z, levels, filled: bool, colors_=None, cmap=None,
                 norm=None, vmin=None, vmax=None, alpha=None, linewidths=None,
                 linestyles=None, negative_linestyles=None, extend="neither", label=None,
                 zorder=None, corner_mask=True, algorithm=None, generator=None,
                 antialiased=None) -> None:
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
        if cmap is not None and colors_ is not None:
            raise ValueError("colors and cmap: got both, expected at most one")
        lw = rcParams["lines.linewidth"] if linewidths is None else linewidths
        widths = np.resize(np.atleast_1d(np.asarray(lw, dtype=float)), nlev)
        self.monochrome = colors_ is not None and len(color_rows(colors_, "colors")) == 1
        styles = self._process_linestyles(linestyles, negative_linestyles, nlev)
        self._level_style = [(float(w), s) for w, s in zip(widths, styles, strict=True)]
        self._regroup(0 if self.filled else nlev)
        super().__init__(axes, facecolor="none", edgecolor="none", alpha=alpha, label=label,
                         zorder=2.0 if zorder is None and not self.filled else zorder,
                         n_lines=len(self._groups))  # line contours: a line's zorder
        self._init_labels()
        self.set_antialiased(antialiased)
        if colors_ is not None:
            self._init_mappable(self._listed(color_rows(colors_, "colors")), None, None,
                                None)
        else:
            self._init_mappable(cmap, norm, vmin, vmax)
            self.autoscale_clim(self.levels)
        self._colors_given = colors_ is not None
        if generator is None:
            import contourpy

            # contourpy's 'serial' gives matplotlib's default ('mpl2014') contours
            name = {None: "serial", "mpl2014": "serial"}.get(algorithm, algorithm)
            if name not in ("serial", "threaded"):
                raise ValueError(f"algorithm: got {algorithm!r}, expected 'mpl2014', 'serial' "
                                 "or 'threaded'")
            if algorithm in (None, "mpl2014") and not self.filled:
                # the same lines as 'serial', but each loop starts where matplotlib's does,
                # which decides where clabel puts its labels
                gen = _LinesOnly(contourpy.contour_generator(
                    x, y, np.ma.masked_invalid(zf), name="mpl2014", corner_mask=corner_mask,
                    line_type="SeparateCode"))
            else:
                gen = contourpy.contour_generator(x, y, np.ma.masked_invalid(zf), name=name,
                                                  corner_mask=corner_mask,
                                                  line_type="Separate",
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
        """Take the contours off their axes, with their hatches and labels."""
        for c in [*self.hatch_collections, *self.labelTexts]:
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
                neg = short_linestyle(rcParams.get("contour.negative_linestyle", "dashed")
                                       if negative is None else negative)
                eps = -(self.zmax - self.zmin) * 1e-15
                styles = [neg if lev < eps else "-" for lev in self.levels]
            return styles
        if isinstance(linestyles, str):
            return [short_linestyle(linestyles)] * nlev
        given = [short_linestyle(s) for s in linestyles]
        return [given[i % len(given)] for i in range(nlev)]

    def set_linestyle(self, ls) -> None:
        """One line style for every contour line (matplotlib's ``set_linestyle``)."""
        style = short_linestyle(ls)
        self._level_style = [(w, style) for w, _ in self._level_style]
        self._regroup(len(self._groups))
        super().set_linestyle(ls)

    set_linestyles = set_linestyle

    def _regroup(self, n: int) -> None:
        """One line visual per distinct (width, style) of the levels; ``n`` visuals in all
        (one per level for line contours, so restyling by level never needs more), the
        spare ones drawing nothing (width 0)."""
        groups = [] if self.filled else sorted(set(self._level_style), key=str)
        self._groups = groups + [(0.0, "-")] * (n - len(groups))

    def set_antialiased(self, aa) -> None:
        """Smooth line contours (True; None: rcParams["patch.antialiased"], matplotlib's
        default) or hard ones, each pixel in or out (False). Filled contours are drawn
        band against band without seams, as matplotlib's contourf default (False);
        smoothed band edges (True) lumos does not draw: a TypeError."""
        if self.filled:
            if aa:
                raise TypeError("antialiased: got True for filled contours; lumos fills "
                                "the bands edge to edge, as matplotlib's contourf default "
                                "(antialiased=False)")
            return
        smooth = bool(rcParams["patch.antialiased"] if aa is None else aa)
        for visual in self._line_visuals:
            visual.antialiased = smooth
        self._changed()

    def get_antialiased(self) -> bool:
        """Whether the contour lines are smoothed (filled contours: False)."""
        return not self.filled and bool(self._line_visuals[0].antialiased)

    def get_linewidth(self):
        """The line contours' widths in points, one per level (a filled contour: its
        edge width)."""
        if self.filled:
            return super().get_linewidth()
        return np.array([w for w, _ in self._level_style])

    def set_linewidth(self, lw) -> None:
        """The line contours' widths in points: one for all levels, or one per level
        (cycled, as matplotlib does)."""
        if self.filled:
            super().set_linewidth(lw)
            return
        if isinstance(lw, (str, bytes)):
            raise TypeError(f"linewidth: got str {lw!r}, expected points (a number or one "
                            "per level)")
        w = np.asarray(lw, dtype=float).ravel()
        if w.size == 0 or not np.isfinite(w).all() or (w < 0).any():
            raise ValueError(f"linewidth: got {lw!r}, expected numbers >= 0 (one, or one "
                             "per level)")
        widths = np.resize(w, len(self._level_style))
        self._level_style = [(float(x), s) for x, (_, s) in zip(widths, self._level_style,
                                                                strict=True)]
        self._regroup(len(self._groups))
        self.rescale()

    get_linewidths = get_linewidth
    set_linewidths = set_linewidth

    def _listed(self, rows: np.ndarray):
        """matplotlib's colormap of ``colors=``: one color per layer between the levels,
        the list repeated; given one more for each extended end, those are the under
        and over colors (else the colormap's own, its first and last)."""
        n = len(self.levels) - (1 if self.filled else 0)
        low, high = self.extend in ("both", "min"), self.extend in ("both", "max")
        ends = self.filled and (low or high) and len(rows) == n + low + high
        cmap = colors.ListedColormap(rows[1:] if ends and low else rows, N=n)
        if ends and low:
            cmap.set_under(tuple(rows[0]))
        if ends and high:
            cmap.set_over(tuple(rows[-1]))
        return cmap

    def _level_rgba(self) -> np.ndarray:
        with np.errstate(all="ignore"):
            if self._colors_given:  # the listed colors by index: -1 under, n over
                low = int(self.filled and self.extend in ("both", "min"))
                values = np.arange(len(self.layers)) - low
            else:
                values = self.norm(self.layers)
            rgba = np.asarray(self.cmap(values), dtype=float).reshape(-1, 4)
        if self._alpha is not None:
            rgba[:, 3] = self._alpha
        return rgba

    #: contourf(hatches=...): the patterns, cycled over the levels
    hatches: list = [None]
    _path_effects: list = []

    def set_path_effects(self, effects) -> None:
        """matplotlib's path effects on line contours: ``TickedStroke`` and
        ``withTickedStroke`` (ticks in each line's color and width, ``spacing`` points
        apart, at ``angle`` degrees: 90 to the left of the way the line runs), ``Stroke``
        and ``withStroke`` (each line drawn ``linewidth`` points wide in ``foreground``
        under or over it, not offset) and ``Normal``; anything else, or effects on
        filled contours, is a TypeError."""
        from .effects import Normal, Stroke, TickedStroke, read_effects

        read = read_effects(effects, on="line")
        for e in read:
            if isinstance(e, TickedStroke) and (e.linewidth, e.foreground, e.alpha) != (
                    None, None, None):
                raise TypeError("path_effects: ticked strokes on contours are drawn in the "
                                "lines' own color and width; got linewidth, foreground or "
                                "alpha")
            if isinstance(e, Stroke) and any(e.offset):
                raise TypeError(f"path_effects: strokes on contours are not offset; got "
                                f"offset {e.offset}")
            if not isinstance(e, (Normal, TickedStroke, Stroke)):
                raise TypeError(f"path_effects: contours take strokes, ticked strokes and "
                                f"Normal; got {type(e).__name__}")
        if read and (self.filled or not self.axes.transProjection.frozen().is_linear):
            raise TypeError("path_effects: drawn on line contours of rectilinear axes only; "
                            f"got {effects!r}")
        strokes = sum(isinstance(e, Stroke) for e in read)
        styles = len(set(self._level_style))
        if (1 + strokes) * styles > len(self._groups):
            # a stroke is one more line visual per line style; the set has one per level
            raise TypeError(f"path_effects: {strokes} strokes on {styles} line styles need "
                            f"{(1 + strokes) * styles} line visuals; this contour set has "
                            f"{len(self._groups)} (one per level)")
        self._path_effects = read
        # the ticks are placed in pixels: rebuilt when the view moves
        self._view_dependent = any(isinstance(e, TickedStroke) for e in read)
        self.rescale()

    def get_path_effects(self) -> list:
        """The path effects (lumos's objects standing for matplotlib's)."""
        return list(self._path_effects)

    def _effect_lines(self, polys: list, cs: list) -> tuple[list, list]:
        """The contour lines as their path effects draw them: the ticks of each ticked
        stroke (one two-point polyline each, in the line's color) and the lines
        themselves where the effects draw them."""
        from .effects import TickedStroke
        from .line_effects import draws_line, ticks

        if not self._path_effects:
            return polys, cs
        ax = self.axes
        px = ax.figure.points_to_pixels
        out, out_cs = [], []
        for e in self._path_effects:
            if not isinstance(e, TickedStroke):
                continue
            offset = np.array([px(v) for v in e.offset])
            for poly, c in zip(polys, cs, strict=True):
                segs = ticks(ax.transView.forward(poly) + offset, px(e.spacing), e.angle,
                             e.length)
                out.extend(ax.transView.inverse(s) for s in segs)
                out_cs.extend([c] * len(segs))
        if draws_line(self._path_effects):
            out, out_cs = out + polys, out_cs + cs
        return out, out_cs

    def legend_elements(self, variable_name: str = "x", str_format=str) -> tuple[list, list]:
        """Handles and labels for a legend of the levels (matplotlib's): a patch per
        band of filled contours, labelled ``$a < x \\leq b$``; a line per level of line
        contours, labelled ``$x = a$``."""
        from .legend_handles import MarkerHandle, PatchHandle

        rgba = self._level_rgba()
        handles, labels = [], []
        if not self.filled:
            for i, level in enumerate(self.levels):
                width, style = self._level_style[i]
                handles.append(MarkerHandle(self.axes.figure, marker=None, color=rgba[i],
                                            linestyle=style, linewidth=width))
                labels.append(f"${variable_name} = {str_format(level)}$")
            return handles, labels
        lowers, uppers = self._levels[:-1].copy(), self._levels[1:]
        if self.zmin == lowers[0]:  # as the bands were cut
            lowers[0] = 0.99 * self.zmin if self.logscale else lowers[0] - 1
        n = len(self.layers)
        for i in range(n):
            handles.append(PatchHandle(self.axes.figure, tuple(rgba[i]),
                                       self.hatches[i % len(self.hatches)]))
            lo, hi = str_format(lowers[i]), str_format(uppers[i])
            # matplotlib's labels, its stray 's' of the extended ends included
            if i == 0 and self.extend in ("min", "both"):
                labels.append(f"${variable_name} \\leq {lo}s$")
            elif i == n - 1 and self.extend in ("max", "both"):
                labels.append(f"${variable_name} > {hi}s$")
            else:
                labels.append(f"${lo} < {variable_name} \\leq {hi}$")
        return handles, labels

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
        lines, strokes = [], []
        for group in self._groups:
            polys, cs = [], []
            for i, style in enumerate(self._level_style):
                if style != group:
                    continue
                for seg in self.allsegs[i]:
                    polys.append(self._view(np.c_[to_scale(ax.xaxis, seg[:, 0]),
                                                  to_scale(ax.yaxis, seg[:, 1])]))
                    cs.append(rgba[i])
            if polys:
                strokes.append(polys)
            polys, cs = self._effect_lines(polys, cs)
            lines.append((polys, np.asarray(cs).reshape(-1, 4), group[0], group[1]))
        return None, self._with_strokes(lines, strokes)

    def _with_strokes(self, lines: list, polys: list) -> list:
        """``lines`` (one per line visual) with the strokes of the path effects: each
        stroke the lines of each style (``polys``) in its own visual, before the lines
        where the effects draw it first, after them otherwise; the spare visuals (width
        0) give way to them."""
        from .effects import Stroke
        from .line_effects import effect_steps

        steps = effect_steps(self._path_effects)
        if not any(isinstance(e, Stroke) for e in steps):
            return lines
        shown = [entry for entry in lines if entry[0]]
        at = steps.index("line") if "line" in steps else len(steps)

        def stroked(e):
            rgba = colors.to_rgba(e.foreground, e.alpha)
            return [(p, np.tile(rgba, (len(p), 1)), e.linewidth, "-") for p in polys]

        before = [x for e in steps[:at] if isinstance(e, Stroke) for x in stroked(e)]
        after = [x for e in steps[at:] if isinstance(e, Stroke) for x in stroked(e)]
        out = before + shown + after
        # set_path_effects made sure of the room; a restyle since may take it back
        out = out[:len(lines)]
        return out + [([], np.zeros((0, 4)), 0.0, "-")] * (len(lines) - len(out))

    def data_limits(self):
        return finite_limits_xy(self._x, self._y, self.axes)

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
        return level_blocks(self.levels, self.filled, self._level_rgba(), self.extend,
                            self.cmap)

    def colorbar_extend(self) -> str:
        return self.extend

    def colorbar_lines(self):
        return None if self.filled else self.level_lines()

    def colorbar_hatches(self) -> list | None:
        if not (self.filled and any(self.hatches)):
            return None
        return [self.hatches[i % len(self.hatches)] for i in range(len(self.layers))]

    def level_lines(self):
        """(levels, colors, widths in points) of the contour lines (``add_lines``)."""
        rgba = self._level_rgba()
        widths = np.array([w for w, _ in self._level_style], dtype=float)
        return np.asarray(self.layers, float), rgba, widths


def level_blocks(levels, filled: bool, rgba: np.ndarray, extend: str, cmap):
    """What a colorbar of a contour set (2D or 3D) draws: (boundaries, block colors,
    under, over) between the levels; a set of lines has no colors (its lines go across
    the bar at the levels). None for fewer than 2 levels."""
    b = np.asarray(levels, dtype=float)
    if len(b) < 2:
        return None
    if filled:
        i0 = 1 if extend in ("min", "both") else 0
        i1 = len(rgba) - (1 if extend in ("max", "both") else 0)
        inner = rgba[i0:i1]
        under = tuple(rgba[0]) if i0 else cmap.under
        over = tuple(rgba[-1]) if i1 < len(rgba) else cmap.over
    else:  # matplotlib's bar of contour lines: no colors, the lines at the levels
        inner = np.zeros((len(b) - 1, 4))
        under = over = (0.0, 0.0, 0.0, 0.0)
    return b, inner, under, over
