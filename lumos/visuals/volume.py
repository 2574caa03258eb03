"""Volumes: GPU ray marching through 3D textures, composited with the scene by depth.

One draw per volume: the back faces of its box (so the camera may be inside it); each
fragment builds its ray by unprojecting its pixel, clips it to the box, to the
clipping planes and to the depth of the opaque draws before it in the view (repeated
into a view-sized depth target: ``docs/frame.md``, render targets), and marches
through the data:

- ``"mip"``: the largest value along the ray through the colormap (alpha from the
  opacity transfer function, by default the normalized value: low values fade out);
- ``"average"``: the mean value, likewise;
- ``"translucent"``: front-to-back compositing of colormap × opacity per sample,
  corrected for the step length (opacity is per voxel), stopping at 99 % opacity;
- ``"iso"``: the first crossing of ``threshold``, refined between the two samples,
  lit with the normal from the data's gradient, and written to the depth buffer.

Volumes larger than the context's largest 3D texture (queried) are split into up to
8 bricks that overlap by one voxel, so linear filtering is seamless across them; the
shader picks the brick of each sample. Data are stored as bytes (uint8 input), half
floats normalized to the data range (``texture_format="r16f"``, the default for other
input: 11 bits of the range, half the memory of float32) or float32 (``"r32f"``).

Volumes beyond memory come as a *level source* (``lumos.lazy.VolumeSource`` over a
brick pyramid of an HDF5/zarr/Dask/memmap array): an object declaring ``levels``,
``level_shape(level)``, ``value_range``, ``max_bytes``, ``interactive``, ``brick``,
``level_data(level, wait)``, ``request(levels)``, ``region_data(region, wait)`` and
``request_region(region)``. The volume draws the coarsest level
at once, then the finer ones as the source loads them (in the background while a
window shows it; read before the draw when saving a file), up to the finest level
whose texels fit ``max_bytes`` and the bricks of one draw, and no finer than the view
needs (``view_level``: a voxel per physical pixel along the box's most magnified
axis, chosen again at every draw, so zooming in or turning the box asks for finer
levels). Zoomed in beyond what a whole level within ``max_bytes`` gives, the volume
also draws the part of a finer level the view shows (``detail``: whole bricks of the
box cut by the view's frustum, within ``max_bytes`` and one texture), sampled where it
has data, the whole level elsewhere. A voxel of level k covers
2**k voxels of the data per axis (its last one, fewer: the box stays the data's).
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np

from .. import colors
from ..gpu.frame import Attribute, Draw, RenderTarget, State
from ..gpu.resources import Buffer, Texture
from ..shaders import ShaderTemplate, Snippet
from .base import (
    DrawContext,
    Visual,
    as_array,
    check_number,
    check_numbers,
    transform_parts,
    transformed_bounds,
)
from .lighting import GLSL as LIGHTING_GLSL
from .lighting import as_lighting
from .volume_levels import MAX_BRICKS, LevelDrawing, max_texture_size_3d

METHODS = {"mip": 0, "translucent": 1, "iso": 2, "average": 3}
FORMATS = ("auto", "r8", "r16f", "r32f")
MAX_PLANES = 6
MAX_STEPS = 8192  # a constant loop bound for GLSL ES; rays stop far earlier

_TEMPLATE = ShaderTemplate(
    vertex="""
uniform mat4 u_mvp;
uniform vec3 u_box_min;   // the box (voxel edges) in the draw's local coordinates
uniform vec3 u_box_size;
in vec3 a_pos;            // a corner of the unit cube
void main() {
    gl_Position = u_mvp * vec4(u_box_min + a_pos * u_box_size, 1.0);
}
""",
    fragment=LIGHTING_GLSL + """
