"""The argument helpers that lumos's Axes plotting methods share: matplotlib's keyword
aliases resolved and checked, numbers (dates and categories through the axis) as float64
arrays, lengths broadcast, choices checked, datasets split as matplotlib's ``_reshape_2D``.
"""

from __future__ import annotations

import numpy as np

from . import category, validate
from .artists import as_1d, sanitize_sequence

# matplotlib's short names, for patches and collections
_ALIASES = {"c": "color", "lw": "linewidth", "ls": "linestyle", "ec": "edgecolor",
            "fc": "facecolor", "linewidths": "linewidth", "edgecolors": "edgecolor",
            "facecolors": "facecolor", "linestyles": "linestyle", "colors": "color",
            "aa": "antialiased", "antialiaseds": "antialiased"}


def normalize_kwargs(kwargs: dict, where: str, allowed: tuple[str, ...]) -> dict:
    """Aliases resolved, values checked; anything not in ``allowed`` is a TypeError
    naming it."""
    return validate.keywords(kwargs, _ALIASES, where, allowed)


def float_values(values, argument: str, axis=None) -> np.ndarray:
    """A float64 copy of numbers (scalar or 1-D); dates, time deltas and strings
    (categories) through the axis."""
    values = sanitize_sequence(values)
    if axis is not None:  # a script's unit converter (lumos.plot.units) may take them
        values = axis.process_units(values)
    if axis is not None and category.is_categorical(values) and (
            axis.units is not None or not isinstance(values, (str, bytes))):
        # a sequence of strings is categories; one string names one of them
        return np.asarray(axis.convert(values), dtype=float)
    if isinstance(values, np.timedelta64) or (isinstance(values, np.ndarray)
                                               and values.dtype.kind == "m"):
        arr = np.array(values, copy=True)  # as_1d takes no time deltas
    else:
        arr = as_1d(values, argument)
    if axis is not None and arr.dtype.kind in "Mm":
        return np.asarray(axis.convert(arr), dtype=float).reshape(arr.shape)
    if arr.dtype.kind in "Mm":
        raise TypeError(f"{argument}: got {arr.dtype} values, expected numbers")
    return arr.astype(float)


def broadcast_1d(**named: np.ndarray) -> list[np.ndarray]:
    """1-D arrays of one common length (scalars and length 1 broadcast); a ValueError
    names the two arguments whose lengths differ."""
    arrays = {k: np.atleast_1d(v) for k, v in named.items()}
    for k, v in arrays.items():
        if v.ndim > 1:
            raise ValueError(f"{k}: got shape {v.shape}, expected a number or a 1-D array")
    n, first = 1, None
    for k, v in arrays.items():
        if v.size != 1:
            if first is not None and v.size != n:
                raise ValueError(f"{first} and {k} must have the same length: got {n} and "
                                 f"{v.size}")
            n, first = v.size, k
    return [np.broadcast_to(v, (n,)).copy() for v in arrays.values()]


def check_choice(value, argument: str, choices: tuple) -> None:
    """A ValueError naming ``argument`` unless ``value`` is one of ``choices``."""
    if value not in choices:
        raise ValueError(f"{argument}: got {value!r}, expected one of "
                         f"{', '.join(repr(c) for c in choices)}")


def reshape_2d(x, argument: str) -> list:
    """matplotlib's ``_reshape_2D``: one dataset, or a list of datasets (columns of a 2-D
    array, or the items of a list of sequences)."""
    if isinstance(x, str):
        raise TypeError(f"{argument}: got str, expected numbers")
    if isinstance(x, np.ndarray):
        if x.ndim <= 1:
            return [x.reshape(-1)]
        if x.ndim == 2:
            return [x[:, i] for i in range(x.shape[1])]
        raise ValueError(f"{argument}: got shape {x.shape}, expected 1 or 2 dimensions")
    items = list(x) if np.iterable(x) else [x]
    if items and all(np.iterable(i) and not isinstance(i, str) for i in items):
        return [np.asanyarray(i) for i in items]  # masked arrays stay masked
    return [np.asarray(items)]
