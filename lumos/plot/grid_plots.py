"""matplotlib's pcolormesh, pcolor, contour, contourf, clabel and quiver as Axes methods:
values on 2-D grids.

``Axes`` has the methods of :class:`GridPlotsMixin` through
:class:`~lumos.plot.plot_types.PlotTypesMixin`, which loads this module at the first use
of one of them; they use ``self`` as the Axes. Argument names, defaults and return
types follow matplotlib.
"""

from __future__ import annotations

from numbers import Integral

import numpy as np

from .. import colors
from . import bigdata, validate
from .artists import accepts_rasterized
from .collections import QuadMesh
from .contour import ContourSet, check_extend
from .plot_args import check_choice, float_values, normalize_kwargs
from .quiver import Quiver
from .style import rcParams


def _interp_grid(X: np.ndarray) -> np.ndarray:
    """Cell edges from cell centres along the last axis (matplotlib's 'nearest')."""
    if X.shape[1] > 1:
        dX = np.diff(X, axis=1) * 0.5  # noqa: N806
        return np.hstack((X[:, [0]] - dX[:, [0]], X[:, :-1] + dX, X[:, [-1]] + dX[:, [-1]]))
    return np.hstack((X, X))


def grid_coords(self, X, Y) -> tuple[np.ndarray, np.ndarray]:
    """2-D float coordinate arrays (dates converted) from 1-D or 2-D X and Y."""
    X = np.asarray(X)  # noqa: N806
    Y = np.asarray(Y)  # noqa: N806
    for name, a in (("X", X), ("Y", Y)):
        if a.dtype.kind in "USO" and a.dtype.kind != "O":
            raise TypeError(f"{name}: got strings ({a.dtype}), expected numbers")
    X = np.asarray(self.xaxis.convert(_grid_values(X, "X")), dtype=float)  # noqa: N806
    Y = np.asarray(self.yaxis.convert(_grid_values(Y, "Y")), dtype=float)  # noqa: N806
    return X, Y


def _grid_values(a: np.ndarray, argument: str) -> np.ndarray:
    if np.ma.isMaskedArray(a):
        a = np.ma.filled(a.astype(float), np.nan)
    if a.dtype == object:
        try:
            a = a.astype(float)
        except (TypeError, ValueError):
            raise TypeError(f"{argument}: got non-numeric values, expected numbers") from None
    if a.dtype.kind not in "biufMm":
        raise TypeError(f"{argument}: got dtype {a.dtype}, expected numbers")
    return np.array(a, copy=True)


def pcolor_shading(shading: str, c_shape: tuple, x_shape: tuple, y_shape: tuple) -> str:
    """The shading of ``pcolormesh(X, Y, C)`` from the shapes (1-D X and Y stand for
    their grids): 'auto' resolved ('nearest' when the coordinates are as many as C's
    cells, else 'flat'); a ValueError naming what does not fit."""
    nx, ny = x_shape[-1], y_shape[0]
    grid_x = tuple(x_shape) if len(x_shape) == 2 and x_shape[0] != 1 else (ny, nx)
    grid_y = tuple(y_shape) if len(y_shape) == 2 and y_shape[1] != 1 else (ny, nx)
    if grid_x != grid_y:
        raise ValueError(f"X and Y must have the same shape: got {grid_x} and {grid_y}")
    if shading == "auto":
        shading = "nearest" if tuple(c_shape) == (ny, nx) else "flat"
    if shading == "flat":
        if (nx, ny) != (c_shape[1] + 1, c_shape[0] + 1):
            raise ValueError(f"C: got shape {tuple(c_shape)}, expected one less than X "
                             f"({nx}) and Y ({ny}) along each axis with shading='flat'")
    elif (nx, ny) != (c_shape[1], c_shape[0]):
        raise ValueError(f"C: got shape {tuple(c_shape)}, incompatible with X ({nx}) "
                         f"and Y ({ny}) with shading={shading!r}")
    return shading


def _as_grid(C, argument: str = "C", real_part: bool = False) -> np.ma.MaskedArray:
    """A float 2-D masked copy of C (NaN masked); complex C with ``real_part``: its real
    part and numpy's ComplexWarning (contour's Z, as in matplotlib; pcolormesh refuses)."""
    if isinstance(C, str):
        raise TypeError(f"{argument}: got str, expected a 2-D array of numbers")
    arr = np.ma.array(C, copy=True)
    if arr.dtype.kind == "c" and real_part:
        arr = arr.astype(arr.real.dtype)  # numpy warns: "Casting complex values to real..."
    if arr.dtype.kind not in "biuf":
        raise TypeError(f"{argument}: got dtype {arr.dtype}, expected numbers")
    if arr.ndim != 2:
        raise ValueError(f"{argument}: got shape {arr.shape}, expected a 2-D array")
    return np.ma.masked_invalid(arr.astype(float))


