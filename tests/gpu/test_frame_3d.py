"""The 3D features of the frame description in the Python executor: polygon offset,
depth attachments sampled later, 3D textures (u1, f2, f4) with linear filtering, front
culling, alpha to coverage, ``u_projection``, and texture size limits."""

from __future__ import annotations

import json

import numpy as np
import pytest
from frames3d import (
    PLANES,
    colored_cube,
    coverage_frame,
    cull_frame,
    depth_target_frame,
    expected_plane_depth,
    offset_frame,
    projection_frame,
    trilinear_slices,
    volume_texture_frame,
)

from lumos.gpu import Attribute, Buffer, Draw, Frame, Program, State, Texture, View
from lumos.gpu.context import current
from lumos.gpu.executor import ModernGLExecutor, OffscreenTarget
from lumos.gpu.frame import RenderTarget


def render(frame: Frame, samples: int = 4, targets=()):
    with current() as ctx:
        out = OffscreenTarget(ctx, frame.size, samples=samples)
        ex = ModernGLExecutor(ctx)
        try:
            ex.render(frame, out.fbo)
            return out.read(), [ex.target_pixels(t) for t in targets]
        finally:
            out.release()
            ex.release_unused(Frame(size=(1, 1)))


def blue(img):
    return (img[..., 2] > 150) & (img[..., 0] < 100)


def test_polygon_offset_puts_the_wireframe_over_the_surface():
    alone = blue(render(offset_frame(None, strips_only=True))[0]).sum()
    with_offset = blue(render(offset_frame((1.0, 1.0)))[0]).sum()
    without = blue(render(offset_frame(None))[0]).sum()
    assert alone > 1500
    # every strip pixel survives over the pushed-back surface; without the offset the
    # coplanar strips lose most of the depth tests (z-fighting)
    assert with_offset >= 0.98 * alone
    assert without < 0.7 * alone


def test_polygon_offset_is_for_triangles_only():
    with pytest.raises(ValueError, match="polygon_offset"):
        Draw(Program("void main(){}", "void main(){}"), "v", "lines", 2,
             state=State(polygon_offset=(1, 1)))
    with pytest.raises(TypeError, match="polygon_offset"):
        State(polygon_offset="far")
    with pytest.raises(ValueError, match="cull"):
        State(cull="both")


def test_depth_target_is_sampled_with_the_exact_depth_of_the_nearer_surface():
    frame, scene, out = depth_target_frame()
    img, (depth,) = render(frame, targets=[out])
    d = depth[..., 0]
    # every 4th pixel: the depth of the nearer plane that covers it (float64), or 1.0
    rows, cols = np.mgrid[2:88:4, 2:120:4]
    pix = np.c_[cols.ravel(), rows.ravel()]
    expected = np.ones(len(pix))
    far, near = PLANES
    for z, (x0, x1, y0, y1) in (far, near):  # the near plane last: it wins
        depth_z, hit = expected_plane_depth(frame, z, pix)
        inside = (hit[:, 0] > x0 + 0.02) & (hit[:, 0] < x1 - 0.02) & \
            (hit[:, 1] > y0 + 0.02) & (hit[:, 1] < y1 - 0.02)
        edge = ((hit[:, 0] > x0 - 0.02) & (hit[:, 0] < x1 + 0.02) &
                (hit[:, 1] > y0 - 0.02) & (hit[:, 1] < y1 + 0.02)) & ~inside
        expected[inside] = depth_z[inside]
        expected[edge] = np.nan  # a pixel on an edge could go either way
    ok = ~np.isnan(expected)
    assert (expected[ok] < 1).sum() > 100 and (expected[ok] == 1).sum() > 10
    assert len(np.unique(np.round(expected[ok], 7))) > 10  # depth varies down the view
    got = d[pix[:, 1], pix[:, 0]]
    np.testing.assert_allclose(got[ok], expected[ok], atol=2e-6)
    # and the same values reach the screen: red = depth (8 bits)
    red = img[6:94, 10:130, 0] / 255.0
    assert np.abs(red - d).max() < 1.5 / 255


def test_depth_target_json_and_misuse():
    frame, scene, out = depth_target_frame()
    desc, _ = frame.to_json()
    assert desc["targets"][scene.id]["depth"] is True
    assert desc["draws"][2]["textures"] == {"u_depth": f"{scene.id}.depth"}
    json.dumps(desc)
    with pytest.raises(ValueError, match="depth"):
        _ = RenderTarget().depth_texture
    # a draw may not sample the depth of the target it draws into
    frame.draws[2].target = scene
    with pytest.raises(ValueError, match="both drawn into and sampled"):
        render(frame)


