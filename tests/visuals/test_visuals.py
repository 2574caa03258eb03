"""Visuals rendered headless: reference images, pixel checks, precision and bad input.

Reference PNGs live in tests/images (``LUMOS_REGENERATE=1`` rewrites them). Every
picture here is small so that llvmpipe renders the whole file in a few seconds.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from pixels import bbox, ink, near  # tests/pixels.py

from lumos import geometry, scene, visuals

WHITE = (255, 255, 255)


# -- helpers -------------------------------------------------------------------------


def render(items, rect=None, size=(200, 100), bgcolor="white", pixel_ratio=1.0,
           camera="panzoom", **camera_attrs) -> np.ndarray:
    """Render visuals in one view filling the canvas; ``rect`` is the panzoom rect."""
    canvas = scene.Canvas(size=size, pixel_ratio=pixel_ratio, bgcolor=bgcolor)
    view = canvas.add_view(camera=camera)
    for item in items:
        view.add(item)
    for name, value in camera_attrs.items():
        setattr(view.camera, name, value)
    if rect is not None:
        view.camera.rect = rect
    else:
        view.camera.set_range()
    try:
        return canvas.render()
    finally:
        canvas.close()


def to_pixel(x, y, rect, size):
    """(row, col) of the pixel holding data point (x, y) in a full-canvas panzoom view."""
    x0, y0, w, h = rect
    col = int(np.floor((x - x0) / w * size[0]))
    row = int(np.floor((1 - (y - y0) / h) * size[1]))
    return row, col


# -- markers -------------------------------------------------------------------------

SYMBOLS = ("disc", "square", "triangle", "diamond", "cross", "plus", "star")
FILLS = ((0.9, 0.2, 0.1, 1), (0.1, 0.6, 0.2, 1), (0.1, 0.4, 0.9, 1), (0.9, 0.6, 0.0, 1),
         (0.6, 0.1, 0.7, 1), (0.0, 0.6, 0.7, 1), (0.8, 0.1, 0.4, 1))


def test_marker_symbols_with_edges(compare_image):
    size, rect = (280, 80), (-0.5, -1.0, 7.0, 2.0)
    items = []
    for i, (symbol, fill) in enumerate(zip(SYMBOLS, FILLS, strict=True)):
        items.append(visuals.Markers(pos=[[i, 0.4]], size=26, color=fill, symbol=symbol,
                                     edge_color="black", edge_width=2))
        items.append(visuals.Markers(pos=[[i, -0.5]], size=14, color=fill, symbol=symbol))
    img = render(items, rect, size)
    compare_image("markers_symbols", img)
    for i, fill in enumerate(FILLS):
        rgb = np.array(fill[:3]) * 255
        r, c = to_pixel(i, 0.4, rect, size)
        assert near(img[r, c], rgb, 20), (SYMBOLS[i], img[r, c])
        r2, c2 = to_pixel(i, -0.5, rect, size)
        assert near(img[r2, c2], rgb, 20), (SYMBOLS[i], img[r2, c2])
        # nothing between the two rows, and each big symbol about its 26 px size
        # (matplotlib's diamond is a square of that side turned by 45°: 37 px across)
        assert not ink(img[r + 21 : r2 - 10, c - 2 : c + 3]).any()
        box = bbox(ink(img[:, c - 20 : c + 21]) & (np.arange(size[1]) < r + 21)[:, None])
        assert 20 <= box[2] - box[0] + 1 <= 40 and 20 <= box[3] - box[1] + 1 <= 40, SYMBOLS[i]
    # the disc's edge: black one pixel inside its outer radius, white just outside
    r, c = to_pixel(0, 0.4, rect, size)
    assert img[r, c + 12, :3].max() < 90
    assert (img[r, c + 15, :3] == 255).all()
    # a square fills its corners, a disc does not
    r, c1 = to_pixel(1, 0.4, rect, size)
    assert ink(img[r - 11 : r - 9, c1 - 11 : c1 - 9]).all()
    assert not ink(img[r - 12 : r - 10, c - 12 : c - 10]).any()


def test_marker_per_point_sizes_and_colors():
    rect, size = (0.0, 0.0, 4.0, 1.0), (160, 40)
    m = visuals.Markers(pos=[[0.5, 0.5], [1.5, 0.5], [2.5, 0.5], [3.5, 0.5]],
                        size=[4, 8, 16, 0], color=["red", "lime", "blue", "black"])
    img = render([m], rect, size)
    widths = []
    for i, rgb in enumerate([(255, 0, 0), (0, 255, 0), (0, 0, 255)]):
        r, c = to_pixel(i + 0.5, 0.5, rect, size)
        assert near(img[r, c], rgb)
        widths.append(ink(img[r : r + 1, c - 19 : c + 20]).sum())
    assert widths[0] < widths[1] < widths[2]
    assert abs(widths[2] - 16) <= 2
    r, c = to_pixel(3.5, 0.5, rect, size)
    assert not ink(img[:, c - 15 :]).any()  # size 0: nothing


def test_marker_alias_names():
    assert visuals.Markers(pos=[[0, 0]], symbol="o").symbol == "disc"
    assert visuals.Markers(pos=[[0, 0]], symbol="s").symbol == "square"
    assert visuals.Markers(pos=[[0, 0]], symbol="*").symbol == "star"


# -- lines ---------------------------------------------------------------------------

LINE_COLORS = ((0.85, 0.1, 0.1, 1), (0.1, 0.5, 0.1, 1), (0.1, 0.2, 0.8, 1), (0.0, 0.0, 0.0, 1))


def zigzag(row: float) -> np.ndarray:
    return np.array([[0.3, row], [2.0, row], [2.8, row + 0.55], [3.6, row], [np.nan, np.nan],
                     [5.0, row], [6.4, row + 0.6], [5.9, row + 0.1], [8.0, row + 0.5],
                     [8.2, row + 0.05], [9.7, row]])


def test_thick_lines_nan_gap_and_joins(compare_image):
    size, rect = (300, 200), (0.0, -0.5, 10.0, 4.5)
    widths = (1, 3, 8, 16)
    items = [visuals.Line(pos=zigzag(i), color=color, width=w)
             for i, (w, color) in enumerate(zip(widths, LINE_COLORS, strict=True))]
    img = render(items, rect, size)
    compare_image("lines_widths_nan_joins", img)
    for i, w in enumerate(widths):
        # thickness across the horizontal run from x=0.3 to x=2: total coverage ~ w
        r, c = to_pixel(1.0, i, rect, size)
        column = img[r - 14 : r + 15, c, :3].astype(float)
        channel = int(np.argmin(LINE_COLORS[i][:3]))
        coverage = (255 - column[:, channel]) / (255 - LINE_COLORS[i][channel] * 255)
        assert abs(coverage.sum() - w) < 0.6 + 0.08 * w, (w, coverage.sum())
        # the NaN row breaks the line: nothing between x = 3.6 and 5.0 on this row
        r0, c0 = to_pixel(3.6, i, rect, size)
        r1, c1 = to_pixel(5.0, i, rect, size)
        gap = ink(img[r0 - 3 : r0 + 4, c0 + w // 2 + 3 : c1 - w // 2 - 3])
        assert not gap.any(), w
        # round join at the sharp peak (6.4, row + 0.6): covered just beyond the vertex
        r, c = to_pixel(6.4, i + 0.6, rect, size)
        if w >= 8:
            assert ink(img[r - w // 2 + 1 : r - w // 2 + 2, c - 1 : c + 2]).any(), w
            # round, not mitered: nothing far above the vertex
            assert not ink(img[max(r - w, 0) - 2 : r - w // 2 - 1, c - 1 : c + 2]).any(), w


def test_line_per_point_colors_and_many_lines_in_one_draw():
    rect, size = (0.0, 0.0, 3.0, 3.0), (90, 90)
    line = visuals.Line(pos=[np.array([[0.2, y], [2.8, y]]) for y in (0.5, 1.5, 2.5)],
                        color=["red", "lime", "blue"], width=4)
    canvas = scene.Canvas(size=size)
    view = canvas.add_view()
    view.add(line)
    view.camera.rect = rect
    frame = canvas.frame()
    assert len(frame.draws) == 1
    img = canvas.render()
    canvas.close()
    for y, rgb in ((0.5, (255, 0, 0)), (1.5, (0, 255, 0)), (2.5, (0, 0, 255))):
        r, c = to_pixel(1.5, y, rect, size)
        assert near(img[r, c], rgb), (y, img[r, c])
    # a per-point gradient from red to blue
    grad = visuals.Line(pos=[[0.0, 0.5], [3.0, 0.5]], color=[(1, 0, 0, 1), (0, 0, 1, 1)], width=6)
    img = render([grad], rect, size)
    r = to_pixel(0, 0.5, rect, size)[0]
    left, right = img[r, 5, :3].astype(int), img[r, 84, :3].astype(int)
    assert left[0] > 200 and left[2] < 60 and right[2] > 200 and right[0] < 60


def test_a_line_of_one_color_is_drawn_flat_as_its_points_colored_alike():
    # one color: the ONE_COLOR program (no color interpolated per pixel); the same
    # color given per point goes through the interpolating program: the same pixels
    rng = np.random.default_rng(3)
    pos = np.c_[np.linspace(0.0, 3.0, 200), np.cumsum(rng.normal(size=200)) * 0.05 + 1.5]
    pictures, defines = [], []
    for color in ((0.1, 0.3, 0.9, 1.0), [(0.1, 0.3, 0.9, 1.0)] * len(pos)):
        canvas = scene.Canvas(size=(120, 90), bgcolor="white")
        view = canvas.add_view()
        view.add(visuals.Line(pos=pos, color=color, width=2.5))
        view.camera.rect = (0.0, 0.0, 3.0, 3.0)
        (draw,) = canvas.frame().draws
        defines.append("#define ONE_COLOR" in draw.program.fragment)
        pictures.append(canvas.render())
        canvas.close()
    assert defines == [True, False]
    assert ink(pictures[0]).sum() > 200
    np.testing.assert_array_equal(pictures[0], pictures[1])


def test_a_line_of_breaks_only_draws_nothing_unless_a_page_fills_it():
    # an axes' tick line without ticks holds two NaN rows: a frame for pixels leaves
    # its draw out (the same picture, one draw less); a page's frame keeps it to fill
    line = visuals.Line(pos=np.full((2, 2), np.nan), width=2)
    canvas = scene.Canvas(size=(40, 30))
    view = canvas.add_view()
    view.add(line)
    view.camera.rect = (0.0, 0.0, 1.0, 1.0)
    assert canvas.frame().draws == []
    assert len(canvas.frame(follow=True).draws) == 1
    blank = canvas.render()
    assert (blank[..., :3] == 255).all()
    line.set_data([[0.1, 0.5], [0.9, 0.5]], color="black")  # drawn again once it has points
    assert len(canvas.frame().draws) == 1
    assert ink(canvas.render()).any()
    line.set_data([[np.nan, 0.5], [np.nan, np.nan], [0.9, np.inf]], color="black")
    assert canvas.frame().draws == []
    canvas.close()


def test_line_width_scales_with_pixel_ratio():
    rect = (0.0, 0.0, 1.0, 1.0)
    line = visuals.Line(pos=[[0.0, 0.5], [1.0, 0.5]], color="black", width=3)
    one = render([line], rect, (40, 40), pixel_ratio=1)
    two = render([line], rect, (40, 40), pixel_ratio=2)
    assert one.shape == (40, 40, 4) and two.shape == (80, 80, 4)
    cov1 = (255 - one[:, 20, 0].astype(float)).sum() / 255
    cov2 = (255 - two[:, 40, 0].astype(float)).sum() / 255
    assert abs(cov1 - 3) < 0.5 and abs(cov2 - 6) < 0.7


# -- images --------------------------------------------------------------------------


def scalar_field() -> np.ndarray:
    z = np.linspace(0, 1, 16).reshape(4, 4)  # row 0 lowest: dark at the bottom
    z = z.copy()
    z[2, 1] = np.nan
    return z


def test_image_nearest_vs_bilinear_with_nan(compare_image):
    z = scalar_field()
    size = (240, 120)
    canvas = scene.Canvas(size=size, bgcolor="white")
    views = []
    for col, interp in enumerate(("nearest", "bilinear")):
        v = canvas.add_view(row=0, col=col)
        v.add(visuals.Image(z, cmap="viridis", clim=(0, 1), interpolation=interp))
        v.camera.rect = (0.0, 0.0, 4.0, 4.0)
        views.append(v)
    img = canvas.render()
    canvas.close()
    compare_image("image_nearest_bilinear_nan", img)
    for x0 in (0, 120):
        tile = img[:, x0 : x0 + 120]
        # the NaN pixel (row 2, col 1): transparent, the white background shows
        r, c = to_pixel(1.5, 2.5, (0, 0, 4, 4), (120, 120))
        assert (tile[r - 5 : r + 5, c - 5 : c + 5, :3] == 255).all()
        # row 0 is at the bottom (dark purple), row 3 at the top (yellow-green)
        bottom, top = tile[115, 5, :3].astype(int), tile[5, 115, :3].astype(int)
        assert bottom[2] > bottom[1] and bottom.sum() < 250, bottom
        assert top[0] > 150 and top[1] > 180 and top[2] < 100, top
    # nearest: constant within a data pixel; bilinear: a ramp inside it
    near_tile, lin_tile = img[:, :120], img[:, 120:]
    r, c = to_pixel(3.5, 0.5, (0, 0, 4, 4), (120, 120))
    assert (near_tile[r, c - 12 : c + 12] == near_tile[r, c]).all()
    assert len({tuple(p) for p in lin_tile[r, c - 12 : c + 12]}) > 5


def test_image_bilinear_renormalizes_around_nan():
    # z = column / 3 in every row; the NaN pixel paints only where it is the nearest one,
    # and its neighbours interpolate over the good pixels (no blocky ring around it)
    z = np.tile(np.arange(4.0) / 3, (4, 1))
    z[1, 1] = np.nan
    img = render([visuals.Image(z, cmap="gray", clim=(0, 1), interpolation="bilinear")],
                 (0.0, 0.0, 4.0, 4.0), (40, 40))
    rows, cols = np.mgrid[0:40, 0:40]
    x, y = (cols + 0.5) / 10, (40 - rows - 0.5) / 10  # pixel centres in data pixels
    i0, j0 = np.floor(y - 0.5).astype(int), np.floor(x - 0.5).astype(int)
    fy, fx = y - 0.5 - i0, x - 0.5 - j0
    num = den = 0.0
    for di, dj, w in ((0, 0, (1 - fy) * (1 - fx)), (0, 1, (1 - fy) * fx),
                      (1, 0, fy * (1 - fx)), (1, 1, fy * fx)):
        v = z[np.clip(i0 + di, 0, 3), np.clip(j0 + dj, 0, 3)]
        good = np.isfinite(v)
        num = num + np.where(good, w * np.nan_to_num(v), 0.0)
        den = den + np.where(good, w, 0.0)
    want = np.round(num / den * 255)
    bad = np.isnan(z[np.floor(y).astype(int), np.floor(x).astype(int)])
    want[bad] = 255  # transparent over the white background
    assert bad.sum() == 100
    error = np.abs(img[..., 0].astype(int) - want).max()
    assert error <= 3, error


def program_defines(image, define: str, rect, size) -> list[bool]:
    """Whether each draw of a frame holding only ``image`` into the view (not the pass
    that colormaps its texels into a target) compiles ``#define define``."""
    canvas = scene.Canvas(size=size)
    view = canvas.add_view()
    view.add(image)
    view.camera.rect = rect
    try:
        return [f"#define {define}" in d.program.fragment for d in canvas.frame().draws
                if d.target is None]
    finally:
        canvas.close()


