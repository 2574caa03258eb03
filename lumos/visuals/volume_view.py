"""What one view of a volume needs: the pyramid level of its pixels, and the part of
the volume's box it shows (for the region of a finer level a zoom loads).

Both are computed in float64 from the view's camera, through the same matrices as the
ray-marching draw (origin at the box's centre, the visual's model matrix).
"""

from __future__ import annotations

import itertools
import math

import numpy as np

from ..gpu.camera_math import draw_matrices

_RAYS = 9  # rays per side of the grid that finds the part of the box a view shows


def _mvp(ctx, box: np.ndarray, model: np.ndarray) -> tuple[np.ndarray, tuple]:
    """The draw's mvp (local coordinates: the box's centre at 0) and the view's
    physical pixel size."""
    w, h = (float(n) * ctx.pixel_ratio for n in ctx.size)
    mvp, _, _ = draw_matrices(ctx.camera, w / max(h, 1e-9), (box[0] + box[1]) / 2, model)
    return mvp, (w, h)


def _corners(box: np.ndarray) -> np.ndarray:
    """(8, 3) corners of a (2, 3) box, corner k having x from bit 2, y bit 1, z bit 0."""
    return np.array([[box[i, 0], box[j, 1], box[k, 2]]
                     for i, j, k in itertools.product((0, 1), repeat=3)])


def view_level(ctx, box: np.ndarray, model: np.ndarray, shape: tuple, top: int) -> int:
    """The coarsest level (0..top) whose voxels are still no larger than a physical
    pixel along the box's most magnified axis (0 when the eye is in the box).
    ``shape``: the data's (z, y, x) voxels."""
    mvp, (w, h) = _mvp(ctx, box, model)
    center = (box[0] + box[1]) / 2
    clip = np.c_[_corners(box) - center, np.ones(8)] @ mvp.T
    if not (clip[:, 3] > 0).all():
        return 0
    px = clip[:, :2] / clip[:, 3:] * np.array([w / 2, h / 2])
    # corner 0 and the corners one step along z (1), y (2) and x (4) from it
    need = min(n / max(float(np.hypot(*(px[c] - px[0]))), 1e-9)
               for n, c in zip(shape, (1, 2, 4), strict=True))
    return int(np.clip(math.floor(math.log2(max(need, 1.0))), 0, top))


def visible_part(ctx, box: np.ndarray, model: np.ndarray) -> np.ndarray | None:
    """(2, 3): the (x, y, z) fractions of the box, low and high, of the part the view
    shows (the box cut by the view's frustum; clip planes and the scene's depth are
    not taken off: more, never less), or None when it shows none of it."""
    mvp, _ = _mvp(ctx, box, model)
    center = (box[0] + box[1]) / 2
    size = box[1] - box[0]
    inv = np.linalg.inv(mvp)
    s = np.linspace(-1.0, 1.0, _RAYS)
    ndc = np.array([(x, y) for x in s for y in s])
    ends = []
    for z in (-1.0, 1.0):  # near and far plane
        p = np.c_[ndc, np.full(len(ndc), z), np.ones(len(ndc))] @ inv.T
        ends.append((p[:, :3] / p[:, 3:] - (box[0] - center)) / size)
    o, d = ends[0], ends[1] - ends[0]  # rays in box fractions, t in [0, 1]
    with np.errstate(divide="ignore", invalid="ignore"):
        ta, tb = (0.0 - o) / d, (1.0 - o) / d
    lo = np.where(d == 0, np.where((o >= 0) & (o <= 1), -np.inf, np.inf), np.minimum(ta, tb))
    hi = np.where(d == 0, np.where((o >= 0) & (o <= 1), np.inf, -np.inf), np.maximum(ta, tb))
    t0 = np.maximum(np.nanmax(lo, axis=1), 0.0)
    t1 = np.minimum(np.nanmin(hi, axis=1), 1.0)
    hit = t1 >= t0
    points = [o[hit] + t0[hit, None] * d[hit], o[hit] + t1[hit, None] * d[hit]]
    # the box's corners in the view (the rays' grid passes near them, not through)
    clip = np.c_[_corners(box) - center, np.ones(8)] @ mvp.T
    with np.errstate(divide="ignore", invalid="ignore"):
        inside = (clip[:, 3] > 0) & (np.abs(clip[:, :3] / clip[:, 3:]) <= 1).all(axis=1)
    points.append(np.array(list(itertools.product((0.0, 1.0), repeat=3)))[inside])
    points = np.concatenate(points)
    if not len(points):
        return None
    return np.clip(np.array([points.min(axis=0), points.max(axis=0)]), 0.0, 1.0)
