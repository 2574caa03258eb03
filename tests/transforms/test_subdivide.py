"""subdivide: breaks, endpoints, linear shortcut, adaptive rule, validation."""

import numpy as np
import pytest

from lumos.transforms import Affine, Log, Polar, subdivide


def test_fixed_pieces_keep_endpoints_and_breaks() -> None:
    pos = np.array([[1.0, 0.0], [3.0, 2.0], [np.nan, np.nan], [5.0, 5.0], [7.0, 5.0]])
    before = pos.copy()
    out = subdivide(pos, Log(), n=4)
    np.testing.assert_array_equal(pos, before)  # input untouched
    assert out.shape == (2 + 4 * 2 + 1 - 2 + 2, 2) == (11, 2)
    np.testing.assert_array_equal(out[[0, 4]], pos[[0, 1]])
    assert np.isnan(out[5]).all()
    np.testing.assert_array_equal(out[[6, 10]], pos[[3, 4]])
    np.testing.assert_allclose(out[1:4], [[1.5, 0.5], [2.0, 1.0], [2.5, 1.5]])


def test_partial_nan_rows_are_kept_bit_for_bit() -> None:
    pos = np.array([[1.0, 1.0], [2.0, np.nan], [3.0, 3.0], [4.0, 4.0]])
    out = subdivide(pos, Polar())
    assert len(out) == 3 + 16
    np.testing.assert_array_equal(out[:3], pos[:3])  # no points inserted next to the break
    assert np.isnan(out[1, 1]) and out[1, 0] == 2.0
    np.testing.assert_array_equal(out[[2, -1]], pos[[2, 3]])


def test_linear_transform_returns_a_copy() -> None:
    pos = np.array([[0.0, 0.0, 0.0], [1.0, 2.0, 3.0]])
    out = subdivide(pos, Affine(scale=3.0), n=10)
    np.testing.assert_array_equal(out, pos)
    assert out is not pos and not np.shares_memory(out, pos)


def test_adaptive_follows_curvature() -> None:
    polar = Polar()
    # a straight segment in (theta, r): an arc on screen; longer arcs need more pieces
    short = subdivide(np.array([[0.0, 1.0], [0.1, 1.0]]), polar, tolerance=1e-3)
    long = subdivide(np.array([[0.0, 1.0], [3.0, 1.0]]), polar, tolerance=1e-3)
    assert 2 <= len(short) < len(long)
    # the result about meets the tolerance: chord midpoints stay near the arc
    mid = (polar.forward(long[:-1]) + polar.forward(long[1:])) / 2
    assert np.max(1.0 - np.linalg.norm(mid, axis=1)) < 1.25e-3
    # radial segments are straight after the transform: not subdivided
    assert len(subdivide(np.array([[1.0, 1.0], [1.0, 5.0]]), polar, tolerance=1e-6)) == 2
    capped = subdivide(np.array([[0.0, 1.0], [3.0, 1.0]]), polar, tolerance=1e-12, max_n=8)
    assert len(capped) == 9


def test_adaptive_leaves_masked_segments_whole() -> None:
    pos = np.array([[-1.0, 0.0], [10.0, 0.0], [100.0, 0.0]])
    out = subdivide(pos, Log(axes=(True, True)), tolerance=1e-3)
    assert len(out) == 3  # log of y = 0 is NaN everywhere: nothing to measure


def test_degenerate_inputs() -> None:
    assert subdivide(np.zeros((0, 2)), Log()).shape == (0, 2)
    np.testing.assert_array_equal(subdivide([[1.0, 2.0]], Log()), [[1.0, 2.0]])


def test_errors() -> None:
    pos = np.array([[1.0, 1.0], [2.0, 2.0]])
    with pytest.raises(ValueError, match=r"pos: got shape \(2,\), expected \(N, 2\) or \(N, 3\)"):
        subdivide([1.0, 2.0], Log())
    with pytest.raises(ValueError, match=r"pos: got shape \(2, 4\)"):
        subdivide(np.zeros((2, 4)), Log())
    with pytest.raises(TypeError, match="transform: got str"):
        subdivide(pos, "log")
    with pytest.raises(ValueError, match="n, tolerance: got both"):
        subdivide(pos, Log(), n=3, tolerance=0.1)
    with pytest.raises(ValueError, match="n: got 0"):
        subdivide(pos, Log(), n=0)
    with pytest.raises(TypeError, match="n: got float"):
        subdivide(pos, Log(), n=2.5)
    with pytest.raises(ValueError, match="tolerance: got -1.0"):
        subdivide(pos, Log(), tolerance=-1)
