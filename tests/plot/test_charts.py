"""pie, stackplot, stairs, eventplot, broken_barh, bar_label, axline: matplotlib's
geometry and return values, pictures, bad input."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest
from plot_helpers import px, small  # tests/plot/plot_helpers.py

import lumos
from lumos import colors
from lumos.plot.charts import PieContainer, StepPatch
from lumos.plot.patch_shapes import Wedge
from lumos.plot.path_collections import EventCollection, PolyCollection

matplotlib.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402


def close(rgb, color, tol=0.05) -> bool:
    return bool(np.all(np.abs(np.asarray(rgb)[:3] - np.asarray(colors.to_rgba(color))[:3])
                       <= tol))


# -- pie --------------------------------------------------------------------------------------
@pytest.mark.parametrize("kw", [{}, {"startangle": 90, "counterclock": False},
                                {"explode": (0, 0.1, 0, 0.2), "radius": 0.8},
                                {"normalize": False}])
def test_pie_wedges_and_texts_match_matplotlib(kw):
    x = [0.1, 0.2, 0.3, 0.15]
    fig, ax = small()
    ours = ax.pie(x, labels=list("abcd"), autopct="%1.1f%%", **kw)
    _, max_ = mplt.subplots()
    theirs = max_.pie(x, labels=list("abcd"), autopct="%1.1f%%", **kw)
    assert isinstance(ours, PieContainer)
    w, t, a = ours
    mw, mt, ma = theirs
    for o, m in zip(w, mw, strict=True):
        assert isinstance(o, Wedge)
        assert (o.theta1, o.theta2, o.r) == pytest.approx((m.theta1, m.theta2, m.r))
        assert o.center == pytest.approx(m.center)
        assert np.allclose(o.get_facecolor(), m.get_facecolor())
    for o, m in zip([*t, *a], [*mt, *ma], strict=True):
        assert o.get_text() == m.get_text()
        assert o.get_position() == pytest.approx(m.get_position())
    assert ax.get_xlim() == pytest.approx(max_.get_xlim())


def test_pie_draws_wedges_in_cycle_colors():
    fig, ax = small()
    ax.pie([1, 1, 1, 1], startangle=0)
    img = fig.render()
    assert close(px(img, ax, 0.5, 0.3), "C0")  # first quarter, counterclockwise
    assert close(px(img, ax, -0.5, 0.3), "C1")
    assert close(px(img, ax, -0.5, -0.3), "C2")
    assert close(px(img, ax, 0.5, -0.3), "C3")


def test_pie_container_unpacks_like_matplotlib():
    fig, ax = small()
    pc = ax.pie([1, 2])
    wedges, texts = pc
    assert len(wedges) == 2 and len(texts) == 2
    assert pc.fracs == pytest.approx([1 / 3, 2 / 3])
    assert len(ax.pie([1, 2], autopct="%d")) == 3


def test_pie_bad_input():
    fig, ax = small()
    with pytest.raises(ValueError, match="negative"):
        ax.pie([1, -1])
    with pytest.raises(ValueError, match="zero"):
        ax.pie([0, 0])
    with pytest.raises(ValueError, match="finite"):
        ax.pie([1, np.nan])
    with pytest.raises(ValueError, match="labels"):
        ax.pie([1, 2], labels=["a"])
    with pytest.raises(ValueError, match="normalize"):
        ax.pie([1, 2], normalize=False)
    with pytest.raises(TypeError, match="autopct"):
        ax.pie([1, 2], autopct=3)
    with pytest.raises(ValueError, match="radius"):
        ax.pie([1, 2], radius=0)


# -- stackplot ----------------------------------------------------------------------------------
@pytest.mark.parametrize("baseline", ["zero", "sym", "wiggle", "weighted_wiggle"])
def test_stackplot_matches_matplotlib(baseline):
    x = np.arange(6.0)
    y = np.array([[1, 2, 3, 2, 1, 1], [2, 1, 1, 3, 2, 1], [1, 1, 2, 1, 2, 3]], float)
    fig, ax = small()
    ours = ax.stackplot(x, y, baseline=baseline, labels=["a", "b", "c"])
    _, max_ = mplt.subplots()
    theirs = max_.stackplot(x, y, baseline=baseline, labels=["a", "b", "c"])
    for o, t in zip(ours, theirs, strict=True):
        tv = t.get_paths()[0].vertices
        ov = np.concatenate([p for p in o.get_paths()])
        assert ov[:, 1].min() == pytest.approx(tv[:, 1].min())
        assert ov[:, 1].max() == pytest.approx(tv[:, 1].max())
        assert np.allclose(o.get_facecolor()[0], t.get_facecolor()[0])
    assert ax.get_legend_handles_labels()[1] == ["a", "b", "c"]


# -- stairs ------------------------------------------------------------------------------------
@pytest.mark.parametrize("kw", [{}, {"baseline": None}, {"fill": True},
                                {"orientation": "horizontal"},
                                {"baseline": [0.5, 0, 0.5, 1]}])
def test_stairs_path_matches_matplotlib(kw):
    values, edges = np.array([1.0, 3, np.nan, 2]), np.array([0.0, 1, 2, 4, 5])
    fig, ax = small()
    ours = ax.stairs(values, edges, **kw)
    _, max_ = mplt.subplots()
    theirs = max_.stairs(values, edges, **kw)
    assert isinstance(ours, StepPatch)
    assert np.allclose(ours.get_path().vertices, theirs.get_path().vertices)
    assert list(ours.get_path().codes) == list(theirs.get_path().codes)
    fig.render()
    assert ax.get_ylim() == pytest.approx(max_.get_ylim())


def test_stairs_bad_input():
    fig, ax = small()
    with pytest.raises(ValueError, match="edges"):
        ax.stairs([1, 2], [0, 1])
    with pytest.raises(ValueError, match="edges"):
        ax.stairs([1, 2], [0, np.nan, 2])
    with pytest.raises(TypeError, match="values"):
        ax.stairs(["a", 1])


# -- eventplot and broken_barh ----------------------------------------------------------------
def test_eventplot_matches_matplotlib():
    pos = [[1.0, 2, 5], [0.5, 3], [4.0]]
    kw = {"colors": ["C0", "C1", "C2"], "lineoffsets": [1, 3, 4], "linelengths": 0.5}
    fig, ax = small()
    ours = ax.eventplot(pos, **kw)
    _, max_ = mplt.subplots()
    theirs = max_.eventplot(pos, **kw)
    for o, t in zip(ours, theirs, strict=True):
        assert isinstance(o, EventCollection)
        for a, b in zip(o.get_segments(), t.get_segments(), strict=True):
            assert np.allclose(a, b)
    fig.render()
    assert ax.get_ylim() == pytest.approx(max_.get_ylim())
    assert ax.get_xlim() == pytest.approx(max_.get_xlim())


def test_eventplot_bad_input():
    fig, ax = small()
    with pytest.raises(ValueError, match="lineoffsets"):
        ax.eventplot([[1], [2]], lineoffsets=[1, 2, 3])
    with pytest.raises(ValueError, match="colors"):
        ax.eventplot([[1], [2]], colors=["r", "g", "b"])
    with pytest.raises(ValueError, match="orientation"):
        ax.eventplot([1, 2], orientation="diagonal")


def test_broken_barh_matches_matplotlib():
    fig, ax = small()
    ours = ax.broken_barh([(10, 5), (20, 3)], (1, 2), facecolors=("C1", "C2"))
    _, max_ = mplt.subplots()
    theirs = max_.broken_barh([(10, 5), (20, 3)], (1, 2), facecolors=("C1", "C2"))
    assert isinstance(ours, PolyCollection)
    for a, b in zip(ours.get_paths(), theirs.get_paths(), strict=True):
        assert np.allclose(a.vertices[:4], b.vertices[:4])
    img = fig.render()
    assert close(px(img, ax, 12, 2), "C1")
    assert close(px(img, ax, 21, 2), "C2")
    with pytest.raises(ValueError, match="xranges"):
        ax.broken_barh([(1, 2, 3)], (0, 1))


# -- bar_label ----------------------------------------------------------------------------------
@pytest.mark.parametrize("kw", [{}, {"label_type": "center"}, {"padding": 3, "fmt": "{:.1f}"},
                                {"labels": ["x", "y", "z"]}])
def test_bar_label_matches_matplotlib(kw):
    def draw(ax):
        bars = ax.bar(["a", "b", "c"], [3, -2, 5], yerr=[0.5, 0.3, 0.4])
        return ax.bar_label(bars, **kw)

    fig, ax = small()
    ours = draw(ax)
    _, max_ = mplt.subplots()
    theirs = draw(max_)
    assert [t.get_text() for t in ours] == [t.get_text() for t in theirs]
    if kw.get("label_type") != "center":
        assert np.allclose([t.xy for t in ours], [t.xy for t in theirs])


# -- axline --------------------------------------------------------------------------------------
def test_axline_spans_the_view_and_sets_limits():
    fig, ax = small()
    line = ax.axline((0, 0), (1, 1), color="C3", lw=3)
    ax.set_xlim(-10, 10)
    ax.set_ylim(-10, 10)
    img = fig.render()
    for t in (-8, 0, 8):
        assert close(px(img, ax, t, t), "C3", tol=0.1)
    assert line.get_xy1() == (0, 0)
    fig2, ax2 = small()
    ax2.axline((0, 1), slope=2)
    with pytest.raises(TypeError, match="xy2"):
        ax2.axline((0, 0))
    with pytest.raises(TypeError, match="slope"):
        ax2.axline((0, 0), (1, 1), slope=1)
    ax2.set_yscale("log")
    with pytest.raises(TypeError, match="linear"):
        ax2.axline((1, 1), slope=1)


def test_axline_transform_places_the_points_in_axes_space():
    fig, ax = lumos.subplots(figsize=(3, 3), dpi=100)
    ax.plot([0, 10], [0, 100], "o", color="C0")
    limits = (ax.get_xlim(), ax.get_ylim())
    ax.axline((0, 0), (1, 1), transform=ax.transAxes, color=(1, 0, 0), lw=3)
    assert (ax.get_xlim(), ax.get_ylim()) == limits  # the points are not data
    for xlim in ((0, 10), (-50, 3)):  # the diagonal of the axes whatever the view
        ax.set_xlim(*xlim)
        img = fig.render()
        for f in (0.25, 0.5, 0.75):
            fx, fy = ax.to_pixels(f, f, coords="axes")
            r, g, b = img[int(img.shape[0] - fy), int(fx), :3]
            assert r > 200 and g < 80 and b < 80


def test_axline_transform_with_slope_keeps_the_slope_in_data_units():
    fig, ax = lumos.subplots(figsize=(3, 3), dpi=100)
    ax.set_xlim(0, 20)
    ax.set_ylim(0, 100)
    ax.axline((0, 0.5), slope=5, transform=ax.transAxes, color=(1, 0, 0), lw=3)
    img = fig.render()
    for x, y, on in ((4, 70, True), (8, 90, True), (4, 40, False), (8, 60, False)):
        fx, fy = ax.to_pixels(x, y)  # y = 50 + 5 x: through (0, 0.5) of the axes
        r, g, b = img[int(img.shape[0] - fy), int(fx), :3]
        assert (r > 200 and g < 80 and b < 80) == on
    with pytest.raises(TypeError, match="transform"):
        ax.axline((0, 0), (1, 1), transform="axes")
