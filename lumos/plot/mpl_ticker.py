"""matplotlib's own locators and formatters on a lumos axis.

matplotlib's tickers ask their ``axis`` for the view interval, the data interval, the
tick space, the smallest positive value and the major tick locations (``AutoMinorLocator``),
and a date locator turns the view into datetimes through it. :class:`AxisAdapter` answers
those questions from a lumos :class:`~lumos.plot.axis.Axis` (in the same units:
floats, dates as days since 1970 as matplotlib's default epoch), so
``ax.xaxis.set_major_locator(matplotlib.ticker.MultipleLocator(0.5))`` or
``matplotlib.dates.DateFormatter('%b')`` work unchanged. :class:`MatplotlibLocator` and
:class:`MatplotlibFormatter` give them lumos's locator/formatter interface.

matplotlib is never imported here: the objects come from the user's script.
"""

from __future__ import annotations

import types

import numpy as np

from .ticker_formatters import Formatter, NullFormatter
from .ticker_locators import Locator, NullLocator


def is_matplotlib(obj) -> bool:
    """Whether ``obj`` is (a subclass of) a matplotlib class."""
    return any(c.__module__.split(".")[0] == "matplotlib" for c in type(obj).__mro__)


class AxisAdapter:
    """What matplotlib's tickers call on ``self.axis``, answered by a lumos axis."""

    def __init__(self, axis) -> None:
        self._lumos = axis
        self.axes = axis.axes
        self.axis_name = axis.name
        self.__name__ = f"{axis.name}axis"
        self.units = None
        self.converter = None

    # views and data
    def get_view_interval(self):
        lo, hi = self._lumos.get_view_interval()
        return np.array([hi, lo]) if self._lumos.inverted else np.array([lo, hi])

    def set_view_interval(self, vmin, vmax, ignore: bool = False) -> None:
        self._lumos.set_view_interval(vmin, vmax, ignore)

    def get_data_interval(self):
        return np.array(self._lumos.data_interval())

    def set_data_interval(self, vmin, vmax, ignore: bool = False) -> None:
        """matplotlib's dummy axes call this; the data decides lumos's data interval."""

    def get_minpos(self) -> float:
        return self._lumos.minpos()

    def get_tick_space(self) -> int:
        return self._lumos.tick_space()

    def get_inverted(self) -> bool:
        return bool(self._lumos.inverted)

    # ticks
    def get_majorticklocs(self) -> np.ndarray:
        # the major locator alone: the axis's full list places the minor ticks too,
        # which is what a matplotlib AutoMinorLocator asking this is doing
        return self._lumos.locate("major")

    def get_minorticklocs(self) -> np.ndarray:
        return self._lumos.get_minorticklocs()

    def get_ticklocs(self, *, minor: bool = False) -> np.ndarray:
        return self.get_minorticklocs() if minor else self.get_majorticklocs()

    # scale and units
    def get_scale(self) -> str:
        return self._lumos.scale.name

    def get_transform(self):
        """An object with the symlog/log parameters matplotlib's log formatters read."""
        s = self._lumos.scale
        return types.SimpleNamespace(**{k: getattr(s, k) for k in ("linthresh", "base")
                                        if hasattr(s, k)})

    def axis_date(self, tz=None) -> None:
        self._lumos.axis_date(tz)

    def get_units(self):
        return None

    def update_units(self, data) -> bool:
        return False

    # what matplotlib's Axis.set_major_locator & co. do on a scale's behalf
    def set_major_locator(self, locator) -> None:
        self._lumos.set_major_locator(locator)

    def set_minor_locator(self, locator) -> None:
        self._lumos.set_minor_locator(locator)

    def set_major_formatter(self, formatter) -> None:
        self._lumos.set_major_formatter(formatter)

    def set_minor_formatter(self, formatter) -> None:
        self._lumos.set_minor_formatter(formatter)


