"""axes_grid1's ``axes_grid``: :class:`~lumos.axes_grid1.Grid`, ``ImageGrid`` and
``AxesGrid`` making lumos axes."""

from . import AxesGrid, Grid, ImageGrid

__all__ = ["AxesGrid", "Grid", "ImageGrid"]
