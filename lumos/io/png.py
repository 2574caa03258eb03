"""PNG files with the standard library's zlib: no imaging dependency needed."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import numpy as np

from ..scene.writers import register_writer
from .atomic import atomic_write

_ROWS = 256  # rows compressed at a time: a poster is never copied whole


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(
        ">I", zlib.crc32(kind + data) & 0xFFFFFFFF
    )


def _checked(rgba) -> np.ndarray:
    arr = np.asarray(rgba)
    if arr.dtype != np.uint8:
        raise TypeError(f"rgba: got dtype {arr.dtype}, expected uint8")
    if arr.ndim != 3 or arr.shape[2] not in (3, 4) or 0 in arr.shape[:2]:
        raise ValueError(f"rgba: got shape {arr.shape}, expected (h, w, 3) or (h, w, 4) "
                         "with h, w > 0")
    return arr


def _latin1(value, what: str) -> bytes | None:
    """``value`` as latin-1 bytes, or None where it is a str latin-1 cannot spell."""
    if isinstance(value, bytes):
        return value
    if not isinstance(value, str):
        raise TypeError(f"metadata: got {type(value).__name__} {what} {value!r}, expected "
                        "a str or bytes")
    try:
        return value.encode("latin-1")
    except UnicodeEncodeError:
        return None


def text_chunks(metadata: dict | None) -> bytes:
    """PNG text chunks of ``metadata`` ({keyword: text}; None values left out), as Pillow
    writes them for matplotlib: tEXt where latin-1 spells the text, else iTXt (UTF-8).

    A keyword is 1-79 latin-1 characters, as the PNG specification says."""
    if metadata is None:
        return b""
    if not isinstance(metadata, dict):
        raise TypeError(f"metadata: got {type(metadata).__name__}, expected a dict")
    out = []
    for key, value in metadata.items():
        k = _latin1(key, "key")
        if k is None or not 1 <= len(k) <= 79 or b"\0" in k:
            raise ValueError(f"metadata: got key {key!r}, expected 1 to 79 latin-1 "
                             "characters (the PNG keyword rule)")
        if value is None:
            continue
        v = _latin1(value, "value")
        out.append(_chunk(b"tEXt", k + b"\0" + v) if v is not None else
                   _chunk(b"iTXt", k + b"\0\0\0\0\0" + value.encode("utf-8")))
    return b"".join(out)


def png_chunks(rgba: np.ndarray, dpi: float | None = None, level: int = 1,
               metadata: dict | None = None):
    """The bytes of a PNG of an (h, w, 4) or (h, w, 3) uint8 array (first row on top),
    piece by piece: the rows are filtered and compressed a band at a time.

    ``level`` is zlib's (1 fastest .. 9 smallest): 1 writes a typical figure in a third
    of the time of 6 (what libpng and matplotlib use), for files 10-30 % larger.
    ``metadata`` goes into text chunks (:func:`text_chunks`)."""
    arr = _checked(rgba)
    text = text_chunks(metadata)  # bad metadata raises before the first byte
    h, w, c = arr.shape
    header = struct.pack(">IIBBBBB", w, h, 8, 6 if c == 4 else 2, 0, 0, 0)
    yield b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + text
    if dpi:
        ppm = int(round(dpi / 0.0254))
        yield _chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1))
    # memLevel 7 (a 16 K-entry hash, 32 KB: cache-resident): the 57 PNGs of tests/images
    # and scene (a) deflate 12 % faster than with 9 (the most zlib allows), and 0.3 %
    # smaller (benchmarks/README.md, 2026-12-05)
    z = zlib.compressobj(level, zlib.DEFLATED, 15, 7)
    raw = np.zeros((min(_ROWS, h), 1 + w * c), np.uint8)  # filter byte 0 (none) per row
    for start in range(0, h, _ROWS):
        band = arr[start : start + _ROWS]
        raw[: len(band), 1:] = band.reshape(len(band), w * c)
        data = z.compress(raw[: len(band)])  # the array itself: no bytes copy
        if data:
            yield _chunk(b"IDAT", data)  # consecutive IDAT chunks form one stream
    yield _chunk(b"IDAT", z.flush()) + _chunk(b"IEND", b"")


def encode_png(rgba: np.ndarray, dpi: float | None = None, level: int = 1,
               metadata: dict | None = None) -> bytes:
    """Encode an (h, w, 4) or (h, w, 3) uint8 array (first row on top) as PNG bytes,
    ``metadata`` in text chunks."""
    return b"".join(png_chunks(rgba, dpi, level, metadata))


def file_metadata(metadata: dict | None) -> dict:
    """The text a PNG file of lumos's holds: ``Software`` (lumos and its version) unless
    ``metadata`` gives another or None (none), then ``metadata``, as matplotlib's."""
    from .. import __version__

    if metadata is not None and not isinstance(metadata, dict):
        raise TypeError(f"metadata: got {type(metadata).__name__}, expected a dict")
    return {"Software": f"lumos {__version__}", **(metadata or {})}


def write_png(path, rgba: np.ndarray, dpi: float | None = None,
              metadata: dict | None = None) -> Path:
    """Write ``rgba`` to ``path`` as PNG, ``metadata`` in text chunks, atomically (an
    interrupted or failed write leaves the previous file); returns the path."""
    _checked(rgba)  # a bad array or bad metadata touches no file
    text_chunks(metadata)
    with atomic_write(path, "wb") as f:
        for piece in png_chunks(rgba, dpi, metadata=metadata):
            f.write(piece)
    return Path(path)


def _save_canvas(canvas, path, dpi: float | None = None) -> Path:
    return write_png(path, canvas.render(), dpi=dpi)


register_writer(".png", _save_canvas)