def test_image_colors_its_texels_once_on_the_gpu_as_the_cpu_does():
    # the color stage of Agg's filters samples the texels colormapped and premultiplied
    # in a target: within 1/255 of the CPU's colors (NaN, under and over included),
    # drawn again when the data or clim change, not by a frame that only pans
    from lumos import colors
    from lumos.gpu.context import current
    from lumos.gpu.executor import ModernGLExecutor, OffscreenTarget

    cmap = colors.get_cmap("viridis").with_extremes(bad="red", under="blue", over="white")
    data = np.random.default_rng(3).normal(size=(37, 53))
    data[4, 7], data[20, 30] = np.nan, -np.inf
    image = visuals.Image(data, cmap=cmap, clim=(-1.5, 1.2), interpolation="hanning")
    canvas = scene.Canvas(size=(30, 20))
    view = canvas.add_view()
    view.add(image)
    view.camera.rect = (0.0, 0.0, 53.0, 37.0)

    def target_and_fills(ex, out):
        frame = canvas.frame()
        fills = [d for d in frame.draws if d.target is not None]
        ex.render(frame, out.fbo)
        return fills[0].target, len(fills)

    def cpu() -> np.ndarray:
        rgba = image.rgba().astype(np.int64)
        rgba[..., :3] = (rgba[..., :3] * rgba[..., 3:] + 127) // 255
        return rgba[::-1]  # first row at the top, as target_pixels

    try:
        with current() as ctx:
            ex, out = ModernGLExecutor(ctx), OffscreenTarget(ctx, (30, 20))
            try:
                target, fills = target_and_fills(ex, out)
                assert (fills, target.size) == (1, (53, 37))
                gpu = np.round(ex.target_pixels(target) * 255).astype(np.int64)
                assert np.abs(gpu - cpu()).max() <= 1
                key = target.key
                view.camera.rect = (5.0, 2.0, 20.0, 15.0)  # a pan: the same key
                assert target_and_fills(ex, out)[0].key == key
                image.clim = (-0.5, 0.5)
                assert target_and_fills(ex, out)[0].key == key + 1
                image.set_data(-data)
                target_and_fills(ex, out)
                gpu = np.round(ex.target_pixels(target) * 255).astype(np.int64)
                assert target.key == key + 2 and np.abs(gpu - cpu()).max() <= 1
            finally:
                out.release()
    finally:
        canvas.close()


