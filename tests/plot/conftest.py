"""Fixtures of the plot tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def bare_axes3d():
    """A maker of a 3 × 3 inch figure with one 3D axes, its axis off and each limit
    0..``top`` (``bare_axes3d(10)`` → (fig, ax))."""
    import lumos.pyplot as plt

    def make(top: float = 1.0):
        fig = plt.figure(figsize=(3, 3))
        ax = fig.add_subplot(projection="3d")
        ax.set(xlim=(0, top), ylim=(0, top), zlim=(0, top))
        ax.set_axis_off()
        return fig, ax

    return make
