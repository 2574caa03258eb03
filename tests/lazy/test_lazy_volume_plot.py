"""``ax.volume`` on 3D axes over h5py, zarr, Dask and memmap volumes, read lazily."""

from __future__ import annotations

import dask.array as da
import h5py
import numpy as np
import pytest
import zarr
from volume_helpers import N, field  # tests/lazy/volume_helpers.py

import lumos.pyplot as plt
from lumos.lazy import SourceError


def _h5(tmp_path, data):
    f = h5py.File(tmp_path / "v.h5", "w")
    f.create_dataset("scan", data=data, chunks=(16, 16, 16))
    return f["scan"]


def _zarr(tmp_path, data):
    z = zarr.create_array(store=tmp_path / "v.zarr", shape=data.shape, dtype="f4",
                          chunks=(16, 16, 16))
    z[:] = data
    return z


def _memmap(tmp_path, data):
    np.save(tmp_path / "v.npy", data)
    return np.load(tmp_path / "v.npy", mmap_mode="r")


def _dask(tmp_path, data):
    return da.from_array(data, chunks=(16, 16, 16))


KINDS = {"h5py": _h5, "zarr": _zarr, "memmap": _memmap, "dask": _dask}


def _figure(data, inches: float, **kwargs):
    fig = plt.figure(figsize=(inches, inches), dpi=50)
    ax = fig.add_subplot(projection="3d")
    vol = ax.volume(data, cmap="magma", **kwargs)
    return fig, vol


@pytest.mark.parametrize("kind", KINDS)
def test_a_small_view_reads_the_file_once_then_only_a_coarse_level(tmp_path, kind):
    data = field()
    lazy = KINDS[kind](tmp_path, data)
    fig, vol = _figure(lazy, 1.6, tile=16)
    pic = fig.render().astype(int)
    assert vol.visual.level == 1  # the box spans about 40 pixels: a voxel of 2 a pixel
    source = vol.source.pyramid.source
    assert source.bytes_read == data.nbytes  # the pyramid's one pass; level 0 not again
    whole = _figure(data, 1.6)[0].render().astype(int)
    assert np.abs(pic - whole).mean() < 2
    if kind != "dask":  # files: the pyramid is cached, the second open reads none of it
        fig2, vol2 = _figure(lazy, 1.6, tile=16)
        assert np.array_equal(fig2.render(), pic.astype(np.uint8))
        assert vol2.source.pyramid.source.bytes_read == 0


def test_a_large_view_draws_the_data_itself(tmp_path):
    data = field()
    fig, vol = _figure(_memmap(tmp_path, data), 6, tile=16)
    pic = fig.render().astype(int)
    assert vol.visual.level == 0
    assert vol.source.pyramid.source.bytes_read == 2 * data.nbytes  # pyramid, level 0
    assert np.abs(pic - _figure(data, 6)[0].render().astype(int)).max() <= 2
    assert vol.data_limits3d() == ((-0.5, N - 0.5),) * 3


def test_max_bytes_caps_the_level_and_colors_follow_the_mappable(tmp_path):
    fig, vol = _figure(_memmap(tmp_path, field()), 6, tile=16, max_bytes=40**3 * 2)
    fig.colorbar(vol)
    fig.render()
    assert vol.visual.level == 1
    vol.set_clim(0, 0.5)
    vol.set_cmap("gray")
    assert vol.visual.clim == (0, 0.5) and vol.visual.cmap.name == "gray"
    with pytest.raises(ValueError, match="norm: got a log norm"):
        vol.set_norm("log")


def test_a_truncated_file_is_an_error_then_the_figure_draws_again(tmp_path):
    fig, vol = _figure(_memmap(tmp_path, field()), 6, tile=16)
    with open(tmp_path / "v.npy", "r+b") as f:
        f.truncate(4096)
    with pytest.raises(SourceError, match="v.npy"):
        fig.render()  # level 0 reads the file
    pic = fig.render()  # usable: the finest level the cache has
    assert vol.visual.level == 1 and pic[..., :3].std() > 0


def test_bad_volumes_are_named(tmp_path):
    with h5py.File(tmp_path / "bad.h5", "w") as f:
        f.create_dataset("names", data=np.array([[[b"a"]]]))
        f.create_dataset("flat", data=np.zeros((20, 20), np.float32))
        fig = plt.figure()
        ax = fig.add_subplot(projection="3d")
        with pytest.raises(TypeError, match="'/names' in 'bad.h5'"):
            ax.volume(f["names"])
        with pytest.raises(ValueError, match=r"data: got shape \(20, 20\)"):
            ax.volume(f["flat"])
    with pytest.raises(TypeError, match="max_bytes"):
        ax.volume(field(), max_bytes=1000)
    with pytest.raises(TypeError, match="shade"):
        ax.volume(field(), shade=True)
