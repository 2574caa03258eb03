"""lumos.patches: matplotlib's geometry, defaults and accessors; ax.add_patch, limits,
legends, pictures and bad input."""

from __future__ import annotations

import numpy as np
import pytest
from pixels import ink, near  # tests/pixels.py

import lumos.pyplot as plt
from lumos import patches as lp
from lumos.path import Path

mpatches = pytest.importorskip("matplotlib.patches")
mpath = pytest.importorskip("matplotlib.path")


KINDS = {
    "rectangle": lambda m: m.Rectangle((1, 2), 3, 1.5),
    "rectangle_angle": lambda m: m.Rectangle((1, 2), 3, 1.5, angle=30),
    "rectangle_center": lambda m: m.Rectangle((1, 2), 3, 1.5, angle=-20,
                                              rotation_point="center"),
    "rectangle_point": lambda m: m.Rectangle((1, 2), -3, 1.5, angle=50,
                                             rotation_point=(0.0, 0.0)),
    "circle": lambda m: m.Circle((1, -2), 0.75),
    "ellipse": lambda m: m.Ellipse((1, 2), 4, 1, angle=25),
    "polygon": lambda m: m.Polygon([[0, 0], [2, 0], [1, 3]]),
    "polygon_open": lambda m: m.Polygon([[0, 0], [2, 0], [1, 3], [0, 0]], closed=False),
    "wedge": lambda m: m.Wedge((1, 1), 2, 30, 250),
    "wedge_ring": lambda m: m.Wedge((1, 1), 2, -30, 80, width=0.5),
    "wedge_full_ring": lambda m: m.Wedge((0, 0), 2, 0, 360, width=1),
    "arc": lambda m: m.Arc((1, 1), 3, 3, theta1=20, theta2=200),
    "arc_stretched": lambda m: m.Arc((1, 1), 4, 1, angle=10, theta1=45, theta2=300),
    "regular_polygon": lambda m: m.RegularPolygon((1, 1), 7, radius=2, orientation=0.3),
    "fancy_arrow": lambda m: m.FancyArrow(1, 1, 3, 2, width=0.2),
    "fancy_arrow_head": lambda m: m.FancyArrow(0, 0, -2, 1, width=0.1, head_width=0.6,
                                               head_length=0.4, length_includes_head=True,
                                               overhang=0.3),
    "fancy_arrow_left": lambda m: m.FancyArrow(0, 0, 0, 2, width=0.1, shape="left",
                                               head_starts_at_zero=True),
    "fancy_arrow_right": lambda m: m.FancyArrow(0, 0, 1, 0, shape="right"),
    "path_patch": lambda m: m.PathPatch(
        (Path if m is lp else mpath.Path)([[0, 0], [1, 2], [2, 0], [3, 1]], [1, 4, 4, 4])),
}
BOXSTYLES = ["round", "round4", "square", "sawtooth", "roundtooth", "larrow", "rarrow",
             "darrow", "circle", "round,pad=0.1,rounding_size=0.05", "rarrow,head_angle=-60",
             "darrow,head_width=0.7", "larrow,head_angle=40"]


def geometry(p):
    path = p.get_path()
    return p.get_patch_transform().transform(path.vertices), path.codes


def assert_same_geometry(ours, theirs):
    v, c = geometry(ours)
    w, d = geometry(theirs)
    np.testing.assert_allclose(v, w, atol=1e-9)
    assert (c is None) == (d is None)
    if c is not None:
        assert np.array_equal(c, d)


@pytest.mark.parametrize("kind", KINDS)
def test_geometry_matches_matplotlib(kind):
    assert_same_geometry(KINDS[kind](lp), KINDS[kind](mpatches))


