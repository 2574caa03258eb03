"""Axes: a panzoom view of the figure's canvas plus axis decorations.

Data artists live in the axes' view (clipped to it; ``clip_on=False`` ones in views
across the figure, :mod:`.unclipped`); spines, ticks, labels, titles and
legends are drawn by the figure's overlay in figure pixels, recomputed every frame so
ticks follow pan and zoom.
"""

from __future__ import annotations

import numpy as np

from ..transforms import chain
from . import introspect, validate
from .artist_api import ArtistAPI
from .artists import Artist
from .axes_coords import CoordinateFormatting
from .axes_layout import AxesLayout
from .axes_limits import AxesLimits
from .axes_plotting import AxesPlotting
from .axes_ticks import TickingMixin
from .axes_view import AxesNavigation, AxesProjection, AxesSync
from .axis import Axis
from .background import BackgroundPatch
from .coords import LiveTransform, unit_to_box
from .inset_indicator import InsetIndicating
from .lines import Line2D
from .patch_style import check_real
from .plot_types import PlotTypesMixin
from .propcycle import PropCycler, make_cycler
from .spines import Spines
from .style import rcParams
from .text_artists import Text
from .titles import Titles
from .unclipped import ClipLayers


class Axes(AxesPlotting, AxesLimits, AxesProjection, AxesSync, AxesNavigation, AxesLayout,
           TickingMixin, PlotTypesMixin, ArtistAPI, InsetIndicating, CoordinateFormatting):
    """A 2D plotting area: ``fig, ax = lumos.subplots(); ax.plot(x, y)``.

    This class is also the base of every projection (``projection="polar"``, ...): a
    projection subclasses it and overrides the hooks of the "projection" sections below
    (its transform chain, camera, decorations, limits and mouse handling; see
    ``docs/projections.md``). ``ax.transData`` maps data to figure pixels through
    ``transScale``, ``transProjection``, ``transLimits`` and ``transAxes``
    (:mod:`lumos.plot.coords`).
    """

    name = "rectilinear"
    #: the class of the axes ``twinx``/``twiny`` make (None: Axes); axes_grid1's axes
    #: make twins of their own class, with their ``ax.axis["right"]`` sides
    twin_class: type | None = None

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
        # read now, as matplotlib reads it when the axes is made: a figure made in a
        # style context and drawn after it keeps that style's axis zorder
        self._axisbelow = rcParams["axes.axisbelow"]
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
        # an axis whose fit was asked for and not yet read fits this artist too (the
        # view matplotlib makes when its stale limits are read)
        request = tuple(asked or axis.limits.pending
                        for axis, asked in zip((self.xaxis, self.yaxis), request, strict=True))
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
            axis.limits.pending = axis.limits.pending or asked
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
            self._live_changed = True  # even if a read holds the view before the frame

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

    def share_lines_cycle(self, other: Axes) -> None:
        """Take the lines' next colors from ``other``'s property cycle from now on
        (axes_grid1's parasite axes share their host's, as matplotlib's)."""
        self._lines_cycle = other._lines_cycle

    def set_prop_cycle(self, *args, **kwargs) -> None:
        """The property cycle of lines and patches: a cycler, ``('color', [...])``,
        keywords (``color=[...], linestyle=[...]``), or None for rcParams'."""
        cycle = None if args == (None,) and not kwargs else make_cycler(*args, **kwargs)
        self._lines_cycle.set(cycle)
        self._patches_cycle.set(cycle)

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
        self._axisbelow = rcParams["axes.axisbelow"]  # matplotlib's clear resets it
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

    def pick_candidates(self) -> list:
        """What a click may pick (matplotlib's ``Figure.pick`` over the axes'
        children): the artists and texts (their ``pick_members``), the centre title, the axis
        and tick labels given a picker, the drawn legends and their titles, lines and
        texts."""
        out = [m for a in (*self.artists, *self.plain_texts) for m in a.pick_members()]
        out.append(self.title)
        for axis in (self.xaxis, self.yaxis):
            out += axis.pick_candidates()
        for legend in self.drawn_legends():
            out += legend.pick_members()
        return out

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

    def twin_axes(self, sharex: bool = False, sharey: bool = False,
                  delta_zorder: float = 0.0) -> Axes:
        """An axes in this axes' box with no background, sharing its x and/or y limits
        (``twinx`` and ``twiny`` share one; axes_grid1's ``twin`` shares none and
        follows through the limits' callbacks); ``delta_zorder`` puts it in front of
        this axes (> 0) or behind it (< 0, with the background)."""
        twin = (self.twin_class or Axes)(self.figure, self._twin_spec(),
                                         sharex=self if sharex else None,
                                         sharey=self if sharey else None,
                                         parent=self, role="twin")
        twin.set_zorder(self.get_zorder() + check_real(delta_zorder, "delta_zorder",
                                                       finite=True))
        twin.set_adjustable("datalim")
        self.children.append(twin)
        self.figure.figure.axes_list.append(twin)
        return twin

    def twinx(self, *, delta_zorder: float = 0.0) -> Axes:
        """A second y axis on the right sharing this x axis (``delta_zorder`` as for
        :meth:`twin_axes`)."""
        twin = self.twin_axes(sharex=True, delta_zorder=delta_zorder)
        twin.yaxis.tick_right()
        twin.yaxis.set_label_position("right")
        twin.xaxis.set_visible(False)
        twin._lines_cycle.index = self._lines_cycle.index
        return twin

    def twiny(self, *, delta_zorder: float = 0.0) -> Axes:
        """A second x axis on top sharing this y axis (``delta_zorder`` as for
        :meth:`twin_axes`)."""
        twin = self.twin_axes(sharey=True, delta_zorder=delta_zorder)
        twin.xaxis.tick_top()
        twin.xaxis.set_label_position("top")
        twin.yaxis.set_visible(False)
        return twin
