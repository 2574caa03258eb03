"""imshow's interpolation filters and interpolation_stage against matplotlib's pictures
(Agg's filters, the kernel widened where the image is shrunk), set_transform, and bad
input."""

import numpy as np
import pytest

import lumos.pyplot as plt

mpl = pytest.importorskip("matplotlib")
mpl.use("agg")
import matplotlib.pyplot as mplt  # noqa: E402

FILTERS = ["auto", "hanning", "hamming", "hermite", "kaiser", "quadric", "catrom",
           "gaussian", "mitchell", "sinc", "lanczos", "spline16", "spline36", "bicubic",
           "blackman"]


def _picture(pyplot, data, **kwargs) -> np.ndarray:
    fig = pyplot.figure(figsize=(2, 2), dpi=100)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.imshow(data, cmap="viridis", **kwargs)
    ax.set_axis_off()
    fig.canvas.draw()
    rgba = np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(float)
    pyplot.close(fig)
    return rgba


def _chirp(n: int) -> np.ndarray:
    x = np.linspace(0, 1, n)
    xx, yy = np.meshgrid(x, x)
    return np.sin(2 * np.pi * n / 5 * (xx**2 + yy**2) / 2)


@pytest.mark.parametrize("name", FILTERS)
def test_each_filter_enlarging_a_small_array_as_matplotlib(name):
    data = np.random.default_rng(1).random((8, 8))
    ours, theirs = _picture(plt, data, interpolation=name), _picture(mplt, data,
                                                                     interpolation=name)
    nearest = _picture(mplt, data, interpolation="nearest")
    # the filter shows (a nearest picture is far from matplotlib's) and matches
    assert np.abs(ours - theirs).mean() < 1.5
    if name != "auto":  # 'auto' is nearest at 25 times
        assert np.abs(nearest - theirs).mean() > 4


@pytest.mark.parametrize("name", ["auto", "hanning", "lanczos", "catrom", "bilinear"])
def test_a_shrunk_chirp_is_smoothed_as_matplotlib(name):
    data = _chirp(800)  # 800 texels into 200 pixels
    ours, theirs = _picture(plt, data, interpolation=name), _picture(mplt, data,
                                                                     interpolation=name)
    aliased = _picture(mplt, data, interpolation="nearest")
    assert np.abs(aliased - theirs).mean() > 10
    assert np.abs(ours - theirs).mean() < 2.0


@pytest.mark.parametrize("stage", ["data", "rgba"])
def test_the_stage_chooses_values_or_colors_as_matplotlib(stage):
    data = np.zeros((6, 6))
    data[::2] = 1.0  # stripes: averaging values and averaging colors differ
    kw = dict(interpolation="hanning", interpolation_stage=stage)
    ours, theirs = _picture(plt, data, **kw), _picture(mplt, data, **kw)
    assert np.abs(ours - theirs).mean() < 1.5  # mirrored at the edges, as Agg


def test_nan_under_a_data_stage_kernel_is_bad_as_matplotlib():
    data = np.random.default_rng(3).random((8, 8))
    data[3, 4] = np.nan
    kw = dict(interpolation="hanning", interpolation_stage="data")
    ours, theirs = _picture(plt, data, **kw), _picture(mplt, data, **kw)
    assert np.abs(ours - theirs).mean() < 1.5


def test_filterrad_widens_sinc_as_matplotlib():
    data = np.random.default_rng(4).random((8, 8))
    kw = dict(interpolation="lanczos", filterrad=2.0)
    ours, theirs = _picture(plt, data, **kw), _picture(mplt, data, **kw)
    assert np.abs(ours - theirs).mean() < 1.5
    fig, ax = plt.subplots()
    im = ax.imshow(data, filterrad=2.0)
    assert im.get_filterrad() == 2.0


def test_interpolation_names_and_bad_values():
    fig, ax = plt.subplots()
    im = ax.imshow(np.zeros((3, 3)))
    assert im.get_interpolation() == "auto"
    im.set_interpolation("antialiased")
    assert im.get_interpolation() == "auto"
    im.set_interpolation("none")
    assert im.get_interpolation() == "nearest"
    with pytest.raises(ValueError, match="interpolation: got 'cubic'"):
        im.set_interpolation("cubic")
    with pytest.raises(ValueError, match="filterrad"):
        im.set_filterrad(0)
    with pytest.raises(ValueError, match="interpolation_stage"):
        im.set_interpolation_stage("pixels")


def test_set_transform_turns_and_shears_the_image_as_matplotlib():
    def picture(pyplot, transforms):
        fig = pyplot.figure(figsize=(3, 3), dpi=100)
        ax = fig.add_axes((0, 0, 1, 1))
        z = np.arange(64.0).reshape(8, 8)
        im = ax.imshow(z, interpolation="none", origin="lower", extent=(-2, 4, -3, 2))
        im.set_transform(transforms.Affine2D().rotate_deg(30).skew_deg(15, 0)
                         + ax.transData)
        ax.set_xlim(-5, 5)
        ax.set_ylim(-4, 4)
        ax.set_axis_off()
        fig.canvas.draw()
        rgba = np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(float)
        pyplot.close(fig)
        return rgba

    import matplotlib.transforms as mtransforms

    import lumos.transforms as ltransforms

    ours, theirs = picture(plt, ltransforms), picture(mplt, mtransforms)
    white = np.full_like(theirs, 255.0)
    assert np.abs(white - theirs).mean() > 40  # the turned image covers much of it
    assert np.abs(ours - theirs).mean() < 6


def test_set_transform_back_to_the_data():
    from lumos.transforms import Affine2D

    fig, ax = plt.subplots()
    im = ax.imshow(np.random.default_rng(5).random((4, 4)), extent=(0, 4, 0, 2))
    im.set_transform(Affine2D().rotate_deg(30) + ax.transData)
    assert im.get_transform() is not ax.transData
    im.set_transform(ax.transData)
    assert im.get_transform() is ax.transData
    fig.canvas.draw()


@pytest.mark.parametrize("name", ["hanning", "bilinear"])
def test_resample_false_weighs_at_unit_scale_as_matplotlib(name):
    data = _chirp(800)
    # (lumos's bilinear interpolates values unless it widens: the 'data' stage)
    kw = dict(interpolation=name, resample=False, interpolation_stage="data")
    ours, theirs = _picture(plt, data, **kw), _picture(mplt, data, **kw)
    widened = _picture(mplt, data, interpolation=name, interpolation_stage="data")
    assert np.abs(widened - theirs).mean() > 5  # aliased: far from the widened one
    assert np.abs(ours - theirs).mean() < 2.0
    fig, ax = plt.subplots()
    im = ax.imshow(data, resample=False)
    assert im.get_resample() is False
    with pytest.raises(TypeError, match="resample"):
        im.set_resample("yes")
