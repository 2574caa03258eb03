"""One transform chain per axes: transScale, transProjection, transLimits, transAxes."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

import lumos
from lumos.plot.style import dash_pattern
from lumos.transforms import Affine, Transform


def small():
    fig, ax = lumos.subplots(figsize=(4, 3), dpi=100)
    ax.set_xlim(0, 10)
    ax.set_ylim(-1, 1)
    fig.draw()
    return fig, ax


def test_trans_data_is_the_chain_and_follows_the_limits():
    fig, ax = small()
    bx, by, bw, bh = ax.box
    pts = np.array([[0.0, -1.0], [10.0, 1.0], [5.0, 0.0]])
    want = np.array([[bx, by], [bx + bw, by + bh], [bx + bw / 2, by + bh / 2]])
    np.testing.assert_allclose(ax.transData.forward(pts), want)
    np.testing.assert_allclose(ax.transData.transform(pts), want)  # matplotlib's name
    np.testing.assert_allclose(ax.transData.inverse(want), pts, atol=1e-12)
    np.testing.assert_allclose(ax.transData.inverted().transform(want), pts, atol=1e-12)
    chained = ax.transAxes * ax.transLimits * ax.transProjection * ax.transScale
    np.testing.assert_allclose(chained.forward(pts), want)
    ax.set_xlim(10, 0)  # inverted: live transforms follow
    np.testing.assert_allclose(ax.transData.forward(pts[:1]), [[bx + bw, by]])
    np.testing.assert_allclose(chained.forward(pts[:1]), [[bx + bw, by]])
    assert ax.to_pixels(10, 1) == pytest.approx((bx, by + bh))
    assert isinstance(ax.transData, Transform) and isinstance(ax.transData.frozen(), Transform)


def test_log_axes_and_their_masking():
    fig, ax = small()
    ax.set_yscale("log")
    ax.set_ylim(1, 100)
    fig.draw()
    bx, by, bw, bh = ax.box
    np.testing.assert_allclose(ax.transData.forward(np.array([[0.0, 10.0]]))[0],
                               [bx, by + bh / 2])
    # matplotlib's default clips: 1000 decades below 1, 500 view heights down
    p = ax.transData.forward(np.array([[1.0, -5.0]]))
    np.testing.assert_allclose(p[0, 1], by - 500 * bh)
    ax.set_yscale("log", nonpositive="mask")
    assert np.isnan(ax.transData.forward(np.array([[1.0, -5.0]]))[0, 1])
    np.testing.assert_allclose(ax.transScale.forward(np.array([[3.0, 1000.0]])), [[3.0, 3.0]])
    # the blended transforms: x data / y axes fraction and the reverse
    np.testing.assert_allclose(ax.get_xaxis_transform().forward(np.array([[5.0, 1.0]])),
                               [[bx + bw / 2, by + bh]])
    np.testing.assert_allclose(ax.get_yaxis_transform().forward(np.array([[0.0, 10.0]])),
                               [[bx, by + bh / 2]])


def test_camera_shows_exactly_what_the_chain_maps():
    fig, ax = small()
    ax.set_xlim(2, -2)  # inverted x
    fig.draw()
    cam = ax.view.camera.to_dict(ax.view.size)
    x0, y0, w, h = cam["rect"]
    bx, by, bw, bh = ax.box
    # the camera's rectangle corners land on the box corners through the chain
    corners = ax.transView.forward(np.array([[x0, y0], [x0 + w, y0 + h]]))
    np.testing.assert_allclose(corners, [[bx, by], [bx + bw, by + bh]], atol=1e-9)


def test_text_in_the_coordinates_of_any_transform():
    fig, ax = small()
    t1 = ax.text(5, 0, "data")
    t2 = ax.text(0.5, 0.5, "axes", transform=ax.transAxes)
    t3 = ax.text(5, 1.0, "blended", transform=ax.get_xaxis_transform())
    t4 = ax.text(0.5, 0.5, "figure", transform=fig.transFigure)
    bx, by, bw, bh = ax.box
    assert t1.pixel_position() == pytest.approx((bx + bw / 2, by + bh / 2))
    assert t2.pixel_position() == pytest.approx((bx + bw / 2, by + bh / 2))
    assert t3.pixel_position() == pytest.approx((bx + bw / 2, by + bh))
    assert t4.pixel_position() == pytest.approx((200, 150))
    t5 = ax.text(0, 0, "moved", transform=Affine(translate=(7, 9)))
    assert t5.pixel_position() == pytest.approx((7, 9))
    with pytest.raises(TypeError, match="transform"):
        ax.text(0, 0, "x", transform="axes")
    fig.render()


def test_dash_patterns_scale_with_the_width_in_one_place():
    assert dash_pattern("-", 2.0) is None and dash_pattern(None, 2.0) is None
    assert dash_pattern("--", 2.0) == pytest.approx((7.4, 3.2))
    assert dash_pattern("dashdot", 1.0) == pytest.approx((6.4, 1.6, 1.0, 1.6))
    assert dash_pattern(":", 0.0) is None  # a zero-width line is not drawn


@pytest.mark.parametrize("scale", ["linear", "log", "symlog", "logit"])
def test_axis_pixels_are_the_blended_transforms_bit_for_bit(scale):
    # Axis.pixels_along computes the blended transforms' map without building them:
    # tick positions must not move by a single bit (pictures compare exactly)
    fig, ax = lumos.subplots(figsize=(4, 3), dpi=100)
    ax.set_xscale(scale)
    ax.set_yscale(scale)
    ax.set_xlim(0.02, 0.7)
    ax.set_ylim(0.9, 0.05)  # inverted
    fig.draw()
    v = np.r_[np.linspace(0.01, 0.95, 23), np.nan, np.inf, -1.0, 0.0]
    given = v.copy()
    z = np.zeros_like(v)
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the log scale masks -1 and 0, both ways alike
        want_x = ax.get_xaxis_transform().forward(np.c_[v, z])[:, 0]
        want_y = ax.get_yaxis_transform().forward(np.c_[z, v])[:, 1]
        got_x, got_y = ax.xaxis.pixels_along(v), ax.yaxis.pixels_along(v)
    np.testing.assert_array_equal(got_x, want_x)
    np.testing.assert_array_equal(got_y, want_y)
    np.testing.assert_array_equal(v, given)  # the caller's array is untouched
    assert np.isfinite(got_x[:23]).all() and got_y[0] > got_y[20]  # the y axis is inverted


def test_live_transforms_map_new_arrays_as_their_concrete_transform_does():
    """A live transform hands the points to the transform it stands for (which checks
    and copies them once): a new float64 array, the input untouched, one point too."""
    fig, ax = lumos.subplots()
    ax.set_xscale("log")
    ax.set_xlim(1, 100)
    pts = np.array([[1, 2], [10, 3], [100, 4]])
    kept = pts.copy()
    for live in (ax.transScale, ax.transData):
        out = live.forward(pts)
        assert out.dtype == np.float64 and out is not pts and not np.shares_memory(out, pts)
        np.testing.assert_array_equal(out, live.frozen().forward(pts))
        np.testing.assert_allclose(live.inverse(out), pts, rtol=1e-12)
        np.testing.assert_array_equal(live.forward(pts[1]), out[1])
    np.testing.assert_array_equal(ax.transScale.forward(pts)[:, 0], [0, 1, 2])
    np.testing.assert_array_equal(pts, kept)
    with pytest.raises(ValueError, match="points"):
        ax.transData.forward(np.zeros((3, 4)))


def test_transform_bbox_as_matplotlib():
    """``transform_bbox`` maps a box's two corners (matplotlib's Transform method, used
    by the gallery's widgets/menu.py to take a text's extent into inches)."""
    mplt = pytest.importorskip("matplotlib.pyplot")
    from matplotlib.transforms import Bbox as MBbox

    from lumos.plot.bbox import Bbox

    got = []
    for lib, box in ((lumos, Bbox.from_bounds(10, 20, 100, 50)),
                     (mplt, MBbox.from_bounds(10, 20, 100, 50))):
        fig, ax = lib.subplots(figsize=(4, 3), dpi=100)
        ax.set_xlim(0, 10)
        ax.set_ylim(-1, 1)
        inches = fig.dpi_scale_trans.inverted().transform_bbox(box)
        data = ax.transData.inverted().transform_bbox(box)
        got.append([inches.bounds, data.bounds, ax.transData.transform_bbox(data).bounds])
    mplt.close("all")
    np.testing.assert_allclose(got[0], got[1], rtol=1e-9, atol=1e-9)
    with pytest.raises(TypeError, match="bbox"):
        small()[0].dpi_scale_trans.transform_bbox((0, 0, 1, 1))
