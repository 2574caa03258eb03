"""Text: signed-distance-field glyphs from a shared atlas, many labels in one draw."""

from __future__ import annotations

import numpy as np

from .. import colors
from ..gpu.frame import Attribute, Draw, State
from ..gpu.resources import Buffer, Texture
from ..shaders import ShaderTemplate
from . import glsl
from .base import (
    DrawContext,
    Visual,
    as_array,
    as_positions,
    check_number,
    check_positive,
    is_nonlinear,
    rgba_bytes,
    split_origin,
    transform_parts,
)
from .glyphs import BASE_SIZE, SDF_EDGE, SPREAD, GlyphAtlas, get_atlas
from .mathtext import layout_rich

_TEMPLATE = ShaderTemplate(
    vertex=glsl.SCREEN + """
in vec3 a_anchor;
in vec2 a_offset;
in vec2 a_uv;
in vec4 a_color;
in float a_scale;
out vec2 v_uv;
out vec4 v_color;
out float v_scale;
#pragma snippets

void main() {
    vec4 c = u_mvp * $transform(vec4(a_anchor, 1.0));
    if (c.w <= 0.0) {
        gl_Position = DISCARDED;
        return;
    }
    // Snap the anchor to a pixel so that glyph edges fall the same way in every label.
    vec2 anchor = floor(clip_to_window(c) + 0.5);
    gl_Position = window_to_clip(anchor + a_offset * u_pixel_ratio, c.z / c.w);
    v_uv = a_uv;
    v_color = a_color / 255.0;
    v_scale = a_scale;
}
""",
    fragment="""
uniform sampler2D u_atlas;
uniform float u_pixel_ratio;
in vec2 v_uv;
in vec4 v_color;
in float v_scale;
out vec4 f_color;

void main() {
    float s = texture(u_atlas, v_uv).r * 255.0 - EDGE;
    float d = s * v_scale * u_pixel_ratio;   // signed distance in pixels, > 0 inside
    float alpha = clamp(d + 0.5, 0.0, 1.0);
    if (alpha <= 0.0) discard;
    f_color = vec4(v_color.rgb, v_color.a * alpha);
}
""".replace("EDGE", f"{float(SDF_EDGE):.1f}"),
)

# One texture per atlas, shared by every Text visual so that all labels are one upload.
_textures: dict[int, tuple[GlyphAtlas, Texture, int]] = {}


def _atlas_texture(atlas: GlyphAtlas) -> Texture:
    entry = _textures.get(id(atlas))
    if entry is None:
        tex = Texture(atlas.image, filter="linear")
        _textures[id(atlas)] = (atlas, tex, atlas.version)
        return tex
    _, tex, version = entry
    if version != atlas.version:
        tex.set_data(atlas.image)
        _textures[id(atlas)] = (atlas, tex, atlas.version)
    return tex


