"""Frames built by hand for the browser tests, and the Python executor's picture."""

from __future__ import annotations

import math

import numpy as np

from lumos.gpu import Attribute, Buffer, Draw, Frame, Program, State, Texture, View
from lumos.gpu.context import current
from lumos.gpu.executor import ModernGLExecutor, OffscreenTarget

OPAQUE = State(depth_test=False, blend=None)


def render_python(frame: Frame) -> np.ndarray:
    with current() as ctx:
        target = OffscreenTarget(ctx, tuple(frame.size))
        try:
            ModernGLExecutor(ctx).render(frame, target.fbo)
            return target.read()
        finally:
            target.release()


# -- scenes ----------------------------------------------------------------------------
COLOR_VS = """
uniform mat4 u_mvp;
in vec3 a_pos;
in vec4 a_color;  // u1: bytes read as floats 0..255
out vec4 v_color;
void main() {
    gl_Position = u_mvp * vec4(a_pos, 1.0);
    v_color = a_color / 255.0;
}
"""
COLOR_FS = """
in vec4 v_color;
out vec4 f_color;
// A comment that must not end the page's script tag: </script><script>alert(1)</script>
void main() { f_color = v_color; }
"""

SHADED_VS = """
uniform mat4 u_mvp;
uniform mat4 u_modelview;
uniform mat3 u_normal_matrix;
in vec3 a_pos;
in vec3 a_normal;
out vec3 v_normal;
out float v_depth;
void main() {
    gl_Position = u_mvp * vec4(a_pos, 1.0);
    v_normal = u_normal_matrix * a_normal;
    v_depth = -(u_modelview * vec4(a_pos, 1.0)).z;
}
"""
SHADED_FS = """
uniform vec3 u_base;
uniform float u_ambient;
uniform float u_pixel_ratio;
in vec3 v_normal;
in float v_depth;
out vec4 f_color;
void main() {
    float light = max(dot(normalize(v_normal), normalize(vec3(0.3, 0.5, 1.0))), 0.0);
    vec3 c = u_base * (u_ambient + (1.0 - u_ambient) * light);
    c *= 0.75 + 0.125 * u_pixel_ratio;
    f_color = vec4(c * clamp(1.6 - 0.15 * v_depth, 0.0, 1.0), 1.0);
}
"""


def cube(size=1.0):
    """24 vertices (flat normals) and 36 counter-clockwise indices of a cube."""
    pos, nrm, idx = [], [], []
    for axis in range(3):
        for sign in (-1.0, 1.0):
            n = np.zeros(3)
            n[axis] = sign
            u = np.roll([1.0, 0, 0], axis + 1)
            v = np.cross(n, u)
            base = len(pos)
            for a, b in ((-1, -1), (1, -1), (1, 1), (-1, 1)):
                pos.append((n + a * u + b * v) * size / 2)
                nrm.append(n)
            idx += [base, base + 1, base + 2, base, base + 2, base + 3]
    return (np.array(pos, np.float32), np.array(nrm, np.float32), np.array(idx, np.uint32))


