"""lumos.axisartist's curvilinear grids (GridHelperCurveLinear, angle_helper,
grid_finder, floating axes on curves, get_aux_axes(tr)): pictures against matplotlib's,
the API, and bad input."""

from __future__ import annotations

import numpy as np
import pytest
from pixels import ink  # tests/pixels.py

import lumos.pyplot as lplt
from lumos import axisartist as laa
from lumos.axisartist import angle_helper, floating_axes, grid_finder
from lumos.axisartist.grid_helper_curvelinear import GridHelperCurveLinear

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402
from matplotlib.projections import PolarAxes  # noqa: E402
from matplotlib.transforms import Affine2D  # noqa: E402
from mpl_toolkits import axisartist as maa  # noqa: E402
from mpl_toolkits.axisartist import angle_helper as mpl_angle  # noqa: E402
from mpl_toolkits.axisartist import grid_helper_curvelinear as mpl_curved  # noqa: E402


def _polar(kit_angle, helper_cls):
    return helper_cls(
        Affine2D().scale(np.pi / 180, 1) + PolarAxes.PolarTransform(),
        extreme_finder=kit_angle.ExtremeFinderCycle(20, 20, lon_cycle=360, lat_cycle=None,
                                                    lon_minmax=None,
                                                    lat_minmax=(0, np.inf)),
        grid_locator1=kit_angle.LocatorDMS(12), tick_formatter1=kit_angle.FormatterDMS())


def _both(build, size=(5, 5)):
    """``build(figure, lumos)`` drawn by matplotlib (its toolkit) and by lumos (lumos's
    toolkit): (mpl, lumos) RGB arrays."""
    out = []
    for plt, is_lumos in ((mplt, False), (lplt, True)):
        figure = plt.figure(figsize=size)
        build(figure, is_lumos)
        figure.canvas.draw()
        out.append(np.asarray(figure.canvas.buffer_rgba())[..., :3].astype(int))
        plt.close(figure)
    return out


def test_polar_grid_with_floating_axes_matches_matplotlibs_picture():
    # gallery axisartist/demo_floating_axis.py
    def build(figure, is_lumos):
        kit, helper_cls = (angle_helper, laa.GridHelperCurveLinear) if is_lumos else \
            (mpl_angle, maa.GridHelperCurveLinear)
        ax = figure.add_subplot(axes_class=maa.HostAxes,
                                grid_helper=_polar(kit, helper_cls))
        ax.axis["lat"] = axis = ax.new_floating_axis(0, 60)
        axis.label.set_text(r"$\theta = 60^{\circ}$")
        ax.axis["lon"] = axis = ax.new_floating_axis(1, 6)
        axis.label.set_text(r"$r = 6$")
        ax.set_aspect(1.0)
        ax.set_xlim(-5, 12)
        ax.set_ylim(-5, 10)
        ax.grid(True)

    m, lu = _both(build)
    assert m.shape == lu.shape
    # the grid's circles and rays, the curves, ticks and their labels where
    # matplotlib draws them
    assert np.abs(m - lu).mean() < 1.5  # measured 0.74
    # the curved grid is drawn: many gray pixels inside the box
    gray = ((lu > 150) & (lu < 210)).all(axis=2)
    assert gray[100:400, 100:400].sum() > 2000


def test_function_pair_grid_sides_match_matplotlibs_picture():
    # gallery axisartist/demo_curvelinear_grid2.py: ticks where lon = x**2 lines cross
    def tr(x, y):
        return np.sign(x) * abs(x) ** .5, y

    def inv_tr(x, y):
        return np.sign(x) * x ** 2, y

    def build(figure, is_lumos):
        finder = grid_finder if is_lumos else maa.grid_finder
        helper_cls = GridHelperCurveLinear if is_lumos else mpl_curved.GridHelperCurveLinear
        helper = helper_cls((tr, inv_tr),
                            extreme_finder=finder.ExtremeFinderSimple(20, 20),
                            grid_locator1=finder.MaxNLocator(nbins=6),
                            grid_locator2=finder.MaxNLocator(nbins=6))
        ax = figure.add_subplot(axes_class=maa.Axes, grid_helper=helper)
        ax.imshow(np.arange(25).reshape(5, 5), vmax=50, cmap="gray_r", origin="lower")

    m, lu = _both(build, (7, 4))
    assert np.abs(m - lu).mean() < 0.6  # measured 0.21
    # the bottom's labels 0 4 8 ... 20 stand at x = sqrt(lon): uneven gaps
    below = ink(lu)[int(0.9 * lu.shape[0]):, :].sum(axis=0)
    cols = np.flatnonzero(below)
    assert cols.size and np.abs(ink(m)[int(0.9 * m.shape[0]):, :].sum(axis=0) -
                                below).sum() < 0.2 * below.sum()