def test_ax_arrow_matches_matplotlib():
    mplt = pytest.importorskip("matplotlib.pyplot")
    kw = dict(width=0.1, head_width=0.3, head_length=0.4, length_includes_head=True,
              linewidth=0, color="k", zorder=20)
    ours = plt.figure().add_subplot().arrow(0, 0, 1, 2, **kw)
    ax = mplt.figure().add_subplot()
    theirs = ax.arrow(0, 0, 1, 2, **kw)
    assert_same_geometry(ours, theirs)
    assert ours in ours.axes.patches and ours.get_zorder() == theirs.get_zorder()
    np.testing.assert_allclose(ours.axes.get_xlim(), ax.get_xlim())
    np.testing.assert_allclose(ours.axes.get_ylim(), ax.get_ylim())
    np.testing.assert_allclose(ours.get_facecolor(), theirs.get_facecolor())
    mplt.close("all")


@pytest.mark.parametrize("style", BOXSTYLES)
@pytest.mark.parametrize("mutation", [(1, 1), (2.5, 0.5)])
def test_fancy_bbox_styles_match_matplotlib(style, mutation):
    scale, aspect = mutation
    kw = dict(boxstyle=style, mutation_scale=scale, mutation_aspect=aspect)
    assert_same_geometry(lp.FancyBboxPatch((1, 2), 3, 1.2, **kw),
                         mpatches.FancyBboxPatch((1, 2), 3, 1.2, **kw))


@pytest.mark.parametrize("make", [lambda m: m.Rectangle((1, 2), 3, 1.5),
                                  lambda m: m.FancyBboxPatch((1, 2), 3, 1.5, "round")])
def test_box_accessors_match_matplotlib(make):
    ours, theirs = make(lp), make(mpatches)
    for step in (lambda p: p.set_x(-1), lambda p: p.set_y(4), lambda p: p.set_width(2),
                 lambda p: p.set_height(0.5), lambda p: p.set_bounds(0.5, 1, 4, 2),
                 lambda p: p.set_bounds((2, 3, 1, 1))):
        step(ours)
        step(theirs)
        got = (ours.get_x(), ours.get_y(), ours.get_width(), ours.get_height())
        assert got == (theirs.get_x(), theirs.get_y(), theirs.get_width(),
                       theirs.get_height())
        np.testing.assert_allclose(ours.get_bbox(), theirs.get_bbox().extents)
        assert_same_geometry(ours, theirs)
    with pytest.raises(TypeError, match="width"):
        ours.set_bounds(0, 0, "wide", 1)
    # the shared accessors do not make a FancyBboxPatch a Rectangle (nor in matplotlib)
    assert isinstance(ours, lp.Rectangle) == isinstance(theirs, mpatches.Rectangle)


@pytest.mark.parametrize("kind", ["rectangle", "circle", "polygon_open", "arc", "fancy_arrow",
                                  "wedge"])
@pytest.mark.parametrize("kw", [{}, {"fill": False}, {"alpha": 0.4}, {"ec": "red"},
                                {"color": "green"}, {"hatch": "//"},
                                {"hatch": "x", "ec": "C2", "alpha": 0.5},
                                {"hatchcolor": "C4", "hatch": "o"}])
def test_default_colors_match_matplotlib(kind, kw):
    if kind == "arc" and "color" in kw:
        kw = {"ec": "green"}
    ours, theirs = KINDS[kind](lp), KINDS[kind](mpatches)
    for p in (ours, theirs):
        p.set(**kw) if kind != "arc" or "fill" not in kw else None
    np.testing.assert_allclose(ours.get_facecolor(), theirs.get_facecolor())
    np.testing.assert_allclose(ours.get_edgecolor(), theirs.get_edgecolor())
    np.testing.assert_allclose(ours.get_hatchcolor(), theirs.get_hatchcolor())
    assert ours.get_linewidth() == theirs.get_linewidth()