class GridPlotsMixin:
    """The pseudocolor, contour and vector-field methods of :class:`lumos.plot.Axes`."""

    # -- pseudocolor -------------------------------------------------------------------
    @accepts_rasterized
    def pcolormesh(self, *args, alpha=None, norm=None, cmap=None, vmin=None, vmax=None,
                   shading=None, antialiased: bool = False, colorizer=None,
                   **kwargs) -> QuadMesh:
        """A colored grid: ``pcolormesh(C)`` or ``pcolormesh(X, Y, C)``; X, Y are cell
        edges ('flat') or centres ('nearest', 'gouraud'); 'auto' picks by shape."""
        cmap, norm = validate.colorizer_mapping("pcolormesh", colorizer, cmap, norm, vmin, vmax)
        return self._pcolor("pcolormesh", args, alpha, norm, cmap, vmin, vmax, shading,
                            {**kwargs, "antialiased": antialiased}, 1.0)

    @accepts_rasterized
    def pcolor(self, *args, shading=None, alpha=None, norm=None, cmap=None, vmin=None,
               vmax=None, colorizer=None, **kwargs) -> QuadMesh:
        """Like :meth:`pcolormesh` (no 'gouraud'), for matplotlib scripts."""
        cmap, norm = validate.colorizer_mapping("pcolor", colorizer, cmap, norm, vmin, vmax)
        if shading is not None and str(shading).lower() == "gouraud":
            raise ValueError("shading: got 'gouraud', expected 'flat', 'nearest' or 'auto' "
                             "for pcolor (use pcolormesh)")
        return self._pcolor("pcolor", args, alpha, norm, cmap, vmin, vmax, shading, kwargs,
                            0.25)

    def _pcolor(self, funcname, args, alpha, norm, cmap, vmin, vmax, shading, kwargs,
                default_lw):
        # (snap and rasterized: accepts_rasterized sets them on the mesh)
        kw = normalize_kwargs(kwargs, funcname, ("edgecolor", "linewidth", "label", "zorder",
                                                 "antialiased"))
        if funcname == "pcolor" and "antialiased" not in kw and \
                str(kw.get("edgecolor", "none")).lower() != "none":
            # matplotlib's pcolor: stroked cell edges are antialiased as patches are
            kw["antialiased"] = bool(rcParams["patch.antialiased"])
        shading = str(rcParams.get("pcolor.shading", "auto") if shading is None
                      else shading).lower()
        check_choice(shading, "shading", ("flat", "nearest", "gouraud", "auto"))
        if len(args) in (1, 3) and bigdata.is_lazy_input(args[-1]):
            lazy = bigdata.dispatch_pcolormesh(self, funcname, args, shading, dict(
                alpha=alpha, norm=norm, cmap=cmap, vmin=vmin, vmax=vmax, **kw))
            if lazy is not None:  # else small, or irregular within the memory budget
                return self._add_artist(lazy)
        if len(args) == 1:
            C = _as_grid(args[0])  # noqa: N806
            ny, nx = C.shape
            if shading in ("gouraud", "nearest"):
                X, Y = np.meshgrid(np.arange(nx, dtype=float), np.arange(ny, dtype=float))  # noqa: N806
            else:
                X, Y = np.meshgrid(np.arange(nx + 1, dtype=float),  # noqa: N806
                                   np.arange(ny + 1, dtype=float))
                shading = "flat"
        elif len(args) == 3:
            C = _as_grid(args[2])  # noqa: N806
            X, Y = grid_coords(self, args[0], args[1])  # noqa: N806
            ny, nx = C.shape
            Nx, Ny = X.shape[-1], Y.shape[0]  # noqa: N806
            if X.ndim != 2 or X.shape[0] == 1:
                X = X.reshape(1, Nx).repeat(Ny, axis=0)  # noqa: N806
            if Y.ndim != 2 or Y.shape[1] == 1:
                Y = Y.reshape(Ny, 1).repeat(Nx, axis=1)  # noqa: N806
            shading = pcolor_shading(shading, C.shape, X.shape, Y.shape)
            if shading == "nearest":
                X = _interp_grid(_interp_grid(X).T).T  # noqa: N806
                Y = _interp_grid(_interp_grid(Y).T).T  # noqa: N806
                shading = "flat"
        else:
            raise TypeError(f"{funcname}: got {len(args)} positional arguments, expected "
                            "(C) or (X, Y, C)")
        qm = QuadMesh(self, X, Y, C, shading=shading, cmap=cmap, norm=norm, vmin=vmin,
                      vmax=vmax, alpha=alpha, edgecolor=kw.pop("edgecolor", "none"),
                      linewidth=kw.pop("linewidth", default_lw), **kw)
        return self._add_artist(qm)

    # -- contours ----------------------------------------------------------------------
    @accepts_rasterized
    def contour(self, *args, **kwargs) -> ContourSet:
        """Contour lines: ``contour(Z)``, ``contour(X, Y, Z, levels)``; levels an int
        (nice values over the data range) or increasing values. Single-colored
        negative levels are dashed."""
        return self._contour(False, args, kwargs)

    @accepts_rasterized
    def contourf(self, *args, **kwargs) -> ContourSet:
        """Filled contours between levels (one draw for every level)."""
        return self._contour(True, args, kwargs)

    def _contour(self, filled: bool, args, kwargs) -> ContourSet:
        where = "contourf" if filled else "contour"
        if "colorizer" in kwargs:
            kwargs = dict(kwargs)
            kwargs["cmap"], kwargs["norm"] = validate.colorizer_mapping(
                where, kwargs.pop("colorizer"), *(kwargs.get(k) for k in (
                    "cmap", "norm", "vmin", "vmax")))
        kw = normalize_kwargs(kwargs, where, (
            "levels", "color", "cmap", "norm", "vmin", "vmax", "linewidth", "linestyle",
            "negative_linestyles", "alpha", "extend", "corner_mask", "algorithm", "origin",
            "extent", "label", "zorder", "antialiased", "hatches", "locator"))
        hatches = check_contour_hatches(kw.pop("hatches", None), filled)
        args = list(args)
        if args and isinstance(args[0], ContourSet):
            # matplotlib: contour(cs) draws cs's grid at cs's levels (lines over contourf)
            x, y, z, corner_mask = args[0].grid()
            z = np.ma.masked_invalid(z)
            kw.setdefault("corner_mask", corner_mask)
            kw.pop("origin", None)
            kw.pop("extent", None)
            rest = args[1:]
            if not rest and kw.get("levels") is None:
                kw["levels"] = args[0].levels
        elif len(args) in (1, 2):
            z = _as_grid(args[0], "Z", real_part=True)
            x, y = self._contour_xy(z, kw.pop("origin", None), kw.pop("extent", None))
            rest = args[1:]
        elif len(args) in (3, 4):
            z = _as_grid(args[2], "Z", real_part=True)
            x, y = self._contour_grid(args[0], args[1], z)
            rest = args[3:]
            kw.pop("origin", None)
            kw.pop("extent", None)
        else:
            raise TypeError(f"{where}: got {len(args)} positional arguments, expected "
                            "(Z), (Z, levels), (X, Y, Z) or (X, Y, Z, levels)")
        if z.shape[0] < 2 or z.shape[1] < 2:
            raise ValueError(f"Z: got shape {z.shape}, expected at least (2, 2)")
        levels = kw.pop("levels", None)
        if rest:
            if levels is not None:
                raise TypeError(f"{where}: got levels as a keyword and as an argument")
            levels = rest[0]
        if levels is not None:
            validate.points(validate.size_of(levels) if np.iterable(levels) else levels,
                            "levels", validate.LEVEL_BYTES + 64 * z.size, "levels",
                            "pass fewer levels")
        extend = check_extend(kw.pop("extend", "neither"))
        locator = kw.pop("locator", None)
        norm = kw.pop("norm", None)
        if norm is None and locator is not None and any(
                c.__name__ == "LogLocator" for c in type(locator).__mro__):
            norm = colors.LogNorm()  # matplotlib: a LogLocator makes the contours log
        norm = colors.get_norm(norm, kw.pop("vmin", None), kw.pop("vmax", None))
        levels = contour_levels(levels, z, filled, extend, norm.axis_scale()[0] == "log",
                                locator)
        cs = ContourSet(self, x, y, z, levels, filled, colors_=kw.pop("color", None),
                        cmap=kw.pop("cmap", None), norm=norm, alpha=kw.pop("alpha", None),
                        linewidths=kw.pop("linewidth", None),
                        linestyles=kw.pop("linestyle", None),
                        negative_linestyles=kw.pop("negative_linestyles", None), extend=extend,
                        label=kw.pop("label", None), zorder=kw.pop("zorder", None),
                        corner_mask=kw.pop("corner_mask", True),
                        algorithm=kw.pop("algorithm", None),
                        antialiased=kw.pop("antialiased", None))
        self._add_artist(cs)
        if filled and hatches is not None:
            cs.hatch_collections = self._contour_hatches(cs, hatches)
        return cs

    def _contour_hatches(self, cs: ContourSet, hatches: list) -> list:
        """One hatched collection per hatched level of a contourf (matplotlib cycles the
        patterns over the levels; None or '' leaves a level plain), drawn over it."""
        from .path_collections import ContourHatches

        cs.hatches = hatches or [None]
        out = []
        for i in range(len(cs.layers)):
            pattern = hatches[i % len(hatches)] if hatches else None
            paths = cs.filled_paths(i) if pattern else []
            if not paths:
                continue
            # the contour's alpha fades its hatches too, as matplotlib's
            pc = ContourHatches([], facecolors="none", edgecolors="none", hatch=pattern,
                                alpha=cs.get_alpha(), zorder=cs.zorder, label="_nolegend_")
            pc.set_verts_and_codes([p.vertices for p in paths], [p.codes for p in paths])
            out.append(self.add_collection(pc, autolim=False))
        return out

    def _contour_xy(self, z, origin, extent) -> tuple[np.ndarray, np.ndarray]:
        ny, nx = z.shape
        if origin is None and extent is None:
            x, y = np.arange(nx, dtype=float), np.arange(ny, dtype=float)
        else:
            check_choice(origin, "origin", (None, "lower", "upper", "image"))
            if origin == "image":  # matplotlib: the origin images get from rcParams
                origin = rcParams["image.origin"]
            x0, x1, y0, y1 = (0.0, nx, 0.0, ny) if extent is None else \
                (float(v) for v in extent)
            dx, dy = (x1 - x0) / nx, (y1 - y0) / ny
            x = x0 + (np.arange(nx) + 0.5) * dx
            y = y0 + (np.arange(ny) + 0.5) * dy
            if origin == "upper":
                y = y[::-1]
        X, Y = np.meshgrid(x, y)  # noqa: N806
        return X, Y

    def _contour_grid(self, X, Y, z) -> tuple[np.ndarray, np.ndarray]:
        X, Y = grid_coords(self, X, Y)  # noqa: N806
        ny, nx = z.shape
        if X.ndim == 1 and Y.ndim == 1:
            if X.size != nx:
                raise ValueError(f"X and Z must match: got {X.size} x values for {nx} "
                                 "columns of Z")
            if Y.size != ny:
                raise ValueError(f"Y and Z must match: got {Y.size} y values for {ny} rows "
                                 "of Z")
            X, Y = np.meshgrid(X, Y)  # noqa: N806
        elif X.shape != z.shape or Y.shape != z.shape:
            raise ValueError(f"X, Y and Z must have the same shape: got {X.shape}, "
                             f"{Y.shape} and {z.shape}")
        return X, Y

    def clabel(self, CS, levels=None, **kwargs) -> list:  # noqa: N803
        """Label the contour lines of ``CS`` with their values, as matplotlib does
        (keywords: :meth:`lumos.plot.contour_labels.ContourLabeler.clabel`)."""
        return CS.clabel(levels, **kwargs)

    # -- vectors -----------------------------------------------------------------------
    @accepts_rasterized
    def quiver(self, *args, **kwargs) -> Quiver:
        """Arrows: ``quiver(U, V)``, ``quiver(X, Y, U, V)``, ``quiver(X, Y, U, V, C)``.

        Lengths are autoscaled like matplotlib (``scale=None``); ``scale_units='xy',
        angles='xy', scale=1`` makes arrows span (u, v) in data units."""
        kw = normalize_kwargs(kwargs, "quiver", (
            "C", "scale", "scale_units", "units", "angles", "width", "headwidth",
            "headlength", "headaxislength", "minshaft", "minlength", "pivot", "color", "cmap",
            "norm", "vmin", "vmax", "alpha", "label", "zorder", "facecolor", "edgecolor",
            "linewidth", "linestyle"))
        args = list(args)
        C = kw.pop("C", None)  # noqa: N806
        if len(args) in (3, 5):
            C = args.pop()  # noqa: N806
        if len(args) == 2:
            U, V = args  # noqa: N806
            u = np.asarray(U)
            ny, nx = (1, u.size) if u.ndim < 2 else u.shape
            X, Y = np.meshgrid(np.arange(nx, dtype=float), np.arange(ny, dtype=float))  # noqa: N806
        elif len(args) == 4:
            X, Y, U, V = args  # noqa: N806
            X, Y = grid_coords(self, X, Y)  # noqa: N806
            u = np.asarray(U)
            if X.ndim == 1 and Y.ndim == 1 and u.ndim == 2 and X.size != u.size:
                X, Y = np.meshgrid(X, Y)  # noqa: N806
        else:
            raise TypeError(f"quiver: got {len(args)} positional arguments, expected "
                            "(U, V), (U, V, C), (X, Y, U, V) or (X, Y, U, V, C)")
        for name, a in (("U", U), ("V", V)):
            float_values(np.asarray(a).reshape(-1), name)  # type check, with a clear error
        X, Y = np.asarray(X, dtype=float).reshape(-1), np.asarray(Y, dtype=float).reshape(-1)  # noqa: N806
        if X.size != Y.size:
            raise ValueError(f"X and Y must have the same size: got {X.size} and {Y.size}")
        for name, a in (("U", U), ("V", V)):
            if np.size(a) not in (1, X.size):
                raise ValueError(f"X and {name} must have the same size: got {X.size} and "
                                 f"{np.size(a)}")
        if C is not None:
            float_values(np.asarray(C).reshape(-1), "C")
        color = kw.pop("facecolor", kw.pop("color", "k"))
        q = Quiver(self, X, Y, U, V, C, color=color, **kw)
        return self._add_artist(q)


