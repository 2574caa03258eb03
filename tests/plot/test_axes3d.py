"""3D axes: matplotlib's mplot3d geometry and API, bad input, picking, colorbars, mouse."""

from __future__ import annotations

import inspect
import math

import numpy as np
import pytest

import lumos.pyplot as plt
from lumos.plot.axes3d import Axes3D

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402
from mpl_toolkits.mplot3d import axes3d as mpl_axes3d  # noqa: E402
from mpl_toolkits.mplot3d import proj3d  # noqa: E402
from pixels import mplot3d_pixels  # noqa: E402  (tests/pixels.py)

VIEWS = [
    dict(elev=30, azim=-60, roll=0),
    dict(elev=10, azim=40, roll=25),
    dict(elev=-50, azim=200, roll=-70),
    dict(elev=120, azim=30, roll=10),  # past the pole: looked at upside down
    dict(elev=30, azim=-60, roll=0, vertical_axis="y"),
    dict(elev=20, azim=70, roll=5, vertical_axis="x"),
    dict(elev=90, azim=-90, roll=0),
    dict(elev=0, azim=0, roll=0),
]


def pair(view, proj_type="persp", focal_length=None, aspect=(2, 1, 1.5)):
    """The same data and view in lumos and in matplotlib, drawn."""
    lf = plt.figure()
    la = lf.add_subplot(projection="3d", proj_type=proj_type, focal_length=focal_length)
    la.plot([0, 3], [-1, 2], [5, 9])
    la.set_box_aspect(aspect)
    la.view_init(**view)
    lf.draw()
    mf = mplt.figure()
    ma = mf.add_subplot(projection="3d", proj_type=proj_type, focal_length=focal_length)
    ma.plot([0, 3], [-1, 2], [5, 9])
    ma.set_box_aspect(aspect)
    ma.view_init(**view)
    w, h = lf.canvas.size
    bx, by, bw, bh = la.box
    ma.set_position([bx / w, by / h, bw / w, bh / h])
    mf.canvas.draw()
    return la, ma


@pytest.mark.parametrize("proj_type, focal_length", [("persp", None), ("persp", 0.4),
                                                     ("ortho", None)])
@pytest.mark.parametrize("view", VIEWS, ids=str)
def test_projection_and_limits_are_matplotlibs(view, proj_type, focal_length):
    la, ma = pair(view, proj_type, focal_length)
    for axis in "xyz":
        np.testing.assert_allclose(getattr(la, f"get_{axis}lim")(),
                                   getattr(ma, f"get_{axis}lim")(), rtol=1e-12)
    pts = np.random.default_rng(0).uniform([0, -1, 5], [3, 2, 9], (20, 3))
    theirs = np.array(proj3d.proj_transform(*pts.T, ma.get_proj())).T
    ours = np.array(proj3d.proj_transform(*pts.T, la.get_proj())).T
    np.testing.assert_allclose(ours, theirs, atol=1e-12)
    # the GPU's camera puts every point on matplotlib's pixel
    np.testing.assert_allclose(la.project(pts)[:, :2], mplot3d_pixels(la, ma, pts), atol=1e-6)


def test_ticks_are_matplotlibs():
    la, ma = pair(VIEWS[0], aspect=None)
    for axis in "xyz":  # the locator's every tick, those beyond the view included
        np.testing.assert_allclose(getattr(la, f"get_{axis}ticks")(),
                                   getattr(ma, f"get_{axis}ticks")())


def test_creation_routes_and_constructor_keywords():
    fig, ax = plt.subplots(subplot_kw={"projection": "3d"})
    assert isinstance(ax, Axes3D) and ax.name == "3d"
    ax2 = plt.figure().add_subplot(111, projection="3d", elev=12, azim=34, roll=5,
                                   proj_type="ortho", box_aspect=(1, 1, 1))
    assert (ax2.elev, ax2.azim, ax2.roll, ax2.get_proj_type()) == (12, 34, 5, "ortho")
    assert isinstance(plt.axes(projection="3d"), Axes3D)
    assert isinstance(plt.subplot(projection="3d"), Axes3D)
    from lumos.mplot3d import Axes3D as Exported
    from lumos.mplot3d import art3d, axes3d

    assert Exported is Axes3D and axes3d.Axes3D is Axes3D
    assert art3d.Poly3DCollection and art3d.Line3DCollection
    for ours, theirs in zip(axes3d.get_test_data(0.1), mpl_axes3d.get_test_data(0.1),
                            strict=True):
        np.testing.assert_allclose(ours, theirs)
    assert "3d" in __import__("lumos.plot", fromlist=["x"]).projection_names()