def test_accessors_and_aliases():
    r = lp.Rectangle((0, 0), 1, 2, fc="red", ec="blue", lw=3, ls="--", zorder=4, label="r")
    assert r.get_facecolor() == (1, 0, 0, 1) and r.get_edgecolor() == (0, 0, 1, 1)
    assert r.get_linewidth() == 3 and r.get_linestyle() == "--" and r.get_zorder() == 4
    assert r.get_label() == "r"
    r.set_xy((1, 1))
    r.set_width(5)
    r.set_height(2)
    r.set_angle(90)
    assert r.get_xy() == (1, 1) and r.get_width() == 5 and r.get_angle() == 90
    np.testing.assert_allclose(r.get_corners()[2], [-1, 6])
    c = lp.Circle((0, 0), 1)
    c.set_radius(2)
    c.set_center((3, 4))
    assert c.get_radius() == 2 and c.get_center() == (3, 4)
    np.testing.assert_allclose(c.get_verts().min(axis=0), [1, 2], atol=1e-6)
    w = lp.Wedge((0, 0), 1, 0, 90)
    w.set_radius(3)
    w.set_theta2(180)
    w.set_width(1)
    assert w.r == 3 and w.theta2 == 180 and w.width == 1
    p = lp.Polygon([[0, 0], [1, 0], [1, 1]])
    assert p.get_xy().shape == (4, 2)
    p.set_closed(False)
    assert p.get_xy().shape == (3, 2)
    f = lp.FancyBboxPatch((0, 0), 1, 1, "round,pad=0.2")
    f.set_boxstyle("sawtooth", pad=0.4)
    assert f.get_boxstyle().name == "sawtooth" and f.get_boxstyle().pad == 0.4
    a = lp.FancyArrow(0, 0, 1, 0)
    a.set_data(dx=2, width=0.5)
    assert a.get_xy()[:, 0].max() == pytest.approx(2 + 1.5 * 1.5)
    r.set(facecolor="C2", alpha=0.5, hatch="x")
    assert r.get_alpha() == 0.5 and r.get_hatch() == "x"


def test_bad_input_names_the_argument():
    with pytest.raises(ValueError, match="radius"):
        lp.Circle((0, 0), -1)
    with pytest.raises(ValueError, match="width"):
        lp.Ellipse((0, 0), -1, 1)
    with pytest.raises(ValueError, match="r"):
        lp.Wedge((0, 0), -2, 0, 90)
    with pytest.raises(ValueError, match="xy"):
        lp.Rectangle((0, 0, 0), 1, 1)
    with pytest.raises(TypeError, match="width"):
        lp.Rectangle((0, 0), "wide", 1)
    with pytest.raises(ValueError, match="linewidth"):
        lp.Rectangle((0, 0), 1, 1, lw=np.nan)
    with pytest.raises(ValueError, match="xy"):
        lp.Polygon(np.zeros((3, 3)))
    with pytest.raises(TypeError, match="xy"):
        lp.Polygon([["a", "b"]])
    with pytest.raises(ValueError, match="hatch"):
        lp.Rectangle((0, 0), 1, 1, hatch="/?")
    with pytest.raises(ValueError, match="linestyle"):
        lp.Rectangle((0, 0), 1, 1, ls="wiggly")
    with pytest.raises(ValueError, match="facecolor"):
        lp.Rectangle((0, 0), 1, 1, fc="notacolor")
    with pytest.raises(TypeError, match="shiny"):
        lp.Rectangle((0, 0), 1, 1, shiny=True)
    with pytest.raises(TypeError, match="fc"):
        lp.Rectangle((0, 0), 1, 1, fc="r", facecolor="b")
    with pytest.raises(ValueError, match="boxstyle"):
        lp.FancyBboxPatch((0, 0), 1, 1, "cloud")
    with pytest.raises(TypeError, match="rounding"):
        lp.FancyBboxPatch((0, 0), 1, 1, "square,rounding_size=1")
    with pytest.raises(ValueError, match="shape"):
        lp.FancyArrow(0, 0, 1, 1, shape="middle")
    with pytest.raises(ValueError, match="fill"):
        lp.Arc((0, 0), 1, 1, fill=True)
    with pytest.raises(TypeError, match="path"):
        lp.PathPatch(np.zeros((3, 2)))
    with pytest.raises(ValueError, match="alpha"):
        lp.Circle((0, 0), 1, alpha=2)
    with pytest.raises(ValueError, match="rotation_point"):
        lp.Rectangle((0, 0), 1, 1, rotation_point="corner")
    with pytest.raises(ValueError, match="capstyle"):
        lp.Rectangle((0, 0), 1, 1, capstyle="pointy")


