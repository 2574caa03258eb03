"""Flat triangles in SVG and PDF: each color's union written as its outline."""

from __future__ import annotations

import numpy as np

from lumos import primitives as P
from lumos.io.pdf import pdf_document
from lumos.io.svg import svg_document
from lumos.io.vector import CLOSEPOLY, MOVETO, color_groups, outline


def winding(verts: np.ndarray, codes: np.ndarray, q: np.ndarray) -> np.ndarray:
    """The winding number of the closed rings (MOVETO ... CLOSEPOLY) about points q."""
    out = np.zeros(len(q), np.int64)
    starts = np.nonzero(codes == MOVETO)[0]
    for s, e in zip(starts, [*starts[1:], len(codes)], strict=True):
        ring = verts[s:e][codes[s:e] != CLOSEPOLY]
        a, b = ring, np.roll(ring, -1, axis=0)
        for (x0, y0), (x1, y1) in zip(a, b, strict=True):
            up = (y0 <= q[:, 1]) & (y1 > q[:, 1])
            down = (y1 <= q[:, 1]) & (y0 > q[:, 1])
            side = (x1 - x0) * (q[:, 1] - y0) - (q[:, 0] - x0) * (y1 - y0)
            out += (up & (side > 0)).astype(int) - (down & (side < 0)).astype(int)
    return out


def grid_triangles(n: int, hole: bool) -> np.ndarray:
    """An n x n grid of unit cells, two triangles each, without the middle cells."""
    tri = []
    for i in range(n):
        for j in range(n):
            if hole and n // 3 <= i < n - n // 3 and n // 3 <= j < n - n // 3:
                continue
            a, b, c, d = (i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)
            tri += [(a, b, c), (a, c, d)]
    return np.asarray(tri, float) * 10


def test_outline_of_a_grid_with_a_hole_is_two_rings_of_corners():
    tri = grid_triangles(9, hole=True)
    verts, codes = outline(tri)
    assert (codes == MOVETO).sum() == 2  # the outer ring and the hole's
    assert len(verts) == 2 * (4 + 1)  # straight runs keep only their corners
    q = np.random.default_rng(1).uniform(-5, 95, (2000, 2))
    q = q[(np.abs(q / 10 - np.round(q / 10)) > 0.01).all(axis=1)]  # off the edges
    inside_hole = ((q >= 30) & (q <= 60)).all(axis=1)
    inside = ((q >= 0) & (q <= 90)).all(axis=1) & ~inside_hole
    assert ((winding(verts, codes, q) != 0) == inside).all()


def test_overlapping_triangles_stay_filled():
    a = np.array([[[0, 0], [40, 0], [0, 40]]], float)
    tri = np.concatenate([a, a + 10, a + [30, 0]])  # overlapping, all turned one way
    verts, codes = outline(tri)
    q = np.random.default_rng(2).uniform(-5, 75, (3000, 2))
    covered = np.zeros(len(q), bool)
    for t in tri:
        covered |= winding(t, np.r_[MOVETO, 2, 2].astype(np.uint8), q) != 0
    assert ((winding(verts, codes, q) != 0) == covered).all()


def test_files_hold_one_outline_per_color():
    tri = grid_triangles(12, hole=False)
    verts = tri.reshape(-1, 2)
    faces = np.arange(len(verts)).reshape(-1, 3)
    colors = np.where((np.arange(len(faces)) // 2 % 12 < 6)[:, None], [1, 0, 0, 1],
                      [0, 0, 1, 1])
    t = P.Triangles(verts, faces, colors, per_vertex=False)
    groups = color_groups(t)
    assert [len(g[1]) for g in groups] == [5, 5]  # two rectangles, closed
    svg = svg_document([t], (130, 130))
    assert svg.count("<path") == 3  # two fills and the seam between them
    pdf = pdf_document([t], (130, 130))
    # 288 triangles were 288 subpaths; now a rectangle per color
    assert len(svg) < 2000 and len(pdf) < 2000
