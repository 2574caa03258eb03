"""The GLSL of :class:`.markers.Markers`: one program per symbol, composed of the
vertex shader that places a point sprite or an instanced quad and the fragment shader
that measures the distance to the symbol, and the snippets that fill its hooks (the
symbol's distance and reach, its stroked edge, its corners' join, its face: one color
or a half fill; an outline symbol's distance field as a texture)."""

from __future__ import annotations

import functools
import hashlib

from ..primitives import CAPS
from ..shaders import ShaderTemplate, Snippet
from . import glsl
from .marker_outline import MarkerOutline
from .marker_shapes import (
    GLSL,
    JOINSTYLES,
    OPEN_EDGES,
    REACH,
    SEGMENTS,
    SYMBOLS,
    distance_glsl,
    edge_glsl,
    join_glsl,
)


def _symbol_snippets(name: str) -> tuple[Snippet, Snippet]:
    """(vertex ``$reach``, fragment ``$symbol``) snippets of one symbol: each symbol is its
    own program (see :func:`lumos.visuals.marker_shapes.distance_glsl`)."""
    return (Snippet(f"reach_{name}",
                    f"float reach_{name}(float r) {{ return {REACH[name]!r} * r; }}"),
            Snippet(f"symbol_{name}", distance_glsl(name)))


SNIPPETS = {name: _symbol_snippets(name) for name in SYMBOLS}

# The stroked edge (``$edge``: distance to it) and the face color at a pixel (``$face``).
# Most symbols stroke their outline (|d|) and fill one color; a caret strokes an open
# path, a line marker its segments with butt ends, a half fill paints two colors and
# strokes the line between them too.
EDGE_CLOSED = Snippet("edge_closed",
                      "float edge_closed(vec2 p, float r, float d, float ew) "
                      "{ return abs(d); }")
EDGES = {(name, cap): Snippet(f"edge_{name}" + ("" if cap == "butt" else f"_{cap}"),
                              edge_glsl(name, cap))
         for name in (*OPEN_EDGES, *SEGMENTS) for cap in CAPS
         if cap == "butt" or name in SEGMENTS}  # carets' ends butt


@functools.cache
def join_snippet(name: str, join: str) -> Snippet:
    """The ``$join`` snippet of a named symbol's corners (:func:`.marker_shapes.join_glsl`;
    every round join, and every outline's, one that leaves the distance)."""
    if join == "round" or name not in JOINSTYLES:
        name, join = "any", "round"
    return Snippet(f"join_{name}_{join}", join_glsl(name, join))


#: corners an outline's join snippet tests at most per pixel (a glyph's flattened curves
#: have hundreds, which a round join draws alike)
_MAX_JOINED_CORNERS = 32


def joined_corners(outline: MarkerOutline, join: str) -> list:
    """The corners of an outline the shader joins as ``join`` (none: round)."""
    if join == "round":
        return []
    corners = outline.corners if join == outline.join else \
        MarkerOutline(outline.vertices, outline.codes, outline.filled, join).corners
    return corners if len(corners) <= _MAX_JOINED_CORNERS else []


@functools.lru_cache(maxsize=64)
def outline_join_snippet(outline: MarkerOutline, join: str) -> Snippet:
    """The ``$join`` snippet of an outline's corners (a regular polygon's, a sheared
    symbol's): its field's distance is round at a corner, this joins it as ``join``
    (allowing a fiftieth of r for the field's error near the corner)."""
    corners = joined_corners(outline, join)
    if not corners:
        return join_snippet("", "round")
    key = hashlib.sha1(outline.vertices.tobytes())
    key.update(repr((outline.codes is None or outline.codes.tolist(), outline.filled,
                     join)).encode())
    name = f"outline{key.hexdigest()[:12]}"
    return Snippet(f"join_{name}_{join}", join_glsl(name, join, corners, slack=0.02))


FACE_FULL = Snippet("face_full", "vec4 face_full(vec2 p, float r, vec4 c) { return c; }")
# both half-fill functions in one source (the template includes it once)
_HALF = """uniform vec2 u_half;       // the face half's direction
uniform float u_half_cut;  // where the halves meet along it (r)
uniform float u_half_edge;  // 1: the line between them is stroked
uniform vec4 u_alt_color;
float edge_half(vec2 p, float r, float d, float ew) {
    float s = (dot(p / r, u_half) - u_half_cut) * r;
    return u_half_edge > 0.5 ? min(abs(d), max(abs(s), d)) : abs(d);
}
vec4 face_half(vec2 p, float r, vec4 c) {
    float t = clamp((dot(p / r, u_half) - u_half_cut) * r + 0.5, 0.0, 1.0);
    float a = mix(u_alt_color.a, c.a, t);
    vec3 rgb = mix(u_alt_color.rgb * u_alt_color.a, c.rgb * c.a, t);
    return vec4(a > 0.0 ? rgb / a : rgb, a);
}"""
HALF_EDGE = Snippet("edge_half", _HALF)
HALF_FACE = Snippet("face_half", _HALF)

