"""axes_grid1's ``axes_size`` (``import lumos.axes_grid1.axes_size as Size``):
matplotlib's own size classes, which lay out lumos axes as they are."""

from mpl_toolkits.axes_grid1.axes_size import (
    Add,
    AxesX,
    AxesY,
    Fixed,
    Fraction,
    MaxExtent,
    MaxHeight,
    MaxWidth,
    Scalable,
    Scaled,
    from_any,
)

__all__ = ["Add", "AxesX", "AxesY", "Fixed", "Fraction", "MaxExtent", "MaxHeight", "MaxWidth",
           "Scalable", "Scaled", "from_any"]
