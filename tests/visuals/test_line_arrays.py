"""The array helpers of the line's uploads: gathers and float32 offsets, on the layouts
and values lines hold (column-major data, NaN, values beyond float32)."""

from __future__ import annotations

import numpy as np
import pytest

from lumos.visuals.base import FLOAT32_MAX, float32_offsets
from lumos.visuals.line_geometry import take_rows


@pytest.mark.parametrize("order", ["C", "F"])
@pytest.mark.parametrize("d", [2, 3])
def test_take_rows_is_the_row_gather(order, d):
    rng = np.random.default_rng(0)
    points = np.asarray(rng.normal(size=(1000, d)), order=order)
    points[7] = np.nan
    index = np.array([0, 7, 7, 999, 3, 500])
    out = take_rows(points, index)
    assert out.flags.c_contiguous and out.dtype == points.dtype
    np.testing.assert_array_equal(out, points[index])
    out[0] = 42.0  # a new array: the points are not written
    assert points[0, 0] != 42.0


@pytest.mark.parametrize("local, clipped", [
    (np.array([[1.5, -2.0], [3.0, 4.0]]), [False, False]),
    (np.array([[np.nan, 1.0], [np.nan, 2.0]]), [False, False]),  # a column of NaN only
    (np.array([[1e39, 0.0], [1.0, np.nan]]), [True, False]),
    (np.array([[-np.inf, 0.0], [0.0, 1.0]]), [True, False]),
    (np.full((2, 2), np.nan), [False, False]),
    (np.zeros((3, 0)), [False, False, False]),
    (np.zeros((0, 2)), []),
])
def test_float32_offsets_clip_only_the_rows_beyond_float32(local, clipped):
    out, beyond = float32_offsets(local)
    assert out.dtype == np.float32 and out.shape == local.shape
    assert beyond.tolist() == clipped
    with np.errstate(invalid="ignore"):
        expected = np.clip(local, -FLOAT32_MAX, FLOAT32_MAX).astype(np.float32)
    np.testing.assert_array_equal(out, expected)  # NaN stays NaN, nothing becomes inf
    assert not np.isinf(out).any()
