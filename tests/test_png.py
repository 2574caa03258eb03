"""PNG files: lossless round trips (zlib level 1, a band of rows at a time)."""

from __future__ import annotations

import io
import struct
import threading
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


def _idat(data: bytes) -> bytes:
    """The concatenated IDAT data of a PNG file."""
    out, pos = [], 8
    while pos < len(data):
        (size,), kind = struct.unpack(">I", data[pos : pos + 4]), data[pos + 4 : pos + 8]
        if kind == b"IDAT":
            out.append(data[pos + 8 : pos + 8 + size])
        pos += 12 + size
    return b"".join(out)


@pytest.mark.parametrize("rows", [255, 256, 257, 513, 1000])
def test_bands_deflated_on_two_threads_make_one_zlib_stream(rows):
    rng = np.random.default_rng(rows)
    # 16 rows of noise over and over (19 KB): a band deflated without the rows before
    # it (in deflate's 32 KB window) would spell out its first 16 rows again
    period = (rng.random((16, 300, 4)) * 255).astype(np.uint8)
    rgba = np.tile(period, (rows // 16 + 1, 1, 1))[:rows]
    data = png.encode_png(rgba)
    scanlines = np.zeros((rows, 1 + 300 * 4), np.uint8)
    scanlines[:, 1:] = rgba.reshape(rows, -1)
    stream = _idat(data)
    # zlib checks the adler-32 at the end: the bands' sums were combined right
    assert zlib.decompress(stream) == scanlines.tobytes()
    assert png.encode_png(rgba) == data  # the same bytes whatever the threads' timing
    # each band starts with the 32 KB before it: as small as one deflate, sync flushes aside
    one = zlib.compressobj(1, zlib.DEFLATED, 15, 9)
    one = one.compress(scanlines) + one.flush()
    assert len(stream) <= 1.01 * len(one) + 8 * (rows // 256 + 1)


def test_a_band_that_fails_on_the_helper_thread_raises_in_the_caller(monkeypatch):
    original = png._deflated_band

    def failing(arr, start, level):
        if start == 256:  # the second band: the helper's
            raise MemoryError("band 256")
        return original(arr, start, level)

    monkeypatch.setattr(png, "_deflated_band", failing)
    with pytest.raises(MemoryError, match="band 256"):
        png.encode_png(np.zeros((600, 10, 4), np.uint8))


def test_a_png_stream_closed_early_leaves_no_thread():
    pieces = png.png_chunks(np.zeros((2000, 50, 4), np.uint8))
    next(pieces), next(pieces)  # the header and the first band
    pieces.close()
    assert not [t for t in threading.enumerate() if t.name == "lumos png"]
