"""Canvas, views and cameras: the public contract, layouts, cameras, files, frame JSON."""

from __future__ import annotations

import base64
import json
import math

import numpy as np
import pytest
from pixels import bbox, cube, ink, near  # tests/pixels.py

from lumos import colors, geometry, scene, visuals
from lumos.gpu import Buffer, Texture

# -- helpers -------------------------------------------------------------------------


def to_pixel(view, x, y):
    """(row, col) in the canvas image of data point (x, y) in a panzoom ``view``."""
    vx, vy, vw, vh = view.rect
    x0, y0, w, h = view.camera.to_dict((vw, vh))["rect"]
    col = vx + (x - x0) / w * vw
    row = vy + (1 - (y - y0) / h) * vh
    return int(math.floor(row)), int(math.floor(col))


def render_3d(camera, size=(100, 100), shading=None, **attrs) -> np.ndarray:
    verts, faces, vcolors = cube()
    canvas = scene.Canvas(size=size)
    view = canvas.add_view(camera=camera)
    view.add(visuals.Mesh(vertices=verts, faces=faces, vertex_colors=vcolors, shading=shading))
    for name, value in attrs.items():
        setattr(view.camera, name, value)
    try:
        return canvas.render()
    finally:
        canvas.close()


# -- the public contract -------------------------------------------------------------


def contract_scene(size=(800, 400), pixel_ratio=1):
    t = np.linspace(0, 8, 200)
    xy = np.c_[t, 6.5 + np.sin(t * 1.5)]  # above the image
    marker_xy = np.c_[np.arange(1, 8), np.full(7, -1.5)]  # below the image
    rgba = np.tile([0.0, 0.0, 1.0, 1.0], (7, 1))
    z = np.linspace(0.5, 1.0, 32).reshape(4, 8)
    verts, faces = geometry.sphere()

    canvas = scene.Canvas(size=size, pixel_ratio=pixel_ratio, bgcolor="white")
    v2 = canvas.add_view(row=0, col=0, camera="panzoom")
    v3 = canvas.add_view(row=0, col=1, camera="turntable")
    v2.add(visuals.Line(pos=xy, color="red", width=2))
    v2.add(visuals.Markers(pos=marker_xy, size=8, color=rgba, symbol="disc"))
    v2.add(visuals.Image(z, cmap="viridis", clim=(0, 1)))
    v2.add(visuals.Text("hello", pos=(0.5, 0.5), font_size=14, color="black"))
    v3.add(visuals.Mesh(vertices=verts, faces=faces, color=(0.2, 0.6, 1, 1), shading="smooth"))
    v2.camera.set_range()
    v3.camera.set_range()
    return canvas, v2, v3, xy, marker_xy, z


def test_public_contract(tmp_path):
    from PIL import Image as PILImage

    canvas, v2, v3, xy, marker_xy, z = contract_scene()
    img = canvas.render()
    assert img.shape == (400, 800, 4)
    assert img.dtype == np.uint8
    assert v2.rect == (0, 0, 400, 400) and v3.rect == (400, 0, 400, 400)
    assert (img[..., 3] == 255).all()

    # 2D: red along the line
    for x, y in xy[10::20]:
        r, c = to_pixel(v2, x, y)
        assert near(img[r, c], (255, 0, 0), 40), ((x, y), img[r, c])
    # markers where placed, blue, round (corners of their box stay white)
    for x, y in marker_xy:
        r, c = to_pixel(v2, x, y)
        assert near(img[r, c], (0, 0, 255), 10), ((x, y), img[r, c])
        assert not ink(img[r - 5 : r - 3, c - 5 : c - 3]).any()
        assert ink(img[r - 4 : r + 5, c : c + 1]).sum() >= 7
    # the image shows its colormap values, row 0 at the bottom
    lut = colors.get_cmap("viridis")
    for (i, j) in ((0, 7), (3, 7), (1, 4)):
        r, c = to_pixel(v2, j + 0.5, i + 0.5)
        want = np.array(lut(z[i, j])[:3]) * 255
        assert near(img[r, c], want, 6), ((i, j), img[r, c], want)
    # text: dark pixels near the label
    r, c = to_pixel(v2, 0.5, 0.5)
    patch = img[r - 12 : r + 12, c - 30 : c + 30, :3].astype(int)
    assert (patch.max(axis=2) < 60).sum() > 30

    # 3D: the smoothly shaded mesh, a range of blues, not one flat color
    right = img[:, 400:, :3].astype(int)
    mesh = ink(img[:, 400:])
    assert 0.1 < mesh.mean() < 0.7
    px = right[mesh]
    assert (px[:, 2] > px[:, 0]).mean() > 0.95
    assert len({tuple(p) for p in px}) > 200
    assert np.ptp(px.mean(axis=1)) > 100
    # and nothing from the 2D view spills into the 3D one (no red there)
    assert not ((img[:, 400:, 0] > 200) & (img[:, 400:, 1] < 80)).any()

    png = canvas.save(tmp_path / "scene.png")
    with PILImage.open(png) as f:
        assert f.size == (800, 400) and f.format == "PNG"
        saved = np.asarray(f.convert("RGBA"))
    np.testing.assert_array_equal(saved, img)
    html = canvas.save(tmp_path / "scene.html")
    text = html.read_text()
    assert text.startswith("<!DOCTYPE html>") and "<canvas" in text and "lumos-frame" in text
    canvas.close()


