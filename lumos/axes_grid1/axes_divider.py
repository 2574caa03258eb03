"""axes_grid1's ``axes_divider``: matplotlib's own dividers, which place lumos axes as
they are (through ``set_axes_locator``); ``make_axes_locatable(ax).append_axes`` makes
lumos axes beside ``ax``."""

from mpl_toolkits.axes_grid1 import axes_divider as _mpl
from mpl_toolkits.axes_grid1.axes_divider import (
    AxesDivider,
    Divider,
    HBoxDivider,
    SubplotDivider,
    VBoxDivider,
    make_axes_locatable,
)

from ..plot.axes import Axes

__all__ = ["AxesDivider", "Divider", "HBoxDivider", "SubplotDivider", "VBoxDivider",
           "make_axes_area_auto_adjustable", "make_axes_locatable"]


def make_axes_area_auto_adjustable(ax, use_axes=None, pad=0.1, adjust_dirs=None):
    """matplotlib's: ``ax`` shrinks to leave room, ``pad`` inches beyond, for the tick
    labels, labels and titles of ``use_axes`` (default: ``ax``; one lumos axes or a
    list; matplotlib's own takes one only when it is matplotlib's Axes)."""
    if use_axes is None:
        use_axes = ax
    if isinstance(use_axes, Axes):
        use_axes = [use_axes]
    _mpl.make_axes_area_auto_adjustable(ax, use_axes=use_axes, pad=pad,
    adjust_dirs=adjust_dirs)
