"""The passes of a dashed line's draw that compute the arc length of every drawn point
on screen for the frame's camera (the kernels: :mod:`.line_shaders`): the dash pattern
stays regular under any pan or zoom, in a page too, where the runtime moves the camera
alone."""

from __future__ import annotations

from ..gpu.frame import Attribute, Draw, RenderTarget, State
from ..gpu.resources import Buffer
from .base import DrawContext
from .line_shaders import SCAN_LENGTHS, SCAN_OFFSETS, SCAN_PASSES, SCAN_ROWS, SCAN_WIDTH


def dash_scan(targets: list | None, points: Buffer, ctx: DrawContext, snippet, model,
              n: int, origin: tuple, snap: bool) -> tuple[list[RenderTarget], list[Draw]]:
    """``(targets, passes)``: the scan's three render targets (``targets`` resized, or
    made when None) and the draws that fill them from the ``n`` drawn points of the
    line's position buffer ``points`` (a padding row first); ``snap``: the points are
    measured where the line's vertex shader snaps them."""
    rows = -(-n // SCAN_WIDTH)
    if targets is None:
        targets = [RenderTarget((SCAN_WIDTH, rows), "rgba32f", None),
                   RenderTarget((SCAN_WIDTH, rows), "rgba32f", None),
                   RenderTarget((1, rows), "rgba32f", None)]
    for t in targets:
        t.size = (t.size[0], rows)
    a, b, offsets = targets
    # a runtime that rewrites the points (the page's followers) resizes the
    # targets of the draws that say which line they scan
    follow = {"kind": "dash_scan", "line": points.id}
    # the GL viewport's size, where the scan finds the positions the line's vertex
    # shader snaps
    view_px = [float(v) for v in ctx.viewport or (s * ctx.pixel_ratio for s in ctx.size)]
    opaque = State(blend=None, depth_write=False)
    out = [Draw(
        program=SCAN_LENGTHS.compose(transform=snippet), view=ctx.view_id,
        mode="points", count=n,
        attributes={"a_prev": Attribute(points, 4, "f4", 0, 16),
                    "a_p0": Attribute(points, 4, "f4", 16, 16)},
        uniforms={"u_view_size": view_px, "u_snap": float(snap),
                  **snippet.uniforms}, target=a,
        state=opaque, origin=origin, model=model, follow=follow,
    )]
    source, dest = a, b
    for k in range(SCAN_PASSES):
        out.append(Draw(
            program=SCAN_ROWS.compose(), view=ctx.view_id, mode="triangles", count=3,
            textures={"u_in": source}, int_uniforms={"u_step": 1 << k}, target=dest,
            state=opaque, follow=follow,
        ))
        source, dest = dest, source
    out.append(Draw(
        program=SCAN_OFFSETS.compose(), view=ctx.view_id, mode="triangles", count=3,
        textures={"u_rows": source}, target=offsets, state=opaque, follow=follow,
    ))
    return targets, out