class CollectingAxis:
    """The axis a matplotlib scale sets its default tickers on (``set_default_locators_
    and_formatters``): it keeps them (wrapped later, when set on a real axis)."""

    def __init__(self) -> None:
        self.major_locator = self.minor_locator = NullLocator()
        self.major_formatter = self.minor_formatter = NullFormatter()

    def set_major_locator(self, locator) -> None:
        self.major_locator = locator

    def set_minor_locator(self, locator) -> None:
        self.minor_locator = locator

    def set_major_formatter(self, formatter) -> None:
        self.major_formatter = formatter

    def set_minor_formatter(self, formatter) -> None:
        self.minor_formatter = formatter

    def set(self, **kwargs) -> None:
        """Several tickers at once (matplotlib's ``Artist.set``): ``major_locator=``,
        ``minor_locator=``, ``major_formatter=``, ``minor_formatter=``."""
        for name, value in kwargs.items():
            if name not in ("major_locator", "minor_locator", "major_formatter",
                            "minor_formatter"):
                raise TypeError(f"Axis.set: {name!r} is not supported while a scale sets "
                                "its tickers; expected major_locator, minor_locator, "
                                "major_formatter or minor_formatter")
            getattr(self, f"set_{name}")(value)

    def get_scale(self) -> str:
        return "custom"


def lumos_twin(formatter):
    """lumos's own ConciseDateFormatter for a matplotlib one made on a lumos locator
    (``ConciseDateFormatter(ax.xaxis.get_major_locator())``, matplotlib's quick start):
    matplotlib's reads its locator's axis, which a lumos locator has not; lumos's
    formats the same way, with the same formats. None for any other formatter."""
    if type(formatter).__name__ != "ConciseDateFormatter" or \
            is_matplotlib(getattr(formatter, "_locator", None)):
        return None
    from .dates import ConciseDateFormatter

    for name, value in (("tz", formatter._tz), ("usetex", formatter._usetex)):
        if value:
            raise TypeError(f"ConciseDateFormatter: {name}={value!r} is not supported on "
                            "a lumos locator (lumos draws dates in UTC, without TeX)")
    return ConciseDateFormatter(formatter._locator, formats=formatter.formats,
                                offset_formats=formatter.offset_formats,
                                zero_formats=formatter.zero_formats,
                                show_offset=formatter.show_offset)


class MatplotlibLocator(Locator):
    """A matplotlib locator behind lumos's interface; ``source`` is the object (its
    ``set_params`` and attributes stay the user's to change)."""

    def __init__(self, source, axis) -> None:
        self.source = source
        source.set_axis(AxisAdapter(axis))

    def tick_values(self, vmin: float, vmax: float) -> np.ndarray:
        # the locator reads the view from its axis (a date locator turns it into dates)
        with np.errstate(all="ignore"):
            ticks = np.asarray(self.source(), dtype=float).ravel()
        return ticks[np.isfinite(ticks)]

    def get_unit(self) -> float:
        """Days per tick unit of a matplotlib date locator (what an AutoDateFormatter
        chooses its format by); 1 for other locators."""
        get = getattr(self.source, "_get_unit", None)
        return float(get()) if get is not None else 1.0

    def __getattr__(self, name: str):
        return getattr(self.source, name)

    def __repr__(self) -> str:
        return f"<lumos using matplotlib's {self.source!r}>"


class MatplotlibFormatter(Formatter):
    """A matplotlib formatter behind lumos's interface; ``source`` is the object."""

    def __init__(self, source, axis) -> None:
        super().__init__()
        self.source = source
        source.set_axis(AxisAdapter(axis))

    def format_ticks(self, values, vmin=None, vmax=None) -> list[str]:
        v = np.asarray(values, dtype=float).ravel()
        return [str(s) for s in self.source.format_ticks(v)]

    def __call__(self, x: float, pos: int | None = None) -> str:
        return str(self.source(x, pos))

    def get_offset(self) -> str:
        get = getattr(self.source, "get_offset", None)
        return str(get()) if get is not None else ""

    def format_data(self, value: float) -> str:
        return str(self.source.format_data(value))

    def __getattr__(self, name: str):
        return getattr(self.source, name)

    def __repr__(self) -> str:
        return f"<lumos using matplotlib's {self.source!r}>"
