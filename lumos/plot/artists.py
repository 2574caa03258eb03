"""The artist protocols: what every artist declares to its axes, legends, picking and
selection (:class:`Artist`, :class:`BatchItem`, :class:`LegendHandle`), colormapping
(:class:`ScalarMappable`), and the checks the artists share (marker codes, line styles,
numeric input).

An artist keeps its data in data units (float64, copied from the caller) and style in
matplotlib terms (points, color specs). It turns them into visuals in the axes' scale
space; lines and markers of the same style are batched by the axes into one draw. The
artists themselves: :mod:`lumos.plot.lines` (Line2D), :mod:`lumos.plot.scatter`
(PathCollection), :mod:`lumos.plot.image` (AxesImage), :mod:`lumos.plot.text_artists`
(Text), :mod:`lumos.plot.annotations` (Annotation), :mod:`lumos.plot.collections` and the
modules it names.
"""

from __future__ import annotations

import math
from collections.abc import MappingView
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

import numpy as np

from .. import colors
from ..colors.names import is_masked_array
from . import validate
from .patch_style import parse_linestyle
from .style import DASHES, rcParams

if TYPE_CHECKING:
    from .clip_paths import ClipPath

# The marker modules (lumos.visuals.marker_outline, marker_shapes) and the clip paths
# load at their first use: a line without markers or clip path needs none of them.

# relative sizes: '.' is a half-size dot, ',' a pixel
MARKER_SCALE = {".": 0.5, ",": 0.2}


@cache
def _marker_codes() -> dict:
    """:data:`MARKERS`, built at the first marker checked."""
    from ..visuals.marker_shapes import ALIASES

    codes = {k: v for k, v in ALIASES.items() if k != "circle"}
    codes.update({".": "disc", ",": "square"})
    return codes


def __getattr__(name: str):
    """``MARKERS``: matplotlib's marker codes lumos draws, by visual symbol name (every
    named marker: letters and the tick/caret numbers 0..11), built at first use."""
    if name == "MARKERS":
        return _marker_codes()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def check_marker(marker, collection: bool = False):
    """A marker lumos draws, checked (None for no marker): a code of :data:`MARKERS`, a
    text marker ``'$...$'`` (the glyphs of the math text), or the outline
    (:class:`~lumos.visuals.marker_outline.MarkerOutline`) of a vertex list (n, 2), a
    path (an object with ``vertices`` and ``codes``, such as matplotlib's Path) or a
    regular ``(sides, style, angle)`` shape (style 0 polygon, 1 star, 2 asterisk).
    matplotlib's MarkerStyle objects give their marker, or with a transform their
    outline; for a ``collection`` (a scatter), whose markers matplotlib draws from the
    style's path alone, a half fill style gives the outline of the face half."""
    if marker is None or isinstance(marker, str) and marker in ("", " ", "None", "none"):
        return None
    from ..visuals.marker_outline import (
        MarkerOutline,
        regular_marker,
        text_marker,
        vertex_marker,
    )
    from ..visuals.marker_shapes import JOINSTYLES, SEGMENTS

    if isinstance(marker, MarkerOutline):
        return marker
    get = getattr(marker, "get_marker", None)  # a MarkerStyle
    if callable(get):
        turned = getattr(marker, "get_user_transform", None)
        half = collection and getattr(marker, "get_fillstyle", lambda: "full")() in (
            "left", "right", "bottom", "top")
        user = turned() if callable(turned) else None
        if not collection and user is not None and _half_style(marker) is not None:
            # a turned half fill: both halves, as matplotlib's Line2D draws them
            return _turned_half(marker, user)
        code = get()
        named = _marker_codes().get(code) if isinstance(code, (str, int)) else None
        if not collection and user is not None and (named in JOINSTYLES
                                                     or named in SEGMENTS):
            # a turned polygon, caret or line marker: its corners joined and its ends
            # cut as matplotlib's Line2D draws them
            from ..visuals.markers import Turned

            return Turned(named, _turn_values(user))
        if half or user is not None:
            # turned, scaled or halved: its outline as matplotlib places it (size 1 ->
            # r units)
            path = marker.get_path()
            verts = np.asarray(marker.get_transform().transform(path.vertices)) * 2.0
            return MarkerOutline(verts, path.codes, filled=marker.is_filled())
        return check_marker(get())
    if isinstance(marker, (int, np.integer)) and not isinstance(marker, bool):
        marker = int(marker)
    if isinstance(marker, (str, int)) and marker in _marker_codes():
        return marker
    if isinstance(marker, str) and "$" in marker:
        text_marker(marker, "marker")
        return marker
    if hasattr(marker, "vertices"):  # a path
        return vertex_marker(marker.vertices, getattr(marker, "codes", None), "marker")
    if isinstance(marker, tuple) and all(np.ndim(v) == 0 for v in marker):
        if len(marker) in (2, 3) and marker[1] in (0, 1, 2):  # (sides, style[, angle])
            try:
                return regular_marker(*marker)
            except (TypeError, ValueError) as exc:
                raise ValueError(f"marker: got {marker!r}: {exc}") from None
    elif isinstance(marker, (list, tuple, np.ndarray)):
        return vertex_marker(marker, argname="marker")
    raise ValueError(f"marker: got {marker!r}, expected one of "
                     f"{' '.join(str(m) for m in _marker_codes())}, '$text$', vertices (n, 2), "
                     "a path, (sides, style, angle) or None")


