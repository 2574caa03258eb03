"""mplot3d's plotting methods of :class:`~lumos.plot.axes3d.Axes3D`: plot, scatter,
plot_surface, plot_wireframe, plot_trisurf, contour/contourf, quiver, bar3d, bar,
voxels, stem, text, add_collection3d (and lumos's volume); names, keywords and
defaults as mplot3d's.

Keywords mplot3d takes that lumos cannot honour raise a TypeError naming them
(``data=``);
2D-only methods inherited from the 2D axes raise too rather than draw something wrong.
"""

from __future__ import annotations

import numpy as np

from .. import colors
from .artists import accepts_rasterized
from .axes3d_artists import (
    Text3D,
    check_zdir,
    generate_normals,
    juggle_axes,
    rotate_axes,
    shade_colors,
)
from .axes3d_collections import (
    Line3DCollection,
    Poly3DCollection,
    Surface3DCollection,
)
from .axes3d_lines import Line3D, Path3DCollection
from .containers import StemContainer

# 2D axes methods without a 3D meaning here: they raise instead of drawing in 2D
_NOT_3D = ("imshow", "pcolormesh", "pcolor", "hist", "barh", "fill_betweenx",
           "step", "hlines", "vlines", "axhline", "axvline", "axhspan", "axvspan", "fill",
           "stream", "waterfall", "add_collection", "add_line", "clabel")
_LOG_PLOTS = ("semilogx", "semilogy", "semilogz", "loglog")


def _float_array(values, name: str) -> np.ndarray:
    arr = np.ma.filled(np.ma.asarray(values, dtype=float), np.nan) \
        if np.ma.isMaskedArray(values) else np.asarray(values)
    if arr.dtype.kind not in "biuf":
        raise TypeError(f"{name}: got dtype {arr.dtype}, expected numbers")
    return np.array(arr, dtype=float)


def _broadcast(names: str, *arrays) -> list[np.ndarray]:
    """Float copies broadcast to one shape, or a ValueError naming the arguments."""
    arrs = [_float_array(a, n) for a, n in zip(arrays, names.split(", "), strict=True)]
    try:
        return [np.array(a) for a in np.broadcast_arrays(*arrs)]
    except ValueError:
        shapes = ", ".join(str(a.shape) for a in arrs)
        raise ValueError(f"{names}: got shapes {shapes}, expected arrays of one shape (or "
                         "that broadcast to one)") from None


def _check_data(data) -> None:
    if data is not None:
        raise TypeError("data: labelled data (data=...) is not supported by lumos's 3D axes")


def _strides(kwargs: dict, rows: int, cols: int, default_stride: int = 10,
             default_count: int = 50) -> tuple[int, int]:
    """mplot3d's sampling: strides, or at most rcount × ccount points (the default)."""
    has_stride = "rstride" in kwargs or "cstride" in kwargs
    has_count = "rcount" in kwargs or "ccount" in kwargs
    if has_stride and has_count:
        raise ValueError("rstride/cstride and rcount/ccount: got both, expected one pair")
    rstride = int(kwargs.pop("rstride", default_stride))
    cstride = int(kwargs.pop("cstride", default_stride))
    rcount = int(kwargs.pop("rcount", default_count))
    ccount = int(kwargs.pop("ccount", default_count))
    if not has_stride:
        rstride = int(max(np.ceil(rows / rcount), 1)) if rcount else 0
        cstride = int(max(np.ceil(cols / ccount), 1)) if ccount else 0
    for name, v in (("rstride", rstride), ("cstride", cstride)):
        if v < 0:
            raise ValueError(f"{name}: got {v}, expected a positive integer")
    return rstride, cstride


def _take(kwargs: dict, *names, default=None):
    """The first of ``names`` in kwargs (aliases), removed; two given is a TypeError."""
    found = [n for n in names if n in kwargs]
    if len(found) > 1:
        raise TypeError(f"got {found[0]!r} and {found[1]!r}, expected one of them")
    return kwargs.pop(found[0]) if found else default


def _reject(kwargs: dict, where: str) -> None:
    if kwargs:
        raise TypeError(f"{where}: unexpected keyword arguments {sorted(kwargs)}")


