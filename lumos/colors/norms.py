"""Norms: data values onto 0..1 before a colormap, with matplotlib's names and semantics.

:class:`Normalize`, :class:`LogNorm`, :class:`SymLogNorm`, :class:`AsinhNorm`,
:class:`PowerNorm`, :class:`CenteredNorm`, :class:`TwoSlopeNorm`, :class:`FuncNorm`,
:class:`BoundaryNorm` (values to color indices) and :class:`NoNorm`; :func:`get_norm`
also wraps matplotlib's norm objects.

What drawing code asks of a norm (declared here, never found from type names):

- ``norm.linear``: whether ``norm(x)`` is ``(x - vmin) / (vmax - vmin)`` (a GPU can apply it
  with two numbers);
- ``norm.axis_scale()``: the axis scale (name, keywords) a colorbar's long axis uses and
  contour levels are picked on: ``'linear'``, ``'log'``, ``'symlog'``, ``'asinh'`` or
  ``'function'``;
- ``norm.discrete_boundaries()``: for norms that bin values (BoundaryNorm), the bin edges
  (a colorbar then draws one block per bin), else None.
"""

from __future__ import annotations

import functools
import math
import sys
from typing import Any

import numpy as np

from .names import _describe, _did_you_mean, is_masked_array

__all__ = [
    "Normalize", "LogNorm", "SymLogNorm", "AsinhNorm", "PowerNorm", "CenteredNorm",
    "TwoSlopeNorm", "FuncNorm", "BoundaryNorm", "NoNorm", "get_norm",
]  # fmt: skip


def _as_float(value: Any) -> tuple[np.ndarray, bool]:
    """A float64 copy with NaN where ``value`` is masked, and whether it was a scalar."""
    if is_masked_array(value):
        x = np.array(np.ma.getdata(value), dtype=np.float64)
        x[np.ma.getmaskarray(value)] = np.nan
    else:
        x = np.array(value, dtype=np.float64)
    if x.ndim == 0:  # 1-d inside, so that item assignment works on it
        return x.reshape(1), True
    return x, False


def _finite_range(a: Any, positive: bool = False) -> tuple[float | None, float | None]:
    """min and max of the finite (and, for log scales, positive) values; None if none."""
    if not is_masked_array(a):  # all values finite (and positive): their min and max,
        x = np.asarray(a, dtype=np.float64)  # without a copy of the kept ones
        if x.size:
            lo, hi = float(x.min()), float(x.max())  # NaN and inf show in them
            if math.isfinite(lo) and math.isfinite(hi) and (lo > 0 or not positive):
                return lo, hi
    x, _ = _as_float(a)
    keep = np.isfinite(x)
    if positive:
        keep &= x > 0
    if not keep.any():
        return None, None
    x = x[keep]
    return float(x.min()), float(x.max())


def _opt_float(v: Any) -> float | None:
    return None if v is None else float(v)