# mplot3d's methods: every parameter it names, lumos names with the same default
SIGNATURES = ["plot", "scatter", "plot_surface", "plot_wireframe", "plot_trisurf",
              "contour", "contourf", "quiver", "bar3d", "bar", "voxels", "stem", "text",
              "view_init", "set_box_aspect", "set_proj_type", "set_zlim", "set_xlim",
              "set_zlabel", "set_zticks", "add_collection3d", "margins", "set_zmargin",
              "get_proj", "text2D", "invert_zaxis", "set_zbound", "auto_scale_xyz",
              "tick_params", "set_aspect", "fill_between", "errorbar"]


@pytest.mark.parametrize("name", SIGNATURES)
def test_signatures_follow_mplot3d(name):
    theirs = inspect.signature(getattr(mpl_axes3d.Axes3D, name)).parameters
    ours = inspect.signature(getattr(Axes3D, name)).parameters
    takes_kwargs = any(p.kind is p.VAR_KEYWORD for p in ours.values())
    for pname, p in theirs.items():
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) or pname in ("self",) \
                or "deprecated" in repr(p.default):
            continue
        if pname not in ours:
            assert takes_kwargs, f"{name}: no parameter {pname!r}"
            continue
        q = ours[pname]
        if p.default is not p.empty and isinstance(p.default, (int, float, str, bool,
                                                                type(None))):
            assert q.default == p.default, f"{name}({pname}=): {q.default!r} != {p.default!r}"


def surface_data(n=20):
    x = np.linspace(-2, 2, n)
    X, Y = np.meshgrid(x, x)  # noqa: N806
    return X, Y, np.sin(X) * np.cos(Y)


def test_nan_heights_leave_holes_and_caller_arrays_stay():
    X, Y, Z = surface_data(6)  # noqa: N806
    Z[2, 3] = np.nan
    before = Z.copy()
    fig = plt.figure()
    ax = fig.add_subplot(projection="3d")
    surf = ax.plot_surface(X, Y, Z, cmap="viridis")
    img = fig.render()
    assert img.shape[2] == 4
    visual = surf.visuals()[0]
    # 5 x 5 cells, the four around the NaN point missing: 21 cells, two triangles each
    assert visual.primitives()[0].faces.shape[0] == 2 * 21
    np.testing.assert_array_equal(Z, before)
    assert np.isfinite(ax.get_zlim()).all()


@pytest.mark.parametrize("call, names", [
    (lambda ax: ax.plot_surface(np.zeros((3, 4)), np.zeros((3, 4)), np.zeros((5, 5))),
     "X, Y, Z"),
    (lambda ax: ax.plot_wireframe(np.zeros((3, 4)), np.zeros((2, 4)), np.zeros((3, 4))),
     "X, Y, Z"),
    (lambda ax: ax.scatter([1, 2, 3], [1, 2], [1, 2, 3]), "xs, ys, zs"),
    (lambda ax: ax.plot([1, 2, 3], [1, 2], [0, 1, 2]), "xs, ys, zs"),
    (lambda ax: ax.quiver([0, 1], [0, 1], [0, 1], [1, 1, 1], [0, 0], [0, 0]),
     "X, Y, Z, U, V, W"),
    (lambda ax: ax.bar3d([0, 1], [0, 1], 0, 1, 1, [1, 2, 3]), "x, y, z, dx, dy, dz"),
    (lambda ax: ax.plot_surface([1, 2], [1, 2], [1, 2]), "Z"),
    (lambda ax: ax.plot_trisurf([0, 1, 0], [0, 0, 1], [1, 2]), "x, y, z"),
    (lambda ax: ax.voxels(np.ones((2, 2))), "filled"),
    (lambda ax: ax.bar3d([0, 1], [0, 1], 0, 1, 1, 1, color=["r", "g", "b"]), "color"),
])
def test_mismatched_shapes_name_the_arguments(call, names):
    ax = plt.figure().add_subplot(projection="3d")
    with pytest.raises(ValueError, match=names):
        call(ax)


