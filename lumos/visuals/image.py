"""Images: a scalar field through a colormap and color limits, or RGB(A) pixels."""

from __future__ import annotations

import functools

import numpy as np

from .. import colors
from ..gpu.budget import check_memory
from ..gpu.frame import Attribute, Draw, RenderTarget, State
from ..gpu.resources import Buffer, Texture
from ..primitives import Raster
from ..shaders import ShaderTemplate
from . import image_filters
from .base import (
    CMAP_ENTRY_GLSL,
    DrawContext,
    PrimitiveContext,
    Visual,
    as_array,
    check_number,
    check_numbers,
    colormap_property,
    is_nonlinear,
    transform_parts,
    transformed_bounds,
    window_to_plane,
)

# NaN cannot be trusted through every GPU driver's texture path; the CPU writes this
# sentinel instead and the shader paints it with the "bad" color.
_BAD = np.float32(-3.0e38)

_VERTEX = """
uniform mat4 u_mvp;
uniform vec4 u_extent;  // x0, y0, x1, y1 relative to the draw's origin
uniform vec2 u_shear;   // the top edge's shift in x, the right edge's in y (parallelograms)
uniform vec4 u_viewport;
in vec2 a_corner;
out vec2 v_uv;
#pragma snippets

void main() {
    vec2 p = mix(u_extent.xy, u_extent.zw, a_corner) + u_shear * a_corner.yx;
    gl_Position = u_mvp * $transform(vec4(p, 0.0, 1.0));
    // A pixel centre on the edge between two texels (an image shrunk exactly 2, 4, ...
    // times) takes the texel to its left and above, as matplotlib's (Agg's) does:
    // the picture moves a 2048th of a pixel right and down, less than moves any pick
    // that is not such a tie, more than float noise (which picked either texel)
    gl_Position.xy += vec2(2.0, -2.0) / 2048.0 / u_viewport.zw * gl_Position.w;
    v_uv = a_corner;
}
"""

# What every scalar program has: the data, the colormap and colormap() (the image's
# draws and the pass that colormaps the texels once into a target).
_COLORMAP = """
uniform sampler2D u_data;
uniform sampler2D u_cmap;
""" + CMAP_ENTRY_GLSL + """
uniform vec2 u_clim;
uniform vec4 u_bad;
uniform vec4 u_under;        // below u_clim.x and above u_clim.y: the colormap's extremes
uniform vec4 u_over;
out vec4 f_color;

float fetch(ivec2 ij, ivec2 size) {
    return texelFetch(u_data, clamp(ij, ivec2(0), size - 1), 0).r;
}

vec4 colormap(float v) {
#ifdef BAD_PIXELS
    // only the sentinel is below -1 (finite data lies in -1..1): an image without NaN
    // or inf pixels has none, and its program leaves the test out (on llvmpipe the test
    // is a sixth of the nearest program's work)
    if (v < -1.0e37) return u_bad;
#endif
    float span = u_clim.y - u_clim.x;
#ifdef EXTREMES
    // after resampling, as matplotlib; left out of programs of images whose texels all
    // lie within the color limits (nearest sampling reads texels only): on llvmpipe the
    // two tests cost a third of the nearest program's work
    if (span > 0.0 && v < u_clim.x) return u_under;
    if (span > 0.0 && v > u_clim.y) return u_over;
#endif
    float t = span != 0.0 ? clamp((v - u_clim.x) / span, 0.0, 1.0) : 0.5;
    return cmap_entry(t);
}
"""

_FRAGMENT = _COLORMAP + """
uniform vec4 u_tile;         // first texel (x, y) and size (w, h) of the part u_data shows
uniform float u_opacity;     // times every pixel's alpha, after the colormap
in vec2 v_uv;
%s
void main() {
    ivec2 size = textureSize(u_data, 0);
    // A tile's texture holds a border of its neighbours' texels: filtering across the
    // seams reads what one big texture would.
    vec2 texel = v_uv * u_tile.zw + u_tile.xy;
%s    f_color.a *= u_opacity;
}
"""

