"""Thick antialiased lines: one instanced quad per segment, or, for a solid line in a
2D view, two triangles per segment read by gl_VertexID from row textures in runs
(:mod:`.line_rows`); many lines per draw."""

from __future__ import annotations

import numpy as np

from ..gpu.frame import Attribute, Draw, State
from ..gpu.resources import Buffer
from ..transforms import subdivide
from .base import (
    FLOAT32_MAX,
    DrawContext,
    Member,
    PrimitiveContext,
    RowBounds,
    Visual,
    centre_origin,
    changed_span,
    check_number,
    check_positive,
    finite_rows,
    float32_offsets,
    is_nonlinear,
    origin_for,
    rgba_bytes,
    transform_parts,
    transformed_bounds,
    warn_clipped,
    window_xy,
)
from .line_geometry import (
    CHUNK,
    as_line,
    chunked_finite_bounds,
    join_lines,
    line_paths,
    pad3,
    point_colors,
    take_rows,
)
from .line_layer import OnceLayer, is_layer_draw, nearest_segment
from .line_rows import LineRuns, box_of, inside_box
from .line_scan import dash_scan
from .line_shaders import CAPS, JOINS, SCAN_MAX_ROWS, SCAN_WIDTH, dash_uniforms, line_program
from .lod import MinMaxPyramid, is_sorted

LOD_THRESHOLD = 8192
_MIN_LOD_LINE = 64  # shorter lines of a batch are drawn whole: a pyramid would not pay


def _same_memory(a: np.ndarray, b: np.ndarray) -> bool:
    """Whether two arrays are the very same elements (the same buffer, offset, shape
    and strides): copying one onto the other would change nothing."""
    ia, ib = a.__array_interface__, b.__array_interface__
    return (ia["data"][0] == ib["data"][0] and a.shape == b.shape
            and a.strides == b.strides and a.dtype == b.dtype)


