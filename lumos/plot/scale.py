"""Axis scales: how data values map to the linear space the camera shows.

Artists push ``scale.forward(data)`` to the GPU, so a log axis is a linear camera
over log10 values, exactly like matplotlib draws straight segments between
transformed points.

A scale declares (matplotlib's ``ScaleBase`` protocol, in lumos terms):

- ``name``; ``forward(values)``/``inverse(values)`` on float64 arrays (values outside
  the domain become NaN);
- ``domain``: the open interval of values it can show (log: (0, inf), logit: (0, 1));
- ``limit_range(vmin, vmax, minpos)``: data limits moved into the domain before
  autoscaling (matplotlib's ``limit_range_for_scale``);
- ``default_tickers()``: ``(major locator, major formatter, minor locator, minor
  formatter)`` an axis starts with (matplotlib's ``set_default_locators_and_formatters``);
- ``transform(axis)``: the lumos transform acting on coordinate ``axis``.

Scales come by name from a registry (:func:`register_scale`, :func:`scale_names`):
'linear', 'log', 'symlog', 'asinh', 'logit', 'function' and 'functionlog'; matplotlib's
``ScaleBase`` classes and objects (``matplotlib.scale.register_scale(MyScale)``) work
too, through an adapter.
"""

from __future__ import annotations

import math
import sys

import numpy as np

from ..transforms import Affine, Log, SymLog, Transform
from . import ticker

__all__ = ["ScaleBase", "LinearScale", "LogScale", "SymLogScale", "AsinhScale", "LogitScale",
           "FuncScale", "FuncScaleLog", "register_scale", "scale_names", "make_scale"]

_ALL = (-math.inf, math.inf)


def _on_axis(i: int) -> tuple[bool, bool, bool]:
    return (i == 0, i == 1, i == 2)


class ScaleBase:
    """Base class of lumos scales (subclass it and :func:`register_scale` the class to
    add a scale by name); the defaults are the linear scale's."""

    name = "base"
    domain: tuple[float, float] = _ALL
    #: Whether automatic limits read the positive data only (log and logit): there
    #: matplotlib's limits start at the smallest positive value (``minpos``), and a
    #: logit axis stops that far short of 1 (:meth:`limit_range`).
    fits_positive: bool = False

    def forward(self, values) -> np.ndarray:
        return np.asarray(values, dtype=float)

    def inverse(self, values) -> np.ndarray:
        return np.asarray(values, dtype=float)

    def transform(self, axis: int) -> Transform:
        """The lumos transform of this scale acting on coordinate ``axis`` (0: x, 1: y);
        scales without a GLSL form give one that works on numpy only."""
        return ScaleTransform(self, axis)

    def get_transform(self) -> ScaleMap:
        """matplotlib's scale transform: ``transform(values)`` maps values to the scale's
        space, ``inverted()`` back; the scale's parameters (``linthresh``, ``base``, ...)
        read through it."""
        return ScaleMap(self)

    def limit_range(self, vmin: float, vmax: float,
                    minpos: float = 1e-300) -> tuple[float, float]:
        """Data limits moved into the domain before autoscaling (matplotlib's
        ``limit_range_for_scale``); ``minpos``: the smallest positive data value."""
        lo, hi = self.domain
        tiny = 1e-300
        if lo > -math.inf:
            vmin, vmax = max(vmin, lo + tiny), max(vmax, lo + tiny)
        if hi < math.inf:
            vmin, vmax = min(vmin, hi - 1e-15), min(vmax, hi - 1e-15)
        return vmin, vmax

    def in_domain(self, values) -> np.ndarray:
        """Boolean mask of the finite values the scale can show."""
        v = np.asarray(values, dtype=float)
        lo, hi = self.domain
        with np.errstate(invalid="ignore"):
            return np.isfinite(v) & (v > lo) & (v < hi) if (lo, hi) != _ALL else np.isfinite(v)

    def default_tickers(self):
        """(major locator, major formatter, minor locator, minor formatter) for an axis
        of this scale."""
        return (ticker.AutoLocator(), ticker.ScalarFormatter(), ticker.NullLocator(),
                ticker.NullFormatter())

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class ScaleMap:
    """A scale's map of 1-D values (matplotlib's ``Scale.get_transform()``)."""

    def __init__(self, scale: ScaleBase, inverse: bool = False) -> None:
        self.scale, self.inverse = scale, inverse

    def transform(self, values) -> np.ndarray:
        """The values mapped (``inverse``: back from the scale's space)."""
        with np.errstate(all="ignore"):
            return self.scale.inverse(values) if self.inverse else self.scale.forward(values)

    def inverted(self) -> ScaleMap:
        """The map the other way."""
        return ScaleMap(self.scale, not self.inverse)

    def __getattr__(self, name: str):
        if name.startswith("_") or name in ("scale", "inverse"):
            raise AttributeError(name)
        given = getattr(self.scale, "given", {})  # as the script gave them (1, not 1.0)
        return given[name] if name in given else getattr(self.scale, name)  # linthresh, ...


