"""The overlay's test for unchanged decoration inputs (lumos/plot/overlay.py ``_same``):
what it calls equal must draw the same, whichever path (small float arrays compared as
Python floats, larger or other arrays with numpy) it takes."""

from __future__ import annotations

import numpy as np
import pytest

from lumos.plot.overlay import _same

NAN = float("nan")


@pytest.mark.parametrize("n", [4, 200])  # the Python-float path and numpy's
def test_same_arrays_by_value_with_nan_equal_to_nan(n):
    a = np.linspace(0, 1, n).reshape(-1, 2)
    a[0, 1] = NAN
    assert _same(a, a.copy())
    assert _same(a, np.array(a.tolist()))  # values, not buffers
    b = a.copy()
    b[-1, 0] += 1e-9
    assert not _same(a, b)
    b = a.copy()
    b[0, 1] = 0.0  # NaN against a number
    assert not _same(a, b)
    assert not _same(b, a)


def test_same_arrays_need_the_same_shape_and_compare_across_kinds():
    a = np.array([[1.0, 2.0], [3.0, 4.0]])
    assert not _same(a, a.reshape(1, 4))
    assert not _same(a, a[:1])
    assert _same(np.array([1, 2]), np.array([1.0, 2.0]))
    assert not _same(np.array([1, 2]), np.array([1.0, 2.5]))
    assert _same([a, (1.0, "x")], [a.copy(), (1.0, "x")])
    assert not _same([a, (1.0, "x")], [a.copy(), (1.0, "y")])
