"""axes_grid1's ``axes_divider``: matplotlib's own dividers, which place lumos axes as
they are (through ``set_axes_locator``); ``make_axes_locatable(ax).append_axes`` makes
lumos axes beside ``ax``."""

from mpl_toolkits.axes_grid1.axes_divider import (
                                                  AxesDivider,
                                                  Divider,
                                                  HBoxDivider,
                                                  SubplotDivider,
                                                  VBoxDivider,
                                                  make_axes_area_auto_adjustable,
                                                  make_axes_locatable,
)

__all__ = ["AxesDivider", "Divider", "HBoxDivider", "SubplotDivider", "VBoxDivider",
           "make_axes_area_auto_adjustable", "make_axes_locatable"]