uniform mat4 u_mvp;
uniform mat3 u_normal_matrix;
uniform mat4 u_projection;
uniform vec4 u_viewport;
uniform vec2 u_target_origin;
uniform vec3 u_box_min;
uniform vec3 u_box_size;
uniform vec3 u_shape;       // voxels along x, y, z
uniform vec3 u_march;       // voxels along x, y, z the rays step through (the finest drawn)
uniform vec3 u_cover;       // the part of the texture the box spans (a pyramid level: <= 1)
uniform sampler2D u_lut;    // 256 entries: colormap rgb, opacity a
uniform sampler2D u_depth;  // the scene's depth in this view
uniform vec2 u_clim;
uniform vec2 u_decode;      // data = texel * x + y
uniform float u_step;       // voxels between samples
uniform float u_step_data;  // the data's voxels between samples (more on a coarse level)
uniform float u_threshold;
uniform vec4 u_planes[6];   // keep n.p + d >= 0, local coordinates
uniform int u_planes_used;
uniform int u_method;       // 0 mip, 1 translucent, 2 iso, 3 average
out vec4 f_color;
#pragma snippets

float normalized(float v) {
    float span = u_clim.y - u_clim.x;
    return span != 0.0 ? clamp((v - u_clim.x) / span, 0.0, 1.0) : 0.5;
}

vec4 lut(float v) {
    return texture(u_lut, vec2((normalized(v) * 255.0 + 0.5) / 256.0, 0.5));
}

float value_at(vec3 tc) {
    return $sample(tc * u_cover) * u_decode.x + u_decode.y;
}

