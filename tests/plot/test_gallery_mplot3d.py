"""Calls from matplotlib's mplot3d gallery (galleries/examples/mplot3d) that lumos refused
or drew wrongly, each checked against matplotlib itself."""

from __future__ import annotations

import math

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as mplt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import lumos.pyplot as plt  # noqa: E402
from lumos.geometry import polygon_triangles  # noqa: E402
from lumos.mplot3d.art3d import Line3DCollection  # noqa: E402


def _lampshade(n=20):
    theta = np.linspace(0, 2 * np.pi, n)
    return (np.cos(theta), np.sin(theta), 0.1 * np.sin(6 * theta),
            0.6 * np.cos(theta), 0.6 * np.sin(theta), 2)


def _poisson(lam=3, n=31):
    x = np.linspace(0.0, 10.0, n)
    p = lam ** x * np.exp(-lam) / np.vectorize(math.gamma)(x + 1)
    return x, lam, p, x, lam, 0


@pytest.mark.parametrize("data, kw", [
    (_lampshade, {}),  # fillbetween3d.py: not on one plane -> one quad per step
    (_poisson, {}),  # fillunder3d.py: on the plane y = lambda -> one polygon
    (_poisson, {"mode": "quad"}),
    (_lampshade, {"mode": "polygon"}),
    (_lampshade, {"where": np.arange(20) % 7 != 3}),  # two runs left out around 3, 10, 17
])
def test_fill_between_polygons_as_mplot3d(data, kw):
    def polygons(pyplot):
        fig = pyplot.figure()
        ax = fig.add_subplot(projection="3d")
        coll = ax.fill_between(*data(), alpha=0.5, **kw)
        if pyplot is mplt:
            fig.canvas.draw()  # mplot3d projects its polygons at draw time
            return sorted(len(p.vertices) - 1 for p in coll.get_paths())  # less the close
        return sorted(len(v) for v in coll.get_vertices())

    assert polygons(plt) == polygons(mplt)


def test_fill_between_shades_quads_only_and_checks_its_arguments():
    ax = plt.figure().add_subplot(projection="3d")
    quads = ax.fill_between(*_lampshade(), facecolors="C2")
    flat = ax.fill_between(*_poisson(), facecolors="C2")
    assert len(np.unique(np.round(quads.get_facecolor(), 4), axis=0)) > 1  # shaded
    assert len(np.unique(np.round(flat.get_facecolor(), 4), axis=0)) == 1
    with pytest.raises(ValueError, match="mode"):
        ax.fill_between(*_lampshade(), mode="strip")
    with pytest.raises(ValueError, match="where"):
        ax.fill_between(*_lampshade(), where=[True, False])
    with pytest.raises(ValueError, match="x1, y1, z1, x2, y2, z2"):
        ax.fill_between([0, 1, 2], [0, 1], 0, 0, 0, 1)
    with pytest.raises(TypeError, match="bogus"):
        ax.fill_between(*_lampshade(), bogus=1)


def test_fill_between_nan_leaves_a_gap_and_caller_arrays_stay():
    x1, y1, z1, x2, y2, z2 = _lampshade()
    x1 = x1.copy()
    x1[5] = np.nan
    before = x1.copy()
    fig = plt.figure()
    ax = fig.add_subplot(projection="3d")
    coll = ax.fill_between(x1, y1, z1, x2, y2, z2, mode="quad")
    fig.render()
    assert len(coll.get_vertices()) == 19 - 2  # the two steps touching point 5 are gone
    np.testing.assert_array_equal(x1, before)


def _area(points, tris):
    a, b, c = (points[tris[:, k]] for k in range(3))
    return 0.5 * np.linalg.norm(np.cross(b - a, c - a), axis=1).sum()


