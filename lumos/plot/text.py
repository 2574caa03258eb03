"""Text sizes for layout: font sizes in points, extents in pixels (mathtext aware)."""

from __future__ import annotations

from functools import lru_cache

from ..visuals.mathtext import extent_rich
from .artists import _font_size


def points(fontsize) -> float:
    """A font size in points from a number or a matplotlib name ('small', 'large')."""
    return _font_size(fontsize)


@lru_cache(maxsize=4096)
def measure(text: str, size_px: float, bold: bool = False) -> tuple[float, float, float]:
    """(width, height, descent) of a label in pixels, as the Text visual lays it out."""
    if not text:
        return 0.0, 0.0, 0.0
    return extent_rich(text, size_px, bold=bold)