@pytest.mark.parametrize("call, word", [
    (lambda ax: ax.plot_surface(*surface_data(), shinyness=1), "shinyness"),
    (lambda ax: ax.scatter([1], [2], [3], bogus=1), "bogus"),
    (lambda ax: ax.contour(*surface_data(), wobble=2), "wobble"),
    (lambda ax: ax.text(0, 0, 0, "a", wrap=True), "wrap"),
    (lambda ax: ax.quiver(0, 0, 0, 1, 1, 1, data={}), "data"),
    (lambda ax: ax.set_zlim(0, 1, emit=False), "emit"),
])
def test_unsupported_keywords_are_type_errors_naming_them(call, word):
    ax = plt.figure().add_subplot(projection="3d")
    with pytest.raises(TypeError, match=word):
        call(ax)


def test_bad_values_are_named():
    ax = plt.figure().add_subplot(projection="3d")
    for call, word in ((lambda: ax.view_init(elev="up"), "elev"),
                       (lambda: ax.view_init(vertical_axis="w"), "vertical_axis"),
                       (lambda: ax.set_proj_type("fish"), "proj_type"),
                       (lambda: ax.set_proj_type("persp", focal_length=0), "focal_length"),
                       (lambda: ax.set_box_aspect((1, 2)), "aspect"),
                       (lambda: ax.set_zscale("nope"), "scale: got .nope."),
                       (lambda: ax.contour(*surface_data(), zdir="w"), "zdir")):
        with pytest.raises(ValueError, match=word):
            call()
    with pytest.raises(ValueError, match="computed_zorder"):
        plt.figure().add_subplot(projection="3d", computed_zorder=False)
    with pytest.raises(NotImplementedError, match="imshow"):
        ax.imshow(np.zeros((2, 2)))
    with pytest.raises(TypeError, match="lumos.mplot3d.art3d.Poly3DCollection"):
        from mpl_toolkits.mplot3d.art3d import Poly3DCollection

        ax.add_collection3d(Poly3DCollection([np.eye(3)]))


def test_nan_points_are_skipped_not_fatal():
    fig = plt.figure()
    ax = fig.add_subplot(projection="3d")
    ax.scatter([0, np.nan, 1], [0, 1, np.inf], [0, 1, 2])
    ax.plot([0, 1, np.nan, 2], [0, 1, 2, 3], [0, 0, 0, 1])
    fig.render()
    assert np.isfinite(ax.get_w_lims()).all()


def test_pick_returns_the_scatter_point():
    fig = plt.figure(figsize=(4, 4))
    ax = fig.add_subplot(projection="3d")
    pts = np.array([[0.0, 0.0, 0.0], [1.0, 1.0, 1.0], [0.2, 0.9, 0.4], [0.8, 0.1, 0.7]])
    pc = ax.scatter(*pts.T, s=80)
    fig.draw()
    h = fig.canvas.size[1]
    for i, (x, y, _) in enumerate(ax.project(pts)):
        artist, index = fig.pick(x, h - y)
        assert artist is pc and index == i


def test_colorbar_follows_the_surface():
    fig = plt.figure()
    ax = fig.add_subplot(projection="3d")
    X, Y, Z = surface_data()  # noqa: N806
    surf = ax.plot_surface(X, Y, Z, cmap="coolwarm")
    cb = fig.colorbar(surf, shrink=0.5, aspect=5)
    assert cb.mappable is surf and surf.colorbar is cb
    vmin, vmax = surf.get_clim()
    cells = surf.get_array()
    assert vmin == pytest.approx(cells.min()) and vmax == pytest.approx(cells.max())
    before = surf.face_rgba().copy()
    surf.set_clim(-2, 2)
    assert not np.allclose(before, surf.face_rgba())
    img = fig.render()
    # the colorbar is drawn right of the 3D axes: blue at its bottom, red at its top
    bx, by, bw, bh = cb.ax.box
    h = img.shape[0]
    top = img[int(h - (by + bh * 0.95)), int(bx + bw / 2), :3].astype(int)
    bottom = img[int(h - (by + bh * 0.05)), int(bx + bw / 2), :3].astype(int)
    assert top[0] > top[2] + 50 and bottom[2] > bottom[0] + 50