def test_pixel_ratio_doubles_the_picture():
    one, *_ = contract_scene((200, 100), 1)
    two, *_ = contract_scene((200, 100), 2)
    a, b = one.render(), two.render()
    assert a.shape == (100, 200, 4) and b.shape == (200, 400, 4)
    assert two.physical_size == (400, 200)
    # the same picture, sharper: 2x2 blocks of the big one average to the small one
    small = b.reshape(100, 2, 200, 2, 4).astype(float).mean(axis=(1, 3))
    diff = np.abs(small - a).max(axis=2)
    assert diff.mean() < 6, diff.mean()
    # line widths, markers and text scale by the pixel ratio too: about 4x the ink
    ratio = ink(b[:, :200]).sum() / ink(a[:, :100]).sum()
    assert 3.5 < ratio < 4.5, ratio
    frame = two.frame()
    assert frame.size == (400, 200) and frame.pixel_ratio == 2.0
    assert [v.rect for v in frame.views.values()] == [(0, 0, 200, 200), (200, 0, 200, 200)]
    one.close()
    two.close()


def test_render_is_repeatable_and_follows_resizes():
    canvas, *_ = contract_scene((120, 60))
    first, second = canvas.render(), canvas.render()
    np.testing.assert_array_equal(first, second)
    canvas.size = (100, 80)
    img = canvas.render()
    assert img.shape == (80, 100, 4)
    assert canvas.views[1].rect == (50, 0, 50, 80)
    canvas.close()


# -- cameras -------------------------------------------------------------------------


def test_cameras_turntable_arcball_orthographic(compare_image):
    verts, faces, vcolors = cube()
    canvas = scene.Canvas(size=(300, 100))
    cams = [scene.TurntableCamera(azimuth=30, elevation=25),
            scene.ArcballCamera(quaternion=(0.88, 0.36, 0.28, 0.12)),
            scene.TurntableCamera(azimuth=30, elevation=25, fov=0)]
    for col, cam in enumerate(cams):
        view = canvas.add_view(row=0, col=col, camera=cam)
        view.add(visuals.Mesh(vertices=verts, faces=faces, vertex_colors=vcolors,
                              shading="flat"))
        view.add(visuals.Line(pos=[[-1.5, -1.5, -1], [1.6, -1.5, -1]], color="red", width=2))
        view.camera.set_range()
    img = canvas.render()
    canvas.close()
    compare_image("cameras_turntable_arcball_ortho", img)
    for x0 in (0, 100, 200):
        tile = ink(img[:, x0 : x0 + 100])
        assert 0.15 < tile.mean() < 0.7, x0
        box = bbox(tile)
        assert abs((box[1] + box[3]) / 2 - 50) < 12 and abs((box[0] + box[2]) / 2 - 50) < 12
    # perspective vs orthographic: the same camera angles, different pictures
    persp, ortho = img[:, :100].astype(int), img[:, 200:].astype(int)
    assert np.abs(persp - ortho).max(axis=2).mean() > 5


def test_orthographic_visible_height_is_the_distance():
    img = render_3d("turntable", azimuth=0.0, elevation=0.0, fov=0.0, distance=4.0)
    box = bbox(ink(img))
    assert abs(box[2] - box[0] + 1 - 50) <= 2 and abs(box[3] - box[1] + 1 - 50) <= 2, box