def test_aux_axes_draw_through_the_transform():
    # gallery axisartist/demo_curvelinear_grid.py, right panel
    def build(figure, is_lumos):
        kit, helper_cls = (angle_helper, laa.GridHelperCurveLinear) if is_lumos else \
            (mpl_angle, maa.GridHelperCurveLinear)
        tr = Affine2D().scale(np.pi / 180, 1) + PolarAxes.PolarTransform()
        ax = figure.add_subplot(axes_class=maa.HostAxes, grid_helper=_polar(kit, helper_cls))
        ax.set_aspect(1)
        ax.set_xlim(-5, 12)
        ax.set_ylim(-5, 10)
        ax.grid(True, zorder=0)
        aux = ax.get_aux_axes(tr)
        aux.plot(np.linspace(0, 30, 51), np.linspace(10, 10, 51), linewidth=2)
        aux.pcolor(np.linspace(0, 90, 4), np.linspace(0, 10, 4),
                   np.arange(9).reshape((3, 3)))
        aux.contour(np.linspace(0, 90, 4), np.linspace(0, 10, 4),
                    np.arange(16).reshape((4, 4)), colors="k")

    m, lu = _both(build)
    assert np.abs(m - lu).mean() < 1.5  # measured 0.57
    # the pcolor quarter disc lies up and right of the origin, as matplotlib's
    colored = (np.ptp(lu, axis=2) > 60)
    ys, xs = np.nonzero(colored)
    assert colored.sum() > 5000 and np.median(xs) > 200 and np.median(ys) < 300


def test_helper_api_and_defaults():
    fig = lplt.figure()
    try:
        helper = _polar(angle_helper, GridHelperCurveLinear)
        ax = fig.add_subplot(axes_class=laa.Axes, grid_helper=helper)
        assert ax.get_grid_helper() is helper
        assert list(ax.axis) == ["bottom", "top", "left", "right"]
        for side in ("bottom", "top", "left", "right"):
            assert ax.axis[side].major_ticks.get_visible()
            assert ax.axis[side].major_ticklabels.get_visible() == (
                side in ("bottom", "left"))
        assert ax.axis["right"].get_helper().nth_coord_ticks == 1
        ax.axis["right"].get_helper().nth_coord_ticks = 0
        ax.set_xlim(-5, 12)
        ax.set_ylim(-5, 10)
        info = helper.grid_info(ax.get_xlim(), ax.get_ylim())
        # 30 degree rays and round radii
        assert {"lon", "lat", "extremes"} <= set(info)
        data = helper.to_data([90.0], [2.0])
        np.testing.assert_allclose(data, [[0.0, 2.0]], atol=1e-12)
        axis = ax.new_floating_axis(0, 60)
        ax.axis["lat"] = axis
        axis.set_axis_direction("left")
        axis.major_ticks.set_tick_direction("inout")
        axis.major_ticklabels.set_pad(10)
        axis.label.set_pad(20)
        axis.invert_ticklabel_direction()
        fig.canvas.draw()  # draws with every setting
        # a matplotlib helper is taken too (its grid finder shared)
        mh = _polar(mpl_angle, maa.GridHelperCurveLinear)
        ax2 = fig.add_subplot(222, axes_class=maa.Axes, grid_helper=mh)
        assert ax2.get_grid_helper().grid_finder is mh.grid_finder
        fig.canvas.draw()
    finally:
        lplt.close(fig)


