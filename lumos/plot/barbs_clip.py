"""Barbs and quiver arrows cut at a disc: matplotlib clips an axes' artists to its patch,
so on full-circle polar axes a barb or an arrow near the rim ends at the circle (lumos's
view clips to the square box; a sector's wedge is clipped by the axes already). They are
shapes in pixels about their points, cut here in those pixels: staffs as polylines,
flags and arrows as polygons.
"""

from __future__ import annotations

import numpy as np

#: sides of the polygon standing for the circle (its edges within 0.01 pixel of the
#: circle for a radius of 150 pixels)
_SIDES = 256


def clip_polyline(pts: np.ndarray, center: np.ndarray, radius: float) -> np.ndarray:
    """The pieces of polyline ``pts`` (M, 2) inside the disc, NaN rows between them."""
    if (np.hypot(*(pts - center).T) <= radius).all():
        return pts  # a segment between two points inside lies inside
    a, b = pts[:-1], pts[1:]
    d, f = b - a, a - center
    qa = (d * d).sum(axis=1)
    qb = 2 * (f * d).sum(axis=1)
    qc = (f * f).sum(axis=1) - radius * radius
    disc = qb * qb - 4 * qa * qc
    out: list[np.ndarray] = []
    with np.errstate(invalid="ignore", divide="ignore"):
        root = np.sqrt(np.maximum(disc, 0.0))
        lo = np.maximum((-qb - root) / (2 * qa), 0.0)
        hi = np.minimum((-qb + root) / (2 * qa), 1.0)
    for i in np.flatnonzero((qa > 0) & (disc > 0) & (lo < hi)).tolist():
        p, q = a[i] + lo[i] * d[i], a[i] + hi[i] * d[i]
        if out and np.allclose(out[-1], p):
            out.append(q)
        else:
            if out:
                out.append(np.full(2, np.nan))
            out.extend((p, q))
    return np.array(out).reshape(-1, 2)


def clip_polygon(poly: np.ndarray, center: np.ndarray, radius: float) -> np.ndarray:
    """Polygon ``poly`` (M, 2, not closed) cut to the disc (Sutherland-Hodgman against
    a polygon circumscribing the circle); empty when nothing is inside."""
    ang = np.linspace(0, 2 * np.pi, _SIDES, endpoint=False)
    normals = np.c_[np.cos(ang), np.sin(ang)]
    # only the edges some vertex lies beyond cut anything
    beyond = ((poly - center) @ normals.T > radius).any(axis=0)
    for n in normals[beyond]:
        if not len(poly):
            break
        side = (poly - center) @ n - radius  # > 0: outside this edge
        out = []
        for j in range(len(poly)):
            p, q, sp, sq = poly[j - 1], poly[j], side[j - 1], side[j]
            if (sp > 0) != (sq > 0):
                out.append(p + (q - p) * (sp / (sp - sq)))
            if sq <= 0:
                out.append(q)
        poly = np.array(out).reshape(-1, 2)
    return poly


def polar_rim(artist) -> tuple[np.ndarray, float] | None:
    """(center, radius) in figure pixels of the circle ``artist``'s shapes in pixels
    are cut at: its full-circle polar axes' (matplotlib clips to the axes' patch);
    None elsewhere, or with ``clip_on=False``."""
    ax = artist.axes
    if ax is None or ax.name != "polar" or not artist.get_clip_on():
        return None
    (t0, t1), (r0, r1) = ax.get_xlim(), ax.get_ylim()
    if abs(t1 - t0) < 2 * np.pi - 1e-9:  # a sector: its wedge clips the axes' artists
        return None
    center = ax.transAxes.forward(np.array([[0.5, 0.5]]))[0]
    edge = ax.transData.forward(np.array([[t0, r0], [t0, r1]]))
    return center, float(np.hypot(*(edge - center).T).max())
