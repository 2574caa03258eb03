"""Hand-built frames for the 3D features of the frame description (polygon offset,
depth targets, 3D textures of every dtype, front culling, alpha to coverage,
``u_projection``), run by the Python executor tests and by the browser comparisons."""

from __future__ import annotations

import numpy as np

from lumos.gpu import Attribute, Buffer, Draw, Frame, Program, State, Texture, View
from lumos.gpu.camera_math import camera_parts, draw_matrices
from lumos.gpu.frame import RenderTarget

TURNTABLE = {"type": "turntable", "center": [0.0, 0.0, 0.0], "azimuth": 25.0,
             "elevation": 35.0, "distance": 4.0, "fov": 40.0}

FLAT_VS = """
uniform mat4 u_mvp;
in vec3 a_pos;
void main() { gl_Position = u_mvp * vec4(a_pos, 1.0); }
"""
FLAT_FS = """
uniform vec4 u_color;
out vec4 f_color;
void main() { f_color = u_color; }
"""
QUAD_VS = """
in vec2 a_pos;
out vec2 v_uv;
void main() { gl_Position = vec4(a_pos, 0.0, 1.0); v_uv = a_pos * 0.5 + 0.5; }
"""
QUAD = np.array([[-1, -1], [1, -1], [-1, 1], [1, 1]], np.float32)


def flat_draw(view: str, pos: np.ndarray, color, **state) -> Draw:
    return Draw(Program(FLAT_VS, FLAT_FS), view, "triangles", len(pos),
                attributes={"a_pos": Attribute(Buffer(np.asarray(pos, np.float32)), 3)},
                uniforms={"u_color": tuple(color)},
                state=State(depth_test=True, blend=None, **state))


def plane(n: int = 1, size: float = 1.0) -> np.ndarray:
    """The z = 0 square [-size, size]^2 as n x n cells of two triangles each."""
    g = np.linspace(-size, size, n + 1)
    tris = []
    for i in range(n):
        for j in range(n):
            a, b, c, d = ((g[i], g[j]), (g[i + 1], g[j]), (g[i + 1], g[j + 1]), (g[i], g[j + 1]))
            tris += [a, b, c, a, c, d]
    return np.c_[np.array(tris), np.zeros(len(tris))]


def strips(count: int = 7, width: float = 0.03, size: float = 1.0) -> np.ndarray:
    """Thin strips on the z = 0 plane along x and y (a wireframe made of triangles,
    as lumos draws thick lines), with vertices unlike the plane's."""
    tris = []
    for t in np.linspace(-size * 0.9, size * 0.9, count):
        for k in (0, 1):
            a = np.array([[-size, t - width], [size, t - width], [size, t + width],
                          [-size, t + width]])
            if k:
                a = a[:, ::-1]
            tris += [a[0], a[1], a[2], a[0], a[2], a[3]]
    return np.c_[np.array(tris), np.zeros(len(tris))]


def offset_frame(offset, strips_only: bool = False) -> Frame:
    """A red surface (z = 0) with a blue triangle wireframe on the same plane."""
    frame = Frame(size=(160, 120), clear_color=(1.0, 1.0, 1.0, 1.0))
    frame.views["v"] = View("v", (0, 0, 160, 120), dict(TURNTABLE))
    if not strips_only:
        frame.draws.append(flat_draw("v", plane(3), (0.9, 0.1, 0.1, 1.0),
                                     polygon_offset=offset))
    frame.draws.append(flat_draw("v", strips(), (0.1, 0.2, 0.9, 1.0)))
    return frame


DEPTH_FS = """
uniform sampler2D u_depth;
uniform vec4 u_viewport;
out vec4 f_color;
void main() {
    float d = texelFetch(u_depth, ivec2(gl_FragCoord.xy - u_viewport.xy), 0).r;
    f_color = vec4(d, 1.0 - d, 0.0, 1.0);
}
"""


# (z, (x0, x1, y0, y1)) of the far and the near plane of depth_target_frame
PLANES = ((-0.5, (-1.0, 1.0, -1.0, 1.0)), (0.4, (-0.3, 0.7, -0.4, 0.6)))


def depth_target_frame() -> tuple[Frame, RenderTarget, RenderTarget]:
    """Two overlapping planes drawn into a view-sized target with depth (the nearer
    wins by depth test inside the target), then its depth sampled into an rgba32f
    target and onto the screen."""
    frame = Frame(size=(140, 100), clear_color=(1.0, 1.0, 1.0, 1.0))
    frame.views["v"] = View("v", (10, 6, 120, 88), dict(TURNTABLE))
    scene = RenderTarget(size="view", format="rgba8", depth=True)
    out = RenderTarget(size="view", format="rgba32f")
    (zf, (x0, _, y0, _)), (zn, (x1, _, y1, _)) = PLANES
    far = plane() * [1.0, 1.0, 0.0] + [0.0, 0.0, zf]
    near = plane() * [0.5, 0.5, 0.0] + [x1 + 0.5, y1 + 0.5, zn]
    for pos, color in ((near, (0, 0, 1, 1)), (far, (0, 1, 0, 1))):
        d = flat_draw("v", pos, color)
        d.target = scene
        frame.draws.append(d)
    quad = Buffer(QUAD)
    program = Program(QUAD_VS, DEPTH_FS)
    for target in (out, None):
        frame.draws.append(Draw(program, "v", "triangle_strip", 4,
                                attributes={"a_pos": Attribute(quad, 2)},
                                textures={"u_depth": scene.depth_texture}, target=target,
                                state=State(blend=None)))
    return frame, scene, out