def test_grid_lines_follow_the_view_and_the_callers_arrays_stay():
    fig = lplt.figure()
    try:
        x = np.array([0.0, 1.0])
        ax = fig.add_subplot(axes_class=laa.Axes, grid_helper=GridHelperCurveLinear(
            (lambda a, b: (a, b - a), lambda a, b: (a, b + a))))
        ax.grid(True, color="0.5")
        ax.set_xlim(0, 10)
        ax.set_ylim(0, 10)
        fig.canvas.draw()
        first = [s.copy() for s in ax.gridlines.get_segments()]
        ax.set_xlim(0, 100)
        ax.set_ylim(0, 100)
        fig.canvas.draw()
        assert len(first) > 3
        assert not all(np.array_equal(a, b) for a, b in
                       zip(first, ax.gridlines.get_segments(), strict=False))
        host = fig.add_subplot(222, axes_class=laa.HostAxes,
                               grid_helper=_polar(angle_helper, GridHelperCurveLinear))
        aux = host.get_aux_axes(Affine2D().scale(np.pi / 180, 1) +
                                PolarAxes.PolarTransform())
        aux.plot(x, x + 1)
        np.testing.assert_array_equal(x, [0.0, 1.0])
        aux.scatter([np.nan, 10.0], [np.inf, 2.0])  # non-finite points: no crash
        fig.canvas.draw()
    finally:
        lplt.close(fig)


def test_bad_input_is_refused_by_name():
    fig = lplt.figure()
    try:
        with pytest.raises(TypeError, match="aux_trans: got int"):
            GridHelperCurveLinear(3)
        with pytest.raises(TypeError, match="aux_trans: got tuple"):
            GridHelperCurveLinear((np.sin,))
        # lumos's own transforms are taken too (as a pair of functions)
        from lumos.path import Affine2D as LumosAffine

        rotated = GridHelperCurveLinear(LumosAffine().rotate_deg(90))
        np.testing.assert_allclose(rotated.to_data([1.0], [0.0]), [[0.0, 1.0]], atol=1e-12)
        helper = _polar(angle_helper, GridHelperCurveLinear)
        ax = fig.add_subplot(axes_class=laa.HostAxes, grid_helper=helper)
        with pytest.raises(TypeError, match=r"grid: unexpected keyword arguments \['dash'\]"):
            ax.grid(True, dash=3)
        with pytest.raises(ValueError, match="axis: got 'z'"):
            ax.grid(True, axis="z")
        with pytest.raises(NotImplementedError, match="which: got 'minor'"):
            ax.grid(True, which="minor")
        with pytest.raises(ValueError, match="nth_coord: got 2"):
            ax.new_floating_axis(2, 0.0)
        axis = ax.new_floating_axis(0, 30)
        with pytest.raises(ValueError, match="axis_direction: got 'up'"):
            axis.set_axis_direction("up")
        with pytest.raises(ValueError, match="tick_direction: got '0'"):
            axis.set_ticklabel_direction("0")
        with pytest.raises(ValueError, match="direction: got 'sideways'"):
            axis.major_ticks.set_tick_direction("sideways")
        aux = ax.get_aux_axes(Affine2D())
        with pytest.raises(NotImplementedError, match=r"get_aux_axes\(tr\)\.hist"):
            aux.hist([0, 1])
        with pytest.raises(ValueError, match="align: got 'middle'"):
            aux.bar([0, 1], [1, 2], align="middle")
        with pytest.raises(TypeError, match="tr: got str"):
            ax.get_aux_axes("polar")
        with pytest.raises(NotImplementedError, match="viewlim_mode"):
            ax.get_aux_axes(Affine2D(), viewlim_mode=None)
    finally:
        lplt.close(fig)


def _floating(figure, is_lumos):
    # gallery axisartist/demo_floating_axes.py, its first two panels
    kit = floating_axes if is_lumos else maa.floating_axes
    finder = grid_finder if is_lumos else maa.grid_finder
    tr = Affine2D().scale(2, 1).rotate_deg(30)
    helper = kit.GridHelperCurveLinear(tr, extremes=(-0.5, 3.5, 0, 4),
                                       grid_locator1=finder.MaxNLocator(nbins=4),
                                       grid_locator2=finder.MaxNLocator(nbins=4))
    ax1 = figure.add_subplot(121, axes_class=kit.FloatingAxes, grid_helper=helper)
    ax1.grid()
    ax1.get_aux_axes(tr).bar([0, 1, 2, 3], [3, 2, 1, 3])
    ticks = {0: r"$0$", np.pi / 4: r"$\frac{1}{4}\pi$", np.pi / 2: r"$\frac{1}{2}\pi$"}
    helper2 = kit.GridHelperCurveLinear(
        PolarAxes.PolarTransform(), extremes=(.5 * np.pi, 0, 2, 1),
        grid_locator1=finder.FixedLocator([*ticks]),
        tick_formatter1=finder.DictFormatter(ticks), grid_locator2=finder.MaxNLocator(2))
    ax2 = figure.add_subplot(122, axes_class=kit.FloatingAxes, grid_helper=helper2)
    ax2.grid()
    rng = np.random.default_rng(1)
    ax2.get_aux_axes(PolarAxes.PolarTransform()).scatter(rng.random(10) * .5 * np.pi,
                                                         rng.random(10) + 1.0)
    return ax1, ax2


