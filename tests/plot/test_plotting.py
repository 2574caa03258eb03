"""Axes plotting methods beyond plot/scatter/imshow: return types, values like matplotlib's,
colors where they belong, bad input, NaN, log and date axes."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

import lumos
from lumos import colors
from lumos.plot.annotations import Annotation
from lumos.plot.bars import Rectangle
from lumos.plot.collections import LineCollection, QuadMesh
from lumos.plot.containers import BarContainer, ErrorbarContainer, StemContainer
from lumos.plot.contour import ContourSet
from lumos.plot.polygons import FillBetweenPolyCollection, Polygon, SpanRectangle
from lumos.plot.quiver import Quiver

C0 = colors.to_rgba("C0")[:3]
C1 = colors.to_rgba("C1")[:3]
WHITE = (1.0, 1.0, 1.0)


def small():
    return lumos.subplots(figsize=(3, 2), dpi=80)


def px(fig, img, ax, x, y, coords="data") -> np.ndarray:
    """RGB (0..1) of the image pixel at a data (or axes-fraction) point."""
    fx, fy = ax.to_pixels(x, y, coords)
    h, w = img.shape[:2]
    row = int(np.clip(np.floor(h - fy), 0, h - 1))
    col = int(np.clip(np.floor(fx), 0, w - 1))
    return img[row, col, :3] / 255.0


def close(rgb, color, tol=0.04) -> bool:
    return bool(np.all(np.abs(np.asarray(rgb)[:3] - np.asarray(color)[:3]) <= tol))


def blend(color, alpha, under=WHITE):
    return tuple(alpha * c + (1 - alpha) * u for c, u in zip(color[:3], under, strict=True))


# -- fill_between ---------------------------------------------------------------------------
def test_fill_between_returns_collection_and_fills_band():
    fig, ax = small()
    x = np.linspace(0, 10, 50)
    y1, y2 = np.full(50, 1.0), np.full(50, 3.0)
    c = ax.fill_between(x, y1, y2)
    assert isinstance(c, FillBetweenPolyCollection)
    img = fig.render()
    assert close(px(fig, img, ax, 5, 2), C0)
    assert close(px(fig, img, ax, 5, 3.5), WHITE)
    # autoscale covers both curves
    lo, hi = ax.get_ylim()
    assert lo < 1 and hi > 3


def test_fill_between_color_alpha_and_patch_cycle():
    fig, ax = small()
    ax.plot([0, 1], [0, 1])  # takes C0 from the line cycle...
    c = ax.fill_between([0, 1], [0.2, 0.2], [0.4, 0.4])  # ...fills have their own cycle
    assert np.allclose(c.get_facecolor()[0, :3], C0)
    c2 = ax.fill_between([0, 1], [0.6, 0.6], [0.8, 0.8], color="C1", alpha=0.5)
    assert np.allclose(c2.get_facecolor()[0], (*C1, 0.5))
    assert np.allclose(c2.get_edgecolor()[0], (*C1, 0.5))  # color sets the edge too
    img = fig.render()
    assert close(px(fig, img, ax, 0.5, 0.7), blend(C1, 0.5), tol=0.06)


def test_fill_between_nan_splits_and_where_regions():
    fig, ax = small()
    x = np.arange(10.0)
    y = np.ones(10)
    y[4] = np.nan
    c = ax.fill_between(x, y)
    assert len(c.get_paths()) == 2
    c2 = ax.fill_between(x, 2, 3, where=(x < 3) | (x > 6))
    assert len(c2.get_paths()) == 2
    fig.render()  # no crash


def test_fill_between_crossing_curves_fill_both_lobes():
    fig, ax = small()
    x = np.array([0.0, 1.0])
    c = ax.fill_between(x, [1, -1], [-1, 1])
    img = fig.render()
    assert close(px(fig, img, ax, 0.1, 0.0), C0)   # left lobe
    assert close(px(fig, img, ax, 0.9, 0.0), C0)   # right lobe
    assert close(px(fig, img, ax, 0.1, 0.9), WHITE)  # outside a bow tie's wrong half
    assert isinstance(c, FillBetweenPolyCollection)


def test_fill_between_interpolate_reaches_crossing():
    fig, ax = small()
    x = np.array([0.0, 1.0, 2.0])
    y1 = np.array([-1.0, 1.0, 1.0])
    c = ax.fill_between(x, y1, 0, where=y1 > 0, interpolate=True)
    start = c.get_paths()[0][0]
    assert np.allclose(start, (0.5, 0.0))


def test_fill_between_step_and_betweenx():
    fig, ax = small()
    c = ax.fill_between([0, 1, 2], [1, 2, 3], step="pre")
    assert c.get_paths()[0].shape[0] == 2 + 2 * 5
    cx = ax.fill_betweenx([0, 1, 2], [1, 1, 1], [2, 2, 2], color="C1")
    assert cx.t_direction == "y"
    img = fig.render()
    assert close(px(fig, img, ax, 1.5, 1.0), C1)
    with pytest.raises(ValueError, match="step"):
        ax.fill_between([0, 1], [1, 2], step="middle")


def test_fill_between_bad_input():
    fig, ax = small()
    with pytest.raises(ValueError, match=r"x and y1 .* 3 and 2"):
        ax.fill_between([0, 1, 2], [1, 2])
    with pytest.raises(TypeError, match="y1"):
        ax.fill_between([0, 1], "ab")
    with pytest.raises(TypeError, match="x"):
        ax.fill_between([{}, "b"], [1, 2])
    with pytest.raises(ValueError, match=r"where and x .* 2 and 3"):
        ax.fill_between([0, 1, 2], [1, 2, 3], where=[True, False])
    with pytest.raises(TypeError, match="unexpected"):
        ax.fill_between([0, 1], [1, 2], bogus=1)


def test_fill_between_log_axis_reaches_bottom():
    fig, ax = small()
    x = np.linspace(1, 10, 20)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no 'non-positive values' warnings from y2=0
        ax.fill_between(x, x ** 2)
        ax.set_yscale("log")
        img = fig.render()
    lo, hi = ax.get_ylim()
    assert 0 < lo < 1 and hi > 100
    # the bottom edge of the axes is filled: the band goes to 0 (clipped)
    assert close(px(fig, img, ax, 0.9, 0.01, coords="axes"), C0)


def test_fill_between_dates():
    fig, ax = small()
    t = np.arange("2024-01-01", "2024-01-06", dtype="datetime64[D]")
    ax.fill_between(t, np.arange(5.0))
    assert ax.xaxis.is_date
    fig.render()


# -- bar / barh ------------------------------------------------------------------------------
def test_bar_container_patches_and_color():
    fig, ax = small()
    heights = np.array([3.0, 5.0, 2.0])
    bars = ax.bar([1, 2, 3], heights)
    assert isinstance(bars, BarContainer)
    assert len(bars) == 3 and len(bars.patches) == 3
    assert all(isinstance(p, Rectangle) for p in bars)
    assert bars[1].get_height() == 5.0 and bars[1].get_width() == pytest.approx(0.8)
    assert bars[0].get_x() == pytest.approx(0.6) and bars[0].get_y() == 0.0
    assert np.allclose(bars.datavalues, heights)
    img = fig.render()
    for x, h in zip([1, 2, 3], heights, strict=True):
        assert close(px(fig, img, ax, x, h / 2), C0)
    assert close(px(fig, img, ax, 1.5, 1.0), WHITE)  # between bars


def test_bar_sticks_to_zero():
    fig, ax = small()
    ax.bar([1, 2], [3, 5])
    assert ax.get_ylim()[0] == 0.0
    assert ax.get_ylim()[1] > 5.0  # the top still has its margin
    fig2, ax2 = small()
    ax2.bar([1, 2], [-3, -5])
    assert ax2.get_ylim()[1] == 0.0
    fig3, ax3 = small()
    ax3.barh([1, 2], [3, 5])
    assert ax3.get_xlim()[0] == 0.0
    fig4, ax4 = small()
    ax4.bar([1, 2], [3, 5], bottom=1)  # sticks to its bottom, not to 0
    assert ax4.get_ylim()[0] == 1.0


def test_bar_sticky_does_not_block_other_data():
    fig, ax = small()
    ax.bar([1, 2], [3, 5])
    ax.plot([1, 2], [-2, 1])
    assert ax.get_ylim()[0] < -2


def test_bar_colors_edges_labels_and_ticks():
    fig, ax = small()
    bars = ax.bar([0, 1, 2], [1, 2, 3], color=["C1", "C2"], edgecolor="k", linewidth=2,
                  label="b", tick_label=["a", "b", "c"])
    assert close(bars[0].get_facecolor(), C1)
    assert close(bars[2].get_facecolor(), C1)  # colors cycle
    assert close(bars[1].get_facecolor(), colors.to_rgba("C2"))
    assert bars.get_label() == "b"
    ax.legend()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["b"]
    img = fig.render()
    assert close(px(fig, img, ax, 0, 0.5), C1)
    labels = ax.xaxis.ticks()[1]
    assert labels == ["a", "b", "c"]


def test_bar_align_edge_and_rectangle_setters():
    fig, ax = small()
    bars = ax.bar([0, 1], [1, 1], width=0.5, align="edge")
    assert bars[0].get_x() == 0.0
    bars[0].set_height(4)
    bars[1].set_facecolor("C1")
    fig.render()
    assert ax.get_ylim() == pytest.approx((0, 1.05))  # new data keeps the limits
    ax.relim()  # as in matplotlib, the new height is measured; the view moves when
    fig.render()  # a fit is asked for
    assert ax.get_ylim() == pytest.approx((0, 1.05))
    ax.autoscale_view()
    img = fig.render()
    assert ax.get_ylim() == pytest.approx((0, 4.2))
    assert close(px(fig, img, ax, 0.25, 3.0), C0)
    assert close(px(fig, img, ax, 1.25, 0.5), C1)


def test_bar_errorbars_and_log():
    fig, ax = small()
    bars = ax.bar([1, 2], [10, 1000], yerr=[1, 100], log=True, capsize=2)
    assert isinstance(bars.errorbar, ErrorbarContainer)
    assert ax.get_yscale() == "log"
    lo, hi = ax.get_ylim()
    assert 1 < lo < 10 and hi > 1000
    img = fig.render()
    assert close(px(fig, img, ax, 1.3, lo * 1.05), C0)  # bars reach the bottom of the axis


def test_barh_geometry():
    fig, ax = small()
    bars = ax.barh([1, 2], [3, 4], height=0.5, left=1)
    assert bars.orientation == "horizontal"
    assert bars[0].get_y() == pytest.approx(0.75) and bars[0].get_x() == 1.0
    assert bars[1].get_width() == 4.0
    img = fig.render()
    assert close(px(fig, img, ax, 3, 2), C0)


def test_bar_dates_with_timedelta_width():
    fig, ax = small()
    t = np.arange("2024-01-01", "2024-01-04", dtype="datetime64[D]")
    bars = ax.bar(t, [1, 2, 3], width=np.timedelta64(12, "h"))
    assert bars[0].get_width() == pytest.approx(0.5)
    fig.render()


def test_bar_bad_input():
    fig, ax = small()
    with pytest.raises(ValueError, match=r"x and height .* 3 and 2"):
        ax.bar([1, 2, 3], [1, 2])
    with pytest.raises(TypeError, match="height"):
        ax.bar([1, 2], "ab")
    with pytest.raises(ValueError, match="align"):
        ax.bar([1], [1], align="middle")
    with pytest.raises(ValueError, match="labels"):
        ax.bar([1, 2], [1, 2], label=["a"])


def test_bar_nan_heights_are_skipped():
    fig, ax = small()
    ax.bar([1, 2, 3], [1, np.nan, 3])
    fig.render()
    assert ax.get_ylim()[1] > 3


# -- hist -------------------------------------------------------------------------------------
def test_hist_matches_numpy():
    fig, ax = small()
    data = np.random.default_rng(0).normal(size=500)
    before = data.copy()
    n, bins, patches = ax.hist(data)
    en, ebins = np.histogram(data, bins=10)
    assert np.array_equal(n, en) and np.allclose(bins, ebins)
    assert isinstance(patches, BarContainer) and len(patches) == 10
    assert np.array_equal(data, before)
    assert ax.get_ylim()[0] == 0.0
    img = fig.render()
    i = int(np.argmax(n))
    assert close(px(fig, img, ax, (bins[i] + bins[i + 1]) / 2, n[i] / 2), C0)


@pytest.mark.parametrize("kwargs", [
    {"bins": 5, "range": (-1, 1)},
    {"bins": [-2, 0, 0.5, 3]},
    {"density": True},
    {"weights": "w"},
    {"bins": "auto"},
])
def test_hist_options_match_numpy(kwargs):
    rng = np.random.default_rng(1)
    data = rng.normal(size=300)
    if kwargs.get("weights") == "w":
        kwargs = {"weights": rng.random(300)}
    fig, ax = small()
    n, bins, _ = ax.hist(data, **kwargs)
    en, ebins = np.histogram(data, **{"bins": 10, **kwargs})
    assert np.allclose(n, en) and np.allclose(bins, ebins)


def test_hist_cumulative_and_nan_ignored():
    data = np.array([1.0, 2, 2, 3, np.nan, np.inf, 3, 3])
    fig, ax = small()
    n, bins, _ = ax.hist(data, bins=3, cumulative=True)
    en, ebins = np.histogram(data[np.isfinite(data)], bins=3)
    assert np.allclose(n, np.cumsum(en)) and np.allclose(bins, ebins)
    n2, _, _ = ax.hist(data, bins=3, cumulative=-1)
    assert np.allclose(n2, np.cumsum(en[::-1])[::-1])
    fig.render()


def test_hist_all_nan_and_empty():
    fig, ax = small()
    n, bins, _ = ax.hist([np.nan, np.nan])
    assert n.sum() == 0 and len(bins) == 11
    n, bins, _ = ax.hist([])
    assert n.sum() == 0
    fig.render()


def test_hist_multiple_datasets_side_by_side():
    rng = np.random.default_rng(2)
    a, b = rng.normal(size=200), rng.normal(1, 1, size=100)
    fig, ax = small()
    n, bins, patches = ax.hist([a, b], bins=8, label=["a", "b"])
    assert n.shape == (2, 8)
    edges = np.histogram_bin_edges(np.r_[a, b], 8)
    assert np.allclose(bins, edges)
    assert np.allclose(n[0], np.histogram(a, edges)[0])
    assert len(patches) == 2 and all(isinstance(p, BarContainer) for p in patches)
    w = np.diff(edges)[0]
    assert patches[0][0].get_width() == pytest.approx(0.8 * w / 2)
    assert patches[1][0].get_x() > patches[0][0].get_x()  # side by side
    assert close(patches[1][0].get_facecolor(), C1)
    ax.legend()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["a", "b"]
    fig.render()


def test_hist_2d_array_columns_and_stacked():
    rng = np.random.default_rng(3)
    data = rng.normal(size=(100, 2))
    fig, ax = small()
    n, bins, patches = ax.hist(data, bins=5, stacked=True)
    en0 = np.histogram(data[:, 0], bins)[0]
    en1 = np.histogram(data[:, 1], bins)[0]
    assert np.allclose(n[0], en0) and np.allclose(n[1], en0 + en1)
    assert patches[1][0].get_y() == n[0][0]  # stacked on the first
    fig.render()


def test_hist_step_types():
    data = np.random.default_rng(4).normal(size=300)
    fig, ax = small()
    n, bins, patches = ax.hist(data, histtype="step")
    assert isinstance(patches, list) and len(patches) == 1
    assert isinstance(patches[0], Polygon) and not patches[0].get_fill()
    n2, _, p2 = ax.hist(data, histtype="stepfilled", color="C1")
    assert p2[0].get_fill() and np.allclose(n, n2)
    assert ax.get_ylim()[0] == 0.0
    img = fig.render()
    i = int(np.argmax(n))
    assert close(px(fig, img, ax, (bins[i] + bins[i + 1]) / 2, n[i] / 3), C1)


def test_hist_horizontal():
    data = np.random.default_rng(5).normal(size=300)
    fig, ax = small()
    n, bins, patches = ax.hist(data, orientation="horizontal")
    assert patches.orientation == "horizontal"
    assert ax.get_xlim()[0] == 0.0
    fig.render()


def test_hist_bad_input():
    fig, ax = small()
    with pytest.raises(TypeError, match="x"):
        ax.hist("abc")
    with pytest.raises(ValueError, match=r"x and weights .* 3 and 2"):
        ax.hist([1, 2, 3], weights=[1, 2])
    with pytest.raises(ValueError, match="histtype"):
        ax.hist([1, 2], histtype="bars")
    with pytest.raises(ValueError, match="color"):
        ax.hist([[1, 2], [3, 4]], color="r")
    with pytest.raises(ValueError, match="bins"):
        ax.hist([1, 2], bins=0)


# -- errorbar ---------------------------------------------------------------------------------
def test_errorbar_container_and_pixels():
    fig, ax = small()
    x, y = np.arange(4.0), np.array([1.0, 2.0, 1.5, 3.0])
    yerr = np.array([0.5, 0.5, 0.5, 0.5])
    keep = (x.copy(), y.copy(), yerr.copy())
    eb = ax.errorbar(x, y, yerr=yerr, fmt="o", capsize=3, ecolor="C1", label="e")
    assert isinstance(eb, ErrorbarContainer)
    data_line, caplines, barlinecols = eb
    assert eb.lines == (data_line, caplines, barlinecols)
    assert data_line.get_label() == "e" and data_line.get_linestyle() == "None"
    assert len(caplines) == 2 and len(barlinecols) == 1
    assert isinstance(barlinecols[0], LineCollection)
    assert eb.has_yerr and not eb.has_xerr
    segs = barlinecols[0].get_segments()
    assert np.allclose(segs[0], [[0, 0.5], [0, 1.5]])
    assert all(np.array_equal(a, b) for a, b in zip(keep, (x, y, yerr), strict=True))
    lo, hi = ax.get_ylim()
    assert lo < 0.5 and hi > 3.5  # the bars take part in autoscaling
    img = fig.render()
    # on the bar, above the marker: snapped as Agg snaps it, its 1.67 pixels cover two
    # whole columns (the line is an even number of pixels wide: on a pixel edge)
    assert close(px(fig, img, ax, 1, 2.4), blend(C1, fig.points_to_pixels(1.5) / 2),
                 tol=0.04)


def test_errorbar_asymmetric_and_xerr():
    fig, ax = small()
    eb = ax.errorbar([1, 2], [1, 1], yerr=[[0.1, 0.2], [0.5, 0.6]], xerr=0.25, fmt="none")
    data_line, caplines, cols = eb
    assert data_line is None and len(cols) == 2 and caplines == ()
    xseg, yseg = cols[0].get_segments(), cols[1].get_segments()
    assert np.allclose(xseg[0], [[0.75, 1], [1.25, 1]])
    assert np.allclose(yseg[1], [[2, 0.8], [2, 1.6]])
    fig.render()


def test_errorbar_bad_input_and_nan():
    fig, ax = small()
    with pytest.raises(ValueError, match=r"x and y .* 3 and 2"):
        ax.errorbar([1, 2, 3], [1, 2])
    with pytest.raises(ValueError, match="yerr"):
        ax.errorbar([1, 2, 3], [1, 2, 3], yerr=[1, 2])
    with pytest.raises(ValueError, match="negative"):
        ax.errorbar([1, 2], [1, 2], yerr=[-1, 1])
    with pytest.raises(TypeError, match="yerr"):
        ax.errorbar([1, 2], [1, 2], yerr="a")
    ax.errorbar([1, 2, 3], [1, np.nan, 3], yerr=[np.nan, 1, 1], capsize=2)
    fig.render()


def test_errorbar_log_axis():
    fig, ax = small()
    ax.set_yscale("log")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ax.errorbar([1, 2], [1, 10], yerr=[2, 1])  # the first bar goes below 0
        fig.render()


# -- stem, hlines, vlines ---------------------------------------------------------------------
def test_stem_container():
    fig, ax = small()
    y = np.array([1.0, -2.0, 3.0])
    sc = ax.stem(y, label="s")
    assert isinstance(sc, StemContainer)
    markerline, stemlines, baseline = sc
    assert sc.markerline is markerline and sc.baseline is baseline
    assert np.allclose(markerline.get_ydata(), y)
    assert len(stemlines.get_segments()) == 3
    assert np.allclose(stemlines.get_segments()[1], [[1, 0], [1, -2]])
    assert close(baseline.get_color(), colors.to_rgba("C3"))
    img = fig.render()
    assert close(px(fig, img, ax, 2, 1.5), C0, tol=0.15)


def test_stem_formats_and_errors():
    fig, ax = small()
    sc = ax.stem([1, 2], [3, 4], linefmt="r--", markerfmt="gs", basefmt="k-", bottom=1)
    assert sc.markerline.get_color() == "g"  # as given, as matplotlib's
    assert sc.stemlines.get_linestyle() == "--"
    assert np.allclose(sc.baseline.get_ydata(), [1, 1])
    with pytest.raises(ValueError, match=r"3 and 2"):
        ax.stem([1, 2, 3], [1, 2])


def test_hlines_vlines():
    fig, ax = small()
    lc = ax.hlines([1, 2], 0, [3, 4], colors="C1")
    assert isinstance(lc, LineCollection) and len(lc.get_segments()) == 2
    ax.vlines(2, 0, 3, linestyles="dashed")
    fig.render()
    with pytest.raises(ValueError, match=r"y and xmax .* 2 and 3"):
        ax.hlines([1, 2], 0, [1, 2, 3])


# -- pcolormesh -------------------------------------------------------------------------------
def test_pcolormesh_colors_and_limits():
    fig, ax = small()
    C = np.array([[0.0, 1.0], [2.0, 3.0]])
    keep = C.copy()
    qm = ax.pcolormesh(C, cmap="viridis")
    assert isinstance(qm, QuadMesh)
    assert qm.get_clim() == (0.0, 3.0)
    assert ax.get_xlim() == (0.0, 2.0) and ax.get_ylim() == (0.0, 2.0)  # sticky: tight
    img = fig.render()
    cmap = colors.get_cmap("viridis")
    for (i, j), v in np.ndenumerate(C):
        assert close(px(fig, img, ax, j + 0.5, i + 0.5), cmap(v / 3.0), tol=0.03)
    assert np.array_equal(C, keep)
    cb = fig.colorbar(qm, ax=ax)
    assert cb.mappable is qm
    fig.render()


def test_pcolormesh_shadings_and_nan():
    fig, ax = small()
    x, y = np.arange(3.0), np.arange(4.0)
    C = np.arange(12.0).reshape(4, 3)
    C[1, 1] = np.nan
    qm = ax.pcolormesh(x, y, C)  # auto: centres -> nearest
    assert ax.get_xlim() == (-0.5, 2.5)
    img = fig.render()
    assert close(px(fig, img, ax, 1, 1), WHITE)  # NaN cell is transparent
    qm.set_clim(0, 100)
    g = ax.pcolormesh(x, y, np.ones((4, 3)), shading="gouraud")
    assert isinstance(g, QuadMesh)
    f = ax.pcolormesh(np.arange(4.0), np.arange(5.0), np.ones((4, 3)), shading="flat",
                      edgecolors="k", norm="log")
    assert f.norm.__class__.__name__ == "LogNorm"
    fig.render()


def test_pcolormesh_bad_input():
    fig, ax = small()
    with pytest.raises(ValueError, match=r"\(4, 3\)"):
        ax.pcolormesh(np.arange(3.0), np.arange(4.0), np.ones((4, 3)), shading="flat")
    with pytest.raises(ValueError, match="2-D"):
        ax.pcolormesh(np.ones(3))
    with pytest.raises(TypeError, match="C"):
        ax.pcolormesh([["a", "b"], ["c", "d"]])
    with pytest.raises(ValueError, match="shading"):
        ax.pcolormesh(np.ones((2, 2)), shading="smooth")
    with pytest.raises(ValueError, match="gouraud"):
        ax.pcolor(np.ones((2, 2)), shading="gouraud")


def test_pcolor_alias_and_dates():
    fig, ax = small()
    t = np.arange("2024-01-01", "2024-01-05", dtype="datetime64[D]")
    qm = ax.pcolor(t, np.arange(3.0), np.ones((2, 3)))
    assert isinstance(qm, QuadMesh) and ax.xaxis.is_date
    fig.render()


# -- contour ----------------------------------------------------------------------------------
def _field():
    x = np.linspace(-2, 2, 40)
    y = np.linspace(-1.5, 1.5, 30)
    xx, yy = np.meshgrid(x, y)
    return x, y, np.exp(-xx ** 2 - yy ** 2) - 0.5 * np.exp(-(xx - 1) ** 2 - yy ** 2)


def test_contour_levels_like_matplotlib():
    from lumos.plot.ticker import MaxNLocator

    x, y, z = _field()
    fig, ax = small()
    cs = ax.contour(x, y, z)
    assert isinstance(cs, ContourSet) and not cs.filled
    expected = MaxNLocator(8, min_n_ticks=1).tick_values(z.min(), z.max())
    expected = expected[(expected >= expected[expected <= z.min()].max()) &
                        (expected <= expected[expected >= z.max()].min())]
    assert np.allclose(cs.levels, expected)
    assert cs.norm.vmin == cs.levels[0] and cs.norm.vmax == cs.levels[-1]
    assert len(cs.collections) == len(cs.levels)
    assert ax.get_xlim() == (-2.0, 2.0)  # contour plots are tight
    fig.render()


def test_contour_negative_levels_dashed_when_single_colored():
    x, y, z = _field()
    fig, ax = small()
    cs = ax.contour(x, y, z, levels=[-0.2, 0.2, 0.5], colors="k")
    styles = [s for _, s in cs._level_style]
    assert styles == ["--", "-", "-"]
    cs2 = ax.contour(x, y, z, levels=[-0.2, 0.2])
    assert [s for _, s in cs2._level_style] == ["-", "-"]
    img = fig.render()
    dark = (img[..., :3].max(axis=2) < 80).sum()
    assert dark > 20


def test_contourf_fills_with_layer_colors():
    x, y, z = _field()
    fig, ax = small()
    cs = ax.contourf(x, y, z, levels=[-1, 0.5, 2], cmap="viridis")
    assert cs.filled and np.allclose(cs.layers, [-0.25, 1.25])
    img = fig.render()
    cmap = colors.get_cmap("viridis")
    inner = cmap(cs.norm(1.25))
    outer = cmap(cs.norm(-0.25))
    assert close(px(fig, img, ax, -0.3, 0.0), inner, tol=0.03)
    assert close(px(fig, img, ax, -1.9, 1.4), outer, tol=0.03)
    fig.colorbar(cs, ax=ax)
    fig.render()


def test_contour_z_only_nan_and_errors():
    z = np.random.default_rng(6).random((10, 12))
    z[3:5, 3:5] = np.nan
    fig, ax = small()
    cs = ax.contourf(z, 5)
    assert cs.filled
    ax.contour(z, levels=3, colors="k")
    fig.render()
    with pytest.raises(ValueError, match="increasing"):
        ax.contour(z, levels=[1, 0.5])
    with pytest.raises(ValueError, match="at least 2"):
        ax.contourf(z, levels=[0.5])
    with pytest.raises(ValueError, match=r"X and Z .* 5 x values for 12"):
        ax.contour(np.arange(5), np.arange(10), z)
    with pytest.raises(TypeError, match="Z"):
        ax.contour([["a", "b"], ["c", "d"]])


# -- quiver -----------------------------------------------------------------------------------
def test_quiver_draws_arrows():
    fig, ax = small()
    X, Y = np.meshgrid(np.arange(3.0), np.arange(3.0))
    U, V = np.ones_like(X), np.zeros_like(Y)
    keep = U.copy()
    q = ax.quiver(X, Y, U, V)
    assert isinstance(q, Quiver) and q.N == 9
    img = fig.render()
    assert q.scale is not None and q.scale > 0
    # black shafts just right of each tail
    fx, fy = ax.to_pixels(1, 1)
    h = img.shape[0]
    row = img[int(h - fy), int(fx) + 1:int(fx) + 12, :3]
    assert (row.max(axis=1) < 100).sum() >= 4
    assert np.array_equal(U, keep)


def test_quiver_xy_units_and_colors():
    fig, ax = small()
    q = ax.quiver([0, 1], [0, 0], [1, 0], [0, 1], [0.0, 1.0], angles="xy", scale_units="xy",
                  scale=1, cmap="viridis", width=0.03)
    assert q.get_array() is not None
    ax.set_xlim(-0.5, 1.5)
    ax.set_ylim(-0.5, 1.5)
    img = fig.render()
    cmap = colors.get_cmap("viridis")
    assert close(px(fig, img, ax, 0.5, 0.0), cmap(0.0), tol=0.1)  # along the first arrow
    assert close(px(fig, img, ax, 1.0, 0.5), cmap(1.0), tol=0.1)


def test_quiver_bad_input_and_nan():
    fig, ax = small()
    with pytest.raises(ValueError, match=r"X and U .* 3 and 2"):
        ax.quiver([0, 1, 2], [0, 1, 2], [1, 1], [1, 1, 1])
    with pytest.raises(TypeError, match="quiver"):
        ax.quiver([1])
    ax.quiver([0, 1, 2], [0, 1, 2], [1, np.nan, 1], [1, 1, np.nan])
    fig.render()


# -- annotate ---------------------------------------------------------------------------------
def test_annotate_text_and_arrow_follow_data():
    fig, ax = small()
    ax.plot([0, 10], [0, 10])
    a = ax.annotate("peak", xy=(5, 5), xytext=(2, 8), arrowprops=dict(arrowstyle="->"))
    assert isinstance(a, Annotation) and a.get_text() == "peak"
    fig.render()
    x0, y0 = a.pixel_position()
    assert np.allclose((x0, y0), ax.to_pixels(2, 8))
    ax.set_xlim(0, 20)
    img = fig.render()
    assert np.allclose(a.pixel_position(), ax.to_pixels(2, 8))
    # the arrow runs from below the text to xy: dark pixels just above the tip
    tip = np.array(ax.to_pixels(5, 5))
    h = img.shape[0]
    patch = img[int(h - tip[1]) - 12:int(h - tip[1]) - 4, int(tip[0]) - 8:int(tip[0]), :3]
    assert patch.min() < 100


def test_annotate_coordinates_and_clip():
    fig, ax = small()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    a = ax.annotate("o", xy=(0.5, 0.5), xytext=(10, 20), textcoords="offset points")
    fig.render()
    bx, by = ax.to_pixels(0.5, 0.5)
    x, y = a.pixel_position()
    assert np.allclose((x - bx, y - by), fig.points_to_pixels(np.array([10, 20])))
    b = ax.annotate("f", xy=(0.1, 0.9), xycoords="axes fraction",
                    arrowprops=dict(facecolor="k", shrink=0.05), xytext=(0.5, 0.5))
    assert not b._clipped()
    out = ax.annotate("x", xy=(5, 5))  # outside the axes: hidden like matplotlib
    fig.render()
    assert out._clipped()
    with pytest.raises(ValueError, match="textcoords"):
        ax.annotate("x", xy=(0, 0), textcoords="inches")
    with pytest.raises(TypeError, match="xy"):
        ax.annotate("x", xy=("a", 1))


# -- axhline, axvline, spans ------------------------------------------------------------------
def test_axhline_spans_axes_and_skips_x_autoscale():
    fig, ax = small()
    ax.plot([0, 1], [0, 1])
    xlim = ax.get_xlim()
    line = ax.axhline(2.0, color="C1", lw=2)
    assert ax.get_xlim() == xlim  # x unaffected
    assert ax.get_ylim()[1] > 2.0  # y includes the line
    img = fig.render()
    assert close(px(fig, img, ax, 0.01, 2.0 / 1, coords="data"), C1, tol=0.1)
    ax.set_xlim(-100, 100)
    img = fig.render()
    for fx in (0.02, 0.5, 0.98):
        fxp, _ = ax.to_pixels(fx, 0, coords="axes")
        _, fyp = ax.to_pixels(0, 2.0)
        h = img.shape[0]
        assert close(img[int(h - fyp), int(fxp), :3] / 255, C1, tol=0.1)
    assert isinstance(line, lumos.plot.lines.Line2D)


def test_axvline_partial_and_dashed():
    fig, ax = small()
    ax.plot([0, 1], [0, 1])
    line = ax.axvline(0.5, ymin=0.5, ymax=1.0, ls="--")
    assert line.get_linestyle() == "--"
    assert ax.get_ylim() == pytest.approx((-0.05, 1.05))
    img = fig.render()
    assert close(px(fig, img, ax, 0.5, 0.1), WHITE)  # below ymin: nothing


def test_axhspan_axvspan_colors():
    fig, ax = small()
    ax.plot([0, 10], [0, 10], color="k")
    hs = ax.axhspan(2, 4, color="C1", alpha=0.5)
    vs = ax.axvspan(6, 8)
    assert isinstance(hs, SpanRectangle) and isinstance(vs, SpanRectangle)
    assert hs.legend_patch()[0][3] == 0.5
    img = fig.render()
    assert close(px(fig, img, ax, 0.02, 3, coords="data"), blend(C1, 0.5), tol=0.06)
    assert close(px(fig, img, ax, 7, 9), C0)
    ax.set_xlim(-50, 50)
    img = fig.render()
    assert close(px(fig, img, ax, -45, 3), blend(C1, 0.5), tol=0.06)


def test_spans_are_rectangles_like_matplotlib():
    """matplotlib 3.9+ returns a Rectangle (one side in axes fraction): scripts move and
    resize it with Rectangle's setters, and the band is redrawn where they put it."""
    import matplotlib.pyplot as mplt
    got = []
    for _fig, ax in (small(), mplt.subplots()):
        ax.plot([0, 10], [0, 10])
        vs, hs = ax.axvspan(2, 3, ymin=0.1, ymax=0.9), ax.axhspan(6, 8, xmin=0.25)
        got.append([vs.get_xy(), vs.get_width(), vs.get_height(), hs.get_xy(),
                    hs.get_width(), hs.get_height()])
        vs.set_x(6)
        vs.set_width(2.5)
        vs.set_y(0.5)
        hs.set_xy((0.5, 1))
        hs.set_height(1.5)
        got.append([vs.get_xy(), vs.get_width(), vs.get_height(), hs.get_xy(),
                    hs.get_width(), hs.get_height(), *vs.get_corners(), *hs.get_corners()])
    mplt.close("all")
    flat = [np.hstack([np.ravel(v) for v in g]).astype(float) for g in got]
    assert len(flat[0]) == 8 and len(flat[1]) == 24
    assert flat[0] == pytest.approx(flat[2]) and flat[1] == pytest.approx(flat[3])
    fig, ax = small()
    ax.plot([0, 10], [0, 10], color="k")
    vs = ax.axvspan(2, 3, color="C1")
    vs.set_x(6)
    vs.set_width(2)
    vs.set_y(0.5)
    img = fig.render()
    assert close(px(fig, img, ax, 2.5, 8), WHITE)  # where it was: nothing
    assert close(px(fig, img, ax, 7, 8), C1)
    assert close(px(fig, img, ax, 7, 1), WHITE)  # below the new y (axes fraction 0.5)


