"""Thick antialiased lines: one instanced quad per segment, many lines per draw."""

from __future__ import annotations

import numpy as np

from .. import colors
from ..gpu.frame import Attribute, Draw, State
from ..gpu.resources import Buffer
from ..shaders import ShaderTemplate
from . import glsl
from .base import (
    DrawContext,
    Visual,
    as_positions,
    check_positive,
    finite_bounds,
    is_nonlinear,
    split_origin,
    transform_parts,
    transformed_bounds,
)

# Each segment is a quad around [p0, p1] widened by half the line width plus one
# pixel; the fragment shader measures the distance to the segment (a capsule), which
# gives antialiased edges, round caps and round joins in one pass.
_TEMPLATE = ShaderTemplate(
    vertex=glsl.SCREEN + """
in vec3 a_p0;
in vec3 a_p1;
in vec4 a_c0;
in vec4 a_c1;
in float a_v0;
in float a_v1;
uniform float u_width;
out vec4 v_color;
flat out vec2 v_a;
flat out vec2 v_b;
#pragma snippets

void main() {
    vec4 c0 = u_mvp * $transform(vec4(a_p0, 1.0));
    vec4 c1 = u_mvp * $transform(vec4(a_p1, 1.0));
    if (a_v0 < 0.5 || a_v1 < 0.5 || c0.w <= 0.0 || c1.w <= 0.0) {
        gl_Position = DISCARDED;
        return;
    }
    vec2 s0 = clip_to_window(c0);
    vec2 s1 = clip_to_window(c1);
    vec2 d = s1 - s0;
    float len = length(d);
    vec2 dir = len > 1e-6 ? d / len : vec2(1.0, 0.0);
    vec2 nrm = vec2(-dir.y, dir.x);
    float hw = 0.5 * u_width * u_pixel_ratio + 1.0;
    // triangle strip corners: 0 (p0, -n), 1 (p1, -n), 2 (p0, +n), 3 (p1, +n)
    float along = (gl_VertexID == 1 || gl_VertexID == 3) ? 1.0 : 0.0;
    float side = gl_VertexID >= 2 ? 1.0 : -1.0;
    vec2 p = mix(s0, s1, along) + (2.0 * along - 1.0) * dir * hw + side * nrm * hw;
    float z = mix(c0.z / c0.w, c1.z / c1.w, along);
    gl_Position = window_to_clip(p, z);
    v_color = mix(a_c0, a_c1, along) / 255.0;
    v_a = s0;
    v_b = s1;
}
""",
    fragment="""
uniform float u_width;
uniform float u_pixel_ratio;
in vec4 v_color;
flat in vec2 v_a;
flat in vec2 v_b;
out vec4 f_color;

void main() {
    vec2 p = gl_FragCoord.xy;
    vec2 ab = v_b - v_a;
    float t = clamp(dot(p - v_a, ab) / max(dot(ab, ab), 1e-12), 0.0, 1.0);
    float dist = length(p - v_a - t * ab);
    float coverage = clamp(0.5 * u_width * u_pixel_ratio - dist + 0.5, 0.0, 1.0);
    if (coverage <= 0.0) discard;
    f_color = vec4(v_color.rgb, v_color.a * coverage);
}
""",
)


def _join(pos) -> tuple[np.ndarray, np.ndarray | None]:
    """Accept one (N, 2|3) line, an (M, N, 2|3) stack or a list of lines.

    Returns float64 (K, 3) points with a NaN row between lines, and for several
    lines the line index of each point (to spread per-line colors)."""
    if isinstance(pos, (list, tuple)) and pos and np.ndim(pos[0]) == 2:
        lines = [as_positions(p, "pos") for p in pos]
    else:
        arr = np.asarray(pos) if not isinstance(pos, np.ndarray) else pos
        if arr.ndim == 3:
            lines = [as_positions(p, "pos") for p in arr]
        else:
            return as_positions(pos, "pos"), None
    gap = np.full((1, 3), np.nan)
    parts, owner = [], []
    for i, line in enumerate(lines):
        if i:
            parts.append(gap)
            owner.append([i])
        parts.append(line)
        owner.append(np.full(len(line), i))
    return np.concatenate(parts), np.concatenate(owner).astype(int)


