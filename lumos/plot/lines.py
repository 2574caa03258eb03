"""Line2D: the line with markers that ``ax.plot`` returns; it uploads only the rows
that change (``line.ydata[i:j] = v``: :class:`~lumos.plot.line_data.DataView`) and draws
matplotlib's step styles (``drawstyle='steps-pre'``, ...: :mod:`lumos.plot.line_data`).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import numpy as np

from .. import colors, visuals
from ..gpu.resources import changed_rows
from ..primitives import CAPS, JOINS
from ..visuals import Line
from . import category, validate
from .artists import (
    MARKER_SCALE,
    Artist,
    BatchItem,
    LegendHandle,
    as_values,
    check_linestyle,
    check_marker,
    is_line_marker,
    marker_symbol,
)
from .line_api import LineAPI
from .line_data import DataView, drawstyle_points, finite_range
from .line_data import step_points as step_points  # a name of this module before
from .line_effects import PathEffects, needs_view
from .snapping import draw_markers_snap, rectilinear, snap_threshold
from .style import dash_offset, dash_pattern, rcParams

if TYPE_CHECKING:
    from .legend_best import Obstacles

# Lines longer than this get a batch visual of their own so that they are never copied
# into a joined batch (memory: the visual then shares the artist's array) nor re-joined
# when another line of the batch changes length.
_OWN_VISUAL = 1_000_000
_GAPS_BELOW = 1e-6  # zorder under its dashes that a gapcolor line's gaps take


def _style_join(marker) -> tuple:
    """How a MarkerStyle joins its edge's corners and ends its line markers (its
    ``joinstyle`` and ``capstyle``: matplotlib's Line2D strokes markers so); None, None
    for a marker code: the symbol's own."""
    join, cap = getattr(marker, "get_joinstyle", None), getattr(marker, "get_capstyle", None)
    return join() if callable(join) else None, cap() if callable(cap) else None


def _style_fill(marker, fillstyle: str) -> str:
    """The fill style of a line given ``marker``: a MarkerStyle's own (matplotlib's Line2D
    copies the style whole), else ``fillstyle``."""
    own = getattr(marker, "get_fillstyle", None)
    return own() if callable(own) else fillstyle


