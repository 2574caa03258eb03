"""Under and over colors of an image's colormap are painted after resampling, on the
GPU, as matplotlib paints them after resampling the data ('data' stage): a bilinear
image shows smooth under/over regions, never colors blended between them and the
colormap. The SVG/PDF raster (the CPU mirror of the shader) paints them too."""

from __future__ import annotations

import numpy as np
import pytest

import lumos.pyplot as plt
from lumos import colors
from lumos.visuals import Image


def _field():
    y, x = np.mgrid[-2:2:12j, -3:3:18j]
    return np.sin(x * 1.3) * np.cos(y * 1.7) * 1.6


def _imshow(interpolation):
    cmap = colors.get_cmap("viridis").with_extremes(under="red", over="magenta")
    fig, ax = plt.subplots(figsize=(3.6, 2.4), dpi=50)
    im = ax.imshow(_field(), cmap=cmap, vmin=-1, vmax=1, interpolation=interpolation,
                   aspect="auto")
    ax.set_axis_off()
    fig.subplots_adjust(0, 0, 1, 1)
    return fig, im


def _off_map(img: np.ndarray) -> float:
    """The fraction of pixels that are neither the colormap nor an extreme color."""
    lut = colors.get_cmap("viridis").lut(256)[:, :3].astype(int)
    table = np.concatenate([lut, [[255, 0, 0], [255, 0, 255]]])
    px = img[..., :3].reshape(-1, 1, 3).astype(int)
    return float((np.abs(px - table[None]).max(axis=2).min(axis=1) > 6).mean())


@pytest.mark.parametrize("interpolation", ["nearest", "bilinear"])
def test_under_and_over_are_painted_after_resampling(interpolation):
    fig, im = _imshow(interpolation)
    assert im.on_gpu()
    img = fig.render()
    red = (img[..., 0] > 250) & (img[..., 1] < 5) & (img[..., 2] < 5)
    magenta = (img[..., 0] > 250) & (img[..., 1] < 5) & (img[..., 2] > 250)
    assert red.mean() > 0.1 and magenta.mean() > 0.1
    # colored after resampling: no pixel mixes an extreme with the colormap
    assert _off_map(img) < 0.002


def test_a_clipping_norm_stays_on_the_cpu_a_bad_color_does_not():
    _, im = _imshow("nearest")
    im.norm.clip = True  # out of range maps to the ends, not to under/over
    assert not im.on_gpu()
    im.norm.clip = False
    im.cmap.bad = "k"
    assert im.on_gpu()


def _holed():
    z = _field()
    z[3:6, 4:9] = np.nan
    z[8, 12] = np.inf  # bad as NaN (matplotlib masks both)
    z[9:11, 2] = -np.inf
    return z


def _red(img: np.ndarray) -> np.ndarray:
    return (img[..., 0] > 250) & (img[..., 1] < 5) & (img[..., 2] < 5)


@pytest.mark.parametrize("norm", ["linear", "log"])
def test_a_bad_color_paints_nan_and_inf_pixels_as_matplotlib(norm, tmp_path):
    """A non-transparent bad color is painted on the GPU (a linear norm) as on the CPU
    (a log norm), over NaN and ±inf pixels alike, where matplotlib paints it."""
    mpl = pytest.importorskip("matplotlib")
    mpl.use("Agg")
    import matplotlib.pyplot as mplt
    from PIL import Image as PILImage

    z = _holed() + (2.0 if norm == "log" else 0.0)  # positive for the log norm
    pictures = []
    for pyplot in (mplt, plt):
        cmap = pyplot.get_cmap("viridis").with_extremes(bad="red", under="k", over="w")
        fig, ax = pyplot.subplots(figsize=(3.6, 2.4), dpi=50)
        im = ax.imshow(z, cmap=cmap, norm=norm, vmin=0.5 if norm == "log" else -1.2,
                       vmax=3.2 if norm == "log" else 1.2, interpolation="nearest",
                       aspect="auto")
        ax.set_axis_off()
        fig.subplots_adjust(0, 0, 1, 1)
        if pyplot is plt:
            assert im.on_gpu() == (norm == "linear")
        fig.savefig(tmp_path / "img.png")
        pictures.append(np.asarray(PILImage.open(tmp_path / "img.png").convert("RGB")))
    want, got = (_red(p) for p in pictures)
    assert want.sum() > 500
    np.testing.assert_array_equal(got, want)


def test_the_cpu_mirror_paints_the_extremes():
    cmap = colors.get_cmap("viridis").with_extremes(under="red", over="blue", bad="k")
    v = Image(np.array([[-2.0, 0.5, 3.0, np.nan]]), cmap=cmap, clim=(0.0, 1.0))
    rgba = v.rgba()
    assert [tuple(p) for p in rgba[0, [0, 2, 3]]] == [(255, 0, 0, 255), (0, 0, 255, 255),
                                                      (0, 0, 0, 255)]
    mid = colors.get_cmap("viridis").lut(256)[127:129, :3].astype(float).mean(axis=0)
    assert np.abs(rgba[0, 1, :3] - mid).max() <= 1
