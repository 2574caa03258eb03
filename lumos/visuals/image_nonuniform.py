"""NonUniformImage: RGBA pixels on a rectilinear grid whose columns and rows each have
their own width (matplotlib's ``NonUniformImage``), resampled per screen pixel on the
GPU: the picture fills the whole view, each screen pixel taking the cell whose centre
is nearest, or the colors of the four centres around it interpolated linearly, clamped
beyond the outer centres (matplotlib's ``make_image``)."""

from __future__ import annotations

import numpy as np

from ..gpu.frame import Attribute, Draw, State
from ..gpu.resources import Buffer, Texture
from ..primitives import Raster
from ..shaders import ShaderTemplate
from .base import (
    DrawContext,
    PrimitiveContext,
    Visual,
    as_array,
    check_numbers,
    is_nonlinear,
    transformed_bounds,
)
from .image import Image

#: the interpolations matplotlib's NonUniformImage has
INTERPOLATIONS = ("nearest", "bilinear")

# The quad covers the whole view (clip space): where the grid's ends are clamped the
# picture still reaches the view's edges. Each corner's position in the draw's
# coordinates comes from the camera's matrix inverted in the plane (a 2D camera's
# matrix drops z, so the 4x4 one has no inverse), so a pan or zoom moves the picture
# with no Python (the mapping is affine: linear interpolation is exact).
_VERTEX = """
uniform mat4 u_mvp;
in vec2 a_corner;
out vec2 v_pos;

void main() {
    vec2 clip = a_corner * 2.0 - 1.0;
    gl_Position = vec4(clip, 0.0, 1.0);
    v_pos = inverse(mat2(u_mvp[0].xy, u_mvp[1].xy)) * (clip - u_mvp[3].xy);
}
"""

_FRAGMENT = """
uniform sampler2D u_data;    // RGBA, row 0 at the first y centre
uniform sampler2D u_x;       // (2 x w): the column centres, increasing, less the origin,
                             // then the edges between their cells and a huge number
uniform sampler2D u_y;       // the same for the rows (2 x h)
uniform float u_opacity;
uniform vec2 u_base;         // per axis: 0, or the base b of a log axis, whose colors are
                             // interpolated along b ** position (the data)
uniform vec2 u_origin;       // the draw's origin (b ** position needs the whole position)
in vec2 v_pos;
out vec4 f_color;

float centre(sampler2D s, int k) {
    return texelFetch(s, ivec2(k, 0), 0).r;
}

// How many of the sorted values of a row (0: the centres, 1: the edges) are below x
// (numpy's searchsorted). 32 halvings: any texture.
int below(sampler2D s, float x, int row) {
    int lo = 0;
    int hi = textureSize(s, 0).x;
    for (int step = 0; step < 32; ++step) {
        if (lo >= hi) break;
        int k = (lo + hi) / 2;
        if (texelFetch(s, ivec2(k, row), 0).r < x) lo = k + 1; else hi = k;
    }
    return lo;
}

// The cell (i, i + 1) around x and the weight of i + 1, clamped at the ends.
vec2 cell(sampler2D s, float x, float base, float origin) {
    int n = textureSize(s, 0).x;
    if (n < 2) return vec2(0.0);
    int i = clamp(below(s, x, 0) - 1, 0, n - 2);
    vec3 p = vec3(centre(s, i), centre(s, i + 1), x);
    if (base > 0.0) p = pow(vec3(base), p + origin);
    return vec2(float(i), clamp((p.z - p.x) / (p.y - p.x), 0.0, 1.0));
}

void main() {
%s
    // matplotlib's uint8 picture: each channel truncated
    f_color = floor(c * 255.0 + 1.0e-3) / 255.0;
    f_color.a *= u_opacity;
}
"""

