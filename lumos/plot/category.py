"""matplotlib's category axis: strings plotted on an axis map to 0, 1, 2, ... in the
order they are first seen, and the axis ticks every category with its string.

``ax.plot(["a", "b", "c"], y)`` then ``ax.bar(["b", "d"], h)`` puts "b" at 1 both times
and "d" at 3. The mapping lives on the axis (``Axis.convert`` calls :func:`convert`).
"""

from __future__ import annotations

import numpy as np

from . import ticker


def is_categorical(values) -> bool:
    """Whether ``values`` is a string or a non-empty sequence of strings (bytes too)."""
    if isinstance(values, (str, bytes, np.str_, np.bytes_)):
        return True
    if isinstance(values, np.ndarray):
        if values.dtype.kind in "US":
            return values.size > 0
        if values.dtype != object:
            return False
    elif not isinstance(values, (list, tuple)):
        return False
    flat = np.asarray(values, dtype=object).reshape(-1)
    return flat.size > 0 and all(isinstance(v, (str, bytes, np.str_, np.bytes_)) for v in flat)


class UnitData:
    """The axis' categories: string -> position, in first-seen order."""

    def __init__(self) -> None:
        self.mapping: dict[str, int] = {}

    def update(self, values) -> None:
        for v in values:
            self.mapping.setdefault(v, len(self.mapping))


class StrCategoryLocator(ticker.Locator):
    """A tick at every category (matplotlib's ``StrCategoryLocator``)."""

    def __init__(self, units: UnitData) -> None:
        self._units = units

    def tick_values(self, vmin: float, vmax: float) -> np.ndarray:
        return np.array(sorted(self._units.mapping.values()), dtype=float)


class StrCategoryFormatter(ticker.Formatter):
    """Each category's tick labelled with its string."""

    def __init__(self, units: UnitData) -> None:
        super().__init__()
        self._units = units

    def __call__(self, x: float, pos: int | None = None) -> str:
        names = {v: k for k, v in self._units.mapping.items()}
        return names.get(int(np.round(x)), "") if np.isfinite(x) else ""


def _text(v) -> str:
    return v.decode() if isinstance(v, (bytes, np.bytes_)) else str(v)


def convert(axis, values) -> np.ndarray:
    """Strings to float positions on ``axis``, new ones appended to its categories; the
    first categories given make it a category axis (ticks at each, labelled)."""
    flat = [_text(v) for v in np.asarray(values, dtype=object).reshape(-1)]
    units = axis.units
    if units is None:
        # axes sharing this axis (one Limits) share its categories, as in matplotlib
        units = UnitData()
        for member in axis.limits.members:
            member.units = units
            member.set_major_locator(StrCategoryLocator(units))
            member.set_major_formatter(StrCategoryFormatter(units))
    units.update(flat)
    return np.array([units.mapping[v] for v in flat], dtype=float).reshape(np.shape(values))


__all__ = ["StrCategoryFormatter", "StrCategoryLocator", "UnitData", "convert",
           "is_categorical"]
