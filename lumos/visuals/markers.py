"""Markers: symbols drawn as signed distance fields, one GL point per marker.

A marker is one vertex: a point sprite whose fragment shader measures the distance to
the symbol (antialiased, with an edge). Only markers too big for a point sprite
(``POINT_LIMIT``) are drawn as instanced quads, with the same fragment shader. A point
whose centre lies outside the viewport is clipped whole by GL, so the draw asks the
executor for a viewport grown by the largest marker (``Draw.margin``), scissored to the
view: markers that straddle the edge of the view are drawn as far as they reach in.
"""

from __future__ import annotations

import functools
import hashlib
import math
from dataclasses import replace

import numpy as np

from .. import colors
from ..gpu.frame import Attribute, Draw, State
from ..gpu.resources import Buffer
from ..primitives import CAPS, JOINS, MarkerSet
from ..shaders import ShaderTemplate, Snippet
from . import glsl
from .base import (
    DrawContext,
    Member,
    PrimitiveContext,
    RowBounds,
    Visual,
    as_array,
    as_positions,
    centre_origin,
    changed_span,
    check_number,
    check_positive,
    finite_rows,
    float32_minus,
    is_nonlinear,
    rgba_bytes,
    split_origin,
    transform_parts,
)
from .marker_outline import MarkerOutline
from .marker_shapes import ALIASES as _ALIASES
from .marker_shapes import (
    GLSL,
    HALF_UNCUT,
    JOINSTYLES,
    OPEN_EDGES,
    REACH,
    SEGMENTS,
    SYMBOL_PATHS,
    SYMBOLS,
    corners_reach,
    distance_glsl,
    edge_glsl,
    half_paths,
    is_stroke,
    join_glsl,
    join_reach,
    turn_path,
)
from .marker_symbols import HalfFilled, Turned, similarity

__all__ = ["HalfFilled", "Markers", "SYMBOLS", "SYMBOL_PATHS", "Turned"]

# Markers whose square (side in physical pixels) is at most this are drawn as GL points,
# one vertex each; bigger ones as instanced quads. Desktop GL and WebGL2 devices allow
# points of 64 pixels and more (llvmpipe 255, SwiftShader and ANGLE 1024); the limit of
# the device a frame will run on is not known when the frame is made.
POINT_LIMIT = 64.0

def _symbol_snippets(name: str) -> tuple[Snippet, Snippet]:
    """(vertex ``$reach``, fragment ``$symbol``) snippets of one symbol: each symbol is its
    own program (see :func:`lumos.visuals.marker_shapes.distance_glsl`)."""
    return (Snippet(f"reach_{name}",
                    f"float reach_{name}(float r) {{ return {REACH[name]!r} * r; }}"),
            Snippet(f"symbol_{name}", distance_glsl(name)))


_SNIPPETS = {name: _symbol_snippets(name) for name in SYMBOLS}

# The stroked edge (``$edge``: distance to it) and the face color at a pixel (``$face``).
# Most symbols stroke their outline (|d|) and fill one color; a caret strokes an open
# path, a line marker its segments with butt ends, a half fill paints two colors and
# strokes the line between them too.
_EDGE_CLOSED = Snippet("edge_closed",
                       "float edge_closed(vec2 p, float r, float d, float ew) "
                       "{ return abs(d); }")
_EDGES = {(name, cap): Snippet(f"edge_{name}" + ("" if cap == "butt" else f"_{cap}"),
                               edge_glsl(name, cap))
          for name in (*OPEN_EDGES, *SEGMENTS) for cap in CAPS
          if cap == "butt" or name in SEGMENTS}  # carets' ends butt

@functools.cache
def _join_snippet(name: str, join: str) -> Snippet:
    """The ``$join`` snippet of a named symbol's corners (:func:`.marker_shapes.join_glsl`;
    every round join, and every outline's, one that leaves the distance)."""
    if join == "round" or name not in JOINSTYLES:
        name, join = "any", "round"
    return Snippet(f"join_{name}_{join}", join_glsl(name, join))


