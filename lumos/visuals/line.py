"""Thick antialiased lines: one instanced quad per segment, many lines per draw."""

from __future__ import annotations

import numpy as np

from .. import colors
from ..gpu.camera_math import draw_matrices
from ..gpu.frame import Attribute, Draw, State
from ..gpu.resources import Buffer
from ..primitives import Path, Stroke
from ..shaders import ShaderTemplate
from ..transforms import subdivide
from . import glsl
from .base import (
    DrawContext,
    Member,
    PrimitiveContext,
    Visual,
    as_array,
    changed_span,
    check_points,
    check_positive,
    finite_bounds,
    float32_offsets,
    is_nonlinear,
    origin_for,
    rgba_bytes,
    transform_parts,
    transformed_bounds,
    warn_clipped,
    window_xy,
)
from .lod import MinMaxPyramid, is_sorted

# Each segment is a quad around [p0, p1] widened by half the line width plus one
# pixel; the fragment shader measures the distance to the segment (a capsule), which
# gives antialiased edges, round caps and round joins in one pass. Where two segments
# meet, their capsules overlap: each pixel there belongs to the nearer of the two
# (`leaves` below), so a translucent line is blended once. Both segments evaluate the
# same call on the same three points, so they agree on every pixel. Points are vec4:
# xyz and w = 1, or w = 0 for a break (a NaN row) and for the rows that pad the
# buffer at both ends, so that every segment can read the points before and after it.
_VERTEX = glsl.SCREEN + """
in vec4 a_prev;
in vec4 a_p0;
in vec4 a_p1;
in vec4 a_next;
in vec4 a_c0;
in vec4 a_c1;
in float a_d0;
in float a_d1;
uniform float u_width;
uniform float u_samples;
out vec4 v_color;
flat out vec2 v_a;
flat out vec2 v_b;
flat out vec2 v_prev;
flat out vec2 v_next;
flat out vec2 v_joined;  // 1 where a segment comes before / after this one
flat out vec2 v_dist;
#pragma snippets

// Window position and depth of a point, or false for a break or a point behind the eye.
bool to_window(vec4 point, out vec2 s, out float z) {
    vec4 c = u_mvp * $transform(vec4(point.xyz, 1.0));
    bool drawn = point.w > 0.5 && c.w > 0.0;
    s = drawn ? clip_to_window(c) : vec2(0.0);
    z = drawn ? c.z / c.w : 0.0;
    return drawn;
}

void main() {
    vec2 s0, s1, s_prev, s_next;
    float z0, z1, z_prev, z_next;
    bool drawn = to_window(a_p0, s0, z0);
    drawn = to_window(a_p1, s1, z1) && drawn;
    if (!drawn) {
        gl_Position = DISCARDED;
        return;
    }
    v_joined.x = to_window(a_prev, s_prev, z_prev) ? 1.0 : 0.0;
    v_joined.y = to_window(a_next, s_next, z_next) ? 1.0 : 0.0;
    vec2 d = s1 - s0;
    float len = length(d);
    vec2 dir = len > 1e-6 ? d / len : vec2(1.0, 0.0);
    vec2 nrm = vec2(-dir.y, dir.x);
    // every pixel centre within half the width plus half a pixel; a multisampled
    // pixel's samples lie off its centre, half a pixel more
    float hw = 0.5 * u_width * u_pixel_ratio + (u_samples > 1.0 ? 1.0 : 0.5);
    // triangle strip corners: 0 (p0, -n), 1 (p1, -n), 2 (p0, +n), 3 (p1, +n)
    float along = (gl_VertexID == 1 || gl_VertexID == 3) ? 1.0 : 0.0;
    float side = gl_VertexID >= 2 ? 1.0 : -1.0;
    vec2 p = mix(s0, s1, along) + (2.0 * along - 1.0) * dir * hw + side * nrm * hw;
    gl_Position = window_to_clip(p, mix(z0, z1, along));
    v_color = mix(a_c0, a_c1, along) / 255.0;
    v_a = s0;
    v_b = s1;
    v_prev = s_prev;
    v_next = s_next;
    v_dist = vec2(a_d0, a_d1) * u_pixel_ratio;
}
"""

