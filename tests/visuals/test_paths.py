"""The Paths visual: fills (fill rules, holes), hatches, strokes, units, batching and
draw order, flattening at the view's resolution, primitives, bad input, both executors."""

from __future__ import annotations

import sys
from pathlib import Path as FilePath

import numpy as np
import pytest
from pixels import bbox, ink, near  # tests/pixels.py

from lumos import scene
from lumos.path import Path
from lumos.primitives import Path as PPath
from lumos.primitives import Stroke
from lumos.visuals import Paths
from lumos.visuals.base import DrawContext

RED, BLUE, BLACK = (1.0, 0.0, 0.0, 1.0), (0.0, 0.0, 1.0, 1.0), (0.0, 0.0, 0.0, 1.0)


def canvas_with(visual, rect=(0, 0, 20, 10), size=(200, 100)):
    canvas = scene.Canvas(size=size, bgcolor="white")
    view = canvas.add_view()
    view.camera.rect = rect
    view.add(visual)
    return canvas, view


def render(visual, rect=(0, 0, 20, 10), size=(200, 100)) -> np.ndarray:
    canvas, _ = canvas_with(visual, rect, size)
    try:
        return canvas.render()
    finally:
        canvas.close()


def square(x0, y0, s=2.0) -> Path:
    return Path([[x0, y0], [x0 + s, y0], [x0 + s, y0 + s], [x0, y0 + s], [x0, y0]],
                closed=True)


def prim(path: Path, **kw) -> PPath:
    return PPath(path.vertices, path.codes, **kw)


def ctx_for(rect, size=(200, 100)) -> DrawContext:
    return DrawContext("view0", size, 1.0, {"type": "panzoom", "rect": list(rect)}, False)


def draws_of(visual, rect=(0, 0, 20, 10), size=(200, 100)):
    return visual.draws(ctx_for(rect, size))


# -- fills, rules, hatches, strokes -------------------------------------------------------
def test_fill_covers_its_pixels_and_nothing_else():
    img = render(Paths([prim(square(5, 2, 4), fill=RED)]))
    # data (5..9, 2..6) -> columns 50..90, rows 40..80 of a 200x100 canvas
    assert near(img[60, 70], (255, 0, 0))
    assert bbox(ink(img)) == (40, 50, 79, 89)


def test_circle_fill_is_round_at_the_view_resolution():
    c = Path.circle((10, 5), 4)
    img = render(Paths([prim(c, fill=BLUE)]), size=(400, 200))
    mask = ink(img)
    area = mask.sum()
    assert abs(area - np.pi * 80 ** 2) / (np.pi * 80 ** 2) < 0.01  # r = 4 units = 80 px
    r0, c0, r1, c1 = bbox(mask)
    assert abs((r1 - r0) - (c1 - c0)) <= 1


def test_nonzero_and_evenodd_rules():
    outer, inner = Path.circle((5, 5), 4), Path.circle((5, 5), 2)
    same_direction = Path.make_compound_path(outer, inner)
    reversed_inner = Path(np.r_[inner.vertices[:-1][::-1], inner.vertices[-1:]], inner.codes)
    opposite = Path.make_compound_path(outer, reversed_inner)
    vis = Paths([prim(same_direction, fill=RED),
                 prim(same_direction.transformed(np.array([[1, 0, 10], [0, 1, 0],
                                                           [0, 0, 1.0]])),
                      fill=RED, fill_rule="evenodd")])
    img = render(vis)
    assert near(img[50, 50], (255, 0, 0))  # nonzero: the same-direction inner ring is filled
    assert near(img[50, 150], (255, 255, 255))  # evenodd: a hole
    assert near(img[50, 125], (255, 0, 0))
    img = render(Paths([prim(opposite, fill=RED)]))
    assert near(img[50, 50], (255, 255, 255))  # nonzero, opposite direction: a hole


