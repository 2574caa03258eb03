"""A line's data apart from its drawing: the view of its x or y data that records the
rows that change (``line.ydata[i:j] = v``, :class:`DataView`), the finite range of a
long array without copying it, and matplotlib's step styles (``drawstyle='steps-pre'``,
``fill_between(step=)``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from .lines import Line2D


class DataView:
    """A line's x or y data that records what changes: ``line.ydata[i:j] = v`` changes
    rows i:j and uploads only those. Reading gives numpy arrays (copies), so the line
    never changes behind its back; ``np.asarray(line.ydata)`` works."""

    def __init__(self, line: Line2D, axis: int) -> None:
        self._line = line
        self._axis = axis

    def _values(self) -> np.ndarray:
        return self._line._x if self._axis == 0 else self._line._y

    def __len__(self) -> int:
        return len(self._values())

    @property
    def shape(self) -> tuple[int, ...]:
        """The shape of the data."""
        return self._values().shape

    @property
    def dtype(self) -> np.dtype:
        """The dtype of the data."""
        return self._values().dtype

    def __array__(self, dtype=None, copy=None) -> np.ndarray:
        return np.array(self._values(), dtype=dtype, copy=True)

    def __getitem__(self, key):
        item = self._values()[key]
        return item.copy() if isinstance(item, np.ndarray) else item

    def __setitem__(self, key, value) -> None:
        self._line._set_rows(self._axis, key, value)

    def __iter__(self):
        return iter(self._values().copy())

    def __repr__(self) -> str:
        return f"DataView({self._values()!r})"


def finite_range(v: np.ndarray, positive: bool) -> tuple[float, float] | None:
    """Min and max of the finite (and, for log axes, positive) values, in chunks so a
    long line is never copied."""
    lo, hi = np.inf, -np.inf
    step = 1 << 20
    for i in range(0, len(v), step):
        part = v[i : i + step]
        a, b = part.min(initial=np.inf), part.max(initial=-np.inf)
        if np.isfinite(a) and np.isfinite(b) and (not positive or a > 0):
            lo, hi = min(lo, a), max(hi, b)  # all finite (NaN and inf would show): 2 passes
            continue
        ok = np.isfinite(part)
        if positive:
            ok &= part > 0
        if ok.all():
            lo, hi = min(lo, part.min()), max(hi, part.max())
        elif ok.any():
            lo, hi = min(lo, part[ok].min()), max(hi, part[ok].max())
    return None if lo > hi else (float(lo), float(hi))


def drawstyle_points(x: np.ndarray, y: np.ndarray, style: str) -> tuple[np.ndarray, np.ndarray]:
    """The vertices of a step line (matplotlib's drawstyle)."""
    if style == "default" or x.size < 2:
        return x, y
    kind = {"steps": "pre", "steps-pre": "pre", "steps-post": "post", "steps-mid": "mid"}
    return step_points(kind[style], x, y)


def step_points(kind: str, t: np.ndarray, *ys: np.ndarray) -> tuple[np.ndarray, ...]:
    """matplotlib's ``pts_to_prestep`` / ``poststep`` / ``midstep`` (step lines and
    fill_between(step=)): pre rises at the start of each interval, post at its end."""
    n = len(t)
    if n == 0:
        return (t, *ys)
    if kind == "mid":
        out = np.zeros((1 + len(ys), 2 * n))
        mid = (t[:-1] + t[1:]) / 2
        out[0, 1:-1:2] = mid
        out[0, 2::2] = mid
        out[0, 0], out[0, -1] = t[0], t[-1]
        for k, y in enumerate(ys, 1):
            out[k, 0::2] = y
            out[k, 1::2] = y
        return tuple(out)
    out = np.zeros((1 + len(ys), max(2 * n - 1, 0)))
    if kind == "pre":
        out[0, 0::2] = t
        out[0, 1::2] = t[:-1]
        for k, y in enumerate(ys, 1):
            out[k, 0::2] = y
            out[k, 1::2] = y[1:]
    else:  # post
        out[0, 0::2] = t
        out[0, 1::2] = t[1:]
        for k, y in enumerate(ys, 1):
            out[k, 0::2] = y
            out[k, 1::2] = y[:-1]
    return tuple(out)
