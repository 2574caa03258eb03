"""Aggregation on Dask: exact grids, a LocalCluster, failures never partial."""

from __future__ import annotations

import dask
import dask.array as da
import dask.dataframe as dd
import numpy as np
import pandas as pd
import pytest

from lumos.lazy.aggregate import AggregateError, aggregate

RANGE = ((-3, 3), (-2, 2))


@pytest.fixture(scope="module")
def points():
    rng = np.random.default_rng(0)
    x, y = rng.normal(size=200_000), rng.normal(size=200_000)
    x[::1000] = np.nan
    return x, y


def _reference(x, y, bins=(60, 40)):
    ref, _, _ = np.histogram2d(x, y, bins=bins, range=RANGE)
    return ref.T


@pytest.mark.parametrize("engine", ["numpy", "numba"])
def test_numpy_arrays_and_dask_arrays_give_histogram2d(points, engine):
    x, y = points
    for xs, ys in ((x, y), (da.from_array(x, chunks=30_000), da.from_array(y, chunks=30_000))):
        a = aggregate(xs, ys, bins=(60, 40), range=RANGE, engine=engine)
        np.testing.assert_array_equal(a.grid, _reference(x, y))
        assert a.extent == (-3, 3, -2, 2) and a.agg == "count"


def test_dataframe_columns_mean_and_auto_range(points):
    x, y = points
    v = np.where(np.isfinite(x), x * 2 + 1, 0)
    ddf = dd.from_pandas(pd.DataFrame({"x": x, "y": y, "v": v}), npartitions=7)
    a = aggregate(ddf.x, ddf.y, ddf.v, bins=(6, 4), range=RANGE)
    assert a.agg == "mean"
    s, _, _ = np.histogram2d(x, y, bins=(6, 4), range=RANGE, weights=v)
    n, _, _ = np.histogram2d(x, y, bins=(6, 4), range=RANGE)
    with np.errstate(invalid="ignore"):
        np.testing.assert_allclose(a.grid, (s / n).T, equal_nan=True)
    full = aggregate(ddf.x, ddf.y, bins=(8, 8))
    assert full.points == np.isfinite(x).sum()
    assert full.extent[0] == np.nanmin(x) and full.extent[3] == np.nanmax(y)


def test_local_cluster_runs_the_same_code(points):
    distributed = pytest.importorskip("distributed")
    x, y = points
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster):
        a = aggregate(da.from_array(x, chunks=50_000), da.from_array(y, chunks=50_000),
                      bins=(60, 40), range=RANGE)
    np.testing.assert_array_equal(a.grid, _reference(x, y))


def _explode(block):
    raise OSError("disk read failed on this worker")


def test_a_failing_partition_is_an_error_never_a_partial_grid(points):
    x, y = points
    dx = da.from_array(x, chunks=50_000)
    bad = dx.map_blocks(lambda b, block_info=None: _explode(b)
                        if block_info[0]["chunk-location"][0] == 2 else b, dtype=float)
    with pytest.raises(AggregateError, match="disk read failed on this worker"):
        aggregate(bad, da.from_array(y, chunks=50_000), bins=(8, 8), range=RANGE)
    with dask.config.set(scheduler="sync"), pytest.raises(AggregateError, match="partial"):
        aggregate(bad, da.from_array(y, chunks=50_000), bins=(8, 8), range=RANGE)


def test_bad_arguments_name_themselves(points):
    x, y = points
    with pytest.raises(ValueError, match="agg: got 'median'"):
        aggregate(x, y, agg="median")
    with pytest.raises(TypeError, match="bins: "):
        aggregate(x, y, bins="big")
    with pytest.raises(ValueError, match="range: "):
        aggregate(x, y, range=((0, np.nan), (0, 1)))
    with pytest.raises(ValueError, match="same length"):
        aggregate(x, y[:10], range=RANGE)
    with pytest.raises(TypeError, match="y: .*beside Dask"):
        aggregate(da.from_array(x, chunks=50_000), y, range=RANGE)