@pytest.mark.parametrize("dtype", ["u1", "f2", "f4"])
def test_3d_textures_filter_linearly(dtype):
    frame, out, ref, tex = volume_texture_frame(dtype)
    assert tex.dtype == dtype
    _, (got,) = render(frame, samples=1, targets=[out])
    expected = trilinear_slices(ref, *frame.size)
    # GL filters with 8 bits of sub-texel weight: a little under 1 % of the value range
    assert np.abs(got[..., 0] - expected).max() < 0.01
    assert frame.to_json()[0]["textures"][tex.id]["dtype"] == dtype


def test_float16_textures_are_not_buffers():
    with pytest.raises(TypeError, match="float16"):
        Buffer(np.zeros(4, np.float16))


def test_front_culling_shows_the_inside():
    img, _ = render(cull_frame())
    pos, col = colored_cube()
    left, right = img[50, 50, :3].astype(int), img[50, 150, :3].astype(int)
    colors = {tuple(c[:3]) for c in col}
    # each side sees one of the face colors at its centre, and not the same one
    assert tuple(left) in colors and tuple(right) in colors
    assert tuple(left) != tuple(right)


def test_alpha_to_coverage_turns_alpha_into_coverage():
    ramp, _ = render(coverage_frame(True, blend=None), samples=4)
    solid, _ = render(coverage_frame(False, blend=None), samples=4)
    green = ramp[10, :, 1].astype(float)  # white 255 -> red's 0.1 * 255 as coverage grows
    assert (solid[10, :, 1] < 40).all()  # no blending, no coverage: solid red
    assert green[:10].mean() > green[-10:].mean() + 100
    assert (np.diff(green) <= 0).all()  # more alpha, more of the red covers the pixel
    levels = np.unique(np.round(green / 16))
    assert len(levels) >= 3  # partial coverage in between
    # with blending, coverage and blending multiply; without multisampling only the
    # blending is left
    both, _ = render(coverage_frame(True), samples=4)
    assert (both[10, :, 1] >= ramp[10, :, 1]).all()
    single, _ = render(coverage_frame(True), samples=1)
    blended, _ = render(coverage_frame(False), samples=1)
    np.testing.assert_array_equal(single, blended)


@pytest.mark.parametrize("fov", [40.0, 0.0])
def test_u_projection_times_modelview_is_u_mvp(fov):
    img, _ = render(projection_frame(fov), samples=1)
    red = (img[..., 0] > 200) & (img[..., 1] < 100)
    green = img[..., 1] > 100
    assert green.sum() > 1000
    assert red.sum() <= 3  # at most rounding at a few edge pixels


def test_textures_beyond_the_context_limit_raise():
    frame3d, _, depth_out = depth_target_frame()
    _, (before,) = render(frame3d, targets=[depth_out])
    with current() as ctx:
        ex = ModernGLExecutor(ctx)
        limit = ex.limits.max_3d_texture_size
        assert limit >= 256  # what GL 3.3 and WebGL2 guarantee
        tex = Texture(np.zeros((1, 1, limit + 1), np.uint8), dim=3)
        frame = Frame(size=(4, 4))
        frame.views["v"] = View("v", (0, 0, 4, 4), {"type": "panzoom", "rect": [0, 0, 1, 1]})
        frame.draws.append(Draw(Program("in vec2 a_pos;\nvoid main() { gl_Position = "
                                        "vec4(a_pos, 0.0, 1.0); }",
                                        "uniform sampler3D u_t;\nout vec4 f;\nvoid main() { "
                                        "f = texture(u_t, vec3(0.5)); }"),
                                "v", "triangle_strip", 4,
                                attributes={"a_pos": Attribute(Buffer(np.zeros((4, 2),
                                                                               np.float32)), 2)},
                                textures={"u_t": tex}))
        target = OffscreenTarget(ctx, (4, 4), samples=1)
        try:
            with pytest.raises(ValueError, match=f"maximum 3D texture size of {limit}"):
                ex.render(frame, target.fbo)
        finally:
            target.release()
    # a frame that raised leaves the context as it found it: the next one draws the same
    _, (after,) = render(frame3d, targets=[depth_out])
    np.testing.assert_array_equal(after, before)