class Text(Visual):
    """One or many text labels anchored at data positions, sized in pixels.

    >>> Text("hello", pos=(0.5, 0.5), font_size=14, color="black")
    >>> Text(["a", "b", "c"], pos=xy, font_size=10, anchor_x="left", rotation=90)

    ``anchor_x`` is 'left', 'center' or 'right'; ``anchor_y`` is 'top', 'center',
    'bottom' or 'baseline'; ``rotation`` is degrees counter-clockwise on screen.
    Labels face the screen in 3D views.
    """

    def __init__(self, text="", pos=(0.0, 0.0), font_size: float = 12.0, color="black",
                 anchor_x: str = "center", anchor_y: str = "center", rotation: float = 0.0,
                 bold: bool = False) -> None:
        super().__init__()
        self._buffers = {name: Buffer(np.zeros((0, k), dtype))
                         for name, k, dtype in (("anchor", 3, np.float32),
                                                ("offset", 2, np.float32),
                                                ("uv", 2, np.float32),
                                                ("color", 4, np.uint8),
                                                ("scale", 1, np.float32))}
        self._origin = np.zeros(3)
        self._atlas = get_atlas(bold)
        self._built_for = None
        self._text, self._points = [], np.zeros((0, 3))
        self._font_size = check_positive(font_size, "font_size")
        self._color = color
        self._anchor = (anchor_x, anchor_y)
        self._rotation = check_number(rotation, "rotation")
        self.set_data(text, pos)

    def set_data(self, text, pos=None, color=None) -> None:
        """Replace the strings (one str or a list), optionally their positions and colors.
        Input that does not fit leaves the labels as they were."""
        try:
            strings = [text] if isinstance(text, str) else list(text)
        except TypeError:
            strings = [text]  # not iterable: reported below
        for s in strings:
            if not isinstance(s, str):
                raise TypeError(f"text: got {type(s).__name__}, expected str or list of str")
        if pos is not None:
            arr = as_array(pos, "pos")
            points = as_positions(arr.reshape(1, -1) if arr.ndim == 1 else arr, "pos")
        else:
            points = self._points
        if len(points) != len(strings):
            raise ValueError(f"pos: got {len(points)} positions for {len(strings)} strings")
        color = self._color if color is None else color
        colors.to_rgba_array(color, len(strings))  # checked before anything changes
        self._text, self._points, self._color = strings, points, color
        self._rebuild()

    @property
    def text(self):
        return self._text[0] if len(self._text) == 1 else list(self._text)

    @text.setter
    def text(self, value) -> None:
        self.set_data(value)

    @property
    def pos(self) -> np.ndarray:
        return self._points.copy()

    @pos.setter
    def pos(self, value) -> None:
        self.set_data(self._text, value)

    @property
    def font_size(self) -> float:
        return self._font_size

    @font_size.setter
    def font_size(self, value: float) -> None:
        self._font_size = check_positive(value, "font_size")
        self._rebuild()

    @property
    def color(self):
        return self._color

    @color.setter
    def color(self, value) -> None:
        colors.to_rgba_array(value, len(self._text))  # checked before anything changes
        self._color = value
        self._rebuild()

    @property
    def rotation(self) -> float:
        return self._rotation

    @rotation.setter
    def rotation(self, value: float) -> None:
        self._rotation = check_number(value, "rotation")
        self._rebuild()

    def _upload_geometry(self) -> None:
        self._rebuild()

    def _rebuild(self) -> None:
        """Lay out every label into glyph quads (6 vertices each)."""
        n = len(self._text)
        rgba8 = rgba_bytes(colors.to_rgba_array(self._color, n))
        if is_nonlinear(self):
            self._origin = np.zeros(3)
            local = np.nan_to_num(self._points).astype(np.float32)
        else:
            self._origin, local, _ = split_origin(self._points)
        valid = np.isfinite(self._points).all(axis=1)
        corners = [0, 1, 2, 0, 2, 3]  # two triangles per glyph quad
        parts = {k: [] for k in self._buffers}
        for i, s in enumerate(self._text):
            if not valid[i] or not s.strip():
                continue
            quads, uvs = layout_rich(s, self._font_size, self._anchor[0], self._anchor[1],
                                self._rotation, atlas=self._atlas)
            m = len(quads) * 6
            parts["offset"].append(quads[:, corners].reshape(-1, 2))
            parts["uv"].append(uvs[:, corners].reshape(-1, 2))
            parts["anchor"].append(np.repeat(local[i : i + 1], m, axis=0))
            parts["color"].append(np.repeat(rgba8[i : i + 1], m, axis=0))
        scale = SPREAD / SDF_EDGE * self._font_size / BASE_SIZE
        for k, buf in self._buffers.items():
            if k == "scale":
                continue
            arrays = parts[k]
            data = np.concatenate(arrays) if arrays else np.zeros((0,) + buf.data.shape[1:],
                                                                  buf.data.dtype)
            buf.set_data(data.astype(buf.data.dtype))
        count = len(self._buffers["offset"].data)
        self._buffers["scale"].set_data(np.full(count, scale, np.float32))
        self._built_for = self._atlas.image.shape

    def bounds(self) -> np.ndarray | None:
        return self._bounds_of(self._points)

    def draws(self, ctx: DrawContext) -> list[Draw]:
        if self._built_for != self._atlas.image.shape:
            self._rebuild()  # the atlas grew: texture coordinates moved
        count = len(self._buffers["offset"].data)
        if count == 0:
            return []
        snippet, model = transform_parts(self)
        b = self._buffers
        return [Draw(
            program=_TEMPLATE.compose(transform=snippet), view=ctx.view_id,
            mode="triangles", count=count,
            attributes={
                "a_anchor": Attribute(b["anchor"], 3), "a_offset": Attribute(b["offset"], 2),
                "a_uv": Attribute(b["uv"], 2), "a_color": Attribute(b["color"], 4, "u1"),
                "a_scale": Attribute(b["scale"], 1),
            },
            uniforms=dict(snippet.uniforms),
            textures={"u_atlas": _atlas_texture(self._atlas)},
            state=State(depth_test=ctx.is_3d, depth_write=False, blend="alpha"),
            origin=tuple(self._origin), model=model,
        )]