def test_mouse_rotates_pans_and_zooms_as_matplotlib():
    from lumos.app.interaction import Interaction

    fig = plt.figure(figsize=(4, 4))
    ax = fig.add_subplot(projection="3d")
    ax.plot([0, 1], [0, 1], [0, 1])
    fig.draw()
    home = ax.project([[0, 0, 0], [1, 1, 1]])
    ui = Interaction(fig)
    bx, by, bw, bh = ax.box
    h = fig.canvas.size[1]
    cx, cy = bx + bw / 2, h - (by + bh / 2)
    ui.press(cx, cy, 1)
    ui.move(cx + bw / 4, cy)  # a quarter of the box to the right: azimuth -45
    ui.move(cx + bw / 4, cy + bh / 6)  # a sixth down: elevation +30
    ui.release(cx + bw / 4, cy + bh / 6, 1)
    assert (ax.azim, ax.elev) == (pytest.approx(-105), pytest.approx(60))
    # right-drag down zooms in (the box grows on screen), middle-drag pans
    a = ax.project([[0, 0, 0], [1, 1, 1]])
    ui.press(cx, cy, 3)
    ui.move(cx, cy + 20)
    ui.release(cx, cy + 20, 3)
    b = ax.project([[0, 0, 0], [1, 1, 1]])
    assert np.linalg.norm(b[1, :2] - b[0, :2]) > np.linalg.norm(a[1, :2] - a[0, :2])
    mid = [np.mean(ax.get_xlim()), np.mean(ax.get_ylim()), np.mean(ax.get_zlim())]
    c = ax.project([mid])[0, :2]
    ui.press(cx, cy, 2)
    ui.move(cx + 10, cy + 5)
    ui.release(cx + 10, cy + 5, 2)
    d = ax.project([mid])[0, :2]
    np.testing.assert_allclose(d - c, [10, -5], atol=1e-6)  # the box centre follows
    ui.double_click(cx, cy)
    assert (ax.elev, ax.azim, ax.roll) == (30, -60, 0)
    np.testing.assert_allclose(ax.project([[0, 0, 0], [1, 1, 1]]), home)


def test_camera_round_trip_keeps_the_view():
    fig = plt.figure()
    ax = fig.add_subplot(projection="3d")
    ax.view_init(25, 40, 15)
    fig.draw()
    before = ax.project([[0, 0, 0], [1, 1, 1]])
    fig.camera_changed(ax.view, ax.view.camera_dict())
    np.testing.assert_allclose(ax.project([[0, 0, 0], [1, 1, 1]]), before, atol=1e-9)
    assert (ax.elev, ax.azim, ax.roll) == (pytest.approx(25), pytest.approx(40),
                                           pytest.approx(15))


def test_vertical_axis_points_up():
    ax = plt.figure().add_subplot(projection="3d")
    ax.view_init(vertical_axis="y")
    ax.figure.draw()
    lo, hi = ax.project([[0.5, 0, 0.5], [0.5, 1, 0.5]])
    assert hi[1] - lo[1] > 50 and abs(hi[0] - lo[0]) < 1e-6


def test_axis_off_and_grid_off_hide_the_box():
    fig = plt.figure()
    ax = fig.add_subplot(projection="3d")
    fig.draw()
    kinds = {k[0] for k, v in ax.box3d._visuals.items() if v.visible}
    assert {"panes", "grid", "lines", "tick_labels"} <= kinds
    ax.grid(False)
    fig.draw()
    assert "grid" not in {k[0] for k, v in ax.box3d._visuals.items() if v.visible}
    ax.set_axis_off()
    fig.draw()
    assert not any(v.visible for v in ax.box3d._visuals.values())


