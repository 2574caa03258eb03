"""matplotlib's other Axes plotting methods: fill_between, bar, hist, errorbar, stem,
hlines/vlines, pcolormesh, contour, quiver, annotate, axhline, axhspan.

``Axes`` inherits :class:`PlottingMixin`; its methods use ``self`` as the Axes. Argument
names, defaults and return types follow matplotlib; the artists are in
:mod:`lumos.plot.collections` and the modules it names.
"""

from __future__ import annotations

from numbers import Integral

import numpy as np

from .. import colors
from . import bigdata, category, validate
from .artists import accepts_rasterized, as_1d
from .axlines import AxLine
from .bars import BarCollection, Rectangle
from .collections import CapLines, LineCollection, QuadMesh, color_rows
from .containers import BarContainer, ErrorbarContainer, StemContainer
from .contour import ContourSet
from .lines import Line2D
from .point_shapes import PointShapes, caret
from .polygons import FillBetweenPolyCollection, Polygon
from .quiver import Quiver
from .style import rcParams
from .text_artists import Annotation

# matplotlib's short names, for patches and collections
_ALIASES = {"c": "color", "lw": "linewidth", "ls": "linestyle", "ec": "edgecolor",
            "fc": "facecolor", "linewidths": "linewidth", "edgecolors": "edgecolor",
            "facecolors": "facecolor", "linestyles": "linestyle", "colors": "color"}


def _normalize(kwargs: dict, where: str, allowed: tuple[str, ...]) -> dict:
    """Aliases resolved, values checked; anything not in ``allowed`` is a TypeError
    naming it."""
    return validate.keywords(kwargs, _ALIASES, where, allowed)


def _values(values, argument: str, axis=None) -> np.ndarray:
    """A float64 copy of numbers (scalar or 1-D); dates, time deltas and strings
    (categories) through the axis."""
    if axis is not None and category.is_categorical(values) and (
            axis.units is not None or not isinstance(values, (str, bytes))):
        # a sequence of strings is categories; one string names one of them
        return np.asarray(axis.convert(values), dtype=float)
    if isinstance(values, np.timedelta64) or (isinstance(values, np.ndarray)
                                               and values.dtype.kind == "m"):
        arr = np.array(values, copy=True)  # as_1d takes no time deltas
    else:
        arr = as_1d(values, argument)
    if axis is not None and arr.dtype.kind in "Mm":
        return np.asarray(axis.convert(arr), dtype=float).reshape(arr.shape)
    if arr.dtype.kind in "Mm":
        raise TypeError(f"{argument}: got {arr.dtype} values, expected numbers")
    return arr.astype(float)


def _broadcast(**named: np.ndarray) -> list[np.ndarray]:
    """1-D arrays of one common length (scalars and length 1 broadcast); a ValueError
    names the two arguments whose lengths differ."""
    arrays = {k: np.atleast_1d(v) for k, v in named.items()}
    for k, v in arrays.items():
        if v.ndim > 1:
            raise ValueError(f"{k}: got shape {v.shape}, expected a number or a 1-D array")
    n, first = 1, None
    for k, v in arrays.items():
        if v.size != 1:
            if first is not None and v.size != n:
                raise ValueError(f"{first} and {k} must have the same length: got {n} and "
                                 f"{v.size}")
            n, first = v.size, k
    return [np.broadcast_to(v, (n,)).copy() for v in arrays.values()]


def _check_choice(value, argument: str, choices: tuple) -> None:
    if value not in choices:
        raise ValueError(f"{argument}: got {value!r}, expected one of "
                         f"{', '.join(repr(c) for c in choices)}")


def _reshape_2d(x, argument: str) -> list:
    """matplotlib's ``_reshape_2D``: one dataset, or a list of datasets (columns of a 2-D
    array, or the items of a list of sequences)."""
    if isinstance(x, str):
        raise TypeError(f"{argument}: got str, expected numbers")
    if isinstance(x, np.ndarray):
        if x.ndim <= 1:
            return [x.reshape(-1)]
        if x.ndim == 2:
            return [x[:, i] for i in range(x.shape[1])]
        raise ValueError(f"{argument}: got shape {x.shape}, expected 1 or 2 dimensions")
    items = list(x) if np.iterable(x) else [x]
    if items and all(np.iterable(i) and not isinstance(i, str) for i in items):
        return [np.asanyarray(i) for i in items]  # masked arrays stay masked
    return [np.asarray(items)]


def _interp_grid(X: np.ndarray) -> np.ndarray:
    """Cell edges from cell centres along the last axis (matplotlib's 'nearest')."""
    if X.shape[1] > 1:
        dX = np.diff(X, axis=1) * 0.5  # noqa: N806
        return np.hstack((X[:, [0]] - dX[:, [0]], X[:, :-1] + dX, X[:, [-1]] + dX[:, [-1]]))
    return np.hstack((X, X))


def _grid_coords(self, X, Y) -> tuple[np.ndarray, np.ndarray]:
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


