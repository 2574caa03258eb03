"""Level of detail for x-sorted lines: a min/max pyramid built once, queried per view.

A line of N points shown on P pixel columns needs no more than a few vertices per
column to look the same: the lowest and highest point of every column, in the order
they occur. The pyramid stores, for bins of 8, 16, 32, ... points, the index of each
bin's minimum and maximum, so a view of any range costs O(P) to decimate instead of
O(N) (datashader and plotly-resampler do this on the CPU per request; we do it once).

Memory: the pyramid holds indices, never values: two int32 and one bool per bin, about
2.25 bytes per point over all levels. It is built in chunks, so building it never
holds more than a few MB of temporaries, and queries never copy the line.
"""

from __future__ import annotations

import bisect

import numpy as np

_FIRST_LEVEL = 3  # bins of 8 points: finer levels are cheaper to read from the raw data
_CHUNK = 1 << 16  # bins per chunk while building the first level (bounded temporaries)
# Up to this many points per pixel column the raw points are as cheap as an envelope.
# Beyond, every column shows the lowest and highest point of each of its 1 to 2 bins,
# at their own x, in order: the same pixels as the full line up to where the segments
# joining neighbouring extremes cross a column (antialiasing-level differences).
_RAW_PER_COLUMN = 4


class MinMaxPyramid:
    """Min/max indices per bin of an x-sorted line, for bins of 2**k points (k >= 3).

    ``x`` and ``y`` are float64 1D arrays (views are fine: nothing is copied); they must
    stay alive and x-sorted. After changing ``y[start:stop]`` in place, ``update(start,
    stop)`` recomputes the bins that hold those points (O(stop - start + levels)).
    NaN/inf values in y are skipped inside a bin; a bin that holds one ends with a break.
    """

    def __init__(self, x: np.ndarray, y: np.ndarray) -> None:
        self.x = x
        self.y = y
        n = len(y)
        self._itype = np.int32 if n < 2**31 - 1 else np.int64
        self.levels: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        self.has_nan = False
        b = 1 << _FIRST_LEVEL
        m = n // b
        if m == 0:
            return
        imin = np.empty(m, self._itype)
        imax = np.empty(m, self._itype)
        gap = np.zeros(m, bool)
        for j0 in range(0, m, _CHUNK):
            j1 = min(j0 + _CHUNK, m)
            imin[j0:j1], imax[j0:j1], gap[j0:j1] = self._first_level_bins(j0, j1)
        self.has_nan = bool(gap.any())
        self.levels.append((imin, imax, gap))
        while len(self.levels[-1][0]) >= 2:
            lo, hi, gp = self.levels[-1]
            k = len(lo) // 2
            self.levels.append(self._parents(lo, hi, gp, 0, k))

    def _first_level_bins(self, j0: int, j1: int):
        """(argmin, argmax, gap) of first-level bins j0..j1, from the raw points."""
        b = 1 << _FIRST_LEVEL
        blocks = self.y[j0 * b : j1 * b].reshape(j1 - j0, b)  # a view, even of a column
        base = np.arange(j0, j1, dtype=self._itype) * b
        finite = np.isfinite(blocks)
        if finite.all():
            return (base + blocks.argmin(axis=1), base + blocks.argmax(axis=1),
                    np.zeros(j1 - j0, bool))
        lo = np.where(finite, blocks, np.inf).argmin(axis=1)
        hi = np.where(finite, blocks, -np.inf).argmax(axis=1)
        return base + lo, base + hi, ~finite.all(axis=1)

    def _parents(self, lo, hi, gp, k0: int, k1: int):
        """Level entries k0..k1 from the pairs (2k, 2k + 1) of the level below."""
        y = self.y
        a_lo, b_lo = lo[2 * k0 : 2 * k1 : 2], lo[2 * k0 + 1 : 2 * k1 : 2]
        a_hi, b_hi = hi[2 * k0 : 2 * k1 : 2], hi[2 * k0 + 1 : 2 * k1 : 2]
        with np.errstate(invalid="ignore"):
            pick_lo = np.where(_less(y[b_lo], y[a_lo]), b_lo, a_lo)
            pick_hi = np.where(_more(y[b_hi], y[a_hi]), b_hi, a_hi)
        return (pick_lo.astype(self._itype), pick_hi.astype(self._itype),
                gp[2 * k0 : 2 * k1 : 2] | gp[2 * k0 + 1 : 2 * k1 : 2])

    @property
    def nbytes(self) -> int:
        return sum(a.nbytes + b.nbytes + g.nbytes for a, b, g in self.levels)

    def update(self, start: int, stop: int) -> None:
        """Recompute the bins holding points ``start:stop`` after y changed there."""
        if not self.levels or stop <= start:
            return
        b = 1 << _FIRST_LEVEL
        lo, hi, gp = self.levels[0]
        j0, j1 = start // b, min(-(-stop // b), len(lo))
        if j0 >= j1:
            return  # only the raw tail changed: queries read it directly
        lo[j0:j1], hi[j0:j1], gp[j0:j1] = self._first_level_bins(j0, j1)
        self.has_nan = self.has_nan or bool(gp[j0:j1].any())
        for level in range(1, len(self.levels)):
            below = self.levels[level - 1]
            lo, hi, gp = self.levels[level]
            j0, j1 = j0 // 2, min(-(-j1 // 2), len(lo))
            if j0 >= j1:
                break
            lo[j0:j1], hi[j0:j1], gp[j0:j1] = self._parents(*below, j0, j1)

    def query(self, x0: float, x1: float, columns: int) -> np.ndarray:
        """Row indices to draw for the x range [x0, x1] on ``columns`` pixel columns:
        at most about 4 per column (plus breaks), whatever the number of points.

        Returns sorted indices into the line; ``-1`` marks a break (a NaN row).
        One point beyond each end is kept so the line reaches the view's edges.
        """
        n = len(self.y)
        # bisect reads single elements: np.searchsorted would copy a strided view
        i0 = max(bisect.bisect_left(self.x, x0) - 1, 0)
        i1 = min(bisect.bisect_right(self.x, x1) + 1, n)
        count = i1 - i0
        columns = max(int(columns), 1)
        if count <= _RAW_PER_COLUMN * columns or not self.levels:
            return np.arange(i0, i1)
        # bins of 2**k points with 1 to 2 bins per column: 2 to 4 points per column
        level = int(np.floor(np.log2(count / columns))) - _FIRST_LEVEL
        level = min(max(level, 0), len(self.levels) - 1)
        lo, hi, gap = self.levels[level]
        b = 1 << (level + _FIRST_LEVEL)
        j0, j1 = i0 // b, min(-(-i1 // b), len(lo))
        a, c = lo[j0:j1].astype(np.int64), hi[j0:j1].astype(np.int64)
        first = np.minimum(a, c)
        second = np.maximum(a, c)
        parts = [first, second]
        if self.has_nan:
            breaks = np.where(gap[j0:j1], -1, second)
            parts.append(breaks)
        out = np.stack(parts, axis=1).reshape(-1)
        # the raw points before the first and after the last whole bin
        head = np.arange(i0, min(j0 * b, i1))
        tail = np.arange(max(j1 * b, i0), i1)
        return np.concatenate([head, out, tail])


def _less(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """a < b with NaN never winning (NaN compares as larger for minima)."""
    return (a < b) | (np.isnan(b) & ~np.isnan(a))


def _more(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """a > b with NaN never winning (NaN compares as smaller for maxima)."""
    return (a > b) | (np.isnan(b) & ~np.isnan(a))


def is_sorted(x: np.ndarray) -> bool:
    """True when x is finite and never decreases (LOD needs an x-sorted line).

    Works on views without copying them (boolean temporaries only, in chunks)."""
    n = len(x)
    for i in range(0, n, _CHUNK * 16):
        part = x[i : i + _CHUNK * 16 + 1]
        if not np.isfinite(part).all() or not (part[1:] >= part[:-1]).all():
            return False
    return True
