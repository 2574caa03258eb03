"""Tickers of the asinh and logit scales, and the index locator (matplotlib's behaviour).

Re-exported by :mod:`lumos.plot.ticker`: :class:`AsinhLocator`, :class:`LogitLocator`,
:class:`LogitFormatter`, :class:`IndexLocator`. Deterministic functions of the view
limits, like the other lumos locators (no axis needed; ``tick_space`` as they have).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from .ticker_formatters import Formatter, is_close_to_int
from .ticker_locators import NO_TICKS, Locator, MaxNLocator, checked_limits

__all__ = ["AsinhLocator", "LogitLocator", "LogitFormatter", "IndexLocator"]


class AsinhLocator(Locator):
    """Ticks for an asinh axis: evenly spaced on screen, rounded to powers of ``base``
    (and their ``subs`` multiples); a view nearly symmetric about zero (within
    ``symthresh``) is made symmetric."""

    def __init__(self, linear_width: float, numticks: int = 11, symthresh: float = 0.2,
                 base: int = 10, subs: Sequence[float] | None = None):
        self.linear_width = float(linear_width)
        self.numticks = int(numticks)
        self.symthresh = float(symthresh)
        self.base = int(base)
        self.subs = subs

    def tick_values(self, vmin: float, vmax: float) -> np.ndarray:
        lim = checked_limits(vmin, vmax)
        if lim is None:
            return NO_TICKS.copy()
        vmin, vmax = lim
        if vmin * vmax < 0 and abs(1 + vmax / vmin) < self.symthresh:
            bound = max(abs(vmin), abs(vmax))
            vmin, vmax = -bound, bound
        w = self.linear_width
        ymin, ymax = w * np.arcsinh(np.array([vmin, vmax]) / w)
        ys = np.linspace(ymin, ymax, self.numticks)
        if ymin * ymax < 0:  # keep zero when the view straddles it
            ys = np.hstack([ys[np.abs(ys / (ymax - ymin)) > 0.5 / self.numticks], 0.0])
        xs = w * np.sinh(ys / w)
        zero = ys == 0
        with np.errstate(divide="ignore"):
            if self.base > 1:
                exps = np.floor(np.log(np.abs(xs) + zero * 1e-6) / math.log(self.base))
                powers = np.where(zero, 0, np.sign(xs)) * np.power(
                    float(self.base), np.where(zero, 0.0, exps))
                qs = np.outer(powers, self.subs).ravel() if self.subs else powers
            else:
                powers = np.where(xs >= 0, 1, -1) * np.power(10.0, np.where(
                    zero, 0.0, np.floor(np.log10(np.abs(xs) + zero * 1e-6))))
                qs = powers * np.round(xs / powers)
        ticks = np.array(sorted(set(qs.tolist())))
        return ticks if len(ticks) >= 2 else np.linspace(vmin, vmax, self.numticks)


def _ideal(b: int) -> float:
    """The b-th "ideal" logit tick: 10^b below 1/2, 1/2, 1 - 10^-b above."""
    return 10.0**b if b < 0 else 1 - 10.0 ** (-b) if b > 0 else 0.5


class LogitLocator(MaxNLocator):
    """Ticks for a logit axis: 0.001, 0.01, 0.1, 1/2, 0.9, 0.99, ... (``minor=True``:
    the multiples between them); a narrow view gets linear ticks."""

    def __init__(self, minor: bool = False, *, nbins: int | str = "auto"):
        self.minor = bool(minor)
        super().__init__(nbins=nbins, steps=[1, 2, 5, 10])

    @staticmethod
    def nonsingular(vmin: float, vmax: float, minpos: float = 1e-7) -> tuple[float, float]:
        """Limits widened to a usable logit range (inside 0..1)."""
        if vmin > vmax:
            vmin, vmax = vmax, vmin
        if not (math.isfinite(vmin) and math.isfinite(vmax)) or vmax <= 0 or vmin >= 1:
            return 1e-7, 1 - 1e-7
        if vmin <= 0:
            vmin = minpos
        if vmax >= 1:
            vmax = 1 - minpos
        if vmin == vmax:
            vmin, vmax = 0.1 * vmin, 1 - 0.1 * vmin
        return vmin, vmax

    def tick_values(self, vmin: float, vmax: float) -> np.ndarray:
        try:
            vmin, vmax = self.nonsingular(float(vmin), float(vmax))
        except (TypeError, ValueError):
            return NO_TICKS.copy()
        nbins = self.nbins if self.nbins != "auto" else max(
            9 if self.tick_space is None else int(self.tick_space), 2)
        binf = int(math.floor(math.log10(vmin)) if vmin < 0.5 else
                   0 if vmin < 0.9 else -math.ceil(math.log10(1 - vmin)))
        bsup = int(math.ceil(math.log10(vmax)) if vmax <= 0.5 else
                   1 if vmax <= 0.9 else -math.floor(math.log10(1 - vmax)))
        numideal = bsup - binf - 1
        if numideal >= 2:
            if numideal > nbins:
                factor = math.ceil(numideal / nbins)
                keep = (lambda b: b % factor != 0) if self.minor else (lambda b: b % factor == 0)
                return np.array([_ideal(b) for b in range(binf, bsup + 1) if keep(b)])
            if self.minor:
                locs: list[float] = []
                for b in range(binf, bsup):
                    if b < -1:
                        locs.extend(np.arange(2, 10) * 10.0**b)
                    elif b == -1:
                        locs.extend(np.arange(2, 5) / 10)
                    elif b == 0:
                        locs.extend(np.arange(6, 9) / 10)
                    else:
                        locs.extend(1 - np.arange(2, 10)[::-1] * 10.0 ** (-b - 1))
                return np.array(locs)
            return np.array([_ideal(b) for b in range(binf, bsup + 1)])
        if self.minor:
            return NO_TICKS.copy()
        return super().tick_values(vmin, vmax)


def _is_decade(x: float) -> bool:
    return x > 0 and is_close_to_int(math.log10(x))


class LogitFormatter(Formatter):
    """Labels for a logit axis, as matplotlib writes them: ``$10^{-2}$``,
    ``$\\frac{1}{2}$``, ``$1-10^{-3}$`` (``use_overline``: ``$\\overline{10^{-3}}$``),
    other values with just enough digits."""

    def __init__(self, *, use_overline: bool = False, one_half: str = r"\frac{1}{2}",
                 minor: bool = False, minor_threshold: int = 25, minor_number: int = 6):
        super().__init__()
        self.use_overline = bool(use_overline)
        self.one_half = one_half
        self.minor = bool(minor)
        self.minor_threshold = int(minor_threshold)
        self.minor_number = int(minor_number)
        self._labelled: set[float] = set()

    def set_minor_threshold(self, minor_threshold: int) -> None:
        """Minor ticks get labels only when fewer than this many are given."""
        self.minor_threshold = int(minor_threshold)

    def set_minor_number(self, minor_number: int) -> None:
        """How many minor ticks get labels when not all of them do."""
        self.minor_number = int(minor_number)

    def set_locs(self, locs: np.ndarray) -> None:
        """matplotlib's rule for minor labels: none when the minor ticks are the ideal
        ones (decades, 1 - decades, 1/2) or too many; all of fewer than
        ``minor_number``; else the ``minor_number`` with the most room around them
        (in logit units; ties to the larger room on both sides)."""
        super().set_locs(locs)
        self._labelled = set()
        locs = np.asarray(locs, dtype=float)
        n = len(locs)
        if not self.minor or n >= self.minor_threshold or all(
                _is_decade(x) or _is_decade(1 - x) or
                (is_close_to_int(2 * x) and round(2 * x) == 1) for x in locs):
            return
        if n < self.minor_number:
            self._labelled = set(locs.tolist())
            return
        with np.errstate(divide="ignore", invalid="ignore"):
            gaps = np.diff(-np.log(1 / locs - 1))
        room = np.minimum(np.r_[np.inf, gaps], np.r_[gaps, np.inf])
        both = np.r_[0.0, gaps] + np.r_[gaps, 0.0]
        keep = sorted(range(n), key=lambda i: (room[i], both[i]))[-self.minor_number:]
        self._labelled = {float(locs[i]) for i in keep}

    def _one_minus(self, s: str) -> str:
        return rf"\overline{{{s}}}" if self.use_overline else f"1-{s}"

    def _format_value(self, x: float, locs: np.ndarray, sci: bool = True) -> str:
        exponent = math.floor(math.log10(x)) if sci else 0
        min_precision = 0 if sci else 1
        value = x * 10.0 ** (-exponent)
        if len(locs) < 2:
            precision = min_precision
        else:
            diff = np.sort(np.abs(locs - x))[1]
            p = -math.log10(diff) + exponent
            precision = max(int(round(p)) if is_close_to_int(p) else math.ceil(p),
                            min_precision)
        mantissa = f"{value:.{precision}f}"
        return mantissa if not sci else rf"{mantissa}\cdot10^{{{exponent}}}"

    def __call__(self, x: float, pos: int | None = None) -> str:
        if (self.minor and x not in self._labelled) or not (0 < x < 1) or \
                not math.isfinite(x):
            return ""
        locs = np.asarray(self.locs, dtype=float)
        if is_close_to_int(2 * x) and round(2 * x) == 1:
            s = self.one_half
        elif x < 0.5 and _is_decade(x):
            s = f"10^{{{round(math.log10(x))}}}"
        elif x > 0.5 and _is_decade(1 - x):
            s = self._one_minus(f"10^{{{round(math.log10(1 - x))}}}")
        elif x < 0.1:
            s = self._format_value(x, locs)
        elif x > 0.9:
            s = self._one_minus(self._format_value(1 - x, 1 - locs))
        else:
            s = self._format_value(x, locs, sci=False)
        return f"${s}$"


class IndexLocator(Locator):
    """A tick every ``base`` data units starting at ``offset`` (for index axes)."""

    def __init__(self, base: float, offset: float):
        self.base, self.offset = float(base), float(offset)

    def tick_values(self, vmin: float, vmax: float) -> np.ndarray:
        lim = checked_limits(vmin, vmax)
        if lim is None:
            return NO_TICKS.copy()
        return np.arange(lim[0] + self.offset, lim[1] + 1, self.base)
