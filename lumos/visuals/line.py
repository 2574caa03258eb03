"""Thick antialiased lines: one instanced quad per segment, many lines per draw."""

from __future__ import annotations

import numpy as np

from .. import colors
from ..gpu.frame import Attribute, Draw, RenderTarget, State
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
    check_number,
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
# pixel; the fragment shader measures the signed distance to the segment's stroke,
# which gives antialiased edges, caps and joins in one pass. Round joins are capsules;
# miter and bevel joins end each segment square at a joint and add the corner polygon
# (join_distance). Where two segments meet, their strokes overlap: each pixel there
# belongs to the nearer of the two (`leaves` below), so a translucent line is blended
# once. Both segments evaluate the same call on the same three points, so they agree on
# every pixel. Points are vec4: xyz and w = 1, or w = 0 for a break (a NaN row) and for
# the rows that pad the buffer at both ends, so that every segment can read the points
# before and after it.
_VERTEX = glsl.SCREEN + """
in vec4 a_prev;
in vec4 a_p0;
in vec4 a_p1;
in vec4 a_next;
in vec4 a_c0;
in vec4 a_c1;
uniform float u_width;
uniform float u_miter_limit;
#ifdef DASHED
uniform highp sampler2D u_arc_rows;     // segmented prefix sums of lengths per row
uniform highp sampler2D u_arc_offsets;  // what the rows before each row add
#endif
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

#ifdef DASHED
// Arc length (physical pixels) at drawn point k since the last break: the GPU scan
// of this frame (see _SCAN_* below) for the camera of this frame.
float arc_length(int k) {
    int w = textureSize(u_arc_rows, 0).x;
    ivec2 t = ivec2(k % w, k / w);
    vec2 row = texelFetch(u_arc_rows, t, 0).rg;
    return row.y > 0.5 ? row.x : texelFetch(u_arc_offsets, ivec2(0, t.y), 0).r + row.x;
}
#endif

#ifdef JOIN_MITER
// How far a miter at a joint reaches past the end of a segment of direction dir
// towards the next one (out): half the width times tan(turn / 2), up to the limit.
float miter_reach(vec2 dir, vec2 out_dir, float hw, float limit) {
    float c = clamp(dot(dir, out_dir), -1.0, 1.0);
    return min(hw * sqrt(max(1.0 - c, 0.0) / max(1.0 + c, 1e-6)), hw * limit);
}
#endif

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
    float reach = hw;
#ifdef JOIN_MITER
    // a miter's point lies past the segment's end, on its edge line
    float limit = u_miter_limit > 0.0 ? u_miter_limit : u_width * u_pixel_ratio;
    vec2 other = along > 0.5 ? s_next - s1 : s0 - s_prev;
    bool joined = along > 0.5 ? v_joined.y > 0.5 : v_joined.x > 0.5;
    if (joined && length(other) > 1e-6) {
        reach += miter_reach(along > 0.5 ? dir : -dir, normalize(along > 0.5 ? other : -other),
                             0.5 * u_width * u_pixel_ratio, limit);
    }
#endif
    vec2 p = mix(s0, s1, along) + (2.0 * along - 1.0) * dir * reach + side * nrm * hw;
    gl_Position = window_to_clip(p, mix(z0, z1, along));
    v_color = mix(a_c0, a_c1, along) / 255.0;
    v_a = s0;
    v_b = s1;
    v_prev = s_prev;
    v_next = s_next;
#ifdef DASHED
    v_dist = vec2(arc_length(gl_InstanceID), arc_length(gl_InstanceID + 1));
#else
    v_dist = vec2(0.0);
#endif
}
"""