class Normalize:
    """Map ``[vmin, vmax]`` linearly onto ``[0, 1]``, like ``matplotlib.colors.Normalize``.

    Unset limits come from the data on the first call (finite values only). Values
    outside the limits map below 0 or above 1 unless ``clip``. The result is float64
    with NaN where the input is NaN, masked or outside the scale's domain.
    """

    _positive = False  # whether the scale only takes values > 0 (log)
    #: whether ``norm(x)`` is ``(x - vmin) / (vmax - vmin)`` (drawing code may apply it
    #: on the GPU from the two limits)
    linear = True

    def __init__(self, vmin: float | None = None, vmax: float | None = None, clip: bool = False):
        self.vmin = _opt_float(vmin)
        self.vmax = _opt_float(vmax)
        self.clip = clip

    def axis_scale(self) -> tuple[str, dict]:
        """The axis scale that shows this norm's values evenly in color: what a
        colorbar's long axis uses and contour levels are picked on (matplotlib's colorbar
        does the same). A name and its keywords for :func:`lumos.plot.scale.make_scale`."""
        if self.linear:
            return "linear", {}
        return "function", {"functions": (self, self.inverse)}

    def discrete_boundaries(self) -> np.ndarray | None:
        """Bin edges when the norm puts values into bins (BoundaryNorm), else None."""
        return None

    def __repr__(self) -> str:
        return f"{type(self).__name__}(vmin={self.vmin}, vmax={self.vmax})"

    def state(self) -> tuple:
        """What ``norm(x)`` depends on, to compare with an earlier state: every setting
        (``vmin``, ``vmax``, ``clip``, a subclass's ``gamma``, ``boundaries``, ...). An
        artist colored through this norm recolors when it changed in place
        (``im.norm.vmin = 0``), as matplotlib reads the norm at each draw."""
        return tuple(v.tobytes() if isinstance(v, np.ndarray) else v
                     for v in vars(self).values())

    def scaled(self) -> bool:
        """Whether both limits are set."""
        return self.vmin is not None and self.vmax is not None

    def autoscale(self, A: Any) -> None:
        """Set both limits to the range of ``A``."""
        self.vmin = self.vmax = None
        self.autoscale_None(A)

    def autoscale_None(self, A: Any) -> None:
        """Set the limits that are None to the range of ``A``'s finite values."""
        lo, hi = _finite_range(A, self._positive)
        if self.vmin is None:
            self.vmin = lo
        if self.vmax is None:
            self.vmax = hi

    # The scale, as a monotonic function; subclasses replace these two.
    def _forward(self, x: np.ndarray) -> np.ndarray:
        return x

    def _inverse(self, y: np.ndarray) -> np.ndarray:
        return y

    def _limits(self) -> tuple[float, float]:
        vmin, vmax = float(self.vmin), float(self.vmax)  # type: ignore[arg-type]
        if vmin > vmax:
            raise ValueError(f"{type(self).__name__}: vmin ({vmin}) must be <= vmax ({vmax})")
        return vmin, vmax

    def _scale(self, x: np.ndarray, vmin: float, vmax: float) -> np.ndarray:
        t_min, t_max = self._forward(np.array([vmin, vmax]))
        if not (np.isfinite(t_min) and np.isfinite(t_max)):
            raise ValueError(
                f"{type(self).__name__}: invalid vmin or vmax ({vmin}, {vmax}) for this scale"
            )
        return (self._forward(x) - t_min) / (t_max - t_min)

    def __call__(self, value: Any, clip: bool | None = None) -> Any:
        """Normalized values: a float64 array, or a float for a scalar."""
        x, scalar = _as_float(value)
        if not self.scaled():
            self.autoscale_None(x)
        if not self.scaled():  # no finite data to scale by: nothing to show
            out = np.full_like(x, np.nan)
        else:
            vmin, vmax = self._limits()
            if vmin == vmax:
                out = np.where(np.isnan(x), np.nan, 0.0)
            else:
                if self.clip if clip is None else clip:
                    x = np.clip(x, vmin, vmax)  # NaN stays NaN
                with np.errstate(invalid="ignore", divide="ignore"):
                    out = self._scale(x, vmin, vmax)
        return float(out[0]) if scalar else out

    def inverse(self, value: Any) -> Any:
        """Data values for normalized values."""
        if not self.scaled():
            raise ValueError(f"{type(self).__name__}: not invertible until vmin/vmax are set")
        y, scalar = _as_float(value)
        vmin, vmax = self._limits()
        t_min, t_max = self._forward(np.array([vmin, vmax]))
        with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
            out = self._inverse(t_min + y * (t_max - t_min))
        return float(out[0]) if scalar else out


class LogNorm(Normalize):
    """Logarithmic scale; values <= 0 give NaN (matplotlib masks them)."""

    _positive = True
    linear = False

    def axis_scale(self) -> tuple[str, dict]:
        return "log", {"base": 10.0}

    def _forward(self, x: np.ndarray) -> np.ndarray:
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(x > 0, np.log10(np.where(x > 0, x, 1.0)), np.nan)

    def _inverse(self, y: np.ndarray) -> np.ndarray:
        return np.power(10.0, y)


