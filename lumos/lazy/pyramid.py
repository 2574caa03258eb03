"""A min/max pyramid of a long line, built in one streaming pass and kept on disk.

``LinePyramid(y, x)`` summarizes a line of N points (10^9 in an HDF5 or zarr file) as
bins of 256, 512, 1024, ... points. Each bin keeps its lowest and highest value, the x
of each, whether a NaN broke the line inside it, and its first x. A view of any range
on P pixel columns then reads 1 to 2 bins per column from the level that fits: O(P)
rows, whatever N and the zoom (at deep zoom the raw points, at most 256 a column, are
read and decimated in memory by ``lumos.visuals.lod``).

All levels live in one (bins, 6) float64 zarr array in the cache folder
(``lumos.lazy.cache``), each level starting on a chunk boundary; the key is a digest
of the sources' fingerprints, so a changed file builds a new pyramid and the second
open of an unchanged one is instant. ``cache=False`` keeps the pyramid in memory
(about 0.4 bytes a point). Building reads the source in blocks of about 1 MB (or one
storage chunk) in its own dtype, with a progress bar (tqdm, when installed), and holds
no more than a block and one storage chunk per level.
"""

from __future__ import annotations

import hashlib
import math

import numpy as np

from .cache import Progress, atomic_folder, cache_dir
from .source import SourceError, as_source

FORMAT = 2  # 2: chunks of 4096 rows
BASE = 256  # points per bin of the finest level
_CHUNK_ROWS = 1 << 12  # rows of the bins array per storage chunk (about one view's)
_IN_MEMORY_ROWS = 1 << 14  # levels at most this long are read into memory on open
_BUILD_BYTES = 1 << 20  # bytes of the source read per block while building (bounded RSS)
RAW_PER_COLUMN = 4  # up to this many points per column, every point is drawn
LO, HI, XLO, XHI, GAP, XFIRST = range(6)


