"""matplotlib's patches for ``ax.add_patch``: ``from lumos.patches import Circle``.

The classes live in :mod:`lumos.plot.patches`; see there.
"""

from .plot.patches import (
    Arc,
    BoxStyle,
    Circle,
    Ellipse,
    FancyArrow,
    FancyBboxPatch,
    Patch,
    PathPatch,
    Polygon,
    Rectangle,
    RegularPolygon,
    Wedge,
)

__all__ = ["Arc", "BoxStyle", "Circle", "Ellipse", "FancyArrow", "FancyBboxPatch", "Patch",
           "PathPatch", "Polygon", "Rectangle", "RegularPolygon", "Wedge"]
