"""Paths sized in pixels about data points (a hatched scatter's hatches) on polar axes:
the offsets are pixels after the polar transform, so each hatch lies in its marker (the
offsets were data units before the transform: hatches beside their markers)."""

from __future__ import annotations

import numpy as np
import pytest

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



def _polar_barbs(pyplot, *barbs, length=8):
    """Barbs on bare polar axes (r up to 1): by default three inside the circle."""
    fig = pyplot.figure(figsize=(4, 4), dpi=100)
    ax = fig.add_subplot(projection="polar")
    ax.barbs(*(barbs or ([0.5, 2.0, 4.0], [0.5, 0.8, 0.3], [20, 20, 20], [25, 25, 25])),
             length=length)
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


def _rim_barbs(pyplot):
    """Barbs near the rim pointing out (staffs and flags reach past r = 1)."""
    theta = np.linspace(0, 2 * np.pi, 6, endpoint=False)
    return _polar_barbs(pyplot, theta, np.full(6, 0.88), -70 * np.cos(theta),
                        -70 * np.sin(theta), length=9)


def _rim_quiver(pyplot):
    """Quiver arrows near the rim pointing out (their heads reach past r = 1)."""
    fig = _polar_barbs(pyplot, [], [], [], [])
    theta = np.linspace(0, 2 * np.pi, 6, endpoint=False)
    fig.axes[0].quiver(theta, np.full(6, 0.85), np.cos(theta), np.sin(theta), scale=8)
    return fig


@pytest.mark.parametrize("scene", [_rim_barbs, _rim_quiver], ids=["barbs", "quiver"])
def test_polar_barbs_and_arrows_at_the_rim_are_clipped_to_the_circle(tmp_path, scene):
    """matplotlib clips an axes' artists to its patch, the polar circle: no barb or
    arrow pixel outside it (they were cut only by the axes' square box)."""
    import matplotlib

    matplotlib.use("agg")
    import matplotlib.pyplot as mplt
    from PIL import Image

    fig = scene(plt)
    ax = fig.axes[0]
    mine = fig.render()[..., :3].astype(int)
    cx, cy = ax.to_pixels(0.0, 0.0)
    rim = np.hypot(*(np.asarray(ax.to_pixels(0.0, 1.0)) - (cx, cy)))
    plt.close(fig)
    ref = scene(mplt)
    ref.savefig(tmp_path / "mpl.png")
    mplt.close(ref)
    theirs = np.asarray(Image.open(tmp_path / "mpl.png").convert("RGB")).astype(int)
    h = mine.shape[0]
    yy, xx = np.mgrid[0:h, 0:mine.shape[1]]
    outside = np.hypot(xx + 0.5 - cx, h - (yy + 0.5) - cy) > rim + 1.0
    dark, their_dark = mine.max(axis=-1) < 200, theirs.max(axis=-1) < 200
    assert their_dark[~outside].sum() > 100 and (their_dark & outside).sum() == 0
    assert dark[~outside].sum() > 0.5 * their_dark[~outside].sum()
    assert (dark & outside).sum() == 0, int((dark & outside).sum())
    assert np.abs(mine - theirs).mean() < 1.0


def test_barb_pieces_cut_at_a_disc():
    from lumos.plot.barbs_clip import clip_polygon, clip_polyline

    c = np.array([0.0, 0.0])
    # a line through the disc and out, back in: two pieces, a NaN row between
    line = clip_polyline(np.array([[-2.0, 0.0], [2.0, 0.0], [2.0, 0.5], [-2.0, 0.5]]), c, 1.0)
    assert np.isnan(line).any(axis=1).sum() == 1
    ok = line[~np.isnan(line).any(axis=1)]
    np.testing.assert_allclose(np.hypot(*ok.T).max(), 1.0)
    np.testing.assert_allclose(ok[:2], [[-1, 0], [1, 0]], atol=1e-12)
    inside = np.array([[0.1, 0.1], [0.2, 0.3]])
    assert clip_polyline(inside, c, 1.0) is inside  # untouched
    # a square over the disc's right half: the half disc's area
    sq = np.array([[0.0, -2.0], [2.0, -2.0], [2.0, 2.0], [0.0, 2.0]])
    p = clip_polygon(sq, c, 1.0)
    area = 0.5 * abs(np.dot(p[:, 0], np.roll(p[:, 1], -1)) - np.dot(p[:, 1], np.roll(p[:, 0], -1)))
    assert abs(area - np.pi / 2) < 1e-3
    assert len(clip_polygon(sq + [5, 0], c, 1.0)) == 0


def test_arrows_cut_at_the_rim_follow_the_view():
    """A zoom out brings the cut arrows inside the circle: drawn whole again."""
    fig = _rim_quiver(plt)
    ax = fig.axes[0]
    before = (fig.render()[..., :3].max(axis=-1) < 128).sum()
    ax.set_ylim(0, 2)
    after = (fig.render()[..., :3].max(axis=-1) < 128).sum()
    plt.close(fig)
    assert after > 1.3 * before, (before, after)
