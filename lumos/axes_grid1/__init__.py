"""axes_grid1's grids making lumos axes: change ``mpl_toolkits.axes_grid1`` to
``lumos.axes_grid1`` in a script and its ImageGrid / AxesGrid / Grid run on lumos.

matplotlib's axes_grid1 classes make matplotlib Axes, which lumos does not draw (a
script importing them as they are fails in matplotlib's code: its Axes take no lumos
figure). The grids here are matplotlib's (matplotlib must be installed: its dividers lay
the axes out, as they already do for lumos axes through ``set_axes_locator``), making
lumos axes instead; ``make_axes_locatable``, ``Size``, ``Divider`` work on lumos axes
as they are and are matplotlib's own; :mod:`lumos.axes_grid1.inset_locator` places
inset axes as matplotlib's ``inset_locator``.

>>> from lumos.axes_grid1 import ImageGrid
>>> grid = ImageGrid(fig, 111, nrows_ncols=(2, 2), axes_pad=0.1, cbar_mode="single")
>>> for ax in grid: im = ax.imshow(data)
>>> grid.cbar_axes[0].colorbar(im)
"""

from __future__ import annotations

import numpy as np
from mpl_toolkits.axes_grid1 import Divider, SubplotDivider, make_axes_locatable
from mpl_toolkits.axes_grid1 import axes_grid as _mpl_grid
from mpl_toolkits.axes_grid1 import axes_size as Size  # noqa: N812 (matplotlib's name)

from ..plot.axes import Axes

__all__ = ["AxesGrid", "Divider", "Grid", "ImageGrid", "Size", "SubplotDivider",
           "make_axes_locatable"]

_LABEL_MODES = ("all", "L", "1", "keep")


class _LumosGrid:
    """What a grid of lumos axes changes in matplotlib's: the axes' class, and which
    axes show tick labels and labels (lumos's axis API)."""

    _defaultAxesClass = Axes

    def set_label_mode(self, mode: str) -> None:
        """Which axes show their tick labels and axis labels: "L" the left column (y)
        and the bottom row (x), "1" the lower left axes only, "all", "keep" (no
        change), as matplotlib's."""
        if mode not in _LABEL_MODES:
            raise ValueError(f"mode: got {mode!r}, expected one of {', '.join(_LABEL_MODES)}")
        if mode == "keep":
            return
        nrows, ncols = self.get_geometry()
        for i, j in np.ndindex(nrows, ncols):
            if j >= len(self.axes_row[i]):
                continue
            ax = self.axes_row[i][j]
            corner = i == nrows - 1 and j == 0
            bottom = {"L": i == nrows - 1, "1": corner}.get(mode, True)
            left = {"L": j == 0, "1": corner}.get(mode, True)
            for axis, side, shown in ((ax.xaxis, "bottom", bottom), (ax.yaxis, "left", left)):
                axis.set_tick_params(label1On=shown)
                if shown:
                    axis.label.set_visible(True)
                    axis.set_label_position(side)
                elif axis.get_label_position() == side:
                    axis.label.set_visible(False)


class Grid(_LumosGrid, _mpl_grid.Grid):
    """matplotlib's axes_grid1 ``Grid`` (axes in rows and columns, fixed pads in
    inches) of lumos axes."""


class ImageGrid(_LumosGrid, _mpl_grid.ImageGrid):
    """matplotlib's axes_grid1 ``ImageGrid`` (a Grid keeping the images' aspect, with
    colorbar axes: ``cbar_mode``, ``cbar_location``, ``grid.cbar_axes[i].colorbar``)
    of lumos axes."""


AxesGrid = ImageGrid
