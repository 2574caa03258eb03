"""Depth ties in 3D axes: a line lying exactly on a line of an artist added before it
shows over it (mplot3d paints the later artist over the earlier), and faces yield to
the lines lying on them, whatever the depths round to."""

from __future__ import annotations

import numpy as np
import pytest

import lumos.pyplot as plt
from lumos.mplot3d.art3d import Poly3DCollection


def _count(img, rgb):
    """Pixels within 40 levels of ``rgb``."""
    return int((np.abs(img[..., :3].astype(int) - rgb).max(axis=-1) < 40).sum())


BLUE, ORANGE = (31, 119, 180), (255, 127, 14)  # C0, C1


@pytest.mark.parametrize("clip", [False, True])
def test_later_wireframe_wins_ties(clip):
    fig = plt.figure(figsize=(4, 4))
    ax = fig.add_subplot(projection="3d")
    x = np.arange(-5, 5, 0.5)
    X, Y = np.meshgrid(x, x)
    Z = np.sin(np.hypot(X, Y))
    ax.plot_wireframe(X, Y, Z, color="C0")
    # axlim_clip leaves the same points (the limits hold them all) in another buffer
    ax.plot_wireframe(X, Y, Z, color="C1", axlim_clip=clip)
    ax.set_axis_off()
    img = fig.render()
    assert _count(img, ORANGE) > 2000
    # what stays blue: the fringes of blue lines the orange ones' fringes leave
    assert _count(img, BLUE) < 0.03 * _count(img, ORANGE)


def _wireframe(over: str | None):
    fig = plt.figure(figsize=(4, 4))
    ax = fig.add_subplot(projection="3d")
    x = np.linspace(-3, 3, 13)
    X, Y = np.meshgrid(x, x)
    Z = np.sin(X) * np.cos(Y)
    if over == "surface":
        ax.plot_surface(X, Y, Z, color="white", shade=False)
    elif over == "polygons":  # the same cells as polygons (Poly3DCollection)
        cells = [np.c_[X[i:i + 2, j:j + 2].ravel()[[0, 1, 3, 2]],
                       Y[i:i + 2, j:j + 2].ravel()[[0, 1, 3, 2]],
                       Z[i:i + 2, j:j + 2].ravel()[[0, 1, 3, 2]]]
                 for i in range(12) for j in range(12)]
        ax.add_collection3d(Poly3DCollection(cells, facecolors="white"))
    ax.plot_wireframe(X, Y, Z, color="red", linewidth=1.0)
    ax.set_axis_off()
    return _count(fig.render(), (255, 0, 0))


@pytest.mark.parametrize("over", ["surface", "polygons"])
def test_wireframe_over_its_own_faces(over):
    # the faces the lines lie on hide none of them (nearer hills hide some)
    alone = _wireframe(None)
    assert _wireframe(over) >= 0.6 * alone  # 0.68 here; 0.22 when faces tied

