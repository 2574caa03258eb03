"""matplotlib's EllipseCollection on lumos axes, against matplotlib's own picture."""

import numpy as np
import pytest

mcoll = pytest.importorskip("matplotlib.collections")


def _red(px):
    px = np.asarray(px)[..., :3].astype(int)
    return (px[..., 0] > 180) & (px[..., 1] < 90) & (px[..., 2] < 90)


def _draw(lib, units, angles):
    fig, ax = lib.subplots(figsize=(4, 3), dpi=100)
    ax.set(xlim=(0, 10), ylim=(0, 5))
    xy = np.array([[2.0, 1.0], [5.0, 2.5], [8.0, 4.0]])
    size = {"x": 1.5, "y": 1.0, "xy": 1.5, "width": 0.15, "height": 0.2, "dots": 40.0,
            "points": 30.0, "inches": 0.4}[units]
    ec = mcoll.EllipseCollection([size, size * 0.5, size], [size * 0.6, size, size * 0.3],
                                 angles, units=units, offsets=xy,
                                 offset_transform=ax.transData, facecolors="red",
                                 linewidths=0)
    ax.add_collection(ec, autolim=False)
    if lib.__name__.startswith("lumos"):
        fig.draw()
        img = fig.canvas.render()
    else:
        fig.canvas.draw()
        img = fig.canvas.buffer_rgba()
    mask = _red(img)
    lib.close(fig)
    return mask


@pytest.mark.parametrize("units", ["x", "y", "xy", "width", "height", "dots", "points",
                                   "inches"])
def test_ellipses_cover_what_matplotlib_draws(units):
    import matplotlib

    matplotlib.use("agg")
    import matplotlib.pyplot as mplt

    import lumos.pyplot as plt

    angles = [0.0, 30.0, 120.0]
    ours, theirs = _draw(plt, units, angles), _draw(mplt, units, angles)
    assert theirs.sum() > 200
    iou = (ours & theirs).sum() / (ours | theirs).sum()
    assert iou > 0.9, iou


def test_ellipses_sized_by_x_follow_a_zoom():
    import lumos.pyplot as plt

    fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
    ax.set(xlim=(0, 10), ylim=(0, 5))
    ax.add_collection(mcoll.EllipseCollection(1.0, 1.0, 0.0, units="x", offsets=[[5, 2.5]],
                                              offset_transform=ax.transData,
                                              facecolors="red"), autolim=False)
    fig.draw()
    before = _red(fig.canvas.render()).sum()
    ax.set_xlim(3, 7)  # 2.5 times the pixels per x unit
    fig.draw()
    after = _red(fig.canvas.render()).sum()
    plt.close(fig)
    assert after > 4 * before


def test_ellipse_collection_colormapped_with_a_colorbar():
    import lumos.pyplot as plt

    fig, ax = plt.subplots()
    ec = mcoll.EllipseCollection([0.5, 0.5], [0.3, 0.3], [0, 0], units="xy",
                                 offsets=[[0, 0], [1, 1]], offset_transform=ax.transData)
    ec.set_array(np.array([1.0, 2.0]))
    ax.add_collection(ec)
    cbar = plt.colorbar(ec)
    fig.draw()
    assert cbar is not None
    # matplotlib's limits: the offsets only (0 to 1 with 5 % margins)
    assert np.allclose(ax.get_xlim(), (-0.05, 1.05))
    plt.close(fig)