class ScaleTransform(Transform):
    """A scale acting on one coordinate, numpy only (scales are applied on the CPU)."""

    def __init__(self, scale: ScaleBase, axis: int) -> None:
        self.scale, self.axis = scale, int(axis)

    def _forward(self, pts: np.ndarray) -> np.ndarray:
        with np.errstate(all="ignore"):
            pts[:, self.axis] = self.scale.forward(pts[:, self.axis])
        return pts

    def _inverse(self, pts: np.ndarray) -> np.ndarray:
        with np.errstate(all="ignore"):
            pts[:, self.axis] = self.scale.inverse(pts[:, self.axis])
        return pts

    def _key(self) -> tuple:
        return (id(self.scale), self.axis)


class LinearScale(ScaleBase):
    name = "linear"

    def __init__(self, axis=None) -> None:  # matplotlib's signature takes the axis
        pass

    def transform(self, axis: int) -> Transform:
        return Affine()


class _Transformed(ScaleBase):
    """A scale backed by a lumos transform acting on the x coordinate."""

    def __init__(self, transform) -> None:
        self._t = transform

    def forward(self, values) -> np.ndarray:
        v = np.asarray(values, dtype=float)
        pts = np.zeros((v.size, 2))
        pts[:, 0] = v.ravel()
        return self._t.forward(pts)[:, 0].reshape(v.shape)

    def inverse(self, values) -> np.ndarray:
        v = np.asarray(values, dtype=float)
        pts = np.zeros((v.size, 2))
        pts[:, 0] = v.ravel()
        return self._t.inverse(pts)[:, 0].reshape(v.shape)


def _subs(subs, argument: str = "subs"):
    if subs is None or isinstance(subs, str):
        return subs
    return np.asarray(subs, dtype=float).ravel()


class LogScale(_Transformed):
    """Logarithmic axis. Non-positive values are clipped, as matplotlib's default
    ``nonpositive="clip"``: to 1000 decades below 1, so a line through one runs down
    past the edge of the view and back, and a bar or a fill down to 0 reaches the edge;
    ``nonpositive="mask"`` masks them (NaN: lines break there, bars vanish).
    ``subs`` places the minor ticks (multiples of each decade)."""

    name = "log"
    domain = (0.0, math.inf)
    fits_positive = True

    def __init__(self, axis=None, *, base: float = 10.0, subs=None,
                 nonpositive: str = "clip") -> None:
        if nonpositive not in ("mask", "clip"):
            raise ValueError(f"nonpositive: got {nonpositive!r}, expected 'mask' or 'clip'")
        if not base > 0 or base == 1:
            raise ValueError(f"base: got {base!r}, expected a positive number other than 1")
        self.base = float(base)
        self.subs = _subs(subs)
        self.nonpositive = nonpositive
        super().__init__(LogScale.transform(self, 0))  # a subclass' transform may be ours

    def transform(self, axis: int) -> Transform:
        return Log(base=self.base, axes=_on_axis(axis), clip=self.nonpositive == "clip")

    def limit_range(self, vmin: float, vmax: float,
                    minpos: float = 1e-300) -> tuple[float, float]:
        """matplotlib's ``LogScale.limit_range_for_scale``: a limit <= 0 moves to
        ``minpos``, the smallest positive data value."""
        minpos = minpos if 0 < minpos < math.inf else 1e-300
        return (minpos if vmin <= 0 else vmin), (minpos if vmax <= 0 else vmax)

    def default_tickers(self):
        minor = "auto" if self.subs is None else self.subs
        # matplotlib's: ticks at the decades only (min_n_ticks=0), and where few decades
        # show, labels on some minor ticks (minor_thresholds: 2, 3, 4, 6 within a decade
        # or two, every multiple within less than 0.4 of one; none given subs)
        return (ticker.LogLocator(base=self.base, min_n_ticks=0),
                ticker.LogFormatterSciNotation(base=self.base),
                ticker.LogLocator(base=self.base, subs=minor),
                ticker.LogFormatterSciNotation(base=self.base,
                                               labelOnlyBase=self.subs is not None,
                                               minor_thresholds=(1, 0.4)))