def _half_style(style) -> str | None:
    """A MarkerStyle's half fill ('left', ...) of a symbol lumos halves, else None."""
    from ..visuals.marker_shapes import HALF_FILLABLE

    code = style.get_marker()
    side = style.get_fillstyle()
    if side not in ("left", "right", "bottom", "top") or code == "," \
            or _marker_codes().get(code) not in HALF_FILLABLE:
        return None
    return side


def _turned_half(style, user):
    """The half fill of a MarkerStyle with a user transform (an Affine2D): the named
    symbol halved on its ``fillstyle`` side, then moved by the transform (matplotlib
    cuts the untransformed symbol), the other half in the line's markerfacecoloralt."""
    from ..visuals.markers import HalfFilled

    code = style.get_marker()
    k = MARKER_SCALE.get(code, 1.0)  # '.': a disc of half the size
    a, b, c, d, e, f = _turn_values(user)
    return HalfFilled(_marker_codes()[code], _half_style(style),
                      turn=(a * k, b * k, c * k, d * k, e, f))


def _turn_values(user) -> tuple:
    """An affine transform's ``(a, b, c, d, e, f)``, the shift in half marker sizes (r;
    matplotlib's is in marker sizes)."""
    m = np.asarray(user.get_matrix(), dtype=float)
    return m[0, 0], m[1, 0], m[0, 1], m[1, 1], 2.0 * m[0, 2], 2.0 * m[1, 2]


def marker_symbol(marker):
    """The Markers visual's symbol of a checked marker (:func:`check_marker`): a symbol
    name, or an outline."""
    from ..visuals.marker_outline import MarkerOutline, text_marker
    from ..visuals.markers import HalfFilled, Turned

    if isinstance(marker, (MarkerOutline, HalfFilled, Turned)):
        return marker
    codes = _marker_codes()
    if isinstance(marker, str) and marker not in codes:
        return text_marker(marker)
    return codes[marker]


def is_line_marker(marker) -> bool:
    """Whether a marker is drawn as lines ('+', 'x', '1', '|', ticks, ...)."""
    if marker is None:
        return False
    from ..visuals.marker_outline import MarkerOutline
    from ..visuals.marker_shapes import is_stroke

    symbol = marker_symbol(marker)
    if isinstance(symbol, MarkerOutline):
        return not symbol.filled
    return is_stroke(getattr(symbol, "name", symbol))  # a turned one: its name's


