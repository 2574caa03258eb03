"""Markers as GL points: the same picture as instanced quads, drawn up to the view's
edges (Draw.margin), quads where a point sprite would be too big; and a scatter's
set_offsets of k points uploads those k points.

Points and quads must give the same pixels (exactly: the same fragment shader measures
the same distances); markers whose centre lies outside the view must still draw the
part that reaches into it, as quads always did.
"""

from __future__ import annotations

import numpy as np
import pytest

import lumos
from lumos import geometry, scene, visuals
from lumos.visuals import markers

SYMBOLS = ("disc", "square", "triangle", "diamond", "cross", "plus", "star")
# more of matplotlib's markers: line markers (stroked), ticks reaching 2 radii, carets
MORE = ("x_line", "tickup", "hexagon", "caretleft", "thin_diamond", "tri_down", "octagon")


def scatter_picture(size, edge_width=0.0, pixel_ratio=1.0, multisampled=False, pos=None,
                    rect=(-0.5, -1.0, 7.0, 2.0), symbols=SYMBOLS):
    canvas = scene.Canvas(size=(280, 80), pixel_ratio=pixel_ratio, bgcolor="white")
    view = canvas.add_view(camera="panzoom")
    rng = np.random.default_rng(1)
    for i, symbol in enumerate(symbols):
        xy = np.c_[i + 0.3 * rng.standard_normal(6), 0.6 * rng.standard_normal(6)] \
            if pos is None else pos
        view.add(visuals.Markers(pos=xy, size=size, color=rng.random((len(xy), 4)) * 0.8 + 0.2,
                                 symbol=symbol, edge_color="black", edge_width=edge_width))
    if multisampled:  # a mesh asks for multisampling: the sprites grow half a pixel
        v, f = geometry.surface([-1, -0.9], [0.9, 1], np.zeros((2, 2)))
        view.add(visuals.Mesh(v, f, color="gray"))
    view.camera.rect = rect
    try:
        return canvas.render(), canvas.frame()
    finally:
        canvas.close()


@pytest.mark.parametrize("multisampled", [False, True])
@pytest.mark.parametrize("pixel_ratio", [1.0, 2.0])
@pytest.mark.parametrize("size, edge", [(3, 0.0), (9, 1.5), (20, 0.0)])
def test_points_draw_the_same_pixels_as_quads(monkeypatch, size, edge, pixel_ratio,
                                               multisampled):
    points, frame = scatter_picture(size, edge, pixel_ratio, multisampled)
    assert {d.mode for d in frame.draws if "a_size" in d.attributes} == {"points"}
    assert frame.samples == (4 if multisampled else 1)
    monkeypatch.setattr(markers, "POINT_LIMIT", 0.0)  # every marker a quad
    quads, frame = scatter_picture(size, edge, pixel_ratio, multisampled)
    assert {d.mode for d in frame.draws if "a_size" in d.attributes} == {"triangle_strip"}
    diff = np.abs(points.astype(int) - quads.astype(int)).max(axis=2)
    assert (diff <= 1).all(), (int(diff.max()), int((diff > 1).sum()))
    assert (quads[..., :3] < 250).any()


@pytest.mark.parametrize("pixel_ratio", [1.0, 2.0])
def test_every_marker_shape_draws_the_same_as_points_and_quads(monkeypatch, pixel_ratio):
    points, _ = scatter_picture(12, 1.0, pixel_ratio, symbols=MORE)
    monkeypatch.setattr(markers, "POINT_LIMIT", 0.0)
    quads, _ = scatter_picture(12, 1.0, pixel_ratio, symbols=MORE)
    diff = np.abs(points.astype(int) - quads.astype(int)).max(axis=2)
    assert (diff <= 1).all(), (int(diff.max()), int((diff > 1).sum()))
    for i in range(len(MORE)):  # each symbol drew something in its column
        x0 = int(round((i - 0.5 + 0.5) * 280 / 7))
        assert (quads[:, x0:x0 + 40, :3] < 200).any(), MORE[i]


