"""The limits of a 3D axes: autoscaling with mplot3d's margins, ``set_xlim``/``set_zlim``
and friends, z bounds, inversion and scale. A mixin of :class:`lumos.plot.axes3d.Axes3D`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .axis_limits import expand_singular

if TYPE_CHECKING:
    from .axes3d import Axis3D

# The data limits of 3D axes without data (mplot3d's: x and y inset so that with their
# 5 % margins they span 0..1, as mplot3d 3.8 showed); the view margin pads them too
_INSET = 0.05 * 10 / 11
EMPTY_LIMITS = ((_INSET, 1 - _INSET), (_INSET, 1 - _INSET), (0.0, 1.0))


class Axes3DLimits:
    """The limits of :class:`~lumos.plot.axes3d.Axes3D` (a mixin): what autoscaling fits and
    what ``set_xlim``, ``set_zlim``, ``margins``, ``set_zbound`` ... set."""

    # -- limits ---------------------------------------------------------------------------
    def _autoscale(self, keep_held: bool = False) -> None:
        """Data limits (``EMPTY_LIMITS`` without data) plus margins (x, y: 5 %; z: none
        in perspective), then mplot3d's view margin of 1/48 of the span on each side.
        3D axes fit held limits too (``keep_held`` changes nothing): mplot3d fits at
        every draw."""
        spans: list[list] = [[], [], []]
        for i, axis in enumerate(self._axes3()):
            if not axis.limits.auto:
                continue
            scale = axis.scale
            minpos = np.inf  # the smallest positive value (log scales start there)
            for member in axis.limits.members:
                for a in member.axes.artists:
                    lim = member.axes.fitted_limits3d(a)
                    if lim is not None and lim[i] is not None:
                        spans[i].append(lim[i])
                        if scale.fits_positive and lim[i][0] <= 0:
                            minpos = min(minpos, _min_positive(a, i))
                        elif lim[i][0] > 0:
                            minpos = min(minpos, lim[i][0])
            margin = self._margins[i]
            # the scale the margins are measured in: the one the limits were last fitted
            # in while no artist came or went since a scale change that kept them
            pad_scale = self._pad_scale(i)
            if not spans[i]:  # no data: mplot3d's starting data limits
                # a z axis of another scale starts as x and y do (0..1 has no log)
                empty = i == 2 and scale.name != "linear"
                spans[i].append(EMPTY_LIMITS[0 if empty else i])
                minpos = min(minpos, spans[i][0][0])
            lo = min(s[0] for s in spans[i])
            hi = max(s[1] for s in spans[i])
            if scale.name != "linear":
                minpos = minpos if np.isfinite(minpos) else 1e-300
                if scale.fits_positive:  # matplotlib: from the smallest positive value
                    lo, hi = (minpos if lo <= 0 else lo), (minpos if hi <= 0 else hi)
                lo, hi = scale.limit_range(lo, hi, minpos)
            if lo == hi:
                lo, hi = expand_singular(lo, scale)
            lo, hi = _pad(pad_scale, lo, hi, margin)
            if not self._tight:  # 'round_numbers': out to the locator's (mplot3d's)
                rounded = axis.view_limits(lo, hi)
                if rounded != (lo, hi):
                    lo, hi = scale.limit_range(*rounded, minpos)
            lo, hi = _pad(pad_scale, lo, hi, self._view_margin)
            inverted = axis.inverted
            axis.limits.lo, axis.limits.hi = float(lo), float(hi)
            axis.inverted = inverted

    def fitted_limits3d(self, artist):
        """The (x, y, z) data range of ``artist`` that automatic limits fit, taken
        when they were first fitted to it (or at ``relim()``), as for 2D axes
        (:meth:`Axes.fitted_limits`): ``set_data_3d`` does not move the limits, as in
        mplot3d. None for an artist without 3D data."""
        if not hasattr(artist, "data_limits3d"):
            return None
        return self._kept_range(artist, "3d", artist.data_limits3d)

    def _axes3(self) -> tuple[Axis3D, Axis3D, Axis3D]:
        return self.xaxis, self.yaxis, self.zaxis

    def update_limits(self) -> None:
        """Before a frame: artists prepare (``Artist.prepare``: a mappable recolors when
        its colormap or norm changed in place), then automatic limits follow data that
        changed since the last."""
        for a in self.artists:
            a.prepare()
        at = self._changes
        if self._dirty and any(a.limits.auto for a in self._axes3()):
            self._autoscale()
        self._fitted_at = at

    def autoscale(self, enable: bool | None = True, axis: str = "both",
                  tight: bool | None = None) -> None:
        """Automatic limits on 'x', 'y', 'z' or 'both' (all three); ``enable=None``
        leaves them on or off. A ``tight`` given is kept for later fits, as mplot3d's
        (True: limits not rounded out under ``axes.autolimit_mode`` 'round_numbers';
        unlike 2D axes, the margins stay)."""
        if axis not in ("x", "y", "z", "both"):
            raise ValueError(f"axis: got {axis!r}, expected 'x', 'y', 'z' or 'both'")
        if enable is not None:
            for name in ("x", "y", "z") if axis == "both" else (axis,):
                getattr(self, f"{name}axis").limits.auto = bool(enable)
        if tight is not None:
            self._tight = bool(tight)
        self._autoscale()

    def auto_scale_xyz(self, X, Y, Z=None, had_data=None) -> None:
        """Limits from these data (with margins), as mplot3d's; ``had_data`` true: from
        these and the artists' data together."""
        for i, (axis, values) in enumerate(((self.xaxis, X), (self.yaxis, Y),
                                            (self.zaxis, Z))):
            if values is None:
                continue
            v = np.asarray(values, float).ravel()
            if had_data:
                ranges = [lim[i] for a in self.artists
                          if (lim := self.fitted_limits3d(a)) is not None
                          and lim[i] is not None]
                v = np.concatenate([v, np.ravel(ranges)])
            v = v[np.isfinite(v)]
            if v.size:
                lo, hi = float(v.min()), float(v.max())
                lo, hi = _pad(axis.scale, lo, hi, self._margins[i])
                lo, hi = _pad(axis.scale, lo, hi, self._view_margin)
                axis.set_limits(lo, hi, auto=True)
        self._dirty = True

    def margins(self, *margins, x=None, y=None, z=None, tight: bool | None = True):
        """``margins(m)``, ``margins(mx, my, mz)`` or by keyword; no arguments: the
        current (x, y, z) margins. ``tight`` is kept for later fits as :meth:`autoscale`
        keeps it (None: the one kept before)."""
        if margins and (x is not None or y is not None or z is not None):
            raise TypeError("margins: got positional and keyword margins, expected one kind")
        if len(margins) == 1:
            x = y = z = margins[0]
        elif len(margins) == 3:
            x, y, z = margins
        elif margins:
            raise TypeError(f"margins: got {len(margins)} positional margins, expected 1 or 3")
        if x is None and y is None and z is None:
            return self._margins
        new = list(self._margins)
        for i, m in enumerate((x, y, z)):
            if m is not None:
                if not m > -0.5:
                    raise ValueError(f"{'xyz'[i]}margin: got {m!r}, expected a number > -0.5")
                new[i] = float(m)
        self._margins = tuple(new)
        if tight is not None:
            self._tight = bool(tight)
        self._autoscale()

    def set_xmargin(self, m) -> None:
        """The x margin of autoscaling, as a fraction of the data range."""
        self.margins(x=m)

    def set_ymargin(self, m) -> None:
        """The y margin of autoscaling, as a fraction of the data range."""
        self.margins(y=m)

    def set_zmargin(self, m) -> None:
        """The z margin of autoscaling, as a fraction of the data range."""
        self.margins(z=m)

    def get_zmargin(self) -> float:
        """The z margin of autoscaling."""
        return self._margins[2]

    def _set_lim3(self, axis, lo, hi, kwargs, names):
        auto = kwargs.pop("auto", False)
        view_margin = kwargs.pop("view_margin", None)
        emit = kwargs.pop("emit", True)
        if not emit:
            raise TypeError(f"set_{axis.name}lim: emit=False is not supported (lumos's "
                            "shared axes share one set of limits)")
        self._set_lim(axis, lo, hi, kwargs, *names)
        self._dirty = True  # the 3D batches are built in the box the limits span
        if view_margin:
            a, b = _pad(axis.scale, *axis.get_view_interval(), float(view_margin))
            inv = axis.inverted
            axis.set_limits(a, b)
            axis.inverted = inv
        axis.limits.auto = bool(auto) if auto is not None else axis.limits.auto
        lo, hi = axis.get_view_interval()
        return (hi, lo) if axis.inverted else (lo, hi)

    def set_xlim(self, left=None, right=None, **kwargs):
        """``set_xlim(0, 10)``; ``auto``, ``view_margin``, ``xmin``/``xmax`` as mplot3d."""
        return self._set_lim3(self.xaxis, left, right, kwargs, ("left", "right"))

    def set_ylim(self, bottom=None, top=None, **kwargs):
        """``set_ylim(0, 10)`` or ``set_ylim((0, 10))`` (``view_margin`` as mplot3d's)."""
        return self._set_lim3(self.yaxis, bottom, top, kwargs, ("bottom", "top"))

    def set_zlim(self, bottom=None, top=None, **kwargs):
        """``set_zlim(0, 10)`` or ``set_zlim((0, 10))`` (``view_margin`` as mplot3d's)."""
        return self._set_lim3(self.zaxis, bottom, top, kwargs, ("bottom", "top"))

    set_xlim3d, set_ylim3d, set_zlim3d = set_xlim, set_ylim, set_zlim

    def get_zlim(self) -> tuple[float, float]:
        """The z limits (bottom, top)."""
        lo, hi = self.zaxis.get_view_interval()
        return (hi, lo) if self.zaxis.inverted else (lo, hi)

    def get_xlim3d(self):
        """The x limits (left, right)."""
        return self.get_xlim()

    def get_ylim3d(self):
        """The y limits (bottom, top)."""
        return self.get_ylim()

    get_zlim3d = get_zlim

    def get_w_lims(self) -> tuple[float, ...]:
        """(xmin, xmax, ymin, ymax, zmin, zmax)."""
        return (*self.get_xlim(), *self.get_ylim(), *self.get_zlim())

    def set_zbound(self, lower=None, upper=None, view_margin=None):
        """The z limits, lower before upper whatever the axis direction."""
        lo, hi = sorted(self.zaxis.get_view_interval())
        return self.set_zlim(lo if lower is None else lower, hi if upper is None else upper,
                             view_margin=view_margin)

    def get_zbound(self) -> tuple[float, float]:
        """The z limits, lower first."""
        return self.zaxis.get_view_interval()

    def invert_zaxis(self) -> None:
        """Swap the direction of the z axis."""
        self.zaxis.inverted = not self.zaxis.inverted
        self._dirty = True

    def zaxis_inverted(self) -> bool:
        """Whether z grows downwards."""
        return self.zaxis.inverted

    def _pad_scale(self, i: int):
        """The scale axis ``i``'s margins are measured in (``_set_scale``)."""
        kept = self._pad_scales.get(i)
        if kept is not None and kept[1] == self._artist_ids():
            return kept[0]
        self._pad_scales.pop(i, None)
        return self._axes3()[i].scale

    def _artist_ids(self) -> frozenset:
        return frozenset(id(a) for a in self.artists)

    def _set_scale(self, axis, value, kwargs) -> None:
        """As 2D axes' (the artists rebuild in scale space), and mplot3d's refit: only
        a scale whose locator has other default limits (to or from 'log' or 'logit')
        fits the limits at once; otherwise ('symlog', 'asinh', 'function') they are
        fitted as before, in the old scale, until an artist comes or goes."""
        i = "xyz".index(axis.name)
        old, kept = axis.scale, self._pad_scale(i)
        if axis is self.zaxis and value != "linear" and not any(
                (lim := self.fitted_limits3d(a)) is not None and lim[2] is not None
                for a in self.artists):
            # mplot3d: z without data gets the x margin for good (0..1 has no log)
            self._margins = (*self._margins[:2], self._margins[0])
        super()._set_scale(axis, value, kwargs)
        if _default_limits(axis.scale) == _default_limits(old):
            self._pad_scales[i] = (kept, self._artist_ids())
        else:
            self._pad_scales.pop(i, None)
        self._autoscale()

    def set_zscale(self, value, **kwargs) -> None:
        """The z scale: 'linear', 'log', 'symlog', ... as ``set_xscale`` (mplot3d 3.11
        applies scales before projecting, as lumos does)."""
        self._set_scale(self.zaxis, value, kwargs)

    def get_zscale(self) -> str:
        """The z scale's name."""
        return self.zaxis.scale.name


