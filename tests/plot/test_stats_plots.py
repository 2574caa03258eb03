"""boxplot/bxp, violinplot/violin and ecdf: matplotlib's numbers, artists and looks."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest

import lumos
from lumos import colors
from lumos.plot.lines import Line2D
from lumos.plot.patch_base import PathPatch
from lumos.plot.stats_plots import boxplot_stats, violin_stats

matplotlib.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402


def small():
    return lumos.subplots(figsize=(4, 3), dpi=80)


def data(seed=0):
    rng = np.random.default_rng(seed)
    d = [rng.normal(0, s, 60) for s in (1, 2, 3)]
    d[0] = np.r_[d[0], 6.0, -5.0]  # fliers
    return d


def xy(line):
    return np.c_[line.get_xdata(), line.get_ydata()]


@pytest.mark.parametrize("kw", [{}, {"whis": (5, 95)}, {"notch": True},
                                {"orientation": "horizontal"}, {"whis": 0.5},
                                {"showmeans": True, "meanline": True},
                                {"positions": [2, 4, 7], "widths": 0.3}])
def test_boxplot_artists_match_matplotlib(kw):
    fig, ax = small()
    ours = ax.boxplot(data(), **kw)
    _, max_ = mplt.subplots()
    theirs = max_.boxplot(data(), **kw)
    assert set(ours) == set(theirs)
    for key in ours:
        assert len(ours[key]) == len(theirs[key]), key
        for a, b in zip(ours[key], theirs[key], strict=True):
            assert isinstance(a, Line2D)
            assert np.allclose(xy(a), np.c_[b.get_xdata(), b.get_ydata()]), key
    fig.render()
    assert np.allclose(ax.get_xlim() if kw.get("orientation") != "horizontal"
                       else ax.get_ylim(),
                       max_.get_xlim() if kw.get("orientation") != "horizontal"
                       else max_.get_ylim())


def test_boxplot_stats_match_matplotlib():
    from matplotlib.cbook import boxplot_stats as mpl_stats

    for whis in (1.5, (10, 90)):
        ours = boxplot_stats(data(), whis=whis, labels=["a", "b", "c"])
        theirs = mpl_stats(data(), whis=whis, labels=["a", "b", "c"])
        for o, t in zip(ours, theirs, strict=True):
            for k in ("mean", "med", "q1", "q3", "iqr", "cilo", "cihi", "whislo", "whishi",
                      "label"):
                assert o[k] == pytest.approx(t[k]) if k != "label" else o[k] == t[k]
            assert np.allclose(np.sort(o["fliers"]), np.sort(t["fliers"]))


def test_boxplot_looks_like_matplotlib():
    fig, ax = small()
    out = ax.boxplot([[1, 2, 3, 4, 5, 6, 7, 8, 9]], tick_labels=["only"])
    assert out["medians"][0].get_color() in ("C1", colors.to_rgba("C1"))
    assert colors.to_rgba(out["boxes"][0].get_color()) == colors.to_rgba("black")
    fig.render()
    values, labels, _, _ = ax.xaxis.ticks()
    assert labels == ["only"] and values.tolist() == [1.0]
    assert ax.get_xlim() == pytest.approx((0.5, 1.5))


def test_boxplot_patch_artist_and_labels():
    fig, ax = small()
    out = ax.boxplot(data(), patch_artist=True, label=["x", "y", "z"],
                     boxprops={"facecolor": "C2"})
    assert all(isinstance(b, PathPatch) for b in out["boxes"])
    assert np.allclose(out["boxes"][0].get_facecolor(), colors.to_rgba("C2"))
    _, labels = ax.get_legend_handles_labels()
    assert labels == ["x", "y", "z"]
    img = fig.render()
    assert img.shape[2] == 4


def test_boxplot_missing_values_left_out_and_input_untouched():
    fig, ax = small()
    d = np.array([1.0, 2, np.nan, 3, 4, np.inf, 5])
    before = d.copy()
    m = np.ma.masked_array([1.0, 2, 99, 3, 4, 5], mask=[0, 0, 1, 0, 0, 0])
    out = ax.boxplot([d, m])
    assert out["medians"][0].get_ydata()[0] == pytest.approx(3.0)
    assert out["medians"][1].get_ydata()[0] == pytest.approx(3.0)
    assert np.array_equal(d, before, equal_nan=True)


def test_boxplot_bad_input():
    fig, ax = small()
    with pytest.raises(ValueError, match="positions"):
        ax.boxplot(data(), positions=[1, 2])
    with pytest.raises(ValueError, match="tick_labels"):
        ax.boxplot(data(), tick_labels=["a"])
    with pytest.raises(ValueError, match="whis"):
        ax.boxplot(data(), whis="far")
    with pytest.raises(ValueError, match="orientation"):
        ax.boxplot(data(), orientation="diagonal")
    with pytest.raises(TypeError, match="x"):
        ax.boxplot([["a", "b"]])
    with pytest.raises(ValueError, match="bxpstats"):
        ax.bxp([{"med": 1}])


def test_bxp_from_stats():
    fig, ax = small()
    stats = [{"med": 2, "q1": 1, "q3": 3, "whislo": 0, "whishi": 4, "fliers": [5, -1],
              "label": "s"}]
    out = ax.bxp(stats)
    assert xy(out["whiskers"][1]).tolist() == [[1, 3], [1, 4]]
    assert out["fliers"][0].get_ydata().tolist() == [5, -1]


# -- violins -------------------------------------------------------------------------------
def test_violin_stats_match_matplotlib():
    from matplotlib.cbook import violin_stats as mpl_violin_stats
    from matplotlib.mlab import GaussianKDE

    for bw in (None, "silverman", 0.3):
        ours = violin_stats(data(), bw_method=bw, points=50, quantiles=[[0.1, 0.9]] * 3)

        def kde(x, coords, bw=bw):
            return GaussianKDE(x, bw).evaluate(coords)

        theirs = mpl_violin_stats(data(), kde, points=50, quantiles=[[0.1, 0.9]] * 3)
        for o, t in zip(ours, theirs, strict=True):
            assert np.allclose(o["vals"], t["vals"])
            assert np.allclose(o["coords"], t["coords"])
            assert np.allclose(o["quantiles"], t["quantiles"])
            assert o["median"] == pytest.approx(t["median"])


def test_violinplot_bodies_and_lines_match_matplotlib():
    kw = {"showmeans": True, "showmedians": True, "quantiles": [[0.25, 0.75]] * 3}
    fig, ax = small()
    ours = ax.violinplot(data(), **kw)
    _, max_ = mplt.subplots()
    theirs = max_.violinplot(data(), **kw)
    assert set(ours) == set(theirs)
    for o, t in zip(ours["bodies"], theirs["bodies"], strict=True):
        ov = np.concatenate(o.get_paths()) if isinstance(o.get_paths()[0], np.ndarray) else \
            o.get_paths()[0].vertices
        tv = t.get_paths()[0].vertices
        assert np.allclose(np.sort(ov[np.isfinite(ov).all(axis=1)], axis=0)[:, 0].min(),
                           tv[:, 0].min())
        assert np.allclose(ov[np.isfinite(ov).all(axis=1)][:, 0].max(), tv[:, 0].max())
        assert np.allclose(o.get_facecolor()[0], t.get_facecolor()[0])
    for key in ("cmeans", "cmins", "cmaxes", "cbars", "cmedians", "cquantiles"):
        for a, b in zip(ours[key].get_segments(), theirs[key].get_segments(), strict=True):
            assert np.allclose(a, b), key


def test_violinplot_bad_input_and_empty():
    fig, ax = small()
    with pytest.raises(ValueError, match="quantiles"):
        ax.violinplot(data(), quantiles=[[1.5]] * 3)
    with pytest.raises(ValueError, match="bw_method"):
        ax.violinplot(data(), bw_method="wide")
    with pytest.raises(ValueError, match="points"):
        ax.violinplot(data(), points=1)
    with pytest.raises(ValueError, match="side"):
        ax.violinplot(data(), side="left")
    out = ax.violinplot([[1.0, 2.0, 3.0], [np.nan, np.nan]])
    assert len(out["bodies"]) == 2
    fig.render()


# -- ecdf -----------------------------------------------------------------------------------
@pytest.mark.parametrize("kw", [{}, {"complementary": True}, {"orientation": "horizontal"},
                                {"compress": True}, {"weights": np.arange(1.0, 9.0)}])
def test_ecdf_matches_matplotlib(kw):
    x = np.array([3.0, 1, 2, 2, 5, 4, 4, 4])
    fig, ax = small()
    line = ax.ecdf(x, **kw)
    _, max_ = mplt.subplots()
    ref = max_.ecdf(x, **kw)
    assert np.allclose(line.get_xdata(), ref.get_xdata())
    assert np.allclose(line.get_ydata(), ref.get_ydata())


def test_ecdf_rejects_nan_and_masked():
    fig, ax = small()
    with pytest.raises(ValueError, match="NaN"):
        ax.ecdf([1.0, np.nan])
    with pytest.raises(ValueError, match="masked"):
        ax.ecdf(np.ma.masked_array([1.0, 2.0], mask=[0, 1]))
    with pytest.raises(TypeError, match="drawstyle"):
        ax.ecdf([1, 2], drawstyle="steps")
