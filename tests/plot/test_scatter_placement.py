"""Scatter, legend and transform= markers placed where matplotlib's Agg puts them: a
collection of one symbol, size, face, edge color and width goes to ``draw_markers``
(each origin rounded to a whole pixel), anything more to ``draw_path_collection``
(where the points are)."""

from __future__ import annotations

import numpy as np
import pytest

import lumos.pyplot

XS = 20.0 + 40.0 * np.arange(8) + np.array([0.0, 0.25, 0.5, 0.75, 0.1, 0.4, 0.6, 0.9])
YS = 50.0 + np.array([0.0, 0.25, 0.5, 0.75, 0.9, 0.6, 0.4, 0.1])


@pytest.fixture
def mplt():
    plt = pytest.importorskip("matplotlib.pyplot")
    yield plt
    plt.close("all")


def _ink(fig) -> np.ndarray:
    fig.canvas.draw()
    return 255.0 - np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(float).mean(axis=2)


def _centres(ink, xs, rows=slice(None)) -> np.ndarray:
    """The ink-weighted centre (column, row) of the blob around each column of ``xs``."""
    out = []
    for x in xs:
        c0 = int(x) - 12
        win = ink[rows, c0:c0 + 25]
        r, c = np.mgrid[0:win.shape[0], 0:win.shape[1]]
        out.append(((win * c).sum() / win.sum() + c0, (win * r).sum() / win.sum()))
    return np.array(out)


def _scatter_centres(pyplot, transform=None, **kwargs):
    fig = pyplot.figure(figsize=(3.4, 1), dpi=100)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.set_xlim(0, 340)
    ax.set_ylim(0, 100)
    xy = (XS, YS) if transform is None else (XS / 340, YS / 100)
    extra = {} if transform is None else {"transform": ax.transAxes}
    ax.scatter(*xy, **kwargs, **extra)
    return _centres(_ink(fig), XS)


@pytest.mark.parametrize("kwargs", [dict(c="k"), dict(c="k", marker="s"),
                                    dict(c="w", marker="s", edgecolors="k", linewidths=2),
                                    dict(c="k", marker="D"),
                                    dict(c="k", s=50, edgecolors="0.5", linewidths=1.5)])
def test_a_scatter_of_one_style_sits_on_matplotlibs_pixels(mplt, kwargs):
    """Before, lumos drew these markers where the points are: up to 0.95 px off
    matplotlib's, which rounds each origin as Agg's draw_markers does."""
    ours = _scatter_centres(lumos.pyplot, **kwargs)
    theirs = _scatter_centres(mplt, **kwargs)
    assert np.abs(ours - theirs).max() < 0.15, np.c_[ours, theirs]


@pytest.mark.parametrize("kwargs", [dict(c=np.linspace(0, 1, 8), cmap="gray_r", vmin=-2,
                                         vmax=-1),
                                    dict(c="k", s=np.full(8, 36.0)),
                                    dict(c="k", edgecolors="none"),
                                    dict(c="k", alpha=np.full(8, 0.9))])
def test_a_scatter_of_several_styles_keeps_its_exact_centres(mplt, kwargs):
    """Per-point colors, sizes or alphas, or no edge color, go to matplotlib's
    draw_path_collection: the circles stay where the points are."""
    ours = _scatter_centres(lumos.pyplot, **kwargs)
    theirs = _scatter_centres(mplt, **kwargs)
    assert np.abs(ours - theirs).max() < 0.05, np.c_[ours, theirs]
    assert np.abs(ours[:, 0] + 0.5 - XS).max() < 0.05  # (pixel k spans k..k + 1)


def test_the_draw_markers_rule(mplt):
    """Which scatters lumos places as draw_markers, and with which snap."""
    ax = lumos.pyplot.figure().add_subplot()
    n = len(XS)
    assert ax.scatter(XS, YS, c="k")._marker_snap() == "auto"
    assert ax.scatter(XS, YS, c=(1, 0, 0))._marker_snap() == "auto"
    assert ax.scatter(XS, YS, c=["k"] * n)._marker_snap() is None
    assert ax.scatter(XS, YS, s=np.arange(n))._marker_snap() is None
    assert ax.scatter(XS, YS, linewidths=np.ones(n))._marker_snap() is None
    assert ax.scatter(XS, YS, facecolors="none", edgecolors="k")._marker_snap() is None
    sc = ax.scatter(XS, YS, c="k")
    sc.set_snap(False)  # draw_markers rounds the origins still; the paths unsnapped
    assert sc._marker_snap() is False
    assert ax.scatter(XS[:1], YS[:1], c=["k"], s=[4.0])._marker_snap() == "auto"


def test_a_transformed_scatter_sits_as_its_data_twin(mplt):
    """scatter(transform=ax.transAxes) placed as the axes' batch places it (before:
    where the points are, up to 0.95 px off matplotlib's)."""
    ours = _scatter_centres(lumos.pyplot, transform="axes", c="k", marker="s")
    theirs = _scatter_centres(mplt, transform="axes", c="k", marker="s")
    assert np.abs(ours - theirs).max() < 0.15, np.c_[ours, theirs]


def _legend_centres(pyplot, dx):
    fig = pyplot.figure(figsize=(2, 2), dpi=100)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.plot([5], [5], "o", c="k", label=" ")
    ax.scatter([5], [5], c="k", s=40, marker="D", label=" ")
    ax.legend(loc="lower left", bbox_to_anchor=(0.1 + dx, 0.1 + dx), frameon=False,
              handlelength=1)
    ink = _ink(fig)
    cols = np.flatnonzero(ink.sum(axis=0) > 0)
    rows = np.flatnonzero(ink.sum(axis=1) > 0)
    mid = (rows[0] + rows[-1]) // 2
    x = [0.5 * (cols[0] + cols[-1])]
    return np.vstack([_centres(ink, x, slice(0, mid)), _centres(ink, x, slice(mid, None))])


@pytest.mark.parametrize("dx", [0.0013, 0.0031, 0.0042])
def test_legend_markers_sit_on_matplotlibs_pixels(mplt, dx):
    """A line's and a one-style scatter's legend markers, drawn by matplotlib with
    draw_markers (before: where the handle's centre is, up to half a pixel off)."""
    ours = _legend_centres(lumos.pyplot, dx)
    theirs = _legend_centres(mplt, dx)
    assert np.abs(ours - theirs).max() < 0.15, np.c_[ours, theirs]
