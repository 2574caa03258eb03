"""Log and symlog tick locators (matplotlib's names and behaviour): :class:`LogLocator`,
:class:`SymmetricalLogLocator`, with matplotlib's decade rounding. Re-exported by
:mod:`lumos.plot.ticker`, the public path.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from .ticker_locators import (
    MAXTICKS,
    NO_TICKS,
    AutoLocator,
    Locator,
    _round_numbers,
    checked_limits,
    finite_limits,
    visible,
)


# matplotlib's decade rounding, its float quirks included: log(1000) / log(10) is
# 2.9999999999999996, so the decade at most 1000 is 100, as its limits show
def _decade_at_most(x: float, base: float) -> float:
    if x < 0:
        return -_decade_at_least(-x, base)
    return x if x == 0 else float(base ** math.floor(math.log(x) / math.log(base)))


def _decade_at_least(x: float, base: float) -> float:
    if x < 0:
        return -_decade_at_most(-x, base)
    return x if x == 0 else float(base ** math.ceil(math.log(x) / math.log(base)))


def _decade_below(x: float, base: float) -> float:
    """The decade under ``x`` (strictly, for ``x`` on one; 0 stays 0)."""
    if x < 0:
        return -_decade_above(-x, base)
    d = _decade_at_most(x, base)
    return d / base if d == x else d


def _decade_above(x: float, base: float) -> float:
    """The decade over ``x`` (strictly, for ``x`` on one; 0 stays 0)."""
    if x < 0:
        return -_decade_below(-x, base)
    d = _decade_at_least(x, base)
    return d * base if d == x else d


def _log_b(x: Any, base: float) -> Any:
    # log10/log2 are exact at powers of their base; log(x)/log(b) is not.
    if base == 10:
        return np.log10(x)
    if base == 2:
        return np.log2(x)
    return np.log(x) / np.log(base)


def _decade_plan(n_avail: int, n_request: int, emin: int, efmin: float, efmax: float):
    """Exponents for major log ticks: the most ticks (<= n_request) at a regular stride.

    Returns ``(exponents, stride)``; one exponent beyond each end is included.
    """
    if n_avail <= 0:  # no power of the base inside: the two around the range
        return [emin - 1, emin], 1
    # Achievable counts with stride s are floor(n/s) and ceil(n/s) (depending on the
    # first tick's offset); take the largest not above the request ...
    counts = {c for s in range(1, n_avail + 1) for c in (n_avail // s, -(-n_avail // s))}
    target = max(c for c in counts if c <= max(n_request, 1))
    emax = emin + n_avail - 1
    if target == 1:  # one tick close to the middle, and its neighbours a stride away
        mid = round((efmin + efmax) / 2)
        stride = max(mid - (emin - 1), (emax + 1) - mid)
        return [mid - stride, mid, mid + stride], stride
    # ... then the largest stride giving it (less unticked space at the ends) ...
    stride = max(s for s in range(1, n_avail + 1)
                 if n_avail // s <= target <= -(-n_avail // s))
    # ... and an offset giving exactly `target` ticks, preferring exponents that are
    # multiples of the stride (10^0, 10^3, 10^6 rather than 10^1, 10^4, ...).
    o_lo = max(n_avail - stride * target, 0)
    o_hi = min(n_avail - stride * (target - 1), stride)
    offset = (-emin) % stride
    if not o_lo <= offset < o_hi:
        offset = o_lo
    return list(range(emin + offset - stride, emax + stride + 1, stride)), stride


class LogLocator(Locator):
    """Ticks at ``sub * base**i`` for ``sub`` in ``subs``.

    ``subs=(1.0,)`` gives major ticks at powers of the base; when many decades are shown
    only every k-th decade gets one (at most ``numticks``, default ``tick_space`` clipped
    to [2, 9], else 9). ``subs="auto"`` gives minor ticks at 2..9 (base 10), none when
    10 or more decades are shown; ``"all"`` also includes the decades.

    Beyond matplotlib: a major locator that would show fewer than ``min_n_ticks``
    decades (e.g. 0.5..3 shows only 1) adds ticks at 2 and 5 times each decade, then at
    every integer multiple, and as a last resort uses :class:`AutoLocator`. Pass
    ``min_n_ticks=0`` for matplotlib's exact behaviour.

    Non-positive limits cannot be shown on a log axis: a non-positive ``vmin`` is
    replaced by ``minpos`` when set, else by ``vmax * 1e-10`` (ten decades below);
    if ``vmax <= 0`` there are no ticks. Limits are clipped to [1e-300, 1e300].
    """

    def __init__(
        self,
        base: float = 10.0,
        subs: Sequence[float] | str | None = (1.0,),
        numticks: int | None = None,
        min_n_ticks: int = 2,
        minpos: float | None = None,
    ):
        if not base > 1:
            raise ValueError(f"LogLocator: base must be > 1, got {base!r}")
        self.base = float(base)
        if subs is None:
            subs = "auto"
        if isinstance(subs, str):
            if subs not in ("auto", "all"):
                raise ValueError(f"LogLocator: subs must be 'auto', 'all', None or a "
                                 f"sequence of floats, got {subs!r}")
            self.subs: str | np.ndarray = subs
        else:
            self.subs = np.asarray(subs, dtype=np.float64).ravel()
        self.numticks = numticks
        self.min_n_ticks = int(min_n_ticks)
        self.minpos = minpos
        self.tick_space = None

    def visible_ticks(self, vmin: float, vmax: float) -> np.ndarray:
        return visible(self.tick_values(vmin, vmax), vmin, vmax, log=True)

    def view_limits(self, vmin: float, vmax: float) -> tuple[float, float]:
        vmin, vmax = super().view_limits(vmin, vmax)
        if _round_numbers() and 0 < vmin:
            vmin, vmax = _decade_at_most(vmin, self.base), _decade_at_least(vmax, self.base)
        return vmin, vmax

    def _positive_limits(self, vmin: Any, vmax: Any) -> tuple[float, float] | None:
        lim = finite_limits(vmin, vmax)
        if lim is None or lim[1] <= 0:
            return None
        lo, hi = lim
        if lo <= 0:
            lo = self.minpos if self.minpos and 0 < self.minpos < hi else hi * 1e-10
        # Keep every tick (one decade beyond each end included) a normal finite float.
        lo, hi = min(max(lo, 1e-300), 1e300), min(max(hi, 1e-300), 1e300)
        if lo == hi:  # widen to the decades around the value
            e = math.floor(_log_b(lo, self.base))
            lo, hi = self.base ** (e - 1), self.base ** (e + 1)
        return lo, hi

    def tick_values(self, vmin: float, vmax: float) -> np.ndarray:
        lim = self._positive_limits(vmin, vmax)
        if lim is None:
            return NO_TICKS.copy()
        # With a large stride the tick beyond an end can overflow to inf: drop it.
        with np.errstate(over="ignore", under="ignore"):
            ticks = self._ticks(*lim)
        return ticks[np.isfinite(ticks) & (ticks > 0)]

    def _ticks(self, vmin: float, vmax: float) -> np.ndarray:
        b = self.base
        if self.numticks is not None:
            n_request = int(self.numticks)
        else:
            n_request = 9 if self.tick_space is None else int(np.clip(self.tick_space, 2, 9))
        efmin, efmax = (float(v) for v in _log_b(np.array([vmin, vmax]), b))
        # A small tolerance so that log10(1e-3) = -2.9999999999999996 still counts.
        emin = math.ceil(efmin - 1e-10)
        emax = math.floor(efmax + 1e-10)
        n_avail = emax - emin + 1
        if isinstance(self.subs, str):
            if n_avail >= 10 or b < 3:
                if self.subs == "auto":
                    return NO_TICKS.copy()
                subs = np.array([1.0])
            else:
                subs = np.arange(2.0 if self.subs == "auto" else 1.0, b)
        else:
            subs = self.subs
        if n_avail > MAXTICKS:
            return NO_TICKS.copy()
        decades, stride = _decade_plan(n_avail, n_request, emin, efmin, efmax)
        is_minor = len(subs) > 1 or (len(subs) == 1 and subs[0] != 1.0)
        if not is_minor:
            ticks = b ** np.asarray(decades, dtype=np.float64)
            if len(visible(ticks, vmin, vmax, log=True)) < self.min_n_ticks:
                return self._few_decades(vmin, vmax, emin, emax)
            return ticks
        if stride == 1 or n_avail <= 1:
            ticks = np.concatenate([subs * b**e for e in range(emin - 1, emax + 1)])
        else:
            ticks = NO_TICKS.copy()
        if len(subs) > 1 and stride == 1 and (
            len(decades) - 2 + ((ticks >= vmin) & (ticks <= vmax)).sum() <= 1
        ):
            # Minor ticks expecting several per decade but showing at most one: the
            # range is too narrow for log ticks; linear ones read better.
            return AutoLocator().tick_values(vmin, vmax)
        return np.sort(ticks)

    def _few_decades(self, vmin: float, vmax: float, emin: int, emax: int) -> np.ndarray:
        b = self.base
        candidates = [np.array([1.0, 2.0, 5.0])] if b == 10 else []
        if b > 2:
            candidates.append(np.arange(1.0, math.ceil(b)))
        for subs in candidates:
            subs = subs[subs < b]
            ticks = np.concatenate([subs * b**e for e in range(emin - 2, emax + 2)])
            inside = (ticks >= vmin * (1 - 1e-10)) & (ticks <= vmax * (1 + 1e-10))
            if inside.sum() >= self.min_n_ticks:
                i = np.flatnonzero(inside)
                return ticks[max(i[0] - 1, 0): i[-1] + 2]  # one beyond each end
        ticks = AutoLocator().tick_values(vmin, vmax)
        return ticks[ticks > 0]

    def __repr__(self) -> str:
        subs = self.subs if isinstance(self.subs, str) else self.subs.tolist()
        return f"LogLocator(base={self.base!r}, subs={subs!r})"


class SymmetricalLogLocator(Locator):
    """Ticks for a symlog axis: 0 in the linear part, powers of the base outside.

    ``linthresh`` and ``base`` match the symlog transform (``transform`` may be given
    instead: anything with ``linthresh`` and ``base`` attributes). At most ``numticks``
    (15) decades get ticks; ``subs`` adds multiples within each decade. A range that
    lies entirely inside ``[-linthresh, linthresh]`` gets ``vmin, 0, vmax``.
    """

    def __init__(
        self,
        linthresh: float | None = None,
        base: float = 10.0,
        subs: Sequence[float] | None = None,
        numticks: int = 15,
        transform: Any = None,
    ):
        if transform is not None:
            linthresh, base = transform.linthresh, transform.base
        if linthresh is None or not linthresh > 0:
            raise ValueError(f"SymmetricalLogLocator: linthresh must be > 0, "
                             f"got {linthresh!r}")
        if not base > 1:
            raise ValueError(f"SymmetricalLogLocator: base must be > 1, got {base!r}")
        self.linthresh = float(linthresh)
        self.base = float(base)
        self.subs = np.asarray([1.0] if subs is None else subs, dtype=np.float64)
        self.numticks = int(numticks)

    def tick_values(self, vmin: float, vmax: float) -> np.ndarray:
        lim = checked_limits(vmin, vmax)
        if lim is None:
            return NO_TICKS.copy()
        vmin, vmax = lim
        t, b = self.linthresh, self.base
        if -t <= vmin and vmax <= t:
            return np.array(sorted({vmin, 0.0, vmax}))
        neg = vmin < -t  # negative log part shown
        pos = vmax > t  # positive log part shown
        lin = (neg and vmax > -t) or (pos and vmin < t)  # the linear part shown

        # Half-open exponent ranges [lo, hi) of the log parts; the +1 on the outer end
        # keeps an exact power of the base there (|vmin| = 1000 gives a tick at 1000).
        n_lo, n_hi = 0, 0
        if neg:
            n_lo = math.floor(_log_b(abs(min(-t, vmax)), b))
            n_hi = math.ceil(_log_b(abs(vmin) + 1, b))
        p_lo, p_hi = 0, 0
        if pos:
            p_lo = math.floor(_log_b(max(t, vmin), b))
            p_hi = math.ceil(_log_b(vmax + 1, b))
        total = (n_hi - n_lo) + (p_hi - p_lo) + (1 if lin else 0)
        stride = max(total // max(self.numticks - 1, 1), 1)
        decades: list[float] = []
        if neg:
            decades += [-(b**e) for e in range(n_lo, n_hi, stride)][::-1]
        if lin:
            decades.append(0.0)
        if pos:
            decades += [b**e for e in range(p_lo, p_hi, stride)]
        if len(self.subs) > 1 or self.subs[0] != 1.0:
            out: list[float] = []
            for d in decades:
                out.extend([0.0] if d == 0 else list(self.subs * d))
            decades = out
        return np.sort(np.asarray(decades, dtype=np.float64))

    def view_limits(self, vmin: float, vmax: float) -> tuple[float, float]:
        vmin, vmax = super().view_limits(vmin, vmax)
        if _round_numbers():
            b = self.base
            vmin, vmax = _decade_at_most(vmin, b), _decade_at_least(vmax, b)
            if vmin == vmax:  # the decades either side
                vmin, vmax = _decade_below(vmin, b), _decade_above(vmax, b)
        return vmin, vmax

