"""pyplot.imsave against matplotlib's files: the same pixels, dpi, metadata; written
whole or not at all; bad input named."""

import io

import numpy as np
import pytest

import lumos.pyplot as plt

mpl = pytest.importorskip("matplotlib")
mpl.use("agg")
PIL = pytest.importorskip("PIL")
import matplotlib.pyplot as mplt  # noqa: E402
from PIL import Image  # noqa: E402


def _pixels(path) -> np.ndarray:
    with Image.open(path) as im:
        return np.asarray(im.convert("RGBA"))


@pytest.mark.parametrize("kwargs", [
    {}, {"cmap": "magma"}, {"vmin": 0.2, "vmax": 0.6, "origin": "lower"},
    {"cmap": "gray", "dpi": 72}])
def test_a_scalar_field_as_matplotlib_writes_it(tmp_path, kwargs):
    z = np.random.default_rng(0).random((7, 11))
    if "vmin" in kwargs:  # (matplotlib's limits from data with NaN are NaN: all clear)
        z[2, 3] = np.nan  # transparent, as the colormap's bad color
    plt.imsave(tmp_path / "l.png", z, **kwargs)
    mplt.imsave(tmp_path / "m.png", z, **kwargs)
    ours, theirs = _pixels(tmp_path / "l.png"), _pixels(tmp_path / "m.png")
    assert ours.shape == theirs.shape == (7, 11, 4)
    assert np.abs(ours.astype(int) - theirs).max() <= 1
    with Image.open(tmp_path / "l.png") as a, Image.open(tmp_path / "m.png") as b:
        assert a.info["dpi"] == pytest.approx(b.info["dpi"], abs=0.01)


@pytest.mark.parametrize("arr", [
    np.random.default_rng(1).integers(0, 256, (5, 6, 3), dtype=np.uint8),
    np.random.default_rng(2).random((5, 6, 4))])
def test_rgb_and_rgba_arrays_as_matplotlib(tmp_path, arr):
    copy = arr.copy()
    plt.imsave(tmp_path / "l.png", arr, metadata={"Title": "t"})
    mplt.imsave(tmp_path / "m.png", arr, metadata={"Title": "t"})
    assert np.array_equal(_pixels(tmp_path / "l.png"), _pixels(tmp_path / "m.png"))
    assert np.array_equal(arr, copy)  # the caller's array is left alone
    with Image.open(tmp_path / "l.png") as im:
        assert im.info["Title"] == "t"


def test_jpeg_and_a_file_object(tmp_path):
    z = np.linspace(0, 1, 48).reshape(6, 8)
    buf = io.BytesIO()
    plt.imsave(buf, z, format="jpg")
    assert buf.getvalue()[:2] == b"\xff\xd8"
    plt.imsave(tmp_path / "a.svg", z)
    assert "<svg" in (tmp_path / "a.svg").read_text()


def test_bad_input_is_named_and_leaves_the_file(tmp_path):
    path = tmp_path / "keep.png"
    path.write_bytes(b"old")
    with pytest.raises(ValueError, match="arr: got shape"):
        plt.imsave(path, np.zeros((3, 3, 2)))
    with pytest.raises(ValueError, match="arr: got RGB"):
        plt.imsave(path, np.full((3, 3, 3), 2.0))
    with pytest.raises(ValueError, match="origin"):
        plt.imsave(path, np.zeros((3, 3)), origin="middle")
    with pytest.raises(ValueError, match="dpi"):
        plt.imsave(path, np.zeros((3, 3)), dpi=-1)
    with pytest.raises(ValueError, match="format: got 'nope'"):
        plt.imsave(path, np.zeros((3, 3)), format="nope")
    with pytest.raises(ValueError, match="metadata"):
        plt.imsave(path, np.zeros((3, 3)), format="jpg", metadata={"a": "b"})
    with pytest.raises(TypeError, match="fname"):
        plt.imsave(3, np.zeros((3, 3)))
    assert path.read_bytes() == b"old"


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_a_nan_pixel_is_transparent_without_limits(tmp_path, bad):
    """NaN (and inf, as matplotlib's masked_invalid) is the bad color, (0, 0, 0, 0); the
    other pixels are colored over the finite range. matplotlib 3.11's imsave takes its
    limits from arr.min() there, NaN, and writes every pixel (0, 0, 0, 0); lumos writes
    what matplotlib writes for the masked array."""
    z = np.random.default_rng(4).random((5, 6))
    z[1, 2] = bad
    copy = z.copy()
    plt.imsave(tmp_path / "l.png", z)
    mplt.imsave(tmp_path / "m.png", np.ma.masked_invalid(z))
    ours, theirs = _pixels(tmp_path / "l.png"), _pixels(tmp_path / "m.png")
    assert ours[1, 2].tolist() == [0, 0, 0, 0]
    assert (ours[..., 3] == 255).sum() == z.size - 1
    assert np.abs(ours.astype(int) - theirs).max() <= 1
    np.testing.assert_array_equal(z, copy)
