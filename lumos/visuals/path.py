"""Filled, hatched and stroked paths (``lumos.primitives.Path``): patches and collections.

Fills: Béziers are flattened at the resolution the view needs (re-flattened when the
zoom changes by 2x), each path's rings are triangulated with their holes (earcut; a
ring nested in another is a hole or not by the path's fill rule), and all paths go in
one indexed triangle draw whose fragment shader also draws matplotlib's hatches in
canvas pixels, exactly clipped to the fill. Strokes: the rings through the Line visual
(width, dashes, dash offset), one Line per stroke style. Both executors draw it: plain
triangles and Line draws, no new frame features.

Draw order follows the list, as matplotlib draws a collection path after path: paths
that overlap a stroked path drawn earlier go in a later layer (one fill draw and one
draw per stroke style each); paths that do not overlap share a layer.

Coordinates (``units``): "data" — vertices are the view's data coordinates; "pixels" —
vertices are logical pixels (y up) from each path's ``anchors`` point, a data point (arrow
heads, markers, padding in points): fills take the anchor and the offset as attributes
and the vertex shader adds the offset after the data transform, so a page's zoom
keeps them in pixels; strokes (Line) are placed for the view, pixels from the anchor
where the view draws it (past a polar or log transform), and a page re-places them per
camera (the ``pixel_anchor`` follower, lumos/web/follow.js);
"axes" — vertices are fractions of the view, (0, 0) its bottom-left corner
(matplotlib's ``transAxes``), or of the camera's ``axes_rect`` in a view over the whole
canvas that draws an axes' unclipped artists.

Strokes take the paths' joins and caps (matplotlib's: a patch's miter joins and butt
caps, a collection's round joins); a rectilinear path marked ``snap`` sits on the
pixel grid as Agg's path.snap puts it, fill and stroke (``glsl.SNAP``).

Rings that cross or touch themselves or each other fill by
the path's rule as Agg's does (``lumos.geometry.winding_fill``: trapezoids between the
crossings, which do not overlap); past its size limits (millions of segment pairs or
trapezoids) such a path falls back to earcut (about even-odd), and where those
triangles overlap, a visual of one translucent path in a 2D view fills with a depth
test against a depth of its own, so each sample is shaded once.
"""

from __future__ import annotations

import math

import numpy as np

from .. import primitives as prim
from ..geometry import triangulate, winding_fill
from ..gpu.frame import Attribute, Draw, State
from ..gpu.resources import Buffer
from ..path import flatten
from ..shaders import ShaderTemplate
from . import glsl
from .base import (
    DrawContext,
    Visual,
    absolute_float32,
    as_array,
    check_number,
    is_nonlinear,
    rgba_bytes,
    split_origin,
    transform_parts,
)
from .line import Line
from .path_rings import (
    as_path,
    convex_fans,
    crossing_paths,
    polyline_rows,
    regions,
    subdivided,
)

UNITS = ("data", "pixels", "axes")
# matplotlib's hatch letters: which pattern family each one adds to
HATCH_FAMILIES = {"-": (0,), "|": (1,), "+": (0, 1), "/": (2,), "\\": (3,), "x": (2, 3),
                  "X": (2, 3), "o": (4,), "O": (5,), ".": (6,), "*": (7,)}
HATCH_DENSITY = 6  # matplotlib's: lines per letter per hatch tile

