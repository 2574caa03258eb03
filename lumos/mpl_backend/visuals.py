"""Two GL visuals the backend draws with beside lumos's own: marker stamps and glyph runs.

:class:`Stamps` places sprites (:mod:`.sprites`, a marker's fill and edge coverage) at
many points, one instanced quad each, colored per point; :class:`GlyphRuns` draws glyphs
laid out by matplotlib (any font file, any size per glyph) from lumos's signed-distance
atlas of that font. Both describe themselves as primitives (marker sets, glyph runs)
for the vector devices.

Sizes are device pixels: matplotlib's display pixels are already scaled by the dpi.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from .. import primitives as prim
from ..gpu.frame import Attribute, Draw, State
from ..gpu.resources import Buffer, Texture
from ..shaders import IDENTITY, ShaderTemplate
from ..visuals import glsl
from ..visuals.base import DrawContext, Visual, split_origin, transform_parts
from ..visuals.fonts import TextLayout
from ..visuals.glyphs import BASE_SIZE, SDF_EDGE, SPREAD, GlyphAtlas, atlas_quads

_CONSTANT = 1 << 30  # divisor of an attribute every instance shares (a one-row buffer)

# One GL point per stamp (a point costs one vertex and no triangle set-up, which a
# software rasterizer feels with 10^6 markers): the point is a square around the
# sprite's cell; fragments find their texel from the window position.
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
        gl_PointSize = 1.0;
        return;
    }
    vec2 p = clip_to_window(c);
    // Agg stamps markers at whole pixels: the origin corner is the pixel the point
    // rounds to (x right; y up here, hence ceil(y - 0.5) for Agg's floor(h - y + 0.5)).
    vec2 o = a_origin.z > 0.5 ? vec2(floor(p.x + 0.5), ceil(p.y - 0.5)) : p;
    vec2 top_left = vec2(o.x - a_origin.x, o.y + a_origin.y);
    // a square a little larger than the cell: which pixels a point covers differs
    // between rasterizers; the fragments place the texels themselves
    float size = max(a_cell.z, a_cell.w) + 2.0;
    gl_Position = window_to_clip(top_left + vec2(0.5 * a_cell.z, -0.5 * a_cell.w), 0.0);
    gl_PointSize = size;
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

_GLYPHS = ShaderTemplate(
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
    gl_Position = window_to_clip(clip_to_window(c) + a_offset, c.z / c.w);
    v_uv = a_uv;
    v_color = a_color / 255.0;
    v_scale = a_scale;
}
""",
    fragment="""
uniform sampler2D u_atlas;
in vec2 v_uv;
in vec4 v_color;
in float v_scale;
out vec4 f_color;

void main() {
    float d = (texture(u_atlas, v_uv).r * 255.0 - EDGE) * v_scale;  // pixels, > 0 inside
    float alpha = clamp(d + 0.5, 0.0, 1.0);
    if (alpha <= 0.0) discard;
    f_color = vec4(v_color.rgb, v_color.a * alpha);
}
""".replace("EDGE", f"{float(SDF_EDGE):.1f}"),
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
    """Marker sprites at many points (a GL point each), face and edge colors per point.

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
            # one row per point (a vertex each), or one row all points share
            divisor = 0 if self._divisors[name] == 1 else _CONSTANT
            attributes[f"a_{name}"] = Attribute(self._buffers[name], size, kind, 0, stride,
                                                divisor)
        texture = self._texture.of(self._atlas.image, self._atlas.version)
        return [Draw(program=_STAMPS.compose(transform=snippet), view=ctx.view_id,
                     mode="points", count=self._n,
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


_ATLASES: dict[str, GlyphAtlas] = {}


def glyph_atlas(font: str) -> GlyphAtlas:
    """The process-wide SDF atlas of one font file."""
    atlas = _ATLASES.get(font)
    if atlas is None:
        atlas = _ATLASES[font] = GlyphAtlas(font, prepopulate=False)
    return atlas


class GlyphRuns(Visual):
    """Glyphs of one font file placed by matplotlib: runs of glyph ids with pens in
    pixels about an anchor point (view coordinates), sizes per glyph, a rotation and a
    color per run. One draw for every run."""

    def __init__(self, font: str, texture: _VersionedTexture) -> None:
        super().__init__()
        self.font = font
        self._atlas = glyph_atlas(font)
        self._texture = texture
        self._buffers = {name: Buffer(np.zeros((0, k), dtype)) for name, k, dtype in (
            ("anchor", 3, np.float32), ("offset", 2, np.float32), ("uv", 2, np.float32),
            ("color", 4, np.uint8), ("scale", 1, np.float32))}
        self._origin = np.zeros(3)
        self._runs: list = []
        self._anchors = np.zeros((0, 3))
        self._built_for = None

    def set_runs(self, runs: list, anchors: np.ndarray) -> None:
        """``runs``: :class:`~.items.GlyphItem` of this font; ``anchors`` (N, 2) their
        anchors in view coordinates."""
        self._runs = list(runs)
        pts = np.zeros((len(runs), 3))
        pts[:, :2] = np.asarray(anchors, float).reshape(-1, 2)
        self._anchors = pts
        self._build()

    def _build(self) -> None:
        atlas = self._atlas
        self._origin, local, valid = split_origin(self._anchors)
        parts = {k: [] for k in self._buffers}
        corners = [0, 1, 2, 0, 2, 3]
        for i, run in enumerate(self._runs):
            if not valid[i] or not len(run.glyph_ids):
                continue
            atlas.ensure_indices(run.glyph_ids)
            ink = np.array([atlas.cell(int(g)).rect[2] > 0 for g in run.glyph_ids])
            if not ink.any():
                continue
            ref = float(run.sizes[ink].max())
            layout = TextLayout(atlas.font, run.glyph_ids[ink], "", run.pens[ink] / ref,
                                np.repeat((run.sizes[ink] / ref)[:, None], 2, axis=1),
                                np.zeros((0, 4)))
            quads, uvs = atlas_quads(atlas, layout, ref, run.rotation)
            m = len(quads) * 6
            parts["offset"].append(quads[:, corners].reshape(-1, 2))
            parts["uv"].append(uvs[:, corners].reshape(-1, 2))
            parts["anchor"].append(np.repeat(local[i : i + 1], m, axis=0))
            parts["color"].append(np.repeat(_bytes(run.color), m, axis=0))
            scale = SPREAD / SDF_EDGE * run.sizes[ink] / BASE_SIZE
            parts["scale"].append(np.repeat(scale.astype(np.float32), 6))
        for k, buf in self._buffers.items():
            arrays = parts[k]
            shape = (0,) + buf.data.shape[1:]
            data = np.concatenate(arrays) if arrays else np.zeros(shape, buf.data.dtype)
            buf.set_data(data.astype(buf.data.dtype))
        self._built_for = atlas.image.shape

    def bounds(self):
        return self._bounds_of(self._anchors) if len(self._anchors) else None

    def draws(self, ctx: DrawContext) -> list[Draw]:
        if self._built_for != self._atlas.image.shape:
            self._build()  # the atlas grew: its texture coordinates moved
        count = len(self._buffers["offset"].data)
        if count == 0:
            return []
        snippet, model = transform_parts(self)
        b = self._buffers
        return [Draw(program=_GLYPHS.compose(transform=snippet), view=ctx.view_id,
                     mode="triangles", count=count,
                     attributes={"a_anchor": Attribute(b["anchor"], 3),
                                 "a_offset": Attribute(b["offset"], 2),
                                 "a_uv": Attribute(b["uv"], 2),
                                 "a_color": Attribute(b["color"], 4, "u1"),
                                 "a_scale": Attribute(b["scale"], 1)},
                     uniforms=dict(snippet.uniforms),
                     textures={"u_atlas": self._texture.of(self._atlas.image,
                                                           self._atlas.version)},
                     state=State(depth_test=False, depth_write=False, blend="alpha"),
                     origin=tuple(self._origin), model=model)]

    def primitives(self, ctx) -> list:
        """Glyph runs (one per glyph size) at the anchors, in canvas pixels."""
        out = []
        if not self._runs:
            return out
        anchors = ctx.to_pixels(self._anchors, self)
        for run, a in zip(self._runs, anchors, strict=True):
            if not np.isfinite(a).all():
                continue
            sizes = np.unique(run.sizes)
            for size in sizes:
                sel = run.sizes == size
                pens = a + run.pens[sel] * [1.0, -1.0]
                chars = run.chars if len(sizes) == 1 and len(run.chars) == len(run.glyph_ids) \
                    else ""  # mathtext: characters only where they map one to one
                out.append(prim.GlyphRun(Path(self.font), run.glyph_ids[sel], pens,
                                         float(size), run.color, chars=chars,
                                         text=run.text, rotation=run.rotation,
                                         anchor=(float(a[0]), float(a[1])), clip=ctx.clip))
        return out


_CLIP = ShaderTemplate(
    vertex="""
