"""Fills whose outline crosses itself, or whose rings overlap, look as matplotlib's:
Agg fills a path where its winding number is nonzero (a pentagram's centre, both lobes
of a figure-eight, a donut's hole only when the rings turn opposite ways). Each picture
is compared with matplotlib's of the same script, on screen and in the PDF file
(rasterized by poppler)."""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.patches as mpatches  # noqa: E402
import matplotlib.path as mpath  # noqa: E402
import matplotlib.pyplot as mplt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import lumos.pyplot as plt  # noqa: E402
from lumos.path import Path as LPath  # noqa: E402
from lumos.plot.patch_base import PathPatch  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "io"))
from test_vector_gallery import pdftoppm  # noqa: E402


def pentagram() -> np.ndarray:
    t = np.pi / 2 + np.arange(5) * 4 * np.pi / 5
    return np.c_[np.cos(t), np.sin(t)]


def figure_eight() -> np.ndarray:  # the lobes cross at a vertex and turn opposite ways
    t = np.linspace(0, 2 * np.pi, 80, endpoint=False)
    return np.c_[np.sin(2 * t), np.sin(t)]


def random_polygon() -> np.ndarray:
    return np.random.default_rng(3).uniform(-1, 1, (40, 2))


def donut(opposite: bool):
    t = np.linspace(0, 2 * np.pi, 64, endpoint=False)
    outer = np.c_[np.cos(t), np.sin(t)]
    inner = 0.5 * (outer[::-1] if opposite else outer)
    verts = np.r_[outer, outer[:1], inner, inner[:1]]
    codes = np.r_[1, [2] * 63, 79, 1, [2] * 63, 79]
    return verts, codes


def overlapping_squares():  # two squares turning the same way, a third the other way
    sq = np.array([[0, 0], [1, 0], [1, 1], [0, 1]], float)
    parts = [sq - 0.8, sq * 1.2 - 0.3, (sq * 0.6 - 0.1)[::-1]]
    return np.concatenate([np.r_[p, p[:1]] for p in parts]), np.tile([1, 2, 2, 2, 79], 3)


def closed(ring: np.ndarray):
    return np.r_[ring, ring[:1]], np.r_[1, [2] * (len(ring) - 1), 79]


CASES = {
    # name: (polygon for ax.fill or (vertices, codes) for a PathPatch, alpha,
    #        mean difference from matplotlib's before the fix, 300 x 300 px)
    "pentagram": (pentagram(), 1.0),  # 7.65 before
    "figure_eight": (figure_eight(), 1.0),  # 20.09 before
    "random_polygon": (random_polygon(), 1.0),  # 3.94 before
    "pentagram_patch_translucent": (closed(pentagram()), 0.5),
    "figure_eight_patch": (closed(figure_eight()), 1.0),
    "donut_same_turn": (donut(False), 1.0),
    "donut_opposite_turn": (donut(True), 1.0),
    "overlapping_squares": (overlapping_squares(), 0.7),
}


def draw(lib, name):
    shape, alpha = CASES[name]
    fig, ax = lib.subplots(figsize=(3, 3), dpi=100)
    ax.set_xlim(-1.2, 1.2)
    ax.set_ylim(-1.2, 1.2)
    ax.set_axis_off()
    if isinstance(shape, np.ndarray):
        ax.fill(shape[:, 0], shape[:, 1], color="C0", lw=0, alpha=alpha)
    elif lib is mplt:
        ax.add_patch(mpatches.PathPatch(mpath.Path(*shape), color="C0", lw=0, alpha=alpha))
    else:
        ax.add_patch(PathPatch(LPath(*shape), color="C0", lw=0, alpha=alpha))
    return fig


def mpl_picture(name) -> np.ndarray:
    fig = draw(mplt, name)
    fig.canvas.draw()
    img = np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)
    mplt.close(fig)
    return img


def blue_share(img) -> float:
    return float(((img[..., 2] - img[..., 0]) > 40).mean())


