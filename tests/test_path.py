"""lumos.path: matplotlib's Path constructors and Affine2D, and curve flattening."""

from __future__ import annotations

import numpy as np
import pytest

from lumos.path import Affine2D, Path, flatten

mpath = pytest.importorskip("matplotlib.path")
mtransforms = pytest.importorskip("matplotlib.transforms")


def same(p: Path, q) -> None:
    np.testing.assert_allclose(p.vertices, q.vertices, atol=1e-12)
    assert (p.codes is None) == (q.codes is None)
    if p.codes is not None:
        assert np.array_equal(p.codes, q.codes)


@pytest.mark.parametrize("make", [
    lambda m: m.unit_rectangle(),
    lambda m: m.unit_circle(),
    lambda m: m.circle((1, -2), 3),
    lambda m: m.unit_regular_polygon(5),
    lambda m: m.unit_regular_star(6, 0.4),
    lambda m: m.unit_regular_asterisk(4),
    lambda m: m.arc(10, 100),
    lambda m: m.arc(30, 400),
    lambda m: m.arc(0, 360),
    lambda m: m.arc(-40, 20, n=3),
    lambda m: m.wedge(15, 200),
    lambda m: m([[0, 0], [1, 0], [1, 1]], closed=True),
    lambda m: m.make_compound_path(m.unit_rectangle(), m([[2, 2], [3, 3]])),
    lambda m: m.make_compound_path_from_polys(np.arange(24.0).reshape(2, 6, 2)),
], ids=["rectangle", "unit_circle", "circle", "polygon", "star", "asterisk", "arc",
        "arc_unwrapped", "full_arc", "arc_n", "wedge", "closed", "compound", "polys"])
def test_constructors_match_matplotlib(make):
    same(make(Path), make(mpath.Path))


def test_affine2d_matches_matplotlib():
    ours = Affine2D().scale(2, 3).rotate_deg(30).translate(5, -1).rotate_deg_around(1, 2, 45)
    theirs = mtransforms.Affine2D().scale(2, 3).rotate_deg(30).translate(5, -1) \
        .rotate_deg_around(1, 2, 45)
    pts = np.random.default_rng(0).normal(size=(10, 2))
    np.testing.assert_allclose(ours.transform(pts), theirs.transform(pts))
    np.testing.assert_allclose(ours.get_matrix(), theirs.get_matrix())
    both = Affine2D().scale(2) + Affine2D().translate(1, 0)
    np.testing.assert_allclose(both.transform([[1, 1]]), [[3, 2]])
    np.testing.assert_allclose(ours.inverted().transform(ours.transform(pts)), pts)


def test_extents_and_containment_match_matplotlib():
    p = Path.arc(20, 160)
    q = mpath.Path.arc(20, 160)
    e = q.get_extents()
    np.testing.assert_allclose(p.get_extents(), [[e.x0, e.y0], [e.x1, e.y1]], atol=1e-9)
    c = Path.circle((1, 1), 2)
    for point in [(1, 1), (2.9, 1), (3.1, 1), (-0.5, -0.5), (2.5, 2.5)]:
        assert c.contains_point(point) == mpath.Path.circle((1, 1), 2).contains_point(point)


def test_flatten_stays_within_the_tolerance_in_pixels():
    c = Path.circle((0, 0), 1)
    for scale in (10, 100, 1000):
        flat = flatten([(c.vertices, c.codes)], scale=(scale, scale), tolerance=0.1)
        assert flat.rings == 1 and flat.closed[0]
        err = np.abs(np.hypot(*flat.points.T) - 1) * scale
        assert err.max() < 0.1 + 2e-6 * scale  # the Bézier circle itself is off by 2e-6
        # chord midpoints too: the sagitta is what the tolerance bounds
        mids = (flat.points + np.roll(flat.points, -1, axis=0)) / 2
        assert (1 - np.hypot(*mids.T)).max() * scale < 0.1 + 2e-6 * scale
    few = len(flatten([(c.vertices, c.codes)], scale=(10, 10)).points)
    many = len(flatten([(c.vertices, c.codes)], scale=(1000, 1000)).points)
    assert many > 5 * few


def test_flatten_keeps_straight_vertices_and_splits_on_nan_and_moveto():
    v = np.array([[0, 0], [1, 0], [np.nan, 0], [2, 0], [3, 1], [4, 4], [5, 5]])
    codes = np.array([1, 2, 2, 2, 2, 1, 2])
    flat = flatten([(v, codes)])
    rings = [flat.ring(r).tolist() for r in range(flat.rings)]
    assert rings == [[[0, 0], [1, 0]], [[2, 0], [3, 1]], [[4, 4], [5, 5]]]
    assert not flat.closed.any()


def test_flatten_many_paths_keeps_owners_and_quadratics():
    q = Path([[0, 0], [1, 2], [2, 0]], [Path.MOVETO, Path.CURVE3, Path.CURVE3])
    flat = flatten([(q.vertices, q.codes), (np.zeros((1, 2)), None),
                    (Path.unit_rectangle().vertices, Path.unit_rectangle().codes)],
                   scale=(100, 100))
    assert flat.owner.tolist() == [0, 2]  # a lone point is no ring
    top = flat.ring(0)[:, 1].max()
    assert abs(top - 1.0) < 1e-3  # the quadratic's apex is half its control point


def test_drawing_after_closepoly_starts_from_the_subpath_start():
    v = [[0, 0], [1, 0], [1, 1], [0, 0], [0, 1]]
    flat = flatten([(np.array(v, float), [1, 2, 2, 79, 2])])
    assert flat.rings == 2
    assert flat.ring(1).tolist() == [[0, 0], [0, 1]]


def test_bad_input_names_the_argument():
    with pytest.raises(ValueError, match="vertices"):
        Path(np.zeros((3, 3)))
    with pytest.raises(ValueError, match="codes"):
        Path(np.zeros((3, 2)), [1, 2])
    with pytest.raises(ValueError, match="codes"):
        Path(np.zeros((2, 2)), [2, 2])
    with pytest.raises(ValueError, match="codes"):
        Path(np.zeros((2, 2)), [1, 7])
    with pytest.raises(TypeError, match="vertices"):
        Path([["a", "b"]])
    with pytest.raises(ValueError, match="numVertices"):
        Path.unit_regular_polygon(0)
    with pytest.raises(ValueError, match="n"):
        Path.arc(0, 90, n=0)
    with pytest.raises(AttributeError):
        Path.unit_circle().vertices = np.zeros((26, 2))


def test_caller_arrays_are_copied():
    v = np.array([[0.0, 0.0], [1.0, 1.0]])
    p = Path(v)
    v[0, 0] = 9
    assert p.vertices[0, 0] == 0
    masked = np.ma.masked_array([[0.0, 0.0], [1.0, 1.0]], mask=[[0, 0], [1, 0]])
    assert np.isnan(Path(masked).vertices[1, 0])
