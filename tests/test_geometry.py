"""Ready-made meshes: closed, consistently wound, validated."""

import numpy as np
import pytest

from lumos import geometry


def edge_counts(faces: np.ndarray) -> dict:
    counts: dict = {}
    for f in faces:
        for a, b in ((f[0], f[1]), (f[1], f[2]), (f[2], f[0])):
            counts[(a, b)] = counts.get((a, b), 0) + 1
    return counts


def test_cube_is_closed_and_outward():
    verts, faces = geometry.cube()
    assert verts.shape == (8, 3) and faces.shape == (12, 3)
    counts = edge_counts(faces)
    # every directed edge once, and its reverse once: a closed, consistently wound surface
    assert all(counts.get((b, a)) == 1 for (a, b) in counts)
    tri = verts[faces]
    normals = np.cross(tri[:, 1] - tri[:, 0], tri[:, 2] - tri[:, 0])
    assert np.all(np.einsum("ij,ij->i", normals, tri.mean(axis=1)) > 0)


def test_sphere_radius_and_outward_faces():
    verts, faces = geometry.sphere(16, 8, radius=2.0)
    np.testing.assert_allclose(np.linalg.norm(verts, axis=1), 2.0)
    tri = verts[faces]
    normals = np.cross(tri[:, 1] - tri[:, 0], tri[:, 2] - tri[:, 0])
    big = np.linalg.norm(normals, axis=1) > 1e-9  # the pole rows have degenerate triangles
    assert np.all(np.einsum("ij,ij->i", normals[big], tri[big].mean(axis=1)) > 0)


def test_surface_from_1d_and_2d_grids_and_errors():
    x, y = np.linspace(0, 1, 4), np.linspace(0, 2, 3)
    z = np.arange(12.0).reshape(3, 4)
    verts, faces = geometry.surface(x, y, z)
    assert verts.shape == (12, 3) and faces.shape == (2 * 3 * 2, 3)
    np.testing.assert_array_equal(verts[:, 2], z.ravel())
    X, Y = np.meshgrid(x, y)
    v2, f2 = geometry.surface(X, Y, z)
    np.testing.assert_array_equal(v2, verts)
    with pytest.raises(ValueError, match="z"):
        geometry.surface(x, y, z.ravel())
    with pytest.raises(ValueError, match="x, y"):
        geometry.surface(x[:3], y, z)


# -- fills of rings that cross (matplotlib's nonzero rule) ---------------------------
SQUARE = np.array([[0, 0], [1, 0], [1, 1], [0, 1]], float)


def crossing_count(pts, ends, group=None) -> int:
    return len(geometry.crossings(pts, geometry.ring_segments(pts, ends), group)[0])


def test_crossings_of_rings_themselves_and_each_other():
    assert crossing_count(SQUARE, [4]) == 0
    assert crossing_count(np.array([[0, 0], [1, 1], [1, 0], [0, 1]], float), [4]) == 1
    hole = 0.25 + 0.5 * SQUARE[::-1]
    assert crossing_count(np.r_[SQUARE, hole], [4, 8]) == 0
    assert crossing_count(np.r_[SQUARE, SQUARE + 0.5], [4, 8]) == 2
    # touching at a corner counts (earcut cannot tell that either); other groups never
    assert crossing_count(np.r_[SQUARE, SQUARE + 1.0], [4, 8]) > 0
    assert crossing_count(np.r_[SQUARE, SQUARE + 0.5], [4, 8], group=[0] * 4 + [1] * 4) == 0
    pts = np.r_[SQUARE, SQUARE + 0.5]
    assert geometry.crossings(pts, geometry.ring_segments(pts, [4, 8]), max_pairs=1) is None


def star(k: int = 2, n: int = 5) -> np.ndarray:
    t = np.pi / 2 + np.arange(n) * 2 * k * np.pi / n
    return np.c_[np.cos(t), np.sin(t)]


def coverage(points, tris, xy) -> np.ndarray:
    """How many triangles cover each point of ``xy`` (M, 2), strictly inside."""
    a, b, c = (points[tris[:, k]][:, None, :] for k in range(3))

    def side(p, q):
        return (q[..., 0] - p[..., 0]) * (xy[None, :, 1] - p[..., 1]) - \
            (q[..., 1] - p[..., 1]) * (xy[None, :, 0] - p[..., 0])

    s = np.stack([side(a, b), side(b, c), side(c, a)])
    return (((s > 0).all(axis=0)) | ((s < 0).all(axis=0))).sum(axis=0)


