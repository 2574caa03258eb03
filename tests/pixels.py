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
