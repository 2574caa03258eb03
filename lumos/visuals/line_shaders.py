"""The GLSL of :class:`.line.Line`: the segment program (caps, joins, dashes) and the
passes that measure dashes on screen."""

from __future__ import annotations

from ..shaders import ShaderTemplate
from . import glsl

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
_VERTEX = glsl.SCREEN + glsl.SNAP + """
#ifdef ROWS
// Two triangles (6 vertices) per segment, not instanced: llvmpipe runs its vertex
// pipeline, with a malloc, once per instance (a joined run of 3906 segments: 56.8 ->
// 52.1 M instructions, benchmarks/README.md, s33-lineverts). The segment's points and colors
// are the line's rows, read from textures of ROW_TEXELS texels a row (row k at texel
// (k % ROW_TEXELS, k / ROW_TEXELS); lumos/visuals/line_rows.py).
uniform highp sampler2D u_points;
uniform highp sampler2D u_colors;  // rgba8: a byte b reads as b / 255
uniform int u_first;  // the run's first segment
vec4 row_at(highp sampler2D rows, int k) {
    return texelFetch(rows, ivec2(k % ROW_TEXELS, k / ROW_TEXELS), 0);
}
#else
in vec4 a_prev;
in vec4 a_p0;
in vec4 a_p1;
in vec4 a_next;
in vec4 a_c0;
in vec4 a_c1;
#endif
uniform float u_width;
uniform float u_miter_limit;
uniform float u_snap;  // 1: straight segments on the pixel grid (Line.snap)
#ifdef DASHED
uniform highp sampler2D u_arc_rows;     // segmented prefix sums of lengths per row
uniform highp sampler2D u_arc_offsets;  // what the rows before each row add
#endif
uniform float u_samples;
#ifdef ONE_COLOR
flat out vec4 v_color;  // every point one color: nothing to interpolate per pixel
#else
out vec4 v_color;
#endif
flat out vec2 v_a;
flat out vec2 v_b;
flat out vec2 v_prev;
flat out vec2 v_next;
flat out vec2 v_joined;  // 1 where a segment comes before / after this one
flat out vec2 v_dist;
// half the width in physical pixels, made here once per vertex: the fragment shader
// reading u_width and u_pixel_ratio costs llvmpipe more per pixel than a flat input
// (3 % of the instructions of a 10^6-point line's redraw)
flat out float v_half_width;
#pragma snippets

// Window position and depth of a point, or false for a break or a point behind the eye.
bool to_window(vec4 point, out vec2 s, out float z) {
    vec4 c = u_mvp * $transform(vec4(point.xyz, 1.0));
#ifdef JOINED
    // a 2D view (the draw's promise): c.w is 1 and c.z 0, the division a no-op
    s = point.w > 0.5 ? (c.xy * 0.5 + 0.5) * u_viewport.zw + u_viewport.xy : vec2(0.0);
    z = 0.0;
    return point.w > 0.5;
#else
    bool drawn = point.w > 0.5 && c.w > 0.0;
    s = drawn ? clip_to_window(c) : vec2(0.0);
    z = drawn ? c.z / c.w : 0.0;
    return drawn;
#endif
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

// Far ends (a log axis clips values <= 0 to 1000 decades down: 10^8 pixels away on a
// zoomed view) are moved along their segment into a box GUARD pixels around the view:
// the fragment shader's distances to an end that far would lose whole pixels in float32
// (the stroke breaks up). The fraction of the way from `from` (the end kept, which
// anchors the result) to `to` that stays inside the box; 1 when `to` lies inside.
const float GUARD = 4096.0;
float inside_fraction(vec2 from, vec2 to) {
    vec2 lo = u_viewport.xy - GUARD, hi = u_viewport.xy + u_viewport.zw + GUARD;
    vec2 d = to - from;
    float u = 1.0;
    for (int i = 0; i < 2; i++) {
        if (to[i] > hi[i]) u = min(u, (hi[i] - from[i]) / d[i]);
        if (to[i] < lo[i]) u = min(u, (lo[i] - from[i]) / d[i]);
    }
    return max(u, 0.0);
}

// `to` moved that fraction of the way from `from`; exactly `to` when it lies inside
// (both segments at a joint must compute the same points to agree on its pixels)
vec2 cut_at(vec2 from, vec2 to, float u) {
    return u < 1.0 ? from + u * (to - from) : to;
}

void main() {
#ifdef ROWS
    // the corners of triangles (0, 1, 2) and (2, 1, 3) of the strip below
    const int CORNERS[6] = int[6](0, 1, 2, 2, 1, 3);
    int corner = CORNERS[gl_VertexID % 6];
    int segment = u_first + gl_VertexID / 6;
    vec4 a_prev = row_at(u_points, segment), a_p0 = row_at(u_points, segment + 1);
    vec4 a_p1 = row_at(u_points, segment + 2), a_next = row_at(u_points, segment + 3);
    // the bytes as the instanced attributes read them (b, not b / 255 * 255)
    vec4 a_c0 = floor(row_at(u_colors, segment) * 255.0 + 0.5);
    vec4 a_c1 = floor(row_at(u_colors, segment + 1) * 255.0 + 0.5);
#else
    int corner = gl_VertexID;
#endif
    vec2 s0, s1, s_prev, s_next;
    float z0, z1, z_prev, z_next;
    bool drawn = to_window(a_p0, s0, z0);
    drawn = to_window(a_p1, s1, z1) && drawn;
    if (!drawn) {
        gl_Position = DISCARDED;
        return;
    }
#ifdef JOINED
    // both neighbours drawn, no point beyond the box (the draw's promise): no cut
    to_window(a_prev, s_prev, z_prev);
    to_window(a_next, s_next, z_next);
    v_joined = vec2(1.0);
#else
    v_joined.x = to_window(a_prev, s_prev, z_prev) ? 1.0 : 0.0;
    v_joined.y = to_window(a_next, s_next, z_next) ? 1.0 : 0.0;
    // each end cut into the box from the other one (the second from the first's cut,
    // which lies near the view); a cut end is open: its joint lies far outside the view
    float u0 = inside_fraction(s1, s0);
    vec2 cut0 = cut_at(s1, s0, u0);
    float u1 = inside_fraction(cut0, s1);
    vec2 cut1 = cut_at(cut0, s1, u1);
#ifdef DASHED
    float lost0 = length(cut0 - s0);  // the arc length the cut skips at p0
#endif
    v_joined *= vec2(u0 < 1.0 ? 0.0 : 1.0, u1 < 1.0 ? 0.0 : 1.0);
    z0 = mix(z1, z0, u0);
    z1 = mix(z0, z1, u1);
    s0 = cut0;
    s1 = cut1;
    // the neighbours' directions kept, their far ends cut from the joint
    s_prev = cut_at(s0, s_prev, inside_fraction(s0, s_prev));
    s_next = cut_at(s1, s_next, inside_fraction(s1, s_next));
#endif
    if (u_snap > 0.5 && min(abs(s1.x - s0.x), abs(s1.y - s0.y)) < 1e-4) {
        // Agg's PathSnapper (path.snap, glsl.SNAP)
        float off = snap_offset(u_width);
        s0 = snapped(s0, off);
        s1 = snapped(s1, off);
        // the neighbours too: a joint's corner is where both segments put it
        s_prev = snapped(s_prev, off);
        s_next = snapped(s_next, off);
    }
    vec2 d = s1 - s0;
    float len = length(d);
    vec2 dir = len > 1e-6 ? d / len : vec2(1.0, 0.0);
    vec2 nrm = vec2(-dir.y, dir.x);
    // every pixel centre within half the width plus half a pixel; a multisampled
    // pixel's samples lie off its centre, half a pixel more
    float half_width = 0.5 * u_width * u_pixel_ratio;
#ifdef ALIASED
    // every pixel whose square the stroke touches: centres up to 0.71 pixel further
    float hw = half_width + 1.0;
#else
    float hw = half_width + (u_samples > 1.0 ? 1.0 : 0.5);
#endif
    // triangle strip corners: 0 (p0, -n), 1 (p1, -n), 2 (p0, +n), 3 (p1, +n)
    float along = (corner == 1 || corner == 3) ? 1.0 : 0.0;
    float side = corner >= 2 ? 1.0 : -1.0;
    float reach = hw;
#ifdef JOIN_MITER
    // a miter's point lies past the segment's end, on its edge line
    float limit = u_miter_limit > 0.0 ? u_miter_limit : u_width * u_pixel_ratio;
    vec2 other = along > 0.5 ? s_next - s1 : s0 - s_prev;
    bool joined = along > 0.5 ? v_joined.y > 0.5 : v_joined.x > 0.5;
    if (joined && length(other) > 1e-6) {
        reach += miter_reach(along > 0.5 ? dir : -dir, normalize(along > 0.5 ? other : -other),
                             half_width, limit);
    }
#endif
    vec2 p = mix(s0, s1, along) + (2.0 * along - 1.0) * dir * reach + side * nrm * hw;
    gl_Position = window_to_clip(p, mix(z0, z1, along));
#ifdef ONE_COLOR
    v_color = a_c0 / 255.0;  // a_c1 is the same color
#else
    v_color = mix(a_c0, a_c1, along) / 255.0;
#endif
    v_a = s0;
    v_b = s1;
    v_half_width = half_width;
    v_prev = s_prev;
    v_next = s_next;
#ifdef DASHED
    v_dist = vec2(arc_length(gl_InstanceID) + lost0, arc_length(gl_InstanceID + 1));
#else
    v_dist = vec2(0.0);
#endif
}
"""