def test_axline_bad_input():
    fig, ax = small()
    with pytest.raises(TypeError, match="y"):
        ax.axhline("a")
    with pytest.raises(ValueError, match="hlines"):
        ax.axhline([1, 2])
    with pytest.raises(TypeError, match="ymin"):
        ax.axhspan("a", 1)


# -- legends and generic behaviour -------------------------------------------------------------
def test_legend_shows_patch_boxes():
    fig, ax = small()
    ax.bar([1, 2], [1, 2], color="C1", label="bars")
    ax.fill_between([0, 3], [0, 0], [0.5, 0.5], color="C2", label="fill")
    ax.errorbar([1, 2], [1, 1], yerr=0.5, fmt="none", ecolor="C3", label="err")
    ax.legend(loc="upper left")
    # matplotlib's order: the artists, then the containers (bar, errorbar)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["fill", "bars", "err"]
    img = fig.render()
    found = [np.any(np.all(np.abs(img[..., :3] / 255 - np.asarray(c[:3])) < 0.03, axis=2))
             for c in (C1, colors.to_rgba("C2"))]
    assert all(found)


def test_every_patch_artist_has_legend_patch():
    fig, ax = small()
    x, y, z = _field()
    made = [ax.fill_between([0, 1], [0, 1]), ax.bar([1], [1]), ax.hist([1, 2])[2],
            ax.hist([1, 2], histtype="step")[2][0], ax.axhspan(0, 1),
            ax.pcolormesh(np.ones((2, 2))), ax.contourf(x, y, z), ax.quiver([1], [1])]
    for artist in made:
        face, edge = artist.legend_patch()
        assert len(face) == 4 and (edge is None or len(edge) == 4)


