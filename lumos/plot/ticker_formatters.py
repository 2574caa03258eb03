"""Tick formatters: what tick labels say (matplotlib's names and behaviour).

A *formatter* answers ``format_ticks(values, vmin=None, vmax=None) -> list[str]`` and
``get_offset() -> str`` (the text drawn once at the end of the axis, e.g. ``1e6`` or
``+1.7e9``). Plain-text labels use the real minus sign (U+2212); mathtext labels keep an
ASCII ``-``. Re-exported by :mod:`lumos.plot.ticker`, the public path.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from .style import rcParams
from .ticker_locators import NO_TICKS, nonsingular, visible

#: The typographic minus sign matplotlib uses in tick labels.
MINUS = "\N{MINUS SIGN}"


def fix_minus(s: str) -> str:
    """Replace ASCII hyphen-minus with the real minus sign (U+2212)."""
    return s.replace("-", MINUS)


class Formatter:
    """Base class: ``format_ticks(values, vmin, vmax) -> list[str]``, ``get_offset()``.

    ``vmin``/``vmax`` are the axis limits (the view interval); when omitted, the span of
    the finite values is used. Non-finite values get empty labels.
    """

    #: the data step of one pixel at the value ``format_data_short`` formats (the axes
    #: sets it: matplotlib's formatters ask their axis); None: the view's span / 1e4
    resolution: float | None = None

    def __init__(self) -> None:
        self.locs = NO_TICKS
        self.view = (0.0, 1.0)

    def set_view_interval(self, vmin: float, vmax: float) -> None:
        """Tell the formatter the axis's view limits (some labels depend on them)."""
        self.view = (float(vmin), float(vmax))

    def set_locs(self, locs: np.ndarray) -> None:
        """Hook: look at all tick values before labels are made (offsets, precision)."""
        self.locs = locs

    def format_ticks(
        self, values: Any, vmin: float | None = None, vmax: float | None = None
    ) -> list[str]:
        """The labels of the ticks at ``values``, formatted together (shared precision, offset)."""
        v = self._take_ticks(values, vmin, vmax)
        return [self(x, i) if math.isfinite(x) else "" for i, x in enumerate(v)]

    def _take_ticks(self, values: Any, vmin: float | None, vmax: float | None) -> np.ndarray:
        """``values`` as float64, once the view and the finite values are set."""
        v = np.asarray(values, dtype=np.float64).ravel()
        if vmin is not None and vmax is not None:
            self.set_view_interval(vmin, vmax)
        else:
            f = v[np.isfinite(v)]
            if len(f):
                self.set_view_interval(f.min(), f.max())
        self.set_locs(v[np.isfinite(v)])
        return v

    def __call__(self, x: float, pos: int | None = None) -> str:
        raise NotImplementedError

    def get_offset(self) -> str:
        """The offset or scale text shown at the end of the axis ('' when there is none)."""
        return ""

    def format_data(self, value: float) -> str:
        """A full-precision string for one value (cursor read-outs)."""
        return fix_minus(f"{value:.12g}")

    def format_data_short(self, value: float) -> str:
        """``value`` for the coordinate read-out (``Axes.format_coord``): plain text,
        precise to about a pixel; by default the label ``self(value)`` would give."""
        return self(value)

    def _visible_locs(self) -> np.ndarray:
        return visible(self.locs, *self.view)


class NullFormatter(Formatter):
    """Empty labels."""

    def __call__(self, x: float, pos: int | None = None) -> str:
        return ""


class FixedFormatter(Formatter):
    """Labels taken in order from a sequence (label ``i`` for tick ``i``)."""

    def __init__(self, seq: Sequence[str]):
        super().__init__()
        self.seq = list(seq)
        self.offset_string = ""

    def __call__(self, x: float, pos: int | None = None) -> str:
        if pos is None or pos >= len(self.seq):
            return ""
        return self.seq[pos]

    def get_offset(self) -> str:
        return self.offset_string

    def set_offset_string(self, ofs: str) -> None:
        """The text shown as the axis offset (matplotlib's ``set_offset_string``)."""
        self.offset_string = ofs


