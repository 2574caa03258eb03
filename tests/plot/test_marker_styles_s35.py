"""Scatter and marker details as matplotlib draws them: each point's own edge width,
the color an empty scatter's legend entry shows, and markers of a line placed by a
transform joined and capped as a data line's."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

import lumos.pyplot as plt

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402


def _gray(fig) -> np.ndarray:
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return np.asarray(Image.open(buf).convert("L")).astype(int)


def _edge_ink(pyplot) -> list[int]:
    """Dark pixels of each of three yellow squares outlined 0.5, 3 and 6 points wide."""
    fig = pyplot.figure(figsize=(3, 1), dpi=100)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 3)
    ax.set_ylim(0, 1)
    ax.axis("off")
    ax.scatter([0.5, 1.5, 2.5], [0.5, 0.5, 0.5], s=900, marker="s", c="y",
               edgecolors="k", linewidths=[0.5, 3, 6])
    img = _gray(fig)
    pyplot.close(fig)
    return [int((img[:, k * 100:(k + 1) * 100] < 60).sum()) for k in range(3)]


def test_scatter_draws_each_points_linewidth():
    """matplotlib strokes each point with its own width (lumos drew their mean, 3.17 pt,
    for all three)."""
    theirs, ours = _edge_ink(mplt), _edge_ink(plt)
    assert theirs[0] < theirs[1] < theirs[2]
    for a, b in zip(ours, theirs, strict=True):
        assert abs(a - b) <= 0.12 * b + 4, (ours, theirs)



def test_empty_scatter_legend_shows_its_color():
    """``scatter([], [], c='k', label=...)``: the legend's marker is black, as
    matplotlib's (lumos fell back to 'C0')."""
    for pyplot in (mplt, plt):
        fig = pyplot.figure(figsize=(2, 1), dpi=100)
        ax = fig.add_axes((0, 0, 1, 1))
        ax.axis("off")
        sc = ax.scatter([], [], c="k", label="black")
        assert np.allclose(sc.get_facecolor(), [[0, 0, 0, 1]])
        ax.legend(loc="center")
        rgb = np.asarray(Image.open(io.BytesIO(_png(fig))).convert("RGB")).astype(int)
        pyplot.close(fig)
        blue = (rgb[..., 2] - rgb[..., 0] > 80).sum()
        black = (rgb.max(axis=2) < 60).sum()
        assert blue == 0 and black > 20, pyplot.__name__


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


@pytest.mark.parametrize("marker", [("D", "round", None), ("s", "bevel", None),
                                    ("x", None, "round"), ("+", None, "projecting")])
def test_markers_by_transform_join_and_cap_as_data_markers(marker):
    """A line drawn through ``transform=ax.transAxes`` joins and caps its markers as the
    same line in data coordinates: a MarkerStyle's ``joinstyle`` and ``capstyle``."""
    from matplotlib.markers import MarkerStyle

    code, join, cap = marker
    marker = MarkerStyle(code, joinstyle=join, capstyle=cap)
    imgs = []
    for transform in (None, "axes"):
        fig = plt.figure(figsize=(1, 1), dpi=100)
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.axis("off")
        kw = {} if transform is None else {"transform": ax.transAxes}
        ax.plot([0.5], [0.5], marker=marker, ms=30, mew=6, mec="k", mfc="y", **kw)
        imgs.append(_gray(fig))
        plt.close(fig)
    assert np.abs(imgs[0] - imgs[1]).max() <= 8


def _row_of_markers(pyplot, marker: str, ms: float, mew: float) -> np.ndarray:
    fig = pyplot.figure(figsize=(3, 0.6), dpi=100)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 6)
    ax.set_ylim(0, 1)
    ax.axis("off")
    ax.plot([0.5, 1.53, 2.57, 3.5, 4.49, 5.51], [0.5, 0.47, 0.53, 0.5, 0.41, 0.5], marker,
            ms=ms, mew=mew, mec="k", mfc="C0", ls="none")
    img = _gray(fig)
    pyplot.close(fig)
    return img


@pytest.mark.parametrize("marker", ["D", "^", "8", "x", "X"])
def test_line_markers_snap_by_their_threshold(marker):
    """matplotlib's Line2D snaps a marker's path once it is as big as the marker's snap
    threshold (5 px for 'D', '^', '8', 'X'; 3 for 'x'): vertices on the pixel grid,
    the centre on a pixel edge for an even edge width. 12 pt markers with 3 pt edges
    were half a pixel off and their tips a pixel short (mean difference 2.7..4.2)."""
    ours, theirs = _row_of_markers(plt, marker, 12, 3), _row_of_markers(mplt, marker, 12, 3)
    assert np.abs(ours - theirs).mean() < 1.0


def _row_of_scatter(pyplot, marker: str) -> np.ndarray:
    fig = pyplot.figure(figsize=(3, 0.6), dpi=100)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 6)
    ax.set_ylim(0, 1)
    ax.axis("off")
    ax.scatter([0.5, 1.53, 2.57, 3.5, 4.49, 5.51], [0.5, 0.47, 0.53, 0.5, 0.41, 0.5], s=300,
               marker=marker)
    img = _gray(fig)
    pyplot.close(fig)
    return img


@pytest.mark.parametrize("marker", ["^", "*", "X", "d"])
def test_scatter_polygons_edged_in_their_face_color_as_matplotlib(marker):
    """matplotlib strokes a scatter's polygons in their face color with round joins;
    lumos grew them by the edge width instead, reaching farther at every corner (mean
    difference 0.8..2.1 for these 300 points² markers)."""
    ours, theirs = _row_of_scatter(plt, marker), _row_of_scatter(mplt, marker)
    assert np.abs(ours - theirs).mean() < 0.3