def test_hatch_draws_lines_of_its_color_clipped_to_the_path():
    vis = Paths([prim(square(2, 2, 6), fill=(1, 1, 1, 1), hatch="-", hatch_color=BLUE,
                      hatch_width=2.0)], hatch_unit=60)
    img = render(vis)
    inside = img[22:78, 22:78]
    blue = (inside[..., 2] > 200) & (inside[..., 0] < 80)
    # '-' at 6 lines per 60 px tile: one line every 10 px
    rows = np.flatnonzero(blue.mean(axis=1) > 0.9)
    assert len(rows) >= 5
    assert np.all(np.diff(rows[np.r_[True, np.diff(rows) > 1]]) == 10)
    assert not ink(img)[:, :18].any() and not ink(img)[:, 82:].any()  # clipped to the fill


def test_hatch_tiles_start_at_the_canvas_top_like_matplotlib():
    # matplotlib (Agg) puts '-' lines 1/12 tile below the canvas top, then every 1/6 tile
    vis = Paths([prim(square(-1, -1, 30), fill=None, hatch="-", hatch_color=BLACK)],
                hatch_unit=100, canvas_height=255)
    img = render(vis, rect=(0, 0, 20, 25.5), size=(200, 255))
    dark = 255 - img[:, 100, 0].astype(float)
    rows = np.arange(len(dark)) + 0.5
    for k in range(14):
        centre = 100 * (k + 0.5) / 6
        near_rows = np.abs(rows - centre) < 3
        found = (rows[near_rows] * dark[near_rows]).sum() / dark[near_rows].sum()
        assert abs(found - centre) < 0.3, (k, found, centre)


@pytest.mark.parametrize("hatch", ["/", "\\", "|", "-", "+", "x", "o", "O", ".", "*"])
def test_every_hatch_letter_draws_and_denser_with_repetition(hatch):
    def coverage(h):
        img = render(Paths([prim(square(1, 1, 8), fill=None, hatch=h, hatch_color=BLACK)],
                           hatch_unit=72), rect=(0, 0, 10, 10), size=(200, 200))
        return ink(img).mean()

    one, two = coverage(hatch), coverage(hatch * 2)
    assert one > 0.01
    assert two > 1.3 * one


def test_unknown_hatch_letter_raises_naming_hatch():
    with pytest.raises(ValueError, match="hatch"):
        Paths([prim(square(0, 0), fill=RED, hatch="/q")])


def test_stroke_width_and_dashes():
    line = Path([[2, 5], [18, 5]])
    img = render(Paths([prim(line, stroke=Stroke(BLACK, width=4))]))
    col = ink(img)[:, 100]
    assert 3 <= col.sum() <= 6
    dashed = render(Paths([prim(line, stroke=Stroke(BLACK, width=2, dashes=(10, 10)))]))
    row = ink(dashed)[50, 25:175]
    assert 0.35 < row.mean() < 0.65  # half on, half off


def test_every_path_starts_its_dashes_on_a_dash():
    # the first line is 130 px long: without a restart the second would begin in a gap
    a, b = Path([[0.5, 7], [13.5, 7]]), Path([[0.5, 3], [13.5, 3]])
    stroke = Stroke(BLACK, width=2, dashes=(10, 10))
    img = render(Paths([prim(a, stroke=stroke), prim(b, stroke=stroke)]))
    assert ink(img)[30, 6:14].all() and ink(img)[70, 6:14].all()
    assert not ink(img)[70, 16:24].any()


def test_fill_and_stroke_of_one_path():
    img = render(Paths([prim(square(5, 2, 4), fill=RED, stroke=Stroke(BLACK, width=3))]))
    assert near(img[60, 70], (255, 0, 0))
    assert near(img[60, 50], (0, 0, 0), tol=60)