def expected_plane_depth(frame: Frame, z: float, pixels: np.ndarray):
    """The depth buffer value of the plane z = const at view pixels (col, row from the
    top), computed in float64 from the camera (what the depth texture must hold), and
    the points of the plane hit there."""
    view = frame.views["v"]
    _, _, w, h = view.rect
    mvp, _, _ = draw_matrices(view.camera, w / h)
    inv = np.linalg.inv(mvp)
    ndc = np.c_[(pixels[:, 0] + 0.5) / w * 2 - 1, 1 - (pixels[:, 1] + 0.5) / h * 2]
    out, hits = [], []
    for x, y in ndc:
        a = inv @ [x, y, -1, 1]
        b = inv @ [x, y, 1, 1]
        a, b = a[:3] / a[3], b[:3] / b[3]
        t = (z - a[2]) / (b[2] - a[2])
        p = a + t * (b - a)
        c = mvp @ [*p, 1]
        out.append(0.5 * c[2] / c[3] + 0.5)
        hits.append(p)
    return np.array(out), np.array(hits)


VOLUME_FS = """
uniform sampler3D u_volume;
uniform float u_scale;
in vec2 v_uv;
out vec4 f_color;
void main() {
    // slices side by side: x of the quad walks through the four z-slices
    float slice = floor(v_uv.x * 4.0);
    vec3 p = vec3(fract(v_uv.x * 4.0), v_uv.y, (slice + 0.5) / 4.0);
    float v = texture(u_volume, p).r * u_scale;
    f_color = vec4(v, 0.0, 0.0, 1.0);
}
"""


def volume_texture_frame(dtype: str) -> tuple[Frame, RenderTarget, np.ndarray, Texture]:
    """A 4 x 5 x 6 volume (d, h, w) of ``dtype`` sampled with linear filtering at the
    centre planes of its four slices, into an rgba32f target."""
    rng = np.random.default_rng(2)
    values = rng.random((4, 5, 6))
    if dtype == "u1":
        data, scale = (values * 255).astype(np.uint8), 1.0
        ref = data / 255.0
    else:
        data = values.astype(np.float16 if dtype == "f2" else np.float32)
        scale, ref = 1.0, data.astype(np.float64)
    tex = Texture(data, dim=3, filter="linear")
    frame = Frame(size=(96, 20), clear_color=(0.0, 0.0, 0.0, 1.0))
    frame.views["v"] = View("v", (0, 0, 96, 20), {"type": "panzoom", "rect": [0, 0, 1, 1]})
    out = RenderTarget(size="view", format="rgba32f")
    frame.draws.append(Draw(Program(QUAD_VS, VOLUME_FS), "v", "triangle_strip", 4,
                            attributes={"a_pos": Attribute(Buffer(QUAD), 2)},
                            textures={"u_volume": tex}, uniforms={"u_scale": scale},
                            target=out, state=State(blend=None)))
    return frame, out, ref, tex


def trilinear_slices(ref: np.ndarray, w: int, h: int) -> np.ndarray:
    """What VOLUME_FS samples, computed in numpy (GL's linear filter, clamp to edge):
    (h, w) from the top."""
    d, th, tw = ref.shape
    out = np.zeros((h, w))
    for row in range(h):
        v = 1 - (row + 0.5) / h
        for col in range(w):
            u = (col + 0.5) / w
            slice_ = np.floor(u * 4)
            p = (u * 4 - slice_, v, (slice_ + 0.5) / 4)
            coords = [np.clip(c * n - 0.5, 0, n - 1) for c, n in zip(p, (tw, th, d), strict=True)]
            x, y, z = coords
            x0, y0, z0 = (int(np.floor(c)) for c in coords)
            x1, y1, z1 = min(x0 + 1, tw - 1), min(y0 + 1, th - 1), min(z0 + 1, d - 1)
            fx, fy, fz = x - x0, y - y0, z - z0
            c00 = ref[z0, y0, x0] * (1 - fx) + ref[z0, y0, x1] * fx
            c01 = ref[z0, y1, x0] * (1 - fx) + ref[z0, y1, x1] * fx
            c10 = ref[z1, y0, x0] * (1 - fx) + ref[z1, y0, x1] * fx
            c11 = ref[z1, y1, x0] * (1 - fx) + ref[z1, y1, x1] * fx
            c0 = c00 * (1 - fy) + c01 * fy
            c1 = c10 * (1 - fy) + c11 * fy
            out[row, col] = c0 * (1 - fz) + c1 * fz
    return out