class SymLogNorm(Normalize):
    """Linear within ``±linthresh`` and logarithmic outside, like matplotlib's SymLogNorm.

    ``linscale`` stretches the linear part (in decades); ``base`` is the logarithm's.
    """

    def __init__(
        self,
        linthresh: float,
        linscale: float = 1.0,
        vmin: float | None = None,
        vmax: float | None = None,
        clip: bool = False,
        *,
        base: float = 10,
    ):
        super().__init__(vmin, vmax, clip)
        if not linthresh > 0:
            raise ValueError(f"linthresh: got {linthresh}, expected a number > 0")
        if not linscale > 0:
            raise ValueError(f"linscale: got {linscale}, expected a number > 0")
        if not base > 1:
            raise ValueError(f"base: got {base}, expected a number > 1")
        self.linthresh, self.linscale, self.base = float(linthresh), float(linscale), float(base)

    linear = False

    def axis_scale(self) -> tuple[str, dict]:
        return "symlog", {"linthresh": self.linthresh, "linscale": self.linscale,
                          "base": self.base}

    @property
    def _linscale_adj(self) -> float:
        return self.linscale / (1.0 - 1.0 / self.base)

    def _forward(self, x: np.ndarray) -> np.ndarray:
        a = np.abs(x)
        with np.errstate(divide="ignore", invalid="ignore"):
            log_part = (
                np.sign(x)
                * self.linthresh
                * (self._linscale_adj + np.log(a / self.linthresh) / math.log(self.base))
            )
        return np.where(a <= self.linthresh, x * self._linscale_adj, log_part)

    def _inverse(self, y: np.ndarray) -> np.ndarray:
        a = np.abs(y)
        with np.errstate(over="ignore"):
            log_part = (
                np.sign(y)
                * self.linthresh
                * np.power(self.base, a / self.linthresh - self._linscale_adj)
            )
        return np.where(a <= self.linthresh * self._linscale_adj, y / self._linscale_adj, log_part)


class PowerNorm(Normalize):
    """``((x - vmin) / (vmax - vmin)) ** gamma``; like matplotlib, only the part above
    ``vmin`` is raised to the power, so values below ``vmin`` still map below 0."""

    def __init__(
        self,
        gamma: float,
        vmin: float | None = None,
        vmax: float | None = None,
        clip: bool = False,
    ):
        super().__init__(vmin, vmax, clip)
        self.gamma = float(gamma)

    linear = False

    def _scale(self, x: np.ndarray, vmin: float, vmax: float) -> np.ndarray:
        y = (x - vmin) / (vmax - vmin)
        pos = y > 0
        y[pos] = np.power(y[pos], self.gamma)
        return y

    def inverse(self, value: Any) -> Any:
        if not self.scaled():
            raise ValueError("PowerNorm: not invertible until vmin/vmax are set")
        y, scalar = _as_float(value)
        vmin, vmax = self._limits()
        pos = y > 0
        y[pos] = np.power(y[pos], 1.0 / self.gamma)
        out = y * (vmax - vmin) + vmin
        return float(out[0]) if scalar else out


class CenteredNorm(Normalize):
    """Linear, symmetric about ``vcenter``: the limits are ``vcenter ± halfrange``.

    Without ``halfrange`` it is the largest distance of the data from ``vcenter``.
    """

    def __init__(self, vcenter: float = 0.0, halfrange: float | None = None, clip: bool = False):
        self.vcenter = float(vcenter)
        self.halfrange = _opt_float(None if halfrange is None else abs(halfrange))
        self.clip = clip

    @property  # type: ignore[override]
    def vmin(self) -> float | None:
        """``vcenter - halfrange`` (None before autoscaling); setting it sets ``halfrange``."""
        return None if self.halfrange is None else self.vcenter - self.halfrange

    @vmin.setter
    def vmin(self, value: float | None) -> None:
        self.halfrange = None if value is None else abs(self.vcenter - float(value))

    @property  # type: ignore[override]
    def vmax(self) -> float | None:
        """``vcenter + halfrange`` (None before autoscaling); setting it sets ``halfrange``."""
        return None if self.halfrange is None else self.vcenter + self.halfrange

    @vmax.setter
    def vmax(self, value: float | None) -> None:
        self.halfrange = None if value is None else abs(float(value) - self.vcenter)

    def autoscale(self, A: Any) -> None:
        self.halfrange = None
        self.autoscale_None(A)

    def autoscale_None(self, A: Any) -> None:
        if self.halfrange is None:
            lo, hi = _finite_range(A)
            if lo is not None:
                self.halfrange = max(self.vcenter - lo, hi - self.vcenter)  # type: ignore


