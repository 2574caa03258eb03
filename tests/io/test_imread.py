"""pyplot.imread: the arrays matplotlib's imread gives, for PNGs of every colour type
lumos and Pillow write, a JPEG and a file object."""

from __future__ import annotations

import io

import numpy as np
import pytest
from matplotlib import image as mimage
from PIL import Image

import lumos.pyplot as plt
from lumos.io.png import write_png


def _images():
    rng = np.random.default_rng(0)
    return {
        "rgba.png": Image.fromarray(rng.integers(0, 256, (5, 7, 4), dtype=np.uint8), "RGBA"),
        "rgb.png": Image.fromarray(rng.integers(0, 256, (5, 7, 3), dtype=np.uint8), "RGB"),
        "grey.png": Image.fromarray(rng.integers(0, 256, (5, 7), dtype=np.uint8), "L"),
        "grey_alpha.png": Image.fromarray(rng.integers(0, 256, (5, 7, 2), dtype=np.uint8),
                                          "LA"),
        "grey16.png": Image.fromarray(rng.integers(0, 65536, (5, 7), dtype=np.uint16)),
        "palette.png": Image.fromarray(rng.integers(0, 256, (5, 7, 3), dtype=np.uint8),
                                       "RGB").convert("P"),
        "bits.png": Image.fromarray(rng.integers(0, 2, (5, 7)).astype(bool)),
        "photo.jpg": Image.fromarray(rng.integers(0, 256, (5, 7, 3), dtype=np.uint8), "RGB"),
    }


@pytest.mark.parametrize("name", sorted(_images()))
def test_imread_gives_matplotlibs_array(tmp_path, name):
    path = tmp_path / name
    _images()[name].save(path)
    want = mimage.imread(path)
    got = plt.imread(path)
    assert got.dtype == want.dtype and got.shape == want.shape
    np.testing.assert_array_equal(got, want)


def test_imread_reads_lumos_png_and_file_objects(tmp_path):
    rgba = np.random.default_rng(1).integers(0, 256, (4, 6, 4), dtype=np.uint8)
    keep = rgba.copy()
    path = write_png(tmp_path / "out.png", rgba)
    np.testing.assert_array_equal(plt.imread(str(path)), rgba / np.float32(255))
    with open(path, "rb") as f:
        np.testing.assert_array_equal(plt.imread(io.BytesIO(f.read()), format="png"),
                                      rgba / np.float32(255))
    np.testing.assert_array_equal(rgba, keep)


def test_imread_bad_input_names_the_argument(tmp_path):
    with pytest.raises(TypeError, match="fname: got int"):
        plt.imread(3)
    with pytest.raises(ValueError, match="fname: got the URL"):
        plt.imread("https://example.org/a.png")
    with pytest.raises(TypeError, match="format: got int"):
        plt.imread(tmp_path / "a.png", format=1)
    with pytest.raises(FileNotFoundError):
        plt.imread(tmp_path / "missing.png")
