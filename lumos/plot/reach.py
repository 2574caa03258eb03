"""Where an axes' decorations reach: the figure-pixel box its overlay drawing covers,
grown call by call. What an axes draws beyond its box (tick labels, texts, a legend
outside) may lie over a later axes, whose background must then cover it, as each
axes of matplotlib draws whole before the next (``Figure._draw_decorations``)."""

from __future__ import annotations

import math

import numpy as np

from .text import window_box


class Reach:
    """A growing pixel box (x0, y0, x1, y1), empty at first; NaN is ignored."""

    __slots__ = ("box",)

    def __init__(self) -> None:
        self.box = [math.inf, math.inf, -math.inf, -math.inf]

    def add(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """Grow to cover the box (x0, y0)-(x1, y1)."""
        b = self.box
        if x0 < b[0]:
            b[0] = x0
        if y0 < b[1]:
            b[1] = y0
        if x1 > b[2]:
            b[2] = x1
        if y1 > b[3]:
            b[3] = y1

    def points(self, points, pad: float = 0.0) -> None:
        """Grow to cover ``points`` ((n, 2) pixels; NaN rows skipped) ``pad`` beyond."""
        pts = np.asarray(points, dtype=float).reshape(-1, 2)
        if len(pts):
            (x0, y0), (x1, y1) = np.fmin.reduce(pts), np.fmax.reduce(pts)
            self.add(x0 - pad, y0 - pad, x1 + pad, y1 + pad)

    def text(self, s: str, x: float, y: float, size_px: float, ha: str, va: str,
             rotation: float, face: str, dilate: float = 0.0) -> None:
        """Grow to cover a text anchored at (x, y) by (``ha``, ``va``), turned about
        that point, as the overlay's Text draws it, with ``dilate`` pixels of outline."""
        x0, y0, x1, y1 = window_box(s, x, y, size_px, ha, va, rotation, "anchor", face=face)
        self.add(x0 - dilate, y0 - dilate, x1 + dilate, y1 + dilate)

    def overlaps(self, box) -> bool:
        """Whether the covered box and ``box`` (x, y, w, h) share an area."""
        x, y, w, h = box
        b = self.box
        return min(b[2], x + w) > max(b[0], x) and min(b[3], y + h) > max(b[1], y)