# The fragment shader. Defines choose the variant (a program each: a branch on a
# uniform would make software rasterizers run both per pixel): DASHED; CAP_BUTT,
# CAP_PROJECTING or neither (round) for open ends and dash ends; JOIN_MITER, JOIN_BEVEL
# or neither (round); ALIASED (a pixel is in or out, as Agg's non-antialiased
# rendering: covered when the stroke overlaps it); ONE_COLOR (every point one color: the color
# is not interpolated per pixel); ROWS (solid lines: the points and colors read from row
# textures by gl_VertexID, not from instanced attributes); JOINED (ROWS too, and every
# drawn segment of the draw joins a neighbour at both ends and no point lies beyond the
# vertex shader's box, as the line checks on the CPU: the per-pixel open-end branch,
# whose both sides llvmpipe runs for every pixel block, and the far-end cut are
# compiled out).
_FRAGMENT = """
uniform float u_width;
uniform float u_pixel_ratio;
uniform float u_miter_limit;  // the miter's reach in half widths; 0: the width in pixels
uniform vec4 u_dash;  // on, off, on, off lengths in logical pixels
uniform vec4 u_dash_more;  // two more (on, off) pairs (zeros: none)
uniform float u_dash_offset;  // how far into the pattern a line starts, logical pixels
#ifdef ONE_COLOR
flat in vec4 v_color;
#else
in vec4 v_color;
#endif
flat in vec2 v_a;
flat in vec2 v_b;
flat in vec2 v_prev;
flat in vec2 v_next;
flat in vec2 v_joined;
flat in vec2 v_dist;  // arc length at both ends, physical pixels (dashed)
flat in float v_half_width;
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

// Dash and gap i, i + 1 of the pattern in physical pixels; aliased, as Agg's binary
// rendering, each a whole number of pixels and a half.
vec2 dash_pair(int i) {
    vec2 pair = (i < 4 ? (i < 2 ? u_dash.xy : u_dash.zw)
                       : (i < 6 ? u_dash_more.xy : u_dash_more.zw)) * u_pixel_ratio;
#ifdef ALIASED
    pair = floor(pair) + 0.5;
#endif
    return pair;
}

// How far arc length s lies inside the nearest dash of the pattern (< 0: in a gap),
// the pattern started u_dash_offset into it (matplotlib's dash offset) and its dashes
// cut to the line's arc lengths [lo, hi]: no dash beyond a line's end is drawn, nor
// its cap, as in matplotlib's Agg. DASH_PAIRS (on, off) pairs: a loop unrolled.
float dash_inside(float s, float lo, float hi) {
#ifdef ALIASED
    float period = 0.0;
    for (int i = 0; i < 2 * DASH_PAIRS; i += 2) {
        vec2 pair = dash_pair(i);
        period += pair.x + pair.y;
    }
#else
    float period = dot(u_dash + u_dash_more, vec4(1.0)) * u_pixel_ratio;
#endif
    float base = s - mod(s + u_dash_offset * u_pixel_ratio, period);  // this period's start
    // a pixel past an open end looks at the period that holds that end
    if (base > hi) base -= period * ceil((base - hi) / period);
    if (base + period < lo) base += period * floor((lo - base) / period);
    // the next period's first dash, just ahead
    float best = dash_piece(s, base + period, dash_pair(0).x, lo, hi);
    float start = base;
    for (int i = 0; i < 2 * DASH_PAIRS; i += 2) {
        vec2 pair = dash_pair(i);
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
    float hw = v_half_width;
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
    // solid: the cap at an open end; a joined end is round (the capsule's distance,
    // shared with leaves() above), or square where the corner polygon fills the rest
    if (open_end) return cap_distance(beyond, lat, hw);
#if defined(JOIN_MITER) || defined(JOIN_BEVEL)
    return max(beyond, lat - hw);
#else
    return segment_distance(p, a, b) - hw;
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
    float hw = v_half_width;
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
#ifdef JOINED
    const vec2 joined = vec2(1.0);  // no open end: the cap code compiles away
#else
    vec2 joined = v_joined;
#endif
    if ((joined.x > 0.5 && !leaves(p, v_prev, v_a, v_b))
            || (joined.y > 0.5 && leaves(p, v_a, v_b, v_next))) {
        discard;  // the neighbouring segment draws this pixel
    }
    float dist = stroke_distance(p, v_a, v_b, v_dist.x, 1.0 - joined, v_prev, v_next);
#if defined(JOIN_MITER) || defined(JOIN_BEVEL)
    float corner = 1.0e9;
    if (joined.x > 0.5) corner = join_distance(p, v_prev, v_a, v_b);
    if (joined.y > 0.5) corner = min(corner, join_distance(p, v_a, v_b, v_next));
#ifdef DASHED
    // a corner is drawn where a dash passes the joint
    corner = max(corner, -dash_inside(joined.x > 0.5 && length(p - v_a) < length(p - v_b)
                                      ? v_dist.x : v_dist.y, -1.0e30, 1.0e30));
#endif
    dist = min(dist, corner);
#endif
#ifdef DASHED
    // the nearest segment covers the pixel most, unless a neighbour's dash reaches it
    if (joined.x > 0.5) {
        dist = min(dist, stroke_distance(p, v_prev, v_a, v_dist.x - length(v_a - v_prev),
                                         vec2(0.0), v_prev, v_b));
    }
    if (joined.y > 0.5) {
        dist = min(dist, stroke_distance(p, v_b, v_next, v_dist.y, vec2(0.0), v_a, v_next));
    }
#endif
#ifdef ALIASED
    // Agg's binary rendering (matplotlib's antialiased=False) sets every pixel the
    // stroke overlaps at all: the stroke comes nearer the centre than the pixel square
    // reaches across the segment (half a pixel for a straight one, 0.71 diagonally).
    // A line of any width, however thin, is a connected path of pixels.
    vec2 across = abs(unit(v_b - v_a));
    float coverage = dist < max(0.5 * (across.x + across.y), 0.5) ? 1.0 : 0.0;
#else
    float coverage = clamp(0.5 - dist, 0.0, 1.0);
#endif
    if (coverage <= 0.0) discard;
    f_color = vec4(v_color.rgb, v_color.a * coverage);
}
"""
# texels a row of the textures the ROWS variants read the points from
ROW_TEXELS = 1024
CAPS = ("round", "butt", "projecting")
JOINS = ("round", "miter", "bevel")
# how a draw reads its segments: instanced attributes from the buffers, or by
# gl_VertexID from the row textures with (ROWS) or without (JOINED) open ends
FETCHES = ("instanced", "rows", "joined")
# one program per (dash pairs, cap, join, antialiased, one color, fetch), made when
# first drawn
_PROGRAMS: dict[tuple[int, str, str, bool, bool, str], ShaderTemplate] = {}


