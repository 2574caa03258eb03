"""Render targets: float accumulation with additive blending, sampling, formats, sizes."""

from __future__ import annotations

import json

import numpy as np
import pytest

from lumos.gpu import Attribute, Buffer, Draw, Frame, Program, State, View
from lumos.gpu.context import current
from lumos.gpu.executor import ModernGLExecutor, OffscreenTarget
from lumos.gpu.frame import RenderTarget

W, H = 40, 30

POINTS_VS = """
uniform mat4 u_mvp;
in vec2 a_pos;
void main() { gl_Position = u_mvp * vec4(a_pos, 0.0, 1.0); gl_PointSize = 1.0; }
"""
ONE_FS = "out vec4 f_color;\nvoid main() { f_color = vec4(1.0, 0.5, 0.0, 1.0); }\n"
QUAD_VS = """
in vec2 a_pos;
void main() { gl_Position = vec4(a_pos, 0.0, 1.0); }
"""
# counts / 8 as gray, read with texelFetch at this fragment's pixel of the view
SHOW_FS = """
uniform sampler2D u_counts;
uniform vec4 u_viewport;
out vec4 f_color;
void main() {
    float c = texelFetch(u_counts, ivec2(gl_FragCoord.xy - u_viewport.xy), 0).r;
    f_color = vec4(vec3(min(c / 8.0, 1.0)), 1.0);
}
"""


@pytest.fixture(scope="module")
def ctx():
    with current() as ctx:  # lumos's context, current in this thread for the module
        yield ctx


@pytest.fixture
def executor(ctx):
    return ModernGLExecutor(ctx)


def pixel_centres(rng, n, size=(W, H)) -> np.ndarray:
    """``n`` points at pixel centres of the data rect [0, w] x [0, h] (with repeats)."""
    ij = rng.integers(0, [size[0], size[1]], size=(n, 2))
    return (ij + 0.5).astype(np.float32)


def accumulate_frame(points: np.ndarray, target: RenderTarget, rect=(0, 0, W, H),
                     size=(W, H)) -> Frame:
    frame = Frame(size=size, clear_color=(1.0, 0.0, 1.0, 1.0))
    frame.views["v"] = View("v", rect, {"type": "panzoom", "rect": [0, 0, rect[2], rect[3]]})
    frame.draws.append(Draw(Program(POINTS_VS, ONE_FS), "v", "points", len(points),
                            attributes={"a_pos": Attribute(Buffer(points), 2)},
                            target=target, state=State(blend="add")))
    quad = Buffer(np.array([[-1, -1], [1, -1], [-1, 1], [1, 1]], np.float32))
    frame.draws.append(Draw(Program(QUAD_VS, SHOW_FS), "v", "triangle_strip", 4,
                            attributes={"a_pos": Attribute(quad, 2)},
                            textures={"u_counts": target}, state=State(blend=None)))
    return frame


def expected_counts(points: np.ndarray, w=W, h=H) -> np.ndarray:
    """(h, w) counts, first row at the top like a picture."""
    counts = np.zeros((h, w))
    np.add.at(counts, (h - 1 - np.floor(points[:, 1]).astype(int),
                       np.floor(points[:, 0]).astype(int)), 1)
    return counts


def render(executor, ctx, frame):
    out = OffscreenTarget(ctx, frame.size, samples=1)
    try:
        executor.render(frame, out.fbo)
        return out.read()
    finally:
        out.release()


def test_points_accumulate_additively_in_a_float_target(executor, ctx):
    rng = np.random.default_rng(0)
    pts = pixel_centres(rng, 3000)
    target = RenderTarget(size="view", format="rgba32f")
    img = render(executor, ctx, accumulate_frame(pts, target))
    counts = executor.target_pixels(target)
    expected = expected_counts(pts)
    assert counts.shape == (H, W, 4)
    np.testing.assert_array_equal(counts[..., 0], expected)          # beyond 1.0: floats
    np.testing.assert_array_equal(counts[..., 1], expected * 0.5)
    np.testing.assert_array_equal(counts[..., 3], expected)
    # the second draw sampled the target: counts / 8 as gray
    gray = np.round(np.minimum(expected / 8, 1) * 255)
    assert np.abs(img[..., 0].astype(float) - gray).max() <= 1


def test_view_sized_target_follows_the_view_rect_and_viewport(executor, ctx):
    """A view at an offset: the target is the view's size, the accumulation pass uses
    the whole target as its viewport and the second pass reads it per view pixel."""
    rng = np.random.default_rng(1)
    pts = pixel_centres(rng, 500, size=(24, 18))
    target = RenderTarget()
    frame = accumulate_frame(pts, target, rect=(10, 5, 24, 18), size=(W, H))
    img = render(executor, ctx, frame)
    counts = executor.target_pixels(target)
    assert counts.shape == (18, 24, 4)
    np.testing.assert_array_equal(counts[..., 0], expected_counts(pts, 24, 18))
    inside = img[5:23, 10:34, 0].astype(float)
    assert np.abs(inside - np.round(np.minimum(expected_counts(pts, 24, 18) / 8, 1) * 255)
                  ).max() <= 1
    assert (img[0, 0, :3] == [255, 0, 255]).all()  # outside the view: the clear color


def test_fixed_size_target_and_clear_color(executor, ctx):
    target = RenderTarget(size=(8, 4), format="rgba32f", clear=(2.0, 0.0, 0.0, 0.0))
    pts = np.array([[0.5, 0.5], [0.5, 0.5], [7.5, 3.5]], np.float32)
    frame = accumulate_frame(pts, target, rect=(0, 0, 8, 4), size=(8, 4))
    render(executor, ctx, frame)
    counts = executor.target_pixels(target)[..., 0]
    expected = np.full((4, 8), 2.0)
    expected[3, 0] += 2
    expected[0, 7] += 1
    np.testing.assert_array_equal(counts, expected)


