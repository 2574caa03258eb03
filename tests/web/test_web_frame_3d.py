"""The 3D features of the frame description in runtime.js against the Python executor:
polygon offset, depth attachments, 3D textures of every dtype, front culling, alpha to
coverage, ``u_projection`` and texture limits."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]

import browser  # noqa: E402
import frames3d  # noqa: E402
from test_web_executor import check_frame, render_browser  # noqa: E402

from lumos.gpu import Attribute, Buffer, Draw, Frame, Program, Texture, View  # noqa: E402
from lumos.gpu.context import current  # noqa: E402
from lumos.gpu.executor import ModernGLExecutor, OffscreenTarget  # noqa: E402
from lumos.io.html import save_html  # noqa: E402

pytestmark = pytest.mark.browser


def python_targets(frame: Frame, targets) -> list[np.ndarray]:
    with current() as ctx:
        out = OffscreenTarget(ctx, frame.size)
        ex = ModernGLExecutor(ctx)
        try:
            ex.render(frame, out.fbo)
            return [ex.target_pixels(t) for t in targets]
        finally:
            out.release()
            ex.release_unused(Frame(size=(1, 1)))


def browser_targets(frame: Frame, targets, tmp_path: Path, name: str) -> tuple[list, dict]:
    html = save_html(frame, tmp_path / f"{name}.html")
    ids = ", ".join(f'"{t.id}"' for t in targets)
    with browser.Chromium(frame.size) as b:
        b.open(html)
        info = b.evaluate(f"""(() => {{
            const r = lumos.standalone;
            return {{floatLinear: r.floatLinear, max3d: r.max3DTextureSize,
                     targets: [{ids}].map((id) => Array.from(r.readTarget(id)))}};
        }})()""")
    out = [np.array(v, np.float32).reshape(t_shape(frame, t)) for v, t in
           zip(info["targets"], targets, strict=True)]
    return out, info


def t_shape(frame: Frame, target) -> tuple[int, int, int]:
    rect = frame.views["v"].rect
    return (rect[3], rect[2], 4)


def test_polygon_offset_matches(tmp_path):
    frame = frames3d.offset_frame((1.0, 1.0))
    actual = check_frame(frame, tmp_path, "web_polygon_offset", min_colors=2)
    alone = render_browser(frames3d.offset_frame(None, strips_only=True), tmp_path, "alone")
    blue = lambda img: ((img[..., 2] > 150) & (img[..., 0] < 100)).sum()  # noqa: E731
    assert blue(alone) > 1500
    assert blue(actual) >= 0.98 * blue(alone)


def test_depth_target_matches(tmp_path):
    frame, scene, out = frames3d.depth_target_frame()
    (expected,) = python_targets(frame, [out])
    (actual,), _ = browser_targets(frame, [out], tmp_path, "web_depth_target")
    # the same depth values, read in the same place: SwiftShader interpolates depth a
    # little differently (~1e-6 here, which is ~1e-4 of the eye distance), and pixels on
    # the planes' edges may go either way
    diff = np.abs(actual[..., 0] - expected[..., 0])
    assert (diff > 1e-5).mean() < 0.02
    assert (expected[..., 0] < 1).sum() > 2000


@pytest.mark.parametrize("dtype", ["u1", "f2", "f4"])
def test_3d_textures_match(tmp_path, dtype):
    frame, out, ref, tex = frames3d.volume_texture_frame(dtype)
    (expected,) = python_targets(frame, [out])
    (actual,), info = browser_targets(frame, [out], tmp_path, f"web_tex3d_{dtype}")
    if dtype == "f4":
        assert info["floatLinear"]  # SwiftShader filters float32 textures linearly
    truth = frames3d.trilinear_slices(ref, *frame.size)
    assert np.abs(actual[..., 0] - truth).max() < 0.01
    assert np.abs(actual[..., 0] - expected[..., 0]).max() < 0.01


def test_front_culling_matches(tmp_path):
    check_frame(frames3d.cull_frame(), tmp_path, "web_cull", min_colors=4)


def test_alpha_to_coverage_matches_on_average(tmp_path):
    frame = frames3d.coverage_frame(True)
    from scenes import render_python

    expected = render_python(frame)[10, :, 1].astype(float)
    actual = render_browser(frame, tmp_path, "web_a2c")[10, :, 1].astype(float)
    # the dither of partial coverage is the implementation's: compare means over
    # stretches of 20 pixels, and the ramp's direction
    e, a = (v.reshape(6, 20).mean(axis=1) for v in (expected, actual))
    assert a[0] > a[-1] + 100
    assert np.abs(a - e).max() < 30  # whole samples apart at most (255 / 4 * 0.45)


@pytest.mark.parametrize("fov", [40.0, 0.0])
def test_u_projection_matches(tmp_path, fov):
    img = check_frame(frames3d.projection_frame(fov), tmp_path, f"web_projection_{fov:g}",
                      min_colors=2)
    red = (img[..., 0] > 200) & (img[..., 1] < 100)
    assert red.sum() <= 3


def test_texture_beyond_the_browser_limit_is_an_error(tmp_path):
    n = 16385  # beyond any 3D texture limit
    tex = Texture(np.zeros((1, 1, n), np.uint8), dim=3)
    frame = Frame(size=(8, 8))
    frame.views["v"] = View("v", (0, 0, 8, 8), {"type": "panzoom", "rect": [0, 0, 1, 1]})
    frame.draws.append(Draw(Program(frames3d.QUAD_VS, "uniform sampler3D u_t;\nout vec4 f;\n"
                                    "void main() { f = texture(u_t, vec3(0.5)); }"),
                            "v", "triangle_strip", 4,
                            attributes={"a_pos": Attribute(Buffer(frames3d.QUAD), 2)},
                            textures={"u_t": tex}))
    html = save_html(frame, tmp_path / "big.html")
    with browser.Chromium((8, 8)) as b, pytest.raises(browser.BrowserError) as err:
        b.open(html)
    assert "beyond this browser's largest 3D texture" in str(err.value)
