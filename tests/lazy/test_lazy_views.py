"""Lazy data in figures: plot/scatter/imshow of h5py, zarr, Dask and memmaps."""

from __future__ import annotations

import threading

import dask.array as da
import h5py
import numpy as np
import pytest

import lumos
from lumos.lazy import SourceError


@pytest.fixture
def h5signal(tmp_path):
    path = tmp_path / "sig.h5"
    rng = np.random.default_rng(0)
    with h5py.File(path, "w") as f:
        d = f.create_dataset("signal", shape=(1_000_000,), dtype="f4", chunks=(65536,))
        for i in range(0, 1_000_000, 250_000):  # written in chunks
            t = np.arange(i, i + 250_000)
            d[i : i + 250_000] = np.sin(t / 20000) + rng.normal(size=250_000) * 0.05
    return path


def test_plot_of_an_h5_dataset_matches_the_in_memory_plot(h5signal):
    pictures = []
    with h5py.File(h5signal, "r") as f:
        for data in (f["signal"], np.asarray(f["signal"])):
            fig, ax = lumos.subplots(figsize=(4, 3))
            (line,) = ax.plot(data, color="C0")
            pictures.append(fig.render().astype(int))
            if data is not f["signal"]:
                continue
            assert type(line).__name__ == "LazyLine2D"
            assert line.visual.drawn < 4 * 400 + 16  # O(pixel columns), not 10^6
            ax.set_xlim(1000, 3000)  # a zoom reads the rows of the view
            fig.render()
            assert line.visual.drawn < 2100
    d = np.abs(pictures[0] - pictures[1]).max(axis=2)
    assert (d > 32).mean() < 0.002


def test_a_truncated_file_is_a_clear_error_and_the_figure_stays_usable(tmp_path):
    data = np.sin(np.arange(400_000) / 1000.0)
    np.save(tmp_path / "y.npy", data)
    mm = np.load(tmp_path / "y.npy", mmap_mode="r")
    fig, ax = lumos.subplots(figsize=(3, 2))
    (line,) = ax.plot(mm)
    fig.render()
    with open(tmp_path / "y.npy", "r+b") as f:
        f.truncate(100_000)
    ax.set_xlim(200_000, 200_500)  # raw rows past the end of the file
    with pytest.raises(SourceError, match="memmap 'y.npy'"):
        fig.render()
    ax.set_xlim(0, 5_000)  # rows that are still there
    fig.render()
    line.remove()
    fig.render()


def test_scatter_of_dask_points_is_a_density_aggregated_per_view():
    rng = np.random.default_rng(2)
    x = da.from_array(rng.normal(size=300_000), chunks=100_000)
    y = da.from_array(rng.normal(size=300_000), chunks=100_000)
    fig, ax = lumos.subplots(figsize=(3, 3))
    pc = ax.scatter(x, y, density=True, cmap="magma")
    assert type(pc).__name__ == "LazyDensity"
    img = fig.render()
    agg = pc.visual.result
    assert agg.points == 300_000 and agg.grid.shape[1] > 100
    assert (img[..., :3] != 255).any()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    fig.render()
    assert pc.visual.result.extent[:2] == (0, 1)  # aggregated again for the new view
    with pytest.raises(ValueError, match="density: got False"):
        ax.scatter(x, y, density=False)
    with pytest.raises(TypeError, match="marker"):
        ax.scatter(x, y, marker="s")


class _Host:
    """A stand-in for a window: shown, and counts redraw requests from any thread."""

    shown = True

    def __init__(self) -> None:
        self.requests = threading.Event()

    def request_draw(self) -> None:
        self.requests.set()


def test_interactive_views_aggregate_in_the_background_and_ask_for_a_redraw():
    from lumos import scene
    from lumos.lazy.density import AggregateDensity

    rng = np.random.default_rng(3)
    x = da.from_array(rng.normal(size=100_000), chunks=50_000)
    y = da.from_array(rng.normal(size=100_000), chunks=50_000)
    host = _Host()
    c = scene.Canvas(size=(200, 150))
    v = c.add_view()
    vis = AggregateDensity(x, y, host=host, debounce=0.05)
    v.add(vis)
    v.camera.set_range()
    c.render()  # the first picture is aggregated before it is drawn
    first = vis.result
    v.camera.rect = (0, 0, 1, 1)
    c.render()  # drawn at once with the last grid, stretched
    assert vis.result is first
    assert host.requests.wait(10) and vis.wait(10)
    c.render()
    assert vis.result is not first and vis.result.extent == (0, 1, 0, 1)


