"""Marker sprites: a marker's fill and edge coverage, rasterized once, stamped many times.

Agg's ``draw_markers`` renders the marker once and copies its scanlines to every point
at whole pixels. A sprite is that rendering, made by matplotlib's own Agg (so joins,
caps, dashes and snapping are exactly Agg's): two coverage masks, fill and edge, that the
GPU composes with each point's face and edge colors. The O(N) part, placing N stamps,
runs on the GPU; the marker is rasterized once per style, as FreeType rasterizes a glyph.

Sprites live in one atlas texture (two channels, uint8) per canvas; cells are kept apart
by empty texels so that bilinear sampling (collections are placed at fractional pixels,
as Agg places them) never reads a neighbour.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from .. import primitives as prim

_PAD = 2  # empty texels around a marker inside its cell
_CACHE: OrderedDict = OrderedDict()
_CACHE_SIZE = 4096
ATLAS_WIDTH = 1024
MAX_SPRITE = 400  # markers reaching further from their origin (pixels) are drawn as paths


@dataclass(frozen=True)
class Sprite:
    """A rasterized marker: ``mask`` (h, w, 2) uint8 fill and edge coverage; the marker's
    origin is the pixel corner ``origin`` (x right, y down) of the mask. ``symbol`` is
    its outline in pixels (y down) about the origin, for vector devices; ``snap`` whether
    Agg would snap the outline to pixels (only horizontal and vertical segments)."""

    key: tuple
    mask: np.ndarray
    origin: tuple[int, int]
    symbol: prim.Path
    edge_width: float
    join: str
    snap: bool
    ink: tuple[float, float, float, float]  # what it covers about the origin (y up)

    @property
    def size(self) -> tuple[int, int]:
        return self.mask.shape[1], self.mask.shape[0]



def _ink(mask: np.ndarray, origin: tuple[int, int]) -> tuple[float, float, float, float]:
    """What a sprite covers about the marker's origin: (x0, y0, x1, y1) display pixels,
    y up (for the draw-order layering)."""
    cover = mask.any(axis=2)
    rows, cols = np.flatnonzero(cover.any(axis=1)), np.flatnonzero(cover.any(axis=0))
    if not len(rows):
        return (0.0, 0.0, 0.0, 0.0)
    ox, oy = origin
    return (float(cols[0] - ox), float(oy - rows[-1] - 1), float(cols[-1] + 1 - ox),
            float(oy - rows[0]))


def _rectilinear(verts: np.ndarray, codes) -> bool:
    if codes is not None and np.isin(codes, (prim.CURVE3, prim.CURVE4)).any():
        return False
    d = np.diff(verts[np.isfinite(verts).all(axis=1)], axis=0)
    return bool(len(d)) and bool(np.all((np.abs(d[:, 0]) < 1e-4) | (np.abs(d[:, 1]) < 1e-4)))


def sprite(marker_path, marker_trans: np.ndarray, style: tuple) -> Sprite | None:
    """The sprite of ``marker_path`` through the 3x3 ``marker_trans`` (display pixels)
    stroked with ``style`` = (edge width px, join, cap, dashes px or None, dash offset,
    snap, antialiased, has_fill, has_edge); None when it is too large for a sprite."""
    key = (marker_path.vertices.tobytes(), None if marker_path.codes is None else
           marker_path.codes.tobytes(), np.asarray(marker_trans, float).tobytes(), style)
    hit = _CACHE.get(key)
    if hit is not None:
        _CACHE.move_to_end(key)
        return hit
    made = _make(key, marker_path, np.asarray(marker_trans, float), style)
    _CACHE[key] = made
    if len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return made


def _make(key, marker_path, m: np.ndarray, style: tuple) -> Sprite | None:
    from matplotlib.backend_bases import GraphicsContextBase
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.path import Path
    from matplotlib.transforms import Affine2D, IdentityTransform

    lw, join, cap, dashes, offset, snap, aa, has_fill, has_edge = style
    verts = marker_path.vertices @ m[:2, :2].T + m[:2, 2]
    finite = verts[np.isfinite(verts).all(axis=1)]
    reach = float(np.abs(finite).max()) if len(finite) else 0.0
    half = math.ceil(reach + (lw / 2) * (1.5 if join == "miter" else 1.0) + _PAD + 1)
    if not math.isfinite(reach) or half > MAX_SPRITE:
        return None
    size = 2 * half  # the origin sits at the pixel corner (half, half)
    trans = Affine2D(m)
    where = Path(np.array([[half, half]], float))
    masks = np.zeros((size, size, 2), np.uint8)
    for channel, (face, width) in enumerate((((1.0, 1.0, 1.0, 1.0), 0.0), (None, lw))):
        if (channel == 0 and not has_fill) or (channel == 1 and not (has_edge and lw > 0)):
            continue
        r = RendererAgg(size, size, 72.0)  # 72 dpi: points are pixels
        gc = GraphicsContextBase()
        gc.set_foreground((1.0, 1.0, 1.0, 1.0), isRGBA=True)
        gc.set_linewidth(width)
        gc.set_joinstyle(join)
        gc.set_capstyle(cap)
        gc.set_dashes(offset, dashes)
        gc.set_snap(snap)
        gc.set_antialiased(aa)
        r.draw_markers(gc, marker_path, trans, where, IdentityTransform(), face)
        masks[..., channel] = np.asarray(r.buffer_rgba())[..., 3]
    # keep what is covered and one empty texel around it (bilinear sampling reads it):
    # every texel of a stamp costs a fragment per point
    cover = masks.any(axis=2)
    rows, cols = np.flatnonzero(cover.any(axis=1)), np.flatnonzero(cover.any(axis=0))
    if len(rows):
        r0, r1 = max(rows[0] - 1, 0), min(rows[-1] + 2, size)
        c0, c1 = max(cols[0] - 1, 0), min(cols[-1] + 2, size)
    else:
        r0 = r1 = c0 = c1 = half
    masks = np.ascontiguousarray(masks[r0:r1, c0:c1])
    origin = (half - c0, half - r0)
    outline = verts * [1.0, -1.0]
    codes = marker_path.codes
    return Sprite(key, masks, origin, prim.Path(outline, codes),
                  float(lw) if has_edge else 0.0, join,
                  snap is not False and _rectilinear(verts, codes), _ink(masks, origin))


_GLYPHS: OrderedDict = OrderedDict()


def glyph_sprite(font, size: float, dpi: float, index: int, matrix: np.ndarray, fx: int,
                 fy: int, flags, mode) -> Sprite | None:
    """The bitmap FreeType renders for Agg of glyph ``index`` of ``font`` (an FT2Font) at
    ``size`` points and ``dpi``, turned by ``matrix`` (16.16), at the sub-pixel offset
    ``(fx, fy)`` 64ths of a pixel: a sprite whose origin is its top-left corner, plus
    the pixel (left, top) of that corner relative to the pen's whole pixel. None for a
    blank glyph."""
    key = (font.fname, size, dpi, index, matrix.tobytes(), fx, fy, str(flags), str(mode))
    hit = _GLYPHS.get(key)
    if hit is not None:
        _GLYPHS.move_to_end(key)
        return hit
    from matplotlib.ft2font import RenderMode

    font.set_size(size, dpi)
    font._set_transform(matrix, [fx, fy])  # what Agg's _draw_text_glyphs_and_boxes does
    try:
        bitmap = font._render_glyph(index, flags, mode)
    finally:
        font._set_transform(np.array([[0x10000, 0], [0, 0x10000]]), [0, 0])
    buf = np.asarray(bitmap.buffer)
    made = None
    if buf.size and buf.any():
        mask = np.zeros(buf.shape + (2,), np.uint8)
        mask[..., 0] = buf * 255 if mode == RenderMode.MONO else buf
        h, w = buf.shape
        made = (Sprite(("glyph",) + key, mask, (0, 0), prim.Path(np.zeros((1, 2))), 0.0,
                       "round", True, (0.0, -float(h), float(w), 0.0)),
                int(bitmap.left), int(bitmap.top))
    _GLYPHS[key] = made
    if len(_GLYPHS) > 4 * _CACHE_SIZE:
        _GLYPHS.popitem(last=False)
    return made


class SpriteAtlas:
    """The sprites of a canvas packed in rows of one (h, 1024, 2) uint8 image; ``version``
    moves when cells are added (the texture then uploads the new rows)."""

    def __init__(self) -> None:
        self.image = np.zeros((64, ATLAS_WIDTH, 2), np.uint8)
        self.version = 0
        self._cells: dict[tuple, tuple[int, int, int, int]] = {}
        self._shelves: list[list[int]] = []  # [y, height, x cursor]

    def cell(self, s: Sprite) -> tuple[int, int, int, int]:
        """(x, y, w, h) texels of a sprite's cell, packing it on first use."""
        c = self._cells.get(s.key)
        if c is not None:
            return c
        w, h = s.size
        x, y = self._place(w, h)
        self.image[y : y + h, x : x + w] = s.mask
        self._cells[s.key] = c = (x, y, w, h)
        self.version += 1
        return c

    def _place(self, w: int, h: int) -> tuple[int, int]:
        if w + 1 > ATLAS_WIDTH:
            raise ValueError(f"sprite of {w} px does not fit the atlas")
        for shelf in self._shelves:
            y, sh, cx = shelf
            if h <= sh <= 2 * h + 4 and cx + w + 1 <= ATLAS_WIDTH:
                shelf[2] = cx + w + 1
                return cx, y
        y = self._shelves[-1][0] + self._shelves[-1][1] + 1 if self._shelves else 0
        rows = self.image.shape[0]
        while y + h + 1 > rows:
            rows *= 2
        if rows != self.image.shape[0]:
            grown = np.zeros((rows, ATLAS_WIDTH, 2), np.uint8)
            grown[: self.image.shape[0]] = self.image
            self.image = grown
        self._shelves.append([y, h, w + 1])
        return 0, y