#: corners an outline's join snippet tests at most per pixel (a glyph's flattened curves
#: have hundreds, which a round join draws alike)
_MAX_JOINED_CORNERS = 32


def _joined_corners(outline: MarkerOutline, join: str) -> list:
    """The corners of an outline the shader joins as ``join`` (none: round)."""
    if join == "round":
        return []
    corners = outline.corners if join == outline.join else \
        MarkerOutline(outline.vertices, outline.codes, outline.filled, join).corners
    return corners if len(corners) <= _MAX_JOINED_CORNERS else []


@functools.lru_cache(maxsize=64)
def _outline_join_snippet(outline: MarkerOutline, join: str) -> Snippet:
    """The ``$join`` snippet of an outline's corners (a regular polygon's, a sheared
    symbol's): its field's distance is round at a corner, this joins it as ``join``
    (allowing a fiftieth of r for the field's error near the corner)."""
    corners = _joined_corners(outline, join)
    if not corners:
        return _join_snippet("", "round")
    key = hashlib.sha1(outline.vertices.tobytes())
    key.update(repr((outline.codes is None or outline.codes.tolist(), outline.filled,
                     join)).encode())
    name = f"outline{key.hexdigest()[:12]}"
    return Snippet(f"join_{name}_{join}", join_glsl(name, join, corners, slack=0.02))


_FACE_FULL = Snippet("face_full", "vec4 face_full(vec2 p, float r, vec4 c) { return c; }")
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
_HALF_EDGE = Snippet("edge_half", _HALF)
_HALF_FACE = Snippet("face_half", _HALF)

