"""``mpl_toolkits.mplot3d.axes3d``: :class:`Axes3D` and ``get_test_data``."""

from __future__ import annotations

import numpy as np

from ..plot.axes3d import Axes3D

__all__ = ["Axes3D", "get_test_data"]


def get_test_data(delta: float = 0.05) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """mplot3d's test surface X, Y, Z: two Gaussian bumps on a grid of step ``delta``
    (times 10 in x and y, 500 in z)."""
    x = y = np.arange(-3.0, 3.0, delta)
    X, Y = np.meshgrid(x, y)  # noqa: N806
    Z1 = np.exp(-(X**2 + Y**2) / 2) / (2 * np.pi)  # noqa: N806
    Z2 = np.exp(-(((X - 1) / 1.5) ** 2 + ((Y - 1) / 0.5) ** 2) / 2) / (2 * np.pi * 0.5 * 1.5)  # noqa: N806
    return X * 10, Y * 10, (Z2 - Z1) * 500