@pytest.mark.parametrize("interpolation", ["nearest", "bilinear"])
def test_image_tests_for_bad_pixels_only_while_it_has_some(interpolation):
    # an image without NaN or inf is drawn by a program without the bad-pixel test; one
    # with them paints the bad color, also after set_data brought them back
    from lumos import colors

    cmap = colors.get_cmap("viridis").with_extremes(bad="red")
    clean = np.linspace(0.0, 1.0, 16).reshape(4, 4)
    holed = clean.copy()
    holed[1, 2], holed[3, 0] = np.nan, np.inf
    kw = dict(cmap=cmap, clim=(0, 1), interpolation=interpolation)
    rect, size = (0.0, 0.0, 4.0, 4.0), (40, 40)

    image = visuals.Image(clean, **kw)
    assert program_defines(image, "BAD_PIXELS", rect, size) == [False]
    first = render([image], rect, size)
    image.set_data(holed)
    assert program_defines(image, "BAD_PIXELS", rect, size) == [True]
    holes = render([image], rect, size)
    for x, y in ((2.5, 1.5), (0.5, 3.5)):  # the NaN and the inf pixel: red
        r, c = to_pixel(x, y, rect, size)
        assert tuple(holes[r, c, :3]) == (255, 0, 0), (x, y, holes[r, c])
    assert np.array_equal(holes, render([visuals.Image(holed, **kw)], rect, size))
    image.set_data(clean)
    again = render([image], rect, size)
    assert np.array_equal(again, first)
    assert not (again[..., :3] == (255, 0, 0)).all(axis=-1).any()


@pytest.mark.parametrize("interpolation", ["nearest", "bilinear"])
def test_image_tests_under_and_over_only_when_a_texel_may_be_beyond_the_limits(interpolation):
    # nearest images whose data lies within clim leave the under/over tests out of their
    # program (they could never pass); a clim inside the data brings them back, and the
    # pixels beyond it take the under and over colors. Bilinear keeps them: an average
    # of texels may round beyond the largest one.
    from lumos import colors

    cmap = colors.get_cmap("viridis").with_extremes(under="red", over="blue")
    z = np.linspace(0.0, 1.0, 16).reshape(4, 4)
    rect, size = (0.0, 0.0, 4.0, 4.0), (40, 40)

    tests = interpolation == "bilinear"
    image = visuals.Image(z, cmap=cmap, interpolation=interpolation)  # clim: the data range
    assert program_defines(image, "EXTREMES", rect, size) == [tests]
    full = render([image], rect, size)
    assert not (full[..., :3] == (255, 0, 0)).all(axis=-1).any()
    assert not (full[..., :3] == (0, 0, 255)).all(axis=-1).any()
    image.clim = (0.0, 1.5)
    assert program_defines(image, "EXTREMES", rect, size) == [tests]
    image.clim = (0.2, 0.8)
    assert program_defines(image, "EXTREMES", rect, size) == [True]
    cut = render([image], rect, size)
    r, c = to_pixel(0.5, 0.5, rect, size)  # z = 0: under
    assert tuple(cut[r, c, :3]) == (255, 0, 0), cut[r, c]
    r, c = to_pixel(3.5, 3.5, rect, size)  # z = 1: over
    assert tuple(cut[r, c, :3]) == (0, 0, 255), cut[r, c]
    image.clim = None
    assert np.array_equal(render([image], rect, size), full)


def test_image_rgb_and_rgba(compare_image):
    rgb = np.array([[[255, 0, 0], [0, 255, 0]], [[0, 0, 255], [255, 255, 255]]], np.uint8)
    rgba = np.zeros((2, 2, 4))
    rgba[..., 0] = 1.0  # red, with alpha 1, 0.6, 0.3 and 0
    rgba[..., 3] = [[1.0, 0.6], [0.3, 0.0]]
    size, rect = (240, 120), (0.0, 0.0, 4.0, 2.0)
    behind = visuals.Line(pos=[[2.0, 1.0], [4.0, 1.0]], color="black", width=9)
    items = [visuals.Image(rgb, extent=(0, 2, 0, 2)), behind,
             visuals.Image(rgba, extent=(2, 4, 0, 2))]
    img = render(items, rect, size)
    compare_image("image_rgb_rgba", img)
    # row 0 at the bottom: red bottom-left, green bottom-right, blue top-left
    for (x, y), want in (((0.5, 0.5), (255, 0, 0)), ((1.5, 0.5), (0, 255, 0)),
                         ((0.5, 1.5), (0, 0, 255)), ((1.5, 1.5), (255, 255, 255))):
        r, c = to_pixel(x, y, rect, size)
        assert tuple(img[r, c, :3]) == want, ((x, y), img[r, c])
    # alpha: opaque red, 60 % red over white, 30 % red over white, fully transparent
    r, c = to_pixel(2.5, 0.5, rect, size)
    assert near(img[r, c], (255, 0, 0), 2)
    r, c = to_pixel(3.5, 0.5, rect, size)
    assert near(img[r, c], (255, 102, 102), 4)
    r, c = to_pixel(2.5, 1.5, rect, size)
    assert near(img[r, c], (255, 178, 178), 4)
    r, c = to_pixel(3.5, 1.5, rect, size)
    assert near(img[r, c], WHITE, 2)
    # the black line shows through the transparent cell, dimmed under the 60 % cell
    r, c = to_pixel(3.5, 1.0, rect, size)
    assert near(img[r - 2, c], (0, 0, 0), 4)
    assert near(img[r + 2, c], (153, 0, 0), 6)


