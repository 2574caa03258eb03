"""matplotlib's unit converters on lumos axes (``matplotlib.units.registry``).

Values of a type a script registered a converter for (the gallery's ``basic_units``
``TaggedValue``, ...) become numbers through that converter, in the axis' unit
(``ax.yaxis.set_units(inch)``, ``plot(..., xunits=cm)``, else the converter's
``default_units``); the converter's ``axisinfo`` gives the axis its locators, formatters
and, when the script set none, its label. matplotlib's own converters (dates,
categories, decimals) are left alone: lumos converts those itself. Nothing is imported
from matplotlib: a converter can only be registered by a script that imported it.
"""

from __future__ import annotations

import sys

import numpy as np


def _is_users(converter) -> bool:
    return converter is not None and \
        not type(converter).__module__.split(".")[0] == "matplotlib"


def user_converter(values):
    """The converter a script registered for ``values``' type, or None."""
    units = sys.modules.get("matplotlib.units")
    if units is None or values is None or isinstance(values, (str, float, int)):
        return None
    if isinstance(values, np.ndarray) and values.dtype != object:
        return None
    if not any(_is_users(c) for c in list(units.registry.values())):
        return None
    try:
        converter = units.registry.get_converter(values)
    except Exception:  # a type the registry cannot look into: no converter
        return None
    return converter if _is_users(converter) else None


def registered_date_converter(values):
    """The matplotlib date converter a script registered for ``values`` in place of
    matplotlib's default (``munits.registry[np.datetime64] = ConciseDateConverter()``),
    or None: its ``axisinfo`` gives a date axis its locator and formatter."""
    units = sys.modules.get("matplotlib.units")
    if units is None:
        return None
    try:
        converter = units.registry.get_converter(values)
    except Exception:  # a type the registry cannot look into: no converter
        return None
    if converter is None or type(converter).__name__ == "_SwitchableDateConverter":
        return None  # matplotlib's own default: lumos's date tickers are the same
    return converter if callable(getattr(converter, "axisinfo", None)) else None


def take_unit_keywords(ax, kwargs: dict, x=None, y=None) -> None:
    """``xunits=``/``yunits=`` of a plotting call (popped): the axes' units from now on.
    As matplotlib's, the call's data ``x``/``y`` first give an axis with no unit its
    converter and default unit (its axisinfo, its label), then the keyword's unit
    replaces that."""
    for name, axis, data in (("xunits", ax.xaxis, x), ("yunits", ax.yaxis, y)):
        if name in kwargs:
            unit = kwargs.pop(name)
            if unit is not None:
                if data is not None and not axis.have_units():
                    axis.update_units(data)
                axis.set_units(unit)


class AxisUnits:
    """matplotlib's unit API of an :class:`~lumos.plot.axis.Axis` (a mixin)."""

    converter = None
    units = None  # the unit (a category axis: its categories)
    # matplotlib's ``isDefault_label``: no label set by the script (set_label, even to
    # '', as label_outer does, clears it), so a converter's may show
    _label_default = True

    def set_units(self, u) -> None:
        """Values with units (matplotlib's unit converters) are shown in ``u`` on this
        axis and the axes sharing it: data added from now on is converted to it."""
        if u is self.units:
            return
        for axis in self.limits.members:  # matplotlib's: every shared axis takes it
            axis.units = u
            axis._apply_axisinfo()

    def get_units(self):
        """The unit set by ``set_units`` or the converter's default (None: none)."""
        return self.units

    def have_units(self) -> bool:
        """Whether the axis has a unit converter or a unit."""
        return self.converter is not None or self.units is not None

    def get_converter(self):
        """The unit converter values of this axis went through (None: none)."""
        return self.converter

    def update_units(self, data) -> bool:
        """Take the converter registered for ``data`` (and its default unit when the
        axis has none); False when there is none."""
        converter = user_converter(data)
        if converter is None:
            return False
        new = converter is not self.converter
        self.converter = converter
        if self.units is None:
            default = converter.default_units(data, self)
            if default is not None:
                self.set_units(default)
                return True
        if new:
            self._apply_axisinfo()
        return True

    def process_units(self, values):
        """``values`` of a plotting call as numbers in the axis' unit when a script's
        converter takes them (masked values: NaN), else ``values`` unchanged. As
        matplotlib's plotting calls, they first give an axis with no unit nor converter
        its converter and default unit (``update_units``: the axisinfo, the label)."""
        if not self.have_units():
            self.update_units(values)
        return self.convert_units(values)

    def convert_units(self, values):
        """``values`` as numbers in the axis' unit (matplotlib's ``Axis.convert_units``:
        an axis without a converter takes the registered one with no axisinfo, as a
        patch's values give it), else ``values`` unchanged."""
        converter = user_converter(values)
        if converter is None:
            return values
        if self.converter is None:
            self.converter = converter
        out = self.converter.convert(values, self.units, self)
        if np.ma.isMaskedArray(out):
            out = np.ma.filled(out.astype(float), np.nan)
        return np.asarray(out, dtype=float)

    def _apply_axisinfo(self) -> None:
        """The converter's locators, formatters and label for the unit."""
        if self.converter is None:
            return
        info = self.converter.axisinfo(self.units, self)
        if info is None:
            return
        for value, setter in ((info.majloc, self.set_major_locator),
                              (info.minloc, self.set_minor_locator),
                              (info.majfmt, self.set_major_formatter),
                              (info.minfmt, self.set_minor_formatter)):
            if value is not None:
                setter(value)
        if info.label is not None and self._label_default:
            self.set_label_text(info.label)
            self._label_default = True
