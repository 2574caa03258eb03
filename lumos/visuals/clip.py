"""A group of visuals drawn only inside a clip path (matplotlib's ``set_clip_path``).

Both the matplotlib backend (a renderer's clip path) and lumos's own axes (an artist's
``set_clip_path``) draw through it.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from .. import primitives as prim
from ..geometry import triangulate
from ..gpu.frame import Attribute, Draw, RenderTarget, State
from ..gpu.resources import Buffer
from ..shaders import IDENTITY, ShaderTemplate
from .base import DrawContext, Visual, split_origin

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
uniform vec2 u_target_origin;
out vec4 f_color;

void main() {
    // the group's picture (premultiplied by its own coverage) where the clip path is
    vec4 c = texelFetch(u_content, ivec2(gl_FragCoord.xy - u_target_origin), 0);
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

    def __init__(self, multisample: bool = True) -> None:
        super().__init__()
        # a clip path's edge is smoothed by the frame's multisampling; a group copied
        # through its whole (pixel-aligned) view needs none
        self.needs_multisampling = multisample

        self._target = RenderTarget(size="view", format="rgba8")
        self._pos = Buffer(np.zeros((0, 3), np.float32))
        self._index = Buffer(np.zeros(0, np.uint32))
        self._origin = np.zeros(3)
        self.members: list = []
        self.stamp = None  # what the rings were made from (the owner's fingerprint)
        self._rings: list = []

    def set_group(self, members: list, rings: list, stamp=None) -> None:
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
        inner = []
        for v in sorted(self.members, key=lambda v: v.order):
            if v.visible:  # a member's own target (a group inside) stays its own
                inner.extend(d if d.target is not None else
                             dataclasses.replace(d, target=self._target) for d in v.draws(ctx))
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
        """The members' primitives, each clipped also to the clip path (vector files
        clip as matplotlib's do: a ``<clipPath>``, a PDF ``W n``)."""
        rings = [ctx.to_pixels(r) for r in self._rings]
        rings = [r for r in rings if np.isfinite(r).all(axis=1).sum() >= 3]
        out: list = []
        clips: dict = {}  # a member's clip -> it within the rings, made once
        for v in sorted(self.members, key=lambda v: v.order):
            if not v.visible:
                continue
            for p in ctx.primitives_of(v):
                key = prim.clip_key(p.clip)
                if key not in clips:
                    clips[key] = prim.Clip.of(p.clip, rings)
                out.append(dataclasses.replace(p, clip=clips[key]))
        return out

