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
- :func:`non_overlapping` picks every k-th label so that labels never overlap.

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

import math
import string
import warnings
from collections.abc import Callable, Sequence
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

import numpy as np

__all__ = [
    "MINUS", "MAXTICKS", "fix_minus", "nonsingular", "visible", "tick_space",
    "remove_overlapping_locs", "non_overlapping",
    "Locator", "MaxNLocator", "AutoLocator", "AutoMinorLocator", "LogLocator",
    "SymmetricalLogLocator", "LinearLocator", "MultipleLocator", "FixedLocator",
    "NullLocator",
    "Formatter", "ScalarFormatter", "LogFormatter", "LogFormatterMathtext",
    "LogFormatterSciNotation", "StrMethodFormatter", "FormatStrFormatter", "FuncFormatter",
    "FixedFormatter", "NullFormatter", "PercentFormatter", "EngFormatter",
]  # fmt: skip

#: The typographic minus sign matplotlib uses in tick labels.
MINUS = "\N{MINUS SIGN}"
#: Locators refuse (with a warning) to produce more ticks than this: a wrong step must
#: not allocate gigabytes.
MAXTICKS = 10_000

_EMPTY = np.zeros(0, dtype=np.float64)
# Limits are clipped to this so that ``vmax - vmin`` can never overflow to inf.
_HUGE = np.finfo(np.float64).max / 8


def fix_minus(s: str) -> str:
    """Replace ASCII hyphen-minus with the real minus sign (U+2212)."""
    return s.replace("-", MINUS)


def nonsingular(
    vmin: float, vmax: float, expander: float = 0.05, tiny: float = 1e-14
) -> tuple[float, float]:
    """Ascending finite limits with a usable width.

    A range thinner than ``tiny`` relative to its magnitude (``vmin == vmax`` included)
    is widened by ``expander`` times the value on each side, or to ``±expander`` around 0.
    Non-finite input gives ``(-expander, expander)``.
    """
    if not (math.isfinite(vmin) and math.isfinite(vmax)):
        return -expander, expander
    if vmin > vmax:
        vmin, vmax = vmax, vmin
    vmin = min(max(vmin, -_HUGE), _HUGE)
    vmax = min(max(vmax, -_HUGE), _HUGE)
    big = max(abs(vmin), abs(vmax))
    # Below ~1e-286 the relative widening would underflow: treat as zero.
    if big < 1e6 / tiny * np.finfo(np.float64).tiny:
        return -expander, expander
    if vmax - vmin <= big * tiny:
        return vmin - expander * abs(vmin), vmax + expander * abs(vmax)
    return vmin, vmax


def _limits(vmin: Any, vmax: Any, expander: float = 0.05) -> tuple[float, float] | None:
    """``nonsingular`` limits, or None when they are missing or not finite."""
    try:
        a, b = float(vmin), float(vmax)
    except (TypeError, ValueError):
        return None
    if not (math.isfinite(a) and math.isfinite(b)):
        return None
    return nonsingular(a, b, expander)


def visible(
    ticks: Any, vmin: float, vmax: float, rtol: float = 1e-10, log: bool = False
) -> np.ndarray:
    """The ticks inside ``[vmin, vmax]`` (either order), allowing ``rtol`` of the span.

    The tolerance keeps a tick computed as ``0.30000000000000004`` on an axis ending at
    ``0.3``. ``log=True`` measures the span in log space (for log axes, where a linear
    tolerance of 1e-10 * 1e20 would let 1e-3 count as inside [1, 1e20]).
    """
    t = np.asarray(ticks, dtype=np.float64).ravel()
    try:
        lo, hi = sorted((float(vmin), float(vmax)))
    except (TypeError, ValueError):
        return _EMPTY.copy()
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return _EMPTY.copy()
    if log:
        if hi <= 0:
            return _EMPTY.copy()
        lo = lo if lo > 0 else np.finfo(np.float64).tiny
        f = math.exp(rtol * (math.log(hi / lo) or 1.0))
        return t[(t >= lo / f) & (t <= hi * f)]
    tol = rtol * ((hi - lo) or max(abs(lo), abs(hi)))
    return t[(t >= lo - tol) & (t <= hi + tol)]


