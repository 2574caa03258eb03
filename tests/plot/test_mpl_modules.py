"""matplotlib's module names under lumos (``lumos.ticker``, ``lumos.dates``, ``lumos.cm``,
``lumos.patheffects``, ``lumos.transforms.blended_transform_factory``) and
``contour(cs)`` over a filled contour set: scripts written for ``matplotlib.X`` run with
``lumos.X``."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

import lumos
import lumos.cm as cm
import lumos.dates as mdates
import lumos.patheffects as pe
import lumos.ticker as mticker
import lumos.transforms as mtransforms
from lumos.plot import dates as plot_dates
from lumos.plot import ticker as plot_ticker


def small():
    fig, ax = lumos.subplots(figsize=(4, 3), dpi=100)
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 5)
    fig.draw()
    return fig, ax


def test_ticker_and_dates_are_lumos_objects_under_matplotlib_names():
    assert mticker.MultipleLocator is plot_ticker.MultipleLocator
    assert mdates.DateFormatter is plot_dates.DateFormatter
    assert set(mticker.__all__) <= set(dir(mticker))
    fig, ax = small()
    ax.xaxis.set_major_locator(mticker.MultipleLocator(2.5))
    ax.yaxis.set_major_formatter(mticker.StrMethodFormatter("{x:.1f} m"))
    fig.draw()
    # matplotlib's: the locator's every tick, one beyond each end of the view
    np.testing.assert_allclose(ax.get_xticks(), [-2.5, 0, 2.5, 5, 7.5, 10, 12.5])
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[:2] == ["0.0 m", "1.0 m"]
    day = dt.datetime(2020, 1, 2)
    assert mdates.date2num(day) == pytest.approx(18263.0)  # days since 1970, as matplotlib


def test_cm_names_are_the_colormaps():
    assert cm.viridis is lumos.colors.colormaps["viridis"] or \
        np.allclose(cm.viridis(0.5), lumos.colors.colormaps["viridis"](0.5))
    np.testing.assert_allclose(cm.viridis(0.0), (0.267004, 0.004874, 0.329415, 1.0),
                               atol=1 / 255)  # stored as 8-bit tables
    assert cm.get_cmap("magma").name == "magma"
    with pytest.raises(AttributeError):
        cm.no_such_map  # noqa: B018


def test_patheffects_stroke_draws_a_halo_around_the_text():
    def draw(effects):
        fig, ax = lumos.subplots(figsize=(2, 1), dpi=100)
        ax.set_axis_off()
        ax.text(0.5, 0.5, "HALO", fontsize=20, ha="center", va="center", color="k",
                transform=ax.transAxes, path_effects=effects)
        return fig.render()[..., :3].astype(int)

    plain = draw(None)
    halo = draw([pe.withStroke(linewidth=4, foreground="red")])
    red = (halo[..., 0] > 200) & (halo[..., 1] < 80) & (halo[..., 2] < 80)
    assert red.sum() > 200  # an outline of red around the letters
    assert not ((plain[..., 0] > 200) & (plain[..., 1] < 80)).any()
    dark = (halo.sum(axis=-1) < 150).sum()
    assert dark > 0.5 * (plain.sum(axis=-1) < 150).sum()  # withStroke keeps the text
    assert isinstance(pe.withStroke(), pe.Stroke)


def test_blended_transform_x_in_data_y_in_axes_fraction():
    fig, ax = small()
    trans = mtransforms.blended_transform_factory(ax.transData, ax.transAxes)
    assert mtransforms.blended_transform_factory(ax.transData, ax.transData) is ax.transData
    pts = np.array([[2.0, 0.5], [10.0, 1.0]])
    want = np.c_[ax.transData.forward(pts)[:, 0], ax.transAxes.forward(pts)[:, 1]]
    np.testing.assert_allclose(trans.transform(pts), want)
    np.testing.assert_allclose(trans.inverted().transform(want), pts, atol=1e-9)
    assert trans.inverted().inverted() is trans
    ax.set_xlim(0, 20)  # live: the blend follows its parts
    np.testing.assert_allclose(trans.transform(pts)[1, 0], ax.transData.forward(pts)[1, 0])
    with pytest.raises(TypeError, match="y_transform"):
        mtransforms.Blended(ax.transData, "axes")


def test_line_through_a_blended_transform_spans_the_axes_height():
    fig, ax = small()
    trans = mtransforms.blended_transform_factory(ax.transData, ax.transAxes)
    ax.plot([5, 5], [0, 1], transform=trans, color="red", linewidth=2)
    rgb = fig.render()[..., :3].astype(int)
    red = (rgb[..., 0] > 200) & (rgb[..., 1] < 90) & (rgb[..., 2] < 90)
    rows, cols = np.nonzero(red)
    bx, by, bw, bh = ax.box
    height = rgb.shape[0]
    assert abs(cols.mean() - (bx + bw / 2)) < 1.5  # x = 5 in data: the middle
    # y from 0 to 1 in axes fraction: the whole box height (image rows run downwards)
    assert rows.min() == pytest.approx(height - (by + bh), abs=2)
    assert rows.max() == pytest.approx(height - by, abs=2)


def test_contour_over_a_contour_set_uses_its_grid_and_levels():
    y, x = np.mgrid[-2:2:40j, -3:3:50j]
    z = np.exp(-(x**2 + y**2)) - 0.5 * np.exp(-((x - 1) ** 2 + y**2))
    fig, ax = lumos.subplots()
    cs = ax.contourf(x, y, z, levels=[-0.4, -0.2, 0, 0.2, 0.4, 0.6, 0.8], extend="both")
    lines = ax.contour(cs, colors="k", linewidths=0.5)
    np.testing.assert_allclose(lines.levels, cs.levels)
    direct = ax.contour(x, y, z, levels=cs.levels)
    for a, b in zip(lines.allsegs, direct.allsegs, strict=True):
        assert len(a) == len(b)
        for sa, sb in zip(a, b, strict=True):
            np.testing.assert_allclose(sa, sb)
    assert len(ax.contour(cs, [0.0]).levels) == 1  # levels given: those


def test_contourf_hatches_fill_their_levels_only():
    y, x = np.mgrid[-1:1:41j, -1:1:41j]
    z = x  # left half below 0, right half above
    fig, ax = lumos.subplots(figsize=(3, 3), dpi=100)
    cs = ax.contourf(x, y, z, levels=[-1, 0, 1], colors="none", hatches=["//", None])
    assert len(cs.hatch_collections) == 1  # None: the second level stays plain
    img = fig.render()[..., :3].astype(int)
    bx, by, bw, bh = ax.box
    h = img.shape[0]
    rows = slice(int(h - by - bh) + 5, int(h - by) - 5)
    left = img[rows, int(bx) + 5:int(bx + bw / 2) - 5]
    right = img[rows, int(bx + bw / 2) + 5:int(bx + bw) - 5]
    dark = lambda a: (a.sum(axis=-1) < 300).mean()  # noqa: E731
    assert dark(left) > 0.05 and dark(right) == 0.0
    with pytest.raises(TypeError, match="hatches"):
        ax.contour(x, y, z, hatches=["//"])
    with pytest.raises(TypeError, match="hatches"):
        ax.contourf(x, y, z, hatches="//")
    cs.remove()
    assert not any(c in ax.artists for c in cs.hatch_collections)


def test_contour_levels_from_a_locator_as_matplotlib():
    x, y = np.meshgrid(np.linspace(-3.0, 3.0, 100), np.linspace(-2.0, 2.0, 100))
    z = np.exp(-x**2 - y**2) + 50 * np.exp(-(x * 10) ** 2 - (y * 10) ** 2)
    fig, ax = lumos.subplots()
    # matplotlib 3.11's levels for the same calls; a LogLocator makes the norm log
    cs = ax.contourf(x, y, z, locator=mticker.LogLocator())
    np.testing.assert_allclose(cs.levels, 10.0 ** np.arange(-6, 3))
    assert type(cs.norm).__name__ == "LogNorm"
    lines = ax.contour(x, y, z, locator=mticker.MaxNLocator(4))
    np.testing.assert_allclose(lines.levels, [0, 15, 30, 45])
    with pytest.raises(TypeError, match="locator"):
        ax.contour(x, y, z, locator="log")