# One program per kind of image (a branch on a uniform would make software rasterizers
# run every kind per pixel): RGBA pixels, and a scalar field colormapped per nearest
# pixel or interpolated.
_MAINS = {
    "rgba": """    f_color = texture(u_data, texel / vec2(size));
""",
    # One texture holds the whole image (u_tile is (0, 0, w, h)): the sampler's nearest
    # texel of v_uv is floor(v_uv * size) clamped to the edge, the very texel that
    # "nearest_tiles" fetches, without the per-pixel size, floor and clamp.
    "nearest": """    f_color = colormap(texture(u_data, v_uv).r);
""",
    "nearest_tiles": """    f_color = colormap(fetch(ivec2(floor(texel)), size));
""",
    # Interpolate the data, then colormap: what matplotlib's "bilinear" shows. Bad
    # pixels paint only where they are the nearest one; elsewhere they drop out of the
    # average and the weights of the good neighbours are renormalized (the nearest one
    # is good there and always has a weight of at least 1/4).
    "bilinear": """
    float nearest = fetch(ivec2(floor(texel)), size);
    if (nearest < -1.0e37) {
        f_color = u_bad;
    } else {
        vec2 t = texel - 0.5;
        ivec2 i0 = ivec2(floor(t));
        vec2 f = t - floor(t);
        vec4 v = vec4(fetch(i0, size), fetch(i0 + ivec2(1, 0), size),
                      fetch(i0 + ivec2(0, 1), size), fetch(i0 + ivec2(1, 1), size));
        vec4 good = step(-1.0e37, v);
        vec4 w = vec4((1.0 - f.x) * (1.0 - f.y), f.x * (1.0 - f.y), (1.0 - f.x) * f.y,
                      f.x * f.y) * good;
        f_color = colormap(dot(w, v * good) / dot(w, vec4(1.0)));
    }
""",
}
def _defines(bad: bool, ends: bool) -> str:
    """The switches of colormap(): whether the texture holds bad pixels, whether under
    and over may paint."""
    return ("#define BAD_PIXELS\n" if bad else "") + ("#define EXTREMES\n" if ends else "")


# (kind, whether the texture holds bad pixels, whether under/over may paint): the
# program of each
_TEMPLATES = {(kind, bad, ends): ShaderTemplate(_VERTEX, _defines(bad, ends)
                                                + _FRAGMENT % ("", main))
              for kind, main in _MAINS.items() for bad in (False, True) for ends in (False, True)}


# The texels colormapped into a target of the data's size, premultiplied: what the color
# stage of Agg's filters averages (Image._colored_target).
_COLORED_VERTEX = """
in vec2 a_corner;
void main() {
    gl_Position = vec4(a_corner * 2.0 - 1.0, 0.0, 1.0);
}
"""
_COLORED_FRAGMENT = _COLORMAP + """
void main() {
    vec4 c = colormap(texelFetch(u_data, ivec2(gl_FragCoord.xy), 0).r);
    f_color = vec4(c.rgb * c.a, c.a);
}
"""
_COLORED = {(bad, ends): ShaderTemplate(_COLORED_VERTEX, _defines(bad, ends) + _COLORED_FRAGMENT)
            for bad in (False, True) for ends in (False, True)}


@functools.cache
def _filter_template(name: str, stage: str, rgba: bool, bad: bool,
                     ends: bool, colored: bool) -> ShaderTemplate:
    """The program of an image drawn through one of Agg's filters (made on first use:
    16 filters, 3 stages)."""
    functions, main = image_filters.fragment_parts(name, stage, rgba, colored)
    if name == "bilinear":  # lumos's bilinear unless shrunk
        main = image_filters.WIDENED_BILINEAR % _MAINS["rgba" if rgba else "bilinear"]
    return ShaderTemplate(_VERTEX, _defines(bad, ends) + _FRAGMENT % (functions, main))

_CORNERS = np.array([[0, 0], [1, 0], [0, 1], [1, 1]], np.float32)
_CHUNK = 1 << 20  # pixels converted at a time


