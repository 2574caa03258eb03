"""Tick locators: where axis ticks go (matplotlib's names and behaviour).

A *locator* answers ``tick_values(vmin, vmax) -> np.ndarray``: ascending float64 tick
positions that *cover* the range (one tick beyond each end is allowed, as in matplotlib).
:func:`visible` keeps only those inside ``[vmin, vmax]``. The log and symlog locators
are in :mod:`lumos.plot.ticker_log`. Re-exported by :mod:`lumos.plot.ticker`, the public path.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from typing import Any

import numpy as np

from .style import rcParams

#: Locators refuse (with a warning) to produce more ticks than this: a wrong step must
#: not allocate gigabytes.
MAXTICKS = 10_000

#: No ticks: what a locator returns (as a copy) for missing or non-finite limits.
NO_TICKS = np.zeros(0, dtype=np.float64)
# Limits are clipped to this so that ``vmax - vmin`` can never overflow to inf.
_HUGE = np.finfo(np.float64).max / 8
_TINY = float(np.finfo(np.float64).tiny)  # looked up once: finfo costs per call


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
    if big < 1e6 / tiny * _TINY:
        return -expander, expander
    if vmax - vmin <= big * tiny:
        return vmin - expander * abs(vmin), vmax + expander * abs(vmax)
    return vmin, vmax


def finite_limits(vmin: Any, vmax: Any) -> tuple[float, float] | None:
    """``(lo, hi)``: the limits as ascending floats, or None when missing or not finite."""
    try:
        lo, hi = sorted((float(vmin), float(vmax)))
    except (TypeError, ValueError):
        return None
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return None
    return lo, hi


def checked_limits(vmin: Any, vmax: Any, expander: float = 0.05) -> tuple[float, float] | None:
    """``nonsingular`` limits, or None when they are missing or not finite."""
    lim = finite_limits(vmin, vmax)
    return None if lim is None else nonsingular(*lim, expander)


def visible(
    ticks: Any, vmin: float, vmax: float, rtol: float = 1e-10, log: bool = False
) -> np.ndarray:
    """The ticks inside ``[vmin, vmax]`` (either order), allowing ``rtol`` of the span.

    The tolerance keeps a tick computed as ``0.30000000000000004`` on an axis ending at
    ``0.3``. ``log=True`` measures the span in log space (for log axes, where a linear
    tolerance of 1e-10 * 1e20 would let 1e-3 count as inside [1, 1e20]).
    """
    t = np.asarray(ticks, dtype=np.float64).ravel()
    lim = finite_limits(vmin, vmax)
    if lim is None:
        return NO_TICKS.copy()
    lo, hi = lim
    if log:
        if hi <= 0:
            return NO_TICKS.copy()
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


def remove_overlapping_locs(minor: Any, major: Any, rtol: float = 1e-5,
                            view: tuple[float, float] | None = None,
                            forward: Any = None) -> np.ndarray:
    """Minor tick positions that do not coincide with a major tick.

    matplotlib's axis does this so that a minor tick is never drawn on top of a major one:
    given the ``view`` limits and the scale's ``forward`` (e.g. ``np.log10``), as it
    does, in scale space within ``rtol`` of the view's span there (on a log axis a
    tolerance in data units would take 2 for 1 once the view spans 1e5); else in data
    units within ``rtol`` of the ticks' span.
    """
    mi = np.asarray(minor, dtype=np.float64).ravel()
    ma = np.asarray(major, dtype=np.float64).ravel()
    if not len(mi) or not len(ma):
        return mi
    if view is not None:
        f = forward or (lambda v: v)
        with np.errstate(all="ignore"):
            s0, s1 = f(np.asarray(view, dtype=np.float64))
            smi, sma = f(mi), f(ma)
        tol = rtol * abs(float(s1 - s0))
        d = np.abs(smi[:, None] - sma[None, :]).min(axis=1)
        return mi[~(d <= tol)]  # a tick the scale cannot place (nan) stays, as there
    span = np.ptp(np.concatenate([mi, ma]))
    tol = rtol * (span if span > 0 else 1.0)
    d = np.abs(mi[:, None] - ma[None, :]).min(axis=1)
    return mi[d > tol]


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


def _round_numbers() -> bool:
    """rcParams['axes.autolimit_mode'] asks automatic limits to end on ticks."""
    return rcParams["axes.autolimit_mode"] == "round_numbers"


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

    def view_limits(self, vmin: float, vmax: float) -> tuple[float, float]:
        """The limits automatic scaling shows for data (margins added) from ``vmin`` to
        ``vmax``: as they are, unless rcParams['axes.autolimit_mode'] is
        'round_numbers' and the locator knows round ones (matplotlib's)."""
        return (vmin, vmax) if vmin <= vmax else (vmax, vmin)

    def set_params(self, **kwargs) -> None:
        """Change the locator's parameters (matplotlib's ``set_params``): the keywords
        of its constructor, or of its base's (``AutoLocator`` takes ``MaxNLocator``'s)."""
        import inspect

        for cls in type(self).__mro__[:-1]:  # the nearest constructor taking them all
            if "__init__" not in vars(cls):
                continue
            params = set(inspect.signature(cls.__init__).parameters) - {"self"}
            if set(kwargs) <= params:
                current = {k: getattr(self, k) for k in params if hasattr(self, k)}
                tick_space = self.tick_space
                cls.__init__(self, **{**current, **kwargs})
                self.tick_space = tick_space
                return
        known = {p for cls in type(self).__mro__[:-1] if "__init__" in vars(cls)
                 for p in inspect.signature(cls.__init__).parameters} - {"self"}
        raise TypeError(f"{type(self).__name__}.set_params: unexpected keyword arguments "
                        f"{sorted(set(kwargs) - known) or sorted(kwargs)}")

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class NullLocator(Locator):
    """No ticks."""

    def tick_values(self, vmin: float, vmax: float) -> np.ndarray:
        return NO_TICKS.copy()


class FixedLocator(Locator):
    """Ticks at fixed values; with ``nbins``, a subsample of at most ``nbins + 1`` of them.

    The subsample is every k-th value, with the phase that includes the value closest
    to zero (so 0 stays a tick when it is one).
    """

    def __init__(self, locs: Sequence[float] | np.ndarray, nbins: int | None = None):
        locs = np.asarray(locs, dtype=np.float64)
        if locs.ndim != 1:
            raise ValueError(f"FixedLocator: locs must be 1-D, got shape {locs.shape}")
        # the caller's order, as matplotlib's (get_xticks() after set_xticks([3, 1, 2])
        # is [3, 1, 2]; the i-th label is the i-th tick's); non-finite values dropped,
        # given_order says where each kept value was in the caller's list
        self.given_order = np.flatnonzero(np.isfinite(locs))
        self.given_count = len(locs)
        self.locs = locs[self.given_order]
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
        lim = checked_limits(vmin, vmax)
        if lim is None or self.numticks <= 0:
            return NO_TICKS.copy()
        return np.linspace(lim[0], lim[1], self.numticks)

    def view_limits(self, vmin: float, vmax: float) -> tuple[float, float]:
        vmin, vmax = super().view_limits(vmin, vmax)
        if vmin == vmax:
            vmin, vmax = vmin - 1, vmax + 1
        if _round_numbers():  # a power of (numticks - 1) near the span, as matplotlib
            n = max(self.numticks - 1, 1)
            exponent, remainder = divmod(math.log10(vmax - vmin), math.log10(n)) if n > 1 \
                else (0.0, 1.0)
            scale = n ** -(exponent - (remainder < 0.5))
            vmin, vmax = math.floor(scale * vmin) / scale, math.ceil(scale * vmax) / scale
        return vmin, vmax


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
        lim = checked_limits(vmin, vmax)
        if lim is None:
            return NO_TICKS.copy()
        step = self.base
        lo, hi = lim[0] - self.offset, lim[1] - self.offset
        first = _ceil_to(lo, step, 1e-10) * step
        n = (hi - first + 0.001 * step) // step
        if not _check_count(n + 3, "MultipleLocator"):
            return NO_TICKS.copy()
        return first - step + np.arange(n + 3) * step + self.offset

    def view_limits(self, vmin: float, vmax: float) -> tuple[float, float]:
        vmin, vmax = super().view_limits(vmin, vmax)
        if _round_numbers():  # the multiples around the data
            step, tol = self.base, _edge_tol(self.base, 0.0)
            lo = _floor_to(vmin - self.offset, step, tol) * step + self.offset
            hi = _ceil_to(vmax - self.offset, step, tol) * step + self.offset
            vmin, vmax = (lo - 1, hi + 1) if lo == hi else (lo, hi)
        return vmin, vmax

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
        return min(max(space, max(1, self.min_n_ticks - 1)), 9)  # np.clip's order

    def tick_values(self, vmin: float, vmax: float) -> np.ndarray:
        lim = checked_limits(vmin, vmax)
        if lim is None:
            return NO_TICKS.copy()
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
        # Python floats: the same doubles (and divmod) as numpy's scalars, cheaper per step
        steps = steps.tolist()
        rounds = _round_numbers()  # nbins steps from below lo must reach hi (matplotlib's)
        istep = next((i for i, s in enumerate(steps) if s >= raw_step and (
            not rounds or (lo // s) * s + s * nbins >= hi)), len(steps) - 1)
        ticks = NO_TICKS
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

    def view_limits(self, vmin: float, vmax: float) -> tuple[float, float]:
        vmin, vmax = super().view_limits(vmin, vmax)
        if self.symmetric:
            vmax = max(abs(vmin), abs(vmax))
            vmin = -vmax
        if not _round_numbers() or checked_limits(vmin, vmax) is None:
            return vmin, vmax
        ticks = self._raw_ticks(*checked_limits(vmin, vmax))  # the ticks just outside
        return float(ticks[0]), float(ticks[-1])

    def __repr__(self) -> str:
        return f"{type(self).__name__}(nbins={self.nbins!r}, steps={self.steps.tolist()!r})"


class AutoLocator(MaxNLocator):
    """matplotlib's default linear locator: ``MaxNLocator("auto", [1, 2, 2.5, 5, 10])``;
    ``MaxNLocator(9, [1, 2, 5, 10])`` under the classic style (``_internal.classic_mode``
    when it is made, as matplotlib's)."""

    params_class = MaxNLocator  # set_params(nbins=4, ...): matplotlib's AutoLocator is one

    def __init__(self) -> None:
        if rcParams["_internal.classic_mode"]:
            super().__init__(nbins=9, steps=(1, 2, 5, 10))
        else:
            super().__init__(nbins="auto", steps=(1, 2, 2.5, 5, 10))


class AutoMinorLocator(Locator):
    """Minor ticks splitting each major interval into ``n`` parts.

    ``n=None`` (or ``"auto"``) picks 5 when the major step is 1, 2.5 or 5 times a power
    of ten (parts of 0.2, 0.5, 1) and 4 otherwise (a step of 2 gives parts of 0.5), as
    matplotlib does. The major ticks come from ``major_ticks`` when given, else from the
    ``major`` locator (default: on an axis, the axis's own major ticks, as matplotlib's;
    alone, :class:`AutoLocator`). Unlike matplotlib's locator, the
    result already excludes the major positions.
    """

    def __init__(self, n: int | str | None = None, major: Locator | None = None):
        self.ndivs = n
        self.major = major

    def tick_values(
        self, vmin: float, vmax: float, major_ticks: Any | None = None
    ) -> np.ndarray:
        lim = checked_limits(vmin, vmax)
        if lim is None:
            return NO_TICKS.copy()
        if major_ticks is None:
            major_ticks = (self.major or AutoLocator()).tick_values(vmin, vmax)
        majors = np.unique(np.asarray(major_ticks, dtype=np.float64))
        majors = majors[np.isfinite(majors)]
        if len(majors) < 2:
            return NO_TICKS.copy()  # need two majors to know the step
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
            return NO_TICKS.copy()
        locs = np.arange(first, last) * minor + t0
        return remove_overlapping_locs(locs, majors)