# An outline symbol (:class:`.marker_outline.MarkerOutline`) samples its distance field
# (in r, over [-u_shape_box, u_shape_box]); beyond the field it adds the distance to it.
# One program for every outline: the outline is a texture and two uniforms.
OUTLINE_SNIPPETS = (
    Snippet("reach_outline", "uniform float u_shape_reach;\n"
                             "float reach_outline(float r) { return u_shape_reach * r; }"),
    Snippet("symbol_outline", """uniform highp sampler2D u_shape;
uniform float u_shape_box;
float symbol_outline(vec2 p, float r) {
    vec2 q = p / r;
    vec2 inside = clamp(q, -u_shape_box, u_shape_box);
    float d = texture(u_shape, inside / u_shape_box * 0.5 + 0.5).r;
    return (d + length(q - inside)) * r;
}"""))


# The square that holds a marker of radius r has half side `extent`: the symbol's reach,
# half the edge width beyond it and half a pixel of antialiasing: every pixel centre the
# marker colours. Multisampled pixels need half a pixel more (their samples lie off
# the centre, and each is coloured only if the square covers it).
_VERTEX = glsl.SCREEN + glsl.SNAP + """
in vec3 a_pos;
in float a_size;
in vec4 a_color;
uniform float u_edge_width;
uniform float u_edge_reach;  // how far the edge reaches past the symbol, in half widths
uniform float u_samples;
const float TIE = 1.0 / 512.0;
uniform float u_snap;  // Markers._snap_mode: < 0 placed as given, else as Agg's draw_markers
uniform float u_snap_reach;  // how far the symbol's vertices reach (r units): snapped
uniform float u_snap_width;  // the edge's width (logical pixels), which the snapped path's
uniform mat4 u_modelview;
uniform float u_shade_min;  // alpha of the farthest points; 1: no depth shading
uniform vec3 u_shade_lo;    // the points' box (local coordinates), for depth shading
uniform vec3 u_shade_hi;
flat out vec4 v_color;
flat out float v_radius_in;
%(outputs)s
#pragma snippets

// mplot3d's depth cue: alpha falls from 1 at the nearest corner of the points' box by
// the depth behind it over the box's size, down to u_shade_min.
float depth_shade() {
    vec3 lo = vec3(1e30), hi = vec3(-1e30);
    for (int i = 0; i < 8; i++) {
        vec3 f = vec3(float(i & 1), float((i >> 1) & 1), float((i >> 2) & 1));
        vec3 e = (u_modelview * $transform(vec4(mix(u_shade_lo, u_shade_hi, f), 1.0))).xyz;
        lo = min(lo, e);
        hi = max(hi, e);
    }
    float scale = length(hi - lo);
    float z = (u_modelview * $transform(vec4(a_pos, 1.0))).z;
    return scale > 0.0 ? clamp(1.0 - (hi.z - z) / scale, u_shade_min, 1.0) : 1.0;
}

void main() {
    vec4 c = u_mvp * $transform(vec4(a_pos, 1.0));
    if (a_size <= 0.0 || c.w <= 0.0) {
        gl_Position = DISCARDED;
        return;
    }
    float r = 0.5 * a_size * u_pixel_ratio;
    if (u_snap >= 0.0) {
        // Agg's draw_markers: the origin rounded to a whole pixel; the symbol's centre
        // half a pixel past it, or its path's vertices snapped (PathSnapper: each to a
        // whole pixel, plus half a pixel for an edge an odd number of pixels wide)
        float off = 0.5;
        if (u_snap > 1.5) {  // a tick: from its origin out
            off = snap_offset(u_snap_width);
            r = 0.5 * floor(2.0 * r + 0.5);
        } else if (u_snap > 0.5) {  // about its centre: its farthest vertices at -e, e
            float e = r * u_snap_reach;
            float hi = floor(e + 0.5), lo = floor(0.5 - e);
            off = snap_offset(u_snap_width) + 0.5 * (hi + lo);
            r = 0.5 * (hi - lo) / u_snap_reach;
        }
        // (a point half way between pixels, as grid-aligned data often lies, rounds as
        // Agg's float64 does: up, and down in y; float32 noise would round it either way)
        vec2 s = snapped(clip_to_window(c) + vec2(TIE, -TIE), off);
        c = vec4(((s - u_viewport.xy) / u_viewport.zw * 2.0 - 1.0) * c.w, c.zw);
    }
    float extent = $reach(r) + 0.5 * u_edge_width * u_pixel_ratio * u_edge_reach
                 + (u_samples > 1.0 ? 1.0 : 0.5);
    v_radius_in = r;
    v_color = a_color / 255.0;
    if (u_shade_min < 1.0) {
        v_color.a *= depth_shade();
    }
%(place)s
}
"""

# one vertex per marker: a point sprite of side 2 * extent
_PLACE_POINT = """    gl_Position = c;
    gl_PointSize = 2.0 * extent;
    v_center = clip_to_window(c);"""

