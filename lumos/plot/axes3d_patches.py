"""2D patches on 3D axes: ``ax.add_patch(p)`` then ``art3d.pathpatch_2d_to_3d(p, z=...,
zdir=...)`` (or ``patch_2d_to_3d``) lays a patch (lumos's or matplotlib's, a ``TextPath``
``PathPatch`` too) flat on a plane of the box, as mplot3d's ``PathPatch3D``.

A lifted patch is drawn as two 3D collections: its fill (the path's rings filled by the
nonzero rule, holes of glyphs left open) and its outline. Where matplotlib fails to draw a
patch added but never lifted, lumos lays it on z = 0 (the default plane of
``patch_2d_to_3d``). Patches do not move the limits (nor do they in mplot3d).
"""

from __future__ import annotations

import weakref

import numpy as np

from .. import colors
from ..geometry import triangulate, winding_fill
from .axes3d_artists import check_zdir, juggle_axes
from .axes3d_collections import Line3DCollection, Poly3DCollection

# patch → (axes, its collections): what pathpatch_2d_to_3d finds to move a patch
_LIFTED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _rings(patch) -> list[np.ndarray]:
    """The patch's closed rings (curves flattened) in its own 2D data coordinates."""
    path = patch.get_patch_transform().transform_path(patch.get_path())
    rings = [np.asarray(r, np.float64) for r in path.to_polygons(closed_only=False)]
    return [r for r in rings if len(r) >= 2 and np.isfinite(r).all()]


def _fill_triangles(rings: list[np.ndarray]) -> np.ndarray:
    """(K, 3, 2) triangles covering where the rings wind (nonzero, as Agg fills)."""
    closed = [r[:-1] if len(r) > 1 and np.array_equal(r[0], r[-1]) else r for r in rings]
    closed = [r for r in closed if len(r) >= 3]
    if not closed:
        return np.zeros((0, 3, 2))
    pts = np.concatenate(closed)
    ends = np.cumsum([len(r) for r in closed])
    fill = winding_fill(pts, ends, "nonzero")
    if fill is None:  # too many crossings to resolve: earcut (even-odd for nested rings)
        return pts[triangulate(pts, ends)]
    points, tris = fill
    return points[tris]


def _on_plane(xy: np.ndarray, z: float, zdir: str) -> np.ndarray:
    """(..., 2) points on the plane ``zdir`` = z, as (..., 3) data points."""
    x, y = xy[..., 0], xy[..., 1]
    return np.stack(juggle_axes(x, y, np.full_like(x, z), zdir), axis=-1)


def _collections(patch, z: float, zdir: str, axlim_clip: bool) -> list:
    """The fill and outline collections of ``patch`` on the plane ``zdir`` = z
    (``axlim_clip``: what lies outside the axes limits left out)."""
    if getattr(patch, "get_hatch", lambda: None)():
        raise TypeError("add_patch: hatch is not supported on 3D axes")
    rings = _rings(patch)
    zorder, label = patch.get_zorder(), patch.get_label()
    out = []
    face = colors.to_rgba(patch.get_facecolor(), argname="facecolor")
    fill = patch.get_fill() if hasattr(patch, "get_fill") else True
    if fill and face[3] > 0:
        tris = _on_plane(_fill_triangles(rings), z, zdir)
        out.append(Poly3DCollection(list(tris), facecolors=[face], edgecolors="none",
                                    linewidths=0, zorder=zorder, label=label,
                                    axlim_clip=axlim_clip))
    edge = colors.to_rgba(patch.get_edgecolor(), argname="edgecolor")
    width = float(patch.get_linewidth())
    if edge[3] > 0 and width > 0:
        out.append(Line3DCollection([_on_plane(r, z, zdir) for r in rings], colors=[edge],
                                    linewidths=width, linestyles=patch.get_linestyle(),
                                    zorder=zorder, axlim_clip=axlim_clip))
    for c in out:
        c.set_visible(patch.get_visible())
    return out


def add_patch3d(axes, patch):
    """``ax.add_patch`` of 3D axes: ``patch`` laid on z = 0 until a ``patch_2d_to_3d`` /
    ``pathpatch_2d_to_3d`` moves it; returns ``patch``."""
    if patch in _LIFTED:
        raise ValueError("p: got a patch already added to 3D axes")
    _LIFTED[patch] = (axes, [])
    lift(patch, 0, "z")
    return patch


def lift(patch, z=0, zdir: str = "z", axlim_clip: bool = False) -> None:
    """Lay ``patch``, added to 3D axes with ``add_patch``, on the plane ``zdir`` = ``z``
    (mplot3d's ``pathpatch_2d_to_3d`` and ``patch_2d_to_3d``); ``axlim_clip``: what lies
    outside the axes limits is left out."""
    check_zdir(zdir)
    if patch not in _LIFTED:
        raise ValueError("pathpatch: got a patch not added to 3D axes; call "
                         "ax.add_patch(p) on the 3D axes first")
    try:
        z = float(z)
    except (TypeError, ValueError):
        raise TypeError(f"z: got {z!r}, expected one number (the plane's height)") from None
    axes, old = _LIFTED[patch]
    for c in old:
        c.remove()
    new = _collections(patch, z, zdir, bool(axlim_clip))
    for c in new:
        axes.add_collection3d(c, autolim=False)
    _LIFTED[patch] = (axes, new)