def test_markers_centred_outside_the_view_draw_what_reaches_in(monkeypatch):
    # centres 6 px beyond the left and bottom edges of a 280 x 80 view; 20 px markers
    pos = np.array([[-0.5 - 6 * 7 / 280, 0.0], [3.0, -1.0 - 6 * 2 / 80]])
    img, frame = scatter_picture(20, pos=pos)
    draws = [d for d in frame.draws if "a_size" in d.attributes]
    assert all(d.mode == "points" and d.margin >= 9 for d in draws)  # about 10 px
    left, bottom = img[40, :4, :3], img[-4:, 140, :3]
    assert (left < 200).any() and (bottom < 200).any()  # drawn up to the edges
    monkeypatch.setattr(markers, "POINT_LIMIT", 0.0)
    quads, _ = scatter_picture(20, pos=pos)
    assert (np.abs(img.astype(int) - quads.astype(int)).max(axis=2) <= 1).all()


def test_markers_too_big_for_a_point_sprite_are_quads():
    pos = np.array([[0.0, 0.0], [1.0, 1.0]])
    canvas = scene.Canvas(size=(200, 200))
    view = canvas.add_view(camera="panzoom")
    small, big = visuals.Markers(pos=pos, size=10), visuals.Markers(pos=pos, size=[10, 80])
    view.add(small)
    view.add(big)
    modes = [d.mode for d in canvas.frame().draws]
    assert modes == ["points", "triangle_strip"]
    big.size = 10  # the largest size decides, and follows the sizes
    assert [d.mode for d in canvas.frame().draws] == ["points", "points"]
    canvas.pixel_ratio = 4.0  # 10 px markers need 2 * (5 * 4 + 1) = 42 px: still points
    assert [d.mode for d in canvas.frame().draws] == ["points", "points"]
    canvas.close()


def test_set_offsets_of_k_points_uploads_those_k_points():
    fig, ax = lumos.subplots(figsize=(4, 3), dpi=100)
    rng = np.random.default_rng(2)
    xy = rng.normal(size=(5000, 2))
    sc = ax.scatter(xy[:, 0], xy[:, 1], c=rng.random(5000), s=9)
    ax.set_xlim(-4, 4)
    ax.set_ylim(-4, 4)
    fig.render()
    batch = next(v for v in ax._batches.values() if len(v.pos) == 5000)
    ex = fig.canvas._executor
    for start, k in ((0, 1), (1234, 7), (4990, 10)):
        versions = {b: b.version for b in (batch._pos_buffer, batch._size_buffer,
                                           batch._color_buffer)}
        before = ex.uploaded_bytes
        xy[start : start + k] += 0.01
        sc.set_offsets(xy)
        fig.render()
        ranges = {b: b.changes_since(v) for b, v in versions.items()}
        assert ranges[batch._pos_buffer] == [(8 * start, 8 * (start + k))]  # x, y
        assert ranges[batch._size_buffer] == [] and ranges[batch._color_buffer] == []
        assert ex.uploaded_bytes - before <= 8 * k + 4096  # + labels that may change


@pytest.mark.parametrize("limit", [64.0, 0.0])  # a point sprite, then a quad
def test_a_tick_marker_reaches_its_whole_length(monkeypatch, limit):
    # matplotlib's tick markers are as long as the marker size: the square they are drawn
    # in must reach two radii from the centre, not one
    monkeypatch.setattr(markers, "POINT_LIMIT", limit)
    canvas = scene.Canvas(size=(60, 60), bgcolor="white")
    view = canvas.add_view(camera="panzoom")
    view.add(visuals.Markers(pos=np.zeros((1, 2)), size=20, color="black",
                             symbol="tickup", edge_width=2))
    view.camera.rect = (-1, -1, 2, 2)
    try:
        img = canvas.render()
    finally:
        canvas.close()
    rows = np.nonzero((img[..., :3] < 128).any(axis=(1, 2)))[0]
    assert 19 <= len(rows) <= 22, len(rows)  # 20 px up from the centre


