"""Primitives of each visual land where the GPU draws it.

Each test renders a visual with the GPU and rasterizes its primitives with a small
reference rasterizer here (coverage at pixel centres, the shaders' one-pixel ramp),
then compares the two pictures pixel by pixel.
"""

from __future__ import annotations

import numpy as np
import pytest
from pixels import ink

from lumos import primitives as P
from lumos import scene, transforms, visuals


def draw(items, size=(160, 120), rect=None, camera="panzoom", pixel_ratio=1.0):
    """(GL picture, primitives without the backgrounds) of visuals in one view."""
    canvas = scene.Canvas(size=size, pixel_ratio=pixel_ratio, bgcolor="white")
    view = canvas.add_view(camera=camera)
    for item in items:
        view.add(item)
    if rect is not None:
        view.camera.rect = rect
    else:
        view.camera.set_range()
    try:
        return canvas.render(), canvas.primitives(background=False)
    finally:
        canvas.close()


def centres(shape, ratio=1.0):
    rows, cols = np.mgrid[0 : shape[0], 0 : shape[1]]
    return (cols + 0.5) / ratio, (rows + 0.5) / ratio


def stroke_coverage(path: P.Path, shape, ratio=1.0) -> np.ndarray:
    """Coverage of a stroked polyline path as the GL line computes it: capsules around
    the segments (round joins and caps), a one-pixel ramp, dashes along the arc."""
    x, y = centres(shape, ratio)
    s = path.stroke
    cov = np.zeros(shape)
    v = path.vertices
    arc = 0.0
    for a, b in zip(v[:-1], v[1:], strict=True):
        if not (np.isfinite(a).all() and np.isfinite(b).all()):
            continue
        ab = b - a
        length = float(np.hypot(*ab))
        t_line = ((x - a[0]) * ab[0] + (y - a[1]) * ab[1]) / max(length**2, 1e-12)
        t = np.clip(t_line, 0, 1)
        d = np.hypot(x - a[0] - t * ab[0], y - a[1] - t * ab[1])
        c = np.clip((s.width / 2 - d) * ratio + 0.5, 0, 1)
        if s.dashes is not None:
            pattern = np.asarray(s.dashes, float)
            period = pattern.sum()
            m = np.mod(s.dash_offset + arc + t_line * length, period)
            near = m - period  # the next period's first dash
            for k in range(0, len(pattern), 2):  # each dash: how far inside it m lies
                start = pattern[:k].sum()
                near = np.maximum(near, np.minimum(m - start, start + pattern[k] - m))
            c = c * np.clip(near * ratio + 0.5, 0, 1)
        cov = np.maximum(cov, c)
        arc += length
    return cov


def polygon_mask(vertices: np.ndarray, shape, ratio=1.0) -> np.ndarray:
    """Pixel centres inside a closed polygon (even-odd)."""
    x, y = centres(shape, ratio)
    inside = np.zeros(shape, bool)
    v = np.asarray(vertices)
    for (x0, y0), (x1, y1) in zip(v, np.roll(v, -1, axis=0), strict=True):
        crosses = (y0 > y) != (y1 > y)
        with np.errstate(all="ignore"):
            xi = x0 + (y - y0) * (x1 - x0) / (y1 - y0)
        inside ^= crosses & (x < xi)
    return inside


def flatten(vertices, codes, pieces=12) -> list[np.ndarray]:
    """Closed polygons of a coded path (curves cut into chords)."""
    polys, cur, i = [], [], 0
    t = np.linspace(0, 1, pieces + 1)[1:, None]
    while i < len(codes):
        c = codes[i]
        if c == P.MOVETO:
            if len(cur) > 2:
                polys.append(np.asarray(cur))
            cur, i = [vertices[i]], i + 1
        elif c == P.CURVE3:
            p0, p1, p2 = cur[-1], vertices[i], vertices[i + 1]
            cur.extend((1 - t) ** 2 * p0 + 2 * t * (1 - t) * p1 + t * t * p2)
            i += 2
        elif c == P.CURVE4:
            p0, p1, p2, p3 = cur[-1], vertices[i], vertices[i + 1], vertices[i + 2]
            cur.extend((1 - t) ** 3 * p0 + 3 * t * (1 - t) ** 2 * p1
                       + 3 * t * t * (1 - t) * p2 + t**3 * p3)
            i += 3
        elif c == P.CLOSEPOLY:
            i += 1
        else:
            cur.append(vertices[i])
            i += 1
    if len(cur) > 2:
        polys.append(np.asarray(cur))
    return polys