def _colormap_block(data: np.ndarray, lut: np.ndarray, clim: tuple[float, float],
                    extremes: list) -> np.ndarray:
    """One block of ``Image._colormapped``: uint8 RGBA of ``data`` through the float64
    lookup table ``lut`` as the shader's ``colormap()`` reads it (``cmap_entry``: entry
    floor(t * N), as matplotlib); ``extremes`` are the under, over and bad colors
    (0..255)."""
    c0, c1 = clim
    with np.errstate(all="ignore"):
        t = np.clip((data.astype(np.float64) - c0) / (c1 - c0), 0, 1) if c1 != c0 \
            else np.full(data.shape, 0.5)
    bad = ~np.isfinite(data)
    n = len(lut)
    rgb = lut[np.minimum((np.where(bad, 0.0, t) * n).astype(int), n - 1)]
    under, over, bad_color = extremes
    masks = [(bad, bad_color)]
    if c1 > c0:
        with np.errstate(invalid="ignore"):
            masks[:0] = [(data < c0, under), (data > c1, over)]
    for mask, color in masks:
        rgb[mask] = color
    return np.clip(np.floor(rgb + 0.5), 0, 255).astype(np.uint8)


def _finite_range(arr: np.ndarray) -> tuple[float | None, float | None]:
    """(min, max) of the finite values, or (None, None) when there is none."""
    lo = hi = None
    flat = arr.reshape(-1)
    for i in range(0, len(flat), _CHUNK):
        part = flat[i : i + _CHUNK]
        ok = part[np.isfinite(part)] if part.dtype.kind == "f" else part
        if ok.size:
            a, b = float(ok.min()), float(ok.max())
            lo, hi = (a, b) if lo is None else (min(lo, a), max(hi, b))
    return lo, hi