_TEMPLATE = ShaderTemplate(
    vertex=glsl.SCREEN + glsl.SNAP + """
in vec3 a_pos;
in vec4 a_color;
in vec4 a_hatch_color;
in vec4 a_hatch_lines;
in vec4 a_hatch_shapes;
in float a_hatch_width;
in float a_snap;  // >= 0: the vertex on the pixel grid for a stroke this wide (Path.snap)
in vec2 a_offset;  // units="pixels": logical pixels (y up) from the anchor a_pos
out vec4 v_color;
out vec4 v_hatch_color;
flat out vec4 v_lines;
flat out vec4 v_shapes;
flat out float v_hatch_width;
#pragma snippets

uniform float u_depth;  // below -1: the position's own; else the fill's (a 2D view)
uniform int u_snapped;  // 1: a_snap is bound (some path snaps, a 2D view)
uniform int u_offsets;  // 1: a_offset is bound (units="pixels")

void main() {
    gl_Position = u_mvp * $transform(vec4(a_pos, 1.0));
    // pixel offsets after the data transform: a zoom moves the anchor, never the size
    if (u_offsets == 1) gl_Position.xy += a_offset * u_pixel_ratio * 2.0 / u_viewport.zw
                                          * gl_Position.w;
    if (u_snapped == 1 && a_snap >= 0.0) gl_Position = snapped_clip(gl_Position, a_snap);
    if (u_depth >= -1.0) gl_Position.z = u_depth * gl_Position.w;
    v_color = a_color / 255.0;
    v_hatch_color = a_hatch_color / 255.0;
    v_lines = a_hatch_lines;
    v_shapes = a_hatch_shapes;
    v_hatch_width = a_hatch_width;
}
""",
    fragment="""
uniform float u_pixel_ratio;
uniform vec4 u_viewport;
uniform float u_hatch_unit;  // logical pixels per hatch tile (matplotlib: the dpi)
uniform float u_hatch_top;   // the canvas height in logical pixels, or -1: the view's top
uniform int u_hatched;
in vec4 v_color;
in vec4 v_hatch_color;
flat in vec4 v_lines;   // letters per family: -, |, /, \\ (+ and x count in two)
flat in vec4 v_shapes;  // o, O, ., *
flat in float v_hatch_width;
out vec4 f_color;

// Antialiased coverage of a band of half width hw at distance d (pixels).
float band(float d, float hw) {
    return clamp(hw - d + 0.5, 0.0, 1.0);
}

// Distance in pixels to the nearest line of a family: t counts lines (integers on them),
// step is the distance between neighbouring lines in pixels.
float lines_at(float t, float step) {
    return abs(t - floor(t + 0.5)) * step;
}

// matplotlib's staggered rows of shapes, in lattice units (one row spacing): even rows
// at integer x, odd rows at half-integer x.
vec2 nearest_centre(vec2 u) {
    vec2 even = vec2(floor(u.x + 0.5), 2.0 * floor(u.y / 2.0 + 0.5));
    vec2 odd = vec2(floor(u.x) + 0.5, 2.0 * floor(u.y / 2.0) + 1.0);
    return length(u - even) < length(u - odd) ? even : odd;
}

// Signed distance to a 5-point star of outer radius r, inner radius rf * r, pointing
// along +y (Inigo Quilez's sdStar5).
float star(vec2 p, float r, float rf) {
    const vec2 k1 = vec2(0.809016994375, -0.587785252292);
    const vec2 k2 = vec2(-0.809016994375, -0.587785252292);
    p.x = abs(p.x);
    p -= 2.0 * max(dot(k1, p), 0.0) * k1;
    p -= 2.0 * max(dot(k2, p), 0.0) * k2;
    p.x = abs(p.x);
    p.y -= r;
    vec2 ba = rf * vec2(-k1.y, k1.x) - vec2(0.0, 1.0);
    float h = clamp(dot(p, ba) / dot(ba, ba), 0.0, r);
    return length(p - ba * h) * sign(p.y * ba.x - p.x * ba.y);
}

// Coverage of the hatch at window pixel p. Tiles of u_hatch_unit pixels are anchored at
// the canvas's top-left corner (matplotlib's Agg and SVG anchor them there), the lines
// and shapes as matplotlib's hatch.py places them in a tile; q is y down.
float hatch_coverage(vec2 p) {
    float unit = u_hatch_unit * u_pixel_ratio;
    float hw = 0.5 * v_hatch_width * u_pixel_ratio;
    float top = u_hatch_top >= 0.0 ? u_hatch_top * u_pixel_ratio : u_viewport.y + u_viewport.w;
    vec2 q = vec2(p.x, top - p.y) / unit;
    float cov = 0.0;
    float n;
    n = v_lines.x * 6.0;
    if (n > 0.0) cov = max(cov, band(lines_at(q.y * n - 0.5, unit / n), hw));
    n = v_lines.y * 6.0;
    if (n > 0.0) cov = max(cov, band(lines_at(q.x * n - 0.5, unit / n), hw));
    n = v_lines.z * 6.0;  // '/': rising to the right, through the tile corners, 2/n apart
    if (n > 0.0) cov = max(cov, band(lines_at((q.x + q.y) * n * 0.5, unit * 1.41421356 / n),
                                     hw));
    n = v_lines.w * 6.0;  // '\\'
    if (n > 0.0) cov = max(cov, band(lines_at((q.y - q.x) * n * 0.5, unit * 1.41421356 / n),
                                     hw));
    n = v_shapes.x * 6.0;  // small rings: radius 0.2 of the row spacing, 10% thick
    if (n > 0.0) {
        float d = length(q * n - nearest_centre(q * n)) * unit / n;
        float r = 0.2 * unit / n;
        cov = max(cov, band(abs(d - 0.95 * r), 0.025 * r + hw));
    }
    n = v_shapes.y * 6.0;  // large rings: radius 0.35
    if (n > 0.0) {
        float d = length(q * n - nearest_centre(q * n)) * unit / n;
        float r = 0.35 * unit / n;
        cov = max(cov, band(abs(d - 0.95 * r), 0.025 * r + hw));
    }
    n = v_shapes.z * 6.0;  // dots: radius 0.1
    if (n > 0.0) {
        float d = length(q * n - nearest_centre(q * n)) * unit / n;
        cov = max(cov, band(max(d - 0.1 * unit / n, 0.0), hw));
    }
    n = v_shapes.w * 6.0;  // stars: radius 1/3, pointing up on screen (q is y down)
    if (n > 0.0) {
        vec2 u = q * n;
        vec2 d = (u - nearest_centre(u)) * vec2(1.0, -1.0) * unit / n;
        cov = max(cov, band(max(star(d, unit / (3.0 * n), 0.5), 0.0), hw));
    }
    return cov;
}

void main() {
    vec4 c = v_color;
    if (u_hatched == 1) {
        float a = v_hatch_color.a * hatch_coverage(gl_FragCoord.xy);
        float out_a = a + c.a * (1.0 - a);
        vec3 rgb = out_a > 0.0 ? (v_hatch_color.rgb * a + c.rgb * c.a * (1.0 - a)) / out_a
                               : vec3(0.0);
        c = vec4(rgb, out_a);
    }
    if (c.a <= 0.0) discard;
    f_color = c;
}
""",
)


