"""Outline markers (text, vertex lists, paths, regular shapes): their geometry, their
distance field, and the Markers visual drawing them like the named symbols."""

from __future__ import annotations

import numpy as np
import pytest
from pixels import bbox, ink, near  # tests/pixels.py
from test_visuals import render, to_pixel

from lumos import visuals
from lumos.path import extents
from lumos.visuals.marker_outline import (
    MarkerOutline,
    regular_marker,
    text_marker,
    vertex_marker,
)

SQUARE = [(-1, -1), (1, -1), (1, 1), (-1, 1)]


@pytest.mark.parametrize("text", ["$♠$", r"$\clubsuit$", "$f$", r"$\frac{1}{2}$"])
def test_text_marker_is_centred_with_its_larger_side_the_marker_size(text):
    m = text_marker(text)
    box = extents([(m.vertices, m.codes)])
    side = box[1] - box[0]
    assert side.max() == pytest.approx(2.0)  # in r: the marker size
    assert np.allclose(box.mean(axis=0), 0.0, atol=1e-9)
    assert m.filled and m.reach == pytest.approx(1.0, abs=1e-3)


def test_clubsuit_is_the_club_glyph_and_equal_outlines_batch_together():
    assert text_marker(r"$\clubsuit$") == text_marker("$♣$")
    assert hash(text_marker(r"$\clubsuit$")) == hash(text_marker("$♣$"))
    assert text_marker("$♠$") != text_marker("$♣$")


def test_distance_field_of_a_square_is_its_signed_distance():
    m = vertex_marker(SQUARE)
    field = m.texture.data[..., 0].astype(float)
    n = field.shape[0]
    c = (np.arange(n) + 0.5) / n * 2 * m.box - m.box
    x, y = np.meshgrid(c, c)
    q = np.stack([np.abs(x) - 1, np.abs(y) - 1])
    exact = np.linalg.norm(np.maximum(q, 0), axis=0) + np.minimum(q.max(axis=0), 0)
    assert np.abs(field - exact).max() < 2e-3  # float16 of distances up to ~1.2