def check_linestyle(ls):
    """A line style checked: a name ('-', '--', ':', '-.'), ``(offset, (on, off, ...))``
    with the offset and up to four dash pairs in line widths (matplotlib's dash tuple:
    the pattern starts ``offset`` into it), or None for no line."""
    if isinstance(ls, str) or ls is None:
        if ls in (None, "", " ", "None", "none"):
            return None
        if ls not in DASHES:
            raise ValueError(f"linestyle: got {ls!r}, expected one of '-', '--', ':', '-.' "
                             "or (offset, (on, off, ...))")
        return ls
    offset, seq = parse_linestyle(ls)
    if seq is not None and len(seq) > 8:
        raise ValueError(f"linestyle: got {ls!r}, expected at most four (on, off) pairs")
    if not math.isfinite(offset):
        raise ValueError(f"linestyle: got {ls!r}, expected a finite offset")
    return "-" if seq is None else (offset, seq)


@dataclass(frozen=True, repr=False, eq=False)
class BatchItem:
    """What an artist puts into one of its axes' batch visuals. The visual class (one
    with ``set_members``/``member_at``), its style (the constructor's keywords as
    ``(name, value)`` pairs) and the zorder pick the batch; ``pos`` (scale space),
    ``color``, ``size`` and ``changed`` are the rows (see ``visuals.base.Member``).
    ``part`` names which rows these are when the artist has several (a line and its
    markers): a pick gives it back to ``pick_index``. ``alone``: a batch of its own."""

    visual: type
    style: tuple
    order: float
    pos: np.ndarray
    color: object
    size: np.ndarray | None = None
    changed: dict = field(default_factory=dict)
    part: object = None
    alone: bool = False


@dataclass(frozen=True)
class LegendHandle:
    """How an artist looks in a legend: a line ``(rgba, width px, dashes px)``, a marker
    ``(symbol, size px, face rgba, edge rgba, edge width px)`` over it, or a patch
    ``(face rgba, edge rgba or None)``; any may be None. ``strokes`` are drawn under the
    line and the marker: ``(points, rgba, width px, dashes px)``, each point a row
    ``(u, dx, dy)``: ``u`` of the handle's length plus ``dx`` pixels along it, ``dy``
    pixels above its middle (error bars and their caps, stems, baselines);
    ``marker_dy`` lifts the marker (a stem's head); ``hatch`` ``(letters, rgba, width
    px, tile px)`` hatches the patch; ``patch_edge`` ``(width px, dashes px)`` strokes
    the patch's edge as the artist's (None: 0.8 points, solid); ``line_look`` the line's
    ``cap``, ``dash_cap`` and ``join`` (the Line visual's; None: round), as matplotlib's
    legend line copies them.

    ``count`` names the legend parameter that says how many markers to draw:
    ``"numpoints"`` (lines) or ``"scatterpoints"`` (scatters, drawn at the legend's
    ``scatteryoffsets``); ``marker_areas`` (smallest, largest) area in points² of a
    scatter's markers: several legend markers span them, as matplotlib's do.
    ``marker_join`` joins the marker's edge (None: the symbol's own, as a Line2D's).
    ``markers_rounded``: whether matplotlib's legend draws the markers with Agg's
    ``draw_markers`` (a Line2D's; a collection's of one style, and one marker), each
    origin rounded to a whole pixel, or where they are (``draw_path_collection``).
    ``effects`` ``(path effects, alpha)`` of a patch: its box is drawn with them, in list
    order (:func:`lumos.plot.patch_effects.effect_paths`); ``over`` are ``strokes``
    drawn over the line (a line's path effects after its ``Normal``)."""

    line: tuple | None = None
    marker: tuple | None = None
    patch: tuple | None = None
    strokes: tuple = ()
    marker_dy: float = 0.0
    hatch: tuple | None = None
    patch_edge: tuple | None = None
    line_look: dict | None = None
    count: str = "numpoints"
    marker_areas: tuple[float, float] | None = None
    marker_join: str | None = None
    markers_rounded: bool = True
    effects: tuple | None = None
    over: tuple = ()


def as_1d(values, argument: str) -> np.ndarray:
    """A copy of numeric input (1D input flattened), or a clear error."""
    arr = np.array(numeric(values, argument), copy=True)
    return arr.reshape(-1) if arr.ndim <= 1 else arr