uniform mat4 u_mvp;
in vec3 a_pos;
#pragma snippets

void main() {
    gl_Position = u_mvp * $transform(vec4(a_pos, 1.0));
}
""",
    fragment="""
uniform sampler2D u_content;
uniform vec4 u_viewport;
out vec4 f_color;

void main() {
    // the group's picture (premultiplied by its own coverage) where the clip path is
    vec4 c = texelFetch(u_content, ivec2(gl_FragCoord.xy - u_viewport.xy), 0);
    if (c.a <= 0.0) discard;
    f_color = vec4(c.rgb / c.a, c.a);
}
""",
)


class ClipGroup(Visual):
    """Visuals drawn only inside a clip path (matplotlib's ``set_clip_path``).

    The children draw into a render target the size of the view; the clip path's
    triangles then copy that picture into the frame (multisampling antialiases the
    path's edge). ``rings`` are the clip path's closed polylines in view coordinates,
    filled with the nonzero rule.
    """

    needs_multisampling = True

    def __init__(self) -> None:
        super().__init__()
        from ..gpu.frame import RenderTarget

        self._target = RenderTarget(size="view", format="rgba8")
        self._pos = Buffer(np.zeros((0, 3), np.float32))
        self._index = Buffer(np.zeros(0, np.uint32))
        self._origin = np.zeros(3)
        self.members: list = []
        self.stamp = None  # what the rings were made from (the owner's fingerprint)
        self._rings: list = []

    def set_group(self, members: list, rings: list, stamp=None) -> None:
        from ..geometry import triangulate

        self.members = list(members)
        self.stamp = stamp
        self._rings = [np.asarray(r, float) for r in rings]
        pts, faces, base = [], [], 0
        for r in self._rings:
            r = r[np.isfinite(r).all(axis=1)]
            if len(r) > 1 and np.array_equal(r[0], r[-1]):
                r = r[:-1]
            if len(r) < 3:
                continue
            faces.append(triangulate(r, [len(r)]) + base)
            pts.append(r)
            base += len(r)
        p3 = np.zeros((base, 3))
        if pts:
            p3[:, :2] = np.concatenate(pts)
        self._origin, local, _ = split_origin(p3)
        self._pos.set_data(local)
        self._index.set_data(np.ascontiguousarray(
            np.concatenate(faces) if faces else np.zeros((0, 3)), np.uint32).reshape(-1))

    def draws(self, ctx: DrawContext) -> list[Draw]:
        import dataclasses

        inner = []
        for v in sorted(self.members, key=lambda v: v.order):
            if v.visible:
                inner.extend(dataclasses.replace(d, target=self._target) for d in v.draws(ctx))
        count = len(self._index.data)
        if not inner or count == 0:
            return []
        return inner + [Draw(program=_CLIP.compose(transform=IDENTITY), view=ctx.view_id,
                             mode="triangles", count=count, indices=self._index,
                             attributes={"a_pos": Attribute(self._pos, 3)},
                             textures={"u_content": self._target},
                             state=State(depth_test=False, depth_write=False, blend="alpha"),
                             origin=tuple(self._origin))]

    def primitives(self, ctx) -> list:
        return ctx.raster(self)  # vector files: the clipped group as an image

