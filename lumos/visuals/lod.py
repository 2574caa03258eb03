"""Level of detail for x-sorted lines: a min/max pyramid, queried per view.

A line of N points shown on P pixel columns needs no more than a few vertices per
column to look the same: the lowest and highest point of every column, in the order
they occur. The pyramid stores, for bins of 8, 16, 32, ... points, the index of each
bin's minimum and maximum, so a view of any range costs O(P) to decimate instead of
O(N) (datashader and plotly-resampler do this on the CPU per request; we do it once
per level). A level is built when a view first needs it, in one pass over the points,
and kept: new data costs one pass for the level in view, and a change of a range of
points recomputes the bins of that range only.

Memory: the pyramid holds indices, never values: two int32 and one bool per bin, at
most about 2.25 bytes per point over all levels. It is built in chunks, so building it
never holds more than a few MB of temporaries, and queries never copy the line.
"""

from __future__ import annotations

import bisect

import numpy as np

_FIRST_LEVEL = 3  # bins of 8 points: finer levels are cheaper to read from the raw data
_CHUNK = 1 << 16  # bins per chunk while building the first level (bounded temporaries)
# Points per chunk of a level's build: 1 MB of float64, which stays in a core's cache
# between the chunk's argmin and its argmax (chunks of 2**19 points made argmax read
# them again from memory: a level of 10^6 points in bins of 512, just written, 0.62-0.67
# -> 0.56 ms; smaller chunks cost more numpy calls than they save)
_CHUNK_POINTS = 1 << 17
# Up to this many points per pixel column the raw points are as cheap as an envelope.
# Beyond, every column shows the lowest and highest point of each of its 1 to 2 bins,
# at their own x, in order: the same pixels as the full line up to where the segments
# joining neighbouring extremes cross a column (antialiasing-level differences).
_RAW_PER_COLUMN = 4