# The fragment shader for solid lines, and with %(dash)s filled, for dashed ones (two
# programs: a branch on a uniform would make software rasterizers run both per pixel).
_FRAGMENT = """
uniform float u_width;
uniform float u_pixel_ratio;
uniform vec4 u_dash;  // on, off, on, off lengths in logical pixels
in vec4 v_color;
flat in vec2 v_a;
flat in vec2 v_b;
flat in vec2 v_prev;
flat in vec2 v_next;
flat in vec2 v_joined;
flat in vec2 v_dist;  // distance along the line at both ends, physical pixels
out vec4 f_color;

// Coverage of the dash pattern at arc length s: 1 inside a dash, a one-pixel ramp at
// its ends (butt caps), 0 in the gaps.
float dash_coverage(float s) {
    vec4 d = u_dash * u_pixel_ratio;
    float period = d.x + d.y + d.z + d.w;
    float m = mod(s, period);
    float first = min(m, d.x - m);
    float second = d.z > 0.0 ? min(m - d.x - d.y, d.x + d.y + d.z - m) : -1.0e9;
    float next_first = m - period;  // the next period's first dash, just ahead
    float near = max(max(first, second), next_first);
    return clamp(near + 0.5, 0.0, 1.0);
}

float segment_distance(vec2 p, vec2 a, vec2 b) {
    vec2 ab = b - a;
    float t = clamp(dot(p - a, ab) / max(dot(ab, ab), 1e-12), 0.0, 1.0);
    return length(p - a - t * ab);
}

// Whether pixel p belongs to the segment leaving joint b (towards c) rather than to the
// one arriving (from a): the nearer one; a tie goes to the arriving segment.
bool leaves(vec2 p, vec2 a, vec2 b, vec2 c) {
    return segment_distance(p, b, c) < segment_distance(p, a, b);
}

// Coverage of pixel p by the capsule around [a, b], dashed from arc length s_a at a.
float segment_coverage(vec2 p, vec2 a, vec2 b, float s_a) {
    vec2 ab = b - a;
    float t_line = dot(p - a, ab) / max(dot(ab, ab), 1e-12);
    float dist = length(p - a - clamp(t_line, 0.0, 1.0) * ab);
    float coverage = clamp(0.5 * u_width * u_pixel_ratio - dist + 0.5, 0.0, 1.0);
%(dash)s    return coverage;
}

void main() {
    vec2 p = gl_FragCoord.xy;
    if ((v_joined.x > 0.5 && !leaves(p, v_prev, v_a, v_b))
            || (v_joined.y > 0.5 && leaves(p, v_a, v_b, v_next))) {
        discard;  // the neighbouring segment draws this pixel
    }
    // The nearest segment covers the pixel most, unless a neighbour's dash reaches it.
    float coverage = segment_coverage(p, v_a, v_b, v_dist.x);
%(neighbours)s%(cap)s    if (coverage <= 0.0) discard;
    f_color = vec4(v_color.rgb, v_color.a * coverage);
}
"""
_DASH = """    coverage *= dash_coverage(s_a + t_line * length(ab));
"""
_NEIGHBOURS = """    if (v_joined.x > 0.5) {
        coverage = max(coverage, segment_coverage(p, v_prev, v_a,
                                                  v_dist.x - length(v_a - v_prev)));
    }
    if (v_joined.y > 0.5) {
        coverage = max(coverage, segment_coverage(p, v_b, v_next, v_dist.y));
    }
"""
# butt or projecting ends: beyond an open end the stroke stops square, at the end or
# half the width further (%(ext)s), dashed on (%(dashed)s)
_SQUARE_CAP = """    if (v_joined.x < 0.5 || v_joined.y < 0.5) {
        vec2 ab = v_b - v_a;
        float len = length(ab);
        vec2 dir = len > 1e-6 ? ab / len : vec2(1.0, 0.0);
        float along = dot(p - v_a, dir);
        float beyond = max(v_joined.x < 0.5 ? -along : -1.0e9,
                           v_joined.y < 0.5 ? along - len : -1.0e9);
        if (beyond > -0.5) {
            float hw = 0.5 * u_width * u_pixel_ratio;
            float lateral = abs(dot(p - v_a, vec2(-dir.y, dir.x)));
            coverage = clamp(hw - lateral + 0.5, 0.0, 1.0)
                       * clamp(%(ext)s - beyond + 0.5, 0.0, 1.0)%(dashed)s;
        }
    }
"""
CAPS = ("round", "butt", "projecting")
# one program per (dashed, cap), made when first drawn
_PROGRAMS: dict[tuple[bool, str], ShaderTemplate] = {}