# An outline symbol (:class:`.marker_outline.MarkerOutline`) samples its distance field
# (in r, over [-u_shape_box, u_shape_box]); beyond the field it adds the distance to it.
# One program for every outline: the outline is a texture and two uniforms.
_OUTLINE_SNIPPETS = (
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
_VERTEX = glsl.SCREEN + """
in vec3 a_pos;
in float a_size;
in vec4 a_color;
uniform float u_edge_width;
uniform float u_edge_reach;  // how far the edge reaches past the symbol, in half widths
uniform float u_samples;
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
_PROGRAMS = {(face, turned): _templates(*(("FACE_ONLY",) if face else ()),
                                        *(("TURNED",) if turned else ()))
             for face in (False, True) for turned in (False, True)}


Symbol = str | MarkerOutline | HalfFilled | Turned


def _name(symbol: Symbol) -> str:
    """A named symbol's name (a half fill's or turned symbol's), '' for an outline."""
    return symbol.name if isinstance(symbol, (HalfFilled, Turned)) else \
        "" if isinstance(symbol, MarkerOutline) else symbol


def _turn(symbol: Symbol) -> tuple | None:
    """The shader's turn of a named symbol (:func:`.marker_symbols.similarity`), None for none."""
    return similarity(getattr(symbol, "turn", None))


def _outline(symbol: Symbol) -> MarkerOutline | None:
    """The outline a symbol is drawn from on the GPU (a turned symbol's when the turn is
    not a rotation, scale and shift), None for a named one."""
    if isinstance(symbol, (HalfFilled, Turned)):
        return None if _turn(symbol) is not None else symbol.outline
    return symbol if isinstance(symbol, MarkerOutline) else None


def _reach(symbol: Symbol) -> float:
    if isinstance(symbol, (HalfFilled, Turned)) and symbol.turn is not None:
        return symbol.outline.reach
    outline = _outline(symbol)
    return REACH[_name(symbol)] if outline is None else outline.reach


def _is_stroke(symbol: Symbol) -> bool:
    return not symbol.filled if isinstance(symbol, MarkerOutline) else is_stroke(_name(symbol))


def marker_extent(symbol: Symbol, size: float, edge_width: float,
                  pixel_ratio: float, edge_reach: float = 1.0) -> float:
    """Half the side, in physical pixels, of the square a marker of ``size`` (diameter,
    logical pixels) is drawn in with an edge reaching ``edge_reach`` half widths past
    the symbol (the shaders' ``extent`` in a multisampled framebuffer, the larger one)."""
    return (_reach(symbol) * 0.5 * size * pixel_ratio
            + 0.5 * edge_width * pixel_ratio * edge_reach + 1.0)


def _style_or_none(value, argname: str, allowed: tuple) -> str | None:
    """A stroke style (join or cap) of ``allowed``, or None; ValueError naming
    ``argname`` otherwise."""
    if value is not None and value not in allowed:
        raise ValueError(f"{argname}: got {value!r}, expected one of "
                         f"{', '.join(map(repr, allowed))} or None")
    return value


def _check_symbol(symbol) -> Symbol:
    """A symbol's name (aliases resolved), or the outline or half fill itself."""
    if isinstance(symbol, (MarkerOutline, HalfFilled, Turned)):
        return symbol
    name = _ALIASES.get(symbol, symbol)
    if name not in SYMBOLS:
        raise ValueError(f"symbol: got {symbol!r}, expected one of {', '.join(SYMBOLS)} "
                         "a MarkerOutline or a HalfFilled")
    return name


def _color_bytes(color, start: int, stop: int) -> np.ndarray:
    """The uint8 rows start:stop of a member's colors: (n, 4) uint8 rows (0..255) as
    they are, float rows (0..1) rounded."""
    if isinstance(color, np.ndarray) and color.dtype == np.uint8:
        return color[start:stop]
    return rgba_bytes(np.asarray(color, dtype=float)[start:stop])


def _sizes(value, points: np.ndarray) -> np.ndarray:
    """Float32 sizes, one per point (0 where the point or its size is not finite)."""
    n = len(points)
    arr = as_array(value, "size")
    if arr.dtype.kind not in "iuf":
        raise TypeError(f"size: got dtype {arr.dtype}, expected a number or {n} numbers")
    if arr.ndim > 1 or (arr.ndim == 1 and len(arr) != n):
        raise ValueError(f"size: got shape {arr.shape}, expected a number or {n} numbers")
    sizes = np.empty(n, np.float32)
    sizes[...] = arr  # one new array, whether arr is one size or n
    invalid = ~finite_rows(points) | ~np.isfinite(sizes)
    sizes[invalid] = 0.0  # the shader skips points of size 0
    return np.maximum(sizes, 0, out=sizes)


class Markers(Visual):
    """Points drawn as symbols of a size in pixels (diameter), one draw for all.

    >>> Markers(pos=xy, size=8, color="C0", symbol="disc")
    >>> Markers(pos=xy, size=sizes, color=rgba, edge_color="black", edge_width=1)
    >>> Markers(pos=xy, size=20, symbol=text_marker("$♠$"))  # an outline symbol

    ``size`` and ``color`` are scalars or one per point; points with NaN are skipped.
    ``set_members`` draws the points of several owners as one batch and uploads only
    the rows each reports changed; ``member_at`` says whose point a picked index is.
    ``depth_shade`` (3D views, as mplot3d's ``depthshade``): the alpha of the farthest
    points, fading from 1 at the nearest corner of the points' bounding box over the
    box's size; computed from the camera in the vertex shader. None: no fading.
    """

    def __init__(self, pos=None, size=8.0, color="C0", symbol: Symbol = "disc",
                 edge_color="black", edge_width: float = 0.0,
                 depth_shade: float | None = None, join: str | None = None,
                 cap: str | None = None) -> None:
        super().__init__()
        self.join = join
        self.cap = cap
        self.depth_shade = depth_shade
        self._points = np.zeros((0, 3))
        self._origin = np.zeros(3)
        self._row_bounds = RowBounds()  # the points' bounds as rows change (set_members)
        self._pos_buffer = Buffer(np.zeros((0, 3), np.float32))
        self._size_buffer = Buffer(np.zeros(0, np.float32))
        self._color_buffer = Buffer(np.zeros((0, 4), np.uint8))
        self._largest_size, self._largest_of = 0.0, -1  # see _largest
        self._size = size
        self._color = color
        self._member_keys: list = []
        self._member_starts = np.zeros(1, np.int64)
        self._member_signature = None
        self.symbol = symbol
        self.edge_color = edge_color
        self.edge_width = edge_width
        self.set_data(np.zeros((0, 2)) if pos is None else pos)

    @property
    def pos(self) -> np.ndarray:
        """A copy of the marker positions, (n, 3) float64."""
        out = np.zeros((len(self._points), 3))
        out[:, : self._points.shape[1]] = self._points
        return out

    @pos.setter
    def pos(self, value) -> None:
        self.set_data(value)

    def set_data(self, pos, size=None, color=None) -> None:
        """Replace the points, and optionally sizes and colors (else the specs are kept).
        Input that does not fit leaves the markers as they were."""
        # (n, 2) positions stay 2 columns, uploaded so: the shader's a_pos reads z = 0
        points = as_positions(pos, "pos", columns=None)
        size = self._size if size is None else size
        color = self._color if color is None else color
        sizes = _sizes(size, points)
        rgba = colors.to_rgba_bytes(color, len(points))
        self._points, self._size, self._color = points, size, color
        self._upload_geometry()
        self._size_buffer.set_data(sizes, copy=False)  # both made here, for the buffers
        self._color_buffer.set_data(rgba, copy=False)

    def _upload_geometry(self) -> None:
        self._origin = np.zeros(3)
        self._row_bounds.forget()
        if is_nonlinear(self):
            local = np.nan_to_num(self._points).astype(np.float32)
        else:
            origin, local, _ = split_origin(self._points, grid=True)
            self._origin[: len(origin)] = origin
        self._pos_buffer.set_data(local, copy=False)  # made here, for the buffer

    # -- batches of several owners ------------------------------------------------------
    def set_members(self, members: list[Member]) -> None:
        """Draw the points of several owners as one batch (sizes (n,) and colors (n, 4)
        per member). With the same owners and lengths as last time only the rows each
        member reports changed are uploaded (positions, sizes, colors: the first to the
        last changed row; all positions again when their centre, the float64 origin a
        new batch takes, moved); anything else rebuilds the batch."""
        signature = tuple((m.key, len(m.pos)) for m in members)
        keys = [m.key for m in members]
        if signature == self._member_signature and self._update_members(members):
            self._member_keys = keys
            return
        if len(members) == 1:  # one owner: its rows as they are, no copies of 10^6 rows
            m = members[0]
            self.set_data(m.pos, size=m.size, color=m.color)
        else:  # colors as bytes: owners may give float rows or uint8 ones
            self.set_data(np.concatenate([m.pos for m in members]),
                          size=np.concatenate([m.size for m in members]),
                          color=np.concatenate([colors.to_rgba_bytes(m.color, len(m.pos))
                                                for m in members]))
        self._member_signature = signature
        self._member_keys = keys
        self._member_starts = np.r_[0, np.cumsum([len(m.pos) for m in members])]

    def member_at(self, index: int) -> tuple[object, int]:
        """``(key, index of that member's point)`` of a picked point."""
        if not self._member_keys:
            return None, index
        k = int(np.searchsorted(self._member_starts, index, side="right")) - 1
        if not 0 <= k < len(self._member_keys):
            return None, index
        return self._member_keys[k], index - int(self._member_starts[k])

    def _update_members(self, members: list[Member]) -> bool:
        """Upload the changed rows of each member in place; False when the batch must be
        rebuilt instead."""
        if is_nonlinear(self):
            return False  # absolute positions: simply rebuilt
        origin, dims = self._origin, self._points.shape[1]
        if any(m.pos.shape[1] != dims for m in members):
            return False  # 2D owners turned 3D, or back: rebuilt
        bounds, first = False, 0  # False: no position changed
        for m in members:
            span = changed_span(m.changed.get("pos"), len(m.pos))
            if span is not None:
                start, stop = first + span[0], first + span[1]
                self._points[start:stop] = m.pos[span[0] : span[1]]
                bounds = self._row_bounds.after(self._points, start, stop)
            first += len(m.pos)
        anew = False  # every position uploaded again, about the origin a new batch takes
        if bounds is not False:
            centre = centre_origin(bounds, dims, grid=True)
            if centre is None:
                return False  # a median origin: rebuilt
            anew = not np.array_equal(centre, origin[:dims])
            origin[:dims] = centre
        total = len(self._points)
        first = 0
        for m in members:
            n = len(m.pos)
            pos_span = changed_span(m.changed.get("pos"), n)
            up = (0, n) if anew else pos_span
            if up is not None:
                p = m.pos[up[0] : up[1]]
                valid = finite_rows(p)
                with np.errstate(invalid="ignore"):  # inf - inf: zeroed below
                    local = float32_minus(p, origin[:dims])
                if not valid.all():
                    local[~valid] = 0.0
                self._pos_buffer.update(first + up[0], local)
            # sizes follow the positions too: a point that became NaN gets size 0
            spans = [s for s in (changed_span(m.changed.get("size"), n), pos_span) if s]
            if spans:
                start, stop = min(s for s, _ in spans), max(e for _, e in spans)
                sz = np.asarray(m.size[start:stop], dtype=np.float32)
                bad = ~finite_rows(m.pos[start:stop]) | ~np.isfinite(sz)
                sz = np.maximum(np.where(bad, 0.0, sz), 0.0).astype(np.float32)
                if not np.array_equal(sz, self._size_buffer.data[first + start :
                                                                  first + stop]):
                    self._size_buffer.update(first + start, sz)
                if len(members) == 1:  # the owner's rows are the batch's (see set_members)
                    self._size = m.size
                elif isinstance(self._size, np.ndarray) and self._size.shape == (total,):
                    self._size[first + start : first + stop] = m.size[start:stop]
            color_span = changed_span(m.changed.get("color"), n)
            if color_span is not None:
                start, stop = color_span
                rows = _color_bytes(m.color, start, stop)
                self._color_buffer.update(first + start, rows)
                if len(members) == 1:
                    self._color = m.color
                elif isinstance(self._color, np.ndarray) and len(self._color) == total:
                    self._color[first + start : first + stop] = rows
            first += n
        return True

    @property
    def size(self):
        """The marker size in logical pixels: one, or one per marker."""
        return self._size

    @size.setter
    def size(self, value) -> None:
        self._size_buffer.set_data(_sizes(value, self._points))
        self._size = value

    @property
    def color(self):
        """The face color: one, or one per marker."""
        return self._color

    @color.setter
    def color(self, value) -> None:
        self._color_buffer.set_data(colors.to_rgba_bytes(value, len(self._points)))
        self._color = value

    @property
    def edge_color(self):
        """The edge color, or 'face': each marker's face color."""
        return self._edge_color

    @edge_color.setter
    def edge_color(self, value) -> None:
        face = isinstance(value, str) and value == "face"
        self._edge_rgba = (0.0, 0.0, 0.0, 0.0) if face else \
            colors.to_rgba(value, argname="edge_color")
        self._edge_color = value

    @property
    def symbol(self) -> Symbol:
        """The marker symbol's name ('disc', 'square', ...), its outline
        (:class:`.marker_outline.MarkerOutline`: text, vertex and path markers), or a named
        symbol half filled (:class:`HalfFilled`)."""
        return self._symbol

    @symbol.setter
    def symbol(self, value: Symbol) -> None:
        self._symbol = _check_symbol(value)

    def _edge_face(self) -> bool:
        return isinstance(self._edge_color, str) and self._edge_color == "face"

    def _drawn_edge_width(self) -> float:
        """The edge width drawn: none for a transparent edge of a filled symbol
        (matplotlib strokes the edge over the face, so an invisible edge leaves the face
        whole; the shader's edge band would replace the face's rim)."""
        if self._edge_rgba[3] <= 0 and not self._edge_face() and not _is_stroke(self._symbol):
            return 0.0
        return self._edge_width

    def _face_only(self) -> bool:
        """Whether the markers draw their faces alone: a filled symbol in one color with
        no edge drawn (none wide, or an invisible one), drawn by a shader variant without
        the edge band and the line markers' stroke, pixel for pixel what the full one
        draws then. Not a half fill: its face color is a mix, which the full shader's
        compositing (times alpha, over alpha) rounds differently in a few pixels."""
        return self._drawn_edge_width() <= 0 and not _is_stroke(self._symbol) \
            and not isinstance(self._symbol, HalfFilled)

    @property
    def join(self) -> str | None:
        """How the edge's corners join: 'miter', 'round' or 'bevel' (matplotlib's
        ``MarkerStyle(joinstyle=...)``), None for the symbol's own as matplotlib joins
        it (:data:`.marker_shapes.JOINSTYLES`; an outline's ``join``). The shader joins
        the named symbols' corners and those of outlines with at most 32 corners (regular
        polygons and stars, sheared symbols); a glyph's or curved path's edge is drawn
        round on the GPU whatever the join, joined as asked in SVG/PDF."""
        return self._join

    @join.setter
    def join(self, value) -> None:
        self._join = _style_or_none(value, "join", JOINS)

    @property
    def cap(self) -> str | None:
        """How the line markers' segments end: 'butt', 'round' or 'projecting'
        (matplotlib's ``MarkerStyle(capstyle=...)``), None for matplotlib's default,
        butt. The carets' open ends stay butt."""
        return self._cap

    @cap.setter
    def cap(self, value) -> None:
        self._cap = _style_or_none(value, "cap", CAPS)

    def _drawn_cap(self, name: str) -> str:
        """The ends drawn of the symbol ``name``: the cap given for line markers."""
        return (self._cap or "butt") if name in SEGMENTS else "butt"

    def _edge_reach(self) -> float:
        """How far the edge reaches past the symbol, in half edge widths: a miter's
        point, a projecting end's corner (sqrt 2)."""
        name = _name(self._symbol)
        outline = _outline(self._symbol)
        reach = join_reach(name, self._drawn_join()) if outline is None else \
            corners_reach(_joined_corners(outline, self._drawn_join()), self._drawn_join())
        return max(reach, math.sqrt(2.0)) if self._drawn_cap(name) == "projecting" else reach

    def _drawn_join(self) -> str:
        """The join drawn: the one given, else matplotlib's for the symbol (an outline's
        own: round for text, vertex and path markers)."""
        if self._join is not None:
            return self._join
        symbol = self._symbol
        return symbol.join if isinstance(symbol, MarkerOutline) else \
            JOINSTYLES.get(_name(symbol), "round")

    @property
    def edge_width(self) -> float:
        """The edge width in logical pixels."""
        return self._edge_width

    @edge_width.setter
    def edge_width(self, value: float) -> None:
        self._edge_width = check_positive(value, "edge_width")

    @property
    def depth_shade(self) -> float | None:
        """In 3D views, the alpha of the farthest markers (mplot3d's ``depthshade``), or None
        for no shading."""
        return self._depth_shade

    @depth_shade.setter
    def depth_shade(self, value) -> None:
        if value is not None:
            value = check_number(value, "depth_shade", 0.0)
            if value > 1:
                raise ValueError(f"depth_shade: got {value!r}, expected an alpha in [0, 1] "
                                 "or None")
        self._depth_shade = value

    def _depth_alpha(self, ctx: PrimitiveContext, keep: np.ndarray) -> np.ndarray | None:
        """The shader's ``depth_shade`` of the points ``keep`` (None: no depth shade)."""
        if self._depth_shade is None or self._depth_shade >= 1:
            return None
        pts = np.zeros((len(self._points), 3))  # z = 0 for points given in 2D
        pts[:, : self._points.shape[1]] = self._points
        ok = np.isfinite(pts).all(axis=1)
        if not ok.any():
            return None
        lo, hi = pts[ok].min(axis=0), pts[ok].max(axis=0)
        box = np.array([[(lo, hi)[i][0], (lo, hi)[j][1], (lo, hi)[k][2]] for i in (0, 1)
                        for j in (0, 1) for k in (0, 1)])
        corners, _ = ctx.eye_space(box, self)
        scale = float(np.linalg.norm(corners.max(axis=0) - corners.min(axis=0)))
        if not scale > 0:
            return None
        z = ctx.eye_space(pts[keep], self)[0][:, 2]
        return np.clip(1.0 - (corners[:, 2].max() - z) / scale, self._depth_shade, 1.0)

    def _shade_uniforms(self) -> dict:
        if self._depth_shade is None:
            return {"u_shade_min": 1.0}
        ok = np.isfinite(self._points).all(axis=1)
        local = self._pos_buffer.data[ok]
        if not len(local):
            return {"u_shade_min": 1.0}
        lo, hi = np.zeros(3), np.zeros(3)  # z = 0 for points given in 2D
        lo[: local.shape[1]], hi[: local.shape[1]] = local.min(axis=0), local.max(axis=0)
        return {"u_shade_min": self._depth_shade, "u_shade_lo": lo, "u_shade_hi": hi}

    def bounds(self) -> np.ndarray | None:
        return self._bounds_of(self._points)

    def primitives(self, ctx: PrimitiveContext | None = None) -> list:
        """One marker set: the symbol's outline at every drawn point (markers wholly
        outside the view are left out); in 3D views farthest first."""
        if ctx is None:  # no world-space form
            return []
        sizes = self._size_buffer.data.astype(np.float64)
        px, depth = ctx.project(self._points, self)
        reach = _reach(self._symbol) * sizes / 2 + 1 + self._edge_width / 2 * self._edge_reach()
        x, y, w, h = ctx.clip
        keep = (sizes > 0) & (px[:, 0] + reach >= x) & (px[:, 0] - reach <= x + w) \
            & (px[:, 1] + reach >= y) & (px[:, 1] - reach <= y + h)
        if not keep.any():
            return []
        if ctx.is_3d:  # farthest first, as mplot3d sorts a scatter's points
            order = np.nonzero(keep)[0]
            keep = order[np.argsort(-depth[keep], kind="stable")]
        face = self._color_buffer.data[keep] / 255.0
        edge = None if self._edge_width <= 0 else face if self._edge_face() else \
            np.array([self._edge_rgba])
        fade = self._depth_alpha(ctx, keep) if ctx.is_3d else None
        if fade is not None:
            face = face * np.c_[np.ones((len(fade), 3)), fade]
            edge = None if edge is None else np.broadcast_to(edge, face.shape) \
                * np.c_[np.ones((len(fade), 3)), fade]
        symbol = self._symbol
        if isinstance(symbol, HalfFilled):  # each half filled, then the edge over both
            n, c = symbol.cut()
            halves = half_paths(symbol.name, n, c, symbol.name not in HALF_UNCUT, symbol.turn)
            sets = [MarkerSet(path, px[keep], sizes[keep], rgba, None, 0.0,
                              f"{symbol.name}-{part}", ctx.clip)
                    for path, rgba, part in ((halves[0], face, symbol.side),
                                             (halves[1], np.array([symbol.alt]), "alt"))
                    if rgba[:, 3].any()]
            if edge is not None:
                sets.append(MarkerSet(halves[2], px[keep], sizes[keep], np.zeros((1, 4)),
                                      edge, self._edge_width, f"{symbol.name}-edge",
                                      ctx.clip, join=self._drawn_join()))
            return sets
        if isinstance(symbol, MarkerOutline):
            path, name = symbol.path, "outline"
        elif isinstance(symbol, Turned):
            path, name = turn_path(SYMBOL_PATHS[symbol.name], symbol.turn), "turned"
        else:
            path, name = SYMBOL_PATHS[symbol], symbol
        if _is_stroke(symbol):  # line markers: stroked in the points' colors
            return [MarkerSet(path, px[keep], sizes[keep], np.zeros((1, 4)), face,
                              max(self._edge_width, 1.0), name, ctx.clip, join="miter",
                              cap=self._drawn_cap(_name(symbol)))]
        return [MarkerSet(path, px[keep], sizes[keep], face, edge, self._edge_width, name,
                          ctx.clip, join=self._drawn_join())]

    def _largest(self) -> float:
        """The largest size uploaded (logical pixels), recomputed only after the sizes
        changed."""
        buf = self._size_buffer
        if self._largest_of != buf.version:
            self._largest_size = float(buf.data.max()) if len(buf.data) else 0.0
            self._largest_of = buf.version
        return self._largest_size

    def draws(self, ctx: DrawContext) -> list[Draw]:
        n = len(self._points)
        if n == 0:
            return []
        snippet, model = transform_parts(self)
        edge_width = self._drawn_edge_width()
        join = self._drawn_join()
        extent = marker_extent(self._symbol, self._largest(), edge_width, ctx.pixel_ratio,
                               self._edge_reach())
        outline = _outline(self._symbol)
        half = self._symbol if isinstance(self._symbol, HalfFilled) else None
        name = _name(self._symbol)
        turn = _turn(self._symbol)
        reach, symbol = _SNIPPETS[name] if outline is None else _OUTLINE_SNIPPETS
        if turn is not None:  # the turned symbol's reach, from its outline
            reach = _OUTLINE_SNIPPETS[0]
        hooks = dict(transform=snippet, reach=reach, symbol=symbol,
                     edge=_EDGES.get((name, self._drawn_cap(name)), _EDGE_CLOSED)
                     if half is None else _HALF_EDGE,
                     face=_FACE_FULL if half is None else _HALF_FACE,
                     join=_join_snippet(name, join) if outline is None else
                     _outline_join_snippet(outline, join))
        shape = {} if outline is None else {"u_shape_reach": outline.reach,
                                            "u_shape_box": outline.box}
        if turn is not None:
            shape = {"u_shape_reach": _reach(self._symbol), "u_turn": turn[0],
                     "u_shift": turn[1]}
        if half is not None:  # (cut in the symbol's own frame when the shader turns it)
            direction, cut = (half if turn is None else replace(half, turn=None)).cut()
            shape |= {"u_half": direction, "u_half_cut": cut, "u_alt_color": half.alt,
                     "u_half_edge": float(name not in HALF_UNCUT)}
        common = dict(
            view=ctx.view_id,
            uniforms={"u_edge_width": edge_width, "u_edge_color": self._edge_rgba,
                      "u_edge_reach": self._edge_reach(),
                      "u_edge_face": float(self._edge_face()),
                      "u_stroke": float(_is_stroke(self._symbol)), **self._shade_uniforms(),
                      **shape, **snippet.uniforms},
            textures={} if outline is None else {"u_shape": outline.texture},
            state=State(depth_test=ctx.is_3d, blend="alpha"),
            origin=tuple(self._origin), model=model,
        )
        points = 2.0 * extent <= POINT_LIMIT
        divisor = 0 if points else 1
        point_template, quad_template = _PROGRAMS[self._face_only(), turn is not None]
        dims = self._pos_buffer.data.shape[1]  # 2 for points given in 2D (z = 0)
        attributes = {
            "a_pos": Attribute(self._pos_buffer, dims, "f4", 0, 4 * dims, divisor),
            "a_size": Attribute(self._size_buffer, 1, "f4", 0, 4, divisor),
            "a_color": Attribute(self._color_buffer, 4, "u1", 0, 4, divisor),
        }
        if points:
            return [Draw(program=point_template.compose(**hooks), mode="points", count=n,
                         attributes=attributes, margin=int(np.ceil(extent)), **common)]
        return [Draw(program=quad_template.compose(**hooks), mode="triangle_strip",
                     count=4, instances=n, attributes=attributes, **common)]