# The fragment shader. Defines choose the variant (a program each: a branch on a
# uniform would make software rasterizers run both per pixel): DASHED; CAP_BUTT,
# CAP_PROJECTING or neither (round) for open ends and dash ends; JOIN_MITER, JOIN_BEVEL
# or neither (round); ALIASED (a pixel is in or out, as Agg's non-antialiased
# rendering: covered when its centre is).
_FRAGMENT = """
uniform float u_width;
uniform float u_pixel_ratio;
uniform float u_miter_limit;  // the miter's reach in half widths; 0: the width in pixels
uniform vec4 u_dash;  // on, off, on, off lengths in logical pixels
uniform vec4 u_dash_more;  // two more (on, off) pairs (zeros: none)
uniform float u_dash_offset;  // how far into the pattern a line starts, logical pixels
in vec4 v_color;
flat in vec2 v_a;
flat in vec2 v_b;
flat in vec2 v_prev;
flat in vec2 v_next;
flat in vec2 v_joined;
flat in vec2 v_dist;  // arc length at both ends, physical pixels (dashed)
out vec4 f_color;

#ifdef DASHED
// How far s lies inside the dash [start, start + on] cut to the line's arc lengths
// [lo, hi] (< 0: outside it); a dash cut to nothing is gone, a dot (on = 0) on the line
// stays.
float dash_piece(float s, float start, float on, float lo, float hi) {
    float a = max(start, lo);
    float b = min(start + on, hi);
    return (a < b || (on == 0.0 && a == b)) ? min(s - a, b - s) : -1.0e9;
}

// How far arc length s lies inside the nearest dash of the pattern (< 0: in a gap),
// the pattern started u_dash_offset into it (matplotlib's dash offset) and its dashes
// cut to the line's arc lengths [lo, hi]: no dash beyond a line's end is drawn, nor
// its cap, as in matplotlib's Agg. DASH_PAIRS (on, off) pairs: a loop unrolled.
float dash_inside(float s, float lo, float hi) {
    float period = dot(u_dash + u_dash_more, vec4(1.0)) * u_pixel_ratio;
    float base = s - mod(s + u_dash_offset * u_pixel_ratio, period);  // this period's start
    // a pixel past an open end looks at the period that holds that end
    if (base > hi) base -= period * ceil((base - hi) / period);
    if (base + period < lo) base += period * floor((lo - base) / period);
    // the next period's first dash, just ahead
    float best = dash_piece(s, base + period, u_dash.x * u_pixel_ratio, lo, hi);
    float start = base;
    for (int i = 0; i < 2 * DASH_PAIRS; i += 2) {
        vec2 pair = (i < 4 ? (i < 2 ? u_dash.xy : u_dash.zw)
                           : (i < 6 ? u_dash_more.xy : u_dash_more.zw)) * u_pixel_ratio;
        best = max(best, dash_piece(s, start, pair.x, lo, hi));
        start += pair.x + pair.y;
    }
    return best;
}
#endif

// Signed distance of an end: `beyond` pixels past it along the stroke, `lat` from the
// stroke's middle, shaped by the cap.
float cap_distance(float beyond, float lat, float hw) {
#if defined(CAP_BUTT)
    return max(beyond, lat - hw);
#elif defined(CAP_PROJECTING)
    return max(beyond - hw, lat - hw);
#else
    return length(vec2(max(beyond, 0.0), lat)) - hw;
#endif
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

vec2 unit(vec2 v) {
    return length(v) > 1e-6 ? normalize(v) : vec2(0.0);
}

// Signed distance (pixels, < 0 inside) of p from the stroke of segment [a, b], dashed
// from arc length s_a at a; open.x / open.y: whether a / b ends the line (a cap)
// rather than joins another segment (from `before`, towards `after`).
float stroke_distance(vec2 p, vec2 a, vec2 b, float s_a, vec2 open, vec2 before,
                      vec2 after) {
    float hw = 0.5 * u_width * u_pixel_ratio;
#if !defined(DASHED) && !defined(JOIN_MITER) && !defined(JOIN_BEVEL)
    // round joins: the capsule (the fast path of most lines), but at a square open end
#if defined(CAP_BUTT) || defined(CAP_PROJECTING)
    if (open.x < 0.5 && open.y < 0.5)
#endif
    {
        return segment_distance(p, a, b) - hw;
    }
#endif
    vec2 ab = b - a;
    float len = length(ab);
    vec2 dir = len > 1e-6 ? ab / len : vec2(1.0, 0.0);
    float t = dot(p - a, dir);
    float lat = abs(dot(p - a, vec2(-dir.y, dir.x)));
    float beyond = max(-t, t - len);  // > 0 past the nearer end
    bool open_end = -t > t - len ? open.x > 0.5 : open.y > 0.5;
#ifndef DASHED
    // solid: the cap at an open end; a joined end is round, or square where the
    // corner polygon fills the rest
    if (open_end) return cap_distance(beyond, lat, hw);
#if defined(JOIN_MITER) || defined(JOIN_BEVEL)
    return max(beyond, lat - hw);
#else
    return length(vec2(max(beyond, 0.0), lat)) - hw;
#endif
#else
    float end = open_end ? beyond : -1.0e9;
    // Past a joint, the arc goes on only as far as the pixel lies along the next
    // segment too: on a gentle curve as if straight on, at a sharp corner it stops at
    // the joint (the next segment's dashes are not this one's to draw).
    float arc = t;
    if (!open_end && t > len) {
        arc = len + min(t - len, max(dot(p - b, unit(after - b)), 0.0));
    } else if (!open_end && t < 0.0) {
        arc = -min(-t, max(dot(a - p, unit(a - before)), 0.0));
    }
    end = max(end, -dash_inside(s_a + arc, open.x > 0.5 ? s_a : -1.0e30,
                                open.y > 0.5 ? s_a + len : 1.0e30));
    float dist = cap_distance(end, lat, hw);
    if (!open_end) {
#if defined(JOIN_MITER) || defined(JOIN_BEVEL)
        dist = max(dist, max(beyond, lat - hw));  // square: the join fills the corner
#else
        dist = max(dist, length(vec2(max(beyond, 0.0), lat)) - hw);
#endif
    }
    return dist;
#endif
}

#if defined(JOIN_MITER) || defined(JOIN_BEVEL)
// Signed distance of p from the corner of the joint b between [a, b] and [b, c]: where
// both segments' bands meet, cut square across the outer side at the bevel (through
// the two outer corners) or, for a miter, at its point up to u_miter_limit half
// widths from b (Agg's miter, which matplotlib draws: cut there, not bevelled).
float join_distance(vec2 p, vec2 a, vec2 b, vec2 c) {
    float hw = 0.5 * u_width * u_pixel_ratio;
    vec2 d1 = b - a, d2 = c - b;
    d1 = length(d1) > 1e-6 ? normalize(d1) : vec2(1.0, 0.0);
    d2 = length(d2) > 1e-6 ? normalize(d2) : d1;
    vec2 n1 = vec2(-d1.y, d1.x), n2 = vec2(-d2.y, d2.x);
    float outer = d1.x * d2.y - d1.y * d2.x > 0.0 ? -1.0 : 1.0;  // a left turn: right
    vec2 m = outer * (n1 + n2);
    m = length(m) > 1e-6 ? normalize(m) : d1;
    float cos_half = max(dot(outer * n1, m), 0.0);
#ifdef JOIN_MITER
    float limit = u_miter_limit > 0.0 ? u_miter_limit : u_width * u_pixel_ratio;
    float reach = min(hw / max(cos_half, 1e-6), hw * limit);
#else
    float reach = hw * cos_half;
#endif
    vec2 q = p - b;
    return max(max(abs(dot(q, n1)), abs(dot(q, n2))) - hw, dot(q, m) - reach);
}
#endif

void main() {
    vec2 p = gl_FragCoord.xy;
    if ((v_joined.x > 0.5 && !leaves(p, v_prev, v_a, v_b))
            || (v_joined.y > 0.5 && leaves(p, v_a, v_b, v_next))) {
        discard;  // the neighbouring segment draws this pixel
    }
    float dist = stroke_distance(p, v_a, v_b, v_dist.x, 1.0 - v_joined, v_prev, v_next);
#if defined(JOIN_MITER) || defined(JOIN_BEVEL)
    float corner = 1.0e9;
    if (v_joined.x > 0.5) corner = join_distance(p, v_prev, v_a, v_b);
    if (v_joined.y > 0.5) corner = min(corner, join_distance(p, v_a, v_b, v_next));
#ifdef DASHED
    // a corner is drawn where a dash passes the joint
    corner = max(corner, -dash_inside(v_joined.x > 0.5 && length(p - v_a) < length(p - v_b)
                                      ? v_dist.x : v_dist.y, -1.0e30, 1.0e30));
#endif
    dist = min(dist, corner);
#endif
#ifdef DASHED
    // the nearest segment covers the pixel most, unless a neighbour's dash reaches it
    if (v_joined.x > 0.5) {
        dist = min(dist, stroke_distance(p, v_prev, v_a, v_dist.x - length(v_a - v_prev),
                                         vec2(0.0), v_prev, v_b));
    }
    if (v_joined.y > 0.5) {
        dist = min(dist, stroke_distance(p, v_b, v_next, v_dist.y, vec2(0.0), v_a, v_next));
    }
#endif
#ifdef ALIASED
    float coverage = dist <= 0.0 ? 1.0 : 0.0;
#else
    float coverage = clamp(0.5 - dist, 0.0, 1.0);
#endif
    if (coverage <= 0.0) discard;
    f_color = vec4(v_color.rgb, v_color.a * coverage);
}
"""
CAPS = ("round", "butt", "projecting")
JOINS = ("round", "miter", "bevel")
# one program per (dash pairs, cap, join, antialiased), made when first drawn
_PROGRAMS: dict[tuple[int, str, str, bool], ShaderTemplate] = {}


