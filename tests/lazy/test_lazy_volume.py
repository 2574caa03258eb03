"""Volumes beyond memory: the Volume visual over a brick pyramid, coarse first."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from volume_helpers import N, field  # tests/lazy/volume_helpers.py

from lumos import scene
from lumos.lazy import SourceError, VolumeSource
from lumos.visuals.volume import Volume


@pytest.fixture
def volume_file(tmp_path):
    np.save(tmp_path / "vol.npy", field())
    return tmp_path / "vol.npy"


def _render(vis) -> np.ndarray:
    c = scene.Canvas(size=(160, 160), bgcolor="black")
    v = c.add_view(camera="turntable")
    v.add(vis)
    v.camera.set_range(margin=0.0)
    return c.render().astype(int)


class _Host:
    shown = True

    def __init__(self) -> None:
        self.requests = threading.Event()

    def request_draw(self) -> None:
        self.requests.set()


def test_a_source_that_fits_draws_the_data_itself(volume_file):
    mm = np.load(volume_file, mmap_mode="r")
    src = VolumeSource(mm, tile=16)
    assert src.levels == 3 and src.value_range == (float(mm.min()), float(mm.max()))
    vol = Volume(src, method="mip", cmap="magma")
    assert vol.level == 2 and vol.shape == (N, N, N)  # the coarsest at once
    lazy = _render(vol)
    assert vol.level == 0  # headless: the finest level read before the draw
    whole = _render(Volume(np.asarray(mm), method="mip", cmap="magma"))
    assert np.abs(lazy - whole).max() <= 2


def test_the_finest_level_within_max_bytes_spans_the_same_box(volume_file):
    mm = np.load(volume_file, mmap_mode="r")
    src = VolumeSource(mm, tile=16, max_bytes=40**3 * 2)  # level 1 (32^3) fits, 64^3 not
    vol = Volume(src, method="mip", cmap="magma")
    pic = _render(vol)
    assert vol.level == 1
    np.testing.assert_array_equal(vol.bounds(), Volume(field()).bounds())
    # level 1 drawn over the same box: a 32^3 volume with voxels twice as large
    ref = Volume(src.read_level(1), method="mip", cmap="magma", spacing=(2.0, 2.0, 2.0),
                 origin=(0.5, 0.5, 0.5), clim=src.value_range)
    assert np.abs(pic - _render(ref)).max() <= 2
    assert np.abs(pic - _render(Volume(field(), method="mip", cmap="magma"))).mean() < 6


def test_in_a_window_levels_arrive_in_the_background_coarse_to_fine(volume_file):
    mm = np.load(volume_file, mmap_mode="r")
    host = _Host()
    src = VolumeSource(mm, tile=16, host=host)
    vol = Volume(src, method="mip", cmap="magma")
    c = scene.Canvas(size=(160, 160), bgcolor="black")
    v = c.add_view(camera="turntable")
    v.add(vol)
    v.camera.set_range(margin=0.0)
    c.render()
    assert vol.level == 2  # drawn at once with what there is
    levels = [vol.level]
    for _ in range(10):
        assert host.requests.wait(10) and src.wait(10)
        host.requests.clear()
        last = c.render()
        levels.append(vol.level)
        if vol.level == 0:
            break
    assert levels[-1] == 0 and levels == sorted(levels, reverse=True)
    whole = _render(Volume(field(), method="mip", cmap="magma"))
    assert np.abs(last.astype(int) - whole).max() <= 2
    src.close()


def test_a_file_truncated_while_loading_is_an_error_then_the_volume_draws_again(tmp_path):
    np.save(tmp_path / "vol.npy", field())
    mm = np.load(tmp_path / "vol.npy", mmap_mode="r")
    host = _Host()
    src = VolumeSource(mm, tile=16, host=host)  # levels 1+ cached; level 0 is the file
    vol = Volume(src, method="mip", cmap="magma")
    c = scene.Canvas(size=(120, 120))
    v = c.add_view(camera="turntable")
    v.add(vol)
    v.camera.set_range(margin=0.0)
    with open(tmp_path / "vol.npy", "r+b") as f:
        f.truncate(4096)
    with pytest.raises(SourceError, match="vol.npy"):  # level 0 reads the file: fails
        for _ in range(5):  # (levels 1 and 2 come from the cache)
            c.render()
            src.wait(10)
    c.render()  # usable: the finest level it has
    assert vol.level == 1


def test_bad_sources():
    with pytest.raises(ValueError, match="expected a 3D"):
        VolumeSource(np.zeros((40, 40), np.float32), tile=16)
    src = VolumeSource(field(), tile=16)
    with pytest.raises(TypeError, match="r8"):
        Volume(src, texture_format="r8")
    with pytest.raises(ValueError, match="max_bytes"):
        VolumeSource(field(), tile=16, max_bytes=0)


def _centroid(img: np.ndarray) -> np.ndarray:
    w = img[..., :3].sum(-1).astype(float)
    yy, xx = np.mgrid[: w.shape[0], : w.shape[1]]
    return np.array([(w * xx).sum(), (w * yy).sum()]) / w.sum()


def test_a_level_of_a_side_not_a_multiple_of_its_voxels_stays_in_place():
    # 33 voxels along x: level 2 has 9 voxels of 4 (36); the box stays 33 wide
    z, y, x = np.mgrid[0:64, 0:64, 0:33].astype(np.float32)
    f = np.exp(-((x - 24) ** 2 + (y - 20) ** 2) / 8).astype(np.float32)
    vol = Volume(VolumeSource(f, tile=16, max_bytes=5000), method="mip", cmap="gray",
                 clim=(0, 1))

    def top_view(vis):
        c = scene.Canvas(size=(200, 200), bgcolor="black")
        v = c.add_view(camera="turntable")
        v.camera.elevation, v.camera.azimuth = 90, 0
        v.add(vis)
        v.camera.set_range(margin=0.0)
        return c.render()

    lazy = _centroid(top_view(vol))
    assert vol.level == 2
    whole = _centroid(top_view(Volume(f, method="mip", cmap="gray", clim=(0, 1))))
    assert np.abs(lazy - whole).max() < 1.5  # stretched over 36 voxels: 3.8 px off


def test_a_coarse_level_is_as_opaque_as_the_data(volume_file):
    # translucent: the opacity of a step is that of the data voxels it spans
    mm = np.load(volume_file, mmap_mode="r")
    coarse = Volume(VolumeSource(mm, tile=16, max_bytes=20**3 * 2), method="translucent",
                    cmap="magma")
    pic = _render(coarse)
    assert coarse.level == 2
    whole = _render(Volume(field(), method="translucent", cmap="magma"))
    assert np.abs(pic - whole).mean() < 1.0  # 3.0 with the opacity of a level voxel


def _settle(c, src, host) -> None:
    """Render until no level is loading any more."""
    for _ in range(10):
        c.render()
        if not src.wait(10):
            raise AssertionError("levels still loading")
        if not host.requests.is_set():
            return
        host.requests.clear()


def test_the_level_follows_the_view_and_a_zoom_refines_it_in_the_background(volume_file):
    mm = np.load(volume_file, mmap_mode="r")
    host = _Host()
    src = VolumeSource(mm, tile=16, host=host)  # max_bytes would allow level 0
    vol = Volume(src, method="mip", cmap="magma")
    c = scene.Canvas(size=(40, 40), bgcolor="black")
    v = c.add_view(camera="turntable")
    v.add(vol)
    v.camera.set_range(margin=0.0)
    _settle(c, src, host)
    assert vol.level == 1  # 64 voxels over about 30 pixels: 2 voxels a pixel
    assert src.pyramid.source.bytes_read == mm.nbytes  # the pyramid's pass, not level 0
    v.camera.distance /= 4  # zoom in: the box spans about 120 pixels
    c.render()
    assert vol.level == 1  # the draw does not wait for the finer level
    _settle(c, src, host)
    assert vol.level == 0 and src.pyramid.source.bytes_read == 2 * mm.nbytes
    v.camera.distance *= 8  # zoom out: the finer level stays, nothing is read
    _settle(c, src, host)
    assert vol.level == 0 and src.pyramid.source.bytes_read == 2 * mm.nbytes
    src.close()


def _zoomed(vis, host=None):
    """A canvas looking down z at a part of the volume about 12 voxels wide."""
    c = scene.Canvas(size=(160, 160), bgcolor="black")
    v = c.add_view(camera="turntable")
    v.camera.elevation, v.camera.azimuth = 90, 0
    v.add(vis)
    v.camera.set_range(margin=0.0)
    v.camera.fov = 4
    v.camera.center = np.array([24.0, 40.0, 32.0])
    return c


def test_a_zoom_beyond_max_bytes_draws_the_part_shown_from_a_finer_level(tmp_path):
    z, y, x = np.mgrid[0:N, 0:N, 0:N]
    f = field() + 0.2 * (np.sin(x * np.pi / 2) * np.sin(y * np.pi / 2) > 0)  # 4-voxel
    np.save(tmp_path / "vol.npy", f.astype(np.float32))
    mm = np.load(tmp_path / "vol.npy", mmap_mode="r")
    src = VolumeSource(mm, tile=16, max_bytes=40_000)  # a whole level: 16^3 at most
    vol = Volume(src, method="mip", cmap="magma")
    lazy = _zoomed(vol).render().astype(int)
    assert vol.level == 2
    assert vol.detail == (0, (0, 32, 16), (64, 48, 32))  # 16 x 16 columns of bricks
    # the pyramid's pass, then only the bricks of the part shown
    assert src.pyramid.source.bytes_read == mm.nbytes + 16 * 16 * 64 * 4
    whole = _zoomed(Volume(f, method="mip", cmap="magma")).render().astype(int)
    assert np.abs(lazy - whole).max() <= 2
    coarse = Volume(src.read_level(2), method="mip", cmap="magma", spacing=(4.0,) * 3,
                    origin=(1.5,) * 3, clim=src.value_range)
    assert np.abs(_zoomed(coarse).render().astype(int) - whole).mean() > 5  # what it adds


def test_in_a_window_the_finer_part_arrives_in_the_background(volume_file):
    mm = np.load(volume_file, mmap_mode="r")
    host = _Host()
    src = VolumeSource(mm, tile=16, host=host, max_bytes=40_000)
    vol = Volume(src, method="mip", cmap="magma")
    c = _zoomed(vol)
    c.render()
    assert vol.detail is None  # drawn at once with the whole coarse level
    _settle(c, src, host)
    assert vol.detail == (0, (0, 32, 16), (64, 48, 32))
    cam = c.views[0].camera
    cam.elevation, cam.center = 0, np.array([24.0, 40.0, 40.0])  # to look along y
    c.render()
    assert vol.detail == (0, (0, 32, 16), (64, 48, 32))  # kept until the new part arrives
    _settle(c, src, host)
    assert vol.detail == (0, (32, 0, 16), (48, 64, 32))  # a column along y, not z
    src.close()