def test_clear_none_keeps_the_content_across_frames(executor, ctx):
    target = RenderTarget(size=(4, 4), clear=None)
    pts = np.array([[1.5, 1.5]], np.float32)
    frame = accumulate_frame(pts, target, rect=(0, 0, 4, 4), size=(4, 4))
    for _ in range(3):
        render(executor, ctx, frame)
    assert executor.target_pixels(target)[2, 1, 0] == 3.0


@pytest.mark.parametrize(("fmt", "limit"), [("rgba16f", 2048.0), ("rgba8", 1.0)])
def test_other_formats(executor, ctx, fmt, limit):
    """rgba16f holds integers exactly up to 2048; rgba8 saturates at 1.0."""
    target = RenderTarget(size=(4, 4), format=fmt)
    pts = np.array([[1.5, 1.5]] * 5, np.float32)
    render(executor, ctx, accumulate_frame(pts, target, rect=(0, 0, 4, 4), size=(4, 4)))
    assert executor.target_pixels(target)[2, 1, 0] == min(5.0, limit)


def test_resized_view_remakes_the_target_and_unused_targets_are_released(executor, ctx):
    target = RenderTarget()
    pts = np.array([[0.5, 0.5]], np.float32)
    render(executor, ctx, accumulate_frame(pts, target, rect=(0, 0, 10, 10), size=(20, 20)))
    assert executor.target_pixels(target).shape == (10, 10, 4)
    render(executor, ctx, accumulate_frame(pts, target, rect=(0, 0, 16, 12), size=(20, 20)))
    assert executor.target_pixels(target).shape == (12, 16, 4)
    executor.release_unused(Frame(size=(1, 1)))
    assert target.id not in executor._targets


def test_drawing_into_and_sampling_one_target_in_one_draw_is_refused(executor, ctx):
    target = RenderTarget(size=(4, 4))
    frame = accumulate_frame(np.zeros((1, 2), np.float32), target, rect=(0, 0, 4, 4),
                             size=(4, 4))
    frame.draws[1].target = target
    with pytest.raises(ValueError, match="both drawn into and sampled"):
        render(executor, ctx, frame)


def test_json_form_names_targets():
    target = RenderTarget(size=(8, 4), format="rgba16f", clear=None, filter="linear")
    frame = accumulate_frame(np.zeros((2, 2), np.float32), target)
    desc, _ = frame.to_json()
    assert desc["targets"] == {target.id: {"size": [8, 4], "format": "rgba16f",
                                           "clear": None, "filter": "linear", "depth": False}}
    assert desc["draws"][0]["target"] == target.id
    assert desc["draws"][1]["target"] is None
    assert desc["draws"][1]["textures"] == {"u_counts": target.id}
    assert target.id not in desc["textures"]
    assert RenderTarget().to_json()["size"] == "view"
    json.dumps(desc)


@pytest.mark.parametrize(("kwargs", "error", "match"), [
    ({"size": "screen"}, ValueError, "size: got 'screen'"),
    ({"size": (0, 4)}, ValueError, "positive"),
    ({"size": 3}, TypeError, "size: got 3"),
    ({"format": "rgba4"}, ValueError, "format: got 'rgba4'"),
    ({"filter": "cubic"}, ValueError, "filter: got 'cubic'"),
    ({"key": "a"}, TypeError, "key: got 'a'"),
    ({"key": 1.5}, TypeError, "key: got 1.5"),
])
def test_bad_arguments(kwargs, error, match):
    with pytest.raises(error, match=match):
        RenderTarget(**kwargs)


COLOR_FS = "uniform vec4 u_c;\nout vec4 f_color;\nvoid main() { f_color = u_c; }\n"


def test_keyed_target_is_drawn_again_only_for_a_new_key_or_executor(ctx):
    """A kept target with a key: its draws are skipped while the executor's copy holds
    what they drew under that key; a new key, or an executor that never drew it, draws."""
    target = RenderTarget(size=(4, 2), format="rgba8", clear=None, key=1)
    quad = Buffer(np.array([[-1, -1], [1, -1], [-1, 1], [1, 1]], np.float32))

    def frame(color) -> Frame:
        f = Frame(size=(4, 2))
        f.views["v"] = View("v", (0, 0, 4, 2), {"type": "panzoom", "rect": [0, 0, 4, 2]})
        f.draws.append(Draw(Program(QUAD_VS, COLOR_FS), "v", "triangle_strip", 4,
                            attributes={"a_pos": Attribute(quad, 2)},
                            uniforms={"u_c": color}, target=target,
                            state=State(blend=None)))
        return f

    def red_of(executor, color) -> float:
        render(executor, ctx, frame(color))
        return float(executor.target_pixels(target)[0, 0, 0])

    first = ModernGLExecutor(ctx)
    assert red_of(first, (1.0, 0.0, 0.0, 1.0)) == 1.0
    assert red_of(first, (0.0, 0.0, 0.0, 1.0)) == 1.0  # same key: not drawn
    target.key = 2
    assert red_of(first, (0.0, 0.0, 0.0, 1.0)) == 0.0  # a new key: drawn
    assert red_of(ModernGLExecutor(ctx), (1.0, 0.0, 0.0, 1.0)) == 1.0  # a fresh executor
    assert frame((0, 0, 0, 1)).to_json()[0]["targets"][target.id]["key"] == 2