class Plotting3D:
    """The plotting methods of 3D axes (mixed into Axes3D)."""

    # -- lines and points -------------------------------------------------------------
    @accepts_rasterized
    def plot(self, xs, ys, *args, zdir: str = "z", axlim_clip: bool = False, **kwargs):
        """``plot(xs, ys, zs, fmt, **kwargs)`` (also ``zs=``): a line in 3D; with
        ``zdir`` 2D data on the plane perpendicular to that axis at ``zs``."""
        from .axes_plotting import _normalize_kwargs, parse_fmt

        check_zdir(zdir)
        args = list(args)
        if args and not isinstance(args[0], str):
            if "zs" in kwargs:
                raise TypeError("plot: got zs positionally and as a keyword")
            zs = args.pop(0)
        else:
            zs = kwargs.pop("zs", 0)
        fmt = args.pop(0) if args and isinstance(args[0], str) else ""
        if args:
            raise TypeError(f"plot: got {len(args)} extra positional arguments (3D axes plot "
                            "one line per call)")
        style = {**parse_fmt(fmt), **_normalize_kwargs(kwargs)}
        x, y, z = _broadcast("xs, ys, zs", xs, ys, zs)
        x, y, z = (v.reshape(-1) for v in (x, y, z))
        if "color" not in style:
            style["color"] = self._next_color()
        line = Line3D(self, x, y, z, zdir=zdir, **style)
        line.axlim_clip = bool(axlim_clip)
        return [self._add_artist(line)]

    plot3D = plot

    @accepts_rasterized
    def scatter(self, xs, ys, zs=0, zdir: str = "z", s=20, c=None, depthshade=None, *args,
                depthshade_minalpha=None, axlim_clip: bool = False, data=None, **kwargs):
        """Points in 3D; ``s`` areas in points², ``c`` colors or values for ``cmap``;
        ``depthshade`` fades farther points (mplot3d's depth cue)."""
        from .axes_plotting import _normalize_kwargs
        from .style import rcParams

        _check_data(data)
        check_zdir(zdir)
        if args:  # matplotlib's scatter takes marker, cmap, norm, ... positionally
            names = ("marker", "cmap", "norm", "vmin", "vmax", "alpha", "linewidths")
            for name, value in zip(names, args, strict=False):
                kwargs.setdefault(name, value)
        kwargs = {k: v for k, v in _normalize_kwargs(kwargs).items()}
        if "linewidth" in kwargs:
            kwargs["linewidths"] = kwargs.pop("linewidth")
        for alias, name in (("edgecolor", "edgecolors"), ("ec", "edgecolors")):
            if alias in kwargs:
                kwargs[name] = kwargs.pop(alias)
        allowed = {"marker", "cmap", "norm", "vmin", "vmax", "alpha", "linewidths",
                   "edgecolors", "label", "zorder", "color"}
        _reject({k: v for k, v in kwargs.items() if k not in allowed}, "scatter")
        x, y, z = _broadcast("xs, ys, zs", xs, ys, zs)
        x, y, z = (v.reshape(-1) for v in (x, y, z))
        if c is None and "color" not in kwargs:
            kwargs["color"] = self._next_patch_color()  # matplotlib: the patches' cycle
        depthshade = rcParams["axes3d.depthshade"] if depthshade is None else depthshade
        minalpha = rcParams["axes3d.depthshade_minalpha"] if depthshade_minalpha is None \
            else depthshade_minalpha
        pc = Path3DCollection(self, x, y, z, zdir=zdir, depthshade=depthshade,
                              depthshade_minalpha=minalpha, s=np.ravel(s), c=c, **kwargs)
        pc.axlim_clip = bool(axlim_clip)
        if self.get_zmargin() < 0.05 and x.size:  # mplot3d's scatter: room for the markers
            self.set_zmargin(0.05)
        return self._add_artist(pc)

    scatter3D = scatter

    # -- surfaces ------------------------------------------------------------------------
    def _grid3(self, X, Y, Z):
        x, y, z = _broadcast("X, Y, Z", X, Y, Z)
        if z.ndim != 2:
            raise ValueError(f"Z: got shape {np.shape(Z)}, expected a 2D array (X, Y and Z "
                             "of one shape, or broadcasting to one)")
        return x, y, z

    @accepts_rasterized
    def plot_surface(self, X, Y, Z, *, norm=None, vmin=None, vmax=None, lightsource=None,
                     axlim_clip: bool = False, **kwargs):
        """A surface of quadrilaterals over the grid X, Y (at most ``rcount`` ×
        ``ccount`` of them, 50 × 50 by default, or every ``rstride``/``cstride`` point):
        one ``color`` shaded by the light (``shade``, ``lightsource``), heights through
        ``cmap``, or ``facecolors``. NaN heights leave holes."""
        X, Y, Z = self._grid3(X, Y, Z)  # noqa: N806
        rows, cols = Z.shape
        if rows < 2 or cols < 2:
            raise ValueError(f"Z: got shape {Z.shape}, expected at least 2 x 2 points")
        rstride, cstride = _strides(kwargs, rows, cols)
        if rstride == 0 or cstride == 0:
            raise ValueError("rcount and ccount: got 0, expected at least 1 (a surface needs "
                             "rows and columns)")
        row_inds = list(range(0, rows - 1, rstride)) + [rows - 1]
        col_inds = list(range(0, cols - 1, cstride)) + [cols - 1]
        fcolors = kwargs.pop("facecolors", None)
        cmap = kwargs.pop("cmap", None)
        shade = kwargs.pop("shade", cmap is None)
        if shade is None:
            raise ValueError("shade: got None, expected True or False")
        color = _take(kwargs, "color", "c")
        alpha = kwargs.pop("alpha", None)
        edgecolors = _take(kwargs, "edgecolor", "edgecolors", "ec")
        linewidths = _take(kwargs, "linewidth", "linewidths", "lw")
        label, zorder = kwargs.pop("label", None), kwargs.pop("zorder", None)
        # matplotlib's antialiased=False hides seams between polygons: lumos draws the
        # surface as one mesh, which has none either way
        _take(kwargs, "antialiased", "antialiaseds", "aa")
        _reject(kwargs, "plot_surface")
        cells = None
        if fcolors is not None:
            given = np.asarray(fcolors)
            # (rows, cols) color names, or (rows, cols, 3 or 4) numbers
            flat = given.reshape(-1) if given.ndim == 2 else given.reshape(
                -1, given.shape[-1])
            fc = np.asarray(colors.to_rgba_array(flat, argname="facecolors")).reshape(
                *given.shape[:2], 4)
            cells = fc[np.ix_(row_inds[:-1], col_inds[:-1])]
        elif cmap is None and color is None:
            color = self._next_color()
        surf = Surface3DCollection(
            self, X, Y, Z, row_inds, col_inds, cmap=cmap, norm=norm, vmin=vmin, vmax=vmax,
            facecolors=cells, color=color, shade=shade, lightsource=lightsource,
            alpha=alpha, edgecolors=edgecolors, linewidths=linewidths, label=label,
            zorder=zorder, axlim_clip=axlim_clip)
        return self._add_artist(surf)

    @accepts_rasterized
    def plot_wireframe(self, X, Y, Z, *, axlim_clip: bool = False, **kwargs):
        """Grid lines of the surface X, Y, Z: every ``rstride``-th row and ``cstride``-th
        column (or at most ``rcount`` × ``ccount``, 50 by default; 0 leaves that
        direction out)."""
        X, Y, Z = self._grid3(X, Y, Z)  # noqa: N806
        rows, cols = Z.shape
        rstride, cstride = _strides(kwargs, rows, cols, default_stride=1)
        if rstride == 0 and cstride == 0:
            raise ValueError("Either rstride or cstride must be non zero")
        lines = []
        if rstride:
            rii = list(range(0, rows, rstride))
            if rii[-1] != rows - 1:
                rii.append(rows - 1)
            lines += [np.c_[X[i], Y[i], Z[i]] for i in rii]
        if cstride:
            cii = list(range(0, cols, cstride))
            if cii[-1] != cols - 1:
                cii.append(cols - 1)
            lines += [np.c_[X[:, j], Y[:, j], Z[:, j]] for j in cii]
        if not any(k in kwargs for k in ("color", "colors", "c")):
            kwargs["colors"] = self._next_color()
        return self.add_collection3d(Line3DCollection(lines, axlim_clip=axlim_clip, **kwargs))

    @accepts_rasterized
    def plot_trisurf(self, *args, color=None, norm=None, vmin=None, vmax=None,
                     lightsource=None, axlim_clip: bool = False, **kwargs):
        """A triangulated surface: ``plot_trisurf(x, y, z)`` (Delaunay triangles of x,
        y), ``(x, y, z, triangles=...)``, ``(x, y, triangles, z)`` or a matplotlib
        ``Triangulation`` and z; ``cmap`` colors by mean height, else ``color`` shaded."""
        args = list(args)
        triangles = kwargs.pop("triangles", None)
        mask = kwargs.pop("mask", None)
        if args and hasattr(args[0], "triangles") and hasattr(args[0], "x"):
            tri = args.pop(0)  # a matplotlib Triangulation
            x, y = np.asarray(tri.x, float), np.asarray(tri.y, float)
            triangles = np.asarray(tri.get_masked_triangles())
        else:
            if len(args) < 2:
                raise TypeError("plot_trisurf: expected x, y and z")
            x, y = _float_array(args.pop(0), "x").ravel(), _float_array(args.pop(0), "y").ravel()
            if len(args) >= 2 and np.asarray(args[0]).ndim == 2:
                triangles = args.pop(0)
        if not args:
            if "Z" not in kwargs:
                raise TypeError("plot_trisurf: expected z")
            args.append(kwargs.pop("Z"))
        z = _float_array(args.pop(0), "z").ravel()
        if args:
            raise TypeError(f"plot_trisurf: got {len(args)} extra positional arguments")
        if not (len(x) == len(y) == len(z)):
            raise ValueError(f"x, y, z: got lengths {len(x)}, {len(y)}, {len(z)}, expected "
                             "equal lengths")
        tris = _triangles(x, y, triangles, mask)
        cmap = kwargs.pop("cmap", None)
        shade = kwargs.pop("shade", cmap is None)
        polys = np.stack([x[tris], y[tris], z[tris]], axis=-1)
        if color is None:
            color = self._next_color()
        coll = Poly3DCollection(polys, facecolors=color, cmap=cmap, norm=norm,
                                axlim_clip=axlim_clip, **kwargs)
        if cmap is not None:
            coll.set_array(polys[..., 2].mean(axis=1))
            if vmin is not None or vmax is not None:
                coll.set_clim(vmin, vmax)
        elif shade:
            coll.set_facecolor(shade_colors(color, generate_normals(polys), lightsource))
        return self.add_collection3d(coll)

    # -- contours ------------------------------------------------------------------------
    @accepts_rasterized
    def contour(self, X, Y, Z, *args, extend3d: bool = False, stride: int = 5,
                zdir: str = "z", offset=None, axlim_clip: bool = False, data=None, **kwargs):
        """Contour lines of Z over X, Y, each at its level's height, or all on the plane
        at ``offset``; ``zdir`` 'x' or 'y' contours X (or Y) over the other two, as
        mplot3d's profiles on the side panes."""
        return self._contour3d(False, X, Y, Z, args, kwargs, zdir, offset, axlim_clip,
                               data, extend3d, stride)

    contour3D = contour

    @accepts_rasterized
    def contourf(self, X, Y, Z, *args, zdir: str = "z", offset=None,
                 axlim_clip: bool = False, data=None, **kwargs):
        """Filled contours between levels, each band at its mid level's height (or at
        ``offset``)."""
        return self._contour3d(True, X, Y, Z, args, kwargs, zdir, offset, axlim_clip, data,
                               False, 5)

    contourf3D = contourf

    def _contour3d(self, filled, X, Y, Z, args, kwargs, zdir, offset, axlim_clip, data,
                   extend3d, stride):
        from .axes3d_contour import Contour3DSet

        _check_data(data)
        check_zdir(zdir)
        X, Y, Z = self._grid3(X, Y, Z)  # noqa: N806
        jx, jy, jz = rotate_axes(X, Y, Z, zdir)
        if len(args) > 1:
            raise TypeError(f"{'contourf' if filled else 'contour'}: got {len(args)} extra "
                            "positional arguments, expected at most levels")
        if args:
            if "levels" in kwargs:
                raise TypeError("levels: got it positionally and as a keyword")
            kwargs["levels"] = args[0]
        cs = Contour3DSet(self, jx, jy, jz, filled, zdir=zdir, offset=offset, **kwargs)
        cs.axlim_clip = bool(axlim_clip)
        return self._contour_or_walls(cs, extend3d, stride)

    def _contour_or_walls(self, cs, extend3d: bool, stride: int):
        """The contour set added, or with ``extend3d`` its lines as ribbons (mplot3d's
        shaded quads; the set itself, returned for a colorbar, is hidden)."""
        if not extend3d:
            return self._add_artist(cs)
        quads, rgba = cs.walls(int(stride))
        self.add_collection3d(Poly3DCollection(quads, facecolors=rgba, edgecolors=rgba,
                                               shade=True))
        cs.set_visible(False)  # kept for the limits: mplot3d fits them to the whole grid
        return self._add_artist(cs)

    @accepts_rasterized
    def tricontour(self, *args, extend3d: bool = False, stride: int = 5, zdir: str = "z",
                   offset=None, axlim_clip: bool = False, data=None, **kwargs):
        """Contour lines of values on a triangulation (``tricontour(triang, z[, levels])``
        or ``(x, y, [triangles,] z[, levels])``), each at its level's height or all on
        the plane at ``offset``."""
        return self._tricontour3d(False, args, kwargs, zdir, offset, axlim_clip, data,
                                  extend3d, stride)

    @accepts_rasterized
    def tricontourf(self, *args, zdir: str = "z", offset=None, axlim_clip: bool = False,
                    data=None, **kwargs):
        """Filled contours of values on a triangulation, each band at its mid level's
        height (or at ``offset``)."""
        return self._tricontour3d(True, args, kwargs, zdir, offset, axlim_clip, data,
                                  False, 5)

    def _tricontour3d(self, filled, args, kwargs, zdir, offset, axlim_clip, data,
                      extend3d, stride):
        from .axes3d_contour import Contour3DSet
        from .tri import Triangulation, TriContourGenerator, values_at_points

        where = "tricontourf" if filled else "tricontour"
        _check_data(data)
        check_zdir(zdir)
        tri, args, kwargs = Triangulation.get_from_args_and_kwargs(*args, **kwargs)
        if not args:
            raise TypeError(f"{where}: got no z values")
        if len(args) > 2:
            raise TypeError(f"{where}: got {len(args) - 2} extra positional arguments, "
                            "expected at most levels")
        if len(args) == 2:
            if "levels" in kwargs:
                raise TypeError("levels: got it positionally and as a keyword")
            kwargs["levels"] = args[1]
        z = values_at_points(tri, args[0])
        # mplot3d's zdir: the triangulation of the two other coordinates is contoured
        jx, jy, jz = rotate_axes(tri.x, tri.y, z, zdir)
        flat = Triangulation(jx, jy, tri.triangles, tri.mask)
        cs = Contour3DSet(self, jx[None], jy[None], jz[None], filled, zdir=zdir,
                          offset=offset, generator=TriContourGenerator(flat, jz), **kwargs)
        cs.axlim_clip = bool(axlim_clip)
        return self._contour_or_walls(cs, extend3d, stride)

    # -- vectors, bars, voxels, stems ------------------------------------------------------
    @accepts_rasterized
    def quiver(self, X, Y, Z, U, V, W, *, length: float = 1, arrow_length_ratio: float = 0.3,
               pivot: str = "tail", normalize: bool = False, axlim_clip: bool = False,
               data=None, **kwargs):
        """Arrows from (X, Y, Z) along (U, V, W) times ``length`` (unit length with
        ``normalize``), heads ``arrow_length_ratio`` of the arrow, as mplot3d draws them
        (a shaft and two head strokes each)."""
        _check_data(data)
        if pivot not in ("tail", "middle", "tip"):
            raise ValueError(f"pivot: got {pivot!r}, expected 'tail', 'middle' or 'tip'")
        x, y, z, u, v, w = _broadcast("X, Y, Z, U, V, W", X, Y, Z, U, V, W)
        xyz = np.c_[x.ravel(), y.ravel(), z.ravel()]
        uvw = np.c_[u.ravel(), v.ravel(), w.ravel()]
        ok = np.isfinite(xyz).all(axis=1) & np.isfinite(uvw).all(axis=1)
        xyz, uvw = xyz[ok], uvw[ok]
        norm = np.linalg.norm(uvw, axis=1)
        keep = norm > 0
        xyz, uvw, norm = xyz[keep], uvw[keep], norm[keep]
        if normalize:
            uvw = uvw / norm[:, None]
        shafts = uvw * float(length)
        if pivot == "tail":
            start = xyz
        elif pivot == "middle":
            start = xyz - shafts / 2
        else:
            start = xyz - shafts
        heads = _arrow_heads(uvw) * float(length) * float(arrow_length_ratio)
        tips = start + shafts
        lines = [np.array([s, t]) for s, t in zip(start, tips, strict=True)]
        lines += [np.array([t, t - h]) for t, hs in zip(tips, heads, strict=True) for h in hs]
        if not any(k in kwargs for k in ("color", "colors", "c")):
            kwargs["colors"] = self._next_color()
        elif np.ndim(kwargs.get("colors", kwargs.get("color", "k"))) == 2:
            # one color per arrow: the head strokes take their arrow's
            key = "colors" if "colors" in kwargs else "color"
            c = colors.to_rgba_array(kwargs[key], argname=key)[ok][keep]
            kwargs[key] = np.r_[c, np.repeat(c, 2, axis=0)]
        coll = Line3DCollection(lines, axlim_clip=axlim_clip, **kwargs)
        coll.set_autolim_points(xyz)  # mplot3d autoscales to the arrows' positions
        return self.add_collection3d(coll)

    quiver3D = quiver

    @accepts_rasterized
    def bar3d(self, x, y, z, dx, dy, dz, color=None, zsort: str = "average",
              shade: bool = True, lightsource=None, *args, axlim_clip: bool = False,
              data=None, **kwargs):
        """Boxes from (x, y, z) of size (dx, dy, dz); ``color`` one, one per bar or one
        per face (6 per bar), shaded by the light source."""
        _check_data(data)
        if args:
            raise TypeError(f"bar3d: got {len(args)} extra positional arguments")
        x, y, z, dx, dy, dz = (v.ravel() for v in _broadcast(
            "x, y, z, dx, dy, dz", x, y, z, dx, dy, dz))
        n = len(x)
        cube = np.array([  # mplot3d's faces: -z, +z, -y, +y, -x, +x
            [[0, 0, 0], [0, 1, 0], [1, 1, 0], [1, 0, 0]],
            [[0, 0, 1], [1, 0, 1], [1, 1, 1], [0, 1, 1]],
            [[0, 0, 0], [1, 0, 0], [1, 0, 1], [0, 0, 1]],
            [[0, 1, 0], [0, 1, 1], [1, 1, 1], [1, 1, 0]],
            [[0, 0, 0], [0, 0, 1], [0, 1, 1], [0, 1, 0]],
            [[1, 0, 0], [1, 1, 0], [1, 1, 1], [1, 0, 1]]], float)
        origin = np.c_[x, y, z][:, None, None, :]
        size = np.c_[dx, dy, dz][:, None, None, :]
        polys = origin + cube[None] * size
        # a negative size mirrors a box: keep its faces counter-clockwise from outside
        mirrored = dx * dy * dz < 0
        polys[mirrored] = polys[mirrored][:, :, ::-1]
        polys = polys.reshape(-1, 4, 3)
        if color is None:
            color = self._next_patch_color()  # mplot3d: the patches' cycle
        rgba = colors.to_rgba_array(color, dtype=np.float64, argname="color")
        if len(rgba) == n and n != 1 or (n == 1 and len(rgba) == 1):
            rgba = np.repeat(rgba, 6, axis=0)
        elif len(rgba) == 6 * n:
            pass
        elif len(rgba) == 1:
            rgba = np.repeat(rgba, 6 * n, axis=0)
        else:
            raise ValueError(f"color: got {len(rgba)} colors for {n} bars, expected 1, {n} "
                             f"or {6 * n}")
        if shade and len(polys):
            rgba = shade_colors(rgba, generate_normals(polys), lightsource)
        coll = Poly3DCollection(polys, zsort=zsort, facecolors=rgba, axlim_clip=axlim_clip,
                                **kwargs)
        coll.set_solid(True)
        return self.add_collection3d(coll)

    @accepts_rasterized
    def bar(self, left, height, zs=0, zdir: str = "z", *args, axlim_clip: bool = False,
            data=None, **kwargs):
        """2D bars (``width`` 0.8, from ``bottom`` 0) on the plane at ``zs`` across
        ``zdir``: mplot3d's bars in rows."""
        _check_data(data)
        check_zdir(zdir)
        width = float(kwargs.pop("width", 0.8))
        bottom = kwargs.pop("bottom", 0.0)
        align = kwargs.pop("align", "center")
        if align not in ("center", "edge"):
            raise ValueError(f"align: got {align!r}, expected 'center' or 'edge'")
        left, height, bottom = (v.ravel() for v in _broadcast("left, height, bottom", left,
                                                              height, bottom))
        x0 = left - width / 2 if align == "center" else left
        zs = np.broadcast_to(np.asarray(zs, float), left.shape)
        polys = []
        for a, b, h, zz in zip(x0, bottom, height, zs, strict=True):
            xs = np.array([a, a + width, a + width, a])
            ys = np.array([b, b, b + h, b + h])
            polys.append(np.c_[juggle_axes(xs, ys, np.full(4, zz), zdir)])
        if args:
            kwargs.setdefault("color", args[0])
        color = _take(kwargs, "color", "c")
        face = self._next_patch_color() if color is None else color
        coll = Poly3DCollection(polys, facecolors=face, axlim_clip=axlim_clip, **kwargs)
        return self.add_collection3d(coll)

    @accepts_rasterized
    def voxels(self, *args, facecolors=None, edgecolors=None, shade: bool = True,
               lightsource=None, axlim_clip: bool = False, **kwargs):
        """Filled cells of a 3D boolean array as cubes (``voxels(filled)`` or
        ``voxels(x, y, z, filled)`` with corner coordinates); only faces between a
        filled and an empty cell are drawn. Returns {(i, j, k): collection} for the
        filled cells (one collection draws them all)."""
        from .axes3d_contour import voxel_faces

        if len(args) >= 3:
            xyz, args = args[:3], args[3:]
        else:
            xyz = None
        if len(args) != 1:
            raise TypeError("voxels: expected (filled) or (x, y, z, filled)")
        filled = np.asarray(args[0])
        if filled.ndim != 3:
            raise ValueError(f"filled: got shape {filled.shape}, expected 3 dimensions")
        filled = filled.astype(bool)
        size = np.array(filled.shape)
        if xyz is None:
            coords = np.indices(size + 1).astype(float)
        else:
            coords = [np.broadcast_to(np.asarray(c, float), tuple(size + 1)) for c in xyz]
        if facecolors is None:
            facecolors = self._next_patch_color()
        polys, cells = voxel_faces(filled, coords)
        fc = _voxel_colors(facecolors, size, cells, "facecolors")
        if shade and len(polys):
            fc = shade_colors(fc, generate_normals(polys), lightsource)
        ec = None if edgecolors is None else _voxel_colors(edgecolors, size, cells,
                                                           "edgecolors")
        coll = Poly3DCollection(polys, facecolors=fc, edgecolors=ec, axlim_clip=axlim_clip,
                                **kwargs)
        coll.set_solid(xyz is None)  # corners given: they may run backwards
        self.add_collection3d(coll)
        return {tuple(int(v) for v in c): coll for c in np.argwhere(filled)}

    def volume(self, data, **kwargs):
        """A scalar field ``data[z, y, x]`` ray-marched on the GPU (``method`` 'mip',
        'translucent', 'iso' or 'average'; ``cmap``, ``vmin``/``vmax``, ``opacity``,
        ``threshold``, ``step``, ``spacing``, ``origin``, ``clip_planes`` as
        :class:`lumos.visuals.Volume`). h5py, zarr, Dask and memmap data are read
        lazily, at the level the view needs (``max_bytes``, ``tile``): see
        :mod:`lumos.plot.axes3d_volume`."""
        from .axes3d_volume import VolumePlot

        return self._add_artist(VolumePlot(self, data, **kwargs))

    @accepts_rasterized
    def stem(self, x, y, z, *, linefmt: str = "C0-", markerfmt: str = "C0o",
             basefmt: str = "C3-", bottom=0, label=None, orientation: str = "z",
             axlim_clip: bool = False, data=None):
        """Lines from ``bottom`` (on the plane across ``orientation``) to each point, a
        marker at the point and a baseline through the feet."""
        from .axes_plotting import parse_fmt

        _check_data(data)
        if orientation not in ("x", "y", "z"):
            raise ValueError(f"orientation: got {orientation!r}, expected 'x', 'y' or 'z'")
        x, y, z = (v.ravel() for v in _broadcast("x, y, z", x, y, z))
        heads = np.c_[x, y, z]
        i = "xyz".index(orientation)
        feet = heads.copy()
        feet[:, i] = float(bottom)
        line = parse_fmt(linefmt)
        stemlines = self.add_collection3d(Line3DCollection(
            [np.array([f, h]) for f, h in zip(feet, heads, strict=True)],
            colors=line.get("color", "C0"), linestyles=line.get("linestyle", "-"),
            label="_nolegend_", axlim_clip=axlim_clip))
        mstyle = parse_fmt(markerfmt)
        # a markerfmt without a color takes the next cycle color (mplot3d plots it with
        # the format alone), not the stems' color as the 2D stem does
        markerline = self.plot(x, y, z, color=mstyle.get("color") or self._next_color(),
                               marker=mstyle.get("marker", "o"), linestyle="None",
                               label=label, axlim_clip=axlim_clip)[0]
        bstyle = parse_fmt(basefmt)
        base = feet  # through the feet in the data's order, as mplot3d draws it
        baseline = self.plot(base[:, 0], base[:, 1], base[:, 2],
                             color=bstyle.get("color", "C3"),
                             linestyle=bstyle.get("linestyle", "-"), label="_nolegend_",
                             axlim_clip=axlim_clip)[0]
        return StemContainer((markerline, stemlines, baseline), label=label)

    stem3D = stem

    # -- text and collections ---------------------------------------------------------------
    def text(self, x, y, z, s, zdir=None, *, axlim_clip: bool = False, **kwargs):
        """Text at (x, y, z), facing the screen; ``zdir`` turns it along that axis (or
        direction) as the camera sees it."""
        aliases = {"fontsize": "fontsize", "size": "fontsize", "c": "color",
                   "horizontalalignment": "ha", "verticalalignment": "va"}
        kw = {}
        for k, v in kwargs.items():
            kw[aliases.get(k, k)] = v
        allowed = {"fontsize", "color", "ha", "va", "rotation", "label", "zorder",
                   "fontweight"}
        _reject({k: v for k, v in kw.items() if k not in allowed}, "text")
        t = Text3D(self, x, y, z, s, zdir=zdir, **kw)
        t.axlim_clip = bool(axlim_clip)
        return self._add_artist(t)

    text3D = text

    def text2D(self, x, y, s, fontdict=None, **kwargs):
        """Text in the figure's 2D overlay at projected coordinates (or through
        ``transform=ax.transAxes``), as mplot3d's ``text2D``."""
        from .axes import Axes

        return Axes.text(self, x, y, s, **{**(fontdict or {}), **kwargs})

    def annotate(self, text, xy, *args, **kwargs):
        """An annotation in the figure's 2D overlay, as mplot3d's: ``xy`` in any of
        matplotlib's coordinate systems ('data': projected coordinates, as ``text2D``)."""
        from .axes import Axes

        return Axes.annotate(self, text, xy, *args, **kwargs)

    def add_patch(self, p):
        """Add a 2D patch (lumos's or matplotlib's) to lay flat in the box with
        ``art3d.pathpatch_2d_to_3d(p, z=..., zdir=...)``; until then it lies on z = 0
        (where matplotlib fails to draw it). Returns ``p``."""
        from .axes3d_patches import add_patch3d

        return add_patch3d(self, p)

    def add_collection3d(self, col, zs=0, zdir: str = "z", autolim: bool = True, *,
                         axlim_clip: bool = False):
        """Add a Poly3DCollection or Line3DCollection (lumos's or matplotlib's), or a
        2D matplotlib collection lifted onto the plane at ``zs`` across ``zdir``
        (``axlim_clip`` applies to that one, as in mplot3d; a 3D collection keeps its
        own)."""
        from .axes3d_contour import adapt_collection

        check_zdir(zdir)
        if not hasattr(col, "sync3d"):
            col = adapt_collection(col, zs, zdir)
            col.axlim_clip = bool(axlim_clip)
        if col in self.artists:
            raise ValueError("col: got a collection that is already in these axes")
        if col.axes is not None and col.axes is not self:
            raise ValueError("col: got a collection of other axes (an artist belongs to one "
                             "axes)")
        col._attach(self)
        col.in_autoscale = bool(autolim)
        self._add_artist(col)
        return col