@pytest.mark.parametrize("engine", ["numpy", "numba"])
def test_crowded_cells_count_past_every_narrow_counter(engine):
    # the numba path counts in bytes per cell and carries wraps: 70 000 points in one
    # cell wrap a byte 273 times (and would overflow a uint16)
    rng = np.random.default_rng(5)
    x = np.r_[np.full(70_000, 0.51), rng.uniform(-3, 3, 1001), [np.inf, -np.inf, np.nan]]
    y = np.r_[np.full(70_000, 0.27), rng.uniform(-2, 2, 1001), [0.0, 0.0, 0.0]]
    for xs, ys in ((x, y), (da.from_array(x, chunks=20_000), da.from_array(y, chunks=20_000))):
        a = aggregate(xs, ys, bins=(60, 40), range=RANGE, engine=engine)
        ref = _reference(x, y)
        np.testing.assert_array_equal(a.grid, ref)
        assert a.grid.max() >= 70_000 and a.points == ref.sum() == 71_001
        assert a.grid.dtype == np.uint32


def test_partial_grids_widen_before_a_cell_could_overflow():
    from lumos.lazy.aggregate import merge_grids

    g = np.full((2, 3), 2**31, np.uint32)
    total, points = merge_grids((g, 2**31 + 5), (g, 2**31 + 5))
    assert total.dtype == np.uint64 and (total == 2**32).all() and points == 2**32 + 10
    small, _ = merge_grids((g[:1] * 0 + 1, 3), (g[:1] * 0 + 2, 3))
    assert small.dtype == np.uint32 and (small == 3).all()


def test_columns_of_one_frame_read_each_partition_once(points):
    x, y = points
    reads = []

    def read(start):  # a partition read from "disk"
        reads.append(start)
        return pd.DataFrame({"x": x[start:start + 50_000], "y": y[start:start + 50_000]})

    ddf = dd.from_map(read, list(range(0, 200_000, 50_000)), meta=read(0).iloc[:0],
                      enforce_metadata=False)
    reads.clear()
    with dask.config.set(scheduler="sync"):
        a = aggregate(ddf.x, ddf.y, bins=(60, 40), range=RANGE)
    np.testing.assert_array_equal(a.grid, _reference(x, y))
    assert sorted(reads) == [0, 50_000, 100_000, 150_000]  # not once per column


def test_inputs_of_different_lengths_are_an_error(points):
    x, y = points
    with pytest.raises(ValueError, match="same length"):
        aggregate(da.from_array(x, chunks=50_000), da.from_array(y[:-10], chunks=50_000),
                  bins=(6, 4), range=RANGE)
    a = dd.from_pandas(pd.DataFrame({"x": x}), npartitions=2)
    b = dd.from_pandas(pd.DataFrame({"y": y[:-10]}), npartitions=2)
    with pytest.raises(AggregateError, match="a partition has"):  # two frames, not aligned
        aggregate(a.x, b.y, bins=(6, 4), range=RANGE)


def test_the_numba_kernels_bin_edges_and_non_finite_points_as_numpy():
    # the right and top edges count in the last cell; inf, NaN and values far beyond
    # the grid (whose cell index would overflow) are outside; blocks of 2048 points
    rng = np.random.default_rng(1)
    x, y, v = rng.normal(size=(3, 5000)) * 2
    special = [-3, 3, np.nextafter(3, 4), np.nextafter(-3, -4), np.inf, -np.inf, np.nan,
               1e300, -1e300, 2.9999999]
    x[: len(special)] = special
    y[len(special) : 2 * len(special)] = special
    x[2047:2050] = 3.0  # across a block boundary
    v[::7] = np.nan
    for values in (None, v):
        a, b = (aggregate(x, y, values, agg=None if values is None else "sum", bins=(60, 40),
                          range=RANGE, engine=e) for e in ("numba", "numpy"))
        np.testing.assert_array_equal(a.grid, b.grid)
        assert a.points == b.points
    edge = aggregate(x, y, bins=(60, 40), range=RANGE, engine="numba").grid[:, -1]
    assert edge.sum() >= 3  # the points on the right edge are in
