"""PNG files: lossless round trips, big pictures deflated on two threads."""

from __future__ import annotations

import io
import zlib

import numpy as np
import pytest
from PIL import Image

from lumos.io import png


@pytest.mark.parametrize("shape", [(1, 1, 4), (13, 7, 3), (1000, 1600, 4), (731, 1203, 3)])
def test_png_round_trip(shape):
    rng = np.random.default_rng(shape[0])
    rgba = (rng.random(shape) * 255).astype(np.uint8)
    rgba[: shape[0] // 2] = 255  # flat and noisy halves
    data = png.encode_png(rgba[::-1])  # a view with negative strides is fine too
    assert np.array_equal(np.asarray(Image.open(io.BytesIO(data))), rgba[::-1])


def test_big_pictures_are_one_zlib_stream_of_two_halves(monkeypatch):
    rgba = np.zeros((1000, 1600, 4), np.uint8)
    rgba[::7, ::3] = 200
    raw = np.concatenate([np.zeros((1000, 1), np.uint8), rgba.reshape(1000, -1)], axis=1)
    assert raw.nbytes >= png._PARALLEL_BYTES
    data = png.encode_png(rgba)
    idat = data[data.index(b"IDAT") + 4 : data.index(b"IEND") - 8]
    assert zlib.decompress(idat) == raw.tobytes()  # header, both halves and checksum
    monkeypatch.setattr(png, "_PARALLEL_BYTES", 1 << 40)
    one = png.encode_png(rgba)
    assert one != data and zlib.decompress(one[one.index(b"IDAT") + 4 :
                                               one.index(b"IEND") - 8]) == raw.tobytes()