def gl_coverage(img: np.ndarray, rgb) -> np.ndarray:
    """How much of a color over white each pixel holds (0..1), from the red or green
    channel that differs most from white."""
    rgb = np.asarray(rgb, float)
    ch = int(np.argmin(rgb[:3]))
    return (255 - img[..., ch].astype(float)) / (255 - 255 * rgb[ch])


# -- lines ----------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["plain", "polar", "long"])
def test_line_paths_land_on_the_gl_line(kind):
    if kind == "polar":
        theta = np.linspace(0, 1.5 * np.pi, 7)  # straight data segments: arcs on screen
        line = visuals.Line(np.c_[theta, 1 + theta / 5], color="black", width=3)
        line.transform = transforms.Polar()
        rect = (-2.2, -2.2, 4.4, 4.4)
    elif kind == "long":  # level of detail: the envelope at the export resolution
        x = np.linspace(0, 1, 200_000)
        line = visuals.Line(np.c_[x, np.sin(x * 40) + 0.3 * np.sin(x * 3000)],
                            color="black", width=1)
        rect = (0, -1.5, 1, 3)
    else:
        x = np.linspace(0, 6, 40)
        line = visuals.Line(np.c_[x, np.sin(x)], color="black", width=4)
        rect = (-0.5, -1.5, 7, 3)
    img, prims = draw([line], rect=rect)
    paths = [p for p in prims if isinstance(p, P.Path)]
    assert paths and all(p.stroke.join == "round" for p in paths)
    ref = np.max([stroke_coverage(p, img.shape[:2]) for p in paths], axis=0)
    gl = gl_coverage(img, (0, 0, 0))
    diff = np.abs(ref - gl)
    assert diff.mean() < 0.01, diff.mean()
    assert (diff > 0.5).mean() < 0.002


def test_dashes_follow_the_gl_pattern_and_restart_after_a_break():
    x = np.linspace(0, 10, 200)
    y = np.where((x > 4.6) & (x < 5.1), np.nan, 0.3 * np.sin(x))
    line = visuals.Line(np.c_[x, y], color="black", width=3, dashes=(9, 4, 2, 4))
    img, prims = draw([line], size=(300, 80), rect=(-0.2, -1, 10.4, 2))
    paths = [p for p in prims if isinstance(p, P.Path)]
    assert len(paths) == 2  # a path per piece
    assert paths[0].stroke.dashes == (9, 4, 2, 4) and paths[0].stroke.cap == "butt"
    # each piece starts its dashes anew, as matplotlib's renderers (and the GL line) do
    assert paths[0].stroke.dash_offset == paths[1].stroke.dash_offset == 0
    ref = np.max([stroke_coverage(p, img.shape[:2]) for p in paths], axis=0)
    diff = np.abs(ref - gl_coverage(img, (0, 0, 0)))
    assert diff.mean() < 0.01 and (diff > 0.5).mean() < 0.003