def test_image_colormap_and_clim():
    z = np.array([[0.0, 0.5, 1.0, 2.0]])
    img = render([visuals.Image(z, cmap="gray", clim=(0, 1))], (0, 0, 4, 1), (40, 10))
    values = img[5, 5::10, 0].astype(int)
    assert values[0] < 3 and abs(values[1] - 128) <= 3 and values[2] > 252 and values[3] > 252
    img = render([visuals.Image(z, cmap="gray_r")], (0, 0, 4, 1), (40, 10))  # clim from data
    values = img[5, 5::10, 0].astype(int)
    assert values[3] < 3 and values[0] > 252 and values[0] > values[1] > values[2] > values[3]


# -- meshes --------------------------------------------------------------------------


def test_mesh_flat_vs_smooth(compare_image):
    verts, faces = geometry.sphere(16, 8)
    size = (240, 120)
    canvas = scene.Canvas(size=size, bgcolor="white")
    for col, shading in enumerate(("flat", "smooth")):
        v = canvas.add_view(row=0, col=col, camera="turntable")
        v.add(visuals.Mesh(vertices=verts, faces=faces, color=(0.2, 0.6, 1, 1), shading=shading))
        v.camera.set_range()
    img = canvas.render()
    canvas.close()
    compare_image("mesh_flat_smooth", img)
    equal_neighbours = []
    for x0 in (0, 120):
        tile = img[:, x0 : x0 + 120, :3].astype(int)
        inside = ink(img[:, x0 : x0 + 120])
        assert 0.15 < inside.mean() < 0.6  # a sphere in the middle of its view
        blue = tile[inside]
        assert (blue[:, 2] >= blue[:, 0]).mean() > 0.95  # shaded blues
        lum = blue.mean(axis=1)
        assert lum.max() - lum.min() > 100  # lit and shadowed sides
        both = inside[:, 1:] & inside[:, :-1]
        same = (tile[:, 1:] == tile[:, :-1]).all(axis=2)
        equal_neighbours.append(same[both].mean())
    flat, smooth = equal_neighbours
    assert flat > 0.45 and smooth < 0.25, equal_neighbours


def test_mesh_vertex_colors_and_unshaded():
    verts = np.array([[0, 0, 0], [1, 0, 0], [1, 1, 0], [0, 1, 0]], float)
    faces = np.array([[0, 1, 2], [0, 2, 3]])
    colors = np.array([[1, 0, 0, 1], [0, 1, 0, 1], [0, 0, 1, 1], [1, 1, 0, 1]], float)
    mesh = visuals.Mesh(vertices=verts, faces=faces, vertex_colors=colors, shading=None)
    img = render([mesh], size=(60, 60), camera="turntable", azimuth=0.0, elevation=90.0,
                 fov=0.0)
    inside = ink(img)
    assert inside.mean() > 0.3
    corners = {"bl": img[56, 4], "br": img[56, 55], "tr": img[4, 55], "tl": img[4, 4]}
    for key, rgb in (("bl", (255, 0, 0)), ("br", (0, 255, 0)), ("tr", (0, 0, 255)),
                     ("tl", (255, 255, 0))):
        if ink(corners[key][None, None])[0, 0]:
            assert near(corners[key], rgb, 60), (key, corners[key])
    # unshaded: the centre is the plain average of its corners' colors, no lighting
    centre = img[30, 30, :3].astype(int)
    assert centre.max() < 200


# -- text ----------------------------------------------------------------------------


def test_text_sizes_anchors_rotation(compare_image):
    size, rect = (300, 200), (0.0, 0.0, 6.0, 4.0)
    labels = [
        visuals.Text("Size 8", pos=(0.2, 3.5), font_size=8, anchor_x="left"),
        visuals.Text("Size 12", pos=(0.2, 2.9), font_size=12, anchor_x="left"),
        visuals.Text("Size 20 Ag", pos=(0.2, 2.1), font_size=20, anchor_x="left"),
        visuals.Text("left", pos=(3.0, 1.4), font_size=12, anchor_x="left", color="red"),
        visuals.Text("center", pos=(3.0, 0.9), font_size=12, anchor_x="center", color="green"),
        visuals.Text("right", pos=(3.0, 0.4), font_size=12, anchor_x="right", color="blue"),
        visuals.Text("rotated 90", pos=(5.3, 2.0), font_size=14, rotation=90),
    ]
    guide = visuals.Line(pos=[[3.0, 0.1], [3.0, 1.7]], color=(0.6, 0.6, 0.6, 1), width=1)
    img = render([guide, *labels], rect, size)
    compare_image("text_sizes_anchors_rotation", img)

    def label_box(y, x_lo=0.0, x_hi=6.0, dy=0.3):
        r0, c0 = to_pixel(x_lo, y + dy, rect, size)
        r1, c1 = to_pixel(x_hi, y - dy, rect, size)
        mask = np.zeros(img.shape[:2], bool)
        mask[r0:r1, c0:c1] = ink(img[r0:r1, c0:c1]) & (img[r0:r1, c0:c1, 0] < 200)
        return bbox(mask)

    heights = []
    for y in (3.5, 2.9, 2.1):
        box = label_box(y, 0.0, 4.5, 0.28)
        assert box is not None
        heights.append(box[2] - box[0])
        assert abs(box[1] - to_pixel(0.2, y, rect, size)[1]) <= 3  # left-anchored
    assert heights[0] < heights[1] < heights[2], heights
    anchor_col = to_pixel(3.0, 0, rect, size)[1]
    for y, channel, side in ((1.4, 0, "left"), (0.9, 1, "center"), (0.4, 2, "right")):
        r0, r1 = to_pixel(0, y + 0.2, rect, size)[0], to_pixel(0, y - 0.2, rect, size)[0]
        band = img[r0:r1, :, :3].astype(int)
        others = [k for k in range(3) if k != channel]
        colored = (band[..., channel] > 100) & (band[..., others].max(axis=2) < 80)
        cols = np.nonzero(colored.any(axis=0))[0]
        assert len(cols) > 10, side
        if side == "left":
            assert cols.min() >= anchor_col - 1
        elif side == "right":
            assert cols.max() <= anchor_col + 1
        else:
            assert abs((cols.min() + cols.max()) / 2 - anchor_col) <= 3
    # rotation 90: the label runs bottom to top, taller than wide, centred on its anchor
    r, c = to_pixel(5.3, 2.0, rect, size)
    box = bbox(ink(img[:, c - 20 :]))
    assert box[2] - box[0] > 3 * (box[3] - box[1])
    assert abs((box[0] + box[2]) / 2 - r) <= 3


def test_text_many_labels_one_draw_and_color():
    canvas = scene.Canvas(size=(100, 50))
    view = canvas.add_view()
    view.add(visuals.Text(["a", "b", "c"], pos=[[0.2, 0.5], [0.5, 0.5], [0.8, 0.5]],
                          font_size=16, color="red"))
    view.camera.rect = (0, 0, 1, 1)
    assert len(canvas.frame().draws) == 1
    img = canvas.render()
    canvas.close()
    for x in (0.2, 0.5, 0.8):
        r, c = to_pixel(x, 0.5, (0, 0, 1, 1), (100, 50))
        patch = img[r - 8 : r + 8, c - 8 : c + 8, :3].astype(int)
        red = (patch[..., 0] > 200) & (patch[..., 1] < 60) & (patch[..., 2] < 60)
        assert red.sum() > 5, x