def test_non_convex_polygons_are_triangulated_not_fanned():
    # fillunder3d.py: the area under a curve is not convex; a fan from its first corner
    # covers what lies outside it (a dark wedge over the other curves)
    x = np.linspace(0, 10, 31)
    z = 3 ** x * np.exp(-3) / np.vectorize(math.gamma)(x + 1)
    poly = np.r_[np.c_[x, np.full_like(x, 3.0), z], np.c_[x[::-1], np.full_like(x, 3.0),
                                                           np.zeros_like(x)]]
    true_area = np.trapezoid(z, x) if hasattr(np, "trapezoid") else np.trapz(z, x)
    square = np.array([[0, 0, 1], [1, 0, 1], [1, 1, 1], [0, 1, 1.0]])
    tris = polygon_triangles([poly, square, square[:3]])
    assert [len(t) for t in tris] == [len(poly) - 2, 2, 1]
    assert _area(poly, tris[0]) == pytest.approx(true_area, rel=1e-9)
    fan = np.c_[np.zeros(len(poly) - 2, int), np.arange(1, len(poly) - 1),
                np.arange(2, len(poly))]
    assert _area(poly, fan) > 1.01 * true_area  # the fan overlaps itself outside
    assert _area(square, tris[1]) == pytest.approx(1.0)


def test_fill_under_a_curve_paints_only_under_it():
    fig = plt.figure(figsize=(4, 4))
    ax = fig.add_subplot(projection="3d")
    x, lam, p, *_ = _poisson(lam=8)
    ax.fill_between(x, lam, p * 0 + 1, x, lam, 0, facecolors="red", mode="polygon")
    ax.fill_between(x, lam - 0.5, p, x, lam - 0.5, 0, facecolors="blue")  # nearer
    ax.view_init(elev=0, azim=-90)  # the planes seen face on, without perspective
    ax.set_proj_type("ortho")
    ax.set(xlim=(0, 10), zlim=(0, 1))
    img = fig.render()[..., :3].astype(int)
    blue = ((img[..., 2] > 200) & (img[..., 0] < 60)).sum()
    red = ((img[..., 0] > 200) & (img[..., 2] < 60)).sum()
    under = (np.trapezoid(p, x) if hasattr(np, "trapezoid") else np.trapz(p, x)) / 10
    # the blue share of the unit square is the area under the curve (0.077); a fan of
    # triangles from the first corner painted 0.086
    assert blue / (blue + red) == pytest.approx(under, abs=0.005)


@pytest.mark.parametrize("call", [
    lambda ax: ax.bar3d([0], [0], [0], 1, 1, 1, shade=False).get_facecolor()[0],
    lambda ax: list(ax.voxels(np.ones((1, 1, 1), bool), shade=False).values())[0]
    .get_facecolor()[0],
    lambda ax: ax.fill_between([0, 1], 0, 0, [0, 1], 1, 1, shade=False).get_facecolor()[0],
    lambda ax: ax.stem([0, 1], [0, 1], [1, 2], linefmt="grey", markerfmt="D")
    .markerline.get_color(),  # stem3d_demo.py: markers in C1 here, not the stems' grey
])
def test_default_colors_follow_mplot3ds_cycles(call):
    # bar3d, voxels and fill_between take the patches' cycle: C0 after a line
    def color(pyplot):
        ax = pyplot.figure().add_subplot(projection="3d")
        ax.plot([0, 1], [0, 1], [0, 1])
        return matplotlib.colors.to_hex(call(ax))

    assert color(plt) == color(mplt)


def _curve():
    t = np.arange(0, 2 * np.pi + 0.1, 0.05)
    i = np.arange(t.size)
    return (np.sin(t), np.cos(3 * t), np.sin(5 * t)), i


