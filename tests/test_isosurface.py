"""lumos.marching_cubes against scikit-image's: the same vertices, the same surface."""

from __future__ import annotations

import numpy as np
import pytest

import lumos
from lumos.isosurface import marching_cubes

skimage_measure = pytest.importorskip("skimage.measure")  # the test extra installs it


def ellipsoid(shape=(19, 20, 21)) -> np.ndarray:
    z, y, x = np.mgrid[-4:4:shape[0] * 1j, -4:4:shape[1] * 1j, -4:4:shape[2] * 1j]
    return (10 - (x ** 2 + 1.3 * y ** 2 + 0.8 * z ** 2)).astype(np.float32)


def noise(seed=1, shape=(12, 13, 14)) -> np.ndarray:
    return np.random.default_rng(seed).random(shape).astype(np.float32)


def by_position(verts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The order that sorts vertices by position, and its inverse."""
    order = np.lexsort(np.round(verts, 4).T)
    inverse = np.empty_like(order)
    inverse[order] = np.arange(len(order))
    return order, inverse


def undirected_edges(faces: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    e = np.sort(np.r_[faces[:, [0, 1]], faces[:, [1, 2]], faces[:, [2, 0]]], axis=1)
    return np.unique(e, axis=0, return_counts=True)


def face_segments(verts: np.ndarray, faces: np.ndarray, inverse: np.ndarray) -> set:
    """Triangle sides lying on a face of a grid cube, as pairs of vertex numbers in
    position order (``inverse``): they decide the topology (how the surface crosses each
    cube face, ambiguous faces included)."""
    e = np.r_[faces[:, [0, 1]], faces[:, [1, 2]], faces[:, [2, 0]]]
    a, b = verts[e[:, 0]], verts[e[:, 1]]
    grid = lambda p: np.abs(p - np.round(p)) < 1e-6  # noqa: E731
    on = np.any(grid(a) & grid(b) & (np.round(a) == np.round(b)), axis=1)
    return set(map(tuple, np.sort(inverse[e[on]], axis=1)))


def area(verts, faces) -> float:
    t = verts[faces]
    return 0.5 * float(np.linalg.norm(np.cross(t[:, 1] - t[:, 0], t[:, 2] - t[:, 0]),
                                      axis=1).sum())


@pytest.mark.parametrize("volume, level, smooth", [
    (ellipsoid(), 0.0, True), (noise(), 0.5, False), (noise(7, (9, 17, 11)), 0.3, False)])
def test_same_vertices_values_and_topology_as_scikit_image(volume, level, smooth):
    v, f, n, val = lumos.marching_cubes(volume, level)
    sv, sf, sn, sval = skimage_measure.marching_cubes(volume, level, method="lorensen")
    assert v.dtype == np.float32 and f.dtype == np.int32
    assert n.dtype == np.float32 and val.dtype == np.float32
    # the same vertices (a vertex per cut grid edge, linear interpolation), reordered
    assert len(v) == len(sv) and len(f) == len(sf)
    o, inv = by_position(v)
    so, sinv = by_position(sv)
    np.testing.assert_allclose(v[o], sv[so], atol=1e-5)
    # the same values (scikit-image's definition: the largest data range about the
    # level of the cubes that use the vertex)
    np.testing.assert_allclose(val[o], sval[so], rtol=1e-6)
    # the same crossing of every cube face (ambiguous faces decided alike): the same
    # topology; only the diagonals inside the cubes may differ
    assert face_segments(v, f, inv) == face_segments(sv, sf, sinv)
    ours, counts = undirected_edges(inv[f])
    theirs, their_counts = undirected_edges(sinv[sf])
    assert len(ours) == len(theirs)  # same V, E, F: same Euler characteristic
    assert counts.max() == 2  # manifold: no edge in more than two triangles
    assert area(v, f) == pytest.approx(area(sv, sf), rel=0.02)
    # normals: unit, the same method (one-sided differences in each cube, weighted by
    # closeness to the level), summed over the triangles that use the vertex: other
    # triangles, other sums; close on smooth data, noisier on noise
    np.testing.assert_allclose(np.linalg.norm(n, axis=1), 1, atol=1e-5)
    dots = np.sum(n[o] * sn[so], axis=1)
    assert np.mean(dots) > (0.999 if smooth else 0.6)
    assert (dots > 0).mean() > (1.0 if smooth else 0.85) - 1e-9


def test_smooth_field_matches_lewiner_too_and_faces_point_out():
    vol = ellipsoid()
    v, f, n, _ = marching_cubes(vol, 0.0)
    sv, sf, sn, _ = skimage_measure.marching_cubes(vol, 0.0)  # Lewiner's method
    o, _ = by_position(v)
    so, _ = by_position(sv)
    np.testing.assert_allclose(v[o], sv[so], atol=1e-5)
    assert len(f) == len(sf)
    assert np.sum(n[o] * sn[so], axis=1).min() > 0.99
    # closed: every edge in exactly two triangles
    _, counts = undirected_edges(f)
    assert (counts == 2).all()
    # in (x, y, z) the faces wind counter-clockwise seen from outside, and the
    # normals point out of the object (data greater than the level inside)
    xyz = v[:, ::-1]
    c = (np.array(vol.shape)[::-1] - 1) / 2
    fn = np.cross(xyz[f[:, 1]] - xyz[f[:, 0]], xyz[f[:, 2]] - xyz[f[:, 0]])
    assert (np.sum(fn * (xyz[f].mean(axis=1) - c), axis=1) > 0).all()
    assert (np.sum(n[:, ::-1] * (xyz - c), axis=1) > 0).all()


def test_options_follow_scikit_image():
    vol = ellipsoid((21, 22, 23))
    v, f, n, _ = marching_cubes(vol, 0.0, spacing=(0.5, 1.0, 2.0))
    v1, f1, _, _ = marching_cubes(vol, 0.0)
    np.testing.assert_allclose(v, v1 * [0.5, 1.0, 2.0], rtol=1e-6)
    np.testing.assert_array_equal(f, f1)
    # ascent: the object is where the data is lower: faces and normals turn around
    va, fa, na, _ = marching_cubes(vol, 0.0, gradient_direction="ascent")
    np.testing.assert_array_equal(fa, f1[:, ::-1])
    np.testing.assert_allclose(na, -marching_cubes(vol, 0.0)[2])
    # step_size 2 is the volume sampled every other voxel, spacing doubled
    vs, fs, _, _ = marching_cubes(vol, 0.0, step_size=2)
    ref = skimage_measure.marching_cubes(vol, 0.0, step_size=2, method="lorensen")
    assert len(vs) == len(ref[0]) and len(fs) == len(ref[1])
    np.testing.assert_allclose(np.sort(vs, axis=0), np.sort(ref[0], axis=0), atol=1e-4)
    # a mask keeps the cubes whose first corner is True
    mask = np.zeros(vol.shape, bool)
    mask[: vol.shape[0] // 2] = True
    vm, fm, _, _ = marching_cubes(vol, 0.0, mask=mask)
    assert 0 < len(fm) < len(f1)
    assert vm[np.unique(fm)][:, 0].max() <= vol.shape[0] // 2


def test_degenerate_faces_are_dropped_on_request():
    vol = np.zeros((4, 4, 4), np.float32)
    vol[1:3, 1:3, 1:3] = 1.0
    vol[1, 1, 1] = 0.5  # exactly the level: vertices on a corner, zero-area triangles
    v, f, _, _ = marching_cubes(vol, 0.5)
    vd, fd, nd, vald = marching_cubes(vol, 0.5, allow_degenerate=False)
    t = vd[fd]
    areas = np.linalg.norm(np.cross(t[:, 1] - t[:, 0], t[:, 2] - t[:, 0]), axis=1)
    assert (areas > 0).all() and len(fd) < len(f)
    assert len(vd) == len(nd) == len(vald) and fd.max() < len(vd)


def test_bad_input_names_the_argument():
    with pytest.raises(ValueError, match="volume.*3D"):
        marching_cubes(np.zeros((4, 4)), 0.5)
    with pytest.raises(ValueError, match="volume.*at least 2"):
        marching_cubes(np.zeros((1, 4, 4)), 0.5)
    with pytest.raises(TypeError, match="volume.*dtype"):
        marching_cubes(np.full((3, 3, 3), "a"), 0.5)
    with pytest.raises(ValueError, match="level.*data range"):
        marching_cubes(noise(), 2.0)
    with pytest.raises(ValueError, match="level"):
        marching_cubes(noise(), float("nan"))
    with pytest.raises(ValueError, match="spacing"):
        marching_cubes(noise(), 0.5, spacing=(1, 0, 1))
    with pytest.raises(ValueError, match="gradient_direction"):
        marching_cubes(noise(), 0.5, gradient_direction="up")
    with pytest.raises(ValueError, match="step_size"):
        marching_cubes(noise(), 0.5, step_size=0)
    with pytest.raises(ValueError, match="mask"):
        marching_cubes(noise(), 0.5, mask=np.ones((2, 2, 2), bool))
    with pytest.raises(TypeError):
        marching_cubes(noise(), 0.5, method="lewiner")  # not accepted, not ignored
    with pytest.raises(ValueError, match="no finite"):
        marching_cubes(np.full((3, 3, 3), np.nan), 0.5)
    # the level on the data's edge: no surface, as scikit-image says
    vol = noise()
    with pytest.raises(RuntimeError, match="No surface"):
        marching_cubes(vol, float(vol.max()))


def test_non_finite_samples_leave_holes_and_the_input_alone():
    vol = ellipsoid().astype(np.float64)
    vol[:, :, :6] = np.nan
    vol[3, 3, 10] = np.inf
    before = vol.copy()
    v, f, n, val = marching_cubes(vol, 0.0)
    assert np.isfinite(v).all() and np.isfinite(n).all() and np.isfinite(val).all()
    assert len(f) and v[:, 2].min() >= 6  # nothing where the data is missing
    np.testing.assert_array_equal(np.isnan(vol), np.isnan(before))
    np.testing.assert_array_equal(vol[np.isfinite(vol)], before[np.isfinite(before)])
    full = marching_cubes(ellipsoid(), 0.0)
    assert len(f) < len(full[1])  # a hole, not a crash