@pytest.mark.parametrize("offset", [0.0, 10.0, -1.5])
def test_dash_offsets_and_three_pairs_match_in_gl_and_vector(offset):
    # matplotlib's (offset, (on, off, ...)): the pattern starts `offset` into it; dash
    # dot dot patterns have three (on, off) pairs
    x = np.linspace(0, 10, 60)
    line = visuals.Line(np.c_[x, 0.3 * np.sin(x)], color="black", width=3,
                        dashes=(9, 4, 2, 4, 2, 4), dash_offset=offset)
    img, prims = draw([line], size=(300, 80), rect=(-0.2, -1, 10.4, 2))
    (path,) = [p for p in prims if isinstance(p, P.Path)]
    assert path.stroke.dashes == (9, 4, 2, 4, 2, 4)
    assert path.stroke.dash_offset == pytest.approx(offset % 25)
    ref = stroke_coverage(path, img.shape[:2])
    diff = np.abs(ref - gl_coverage(img, (0, 0, 0)))
    assert diff.mean() < 0.01 and (diff > 0.5).mean() < 0.003
    # the line starts at x = 5.8 px: in the first dash, or 10 px into the pattern in
    # the gap after it (9 px on, then 4 off)
    start = gl_coverage(img, (0, 0, 0))[:, 6:8].max()
    assert (start < 0.2) if offset == 10.0 else (start > 0.5)


def test_per_point_colors_and_lines_of_a_batch():
    x = np.linspace(0, 1, 5)
    line = visuals.Line([np.c_[x, x], np.c_[x, 1 - x]], color=["red", "blue"], width=2)
    _, prims = draw([line])
    colors = sorted(tuple(p.stroke.color) for p in prims)
    assert colors == [(0, 0, 1, 1), (1, 0, 0, 1)]
    graded = visuals.Line(np.c_[x, x], color=np.c_[x, 0 * x, 1 - x], width=2)
    _, prims = draw([graded])
    assert len(prims) == 4  # a segment per color, colored as the GL blends its ends
    np.testing.assert_allclose(prims[0].stroke.color[:3], (0.125, 0, 0.875), atol=0.01)


# -- markers --------------------------------------------------------------------------
@pytest.mark.parametrize("symbol", visuals.markers.SYMBOLS)
def test_marker_outlines_are_the_sdf_shapes(symbol):
    pos = np.array([[0.0, 0.0], [1.0, 0.5], [2.0, 0.2]])
    stroked = visuals.marker_shapes.is_stroke(symbol)
    m = visuals.Markers(pos, size=[20, 30, 24], color="black", symbol=symbol,
                        edge_width=3 if stroked else 0)
    img, prims = draw([m], size=(200, 100), rect=(-0.5, -0.5, 3, 1.5))
    (ms,) = prims
    assert ms.name == symbol and len(ms.offsets) == 3
    mask = np.zeros(img.shape[:2], bool)
    for (x, y), s in zip(ms.offsets, ms.sizes, strict=True):
        v = ms.symbol.vertices * s + (x, y)
        if stroked:  # line markers: open segments stroked edge_width wide, butt ends
            for a, b in zip(v[::2], v[1::2], strict=True):
                mask |= _butt_segment(a, b, ms.edge_width, img.shape[:2])
            continue
        for poly in flatten(v, ms.symbol.codes):
            mask ^= polygon_mask(poly, img.shape[:2])
    gl = gl_coverage(img, (0, 0, 0)) > 0.5
    if stroked:  # 3-pixel lines: each within a pixel of the other (IoU is too strict)
        assert not (gl & ~_grow(mask)).any() and not (mask & ~_grow(gl)).any()
        return
    iou = (mask & gl).sum() / (mask | gl).sum()
    assert iou > 0.93, iou


def _butt_segment(a, b, width: float, shape) -> np.ndarray:
    """Pixel centres on a segment stroked ``width`` wide with butt ends (matplotlib's
    line markers, and the vector devices' strokes of them)."""
    x, y = centres(shape)
    ab = np.asarray(b, float) - a
    length = float(np.hypot(*ab))
    along = ((x - a[0]) * ab[0] + (y - a[1]) * ab[1]) / length
    across = np.abs((x - a[0]) * ab[1] - (y - a[1]) * ab[0]) / length
    return (along >= 0) & (along <= length) & (across <= width / 2)


