"""Ready-made triangle meshes for ``visuals.Mesh``: spheres, cubes, surfaces z(x, y); and
the triangles of filled polygons, by matplotlib's winding rules also where they cross.

>>> verts, faces = sphere(radius=2)
>>> verts, faces = surface(x, y, z)          # a height field on a grid
>>> points, faces = fill_polygon(star)       # a pentagram: its centre filled (nonzero)
"""

from __future__ import annotations

import numpy as np


def sphere(nu: int = 24, nv: int = 12, radius: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    """A UV sphere about the origin: ``nu`` segments around z, ``nv`` from pole to pole."""
    u, v = np.meshgrid(np.linspace(0, 2 * np.pi, nu + 1), np.linspace(0, np.pi, nv + 1))
    verts = radius * np.c_[(np.cos(u) * np.sin(v)).ravel(), (np.sin(u) * np.sin(v)).ravel(),
                           np.cos(v).ravel()]
    return verts, grid_faces(nv + 1, nu + 1)


def cube() -> tuple[np.ndarray, np.ndarray]:
    """A 2×2×2 cube about the origin (8 vertices, 12 triangles)."""
    verts = np.array([[x, y, z] for x in (-1, 1) for y in (-1, 1) for z in (-1, 1)], float)
    quads = [(0, 1, 3, 2), (4, 6, 7, 5), (0, 4, 5, 1), (2, 3, 7, 6), (0, 2, 6, 4), (1, 5, 7, 3)]
    faces = np.array([[a, b, c] for a, b, c, d in quads] + [[a, c, d] for a, b, c, d in quads])
    return verts, faces


def grid_faces(rows: int, cols: int) -> np.ndarray:
    """Two triangles per cell of a ``rows`` × ``cols`` grid of vertices (row-major)."""
    idx = np.arange(rows * cols).reshape(rows, cols)
    a, b = idx[:-1, :-1].ravel(), idx[1:, :-1].ravel()
    c, d = idx[1:, 1:].ravel(), idx[:-1, 1:].ravel()
    return np.r_[np.c_[a, b, d], np.c_[d, b, c]]


def surface(x, y, z) -> tuple[np.ndarray, np.ndarray]:
    """The mesh of a height field: ``z`` of shape (rows, cols) over 1D ``x`` (cols) and
    ``y`` (rows), or 2D ``x``, ``y`` of z's shape."""
    z = np.asarray(z, dtype=float)
    if z.ndim != 2:
        raise ValueError(f"z: got shape {z.shape}, expected (rows, cols)")
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if x.ndim == 1 and y.ndim == 1:
        x, y = np.meshgrid(x, y)
    if x.shape != z.shape or y.shape != z.shape:
        raise ValueError(f"x, y: got shapes {x.shape} and {y.shape}, expected {z.shape} "
                         "(or 1D of its columns and rows)")
    return np.c_[x.ravel(), y.ravel(), z.ravel()], grid_faces(*z.shape)


def triangulate(points, ring_ends) -> np.ndarray:
    """Triangles (M, 3) of a polygon with holes (earcut): ``points`` (N, 2) holds the outer
    ring then the holes, ring ``k`` ending (exclusive) at row ``ring_ends[k]``."""
    import mapbox_earcut

    points = np.ascontiguousarray(points, dtype=np.float64)
    if len(points) < 3:
        return np.zeros((0, 3), dtype=np.int64)
    idx = mapbox_earcut.triangulate_float64(points, np.asarray(ring_ends, dtype=np.uint32))
    return np.asarray(idx, dtype=np.int64).reshape(-1, 3)


def _open_ring(points: np.ndarray) -> np.ndarray:
    """A polygon's finite points without a closing point."""
    pts = points[np.isfinite(points).all(axis=1)]
    if len(pts) > 1 and np.array_equal(pts[0], pts[-1]):
        pts = pts[:-1]
    return pts


def triangulate_polygon(points: np.ndarray) -> np.ndarray:
    """Triangles of a simple polygon (closing point optional, NaN rows dropped)."""
    pts = _open_ring(points)
    if len(pts) < 3:
        return np.zeros((0, 3), dtype=np.int64)
    return triangulate(pts, [len(pts)])


def fill_polygon(points: np.ndarray, rule: str = "nonzero") -> tuple[np.ndarray, np.ndarray]:
    """Points and triangles filling a polygon as matplotlib does (by the winding ``rule``),
    also where it crosses itself: its finite points (closing point dropped), then the
    points of :func:`winding_fill` when it crosses itself."""
    pts = _open_ring(np.asarray(points, np.float64))
    if len(pts) < 3:
        return pts, np.zeros((0, 3), dtype=np.int64)
    found = crossings(pts, ring_segments(pts, [len(pts)]))
    fill = None if found is not None and not len(found[0]) else \
        winding_fill(pts, [len(pts)], rule)
    if fill is None:  # simple (or too large to resolve: earcut, about even-odd)
        return pts, triangulate(pts, [len(pts)])
    return np.r_[pts, fill[0]], fill[1] + len(pts)


#: segment pairs :func:`crossings` tests at most (pairs whose x extents overlap)
MAX_PAIRS = 1 << 22
#: trapezoids :func:`winding_fill` makes at most
MAX_CELLS = 1 << 21


def ring_segments(points: np.ndarray, ring_ends) -> np.ndarray:
    """The row each point of closed rings joins: the next one, the ring's first point
    for its last (``points`` (N, 2), ring ``k`` ending (exclusive) at ``ring_ends[k]``)."""
    ends = np.asarray(ring_ends, np.int64)
    nxt = np.arange(1, len(points) + 1)
    nxt[ends - 1] = np.r_[0, ends[:-1]]
    return nxt


def crossings(points: np.ndarray, nxt: np.ndarray, group=None, max_pairs: int = MAX_PAIRS):
    """Where segments ``points[k] -> points[nxt[k]]`` that do not follow one another
    cross or touch: (i, j, at), segments i and j meeting at the points ``at`` (K, 2);
    with ``group`` (one int per segment), only segments of one group are paired. None
    when more than ``max_pairs`` pairs would need a test. Pairs whose x extents overlap
    are found by a sweep along x (sorted on the group first)."""
    a, b = points, points[nxt]
    n = len(a)
    none = (np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros((0, 2)))
    if n < 4:
        return none
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    g = np.zeros(n, np.int64) if group is None else np.asarray(group, np.int64)
    # exact keys: (group, rank of x) in one integer, so a pair never crosses groups
    ranks = np.unique(np.r_[lo[:, 0], hi[:, 0]], return_inverse=True)[1]
    span = 2 * n + 1
    key_lo, key_hi = g * span + ranks[:n], g * span + ranks[n:]
    order = np.argsort(key_lo, kind="stable")
    reach = np.searchsorted(key_lo[order], key_hi[order], side="right")
    count = np.maximum(reach - np.arange(n) - 1, 0)
    total = int(count.sum())
    if total > max_pairs:
        return None
    if not total:
        return none
    first = np.repeat(np.arange(n), count)
    i = order[first]
    j = order[first + 1 + np.arange(total) - np.repeat(np.cumsum(count) - count, count)]
    keep = (lo[i, 1] <= hi[j, 1]) & (lo[j, 1] <= hi[i, 1]) & (nxt[i] != j) & (nxt[j] != i)
    i, j = i[keep], j[keep]
    p, r = a[i], b[i] - a[i]
    q, s = a[j], b[j] - a[j]
    den = r[:, 0] * s[:, 1] - r[:, 1] * s[:, 0]
    qp = q - p
    with np.errstate(all="ignore"):
        ti = (qp[:, 0] * s[:, 1] - qp[:, 1] * s[:, 0]) / den
        tj = (qp[:, 0] * r[:, 1] - qp[:, 1] * r[:, 0]) / den
    eps = 1e-12
    hit = (den != 0) & (ti > -eps) & (ti < 1 + eps) & (tj > -eps) & (tj < 1 + eps)
    # collinear segments that overlap touch too (at q, a vertex)
    r2 = np.maximum((r * r).sum(axis=1), 1e-300)
    along = (qp * r).sum(axis=1) / r2, ((q + s - p) * r).sum(axis=1) / r2
    hit |= (den == 0) & (qp[:, 0] * r[:, 1] == qp[:, 1] * r[:, 0]) & (
        np.maximum(*along) >= 0) & (np.minimum(*along) <= 1)
    at = q[hit]
    cut = den[hit] != 0
    at[cut] = p[hit][cut] + ti[hit][cut, None] * r[hit][cut]
    return i[hit], j[hit], at


def winding_fill(points: np.ndarray, ring_ends, rule: str = "nonzero", axis: int | None = None,
                 max_cells: int = MAX_CELLS) -> tuple[np.ndarray, np.ndarray] | None:
    """Points (M, 2) and triangles (K, 3) covering exactly where closed rings wind
    ("nonzero": winding number not 0, matplotlib's and Agg's rule; "evenodd": odd),
    rings that cross themselves or each other included; None when that takes more than
    :data:`MAX_PAIRS` segment tests or ``max_cells`` trapezoids.

    The plane is cut into slabs at every vertex and crossing, along ``axis`` (0: x, 1:
    y; None: the one that makes fewer trapezoids, x for a ``fill_between`` band); in a
    slab no two segments cross, so sorting them and summing their directions gives each
    gap's winding, and every filled run between two segments is one trapezoid.
    Trapezoids do not overlap: a translucent fill covers each sample once. Where slabs
    meet, one trapezoid's corner can lie on another's side: a transform that bends the
    lines of constant ``axis`` coordinate would open cracks there."""
    pts = np.asarray(points, np.float64)
    nxt = ring_segments(pts, ring_ends)
    found = crossings(pts, nxt)
    if found is None:
        return None
    at = found[2]
    a, b = pts, pts[nxt]
    best = None
    for along in (1, 0) if axis is None else (axis,):
        events = np.unique(np.r_[pts[:, along], at[:, along]])
        lo, hi = np.minimum(a[:, along], b[:, along]), np.maximum(a[:, along], b[:, along])
        k0, k1 = np.searchsorted(events, lo), np.searchsorted(events, hi)
        cells = int((k1 - k0).sum())
        if best is None or cells < best[0]:
            best = (cells, along, events, k0, k1)
    cells, axis, events, k0, k1 = best
    if cells > max_cells:
        return None
    other = 1 - axis
    u0, u1 = a[:, axis], b[:, axis]  # along the sweep
    v0, v1 = a[:, other], b[:, other]  # across it
    count = k1 - k0
    seg = np.repeat(np.arange(len(a)), count)
    slab = np.arange(cells) - np.repeat(np.cumsum(count) - count, count) + np.repeat(k0, count)
    lo_u, hi_u = events[slab], events[slab + 1]

    def across(u):
        t = (u - u0[seg]) / (u1[seg] - u0[seg])
        return v0[seg] * (1 - t) + v1[seg] * t  # exact at both ends (t = 0 or 1)

    v_lo, v_hi = across(lo_u), across(hi_u)
    order = np.lexsort((v_lo + v_hi, slab))
    slab, v_lo, v_hi = slab[order], v_lo[order], v_hi[order]
    step = np.sign(u1 - u0).astype(np.int64)[seg[order]]
    total = np.cumsum(step)
    first = np.r_[True, slab[1:] != slab[:-1]]
    base = np.maximum.accumulate(np.where(first, np.arange(cells), 0))
    winding = total - (total[base] - step[base])  # winding just past each segment
    inside = winding != 0 if rule == "nonzero" else winding % 2 == 1
    before = np.r_[False, inside[:-1]] & ~first
    left, right = np.flatnonzero(inside & ~before), np.flatnonzero(before & ~inside)
    s = slab[left]
    quad = np.empty((len(left), 4, 2))
    quad[:, :, axis] = np.c_[events[s], events[s], events[s + 1], events[s + 1]]
    quad[:, :, other] = np.c_[v_lo[left], v_lo[right], v_hi[right], v_hi[left]]
    q = 4 * np.arange(len(left))[:, None]
    tris = np.r_[q + [0, 1, 2], q + [0, 2, 3]]
    return quad.reshape(-1, 2), tris.astype(np.int64)
