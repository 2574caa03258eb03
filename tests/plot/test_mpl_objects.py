"""matplotlib's own patches, collections and lines on lumos axes."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from pixels import near  # tests/pixels.py
from plot_helpers import png_pixels  # tests/plot/plot_helpers.py

import lumos.pyplot as plt

mpatches = pytest.importorskip("matplotlib.patches")
mcoll = pytest.importorskip("matplotlib.collections")
mlines = pytest.importorskip("matplotlib.lines")
mpath = pytest.importorskip("matplotlib.path")
mtext = pytest.importorskip("matplotlib.text")


def axes_at(fig, ax, x, y, img):
    """The pixel of data point (x, y)."""
    bx, by, bw, bh = ax.box
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    return img[int(img.shape[0] - (by + (y - y0) / (y1 - y0) * bh)),
               int(bx + (x - x0) / (x1 - x0) * bw)]


def fixed_axes():
    fig, ax = plt.subplots(figsize=(3, 3), dpi=50)
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10)
    return fig, ax


@pytest.mark.parametrize("make", [
    lambda: mpatches.Rectangle((4, 4), 2, 2, fc="red"),
    lambda: mpatches.Circle((5, 5), 1, fc="red"),
    lambda: mpatches.Ellipse((5, 5), 3, 1, angle=10, fc="red"),
    lambda: mpatches.Polygon([[4, 4], [6, 4], [5, 6.5]], fc="red"),
    lambda: mpatches.Wedge((5, 4), 2, 60, 120, fc="red"),
    lambda: mpatches.FancyBboxPatch((4.5, 4.5), 1, 1, boxstyle="round4", fc="red"),
    lambda: mpatches.FancyArrow(3, 5, 3, 0, width=0.6, fc="red"),
    lambda: mpatches.RegularPolygon((5, 5), 5, radius=1, fc="red"),
    lambda: mpatches.PathPatch(mpath.Path.circle((5, 5), 1), fc="red"),
    lambda: mpatches.Annulus((5, 5), 1.5, 0.4, fc="red"),
], ids=["Rectangle", "Circle", "Ellipse", "Polygon", "Wedge", "FancyBboxPatch", "FancyArrow",
        "RegularPolygon", "PathPatch", "Annulus"])
def test_matplotlib_patches_are_drawn(make):
    fig, ax = fixed_axes()
    p = make()
    assert ax.add_patch(p) is p
    assert p in ax.patches
    img = fig.render()
    probe = (5, 4.7) if isinstance(p, (mpatches.Wedge,)) else (5.0, 5.0)
    if isinstance(p, mpatches.Annulus):
        probe = (6.3, 5.0)
    assert near(axes_at(fig, ax, *probe, img), (255, 0, 0))


def test_changes_to_the_matplotlib_object_show():
    fig, ax = fixed_axes()
    c = mpatches.Circle((5, 5), 1, fc="red")
    ax.add_patch(c)
    fig.render()
    c.set_facecolor("blue")
    c.set_center((3, 3))
    img = fig.render()
    assert near(axes_at(fig, ax, 3, 3, img), (0, 0, 255))
    assert near(axes_at(fig, ax, 5, 5, img), (255, 255, 255))
    c.set_visible(False)
    assert near(axes_at(fig, ax, 3, 3, fig.render()), (255, 255, 255))


def test_styles_are_read_from_matplotlib():
    fig, ax = plt.subplots()
    p = mpatches.Rectangle((0, 0), 1, 1, fc="C1", ec="k", lw=3, ls="--", hatch="x",
                           alpha=0.5, zorder=7, label="box")
    ax.add_patch(p)
    (ours,) = [a for a in ax.artists if getattr(a, "source", None) is p]
    np.testing.assert_allclose(ours.get_facecolor(), p.get_facecolor())
    np.testing.assert_allclose(ours.get_edgecolor(), p.get_edgecolor())
    assert ours.get_linewidth() == 3 and ours.get_linestyle() == "--"
    assert ours.get_hatch() == "x" and ours.zorder == 7 and ours.get_label() == "box"
    handles, labels = ax.get_legend_handles_labels()
    assert labels == ["box"]


def test_transform_axes_and_foreign_transforms():
    fig, ax = fixed_axes()
    ax.add_patch(mpatches.Rectangle((0.0, 0.0), 0.5, 0.5, transform=ax.transAxes, fc="red"))
    img = fig.render()
    assert near(axes_at(fig, ax, 2, 2, img), (255, 0, 0))
    assert near(axes_at(fig, ax, 8, 8, img), (255, 255, 255))
    import matplotlib.pyplot as mplt

    mfig, max_ = mplt.subplots()
    try:
        # any transform to display pixels places a patch, as in matplotlib (here another
        # figure's axes fractions: pixels of a figure of the same size)
        circle = ax.add_patch(mpatches.Circle((0, 0), 1, transform=max_.transAxes))
        assert circle.get_transform() is not None
        with pytest.raises(TypeError, match="transform"):
            ax.add_patch(mpatches.Circle((0, 0), 1, transform=mplt))
    finally:
        mplt.close(mfig)


def test_matplotlib_collections_are_drawn_with_their_colors():
    fig, ax = fixed_axes()
    ax.add_collection(mcoll.PolyCollection([[(1, 1), (3, 1), (3, 3), (1, 3)],
                                            [(6, 6), (8, 6), (8, 8), (6, 8)]],
                                           facecolors=["red", "blue"]))
    ax.add_collection(mcoll.PatchCollection([mpatches.Circle((2, 7), 1)], facecolor="green"))
    lines = mcoll.LineCollection([[(5, 0.5), (5, 9.5)]], colors="black", linewidths=4)
    ax.add_collection(lines)
    ax.add_collection(mcoll.EventCollection([8], lineoffset=2, linelength=2, color="C1",
                                            linewidth=6))
    img = fig.render()
    assert near(axes_at(fig, ax, 2, 2, img), (255, 0, 0))
    assert near(axes_at(fig, ax, 7, 7, img), (0, 0, 255))
    assert near(axes_at(fig, ax, 2, 7, img), (0, 128, 0))
    assert near(axes_at(fig, ax, 5, 5, img), (0, 0, 0), tol=40)
    assert near(axes_at(fig, ax, 8, 2, img), (255, 127, 14), tol=40)
    lines.set_color("red")
    assert near(axes_at(fig, ax, 5, 5, fig.render()), (255, 0, 0), tol=40)


def test_colormapped_matplotlib_collection():
    fig, ax = fixed_axes()
    pc = mcoll.PolyCollection([[(1, 1), (3, 1), (3, 3)], [(6, 6), (9, 6), (9, 9)]],
                              cmap="gray")
    pc.set_array(np.array([0.0, 1.0]))
    ax.add_collection(pc)
    img = fig.render()
    assert near(axes_at(fig, ax, 2.5, 1.5, img), (0, 0, 0))


def test_path_collection_sized_in_points_at_data_offsets():
    fig, ax = fixed_axes()
    star = mcoll.PathCollection([mpath.Path.unit_regular_polygon(4)], sizes=[400],
                                offsets=[(5, 5)], offset_transform=ax.transData,
                                facecolors="red")
    ax.add_collection(star)
    img = fig.render()
    assert near(axes_at(fig, ax, 5, 5, img), (255, 0, 0))
    # 20 points from the centre to a corner: about 14 px at 50 dpi, whatever the limits
    ax.set_xlim(4.9, 5.1)
    ax.set_ylim(4.9, 5.1)
    img = fig.render()
    assert near(axes_at(fig, ax, 5, 5, img), (255, 0, 0))
    assert near(axes_at(fig, ax, 5.09, 5, img), (255, 255, 255))


def test_matplotlib_line2d_via_add_line():
    fig, ax = fixed_axes()
    line = mlines.Line2D([0, 10], [5, 5], color="red", lw=4, label="l")
    assert ax.add_line(line) is line
    img = fig.render()
    assert near(axes_at(fig, ax, 5, 5, img), (255, 0, 0), tol=40)
    line.set_ydata([2, 2])
    img = fig.render()
    assert near(axes_at(fig, ax, 5, 2, img), (255, 0, 0), tol=40)
    assert near(axes_at(fig, ax, 5, 5, img), (255, 255, 255))
    assert ax.get_legend_handles_labels()[1] == ["l"]


@pytest.mark.parametrize("obj, method", [
    (lambda: mpatches.FancyArrowPatch(path=mpath.Path([(0, 0), (1, 1)])), "add_patch"),
    (lambda: mpatches.ConnectionPatch((0, 0), (1, 1), "data"), "add_patch"),
    (lambda: mtext.Annotation("hi", (0, 0)), "add_artist"),  # Text: drawn (mpl_texts)
    (lambda: mcoll.QuadMesh(np.zeros((2, 2, 2))), "add_collection"),
    (lambda: mcoll.TriMesh.__new__(mcoll.TriMesh), "add_collection"),
])
def test_matplotlib_objects_lumos_cannot_draw_raise_type_error_naming_them(obj, method):
    fig, ax = plt.subplots()
    o = obj()
    with pytest.raises(TypeError, match=type(o).__name__):
        getattr(ax, method)(o)
    assert not ax.artists


def test_wrong_add_method_is_a_type_error():
    fig, ax = plt.subplots()
    with pytest.raises(TypeError, match="add_patch"):
        ax.add_patch(mcoll.LineCollection([]))
    with pytest.raises(TypeError, match="add_collection"):
        ax.add_collection(mpatches.Circle((0, 0), 1))
    with pytest.raises(TypeError, match="add_line"):
        ax.add_line(mpatches.Circle((0, 0), 1))


def test_matplotlib_is_imported_only_when_a_matplotlib_object_is_passed():
    code = ("import sys, lumos.pyplot as plt\n"
            "from lumos.patches import Circle\n"
            "from lumos.collections import LineCollection\n"
            "fig, ax = plt.subplots(figsize=(2, 2), dpi=40)\n"
            "ax.add_patch(Circle((0, 0), 1, hatch='x'))\n"
            "ax.add_collection(LineCollection([[(0, 0), (1, 1)]]))\n"
            "fig.render()\n"
            "print('matplotlib' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


def _manual_contours(pyplot) -> np.ndarray:
    """matplotlib's gallery misc/contour_manual.py (figure 1): matplotlib's ContourSet
    made on the axes from given polygons and lines, a colorbar, its lines across it."""
    from matplotlib.contour import ContourSet

    fig, ax = pyplot.subplots(figsize=(4, 3), dpi=60)
    filled = [[[[0, 0], [0, 4], [1, 3], [1, 2], [2, 0]]],
              [[[2, 0], [3, 0], [3, 2], [1, 3], [1, 2]], [[1, 4], [3, 4], [3, 3]]]]
    lines = [[[[0, 0], [0, 4]]], [[[2, 0], [1, 2], [1, 3]]],
             [[[3, 0], [3, 2]], [[3, 3], [3, 4]]]]
    cs = ContourSet(ax, [0, 1, 2], filled, filled=True, cmap="bone")
    cbar = fig.colorbar(cs)
    cbar.add_lines(ContourSet(ax, [0, 1, 2], lines, cmap="cool", linewidths=3))
    ax.set(xlim=(-0.5, 3.5), ylim=(-0.5, 4.5))
    return png_pixels(fig, pyplot)


def test_matplotlib_contour_set_made_on_lumos_axes():
    """``matplotlib.contour.ContourSet(ax, levels, allsegs, ...)`` on lumos axes is drawn
    (its unset transform: the axes' data), ``autoscale_view(tight=True)`` (which it
    calls) is honoured, and its colorbar has blocks between the levels and the lines'
    levels across it, as matplotlib's (a TypeError before)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as mplt

    ours, theirs = _manual_contours(plt), _manual_contours(mplt)
    assert ours.shape == theirs.shape
    # 2.4 (the texts' antialiasing at 60 dpi); a continuous colorbar instead: 4.4
    assert np.abs(ours - theirs).mean() < 3.0
