"""Drawing a frame in tiles: pictures larger than the context's framebuffer limit.

A tile is a rectangle of the frame (pixels from the top left) drawn into a framebuffer
of the tile's size. Each view keeps its full rectangle for every pixel computation of
its shaders (``u_viewport``, ``gl_FragCoord``, line widths and marker sizes in pixels);
only its GL viewport is cut to the part inside the tile, and a twin of each program
maps the full view's clip space onto that part (``u_tile_crop``). The GL viewport so
never exceeds the tile, however large the view (a poster's decorations cover it all).
"""

from __future__ import annotations

import re
import weakref

from .resources import Program

MAIN = re.compile(r"\bvoid\s+main\s*\(\s*(?:void)?\s*\)")

_VERTEX_TAIL = """
uniform vec4 u_tile_crop;  // xy: scale, zw: offset from the view's clip space to the tile's
void main() {
    lumos_tile_user_main();
    gl_Position.xy = gl_Position.xy * u_tile_crop.xy + u_tile_crop.zw * gl_Position.w;
}
"""

_cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def tile_program(program: Program) -> Program:
    """The twin of ``program`` whose vertex stage crops clip space (cached while
    ``program`` lives)."""
    found = _cache.get(program)
    if found is None:
        if not MAIN.search(program.vertex):
            raise ValueError(f"program {program.id}: tiles need a main() in the vertex stage")
        vertex = MAIN.sub("void lumos_tile_user_main()", program.vertex, count=1) + _VERTEX_TAIL
        found = _cache[program] = Program(vertex, program.fragment)
    return found


def crop(full: tuple, part: tuple) -> tuple[float, float, float, float]:
    """``u_tile_crop`` taking clip space over the GL rect ``full`` (x, y, w, h) to clip
    space over the GL rect ``part`` inside it."""
    fx, fy, fw, fh = full
    px, py, pw, ph = part
    return (fw / pw, fh / ph, (fw + 2 * (fx - px)) / pw - 1, (fh + 2 * (fy - py)) / ph - 1)


def intersect(a: tuple, b: tuple) -> tuple[int, int, int, int] | None:
    """The overlap of two (x, y, w, h) rectangles, or None when they do not overlap."""
    x0, y0 = max(a[0], b[0]), max(a[1], b[1])
    x1, y1 = min(a[0] + a[2], b[0] + b[2]), min(a[1] + a[3], b[1] + b[3])
    if x1 <= x0 or y1 <= y0:
        return None
    return (x0, y0, x1 - x0, y1 - y0)


def tiles(size: tuple[int, int], side: int):
    """(x, y, side, side) tiles from the top left covering ``size``; those on the right
    and bottom edges reach beyond it."""
    w, h = size
    for y in range(0, h, side):
        for x in range(0, w, side):
            yield (x, y, side, side)
