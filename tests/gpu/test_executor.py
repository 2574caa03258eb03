"""The moderngl executor: partial uploads, re-creation, release, views (headless EGL)."""

from __future__ import annotations

import moderngl
import numpy as np
import pytest

from lumos.gpu import Attribute, Buffer, Draw, Frame, Program, RenderTarget, State, Texture, View
from lumos.gpu.context import current
from lumos.gpu.executor import ModernGLExecutor, OffscreenTarget, _float32_bytes
from lumos.gpu.resources import _LOG_LENGTH

PANZOOM = {"type": "panzoom", "rect": [-1.0, -1.0, 2.0, 2.0]}

STRIPES_VS = """
in vec2 a_pos;
in vec4 a_color;
uniform float u_scale;
out vec4 v_color;
void main() {
    gl_Position = vec4(a_pos, 0.0, 1.0);
    v_color = a_color * u_scale;
}
"""
COLOR_FS = """
in vec4 v_color;
out vec4 f_color;
void main() { f_color = v_color; }
"""
QUAD_VS = """
in vec2 a_pos;
out vec2 v_uv;
void main() {
    gl_Position = vec4(a_pos, 0.0, 1.0);
    v_uv = a_pos * 0.5 + 0.5;
}
"""
TEX2D_FS = """
uniform sampler2D u_tex;
in vec2 v_uv;
out vec4 f_color;
void main() { f_color = texture(u_tex, v_uv); }
"""
TEX3D_FS = """
uniform sampler3D u_tex;
uniform float u_z;
in vec2 v_uv;
out vec4 f_color;
void main() { f_color = texture(u_tex, vec3(v_uv, u_z)); }
"""

NSTRIPES = 8
W, H = 64, 16  # each stripe is 8 pixels wide


@pytest.fixture(scope="module")
def ctx():
    with current() as ctx:  # lumos's context, current in this thread for the module
        yield ctx


@pytest.fixture
def executor(ctx):
    return ModernGLExecutor(ctx)


@pytest.fixture
def target(ctx):
    t = OffscreenTarget(ctx, (W, H))
    yield t
    t.release()


def stripe_positions() -> np.ndarray:
    """Two triangles per vertical stripe across clip space: (NSTRIPES * 6, 2) float32."""
    out = []
    for k in range(NSTRIPES):
        x0, x1 = -1 + 2 * k / NSTRIPES, -1 + 2 * (k + 1) / NSTRIPES
        out += [(x0, -1), (x1, -1), (x0, 1), (x1, -1), (x1, 1), (x0, 1)]
    return np.array(out, np.float32)


def stripe_colors(rgba) -> np.ndarray:
    return np.repeat(np.asarray(rgba, np.float32), 6, axis=0)


def frame_of(*draws, size=(W, H)) -> Frame:
    f = Frame(size=size, clear_color=(1.0, 1.0, 1.0, 1.0))
    f.views["v"] = View("v", (0, 0, size[0], size[1]), PANZOOM)
    f.draws.extend(draws)
    return f


def stripes_draw(pos: Buffer, col: Buffer, program: Program, kind="f4", scale=1.0) -> Draw:
    return Draw(
        program=program, view="v", mode="triangles", count=len(pos.data),
        attributes={"a_pos": Attribute(pos, 2), "a_color": Attribute(col, 4, kind)},
        uniforms={"u_scale": scale}, state=State(blend=None),
    )