def _program(dashed: bool, cap: str) -> ShaderTemplate:
    key = (dashed, cap)
    if key not in _PROGRAMS:
        square = "" if cap == "round" else _SQUARE_CAP % {
            "ext": "hw" if cap == "projecting" else "0.0",
            "dashed": "\n                       * dash_coverage(v_dist.x + along)"
            if dashed else ""}
        _PROGRAMS[key] = ShaderTemplate(_VERTEX, _FRAGMENT % {
            "dash": _DASH if dashed else "", "neighbours": _NEIGHBOURS if dashed else "",
            "cap": square})
    return _PROGRAMS[key]


LOD_THRESHOLD = 8192
_MIN_LOD_LINE = 64  # shorter lines of a batch are drawn whole: a pyramid would not pay
_CHUNK = 1 << 18  # rows per pass of O(N) loops, so temporaries stay a few MB


def _single_color(value) -> bool:
    """True for one color spec (a name, hex, or 3/4 numbers), not a list of colors."""
    if isinstance(value, str):
        return True
    arr = np.asarray(value, dtype=object)
    return arr.ndim == 1 and len(arr) in (3, 4) and not isinstance(arr[0], (str, tuple, list))


def _as_line(value, argument: str = "pos") -> np.ndarray:
    """One (N, 2|3) numeric line, not copied (callers copy when they keep it)."""
    arr = as_array(value, argument)
    if arr.dtype.kind not in "biuf":  # not objects, strings or complex numbers
        raise TypeError(f"{argument}: got dtype {arr.dtype}, expected real numbers")
    if arr.ndim != 2 or arr.shape[1] not in (2, 3):
        raise ValueError(f"{argument}: got shape {arr.shape}, expected (N, 2) or (N, 3)")
    return arr


def _join(pos, copy: bool = True) -> tuple[np.ndarray, np.ndarray | None, list]:
    """Accept one (N, 2|3) line, an (M, N, 2|3) stack or a list of lines.

    Returns float64 (K, 2|3) points (3 columns only when some line has z) with a NaN
    row between lines; for several lines the line index of each point (-1 for the NaN
    rows, to spread colors); and each line's (start, stop) rows. One float64
    C-contiguous line is kept without a copy when ``copy`` is False."""
    if isinstance(pos, (list, tuple)) and pos and as_array(pos[0], "pos").ndim == 2:
        lines = [_as_line(p) for p in pos]
    else:
        arr = as_array(pos, "pos")
        if arr.ndim == 3:
            lines = [_as_line(p) for p in arr]
        else:
            line = _as_line(arr)
            check_points(len(line), "pos")
            if copy:
                line = np.array(line, dtype=np.float64, order="C", copy=True)
            else:
                line = np.ascontiguousarray(line, dtype=np.float64)
            return line, None, [(0, len(line))]
    dims = max(line.shape[1] for line in lines)
    total = sum(len(line) for line in lines) + len(lines) - 1
    check_points(total, "pos")
    out = np.zeros((max(total, 0), dims))
    owner = np.full(len(out), -1, np.int32)
    spans, row = [], 0
    for i, line in enumerate(lines):
        if i:
            out[row] = np.nan
            row += 1
        out[row : row + len(line), : line.shape[1]] = line
        owner[row : row + len(line)] = i
        spans.append((row, row + len(line)))
        row += len(line)
    return out, owner, spans


