"""The GL visuals the backend draws with beside lumos's own: stamps and text.

:class:`Stamps` places sprites (:mod:`.sprites`: a marker's fill and edge coverage) at
many points, one instanced quad each, colored per point; :class:`TextStamps` stamps glyph
bitmaps the same way and describes itself as glyph runs for the vector devices. Clip
paths draw through :class:`lumos.visuals.clip.ClipGroup`.

Sizes are device pixels: matplotlib's display pixels are already scaled by the dpi.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from .. import primitives as prim
from ..gpu.frame import Attribute, Draw, State
from ..gpu.resources import Buffer, Texture
from ..shaders import ShaderTemplate
from ..visuals import glsl
from ..visuals.base import DrawContext, Visual, split_origin, transform_parts

_CONSTANT = 1 << 30  # divisor of an attribute every instance shares (a one-row buffer)

# One instanced quad per stamp, the sprite's cell (a GL point would be cheaper, but
# points whose centre leaves the view are clipped whole: markers and glyphs cut by an
# axes' edge or the canvas's must show their part); fragments find their texel from the
# window position.
_STAMPS = ShaderTemplate(
    vertex=glsl.SCREEN + """
in vec3 a_pos;
in vec4 a_face;
in vec4 a_edge;
in vec4 a_cell;    // x, y, w, h of the sprite in atlas texels
in vec3 a_origin;  // the marker origin in the cell (x right, y down); z: 1 snaps
flat out vec4 v_cell;
flat out vec2 v_top_left;
flat out vec4 v_face;
flat out vec4 v_edge;
#pragma snippets

void main() {
    vec4 c = u_mvp * $transform(vec4(a_pos, 1.0));
    if (c.w <= 0.0 || a_cell.z <= 0.0) {
        gl_Position = DISCARDED;
        return;
    }
    vec2 p = clip_to_window(c);
    // Agg stamps markers at whole pixels: the origin corner is the pixel the point
    // rounds to (x right; y up here, hence ceil(y - 0.5) for Agg's floor(h - y + 0.5)).
    vec2 o = a_origin.z > 0.5 ? vec2(floor(p.x + 0.5), ceil(p.y - 0.5)) : p;
    vec2 top_left = vec2(o.x - a_origin.x, o.y + a_origin.y);
    vec2 corner = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1));
    // half a pixel more on every side: fractional positions cover partial pixels
    vec2 grow = (corner * 2.0 - 1.0) * 0.5;
    gl_Position = window_to_clip(top_left + vec2(corner.x * a_cell.z + grow.x,
                                                 -corner.y * a_cell.w - grow.y), 0.0);
    v_cell = a_cell;
    v_top_left = top_left;
    v_face = a_face / 255.0;
    v_edge = a_edge / 255.0;
}
""",
    fragment="""
uniform sampler2D u_atlas;
flat in vec4 v_cell;
flat in vec2 v_top_left;
flat in vec4 v_face;
flat in vec4 v_edge;
out vec4 f_color;