class Line(Visual):
    """A polyline (or many) of a given pixel width; NaN rows break the line.

    >>> Line(pos=np.c_[x, y], color="red", width=2)
    >>> Line(pos=[xy0, xy1, xy2], color=["C0", "C1", "C2"])   # three lines, one draw

    ``color`` is one color, one per line, or one per point (N, 3|4).
    """

    def __init__(self, pos=None, color="black", width: float = 1.0) -> None:
        super().__init__()
        self._points = np.zeros((0, 3))
        self._owner = None
        self._pos_buffer = Buffer(np.zeros((0, 3), np.float32))
        self._valid_buffer = Buffer(np.zeros(0, np.float32))
        self._color_buffer = Buffer(np.zeros((0, 4), np.uint8))
        self._origin = np.zeros(3)
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
    def color(self):
        return self._color

    @color.setter
    def color(self, value) -> None:
        self._color = value
        self._color_buffer.set_data(self._colors(value))

    def set_data(self, pos) -> None:
        """Replace the points (any count); keeps the color spec."""
        points, owner = _join(pos)
        self._points, self._owner = points, owner
        self._upload_positions()
        self._color_buffer.set_data(self._colors(self._color))

    def _upload_positions(self) -> None:
        if is_nonlinear(self):
            # A curve needs absolute coordinates in the shader, so no origin.
            self._origin = np.zeros(3)
            valid = np.isfinite(self._points).all(axis=1)
            local = np.where(valid[:, None], self._points, 0).astype(np.float32)
        else:
            self._origin, local, valid = split_origin(self._points)
        self._pos_buffer.set_data(local)
        self._valid_buffer.set_data(valid.astype(np.float32))

    def _colors(self, value) -> np.ndarray:
        n = len(self._points)
        if self._owner is not None and not isinstance(value, str):
            nlines = int(self._owner.max()) + 1 if n else 0
            arr = np.asarray(value, dtype=object) if not isinstance(value, np.ndarray) else value
            if len(arr) == nlines and nlines != n and not (
                arr.ndim == 1 and len(arr) in (3, 4) and not isinstance(arr[0], str)
            ):
                per_line = colors.to_rgba_array(value, nlines)
                rgba = per_line[self._owner]
                return (np.clip(rgba, 0, 1) * 255 + 0.5).astype(np.uint8)
        rgba = colors.to_rgba_array(value, n)
        return (np.clip(rgba, 0, 1) * 255 + 0.5).astype(np.uint8)

    # -- drawing -----------------------------------------------------------------
    def bounds(self) -> np.ndarray | None:
        return transformed_bounds(finite_bounds(self._points), self.model_matrix())

    def draws(self, ctx: DrawContext) -> list[Draw]:
        n = len(self._points)
        if n < 2:
            return []
        snippet, model = transform_parts(self)
        program = _TEMPLATE.compose(transform=snippet)
        pb, cb, vb = self._pos_buffer, self._color_buffer, self._valid_buffer
        return [Draw(
            program=program, view=ctx.view_id, mode="triangle_strip", count=4,
            instances=n - 1,
            attributes={
                "a_p0": Attribute(pb, 3, "f4", 0, 12, 1),
                "a_p1": Attribute(pb, 3, "f4", 12, 12, 1),
                "a_c0": Attribute(cb, 4, "u1", 0, 4, 1),
                "a_c1": Attribute(cb, 4, "u1", 4, 4, 1),
                "a_v0": Attribute(vb, 1, "f4", 0, 4, 1),
                "a_v1": Attribute(vb, 1, "f4", 4, 4, 1),
            },
            uniforms={"u_width": self._width, **snippet.uniforms},
            state=State(depth_test=ctx.is_3d, blend="alpha"),
            origin=tuple(self._origin), model=model,
        )]