def test_a_batch_takes_float_and_byte_colors_alike():
    """Owners give their colors as float rows (0..1) or as the shader's uint8 rows (a
    colormapped scatter): in one batch, and in the rows a later call updates."""
    from lumos.visuals.base import Member

    floats = np.array([[1.0, 0.5, 0.0, 1.0], [0.0, 0.0, 1.0, 0.5]])
    byte_rows = np.array([[10, 20, 30, 255], [40, 50, 60, 128], [70, 80, 90, 0]], np.uint8)
    pos_a, pos_b = np.zeros((2, 2)), np.ones((3, 2))
    m = visuals.Markers()
    m.set_members([Member("a", pos_a, floats, np.full(2, 5.0)),
                   Member("b", pos_b, byte_rows, np.full(3, 5.0))])
    expected = np.r_[[[255, 128, 0, 255], [0, 0, 255, 128]], byte_rows]
    np.testing.assert_array_equal(m._color_buffer.data, expected)
    byte_rows = byte_rows.copy()
    byte_rows[1] = (1, 2, 3, 4)
    m.set_members([Member("a", pos_a, floats, np.full(2, 5.0)),
                   Member("b", pos_b, byte_rows, np.full(3, 5.0), {"color": (1, 2)})])
    expected[3] = (1, 2, 3, 4)
    np.testing.assert_array_equal(m._color_buffer.data, expected)
    m.set_members([Member("b", pos_b, byte_rows, np.full(3, 5.0))])  # one owner: as given
    np.testing.assert_array_equal(m._color_buffer.data, byte_rows)


def _marker_picture(pos, **kwargs) -> tuple[np.ndarray, list]:
    canvas = scene.Canvas(size=(120, 80), bgcolor="white")
    view = canvas.add_view(camera="panzoom")
    m = visuals.Markers(pos=pos, size=9, color=["C0", "C1", "C2", "C3"], **kwargs)
    view.add(m)
    view.camera.rect = (1e6 - 1.5, -1.5, 3.0, 3.0)
    try:
        return canvas.render(), [d for d in canvas.frame().draws if "a_size" in d.attributes]
    finally:
        canvas.close()


def test_points_given_in_2d_upload_two_floats_a_point_and_draw_as_with_z_0():
    xy = np.array([[1e6 - 1, -1], [1e6, 0.5], [1e6 + 1, 1], [np.nan, 0]])
    flat, (draw,) = _marker_picture(xy)
    assert draw.attributes["a_pos"].size == 2 and draw.attributes["a_pos"].stride == 8
    assert draw.attributes["a_pos"].buffer.data.shape == (4, 2)
    assert draw.origin == (1e6, 0.0, 0.0)
    xyz, (draw,) = _marker_picture(np.c_[xy, np.zeros(4)])  # the same points in 3 columns
    assert draw.attributes["a_pos"].size == 3
    np.testing.assert_array_equal(flat, xyz)
    assert (flat[..., :3] < 200).any()
    m = visuals.Markers(pos=xy)
    np.testing.assert_array_equal(m.pos, np.c_[xy, np.zeros(4)])  # pos stays (n, 3)
    np.testing.assert_array_equal(m.bounds(), [[1e6 - 1, -1, 0], [1e6 + 1, 1, 0]])


