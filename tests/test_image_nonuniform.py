"""NonUniformImage (matplotlib.image's name): pixels on a rectilinear grid of centres,
resampled over the whole axes on the GPU and in the vector files, as matplotlib's
(gallery image_nonuniform.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib
import numpy as np
import pytest

import lumos.pyplot as plt
from lumos.plot.image_nonuniform import NonUniformImage
from lumos.primitives import Raster
from lumos.visuals.image_nonuniform import cells

sys.path.insert(0, str(Path(__file__).resolve().parent / "io"))
from test_vector_gallery import pdftoppm  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402
from matplotlib.image import NonUniformImage as MplNonUniformImage  # noqa: E402

X = np.linspace(-4, 4, 9)
Y = np.linspace(-4, 4, 9)
Z = np.sqrt(X[None, :] ** 2 + Y[:, None] ** 2)


def _scene(p, cls, interpolation, x, lim, **kwargs):
    """One axes filling the figure with a NonUniformImage (matplotlib's or lumos's)."""
    fig, ax = p.subplots(figsize=(3, 2), dpi=100)
    im = cls(ax, interpolation=interpolation, cmap="Purples", **kwargs)
    im.set_data(x, Y, Z)
    ax.add_image(im)
    ax.set_xlim(-lim, lim)
    ax.set_ylim(-4, 4)
    ax.set_axis_off()
    fig.subplots_adjust(0, 0, 1, 1)
    return fig, ax, im


def _picture(p, fig) -> np.ndarray:
    if p is mplt:
        fig.canvas.draw()
        return np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)
    return fig.render()[..., :3].astype(int)


@pytest.mark.parametrize("interpolation", ["nearest", "bilinear"])
@pytest.mark.parametrize("cubic", [False, True])
def test_picture_as_matplotlibs(interpolation, cubic):
    # the gallery's grids: even centres, and x**3 (cells from 1 to 37 units wide)
    x, lim = (X**3, 64) if cubic else (X, 4)
    theirs = _picture(mplt, _scene(mplt, MplNonUniformImage, interpolation, x, lim)[0])
    ours = _picture(plt, _scene(plt, NonUniformImage, interpolation, x, lim)[0])
    d = np.abs(ours - theirs)
    # the cells' edges may fall one pixel apart (float32 centres in matplotlib)
    assert d.mean() < 1.0, d.mean()
    assert (d.max(axis=2) > 8).mean() < 0.03
    # matplotlib's own class, added to lumos axes, draws the same
    adapted = _picture(plt, _scene(plt, MplNonUniformImage, interpolation, x, lim)[0])
    assert np.array_equal(adapted, ours)


def test_the_picture_follows_the_view_without_new_data():
    # the GPU resamples from the camera: a pan shows what matplotlib shows there
    fig, ax, _ = _scene(plt, NonUniformImage, "bilinear", X, 4)
    fig.render()
    ax.set_xlim(0, 12)  # beyond the last centre: its cells stretch to the edge
    mfig, max_, _ = _scene(mplt, MplNonUniformImage, "bilinear", X, 4)
    max_.set_xlim(0, 12)
    d = np.abs(_picture(plt, fig) - _picture(mplt, mfig))
    assert d.mean() < 1.0


@pytest.mark.parametrize("interpolation", ["nearest", "bilinear"])
def test_vector_files_show_the_gpus_picture(tmp_path, interpolation):
    fig, _, _ = _scene(plt, NonUniformImage, interpolation, X**3, 64)
    gpu = _picture(plt, fig)
    # the raster the files embed: the GPU's picture, pixel for pixel
    (raster,) = [p for p in fig.canvas.primitives() if isinstance(p, Raster)]
    assert raster.rect == (0.0, 0.0, 300.0, 200.0)
    assert np.abs(raster.rgba[..., :3].astype(int) - gpu).max() <= 1
    fig.savefig(tmp_path / "n.pdf")
    pdf = pdftoppm(tmp_path / "n.pdf", 100)[..., :3].astype(int)
    # poppler blends the pixels next to the cells' edges a little
    assert np.abs(pdf - gpu).mean() < 2.0


def test_api_as_matplotlibs():
    fig, ax = plt.subplots()
    before = ax.get_xlim(), ax.get_ylim()
    im = NonUniformImage(ax, extent=(-4, 4, -4, 4))
    assert im.get_interpolation() == "nearest" and im.get_array() is None
    im.set_data(X**3, Y, Z)
    assert ax.add_image(im) is im and ax.images == [im]
    # add_image leaves the limits alone; the extent is the centres' span
    assert (ax.get_xlim(), ax.get_ylim()) == before
    assert im.get_extent() == (-64.0, 64.0, -4.0, 4.0)
    np.testing.assert_array_equal(im.get_array(), Z)
    im.set_interpolation("bilinear")
    assert im.get_interpolation() == "bilinear"
    im.set_clim(0, 2)  # the colors are made again from the data
    assert im.get_clim() == (0, 2)
    rgb = np.zeros((9, 9, 3))
    im.set_data(X, Y, rgb)  # RGB pixels
    fig.render()


def test_caller_arrays_are_kept_and_nan_is_the_bad_color():
    fig, ax = plt.subplots(figsize=(2, 2), dpi=50)
    z = Z.copy()
    z[4, 4] = np.nan
    z[0, 0] = np.inf
    kept = z.copy()
    x = X.copy()
    im = NonUniformImage(ax, cmap="viridis")
    im.set_data(x, Y, z)
    ax.add_image(im)
    ax.set_xlim(-4, 4)
    ax.set_ylim(-4, 4)
    fig.render()
    np.testing.assert_array_equal(z, kept)
    np.testing.assert_array_equal(x, X)


@pytest.mark.parametrize("args, error, match", [
    ((X[:-1], Y, Z), ValueError, r"x: got shape \(8,\), expected \(9,\)"),
    ((X, Y[:-1], Z), ValueError, r"y: got shape \(8,\), expected \(9,\)"),
    ((X[::-1], Y, Z), ValueError, "x: expected increasing finite centres"),
    ((X, np.r_[Y[:-1], np.nan], Z), ValueError, "y: expected increasing finite centres"),
    ((X, Y, Z[None]), ValueError, r"A: got shape \(1, 9, 9\)"),
    ((X, Y, np.full((9, 9), "a")), TypeError, "A: "),
])
def test_bad_data(args, error, match):
    fig, ax = plt.subplots()
    im = NonUniformImage(ax)
    with pytest.raises(error, match=match):
        im.set_data(*args)


def test_bad_arguments():
    fig, ax = plt.subplots()
    with pytest.raises(ValueError, match="interpolation: got 'hanning', expected 'nearest' "
                                         "or 'bilinear'"):
        NonUniformImage(ax, interpolation="hanning")
    with pytest.raises(TypeError, match="origin"):
        NonUniformImage(ax, origin="lower")
    with pytest.raises(ValueError, match="extent"):
        NonUniformImage(ax, extent=(0, 1))
    polar = plt.subplots(subplot_kw={"projection": "polar"})[1]
    with pytest.raises(TypeError, match="ax: .*rectilinear axes"):
        NonUniformImage(polar)
    im = NonUniformImage(ax)
    with pytest.raises(RuntimeError, match="get_extent: .* no data yet"):
        im.get_extent()
    im.set_data(X, Y, Z)
    with pytest.raises(ValueError, match=r"alpha: got an array of shape \(9, 9\)"):
        im.set_alpha(np.ones((9, 9)))
    for call in (lambda: im.set_array(Z), lambda: im.set_extent((0, 1, 0, 1)),
                 lambda: im.set_filterrad(2.0), lambda: im.set_interpolation_stage("data")):
        with pytest.raises(TypeError):
            call()
    with pytest.raises(ValueError, match="add_image: matplotlib's NonUniformImage has no "
                                         "data yet"):
        ax.add_image(MplNonUniformImage(ax))


def test_cells_as_matplotlibs_make_image():
    # matplotlib: the nearest centre (cells meet at the midpoints), or the two around a
    # position with the weight of the second, clamped at the ends
    c = np.array([0.0, 1.0, 4.0])
    i0, i1, f = cells(c, np.array([-1.0, 0.4, 0.6, 2.4, 2.6, 9.0]), "nearest")
    assert list(i0) == [0, 0, 1, 1, 2, 2] and list(i1) == list(i0) and not f.any()
    i0, i1, f = cells(c, np.array([-1.0, 0.5, 2.5, 9.0]), "bilinear")
    assert list(i0) == [0, 0, 1, 1] and list(i1) == [1, 1, 2, 2]
    np.testing.assert_allclose(f, [0.0, 0.5, 0.5, 1.0])
    # a position on a midpoint takes the cell below, as numpy's searchsorted
    assert list(cells(c, np.array([0.5, 2.5]), "nearest")[0]) == [0, 1]


@pytest.mark.parametrize("interpolation", ["nearest", "bilinear"])
def test_log_axis_and_inverted_axis_as_matplotlibs(tmp_path, interpolation):
    # cells meet half-way between centres in the data (5.5, 55, 550), and colors are
    # weighed along the data, not along the log scale; the y axis runs down
    x, y, z = np.array([1.0, 10, 100, 1000]), np.array([0.0, 1, 3]), np.arange(12.0)
    pictures = []
    for p, cls in ((mplt, MplNonUniformImage), (plt, NonUniformImage)):
        fig, ax = p.subplots(figsize=(3, 2), dpi=100)
        im = cls(ax, cmap="viridis", interpolation=interpolation)
        im.set_data(x, y, z.reshape(3, 4))
        ax.add_image(im)
        ax.set_xscale("log")
        ax.set_xlim(0.5, 3000)
        ax.set_ylim(4, -1)
        ax.set_axis_off()
        fig.subplots_adjust(0, 0, 1, 1)
        pictures.append(_picture(p, fig))
    d = np.abs(pictures[0] - pictures[1])
    assert d.mean() < 1.0 and (d.max(axis=2) > 8).mean() < 0.02
    # the vector files' raster resamples alike
    (raster,) = [r for r in fig.canvas.primitives() if isinstance(r, Raster)]
    assert np.abs(raster.rgba[..., :3].astype(int) - pictures[1]).max() <= 2


def test_bad_edges_of_the_visual():
    from lumos.visuals import NonUniformImage as Visual

    rgba = np.zeros((2, 3, 4), np.uint8)
    Visual([0, 1, 2], [0, 1], rgba, edges=([0.2, 1.9], [0.5]))
    with pytest.raises(ValueError, match=r"edges\[0\]: got shape \(1,\), expected \(2,\)"):
        Visual([0, 1, 2], [0, 1], rgba, edges=([0.5], [0.5]))
    with pytest.raises(ValueError, match=r"edges\[1\]: expected each edge between its two"):
        Visual([0, 1, 2], [0, 1], rgba, edges=([0.5, 1.5], [2.0]))
    with pytest.raises(ValueError, match="rgba: got float64"):
        Visual([0, 1, 2], [0, 1], rgba.astype(float))
