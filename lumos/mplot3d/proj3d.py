"""``mpl_toolkits.mplot3d.proj3d``: project data through ``ax.get_proj()``.

>>> x2, y2, _ = proj3d.proj_transform(x, y, z, ax.get_proj())
>>> ax.annotate("peak", (x2, y2))   # in a 2D axes, or text2D on the 3D one
"""

from __future__ import annotations

import numpy as np

__all__ = ["inv_transform", "proj_transform"]


def proj_transform(xs, ys, zs, M):  # noqa: N803
    """Projected (x, y, z) of data points through a 4x4 matrix M (homogeneous divide)."""
    v = np.array([np.asarray(xs, float), np.asarray(ys, float), np.asarray(zs, float)])
    w = np.tensordot(np.asarray(M, float), np.concatenate([v, np.ones((1,) + v.shape[1:])]), 1)
    return tuple(w[:3] / w[3])


def inv_transform(xs, ys, zs, invM):  # noqa: N803
    """Data points back from projected (x, y, z) through the inverse matrix."""
    return proj_transform(xs, ys, zs, invM)
