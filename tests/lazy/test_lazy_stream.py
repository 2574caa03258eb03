"""Streams fed from h5py, zarr, Dask and memmap data: only the rows kept are read."""

from __future__ import annotations

import shutil

import dask.array as da
import h5py
import numpy as np
import pytest
import zarr

import lumos.pyplot as plt
from lumos.lazy import SourceError

CHANNELS, CAPACITY = 3, 500


def _data(n: int, start: int = 0) -> np.ndarray:
    t = np.arange(start, start + n, dtype=np.float64)[:, None]
    out = np.sin(t / 40.0 + np.arange(CHANNELS)) * (1 + np.arange(CHANNELS))
    return out.astype(np.float32)


def _stream():
    fig, ax = plt.subplots(figsize=(3, 2), dpi=60)
    return fig, ax, ax.stream(CHANNELS, CAPACITY, dt=0.01)


def _h5(tmp_path, data):
    f = h5py.File(tmp_path / "s.h5", "w")
    f.create_dataset("adc", data=data, maxshape=(None, CHANNELS), chunks=(256, CHANNELS))
    return f["adc"]


def _zarr(tmp_path, data):
    z = zarr.create_array(store=tmp_path / "s.zarr", shape=data.shape, dtype="f4",
                          chunks=(256, CHANNELS))
    z[:] = data
    return zarr.open_array(tmp_path / "s.zarr", mode="r")  # a reader of its own


def _memmap(tmp_path, data):
    data.tofile(tmp_path / "s.raw")
    return np.memmap(tmp_path / "s.raw", np.float32, "r", shape=data.shape)


def _dask(tmp_path, data):
    return da.from_array(data, chunks=(256, CHANNELS))


KINDS = {"h5py": _h5, "zarr": _zarr, "memmap": _memmap, "dask": _dask}


@pytest.mark.parametrize("kind", KINDS)
def test_a_lazy_block_reads_only_the_rows_kept_and_draws_as_the_array(tmp_path, kind):
    n = 5000  # ten times the capacity
    data = _data(n)
    data[:100] = 1e6  # far outside what is kept: read, it would show in the limits
    fig, ax, s = _stream()
    s.follow(KINDS[kind](tmp_path, data))
    assert s.count == n and s.feed.position == n
    assert CAPACITY <= s.feed.rows_read <= s.visual.kept < n // 4
    lazy = fig.render()
    assert ax.get_ylim()[1] < 10  # the outliers were never read
    fig2, _, s2 = _stream()
    s2.push(data)
    assert np.array_equal(lazy, fig2.render())  # the same picture as the whole array


def test_push_never_computes_the_dask_blocks_it_skips():
    seen = []

    def block(x, block_info=None):
        row = block_info[0]["array-location"][0][0]
        seen.append(row)
        if row < 4000:
            raise AssertionError(f"block at row {row} was read")
        return x

    data = _data(8000)
    lazy = da.from_array(data, chunks=(500, CHANNELS)).map_blocks(block, dtype=np.float32)
    fig, ax, s = _stream()
    s.push(lazy)
    assert s.count == 8000 and min(seen) >= 7000
    fig.render()  # the limits follow the stream when drawn
    x0, x1 = ax.get_xlim()
    assert x0 == pytest.approx((8000 - CAPACITY) * 0.01) and x1 == pytest.approx(7999 * 0.01)


def test_poll_reads_what_a_writer_appended(tmp_path):
    path = tmp_path / "live.h5"
    with h5py.File(path, "w", libver="latest") as w:
        ds = w.create_dataset("adc", data=_data(300), maxshape=(None, CHANNELS),
                              chunks=(64, CHANNELS))
        w.swmr_mode = True
        with h5py.File(path, "r", swmr=True) as r:
            fig, ax, s = _stream()
            s.follow(r["adc"])
            assert s.count == 300 and s.poll() == 0
            ds.resize((1000, CHANNELS))
            ds[300:] = _data(700, 300)
            ds.flush()
            read = s.feed.rows_read
            assert s.poll() == 700 and s.count == 1000
            assert s.feed.rows_read - read <= s.visual.kept  # only the rows kept
            fig2, _, s2 = _stream()
            s2.push(_data(1000))
            assert np.array_equal(fig.render(), fig2.render())


def test_poll_follows_a_growing_zarr_array_and_raw_file(tmp_path):
    z = zarr.create_array(store=tmp_path / "g.zarr", shape=(200, CHANNELS), dtype="f4",
                          chunks=(64, CHANNELS))
    z[:] = _data(200)
    _data(200).tofile(tmp_path / "g.raw")
    sources = [zarr.open_array(tmp_path / "g.zarr", mode="r"),
               np.memmap(tmp_path / "g.raw", np.float32, "r", shape=(200, CHANNELS))]
    streams = []
    for src in sources:
        s = _stream()[2]
        s.follow(src)
        streams.append(s)
    z.resize((450, CHANNELS))
    z[200:] = _data(250, 200)
    with open(tmp_path / "g.raw", "ab") as f:
        f.write(_data(250, 200).tobytes())
    for s in streams:
        assert s.poll() == 250 and s.count == 450


