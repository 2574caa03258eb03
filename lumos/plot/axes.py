"""Axes: a panzoom view of the figure's canvas plus axis decorations.

Data artists live in the axes' view (clipped to it; ``clip_on=False`` ones in views
across the figure, :mod:`.unclipped`); spines, ticks, labels, titles and
legends are drawn by the figure's overlay in figure pixels, recomputed every frame so
ticks follow pan and zoom.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .. import colors
from ..transforms import chain
from . import bigdata, category, introspect, validate
from .artist_api import ArtistAPI
from .artists import (
    Artist,
    accepts_rasterized,
    check_marker,
    numeric,
    sanitize_sequence,
)
from .axes_layout import AxesLayout
from .axes_limits import AxesLimits
from .axes_ticks import TickingMixin
from .axes_view import AxesNavigation, AxesProjection, AxesSync
from .axis import Axis
from .background import BackgroundPatch
from .coords import LiveTransform, unit_to_box
from .inset_indicator import InsetIndicating
from .labelled_data import labelled_data
from .lines import Line2D
from .patch_style import check_real
from .plot_types import PlotTypesMixin
from .propcycle import PropCycler, make_cycler
from .spines import Spines
from .style import rcParams
from .text_artists import Text
from .titles import Titles
from .unclipped import ClipLayers
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


class Axes(AxesLimits, AxesProjection, AxesSync, AxesNavigation, AxesLayout, TickingMixin,
           PlotTypesMixin, ArtistAPI, InsetIndicating):
    """A 2D plotting area: ``fig, ax = lumos.subplots(); ax.plot(x, y)``.

    This class is also the base of every projection (``projection="polar"``, ...): a
    projection subclasses it and overrides the hooks of the "projection" sections below
    (its transform chain, camera, decorations, limits and mouse handling; see
    ``docs/projections.md``). ``ax.transData`` maps data to figure pixels through
    ``transScale``, ``transProjection``, ``transLimits`` and ``transAxes``
    (:mod:`lumos.plot.coords`).
    """

    name = "rectilinear"

    def __init__(self, figure, spec, sharex: Axes | None = None, sharey: Axes | None = None,
                 parent: Axes | None = None, role: str = "main") -> None:
        self.figure = figure  # the figure or subfigure holding the axes
        self.parent = parent
        self.role = role  # "main", "twin", "secondary" or "colorbar"
        self.children: list[Axes] = []
        self.view = figure.canvas.add_view(camera=self._make_camera(), rect=(0, 0, 1, 1))
        self.view.bgcolor = None if role == "twin" else rcParams["axes.facecolor"]
        self._layers = ClipLayers(self.view)  # how clip_on=False artists draw
        # data changes counted, and the count the limits were last fitted at: a change
        # from another thread during a frame marks the next frame (see ``sync``)
        self._changes = 0
        self._fitted_at: int | None = None
        self.xaxis = Axis(self, "x")
        self.yaxis = Axis(self, "y")
        # the transform chain (live: follows limits, scales and the box)
        self.transScale = LiveTransform(self._scale_transform, "transScale")
        self.transProjection = LiveTransform(self._projection_transform, "transProjection")
        self.transLimits = LiveTransform(self._limits_transform, "transLimits")
        self.transAxes = LiveTransform(lambda: unit_to_box(self.box), "transAxes")
        self.transView = LiveTransform(lambda: chain(self.transLimits.frozen(),
                                                     self.transAxes.frozen()), "transView")
        self.transData = LiveTransform(lambda: chain(
            self.transScale.frozen(), self.transProjection.frozen(),
            self.transView.frozen()), "transData")
        if sharex is not None:
            self._share(self.xaxis, sharex.xaxis)
        if sharey is not None:
            self._share(self.yaxis, sharey.yaxis)
        self.artists: list[Artist] = []
        # the texts of ax.text (annotations are artists: they draw an arrow too)
        self.plain_texts: list[Text] = []
        self.title = Titles(self)
        self.legend_ = None
        # earlier legends kept by add_artist (matplotlib's way to show several legends)
        self.kept_legends: list = []
        self.patch = BackgroundPatch(rcParams["axes.facecolor"], "none", 0.0,
                                     box=lambda: self.box)
        self.aspect = "auto"
        self.colorbars: list = []  # colorbars taking their room from this axes
        self._label = ""
        # the position (figure fraction) and the box (figure pixels from the bottom left)
        self._init_position(spec)
        self.frame_on = True
        self.spines = Spines(axes=self)
        self.axison = True
        self._lines_cycle = PropCycler()
        self._patches_cycle = PropCycler()
        self._batches: dict[tuple, object] = {}
        self._fitted: dict[Artist, tuple] = {}  # data ranges autoscaling fits (dataLim)
        self._dirty = True
        self._margins = (float(rcParams["axes.xmargin"]), float(rcParams["axes.ymargin"]))
        # autoscale(tight=) / margins(tight=): True leaves automatic limits unrounded
        # under axes.autolimit_mode 'round_numbers'; None (not set) rounds, as False
        self._tight: bool | None = None

    # -- bookkeeping ---------------------------------------------------------------
    @staticmethod
    def _share(axis: Axis, other: Axis) -> None:
        axis.limits = other.limits
        other.limits.members.append(axis)
        axis.scale = other.scale
        axis.is_date = other.is_date
        axis.share_tickers(other)

    def _add_artist(self, artist: Artist, autoscale: bool = True,
                    request: tuple[bool, bool] = (True, True)) -> Artist:
        """Add ``artist``; ``autoscale=False`` when more follow at once (the limits are
        fitted after the last: fitting visits every artist). ``request`` says which of x
        and y the addition asks to fit (matplotlib's ``_request_autoscale_view``): an
        axis not asked keeps its view (its limits are held) until something asks, though
        the artist's extent counts from then on (``add_patch`` asks neither)."""
        if artist.get_clip_path() is not None:
            self.check_clip_path(artist.get_clip_path())
        if not all(request):  # the view held is the view as it is now, pending fits made
            self._autoscale(keep_held=True)
        self.artists.append(artist)
        for v in artist.visuals():
            v.order = artist.zorder
            v.rasterized = self.rasterizes(artist)
            self.view.add(v)
            self._layers.set_clip(v, artist.get_clip_on())
            self._layers.set_clip_path(v, artist.get_clip_path())
        self._dirty = True
        for axis, asked in zip((self.xaxis, self.yaxis), request, strict=True):
            axis.limits.held = not asked
        self._fit_pending = self._fit_pending or any(request)
        if autoscale and any(request):
            self._autoscale(keep_held=True)
        return artist

    def _remove_artist(self, artist: Artist) -> None:
        if artist in self.artists:
            self.artists.remove(artist)
            for v in artist.visuals():
                self._layers.remove(v)
        if artist in self.plain_texts:
            self.plain_texts.remove(artist)
        self._fitted.pop(artist, None)
        self._dirty = True

    def set_visual_clip(self, visual, clip_on: bool) -> None:
        """Whether one of the axes' own visuals (a grid line) is clipped to the axes
        (:mod:`.unclipped` draws it across the figure otherwise)."""
        self._layers.set_clip(visual, clip_on)

    def canvas_views(self) -> list:
        """The canvas views the axes draws its data into (removed with the axes)."""
        return self._layers.views()

    def check_unclipped(self) -> None:
        """Raise unless this axes can draw ``clip_on=False`` artists: a 3D view keeps its
        artists inside the axes' rectangle."""
        if self.view.camera.kind != "panzoom":
            raise ValueError(f"clip_on=False: {type(self).__name__} draws every artist "
                             "inside its axes; clip_on=False is supported on 2D axes only")

    def check_clip_path(self, clip) -> None:
        """Raise unless this axes can draw through ``clip`` (a :class:`.ClipPath`): its
        rings are in the scale space a 2D axes' camera shows, with no projection after."""
        if self.view.camera.kind != "panzoom" or self.gpu_transform() is not None:
            raise TypeError(f"set_clip_path: {type(self).__name__} ({self.name}) cannot clip "
                            "to a path; set_clip_path is supported on rectilinear 2D axes")
        clip.rings(self)  # a TypeError now for a transform lumos cannot read

    def clip_changed(self, artist: Artist) -> None:
        """``artist.set_clip_on`` or ``set_clip_path`` was called: its visuals are laid
        out again at the next draw (its batch rows move at the next rebuild)."""
        if artist in self.artists:
            for v in artist.visuals():
                self._layers.set_clip(v, artist.get_clip_on())
                self._layers.set_clip_path(v, artist.get_clip_path())
        self._dirty = True

    def _dpi_changed(self) -> None:
        """The figure's dpi changed: the batches (line widths and marker sizes in
        pixels) are made again at the next draw."""
        self._dirty = True

    def _artist_changed(self, artist: Artist) -> None:
        self._changes += 1
        self._dirty = True
        if artist is not None and artist.live_limits:  # a stream scrolls held limits too
            self.xaxis.limits.held = self.yaxis.limits.held = False

    def _changed_since_fit(self) -> bool:
        """Whether data changed after ``update_limits`` read it this frame (a producer
        thread pushed meanwhile): the frame's limits miss it, so the axes stays dirty
        and the next frame fits it. False when no ``update_limits`` preceded."""
        at, self._fitted_at = self._fitted_at, None
        return at is not None and at != self._changes

    def _next_color(self) -> str:
        """The next color of the lines' property cycle."""
        return self._lines_cycle.next_color()

    def _next_patch_color(self) -> str:
        """The next color of the patches' cycle (matplotlib keeps it apart from the
        lines': ``plot`` then ``fill_between`` both start at C0)."""
        return self._patches_cycle.next_color()

    @property
    def _get_lines(self) -> PropCycler:
        """matplotlib's name for the lines' cycle: its own helpers given a lumos axes
        call ``ax._get_lines.get_next_color()``."""
        return self._lines_cycle

    @property
    def _get_patches_for_fill(self) -> PropCycler:
        """matplotlib's name for the patches' cycle (``matplotlib.sankey.Sankey`` takes
        its colors with ``get_next_color()``)."""
        return self._patches_cycle

    def set_prop_cycle(self, *args, **kwargs) -> None:
        """The property cycle of lines and patches: a cycler, ``('color', [...])``,
        keywords (``color=[...], linestyle=[...]``), or None for rcParams'."""
        cycle = None if args == (None,) and not kwargs else make_cycler(*args, **kwargs)
        self._lines_cycle.set(cycle)
        self._patches_cycle.set(cycle)

    # -- plotting ------------------------------------------------------------------
    @accepts_rasterized
    @labelled_data(None)
    def plot(self, *args, scalex: bool = True, scaley: bool = True, **kwargs) -> list[Line2D]:
        """Lines and/or markers: ``plot(y)``, ``plot(x, y, 'r--o', lw=2, label='a')``;
        ``picker`` makes clicks on them ``pick_event`` events; ``visible``,
        ``clip_on`` and ``clip_path`` as their setters."""
        kwargs = _normalize_kwargs(kwargs)
        props = artist_props(kwargs)
        return with_props(self._plot(args, kwargs), props)

    def _plot(self, args, kwargs) -> list[Line2D]:
        lines = []
        for x, y, fmt in _split_plot_args([sanitize_sequence(a) for a in args]):
            take_unit_keywords(self, kwargs, x, y)
            style = {**parse_fmt(fmt), **kwargs}
            transform = style.pop("transform", None)
            if transform is self.transData:
                transform = None
            if bigdata.is_lazy_input(y) or bigdata.is_lazy_input(x):
                lines.append(bigdata.dispatch_plot(self, x, y, style))
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
                    lines.append(self._add_artist(Line2D(self, xk, yk, **s), last))
                else:  # any transform to figure pixels: drawn from pixels every frame
                    from .transformed import TransformedLine2D

                    lines.append(self._add_artist(TransformedLine2D(
                        self, xk, yk, transform=transform, **s), last))
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
    def scatter(self, x, y, s=None, c=None, marker="o", cmap=None, norm=None, vmin=None,
                vmax=None, alpha=None, linewidths=None, edgecolors=None, label=None,
                zorder=None, color=None, density: bool | None = None, colorizer=None,
                **kwargs) -> PathCollection:
        """Markers of per-point size (points², like matplotlib) and color or value.

        ``density=True`` (automatic beyond ``PathCollection.density_threshold`` = 2·10^6
        points of one color) counts points per pixel on the GPU and shows the counts
        through ``cmap`` with ``norm`` 'eq_hist' (default), 'linear' or 'log'.
        """
        cmap, norm = validate.colorizer_mapping("scatter", colorizer, cmap, norm, vmin, vmax)
        props = artist_props(kwargs)
        take_unit_keywords(self, kwargs, x, y)
        x, y = self.xaxis.process_units(x), self.yaxis.process_units(y)
        facecolors = kwargs.pop("facecolor", kwargs.pop("facecolors", kwargs.pop("fc", None)))
        edgecolors = kwargs.pop("edgecolor", kwargs.pop("ec", edgecolors))
        linewidths = kwargs.pop("linewidth", kwargs.pop("lw", linewidths))
        plotnonfinite = kwargs.pop("plotnonfinite", False)
        hatching = [k for k in ("hatch", "hatchcolor", "hatch_linewidth") if k in kwargs]
        if hatching:
            raise TypeError(f"scatter: {', '.join(hatching)} not supported (lumos draws the "
                            "markers as shapes on the GPU, without hatches)")
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
        if bigdata.is_lazy_input(x) or bigdata.is_lazy_input(y):
            return with_props([bigdata.dispatch_scatter(self, x, y, density, dict(
                s=s, c=c, marker=None if marker == "o" else marker, cmap=cmap, norm=norm,
                vmin=vmin, vmax=vmax, alpha=alpha, linewidths=linewidths,
                edgecolors=edgecolors, label=label, zorder=zorder, color=color))], props)[0]
        validate.points(max(validate.size_of(x), validate.size_of(y)), "x",
                        validate.MARKER_BYTES_PER_POINT)
        if c is None and color is None:
            color = self._next_patch_color()
        from .scatter import PathCollection  # at the first scatter: not with every Axes

        x, y = sanitize_sequence(x), sanitize_sequence(y)
        if category.is_categorical(x):
            x = self.xaxis.convert(x)
        if category.is_categorical(y):
            y = self.yaxis.convert(y)
        pc = PathCollection(self, x, y, s=s, c=c, marker=marker, cmap=cmap, norm=norm,
                            vmin=vmin, vmax=vmax, alpha=alpha, linewidths=linewidths,
                            edgecolors=edgecolors, label=label, zorder=zorder, color=color,
                            density=density)
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
        from .textstyle import normalize

        props = normalize({"fontdict": fontdict, **kwargs})
        zorder = props.pop("zorder", None)
        transform = props.pop("transform", None)
        label = props.pop("label", None)
        if props.pop("rasterized", None):
            raise TypeError("text: rasterized=True is not supported (text stays vector in "
                            "SVG and PDF files)")
        props.pop("animated", None)  # no effect on drawn text
        # a date (datetime, date, datetime64) in the axis' units, as matplotlib converts it
        x, y = (float(axis.convert(np.reshape(v, 1))[0])
                if np.asarray(v).dtype.kind in "MO" else v
                for v, axis in ((x, self.xaxis), (y, self.yaxis)))
        t = Text(self, x, y, s, transform=transform, label=label, zorder=zorder, **props)
        self.plain_texts.append(t)
        self._dirty = True
        return t

    # -- titles, aspect, properties ---------------------------------------------------
    def set_title(self, label, fontdict=None, loc: str | None = None, pad=None, *, y=None,
                  **kwargs):
        """A title over the axes: ``loc`` 'left', 'center' or 'right', ``pad`` points above
        the axes (or at ``y`` axes fraction), ``fontdict`` and Text keywords."""
        loc = rcParams.get("axes.titlelocation", "center") if loc is None else loc
        self.title.set(label, loc, pad, y, fontdict=fontdict, **kwargs)
        return self.title

    def get_title(self, loc: str = "center") -> str:
        """The title at ``loc`` ('left', 'center' or 'right')."""
        return self.title[loc]

    def set_aspect(self, aspect, adjustable=None, anchor=None) -> None:
        """'auto', 'equal' or a number (y unit / x unit on screen); ``adjustable``: 'box'
        (the box shrinks, the default) or 'datalim' (the limits grow); ``anchor``: where
        a shrunk box sits."""
        if aspect == "equal":
            aspect = 1.0
        if aspect != "auto":
            try:
                aspect = float(aspect)
            except (TypeError, ValueError):
                raise ValueError(f"aspect: got {aspect!r}, expected 'auto', 'equal' or a "
                                 "number") from None
            if not np.isfinite(aspect) or aspect <= 0:
                raise ValueError(f"aspect: got {aspect!r}, expected a positive number")
        self.aspect = aspect
        if adjustable is not None:
            self.set_adjustable(adjustable)
        if anchor is not None:
            self.set_anchor(anchor)

    def get_aspect(self):
        """'auto', 'equal' or the number ``set_aspect`` was given."""
        return self.aspect

    def set(self, **kwargs) -> None:
        """``ax.set(xlabel='t', ylim=(0, 1), title='...')``."""
        validate.set_by_setters(self, kwargs, "Axes.set")

    def set_facecolor(self, color) -> None:
        """The background color (``ax.patch``)."""
        self.patch.set_facecolor(color)

    def get_facecolor(self) -> tuple:
        """The background color (``ax.patch``'s face color) as RGBA."""
        return self.patch.get_facecolor()

    @property
    def facecolor(self):
        """The background color (``ax.patch``'s face color) as RGBA."""
        return self.patch.get_facecolor()

    def set_frame_on(self, on: bool) -> None:
        """Show or hide the axes frame (the spines)."""
        self.frame_on = bool(on)

    def axis(self, arg=None):
        """matplotlib's ``axis``: 'off'/'on', 'equal' (equal units, limits widened),
        'scaled' and 'image' (equal units, box shrunk), 'square' (and equal ranges),
        'tight' (limits fit the data, then frozen), 'auto', or ``[x0, x1, y0, y1]``;
        returns the limits."""
        if arg in ("off", False):
            self.axison = False
        elif arg in ("on", True):
            self.axison = True
        elif isinstance(arg, str):
            if arg not in ("equal", "tight", "scaled", "auto", "image", "square"):
                raise ValueError(f"arg: got {arg!r}, expected 'on', 'off', 'equal', 'tight', "
                                 "'scaled', 'auto', 'image', 'square' or [x0, x1, y0, y1]")
            self.set_aspect("auto")
            # fits the data now, margins kept; 'tight' and 'image' not rounded out
            self._tight = arg in ("tight", "image")
            self.autoscale(True)
            if arg == "equal":
                self.set_aspect("equal", adjustable="datalim")
            elif arg != "auto":
                if arg != "tight":
                    self.set_aspect("equal", adjustable="box", anchor="C")
                self.set_autoscale_on(False)
                if arg == "square":
                    (x0, x1), (y0, y1) = self.get_xlim(), self.get_ylim()
                    side = max(abs(x1 - x0), abs(y1 - y0))
                    self.set_xlim(x0, x0 + side * np.sign(x1 - x0))
                    self.set_ylim(y0, y0 + side * np.sign(y1 - y0))
        elif arg is not None:
            x0, x1, y0, y1 = arg
            self.set_xlim(x0, x1)
            self.set_ylim(y0, y1)
        return (*self.get_xlim(), *self.get_ylim())

    def cla(self) -> None:
        """Remove every artist and reset the axes as matplotlib's ``cla`` does: titles,
        axis labels, scales, locators and formatters, grids, margins, the color cycle
        and the limits (automatic again, (0, 1) until data comes; a shared axis keeps
        the limits it shares); insets are removed. Kept, as matplotlib keeps them: the tick styles
        (``tick_params``), the aspect and the background color."""
        for a in list(self.artists) + list(self.plain_texts):
            self._remove_artist(a)
        for batch in self._batches.values():
            self._layers.remove(batch)
        self._batches.clear()
        self.legend_ = None
        self.kept_legends.clear()
        for inset in list(self.child_axes):  # matplotlib forgets them: no longer drawn
            inset.remove()
        self.title = Titles(self)
        for axis in (self.xaxis, self.yaxis):
            axis.clear()
            if len(axis.limits.members) == 1:  # not shared
                axis.own_limits()
        self._margins = (float(rcParams["axes.xmargin"]), float(rcParams["axes.ymargin"]),
                         *self._margins[2:])
        self._tight = None
        self.axison = True
        self._lines_cycle.set()
        self._patches_cycle.set()
        self._dirty = True

    clear = cla

    @property
    def texts(self) -> list:
        """matplotlib's ``ax.texts``: the texts (``ax.text``), then the annotations
        (``ax.annotate``); a new list at each call."""
        return [*self.plain_texts, *(a for a in self.artists if isinstance(a, Text))]

    def get_children(self) -> list:
        """The axes' artists, texts, title, axes, insets, legends and background patch
        (not the spines: matplotlib's are patches; lumos's are drawn with the frame)."""
        legends = [lg for lg in (self.legend_, *self.kept_legends) if lg is not None]
        # a batch (streamplot's arrows) lists its members, as the axes' lists do
        artists = [m for a in self.artists for m in (a.listed() if a.listed_as else (a,))]
        return [*artists, *self.plain_texts, self.title, self.xaxis, self.yaxis,
                *self.child_axes, *legends, self.patch]

    def findobj(self, match=None, include_self: bool = True) -> list:
        """Every object in the axes that ``match`` accepts (see ``Figure.findobj``)."""
        return introspect.findobj(self, match, include_self)

    def get_lines(self) -> list[Line2D]:
        """The Line2D artists of the axes."""
        return [a for a in self.artists if isinstance(a, Line2D)]

    def legend(self, *args, **kwargs):
        """A legend of labelled artists (``loc='best'`` by default)."""
        from .legend import Legend

        self.legend_ = Legend(self, *args, **kwargs)
        return self.legend_

    def get_legend(self):
        """The legend of the axes, or None."""
        return self.legend_

    def drawn_legends(self) -> list:
        """The legends drawn on these axes: those kept by ``add_artist``, then the one
        ``legend()`` made last."""
        current = [] if self.legend_ is None or self.legend_ in self.kept_legends \
            else [self.legend_]
        return [*self.kept_legends, *current]

    def get_legend_handles_labels(self) -> tuple[list, list]:
        """The labelled artists and their labels, as ``legend()`` would show them."""
        from .legend import _handles_and_labels

        handles, labels = _handles_and_labels(self, (), {})
        keep = [(h, lab) for h, lab in zip(handles, labels, strict=True)
                if lab and not lab.startswith("_")]
        return [h for h, _ in keep], [lab for _, lab in keep]

    def set_axis_off(self) -> None:
        """Hide the frame, ticks and labels (the data stays)."""
        self.axison = False

    def set_axis_on(self) -> None:
        """Show the frame, ticks and labels again."""
        self.axison = True

    def _twin_spec(self):
        """Where a twin goes: this axes' cell, or its rectangle; both then adjust
        their limits, not their boxes, to an aspect (matplotlib's rule)."""
        self.set_adjustable("datalim")
        return self._subplotspec if self._subplotspec is not None else self._position

    def twinx(self, *, delta_zorder: float = 0.0) -> Axes:
        """A second y axis on the right sharing this x axis; ``delta_zorder`` puts it in
        front of this axes (> 0) or behind it (< 0, with the background)."""
        twin = Axes(self.figure, self._twin_spec(), sharex=self, parent=self, role="twin")
        twin.set_zorder(self.get_zorder() + check_real(delta_zorder, "delta_zorder",
                                                       finite=True))
        twin.set_adjustable("datalim")
        twin.yaxis.tick_right()
        twin.yaxis.set_label_position("right")
        twin.xaxis.set_visible(False)
        twin._lines_cycle.index = self._lines_cycle.index
        self.children.append(twin)
        self.figure.figure.axes_list.append(twin)
        return twin

    def twiny(self, *, delta_zorder: float = 0.0) -> Axes:
        """A second x axis on top sharing this y axis (``delta_zorder`` as for twinx)."""
        twin = Axes(self.figure, self._twin_spec(), sharey=self, parent=self, role="twin")
        twin.set_zorder(self.get_zorder() + check_real(delta_zorder, "delta_zorder",
                                                       finite=True))
        twin.set_adjustable("datalim")
        twin.xaxis.tick_top()
        twin.xaxis.set_label_position("top")
        twin.yaxis.set_visible(False)
        self.children.append(twin)
        self.figure.figure.axes_list.append(twin)
        return twin


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


def _reject_unknown(kwargs: dict, where: str) -> None:
    if kwargs:
        raise TypeError(f"{where}: unexpected keyword arguments {sorted(kwargs)}")


def _log_keywords(kwargs: dict) -> dict:
    """The log scale's keywords of a semilogx/semilogy/loglog call, taken out of
    ``kwargs`` (the rest go to ``plot``)."""
    return {k: kwargs.pop(k) for k in ("base", "subs", "nonpositive") if k in kwargs}