def test_remove_and_visibility():
    fig, ax = small()
    c = ax.fill_between([0, 1], [0, 0], [1, 1])
    bars = ax.bar([3], [1], color="C1")
    img = fig.render()
    assert close(px(fig, img, ax, 0.5, 0.5), C0)
    c.set_visible(False)
    bars.remove()
    img = fig.render()
    assert close(px(fig, img, ax, 0.5, 0.5), WHITE)
    assert close(px(fig, img, ax, 3, 0.5), WHITE)


def test_inputs_are_not_modified():
    rng = np.random.default_rng(7)
    arrays = [rng.random(20) for _ in range(4)]
    copies = [a.copy() for a in arrays]
    grid = rng.random((5, 6))
    gcopy = grid.copy()
    fig, ax = small()
    x, y, e, w = arrays
    ax.fill_between(x, y, e, where=y > 0.5, interpolate=True, step="mid")
    ax.bar(x, y, yerr=e)
    ax.hist(y, weights=w, bins=x[:5].copy() * 0 + np.arange(5))
    ax.errorbar(x, y, xerr=e, yerr=w)
    ax.stem(x, y)
    ax.pcolormesh(grid)
    ax.contourf(grid)
    ax.quiver(x, y, e, w)
    for a, b in zip(arrays, copies, strict=True):
        assert np.array_equal(a, b)
    assert np.array_equal(grid, gcopy)
    fig.render()


