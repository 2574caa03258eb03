"""Pixel helpers for tests that read rendered pictures, and a colored test cube."""

from __future__ import annotations

import numpy as np

from lumos import geometry


def ink(img: np.ndarray) -> np.ndarray:
    """Boolean mask of pixels that differ visibly from white."""
    return (255 - img[..., :3].astype(int)).max(axis=2) > 40


def bbox(mask: np.ndarray):
    """(row0, col0, row1, col1) inclusive of the True pixels, or None."""
    rows, cols = np.nonzero(mask)
    if not len(rows):
        return None
    return rows.min(), cols.min(), rows.max(), cols.max()


def near(pixel, rgb, tol=12) -> bool:
    return bool(np.all(np.abs(np.asarray(pixel[:3], int) - np.asarray(rgb, int)) <= tol))


def cube():
    """A 2x2x2 cube about the origin; vertex color = (x, y, z) mapped to 0..1."""
    verts, faces = geometry.cube()
    return verts, faces, np.c_[(verts + 1) / 2, np.ones(8)]


def mplot3d_pixels(ax, mpl_ax, points) -> np.ndarray:
    """(N, 2) figure pixels in lumos 3D axes ``ax`` of (N, 3) ``points`` where mplot3d's
    axes ``mpl_ax`` (placed on ``ax``'s box) projects them (``points`` in its scales'
    space)."""
    from mpl_toolkits.mplot3d import proj3d

    x, y, _ = proj3d.proj_transform(*np.asarray(points, dtype=float).T, mpl_ax.get_proj())
    bx, by, bw, bh = ax.box
    vl = mpl_ax.viewLim
    return np.c_[bx + (x - vl.x0) / vl.width * bw, by + (y - vl.y0) / vl.height * bh]