def test_distance_field_rows_go_up_and_holes_stay_empty():
    # a ring: outer square, inner square the other way round (nonzero: a hole)
    inner = [(x / 2, y / 2) for x, y in SQUARE[::-1]]
    verts = SQUARE + [SQUARE[0]] + inner + [inner[0]]
    codes = [1, 2, 2, 2, 79, 1, 2, 2, 2, 79]
    field = MarkerOutline(verts, codes).texture.data[..., 0]
    n = field.shape[0]
    assert field[n // 2, n // 2] > 0.4  # the hole's centre: 0.5 from the inner square
    assert field[n // 2, n // 8 + 8] < 0  # in the ring
    tri = vertex_marker([(0, 1), (-1, -1), (1, -1)]).texture.data[..., 0]
    # row 0 is the bottom (y = -box): the triangle's wide base is near the first rows
    assert (tri[14] < 0).sum() > 10 * (tri[-16] < 0).sum() > 0


def test_regular_shapes_as_matplotlib_builds_them():
    pent = regular_marker(5, 0)
    assert pent.filled and np.allclose(pent.vertices[0], (0, 1))  # first vertex up
    star = regular_marker(5, 1, 90)
    assert np.allclose(np.hypot(*star.vertices[1].T), 0.5)  # inner radius half
    assert np.allclose(star.vertices[0], (-1, 0))  # turned 90° counter-clockwise
    assert not regular_marker(6, 2).filled  # asterisks are stroked spokes


def test_vertex_marker_scales_its_largest_coordinate_to_half_the_size():
    m = vertex_marker([[0, 0], [4, 0], [4, 2]])
    assert np.abs(m.vertices).max() == 1.0 and np.allclose(m.vertices[1], (1, 0))
    assert np.allclose(m.path.vertices[2], (0.5, -0.25))  # size 1, y down


def test_bad_outlines_name_what_they_got():
    with pytest.raises(ValueError, match=r"text: got '\$\$', expected math text with vis"):
        text_marker("$$")
    with pytest.raises(ValueError, match=r"marker: got '\$', expected math text between"):
        text_marker("$", "marker")
    with pytest.raises(ValueError, match=r"vertices: got shape \(3,\)"):
        vertex_marker([1, 2, 3])
    with pytest.raises(ValueError, match="vertices: got NaN"):
        vertex_marker([[0, 0], [np.nan, 1]])
    with pytest.raises(ValueError, match="vertices: got every vertex at 0"):
        vertex_marker([[0, 0], [0, 0]])
    with pytest.raises(ValueError, match="sides: got 1"):
        regular_marker(1, 0)
    with pytest.raises(ValueError, match="style: got 3"):
        regular_marker(5, 3)
    with pytest.raises(ValueError, match="symbol: got 'spade'"):
        visuals.Markers(pos=[[0, 0]], symbol="spade")


def test_outline_square_draws_like_the_square_symbol():
    """The distance field gives the analytic symbol's picture: edges, antialiasing."""
    size, rect = (120, 60), (-0.5, -0.5, 2.0, 1.0)

    def draw(symbol):
        return render([visuals.Markers(pos=[[0, 0], [1, 0]], size=[14, 40], color="C0",
                                       symbol=symbol, edge_color="black", edge_width=2)],
                      rect, size)[..., :3].astype(int)

    ref, out = draw("square"), draw(vertex_marker(SQUARE))
    assert ink(ref).sum() > 1000
    assert np.abs(ref - out).mean() < 0.3 and np.abs(ref - out).max() < 60


def test_text_marker_rendered_centred_at_its_size(compare_image):
    size, rect = (200, 70), (-0.5, -0.5, 3.0, 1.0)
    spade, frac = text_marker("$♠$"), text_marker(r"$\frac{1}{2}$")
    items = [visuals.Markers(pos=[[0, 0]], size=40, color=(0.1, 0.4, 0.9, 1), symbol=spade),
             visuals.Markers(pos=[[1, 0], [2, 0]], size=[40, 24], color=[(0.9, 0.2, 0.1, 1),
                             (0.1, 0.6, 0.2, 1)], symbol=frac, edge_color="black",
                             edge_width=1)]
    img = render(items, rect, size)
    compare_image("markers_text", img)
    rgb = img[..., :3]
    r, c = to_pixel(0, 0, rect, size)
    box = bbox(ink(rgb[:, c - 30 : c + 30]))
    assert 38 <= box[2] - box[0] + 1 <= 42  # the spade's height: the marker size
    assert abs((box[0] + box[2]) / 2 - r) <= 1.5  # centred on the point
    assert near(rgb[r, c], (26, 102, 230), 20)
    # the fraction: its bar in the point's face colour with a black edge
    r, c = to_pixel(2, 0, rect, size)
    box = bbox(ink(rgb[:, c - 20 : c + 20]))
    assert 22 <= box[2] - box[0] + 1 <= 27


def test_the_distance_field_is_the_brute_force_one():
    # a ring with a hole (the gallery's cut star) and a glyph: every texel against every
    # segment, winding from every crossing
    from matplotlib.path import Path as MplPath

    from lumos.visuals.marker_outline import distance_field, text_marker, vertex_marker

    star, circle = MplPath.unit_regular_star(6), MplPath.unit_circle()
    cut = vertex_marker(np.r_[circle.vertices, star.vertices[::-1]],
                        np.r_[circle.codes, star.codes])
    for outline in (cut, text_marker(r"$\clubsuit$")):
        flat, box, n = outline._flat, outline.box, 48
        rings = [flat.ring(r) for r in range(flat.rings)]
        a = np.concatenate(rings)
        b = np.concatenate([np.roll(r, -1, axis=0) for r in rings])
        c = (np.arange(n) + 0.5) / n * 2 * box - box
        px, py = np.meshgrid(c, c)
        p = np.c_[px.ravel(), py.ravel()]
        e, w = b - a, p[:, None] - a[None]
        t = np.clip((w * e).sum(2) / (e * e).sum(1), 0, 1)
        dist = np.hypot(*(w - t[..., None] * e).transpose(2, 0, 1)).min(1).reshape(n, n)
        with np.errstate(divide="ignore", invalid="ignore"):
            xc = a[:, 0] + (py.ravel()[:, None] - a[:, 1]) / e[:, 1] * e[:, 0]
        y = py.ravel()[:, None]
        up = (a[:, 1] <= y) & (b[:, 1] > y)
        down = (a[:, 1] > y) & (b[:, 1] <= y)
        wind = (((up.astype(int) - down) * (xc > px.ravel()[:, None])).sum(1)).reshape(n, n)
        want = np.where(wind != 0, -dist, dist).astype(np.float16)
        assert np.array_equal(distance_field(flat, box, n, True), want)
        assert (want < 0).any() and (want > 0).any()