def line_program(pairs: int, cap: str, join: str, antialiased: bool,
                 one_color: bool = False, fetch: str = "instanced") -> ShaderTemplate:
    """The line program: solid (``pairs`` 0) or dashed with 1 to 4 (on, off) pairs;
    ``one_color``: every point has the same color (not interpolated per pixel);
    ``fetch`` (one of FETCHES; "rows" and "joined" solid only): "instanced" reads each
    segment's points from instanced attributes, "rows" from the row textures
    (two triangles a segment), "joined" too, for segments without open ends or far
    points."""
    if fetch not in FETCHES:
        raise ValueError(f"fetch: got {fetch!r}, expected one of {', '.join(FETCHES)}")
    if fetch != "instanced" and pairs:
        raise ValueError(f"fetch: the {fetch!r} variant draws solid lines only (pairs 0), "
                         f"got pairs={pairs}")
    key = (pairs, cap, join, antialiased, one_color, fetch)
    if key not in _PROGRAMS:
        rows = fetch != "instanced"
        names = (["DASHED", f"DASH_PAIRS {pairs}"] if pairs else []) \
            + (["ALIASED"] if not antialiased else []) + (["ONE_COLOR"] if one_color else []) \
            + (["ROWS"] if rows else []) + (["JOINED"] if fetch == "joined" else [])
        names += [f"CAP_{cap.upper()}"] if cap != "round" else []
        names += [f"JOIN_{join.upper()}"] if join != "round" else []
        names += [f"ROW_TEXELS {ROW_TEXELS}"] if rows else []
        define = "".join(f"#define {name}\n" for name in names)
        _PROGRAMS[key] = ShaderTemplate(define + _VERTEX, define + _FRAGMENT)
    return _PROGRAMS[key]