def hatch_counts(hatch: str | None) -> np.ndarray:
    """Letters per hatch family (-, |, /, \\, o, O, ., *) of a matplotlib hatch string."""
    out = np.zeros(8, np.int64)
    if not hatch:
        return out
    if not isinstance(hatch, str):
        raise TypeError(f"hatch: got {type(hatch).__name__}, expected a string of hatch "
                        "letters")
    for ch in hatch:
        if ch not in HATCH_FAMILIES:
            raise ValueError(f"hatch: got {hatch!r}, expected letters of "
                             f"{''.join(HATCH_FAMILIES)!r}")
        for k in HATCH_FAMILIES[ch]:
            out[k] += 1
    return out


def _check_paths(paths) -> list[prim.Path]:
    if isinstance(paths, prim.Path):
        paths = [paths]
    out = list(paths)
    for p in out:
        if not isinstance(p, prim.Path):
            raise TypeError(f"paths: got {type(p).__name__}, expected lumos.primitives.Path")
        if p.clip is not None:
            raise ValueError("paths: got a path with clip set; the GL visual draws inside its "
                             "view (clip belongs to the primitives a device gets)")
        if p.stroke is not None:
            d = p.stroke.dashes
            if d is not None and (len(d) not in (2, 4, 6, 8) or min(d) < 0 or sum(d) <= 0):
                raise ValueError(f"paths: stroke dashes {d!r}: the GL line draws 1 to 4 "
                                 "(on, off) pairs of lengths >= 0")
        hatch_counts(p.hatch)
    return out


def _closing_cap(path: prim.Path, join: str) -> str:
    """The cap of a solid stroke's ends: the path's, or for a closed path (the Line
    visual does not join a ring's last segment to its first) the one that fills its
    first corner as the join would: a miter's square (projecting), a round join's
    disc (round), a bevel's (butt: the notch left is the bevel's triangle)."""
    if path.codes is None or not (path.codes == prim.CLOSEPOLY).any():
        return path.stroke.cap
    return {"miter": "projecting", "round": "round"}.get(join, "butt")