def test_text_styles_checked_once_each_all_taken():
    """Labels sharing a style (tick labels) are checked once per style: every label
    still gets its style as floats, and a bad style anywhere in the list is refused
    naming the argument, leaving the labels as they were."""
    t = visuals.Text(["a", "b"], pos=[[0, 0], [1, 0]])
    shared = (12, "left", "baseline", 0)
    t.set_data(["a", "b", "c"], pos=[[0, 0], [1, 0], [2, 0]],
               styles=[shared, (np.float32(9.5), "center", "top", 30), shared])
    assert t._styles == [(12.0, "left", "baseline", 0.0), (9.5, "center", "top", 30.0),
                         (12.0, "left", "baseline", 0.0)]
    assert all(type(v) is float for s in t._styles for v in (s[0], s[3]))
    for bad, err, name in (((-1.0, "left", "baseline", 0.0), ValueError, "font_size"),
                           ((12.0, "left", "baseline", float("nan")), ValueError,
                            "rotation"),
                           (("12", "left", "baseline", 0.0), TypeError, "font_size"),
                           ((12.0, "middle", "baseline", 0.0), ValueError, "anchor_x"),
                           ([12.0, "left", "baseline", 0.0], None, None)):
        styles = [shared, shared, bad]
        if err is None:  # a list (unhashable) is checked on its own and taken
            t.set_data(["x", "y", "z"], pos=[[0, 0], [1, 0], [2, 0]], styles=styles)
            assert t._styles[2] == (12.0, "left", "baseline", 0.0)
            continue
        with pytest.raises(err, match=name):
            t.set_data(["p", "q", "r"], pos=[[0, 0], [1, 0], [2, 0]], styles=styles)
        assert t.text[0] != "p"  # nothing changed

# -- precision -----------------------------------------------------------------------

T = np.arange(200) * 1e-3  # 200 samples, 1 ms apart
SQUARE = (np.floor(T / 0.02) % 2).astype(float)  # a square wave of period 40 ms