void main() {
    // texels from the cell's top-left corner (y down)
    vec2 t = vec2(gl_FragCoord.x - v_top_left.x, v_top_left.y - gl_FragCoord.y);
    if (t.x < 0.0 || t.y < 0.0 || t.x > v_cell.z || t.y > v_cell.w) discard;
    vec2 m = texture(u_atlas, (v_cell.xy + t) / vec2(textureSize(u_atlas, 0))).rg;
    // the fill, then the edge over it, as Agg draws a marker
    float af = v_face.a * m.r;
    float ae = v_edge.a * m.g;
    float a = 1.0 - (1.0 - af) * (1.0 - ae);
    if (a <= 0.0) discard;
    f_color = vec4((v_face.rgb * af * (1.0 - ae) + v_edge.rgb * ae) / a, a);
}
""",
)

class _VersionedTexture:
    """A texture that follows a growing CPU image with a ``version``."""

    def __init__(self, filter: str) -> None:
        self.filter = filter
        self.texture: Texture | None = None
        self.version = None

    def of(self, image: np.ndarray, version: int) -> Texture:
        if self.texture is None:
            self.texture = Texture(image, filter=self.filter)
        elif version != self.version:
            self.texture.set_data(image)
        self.version = version
        return self.texture


def _rows(values: np.ndarray, n: int, dtype) -> tuple[np.ndarray, int]:
    """(buffer rows, divisor): one shared row when every instance has the same value."""
    v = np.ascontiguousarray(values, dtype=dtype)
    if len(v) == 1 or (len(v) == n and (v == v[:1]).all()):
        return v[:1], _CONSTANT
    return v, 1


class Stamps(Visual):
    """Marker sprites at many points (an instanced quad each), face and edge colors per
    point.

    ``atlas`` is the canvas's :class:`~.sprites.SpriteAtlas`; ``set_data`` takes the
    points (view coordinates), the sprite of each point, (N|1, 4) float colors and whether
    to stamp at whole pixels (Agg's ``draw_markers``) or exactly (collections).
    """

    def __init__(self, atlas, texture: _VersionedTexture) -> None:
        super().__init__()
        self._atlas = atlas
        self._texture = texture
        self._buffers = {k: Buffer(np.zeros((1, n), t)) for k, n, t in (
            ("pos", 3, np.float32), ("face", 4, np.uint8), ("edge", 4, np.uint8),
            ("cell", 4, np.float32), ("origin", 3, np.float32))}
        self._divisors = dict.fromkeys(self._buffers, 1)
        self._origin = np.zeros(3)
        self._n = 0
        self._points = np.zeros((0, 3))
        self._sprites: list = []
        self._which = np.zeros(0, np.int64)
        self._face = self._edge = np.zeros((1, 4))

    def set_data(self, points: np.ndarray, sprites: list, which: np.ndarray | None,
                 face: np.ndarray, edge: np.ndarray, snap: bool) -> None:
        n = len(points)
        pts = np.zeros((n, 3))
        pts[:, :2] = points
        valid = np.isfinite(pts).all(axis=1)
        self._origin, local, _ = split_origin(pts)
        which = np.zeros(n, np.int64) if which is None else np.asarray(which, np.int64)
        cells = np.array([self._atlas.cell(s) for s in sprites], np.float32).reshape(-1, 4)
        origins = np.array([(*s.origin, float(snap or s.snap)) for s in sprites],
                           np.float32).reshape(-1, 3)
        if len(sprites) == 1:
            cell, org = cells, origins
        else:
            cell, org = cells[which], origins[which]
        if not valid.all():  # a point that cannot be placed gets an empty cell
            cell = np.repeat(cell, n, axis=0) if len(cell) == 1 else cell.copy()
            cell[~valid] = 0
        for name, values, dtype in (("pos", local, np.float32),
                                    ("face", _bytes(face), np.uint8),
                                    ("edge", _bytes(edge), np.uint8),
                                    ("cell", cell, np.float32), ("origin", org, np.float32)):
            rows, self._divisors[name] = _rows(values, n, dtype) if name != "pos" \
                else (np.ascontiguousarray(values, dtype), 1)
            self._buffers[name].set_data(rows)
        self._n = n
        self._points, self._sprites, self._which = pts, list(sprites), which
        self._face, self._edge = np.atleast_2d(face), np.atleast_2d(edge)

    def bounds(self):
        return self._bounds_of(self._points) if self._n else None

    def draws(self, ctx: DrawContext) -> list[Draw]:
        if self._n == 0:
            return []
        snippet, model = transform_parts(self)
        attributes = {}
        for name, size, kind in (("pos", 3, "f4"), ("face", 4, "u1"), ("edge", 4, "u1"),
                                 ("cell", 4, "f4"), ("origin", 3, "f4")):
            stride = size * (1 if kind == "u1" else 4)
            attributes[f"a_{name}"] = Attribute(self._buffers[name], size, kind, 0, stride,
                                                self._divisors[name])
        texture = self._texture.of(self._atlas.image, self._atlas.version)
        return [Draw(program=_STAMPS.compose(transform=snippet), view=ctx.view_id,
                     mode="triangle_strip", count=4, instances=self._n,
                     attributes=attributes, uniforms=dict(snippet.uniforms),
                     textures={"u_atlas": texture},
                     state=State(depth_test=False, depth_write=False, blend="alpha"),
                     origin=tuple(self._origin), model=model)]

    def primitives(self, ctx) -> list:
        """One marker set per sprite: its outline at each point (canvas pixels)."""
        if not self._n:
            return []
        px = ctx.to_pixels(self._points, self)
        out = []
        n = self._n
        face = np.broadcast_to(self._face, (n, 4))
        edge = np.broadcast_to(self._edge, (n, 4))
        for k, s in enumerate(self._sprites):
            sel = (self._which == k) & np.isfinite(px).all(axis=1)
            if not sel.any():
                continue
            out.append(prim.MarkerSet(s.symbol, px[sel], 1.0, face[sel],
                                      edge[sel] if s.edge_width > 0 else None, s.edge_width,
                                      clip=ctx.clip, join=s.join))
        return out


def _bytes(rgba) -> np.ndarray:
    return (np.clip(np.atleast_2d(np.asarray(rgba, float)), 0, 1) * 255 + 0.5).astype(np.uint8)


class TextStamps(Stamps):
    """Text as glyph bitmaps stamped at whole pixels (FreeType's, as Agg draws them),
    and as glyph runs for the vector devices."""

    def __init__(self, atlas, texture: _VersionedTexture) -> None:
        super().__init__(atlas, texture)
        self._runs: list = []  # (TextItem, anchor in view coordinates)

    def set_text(self, items: list, points: np.ndarray, sprites: list, which, face,
                 anchors: np.ndarray) -> None:
        self.set_data(points, sprites, which, face, np.zeros((1, 4)), True)
        self._runs = list(zip(items, anchors, strict=True))

    def primitives(self, ctx) -> list:
        """Glyph runs (one per font and size) at the anchors, in canvas pixels."""
        out = []
        for it, a in self._runs:
            px = ctx.to_pixels(np.asarray(a, float).reshape(1, 2), self)[0]
            if not np.isfinite(px).all():
                continue
            one = len(it.runs) == 1
            for font, ids, pens, sizes in it.runs:
                for size in np.unique(sizes):
                    sel = sizes == size
                    chars = it.chars if one and len(np.unique(sizes)) == 1 \
                        and len(it.chars) == len(ids) else ""
                    out.append(prim.GlyphRun(Path(font), ids[sel], px + pens[sel] * [1.0, -1.0],
                                             float(size), it.color, chars=chars, text=it.text,
                                             rotation=it.rotation,
                                             anchor=(float(px[0]), float(px[1])),
                                             clip=ctx.clip))
        return out