def test_a_rejected_setter_keeps_the_old_value():
    r = lp.Rectangle((0, 0), 1, 1, fc="red")
    with pytest.raises(ValueError):
        r.set_facecolor("notacolor")
    assert r.get_facecolor() == (1, 0, 0, 1)


def test_caller_arrays_are_not_modified():
    xy = np.array([[0.0, 0.0], [2.0, 0.0], [1.0, 3.0]])
    before = xy.copy()
    p = lp.Polygon(xy)
    fig, ax = plt.subplots(figsize=(2, 2), dpi=50)
    ax.add_patch(p)
    ax.set_xscale("log")
    fig.render()
    xy[0, 0] = 100
    assert np.array_equal(xy[1:], before[1:]) and p.get_xy()[0, 0] == 0


# -- on axes ------------------------------------------------------------------------------
def test_add_patch_returns_it_and_the_limits_include_the_curve():
    fig, ax = plt.subplots()
    c = lp.Circle((5, 5), 2)
    assert ax.add_patch(c) is c
    assert c.axes is ax and c in ax.patches
    (x0, x1), (y0, y1) = c.data_limits()
    assert (x0, x1, y0, y1) == pytest.approx((3, 7, 3, 7), abs=1e-6)
    assert ax.get_xlim() == (0.0, 1.0)  # matplotlib's add_patch asks no fit of the view
    ax.autoscale_view()
    lo, hi = ax.get_xlim()
    assert lo < 3 and hi > 7


def test_add_artist_and_autolim_false_leave_the_limits_alone():
    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1])
    before = ax.get_xlim(), ax.get_ylim()
    ax.add_artist(lp.Circle((50, 50), 2))
    assert (ax.get_xlim(), ax.get_ylim()) == before


def test_patch_in_axes_coordinates_ignores_the_limits():
    fig, ax = plt.subplots(figsize=(4, 4), dpi=50)
    r = lp.Rectangle((0.5, 0.5), 0.5, 0.5, transform=ax.transAxes, fc="red")
    ax.add_patch(r)
    assert r.data_limits() is None
    bx, by, bw, bh = ax.box
    for lim in ((0, 1), (-300, 7)):
        ax.set_xlim(*lim)
        img = fig.render()
        h = img.shape[0]
        assert near(img[int(h - (by + 0.75 * bh)), int(bx + 0.75 * bw)], (255, 0, 0))
        assert not near(img[int(h - (by + 0.25 * bh)), int(bx + 0.25 * bw)], (255, 0, 0))


def test_foreign_transform_raises_type_error():
    fig, ax = plt.subplots()
    with pytest.raises(TypeError, match="transform"):
        ax.add_patch(lp.Circle((0, 0), 1, transform=object()))


def test_patch_draws_its_colors_and_updates_after_a_setter():
    fig, ax = plt.subplots(figsize=(3, 3), dpi=50)
    r = lp.Rectangle((0, 0), 1, 1, fc="red")
    ax.add_patch(r)
    ax.set_xlim(-1, 2)
    ax.set_ylim(-1, 2)
    img = fig.render()
    bx, by, bw, bh = ax.box
    row, col = int(img.shape[0] - (by + bh / 2)), int(bx + bw / 2)
    assert near(img[row, col], (255, 0, 0))
    r.set_facecolor("blue")
    assert near(fig.render()[row, col], (0, 0, 255))
    r.set_visible(False)
    assert near(fig.render()[row, col], (255, 255, 255))
    r.set_visible(True)
    r.remove()
    assert r not in ax.patches
    assert near(fig.render()[row, col], (255, 255, 255))