class SymLogScale(_Transformed):
    """Linear near zero (within ``linthresh``), logarithmic beyond, like matplotlib."""

    name = "symlog"

    def __init__(self, axis=None, *, base: float = 10, linthresh: float = 2,
                 linscale: float = 1, subs=None) -> None:
        if not base > 1:
            raise ValueError(f"base: got {base!r}, expected a number > 1")
        if not linthresh > 0:
            raise ValueError(f"linthresh: got {linthresh!r}, expected a number > 0")
        if not linscale > 0:
            raise ValueError(f"linscale: got {linscale!r}, expected a number > 0")
        super().__init__(SymLog(linthresh=linthresh, base=base, linscale=linscale,
                                axes=(True, False, False)))
        self.base, self.linthresh = float(base), float(linthresh)
        self.linscale = float(linscale)
        # matplotlib's transform keeps them as given: f"{linthresh}" titles read "1"
        self.given = {"base": base, "linthresh": linthresh, "linscale": linscale}
        self.subs = _subs(subs)

    def transform(self, axis: int) -> Transform:
        return SymLog(linthresh=self.linthresh, base=self.base, linscale=self.linscale,
                      axes=_on_axis(axis))

    def default_tickers(self):
        # matplotlib's default subs (None) puts the minor ticks on the major ones: none
        # show until a script asks for subs
        minor = ticker.SymmetricalLogLocator(linthresh=self.linthresh, base=self.base,
                                             subs=self.subs)
        return (ticker.SymmetricalLogLocator(linthresh=self.linthresh, base=self.base),
                ticker.LogFormatterSciNotation(base=self.base, linthresh=self.linthresh),
                minor, ticker.NullFormatter())


#: the minor ticks of an asinh axis by base (matplotlib's ``auto_tick_multipliers``)
_ASINH_SUBS = {3: (2,), 4: (2,), 5: (2,), 8: (2, 4), 10: (2, 5), 16: (2, 4, 8), 64: (4, 16),
               1024: (256, 512)}


class AsinhScale(ScaleBase):
    """``linear_width * asinh(x / linear_width)``: linear near zero, logarithmic far out,
    smooth in between (matplotlib's 'asinh' scale)."""

    name = "asinh"

    def __init__(self, axis=None, *, linear_width: float = 1.0, base: float = 10,
                 subs="auto") -> None:
        if not linear_width > 0:
            raise ValueError(f"linear_width: got {linear_width!r}, expected a number > 0")
        self.linear_width = float(linear_width)
        self.base = int(base)
        self.subs = subs

    def forward(self, values) -> np.ndarray:
        return self.linear_width * np.arcsinh(np.asarray(values, dtype=float) /
                                              self.linear_width)

    def inverse(self, values) -> np.ndarray:
        with np.errstate(over="ignore"):
            return self.linear_width * np.sinh(np.asarray(values, dtype=float) /
                                               self.linear_width)

    def default_tickers(self):
        subs = self.subs
        if subs == "auto":  # matplotlib's multipliers by base; other bases: none
            subs = _ASINH_SUBS.get(self.base, ())
        fmt = ticker.LogFormatterSciNotation(base=self.base) if self.base > 1 else \
            ticker.StrMethodFormatter("{x:.3g}")
        return (ticker.AsinhLocator(self.linear_width, base=self.base), fmt,
                ticker.AsinhLocator(self.linear_width, base=self.base, subs=subs)
                if subs else ticker.NullLocator(), ticker.NullFormatter())