def _default_limits(scale) -> str:
    """Which default limits a scale's locator has (matplotlib refits the view on a scale
    change when they change)."""
    return scale.name if scale.name in ("log", "logit") else "linear"


def _pad(scale, lo: float, hi: float, fraction: float) -> tuple[float, float]:
    """``lo``, ``hi`` widened by ``fraction`` of their span on each side, measured in the
    scale's space (mplot3d's margins on log axes: equal decades either side)."""
    if not fraction:
        return lo, hi
    if scale.name == "linear":
        d = (hi - lo) * fraction
        return lo - d, hi + d
    with np.errstate(all="ignore"):
        t0, t1 = scale.forward(np.array([lo, hi], float))
        d = (t1 - t0) * fraction
        if not np.isfinite(d):
            return lo, hi
        a, b = scale.inverse(np.array([t0 - d, t1 + d]))
    return float(a), float(b)


def _min_positive(artist, i: int) -> float:
    """The smallest positive coordinate ``i`` of an artist's points (inf: none)."""
    pts = artist.points3d() if hasattr(artist, "points3d") else None
    if pts is None or not len(pts):
        return np.inf
    v = np.asarray(pts, float)[:, i]
    v = v[np.isfinite(v) & (v > 0)]
    return float(v.min()) if v.size else np.inf