@pytest.mark.parametrize("rule", ["nonzero", "evenodd"])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_winding_fill_covers_once_where_the_rings_wind(rule, seed):
    from lumos.path import winding_number

    rng = np.random.default_rng(seed)
    rings = [rng.uniform(-1, 1, (40, 2)), star(), 0.5 * star(3, 7)[::-1]]
    pts, ends = np.concatenate(rings), np.cumsum([len(r) for r in rings])
    out = geometry.winding_fill(pts, ends, rule)
    assert out is not None
    points, tris = out
    xy = rng.uniform(-1.1, 1.1, (1500, 2))
    wind = sum(np.array([winding_number(r, x, y) for x, y in xy]) for r in rings)
    want = wind != 0 if rule == "nonzero" else wind % 2 == 1
    got = coverage(points, tris, xy)
    assert got.max() == 1  # the triangles never overlap: translucent fills shade once
    assert want.mean() > 0.2 and np.array_equal(got == 1, want)


def area(points, tris) -> float:
    a, b, c = (points[tris[:, k]] for k in range(3))
    u, v = b - a, c - a
    return float(np.abs(u[:, 0] * v[:, 1] - u[:, 1] * v[:, 0]).sum() / 2)


def test_winding_fill_areas_of_stars_and_donuts():
    assert area(*geometry.winding_fill(star(), [5])) == pytest.approx(1.12257, abs=1e-5)
    # even-odd leaves out the inner pentagon (radius 0.382 about the same centre)
    assert area(*geometry.winding_fill(star(), [5], "evenodd")) == pytest.approx(0.77568,
                                                                                  abs=1e-5)
    hole = 0.25 + 0.5 * SQUARE
    both = np.r_[SQUARE, hole]
    assert area(*geometry.winding_fill(both, [4, 8])) == pytest.approx(1.0)  # same turn
    assert area(*geometry.winding_fill(np.r_[SQUARE, hole[::-1]], [4, 8])) == \
        pytest.approx(0.75)
    assert area(*geometry.winding_fill(both, [4, 8], "evenodd")) == pytest.approx(0.75)
    assert geometry.winding_fill(star(), [5], max_cells=3) is None


def test_fill_polygon_keeps_simple_polygons_and_resolves_crossing_ones():
    pts, tris = geometry.fill_polygon(np.r_[SQUARE, SQUARE[:1]])  # closing point dropped
    assert np.array_equal(pts, SQUARE) and len(tris) == 2
    t = np.linspace(0, 2 * np.pi, 80, endpoint=False)
    eight = np.c_[np.sin(2 * t), np.sin(t)]  # lobes cross at a vertex, wound oppositely
    pts, tris = geometry.fill_polygon(eight)
    assert np.array_equal(pts[:80], eight)
    lobes = 2 * abs(float(np.sum(eight[:40, 0] * np.roll(eight[:40, 1], -1)
                                 - np.roll(eight[:40, 0], -1) * eight[:40, 1]))) / 2
    assert area(pts, tris) == pytest.approx(lobes, rel=1e-9)


def test_winding_fill_sweeps_along_the_axis_asked_for():
    x = np.linspace(0, 10, 200)
    band = np.r_[np.c_[x, np.sin(x)], np.c_[x, np.cos(x)][::-1]]  # fill_between's
    free, along_x = geometry.winding_fill(band, [400]), geometry.winding_fill(band, [400],
                                                                               axis=0)
    along_y = geometry.winding_fill(band, [400], axis=1)
    assert len(free[1]) == len(along_x[1]) < len(along_y[1])
    # slabs along x: every trapezoid has two sides of constant x
    quad = along_x[0].reshape(-1, 4, 2)
    assert np.array_equal(quad[:, 0, 0], quad[:, 1, 0])
    assert np.array_equal(quad[:, 2, 0], quad[:, 3, 0])
    assert area(*along_x) == pytest.approx(area(*along_y), rel=1e-9)