class LogitScale(ScaleBase):
    """``log10(p / (1 - p))`` for probabilities in (0, 1); values outside are masked, or
    with ``nonpositive='clip'`` clipped close to 0 or 1 (matplotlib's 'logit')."""

    name = "logit"
    domain = (0.0, 1.0)
    fits_positive = True

    def __init__(self, axis=None, nonpositive: str = "mask", *,
                 one_half: str = r"\frac{1}{2}", use_overline: bool = False) -> None:
        if nonpositive not in ("mask", "clip"):
            raise ValueError(f"nonpositive: got {nonpositive!r}, expected 'mask' or 'clip'")
        self.nonpositive = nonpositive
        self.one_half = one_half
        self.use_overline = bool(use_overline)

    def forward(self, values) -> np.ndarray:
        p = np.asarray(values, dtype=float)
        with np.errstate(divide="ignore", invalid="ignore"):
            out = np.log10(p / (1 - p))
        if self.nonpositive == "clip":
            out = np.where(p <= 0, -1000.0, np.where(p >= 1, 1000.0, out))
        else:
            out = np.where((p <= 0) | (p >= 1), np.nan, out)
        return out

    def inverse(self, values) -> np.ndarray:
        y = np.asarray(values, dtype=float)
        with np.errstate(over="ignore"):
            return 1.0 / (1.0 + np.power(10.0, -y))

    def limit_range(self, vmin: float, vmax: float,
                    minpos: float = 1e-7) -> tuple[float, float]:
        # matplotlib's: data reaching 0 or 1 stops at the smallest positive value
        minpos = minpos if 0 < minpos < 0.5 else 1e-7
        return (minpos if vmin <= 0 else vmin, 1 - minpos if vmax >= 1 else vmax)

    def default_tickers(self):
        return (ticker.LogitLocator(),
                ticker.LogitFormatter(one_half=self.one_half,
                                      use_overline=self.use_overline),
                ticker.LogitLocator(minor=True),
                ticker.LogitFormatter(one_half=self.one_half, use_overline=self.use_overline,
                                      minor=True))


class FuncScale(ScaleBase):
    """A scale from two functions ``(forward, inverse)`` (matplotlib's 'function');
    ticks as on a linear axis."""

    name = "function"

    def __init__(self, axis=None, functions=None) -> None:
        try:
            forward, inverse = functions
        except (TypeError, ValueError):
            raise TypeError(f"functions: got {functions!r}, expected (forward, inverse)") \
                from None
        if not (callable(forward) and callable(inverse)):
            raise TypeError("functions: expected two callables (forward, inverse)")
        self._functions = (forward, inverse)

    def forward(self, values) -> np.ndarray:
        with np.errstate(all="ignore"):
            return np.asarray(self._functions[0](np.asarray(values, dtype=float)), dtype=float)

    def inverse(self, values) -> np.ndarray:
        with np.errstate(all="ignore"):
            return np.asarray(self._functions[1](np.asarray(values, dtype=float)), dtype=float)


class FuncScaleLog(LogScale):
    """``log(forward(x))`` (matplotlib's 'functionlog'): a function, then a log axis."""

    name = "functionlog"

    def __init__(self, axis=None, functions=None, base: float = 10.0) -> None:
        super().__init__(base=base, nonpositive="clip")
        self._func = FuncScale(functions=functions)

    def forward(self, values) -> np.ndarray:
        return super().forward(self._func.forward(values))

    def inverse(self, values) -> np.ndarray:
        return self._func.inverse(super().inverse(values))

    def transform(self, axis: int) -> Transform:
        return ScaleTransform(self, axis)


class NormScale(ScaleBase):
    """A colorbar's long axis: data through a norm onto 0..1 (the colors' positions),
    with the ticks of the axis scale the norm declares."""

    name = "norm"

    def __init__(self, norm, positions=None) -> None:
        self.norm = norm
        self._positions = positions  # (values, fractions) for uniform discrete bars
        kind, kwargs = norm.axis_scale()
        self._ticks_from = make_scale(kind, **{k: v for k, v in kwargs.items()
                                               if k != "functions"}) \
            if kind not in ("function",) else LinearScale()
        self.domain = self._ticks_from.domain

    def forward(self, values) -> np.ndarray:
        v = np.asarray(values, dtype=float)
        if self._positions is not None:
            return np.interp(v, *self._positions, left=np.nan, right=np.nan)
        with np.errstate(all="ignore"):
            try:
                out = self.norm(v)
            except ValueError:  # a norm that cannot map yet (vmin > vmax): nothing drawn
                return np.full(v.shape, np.nan)
            return np.asarray(np.ma.filled(np.ma.asarray(out, dtype=float), np.nan),
                              dtype=float).reshape(v.shape)

    def inverse(self, values) -> np.ndarray:
        y = np.asarray(values, dtype=float)
        if self._positions is not None:
            return np.interp(y, self._positions[1], self._positions[0])
        with np.errstate(all="ignore"):
            return np.asarray(self.norm.inverse(y), dtype=float).reshape(y.shape)

    def default_tickers(self):
        return self._ticks_from.default_tickers()