CUBE_FACES = [  # (normal axis, sign, rgb)
    (0, -1, (1, 0, 0)), (0, 1, (0, 1, 0)), (1, -1, (0, 0, 1)),
    (1, 1, (1, 1, 0)), (2, -1, (1, 0, 1)), (2, 1, (0, 1, 1)),
]
COLOR_VS = """
uniform mat4 u_mvp;
in vec3 a_pos;
in vec4 a_color;
out vec4 v_color;
void main() { gl_Position = u_mvp * vec4(a_pos, 1.0); v_color = a_color / 255.0; }
"""
COLOR_FS = """
in vec4 v_color;
out vec4 f_color;
void main() { f_color = v_color; }
"""


def colored_cube() -> tuple[np.ndarray, np.ndarray]:
    """36 vertices (counter-clockwise from outside) and their face colors."""
    pos, col = [], []
    for axis, sign, rgb in CUBE_FACES:
        n = np.zeros(3)
        n[axis] = sign
        u = np.roll(np.abs(n), 1)
        v = np.cross(n, u)  # u x v = n: counter-clockwise seen from outside
        quad = [n + a * u + b * v for a, b in ((-1, -1), (1, -1), (1, 1), (-1, 1))]
        for k in (0, 1, 2, 0, 2, 3):
            pos.append(quad[k])
            col.append([*(np.array(rgb) * 255), 255])
    return np.array(pos, np.float32) * 0.5, np.array(col, np.uint8)


def cull_frame() -> Frame:
    """The same colored cube in two views: back faces culled (left) and front faces
    culled (right, the inside is seen)."""
    frame = Frame(size=(200, 100), clear_color=(1.0, 1.0, 1.0, 1.0))
    pos, col = colored_cube()
    program = Program(COLOR_VS, COLOR_FS)
    for i, cull in enumerate(("back", "front")):
        vid = f"v{i}"
        frame.views[vid] = View(vid, (100 * i, 0, 100, 100), dict(TURNTABLE))
        frame.draws.append(Draw(program, vid, "triangles", 36, attributes={
            "a_pos": Attribute(Buffer(pos), 3), "a_color": Attribute(Buffer(col), 4, "u1")},
            state=State(depth_test=True, blend=None, cull=cull)))
    return frame


RAMP_FS = """
in vec2 v_uv;
out vec4 f_color;
void main() { f_color = vec4(0.8, 0.1, 0.1, v_uv.x); }
"""


def coverage_frame(alpha_to_coverage: bool, blend: str | None = "alpha") -> Frame:
    """A red quad whose alpha ramps 0 -> 1 left to right."""
    frame = Frame(size=(120, 20), clear_color=(1.0, 1.0, 1.0, 1.0))
    frame.views["v"] = View("v", (0, 0, 120, 20), {"type": "panzoom", "rect": [0, 0, 1, 1]})
    frame.draws.append(Draw(Program(QUAD_VS, RAMP_FS), "v", "triangle_strip", 4,
                            attributes={"a_pos": Attribute(Buffer(QUAD), 2)},
                            state=State(blend=blend, alpha_to_coverage=alpha_to_coverage)))
    return frame


PROJECTION_VS = """
uniform mat4 u_projection;
uniform mat4 u_modelview;
uniform mat4 u_mvp;
uniform float u_split;
in vec3 a_pos;
void main() {
    vec4 p = vec4(a_pos, 1.0);
    gl_Position = u_split > 0.5 ? u_projection * (u_modelview * p) : u_mvp * p;
}
"""


def projection_frame(fov: float) -> Frame:
    """A shape drawn red through u_mvp, then drawn green on top through
    u_projection * u_modelview: where they agree no red is left."""
    frame = Frame(size=(120, 120), clear_color=(1.0, 1.0, 1.0, 1.0))
    frame.views["v"] = View("v", (0, 0, 120, 120), dict(TURNTABLE, fov=fov))
    pos = np.array([[-0.8, -0.6, 0.3], [0.7, -0.5, -0.2], [0.1, 0.9, 0.5]], np.float32)
    buf = Buffer(pos)
    for split, color in ((0.0, (1, 0, 0, 1)), (1.0, (0, 0.7, 0, 1))):
        frame.draws.append(Draw(Program(PROJECTION_VS, FLAT_FS), "v", "triangles", 3,
                                attributes={"a_pos": Attribute(buf, 3)},
                                uniforms={"u_split": split, "u_color": color},
                                state=State(blend=None)))
    return frame


def perspective_flag(camera: dict) -> float:
    """u_projection[3][3]: 0 for perspective, 1 for orthographic."""
    return float(camera_parts(camera, 1.0)[0][3, 3])
