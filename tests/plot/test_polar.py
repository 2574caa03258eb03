"""Polar axes: the chain, matplotlib's PolarAxes API, arcs, bars, fills and the mouse."""

from __future__ import annotations

import math

import numpy as np
import pytest

import lumos
import lumos.pyplot as plt
from lumos.plot.polar import PolarAxes, PolarProjection


def polar(figsize=(4, 4), **kwargs):
    fig, ax = lumos.subplots(figsize=figsize, dpi=100, subplot_kw={"projection": "polar",
                                                                   **kwargs})
    return fig, ax


def pixel(img, fig, xy):
    """RGBA of the rendered figure at figure pixel (x, y) from the bottom left."""
    x, y = xy
    return img[fig.canvas.size[1] - 1 - int(round(y)), int(round(x))]


def is_white(rgba) -> bool:
    return bool(np.all(rgba[:3] > 235))


def test_every_way_to_ask_for_polar_axes():
    _, ax = polar()
    assert isinstance(ax, PolarAxes) and ax.name == "polar"
    fig = lumos.plot.Figure()
    assert isinstance(fig.add_subplot(121, polar=True), PolarAxes)
    assert isinstance(fig.add_subplot(122, projection="polar"), PolarAxes)
    with pytest.raises(ValueError, match="polar=True"):
        fig.add_subplot(111, polar=True, projection="rectilinear")
    plt.figure()
    assert isinstance(plt.subplot(projection="polar"), PolarAxes)
    assert isinstance(plt.axes(polar=True), PolarAxes)
    plt.close("all")


def test_the_chain_puts_the_pole_in_the_middle_and_theta_where_asked():
    fig, ax = polar()
    ax.set_rmax(2.0)
    fig.draw()
    bx, by, bw, bh = ax.box
    assert bw == pytest.approx(bh)  # a circle needs a square box
    cx, cy, r = bx + bw / 2, by + bh / 2, bw / 2
    t = ax.transData.forward(np.array([[0.0, 0.0], [0.0, 2.0], [math.pi / 2, 1.0]]))
    np.testing.assert_allclose(t, [[cx, cy], [cx + r, cy], [cx, cy + r / 2]], atol=1e-9)
    ax.set_theta_zero_location("N")
    ax.set_theta_direction("clockwise")
    fig.draw()
    bx, by, bw, bh = ax.box  # the labels moved: the layout too
    cx, cy, r = bx + bw / 2, by + bh / 2, bw / 2
    t = ax.transData.forward(np.array([[0.0, 2.0], [math.pi / 2, 2.0]]))
    np.testing.assert_allclose(t, [[cx, cy + r], [cx + r, cy]], atol=1e-9)
    back = ax.transData.inverse(t)
    np.testing.assert_allclose(back, [[0.0, 2.0], [math.pi / 2, 2.0]], atol=1e-9)
    assert ax.get_theta_direction() == -1
    assert ax.get_theta_offset() == pytest.approx(math.pi / 2)


def test_projection_masks_radii_below_the_origin_on_cpu_and_names_its_glsl():
    p = PolarProjection(offset=0.0, direction=1, origin=1.0)
    out = p.forward(np.array([[0.0, 0.5], [0.0, 3.0]]))
    assert np.isnan(out[0]).all() and out[1] == pytest.approx([2.0, 0.0])
    assert "cos" in p.glsl_forward().source and p.glsl_forward() == p.glsl_forward()
    assert p == PolarProjection(0.0, 1, 1.0) and p != PolarProjection(0.1, 1, 1.0)


def test_r_starts_at_zero_with_a_margin_on_top_like_matplotlib():
    fig, ax = polar()
    ax.plot(np.linspace(0, 2 * np.pi, 50), np.linspace(0.5, 1.5, 50))
    lo, hi = ax.get_ylim()
    assert lo == 0.0 and hi == pytest.approx(1.55)
    assert ax.get_xlim() == pytest.approx((0.0, 2 * math.pi))  # θ never autoscales
    values, labels, _, _ = ax.xaxis.ticks()
    assert labels == ["0°", "45°", "90°", "135°", "180°", "225°", "270°", "315°"]
    rticks = ax.yaxis.ticks()[0]
    assert rticks.min() > 0  # no r label at the pole
    ax.set_rlim(0.2, 1.0)
    assert (ax.get_rmin(), ax.get_rmax()) == (0.2, 1.0)
    ax.set_rlim(rmin=0.1, rmax=2.0)
    assert ax.get_ylim() == (0.1, 2.0)
    ax.set_rorigin(-1.0)
    assert ax.get_rorigin() == -1.0
    ax.set_rticks([0.5, 1.5])
    assert list(ax.get_yticks()) == [0.5, 1.5]
    ax.set_rlabel_position(-30)
    assert ax.get_rlabel_position() == -30.0
    fig.render()