def test_a_timer_polls_the_source_followed(tmp_path):
    _data(200).tofile(tmp_path / "t.raw")
    fig, ax, s = _stream()
    s.follow(np.memmap(tmp_path / "t.raw", np.float32, "r", shape=(200, CHANNELS)),
             interval_ms=10)
    with open(tmp_path / "t.raw", "ab") as f:
        f.write(_data(300, 200).tobytes())
    fig.canvas.start_event_loop(0.2)  # what a window's loop or plt.pause runs
    s.timer.stop()
    assert s.count == 500 and s.feed.position == 500


def test_a_truncated_source_is_an_error_and_the_figure_still_draws(tmp_path):
    data = _data(1000)
    fig, ax, s = _stream()
    s.follow(_memmap(tmp_path, data))
    before = fig.render()
    with open(tmp_path / "s.raw", "r+b") as f:
        f.truncate(400 * CHANNELS * 4)
    with pytest.raises(SourceError, match="s.raw.*truncated"):
        s.poll()
    assert s.count == 1000
    assert np.array_equal(fig.render(), before)  # drawn as before


def test_a_deleted_zarr_array_is_an_error_naming_it(tmp_path):
    fig, ax, s = _stream()
    s.follow(_zarr(tmp_path, _data(600)))
    shutil.rmtree(tmp_path / "s.zarr")
    with pytest.raises(SourceError, match="s.zarr.*gone"):
        s.poll()
    fig.render()


def test_bad_sources_are_named(tmp_path):
    with h5py.File(tmp_path / "bad.h5", "w") as f:
        f.create_dataset("names", data=np.array([[b"a", b"b", b"c"]]))
        ragged = f.create_dataset("ragged", (2,), dtype=h5py.vlen_dtype(np.float32))
        ragged[0] = [1.0, 2.0]
        s = _stream()[2]
        with pytest.raises(TypeError, match="'/names' in 'bad.h5'"):
            s.follow(f["names"])
        with pytest.raises(TypeError, match="'/ragged'.*ragged"):
            s.push(f["ragged"])
    with pytest.raises(ValueError, match=r"block: got shape \(10, 2\).*\(rows, 3\)"):
        s.push(da.zeros((10, 2), chunks=5))
    with pytest.raises(ValueError, match="follows no source"):
        s.poll()


def _frame(n: int, partitions: int, calls: dict):
    """A Dask DataFrame of ``n`` rows (CHANNELS columns) read by partition; ``calls``
    counts the reads of each partition."""
    import dask.dataframe as dd
    import pandas as pd

    data = _data(n)
    data[:100] = 1e6  # outliers among the rows not kept
    step = n // partitions

    def read(start):
        calls[start] = calls.get(start, 0) + 1
        return pd.DataFrame(data[start : start + step].astype(np.float64),
                            columns=[f"c{i}" for i in range(CHANNELS)],
                            index=pd.RangeIndex(start, start + step))

    starts = list(range(0, n, step))
    return dd.from_map(read, starts, meta=read(0).iloc[:0], divisions=starts + [n - 1]), data


def test_push_of_a_dask_dataframe_column_reads_only_the_rows_kept(monkeypatch):
    calls: dict = {}
    ddf, data = _frame(20_000, 20, calls)
    calls.clear()
    fig, ax = plt.subplots(figsize=(3, 2), dpi=60)
    s = ax.stream(1, CAPACITY, dt=0.01)
    pushed, skipped = [], []
    push, skip = s.visual.push, s.visual.skip
    monkeypatch.setattr(s.visual, "push", lambda rows: (pushed.append(len(rows)), push(rows)))
    monkeypatch.setattr(s.visual, "skip", lambda k: (skipped.append(k), skip(k)))
    s.push(ddf.c1)
    assert s.count == 20_000
    assert CAPACITY <= sum(pushed) <= s.visual.kept < 5000 and sum(pushed) + sum(skipped) \
        == 20_000
    # the old partitions are counted (their lengths), never computed again for values
    old = [start for start in calls if start + 1000 <= 20_000 - s.visual.kept]
    assert old and all(calls[start] == 1 for start in old)
    lazy = fig.render()
    assert ax.get_ylim()[1] < 10  # the outliers were never drawn
    fig2, ax2 = plt.subplots(figsize=(3, 2), dpi=60)
    s2 = ax2.stream(1, CAPACITY, dt=0.01)
    s2.push(data[:, 1:2].astype(np.float64))
    assert np.array_equal(lazy, fig2.render())


def test_follow_a_dask_dataframe_one_column_per_channel():
    from lumos.lazy import as_source

    ddf, data = _frame(6000, 6, {})
    fig, ax, s = _stream()
    s.follow(ddf)
    assert s.count == 6000 and s.feed.rows_read <= s.visual.kept < 6000
    assert s.feed.source.bytes_read == s.feed.rows_read * CHANNELS * 8
    np.testing.assert_array_equal(as_source(ddf.c2).read(5990, 6000), data[5990:, 2])
    with pytest.raises(TypeError, match="dask frame of columns"):
        as_source(ddf.assign(name="x"))  # strings: not numbers
