"""axes_grid1's grids making lumos axes: change ``mpl_toolkits.axes_grid1`` to
``lumos.axes_grid1`` in a script and its ImageGrid / AxesGrid / Grid, ``host_subplot``
(parasite axes: :mod:`.parasite_axes`) and ``AnchoredSizeBar`` (:mod:`.anchored_artists`)
run on lumos; its modules ``axes_size``, ``axes_divider``, ``axes_grid``, ``axes_rgb`` and
``inset_locator`` import as matplotlib's do.

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
from mpl_toolkits.axes_grid1 import axes_grid as _mpl_grid

from ..plot.axes import Axes
from . import axes_size as Size  # noqa: N812 (matplotlib's name)
from .axes_divider import Divider, SubplotDivider, make_axes_locatable

__all__ = ["AnchoredSizeBar", "AxesGrid", "AxisDict", "Divider", "Grid", "GridAxes",
           "HostAxes", "ImageGrid", "SideAxis", "Size", "SubplotDivider", "host_axes",
           "host_subplot", "make_axes_locatable"]

_LABEL_MODES = ("all", "L", "1", "keep")


#: a side -> (the axis, 1 for bottom/left or 2 for top/right)
_SIDES = {"bottom": ("x", 1), "top": ("x", 2), "left": ("y", 1), "right": ("y", 2)}


class _SidePart:
    """``ax.axis["top"].major_ticklabels`` (or ``major_ticks``): shown or hidden."""

    def __init__(self, side: SideAxis, part: str) -> None:
        self._side, self._part = side, part

    def set_visible(self, visible) -> None:
        """Show (True) or hide (False) this side's tick labels (or ticks)."""
        self._side.toggle(**{self._part: bool(visible)})


class SideAxis:
    """``ax.axis["bottom"]`` of a grid's axes (matplotlib's axes_grid1 ``mpl_axes``):
    one side's ticks, tick labels and axis label, shown or hidden together."""

    def __init__(self, ax, side: str) -> None:
        name, self._num = _SIDES[side]
        self._side = side
        self._axis = ax.xaxis if name == "x" else ax.yaxis

    @property
    def label(self):
        """The axis label (its text and Text setters)."""
        return self._axis.label

    @property
    def major_ticklabels(self) -> _SidePart:
        """This side's tick labels (``.set_visible``)."""
        return _SidePart(self, "ticklabels")

    @property
    def major_ticks(self) -> _SidePart:
        """This side's ticks (``.set_visible``)."""
        return _SidePart(self, "ticks")

    def set_label(self, text) -> None:
        """The axis label's text."""
        self._axis.set_label_text(text)

    def toggle(self, all=None, ticks=None, ticklabels=None, label=None) -> None:  # noqa: A002
        """Show (True) or hide (False) this side's ticks, tick labels and label; ``all``
        sets the three, the others override it, None leaves one as it is."""
        shown = [all] * 3 if all is not None else [None] * 3
        for i, value in enumerate((ticks, ticklabels, label)):
            if value is not None:
                shown[i] = value
        ticks, ticklabels, label = shown
        if ticks is not None:
            self._axis.set_tick_params(**{f"tick{self._num}On": bool(ticks)})
        if ticklabels is not None:
            self._axis.set_tick_params(**{f"label{self._num}On": bool(ticklabels)})
        if label is not None:
            if label:
                self._axis.label.set_visible(True)
                self._axis.set_label_position(self._side)
            elif self._axis.get_label_position() == self._side:
                self._axis.label.set_visible(False)

    def set_visible(self, visible) -> None:
        """Show or hide the side's ticks, tick labels, label and spine."""
        self.toggle(all=visible)
        self._axis.axes.spines[self._side].set_visible(visible)


class AxisDict:
    """``ax.axis`` of a grid's axes: ``ax.axis["left"]`` a :class:`SideAxis`, and
    ``ax.axis("off")`` lumos's ``Axes.axis``."""

    def __init__(self, ax) -> None:
        self._ax = ax

    def __getitem__(self, side: str) -> SideAxis:
        if side not in _SIDES:
            raise KeyError(f"axis: got {side!r}, expected one of {', '.join(_SIDES)}")
        return SideAxis(self._ax, side)

    def __call__(self, *args, **kwargs):
        return Axes.axis(self._ax, *args, **kwargs)


class GridAxes(Axes):
    """The axes of a lumos.axes_grid1 grid: lumos's, with matplotlib's axes_grid1
    ``ax.axis["bottom"]`` sides (``toggle``, ``set_label``, ``set_visible``)."""

    @property
    def axis(self) -> AxisDict:  # type: ignore[override]
        """``ax.axis["left"]``: a side; ``ax.axis("off")``: lumos's ``Axes.axis``."""
        return AxisDict(self)


GridAxes.twin_class = GridAxes


class _LumosGrid:
    """What a grid of lumos axes changes in matplotlib's: the axes' class, and which
    axes show tick labels and labels (lumos's axis API)."""

    _defaultAxesClass = GridAxes

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
            for side, shown in (("bottom", bottom), ("left", left)):
                SideAxis(ax, side).toggle(ticklabels=shown, label=shown)


class Grid(_LumosGrid, _mpl_grid.Grid):
    """matplotlib's axes_grid1 ``Grid`` (axes in rows and columns, fixed pads in
    inches) of lumos axes."""


class ImageGrid(_LumosGrid, _mpl_grid.ImageGrid):
    """matplotlib's axes_grid1 ``ImageGrid`` (a Grid keeping the images' aspect, with
    colorbar axes: ``cbar_mode``, ``cbar_location``, ``grid.cbar_axes[i].colorbar``)
    of lumos axes."""


AxesGrid = ImageGrid


from .anchored_artists import AnchoredSizeBar  # noqa: E402 (they subclass GridAxes)
from .parasite_axes import HostAxes, host_axes, host_subplot  # noqa: E402