_MAINS = {
    "nearest": """
    vec4 c = texelFetch(u_data, ivec2(below(u_x, v_pos.x, 1), below(u_y, v_pos.y, 1)), 0);
""",
    "bilinear": """
    vec2 cx = cell(u_x, v_pos.x, u_base.x, u_origin.x);
    vec2 cy = cell(u_y, v_pos.y, u_base.y, u_origin.y);
    ivec2 last = textureSize(u_data, 0) - 1;
    ivec2 i0 = ivec2(int(cx.x), int(cy.x));
    ivec2 i1 = min(i0 + 1, last);
    vec4 c = mix(mix(texelFetch(u_data, i0, 0), texelFetch(u_data, ivec2(i1.x, i0.y), 0), cx.y),
                 mix(texelFetch(u_data, ivec2(i0.x, i1.y), 0), texelFetch(u_data, i1, 0), cx.y),
                 cy.y);
""",
}
_TEMPLATES = {kind: ShaderTemplate(_VERTEX, _FRAGMENT % main) for kind, main in _MAINS.items()}
_CORNERS = np.array([[0, 0], [1, 0], [0, 1], [1, 1]], np.float32)
_HUGE = 3.0e38  # after the last edge: no position lies beyond it


def _centres(values, argument: str, n: int) -> np.ndarray:
    """``values`` as n increasing finite float64 centres (a ValueError naming
    ``argument`` otherwise)."""
    arr = np.array(as_array(values, argument), dtype=float, copy=True)
    if arr.shape != (n,):
        raise ValueError(f"{argument}: got shape {arr.shape}, expected ({n},), one centre per "
                         f"{'column' if argument == 'x' else 'row'} of A")
    if not np.isfinite(arr).all():
        raise ValueError(f"{argument}: got NaN or inf, expected finite centres")
    if np.any(np.diff(arr) <= 0):
        raise ValueError(f"{argument}: expected increasing centres, got {arr!r}")
    return arr


def _edges(values, centres: np.ndarray, argument: str) -> np.ndarray:
    """n - 1 edges between n centres, each between its two neighbours (a ValueError
    naming ``argument`` otherwise)."""
    arr = np.array(as_array(values, argument), dtype=float, copy=True)
    n = len(centres) - 1
    if arr.shape != (n,):
        raise ValueError(f"{argument}: got shape {arr.shape}, expected ({n},), one edge "
                         "between each two centres")
    if not (np.all(arr >= centres[:-1]) and np.all(arr <= centres[1:])):
        raise ValueError(f"{argument}: expected each edge between its two centres, got "
                         f"{arr!r}")
    return arr


def cells(centres: np.ndarray, at: np.ndarray, interpolation: str, edges=None,
          base: float = 0.0):
    """``(i0, i1, f)`` for each position of ``at``: the colors there are those of
    the increasing ``centres``' cells i0 and i1 mixed with weight f of i1 (nearest:
    i0 == i1, f = 0; the cells meet at ``edges``, by default half-way between centres;
    a ``base`` b > 0 weighs along b ** position), as matplotlib's
    ``NonUniformImage.make_image``."""
    c = np.asarray(centres, dtype=float)
    n = len(c)
    if interpolation == "nearest":
        i0 = np.searchsorted((c[:-1] + c[1:]) / 2 if edges is None else edges, at)
        i1, f = i0, np.zeros(len(at))
    else:
        i0 = np.clip(np.searchsorted(c, at) - 1, 0, max(n - 2, 0))
        i1 = np.minimum(i0 + 1, n - 1)
        if base > 0:
            c, at = base ** c, base ** np.asarray(at, dtype=float)
        with np.errstate(all="ignore"):
            f = np.nan_to_num(np.clip((at - c[i0]) / (c[i1] - c[i0]), 0.0, 1.0))
    return i0, i1, f