class MinMaxPyramid:
    """Min/max indices per bin of an x-sorted line, for bins of 2**k points (k >= 3).

    ``x`` and ``y`` are float64 1D arrays (views are fine: nothing is copied); they must
    stay alive and x-sorted. Level ``i`` holds bins of 2**(i + 3) points. A level is
    built when a query first needs it, in one pass over the points (or from the finer
    level below it, when that exists): a new line costs one pass for the level its view
    shows, not the whole pyramid. After changing ``y[start:stop]`` in place,
    ``update(start, stop)`` recomputes the bins holding those points in the levels built
    (O(stop - start + levels)); a change of most of the line drops the levels instead,
    to be built again as they are needed.
    NaN/inf values in y are skipped inside a bin; a bin that holds one ends with a break.
    """

    def __init__(self, x: np.ndarray, y: np.ndarray) -> None:
        self.x = x
        self.y = y
        n = len(y)
        self._itype = np.int32 if n < 2**31 - 1 else np.int64
        # level i has n >> (i + 3) bins; the coarsest has one
        self.depth = (n >> _FIRST_LEVEL).bit_length()
        self.levels: list[tuple[np.ndarray, np.ndarray, np.ndarray] | None] = \
            [None] * self.depth
        self._has_nan: bool | None = None  # found once per change of y (update)

    @property
    def has_nan(self) -> bool:
        """Whether any first-level bin holds a NaN/inf (its breaks are then drawn).

        Read from the gaps of the finest level built (a level's build finds them in the
        same pass) and the few points past its last whole bin; a pass over the points
        only when no level is built yet. Kept until ``update``: every view's query
        asks."""
        if self._has_nan is None:
            self._has_nan = self._find_nan()
        return self._has_nan

    def _find_nan(self) -> bool:
        m = len(self.y) >> _FIRST_LEVEL << _FIRST_LEVEL
        start = 0
        built = next((i for i, lv in enumerate(self.levels) if lv is not None), None)
        if built is not None:
            gap = self.levels[built][2]
            if gap.any():
                return True
            start = len(gap) << (built + _FIRST_LEVEL)
        return any(not np.isfinite(self.y[i : min(i + _CHUNK * 16, m)]).all()
                   for i in range(start, m, _CHUNK * 16))

    def level(self, i: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(argmin, argmax, gap) per bin of level ``i``, built now if need be: from the
        coarsest finer level built (pairs of its bins), else from the points. The levels
        built are always one run from the finest to the coarsest (those between are
        built from the one below), so that ``update`` refreshes them in order; the
        coarser levels a view does not show are not built."""
        if self.levels[i] is not None:
            return self.levels[i]
        built = [k for k, lv in enumerate(self.levels) if lv is not None]
        if built and built[0] < i:
            self._build_up(built[-1] + 1, i + 1)
            return self.levels[i]
        m = len(self.y) >> (i + _FIRST_LEVEL)
        lo, hi = np.empty(m, self._itype), np.empty(m, self._itype)
        gap = np.empty(m, bool)
        self.levels[i] = (lo, hi, gap)
        self._bins(i, 0, m)
        if built:  # the levels between this one and the finest built before
            self._build_up(i + 1, built[0])
        return self.levels[i]

    def _build_up(self, k0: int, k1: int) -> None:
        """Build levels k0..k1 (not built yet), each from the one below it."""
        for k in range(k0, k1):
            below = self.levels[k - 1]
            self.levels[k] = self._parents(*below, 0, len(below[0]) // 2)

    def _bins(self, i: int, j0: int, j1: int) -> None:
        """Recompute bins j0..j1 of level i from the points (in chunks of about
        ``_CHUNK_POINTS`` points, so temporaries stay small and the chunk in cache)."""
        lo, hi, gap = self.levels[i]
        b = 1 << (i + _FIRST_LEVEL)
        step = max(_CHUNK_POINTS // b, 1)
        contiguous = self.y.strides[0] == self.y.itemsize
        for a in range(j0, j1, step):
            c = min(a + step, j1)
            blocks = self.y[a * b : c * b].reshape(c - a, b)  # a view, even of a column
            if not contiguous:  # a column: argmin/argmax run 2x faster on a copy (512 KB)
                blocks = np.ascontiguousarray(blocks)
            first, last = blocks.argmin(axis=1), blocks.argmax(axis=1)
            base = np.arange(a * b, c * b, b)
            first += base  # rows of the line
            last += base
            # argmin/argmax land on a bin's NaN if it has one, on -inf/+inf if it has
            # those: the values picked tell which bins hold a non-finite value, without
            # a pass over the points; only those bins are searched again, skipping them
            bad = ~(np.isfinite(self.y.take(first)) & np.isfinite(self.y.take(last)))
            if bad.any():
                part = blocks[bad]
                finite = np.isfinite(part)
                first[bad] = base[bad] + np.where(finite, part, np.inf).argmin(axis=1)
                last[bad] = base[bad] + np.where(finite, part, -np.inf).argmax(axis=1)
            lo[a:c] = first
            hi[a:c] = last
            gap[a:c] = bad

    def _parents(self, lo, hi, gp, k0: int, k1: int):
        """Level entries k0..k1 from the pairs (2k, 2k + 1) of the level below: the
        same as from the points (NaN/inf never win, a tie keeps the earlier one)."""
        y = self.y
        a_lo, b_lo = lo[2 * k0 : 2 * k1 : 2], lo[2 * k0 + 1 : 2 * k1 : 2]
        a_hi, b_hi = hi[2 * k0 : 2 * k1 : 2], hi[2 * k0 + 1 : 2 * k1 : 2]
        pick_lo = np.where(_key(y[b_lo], np.inf) < _key(y[a_lo], np.inf), b_lo, a_lo)
        pick_hi = np.where(_key(y[a_hi], -np.inf) < _key(y[b_hi], -np.inf), b_hi, a_hi)
        return (pick_lo.astype(self._itype), pick_hi.astype(self._itype),
                gp[2 * k0 : 2 * k1 : 2] | gp[2 * k0 + 1 : 2 * k1 : 2])

    @property
    def nbytes(self) -> int:
        return sum(a.nbytes + b.nbytes + g.nbytes for a, b, g in filter(None, self.levels))

    def update(self, start: int, stop: int) -> None:
        """Recompute the bins holding points ``start:stop`` after y changed there."""
        if stop <= start:
            return
        self._has_nan = None
        n = len(self.y)
        if 2 * (stop - start) >= n:
            # most of the line: drop the levels, built again (one pass) when needed
            self.levels = [None] * self.depth
            return
        built = [i for i, lv in enumerate(self.levels) if lv is not None]
        if not built:
            return
        finest = built[0]
        b = 1 << (finest + _FIRST_LEVEL)
        j0, j1 = start // b, min(-(-stop // b), len(self.levels[finest][0]))
        if j0 >= j1:
            return  # only the raw tail changed: queries read it directly
        self._bins(finest, j0, j1)
        for level in range(finest + 1, self.depth):
            if self.levels[level] is None:
                break  # the coarsest built: the levels built are one run
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
        if count <= _RAW_PER_COLUMN * columns or not self.depth:
            return np.arange(i0, i1)
        # bins of 2**k points with 1 to 2 bins per column: 2 to 4 points per column
        level = int(np.floor(np.log2(count / columns))) - _FIRST_LEVEL
        level = min(max(level, 0), self.depth - 1)
        lo, hi, gap = self.level(level)
        b = 1 << (level + _FIRST_LEVEL)
        j0, j1 = i0 // b, min(-(-i1 // b), len(lo))
        # each bin's two rows in order, then a break where it held NaN/inf: one
        # (bins, 2 | 3) array filled in place
        breaks = self.has_nan
        out = np.empty((j1 - j0, 3 if breaks else 2), np.int64)
        np.minimum(lo[j0:j1], hi[j0:j1], out=out[:, 0])
        np.maximum(lo[j0:j1], hi[j0:j1], out=out[:, 1])
        if breaks:
            np.copyto(out[:, 2], out[:, 1])
            out[gap[j0:j1], 2] = -1
        out = out.reshape(-1)
        # the raw points before the first whole bin (none: j0 * b <= i0), and the tail
        # after the last one: less than a bin, so within a column, as a partial bin
        head = np.arange(i0, min(j0 * b, i1))
        return np.concatenate([head, out, self._tail(max(j1 * b, i0), i1)])

    def _tail(self, a: int, c: int) -> np.ndarray:
        """Rows to draw of the points ``a:c`` past the last whole bin: their lowest and
        highest point and the last one (where the line ends, or the point beyond the
        view), in order, when that is fewer than the points (up to a bin's worth of
        segments in one column otherwise: a quarter of a view's segments at 10^6
        points); the raw points when the tail is short or holds NaN/inf."""
        part = self.y[a:c]
        if c - a <= _RAW_PER_COLUMN or not np.isfinite(part).all():
            return np.arange(a, c)
        # sorted without np.unique: it imports numpy.ma (~10 ms of a cold start)
        return np.array(sorted({a + int(part.argmin()), a + int(part.argmax()), c - 1}),
                        dtype=np.intp)


def _key(values: np.ndarray, missing: float) -> np.ndarray:
    """``values`` with NaN and inf replaced by ``missing`` (what bins skip)."""
    return np.where(np.isfinite(values), values, missing)


def is_sorted(x: np.ndarray) -> bool:
    """True when x is finite and never decreases (LOD needs an x-sorted line).

    One comparison per point, on views without copying them (boolean temporaries only,
    in chunks): NaN fails every comparison, and between a finite first and last value a
    non-decreasing x is finite throughout."""
    n = len(x)
    if n and not (np.isfinite(x[0]) and np.isfinite(x[-1])):
        return False
    for i in range(0, n, _CHUNK * 16):
        part = x[i : i + _CHUNK * 16 + 1]
        if not (part[1:] >= part[:-1]).all():
            return False
    return True
