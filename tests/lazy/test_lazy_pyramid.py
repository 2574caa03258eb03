"""The on-disk min/max pyramid: exact extremes per view, cached, streaming build."""

from __future__ import annotations

import h5py
import numpy as np
import pytest

from lumos.lazy.pyramid import LinePyramid


def _walk(n, seed=0):
    return np.cumsum(np.random.default_rng(seed).normal(size=n))


@pytest.mark.parametrize("n", [1, 255, 256, 257, 100_000, 1_000_003])
def test_query_keeps_the_extremes_of_every_view(n):
    y = _walk(n)
    p = LinePyramid(y, cache=False)
    for a, b, cols in [(0, n, 500), (n * 0.1, n * 0.6, 300), (n / 3, n / 3 + 50, 800)]:
        q = p.query(a, b, cols)
        i0, i1 = int(max(np.floor(a), 0)), int(min(np.ceil(b), n - 1)) + 1
        seg = y[i0:i1]
        assert np.nanmin(q[:, 1]) <= seg.min() and np.nanmax(q[:, 1]) >= seg.max()
        assert len(q) <= 4 * cols + 16 or len(q) <= 4 * (i1 - i0) + 16  # O(pixels)
        ok = np.isfinite(q[:, 0])
        assert (np.diff(q[ok, 0]) >= 0).all()  # drawn in x order


def test_draws_the_same_envelope_as_the_in_memory_line():
    from lumos import scene
    from lumos.lazy.line import PyramidLine
    from lumos.visuals import Line

    y = _walk(2_000_000)
    pictures = []
    for visual in (PyramidLine(LinePyramid(y, cache=False), color="C0"),
                   Line(np.c_[np.arange(len(y)), y], color="C0")):
        c = scene.Canvas(size=(400, 200))
        v = c.add_view()
        v.add(visual)
        v.camera.set_range()
        pictures.append(c.render().astype(int))
    d = np.abs(pictures[0] - pictures[1]).max(axis=2)
    assert (d > 32).mean() < 0.001


def test_nan_breaks_and_all_nan_bins():
    y = _walk(100_000)
    y[5000:6000] = np.nan
    p = LinePyramid(y, cache=False)
    q = p.query(0, len(y), 300)
    assert np.isnan(q[:, 1]).any()
    assert p.y_range == (np.nanmin(y), np.nanmax(y))


def test_explicit_x_is_searched_and_must_be_sorted():
    rng = np.random.default_rng(1)
    x = np.cumsum(rng.uniform(0.1, 2.0, 300_000)) + 1.7e9  # unix seconds
    y = _walk(300_000)
    p = LinePyramid(y, x, cache=False)
    q = p.query(x[1000], x[200_000], 400)
    assert q[0, 0] <= x[1000] and q[-1, 0] >= x[200_000]
    assert q[0, 0] >= x[0] and len(q) < 2000
    seg = y[1000:200_001]
    assert np.nanmin(q[:, 1]) <= seg.min() and np.nanmax(q[:, 1]) >= seg.max()
    with pytest.raises(ValueError, match="x: .*not sorted"):
        LinePyramid(y, x[::-1].copy(), cache=False)
    with pytest.raises(ValueError, match="same length"):
        LinePyramid(y, x[:10], cache=False)


def test_cached_next_to_nothing_and_rebuilt_when_the_file_changes(tmp_path, _cache_dir):
    path = tmp_path / "s.h5"
    y = _walk(50_000).astype(np.float32)
    with h5py.File(path, "w") as f:
        f.create_dataset("s", data=y, chunks=(4096,))
    before = path.read_bytes()
    with h5py.File(path, "r") as f:
        p1 = LinePyramid(f["s"], progress=False)
        assert p1.cached and p1.path.parent.parent == _cache_dir
        p2 = LinePyramid(f["s"], progress=False)
        assert p2.path == p1.path
    assert path.read_bytes() == before  # the user's file is never written
    with h5py.File(path, "r+") as f:
        f["s"][100] = 1e6
    import os
    os.utime(path, ns=(1, os.stat(path).st_mtime_ns + 10_000_000))
    with h5py.File(path, "r") as f:
        p3 = LinePyramid(f["s"], progress=False)
        assert p3.path != p1.path and p3.y_range[1] == 1e6


def test_zarr_source_and_streaming_build_in_blocks(monkeypatch):
    import zarr

    from lumos.lazy import source

    monkeypatch.setattr(source, "BLOCK_BYTES", 1 << 14)  # many blocks: the seams matter
    y = _walk(200_001)
    z = zarr.create_array(store=zarr.storage.MemoryStore(), shape=y.shape, chunks=(3000,),
                          dtype="f8")
    z[:] = y
    p = LinePyramid(z, cache=False)
    ref = LinePyramid(y.copy(), cache=False)
    for level in range(len(p.sizes)):
        o = p.offsets[level]
        np.testing.assert_array_equal(p.bins[o : o + p.sizes[level]],
                                      ref.bins[o : o + ref.sizes[level]])


def test_the_build_reads_float32_and_integers_in_their_own_dtype():
    from lumos.lazy.pyramid import leaf_bins

    y = _walk(10_000).astype(np.float32)
    y[300:800] = np.nan  # bins 1 and 3 broken, bin 2 all NaN
    y[5000] = np.inf
    ref = leaf_bins(y.astype(np.float64), None, 7, 256)
    got = leaf_bins(y, None, 7, 256)
    np.testing.assert_array_equal(got, ref)
    assert np.isnan(got[2, 0]) and got[1, 4] == got[3, 4] == got[19, 4] == 1 and got[0, 4] == 0
    assert got[19, 1] == y[19 * 256 : 20 * 256][np.isfinite(y[19 * 256 : 20 * 256])].max()
    ints = (np.arange(1000) % 97).astype(np.int16)
    np.testing.assert_array_equal(leaf_bins(ints, None, 0, 256),
                                  leaf_bins(ints.astype(np.float64), None, 0, 256))
    p = LinePyramid(y, cache=False)
    assert p.y_range == (float(np.nanmin(y[np.isfinite(y)])), float(np.nanmax(y[np.isfinite(y)])))
