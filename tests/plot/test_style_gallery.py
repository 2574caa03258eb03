"""matplotlib's gallery section style_sheets (style_sheets_reference.py): every bundled
style sets matplotlib's values, 'CN' names the style's colors, an annotation's arrow
takes the style's colors, and constrained layouts make room for unclipped patches."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

import lumos.pyplot as plt
from lumos import colors
from lumos.plot import stylesheets
from lumos.plot.style import rcParams

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.colors as mcolors  # noqa: E402
import matplotlib.pyplot as mplt  # noqa: E402


def _same_value(a, b) -> bool:
    try:
        if bool(a == b):
            return True
    except (TypeError, ValueError):
        pass
    try:
        return mcolors.to_rgba(a) == mcolors.to_rgba(b)
    except (TypeError, ValueError):
        pass
    if hasattr(a, "by_key"):
        return [mcolors.to_rgba(c) for c in a.by_key()["color"]] == \
            [mcolors.to_rgba(c) for c in b.by_key()["color"]]
    try:
        return np.allclose(np.asarray(a, float), np.asarray(b, float))
    except (TypeError, ValueError):
        return False


@pytest.mark.parametrize("name", sorted(mpl.style.available))
def test_every_bundled_style_sets_matplotlibs_values_and_draws(name):
    """'classic' wrote axes.formatter.limits as the text '-7, 7': axes could not be
    made under it."""
    keys = [k for k in stylesheets.read_style_file(stylesheets._sheets()[name])
            if k in rcParams and k not in stylesheets._SKIPPED and not k.startswith("ps.")]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with mpl.style.context(name), plt.style.context(name):
            differ = [k for k in keys if not _same_value(mpl.rcParams[k], rcParams[k])]
            fig, ax = plt.subplots(figsize=(2, 2), dpi=40)
            ax.plot([0, 1e6], [0, 1e-6])
            fig.canvas.draw()
    assert not differ, [(k, mpl.rcParams[k], rcParams[k]) for k in differ]


def test_cycle_colors_name_the_styles_colors():
    """ax.bar(..., color='C2') under a style is the style's third color (matplotlib
    reads 'CN' from the current axes.prop_cycle), tab10's again after it."""
    tab_c2 = colors.to_rgba("C2")
    with mpl.style.context("classic"), plt.style.context("classic"):
        assert colors.to_rgba("C2") == mcolors.to_rgba("C2") == (1.0, 0.0, 0.0, 1.0)
        bar = plt.subplots()[1].bar([0], [1], color="C2")[0]
        circle = plt.Circle((0, 0), 1)
        mcircle = mplt.Circle((0, 0), 1)
    assert colors.to_rgba("C2") == tab_c2 == mcolors.to_rgba("C2")
    assert tuple(map(float, bar.get_facecolor())) == (1.0, 0.0, 0.0, 1.0)
    with plt.rc_context({"axes.prop_cycle": plt.cycler(linestyle=["-", ":"])}):
        assert colors.to_rgba("C3") == (0.0, 0.0, 0.0, 1.0)  # no colors: 'k', as matplotlib
    fig, ax = plt.subplots(figsize=(1, 1), dpi=50)
    ax.add_patch(circle)  # made under classic (face 'C0': blue), drawn after it
    ax.set_xlim(-0.5, 0.5)
    ax.set_ylim(-0.5, 0.5)
    fig.canvas.draw()
    img = np.asarray(fig.canvas.buffer_rgba())
    h, w = img.shape[:2]
    assert tuple(img[h // 2, w // 2, :3]) == tuple(
        round(255 * v) for v in mcircle.get_facecolor()[:3])


def test_annotation_arrow_takes_the_styles_edge_color():
    """dark_background's patch.edgecolor is white: matplotlib's arrow is white, even when
    the figure is drawn after the style's block ended."""
    props = {"arrowstyle": "->"}
    with mpl.style.context("dark_background"), plt.style.context("dark_background"):
        ann = plt.subplots()[1].annotate("a", xy=(0.2, 0.2), xytext=(0.8, 0.8),
                                         arrowprops=props)
        mann = mplt.subplots()[1].annotate("a", xy=(0.2, 0.2), xytext=(0.8, 0.8),
                                           arrowprops=props)
    style = ann.arrow_style()
    assert colors.to_rgba(style["color"]) == tuple(mann.arrow_patch.get_edgecolor())
    assert style["lw"] == pytest.approx(
        ann.axes.figure.points_to_pixels(mann.arrow_patch.get_linewidth()))


def _positions(pyplot, rect: bool):
    fig, axs = pyplot.subplots(ncols=3, figsize=(8, 2.5), layout="constrained")
    for ax in axs:
        ax.plot([0, 1], [0, 1])
    if rect:  # the divider of style_sheets_reference.py: out of the axes, not clipped
        axs[1].add_artist(pyplot.Rectangle((1.025, -0.2), 0.05, 1.6, clip_on=False,
                                           color="gray"))
    fig.canvas.draw()
    return np.array([ax.get_position().bounds for ax in axs])


def test_constrained_layout_makes_room_for_unclipped_patches():
    ours, theirs = _positions(plt, True), _positions(mplt, True)
    plain = _positions(mplt, False)
    assert np.abs(plain - theirs).max() > 0.05  # the patch moves matplotlib's axes
    # within 5 pixels of 250 (matplotlib's two passes leave the patch 1 px short of
    # the figure's top; lumos keeps the pad)
    np.testing.assert_allclose(ours, theirs, atol=0.02)


def test_boxplot_takes_the_styles_colors_without_a_warning():
    """dark_background's boxplot.*props colors are read (white whiskers, caps and
    fliers, as matplotlib's): rcParams does not warn that lumos ignores them."""
    keys = [k for k in stylesheets.read_style_file(stylesheets._sheets()["dark_background"])
            if k.startswith("boxplot.")]
    rcParams._warned.difference_update(keys)
    data = [1, 2, 3, 4, 10]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with plt.style.context("dark_background"):
            ours = plt.subplots()[1].boxplot(data)
    with mpl.style.context("dark_background"):
        theirs = mplt.subplots()[1].boxplot(data)
    for part, get in (("whiskers", "get_color"), ("caps", "get_color"),
                      ("medians", "get_color"), ("fliers", "get_markeredgecolor")):
        for a, b in zip(ours[part], theirs[part], strict=True):
            assert colors.to_rgba(getattr(a, get)()) == mcolors.to_rgba(getattr(b, get)())


@pytest.mark.parametrize("name", ["classic", "default"])
def test_bars_and_filled_histograms_edged_as_the_style_forces(name):
    """classic sets patch.force_edgecolor: matplotlib's bars and stepfilled histograms
    get black edges; other styles none."""
    values = np.linspace(0, 1, 50)

    def edges(pyplot):
        with pyplot.style.context(name):
            ax = pyplot.subplots()[1]
            bar = ax.bar([0, 1], [1, 2])[0]
            step = ax.hist(values, histtype="stepfilled")[2][0]
            return [tuple(float(v) for v in np.ravel(p.get_edgecolor())[:4])
                    for p in (bar, step)]

    assert edges(plt) == edges(mplt)


def _classic_scatter(pyplot) -> dict:
    with pyplot.style.context("classic"):
        fig, ax = pyplot.subplots()
        ax.bar([1, 2, 3], [3, 1, 2])
        sc = ax.scatter([1, 2, 3], [1, 2, 2.5])
        ax.plot([1, 2], label="line")
        leg = ax.legend()  # legend.framealpha None: the colors' own alpha
        fig.canvas.draw()
        out = {"xlim": tuple(np.round(ax.get_xlim(), 6)),
               "ylim": tuple(np.round(ax.get_ylim(), 6)),
               # the rows that differ (lumos gives one per point where matplotlib one)
               "sizes": np.unique(sc.get_sizes()).tolist(),
               "face": np.unique(np.asarray(sc.get_facecolor()).round(4), axis=0).tolist(),
               "edge": np.unique(np.asarray(sc.get_edgecolor()).round(4), axis=0).tolist(),
               "legend": leg is not None}
    pyplot.close(fig)
    return out


def test_classic_scatter_as_matplotlibs():
    """Under 'classic' matplotlib's scatter takes 20 points² markers, 'b' faces, black
    edges and margins of 0.05 (limits 0..4, 0..3.5 here under round_numbers); a legend
    takes legend.framealpha None (lumos raised TypeError there)."""
    assert _classic_scatter(plt) == _classic_scatter(mplt)


def test_scatter_marker_and_edgecolors_rcparams():
    """``scatter.marker`` and ``scatter.edgecolors`` give a scatter's defaults."""
    out = []
    for pyplot in (mplt, plt):
        with pyplot.rc_context({"scatter.marker": "s", "scatter.edgecolors": "r"}):
            fig, ax = pyplot.subplots()
            sc = ax.scatter([1, 2], [1, 2], c="k")
            out.append(np.asarray(sc.get_edgecolor()).round(4).tolist())
            pyplot.close(fig)
    assert out[0] == out[1] == [[1.0, 0.0, 0.0, 1.0]]
    fig, ax = plt.subplots()
    with plt.rc_context({"scatter.marker": "s"}):
        assert ax.scatter([1], [1]).get_marker() == "s"
    plt.close(fig)
