"""Artists: what plotting methods return (Line2D, PathCollection, AxesImage, Text, ...).

An artist keeps its data in data units (float64, copied from the caller) and style in
matplotlib terms (points, color specs). It turns them into visuals in the axes' scale
space; lines and markers of the same style are batched by the axes into one draw.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .. import colors
from ..gpu.resources import changed_rows
from ..primitives import CAPS, JOINS
from ..visuals import Image, Line, Markers
from ..visuals.marker_shapes import ALIASES as _MARKER_ALIASES
from ..visuals.marker_shapes import is_stroke as _is_stroke
from . import category, validate
from .clip_paths import ClipPath
from .patch_style import parse_linestyle
from .style import DASHES, dash_pattern, font_points, rcParams

# Lines longer than this get a batch visual of their own so that they are never copied
# into a joined batch (memory: the visual then shares the artist's array) nor re-joined
# when another line of the batch changes length.
_OWN_VISUAL = 1_000_000

# matplotlib's marker codes lumos draws, by visual symbol name (every named marker:
# letters and the tick/caret numbers 0..11)
MARKERS = {k: v for k, v in _MARKER_ALIASES.items() if k != "circle"}
MARKERS.update({".": "disc", ",": "square"})
# relative sizes: '.' is a half-size dot, ',' a pixel
_MARKER_SCALE = {".": 0.5, ",": 0.2}


def check_marker(marker):
    """A marker code lumos draws as a symbol (None for no marker); matplotlib's
    MarkerStyle objects give their code. Vertex lists, paths and '$...$' markers are
    drawn as paths (:mod:`lumos.plot.markerstyle`)."""
    if isinstance(marker, str) and marker in ("", " ", "None", "none"):
        return None
    if marker is None:
        return None
    get = getattr(marker, "get_marker", None)  # a MarkerStyle
    if callable(get):
        return check_marker(get())
    if isinstance(marker, (int, np.integer)) and not isinstance(marker, bool):
        marker = int(marker)
    if isinstance(marker, (str, int)) and marker in MARKERS:
        return marker
    raise ValueError(f"marker: got {marker!r}, expected one of "
                     f"{' '.join(str(m) for m in MARKERS)} or None")


def is_line_marker(marker) -> bool:
    """Whether a marker is drawn as lines ('+', 'x', '1', '|', ticks, ...)."""
    return marker is not None and _is_stroke(MARKERS[marker])


def check_linestyle(ls):
    """A line style checked: a name ('-', '--', ':', '-.'), ``(0, (on, off, ...))`` with
    the dash lengths in line widths (matplotlib's dash tuple), or None for no line."""
    if isinstance(ls, str) or ls is None:
        if ls in (None, "", " ", "None", "none"):
            return None
        if ls not in DASHES:
            raise ValueError(f"linestyle: got {ls!r}, expected one of '-', '--', ':', '-.' "
                             "or (offset, (on, off, ...))")
        return ls
    offset, seq = parse_linestyle(ls)
    if offset != 0:
        raise ValueError(f"linestyle: got {ls!r}; lumos draws dash patterns from their "
                         "start: expected offset 0")
    return "-" if seq is None else (0.0, seq)


@dataclass(frozen=True)
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
    px, tile px)`` hatches the patch; ``line_look`` the line's ``cap``, ``dash_cap`` and
    ``join`` (the Line visual's; None: round), as matplotlib's legend line copies them."""

    line: tuple | None = None
    marker: tuple | None = None
    patch: tuple | None = None
    strokes: tuple = ()
    marker_dy: float = 0.0
    hatch: tuple | None = None
    line_look: dict | None = None


def as_1d(values, argument: str) -> np.ndarray:
    """A copy of numeric input (1D input flattened), or a clear error."""
    arr = np.array(numeric(values, argument), copy=True)
    return arr.reshape(-1) if arr.ndim <= 1 else arr


class Artist:
    """Base class: label, visibility, zorder, and the axes it belongs to.

    What the axes, legends, picking and selection ask of every artist (declared here,
    overridden by the kinds that have them; no central code switches on types):
    ``visuals()`` (drawn on their own), ``batch_items()`` (shared batch visuals),
    ``data_limits()``, ``rescale()``, ``prepare()``, ``draw_overlay(ov)``,
    ``pick_index(index, part)``, ``legend_handle(fontsize_px)`` and ``data_points()``.
    """

    zorder = 1.0
    #: where the positions of the artist's visuals live: "scale" (the axes' scale space;
    #: the GPU applies the axes' projection) or "projected" (the artist projects itself)
    space = "scale"
    _picker = None  # pick_event: None, True, a tolerance or a callable
    #: whether automatic limits follow every change of the data (streams), or only the
    #: data as it was when they were fitted (``Axes.fitted_limits``, matplotlib's way)
    live_limits = False
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
        if not isinstance(rasterized, (bool, np.bool_)):
            raise TypeError(f"rasterized: got {rasterized!r}, expected True or False")
        if rasterized and not self.rasterizable:
            raise TypeError(f"rasterized: {type(self).__name__} is drawn as vector text "
                            "and cannot be rasterized")
        self._rasterized = bool(rasterized)
        for v in self.visuals():
            v.rasterized = self._rasterized
        self._changed()

    def get_clip_on(self) -> bool:
        """Whether the artist is clipped to its axes (matplotlib's ``clip_on``)."""
        return self._clip_on

    def set_clip_on(self, clip_on) -> None:
        """Clip the artist to its axes (True, the default) or draw it across the whole
        figure (False: markers on the axes' edge, lines running out of the axes)."""
        if not isinstance(clip_on, (bool, np.bool_)):
            raise TypeError(f"clip_on: got {clip_on!r}, expected True or False")
        if not clip_on and self.axes is not None:
            self.axes.check_unclipped()
        self._clip_on = bool(clip_on)
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
        clip = None if path is None else ClipPath(path, transform, self.axes)
        if clip is not None and self.axes is not None:
            self.axes.check_clip_path(clip)
        self._clip_path = clip
        if self.axes is not None:
            self.axes.clip_changed(self)
        self._changed()

    def get_figure(self, root: bool = False):
        """The figure (``root``: the top figure, not a subfigure) the artist is in."""
        fig = getattr(self, "figure", None) or (self.axes.figure if self.axes is not None
                                                 else None)
        return fig.figure if root and fig is not None else fig

    def set_picker(self, picker) -> None:
        """Whether clicks on the artist make ``pick_event`` events: None/False (no), True, a
        tolerance in points, or a callable ``picker(artist, mouseevent) -> (hit, props)``."""
        if not (picker is None or isinstance(picker, bool) or callable(picker)):
            picker = float(picker)
        self._picker = picker

    def get_picker(self):
        """The picking behaviour set by ``set_picker`` (None, a bool, a tolerance or a callable)."""
        return self._picker

    def pickable(self) -> bool:
        """Whether the artist has a picker (``get_picker()`` is not None or False)."""
        return self.get_picker() not in (None, False)

    def set_animated(self, b: bool) -> None:
        """matplotlib's flag for blitting. lumos redraws instead of blitting, so an
        animated artist is drawn like any other (the pictures are the same)."""
        self._animated = bool(b)

    def get_animated(self) -> bool:
        """The ``animated`` flag (see ``set_animated``)."""
        return self._animated

    def set_zorder(self, z: float) -> None:
        """The drawing order: higher draws on top."""
        self.zorder = validate.number(z, "zorder")
        self._changed()

    def set(self, **kwargs) -> Artist:
        """Set several properties at once: ``line.set(color="r", lw=2)``."""
        validate.check(**kwargs)  # all checked (by the user's names) before any is set
        for key, value in kwargs.items():
            setter = getattr(self, f"set_{_ALIASES.get(key, key)}", None)
            if setter is None:
                raise AttributeError(f"{type(self).__name__} has no property {key!r}")
            setter(value)
        return self

    def remove(self) -> None:
        """Take the artist off its axes."""
        self.axes._remove_artist(self)

    def _changed(self) -> None:
        """Something visible changed: the axes re-syncs its batches before drawing."""
        if self.axes is not None:
            self.axes._artist_changed(self)

    # what the axes asks of every artist
    def data_limits(self):
        """((xmin, xmax), (ymin, ymax)) of finite data in data units, or None."""
        return None

    def visuals(self) -> list:
        """Visuals drawn on their own (not batched)."""
        return []

    def batch_items(self) -> list[BatchItem]:
        """Rows this artist adds to the axes' batch visuals (lines and markers of one
        style share one draw). Taking them takes the change log too: the next call
        reports only what changed after this one."""
        return []

    def pick_index(self, index: int, part=None) -> int:
        """The index into the artist's data of a picked index of one of its visuals
        (``part``: which member of a batch, as the artist named it)."""
        return index

    def legend_handle(self, fontsize_px: float) -> LegendHandle | None:
        """How the artist looks in a legend (None: the label alone)."""
        return None

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

    #: whether the points of ``data_points`` are joined by lines (legends avoid those)
    connects_points = False

    def data_boxes(self) -> np.ndarray | None:
        """(N, 4) boxes (x0, y0, x1, y1) in data units that legends avoid (bars), or
        None."""
        return None

    def rescale(self) -> None:
        """The axes scales changed: recompute scale-space positions."""

    def prepare(self) -> None:
        """Before each frame's layout: bring state the limits depend on up to date (a
        colorbar reads its mappable's norm). Nothing by default."""

    def draw_overlay(self, ov) -> None:
        """Every frame after the layout: draw into the figure's overlay (figure pixels),
        or refresh geometry that depends on the view. Nothing by default."""


_ALIASES = {"c": "color", "lw": "linewidth", "ls": "linestyle", "ms": "markersize",
            "mfc": "markerfacecolor", "mec": "markeredgecolor", "mew": "markeredgewidth",
            "fontsize": "fontsize", "size": "fontsize", "ha": "horizontalalignment",
            "va": "verticalalignment"}


def accepts_rasterized(method):
    """Let a plotting method take matplotlib's ``rasterized=`` and ``clip_on=`` keywords:
    the artists it returns (alone, in a list or in a container) are set so."""
    import functools

    @functools.wraps(method)
    def wrapper(*args, rasterized=None, clip_on=None, **kwargs):
        if clip_on is not None and not isinstance(clip_on, (bool, np.bool_)):
            raise TypeError(f"clip_on: got {clip_on!r}, expected True or False")
        if clip_on is not None and not clip_on and args and hasattr(args[0], "check_unclipped"):
            args[0].check_unclipped()  # before the artists are made
        result = method(*args, **kwargs)
        for artist in _artists_in(result):
            if rasterized is not None:
                artist.set_rasterized(rasterized)
            if clip_on is not None:
                artist.set_clip_on(clip_on)
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


def _limits(x: np.ndarray, y: np.ndarray, xscale, yscale):
    """Finite, scale-valid limits of x and y (log axes ignore non-positive values)."""
    out = []
    for v, scale in ((x, xscale), (y, yscale)):
        v = v[np.isfinite(v)]
        if scale.name == "log":
            v = v[v > 0]
        if v.size == 0:
            return None
        out.append((float(v.min()), float(v.max())))
    return tuple(out)


class DataView:
    """A line's x or y data that records what changes: ``line.ydata[i:j] = v`` changes
    rows i:j and uploads only those. Reading gives numpy arrays (copies), so the line
    never changes behind its back; ``np.asarray(line.ydata)`` works."""

    def __init__(self, line: Line2D, axis: int) -> None:
        self._line = line
        self._axis = axis

    def _values(self) -> np.ndarray:
        return self._line._x if self._axis == 0 else self._line._y

    def __len__(self) -> int:
        return len(self._values())

    @property
    def shape(self) -> tuple[int, ...]:
        """The shape of the data."""
        return self._values().shape

    @property
    def dtype(self) -> np.dtype:
        """The dtype of the data."""
        return self._values().dtype

    def __array__(self, dtype=None, copy=None) -> np.ndarray:
        return np.array(self._values(), dtype=dtype, copy=True)

    def __getitem__(self, key):
        item = self._values()[key]
        return item.copy() if isinstance(item, np.ndarray) else item

    def __setitem__(self, key, value) -> None:
        self._line._set_rows(self._axis, key, value)

    def __iter__(self):
        return iter(self._values().copy())

    def __repr__(self) -> str:
        return f"DataView({self._values()!r})"


def numeric(values, argument: str) -> np.ndarray:
    """Numeric input of any shape as an array, without a copy when it is one already,
    or an error naming ``argument``."""
    if isinstance(values, str):
        raise TypeError(f"{argument}: got str, expected numbers")
    if np.ma.isMaskedArray(values) and np.ma.getmask(values) is not np.ma.nomask \
            and values.dtype.kind in "biuf":
        # masked values leave gaps, as NaN does (matplotlib's rule): a filled copy
        values = np.ma.filled(values.astype(float), np.nan)
    arr = validate.numbers_array(values, argument)  # DataView converts itself
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


def _finite_range(v: np.ndarray, positive: bool) -> tuple[float, float] | None:
    """Min and max of the finite (and, for log axes, positive) values, in chunks so a
    long line is never copied."""
    lo, hi = np.inf, -np.inf
    step = 1 << 20
    for i in range(0, len(v), step):
        part = v[i : i + step]
        a, b = part.min(initial=np.inf), part.max(initial=-np.inf)
        if np.isfinite(a) and np.isfinite(b) and (not positive or a > 0):
            lo, hi = min(lo, a), max(hi, b)  # all finite (NaN and inf would show): 2 passes
            continue
        ok = np.isfinite(part)
        if positive:
            ok &= part > 0
        if ok.all():
            lo, hi = min(lo, part.min()), max(hi, part.max())
        elif ok.any():
            lo, hi = min(lo, part[ok].min()), max(hi, part[ok].max())
    return None if lo > hi else (float(lo), float(hi))


class Line2D(Artist):
    """A line with optional markers, as ``ax.plot`` returns.

    Changing data uploads only what changed: ``set_data(x, y)`` and ``set_ydata(y)``
    with as many points as before upload the rows that differ, and
    ``line.ydata[i:j] = v`` uploads rows i:j (x scrolls with ``xdata`` alike).
    """

    zorder = 2.0

    def __init__(self, axes, x, y, color=None, linewidth=None, linestyle=None, marker=None,
                 markersize=None, markerfacecolor=None, markeredgecolor=None,
                 markeredgewidth=None, alpha=None, label=None, zorder=None,
                 drawstyle="default", markevery=None, fillstyle="full",
                 markerfacecoloralt="none", dashes=None, solid_capstyle=None,
                 dash_capstyle=None, solid_joinstyle=None, dash_joinstyle=None,
                 antialiased=None) -> None:
        super().__init__(axes, label, zorder)
        # None: the rcParams of now, as matplotlib
        self._solid_cap = _style(solid_capstyle, "solid_capstyle", CAPS)
        self._dash_cap = _style(dash_capstyle, "dash_capstyle", CAPS)
        self._solid_join = _style(solid_joinstyle, "solid_joinstyle", JOINS)
        self._dash_join = _style(dash_joinstyle, "dash_joinstyle", JOINS)
        self._antialiased = bool(rcParams["lines.antialiased"] if antialiased is None
                                 else antialiased)
        # The data in axis units: one (N, 2) float64 array, x and y are its columns.
        # With linear axes and no steps it is also what the batch draws (_scaled), so
        # a long line is held once, not as data plus positions.
        self._xy = np.zeros((0, 2))
        self._x, self._y = self._xy[:, 0], self._xy[:, 1]
        # rows of _scaled changed since the axes last uploaded: None, (start, stop), True
        self._dirty_rows: tuple[int, int] | bool | None = True
        self._x_moved = True  # whether x changed in those rows (else x-sorted stays so)
        self._limits_cache = None
        self._color = colors.to_rgba(color if color is not None else rcParams["lines.color"])
        self._alpha = alpha
        self._linewidth = float(rcParams["lines.linewidth"] if linewidth is None else linewidth)
        if dashes is not None:  # matplotlib: dashes win over a named style
            linestyle = (0, dashes)
        self._linestyle = check_linestyle(rcParams["lines.linestyle"] if linestyle is None
                                          else linestyle)
        self._marker = check_marker(rcParams["lines.marker"] if marker is None else marker)
        self._markersize = float(rcParams["lines.markersize"] if markersize is None
                                 else markersize)
        self._mfc = markerfacecolor
        self._mec = markeredgecolor
        self._mew = float(rcParams["lines.markeredgewidth"] if markeredgewidth is None
                          else markeredgewidth)
        if drawstyle not in ("default", "steps", "steps-pre", "steps-mid", "steps-post"):
            raise ValueError(f"drawstyle: got {drawstyle!r}, expected 'default', 'steps-pre', "
                             "'steps-mid' or 'steps-post'")
        self._drawstyle = drawstyle
        self._markers_changed = True  # the markers batch re-uploads this line's markers
        self._markevery_arg = self._markevery = None
        self._markers_view = None
        self._fillstyle = "full"
        self.set_fillstyle(fillstyle)
        if markerfacecoloralt not in (None, "none") and fillstyle in ("full", "none"):
            colors.to_rgba(markerfacecoloralt, argname="markerfacecoloralt")
        self._scaled = self._markers_scaled = np.zeros((0, 2))
        self.set_data(x, y)
        self.set_markevery(markevery)  # indices are checked against the data

    # data
    def set_data(self, x=None, y=None) -> None:
        """``set_data(x, y)``; ``set_data(y=new_y)`` keeps x and ``set_data(x=new_x)``
        keeps y; ``set_data(np.c_[x, y])`` and matplotlib's ``set_data((x, y))``.

        With as many points as before, only the rows that differ are uploaded."""
        if x is None and y is None:
            raise TypeError("set_data: got neither x nor y, expected x, y or both")
        if y is None and not isinstance(x, (str, DataView)) and np.ndim(x) == 2:
            xy = np.asarray(x)
            if xy.shape[1] == 2:
                x, y = xy[:, 0], xy[:, 1]
            elif xy.shape[0] == 2:
                x, y = xy[0], xy[1]
            else:
                raise ValueError(f"x: got shape {xy.shape}, expected (N, 2) or (2, N) when "
                                 "y is omitted")
        xs = self._x if x is None else self._convert(self.axes.xaxis, x, "x")
        ys = self._y if y is None else self._convert(self.axes.yaxis, y, "y")
        if xs.shape != ys.shape:
            kept = " (the line's current x)" if x is None else \
                " (the line's current y)" if y is None else ""
            raise ValueError(f"x and y must have the same length: got {xs.size} and "
                             f"{ys.size}{kept}")
        if len(xs) == len(self._x) and self._x.base is self._xy and self._y.base is self._xy:
            # same length: write the rows that differ in place and upload only those
            changed = (changed_rows(self._x, xs) if x is not None else None,
                       changed_rows(self._y, ys) if y is not None else None)
            rows = [r for r in changed if r]
            if not rows:
                return
            lo, hi = min(r[0] for r in rows), max(r[1] for r in rows)
            for column, (r, values) in enumerate(zip(changed, (xs, ys), strict=True)):
                if r:  # a column that did not change is not rewritten
                    self._xy[lo:hi, column] = values[lo:hi]
            self._rows_changed(lo, hi, x_changed=changed[0] is not None)
            return
        xy = np.empty((len(xs), 2))
        xy[:, 0], xy[:, 1] = xs, ys
        self._xy = xy
        self._x, self._y = xy[:, 0], xy[:, 1]
        self.rescale()

    @staticmethod
    def _convert(axis, values, argument: str) -> np.ndarray:
        """Data to float64 axis units; numbers pass without a copy (written into the
        line's storage later), dates and strings (categories) go through the axis."""
        if category.is_categorical(values):
            return axis.convert(values).reshape(-1)
        arr = as_values(values, argument)
        if arr.dtype.kind in "Mm":
            return axis.convert(arr)
        return arr

    def _set_rows(self, axis: int, key, value) -> None:
        """``xdata[key] = value`` / ``ydata[key] = value``: write, then upload the rows
        between the first and the last one written."""
        data = self._x if axis == 0 else self._y
        n = len(data)
        if isinstance(key, slice):
            start, stop, step = key.indices(n)
            rows = range(start, stop, step)
            span = (min(rows[0], rows[-1]), max(rows[0], rows[-1]) + 1) if rows else None
        elif isinstance(key, (int, np.integer)) and not isinstance(key, bool):
            row = int(key) + n if key < 0 else int(key)
            span = (row, row + 1)
        else:
            index = np.arange(n)[key]  # index arrays, masks
            span = (int(index.min()), int(index.max()) + 1) if np.size(index) else None
        arr = np.asarray(value)
        if arr.dtype.kind in "Mm" or arr.dtype == object:
            arr = (self.axes.xaxis if axis == 0 else self.axes.yaxis).convert(arr)
        data[key] = arr  # numpy checks the shapes before writing anything
        if span is not None:
            self._rows_changed(*span, x_changed=axis == 0)

    def _rows_changed(self, lo: int, hi: int, x_changed: bool = True) -> None:
        """Data rows lo:hi changed in place: refresh their positions, mark them dirty
        (``x_changed`` False: only y did, so an x-sorted line stays sorted)."""
        self._limits_cache = None
        self._x_moved = self._x_moved or x_changed
        if self._scaled is self._xy:
            self._mark_dirty(lo, hi)  # the data is what the batch draws
        elif self._drawstyle == "default" and len(self._scaled) == len(self._x):
            self._scaled[lo:hi] = self.axes.transScale.forward(np.c_[self._x[lo:hi],
                                                                      self._y[lo:hi]])
            self._mark_dirty(lo, hi)
        elif type(self).rescale is Line2D.rescale and len(self._scaled):
            old = self._scaled
            self._scaled, self._markers_scaled = self._positions()
            rows = changed_rows(old, self._scaled) if len(old) == len(self._scaled) \
                else (0, len(self._scaled))
            if rows is not None:
                self._mark_dirty(*rows)
        else:
            self.rescale()
            return
        self._changed()

    def _changed(self) -> None:
        self._markers_changed = True
        super()._changed()

    def _mark_dirty(self, lo: int, hi: int) -> None:
        d = self._dirty_rows
        if d is True:
            return
        self._dirty_rows = (lo, hi) if d is None else (min(d[0], lo), max(d[1], hi))

    def set_xdata(self, x) -> None:
        """New x data (the same length as y; only what changed is uploaded)."""
        self.set_data(x=x)

    def set_ydata(self, y) -> None:
        """New y data (the same length as x; only what changed is uploaded)."""
        self.set_data(y=y)

    @property
    def xdata(self) -> DataView:
        """The x data; ``line.xdata[i:j] = v`` changes (and uploads) rows i:j only."""
        return DataView(self, 0)

    @xdata.setter
    def xdata(self, x) -> None:
        self.set_data(x=x)

    @property
    def ydata(self) -> DataView:
        """The y data; ``line.ydata[i:j] = v`` changes (and uploads) rows i:j only."""
        return DataView(self, 1)

    @ydata.setter
    def ydata(self, y) -> None:
        self.set_data(y=y)

    def get_xdata(self) -> np.ndarray:
        """A copy of the x data."""
        return self._x.copy()

    def get_ydata(self) -> np.ndarray:
        """A copy of the y data."""
        return self._y.copy()

    def get_data(self) -> tuple[np.ndarray, np.ndarray]:
        """(x data, y data), copies."""
        return self.get_xdata(), self.get_ydata()

    def _positions(self) -> tuple[np.ndarray, np.ndarray]:
        """(line, marker) positions in scale space; the data itself when both axes are
        linear and there are no steps (no copy)."""
        scale = self.axes.transScale.frozen()
        own = self._x.base is self._xy and self._y.base is self._xy
        if scale.is_linear and own and self._drawstyle == "default":
            return self._xy, self._xy
        x, y = _steps(self._x, self._y, self._drawstyle)
        scaled = scale.forward(np.c_[x, y])
        markers = scaled if self._drawstyle == "default" else scale.forward(
            np.c_[self._x, self._y])
        return scaled, markers

    def set_markevery(self, every) -> None:
        """Markers on every n-th point (an int), ``(start, n)``, a slice, chosen indices
        or a boolean mask; a float ``d`` (or ``(start, d)``): markers about ``d`` times the
        axes' diagonal apart along the line on screen (matplotlib's rule); None: all."""
        given = every
        if isinstance(every, tuple) and len(every) == 2 and all(
                isinstance(v, (int, float, np.integer, np.floating)) for v in every):
            if all(isinstance(v, (int, np.integer)) for v in every):
                every = slice(int(every[0]), None, int(every[1]))  # (start, n)
            else:
                every = (float(every[0]), float(every[1]))
        elif isinstance(every, (float, np.floating)):
            every = (0.0, float(every))
        elif isinstance(every, (int, np.integer)) and not isinstance(every, bool):
            if every < 1:
                raise ValueError(f"markevery: got {every}, expected an int >= 1")
            every = slice(None, None, int(every))
        elif every is not None and not isinstance(every, (slice, list, np.ndarray)):
            raise TypeError(f"markevery: got {type(every).__name__}, expected None, an int, "
                            "a float, a pair, a slice, indices or a boolean mask")
        if isinstance(every, tuple) and (not np.isfinite(every).all() or every[1] <= 0):
            raise ValueError(f"markevery: got {every}, expected a distance > 0")
        if isinstance(every, slice) and isinstance(given, tuple) and (
                given[0] < 0 or given[1] < 1):  # matplotlib's (start, N)
            raise ValueError(f"markevery: got {given}, expected (start >= 0, N >= 1)")
        if isinstance(every, (list, np.ndarray)):
            every = validate.numbers_array(every, "markevery")
            n = len(self._x)
            if every.dtype.kind == "b":
                if every.shape != (n,):
                    raise ValueError(f"markevery: got a mask of shape {every.shape}, expected "
                                     f"({n},) like the data")
            elif every.dtype.kind not in "iu" or every.ndim != 1:
                raise TypeError(f"markevery: got {every.dtype} of shape {every.shape}, "
                                "expected a list of point indices")
            # (a line with no points yet takes any indices: its data comes later, and
            # indices beyond it then draw no marker)
            elif n and every.size and not (-n <= every.min() and every.max() < n):
                raise ValueError(f"markevery: got indices {every.min()}..{every.max()}, "
                                 f"expected indices of the {n} points (-{n}..{n - 1})")
        self._markevery_arg, self._markevery = given, every
        self._markers_view = None
        self._markers_changed = True
        self._changed()

    def get_markevery(self):
        """The ``markevery`` given (None: every point has a marker)."""
        return self._markevery_arg

    def _marker_index(self):
        """Which points carry markers: a slice or an index array into the data."""
        every = self._markevery
        if every is None:
            return slice(None)
        if not isinstance(every, tuple):
            return every
        # a distance along the line on screen: the points nearest to each multiple of
        # it, as fractions of the axes' diagonal (matplotlib's Line2D._mark_every)
        start, step = every
        ax = self.axes
        self._markers_view = ax.view_state()
        n = len(self._x)
        with np.errstate(all="ignore"):
            disp = ax.transData.forward(np.c_[self._x, self._y]) if n else np.zeros((0, 2))
        finite = np.flatnonzero(np.isfinite(disp).all(axis=1))
        if len(finite) == 0:
            return finite
        d = np.r_[0.0, np.hypot(*np.diff(disp[finite], axis=0).T)].cumsum()
        corners = ax.transAxes.forward(np.array([[0.0, 0.0], [1.0, 1.0]]))
        scale = float(np.hypot(*(corners[1] - corners[0])))
        marks = np.arange(start * scale, d[-1], step * scale)
        if len(marks) == 0:
            return np.zeros(0, dtype=int)
        nearest = np.searchsorted(d, marks).clip(1, len(d) - 1)
        nearest -= (marks - d[nearest - 1]) <= (d[nearest] - marks)  # the closer one
        return finite[np.unique(nearest)]

    def marker_positions(self) -> np.ndarray:
        """Scale-space positions of the markers drawn (``markevery`` applied)."""
        pts = self._markers_scaled
        index = self._marker_index()
        if isinstance(index, np.ndarray) and index.dtype.kind in "iu":
            n = len(pts)  # the data may have shrunk since: points that are gone have none
            index = index[(index >= -n) & (index < n)]
        elif isinstance(index, np.ndarray) and index.dtype.kind == "b" and \
                index.shape != (len(pts),):
            return pts[:0]
        return pts[index]

    def draw_overlay(self, ov) -> None:
        # markers spaced on screen are chosen again when the view has moved
        if isinstance(self._markevery, tuple) and self._markers_view is not None \
                and self._markers_view != self.axes.view_state():
            self._markers_changed = True
            self._changed()

    def rescale(self) -> None:
        self._scaled, self._markers_scaled = self._positions()
        self._limits_cache = None
        self._dirty_rows = True
        self._x_moved = True
        self._changed()

    def batch_items(self) -> list[BatchItem]:
        """The line in a Line batch of its width, dashes and zorder (only the rows
        changed since last time are uploaded) and its markers in a Markers batch."""
        items = []
        if self._linestyle is not None and len(self._scaled) >= 2:
            width = self.axes.figure.points_to_pixels(self._linewidth)
            rows = self._dirty_rows
            items.append(BatchItem(Line, (("width", width),
                                          ("dashes", dash_pattern(self._linestyle, width)),
                                          *self.line_look().items()),
                                   self.zorder, self._scaled, self.line_rgba(),
                                   changed={} if rows is None else
                                   {"pos": rows, "y_only": not self._x_moved}, part="line",
                                   alone=len(self._scaled) > _OWN_VISUAL))
        self._dirty_rows = None
        self._x_moved = False
        markers = self.marker_positions() if self._marker is not None else ()
        if len(markers):
            symbol, size, face, edge, edge_w = self.marker_style()
            n = len(markers)
            changed = dict.fromkeys(("pos", "size", "color"), True) \
                if self._markers_changed else {}
            items.append(BatchItem(Markers, (("symbol", symbol), ("edge_width", edge_w),
                                             ("edge_color", edge)), self.zorder, markers,
                                   np.tile(face, (n, 1)), size=np.full(n, size),
                                   changed=changed, part="markers"))
        self._markers_changed = False
        return items

    def pick_index(self, index: int, part=None) -> int:
        """The data point of a picked point of the (maybe stepped) line or of a marker
        (``markevery`` counted back)."""
        n = len(self._x)
        if part == "markers":
            return int(np.arange(n)[self._marker_index()][index])
        m = len(self._scaled)
        return index if n == m else min(int(round(index * (n - 1) / max(m - 1, 1))), n - 1)

    def legend_handle(self, fontsize_px: float) -> LegendHandle:
        line = marker = None
        if self._linestyle is not None:
            width = self.axes.figure.points_to_pixels(self._linewidth)
            line = (self.line_rgba(), width, dash_pattern(self._linestyle, width))
        if self._marker is not None:
            marker = self.marker_style()
        look = self.line_look()
        return LegendHandle(line=line, marker=marker,
                            line_look={k: look[k] for k in ("cap", "dash_cap", "join")})

    def data_points(self) -> np.ndarray:
        return np.c_[self._x, self._y]

    @property
    def connects_points(self) -> bool:  # type: ignore[override]
        return self._linestyle is not None

    def data_limits(self):
        xscale, yscale = self.axes.xaxis.scale, self.axes.yaxis.scale
        key = (self._x, self._y, xscale.name, yscale.name)
        cached = self._limits_cache
        if cached is not None and all(a is b for a, b in zip(cached[0], key, strict=True)):
            return cached[1]
        xr = _finite_range(self._x, xscale.name == "log")
        yr = _finite_range(self._y, yscale.name == "log")
        limits = None if xr is None or yr is None else (xr, yr)
        self._limits_cache = (key, limits)
        return limits

    # style
    def get_color(self):
        """The line color as given."""
        return self._color

    def set_color(self, color) -> None:
        """The line color (markers too, unless their own colors are set)."""
        self._color = colors.to_rgba(color)
        self._changed()

    def get_linewidth(self) -> float:
        """The line width in points."""
        return self._linewidth

    def set_linewidth(self, lw: float) -> None:
        """The line width in points."""
        self._linewidth = validate.number(lw, "linewidth", 0.0)
        self._changed()

    def get_linestyle(self):
        """The line style: '-', '--', ':', '-.', 'None' or ``(0, (on, off, ...))``."""
        return self._linestyle or "None"

    def set_linestyle(self, ls) -> None:
        """The line style: '-', '--', ':', '-.', 'None' or ``(0, (on, off, ...))``
        (dash lengths in line widths)."""
        self._linestyle = check_linestyle(ls)
        self._changed()

    def set_dashes(self, seq) -> None:
        """Dash lengths (on, off, ...) in line widths; ``(None, None)`` for a solid line."""
        self.set_linestyle("-" if seq is None or tuple(seq) == (None, None) else (0, seq))

    def get_marker(self):
        """The marker code, or None."""
        return self._marker or "None"

    def set_marker(self, marker) -> None:
        """The marker code ('o', 's', '^', ...), or None."""
        self._marker = check_marker(marker)
        self._changed()

    def set_markersize(self, ms: float) -> None:
        """The marker size in points."""
        self._markersize = validate.number(ms, "markersize", 0.0)
        self._changed()

    def set_markerfacecolor(self, c) -> None:
        """The marker face color (None: the line color)."""
        self._mfc = validate.color(c, "markerfacecolor")
        self._changed()

    def set_markeredgecolor(self, c) -> None:
        """The marker edge color (None: the line color)."""
        self._mec = validate.color(c, "markeredgecolor")
        self._changed()

    def set_markeredgewidth(self, w: float) -> None:
        """The marker edge width in points."""
        self._mew = validate.number(w, "markeredgewidth", 0.0)
        self._changed()

    def set_alpha(self, alpha) -> None:
        """The opacity 0..1 (None: the colors' own)."""
        self._alpha = None if alpha is None else validate.number(alpha, "alpha", 0.0, 1.0)
        self._changed()

    def get_alpha(self):
        """The opacity, or None."""
        return self._alpha

    def line_rgba(self):
        """The line color with the alpha applied, as RGBA floats."""
        return colors.to_rgba(self._color, self._alpha)

    def marker_style(self):
        """(symbol, size px, face rgba, edge rgba, edge width px) for the markers; line
        markers ('+', 'x', ...) are stroked ``markeredgewidth`` wide in their edge color."""
        px = self.axes.figure.points_to_pixels
        edge = colors.to_rgba(self._color if self._mec is None else self._mec, self._alpha)
        mfc = "none" if self._fillstyle == "none" and self._mfc is None else self._mfc
        face = colors.to_rgba(self._color if mfc is None else mfc, self._alpha)
        size = px(self._markersize) * _MARKER_SCALE.get(self._marker, 1.0)
        edge_w = px(self._mew)
        if is_line_marker(self._marker):
            face = edge
        return MARKERS[self._marker], size, face, edge, edge_w

    def set_fillstyle(self, fs) -> None:
        """'full' or 'none' (hollow markers); the half fills are drawn full, with a
        one-time notice."""
        if fs not in ("full", "left", "right", "bottom", "top", "none"):
            raise ValueError(f"fillstyle: got {fs!r}, expected 'full', 'left', 'right', "
                             "'bottom', 'top' or 'none'")
        if fs in ("left", "right", "bottom", "top"):
            from .compat import warn_once

            warn_once("fillstyle half", f"fillstyle {fs!r}: lumos draws the marker full")
        self._fillstyle = fs
        self._changed()

    def get_fillstyle(self) -> str:
        """How markers are filled: 'full', 'left', 'right', 'bottom', 'top' or 'none'."""
        return self._fillstyle

    def set_solid_capstyle(self, cap) -> None:
        """The ends of a solid line: 'butt', 'round' or 'projecting' (None:
        rcParams["lines.solid_capstyle"])."""
        self._solid_cap = _style(cap, "solid_capstyle", CAPS)
        self._changed()

    def set_dash_capstyle(self, cap) -> None:
        """The ends of each dash: 'butt', 'round' or 'projecting' (None:
        rcParams["lines.dash_capstyle"])."""
        self._dash_cap = _style(cap, "dash_capstyle", CAPS)
        self._changed()

    def set_solid_joinstyle(self, join) -> None:
        """Corners of a solid line: 'miter', 'round' or 'bevel' (None:
        rcParams["lines.solid_joinstyle"])."""
        self._solid_join = _style(join, "solid_joinstyle", JOINS)
        self._changed()

    def set_dash_joinstyle(self, join) -> None:
        """Corners of a dashed line: 'miter', 'round' or 'bevel' (None:
        rcParams["lines.dash_joinstyle"])."""
        self._dash_join = _style(join, "dash_joinstyle", JOINS)
        self._changed()

    def get_solid_capstyle(self) -> str:
        """The ends of a solid line."""
        return self._solid_cap

    def get_dash_capstyle(self) -> str:
        """The ends of each dash."""
        return self._dash_cap

    def get_solid_joinstyle(self) -> str:
        """Corners of a solid line."""
        return self._solid_join

    def get_dash_joinstyle(self) -> str:
        """Corners of a dashed line."""
        return self._dash_join

    def set_antialiased(self, aa) -> None:
        """Smooth edges (True; None: rcParams["lines.antialiased"]) or hard ones, each
        pixel in or out."""
        self._antialiased = bool(rcParams["lines.antialiased"] if aa is None else aa)
        self._changed()

    def get_antialiased(self) -> bool:
        """Whether the line's edges are antialiased."""
        return self._antialiased

    def line_look(self) -> dict:
        """The Line visual's ``cap``, ``dash_cap``, ``join`` (of a dashed line: the dash
        joinstyle) and ``antialiased`` for this line."""
        solid = self._linestyle is None or dash_pattern(self._linestyle, 1.0) is None
        return {"cap": self.get_solid_capstyle(), "dash_cap": self.get_dash_capstyle(),
                "join": self.get_solid_joinstyle() if solid else self.get_dash_joinstyle(),
                "antialiased": self._antialiased}


def _style(value, argument: str, allowed: tuple[str, ...]) -> str:
    """A cap or join style lumos draws; None: ``rcParams["lines.<argument>"]``."""
    if value is None:
        value = rcParams[f"lines.{argument}"]
    value = getattr(value, "value", value)  # matplotlib's CapStyle and JoinStyle
    if value not in allowed:
        raise ValueError(f"{argument}: got {value!r}, expected one of {', '.join(allowed)}")
    return value


def _steps(x: np.ndarray, y: np.ndarray, style: str) -> tuple[np.ndarray, np.ndarray]:
    """The vertices of a step line (matplotlib's drawstyle)."""
    if style == "default" or x.size < 2:
        return x, y
    kind = {"steps": "pre", "steps-pre": "pre", "steps-post": "post", "steps-mid": "mid"}
    return step_points(kind[style], x, y)


def step_points(kind: str, t: np.ndarray, *ys: np.ndarray) -> tuple[np.ndarray, ...]:
    """matplotlib's ``pts_to_prestep`` / ``poststep`` / ``midstep`` (step lines and
    fill_between(step=)): pre rises at the start of each interval, post at its end."""
    n = len(t)
    if n == 0:
        return (t, *ys)
    if kind == "mid":
        out = np.zeros((1 + len(ys), 2 * n))
        mid = (t[:-1] + t[1:]) / 2
        out[0, 1:-1:2] = mid
        out[0, 2::2] = mid
        out[0, 0], out[0, -1] = t[0], t[-1]
        for k, y in enumerate(ys, 1):
            out[k, 0::2] = y
            out[k, 1::2] = y
        return tuple(out)
    out = np.zeros((1 + len(ys), max(2 * n - 1, 0)))
    if kind == "pre":
        out[0, 0::2] = t
        out[0, 1::2] = t[:-1]
        for k, y in enumerate(ys, 1):
            out[k, 0::2] = y
            out[k, 1::2] = y[1:]
    else:  # post
        out[0, 0::2] = t
        out[0, 1::2] = t[1:]
        for k, y in enumerate(ys, 1):
            out[k, 0::2] = y
            out[k, 1::2] = y[:-1]
    return tuple(out)


class ScalarMappable:
    """Data mapped to colors through a norm and a colormap (for colorbars)."""

    def _init_mappable(self, cmap, norm, vmin, vmax) -> None:
        self.cmap = colors.get_cmap(rcParams["image.cmap"] if cmap is None else cmap)
        self.norm = colors.get_norm(norm, vmin, vmax)
        self.colorbar = None

    def set_cmap(self, cmap) -> None:
        """A colormap or its name."""
        self.cmap = colors.get_cmap(cmap)
        self._mapping_changed()

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
        self.norm = colors.get_norm(norm)
        self._mapping_changed()

    def set_clim(self, vmin=None, vmax=None) -> None:
        """Color limits: ``set_clim(0, 1)`` or ``set_clim((0, 1))``."""
        if vmax is None and vmin is not None and np.ndim(vmin) == 1:
            vmin, vmax = vmin
        validate.clim(vmin, vmax)
        if vmin is not None:
            self.norm.vmin = float(vmin)
        if vmax is not None:
            self.norm.vmax = float(vmax)
        self._mapping_changed()

    def get_clim(self) -> tuple[float, float]:
        """The values mapped to the ends of the colormap (vmin, vmax)."""
        return self.norm.vmin, self.norm.vmax

    def autoscale_clim(self, values: np.ndarray) -> None:
        """Fill the norm's unset vmin/vmax from ``values``."""
        self.norm.autoscale_None(values)

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

    def _mapping_changed(self) -> None:
        raise NotImplementedError


class PathCollection(Artist, ScalarMappable):
    """Scatter points, as ``ax.scatter`` returns; sizes are areas in points².

    Density mode (``density=True``, or automatically beyond ``density_threshold`` points
    when no per-point colors are given): points are counted per pixel on the GPU and
    the counts shown through ``cmap`` (:class:`lumos.visuals.density.Density`); ``norm``
    is then ``'eq_hist'`` (the default), ``'linear'`` or ``'log'``, and ``vmin``/``vmax``
    fix the count range of the last two. The mode is chosen when the scatter is made.

    ``set_offsets``, ``set_array`` and ``set_sizes`` with as many points as before upload
    only the rows that differ (the first to the last changed row).
    """

    zorder = 1.0
    #: more points than this (and one color for all) switch ``density=None`` on
    density_threshold = 2_000_000

    def __init__(self, axes, x, y, s=None, c=None, marker="o", cmap=None, norm=None, vmin=None,
                 vmax=None, alpha=None, linewidths=None, edgecolors=None, label=None,
                 zorder=None, color=None, density: bool | None = None) -> None:
        super().__init__(axes, label, zorder)
        eq_hist = isinstance(norm, str) and norm == "eq_hist"
        self._init_mappable(cmap, None if eq_hist else norm, vmin, vmax)
        self._marker = check_marker(marker) or "o"
        self._alpha = None
        self._edgecolors = "face"
        self._edge_groups = None  # per-point edge colors: indices of each color's batch
        self._linewidths = float(rcParams.get("patch.linewidth", 1.0) if linewidths is None
                                 else np.mean(linewidths))
        self._linewidths_default = linewidths is None
        self._array = None
        self._facecolor = None
        self._face = None  # face colors (n, 4) float, kept until colors change
        # rows changed since the axes' batch took them: part -> (start, stop)
        self._dirty: dict[str, tuple[int, int]] = {}
        self._density = None
        self._offsets = np.zeros((0, 2))
        self._scaled = np.zeros((0, 2))
        x, y = _drop_masked(x, y, s, c)
        xs, ys = as_1d(x, "x").ravel(), as_1d(y, "y").ravel()
        if xs.size != ys.size:
            _mismatch(xs, ys)
        # dates through their axes (numbers pass), as plot converts them
        xs = axes.xaxis.convert(xs) if xs.dtype.kind in "Mm" else xs
        ys = axes.yaxis.convert(ys) if ys.dtype.kind in "Mm" else ys
        self.set_offsets(np.c_[xs, ys])
        self._alpha = self._checked_alpha(alpha)
        self.set_sizes(rcParams["lines.markersize"] ** 2 if s is None else s)
        if c is not None and color is not None:
            raise ValueError("c and color: got both, expected at most one")
        self._set_c(color if c is None else c, "color" if c is None else "c")
        self.set_alpha(alpha)
        self.set_edgecolor("face" if edgecolors is None else edgecolors)
        if density is None:
            density = len(self._offsets) > self.density_threshold and self._one_color()
        if density:
            if np.ndim(self._alpha):
                raise ValueError("alpha: per-point alpha cannot be shown with density=True "
                                 "(points are counted per pixel); pass one number")
            if not self._one_color():
                raise ValueError("c: per-point colors or values cannot be shown with "
                                 "density=True (points are counted per pixel); pass one "
                                 "color, or density=False")
            self._make_density(norm, eq_hist)
        elif eq_hist:
            raise ValueError("norm: got 'eq_hist', which needs density=True")

    # -- density mode ------------------------------------------------------------------
    def _one_color(self) -> bool:
        fc = self._facecolor
        return self._array is None and (fc is None or len(fc) == 0 or bool((fc == fc[0]).all()))

    def _make_density(self, norm, eq_hist: bool) -> None:
        from ..visuals.density import Density

        if eq_hist or norm is None:
            kind = "eq_hist"
        else:
            kind = "log" if colors.get_norm(norm).axis_scale()[0] == "log" else "linear"
        self._density = Density(self._scaled, cmap=self.cmap, norm=kind)
        self._density.order = self.zorder
        self._sync_density_style()

    def _sync_density_style(self) -> None:
        d = self._density
        d.cmap = self.cmap
        lo, hi = self.norm.vmin, self.norm.vmax
        d.clim = None if lo is None or hi is None else (lo, hi)
        d.alpha = 1.0 if self._alpha is None else float(self._alpha)
        d.order = self.zorder

    def uses_density(self) -> bool:
        """Whether the points are drawn as counts per pixel (not batched as markers)."""
        return self._density is not None

    def visuals(self) -> list:
        return [] if self._density is None else [self._density]

    def set_zorder(self, z: float) -> None:
        super().set_zorder(z)
        if self._density is not None:
            self._density.order = self.zorder

    def set_visible(self, visible: bool) -> None:
        super().set_visible(visible)
        if self._density is not None:
            self._density.visible = self._visible

    # -- data ----------------------------------------------------------------------------
    def _mark(self, part: str, start: int, stop: int) -> None:
        """Rows start:stop of ``part`` ('pos', 'size' or 'color': Member.changed) changed."""
        old = self._dirty.get(part)
        self._dirty[part] = (start, stop) if old is None else (min(old[0], start),
                                                               max(old[1], stop))

    def _set_c(self, c, argument: str = "c") -> None:
        n = len(self._offsets)
        arr = None
        if c is not None and not isinstance(c, str):
            try:
                arr = np.asarray(c)
            except ValueError:  # ragged: colors
                arr = None
            if arr is not None and arr.dtype.kind in "biuf":
                arr = validate.numbers_array(c, argument)
        # like matplotlib: n numbers are values for the colormap, anything else colors
        if arr is not None and arr.dtype.kind in "biuf" and arr.size == n and \
                arr.shape not in ((1, 3), (1, 4)):
            self._array = None  # a new mapping: every color changes
            self.set_array(arr.ravel())
            return
        try:
            face = colors.to_rgba_array("C0" if c is None else c, n, argname=argument)
        except ValueError:
            if arr is not None and arr.dtype.kind in "biuf" and arr.ndim == 1:
                raise ValueError(f"{argument}: got {arr.size} values for {n} points, expected "
                                 f"{n} values, one color or {n} colors") from None
            raise
        self._array = None
        self._facecolor = face
        self._colors_changed()

    def set_offsets(self, xy) -> None:
        """New positions (N, 2); with N unchanged only the changed rows are uploaded."""
        xy = np.array(xy, dtype=float, copy=True)
        if xy.ndim != 2 or xy.shape[1] != 2:
            raise ValueError(f"offsets: got shape {xy.shape}, expected (N, 2)")
        new = np.c_[self.axes.xaxis.convert(xy[:, 0]), self.axes.yaxis.convert(xy[:, 1])]
        if new.shape == self._offsets.shape and len(new):
            rows = changed_rows(self._offsets, new)
            if rows is None:
                return
            self._offsets[rows[0] : rows[1]] = new[rows[0] : rows[1]]
            self._scale_rows(*rows)
            return
        resized = len(new) != len(self._offsets) and hasattr(self, "_sizes")
        self._offsets = new
        if resized:  # like matplotlib, sizes and colors repeat to the new length
            n = len(new)
            self._sizes = np.resize(self._sizes, n)
            if self._facecolor is not None:
                self._facecolor = np.resize(self._facecolor, (n, 4))
            if self._array is not None:
                self._array = np.resize(self._array, n)
            if np.ndim(self._alpha):
                self._alpha = np.resize(self._alpha, n)
            self._face = None
        self.rescale()

    def get_offsets(self) -> np.ndarray:
        """A copy of the marker positions, (n, 2)."""
        return self._offsets.copy()

    def set_sizes(self, s) -> None:
        """The marker areas in points²: one, or one per marker."""
        s = as_1d(validate.sizes(s), "s").astype(float)
        n = len(self._offsets)
        if s.size not in (1, n):
            raise ValueError(f"s: got {s.size} sizes for {n} points, expected 1 or {n}")
        new = np.broadcast_to(s, (n,)).copy()
        old = getattr(self, "_sizes", None)
        rows = (0, n) if old is None or old.shape != new.shape else changed_rows(old, new)
        self._sizes = new
        if rows is not None:
            self._mark("size", *rows)
            self._changed()

    def get_sizes(self) -> np.ndarray:
        """The marker areas in points²."""
        return self._sizes.copy()

    def set_array(self, values) -> None:
        """Values mapped through cmap/norm to face colors; with the norm's limits set
        and N unchanged, only the changed rows are mapped and uploaded."""
        values = as_1d(values, "c").astype(float)
        if values.size != len(self._offsets):
            raise ValueError(f"c: got {values.size} values for {len(self._offsets)} points")
        old, limits = self._array, (self.norm.vmin, self.norm.vmax)
        self._array = values
        self.autoscale_clim(values)
        same_mapping = limits == (self.norm.vmin, self.norm.vmax)
        if old is None or self._face is None or not same_mapping or old.shape != values.shape:
            self._colors_changed()
            return
        rows = changed_rows(old, values)
        if rows is None:
            return
        start, stop = rows
        self._face[start:stop] = self._map_colors(values[start:stop])
        self._mark("color", start, stop)
        self._changed()

    def get_array(self):
        """The values mapped to colors, or None."""
        return None if self._array is None else self._array.copy()

    def set_color(self, c) -> None:
        """Face and edge color (matplotlib's ``Collection.set_color``)."""
        self._set_c(c)
        self.set_edgecolor(c)

    def set_facecolor(self, c) -> None:
        """The face color: one, or one per marker."""
        self._set_c(c)

    def _checked_alpha(self, alpha):
        """None, one number in 0..1, or one per point (as matplotlib's scatter)."""
        validate.alpha(alpha)
        if alpha is None or np.ndim(alpha) == 0:
            return alpha
        a = np.asarray(alpha, dtype=float).ravel()
        if a.size != len(self._offsets):
            raise ValueError(f"alpha: got {a.size} values for {len(self._offsets)} points, "
                             f"expected one number or {len(self._offsets)}")
        return a

    def set_alpha(self, alpha) -> None:
        """The opacity 0..1: one, or one per marker (None: the colors' own)."""
        self._alpha = self._checked_alpha(alpha)
        self._colors_changed()

    set_facecolors = set_facecolor

    def get_facecolor(self) -> np.ndarray:
        """The face colors (N, 4), alpha applied."""
        return self.face_rgba().copy()

    get_facecolors = get_facecolor

    def set_edgecolor(self, c) -> None:
        """'face' (the face colors), 'none', one color or one per point."""
        if isinstance(c, str) and c in ("face", "none"):
            self._edgecolors = c
        else:
            rows = colors.to_rgba_array(c, dtype=np.float64, argname="edgecolors")
            n = len(self._offsets)
            if len(rows) not in (1, n):
                raise ValueError(f"edgecolors: got {len(rows)} colors for {n} points, "
                                 f"expected 1 or {n}")
            self._edgecolors = rows
        self._colors_changed()

    set_edgecolors = set_edgecolor

    def get_edgecolor(self) -> np.ndarray:
        """The edge colors (N, 4) (the face colors when the edges are 'face')."""
        if isinstance(self._edgecolors, str):
            return self.face_rgba().copy() if self._edgecolors == "face" else np.zeros((0, 4))
        return self._with_alpha(self._edgecolors.copy())

    get_edgecolors = get_edgecolor

    def set_linewidth(self, lw) -> None:
        """The width of the markers' edges in points."""
        validate.check(linewidths=lw)
        self._linewidths = float(np.mean(lw))
        self._linewidths_default = False
        self._colors_changed()

    set_linewidths = set_linewidth

    def get_alpha(self):
        """The opacity: None, a number or one per point."""
        return self._alpha

    def _with_alpha(self, rgba: np.ndarray) -> np.ndarray:
        if self._alpha is not None:
            rgba[:, 3] = self._alpha
        return rgba

    def _mapping_changed(self) -> None:
        self._colors_changed()

    def _colors_changed(self) -> None:
        self._face = None
        self._mark("color", 0, len(self._offsets))
        if self._density is not None:
            self._sync_density_style()
        self._changed()

    def rescale(self) -> None:
        self._scaled = np.zeros((0, 2))  # every row is recomputed
        self._scale_rows(0, len(self._offsets))

    def _scale_rows(self, start: int, stop: int) -> None:
        """Recompute scale-space positions of rows start:stop from the offsets."""
        rows = self.axes.transScale.forward(self._offsets[start:stop])
        if len(self._scaled) != len(self._offsets):
            self._scaled = rows
        else:
            self._scaled[start:stop] = rows
        self._mark("pos", start, stop)
        d = self._density
        if d is not None:
            if len(d) == len(self._scaled):
                d.update(start, rows)
            else:
                d.set_data(self._scaled)
        self._changed()

    def data_limits(self):
        return _limits(self._offsets[:, 0], self._offsets[:, 1], self.axes.xaxis.scale,
                       self.axes.yaxis.scale)

    # -- colors and the markers batch -----------------------------------------------
    def _map_colors(self, values: np.ndarray) -> np.ndarray:
        rgba = np.asarray(self.cmap(self.norm(values)), dtype=float).reshape(-1, 4)
        if self._alpha is not None:
            rgba[:, 3] = self._alpha if np.ndim(self._alpha) == 0 else \
                np.resize(self._alpha, len(rgba))
        return rgba

    def face_rgba(self) -> np.ndarray:
        """Face colors (n, 4), computed once per change of colors (do not modify)."""
        if self._face is None:
            if self._array is not None:
                self._face = self._map_colors(self._array)
            else:
                rgba = np.array(self._facecolor, dtype=float)
                if len(rgba) == 1 and len(self._offsets) != 1 and np.ndim(self._alpha) == 1:
                    rgba = np.repeat(rgba, len(self._offsets), axis=0)
                self._face = self._with_alpha(rgba)
        return self._face

    def marker_style(self):
        """(symbol, diameters px, face rgba rows, edge: one rgba or rows, edge width px).

        matplotlib strokes a scatter marker's outline in the face color by default
        (``edgecolors='face'``, 1 pt): drawn here as a marker that much larger."""
        px = self.axes.figure.points_to_pixels
        diameter = px(np.sqrt(np.maximum(self._sizes, 0))) * _MARKER_SCALE.get(self._marker, 1.0)
        face = self.face_rgba()
        edge_w = px(self._linewidths)
        if is_line_marker(self._marker):  # matplotlib: lines.linewidth wide, face colors
            width = px(rcParams["lines.linewidth"]) if self._linewidths_default else edge_w
            return MARKERS[self._marker], diameter, face, (0.0, 0.0, 0.0, 0.0), width
        if isinstance(self._edgecolors, str):
            if self._edgecolors == "face":
                diameter = diameter + edge_w
            return MARKERS[self._marker], diameter, face, (0.0, 0.0, 0.0, 0.0), 0.0
        edge = self.get_edgecolor()
        return MARKERS[self._marker], diameter, face, \
            tuple(edge[0]) if len(edge) == 1 else edge, edge_w

    def batch_items(self) -> list[BatchItem]:
        """The points in a Markers batch of their symbol and edge style (only the rows
        changed since last time are uploaded); one batch per edge color when the edges
        differ from point to point; none in density mode."""
        changed, self._dirty = self._dirty, {}
        self._edge_groups = None
        if self._density is not None or not len(self._scaled):
            return []
        symbol, sizes, face, edge, edge_w = self.marker_style()
        if not isinstance(edge, np.ndarray):
            return [BatchItem(Markers, (("symbol", symbol), ("edge_width", edge_w),
                                        ("edge_color", edge)), self.zorder, self._scaled,
                              face, size=sizes, changed=changed)]
        unique, inverse = np.unique(edge, axis=0, return_inverse=True)
        self._edge_groups = [np.flatnonzero(inverse.ravel() == k) for k in range(len(unique))]
        sizes = np.broadcast_to(sizes, (len(self._scaled),))
        face = np.broadcast_to(face, (len(self._scaled), 4))
        return [BatchItem(Markers, (("symbol", symbol), ("edge_width", edge_w),
                                    ("edge_color", tuple(unique[k]))), self.zorder,
                          self._scaled[idx], face[idx], size=sizes[idx],
                          changed=dict.fromkeys(("pos", "size", "color"), True),
                          part=("edge", k))
                for k, idx in enumerate(self._edge_groups)]

    def pick_index(self, index: int, part=None) -> int:
        if isinstance(part, tuple) and part[0] == "edge" and self._edge_groups is not None:
            return int(self._edge_groups[part[1]][index])
        return index

    def legend_handle(self, fontsize_px: float) -> LegendHandle:
        symbol, sizes, face, edge, edge_w = self.marker_style()
        size = float(np.median(sizes)) if np.size(sizes) else \
            self.axes.figure.points_to_pixels(6)
        rgba = face[len(face) // 2] if len(face) else colors.to_rgba("C0")
        if isinstance(edge, np.ndarray):
            edge = tuple(edge[len(edge) // 2])
        return LegendHandle(marker=(symbol, min(size, fontsize_px), rgba, edge, edge_w))

    def get_marker(self):
        """The marker code of the points."""
        return self._marker

    def legend_elements(self, prop: str = "colors", num="auto", fmt=None,
                        func=lambda x: x, **kwargs) -> tuple[list, list]:
        """Handles and labels for a legend of the colors or the sizes of the points
        (matplotlib's ``legend_elements``): ``ax.legend(*sc.legend_elements())``."""
        from .legend_handles import scatter_legend_elements

        return scatter_legend_elements(self, prop, num, fmt, func, kwargs)

    def data_points(self) -> np.ndarray:
        return self._offsets


#: an image's copy (up to 4 float64 channels), its float32 texture and RGBA picture
IMAGE_BYTES_PER_PIXEL = 56


def _extent(extent) -> tuple[float, ...] | None:
    """None or (left, right, bottom, top): four finite numbers."""
    if extent is None:
        return None
    if isinstance(extent, str) or np.ndim(extent) != 1 or len(extent) != 4:
        raise ValueError(f"extent: got {extent!r}, expected (left, right, bottom, top)")
    return tuple(validate.number(v, f"extent[{i}]") for i, v in enumerate(extent))


def _drop_masked(x, y, s, c) -> tuple:
    """x and y with NaN where any of x, y, s or c (one value per point) is masked:
    matplotlib leaves those points out."""
    if not any(np.ma.is_masked(v) for v in (x, y, s, c)):
        return x, y  # (before np.size: a ragged list is refused by name later)
    n = np.size(x)
    masks = [np.ma.getmaskarray(v).reshape(-1) for v in (x, y, s, c)
             if np.ma.is_masked(v) and np.size(v) == n]
    if not masks or np.size(y) != n:
        return x, y
    gone = np.logical_or.reduce(masks)
    arr = as_1d(x, "x").reshape(-1)
    gap = np.array("NaT", dtype=arr.dtype) if arr.dtype.kind in "Mm" else np.nan
    return np.where(gone, gap, arr), y


def _mismatch(x, y):
    raise ValueError(f"x and y must be the same size: got {np.size(x)} and {np.size(y)}")


#: matplotlib's interpolation names lumos draws as they are
_INTERPOLATIONS = {"none": "nearest", "nearest": "nearest", "auto": "nearest",
                   "antialiased": "nearest", "bilinear": "bilinear"}
#: matplotlib's other filters: drawn bilinear, with a one-time notice
_SMOOTH_FILTERS = ("bicubic", "spline16", "spline36", "hanning", "hamming", "hermite",
                   "kaiser", "quadric", "catrom", "gaussian", "bessel", "mitchell", "sinc",
                   "lanczos", "blackman")


def image_interpolation(name) -> str:
    """The filter lumos draws for matplotlib's ``interpolation`` name: 'nearest' for
    'none', 'nearest' and 'auto'/'antialiased' (matplotlib shows upsampled images so),
    'bilinear'; the smooth filters ('bicubic', 'lanczos', ...) are drawn 'bilinear' and
    say so once."""
    if name is None:
        name = rcParams["image.interpolation"]
    if name in _INTERPOLATIONS:
        return _INTERPOLATIONS[name]
    if name in _SMOOTH_FILTERS:
        from .compat import warn_once

        warn_once(f"interpolation {name}", f"interpolation: lumos draws {name!r} as "
                  "'bilinear' (the nearest filter it has)")
        return "bilinear"
    raise ValueError(f"interpolation: got {name!r}, expected one of "
                     f"{', '.join([*_INTERPOLATIONS, *_SMOOTH_FILTERS])}")


def _image_alpha(alpha):
    """None, a number in 0..1, or an (M, N) copy of per-pixel values in 0..1."""
    if alpha is None:
        return None
    if np.ndim(alpha) == 0:
        return float(validate.alpha(alpha))
    a = np.array(alpha, dtype=float, copy=True)
    if a.ndim not in (0, 2):
        raise ValueError(f"alpha: got shape {a.shape}, expected a number or an (M, N) array, "
                         "one per pixel")
    if not np.all((a >= 0) & (a <= 1)):
        raise ValueError("alpha: expected values in 0..1")
    return float(a) if a.ndim == 0 else a


class AxesImage(Artist, ScalarMappable):
    """An image on the axes, as ``ax.imshow`` returns.

    A scalar field with a linear norm, the colormap's default extremes and no alpha is
    colored on the GPU (its data is interpolated, then colormapped: matplotlib's
    'data' stage). Any other norm (log, BoundaryNorm, ...), under/over/bad colors,
    ``alpha`` (a number, or one per pixel) and RGB(A) images are colored here exactly
    as matplotlib does, and the colors are interpolated ('rgba' stage).
    """

    zorder = 0.0

    def __init__(self, axes, data, cmap=None, norm=None, vmin=None, vmax=None, extent=None,
                 origin=None, interpolation=None, alpha=None, label=None, zorder=None,
                 interpolation_stage=None) -> None:
        super().__init__(axes, label, zorder)
        self._init_mappable(cmap, norm, vmin, vmax)
        self._origin = rcParams["image.origin"] if origin is None else origin
        if self._origin not in ("upper", "lower"):
            raise ValueError(f"origin: got {origin!r}, expected 'upper' or 'lower'")
        if interpolation_stage not in (None, "data", "rgba", "auto"):
            raise ValueError(f"interpolation_stage: got {interpolation_stage!r}, expected "
                             "'data', 'rgba' or 'auto'")
        self._stage = interpolation_stage or "auto"
        self._alpha = None
        self._extent_spec = _extent(extent)
        self._visual = Image(np.zeros((1, 1)), interpolation=image_interpolation(interpolation))
        self._alpha = _image_alpha(alpha)
        self.set_data(data)

    def set_data(self, data) -> None:
        """New image data (the same kinds ``imshow`` takes; masked pixels are left out)."""
        if isinstance(data, np.ndarray) and data.ndim >= 2:  # before the copy
            validate.points(data.shape[0] * data.shape[1], "X", IMAGE_BYTES_PER_PIXEL,
                            "pixels", "pass a smaller image (or a lazy array: h5py, zarr, "
                            "Dask or a numpy memmap, which lumos tiles and reads per view)")
        mask = np.ma.getmaskarray(data) if np.ma.is_masked(data) else None
        arr = np.array(validate.numbers_array(np.ma.getdata(data), "X"), copy=True)
        if mask is not None and arr.dtype.kind in "biuf":
            # masked pixels are left out (transparent), as NaN is
            if arr.ndim == 2:
                arr = np.where(mask, np.nan, arr.astype(float))
            elif arr.ndim == 3 and arr.shape[2] in (3, 4):
                rgba = arr.astype(float) / (255.0 if arr.dtype == np.uint8 else 1.0)
                if rgba.shape[2] == 3:
                    rgba = np.concatenate([rgba, np.ones(rgba.shape[:2] + (1,))], axis=2)
                rgba[mask.any(axis=2)] = 0.0
                arr = rgba
        if arr.dtype.kind == "b":
            arr = arr.astype(np.uint8)
        if arr.dtype.kind not in "biuf":
            raise TypeError(f"X: got dtype {arr.dtype}, expected numbers")
        if arr.ndim not in (2, 3) or (arr.ndim == 3 and arr.shape[2] not in (3, 4)):
            raise ValueError(f"X: got shape {arr.shape}, expected (M, N), (M, N, 3) or "
                             "(M, N, 4)")
        self._data = arr
        if arr.ndim == 2:
            self.autoscale_clim(arr)
        self._check_alpha_shape()
        self._upload()

    def get_array(self) -> np.ndarray:
        """A copy of the image data."""
        return self._data.copy()

    def get_extent(self) -> tuple[float, float, float, float]:
        """Where the image lies in data coordinates: (left, right, bottom, top)."""
        if self._extent_spec is not None:
            return tuple(float(v) for v in self._extent_spec)
        h, w = self._data.shape[:2]
        if self._origin == "upper":
            return (-0.5, w - 0.5, h - 0.5, -0.5)
        return (-0.5, w - 0.5, -0.5, h - 0.5)

    def set_extent(self, extent) -> None:
        """Where the image lies in data coordinates: (left, right, bottom, top)."""
        self._extent_spec = _extent(extent)
        self._upload()
        if self.axes is not None and self._extent_spec is not None:
            # as matplotlib: automatic limits fit the new extent, in its order
            self.axes.refit(self)
            left, right, bottom, top = self._extent_spec
            if self.axes.get_autoscalex_on():
                self.axes.set_xlim(left, right, auto=None)
            if self.axes.get_autoscaley_on():
                self.axes.set_ylim(bottom, top, auto=None)

    def set_interpolation(self, interp: str) -> None:
        """matplotlib's filter names (see :func:`image_interpolation`)."""
        self._visual.interpolation = image_interpolation(interp)

    def get_interpolation(self) -> str:
        """The filter the image is drawn with ('nearest' or 'bilinear')."""
        return self._visual.interpolation

    def set_interpolation_stage(self, stage: str) -> None:
        """'data' (interpolate values, then colormap), 'rgba' (colormap, then interpolate
        colors) or 'auto'."""
        if stage not in ("data", "rgba", "auto"):
            raise ValueError(f"interpolation_stage: got {stage!r}, expected 'data', 'rgba' "
                             "or 'auto'")
        self._stage = stage
        self._upload()

    def set_alpha(self, alpha) -> None:
        """A number in 0..1, or one per pixel (an (M, N) array); None: opaque."""
        self._alpha = _image_alpha(alpha)
        self._check_alpha_shape()
        self._upload()

    def get_alpha(self):
        """The opacity: None, a number or one value per pixel."""
        a = self._alpha
        return a.copy() if isinstance(a, np.ndarray) else a

    def _check_alpha_shape(self) -> None:
        a = self._alpha
        if isinstance(a, np.ndarray) and a.shape != self._data.shape[:2]:
            raise ValueError(f"alpha: got shape {a.shape}, expected the image's "
                             f"{self._data.shape[:2]}")

    def _mapping_changed(self) -> None:
        self._upload()

    def on_gpu(self) -> bool:
        """Whether the GPU colors the image (a scalar field, a linear norm, the
        colormap's default extremes, no alpha, and not the 'rgba' stage)."""
        return (self._data.ndim == 2 and self.norm.linear and self._alpha is None
                and self.cmap.has_default_extremes() and self._stage != "rgba")

    def _rgba(self) -> np.ndarray:
        """(M, N, 4) float colors, as matplotlib computes them."""
        arr = self._data
        if arr.ndim == 2:
            if self._stage == "data" and self._visual.interpolation != "nearest":
                from .compat import warn_once

                warn_once("imshow stage data", "interpolation_stage: lumos interpolates "
                          "colors ('rgba') when the image is colored through a non-linear "
                          "norm, extremes or alpha")
            with np.errstate(all="ignore"):
                rgba = np.asarray(self.cmap(self.norm(arr)), dtype=float)
        else:
            rgba = arr.astype(float) / 255.0 if arr.dtype == np.uint8 else \
                np.clip(np.nan_to_num(arr.astype(float)), 0.0, 1.0)
            if rgba.shape[2] == 3:
                rgba = np.concatenate([rgba, np.ones(rgba.shape[:2] + (1,))], axis=2)
        if self._alpha is not None:
            rgba[..., 3] *= self._alpha
        return rgba

    def _upload(self) -> None:
        v = self._visual
        if self.on_gpu():
            v.cmap = self.cmap
            v.set_data(self._data)  # same shape: only the changed texture rows travel
            v.clim = self.get_clim()
        else:
            v.set_data(self._rgba())
            v.clim = None
        self.rescale()

    def rescale(self) -> None:
        left, right, b, t = self.get_extent()
        # row 0 is at the top with origin 'upper'
        y0, y1 = (t, b) if self._origin == "upper" else (b, t)
        (xs0, ys0), (xs1, ys1) = self.axes.transScale.forward(np.array([[left, y0],
                                                                        [right, y1]]))
        xs, ys = np.array([xs0, xs1]), np.array([ys0, ys1])
        # an extent a log axis cannot show (non-positive) hides the image, as it must
        shown = bool(np.isfinite(np.r_[xs, ys]).all())
        self._visual.visible = shown
        if shown:
            self._visual.extent = (xs[0], xs[1], ys[0], ys[1])
        self._visual.order = self.zorder
        self._changed()

    def data_limits(self):
        left, right, b, t = self.get_extent()
        return (min(left, right), max(left, right)), (min(b, t), max(b, t))

    @property
    def sticky(self):
        """Margins stop at the image's edges: the axes show exactly the image
        (matplotlib's sticky edges)."""
        left, right, b, t = self.get_extent()
        return [left, right], [b, t]

    def visuals(self) -> list:
        return [self._visual]


class Text(Artist):
    """A text label at a data position, or a position in the coordinates of any
    transform to figure pixels (``transform=ax.transAxes``: axes fraction), with
    matplotlib's Text properties (:class:`lumos.plot.textstyle.TextStyle`: font family,
    style, weight, size, color, alpha, alignment, rotation and rotation_mode, wrap,
    bbox, path_effects, ...)."""

    zorder = 3.0
    rasterizable = False

    def __init__(self, axes, x, y, text, transform=None, label=None, zorder=None,
                 figure=None, **props) -> None:
        from .textstyle import TextStyle

        super().__init__(axes, label, zorder)
        self.figure = axes.figure if axes is not None else figure  # figure texts: no axes
        self.style = TextStyle()
        self._x, self._y = float(x), float(y)
        self._text = "" if text is None else str(text)
        self._transform = None
        self.set_transform(transform)
        visible = props.pop("visible", True)
        self.style.update(props, "text")
        self._visible = bool(visible)

    def set(self, **kwargs) -> Text:
        from .textstyle import normalize

        for key, value in normalize(kwargs).items():
            setter = getattr(self, f"set_{key}", None)
            if setter is None:
                raise AttributeError(f"Text has no property {key!r}")
            setter(value)
        return self

    def update(self, props: dict) -> None:
        """Set the properties of a dict (matplotlib's ``Text.update``)."""
        self.set(**props)

    def get_text(self) -> str:
        """The string."""
        return self._text

    def set_text(self, text) -> None:
        """A new string."""
        self._text = "" if text is None else str(text)
        self._changed()

    def set_position(self, xy) -> None:
        """A new anchor (x, y) in the text's coordinates."""
        self._x, self._y = (float(v) for v in xy)
        self._changed()

    def get_position(self) -> tuple[float, float]:
        """The anchor (x, y) in the text's coordinates."""
        return self._x, self._y

    def set_x(self, x) -> None:
        """A new x of the anchor, in the text's coordinates."""
        self._x = float(x)
        self._changed()

    def set_y(self, y) -> None:
        """A new y of the anchor, in the text's coordinates."""
        self._y = float(y)
        self._changed()

    def get_fontsize(self) -> float:
        """The font size in points."""
        return self.style.fontsize

    get_size = get_fontsize

    def get_color(self):
        """The text color."""
        return self.style.color

    def get_rotation(self) -> float:
        """The rotation in degrees, counter-clockwise."""
        return self.style.rotation

    def get_horizontalalignment(self) -> str:
        """'left', 'center' or 'right' of the anchor."""
        return self.style.ha

    def get_verticalalignment(self) -> str:
        """'top', 'center', 'bottom' or 'baseline' at the anchor."""
        return self.style.va

    def get_fontweight(self):
        """The font weight (a number or a name)."""
        return self.style.weight or 400

    def get_fontfamily(self):
        """The font families, first preferred."""
        return list(self.style.family or ("sans-serif",))

    def get_fontstyle(self) -> str:
        """'normal', 'italic' or 'oblique'."""
        return self.style.fontstyle or "normal"

    def get_bbox_patch(self):
        """The box drawn behind the text (None without ``bbox``)."""
        return self.style.bbox

    def get_alpha(self):
        """The text's opacity (None: its color's)."""
        return self.style.alpha

    def set_transform(self, transform) -> None:
        """Any transform to figure pixels: lumos's (``ax.transAxes``, ``fig.transFigure``,
        ...) or matplotlib's."""
        from .transforms_compat import as_transform

        self._transform = None if transform is None else as_transform(transform,
                                                                     "transform")
        self._changed()

    def get_transform(self):
        """The transform of the position (``ax.transData`` unless given)."""
        return self.axes.transData if self._transform is None else self._transform

    def pixel_position(self) -> tuple[float, float]:
        """Where the anchor lands, in figure pixels from the bottom left."""
        x, y = self.get_transform().forward(np.array([self._x, self._y]))
        return float(x), float(y)

    def get_window_extent(self, renderer=None):
        """The text's box in figure pixels (x0, y0, x1, y1 as a Bbox-like object)."""
        from .textstyle import extent

        fig = self.figure
        x, y = self.pixel_position()
        w, h, d = extent(fig, self._text, self.style)
        from . import text as textmod

        size = fig.points_to_pixels(self.style.fontsize)
        tx, ty, ha, _ = textmod.place(self._text, x, y, size, self.style.ha, self.style.va,
                                      0.0, face=self.style.face())
        x0 = tx - {"left": 0.0, "center": 0.5, "right": 1.0}[ha] * w
        return PixelBox(x0, ty - d, x0 + w, ty - d + h)

    def get_clip_on(self) -> bool:
        """Whether the text hides when its anchor leaves the axes (``clip_on``)."""
        return self.style.clip_on

    def set_clip_on(self, clip_on) -> None:
        """Hide the text when its anchor leaves the axes (True) or not (False)."""
        self.style.set_clip_on(clip_on)
        self._changed()
    def page_anchor(self) -> dict | None:
        """What a page moving the axes' view needs to move the text with it: ``xy`` the
        data point it is anchored at (None: fixed), ``clip`` the data point that hides
        it when out of the axes (None: never hidden), ``arrow`` the data point an arrow
        ends at (None: no arrow); None when it is not anchored to data at all."""
        if self.axes is None or self.get_transform() is not self.axes.transData:
            return None
        xy = (self._x, self._y)
        return {"xy": xy, "clip": xy if self.style.clip_on else None, "arrow": None}

    def _clipped(self) -> bool:
        """``clip_on``: hidden when its anchor leaves the axes (drawn whole otherwise)."""
        if not self.style.clip_on or self.axes is None:
            return False
        x, y = self.pixel_position()
        bx, by, bw, bh = self.axes.box
        return not (bx <= x <= bx + bw and by <= y <= by + bh)

    def draw_overlay(self, ov) -> None:
        """The text (its box and effects) in figure pixels."""
        from .textstyle import draw_text

        if not self._text or self._clipped():
            return
        x, y = self.pixel_position()
        draw_text(ov, self.figure, self._text, x, y, self.style)


class PixelBox:
    """A box in figure pixels (what ``get_window_extent`` gives)."""

    def __init__(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.x0, self.y0, self.x1, self.y1 = x0, y0, x1, y1

    @property
    def width(self) -> float:
        """The width in pixels."""
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        """The height in pixels."""
        return self.y1 - self.y0

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """(x0, y0, width, height) in figure pixels."""
        return self.x0, self.y0, self.width, self.height

    def __repr__(self) -> str:
        return f"Bbox([[{self.x0:g}, {self.y0:g}], [{self.x1:g}, {self.y1:g}]])"


def _style_setter(name: str):
    def setter(self, value) -> None:
        getattr(self.style, name)(value)
        self._changed()

    setter.__name__ = name
    setter.__doc__ = f"matplotlib's ``Text.{name}``."
    return setter


def _install_style_setters() -> None:
    from .textstyle import ALIASES, TextStyle

    for name in dir(TextStyle):
        if name.startswith("set_") and not hasattr(Text, name):
            setattr(Text, name, _style_setter(name))
    for alias, key in ALIASES.items():
        if not hasattr(Text, f"set_{alias}") and hasattr(Text, f"set_{key}"):
            setattr(Text, f"set_{alias}", getattr(Text, f"set_{key}"))


def _font_size(size) -> float:
    return font_points(size)


def _rotation(rotation) -> float:
    if rotation is None:
        return 0.0
    rotation = validate.rotation(rotation)
    return {"horizontal": 0.0, "vertical": 90.0}.get(rotation, rotation)


_install_style_setters()