def test_errorbar_limit_arrows_are_mplot3ds():
    # errorbar3d.py: z bars every 15th point, upper and lower limits drawn as arrows
    # as long as mplot3d's (a marker's area through the view from elev=azim=roll=0, at the
    # limits set before the call: the empty axes' here, a line's in the second case)
    from mpl_toolkits.mplot3d import Axes3D as MplAxes3D

    (x, y, z), i = _curve()
    lengths = []
    quiver = MplAxes3D.quiver

    def spy(self, *args, **kwargs):
        lengths.append(kwargs["length"])
        return quiver(self, *args, **kwargs)

    def arrows(pyplot, before):
        ax = pyplot.figure().add_subplot(projection="3d")
        if before:
            ax.plot([0, 10], [0, 10], [0, 10])
        return ax.errorbar(x, y, z, 0.2, zuplims=i % 15 == 0, zlolims=i % 15 == 5,
                           errorevery=5)[0], ax

    for before in (False, True):
        MplAxes3D.quiver = spy
        try:
            arrows(mplt, before)
        finally:
            MplAxes3D.quiver = quiver
        bars, ax = arrows(plt, before)
        shafts = [c.get_segments()[0] for c in ax.artists
                  if isinstance(c, Line3DCollection) and c not in bars]
        assert len(shafts) == 2  # one quiver (2 arrows, 2 head strokes each) per limit kind
        # an empty axes' limits are (0, 1) here, mplot3d's 1/48 wider: 4 % shorter
        for s in shafts:
            assert np.linalg.norm(s[1] - s[0]) == pytest.approx(lengths[-1],
                                                                rel=1e-6 if before else 0.05)
    assert lengths[-1] > 5 * lengths[0]


def test_errorbar_bars_caps_and_limits():
    (x, y, z), i = _curve()
    fig = plt.figure()
    ax = fig.add_subplot(projection="3d")
    lo = i % 10 == 0
    errlines, caplines, marks = ax.errorbar(x, y, z, zerr=0.2, xerr=[0.1] * len(x),
                                            zlolims=lo, errorevery=5, capsize=3,
                                            ecolor="red", fmt="none", label="err")
    assert marks == [] and len(errlines) == 2 and len(caplines) == 4  # lo, hi per axis
    xbars, zbars = (np.array(c.get_segments()) for c in errlines)
    rows = np.flatnonzero(i % 5 == 0)
    assert len(zbars) == len(rows)
    np.testing.assert_allclose(zbars[:, 1, 2], z[rows] + 0.2)
    # a lower limit: the bar goes up only
    np.testing.assert_allclose(zbars[:, 0, 2], np.where(lo[rows], z[rows], z[rows] - 0.2))
    np.testing.assert_allclose(xbars[:, :, 0], np.c_[x[rows] - 0.1, x[rows] + 0.1])
    # a line collection's color is its "face" color
    assert matplotlib.colors.to_hex(errlines[0].get_facecolor()[0]) == "#ff0000"
    assert all(line.get_linestyle() in ("None", "none", "", " ") for line in caplines)
    assert ax.legend().get_texts()[0].get_text() == "err"
    fig.render()


@pytest.mark.parametrize("call, error, word", [
    (lambda ax: ax.errorbar([0, 1], [0, 1], [0, 1, 2], zerr=0.1), ValueError, "x, y, z"),
    (lambda ax: ax.errorbar([0, 1], [0, 1], [0, 1], zerr=-0.1), ValueError, "zerr"),
    (lambda ax: ax.errorbar([0, 1], [0, 1], [0, 1], yerr=[1, 2, 3]), ValueError, "yerr"),
    (lambda ax: ax.errorbar([0, 1], [0, 1], [0, 1], zerr=1, errorevery=0), ValueError,
     "errorevery"),
    (lambda ax: ax.errorbar([0, 1], [0, 1], [0, 1], zerr=1, zlolims=[1, 0, 1]), ValueError,
     "zlolims"),
])
def test_errorbar_refuses_bad_input_naming_it(call, error, word):
    ax = plt.figure().add_subplot(projection="3d")
    with pytest.raises(error, match=word):
        call(ax)
    assert not ax.artists or len(ax.artists) == 0  # a refused call adds nothing