def stripe_pixels(img: np.ndarray) -> np.ndarray:
    """The RGBA at the centre of each stripe."""
    return img[H // 2, 4::8, :]


def quad_buffer() -> Buffer:
    return Buffer(np.array([[-1, -1], [1, -1], [-1, 1], [1, 1]], np.float32))


# -- buffers -------------------------------------------------------------------------


def test_first_render_uploads_everything_then_nothing(executor, target):
    rgba = np.eye(4)[[0, 1, 2, 0] * 2]
    rgba[:, 3] = 1.0
    pos, col = Buffer(stripe_positions()), Buffer(stripe_colors(rgba))
    frame = frame_of(stripes_draw(pos, col, Program(STRIPES_VS, COLOR_FS)))
    executor.render(frame, target.fbo)
    assert executor.uploaded_bytes == pos.nbytes + col.nbytes
    executor.render(frame, target.fbo)
    assert executor.uploaded_bytes == pos.nbytes + col.nbytes  # no version moved
    img = target.read()
    assert img.shape == (H, W, 4) and img.dtype == np.uint8
    px = stripe_pixels(img)
    assert px[0, :3].tolist() == [255, 0, 0]
    assert px[1, :3].tolist() == [0, 255, 0]
    assert px[2, :3].tolist() == [0, 0, 255]


@pytest.mark.parametrize("kind", ["f4", "u1"])
def test_buffer_update_uploads_only_the_changed_bytes(executor, target, kind):
    red = np.array([[1.0, 0.0, 0.0, 1.0]] * NSTRIPES)
    if kind == "u1":  # bytes read as floats 0..255, not normalized: the shader scales
        colors, scale = Buffer(stripe_colors(red * 255).astype(np.uint8)), 1 / 255
    else:
        colors, scale = Buffer(stripe_colors(red)), 1.0
    pos = Buffer(stripe_positions())
    frame = frame_of(stripes_draw(pos, colors, Program(STRIPES_VS, COLOR_FS), kind, scale))
    executor.render(frame, target.fbo)
    before = executor.uploaded_bytes
    gl_object = executor._buffers[colors.id][0]

    blue = stripe_colors([[0.0, 0.0, 1.0, 1.0]])
    colors.update(6 * 5, blue * 255 if kind == "u1" else blue)  # stripe 5
    executor.render(frame, target.fbo)
    row_bytes = 4 * colors.data.itemsize
    assert executor.uploaded_bytes - before == 6 * row_bytes
    assert executor._buffers[colors.id][0] is gl_object  # written in place

    px = stripe_pixels(target.read())
    assert px[5, :3].tolist() == [0, 0, 255]
    for k in (0, 4, 6, 7):
        assert px[k, :3].tolist() == [255, 0, 0]


def test_several_updates_upload_the_sum_of_their_ranges(executor, target):
    colors = Buffer(stripe_colors([[0.0, 0.0, 0.0, 1.0]] * NSTRIPES))
    frame = frame_of(stripes_draw(Buffer(stripe_positions()), colors,
                                  Program(STRIPES_VS, COLOR_FS)))
    executor.render(frame, target.fbo)
    before = executor.uploaded_bytes
    colors.update(0, stripe_colors([[1.0, 0.0, 0.0, 1.0]]))
    colors.update(6 * 7, stripe_colors([[0.0, 1.0, 0.0, 1.0]]))
    colors.update(6 * 7 + 2, np.array([[0, 1, 0, 1]], np.float32))  # overlaps the last one
    executor.render(frame, target.fbo)
    assert executor.uploaded_bytes - before == (6 + 6 + 1) * 16
    px = stripe_pixels(target.read())
    assert px[0, :3].tolist() == [255, 0, 0]
    assert px[3, :3].tolist() == [0, 0, 0]
    assert px[7, :3].tolist() == [0, 255, 0]


def test_resized_set_data_recreates_the_buffer(executor, target):
    pos = Buffer(stripe_positions()[:6])  # only stripe 0
    colors = Buffer(stripe_colors([[1.0, 0.0, 0.0, 1.0]]))
    draw = stripes_draw(pos, colors, Program(STRIPES_VS, COLOR_FS))
    frame = frame_of(draw)
    executor.render(frame, target.fbo)
    old = executor._buffers[pos.id][0]
    before = executor.uploaded_bytes

    pos.set_data(stripe_positions()[:12])  # stripes 0 and 1
    colors.set_data(stripe_colors([[1.0, 0.0, 0.0, 1.0], [0.0, 1.0, 0.0, 1.0]]))
    draw.count = 12
    executor.render(frame, target.fbo)
    assert executor.uploaded_bytes - before == pos.nbytes + colors.nbytes
    assert executor._buffers[pos.id][0] is not old
    assert executor._buffers[pos.id][2] == pos.nbytes
    assert type(old.mglo).__name__ == "InvalidObject"  # the old GL buffer was released
    px = stripe_pixels(target.read())
    assert px[1, :3].tolist() == [0, 255, 0]  # drawn from the new, bigger buffers
    assert px[2, :3].tolist() == [255, 255, 255]


def test_a_uniform_is_written_again_only_when_its_bytes_change(executor, target, monkeypatch):
    """A program keeps its uniforms: a frame that repeats a value (a pan frame's widths,
    viewport) sends nothing; a new value, -0.0 after 0.0 too, is written."""
    written = []
    write = moderngl.Uniform.write
    monkeypatch.setattr(moderngl.Uniform, "write",
                        lambda self, data: (written.append(self.name), write(self, data))[1])
    draw = stripes_draw(Buffer(stripe_positions()),
                        Buffer(stripe_colors([[1.0, 1.0, 1.0, 1.0]] * NSTRIPES)),
                        Program(STRIPES_VS, COLOR_FS))
    frame = frame_of(draw)
    executor.render(frame, target.fbo)
    assert written == ["u_scale"]
    for scale, expected, red in ((1.0, [], 255), (0.5, ["u_scale"], 128), (0.5, [], 128),
                                 (0.0, ["u_scale"], 0), (-0.0, ["u_scale"], 0)):
        written.clear()
        draw.uniforms["u_scale"] = scale
        executor.render(frame, target.fbo)
        assert written == expected
        assert stripe_pixels(target.read())[0, 0] == pytest.approx(red, abs=1)


def test_a_draw_sets_the_context_state_only_when_it_differs_from_the_draw_before(
        executor, target, monkeypatch):
    """Blending, flags, culling and offsets are set for the first draw of a frame and
    again only where a draw's differ from the draw before it (a depth mask alone is
    the framebuffer's); each draw blends as its own state says."""
    calls = []
    enable_only = moderngl.Context.enable_only
    monkeypatch.setattr(moderngl.Context, "enable_only",
                        lambda self, flags: (calls.append(flags), enable_only(self, flags))[1])
    pos, program = Buffer(stripe_positions()), Program(STRIPES_VS, COLOR_FS)

    def draw(rgba, blend, depth_write=True):
        d = stripes_draw(pos, Buffer(stripe_colors([rgba] * NSTRIPES)), program)
        d.state = State(blend=blend, depth_write=depth_write)
        return d

    executor.render(frame_of(draw([1.0, 0.0, 0.0, 0.5], "alpha"),
                             draw([0.0, 0.25, 0.0, 0.0], "add"),
                             draw([0.0, 0.0, 1.0, 0.5], "alpha")), target.fbo)
    assert len(calls) == 3
    # white, then red at half alpha, plus a quarter green, then blue at half alpha
    assert stripe_pixels(target.read())[0] == pytest.approx([128, 96, 191, 255], abs=1)
    calls.clear()
    executor.render(frame_of(draw([1.0, 0.0, 0.0, 0.5], "alpha"),
                             draw([0.0, 0.0, 1.0, 0.5], "alpha", depth_write=False),
                             draw([0.0, 0.25, 0.0, 0.0], "add")), target.fbo)
    assert len(calls) == 2  # the second draw's state differs in its depth mask alone
    # red then blue at half alpha, then a quarter green added
    assert stripe_pixels(target.read())[0] == pytest.approx([128, 128, 191, 255], abs=1)


@pytest.mark.parametrize("value", [
    0.1, -0.0, 1e-45, 3.4028235e38, 1e39, -1e39, float("nan"), float("inf"), 7, True,
    (0, 0, 800, 600), (1.5, -0.0, 16777217, 2**40 + 1), (1e39, 1.0), (np.float64(0.1), 2.0),
    np.arange(16.0).reshape(4, 4), ((1.0, 2.0), (3.0, 4.0)), [0.25, 0.5], np.float32(0.3),
])
def test_float32_bytes_are_numpys(value):
    """The uniforms' bytes, through struct where it can, are numpy's float32 bytes
    (column-major for a matrix), out-of-range values (inf) and NaN included."""
    with np.errstate(over="ignore"):  # float32 has no 1e39: numpy makes it inf
        arr = np.asarray(value, np.float32)
        assert _float32_bytes(value) == (arr.T if arr.ndim == 2 else arr).tobytes()


def test_same_size_set_data_uploads_everything(executor, target):
    colors = Buffer(stripe_colors([[1.0, 0.0, 0.0, 1.0]] * NSTRIPES))
    frame = frame_of(stripes_draw(Buffer(stripe_positions()), colors,
                                  Program(STRIPES_VS, COLOR_FS)))
    executor.render(frame, target.fbo)
    before = executor.uploaded_bytes
    colors.set_data(stripe_colors([[0.0, 1.0, 0.0, 1.0]] * NSTRIPES))
    executor.render(frame, target.fbo)
    assert executor.uploaded_bytes - before == colors.nbytes
    assert (stripe_pixels(target.read())[:, :3] == [0, 255, 0]).all()


@pytest.mark.parametrize(("updates", "full"), [(_LOG_LENGTH, False), (_LOG_LENGTH + 1, True)])
def test_change_log_overflow_falls_back_to_full_upload(executor, target, updates, full):
    n = 6 * NSTRIPES
    colors = Buffer(np.zeros((n * 4, 4), np.float32))  # more rows than the draw reads
    colors.data[:n] = stripe_colors([[0.0, 0.0, 0.0, 1.0]] * NSTRIPES)
    frame = frame_of(stripes_draw(Buffer(stripe_positions()), colors,
                                  Program(STRIPES_VS, COLOR_FS)))
    executor.render(frame, target.fbo)
    before = executor.uploaded_bytes
    for i in range(updates):  # one vertex row each: 16 bytes
        colors.update(i % n, np.array([[0.0, 1.0, 0.0, 1.0]], np.float32))
    executor.render(frame, target.fbo)
    expected = colors.nbytes if full else updates * 16
    assert executor.uploaded_bytes - before == expected
    # either way the GPU holds the new data: every stripe's vertices are green
    assert (stripe_pixels(target.read())[:, :3] == [0, 255, 0]).all()


def test_index_buffer_partial_update(executor, target):
    pos = Buffer(stripe_positions())
    colors = Buffer(stripe_colors([[0.0, 0.0, 1.0, 1.0]] * NSTRIPES))
    indices = Buffer(np.arange(6, dtype=np.uint32))  # stripe 0
    draw = stripes_draw(pos, colors, Program(STRIPES_VS, COLOR_FS))
    draw.indices, draw.count = indices, 6
    frame = frame_of(draw)
    executor.render(frame, target.fbo)
    px = stripe_pixels(target.read())
    assert px[0, :3].tolist() == [0, 0, 255] and px[3, :3].tolist() == [255, 255, 255]
    before = executor.uploaded_bytes
    indices.update(0, np.arange(18, 24, dtype=np.uint32))  # now stripe 3
    executor.render(frame, target.fbo)
    assert executor.uploaded_bytes - before == 24
    px = stripe_pixels(target.read())
    assert px[0, :3].tolist() == [255, 255, 255] and px[3, :3].tolist() == [0, 0, 255]


# -- textures ------------------------------------------------------------------------


def texture_frame(tex: Texture, fs=TEX2D_FS, size=(16, 16), **uniforms) -> Frame:
    draw = Draw(program=Program(QUAD_VS, fs), view="v", mode="triangle_strip", count=4,
                attributes={"a_pos": Attribute(quad_buffer(), 2)}, textures={"u_tex": tex},
                uniforms=uniforms, state=State(blend=None))
    return frame_of(draw, size=size)


def texture_rows(img: np.ndarray, nrows: int) -> np.ndarray:
    """The colour at the centre of each texture row; texture row 0 is at the bottom."""
    h = img.shape[0]
    step = h // nrows
    return np.array([img[h - 1 - (r * step + step // 2), img.shape[1] // 2] for r in range(nrows)])


def test_texture_row_update_uploads_only_those_rows(ctx, executor):
    data = np.zeros((8, 4, 4), np.uint8)
    data[..., 3] = 255
    data[:, :, 0] = 255  # all red
    tex = Texture(data, filter="nearest")
    frame = texture_frame(tex)
    target = OffscreenTarget(ctx, (16, 16))
    try:
        executor.render(frame, target.fbo)
        assert executor.uploaded_bytes == tex.data.nbytes + 4 * 8  # + the quad buffer
        gl_object = executor._textures[tex.id][0]
        before = executor.uploaded_bytes
        green = np.zeros((2, 4, 4), np.uint8)
        green[..., 1] = green[..., 3] = 255
        tex.update(5, green)
        executor.render(frame, target.fbo)
        assert executor.uploaded_bytes - before == 2 * 4 * 4
        assert executor._textures[tex.id][0] is gl_object
        rows = texture_rows(target.read(), 8)
        assert rows[5, :3].tolist() == [0, 255, 0] and rows[6, :3].tolist() == [0, 255, 0]
        for r in (0, 4, 7):
            assert rows[r, :3].tolist() == [255, 0, 0]

        before = executor.uploaded_bytes
        for i in range(_LOG_LENGTH + 1):
            tex.update(i % 8, data[:1])
        executor.render(frame, target.fbo)
        assert executor.uploaded_bytes - before == tex.data.nbytes  # log overflowed
        assert (texture_rows(target.read(), 8)[:, :3] == [255, 0, 0]).all()

        before = executor.uploaded_bytes
        tex.set_data(np.full((2, 2, 4), 255, np.uint8))  # new size: a new texture
        executor.render(frame, target.fbo)
        assert executor.uploaded_bytes - before == 16
        assert executor._textures[tex.id][0] is not gl_object
        assert (target.read()[..., :3] == 255).all()
    finally:
        target.release()


def test_texture_texel_update_writes_head_rows_and_tail(ctx, executor):
    # a flat run of texels from the middle of row 0 to the middle of row 3: written as
    # three rectangles, only those texels uploaded, the rest of the texture kept
    rng = np.random.default_rng(3)
    data = rng.integers(0, 256, size=(5, 8, 4)).astype(np.uint8)
    tex = Texture(data, filter="nearest")
    frame = texture_frame(tex)
    target = OffscreenTarget(ctx, (16, 16))
    try:
        executor.render(frame, target.fbo)
        before = executor.uploaded_bytes
        values = rng.integers(0, 256, size=(22, 4)).astype(np.uint8)
        tex.update_texels(5, values)
        tex.update_texels(39, values[:1])  # the last texel
        executor.render(frame, target.fbo)
        assert executor.uploaded_bytes - before == 23 * 4
        expected = data.reshape(-1, 4).copy()
        expected[5:27] = values
        expected[39] = values[0]
        gl = np.frombuffer(executor._textures[tex.id][0].read(alignment=1), np.uint8)
        np.testing.assert_array_equal(gl.reshape(-1, 4), expected)
    finally:
        target.release()


def test_float_texture_row_update(ctx, executor):
    tex = Texture(np.zeros((4, 4), np.float32), filter="nearest")
    frame = texture_frame(tex)
    target = OffscreenTarget(ctx, (16, 16))
    try:
        executor.render(frame, target.fbo)
        before = executor.uploaded_bytes
        tex.update(2, np.full(4, 0.5, np.float32))
        executor.render(frame, target.fbo)
        assert executor.uploaded_bytes - before == 16
        red = texture_rows(target.read(), 4)[:, 0]
        assert red[0] == 0 and red[3] == 0 and abs(int(red[2]) - 128) <= 1
    finally:
        target.release()


def test_texture_3d_slice_update(ctx, executor):
    data = np.zeros((4, 2, 2, 4), np.uint8)
    data[..., 0] = data[..., 3] = 255
    tex = Texture(data, dim=3, filter="nearest")
    frame = texture_frame(tex, TEX3D_FS, u_z=(2 + 0.5) / 4)
    target = OffscreenTarget(ctx, (16, 16))
    try:
        executor.render(frame, target.fbo)
        assert (target.read()[..., :3] == [255, 0, 0]).all()
        before = executor.uploaded_bytes
        blue = np.zeros((1, 2, 2, 4), np.uint8)
        blue[..., 2] = blue[..., 3] = 255
        tex.update(2, blue)
        executor.render(frame, target.fbo)
        assert executor.uploaded_bytes - before == 16
        assert (target.read()[..., :3] == [0, 0, 255]).all()
        frame.draws[0].uniforms["u_z"] = (1 + 0.5) / 4  # slice 1 is untouched
        executor.render(frame, target.fbo)
        assert (target.read()[..., :3] == [255, 0, 0]).all()
    finally:
        target.release()


# -- releasing, views, errors ------------------------------------------------------


def test_release_unused_frees_resources(executor, target):
    prog_a, prog_b = Program(STRIPES_VS, COLOR_FS), Program(QUAD_VS, TEX2D_FS)
    pos, col = Buffer(stripe_positions()), Buffer(stripe_colors([[1.0, 0, 0, 1]] * NSTRIPES))
    quad = quad_buffer()
    tex = Texture(np.full((2, 2, 4), 255, np.uint8), filter="nearest")
    a = stripes_draw(pos, col, prog_a)
    b = Draw(program=prog_b, view="v", mode="triangle_strip", count=4,
             attributes={"a_pos": Attribute(quad, 2)}, textures={"u_tex": tex})
    executor.render(frame_of(b, a), target.fbo)
    assert {pos.id, col.id, quad.id} <= set(executor._buffers)
    assert tex.id in executor._textures
    assert {prog_a.id, prog_b.id} <= set(executor._programs)
    gl_quad, gl_tex = executor._buffers[quad.id][0], executor._textures[tex.id][0]
    gl_prog_b = executor._programs[prog_b.id]
    n_vaos = len(executor._vaos)

    only_a = frame_of(a)
    executor.release_unused(only_a)
    assert quad.id not in executor._buffers
    assert tex.id not in executor._textures
    assert prog_b.id not in executor._programs
    assert {pos.id, col.id} <= set(executor._buffers) and prog_a.id in executor._programs
    assert len(executor._vaos) == n_vaos - 1
    for obj in (gl_quad, gl_tex, gl_prog_b):
        assert type(obj.mglo).__name__ == "InvalidObject"

    before = executor.uploaded_bytes
    executor.render(only_a, target.fbo)  # what is still held is not uploaded again
    assert executor.uploaded_bytes == before
    assert (stripe_pixels(target.read())[:, :3] == [255, 0, 0]).all()

    executor.release_unused(Frame(size=(1, 1)))
    assert not executor._buffers and not executor._textures and not executor._programs
    assert not executor._vaos


def test_view_rects_are_top_left_and_cleared(executor, ctx):
    target = OffscreenTarget(ctx, (40, 20))
    try:
        frame = Frame(size=(40, 20), clear_color=(1.0, 1.0, 1.0, 1.0))
        frame.views["a"] = View("a", (0, 0, 10, 5), PANZOOM, bgcolor=(1.0, 0.0, 0.0, 1.0))
        frame.views["b"] = View("b", (20, 10, 20, 10), PANZOOM)
        # a full-viewport green quad drawn in view b only
        frame.draws.append(Draw(
            program=Program(STRIPES_VS, COLOR_FS), view="b", mode="triangle_strip", count=4,
            attributes={"a_pos": Attribute(quad_buffer(), 2),
                        "a_color": Attribute(Buffer(np.tile([0, 1, 0, 1], (4, 1))
                                                    .astype(np.float32)), 4)},
            uniforms={"u_scale": 1.0}, state=State(blend=None)))
        executor.render(frame, target.fbo)
        img = target.read()
        assert (img[:5, :10, :3] == [255, 0, 0]).all()  # top-left corner
        assert (img[5:, :10, :3] == 255).all() and (img[:10, 10:, :3] == 255).all()
        assert (img[10:, 20:, :3] == [0, 255, 0]).all()  # bottom-right quarter
        assert (img[10:, :20, :3] == 255).all()
    finally:
        target.release()


def _green_over_a(frame) -> None:
    """A green quad over all of view "a", then an empty draw in view "b"."""
    green = Buffer(np.tile([0, 1, 0, 1], (4, 1)).astype(np.float32))
    for view in ("a", "b"):
        frame.draws.append(Draw(
            program=Program(STRIPES_VS, COLOR_FS), view=view, mode="triangle_strip",
            count=4 if view == "a" else 0,
            attributes={"a_pos": Attribute(quad_buffer(), 2), "a_color": Attribute(green, 4)},
            uniforms={"u_scale": 1.0}, state=State(blend=None)))


def test_a_later_view_background_covers_earlier_views(executor, ctx):
    """As matplotlib's inset axes: a view's background hides what views before it drew
    under it; a view after the last draw covers too."""
    target = OffscreenTarget(ctx, (40, 20))
    try:
        frame = Frame(size=(40, 20), clear_color=(1.0, 1.0, 1.0, 1.0))
        frame.views["a"] = View("a", (0, 0, 40, 20), PANZOOM, bgcolor=(1.0, 1.0, 1.0, 1.0))
        frame.views["b"] = View("b", (20, 0, 20, 10), PANZOOM, bgcolor=(0.0, 0.0, 1.0, 1.0))
        frame.views["c"] = View("c", (0, 10, 10, 10), PANZOOM, bgcolor=(1.0, 0.0, 0.0, 1.0))
        _green_over_a(frame)  # b draws nothing in its left half
        executor.render(frame, target.fbo)
        img = target.read()
        assert (img[:10, 20:, :3] == [0, 0, 255]).all()  # b's background over a's quad
        assert (img[10:, :10, :3] == [255, 0, 0]).all()  # c, after the last draw
        assert (img[:10, :20, :3] == [0, 255, 0]).all()  # a's own part
    finally:
        target.release()


def test_a_view_of_the_clear_color_is_cleared_only_over_what_was_drawn(executor, ctx):
    """A view whose background is the frame's clear color is not cleared again while
    nothing is drawn (software GL clears part of a framebuffer by drawing a quad); after
    a draw, or another view's clear, it is, and still covers what lies under it."""
    target = OffscreenTarget(ctx, (40, 20))
    cleared = []
    clear = target.fbo.clear
    target.fbo.clear = lambda *a, **k: (cleared.append(k.get("viewport")), clear(*a, **k))
    try:
        frame = Frame(size=(40, 20), clear_color=(1.0, 1.0, 1.0, 1.0))
        frame.views["a"] = View("a", (0, 0, 40, 20), PANZOOM, bgcolor=(1.0, 1.0, 1.0, 1.0))
        frame.views["b"] = View("b", (20, 0, 20, 10), PANZOOM, bgcolor=(1.0, 1.0, 1.0, 1.0))
        _green_over_a(frame)
        executor.render(frame, target.fbo)
        img = target.read()
        assert cleared == [None, (20, 10, 20, 10)]  # the frame, then b over a's quad
        assert (img[:10, 20:, :3] == 255).all()
        assert (img[:, :20, :3] == [0, 255, 0]).all() and (img[10:, 20:, :3] == [0, 255, 0]).all()
        cleared.clear()
        frame.views["a"].bgcolor = (1.0, 0.0, 0.0, 1.0)  # not the clear color: cleared
        frame.draws[0].count = 0
        executor.render(frame, target.fbo)
        img = target.read()
        assert cleared == [None, (0, 0, 40, 20), (20, 10, 20, 10)]
        assert (img[:10, 20:, :3] == 255).all() and (img[10:, :, :3] == [255, 0, 0]).all()
    finally:
        target.release()


def test_empty_draws_are_skipped(executor, target):
    pos = Buffer(np.zeros((0, 2), np.float32))
    col = Buffer(np.zeros((0, 4), np.float32))
    draw = stripes_draw(pos, col, Program(STRIPES_VS, COLOR_FS))
    assert draw.count == 0
    executor.render(frame_of(draw), target.fbo)
    assert (target.read() == 255).all()


def test_an_empty_draw_makes_its_program_and_textures(ctx, executor):
    """A draw of nothing draws nothing, but its program and textures are made, and
    kept by release_unused with the frame that names them: a visual that names them
    before it has anything to draw (a stream's rings) pays for them in that frame."""
    data = np.zeros((8, 4, 4), np.uint8)
    data[..., 0] = data[..., 3] = 255
    tex = Texture(data, filter="nearest")
    (draw,) = texture_frame(tex).draws
    empty = frame_of(Draw(program=draw.program, view="v", mode="triangle_strip", count=0,
                          attributes=draw.attributes, textures={"u_tex": tex},
                          state=State(blend=None)), size=(16, 16))
    target = OffscreenTarget(ctx, (16, 16))
    try:
        executor.render(empty, target.fbo)
        assert (target.read() == 255).all()
        assert tex.id in executor._textures and draw.program.id in executor._programs
        assert executor.uploaded_bytes == tex.data.nbytes  # the texture, not the quad
        executor.release_unused(empty)
        assert tex.id in executor._textures and draw.program.id in executor._programs
        before = executor.uploaded_bytes
        executor.render(frame_of(draw, size=(16, 16)), target.fbo)
        assert executor.uploaded_bytes - before == 4 * 8  # the quad's buffer alone
        assert (target.read()[..., :3] == [255, 0, 0]).all()
    finally:
        target.release()


def test_shader_errors_name_the_program(executor, target):
    bad = Program("void main() { gl_Position = vec4(undefined_name); }", COLOR_FS)
    draw = Draw(program=bad, view="v", mode="triangles", count=3)
    with pytest.raises(RuntimeError, match=f"program {bad.id}"):
        executor.render(frame_of(draw), target.fbo)


def test_uniforms_and_viewport_reach_the_shader(executor, ctx):
    fs = """
    uniform vec4 u_viewport;
    uniform float u_pixel_ratio;
    out vec4 f_color;
    void main() { f_color = vec4(u_viewport.x / 255.0, u_viewport.y / 255.0,
                                 u_viewport.z / 255.0, u_pixel_ratio / 4.0); }
    """
    frame = Frame(size=(40, 30), pixel_ratio=2.0)
    frame.views["v"] = View("v", (8, 4, 24, 16), PANZOOM)
    frame.draws.append(Draw(program=Program(QUAD_VS, fs), view="v", mode="triangle_strip",
                            count=4, attributes={"a_pos": Attribute(quad_buffer(), 2)},
                            state=State(blend=None)))
    target = OffscreenTarget(ctx, (40, 30))
    try:
        executor.render(frame, target.fbo)
        img = target.read()
        # GL's lower-left convention: y = 30 - 4 - 16 = 10
        assert img[10, 16, :3].tolist() == [8, 10, 24]
        assert abs(int(img[10, 16, 3]) - 128) <= 1
        assert img[0, 0].tolist() == [255, 255, 255, 255]  # outside the view: untouched
    finally:
        target.release()


def test_matrices_follow_the_camera_and_origin_from_frame_to_frame(executor, ctx):
    """The executor keeps a pan-zoom draw's matrices between frames: a frame whose
    camera rect or draw origin moved must draw where a fresh executor draws it."""
    vs = """
    in vec2 a_pos;
    uniform mat4 u_mvp;
    void main() { gl_Position = u_mvp * vec4(a_pos, 0.0, 1.0); }
    """
    fs = "out vec4 f_color; void main() { f_color = vec4(0.0, 0.0, 0.0, 1.0); }"
    program = Program(vs, fs)
    square = Buffer(np.array([[-1, -1], [1, -1], [-1, 1], [1, 1]], np.float32))

    def frame(rect, origin) -> Frame:
        f = Frame(size=(40, 40))
        f.views["v"] = View("v", (0, 0, 40, 40), {"type": "panzoom", "rect": rect})
        f.draws.append(Draw(program=program, view="v", mode="triangle_strip", count=4,
                            attributes={"a_pos": Attribute(square, 2)},
                            origin=origin, state=State(blend=None)))
        return f

    def dark_columns(ex, f) -> list[int]:
        target = OffscreenTarget(ctx, (40, 40), samples=1)
        try:
            ex.render(f, target.fbo)
            return np.flatnonzero(target.read()[20, :, 0] < 128).tolist()
        finally:
            target.release()

    steps = [([-10.0, -10.0, 20.0, 20.0], (0.0, 0.0, 0.0)),  # the square: columns 18..21
             ([-10.0, -10.0, 20.0, 20.0], (0.0, 0.0, 0.0)),  # unchanged
             ([-5.0, -10.0, 20.0, 20.0], (0.0, 0.0, 0.0)),   # panned: 10 columns left
             ([-5.0, -10.0, 20.0, 20.0], (5.0, 0.0, 0.0)),   # the draw's origin moved
             ([-10.0, -10.0, 20.0, 20.0], (0.0, 0.0, 0.0))]  # back
    seen = []
    for rect, origin in steps:
        cols = dark_columns(executor, frame(rect, origin))
        assert cols == dark_columns(ModernGLExecutor(ctx), frame(rect, origin))
        seen.append(cols)
    assert seen[0] == seen[1] == seen[4] == [18, 19, 20, 21]
    assert seen[2] == [8, 9, 10, 11]
    assert seen[3] == [18, 19, 20, 21]


# -- depth attachment ----------------------------------------------------------------


def test_only_a_depth_tested_draw_into_the_frame_needs_its_depth_attachment():
    prog = Program(STRIPES_VS, COLOR_FS)
    pos, col = Buffer(stripe_positions()), Buffer(stripe_colors(np.eye(4)[[0] * NSTRIPES]))
    flat = stripes_draw(pos, col, prog)
    assert not frame_of(flat).depth_tested()
    tested = stripes_draw(pos, col, prog)
    tested.state = State(depth_test=True)
    assert frame_of(flat, tested).depth_tested()
    # a render target's draws test against the target's own depth, not the frame's
    tested.target = RenderTarget(size="view", depth=True)
    assert not frame_of(flat, tested).depth_tested()


def test_a_target_without_depth_draws_a_2d_frame_alike(executor, ctx):
    """The depth attachment a 2D frame skips changes no pixel."""
    rng = np.random.default_rng(3)
    pos = Buffer(stripe_positions())
    col = Buffer(stripe_colors(rng.random((NSTRIPES, 4)).astype(np.float32)))
    frame = frame_of(stripes_draw(pos, col, Program(STRIPES_VS, COLOR_FS)))
    pictures = []
    for depth in (True, False):
        t = OffscreenTarget(ctx, (W, H), depth=depth)
        assert (t.fbo.depth_attachment is not None) is depth
        executor.render(frame, t.fbo)
        pictures.append(t.read())
        t.release()
    np.testing.assert_array_equal(*pictures)
    assert pictures[0].std() > 0  # the stripes were drawn


def test_only_a_depth_tested_frame_clears_the_framebuffers_depth(executor, ctx):
    """A window's framebuffer has depth whatever the frame: a 2D frame leaves it as it
    is (clearing it writes every pixel), a depth-tested frame starts from 1.0."""
    pos = Buffer(stripe_positions())
    col = Buffer(stripe_colors(np.eye(4)[[1] * NSTRIPES]))
    flat = stripes_draw(pos, col, Program(STRIPES_VS, COLOR_FS))
    t = OffscreenTarget(ctx, (W, H), samples=1)
    try:
        def depth() -> np.ndarray:
            raw = t.fbo.read(components=1, attachment=-1, dtype="f4")
            return np.frombuffer(raw, np.float32)

        t.fbo.clear(depth=0.25)
        executor.render(frame_of(flat), t.fbo)
        np.testing.assert_allclose(depth(), 0.25, atol=1e-6)  # 24-bit depth
        tested = stripes_draw(pos, col, Program(STRIPES_VS, COLOR_FS))
        tested.state = State(blend=None, depth_test=True)
        tested.count = 6  # the first stripe only
        executor.render(frame_of(tested), t.fbo)
        # the stripe drawn at z = 0 (depth 0.5), the rest cleared to 1.0
        d = depth().reshape(H, W)
        np.testing.assert_allclose(d[:, :8], 0.5, atol=1e-6)
        np.testing.assert_allclose(d[:, 8:], 1.0, atol=1e-6)
    finally:
        t.release()


def _green_quad(view: str, clip=None, target=None) -> Draw:
    green = Buffer(np.tile([0, 1, 0, 1], (4, 1)).astype(np.float32))
    return Draw(program=Program(STRIPES_VS, COLOR_FS), view=view, mode="triangle_strip",
                count=4, attributes={"a_pos": Attribute(quad_buffer(), 2),
                                     "a_color": Attribute(green, 4)},
                uniforms={"u_scale": 1.0}, state=State(blend=None), clip=clip, target=target)


@pytest.mark.parametrize("tile", [None, (16, 4, 16, 16)])
def test_a_draw_clip_limits_the_scissor_to_its_part_of_the_view(executor, ctx, tile):
    """Draw.clip (top-left pixels, as view rects): a quad over the whole view draws only
    where the view and the clip overlap, drawn whole or in a tile; a clip beside the
    view draws nothing. (Single-sampled: llvmpipe's multisampled scissor lets half a
    pixel through below and left of it.)"""
    size = (40, 20) if tile is None else tile[2:]
    target = OffscreenTarget(ctx, size, samples=1)
    try:
        frame = Frame(size=(40, 20), clear_color=(1.0, 1.0, 1.0, 1.0))
        frame.views["a"] = View("a", (10, 0, 30, 20), PANZOOM)
        frame.draws += [_green_quad("a", clip=(0, 5, 20, 10)),  # x 10..20 inside the view
                        _green_quad("a", clip=(0, 0, 10, 20))]  # beside it: nothing
        executor.render(frame, target.fbo, tile=tile)
        whole = np.full((20, 40, 3), 255)
        whole[5:15, 10:20] = [0, 255, 0]
        if tile is not None:
            x, y, w, h = tile
            whole = whole[y : y + h, x : x + w]
        np.testing.assert_array_equal(target.read()[..., :3], whole)
    finally:
        target.release()


def test_a_clip_on_a_draw_into_a_render_target_is_refused(executor, ctx):
    target = OffscreenTarget(ctx, (8, 8))
    try:
        frame = frame_of(size=(8, 8))
        rt = RenderTarget(size="view", format="rgba8")
        frame.draws.append(_green_quad("v", clip=(0, 0, 4, 4), target=rt))
        with pytest.raises(ValueError, match="clip applies to draws into the frame's"):
            executor.render(frame, target.fbo)
    finally:
        target.release()


@pytest.mark.parametrize("blend", ["alpha", "add", "max", None])
@pytest.mark.parametrize("bgcolor", [None, (0.2, 0.4, 0.6, 1.0), (0.2, 0.4, 0.6, 0.5)])
def test_an_opaque_frame_draws_only_opaque_pixels(executor, target, blend, bgcolor):
    # Frame.opaque: known from the frame alone (a reader skips the pass over the picture
    # that looks for translucent pixels); translucent colors blended over an opaque
    # background leave it opaque, a draw writing its own alpha or a translucent
    # background does not
    rgba = np.linspace(0.0, 1.0, NSTRIPES * 4).reshape(NSTRIPES, 4)
    rgba[:, 3] = np.linspace(0.0, 1.0, NSTRIPES)  # alpha 0 to 1 across the stripes
    draw = stripes_draw(Buffer(stripe_positions()), Buffer(stripe_colors(rgba)),
                        Program(STRIPES_VS, COLOR_FS))
    draw.state = State(blend=blend)
    frame = frame_of(draw)
    frame.views["v"].bgcolor = bgcolor
    executor.render(frame, target.fbo)
    alpha = target.read()[..., 3]
    expected = blend is not None and (bgcolor is None or bgcolor[3] == 1.0)
    assert frame.opaque() is expected
    if expected:
        assert (alpha == 255).all()
    else:  # not known: here indeed translucent
        assert (alpha < 255).any()
    frame.clear_color = (1.0, 1.0, 1.0, 0.0)
    assert not frame.opaque()
    frame.clear_color = (1.0, 1.0, 1.0, 1.0)
    draw.target = RenderTarget((W, H))  # into a render target: the picture is untouched
    draw.state = State(blend=None)
    frame.views["v"].bgcolor = None
    assert frame.opaque()