class Preparable:
    """The end of the cooperative ``prepare()`` chain. :class:`Artist` and
    :class:`ScalarMappable` both extend it, and every ``prepare`` calls
    ``super().prepare()``, so that an artist that is also a mappable runs both."""

    def prepare(self) -> None:
        """Before each frame: nothing here (the chain ends)."""


class Artist(Preparable):
    """Base class: label, visibility, zorder, and the axes it belongs to.

    What the axes, legends, picking and selection ask of every artist (declared here,
    overridden by the kinds that have them; no central code switches on types):
    ``visuals()`` (drawn on their own), ``batch_items()`` (shared batch visuals),
    ``data_limits()``, ``rescale()``, ``prepare()``, ``draw_overlay(ov)``,
    ``pick_index(index, part)``, ``legend_handle(fontsize_px)``, ``data_points()`` and
    ``counts_in_layout()`` (whether layouts make room for it, with ``pixel_position()``
    and ``layout_room(x, y)``: texts).
    """

    zorder = 1.0
    #: where the positions of the artist's visuals live: "scale" (the axes' scale space;
    #: the GPU applies the axes' projection) or "projected" (the artist projects itself)
    space = "scale"
    _picker = None  # pick_event: None, True, a tolerance or a callable
    _snap = None  # set_snap: None (Agg's rule), True or False
    #: whether automatic limits follow every change of the data (streams), or only the
    #: data as it was when they were fitted (``Axes.fitted_limits``, matplotlib's way)
    live_limits = False
    #: the list of the axes that shows the artist where its kind is not the one
    #: matplotlib's has: "patches" (streamplot's arrow heads, matplotlib's patches),
    #: "children" (no list of a kind: ``get_children`` only, as axisartist's
    #: ``ax.gridlines``) or "owner" (none: a part of another artist, which stands for
    #: it, as the rectangle of ``indicate_inset``'s InsetIndicator)
    listed_as: str | None = None
    _animated = False
    _rasterized = False
    _clip_on = True
    _clip_path: ClipPath | None = None
    # artists drawn as vector text (labels) have no picture of their own to rasterize
    rasterizable = True

    def __init__(self, axes, label: str | None = None, zorder: float | None = None) -> None:
        self.axes = axes
        self._label = "" if label is None else str(label)
        self._visible = True
        if zorder is not None:
            self.zorder = float(zorder)

    # matplotlib-style accessors
    def get_label(self) -> str:
        """The label a legend shows ('' or a name starting with '_' hides it)."""
        return self._label

    def set_label(self, label) -> None:
        """The label a legend shows."""
        self._label = "" if label is None else str(label)

    def get_visible(self) -> bool:
        """Whether the artist is drawn."""
        return self._visible

    def set_visible(self, visible: bool) -> None:
        """Draw the artist or not."""
        self._visible = bool(visible)
        self._changed()

    def get_zorder(self) -> float:
        """The drawing order: higher draws on top."""
        return self.zorder

    def get_rasterized(self) -> bool:
        """Whether vector files (SVG, PDF) draw this artist as an image."""
        return self._rasterized

    def set_rasterized(self, rasterized: bool) -> None:
        """Draw this artist as an image in vector files (at ``savefig``'s dpi), as
        matplotlib's ``Artist.set_rasterized``: its visuals are marked."""
        rasterized = validate.flag(rasterized, "rasterized")
        if rasterized and not self.rasterizable:
            raise TypeError(f"rasterized: {type(self).__name__} is drawn as vector text "
                            "and cannot be rasterized")
        self._rasterized = rasterized
        for v in self.visuals():
            v.rasterized = rasterized if self.axes is None else self.axes.rasterizes(self)
        self._changed()

    def get_clip_on(self) -> bool:
        """Whether the artist is clipped to its axes (matplotlib's ``clip_on``)."""
        return self._clip_on

    def set_clip_on(self, clip_on) -> None:
        """Clip the artist to its axes (True, the default) or draw it across the whole
        figure (False: markers on the axes' edge, lines running out of the axes)."""
        clip_on = validate.flag(clip_on, "clip_on")
        self._clip_on = clip_on
        if self.axes is not None:
            self.axes.clip_changed(self)
        self._changed()

    def get_clip_path(self) -> ClipPath | None:
        """The path set by ``set_clip_path`` (``.path``, ``.transform``), or None."""
        return self._clip_path

    def set_clip_path(self, path, transform=None) -> None:
        """Draw the artist only inside ``path`` (matplotlib's ``set_clip_path``): a patch
        (in its own coordinates), a Path in ``transform``'s coordinates (``ax.transData``,
        the default, or ``ax.transAxes``), or None (no clip path). 2D axes only."""
        from .clip_paths import ClipPath

        clip = None if path is None else ClipPath(path, transform, self.axes)
        if clip is not None and self.axes is not None:
            self.axes.check_clip_path(clip)
        self._clip_path = clip
        if self.axes is not None:
            self.axes.clip_changed(self)
        self._changed()

    @property
    def figure(self):
        """The figure (or subfigure) the artist is in, None before it is added
        (matplotlib's attribute: ``art.figure is fig.canvas.figure``)."""
        fig = self.__dict__.get("_in_figure")
        if fig is None and self.axes is not None:
            return self.axes.figure
        return fig

    @figure.setter
    def figure(self, fig) -> None:
        self.__dict__["_in_figure"] = fig

    def get_figure(self, root: bool = False):
        """The figure (``root``: the top figure, not a subfigure) the artist is in."""
        fig = self.figure
        return fig.figure if root and fig is not None else fig

    def set_picker(self, picker) -> None:
        """Whether clicks on the artist make ``pick_event`` events: None/False (no), True, a
        tolerance in points, or a callable ``picker(artist, mouseevent) -> (hit, props)``."""
        self._picker = check_picker(picker)

    def get_picker(self):
        """The picking behaviour set by ``set_picker`` (None, a bool, a tolerance or a callable)."""
        return self._picker

    def pick_tolerance(self) -> float:
        """Points around the artist that count as a hit: a numeric picker, else 5."""
        picker = self.get_picker()
        if isinstance(picker, (int, float)) and not isinstance(picker, bool):
            return float(picker)
        return 5.0

    def pickable(self) -> bool:
        """Whether the artist has a picker (``get_picker()`` is not None or False)."""
        return self.get_picker() not in (None, False)

    def set_animated(self, b: bool) -> None:
        """matplotlib's flag for blitting: an animated artist is left out of the
        canvas' draws until ``ax.draw_artist`` draws it (then ``canvas.blit`` shows
        it), and drawn in saved files when it is an axes' (``FigureCanvas.shows``)."""
        self._animated = validate.flag(b, "animated")
        self._changed()  # it batches apart from the others (``_batch_key``)

    def get_animated(self) -> bool:
        """The ``animated`` flag (see ``set_animated``)."""
        return self._animated

    def get_snap(self):
        """``set_snap``'s value, or False when ``rcParams["path.snap"]`` is off."""
        from .style import rcParams

        return self._snap if rcParams["path.snap"] else False

    def set_snap(self, snap) -> None:
        """Whether straight horizontal and vertical lines sit on the pixel grid, as
        matplotlib's ``Artist.set_snap``: None (Agg's rule: a path of such segments
        only, 1024 vertices at most), True or False."""
        if snap not in (None, True, False):
            raise ValueError(f"snap: got {snap!r}, expected None, True or False")
        self._snap = None if snap is None else bool(snap)
        self._changed()

    def set_zorder(self, z: float) -> None:
        """The drawing order: higher draws on top."""
        self.zorder = validate.number(z, "zorder")
        self._changed()

    def set(self, **kwargs) -> Artist:
        """Set several properties at once: ``line.set(color="r", lw=2)``."""
        validate.check(**kwargs)  # all checked (by the user's names) before any is set
        validate.set_by_setters(self, kwargs, f"{type(self).__name__}.set", _ALIASES)
        return self

    def remove(self) -> None:
        """Take the artist off its axes."""
        self.axes._remove_artist(self)

    def listed(self) -> list:
        """What the axes' lists (``ax.patches``, ...) show for this artist: the object
        the user passed (a matplotlib one lumos draws), or the artist itself; a batch
        lists its members (streamplot's arrows: one FancyArrowPatch each); a part of
        another artist (``listed_as`` "owner") lists nothing."""
        if self.listed_as == "owner":
            return []
        return [getattr(self, "source", self)]

    def _changed(self) -> None:
        """Something visible changed: the axes re-syncs its batches before drawing."""
        if self.axes is not None:
            self.axes._artist_changed(self)

    # what the axes asks of every artist
    def data_limits(self):
        """((xmin, xmax), (ymin, ymax)) of finite data in data units, or None."""
        return None

    def counts_in_layout(self) -> bool:
        """Whether layouts make room for the artist where it reaches past its axes (its
        kind says; texts do)."""
        return False

    def visuals(self) -> list:
        """Visuals drawn on their own (not batched)."""
        return []

    def batch_items(self) -> list[BatchItem]:
        """Rows this artist adds to the axes' batch visuals (lines and markers of one
        style share one draw). Taking them takes the change log too: the next call
        reports only what changed after this one."""
        return []

    def batch_follows_view(self) -> bool:
        """Whether :meth:`batch_items` changes when only the axes' view moves (a pan):
        most items hold data, which the camera maps, and are not taken again then."""
        return False

    def pick_index(self, index: int, part=None) -> int:
        """The index into the artist's data of a picked index of one of its visuals
        (``part``: which member of a batch, as the artist named it)."""
        return index

    def legend_handle(self, fontsize_px: float) -> LegendHandle | None:
        """How the artist looks in a legend (None: the label alone)."""
        return None

    def pick_members(self) -> list:
        """What a pick of the artist names as ``event.artist``: itself (the bars of a
        bar call: each bar's Rectangle, as matplotlib's)."""
        return [self]

    #: the container that stands for this artist in legends (an errorbar's data line
    #: brings its ErrorbarContainer, drawn with bars and caps, as matplotlib's)
    legend_container = None

    def legend_members(self) -> list:
        """The labelled things a legend lists for this artist, each with its own label:
        itself, or the container standing for it (a bar collection given one label per
        bar: its bars)."""
        return [self if self.legend_container is None else self.legend_container]

    def data_points(self) -> np.ndarray | None:
        """(N, 2) data points that selections pick and legends avoid, or None."""
        return None

    def pick_hit(self, mouseevent) -> tuple[bool, dict] | None:
        """Whether a click picks the artist, with the pick event's extra attributes
        (matplotlib's ``contains``), or None: the GPU's pick under the click decides."""
        return None

    #: whether the points of ``data_points`` are joined by lines (legends avoid those)
    connects_points = False

    def legend_obstacles(self):
        """What a legend placed at 'best' avoids (:class:`.legend_best.Obstacles`, in
        figure pixels), or None for nothing (images, line collections: as matplotlib)."""
        return None

    def rescale(self) -> None:
        """The axes scales changed: recompute scale-space positions."""

    def prepare(self) -> None:
        """Before each frame's layout: bring state the limits depend on up to date (a
        colorbar reads its mappable's norm). An override calls ``super().prepare()``
        (a mappable's check of its colormap and norm is further down the chain)."""
        super().prepare()

    def draw_overlay(self, ov) -> None:
        """Every frame after the layout: draw into the figure's overlay (figure pixels),
        or refresh geometry that depends on the view. Nothing by default."""


