"""Contours, voxels and matplotlib collections in 3D axes.

``Contour3DSet`` is mplot3d's contour: contourpy's lines and bands of a 2D field (the
same contours as the 2D axes draw), lifted to each level's height or to ``offset`` on
the plane across ``zdir``. ``voxel_faces`` gives the faces between filled and empty
cells of a voxel grid. ``adapt_collection`` turns matplotlib's collections (3D ones, or
2D ones placed on a plane) into lumos's.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from .. import colors
from ..geometry import triangulate, winding_fill
from ..visuals import Mesh
from .artists import LegendHandle, ScalarMappable
from .axes3d_artists import Artist3D, RankedLine, juggle_axes, rotate_axes
from .axes3d_collections import FacesBehind, Line3DCollection, Poly3DCollection
from .style import dash_pattern, rcParams


class _BandMesh(FacesBehind, Mesh):
    """Filled contour bands, behind the lines lying on them (``FacesBehind``)."""

    def draws(self, ctx):
        return self.behind(super().draws(ctx))


class _PlaneMesh(_BandMesh):
    """Faces on one plane that may overlap (a filled contour set at an offset): they do
    not write depth, so later faces cover earlier ones where they overlap, as matplotlib
    paints them in order, instead of fighting for depth."""

    def draws(self, ctx):
        return [replace(d, state=replace(d.state, depth_write=False))
                for d in super().draws(ctx)]


class Contour3DSet(Artist3D, ScalarMappable):
    """Contour lines (``contour``) or filled bands (``contourf``) in 3D; ``levels``,
    ``colors``/``cmap``/``norm``, ``linewidths``, ``linestyles``, ``alpha``, ``extend``
    as matplotlib's contour sets (single-colored negative levels are dashed)."""

    zorder = 2.0

    def __init__(self, axes, x, y, z, filled: bool, zdir: str = "z", offset=None,
                 levels=None, colors=None, cmap=None, norm=None, vmin=None, vmax=None,
                 alpha=None, linewidths=None, linestyles=None, negative_linestyles=None,
                 extend: str = "neither", label=None, zorder=None, antialiased=None,
                 corner_mask=True, algorithm=None, generator=None, **kwargs) -> None:
        import contourpy

        from .contour import check_extend
        from .grid_plots import contour_levels

        for alias, name in (("linewidth", "linewidths"), ("linestyle", "linestyles"),
                            ("color", "colors")):
            if alias in kwargs:
                value = kwargs.pop(alias)
                if name == "linewidths":
                    linewidths = value
                elif name == "linestyles":
                    linestyles = value
                else:
                    colors = value
        if kwargs:
            raise TypeError(f"{'contourf' if filled else 'contour'}: unexpected keyword "
                            f"arguments {sorted(kwargs)}")
        check_extend(extend)
        if cmap is not None and colors is not None:
            raise ValueError("colors and cmap: got both, expected at most one")
        super().__init__(axes, label, zorder)
        self.filled = bool(filled)
        self.zdir, self.offset, self.extend = zdir, offset, extend
        zm = np.ma.masked_invalid(z)
        self.levels = np.asarray(contour_levels(levels, zm, filled, extend, False), float)
        lev = list(self.levels)
        if extend in ("both", "min"):
            lev.insert(0, -1e250)
        if extend in ("both", "max"):
            lev.append(1e250)
        self._levels = np.asarray(lev)
        self.layers = self.levels if not filled else 0.5 * (self._levels[:-1] +
                                                            self._levels[1:])
        # heights: each line at its level, each band at its middle (extensions half a
        # step beyond), or all at the offset
        if filled:
            mids = self.levels[:-1] + np.diff(self.levels) / 2
            if extend in ("both", "min"):
                mids = np.r_[self.levels[0] - np.diff(self.levels[:2]) / 2, mids]
            if extend in ("both", "max"):
                mids = np.r_[mids, self.levels[-1] + np.diff(self.levels[-2:]) / 2]
            self._heights = mids
        else:
            self._heights = self.levels
        # what autoscaling fits across the contoured plane: mplot3d's filled sets fit
        # their bands' heights (offset or not), line sets the data
        self._fit_heights = self._heights if filled else None
        if offset is not None:
            self._heights = np.full(len(self._heights), float(offset))
        nlev = len(self.layers)
        self._colors = None if colors is None else colors
        self._init_mappable(cmap, norm, vmin, vmax)
        if colors is None:
            self.autoscale_clim(self.levels)
        self._alpha = None if alpha is None else float(alpha)
        lw = rcParams["lines.linewidth"] if linewidths is None else linewidths
        self._widths = np.resize(np.atleast_1d(np.asarray(lw, dtype=float)), nlev)
        self._styles = self._linestyles(linestyles, negative_linestyles, nlev, z)
        name = {None: "serial", "mpl2014": "serial"}.get(algorithm, algorithm)
        if name not in ("serial", "threaded"):
            raise ValueError(f"algorithm: got {algorithm!r}, expected 'mpl2014', 'serial' or "
                             "'threaded'")
        # ``generator``: another source of lines and bands (tricontour's triangles)
        gen = generator or contourpy.contour_generator(
            x, y, zm, name=name, corner_mask=corner_mask, line_type="Separate",
            fill_type="OuterOffset")
        self.allsegs: list[list[np.ndarray]] = []
        self._bands: list[list[tuple[np.ndarray, np.ndarray]]] = []
        if filled:
            lowers, uppers = self._levels[:-1].copy(), self._levels[1:]
            finite = zm.compressed()
            if finite.size and finite.min() == lowers[0]:
                lowers[0] -= 1  # the lowest band includes the minimum
            for lo, hi in zip(lowers, uppers, strict=True):
                pts, offs = gen.filled(lo, hi)
                band = [(np.asarray(p, float), np.asarray(o, np.int64))
                        for p, o in zip(pts, offs, strict=True)]
                self._bands.append(band)
                self.allsegs.append([p[o[k]:o[k + 1]] for p, o in band
                                     for k in range(len(o) - 1)])
        else:
            for lev_ in self.levels:
                self.allsegs.append([np.asarray(s, float) for s in gen.lines(lev_)])
        self._extent = [np.asarray(v, float) for v in (x, y, z)]
        # bands on one plane (at an offset) may overlap where the contoured coordinate
        # folds over the plane (mplot3d's side walls): later bands cover earlier ones
        self._mesh = _BandMesh(shading=None) if offset is None or not filled else _PlaneMesh(
            shading=None)
        self._lines = {}
        # matplotlib: contour lines smoothed as rcParams['lines.antialiased'] says unless
        # told; filled bands are one mesh here, with no seams to smooth either way
        smooth = bool(rcParams["lines.antialiased"] if antialiased is None else antialiased)
        for style in sorted({s for s in self._styles if s is not None} | {"-"}):
            self._lines[style] = RankedLine(antialiased=smooth)

    def _linestyles(self, linestyles, negative, nlev: int, z) -> list:
        if linestyles is None:
            styles = ["-"] * nlev
            if self._colors is not None and not self.filled and \
                    len(colors.to_rgba_array(self._colors, argname="colors")) == 1:
                neg = negative or rcParams.get("contour.negative_linestyle", "dashed")
                neg = {"dashed": "--", "dotted": ":", "dashdot": "-.", "solid": "-"}.get(
                    neg, neg)
                styles = [neg if lev < 0 else "-" for lev in self.levels]
            return styles
        names = {"solid": "-", "dashed": "--", "dotted": ":", "dashdot": "-."}
        given = [linestyles] if isinstance(linestyles, str) else list(linestyles)
        given = [names.get(s, s) for s in given]
        for s in given:
            if s not in ("-", "--", ":", "-."):
                raise ValueError(f"linestyles: got {s!r}, expected 'solid', 'dashed', "
                                 "'dotted' or 'dashdot'")
        return [given[i % len(given)] for i in range(nlev)]

    def level_rgba(self) -> np.ndarray:
        """The color of each level (lines) or band (filled)."""
        n = len(self.layers)
        if self._colors is not None:
            rows = colors.to_rgba_array(self._colors, dtype=np.float64, argname="colors")
            rgba = rows[np.arange(n) % len(rows)].copy()
        else:
            with np.errstate(all="ignore"):
                rgba = np.asarray(self.cmap(self.norm(self.layers)), float).reshape(-1, 4)
        if self._alpha is not None:
            rgba[:, 3] = self._alpha
        return rgba

    def get_array(self) -> np.ndarray:
        return np.asarray(self.layers).copy()

    # what a colorbar asks, as of a 2D contour set: blocks between the levels ticked at
    # them, or the contour lines across the bar
    def colorbar_blocks(self):
        from .contour import level_blocks

        return level_blocks(self.levels, self.filled, self.level_rgba(), self.extend,
                            self.cmap)

    def colorbar_extend(self) -> str:
        return self.extend

    def colorbar_lines(self):
        if self.filled:
            return None
        return np.asarray(self.layers, float), self.level_rgba(), self._widths.copy()

    def _mapping_changed(self) -> None:
        self._changed()

    def set_alpha(self, alpha) -> None:
        self._alpha = None if alpha is None else float(alpha)
        self._changed()

    def _lift(self, pts: np.ndarray, height: float) -> np.ndarray:
        """Contour points (a, b) in the contoured plane at ``height`` → data (x, y, z)."""
        a, b, c = rotate_axes(pts[:, 0], pts[:, 1], np.full(len(pts), height),
                              "-" + self.zdir)
        return np.c_[a, b, c]

    def visuals(self) -> list:
        return [self._mesh, *self._lines.values()]

    def set_visible(self, visible: bool) -> None:
        super().set_visible(visible)
        self._stale3d = True

    def _update3d(self) -> None:
        rgba = self.level_rgba()
        translucent = bool(len(rgba)) and rgba[:, 3].min() < 1
        if self.filled:
            verts, faces, cols, k = [], [], [], 0
            for band, c, h in zip(self._bands, rgba, self._heights, strict=True):
                for pts, offs in band:
                    rings, ends = [], []
                    for j in range(len(offs) - 1):
                        ring = pts[offs[j]:offs[j + 1]]
                        if len(ring) > 1 and np.array_equal(ring[0], ring[-1]):
                            ring = ring[:-1]
                        rings.append(ring)
                        ends.append((ends[-1] if ends else 0) + len(ring))
                    flat = np.concatenate(rings) if rings else np.zeros((0, 2))
                    if len(flat) < 3 or not np.isfinite(flat).all():
                        continue
                    flat, tri = self._clipped_fill(flat, ends, h)
                    if not len(tri):
                        continue
                    verts.append(self.axes.scaled(self._lift(flat, h)))
                    faces.append(tri + k)
                    cols.append(np.repeat(c[None], len(flat), axis=0))
                    k += len(flat)
            self._mesh.visible = self._visible and k > 0
            if k:
                self._mesh.set_data(np.concatenate(verts), np.concatenate(faces),
                                    vertex_colors=np.concatenate(cols))
                self._order(self._mesh, translucent)
            for line in self._lines.values():
                line.visible = False
            return
        self._mesh.visible = False
        px = self.axes.figure.points_to_pixels
        for style, line in self._lines.items():
            segs, cs, width = [], [], 0.0
            for i, (lev_segs, c) in enumerate(zip(self.allsegs, rgba, strict=True)):
                if self._styles[i] != style:
                    continue
                width = max(width, px(self._widths[i]))
                for s in lev_segs:
                    if len(s) >= 2:  # (axlim_clip: points outside break the line)
                        lifted = self.clip_to_limits(self._lift(s, self._heights[i]))
                        segs.append(self.axes.scaled(lifted))
                        cs.append(c)
            line.visible = self._visible and bool(segs) and width > 0
            if line.visible:
                line.width = width
                line.dashes = dash_pattern(None if style == "-" else style, width)
                line.set_data(segs, color=cs)
                self._order(line, translucent)

    def _clipped_fill(self, flat: np.ndarray, ends: list, height: float):
        """The points and triangles filling rings ``flat`` (ending at ``ends``) at
        ``height``; with ``axlim_clip``, mplot3d's NaN for the points outside the limits:
        each ring breaks there into runs that Agg fills as pieces closed by a chord
        (nonzero)."""
        if not self.axlim_clip:
            return flat, triangulate(flat, ends)
        keep = np.isfinite(self.clip_to_limits(self._lift(flat, height))).all(axis=1)
        if keep.all():
            return flat, triangulate(flat, ends)
        runs = []
        for ring, ok in zip(np.split(flat, ends[:-1]), np.split(keep, ends[:-1]),
                            strict=True):
            cuts = np.flatnonzero(np.diff(np.r_[False, ok, False].astype(np.int8)))
            runs += [ring[a:b] for a, b in zip(cuts[::2], cuts[1::2], strict=True)
                     if b - a >= 3]
        if not runs:
            return flat, np.zeros((0, 3), np.int64)
        pts = np.concatenate(runs)
        run_ends = np.cumsum([len(r) for r in runs])
        filled = winding_fill(pts, run_ends, "nonzero")
        return filled if filled is not None else (pts, triangulate(pts, run_ends))

    def walls(self, stride: int) -> tuple[list[np.ndarray], np.ndarray]:
        """mplot3d's ``extend3d``: the first line of each level as a ribbon of quads from
        half a level step below the level to half a step above, through every
        ``stride``-th point; returns the quads and one color per quad (its level's)."""
        if len(self.levels) < 2:
            raise ValueError(f"extend3d: got {len(self.levels)} level, expected at least 2 "
                             "(the ribbons are one level step high)")
        if stride < 1:
            raise ValueError(f"stride: got {stride!r}, expected an integer >= 1")
        dz = (self.levels[1] - self.levels[0]) / 2
        quads, cols = [], []
        for segs, level, c in zip(self.allsegs, self.levels, self.level_rgba(), strict=True):
            if not segs or not len(segs[0]):
                continue
            line = segs[0]
            top, bot = self._lift(line, level - dz), self._lift(line, level + dz)
            # mplot3d's sampling (Python's round, as it rounds)
            nsteps = max(round(len(line) / stride), 2)
            step = (len(line) - 1) / (nsteps - 1)
            idx = [round(i * step) for i in range(nsteps)]
            quads += [np.array([top[a], top[b], bot[b], bot[a]])
                      for a, b in zip(idx[:-1], idx[1:], strict=True)]
            cols += [c] * (nsteps - 1)
        return quads, np.array(cols).reshape(-1, 4)

    def data_limits3d(self):
        x, y, z = (v.ravel() for v in self._extent)
        if self._fit_heights is not None and len(self._fit_heights):
            ok = np.isfinite(x) & np.isfinite(y)
            x, y = x[ok], y[ok]
            z = np.resize(np.asarray(self._fit_heights, float), len(x))
            if len(x):
                z[:2] = np.nanmin(self._fit_heights), np.nanmax(self._fit_heights)
        pts = np.c_[rotate_axes(x, y, z, "-" + self.zdir)]
        finite = pts[np.isfinite(pts).all(axis=1)]
        if not len(finite):
            return None
        lo, hi = finite.min(axis=0), finite.max(axis=0)
        return tuple((float(a), float(b)) for a, b in zip(lo, hi, strict=True))

    def legend_handle(self, fontsize_px: float) -> LegendHandle:
        rgba = self.level_rgba()
        c = tuple(rgba[len(rgba) // 2]) if len(rgba) else (0.0, 0.0, 0.0, 0.0)
        if self.filled:
            return LegendHandle(patch=(c, None))
        return LegendHandle(line=(c, self.axes.figure.points_to_pixels(
            float(self._widths[0])), None))


def voxel_faces(filled: np.ndarray, coords) -> tuple[np.ndarray, np.ndarray]:
    """The faces between filled and empty (or outside) cells: polygons (M, 4, 3) in the
    coordinates of the corner grids ``coords`` (3 arrays of shape filled.shape + 1),
    counter-clockwise seen from outside, and the (i, j, k) of the filled cell each
    belongs to (M, 3)."""
    padded = np.pad(filled, 1)
    polys, cells = [], []
    unit = np.array([[0, 0], [1, 0], [1, 1], [0, 1]])
    for a in range(3):
        b, c = (a + 1) % 3, (a + 2) % 3
        lo = np.take(padded, range(0, padded.shape[a] - 1), axis=a)
        hi = np.take(padded, range(1, padded.shape[a]), axis=a)
        for normal, mask in ((1, lo & ~hi), (-1, hi & ~lo)):
            # trim the padding of the other two axes
            sl = [slice(1, -1)] * 3
            sl[a] = slice(None)
            idx = np.argwhere(mask[tuple(sl)])  # (plane index along a, j, k in b, c)
            if not len(idx):
                continue
            corners = unit if normal > 0 else unit[::-1]
            lattice = np.repeat(idx[:, None, :], 4, axis=1)
            lattice[:, :, b] += corners[None, :, 0]
            lattice[:, :, c] += corners[None, :, 1]
            pts = np.stack([coords[d][tuple(lattice.reshape(-1, 3).T)] for d in range(3)],
                           axis=-1).reshape(-1, 4, 3)
            cell = idx.copy()
            cell[:, a] -= 1 if normal > 0 else 0
            polys.append(pts)
            cells.append(cell)
    if not polys:
        return np.zeros((0, 4, 3)), np.zeros((0, 3), int)
    return np.concatenate(polys), np.concatenate(cells)


def adapt_collection(col, zs=0, zdir: str = "z"):
    """A lumos 3D collection from a 2D one (lumos's or matplotlib's PolyCollection or
    LineCollection) placed on the plane at ``zs`` across ``zdir``, through their public
    getters. matplotlib's own 3D collections keep their 3D vertices only in private
    attributes: build lumos's (``lumos.mplot3d.art3d``, same arguments) instead."""
    kind = type(col).__name__
    if kind in ("Poly3DCollection", "Line3DCollection", "Path3DCollection"):
        raise TypeError(f"col: got matplotlib's {kind}; build lumos's "
                        f"lumos.mplot3d.art3d.{kind} (same arguments) for 3D axes")
    face, edge = _get(col, "get_facecolor"), _get(col, "get_edgecolor")
    widths, alpha = _get(col, "get_linewidth"), _get(col, "get_alpha")
    if hasattr(col, "get_segments"):
        items = _lift_2d(col.get_segments(), zs, zdir)
        return Line3DCollection(items, colors=edge if edge is not None and len(edge)
                                else None, linewidths=widths, alpha=alpha)
    if hasattr(col, "get_paths"):
        items = _lift_2d([p.vertices for p in col.get_paths()], zs, zdir)
        return Poly3DCollection(items, facecolors=face if face is not None and len(face)
                                else None, edgecolors=edge if edge is not None and len(edge)
                                else "face", linewidths=widths, alpha=alpha)
    raise TypeError(f"col: got {kind}, expected a 3D collection (lumos.mplot3d.art3d) or a "
                    "2D PolyCollection or LineCollection placed with zs")


def _get(col, name: str):
    fn = getattr(col, name, None)
    return None if fn is None else fn()


def _lift_2d(items, zs, zdir: str) -> list[np.ndarray]:
    items = [np.asarray(v, float) for v in items]
    z = np.broadcast_to(np.asarray(zs, float), (len(items),)) if np.ndim(zs) else \
        np.full(len(items), float(zs))
    out = []
    for v, h in zip(items, z, strict=True):
        x, y, zz = juggle_axes(v[:, 0], v[:, 1], np.full(len(v), h), zdir)
        out.append(np.c_[x, y, zz])
    return out