def _grow(mask: np.ndarray) -> np.ndarray:
    """The mask grown by one pixel in each direction."""
    out = mask.copy()
    out[1:] |= mask[:-1]
    out[:-1] |= mask[1:]
    out[:, 1:] |= mask[:, :-1]
    out[:, :-1] |= mask[:, 1:]
    return out


def test_markers_outside_the_view_are_left_out_and_edges_kept():
    pos = np.array([[0.0, 0.0], [50.0, 0.0], [np.nan, 1.0]])
    m = visuals.Markers(pos, size=10, color="red", edge_color="blue", edge_width=2)
    _, prims = draw([m], rect=(-1, -1, 2, 2))
    (ms,) = prims
    assert len(ms.offsets) == 1 and ms.edge_width == 2
    np.testing.assert_allclose(ms.edgecolors, [[0, 0, 1, 1]])


# -- images and meshes ----------------------------------------------------------------
@pytest.mark.parametrize("interpolation", ["nearest", "bilinear"])
def test_image_raster_has_the_gl_pixels(interpolation):
    rng = np.random.default_rng(3)
    data = rng.random((6, 9))
    data[2, 3] = np.nan
    im = visuals.Image(data, cmap="viridis", clim=(0.2, 0.8), interpolation=interpolation)
    img, prims = draw([im], size=(180, 120), rect=(0, 0, 9, 6))
    (r,) = prims
    # paint the raster back onto a canvas the size of the view (nearest sampling)
    x, y = centres(img.shape[:2])
    x0, y0, w, h = r.rect
    col = np.floor((x - x0) / w * r.rgba.shape[1]).astype(int)
    row = np.floor((y - y0) / h * r.rgba.shape[0]).astype(int)
    inside = (col >= 0) & (col < r.rgba.shape[1]) & (row >= 0) & (row < r.rgba.shape[0])
    got = r.rgba[row.clip(0, r.rgba.shape[0] - 1), col.clip(0, r.rgba.shape[1] - 1)]
    a = got[..., 3:] / 255.0
    over_white = got[..., :3] * a + 255 * (1 - a)
    diff = np.abs(over_white - img[..., :3])[inside]
    assert inside.mean() > 0.95
    assert diff.max() <= 2, diff.max()


def test_flipped_image_rows_and_a_zoom_crop():
    data = np.arange(12.0).reshape(3, 4)
    im = visuals.Image(data, cmap="gray", clim=(0, 11))
    _, prims = draw([im], rect=(1, 1, 2, 1))  # zoomed in: only the pixels shown
    (r,) = prims
    assert r.rgba.shape[:2] == (1, 2)
    # the first raster row is the top one: data row 1 (y from 1 to 2), columns 1..2
    np.testing.assert_array_equal(r.rgba[0, :, 0], np.round(np.array([5, 6]) / 11 * 255))


def test_mesh_triangles_flat_and_gouraud():
    v = np.array([[0, 0], [1, 0], [1, 1], [0, 1], [2, 0], [2, 1]], float)
    f = np.array([[0, 1, 2], [0, 2, 3], [1, 4, 5]])
    colors = np.array([[1, 0, 0, 1]] * 4 + [[0, 0, 1, 1], [0, 1, 0, 1]], float)
    colors[1] = colors[2] = colors[0]
    mesh = visuals.Mesh(v, f, vertex_colors=colors, shading=None)
    img, prims = draw([mesh], rect=(-0.1, -0.1, 2.2, 1.2))
    flat, gouraud = prims
    assert not flat.per_vertex and len(flat.faces) == 2
    assert gouraud.per_vertex and len(gouraud.faces) == 1
    mask = np.zeros(img.shape[:2], bool)
    for t in (flat, gouraud):
        for face in t.faces:
            mask |= polygon_mask(t.vertices[face], img.shape[:2])
    gl = ink(img)
    assert (mask ^ gl).sum() <= 2 * (img.shape[0] + img.shape[1])  # edges only
    lit = visuals.Mesh(v, f, shading="flat")
    _, (r,) = draw([lit])
    assert isinstance(r, P.Raster)  # lighting has no vector form: the GPU's picture


