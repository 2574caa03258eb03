"""The floor: each scene done by a minimal raw moderngl program, what this machine needs.

    python benchmarks/floor.py stream [--channels 32] [--seconds 10] [--frames N]

(``--seconds``: the ring's length; the run pushes 1.5 times that and times the last
``--frames``, 600 by default: the ring fills halfway through them and then wraps.)

The scenes of ``peers.py`` ((a)-(d), run there as the library ``floor``, and without
axes as ``floor-data``) and of ``streams.py`` ((e)) with nothing but numpy, moderngl,
freetype-py and zlib: no figure, no checks of the input; only what the picture
physically needs, drawn the way lumos draws it (the same number of points, segments,
glyphs and pixels at the same size, antialiased in the shader) and read back where the
scene reads back:

(a)/(b) line: the min/max envelope of the 10^6 points per bin of 2^k points (1 to 2
    bins per pixel column of the view, what lumos draws), one instanced quad per
    segment with an antialiased distance-to-segment coverage, 1 px wide, into the plot
    rectangle. A pan (``window.py``) slices the bins of the new x range and uploads them.
(c)/(d) scatter: one GL point per marker (3 px discs, antialiased edge, a viewport
    margin for markers centred just outside), viridis through a 256-entry texture.
(e) stream: the samples of each frame go up as texture rows; every pixel column of
    every channel is drawn from the min/max blocks of the level lumos picks, as one
    quad per channel and block pair with lumos's band coverage, at lumos's line width,
    colors and stacking, with the axes part (``--data-only``: without).
Axes ((a)-(e) and ``window.py``'s 2D scenes; :class:`AxesPart`): every picture of these
scenes, lumos's as matplotlib's and pyqtgraph's, has its 4 spines, major ticks and tick
labels, so the floor draws them too, at matplotlib's default sizes (DejaVu Sans 10 pt,
lumos's bundled file, rasterized once into an atlas); per view only what changes with
the limits: the tick values, their labels, the glyph quads and tick boxes, uploaded and
drawn in two draws. The view has lumos's 5 % margins around the data.
PNG: rows filtered with none, deflated with zlib (level 1, run-length strategy).
"""

from __future__ import annotations

import argparse
import json
import statistics
import struct
import sys
import time
import zlib
from pathlib import Path

import numpy as np

W, H = 1600, 1000
# the plot rectangle (x, y from the top, w, h): what lumos's axes give at 1600 x 1000
# (matplotlib's subplot parameters: left 0.125, right 0.9, bottom 0.11, top 0.88)
PLOT = (200, 120, 1240, 770)
MARGIN = 0.05  # lumos's (matplotlib's) axes.xmargin and axes.ymargin
MARKER_PX = 3.0
COLOR = (0.122, 0.467, 0.706, 1.0)  # C0

_LINE_VS = """#version 330 core
in vec2 a_p0;
in vec2 a_p1;
uniform vec2 u_size;   // plot size in pixels
uniform vec2 u_shift;  // a pan, in clip units
uniform float u_hw;    // half the line width plus the antialiasing half pixel
flat out vec2 v_a;
flat out vec2 v_b;
void main() {
    vec2 a = ((a_p0 + u_shift) * 0.5 + 0.5) * u_size, b = ((a_p1 + u_shift) * 0.5 + 0.5) * u_size;
    vec2 d = b - a;
    float len = length(d);
    vec2 dir = len > 1e-6 ? d / len : vec2(1.0, 0.0);
    vec2 nrm = vec2(-dir.y, dir.x);
    float along = (gl_VertexID == 1 || gl_VertexID == 3) ? 1.0 : 0.0;
    float side = gl_VertexID >= 2 ? 1.0 : -1.0;
    vec2 p = mix(a, b, along) + (2.0 * along - 1.0) * dir * u_hw + side * nrm * u_hw;
    gl_Position = vec4(p / u_size * 2.0 - 1.0, 0.0, 1.0);
    v_a = a;
    v_b = b;
}
"""

_LINE_FS = """#version 330 core
uniform vec2 u_origin;  // window position of the plot's lower left corner
uniform float u_width;
uniform vec4 u_color;
flat in vec2 v_a;
flat in vec2 v_b;
out vec4 f_color;
void main() {
    vec2 p = gl_FragCoord.xy - u_origin, ab = v_b - v_a;
    float t = clamp(dot(p - v_a, ab) / max(dot(ab, ab), 1e-12), 0.0, 1.0);
    float coverage = clamp(0.5 * u_width - length(p - v_a - t * ab) + 0.5, 0.0, 1.0);
    if (coverage <= 0.0) discard;
    f_color = vec4(u_color.rgb, u_color.a * coverage);
}
"""

_POINT_VS = """#version 330 core
in vec2 a_pos;
in float a_value;
uniform vec4 u_map;     // clip = (pos - map.xy) * map.zw + shift
uniform vec2 u_shift;
uniform vec4 u_window;  // the grown viewport: x, y, w, h
uniform float u_extent;
uniform sampler2D u_lut;
flat out vec4 v_color;
flat out vec2 v_center;
void main() {
    gl_Position = vec4((a_pos - u_map.xy) * u_map.zw + u_shift, 0.0, 1.0);
    gl_PointSize = 2.0 * u_extent;
    v_center = (gl_Position.xy * 0.5 + 0.5) * u_window.zw + u_window.xy;
    v_color = texture(u_lut, vec2(a_value, 0.5));
}
"""

_POINT_FS = """#version 330 core
uniform float u_radius;
flat in vec4 v_color;
flat in vec2 v_center;
out vec4 f_color;
void main() {
    float d = length(gl_FragCoord.xy - v_center) - u_radius;
    float alpha = 1.0 - clamp(d + 0.5, 0.0, 1.0);
    if (alpha <= 0.0) discard;
    f_color = vec4(v_color.rgb, v_color.a * alpha);
}
"""


