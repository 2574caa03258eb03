"""Shapes sized in points at data points, drawn as paths: the carets of
``errorbar(lolims=..., uplims=...)``."""

from __future__ import annotations

import numpy as np

from .path_collections import Collection


class PointShapes(Collection):
    """One path per data point (``anchors``, (N, 2) data units), its vertices in points
    relative to the point (y up); one shape for all, or one per point."""

    zorder = 2.0
    _edge_default = True

    def __init__(self, anchors, shapes, **kwargs) -> None:
        super().__init__(**kwargs)
        self._anchors = np.asarray(anchors, dtype=float).reshape(-1, 2)
        s = np.asarray(shapes, dtype=float)
        self._shapes = np.broadcast_to(s, (len(self._anchors), *s.shape[-2:])) \
            if s.ndim == 2 else s
        if len(self._shapes) != len(self._anchors):
            raise ValueError(f"shapes: got {len(self._shapes)} shapes for "
                             f"{len(self._anchors)} points")

    def _geometry(self):
        k = self.axes.figure.dpi / 72.0
        return [(s * k, None) for s in self._shapes], "pixels", self._anchors

    def get_offsets(self) -> np.ndarray:
        return self._anchors.copy()

    def data_limits(self):
        return None


def caret(direction: str, size_pt: float) -> np.ndarray:
    """matplotlib's CARET{UP,DOWN,LEFT,RIGHT}BASE as Agg draws it: a triangle with its
    base (``size`` wide) at the point and its tip 0.75 × size away in ``direction``."""
    base = np.array([[-1.0, 0.0], [0.0, 1.5], [1.0, 0.0], [-1.0, 0.0]]) * 0.5 * size_pt
    turn = {"up": 0, "left": 90, "down": 180, "right": 270}[direction]
    c, s = np.cos(np.radians(turn)), np.sin(np.radians(turn))
    return base @ np.array([[c, s], [-s, c]])


__all__ = ["PointShapes", "caret"]