class Image(Visual):
    """A 2D image on the plane z = 0.

    A (h, w) array is a scalar field drawn through ``cmap`` between ``clim``; an
    (h, w, 3|4) array is RGB(A) (uint8, or floats in 0..1). Row 0 lies at y = 0 and
    the image covers ``extent = (x0, x1, y0, y1)``, by default ``(0, w, 0, h)``.
    ``opacity`` (0..1) multiplies every pixel's alpha after the colormap, so that a
    see-through image interpolates its data as an opaque one does (matplotlib's scalar
    ``alpha``).
    NaN and inf pixels take the colormap's "bad" color; an image with no finite
    value, or no pixel at all, draws nothing visible. An image larger than the
    context's maximum texture size is drawn from several textures (tiles; a filter
    wider than one texel reads mirrored texels at their seams).
    ``interpolation`` 'nearest', 'bilinear' or one of Agg's filters as matplotlib
    resamples with them (:mod:`.image_filters`: 'auto', 'hanning', 'lanczos', ...),
    computed per screen pixel from the texel scale, so a pan or zoom needs no
    Python; ``stage``, ``filterrad`` and ``resample`` as matplotlib's
    ``interpolation_stage``, ``filterrad`` and ``resample``; ``shear`` turns the
    rectangle into a parallelogram.

    >>> Image(z, cmap="viridis", clim=(0, 1))
    >>> Image(rgb_uint8, extent=(0, 10, 0, 5), interpolation="bilinear")
    """

    def __init__(self, data, cmap="viridis", clim=None, extent=None,
                 interpolation: str = "nearest", opacity: float = 1.0, stage: str = "auto",
                 filterrad: float = 4.0, resample: bool = True) -> None:
        super().__init__()
        self.opacity = opacity
        self.stage = stage
        self.filterrad = filterrad
        self.resample = resample
        self._corner_buffer = Buffer(_CORNERS)
        self._texture: Texture | None = None
        self._tiles: tuple = (None, [])  # (key, [(texture, (r0, r1, c0, c1), u_tile)])
        self._cmap_texture: Texture | None = None
        self._colored: tuple = (None, None)  # (key, the target of the texels colormapped)
        self._extent = None
        self._shear = (0.0, 0.0)
        self._default_extent = True
        self.interpolation = interpolation
        self.cmap = cmap
        self._clim_spec = clim
        self.set_data(data)
        if extent is not None:
            self.extent = extent

    def set_data(self, data) -> None:
        """Replace the pixels; a same-shaped array reuses the texture."""
        arr = as_array(data, "data")
        if arr.dtype.kind not in "biuf":
            raise TypeError(f"data: got dtype {arr.dtype}, expected numbers")
        if not (arr.ndim == 2 or (arr.ndim == 3 and arr.shape[2] in (3, 4))):
            raise ValueError(f"data: got shape {arr.shape}, expected (h, w), (h, w, 3) or "
                             "(h, w, 4)")
        h, w = arr.shape[:2]
        # the copy kept and the texels (tiles are views of them)
        check_memory(arr.nbytes + 4.0 * h * w, f"data: an image of {h} × {w} pixels",
                     "pass a smaller or downsampled array, e.g. data[::2, ::2]")
        scalar = arr.ndim == 2
        self._range = (None, None)
        self._texel_range = None  # the float32 texels' (min, max): the normalized range
        self._bad_pixels = False  # whether the texture holds the _BAD sentinel
        fresh = True  # whether tex was made here (the texture may keep it without a copy)
        if h == 0 or w == 0:
            tex = None
        elif scalar:
            self._range = _finite_range(arr)
            if self._range[0] is not None:
                self._texel_range = self._normalized(np.array(self._range)).astype(np.float32)
            tex = np.empty((h, w), np.float32)
            flat, out = arr.reshape(-1), tex.reshape(-1)
            for i in range(0, len(flat), _CHUNK):  # no float64 copy of the whole image
                part = flat[i : i + _CHUNK]
                finite = np.isfinite(part)
                out[i : i + _CHUNK] = np.where(finite, self._normalized(part), _BAD)
                self._bad_pixels = self._bad_pixels or not finite.all()
        elif arr.dtype == np.uint8:
            tex, fresh = arr, arr.shape[2] == 3
        else:
            tex = (np.clip(np.nan_to_num(arr.astype(float)), 0, 1) * 255 + 0.5).astype(np.uint8)
        if tex is not None and tex.ndim == 3 and tex.shape[2] == 3:
            tex = np.concatenate([tex, np.full(tex.shape[:2] + (1,), 255, np.uint8)], 2)
        self._scalar = scalar
        self._data = arr.copy()
        if tex is not None:
            filt = "linear" if not scalar and self._interpolation == "bilinear" else "nearest"
            if self._texture is not None and self._texture.data.shape[:2] == tex.shape[:2] \
                    and self._texture.dtype == ("f4" if scalar else "u1"):
                self._texture.set_data(tex)
            else:
                self._texture = Texture(tex, filter=filt, copy=not fresh)
        else:
            self._texture = None
        if self._default_extent:
            self._extent = (0.0, float(w), 0.0, float(h))
        self.clim = self._clim_spec

    def _beyond(self, clim: np.ndarray) -> bool:
        """Whether a texel may lie below or above the normalized color limits ``clim``
        as the shader compares them (float32): the texels' extremes are the float32 of
        the normalized finite range, and normalizing keeps the order."""
        if self._texel_range is None:
            return False  # no finite texel: every one is bad, or there is none
        lo, hi = self._texel_range
        c0, c1 = clim.astype(np.float32)
        return bool(lo < c0 or hi > c1)

    def _normalized(self, values):
        """Scalars as the texture holds them: the finite data range mapped onto -1..1,
        so that float32 keeps both huge values (beyond its range) and small differences
        of large ones (timestamps)."""
        lo, hi = self._range
        if lo is None:
            return np.zeros_like(values, dtype=float)
        center, half = lo / 2 + hi / 2, hi / 2 - lo / 2  # halves: no overflow
        half = half if half > 0 else 1.0
        with np.errstate(all="ignore"):
            return (np.asarray(values, float) / 2 - center / 2) / (half / 2)

    @property
    def data(self) -> np.ndarray:
        """A copy of the image data."""
        return self._data.copy()

    @property
    def extent(self) -> tuple[float, float, float, float]:
        """Where the image lies in data coordinates: (x0, x1, y0, y1)."""
        return self._extent

    @extent.setter
    def extent(self, value) -> None:
        self._extent = check_numbers(value, "extent", 4, "(x0, x1, y0, y1)")
        self._default_extent = False

    @property
    def shear(self) -> tuple[float, float]:
        """``(dx, dy)``: the image's last row moved by ``dx`` in x and its last column by
        ``dy`` in y, a parallelogram (an image turned or sheared by a transform the
        executor does not apply: matplotlib's ``set_transform``); (0, 0) by default."""
        return self._shear

    @shear.setter
    def shear(self, value) -> None:
        self._shear = check_numbers(value, "shear", 2, "(dx, dy)")

    def _corners(self) -> np.ndarray:
        """(4, 2): where the image's corners lie, (x0, y0), (x1, y0), (x0, y1), (x1, y1)
        of the extent moved by the shear."""
        x0, x1, y0, y1 = self._extent
        dx, dy = self._shear
        return np.array([[x0, y0], [x1, y0 + dy], [x0 + dx, y1], [x1 + dx, y1 + dy]])

    @property
    def clim(self) -> tuple[float, float]:
        """The values mapped to the ends of the colormap."""
        return self._clim

    @clim.setter
    def clim(self, value) -> None:
        """``(vmin, vmax)``; None, or None for either one, takes it from the finite data
        (0..1 for data without a finite value)."""
        if value is None:
            spec = (None, None)
        else:
            if isinstance(value, (str, bytes)):
                raise TypeError(f"clim: got {value!r}, expected (vmin, vmax) numbers or None")
            try:
                spec = tuple(value)
            except TypeError:
                raise TypeError(f"clim: got {value!r}, expected (vmin, vmax) numbers or "
                                "None") from None
            if len(spec) != 2:
                raise ValueError(f"clim: got {value!r}, expected (vmin, vmax)")
            spec = tuple(None if v is None else check_number(v, "clim") for v in spec)
        auto = self._range if self._scalar and self._range[0] is not None else (0.0, 1.0)
        self._clim = tuple(float(a if v is None else v) for v, a in zip(spec, auto,
                                                                        strict=True))
        self._clim_spec = value

    cmap = colormap_property()

    @property
    def opacity(self) -> float:
        """How opaque the image is, 0..1: every pixel's alpha times this, after the
        colormap."""
        return self._opacity

    @opacity.setter
    def opacity(self, value) -> None:
        value = check_number(value, "opacity")
        if not 0.0 <= value <= 1.0:
            raise ValueError(f"opacity: got {value!r}, expected a number in 0..1")
        self._opacity = value

    @property
    def interpolation(self) -> str:
        """How pixels are sampled: 'nearest', 'bilinear', or one of Agg's filters as
        matplotlib resamples with them ('auto', 'hanning', 'lanczos', ... : see
        :mod:`.image_filters`), the kernel widened where the image is shrunk."""
        return self._interpolation

    @interpolation.setter
    def interpolation(self, value: str) -> None:
        if value not in ("nearest", "bilinear", *image_filters.FILTERS):
            raise ValueError(f"interpolation: got {value!r}, expected one of 'nearest', "
                             f"'bilinear', {', '.join(map(repr, image_filters.FILTERS))}")
        self._interpolation = value
        if self._texture is not None and not self._scalar:
            # a new texture (same texels): executors make it again with the new filter
            self._texture = Texture(self._texture.data, copy=False,
                                    filter="linear" if value == "bilinear" else "nearest")

    @property
    def stage(self) -> str:
        """Where a scalar field is filtered (not 'nearest'; 'bilinear' only shrunk): 'data'
        (values, then the colormap), 'rgba' (colors) or 'auto' (colors where the image is
        enlarged less than 3 times, as matplotlib's ``interpolation_stage``)."""
        return self._stage

    @stage.setter
    def stage(self, value: str) -> None:
        if value not in ("data", "rgba", "auto"):
            raise ValueError(f"stage: got {value!r}, expected 'data', 'rgba' or 'auto'")
        self._stage = value

    @property
    def filterrad(self) -> float:
        """The radius of the 'sinc', 'lanczos' and 'blackman' filters, in texels."""
        return self._filterrad

    @filterrad.setter
    def filterrad(self, value) -> None:
        value = check_number(value, "filterrad")
        if not value > 0:
            raise ValueError(f"filterrad: got {value!r}, expected a positive number")
        self._filterrad = value

    @property
    def resample(self) -> bool:
        """Whether a filter's kernel widens where the image is shrunk (matplotlib's
        ``resample``; False: every texel weighed at unit scale, which aliases)."""
        return self._resample

    @resample.setter
    def resample(self, value) -> None:
        if not isinstance(value, (bool, np.bool_)):
            raise TypeError(f"resample: got {value!r}, expected True or False")
        self._resample = bool(value)

    def bounds(self) -> np.ndarray | None:
        c = self._corners()
        b = np.array([[*c.min(axis=0), 0.0], [*c.max(axis=0), 0.0]])
        return transformed_bounds(b, self.model_matrix())

    def _parts(self, side: int) -> list:
        """``(texture, (r0, r1, c0, c1), u_tile)`` of each part drawn when textures may
        not exceed ``side`` texels: the whole image, or tiles that carry a border of one
        texel of their neighbours (for filtering across the seams)."""
        tex = self._texture
        h, w = tex.shape
        if max(h, w) <= side:
            return [(tex, (0, h, 0, w), (0.0, 0.0, float(w), float(h)))]
        key = (side, tex.id, tex.version, tex.filter)
        if self._tiles[0] != key:
            step = side - 2
            parts = []
            for r0 in range(0, h, step):
                for c0 in range(0, w, step):
                    r1, c1 = min(r0 + step, h), min(c0 + step, w)
                    tr0, tc0 = max(r0 - 1, 0), max(c0 - 1, 0)
                    texels = tex.data[tr0 : min(r1 + 1, h), tc0 : min(c1 + 1, w)]
                    parts.append((Texture(texels, filter=tex.filter, copy=False),
                                  (r0, r1, c0, c1),
                                  (float(c0 - tc0), float(r0 - tr0), float(c1 - c0),
                                   float(r1 - r0))))
            self._tiles = (key, parts)
        return self._tiles[1]

    def pick_index(self, raw: int, frame, draw, x: float, y: float) -> int:
        """The pixel under the cursor, ``row * width + col`` (row 0 at y0 of the
        extent); the raw index where that cannot be told (3D views, transforms)."""
        point = None if is_nonlinear(self) or self._shear != (0.0, 0.0) \
            else window_to_plane(frame, draw, x, y)
        if point is None:
            return raw
        x0, x1, y0, y1 = self._extent
        h, w = self._data.shape[:2]
        col = int(np.floor((point[0] - x0) / (x1 - x0) * w))
        row = int(np.floor((point[1] - y0) / (y1 - y0) * h))
        if not (0 <= col < w and 0 <= row < h):
            return raw
        return row * w + col
    def rgba(self, rows: slice = slice(None), cols: slice = slice(None)) -> np.ndarray:
        """The pixels (of ``rows`` and ``cols``) as the shader colors them with nearest
        sampling: (h, w, 4) uint8, row 0 at y0 (colormap, color limits, the bad color
        and the opacity applied on the CPU, in float64)."""
        if not self._scalar:
            return self._with_opacity(self._texture.data[rows, cols].copy())
        return self._with_opacity(self._colormapped(rows, cols))

    def _colormapped(self, rows: slice = slice(None), cols: slice = slice(None)) -> np.ndarray:
        """The scalar field's pixels through the colormap as the shader's ``colormap()``:
        (h, w, 4) uint8, without the opacity."""
        data = self._data[rows, cols]
        lut = self._cmap_texture.data[0].astype(np.float64)
        extremes = [np.asarray(colors.to_rgba(c)) * 255.0
                    for c in (self._cmap.under, self._cmap.over, self._cmap.bad)]
        out = np.empty((*data.shape[:2], 4), np.uint8)
        # blocks of rows small enough to stay in cache: the float64 temporaries of a whole
        # 1000² field made this 4-5x slower
        step = max(1, _CHUNK // 16 // max(1, data.shape[1]))
        for r in range(0, data.shape[0], step):
            out[r : r + step] = _colormap_block(data[r : r + step], lut, self._clim, extremes)
        return out

    def _colored_target(self, ctx: DrawContext, uniforms: dict) -> tuple:
        """The target that holds the scalar field's texels colormapped and premultiplied,
        filtered linearly (what the color stage of Agg's filters averages), and the draw
        that fills it: a new key when the data, the color limits or the colormap change,
        so that an executor draws it again then, or when its target is new (a new
        context, a file, a page), never on a pan or zoom."""
        cm, lut, tex = self._cmap, self._cmap_texture, self._texture
        key = (tex.id, tex.version, self._clim, lut.id, lut.version, lut.filter,
               *(colors.to_rgba(c) for c in (cm.bad, cm.under, cm.over)))
        seen, target = self._colored
        h, w = tex.shape
        if target is None:
            target = RenderTarget((w, h), "rgba8", clear=None, filter="linear", key=0)
        if seen != key:
            target.size, target.key = (w, h), target.key + 1
            self._colored = (key, target)
        fill = Draw(
            program=_COLORED[self._bad_pixels, self._beyond(uniforms["u_clim"])].compose(),
            view=ctx.view_id, mode="triangle_strip", count=4,
            attributes={"a_corner": Attribute(self._corner_buffer, 2)}, uniforms=uniforms,
            textures={"u_data": tex, "u_cmap": lut}, target=target,
            state=State(blend=None, depth_write=False),
        )
        return target, fill

    def _with_opacity(self, rgba: np.ndarray) -> np.ndarray:
        """uint8 pixels with their alpha times the opacity (in place), as the shader."""
        if self._opacity != 1.0:
            a = rgba[..., 3].astype(np.float64) * self._opacity
            rgba[..., 3] = np.clip(np.floor(a + 0.5), 0, 255).astype(np.uint8)
        return rgba

    def primitives(self, ctx: PrimitiveContext | None = None) -> list:
        """A raster of the (visible) pixels, colored on the CPU exactly as the shader
        colors them. Bilinear scalar fields (interpolated before the colormap), Agg's filters and
        non-linear transforms fall back to the GPU's picture. No world-space form."""
        if self._texture is None or ctx is None:
            return []
        if ctx.is_3d or is_nonlinear(self) or self._interpolation not in ("nearest",
                                                                          "bilinear") \
                or (self._scalar and self._interpolation == "bilinear"):
            return ctx.raster(self)
        h, w = self._data.shape[:2]
        p00, p10, p01 = ctx.to_pixels(self._corners()[:3], self)
        ex, ey = p10 - p00, p01 - p00
        if not (np.isfinite(ex).all() and np.isfinite(ey).all()):
            return []
        interp = "linear" if self._interpolation == "bilinear" else "nearest"
        if abs(ex[1]) > 1e-9 * abs(ex[0]) or abs(ey[0]) > 1e-9 * abs(ey[1]):
            # rotated or sheared by a node transform: an affine placement
            t = np.array([[ex[0] / w, ey[0] / h, p00[0]], [ex[1] / w, ey[1] / h, p00[1]]])
            c = np.array([p00, p10, p01, p10 + ey])
            rect = (*c.min(axis=0), *(c.max(axis=0) - c.min(axis=0)))
            return [Raster(self.rgba(), rect, interp, t, clip=ctx.clip)]
        left, top = min(p00[0], p10[0]), min(p00[1], p01[1])
        cw, ch = abs(ex[0]) / w, abs(ey[1]) / h
        if cw == 0 or ch == 0:
            return []
        # only the pixels the view shows (an image zoomed into writes a small file), in
        # screen order: columns from the left, rows from the top
        vx, vy, vw, vh = ctx.clip
        c0 = int(np.clip(np.floor((vx - left) / cw), 0, w))
        c1 = int(np.clip(np.ceil((vx + vw - left) / cw), c0, w))
        r0 = int(np.clip(np.floor((vy - top) / ch), 0, h))
        r1 = int(np.clip(np.ceil((vy + vh - top) / ch), r0, h))
        if c1 <= c0 or r1 <= r0:
            return []
        flip_y, flip_x = ey[1] < 0, ex[0] < 0  # the first data row shows at the bottom
        rows = slice(h - r1, h - r0) if flip_y else slice(r0, r1)
        cols = slice(w - c1, w - c0) if flip_x else slice(c0, c1)
        rgba = self.rgba(rows, cols)
        rgba = rgba[::-1] if flip_y else rgba
        rgba = rgba[:, ::-1] if flip_x else rgba
        rect = (left + c0 * cw, top + r0 * ch, (c1 - c0) * cw, (r1 - r0) * ch)
        return [Raster(np.ascontiguousarray(rgba), rect, interp, clip=ctx.clip)]

    def draws(self, ctx: DrawContext) -> list[Draw]:
        if self._texture is None:
            return []
        snippet, model = transform_parts(self)
        x0, x1, y0, y1 = self._extent
        dx, dy = self._shear
        origin = (0.0, 0.0, 0.0) if is_nonlinear(self) else ((x0 + x1 + dx) / 2,
                                                             (y0 + y1 + dy) / 2, 0.0)
        ox, oy = origin[0], origin[1]
        cm = self._cmap
        extremes = {"u_bad": colors.to_rgba(cm.bad), "u_under": colors.to_rgba(cm.under),
                    "u_over": colors.to_rgba(cm.over)}
        with np.errstate(all="ignore"):
            clim = np.clip(self._normalized(np.array(self._clim)), -1e30, 1e30)
        h, w = self._texture.shape
        draws = []
        parts = self._parts(ctx.max_texture_size)
        kind = self._interpolation if self._scalar else "rgba"
        if kind == "nearest" and len(parts) > 1:
            kind = "nearest_tiles"
        ends = kind == "bilinear" or self._beyond(clim)
        textures = {"u_cmap": self._cmap_texture}
        if self._interpolation in (*image_filters.FILTERS, "bilinear"):
            # averaged values may overshoot the limits (the data stage); colors
            # averaged are of texels, within them unless a texel is beyond
            by_value = self._stage == "data" or (self._stage == "auto"
                                                 and self._interpolation != "auto")
            # the color stage filters colors colormapped once (one texture only: tiles
            # colormap per texel)
            colored = self._scalar and self._stage != "data" and len(parts) == 1
            template = _filter_template(self._interpolation, self._stage, not self._scalar,
                                        self._bad_pixels, ends or by_value, colored)
            filter_uniforms = {"u_radius": image_filters.radius(self._interpolation,
                                                                self._filterrad),
                               "u_widen": float(self._resample)}
            if colored:
                textures["u_colored"], fill = self._colored_target(
                    ctx, {"u_clim": clim, **extremes})
                draws.append(fill)
        else:
            template, filter_uniforms = _TEMPLATES[kind, self._bad_pixels, ends], {}
        for texture, (r0, r1, c0, c1), tile in parts:
            ax, bx = x0 + (x1 - x0) * c0 / w, x0 + (x1 - x0) * c1 / w
            ay, by = y0 + (y1 - y0) * r0 / h, y0 + (y1 - y0) * r1 / h
            # a sheared image's tile starts where the shear of its first row and
            # column moves it
            ax, bx = ax + dx * r0 / h, bx + dx * r0 / h
            ay, by = ay + dy * c0 / w, by + dy * c0 / w
            draws.append(Draw(
                program=template.compose(transform=snippet),
                view=ctx.view_id,
                mode="triangle_strip", count=4,
                attributes={"a_corner": Attribute(self._corner_buffer, 2)},
                uniforms={"u_extent": [ax - ox, ay - oy, bx - ox, by - oy], "u_clim": clim,
                          "u_shear": [dx * (r1 - r0) / h, dy * (c1 - c0) / w],
                          **extremes, "u_tile": tile,
                          "u_opacity": self._opacity, **filter_uniforms, **snippet.uniforms},
                textures={"u_data": texture, **textures},
                state=State(depth_test=ctx.is_3d, blend="alpha"),
                origin=origin, model=model,
            ))
        return draws