def test_zorder_decides_what_is_on_top():
    fig, ax = plt.subplots(figsize=(3, 3), dpi=50)
    ax.add_patch(lp.Rectangle((0, 0), 1, 1, fc="red", zorder=3))
    ax.add_patch(lp.Rectangle((0.25, 0.25), 0.5, 0.5, fc="blue", zorder=2))
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    img = fig.render()
    bx, by, bw, bh = ax.box
    assert near(img[int(img.shape[0] - (by + bh / 2)), int(bx + bw / 2)], (255, 0, 0))


def test_log_axes_place_the_vertices_on_the_scale():
    fig, ax = plt.subplots(figsize=(3, 3), dpi=50)
    ax.add_patch(lp.Rectangle((10, 10), 90, 90, fc="red"))
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(1, 1000)
    ax.set_ylim(1, 1000)
    img = fig.render()
    bx, by, bw, bh = ax.box
    h = img.shape[0]
    assert near(img[int(h - (by + bh / 2)), int(bx + bw / 2)], (255, 0, 0))  # 10**1.5
    assert not ink(img[int(h - (by + bh * 0.2)), int(bx + bw * 0.2)][None, None])[0, 0]


def test_legend_shows_labelled_patches():
    fig, ax = plt.subplots()
    r = ax.add_patch(lp.Rectangle((0, 0), 1, 1, fc="C2", ec="black", label="box"))
    ax.add_patch(lp.Circle((2, 2), 1))  # no label: not in the legend
    handles, labels = ax.get_legend_handles_labels()
    assert handles == [r] and labels == ["box"]
    face, edge = r.legend_patch()
    assert edge == (0, 0, 0, 1)
    ax.legend()
    fig.render()


def test_nan_vertices_do_not_crash():
    fig, ax = plt.subplots(figsize=(2, 2), dpi=50)
    ax.add_patch(lp.Polygon([[0, 0], [1, np.nan], [2, 0], [1, 1]], ec="black"))
    ax.add_patch(lp.Polygon(np.full((3, 2), np.nan)))
    ax.add_patch(lp.Circle((np.inf, 0), 1))
    ax.add_patch(lp.Rectangle((0, 0), 1, np.nan))  # as bar charts of NaN make them
    ax.add_patch(lp.Wedge((0, 0), np.nan, 0, 90))
    fig.render()


def test_adding_twice_or_to_two_axes_is_an_error():
    fig, (a, b) = plt.subplots(1, 2)
    c = lp.Circle((0, 0), 1)
    a.add_patch(c)
    with pytest.raises(ValueError, match="already"):
        a.add_patch(c)
    with pytest.raises(ValueError, match="other axes"):
        b.add_patch(c)
    with pytest.raises(TypeError, match="add_patch"):
        a.add_patch("circle")


def test_pyplot_and_the_package_export_them():
    import lumos

    assert plt.Circle is lp.Circle and plt.Rectangle is lp.Rectangle
    assert plt.Polygon is lp.Polygon
    assert lumos.patches.Wedge is lp.Wedge and lumos.path.Path is Path
    assert lumos.collections.LineCollection.__module__ == "lumos.plot.path_collections"
    plt.gca().add_patch(plt.Circle((0, 0), 1))


def test_legend_draws_the_handles_of_patches_and_collections():
    from lumos import collections as lc

    fig, ax = plt.subplots(figsize=(3, 3), dpi=80)
    ax.add_patch(lp.Rectangle((100, 100), 1, 1, fc="red", label="box"))  # outside the view
    ax.add_collection(lc.LineCollection([[(50, 50), (60, 60)]], colors="blue", label="lines"),
                      autolim=False)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.legend(loc="upper left")
    img = fig.render().astype(int)
    red = (img[..., 0] > 200) & (img[..., 1] < 60) & (img[..., 2] < 60)
    blue = (img[..., 2] > 200) & (img[..., 0] < 60) & (img[..., 1] < 60)
    assert red.sum() > 20 and blue.sum() > 10
