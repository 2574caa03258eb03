"""A solid line in a 2D view draws its segments joined at both ends with the JOINED
program and the segments holding its caps with the full one (ROWS), in segment order,
all reading the line's rows from one copy, its row textures: the picture is the one
instanced draw's, byte for byte."""

from __future__ import annotations

import numpy as np
import pytest

from lumos.gpu.resources import Buffer
from lumos.scene import Canvas
from lumos.scene.cameras import PanZoomCamera
from lumos.visuals import Line
from lumos.visuals.line_rows import RowTexture
from lumos.visuals.line_shaders import line_program

X = np.linspace(0.0, 10.0, 400)
ZIGZAG = np.c_[X, np.sin(X) + 0.4 * (np.arange(len(X)) % 2)]


def _canvas(*lines: Line, rect=(-0.5, -2.0, 11.0, 4.0), pixel_ratio: float = 1.0) -> Canvas:
    c = Canvas(size=(160, 90), bgcolor="white", pixel_ratio=pixel_ratio)
    v = c.add_view(rect=(0, 0, 160, 90), camera=PanZoomCamera(rect))
    for line in lines:
        v.add(line)
    return c


def _line_draws(c: Canvas) -> list:
    """The draws of line segments: instanced quads and joined runs' triangles."""
    return [d for d in c.frame().draws if "a_p0" in d.attributes or "u_points" in d.textures]


def _first(d) -> int:
    """The first segment a draw of segments draws."""
    return d.int_uniforms["u_first"] if "u_points" in d.textures else 0


def _one_draw(monkeypatch, c: Canvas) -> np.ndarray:
    """The picture with every line in a single draw of the full program."""
    with monkeypatch.context() as m:
        m.setattr(Line, "_joined_runs", lambda self, ctx, segments: None)
        assert all("#define JOINED" not in d.program.fragment for d in _line_draws(c))
        return c.render()


@pytest.mark.parametrize("cap", ["butt", "projecting", "round"])
@pytest.mark.parametrize("join", ["round", "miter", "bevel"])
def test_runs_draw_the_pixels_of_one_draw(monkeypatch, cap, join):
    broken = ZIGZAG.copy()
    broken[[130, 260, 261], 1] = np.nan  # three pieces: seven runs
    lines = [Line(pos=broken, width=5.0, cap=cap, join=join, color="C0"),
             Line(pos=ZIGZAG + (0, 1), width=7.0, cap=cap, join=join,
                  color=(0.8, 0.2, 0.1, 0.5)),  # translucent: through its layer
             Line(pos=ZIGZAG - (0, 1), width=3.0, cap=cap, join=join,
                  antialiased=False, color=np.random.default_rng(0).random((400, 4)))]
    c = _canvas(*lines)
    draws = _line_draws(c)
    if cap == "round" and join == "round":  # no cap code to leave out
        assert len(draws) == 3
    else:
        assert len(draws) == 7 + 3 + 3
        assert sum("#define JOINED" in d.program.fragment for d in draws) == 3 + 1 + 1
    split = c.render()
    assert np.array_equal(split, _one_draw(monkeypatch, c))
    assert (split[..., :3] < 128).any()


@pytest.mark.parametrize("pixel_ratio", [1.0, 2.0])
def test_multisampled_runs_keep_the_pixels(monkeypatch, pixel_ratio):
    line = Line(pos=ZIGZAG, width=6.0, cap="projecting", join="miter")
    line.needs_multisampling = True  # as a view with fills (the frame's 4 samples)
    c = _canvas(line, pixel_ratio=pixel_ratio)
    assert c.frame().samples == 4 and len(_line_draws(c)) == 3
    assert np.array_equal(c.render(), _one_draw(monkeypatch, c))


def test_runs_cover_every_segment_in_order():
    line = Line(pos=ZIGZAG, width=4.0, cap="butt")
    draws = _line_draws(_canvas(line))
    assert [_first(d) for d in draws] == [0, 1, len(X) - 2]
    # every run as two triangles per segment read from the row textures (no buffer)
    assert [d.instances for d in draws] == [None, None, None]
    assert [d.mode for d in draws] == ["triangles"] * 3
    assert [d.count for d in draws] == [6, 6 * (len(X) - 3), 6]
    assert not any(d.attributes for d in draws)
    assert len({id(d.textures["u_points"]) for d in draws}) == 1
    assert ["#define JOINED" in d.program.fragment for d in draws] == [False, True, False]
    assert all("#define ROWS" in d.program.vertex for d in draws)


def test_a_line_in_runs_keeps_one_gpu_copy_of_its_rows():
    line = Line(pos=ZIGZAG, width=4.0, cap="butt", lod=False)
    c = _canvas(line)
    c.render()
    held = c._executor._buffers
    # its rows are in the row textures alone: the buffers are never bound nor uploaded
    assert line._pos_buffer.id not in held and line._color_buffer.id not in held
    line.update_points(10, np.array([[X[10], 0.5]]))
    before = c._executor.uploaded_bytes
    c.render()
    assert c._executor.uploaded_bytes - before == 16  # one texel of the point texture
    line.cap = "round"  # round caps and joins: one instanced draw from the buffers
    c.render()
    assert line._pos_buffer.id in c._executor._buffers