def mesh_frame() -> Frame:
    """A turntable view (interpenetrating quads with depth test, a culled shaded cube
    with a model matrix) next to a panzoom view of triangles at x = 1.7e9."""
    frame = Frame(size=(320, 160), clear_color=(1.0, 1.0, 1.0, 1.0))
    frame.views["3d"] = View("3d", (0, 0, 160, 160), {
        "type": "turntable", "center": [0.0, 0.0, 0.0], "azimuth": 30.0, "elevation": 25.0,
        "distance": 5.0, "fov": 45.0}, bgcolor=(0.93, 0.93, 0.96, 1.0))
    frame.views["2d"] = View("2d", (160, 0, 160, 160), {
        "type": "panzoom", "rect": [1.7e9 + 0.25, 0.0, 1e-3, 1e-3]},
        bgcolor=(0.97, 0.95, 0.9, 1.0))

    colors = Program(COLOR_VS, COLOR_FS)
    quads = np.array([
        [-1, -1, 0], [1, -1, 0], [1, 1, 0], [-1, -1, 0], [1, 1, 0], [-1, 1, 0],   # z = 0
        [-1, 0, -1], [1, 0, -1], [1, 0, 1], [-1, 0, -1], [1, 0, 1], [-1, 0, 1],   # y = 0
    ], np.float32)
    quad_colors = np.array([[255, 0, 0, 255], [255, 200, 0, 255], [200, 0, 128, 255]] * 2
                           + [[0, 0, 255, 255], [0, 160, 255, 255], [60, 255, 0, 255]] * 2,
                           np.uint8)
    frame.draws.append(Draw(colors, "3d", "triangles", 12, attributes={
        "a_pos": Attribute(Buffer(quads), 3),
        "a_color": Attribute(Buffer(quad_colors), 4, "u1"),
    }, state=State(depth_test=True, blend=None)))

    pos, nrm, idx = cube(0.8)
    c, s = math.cos(0.5), math.sin(0.5)
    model = np.array([[c, -s, 0, 0.8], [s, c, 0, 0.9], [0, 0, 1.3, 0.5], [0, 0, 0, 1]])
    frame.draws.append(Draw(Program(SHADED_VS, SHADED_FS), "3d", "triangles", 36, attributes={
        "a_pos": Attribute(Buffer(pos), 3), "a_normal": Attribute(Buffer(nrm), 3),
    }, indices=Buffer(idx), uniforms={"u_base": (0.2, 0.6, 0.9), "u_ambient": 0.35},
        state=State(depth_test=True, blend=None, cull="back"), model=model))

    # Triangles 1e-4 wide at x = 1.7e9 (float32 spacing there is 128): only the
    # float64 origin/center cancellation keeps them apart.
    rng = np.random.default_rng(3)
    origin = (1.7e9, 0.0, 0.0)
    local = np.zeros((24, 3), np.float32)
    tri = rng.random((8, 3, 2)) * 7e-4 + rng.random((8, 1, 2)) * 2e-4
    local[:, :2] = tri.reshape(-1, 2) + (0.25, 0.0)  # data x = 1.7e9 + 0.25 + ...
    tri_colors = rng.integers(0, 256, size=(24, 4)).astype(np.uint8)
    tri_colors[:, 3] = 255
    frame.draws.append(Draw(colors, "2d", "triangles", 24, attributes={
        "a_pos": Attribute(Buffer(local), 3),
        "a_color": Attribute(Buffer(tri_colors), 4, "u1"),
    }, origin=origin, state=OPAQUE))
    return frame


TEX_VS = """
uniform mat4 u_mvp;
in vec2 a_pos;
in vec2 a_uv;
out vec2 v_uv;
void main() { gl_Position = u_mvp * vec4(a_pos, 0.0, 1.0); v_uv = a_uv; }
"""
TEX_R_FS = """
uniform sampler2D u_tex;
in vec2 v_uv;
out vec4 f_color;
void main() { float v = texture(u_tex, v_uv).r; f_color = vec4(v, 1.0 - v, 0.5, 1.0); }
"""
TEX_RGBA_FS = """
uniform sampler2D u_tex;
in vec2 v_uv;
out vec4 f_color;
void main() { f_color = vec4(texture(u_tex, v_uv).rgb, 1.0); }
"""
TEX_3D_FS = """
uniform sampler3D u_volume;
uniform float u_z;
in vec2 v_uv;
out vec4 f_color;
void main() { f_color = vec4(texture(u_volume, vec3(v_uv, u_z)).rgb, 1.0); }
"""


def quad(x0, y0, x1, y1) -> Buffer:
    """Two triangles, interleaved (x, y, u, v): attributes read with offset and stride."""
    v = [(x0, y0, 0, 0), (x1, y0, 1, 0), (x1, y1, 1, 1),
         (x0, y0, 0, 0), (x1, y1, 1, 1), (x0, y1, 0, 1)]
    return Buffer(np.array(v, np.float32))


def quad_attributes(buf: Buffer) -> dict:
    return {"a_pos": Attribute(buf, 2, offset=0, stride=16),
            "a_uv": Attribute(buf, 2, offset=8, stride=16)}