# -- batching and order ---------------------------------------------------------------
def test_many_disjoint_paths_are_one_fill_draw_and_one_line_draw():
    paths = [prim(square(0.25 * (i % 40), 2 * (i // 40), 0.2), fill=RED,
                  stroke=Stroke(BLACK, width=1)) for i in range(200)]
    draws = draws_of(Paths(paths))
    assert len(draws) == 2
    assert draws[0].mode == "triangles" and draws[0].count == 200 * 2 * 3


def test_overlapping_paths_keep_matplotlib_order():
    # path 0 stroked, path 1 filled over it: path 1's fill must cover path 0's edge
    a = prim(square(2, 2, 6), fill=RED, stroke=Stroke(BLACK, width=6))
    b = prim(square(6, 3, 6), fill=BLUE)
    vis = Paths([a, b])
    assert len(draws_of(vis)) == 3  # fill 0 + stroke 0, then fill 1
    img = render(vis)
    # (8, 5): on path 0's right edge, inside path 1
    assert near(img[50, 80], (0, 0, 255))
    assert near(img[50, 20], (0, 0, 0), tol=60)  # path 0's left edge still shows


def test_draw_order_within_a_layer_follows_the_list():
    a, b = prim(square(2, 2, 6), fill=RED), prim(square(4, 3, 6), fill=BLUE)
    img = render(Paths([a, b]))
    assert near(img[50, 70], (0, 0, 255))
    img = render(Paths([b, a]))
    assert near(img[50, 70], (255, 0, 0))


# -- resolution, units ----------------------------------------------------------------
def test_curves_are_reflattened_when_zooming_in():
    vis = Paths([prim(Path.circle((10, 5), 2), fill=RED)])
    draws_of(vis, rect=(0, 0, 20, 10))
    coarse = len(vis._pos.data)
    draws_of(vis, rect=(8, 3, 2.5, 1.25))  # 8x zoom
    fine = len(vis._pos.data)
    assert fine > 2 * coarse
    draws_of(vis, rect=(8.1, 3.1, 2.5, 1.25))  # a pan: nothing to redo
    assert len(vis._pos.data) == fine


def test_pixel_units_keep_their_size_in_pixels_when_zooming():
    shape = prim(Path([[-5, -5], [5, -5], [5, 5], [-5, 5], [-5, -5]], closed=True), fill=RED)
    vis = Paths([shape], units="pixels", anchors=[[10, 5]])
    for rect in ((0, 0, 20, 10), (5, 2.5, 10, 5), (9, 4.5, 2, 1)):
        img = render(vis, rect=rect)
        r0, c0, r1, c1 = bbox(ink(img))
        assert (r1 - r0 + 1, c1 - c0 + 1) == (10, 10)
        assert abs((c0 + c1) / 2 - 99.5) <= 1 and abs((r0 + r1) / 2 - 49.5) <= 1


def test_axes_units_follow_the_view_not_the_data():
    vis = Paths([prim(square(0.5, 0.5, 0.5), fill=RED)], units="axes")
    for rect in ((0, 0, 20, 10), (-100, 40, 3, 7)):
        assert bbox(ink(render(vis, rect=rect))) == (0, 100, 49, 199)


def test_bounds_are_the_data_or_the_anchors():
    assert np.allclose(Paths([prim(square(1, 2, 3), fill=RED)]).bounds()[:, :2],
                       [[1, 2], [4, 5]])
    vis = Paths([prim(square(-5, -5, 10), fill=RED)], units="pixels", anchors=[[7, 8]])
    assert np.allclose(vis.bounds()[:, :2], [[7, 8], [7, 8]])
    assert Paths([prim(square(0, 0), fill=RED)], units="axes").bounds() is None


# -- primitives -----------------------------------------------------------------------
class FakeContext:
    """What the vector devices pass (lumos.visuals.base.PrimitiveContext's interface): the
    view's mapping to canvas pixels."""

    is_3d = False

    def __init__(self, rect=(0, 0, 20, 10), size=(200, 100)):
        self.camera = {"type": "panzoom", "rect": list(rect)}
        self.size = size
        self.rect = rect
        self.clip = (0.0, 0.0, float(size[0]), float(size[1]))

    def to_pixels(self, points, visual=None):
        x0, y0, w, h = self.rect
        p = np.asarray(points, float)
        return np.c_[(p[:, 0] - x0) / w * self.size[0],
                     (1 - (p[:, 1] - y0) / h) * self.size[1]]


def test_primitives_are_canvas_pixels_with_curves_kept():
    c = Path.circle((10, 5), 2)
    vis = Paths([prim(c, fill=RED, stroke=Stroke(BLACK, width=2), hatch="/",
                      hatch_color=BLACK)])
    (p,) = vis.primitives(FakeContext())
    assert np.array_equal(p.codes, c.codes)
    assert np.allclose(p.vertices[0], [100, 70])  # (10, 3): bottom of the circle, y down
    assert p.fill == RED and p.hatch == "/" and p.stroke.width == 2
    assert p.clip == (0.0, 0.0, 200.0, 100.0)


def test_primitives_of_pixel_units_are_offsets_from_the_anchor():
    vis = Paths([prim(Path([[0, 0], [10, 0], [0, 10]], closed=True), fill=RED)],
                units="pixels", anchors=[[10, 5]])
    (p,) = vis.primitives(FakeContext())
    assert np.allclose(p.vertices[:3], [[100, 50], [110, 50], [100, 40]])


# -- bad input ------------------------------------------------------------------------
def test_bad_input_names_the_argument():
    with pytest.raises(TypeError, match="paths"):
        Paths([np.zeros((3, 2))])
    with pytest.raises(ValueError, match="units"):
        Paths([], units="inches")
    with pytest.raises(ValueError, match="anchors"):
        Paths([prim(square(0, 0), fill=RED)], units="pixels")
    with pytest.raises(ValueError, match="anchors"):
        Paths([prim(square(0, 0), fill=RED)], units="pixels", anchors=[[1, 2], [3, 4]])
    with pytest.raises(ValueError, match="dashes"):
        Paths([prim(square(0, 0), stroke=Stroke(BLACK, dashes=(1, 2, 3)))])
    with pytest.raises(ValueError, match="clip"):
        Paths([prim(square(0, 0), fill=RED, clip=(0, 0, 1, 1))])
    with pytest.raises(ValueError, match="hatch_unit"):
        Paths([], hatch_unit=0)


def test_bad_input_leaves_the_visual_as_it_was():
    vis = Paths([prim(square(0, 0), fill=RED)])
    with pytest.raises(TypeError):
        vis.set_paths([None])
    assert len(vis.paths) == 1


def test_nan_vertices_break_rings_and_do_not_crash():
    v = np.array([[2, 2], [8, 2], [np.nan, np.nan], [8, 8], [2, 8], [2, 2.0]])
    vis = Paths([PPath(v, fill=RED, stroke=Stroke(BLACK, width=2))])
    img = render(vis)
    assert ink(img).any()
    vis = Paths([PPath(np.full((4, 2), np.nan), fill=RED)])
    assert not ink(render(vis)).any()
    vis = Paths([prim(square(0, 0), fill=RED)], units="pixels", anchors=[[np.nan, 1]])
    assert not ink(render(vis)).any()


def test_empty_paths_draw_nothing():
    assert draws_of(Paths([])) == []
    assert draws_of(Paths([PPath(np.zeros((0, 2)), fill=RED)])) == []


def test_caller_arrays_are_not_modified():
    v = np.array([[1.0, 1.0], [5.0, 1.0], [5.0, 5.0]])
    before = v.copy()
    anchors = np.array([[3.0, 3.0]])
    vis = Paths([PPath(v, fill=RED)], units="pixels", anchors=anchors)
    render(vis)
    anchors[0, 0] = 100.0
    assert np.array_equal(v, before)
    assert np.allclose(vis.bounds()[0, :2], [3, 3])


# -- both executors -------------------------------------------------------------------
@pytest.mark.browser
def test_runtime_js_draws_the_same_paths(tmp_path):
    sys.path.insert(0, str(FilePath(__file__).resolve().parents[1]))
    import browser

    from lumos.io.html import save_html

    paths = [prim(Path.circle((5, 5), 3.5), fill=RED, stroke=Stroke(BLACK, width=2)),
             prim(square(9, 1, 7), fill=(1, 1, 0.6, 1), hatch="/o", hatch_color=BLUE,
                  stroke=Stroke(BLACK, width=1.5, dashes=(6, 3))),
             prim(square(7, 3, 4), fill=(0, 0.6, 0, 0.7))]
    # 400 px wide: Chromium's headless capture stalls now and then on smaller pages
    canvas, _ = canvas_with(Paths(paths, hatch_unit=50), size=(400, 200))
    try:
        expected = canvas.render()
        frame = canvas.frame()
    finally:
        canvas.close()
    html = save_html(frame, tmp_path / "paths.html", title="paths")
    actual = browser.screenshot(html, (400, 200))
    diff = browser.image_difference(actual, expected)
    if not (diff["max_channel_mean"] <= 2.0 and diff["bad_fraction"] <= 0.01):
        browser.write_comparison("paths", actual, expected)
        pytest.fail(f"browser and Python pictures of Paths differ: {diff}")
    assert len(np.unique(expected[..., :3].reshape(-1, 3), axis=0)) > 20


def test_reference_picture(compare_image):
    paths = [prim(Path.circle((4, 5), 3), fill=(0.12, 0.47, 0.71, 1),
                  stroke=Stroke(BLACK, width=1.5)),
             prim(square(8, 1.5, 5), fill=(1, 0.5, 0.05, 1), hatch="//", hatch_color=BLACK,
                  stroke=Stroke(BLACK, width=1)),
             prim(Path.wedge(20, 300).transformed(np.array([[3, 0, 16.5], [0, 3, 5],
                                                            [0, 0, 1.0]])),
                  fill=(0.17, 0.63, 0.17, 0.8), hatch="o", hatch_color=(1, 1, 1, 1),
                  stroke=Stroke(BLACK, width=1, dashes=(4, 2)))]
    compare_image("paths_fill_hatch_stroke", render(Paths(paths, hatch_unit=72),
                                                    size=(300, 150)), mean_tol=1.0,
                  bad_tol=0.005)


def test_self_crossing_fill_under_a_polar_transform_fills_where_it_winds():
    # (theta, r) vertices; the shader's transform takes absolute points, and the
    # trapezoids of the winding fill meet along rays (constant theta), which stay straight
    from lumos import transforms
    from lumos.path import winding_number
    from lumos.transforms import subdivide

    rng = np.random.default_rng(5)
    ring = np.c_[rng.uniform(0, 2 * np.pi, 30), rng.uniform(1, 4, 30)]
    vis = Paths([PPath(np.r_[ring, ring[:1]], np.r_[1, [2] * 29, 79],
                       fill=(0.1, 0.4, 0.8, 0.5))])
    polar = transforms.Polar()
    vis.transform = polar
    img = render(vis, rect=(-4.5, -4.5, 9, 9), size=(400, 400))[..., :3].astype(int)
    outline = polar.forward(subdivide(np.r_[ring, ring[:1]], polar, n=64))
    ij = rng.integers(0, 400, (2000, 2))
    xy = np.c_[-4.5 + (ij[:, 1] + 0.5) * 9 / 400, 4.5 - (ij[:, 0] + 0.5) * 9 / 400]
    want = np.array([winding_number(outline, x, y) for x, y in xy]) != 0
    px = img[ij[:, 0], ij[:, 1]]
    filled = (255 - px).max(axis=1) > 40
    assert want.mean() > 0.15 and (filled != want).mean() < 0.01  # before: 0.27
    # translucent: shaded once everywhere (0.5 of (0.1, 0.4, 0.8) over white)
    assert np.abs(np.median(px[want], axis=0) - (140, 178, 230)).max() <= 3
    assert ((img < (140 - 8, 178 - 8, 230 - 8)).all(axis=-1)).sum() == 0
