"""matplotlib's bar, barh, hist, errorbar and stem as Axes methods.

``Axes`` has the methods of :class:`BarPlotsMixin` through
:class:`~lumos.plot.plot_types.PlotTypesMixin`, which loads this module at the first use
of one of them; they use ``self`` as the Axes. Argument names, defaults and return
types follow matplotlib.
"""

from __future__ import annotations

from numbers import Integral

import numpy as np

from . import validate
from .artists import accepts_rasterized
from .bars import BarCollection, Rectangle
from .collections import CapLines, LineCollection, color_rows
from .containers import BarContainer, ErrorbarContainer, StemContainer
from .grouped_bars import GroupedBars, grouped_bar
from .plot_args import broadcast_1d, check_choice, float_values, normalize_kwargs, reshape_2d
from .point_shapes import PointShapes, caret
from .polygons import Polygon
from .style import rcParams
from .units import take_unit_keywords


class BarPlotsMixin:
    """The bar, histogram, error-bar and stem methods of :class:`lumos.plot.Axes`."""

    # -- bars --------------------------------------------------------------------------
    @accepts_rasterized
    def bar(self, x, height, width=0.8, bottom=None, *, align: str = "center",
            **kwargs) -> BarContainer:
        """Bars at x of the given heights; one draw for every face, one for the edges.

        Bars stick to their bottom: autoscale margins never push the axis past it.
        """
        from .axes_plotting import artist_props, with_props

        take_unit_keywords(self, kwargs, x, height)
        props = artist_props(kwargs)  # picker, visible, animated, ...: the bars' own
        kw = normalize_kwargs(kwargs, "bar", (
            "color", "edgecolor", "linewidth", "linestyle", "tick_label", "xerr", "yerr",
            "ecolor", "capsize", "error_kw", "log", "label", "alpha", "zorder", "orientation",
            "facecolor", "hatch", "hatchcolor"))
        orientation = kw.pop("orientation", "vertical")
        check_choice(orientation, "orientation", ("vertical", "horizontal"))
        check_choice(align, "align", ("center", "edge"))
        vertical = orientation == "vertical"
        if vertical:
            y = 0.0 if bottom is None else bottom
        else:
            y = bottom
            x = 0.0 if x is None else x
        if vertical:
            xv = float_values(x, "x", self.xaxis)
            yv = float_values(y, "bottom", self.yaxis)
            wv = float_values(width, "width", self.xaxis)
            hv = float_values(height, "height", self.yaxis)
            xv, hv, wv, yv = broadcast_1d(x=xv, height=hv, width=wv, bottom=yv)
        else:
            xv = float_values(x, "left", self.xaxis)
            yv = float_values(y, "y", self.yaxis)
            wv = float_values(width, "width", self.xaxis)
            hv = float_values(height, "height", self.yaxis)
            yv, wv, hv, xv = broadcast_1d(y=yv, width=wv, height=hv, left=xv)
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
        if edgecolor is None:
            edgecolor = _default_edge()
        coll = BarCollection(self, left, bot, wv, hv, facecolor=color, edgecolor=edgecolor,
                             linewidth=kw.pop("linewidth", None), alpha=kw.pop("alpha", None),
                             linestyle=kw.pop("linestyle", "-"), label=label,
                             zorder=kw.pop("zorder", None), orientation=orientation,
                             hatch=kw.pop("hatch", None), hatchcolor=kw.pop("hatchcolor", None))
        coll.bar_labels = bar_labels
        with_props([coll], props)
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

    def grouped_bar(self, heights, *, positions=None, group_spacing=1.5, bar_spacing=0,
                    tick_labels=None, labels=None, orientation="vertical", colors=None,
                    **kwargs) -> GroupedBars:
        """The bars of several datasets side by side in each category (matplotlib
        3.11): ``heights`` a list of datasets, a 2D array (a column per dataset), a dict
        {label: dataset} or a DataFrame; ``labels`` name the datasets for the legend,
        ``tick_labels`` the categories; facecolor, edgecolor, hatch, linewidth and
        linestyle take one value per dataset; other keywords go to every ``bar``."""
        return grouped_bar(self, heights, positions, group_spacing, bar_spacing,
                           tick_labels, labels, orientation, colors, kwargs)

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
        kw = normalize_kwargs(kwargs, "hist", ("alpha", "edgecolor", "facecolor", "linewidth",
                                               "linestyle", "zorder", "hatch", "fill"))
        check_choice(histtype, "histtype", ("bar", "barstacked", "step", "stepfilled"))
        fill = kw.pop("fill", None)
        if fill and histtype == "step":
            histtype = "stepfilled"  # matplotlib's step patches take fill=True
        elif fill is not None and not fill and histtype == "stepfilled":
            # matplotlib draws nothing at all then
            raise TypeError("fill: False with histtype 'stepfilled' draws nothing; use "
                            "histtype='step'")
        elif fill is not None and not fill and histtype != "step":
            # matplotlib's unfilled bars: no faces, edges in patch.edgecolor unless given
            kw["facecolor"] = "none"
            kw.setdefault("edgecolor", rcParams["patch.edgecolor"])
        check_choice(align, "align", ("left", "mid", "right"))
        check_choice(orientation, "orientation", ("vertical", "horizontal"))
        if histtype == "barstacked":
            stacked = True
        axis = self.xaxis if orientation == "vertical" else self.yaxis
        # views: nothing is copied before the check; no columns: one empty dataset
        datasets = reshape_2d(x, "x") or [np.zeros(0)]
        validate.points(sum(validate.size_of(xi) for xi in datasets), "x",
                        validate.HIST_BYTES_PER_VALUE, "values",
                        "pass fewer values (or count them in chunks with numpy.histogram "
                        "and draw the counts with ax.bar)")
        data = [float_values(xi, f"x[{i}]" if i else "x", axis).reshape(-1)
                for i, xi in enumerate(datasets)]
        nx = len(data)
        if weights is not None:
            w = [float_values(wi, "weights").reshape(-1) for wi in reshape_2d(weights, "weights")]
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
            bins = float_values(bins, "bins", axis)
        elif not isinstance(bins, Integral) or bins < 1:
            raise ValueError(f"bins: got {bins!r}, expected a positive integer, a sequence "
                             "of edges or a numpy bin rule")
        else:
            validate.points(int(bins) * nx, "bins", validate.BAR_BYTES, "bars",
                            "pass fewer bins")
        bin_range = None
        if range is not None:
            lohi = float_values(range, "range", axis)
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
            styles = per_dataset(kw, nx)
            if "facecolor" in kw:
                rgba = [st.pop("facecolor") for st in styles]
            for top, c, name, bar_kw in zip(tops, rgba, lab, styles, strict=True):
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
                bars.collection.legend_as_container = False
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
        styles = per_dataset(kw, nx)
        for (px, py), c, name, st in reversed(list(zip(outlines, rgba, lab, styles,
                                                       strict=True))):
            face = st.get("facecolor", c)
            edge = st.get("edgecolor", _default_edge() if fill else c)
            poly = Polygon(self, np.c_[px[:split], py[:split]], closed=fill, fill=fill,
                           facecolor=face, edgecolor=edge, linewidth=st.get("linewidth"),
                           linestyle=st.get("linestyle", "-"), alpha=st.get("alpha"),
                           label=name, zorder=st.get("zorder", None if fill else 2.0))
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
        from .axes_plotting import _normalize_kwargs

        if not isinstance(fmt, str):
            raise TypeError(f"fmt: got {type(fmt).__name__}, expected str")
        kwargs = {k: v for k, v in _normalize_kwargs(kwargs).items() if v is not None}
        take_unit_keywords(self, kwargs, x, y)
        validate.check(ecolor=ecolor, elinewidth=elinewidth, capsize=capsize,
                       capthick=capthick)
        zorder = kwargs.pop("zorder", 2.0)
        zorder = 2.0 if zorder is None else float(zorder)
        label = kwargs.pop("label", None)
        xv = float_values(x, "x", self.xaxis).reshape(-1)
        yv = float_values(y, "y", self.yaxis).reshape(-1)
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
                if not self.rectangular:  # θ errors follow their arcs, as matplotlib's
                    steps = self.edge_steps(segs[:, 0], segs[:, 1])
                    segs = [np.linspace(a, b, k + 1) for (a, b), k in zip(segs, steps,
                                                                          strict=True)]
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
        from .axes_plotting import parse_fmt

        check_choice(orientation, "orientation", ("vertical", "horizontal"))
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
        locs = float_values(locs, "x" if vertical else "y", loc_axis).reshape(-1)
        heads = float_values(heads, "y" if vertical else "x", head_axis).reshape(-1)
        if locs.size != heads.size:
            raise ValueError(f"x and y must have the same length: got {locs.size} and "
                             f"{heads.size}")
        base = float(float_values(bottom, "bottom", head_axis).reshape(-1)[0])
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