def _less(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """a < b, a NaN never winning (as in lumos.visuals.lod)."""
    return (a < b) | (np.isnan(b) & ~np.isnan(a))


def _extremes(b: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(argmin, argmax, broken, empty) per row of ``b`` (bins in the input's dtype, no
    full-size temporaries): NaN/inf values are skipped and break the bin."""
    lo_i, hi_i = b.argmin(axis=1), b.argmax(axis=1)
    r = np.arange(len(b))
    # argmin/argmax land on a NaN when there is one, and on an inf before finite values:
    # a bin holds a non-finite value exactly when one of its extremes is not finite
    broken = ~(np.isfinite(b[r, lo_i]) & np.isfinite(b[r, hi_i]))
    empty = np.zeros(len(b), bool)
    if broken.any():  # rare: redo those bins with the non-finite values masked
        sub = b[broken]
        finite = np.isfinite(sub)
        lo_i[broken] = np.where(finite, sub, np.inf).argmin(axis=1)
        hi_i[broken] = np.where(finite, sub, -np.inf).argmax(axis=1)
        empty[broken] = ~finite.any(axis=1)
    return lo_i, hi_i, broken, empty


def leaf_bins(y: np.ndarray, x: np.ndarray | None, first: int, base: int = BASE) -> np.ndarray:
    """Rows (lo, hi, xlo, xhi, gap, xfirst) of the bins of ``base`` points of a block
    of the line starting at row ``first`` (the last bin may be partial). The block is
    read in its own dtype (float32 stays float32): only the rows are float64."""
    y = np.asarray(y)  # integers too: argmin/argmax and isfinite take every dtype
    n = len(y)
    whole = n // base
    parts = [y[: whole * base].reshape(whole, base)] if whole else []
    if n > whole * base:
        parts.append(y[whole * base :].reshape(1, -1))  # the partial last bin
    out = np.empty((whole + (n > whole * base), 6))
    at = 0
    for b in parts:
        m = len(b)
        lo_i, hi_i, broken, empty = _extremes(b)
        r = np.arange(m)
        rows = out[at : at + m]
        rows[:, LO] = b[r, lo_i]
        rows[:, HI] = b[r, hi_i]
        rows[empty, LO] = rows[empty, HI] = np.nan
        rows[:, GAP] = broken
        starts = first + at * base + r * base  # the row of each bin's first point
        if x is None:
            rows[:, XLO] = starts + lo_i
            rows[:, XHI] = starts + hi_i
            rows[:, XFIRST] = starts
        else:
            xb = np.asarray(x[at * base : at * base + m * b.shape[1]]).reshape(m, -1)
            rows[:, XLO] = xb[r, lo_i]
            rows[:, XHI] = xb[r, hi_i]
            rows[:, XFIRST] = xb[:, 0]
        at += m
    return out


def parent_bins(rows: np.ndarray) -> np.ndarray:
    """The level above: each pair of bins merged (an odd last bin stands alone)."""
    if len(rows) % 2:
        filler = np.full((1, 6), np.nan)
        filler[0, GAP] = 0.0
        rows = np.concatenate([rows, filler])
    a, b = rows[0::2], rows[1::2]
    out = a.copy()
    with np.errstate(invalid="ignore"):
        take_lo = _less(b[:, LO], a[:, LO])
        take_hi = _less(-b[:, HI], -a[:, HI])  # a < b, NaN never winning
    out[take_lo, LO], out[take_lo, XLO] = b[take_lo, LO], b[take_lo, XLO]
    out[take_hi, HI], out[take_hi, XHI] = b[take_hi, HI], b[take_hi, XHI]
    out[:, GAP] = np.maximum(a[:, GAP], np.nan_to_num(b[:, GAP]))
    return out


class _LevelWriter:
    """Rows of every level arrive in order; write them to the bins array in whole
    storage chunks (no read-modify-write of compressed chunks)."""

    def __init__(self, bins, offsets: list[int]) -> None:
        self.bins = bins
        self.offsets = offsets
        self.pending = [[] for _ in offsets]
        self.count = [0] * len(offsets)  # rows pending per level
        self.written = [0] * len(offsets)

    def add(self, level: int, rows: np.ndarray) -> None:
        self.pending[level].append(rows)
        self.count[level] += len(rows)
        if self.count[level] >= _CHUNK_ROWS:
            self._flush(level, whole=True)

    def _flush(self, level: int, whole: bool) -> None:
        rows = np.concatenate(self.pending[level]) if self.pending[level] else np.zeros((0, 6))
        k = (len(rows) // _CHUNK_ROWS) * _CHUNK_ROWS if whole else len(rows)
        if k:
            at = self.offsets[level] + self.written[level]
            self.bins[at : at + k] = rows[:k]
            self.written[level] += k
        rest = rows[k:]
        self.pending[level] = [rest] if len(rest) else []
        self.count[level] = len(rest)

    def close(self) -> None:
        for level in range(len(self.offsets)):
            self._flush(level, whole=False)


def _layout(n: int, base: int) -> tuple[list[int], list[int]]:
    """(rows per level, chunk-aligned offset of each level) for n points."""
    sizes = []
    bins = -(-n // base)
    while True:
        sizes.append(bins)
        if bins <= 1:
            break
        bins = -(-bins // 2)
    offsets, at = [], 0
    for s in sizes:
        offsets.append(at)
        at += -(-s // _CHUNK_ROWS) * _CHUNK_ROWS
    return sizes, offsets


class LinePyramid:
    """The min/max pyramid of ``y`` (1D, any :func:`lumos.lazy.as_source` input) over
    ``x`` (1D sorted, same length) or over the row index when ``x`` is None.

    >>> pyr = LinePyramid(h5file["signal"])            # built once, cached on disk
    >>> xy = pyr.query(x0, x1, columns=1600)           # (k, 2) float64, NaN = break

    ``cache``: keep it in the cache folder (True, the default for data in files) or in
    memory (False). ``progress``: a progress bar while building (None: for more than
    2**25 points, when tqdm is installed).
    """

    def __init__(self, y, x=None, cache: bool | None = None, progress: bool | None = None,
                 base: int = BASE) -> None:
        self.y = as_source(y, "y")
        self.x = None if x is None else as_source(x, "x")
        for src, arg in ((self.y, "y"), (self.x, "x")):
            if src is not None and src.ndim != 1:
                raise ValueError(f"{arg}: got shape {src.shape} ({src.name}), expected "
                                 "one dimension")
        if self.x is not None and len(self.x) != len(self.y):
            raise ValueError(f"x and y must have the same length: got {len(self.x)} "
                             f"({self.x.name}) and {len(self.y)} ({self.y.name})")
        if base < 8 or base & (base - 1):
            raise ValueError(f"base: got {base!r}, expected a power of two >= 8")
        self.n = len(self.y)
        self.base = int(base)
        self.sizes, self.offsets = _layout(max(self.n, 1), self.base)
        if cache is None:
            cache = self.y.path is not None or (self.x is not None and self.x.path is not None)
        self.cached = bool(cache)
        self.path = None
        self.bins = self._open_or_build(progress)
        self._memory = {}
        for level, size in enumerate(self.sizes):
            if size <= _IN_MEMORY_ROWS:
                o = self.offsets[level]
                self._memory[level] = np.asarray(self.bins[o : o + size])
        top = self._memory[len(self.sizes) - 1][0]
        self.y_range = (float(top[LO]), float(top[HI]))
        if self.x is None:
            self.x_range = (0.0, float(max(self.n - 1, 0)))
        else:
            ends = self.x.read(0, 1), self.x.read(self.n - 1, self.n)
            self.x_range = (float(ends[0][0]), float(ends[1][0])) if self.n else (0.0, 0.0)

    # -- building ------------------------------------------------------------------------
    def key(self) -> str:
        h = hashlib.sha1(f"lumos-line-pyramid:{FORMAT}:{self.base}".encode())
        h.update(self.y.fingerprint().encode())
        if self.x is not None:
            h.update(self.x.fingerprint().encode())
        return h.hexdigest()

    def _open_or_build(self, progress):
        total = self.offsets[-1] + -(-self.sizes[-1] // _CHUNK_ROWS) * _CHUNK_ROWS
        if not self.cached:
            bins = np.full((total, 6), np.nan)
            self._build(bins, progress)
            return bins
        try:
            import zarr
        except ImportError as exc:
            raise ImportError("lumos: caching a pyramid on disk needs zarr: pip install "
                              "'lumos[bigdata]' (or pass cache=False)") from exc
        self.path = cache_dir() / "pyramids" / f"{self.key()}.zarr"
        if (self.path / "zarr.json").exists():
            bins = zarr.open_array(self.path, mode="r")
            if bins.attrs.get("complete") and tuple(bins.shape) == (total, 6):
                return bins
        with atomic_folder(self.path) as tmp:
            bins = zarr.create_array(store=tmp, shape=(total, 6), chunks=(_CHUNK_ROWS, 6),
                                     dtype="f8", fill_value=np.nan)
            self._build(bins, progress)
            bins.attrs.update({"complete": True, "n": self.n, "base": self.base,
                               "format": FORMAT, "y": self.y.name,
                               "x": None if self.x is None else self.x.name})
        return zarr.open_array(self.path, mode="r")

    def _build(self, bins, progress) -> None:
        """One pass over the sources in blocks; levels up to one bin per block are
        reduced within the block, the rest from the per-block bins at the end."""
        n, base = self.n, self.base
        if n == 0:
            return
        # about _BUILD_BYTES, at least one storage chunk (each is decompressed at most
        # twice), a power of two of bins (the levels within a block align)
        rows = max(_BUILD_BYTES // self.y.dtype.itemsize, self.y.chunk_rows, base)
        block = base << math.ceil(math.log2(rows / base))
        inner = int(math.log2(block // base))  # levels 0..inner reduced per block
        writer = _LevelWriter(bins, self.offsets)
        tops = []
        show = progress if progress is not None else n > (1 << 25)
        bar = Progress(n, f"lumos: pyramid of {self.y.name}", show)
        last_x = -np.inf
        try:
            for start, ys in self.y.blocks(rows=block):
                xs = None
                if self.x is not None:
                    xs = self.x.read(start, start + len(ys))  # in its own dtype
                    if not (np.isfinite(xs).all() and xs[0] >= last_x
                            and (xs[1:] >= xs[:-1]).all()):
                        raise ValueError(f"x: {self.x.name} is not sorted and finite (rows "
                                         f"{start}:{start + len(ys)}), expected increasing x")
                    last_x = xs[-1]
                rows = leaf_bins(ys, xs, start, base)
                for level in range(min(inner, len(self.sizes) - 1) + 1):
                    writer.add(level, rows)
                    if level < inner:
                        rows = parent_bins(rows)
                if inner < len(self.sizes) - 1:
                    tops.append(rows)
                bar.update(len(ys))
                del ys, xs, rows  # before the next block is read: one block held at a time
        finally:
            bar.close()
        if tops:
            rows = np.concatenate(tops)
            for level in range(inner + 1, len(self.sizes)):
                rows = parent_bins(rows)
                writer.add(level, rows)
        writer.close()

    # -- queries -------------------------------------------------------------------------
    def _rows(self, level: int, j0: int, j1: int) -> np.ndarray:
        j0, j1 = max(j0, 0), min(j1, self.sizes[level])
        mem = self._memory.get(level)
        if mem is not None:
            return mem[j0:j1]
        o = self.offsets[level]
        try:
            return np.asarray(self.bins[o + j0 : o + j1])
        except Exception as exc:
            raise SourceError(f"the pyramid of {self.y.name} at {self.path}: could not "
                              f"read ({type(exc).__name__}: {exc})") from exc

    def bin_size(self, level: int) -> int:
        return self.base << level

    def locate(self, value: float, level: int = -1) -> int:
        """The last bin of ``level`` (-1: the last row) whose first x is <= value
        (0 when value lies before the line)."""
        if self.x is None:
            i = int(np.clip(np.floor(value), 0, max(self.n - 1, 0)))
            return i if level < 0 else i // self.bin_size(level)
        j = 0
        for lv in range(len(self.sizes) - 2, max(level, 0) - 1, -1):
            pair = self._rows(lv, 2 * j, 2 * j + 2)
            j = 2 * j + (1 if len(pair) > 1 and pair[1, XFIRST] <= value else 0)
        if level >= 0:
            return j
        start = j * self.base
        xs = self.x.read(start, min(start + self.base, self.n))
        return start + max(int(np.searchsorted(xs, value, side="right")) - 1, 0)

    def query(self, x0: float, x1: float, columns: int) -> np.ndarray:
        """(k, 2) float64 points to draw the range [x0, x1] on ``columns`` pixel
        columns: the lowest and highest point of 1 to 2 bins per column in order (or
        every point, when there are few), one point beyond each end, NaN rows where
        the line breaks. In row-index units of x when the pyramid has no x."""
        if self.n == 0:
            return np.zeros((0, 2))
        columns = max(int(columns), 1)
        lo, hi = min(x0, x1), max(x0, x1)
        # estimate the count from the levels in memory, refine on the level chosen
        level = min(self._memory)
        for _ in range(2):
            i0 = self.locate(lo, level) * self.bin_size(level)
            i1 = (self.locate(hi, level) + 1) * self.bin_size(level)
            count = min(i1, self.n) - i0
            want = int(math.floor(math.log2(max(count / columns, 1)))) - int(
                math.log2(self.base))
            if want >= level:
                break
            level = max(want, 0)
        if want < 0:
            return self._raw(lo, hi, columns)
        level = min(want, len(self.sizes) - 1)
        j0, j1 = self.locate(lo, level), self.locate(hi, level) + 1
        rows = self._rows(level, j0 - 1, j1 + 1)  # a bin beyond each end
        return self._points(rows)

    def _points(self, rows: np.ndarray) -> np.ndarray:
        """Two points per bin (the extremes in x order), a NaN row after a broken bin."""
        m = len(rows)
        first_is_lo = ~(rows[:, XHI] < rows[:, XLO])
        out = np.full((m, 3, 2), np.nan)
        out[:, 0, 0] = np.where(first_is_lo, rows[:, XLO], rows[:, XHI])
        out[:, 0, 1] = np.where(first_is_lo, rows[:, LO], rows[:, HI])
        out[:, 1, 0] = np.where(first_is_lo, rows[:, XHI], rows[:, XLO])
        out[:, 1, 1] = np.where(first_is_lo, rows[:, HI], rows[:, LO])
        gap = rows[:, GAP] > 0
        if not gap.any():
            return out[:, :2].reshape(-1, 2)
        keep = np.ones((m, 3), bool)
        keep[:, 2] = gap
        return out[keep]

    def _raw(self, lo: float, hi: float, columns: int) -> np.ndarray:
        """The raw rows of the range (at most BASE a column), decimated in memory."""
        from ..visuals.lod import MinMaxPyramid

        i0 = max(self.locate(lo) - 1, 0)
        i1 = min(self.locate(hi) + 2, self.n)
        ys = np.asarray(self.y.read(i0, i1), np.float64)
        xs = np.arange(i0, i1, dtype=np.float64) if self.x is None \
            else np.asarray(self.x.read(i0, i1), np.float64)
        if len(ys) <= RAW_PER_COLUMN * columns:
            return np.c_[xs, ys]
        index = MinMaxPyramid(xs, ys).query(xs[0], xs[-1], columns)
        safe = np.maximum(index, 0)
        out = np.c_[xs[safe], ys[safe]]
        out[index < 0] = np.nan
        return out

    @property
    def nbytes(self) -> int:
        """Bytes the pyramid takes (on disk uncompressed, or in memory)."""
        return int(sum(self.sizes)) * 6 * 8
