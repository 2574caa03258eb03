"""Plotting arguments checked at the call, under the name the user spelled.

Every plotting entry point resolves its keywords here (``c`` → color, ``lw`` →
linewidth...) and checks each value by what it means, so ``plot(lw=nan)`` fails at the
call with ``lw: got nan, expected a finite number >= 0`` instead of breaking every later
save of the figure, and a refused call leaves the figure as it was. One table
(:data:`CHECKS`) serves all entry points: a keyword's check is written once.

>>> keywords({"lw": 2, "c": "r"}, ALIASES)
{'linewidth': 2, 'color': 'r'}
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable

import numpy as np

from .. import colors
from ..gpu.budget import check_memory

# matplotlib's short names (Line2D's and the collections')
ALIASES = {"c": "color", "lw": "linewidth", "ls": "linestyle", "ms": "markersize",
           "mfc": "markerfacecolor", "mec": "markeredgecolor", "mew": "markeredgewidth",
           "ec": "edgecolor", "fc": "facecolor", "aa": "antialiased"}


def _describe(value) -> str:
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape} ({value.dtype})"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def number(value, argument: str, minimum: float | None = None,
           maximum: float | None = None, exclusive: bool = False) -> float:
    """A finite float in ``[minimum, maximum]`` (``minimum`` excluded when
    ``exclusive``), or a TypeError/ValueError naming ``argument``."""
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value[()]
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise TypeError(f"{argument}: got {type(value).__name__} {_describe(value)}, "
                        "expected a number")
    v = float(value)
    low = minimum is None or (v > minimum if exclusive else v >= minimum)
    high = maximum is None or v <= maximum
    if not (math.isfinite(v) and low and high):
        bounds = []
        if minimum is not None:
            bounds.append(f"{'>' if exclusive else '>='} {minimum:g}")
        if maximum is not None:
            bounds.append(f"<= {maximum:g}")
        if minimum is not None and maximum is not None and not exclusive:
            bounds = [f"in {minimum:g}..{maximum:g}"]
        raise ValueError(f"{argument}: got {value!r}, expected a finite number"
                         f"{' ' + ' and '.join(bounds) if bounds else ''}")
    return v


def integer(value, argument: str, minimum: int | None = None,
            maximum: int | None = None) -> int:
    """An int in ``[minimum, maximum]``, or an error naming ``argument``."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{argument}: got {type(value).__name__} {_describe(value)}, "
                        "expected an integer")
    v = int(value)
    if (minimum is not None and v < minimum) or (maximum is not None and v > maximum):
        span = f">= {minimum}" if maximum is None else f"in {minimum}..{maximum}"
        raise ValueError(f"{argument}: got {v:,}, expected an integer {span}")
    return v


def flag(value, argument: str) -> bool:
    """A bool from True/False, numpy bools or the integers 0 and 1 (matplotlib scripts
    pass ``rasterized=1``), or a TypeError naming ``argument``."""
    if isinstance(value, (bool, np.bool_)) or (
            isinstance(value, numbers.Integral) and value in (0, 1)):
        return bool(value)
    raise TypeError(f"{argument}: got {value!r}, expected True or False")


def numbers_array(value, argument: str, real_part: bool = False) -> np.ndarray:
    """Numeric input (any shape) as an array, with ragged nesting refused by name rather
    than by numpy's messages. Complex numbers are refused too, or with ``real_part``
    (coordinates) cast to their real part with numpy's ComplexWarning, as matplotlib's
    conversion of coordinates to floats does."""
    if isinstance(value, np.ndarray):
        arr = value
    else:
        try:
            arr = np.asarray(value)
        except ValueError as e:  # numpy: "inhomogeneous shape after 1 dimensions"
            raise ValueError(f"{argument}: got nested sequences of different lengths, "
                             "expected a rectangular array of numbers") from e
    if arr.dtype.kind == "c" and real_part:
        return arr.astype(arr.real.dtype)  # numpy warns: "Casting complex values to real..."
    if arr.dtype.kind == "c":
        raise TypeError(f"{argument}: got complex numbers ({arr.dtype}), expected real "
                        "numbers (pass .real, .imag or abs() of them)")
    return arr


