"""Tick locators and formatters: where axis ticks go and what their labels say.

The objects are small and swappable, with matplotlib's names and behaviour:

- A *locator* answers ``tick_values(vmin, vmax) -> np.ndarray``: ascending float64 tick
  positions that *cover* the range (one tick beyond each end is allowed, as in
  matplotlib). :func:`visible` keeps only those inside ``[vmin, vmax]``.
  :class:`MaxNLocator`, :class:`AutoLocator`, :class:`AutoMinorLocator`,
  :class:`LogLocator`, :class:`SymmetricalLogLocator`, :class:`LinearLocator`,
  :class:`MultipleLocator`, :class:`FixedLocator`, :class:`NullLocator`.
- A *formatter* answers ``format_ticks(values, vmin=None, vmax=None) -> list[str]`` and
  ``get_offset() -> str`` (the text drawn once at the end of the axis, e.g. ``1e6`` or
  ``+1.7e9``). :class:`ScalarFormatter`, :class:`LogFormatter`,
  :class:`LogFormatterMathtext`, :class:`LogFormatterSciNotation`,
  :class:`StrMethodFormatter`, :class:`FormatStrFormatter`, :class:`FuncFormatter`,
  :class:`FixedFormatter`, :class:`NullFormatter`, :class:`PercentFormatter`,
  :class:`EngFormatter`.

Plain-text labels use the real minus sign (U+2212). Mathtext labels (``$10^{-3}$``)
keep an ASCII ``-``: a mathtext renderer draws it as a minus.

Bad limits never raise: non-finite ``vmin``/``vmax`` give no ticks, ``vmin == vmax`` is
widened to a small range around the value, and ``vmin > vmax`` gives ascending ticks.

Only numpy and the standard library are used; matplotlib is never imported.

>>> AutoLocator().tick_values(0, 1)
array([0. , 0.2, 0.4, 0.6, 0.8, 1. ])
>>> ScalarFormatter().format_ticks([0, 0.5, 1.0])
['0.0', '0.5', '1.0']
"""

from __future__ import annotations

# The locators live in .ticker_locators (log and symlog: .ticker_log), the formatters in
# .ticker_formatters, dates in .dates and the asinh/logit tickers in .ticker_scales; this
# module is their public path.
# The last two load at the first use of one of their names (a figure without dates or
# asinh/logit scales does not import them).
from typing import TYPE_CHECKING

from .._exports import lazy_exports
from .ticker_formatters import (
    MINUS,
    EngFormatter,
    FixedFormatter,
    FormatStrFormatter,
    Formatter,
    FuncFormatter,
    LogFormatter,
    LogFormatterMathtext,
    LogFormatterSciNotation,
    NullFormatter,
    PercentFormatter,
    ScalarFormatter,
    StrMethodFormatter,
    fix_minus,
)
from .ticker_locators import (
    MAXTICKS,
    AutoLocator,
    AutoMinorLocator,
    FixedLocator,
    LinearLocator,
    Locator,
    MaxNLocator,
    MultipleLocator,
    NullLocator,
    nonsingular,
    remove_overlapping_locs,
    tick_space,
    visible,
)
from .ticker_log import LogLocator, SymmetricalLogLocator

if TYPE_CHECKING:
    from .dates import (
        AutoDateFormatter,
        AutoDateLocator,
        ConciseDateFormatter,
        DateFormatter,
        date2num,
        num2date,
    )
    from .ticker_scales import AsinhLocator, IndexLocator, LogitFormatter, LogitLocator

__all__ = [
    "MINUS", "MAXTICKS", "fix_minus", "nonsingular", "visible", "tick_space",
    "remove_overlapping_locs",
    "Locator", "MaxNLocator", "AutoLocator", "AutoMinorLocator", "LogLocator",
    "SymmetricalLogLocator", "LinearLocator", "MultipleLocator", "FixedLocator",
    "NullLocator",
    "Formatter", "ScalarFormatter", "LogFormatter", "LogFormatterMathtext",
    "LogFormatterSciNotation", "StrMethodFormatter", "FormatStrFormatter", "FuncFormatter",
    "FixedFormatter", "NullFormatter", "PercentFormatter", "EngFormatter",
]  # fmt: skip

__all__ += [
    "AutoDateLocator", "AutoDateFormatter", "ConciseDateFormatter", "DateFormatter",
    "date2num", "num2date", "AsinhLocator", "IndexLocator", "LogitFormatter", "LogitLocator",
]  # fmt: skip

__getattr__, __dir__ = lazy_exports(__name__, {
    **dict.fromkeys(("AutoDateLocator", "AutoDateFormatter", "ConciseDateFormatter",
                     "DateFormatter", "date2num", "num2date"), "dates"),
    **dict.fromkeys(("AsinhLocator", "IndexLocator", "LogitFormatter", "LogitLocator"),
                    "ticker_scales")}, __package__)
del lazy_exports