def texture_frame() -> Frame:
    """A float32 R texture (linear), a uint8 RGBA texture (nearest) and a slice of a
    uint8 RGB 3D texture whose rows are 9 bytes (unpack alignment 1)."""
    frame = Frame(size=(300, 100), clear_color=(0.2, 0.2, 0.2, 1.0))
    frame.views["v"] = View("v", (0, 0, 300, 100), {"type": "panzoom", "rect": [0, 0, 3, 1]})
    rng = np.random.default_rng(7)
    r32 = Texture(rng.random((6, 8)).astype(np.float32), filter="linear")
    rgba = Texture(rng.choice([0, 80, 160, 255], size=(4, 5, 4)).astype(np.uint8),
                   filter="nearest")
    vol = Texture(rng.integers(0, 256, size=(4, 5, 3, 3)).astype(np.uint8), dim=3,
                  filter="nearest")
    for i, (fs, textures, uniforms) in enumerate([
        (TEX_R_FS, {"u_tex": r32}, {}),
        (TEX_RGBA_FS, {"u_tex": rgba}, {}),
        (TEX_3D_FS, {"u_volume": vol}, {"u_z": 0.6}),
    ]):
        # 88 px quads: nearest-texel boundaries fall between pixel centres, not on them.
        buf = quad(i + 0.04, 0.04, i + 0.92, 0.92)
        frame.draws.append(Draw(Program(TEX_VS, fs), "v", "triangles", 6,
                                attributes=quad_attributes(buf), textures=textures,
                                uniforms=uniforms, state=OPAQUE))
    return frame


INST_VS = """
uniform mat4 u_mvp;
uniform vec4 u_viewport;
in vec2 a_pos;
in vec2 a_offset;
in float a_size;
in vec4 a_color;
$ID_DECL
out vec4 v_color;
flat out uint v_id;
void main() {
    gl_Position = u_mvp * vec4(a_pos * a_size + a_offset, 0.0, 1.0);
    v_color = a_color / 255.0;
    v_id = $ID;
}
"""
INST_FS = """
uniform vec4 u_viewport;
uniform float u_alpha;
uniform int u_mode;
in vec4 v_color;
flat in uint v_id;
out vec4 f_color;
void main() {
    float shade = float(v_id % 3u) / 3.0;
    vec3 c = mix(v_color.rgb, vec3(shade), 0.4);
    if (u_mode == 1) c *= 0.5 + 0.5 * (gl_FragCoord.y - u_viewport.y) / u_viewport.w;
    f_color = vec4(c, u_alpha);
}
"""


