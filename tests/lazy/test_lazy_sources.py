"""Array sources: h5py, zarr, Dask, memmap read in pieces; bad input named."""

from __future__ import annotations

import os

import dask.array as da
import h5py
import numpy as np
import pytest
import zarr

from lumos.lazy import SourceError, as_source, is_lazy


@pytest.fixture
def data():
    return np.arange(10_000, dtype=np.float32) * 0.5


def _h5(tmp_path, data, name="y"):
    path = tmp_path / "d.h5"
    with h5py.File(path, "w") as f:
        f.create_dataset(name, data=data, chunks=(1000,))
    return path


def test_every_kind_reads_the_rows_asked(tmp_path, data):
    path = _h5(tmp_path, data)
    z = zarr.create_array(store=tmp_path / "d.zarr", shape=data.shape, chunks=(999,),
                          dtype="f4")
    z[:] = data
    np.save(tmp_path / "d.npy", data)
    mm = np.load(tmp_path / "d.npy", mmap_mode="r")
    with h5py.File(path, "r") as f:
        for obj in (f["y"], z, da.from_array(data, chunks=777), mm, mm[100:]):
            assert is_lazy(obj)
            src = as_source(obj)
            first = 100 if obj is not mm and getattr(obj, "shape", (0,))[0] == 9900 else 0
            np.testing.assert_array_equal(src.read(10, 2010), data[first + 10 : first + 2010])
            blocks = list(src.blocks(rows=3000))
            assert [b[0] for b in blocks] == list(range(0, len(src), 3000))
            np.testing.assert_array_equal(np.concatenate([b for _, b in blocks]),
                                          data[first:])
    assert not is_lazy(data)


def test_memmap_reads_through_the_file_not_the_mapping(tmp_path, data):
    np.save(tmp_path / "d.npy", data.reshape(-1, 4))
    mm = np.load(tmp_path / "d.npy", mmap_mode="r")
    src = as_source(mm)
    np.testing.assert_array_equal(src.read(3, 9, 2), data.reshape(-1, 4)[3:9, 2])


def test_non_numeric_and_ragged_datasets_are_type_errors_naming_them(tmp_path):
    path = tmp_path / "bad.h5"
    with h5py.File(path, "w") as f:
        f.create_dataset("names", data=np.array([b"a", b"b"]))
        ragged = f.create_dataset("ragged", (2,), dtype=h5py.vlen_dtype(np.float32))
        ragged[0] = [1.0, 2.0]
    with h5py.File(path, "r") as f:
        with pytest.raises(TypeError, match="'/names' in 'bad.h5'"):
            as_source(f["names"])
        with pytest.raises(TypeError, match="'/ragged'.*ragged"):
            as_source(f["ragged"])
    with pytest.raises(TypeError, match="y: "):
        as_source(np.array(["a"]), "y")


def test_fingerprint_changes_with_the_file(tmp_path, data):
    path = _h5(tmp_path, data)
    with h5py.File(path, "r") as f:
        before = as_source(f["y"]).fingerprint()
    with h5py.File(path, "r+") as f:
        f["y"][0] = 42
    os.utime(path, ns=(1, os.stat(path).st_mtime_ns + 10_000_000))
    with h5py.File(path, "r") as f:
        assert as_source(f["y"]).fingerprint() != before


def test_truncated_memmap_and_closed_h5_raise_source_errors(tmp_path, data):
    np.save(tmp_path / "d.npy", data)
    mm = np.load(tmp_path / "d.npy", mmap_mode="r")
    src = as_source(mm)
    with open(tmp_path / "d.npy", "r+b") as f:
        f.truncate(2000)
    with pytest.raises(SourceError, match="memmap 'd.npy'.*rows 5000:6000"):
        src.read(5000, 6000)
    path = _h5(tmp_path, data)
    f = h5py.File(path, "r")
    s = as_source(f["y"])
    f.close()
    with pytest.raises(SourceError, match="rows 0:10"):
        s.read(0, 10)


def test_deleted_zarr_array_is_an_error_not_fill_values(tmp_path, data):
    import shutil

    z = zarr.create_array(store=tmp_path / "d.zarr", shape=data.shape, chunks=(1000,),
                          dtype="f4")
    z[:] = data
    src = as_source(zarr.open_array(tmp_path / "d.zarr", mode="r"))
    shutil.rmtree(tmp_path / "d.zarr")
    with pytest.raises(SourceError, match="gone"):
        src.read(0, 100)