class TwoSlopeNorm(Normalize):
    """Two linear pieces: ``[vmin, vcenter]`` onto ``[0, 0.5]`` and ``[vcenter, vmax]``
    onto ``[0.5, 1]``, for diverging colormaps with an off-centre zero."""

    linear = False

    def __init__(self, vcenter: float, vmin: float | None = None, vmax: float | None = None):
        super().__init__(vmin, vmax)
        self.vcenter = float(vcenter)
        if self.vmin is not None and self.vmin >= self.vcenter:
            raise ValueError(f"vmin ({self.vmin}) must be < vcenter ({self.vcenter})")
        if self.vmax is not None and self.vmax <= self.vcenter:
            raise ValueError(f"vmax ({self.vmax}) must be > vcenter ({self.vcenter})")

    def autoscale_None(self, A: Any) -> None:
        super().autoscale_None(A)
        if self.scaled():  # keep vcenter inside, as matplotlib does
            if self.vmin >= self.vcenter:  # type: ignore[operator]
                self.vmin = self.vcenter - (self.vmax - self.vcenter)  # type: ignore
            if self.vmax <= self.vcenter:  # type: ignore[operator]
                self.vmax = self.vcenter + (self.vcenter - self.vmin)  # type: ignore

    def _scale(self, x: np.ndarray, vmin: float, vmax: float) -> np.ndarray:
        if not vmin <= self.vcenter <= vmax:
            raise ValueError("TwoSlopeNorm: vmin, vcenter and vmax must increase")
        return np.interp(x, [vmin, self.vcenter, vmax], [0.0, 0.5, 1.0], -np.inf, np.inf)

    def inverse(self, value: Any) -> Any:
        if not self.scaled():
            raise ValueError("TwoSlopeNorm: not invertible until vmin/vmax are set")
        y, scalar = _as_float(value)
        vmin, vmax = self._limits()
        lo = vmin + 2 * y * (self.vcenter - vmin)
        hi = self.vcenter + (2 * y - 1) * (vmax - self.vcenter)
        out = np.where(y < 0.5, lo, hi)
        return float(out[0]) if scalar else out


class AsinhNorm(Normalize):
    """``linear_width * asinh(x / linear_width)``: linear near zero, logarithmic far
    from it, smooth in between (matplotlib's AsinhNorm)."""

    linear = False

    def __init__(self, linear_width: float = 1.0, vmin: float | None = None,
                 vmax: float | None = None, clip: bool = False):
        super().__init__(vmin, vmax, clip)
        if not linear_width > 0:
            raise ValueError(f"linear_width: got {linear_width}, expected a number > 0")
        self.linear_width = float(linear_width)

    def _forward(self, x: np.ndarray) -> np.ndarray:
        return self.linear_width * np.arcsinh(x / self.linear_width)

    def _inverse(self, y: np.ndarray) -> np.ndarray:
        with np.errstate(over="ignore"):
            return self.linear_width * np.sinh(y / self.linear_width)

    def axis_scale(self) -> tuple[str, dict]:
        return "asinh", {"linear_width": self.linear_width}


class FuncNorm(Normalize):
    """A monotonic scale from two functions ``(forward, inverse)`` (matplotlib's
    FuncNorm): ``(f(x) - f(vmin)) / (f(vmax) - f(vmin))``."""

    linear = False

    def __init__(self, functions, vmin: float | None = None, vmax: float | None = None,
                 clip: bool = False):
        try:
            forward, inverse = functions
        except (TypeError, ValueError):
            raise TypeError(f"functions: got {_describe(functions)}, expected (forward, "
                            "inverse)") from None
        if not (callable(forward) and callable(inverse)):
            raise TypeError("functions: expected two callables (forward, inverse)")
        super().__init__(vmin, vmax, clip)
        self._functions = (forward, inverse)

    def _forward(self, x: np.ndarray) -> np.ndarray:
        with np.errstate(all="ignore"):
            return np.asarray(self._functions[0](x), dtype=np.float64)

    def _inverse(self, y: np.ndarray) -> np.ndarray:
        with np.errstate(all="ignore"):
            return np.asarray(self._functions[1](y), dtype=np.float64)


class NoNorm(Normalize):
    """Values pass unchanged: integers index the colormap's table directly
    (matplotlib's NoNorm)."""

    linear = False

    def __call__(self, value: Any, clip: bool | None = None) -> Any:
        return value

    def inverse(self, value: Any) -> Any:
        return value