def check_picker(picker):
    """A ``set_picker`` value: None/False (no picking), True, a callable, or a tolerance
    in points (a number)."""
    if picker is None or isinstance(picker, bool) or callable(picker):
        return picker
    try:
        return float(picker)
    except (TypeError, ValueError):
        raise TypeError(f"picker: got {picker!r}, expected None, a bool, a number of "
                        "points or a callable") from None


_ALIASES = {"c": "color", "lw": "linewidth", "ls": "linestyle", "ms": "markersize",
            "mfc": "markerfacecolor", "mec": "markeredgecolor", "mew": "markeredgewidth",
            "fontsize": "fontsize", "size": "fontsize", "ha": "horizontalalignment",
            "va": "verticalalignment"}


def accepts_rasterized(method):
    """Let a plotting method take matplotlib's ``rasterized=``, ``clip_on=``,
    ``animated=`` and ``snap=`` keywords: the artists it returns (alone, in a list or in a
    container) are set so."""
    import functools

    @functools.wraps(method)
    def wrapper(*args, rasterized=None, clip_on=None, animated=None, snap=None, **kwargs):
        if clip_on is not None:
            clip_on = validate.flag(clip_on, "clip_on")
        result = method(*args, **kwargs)
        for artist in _artists_in(result):
            if rasterized is not None:
                artist.set_rasterized(rasterized)
            if clip_on is not None:
                artist.set_clip_on(clip_on)
            if animated is not None:
                artist.set_animated(animated)
            if snap is not None:
                artist.set_snap(snap)
        return result

    return wrapper