def test_floating_axes_match_matplotlibs_picture():
    m, lu = _both(_floating, (8, 4))
    assert m.shape == lu.shape
    assert np.abs(m - lu).mean() < 1.0  # measured 0.49
    # the rotated bars and the quarter annulus's curves are drawn where matplotlib's
    assert np.abs(ink(m)[:, :400].sum() - ink(lu)[:, :400].sum()) < \
        0.05 * ink(m)[:, :400].sum()


def test_floating_axes_view_sides_and_bad_input():
    fig = lplt.figure()
    try:
        ax1, ax2 = _floating(fig, True)
        assert type(ax1) is floating_axes.FloatingAxes
        # the view: the boundary's extent, 2 % wider; aspect 1
        pts = ax1.get_grid_helper().boundary()
        span = np.ptp(pts, axis=0)
        assert ax1.get_xlim()[0] == pytest.approx(pts[:, 0].min() - 0.01 * span[0])
        assert ax1.get_ylim()[1] == pytest.approx(pts[:, 1].max() + 0.01 * span[1])
        assert ax1.get_aspect() == 1.0
        assert ax2.get_grid_helper().extremes == (.5 * np.pi, 0.0, 2.0, 1.0)
        # the sides are the boundary's curves; the rectangular frame is not drawn
        assert not any(s.get_visible() for s in ax1.spines.values())
        assert ax1.axis["left"].get_helper().nth_coord == 0
        assert ax1.axis["top"].get_helper().value == 4.0
        # grid lines strictly inside the extremes; none when given high to low
        fig.canvas.draw()
        assert len(ax1.gridlines.get_segments()) > 2
        assert ax2.get_grid_helper().grid_lines(ax2.get_xlim(), ax2.get_ylim()) == []
        # matplotlib's FloatingAxes class and helper make lumos's
        mh = maa.floating_axes.GridHelperCurveLinear(Affine2D(), (0, 1, 0, 1))
        ax3 = fig.add_subplot(223, axes_class=maa.floating_axes.FloatingAxes,
                              grid_helper=mh)
        assert type(ax3) is floating_axes.FloatingAxes
        with pytest.raises(ValueError, match="extremes: got"):
            floating_axes.GridHelperCurveLinear(Affine2D(), (0, 1, 0))
        with pytest.raises(ValueError, match="extremes: got"):
            floating_axes.GridHelperCurveLinear(Affine2D(), (0, 1, 0, np.nan))
        with pytest.raises(TypeError, match="grid_helper: got NoneType"):
            fig.add_subplot(224, axes_class=floating_axes.FloatingAxes)
        fig.canvas.draw()
    finally:
        lplt.close(fig)


@pytest.mark.parametrize("take_patch", [False, True])
def test_aux_axes_given_the_hosts_patch_clip_to_the_curved_boundary(take_patch):
    # matplotlib's demo_floating_axes: ``aux.patch = ax.patch`` clips the aux artists
    # to the floating axes' curved boundary (without it: the box)
    fig = lplt.figure(figsize=(3, 3))
    try:
        tr = PolarAxes.PolarTransform()
        helper = floating_axes.GridHelperCurveLinear(tr, extremes=(0, np.pi / 2, 1, 2))
        ax = fig.add_subplot(axes_class=floating_axes.FloatingAxes, grid_helper=helper)
        aux = ax.get_aux_axes(tr)
        if take_patch:
            aux.patch = ax.patch
        # a big red marker in the annulus's hole (r = 0.3 < 1)
        aux.scatter([np.pi / 4], [0.3], s=400, color="r")
        fig.canvas.draw()
        img = np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)
        red = int(((img[..., 0] > 200) & (img[..., 1] < 80)).sum())
        # measured 11 (the marker's part in the box) and 0
        assert (red == 0) if take_patch else (red > 5)
    finally:
        lplt.close(fig)


