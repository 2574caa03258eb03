"""numpy behaviour of the transforms: round trips, composition, masking, validation."""

import math

import numpy as np
import pytest

from lumos.transforms import Affine, Chain, Log, Mercator, Polar, SymLog, Transform, chain

RNG = np.random.default_rng(1234)


def random_affine(rng: np.random.Generator = RNG) -> Affine:
    m = np.eye(4)
    m[:3, :3] = rng.normal(size=(3, 3)) + 3 * np.eye(3)  # well conditioned
    m[:3, 3] = rng.normal(size=3)
    return Affine(m)


def domain_points(t: Transform, n: int = 200, dim: int = 3) -> np.ndarray:
    """Random points inside the forward domain of ``t``."""
    pts = RNG.uniform(-50, 50, size=(n, dim))
    if isinstance(t, Log):
        pts = RNG.uniform(1e-3, 1e3, size=(n, dim))
    elif isinstance(t, Polar):
        pts[:, 0] = RNG.uniform(0.01, 2 * np.pi - 0.01, n)
        pts[:, 1] = RNG.uniform(0.1, 10, n)
    elif isinstance(t, Mercator):
        pts[:, 0] = RNG.uniform(-180, 180, n)
        pts[:, 1] = RNG.uniform(-85, 85, n)
    return pts


TRANSFORMS = [
    Affine(),
    random_affine(),
    Affine(translate=[1.0, -2.0], scale=[3.0, 0.5]),
    Log(10),
    Log(2, axes=(False, True)),
    Log(math.e, axes=(True, True, True)),
    Log(0.5, axes=(False, False, True)),
    SymLog(),
    SymLog(linthresh=0.3, base=2, linscale=0.5, axes=(True, True, False)),
    Polar(),
    Polar(theta_offset=np.pi / 2, direction=-1),
    Mercator(),
]


@pytest.mark.parametrize("t", TRANSFORMS, ids=repr)
@pytest.mark.parametrize("dim", [2, 3])
def test_round_trip(t: Transform, dim: int) -> None:
    pts = domain_points(t, dim=dim)
    out = t.forward(pts)
    assert out.shape == pts.shape and out.dtype == np.float64
    np.testing.assert_allclose(t.inverse(out), pts, rtol=1e-10, atol=1e-10)


@pytest.mark.parametrize("t", TRANSFORMS, ids=repr)
def test_input_not_modified_and_single_point(t: Transform) -> None:
    pts = domain_points(t, n=5)
    before = pts.copy()
    out = t.forward(pts)
    t.inverse(out)
    np.testing.assert_array_equal(pts, before)
    single = t.forward(pts[0])
    assert single.shape == (3,)
    np.testing.assert_allclose(single, out[0], rtol=1e-15)
    assert t.forward(pts[0, :2].tolist()).shape == (2,)


def test_affine_matrix_and_composition_order() -> None:
    a = Affine(translate=[1.0, 2.0, 3.0])
    b = Affine(scale=2.0)
    p = np.array([[1.0, 1.0, 1.0]])
    ab = a * b  # b first, then a
    assert isinstance(ab, Affine)
    np.testing.assert_allclose(ab.forward(p), a.forward(b.forward(p)))
    np.testing.assert_allclose(ab.forward(p), [[3.0, 4.0, 5.0]])
    np.testing.assert_allclose((b * a).forward(p), [[4.0, 6.0, 8.0]])
    np.testing.assert_allclose(ab.matrix, a.matrix @ b.matrix)
    # scale, then matrix, then translate
    rot = np.array([[0.0, -1, 0, 0], [1, 0, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]])
    c = Affine(rot, translate=[10.0, 0.0], scale=[2.0, 3.0])
    np.testing.assert_allclose(c.forward([1.0, 1.0]), [10.0 - 3.0, 2.0])
    m = c.matrix
    m[0, 0] = 99.0  # .matrix is a copy
    assert c.matrix[0, 0] == 0.0


def test_nonlinear_composition_order() -> None:
    log, aff = Log(10), Affine(scale=10.0)
    p = np.array([[10.0, 1.0], [1000.0, 2.0]])
    np.testing.assert_allclose((log * aff).forward(p), log.forward(aff.forward(p)))
    np.testing.assert_allclose((aff * log).forward(p), aff.forward(log.forward(p)))
    np.testing.assert_allclose((log * aff).forward(p)[:, 0], [2.0, 4.0])
    np.testing.assert_allclose((aff * log).forward(p)[:, 0], [10.0, 30.0])