def test_imshow_of_a_big_memmap_is_tiled_and_refined_in_the_background(tmp_path):
    from lumos.plot import bigdata

    h, w = 3000, 5000
    mm = np.lib.format.open_memmap(tmp_path / "img.npy", mode="w+", dtype="f4",
                                   shape=(h, w))
    for i in range(0, h, 500):
        rows = np.arange(i, i + 500)[:, None]
        mm[i : i + 500] = np.sin(rows / 100.0) * np.cos(np.arange(w) / 150.0)
    mm.flush()
    img = np.load(tmp_path / "img.npy", mmap_mode="r")
    old = bigdata.TILE_ABOVE
    bigdata.TILE_ABOVE = 1000
    try:
        fig, ax = lumos.subplots(figsize=(4, 3))
        im = ax.imshow(img, cmap="gray")
    finally:
        bigdata.TILE_ABOVE = old
    assert type(im).__name__ == "LazyImage"
    tiled = fig.render().astype(int)
    fig2, ax2 = lumos.subplots(figsize=(4, 3))
    ax2.imshow(np.asarray(img), cmap="gray")
    whole = fig2.render().astype(int)
    d = np.abs(tiled - whole).max(axis=2)
    assert d.mean() < 3
    # interactive: missing tiles come from the background thread, the coarse one shows
    host = _Host()
    im.visual.host = host
    ax.set_xlim(100, 400)
    ax.set_ylim(400, 100)
    fig.render()
    assert im.visual.last_level == 0
    assert host.requests.wait(10) and im.visual.wait(10)
    fig.render()
    assert any(k[0] == 0 for k in im.visual._tiles)


def test_brick_pyramid_of_a_volume():
    from lumos.lazy.tiles import TilePyramid

    vol = np.random.default_rng(0).normal(size=(70, 64, 66)).astype(np.float32)
    p = TilePyramid(vol, tile=32, cache=False)
    assert p.levels == 3 and p.level_shape(1) == (35, 32, 33) and p.grid(1) == (2, 1, 2)
    brick = p.read(1, (1, 0, 1))
    assert brick.shape == (3, 32, 1)
    np.testing.assert_allclose(p.read(1, (0, 0, 0))[0, 0, 0], vol[:2, :2, :2].mean(),
                               rtol=1e-5)
    assert p.region(1, (1, 0, 1)) == ((64, 70), (0, 64), (64, 66))


def test_the_value_range_is_the_datas_not_a_coarse_levels(tmp_path):
    from lumos.lazy.tiles import TilePyramid

    img = np.zeros((200, 300), np.float32)
    img[17, 251], img[150, 3], img[5, 5] = 9.0, -4.0, np.nan  # lost in the means
    np.save(tmp_path / "img.npy", img)
    mm = np.load(tmp_path / "img.npy", mmap_mode="r")
    built = TilePyramid(mm, tile=32)
    assert built.levels > 1 and built.value_range == (-4.0, 9.0)
    top = built.read(built.levels - 1, (0, 0))
    assert np.nanmax(top) < 1.0  # what the range was taken from before
    again = TilePyramid(mm, tile=32)  # from the cache: the range was stored with it
    assert again.value_range == (-4.0, 9.0)


def test_a_lazy_line_in_a_legend_shows_its_color_and_style(tmp_path):
    np.save(tmp_path / "y.npy", np.sin(np.arange(200_000) / 3000.0) * 0.5 + 0.5)
    mm = np.load(tmp_path / "y.npy", mmap_mode="r")
    fig, ax = lumos.subplots(figsize=(4, 3), dpi=100)
    (line,) = ax.plot(mm, color="#ff0000", linewidth=2, linestyle="--", label="signal")
    ax.set_ylim(0, 3)  # the line stays in the lower third; the legend goes top right
    handles, labels = ax.get_legend_handles_labels()
    assert handles == [line] and labels == ["signal"]
    handle = line.legend_handle(12.0)
    assert handle.line[0] == (1.0, 0.0, 0.0, 1.0) and handle.line[2]  # dashed
    ax.legend(loc="upper right")
    img = fig.render().astype(int)
    red = (img[..., 0] > 200) & (img[..., 1] < 80) & (img[..., 2] < 80)
    h, w = red.shape
    top_right = red[: h // 3, w // 2 :]
    assert top_right.sum() > 10  # the handle's dashes
    assert red[h // 3 :].sum() > 200  # and the line itself below
