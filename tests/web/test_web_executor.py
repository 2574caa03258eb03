"""runtime.js against the Python executor: the same frame must give the same picture.

Each frame is rendered by ``ModernGLExecutor`` (llvmpipe, 4x MSAA) and by Chromium
(WebGL2 on SwiftShader, 4x MSAA) from the standalone HTML export.

Tolerance: mean absolute difference per RGB channel at most ``MEAN_TOL`` (0..255)
and at most ``BAD_TOL`` of the pixels with a channel off by more than 32. The two
rasterizers place MSAA samples and round texture filter weights a little
differently, which shows only along edges.
"""

from __future__ import annotations

import base64
import json
import sys
from pathlib import Path

import numpy as np
import pytest

# browser.py lives in tests/, scenes.py next to this file.
sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]

import browser  # noqa: E402
from scenes import (  # noqa: E402
    COLOR_VS,
    instanced_frame,
    markers_frame,
    mesh_frame,
    outline_markers_frame,
    pixel_ratio_frame,
    points_frame,
    render_python,
    texture_frame,
)

from lumos.gpu import Frame, Program  # noqa: E402
from lumos.gpu.camera_math import draw_matrices  # noqa: E402
from lumos.io.html import save_html  # noqa: E402

pytestmark = pytest.mark.browser

MEAN_TOL = 1.0
BAD_TOL = 0.005


def render_browser(frame: Frame, tmp_path: Path, name: str) -> np.ndarray:
    html = save_html(frame, tmp_path / f"{name}.html", title=name)
    ratio = frame.pixel_ratio
    css = (round(frame.size[0] / ratio), round(frame.size[1] / ratio))
    return browser.screenshot(html, css, scale=ratio)


def assert_same(name: str, actual: np.ndarray, expected: np.ndarray) -> dict:
    diff = browser.image_difference(actual, expected)
    if not (diff["max_channel_mean"] <= MEAN_TOL and diff["bad_fraction"] <= BAD_TOL):
        out = browser.write_comparison(name, actual, expected)
        pytest.fail(f"{name}: browser and Python pictures differ: {diff} (tolerance: mean "
                    f"{MEAN_TOL} per channel, fraction off by >32: {BAD_TOL}); see {out}")
    return diff


def check_frame(frame: Frame, tmp_path: Path, name: str, min_colors: int = 9) -> np.ndarray:
    expected = render_python(frame)
    actual = render_browser(frame, tmp_path, name)
    assert_same(name, actual, expected)
    # A blank picture would match a blank picture: make sure something was drawn.
    assert len(np.unique(expected[..., :3].reshape(-1, 3), axis=0)) >= min_colors
    return actual


# -- tests -----------------------------------------------------------------------------
def test_mesh_depth_turntable_and_large_origin(tmp_path):
    check_frame(mesh_frame(), tmp_path, "web_mesh")


def test_textures_float_rgba_and_3d(tmp_path):
    check_frame(texture_frame(), tmp_path, "web_textures")


def test_instanced_indexed_blend(tmp_path):
    check_frame(instanced_frame(), tmp_path, "web_instanced")


def test_u4_instance_attribute(tmp_path):
    check_frame(instanced_frame(u4_ids=True), tmp_path, "web_u4")


def test_points_use_gl_point_size(tmp_path):
    # one flat color: count painted pixels instead of colors (20 points of 7x7 pixels)
    actual = check_frame(points_frame(), tmp_path, "web_points", min_colors=2)
    painted = (actual[..., :3] != 255).any(axis=2).sum()
    assert painted > 20 * 30


def test_markers_as_points_with_a_margin(tmp_path):
    frame = markers_frame()
    assert {d.mode for d in frame.draws} == {"points"} and all(d.margin for d in frame.draws)
    actual = check_frame(frame, tmp_path, "web_markers")
    # the markers centred outside the view (left of it, below it) reach into it
    assert (actual[10 + 50, 20:24, :3] < 200).any()
    assert (actual[10 + 96 : 10 + 100, 20 + 130, :3] < 200).any()
    assert (actual[:10, :, :3] == 255).all() and (actual[:, :20, :3] == 255).all()  # scissor


