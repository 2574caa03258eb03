"""PNG files with the standard library's zlib: no imaging dependency needed."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import numpy as np

from ..scene.writers import register_writer


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(
        ">I", zlib.crc32(kind + data) & 0xFFFFFFFF
    )


def encode_png(rgba: np.ndarray, dpi: float | None = None, level: int = 6) -> bytes:
    """Encode an (h, w, 4) or (h, w, 3) uint8 array (first row on top) as PNG bytes."""
    arr = np.asarray(rgba)
    if arr.dtype != np.uint8:
        raise TypeError(f"rgba: got dtype {arr.dtype}, expected uint8")
    if arr.ndim != 3 or arr.shape[2] not in (3, 4):
        raise ValueError(f"rgba: got shape {arr.shape}, expected (h, w, 3) or (h, w, 4)")
    h, w, c = arr.shape
    raw = np.zeros((h, 1 + w * c), np.uint8)  # filter byte 0 (none) per row
    raw[:, 1:] = arr.reshape(h, w * c)
    header = struct.pack(">IIBBBBB", w, h, 8, 6 if c == 4 else 2, 0, 0, 0)
    out = b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
    if dpi:
        ppm = int(round(dpi / 0.0254))
        out += _chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1))
    out += _chunk(b"IDAT", zlib.compress(raw.tobytes(), level)) + _chunk(b"IEND", b"")
    return out


def write_png(path, rgba: np.ndarray, dpi: float | None = None) -> Path:
    """Write ``rgba`` to ``path`` as PNG; returns the path."""
    path = Path(path)
    path.write_bytes(encode_png(rgba, dpi))
    return path


def _save_canvas(canvas, path, dpi: float | None = None) -> Path:
    return write_png(path, canvas.render(), dpi=dpi)


register_writer(".png", _save_canvas)