@pytest.mark.parametrize("stride", [5, 2])
def test_contour_extend3d_ribbons_as_mplot3d(stride):
    # contour3d_2.py: extend3d=True draws each level's first line as a shaded ribbon one
    # level step high (it was a TypeError)
    from lumos.mplot3d import axes3d

    X, Y, Z = axes3d.get_test_data(0.1)  # noqa: N806

    def ribbons(pyplot):
        fig = pyplot.figure()
        ax = fig.add_subplot(projection="3d")
        ax.contour(X, Y, Z, extend3d=True, stride=stride, cmap="coolwarm")
        if pyplot is mplt:
            fig.canvas.draw()
            coll = ax.collections[-1]
            quads = [p.vertices[:4] for p in coll.get_paths()]
            return len(quads), np.asarray(coll.get_facecolor()), ax.get_zlim()
        coll = next(a for a in ax.artists if hasattr(a, "get_vertices"))
        quads = coll.get_vertices()
        assert all(len(q) == 4 for q in quads)
        heights = np.ptp([q[:, 2] for q in quads], axis=1)
        levels = next(a for a in ax.artists if hasattr(a, "levels")).levels
        np.testing.assert_allclose(heights, levels[1] - levels[0])  # one step high
        # shade=True shades the given edge colors as the faces (they were left flat)
        np.testing.assert_allclose(coll.edge_rgba(), coll.get_facecolor())
        return len(quads), np.asarray(coll.get_facecolor()), ax.get_zlim()

    n, faces, zlim = ribbons(plt)
    m, want, mzlim = ribbons(mplt)
    assert n == m
    # shaded faces: the same colors (mplot3d sorts them by depth: compare each channel's
    # values sorted)
    np.testing.assert_allclose(np.sort(faces, axis=0), np.sort(want, axis=0), atol=0.03)


def test_contour_extend3d_needs_two_levels():
    ax = plt.figure().add_subplot(projection="3d")
    x, y = np.meshgrid(np.arange(5.0), np.arange(5.0))
    with pytest.raises(ValueError, match="extend3d"):
        ax.contour(x, y, x + y, levels=[3], extend3d=True)


def _reds(fig):
    img = fig.render()[..., :3].astype(int)
    return int(((img[..., 0] > 200) & (img[..., 1] < 80) & (img[..., 2] < 80)).sum())


@pytest.mark.parametrize("draw", [
    lambda ax, X, Y, Z: ax.plot_wireframe(X, Y, Z, color="red", axlim_clip=True),  # noqa: N803
    lambda ax, X, Y, Z: ax.plot(X.ravel(), Y.ravel(), Z.ravel(), color="red",  # noqa: N803
                                axlim_clip=True),
    lambda ax, X, Y, Z: ax.scatter(X.ravel(), Y.ravel(), Z.ravel(), color="red",  # noqa: N803
                                   depthshade=False, axlim_clip=True),
    lambda ax, X, Y, Z: ax.fill_between(X[10], Y[10], Z[10], X[10], Y[10], Z[10] - 1,  # noqa: N803
                                        facecolors="red", mode="quad", shade=False,
                                        axlim_clip=True),
    lambda ax, X, Y, Z: ax.plot_surface(X, Y, Z, color="red", shade=False,  # noqa: N803
                                        axlim_clip=True),
    lambda ax, X, Y, Z: ax.plot_trisurf(X.ravel(), Y.ravel(), Z.ravel(),  # noqa: N803
                                        color="red", shade=False, axlim_clip=True),
    lambda ax, X, Y, Z: ax.bar3d(X.ravel(), Y.ravel(), Z.ravel(), 0.2, 0.2, 0.2,  # noqa: N803
                                 color="red", shade=False, axlim_clip=True),
    lambda ax, X, Y, Z: ax.quiver(X, Y, Z, 0, 0, 0.3, color="red",  # noqa: N803
                                  axlim_clip=True),
    lambda ax, X, Y, Z: ax.stem(X[10], Y[10], Z[10], linefmt="r-", markerfmt="ro",  # noqa: N803
                                basefmt="r-", axlim_clip=True),
    lambda ax, X, Y, Z: ax.errorbar(X[10], Y[10], Z[10], 0.2, color="red",  # noqa: N803
                                    axlim_clip=True),
    lambda ax, X, Y, Z: ax.contour(X, Y, Z, colors="red", axlim_clip=True),  # noqa: N803
    lambda ax, X, Y, Z: ax.contourf(X, Y, Z, colors="red", axlim_clip=True),  # noqa: N803
    lambda ax, X, Y, Z: ax.tricontour(X.ravel(), Y.ravel(), Z.ravel(),  # noqa: N803
                                      colors="red", axlim_clip=True),
    lambda ax, X, Y, Z: [ax.text(x, 0, 0, "M", color="red", fontsize=20,  # noqa: N803
                                 axlim_clip=True) for x in (-4, 4)],
    lambda ax, X, Y, Z: _clipped_patch(ax),  # noqa: N803
])
def test_axlim_clip_hides_lines_outside_the_limits(draw):
    # axlim_clip.py: points outside the limits are left out, at the limits of each frame
    x = np.linspace(-5, 5, 21)
    X, Y = np.meshgrid(x, x)  # noqa: N806
    Z = np.sin(np.hypot(X, Y))  # noqa: N806
    fig = plt.figure(figsize=(4, 4))
    ax = fig.add_subplot(projection="3d")
    draw(ax, X, Y, Z)
    ax.set(xlim=(-5, 5), ylim=(-5, 5), zlim=(-1, 1))
    everything = _reds(fig)
    ax.set(xlim=(0, 10))  # half of the data left of the box
    half = _reds(fig)
    ax.set(xlim=(6, 10))  # none of it inside
    assert everything > 1.3 * half > 0
    assert _reds(fig) == 0