def resample(rgba: np.ndarray, xs: tuple, ys: tuple) -> np.ndarray:
    """uint8 RGBA ``rgba`` (h, w, 4) at the positions whose cells :func:`cells` gave,
    ``xs`` for the columns and ``ys`` for the rows: (len(ys), len(xs), 4) uint8, each
    channel truncated as matplotlib's."""
    (x0, x1, fx), (y0, y1, fy) = xs, ys
    a = rgba.astype(np.float32)
    fx, fy = fx.astype(np.float32)[None, :, None], fy.astype(np.float32)[:, None, None]
    top = a[y0][:, x0] * (1 - fx) + a[y0][:, x1] * fx
    bottom = a[y1][:, x0] * (1 - fx) + a[y1][:, x1] * fx
    return np.floor(top * (1 - fy) + bottom * fy + 1e-3).clip(0, 255).astype(np.uint8)


class NonUniformImage(Visual):
    """RGBA pixels ``rgba`` ((h, w, 4) uint8) centred at columns ``x`` (w increasing
    numbers) and rows ``y`` (h increasing numbers; row 0 at ``y[0]``), drawn over the
    whole 2D view: each screen pixel takes its nearest cell (``interpolation``
    'nearest'; the cells meet half-way between centres, or at ``edges``: (w - 1 column
    edges, h - 1 row edges), each between its two centres) or the four around it
    interpolated linearly ('bilinear'), the outer cells stretched to the view's edges.
    ``opacity`` multiplies the alpha; ``bases``: see the property. Draws nothing in 3D
    views or through a non-linear transform (the grid is resampled in the view's linear
    coordinates).

    >>> NonUniformImage([0, 1, 4], [0, 2], rgba, interpolation="bilinear")
    """

    def __init__(self, x, y, rgba, interpolation: str = "nearest",
                 opacity: float = 1.0, edges=None, bases=(0.0, 0.0)) -> None:
        super().__init__()
        self._corner_buffer = Buffer(_CORNERS)
        self.interpolation = interpolation
        self.opacity = opacity
        self.bases = bases
        self.set_data(x, y, rgba, edges)

    def set_data(self, x, y, rgba, edges=None) -> None:
        """New centres, pixels and edges (see the class)."""
        arr = as_array(rgba, "rgba")
        if arr.dtype != np.uint8 or arr.ndim != 3 or arr.shape[2] != 4:
            raise ValueError(f"rgba: got {arr.dtype} {arr.shape}, expected (h, w, 4) uint8")
        h, w = arr.shape[:2]
        if h == 0 or w == 0:
            raise ValueError(f"rgba: got shape {arr.shape}, expected at least one pixel")
        self._x = _centres(x, "x", w)
        self._y = _centres(y, "y", h)
        if edges is None:
            edges = ((self._x[:-1] + self._x[1:]) / 2, (self._y[:-1] + self._y[1:]) / 2)
        elif isinstance(edges, str) or not hasattr(edges, "__len__") or len(edges) != 2:
            raise ValueError(f"edges: got {edges!r}, expected (column edges, row edges)")
        self._edges = tuple(_edges(e, c, name) for e, c, name in
                            zip(edges, (self._x, self._y), ("edges[0]", "edges[1]"),
                                strict=True))
        self._rgba = arr.copy()
        self._texture = Texture(self._rgba, filter="nearest", copy=False)
        self._origin = (float(self._x[0] / 2 + self._x[-1] / 2),
                        float(self._y[0] / 2 + self._y[-1] / 2))
        self._x_texture, self._y_texture = (
            Texture(np.vstack([c - o, np.r_[e - o, _HUGE]]).astype(np.float32),
                    filter="nearest", copy=False)
            for c, e, o in zip((self._x, self._y), self._edges, self._origin, strict=True))

    @property
    def x(self) -> np.ndarray:
        """A copy of the column centres."""
        return self._x.copy()

    @property
    def y(self) -> np.ndarray:
        """A copy of the row centres."""
        return self._y.copy()

    @property
    def rgba(self) -> np.ndarray:
        """A copy of the pixels."""
        return self._rgba.copy()

    @property
    def interpolation(self) -> str:
        """'nearest' or 'bilinear'."""
        return self._interpolation

    @interpolation.setter
    def interpolation(self, value: str) -> None:
        if value not in INTERPOLATIONS:
            raise ValueError(f"interpolation: got {value!r}, expected 'nearest' or "
                             "'bilinear'")
        self._interpolation = value

    opacity = Image.opacity

    @property
    def bases(self) -> tuple[float, float]:
        """Per axis, 0 or the base b of a log axis: 'bilinear' weighs the colors of two
        centres along b ** position (the data), as matplotlib on a log axis."""
        return self._bases

    @bases.setter
    def bases(self, value) -> None:
        bx, by = check_numbers(value, "bases", 2, "(x base, y base)")
        if bx < 0 or by < 0 or 1 in (bx, by):
            raise ValueError(f"bases: got {value!r}, expected 0 (linear) or a log base > 0 "
                             "and not 1 per axis")
        self._bases = (bx, by)

    def bounds(self) -> np.ndarray | None:
        """The span of the centres (the picture itself reaches the view's edges)."""
        b = np.array([[self._x[0], self._y[0], 0.0], [self._x[-1], self._y[-1], 0.0]])
        return transformed_bounds(b, self.model_matrix())

    def draws(self, ctx: DrawContext) -> list[Draw]:
        if ctx.is_3d or is_nonlinear(self):
            return []
        return [Draw(
            program=_TEMPLATES[self._interpolation].compose(),
            view=ctx.view_id, mode="triangle_strip", count=4,
            attributes={"a_corner": Attribute(self._corner_buffer, 2)},
            uniforms={"u_opacity": self._opacity, "u_base": self._bases,
                      "u_origin": self._origin},
            textures={"u_data": self._texture, "u_x": self._x_texture,
                      "u_y": self._y_texture},
            state=State(depth_test=False, blend="alpha"),
            origin=(*self._origin, 0.0), model=self.model_matrix(),
        )]

    def primitives(self, ctx: PrimitiveContext | None = None) -> list:
        """A raster over the view at the export's resolution, resampled on the CPU as
        the shader resamples: each pixel's centre taken back to the draw's coordinates
        through the same camera (ties between two cells fall as in matplotlib)."""
        if ctx is None or ctx.is_3d or is_nonlinear(self):
            return []
        vx, vy, vw, vh = ctx.clip
        pr = ctx.pixel_ratio
        nw, nh = max(int(round(vw * pr)), 1), max(int(round(vh * pr)), 1)
        # the axis-aligned affine map of the view: a step of the centres' span along
        # each axis from the origin
        (ox, oy), sx, sy = self._origin, self._x[-1] - self._x[0], self._y[-1] - self._y[0]
        sx, sy = sx if sx > 0 else 1.0, sy if sy > 0 else 1.0
        p0, px, py = ctx.to_pixels(np.array([[ox, oy], [ox + sx, oy], [ox, oy + sy]]), self)
        if not (np.isfinite([p0, px, py]).all() and px[0] != p0[0] and py[1] != p0[1]):
            return []
        at_x = ox + (vx + (np.arange(nw) + 0.5) * vw / nw - p0[0]) * sx / (px[0] - p0[0])
        at_y = oy + (vy + (np.arange(nh) + 0.5) * vh / nh - p0[1]) * sy / (py[1] - p0[1])
        rgba = resample(self._rgba, *(cells(c, at, self._interpolation, e, b) for c, at, e, b
                                      in zip((self._x, self._y), (at_x, at_y), self._edges,
                                             self._bases, strict=True)))
        if self._opacity != 1.0:
            rgba[..., 3] = np.floor(rgba[..., 3] * self._opacity + 0.5).astype(np.uint8)
        return [Raster(rgba, (vx, vy, vw, vh), "nearest", clip=ctx.clip)]