def test_contour_offsets_put_lines_on_the_planes():
    ax = plt.figure().add_subplot(projection="3d")
    X, Y, Z = mpl_axes3d.get_test_data(0.2)  # noqa: N806
    cz = ax.contour(X, Y, Z, zdir="z", offset=-100)
    cx = ax.contour(X, Y, Z, zdir="x", offset=-40)
    cy = ax.contour(X, Y, Z, zdir="y", offset=40)
    mc = mplt.figure().add_subplot(projection="3d").contour(X, Y, Z, zdir="z", offset=-100)
    np.testing.assert_allclose(cz.levels, mc.levels)
    ax.figure.draw()
    for cs, axis, value in ((cz, 2, -100), (cx, 0, -40), (cy, 1, 40)):
        pts = np.concatenate([line.pos for line in cs.visuals()[1:] if line.visible])
        pts = pts[np.isfinite(pts).all(axis=1)]
        assert len(pts) and np.allclose(pts[:, axis], value)
    filled = ax.contourf(X, Y, Z, levels=5)
    assert len(filled.layers) == len(filled.levels) - 1


def test_voxels_draw_only_outer_faces():
    ax = plt.figure().add_subplot(projection="3d")
    filled = np.zeros((3, 3, 3), bool)
    filled[0, 0, 0] = filled[1, 0, 0] = True
    out = ax.voxels(filled, facecolors="C1", edgecolor="k")
    assert set(out) == {(0, 0, 0), (1, 0, 0)}
    coll = out[(0, 0, 0)]
    assert len(coll.get_vertices()) == 10  # two cubes sharing a face: 12 - 2
    normals = __import__("lumos.plot.axes3d_artists", fromlist=["x"]).generate_normals(
        np.array(coll.get_vertices()))
    centers = np.array(coll.get_vertices()).mean(axis=1)
    # every face turns away from the solid's centre (1, 0.5, 0.5)
    assert ((centers - [1.0, 0.5, 0.5]) * normals).sum(axis=1).min() > 0


def test_quiver_heads_and_limits_are_mplot3ds():
    ax = plt.figure().add_subplot(projection="3d")
    q = ax.quiver([0, 1], [0, 0], [0, 0], [1, 0], [0, 1], [0, 0], length=2,
                  arrow_length_ratio=0.25)
    segs = q.get_segments()
    assert len(segs) == 6  # two shafts, two head strokes each
    np.testing.assert_allclose(segs[0], [[0, 0, 0], [2, 0, 0]])
    head = segs[2]
    np.testing.assert_allclose(np.linalg.norm(head[1] - head[0]), 0.5)
    assert math.degrees(math.acos(np.dot(head[0] - head[1], [1, 0, 0]) / 0.5)) == \
        pytest.approx(15)
    m = mplt.figure().add_subplot(projection="3d")
    m.quiver([0, 1], [0, 0], [0, 0], [1, 0], [0, 1], [0, 0], length=2)
    ax.figure.draw()
    np.testing.assert_allclose(ax.get_xlim(), m.get_xlim())


def test_legend_and_text():
    fig = plt.figure()
    ax = fig.add_subplot(projection="3d")
    ax.plot([0, 1], [0, 1], [0, 1], label="line")
    ax.scatter([0, 1], [1, 0], [0.5, 0.5], label="points")
    ax.text(0.5, 0.5, 0.5, "middle", zdir="x")
    ax.text2D(0.05, 0.95, "2D", transform=ax.transAxes)
    leg = ax.legend()
    fig.render()
    assert [e[1].get_text() for e in leg.entries] == ["line", "points"]


def test_add_collection3d_lifts_2d_collections():
    from lumos.collections import PolyCollection
    from lumos.mplot3d.art3d import Line3DCollection, Poly3DCollection

    ax = plt.figure().add_subplot(projection="3d")
    p = ax.add_collection3d(Poly3DCollection([[[0, 0, 0], [1, 0, 0], [0, 1, 1]]],
                                             facecolors="C2", alpha=0.5))
    assert p.axes is ax
    ax.add_collection3d(Line3DCollection([[[0, 0, 0], [1, 1, 1]]], colors="k"))
    lifted = ax.add_collection3d(PolyCollection([[(0, 0), (1, 0), (1, 1)]]), zs=2,
                                 zdir="y")
    np.testing.assert_allclose(lifted.get_vertices()[0][:, 1], 2)
    ax.figure.draw()
    assert ax.get_ylim()[1] > 2


