"""Density: points counted per pixel on the GPU, then shown through a colormap.

Every point adds 1 to its pixel of a float render target (additive blending, one
``spread`` x ``spread`` pixel splat per point), so the cost of a frame follows N for the
splats and the pixels for everything else. Later passes of the same frame reduce the
counts to their range and, for ``norm="eq_hist"``, to a histogram and its cumulative
distribution, all on the GPU: the browser executor recomputes them after a pan or zoom
with no round trip to Python. The passes, in draw order:

1. ``counts``  (view-sized rgba32f): one point per data point, ``blend="add"``.
2. ``tiles``   (64 x 64): each texel reduces a tile of counts to (max, min > 0, n > 0).
3. ``stats``   (1 x 1): reduces the tiles; skipped when ``clim`` is given.
4. ``hist``    (1024 x 1, eq_hist only): one point per pixel of the view, binned by
   log(count) between the smallest and the largest count, ``blend="add"``.
5. ``cdf``     (1024 x 1, eq_hist only): the normalized cumulative histogram.
6. the view: a full-view quad maps each count through the norm and the colormap;
   empty pixels stay transparent.

Norms follow datashader: ``linear`` maps [min, max] of the non-zero counts onto the
colormap, ``log`` does so with log(1 + count), ``eq_hist`` uses each count's rank
(histogram equalization, here over 1024 logarithmic bins of the count range).
"""

from __future__ import annotations

import numpy as np

from ..gpu.frame import Attribute, Draw, RenderTarget, State
from ..gpu.resources import Buffer, Texture
from ..shaders import ShaderTemplate
from .base import (
    CMAP_ENTRY_GLSL,
    DrawContext,
    Visual,
    as_positions,
    check_number,
    check_numbers,
    colormap_property,
    is_nonlinear,
    transform_parts,
)

NORMS = ("linear", "log", "eq_hist")
HIST_BINS = 1024
_TILES = 64  # the first reduction pass is _TILES x _TILES texels
_NO_COUNT = 3.0e38  # "min of the non-zero counts" of an empty tile

_SPLAT = ShaderTemplate(
    vertex="""
uniform mat4 u_mvp;
uniform float u_pixel_ratio;
uniform float u_spread;
in vec3 a_pos;  // x, y relative to the origin; z = 1 marks a point to skip (NaN)
#pragma snippets

void main() {
    gl_PointSize = max(u_spread * u_pixel_ratio, 1.0);
    if (a_pos.z != 0.0) {
        gl_Position = vec4(2.0, 2.0, 2.0, 1.0);  // outside the clip volume
        return;
    }
    gl_Position = u_mvp * $transform(vec4(a_pos.xy, 0.0, 1.0));
}
""",
    fragment="""
out vec4 f_color;
void main() { f_color = vec4(1.0, 0.0, 0.0, 1.0); }
""",
)

_QUAD_VS = """
in vec2 a_corner;
void main() { gl_Position = vec4(a_corner * 2.0 - 1.0, 0.0, 1.0); }
"""

# Each texel of the tiles target reduces a tile of the counts.
_TILES_FS = ShaderTemplate(vertex=_QUAD_VS, fragment=f"""
uniform sampler2D u_counts;
out vec4 f_color;
void main() {{
    ivec2 size = textureSize(u_counts, 0);
    ivec2 tile = (size + {_TILES - 1}) / {_TILES};
    ivec2 start = ivec2(gl_FragCoord.xy) * tile;
    ivec2 stop = min(start + tile, size);
    float hi = 0.0;
    float lo = {_NO_COUNT:.1e};
    float n = 0.0;
    for (int j = start.y; j < stop.y; j++) {{
        for (int i = start.x; i < stop.x; i++) {{
            float c = texelFetch(u_counts, ivec2(i, j), 0).r;
            if (c > 0.0) {{
                hi = max(hi, c);
                lo = min(lo, c);
                n += 1.0;
            }}
        }}
    }}
    f_color = vec4(hi, lo, n, 1.0);
}}
""")