void main() {
    gl_FragDepth = gl_FragCoord.z;
    vec2 ndc = (gl_FragCoord.xy - u_viewport.xy) / u_viewport.zw * 2.0 - 1.0;
    mat4 inv = inverse(u_mvp);
    vec4 a = inv * vec4(ndc, -1.0, 1.0);
    vec4 b = inv * vec4(ndc, 1.0, 1.0);
    vec3 p0 = a.xyz / a.w;
    vec3 ray = b.xyz / b.w - p0;   // near plane to far plane, t in [0, 1]
    // the box in texture coordinates
    vec3 o = (p0 - u_box_min) / u_box_size;
    vec3 d = ray / u_box_size;
    vec3 inv_d = 1.0 / d;
    vec3 t_a = (vec3(0.0) - o) * inv_d;
    vec3 t_b = (vec3(1.0) - o) * inv_d;
    vec3 lo = min(t_a, t_b);
    vec3 hi = max(t_a, t_b);
    float t0 = max(max(max(lo.x, lo.y), lo.z), 0.0);
    float t1 = min(min(min(hi.x, hi.y), hi.z), 1.0);
    // stop at the opaque scene
    float depth = texelFetch(u_depth, ivec2(gl_FragCoord.xy - u_target_origin), 0).r;
    vec4 s = inv * vec4(ndc, 2.0 * depth - 1.0, 1.0);
    t1 = min(t1, dot(s.xyz / s.w - p0, ray) / dot(ray, ray));
    for (int k = 0; k < 6; k++) {
        if (k >= u_planes_used) break;
        float at0 = dot(u_planes[k].xyz, p0) + u_planes[k].w;
        float slope = dot(u_planes[k].xyz, ray);
        if (slope == 0.0) {
            if (at0 < 0.0) discard;
        } else if (slope > 0.0) {
            t0 = max(t0, -at0 / slope);
        } else {
            t1 = min(t1, -at0 / slope);
        }
    }
    if (t1 <= t0) discard;
    float dt = u_step / length(d * u_march);   // t per step
    int steps = int(ceil((t1 - t0) / dt));
    float best = -3.0e38;
    float sum = 0.0;
    vec4 acc = vec4(0.0);
    float prev = 0.0;
    int count = 0;
    bool hit = false;
    vec3 tc_hit = vec3(0.0);
    for (int k = 0; k < 8192; k++) {
        if (k >= steps) break;
        float t = min(t0 + (float(k) + 0.5) * dt, t1);
        vec3 tc = o + t * d;
        float v = value_at(tc);
        count++;
        if (u_method == 0) {
            best = max(best, v);
        } else if (u_method == 3) {
            sum += v;
        } else if (u_method == 1) {
            vec4 c = lut(v);
            float alpha = 1.0 - pow(1.0 - min(c.a, 0.9999), u_step_data);
            acc.rgb += (1.0 - acc.a) * alpha * c.rgb;
            acc.a += (1.0 - acc.a) * alpha;
            if (acc.a > 0.99) break;
        } else if (v >= u_threshold) {
            // refine between the previous sample and this one
            float f = k == 0 ? 0.0 : clamp((u_threshold - prev) / (v - prev), 0.0, 1.0);
            tc_hit = o + (t - (1.0 - f) * dt) * d;
            hit = true;
            break;
        }
        prev = v;
    }
    if (u_method == 0 || u_method == 3) {
        float v = u_method == 0 ? best : sum / float(max(count, 1));
        f_color = lut(v);
        if (count == 0 || f_color.a <= 0.0) discard;
    } else if (u_method == 1) {
        if (acc.a <= 0.0) discard;
        f_color = vec4(acc.rgb / acc.a, acc.a);
    } else {
        if (!hit) discard;
        vec3 hx = vec3(1.0 / u_shape.x, 0.0, 0.0);
        vec3 hy = vec3(0.0, 1.0 / u_shape.y, 0.0);
        vec3 hz = vec3(0.0, 0.0, 1.0 / u_shape.z);
        vec3 grad = vec3(value_at(tc_hit + hx) - value_at(tc_hit - hx),
                         value_at(tc_hit + hy) - value_at(tc_hit - hy),
                         value_at(tc_hit + hz) - value_at(tc_hit - hz));
        vec3 local = u_box_min + tc_hit * u_box_size;
        vec3 n = u_normal_matrix * (-grad * u_shape / u_box_size);  // out of the object
        vec3 eye = (u_modelview * vec4(local, 1.0)).xyz;
        bool perspective = u_projection[3][3] < 0.5;
        vec3 view = perspective ? normalize(-eye) : vec3(0.0, 0.0, 1.0);
        n = length(n) > 0.0 ? normalize(n) : view;
        if (dot(n, view) < 0.0) n = -n;
        vec4 c = lut(u_threshold);
        f_color = vec4(shade(c.rgb, n, eye, perspective), 1.0);
        vec4 clip = u_mvp * vec4(local, 1.0);
        gl_FragDepth = clamp(0.5 * clip.z / clip.w + 0.5, 0.0, 1.0);
    }
}
""",
)

# the unit cube, counter-clockwise faces seen from outside (the draw culls them)
_CUBE = np.array([[x, y, z] for x in (0, 1) for y in (0, 1) for z in (0, 1)], np.float32)
_CUBE_FACES = np.array([
    [0, 1, 3], [0, 3, 2], [4, 6, 7], [4, 7, 5], [0, 4, 5], [0, 5, 1],
    [2, 3, 7], [2, 7, 6], [0, 2, 6], [0, 6, 4], [1, 5, 7], [1, 7, 3]], np.uint32)

_DETAIL = """
uniform sampler3D u_detail;
uniform vec3 u_detail_scale;  // voxels of the detail's level per side of the box (x, y, z)
uniform vec3 u_detail_lo;     // the detail's first voxel
uniform vec3 u_detail_size;   // its voxels
uniform vec3 u_detail_in0;    // where it is sampled: half a voxel in from its faces,
uniform vec3 u_detail_in1;    // except those on the data's faces
float NAME_detail(vec3 tc) {
    vec3 lv = tc / u_cover * u_detail_scale - u_detail_lo;
    if (all(greaterThanEqual(lv, u_detail_in0)) && all(lessThanEqual(lv, u_detail_in1)))
        return texture(u_detail, lv / u_detail_size).r;
    return NAME(tc);
}
"""


def _sampler(count: int, grid: tuple[int, int, int], detail: bool = False) -> Snippet:
    """The GLSL that samples brick-split data at texture coordinates (x, y, z) (and,
    with ``detail``, a finer part of the volume where it has one)."""
    snippet = _bricks_sampler(count, grid)
    if not detail:
        return snippet
    return Snippet(f"{snippet.name}_detail",
                   snippet.source + _DETAIL.replace("NAME", snippet.name))


def _bricks_sampler(count: int, grid: tuple[int, int, int]) -> Snippet:
    decl = "".join(f"uniform sampler3D u_brick{i};\n" for i in range(count))
    if count == 1:
        body = "    return texture(u_brick0, tc).r;\n"
        src = f"{decl}float lumos_volume_sample(vec3 tc) {{\n{body}}}\n"
        return Snippet("lumos_volume_sample", src)
    nx, ny, _ = grid
    branches = "".join(
        f"    {'if' if i == 0 else 'else if'} (i == {i}) return texture(u_brick{i}, lc).r;\n"
        for i in range(count))
    src = decl + f"""
