"""matshow, spy, pcolorfast, table and errorbar limits against matplotlib, and the
pyplot wrappers of the plot types."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest
from plot_helpers import png_pixels, px, small  # tests/plot/plot_helpers.py

import lumos.pyplot as plt
from lumos import colors
from lumos.plot.collections import QuadMesh
from lumos.plot.image import AxesImage
from lumos.plot.lines import Line2D
from lumos.plot.table import Table

matplotlib.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402


def test_matshow_is_an_upper_origin_image_with_ticks_on_top():
    fig, ax = small()
    a = np.arange(12.0).reshape(3, 4)
    im = ax.matshow(a)
    assert isinstance(im, AxesImage)
    assert ax.xaxis.ticks_position == "top"
    _, max_ = mplt.subplots()
    max_.matshow(a)
    assert ax.get_ylim() == pytest.approx(max_.get_ylim())
    assert ax.get_xlim() == pytest.approx(max_.get_xlim())
    im2 = plt.matshow(np.zeros((2, 8)))
    assert tuple(plt.gcf().get_size_inches()) == pytest.approx(
        tuple(mplt.figaspect(np.zeros((2, 8)))))
    assert isinstance(im2, AxesImage)


def test_spy_image_and_markers():
    rng = np.random.default_rng(0)
    z = rng.random((12, 9))
    z[z < 0.6] = 0
    fig, ax = small()
    im = ax.spy(z)
    img = fig.render()
    r, c = np.argwhere(z > 0)[0]
    assert np.all(px(img, ax, c, r) < 0.1)  # a nonzero cell is black
    r0, c0 = np.argwhere(z == 0)[0]
    assert np.all(px(img, ax, c0, r0) > 0.9)
    assert isinstance(im, AxesImage)
    fig2, ax2 = small()
    line = ax2.spy(z, markersize=4, precision=0.8)
    _, max_ = mplt.subplots()
    mline = max_.spy(z, markersize=4, precision=0.8)
    assert isinstance(line, Line2D)
    assert np.array_equal(line.get_xdata(), mline.get_xdata())
    assert np.array_equal(line.get_ydata(), mline.get_ydata())
    assert ax2.get_ylim() == pytest.approx(max_.get_ylim())
    with pytest.raises(ValueError, match="Z"):
        ax2.spy(np.zeros(5))


def test_pcolorfast_image_or_mesh():
    fig, ax = small()
    c = np.arange(12.0).reshape(3, 4)
    im = ax.pcolorfast(c)
    assert isinstance(im, AxesImage) and im.get_extent() == (0, 4, 0, 3)
    img = fig.render()
    top = px(img, ax, 3.5, 2.5)
    bottom = px(img, ax, 0.5, 0.5)
    assert not np.allclose(top, bottom)  # C[0] is the bottom row
    assert np.allclose(bottom, colors.get_cmap("viridis")(0.0)[:3], atol=0.05)
    mesh = ax.pcolorfast([0, 1, 3, 4, 8], [0, 1, 2, 5], c)
    assert isinstance(mesh, QuadMesh)
    im2 = ax.pcolorfast((0, 8), (0, 5), c)
    assert im2.get_extent() == (0, 8, 0, 5)
    with pytest.raises(TypeError, match="pcolorfast"):
        ax.pcolorfast(c, c)


def test_table_cells_like_matplotlib():
    kw = {"cellText": [["1", "2"], ["3", "4"]], "rowLabels": ["r1", "r2"],
          "colLabels": ["a", "b"], "loc": "upper center",
          "cellColours": [["w", "#ff0000"], ["w", "w"]]}
    fig, ax = small()
    t = ax.table(**kw)
    _, max_ = mplt.subplots()
    mt = max_.table(**kw)
    assert isinstance(t, Table)
    assert sorted(t.get_celld()) == sorted(mt.get_celld())
    assert t[1, 1].get_text().get_text() == mt[1, 1].get_text().get_text()
    img = fig.render()
    cell = t[1, 1]
    x = cell.get_x() + cell.get_width() / 2
    y = cell.get_y() + cell.get_height() / 2
    fx, fy = ax.transAxes.forward(np.array([[x, y]]))[0]
    rgb = img[int(img.shape[0] - fy), int(fx) + 2, :3] / 255.0
    assert np.allclose(rgb, (1, 0, 0), atol=0.1)
    with pytest.raises(ValueError, match="cellText"):
        ax.table()
    with pytest.raises(ValueError, match="rowLabels"):
        ax.table(cellText=[["1"]], rowLabels=["a", "b"])
    with pytest.raises(ValueError, match="loc"):
        ax.table(cellText=[["1"]], loc="somewhere")


def test_table_is_laid_out_as_matplotlib_lays_it_out():
    """matplotlib's gallery font_table: tight_layout makes room for the row labels
    outside the axes (measured once, where the axes stand), and the rows, axes
    fractions, grow with the axes (47.8 mean abs diff to matplotlib's picture before:
    the axes 9 px too far left and the rows 2 px short)."""
    def make(pyplot):
        fig, ax = pyplot.subplots(figsize=(8, 4))
        ax.set_axis_off()
        t = ax.table(cellText=[["a"] * 16] * 16, rowLabels=["00"] * 16,
                     colLabels=list("0123456789ABCDEF"), loc="upper left")
        fig.tight_layout()
        return fig, ax, t

    fig, ax, t = make(plt)
    mfig, max_, mt = make(mplt)
    mfig.canvas.draw()
    assert ax.get_position().bounds == pytest.approx(max_.get_position().bounds, abs=1e-3)
    fig.render()
    renderer = mfig.canvas.get_renderer()
    for key in [(0, 0), (1, -1), (16, 15)]:
        (x0, y0), (x1, y1) = t._cell_pixels(t[key])
        want = mt[key].get_window_extent(renderer)
        assert (x0, y0, x1, y1) == pytest.approx(
            (want.x0, want.y0, want.x1, want.y1), abs=0.5), key


class _Texts:
    """An overlay that keeps where the texts drawn into it stand."""

    def __init__(self) -> None:
        self.at: dict = {}

    def text(self, s, x, y, *args, **kwargs) -> None:
        self.at[s] = (x, y)

    def rect(self, *args) -> None:
        pass

    def line(self, *args) -> None:
        pass


def test_table_texts_stand_where_matplotlib_puts_them():
    """A cell's text is placed in the cell's box as it is, not in the pixel-snapped
    rectangle Agg draws (matplotlib's ``_set_text_position``): left, centre and right
    aligned texts within 0.01 px of matplotlib's (up to 0.5 px off before)."""
    def make(pyplot):
        fig, ax = pyplot.subplots(figsize=(4.13, 2.07), dpi=100)
        t = ax.table(cellText=[["c", "r"]], rowLabels=["l"], colLabels=["h0", "h1"],
                     colLoc="center", loc="upper left")
        t[1, 0].get_text().set_horizontalalignment("center")
        return fig, t

    fig, t = make(plt)
    mfig, mt = make(mplt)
    mfig.canvas.draw()
    fig.render()
    texts = _Texts()
    t.draw_overlay(texts)
    for key in [(0, 0), (1, -1), (1, 0), (1, 1)]:
        want = mt[key].get_text()
        assert texts.at[want.get_text()] == pytest.approx(want.get_position(), abs=0.01), key


def _table_picture(pyplot) -> np.ndarray:
    fig, ax = pyplot.subplots(figsize=(4, 2), dpi=100)
    ax.set_axis_off()
    ax.table(cellText=[[""] * 6] * 5, rowLabels=["r"] * 5, colLabels=list("abcdef"),
             rowColours=["palegreen"] * 5, cellColours=[[".95"] * 6] * 5, loc="upper left")
    fig.tight_layout()
    return png_pixels(fig, pyplot)


def test_table_cells_snap_to_pixels_as_agg():
    """A cell is a rectilinear patch, its corners on the pixel grid as Agg snaps them:
    the edges where matplotlib draws them (mean abs diff 8.9 unsnapped, 1.7 snapped;
    gallery font_table 13.4 -> 5.6)."""
    assert np.abs(_table_picture(plt) - _table_picture(mplt)).mean() < 3.0


@pytest.mark.parametrize("kw", [{"uplims": True}, {"lolims": True, "capsize": 3},
                                {"uplims": [True, False] * 3, "lolims": [False, True] * 3},
                                {"xlolims": True, "xerr": 0.2}])
def test_errorbar_limits_match_matplotlib(kw):
    x = np.arange(6.0)
    y = np.sin(x)
    kw = {"yerr": 0.3, **kw} if "xerr" not in kw else kw
    fig, ax = small()
    eb = ax.errorbar(x, y, **kw)
    _, max_ = mplt.subplots()
    meb = max_.errorbar(x, y, **kw)
    for ours, theirs in zip(eb.lines[2], meb.lines[2], strict=True):
        for a, b in zip(ours.get_segments(), theirs.get_segments(), strict=True):
            assert np.allclose(a, b)
    ours_pts = sorted(map(tuple, np.concatenate(
        [np.c_[c.get_xdata(), c.get_ydata()] if hasattr(c, "get_xdata") else c.get_offsets()
         for c in eb.lines[1]])))
    theirs_pts = sorted(map(tuple, np.concatenate(
        [np.c_[c.get_xdata(), c.get_ydata()] for c in meb.lines[1]])))
    assert np.allclose(ours_pts, theirs_pts)
    img = fig.render()
    assert img[..., :3].min() < 150
    with pytest.raises(ValueError, match="uplims"):
        ax.errorbar(x, y, yerr=0.1, uplims=[True, False])


def test_pyplot_wraps_every_plot_type():
    rng = np.random.default_rng(1)
    plt.figure()
    plt.boxplot(rng.normal(size=(20, 3)))
    plt.violinplot(rng.normal(size=(20, 3)))
    plt.pie([1, 2])
    plt.figure()
    plt.hexbin(rng.random(50), rng.random(50), gridsize=5)
    plt.hist2d(rng.random(50), rng.random(50))
    plt.psd(rng.random(300))
    plt.stairs([1, 2, 3])
    plt.eventplot([1, 2, 3])
    plt.stackplot([1, 2, 3], [1, 2, 3])
    plt.axline((0, 0), slope=1)
    plt.ecdf([1, 2, 3])
    plt.tricontourf([0, 1, 0, 1], [0, 0, 1, 1], [0, 1, 2, 3])
    names = ("acorr", "bar_label", "barbs", "broken_barh", "clabel", "cohere", "csd",
             "fill_betweenx", "hlines", "magnitude_spectrum", "pcolor", "quiverkey",
             "specgram", "spy", "streamplot", "table", "tricontour", "tripcolor", "triplot",
             "vlines", "xcorr", "matshow", "angle_spectrum", "phase_spectrum", "pie_label")
    assert all(callable(getattr(plt, n)) for n in names)
    plt.gcf().render()