_STATS_FS = ShaderTemplate(vertex=_QUAD_VS, fragment=f"""
uniform sampler2D u_tiles;
out vec4 f_color;
void main() {{
    float hi = 0.0;
    float lo = {_NO_COUNT:.1e};
    float n = 0.0;
    for (int j = 0; j < {_TILES}; j++) {{
        for (int i = 0; i < {_TILES}; i++) {{
            vec4 t = texelFetch(u_tiles, ivec2(i, j), 0);
            hi = max(hi, t.r);
            lo = min(lo, t.g);
            n += t.b;
        }}
    }}
    f_color = vec4(hi, lo, n, 1.0);
}}
""")

# The bin of a count between the smallest (lo) and largest (hi) non-zero count, on a
# log scale; the histogram pass and the colormap pass share it, so they agree exactly.
_BIN = f"""
int count_bin(float c, float lo, float hi) {{
    float u = hi > lo ? log(c / lo) / log(hi / lo) : 1.0;
    return int(clamp(floor(u * {HIST_BINS - 1}.0 + 0.5), 0.0, {HIST_BINS - 1}.0));
}}
"""

_HIST = ShaderTemplate(vertex=f"""
uniform sampler2D u_counts;
uniform sampler2D u_stats;
{_BIN}
void main() {{
    ivec2 size = textureSize(u_counts, 0);
    int i = gl_VertexID % size.x;
    int j = gl_VertexID / size.x;
    float c = j < size.y ? texelFetch(u_counts, ivec2(i, j), 0).r : 0.0;
    gl_PointSize = 1.0;
    if (c <= 0.0) {{
        gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
        return;
    }}
    vec4 s = texelFetch(u_stats, ivec2(0, 0), 0);
    float b = float(count_bin(c, s.g, s.r));
    gl_Position = vec4((b + 0.5) / {HIST_BINS}.0 * 2.0 - 1.0, 0.0, 0.0, 1.0);
}}
""", fragment="""
out vec4 f_color;
void main() { f_color = vec4(1.0, 0.0, 0.0, 1.0); }
""")

# t of bin k: the share of non-empty pixels in bins <= k, rescaled so that the lowest
# occupied bin maps to 0 and the highest to 1 (datashader's eq_hist does the same).
_CDF = ShaderTemplate(vertex=_QUAD_VS, fragment=f"""
uniform sampler2D u_hist;
out vec4 f_color;
void main() {{
    int k = int(gl_FragCoord.x);
    float total = 0.0;
    float below = 0.0;
    float first = -1.0;
    for (int i = 0; i < {HIST_BINS}; i++) {{
        float h = texelFetch(u_hist, ivec2(i, 0), 0).r;
        if (first < 0.0 && h > 0.0) first = h;
        total += h;
        if (i <= k) below += h;
    }}
    float t = total > first ? (below - first) / (total - first) : 1.0;
    f_color = vec4(clamp(t, 0.0, 1.0), 0.0, 0.0, 1.0);
}}
""")

_SHADE_FS = f"""
uniform sampler2D u_counts;
uniform sampler2D u_cmap;
{CMAP_ENTRY_GLSL}
uniform vec2 u_target_origin;
uniform vec2 u_clim;
uniform float u_alpha;
#if AUTO
uniform sampler2D u_stats;
#endif
#if NORM == 2
uniform sampler2D u_cdf;
{_BIN}
#endif
out vec4 f_color;

void main() {{
    float c = texelFetch(u_counts, ivec2(gl_FragCoord.xy - u_target_origin), 0).r;
    if (c <= 0.0) discard;
#if AUTO
    vec4 s = texelFetch(u_stats, ivec2(0, 0), 0);
    float lo = s.g;
    float hi = s.r;
#else
    float lo = u_clim.x;
    float hi = u_clim.y;
#endif
#if NORM == 2
    float t = texelFetch(u_cdf, ivec2(count_bin(c, lo, hi), 0), 0).r;
#elif NORM == 1
    float l0 = log(1.0 + max(lo, 0.0));
    float span = log(1.0 + max(hi, 0.0)) - l0;
    float t = span > 0.0 ? (log(1.0 + c) - l0) / span : 1.0;
#else
    float t = hi > lo ? (c - lo) / (hi - lo) : 1.0;
#endif
    vec4 rgba = cmap_entry(clamp(t, 0.0, 1.0));
    f_color = vec4(rgba.rgb, rgba.a * u_alpha);
}}
"""

_CORNERS = np.array([[0, 0], [1, 0], [0, 1], [1, 1]], np.float32)


