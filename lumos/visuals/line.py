"""Thick antialiased lines: one instanced quad per segment, many lines per draw."""

from __future__ import annotations

import numpy as np

from .. import colors
from ..gpu.camera_math import draw_matrices
from ..gpu.frame import Attribute, Draw, State
from ..gpu.resources import Buffer
from ..shaders import ShaderTemplate
from ..transforms import subdivide
from . import glsl
from .base import (
    DrawContext,
    Visual,
    as_array,
    as_positions,
    check_positive,
    is_nonlinear,
    rgba_bytes,
    split_origin,
    transform_parts,
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
_TEMPLATE = ShaderTemplate(
    vertex=glsl.SCREEN + """
in vec4 a_prev;
in vec4 a_p0;
in vec4 a_p1;
in vec4 a_next;
in vec4 a_c0;
in vec4 a_c1;
in float a_d0;
in float a_d1;
uniform float u_width;
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
    float hw = 0.5 * u_width * u_pixel_ratio + 1.0;
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
""",
    fragment="""
uniform float u_width;
uniform float u_pixel_ratio;
uniform int u_dashed;
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
    if (u_dashed == 1) {
        coverage *= dash_coverage(s_a + t_line * length(ab));
    }
    return coverage;
}

void main() {
    vec2 p = gl_FragCoord.xy;
    if ((v_joined.x > 0.5 && !leaves(p, v_prev, v_a, v_b))
            || (v_joined.y > 0.5 && leaves(p, v_a, v_b, v_next))) {
        discard;  // the neighbouring segment draws this pixel
    }
    // The nearest segment covers the pixel most, unless a neighbour's dash reaches it.
    float coverage = segment_coverage(p, v_a, v_b, v_dist.x);
    if (u_dashed == 1 && v_joined.x > 0.5) {
        coverage = max(coverage, segment_coverage(p, v_prev, v_a,
                                                  v_dist.x - length(v_a - v_prev)));
    }
    if (u_dashed == 1 && v_joined.y > 0.5) {
        coverage = max(coverage, segment_coverage(p, v_b, v_next, v_dist.y));
    }
    if (coverage <= 0.0) discard;
    f_color = vec4(v_color.rgb, v_color.a * coverage);
}
""",
)


LOD_THRESHOLD = 8192


def _single_color(value) -> bool:
    """True for one color spec (a name, hex, or 3/4 numbers), not a list of colors."""
    if isinstance(value, str):
        return True
    arr = np.asarray(value, dtype=object)
    return arr.ndim == 1 and len(arr) in (3, 4) and not isinstance(arr[0], (str, tuple, list))


def _join(pos) -> tuple[np.ndarray, np.ndarray | None]:
    """Accept one (N, 2|3) line, an (M, N, 2|3) stack or a list of lines.

    Returns float64 (K, 3) points with a NaN row between lines, and for several
    lines the line index of each point, -1 for the NaN rows (to spread colors)."""
    if isinstance(pos, (list, tuple)) and pos and as_array(pos[0], "pos").ndim == 2:
        lines = [as_positions(p, "pos") for p in pos]
    else:
        arr = as_array(pos, "pos")
        if arr.ndim == 3:
            lines = [as_positions(p, "pos") for p in arr]
        else:
            return as_positions(arr, "pos"), None
    gap = np.full((1, 3), np.nan)
    parts, owner = [], []
    for i, line in enumerate(lines):
        if i:
            parts.append(gap)
            owner.append([-1])
        parts.append(line)
        owner.append(np.full(len(line), i))
    return np.concatenate(parts), np.concatenate(owner).astype(int)


def _point_colors(value, owner: np.ndarray | None, n: int) -> np.ndarray:
    """Float RGBA rows from ``color``: one row for a single color, else one per point
    of the ``n`` joined points. Several lines take one color per line or one per
    point of the lines; the NaN rows that join them get a color of their own."""
    if _single_color(value):
        return np.array([colors.to_rgba(value)])
    if owner is None:
        return colors.to_rgba_array(value, n, dtype=float)
    rows = colors.to_rgba_array(value, dtype=float)
    nlines, joins = int(owner.max()) + 1, owner < 0
    if len(rows) == 1:
        return rows
    if len(rows) == nlines:
        return rows[owner]  # the joins (-1) take the last line's color: never drawn
    if len(rows) == n - joins.sum():
        out = np.zeros((n, 4))
        out[~joins] = rows
        return out
    raise ValueError(f"color: got {len(rows)} colors, expected 1, {nlines} (one per line) "
                     f"or {n - joins.sum()} (one per point)")


class Line(Visual):
    """A polyline (or many) of a given pixel width; NaN rows break the line.

    >>> Line(pos=np.c_[x, y], color="red", width=2)
    >>> Line(pos=[xy0, xy1, xy2], color=["C0", "C1", "C2"])   # three lines, one draw

    ``color`` is one color, one per line, or one per point (N, 3|4).

    ``lod``: a long x-sorted line ("auto": over LOD_THRESHOLD points) is drawn as its
    min/max envelope per pixel column in 2D views, which looks the same and costs
    O(pixels) per view change instead of O(N).
    """

    def __init__(self, pos=None, color="black", width: float = 1.0, dashes=None,
                 lod: bool | str = "auto") -> None:
        super().__init__()
        if lod not in (True, False, "auto"):
            raise ValueError(f"lod: got {lod!r}, expected True, False or 'auto'")
        self._lod = lod
        self._pyramid = None
        self._lod_key = None
        self._dist_buffer = Buffer(np.zeros(0, np.float32))
        self._dist_key = None
        self.dashes = dashes
        self._points = np.zeros((0, 3))
        self._owner = None
        self._pos_buffer = Buffer(np.zeros((2, 4), np.float32))  # see _upload_points
        self._color_buffer = Buffer(np.zeros((0, 4), np.uint8))
        self._origin = np.zeros(3)
        self._source_index = None  # fractional source row of each drawn point (curves)
        self._color = color
        self.width = width
        self.set_data(np.zeros((0, 2)) if pos is None else pos)

    # -- properties --------------------------------------------------------------
    @property
    def pos(self) -> np.ndarray:
        """Float64 (N, 3) points (lines joined by NaN rows); a copy."""
        return self._points.copy()

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
        self._point_rgba = _point_colors(value, self._owner, len(self._points))
        self._color = value
        self._color_buffer.set_data(self._colors())

    def set_data(self, pos, color=None) -> None:
        """Replace the points (any count), and the colors when given (else the color
        spec is kept). Input that does not fit leaves the line as it was."""
        points, owner = _join(pos)
        color = self._color if color is None else color
        self._point_rgba = _point_colors(color, owner, len(points))
        self._points, self._owner, self._color = points, owner, color
        self._upload_geometry()

    def _lod_applies(self) -> bool:
        """Level of detail needs one long, x-sorted 2D line drawn without transforms."""
        n = len(self._points)
        if self._lod is False or self._owner is not None or self.transform is not None:
            return False
        if n < (2 if self._lod is True else LOD_THRESHOLD) or np.any(self._points[:, 2]):
            return False
        if not _single_color(self._color):
            return False
        return is_sorted(self._points[:, 0])

    def _upload_geometry(self) -> None:
        self._pyramid = None
        self._lod_key = None
        if self._lod_applies():
            # decimated per view in draws(); nothing to upload until then
            self._pyramid = MinMaxPyramid(self._points[:, 0], self._points[:, 1])
            self._upload_points(np.zeros((0, 3)), None)
        elif is_nonlinear(self):
            # Straight data segments become curves: subdivide them, and keep absolute
            # coordinates (no origin) since the shader applies the transform.
            points, index = subdivide(self._points, self.transform, return_index=True)
            self._upload_points(points, index, origin=False)
        else:
            self._upload_points(self._points, None)

    def _upload_lod(self, ctx: DrawContext) -> None:
        """Upload the min/max envelope for the visible x range (O(pixel columns))."""
        x0, _, w, _ = ctx.camera["rect"]
        lo, hi = sorted((x0, x0 + w))
        columns = round(ctx.size[0] * ctx.pixel_ratio)
        key = (lo, hi, columns)
        if key == self._lod_key:
            return
        self._lod_key = key
        index = self._pyramid.query(lo, hi, columns)
        points = self._points[np.maximum(index, 0)]
        points[index < 0] = np.nan  # breaks where a bin held NaN
        self._upload_points(points, np.maximum(index, 0).astype(float))

    def _upload_points(self, points: np.ndarray, source_index, origin: bool = True) -> None:
        """Send the points to draw (float32 offsets from a float64 origin)."""
        self._source_index = source_index
        if origin:
            self._origin, local, valid = split_origin(points)
        else:
            self._origin = np.zeros(3)
            valid = np.isfinite(points).all(axis=1)
            local = np.where(valid[:, None], points, 0).astype(np.float32)
        # xyz and a "drawn" flag per point, between two break rows: the shader reads
        # the points before and after each segment
        rows = np.zeros((len(local) + 2, 4), np.float32)
        rows[1:-1, :3] = local
        rows[1:-1, 3] = valid
        self._pos_buffer.set_data(rows)
        self._dist_buffer.set_data(np.zeros(len(local), np.float32))
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
            seg = np.hypot(*np.diff(px, axis=0).T)
        seg[~np.isfinite(seg) | (valid[1:] == 0)] = 0
        self._dist_buffer.set_data(np.r_[0.0, np.cumsum(seg)].astype(np.float32))

    @property
    def _drawn(self) -> int:
        """How many points are uploaded to draw (after subdivision or level of detail)."""
        return len(self._pos_buffer.data) - 2

    def _colors(self) -> np.ndarray:
        """RGBA bytes for every drawn point from the colors of the points."""
        rgba = self._point_rgba
        n = len(rgba)
        if n == 1:
            rgba = np.repeat(rgba, self._drawn, axis=0)
        elif self._source_index is not None and n:
            i = np.minimum(self._source_index.astype(int), n - 1)
            f = (self._source_index - i)[:, None]
            rgba = rgba[i] * (1 - f) + rgba[np.minimum(i + 1, n - 1)] * f
        return rgba_bytes(rgba)

    # -- drawing -----------------------------------------------------------------
    def bounds(self) -> np.ndarray | None:
        return self._bounds_of(self._points)

    def draws(self, ctx: DrawContext) -> list[Draw]:
        if self._pyramid is not None:
            if ctx.camera["type"] == "panzoom":
                self._upload_lod(ctx)
            elif self._lod_key != "full":  # 3D views see every point
                self._lod_key = "full"
                self._upload_points(self._points, None)
        n = self._drawn
        if n < 2:
            return []
        snippet, model = transform_parts(self)
        program = _TEMPLATE.compose(transform=snippet)
        pb, cb, db = self._pos_buffer, self._color_buffer, self._dist_buffer
        if self._dashes is not None:
            self._update_distances(ctx, model)
        return [Draw(
            program=program, view=ctx.view_id, mode="triangle_strip", count=4,
            instances=n - 1,
            attributes={
                "a_prev": Attribute(pb, 4, "f4", 0, 16, 1),
                "a_p0": Attribute(pb, 4, "f4", 16, 16, 1),
                "a_p1": Attribute(pb, 4, "f4", 32, 16, 1),
                "a_next": Attribute(pb, 4, "f4", 48, 16, 1),
                "a_c0": Attribute(cb, 4, "u1", 0, 4, 1),
                "a_c1": Attribute(cb, 4, "u1", 4, 4, 1),
                "a_d0": Attribute(db, 1, "f4", 0, 4, 1),
                "a_d1": Attribute(db, 1, "f4", 4, 4, 1),
            },
            uniforms={"u_width": self._width, "u_dash": self._dashes or (1.0, 0.0, 0.0, 0.0),
                      **snippet.uniforms},
            int_uniforms={"u_dashed": int(self._dashes is not None)},
            state=State(depth_test=ctx.is_3d, blend="alpha"),
            origin=tuple(self._origin), model=model,
        )]