def instanced_frame(u4_ids: bool = False) -> Frame:
    """Indexed, instanced squares (per-instance offset/size from one interleaved buffer,
    u1 colors, ids from gl_InstanceID or a u4 attribute) with alpha blending; an
    indexed draw with ``first``; additive blending; a triangle strip."""
    # The view is not centred vertically: u_viewport must use GL's lower-left origin.
    frame = Frame(size=(200, 240), clear_color=(1.0, 1.0, 1.0, 1.0))
    frame.views["v"] = View("v", (0, 10, 200, 200), {"type": "panzoom", "rect": [-1, -1, 2, 2]},
                            bgcolor=(0.9, 1.0, 0.9, 1.0))
    corners = Buffer(np.array([[-1, -1], [1, -1], [1, 1], [-1, 1]], np.float32))
    indices = Buffer(np.array([0, 1, 2, 0, 2, 3], np.uint32))
    n = 12
    rng = np.random.default_rng(11)
    per = np.zeros((n, 4), np.float32)  # x, y, size, unused: stride 16
    per[:, :2] = rng.random((n, 2)) * 1.4 - 0.7
    per[:, 2] = rng.random(n) * 0.15 + 0.1
    inst = Buffer(per)
    cols = rng.integers(0, 256, size=(n, 4)).astype(np.uint8)
    cols[:, 3] = 255
    vs = INST_VS.replace("$ID_DECL", "in uint a_id;" if u4_ids else "")
    prog = Program(vs.replace("$ID", "a_id * 7u" if u4_ids else "uint(gl_InstanceID)"), INST_FS)
    attrs = {
        "a_pos": Attribute(corners, 2),
        "a_offset": Attribute(inst, 2, offset=0, stride=16, divisor=1),
        "a_size": Attribute(inst, 1, offset=8, stride=16, divisor=1),
        "a_color": Attribute(Buffer(cols), 4, "u1", divisor=1),
    }
    if u4_ids:
        attrs["a_id"] = Attribute(Buffer(np.arange(n, dtype=np.uint32)), 1, "u4", divisor=1)
    frame.draws.append(Draw(prog, "v", "triangles", 6, attributes=attrs, indices=indices,
                            instances=n, uniforms={"u_alpha": 0.6},
                            int_uniforms={"u_mode": 1}, state=State(blend="alpha")))
    # Second triangle of the index buffer only (first=3), one instance, additive.
    frame.draws.append(Draw(prog, "v", "triangles", 3, attributes=attrs, indices=indices,
                            first=3, uniforms={"u_alpha": 1.0}, int_uniforms={"u_mode": 0},
                            state=State(blend="add")))
    strip = Buffer(np.array([[-0.9, -0.9], [-0.9, -0.6], [-0.5, -0.95], [-0.4, -0.55],
                             [0.1, -0.9], [0.2, -0.6]], np.float32))
    strip_colors = Buffer(np.array([[0, 0, 255, 255]] * 3 + [[255, 90, 0, 255]] * 3, np.uint8))
    frame.draws.append(Draw(Program(COLOR_VS.replace("vec3 a_pos", "vec2 a_pos").replace(
        "vec4(a_pos, 1.0)", "vec4(a_pos, 0.0, 1.0)"), COLOR_FS), "v", "triangle_strip", 5,
        first=1, attributes={"a_pos": Attribute(strip, 2),
                             "a_color": Attribute(strip_colors, 4, "u1")}, state=OPAQUE))
    return frame


def pixel_ratio_frame() -> Frame:
    """pixel_ratio 2: 320x160 physical pixels shown as 160x80 CSS pixels."""
    frame = mesh_frame()
    frame.pixel_ratio = 2.0
    return frame


def colored_cube(size: float) -> dict:
    """Attributes of a cube with one u1 color per face, for COLOR_VS/COLOR_FS."""
    pos, _, idx = cube(size)
    face = np.array([[230, 60, 50, 255], [250, 170, 30, 255], [60, 180, 75, 255],
                     [40, 120, 230, 255], [150, 70, 200, 255], [90, 90, 90, 255]], np.uint8)
    colors = np.repeat(face, 4, axis=0)
    corners = pos[idx]  # unindexed: 36 vertices
    return {"a_pos": Attribute(Buffer(np.ascontiguousarray(corners)), 3),
            "a_color": Attribute(Buffer(np.ascontiguousarray(colors[idx])), 4, "u1")}


def interaction_frame() -> Frame:
    """Three 150x150 views side by side: panzoom ("pz", a dark square at [0.4, 0.6]^2
    of the data rectangle [0, 1]^2), turntable ("tt") and arcball ("ab") of a cube."""
    frame = Frame(size=(450, 150), clear_color=(1.0, 1.0, 1.0, 1.0))
    frame.views["pz"] = View("pz", (0, 0, 150, 150), {"type": "panzoom", "rect": [0, 0, 1, 1]})
    frame.views["tt"] = View("tt", (150, 0, 150, 150), {
        "type": "turntable", "center": [0.0, 0.0, 0.0], "azimuth": 20.0, "elevation": 30.0,
        "distance": 4.0, "fov": 40.0}, bgcolor=(0.92, 0.92, 0.95, 1.0))
    frame.views["ab"] = View("ab", (300, 0, 150, 150), {
        "type": "arcball", "center": [0.0, 0.0, 0.0], "quaternion": [0.9, 0.3, 0.2, 0.1],
        "distance": 4.0, "fov": 40.0}, bgcolor=(0.95, 0.92, 0.92, 1.0))
    colors = Program(COLOR_VS, COLOR_FS)
    square = np.array([[0.4, 0.4, 0], [0.6, 0.4, 0], [0.6, 0.6, 0],
                       [0.4, 0.4, 0], [0.6, 0.6, 0], [0.4, 0.6, 0]], np.float32)
    frame.draws.append(Draw(colors, "pz", "triangles", 6, attributes={
        "a_pos": Attribute(Buffer(square), 3),
        "a_color": Attribute(Buffer(np.full((6, 4), [20, 20, 20, 255], np.uint8)), 4, "u1"),
    }, state=OPAQUE))
    cube_attrs = colored_cube(1.2)
    for view in ("tt", "ab"):
        frame.draws.append(Draw(colors, view, "triangles", 36, attributes=cube_attrs,
                                state=State(depth_test=True, blend=None, cull="back")))
    return frame