def _nonnegative(value, argument: str):
    """A number >= 0 or an array of them (per-item widths of a collection)."""
    if value is None:
        return None
    if np.ndim(value) == 0 and not isinstance(value, str):
        return number(value, argument, 0.0)
    arr = numbers_array(value, argument)
    if arr.dtype.kind not in "biuf":
        raise TypeError(f"{argument}: got {_describe(value)}, expected numbers >= 0")
    if arr.size and not (np.isfinite(arr).all() and arr.min() >= 0):
        raise ValueError(f"{argument}: got {_describe(value)}, expected finite numbers >= 0")
    return value


def sizes(value, argument: str = "s"):
    """Marker areas: a number >= 0, or an array of them where NaN skips a point (as in
    matplotlib)."""
    if np.ndim(value) == 0 and not isinstance(value, str):
        return number(value, argument, 0.0)
    arr = numbers_array(value, argument)
    if arr.dtype.kind not in "biuf":
        raise TypeError(f"{argument}: got {_describe(value)}, expected numbers >= 0")
    bad = np.isinf(arr) | (arr < 0)
    if bad.any():
        first = float(arr[bad][0])
        raise ValueError(f"{argument}: got {_describe(value)} with {first!r}, expected "
                         "numbers >= 0 (NaN skips a point)")
    return value


def alpha(value, argument: str = "alpha"):
    """None, a number in 0..1, or an array of them (imshow's and scatter's per-item
    alpha)."""
    if value is None:
        return None
    if np.ndim(value) == 0 and not isinstance(value, str):
        return number(value, argument, 0.0, 1.0)
    arr = numbers_array(value, argument)
    if arr.dtype.kind not in "biuf":
        raise TypeError(f"{argument}: got {_describe(value)}, expected numbers in 0..1")
    if arr.size and not (np.isfinite(arr).all() and arr.min() >= 0 and arr.max() <= 1):
        raise ValueError(f"{argument}: got {_describe(value)}, expected numbers in 0..1")
    return value


def color(value, argument: str = "color"):
    """None, one color or a list of colors, checked by ``lumos.colors``."""
    if value is None or (isinstance(value, str) and value in ("face", "auto", "inherit")):
        return value
    try:
        flat = np.ndim(value) == 1
    except ValueError:  # a ragged list: colors of mixed kinds, ('r', (1, 1, 0), '0.5')
        flat = False
    if isinstance(value, str) or flat and len(value) in (3, 4) and all(
            isinstance(v, numbers.Real) for v in value):
        colors.to_rgba(value, argname=argument)
    else:
        colors.to_rgba_array(value, argname=argument)
    return value


def finite(value, argument: str):
    """None or a finite number."""
    return None if value is None else number(value, argument)


def rotation(value, argument: str = "rotation"):
    """Degrees (a finite number), 'horizontal' or 'vertical'."""
    if isinstance(value, str):
        if value not in ("horizontal", "vertical"):
            raise ValueError(f"{argument}: got {value!r}, expected degrees, 'horizontal' or "
                             "'vertical'")
        return value
    return number(value, argument)


def clim(vmin, vmax, names: tuple[str, str] = ("vmin", "vmax")) -> None:
    """``vmin``/``vmax``: each None or finite, and ``vmin <= vmax`` when both are given."""
    lo, hi = finite(vmin, names[0]), finite(vmax, names[1])
    if lo is not None and hi is not None and lo > hi:
        raise ValueError(f"{names[0]} and {names[1]}: got {vmin!r} > {vmax!r}, expected "
                         f"{names[0]} <= {names[1]}")


