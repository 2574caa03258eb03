"""Ring geometry of :class:`.path.Paths`: which flattened rings fill as convex fans,
which cross (and so fill by :func:`lumos.geometry.winding_fill`), how a path's rings
group into filled regions with their holes by its fill rule, and the rings as polyline
rows, subdivided for a non-linear transform, or back as (vertices, codes).
"""

from __future__ import annotations

import numpy as np

from .. import primitives as prim
from ..geometry import crossings, ring_segments
from ..path import Flat, winding_number
from ..transforms import subdivide


def convex_fans(flat: Flat, rings: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Fan triangles of the rings that are convex (one turn, no reflex corner); returns
    (faces, which of ``rings`` were convex)."""
    if not len(rings):
        return np.zeros((0, 3), np.int64), np.zeros(0, bool)
    starts, ends = flat.starts[rings], flat.starts[rings + 1]
    m = ends - starts
    idx = np.concatenate([np.arange(a, b) for a, b in zip(starts, ends, strict=True)])
    ring_of = np.repeat(np.arange(len(rings)), m)
    pos = np.arange(len(idx)) - np.repeat(np.cumsum(m) - m, m)
    nxt = idx + np.where(pos + 1 < m[ring_of], 1, 1 - m[ring_of])
    prv = idx + np.where(pos > 0, -1, m[ring_of] - 1)
    p = flat.points
    e0, e1 = p[idx] - p[prv], p[nxt] - p[idx]
    cross = e0[:, 0] * e1[:, 1] - e0[:, 1] * e1[:, 0]
    dot = (e0 * e1).sum(axis=1)
    turn = np.bincount(ring_of, np.arctan2(cross, dot), minlength=len(rings))
    scale = np.bincount(ring_of, np.hypot(*e0.T) * np.hypot(*e1.T), minlength=len(rings))
    eps = 1e-9 * scale[ring_of]
    neg = np.bincount(ring_of, cross < -eps, minlength=len(rings)) > 0
    pos_ = np.bincount(ring_of, cross > eps, minlength=len(rings)) > 0
    convex = ~(neg & pos_) & (np.abs(np.abs(turn) - 2 * np.pi) < 1e-6) & (m >= 3)
    s, k = starts[convex], m[convex] - 2
    base = np.repeat(s, k)
    j = np.arange(k.sum()) - np.repeat(np.cumsum(k) - k, k) + 1
    faces = np.c_[base, base + j, base + j + 1]
    return faces.astype(np.int64), convex


def crossing_paths(flat: Flat, rings: np.ndarray) -> set[int] | None:
    """The paths whose ``rings`` cross themselves or each other (earcut cannot fill
    those as Agg does); None when there are too many segment pairs to tell."""
    if not len(rings):
        return set()
    pts = np.concatenate([flat.ring(r) for r in rings])
    size = flat.starts[rings + 1] - flat.starts[rings]
    owner = np.repeat(flat.owner[rings], size)
    found = crossings(pts, ring_segments(pts, np.cumsum(size)), group=owner)
    return None if found is None else set(owner[found[0]].tolist())


def _area(p: np.ndarray) -> float:
    """The signed (shoelace) area of a ring."""
    return float(0.5 * np.sum(p[:, 0] * np.roll(p[:, 1], -1) - np.roll(p[:, 0], -1) * p[:, 1]))


def regions(flat: Flat, rings: list[int], rule: str) -> list[list[int]]:
    """Group a path's rings into filled regions (outer ring first, then its holes) by the
    fill rule: a ring is filled inside when the winding number there is nonzero
    ("nonzero") or odd ("evenodd"); one vertex per ring decides what contains it."""
    if len(rings) == 1:
        return [rings]
    pts = [flat.ring(r) for r in rings]
    area = np.array([_area(p) for p in pts])
    boxes = np.array([[*p.min(axis=0), *p.max(axis=0)] for p in pts])
    n = len(rings)
    inside = np.zeros((n, n), bool)  # inside[i, j]: ring i lies within ring j
    for i in range(n):
        x, y = pts[i][0]
        for j in range(n):
            if i != j and abs(area[j]) > abs(area[i]) and boxes[j, 0] <= x <= boxes[j, 2] \
                    and boxes[j, 1] <= y <= boxes[j, 3]:
                inside[i, j] = winding_number(pts[j], x, y) != 0
    sign = np.sign(area).astype(int)
    winding = sign + inside @ sign  # winding just inside each ring
    depth = inside.sum(axis=1) + 1
    filled = winding != 0 if rule == "nonzero" else depth % 2 == 1
    parent = np.full(n, -1)
    for i in range(n):
        outer = np.flatnonzero(inside[i])
        if len(outer):
            parent[i] = outer[np.argmin(np.abs(area[outer]))]
    out = []
    for i in range(n):
        if not filled[i] or (parent[i] >= 0 and filled[parent[i]]):
            continue  # unfilled, or already covered by its filled parent
        holes = [rings[c] for c in np.flatnonzero(parent == i) if not filled[c]]
        out.append([rings[i], *holes])
    return out


def polyline_rows(flat: Flat, rings: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Rows of ``flat.points`` drawing ``rings`` as polylines (a closed ring repeats its
    first point), -1 between rings; and which of ``rings`` each row belongs to."""
    m = flat.starts[rings + 1] - flat.starts[rings]
    closed = flat.closed[rings].astype(np.int64)
    per = m + closed + 1  # the ring, its closing point, a separator
    ring_index = np.repeat(np.arange(len(rings)), per)
    j = np.arange(per.sum()) - np.repeat(np.cumsum(per) - per, per)
    start = flat.starts[rings][ring_index]
    rows = np.where(j < m[ring_index], start + j,
                    np.where(j == m[ring_index], np.where(closed[ring_index] > 0, start, -1),
                             -1))
    rows, ring_index = rows[:-1], ring_index[:-1]  # no separator after the last ring
    # an open ring's row m is a separator already: drop the duplicate separators
    keep = np.r_[True, ~((rows[1:] < 0) & (rows[:-1] < 0))]
    return rows[keep], ring_index[keep]


def subdivided(flat: Flat, transform) -> Flat:
    """Rings with their straight edges subdivided, for a non-linear node transform."""
    pts, starts, closed, owner = [], [0], [], []
    for r in range(flat.rings):
        ring = flat.ring(r)
        if flat.closed[r]:
            ring = np.r_[ring, ring[:1]]
        sub = subdivide(ring, transform, n=8)
        if flat.closed[r]:
            sub = sub[:-1]
        pts.append(sub)
        starts.append(starts[-1] + len(sub))
        closed.append(flat.closed[r])
        owner.append(flat.owner[r])
    return Flat(np.concatenate(pts), np.array(starts), np.array(closed, bool),
                np.array(owner, np.int64))


def as_path(flat: Flat) -> tuple[np.ndarray, np.ndarray]:
    """Flattened rings back to (vertices, codes) with MOVETO/LINETO/CLOSEPOLY."""
    verts, codes = [], []
    for r in range(flat.rings):
        ring = flat.ring(r)
        c = np.full(len(ring), prim.LINETO, np.uint8)
        c[0] = prim.MOVETO
        verts.append(ring)
        codes.append(c)
        if flat.closed[r]:
            verts.append(ring[:1])
            codes.append(np.array([prim.CLOSEPOLY], np.uint8))
    if not verts:
        return np.zeros((0, 2)), np.zeros(0, np.uint8)
    return np.concatenate(verts), np.concatenate(codes)
