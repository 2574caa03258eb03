"""Paths sized in pixels about data points (a hatched scatter's hatches) on polar axes:
the offsets are pixels after the polar transform, so each hatch lies in its marker (the
offsets were data units before the transform: hatches beside their markers)."""

from __future__ import annotations

import numpy as np

import lumos.pyplot as plt


def test_polar_scatter_hatches_lie_in_their_markers():
    fig = plt.figure(figsize=(4, 4), dpi=100)
    ax = fig.add_subplot(projection="polar")
    theta, r = np.array([0.5, 2.0, 4.0]), np.array([0.5, 0.8, 0.3])
    # white faces and no edges: the only dark pixels are hatch lines
    ax.scatter(theta, r, s=800, hatch="//", facecolor="w", edgecolor="none")
    ax.set_ylim(0, 1)
    ax.grid(False)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.spines["polar"].set_visible(False)
    img = fig.render()[..., :3].astype(int)
    plt.close(fig)
    dark = img.max(axis=-1) < 128
    h = img.shape[0]
    yy, xx = np.mgrid[0:h, 0:img.shape[1]]
    radius = np.sqrt(800) / 2 * fig.dpi / 72  # the marker's radius in pixels
    inside = np.zeros_like(dark)
    for t, rr in zip(theta, r, strict=True):
        px, py = ax.to_pixels(t, rr)
        disc = (xx + 0.5 - px) ** 2 + (yy + 0.5 - (h - py)) ** 2 <= (radius + 1.5) ** 2
        # the hatch spans the marker (a marker placed in data units was cut to a sliver)
        ys, xs = np.nonzero(dark & disc)
        assert len(xs) and np.ptp(xs) > 1.4 * radius and np.ptp(ys) > 1.4 * radius, \
            (t, rr, np.ptp(xs) if len(xs) else 0, np.ptp(ys) if len(ys) else 0, radius)
        inside |= disc
    assert dark[~inside].sum() == 0, int(dark[~inside].sum())



def _polar_barbs(pyplot):
    fig = pyplot.figure(figsize=(4, 4), dpi=100)
    ax = fig.add_subplot(projection="polar")
    ax.barbs([0.5, 2.0, 4.0], [0.5, 0.8, 0.3], [20, 20, 20], [25, 25, 25], length=8)
    ax.set_ylim(0, 1)
    ax.grid(False)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.spines["polar"].set_visible(False)
    return fig


def test_polar_barbs_lie_where_matplotlib_draws_them(tmp_path):
    """Barbs' strokes too: pixels from their point after the polar transform, as
    matplotlib draws them (they were placed in (theta, r) units: bent, thrown across
    the axes)."""
    import matplotlib

    matplotlib.use("agg")
    import matplotlib.pyplot as mplt
    from PIL import Image

    fig = _polar_barbs(plt)
    mine = fig.render()[..., :3].astype(int)
    plt.close(fig)
    ref = _polar_barbs(mplt)
    ref.savefig(tmp_path / "mpl.png")
    mplt.close(ref)
    theirs = np.asarray(Image.open(tmp_path / "mpl.png").convert("RGB")).astype(int)
    assert theirs.shape == mine.shape
    dark, near = mine.max(axis=-1) < 128, theirs.max(axis=-1) < 128
    assert near.sum() > 100
    for _ in range(2):  # within 2 pixels of matplotlib's strokes
        near = near | np.roll(near, 1, 0) | np.roll(near, -1, 0) | np.roll(near, 1, 1) \
            | np.roll(near, -1, 1)
    assert dark.sum() > 0.5 * (theirs.max(axis=-1) < 128).sum()
    assert (dark & ~near).sum() < 0.03 * dark.sum(), ((dark & ~near).sum(), dark.sum())
