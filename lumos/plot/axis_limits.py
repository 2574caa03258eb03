"""An axis's view limits: the interval shown, its checks (finite, within the scale's
domain and float64's range) and the map from data values to figure pixels along it."""

from __future__ import annotations

import math

import numpy as np

#: the largest magnitude of an axis limit: two limits' span and a margin stay finite
LIMIT = 1e307


class Limits:
    """View limits in data units, shared by axes that share this axis."""

    def __init__(self) -> None:
        self.lo: float | None = None
        self.hi: float | None = None
        self.auto = True
        # held: the view stays until a fit is asked for (matplotlib's autoscale request):
        # only additions that ask none (add_patch, add_line, an axhline inside the
        # view) came since the last fit
        self.held = False
        # pending: a fit was asked for and the view has not been read since (matplotlib's
        # stale view limits): an addition that asks none still counts in the next fit
        self.pending = False
        self.members: list = []  # Axis objects sharing these limits


class AxisLimits:
    """The view-limit methods of :class:`~lumos.plot.axis.Axis`."""

    def get_view_interval(self) -> tuple[float, float]:
        """(low, high) of the view in data units, ascending."""
        lo, hi = self.limits.lo, self.limits.hi
        if lo is None or hi is None:
            dlo, dhi = self.scale.domain
            if dlo == 0.0 and dhi == 1.0:
                return (0.1, 0.9)
            return (1.0, 10.0) if dlo == 0.0 else (0.0, 1.0)
        return (lo, hi) if lo <= hi else (hi, lo)

    def set_view_interval(self, vmin: float, vmax: float, ignore: bool = False) -> None:
        """The view limits (matplotlib's name); ``ignore`` False (the default): only
        widened to take in ``vmin`` and ``vmax``, never narrowed, as matplotlib's."""
        vmin, vmax = float(vmin), float(vmax)
        if not ignore:
            lo, hi = self.get_view_interval()
            vmin, vmax = min(vmin, vmax, lo), max(vmin, vmax, hi)
            if self.inverted:
                vmin, vmax = vmax, vmin
        # (vmin, vmax) in the order given: vmin > vmax shows the axis inverted
        # (set_limits turns the axis over when given them descending)
        ordered = sorted((vmin, vmax))
        self.set_limits(*(ordered if (vmin > vmax) == self.inverted else ordered[::-1]))

    def data_interval(self) -> tuple[float, float]:
        """(min, max) of the data of every artist on axes sharing this axis."""
        i = 0 if self.name == "x" else 1
        spans = []
        for member in self.limits.members:
            for a in member.axes.artists:
                lim = member.axes.fitted_limits(a)
                if lim is not None and lim[i] is not None:
                    spans.append(lim[i])
        if not spans:
            return self.get_view_interval()
        return min(s[0] for s in spans), max(s[1] for s in spans)

    def minpos(self) -> float:
        """The smallest positive data value (log tickers need it), else the view's."""
        lo = self.data_interval()[0]
        if lo > 0:
            return float(lo)
        vlo = self.get_view_interval()[0]
        return float(vlo) if vlo > 0 else 1e-7

    def scaled_interval(self) -> tuple[float, float]:
        """The view limits in scale space (log10 of them on a log axis)."""
        lo, hi = self.get_view_interval()
        if self.scale.name == "linear":  # the identity (AxisScales skips it too), asked
            # ten times a frame: no arrays
            lo, hi = float(lo), float(hi)
            return (lo, hi) if math.isfinite(lo) and math.isfinite(hi) else (0.0, 1.0)
        with np.errstate(all="ignore"):
            s = self.scale.forward(np.array([lo, hi]))
        if not np.all(np.isfinite(s)):
            return 0.0, 1.0
        return float(s[0]), float(s[1])

    def set_limits(self, lo: float | None, hi: float | None, auto: bool = False) -> None:
        """New view limits (None keeps that end); ``auto`` keeps autoscaling on."""
        current = self.get_view_interval()
        lo = current[0] if lo is None else float(lo)
        hi = current[1] if hi is None else float(hi)
        if not (np.isfinite(lo) and np.isfinite(hi)):
            raise ValueError(f"{self.name}lim: got ({lo}, {hi}), expected finite limits")
        lo, hi = self.clip_limits(lo, hi)
        dlo, dhi = self.scale.domain
        if not (dlo < lo < dhi and dlo < hi < dhi):
            import warnings

            warnings.warn(f"{self.name}lim: limits ({lo}, {hi}) outside the "
                          f"{self.scale.name} scale's domain are ignored", stacklevel=3)
            return
        if lo > hi:
            lo, hi = hi, lo
            self.inverted = not self.inverted
        if lo == hi:
            lo, hi = expand_singular(lo, self.scale)
        self.limits.lo, self.limits.hi = lo, hi
        self.limits.auto = auto

    def clip_limits(self, lo: float, hi: float, warn: bool = True) -> tuple[float, float]:
        """Limits the transforms can divide by: within ±``LIMIT`` (with a warning; beyond,
        the span of the view or a margin overflows float64), and, as matplotlib's
        ``nonsingular``, a span too small for float64 widened (0..1e-308 gave an
        infinite scale)."""
        if max(abs(lo), abs(hi)) > LIMIT:
            if warn:
                import warnings

                warnings.warn(f"{self.name}lim: ({lo:g}, {hi:g}) clipped to ±{LIMIT:g}, the "
                              "range lumos's transforms can handle", stacklevel=3)
            lo, hi = float(np.clip(lo, -LIMIT, LIMIT)), float(np.clip(hi, -LIMIT, LIMIT))
        largest = max(abs(lo), abs(hi))
        if abs(hi - lo) < 1e-300 and largest < 1e-290:  # 1 / span would overflow
            return (-0.001, 0.001) if lo <= hi else (0.001, -0.001)
        if abs(hi - lo) <= largest * 1e-15:
            a, b = expand_singular(min(lo, hi), self.scale)
            return (a, b) if lo <= hi else (b, a)
        return lo, hi

    def pixels_along(self, values) -> np.ndarray:
        """Figure pixels along this axis (x from the left, y from the bottom) of data
        values: the map of the axes' ``get_xaxis_transform``/``get_yaxis_transform``
        (the scale, the view rectangle onto the unit square, the unit square onto the
        box), computed with the same float operations without building the transform
        chain (its Affines, validated and multiplied on every call, cost more than mapping
        the ticks)."""
        v = np.asarray(values, dtype=float).reshape(-1)
        i = 0 if self.name == "x" else 1
        rect = self.axes.view_rect()
        origin, span = float(rect[i]), float(rect[i + 2])
        start, size = float(self.axes.box[i]), float(self.axes.box[i + 2])
        span = span if span else 1.0  # rect_to_unit's rule for an empty view
        if self.scale.name != "linear":  # AxisScales: only non-linear scales map values
            with np.errstate(all="ignore"):
                v = self.scale.forward(v.copy())
        # the chain's single Affine: (box) @ (rect onto unit), then p @ m.T + t
        return v * (size * (1.0 / span)) + (size * (-origin / span) + start)


def expand_singular(v: float, scale) -> tuple[float, float]:
    """A usable range around a single value (matplotlib's nonsingular): on a log axis
    the decades of its base below and above it (LogLocator's ``_decade_less`` and
    ``_decade_greater``: 0.5 -> 0.1..1, 1 -> 0.1..10)."""
    if scale.name == "log" and v > 0:
        b = scale.base
        e = math.log(v) / math.log(b)
        less, greater = b ** math.floor(e), b ** math.ceil(e)
        return (less / b if less == v else less), (greater * b if greater == v else greater)
    if scale.domain[0] == 0.0 and scale.domain[1] == math.inf:
        return v / 10, v * 10
    d = abs(v) * 0.05 if v != 0 else 0.05
    return v - d, v + d