class Paths(Visual):
    """Filled, hatched and stroked paths, drawn in a few draws.

    >>> Paths([Path(verts, codes, fill=(0.1, 0.5, 0.8, 1), hatch="//",
    ...             hatch_color=(0, 0, 0, 1), stroke=Stroke((0, 0, 0, 1), width=2))])
    >>> Paths(arrow_heads, units="pixels", anchors=tips)   # sizes in pixels at data points

    ``hatch_unit`` is the hatch tile in logical pixels (matplotlib: the figure's dpi), the
    tiles anchored at the canvas's top-left corner (``canvas_height`` says where that is;
    None: the view's); ``tolerance`` the largest distance in pixels between a curve and
    its flattening.
    """

    def __init__(self, paths=(), units: str = "data", anchors=None, hatch_unit: float = 72.0,
                 tolerance: float = 0.1, canvas_height: float | None = None) -> None:
        super().__init__()
        self.canvas_height = canvas_height
        self.needs_multisampling = False  # set when there are fills (triangle edges)
        self._hatch_unit = check_number(hatch_unit, "hatch_unit", 0.0, exclusive=True)
        self._tolerance = check_number(tolerance, "tolerance", 0.0, exclusive=True)
        self._pos = Buffer(np.zeros((0, 3), np.float32))
        self._color = Buffer(np.zeros((0, 4), np.uint8))
        self._hatch_color = Buffer(np.zeros((0, 4), np.uint8))
        self._hatch_lines = Buffer(np.zeros((0, 4), np.uint8))
        self._hatch_shapes = Buffer(np.zeros((0, 4), np.uint8))
        self._hatch_width = Buffer(np.zeros(0, np.float32))
        self._snap = Buffer(np.zeros(0, np.float32))
        self._offset = Buffer(np.zeros((0, 2), np.float32))  # units="pixels": a_offset
        # units="pixels": per stroke Line, what a page re-places its points from (the
        # rows of the placement; their buffers made when a page first asks)
        self._line_pages: dict[tuple, tuple | dict[str, Buffer]] = {}
        self._index = Buffer(np.zeros(0, np.uint32))
        self._lines: dict[tuple, Line] = {}
        # a ring crossing itself gives triangles covering some pixels twice: a single
        # translucent path then fills each sample once (a depth test, in draws)
        self._overlapping = False
        self._origin = np.zeros(3)
        # points of the winding fills of paths that cross themselves (after the rings')
        self._extra, self._extra_owner = np.zeros((0, 2)), np.zeros(0, np.int64)
        self._paths: list[prim.Path] = []
        self._units = "data"
        self._anchors = None
        self.set_paths(paths, units, anchors)

    # -- properties --------------------------------------------------------------------
    @property
    def paths(self) -> list[prim.Path]:
        """The paths (a new list; set with ``set_paths``)."""
        return list(self._paths)

    @paths.setter
    def paths(self, value) -> None:
        self.set_paths(value)

    @property
    def units(self) -> str:
        """The coordinates of the vertices: 'data' or 'pixels'."""
        return self._units

    @property
    def canvas_height(self) -> float | None:
        """The canvas height in logical pixels: hatch tiles start at the canvas's top-left
        corner, as matplotlib's do (None: at the view's top-left corner)."""
        return self._canvas_height

    @canvas_height.setter
    def canvas_height(self, value) -> None:
        self._canvas_height = None if value is None else check_number(value, "canvas_height",
                                                                      0.0)

    @property
    def hatch_unit(self) -> float:
        """Logical pixels per hatch tile (matplotlib's: the dpi)."""
        return self._hatch_unit

    @hatch_unit.setter
    def hatch_unit(self, value: float) -> None:
        self._hatch_unit = check_number(value, "hatch_unit", 0.0, exclusive=True)

    def set_paths(self, paths, units: str | None = None, anchors=None) -> None:
        """Replace the paths (and their units and anchors: one data point per path for
        ``units="pixels"``). Input that does not fit leaves the visual as it was."""
        paths = _check_paths(paths)
        units = self._units if units is None else units
        if units not in UNITS:
            raise ValueError(f"units: got {units!r}, expected one of {', '.join(UNITS)}")
        if units == "pixels":
            if anchors is None:
                raise ValueError("anchors: got None, expected one data point per path for "
                                 "units='pixels'")
            a = as_array(anchors, "anchors")
            if a.dtype.kind not in "biuf":
                raise TypeError(f"anchors: got dtype {a.dtype}, expected real numbers")
            a = np.array(a, dtype=np.float64).reshape(-1, a.shape[-1] if a.ndim else 1)
            if a.shape != (len(paths), 2):
                raise ValueError(f"anchors: got shape {np.shape(anchors)}, expected "
                                 f"({len(paths)}, 2)")
            anchors = a
        elif anchors is not None:
            raise ValueError(f"anchors: only units='pixels' places paths at anchors, got "
                             f"units={units!r}")
        self._paths, self._units, self._anchors = paths, units, anchors
        self._style()
        self._shape_key = self._place_key = None

    def _upload_geometry(self) -> None:
        self._shape_key = self._place_key = None  # the transform kind changed

    # -- per path style ----------------------------------------------------------------
    def _style(self) -> None:
        paths = self._paths
        n = len(paths)
        fill = np.array([p.fill if p.fill is not None else (0, 0, 0, 0) for p in paths],
                        float).reshape(n, 4)
        hatch = np.array([hatch_counts(p.hatch) for p in paths], np.int64).reshape(n, 8)
        hcolor = np.array([p.hatch_color if p.hatch_color is not None else (0, 0, 0, 1)
                           for p in paths], float).reshape(n, 4)
        hatched = hatch.any(axis=1) & (hcolor[:, 3] > 0)
        self._fill_rgba, self._hatch, self._hatch_rgba = fill, hatch, hcolor
        self._hatched = hatched
        self._has_fill = (fill[:, 3] > 0) | hatched
        styles, key_of = {}, np.full(n, -1)
        for i, p in enumerate(paths):
            s = p.stroke
            if s is None or s.width <= 0 or s.color[3] <= 0:
                continue
            key = (float(s.width), None if s.dashes is None else tuple(float(d) for d in s.dashes),
                   float(s.dash_offset), bool(p.snap), s.cap, s.join,
                   _closing_cap(p, s.join))
            key_of[i] = styles.setdefault(key, len(styles))
        self._stroke_styles = list(styles)
        self._stroke_of = key_of
        self._stroke_rgba = np.array([p.stroke.color if p.stroke is not None else (0, 0, 0, 0)
                                      for p in paths], float).reshape(n, 4)
        # Agg snaps a fill for its stroke's width (none drawn: 0); -1: not snapped
        self._snap_width = np.array([
            -1.0 if not p.snap else 0.0 if key_of[i] < 0 else p.stroke.width
            for i, p in enumerate(paths)], np.float32).reshape(n)
        self.needs_multisampling = bool(self._has_fill.any())

    # -- geometry ----------------------------------------------------------------------
    def _view(self, ctx) -> tuple[np.ndarray, np.ndarray]:
        """(pixels per unit along x and y, signed), and the data rectangle axes
        fractions span: the view's, or the axes' for a view over the whole canvas
        (``axes_rect``, lumos/plot/unclipped.py)."""
        cam = ctx.camera
        if cam.get("type") == "panzoom":
            x0, y0, w, h = (float(v) for v in cam["rect"])
            w, h = (w if w else 1.0), (h if h else 1.0)
            ppu = np.array([ctx.size[0] / w, ctx.size[1] / h])
            if "axes_rect" in cam:
                x0, y0, w, h = (float(v) for v in cam["axes_rect"])
            return ppu, np.array([x0, y0, w, h])
        return np.ones(2), np.array([0.0, 0.0, 1.0, 1.0])

    def _shape_scale(self, ppu: np.ndarray, rect: np.ndarray):
        """Pixels per path unit for flattening, quantized for data (a power of 2, so
        zooming re-flattens at most every 2x)."""
        if self._units == "pixels":
            return (1.0, 1.0)
        if self._units == "axes":
            s = np.abs(ppu * rect[2:])
        else:
            s = np.abs(ppu)
        return tuple(float(2.0 ** math.ceil(math.log2(max(v, 1e-300)))) for v in s)

    def _place(self, pts: np.ndarray, owner: np.ndarray, ppu, rect) -> np.ndarray:
        """Path-unit points to the view's data coordinates."""
        if self._units == "pixels":
            return self._anchors[owner] + pts / ppu
        if self._units == "axes":
            return rect[:2] + pts * rect[2:]
        return pts

    def _build_shape(self, scale) -> None:
        """Flatten and triangulate (path units): the part that only a 2x zoom changes."""
        paths = self._paths
        flat = flatten([(p.vertices, p.codes) for p in paths], scale=scale,
                       tolerance=self._tolerance)
        if is_nonlinear(self) and self._units == "data" and flat.rings:
            flat = subdivided(flat, self.transform)
        self._flat = flat
        faces, face_owner = [], []
        fill_rings = np.flatnonzero(self._has_fill[flat.owner]) if flat.rings else \
            np.zeros(0, np.int64)
        # one-ring convex paths (circles, rectangles, wedges): fans, all at once
        rings_per_path = np.bincount(flat.owner, minlength=len(paths))
        single = fill_rings[rings_per_path[flat.owner[fill_rings]] == 1]
        fans, convex = convex_fans(flat, single)
        faces.append(fans)
        face_owner.append(np.repeat(flat.owner[single[convex]],
                                    flat.starts[single[convex] + 1]
                                    - flat.starts[single[convex]] - 2))
        rest = np.setdiff1d(fill_rings, single[convex])
        by_path: dict[int, list[int]] = {}
        for r in rest.tolist():
            by_path.setdefault(int(flat.owner[r]), []).append(r)
        self._overlapping = False
        extra, extra_owner = [], []  # points the winding fills add after flat.points
        count = len(flat.points)
        crossing = crossing_paths(flat, rest)
        if crossing is None:  # too many pairs among all paths: path by path
            crossing = {i for i, rings in by_path.items()
                        if crossing_paths(flat, np.array(rings)) != set()}
        for i, rings in by_path.items():
            if i in crossing:
                pts = np.concatenate([flat.ring(r) for r in rings])
                ends = np.cumsum([flat.starts[r + 1] - flat.starts[r] for r in rings])
                # a non-linear transform (log, polar: theta first) keeps lines of
                # constant x straight, where slabs meet: no cracks between them
                fill = winding_fill(pts, ends, paths[i].fill_rule,
                                    axis=0 if is_nonlinear(self) else None)
                if fill is not None:
                    faces.append(fill[1] + count)
                    face_owner.append(np.full(len(fill[1]), i))
                    extra.append(fill[0])
                    extra_owner.append(np.full(len(fill[0]), i))
                    count += len(fill[0])
                    continue
                # too large to resolve: earcut's triangles, overlapping where it crosses
                self._overlapping = len(paths) == 1
            for region in regions(flat, rings, paths[i].fill_rule):
                pts = np.concatenate([flat.ring(r) for r in region])
                ends = np.cumsum([flat.starts[r + 1] - flat.starts[r] for r in region])
                tri = triangulate(pts, ends)
                # earcut indexes the concatenated rings: map back to flat rows
                rows = np.concatenate([np.arange(flat.starts[r], flat.starts[r + 1])
                                       for r in region])
                faces.append(rows[tri])
                face_owner.append(np.full(len(tri), i))
        self._extra = np.concatenate(extra) if extra else np.zeros((0, 2))
        self._extra_owner = np.concatenate(extra_owner) if extra else np.zeros(0, np.int64)
        self._faces = np.concatenate(faces) if faces else np.zeros((0, 3), np.int64)
        self._face_owner = np.concatenate(face_owner).astype(np.int64) if face_owner \
            else np.zeros(0, np.int64)
        # matplotlib's order: triangles path by path (stable: a path's own stay in order)
        order = np.argsort(self._face_owner, kind="stable")
        self._faces, self._face_owner = self._faces[order], self._face_owner[order]

    def _layers(self, placed: np.ndarray) -> np.ndarray:
        """Layer of each path: later than every earlier overlapping path whose stroke it
        would otherwise be drawn over wrongly (fill after stroke, or two stroke styles).

        Overlap is of bounding boxes; a grid of about one path per cell finds the
        candidates, so the cost follows the overlaps, not the square of the count."""
        n = len(self._paths)
        stroked = self._stroke_of >= 0
        layer = np.zeros(n, np.int64)
        flat = self._flat
        if not flat.rings or not (stroked.any() and (self._has_fill.any()
                                                     or len(self._stroke_styles) > 1)):
            return layer
        ring_of = np.repeat(np.arange(flat.rings), np.diff(flat.starts))
        who = flat.owner[ring_of]
        boxes = np.empty((n, 4))
        boxes[:, :2], boxes[:, 2:] = np.inf, -np.inf
        np.fmin.at(boxes[:, 0], who, placed[:, 0])
        np.fmin.at(boxes[:, 1], who, placed[:, 1])
        np.fmax.at(boxes[:, 2], who, placed[:, 0])
        np.fmax.at(boxes[:, 3], who, placed[:, 1])
        ok = np.isfinite(boxes).all(axis=1)
        if ok.sum() < 2:
            return layer
        lo, hi = boxes[ok, :2].min(axis=0), boxes[ok, 2:].max(axis=0)
        boxes[~ok] = 0.0  # paths with no points (never placed): no inf in the casts below
        g = int(np.clip(np.sqrt(ok.sum()), 1, 512))
        size = np.where(hi > lo, (hi - lo) / g, 1.0)
        c0 = np.clip(((boxes[:, :2] - lo) / size).astype(np.int64, copy=False), 0, g - 1)
        c1 = np.clip(((boxes[:, 2:] - lo) / size).astype(np.int64, copy=False), 0, g - 1)
        grid: dict[int, list[int]] = {}
        big: list[int] = []  # paths over many cells: candidates of every later path
        style, fill = self._stroke_of, self._has_fill
        for j in np.flatnonzero(ok).tolist():
            (x0, y0), (x1, y1) = c0[j], c1[j]
            many = (x1 - x0 + 1) * (y1 - y0 + 1) > 64
            if many:
                cand = np.arange(j)
            else:
                found = set(big)
                for cx in range(x0, x1 + 1):
                    for cy in range(y0, y1 + 1):
                        found.update(grid.get(cx * g + cy, ()))
                cand = np.fromiter(found, np.int64, len(found))
            if len(cand):
                b = boxes[cand]
                ov = (b[:, 0] <= boxes[j, 2]) & (b[:, 2] >= boxes[j, 0]) & \
                    (b[:, 1] <= boxes[j, 3]) & (b[:, 3] >= boxes[j, 1])
                if ov.any():
                    c = cand[ov]
                    later = stroked[c] & (fill[j] | (stroked[j] & (style[c] != style[j])))
                    layer[j] = np.max(layer[c] + later)
            if many:
                big.append(j)
            else:
                for cx in range(x0, x1 + 1):
                    for cy in range(y0, y1 + 1):
                        grid.setdefault(cx * g + cy, []).append(j)
        return layer

    def _build_placement(self, ppu, rect) -> None:
        """Data-space vertices, buffers and stroke lines for the current view."""
        flat = self._flat
        owner_pt = np.repeat(flat.owner, np.diff(flat.starts)) if flat.rings \
            else np.zeros(0, np.int64)
        placed = self._place(flat.points, owner_pt, ppu, rect)
        layer = self._layers(placed)
        if len(self._extra):  # the winding fills' own points, for triangles only
            owner_pt = np.r_[owner_pt, self._extra_owner]
            placed = np.r_[placed, self._place(self._extra, self._extra_owner, ppu, rect)]
        self._layer_of = layer
        nlayers = int(layer.max()) + 1 if len(layer) else 0
        # fills: one vertex buffer, triangles sorted by layer (stable: path order kept)
        faces, face_owner = self._faces, self._face_owner
        if len(faces):
            # a NaN anchor or a transform that cannot show a point: its triangles go
            valid = np.isfinite(placed).all(axis=1)
            keep = valid[faces].all(axis=1)
            faces, face_owner = faces[keep], face_owner[keep]
        flayer = layer[face_owner] if len(faces) else np.zeros(0, np.int64)
        order = np.argsort(flayer, kind="stable")
        faces, flayer = faces[order], flayer[order]
        self._fill_ranges = [(int(a), int(b)) for a, b in
                             zip(np.searchsorted(flayer, np.arange(nlayers)),
                                 np.searchsorted(flayer, np.arange(nlayers), side="right"),
                                 strict=True)]
        if len(faces):
            pts3 = np.zeros((len(placed), 3))
            if self._units == "pixels":  # the anchors; the shader adds the offsets
                pts3[:, :2] = self._anchors[owner_pt]
                offsets = np.r_[flat.points, self._extra] if len(self._extra) else flat.points
                self._offset.set_data(np.ascontiguousarray(offsets, np.float32))
            else:
                pts3[:, :2] = placed
            if is_nonlinear(self):  # the shader's transform takes absolute points (Mesh's)
                self._origin, local = np.zeros(3), absolute_float32(pts3, "paths")
            else:
                self._origin, local, _ = split_origin(pts3)
            self._pos.set_data(local)
            self._color.set_data(rgba_bytes(self._fill_rgba[owner_pt]))
            self._index.set_data(np.ascontiguousarray(faces, np.uint32).reshape(-1))
            if (self._snap_width >= 0).any():
                self._snap.set_data(self._snap_width[owner_pt])
            if self._hatched.any():
                self._hatch_color.set_data(rgba_bytes(self._hatch_rgba[owner_pt]))
                h = np.minimum(self._hatch, 255).astype(np.uint8)
                self._hatch_lines.set_data(np.ascontiguousarray(h[owner_pt, :4]))
                self._hatch_shapes.set_data(np.ascontiguousarray(h[owner_pt, 4:]))
                widths = np.array([p.hatch_width for p in self._paths], np.float32)
                self._hatch_width.set_data(widths[owner_pt])
        else:
            self._index.set_data(np.zeros(0, np.uint32))
        # strokes: one Line per (layer, style), lines in path order, joined with NaN rows
        wanted: dict[tuple, tuple[np.ndarray, np.ndarray]] = {}
        ring_style = self._stroke_of[flat.owner] if flat.rings else np.zeros(0, np.int64)
        ring_layer = layer[flat.owner] if flat.rings else np.zeros(0, np.int64)
        stroked = ring_style >= 0
        anchors, lines_at = self._stroke_placement(flat, owner_pt, ppu, placed)
        for lay, sty in sorted(set(zip(ring_layer[stroked].tolist(),
                                       ring_style[stroked].tolist(), strict=True))):
            rings = np.flatnonzero((ring_style == sty) & (ring_layer == lay))
            rows, ring_index = polyline_rows(flat, rings)
            pts = lines_at[np.maximum(rows, 0)]
            pts[rows < 0] = np.nan
            rgba = self._stroke_rgba[flat.owner[rings]]
            one = bool((rgba == rgba[0]).all())
            key = (lay, *self._stroke_styles[sty])
            wanted[key] = (pts, rgba[:1] if one else rgba[ring_index])
            if self._units == "pixels":
                self._line_pages[key] = (rows, ring_index, rgba, owner_pt, anchors)
        for key in [k for k in self._lines if k not in wanted]:
            del self._lines[key]
        for key in [k for k in self._line_pages if k not in wanted or self._units != "pixels"]:
            del self._line_pages[key]
        for key, (pts, rgba) in wanted.items():
            line = self._lines.get(key)
            if line is None:
                line = self._lines[key] = Line(width=key[1], dashes=key[2], dash_offset=key[3],
                                               snap=key[4], cap=key[7],
                                               dash_cap=key[5], join=key[6])
                line.parent = self  # for the node transform (model matrix)
            # strokes of pixel paths are placed where the view draws (see above)
            line.transform = self.transform if is_nonlinear(self) and \
                self._units != "pixels" else None
            line.set_data(pts, color=tuple(rgba[0]) if len(rgba) == 1 else rgba)
        self._nlayers = nlayers

    def _stroke_placement(self, flat, owner_pt: np.ndarray, ppu, placed: np.ndarray
                          ) -> tuple[np.ndarray | None, np.ndarray]:
        """(anchors, points) of the stroke Lines: for paths in pixels, the anchors
        where the view draws them (through a non-linear transform: polar, log) and the
        points that many pixels from them, drawn with no transform of their own (the
        offsets are pixels after the transform, as matplotlib's); else None and the
        placed points."""
        if self._units != "pixels":
            return None, placed
        anchors = self._anchors
        if is_nonlinear(self):
            with np.errstate(invalid="ignore", over="ignore", divide="ignore"):
                anchors = np.asarray(self.transform.forward(anchors.copy()), float)
        n = len(flat.points)
        return anchors, anchors[owner_pt[:n]] + flat.points / ppu

    def _line_page(self, key: tuple) -> dict[str, Buffer]:
        """What a page needs to place stroke Line ``key``'s points for any camera (units
        "pixels"): per point its anchor (float64; NaN: a break), its offset in logical
        pixels and its RGBA bytes; made once per placement."""
        page = self._line_pages[key]
        if isinstance(page, dict):
            return page
        rows, ring_index, rgba, owner_pt, anchors = page
        at = np.maximum(rows, 0)
        anchors = anchors[owner_pt[at]]
        anchors[rows < 0] = np.nan
        # float64 travels as its bytes (a page's data, never a GPU buffer)
        page = self._line_pages[key] = {
            "anchors": Buffer(np.ascontiguousarray(anchors, np.float64).view(np.uint8)
                              .reshape(-1)),
            "offsets": Buffer(np.ascontiguousarray(self._flat.points[at], np.float32)),
            "colors": Buffer(rgba_bytes(rgba[ring_index]))}
        return page

    # -- Visual ------------------------------------------------------------------------
    def bounds(self) -> np.ndarray | None:
        if self._units == "axes" or not self._paths:
            return None
        pts = self._anchors if self._units == "pixels" else \
            np.concatenate([p.vertices for p in self._paths])
        return self._bounds_of(np.c_[pts, np.zeros(len(pts))])

    def draws(self, ctx: DrawContext) -> list[Draw]:
        if not self._paths:
            return []
        ppu, rect = self._view(ctx)
        shape_key = (self._shape_scale(ppu, rect), is_nonlinear(self))
        if shape_key != self._shape_key:
            self._build_shape(shape_key[0])
            self._shape_key, self._place_key = shape_key, None
        place_key = "data" if self._units == "data" else \
            (tuple(ppu), tuple(rect)) if self._units == "axes" else tuple(ppu)
        if place_key != self._place_key:
            self._build_placement(ppu, rect)
            self._place_key = place_key
        snippet, model = transform_parts(self)
        program = _TEMPLATE.compose(transform=snippet)
        hatched = bool(self._hatched.any())
        attributes = {"a_pos": Attribute(self._pos, 3), "a_color": Attribute(self._color, 4,
                                                                              "u1")}
        if hatched:
            attributes.update({
                "a_hatch_color": Attribute(self._hatch_color, 4, "u1"),
                "a_hatch_lines": Attribute(self._hatch_lines, 4, "u1"),
                "a_hatch_shapes": Attribute(self._hatch_shapes, 4, "u1"),
                "a_hatch_width": Attribute(self._hatch_width, 1),
            })
        snapped = not ctx.is_3d and bool((self._snap_width >= 0).any())
        if snapped:
            attributes["a_snap"] = Attribute(self._snap, 1)
        offsets = self._units == "pixels"
        if offsets:
            attributes["a_offset"] = Attribute(self._offset, 2)
        # a page moving a pan/zoom camera alone re-places the strokes of pixel paths
        page = offsets and ctx.follow and ctx.camera.get("type") == "panzoom"
        out = []
        # a fill whose triangles overlap covers each sample once: it writes a depth of
        # its own, below every earlier such fill of the view, and tests against it
        once = bool(self._overlapping and not ctx.is_3d and len(self._paths) == 1 and (
            self._fill_rgba[0, 3] < 1 or hatched))
        depth = 1.0 - (len(ctx.drawn) + 1) * 2.0 ** -20 if once else -2.0
        for layer in range(self._nlayers):
            a, b = self._fill_ranges[layer]
            if b > a:
                out.append(Draw(
                    program=program, view=ctx.view_id, mode="triangles", count=3 * (b - a),
                    first=3 * a, indices=self._index, attributes=attributes,
                    uniforms={"u_hatch_unit": self._hatch_unit,
                              "u_hatch_top": -1.0 if self._canvas_height is None
                              else self._canvas_height, "u_depth": depth,
                              **snippet.uniforms},
                    int_uniforms={"u_hatched": int(hatched), "u_snapped": int(snapped),
                                  "u_offsets": int(offsets)},
                    state=State(depth_test=ctx.is_3d or once, depth_write=once,
                                blend="alpha"),
                    origin=tuple(self._origin), model=model,
                ))
            for key, line in self._lines.items():
                if key[0] == layer:
                    drawn = line.draws(ctx)
                    if page:
                        for d in drawn:
                            if d.follow is None and "a_p0" in d.attributes:
                                d.follow = {"kind": "pixel_anchor",
                                            "size": [float(v) for v in ctx.size]}
                                d.data = dict(self._line_page(key))
                    out.extend(drawn)
        if ctx.follow and self._units == "axes" and ctx.camera.get("type") == "panzoom":
            # a page that moves the camera alone puts the fractions in its new rectangle
            follow = {"kind": "axes_fraction", "rect": [float(v) for v in rect],
                      "axes": [True, True]}
            for d in out:
                d.follow = d.follow or follow
        return out

    def primitives(self, ctx=None) -> list:
        """The paths in canvas pixels (y down), curves kept as curves, clipped to the view.

        ``ctx`` gives ``to_pixels(points, visual)`` (this visual's data coordinates to
        canvas pixels through its transform and the camera), ``camera``, ``size`` and
        ``clip`` (lumos.visuals.base.PrimitiveContext); 3D views get a raster. Stroke
        widths, dashes and hatch widths are pixels already."""
        if ctx is None:  # no world-space form (POV-Ray)
            return []
        if getattr(ctx, "is_3d", False):
            return ctx.raster(self)
        ppu, rect = self._view(ctx)
        clip = getattr(ctx, "clip", None)
        out = []
        for i, p in enumerate(self._paths):
            v = p.vertices
            codes = p.codes
            if self._units == "pixels":
                a = np.asarray(ctx.to_pixels(self._anchors[i:i + 1], self), float).reshape(2)
                px = a + v * [1.0, -1.0]
            else:
                data = self._place(v, np.zeros(len(v), np.int64), ppu, rect)
                if is_nonlinear(self) and self._units == "data" and codes is not None \
                        and np.isin(codes, (prim.CURVE3, prim.CURVE4)).any():
                    # curves do not survive a non-linear map: send the flattened rings
                    flat = flatten([(v, codes)], scale=self._shape_scale(ppu, rect),
                                   tolerance=self._tolerance)
                    data, codes = as_path(flat)
                px = np.asarray(ctx.to_pixels(data, self), float)
            out.append(prim.Path(px, codes, fill=p.fill, stroke=p.stroke,
                                 fill_rule=p.fill_rule, hatch=p.hatch,
                                 hatch_color=p.hatch_color, hatch_width=p.hatch_width,
                                 clip=clip, snap=p.snap))
        return out