uniform vec3 u_brick_step;   // voxels from one brick's start to the next
uniform vec3 u_brick_count;
uniform vec3 u_brick_size;   // voxels in a full brick
float lumos_volume_sample(vec3 tc) {{
    vec3 v = clamp(tc * u_shape - 0.5, vec3(0.0), u_shape - 1.0);  // voxel centres
    vec3 b = min(floor(v / u_brick_step), u_brick_count - 1.0);
    vec3 size = min(u_brick_size, u_shape - b * u_brick_step);
    vec3 lc = (v - b * u_brick_step + 0.5) / size;
    int i = int(b.x + {nx}.0 * (b.y + {ny}.0 * b.z));
{branches}    return 0.0;
}}
"""
    return Snippet(f"lumos_volume_sample{count}", src.replace(
        "lumos_volume_sample(", f"lumos_volume_sample{count}("))


def _is_level_source(data) -> bool:
    """Whether ``data`` declares the level-source protocol (see the module doc)."""
    return all(hasattr(data, name) for name in ("level_shape", "level_data", "request"))


def _opacity_table(opacity, method: str) -> np.ndarray:
    """256 opacities in 0..1 over the normalized value."""
    t = np.linspace(0.0, 1.0, 256)
    if opacity is None:
        return t * 0.1 if method == "translucent" else t
    if callable(opacity):
        table = np.asarray(opacity(t), float)
        if table.shape != t.shape:
            raise ValueError(f"opacity: the function returned shape {table.shape}, expected "
                             "one value per input (256)")
    elif np.ndim(opacity) == 0:
        table = np.full(256, check_number(opacity, "opacity", 0.0))
    else:
        pts = as_array(opacity, "opacity").astype(float)
        if pts.ndim != 1 or len(pts) < 2:
            raise ValueError(f"opacity: got shape {pts.shape}, expected a number, a function "
                             "of the normalized value or at least 2 values spread over it")
        table = np.interp(t, np.linspace(0, 1, len(pts)), pts)
    if not np.isfinite(table).all() or table.min() < 0 or table.max() > 1:
        raise ValueError("opacity: expected values in [0, 1]")
    return table


class Volume(LevelDrawing, Visual):
    """A 3D scalar field ``data[z, y, x]`` drawn by GPU ray marching.

    >>> Volume(ct, method="mip", cmap="grays")
    >>> Volume(mri, method="translucent", cmap="magma", opacity=[0, 0, 0.02, 0.1])
    >>> Volume(phantom, method="iso", threshold=0.5, cmap="bone")
    >>> vol.clip_planes = [((1, 0, 0), -64)]    # keep x >= 64

    ``spacing`` is the voxel size along (z, y, x) (array order, as
    ``lumos.marching_cubes``), ``origin`` the (x, y, z) position of voxel [0, 0, 0]'s
    centre. ``clim`` maps values to the colormap (default: the data range);
    ``opacity`` is the transfer function: a number, values spread over the normalized
    value, or a function of it (arrays of 256). ``step`` is the distance between
    samples in voxels. ``clip_planes``: up to 6 ``((a, b, c), d)`` keeping
    ``a x + b y + c z + d >= 0``. ``max_brick`` caps the brick side (default: the
    context's largest 3D texture; pass 256 for pages any WebGL2 browser can show).
    Volumes draw after the opaque visuals of their view (``order`` 1).
    """

    is_3d = True
    needs_multisampling = False  # ray-marched pixels, no triangle edges to antialias

    def __init__(self, data, *, method: str = "mip", cmap="viridis", clim=None,
                 opacity=None, threshold: float | None = None, step: float = 1.0,
                 spacing=(1.0, 1.0, 1.0), origin=(0.0, 0.0, 0.0), clip_planes=None,
                 texture_format: str = "auto", max_brick: int | None = None,
                 lighting=None, lightsource=None) -> None:
        super().__init__()
        self.order = 1
        self._cmap = None
        self._lut = None
        self._bricks: list[Texture] = []
        self._detail_texture: Texture | None = None  # a finer part of a level source
        self._box = Buffer(_CUBE)
        self._box_faces = Buffer(_CUBE_FACES.reshape(-1))
        self._depth = RenderTarget(size="view", format="rgba8", depth=True)
        if texture_format not in FORMATS:
            raise ValueError(f"texture_format: got {texture_format!r}, expected one of "
                             f"{', '.join(FORMATS)}")
        self._format = texture_format
        if max_brick is not None and (isinstance(max_brick, bool) or
                                      not isinstance(max_brick, (int, np.integer))
                                      or max_brick < 2):
            raise ValueError(f"max_brick: got {max_brick!r}, expected an integer >= 2")
        self._max_brick = max_brick
        self.method = method
        self._opacity = opacity
        self.cmap = cmap
        self.step = step
        self.spacing = spacing
        self.origin = origin
        self.clip_planes = clip_planes
        self.lighting = as_lighting(lighting, lightsource)
        self._clim_spec = clim
        self._threshold_spec = threshold
        self.set_data(data)

    # -- data --------------------------------------------------------------------
    def set_data(self, data) -> None:
        """Replace the data (an array, or a level source: see the module doc); a volume
        of the same shape and kind uploads only the z-slices that changed."""
        self._source = self._level = self._detail = None
        if _is_level_source(data):
            self._set_source(data)
            return
        arr = as_array(data, "data")
        if arr.dtype.kind not in "biuf":
            raise TypeError(f"data: got dtype {arr.dtype}, expected real numbers")
        if arr.ndim != 3 or min(arr.shape) < 1:
            raise ValueError(f"data: got shape {arr.shape}, expected a 3D array (z, y, x)")
        fmt = self._format
        if fmt == "auto":
            fmt = "r8" if arr.dtype == np.uint8 else "r16f"
        finite = np.isfinite(arr) if arr.dtype.kind == "f" else None
        if finite is not None and not finite.all():
            if not finite.any():
                raise ValueError("data: got no finite values")
            lo, hi = float(arr[finite].min()), float(arr[finite].max())
        else:
            lo, hi = float(arr.min()), float(arr.max())
        self._range = (lo, hi)
        if fmt == "r8" and arr.dtype != np.uint8:
            raise TypeError(f"texture_format: 'r8' needs uint8 data, got {arr.dtype}")
        self._upload(self._texels(arr, fmt, finite))
        self._shape = self._voxels = arr.shape
        self.clim = self._clim_spec
        self.threshold = self._threshold_spec

    def _texels(self, arr: np.ndarray, fmt: str, finite) -> np.ndarray:
        """The texture's values of ``arr`` in ``fmt`` (sets how the shader decodes them;
        ``finite``: the mask of finite samples of float data, or None)."""
        lo, hi = self._range
        if fmt == "r8":
            texels, self._decode = arr, (255.0, 0.0)
        elif fmt == "r16f":
            span = hi - lo if hi > lo else 1.0
            texels = ((arr - lo) / span).astype(np.float16)
            self._decode = (span, lo)
        else:
            texels, self._decode = arr.astype(np.float32), (1.0, 0.0)
        if finite is not None and not finite.all():  # missing samples read as the lowest
            texels = np.where(finite, texels, texels.dtype.type(0 if fmt == "r16f" else lo))
        return np.ascontiguousarray(texels)

    def _upload(self, texels: np.ndarray) -> None:
        limit = self._max_brick or max_texture_size_3d()
        limit = min(limit, max_texture_size_3d())
        shape = texels.shape  # z, y, x
        counts = [1 if n <= limit else math.ceil((n - 1) / (limit - 1)) for n in shape]
        total = counts[0] * counts[1] * counts[2]
        if total > MAX_BRICKS:
            most = MAX_BRICKS ** (1 / 3) * (limit - 1)
            raise ValueError(f"data: got shape {shape}, which needs {total} bricks of at most "
                             f"{limit} voxels a side; at most {MAX_BRICKS} fit one draw "
                             f"(about {most:.0f} voxels a side): pass a downsampled volume")
        step = [limit - 1 if c > 1 else n for c, n in zip(counts, shape, strict=True)]
        pieces = []
        for bz in range(counts[0]):
            for by in range(counts[1]):
                for bx in range(counts[2]):
                    z0, y0, x0 = bz * step[0], by * step[1], bx * step[2]
                    pieces.append(texels[z0: z0 + limit, y0: y0 + limit, x0: x0 + limit])
        same = len(pieces) == len(self._bricks) and all(
            t.shape == p.shape and t.data.dtype == p.dtype
            for t, p in zip(self._bricks, pieces, strict=True))
        if same:
            for t, p in zip(self._bricks, pieces, strict=True):
                t.set_data(p)
        else:
            self._bricks = [Texture(p, dim=3, filter="linear") for p in pieces]
        self._grid = tuple(reversed(counts))  # x, y, z
        self._brick_step = tuple(float(s) for s in reversed(step))
        self._brick_size = float(limit)

    @property
    def shape(self) -> tuple[int, int, int]:
        """(z, y, x) voxels of the data (of level 0, for a level source)."""
        return self._shape

    @property
    def bricks(self) -> int:
        """How many 3D textures hold the data."""
        return len(self._bricks)

    # -- properties --------------------------------------------------------------
    @property
    def method(self) -> str:
        """'mip', 'translucent', 'iso' or 'average'."""
        return self._method

    @method.setter
    def method(self, value: str) -> None:
        if value not in METHODS:
            raise ValueError(f"method: got {value!r}, expected one of {', '.join(METHODS)}")
        self._method = value
        if getattr(self, "_cmap", None) is not None:
            self._update_lut()

    @property
    def cmap(self):
        """The colormap (set with a name or a colormap object)."""
        return self._cmap

    @cmap.setter
    def cmap(self, value) -> None:
        self._cmap = colors.get_cmap(value)
        self._update_lut()

    @property
    def opacity(self):
        """The transfer function: a number, values over the normalized value, or a function
        of it."""
        return self._opacity

    @opacity.setter
    def opacity(self, value) -> None:
        _opacity_table(value, self._method)  # validate before keeping it
        self._opacity = value
        self._update_lut()

    def _update_lut(self) -> None:
        lut = self._cmap.lut(256).copy()
        lut[:, 3] = np.round(_opacity_table(self._opacity, self._method) * 255)
        lut = lut[None]
        if self._lut is None:
            self._lut = Texture(lut, filter="linear")
        else:
            self._lut.set_data(lut)

    @property
    def clim(self) -> tuple[float, float]:
        """The values mapped to the ends of the colormap."""
        return self._clim

    @clim.setter
    def clim(self, value) -> None:
        self._clim = self._range if value is None else check_numbers(value, "clim", 2,
                                                                     "(vmin, vmax)")
        self._clim_spec = value

    @property
    def threshold(self) -> float:
        """The iso level (default: the middle of ``clim``)."""
        return self._threshold

    @threshold.setter
    def threshold(self, value) -> None:
        self._threshold = (sum(self._clim) / 2 if value is None
                           else check_number(value, "threshold"))
        self._threshold_spec = value

    @property
    def step(self) -> float:
        """The distance between samples along a ray, in voxels."""
        return self._step

    @step.setter
    def step(self, value: float) -> None:
        self._step = check_number(value, "step", 0.05)

    @property
    def spacing(self) -> tuple[float, float, float]:
        """The voxel size along (z, y, x)."""
        return self._spacing

    @spacing.setter
    def spacing(self, value) -> None:
        s = check_numbers(value, "spacing", 3, "(dz, dy, dx)")
        if min(s) <= 0:
            raise ValueError(f"spacing: got {value!r}, expected positive numbers")
        self._spacing = s

    @property
    def origin(self) -> tuple[float, float, float]:
        """The (x, y, z) position of voxel [0, 0, 0]'s centre."""
        return self._origin

    @origin.setter
    def origin(self, value) -> None:
        self._origin = check_numbers(value, "origin", 3, "(x, y, z)")

    @property
    def clip_planes(self) -> list:
        """The clip planes: ``((a, b, c), d)`` keeping ``a x + b y + c z + d >= 0``."""
        return list(self._planes)

    @clip_planes.setter
    def clip_planes(self, value) -> None:
        planes = []
        for k, plane in enumerate(value or []):
            try:
                normal, d = plane
                n = check_numbers(normal, f"clip_planes[{k}] normal", 3, "(a, b, c)")
                d = check_number(d, f"clip_planes[{k}] offset")
            except (TypeError, ValueError) as exc:
                raise type(exc)(f"clip_planes: {exc}") from None
            if not any(n):
                raise ValueError(f"clip_planes[{k}]: got a zero normal")
            planes.append((n, d))
        if len(planes) > MAX_PLANES:
            raise ValueError(f"clip_planes: got {len(planes)}, expected at most {MAX_PLANES}")
        self._planes = planes

    # -- drawing -----------------------------------------------------------------
    def box_bounds(self) -> np.ndarray:
        """(2, 3) x, y, z of the box around the voxels (their edges, not centres)."""
        dz, dy, dx = self._spacing
        size = np.array([self._shape[2] * dx, self._shape[1] * dy, self._shape[0] * dz])
        lo = np.array(self._origin) - np.array([dx, dy, dz]) / 2
        return np.array([lo, lo + size])

    def bounds(self) -> np.ndarray | None:
        return transformed_bounds(self.box_bounds(), self.model_matrix())

    def draws(self, ctx: DrawContext) -> list[Draw]:
        if not ctx.is_3d:
            return []
        if self._source is not None:
            self._refine(ctx)
        box = self.box_bounds()
        center = (box[0] + box[1]) / 2  # the draw's float64 origin
        snippet, model = transform_parts(self)
        if snippet.uniforms:
            raise ValueError("Volume: non-linear transforms are not supported (a ray "
                             "through the data must stay straight)")
        # the opaque draws so far, again, into a depth target the rays stop at (their
        # clip applies where the volume is drawn into the frame)
        prepass = [replace(d, target=self._depth, clip=None) for d in ctx.drawn
                   if d.target is None and d.view == ctx.view_id and d.state.depth_test
                   and d.state.depth_write and d.state.blend != "add"]
        count = len(self._bricks)
        detail = self._detail is not None
        program = _TEMPLATE.compose(sample=_sampler(count, self._grid, detail))
        textures = {f"u_brick{i}": t for i, t in enumerate(self._bricks)}
        march_level = self._detail[0] if detail else self.level
        textures.update({"u_lut": self._lut, "u_depth": self._depth.depth_texture})
        planes = np.zeros((MAX_PLANES, 4))
        for k, (n, d) in enumerate(self._planes):
            planes[k, :3] = n
            planes[k, 3] = d + float(np.dot(n, center))  # in the draw's local coordinates
        dz, dy, dx = self._spacing
        uniforms = {
            "u_box_min": box[0] - center, "u_box_size": box[1] - box[0],
            "u_shape": np.array(self._voxels[::-1], float),  # of the level drawn
            "u_cover": self._cover(),
            "u_clim": np.array(self._clim), "u_decode": np.array(self._decode),
            "u_step": self._step, "u_threshold": self._threshold,
            "u_march": np.array((self._source.level_shape(march_level) if detail
                                 else self._voxels)[::-1], float),
            "u_step_data": self._step * 2.0 ** march_level,  # opacity is per data voxel
            "u_planes": planes.reshape(-1),  # a vec4 array, not a matrix
            **self.lighting.uniforms(),
        }
        if detail:
            uniforms.update(self._detail_uniforms())
            textures["u_detail"] = self._detail_texture
        if count > 1:
            uniforms.update({"u_brick_step": np.array(self._brick_step),
                             "u_brick_count": np.array(self._grid, float),
                             "u_brick_size": np.full(3, self._brick_size)})
        iso = self._method == "iso"
        march = Draw(program, ctx.view_id, "triangles", 36, indices=self._box_faces,
                     attributes={"a_pos": Attribute(self._box, 3)}, uniforms=uniforms,
                     int_uniforms={"u_method": METHODS[self._method],
                                   "u_planes_used": len(self._planes)},
                     textures=textures,
                     state=State(depth_test=iso, depth_write=iso, blend="alpha",
                                 cull="front"),
                     origin=tuple(center), model=model)
        return prepass + [march]
