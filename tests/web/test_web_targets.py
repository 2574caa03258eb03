"""Render targets in runtime.js against the Python executor: the same accumulation
(additive blending into float targets) and the same picture sampled from them."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]

import browser  # noqa: E402
from test_web_executor import assert_same, render_browser  # noqa: E402

from lumos.gpu import Attribute, Buffer, Draw, Frame, Program, State, View  # noqa: E402
from lumos.gpu.context import current  # noqa: E402
from lumos.gpu.executor import ModernGLExecutor, OffscreenTarget  # noqa: E402
from lumos.gpu.frame import RenderTarget  # noqa: E402
from lumos.io.html import save_html  # noqa: E402

pytestmark = pytest.mark.browser

POINTS_VS = """
uniform mat4 u_mvp;
in vec2 a_pos;
void main() { gl_Position = u_mvp * vec4(a_pos, 0.0, 1.0); gl_PointSize = 1.0; }
"""
POINTS_FS = """
uniform vec4 u_weight;
out vec4 f_color;
void main() { f_color = u_weight; }
"""
QUAD_VS = """
in vec2 a_pos;
void main() { gl_Position = vec4(a_pos, 0.0, 1.0); }
"""
# the row maxima of the counts, one fragment per row (fixed-size 1 x h target)
ROWMAX_FS = """
uniform sampler2D u_counts;
out vec4 f_color;
void main() {
    int y = int(gl_FragCoord.y);
    int w = textureSize(u_counts, 0).x;
    float m = 0.0;
    for (int x = 0; x < w; x++) m = max(m, texelFetch(u_counts, ivec2(x, y), 0).r);
    f_color = vec4(m, 0.0, 0.0, 1.0);
}
"""
# counts / row maximum through a blue-yellow ramp; empty pixels stay transparent
SHOW_FS = """
uniform sampler2D u_counts;
uniform sampler2D u_rowmax;
uniform vec4 u_viewport;
out vec4 f_color;
void main() {
    ivec2 ij = ivec2(gl_FragCoord.xy - u_viewport.xy);
    vec4 c = texelFetch(u_counts, ij, 0);
    float top = texelFetch(u_rowmax, ivec2(0, ij.y), 0).r;
    if (c.r == 0.0) discard;
    float t = c.r / max(top, 1.0);
    f_color = vec4(mix(vec3(0.1, 0.2, 0.9), vec3(1.0, 0.9, 0.1), t), 1.0);
}
"""


def targets_frame() -> tuple[Frame, RenderTarget, RenderTarget]:
    """Points at pixel centres accumulated into a view-sized rgba32f target (several
    hundred per pixel in a cluster: beyond what 8-bit targets hold), a row-maximum
    pass into a fixed 1 x h target, and a view pass mapping count / row max to color."""
    w, h = 96, 64
    frame = Frame(size=(w + 20, h + 10), clear_color=(1.0, 1.0, 1.0, 1.0))
    frame.views["v"] = View("v", (12, 4, w, h), {"type": "panzoom", "rect": [0, 0, w, h]},
                            bgcolor=(0.85, 0.85, 0.85, 1.0))
    rng = np.random.default_rng(5)
    spread = rng.integers(0, [w, h], size=(6000, 2))
    cluster = np.clip(rng.normal([60, 20], 3, size=(20000, 2)).astype(int), 0, [w - 1, h - 1])
    pts = (np.concatenate([spread, cluster]) + 0.5).astype(np.float32)
    counts = RenderTarget(size="view", format="rgba32f")
    rowmax = RenderTarget(size=(1, h), format="rgba32f", clear=(0.0, 0.0, 0.0, 0.0))
    quad = Buffer(np.array([[-1, -1], [1, -1], [-1, 1], [1, 1]], np.float32))
    frame.draws.append(Draw(Program(POINTS_VS, POINTS_FS), "v", "points", len(pts),
                            attributes={"a_pos": Attribute(Buffer(pts), 2)},
                            uniforms={"u_weight": (1.0, 0.25, 0.0, 1.0)},
                            target=counts, state=State(blend="add")))
    frame.draws.append(Draw(Program(QUAD_VS, ROWMAX_FS), "v", "triangle_strip", 4,
                            attributes={"a_pos": Attribute(quad, 2)},
                            textures={"u_counts": counts}, target=rowmax,
                            state=State(blend=None)))
    frame.draws.append(Draw(Program(QUAD_VS, SHOW_FS), "v", "triangle_strip", 4,
                            attributes={"a_pos": Attribute(quad, 2)},
                            textures={"u_counts": counts, "u_rowmax": rowmax},
                            state=State(blend="alpha")))
    return frame, counts, rowmax


def python_side(frame: Frame, targets) -> tuple[np.ndarray, list[np.ndarray]]:
    with current() as ctx:
        out = OffscreenTarget(ctx, frame.size)
        ex = ModernGLExecutor(ctx)
        try:
            ex.render(frame, out.fbo)
            return out.read(), [ex.target_pixels(t) for t in targets]
        finally:
            out.release()
            ex.release_unused(Frame(size=(1, 1)))


def test_target_accumulation_and_sampling_match(tmp_path):
    frame, counts, rowmax = targets_frame()
    expected, (py_counts, py_rowmax) = python_side(frame, [counts, rowmax])
    assert py_counts[..., 0].max() > 255  # float counts, beyond 8 bits
    actual = render_browser(frame, tmp_path, "web_targets")
    assert_same("web_targets", actual, expected)
    assert len(np.unique(expected[..., :3].reshape(-1, 3), axis=0)) >= 20


def test_target_contents_match_and_formats_are_reported(tmp_path):
    frame, counts, rowmax = targets_frame()
    _, (py_counts, py_rowmax) = python_side(frame, [counts, rowmax])
    html = save_html(frame, tmp_path / "targets.html")
    with browser.Chromium((frame.size[0], frame.size[1])) as b:
        b.open(html)
        info = b.evaluate(f"""(() => {{
            const r = lumos.standalone;
            return {{floatBlend: r.floatBlend, colorBufferFloat: r.colorBufferFloat,
                     format: r.targets.get("{counts.id}").format,
                     counts: Array.from(r.readTarget("{counts.id}")),
                     rowmax: Array.from(r.readTarget("{rowmax.id}"))}};
        }})()""")
    # SwiftShader has both extensions: rgba32f really is 32-bit float here
    assert info["colorBufferFloat"] and info["floatBlend"]
    assert info["format"] == "rgba32f"
    js_counts = np.array(info["counts"], np.float32).reshape(py_counts.shape)
    np.testing.assert_array_equal(js_counts, py_counts)
    np.testing.assert_array_equal(np.array(info["rowmax"]).reshape(py_rowmax.shape), py_rowmax)


@pytest.mark.parametrize("norm", ["eq_hist", "log"])
def test_density_visual_matches(tmp_path, norm):
    """The density passes (splats, reductions, histogram, CDF, colormap) give the same
    picture in the browser, which needs no Python to recompute them."""
    from lumos.scene import Canvas
    from lumos.visuals.density import Density

    rng = np.random.default_rng(9)
    xy = np.concatenate([rng.normal(size=(30000, 2)), rng.normal([2, 1], 0.2, (5000, 2))])
    # at pixel centres: the two rasterizers snap points near a pixel edge differently
    pixel = np.array([8 / 160, 6 / 100])
    xy = (np.floor((xy - [-4, -3]) / pixel) + 0.5) * pixel + [-4, -3]
    canvas = Canvas(size=(160, 100), bgcolor="white")
    view = canvas.add_view()
    view.camera.rect = (-4, -3, 8, 6)
    view.add(Density(xy, norm=norm, cmap="viridis"))
    frame = canvas.frame()
    expected = python_side(frame, [])[0]
    actual = render_browser(frame, tmp_path, f"web_density_{norm}")
    assert_same(f"web_density_{norm}", actual, expected)
    # a picture of many levels, not a flat one: colormap entries as matplotlib reads them
    # (no blends of two entries) give 26 distinct colors here
    assert len(np.unique(expected[..., :3].reshape(-1, 3), axis=0)) >= 20


def test_translucent_line_layer_matches(tmp_path):
    """A translucent line's layer (blend "max", then blended over the view): the page
    draws its self-crossing once too, as the Python executor and matplotlib do."""
    from lumos.scene import Canvas
    from lumos.visuals import Line

    canvas = Canvas(size=(80, 80), bgcolor="white")
    view = canvas.add_view()
    view.camera.rect = (0, 0, 80, 80)
    view.add(Line(pos=[[10.0, 10.0], [70.0, 70.0], [70.0, 10.0], [10.0, 70.0]], width=8,
                  color=(0, 0, 1, 0.4)))
    frame = canvas.frame()
    assert [d.state.blend for d in frame.draws][-3:] == [None, "max", "alpha"]
    expected = python_side(frame, [])[0]
    actual = render_browser(frame, tmp_path, "web_line_layer")
    assert_same("web_line_layer", actual, expected)
    crossing, single = actual[40, 40, :3].astype(int), actual[55, 25, :3].astype(int)
    assert abs(crossing - single).max() <= 3 and single[0] < 200


def test_keyed_target_is_drawn_again_only_for_a_new_key(tmp_path):
    """runtime.js as the executor: draws into a kept target with a key are skipped while
    the page's target holds what they drew under that key (RenderTarget.key)."""
    target = RenderTarget(size=(4, 2), format="rgba8", clear=None, key=1)
    quad = Buffer(np.array([[-1, -1], [1, -1], [-1, 1], [1, 1]], np.float32))
    frame = Frame(size=(4, 2))
    frame.views["v"] = View("v", (0, 0, 4, 2), {"type": "panzoom", "rect": [0, 0, 4, 2]})
    frame.draws.append(Draw(Program(QUAD_VS, POINTS_FS), "v", "triangle_strip", 4,
                            attributes={"a_pos": Attribute(quad, 2)},
                            uniforms={"u_weight": (1.0, 0.0, 0.0, 1.0)}, target=target,
                            state=State(blend=None)))
    html = save_html(frame, tmp_path / "keyed.html")
    with browser.Chromium((4, 2)) as b:
        b.open(html)
        reds = b.evaluate(f"""(() => {{
            const r = lumos.standalone, red = () => r.readTarget("{target.id}")[0];
            const out = [red()];
            r.desc.draws[0].uniforms.u_weight = [0, 0, 0, 1];
            r.draw();
            out.push(red());  // the same key: not drawn
            r.desc.targets["{target.id}"].key = 2;
            r.draw();
            out.push(red());  // a new key: drawn
            return out;
        }})()""")
    assert reds == [1, 1, 0]