class BoundaryNorm(Normalize):
    """Bins between ``boundaries`` to color indices 0..ncolors-1, as matplotlib's.

    With more colors than bins the indices spread over the whole table. ``extend``
    ('neither', 'min', 'max', 'both') adds a bin below the first and/or above the last
    boundary that takes an end color of its own. Values below the first boundary give
    -1 (the colormap's "under" color), at or above the last one ``ncolors`` ("over");
    NaN and masked values come back masked. The result indexes a colormap directly:
    ``cmap(norm(x))``.
    """

    linear = False

    def __init__(self, boundaries, ncolors: int, clip: bool = False, *,
                 extend: str = "neither"):
        if clip and extend != "neither":
            raise ValueError("clip=True is not compatible with extend")
        if extend not in ("neither", "min", "max", "both"):
            raise ValueError(f"extend: got {extend!r}, expected 'neither', 'min', 'max' or "
                             "'both'")
        b = np.asarray(boundaries, dtype=np.float64)
        if b.ndim != 1 or b.size < 2:
            raise ValueError(f"boundaries: got {_describe(boundaries)}, expected at least 2 "
                             "increasing values")
        if np.any(np.diff(b) <= 0):
            raise ValueError("boundaries: expected increasing values")
        super().__init__(b[0], b[-1], clip)
        self.boundaries = b
        self.N = len(b)
        self.Ncmap = int(ncolors)
        self.extend = extend
        self._n_regions = self.N - 1 + (extend in ("min", "both")) + (extend in ("max", "both"))
        self._offset = 1 if extend in ("min", "both") else 0
        if self._n_regions > self.Ncmap:
            raise ValueError(f"ncolors: got {self.Ncmap}, expected at least the "
                             f"{self._n_regions} color bins (extensions included)")

    def __call__(self, value: Any, clip: bool | None = None) -> Any:
        x, scalar = _as_float(value)
        if self.clip if clip is None else clip:
            x = np.clip(x, self.vmin, self.vmax)
        bad = np.isnan(x)
        idx = np.digitize(np.where(bad, self.vmin, x), self.boundaries) - 1 + self._offset
        idx = idx.astype(np.float64)
        if self.Ncmap > self._n_regions:
            if self._n_regions == 1:
                idx[idx == 0] = (self.Ncmap - 1) // 2
            else:
                idx = (self.Ncmap - 1) / (self._n_regions - 1) * idx
        out = idx.astype(np.int16)
        with np.errstate(invalid="ignore"):
            out[x < self.vmin] = -1
            out[x >= self.vmax] = self.Ncmap
        if scalar:
            return np.ma.masked if bad[0] else int(out[0])
        return np.ma.array(out, mask=bad) if bad.any() else out

    def inverse(self, value: Any) -> Any:
        raise ValueError("BoundaryNorm is not invertible")

    def axis_scale(self) -> tuple[str, dict]:
        return "linear", {}

    def discrete_boundaries(self) -> np.ndarray:
        return self.boundaries.copy()


