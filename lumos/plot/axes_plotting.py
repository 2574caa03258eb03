"""The Axes' own plotting methods: ``plot`` (with ``loglog``, ``semilogx``,
``semilogy``, ``step``), ``scatter``, ``imshow``, ``stream``, ``waterfall`` and ``text``,
and the argument helpers other plotting modules share (matplotlib's format string
:func:`parse_fmt`, line keyword aliases, the artist properties every plotting call
sets). A mixin of :class:`lumos.plot.axes.Axes`; the other plot types are in
:mod:`lumos.plot.plot_types`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .. import colors
from . import bigdata, category, validate
from .artists import accepts_rasterized, check_marker, numeric, sanitize_sequence
from .labelled_data import labelled_data
from .lines import Line2D
from .text_artists import Text
from .units import take_unit_keywords

if TYPE_CHECKING:  # imported by scatter and imshow at their first call
    from .image import AxesImage
    from .scatter import PathCollection


_COLOR_LETTERS = "bgrcmykw"


def parse_fmt(fmt: str) -> dict:
    """matplotlib's format string: ``'r--o'`` → color, linestyle, marker; a whole color
    spec (``'tab:orange'``, ``'xkcd:sky blue'``, ``'#abc'``, ``'0.5'``) is a color."""
    if not isinstance(fmt, str):
        raise TypeError(f"fmt: got {type(fmt).__name__}, expected str")
    if fmt.isspace() or fmt == "None":  # matplotlib: no line and no marker
        return {"linestyle": "None"}
    if fmt and colors.is_color_like(fmt):
        try:
            as_int = str(int(fmt))
        except ValueError:
            as_int = None
        if as_int != fmt:  # '1' is the tri-down marker, '1.0' a gray
            return {"color": colors.to_rgba(fmt)}  # matplotlib's line keeps it as RGBA
    out: dict = {}
    rest = fmt
    for two in ("--", "-."):
        if two in rest:
            out["linestyle"] = two
            rest = rest.replace(two, "", 1)
    i = 0
    while i < len(rest):
        ch = rest[i]
        if ch in "-:":
            if "linestyle" in out:
                raise ValueError(f"fmt: {fmt!r} has two line styles")
            out["linestyle"] = ch
        elif ch == "C" and i + 1 < len(rest) and rest[i + 1].isdigit():
            out["color"] = colors.to_rgba(rest[i : i + 2])  # as matplotlib keeps it
            i += 1
        elif ch in _COLOR_LETTERS:
            out["color"] = ch
        elif ch == " ":
            out["linestyle"] = "None"
        else:
            from .artists import MARKERS  # the marker tables, loaded at the first marker

            if ch not in MARKERS:
                raise ValueError(f"fmt: {fmt!r} has an unrecognized character {ch!r}")
            if "marker" in out:
                raise ValueError(f"fmt: {fmt!r} has two markers")
            out["marker"] = ch
        i += 1
    if "marker" in out and "linestyle" not in out:
        out["linestyle"] = "None"
    return out


def _split_plot_args(args) -> list[tuple]:
    """Group ``plot`` positional arguments into (x, y, fmt) triples."""
    groups = []
    args = list(args)
    while args:
        first = args.pop(0)
        if isinstance(first, str):
            raise TypeError("plot: got a format string before any data")
        if args and not isinstance(args[0], str):
            x, y = first, args.pop(0)
        else:
            x, y = None, first
        fmt = args.pop(0) if args and isinstance(args[0], str) else ""
        groups.append((x, y, fmt))
    return groups


class AxesPlotting:
    """The plotting methods of :class:`~lumos.plot.axes.Axes` (a mixin): ``plot`` and its
    log and step variants, ``scatter``, ``imshow``, ``stream``, ``waterfall``, ``text``."""

    # -- plotting ------------------------------------------------------------------
    @accepts_rasterized
    @labelled_data(None)
    def plot(self, *args, scalex: bool = True, scaley: bool = True, **kwargs) -> list[Line2D]:
        """Lines and/or markers: ``plot(y)``, ``plot(x, y, 'r--o', lw=2, label='a')``;
        ``picker`` makes clicks on them ``pick_event`` events; ``visible``,
        ``clip_on`` and ``clip_path`` as their setters; ``scalex=False`` /
        ``scaley=False`` leave that axis's view where it is (the lines still count in
        later fits), as matplotlib's."""
        kwargs = _normalize_kwargs(kwargs)
        props = artist_props(kwargs)
        return with_props(self._plot(args, kwargs, (bool(scalex), bool(scaley))), props)

    def _plot(self, args, kwargs, request=(True, True)) -> list[Line2D]:
        lines = []
        for x, y, fmt in _split_plot_args([sanitize_sequence(a) for a in args]):
            take_unit_keywords(self, kwargs, x, y)
            style = {**parse_fmt(fmt), **kwargs}
            transform = style.pop("transform", None)
            if transform is self.transData:
                transform = None
            if bigdata.is_lazy_input(y) or bigdata.is_lazy_input(x):
                lines.append(bigdata.dispatch_plot(self, x, y, style, request))
                continue
            x, y = self.xaxis.process_units(x), self.yaxis.process_units(y)
            # strings are categories (matplotlib's category axis)
            if category.is_categorical(x):
                x = self.xaxis.convert(x)
            if category.is_categorical(y):
                y = self.yaxis.convert(y)
            # validated without copies: each Line2D copies its column once
            y = numeric(y, "y")
            y = y.reshape(1) if y.ndim == 0 else y  # plot(5): one point, as matplotlib
            x = None if x is None else numeric(x, "x")
            x = x.reshape(1) if x is not None and x.ndim == 0 else x
            validate.lines(max(a.shape[1] if a.ndim == 2 else 1 for a in (x, y)
                               if a is not None), len(y), "y",
                           markers=check_marker(style.get("marker")) is not None)
            x = np.arange(len(y), dtype=float) if x is None else x
            if x.shape[:1] != y.shape[:1]:
                raise ValueError(f"x and y must have same first dimension, but have shapes "
                                 f"{x.shape} and {y.shape}")
            x, y = _as_columns(x, "x"), _as_columns(y, "y")
            if x.shape[1] > 1 and y.shape[1] > 1 and x.shape[1] != y.shape[1]:
                raise ValueError(f"x and y: x has {x.shape[1]} columns but y has "
                                 f"{y.shape[1]}, expected as many (or one)")
            # no columns in x or y: no lines (as matplotlib)
            ncols = 0 if 0 in (x.shape[1], y.shape[1]) else max(x.shape[1], y.shape[1])
            for k in range(ncols):
                xk = x[:, min(k, x.shape[1] - 1)]
                yk = y[:, min(k, y.shape[1] - 1)]
                s = dict(style)
                s.update(self._lines_cycle.next(s))
                last = k == ncols - 1  # the limits are fitted once, after the last line
                if transform is None:
                    lines.append(self._add_artist(Line2D(self, xk, yk, **s), last, request))
                else:  # any transform to figure pixels: drawn from pixels every frame
                    from .transformed import TransformedLine2D

                    lines.append(self._add_artist(TransformedLine2D(
                        self, xk, yk, transform=transform, **s), last, request))
        return lines

    def loglog(self, *args, **kwargs) -> list[Line2D]:
        """``plot`` with logarithmic x and y axes (``base``, ``subs`` and
        ``nonpositive`` go to both scales, as in matplotlib)."""
        scale = _log_keywords(kwargs)
        lines = self.plot(*args, **kwargs)
        self.set_xscale("log", **scale)
        self.set_yscale("log", **scale)
        return lines

    def semilogx(self, *args, **kwargs) -> list[Line2D]:
        """``plot`` with a logarithmic x axis (``base``, ``subs``, ``nonpositive``)."""
        scale = _log_keywords(kwargs)
        lines = self.plot(*args, **kwargs)
        self.set_xscale("log", **scale)
        return lines

    def semilogy(self, *args, **kwargs) -> list[Line2D]:
        """``plot`` with a logarithmic y axis (``base``, ``subs``, ``nonpositive``)."""
        scale = _log_keywords(kwargs)
        lines = self.plot(*args, **kwargs)
        self.set_yscale("log", **scale)
        return lines

    def step(self, x, y, *args, where: str = "pre", **kwargs) -> list[Line2D]:
        """A step plot (``where``: 'pre', 'post' or 'mid')."""
        if where not in ("pre", "post", "mid"):
            raise ValueError(f"where: got {where!r}, expected 'pre', 'post' or 'mid'")
        return self.plot(x, y, *args, drawstyle=f"steps-{where}", **kwargs)

    @accepts_rasterized
    @labelled_data(("x", "y", "s", "c", "linewidths", "edgecolors", "facecolor",
                    "facecolors", "color"))
    def scatter(self, x, y, s=None, c=None, marker=None, cmap=None, norm=None, vmin=None,
                vmax=None, alpha=None, linewidths=None, edgecolors=None, label=None,
                zorder=None, color=None, density: bool | None = None, colorizer=None,
                **kwargs) -> PathCollection:
        """Markers of per-point size (points², like matplotlib) and color or value.

        ``density=True`` (automatic beyond ``PathCollection.density_threshold`` = 2·10^6
        points of one color) counts points per pixel on the GPU and shows the counts
        through ``cmap`` with ``norm`` 'eq_hist' (default), 'linear' or 'log'.

        rcParams as matplotlib reads them: ``scatter.marker``, ``scatter.edgecolors``;
        under the 'classic' style (``_internal.classic_mode``) 20 points² markers, 'b'
        faces, the patches' edge color and margins of at least 0.05.
        """
        from .style import rcParams

        cmap, norm = validate.colorizer_mapping("scatter", colorizer, cmap, norm, vmin, vmax)
        classic = rcParams["_internal.classic_mode"]
        marker = rcParams["scatter.marker"] if marker is None else marker
        if s is None and classic:
            s = 20
        props = artist_props(kwargs)
        take_unit_keywords(self, kwargs, x, y)
        x, y = self.xaxis.process_units(x), self.yaxis.process_units(y)
        facecolors = kwargs.pop("facecolor", kwargs.pop("facecolors", kwargs.pop("fc", None)))
        edgecolors = kwargs.pop("edgecolor", kwargs.pop("ec", edgecolors))
        linewidths = kwargs.pop("linewidth", kwargs.pop("lw", linewidths))
        plotnonfinite = kwargs.pop("plotnonfinite", False)
        transform = kwargs.pop("transform", None)  # of the points (matplotlib's offsets)
        hatch, hatchcolor = kwargs.pop("hatch", None), kwargs.pop("hatchcolor", None)
        if "hatch_linewidth" in kwargs:
            raise TypeError("scatter: hatch_linewidth not supported (the hatches are "
                            "rcParams['hatch.linewidth'] wide)")
        _reject_unknown(kwargs, "scatter")
        validate.check(s=s, alpha=alpha, linewidths=linewidths, edgecolors=edgecolors,
                       zorder=zorder, color=color)
        validate.clim(vmin, vmax)
        if plotnonfinite:
            raise TypeError("scatter: plotnonfinite=True is not supported (lumos leaves "
                            "non-finite values out)")
        if color is not None and c is not None:
            raise ValueError("scatter: got c and color, expected one of them (c maps values "
                             "or gives colors, color gives colors)")
        if color is not None:  # matplotlib: color sets faces and edges
            edgecolors = color if edgecolors is None else edgecolors
            facecolors = color if facecolors is None else facecolors
            color = None
        if c is None and facecolors is not None:
            c = facecolors  # c takes precedence over facecolors, as in matplotlib
        from .transformed_collections import is_data_transform

        moved = not is_data_transform(transform, self)
        if bigdata.is_lazy_input(x) or bigdata.is_lazy_input(y):
            if moved:
                raise TypeError("transform: lumos places lazy (out-of-memory) scatter "
                                f"points in data coordinates only; got {transform!r}")
            return with_props([bigdata.dispatch_scatter(self, x, y, density, dict(
                s=s, c=c, marker=None if marker == "o" else marker, cmap=cmap, norm=norm,
                vmin=vmin, vmax=vmax, alpha=alpha, linewidths=linewidths,
                edgecolors=edgecolors, label=label, zorder=zorder, color=color))], props)[0]
        if edgecolors is None:  # (after the lazy points, which have no edge) rc's; classic:
            # the collection's default edge
            edgecolors = rcParams["scatter.edgecolors"] if not classic else \
                rcParams["patch.edgecolor"] if rcParams["patch.force_edgecolor"] else "none"
        validate.points(max(validate.size_of(x), validate.size_of(y)), "x",
                        validate.MARKER_BYTES_PER_POINT)
        if c is None and color is None:
            color = "b" if classic else self._next_patch_color()
        from .scatter import PathCollection  # at the first scatter: not with every Axes

        x, y = sanitize_sequence(x), sanitize_sequence(y)
        if category.is_categorical(x):
            x = self.xaxis.convert(x)
        if category.is_categorical(y):
            y = self.yaxis.convert(y)
        style = dict(s=s, c=c, marker=marker, cmap=cmap, norm=norm, vmin=vmin, vmax=vmax,
                     alpha=alpha, linewidths=linewidths, edgecolors=edgecolors, label=label,
                     zorder=zorder, color=color, density=density)
        if hatch or hatchcolor is not None:
            if moved or density:
                raise TypeError("scatter: hatch is drawn in markers placed in data "
                                "coordinates, without density=True")
            style.update(hatch=hatch, hatchcolor=hatchcolor)
        if moved:  # any transform to figure pixels: placed from pixels every frame
            from .transformed_scatter import TransformedPathCollection

            pc = TransformedPathCollection(self, x, y, transform, **style)
        else:
            pc = PathCollection(self, x, y, **style)
        if classic and np.size(x):  # room for the markers (matplotlib 1.x's margins)
            mx, my = self.margins()
            if mx < 0.05:
                self.set_xmargin(0.05)
            if my < 0.05:
                self.set_ymargin(0.05)
        return with_props([self._add_artist(pc)], props)[0]

    @accepts_rasterized
    def imshow(self, X, cmap=None, norm=None, aspect=None, interpolation=None, alpha=None,
               vmin=None, vmax=None, origin=None, extent=None, zorder=None,
               interpolation_stage=None, resample=None, filternorm=True, filterrad=4.0,
               clim=None, label=None, clip_path=None, transform=None, colorizer=None,
               **kwargs) -> AxesImage:
        """An image; ``origin='upper'`` puts row 0 at the top, ``aspect='equal'`` default.

        ``alpha`` is a number or one value per pixel; ``clim=(vmin, vmax)``; every
        matplotlib ``interpolation`` name is accepted (see
        :func:`lumos.plot.image.image_interpolation`); ``clip_path`` as
        ``set_clip_path`` takes it (a patch, or a ``(path, transform)`` pair);
        ``transform`` the extent's coordinates (``ax.transAxes``: axes fraction);
        ``colorizer`` matplotlib's Colorizer (its cmap and norm); ``picker``,
        ``visible``, ``clip_on`` and ``animated`` as their setters."""
        from .image import AxesImage  # at the first image: not with every Axes
        from .transformed_collections import is_data_transform

        props = artist_props(kwargs)
        if clip_path is not None:
            props["clip_path"] = clip_path
        _reject_unknown(kwargs, "imshow")
        validate.check(alpha=alpha, zorder=zorder)
        if clim is not None:
            if vmin is not None or vmax is not None:
                raise TypeError("imshow: got clim and vmin/vmax, expected one of them")
            vmin, vmax = clim
        validate.clim(vmin, vmax)
        cmap, norm = validate.colorizer_mapping("imshow", colorizer, cmap, norm, vmin, vmax)
        if filternorm is not True:
            from .compat import warn_once

            warn_once("imshow filternorm", "imshow: lumos normalizes a filter's weights by "
                      "their sum (filternorm=True)")
        if bigdata.is_lazy_input(X) and max(X.shape[:2]) > bigdata.TILE_ABOVE:
            if not is_data_transform(transform, self):
                raise TypeError("transform: a tiled (lazy) image lies in data coordinates; "
                                f"got {transform!r}, expected None or ax.transData")
            im = bigdata.dispatch_imshow(self, X, dict(
                cmap=cmap, norm=norm, interpolation=interpolation, alpha=alpha, vmin=vmin,
                vmax=vmax, origin=origin, extent=extent, zorder=zorder))
        else:
            style = dict(cmap=cmap, norm=norm, vmin=vmin, vmax=vmax, extent=extent,
                         origin=origin, interpolation=interpolation, alpha=alpha,
                         zorder=zorder, interpolation_stage=interpolation_stage, label=label,
                         filterrad=filterrad, resample=resample)
            im = AxesImage(self, X, **style)
            if not is_data_transform(transform, self):
                im.set_transform(transform)
        self.set_aspect("equal" if aspect is None else aspect)
        with_props([self._add_artist(im)], props)
        lo, hi = im.get_extent()[:2], im.get_extent()[2:]
        # matplotlib shows exactly the image, with y running down for origin 'upper',
        # on the axes that autoscale; limits the script set stay (and stay fixed)
        auto = self.xaxis.limits.auto, self.yaxis.limits.auto
        if auto[0]:
            self.set_xlim(*lo)
        if auto[1]:
            self.set_ylim(*hi)
        self.xaxis.limits.auto, self.yaxis.limits.auto = auto
        return im

    def stream(self, channels: int, capacity: int, dt: float = 1.0, t0: float = 0.0,
               stacked: bool = False, spacing: float | None = None, color=None,
               linewidth: float | None = None, label=None, zorder=None):
        """Live signals: ``s = ax.stream(channels=32, capacity=100_000, dt=1e-4)``, then
        ``s.push(block)`` with ``block`` of shape (k, channels), from any thread.

        The newest ``capacity`` samples of every channel are drawn (one draw); while
        the x limits are automatic the axis scrolls with them (x margins are 0).
        ``stacked`` offsets channel c by ``(channels - 1 - c) * spacing`` (None: from
        the data). Pushing k samples uploads k samples; see ``lumos.plot.animation``.
        """
        from .animation import StreamPlot

        s = StreamPlot(self, channels, capacity, dt=dt, t0=t0, stacked=stacked,
                       spacing=spacing, color=color, linewidth=linewidth, label=label,
                       zorder=zorder)
        self._margins = (0.0, self._margins[1])  # the window is exactly the samples
        return self._add_artist(s)

    def waterfall(self, n_freq: int, capacity: int, dt: float = 1.0, t0: float = 0.0,
                  freqs=None, cmap=None, vmin=None, vmax=None, label=None, zorder=None):
        """A scrolling spectrogram: ``w = ax.waterfall(512, 600)``, then
        ``w.push(rows)`` with ``rows`` of shape (k, n_freq), from any thread.

        Frequency (``freqs = (f0, f1)``, default bins 0..n_freq) runs along x, time
        along y with the newest row on top; rows go through ``cmap`` between
        ``vmin``/``vmax`` (default: the range seen). Pushing k rows uploads k rows.
        """
        from .animation import WaterfallPlot

        w = WaterfallPlot(self, n_freq, capacity, dt=dt, t0=t0, freqs=freqs, cmap=cmap,
                          vmin=vmin, vmax=vmax, label=label, zorder=zorder)
        self._margins = (0.0, 0.0)
        return self._add_artist(w)

    def text(self, x, y, s, fontdict=None, **kwargs) -> Text:
        """Text at data coordinates, or through any transform to figure pixels:
        ``transform=ax.transAxes`` (axes fraction), ``ax.get_xaxis_transform()``,
        ``fig.transFigure``; matplotlib's Text keywords (``fontsize``, ``color``,
        ``ha``/``va``, ``rotation``, ``rotation_mode``, ``fontfamily``, ``fontstyle``,
        ``fontweight``, ``alpha``, ``wrap``, ``bbox``, ``path_effects``, ...);
        ``transform_rotates_text=True``: ``rotation`` is an angle in data coordinates."""
        props, zorder, label = text_keywords({"fontdict": fontdict, **kwargs}, "text")
        setters = text_setters(props)
        transform = props.pop("transform", None)
        # a date (datetime, date, datetime64) in the axis' units, as matplotlib converts it
        x, y = (float(axis.convert(np.reshape(v, 1))[0])
                if np.asarray(v).dtype.kind in "MO" else v
                for v, axis in ((x, self.xaxis), (y, self.yaxis)))
        t = Text(self, x, y, s, transform=transform, label=label, zorder=zorder, **props)
        with_props([t], setters)
        self.plain_texts.append(t)
        self._dirty = True
        return t