def test_perspective_size_follows_the_field_of_view():
    img = render_3d("turntable", azimuth=0.0, elevation=0.0, fov=45.0, distance=4.0)
    box = bbox(ink(img))
    want = 100 / (3 * math.tan(math.radians(22.5)))  # front face at depth 3: 80.5 px
    assert abs(box[2] - box[0] + 1 - want) <= 2.5, (box, want)


def test_turntable_conventions():
    # azimuth 0 looks from -y: the y = -1 face (green channel 0) faces the camera, z up
    front = render_3d("turntable", azimuth=0.0, elevation=0.0, fov=0.0, distance=4.0)
    face = front[30:70, 30:70, :3].astype(int)
    assert face[..., 1].max() < 40
    assert face[2, :, 2].mean() > face[-3, :, 2].mean() + 100  # blue (z) grows upward
    assert face[:, -3, 0].mean() > face[:, 2, 0].mean() + 100  # red (x) grows rightward
    # azimuth 180 looks from +y
    back = render_3d("turntable", azimuth=180.0, elevation=0.0, fov=0.0, distance=4.0)
    assert back[30:70, 30:70, 1].min() > 215
    # elevation 90 looks straight down on z = +1 (blue channel 1)
    top = render_3d("turntable", azimuth=0.0, elevation=90.0, fov=0.0, distance=4.0)
    assert top[30:70, 30:70, 2].min() > 215


def test_arcball_matches_turntable_for_the_same_rotation():
    # identity quaternion: looking down -z, like a turntable at elevation 90
    a = render_3d("arcball", quaternion=np.array([1.0, 0, 0, 0]), distance=6.0)
    t = render_3d("turntable", azimuth=0.0, elevation=90.0, distance=6.0)
    assert np.abs(a.astype(int) - t.astype(int)).max() <= 2
    # -90 degrees about x: the turntable's elevation 0, azimuth 0
    s = math.sqrt(0.5)
    a = render_3d("arcball", quaternion=np.array([s, -s, 0, 0]), distance=6.0)
    t = render_3d("turntable", azimuth=0.0, elevation=0.0, distance=6.0)
    assert np.abs(a.astype(int) - t.astype(int)).max() <= 2


def test_camera_dicts_are_json_serializable():
    canvas = scene.Canvas(size=(100, 50))
    views = [canvas.add_view(col=i, camera=c)
             for i, c in enumerate(("panzoom", "turntable", "arcball"))]
    for v in views:
        v.add(visuals.Markers(pos=np.array([[1e9, 2.0, 3.0], [1e9 + 1, 5.0, -1.0]])))
        v.camera.set_range()
    for v in views:
        d = v.camera.to_dict(v.size)
        text = json.dumps(d, allow_nan=False)
        assert json.loads(text) == d
        assert d["type"] == v.camera.kind
    pz = views[0].camera.to_dict(views[0].size)
    assert set(pz) == {"type", "rect"} and len(pz["rect"]) == 4
    tt = views[1].camera.to_dict(views[1].size)
    assert set(tt) == {"type", "center", "azimuth", "elevation", "distance", "fov"}
    ab = views[2].camera.to_dict(views[2].size)
    assert set(ab) == {"type", "center", "quaternion", "distance", "fov"}
    assert len(ab["quaternion"]) == 4
    # a turntable's elevation is clamped into [-90, 90] when it leaves for a frame
    views[1].camera.elevation = 120
    assert views[1].camera.to_dict((1, 1))["elevation"] == 90.0


def test_unknown_camera_names():
    canvas = scene.Canvas(size=(10, 10))
    with pytest.raises(ValueError, match="camera: got 'fly'"):
        canvas.add_view(camera="fly")
    view = canvas.add_view()
    with pytest.raises(ValueError, match="camera"):
        view.camera = "orbit"
    assert view.camera.kind == "panzoom"
    with pytest.raises(ValueError, match="fov"):
        scene.TurntableCamera(fov=180)
    with pytest.raises(ValueError, match="rect"):
        view.camera.rect = (0, 0, 1)
    with pytest.raises(ValueError, match="rect"):
        view.camera.rect = (0, 0, np.nan, 1)