def tick_space(length_px: float, font_px: float, vertical: bool = False) -> int:
    """How many ticks fit on an axis: matplotlib's estimate (label pitch 3 or 2 fonts).

    Assign the result to a locator's ``tick_space`` attribute so that ``nbins="auto"``
    adapts to the axis length, as matplotlib's locators do through their axis.
    """
    size = font_px * (2.0 if vertical else 3.0)
    if not (size > 0 and math.isfinite(length_px)):
        return 9
    return max(int(length_px // size), 0)


def remove_overlapping_locs(minor: Any, major: Any, rtol: float = 1e-5) -> np.ndarray:
    """Minor tick positions that do not coincide with a major tick.

    matplotlib's axis does this so that a minor tick is never drawn on top of a major one.
    """
    mi = np.asarray(minor, dtype=np.float64).ravel()
    ma = np.asarray(major, dtype=np.float64).ravel()
    if not len(mi) or not len(ma):
        return mi
    span = np.ptp(np.concatenate([mi, ma]))
    tol = rtol * (span if span > 0 else 1.0)
    d = np.abs(mi[:, None] - ma[None, :]).min(axis=1)
    return mi[d > tol]


def non_overlapping(
    positions_px: Any, label_widths_px: Any, min_gap_px: float = 0.0
) -> np.ndarray:
    """Boolean keep-mask choosing every k-th label (smallest k) so none overlap.

    ``positions_px`` are label centres along the axis, ``label_widths_px`` their extents
    along the axis (widths on an x axis, heights on a y axis; one number for all is
    accepted). Two kept neighbours need ``|p_i - p_j| >= (w_i + w_j) / 2 + min_gap_px``.
    Keeping a regular stride (rather than greedily dropping) keeps the kept ticks evenly
    spaced; of the k possible phases the one keeping most labels wins (ties: the first).
    Non-finite positions are never kept.
    """
    pos = np.asarray(positions_px, dtype=np.float64).ravel()
    widths = np.broadcast_to(np.asarray(label_widths_px, dtype=np.float64), pos.shape)
    widths = np.where(np.isfinite(widths), np.abs(widths), 0.0)
    keep = np.zeros(pos.shape, dtype=bool)
    idx = np.flatnonzero(np.isfinite(pos))
    if len(idx) == 0:
        return keep
    idx = idx[np.argsort(pos[idx], kind="stable")]
    p, w = pos[idx], widths[idx]
    n = len(idx)
    for k in range(1, n + 1):
        best = None
        for phase in range(k):
            sel = np.arange(phase, n, k)
            need = (w[sel][:-1] + w[sel][1:]) / 2 + min_gap_px
            if np.all(np.diff(p[sel]) >= need) and (best is None or len(sel) > len(best)):
                best = sel
        if best is not None:
            keep[idx[best]] = True
            return keep
    return keep  # unreachable: k == n keeps one label


def _check_count(n: float, what: str) -> bool:
    """True when ``n`` ticks are acceptable; warns (once per call) otherwise."""
    if n > MAXTICKS or not math.isfinite(n):
        warnings.warn(
            f"{what} would generate {n:.0f} ticks (more than MAXTICKS={MAXTICKS}); "
            "returning none",
            RuntimeWarning,
            stacklevel=3,
        )
        return False
    return True


def _floor_to(x: float, step: float, tol: float) -> float:
    """Largest n with ``n * step <= x``, counting x within ``tol`` steps below as on it."""
    d, m = divmod(x, step)
    return d + 1 if abs(m / step - 1) < tol else d


def _ceil_to(x: float, step: float, tol: float) -> float:
    """Smallest n with ``n * step >= x``, counting x within ``tol`` steps above as on it."""
    d, m = divmod(x, step)
    return d if abs(m / step) < tol else d + 1


def _edge_tol(step: float, offset: float) -> float:
    # Far from zero the float grid is coarse compared with the step: allow more slop
    # there, else a tick that should sit on vmin is pushed a whole step out.
    if offset:
        return min(0.4999, max(1e-10, 10 ** (math.log10(abs(offset) / step) - 12)))
    return 1e-10


# ============================================================================ locators


class Locator:
    """Base class: ``tick_values(vmin, vmax)`` returns ascending float64 ticks."""

    #: Ticks that fit on the axis; ``None`` means matplotlib's axis-less default (9).
    tick_space: int | None = None

    def tick_values(self, vmin: float, vmax: float) -> np.ndarray:
        """The tick positions for the view interval ``[vmin, vmax]``: ascending float64 (they may
        reach beyond it)."""
        raise NotImplementedError

    def __call__(self, vmin: float, vmax: float) -> np.ndarray:
        return self.tick_values(vmin, vmax)

    def visible_ticks(self, vmin: float, vmax: float) -> np.ndarray:
        """``tick_values`` restricted to ``[vmin, vmax]``."""
        return visible(self.tick_values(vmin, vmax), vmin, vmax)

    def set_params(self, **kwargs) -> None:
        """Change the locator's parameters (matplotlib's ``set_params``): the keywords
        of its constructor."""
        import inspect

        known = set(inspect.signature(type(self).__init__).parameters) - {"self"}
        unknown = sorted(set(kwargs) - known)
        if unknown:
            raise TypeError(f"{type(self).__name__}.set_params: unexpected keyword arguments "
                            f"{unknown}")
        current = {k: getattr(self, k) for k in known if hasattr(self, k)}
        tick_space = self.tick_space
        self.__init__(**{**current, **kwargs})
        self.tick_space = tick_space

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class NullLocator(Locator):
    """No ticks."""

    def tick_values(self, vmin: float, vmax: float) -> np.ndarray:
        return _EMPTY.copy()


class FixedLocator(Locator):
    """Ticks at fixed values; with ``nbins``, a subsample of at most ``nbins + 1`` of them.

    The subsample is every k-th value, with the phase that includes the value closest
    to zero (so 0 stays a tick when it is one).
    """

    def __init__(self, locs: Sequence[float] | np.ndarray, nbins: int | None = None):
        locs = np.asarray(locs, dtype=np.float64)
        if locs.ndim != 1:
            raise ValueError(f"FixedLocator: locs must be 1-D, got shape {locs.shape}")
        self.locs = np.sort(locs[np.isfinite(locs)])
        self.nbins = max(int(nbins), 2) if nbins is not None else None

    def tick_values(self, vmin: float | None = None, vmax: float | None = None) -> np.ndarray:
        if self.nbins is None or len(self.locs) == 0:
            return self.locs.copy()
        step = max(math.ceil(len(self.locs) / self.nbins), 1)
        phases = [self.locs[i::step] for i in range(step)]
        return min(phases, key=lambda t: np.abs(t).min()).copy()


class LinearLocator(Locator):
    """``numticks`` evenly spaced ticks from ``vmin`` to ``vmax`` inclusive (default 11)."""

    def __init__(self, numticks: int | None = None):
        self.numticks = 11 if numticks is None else int(numticks)

    def tick_values(self, vmin: float, vmax: float) -> np.ndarray:
        lim = _limits(vmin, vmax)
        if lim is None or self.numticks <= 0:
            return _EMPTY.copy()
        return np.linspace(lim[0], lim[1], self.numticks)


class MultipleLocator(Locator):
    """Ticks at every integer multiple of ``base``, shifted by ``offset``.

    One tick beyond each end of the range is included, as matplotlib does.
    """

    def __init__(self, base: float = 1.0, offset: float = 0.0):
        if not base > 0:
            raise ValueError(f"MultipleLocator: base must be > 0, got {base!r}")
        self.base = float(base)
        self.offset = float(offset)

    def tick_values(self, vmin: float, vmax: float) -> np.ndarray:
        lim = _limits(vmin, vmax)
        if lim is None:
            return _EMPTY.copy()
        step = self.base
        lo, hi = lim[0] - self.offset, lim[1] - self.offset
        first = _ceil_to(lo, step, 1e-10) * step
        n = (hi - first + 0.001 * step) // step
        if not _check_count(n + 3, "MultipleLocator"):
            return _EMPTY.copy()
        return first - step + np.arange(n + 3) * step + self.offset

    def __repr__(self) -> str:
        return f"MultipleLocator(base={self.base!r}, offset={self.offset!r})"


class MaxNLocator(Locator):
    """At most ``nbins + 1`` ticks at nice numbers: ``step * 10**k`` for step in ``steps``.

    Parameters follow matplotlib: ``nbins`` (int or ``"auto"``: ``tick_space`` clipped to
    ``[max(1, min_n_ticks - 1), 9]``), ``steps`` (increasing nice mantissas in [1, 10];
    default ``[1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]``), ``integer`` (only integer steps
    >= 1), ``symmetric`` (range made symmetric about 0), ``prune`` (``"lower"``,
    ``"upper"``, ``"both"`` or None: drop an end tick) and ``min_n_ticks`` (fewer visible
    ticks make the locator try smaller steps).
    """

    default_steps = (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10)

    def __init__(
        self,
        nbins: int | str = 10,
        steps: Sequence[float] | None = None,
        integer: bool = False,
        symmetric: bool = False,
        prune: str | None = None,
        min_n_ticks: int = 2,
    ):
        if nbins != "auto":
            if isinstance(nbins, str) or int(nbins) < 1:
                raise ValueError(f"MaxNLocator: nbins must be 'auto' or an int >= 1, "
                                 f"got {nbins!r}")
            nbins = int(nbins)
        if prune not in (None, "lower", "upper", "both"):
            raise ValueError(f"MaxNLocator: prune must be None, 'lower', 'upper' or 'both', "
                             f"got {prune!r}")
        self.nbins = nbins
        self.steps = self._validate_steps(self.default_steps if steps is None else steps)
        # One decade of steps below and the next one above, so that any raw step
        # (scaled into [1, 10)) has a neighbour on either side.
        self._extended = np.concatenate(
            [0.1 * self.steps[:-1], self.steps, [10 * self.steps[1]]]
        )
        self.integer = bool(integer)
        self.symmetric = bool(symmetric)
        self.prune = prune
        self.min_n_ticks = max(1, int(min_n_ticks))
        self.tick_space = None
        # 3D axes set 23/24: mplot3d's ticks since its 1/48 view margins (matplotlib 3.9)
        self.raw_step_scale = 1.0

    @staticmethod
    def _validate_steps(steps: Sequence[float]) -> np.ndarray:
        s = np.asarray(steps, dtype=np.float64)
        if s.ndim != 1 or len(s) == 0 or np.any(np.diff(s) <= 0) or s[0] < 1 or s[-1] > 10:
            raise ValueError(f"MaxNLocator: steps must be an increasing sequence of numbers "
                             f"in [1, 10], got {steps!r}")
        if s[0] != 1:
            s = np.concatenate([[1.0], s])
        if s[-1] != 10:
            s = np.concatenate([s, [10.0]])
        return s

    def _nbins(self) -> int:
        if self.nbins != "auto":
            return int(self.nbins)
        space = 9 if self.tick_space is None else int(self.tick_space)
        return int(np.clip(space, max(1, self.min_n_ticks - 1), 9))

    def tick_values(self, vmin: float, vmax: float) -> np.ndarray:
        lim = _limits(vmin, vmax)
        if lim is None:
            return _EMPTY.copy()
        vmin, vmax = lim
        if self.symmetric:
            vmax = max(abs(vmin), abs(vmax))
            vmin = -vmax
        ticks = self._raw_ticks(vmin, vmax)
        if self.prune in ("lower", "both"):
            ticks = ticks[1:]
        if self.prune in ("upper", "both"):
            ticks = ticks[:-1]
        return ticks

    def _raw_ticks(self, vmin: float, vmax: float) -> np.ndarray:
        nbins = self._nbins()
        span = vmax - vmin
        mid = (vmax + vmin) / 2
        # Far from zero compared with the span, work relative to a power of ten near
        # the data: steps then stay representable against the float grid.
        offset = 0.0 if abs(mid) / span < 100 else math.copysign(
            10 ** math.floor(math.log10(abs(mid))), mid)
        scale = 10 ** math.floor(math.log10(span / nbins))
        lo, hi = vmin - offset, vmax - offset
        steps = self._extended * scale
        if self.integer:
            steps = steps[(steps < 1) | (np.abs(steps - np.round(steps)) < 0.001)]
        raw_step = (hi - lo) / nbins * self.raw_step_scale
        big = np.flatnonzero(steps >= raw_step)
        istep = big[0] if len(big) else len(steps) - 1
        ticks = _EMPTY
        # The smallest nice step at least as big as the raw step gives <= nbins bins;
        # fall back to smaller steps until enough ticks are visible.
        for step in steps[: istep + 1][::-1]:
            if self.integer and math.floor(hi) - math.ceil(lo) >= self.min_n_ticks - 1:
                step = max(1.0, step)
            base = (lo // step) * step
            tol = _edge_tol(step, offset)
            first = _floor_to(lo - base, step, tol)
            last = _ceil_to(hi - base, step, tol)
            ticks = np.arange(first, last + 1) * step + base
            if ((ticks >= lo) & (ticks <= hi)).sum() >= self.min_n_ticks:
                break
        return ticks + offset

    def __repr__(self) -> str:
        return f"{type(self).__name__}(nbins={self.nbins!r}, steps={self.steps.tolist()!r})"


class AutoLocator(MaxNLocator):
    """matplotlib's default linear locator: ``MaxNLocator("auto", [1, 2, 2.5, 5, 10])``."""

    def __init__(self) -> None:
        super().__init__(nbins="auto", steps=(1, 2, 2.5, 5, 10))


class AutoMinorLocator(Locator):
    """Minor ticks splitting each major interval into ``n`` parts.

    ``n=None`` (or ``"auto"``) picks 5 when the major step is 1, 2.5 or 5 times a power
    of ten (parts of 0.2, 0.5, 1) and 4 otherwise (a step of 2 gives parts of 0.5), as
    matplotlib does. The major ticks come from ``major_ticks`` when given, else from the
    ``major`` locator (default :class:`AutoLocator`). Unlike matplotlib's locator, the
    result already excludes the major positions.
    """

    def __init__(self, n: int | str | None = None, major: Locator | None = None):
        self.ndivs = n
        self.major = major

    def tick_values(
        self, vmin: float, vmax: float, major_ticks: Any | None = None
    ) -> np.ndarray:
        lim = _limits(vmin, vmax)
        if lim is None:
            return _EMPTY.copy()
        if major_ticks is None:
            major_ticks = (self.major or AutoLocator()).tick_values(vmin, vmax)
        majors = np.unique(np.asarray(major_ticks, dtype=np.float64))
        majors = majors[np.isfinite(majors)]
        if len(majors) < 2:
            return _EMPTY.copy()  # need two majors to know the step
        step = majors[1] - majors[0]
        if self.ndivs in (None, "auto"):
            mantissa = 10 ** (math.log10(step) % 1)
            ndivs = 5 if np.isclose(mantissa, [1, 2.5, 5, 10]).any() else 4
        else:
            ndivs = int(self.ndivs)
        minor = step / ndivs
        t0 = majors[0]
        first = round((lim[0] - t0) / minor)
        last = round((lim[1] - t0) / minor) + 1
        if not _check_count(last - first, "AutoMinorLocator"):
            return _EMPTY.copy()
        locs = np.arange(first, last) * minor + t0
        return remove_overlapping_locs(locs, majors)


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

    def _positive_limits(self, vmin: Any, vmax: Any) -> tuple[float, float] | None:
        try:
            lo, hi = sorted((float(vmin), float(vmax)))
        except (TypeError, ValueError):
            return None
        if not (math.isfinite(lo) and math.isfinite(hi)) or hi <= 0:
            return None
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
            return _EMPTY.copy()
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
                    return _EMPTY.copy()
                subs = np.array([1.0])
            else:
                subs = np.arange(2.0 if self.subs == "auto" else 1.0, b)
        else:
            subs = self.subs
        if n_avail > MAXTICKS:
            return _EMPTY.copy()
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
            ticks = _EMPTY.copy()
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
        lim = _limits(vmin, vmax)
        if lim is None:
            return _EMPTY.copy()
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


# ========================================================================== formatters


class Formatter:
    """Base class: ``format_ticks(values, vmin, vmax) -> list[str]``, ``get_offset()``.

    ``vmin``/``vmax`` are the axis limits (the view interval); when omitted, the span of
    the finite values is used. Non-finite values get empty labels.
    """

    def __init__(self) -> None:
        self.locs = _EMPTY
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
        v = np.asarray(values, dtype=np.float64).ravel()
        if vmin is not None and vmax is not None:
            self.set_view_interval(vmin, vmax)
        else:
            f = v[np.isfinite(v)]
            if len(f):
                self.set_view_interval(f.min(), f.max())
        finite = v[np.isfinite(v)]
        self.set_locs(finite)
        return [self(x, i) if math.isfinite(x) else "" for i, x in enumerate(v)]

    def __call__(self, x: float, pos: int | None = None) -> str:
        raise NotImplementedError

    def get_offset(self) -> str:
        """The offset or scale text shown at the end of the axis ('' when there is none)."""
        return ""

    def format_data(self, value: float) -> str:
        """A full-precision string for one value (cursor read-outs)."""
        return fix_minus(f"{value:.12g}")

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


class _MinusFields(string.Formatter):
    # Only the formatted numbers get the real minus; literal '-' in the template stays.
    def format_field(self, value: Any, format_spec: str) -> str:
        return fix_minus(super().format_field(value, format_spec))


class StrMethodFormatter(Formatter):
    """Labels from ``fmt.format(x=value, pos=index)``, e.g. ``"{x:.2f}"``; numbers get
    the real minus sign."""

    def __init__(self, fmt: str):
        super().__init__()
        self.fmt = fmt

    def __call__(self, x: float, pos: int | None = None) -> str:
        return _MinusFields().format(self.fmt, x=x, pos=pos)


class ScalarFormatter(Formatter):
    """matplotlib's default labels: the fewest decimals that tell the ticks apart.

    - ``useOffset``: True to subtract a common offset when it saves at least
      ``offset_threshold`` (4) leading digits (ticks at 1.7e9 + 0.2 read ``0.2`` with
      offset ``+1.7e9``); a number sets the offset; False never uses one.
    - ``powerlimits=(lo, hi)``: ticks whose magnitude is ``10**e`` with ``e <= lo`` or
      ``e >= hi`` are scaled by ``10**e``, shown in the offset text as ``1e−7``.
    - ``useMathText``: offset text as mathtext, ``$\\times10^{-7}$``.
    """

    def __init__(
        self,
        useOffset: bool | float = True,
        useMathText: bool = False,
        powerlimits: tuple[int, int] = (-5, 6),
        offset_threshold: int = 4,
        scientific: bool = True,
    ):
        super().__init__()
        if isinstance(useOffset, bool):
            self.useOffset = useOffset
            self.offset = 0.0
        else:
            self.useOffset = False
            self.offset = float(useOffset)
        self.useMathText = bool(useMathText)
        if len(powerlimits) != 2:
            raise ValueError(f"ScalarFormatter: powerlimits must be (min_exp, max_exp), "
                             f"got {powerlimits!r}")
        self.powerlimits = (int(powerlimits[0]), int(powerlimits[1]))
        self.offset_threshold = int(offset_threshold)
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
        if len(lims) != 2:
            raise ValueError(f"lims: got {lims!r}, expected (min_exp, max_exp)")
        self.powerlimits = (int(lims[0]), int(lims[1]))

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
            if self.useOffset:
                self._compute_offset()
            self._compute_order_of_magnitude()
            self._compute_format()

    def _compute_offset(self) -> None:
        locs = self._visible_locs()
        self.offset = 0.0
        if not len(locs):
            return
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

    def _compute_order_of_magnitude(self) -> None:
        lo, hi = self.powerlimits
        self.orderOfMagnitude = 0
        if not self.scientific:
            return
        if lo == hi != 0:  # a fixed scale was asked for
            self.orderOfMagnitude = lo
            return
        locs = np.abs(self._visible_locs())
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

    def _compute_format(self) -> None:
        locs = self.locs
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
        vis = np.unique(self._scaled(self._visible_locs()))
        while decimals < 17 and len(vis) > 1 and len(
            {self._fmt(decimals, x) for x in vis}
        ) < len(vis):
            decimals += 1
        self.decimals = decimals
        self.format = f"%1.{decimals}f"

    def _fmt(self, decimals: int, xp: float) -> str:
        if abs(xp) < self._zero:  # round-off around zero must not print as -0.0
            xp = 0.0
        return f"{xp:.{decimals}f}"

    def __call__(self, x: float, pos: int | None = None) -> str:
        if not len(self.locs) or not math.isfinite(x):
            return ""
        return fix_minus(self._fmt(self.decimals, float(self._scaled(np.float64(x)))))

    def format_data(self, value: float) -> str:
        """``value`` in short scientific form: ``1.7e9``, ``-2.5e-3``, ``42``."""
        if value == 0 or not math.isfinite(value):
            return fix_minus(str(value if math.isfinite(value) else float(value)))
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


def _is_close_to_int(x: float) -> bool:
    # Absolute tolerance: log10(1.0000000000000002) ~ 1e-16 must count as exponent 0.
    return abs(x - round(x)) < 1e-9


class LogFormatter(Formatter):
    """Labels for log axes: ``1``, ``10``, ``1000``, ``1e+05``, ``0.01`` → ``1e-02``.

    ``labelOnlyBase``: label only powers of the base. ``minor_thresholds=(a, b)``
    (matplotlib's default is ``(1, 0.4)``) labels only some multiples when a few decades
    are shown: only the decades above ``a`` decades, multiples 1, 2, 3, 4, 6 above ``b``,
    all multiples below. The lumos default ``None`` labels every tick it is given: lumos
    locators only hand it ticks that need labels, and :func:`non_overlapping` thins them.
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
        decade = _is_close_to_int(fx)
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
        if _is_close_to_int(c):
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


# Date support lives in .dates (which builds on the classes above); re-exported here so
# that ``ticker.AutoDateLocator`` works like the rest of the tickers.
from .dates import (  # noqa: E402
    AutoDateFormatter,
    AutoDateLocator,
    ConciseDateFormatter,
    DateFormatter,
    date2num,
    num2date,
)
from .ticker_scales import (  # noqa: E402
    AsinhLocator,
    IndexLocator,
    LogitFormatter,
    LogitLocator,
)

__all__ += [
    "AutoDateLocator", "AutoDateFormatter", "ConciseDateFormatter", "DateFormatter",
    "date2num", "num2date", "AsinhLocator", "IndexLocator", "LogitFormatter", "LogitLocator",
]  # fmt: skip