def test_inverted_limits_put_a_sides_crossings_on_the_opposite_side():
    def build(figure, is_lumos):
        helper_cls = GridHelperCurveLinear if is_lumos else mpl_curved.GridHelperCurveLinear
        ax = figure.add_subplot(axes_class=maa.Axes, grid_helper=helper_cls(
            (lambda x, y: (x, y - x), lambda x, y: (x, y + x))))
        ax.set_xlim(10, 0)
        ax.set_ylim(0, 10)

    m, lu = _both(build, (4, 3))
    # the left side's labels (lat values where the lines cross x = 10) left of the box
    left = (slice(0, 300), slice(0, 48))
    counts = [int(ink(a[left]).sum()) for a in (m, lu)]
    assert counts[0] > 100 and abs(counts[0] - counts[1]) <= 0.15 * counts[0], counts
    assert np.abs(m - lu).mean() < 1.0  # measured 0.62 (labels on the wrong side: 2.07)


def test_gridlines_a_child_not_a_collection():
    """axisartist's ``ax.gridlines`` is drawn by the axes (one of ``get_children``), as
    matplotlib's, and not listed in ``ax.collections``."""
    for plt, kit, kit_angle, curved in ((mplt, maa, mpl_angle, mpl_curved.GridHelperCurveLinear),
                                        (lplt, laa, angle_helper, GridHelperCurveLinear)):
        fig = plt.figure()
        ax = fig.add_subplot(axes_class=kit.Axes, grid_helper=_polar(kit_angle, curved))
        ax.grid(True)
        ax.scatter([1, 2], [1, 2])
        assert len(ax.collections) == 1, plt
        assert ax.gridlines in ax.get_children(), plt
        plt.close(fig)


def test_turned_tick_labels_take_their_room_in_constrained_layout():
    """A floating axis's turned tick labels count in the layout where they are drawn
    (turned about their anchor): matplotlib's gallery demo_axis_direction, whose
    columns stood 2-6 px off matplotlib's (mean abs diff 16.9 -> 10.1)."""
    def positions(plt, kit, kit_angle, curved):
        fig = plt.figure(figsize=(6, 2.5), layout="constrained")
        for i, d in enumerate(["bottom", "left", "right"]):
            helper = curved(
                Affine2D().scale(np.pi / 180, 1) + PolarAxes.PolarTransform(),
                extreme_finder=kit_angle.ExtremeFinderCycle(
                    20, 20, lon_cycle=360, lat_cycle=None, lon_minmax=None,
                    lat_minmax=(0, np.inf)),
                grid_locator1=kit_angle.LocatorDMS(12))
            ax = fig.add_subplot(1, 3, i + 1, axes_class=kit.Axes, grid_helper=helper,
                                 aspect=1, xlim=(-5, 12), ylim=(-5, 10))
            ax.axis[:].toggle(ticklabels=False)
            ax.axis["lon"] = axis = ax.new_floating_axis(1, 6)
            axis.label.set_text("r = 6")
            axis.label.set_visible(True)
            axis.set_axis_direction(d)
        fig.canvas.draw()
        out = np.array([a.get_position().extents for a in fig.axes]) * [600, 250, 600, 250]
        plt.close(fig)
        return out

    ours = positions(lplt, laa, angle_helper, GridHelperCurveLinear)
    theirs = positions(mplt, maa, mpl_angle, mpl_curved.GridHelperCurveLinear)
    assert np.abs(ours - theirs).max() < 1.0, ours - theirs


@pytest.mark.parametrize("label", [r"$\mathdefault{0}$", r"$\mathdefault{12}$",
                                   r"$-30^{\circ}$", r"$\theta = 30^{\circ}$", "12"])
def test_tick_labels_measured_as_agg_measures_them(label):
    """axisartist offsets its tick labels by their (width, height, descent) as Agg
    measures them: a math label's own box, not the font's line box (whose 2.3 px more
    descent put 'top' labels of demo_axis_direction that much further out)."""
    from matplotlib.font_manager import FontProperties

    from lumos.plot import text as textmod

    renderer = mplt.figure(dpi=100).canvas.get_renderer()
    want = renderer.get_text_width_height_descent(label, FontProperties(size=10),
                                                  ismath=label.startswith("$"))
    assert textmod.ink_size(label, 10 * 100 / 72) == pytest.approx(want, abs=0.01)
    mplt.close("all")
