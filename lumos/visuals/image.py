"""Images: a scalar field through a colormap and color limits, or RGB(A) pixels."""

from __future__ import annotations

import numpy as np

from .. import colors
from ..gpu.frame import Attribute, Draw, State
from ..gpu.resources import Buffer, Texture
from ..shaders import ShaderTemplate
from .base import (
    DrawContext,
    Visual,
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

_TEMPLATE = ShaderTemplate(
    vertex="""
uniform mat4 u_mvp;
uniform vec4 u_extent;  // x0, y0, x1, y1 relative to the draw's origin
in vec2 a_corner;
out vec2 v_uv;
#pragma snippets

void main() {
    vec2 p = mix(u_extent.xy, u_extent.zw, a_corner);
    gl_Position = u_mvp * $transform(vec4(p, 0.0, 1.0));
    v_uv = a_corner;
}
""",
    fragment="""
uniform sampler2D u_data;
uniform sampler2D u_cmap;
uniform vec2 u_clim;
uniform vec4 u_bad;
uniform int u_scalar;        // 1: colormapped scalar field, 0: RGBA pixels
uniform int u_bilinear;
in vec2 v_uv;
out vec4 f_color;

float fetch(ivec2 ij, ivec2 size) {
    return texelFetch(u_data, clamp(ij, ivec2(0), size - 1), 0).r;
}

vec4 colormap(float v) {
    if (v < -1.0e37) return u_bad;
    float span = u_clim.y - u_clim.x;
    float t = span != 0.0 ? clamp((v - u_clim.x) / span, 0.0, 1.0) : 0.5;
    return texture(u_cmap, vec2((t * 255.0 + 0.5) / 256.0, 0.5));
}

void main() {
    if (u_scalar == 0) {
        f_color = texture(u_data, v_uv);
        return;
    }
    ivec2 size = textureSize(u_data, 0);
    vec2 texel = v_uv * vec2(size);
    if (u_bilinear == 0) {
        f_color = colormap(fetch(ivec2(floor(texel)), size));
        return;
    }
    // Interpolate the data, then colormap: what matplotlib's "bilinear" shows. Bad
    // pixels paint only where they are the nearest one; elsewhere they drop out of the
    // average and the weights of the good neighbours are renormalized (the nearest one
    // is good there and always has a weight of at least 1/4).
    float nearest = fetch(ivec2(floor(texel)), size);
    if (nearest < -1.0e37) {
        f_color = u_bad;
        return;
    }
    vec2 t = texel - 0.5;
    ivec2 i0 = ivec2(floor(t));
    vec2 f = t - floor(t);
    vec4 v = vec4(fetch(i0, size), fetch(i0 + ivec2(1, 0), size),
                  fetch(i0 + ivec2(0, 1), size), fetch(i0 + ivec2(1, 1), size));
    vec4 good = step(-1.0e37, v);
    vec4 w = vec4((1.0 - f.x) * (1.0 - f.y), f.x * (1.0 - f.y), (1.0 - f.x) * f.y, f.x * f.y)
             * good;
    f_color = colormap(dot(w, v * good) / dot(w, vec4(1.0)));
}
""",
)

_CORNERS = np.array([[0, 0], [1, 0], [0, 1], [1, 1]], np.float32)


class Image(Visual):
    """A 2D image on the plane z = 0.

    A (h, w) array is a scalar field drawn through ``cmap`` between ``clim``; an
    (h, w, 3|4) array is RGB(A) (uint8, or floats in 0..1). Row 0 lies at y = 0 and
    the image covers ``extent = (x0, x1, y0, y1)``, by default ``(0, w, 0, h)``.

    >>> Image(z, cmap="viridis", clim=(0, 1))
    >>> Image(rgb_uint8, extent=(0, 10, 0, 5), interpolation="bilinear")
    """

    def __init__(self, data, cmap="viridis", clim=None, extent=None,
                 interpolation: str = "nearest") -> None:
        super().__init__()
        self._corner_buffer = Buffer(_CORNERS)
        self._texture: Texture | None = None
        self._cmap_texture: Texture | None = None
        self._extent = None
        self._default_extent = True
        self.interpolation = interpolation
        self.cmap = cmap
        self._clim_spec = clim
        self.set_data(data)
        if extent is not None:
            self.extent = extent

    def set_data(self, data) -> None:
        """Replace the pixels; a same-shaped array reuses the texture."""
        arr = np.asarray(data)
        if arr.dtype.kind not in "biuf":
            raise TypeError(f"data: got dtype {arr.dtype}, expected numbers")
        if arr.ndim == 2:
            scalar = True
            tex = np.where(np.isfinite(arr), arr, _BAD).astype(np.float32)
        elif arr.ndim == 3 and arr.shape[2] in (3, 4):
            scalar = False
            if arr.dtype == np.uint8:
                rgba = arr  # the texture keeps its own copy
            else:
                rgba = (np.clip(np.nan_to_num(arr.astype(float)), 0, 1) * 255 + 0.5)
                rgba = rgba.astype(np.uint8)
            if rgba.shape[2] == 3:
                rgba = np.concatenate([rgba, np.full(rgba.shape[:2] + (1,), 255, np.uint8)], 2)
            tex = rgba
        else:
            raise ValueError(f"data: got shape {arr.shape}, expected (h, w), (h, w, 3) or "
                             "(h, w, 4)")
        if arr.shape[0] == 0 or arr.shape[1] == 0:
            tex = None
        self._scalar = scalar
        self._data = arr.copy()
        if tex is not None:
            filt = "linear" if not scalar and self.interpolation == "bilinear" else "nearest"
            if self._texture is not None and self._texture.data.shape[:2] == tex.shape[:2] \
                    and self._texture.dtype == ("f4" if scalar else "u1"):
                self._texture.set_data(tex)
            else:
                self._texture = Texture(tex, filter=filt)
        else:
            self._texture = None
        if self._default_extent:
            self._extent = (0.0, float(arr.shape[1]), 0.0, float(arr.shape[0]))
        self.clim = self._clim_spec

    @property
    def data(self) -> np.ndarray:
        return self._data.copy()

    @property
    def extent(self) -> tuple[float, float, float, float]:
        return self._extent

    @extent.setter
    def extent(self, value) -> None:
        self._extent = check_numbers(value, "extent", 4, "(x0, x1, y0, y1)")
        self._default_extent = False

    @property
    def clim(self) -> tuple[float, float]:
        return self._clim

    @clim.setter
    def clim(self, value) -> None:
        """``(vmin, vmax)``, or None for the finite data range."""
        if value is None:
            finite = self._data[np.isfinite(self._data)] if self._scalar else np.array([0, 1])
            self._clim = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
        else:
            self._clim = check_numbers(value, "clim", 2, "(vmin, vmax)")
        self._clim_spec = value

    cmap = colormap_property()

    @property
    def interpolation(self) -> str:
        return self._interpolation

    @interpolation.setter
    def interpolation(self, value: str) -> None:
        if value not in ("nearest", "bilinear"):
            raise ValueError(f"interpolation: got {value!r}, expected 'nearest' or 'bilinear'")
        self._interpolation = value
        if self._texture is not None and not self._scalar:
            self._texture.filter = "linear" if value == "bilinear" else "nearest"
            self._texture.set_data(self._texture.data)

    def bounds(self) -> np.ndarray | None:
        x0, x1, y0, y1 = self._extent
        b = np.array([[min(x0, x1), min(y0, y1), 0.0], [max(x0, x1), max(y0, y1), 0.0]])
        return transformed_bounds(b, self.model_matrix())

    def pick_index(self, raw: int, frame, draw, x: float, y: float) -> int:
        """The pixel under the cursor, ``row * width + col`` (row 0 at y0 of the
        extent); the raw index where that cannot be told (3D views, transforms)."""
        point = None if is_nonlinear(self) else window_to_plane(frame, draw, x, y)
        if point is None:
            return raw
        x0, x1, y0, y1 = self._extent
        h, w = self._data.shape[:2]
        col = int(np.floor((point[0] - x0) / (x1 - x0) * w))
        row = int(np.floor((point[1] - y0) / (y1 - y0) * h))
        if not (0 <= col < w and 0 <= row < h):
            return raw
        return row * w + col

    def draws(self, ctx: DrawContext) -> list[Draw]:
        if self._texture is None:
            return []
        snippet, model = transform_parts(self)
        x0, x1, y0, y1 = self._extent
        origin = (0.0, 0.0, 0.0) if is_nonlinear(self) else ((x0 + x1) / 2, (y0 + y1) / 2, 0.0)
        ox, oy = origin[0], origin[1]
        bad = self._cmap.bad if hasattr(self._cmap, "bad") else (0, 0, 0, 0)
        return [Draw(
            program=_TEMPLATE.compose(transform=snippet), view=ctx.view_id,
            mode="triangle_strip", count=4,
            attributes={"a_corner": Attribute(self._corner_buffer, 2)},
            uniforms={"u_extent": [x0 - ox, y0 - oy, x1 - ox, y1 - oy], "u_clim": self._clim,
                      "u_bad": colors.to_rgba(bad), **snippet.uniforms},
            int_uniforms={"u_scalar": int(self._scalar),
                          "u_bilinear": int(self._interpolation == "bilinear")},
            textures={"u_data": self._texture, "u_cmap": self._cmap_texture},
            state=State(depth_test=ctx.is_3d, blend="alpha"),
            origin=origin, model=model,
        )]