def test_outline_markers_sample_their_distance_field(tmp_path):
    frame = outline_markers_frame()
    assert {d.mode for d in frame.draws} == {"points", "triangle_strip"}
    assert all("u_shape" in d.textures for d in frame.draws)
    check_frame(frame, tmp_path, "web_outline_markers")


def test_pixel_ratio_2(tmp_path):
    check_frame(pixel_ratio_frame(), tmp_path, "web_pixel_ratio")


def test_line_in_runs_of_segments(tmp_path):
    """A solid line's runs of segments holding its caps (ROWS program), and between them
    the JOINED program's runs: two triangles a segment, its points read from row
    textures by gl_VertexID, no vertex buffer (lumos.visuals.line: Line._joined_runs)."""
    from lumos import scene, visuals

    canvas = scene.Canvas(size=(300, 120), bgcolor="white")
    view = canvas.add_view(camera="panzoom")
    x = np.linspace(0.0, 10.0, 300)
    y = np.sin(x) + 0.3 * (np.arange(300) % 2)
    y[150] = np.nan
    view.add(visuals.Line(pos=np.c_[x, y], width=6, cap="projecting", join="miter",
                          color="C0"))
    view.add(visuals.Line(pos=np.c_[x, y - 1.5], width=5, cap="butt",
                          color=(0.8, 0.2, 0.1, 0.5)))
    view.camera.rect = (-0.5, -3.0, 11.0, 5.0)
    frame = canvas.frame()
    runs = [d for d in frame.draws if "#define ROWS" in d.program.vertex]
    assert len(runs) == 10 and all(
        d.mode == "triangles" and not d.attributes and d.instances is None
        and {"u_points", "u_colors"} <= d.textures.keys() for d in runs)
    joined = [d for d in runs if "#define JOINED" in d.program.fragment]
    assert len(joined) == 4 and all(d.int_uniforms["u_first"] > 0 for d in joined)
    check_frame(frame, tmp_path, "web_line_runs", min_colors=5)


def test_partial_update_uploads_only_ranges(tmp_path):
    """update() with a byte range of a buffer and a run of texels of a texture (the end
    of row 0, row 1, the start of row 2: three rectangles) gives the picture the Python
    executor draws after Buffer.update / Texture.update_texels."""
    frame = texture_frame()
    tex = frame.draws[0].textures["u_tex"]
    buf = frame.draws[1].attributes["a_pos"].buffer
    html = save_html(frame, tmp_path / "update.html")
    new_texels = np.linspace(0, 1, 14, dtype=np.float32)  # texels 5:19, 8 a row
    new_vertex = np.array([[1.3, 0.5, 0.5, 0.5]], np.float32)  # vertex 2: pull a corner in
    with browser.Chromium((300, 100)) as b:
        b.open(html)
        before = b.evaluate("lumos.standalone.uploadedBytes")
        b.evaluate(f"""
            lumos.standalone.update({{
              buffers: {{"{buf.id}": {{version: 1, offset: 32,
                                       data: new Float32Array({new_vertex.ravel().tolist()})}}}},
              textures: {{"{tex.id}": {{version: 1, texel: 5,
                                        data: new Float32Array({new_texels.tolist()})}}}},
            }});
            lumos.standalone.draw();
        """)
        uploaded = b.evaluate("lumos.standalone.uploadedBytes") - before
        actual = b.capture()
    buf.update(2, new_vertex)
    tex.update_texels(5, new_texels)
    expected = render_python(frame)
    assert_same("web_update", actual, expected)
    assert uploaded == new_vertex.nbytes + new_texels.nbytes


def test_update_replaces_resources_draws_and_views(tmp_path):
    """An update message built from Frame.to_json(): a buffer replaced by a longer one
    (no offset: whole resource), new draws and a moved camera."""
    frame = instanced_frame()
    html = save_html(frame, tmp_path / "replace.html")
    strip = frame.draws[2].attributes["a_pos"].buffer
    colors = frame.draws[2].attributes["a_color"].buffer
    strip.set_data(np.concatenate([strip.data, [[0.6, -0.95], [0.7, -0.5]]]).astype(np.float32))
    colors.set_data(np.concatenate([colors.data, [[0, 200, 0, 255]] * 2]).astype(np.uint8))
    frame.draws[2].count = 7
    frame.views["v"].camera = {"type": "panzoom", "rect": [-1.2, -1.1, 2.4, 2.0]}
    desc, blob = frame.to_json()
    msg = {"buffers": {b.id: desc["buffers"][b.id] for b in (strip, colors)},
           "draws": desc["draws"], "views": desc["views"]}
    with browser.Chromium((200, 240)) as b:
        b.open(html)
        b.evaluate(f"""lumos.standalone.update({json.dumps(msg)},
                       lumos.decodeBase64("{base64.b64encode(blob).decode()}"));
                       lumos.standalone.draw();""")
        actual = b.capture()
    assert_same("web_update_replace", actual, render_python(frame))