class Line2D(LineAPI, PathEffects, Artist):
    """A line with optional markers, as ``ax.plot`` returns.

    Changing data uploads only what changed: ``set_data(x, y)`` and ``set_ydata(y)``
    with as many points as before upload the rows that differ, and
    ``line.ydata[i:j] = v`` uploads rows i:j (x scrolls with ``xdata`` alike).
    """

    zorder = 2.0
    #: whether ``gapcolor`` is drawn (lines drawn by a visual of their own do not)
    draws_gaps = True

    def __init__(self, axes, x, y, color=None, linewidth=None, linestyle=None, marker=None,
                 markersize=None, markerfacecolor=None, markeredgecolor=None,
                 markeredgewidth=None, alpha=None, label=None, zorder=None,
                 drawstyle="default", markevery=None, fillstyle="full",
                 markerfacecoloralt="none", dashes=None, solid_capstyle=None,
                 dash_capstyle=None, solid_joinstyle=None, dash_joinstyle=None,
                 antialiased=None, gapcolor=None, path_effects=None,
                 pickradius: float = 5.0) -> None:
        super().__init__(axes, label, zorder)
        self._gapcolor = None
        self.set_pickradius(pickradius)
        # None: the rcParams of now, as matplotlib
        self._solid_cap = _style(solid_capstyle, "solid_capstyle", CAPS)
        self._dash_cap = _style(dash_capstyle, "dash_capstyle", CAPS)
        self._solid_join = _style(solid_joinstyle, "solid_joinstyle", JOINS)
        self._dash_join = _style(dash_joinstyle, "dash_joinstyle", JOINS)
        self._antialiased = bool(rcParams["lines.antialiased"] if antialiased is None
                                 else antialiased)
        # The data in axis units: one (N, 2) float64 array, x and y are its columns.
        # With linear axes and no steps it is also what the batch draws (_scaled), so
        # a long line is held once, not as data plus positions. Fortran order: each
        # column is contiguous, so comparing, writing and binning y (the pyramid) read
        # and write memory in order, with no strided copies.
        self._xy = np.zeros((0, 2), order="F")
        self._x, self._y = self._xy[:, 0], self._xy[:, 1]
        # rows of _scaled changed since the axes last uploaded: None, (start, stop), True
        self._dirty_rows: tuple[int, int] | bool | None = True
        self._x_moved = True  # whether x changed in those rows (else x-sorted stays so)
        self._limits_cache = None
        # kept as given ('r', 'C1', '#ff0000', a tuple), as matplotlib's get_color returns it
        self._color = _checked_color(color if color is not None else rcParams["lines.color"])
        self._alpha = alpha
        self._linewidth = float(rcParams["lines.linewidth"] if linewidth is None else linewidth)
        if dashes is not None:  # matplotlib: dashes win over a named style
            linestyle = (0, dashes)
        self._linestyle = check_linestyle(rcParams["lines.linestyle"] if linestyle is None
                                          else linestyle)
        self._marker = check_marker(rcParams["lines.marker"] if marker is None else marker)
        self._marker_join, self._marker_cap = _style_join(marker)
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
        self.set_fillstyle(_style_fill(marker, fillstyle))
        self._mfcalt = "none"
        self.set_markerfacecoloralt(markerfacecoloralt)
        self._scaled = self._markers_scaled = np.zeros((0, 2))
        self.set_data(x, y)
        self.set_markevery(markevery)  # indices are checked against the data
        if gapcolor is not None:
            self.set_gapcolor(gapcolor)
        if path_effects is not None:
            self.set_path_effects(path_effects)

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
        xy = np.empty((len(xs), 2), order="F")
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
        self._rows_only_changed()

    def _changed(self) -> None:
        self._markers_changed = True
        super()._changed()

    def _rows_only_changed(self) -> None:
        """Rows of the data changed in place, nothing else: the axes hands them to the
        batches alone (``artist_rows_changed``). A subclass that does more on a change
        (its own ``_changed``), a line whose limits follow its data (``live_limits``) or
        an axes that cannot take rows alone get the whole change."""
        take = getattr(self.axes, "artist_rows_changed", None)
        if take is None or self.live_limits or type(self)._changed is not Line2D._changed:
            self._changed()
            return
        self._markers_changed = True
        take(self)

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
        x, y = drawstyle_points(self._x, self._y, self._drawstyle)
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
        view = ax.view_state()
        if view != self._markers_view:  # other points may carry them: upload them again
            self._markers_view = view
            self._markers_changed = True
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

    def batch_follows_view(self) -> bool:
        """Markers spaced on screen and effects offset in pixels follow the view."""
        # (needs_view imports the effects: not for a line without any)
        return isinstance(self._markevery, tuple) or (
            bool(self._path_effects) and needs_view(self._path_effects))

    def draw_overlay(self, ov) -> None:
        # markers spaced on screen are chosen again when the view has moved
        if isinstance(self._markevery, tuple) and self._markers_view is not None \
                and self._markers_view != self.axes.view_state():
            self._markers_changed = True
            self._changed()
        if self.effects_moved():  # offsets and ticks are in pixels
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
        line = None
        if self._linestyle is not None and len(self._scaled) >= 2:
            width = self.axes.figure.points_to_pixels(self._linewidth)
            rows = self._dirty_rows
            rgba = self.line_rgba()
            # a translucent line alone: its layer blends its own overlaps once, not its
            # crossings with other lines (lumos.visuals.line_layer)
            line = BatchItem(Line, (("width", width),
                                    ("dashes", dash_pattern(self._linestyle, width)),
                                    *self.line_look().items()),
                             self.zorder, self._scaled, rgba,
                             changed={} if rows is None else
                             {"pos": rows, "y_only": not self._x_moved}, part="line",
                             alone=len(self._scaled) > _OWN_VISUAL or rgba[3] < 1.0)
        gaps = self._gap_item(line) if line is not None else None
        items = ([] if gaps is None else [gaps]) + self.effects_applied(line)
        self._dirty_rows = None
        self._x_moved = False
        markers = self.marker_positions() if self._marker is not None else ()
        if len(markers):
            symbol, size, face, edge, edge_w = self.marker_style()
            n = len(markers)
            changed = dict.fromkeys(("pos", "size", "color"), True) \
                if self._markers_changed else {}
            items.append(BatchItem(visuals.Markers,
                                   (("symbol", symbol), ("edge_width", edge_w),
                                    ("edge_color", edge), ("join", self._marker_join),
                                    ("cap", self._marker_cap), ("snap", self._marker_snap())),
                                   self.zorder, markers,
                                   np.tile(face, (n, 1)), size=np.full(n, size),
                                   changed=changed, part="markers"))
        self._markers_changed = False
        return items

    def _gap_item(self, line: BatchItem) -> BatchItem | None:
        """The gaps of the dashed ``line`` item in ``gapcolor``: matplotlib's inverse
        pattern (its last gap first, the offset moved past it), drawn just under it."""
        style = dict(line.style)
        dashes = style["dashes"]
        if self._gapcolor is None or dashes is None:
            return None
        style["dashes"] = (dashes[-1], *dashes[:-1])
        style["dash_offset"] = style["dash_offset"] + dashes[-1]
        # a hair under the dashes: the gaps' batch never covers them (same zorder
        # batches draw in the order they were made)
        return BatchItem(Line, tuple(style.items()), line.order - _GAPS_BELOW, line.pos,
                         colors.to_rgba(self._gapcolor, self._alpha), changed=line.changed,
                         part="gaps", alone=line.alone)

    def set_gapcolor(self, gapcolor) -> None:
        """The color of the gaps of a dashed line (None: no gaps drawn)."""
        if gapcolor is not None:
            if not self.draws_gaps:
                raise TypeError(f"gapcolor: {type(self).__name__} draws no gaps; got "
                                f"{gapcolor!r}, expected None")
            colors.to_rgba(gapcolor, argname="gapcolor")
        self._gapcolor = gapcolor
        self._changed()

    def get_gapcolor(self):
        """The color of the gaps of a dashed line, or None."""
        return self._gapcolor

    def is_dashed(self) -> bool:
        """Whether the line is dashed (matplotlib's name)."""
        return self._linestyle is not None and dash_pattern(self._linestyle, 1.0) is not None

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
        line, strokes, over = self.effects_legend(line, fontsize_px)
        if line is not None and line[2] is not None and self._gapcolor is not None:
            # the gaps: a solid line in gapcolor under the dashes (the handle's whole length)
            strokes += ((np.array([[0.0, 0.0, 0.0], [1.0, 0.0, 0.0]]),
                         colors.to_rgba(self._gapcolor, self._alpha), line[1], None),)
        return LegendHandle(line=line, marker=marker, strokes=strokes, over=over,
                            line_look={k: look[k] for k in ("cap", "dash_cap", "join",
                                                            "dash_offset")})

    def data_points(self) -> np.ndarray:
        return np.c_[self._x, self._y]

    def legend_obstacles(self) -> Obstacles:
        """Its vertices and its path, a line of markers alone too (matplotlib's)."""
        from .legend_best import Obstacles, thinned  # loaded by a 'best' legend

        return Obstacles.outline([self.axes.transData.forward(thinned(self.data_points()))])

    @property
    def connects_points(self) -> bool:  # type: ignore[override]
        return self._linestyle is not None

    def data_limits(self):
        xscale, yscale = self.axes.xaxis.scale, self.axes.yaxis.scale
        key = (self._x, self._y, xscale.name, yscale.name)
        cached = self._limits_cache
        if cached is not None and all(a is b for a, b in zip(cached[0], key, strict=True)):
            return cached[1]
        xr = finite_range(self._x, xscale.fits_positive)
        yr = finite_range(self._y, yscale.fits_positive)
        limits = None if xr is None or yr is None else (xr, yr)
        self._limits_cache = (key, limits)
        return limits

    # style
    def get_color(self):
        """The line color as given ('r', 'C1', '#ff0000', a tuple; after ``plot`` with no
        color, the color of the property cycle), as matplotlib returns it."""
        return self._color

    def set_color(self, color) -> None:
        """The line color (markers too, unless their own colors are set)."""
        self._color = _checked_color(color)
        self._changed()

    def get_linewidth(self) -> float:
        """The line width in points."""
        return self._linewidth

    def set_linewidth(self, lw: float) -> None:
        """The line width in points."""
        self._linewidth = validate.number(lw, "linewidth", 0.0)
        self._changed()

    def get_linestyle(self):
        """The line style: '-', '--', ':', '-.', 'None' or ``(offset, (on, off, ...))``."""
        return self._linestyle or "None"

    def set_linestyle(self, ls) -> None:
        """The line style: '-', '--', ':', '-.', 'None' or ``(offset, (on, off, ...))``
        (offset and dash lengths in line widths)."""
        self._linestyle = check_linestyle(ls)
        self._changed()

    def set_dashes(self, seq) -> None:
        """Dash lengths (on, off, ...) in line widths; ``(None, None)`` for a solid line."""
        self.set_linestyle("-" if seq is None or tuple(seq) == (None, None) else (0, seq))

    def get_marker(self):
        """The marker code, or None."""
        return "None" if self._marker is None else self._marker

    def set_marker(self, marker) -> None:
        """The marker code ('o', 's', '^', ...), or None."""
        self._marker = check_marker(marker)
        self._marker_join, self._marker_cap = _style_join(marker)
        self.set_fillstyle(_style_fill(marker, self._fillstyle))

    def set_markersize(self, ms: float) -> None:
        """The marker size in points."""
        self._markersize = validate.number(ms, "markersize", 0.0)
        self._changed()

    def set_markerfacecolor(self, c) -> None:
        """The marker face color (None: the line color)."""
        self._mfc = validate.color(c, "markerfacecolor")
        self._changed()

    def get_markerfacecolor(self):
        """The marker face color as given; the line color when none was given, 'none'
        for hollow markers (``fillstyle='none'``), as matplotlib returns it."""
        if self._fillstyle == "none":
            return "none"
        return self._color if _is_auto(self._mfc) else self._mfc

    def get_markeredgecolor(self):
        """The marker edge color as given, or the line color when none was given."""
        return self._color if _is_auto(self._mec) else self._mec

    get_mfc, get_mec = get_markerfacecolor, get_markeredgecolor

    def set_markerfacecoloralt(self, c) -> None:
        """The color of the other half of half-filled markers (``fillstyle`` 'left',
        'right', 'bottom', 'top'; None: the line color, 'none': transparent)."""
        self._mfcalt = validate.color(c, "markerfacecoloralt")
        self._changed()

    def get_markerfacecoloralt(self):
        """The color of the other half of half-filled markers."""
        return self._color if _is_auto(self._mfcalt) else self._mfcalt

    def set_markeredgecolor(self, c) -> None:
        """The marker edge color (None: the line color)."""
        self._mec = validate.color(c, "markeredgecolor")
        self._changed()

    def get_markersize(self) -> float:
        """The marker size in points."""
        return self._markersize

    def get_markeredgewidth(self) -> float:
        """The marker edge width in points."""
        return self._mew

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
        from ..visuals.marker_shapes import HALF_FILLABLE

        px = self.axes.figure.points_to_pixels
        edge = colors.to_rgba(self.get_markeredgecolor(), self._alpha)
        # fillstyle 'none' empties the marker whatever its face color (matplotlib)
        face = colors.to_rgba(self.get_markerfacecolor(), self._alpha)
        size = px(self._markersize) * MARKER_SCALE.get(self._marker, 1.0)
        edge_w = px(self._mew)
        if is_line_marker(self._marker):
            face = edge
        symbol = marker_symbol(self._marker)
        if self._fillstyle not in ("full", "none") and isinstance(symbol, str) \
                and symbol in HALF_FILLABLE:
            from ..visuals.markers import HalfFilled

            symbol = HalfFilled(symbol, self._fillstyle)
        if self._fillstyle not in ("full", "none") and hasattr(symbol, "alt"):
            # a half fill (a turned MarkerStyle's comes whole from check_marker)
            alt = colors.to_rgba(self.get_markerfacecoloralt(), self._alpha)
            symbol = dataclasses.replace(symbol, alt=alt)
        return symbol, size, face, edge, edge_w

    def set_fillstyle(self, fs) -> None:
        """'full', 'none' (hollow markers), or the half ('left', 'right', 'bottom', 'top')
        filled with the face color, the other with ``markerfacecoloralt``."""
        if fs not in ("full", "left", "right", "bottom", "top", "none"):
            raise ValueError(f"fillstyle: got {fs!r}, expected 'full', 'left', 'right', "
                             "'bottom', 'top' or 'none'")
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
        joinstyle), ``antialiased`` and ``dash_offset`` (pixels) for this line."""
        solid = self._linestyle is None or dash_pattern(self._linestyle, 1.0) is None
        width = self.axes.figure.points_to_pixels(self._linewidth)
        return {"cap": self.get_solid_capstyle(), "dash_cap": self.get_dash_capstyle(),
                "join": self.get_solid_joinstyle() if solid else self.get_dash_joinstyle(),
                "antialiased": self._antialiased,
                "dash_offset": 0.0 if solid else dash_offset(self._linestyle, width),
                "snap": self._snaps()}

    def _marker_snap(self):
        """How Agg's draw_markers snaps the markers' paths, as matplotlib's Line2D.draw
        decides (not from ``get_snap``): by the marker's snap threshold, markers at least
        that many pixels big snapped, smaller ones not, and 'auto' for a marker without
        one (hexagons, ',', paths, text); their origins round to whole pixels whatever
        it is."""
        threshold = None if self._marker == "," else snap_threshold(
            marker_symbol(self._marker))
        if threshold is None:
            return draw_markers_snap(None)
        return bool(self.axes.figure.points_to_pixels(self._markersize) >= threshold)

    def _snaps(self) -> bool:
        """Whether Agg snaps the line to the pixel grid (``get_snap``; None: only a path
        of horizontal and vertical segments, at most 1024 points, as Agg's PathSnapper
        decides; the Line shader rounds the segments that are)."""
        snap = self.get_snap()
        if snap is not None:
            return snap
        # (an axhline's batch positions are empty: its own visual, one straight segment)
        return rectilinear(self.axes, [getattr(self, "_scaled", np.zeros((0, 2)))])


def _checked_color(color, argument: str = "color"):
    """``color`` as given, once ``lumos.colors`` reads it as one color."""
    colors.to_rgba(color, argname=argument)
    return color


def _is_auto(color) -> bool:
    """Whether a marker color follows the line color (None or 'auto')."""
    return color is None or isinstance(color, str) and color.lower() == "auto"


def _style(value, argument: str, allowed: tuple[str, ...]) -> str:
    """A cap or join style lumos draws; None: ``rcParams["lines.<argument>"]``."""
    if value is None:
        value = rcParams[f"lines.{argument}"]
    value = getattr(value, "value", value)  # matplotlib's CapStyle and JoinStyle
    if value not in allowed:
        raise ValueError(f"{argument}: got {value!r}, expected one of {', '.join(allowed)}")
    return value