def contour_levels(levels, z: np.ma.MaskedArray, filled: bool, extend: str,
                    logscale: bool, locator=None) -> np.ndarray:
    """matplotlib's level choice: an int N asks MaxNLocator(N + 1) for nice values over
    the data range (7 by default), trimmed to one level beyond each end."""
    from . import ticker

    finite = z.compressed()
    finite = finite[np.isfinite(finite)]
    zmin = float(finite.min()) if finite.size else 0.0
    zmax = float(finite.max()) if finite.size else 1.0
    if logscale:
        pos = finite[finite > 0]
        zmin = float(pos.min()) if pos.size else 1.0
    if levels is None or isinstance(levels, Integral):
        if isinstance(levels, bool):
            raise TypeError("levels: got bool, expected an int or increasing numbers")
        if locator is not None:  # the levels are its ticks over the data (N ignored)
            if not callable(getattr(locator, "tick_values", None)):
                raise TypeError(f"locator: got {type(locator).__name__}, expected a tick "
                                "locator (with tick_values)")
            lev = np.asarray(locator.tick_values(zmin, zmax), dtype=float)
        elif logscale:
            lev = np.asarray(ticker.LogLocator(numticks=levels).tick_values(zmin, zmax)
                             if levels is not None else
                             ticker.LogLocator().tick_values(zmin, zmax), dtype=float)
        else:
            count = 7 if levels is None else int(levels)
            if count < 1:
                raise ValueError(f"levels: got {levels!r}, expected a positive integer")
            lev = np.asarray(ticker.MaxNLocator(count + 1, min_n_ticks=1)
                             .tick_values(zmin, zmax), dtype=float)
        under = np.nonzero(lev < zmin)[0]
        i0 = under[-1] if len(under) else 0
        over = np.nonzero(lev > zmax)[0]
        i1 = over[0] + 1 if len(over) else len(lev)
        if extend in ("min", "both"):
            i0 += 1
        if extend in ("max", "both"):
            i1 -= 1
        if i1 - i0 < 3:
            i0, i1 = 0, len(lev)
        lev = lev[i0:i1]
    else:
        lev = float_values(levels, "levels").reshape(-1)
    if filled and len(lev) < 2:
        raise ValueError(f"levels: got {len(lev)} level, filled contours need at least 2")
    if len(lev) > 1 and np.min(np.diff(lev)) <= 0:
        raise ValueError(f"levels: got {lev.tolist()}, expected increasing values")
    if not np.all(np.isfinite(lev)):
        raise ValueError("levels: got non-finite values")
    return lev


__all__ = ["GridPlotsMixin"]


def check_contour_hatches(hatches, filled: bool) -> list | None:
    """``hatches=`` of contour and contourf as a list of patterns (None: none)."""
    if hatches is None:
        return None
    if isinstance(hatches, str):
        raise TypeError(f"hatches: got {hatches!r}, expected a list of hatch patterns "
                        "(one per level, cycled)")
    hatches = list(hatches)
    if not filled and any(hatches):
        raise TypeError("hatches: contour lines take no hatches (contourf does); got "
                        f"{hatches!r}")
    return hatches
