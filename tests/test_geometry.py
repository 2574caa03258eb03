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
