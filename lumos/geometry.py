"""Ready-made triangle meshes for ``visuals.Mesh``: spheres, cubes, surfaces z(x, y).

>>> verts, faces = sphere(radius=2)
>>> verts, faces = surface(x, y, z)          # a height field on a grid
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


def triangulate_polygon(points: np.ndarray) -> np.ndarray:
    """Triangles of a simple polygon (closing point optional, NaN rows dropped)."""
    pts = points[np.isfinite(points).all(axis=1)]
    if len(pts) > 1 and np.array_equal(pts[0], pts[-1]):
        pts = pts[:-1]
    if len(pts) < 3:
        return np.zeros((0, 3), dtype=np.int64)
    return triangulate(pts, [len(pts)])


def polygon_triangles(polys: list[np.ndarray]) -> list[np.ndarray]:
    """Triangles (m - 2, 3), local vertex indices, of each (m, 3) polygon in 3D lying on
    a plane: a fan where the polygon is convex (seen along its Newell normal), earcut
    where it is not (a fan would cover the outside of a dent); earcut's triangles are
    padded with empty ones to m - 2 so that triangle counts follow vertex counts."""
    out: list[np.ndarray] = [np.zeros((0, 3), dtype=np.int64)] * len(polys)
    sizes = np.array([len(p) for p in polys], dtype=np.int64)
    for m in np.unique(sizes[sizes >= 3]):
        idx = np.flatnonzero(sizes == m)
        fan = np.c_[np.zeros(m - 2, np.int64), np.arange(1, m - 1), np.arange(2, m)]
        if m == 3:
            for i in idx:
                out[i] = fan
            continue
        p = np.stack([polys[i] for i in idx])  # (G, m, 3)
        q = np.roll(p, -1, axis=1)
        normal = np.cross(p, q).sum(axis=1)  # Newell's normal: robust for any planar ring
        # turn at each corner along the normal: one sign throughout means convex
        e = q - p
        turn = (np.cross(e, np.roll(e, -1, axis=1)) * normal[:, None, :]).sum(axis=2)
        convex = (turn >= 0).all(axis=1) | (turn <= 0).all(axis=1)
        for g, i in enumerate(idx):
            if convex[g]:
                out[i] = fan
                continue
            drop = int(np.argmax(np.abs(normal[g])))
            flat = np.delete(p[g], drop, axis=1)
            tri = triangulate(flat, [m])
            pad = np.zeros((max(m - 2 - len(tri), 0), 3), dtype=np.int64)
            out[i] = np.r_[tri[:m - 2], pad]
    return out