def _point_colors(value, owner: np.ndarray | None, n: int) -> tuple[np.ndarray, bool]:
    """Float RGBA rows from ``color`` and whether they are one per line: one row for a
    single color, else one per line or one per point of the ``n`` joined points (the
    NaN rows that join lines get a color of their own)."""
    if _single_color(value):
        return np.array([colors.to_rgba(value)]), False
    if owner is None:
        return colors.to_rgba_array(value, n, dtype=float), False
    rows = colors.to_rgba_array(value, dtype=float)
    nlines, joins = int(owner.max()) + 1, owner < 0
    if len(rows) == 1:
        return rows, False
    if len(rows) == nlines:
        return rows, True
    if len(rows) == n - joins.sum():
        out = np.zeros((n, 4))
        out[~joins] = rows
        return out, False
    raise ValueError(f"color: got {len(rows)} colors, expected 1, {nlines} (one per line) "
                     f"or {n - joins.sum()} (one per point)")


def _finite_bounds(points: np.ndarray) -> np.ndarray | None:
    """(2, d) min/max of the rows whose coordinates are all finite, in chunks (no copy
    of the whole array), or None."""
    lo = hi = None
    for i in range(0, len(points), _CHUNK):
        b = finite_bounds(points[i : i + _CHUNK])  # copies finite rows of a chunk at most
        if b is None:
            continue
        lo = b[0] if lo is None else np.minimum(lo, b[0])
        hi = b[1] if hi is None else np.maximum(hi, b[1])
    return None if lo is None else np.array([lo, hi])


def arc_lengths(px: np.ndarray, valid: np.ndarray) -> np.ndarray:
    """Arc length (pixels) at every point of a polyline from the start of its piece:
    each line of a batch, and each piece after a NaN break (an invalid point), starts
    its dashes anew, as matplotlib's renderers start every path (and subpath) on a
    dash. Dashes follow it, on the GPU (an attribute) and in vector files (dash
    offsets)."""
    with np.errstate(all="ignore"):
        seg = np.hypot(*np.diff(px, axis=0).T)
    seg[~np.isfinite(seg) | ~valid[1:] | ~valid[:-1]] = 0
    dist = np.r_[0.0, np.cumsum(seg)]
    start = np.where(valid, 0, np.arange(len(dist)))
    np.maximum.accumulate(start, out=start)
    return dist - dist[start]


def line_paths(px: np.ndarray, rgba: np.ndarray, width: float, dashes, clip,
               cap: str = "round") -> list[Path]:
    """Stroked paths of a polyline in pixels drawn as the GL line draws it: round joins,
    ``cap`` ends (butt dash ends), NaN rows breaking it, per-point colors blended per
    segment (runs of one color share a path), dashes continuing along the arc length.
    Segments that cannot reach the ``clip`` rectangle are left out."""
    valid = np.isfinite(px).all(axis=1)
    ok = valid[:-1] & valid[1:]
    if clip is not None:  # segments wholly beyond one edge of the view (caps included)
        x, y, w, h = clip
        reach = width / 2 + 1
        with np.errstate(invalid="ignore"):
            for axis, lo, hi in ((0, x - reach, x + w + reach), (1, y - reach, y + h + reach)):
                c = px[:, axis]
                ok &= ~(((c[:-1] < lo) & (c[1:] < lo)) | ((c[:-1] > hi) & (c[1:] > hi)))
    if not ok.any():
        return []
    seg_rgba = (rgba[:-1] + rgba[1:]) / 2  # what the GL's interpolated color averages to
    new_color = np.r_[True, (seg_rgba[1:] != seg_rgba[:-1]).any(axis=1)]
    starts = np.nonzero(ok & (new_color | ~np.r_[False, ok[:-1]]))[0]
    stops = np.r_[starts[1:], len(ok)]
    runs = []  # (first segment, last segment + 1) of each run of one color
    for a, b in zip(starts.tolist(), stops.tolist(), strict=True):
        bad = np.nonzero(~ok[a:b])[0]
        runs.append((a, a + int(bad[0]) if len(bad) else b))
    if dashes is None:
        pattern, dist = None, None
    else:
        pattern = tuple(dashes) if dashes[2] > 0 or dashes[3] > 0 else tuple(dashes[:2])
        cap, dist = "butt", arc_lengths(px, valid)
    out: list[Path] = []
    by_color: dict[tuple, list] = {}
    for a, b in runs:
        color = tuple(seg_rgba[a].tolist())
        if pattern is None:  # runs of one color become subpaths of one path
            by_color.setdefault(color, []).append(px[a : b + 1])
            continue
        stroke = Stroke(color, width, pattern, float(dist[a]), "round", cap)
        out.append(Path(px[a : b + 1], stroke=stroke, clip=clip))
    nan = np.full((1, 2), np.nan)
    for color, parts in by_color.items():
        verts = np.concatenate([p for part in parts for p in (part, nan)][:-1])
        out.append(Path(verts, stroke=Stroke(color, width, None, 0.0, "round", cap), clip=clip))
    return out


