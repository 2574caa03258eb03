"""PNG files: lossless round trips (zlib level 1, a band of rows at a time)."""

from __future__ import annotations

import io

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