@pytest.mark.parametrize(("call", "exc", "arg"), [
    (lambda: scene.Canvas(size="ab"), TypeError, "size"),
    (lambda: scene.Canvas(size=(0, 10)), ValueError, "size"),
    (lambda: scene.Canvas(pixel_ratio=0), ValueError, "pixel_ratio"),
    (lambda: scene.Canvas(pixel_ratio=np.nan), ValueError, "pixel_ratio"),
    (lambda: scene.Canvas(pixel_ratio="x"), TypeError, "pixel_ratio"),
    (lambda: scene.Canvas(bgcolor="nope"), ValueError, "bgcolor"),
    (lambda: scene.PanZoomCamera().zoom(0), ValueError, "factor"),
    (lambda: scene.PanZoomCamera().set_range(x=("a", 1)), TypeError, "x"),
    (lambda: scene.TurntableCamera().set_range(x=(0, np.inf)), ValueError, "x"),
])
def test_bad_canvas_and_camera_arguments(call, exc, arg):
    with pytest.raises(exc, match=rf"\b{arg}\b"):
        call()


# -- layout --------------------------------------------------------------------------


def test_grid_layout_rects():
    canvas = scene.Canvas(size=(300, 200))
    a = canvas.add_view(row=0, col=0)
    assert a.rect == (0, 0, 300, 200)  # alone: the whole canvas
    b = canvas.add_view(row=0, col=1)
    c = canvas.add_view(row=1, col=0, col_span=2)
    assert (a.rect, b.rect, c.rect) == ((0, 0, 150, 100), (150, 0, 150, 100), (0, 100, 300, 100))
    d = canvas.add_view(row=0, col=2, row_span=2)
    assert a.rect == (0, 0, 100, 100) and b.rect == (100, 0, 100, 100)
    assert c.rect == (0, 100, 200, 100) and d.rect == (200, 0, 100, 200)
    assert c.size == (200, 100)
    # rounding: cells tile the canvas with no gap and no overlap
    canvas = scene.Canvas(size=(100, 70))
    views = [canvas.add_view(row=r, col=k) for r in range(3) for k in range(3)]
    for r in range(3):
        row = views[3 * r : 3 * r + 3]
        assert row[0].rect[0] == 0 and sum(v.rect[2] for v in row) == 100
        assert row[0].rect[0] + row[0].rect[2] == row[1].rect[0]
    assert sum(views[3 * r].rect[3] for r in range(3)) == 70


@pytest.mark.parametrize(("kwargs", "name"), [
    ({"row": -1}, "row"), ({"col": 1.5}, "col"), ({"row_span": 0}, "row_span"),
    ({"col_span": -2}, "col_span"),
])
def test_bad_grid_cells(kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name}: got"):
        scene.Canvas(size=(10, 10)).add_view(**kwargs)


def test_grid_with_a_spanning_view(compare_image):
    canvas = scene.Canvas(size=(300, 200), bgcolor="white")
    a = canvas.add_view(row=0, col=0, bgcolor=(0.95, 0.95, 1.0, 1.0))
    b = canvas.add_view(row=0, col=1, camera="turntable", bgcolor=(1.0, 0.97, 0.9, 1.0))
    c = canvas.add_view(row=1, col=0, col_span=2, bgcolor=(0.92, 1.0, 0.92, 1.0))
    t = np.linspace(0, 2 * np.pi, 100)
    a.add(visuals.Line(pos=np.c_[t, np.sin(t)], color="C0", width=2))
    a.add(visuals.Markers(pos=np.c_[t[::10], np.sin(t[::10])], size=7, color="C1"))
    verts, faces = geometry.sphere(16, 8)
    b.add(visuals.Mesh(vertices=verts, faces=faces, color="C2", shading="smooth"))
    c.add(visuals.Image(np.linspace(0, 1, 64).reshape(1, 64), cmap="magma",
                        extent=(0, 10, 0, 1)))
    c.add(visuals.Text("a view spanning two columns", pos=(5, 0.5), font_size=14,
                       color="white"))
    for v in (a, b, c):
        v.camera.set_range()
    img = canvas.render()
    canvas.close()
    compare_image("grid_spanning_view", img)
    assert near(img[2, 2], (242, 242, 255), 2)  # each view clears its own background
    assert near(img[2, 297], (255, 247, 230), 2)
    assert near(img[102, 2], (235, 255, 235), 2)
    assert ink(img[:100, :150]).any() and ink(img[:100, 150:]).any()
    # the image spans the bottom view: dark at the left, light at the right
    r = 150
    left, right = img[r, 20, :3].astype(int).sum(), img[r, 280, :3].astype(int).sum()
    assert left < 150 < 500 < right
    # the sphere sits in the top-right cell only
    sphere = ~(np.abs(img[:100, 150:, :3].astype(int) - [255, 247, 230]).max(axis=2) <= 3)
    box = bbox(sphere)
    assert box is not None and 20 < (box[1] + box[3]) / 2 < 130