def test_bad_input_names_the_argument():
    _, ax = polar()
    with pytest.raises(ValueError, match="loc"):
        ax.set_theta_zero_location("up")
    with pytest.raises(ValueError, match="direction"):
        ax.set_theta_direction(2)
    with pytest.raises(ValueError, match="linear"):
        ax.set_xscale("log")
    with pytest.raises(ValueError, match="full circle"):
        ax.set_thetalim(0, 7)
    with pytest.raises(TypeError, match="set_rlim"):
        ax.set_rlim(0, 1, rtop=3)
    with pytest.raises(ValueError, match="value"):
        ax.set_rlabel_position(float("nan"))
    ax.set_rscale("log")  # r may be logarithmic
    assert ax.get_yscale() == "log"


def test_sectors_fill_a_square_box_around_the_wedge():
    fig, ax = polar(figsize=(5, 4))
    ax.set_thetamin(0)
    ax.set_thetamax(90)
    ax.set_rmax(1.0)
    fig.draw()
    assert ax.get_thetamin() == pytest.approx(0) and ax.get_thetamax() == pytest.approx(90)
    x0, y0, w, h = ax.view_rect()
    assert (x0, y0, w, h) == pytest.approx((0.0, 0.0, 1.0, 1.0))
    bx, by, bw, bh = ax.box
    # the pole is the box's bottom-left corner, r = 1 at 45° on the arc
    np.testing.assert_allclose(ax.transData.forward(np.zeros(2)), [bx, by], atol=1e-9)
    values, labels, _, _ = ax.xaxis.ticks()
    assert labels[0] == "0°" and labels[-1] == "90°"
    fig.render()


def test_straight_data_segments_are_drawn_as_arcs():
    fig, ax = polar()
    ax.plot([0.0, math.pi / 2], [1.0, 1.0], lw=3, color="red")
    ax.set_rmax(1.2)
    ax.grid(False)
    img = fig.render()
    on_arc = ax.transData.forward(np.array([math.pi / 4, 1.0]))
    chord = ax.transData.forward(np.array([[0.0, 1.0], [math.pi / 2, 1.0]])).mean(axis=0)
    r, g, b, _ = pixel(img, fig, on_arc)
    assert r > 200 and g < 80 and b < 80, pixel(img, fig, on_arc)
    assert is_white(pixel(img, fig, chord))


def test_bars_have_arcs_and_fills_close_round_the_pole():
    fig, ax = polar()
    ax.bar([math.pi / 4], [1.0], width=math.pi / 2, color="blue", bottom=0.0)
    ax.set_rmax(1.0)
    ax.grid(False)
    img = fig.render()
    inside_arc = ax.transData.forward(np.array([math.pi / 4, 0.97]))
    assert pixel(img, fig, inside_arc)[2] > 200 and pixel(img, fig, inside_arc)[0] < 80
    outside = ax.transData.forward(np.array([3 * math.pi / 4, 0.5]))
    assert is_white(pixel(img, fig, outside))

    fig2, ax2 = polar()
    t = np.linspace(0, 2 * math.pi, 100)
    ax2.fill(t, np.full_like(t, 0.5), color="green")
    ax2.set_rmax(1.0)
    ax2.grid(False)
    img2 = fig2.render()
    for theta in (0.3, 2.0, 4.0, 5.9):
        p = pixel(img2, fig2, ax2.transData.forward(np.array([theta, 0.3])))
        assert p[1] > 100 and p[0] < 80, (theta, p)
    assert is_white(pixel(img2, fig2, ax2.transData.forward(np.array([1.0, 0.8]))))


def test_radii_below_the_origin_are_not_drawn():
    fig, ax = polar()
    ax.scatter([1.0, 1.0], [0.5, 3.0], s=200, color="red")
    ax.set_rlim(1.0, 4.0)
    ax.grid(False)
    img = fig.render()
    drawn = ax.transData.forward(np.array([1.0, 3.0]))
    assert pixel(img, fig, drawn)[0] > 200 and pixel(img, fig, drawn)[1] < 80
    # r = 0.5 < rmin = origin: matplotlib masks it; it must not appear mirrored either
    mirrored = ax.transData.frozen().parts[-1].forward(
        ax.transProjection.frozen().forward(np.array([1.0 + math.pi, 1.5])))
    assert is_white(pixel(img, fig, mirrored))