# Dashes follow the arc length on screen, which every pan or zoom changes: three kinds
# of passes before a dashed line's draw recompute it on the GPU from the camera, in
# both executors (no compute shaders: render-target passes, as WebGL2 allows).
# 1. lengths: one point per drawn point k into texel (k % W, k / W) of a W-wide
#    rgba32f target: (on-screen length of the segment ending at k, 1 if k breaks the
#    line) -- 0 for a segment touching a break.
# 2. rows: SCAN_PASSES Hillis-Steele steps (1, 2, 4, ... texels) ping-ponging two
#    targets: each texel becomes the segmented sum of its row up to it (a break
#    restarts the sum, as each line of a batch and each piece after a NaN does).
# 3. offsets (1 x H): what the rows before each row add (back to the last break).
# The line's vertex shader adds the two (arc_length above).
SCAN_WIDTH = 1024
SCAN_PASSES = 10  # 2**10 = SCAN_WIDTH
SCAN_MAX_ROWS = 2048  # what every WebGL2 allows for a texture side
SCAN_LENGTHS = ShaderTemplate(vertex=glsl.SNAP_LOCAL + """
uniform mat4 u_mvp;
uniform vec4 u_viewport;     // the target: [0, 0, W, H]
uniform vec2 u_view_size;    // physical pixels of the view the line is drawn in
uniform float u_snap;        // the line's (Line.snap): lengths between snapped ends
in vec4 a_prev;
in vec4 a_p0;
flat out vec2 v_value;
#pragma snippets

void main() {
    vec4 c0 = u_mvp * $transform(vec4(a_prev.xyz, 1.0));
    vec4 c1 = u_mvp * $transform(vec4(a_p0.xyz, 1.0));
    bool drawn = a_prev.w > 0.5 && a_p0.w > 0.5 && c0.w > 0.0 && c1.w > 0.0;
    // positions in the GL viewport, from its corner; lengths in the figure's exact
    // pixels (the dash pattern's), between snapped ends where the line's vertex shader
    // snaps the segment: the dashes follow it (a short segment snapped to 0 or 1 pixel)
    vec2 l0 = (c0.xy / c0.w * 0.5 + 0.5) * u_view_size;
    vec2 l1 = (c1.xy / c1.w * 0.5 + 0.5) * u_view_size;
    vec2 d = l1 - l0;
    if (u_snap > 0.5 && min(abs(l1.x - l0.x), abs(l1.y - l0.y)) < 1e-4) {
        d = snapped_local(l1, 0.0) - snapped_local(l0, 0.0);
    }
    float len = drawn ? length(d) : 0.0;
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
SCAN_ROWS = ShaderTemplate(vertex=_SCAN_QUAD, fragment="""
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
SCAN_OFFSETS = ShaderTemplate(vertex=_SCAN_QUAD, fragment="""
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


def dash_uniforms(dashes, offset: float) -> dict:
    """The shader's u_dash, u_dash_more (the pattern padded to four pairs with zeros)
    and u_dash_offset."""
    d = tuple(dashes or (1.0, 0.0)) + (0.0,) * (8 - len(dashes or (1.0, 0.0)))
    return {"u_dash": d[:4], "u_dash_more": d[4:], "u_dash_offset": float(offset)}