def test_symlog_axes_render():
    fig, ax = small()
    ax.bar([-2, -1, 1, 2], [-100, -1, 1, 100])
    ax.fill_between([-2, 2], [-50, -50], [50, 50], alpha=0.2)
    ax.set_yscale("symlog")
    ax.errorbar([0], [0], yerr=10, capsize=2)
    fig.render()


def test_clabel_and_log_contours():
    x = np.linspace(0.1, 3, 30)
    y = np.linspace(0.1, 2, 20)
    xx, yy = np.meshgrid(x, y)
    z = np.exp(3 * xx) * yy
    fig, ax = small()
    cs = ax.contourf(x, y, z, norm="log")
    assert np.allclose(np.log10(cs.levels), np.round(np.log10(cs.levels)))  # decades
    assert np.allclose(cs.layers, np.sqrt(cs.levels[:-1] * cs.levels[1:]))
    lines = ax.contour(x, y, z, levels=[10, 100], colors="k")
    texts = ax.clabel(lines, fmt="%g")
    assert texts and {t.get_text() for t in texts} <= {"10", "100"}
    fig.render()


def test_containers_as_legend_handles_and_horizontal_stem():
    fig, ax = small()
    bars = ax.bar([1, 2], [1, 2], color="C1")
    eb = ax.errorbar([1, 2], [1, 2], yerr=0.2, fmt="none", ecolor="C2")
    sc = ax.stem([1, 2], [0.5, 1.0], orientation="horizontal")
    assert np.allclose(sc.stemlines.get_segments()[0], [[0, 1], [0.5, 1]])
    ax.legend([bars, eb, sc], ["bars", "err", "stem"], loc="upper left")
    img = fig.render()
    for c in (C1, colors.to_rgba("C2")):  # 1.7 px lines: antialiased, maybe no pure pixel
        assert np.any(np.all(np.abs(img[..., :3] / 255 - np.asarray(c[:3])) < 0.2, axis=2))


@pytest.mark.parametrize("markerfmt, marker", [("", None), (" ", None), ("--", None),
                                                ("r", "o"), ("D", "D"), (None, "o")])
def test_stem_markerfmt_as_matplotlib(markerfmt, marker):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as mplt

    fig, ax = lumos.subplots()
    sc = ax.stem([1, 2], [3, 4], markerfmt=markerfmt)
    ours = sc.markerline.get_marker()
    theirs = mplt.stem([1, 2], [3, 4], markerfmt=markerfmt).markerline.get_marker()
    mplt.close("all")
    assert (ours in (None, "None", "", " ")) == (marker is None) == (theirs == "None")
    if marker is not None:
        assert ours == theirs == marker


def test_fmt_of_spaces_draws_nothing():
    fig, ax = lumos.subplots()
    (line,) = ax.plot([1, 2], [3, 4], " ")
    assert line.get_marker() in (None, "None", "") and line.get_linestyle() in ("None", "")