def _default_edge():
    """The edge of a filled bar or band without one given: matplotlib's patches draw
    ``patch.edgecolor`` only when ``patch.force_edgecolor`` (the classic style)."""
    return rcParams["patch.edgecolor"] if rcParams["patch.force_edgecolor"] else "none"


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
    err = axis.process_units(err)  # a script's unit converter (lumos.plot.units)
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


__all__ = ["BarPlotsMixin"]


def per_dataset(kw: dict, nx: int) -> list[dict]:
    """The keywords of each of ``nx`` histogram datasets: ``facecolor``, ``edgecolor``,
    ``linewidth``, ``linestyle`` and ``hatch`` may each be one value or a sequence that
    the datasets take in turn, cycling (matplotlib 3.10's ``hist``)."""
    out = [{k: v for k, v in kw.items() if k in _BAR_KEYS} for _ in range(nx)]
    for key in ("facecolor", "edgecolor", "linewidth", "linestyle", "hatch"):
        if key not in kw:
            continue
        value = kw[key]
        if key in ("facecolor", "edgecolor"):
            values = [value] if value is None or (isinstance(value, str) and
                                                  value.lower() == "none") \
                else [tuple(r) for r in color_rows(value, key)]
        elif key == "linestyle":
            single = isinstance(value, str) or (isinstance(value, tuple) and len(value) == 2
                                                and np.iterable(value[1]))
            values = [value] if single else list(value)
        else:
            values = list(np.atleast_1d(value))
        if not values:
            raise TypeError(f"{key}: got an empty sequence, expected a value or one per "
                            "dataset")
        for i, st in enumerate(out):
            st[key] = values[i % len(values)]
    return out


_BAR_KEYS = ("alpha", "facecolor", "edgecolor", "linewidth", "linestyle", "zorder", "hatch")
