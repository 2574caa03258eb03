"""Translucent faces of one 3D collection or surface blend farthest first for the
camera of the frame (matplotlib's painter's algorithm), edges behind them hidden."""

from __future__ import annotations

import numpy as np
import pytest

import lumos.pyplot as plt
from lumos.mplot3d.art3d import Poly3DCollection

SQUARE = np.array([[0.2, 0, 0.2], [0.8, 0, 0.2], [0.8, 0, 0.8], [0.2, 0, 0.8]])
# red over (blue over white) and blue over (red over white), both at alpha 0.5
RED_NEAR, BLUE_NEAR = (191, 63, 127), (127, 63, 191)


def _axes():
    fig = plt.figure(figsize=(3, 3))
    ax = fig.add_subplot(projection="3d")
    ax.set(xlim=(0, 1), ylim=(0, 1), zlim=(0, 1))
    ax.set_axis_off()
    return fig, ax


def _centre(fig, ax, azim):
    """The rendered pixel at the box's centre and that point in pick coordinates."""
    ax.view_init(elev=0, azim=azim)
    img = fig.render()
    x, y, _ = ax.project(np.array([[0.5, 0.5, 0.5]]))[0]
    return img[int(img.shape[0] - y), int(x), :3], (x, fig.canvas.size[1] - y)


@pytest.mark.parametrize("azim, near", [(-90, 0), (90, 1)])
def test_polygons_blend_farthest_first_from_either_side(azim, near):
    fig, ax = _axes()
    pc = Poly3DCollection([SQUARE, SQUARE + [0, 1, 0]], facecolors=["red", "blue"],
                          alpha=0.5)
    ax.add_collection3d(pc)
    rgb, xy = _centre(fig, ax, azim)
    np.testing.assert_allclose(rgb, RED_NEAR if near == 0 else BLUE_NEAR, atol=3)
    # the picked polygon is the nearest one, counted as given (not as drawn)
    assert fig.pick(*xy) == (pc, near)


@pytest.mark.parametrize("azim, rgb", [(-90, (159, 96, 64)), (90, (64, 96, 159))])
def test_a_folded_surface_blends_farthest_first_from_either_side(azim, rgb):
    # one grid folded into sheets at y=0 (red, up), 0.5 (green, down), 1 (blue, up):
    # drawing back faces, then front faces, in the grid's order gets both sides wrong
    fig, ax = _axes()
    X = np.array([[0.2, 0.8]] * 6)
    Y = np.repeat([[0.0], [0.0], [0.5], [0.5], [1.0], [1.0]], 2, axis=1)
    Z = np.repeat([[0.2], [0.8], [0.8], [0.2], [0.2], [0.8]], 2, axis=1)
    fc = np.zeros((6, 2, 4))  # the strips joining the sheets are clear
    fc[0], fc[2], fc[4] = (1, 0, 0, 0.5), (0, 1, 0, 0.5), (0, 0, 1, 0.5)
    ax.plot_surface(X, Y, Z, facecolors=fc, shade=False)
    got, _ = _centre(fig, ax, azim)
    np.testing.assert_allclose(got, rgb, atol=3)


def test_a_translucent_surfaces_grid_lines_show_through_nearer_faces():
    # two sheets (red near, blue far) of one grid with black grid lines: the far
    # sheet's line at z=0.5 lies behind the middle of the near sheet
    fig, ax = _axes()
    X = np.array([[0.2, 0.8]] * 5)
    Y = np.repeat([[0.0], [0.0], [1.0], [1.0], [1.0]], 2, axis=1)
    Z = np.repeat([[0.2], [0.8], [0.8], [0.5], [0.2]], 2, axis=1)
    fc = np.zeros((5, 2, 4))
    fc[0], fc[2], fc[3] = (1, 0, 0, 0.5), (0, 0, 1, 0.5), (0, 0, 1, 0.5)
    ax.plot_surface(X, Y, Z, facecolors=fc, shade=False, edgecolor="black", linewidth=4)
    ax.view_init(elev=0, azim=-90)
    img = fig.render()
    x, y, _ = ax.project(np.array([[0.5, 1.0, 0.5]]))[0]
    red = int(img[int(img.shape[0] - y) - 3: int(img.shape[0] - y) + 4, int(x), 0].min())
    # matplotlib: blue sheet, its line, red sheet over both: red 127; the line over the
    # red sheet would leave 0, hidden under it 191
    assert abs(red - 127) <= 8, red


def test_edges_behind_translucent_faces_show_through_them_as_matplotlibs():
    # a small far square with thick black edges, wholly behind a near translucent one
    fig, ax = _axes()
    far = np.array([[0.4, 1, 0.4], [0.6, 1, 0.4], [0.6, 1, 0.6], [0.4, 1, 0.6]])
    pc = Poly3DCollection([SQUARE, far], facecolors="red", edgecolors="black",
                          linewidths=4, alpha=0.5)
    ax.add_collection3d(pc)
    ax.view_init(elev=0, azim=-90)
    img = fig.render()
    def red_at(point):  # the darkest red across the edge there (its core)
        x, y, _ = ax.project(np.array([point]))[0]
        return int(img[int(img.shape[0] - y), int(x) - 3: int(x) + 4, 0].min())

    red = red_at([0.4, 1.0, 0.5])  # on the far square's left edge
    # edges have alpha 0.5 too. matplotlib paints far face, its edge, near face: 191;
    # the edge over the near face would give 127, hidden under it 255
    assert abs(red - 191) <= 6, red
    red = red_at([0.2, 0.0, 0.5])  # the near square's left edge
    assert red < 150, red  # drawn over everything: half black over the faces


def test_resorted_only_when_the_camera_moves():
    fig, ax = _axes()
    pc = Poly3DCollection([SQUARE, SQUARE + [0, 1, 0]], facecolors=["red", "blue"],
                          alpha=0.5)
    ax.add_collection3d(pc)

    def indices():
        fig.render()
        d = next(d for d in fig.canvas.frame().draws if d.indices is not None
                 and d.count == 12)
        return d.indices, d.indices.version

    first = indices()
    assert indices() == first  # same camera: the same sorted buffer, not re-uploaded
    ax.view_init(elev=0, azim=90)
    buf, version = indices()
    assert buf is first[0] and version > first[1]


def test_a_quad_sorts_whole_not_by_its_triangles():
    # a quad tilted in depth (y 0 → 1 across x) and a square at y = 0.55: by the mean
    # depth of its corners (0.5) the quad is nearer, so matplotlib paints it over the
    # square everywhere; sorting its two triangles (means 0.67 and 0.33) apart would put
    # the square over the far half
    fig, ax = _axes()
    quad = np.array([[0.2, 0, 0.2], [0.8, 1, 0.2], [0.8, 1, 0.8], [0.2, 0, 0.8]])
    square = np.array([[0.3, 0.55, 0.3], [0.9, 0.55, 0.3], [0.9, 0.55, 0.9],
                       [0.3, 0.55, 0.9]])
    ax.add_collection3d(Poly3DCollection([square, quad], facecolors=["blue", "red"],
                                         alpha=0.5))
    ax.view_init(elev=0, azim=-90)
    img = fig.render()
    h = img.shape[0]
    for point in ([0.7, 0.5, 0.4], [0.4, 0.5, 0.7]):  # the far half, the near half
        x, y, _ = ax.project(np.array([point]))[0]
        np.testing.assert_allclose(img[int(h - y), int(x), :3], RED_NEAR, atol=3)
