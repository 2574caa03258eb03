"""2D patches and annotations on 3D axes: ``add_patch`` + ``art3d.pathpatch_2d_to_3d``
lay a patch flat in the box (mplot3d's gallery pathpatch3d.py), ``annotate`` draws in 2D."""

from __future__ import annotations

import numpy as np
import pytest

import lumos.mplot3d.art3d as art3d
import lumos.pyplot as plt

pytest.importorskip("matplotlib")
from matplotlib.patches import Circle, PathPatch  # noqa: E402
from matplotlib.text import TextPath  # noqa: E402


def _pixel(fig, ax, img, point):
    x, y, _ = ax.project(np.array([point], float))[0]
    return img[int(img.shape[0] - y), int(x), :3]


@pytest.mark.parametrize("zdir, at", [("x", (2, 5, 5)), ("y", (5, 2, 5)), ("z", (5, 5, 2))])
def test_pathpatch_2d_to_3d_lays_the_patch_on_the_plane(zdir, at, bare_axes3d):
    fig, ax = bare_axes3d(10)
    p = Circle((5, 5), 3, fc="red", ec="blue", lw=2)
    assert ax.add_patch(p) is p
    art3d.pathpatch_2d_to_3d(p, z=2, zdir=zdir)
    img = fig.render()
    np.testing.assert_allclose(_pixel(fig, ax, img, at), (255, 0, 0), atol=2)
    axis = "xyz".index(zdir)
    for c in ax.collections:  # fill and outline, all on the plane zdir = 2
        for v in c.get_vertices() if hasattr(c, "get_vertices") else c.get_segments():
            np.testing.assert_allclose(np.asarray(v)[:, axis], 2)
    assert ax.get_xlim() == pytest.approx((0, 10))  # patches do not move the limits


def test_a_text_path_keeps_its_holes_open(bare_axes3d):
    fig, ax = bare_axes3d(10)
    p = PathPatch(TextPath((0, 0), "O", size=8), fc="k", ec="none")
    ax.add_patch(p)
    art3d.pathpatch_2d_to_3d(p, z=5, zdir="z")
    img = fig.render()
    ring = TextPath((0, 0), "O", size=8).get_extents()
    centre = ((ring.x0 + ring.x1) / 2, (ring.y0 + ring.y1) / 2, 5)
    np.testing.assert_allclose(_pixel(fig, ax, img, centre), (255, 255, 255), atol=2)
    left = (ring.x0 + 0.4, (ring.y0 + ring.y1) / 2, 5)  # on the letter's stroke
    np.testing.assert_allclose(_pixel(fig, ax, img, left), (0, 0, 0), atol=40)


def test_moving_a_patch_again_replaces_it(bare_axes3d):
    fig, ax = bare_axes3d(10)
    p = ax.add_patch(Circle((5, 5), 3, fc="red"))
    art3d.patch_2d_to_3d(p, z=1, zdir="z")
    art3d.patch_2d_to_3d(p, z=9, zdir="z")
    (face,) = ax.collections
    np.testing.assert_allclose(face.get_vertices()[0][:, 2], 9)


def test_patch_errors_name_the_argument(bare_axes3d):
    fig, ax = bare_axes3d(10)
    with pytest.raises(ValueError, match="pathpatch"):
        art3d.pathpatch_2d_to_3d(Circle((0, 0), 1), z=0)
    p = ax.add_patch(Circle((0, 0), 1))
    with pytest.raises(ValueError, match="zdir"):
        art3d.pathpatch_2d_to_3d(p, z=0, zdir="w")
    with pytest.raises(TypeError, match="z: got"):
        art3d.pathpatch_2d_to_3d(p, z=[0, 1])
    with pytest.raises(TypeError, match="hatch"):
        ax.add_patch(Circle((0, 0), 1, hatch="//"))


def test_annotate_draws_in_2d_as_mplot3d(bare_axes3d):
    fig, ax = bare_axes3d(10)
    a = ax.annotate("note", xy=(0.1, 0.9), xycoords="axes fraction", color="red",
                    fontsize=30)
    b = ax.annotate("pt", xy=(0, 0), xytext=(0.05, 0.05),
                    arrowprops=dict(arrowstyle="->"))
    img = fig.render()
    box = a.get_window_extent()
    h = img.shape[0]
    patch = img[int(h - box.y1):int(h - box.y0), int(box.x0):int(box.x1), :3].astype(int)
    assert ((patch[..., 0] > 200) & (patch[..., 1] < 80)).sum() > 20  # red glyphs drawn
    assert b in ax.texts


@pytest.mark.parametrize("errs, bars", [({"zerr": 0.2}, [1]), ({"xerr": 0.1}, [0]),
                                        ({"yerr": 0.1, "zerr": 0.2}, [0, 1])])
def test_errorbar_legend_shows_mplot3ds_errorbar_handle(errs, bars):
    # mplot3d's container: x or y bars are the handle's horizontal bar, z its vertical
    fig = plt.figure()
    ax = fig.add_subplot(projection="3d")
    ax.errorbar([0, 1], [0, 1], [0, 1], label="e", capsize=3, **errs)
    leg = ax.legend()
    fig.render()
    ((handle, text),) = leg.entries
    assert text.get_text() == "e"
    h = handle.legend_handle(10.0)
    assert h.marker is not None or h.line is not None
    # each direction: its bar (0: horizontal, 1: vertical), then two caps
    assert sorted(int(np.ptp(s[0][:, 2]) > 0) for s in h.strokes[::3]) == bars
    assert len(h.strokes) == 3 * len(bars)