def _triangles(x, y, triangles, mask) -> np.ndarray:
    """(M, 3) triangle indices: given ones (checked), or the Delaunay triangulation of
    (x, y) from matplotlib (the same as its plot_trisurf) or scipy."""
    if triangles is not None:
        t = np.asarray(triangles)
        if t.ndim != 2 or t.shape[1] != 3 or t.dtype.kind not in "iu":
            raise ValueError(f"triangles: got shape {t.shape} {t.dtype}, expected (M, 3) "
                             "integers")
        if t.size and (t.min() < 0 or t.max() >= len(x)):
            raise ValueError(f"triangles: indices must lie in 0..{len(x) - 1}")
    else:
        try:
            from matplotlib.tri import Triangulation

            t = Triangulation(x, y).triangles
        except ImportError:
            try:
                from scipy.spatial import Delaunay
            except ImportError:
                raise ImportError("plot_trisurf without triangles needs a Delaunay "
                                  "triangulation: install matplotlib or scipy") from None
            t = Delaunay(np.c_[x, y]).simplices
    t = np.asarray(t, dtype=np.int64)
    if mask is not None:
        m = np.asarray(mask, bool)
        if m.shape != (len(t),):
            raise ValueError(f"mask: got shape {m.shape}, expected ({len(t)},)")
        t = t[~m]
    return t