# -- panzoom ranges ------------------------------------------------------------------


def test_set_range_with_margins():
    canvas = scene.Canvas(size=(100, 100))
    view = canvas.add_view()
    view.add(visuals.Line(pos=[[0.0, -1.0], [10.0, 1.0], [np.nan, 50.0]]))
    view.camera.set_range()
    np.testing.assert_allclose(view.camera.rect, (-0.5, -1.1, 11.0, 2.2))
    view.camera.set_range(margin=0)
    np.testing.assert_allclose(view.camera.rect, (0.0, -1.0, 10.0, 2.0))
    view.camera.set_range(margin=0.5)
    np.testing.assert_allclose(view.camera.rect, (-5.0, -2.0, 20.0, 4.0))
    view.camera.set_range(x=(2, 3))  # given ranges are kept exactly
    np.testing.assert_allclose(view.camera.rect, (2.0, -1.1, 1.0, 2.2))
    view.camera.set_range(x=(2, 3), y=(0, 5))
    np.testing.assert_allclose(view.camera.rect, (2.0, 0.0, 1.0, 5.0))
    # invisible visuals do not count; an empty view shows the unit square plus margin
    view.visuals[0].visible = False
    view.camera.set_range()
    np.testing.assert_allclose(view.camera.rect, (-0.05, -0.05, 1.1, 1.1))


def test_set_range_of_a_single_point_and_of_big_values():
    canvas = scene.Canvas(size=(100, 100))
    view = canvas.add_view()
    m = view.add(visuals.Markers(pos=[[3.0, 4.0]]))
    view.camera.set_range()
    x0, y0, w, h = view.camera.rect
    assert w > 0 and h > 0 and x0 < 3 < x0 + w and y0 < 4 < y0 + h
    m.set_data([[1.7e9, 0.0], [1.7e9 + 0.2, 1.0]])
    view.camera.set_range(margin=0)
    np.testing.assert_allclose(view.camera.rect, (1.7e9, 0.0, 0.2, 1.0), rtol=0, atol=1e-6)


def test_set_range_3d():
    canvas = scene.Canvas(size=(100, 100))
    view = canvas.add_view(camera="turntable")
    view.add(visuals.Markers(pos=[[0.0, 0.0, 0.0], [2.0, 4.0, 4.0]]))
    view.camera.set_range(margin=0)
    np.testing.assert_allclose(view.camera.center, (1.0, 2.0, 2.0))
    assert view.camera.distance == pytest.approx(3.0 / math.sin(math.radians(22.5)))
    view.camera.fov = 0
    view.camera.set_range(margin=0.1)
    assert view.camera.distance == pytest.approx(2 * 3.0 * 1.1)


def test_aspect_one_keeps_circles_round():
    theta = np.linspace(0, 2 * np.pi, 200)
    circle = np.c_[np.cos(theta), np.sin(theta)]  # data radius 1

    def disc_size(aspect):
        canvas = scene.Canvas(size=(200, 100))
        view = canvas.add_view()
        view.add(visuals.Line(pos=circle, color="black", width=2))
        view.camera.aspect = aspect
        view.camera.set_range(x=(-1.5, 1.5), y=(-1.5, 1.5))
        img = canvas.render()
        canvas.close()
        r0, c0, r1, c1 = bbox(ink(img))
        return c1 - c0 + 1, r1 - r0 + 1, view

    w, h, view = disc_size(1.0)
    assert abs(w - h) <= 2, (w, h)
    assert abs(h - (2 / 3 * 100 + 2)) <= 3  # the y range is kept, x grows
    x0, y0, vw, vh = view.camera.to_dict(view.size)["rect"]
    assert vw / vh == pytest.approx(2.0) and x0 + vw / 2 == pytest.approx(0.0)
    w, h, _ = disc_size(None)  # free aspect: stretched to the view
    assert w > 1.7 * h
    w, h, _ = disc_size(2.0)  # a y unit twice as long as an x unit
    assert abs(h - 2 * w) <= 4, (w, h)