def test_a_batch_of_2d_points_updates_and_turns_3d():
    """Changed rows of a 2D member upload 2 floats a row; a member given in 3D then
    rebuilds the batch with z (a changed 3D row keeps its z)."""
    from lumos.visuals.base import Member

    xy = np.array([[0.0, 0.0], [1.0, 0.5], [2.0, 1.0]])  # row 1 inside: the centre stays
    m = visuals.Markers()
    m.set_members([Member("a", xy, "C0", np.full(3, 5.0))])
    version = m._pos_buffer.version
    xy2 = xy.copy()
    xy2[1] = (1.5, np.nan)
    m.set_members([Member("a", xy2, "C0", np.full(3, 5.0), {"pos": (1, 2)})])
    assert m._pos_buffer.changes_since(version) == [(8, 16)]
    np.testing.assert_array_equal(m._pos_buffer.data[1], [0.0, 0.0])  # NaN: zeroed, size 0
    assert m._size_buffer.data[1] == 0
    xyz = np.c_[xy, [3.0, 4.0, 5.0]]
    m.set_members([Member("a", xyz, "C0", np.full(3, 5.0), {"pos": True})])
    assert m._pos_buffer.data.shape == (3, 3)
    np.testing.assert_array_equal(m.pos, xyz)
    xyz[2, 2] = 7.0
    m.set_members([Member("a", xyz, "C0", np.full(3, 5.0), {"pos": (2, 3)})])
    np.testing.assert_array_equal(m.pos, xyz)
    np.testing.assert_allclose(m._pos_buffer.data[2] + m._origin, xyz[2])


def test_updated_rows_upload_what_a_new_batch_would():
    """A batch updated in place (rows with NaN and inf among them) holds the float64
    origin, float32 rows and sizes a batch made from the same points holds: rows that
    keep the points' centre (the origin) upload alone, rows that move it upload every
    position again about the new one."""
    from lumos.visuals.base import Member

    rng = np.random.default_rng(6)
    xy = rng.normal(size=(1000, 2)) + (5e5, -3.0)
    sizes = np.full(1000, 6.0)
    m = visuals.Markers()
    m.set_members([Member("a", xy, "C0", sizes)])

    def same_as_new(points):
        fresh = visuals.Markers(pos=points, size=sizes)
        np.testing.assert_array_equal(m._origin, fresh._origin)
        np.testing.assert_array_equal(m._pos_buffer.data, fresh._pos_buffer.data)
        np.testing.assert_array_equal(m._size_buffer.data, fresh._size_buffer.data)

    extremes = {*xy.argmin(axis=0).tolist(), *xy.argmax(axis=0).tolist()}
    first = next(i for i in range(990) if not extremes & set(range(i, i + 10)))
    inner = xy.copy()
    inner[first : first + 10] = xy[first : first + 10][::-1]  # points inside the bounds
    inner[first + 3], inner[first + 4, 1] = np.nan, np.inf
    version = m._pos_buffer.version
    m.set_members([Member("a", inner, "C0", sizes, {"pos": (first, first + 10)})])
    assert m._pos_buffer.changes_since(version) == [(8 * first, 8 * (first + 10))]
    same_as_new(inner)
    assert (m._size_buffer.data[[first + 3, first + 4]] == 0).all()
    moved = xy + 0.25
    moved[[3, 500]] = np.nan
    moved[7, 1], moved[8, 0] = np.inf, -np.inf
    origin = m._origin.copy()
    m.set_members([Member("a", moved, "C0", sizes, {"pos": (0, 1000)})])
    assert m._origin[0] != origin[0]  # about the new centre
    same_as_new(moved)
    assert (m._size_buffer.data[[3, 500, 7, 8]] == 0).all()
    # a new maximum that moves the centre by less than a step of the origin's grid: that
    # row alone, and still a new batch's rows
    top = int(np.nanargmax(np.where(np.isfinite(moved[:, 0]), moved[:, 0], np.nan)))
    row = (top + 1) % 1000
    moved[row, 0] = moved[top, 0] + 1e-3
    version = m._pos_buffer.version
    m.set_members([Member("a", moved, "C0", sizes, {"pos": (row, row + 1)})])
    assert m._pos_buffer.changes_since(version) == [(8 * row, 8 * (row + 1))]
    same_as_new(moved)