def test_depthshade_is_on_the_gpu():
    ax = plt.figure().add_subplot(projection="3d")
    on = ax.scatter([0, 1], [0, 1], [0, 1])
    off = ax.scatter([0, 1], [0, 1], [0, 1], depthshade=False)
    ax.figure.draw()
    assert on.visuals()[0].depth_shade == pytest.approx(0.3)
    assert off.visuals()[0].depth_shade is None


def test_set_data_3d_keeps_the_limits_until_relim_as_mplot3d():
    fig = plt.figure(figsize=(3, 3), dpi=50)
    ax = fig.add_subplot(projection="3d")
    (line,) = ax.plot([0, 1], [0, 1], [0, 1])
    fig.render()
    before = ax.get_zlim()
    line.set_data_3d([0, 1], [0, 1], [0, 10])
    fig.render()
    assert ax.get_zlim() == before  # mplot3d: new data does not move the limits
    ax.relim()
    fig.render()
    assert ax.get_zlim()[1] > 10


LIMIT_CASES = {
    "empty": lambda ax: None,
    "plot": lambda ax: ax.plot([0, 1], [0, 2], [0, 3]),
    "scatter": lambda ax: ax.scatter([0, 1], [0, 2], [0, 3]),
    "surface": lambda ax: ax.plot_surface(*np.meshgrid([0, 1], [0, 2]),
                                          np.array([[0, 3], [0, 3]])),
    "scatter then cla": lambda ax: (ax.scatter([0, 1], [0, 2], [0, 3]), ax.cla()),
    "text only": lambda ax: ax.text(0.5, 2, 3, "hi"),
    "x set": lambda ax: ax.set_xlim(0, 2),
}


@pytest.mark.parametrize("proj_type", ["persp", "ortho"])
@pytest.mark.parametrize("case", sorted(LIMIT_CASES))
def test_limits_before_a_draw_are_mplot3ds(case, proj_type):
    # empty axes start at 0..1 padded by 1/48; scatter raises the z margin to 5 %
    got = []
    for lib in (plt, mplt):
        ax = lib.figure().add_subplot(projection="3d", proj_type=proj_type)
        LIMIT_CASES[case](ax)
        got.append(np.array([ax.get_xlim(), ax.get_ylim(), ax.get_zlim()], float))
    np.testing.assert_allclose(got[0], got[1], atol=1e-12)


def test_text_reaches_past_the_box_as_matplotlibs():
    # matplotlib does not clip ax.text: a long label of an axis-off 3D axes runs past
    # its box (view_planes_3d.py's legend axes)
    spans = []
    for lib in (plt, mplt):
        fig = lib.figure(figsize=(6, 2), dpi=100)
        ax = fig.add_subplot(131, projection="3d")
        ax.set_axis_off()
        ax.text(0.5, 0.5, 0.5, "a label much wider than its axes", ha="center",
                va="center", fontsize=14)
        if lib is plt:
            img = fig.render()[..., :3]
        else:
            fig.canvas.draw()
            img = np.asarray(fig.canvas.buffer_rgba())[..., :3]
        # dark ink: the first letter, cut by the figure's edge, leaves a partial column
        # (139 in matplotlib's, 81 in lumos's at 1/64-pixel glyph anchors)
        cols = np.nonzero((img.min(axis=2) < 64).any(axis=0))[0]
        spans.append((cols[0], cols[-1]))
    assert spans[1][0] < 60 and spans[1][1] > 240  # matplotlib's runs past the box
    np.testing.assert_allclose(spans[0], spans[1], atol=4)


def test_scatter_takes_the_patches_color_cycle_as_matplotlib():
    # matplotlib's scatter (and bar3d) draw from the patches' cycle, plot from the lines'
    colors = []
    for lib in (plt, mplt):
        ax = lib.figure().add_subplot(projection="3d")
        ax.plot([0, 1], [0, 1], [0, 1])
        sc = ax.scatter([0, 1], [0, 1], [0, 1])
        bars = ax.bar3d([0], [0], [0], 1, 1, 1, shade=False)
        colors.append((tuple(np.round(sc.get_facecolor()[0][:3], 3)),
                       tuple(np.round(bars.get_facecolor()[0][:3], 3))))
    assert colors[0] == colors[1]