# four vertices per marker (an instanced triangle strip): a quad of half side extent
_PLACE_QUAD = """    vec2 corner = vec2((gl_VertexID == 1 || gl_VertexID == 3) ? 1.0 : -1.0,
                       gl_VertexID >= 2 ? 1.0 : -1.0);
    vec2 offset = corner * extent;
    gl_Position = c + vec4(offset / u_viewport.zw * 2.0 * c.w, 0.0, 0.0);
    v_offset = offset;"""

_FRAGMENT = """
uniform float u_edge_width;
uniform float u_pixel_ratio;
uniform vec4 u_edge_color;
uniform float u_edge_face;  // 1: the edge takes each point's face color
uniform float u_stroke;  // 1 for line markers: segments stroked in the point's color
flat in vec4 v_color;
flat in float v_radius_in;
%(inputs)s
out vec4 f_color;

GLSL_HELPERS
#pragma snippets

#ifdef TURNED
uniform vec4 u_turn;   // cos, sin of a turned symbol's rotation, its scale, 0
uniform vec2 u_shift;  // and its shift (r)
#endif

void main() {
    vec2 offset = %(offset)s;  // from the marker's centre, window pixels (y up)
    float v_radius = v_radius_in;
#ifdef TURNED
    // a turned named symbol: the pixel taken back into the symbol's own frame, where
    // the symbol is scale times larger (distances stay pixels: its corners stay sharp)
    offset = mat2(u_turn.x, -u_turn.y, u_turn.y, u_turn.x) * (offset - u_shift * v_radius);
    v_radius *= u_turn.z;
#endif
#ifdef FACE_ONLY
    // a filled symbol with no edge drawn: the face alone, antialiased at the outline
    // (what the edge band below composites to when it is 0 wide, without computing it)
    vec4 face = $face(offset, v_radius, v_color);
    float alpha = face.a * clamp(0.5 - $symbol(offset, v_radius), 0.0, 1.0);
    if (alpha <= 0.0) discard;
    f_color = vec4(face.rgb, alpha);
#else
    float ew = u_edge_width * u_pixel_ratio;
    if (u_stroke > 0.5) {  // a line marker: segments ew wide, in the point's color
        // (the segments' own edge function ignores d: the compiler drops $symbol; an
        // outline's corners join, an asterisk's tips end flat as matplotlib's bevel)
        float w = max(ew, 1.0);
        float a = clamp(0.5 * w - $join(offset, v_radius, $edge(offset, v_radius,
                                        $symbol(offset, v_radius), w), w) + 0.5, 0.0, 1.0);
        if (a <= 0.0) discard;
        f_color = vec4(v_color.rgb, v_color.a * a);
        return;
    }
    float d = $symbol(offset, v_radius);
    // matplotlib fills the shape, then strokes the edge over it: the edge band (ew wide
    // about the outline) composited over the face (a translucent edge shows the face)
    vec4 face = $face(offset, v_radius, v_color);
    float face_a = face.a * clamp(0.5 - d, 0.0, 1.0);
    vec4 edge = mix(u_edge_color, v_color, u_edge_face);
    float edge_a = ew > 0.0
        ? edge.a * clamp(0.5 * ew + 0.5 - $join(offset, v_radius,
                                                $edge(offset, v_radius, d, ew), ew),
                         0.0, 1.0) : 0.0;
    float alpha = edge_a + face_a * (1.0 - edge_a);
    if (alpha <= 0.0) discard;
    f_color = vec4((edge.rgb * edge_a + face.rgb * face_a * (1.0 - edge_a)) / alpha, alpha);
#endif
}
""".replace("GLSL_HELPERS", GLSL)


def _templates(*defines: str) -> tuple[ShaderTemplate, ShaderTemplate]:
    """(points, quads) templates, with ``#define`` of each of ``defines``.
    Points measure from gl_FragCoord, not gl_PointCoord: llvmpipe shifts gl_PointCoord
    by half a pixel in multisampled framebuffers."""
    head = "".join(f"#define {define}\n" for define in defines)
    return (ShaderTemplate(
        _VERTEX % {"outputs": "flat out vec2 v_center;", "place": _PLACE_POINT},
        head + _FRAGMENT % {"inputs": "flat in vec2 v_center;",
                            "offset": "gl_FragCoord.xy - v_center"}),
            ShaderTemplate(_VERTEX % {"outputs": "out vec2 v_offset;", "place": _PLACE_QUAD},
                           head + _FRAGMENT % {"inputs": "in vec2 v_offset;",
                                               "offset": "v_offset"}))


# (points, quads) by whether the program is the face-only variant (a filled symbol whose
# edge is not drawn needs neither the line markers' branch nor the edge band: a branch
# on a uniform would make software rasterizers run both per pixel; about 18 % of the GL
# work of a 10^6-point scatter) and whether it turns a named symbol (TURNED)
PROGRAMS = {(face, turned): _templates(*(("FACE_ONLY",) if face else ()),
                                       *(("TURNED",) if turned else ()))
            for face in (False, True) for turned in (False, True)}