def points_frame() -> Frame:
    """20 points with gl_PointSize = 7."""
    vs = """
uniform mat4 u_mvp;
in vec2 a_pos;
void main() { gl_Position = u_mvp * vec4(a_pos, 0.0, 1.0); gl_PointSize = 7.0; }
"""
    fs = "out vec4 f_color;\nvoid main() { f_color = vec4(0.1, 0.2, 0.8, 1.0); }\n"
    frame = Frame(size=(200, 100))
    frame.views["v"] = View("v", (0, 0, 200, 100), {"type": "panzoom", "rect": [0, 0, 1, 1]})
    pts = Buffer(np.random.default_rng(1).random((20, 2)).astype(np.float32))
    frame.draws.append(Draw(Program(vs, fs), "v", "points", 20,
                            attributes={"a_pos": Attribute(pts, 2)}, state=OPAQUE))
    return frame


def markers_frame() -> Frame:
    """lumos Markers (GL points) of every symbol with edges, in a view inset in the
    canvas, two of them centred just outside it (drawn through Draw.margin)."""
    from lumos import scene, visuals

    canvas = scene.Canvas(size=(300, 120), bgcolor="white")
    view = canvas.add_view(camera="panzoom", rect=(20, 10, 260, 100))
    symbols = ("disc", "square", "triangle", "diamond", "cross", "plus", "star")
    for i, symbol in enumerate(symbols):
        view.add(visuals.Markers(pos=[[i, 0.3], [i, -0.4]], size=[18, 9],
                                 color=["C1", "C2"], symbol=symbol, edge_color="black",
                                 edge_width=1.5))
    view.add(visuals.Markers(pos=[[-0.6, 0.0], [3.0, -1.08]], size=20, color="C0"))
    view.camera.rect = (-0.5, -1.0, 7.0, 2.0)
    return canvas.frame()


def outline_markers_frame() -> Frame:
    """Outline markers (text and an asterisk: distance-field textures) as GL points and,
    one too big for a point, as an instanced quad; edges in a color and in the face
    color."""
    from lumos import scene, visuals
    from lumos.visuals.marker_outline import regular_marker, text_marker

    canvas = scene.Canvas(size=(300, 120), bgcolor="white")
    view = canvas.add_view(camera="panzoom")
    view.add(visuals.Markers(pos=[[0, 0], [1, 0.5]], size=[30, 20], color=["C0", "C3"],
                             symbol=text_marker("$♠$"), edge_color="black", edge_width=1.5))
    view.add(visuals.Markers(pos=[[2, 0], [3, -0.5]], size=24, color=["C1", "C2"],
                             symbol=text_marker(r"$\frac{1}{x}$"), edge_color="face",
                             edge_width=1.0))
    view.add(visuals.Markers(pos=[[4.5, 0]], size=90, color="C4",
                             symbol=text_marker(r"$\clubsuit$")))
    view.add(visuals.Markers(pos=[[6, 0.3]], size=26, color="C5",
                             symbol=regular_marker(6, 2), edge_width=2))
    view.camera.rect = (-0.5, -1.0, 7.0, 2.0)
    return canvas.frame()