def test_axlim_clip_left_off_draws_outside_the_limits():
    x = np.linspace(-5, 5, 21)
    X, Y = np.meshgrid(x, x)  # noqa: N806
    fig = plt.figure(figsize=(4, 4))
    ax = fig.add_subplot(projection="3d")
    ax.plot_wireframe(X, Y, np.sin(np.hypot(X, Y)), color="red")
    ax.set(xlim=(6, 10))
    assert _reds(fig) > 0  # mplot3d's default: drawn outside the box


def _clipped_patch(ax):
    from lumos.mplot3d import art3d
    from lumos.patches import Rectangle

    p = ax.add_patch(Rectangle((-4, -4), 8, 8, color="red"))
    art3d.patch_2d_to_3d(p, z=0, axlim_clip=True)


def test_axlim_clip_breaks_filled_contours_as_agg_fills_nan():
    # mplot3d NaNs the points outside the limits; each ring breaks there into runs, each
    # filled as a piece closed by a chord: the disk of a band cut by x = 0 keeps its
    # right half (unclipped, the left half shows outside the box)
    x = np.linspace(-3, 3, 41)
    X, Y = np.meshgrid(x, x)  # noqa: N806
    reds = []
    for clip in (False, True):
        fig = plt.figure(figsize=(4, 4))
        ax = fig.add_subplot(projection="3d")
        ax.contourf(X, Y, np.exp(-(X**2 + Y**2) / 2), levels=[0.6, 1.0], colors="red",
                    axlim_clip=clip)
        ax.set(xlim=(0, 3), ylim=(-3, 3), zlim=(0, 1))
        reds.append(_reds(fig))
    assert 0.35 * reds[0] < reds[1] < 0.65 * reds[0]


@pytest.mark.parametrize("filled", [True, False])
def test_colorbar_of_3d_contours_is_discrete_as_mplot3d(filled):
    # box3d.py: the colorbar of a 3D contourf is ticked at its levels, as a 2D one
    x, y = np.meshgrid(np.linspace(0, 1, 30), np.linspace(0, 1, 30))

    def ticks(pyplot):
        fig = pyplot.figure()
        ax = fig.add_subplot(projection="3d")
        draw = ax.contourf if filled else ax.contour
        cs = draw(x, y, x * 100 + 10, levels=np.linspace(10, 110, 10), cmap="viridis")
        cb = fig.colorbar(cs, ax=ax)
        if pyplot is mplt:
            fig.canvas.draw()
        else:
            img = fig.render()
            assert img.shape[0] > 0
        return [t.get_text() for t in cb.ax.get_yticklabels()]

    assert ticks(plt) == ticks(mplt)