def _program(pairs: int, cap: str, join: str, antialiased: bool) -> ShaderTemplate:
    """The line program: solid (``pairs`` 0) or dashed with 1 to 4 (on, off) pairs."""
    key = (pairs, cap, join, antialiased)
    if key not in _PROGRAMS:
        names = (["DASHED", f"DASH_PAIRS {pairs}"] if pairs else []) \
            + (["ALIASED"] if not antialiased else [])
        names += [f"CAP_{cap.upper()}"] if cap != "round" else []
        names += [f"JOIN_{join.upper()}"] if join != "round" else []
        define = "".join(f"#define {name}\n" for name in names)
        _PROGRAMS[key] = ShaderTemplate(define + _VERTEX, define + _FRAGMENT)
    return _PROGRAMS[key]

# Dashes follow the arc length on screen, which every pan or zoom changes: three kinds
# of passes before a dashed line's draw recompute it on the GPU from the camera, in
# both executors (no compute shaders: render-target passes, as WebGL2 allows).
# 1. lengths: one point per drawn point k into texel (k % W, k / W) of a W-wide
#    rgba32f target: (on-screen length of the segment ending at k, 1 if k breaks the
#    line) -- 0 for a segment touching a break.
# 2. rows: _SCAN_PASSES Hillis-Steele steps (1, 2, 4, ... texels) ping-ponging two
#    targets: each texel becomes the segmented sum of its row up to it (a break
#    restarts the sum, as each line of a batch and each piece after a NaN does).
# 3. offsets (1 x H): what the rows before each row add (back to the last break).
# The line's vertex shader adds the two (arc_length above).
_SCAN_WIDTH = 1024
_SCAN_PASSES = 10  # 2**10 = _SCAN_WIDTH
_SCAN_MAX_ROWS = 2048  # what every WebGL2 allows for a texture side
_SCAN_LENGTHS = ShaderTemplate(vertex="""
uniform mat4 u_mvp;
uniform vec4 u_viewport;     // the target: [0, 0, W, H]
uniform vec2 u_view_size;    // physical pixels of the view the line is drawn in
in vec4 a_prev;
in vec4 a_p0;
flat out vec2 v_value;
#pragma snippets

void main() {
    vec4 c0 = u_mvp * $transform(vec4(a_prev.xyz, 1.0));
    vec4 c1 = u_mvp * $transform(vec4(a_p0.xyz, 1.0));
    bool drawn = a_prev.w > 0.5 && a_p0.w > 0.5 && c0.w > 0.0 && c1.w > 0.0;
    float len = drawn ? length((c1.xy / c1.w - c0.xy / c0.w) * 0.5 * u_view_size) : 0.0;
    v_value = vec2(len, a_p0.w > 0.5 ? 0.0 : 1.0);
    int w = int(u_viewport.z);
    vec2 texel = vec2(float(gl_VertexID % w), float(gl_VertexID / w)) + 0.5;
    gl_Position = vec4(texel / u_viewport.zw * 2.0 - 1.0, 0.0, 1.0);
    gl_PointSize = 1.0;
}
""", fragment="""
flat in vec2 v_value;
out vec4 f_color;
void main() { f_color = vec4(v_value, 0.0, 1.0); }
""")
_SCAN_QUAD = """
void main() {
    // one triangle covering the target
    vec2 p = vec2(float((gl_VertexID & 1) << 2), float((gl_VertexID & 2) << 1)) - 1.0;
    gl_Position = vec4(p, 0.0, 1.0);
}
"""
_SCAN_ROWS = ShaderTemplate(vertex=_SCAN_QUAD, fragment="""
uniform highp sampler2D u_in;
uniform int u_step;
out vec4 f_color;
void main() {
    ivec2 p = ivec2(gl_FragCoord.xy);
    vec2 b = texelFetch(u_in, p, 0).rg;
    if (p.x >= u_step) {
        vec2 a = texelFetch(u_in, ivec2(p.x - u_step, p.y), 0).rg;
        b = vec2(b.y > 0.5 ? b.x : a.x + b.x, max(a.y, b.y));
    }
    f_color = vec4(b, 0.0, 1.0);
}
""")
_SCAN_OFFSETS = ShaderTemplate(vertex=_SCAN_QUAD, fragment="""
uniform highp sampler2D u_rows;
out vec4 f_color;
void main() {
    int row = int(gl_FragCoord.y);
    int last = textureSize(u_rows, 0).x - 1;
    float sum = 0.0;
    for (int j = row - 1; j >= 0; j--) {
        vec2 t = texelFetch(u_rows, ivec2(last, j), 0).rg;
        sum += t.x;
        if (t.y > 0.5) break;  // a break in row j: nothing before it counts
    }
    f_color = vec4(sum, 0.0, 0.0, 1.0);
}
""")


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
               cap: str = "round", join: str = "round",
               dash_offset: float = 0.0) -> list[Path]:
    """Stroked paths of a polyline in pixels drawn as the GL line draws it: ``join``
    joins, ``cap`` ends (of the line, or of each dash), NaN rows breaking it, per-point
    colors blended per segment (runs of one color share a path), dashes continuing
    along the arc length, each piece starting ``dash_offset`` pixels into the pattern.
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
        pattern = tuple(dashes)
        # a phase in 0..period: PDF's dash phase is not negative
        dist = (arc_lengths(px, valid) + dash_offset) % sum(pattern)
    out: list[Path] = []
    by_color: dict[tuple, list] = {}
    for a, b in runs:
        color = tuple(seg_rgba[a].tolist())
        if pattern is None:  # runs of one color become subpaths of one path
            by_color.setdefault(color, []).append(px[a : b + 1])
            continue
        stroke = Stroke(color, width, pattern, float(dist[a]), join, cap)
        out.append(Path(px[a : b + 1], stroke=stroke, clip=clip))
    nan = np.full((1, 2), np.nan)
    for color, parts in by_color.items():
        verts = np.concatenate([p for part in parts for p in (part, nan)][:-1])
        out.append(Path(verts, stroke=Stroke(color, width, None, 0.0, join, cap), clip=clip))
    return out


def _dash_uniforms(dashes, offset: float) -> dict:
    """The shader's u_dash, u_dash_more (the pattern padded to four pairs with zeros)
    and u_dash_offset."""
    d = tuple(dashes or (1.0, 0.0)) + (0.0,) * (8 - len(dashes or (1.0, 0.0)))
    return {"u_dash": d[:4], "u_dash_more": d[4:], "u_dash_offset": float(offset)}


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

    ``dashes``: up to four (on, off) pairs in logical pixels, the pattern started
    ``dash_offset`` pixels into it. ``color`` is one color, one per line, or one per
    point (N, 3|4). ``cap`` shapes the
    open ends of a solid line, ``dash_cap`` the ends of dashes ("round", "butt",
    "projecting"; matplotlib's solid_capstyle and dash_capstyle), ``join`` the
    corners ("round", "miter", "bevel"; a miter reaches ``miter_limit`` half widths
    at most, by default the width in pixels, as matplotlib's Agg); ``antialiased``
    False draws hard edges.

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
                 dash_cap: str = "butt", dash_offset: float = 0.0) -> None:
        super().__init__()
        self.cap = cap
        self.dash_cap = dash_cap
        self.join = join
        self.miter_limit = miter_limit
        self.antialiased = antialiased
        if lod not in (True, False, "auto"):
            raise ValueError(f"lod: got {lod!r}, expected True, False or 'auto'")
        self._lod = lod
        self._pyramids: list | None = None  # one per line (None: drawn whole) under LOD
        self._lod_key = None
        self._scan: list | None = None  # the dash scan's render targets (made when dashed)
        self.dashes = dashes
        self.dash_offset = dash_offset
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
        self.data_version = 0  # counts changes of the points (followers cache on it)
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
    def antialiased(self) -> bool:
        """Smooth edges (True) or hard ones, each pixel in or out (False)."""
        return self._antialiased

    @antialiased.setter
    def antialiased(self, value) -> None:
        if not isinstance(value, (bool, np.bool_)):
            raise TypeError(f"antialiased: got {value!r}, expected True or False")
        self._antialiased = bool(value)

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

    def update_points(self, start: int, values, y_only: bool = False) -> None:
        """Overwrite points ``start:start + len(values)`` of the (joined) rows
        (``y_only``: the caller says their x did not change, so an x-sorted line is not
        checked again).

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
            if not self._update_pyramids(start, stop, check_sorted=not y_only):
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
            points, index = subdivide(_pad3(self._points), self.transform, return_index=True)
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
        self._color_buffer.set_data(self._colors())

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
                          ctx.clip, self._cap if self._dashes is None else self._dash_cap,
                          self._join, self._dash_offset)

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
        dashed = self._dashes is not None and n <= _SCAN_WIDTH * _SCAN_MAX_ROWS
        if self._dashes is not None and not dashed:
            import warnings

            warnings.warn(f"dashes: a line of {n} drawn points is drawn solid (dashes are "
                          f"measured on the GPU for up to {_SCAN_WIDTH * _SCAN_MAX_ROWS})",
                          RuntimeWarning, stacklevel=2)
        program = _program(len(self._dashes) // 2 if dashed else 0,
                           self._dash_cap if dashed else self._cap, self._join,
                           self._antialiased).compose(transform=snippet)
        pb, cb = self._pos_buffer, self._color_buffer
        attributes = {
            "a_prev": Attribute(pb, 4, "f4", 0, 16, 1),
            "a_p0": Attribute(pb, 4, "f4", 16, 16, 1),
            "a_p1": Attribute(pb, 4, "f4", 32, 16, 1),
            "a_next": Attribute(pb, 4, "f4", 48, 16, 1),
            "a_c0": Attribute(cb, 4, "u1", 0, 4, 1),
            "a_c1": Attribute(cb, 4, "u1", 4, 4, 1),
        }
        passes = self._dash_scan(ctx, snippet, model, n) if dashed else []
        follow, data = None, {}
        if ctx.follow and self._pyramids is not None and ctx.camera["type"] == "panzoom":
            from .follow import line_follower  # the page's level of detail

            follow, data = line_follower(self, ctx)
        limit = self._miter_limit  # 0 in the shader: the width in pixels
        textures = {} if not dashed else {"u_arc_rows": self._scan[0],
                                          "u_arc_offsets": self._scan[2]}
        return passes + [Draw(
            program=program, view=ctx.view_id, mode="triangle_strip", count=4,
            instances=n - 1, attributes=attributes, textures=textures,
            uniforms={"u_width": self._width, **_dash_uniforms(self._dashes, self._dash_offset),
                      "u_miter_limit": 0.0 if limit is None else max(limit, 1e-6),
                      **snippet.uniforms},
            state=State(depth_test=ctx.is_3d, blend="alpha"),
            origin=tuple(self._origin), model=model, follow=follow, data=data,
        )]

    def _dash_scan(self, ctx: DrawContext, snippet, model, n: int) -> list[Draw]:
        """The passes that compute the arc length of every drawn point on screen for
        this frame's camera (see _SCAN_LENGTHS): the dash pattern stays regular under
        any pan or zoom, in a page too, where the runtime moves the camera alone."""
        rows = -(-n // _SCAN_WIDTH)
        if self._scan is None:
            self._scan = [RenderTarget((_SCAN_WIDTH, rows), "rgba32f", None),
                          RenderTarget((_SCAN_WIDTH, rows), "rgba32f", None),
                          RenderTarget((1, rows), "rgba32f", None)]
        for t in self._scan:
            t.size = (t.size[0], rows)
        a, b, offsets = self._scan
        pb = self._pos_buffer
        # a runtime that rewrites the points (the page's followers) resizes the
        # targets of the draws that say which line they scan
        follow = {"kind": "dash_scan", "line": pb.id}
        view_px = [float(v * ctx.pixel_ratio) for v in ctx.size]
        opaque = State(blend=None, depth_write=False)
        out = [Draw(
            program=_SCAN_LENGTHS.compose(transform=snippet), view=ctx.view_id,
            mode="points", count=n,
            attributes={"a_prev": Attribute(pb, 4, "f4", 0, 16),
                        "a_p0": Attribute(pb, 4, "f4", 16, 16)},
            uniforms={"u_view_size": view_px, **snippet.uniforms}, target=a,
            state=opaque, origin=tuple(self._origin), model=model, follow=follow,
        )]
        source, dest = a, b
        for k in range(_SCAN_PASSES):
            out.append(Draw(
                program=_SCAN_ROWS.compose(), view=ctx.view_id, mode="triangles", count=3,
                textures={"u_in": source}, int_uniforms={"u_step": 1 << k}, target=dest,
                state=opaque, follow=follow,
            ))
            source, dest = dest, source
        out.append(Draw(
            program=_SCAN_OFFSETS.compose(), view=ctx.view_id, mode="triangles", count=3,
            textures={"u_rows": source}, target=offsets, state=opaque, follow=follow,
        ))
        return out