def _same_memory(a: np.ndarray, b: np.ndarray) -> bool:
    """Whether two arrays are the very same elements (the same buffer, offset, shape
    and strides): copying one onto the other would change nothing."""
    ia, ib = a.__array_interface__, b.__array_interface__
    return (ia["data"][0] == ib["data"][0] and a.shape == b.shape
            and a.strides == b.strides and a.dtype == b.dtype)


def _pad3(values: np.ndarray) -> np.ndarray:
    """(..., 2|3) to (..., 3) with z = 0."""
    if values.shape[-1] == 3:
        return values
    out = np.zeros(values.shape[:-1] + (3,))
    out[..., :2] = values
    return out


class Line(Visual):
    """Polylines of ``width`` logical pixels; NaN rows break a line.

    >>> Line(pos=np.c_[x, y], color="red", width=2)
    >>> Line(pos=[xy0, xy1, xy2], color=["C0", "C1", "C2"])   # three lines, one draw
    >>> line.update_points(1000, new_xy)   # uploads len(new_xy) rows, not the line

    ``color`` is one color, one per line, or one per point (N, 3|4). ``cap`` shapes the
    open ends ("round", "butt", "projecting"); joins are round.

    ``set_members`` draws the lines of several owners as one batch and uploads only the
    rows each reports changed; ``member_at`` says whose point a picked index is.

    ``lod``: long x-sorted lines ("auto": over LOD_THRESHOLD points in all) are drawn
    as their min/max envelope per pixel column in 2D views, which looks the same and
    costs O(pixels) per view change instead of O(N). In a batch of several lines each
    x-sorted line gets its own pyramid and the decimated lines are joined (one draw);
    lines that are not x-sorted are drawn whole. Colors must be one or one per line.
    """

    def __init__(self, pos=None, color="black", width: float = 1.0, dashes=None,
                 lod: bool | str = "auto", cap: str = "round") -> None:
        super().__init__()
        self.cap = cap
        if lod not in (True, False, "auto"):
            raise ValueError(f"lod: got {lod!r}, expected True, False or 'auto'")
        self._lod = lod
        self._pyramids: list | None = None  # one per line (None: drawn whole) under LOD
        self._lod_key = None
        self._dist_buffer = Buffer(np.zeros(0, np.float32))
        self._dist_key = None
        self.dashes = dashes
        self._points = np.zeros((0, 2))
        self._owner = None
        self._spans = [(0, 0)]
        self._pos_buffer = Buffer(np.zeros((2, 4), np.float32))  # see _upload_points
        self._color_buffer = Buffer(np.zeros((0, 4), np.uint8))
        self._origin = np.zeros(3)
        self._reach = np.zeros(2)  # half extent of the uploaded points around the origin
        self._bounds = None  # cached finite bounds of the points, (2, 3)
        self._source_index = None  # fractional source row of each drawn point (curves)
        self._color = color
        self._rgba, self._rgba_per_line = np.zeros((1, 4)), False
        self._member_keys: list = []  # the owner of each line (set_members)
        self._member_signature = None
        self.width = width
        self.set_data(np.zeros((0, 2)) if pos is None else pos)

    # -- properties --------------------------------------------------------------
    @property
    def pos(self) -> np.ndarray:
        """Float64 (N, 3) points (lines joined by NaN rows); a copy."""
        return _pad3(self._points).copy()

    @pos.setter
    def pos(self, value) -> None:
        self.set_data(value)

    @property
    def width(self) -> float:
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
        if value not in CAPS:
            raise ValueError(f"cap: got {value!r}, expected one of {', '.join(CAPS)}")
        self._cap = value

    @property
    def dashes(self) -> tuple[float, float, float, float] | None:
        """Dash pattern: up to two (on, off) pairs in logical pixels, or None (solid)."""
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
        if len(vals) not in (2, 4) or not all(np.isfinite(vals)) or min(vals) < 0 \
                or sum(vals) <= 0:
            raise ValueError(f"dashes: got {value!r}, expected 2 or 4 lengths >= 0 in pixels")
        self._dashes = tuple(vals + [0.0, 0.0])[:4]
        self._dist_key = None

    @property
    def color(self):
        return self._color

    @color.setter
    def color(self, value) -> None:
        self._rgba, self._rgba_per_line = _point_colors(value, self._owner, len(self._points))
        self._color = value
        if (self._pyramids is not None) != self._lod_applies():
            self._upload_geometry()  # per-point colors turn level of detail off, and back
        else:
            self._color_buffer.set_data(self._colors())

    def set_data(self, pos, color=None, copy: bool = True) -> None:
        """Replace the points (any count), and the colors when given (else the color
        spec is kept). Input that does not fit leaves the line as it was.

        ``copy=False`` keeps one float64 C-contiguous (N, 2|3) array as it is (no copy;
        for owners such as plot artists that hold the data anyway): whoever changes it
        afterwards must call ``update_points`` for the rows changed."""
        points, owner, spans = _join(pos, copy)
        color = self._color if color is None else color
        rgba, per_line = _point_colors(color, owner, len(points))
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
                    self.update_points(start + span[0], m.pos[span[0] : span[1]])
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
        if raw + 1 >= len(rows):
            return raw
        ends = rows[raw : raw + 2]
        if is_nonlinear(self):  # absolute points through the transform the shader applies
            dims = 2 if not np.any(ends[:, 2]) else 3
            with np.errstate(all="ignore"):
                ends[:, :dims] = self.transform.forward(ends[:, :dims])
        px = window_xy(frame, draw, ends)
        nearer = raw + int(np.hypot(*(px[1] - (x, y))) < np.hypot(*(px[0] - (x, y))))
        source = self._source_index
        return int(round(float(source[nearer]))) if source is not None else nearer

    def update_points(self, start: int, values) -> None:
        """Overwrite points ``start:start + len(values)`` of the (joined) rows.

        Only that range travels to the GPU (``Buffer.update``); under level of detail
        the pyramid bins holding those rows are recomputed and the envelope of the view
        is drawn again (O(pixels)). The float64 origin is kept while the new points lie
        within twice the extent uploaded last (else everything is uploaded again, for
        precision). Rows of several lines are numbered as in ``pos``; a range may not
        cover the NaN rows between lines."""
        vals = _as_line(values, "values")
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
            points = _pad3(self._points)  # the line gains a z: a new copy, drawn anew
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
            if not self._update_pyramids(start, stop):
                self._upload_geometry()  # no longer x-sorted: level of detail decides anew
            return
        if is_nonlinear(self) or self._source_index is not None:
            self._upload_geometry()  # subdivided curves: rows no longer map one to one
            return
        part = self._points[start:stop]
        valid = np.isfinite(part).all(axis=1)
        local = part - self._origin[:d]
        local[~valid] = 0.0
        if valid.any() and np.any(np.abs(local).max(axis=0)[:2] > 2 * self._reach):
            self._upload_points(self._points, None)  # far from the origin: re-centre
            return
        rows = np.zeros((k, 4), np.float32)
        rows[:, :d] = local
        rows[:, 3] = valid
        self._pos_buffer.update(1 + start, rows)
        self._dist_key = None

    def _update_pyramids(self, start: int, stop: int) -> bool:
        """Refresh the pyramids of the lines holding rows start:stop; False when a line
        is no longer x-sorted there."""
        for (s0, s1), pyr in zip(self._spans, self._pyramids, strict=True):
            if s1 <= start or s0 >= stop or pyr is None:
                continue
            a, b = max(start, s0) - s0, min(stop, s1) - s0
            if not is_sorted(pyr.x[max(a - 1, 0) : b + 1]):
                return False
            pyr.update(a, b)
        self._lod_key = None  # the envelope of the view is drawn again
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
            points, index = subdivide(_pad3(self._points), self.transform, return_index=True)
            self._upload_points(points, index, origin=False)
        else:
            self._upload_points(self._points, None)

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
                parts.append(np.where(index >= 0, index + a, -1))
        index = np.concatenate(parts)
        safe = np.maximum(index, 0)
        points = self._points[safe]
        points[index < 0] = np.nan  # breaks where a bin held NaN, and between lines
        return points, safe.astype(float)

    def _upload_points(self, points: np.ndarray, source_index, origin: bool = True) -> None:
        """Send the points to draw (float32 offsets from a float64 origin)."""
        self._source_index = source_index
        d = points.shape[1]
        if origin:
            b = _finite_bounds(points)
            center = origin_for(points, b)
            self._reach = np.zeros(2) if b is None else (b[1] / 2 - b[0] / 2)[:2]
        else:
            center = np.zeros(d)
            self._reach = np.full(2, np.inf)
        self._origin = _pad3(center)
        # xyz and a "drawn" flag per point, between two break rows: the shader reads
        # the points before and after each segment
        rows = np.zeros((len(points) + 2, 4), np.float32)
        far = 0
        for i in range(0, len(points), _CHUNK):
            part = points[i : i + _CHUNK]
            valid = np.isfinite(part).all(axis=1)
            with np.errstate(over="ignore", invalid="ignore"):
                local = part - center
            local[~valid] = 0.0
            # a point float32 cannot place breaks the line (clipped, its segments would
            # overflow the shader's pixel arithmetic and take their neighbours along)
            rows[1 + i : 1 + i + len(part), :d], beyond = float32_offsets(local)
            far += int(beyond.sum())
            rows[1 + i : 1 + i + len(part), 3] = valid & ~beyond
        warn_clipped(far, "pos", "not drawn (the line breaks there)")
        self._pos_buffer.set_data(rows)
        self._dist_key = None
        self._color_buffer.set_data(self._colors())

    def _update_distances(self, ctx: DrawContext, model) -> None:
        """Arc length in logical pixels at every point, for dashes: depends on the view,
        so it is recomputed (float64, on the CPU) only when the camera or size moved."""
        key = (repr(ctx.camera), ctx.size, self._pos_buffer.version)
        if key == self._dist_key:
            return
        self._dist_key = key
        pts = self._pos_buffer.data[1:-1, :3].astype(float)
        valid = self._pos_buffer.data[1:-1, 3]
        if is_nonlinear(self):
            dims = 2 if not np.any(pts[:, 2]) else 3
            pts[:, :dims] = self.transform.forward(pts[:, :dims])
        mvp, _, _ = draw_matrices(ctx.camera, ctx.size[0] / max(ctx.size[1], 1),
                                  self._origin, model)
        clip = np.c_[pts, np.ones(len(pts))] @ mvp.T
        with np.errstate(all="ignore"):
            px = clip[:, :2] / clip[:, 3:] * np.asarray(ctx.size) / 2
        self._dist_buffer.set_data(arc_lengths(px, valid > 0).astype(np.float32))

    @property
    def _drawn(self) -> int:
        """How many points are uploaded to draw (after subdivision or level of detail)."""
        return len(self._pos_buffer.data) - 2

    def _colors(self) -> np.ndarray:
        """RGBA bytes for every drawn point from the colors of the points."""
        return self._colors_of(self._drawn, self._source_index)

    def _colors_of(self, n: int, source_index: np.ndarray | None) -> np.ndarray:
        """RGBA bytes of ``n`` drawn points coming from rows ``source_index`` (None: the
        rows themselves)."""
        rgba = self._rgba
        if len(rgba) == 1:
            return np.repeat(rgba_bytes(rgba), n, axis=0)  # bytes: 4 per point, not 32
        if self._rgba_per_line:
            src = np.arange(n) if source_index is None else source_index.astype(int)
            return rgba_bytes(rgba)[np.maximum(self._owner[src], 0)]
        if source_index is not None and len(rgba):
            i = np.minimum(source_index.astype(int), len(rgba) - 1)
            f = (source_index - i)[:, None]
            rgba = rgba[i] * (1 - f) + rgba[np.minimum(i + 1, len(rgba) - 1)] * f
        return rgba_bytes(rgba)

    # -- drawing -----------------------------------------------------------------
    def bounds(self) -> np.ndarray | None:
        if is_nonlinear(self):
            return self._bounds_of(_pad3(self._points))
        if self._bounds is None:
            b = _finite_bounds(self._points)
            self._bounds = None if b is None else _pad3(b)
        return transformed_bounds(self._bounds, self.model_matrix())

    def primitives(self, ctx: PrimitiveContext | None = None) -> list:
        """Stroked paths through the points the GPU draws: the level-of-detail envelope
        at the export resolution; under non-linear transforms the curves straight data
        segments become, cut finely enough to stay within 1/20 pixel of them (on the GPU
        every segment is cut in 16)."""
        if ctx is None:  # no world-space form
            return []
        if ctx.is_3d:
            return ctx.raster(self)
        if self._pyramids is not None:
            x0, _, w, _ = ctx.camera["rect"]
            lo, hi = sorted((x0, x0 + w))
            points, index = self._envelope(lo, hi, round(ctx.size[0] * ctx.pixel_ratio))
        elif is_nonlinear(self):
            step = ctx.units_per_pixel()
            points, index = subdivide(_pad3(self._points), self.transform, return_index=True,
                                      tolerance=None if step is None else step / 20)
        else:
            points, index = self._points, None
        if len(points) < 2:
            return []
        rgba = self._colors_of(len(points), index) / 255.0
        return line_paths(ctx.to_pixels(points, self), rgba, self._width, self._dashes,
                          ctx.clip, self._cap)

    def draws(self, ctx: DrawContext) -> list[Draw]:
        if self._pyramids is not None:
            if ctx.camera["type"] == "panzoom":
                self._upload_lod(ctx)
            elif self._lod_key != "full":  # 3D views see every point
                self._lod_key = "full"
                self._upload_points(self._points, None)
        n = self._drawn
        if n < 2:
            return []
        snippet, model = transform_parts(self)
        program = _program(self._dashes is not None, self._cap).compose(transform=snippet)
        pb, cb = self._pos_buffer, self._color_buffer
        attributes = {
            "a_prev": Attribute(pb, 4, "f4", 0, 16, 1),
            "a_p0": Attribute(pb, 4, "f4", 16, 16, 1),
            "a_p1": Attribute(pb, 4, "f4", 32, 16, 1),
            "a_next": Attribute(pb, 4, "f4", 48, 16, 1),
            "a_c0": Attribute(cb, 4, "u1", 0, 4, 1),
            "a_c1": Attribute(cb, 4, "u1", 4, 4, 1),
        }
        if self._dashes is not None:
            # solid lines leave the arc length unbound (it reads 0): 4 bytes a point less
            self._update_distances(ctx, model)
            attributes["a_d0"] = Attribute(self._dist_buffer, 1, "f4", 0, 4, 1)
            attributes["a_d1"] = Attribute(self._dist_buffer, 1, "f4", 4, 4, 1)
        return [Draw(
            program=program, view=ctx.view_id, mode="triangle_strip", count=4,
            instances=n - 1, attributes=attributes,
            uniforms={"u_width": self._width, "u_dash": self._dashes or (1.0, 0.0, 0.0, 0.0),
                      **snippet.uniforms},
            state=State(depth_test=ctx.is_3d, blend="alpha"),
            origin=tuple(self._origin), model=model,
        )]
