"""mplot3d's ``fill_between`` of :class:`~lumos.plot.axes3d.Axes3D` (a mixin): the band
between two 3D curves as polygons; names, keywords and defaults as mplot3d's."""

from __future__ import annotations

import numpy as np

from .. import colors
from .artists import accepts_rasterized
from .axes3d_collections import Poly3DCollection
from .polygons import contiguous_regions


def _on_one_plane(points: np.ndarray) -> bool:
    """Whether the (N, 3) points lie on one plane (mplot3d's test, to 1e-12 of their
    extent): fewer than 4 distinct points always do."""
    points = np.unique(points[np.isfinite(points).all(axis=1)], axis=0)
    if len(points) <= 3:
        return True
    centred = points - points.mean(axis=0)
    s = np.linalg.svd(centred, compute_uv=False)
    return bool(s[2] <= 1e-12 * max(s[0], np.finfo(float).tiny) * np.sqrt(len(points)))


class Fill3D:
    """``fill_between`` of 3D axes (mixed into Axes3D)."""

    @accepts_rasterized
    def fill_between(self, x1, y1, z1, x2, y2, z2, *, where=None, mode: str = "auto",
                     facecolors=None, shade=None, axlim_clip: bool = False, **kwargs):
        """Fill between the 3D curves (x1, y1, z1) and (x2, y2, z2) (arrays of one
        length, or scalars): one quadrilateral per step (``mode='quad'``, shaded by
        default) or one polygon per run (``'polygon'``); ``'auto'`` takes 'polygon' when
        all points lie on one plane. ``where`` leaves out steps with a False end."""
        from .axes3d_plotting import _broadcast

        if mode not in ("auto", "quad", "polygon"):
            raise ValueError(f"mode: got {mode!r}, expected 'auto', 'quad' or 'polygon'")
        x1, y1, z1, x2, y2, z2 = (np.ravel(v) for v in _broadcast(
            "x1, y1, z1, x2, y2, z2", x1, y1, z1, x2, y2, z2))
        if facecolors is None:
            facecolors = self._next_patch_color()  # mplot3d: the patches' cycle
        facecolors = colors.to_rgba_array(facecolors, dtype=np.float64, argname="facecolors")
        finite = np.isfinite(np.c_[x1, y1, z1, x2, y2, z2]).all(axis=1)
        if where is None:
            keep = finite
        else:
            w = np.asarray(where, dtype=bool)
            if w.size != x1.size:
                raise ValueError(f"where: got {w.size} values, expected {x1.size} (one per "
                                 "point)")
            keep = w.ravel() & finite
        line1, line2 = np.c_[x1, y1, z1], np.c_[x2, y2, z2]
        if mode == "auto":
            mode = "polygon" if _on_one_plane(np.r_[line1[keep], line2[keep]]) else "quad"
        if shade is None:
            shade = mode == "quad"
        polys = []
        for a, b in contiguous_regions(keep):
            p, q = line1[a:b], line2[a:b]
            if mode == "quad":
                polys += list(np.stack([p[:-1], p[1:], q[1:], q[:-1]], axis=1))
            else:
                polys.append(np.r_[p, q[::-1]])
        coll = Poly3DCollection(polys, facecolors=list(facecolors), shade=bool(shade),
                                axlim_clip=axlim_clip, **kwargs)
        return self.add_collection3d(coll)