class FuncFormatter(Formatter):
    """Labels from ``func(x, pos) -> str``."""

    def __init__(self, func: Callable[[float, int | None], str]):
        super().__init__()
        self.func = func
        self.offset_string = ""

    def __call__(self, x: float, pos: int | None = None) -> str:
        return self.func(x, pos)

    def get_offset(self) -> str:
        return self.offset_string

    def set_offset_string(self, ofs: str) -> None:
        """The text shown as the axis offset (matplotlib's ``set_offset_string``)."""
        self.offset_string = ofs


class FormatStrFormatter(Formatter):
    """Labels from an old-style format, ``fmt % x`` (no minus-sign replacement, as in
    matplotlib)."""

    def __init__(self, fmt: str):
        super().__init__()
        self.fmt = fmt

    def __call__(self, x: float, pos: int | None = None) -> str:
        return self.fmt % x


@functools.cache
def _minus_fields():
    # string (its Template class compiles a regex at import) loads at the first
    # StrMethodFormatter label, not with every import.
    import string

    class MinusFields(string.Formatter):
        # Only the formatted numbers get the real minus; literal '-' in the template stays.
        def format_field(self, value: Any, format_spec: str) -> str:
            return fix_minus(super().format_field(value, format_spec))

    return MinusFields()  # no state: one formatter serves every call


class StrMethodFormatter(Formatter):
    """Labels from ``fmt.format(x=value, pos=index)``, e.g. ``"{x:.2f}"``; numbers get
    the real minus sign."""

    def __init__(self, fmt: str):
        super().__init__()
        self.fmt = fmt

    def __call__(self, x: float, pos: int | None = None) -> str:
        return _minus_fields().format(self.fmt, x=x, pos=pos)


#: ScalarFormatter's offset and decimals by the inputs of ``_compute_offset`` and
#: ``_compute_format`` (pure functions of them)
_FORMATS: dict = {}


def _remember(key: tuple, value) -> None:
    if len(_FORMATS) >= 1024:  # bounded: views never seen again are forgotten
        _FORMATS.clear()
    _FORMATS[key] = value