class PlottingMixin:
    """The plotting methods of :class:`lumos.plot.Axes` beyond plot/scatter/imshow."""

    # -- helpers -----------------------------------------------------------------------
    # -- fills -------------------------------------------------------------------------
    @accepts_rasterized
    def fill_between(self, x, y1, y2=0, where=None, interpolate: bool = False, step=None,
                     **kwargs) -> FillBetweenPolyCollection:
        """Fill the area between the curves (x, y1) and (x, y2); NaN splits the band.

        ``where`` keeps only some x ranges, ``interpolate`` extends them to where the
        curves cross, ``step`` ('pre', 'post', 'mid') fills a step function.
        """
        return self._fill_between("x", x, y1, y2, where, interpolate, step, kwargs,
                                  ("x", "y1", "y2"))

    @accepts_rasterized
    def fill_betweenx(self, y, x1, x2=0, where=None, step=None, interpolate: bool = False,
                      **kwargs) -> FillBetweenPolyCollection:
        """Fill the area between the curves (x1, y) and (x2, y)."""
        return self._fill_between("y", y, x1, x2, where, interpolate, step, kwargs,
                                  ("y", "x1", "x2"))

    def _fill_between(self, t_dir, t, f1, f2, where, interpolate, step, kwargs, names):
        where_name = "fill_between" if t_dir == "x" else "fill_betweenx"
        kw = _normalize(kwargs, where_name, ("color", "facecolor", "edgecolor", "linewidth",
                                             "linestyle", "alpha", "label", "zorder"))
        if step is not None:
            _check_choice(step, "step", ("pre", "post", "mid"))
        taxis, faxis = (self.xaxis, self.yaxis) if t_dir == "x" else (self.yaxis, self.xaxis)
        tv = _values(t, names[0], taxis)
        v1 = _values(f1, names[1], faxis)
        v2 = _values(f2, names[2], faxis)
        for name, v in zip(names, (tv, v1, v2), strict=True):
            if v.ndim > 1:
                raise ValueError(f"{name}: got shape {v.shape}, expected 1 dimension")
        tv, v1, v2 = _broadcast(**{names[0]: tv, names[1]: v1, names[2]: v2})
        mask = None
        if where is not None:
            mask = np.asarray(where, dtype=bool).reshape(-1)
            if mask.size == 1:
                mask = np.broadcast_to(mask, tv.shape)
            if mask.size != tv.size:
                raise ValueError(f"where and {names[0]} must have the same length: got "
                                 f"{mask.size} and {tv.size}")
        face, edge = kw.pop("facecolor", None), kw.pop("edgecolor", None)
        color = kw.pop("color", None)
        if color is not None:
            face = color if face is None else face
            edge = color if edge is None else edge
        if face is None:
            face = self._next_patch_color()
        coll = FillBetweenPolyCollection(
            self, t_dir, tv, v1, v2, where=mask, interpolate=bool(interpolate), step=step,
            facecolor=face, edgecolor="none" if edge is None else edge, **kw)
        return self._add_artist(coll)

    # -- bars --------------------------------------------------------------------------
    @accepts_rasterized
    def bar(self, x, height, width=0.8, bottom=None, *, align: str = "center",
            **kwargs) -> BarContainer:
        """Bars at x of the given heights; one draw for every face, one for the edges.

        Bars stick to their bottom: autoscale margins never push the axis past it.
        """
        kw = _normalize(kwargs, "bar", (
            "color", "edgecolor", "linewidth", "linestyle", "tick_label", "xerr", "yerr",
            "ecolor", "capsize", "error_kw", "log", "label", "alpha", "zorder", "orientation",
            "facecolor", "hatch"))
        orientation = kw.pop("orientation", "vertical")
        _check_choice(orientation, "orientation", ("vertical", "horizontal"))
        _check_choice(align, "align", ("center", "edge"))
        vertical = orientation == "vertical"
        if vertical:
            y = 0.0 if bottom is None else bottom
        else:
            y = bottom
            x = 0.0 if x is None else x
        if vertical:
            xv = _values(x, "x", self.xaxis)
            yv = _values(y, "bottom", self.yaxis)
            wv = _values(width, "width", self.xaxis)
            hv = _values(height, "height", self.yaxis)
            xv, hv, wv, yv = _broadcast(x=xv, height=hv, width=wv, bottom=yv)
        else:
            xv = _values(x, "left", self.xaxis)
            yv = _values(y, "y", self.yaxis)
            wv = _values(width, "width", self.xaxis)
            hv = _values(height, "height", self.yaxis)
            yv, wv, hv, xv = _broadcast(y=yv, width=wv, height=hv, left=xv)
        if kw.pop("log", False):
            (self.set_yscale if vertical else self.set_xscale)("log")
        color = kw.pop("facecolor", kw.pop("color", None))
        if color is None:
            color = self._next_patch_color()
        edgecolor = kw.pop("edgecolor", None)
        label = kw.pop("label", None)
        n = len(xv)
        bar_labels = None
        if label is not None and not isinstance(label, str) and np.iterable(label):
            bar_labels = [str(s) for s in label]
            if len(bar_labels) != n:
                raise ValueError(f"label: got {len(bar_labels)} labels for {n} bars")
            label = "_nolegend_"
        if align == "center":
            if vertical:
                left, bot = xv - wv / 2, yv
            else:
                left, bot = xv, yv - hv / 2
        else:
            left, bot = xv, yv
        coll = BarCollection(self, left, bot, wv, hv, facecolor=color,
                             edgecolor="none" if edgecolor is None else edgecolor,
                             linewidth=kw.pop("linewidth", None), alpha=kw.pop("alpha", None),
                             linestyle=kw.pop("linestyle", "-"), label=label,
                             zorder=kw.pop("zorder", None), orientation=orientation,
                             hatch=kw.pop("hatch", None))
        coll.bar_labels = bar_labels
        self._add_artist(coll)
        patches = [Rectangle(coll, i) for i in range(n)]
        coll.bars = patches
        xerr, yerr = kw.pop("xerr", None), kw.pop("yerr", None)
        errorbar = None
        error_kw = dict(kw.pop("error_kw", None) or {})
        if xerr is not None or yerr is not None:
            if vertical:
                ex, ey = left + wv / 2, bot + hv
            else:
                ex, ey = left + wv, bot + hv / 2
            ezorder = error_kw.pop("zorder", None)
            if ezorder is None and coll.zorder != BarCollection.zorder:
                ezorder = coll.zorder + 0.01
            error_kw.setdefault("ecolor", kw.pop("ecolor", "k"))
            error_kw.setdefault("capsize", kw.pop("capsize", None))
            errorbar = self.errorbar(ex, ey, yerr=yerr, xerr=xerr, fmt="none",
                                     label="_nolegend_", zorder=ezorder, **error_kw)
        kw.pop("ecolor", None)
        kw.pop("capsize", None)
        tick_label = kw.pop("tick_label", None)
        if tick_label is not None:
            labels = np.broadcast_to(np.asarray(tick_label, dtype=object), (n,))
            pos = xv if vertical else yv
            (self.set_xticks if vertical else self.set_yticks)(pos, [str(s) for s in labels])
        datavalues = hv if vertical else wv
        return BarContainer(patches, errorbar, datavalues=datavalues, orientation=orientation,
                            collection=coll)

    @accepts_rasterized
    def barh(self, y, width, height=0.8, left=None, *, align: str = "center",
             **kwargs) -> BarContainer:
        """Horizontal bars at y of the given widths, starting at ``left`` (default 0)."""
        return self.bar(x=left, height=height, width=width, bottom=y, align=align,
                        orientation="horizontal", **kwargs)

    # -- histograms --------------------------------------------------------------------
    @accepts_rasterized
    def hist(self, x, bins=None, range=None, density: bool = False, weights=None,  # noqa: A002
             cumulative=False, bottom=None, histtype: str = "bar", align: str = "mid",
             orientation: str = "vertical", rwidth=None, log: bool = False, color=None,
             label=None, stacked: bool = False, **kwargs):
        """``n, bins, patches = ax.hist(x)``: numpy.histogram counts drawn as bars or steps.

        Several datasets (a list, or the columns of a 2-D array) share the bins and are
        drawn side by side (or stacked). NaN and inf values are ignored.
        """
        kw = _normalize(kwargs, "hist", ("alpha", "edgecolor", "facecolor", "linewidth",
                                         "linestyle", "zorder", "hatch"))
        _check_choice(histtype, "histtype", ("bar", "barstacked", "step", "stepfilled"))
        _check_choice(align, "align", ("left", "mid", "right"))
        _check_choice(orientation, "orientation", ("vertical", "horizontal"))
        if histtype == "barstacked":
            stacked = True
        axis = self.xaxis if orientation == "vertical" else self.yaxis
        # views: nothing is copied before the check; no columns: one empty dataset
        datasets = _reshape_2d(x, "x") or [np.zeros(0)]
        validate.points(sum(validate.size_of(xi) for xi in datasets), "x",
                        validate.HIST_BYTES_PER_VALUE, "values",
                        "pass fewer values (or count them in chunks with numpy.histogram "
                        "and draw the counts with ax.bar)")
        data = [_values(xi, f"x[{i}]" if i else "x", axis).reshape(-1)
                for i, xi in enumerate(datasets)]
        nx = len(data)
        if weights is not None:
            w = [_values(wi, "weights").reshape(-1) for wi in _reshape_2d(weights, "weights")]
            if len(w) != nx:
                raise ValueError(f"weights: got {len(w)} datasets for {nx} datasets in x")
        else:
            w = [None] * nx
        for i, (xi, wi) in enumerate(zip(data, w, strict=True)):
            if wi is not None and len(wi) != len(xi):
                raise ValueError(f"x and weights must have the same length: got {len(xi)} and "
                                 f"{len(wi)}" + (f" (dataset {i})" if nx > 1 else ""))
        # NaN and inf are not counted (numpy would choke on them finding the range)
        keep = [np.isfinite(xi) for xi in data]
        data = [xi[k] for xi, k in zip(data, keep, strict=True)]
        w = [None if wi is None else wi[k] for wi, k in zip(w, keep, strict=True)]
        if color is None:
            rgba = [self._next_color() for _ in np.arange(nx)]
        else:
            rows = color_rows(color, "color")
            if len(rows) != nx:
                raise ValueError(f"color: got {len(rows)} colors for {nx} datasets, expected "
                                 "one color per dataset")
            rgba = [tuple(r) for r in rows]
        if bins is None:
            bins = rcParams.get("hist.bins", 10)
        if isinstance(bins, str):
            pass
        elif np.iterable(bins):
            bins = _values(bins, "bins", axis)
        elif not isinstance(bins, Integral) or bins < 1:
            raise ValueError(f"bins: got {bins!r}, expected a positive integer, a sequence "
                             "of edges or a numpy bin rule")
        else:
            validate.points(int(bins) * nx, "bins", validate.BAR_BYTES, "bars",
                            "pass fewer bins")
        bin_range = None
        if range is not None:
            lohi = _values(range, "range", axis)
            if lohi.size != 2 or not np.isfinite(lohi).all() or lohi[0] > lohi[1]:
                raise ValueError(f"range: got {range!r}, expected finite (min, max) with "
                                 "min <= max")
            bin_range = (float(lohi[0]), float(lohi[1]))
        else:
            finite = [xi for xi in data if xi.size]
            if finite:
                bin_range = (min(float(xi.min()) for xi in finite),
                             max(float(xi.max()) for xi in finite))
        if isinstance(bins, str):  # numpy's rule, resolved here to check what it gives
            bins = _rule_edges(bins, data, w, bin_range)
        hist_kwargs: dict = {}
        if nx > 1 and any(xi.size for xi in data):
            allw = None if weights is None else np.concatenate(w)
            bins = np.histogram_bin_edges(np.concatenate(data), bins, bin_range, allw)
        else:
            hist_kwargs["range"] = bin_range
        density = bool(density)
        if density and not stacked:
            hist_kwargs["density"] = True
        tops = []
        for xi, wi in zip(data, w, strict=True):
            m, bins = np.histogram(xi, bins, weights=wi, **hist_kwargs)
            tops.append(m)
        tops = np.array(tops, dtype=float)
        bins = np.array(bins, dtype=float)
        if stacked:
            tops = tops.cumsum(axis=0)
            if density:
                tops = (tops / np.diff(bins)) / tops[-1].sum()
        if cumulative:
            slc = slice(None, None, -1) if (not isinstance(cumulative, bool)
                                              and cumulative < 0) else slice(None)
            if density:
                tops = (tops * np.diff(bins))[:, slc].cumsum(axis=1)[:, slc]
            else:
                tops = tops[:, slc].cumsum(axis=1)[:, slc]
        labels = [] if label is None else [str(s) for s in np.atleast_1d(
            np.asarray(label, dtype=object))]
        patches = self._hist_patches(tops, bins, rgba, histtype, align, orientation, rwidth,
                                     log, bottom, stacked, kw, labels)
        if nx == 1:
            return tops[0], bins, patches[0]
        return tops, bins, patches

    def _hist_patches(self, tops, bins, rgba, histtype, align, orientation, rwidth, log,
                      bottom, stacked, kw, labels) -> list:
        vertical = orientation == "vertical"
        patches: list = []
        nx = len(tops)
        lab = (labels + [None] * nx)[:nx]
        if histtype.startswith("bar"):
            totwidth = np.diff(bins)
            if rwidth is not None:
                dr = float(np.clip(rwidth, 0, 1))
            elif nx > 1 and not stacked:
                dr = 0.8
            else:
                dr = 1.0
            if histtype == "bar" and not stacked:
                width = dr * totwidth / nx
                dw = width
                boffset = -0.5 * dr * totwidth * (1 - 1 / nx)
            else:
                width = dr * totwidth
                boffset, dw = 0.0, 0.0
            if align == "mid":
                boffset = boffset + 0.5 * totwidth
            elif align == "right":
                boffset = boffset + totwidth
            bar_kw = {k: kw[k] for k in ("alpha", "edgecolor", "linewidth", "linestyle",
                                         "zorder", "hatch") if k in kw}
            if "facecolor" in kw:
                rgba = [kw["facecolor"]] * nx
            for top, c, name in zip(tops, rgba, lab, strict=True):
                if bottom is None:
                    bottom = np.zeros(len(top))
                height = top - bottom if stacked else top
                pos = bins[:-1] + boffset
                if vertical:
                    bars = self.bar(pos, height, width, align="center", log=log, color=c,
                                    bottom=bottom, label=name, **bar_kw)
                else:
                    bars = self.barh(pos, height, width, align="center", log=log, color=c,
                                     left=bottom, label=name, **bar_kw)
                patches.append(bars)
                if stacked:
                    bottom = top
                boffset = boffset + dw
            # only the lowest bars stick: margins must still cross the ones above
            for bars in patches[1:]:
                bars.collection.sticky = (np.zeros(0), np.zeros(0))
            return patches
        # step and stepfilled: matplotlib's outline polygon
        if kw.get("hatch"):
            raise TypeError(f"hatch: lumos hatches bar histograms only; got histtype="
                            f"{histtype!r}")
        nb = len(bins)
        xs = np.zeros(4 * nb - 3)
        ys = np.zeros(4 * nb - 3)
        xs[0:2 * nb - 1:2], xs[1:2 * nb - 1:2] = bins, bins[:-1]
        xs[2 * nb - 1:] = xs[1:2 * nb - 1][::-1]
        base = 0.0 if bottom is None else bottom
        ys[1:2 * nb - 1:2] = ys[2:2 * nb:2] = base
        ys[2 * nb - 1:] = ys[1:2 * nb - 1][::-1]
        if log:
            (self.set_yscale if vertical else self.set_xscale)("log")
        if align == "left":
            xs -= 0.5 * (bins[1] - bins[0])
        elif align == "right":
            xs += 0.5 * (bins[1] - bins[0])
        fill = histtype == "stepfilled"
        outlines = []
        for top in tops:
            if stacked:
                ys[2 * nb - 1:] = ys[1:2 * nb - 1][::-1]
            ys[1:2 * nb - 1:2] = ys[2:2 * nb:2] = top + base
            ys[0] = ys[-1]
            outlines.append((xs.copy(), ys.copy()) if vertical else (ys.copy(), xs.copy()))
        split = -1 if fill else 2 * nb
        for (px, py), c, name in reversed(list(zip(outlines, rgba, lab, strict=True))):
            face = kw.get("facecolor", c)
            edge = kw.get("edgecolor", "none" if fill else c)
            poly = Polygon(self, np.c_[px[:split], py[:split]], closed=fill, fill=fill,
                           facecolor=face, edgecolor=edge, linewidth=kw.get("linewidth"),
                           linestyle=kw.get("linestyle", "-"), alpha=kw.get("alpha"),
                           label=name, zorder=kw.get("zorder", None if fill else 2.0))
            poly.sticky = (np.zeros(0), np.zeros(1)) if vertical else (np.zeros(1), np.zeros(0))
            self._add_artist(poly)
            patches.append([poly])
        patches.reverse()
        return patches

    # -- error bars and stems ----------------------------------------------------------
    @accepts_rasterized
    def errorbar(self, x, y, yerr=None, xerr=None, fmt: str = "", ecolor=None,
                 elinewidth=None, capsize=None, barsabove: bool = False, lolims=False,
                 uplims=False, xlolims=False, xuplims=False, errorevery=1, capthick=None,
                 elinestyle=None, **kwargs) -> ErrorbarContainer:
        """Points with error bars: ``yerr``/``xerr`` a number, N values (symmetric) or a
        (2, N) array (lower, upper); ``fmt`` styles the data line ('none': bars only).
        ``lolims``/``uplims`` (``xlolims``/``xuplims``), one bool or one per point, mark
        lower/upper limits: the bar goes one way only and ends in a caret."""
        from .axes import _normalize_kwargs

        if not isinstance(fmt, str):
            raise TypeError(f"fmt: got {type(fmt).__name__}, expected str")
        kwargs = {k: v for k, v in _normalize_kwargs(kwargs).items() if v is not None}
        validate.check(ecolor=ecolor, elinewidth=elinewidth, capsize=capsize,
                       capthick=capthick)
        zorder = kwargs.pop("zorder", 2.0)
        zorder = 2.0 if zorder is None else float(zorder)
        label = kwargs.pop("label", None)
        xv = _values(x, "x", self.xaxis).reshape(-1)
        yv = _values(y, "y", self.yaxis).reshape(-1)
        if xv.size != yv.size:
            raise ValueError(f"x and y must have the same size: got {xv.size} and {yv.size}")
        n = xv.size
        everymask = _errorevery_mask(n, errorevery)
        # the bars' ends, checked before anything is added (a refused call adds nothing)
        bounds = {a: _error_bounds(err, dep, a, axis) for a, dep, err, axis in (
            ("x", xv, xerr, self.xaxis), ("y", yv, yerr, self.yaxis)) if err is not None}
        limits = {"x": (_limits_mask(xlolims, n, "xlolims"), _limits_mask(xuplims, n, "xuplims")),
                  "y": (_limits_mask(lolims, n, "lolims"), _limits_mask(uplims, n, "uplims"))}
        alpha = kwargs.get("alpha")
        data_line = None
        if fmt.lower() != "none":
            args = (xv, yv) if fmt == "" else (xv, yv, fmt)
            data_line = self.plot(*args, label=label, zorder=zorder + (-0.1 if barsabove
                                                                       else 0.1), **kwargs)[0]
            base_color = data_line.get_color()
        else:
            base_color = kwargs.get("color", "C0")
        if ecolor is None:
            ecolor = base_color
        lw = elinewidth if elinewidth is not None else kwargs.get("linewidth")
        caps = float(rcParams.get("errorbar.capsize", 0.0) if capsize is None else capsize)
        barcols, caplines = [], {"x": [], "y": []}
        for dep_axis, dep, indep, axis in (("x", xv, yv, self.xaxis), ("y", yv, xv, self.yaxis)):
            if dep_axis not in bounds:
                continue
            lo, hi = bounds[dep_axis]
            low_lim, up_lim = limits[dep_axis]
            lo = np.where(low_lim, dep, lo)  # a lower limit: the bar only goes up
            hi = np.where(up_lim, dep, hi)
            sel = everymask
            if dep_axis == "x":
                segs = np.stack([np.c_[lo[sel], indep[sel]], np.c_[hi[sel], indep[sel]]], axis=1)
            else:
                segs = np.stack([np.c_[indep[sel], lo[sel]], np.c_[indep[sel], hi[sel]]], axis=1)
            lc = LineCollection(self, segs, colors=ecolor, linewidth=lw,
                                linestyle=elinestyle or "-", alpha=alpha, zorder=zorder,
                                label="_nolegend_")
            barcols.append(self._add_artist(lc))
            nolims = sel & ~(low_lim | up_lim)
            if caps > 0:
                for ends in (lo, hi):
                    cx, cy = (ends, indep) if dep_axis == "x" else (indep, ends)
                    cap = CapLines(self, cx[nolims], cy[nolims],
                                   "y" if dep_axis == "x" else "x", caps, ecolor, capthick,
                                   alpha=alpha, zorder=zorder)
                    caplines[dep_axis].append(self._add_artist(cap))
            for k, (lim, end) in enumerate(((low_lim, hi), (up_lim, lo))):
                rows = lim & sel
                if not rows.any():
                    continue
                # matplotlib: a caret pointing away from the point (flipped on an
                # inverted axis); with caps, a cap at the point too
                ahead = (k == 0) != axis.inverted
                direction = ("right" if ahead else "left") if dep_axis == "x" else \
                    ("up" if ahead else "down")
                at = np.c_[end[rows], indep[rows]] if dep_axis == "x" else \
                    np.c_[indep[rows], end[rows]]
                size = 2.0 * caps if caps > 0 else float(rcParams["lines.markersize"])
                carets = PointShapes(at, caret(direction, size), facecolors=ecolor,
                                     edgecolors=ecolor,
                                     linewidths=float(rcParams["lines.markeredgewidth"]
                                                      if capthick is None else capthick),
                                     alpha=alpha, zorder=zorder, joinstyle="miter")
                self.add_collection(carets, autolim=False)
                caplines[dep_axis].append(carets)
                if caps > 0:
                    cap = CapLines(self, xv[rows], yv[rows], "y" if dep_axis == "x" else "x",
                                   caps, ecolor, capthick, alpha=alpha, zorder=zorder)
                    caplines[dep_axis].append(self._add_artist(cap))
        if data_line is None and barcols and label is not None:
            barcols[0].set_label(label)
        container = ErrorbarContainer((data_line, tuple(caplines["x"] + caplines["y"]),
                                       tuple(barcols)), has_xerr=xerr is not None,
                                      has_yerr=yerr is not None, label=label,
                                      cap_points=2.0 * caps if caps > 0 else
                                      float(rcParams["lines.markersize"]))
        stand_in = data_line if data_line is not None else (barcols[0] if barcols else None)
        if stand_in is not None:
            stand_in.legend_container = container
        return container

    @accepts_rasterized
    def stem(self, *args, linefmt=None, markerfmt=None, basefmt=None, bottom=0, label=None,
             orientation: str = "vertical") -> StemContainer:
        """``stem(y)`` or ``stem(x, y)``: vertical lines from ``bottom`` to each point,
        with a marker on top and a baseline (C0 stems, C3 baseline like matplotlib)."""
        from .axes import parse_fmt

        _check_choice(orientation, "orientation", ("vertical", "horizontal"))
        args = list(args)
        if args and isinstance(args[-1], str) and linefmt is None and len(args) > 1:
            linefmt = args.pop()
        if len(args) == 1:
            heads = args[0]
            locs = np.arange(np.size(heads), dtype=float)
        elif len(args) == 2:
            locs, heads = args
        else:
            raise TypeError(f"stem: got {len(args)} positional arguments, expected (y) or "
                            "(x, y)")
        vertical = orientation == "vertical"
        loc_axis, head_axis = (self.xaxis, self.yaxis) if vertical else (self.yaxis, self.xaxis)
        locs = _values(locs, "x" if vertical else "y", loc_axis).reshape(-1)
        heads = _values(heads, "y" if vertical else "x", head_axis).reshape(-1)
        if locs.size != heads.size:
            raise ValueError(f"x and y must have the same length: got {locs.size} and "
                             f"{heads.size}")
        base = float(_values(bottom, "bottom", head_axis).reshape(-1)[0])
        line_style = parse_fmt("C0-" if linefmt is None else linefmt)
        linecolor = line_style.get("color", "C0")
        linestyle = line_style.get("linestyle", "-")
        # matplotlib: a markerfmt of a color alone draws 'o' markers; an empty one, or a
        # line style alone, draws none
        mstyle = parse_fmt("o" if markerfmt is None else (markerfmt or " "))
        marker = mstyle.get("marker", None if "linestyle" in mstyle else "o")
        markercolor = mstyle.get("color", linecolor)
        bstyle = parse_fmt("C3-" if basefmt is None else basefmt)
        n = locs.size
        segs = np.zeros((n, 2, 2))
        if vertical:
            segs[:, 0] = np.c_[locs, np.full(n, base)]
            segs[:, 1] = np.c_[locs, heads]
        else:
            segs[:, 0] = np.c_[np.full(n, base), locs]
            segs[:, 1] = np.c_[heads, locs]
        stemlines = self._add_artist(LineCollection(
            self, segs, colors=linecolor, linestyle=None if linestyle == "None" else linestyle,
            label="_nolegend_"))
        mx, my = (locs, heads) if vertical else (heads, locs)
        markerline = self.plot(mx, my, color=markercolor, linestyle="None", marker=marker,
                               label=label)[0]
        ends = [locs.min(), locs.max()] if n else [0.0, 0.0]
        bx, by = (ends, [base, base]) if vertical else ([base, base], ends)
        baseline = self.plot(bx, by, color=bstyle.get("color", "C3"),
                             linestyle=bstyle.get("linestyle", "-"),
                             marker=bstyle.get("marker"), label="_nolegend_")[0]
        container = StemContainer((markerline, stemlines, baseline), label=label)
        markerline.legend_container = container
        return container

    @accepts_rasterized
    def hlines(self, y, xmin, xmax, colors=None, linestyles="solid", label="",
               **kwargs) -> LineCollection:
        """Horizontal lines at each y from xmin to xmax (one draw)."""
        return self._hvlines("h", y, xmin, xmax, colors, linestyles, label, kwargs)

    @accepts_rasterized
    def vlines(self, x, ymin, ymax, colors=None, linestyles="solid", label="",
               **kwargs) -> LineCollection:
        """Vertical lines at each x from ymin to ymax (one draw)."""
        return self._hvlines("v", x, ymin, ymax, colors, linestyles, label, kwargs)

    def _hvlines(self, kind, pos, lo, hi, colors_, linestyles, label, kwargs):
        where = "hlines" if kind == "h" else "vlines"
        kw = _normalize(kwargs, where, ("linewidth", "alpha", "zorder", "color",
                                        "linestyle"))
        validate.check(colors=colors_)
        if colors_ is None:
            colors_ = kw.pop("color", rcParams.get("lines.color", "C0"))
        kw.pop("color", None)
        linestyles = kw.pop("linestyle", linestyles)
        pa, va = (self.yaxis, self.xaxis) if kind == "h" else (self.xaxis, self.yaxis)
        names = ("y", "xmin", "xmax") if kind == "h" else ("x", "ymin", "ymax")
        p = _values(pos, names[0], pa)
        a = _values(lo, names[1], va)
        b = _values(hi, names[2], va)
        p, a, b = _broadcast(**{names[0]: p, names[1]: a, names[2]: b})
        if kind == "h":
            segs = np.stack([np.c_[a, p], np.c_[b, p]], axis=1)
        else:
            segs = np.stack([np.c_[p, a], np.c_[p, b]], axis=1)
        lc = LineCollection(self, segs, colors=colors_, linestyle=linestyles, label=label, **kw)
        return self._add_artist(lc)

    # -- pseudocolor -------------------------------------------------------------------
    @accepts_rasterized
    def pcolormesh(self, *args, alpha=None, norm=None, cmap=None, vmin=None, vmax=None,
                   shading=None, antialiased: bool = False, **kwargs) -> QuadMesh:
        """A colored grid: ``pcolormesh(C)`` or ``pcolormesh(X, Y, C)``; X, Y are cell
        edges ('flat') or centres ('nearest', 'gouraud'); 'auto' picks by shape."""
        return self._pcolor("pcolormesh", args, alpha, norm, cmap, vmin, vmax, shading,
                            kwargs, 1.0)

    @accepts_rasterized
    def pcolor(self, *args, shading=None, alpha=None, norm=None, cmap=None, vmin=None,
               vmax=None, **kwargs) -> QuadMesh:
        """Like :meth:`pcolormesh` (no 'gouraud'), for matplotlib scripts."""
        if shading is not None and str(shading).lower() == "gouraud":
            raise ValueError("shading: got 'gouraud', expected 'flat', 'nearest' or 'auto' "
                             "for pcolor (use pcolormesh)")
        return self._pcolor("pcolor", args, alpha, norm, cmap, vmin, vmax, shading, kwargs,
                            0.25)

    def _pcolor(self, funcname, args, alpha, norm, cmap, vmin, vmax, shading, kwargs,
                default_lw):
        kw = _normalize(kwargs, funcname, ("edgecolor", "linewidth", "label", "zorder",
                                           "snap", "rasterized"))
        kw.pop("snap", None)
        kw.pop("rasterized", None)
        shading = str(rcParams.get("pcolor.shading", "auto") if shading is None
                      else shading).lower()
        _check_choice(shading, "shading", ("flat", "nearest", "gouraud", "auto"))
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
            X, Y = _grid_coords(self, args[0], args[1])  # noqa: N806
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
        kw = _normalize(kwargs, where, (
            "levels", "color", "cmap", "norm", "vmin", "vmax", "linewidth", "linestyle",
            "negative_linestyles", "alpha", "extend", "corner_mask", "algorithm", "origin",
            "extent", "label", "zorder", "antialiased", "hatches", "locator"))
        kw.pop("antialiased", None)
        hatches = kw.pop("hatches", None)
        if hatches is not None and not filled and any(hatches):
            raise TypeError("hatches: contour lines take no hatches (contourf does); got "
                            f"{hatches!r}")
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
        extend = kw.pop("extend", "neither")
        _check_choice(extend, "extend", ("neither", "both", "min", "max"))
        locator = kw.pop("locator", None)
        norm = kw.pop("norm", None)
        if norm is None and locator is not None and any(
                c.__name__ == "LogLocator" for c in type(locator).__mro__):
            norm = colors.LogNorm()  # matplotlib: a LogLocator makes the contours log
        norm = colors.get_norm(norm, kw.pop("vmin", None), kw.pop("vmax", None))
        levels = _contour_levels(levels, z, filled, extend, norm.axis_scale()[0] == "log",
                                 locator)
        cs = ContourSet(self, x, y, z, levels, filled, colors_=kw.pop("color", None),
                        cmap=kw.pop("cmap", None), norm=norm, alpha=kw.pop("alpha", None),
                        linewidths=kw.pop("linewidth", None),
                        linestyles=kw.pop("linestyle", None),
                        negative_linestyles=kw.pop("negative_linestyles", None), extend=extend,
                        label=kw.pop("label", None), zorder=kw.pop("zorder", None),
                        corner_mask=kw.pop("corner_mask", True),
                        algorithm=kw.pop("algorithm", None))
        self._add_artist(cs)
        if filled and hatches is not None:
            cs.hatch_collections = self._contour_hatches(cs, hatches)
        return cs

    def _contour_hatches(self, cs: ContourSet, hatches) -> list:
        """One hatched collection per hatched level of a contourf (matplotlib cycles the
        patterns over the levels; None or '' leaves a level plain), drawn over it."""
        from .path_collections import PolyCollection

        if isinstance(hatches, str):
            raise TypeError(f"hatches: got {hatches!r}, expected a list of hatch patterns "
                            "(one per level, cycled)")
        hatches = list(hatches)
        out = []
        for i in range(len(cs.layers)):
            pattern = hatches[i % len(hatches)] if hatches else None
            paths = cs.filled_paths(i) if pattern else []
            if not paths:
                continue
            pc = PolyCollection([], facecolors="none", edgecolors="none", hatch=pattern,
                                zorder=cs.zorder, label="_nolegend_")
            pc.set_verts_and_codes([p.vertices for p in paths], [p.codes for p in paths])
            out.append(self.add_collection(pc, autolim=False))
        return out

    def _contour_xy(self, z, origin, extent) -> tuple[np.ndarray, np.ndarray]:
        ny, nx = z.shape
        if origin is None and extent is None:
            x, y = np.arange(nx, dtype=float), np.arange(ny, dtype=float)
        else:
            _check_choice(origin, "origin", (None, "lower", "upper", "image"))
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
        X, Y = _grid_coords(self, X, Y)  # noqa: N806
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

    def clabel(self, CS, levels=None, *, fontsize=None, inline=True, fmt=None,  # noqa: N803
               colors=None, **kwargs) -> list:
        """Label contour lines with their values (one label per line, at its middle)."""
        return CS.clabel(levels, fontsize=fontsize, inline=inline, fmt=fmt, colors=colors)

    # -- vectors -----------------------------------------------------------------------
    @accepts_rasterized
    def quiver(self, *args, **kwargs) -> Quiver:
        """Arrows: ``quiver(U, V)``, ``quiver(X, Y, U, V)``, ``quiver(X, Y, U, V, C)``.

        Lengths are autoscaled like matplotlib (``scale=None``); ``scale_units='xy',
        angles='xy', scale=1`` makes arrows span (u, v) in data units."""
        kw = _normalize(kwargs, "quiver", (
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
            X, Y = _grid_coords(self, X, Y)  # noqa: N806
            u = np.asarray(U)
            if X.ndim == 1 and Y.ndim == 1 and u.ndim == 2 and X.size != u.size:
                X, Y = np.meshgrid(X, Y)  # noqa: N806
        else:
            raise TypeError(f"quiver: got {len(args)} positional arguments, expected "
                            "(U, V), (U, V, C), (X, Y, U, V) or (X, Y, U, V, C)")
        for name, a in (("U", U), ("V", V)):
            _values(np.asarray(a).reshape(-1), name)  # type check, with a clear error
        X, Y = np.asarray(X, dtype=float).reshape(-1), np.asarray(Y, dtype=float).reshape(-1)  # noqa: N806
        if X.size != Y.size:
            raise ValueError(f"X and Y must have the same size: got {X.size} and {Y.size}")
        for name, a in (("U", U), ("V", V)):
            if np.size(a) not in (1, X.size):
                raise ValueError(f"X and {name} must have the same size: got {X.size} and "
                                 f"{np.size(a)}")
        if C is not None:
            _values(np.asarray(C).reshape(-1), "C")
        color = kw.pop("facecolor", kw.pop("color", "k"))
        q = Quiver(self, X, Y, U, V, C, color=color, **kw)
        return self._add_artist(q)

    # -- annotations -------------------------------------------------------------------
    def annotate(self, text, xy, xytext=None, xycoords: str = "data", textcoords=None,
                 arrowprops=None, annotation_clip=None, **kwargs) -> Annotation:
        """Text at ``xytext`` with an optional arrow to ``xy``.

        Coordinates: 'data', 'axes fraction', 'axes pixels', 'figure fraction',
        'figure pixels', 'offset points', 'offset pixels'. ``arrowprops`` takes
        matplotlib's ``arrowstyle`` (``'->'``, ``'-|>'``, ``'<->'``, ...) or the YAArrow keys
        (width, headwidth, headlength, shrink, facecolor)."""
        from .textstyle import normalize

        props = normalize(kwargs)
        zorder = props.pop("zorder", None)
        label = props.pop("label", None)
        if props.pop("rasterized", None):
            raise TypeError("annotate: rasterized=True is not supported (text stays vector in "
                            "SVG and PDF files)")
        for key in ("in_layout", "animated"):  # no effect on drawn text
            props.pop(key, None)
        if arrowprops is not None and not isinstance(arrowprops, dict):
            raise TypeError(f"arrowprops: got {type(arrowprops).__name__}, expected a dict")
        a = Annotation(self, text, xy, xytext=xytext, xycoords=xycoords, textcoords=textcoords,
                       arrowprops=arrowprops, annotation_clip=annotation_clip, zorder=zorder,
                       label=label, **props)
        return self._add_artist(a)

    # -- reference lines and spans -----------------------------------------------------
    @accepts_rasterized
    def axhline(self, y=0, xmin=0, xmax=1, **kwargs) -> Line2D:
        """A horizontal line at data y across the axes (xmin, xmax in axes fraction)."""
        return self._axline("horizontal", y, xmin, xmax, kwargs)

    @accepts_rasterized
    def axvline(self, x=0, ymin=0, ymax=1, **kwargs) -> Line2D:
        """A vertical line at data x across the axes (ymin, ymax in axes fraction)."""
        return self._axline("vertical", x, ymin, ymax, kwargs)

    def _axline(self, orientation, value, fmin, fmax, kwargs) -> Line2D:
        from .axes import _normalize_kwargs

        horizontal = orientation == "horizontal"
        names = ("y", "xmin", "xmax") if horizontal else ("x", "ymin", "ymax")
        axis = self.yaxis if horizontal else self.xaxis
        v = _values(value, names[0], axis).reshape(-1)
        if v.size != 1:
            raise ValueError(f"{names[0]}: got {v.size} values, expected one number (use "
                             f"{'hlines' if horizontal else 'vlines'} for several)")
        f0 = float(_values(fmin, names[1]).reshape(-1)[0])
        f1 = float(_values(fmax, names[2]).reshape(-1)[0])
        kwargs = _normalize_kwargs(kwargs)
        kwargs.setdefault("color", rcParams.get("lines.color", "C0"))
        line = AxLine(self, orientation, float(v[0]), f0, f1, **kwargs)
        return self._add_artist(line)

    @accepts_rasterized
    def fill(self, *args, **kwargs) -> list[Polygon]:
        """Filled polygons: ``fill(x, y)``, ``fill(x, y, 'r')``, ``fill(x1, y1, x2, y2)``;
        each closes back to its first point. Colors come from the patch cycle unless
        given; ``color`` sets face and edge (matplotlib's Polygon)."""
        kw = _normalize(kwargs, "fill", ("color", "facecolor", "edgecolor", "linewidth",
                                         "linestyle", "alpha", "label", "zorder"))
        groups, rest = [], list(args)
        while rest:
            if len(rest) < 2 or isinstance(rest[0], str) or isinstance(rest[1], str):
                raise TypeError(f"fill: got {args!r}, expected x, y[, color] groups")
            x, y = rest.pop(0), rest.pop(0)
            fmt = rest.pop(0) if rest and isinstance(rest[0], str) else None
            groups.append((x, y, fmt))
        polys = []
        for x, y, fmt in groups:
            xv, yv = _values(x, "x", self.xaxis), _values(y, "y", self.yaxis)
            xv, yv = _broadcast(x=xv, y=yv)
            face, edge = kw.get("facecolor"), kw.get("edgecolor")
            color = kw.get("color", fmt)
            if color is not None:
                face = color if face is None else face
                edge = color if edge is None else edge
            if face is None:
                face = self._next_patch_color()
            style = {k: v for k, v in kw.items() if k not in ("color", "facecolor",
                                                              "edgecolor")}
            poly = Polygon(self, np.c_[xv, yv], closed=True, facecolor=face,
                           edgecolor="none" if edge is None else edge, **style)
            polys.append(self._add_artist(poly))
        return polys

    @accepts_rasterized
    def axhspan(self, ymin, ymax, xmin=0, xmax=1, **kwargs) -> Polygon:
        """A horizontal band from data ymin to ymax across the axes."""
        return self._axspan("horizontal", ymin, ymax, xmin, xmax, kwargs)

    @accepts_rasterized
    def axvspan(self, xmin, xmax, ymin=0, ymax=1, **kwargs) -> Polygon:
        """A vertical band from data xmin to xmax across the axes."""
        return self._axspan("vertical", xmin, xmax, ymin, ymax, kwargs)

    def _axspan(self, orientation, lo, hi, fmin, fmax, kwargs) -> Polygon:
        horizontal = orientation == "horizontal"
        where = "axhspan" if horizontal else "axvspan"
        kw = _normalize(kwargs, where, ("color", "facecolor", "edgecolor", "linewidth",
                                        "linestyle", "alpha", "label", "zorder", "fill"))
        names = ("ymin", "ymax", "xmin", "xmax") if horizontal else \
            ("xmin", "xmax", "ymin", "ymax")
        axis = self.yaxis if horizontal else self.xaxis
        a = float(_values(lo, names[0], axis).reshape(-1)[0])
        b = float(_values(hi, names[1], axis).reshape(-1)[0])
        f0 = float(_values(fmin, names[2]).reshape(-1)[0])
        f1 = float(_values(fmax, names[3]).reshape(-1)[0])
        if horizontal:
            xy = [(f0, a), (f1, a), (f1, b), (f0, b)]
            coords = {"xcoords": "axes"}
        else:
            xy = [(a, f0), (b, f0), (b, f1), (a, f1)]
            coords = {"ycoords": "axes"}
        face, edge, color = kw.pop("facecolor", None), kw.pop("edgecolor", None), \
            kw.pop("color", None)
        if color is not None:
            face = color if face is None else face
            edge = color if edge is None else edge
        poly = Polygon(self, xy, closed=True, fill=kw.pop("fill", True),
                       facecolor=rcParams.get("patch.facecolor", "C0") if face is None else face,
                       edgecolor="none" if edge is None else edge, **kw, **coords)
        return self._add_artist(poly)


def _errorevery_mask(n: int, errorevery) -> np.ndarray:
    """matplotlib's ``errorevery``: N, (start, N), a slice or an index array."""
    if isinstance(errorevery, Integral):
        if errorevery < 1:
            raise ValueError(f"errorevery: got {errorevery!r}, expected an integer >= 1")
        errorevery = slice(0, None, int(errorevery))
    elif isinstance(errorevery, tuple):
        if len(errorevery) != 2 or not all(isinstance(v, Integral) for v in errorevery):
            raise ValueError(f"errorevery: got {errorevery!r}, expected (start, N) integers")
        errorevery = slice(errorevery[0], None, errorevery[1])
    elif not isinstance(errorevery, slice) and (isinstance(errorevery, str)
                                                or not np.iterable(errorevery)):
        raise ValueError(f"errorevery: got {errorevery!r}, expected N, (start, N), a slice "
                         "or indices")
    mask = np.zeros(n, dtype=bool)
    try:
        mask[errorevery] = True
    except (IndexError, ValueError) as exc:
        raise ValueError(f"errorevery: {errorevery!r} does not index {n} points") from exc
    return mask


def _rule_edges(rule: str, data: list, weights: list, bin_range) -> np.ndarray:
    """The edges numpy's bin ``rule`` ('auto', 'fd'...) gives for all datasets, or a
    ValueError naming ``bins`` when it gives none or more than the memory budget allows
    (a few values over an extreme range ask for ~10^38 bins)."""
    values = np.concatenate(data) if data else np.zeros(0)
    allw = None if any(wi is None for wi in weights) else np.concatenate(weights)
    try:
        with np.errstate(all="ignore"):
            edges = np.histogram_bin_edges(values, rule, bin_range, allw)
    except (ValueError, OverflowError, MemoryError, TypeError) as e:
        raise ValueError(f"bins: the rule {rule!r} gives no usable bins for x ({e}); pass "
                         "a number of bins") from None
    validate.points(len(edges) - 1, "bins", validate.BAR_BYTES, f"bars (from {rule!r})",
                    "pass a number of bins")
    return edges
def _limits_mask(value, n: int, argument: str) -> np.ndarray:
    """One bool per point from a bool or a sequence of n (``lolims`` & co.)."""
    arr = np.asarray(value)
    if arr.dtype.kind not in "biuf":  # matplotlib takes any truthy numbers
        raise TypeError(f"{argument}: got {arr.dtype} values, expected bools")
    try:
        return np.broadcast_to(arr.astype(bool), (n,)).copy()
    except ValueError:
        raise ValueError(f"{argument}: got shape {arr.shape}, expected a bool or ({n},)") \
            from None


def _error_bounds(err, dep: np.ndarray, name: str, axis) -> tuple[np.ndarray, np.ndarray]:
    """Lower and upper ends of error bars from a scalar, (N,) or (2, N) error."""
    argument = f"{name}err"
    if isinstance(err, str):
        raise TypeError(f"{argument}: got str, expected numbers")
    arr = np.array(validate.numbers_array(err, argument), copy=True)
    if arr.dtype == object:
        if any(v is None for v in arr.ravel()):
            raise ValueError(f"{argument}: must not contain None (use NaN to skip a value)")
        try:
            arr = arr.astype(float)
        except (TypeError, ValueError):
            raise TypeError(f"{argument}: got non-numeric values, expected numbers") from None
    if arr.dtype.kind in "US":
        raise TypeError(f"{argument}: got strings, expected numbers")
    if arr.dtype.kind == "m":
        arr = np.asarray(axis.convert(arr), dtype=float)
    arr = arr.astype(float)
    n = dep.size
    try:
        both = np.broadcast_to(arr, (2, n))
    except ValueError:
        raise ValueError(f"{argument}: got shape {arr.shape}, expected a number, ({n},) or "
                         f"(2, {n}) to match {name} ({n} values)") from None
    if np.any(both[np.isfinite(both)] < 0):
        raise ValueError(f"{argument}: must not contain negative values")
    return dep - both[0], dep + both[1]


def _contour_levels(levels, z: np.ma.MaskedArray, filled: bool, extend: str,
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
        lev = _values(levels, "levels").reshape(-1)
    if filled and len(lev) < 2:
        raise ValueError(f"levels: got {len(lev)} level, filled contours need at least 2")
    if len(lev) > 1 and np.min(np.diff(lev)) <= 0:
        raise ValueError(f"levels: got {lev.tolist()}, expected increasing values")
    if not np.all(np.isfinite(lev)):
        raise ValueError("levels: got non-finite values")
    return lev


__all__ = ["PlottingMixin"]