def _check_style(value, argument: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise ValueError(f"{argument}: got {value!r}, expected one of {', '.join(allowed)}")
    return value


def _check_flag(value, argument: str) -> bool:
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{argument}: got {value!r}, expected True or False")
    return bool(value)


class Line(Visual):
    """Polylines of ``width`` logical pixels (0: nothing drawn); NaN rows break a line.

    >>> Line(pos=np.c_[x, y], color="red", width=2)
    >>> Line(pos=[xy0, xy1, xy2], color=["C0", "C1", "C2"])   # three lines, one draw
    >>> line.update_points(1000, new_xy)   # uploads len(new_xy) rows (its centre kept)

    ``dashes``: up to four (on, off) pairs in logical pixels, the pattern started
    ``dash_offset`` pixels into it. ``color`` is one color, one per line, or one per
    point (N, 3|4). ``cap`` shapes the
    open ends of a solid line, ``dash_cap`` the ends of dashes ("round", "butt",
    "projecting"; matplotlib's solid_capstyle and dash_capstyle), ``join`` the
    corners ("round", "miter", "bevel"; a miter reaches ``miter_limit`` half widths
    at most, by default the width in pixels, as matplotlib's Agg); ``antialiased``
    False draws hard edges. A translucent line (a color with alpha below 1) blends
    once where it crosses itself, as matplotlib's Agg: in 2D views it draws through a
    layer of its own (:mod:`lumos.visuals.line_layer`); opaque lines draw straight.

    ``set_members`` draws the lines of several owners as one batch and uploads only the
    rows each reports changed; ``member_at`` says whose point a picked index is.

    ``lod``: long x-sorted lines ("auto": over LOD_THRESHOLD points in all) are drawn
    as their min/max envelope per pixel column in 2D views, which looks the same and
    costs O(pixels) per view change instead of O(N). In a batch of several lines each
    x-sorted line gets its own pyramid and the decimated lines are joined (one draw);
    lines that are not x-sorted are drawn whole. Colors must be one or one per line.
    """

    def __init__(self, pos=None, color="black", width: float = 1.0, dashes=None,
                 lod: bool | str = "auto", cap: str = "round", join: str = "round",
                 miter_limit: float | None = None, antialiased: bool = True,
                 dash_cap: str = "butt", dash_offset: float = 0.0, snap: bool = False) -> None:
        super().__init__()
        self.cap = cap
        self.dash_cap = dash_cap
        self.join = join
        self.miter_limit = miter_limit
        self.antialiased = antialiased
        self.snap = snap
        if lod not in (True, False, "auto"):
            raise ValueError(f"lod: got {lod!r}, expected True, False or 'auto'")
        self._lod = lod
        self._pyramids: list | None = None  # one per line (None: drawn whole) under LOD
        self._lod_key = None
        self._scan: list | None = None  # the dash scan's render targets (made when dashed)
        self._layer: OnceLayer | None = None  # a translucent line's layer (made when drawn)
        self._alpha_seen: tuple = (None, False)  # (colors, any alpha below 1) last checked
        self._bytes_seen: tuple = (None, None)  # (colors, their RGBA bytes) last converted
        self._blank_seen: tuple = (-1, False)  # (positions' version, no point drawn) checked
        self.dashes = dashes
        self.dash_offset = dash_offset
        self._points = np.zeros((0, 2))
        self._owner = None
        self._spans = [(0, 0)]
        self._pos_buffer = Buffer(np.zeros((2, 4), np.float32))  # see _upload_points
        self._color_buffer = Buffer(np.zeros((0, 4), np.uint8))
        self._colors_of_rgba = None  # the _rgba whose colors the color buffer holds
        self._origin = np.zeros(3)
        # data box (x lo, y lo, x hi, y hi) holding every uploaded finite point (None:
        # not known) and the draws' runs of segments with and without an open end
        # (_joined_runs) with the textures of the rows they read
        self._box: tuple | None = None
        self._runs: LineRuns | None = None  # made when first drawn in runs
        self._breaks = False  # whether a drawn row may be a break (False: none is)
        self._attributes: dict | None = None  # _segment_attributes (made when first drawn)
        self._row_bounds = RowBounds()  # the points' bounds as rows change (update_points)
        self._bounds = None  # cached finite bounds of the points, (2, 3)
        self._source_index = None  # fractional source row of each drawn point (curves)
        self._color = color
        self._rgba, self._rgba_per_line = np.zeros((1, 4)), False
        self._member_keys: list = []  # the owner of each line (set_members)
        self.data_version = 0  # counts changes of the points (followers cache on it)
        self._member_signature = None
        self.width = width
        self.set_data(np.zeros((0, 2)) if pos is None else pos)

    # -- properties --------------------------------------------------------------
    @property
    def pos(self) -> np.ndarray:
        """Float64 (N, 3) points (lines joined by NaN rows); a copy."""
        return pad3(self._points).copy()

    @pos.setter
    def pos(self, value) -> None:
        self.set_data(value)

    @property
    def width(self) -> float:
        """The line width in logical pixels."""
        return self._width

    @width.setter
    def width(self, value: float) -> None:
        self._width = check_positive(value, "width")

    @property
    def cap(self) -> str:
        """How open line ends look: "round", "butt" (square at the end) or "projecting"
        (square, half the width beyond), matplotlib's capstyle names."""
        return self._cap

    @cap.setter
    def cap(self, value: str) -> None:
        self._cap = _check_style(value, "cap", CAPS)

    @property
    def dash_cap(self) -> str:
        """How each dash of a dashed line ends: "butt", "round" or "projecting"."""
        return self._dash_cap

    @dash_cap.setter
    def dash_cap(self, value: str) -> None:
        self._dash_cap = _check_style(value, "dash_cap", CAPS)

    @property
    def join(self) -> str:
        """How corners look: "round", "miter" or "bevel", matplotlib's joinstyle names."""
        return self._join

    @join.setter
    def join(self, value: str) -> None:
        self._join = _check_style(value, "join", JOINS)

    @property
    def miter_limit(self) -> float | None:
        """How far a miter may reach from its corner, in half line widths, before it is
        cut square (None: the line width in pixels, as matplotlib's Agg renderer)."""
        return self._miter_limit

    @miter_limit.setter
    def miter_limit(self, value) -> None:
        self._miter_limit = None if value is None else check_positive(value, "miter_limit")

    @property
    def snap(self) -> bool:
        """Whether the line's straight horizontal and vertical segments sit on the device
        pixel grid as matplotlib's Agg snaps them (``path.snap``: each end to the nearest
        pixel edge, plus half a pixel for an odd number of pixels wide); the shader
        rounds them for each view, so a pan keeps them there. Vector output keeps the
        exact points, as matplotlib's vector backends do."""
        return self._snap

    @snap.setter
    def snap(self, value) -> None:
        self._snap = _check_flag(value, "snap")

    @property
    def antialiased(self) -> bool:
        """Smooth edges (True) or hard ones, each pixel in or out (False)."""
        return self._antialiased

    @antialiased.setter
    def antialiased(self, value) -> None:
        self._antialiased = _check_flag(value, "antialiased")

    @property
    def dashes(self) -> tuple[float, ...] | None:
        """Dash pattern: up to four (on, off) pairs in logical pixels, or None (solid)."""
        return self._dashes

    @dashes.setter
    def dashes(self, value) -> None:
        if value is None:
            self._dashes = None
            return
        try:
            vals = [float(v) for v in value]
        except (TypeError, ValueError):
            raise TypeError(f"dashes: got {value!r}, expected numbers (on, off[, on, off])") \
                from None
        if len(vals) not in (2, 4, 6, 8) or not all(np.isfinite(vals)) or min(vals) < 0 \
                or sum(vals) <= 0:
            raise ValueError(f"dashes: got {value!r}, expected 2, 4, 6 or 8 lengths >= 0 in "
                             "pixels")
        while len(vals) > 2 and vals[-1] == vals[-2] == 0:  # (on, off, 0, 0): one pair
            vals = vals[:-2]
        self._dashes = tuple(vals)

    @property
    def dash_offset(self) -> float:
        """How far into the dash pattern each line (and each piece after a NaN break)
        starts, in logical pixels; negative: that far before it (matplotlib's offset)."""
        return self._dash_offset

    @dash_offset.setter
    def dash_offset(self, value: float) -> None:
        self._dash_offset = check_number(value, "dash_offset")

    @property
    def color(self):
        """One color, or one per vertex."""
        return self._color

    @color.setter
    def color(self, value) -> None:
        self._rgba, self._rgba_per_line = point_colors(value, self._owner, len(self._points))
        self._color = value
        if (self._pyramids is not None) != self._lod_applies():
            self._upload_geometry()  # per-point colors turn level of detail off, and back
        else:
            self._color_buffer.set_data(self._colors())
            self._colors_of_rgba = self._rgba

    def set_data(self, pos, color=None, copy: bool = True) -> None:
        """Replace the points (any count), and the colors when given (else the color
        spec is kept). Input that does not fit leaves the line as it was.

        ``copy=False`` keeps one float64 C- or Fortran-contiguous (N, 2|3) array as it
        is (no copy; for owners such as plot artists that hold the data anyway): whoever
        changes it afterwards must call ``update_points`` for the rows changed."""
        points, owner, spans = join_lines(pos, copy)
        color = self._color if color is None else color
        rgba, per_line = point_colors(color, owner, len(points))
        if len(rgba) == 1 and len(self._rgba) == 1 and rgba.tolist() == self._rgba.tolist():
            rgba = self._rgba  # the same color: its bytes held need no new pass (ticks)
        self._points, self._owner, self._spans, self._color = points, owner, spans, color
        self._rgba, self._rgba_per_line = rgba, per_line
        self._upload_geometry()

    def set_members(self, members: list[Member]) -> None:
        """Draw the lines of several owners (one line each, one color each) as one
        batch. With the same owners and lengths as last time only the rows each member
        reports changed (``Member.changed["pos"]``) are uploaded; anything else
        rebuilds the batch. One member's line is kept without a copy (``copy=False``)."""
        signature = tuple((m.key, len(m.pos), tuple(np.ravel(m.color))) for m in members)
        if signature == self._member_signature:
            start = 0
            for m in members:
                span = changed_span(m.changed.get("pos"), len(m.pos))
                if span is not None:
                    self.update_points(start + span[0], m.pos[span[0] : span[1]],
                                       y_only=m.changed.get("y_only", False))
                start += len(m.pos) + 1  # the NaN row between two lines
        elif len(members) > 1:
            self.set_data([m.pos for m in members], color=[m.color for m in members])
        else:
            self.set_data(members[0].pos, color=members[0].color, copy=False)
        self._member_signature = signature
        self._member_keys = [m.key for m in members]

    def member_at(self, index: int) -> tuple[object, int]:
        """``(key, row of that member's line)`` of a row of the joined points."""
        if not self._member_keys:
            return None, index
        for key, (start, stop) in zip(self._member_keys, self._spans, strict=True):
            if start <= index < stop:
                return key, index - start
        return None, index

    def pick_index(self, raw: int, frame, draw, x: float, y: float) -> int:
        """The data point (row of ``pos``) nearer the cursor of the picked segment."""
        rows = self._pos_buffer.data[1:-1, :3].astype(float)  # drawn points, float32 local
        if is_layer_draw(draw):  # a translucent line's layer: the segment under (x, y)
            raw = nearest_segment(self._window_xy(frame, draw, rows), x, y)
        elif draw.instances is None:  # a run's triangle (two per segment, _joined_runs)
            raw = raw // 2 + draw.int_uniforms["u_first"]
        if raw + 1 >= len(rows):
            return raw
        px = self._window_xy(frame, draw, rows[raw : raw + 2])
        nearer = raw + int(np.hypot(*(px[1] - (x, y))) < np.hypot(*(px[0] - (x, y))))
        source = self._source_index
        return int(round(float(source[nearer]))) if source is not None else nearer

    def _window_xy(self, frame, draw, rows: np.ndarray) -> np.ndarray:
        """Window pixels of drawn points (float32 local rows)."""
        if is_nonlinear(self):  # absolute points through the transform the shader applies
            rows = rows.copy()
            dims = 2 if not np.any(rows[:, 2]) else 3
            with np.errstate(all="ignore"):
                rows[:, :dims] = self.transform.forward(rows[:, :dims])
        return window_xy(frame, draw, rows)

    def update_points(self, start: int, values, y_only: bool = False) -> None:
        """Overwrite points ``start:start + len(values)`` of the (joined) rows
        (``y_only``: the caller says their x did not change, so an x-sorted line is not
        checked again).

        Only that range travels to the GPU (``Buffer.update``); under level of detail
        the pyramid bins holding those rows are recomputed and the envelope of the view
        is drawn again (O(pixels)). The float64 origin is kept while the points' centre
        stays where it was (else everything is uploaded again, about the new centre, as
        a new line would be). Rows of several lines are numbered as in ``pos``; a range may not
        cover the NaN rows between lines."""
        vals = as_line(values, "values")
        n, k = len(self._points), len(vals)
        if isinstance(start, bool) or not isinstance(start, (int, np.integer)) \
                or start < 0 or start + k > n:
            raise ValueError(f"start: rows {start}:{start}+{k} do not fit a line of {n} points")
        stop = int(start) + k
        if self._owner is not None and (self._owner[start:stop] < 0).any():
            raise ValueError(f"start: rows {start}:{stop} cover a break between lines")
        if k == 0:
            return
        d = self._points.shape[1]
        if vals.shape[1] > d and np.any(vals[:, 2]):
            points = pad3(self._points)  # the line gains a z: a new copy, drawn anew
            points[start:stop] = vals
            self._points = points
            self._bounds = None
            self._upload_geometry()
            return
        target = self._points[start:stop, : min(d, vals.shape[1])]
        if not _same_memory(target, vals[:, :d]):  # the owner wrote into shared rows
            target[...] = vals[:, :d]
        if d > vals.shape[1]:
            self._points[start:stop, 2] = 0.0
        self._bounds = None
        if self._pyramids is not None:
            if not self._update_pyramids(start, stop, check_sorted=not y_only):
                self._upload_geometry()  # no longer x-sorted: level of detail decides anew
            return
        if is_nonlinear(self) or self._source_index is not None:
            self._upload_geometry()  # subdivided curves: rows no longer map one to one
            return
        bounds = self._row_bounds.after(self._points, start, stop)
        self._bounds = None if bounds is None else pad3(bounds)  # bounds() need not scan
        centre = centre_origin(bounds, d, grid=True)
        if centre is None or not np.array_equal(centre, self._origin[:d]):
            self._upload_points(self._points, None)  # about the new origin
            return
        part = self._points[start:stop]
        valid = np.isfinite(part).all(axis=1)
        local = part - self._origin[:d]
        local[~valid] = 0.0
        rows = np.zeros((k, 4), np.float32)
        rows[:, :d] = local
        rows[:, 3] = valid
        self._box = box_of(bounds)
        self._breaks = self._breaks or not valid.all()
        self._pos_buffer.update(1 + start, rows)

    def _update_pyramids(self, start: int, stop: int, check_sorted: bool = True) -> bool:
        """Refresh the pyramids of the lines holding rows start:stop; False when a line
        is no longer x-sorted there."""
        for (s0, s1), pyr in zip(self._spans, self._pyramids, strict=True):
            if s1 <= start or s0 >= stop or pyr is None:
                continue
            a, b = max(start, s0) - s0, min(stop, s1) - s0
            if check_sorted and not is_sorted(pyr.x[max(a - 1, 0) : b + 1]):
                return False
            pyr.update(a, b)
        self._lod_key = None  # the envelope of the view is drawn again
        self.data_version += 1
        return True

    def _lod_applies(self) -> bool:
        """Level of detail needs long 2D lines drawn without transforms, colored by one
        color or one per line (x-sorted lines get pyramids in _upload_geometry)."""
        n = len(self._points)
        if self._lod is False or self.transform is not None:
            return False
        if n < (2 if self._lod is True else LOD_THRESHOLD):
            return False
        if self._points.shape[1] == 3 and np.any(self._points[:, 2]):
            return False
        return len(self._rgba) == 1 or self._rgba_per_line

    def _upload_geometry(self) -> None:
        self.data_version += 1
        self._pyramids = None
        self._lod_key = None
        self._bounds = None
        if self._lod_applies():
            shortest = 2 if self._lod is True else _MIN_LOD_LINE
            pts = self._points
            pyramids = [MinMaxPyramid(pts[a:b, 0], pts[a:b, 1])
                        if b - a >= shortest and is_sorted(pts[a:b, 0]) else None
                        for a, b in self._spans]
            if any(p is not None for p in pyramids):
                # decimated per view in draws(); nothing to upload until then
                self._pyramids = pyramids
                self._upload_points(np.zeros((0, 2)), None)
                return
        if is_nonlinear(self):
            # Straight data segments become curves: subdivide them, and keep absolute
            # coordinates (no origin) since the shader applies the transform.
            points, index = subdivide(pad3(self._points), self.transform, return_index=True)
            self._upload_points(points, index, origin=False)
        else:
            self._upload_points(self._points, None)

    def lod_lines(self) -> list[tuple]:
        """Under level of detail, each line as ``(x, y, pyramid or None, rgba bytes)``
        (views of the float64 data; None: drawn whole); empty otherwise."""
        if self._pyramids is None:
            return []
        rgba = rgba_bytes(self._rgba)
        return [(self._points[a:b, 0], self._points[a:b, 1], pyr, rgba[min(i, len(rgba) - 1)])
                for i, ((a, b), pyr) in enumerate(zip(self._spans, self._pyramids,
                                                      strict=True))]

    def _upload_lod(self, ctx: DrawContext) -> None:
        """Upload the min/max envelope for the visible x range (O(pixel columns) per
        line)."""
        x0, _, w, _ = ctx.camera["rect"]
        lo, hi = sorted((x0, x0 + w))
        columns = round(ctx.size[0] * ctx.pixel_ratio)
        key = (lo, hi, columns)
        if key == self._lod_key:
            return
        self._lod_key = key
        self._upload_points(*self._envelope(lo, hi, columns))

    def _envelope(self, lo: float, hi: float, columns: int) -> tuple[np.ndarray, np.ndarray]:
        """The points drawn under level of detail for the x range [lo, hi] on ``columns``
        pixel columns, and the source row of each."""
        parts = []
        for i, ((a, b), pyr) in enumerate(zip(self._spans, self._pyramids, strict=True)):
            if i:
                parts.append(np.array([-1]))  # the NaN row between two lines
            if pyr is None:
                parts.append(np.arange(a, b))
            else:
                index = pyr.query(lo, hi, columns)
                parts.append(np.where(index >= 0, index + a, -1) if a else index)
        index = parts[0] if len(parts) == 1 else np.concatenate(parts)
        breaks = index < 0  # where a bin held NaN, and between lines
        if not breaks.any():
            return take_rows(self._points, index), index.astype(float)
        safe = np.maximum(index, 0)
        points = take_rows(self._points, safe)
        points[breaks] = np.nan
        return points, safe.astype(float)

    def _upload_points(self, points: np.ndarray, source_index, origin: bool = True) -> None:
        """Send the points to draw (float32 offsets from a float64 origin)."""
        self._source_index = source_index
        self._row_bounds.forget()
        d = points.shape[1]
        fits = False  # whether every finite point's offset fits float32 (known from bounds)
        if origin:
            b = chunked_finite_bounds(points)
            center = origin_for(points, b, grid=True)
            self._box = box_of(b)
            if b is not None:  # b - center: the extreme offsets, rounded as each point's
                # (plain floats: a few numpy calls would cost more for a short line)
                fits = all(lo - c >= -FLOAT32_MAX and hi - c <= FLOAT32_MAX
                           for lo, hi, c in zip(*b.tolist(), center.tolist(), strict=True))
        else:  # absolute coordinates of a curve: never drawn in runs (is_nonlinear)
            center = np.zeros(d)
            self._box = None
        self._origin = pad3(center)
        # xyz and a "drawn" flag per point, between two break rows: the shader reads
        # the points before and after each segment
        rows = np.zeros((len(points) + 2, 4), np.float32)
        far = 0
        breaks = False
        for i in range(0, len(points), CHUNK):
            part = points[i : i + CHUNK]
            dest = rows[1 + i : 1 + i + len(part)]
            valid = finite_rows(part)
            if fits:
                # offsets straight into the float32 rows a column at a time (the same
                # rounding as float32 of the float64 difference; no (N, d) temporaries)
                with np.errstate(over="ignore", invalid="ignore"):
                    for j in range(d):
                        np.subtract(part[:, j], center[j], out=dest[:, j], casting="unsafe")
                if not valid.all():
                    dest[~valid, :d] = 0.0
                    breaks = True
                dest[:, 3] = valid
                continue
            breaks = True  # maybe (no point counts them here)
            with np.errstate(over="ignore", invalid="ignore"):
                local = part - center
            local[~valid] = 0.0
            # a point float32 cannot place breaks the line (clipped, its segments would
            # overflow the shader's pixel arithmetic and take their neighbours along)
            dest[:, :d], beyond = float32_offsets(local)
            far += int(beyond.sum())
            dest[:, 3] = valid & ~beyond
        warn_clipped(far, "pos", "not drawn (the line breaks there)")
        self._breaks = breaks
        self._pos_buffer.set_data(rows, copy=False)  # made here for the buffer alone
        held = self._color_buffer.data
        if len(self._rgba) == 1 and self._colors_of_rgba is self._rgba \
                and len(held) == len(rows) - 2:
            return  # one color, the rows held are its bytes for as many points
        rgba = self._colors()
        # a new envelope of as many points in the same colors (new y in the same view)
        # uploads its positions only
        if rgba.shape != held.shape or not np.array_equal(rgba, held):
            self._color_buffer.set_data(rgba)
        self._colors_of_rgba = self._rgba

    @property
    def drawn_points(self) -> int:
        """How many points are uploaded to draw (after subdivision or level of detail)."""
        return len(self._pos_buffer.data) - 2

    @property
    def lod_nbytes(self) -> int:
        """Bytes the level-of-detail pyramids hold (0 when the line is drawn whole)."""
        return sum(p.nbytes for p in self._pyramids or [] if p is not None)

    def _colors(self) -> np.ndarray:
        """RGBA bytes for every drawn point from the colors of the points."""
        return self._colors_of(self.drawn_points, self._source_index)

    def _colors_of(self, n: int, source_index: np.ndarray | None) -> np.ndarray:
        """RGBA bytes of ``n`` drawn points coming from rows ``source_index`` (None: the
        rows themselves)."""
        rgba = self._rgba
        if len(rgba) == 1:
            return np.repeat(self._line_bytes(), n, axis=0)  # bytes: 4 per point, not 32
        if self._rgba_per_line:
            src = np.arange(n) if source_index is None else source_index.astype(int)
            return self._line_bytes()[np.maximum(self._owner[src], 0)]
        if source_index is not None and len(rgba):
            i = np.minimum(source_index.astype(int), len(rgba) - 1)
            f = (source_index - i)[:, None]
            rgba = rgba[i] * (1 - f) + rgba[np.minimum(i + 1, len(rgba) - 1)] * f
        return rgba_bytes(rgba)

    def _line_bytes(self) -> np.ndarray:
        """RGBA bytes of the one color or the colors per line, converted once per new
        set of colors (a level-of-detail envelope of a new length each pan needs them
        again; read only)."""
        rgba, held = self._bytes_seen
        if rgba is not self._rgba:
            held = rgba_bytes(self._rgba)
            self._bytes_seen = (self._rgba, held)
        return held

    # -- drawing -----------------------------------------------------------------
    def bounds(self) -> np.ndarray | None:
        if is_nonlinear(self):
            return self._bounds_of(pad3(self._points))
        if self._bounds is None:
            b = chunked_finite_bounds(self._points)
            self._bounds = None if b is None else pad3(b)
        return transformed_bounds(self._bounds, self.model_matrix())

    def primitives(self, ctx: PrimitiveContext | None = None) -> list:
        """Stroked paths through the points the GPU draws: the level-of-detail envelope
        at the export resolution; under non-linear transforms the curves straight data
        segments become, cut finely enough to stay within 1/20 pixel of them (on the GPU
        every segment is cut in 16)."""
        if ctx is None or self._width == 0:  # no world-space form; a 0-wide line no pixel
            return []
        if ctx.is_3d:  # every point, projected (a 3D view has no level of detail)
            points, index = self._points, None
        elif self._pyramids is not None:
            x0, _, w, _ = ctx.camera["rect"]
            lo, hi = sorted((x0, x0 + w))
            points, index = self._envelope(lo, hi, round(ctx.size[0] * ctx.pixel_ratio))
        elif is_nonlinear(self):
            step = ctx.units_per_pixel()
            points, index = subdivide(pad3(self._points), self.transform, return_index=True,
                                      tolerance=None if step is None else step / 20)
        else:
            points, index = self._points, None
        if len(points) < 2:
            return []
        rgba = self._colors_of(len(points), index) / 255.0
        return line_paths(ctx.to_pixels(points, self), rgba, self._width, self._dashes,
                          ctx.clip, self._cap if self._dashes is None else self._dash_cap,
                          self._join, self._dash_offset)

    def draws(self, ctx: DrawContext) -> list[Draw]:
        if self._width == 0:  # matplotlib's Agg strokes no path 0 wide (spines set to 0)
            return []
        if self._pyramids is not None:
            if ctx.camera["type"] == "panzoom":
                self._upload_lod(ctx)
            elif self._lod_key != "full":  # 3D views see every point
                self._lod_key = "full"
                self._upload_points(self._points, None)
        n = self.drawn_points
        if n < 2 or (self._blank() and not ctx.follow):
            # only breaks (an axes' tick line without ticks) draw no pixel; a page's
            # frame keeps the draw, which the page fills with the ticks of a new view
            return []
        snippet, model = transform_parts(self)
        dashed = self._dashes is not None and n <= SCAN_WIDTH * SCAN_MAX_ROWS
        if self._dashes is not None and not dashed:
            import warnings

            warnings.warn(f"dashes: a line of {n} drawn points is drawn solid (dashes are "
                          f"measured on the GPU for up to {SCAN_WIDTH * SCAN_MAX_ROWS})",
                          RuntimeWarning, stacklevel=2)
        style = (len(self._dashes) // 2 if dashed else 0,
                 self._dash_cap if dashed else self._cap, self._join, self._antialiased,
                 len(self._rgba) == 1)
        runs = None if dashed or ctx.follow or ctx.is_3d or model is not None \
            or is_nonlinear(self) else self._joined_runs(ctx, n - 1)
        if dashed:
            self._scan, passes = dash_scan(self._scan, self._pos_buffer, ctx, snippet, model,
                                           n, tuple(self._origin),
                                           bool(self._snap and not ctx.is_3d))
        else:
            passes = []
        follow, data = None, {}
        if ctx.follow and self._pyramids is not None and ctx.camera["type"] == "panzoom":
            from .follow import line_follower  # the page's level of detail

            follow, data = line_follower(self, ctx)
        limit = self._miter_limit  # 0 in the shader: the width in pixels
        textures = {} if not dashed else {"u_arc_rows": self._scan[0],
                                          "u_arc_offsets": self._scan[2]}
        uniforms = {"u_width": self._width, **dash_uniforms(self._dashes, self._dash_offset),
                    "u_miter_limit": 0.0 if limit is None else max(limit, 1e-6),
                    "u_snap": float(self._snap and not ctx.is_3d),
                    **snippet.uniforms}
        state = State(depth_test=ctx.is_3d, blend="alpha")
        if runs is None:  # one instanced draw of every segment from the buffers
            program = line_program(*style).compose(transform=snippet)
            draws = [Draw(
                program=program, view=ctx.view_id, mode="triangle_strip", count=4,
                instances=n - 1, attributes=self._segment_attributes(), textures=textures,
                uniforms=uniforms, state=state, origin=tuple(self._origin), model=model,
                follow=follow, data=data)]
        else:
            # in segment order, so that overlapping segments blend as in one draw; every
            # run as triangles whose points the shader reads by gl_VertexID from the row
            # textures (line_rows: the only GPU copy of the rows these draws need), the
            # joined ones without the cap code
            rows = self._runs.textures()
            programs = {kind: line_program(*style, fetch=kind).compose(transform=snippet)
                        for kind in {"rows" if open_ends else "joined"
                                     for _, _, open_ends in runs}}
            draws = [Draw(
                program=programs["rows" if open_ends else "joined"], view=ctx.view_id,
                mode="triangles", count=6 * (stop - first), textures=rows,
                int_uniforms={"u_first": first}, uniforms=uniforms, state=state,
                origin=tuple(self._origin), model=model,
            ) for first, stop, open_ends in runs]
        if ctx.is_3d or not self._translucent():
            return passes + draws
        if self._layer is None:  # translucent: its own overlaps blend once (line_layer)
            self._layer = OnceLayer()
        return passes + self._layer.draws(draws)

    def _segment_attributes(self) -> dict[str, Attribute]:
        """The instanced inputs of the segments (made once: the buffers stay)."""
        if self._attributes is None:
            pb, cb = self._pos_buffer, self._color_buffer
            self._attributes = {
                "a_prev": Attribute(pb, 4, "f4", 0, 16, 1),
                "a_p0": Attribute(pb, 4, "f4", 16, 16, 1),
                "a_p1": Attribute(pb, 4, "f4", 32, 16, 1),
                "a_next": Attribute(pb, 4, "f4", 48, 16, 1),
                "a_c0": Attribute(cb, 4, "u1", 0, 4, 1),
                "a_c1": Attribute(cb, 4, "u1", 4, 4, 1),
            }
        return self._attributes

    def _joined_runs(self, ctx: DrawContext, segments: int) -> list[tuple] | None:
        """``[(first, stop, open ends)]``: the segments in runs (line_rows.LineRuns),
        those joined at both ends drawn by the JOINED program without the cap code;
        None: one draw of every segment (round caps and joins have no cap code, a
        point beyond the vertex shader's far-end box would need its cut)."""
        if not LineRuns.fit(segments) or self._cap == "round" and self._join == "round" \
                or ctx.camera["type"] != "panzoom" \
                or not inside_box(self._box, ctx.camera["rect"], ctx.size, ctx.pixel_ratio):
            return None
        if self._runs is None:
            self._runs = LineRuns(self._pos_buffer, self._color_buffer)
        return self._runs.plan(segments, self._breaks)

    def _blank(self) -> bool:
        """Whether no uploaded point is drawn (all breaks; checked once per upload)."""
        version, blank = self._blank_seen
        if version != self._pos_buffer.version:
            blank = not self._pos_buffer.data[1:-1, 3].any()
            self._blank_seen = (self._pos_buffer.version, blank)
        return blank

    def _translucent(self) -> bool:
        """Whether a color has alpha below 1 (checked once per new set of colors)."""
        rgba, seen = self._alpha_seen
        if rgba is not self._rgba:
            seen = bool(self._rgba[:, 3].min(initial=1.0) < 1.0)
            self._alpha_seen = (self._rgba, seen)
        return seen