_IMAGE_VS = """#version 330 core
uniform vec2 u_shift;
out vec2 v_uv;
void main() {
    vec2 corner = vec2(gl_VertexID & 1, gl_VertexID >> 1);
    v_uv = vec2(corner.x, 1.0 - corner.y);  // row 0 at the top
    gl_Position = vec4(corner * 2.0 - 1.0 + u_shift, 0.0, 1.0);
}
"""

_IMAGE_FS = """#version 330 core
// matplotlib's antialiasing of a shrunk image (lumos's interpolation='auto' there): Agg's
// hanning kernel widened by the scale, mirrored at the edges, over the texels' colors
// (colormapped once on the CPU); two neighbouring taps are one linear fetch
uniform sampler2D u_rgba;
in vec2 v_uv;
out vec4 f_color;
const float PI = 3.14159265358979;
float hann(float x) { return x < 1.0 ? 0.5 + 0.5 * cos(PI * x) : 0.0; }
int mirror(int i, int n) {
    i = i < 0 ? -1 - i : i;
    return clamp(i >= n ? 2 * n - 1 - i : i, 0, n - 1);
}
// the fetch positions and weights of the taps along one axis; their count
int taps(float t, float sc, int n, out float pos[8], out float w[8]) {
    int i0 = int(ceil(t - 0.5 - sc)), i1 = int(floor(t - 0.5 + sc)), m = 0;
    for (int i = i0; i <= i1 && m < 8; i += 2) {
        float a = hann(abs(float(i) + 0.5 - t) / sc);
        float b = i < i1 ? hann(abs(float(i) + 1.5 - t) / sc) : 0.0;
        int ia = mirror(i, n), ib = mirror(i + 1, n);
        w[m] = a + b;
        pos[m] = float(ia) + 0.5 + (w[m] > 0.0 ? float(ib - ia) * b / w[m] : 0.0);
        m++;
    }
    return m;
}
void main() {
    ivec2 size = textureSize(u_rgba, 0);
    vec2 t = v_uv * vec2(size), dx = dFdx(t), dy = dFdy(t);
    vec2 sc = max(vec2(length(vec2(dx.x, dy.x)), length(vec2(dx.y, dy.y))), 1.0);
    float px[8], wx[8], py[8], wy[8];
    int mx = taps(t.x, sc.x, size.x, px, wx), my = taps(t.y, sc.y, size.y, py, wy);
    vec4 c = vec4(0.0);
    float total = 0.0;
    for (int l = 0; l < my; l++) {
        for (int k = 0; k < mx; k++) {
            c += wx[k] * wy[l] * textureLod(u_rgba, vec2(px[k], py[l]) / vec2(size), 0.0);
            total += wx[k] * wy[l];
        }
    }
    f_color = c / total;
}
"""

_SURFACE_VS = """#version 330 core
in vec3 a_pos;
in vec3 a_normal;
uniform mat4 u_mvp;
out vec3 v_normal;
void main() {
    gl_Position = u_mvp * vec4(a_pos, 1.0);
    v_normal = a_normal;
}
"""

_SURFACE_FS = """#version 330 core
uniform vec4 u_color;
in vec3 v_normal;
out vec4 f_color;
void main() {
    float light = 0.3 + 0.7 * abs(dot(normalize(v_normal), normalize(vec3(1.0, -1.0, 1.0))));
    f_color = vec4(u_color.rgb * light, u_color.a);
}
"""


# -- the axes part: spines, major ticks and their labels -------------------------------
_BOX_VS = """#version 330 core
in vec4 a_box;         // x0, y0, x1, y1 in window pixels (from the bottom left)
uniform vec2 u_size;
flat out vec4 v_box;
void main() {
    vec2 corner = vec2(gl_VertexID & 1, gl_VertexID >> 1);
    vec2 p = mix(a_box.xy - 1.0, a_box.zw + 1.0, corner);  // a pixel more for the AA edge
    gl_Position = vec4(p / u_size * 2.0 - 1.0, 0.0, 1.0);
    v_box = a_box;
}
"""

_BOX_FS = """#version 330 core
flat in vec4 v_box;
out vec4 f_color;
void main() {
    // the part of the pixel the box covers, exact for axis-aligned boxes
    vec2 p = gl_FragCoord.xy;
    vec2 c = clamp(min(p + 0.5, v_box.zw) - max(p - 0.5, v_box.xy), 0.0, 1.0);
    float coverage = c.x * c.y;
    if (coverage <= 0.0) discard;
    f_color = vec4(0.0, 0.0, 0.0, coverage);
}
"""

_GLYPH_VS = """#version 330 core
in vec4 a_rect;        // x, y, w, h in window pixels
in vec4 a_uv;          // x, y, w, h in atlas texels (rows top first)
uniform vec2 u_size;
uniform vec2 u_texels;  // the atlas's size
out vec2 v_uv;
void main() {
    vec2 corner = vec2(gl_VertexID & 1, gl_VertexID >> 1);
    gl_Position = vec4((a_rect.xy + corner * a_rect.zw) / u_size * 2.0 - 1.0, 0.0, 1.0);
    v_uv = (a_uv.xy + vec2(corner.x, 1.0 - corner.y) * a_uv.zw) / u_texels;
}
"""

_GLYPH_FS = """#version 330 core
uniform sampler2D u_atlas;
in vec2 v_uv;
out vec4 f_color;
void main() {
    float coverage = texture(u_atlas, v_uv).r;
    if (coverage <= 0.0) discard;
    f_color = vec4(0.0, 0.0, 0.0, coverage);
}
"""

FONT = Path(__file__).resolve().parents[1] / "lumos" / "fonts" / "DejaVuSans.ttf"
CHARS = "0123456789.\u2212+e"  # what the labels of these scenes' ticks can hold
STEPS = (1.0, 2.0, 2.5, 5.0, 10.0)  # matplotlib's AutoLocator
# matplotlib's defaults (lumos's rcParams), in points: font size, spine width, tick
# length, width and label pad
FONT_PT, SPINE_PT, TICK_PT, TICK_WIDTH_PT, PAD_PT = 10.0, 0.8, 3.5, 0.8, 3.5


