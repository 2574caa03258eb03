"""Date ticks: datetime64 <-> float days, and locators/formatters for date axes.

Convention (matplotlib's): a date axis works in float64 *days since 1970-01-01T00:00*
(UTC; datetime64 values are naive and taken as UTC). :func:`date2num` converts
datetime64 (any unit), ``datetime``/``date`` objects and ISO strings; :func:`num2date`
converts back to ``datetime64[us]``.

- :class:`AutoDateLocator` picks a unit (years, months, days, hours, minutes, seconds,
  microseconds) and a nice interval (1, 2, 3, 4, 6 months; 1, 2, 3, 7, 14 days; 1, 2, 3,
  4, 6, 12 hours; 1, 5, 10, 15, 30 minutes or seconds; 1, 2, 5, 10, ... microseconds)
  with ticks on calendar boundaries (Jan 1, month starts, midnight, whole minutes).
- :class:`ConciseDateFormatter` (lumos's date-axis default): short labels (``2024``,
  ``Mar``, ``05``, ``12:30``, ``15.250``) plus an offset text (``2024-Mar-05``).
- :class:`AutoDateFormatter`: one ``strftime`` format per unit (``%Y``, ``%Y-%m``, ...).
- :class:`DateFormatter`: a fixed format.

Formatting uses a built-in ``strftime`` subset (``%Y %y %m %d %j %H %I %p %M %S %f
%b %B %a %A %%``, English names), so it works for any year numpy can hold and does not
depend on the C locale.

>>> date2num(np.datetime64("2024-03-05T12:00"))
19787.5
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from .ticker_formatters import Formatter
from .ticker_locators import NO_TICKS, Locator, MultipleLocator, finite_limits

__all__ = [
    "EPOCH", "date2num", "num2date", "strftime", "AutoDateLocator", "AutoDateFormatter",
    "ConciseDateFormatter", "DateFormatter",
]  # fmt: skip

EPOCH = np.datetime64("1970-01-01T00:00:00", "us")
US_PER_DAY = 86_400_000_000
_US = {"h": 3_600_000_000, "m": 60_000_000, "s": 1_000_000}
# Float days are kept inside what datetime64[us] can hold (about +-290,000 years); the
# date locator gives no ticks for views entirely beyond +-1e8 days (+-273,000 years).
_MAX_DAYS = 1.0e8

YEARLY, MONTHLY, DAILY, HOURLY, MINUTELY, SECONDLY, MICROSECONDLY = range(7)
#: Days per unit, what AutoDateFormatter keys its formats on (matplotlib's values).
UNIT_DAYS = {
    YEARLY: 365.0, MONTHLY: 30.0, DAILY: 1.0, HOURLY: 1 / 24, MINUTELY: 1 / 1440,
    SECONDLY: 1 / 86400, MICROSECONDLY: 1 / US_PER_DAY,
}  # fmt: skip


# ======================================================================== conversions


def _datetime64_to_days(a: np.ndarray) -> np.ndarray:
    unit = np.datetime_data(a.dtype)[0]
    if unit in ("Y", "M", "W", "generic"):
        a = a.astype("datetime64[D]")  # exact; these units have no fixed length
    nat = np.isnat(a)
    i = a.view(np.int64).astype(np.int64)  # counts of the native unit since 1970
    per_day = int(np.timedelta64(1, "D") / np.timedelta64(1, np.datetime_data(a.dtype)[0]))
    # Whole days and the fraction separately: ns counts would lose digits in float64.
    days = (i // per_day).astype(np.float64) + (i % per_day) / per_day
    days[nat] = np.nan
    return days


def _object_to_datetime64(x: Any) -> np.datetime64:
    if isinstance(x, _dt.datetime):
        if x.tzinfo is not None:  # aware: the instant, in UTC
            x = x.astimezone(_dt.timezone.utc).replace(tzinfo=None)
        return np.datetime64(x, "us")
    if isinstance(x, _dt.date):
        return np.datetime64(x, "D")
    if isinstance(x, np.datetime64):
        return x
    if isinstance(x, str):
        return np.datetime64(x)
    if x is None:
        return np.datetime64("NaT")
    raise TypeError(f"date2num: expected datetime64, datetime, date or ISO string, "
                    f"got {type(x).__name__}")


def date2num(d: Any) -> np.ndarray | float:
    """Dates to float64 days since 1970-01-01 (matplotlib's epoch); NaT becomes NaN.

    Accepts datetime64 scalars/arrays (any unit), ``datetime``/``date`` objects (aware
    ones are converted to UTC), ISO strings, or sequences of these. Numbers are taken
    as already converted. A scalar in gives a float out.
    """
    scalar = np.ndim(d) == 0
    if isinstance(d, (_dt.date, str, np.datetime64)) or d is None:
        a = np.asarray(_object_to_datetime64(d))
    else:
        a = np.asarray(d)
        if a.dtype.kind in "OUS":
            flat = [_object_to_datetime64(x) for x in a.ravel()]
            a = np.array(flat, dtype="datetime64[us]").reshape(a.shape)
    if a.dtype.kind == "M":
        out = _datetime64_to_days(np.atleast_1d(a)).reshape(a.shape)
    elif a.dtype.kind in "biuf":
        out = a.astype(np.float64)
    else:
        raise TypeError(f"date2num: expected datetime64 or datetime data, got dtype {a.dtype}")
    return float(out) if scalar else out


def _days_to_us(x: Any) -> np.ndarray:
    """Float days to int64 microseconds since the epoch (rounded); NaN stays flagged."""
    x = np.clip(np.asarray(x, dtype=np.float64), -_MAX_DAYS, _MAX_DAYS)
    whole = np.floor(np.where(np.isfinite(x), x, 0.0))
    frac = np.where(np.isfinite(x), x - whole, 0.0)
    return whole.astype(np.int64) * US_PER_DAY + np.round(frac * US_PER_DAY).astype(np.int64)


def _us_to_days(us: np.ndarray) -> np.ndarray:
    us = np.asarray(us, dtype=np.int64)
    return (us // US_PER_DAY).astype(np.float64) + (us % US_PER_DAY) / US_PER_DAY


def num2date(x: Any) -> np.ndarray | np.datetime64:
    """Float days since 1970-01-01 to ``datetime64[us]`` (rounded to 1 µs); NaN → NaT."""
    a = np.asarray(x, dtype=np.float64)
    us = _days_to_us(a).astype("datetime64[us]")
    us = np.where(np.isfinite(a), us, np.datetime64("NaT", "us"))
    return us[()] if a.ndim == 0 else us


# ============================================================== calendar fields / strftime


def _fields(us: np.ndarray) -> dict[str, np.ndarray]:
    """Calendar fields of int64 microseconds since the epoch (proleptic Gregorian)."""
    t = np.asarray(us, dtype=np.int64).astype("datetime64[us]")
    day = t.astype("datetime64[D]")  # numpy casts round down, also before 1970
    month = t.astype("datetime64[M]")
    year = t.astype("datetime64[Y]")
    di = day.astype(np.int64)
    tod = np.asarray(us, dtype=np.int64) - di * US_PER_DAY
    return {
        "year": year.astype(np.int64) + 1970,
        "month": month.astype(np.int64) % 12 + 1,
        "day": (day - month.astype("datetime64[D]")).astype(np.int64) + 1,
        "hour": tod // 3_600_000_000,
        "minute": tod // 60_000_000 % 60,
        "second": tod // 1_000_000 % 60,
        "microsecond": tod % 1_000_000,
        "weekday": (di + 3) % 7,  # Monday = 0; 1970-01-01 was a Thursday
        "yday": (day - year.astype("datetime64[D]")).astype(np.int64) + 1,
    }


_MONTHS = ("January February March April May June July August September October "
           "November December").split()
_DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_CODE = re.compile(r"%(.)")


def _format_one(fmt: str, f: dict[str, int]) -> str:
    def code(m: re.Match) -> str:
        c = m.group(1)
        y = f["year"]
        table = {
            "Y": f"{y:04d}" if y >= 0 else f"{y}",
            "y": f"{y % 100:02d}",
            "m": f"{f['month']:02d}",
            "d": f"{f['day']:02d}",
            "j": f"{f['yday']:03d}",
            "H": f"{f['hour']:02d}",
            "I": f"{(f['hour'] - 1) % 12 + 1:02d}",
            "p": "AM" if f["hour"] < 12 else "PM",
            "M": f"{f['minute']:02d}",
            "S": f"{f['second']:02d}",
            "f": f"{f['microsecond']:06d}",
            "b": _MONTHS[f["month"] - 1][:3],
            "B": _MONTHS[f["month"] - 1],
            "a": _DAYS[f["weekday"]][:3],
            "A": _DAYS[f["weekday"]],
            "%": "%",
        }
        if c not in table:
            raise ValueError(f"strftime: unsupported directive %{c} in {fmt!r}")
        return table[c]

    return _CODE.sub(code, fmt)


def strftime(values: Any, fmt: str) -> list[str]:
    """Format float days (matplotlib date numbers) with a ``strftime`` subset.

    Non-finite values give empty strings.
    """
    v = np.atleast_1d(np.asarray(values, dtype=np.float64))
    fields = _fields(_days_to_us(v))
    out = []
    for i, x in enumerate(v):
        if not math.isfinite(x):
            out.append("")
            continue
        out.append(_format_one(fmt, {k: int(a[i]) for k, a in fields.items()}))
    return out


# ============================================================================ locator


class AutoDateLocator(Locator):
    """Date ticks at calendar boundaries with an automatically chosen unit and interval.

    The coarsest unit with at least ``minticks`` whole units in the range is used, with
    the smallest interval giving at most ``maxticks[unit]`` ticks; ticks are multiples
    of the interval in the enclosing unit (months 1, 4, 7, 10; hours 0, 6, 12, 18;
    days 1 and 15 for 14-day steps), so they do not drift as the view pans.
    ``tick_values`` records the unit it chose (:meth:`get_unit`, in days) for
    :class:`AutoDateFormatter`.
    """

    def __init__(
        self,
        minticks: int = 5,
        maxticks: int | dict[int, int] | None = None,
        interval_multiples: bool = True,
    ):
        self.minticks = int(minticks)
        self.maxticks = {YEARLY: 11, MONTHLY: 12, DAILY: 11, HOURLY: 12, MINUTELY: 11,
                         SECONDLY: 11, MICROSECONDLY: 8}
        if isinstance(maxticks, dict):
            self.maxticks.update(maxticks)
        elif maxticks is not None:
            self.maxticks = dict.fromkeys(self.maxticks, int(maxticks))
        self.interval_multiples = bool(interval_multiples)
        self.intervald = {
            YEARLY: [1, 2, 4, 5, 10, 20, 40, 50, 100, 200, 400, 500, 1000, 2000, 4000,
                     5000, 10000],
            MONTHLY: [1, 2, 3, 4, 6],
            DAILY: [1, 2, 3, 7, 14, 21],
            HOURLY: [1, 2, 3, 4, 6, 12],
            MINUTELY: [1, 5, 10, 15, 30],
            SECONDLY: [1, 5, 10, 15, 30],
            MICROSECONDLY: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000,
                            20000, 50000, 100000, 200000, 500000, 1000000],
        }  # fmt: skip
        if self.interval_multiples:
            # Every 3rd day from the 1st gives ..., 28, 31, 1 in long months; every 4th
            # gives ..., 25, 29, 1, which reads better (matplotlib does the same).
            self.intervald[DAILY] = [1, 2, 4, 7, 14]
        self.freq = DAILY
        self.interval = 1

    def get_unit(self) -> float:
        """Days per unit of the last ``tick_values`` call (365 for years, 1 for days)."""
        return UNIT_DAYS[self.freq]

    # matplotlib's AutoDateFormatter asks its locator this name: given this locator
    # (``mdates.AutoDateFormatter(ax.xaxis.get_major_locator())``), it picks its format
    _get_unit = get_unit

    def _counts(self, umin: int, umax: int) -> list[float]:
        """Whole years, months, days, hours, minutes, seconds, µs from umin to umax."""
        f0, f1 = (_fields(np.array([u])) for u in (umin, umax))
        months = (int(f1["year"][0]) - int(f0["year"][0])) * 12 + int(f1["month"][0]) - int(
            f0["month"][0])
        # The month is only complete once umax's day and time reach umin's.
        within0 = umin - _month_start(umin)
        within1 = umax - _month_start(umax)
        if months > 0 and within1 < within0:
            months -= 1
        span = umax - umin
        return [months // 12, months, span // US_PER_DAY, span // _US["h"],
                span // _US["m"], span // _US["s"], span]

    def tick_values(self, vmin: float, vmax: float) -> np.ndarray:
        lim = finite_limits(vmin, vmax)
        if lim is None:
            return NO_TICKS.copy()
        lo, hi = lim
        if hi < -_MAX_DAYS or lo > _MAX_DAYS:
            return NO_TICKS.copy()  # beyond what datetime64[us] can name
        if lo == hi:  # one instant: show the day around it
            lo, hi = lo - 1.0, hi + 1.0
        lo, hi = max(lo, -_MAX_DAYS), min(hi, _MAX_DAYS)
        umin, umax = (int(u) for u in _days_to_us(np.array([lo, hi])))
        counts = self._counts(umin, umax)
        freq, interval = MICROSECONDLY, 1
        for f, n in enumerate(counts):
            if n < self.minticks:
                continue
            choices = self.intervald[f]
            interval = next((i for i in choices if n <= i * (self.maxticks[f] - 1)), None)
            if interval is None:
                # Out of intervals: years get a larger nice one; days keep the largest
                # (the range is < 5 months: 1st and 15th of each month is still fine).
                interval = _nice_at_least(n / (self.maxticks[f] - 1)) if f == YEARLY \
                    else choices[-1]
            freq = f
            break
        self.freq, self.interval = freq, interval
        if freq == YEARLY:
            return self._years(umin, umax, interval)
        if freq == MICROSECONDLY:
            # Multiples of the interval counted from the start of vmin's day.
            t0 = math.floor(lo)
            ticks = MultipleLocator(interval).tick_values(
                (lo - t0) * US_PER_DAY, (hi - t0) * US_PER_DAY)
            # Far from 1970 float days cannot resolve microseconds: merge equal ticks.
            return np.unique(ticks / US_PER_DAY + t0)
        ticks = self._calendar(umin, umax, freq, interval)
        return _us_to_days(ticks) if len(ticks) else np.array([lo, hi])

    def _years(self, umin: int, umax: int, step: int) -> np.ndarray:
        y0 = int(_fields(np.array([umin]))["year"][0])
        y1 = int(_fields(np.array([umax]))["year"][0])
        # Jan 1 of the multiples of `step` from the one at/below vmin's year to the one
        # at/above vmax's year.
        years = np.arange(math.floor(y0 / step) * step, math.ceil(y1 / step) * step + 1, step)
        # Via datetime64[D]: ticks a step beyond +-290,000 years would overflow [us].
        jan1 = (years - 1970).astype("datetime64[Y]").astype("datetime64[D]")
        return jan1.astype(np.int64).astype(np.float64)

    def _calendar(self, umin: int, umax: int, freq: int, interval: int) -> np.ndarray:
        """Unit starts in [umin, umax] whose field is a multiple of the interval."""
        if not self.interval_multiples:
            allowed = None
        elif freq == MONTHLY:
            allowed = range(1, 13)[::interval]
        elif freq == DAILY:
            allowed = {14: [1, 15], 7: [1, 8, 15, 22]}.get(interval, range(1, 32)[::interval])
        else:
            allowed = range(0, 24 if freq == HOURLY else 60)[::interval]
        unit = {MONTHLY: "M", DAILY: "D", HOURLY: "h", MINUTELY: "m", SECONDLY: "s"}[freq]
        first = np.datetime64(umin, "us").astype(f"datetime64[{unit}]")
        last = np.datetime64(umax, "us").astype(f"datetime64[{unit}]")
        cand = np.arange(first, last + np.timedelta64(1, unit))
        us = cand.astype("datetime64[us]").astype(np.int64)
        if allowed is not None:
            key = {MONTHLY: "month", DAILY: "day", HOURLY: "hour", MINUTELY: "minute",
                   SECONDLY: "second"}[freq]
            us = us[np.isin(_fields(us)[key], list(allowed))]
        else:  # every `interval` units from the first, as an rrule would
            us = us[:: max(interval, 1)]
        return us[(us >= umin) & (us <= umax)]


def _month_start(u: int) -> int:
    return int(np.datetime64(u, "us").astype("datetime64[M]").astype("datetime64[us]")
               .astype(np.int64))


def _nice_at_least(x: float) -> int:
    """The smallest 1, 2 or 5 times a power of ten that is >= x."""
    p = 10 ** math.floor(math.log10(max(x, 1.0)))
    return int(next(m * p for m in (1, 2, 5, 10) if m * p >= x))


# ========================================================================= formatters


class DateFormatter(Formatter):
    """Labels from one ``strftime`` format, e.g. ``"%Y-%m-%d %H:%M"``."""

    def __init__(self, fmt: str):
        super().__init__()
        self.fmt = fmt

    def __call__(self, x: float, pos: int | None = None) -> str:
        return strftime(x, self.fmt)[0]

    def format_ticks(self, values: Any, vmin: float | None = None,
                     vmax: float | None = None) -> list[str]:
        return strftime(values, self.fmt)


class AutoDateFormatter(Formatter):
    """One format per tick unit of ``locator`` (matplotlib's defaults).

    ``scaled`` maps days-per-unit to a format: 365 → ``%Y``, 30 → ``%Y-%m``,
    1 → ``%Y-%m-%d``, 1/24 → ``%m-%d %H``, 1/1440 → ``%d %H:%M``, 1/86400 → ``%H:%M:%S``,
    1 µs → ``%M:%S.%f``. The smallest key >= the locator's unit wins.
    """

    def __init__(self, locator: AutoDateLocator, defaultfmt: str = "%Y-%m-%d"):
        super().__init__()
        self.locator = locator
        self.defaultfmt = defaultfmt
        self.scaled = {
            365.0: "%Y", 30.0: "%Y-%m", 1.0: "%Y-%m-%d", 1 / 24: "%m-%d %H",
            1 / 1440: "%d %H:%M", 1 / 86400: "%H:%M:%S", 1 / US_PER_DAY: "%M:%S.%f",
        }  # fmt: skip

    def _fmt(self) -> str:
        unit = self.locator.get_unit() if hasattr(self.locator, "get_unit") else 1.0
        return next((f for s, f in sorted(self.scaled.items()) if s >= unit), self.defaultfmt)

    def __call__(self, x: float, pos: int | None = None) -> str:
        return strftime(x, self._fmt())[0]

    def format_ticks(self, values: Any, vmin: float | None = None,
                     vmax: float | None = None) -> list[str]:
        return strftime(values, self._fmt())


class ConciseDateFormatter(Formatter):
    """Short date labels plus an offset text, as matplotlib's ConciseDateFormatter.

    Ticks are labelled at the finest field that changes between them (years, months,
    days, hours, minutes, seconds): ``formats`` per level, ``zero_formats`` when the
    field is at its start (a month label ``Jan`` becomes the year ``2024``, midnight
    becomes ``Mar-05``), and the coarser fields go once into :meth:`get_offset`
    (``offset_formats``). Fractional seconds lose their common trailing zeros
    (``15.250``). ``vmin > vmax`` (an inverted axis) takes the offset from the first
    tick rather than the last.
    """

    def __init__(
        self,
        locator: Locator | None = None,
        formats: Sequence[str] | None = None,
        offset_formats: Sequence[str] | None = None,
        zero_formats: Sequence[str] | None = None,
        show_offset: bool = True,
    ):
        super().__init__()
        self.locator = locator
        self.formats = list(formats or ["%Y", "%b", "%d", "%H:%M", "%H:%M", "%S.%f"])
        if zero_formats:
            self.zero_formats = list(zero_formats)
        else:
            self.zero_formats = [""] + self.formats[:-1]
            if not formats:
                self.zero_formats[3] = "%b-%d"
        self.offset_formats = list(offset_formats or [
            "", "%Y", "%Y-%b", "%Y-%b-%d", "%Y-%b-%d", "%Y-%b-%d %H:%M"])
        for name in ("formats", "zero_formats", "offset_formats"):
            if len(getattr(self, name)) != 6:
                raise ValueError(f"ConciseDateFormatter: {name} must have 6 entries "
                                 f"(years .. seconds), got {len(getattr(self, name))}")
        self.show_offset = show_offset
        self.offset_string = ""

    def __call__(self, x: float, pos: int | None = None) -> str:
        return self.format_ticks([x])[0]

    def format_data_short(self, value: float) -> str:
        """The full date and time (matplotlib's read-out of a concise date axis)."""
        return strftime(value, "%Y-%m-%d %H:%M:%S")[0]

    def get_offset(self) -> str:
        return self.offset_string

    def format_ticks(self, values: Any, vmin: float | None = None,
                     vmax: float | None = None) -> list[str]:
        v = np.atleast_1d(np.asarray(values, dtype=np.float64)).ravel()
        ok = np.isfinite(v)
        labels = [""] * len(v)
        self.offset_string = ""
        if not ok.any():
            return labels
        days = v[ok]
        f = _fields(_days_to_us(days))
        cols = [f["year"], f["month"], f["day"], f["hour"], f["minute"], f["second"]]
        show_offset = self.show_offset
        # The finest field that differs between ticks is the one to label.
        level = 5
        for lev in range(5, -1, -1):
            uniq = np.unique(cols[lev])
            if len(uniq) > 1:
                level = lev
                # January (or year 1) in a year/month label already shows the year.
                if lev < 2 and np.any(uniq == 1):
                    show_offset = False
                break
        zero_vals = [0, 1, 1, 0, 0, 0]
        out = []
        for i in range(len(days)):
            fields = {k: int(a[i]) for k, a in f.items()}
            if level < 5:
                at_zero = cols[level][i] == zero_vals[level]
            else:
                at_zero = fields["second"] == 0 and fields["microsecond"] == 0
            fmt = self.zero_formats[level] if at_zero else self.formats[level]
            out.append(_format_one(fmt, fields))
        if level >= 5:
            # Drop the zeros all fractional labels share: 15.250000 -> 15.250.
            trailing = [len(s) - len(s.rstrip("0")) for s in out if "." in s]
            if trailing and min(trailing):
                cut = min(trailing)
                out = [s[:-cut].rstrip(".") if "." in s else s for s in out]
        if show_offset:
            inverted = vmin is not None and vmax is not None and vmin > vmax
            j = 0 if inverted else len(days) - 1
            self.offset_string = _format_one(
                self.offset_formats[level], {k: int(a[j]) for k, a in f.items()})
        for i, s in zip(np.flatnonzero(ok), out, strict=True):
            labels[i] = s
        return labels