class ScalarFormatter(Formatter):
    """matplotlib's default labels: the fewest decimals that tell the ticks apart.

    - ``useOffset``: True to subtract a common offset when it saves at least
      ``offset_threshold`` leading digits (ticks at 1.7e9 + 0.2 read ``0.2`` with
      offset ``+1.7e9``); a number sets the offset; False never uses one.
    - ``powerlimits=(lo, hi)``: ticks whose magnitude is ``10**e`` with ``e <= lo`` or
      ``e >= hi`` are scaled by ``10**e``, shown in the offset text as ``1e−7``.
    - ``useMathText``: offset text as mathtext, ``$\\times10^{-7}$``.
    - ``useLocale``: False only (lumos formats numbers as the C locale).

    As in matplotlib, what is left None is read from rcParams when the formatter is
    made: ``axes.formatter.useoffset``, ``axes.formatter.use_mathtext``,
    ``axes.formatter.limits`` and ``axes.formatter.offset_threshold``.
    """

    def __init__(
        self,
        useOffset: bool | float | None = None,  # noqa: N803
        useMathText: bool | None = None,  # noqa: N803
        useLocale: bool | None = None,  # noqa: N803
        *,
        powerlimits: tuple[int, int] | None = None,
        offset_threshold: int | None = None,
        scientific: bool = True,
    ):
        super().__init__()
        self.set_useLocale(useLocale)
        self.set_useOffset(rcParams["axes.formatter.useoffset"] if useOffset is None
                           else useOffset)
        self.useMathText = bool(rcParams["axes.formatter.use_mathtext"]
                                if useMathText is None else useMathText)
        self.set_powerlimits(rcParams["axes.formatter.limits"] if powerlimits is None
                             else powerlimits)
        self.offset_threshold = int(rcParams["axes.formatter.offset_threshold"]
                                    if offset_threshold is None else offset_threshold)
        self.scientific = bool(scientific)
        self.orderOfMagnitude = 0
        self.decimals = 1
        self.format = "%1.1f"
        self._zero = 1e-8

    # matplotlib's setters (ax.xaxis.get_major_formatter().set_scientific(False), ...)
    def set_scientific(self, b: bool) -> None:
        """Whether labels may use scientific notation."""
        self.scientific = bool(b)

    def set_powerlimits(self, lims) -> None:
        """The exponents (m, n) beyond which labels use scientific notation."""
        try:
            lo, hi = lims
            self.powerlimits = (int(lo), int(hi))
        except (TypeError, ValueError):
            raise ValueError(f"lims: got {lims!r}, expected (min_exp, max_exp) integers") \
                from None

    def get_useOffset(self) -> bool:  # noqa: N802
        """Whether an offset is used (or the offset given)."""
        return self.useOffset

    def set_useOffset(self, val) -> None:  # noqa: N802
        """Whether an offset is used (True, False or the offset value)."""
        if isinstance(val, bool):
            self.useOffset, self.offset = val, 0.0
        else:
            self.useOffset, self.offset = False, float(val)

    def get_useMathText(self) -> bool:  # noqa: N802
        """Whether the offset and exponents are drawn as math."""
        return self.useMathText

    def set_useMathText(self, val: bool) -> None:  # noqa: N802
        """Whether the offset and exponents are drawn as math."""
        self.useMathText = bool(val)

    def set_useLocale(self, val: bool) -> None:  # noqa: N802
        """Locale-dependent formatting (lumos formats as the C locale)."""
        if val:
            raise ValueError("useLocale: lumos formats numbers without the C locale")

    def set_locs(self, locs: np.ndarray) -> None:
        self.locs = np.asarray(locs, dtype=np.float64)
        if len(self.locs):
            vis = self._visible_locs()  # the ticks in view: found once for all three
            if self.useOffset:
                self._compute_offset(vis)
            self._compute_order_of_magnitude(vis)
            self._compute_format(vis)

    def _compute_offset(self, locs: np.ndarray) -> None:
        self.offset = 0.0
        if not len(locs):
            return
        # a pure function of the ticks in view and the threshold: a pan repeats them
        key = ("offset", type(self), locs.tobytes(), self.offset_threshold)
        known = _FORMATS.get(key)
        if known is None:
            self._find_offset(locs)
            _remember(key, self.offset)
        else:
            self.offset = known

    def _find_offset(self, locs: np.ndarray) -> None:
        lmin, lmax = float(locs.min()), float(locs.max())
        # An offset only helps when the ticks share a sign and are not all equal.
        if lmin == lmax or lmin <= 0 <= lmax:
            return
        amin, amax = sorted((abs(lmin), abs(lmax)))
        sign = math.copysign(1.0, lmin)
        top = math.ceil(math.log10(amax))

        def first_power(differs: Callable[[int], bool]) -> int:
            # Largest power of ten at which the end ticks' leading digits differ.
            for p in range(top, top - 700, -1):
                if differs(p):
                    return p
            return top - 700

        # Keep every digit above the first one where the end ticks differ ...
        oom = 1 + first_power(lambda p: amin // 10.0**p != amax // 10.0**p)
        if (amax - amin) / 10.0**oom <= 1e-2:
            # ... unless the range straddles a round number (1999.9..2000.1): then
            # keep the digits above the first one differing by more than 1.
            oom = 1 + first_power(lambda p: amax // 10.0**p - amin // 10.0**p > 1)
        lead = amax // 10.0**oom
        if lead >= 10 ** (self.offset_threshold - 1):
            # Dividing by an exact power of ten gives the float nearest the decimal.
            self.offset = sign * (lead * 10.0**oom if oom >= 0 else lead / 10.0**-oom)

    def _compute_order_of_magnitude(self, vis: np.ndarray) -> None:
        lo, hi = self.powerlimits
        self.orderOfMagnitude = 0
        if not self.scientific:
            return
        if lo == hi != 0:  # a fixed scale was asked for
            self.orderOfMagnitude = lo
            return
        locs = np.abs(vis)
        if not len(locs):
            return
        if self.offset:
            vmin, vmax = sorted(self.view)
            oom = math.floor(math.log10(vmax - vmin)) if vmax > vmin else 0
        else:
            top = float(locs.max())
            oom = math.floor(math.log10(top)) if top > 0 else 0
        if oom <= lo or oom >= hi:
            # 10**-324 is 0 in float64: keep the scale representable (denormal ticks).
            self.orderOfMagnitude = min(max(oom, -307), 307)

    def _scaled(self, values: np.ndarray) -> np.ndarray:
        return (values - self.offset) / 10.0**self.orderOfMagnitude

    def _compute_format(self, vis: np.ndarray) -> None:
        locs = self.locs
        # what the decimals depend on (read below): the ticks, those in view, the offset
        # and scale, the view only for fewer than two ticks. A pan repeats them until a
        # tick enters or leaves; a subclass may read more (not remembered)
        key = ("format", locs.tobytes(), vis.tobytes(), self.offset, self.orderOfMagnitude,
               self.view if len(locs) < 2 else None) if type(self) is ScalarFormatter \
            else None
        known = _FORMATS.get(key)
        if known is not None:
            self.decimals, self._zero = known
            self.format = f"%1.{self.decimals}f"
            return
        # One tick says nothing about precision: measure against the view limits too.
        ref = self._scaled(np.concatenate([locs, self.view]) if len(locs) < 2 else locs)
        span = float(np.ptp(ref)) or float(np.max(np.abs(ref))) or 1.0
        span_oom = math.floor(math.log10(span))
        scaled = self._scaled(locs)
        # matplotlib snaps |x| < 1e-8 to 0; scaling that by the span (when below 1) keeps
        # ticks 1e-9 apart from all reading 0.
        self._zero = 1e-8 * min(1.0, span)
        # Drop decimals while rounding to one fewer moves no tick by more than 1e-3 of
        # the span's power of ten.
        decimals = max(0, 3 - span_oom)
        thresh = 1e-3 * 10.0**span_oom
        while decimals >= 0 and np.abs(scaled - np.round(scaled, decimals)).max() < thresh:
            decimals -= 1
        decimals += 1
        # Never let two different visible ticks share a label.
        # (a set, not np.unique: numpy's imports numpy.ma, 0.1 s of a cold start)
        vis = sorted(set(self._scaled(vis).tolist()))
        while decimals < 17 and len(vis) > 1 and len(
            {self._fmt(decimals, x) for x in vis}
        ) < len(vis):
            decimals += 1
        self.decimals = decimals
        self.format = f"%1.{decimals}f"
        if key is not None:
            _remember(key, (decimals, self._zero))

    def format_ticks(
        self, values: Any, vmin: float | None = None, vmax: float | None = None
    ) -> list[str]:
        """The labels of the ticks at ``values`` (``Formatter.format_ticks``), each
        value's ``__call__`` done on Python floats with the formatter's state read once."""
        if type(self) is not ScalarFormatter:  # a subclass may format one by one
            return super().format_ticks(values, vmin, vmax)
        v = self._take_ticks(values, vmin, vmax)
        if not len(self.locs):
            return [""] * len(v)
        # __call__ for each value, on Python floats, with the state looked up once
        decimals, offset, scale = self.decimals, self.offset, 10.0**self.orderOfMagnitude
        return [fix_minus(self._fmt(decimals, (x - offset) / scale)) if math.isfinite(x)
                else "" for x in v.tolist()]

    def _fmt(self, decimals: int, xp: float) -> str:
        if abs(xp) < self._zero:  # round-off around zero must not print as -0.0
            xp = 0.0
        return f"{xp:.{decimals}f}"

    def __call__(self, x: float, pos: int | None = None) -> str:
        if not len(self.locs) or not math.isfinite(x):
            return ""
        # _scaled's arithmetic on a Python float (the same doubles, no numpy scalar)
        return fix_minus(self._fmt(self.decimals, (float(x) - self.offset)
                                   / 10.0**self.orderOfMagnitude))

    def format_data_short(self, value: float) -> str:
        """``value`` with as many significant digits as tell it from its neighbouring
        pixels (``resolution``), as matplotlib's ``%-#.Ng``; an integer as ``%d``."""
        if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
            return fix_minus(f"{value:d}")
        value = float(value)
        delta = self.resolution
        if delta is None:
            delta = (self.view[1] - self.view[0]) / 1e4
        return fix_minus(f"{value:#.{significant_digits(value, delta)}g}")

    def format_data(self, value: float) -> str:
        """``value`` in short scientific form: ``1.7e9``, ``-2.5e-3``, ``42``."""
        if value == 0 or not math.isfinite(value):
            return fix_minus(str(value if math.isfinite(value) else float(value)))
        from decimal import ROUND_HALF_EVEN, Decimal  # 3 ms to import: at the first use

        # Round the shortest decimal repr to 10 significant digits: dividing the float
        # by 10**e first would let binary round-off flip a 5 at the 11th digit.
        d = Decimal(repr(float(value)))
        e = d.adjusted()
        m = d.scaleb(-e).quantize(Decimal("1e-9"), rounding=ROUND_HALF_EVEN)
        if abs(m) >= 10:  # 9.9999999999 rounds up to 10
            m, e = (m / 10).quantize(Decimal("1e-9")), e + 1
        s = float(m)
        mant = format(m.normalize(), "f")
        if e == 0:
            return fix_minus(mant)
        if self.useMathText:
            return f"10^{{{e}}}" if s == 1 else rf"{mant}\times10^{{{e}}}"
        return fix_minus(f"{mant}e{e}")

    def get_offset(self) -> str:
        """The scale and offset text: ``1e6``, ``+1.7e9``, ``1e−7+1.7e9``, or ``""``."""
        if not len(self.locs) or not (self.orderOfMagnitude or self.offset):
            return ""
        off = ""
        if self.offset:
            off = self.format_data(self.offset)
            if self.offset > 0:
                off = "+" + off
        if self.useMathText:
            sci = (rf"\times{self.format_data(10.0**self.orderOfMagnitude)}"
                   if self.orderOfMagnitude else "")
            return f"${sci}{off}$"
        sci = f"1e{self.orderOfMagnitude}" if self.orderOfMagnitude else ""
        return fix_minus(sci + off)


def significant_digits(value: float, delta: float) -> int:
    """Significant digits of ``value`` known to within ``delta`` (matplotlib's
    cbook._g_sig_digits: the digits before the point and down to delta's first)."""
    if not math.isfinite(value):
        return 0
    delta = abs(delta)
    if delta == 0 or not math.isfinite(delta):
        if value == 0:
            return 3
        delta = abs(float(np.spacing(value)))
    return max(0, (math.floor(math.log10(abs(value))) + 1 if value else 1)
               - math.floor(math.log10(delta)))


def is_close_to_int(x: float) -> bool:
    """Whether ``x`` is within 1e-9 of an integer."""
    # Absolute tolerance: log10(1.0000000000000002) ~ 1e-16 must count as exponent 0.
    return abs(x - round(x)) < 1e-9


class LogFormatter(Formatter):
    """Labels for log axes: ``1``, ``10``, ``1000``, ``1e+05``, ``0.01`` → ``1e-02``.

    ``labelOnlyBase``: label only powers of the base. ``minor_thresholds=(a, b)``
    (matplotlib's default is ``(1, 0.4)``) labels only some multiples when a few decades
    are shown: only the decades above ``a`` decades, multiples 1, 2, 3, 4, 6 above ``b``,
    all multiples below. The lumos default ``None`` labels every tick it is given (the
    log scale's minor formatter has matplotlib's thresholds; labels are never thinned).
    ``linthresh`` marks a symlog axis (0 is labelled ``0``).
    """

    def __init__(
        self,
        base: float = 10.0,
        labelOnlyBase: bool = False,
        minor_thresholds: tuple[float, float] | None = None,
        linthresh: float | None = None,
    ):
        super().__init__()
        self.base = float(base)
        self.labelOnlyBase = bool(labelOnlyBase)
        self.minor_thresholds = minor_thresholds
        self.linthresh = linthresh
        self.sublabels: set[float] | None = None

    def set_locs(self, locs: np.ndarray) -> None:
        self.locs = locs
        self.sublabels = None
        if self.minor_thresholds is None or not math.isfinite(self.minor_thresholds[0]):
            return
        vmin, vmax = sorted(self.view)
        if not (math.isfinite(vmin) and math.isfinite(vmax)) or vmin == vmax:
            return
        b, t = self.base, self.linthresh
        if t is None and vmin <= 0:
            self.sublabels = {1.0}
            return
        if t is not None:  # symlog: count the log parts only
            numdec = 0.0
            numticks = 0
            if vmin < -t:
                rhs = min(vmax, -t)
                numticks += self._n_powers(abs(rhs), abs(vmin))
                numdec += math.log(vmin / rhs, b)
            if vmax > t:
                lhs = max(vmin, t)
                numticks += self._n_powers(lhs, vmax)
                numdec += math.log(vmax / lhs, b)
        else:
            numticks = self._n_powers(vmin, vmax)
            numdec = abs(math.log(vmax / vmin, b))
        if numticks > self.minor_thresholds[0]:
            self.sublabels = {1.0}
        elif numdec > self.minor_thresholds[1]:
            # Roughly log-spaced multiples: 1, 2, 3, 4, 6, 10 for base 10.
            self.sublabels = set(np.round(np.geomspace(1, b, int(b) // 2 + 1)).tolist())
        else:
            self.sublabels = set(np.arange(1, b + 1).tolist())

    def _n_powers(self, lo: float, hi: float) -> int:
        """How many powers of the base lie in ``[lo, hi]``."""
        return math.floor(math.log(hi, self.base)) - math.floor(
            math.nextafter(math.log(lo, self.base), -math.inf))

    def _parts(self, x: float) -> tuple[float, bool, int, float] | None:
        """(log_b |x|, is a power of the base, exponent, coefficient), or None to hide."""
        fx = math.log(abs(x)) / math.log(self.base)
        decade = is_close_to_int(fx)
        exponent = round(fx) if decade else math.floor(fx)
        coeff = round(self.base ** (fx - exponent))
        if self.labelOnlyBase and not decade:
            return None
        if self.sublabels is not None and coeff not in self.sublabels:
            return None
        return fx, decade, exponent, coeff

    def _base_str(self) -> str:
        return f"{int(self.base)}" if self.base % 1 == 0 else f"{self.base:g}"

    def __call__(self, x: float, pos: int | None = None) -> str:
        if not math.isfinite(x):
            return ""
        if x == 0:
            return "0"
        if self._parts(x) is None:
            return ""
        a = abs(x)
        if 1 <= a <= 10000:
            vmin, vmax = nonsingular(*self.view)
            s = self._pretty(a, vmax - vmin)
        else:
            s = f"{a:1.0e}"
        return fix_minus(("-" if x < 0 else "") + s)

    def format_data_short(self, value: float) -> str:
        """``value`` as ``%g`` (matplotlib's read-out on a log axis: no real minus)."""
        return f"{value:g}"

    @staticmethod
    def _pretty(x: float, span: float) -> str:
        if x == int(x):
            return f"{int(x)}"
        digits = 3 if span <= 1 else 2 if span <= 10 else 1
        return f"{x:.{digits}f}".rstrip("0").rstrip(".")


class LogFormatterMathtext(LogFormatter):
    """Log labels as mathtext powers: ``$10^{3}$``; other values ``$10^{0.30}$``."""

    def _non_decade(self, sign: str, fx: float, exponent: int, coeff: float) -> str:
        return f"${sign}{self._base_str()}^{{{fx:.2f}}}$"

    def __call__(self, x: float, pos: int | None = None) -> str:
        if not math.isfinite(x):
            return ""
        if x == 0:
            return "$0$"
        parts = self._parts(x)
        if parts is None:
            return ""
        fx, decade, exponent, coeff = parts
        sign = "-" if x < 0 else ""
        if decade:
            return f"${sign}{self._base_str()}^{{{exponent}}}$"
        return self._non_decade(sign, fx, exponent, coeff)


class LogFormatterSciNotation(LogFormatterMathtext):
    """matplotlib's default log labels: ``$10^{3}$``, ``$2\\times10^{-1}$``."""

    def _non_decade(self, sign: str, fx: float, exponent: int, coeff: float) -> str:
        b = self.base
        c = b ** (fx - exponent)
        if is_close_to_int(c):
            c = round(c)
        return f"${sign}{c:g}\\times{self._base_str()}^{{{exponent}}}$"


class PercentFormatter(Formatter):
    """Labels as percentages of ``xmax``: ``xmax=1`` shows 0.25 as ``25%``.

    ``decimals=None`` picks them from the axis span (more decimals for a narrower view,
    at most 5), as matplotlib does.
    """

    def __init__(
        self, xmax: float = 100, decimals: int | None = None, symbol: str | None = "%"
    ):
        super().__init__()
        self.xmax = float(xmax)
        self.decimals = decimals
        self.symbol = symbol or ""

    def __call__(self, x: float, pos: int | None = None) -> str:
        if not math.isfinite(x):
            return ""
        vmin, vmax = self.view
        with np.errstate(over="ignore", invalid="ignore"):
            span = abs(np.float64(vmax) - np.float64(vmin))
        return fix_minus(self.format_pct(x, float(span)))

    def format_pct(self, x: float, display_range: float) -> str:
        """``x`` as a percentage of ``xmax``, with decimals chosen from ``display_range`` unless
        set."""
        with np.errstate(over="ignore"):
            pct = float(100.0 * np.float64(x) / self.xmax)
            scaled = float(100.0 * np.float64(display_range) / self.xmax)
        if self.decimals is None:
            # Two significant digits across the view: span 100% -> 0, 1% -> 2 decimals.
            ok = math.isfinite(scaled) and scaled > 0
            decimals = math.ceil(2.0 - math.log10(2.0 * scaled)) if ok else 0
            decimals = min(max(decimals, 0), 5)
        else:
            decimals = int(self.decimals)
        return f"{pct:0.{decimals}f}{self.symbol}"


class EngFormatter(Formatter):
    """Engineering notation with SI prefixes: ``4.7 k``, ``10 µ``, ``1.5 GHz``.

    ``places`` fixes the decimals (None: up to 6 significant digits, ``%g``); ``sep``
    goes between number and prefix/unit.
    """

    PREFIXES = {
        -30: "q", -27: "r", -24: "y", -21: "z", -18: "a", -15: "f", -12: "p", -9: "n",
        -6: "\N{MICRO SIGN}", -3: "m", 0: "", 3: "k", 6: "M", 9: "G", 12: "T", 15: "P",
        18: "E", 21: "Z", 24: "Y", 27: "R", 30: "Q",
    }  # fmt: skip

    def __init__(self, unit: str = "", places: int | None = None, sep: str = " "):
        super().__init__()
        self.unit = unit
        self.places = places
        self.sep = sep

    def __call__(self, x: float, pos: int | None = None) -> str:
        if not math.isfinite(x):
            return ""
        return fix_minus(self.format_eng(x))

    def format_eng(self, num: float) -> str:
        """``num`` with an SI prefix (k, M, µ, ...) and the unit."""
        fmt = "g" if self.places is None else f".{int(self.places)}f"
        sign = -1.0 if num < 0 else 1.0
        a = abs(num)
        p = 3 * math.floor(math.log10(a) / 3) if a else 0
        p = min(max(p, -30), 30)
        mant = sign * a / 10.0**p
        # Rounding may carry into the next prefix: 999.9996 with %g is "1000".
        if abs(float(format(mant, fmt))) >= 1000 and p < 30:
            mant /= 1000
            p += 3
        prefix = self.PREFIXES[p]
        suffix = f"{self.sep}{prefix}{self.unit}" if (self.unit or prefix) else ""
        return f"{mant:{fmt}}{suffix}"