def test_chain_applies_in_order_and_simplifies() -> None:
    # positive scales and shifts keep the points inside the log's domain
    a1, a2, a3 = (Affine(scale=RNG.uniform(1, 2, 3), translate=RNG.uniform(0, 1, 3)) for _ in "abc")
    log, polar = Log(10, axes=(True, True)), Polar()
    c = Chain(a1, a2, log, a3, Affine(), polar, Chain(a1, a2))
    assert len(c.parts) == 8  # nested chain flattened
    assert not c.is_linear
    s = c.simplified()
    assert [type(t) for t in s.parts] == [Affine, Log, Affine, Polar, Affine]
    np.testing.assert_allclose(s.parts[0].matrix, a2.matrix @ a1.matrix)
    p = RNG.uniform(1, 2, size=(50, 3))
    expected = p
    for t in (a1, a2, log, a3, polar, a1, a2):
        expected = t.forward(expected)
    np.testing.assert_allclose(c.forward(p), expected, rtol=1e-12)
    np.testing.assert_allclose(s.forward(p), expected, rtol=1e-9)
    np.testing.assert_allclose(c.inverse(c.forward(p)), p, rtol=1e-9)


def test_chain_function_and_linear_chains() -> None:
    a, b = random_affine(), random_affine()
    assert isinstance(chain(a, b), Affine)
    assert chain(a, b) == b * a
    assert chain() == Affine() and chain(Affine(), Affine()) == Affine()
    assert chain(Log(), Affine()) == Log()
    assert Chain(a, b).is_linear and Chain().is_linear
    np.testing.assert_allclose(Chain(a, b).matrix, b.matrix @ a.matrix)
    assert len(Chain(a, Affine(), b).simplified().parts) == 1
    assert Chain().forward([1.0, 2.0]).tolist() == [1.0, 2.0]
    with pytest.raises(TypeError, match=r"transforms\[1\]"):
        Chain(a, "log")


def test_equality_and_snippet_names() -> None:
    assert Log(10) == Log(10.0) and hash(Log(10)) == hash(Log(10.0))
    assert Log(10) != Log(2) and Log(10) != SymLog()
    assert Log(10).glsl_forward() == Log(10.0).glsl_forward()
    names = {t.glsl_forward().name for t in TRANSFORMS[1:]}
    assert len(names) == len(TRANSFORMS) - 1  # parameters are part of the name
    assert Log(10).glsl_forward().name.startswith("lumos_log_")


@pytest.mark.parametrize("base", [10, 2, math.e, 3.5])
def test_log_values_and_nan_masking(base: float) -> None:
    p = np.array([[base**3, 5.0], [1.0, -1.0], [0.0, 2.0], [-4.0, 3.0], [np.nan, 1.0]])
    with np.errstate(all="raise"):  # masking must not warn or raise
        out = Log(base).forward(p)
    np.testing.assert_allclose(out[:2, 0], [3.0, 0.0], atol=1e-12)
    assert np.isnan(out[2:, 0]).all()
    np.testing.assert_array_equal(out[:, 1], p[:, 1])  # other axis untouched
    assert Log(10).forward([1000.0, 0.0])[0] == 3.0  # exact for base 10
    np.testing.assert_allclose(Log(base).inverse([[2.0, 7.0]]), [[base**2, 7.0]])


def test_symlog_matches_matplotlib_definition() -> None:
    s = SymLog(linthresh=2.0, base=10, linscale=1.0)
    k = 1.0 / (1.0 - 0.1)
    x = np.array([-200.0, -2.0, -1.0, 0.0, 1.5, 2.0, 20.0, 2000.0])
    big = np.abs(x) > 2.0
    expected = x * k
    expected[big] = np.sign(x[big]) * 2.0 * (k + np.log10(np.abs(x[big]) / 2.0))
    out = s.forward(np.c_[x, x])
    np.testing.assert_allclose(out[:, 0], expected)
    np.testing.assert_array_equal(out[:, 1], x)
    # continuous at the threshold
    eps = 1e-9
    edge = s.forward(np.array([[2.0 - eps, 0], [2.0 + eps, 0]]))[:, 0]
    assert abs(edge[1] - edge[0]) < 1e-6