def _artists_in(result) -> list:
    if isinstance(result, Artist):
        return [result]
    if isinstance(result, (list, tuple)):
        found = [a for item in result for a in _artists_in(item)]
        # a BarContainer's bars are drawn by its collection
        drawn_by = getattr(result, "collection", None)
        return found + [drawn_by] if isinstance(drawn_by, Artist) else found
    if isinstance(result, dict):  # boxplot's and violinplot's artists
        return [a for item in result.values() for a in _artists_in(item)]
    return []


def sanitize_sequence(values):
    """Dict views (``d.keys()``, ``d.values()``) as lists, other input unchanged
    (matplotlib's ``cbook.sanitize_sequence``: numpy makes a view one object)."""
    return list(values) if isinstance(values, MappingView) else values


def numeric(values, argument: str) -> np.ndarray:
    """Numeric input of any shape as an array, without a copy when it is one already
    (complex input: its real part, with numpy's ComplexWarning), or an error naming
    ``argument``."""
    values = sanitize_sequence(values)
    if isinstance(values, str):
        raise TypeError(f"{argument}: got str, expected numbers")
    if is_masked_array(values) and np.ma.getmask(values) is not np.ma.nomask \
            and values.dtype.kind in "biufc":
        # masked values leave gaps, as NaN does (matplotlib's rule): a filled copy
        values = np.ma.filled(validate.numbers_array(values, argument, real_part=True)
                              .astype(float), np.nan)
    # DataView converts itself; complex numbers give their real part, as in matplotlib
    arr = validate.numbers_array(values, argument, real_part=True)
    if arr.dtype == object:
        try:
            arr = arr.astype(float)
        except (TypeError, ValueError):
            try:  # datetime.date / datetime objects, as matplotlib accepts
                arr = np.asarray(values, dtype="datetime64[us]")
            except (TypeError, ValueError):
                raise TypeError(f"{argument}: got non-numeric values, expected numbers") \
                    from None
    if arr.dtype.kind in "US":
        raise TypeError(f"{argument}: got strings ({arr.dtype}), expected numbers")
    if arr.dtype.kind not in "biufMm":
        raise TypeError(f"{argument}: got dtype {arr.dtype}, expected numbers")
    return arr


