"""Map projections (lumos.transforms.geo): matplotlib's numbers, exact inverses, NaN
masking, bad parameters, and the GLSL forms against numpy on the GPU."""

import math

import numpy as np
import pytest

from lumos.transforms import Aitoff, Hammer, Lambert, Mollweide
from tests.transforms.test_glsl import check, ctx, run_snippet  # noqa: F401 (ctx: a fixture)

mgeo = pytest.importorskip("matplotlib.projections.geo")

LON, LAT = np.meshgrid(np.linspace(-math.pi, math.pi, 73),
                       np.linspace(-math.pi / 2, math.pi / 2, 37))
GRID = np.c_[LON.ravel(), LAT.ravel()]
INTERIOR = GRID[(np.abs(GRID[:, 0]) < math.pi - 1e-9) & (np.abs(GRID[:, 1]) < math.pi / 2 - 1e-9)]


def mpl_forward(t, pts):
    cls = {Aitoff: mgeo.AitoffAxes.AitoffTransform, Hammer: mgeo.HammerAxes.HammerTransform,
           Mollweide: mgeo.MollweideAxes.MollweideTransform}.get(type(t))
    if cls is not None:
        return cls(1).transform(pts)
    return mgeo.LambertAxes.LambertTransform(t.center_longitude, t.center_latitude,
                                            1).transform(pts)


ALL = [Aitoff(), Hammer(), Mollweide(), Lambert(), Lambert(0.4, -0.3)]


@pytest.mark.parametrize("t", ALL, ids=repr)
def test_forward_is_matplotlibs(t):
    got, want = t.forward(GRID), mpl_forward(t, GRID)
    # matplotlib's Mollweide stops Newton's method once a step is under 1e-3 (and uses a
    # series within 5° of the poles); lumos solves the equation to float64
    tol = 2e-3 if isinstance(t, Mollweide) else 1e-12
    np.testing.assert_allclose(got, want, atol=tol)


def test_mollweide_solves_its_equation():
    lat = GRID[:, 1]
    theta = np.arcsin(Mollweide().forward(GRID)[:, 1] / math.sqrt(2))
    residual = 2 * theta + np.sin(2 * theta) - math.pi * np.sin(lat)
    assert np.abs(residual).max() < 1e-12


@pytest.mark.parametrize("t", ALL, ids=repr)
def test_round_trip(t):
    pts = INTERIOR
    if isinstance(t, Lambert):  # the antipode has no single inverse (the whole rim)
        pts = pts[np.hypot(*t.forward(pts).T) < 1.999]
    back = t.inverse(t.forward(pts))
    assert np.isfinite(back).all()
    np.testing.assert_allclose(back, pts, atol=1e-9)


def test_inverse_far_from_the_centre_is_on_the_right_side():
    # matplotlib's Hammer and Lambert inverses use atan: longitudes beyond ±90° come back
    # on the wrong side. lumos's use atan2.
    pts = np.array([[2.5, 0.3], [-2.8, -0.9], [3.0, 1.2]])
    for t in (Hammer(), Lambert()):
        np.testing.assert_allclose(t.inverse(t.forward(pts)), pts, atol=1e-9)


@pytest.mark.parametrize("t", ALL, ids=repr)
def test_off_the_map_and_nan_are_nan(t):
    x0 = t.forward(np.array([math.pi, 0.0]))[0] if not isinstance(t, Lambert) else 2.0
    off = np.array([[1.01 * x0, 0.0], [0.0, 5.0], [np.nan, 0.0]])
    assert np.isnan(t.inverse(off)).all(axis=1).all()
    assert np.isnan(t.forward(np.array([[np.nan, 0.3], [0.2, np.nan]]))).any(axis=1).all()


@pytest.mark.parametrize("t", ALL, ids=repr)
def test_inputs_untouched_and_shapes_kept(t):
    pts = np.array([[0.3, 0.2, 7.0], [-1.0, 0.5, 8.0]])
    keep = pts.copy()
    out = t.forward(pts)
    np.testing.assert_array_equal(pts, keep)
    assert out.shape == (2, 3)
    np.testing.assert_array_equal(out[:, 2], [7.0, 8.0])  # z passes through
    assert t.forward([0.1, 0.2]).shape == (2,)


def test_lambert_parameters():
    assert Lambert(0.1, 0.2) == Lambert(0.1, 0.2)
    assert hash(Lambert(0.1, 0.2)) == hash(Lambert(0.1, 0.2))
    assert Lambert(0.1, 0.2) != Lambert(0.1, 0.3)
    assert Hammer() == Hammer() and Hammer() != Mollweide()
    with pytest.raises(TypeError, match="center_longitude"):
        Lambert("west", 0)
    with pytest.raises(ValueError, match="center_latitude"):
        Lambert(0, math.inf)
    # the centre maps to the origin, the antipode's neighbourhood to the rim
    np.testing.assert_allclose(Lambert(0.4, -0.3).forward([0.4, -0.3]), [0, 0], atol=1e-15)


# --- the GLSL forms, run on a headless GL context (test_glsl's) ------------------------
def _points(pts: np.ndarray) -> np.ndarray:
    out = np.c_[pts, np.linspace(-1, 1, len(pts))]  # a z that must pass through
    out[0] = np.nan
    return out


@pytest.mark.parametrize("version", ["330", "300es"])
@pytest.mark.parametrize("t", ALL, ids=repr)
def test_glsl_forward_matches_numpy(request, t, version):
    gl = request.getfixturevalue("ctx")
    pts = _points(INTERIOR)
    if isinstance(t, Lambert):  # the rim is ill-conditioned in float32
        pts = pts[np.isnan(pts[:, 0]) | (np.hypot(*t.forward(pts)[:, :2].T) < 1.95)]
    snip = t.glsl_forward()
    gpu = run_snippet(gl, snip.source, snip.name, pts, version)
    check(gpu, t.forward(pts), rtol=3e-5)


@pytest.mark.parametrize("version", ["330", "300es"])
@pytest.mark.parametrize("t", ALL, ids=repr)
def test_glsl_inverse_matches_numpy(request, t, version):
    gl = request.getfixturevalue("ctx")
    pts = INTERIOR[np.abs(INTERIOR[:, 1]) < math.radians(80)]  # away from the poles,
    # where longitude is ill-conditioned in float32
    xy = _points(t.forward(pts))
    if isinstance(t, Lambert):
        xy = xy[np.isnan(xy[:, 0]) | (np.hypot(*xy[:, :2].T) < 1.9)]
    snip = t.glsl_inverse()
    gpu = run_snippet(gl, snip.source, snip.name, xy, version)
    check(gpu, t.inverse(xy), rtol=3e-5)