def test_polar_values_and_inverse_range() -> None:
    p = Polar()
    np.testing.assert_allclose(p.forward([np.pi / 2, 2.0]), [0.0, 2.0], atol=1e-12)
    back = p.inverse(np.array([[1.0, 0.0], [0.0, -1.0], [-1.0, -1e-300], [-1.0, 0.0]]))
    np.testing.assert_allclose(back[:, 0], [0.0, 1.5 * np.pi, np.pi, np.pi])
    assert ((back[:, 0] >= 0) & (back[:, 0] < 2 * np.pi)).all()
    q = Polar(theta_offset=np.pi / 2, direction=-1)  # compass-like: 0 up, clockwise
    np.testing.assert_allclose(q.forward([np.pi / 2, 1.0]), [1.0, 0.0], atol=1e-12)
    # negative radius comes back as (theta + pi, -r)
    np.testing.assert_allclose(p.inverse(p.forward([0.5, -2.0])), [0.5 + np.pi, 2.0])


def test_mercator_values_and_clipping() -> None:
    m = Mercator()
    np.testing.assert_allclose(m.forward([12.0, 0.0]), [12.0, 0.0], atol=1e-12)
    lat = 45.0
    y = np.degrees(np.log(np.tan(np.pi / 4 + np.radians(lat) / 2)))
    np.testing.assert_allclose(m.forward([0.0, lat])[1], y)
    np.testing.assert_allclose(m.forward([[0.0, 89.0], [0.0, -90.0]])[:, 1], [180.0, -180.0])
    assert abs(Mercator.LAT_MAX - 85.0511) < 1e-4


@pytest.mark.parametrize(
    ("points", "match"),
    [
        (np.zeros((4, 5)), r"points: got shape \(4, 5\), expected \(N, 2\), \(N, 3\)"),
        (np.zeros(4), r"points: got shape \(4,\), expected"),
        (np.zeros((2, 2, 2)), r"points: got shape \(2, 2, 2\)"),
    ],
)
def test_points_shape_errors(points: np.ndarray, match: str) -> None:
    for fn in (Log().forward, Log().inverse, Affine().forward, Chain().forward):
        with pytest.raises(ValueError, match=match):
            fn(points)


def test_points_type_errors() -> None:
    with pytest.raises(TypeError, match="points: got dtype <U1"):
        Polar().forward([["a", "b"]])
    with pytest.raises(TypeError, match="points: got dtype object"):
        Polar().forward(np.array([[None, 1]], dtype=object))


@pytest.mark.parametrize("base", [0, -2, 1, 1.0, np.inf])
def test_bad_base(base: float) -> None:
    with pytest.raises(ValueError, match="base: got"):
        Log(base)
    with pytest.raises(ValueError, match="base: got"):
        SymLog(base=base)


def test_parameter_errors() -> None:
    with pytest.raises(TypeError, match="base: got str"):
        Log("10")
    with pytest.raises(ValueError, match="base: got 0.5, expected a number > 1"):
        SymLog(base=0.5)
    with pytest.raises(ValueError, match="linthresh: got 0.0"):
        SymLog(linthresh=0)
    with pytest.raises(ValueError, match="linscale: got -1.0"):
        SymLog(linscale=-1)
    with pytest.raises(ValueError, match="axes: got 4 flags"):
        Log(axes=(True, False, False, False))
    with pytest.raises(ValueError, match="axes: got no axis"):
        Log(axes=(False, False))
    with pytest.raises(ValueError, match="direction: got 2.0"):
        Polar(direction=2)
    with pytest.raises(ValueError, match=r"matrix: got shape \(3, 3\), expected \(4, 4\)"):
        Affine(np.eye(3))
    with pytest.raises(ValueError, match="matrix: got last row"):
        Affine(np.ones((4, 4)))
    with pytest.raises(ValueError, match=r"translate: got shape \(4,\), expected \(2,\) or \(3,\)"):
        Affine(translate=[1, 2, 3, 4])
    with pytest.raises(ValueError, match=r"scale: got shape \(2, 2\)"):
        Affine(scale=np.ones((2, 2)))
    with pytest.raises(TypeError, match="matrix: got dtype"):
        Affine([["a"] * 4] * 4)
    with pytest.raises(ValueError, match="singular"):
        Affine(scale=0.0).inverse([1.0, 2.0])