def as_values(values, argument: str) -> np.ndarray:
    """Numeric 1D input without a copy (callers copy it into their own storage)."""
    arr = numeric(values, argument)
    if arr.ndim > 1:
        raise ValueError(f"{argument}: got shape {arr.shape}, expected one dimension")
    return arr.reshape(-1)


class ScalarMappable(Preparable):
    """Data mapped to colors through a norm and a colormap (for colorbars).

    The colormap and the norm are read at each frame, as matplotlib does: one changed in
    place (``im.cmap.set_under('k')``, ``im.norm.vmin = 0``) recolors the artist at the
    next draw. ``prepare`` compares their state (:meth:`mapping_state`) with the one the
    colors were made from, and the artist recolors (``_mapping_changed``) only when it
    moved: a figure that does not change pays a comparison of a few numbers per frame.
    """

    def _init_mappable(self, cmap, norm, vmin, vmax) -> None:
        self._cmap = colors.get_cmap(rcParams["image.cmap"] if cmap is None else cmap)
        self._norm = colors.get_norm(norm, vmin, vmax)
        self.colorbar = None
        self._mapped_state = self.mapping_state()

    @property
    def cmap(self):
        """The colormap (setting it: :meth:`set_cmap`)."""
        return self._cmap

    @cmap.setter
    def cmap(self, cmap) -> None:
        self.set_cmap(cmap)

    @property
    def norm(self):
        """The norm mapping values to 0..1 (setting it: :meth:`set_norm`)."""
        return self._norm

    @norm.setter
    def norm(self, norm) -> None:
        self.set_norm(norm)

    def mapping_state(self) -> tuple:
        """What the colors depend on: the colormap and the norm, and the state of each
        (compared by ``prepare`` with the state the colors were made from)."""
        cmap, norm = self._cmap, self._norm
        return cmap, cmap.state(), norm, norm.state()

    def prepare(self) -> None:
        """Before each frame: recolor when the colormap or the norm changed in place
        since the colors were made."""
        if self.mapping_state() != self._mapped_state:
            self._remap()
        super().prepare()

    def _remap(self) -> None:
        self._mapping_changed()
        self._mapped_state = self.mapping_state()

    def set_cmap(self, cmap) -> None:
        """A colormap or its name."""
        self._cmap = colors.get_cmap(cmap)
        self._remap()

    def get_cmap(self):
        """The colormap."""
        return self.cmap

    def get_norm(self):
        """The norm mapping values to 0..1."""
        return self.norm

    def to_rgba(self, x, alpha=None, bytes: bool = False):  # noqa: A002
        """Colors of values through the norm and the colormap (matplotlib's
        ``ScalarMappable.to_rgba``)."""
        with np.errstate(all="ignore"):
            return self.cmap(self.norm(x), alpha=alpha, bytes=bytes)

    def set_norm(self, norm) -> None:
        """A norm (lumos's or matplotlib's) or its name ('linear', 'log', ...)."""
        self._norm = colors.get_norm(norm)
        self._remap()

    def set_clim(self, vmin=None, vmax=None) -> None:
        """Color limits: ``set_clim(0, 1)`` or ``set_clim((0, 1))``."""
        if vmax is None and vmin is not None and np.ndim(vmin) == 1:
            vmin, vmax = vmin
        validate.clim(vmin, vmax)
        if vmin is not None:
            self.norm.vmin = float(vmin)
        if vmax is not None:
            self.norm.vmax = float(vmax)
        self._remap()

    def get_clim(self) -> tuple[float, float]:
        """The values mapped to the ends of the colormap (vmin, vmax)."""
        return self.norm.vmin, self.norm.vmax

    def autoscale_clim(self, values: np.ndarray) -> None:
        """Fill the norm's unset vmin/vmax from ``values``. The caller colors its data
        anew after this (new data): the state from here on is the one its colors show."""
        self.norm.autoscale_None(values)
        self._mapped_state = self.mapping_state()

    # what a colorbar asks of its mappable
    def colorbar_blocks(self):
        """``(boundaries, block colors, under color, over color)`` when the colors are
        discrete bins (a BoundaryNorm), else None (a continuous ramp)."""
        b = self.norm.discrete_boundaries()
        if b is None:
            return None
        mids = 0.5 * (b[:-1] + b[1:])
        rgba = np.asarray(self.to_rgba(mids), dtype=float).reshape(-1, 4)
        return b, rgba, self.cmap.under, self.cmap.over

    def colorbar_extend(self) -> str:
        """Which ends of a colorbar get triangles by default: the norm's ``extend``."""
        return str(getattr(self.norm, "extend", "neither"))

    def colorbar_lines(self):
        """``(values, colors, widths in points)`` of lines a colorbar draws across itself
        from the start (contour lines), else None."""
        return None

    def colorbar_hatches(self) -> list | None:
        """The hatch pattern of each color layer, the extended ones included (a
        hatched contourf: cycled over its layers), else None."""
        return None

    def _mapping_changed(self) -> None:
        raise NotImplementedError