def _arrow_heads(uvw: np.ndarray) -> np.ndarray:
    """(N, 2, 3): the two head strokes of each arrow, mplot3d's: the unit direction
    turned ±15° about the axis perpendicular to it and z (or x)."""
    n = len(uvw)
    out = np.zeros((n, 2, 3))
    if not n:
        return out
    d = uvw / np.linalg.norm(uvw, axis=1, keepdims=True)
    x, y = d[:, 0], d[:, 1]
    # rotation axis: (y, -x, 0) normalised, (0, 1, 0) for vertical arrows (mplot3d)
    axis = np.c_[y, -x, np.zeros(n)]
    length = np.linalg.norm(axis, axis=1)
    axis = np.where(length[:, None] > 0, axis / np.where(length > 0, length, 1)[:, None],
                    np.array([0.0, 1.0, 0.0]))
    for k, angle in enumerate((np.radians(15), -np.radians(15))):
        c, s = np.cos(angle), np.sin(angle)
        r = axis
        # Rodrigues' rotation of d about r by angle
        out[:, k] = d * c + np.cross(r, d) * s + r * (r * d).sum(axis=1)[:, None] * (1 - c)
    return out


def _voxel_colors(c, size, cells: np.ndarray, name: str) -> np.ndarray:
    """RGBA (M, 4) of the voxels ``cells`` (M, 3): ``c`` one color, or colors per cell
    (an array of size + (3|4,) numbers, or of color specs: only filled cells are read)."""
    arr = np.asarray(c) if isinstance(c, np.ndarray) else None
    if arr is not None and arr.ndim >= 3 and tuple(arr.shape[:3]) == tuple(size):
        picked = arr[tuple(cells.T)] if len(cells) else arr.reshape(-1)[:0]
        specs = list(picked) if arr.ndim == 3 else picked
        if not len(specs):
            return np.zeros((0, 4))
        return colors.to_rgba_array(specs, dtype=np.float64, argname=name)
    rgba = colors.to_rgba(c, argname=name)
    return np.tile(np.asarray(rgba, float), (len(cells), 1))


def _blocked(name: str):
    advice = ("use ax.set_xscale/set_yscale/set_zscale and ax.plot(...) instead, as "
              "mplot3d says" if name in _LOG_PLOTS else
              "mplot3d draws it in 2D; use a 2D axes beside it")

    def method(self, *args, **kwargs):
        raise NotImplementedError(f"{name}: not available on 3D axes ({advice})")

    method.__name__ = name
    method.__doc__ = f"Not on 3D axes: raises NotImplementedError ({advice})."
    return method


for _name in (*_NOT_3D, *_LOG_PLOTS):
    setattr(Plotting3D, _name, _blocked(_name))
