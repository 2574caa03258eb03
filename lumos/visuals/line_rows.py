"""A line's buffer rows as a 2D texture, for the draws that read their segments by
``gl_VertexID`` (the JOINED runs of :mod:`.line_shaders`): WebGL2 has neither buffer
textures nor storage buffers, so both runtimes read the same 2D layout."""

from __future__ import annotations

import numpy as np

from ..gpu.resources import Buffer, Texture
from .line_shaders import ROW_TEXELS, SCAN_MAX_ROWS

# the most rows a texture holds: every WebGL2 allows a side of 2048 texels
MAX_ROWS = ROW_TEXELS * SCAN_MAX_ROWS


class RowTexture:
    """The rows of ``buffer`` (4 values each) as a texture of ``ROW_TEXELS`` texels a
    row, row k at texel (k % ROW_TEXELS, k // ROW_TEXELS), zeros past the last. Kept up
    to date from the buffer's change log: rows the buffer rewrote (``Buffer.update``)
    rewrite only their texels (``Texture.update_texels``), so a change of k rows
    uploads k texels."""

    def __init__(self, buffer: Buffer) -> None:
        self._buffer = buffer
        self._texture: Texture | None = None
        self._version = -1
        self._rows = 0  # rows the texture holds (zeros past them)

    def texture(self) -> Texture:
        """The texture, brought up to the buffer's version."""
        b = self._buffer
        if self._texture is not None and self._version == b.version:
            return self._texture
        rows = b.data.reshape(len(b.data), 4)
        h = max(-(-len(rows) // ROW_TEXELS), 1)
        changes = None if self._texture is None or self._texture.shape[0] != h \
            else b.changes_since(self._version)
        if changes is None:
            if self._texture is not None and self._texture.shape[0] == h:
                # no compare: all rows new; the texels past them are zero, but for
                # those of a longer last version
                self._texture.update_texels(0, rows)
                if len(rows) < self._rows:
                    self._texture.update_texels(
                        len(rows), np.zeros((self._rows - len(rows), 4), rows.dtype))
            else:
                self._texture = Texture(_texels(rows, h), filter="nearest", copy=False)
            self._rows = len(rows)
        else:
            size = b.nbytes // max(len(rows), 1)
            for start, stop in changes:  # bytes of the buffer: its rows, texel for row
                lo, hi = start // size, -(-stop // size)
                self._texture.update_texels(lo, rows[lo:hi])
        self._version = b.version
        return self._texture


def _texels(rows: np.ndarray, h: int) -> np.ndarray:
    """``rows`` as ``h`` texture rows: (h, ROW_TEXELS, 4), zeros past the end."""
    out = np.zeros((h * ROW_TEXELS, 4), rows.dtype)
    out[: len(rows)] = rows
    return out.reshape(h, ROW_TEXELS, 4)