def _as_columns(values, argument: str) -> np.ndarray:
    """Columns of 1D or 2D numeric input (views, no copy)."""
    arr = numeric(values, argument)
    if arr.ndim == 1:
        return arr[:, None]
    if arr.ndim != 2:
        raise ValueError(f"{argument}: got shape {arr.shape}, expected 1 or 2 dimensions")
    return arr


_KW_ALIASES = {"c": "color", "lw": "linewidth", "ls": "linestyle", "ms": "markersize",
               "mfc": "markerfacecolor", "mec": "markeredgecolor", "mew": "markeredgewidth",
               "mfcalt": "markerfacecoloralt"}


def _normalize_kwargs(kwargs: dict) -> dict:
    out = validate.keywords(kwargs, _KW_ALIASES)
    if "marker" in out:
        check_marker(out["marker"])
    return out


#: Artist properties a plotting call takes and sets on what it made, by their setters
ARTIST_PROPS = ("picker", "visible", "clip_on", "clip_path", "animated")


def artist_props(kwargs: dict) -> dict:
    """The ``ARTIST_PROPS`` given in ``kwargs`` (popped from it)."""
    return {k: kwargs.pop(k) for k in ARTIST_PROPS if k in kwargs}


def with_props(artists: list, props: dict) -> list:
    """``artists``, each with ``props`` set by its setters."""
    for a in artists:
        for key, value in props.items():
            getattr(a, f"set_{key}")(value)
    return artists