def test_invert_y_and_y_up():
    def positions(invert):
        canvas = scene.Canvas(size=(40, 80))
        view = canvas.add_view()
        view.add(visuals.Markers(pos=[[0, 1]], size=10, color="red"))
        view.add(visuals.Markers(pos=[[0, -1]], size=10, color="blue"))
        view.camera.invert_y = invert
        view.camera.set_range()
        img = canvas.render()
        canvas.close()
        red = np.nonzero((img[..., 0] > 200) & (img[..., 2] < 60))[0].mean()
        blue = np.nonzero((img[..., 2] > 200) & (img[..., 0] < 60))[0].mean()
        return red, blue, view.camera.to_dict((40, 80))

    red, blue, d = positions(False)
    assert red < 40 < blue  # y up: the larger y is nearer the top
    assert d["rect"][3] > 0
    red, blue, d = positions(True)
    assert blue < 40 < red
    assert d["rect"][3] < 0
    canvas = scene.Canvas(size=(40, 80))
    cam = canvas.add_view().camera
    cam.invert_x = True
    cam.rect = (0, 0, 2, 1)
    assert cam.to_dict((40, 80))["rect"] == [2.0, 0.0, -2.0, 1.0]


def test_zoom_and_pan():
    cam = scene.PanZoomCamera(rect=(0, 0, 10, 10))
    cam.zoom(2)
    assert cam.rect == (2.5, 2.5, 5.0, 5.0)
    cam.pan(1, -1)
    assert cam.rect == (3.5, 1.5, 5.0, 5.0)
    cam.zoom(0.5, center=(3.5, 1.5))
    assert cam.rect == (3.5, 1.5, 10.0, 10.0)


# -- visibility, order and node transforms -----------------------------------------


def test_visible_order_and_transform():
    canvas = scene.Canvas(size=(40, 40))
    view = canvas.add_view()
    view.camera.rect = (0, 0, 4, 4)
    red = view.add(visuals.Markers(pos=[[2, 2]], size=20, color="red", symbol="square"))
    blue = view.add(visuals.Markers(pos=[[2, 2]], size=20, color="blue", symbol="square"))
    assert near(canvas.render()[20, 20], (0, 0, 255), 2)  # added later: on top
    red.order = 1
    assert near(canvas.render()[20, 20], (255, 0, 0), 2)
    red.visible = False
    assert near(canvas.render()[20, 20], (0, 0, 255), 2)
    blue.transform = np.array([[1, 0, 0, -1], [0, 1, 0, 1], [0, 0, 1, 0], [0, 0, 0, 1.0]])
    img = canvas.render()
    assert near(img[10, 10], (0, 0, 255), 2) and near(img[20, 20], (255, 255, 255), 2)
    np.testing.assert_allclose(blue.bounds(), [[1, 3, 0], [1, 3, 0]])
    child = blue.add(visuals.Markers(pos=[[2, 2]], size=6, color="black"))
    img = canvas.render()  # the child inherits the parent's transform
    assert near(img[10, 10], (0, 0, 0), 2)
    with pytest.raises(TypeError, match="visual"):
        view.add("not a visual")
    assert child.parent is blue
    canvas.close()


# -- files and the frame description ----------------------------------------------


def small_canvas():
    canvas = scene.Canvas(size=(60, 40), pixel_ratio=1.5, bgcolor=(0.1, 0.2, 0.3, 1.0))
    v2 = canvas.add_view(col=0, bgcolor="white")
    v3 = canvas.add_view(col=1, camera="arcball")
    v2.add(visuals.Line(pos=[[1.7e9, 0.0], [1.7e9 + 1, 1.0]], color="red", width=2))
    v2.add(visuals.Image(np.arange(6.0).reshape(2, 3), extent=(1.7e9, 1.7e9 + 1, 0, 1)))
    v2.add(visuals.Text("t", pos=(1.7e9, 0.5)))
    v2.add(visuals.Markers(pos=[[1.7e9 + 0.5, 0.5]], edge_width=1, symbol="star"))
    verts, faces = geometry.sphere(6, 4)
    v3.add(visuals.Mesh(vertices=verts, faces=faces))
    v2.camera.set_range()
    v3.camera.set_range()
    return canvas


def test_save_png_has_the_right_size(tmp_path):
    from PIL import Image as PILImage

    canvas = small_canvas()
    path = canvas.save(tmp_path / "x.png")
    assert path == tmp_path / "x.png"
    with PILImage.open(path) as f:
        assert f.size == (90, 60) and f.mode == "RGBA"
    path = canvas.save(str(tmp_path / "y.PNG"), dpi=200)
    with PILImage.open(path) as f:
        assert f.size == (90, 60)
        assert f.info["dpi"][0] == pytest.approx(200, abs=0.5)
    canvas.close()