def test_camera_matrices_match_python(tmp_path):
    """lumos.drawMatrices (float64 JS) equals camera_math.draw_matrices."""
    model = np.array([[0.5, -1, 0, 3e6], [1, 0.5, 0, -2], [0, 0, 2, 1], [0, 0, 0, 1]])
    cases = [
        ({"type": "panzoom", "rect": [1.7e9, -5.0, 3e-3, 2e-3]}, 1.5, (1.7e9 + 1e-3, -4, 0), None),
        ({"type": "panzoom", "rect": [10.0, 4.0, -2.0, 0.0]}, 0.7, (0, 0, 0), None),
        ({"type": "turntable", "center": [1e6, 2.0, -3.0], "azimuth": 37.0, "elevation": -20.0,
          "distance": 12.0, "fov": 30.0}, 1.25, (1e6, 0, 0), model),
        ({"type": "turntable", "center": [0, 0, 0], "azimuth": -120.0, "elevation": 90.0,
          "distance": 3.0, "fov": 0.0}, 2.0, (0, 0, 0), None),
        ({"type": "arcball", "center": [5, 6, 7], "quaternion": [0.9, 0.1, -0.3, 0.2],
          "distance": 8.0, "fov": 60.0}, 0.5, (5, 6, 7.5), model),
    ]
    frame = mesh_frame()
    html = save_html(frame, tmp_path / "m.html")
    with browser.Chromium((320, 160)) as b:
        b.open(html)
        got = b.evaluate(f"""
            {json.dumps([[c, a, list(o), None if m is None else m.T.ravel().tolist()]
                         for c, a, o, m in cases])}.map(([c, a, o, m]) => {{
              const r = lumos.drawMatrices(c, a, o, m);
              return [Array.from(r.mvp), Array.from(r.modelview), Array.from(r.normal)];
            }})""")
    for (camera, aspect, origin, m), (mvp, mv, nm) in zip(cases, got, strict=True):
        e_mvp, e_mv, e_nm = draw_matrices(camera, aspect, origin, m)
        np.testing.assert_allclose(np.array(mvp).reshape(4, 4).T, e_mvp, rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(np.array(mv).reshape(4, 4).T, e_mv, rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(np.array(nm).reshape(3, 3).T, e_nm, rtol=1e-12, atol=1e-12)


def test_shader_error_is_reported_with_line_numbers(tmp_path):
    frame = mesh_frame()
    frame.draws[0].program = Program(COLOR_VS, "out vec4 f_color;\nvoid main() { oops }\n")
    html = save_html(frame, tmp_path / "bad.html")
    with browser.Chromium((320, 160)) as b, pytest.raises(browser.BrowserError) as err:
        b.open(html)
    text = str(err.value)
    assert "shader compilation failed" in text
    assert "   6  void main() { oops }" in text  # header is 4 lines, then the source


def test_waterfall_reads_its_colormap_entries_as_python(tmp_path):
    """The waterfall's program (cmap_entry: a colormap of 5 entries, no blends) runs on
    the page as in Python."""
    from lumos.colors import get_cmap
    from lumos.scene import Canvas
    from lumos.visuals.waterfall import Waterfall

    canvas = Canvas(size=(64, 40), bgcolor="white")
    view = canvas.add_view()
    w = Waterfall(n_freq=64, capacity=40, freqs=(0, 64),
                  cmap=get_cmap("viridis", 5))
    w.push(np.tile(np.linspace(0, 1, 64), (40, 1)))
    view.add(w)
    view.camera.rect = (0.0, 0.0, 64.0, 40.0)  # its bounds
    check_frame(canvas.frame(), tmp_path, "web_waterfall", min_colors=5)
