"""The limits of a 2D axes: autoscaling to the artists' data (margins, sticky edges),
``set_xlim``/``get_xlim`` and friends, inversion and the autoscale switches. A mixin of
:class:`lumos.plot.axes.Axes`.
"""

from __future__ import annotations

import numpy as np

from . import validate
from .artists import Artist
from .axis import Axis
from .axis_limits import expand_singular


class AxesLimits:
    """The limits of :class:`~lumos.plot.axes.Axes` (a mixin): what autoscaling fits and
    what ``set_xlim``, ``set_ylim``, ``margins``, ``invert_xaxis`` ... set."""

    #: a fit was asked for (an artist added, ``autoscale``, ``margins``) and no frame has
    #: drawn since (matplotlib's pending autoscale request): :meth:`relim` then refits
    _fit_pending = False
    #: a live artist (a stream) changed since the last frame's fit: that frame's limits
    #: follow it although a view read since (``get_xlim``) held them
    _live_changed = False
    #: sticky edges of the axes themselves (x values, y values): margins stop there as
    #: at an artist's (a polar r axis stops at 0, as matplotlib's ``RadialAxis``)
    axis_sticky: tuple = ((), ())
    #: matplotlib's ``Axes.use_sticky_edges``: False lets the margins cross every sticky
    #: edge (of artists and of the axes)
    use_sticky_edges: bool = True

    # -- limits, scales, labels -----------------------------------------------------
    def _autoscale(self, keep_held: bool = False) -> None:
        """Fit auto axes to the data plus margins (in scale space, like matplotlib).
        ``keep_held`` leaves an axis whose limits are held (``Limits.held``) as it is;
        otherwise it is fitted and no longer held.

        Margins never cross an artist's sticky edges (``artist.sticky = (xs, ys)`` in data
        units): bars stay on 0, meshes and contours fill the axes. ``data_limits()`` may
        give None for one axis (axhline has no x extent)."""
        for axis, i in ((self.xaxis, 0), (self.yaxis, 1)):
            if not axis.limits.auto or (keep_held and axis.limits.held):
                continue
            axis.limits.held = False
            spans, stickies = [], [np.asarray(self.axis_sticky[i], dtype=float)]
            for member in axis.limits.members:
                for a in member.axes.artists:
                    lim = member.axes.fitted_limits(a)
                    if lim is not None and lim[i] is not None:
                        spans.append(lim[i])
                    sticky = getattr(a, "sticky", None)
                    if sticky is not None and len(sticky[i]):
                        stickies.append(np.asarray(sticky[i], dtype=float).ravel())
            if spans:
                lo, hi = min(s[0] for s in spans), max(s[1] for s in spans)
            elif axis.limits.pending and axis.limits.lo is None and \
                    axis.scale.name != "logit":
                # a fit asked for, nothing finite, a view never set: matplotlib's
                # locator.nonsingular(-inf, inf), margins added (plot([], []) shows
                # -0.055..0.055)
                lo, hi = (1.0, 10.0) if axis.scale.name == "log" else (-0.05, 0.05)
            else:
                _log_fallback(axis)
                continue
            if not self.use_sticky_edges:
                stickies = []
            # matplotlib's limit_range_for_scale: a logit axis stops short of 0 and 1,
            # a script's scale at its own bounds
            minpos = min((v for s in spans for v in s if v > 0), default=1e-300)
            lo, hi = axis.scale.limit_range(lo, hi, minpos)
            if lo == hi:  # matplotlib's nonsingular: 0 → ±0.05, v → v ± 5 %
                lo, hi = expand_singular(lo, axis.scale)
            lo, hi = axis.clip_limits(lo, hi)
            margin = self._margins[i]
            with np.errstate(all="ignore"):
                s0, s1 = axis.scale.forward(np.array([lo, hi]))
            if not (np.isfinite(s0) and np.isfinite(s1)):
                _log_fallback(axis)
                continue
            if s0 == s1:
                lo, hi = expand_singular(lo, axis.scale)
                with np.errstate(all="ignore"):
                    s0, s1 = axis.scale.forward(np.array([lo, hi]))
            # the nearest sticky edges outside the data: margins stop there
            st = np.sort(np.concatenate(stickies)) if stickies else np.zeros(0)
            st = st[np.isfinite(st)]
            if axis.scale.name == "log":
                st = st[st > 0]
            tol = 1e-5 * max(abs(lo), abs(hi), abs(hi - lo))
            below, above = st[st < lo + tol], st[st > hi - tol]
            pad = (s1 - s0) * margin
            # the margins stay in the domain too (a script's scale that masks values
            # beyond its bounds could not place limits outside them)
            lo, hi = axis.scale.limit_range(*axis.scale.inverse(np.array([s0 - pad, s1 + pad])),
                                            minpos)
            if below.size:
                lo = max(lo, below[-1])
            if above.size:
                hi = min(hi, above[0])
            # rcParams['axes.autolimit_mode'] 'round_numbers': out to the locator's
            # round limits, then inside the scale's range (matplotlib's set_bound)
            rounded = (lo, hi) if self._tight else axis.view_limits(lo, hi)
            if rounded != (lo, hi):
                lo, hi = axis.scale.limit_range(*rounded, minpos)
            inverted = axis.inverted
            axis.limits.lo, axis.limits.hi = axis.clip_limits(float(lo), float(hi), warn=False)
            axis.inverted = inverted

    def fitted_limits(self, artist: Artist):
        """The data range of ``artist`` that automatic limits fit, kept as matplotlib's
        ``dataLim`` keeps it: taken when the limits were first fitted to the artist (or
        at :meth:`relim`), so new data (``set_data``, ``set_offsets``) does not move
        them until ``relim()``. An artist whose ``live_limits`` is true (a stream) is
        read every time."""
        if artist.live_limits:
            return artist.data_limits()
        scales = (self.xaxis.scale.name, self.yaxis.scale.name)  # log: positive data only
        return self._kept_range(artist, scales, artist.data_limits)

    def _kept_range(self, artist: Artist, key, measure):
        """``measure()`` of ``artist`` as kept since it was taken under ``key``."""
        kept = self._fitted.get(artist)
        if kept is None or kept[0] != key:
            kept = self._fitted[artist] = (key, measure())
        return kept[1]

    def refit(self, artist: Artist) -> None:
        """Automatic limits fit ``artist``'s data anew at the next draw (what
        ``AxesImage.set_extent`` asks, as in matplotlib)."""
        self._fitted.pop(artist, None)
        self.xaxis.limits.held = self.yaxis.limits.held = False
        self._dirty = True

    def update_limits(self) -> None:
        """Before a frame: artists prepare (``Artist.prepare``), then automatic limits
        follow data that changed since the last."""
        for a in self.artists:
            a.prepare()
        at = self._changes
        if self._live_changed:
            self._live_changed = False
            self.xaxis.limits.held = self.yaxis.limits.held = False
        if (self._dirty or self._view_moved) and (self.xaxis.limits.auto or
                                                  self.yaxis.limits.auto):
            self._autoscale(keep_held=True)
        self._fitted_at = at
        self._fit_pending = False
        self._view_read()

    def _view_read(self) -> None:
        """The view was read (a draw, ``get_xlim``, ``set_xlim``, ``set_xticks`` ...):
        fits asked for are made, so later additions that ask none keep the view, and
        the view stays as it is until a fit is asked for (held), as matplotlib's
        ``viewLim`` unstales both axes when read: a draw later fits no anew, under
        another ``axes.autolimit_mode`` or another locator (the 'classic' style's
        round limits of a bar chart whose ``set_xticks`` read the view in the style's
        context, drawn after it)."""
        for axis in (self.xaxis, self.yaxis):
            axis.limits.pending = False
            axis.limits.held = True

    def autoscale(self, enable: bool | None = True, axis: str = "both",
                  tight: bool | None = None) -> None:
        """Turn automatic limits on (or off) for 'x', 'y' or 'both' axes, and apply them,
        as matplotlib's: ``enable=None`` leaves them on or off; ``tight=True`` first sets
        the margins of the axes scaled to zero, and any ``tight`` given is kept for later
        fits (True: limits not rounded out under ``axes.autolimit_mode``
        'round_numbers').

        >>> ax.autoscale(tight=True)  # the view ends at the data
        """
        if axis not in ("x", "y", "both"):
            raise ValueError(f"axis: got {axis!r}, expected 'x', 'y' or 'both'")
        names = ("x", "y") if axis == "both" else (axis,)
        if enable is not None:
            for name in names:
                getattr(self, f"{name}axis").limits.auto = bool(enable)
        else:
            names = ("x", "y")  # matplotlib scales both then
        if tight:
            mx, my = self._margins[:2]
            scaled = [n for n in names if getattr(self, f"{n}axis").limits.auto]
            self._margins = (0.0 if "x" in scaled else mx, 0.0 if "y" in scaled else my,
                             *self._margins[2:])
        if tight is not None:
            self._tight = bool(tight)
        self._ask_fit(names)

    def _ask_fit(self, names) -> None:
        """Fit the axes named ('x', 'y') now, as a fit asked for (matplotlib's
        ``_request_autoscale_view``: with no data it shows the locator's default view)."""
        for name in names:
            getattr(self, f"{name}axis").limits.pending = True
        self._fit_pending = True
        self._autoscale()

    def relim(self) -> None:
        """Measure the artists' data as it is now (after ``set_data``, ``set_offsets``,
        ...) for the automatic limits to fit, as matplotlib's ``relim`` recomputes
        ``dataLim``: the view moves when a fit is asked for (``autoscale_view()``, a new
        artist), or at the next draw when a fit asked for has not been drawn yet."""
        self._fitted.clear()
        for a in self.artists:
            self.fitted_limits(a)  # kept: data set after this does not count
        if self._fit_pending:
            self._autoscale(keep_held=True)
        else:
            self.xaxis.limits.held = self.yaxis.limits.held = True

    def margins(self, *margins, x: float | None = None, y: float | None = None,
                tight: bool | None = True):
        """Padding added to the data range by autoscaling, as a fraction of it (rcParams
        axes.xmargin, axes.ymargin): ``margins(m)`` (both), ``margins(mx, my)`` or by
        keyword; no arguments: the current (x, y) margins, as matplotlib. ``tight`` is
        kept for later fits as :meth:`autoscale` keeps it (matplotlib's default True: no
        rounding out under 'round_numbers')."""
        if margins and (x is not None or y is not None):
            raise TypeError("margins: got positional and keyword margins, expected one kind")
        if len(margins) == 1:
            x = y = margins[0]
        elif len(margins) == 2:
            x, y = margins
        elif margins:
            raise TypeError(f"margins: got {len(margins)} positional margins, expected 0, 1 "
                            "or 2")
        if x is None and y is None:
            return self._margins
        if tight is not None:
            self._tight = bool(tight)
        mx, my = self._margins
        # matplotlib's bound: a margin of -0.5 would shrink the view to nothing
        self._margins = (mx if x is None else validate.number(x, "x", -0.5, exclusive=True),
                         my if y is None else validate.number(y, "y", -0.5, exclusive=True))
        self._ask_fit([n for n, m in (("x", x), ("y", y)) if m is not None])
        return None

    def set_xlim(self, left=None, right=None, **kwargs):
        """``set_xlim(0, 10)`` or ``set_xlim((0, 10))``; left > right inverts the axis."""
        return self._set_lim(self.xaxis, left, right, kwargs, "left", "right")

    def set_ylim(self, bottom=None, top=None, **kwargs):
        """``set_ylim(0, 10)`` or ``set_ylim((0, 10))``; bottom > top inverts the axis."""
        return self._set_lim(self.yaxis, bottom, top, kwargs, "bottom", "top")

    def _set_lim(self, axis: Axis, lo, hi, kwargs, lo_name: str, hi_name: str):
        lo = kwargs.pop(lo_name, kwargs.pop(f"{axis.name}min", lo))
        hi = kwargs.pop(hi_name, kwargs.pop(f"{axis.name}max", hi))
        emit = kwargs.pop("emit", True)  # False: limit callbacks are not told
        auto = kwargs.pop("auto", False)  # None: autoscaling as it was; True: stays on
        if kwargs:
            raise TypeError(f"set_{axis.name}lim: unexpected arguments {sorted(kwargs)}")
        if hi is None and lo is not None and np.ndim(lo) == 1:
            lo, hi = lo
        from .category import UnitData

        for name, v in ((lo_name, lo), (hi_name, hi)):
            # a category axis takes its categories' names (set_xlim('orange', 'lemon'))
            if isinstance(v, str) and not isinstance(axis.units, UnitData):
                raise TypeError(f"{name}: got str {v!r}, expected a number (or a category "
                                "of a category axis)")
        # values with units give an axis without them its unit, as a plotting call does
        lo = None if lo is None else float(axis.convert(axis.process_units(np.asarray([lo])))[0])
        hi = None if hi is None else float(axis.convert(axis.process_units(np.asarray([hi])))[0])
        self._apply_limits(axis, lo, hi, emit, auto)
        return self.get_xlim() if axis is self.xaxis else self.get_ylim()

    def _apply_limits(self, axis: Axis, lo: float | None, hi: float | None,
                        emit: bool = True, auto: bool | None = False) -> None:
        """``set_xlim``'s work once the limits are in the axis' own units (floats, as a
        camera shows them; None keeps that end): ``emit`` tells the limit callbacks,
        ``auto`` as ``set_xlim``'s."""
        was_auto = axis.limits.auto
        axis.inverted = False
        axis.set_limits(lo, hi)
        if lo is not None and hi is not None and lo > hi:
            axis.inverted = True
        if auto is not False:
            axis.limits.auto = was_auto if auto is None else bool(auto)
        # the view stays until a fit is asked for: a fit pending (a plot before) is
        # dropped, as matplotlib's set_xlim marks the view limits as not stale
        axis.limits.held = True
        self._view_moved = True  # the batches stay (sync), the other axis may refit
        if emit:
            for member in axis.limits.members:  # shared axes' callbacks hear of it too
                member.axes.notify_limits()
        self._view_read()

    @property
    def viewLim(self):  # noqa: N802 (matplotlib's name)
        """matplotlib's ``ax.viewLim``: the view limits as a live Bbox ``[[x0, y0],
        [x1, y1]]`` in data coordinates (``intervalx``, ``width``, ...), read from the
        axes at each use; its setters (``x0 = ...``, ``set_points``) set the limits."""
        from .bbox import LiveBbox

        def get():
            (x0, x1), (y0, y1) = self.get_xlim(), self.get_ylim()
            return [[x0, y0], [x1, y1]]

        def put(points):
            self.set_xlim(points[0][0], points[1][0])
            self.set_ylim(points[0][1], points[1][1])

        return LiveBbox(get, put)

    def get_xlim(self) -> tuple[float, float]:
        """The x limits (left, right) shown now."""
        self._view_read()
        lo, hi = self.xaxis.get_view_interval()
        return (hi, lo) if self.xaxis.inverted else (lo, hi)

    def get_ylim(self) -> tuple[float, float]:
        """The y limits (bottom, top) shown now."""
        self._view_read()
        lo, hi = self.yaxis.get_view_interval()
        return (hi, lo) if self.yaxis.inverted else (lo, hi)

    def get_xbound(self) -> tuple[float, float]:
        """The x limits in increasing order, whichever way the axis runs."""
        return tuple(sorted(self.get_xlim()))

    def get_ybound(self) -> tuple[float, float]:
        """The y limits in increasing order, whichever way the axis runs."""
        return tuple(sorted(self.get_ylim()))

    def set_xbound(self, lower=None, upper=None) -> None:
        """The x limits in increasing order (None keeps that end), keeping the axis'
        direction; ``set_xbound((lower, upper))`` too."""
        self._set_bound(self.xaxis, self.get_xbound(), lower, upper)

    def set_ybound(self, lower=None, upper=None) -> None:
        """The y limits in increasing order (as :meth:`set_xbound`)."""
        self._set_bound(self.yaxis, self.get_ybound(), lower, upper)

    def _set_bound(self, axis: Axis, old, lower, upper) -> None:
        if upper is None and lower is not None and np.ndim(lower) == 1:
            lower, upper = lower
        lo = old[0] if lower is None else lower
        hi = old[1] if upper is None else upper
        lo, hi = sorted((lo, hi), reverse=axis.inverted)
        (self.set_xlim if axis is self.xaxis else self.set_ylim)(lo, hi, auto=None)

    def invert_xaxis(self) -> None:
        """Swap the direction of the x axis."""
        self.xaxis.inverted = not self.xaxis.inverted

    def invert_yaxis(self) -> None:
        """Swap the direction of the y axis."""
        self.yaxis.inverted = not self.yaxis.inverted

    def xaxis_inverted(self) -> bool:
        """Whether x grows to the left."""
        return self.xaxis.inverted

    def yaxis_inverted(self) -> bool:
        """Whether y grows downwards."""
        return self.yaxis.inverted

    def set_autoscale_on(self, b: bool) -> None:
        """Whether limits follow the data (both axes)."""
        self.xaxis.limits.auto = self.yaxis.limits.auto = bool(b)

    def get_autoscale_on(self) -> bool:
        """Whether both the x and the y limits follow the data."""
        return self.xaxis.limits.auto and self.yaxis.limits.auto

    def set_autoscalex_on(self, b: bool) -> None:
        """Whether the x limits follow the data."""
        self.xaxis.limits.auto = bool(b)

    def set_autoscaley_on(self, b: bool) -> None:
        """Whether the y limits follow the data."""
        self.yaxis.limits.auto = bool(b)

    def get_autoscalex_on(self) -> bool:
        """Whether the x limits follow the data."""
        return self.xaxis.limits.auto

    def get_autoscaley_on(self) -> bool:
        """Whether the y limits follow the data."""
        return self.yaxis.limits.auto


def _log_fallback(axis: Axis) -> None:
    """A log axis with no positive data and non-positive limits shows matplotlib's
    default decade (1, 10), with its warning, instead of limits it cannot draw."""
    lo, hi = axis.limits.lo, axis.limits.hi
    if axis.scale.name == "log" and lo is not None and (lo <= 0 or hi <= 0):
        import warnings

        warnings.warn(f"{axis.name}: data has no positive values, and therefore cannot be "
                      "log-scaled; showing 1..10", stacklevel=3)
        axis.limits.lo, axis.limits.hi = 1.0, 10.0