@pytest.mark.parametrize("name", ["x.jpg", "x.eps", "x", "x.png.txt"])
def test_save_unknown_suffix(tmp_path, name):
    canvas = scene.Canvas(size=(10, 10))
    with pytest.raises(ValueError, match="suffix"):
        canvas.save(tmp_path / name)
    assert not (tmp_path / name).exists()


def test_frame_json_round_trips():
    canvas = small_canvas()
    frame = canvas.frame()
    desc = json.loads(frame.to_json_text())
    assert desc["size"] == [90, 60] and desc["pixel_ratio"] == 1.5
    assert desc["clear_color"] == pytest.approx([0.1, 0.2, 0.3, 1.0])
    assert [v["rect"] for v in desc["views"].values()] == [[0, 0, 45, 60], [45, 0, 45, 60]]
    assert desc["views"]["view0"]["bgcolor"] == [1.0, 1.0, 1.0, 1.0]
    assert desc["views"]["view1"]["bgcolor"] is None
    assert desc["views"]["view1"]["camera"]["type"] == "arcball"
    assert len(desc["draws"]) == len(frame.draws) == 5
    blob = base64.b64decode(desc["blob"])
    resources = frame.resources()
    assert set(desc["buffers"]) | set(desc["textures"]) | set(desc["programs"]) == set(resources)
    for rid, entry in desc["buffers"].items():
        buf = resources[rid]
        assert isinstance(buf, Buffer)
        data = entry["data"]
        assert data["offset"] % 8 == 0 and data["nbytes"] == entry["nbytes"] == buf.nbytes
        assert blob[data["offset"] : data["offset"] + data["nbytes"]] == buf.data.tobytes()
        assert entry["version"] == buf.version and entry["dtype"] == buf.dtype
    for rid, entry in desc["textures"].items():
        tex = resources[rid]
        assert isinstance(tex, Texture)
        assert entry["shape"] == list(tex.shape) and entry["components"] == tex.components
        data = entry["data"]
        assert blob[data["offset"] : data["offset"] + data["nbytes"]] == tex.data.tobytes()
    for d_json, d in zip(desc["draws"], frame.draws, strict=True):
        assert d_json["program"] == d.program.id and d_json["view"] in desc["views"]
        assert d_json["count"] == d.count and d_json["mode"] == d.mode
        for a in d_json["attributes"].values():
            assert a["buffer"] in desc["buffers"]
        for t in d_json["textures"].values():
            assert t in desc["textures"]
        assert len(d_json["origin"]) == 3
    # float64 origins survive the trip: the large offset is not rounded to float32
    line = desc["draws"][0]
    assert line["origin"][0] == pytest.approx(1.7e9 + 0.5, abs=1e-6)
    # the JSON form is stable: a second conversion gives the same text
    assert canvas.frame().to_json_text() == frame.to_json_text()
    canvas.close()


def test_straight_alpha_divides_only_where_alpha_is_below_255():
    from lumos.scene.canvas import straight_alpha

    opaque = np.full((3, 5, 4), 200, np.uint8)
    opaque[..., 3] = 255
    assert straight_alpha(opaque) is opaque  # nothing to divide: the same pixels back
    half = opaque.copy()
    half[1, 2] = (50, 100, 0, 128)  # premultiplied by 128/255
    out = straight_alpha(half)
    assert tuple(out[1, 2]) == (100, 199, 0, 128) and half[1, 2, 0] == 50  # not in place
    assert (out[0] == opaque[0]).all()
    clear = opaque.copy()
    clear[0, 0] = 0
    assert tuple(straight_alpha(clear)[0, 0]) == (255, 255, 255, 0)
    strided = half[:, ::2]  # not contiguous: the same result
    assert (straight_alpha(strided) == out[:, ::2]).all()
    wide = np.repeat(opaque, 2, axis=2)  # channels 2 bytes apart: the general path
    for view in (opaque[:, ::2], opaque[::-1], wide[..., ::2]):
        assert straight_alpha(view) is view
    assert (straight_alpha(half[::-1]) == out[::-1]).all()
    assert (straight_alpha(np.repeat(half, 2, axis=2)[..., ::2]) == out).all()