def test_row_texture_rewrites_a_new_buffers_rows_and_zeros_what_it_no_longer_has():
    buffer = Buffer(np.ones((1500, 4), np.float32))
    rows = RowTexture(buffer)
    texture = rows.texture()
    assert texture.shape == (2, 1024) and not texture.data.reshape(-1, 4)[1500:].any()
    version = texture.version
    buffer.set_data(np.full((1200, 4), 2, np.float32))  # all new, the same texture height
    assert rows.texture() is texture
    # the 1200 new rows and zeros for the 300 the last buffer had: no other texels
    assert texture.changes_since(version) == [(0, 1200), (1200, 1500)]
    flat = texture.data.reshape(-1, 4)
    assert (flat[:1200] == 2).all() and not flat[1200:].any()
    buffer.set_data(np.full((2100, 4), 3, np.float32))  # taller: a new texture
    assert rows.texture().shape == (3, 1024)


def test_joined_rows_texture_follows_the_buffer(monkeypatch):
    n = 3000  # three texture rows of 1024 points
    x = np.linspace(0.0, 10.0, n)
    line = Line(pos=np.c_[x, np.sin(x)], width=3.0, cap="butt", lod=False)
    c = _canvas(line)
    points = _line_draws(c)[1].textures["u_points"]
    assert points.shape == (3, 1024)
    version = points.version
    line.update_points(1500, np.array([[x[1500], 0.5], [x[1501], 0.25]]))
    draws = _line_draws(c)
    assert draws[1].textures["u_points"] is points
    # buffer rows 1501, 1502 (a padding row first): only their two texels upload, not
    # the 1024 of texture row 1 that holds them
    assert points.changes_since(version) == [(1501, 1503)]
    rows = points.data.reshape(-1, 4)
    assert np.array_equal(rows[: n + 2], line._pos_buffer.data)
    assert not rows[n + 2 :].any()  # zeros past the buffer's rows
    assert np.array_equal(c.render(), _one_draw(monkeypatch, c))


def test_one_draw_where_the_shader_must_cut_or_few_segments_join():
    far = ZIGZAG.copy()
    far[200, 1] = 1e6  # far beyond the vertex shader's box: its cut is needed
    assert len(_line_draws(_canvas(Line(pos=far, width=4.0, cap="butt")))) == 1
    short = Line(pos=ZIGZAG[:60], width=4.0, cap="butt")  # 57 joined segments: not worth it
    assert len(_line_draws(_canvas(short))) == 1
    pieces = ZIGZAG.copy()
    pieces[::50] = np.nan  # 8 runs of 46 joined segments: neither
    assert len(_line_draws(_canvas(Line(pos=pieces, width=4.0, cap="butt")))) == 1
    dashed = Line(pos=ZIGZAG, width=4.0, cap="butt", dashes=(6, 3))
    assert len([d for d in _line_draws(_canvas(dashed)) if d.instances]) == 1
    # zoomed in far enough that the line's ends lie beyond the box
    zoomed = _canvas(Line(pos=ZIGZAG, width=4.0, cap="butt"), rect=(5.0, -0.1, 0.01, 0.2))
    assert len(_line_draws(zoomed)) == 1


def test_rows_written_in_place_keep_the_runs_right(monkeypatch):
    line = Line(pos=ZIGZAG, width=5.0, cap="projecting", lod=False)
    c = _canvas(line)
    assert len(_line_draws(c)) == 3
    line.update_points(150, np.array([[X[150], np.nan]]))  # a break written into the rows
    draws = _line_draws(c)
    # caps, joined, the caps either side of the break, joined, caps
    assert len(draws) == 5 and sum("#define JOINED" in d.program.fragment for d in draws) == 2
    assert np.array_equal(c.render(), _one_draw(monkeypatch, c))


def test_batch_of_lines_draws_runs_per_line(monkeypatch):
    rng = np.random.default_rng(1)
    lines = [np.c_[X, i * 0.5 - 1.5 + np.cumsum(rng.normal(0, 0.02, len(X)))] for i in range(6)]
    c = _canvas(Line(pos=lines, width=3.0, cap="projecting",
                     color=["C0", "C1", "C2", "C3", "C4", "C5"]))
    assert len(_line_draws(c)) == 2 * 6 + 1
    assert np.array_equal(c.render(), _one_draw(monkeypatch, c))


def test_pick_index_counts_from_the_run_start():
    line = Line(pos=np.c_[np.linspace(0, 1, 201), np.zeros(201)], width=6.0, cap="butt")
    c = Canvas(size=(200, 100))
    v = c.add_view()
    v.camera.rect = (0.0, -0.5, 1.0, 1.0)
    v.add(line)
    assert len(_line_draws(c)) == 3
    assert c.pick(0.5 * 200 + 0.2, 50) == (line, 100)  # in the JOINED run
    assert c.pick(0.999 * 200, 50) == (line, 200)  # in the last run


@pytest.mark.parametrize("fetch", ["rows", "joined"])
def test_row_variants_are_solid_only(fetch):
    with pytest.raises(ValueError, match=f"fetch: the '{fetch}' variant draws solid"):
        line_program(1, "butt", "round", True, fetch=fetch)


def test_unknown_fetch_is_named():
    with pytest.raises(ValueError, match="fetch: got 'attributes', expected one of"):
        line_program(0, "butt", "round", True, fetch="attributes")
