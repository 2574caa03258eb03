"""
Write your own visual
=====================

A visual is a small Python class that owns GPU buffers and describes *draws*: a GLSL
program, the attributes it reads, its uniforms and render state. lumos does the rest —
uploads, the window, picking, the notebook and the browser — because a draw is plain
data. This page writes one from scratch: rings of a fixed size in pixels, one instanced
draw, antialiased in the fragment shader. Its longer companion is
:doc:`../writing-a-visual`.
"""

# %%
# The shaders
# -----------
# Modern OpenGL draws triangles and runs two small programs on the GPU: the *vertex
# shader* once per vertex (where is it on the screen?) and the *fragment shader* once
# per pixel covered (what color?). Here each ring is one instance of a 4-vertex
# triangle strip — a square around the point — and the fragment shader keeps the pixels
# at the ring's radius.
#
# Write GLSL in the common subset of GLSL 3.30 and GLSL ES 3.00: the browser runs the
# same source. ``glsl.SCREEN`` declares the uniforms every visual gets (``u_mvp``,
# ``u_viewport``, ``u_pixel_ratio``); ``$transform`` is the hook through which axes
# projections (log, polar, ...) bend the visual, and ``#pragma snippets`` is where
# their GLSL goes.

import numpy as np

from lumos import scene
from lumos.gpu.frame import Attribute, Draw, State
from lumos.gpu.resources import Buffer
from lumos.shaders import ShaderTemplate
from lumos.visuals import Visual, glsl
from lumos.visuals.base import DrawContext, as_positions, rgba_bytes, split_origin, transform_parts

RINGS = ShaderTemplate(
    vertex=glsl.SCREEN + """
in vec3 a_pos;
in vec4 a_color;
uniform float u_radius;
out vec4 v_color;
out vec2 v_offset;
#pragma snippets

void main() {
    vec4 c = u_mvp * $transform(vec4(a_pos, 1.0));
    vec2 corner = vec2((gl_VertexID == 1 || gl_VertexID == 3) ? 1.0 : -1.0,
                       gl_VertexID >= 2 ? 1.0 : -1.0);
    vec2 offset = corner * (u_radius + 2.0) * u_pixel_ratio;     // pixels
    gl_Position = c + vec4(offset / u_viewport.zw * 2.0 * c.w, 0.0, 0.0);
    v_offset = offset;
    v_color = a_color / 255.0;
}
""",
    fragment="""
uniform float u_radius;
uniform float u_pixel_ratio;
in vec4 v_color;
in vec2 v_offset;
out vec4 f_color;

void main() {
    // distance to the ring in pixels; one pixel of smooth edge on each side
    float d = abs(length(v_offset) - u_radius * u_pixel_ratio) - 1.0 * u_pixel_ratio;
    float coverage = clamp(0.5 - d, 0.0, 1.0);
    if (coverage <= 0.0) discard;
    f_color = vec4(v_color.rgb, v_color.a * coverage);
}
""",
)

# %%
# The visual
# ----------
# It keeps its points in float64 and uploads float32 offsets from an origin
# (``split_origin``): zooming into large coordinates must not jitter. ``bounds`` tells
# cameras where the data is; ``draws`` describes one instanced draw. The ``Buffer``
# objects carry versions, so changing the points later uploads them once, wherever the
# frame is drawn.


class Rings(Visual):
    """Rings of one radius in pixels at many points."""

    def __init__(self, pos, radius: float = 8.0, color=(0.1, 0.4, 0.8, 1.0)) -> None:
        super().__init__()
        self.radius = float(radius)
        self._pos = Buffer(np.zeros((0, 3), np.float32))
        self._colors = Buffer(np.zeros((0, 4), np.uint8))
        self.set_data(pos, color)

    def set_data(self, pos, color) -> None:
        """New points (n, 2) or (n, 3), and one color or one per point."""
        self._points = as_positions(pos)
        self._origin, local, _ = split_origin(self._points)
        self._pos.set_data(local)
        rgba = np.broadcast_to(np.asarray(color, float), (len(self._points), 4))
        self._colors.set_data(rgba_bytes(rgba))

    def bounds(self):
        return self._bounds_of(self._points)

    def draws(self, ctx: DrawContext) -> list[Draw]:
        snippet, model = transform_parts(self)
        return [Draw(
            program=RINGS.compose(transform=snippet), view=ctx.view_id,
            mode="triangle_strip", count=4, instances=len(self._points),
            attributes={"a_pos": Attribute(self._pos, 3, "f4", 0, 12, 1),
                        "a_color": Attribute(self._colors, 4, "u1", 0, 4, 1)},
            uniforms={"u_radius": self.radius, **snippet.uniforms},
            state=State(depth_test=ctx.is_3d, blend="alpha"),
            origin=tuple(self._origin), model=model,
        )]


# %%
# From buffers to a picture
# -------------------------
# Add it to a view of a canvas like any visual. ``canvas.save`` renders offscreen
# (headless: no window, no display needed).

t = np.linspace(0, 4 * np.pi, 60)
pos = np.c_[t * np.cos(t), t * np.sin(t)]
colors = np.c_[0.5 + 0.5 * np.cos(t / 2), 0.3 + 0.0 * t, 0.5 - 0.5 * np.cos(t / 2), 0.0 * t + 1]

canvas = scene.Canvas(size=(500, 400), pixel_ratio=1, bgcolor="white")
view = canvas.add_view(camera="panzoom")
rings = Rings(pos, radius=9, color=colors)
view.add(rings)
view.camera.set_range()
canvas.save("rings.png")

# %%
# The window, the notebook and the page
# -------------------------------------
# Nothing above is specific to where the picture goes:
#
# * ``canvas.show()`` (``pip install 'lumos[window]'``) opens a window: drag pans,
#   the wheel zooms, and the ring shader runs on every frame;
# * the last line of a Jupyter cell being a figure shows the notebook widget, which
#   receives the frame — your GLSL included — and draws it with WebGL2 in the page;
# * ``canvas.save("rings.html")`` writes a standalone page that does the same without
#   Python.
#
# The frame carries the program source, so the browser compiles exactly the shaders
# above:

import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

page = canvas.save(Path(tempfile.mkdtemp()) / "rings.html")
doc, _ = canvas.frame().to_json()
program = doc["programs"][doc["draws"][0]["program"]]
print(f"{page.name}: {page.stat().st_size / 1024:.0f} KiB; the fragment shader the "
      f"browser compiles has {len(program['fragment'].splitlines())} lines")

# %%
# Changing data, picking
# ----------------------
# ``set_data`` moves the rings: the next draw uploads the new buffer contents once.
# Picking needs no code in the visual either: every program gets a pick twin by source
# rewriting, and a pick returns the visual and the instance under the pixel.

rings.set_data(pos * 0.5, colors)
img = canvas.render()
ys, xs = np.nonzero(img[..., 0].astype(int) - img[..., 2].astype(int) > 100)  # a red ring
hit = canvas.pick(float(xs[0]), float(ys[0]))
print(f"pixel ({xs[0]}, {ys[0]}): {hit}")
canvas.save("rings_moved.png")
