"""Blended transforms: x through one transform, y through another (matplotlib's
``blended_transform_factory(ax.transData, ax.transAxes)``), and matplotlib's
``Affine2D`` helper, so the names scripts use live here too."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .base import Transform

if TYPE_CHECKING:  # a name of this module, looked up in lumos.path at first use
    from ..path import Affine2D


class Blended(Transform):
    """x from ``x_transform`` and y from ``y_transform`` (each given full points).
    NumPy only: transforms to figure pixels are applied on the CPU."""

    def __init__(self, x_transform: Transform, y_transform: Transform) -> None:
        for name, t in (("x_transform", x_transform), ("y_transform", y_transform)):
            if not isinstance(t, Transform):
                raise TypeError(f"{name}: got {type(t).__name__}, expected a lumos Transform")
        self.x_transform, self.y_transform = x_transform, y_transform

    @property
    def is_linear(self) -> bool:  # type: ignore[override]
        return False  # a blend is not one matrix of the two (their y rows differ)

    def _forward(self, pts: np.ndarray) -> np.ndarray:
        out = pts.copy()
        out[:, 0] = self.x_transform.forward(pts)[:, 0]
        out[:, 1] = self.y_transform.forward(pts)[:, 1]
        return out

    def _inverse(self, pts: np.ndarray) -> np.ndarray:
        # separable blends of separable maps: each coordinate inverts on its own
        out = pts.copy()
        out[:, 0] = self.x_transform.inverse(pts)[:, 0]
        out[:, 1] = self.y_transform.inverse(pts)[:, 1]
        return out

    def _key(self) -> tuple:
        return (id(self.x_transform), id(self.y_transform))

    def contains_branch(self, other) -> bool:
        """matplotlib's: a blend of two transforms holds neither as a whole."""
        return other is self

    def contains_branch_seperately(self, other) -> tuple[bool, bool]:
        """Whether x, and whether y, come from ``other`` (matplotlib's name and
        spelling: which coordinates of a blend count in the data limits)."""
        return self.x_transform is other, self.y_transform is other

    def transform(self, points) -> np.ndarray:
        """``forward`` (matplotlib's name)."""
        return self.forward(points)

    def inverted(self) -> Transform:
        """The inverse, as a transform (matplotlib's name)."""
        return _Inverted(self)

    def __repr__(self) -> str:
        return f"Blended({self.x_transform!r}, {self.y_transform!r})"


class _Inverted(Transform):
    def __init__(self, blend: Blended) -> None:
        self.blend = blend

    def _forward(self, pts: np.ndarray) -> np.ndarray:
        return self.blend.inverse(pts)

    def _inverse(self, pts: np.ndarray) -> np.ndarray:
        return self.blend.forward(pts)

    def transform(self, points) -> np.ndarray:
        return self.forward(points)

    def inverted(self) -> Blended:
        return self.blend

    def _key(self) -> tuple:
        return (id(self.blend),)


def blended_transform_factory(x_transform: Transform, y_transform: Transform) -> Transform:
    """matplotlib's name: x through one transform, y through the other."""
    if x_transform is y_transform:
        return x_transform
    return Blended(x_transform, y_transform)


__all__ = ["Affine2D", "Blended", "blended_transform_factory"]


def __getattr__(name: str):
    # lumos.path (Affine2D's home) loads when the name is first asked for
    if name == "Affine2D":
        from ..path import Affine2D

        return Affine2D
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