@pytest.mark.parametrize("name", CASES)
def test_screen_fill_matches_matplotlibs(name):
    fig = draw(plt, name)
    ours = fig.render()[..., :3].astype(int)
    plt.close(fig)
    theirs = mpl_picture(name)
    assert blue_share(theirs) > 0.1
    assert np.abs(ours - theirs).mean() < 1.0
    assert blue_share(ours) == pytest.approx(blue_share(theirs), abs=0.005)


@pytest.mark.parametrize("name", ["pentagram", "figure_eight", "donut_opposite_turn",
                                  "pentagram_patch_translucent"])
def test_pdf_fill_matches_matplotlibs(name, tmp_path):
    fig = draw(plt, name)
    fig.savefig(tmp_path / "fill.pdf")
    plt.close(fig)
    ours = pdftoppm(tmp_path / "fill.pdf", 100)[..., :3].astype(int)
    theirs = mpl_picture(name)
    assert ours.shape == theirs.shape
    assert np.abs(ours - theirs).mean() < 1.5


def _fill_between_picture(*args, **kwargs):
    """A 100-dpi picture of one opaque fill_between over [0, 4] x [-1, 2] and a function
    giving the RGB at data (x, y)."""
    import lumos

    fig, ax = lumos.subplots(figsize=(4, 3), dpi=100)
    ax.fill_between(*args, color="blue", **kwargs)
    ax.set_xlim(0, 4)
    ax.set_ylim(-1, 2)
    ax.set_axis_off()
    img = fig.render()[..., :3]

    def at(x, y):
        px, py = ax.to_pixels(x, y)
        return img[int(img.shape[0] - py), int(px)]

    return at


def test_fill_between_turning_back_fills_by_the_nonzero_rule():
    # x out to 3 and back to 1: matplotlib's one polygon winds 0 where the way back
    # covers the way out (lumos filled both quads there)
    at = _fill_between_picture([0.0, 3.0, 1.0], [1.0, 1.0, 1.0], 0.0)
    assert tuple(at(0.5, 0.5)) == (0, 0, 255)
    assert tuple(at(2.0, 0.5)) == (255, 255, 255)
    # where= with interpolate: a region's interpolated start (x 2.8) lies beyond its
    # first sample (x 2.5), which the polygon's nonzero fill leaves out left of 2.8
    x = np.array([0, 1, 2, 1.5, 3, 2.5, 4])
    y1 = np.array([0, 1, -1, 1, -1, 2, 0])
    at = _fill_between_picture(x, y1, 0.2, where=y1 > -0.5, interpolate=True)
    assert tuple(at(2.6, 0.4)) == (255, 255, 255)
    assert tuple(at(3.0, 0.4)) == (0, 0, 255)
    # x decreasing throughout: the same band as increasing
    at = _fill_between_picture([3.0, 2.0, 1.0], [1.0, 1.5, 1.0], 0.0)
    assert tuple(at(2.0, 1.2)) == (0, 0, 255) and tuple(at(0.5, 0.5)) == (255, 255, 255)


@pytest.mark.parametrize("kwargs, fmt", [({}, "C1"), ({}, None), ({"color": "C1"}, None),
                                         ({"facecolor": "C2", "edgecolor": "k"}, "C1")])
def test_fill_colors_face_and_edge_as_matplotlib(kwargs, fmt):
    # a format string's color fills only: a self-crossing star with 'C1' and alpha
    # showed its inner edges where matplotlib draws none
    args = ([0, 1, 0], [0, 0, 1]) + ((fmt,) if fmt else ())
    mfig, max_ = mplt.subplots()
    (mine,) = max_.fill(*args, alpha=0.7, **kwargs)
    fig, ax = plt.subplots()
    (ours,) = ax.fill(*args, alpha=0.7, **kwargs)
    for get in ("get_facecolor", "get_edgecolor"):
        np.testing.assert_allclose(np.asarray(getattr(ours, get)()).reshape(-1, 4)[0],
                                   np.asarray(getattr(mine, get)()).reshape(-1, 4)[0],
                                   atol=1e-6, err_msg=get)