# -- text -------------------------------------------------------------------------------
@pytest.mark.parametrize("rotation", [0.0, 30.0])
def test_glyph_runs_cover_the_gl_glyphs(rotation):
    from lumos.visuals.fonts import get_font
    from lumos.visuals.text_outline import rotation_matrix

    t = visuals.Text(["Hello AV", r"$x^2_i + \frac{a}{b}$"], pos=[[0.5, 0.7], [0.5, 0.3]],
                     font_size=22, color="black", rotation=rotation)
    img, prims = draw([t], size=(240, 160), rect=(0, 0, 1, 1))
    mask = np.zeros(img.shape[:2], bool)
    runs = [p for p in prims if isinstance(p, P.GlyphRun)]
    assert {r.text for r in runs} == {"Hello AV", r"$x^2_i + \frac{a}{b}$"}
    for p in prims:
        if isinstance(p, P.Path):  # fraction bar
            for poly in flatten(p.vertices, p.codes):
                mask |= polygon_mask(poly, img.shape[:2])
            continue
        font = get_font(path=p.font)
        rot = rotation_matrix(p.rotation)
        for gid, (x, y) in zip(p.glyph_ids, p.positions, strict=True):
            verts, codes = font.outline(int(gid))
            if not len(verts):
                continue
            pts = verts * p.size * (1, -1) + (x, y)
            pts = (pts - p.anchor) @ rot.T + p.anchor
            glyph = np.zeros_like(mask)
            for poly in flatten(pts, codes):
                glyph ^= polygon_mask(poly, img.shape[:2])
            mask |= glyph
    gl = gl_coverage(img, (0, 0, 0)) > 0.5
    iou = (mask & gl).sum() / (mask | gl).sum()
    assert iou > 0.85, iou


def test_text_layout_is_shared_by_atlas_and_glyph_runs():
    from lumos.visuals.fonts import get_font, plain_layout
    from lumos.visuals.glyphs import get_atlas, hint_for, layout

    font = get_font()
    # the raster layout is hinted at its pixel size (as Agg's): the same hint here
    lay = plain_layout("AVA\nTo", font, "left", "baseline", "normal", hint_for(10.0))
    assert lay.chars == "AVAT" + "o"
    # kerning pulls V towards A: the pens are the atlas quads' pens
    assert lay.pens[1, 0] - lay.pens[0, 0] < font.advance(font.index("A"))
    quads, _ = layout("AVA\nTo", 10.0)
    atlas = get_atlas()
    left = np.array([atlas.cell(i).box[0] for i in lay.indices]) * 10
    np.testing.assert_allclose(quads[:, 0, 0], lay.pens[:, 0] * 10 + left, atol=1e-4)
    # anchored on the last baseline, as matplotlib: the first line the font's ascent,
    # descent and line gap (1.2 em) above it
    assert lay.pens[0, 1] == pytest.approx(sum(font.box_metrics)) and lay.pens[3, 1] == 0


# -- fallbacks --------------------------------------------------------------------------
def test_visuals_without_vector_form_fall_back_to_their_gpu_picture():
    rng = np.random.default_rng(0)
    d = visuals.Density(rng.normal(size=(5000, 2)))
    img, prims = draw([d], size=(100, 80), rect=(-3, -3, 6, 6))
    (r,) = prims
    assert isinstance(r, P.Raster) and r.rgba.shape[2] == 4
    x0, y0, w, h = (round(v) for v in r.rect)
    a = r.rgba[..., 3:] / 255.0
    composed = r.rgba[..., :3] * a + 255 * (1 - a)
    assert np.abs(composed - img[y0 : y0 + h, x0 : x0 + w, :3]).max() <= 2


