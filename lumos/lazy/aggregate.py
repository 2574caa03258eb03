"""Points reduced to a grid (count, sum or mean per cell), on Dask when they are there.

``aggregate(x, y)`` bins up to 10^9 points onto a ``bins = (width, height)`` grid over
``range = ((x0, x1), (y0, y1))``. Dask arrays and Dask DataFrame columns are reduced
partition by partition on Dask's workers (numba per partition when installed, numpy
otherwise) and the partial grids are summed in a tree, all through ``dask.compute``:
the active scheduler runs it, a ``dask.distributed`` Client on one machine or many. A
failed partition raises :class:`AggregateError` naming the failure (after Dask's own
retries of lost workers); there is never a partial grid. Numpy arrays, memmaps, h5py
and zarr datasets are reduced here in blocks of bounded size.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .source import _is_dask, _module, as_source

AGGS = ("count", "sum", "mean")


class AggregateError(RuntimeError):
    """A partition of an aggregation failed; the message says which step and why."""


@dataclass
class Aggregate:
    """The result: ``grid`` (height, width), row 0 at ``y0``; ``extent = (x0, x1, y0,
    y1)``; ``agg`` the reduction; ``points`` how many points fell in the grid."""

    grid: np.ndarray
    extent: tuple[float, float, float, float]
    agg: str
    points: int


# -- per-partition kernels -----------------------------------------------------------------
# Counts are kept per partition in one byte per cell while a partition is binned (a
# 1600 x 1000 grid is 1.6 MB, which stays in the CPU's caches where a uint64 grid of 12.8
# MB does not: binning is random increments, bound by cache misses); a cell that wraps
# past 255 adds one to a second, rarely touched grid. The partition's grid is then
# wraps * 256 + bytes, in uint32 (uint64 for partitions of 2**32 points or more).
_NUMPY_CHUNK = 1 << 20  # points per step of the numpy path (bounded temporaries)
_KERNEL_BLOCK = 2048  # points per block of the numba kernels (their cells stay in L1)


def _count_dtype(points: int) -> np.dtype:
    return np.dtype(np.uint32 if points < 2**32 else np.uint64)


def _cells(x: np.ndarray, y: np.ndarray, spec) -> tuple[np.ndarray, np.ndarray]:
    """Flat cell index of the points inside the grid, and which points those are (one
    chunk: float64 temporaries of the chunk's length, the arithmetic of the numba path)."""
    (x0, x1), (y0, y1), (w, h) = spec
    fx = np.subtract(x, x0, dtype=np.float64)
    fx *= w / (x1 - x0)
    fy = np.subtract(y, y0, dtype=np.float64)
    fy *= h / (y1 - y0)
    with np.errstate(invalid="ignore"):
        inside = (fx >= 0) & (fx <= w) & (fy >= 0) & (fy <= h)  # NaN is outside
    ix = fx[inside].astype(np.intp)
    np.minimum(ix, w - 1, out=ix)  # the right edge is inside
    cells = fy[inside].astype(np.intp)
    np.minimum(cells, h - 1, out=cells)
    cells *= w
    cells += ix
    return cells, inside


def _numpy_block(x, y, v, spec) -> tuple[np.ndarray, int]:
    """The numpy path: cell indices per chunk, one bincount per about a grid's worth of
    points (a bincount costs a pass over the grid)."""
    (w, h) = spec[2]
    size = w * h
    n = len(x)
    total = np.zeros(size, np.float64 if v is not None else _count_dtype(n))
    counts = np.zeros(size, np.float64) if v is not None else None
    pending, pending_w, held = [], [], 0

    def flush():
        if not pending:
            return
        cells = np.concatenate(pending)
        if v is None:
            total[:] += np.bincount(cells, minlength=size).astype(total.dtype, copy=False)
        else:
            total[:] += np.bincount(cells, weights=np.concatenate(pending_w), minlength=size)
            counts[:] += np.bincount(cells, minlength=size)
        pending.clear()
        pending_w.clear()

    for i in range(0, n, _NUMPY_CHUNK):
        cells, inside = _cells(x[i : i + _NUMPY_CHUNK], y[i : i + _NUMPY_CHUNK], spec)
        if v is not None:
            vals = np.asarray(v[i : i + _NUMPY_CHUNK], np.float64)[inside]
            ok = np.isfinite(vals)
            cells, vals = cells[ok], vals[ok]
            pending_w.append(vals)
        pending.append(cells)
        held += len(cells)
        if held >= size:
            flush()
            held = 0
    flush()
    if v is None:
        return total.reshape(h, w), int(total.sum(dtype=np.uint64))
    return np.stack([total.reshape(h, w), counts.reshape(h, w)]), int(counts.sum())


_numba_kernels = None


def _numba():
    """The numba kernels (compiled on first use, in each worker), or None."""
    global _numba_kernels
    if _numba_kernels is None:
        try:
            import numba
        except ImportError:
            _numba_kernels = False
            return None

        @numba.njit(nogil=True, boundscheck=False, cache=False)
        def cells(x, y, x0, sx, y0, sy, w, h, out):  # pragma: no cover - compiled
            # branch-free, so that it compiles to SIMD: -1 for a point outside (NaN too)
            fw, fh = float(w), float(h)
            for i in range(x.shape[0]):
                fx = (x[i] - x0) * sx
                fy = (y[i] - y0) * sy
                inside = (fx >= 0.0) & (fx <= fw) & (fy >= 0.0) & (fy <= fh)
                ix = np.int32(min(max(fx, 0.0), fw - 1.0))  # the right edge is inside
                iy = np.int32(min(max(fy, 0.0), fh - 1.0))
                out[i] = iy * w + ix if inside else -1

        @numba.njit(nogil=True, boundscheck=False, cache=False)
        def count(x, y, x0, sx, y0, sy, w, h, small, wraps):  # pragma: no cover - compiled
            # in two passes per block of points: the cells (vectorized), then the
            # increments (random access, bound by cache misses): 2.5x one fused loop
            buf = np.empty(_KERNEL_BLOCK, np.int32)
            n = x.shape[0]
            for s in range(0, n, _KERNEL_BLOCK):
                e = min(s + _KERNEL_BLOCK, n)
                cells(x[s:e], y[s:e], x0, sx, y0, sy, w, h, buf)
                for j in range(e - s):
                    k = buf[j]
                    if k >= 0:
                        c = small[k] + 1
                        if c == 256:
                            small[k] = 0
                            wraps[k] += 1
                        else:
                            small[k] = c

        @numba.njit(nogil=True, boundscheck=False, cache=False)
        def widen(small, wraps, base, out):  # pragma: no cover - compiled
            total = 0
            for k in range(small.shape[0]):
                c = wraps[k] * base + small[k]  # base: 256 of wraps' type (no float)
                out[k] = c
                total += c
            return total

        @numba.njit(nogil=True, boundscheck=False, cache=False)
        def weighted(x, y, v, x0, sx, y0, sy, w, h, out):  # pragma: no cover - compiled
            buf = np.empty(_KERNEL_BLOCK, np.int32)
            n = x.shape[0]
            for s in range(0, n, _KERNEL_BLOCK):
                e = min(s + _KERNEL_BLOCK, n)
                cells(x[s:e], y[s:e], x0, sx, y0, sy, w, h, buf)
                for j in range(e - s):
                    k = buf[j]
                    if k >= 0 and np.isfinite(v[s + j]):
                        out[0, k] += v[s + j]
                        out[1, k] += 1.0

        _numba_kernels = (count, widen, weighted)
    return _numba_kernels or None


def _as_numbers(a) -> np.ndarray:
    arr = np.asarray(a)
    if arr.dtype.kind not in "fiu":
        arr = arr.astype(np.float64)
    return arr if arr.flags.c_contiguous else np.ascontiguousarray(arr)


def grid_block(x, y, v, spec, engine: str = "auto") -> tuple[np.ndarray, int]:
    """The grid of one partition and how many points fell in it: (h, w) counts (uint32,
    or uint64 for 2**32 points or more), or (2, h, w) float64 sums and counts."""
    x, y = _as_numbers(x), _as_numbers(y)
    v = None if v is None else _as_numbers(v)
    if len(y) != len(x) or (v is not None and len(v) != len(x)):
        raise ValueError(f"a partition has {len(x)} x, {len(y)} y"
                         + ("" if v is None else f" and {len(v)} values")
                         + ": expected columns of one DataFrame or arrays chunked alike")
    kernels = _numba() if engine in ("auto", "numba") else None
    if kernels is None:
        return _numpy_block(x, y, v, spec)
    count, widen, weighted = kernels
    (x0, x1), (y0, y1), (w, h) = spec
    sx, sy = w / (x1 - x0), h / (y1 - y0)
    if v is None:
        small = np.zeros(w * h, np.uint8)
        wraps = np.zeros(w * h, _count_dtype(len(x)))  # untouched pages cost nothing
        count(x, y, x0, sx, y0, sy, w, h, small, wraps)
        out = np.empty(w * h, wraps.dtype)
        points = widen(small, wraps, wraps.dtype.type(256), out)
        return out.reshape(h, w), int(points)
    out = np.zeros((2, h * w))
    weighted(x, y, v, x0, sx, y0, sy, w, h, out)
    return out.reshape(2, h, w), int(out[1].sum())


def merge_grids(a: tuple[np.ndarray, int], b: tuple[np.ndarray, int]) -> tuple[np.ndarray, int]:
    """The sum of two partial grids (a count grid widens to uint64 when the points
    together could overflow a uint32 cell)."""
    (ga, na), (gb, nb) = a, b
    points = na + nb
    dtype = np.result_type(ga.dtype, gb.dtype)
    if dtype.kind == "u":
        dtype = np.result_type(dtype, _count_dtype(points))
    return np.add(ga, gb, dtype=dtype), points


def finite_range_block(x, y) -> np.ndarray:
    """(xmin, xmax, ymin, ymax) of the finite values of one partition (NaN if none)."""
    out = np.full(4, np.nan)
    for k, a in enumerate((x, y)):
        a = np.asarray(a, np.float64)
        a = a[np.isfinite(a)]
        if a.size:
            out[2 * k], out[2 * k + 1] = a.min(), a.max()
    return out


def _merge_range(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.array([np.fmin(a[0], b[0]), np.fmax(a[1], b[1]),
                     np.fmin(a[2], b[2]), np.fmax(a[3], b[3])])


# -- partitions ----------------------------------------------------------------------------
def is_dask_frame_column(obj) -> bool:
    """Whether ``obj`` is a column of a Dask DataFrame (a Dask Series)."""
    return _module(obj) == "dask" and hasattr(obj, "to_delayed") and hasattr(obj, "npartitions")


def _partitions(arrays: list, names: list[str]):
    """Aligned partitions of the inputs: ('dask', [[delayed...] per input]) or
    ('local', blocks iterator factory)."""
    present = [a for a in arrays if a is not None]
    if any(_is_dask(a) or is_dask_frame_column(a) for a in present):
        import dask

        inputs = []
        first = None
        for a, name in zip(arrays, names, strict=True):
            if a is None:
                inputs.append(None)
                continue
            if _is_dask(a):
                if a.ndim != 1:
                    raise ValueError(f"{name}: got a dask array of shape {a.shape}, expected "
                                     "one dimension")
                if first is not None and _is_dask(first):
                    if a.shape != first.shape:
                        raise ValueError(f"{', '.join(names)}: got lengths {first.shape[0]} "
                                         f"and {a.shape[0]}, expected the same length")
                    if a.chunks != first.chunks:
                        a = a.rechunk(first.chunks)
            elif not is_dask_frame_column(a):
                raise TypeError(f"{name}: got {type(a).__name__} beside Dask inputs, expected "
                                "a Dask array or DataFrame column like the others")
            inputs.append(a)
            if first is None:
                first = a
        present = [a for a in inputs if a is not None]
        if _one_frame(present):
            parts = _frame_partitions(inputs)
        else:
            # optimized together: slices of one array share the tasks that make a chunk,
            # which then run once, not once per slice
            together = iter(dask.optimize(*[a for a in present if _is_dask(a)]))
            parts = [None if a is None
                     else list(next(together).to_delayed(optimize_graph=False).ravel())
                     if _is_dask(a) else list(a.to_delayed()) for a in inputs]
        counts = {len(p) for p in parts if p is not None}
        if len(counts) != 1:
            raise ValueError(f"{', '.join(names)}: got different numbers of partitions "
                             f"{sorted(counts)}, expected columns of one DataFrame or arrays "
                             "chunked alike")
        return "dask", parts
    sources = [None if a is None else as_source(a, n) for a, n in zip(arrays, names,
                                                                      strict=True)]
    for s, name in zip(sources, names, strict=True):
        if s is not None and s.ndim != 1:
            raise ValueError(f"{name}: got shape {s.shape}, expected one dimension")
    lengths = {len(s) for s in sources if s is not None}
    if len(lengths) != 1:
        raise ValueError(f"{', '.join(names)}: got lengths {sorted(lengths)}, expected the "
                         "same length")
    return "local", sources


def _one_frame(columns: list) -> bool:
    """Whether ``columns`` are all columns of one Dask DataFrame."""
    frames = {getattr(getattr(getattr(c, "expr", None), "frame", None), "_name", None)
              if is_dask_frame_column(c) else None for c in columns}
    return len(frames) == 1 and None not in frames


def _frame_partitions(columns: list) -> list:
    """Per column, the delayed partitions of columns of one Dask DataFrame (None kept):
    joined in one frame first, they share the task that reads a partition (it runs
    once, not once per column)."""
    import operator

    import dask
    import dask.dataframe as dd

    present = [(i, c) for i, c in enumerate(columns) if c is not None]
    frame = dd.concat([c.rename(f"c{i}") for i, c in present], axis=1)
    take = dask.delayed(operator.getitem, pure=True)
    parts: list = [None] * len(columns)
    for i, _ in present:
        parts[i] = []
    for block in frame.to_delayed():
        for i, _ in present:
            parts[i].append(take(block, f"c{i}"))
    return parts


def _tree(parts: list, combine):
    import dask

    merge = dask.delayed(combine, pure=True)
    while len(parts) > 1:
        parts = [merge(parts[i], parts[i + 1]) if i + 1 < len(parts) else parts[i]
                 for i in range(0, len(parts), 2)]
    return parts[0]


def _compute(obj, what: str):
    import dask

    try:
        (result,) = dask.compute(obj)
    except Exception as exc:
        raise AggregateError(f"aggregate: {what} failed on Dask ({type(exc).__name__}: "
                             f"{exc}); no partial result was kept") from exc
    return result


def data_range(x, y) -> tuple[tuple[float, float], tuple[float, float]]:
    """((xmin, xmax), (ymin, ymax)) of the finite values: one pass over the data."""
    kind, parts = _partitions([x, y], ["x", "y"])
    if kind == "dask":
        import dask

        fn = dask.delayed(finite_range_block, pure=True)
        r = _compute(_tree([fn(a, b) for a, b in zip(*parts, strict=True)], _merge_range),
                     "the data range")
    else:
        sx, sy = parts
        r = np.full(4, np.nan)
        for start, xs in sx.blocks():
            r = _merge_range(r, finite_range_block(xs, sy.read(start, start + len(xs))))
    return (float(r[0]), float(r[1])), (float(r[2]), float(r[3]))


def _check_range(rng) -> tuple[tuple[float, float], tuple[float, float]]:
    try:
        (a, b), (c, d) = rng
        vals = [float(v) for v in (a, b, c, d)]
    except (TypeError, ValueError):
        raise TypeError(f"range: got {rng!r}, expected ((x0, x1), (y0, y1))") from None
    if not all(np.isfinite(vals)):
        raise ValueError(f"range: got {rng!r}, expected finite numbers")
    (a, b, c, d) = vals
    if a == b:
        a, b = a - 0.5, b + 0.5
    if c == d:
        c, d = c - 0.5, d + 0.5
    return (min(a, b), max(a, b)), (min(c, d), max(c, d))


def _check_bins(bins) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in bins)
        ok = all(float(v) == int(v) for v in bins)
    except (TypeError, ValueError):
        raise TypeError(f"bins: got {bins!r}, expected (width, height) integers") from None
    if not ok or w < 1 or h < 1 or w * h > 1 << 26:
        raise ValueError(f"bins: got {bins!r}, expected positive (width, height) with at "
                         "most 2**26 cells")
    return w, h


def aggregate(x, y, values=None, agg: str | None = None, bins=(1600, 1000), range=None,  # noqa: A002
              engine: str = "auto") -> Aggregate:
    """Reduce points to a grid: the count of points per cell, or the ``sum``/``mean``
    of ``values`` (``agg``; default ``"count"``, or ``"mean"`` when values are given).

    ``x``, ``y``, ``values``: Dask arrays or Dask DataFrame columns (reduced on Dask
    workers), or numpy arrays, memmaps, h5py/zarr datasets (reduced here in blocks).
    ``bins = (width, height)``; ``range = ((x0, x1), (y0, y1))`` (None: the finite data
    range, one extra pass). Points on the right or top edge count in the last cell;
    NaN points are skipped. ``engine``: "auto" (numba when installed), "numba" or
    "numpy".

    >>> agg = lumos.lazy.aggregate(ddf.x, ddf.y, bins=(1600, 1000))
    >>> agg.grid.shape, agg.extent
    """
    if agg is None:
        agg = "count" if values is None else "mean"
    if agg not in AGGS:
        raise ValueError(f"agg: got {agg!r}, expected one of {', '.join(map(repr, AGGS))}")
    if (agg == "count") != (values is None):
        raise ValueError(f"agg: got {agg!r} with values={'None' if values is None else '...'}"
                         f"; 'count' takes no values, 'sum' and 'mean' need them")
    if engine not in ("auto", "numba", "numpy"):
        raise ValueError(f"engine: got {engine!r}, expected 'auto', 'numba' or 'numpy'")
    if engine == "numba" and _numba() is None:
        raise ImportError("aggregate: engine='numba' needs numba: pip install numba")
    w, h = _check_bins(bins)
    if range is None:
        (a, b), (c, d) = data_range(x, y)
        if not np.isfinite([a, b, c, d]).all():  # no finite point: an empty unit grid
            a, b, c, d = 0.0, 1.0, 0.0, 1.0
        range = ((a, b), (c, d))  # noqa: A001
    rng = _check_range(range)
    spec = (rng[0], rng[1], (w, h))
    kind, parts = _partitions([x, y, values], ["x", "y", "values"])
    if kind == "dask":
        import dask

        total = len(parts[0])
        fn = dask.delayed(grid_block, pure=True)
        vparts = parts[2] if parts[2] is not None else [None] * total
        blocks = [fn(a, b, v, spec, engine)
                  for a, b, v in zip(parts[0], parts[1], vparts, strict=True)]
        grid, points = _compute(_tree(blocks, merge_grids), f"aggregating {total} partitions")
    else:
        sx, sy, sv = parts
        result = None
        for start, xs in sx.blocks():
            stop = start + len(xs)
            part = grid_block(xs, sy.read(start, stop), None if sv is None
                              else sv.read(start, stop), spec, engine)
            result = part if result is None else merge_grids(result, part)
        grid, points = result if result is not None else (
            (np.zeros((h, w), np.uint32) if values is None else np.zeros((2, h, w))), 0)
    if agg == "count":
        out = grid
    else:
        with np.errstate(invalid="ignore", divide="ignore"):
            out = grid[0] if agg == "sum" else grid[0] / grid[1]
        out = np.where(grid[1] > 0, out, np.nan)
    return Aggregate(out, (rng[0][0], rng[0][1], rng[1][0], rng[1][1]), agg, points)
