"""pcolormesh/pcolor/matshow of h5py, zarr, Dask and memmap arrays: drawn through the
tile pyramid on regular grids, loaded (within the memory budget) on irregular ones."""

from __future__ import annotations

import dask.array as da
import h5py
import numpy as np
import pytest
import zarr

import lumos
from lumos.plot import bigdata

NY, NX = 700, 900  # above the (lowered) tiling threshold: 2 x 2 tiles of 512 at level 0
X_EDGES = np.linspace(-3.0, 6.0, NX + 1)
Y_EDGES = np.linspace(10.0, 17.0, NY + 1)


def _field() -> np.ndarray:
    yy, xx = np.mgrid[0:NY, 0:NX]
    # rows grow upwards: a picture drawn with row 0 at the top would not match
    return (np.sin(xx / 60.0) * np.cos(yy / 45.0) + 1.5 * yy / NY).astype(np.float32)


def _difference(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    d = np.abs(a.astype(int) - b.astype(int)).max(axis=2)
    return float(d.mean()), float((d > 32).mean())


def _render(C, *coords, **kwargs):  # noqa: N803
    fig, ax = lumos.subplots(figsize=(4, 3))
    mesh = ax.pcolormesh(*coords, C, **kwargs)
    return fig, ax, mesh, fig.render()


@pytest.fixture(autouse=True)
def _tile_above(monkeypatch):
    monkeypatch.setattr(bigdata, "TILE_ABOVE", 600)


@pytest.fixture(scope="module")
def in_memory():
    """The in-memory pcolormesh of the field (a QuadMesh), rendered once."""
    fig, ax, mesh, picture = _render(_field(), X_EDGES, Y_EDGES)
    assert type(mesh).__name__ == "QuadMesh"
    return picture, (ax.get_xlim(), ax.get_ylim())


def _memmap(tmp_path):
    mm = np.lib.format.open_memmap(tmp_path / "c.npy", mode="w+", dtype="f4",
                                   shape=(NY, NX))
    for i in range(0, NY, 100):  # written in blocks
        mm[i : i + 100] = _field()[i : i + 100]
    mm.flush()
    return np.load(tmp_path / "c.npy", mmap_mode="r")


def _h5(tmp_path):
    with h5py.File(tmp_path / "c.h5", "w") as f:
        f.create_dataset("C", data=_field(), chunks=(128, 128))
    return h5py.File(tmp_path / "c.h5", "r")["C"]


def _zarr(tmp_path):
    z = zarr.create_array(store=tmp_path / "c.zarr", shape=(NY, NX), chunks=(128, 128),
                          dtype="f4")
    z[:] = _field()
    return zarr.open_array(tmp_path / "c.zarr", mode="r")


def _dask(tmp_path):
    return da.from_array(_field(), chunks=(128, 128))


@pytest.mark.parametrize("make", [_memmap, _h5, _zarr, _dask],
                         ids=["memmap", "h5py", "zarr", "dask"])
def test_lazy_pcolormesh_is_the_in_memory_picture_and_a_zoom_reads_part(
        tmp_path, in_memory, make):
    C = make(tmp_path)  # noqa: N806
    fig, ax, mesh, picture = _render(C, X_EDGES, Y_EDGES)
    assert type(mesh).__name__ == "LazyImage"
    expected, limits = in_memory
    assert (ax.get_xlim(), ax.get_ylim()) == limits
    mean, bad = _difference(picture, expected)
    assert mean < 1.0 and bad < 0.005, (mean, bad)
    source = mesh.pyramid.source
    before = source.bytes_read  # the pyramid's pass, once
    ax.set_xlim(0.0, 1.0)  # about 100 x 100 cells: one tile of level 0
    ax.set_ylim(11.0, 12.0)
    fig.render()
    assert mesh.visual.last_level == 0
    assert 0 < source.bytes_read - before < source.nbytes


def test_centers_and_no_coordinates_give_matplotlibs_edges(tmp_path):
    C = _memmap(tmp_path)  # noqa: N806
    xc, yc = np.arange(NX) * 2.0 + 5.0, np.arange(NY) * 0.5
    for shading in ("nearest", "auto"):
        _, ax, mesh, _ = _render(C, xc, yc, shading=shading)
        assert mesh.get_extent() == (4.0, 5.0 + 2 * NX - 1.0, -0.25, 0.5 * NY - 0.25)
    xx, yy = np.meshgrid(xc, yc)  # 2-D coordinates of a regular grid, lazy too
    _, _, mesh, _ = _render(C, da.from_array(xx), da.from_array(yy), shading="nearest")
    assert mesh.get_extent() == (4.0, 5.0 + 2 * NX - 1.0, -0.25, 0.5 * NY - 0.25)
    _, _, mesh, _ = _render(C)
    assert mesh.get_extent() == (0.0, NX, 0.0, NY)
    _, _, mesh, _ = _render(C, shading="nearest")
    assert mesh.get_extent() == (-0.5, NX - 0.5, -0.5, NY - 0.5)
    fig, ax = lumos.subplots()
    assert type(ax.pcolor(C)).__name__ == "LazyImage"
    assert type(ax.matshow(C)).__name__ == "LazyImage"


def test_lazy_2d_coordinates_irregular_in_one_row_are_not_drawn_as_a_grid(tmp_path, monkeypatch):
    C = _memmap(tmp_path)  # noqa: N806
    xx, yy = np.meshgrid(X_EDGES, Y_EDGES)
    xx[NY // 3, 7] += 0.5  # one row bent, away from the first, middle and last
    monkeypatch.setattr(bigdata, "_GRID_BLOCK_VALUES", 4 * (NX + 1), raising=False)
    _, _, mesh, _ = _render(C, da.from_array(xx), da.from_array(yy))
    assert type(mesh).__name__ == "QuadMesh"  # loaded: each cell where its corners are
    _, _, mesh, _ = _render(C, da.from_array(xx[::-1].copy()), da.from_array(yy))
    assert type(mesh).__name__ == "QuadMesh"


def test_a_log_norm_and_alpha_are_colored_as_in_memory(tmp_path):
    C = _memmap(tmp_path) + 0  # noqa: N806  (in memory: the reference)
    C += 1.0 - C.min()
    np.save(tmp_path / "pos.npy", C)
    lazy = np.load(tmp_path / "pos.npy", mmap_mode="r")
    kw = dict(norm="log", cmap="magma", alpha=0.6)
    _, _, mesh, picture = _render(lazy, X_EDGES, Y_EDGES, **kw)
    assert type(mesh).__name__ == "LazyImage"
    _, _, _, expected = _render(C, X_EDGES, Y_EDGES, **kw)
    mean, bad = _difference(picture, expected)
    assert mean < 1.0 and bad < 0.005, (mean, bad)
    mesh.set_cmap("gray")  # tiles colored on the CPU are colored again
    gray = mesh.axes.figure.render()
    assert _difference(gray, picture)[0] > 10


def test_irregular_grids_load_within_the_budget_and_are_refused_beyond(tmp_path):
    from lumos.gpu import set_memory_budget

    C = _memmap(tmp_path)  # noqa: N806
    x = X_EDGES ** 2  # not uniform
    _, _, mesh, _ = _render(C, x, Y_EDGES)
    assert type(mesh).__name__ == "QuadMesh"
    np.testing.assert_array_equal(mesh.get_array(), _field())
    set_memory_budget(NX * NY * 10)
    try:
        fig, ax = lumos.subplots()
        with pytest.raises(ValueError, match=r"^C: .*X is not uniformly spaced.*omit X"):
            ax.pcolormesh(x, Y_EDGES, C)
    finally:
        set_memory_budget(None)
    assert not ax.collections and not ax.images


def test_what_lazy_cells_cannot_draw_is_refused_by_name(tmp_path):
    C = _memmap(tmp_path)  # noqa: N806
    fig, ax = lumos.subplots()
    with pytest.raises(TypeError, match="edgecolor"):
        ax.pcolormesh(C, edgecolor="k")
    with pytest.raises(TypeError, match="shading"):
        ax.pcolormesh(np.arange(NX), np.arange(NY), C, shading="gouraud")
    with pytest.raises(ValueError, match="^C: got shape"):
        ax.pcolormesh(X_EDGES[:-2], Y_EDGES, C)
    xx, yy = np.meshgrid(X_EDGES, Y_EDGES)
    with pytest.raises(ValueError, match="^X and Y must have the same shape"):
        ax.pcolormesh(xx[:-1], yy, C)
    with pytest.raises(ValueError, match="vmin"):  # no smallest positive value to scale by
        ax.pcolormesh(C, norm="log")
    assert np.array_equal(np.asarray(C), _field())  # the caller's data untouched