# what each keyword means, by its full name
CHECKS: dict[str, Callable] = {
    "linewidth": _nonnegative, "markersize": _nonnegative, "markeredgewidth": _nonnegative,
    "elinewidth": _nonnegative, "capsize": _nonnegative, "capthick": _nonnegative,
    "s": sizes, "linewidths": _nonnegative, "edgecolors": color, "colors": color,
    "alpha": alpha, "zorder": finite, "rotation": rotation,
    "color": color, "edgecolor": color, "facecolor": color, "markerfacecolor": color,
    "markeredgecolor": color, "ecolor": color,
}


def check(**named) -> None:
    """Check arguments passed by name: ``check(lw=lw, alpha=alpha)`` (aliases resolve to
    the check of the full name; names without one pass)."""
    for key, value in named.items():
        fn = CHECKS.get(ALIASES.get(key, key))
        if fn is not None and value is not None:
            fn(value, key)


class UnknownPropertyError(TypeError, AttributeError):
    """A keyword of ``set(**props)`` that names no property: a TypeError, as lumos raises
    for every keyword it does not take, and an AttributeError, as matplotlib's ``set``
    raises (scripts catch either)."""


def set_by_setters(obj, kwargs: dict, where: str, aliases: dict | None = None) -> None:
    """matplotlib's ``set(**props)``: each keyword, under its full name (``aliases``), through
    ``obj.set_<name>``; every name is checked before any is set, and one naming no setter
    is an :class:`UnknownPropertyError` naming it as spelled, from ``where``."""
    props, spelled = {}, {}
    for key, value in kwargs.items():
        name = aliases.get(key, key) if aliases else key
        if name in props:
            raise TypeError(f"{where}: got {spelled[name]!r} and {key!r}, expected one of them")
        if not callable(getattr(obj, f"set_{name}", None)):
            raise UnknownPropertyError(f"{where}: unexpected keyword argument {key!r}")
        props[name], spelled[name] = value, key
    for name, value in props.items():
        getattr(obj, f"set_{name}")(value)


def keywords(kwargs: dict, aliases: dict, where: str | None = None,
             allowed: tuple[str, ...] | None = None) -> dict:
    """Keywords under their full names (``aliases``), each value checked under the name
    the user spelled; a name given twice (``lw`` and ``linewidth``) or, with ``allowed``,
    one not in it is a TypeError naming it."""
    out, spelled = {}, {}
    for key, value in kwargs.items():
        name = aliases.get(key, key)
        if name in out:
            raise TypeError(f"{where or 'keywords'}: got {spelled[name]!r} and {key!r}, "
                            "expected one of them")
        out[name], spelled[name] = value, key
    if allowed is not None:
        unknown = sorted(spelled[k] for k in set(out) - set(allowed))
        if unknown:
            raise TypeError(f"{where}: unexpected keyword arguments {unknown}")
    for name, value in out.items():
        if name in _FROM_STRING and isinstance(value, str):
            value = out[name] = _from_string(value, spelled[name])
        fn = CHECKS.get(name)
        if fn is not None and value is not None:
            fn(value, spelled[name])
    return out


# widths matplotlib's Line2D takes float() of, so that mew="1" draws (as in real scripts)
_FROM_STRING = frozenset({"linewidth", "markersize", "markeredgewidth"})