class MatplotlibScale(ScaleBase):
    """A matplotlib ``ScaleBase`` object on a lumos axis: its transform on the CPU, its
    default locators and formatters (matplotlib's own objects), its range limits."""

    def __init__(self, mpl_scale) -> None:
        self.mpl = mpl_scale
        self.name = str(getattr(mpl_scale, "name", type(mpl_scale).__name__))

    def _apply(self, t, values) -> np.ndarray:
        v = np.asarray(values, dtype=float)
        with np.errstate(all="ignore"):
            out = t.transform(v.reshape(-1, 1))  # masked where outside the scale's range
        return np.asarray(np.ma.filled(np.ma.asarray(out, dtype=float), np.nan)).reshape(v.shape)

    def forward(self, values) -> np.ndarray:
        return self._apply(self.mpl.get_transform(), values)

    def inverse(self, values) -> np.ndarray:
        return self._apply(self.mpl.get_transform().inverted(), values)

    def limit_range(self, vmin: float, vmax: float,
                    minpos: float = 1e-300) -> tuple[float, float]:
        lo, hi = self.mpl.limit_range_for_scale(vmin, vmax, minpos)
        return float(lo), float(hi)

    def default_tickers(self):
        from .mpl_ticker import CollectingAxis

        probe = CollectingAxis()
        self.mpl.set_default_locators_and_formatters(probe)
        return (probe.major_locator, probe.major_formatter, probe.minor_locator,
                probe.minor_formatter)


_SCALES: dict[str, type] = {
    "linear": LinearScale, "log": LogScale, "symlog": SymLogScale, "asinh": AsinhScale,
    "logit": LogitScale, "function": FuncScale, "functionlog": FuncScaleLog,
}


def register_scale(scale_class) -> None:
    """Make a scale class available by its ``name`` (``ax.set_yscale(name)``): a lumos
    :class:`ScaleBase` subclass or a matplotlib ``ScaleBase`` subclass."""
    name = getattr(scale_class, "name", None)
    if not isinstance(name, str) or not name:
        raise TypeError(f"scale_class: got {scale_class!r}, expected a class with a name")
    _SCALES[name] = scale_class


def scale_names() -> list[str]:
    """Names :func:`make_scale` knows (with matplotlib's registered ones when matplotlib
    is imported)."""
    names = set(_SCALES)
    mscale = sys.modules.get("matplotlib.scale")
    if mscale is not None:
        names |= set(mscale.get_scale_names())
    return sorted(names)


def _is_matplotlib(obj) -> bool:
    cls = obj if isinstance(obj, type) else type(obj)
    return any(c.__module__.split(".")[0] == "matplotlib" for c in cls.__mro__)


def make_scale(name, **kwargs) -> ScaleBase:
    """A scale from its matplotlib name (or a scale object, lumos's or matplotlib's)."""
    if isinstance(name, ScaleBase):
        if kwargs:
            raise TypeError(f"scale: got a scale object and keywords {sorted(kwargs)}")
        return name
    if not isinstance(name, str) and _is_matplotlib(name):
        return MatplotlibScale(name)
    if not isinstance(name, str):
        raise ValueError(f"scale: got {name!r}, expected one of {', '.join(scale_names())}")
    cls = _SCALES.get(name)
    if cls is None:
        mscale = sys.modules.get("matplotlib.scale")
        if mscale is not None and name in mscale.get_scale_names():
            return MatplotlibScale(mscale.scale_factory(name, None, **kwargs))
        raise ValueError(f"scale: got {name!r}, expected one of {', '.join(scale_names())}")
    if _is_matplotlib(cls):
        return MatplotlibScale(cls(None, **kwargs))
    try:
        return cls(**kwargs)
    except TypeError as exc:
        raise TypeError(f"set_{{x,y}}scale({name!r}): {exc}") from None