class _ForeignNorm(Normalize):
    """A duck-typed norm (e.g. matplotlib's) behind lumos's interface: NaN, not masks;
    its declared interface (``linear``, ``axis_scale``, ``discrete_boundaries``) read from
    matplotlib's own classes (this adapter is where matplotlib's types are known)."""

    def __init__(self, norm: Any):
        self._norm = norm

    def __repr__(self) -> str:
        return f"_ForeignNorm({self._norm!r})"

    def state(self) -> tuple:
        """The wrapped norm and its limits (what it shares with every norm)."""
        n = self._norm
        return (n, getattr(n, "vmin", None), getattr(n, "vmax", None),
                getattr(n, "clip", None))

    vmin = property(  # type: ignore[assignment]
        lambda self: _opt_float(self._norm.vmin),
        lambda self, v: setattr(self._norm, "vmin", v),
    )
    vmax = property(  # type: ignore[assignment]
        lambda self: _opt_float(self._norm.vmax),
        lambda self, v: setattr(self._norm, "vmax", v),
    )
    clip = property(  # type: ignore[assignment]
        lambda self: bool(getattr(self._norm, "clip", False)),
        lambda self, v: setattr(self._norm, "clip", v),
    )
    #: a BoundaryNorm's extension ('neither', 'min', 'max', 'both')
    extend = property(lambda self: str(getattr(self._norm, "extend", "neither")))

    def _kind(self) -> str:
        mc = sys.modules.get("matplotlib.colors")
        if mc is None:
            return "function"
        for name in ("BoundaryNorm", "NoNorm", "LogNorm", "SymLogNorm", "AsinhNorm",
                     "CenteredNorm"):
            cls = getattr(mc, name, None)
            if cls is not None and isinstance(self._norm, cls):
                return name
        return "Normalize" if type(self._norm) is getattr(mc, "Normalize", None) else "function"

    @property  # type: ignore[override]
    def linear(self) -> bool:
        return self._kind() in ("Normalize", "CenteredNorm")

    def axis_scale(self) -> tuple[str, dict]:
        kind, n = self._kind(), self._norm
        if kind == "LogNorm":
            return "log", {"base": 10.0}
        if kind == "SymLogNorm":  # matplotlib keeps linscale and base to itself
            return "symlog", {"linthresh": float(n.linthresh),
                              "base": float(getattr(n, "base", 10.0))}
        if kind == "AsinhNorm":
            return "asinh", {"linear_width": float(n.linear_width)}
        if kind in ("Normalize", "CenteredNorm", "BoundaryNorm", "NoNorm"):
            return "linear", {}
        return "function", {"functions": (self, self.inverse)}

    def discrete_boundaries(self) -> np.ndarray | None:
        if self._kind() != "BoundaryNorm":
            return None
        return np.asarray(self._norm.boundaries, dtype=np.float64).copy()

    def autoscale_None(self, A: Any) -> None:
        if hasattr(self._norm, "autoscale_None"):
            x, _ = _as_float(A)
            self._norm.autoscale_None(np.ma.masked_invalid(x))
        else:
            super().autoscale_None(A)

    def __call__(self, value: Any, clip: bool | None = None) -> Any:
        x, scalar = _as_float(value)
        if not self.scaled():  # here, so that inf does not become a limit
            self.autoscale_None(x)
        masked = np.ma.masked_where(np.isnan(x), x)
        result = self._norm(masked) if clip is None else self._norm(masked, clip=clip)
        if self._kind() in ("BoundaryNorm", "NoNorm"):
            return result  # color indices: matplotlib's own result (ints, masked)
        out = np.ma.filled(np.ma.asarray(result).astype(np.float64), np.nan)
        return float(out[0]) if scalar else np.asarray(out, dtype=np.float64).reshape(x.shape)

    def inverse(self, value: Any) -> Any:
        return self._norm.inverse(value)


def get_norm(
    norm: Any = None,
    vmin: float | None = None,
    vmax: float | None = None,
    *,
    argname: str = "norm",
) -> Normalize:
    """The norm for a plotting call's ``norm``, ``vmin`` and ``vmax`` arguments.

    ``norm`` is None (linear), ``'linear'``, ``'log'``, ``'symlog'`` (linthresh 2, as
    matplotlib's scale), a lumos norm, or any object with ``vmin``/``vmax`` that is
    callable (a matplotlib norm), which is wrapped so it returns NaN, not masks.
    """
    if norm is None or isinstance(norm, str):
        kinds = {"linear": Normalize, "log": LogNorm, "symlog": functools.partial(SymLogNorm, 2.0)}
        key = "linear" if norm is None else norm
        if key not in kinds:
            raise ValueError(
                f"{argname}: got {norm!r}, expected 'linear', 'log', 'symlog' or a norm"
                + _did_you_mean(key, list(kinds))
            )
        return kinds[key](vmin=vmin, vmax=vmax)
    if vmin is not None or vmax is not None:
        raise ValueError(
            f"{argname}: pass vmin/vmax to the norm, not beside it "
            f"(got vmin={vmin}, vmax={vmax} with {type(norm).__name__})"
        )
    if isinstance(norm, Normalize):
        return norm
    if callable(norm) and hasattr(norm, "vmin") and hasattr(norm, "vmax"):
        return _ForeignNorm(norm)
    raise TypeError(
        f"{argname}: got {type(norm).__name__} {_describe(norm)}, expected a norm "
        "(Normalize, LogNorm, ...) or 'linear', 'log', 'symlog'"
    )
