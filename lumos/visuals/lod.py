"""Level of detail for x-sorted lines: a min/max pyramid built once, queried per view.

A line of N points shown on P pixel columns needs no more than a few vertices per
column to look the same: the lowest and highest point of every column, in the order
they occur. The pyramid stores, for bins of 8, 16, 32, ... points, the index of each
bin's minimum and maximum, so a view of any range costs O(P) to decimate instead of
O(N) (datashader and plotly-resampler do this on the CPU per request; we do it once).
"""

from __future__ import annotations

import numpy as np

_FIRST_LEVEL = 3  # bins of 8 points: finer levels are cheaper to read from the raw data


class MinMaxPyramid:
    """Min/max indices per bin of an x-sorted line, for bins of 2**k points (k >= 3).

    Memory: two int32 (or int64) indices per bin, a quarter of the input's size.
    NaN values in y are skipped inside a bin; a bin that holds a NaN ends with a break.
    """

    def __init__(self, x: np.ndarray, y: np.ndarray) -> None:
        self.x = x
        self.y = y
        n = len(y)
        itype = np.int32 if n < 2**31 - 1 else np.int64
        self.levels: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        finite = np.isfinite(y)
        self.has_nan = not bool(finite.all())
        # level 3 from the raw data; each next level from the previous one (pairs)
        b = 1 << _FIRST_LEVEL
        m = n // b
        if m == 0:
            return
        blocks = np.where(finite[: m * b], y[: m * b], np.nan).reshape(m, b)
        with np.errstate(invalid="ignore"):
            all_nan = ~np.isfinite(blocks).any(axis=1)
            safe_lo = np.where(np.isfinite(blocks), blocks, np.inf)
            safe_hi = np.where(np.isfinite(blocks), blocks, -np.inf)
        base = np.arange(m, dtype=itype) * b
        imin = (base + safe_lo.argmin(axis=1)).astype(itype)
        imax = (base + safe_hi.argmax(axis=1)).astype(itype)
        gap = ~np.isfinite(blocks).all(axis=1)
        imin[all_nan] = imax[all_nan] = base[all_nan]
        self.levels.append((imin, imax, gap))
        while len(self.levels[-1][0]) >= 2:
            lo, hi, gp = self.levels[-1]
            k = len(lo) // 2
            a_lo, b_lo = lo[0 : 2 * k : 2], lo[1 : 2 * k : 2]
            a_hi, b_hi = hi[0 : 2 * k : 2], hi[1 : 2 * k : 2]
            with np.errstate(invalid="ignore"):
                pick_lo = np.where(_less(y[b_lo], y[a_lo]), b_lo, a_lo)
                pick_hi = np.where(_less(y[a_hi], y[b_hi]), b_hi, a_hi)
            self.levels.append((pick_lo.astype(itype), pick_hi.astype(itype),
                                gp[0 : 2 * k : 2] | gp[1 : 2 * k : 2]))

    @property
    def nbytes(self) -> int:
        return sum(a.nbytes + b.nbytes + g.nbytes for a, b, g in self.levels)

    def query(self, x0: float, x1: float, columns: int) -> np.ndarray:
        """Row indices to draw for the x range [x0, x1] on ``columns`` pixel columns.

        Returns sorted indices into the line; ``-1`` marks a break (a NaN row).
        One point beyond each end is kept so the line reaches the view's edges.
        """
        n = len(self.y)
        i0 = max(int(np.searchsorted(self.x, x0, side="left")) - 1, 0)
        i1 = min(int(np.searchsorted(self.x, x1, side="right")) + 1, n)
        count = i1 - i0
        columns = max(int(columns), 1)
        if count <= 8 * columns or not self.levels:
            return np.arange(i0, i1)
        level = int(np.floor(np.log2(count / (8 * columns)))) - _FIRST_LEVEL
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


def is_sorted(x: np.ndarray) -> bool:
    """True when the finite x values never decrease (LOD needs an x-sorted line)."""
    if len(x) < 2:
        return True
    with np.errstate(invalid="ignore"):
        d = np.diff(x)
    return bool(np.all(d[np.isfinite(d)] >= 0)) and bool(np.isfinite(x).all())