def _shade_program(norm: str, auto: bool):
    header = f"#define NORM {NORMS.index(norm)}\n#define AUTO {int(auto)}\n"
    return ShaderTemplate(vertex=_QUAD_VS, fragment=header + _SHADE_FS).compose()


def check_norm(norm) -> str:
    if norm not in NORMS:
        raise ValueError(f"norm: got {norm!r}, expected one of {', '.join(map(repr, NORMS))}")
    return norm


class Density(Visual):
    """Many points shown as their count per pixel through a colormap.

    >>> Density(pos=xy, cmap="viridis", norm="eq_hist")
    >>> Density(pos=xy, norm="linear", clim=(0, 50), spread=2)

    ``norm`` is ``"linear"``, ``"log"`` or ``"eq_hist"`` (histogram equalization, the
    default as in datashader); ``clim = (lo, hi)`` fixes the count range of the
    linear and log norms (``None``: the smallest and largest non-zero count in view,
    computed on the GPU every frame). Each point covers ``spread`` x ``spread`` pixels
    (logical pixels). Points with NaN are skipped; empty pixels are transparent.
    """

    def __init__(self, pos=None, cmap="viridis", norm: str = "eq_hist", clim=None,
                 spread: float = 1.0, alpha: float = 1.0) -> None:
        super().__init__()
        self._points = np.zeros((0, 3))
        self._origin = np.zeros(3)
        self._pos_buffer = Buffer(np.zeros((0, 3), np.float32))
        self._corner_buffer = Buffer(_CORNERS)
        self._cmap_texture: Texture | None = None
        self._targets: dict[str, dict[str, RenderTarget]] = {}  # per view id
        self.cmap = cmap
        self.norm = norm
        self.clim = clim
        self.spread = spread
        self.alpha = alpha
        self.set_data(np.zeros((0, 2)) if pos is None else pos)

    # -- data ------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._points)

    @property
    def pos(self) -> np.ndarray:
        """A copy of the points, (n, 3) float64."""
        return self._points.copy()

    @pos.setter
    def pos(self, value) -> None:
        self.set_data(value)

    def set_data(self, pos) -> None:
        """Replace the points (N, 2) or (N, 3) (z is ignored); a same-sized array
        overwrites the GPU buffer in place."""
        self._points = as_positions(pos, "pos")
        self._upload_geometry()

    def update(self, start: int, pos) -> None:
        """Overwrite points ``start:start + len(pos)``: only those rows are uploaded.
        Falls back to a whole upload when the new points lie far outside the old ones
        (the float32 offsets from the origin would lose precision)."""
        points = as_positions(pos, "pos")
        stop = start + len(points)
        if start < 0 or stop > len(self._points):
            raise ValueError(f"start: rows {start}:{stop} do not fit {len(self._points)} points")
        self._points[start:stop] = points
        local, ok = self._local(points)
        if ok:
            self._pos_buffer.update(start, local)
        else:
            self._upload_geometry()

    def _local(self, points: np.ndarray) -> tuple[np.ndarray, bool]:
        """float32 (x, y, skip) rows relative to the origin, and whether they stay near
        the range the origin was chosen for."""
        valid = np.isfinite(points[:, :2]).all(axis=1)
        rel = np.where(valid[:, None], points[:, :2] - self._origin[:2], 0.0)
        local = np.empty((len(points), 3), np.float32)
        local[:, :2] = rel
        local[:, 2] = ~valid
        near = not len(rel) or float(np.abs(rel).max()) <= 2.0 * self._extent
        return local, near

    def _upload_geometry(self) -> None:
        pts = self._points
        valid = np.isfinite(pts[:, :2]).all(axis=1)
        if is_nonlinear(self) or not valid.any():
            self._origin = np.zeros(3)
        else:
            good = pts[valid, :2]
            lo, hi = good.min(axis=0), good.max(axis=0)
            self._origin = np.array([(lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2, 0.0])
        self._extent = 0.0
        local, _ = self._local(pts)
        self._extent = float(np.abs(local[:, :2]).max()) if len(local) else 0.0
        self._extent = max(self._extent, 1e-300)
        self._pos_buffer.set_data(local)

    def bounds(self) -> np.ndarray | None:
        return self._bounds_of(self._points)

    # -- style -----------------------------------------------------------------------
    cmap = colormap_property()

    @property
    def norm(self) -> str:
        """How counts map to colors: 'linear', 'log' or 'eq_hist'."""
        return self._norm

    @norm.setter
    def norm(self, value: str) -> None:
        self._norm = check_norm(value)

    @property
    def clim(self) -> tuple[float, float] | None:
        """The counts mapped to the ends of the colormap, or None for the range seen."""
        return self._clim

    @clim.setter
    def clim(self, value) -> None:
        self._clim = None if value is None else check_numbers(value, "clim", 2, "(lo, hi)")

    @property
    def spread(self) -> float:
        """The side in pixels of the square each point adds to."""
        return self._spread

    @spread.setter
    def spread(self, value: float) -> None:
        self._spread = check_number(value, "spread", 1.0)

    @property
    def alpha(self) -> float:
        """Opacity of the colored counts, 0..1."""
        return self._alpha

    @alpha.setter
    def alpha(self, value: float) -> None:
        v = check_number(value, "alpha", 0.0)
        if v > 1:
            raise ValueError(f"alpha: got {value!r}, expected a number in 0..1")
        self._alpha = v

    # -- drawing ---------------------------------------------------------------------
    def targets(self, view_id: str) -> dict[str, RenderTarget]:
        """The render targets of this visual in one view (made on first use)."""
        t = self._targets.get(view_id)
        if t is None:
            t = self._targets[view_id] = {
                "counts": RenderTarget(size="view", format="rgba32f"),
                "tiles": RenderTarget(size=(_TILES, _TILES), format="rgba32f"),
                "stats": RenderTarget(size=(1, 1), format="rgba32f"),
                "hist": RenderTarget(size=(HIST_BINS, 1), format="rgba32f"),
                "cdf": RenderTarget(size=(HIST_BINS, 1), format="rgba32f"),
            }
        return t

    def draws(self, ctx: DrawContext) -> list[Draw]:
        n = len(self._points)
        if n == 0:
            return []
        t = self.targets(ctx.view_id)
        snippet, model = transform_parts(self)
        quad = {"a_corner": Attribute(self._corner_buffer, 2)}
        opaque = State(blend=None)
        view = ctx.view_id
        out = [Draw(
            program=_SPLAT.compose(transform=snippet), view=view, mode="points", count=n,
            attributes={"a_pos": Attribute(self._pos_buffer, 3)},
            uniforms={"u_spread": self._spread, **snippet.uniforms},
            target=t["counts"], state=State(blend="add"),
            origin=tuple(self._origin), model=model,
        )]
        auto = self._clim is None or self._norm == "eq_hist"
        if auto:
            out.append(Draw(_TILES_FS.compose(), view, "triangle_strip", 4, attributes=quad,
                            textures={"u_counts": t["counts"]}, target=t["tiles"],
                            state=opaque))
            out.append(Draw(_STATS_FS.compose(), view, "triangle_strip", 4, attributes=quad,
                            textures={"u_tiles": t["tiles"]}, target=t["stats"],
                            state=opaque))
        textures = {"u_counts": t["counts"], "u_cmap": self._cmap_texture}
        if auto:
            textures["u_stats"] = t["stats"]
        if self._norm == "eq_hist":
            # one point per pixel of the view; the shader skips ids past the target. A
            # page drawing at a higher ratio than the frame's recounts them (follow.js).
            w, h = (int(np.ceil(s * ctx.pixel_ratio)) + 2 for s in ctx.size)
            out.append(Draw(_HIST.compose(), view, "points", w * h,
                            textures={"u_counts": t["counts"], "u_stats": t["stats"]},
                            target=t["hist"], state=State(blend="add"),
                            follow={"kind": "view_pixels"} if ctx.follow else None))
            out.append(Draw(_CDF.compose(), view, "triangle_strip", 4, attributes=quad,
                            textures={"u_hist": t["hist"]}, target=t["cdf"], state=opaque))
            textures["u_cdf"] = t["cdf"]
        clim = self._clim if self._clim is not None else (0.0, 0.0)
        out.append(Draw(
            _shade_program(self._norm, auto), view, "triangle_strip", 4, attributes=quad,
            uniforms={"u_clim": clim, "u_alpha": self._alpha}, textures=textures,
            state=State(depth_test=False, blend="alpha"),
        ))
        return out
