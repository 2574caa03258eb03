"""``Artist.set_clip_path``: images, scatters and lines drawn only inside a patch or a
path, compared with matplotlib's Agg pictures; ``ax.arrow``'s picture is in
test_patches.py."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest
from pixels import ink  # tests/pixels.py

import lumos.pyplot as plt
from lumos import patches as lp
from lumos.path import Path

matplotlib.use("Agg")
import matplotlib.patches as mpatches  # noqa: E402
import matplotlib.path as mpath  # noqa: E402
import matplotlib.pyplot as mplt  # noqa: E402


def _image(fig) -> np.ndarray:
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba())


def _scene(mod, patches, clip=True, move=False):
    """An image in a circle, a scatter in an L-shaped polygon (a matplotlib one on lumos
    axes too: scripts mix them), a thick line in a circle in axes coordinates."""
    rng = np.random.default_rng(1)
    fig, (a1, a2, a3) = mod.subplots(1, 3, figsize=(6, 2), dpi=80)
    for ax in (a1, a2, a3):
        ax.set_axis_off()
    a1.set_xlim(0, 5)
    a1.set_ylim(0, 5)
    im = a1.imshow(rng.random((20, 20)), extent=[0, 5, 0, 5], cmap="gray", vmin=0, vmax=0.5)
    circle = patches.Circle((2, 2.5), 1.5, facecolor="none", edgecolor="none")
    a1.add_artist(circle)
    a2.set_xlim(-3, 3)
    a2.set_ylim(-3, 3)
    dots = a2.scatter(rng.normal(size=3000), rng.normal(size=3000), s=6, color="k")
    ell = mpatches.Polygon([(0, 0), (0, 1.5), (0.7, 1.5), (0.7, 0.5), (1.5, 0.5), (1.5, 0)],
                           transform=a2.transData, closed=True, facecolor="none",
                           edgecolor="none")
    t = np.linspace(0, 10, 200)
    line, = a3.plot(t, np.sin(t), lw=6, color="k")
    if clip:
        im.set_clip_path(circle)
        dots.set_clip_path(ell)
        square = [(0.2, 0.2), (0.8, 0.2), (0.8, 0.8), (0.2, 0.8), (0.2, 0.2)]
        line.set_clip_path((Path if patches is lp else mpath.Path)(square, closed=True),
                           a3.transAxes)
    if move:
        circle.set_center((3, 3))
    return fig


def _agreement(ours, theirs) -> float:
    """Share of the inked pixels (either picture) inked in both."""
    a, b = ink(ours), ink(theirs)
    return (a & b).sum() / max((a | b).sum(), 1)


@pytest.mark.parametrize("move", [False, True])
def test_clip_paths_draw_as_matplotlib(move):
    ours = _image(_scene(plt, lp, move=move))
    theirs = _image(_scene(mplt, mpatches, move=move))
    unclipped = _image(_scene(mplt, mpatches, clip=False, move=move))
    assert ours.shape == theirs.shape
    assert _agreement(ours, theirs) > 0.9  # edge pixels differ (antialiasing)
    assert _agreement(unclipped, theirs) < 0.5  # what a missing clip would score
    # each axes: ink only within a pixel of matplotlib's (nothing leaks past the path)
    a, b = ink(ours), ink(theirs)
    near = b.copy()
    for dy, dx in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        near |= np.roll(b, (dy, dx), axis=(0, 1))
    w = ours.shape[1] // 3
    for part in range(3):
        sl = slice(part * w, (part + 1) * w)
        assert (a[:, sl] & ~near[:, sl]).sum() < 0.01 * b[:, sl].sum(), part


def test_clip_path_none_draws_whole():
    fig, ax = plt.subplots(figsize=(2, 2), dpi=80)
    ax.set_axis_off()
    im = ax.imshow(np.zeros((4, 4)), extent=[0, 4, 0, 4], cmap="gray")
    im.set_clip_path(lp.Rectangle((0, 0), 1, 1))
    small = ink(_image(fig)).sum()
    im.set_clip_path(None)
    assert im.get_clip_path() is None
    whole = ink(_image(fig)).sum()
    assert whole > 10 * small > 0


def test_clip_path_set_before_the_artist_is_added():
    fig, ax = plt.subplots(figsize=(2, 2), dpi=80)
    ax.set_axis_off()
    ax.set_xlim(0, 4)
    ax.set_ylim(0, 4)
    square = lp.Rectangle((0, 0), 4, 4, color="k")
    square.set_clip_path(lp.Rectangle((0, 0), 2, 4))
    ax.add_patch(square)
    mask = ink(_image(fig))
    cols = np.nonzero(mask.any(axis=0))[0]
    x_half, _ = ax.to_pixels(2, 0)
    assert cols.max() == pytest.approx(x_half, abs=1.5)


def test_bad_clip_paths_name_the_argument():
    fig, ax = plt.subplots()
    line, = ax.plot([0, 1], [0, 1])
    with pytest.raises(TypeError, match="path: got str"):
        line.set_clip_path("circle")
    with pytest.raises(TypeError, match="transform"):
        line.set_clip_path(lp.Circle((0, 0), 1), ax.transData)
    ax3 = fig.add_subplot(projection="3d")
    line3, = ax3.plot([0, 1], [0, 1], [0, 1])
    with pytest.raises(TypeError, match="set_clip_path: Axes3D"):
        line3.set_clip_path(lp.Circle((0, 0), 1))
    assert line3.get_clip_path() is None


def test_matplotlib_patch_with_a_clip_path_on_lumos_axes():
    """matplotlib's PathPatch clipped by another (set before either meets the axes), as
    Rougier's alpha-compositing script does: drawn clipped, not whole."""
    pictures = []
    for mod in (plt, mplt):
        fig, ax = mod.subplots(figsize=(2, 2), dpi=80)
        ax.set_axis_off()
        ax.set_xlim(-1.5, 1.5)
        ax.set_ylim(-1.5, 1.5)
        blob = mpatches.PathPatch(mpath.Path.circle((-0.4, 0), 1), facecolor="k", lw=0)
        hole = mpatches.PathPatch(mpath.Path.circle((0.4, 0), 1), facecolor="none",
                                  edgecolor="none")
        ax.add_patch(hole)
        blob.set_clip_path(hole)
        ax.add_patch(blob)
        pictures.append(_image(fig))
    ours, theirs = pictures
    # the lens is half the circle: a blob drawn whole would agree about 0.5
    assert _agreement(ours, theirs) > 0.9


def test_imshow_takes_clip_path_as_matplotlib():
    """``imshow(..., clip_path=patch)`` (gallery image_demo.py) clips as matplotlib's."""
    pictures = []
    for mod, patches in ((plt, lp), (mplt, mpatches)):
        fig, ax = mod.subplots(figsize=(2, 2), dpi=80)
        ax.set_axis_off()
        patch = patches.Polygon([(0, 1), (1, 0), (0, -1), (-1, 0)], facecolor="none",
                                edgecolor="none")
        ax.add_patch(patch)
        ax.imshow(np.zeros((8, 8)), cmap="gray", extent=[-3, 3, -3, 3], clip_path=patch,
                  clip_on=True)
        pictures.append(_image(fig))
    ours, theirs = pictures
    assert ink(ours).sum() < 0.2 * ink(ours).size  # the diamond only, not the square
    assert _agreement(ours, theirs) > 0.9