@pytest.mark.parametrize("call", [
    lambda ax, X, Y, Z: ax.contourf(X, Y, Z),  # noqa: N803
    lambda ax, X, Y, Z: ax.contourf(X, Y, Z, zdir="x", offset=-40),  # noqa: N803
    lambda ax, X, Y, Z: ax.contourf(X, Y, Z, zdir="y", offset=40),  # noqa: N803
    lambda ax, X, Y, Z: ax.contourf(X, Y, Z, extend="both", levels=[-40, 0, 40]),  # noqa: N803
    lambda ax, X, Y, Z: ax.tricontourf(X.ravel(), Y.ravel(), Z.ravel()),  # noqa: N803
    lambda ax, X, Y, Z: ax.contour(X, Y, Z),  # noqa: N803
])
def test_filled_contours_fit_their_band_heights_as_mplot3d(call):
    # tricontourf3d.py, contourf3d_2.py: mplot3d fits a filled set across its plane to
    # the bands' mid heights (offset or not), not to the data
    from lumos.mplot3d import axes3d

    X, Y, Z = axes3d.get_test_data(0.1)  # noqa: N806

    def limits(pyplot):
        ax = pyplot.figure().add_subplot(projection="3d")
        call(ax, X, Y, Z)
        return ax.get_w_lims()

    np.testing.assert_allclose(limits(plt), limits(mplt), rtol=1e-9, atol=1e-9)


@pytest.mark.parametrize("s", [20, 100])
def test_scatter_markers_are_as_big_as_mplot3ds(s):
    # scatter3d.py, 2dcollections3d.py: the 3D markers were grown by their outline twice
    from PIL import Image

    def area(pyplot, path):
        fig = pyplot.figure(figsize=(3, 3))
        ax = fig.add_subplot(projection="3d")
        ax.scatter([0.5], [0.5], [0.5], s=s, color="red", depthshade=False)
        ax.set_axis_off()
        fig.savefig(path)
        img = np.asarray(Image.open(path).convert("RGB")).astype(int)
        return int(((img[..., 0] > 128) & (img[..., 1] < 128)).sum())

    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        ours, theirs = area(plt, f"{tmp}/l.png"), area(mplt, f"{tmp}/m.png")
    assert ours == pytest.approx(theirs, rel=0.12)  # 45 and 177 px in matplotlib


@pytest.mark.parametrize("far_first", [True, False])
def test_translucent_artists_paint_farthest_first(far_first):
    # fillunder3d.py: the farthest band, added last, covered the nearer ones
    fig = plt.figure(figsize=(3, 3))
    ax = fig.add_subplot(projection="3d")
    ax.view_init(elev=0, azim=-90)  # looking along +y: y = 1 is nearer than y = 3
    square = np.array([[0, 0], [1, 0], [1, 1], [0, 1.0]])
    bands = [(3.0, "blue"), (1.0, "red")]
    for y, color in bands if far_first else bands[::-1]:
        ax.fill_between(square[:2, 0], y, 0, square[:2, 0], y, 1, facecolors=color,
                        alpha=0.6, mode="polygon")
    ax.set(xlim=(0, 1), ylim=(0, 4), zlim=(0, 1))
    img = fig.render()[..., :3].astype(int)
    h, w = img.shape[:2]
    r, g, b = img[h // 2, w // 2]
    # red (nearer) over blue: red dominates, blue shows through
    assert r > b > g


def test_contourf_wall_bands_cover_in_order_as_mplot3d(tmp_path):
    # contourf3d_2.py: contouring X over (Y, Z) folds the grid over the wall, so bands
    # overlap on one plane: they fought for depth (stripes) where matplotlib paints the
    # later band over the earlier
    from PIL import Image

    from lumos.mplot3d import axes3d

    X, Y, Z = axes3d.get_test_data(0.05)  # noqa: N806

    def picture(pyplot, path):
        fig = pyplot.figure(figsize=(4, 4))
        ax = fig.add_subplot(projection="3d")
        ax.contourf(X, Y, Z, zdir="x", offset=-40, cmap="coolwarm")
        ax.set(xlim=(-40, 40), ylim=(-40, 40), zlim=(-100, 100))
        ax.view_init(0, 0)
        ax.set_proj_type("ortho")
        ax.set_axis_off()
        fig.savefig(path)
        return np.asarray(Image.open(path).convert("RGB"), float)

    ours, theirs = picture(plt, tmp_path / "l.png"), picture(mplt, tmp_path / "m.png")
    assert np.abs(ours - theirs).mean() < 1.7  # 2.26 with the stripes, 1.30 now