@pytest.mark.parametrize("kind", ["line", "markers"])
def test_large_offsets_do_not_jitter(kind, compare_image):
    t0 = 1.7e9  # a Unix timestamp in seconds
    size = (200, 100)

    def picture(offset):
        x = offset + T
        pos = np.c_[x, SQUARE]
        if kind == "line":
            item = visuals.Line(pos=pos, color="black", width=1.5)
        else:
            item = visuals.Markers(pos=pos[::5], size=5, color="black")
        return render([item], (offset - 0.005, -0.2, 0.2, 1.4), size)

    near_zero, big = picture(0.0), picture(t0)
    diff = np.abs(near_zero.astype(int) - big.astype(int)).max(axis=2)
    assert diff.mean() < 0.5 and (diff > 32).mean() < 0.002, (diff.mean(), (diff > 32).mean())
    compare_image(f"precision_{kind}", big)
    # and the picture is the square wave: ink at both levels and on the vertical edges
    assert ink(big).mean() > 0.02
    for ms in (10, 30, 50):
        r, c = to_pixel(ms * 1e-3, 0.0 if (ms // 20) % 2 == 0 else 1.0,
                        (-0.005, -0.2, 0.2, 1.4), size)
        assert ink(big[r - 2 : r + 3, c - 2 : c + 3]).any(), ms


# -- bad input -----------------------------------------------------------------------


@pytest.mark.parametrize("make", [
    lambda p: visuals.Line(pos=p),
    lambda p: visuals.Markers(pos=p),
    lambda p: visuals.Text(["a"] * len(p), pos=p),
    lambda p: visuals.Mesh(vertices=p, faces=np.zeros((0, 3), int)),
])
def test_wrong_position_shapes_name_the_argument(make):
    for bad in (np.zeros((5, 4)), np.zeros((3, 1))):
        with pytest.raises(ValueError, match=r"(pos|vertices): got shape") as info:
            make(bad)
        assert str(bad.shape) in str(info.value)


@pytest.mark.parametrize(("make", "arg"), [
    (lambda: visuals.Line(pos=np.zeros(5)), "pos"),
    (lambda: visuals.Line(pos=np.zeros((2, 3, 4))), "pos"),
    (lambda: visuals.Markers(pos=np.zeros((3, 2, 2))), "pos"),
    (lambda: visuals.Markers(pos=5.0), "pos"),
    (lambda: visuals.Mesh(vertices=np.zeros((3, 4)), faces=[[0, 1, 2]]), "vertices"),
    (lambda: visuals.Mesh(vertices=np.zeros((3, 3)), faces=[[0, 1]]), "faces"),
    (lambda: visuals.Mesh(vertices=np.zeros((3, 3)), faces=[[0, 1, 3]]), "faces"),
    (lambda: visuals.Mesh(vertices=np.zeros((3, 3)), faces=[[-1, 1, 2]]), "faces"),
    (lambda: visuals.Mesh(vertices=np.zeros((3, 3)), faces=[[0, 1, 2]],
                          normals=np.ones((2, 3))), "normals"),
    (lambda: visuals.Image(np.zeros((4, 4, 5))), "data"),
    (lambda: visuals.Image(np.zeros((4, 4, 2))), "data"),
    (lambda: visuals.Image(np.zeros(4)), "data"),
    (lambda: visuals.Image(np.zeros((2, 2, 2, 2))), "data"),
    (lambda: visuals.Image(np.zeros((4, 4)), extent=(0, 1, 2)), "extent"),
    (lambda: visuals.Image(np.zeros((4, 4)), extent=(0, 1, 2, np.nan)), "extent"),
    (lambda: visuals.Markers(pos=np.zeros((3, 2)), size=[1, 2]), "size"),
    (lambda: visuals.Line(pos=np.zeros((3, 2)), color=np.ones((2, 4))), "color"),
    (lambda: visuals.Line(pos=np.zeros((3, 2)), width=-1), "width"),
    (lambda: visuals.Line(pos=np.zeros((3, 2)), width=np.inf), "width"),
    (lambda: visuals.Text(["a", "b"], pos=(0, 0)), "pos"),
    (lambda: visuals.Text("a", rotation=np.nan), "rotation"),
    (lambda: visuals.Line(pos=[[1, 2], [3]]), "pos"),
    (lambda: setattr(visuals.Text("a"), "transform", np.full((4, 4), np.nan)), "transform"),
])
def test_bad_values_raise_value_error_naming_the_argument(make, arg):
    with pytest.raises(ValueError, match=rf"\b{arg}\b"):
        make()


def test_error_messages_give_the_shapes():
    with pytest.raises(ValueError, match=r"pos: got shape \(5, 4\), expected \(N, 2\) or "
                                         r"\(N, 3\)"):
        visuals.Line(pos=np.zeros((5, 4)))
    with pytest.raises(ValueError, match=r"data: got shape \(3, 3, 5\)"):
        visuals.Image(np.zeros((3, 3, 5)))
    with pytest.raises(ValueError, match=r"faces: indices must lie in 0\.\.2, got 0\.\.7"):
        visuals.Mesh(vertices=np.zeros((3, 3)), faces=[[0, 1, 7]])


@pytest.mark.parametrize(("make", "arg"), [
    (lambda: visuals.Line(pos="abc"), "pos"),
    (lambda: visuals.Line(pos=[["a", "b"], ["c", "d"]]), "pos"),
    (lambda: visuals.Markers(pos=[[1, None]]), "pos"),
    (lambda: visuals.Line(pos=np.zeros((3, 2)), width="2"), "width"),
    (lambda: visuals.Markers(pos=np.zeros((3, 2)), edge_width="1"), "edge_width"),
    (lambda: visuals.Markers(pos=np.zeros((3, 2)), color=5), "color"),
    (lambda: visuals.Text("a", font_size="12"), "font_size"),
    (lambda: visuals.Text(["a", 3], pos=[[0, 0], [1, 1]]), "text"),
    (lambda: visuals.Image(np.array([["a", "b"]])), "data"),
    (lambda: visuals.Image(np.zeros((2, 2)), clim=("a", "b")), "clim"),
    (lambda: visuals.Image(np.zeros((2, 2)), extent="abcd"), "extent"),
    (lambda: visuals.Mesh(vertices=np.zeros((3, 3)), faces=np.array([[0, 1, 2.0]])), "faces"),
    (lambda: visuals.Mesh(vertices=[["a", "b", "c"]], faces=np.zeros((0, 3), int)),
     "vertices"),
    (lambda: visuals.Markers(pos=np.zeros((3, 2)), size="big"), "size"),
    (lambda: visuals.Text(123), "text"),
    (lambda: visuals.Text("a", pos="ab"), "pos"),
    (lambda: visuals.Text("a", rotation="abc"), "rotation"),
    (lambda: visuals.Line(pos=np.zeros((3, 2), complex)), "pos"),
    (lambda: setattr(visuals.Text("a"), "transform", "abc"), "transform"),
])
def test_wrong_types_raise_type_error_naming_the_argument(make, arg):
    with pytest.raises(TypeError, match=rf"\b{arg}\b"):
        make()


def test_ragged_line_positions_name_the_argument():
    with pytest.raises(ValueError, match=r"\bpos\b"):
        visuals.Line(pos=[[1, 2], [3]])


def test_ragged_marker_positions_name_the_argument():
    with pytest.raises(ValueError, match=r"\bpos\b"):
        visuals.Markers(pos=[[1, 2], [3]])


@pytest.mark.parametrize(("make", "arg"), [
    (lambda: visuals.Markers(pos=[[0, 0]], symbol="heptagon"), "symbol"),
    (lambda: visuals.Image(np.zeros((2, 2)), cmap="no_such_map"), "cmap"),
    (lambda: visuals.Image(np.zeros((2, 2)), interpolation="cubic"), "interpolation"),
    (lambda: visuals.Mesh(vertices=np.zeros((3, 3)), faces=[[0, 1, 2]], shading="phong"),
     "shading"),
    (lambda: visuals.Line(pos=np.zeros((2, 2)), color="no_such_color"), "color"),
    (lambda: visuals.Text("a", anchor_x="middle"), "anchor_x"),
    (lambda: visuals.Text("a", anchor_y="upper"), "anchor_y"),
])
def test_unknown_names_raise_value_error(make, arg):
    with pytest.raises(ValueError, match=rf"\b{arg}\b"):
        make()


@pytest.mark.parametrize(("make", "arg"), [
    (lambda: visuals.Markers(pos=[[0, 0]], edge_color="no_such_color"), "edge_color"),
    (lambda: visuals.Mesh(vertices=np.zeros((3, 3)), faces=[[0, 1, 2]],
                          vertex_colors=np.ones((2, 4))), "vertex_colors"),
    (lambda: visuals.Mesh(vertices=np.zeros((3, 3)), faces=[[0, 1, 2]], color="nope"), "color"),
    (lambda: visuals.Text("a", color="nope"), "color"),
])
def test_bad_colors_name_their_argument_when_given(make, arg):
    with pytest.raises(ValueError, match=rf"^{arg}: got"):
        make()


def test_unknown_names_on_setters_keep_the_old_value():
    m = visuals.Markers(pos=[[0, 0]], symbol="square")
    with pytest.raises(ValueError, match="symbol"):
        m.symbol = "blob"
    assert m.symbol == "square"
    im = visuals.Image(np.zeros((2, 2)), cmap="gray")
    with pytest.raises(ValueError, match="cmap"):
        im.cmap = "blob"
    assert im.cmap.name == "gray"


# -- NaN and inf ---------------------------------------------------------------------


def test_nan_and_inf_break_lines():
    rect, size = (0.0, 0.0, 6.0, 1.0), (120, 20)
    pos = np.array([[0.2, 0.5], [1.8, 0.5], [np.nan, 0.5], [2.2, 0.5], [3.8, 0.5],
                    [4.0, np.inf], [4.2, 0.5], [5.8, 0.5]])
    img = render([visuals.Line(pos=pos, color="black", width=2)], rect, size)
    r = to_pixel(0, 0.5, rect, size)[0]
    row = ink(img[r - 1 : r + 2]).any(axis=0)
    for x in (1.0, 3.0, 5.0):  # the three pieces are drawn
        assert row[to_pixel(x, 0.5, rect, size)[1]], x
    for x in (2.0, 4.0):  # and nothing joins them across the NaN / inf rows
        c = to_pixel(x, 0.5, rect, size)[1]
        assert not row[c - 1 : c + 2].any(), x
    assert not ink(img[: r - 3]).any() and not ink(img[r + 4 :]).any()


def test_nan_and_inf_skip_markers_and_bounds_ignore_them():
    pos = np.array([[0.0, 0.0], [np.nan, 5.0], [1.0, np.inf], [-np.inf, 2.0], [1.0, 1.0]])
    m = visuals.Markers(pos=pos, size=10, color="black")
    np.testing.assert_array_equal(m.bounds(), [[0, 0, 0], [1, 1, 0]])
    img = render([m], (-0.5, -0.5, 2.0, 2.0), (80, 80))
    one = render([visuals.Markers(pos=[[0.0, 0.0]], size=10, color="black")],
                 (-0.5, -0.5, 2.0, 2.0), (80, 80))
    assert ink(img).sum() == 2 * ink(one).sum()
    for x, y in ((0, 0), (1, 1)):
        r, c = to_pixel(x, y, (-0.5, -0.5, 2.0, 2.0), (80, 80))
        assert img[r, c, :3].max() < 30


def test_nan_everywhere_renders_nothing_and_does_not_crash():
    nan = np.full((4, 2), np.nan)
    items = [visuals.Line(pos=nan), visuals.Markers(pos=nan),
             visuals.Text(["a"] * 4, pos=nan),
             visuals.Mesh(vertices=np.full((3, 3), np.nan), faces=[[0, 1, 2]]),
             visuals.Image(np.full((3, 3), np.nan))]
    img = render(items, (0, 0, 3, 3), (40, 40))
    assert (img == 255).all()
    assert all(v.bounds() is None for v in items[:4])


def test_mesh_drops_faces_touching_nan_vertices():
    verts = np.array([[0, 0, 0], [1, 0, 0], [0, 1, 0], [1, 1, 0], [2, np.nan, 0]], float)
    faces = [[0, 1, 2], [1, 3, 2], [1, 4, 3]]
    mesh = visuals.Mesh(vertices=verts, faces=faces, color="red", shading=None)
    img = render([mesh], size=(50, 50), camera="turntable", azimuth=0.0, elevation=90.0,
                 fov=0.0)
    assert ink(img).mean() > 0.2
    np.testing.assert_array_equal(mesh.bounds(), [[0, 0, 0], [1, 1, 0]])


def test_image_inf_and_nan_values_use_finite_limits():
    z = np.array([[0.0, np.inf], [-np.inf, 1.0], [np.nan, 0.5]])
    im = visuals.Image(z, cmap="viridis")
    assert im.clim == (0.0, 1.0)
    img = render([im], (0, 0, 2, 3), (20, 30))
    assert img.shape == (30, 20, 4)
    # NaN, -inf and inf cells are "bad": transparent over the white background
    for r, c in ((5, 5), (15, 5), (25, 15)):
        assert (img[r, c, :3] == 255).all(), (r, c, img[r, c])
    assert near(img[25, 5], (68, 1, 84), 3)  # viridis(0) at row 0, bottom
    assert near(img[15, 15], (253, 231, 37), 3)  # viridis(1)


# -- empty data ----------------------------------------------------------------------


def test_empty_visuals_draw_nothing():
    items = [
        visuals.Line(pos=np.zeros((0, 2))),
        visuals.Line(pos=np.zeros((1, 2))),
        visuals.Line(),
        visuals.Markers(pos=np.zeros((0, 3))),
        visuals.Markers(),
        visuals.Text([], pos=np.zeros((0, 2))),
        visuals.Text(""),
        visuals.Text("   ", pos=(0.5, 0.5)),
        visuals.Mesh(vertices=np.zeros((0, 3)), faces=np.zeros((0, 3), int)),
        visuals.Mesh(),
        visuals.Image(np.zeros((0, 0))),
        visuals.Image(np.zeros((0, 5, 3), np.uint8)),
    ]
    canvas = scene.Canvas(size=(40, 30), bgcolor=(0.2, 0.4, 0.6, 1.0))
    v2 = canvas.add_view(col=0)
    v3 = canvas.add_view(col=1, camera="turntable")
    for item in items:
        v2.add(item)
    v3.add(visuals.Mesh())
    v2.camera.set_range()
    v3.camera.set_range()
    assert canvas.frame().draws == []
    img = canvas.render()
    canvas.close()
    assert img.shape == (30, 40, 4)
    assert (img[..., :3] == [51, 102, 153]).all() and (img[..., 3] == 255).all()


def test_empty_then_filled_then_empty_again():
    line = visuals.Line(pos=np.zeros((0, 2)), color="black", width=3)
    assert render([line], (0, 0, 1, 1), (20, 20)).min() == 255
    line.set_data([[0.0, 0.5], [1.0, 0.5]])
    assert ink(render([line], (0, 0, 1, 1), (20, 20))).any()
    line.set_data(np.zeros((0, 2)))
    assert render([line], (0, 0, 1, 1), (20, 20)).min() == 255


def test_image_clim_must_be_finite():
    with pytest.raises(ValueError, match="clim"):
        visuals.Image(np.zeros((2, 2)), clim=(np.nan, 1.0))


def test_failed_set_data_leaves_the_visual_as_it_was():
    m = visuals.Markers(pos=np.zeros((2, 2)), size=[1.0, 2.0], color=["red", "blue"])
    with pytest.raises(ValueError, match="size"):
        m.set_data(np.zeros((5, 2)))  # the per-point sizes no longer fit
    line = visuals.Line(pos=np.zeros((2, 2)), color=["red", "blue"])
    with pytest.raises(ValueError, match="color"):
        line.set_data(np.zeros((5, 2)))
    # the draws would read 5 instances from 2-row size/color buffers: out of range
    assert len(m.pos) == len(m._size_buffer.data) == len(m._color_buffer.data)
    assert len(line.pos) == 2
    canvas = scene.Canvas(size=(10, 10))
    view = canvas.add_view()
    view.add(m)
    view.add(line)
    for d in canvas.frame().draws:
        for a in d.attributes.values():
            rows = d.instances if a.divisor else d.first + d.count  # markers: GL points
            end = a.offset + a.stride * (rows - 1) + a.size * (1 if a.type == "u1" else 4)
            assert end <= a.buffer.nbytes, (d.program.id, a)


def test_set_data_replaces_points_and_colors_together():
    line = visuals.Line(pos=[np.zeros((2, 2)), np.ones((2, 2))], color=["red", "blue"])
    line.set_data([np.zeros((2, 2))] * 3, color=["red", "lime", "blue"])
    assert len(line._color_buffer.data) == len(line.pos) == 8
    mesh = visuals.Mesh(vertices=np.zeros((3, 3)), faces=[[0, 1, 2]],
                        vertex_colors=np.ones((3, 4)))
    mesh.set_data(np.zeros((4, 3)), [[0, 1, 2], [0, 2, 3]], vertex_colors=np.ones((4, 4)))
    assert len(mesh._color_buffer.data) == 4


def test_per_point_colors_for_several_lines():
    lines = [np.c_[np.arange(3.0), np.zeros(3)], np.c_[np.arange(3.0), np.ones(3)]]
    rgba = np.tile([0.0, 0.0, 1.0, 1.0], (6, 1))
    line = visuals.Line(pos=lines, color=rgba)
    assert len(line._color_buffer.data) == len(line.pos) == 7


def test_translucent_line_is_even_at_joins():
    rect, size = (0.0, 0.0, 4.0, 2.0), (160, 80)
    line = visuals.Line(pos=[[0.5, 1.0], [2.0, 1.0], [3.5, 1.5]], color=(0, 0, 1, 0.5), width=8)
    img = render([line], rect, size)
    mid = img[to_pixel(1.0, 1.0, rect, size)].astype(int)
    join = img[to_pixel(2.0, 1.0, rect, size)].astype(int)
    assert np.abs(mid - join).max() <= 4, (mid, join)


def test_translucent_line_of_many_short_segments_matches_one_segment():
    # segments shorter than the width overlap their neighbours' over most of their length
    rect, size = (0.0, 0.0, 4.0, 2.0), (160, 80)
    x = np.linspace(0.5, 3.5, 400)
    many = np.c_[x, 0.8 + 0.2 * x]
    one = render([visuals.Line(pos=many[[0, -1]], color=(1, 0, 0, 0.5), width=6)], rect, size)
    img = render([visuals.Line(pos=many, color=(1, 0, 0, 0.5), width=6, lod=False)], rect, size)
    diff = np.abs(img.astype(int) - one.astype(int)).max(axis=2)
    assert diff.max() <= 4, diff.max()


# -- the caller's arrays ------------------------------------------------------------


def test_callers_arrays_are_not_modified():
    rng = np.random.default_rng(1)
    xy = rng.random((50, 2))
    xy[7] = np.nan
    xy[9, 1] = np.inf
    rgba = rng.random((50, 4))
    sizes = rng.random(50) * 10
    sizes[3] = np.nan
    z = rng.random((6, 5))
    z[2, 2] = np.nan
    rgb8 = rng.integers(0, 256, (4, 3, 4), dtype=np.uint8)
    rgbf = rng.random((4, 3, 3))
    rgbf[0, 0, 0] = np.nan
    verts, faces = geometry.sphere(8, 4)
    verts[3] = np.nan
    vcolors = rng.random((len(verts), 4))
    normals = rng.random((len(verts), 3))
    lines = [rng.random((5, 2)), rng.random((4, 3))]
    text_pos = rng.random((2, 2))
    text_pos[1, 0] = np.nan
    arrays = [xy, rgba, sizes, z, rgb8, rgbf, verts, faces, vcolors, normals, *lines, text_pos]
    copies = [a.copy() for a in arrays]

    items = [
        visuals.Line(pos=xy, color=rgba, width=2),
        visuals.Line(pos=lines, color=["red", "blue"]),
        visuals.Markers(pos=xy, size=sizes, color=rgba, symbol="star"),
        visuals.Image(z, cmap="viridis"),
        visuals.Image(rgb8, extent=(0, 1, 0, 1), interpolation="bilinear"),
        visuals.Image(rgbf, extent=(1, 2, 0, 1)),
        visuals.Text(["p", "q"], pos=text_pos),
    ]
    mesh = visuals.Mesh(vertices=verts, faces=faces, vertex_colors=vcolors, normals=normals)
    canvas = scene.Canvas(size=(60, 30))
    v2 = canvas.add_view(col=0)
    v3 = canvas.add_view(col=1, camera="turntable")
    for item in items:
        v2.add(item)
    v3.add(mesh)
    v2.camera.set_range()
    v3.camera.set_range()
    canvas.render()
    items[0].width = 3
    items[2].color = "red"
    mesh.shading = "flat"
    canvas.render()
    canvas.frame().to_json()
    canvas.close()
    for i, (a, b) in enumerate(zip(arrays, copies, strict=True)):
        np.testing.assert_array_equal(a, b, err_msg=f"array {i} was modified")
    # what the visuals return is theirs to keep, not a view of the caller's data
    assert not np.shares_memory(items[0].pos, xy)
    assert not np.shares_memory(items[3].data, z)


def test_image_does_not_alias_a_uint8_rgba_input():
    rgba = np.zeros((2, 2, 4), np.uint8)
    im = visuals.Image(rgba)
    rgba[:] = 200
    canvas = scene.Canvas(size=(10, 10))
    canvas.add_view().add(im)
    textures = [d.textures["u_data"] for d in canvas.frame().draws]
    assert textures and all(t.data.max() < 200 for t in textures)


# -- properties ---------------------------------------------------------------------


def test_setting_a_property_touches_only_its_buffer():
    line = visuals.Line(pos=np.zeros((5, 2)), color="red")
    versions = (line._pos_buffer.version, line._color_buffer.version)
    line.color = "blue"
    assert line._pos_buffer.version == versions[0]
    assert line._color_buffer.version == versions[1] + 1
    line.width = 4  # a uniform: no buffer moves
    assert (line._pos_buffer.version, line._color_buffer.version) == (versions[0],
                                                                      versions[1] + 1)
    m = visuals.Markers(pos=np.zeros((5, 2)))
    pv = m._pos_buffer.version
    m.size = 3
    m.edge_width = 1
    assert m._pos_buffer.version == pv


def test_split_origin_gives_the_float32_rows_of_a_float64_subtraction():
    """split_origin writes float32 offsets straight from float64 chunks; they must be the
    rows ``(points - origin).astype(float32)`` gives, with non-finite rows zeroed, for
    2 and 3 columns, strided input, any magnitude, and spreads beyond float32."""
    from lumos.visuals.base import split_origin

    rng = np.random.default_rng(3)
    for trial in range(24):
        n, d = int(rng.integers(0, 40_000 if trial % 4 == 0 else 300)), 2 + trial % 2
        scale, shift = 10 ** rng.uniform(-5, 30), rng.normal() * 10 ** rng.uniform(-3, 35)
        p = rng.normal(size=(n, d)) * scale + shift
        if trial % 5 == 0:
            p = p[::2]
        if len(p) and trial % 3 == 0:
            rows, cols = rng.integers(0, len(p), 4), rng.integers(0, d, 4)
            p[rows, cols] = [np.nan, np.inf, -np.inf, np.nan]
        before = p.copy()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # clipped spreads warn
            origin, local, valid = split_origin(p)
        assert np.array_equal(p, before, equal_nan=True)
        assert np.array_equal(valid, np.isfinite(p).all(axis=1))
        with np.errstate(all="ignore"):
            ref = np.clip(p - origin, -3.4028234663852886e38, 3.4028234663852886e38)
            ref = ref.astype(np.float32)
        ref[~valid] = 0
        assert local.dtype == np.float32 and local.shape == p.shape
        assert np.array_equal(local, ref), trial
    big = np.array([[0.0, 0.0], [1e38, 0.0], [3e38, 1.0]])  # within float32: no warning
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        split_origin(big)


def test_split_origin_of_a_few_rows_is_the_general_paths(monkeypatch):
    """A few float64 rows (labels' anchors) take a path of Python floats: origin, float32
    offsets and valid rows must be the general path's byte for byte, at any magnitude,
    with -0.0, NaN, inf and spreads float32 cannot hold (those go the general way), the
    origin on a grid (lines, markers) or not."""
    from lumos.visuals import base

    rng = np.random.default_rng(5)
    cases = []
    for trial in range(400):
        n, d = int(rng.integers(1, 65)), 2 + trial % 2
        p = (rng.random((n, d)) - 0.5) * 10.0 ** rng.integers(-3, 40) \
            + rng.normal() * 10.0 ** rng.integers(-3, 12)
        if trial % 7 == 0:
            p[:, -1] = -0.0
        if trial % 11 == 0:
            p[rng.integers(n), 0] = [np.nan, np.inf][trial % 2]
        cases.append(p)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        fast = [base.split_origin(p, grid=g) for p in cases for g in (False, True)]
        monkeypatch.setattr(base, "_split_small", lambda points, grid: None)
        general = [base.split_origin(p, grid=g) for p in cases for g in (False, True)]
    for (o1, l1, v1), (o2, l2, v2) in zip(fast, general, strict=True):
        assert o1.dtype == o2.dtype and o1.tobytes() == o2.tobytes()
        assert l1.dtype == l2.dtype and l1.tobytes() == l2.tobytes()
        assert np.array_equal(v1, v2)


def test_row_bounds_follow_rows_changed_in_place():
    """RowBounds gives, after each change of a range of rows (NaN and inf among them,
    the rows of the extremes among them now and then), the finite bounds of the points."""
    from lumos.visuals.base import RowBounds, finite_bounds

    rng = np.random.default_rng(11)
    points = rng.normal(size=(500, 2))
    kept = RowBounds()
    for _ in range(300):
        start = int(rng.integers(0, 500))
        stop = min(500, start + int(rng.integers(1, 20)))
        points[start:stop] = rng.normal(scale=rng.choice([0.5, 3.0]), size=(stop - start, 2))
        if rng.random() < 0.2:
            points[start, int(rng.integers(0, 2))] = rng.choice([np.nan, np.inf, -np.inf])
        np.testing.assert_array_equal(kept.after(points, start, stop), finite_bounds(points))
        # the row of the maximum rewritten: above it (no scan needed), or below it
        top = int(np.nanargmax(np.where(np.isfinite(points[:, 0]), points[:, 0], np.nan)))
        points[top, 0] += rng.choice([0.0, 0.5, -0.5, -5.0])
        np.testing.assert_array_equal(kept.after(points, top, top + 1), finite_bounds(points))
    points[:] = np.nan
    assert kept.after(points, 0, 500) is None
    points[7] = (1.0, 2.0)
    np.testing.assert_array_equal(kept.after(points, 7, 8), [[1.0, 2.0], [1.0, 2.0]])


def test_grid_centre_is_a_rounded_centre_within_the_bounds():
    """The origin of a new upload: the bounds' centre rounded to a power-of-two step, an
    eighth of the span's power of two at most; the centre when the step is below its
    last bit or the span is 0; inside lo..hi for huge, tiny and subnormal bounds."""
    from lumos.visuals.base import centre_origin, grid_centre

    assert grid_centre(-4.5, 55.0) == 24.0  # span 59.5: step 32 / 8 = 4
    assert grid_centre(0.0, 1.0) == 0.5
    assert grid_centre(3.0, 3.0) == 3.0
    assert grid_centre(1e15, 1e15 + 4) == (1e15 + 1e15 + 4) / 2  # step below the centre's ulp
    rng = np.random.default_rng(5)
    for lo, hi in [(-1.7e308, -1.6e308), (1.6e308, 1.79e308), (0.0, 5e-324),
                   (1e-310, 3e-310), (1e9, 1e9 + 1e-3),
                   *np.sort(rng.normal(size=(50, 2)) * 10.0 ** rng.integers(-300, 300, (50, 1)))]:
        g = grid_centre(float(lo), float(hi))
        assert lo <= g <= hi and np.isfinite(g)
        span = hi - lo if np.isfinite(hi - lo) else np.inf
        if 0 < span < np.inf:
            step = 2.0 ** np.floor(np.log2(span)) / 8
            assert abs(g - (lo / 2 + hi / 2)) <= step / 2
    bounds = np.array([[0.0, 1e9, -3.0], [1.0, 1e9 + 1e-3, -3.0]])
    np.testing.assert_array_equal(centre_origin(bounds, 3, grid=True),
                                  [0.5, 1e9 + 2.0 ** -11, -3.0])
    np.testing.assert_array_equal(centre_origin(bounds, 3), bounds[0] / 2 + bounds[1] / 2)
