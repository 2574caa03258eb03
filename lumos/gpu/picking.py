"""Picking: which visual, and which of its points/segments/faces, is under a pixel.

Every program gets a pick twin by source rewriting (no visual has to know about
picking): the fragment ``main`` becomes a helper that still computes the color (so
discards, clipping and antialiased coverage decide what is hit), fragments with little
alpha are dropped, and two RGBA8 outputs receive the draw's ``u_pick_id`` and the
element index. The index is ``gl_InstanceID`` for instanced draws (a marker, a line
segment), passed from the vertex stage in a ``flat`` varying, else ``gl_PrimitiveID``
(a triangle of a mesh: its face index, also for indexed draws).

The frame is drawn with its views shifted so that only a small square around the
pixel lands in a (2r+1)² framebuffer: the cost is the vertex work, not the pixels.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import replace

import numpy as np

from .frame import Draw, Frame
from .frame import View as FrameView
from .resources import Program

PICK_ALPHA = 0.1  # fragments fainter than this are not hit

_MAIN = re.compile(r"\bvoid\s+main\s*\(\s*(?:void)?\s*\)")
_OUT = re.compile(r"^[ \t]*(?:layout\s*\([^)]*\)\s*)?out\s+vec4\s+(\w+)\s*;", re.MULTILINE)

_VERTEX_TAIL = """
flat out int lumos_pick_instance;
void main() {
    lumos_pick_user_main();
    lumos_pick_instance = gl_InstanceID;
}
"""

_FRAGMENT_TAIL = """
uniform int u_pick_id;
uniform float u_pick_alpha;
flat in int lumos_pick_instance;
layout(location = 0) out vec4 lumos_pick_draw;
layout(location = 1) out vec4 lumos_pick_index;

vec4 lumos_pick_pack(uint v) {
    return vec4(float(v & 255u), float((v >> 8) & 255u), float((v >> 16) & 255u),
                float(v >> 24)) / 255.0;
}

void main() {
    lumos_pick_user_main();
    if (%(color)s.a < u_pick_alpha) discard;
    lumos_pick_draw = lumos_pick_pack(uint(u_pick_id));
    lumos_pick_index = lumos_pick_pack(uint(%(index)s));
}
"""

_cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def pick_program(program: Program, instanced: bool) -> Program:
    """The pick twin of ``program`` (cached while ``program`` lives)."""
    per = _cache.setdefault(program, {})
    found = per.get(instanced)
    if found is not None:
        return found
    outs = _OUT.findall(program.fragment)
    if len(outs) != 1 or not _MAIN.search(program.fragment) or not _MAIN.search(program.vertex):
        raise ValueError(f"program {program.id}: picking needs one 'out vec4' color and a "
                         "main() in each stage")
    vertex = _MAIN.sub("void lumos_pick_user_main()", program.vertex, count=1) + _VERTEX_TAIL
    fragment = _OUT.sub(lambda m: f"vec4 {m.group(1)};", program.fragment, count=1)
    fragment = _MAIN.sub("void lumos_pick_user_main()", fragment, count=1)
    index = "lumos_pick_instance" if instanced else "gl_PrimitiveID"
    fragment += _FRAGMENT_TAIL % {"color": outs[0], "index": index}
    per[instanced] = found = Program(vertex, fragment)
    return found


class Picker:
    """Draws frames with pick programs into a small id target of one executor's context.

    ``pick(frame, x, y)`` returns ``(draw_number, element_index)`` of the hit nearest to
    physical pixel (x, y) (top-left origin) within ``radius`` pixels, or None.
    """

    def __init__(self, executor, radius: int = 2) -> None:
        self.executor = executor
        self.radius = int(radius)
        n = 2 * self.radius + 1
        ctx = executor.ctx
        self._attachments = [ctx.renderbuffer((n, n), 4), ctx.renderbuffer((n, n), 4)]
        self._depth = ctx.depth_renderbuffer((n, n))
        self.fbo = ctx.framebuffer(color_attachments=self._attachments,
                                   depth_attachment=self._depth)
        self.draws: list[Draw] = []  # the last pick draws (their programs stay compiled)

    def pick_frame(self, frame: Frame, x: float, y: float, pickable=None) -> Frame:
        """The frame redrawn for picking around (x, y); ``pickable(i)`` may exclude
        draw number i."""
        r = self.radius
        ox, oy = int(np.floor(x)) - r, int(np.floor(y)) - r
        out = Frame(size=(2 * r + 1, 2 * r + 1), clear_color=(0.0, 0.0, 0.0, 0.0),
                    pixel_ratio=frame.pixel_ratio)
        for vid, v in frame.views.items():
            vx, vy, vw, vh = v.rect
            exact = None if v.exact is None else (v.exact[0] - ox, v.exact[1] - oy, *v.exact[2:])
            out.views[vid] = FrameView(vid, (vx - ox, vy - oy, vw, vh), v.camera, None, exact)
        for i, d in enumerate(frame.draws):
            if getattr(d, "target", None) is not None:
                out.draws.append(d)  # offscreen passes feed later draws: keep them as they are
                continue
            if pickable is not None and not pickable(i):
                continue
            out.draws.append(replace(
                d, program=pick_program(d.program, d.instances is not None),
                state=replace(d.state, blend=None),
                clip=None if d.clip is None else (d.clip[0] - ox, d.clip[1] - oy, *d.clip[2:]),
                uniforms={**d.uniforms, "u_pick_alpha": PICK_ALPHA},
                int_uniforms={**d.int_uniforms, "u_pick_id": i + 1},
            ))
        return out

    def pick(self, frame: Frame, x: float, y: float, pickable=None) -> tuple[int, int] | None:
        pf = self.pick_frame(frame, x, y, pickable)
        self.draws = [d for d in pf.draws if getattr(d, "target", None) is None]
        self.executor.render(pf, self.fbo)
        n = 2 * self.radius + 1
        ids, index = (
            np.frombuffer(self.fbo.read(viewport=(0, 0, n, n), components=4, attachment=k,
                                        alignment=1), "<u4").reshape(n, n)[::-1]
            for k in (0, 1))
        hit = np.argwhere(ids > 0)
        if not len(hit):
            return None
        c = self.radius
        row, col = hit[np.argmin(((hit - c) ** 2).sum(axis=1))]
        return int(ids[row, col]) - 1, int(index[row, col])

    def keep(self, frame: Frame) -> Frame:
        """``frame`` plus the last pick draws, for ``executor.release_unused`` (so pick
        programs are not recompiled after every render)."""
        return Frame(size=frame.size, views=frame.views, draws=list(frame.draws) + self.draws)

    def release(self) -> None:
        self.fbo.release()
        for rb in (*self._attachments, self._depth):
            rb.release()
        self.draws = []