def test_mouse_zooms_r_and_moves_the_r_labels_like_matplotlib():
    from lumos.app.interaction import Interaction

    fig, ax = polar()
    ax.set_rmax(2.0)
    fig.draw()
    inter = Interaction(fig)
    h = fig.canvas.size[1]
    top = lambda xy: (float(xy[0]), h - float(xy[1]))  # noqa: E731 - event pixels
    # right-drag from r = 1 out to r = 1.25: r grows 1.25 times, rmax shrinks as much
    start = top(ax.transData.forward(np.array([0.0, 1.0])))
    end = top(ax.transData.forward(np.array([0.0, 1.25])))
    inter.press(*start, 3)
    inter.move(*end)
    inter.release(*end, 3)
    assert ax.get_rmax() == pytest.approx(1.6)
    # a left-drag on the r labels (22.5°) carries them round; elsewhere nothing moves
    rmax = ax.get_rmax()
    a = top(ax.transData.forward(np.array([math.radians(22.5), 1.0])))
    b = top(ax.transData.forward(np.array([math.radians(60.0), 1.0])))
    inter.press(*a, 1)
    inter.move(*b)
    inter.release(*b, 1)
    assert ax.get_rlabel_position() == pytest.approx(60.0, abs=1e-6)
    c = top(ax.transData.forward(np.array([math.radians(200.0), 1.0])))
    inter.press(*c, 1)
    inter.move(*a)
    inter.release(*a, 1)
    assert ax.get_rlabel_position() == pytest.approx(60.0, abs=1e-6)
    assert ax.get_rmax() == rmax
    inter.wheel(*c, 2)  # wheel away from the user zooms in: rmax smaller
    assert ax.get_rmax() == pytest.approx(rmax * 1.1 ** -2)
    inter.double_click(*c)  # back home
    assert ax.get_rmax() == 2.0 and ax.get_rlabel_position() == 22.5


def test_axvspan_edges_follow_the_circle_as_matplotlib():
    """matplotlib steps a span's edges (GRIDLINE_INTERPOLATION_STEPS) before the polar
    projection: its outer edge is an arc, not the chord between the corners."""
    mplt = pytest.importorskip("matplotlib.pyplot")
    # θ 0.5..2.0 at r fraction 0.8: the chord passes 0.8 cos(0.75) = 0.585 from the
    # centre, so (θ 1.25, r 0.7) is in the band only when the edge is an arc
    seen = []
    for lib in (lumos, mplt):
        fig, ax = lib.subplots(figsize=(4, 4), dpi=100, subplot_kw={"projection": "polar"})
        ax.set_rmax(1.0)
        span = ax.axvspan(0.5, 2.0, ymin=0.2, ymax=0.8, color="red")
        x, y = ax.transData.transform((1.25, 0.7))
        if lib is lumos:
            img = fig.render()
        else:
            fig.canvas.draw()
            img = np.asarray(fig.canvas.buffer_rgba())
        at = img[img.shape[0] - 1 - int(round(y)), int(round(x)), :3]
        seen.append((span.get_xy(), span.get_width(), tuple(int(v) for v in at)))
    mplt.close("all")
    assert seen[0][0] == pytest.approx(seen[1][0]) and seen[0][1] == seen[1][1]
    assert seen[0][2] == seen[1][2] == (255, 0, 0)


@pytest.mark.parametrize("direction", ["out", "in", "inout"])
def test_theta_labels_sit_where_matplotlib_puts_them(direction):
    # matplotlib's ThetaTick centres each label 7 points beyond its tick's pad, and the
    # pad counts the tick's length for ticks 'out' (half of it for 'inout')
    mpl = pytest.importorskip("matplotlib")
    mpl.use("Agg")
    import matplotlib.pyplot as mplt

    mfig, max_ = mplt.subplots(figsize=(4, 4), dpi=100, subplot_kw={"projection": "polar"})
    max_.tick_params(axis="x", direction=direction)
    mfig.canvas.draw()
    box = max_.get_window_extent()
    centre = np.array([(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2])
    theirs = {}
    for tick in max_.xaxis.get_major_ticks():
        e = tick.label1.get_window_extent()
        theirs[tick.label1.get_text()] = np.array([(e.x0 + e.x1) / 2, (e.y0 + e.y1) / 2]) - centre
    mplt.close(mfig)
    fig, ax = polar()
    ax.tick_params(axis="x", direction=direction)
    fig.draw()
    pole = ax.transView.forward(np.zeros(2))
    ours = {text: np.array([x, y]) - pole for text, x, y, _, _ in ax._theta_labels()}
    assert set(ours) == set(theirs)
    for text, xy in ours.items():
        np.testing.assert_allclose(xy, theirs[text], atol=0.5, err_msg=text)


def test_empty_theta_labels_take_no_room():
    # leftventricle_bullseye: set(xticklabels=[]) under constrained layout; matplotlib's
    # tight box leaves empty labels out, so the circles keep their size
    fig, ax = polar()
    fig.draw()
    assert ax.own_margins()[:3] != (0.0, 0.0, 0.0)
    ax.set(xticklabels=[])
    fig.draw()
    assert ax._theta_labels() == []
    assert ax.own_margins() == (0.0, 0.0, 0.0, 0.0)