def test_rasterized_visuals_and_3d_volumes_are_rasters_3d_meshes_polygons():
    line = visuals.Line(np.c_[np.arange(5.0), np.arange(5.0)], color="red", width=3)
    line.rasterized = True
    _, prims = draw([line])
    assert [type(p) for p in prims] == [P.Raster]
    verts = np.array([[0, 0, 0], [1, 0, 0], [0, 1, 0.5]], float)
    mesh = visuals.Mesh(verts, np.array([[0, 1, 2]]), color="C0")
    _, prims = draw([mesh], camera="turntable")
    assert [type(p) for p in prims] == [P.Polygons] and prims[0].vertices.shape == (1, 3, 2)
    volume = visuals.Volume(np.random.default_rng(0).random((8, 8, 8)))
    _, prims = draw([volume, mesh], camera="turntable")
    assert sorted(type(p).__name__ for p in prims) == ["Polygons", "Raster"]


def test_raster_resolution_follows_the_export_pixel_ratio():
    d = visuals.Density(np.random.default_rng(1).normal(size=(2000, 2)))
    canvas = scene.Canvas(size=(50, 40))
    view = canvas.add_view()
    view.add(d)
    view.camera.rect = (-3, -3, 6, 6)
    try:
        (r1,) = canvas.primitives(1.0, background=False)
        (r3,) = canvas.primitives(3.0, background=False)
    finally:
        canvas.close()
    assert r3.rgba.shape[1] == pytest.approx(3 * r1.rgba.shape[1], abs=3)
    np.testing.assert_allclose(r3.rect, r1.rect, atol=1)


def test_what_lies_outside_the_view_is_left_out():
    t = np.linspace(0, 40 * np.pi, 100_000)
    spiral = visuals.Line(np.c_[np.cos(t) * t, np.sin(t) * t], color="black", width=2)
    img, prims = draw([spiral], rect=(10, -5, 10, 10))  # a small window on the spiral
    kept = sum(np.isfinite(p.vertices).all(axis=1).sum() for p in prims)
    assert 0 < kept < 0.05 * 100_000
    ref = np.max([stroke_coverage(p, img.shape[:2]) for p in prims], axis=0)
    assert np.abs(ref - gl_coverage(img, (0, 0, 0))).mean() < 0.01  # the same picture
    v = np.array([[0, 0], [1, 0], [0, 1], [50, 50], [51, 50], [50, 51]], float)
    mesh = visuals.Mesh(v, np.array([[0, 1, 2], [3, 4, 5]]), color="red", shading=None)
    _, (tri,) = draw([mesh], rect=(-1, -1, 3, 3))
    assert len(tri.faces) == 1


def test_pyramid_line_writes_its_envelope_at_the_export_resolution():
    from lumos.lazy.line import PyramidLine
    from lumos.lazy.pyramid import LinePyramid

    y = np.cumsum(np.random.default_rng(4).normal(size=500_000))
    line = PyramidLine(LinePyramid(y, cache=False), color="black", width=1)
    img, prims = draw([line], size=(200, 100))
    kept = sum(len(p.vertices) for p in prims)
    assert 0 < kept < 4 * 200 + 64  # O(pixel columns), not O(N)
    ref = np.max([stroke_coverage(p, img.shape[:2]) for p in prims], axis=0)
    assert np.abs(ref - gl_coverage(img, (0, 0, 0))).mean() < 0.01


def test_without_a_context_visuals_give_their_world_space_form():
    verts = np.array([[0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1]], float)
    mesh = visuals.Mesh(verts, np.array([[0, 2, 1], [0, 1, 3]]), color="red")
    mesh.transform = np.diag([2.0, 1, 1, 1])
    (m3,) = mesh.primitives()
    assert isinstance(m3, P.Mesh3D) and len(m3.faces) == 2
    np.testing.assert_allclose(m3.vertices[1], [2, 0, 0])  # the node transform applied
    line = visuals.Line(np.c_[np.arange(3.0), np.arange(3.0)])
    assert line.primitives() == [] and visuals.Text("a").primitives() == []
    # a visual with only a world-space form in a 2D view is drawn as its picture
    surface = visuals.Surface(z=np.random.default_rng(2).random((4, 4)))
    _, prims = draw([surface])
    assert [type(p) for p in prims] == [P.Raster]