def _from_string(value: str, argument: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise TypeError(f"{argument}: got {value!r}, expected a number >= 0") from None


def points(n: int, argument: str, bytes_per_point: int, what: str = "points",
           reduce: str = "pass fewer points (decimate them, or pass a lazy array: h5py, "
                         "zarr, Dask or a numpy memmap, which lumos reads per view)") -> None:
    """Refuse ``n`` points (bars, levels: ``what``) that would need more than the memory
    budget (their copies at about ``bytes_per_point`` each), before anything is copied."""
    check_memory(float(n) * bytes_per_point, f"{argument}: {n:,} {what}", reduce)


def size_of(values) -> int:
    """How many numbers ``values`` holds, without converting it (a broadcast array or a
    lazy array is not expanded; a list is already in memory)."""
    if hasattr(values, "shape") and hasattr(values, "size"):
        return int(values.size)
    return len(values) if hasattr(values, "__len__") and not isinstance(values, str) else 1


def figsize(w, h, argument: str = "figsize") -> tuple[float, float]:
    """(width, height) in inches: two finite numbers > 0."""
    try:
        fw, fh = float(w), float(h)
    except (TypeError, ValueError):
        raise TypeError(f"{argument}: got ({w!r}, {h!r}), expected (width, height) in "
                        "inches") from None
    if not (fw > 0 and fh > 0 and math.isfinite(fw) and math.isfinite(fh)):
        raise ValueError(f"{argument}: got ({w!r}, {h!r}), expected positive finite "
                         "(width, height) in inches")
    return fw, fh



#: the most lines one ``plot`` call makes (one artist per column: each costs about a
#: millisecond and a few KiB, so 10^6 columns would take many minutes)
MAX_LINES = 10_000
#: what a point costs while it is made and drawn (measured peak memory over the call and
#: the first render, 4·10^6 random points): a line's float64 rows, the positions the batch
#: draws and the float32 GPU rows; markers (and scatter, drawn as markers or counted per
#: pixel) hold sizes, colors and the instanced rows besides
LINE_BYTES_PER_POINT = 32
MARKER_BYTES_PER_POINT = 192
#: an axes, made and drawn once (measured: 400 axes of a 20 x 20 grid took 205 MB)
AXES_BYTES = 512 * 1024
#: hist: a value's float64 copy, its finite mask and the finite copy
HIST_BYTES_PER_VALUE = 24
#: hist: a bar's counts, edges and rectangle (measured: 1.3 GB for 10^6 bins)
BAR_BYTES = 1280
#: contour: one level's lines and labels on a small grid (measured: 16-22 KiB), plus its
#: share of the grid's cells
LEVEL_BYTES = 16 * 1024


def lines(ncols: int, npoints: int, argument: str, markers: bool = False) -> None:
    """Refuse a ``plot`` of ``ncols`` columns of ``npoints`` each that would make more
    than :data:`MAX_LINES` lines or need more than the memory budget."""
    if ncols > MAX_LINES:
        raise ValueError(
            f"{argument}: got {ncols:,} columns, which would make {ncols:,} lines (at most "
            f"{MAX_LINES:,} per call, each an artist of its own); draw them as one "
            "LineCollection (ax.add_collection) or pass fewer columns")
    points(ncols * npoints, argument,
           MARKER_BYTES_PER_POINT if markers else LINE_BYTES_PER_POINT)


def colorizer_mapping(where: str, colorizer, cmap=None, norm=None, vmin=None, vmax=None):
    """``(cmap, norm)`` of a plotting call's matplotlib ``colorizer=`` (a
    ``matplotlib.colorizer.Colorizer``: one colormap and norm shared by the artists given
    it), or ``cmap`` and ``norm`` as given without one. As matplotlib, a colorizer
    beside ``cmap``, ``norm``, ``vmin`` or ``vmax`` is a ValueError."""
    if colorizer is None:
        return cmap, norm
    both = [n for n, v in (("cmap", cmap), ("norm", norm), ("vmin", vmin), ("vmax", vmax))
            if v is not None]
    if both:
        raise ValueError(f"{where}: got colorizer and {', '.join(both)}; expected one of "
                         "them (give the colorizer its cmap and norm)")
    if not (hasattr(colorizer, "cmap") and hasattr(colorizer, "norm")):
        raise TypeError(f"colorizer: got {type(colorizer).__name__}, expected a matplotlib "
                        "Colorizer (an object with cmap and norm)")
    return colorizer.cmap, colorizer.norm