def text_setters(kwargs: dict) -> dict:
    """The keywords a text-making call sets by the text's setters after making it
    (popped from ``kwargs``): ``animated`` (matplotlib's blitting flag; lumos draws an
    animated text as any other, as matplotlib's savefig does)."""
    return {k: kwargs.pop(k) for k in ("animated",) if k in kwargs}


def text_keywords(kwargs: dict, where: str) -> tuple[dict, object, object]:
    """A text-making call's (``where``) Text keywords, aliases resolved and ``fontdict``
    expanded, less the artist's own: (the rest, zorder, label). ``rasterized=True`` is a
    TypeError."""
    from .textstyle import normalize

    props = normalize(kwargs)
    zorder = props.pop("zorder", None)
    label = props.pop("label", None)
    if props.pop("rasterized", None):
        raise TypeError(f"{where}: rasterized=True is not supported (text stays vector in "
                        "SVG and PDF files)")
    return props, zorder, label


def _reject_unknown(kwargs: dict, where: str) -> None:
    if kwargs:
        raise TypeError(f"{where}: unexpected keyword arguments {sorted(kwargs)}")


def _log_keywords(kwargs: dict) -> dict:
    """The log scale's keywords of a semilogx/semilogy/loglog call, taken out of
    ``kwargs`` (the rest go to ``plot``)."""
    return {k: kwargs.pop(k) for k in ("base", "subs", "nonpositive") if k in kwargs}