def ticks(lo: float, hi: float, length_pt: float, per_label: float) -> tuple[np.ndarray, float]:
    """The major ticks in [lo, hi] (either order) and their step, as AutoLocator puts
    them: about one per ``per_label`` font sizes of axis length, at most 10."""
    lo, hi = min(lo, hi), max(lo, hi)
    bins = min(max(int(length_pt // (FONT_PT * per_label)), 1), 9)
    raw = (hi - lo) / bins
    scale = 10.0 ** np.floor(np.log10(raw))
    step = next(s for s in STEPS if s * scale >= raw * (1 - 1e-10)) * scale
    first = np.ceil(lo / step - 1e-10)
    values = (first + np.arange(int(np.floor(hi / step + 1e-10) - first) + 1)) * step
    return values, step


def labels(values: np.ndarray, step: float) -> list[str]:
    """ScalarFormatter's labels where it needs no offset: the decimals of the step, a
    proper minus sign."""
    decimals = next(d for d in range(12) if abs(step * 10 ** d - round(step * 10 ** d)) < 1e-6)
    return [f"{v + 0.0:.{decimals}f}".replace("-", "\u2212") for v in values]


class AxesPart:
    """Spines, major ticks and tick labels of one axes: a glyph atlas rasterized once;
    for each view its tick values, label strings, glyph quads and tick boxes, drawn in
    two draws."""

    def __init__(self, ctx, size, rect, dpi: float = 100.0) -> None:
        import freetype
        import moderngl

        self.ctx, self.size, self.rect = ctx, size, rect  # rect: GL, from the bottom
        self.px = dpi / 72  # pixels per point
        face = freetype.Face(str(FONT))
        face.set_char_size(int(FONT_PT * 64), 0, int(dpi), int(dpi))
        bitmaps, self.glyphs, x = [], {}, 0
        for ch in CHARS:
            face.load_char(ch, freetype.FT_LOAD_RENDER)
            g = face.glyph
            bm = np.array(g.bitmap.buffer, np.uint8).reshape(g.bitmap.rows, g.bitmap.width)
            # x in the atlas, size, left bearing, top above the baseline, advance
            self.glyphs[ch] = (x, bm.shape[1], bm.shape[0], g.bitmap_left, g.bitmap_top,
                               g.advance.x / 64)
            bitmaps.append(bm)
            x += bm.shape[1] + 1
        face.load_char("l")
        self.ascent = face.glyph.metrics.horiBearingY / 64  # what 'top' aligns
        atlas = np.zeros((max(b.shape[0] for b in bitmaps), x), np.uint8)
        for ch, bm in zip(CHARS, bitmaps, strict=True):
            gx = self.glyphs[ch][0]
            atlas[: bm.shape[0], gx: gx + bm.shape[1]] = bm
        self.atlas = ctx.texture(atlas.shape[::-1], 1, atlas, alignment=1)
        self.atlas.filter = (moderngl.NEAREST, moderngl.NEAREST)
        self.box_prog = ctx.program(vertex_shader=_BOX_VS, fragment_shader=_BOX_FS)
        self.glyph_prog = ctx.program(vertex_shader=_GLYPH_VS, fragment_shader=_GLYPH_FS)
        self.box_prog["u_size"].value = self.glyph_prog["u_size"].value = tuple(size)
        self.glyph_prog["u_texels"].value = (float(atlas.shape[1]), float(atlas.shape[0]))
        self.buffers = {name: ctx.buffer(reserve=64 * 16) for name in ("box", "glyph")}
        self.vaos: dict = {}
        self.counts = (0, 0)
        self.limits = None

    def _write(self, name: str, data: np.ndarray) -> None:
        buf = self.buffers[name]
        if data.nbytes > buf.size:
            buf.orphan(2 * data.nbytes)  # the same buffer object: the vertex arrays hold
        buf.write(data)

    def update(self, xlim, ylim) -> None:
        """The ticks and labels of the view ``xlim``, ``ylim`` (data at the plot's left
        and right, bottom and top), uploaded; nothing when the view did not change."""
        if self.limits == (xlim, ylim):
            return
        self.limits = (xlim, ylim)
        gx, gy, gw, gh = self.rect
        spine, tick, width, pad = (SPINE_PT * self.px, TICK_PT * self.px,
                                   TICK_WIDTH_PT * self.px, PAD_PT * self.px)
        xs, xstep = ticks(*xlim, gw / self.px, 3)  # matplotlib: x labels 3 sizes apart,
        ys, ystep = ticks(*ylim, gh / self.px, 2)  # y labels 2
        px = gx + (xs - xlim[0]) * (gw / (xlim[1] - xlim[0]))
        py = gy + (ys - ylim[0]) * (gh / (ylim[1] - ylim[0]))
        x0, y0, x1, y1 = gx - spine / 2, gy - spine / 2, gx + gw + spine / 2, gy + gh + spine / 2
        boxes = np.concatenate([
            [(x0, y0, x1, y0 + spine), (x0, y1 - spine, x1, y1),  # the spines, centred
             (x0, y0, x0 + spine, y1), (x1 - spine, y0, x1, y1)],  # on the plot's edges
            np.stack([px - width / 2, np.full_like(px, gy - tick), px + width / 2,
                      np.full_like(px, gy)], axis=1),
            np.stack([np.full_like(py, gx - tick), py - width / 2, np.full_like(py, gx),
                      py + width / 2], axis=1)]).astype(np.float32)
        quads = []  # x labels centred under the tick, their top a pad below it
        for text, x in zip(labels(xs, xstep), px, strict=True):
            self._glyphs(quads, text, x, 0.5, gy - tick - pad - self.ascent)
        for text, y in zip(labels(ys, ystep), py, strict=True):  # y: right-aligned, centred
            self._glyphs(quads, text, gx - tick - pad, 1.0, y - self.ascent / 2)
        self._write("box", boxes)
        self._write("glyph", np.array(quads, np.float32))
        self.counts = (len(boxes), len(quads))

    def _glyphs(self, quads: list, text: str, x: float, align: float, baseline: float) -> None:
        glyphs = [self.glyphs[ch] for ch in text]
        pen = x - align * sum(g[5] for g in glyphs)
        base = round(baseline)  # whole pixels: the atlas's texels land on pixels
        for gx, w, h, left, top, advance in glyphs:
            quads.append((round(pen) + left, base + top - h, w, h, gx, 0, w, h))
            pen += advance

    def draw(self) -> None:
        """The boxes (spines, ticks) in one draw, the glyphs in another."""
        import moderngl

        if not self.vaos:
            self.vaos = {
                "box": self.ctx.vertex_array(self.box_prog,
                                             [(self.buffers["box"], "4f/i", "a_box")]),
                "glyph": self.ctx.vertex_array(self.glyph_prog, [
                    (self.buffers["glyph"], "4f 4f/i", "a_rect", "a_uv")])}
        self.atlas.use(0)
        for name, count in zip(("box", "glyph"), self.counts, strict=True):
            self.vaos[name].render(moderngl.TRIANGLE_STRIP, vertices=4, instances=count)


def encode_png(pixels: np.ndarray) -> bytes:
    """(h, w, 4) uint8 rows bottom first (as GL reads them) to PNG bytes."""
    h, w, _ = pixels.shape
    raw = np.empty((h, 1 + 4 * w), np.uint8)
    raw[:, 0] = 0
    raw[:, 1:] = pixels[::-1].reshape(h, -1)  # PNG rows top first: the copy flips
    z = zlib.compressobj(1, zlib.DEFLATED, 15, 9, zlib.Z_RLE)
    data = z.compress(raw) + z.flush()

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", data) + chunk(b"IEND", b""))


def context():
    import moderngl

    # the library names given: glcontext would run `ldconfig -p` twice to find them
    return moderngl.create_context(standalone=True, backend="egl", require=330,
                                   libgl="libGL.so.1", libegl="libEGL.so.1")


class Floor:
    """The operations of ``peers.py``'s libraries (and ``window.py``'s scenes) in raw
    moderngl, into an offscreen framebuffer of ``size`` or, given ``ctx`` and ``fbo``
    (a window's), into that. ``plot`` is the plot rectangle (x, y from the top, w, h).
    With ``axes`` (the default) the plot gets its spines, ticks and tick labels
    (:class:`AxesPart`), as every picture of these scenes has; without, only the data."""

    def __init__(self, size=(W, H), plot=PLOT, ctx=None, fbo=None, samples: int = 0,
                 axes: bool = True, dpi: float = 100.0) -> None:
        import moderngl

        self.mgl = moderngl
        self.size = w, h = size
        self.ctx = ctx = ctx or context()
        self.samples = samples
        self.own_fbo = fbo is None
        # a depth buffer only for the scene that tests depth (``surface``): the 2D
        # pictures need none, and clearing one is memory traffic lumos does not pay
        self.fbo = fbo or ctx.framebuffer(
            color_attachments=[ctx.renderbuffer(size, 4, samples=samples)])
        self.fbo.use()
        ctx.blend_func = (moderngl.SRC_ALPHA, moderngl.ONE_MINUS_SRC_ALPHA,
                          moderngl.ONE, moderngl.ONE_MINUS_SRC_ALPHA)
        self.flags = moderngl.BLEND | moderngl.PROGRAM_POINT_SIZE
        x, y, pw, ph = plot
        self.rect = (x, h - y - ph, pw, ph)  # GL: from the bottom
        self.axes = AxesPart(ctx, size, self.rect, dpi) if axes else None
        self.buffers: dict[str, object] = {}
        self.textures: list = []
        self.draw = None
        self.viewport = None
        self.kind = None
        self.shift = (0.0, 0.0)  # a pan of the data, in clip units of the viewport
        self.home = self.view = None  # the data at the plot's left, right; bottom, top

    def _upload(self, name: str, data: np.ndarray):
        """``data`` into the buffer ``name``, a new one (and vertex array) only when it
        does not fit: a pan's envelope changes length by a few points."""
        buf = self.buffers.get(name)
        if buf is None or buf.size < data.nbytes:
            buf = self.buffers[name] = self.ctx.buffer(data)
            self.vao = None
        else:
            buf.write(data)
        return buf

    @staticmethod
    def _lut_colors() -> np.ndarray:
        """viridis, (256, 4) uint8."""
        lumos_data = Path(__file__).resolve().parents[1] / "lumos" / "data" / "colormaps.npz"
        return np.load(lumos_data)["viridis"]

    def _lut(self):
        lut = self.ctx.texture((256, 1), 4, self._lut_colors())
        lut.repeat_x = lut.repeat_y = False
        return lut

    def _limits(self, xlim, ylim) -> None:
        self.home = self.view = (xlim, ylim)

    # -- (a), (b) ----------------------------------------------------------------------
    def line(self, x, y) -> None:
        self.kind = "line"
        self._limits(_margins(x[0], x[-1]), _margins(y.min(), y.max()))
        self.prog = self.ctx.program(vertex_shader=_LINE_VS, fragment_shader=_LINE_FS)
        self.prog["u_size"].value = self.rect[2:]
        self.prog["u_origin"].value = self.rect[:2]
        self.prog["u_hw"].value = 0.5 + 0.5
        self.prog["u_width"].value = 1.0
        self.prog["u_color"].value = COLOR
        self.vao = None
        self.set_line(x, y)

    def set_line(self, x, y) -> None:
        """The min/max envelope of bins of 2^k points, 1 to 2 per pixel column of the
        view (lumos's level), over all the points; then the part in view."""
        n = len(y)
        (x0, x1), _ = self.home
        in_view = n * (x1 - x0) / (float(x[-1]) - float(x[0]))  # the view has margins
        b = 1 << max(int(np.log2(in_view / self.rect[2])), 0)
        m = n // b
        blocks = y[: m * b].reshape(m, b)
        lo, hi = blocks.argmin(axis=1), blocks.argmax(axis=1)
        base = np.arange(0, m * b, b)
        index = np.empty((m, 2), np.int64)
        np.minimum(lo, hi, out=index[:, 0])
        np.maximum(lo, hi, out=index[:, 1])
        index += base[:, None]
        index = np.concatenate([index.ravel(), np.arange(m * b, n)])
        self.envelope = x[index], y[index]
        self._line_view()

    def _line_view(self) -> None:
        """The envelope's points in the view (and one beyond each side) to clip units,
        uploaded: O(pixel columns)."""
        ex, ey = self.envelope
        (x0, x1), (y0, y1) = self.view
        i0 = max(int(np.searchsorted(ex, x0, "right")) - 1, 0)
        i1 = min(int(np.searchsorted(ex, x1, "left")) + 1, len(ex))
        pts = np.empty((i1 - i0, 2), np.float32)
        pts[:, 0] = (ex[i0:i1] - x0) * (2 / (x1 - x0)) - 1
        pts[:, 1] = (ey[i0:i1] - y0) * (2 / (y1 - y0)) - 1
        buf = self._upload("line", pts)
        if self.vao is None:
            self.vao = self.ctx.vertex_array(self.prog, [])
            for name, offset in (("a_p0", 0), ("a_p1", 8)):
                self.vao.bind(self.prog[name].location, "f", buf, "2f", offset, 8, 1)
        self.draw = (self.vao, self.mgl.TRIANGLE_STRIP, 4, max(len(pts) - 1, 0))

    # -- (c), (d) ----------------------------------------------------------------------
    def scatter(self, x, y, c, size: float = MARKER_PX) -> None:
        ctx = self.ctx
        self.kind = "scatter"
        self.textures = [self._lut()]
        self.prog = ctx.program(vertex_shader=_POINT_VS, fragment_shader=_POINT_FS)
        r = size / 2
        extent = r + 0.5  # every pixel centre the antialiased disc colours
        m = int(np.ceil(extent))
        gx, gy, gw, gh = self.rect
        self.viewport = (gx - m, gy - m, gw + 2 * m, gh + 2 * m)
        self._limits(_margins(x.min(), x.max()), _margins(y.min(), y.max()))
        (x0, x1), (y0, y1) = self.view
        # the view's data rect maps to the inner part of the grown viewport
        self.prog["u_map"].value = ((x0 + x1) / 2, (y0 + y1) / 2,
                                    2 / (x1 - x0) * gw / (gw + 2 * m),
                                    2 / (y1 - y0) * gh / (gh + 2 * m))
        self.prog["u_window"].value = self.viewport
        self.prog["u_extent"].value = extent
        self.prog["u_radius"].value = r
        self.prog["u_lut"].value = 0
        self.pos = np.empty((len(x), 2), np.float32)
        values = ((c - c.min()) / (c.max() - c.min())).astype(np.float32)
        self._upload("values", values)
        self.vao = None
        self.set_scatter(x, y)

    def set_scatter(self, x, y) -> None:
        self.pos[:, 0] = x
        self.pos[:, 1] = y
        self._upload("pos", self.pos)
        if self.vao is None:
            self.vao = self.ctx.vertex_array(self.prog, [
                (self.buffers["pos"], "2f", "a_pos"), (self.buffers["values"], "f", "a_value")])
        self.draw = (self.vao, self.mgl.POINTS, len(x), None)

    # -- window.py's other scenes --------------------------------------------------------
    def image(self, data: np.ndarray) -> None:
        """An image through viridis over the plot (row 0 at the top), shrunk as imshow
        draws it: its colors hanning-filtered (``_IMAGE_FS``)."""
        ctx = self.ctx
        self.kind = "image"
        rows, cols = data.shape
        self._limits((-0.5, cols - 0.5), (rows - 0.5, -0.5))
        lo, hi = float(data.min()), float(data.max())
        lut = self._lut_colors().astype(np.float64)
        x = (data - lo) / (hi - lo) * 255.0  # the lookup as lumos's colormap()
        i = np.minimum(np.floor(x).astype(int), 254)
        f = (x - i)[..., None]
        rgba = np.floor(lut[i] * (1 - f) + lut[i + 1] * f + 0.5).astype(np.uint8)
        tex = ctx.texture((cols, rows), 4, rgba)
        tex.repeat_x = tex.repeat_y = False
        self.textures = [tex]
        self.prog = ctx.program(vertex_shader=_IMAGE_VS, fragment_shader=_IMAGE_FS)
        self.prog["u_rgba"].value = 0
        self.draw = (ctx.vertex_array(self.prog, []), self.mgl.TRIANGLE_STRIP, 4, None)

    def surface(self, vertices: np.ndarray, faces: np.ndarray, mvp: np.ndarray) -> None:
        """A lit, depth-tested triangle mesh (``mvp``: float64 4x4, row-major)."""
        ctx = self.ctx
        self.kind = "surface"
        v = vertices[faces.ravel()]  # flat: three vertices per face
        e1, e2 = v[1::3] - v[0::3], v[2::3] - v[0::3]
        normals = np.repeat(np.cross(e1, e2), 3, axis=0)
        self.prog = ctx.program(vertex_shader=_SURFACE_VS, fragment_shader=_SURFACE_FS)
        self.prog["u_mvp"].write(np.asarray(mvp, np.float32).T.tobytes())
        self.prog["u_color"].value = COLOR
        vao = ctx.vertex_array(self.prog, [
            (ctx.buffer(v.astype(np.float32)), "3f", "a_pos"),
            (ctx.buffer(normals.astype(np.float32)), "3f", "a_normal")])
        self.flags = self.mgl.DEPTH_TEST
        if self.own_fbo:
            self.fbo = ctx.framebuffer(
                color_attachments=[ctx.renderbuffer(self.size, 4, samples=self.samples)],
                depth_attachment=ctx.depth_renderbuffer(self.size, samples=self.samples))
        self.draw = (vao, self.mgl.TRIANGLES, len(v), None)

    # -- all ---------------------------------------------------------------------------
    def pan(self, dx: float, dy: float) -> None:
        """Move the view's content by (dx, dy) pixels (right, up) from where it began, as
        a drag does: new view limits; the line's envelope of the new range uploaded, the
        scatter and image moved by a uniform (their data on the GPU is all there is)."""
        (x0, x1), (y0, y1) = self.home
        gw, gh = self.rect[2:]
        sx, sy = dx * (x1 - x0) / gw, dy * (y1 - y0) / gh
        self.view = ((x0 - sx, x1 - sx), (y0 - sy, y1 - sy))
        if self.kind == "line":
            self._line_view()
        else:
            vw, vh = (self.viewport or self.rect)[2:]
            self.shift = (2 * dx / vw, 2 * dy / vh)

    def paint(self) -> None:
        """Clear and draw the data, then the axes part (its ticks and labels made again
        only when the view moved)."""
        fbo, ctx = self.fbo, self.ctx
        fbo.use()
        ctx.enable_only(self.flags)
        fbo.scissor = None
        # a 2D frame tests no depth: a window's depth buffer is left uncleared (GL clears
        # only what the framebuffer's depth mask lets through)
        fbo.depth_mask = bool(self.flags & self.mgl.DEPTH_TEST)
        fbo.clear(1.0, 1.0, 1.0, 1.0, depth=1.0)
        vao, mode, count, instances = self.draw
        fbo.scissor = self.rect
        fbo.viewport = self.viewport or self.rect
        for unit, tex in enumerate(self.textures):
            tex.use(unit)
        if "u_shift" in self.prog:
            self.prog["u_shift"].value = self.shift
        vao.render(mode, vertices=count, instances=instances or 1)
        if self.axes is not None:
            self.axes.update(*self.view)
            fbo.scissor = None
            fbo.viewport = (0, 0, *self.size)
            ctx.enable_only(self.mgl.BLEND)
            self.axes.draw()

    def pixels(self) -> np.ndarray:
        """Draw and read back: (h, w, 4) uint8, bottom row first."""
        self.paint()
        w, h = self.size
        return np.frombuffer(self.fbo.read(components=4), np.uint8).reshape(h, w, 4)

    def render(self):
        return self.pixels()

    def save(self, path) -> None:
        Path(path).write_bytes(encode_png(self.pixels()))


def _margins(lo, hi, margin: float = MARGIN) -> tuple[float, float]:
    """Data limits grown by lumos's (matplotlib's) default 5 % margins."""
    lo, hi = float(lo), float(hi)
    return lo - margin * (hi - lo), hi + margin * (hi - lo)


# -- (e) ------------------------------------------------------------------------------
_BAND_VS = """#version 330 core
uniform sampler2D u_env;  // RG: min, max of a block; texel (channel, block % slots)
uniform int u_slots;
uniform int u_first;      // slot of the first block drawn
uniform int u_entries;    // blocks drawn per channel
uniform vec2 u_kx;        // window x of block e: u_kx.x + e * u_kx.y
uniform vec3 u_ky;        // window y of value v, channel c: u_ky.x + (v + (C-1-c) u_ky.z) u_ky.y
uniform int u_channels;
uniform float u_hw;
uniform vec2 u_size;
uniform vec4 u_cycle[10];  // lumos's default colors: channel c is C(c % 10)
flat out vec4 v_edge0;
flat out vec4 v_edge1;
flat out vec4 v_color;

vec2 span(int channel, int e) {
    e = clamp(e, 0, u_entries - 1);
    vec2 v = texelFetch(u_env, ivec2(channel, (u_first + e) % u_slots), 0).rg;
    vec2 y = u_ky.x + (v + float(u_channels - 1 - channel) * u_ky.z) * u_ky.y;
    return vec2(min(y.x, y.y), max(y.x, y.y));
}

vec2 edge(vec2 a, vec2 b, vec2 c, float dx, float hw) {
    vec2 s = max(abs(b - a), abs(c - b)) / dx;
    vec2 w = hw * sqrt(1.0 + s * s);
    return vec2(max(b.x - w.x, min(min(a.x, b.x), c.x) - hw),
                min(b.y + w.y, max(max(a.y, b.y), c.y) + hw));
}

void main() {
    // one triangle strip per channel (an instance): vertex 2e at the band's lower edge
    // at block e, 2e + 1 at its upper edge; the flat outputs of the vertices of block e
    // are the band of the pair (e - 1, e), whose triangles they end (provoking vertex)
    int channel = gl_InstanceID;
    int e = gl_VertexID / 2;
    v_color = u_cycle[channel % 10];
    vec2 p = span(channel, e - 2), a = span(channel, e - 1), b = span(channel, e);
    vec2 n = span(channel, e + 1);
    float xb = u_kx.x + float(e) * u_kx.y, xa = xb - u_kx.y;
    vec2 ea = edge(p, a, b, u_kx.y, u_hw), eb = edge(a, b, n, u_kx.y, u_hw);
    v_edge0 = vec4(xa, ea.y, xb, eb.y);
    v_edge1 = vec4(xa, ea.x, xb, eb.x);
    vec2 q = vec2(xb, (gl_VertexID & 1) == 1 ? eb.y + 1.0 : eb.x - 1.0);
    gl_Position = vec4(q / u_size * 2.0 - 1.0, 0.0, 1.0);
}
"""

_BAND_FS = """#version 330 core
flat in vec4 v_edge0;
flat in vec4 v_edge1;
flat in vec4 v_color;
out vec4 f_color;

float below(vec2 p, vec2 a, vec2 b) {
    vec2 d = b - a;
    return -(d.x * (p.y - a.y) - d.y * (p.x - a.x)) / length(d);
}

void main() {
    vec2 p = gl_FragCoord.xy;
    float coverage = clamp(below(p, v_edge0.xy, v_edge0.zw) + 0.5, 0.0, 1.0)
                   * clamp(0.5 - below(p, v_edge1.xy, v_edge1.zw), 0.0, 1.0);
    if (coverage <= 0.0) discard;
    f_color = vec4(v_color.rgb, v_color.a * coverage);
}
"""


# lumos's default colors (matplotlib's tab10 cycle, C0..C9) and line width (1.5 pt)
CYCLE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
         "#7f7f7f", "#bcbd22", "#17becf"]
STREAM_WIDTH_PX = 1.5 * 100 / 72


class StreamFloor:
    """Scene (e) at the floor: pushed samples become min/max blocks of the level lumos
    draws (1 to 2 per pixel column) in a texture ring; a frame draws every channel's
    band from them, one triangle strip per channel, laid out as lumos's picture is
    (its line width and colors, channels 1.2 x the largest range seen apart, the
    newest ``capacity`` samples across the plot, 5 % y margins), and the axes part
    (spines, ticks, labels), made again when the limits move: every frame once the
    window scrolls."""

    def __init__(self, channels: int, capacity: int, rate: int, size=(W, H),
                 axes: bool = True) -> None:
        import moderngl

        self.mgl = moderngl
        self.ctx = ctx = context()
        self.size = w, h = size
        self.fbo = ctx.framebuffer(color_attachments=[ctx.renderbuffer(size, 4)])
        self.fbo.use()
        ctx.enable_only(moderngl.BLEND)
        ctx.blend_func = (moderngl.SRC_ALPHA, moderngl.ONE_MINUS_SRC_ALPHA,
                          moderngl.ONE, moderngl.ONE_MINUS_SRC_ALPHA)
        self.channels, self.capacity, self.rate = channels, capacity, rate
        px, py, pw, ph = PLOT
        self.block = 1 << max(int(np.log2(capacity / pw)), 3)
        self.slots = -(-capacity // self.block) + 1
        self.tex = ctx.texture((channels, self.slots), 2,
                               np.zeros((self.slots, channels, 2), np.float32), dtype="f4")
        self.tex.filter = (moderngl.NEAREST, moderngl.NEAREST)
        self.prog = prog = ctx.program(vertex_shader=_BAND_VS, fragment_shader=_BAND_FS)
        prog["u_size"].value = (w, h)
        prog["u_env"].value = 0
        prog["u_slots"].value = self.slots
        prog["u_channels"].value = channels
        prog["u_hw"].value = 0.5 * STREAM_WIDTH_PX
        prog["u_cycle"].value = [tuple(int(c[i:i + 2], 16) / 255 for i in (1, 3, 5)) + (1.0,)
                                 for c in CYCLE]
        self.vao = ctx.vertex_array(prog, [])
        self.plot = (px, h - py - ph, pw, ph)
        self.axes = AxesPart(ctx, size, self.plot) if axes else None
        self.pending = np.zeros((0, channels), np.float32)  # samples of an unfinished block
        self.head = 0  # blocks so far
        self.count = 0  # samples so far
        self.lo, self.hi, self.range = np.inf, -np.inf, 0.0  # what lumos's limits follow

    def push(self, samples: np.ndarray) -> None:
        lo, hi = samples.min(axis=0), samples.max(axis=0)
        self.lo, self.hi = min(self.lo, float(lo.min())), max(self.hi, float(hi.max()))
        self.range = max(self.range, float((hi - lo).max()))
        self.count += len(samples)
        pending = np.concatenate([self.pending, samples])
        k = len(pending) // self.block
        if k:
            part = pending[: k * self.block].reshape(k, self.block, self.channels)
            mm = np.stack([part.min(axis=1), part.max(axis=1)], axis=-1)
            s0 = self.head % self.slots
            first = min(k, self.slots - s0)  # one or two ranges of texture rows
            self.tex.write(mm[:first], viewport=(0, s0, self.channels, first))
            if k > first:
                self.tex.write(mm[first:], viewport=(0, 0, self.channels, k - first))
            self.head += k
        self.pending = pending[k * self.block:]

    def frame(self) -> None:
        entries = min(self.head, self.slots - 1)
        fbo, prog = self.fbo, self.prog
        fbo.scissor = None
        fbo.clear(1.0, 1.0, 1.0, 1.0)
        x0, x1, y0, y1 = 0.0, 1.0, 0.0, 1.0  # lumos's limits before two samples
        if entries >= 2:
            gx, gy, gw, gh = self.plot
            first = self.head - entries
            # lumos's limits: x the newest capacity samples (the first capacity before
            # the ring is full), y the samples seen with the stacking, 5 % margins
            last = max(self.count - 1, self.capacity - 1)
            x0, x1 = (last - self.capacity + 1) / self.rate, last / self.rate
            spacing = 1.2 * self.range
            y0, y1 = _margins(self.lo, self.hi + (self.channels - 1) * spacing)
            kx = gw / (x1 - x0)  # pixels per second
            centre = (first * self.block + (self.block - 1) / 2) / self.rate
            prog["u_first"].value = first % self.slots
            prog["u_entries"].value = entries
            prog["u_kx"].value = (gx + (centre - x0) * kx, self.block / self.rate * kx)
            scale = gh / (y1 - y0)
            prog["u_ky"].value = (gy - y0 * scale, scale, spacing)
            fbo.scissor = self.plot
            self.tex.use(0)
            self.vao.render(self.mgl.TRIANGLE_STRIP, vertices=2 * entries,
                            instances=self.channels)
        if self.axes is not None:  # drawn before the data too, as lumos's are
            fbo.scissor = None
            self.axes.update((x0, x1), (y0, y1))
            self.axes.draw()
        self.ctx.finish()


#: seconds of data a stream run pushes, per second of its ring: 1.5 runs 15 s through a
#: 10 s ring, so that the 600 frames timed by default fill it and then wrap it
STREAM_DATA_PER_RING = 1.5
STREAM_FPS = 60


def stream_blocks(channels: int, seconds: float, rate: int) -> list[np.ndarray]:
    """The samples of scene (e), one (k, channels) float32 block per 1/60 s frame (166 or
    167 samples, ``rate`` a second exactly) for ``STREAM_DATA_PER_RING * seconds`` of
    data (``seconds``: the ring's length): sines of 1 Hz, 2 Hz, ... plus noise. The same
    for lumos (``streams.py``) and the floor; made before any timing."""
    rng = np.random.default_rng(0)
    freqs = 1.0 + np.arange(channels)
    total = int(round(STREAM_DATA_PER_RING * seconds * STREAM_FPS))
    bounds = np.round(np.arange(total + 1) * rate / STREAM_FPS).astype(int)
    blocks = []
    for i in range(total):
        t = np.arange(bounds[i], bounds[i + 1]) / rate
        blocks.append((np.sin(2 * np.pi * freqs[None, :] * t[:, None])
                       + 0.2 * rng.standard_normal((len(t), channels))).astype(np.float32))
    return blocks


def stream_split(blocks: list, frames: int | None,
                 seconds: float) -> tuple[list, list, int]:
    """(pushed before timing, timed, the timed frame whose push fills the ring: the later
    ones wrap it, 0 if it was full before): the timed frames are the last ``frames`` (default
    ``seconds * 60``, the ring's length in frames) and at least one block goes before
    them, so that the untimed warm-up frame draws data: llvmpipe compiles the shader
    variants of a frame with data at its first such draw, which would otherwise land
    in the first timed frame (as it did until 2026-12-05, when the warm-up frame drew
    an empty ring and the 600 timed frames filled it without ever wrapping)."""
    timed = max(min(int(round(seconds * STREAM_FPS)) if frames is None else frames,
                    len(blocks) - 1), 1)
    warm = len(blocks) - timed
    return blocks[:warm], blocks[warm:], max(int(round(seconds * STREAM_FPS)) - warm - 1, 0)


def stream(channels: int = 32, seconds: float = 10.0, rate: int = 10_000,
           size: tuple[int, int] = (W, H), frames: int | None = None,
           axes: bool = True) -> dict:
    """Scene (e) at the floor, timed like ``streams.py``: frames of 1/60 s of samples
    (push, upload, draw, glFinish); ``axes=False``: the data alone."""
    f = StreamFloor(channels, int(rate * seconds), rate, size, axes=axes)
    warm, blocks, filled = stream_split(stream_blocks(channels, seconds, rate), frames,
                                        seconds)
    for b in warm:  # pushed untimed, as streams.py does, then a frame with data
        f.push(b)
    f.frame()
    frames = len(blocks)
    frame_s, first_cpu = [], None
    cpu0, thread0 = time.process_time(), time.thread_time()
    for b in blocks:
        start = time.perf_counter()
        f.push(b)
        f.frame()
        frame_s.append(time.perf_counter() - start)
        if first_cpu is None:  # a shader variant compiled in a timed frame would show here
            first_cpu = time.thread_time() - thread0
    return {"channels": channels, "frames": frames, "warm_frames": len(warm),
            "ring_full_at_frame": filled,
            "cpu_ms_per_frame": 1000 * (time.process_time() - cpu0) / frames,
            # the calling thread's part (streams.py's frame_cpu_ms_mean): the serial one
            # with llvmpipe's threads (vertex shading, binning)
            "thread_cpu_ms_per_frame": 1000 * (time.thread_time() - thread0) / frames,
            "thread_cpu_ms_first": 1000 * first_cpu,
            "frame_ms_mean": 1000 * statistics.mean(frame_s),
            "frame_ms_median": 1000 * statistics.median(frame_s),
            "frame_ms_p99": 1000 * float(np.percentile(frame_s, 99)),
            "frame_ms_worst": 1000 * max(frame_s),
            # the slowest 1 % one by one, the slowest first (streams.py's "slowest")
            "slowest": [{"frame": int(i), "ms": 1000 * frame_s[i]}
                        for i in np.argsort(frame_s)[::-1][:max(frames // 100, 1)]]}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--json", action="store_true", help="print one JSON object")
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("stream")
    s.add_argument("--channels", type=int, default=32)
    s.add_argument("--seconds", type=float, default=10.0)
    s.add_argument("--rate", type=int, default=10_000)
    s.add_argument("--frames", type=int, default=None,
                   help="frames to time, the last of the run's (default: the ring's 600)")
    s.add_argument("--data-only", action="store_true", help="no axes part (spines, ticks, "
                   "labels): what the floor of (e) drew until 2026-12-03")
    a = p.parse_args()
    r = stream(a.channels, a.seconds, a.rate, frames=a.frames, axes=not a.data_only)
    if a.json:
        print(json.dumps(r))
    else:
        print(f"floor, {a.channels} channels: frame mean {r['frame_ms_mean']:.1f} ms, p99 "
              f"{r['frame_ms_p99']:.1f} ms, worst {r['frame_ms_worst']:.1f} ms; "
              f"{r['cpu_ms_per_frame']:.1f} ms of CPU per frame (all threads; "
              f"{r['thread_cpu_ms_per_frame']:.1f} ms on this one); the slowest "
              "frames: " + ", ".join(f"#{f['frame']} {f['ms']:.1f} ms" for f in r["slowest"]))


if __name__ == "__main__":
    sys.exit(main())
