"""Picking offscreen (headless EGL): id rendering of rewritten programs, per visual."""

from __future__ import annotations

import numpy as np
import pytest

from lumos import visuals
from lumos.gpu.picking import pick_program
from lumos.plot.figure import Figure
from lumos.scene import Canvas
from lumos.scene.events import Event, EventDispatcher


def canvas_2d():
    c = Canvas(size=(200, 100))
    v = c.add_view()
    v.camera.rect = (0.0, 0.0, 1.0, 1.0)
    return c, v


def px(x, y, size=(200, 100)):
    """Logical pixel of data (x, y) in a full-canvas view showing [0, 1]²."""
    return x * size[0], (1 - y) * size[1]


def test_markers_line_and_nothing():
    c, v = canvas_2d()
    x = np.linspace(0, 1, 11)
    line = v.add(visuals.Line(pos=np.c_[x, x**2], width=3))
    dots = v.add(visuals.Markers(pos=np.array([[0.2, 0.8], [0.5, 0.5], [0.8, 0.2]]), size=10))
    assert c.pick(*px(0.5, 0.5)) == (dots, 1)
    assert c.pick(*px(0.8, 0.2)) == (dots, 2)
    assert c.pick(*px(0.7, 0.49)) == (line, 7)  # the nearer end of the segment
    assert c.pick(*px(0.62, 0.3844)) == (line, 6)
    assert c.pick(*px(0.1, 0.9)) is None
    assert c.pick(*px(0.5, 0.5), pickable=lambda vis: vis is line) is None
    # a near miss within the radius still finds the marker
    assert c.pick(px(0.5, 0.5)[0] + 6.5, px(0.5, 0.5)[1], radius=3) == (dots, 1)


def test_translucent_and_nan_points():
    c, v = canvas_2d()
    dots = v.add(visuals.Markers(pos=np.array([[0.2, 0.5], [np.nan, 0.5], [0.8, 0.5]]),
                                 size=12, color=(1, 0, 0, 0.3)))
    assert c.pick(*px(0.8, 0.5)) == (dots, 2)  # faint, but above the pick threshold


def test_mesh_faces_in_3d_pick_the_front_one():
    c = Canvas(size=(120, 120))
    v = c.add_view(camera="turntable")
    v.camera.azimuth, v.camera.elevation = 0.0, 90.0  # straight down
    quad = np.array([[-1, -1], [1, -1], [1, 1], [-1, 1]], float)
    verts = np.r_[np.c_[quad, np.zeros(4)], np.c_[quad * 0.5, np.full(4, 0.5)]]
    faces = np.array([[0, 1, 2], [0, 2, 3], [4, 5, 6], [4, 6, 7]])
    mesh = v.add(visuals.Mesh(verts, faces))
    v.camera.set_range()
    hit = c.pick(60 + 2, 60 + 10)  # near the centre, on the top quad
    assert hit is not None and hit[0] is mesh and hit[1] in (2, 3)
    assert c.pick(60 - 28, 60 - 28)[1] in (0, 1)  # only the big quad there
    c.render()  # pick programs survive a render
    assert c.pick(60 + 2, 60 + 10)[1] == hit[1]


def test_image_pixel_index():
    c, v = canvas_2d()
    img = v.add(visuals.Image(np.arange(12, dtype=np.float32).reshape(3, 4),
                              extent=(0, 1, 0, 1)))
    # column 2 (x in [0.5, 0.75)), row 1 (y in [1/3, 2/3))
    assert c.pick(*px(0.6, 0.5)) == (img, 1 * 4 + 2)


def test_every_visual_program_has_a_pick_twin():
    c, v = canvas_2d()
    v.add(visuals.Text(["label"], np.array([[0.5, 0.5]])))
    v.add(visuals.Line(pos=np.random.default_rng(0).random((5, 2)), dashes=(4, 2)))
    frame = c.frame()
    for d in frame.draws:
        twin = pick_program(d.program, d.instances is not None)
        assert "lumos_pick_user_main" in twin.fragment and "u_pick_id" in twin.fragment
        assert pick_program(d.program, d.instances is not None) is twin  # cached
    assert c.pick(*px(0.5, 0.5), radius=4) is not None  # compiled and drawn


def test_figure_pick_maps_batches_back_to_artists():
    fig = Figure(figsize=(4, 3), dpi=100)
    ax = fig.subplot(0, 0)
    a = ax.scatter([1, 2, 3], [1, 2, 3])
    b = ax.scatter([1, 2, 3], [3, 2.5, 1], color="C0")  # same style: batched with a
    (line,) = ax.plot([0, 4], [0.5, 0.5], lw=3)
    fig.draw()
    for artist, (x, y), index in ((a, (3, 3), 2), (b, (1, 3), 0), (b, (3, 1), 2),
                                  (line, (4, 0.5), 1)):
        sx, sy = ax.to_pixels(x, y)
        hit = fig.pick(sx, 300 - sy)
        assert hit == (artist, index), (artist, hit)
    assert fig.pick(2, 2) is None  # outside the axes: decorations are not picked


def test_dispatcher_reports_errors_and_ignores_after_close(caplog):
    d = EventDispatcher()
    seen = []
    d.on("wheel")(lambda e: seen.append(e.step))
    d.on("wheel", lambda e: [][1])
    with pytest.raises(ValueError, match="mouse_press"):
        d.on("click", print)
    d.emit(Event("wheel", step=2))
    assert seen == [2] and "IndexError" in caplog.text
    d.close()
    d.emit(Event("wheel", step=3))
    assert seen == [2]
