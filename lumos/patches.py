"""matplotlib's patches for ``ax.add_patch``: ``from lumos.patches import Circle``.

The classes live in :mod:`lumos.plot.patch_base` (Patch, PathPatch),
:mod:`lumos.plot.patch_shapes` (the simple shapes) and :mod:`lumos.plot.patch_fancy`
(FancyArrow, FancyBboxPatch); see there.
"""

from .plot.boxstyles import BoxStyle
from .plot.patch_base import Patch, PathPatch
from .plot.patch_fancy import FancyArrow, FancyBboxPatch
from .plot.patch_shapes import Arc, Circle, Ellipse, Polygon, Rectangle, RegularPolygon, Wedge

__all__ = ["Arc", "BoxStyle", "Circle", "Ellipse", "FancyArrow", "FancyBboxPatch", "Patch",
           "PathPatch", "Polygon", "Rectangle", "RegularPolygon", "Wedge"]
