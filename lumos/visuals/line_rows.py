"""A solid 2D line drawn in runs: its segments split into runs holding its open ends
(caps) and runs joined at both ends (drawn without the cap code), every run reading
its segments by ``gl_VertexID`` from the line's rows kept as 2D textures (the ROWS and
JOINED programs of :mod:`.line_shaders`; WebGL2 has neither buffer textures nor
storage buffers, so both runtimes read the same 2D layout). The textures are the
only GPU copy of the rows such a line's draws read."""

from __future__ import annotations

import numpy as np

from ..gpu.resources import Buffer, Texture
from .line_shaders import ROW_TEXELS, SCAN_MAX_ROWS

# the most rows a texture holds: every WebGL2 allows a side of 2048 texels
MAX_ROWS = ROW_TEXELS * SCAN_MAX_ROWS
# At most this many runs, on average at least this many segments joined at both ends
# per run of them (a draw more costs about what the cap code of 100 short segments
# does on llvmpipe); the points within this many pixels of the view (the vertex
# shader's far-end box reaches 4096)
MAX_RUNS = 65
MIN_JOINED = 64
BOX_MARGIN = 2048.0


class LineRuns:
    """The runs of one line's segments and the textures of its rows (``pos`` and
    ``colors``: the line's buffers, which stay its CPU copy)."""

    def __init__(self, pos: Buffer, colors: Buffer) -> None:
        self._pos = pos
        self._rows = (RowTexture(pos), RowTexture(colors))
        self._seen: tuple = (-1, None)  # (positions' version, its runs)

    def textures(self) -> dict[str, Texture]:
        """The runs' textures of the positions and colors (made when first drawn, then
        brought up to date with the buffers' rows)."""
        return {"u_points": self._rows[0].texture(), "u_colors": self._rows[1].texture()}

    @staticmethod
    def fit(segments: int) -> bool:
        """Whether a line of ``segments`` may be drawn in runs: enough of them to join,
        few enough for the textures."""
        return MIN_JOINED <= segments - 2 and segments + 3 <= MAX_ROWS

    def plan(self, segments: int, breaks: bool) -> list[tuple] | None:
        """``[(first, stop, open ends)]``: the ``segments`` (that ``fit``) in runs,
        those holding the line's open ends apart from those joined at both ends, in
        order; None where few joined segments would not pay for the extra draws.
        ``breaks``: whether a row may be a break (False: none is). Made once per
        version of the positions."""
        version, runs = self._seen
        if version == self._pos.version:
            return runs
        runs = None
        if not breaks:  # one piece: open at its first and last segment
            runs = [(0, 1, True), (1, segments - 1, False), (segments - 1, segments, True)]
        else:
            w = self._pos.data[:, 3] > 0.5
            drawn = np.flatnonzero(w[1:-2] & w[2:-1])  # segments with both points drawn
            ends = ~(w[drawn] & w[drawn + 3])  # and a break before or after them
            change = np.flatnonzero(ends[1:] != ends[:-1]) + 1
            kinds = ends[np.r_[0, change]] if len(ends) else ends
            joined_runs = len(kinds) - np.count_nonzero(kinds)
            if len(kinds) <= MAX_RUNS and joined_runs and \
                    len(ends) - np.count_nonzero(ends) >= MIN_JOINED * joined_runs:
                # a segment not drawn goes with the run before it
                starts = [0, *drawn[change].tolist()]
                stops = [*starts[1:], segments]
                runs = list(zip(starts, stops, kinds.tolist(), strict=True))
        self._seen = (self._pos.version, runs)
        return runs


def inside_box(box: tuple | None, rect, size, pixel_ratio: float) -> bool:
    """Whether the data ``box`` (x lo, y lo, x hi, y hi; None: not known) lies well
    inside the box around the view (camera ``rect``, ``size`` logical pixels) in which
    the vertex shader cuts nothing (GUARD pixels; half of it here)."""
    if box is None:  # no finite point, or not known
        return False
    # plain floats: a few numpy calls would cost more than this
    x0, y0, w, h = (float(v) for v in rect)
    if w == 0.0 or h == 0.0:
        return False
    width, height = (float(v) * pixel_ratio for v in size)
    xs = ((box[0] - x0) / w * width, (box[2] - x0) / w * width)
    ys = ((box[1] - y0) / h * height, (box[3] - y0) / h * height)
    # an infinity is outside, a NaN compares False
    return all(-BOX_MARGIN <= v <= width + BOX_MARGIN for v in xs) \
        and all(-BOX_MARGIN <= v <= height + BOX_MARGIN for v in ys)


def box_of(bounds: np.ndarray | None) -> tuple | None:
    """(x lo, y lo, x hi, y hi) of finite ``bounds`` (2, d) as plain floats (None: no
    finite point)."""
    if bounds is None:
        return None
    return (*np.ravel(bounds[0])[:2].tolist(), *np.ravel(bounds[1])[:2].tolist())


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
