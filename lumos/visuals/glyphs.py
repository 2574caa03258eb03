"""Signed-distance-field glyph atlas and text layout for the Text visual.

Pure CPU code (numpy + freetype, no OpenGL): the GPU layer uploads ``GlyphAtlas.image``
as a single-channel texture (row 0 first, so ``v = 0`` is atlas row 0) and draws the
quads returned by :func:`layout`. The atlas is one consumer of the device-neutral text
layout of :mod:`.fonts` (:func:`atlas_quads`); vector files are the other.

SDF convention (what the fragment shader needs)
-----------------------------------------------
Glyphs are rasterized at ``BASE_SIZE`` pixels per em (48) with a spread of ``SPREAD``
base pixels (8). An atlas texel ``t`` (uint8) encodes the signed distance from the
texel centre to the glyph outline, *positive inside*::

    t = clamp(128 + d_base * 128 / SPREAD, 0, 255)    # d_base: distance in base pixels

So 128 (0.50196 as a normalized float) is the edge, one step of 1/255 is
``SPREAD / 128 = 1/16`` base pixel, i.e. ``font_size / (16 * 48)`` screen pixels at a
given ``font_size``. In GLSL, with ``s = texture(atlas, uv).r``::

    float d_px = (s * 255.0 - 128.0) * (SPREAD / 128.0) * (font_size / BASE_SIZE);
    float alpha = clamp(d_px + 0.5, 0.0, 1.0);    // 1-pixel antialiasing ramp

Distances saturate at +-SPREAD base pixels (-8 .. +7.94), which bounds outlines/halos to
``SPREAD * font_size / BASE_SIZE`` screen pixels.
"""

from __future__ import annotations

import ctypes
import math
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np

from .fonts import (
    Font,
    TextLayout,
    block_box,
    check_anchors,
    check_positive,
    check_spacing,
    check_text,
    font_path,
    get_font,
    hint_for,
    line_glyphs,
    line_ink,
    plain_layout,
)

__all__ = [
    "BASE_SIZE",
    "SPREAD",
    "SDF_EDGE",
    "GlyphAtlas",
    "Glyph",
    "atlas_cells",
    "atlas_quads",
    "font_path",
    "get_atlas",
    "layout",
    "text_extent",
]

BASE_SIZE = 48  # pixels per em at which glyphs are rasterized into the atlas
SPREAD = 8  # SDF range in base pixels on each side of the outline
SDF_EDGE = 128  # uint8 value of the glyph outline

_ATLAS_WIDTH = 1024  # fixed width: growth only doubles the height, so u never changes
_ATLAS_MAX_HEIGHT = 8192
_GAP = 1  # empty texels between cells so bilinear sampling never bleeds across glyphs


@dataclass(frozen=True, repr=False)
class Glyph:
    """One atlas cell.

    ``box`` is (x0, y0, x1, y1) of the quad in em units relative to the pen position on
    the baseline (y up), spread padding included; ``rect`` is (col, row, width, height)
    of the cell in atlas texels (row 0 = top of the glyph). Blank glyphs (space) have
    ``rect`` width 0 and get no quad.
    """

    index: int  # glyph index in the font (0 = .notdef)
    advance: float  # em units
    box: tuple[float, float, float, float]
    rect: tuple[int, int, int, int]


def _bitmap_array(bitmap) -> np.ndarray:
    """Copy a FreeType 8-bit bitmap into a (rows, width) uint8 array without Python loops."""
    rows, width, pitch = bitmap.rows, bitmap.width, bitmap.pitch
    if rows == 0 or width == 0:
        return np.zeros((rows, width), np.uint8)
    raw = ctypes.string_at(bitmap._FT_Bitmap.buffer, rows * abs(pitch))
    arr = np.frombuffer(raw, np.uint8).reshape(rows, abs(pitch))[:, :width]
    return arr[::-1].copy() if pitch < 0 else arr.copy()


def _windowed_sq_edt(seed: np.ndarray, radius: int) -> np.ndarray:
    """Squared Euclidean distance transform, exact up to ``radius``, batched over axis 0.

    Separable (Felzenszwalb-style) min-plus passes, but over a window of +-radius only:
    distances beyond the spread are clamped anyway, so each pass is 2*radius vectorized
    minima instead of a sequential lower-envelope scan.
    """
    big = np.float32(1e9)
    out = seed.astype(np.float32, copy=True)
    for axis in (1, 2):
        n = out.shape[axis]
        pad = [(0, 0)] * 3
        pad[axis] = (radius, radius)
        padded = np.pad(out, pad, constant_values=big)
        res = out.copy()
        for k in range(1, radius + 1):
            k2 = np.float32(k * k)
            for shift in (k, -k):
                sl = [slice(None)] * 3
                sl[axis] = slice(radius + shift, radius + shift + n)
                np.minimum(res, padded[tuple(sl)] + k2, out=res)
        out = res
    return out


def sdf_from_coverage(coverage: np.ndarray, spread: int) -> np.ndarray:
    """Numpy fallback SDF (same uint8 encoding as FreeType's) from coverage in [0, 1].

    ``coverage`` is (n, h, w) and must already carry ``spread`` blank texels of padding.
    Antialiased coverage places the edge inside partial pixels (TinySDF's trick); accurate
    to about 0.15 base px near the edge, used only when FreeType lacks SDF rendering.
    """
    a = np.asarray(coverage, np.float32)
    big = np.float32(1e9)
    outer = np.where(a >= 1, 0, np.where(a <= 0, big, np.maximum(0, 0.5 - a) ** 2))
    inner = np.where(a <= 0, 0, np.where(a >= 1, big, np.maximum(0, a - 0.5) ** 2))
    d = np.sqrt(_windowed_sq_edt(inner, spread)) - np.sqrt(_windowed_sq_edt(outer, spread))
    return np.clip(np.floor(SDF_EDGE + d * (128.0 / spread)), 0, 255).astype(np.uint8)


class GlyphAtlas:
    """Lazily filled SDF atlas of one font face.

    ``image`` is a (height, 1024) uint8 array; ``version`` increases whenever its pixels
    (or its shape, on growth) change. Growth doubles the height and keeps every cell in
    place, so texel rects stay valid but normalized v coordinates shrink: re-run
    :func:`layout` (or compare ``image.shape``) after the shape changed.
    """

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        bold: bool = False,
        base_size: int = BASE_SIZE,
        spread: int = SPREAD,
        sdf: Literal["auto", "freetype", "numpy"] = "auto",
        prepopulate: bool = True,
    ) -> None:
        if sdf not in ("auto", "freetype", "numpy"):
            raise ValueError(f"sdf must be 'auto', 'freetype' or 'numpy', got {sdf!r}")
        if not 2 <= int(spread) <= 32:  # FreeType's accepted range for the spread
            raise ValueError(f"spread must be in 2..32 pixels, got {spread!r}")
        self.path = Path(path) if path is not None else font_path(bold)
        self.font = get_font(path=self.path)  # metrics and layout come from the font
        self.base_size = int(base_size)
        self.spread = int(spread)
        # FreeType (the fonts' faces) loads only for glyphs the store lacks
        self._use_ft_sdf = sdf != "numpy"
        self._sdf_mode = sdf
        self._lock = threading.RLock()
        self.ascender = self.font.ascender  # em units, > 0
        self.descender = self.font.descender  # em units, < 0
        self.has_kerning = self.font.has_kerning
        self.image = np.zeros((512, _ATLAS_WIDTH), np.uint8)  # ASCII uses ~250 rows
        self.version = 0
        self._shelves: list[list[int]] = []  # [y, height, x_cursor]
        self._by_index: dict[int, Glyph] = {}
        self._by_char: dict[str, Glyph] = {}
        self._rule_cell: tuple | None = None  # see rule_quads
        self._stores: dict[tuple, object] = {}  # GlyphStore: earlier processes' cells, by font
        if prepopulate:
            self.ensure("".join(chr(c) for c in range(32, 127)))

    # ------------------------------------------------------------------ glyph cache
    def __contains__(self, char: str) -> bool:
        return char in self._by_char

    def glyph(self, char: str) -> Glyph:
        """The atlas cell of one character, rasterizing it on first use."""
        g = self._by_char.get(char)
        if g is None:
            self.ensure(char)
            g = self._by_char[char]
        return g

    def _key(self, index: int, font: Font | None) -> int | tuple:
        """Cells of the atlas's own font are keyed by glyph index; those of other fonts
        (italic math in an upright label) by (font file, index)."""
        if font is None or font.path == self.font.path:
            return int(index)
        return (str(font.path), int(index))

    def cell(self, index: int, font: Font | None = None) -> Glyph:
        """The atlas cell of a glyph index (of ``font``, by default the atlas's own),
        rasterizing it on first use."""
        key = self._key(index, font)
        g = self._by_index.get(key)
        if g is None:
            self.ensure_indices([index], font)
            g = self._by_index[key]
        return g

    def ensure(self, text: str) -> None:
        """Add every character of ``text`` that is missing, in one batch (one version bump)."""
        missing = {c for c in text if c not in self._by_char}
        if not missing:
            return
        with self._lock:
            # Unknown characters map to glyph 0, the font's .notdef box.
            indices = {c: self.font.index(c) for c in sorted(missing)}
            self.ensure_indices(indices.values())
            for c, idx in indices.items():
                self._by_char[c] = self._by_index[idx]

    def ensure_indices(self, indices, font: Font | None = None) -> None:
        """Add every glyph index (of ``font``) that is missing, in one batch (one version
        bump)."""
        with self._lock:
            new = sorted({int(i) for i in indices
                          if self._key(i, font) not in self._by_index})
            if new:
                self._add_glyphs(new, font)

    def _render(self, index: int, font: Font | None = None) -> tuple[np.ndarray, int, int]:
        """Rasterize one glyph: (uint8 SDF cell, left, top) in base px, with the FreeType
        face of ``font`` (the atlas's own by default), which its metrics use too."""
        import freetype

        with (font or self.font).sized_face(self.base_size) as face:
            # No hinting: atlas glyphs are scaled to any size, so grid-fitting to 48 px
            # only distorts.
            face.load_glyph(index, freetype.FT_LOAD_NO_HINTING | freetype.FT_LOAD_NO_BITMAP)
            slot = face.glyph
            # Render coverage first, then FreeType's bitmap SDF ('bsdf'): measured ~2x
            # faster than its outline SDF and about as exact (mean error ~0.03 base px at
            # the edge).
            slot.render(freetype.FT_RENDER_MODE_NORMAL)
            if slot.bitmap.rows == 0 or slot.bitmap.width == 0:
                return np.zeros((0, 0), np.uint8), 0, 0
            if self._use_ft_sdf:
                try:
                    slot.render(freetype.FT_RENDER_MODE_SDF)
                    return _bitmap_array(slot.bitmap), slot.bitmap_left, slot.bitmap_top
                except freetype.FT_Exception:
                    if self._sdf_mode == "freetype":
                        raise
                    self._use_ft_sdf = False  # FreeType < 2.11: no SDF renderer
            cov = _bitmap_array(slot.bitmap).astype(np.float32) / 255.0
            left, top = slot.bitmap_left, slot.bitmap_top
        s = self.spread
        cov = np.pad(cov, s)[None]
        return sdf_from_coverage(cov, s)[0], left - s, top + s

    def _store(self, font: Font | None):
        """Where the cells of ``font`` rendered as this atlas renders them are kept."""
        path = str((font or self.font).path)
        key = (path, self._use_ft_sdf)
        store = self._stores.get(key)
        if store is None:
            # with the first glyphs, not at import
            from .glyph_store import GlyphStore, freetype_build

            renderer = "bsdf" if self._use_ft_sdf else "numpy"
            setup = (f"freetype {freetype_build()} {self.base_size}px spread {self.spread} "
                     f"{renderer}")
            store = self._stores[key] = GlyphStore(Path(path), setup)
        return store

    def _set_ft_spread(self) -> None:
        if not self._use_ft_sdf:
            return
        import freetype

        value = ctypes.c_int(self.spread)
        # The spread is a property of the (shared) library, so set it before each batch.
        err = freetype.raw.FT_Property_Set(
            freetype.get_handle(), b"bsdf", b"spread", ctypes.byref(value)
        )
        if err:
            if self._sdf_mode == "freetype":
                raise RuntimeError("this FreeType has no SDF renderer (needs >= 2.11)")
            self._use_ft_sdf = False

    def _add_glyphs(self, indices: list[int], font: Font | None = None) -> None:
        stored = self._store(font)
        cells, fresh = {}, {}
        for idx in indices:
            cell = stored.get(idx)
            if cell is None:
                if not fresh:  # FreeType only when a glyph is not stored
                    self._set_ft_spread()
                cell = fresh[idx] = self._render(idx, font)
            cells[idx] = cell
        # kept with the renderer that made them (auto falls back to numpy on an old
        # FreeType at the first glyph, so a batch is all one or all the other)
        self._store(font).add(fresh)
        rendered = [(idx, (font or self.font).advance(idx), *cells[idx]) for idx in indices]
        # Tallest first packs shelves tightly for the initial ASCII batch.
        rendered.sort(key=lambda r: -r[2].shape[0])
        b = float(self.base_size)
        for idx, advance, cell, left, top in rendered:
            h, w = cell.shape
            if h == 0 or w == 0:
                glyph = Glyph(idx, advance, (0.0, 0.0, 0.0, 0.0), (0, 0, 0, 0))
            else:
                x, y = self._place(w, h)
                self.image[y : y + h, x : x + w] = cell
                box = (left / b, (top - h) / b, (left + w) / b, top / b)
                glyph = Glyph(idx, advance, box, (x, y, w, h))
            self._by_index[self._key(idx, font)] = glyph
        self.version += 1

    def _place(self, w: int, h: int) -> tuple[int, int]:
        """Shelf packing: first shelf tall enough (without wasting > 1/3), else a new one."""
        if w + _GAP > _ATLAS_WIDTH:
            raise ValueError(f"glyph cell {w} px wide does not fit the {_ATLAS_WIDTH} px atlas")
        for shelf in self._shelves:
            y, sh, cx = shelf
            if h <= sh <= h + h // 3 + 2 and cx + w + _GAP <= _ATLAS_WIDTH:
                shelf[2] = cx + w + _GAP
                return cx, y
        y = self._shelves[-1][0] + self._shelves[-1][1] + _GAP if self._shelves else 0
        while y + h + _GAP > self.image.shape[0]:
            self._grow()
        self._shelves.append([y, h, w + _GAP])
        return 0, y

    def _grow(self) -> None:
        rows = self.image.shape[0]
        if rows * 2 > _ATLAS_MAX_HEIGHT:
            raise RuntimeError(
                f"glyph atlas is full ({_ATLAS_WIDTH}x{rows}); too many distinct characters"
            )
        image = np.zeros((rows * 2, _ATLAS_WIDTH), np.uint8)
        image[:rows] = self.image
        self.image = image
        self.version += 1

    # ------------------------------------------------------------------ metrics
    def kerning(self, left: str, right: str) -> float:
        """Kerning between two characters in em units (negative brings them closer)."""
        return self.font.kerning(self.font.index(left), self.font.index(right))

    def uv_rect(self, glyph: Glyph) -> tuple[float, float, float, float]:
        """(u0, v0, u1, v1) of a cell in the current atlas; v0 is the glyph's top row."""
        x, y, w, h = glyph.rect
        rows, cols = self.image.shape
        return x / cols, y / rows, (x + w) / cols, (y + h) / rows


_ATLASES: dict[str, GlyphAtlas] = {}
_ATLASES_LOCK = threading.Lock()


def get_atlas(bold: bool = False, face: str | None = None) -> GlyphAtlas:
    """The process-wide shared atlas of a face (DejaVu Sans, Bold with ``bold``, or the
    bundled ``face``), so all Text visuals of a face share a texture."""
    key = face if face is not None else ("sans-bold" if bold else "sans")
    atlas = _ATLASES.get(key)
    if atlas is None:
        with _ATLASES_LOCK:
            atlas = _ATLASES.get(key)
            if atlas is None:
                atlas = _ATLASES[key] = GlyphAtlas(font_path(bold, face), prepopulate=False)
    return atlas


# ---------------------------------------------------------------------- layout
def text_extent(
    text: str,
    font_size: float,
    *,
    line_spacing: str | float = "normal",
    bold: bool = False,
    atlas: GlyphAtlas | None = None,
    face: str | None = None,
) -> tuple[float, float, float]:
    """(width, height, descent) of ``text`` in pixels, matplotlib-style.

    Width is the widest line's advance width (kerning included; a raster's hinted
    advances, see :func:`.fonts.hint_for`). Height is the block's
    box by matplotlib's rule (:func:`.fonts.block_box`, ``line_spacing`` 'normal' or a
    number): from the font's typographic ascent above the first baseline (or the
    line's ink, where higher) to its descent below the last one; descent (>= 0) is the
    part of the height below the last baseline.
    """
    text = check_text(text)
    size = check_positive("font_size", font_size)
    spacing = check_spacing("line_spacing", line_spacing)
    font = get_font(bold, face=face) if atlas is None else atlas.font
    lines = text.split("\n")
    hint = hint_for(size)
    width = max(line_glyphs(font, ln, hint)[0] for ln in lines) * size
    top, bottom, ys = block_box(font, [line_ink(font, ln, hint) for ln in lines], spacing)
    return width, (top - bottom) * size, (ys[-1] - bottom) * size


def layout(
    text: str,
    font_size: float,
    anchor_x: str = "left",
    anchor_y: str = "baseline",
    rotation_deg: float = 0.0,
    line_spacing: str | float = "normal",
    *,
    bold: bool = False,
    atlas: GlyphAtlas | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Glyph quads and atlas coordinates for ``text``.

    Returns ``(quads, uvs)``, both (n, 4, 2) float32, one entry per visible glyph
    (spaces and control characters make none). ``quads`` are pixel offsets from the
    anchor point, x right and y up, rotated counter-clockwise by ``rotation_deg`` about
    the anchor, with the SDF spread padding included. ``uvs`` are atlas texture
    coordinates in [0, 1] (v = 0 is atlas row 0). Corner order for both: bottom-left,
    bottom-right, top-right, top-left (of the unrotated glyph).

    ``anchor_x`` aligns the block and each line in it (left/center/right); ``anchor_y``
    picks the block's top (font ascender of the first line), center, bottom (descender
    of the last line) or baseline (of the last line, as matplotlib does). Lines are
    placed by :func:`.fonts.block_box` (``line_spacing``: 'normal' or a number).
    """
    text = check_text(text)
    size = check_positive("font_size", font_size)
    spacing = check_spacing("line_spacing", line_spacing)
    rot = check_anchors(anchor_x, anchor_y, rotation_deg)
    if atlas is None:
        atlas = get_atlas(bold)
    return atlas_quads(atlas, plain_layout(text, atlas.font, anchor_x, anchor_y, spacing,
                                           hint_for(size)),
                       size, rot)


def atlas_cells(atlas: GlyphAtlas, text: TextLayout, size: float,
                rotation_deg: float = 0.0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The SDF quads of a text layout as :func:`atlas_quads`'s ``quads``, with what
    they sample in the cells' own texels: ``texels`` (n, 4, 2) float64, the corners in
    texels from their cell's top-left corner, and ``cells`` (n, 4) int64, each quad's
    cell (x, y, width, height) in the atlas. Cell-local texels are the same wherever a
    cell lies, so a shader that samples them draws a glyph the same whichever glyphs
    were added to the atlas before it."""
    fonts = text.glyph_fonts()
    for font in dict.fromkeys(fonts):
        atlas.ensure_indices([i for i, f in zip(text.indices.tolist(), fonts, strict=True)
                              if f is font], font)
    boxes: list = []
    texels: list = []
    cells: list = []
    for index, (px, py), (sx, sy), font in zip(text.indices.tolist(), text.pens.tolist(),
                                               text.scales.tolist(), fonts, strict=True):
        g = atlas.cell(index, font)
        if g.rect[2] == 0:
            continue
        bx0, by0, bx1, by1 = g.box
        w, h = g.rect[2:]
        boxes.append((px + bx0 * sx, py + by0 * sy, px + bx1 * sx, py + by1 * sy))
        texels.append((0, 0, w, h))
        cells.append(g.rect)
    for rule in text.rules.tolist():
        rule_quads(atlas, *rule, boxes, texels, cells)
    if not boxes:
        return (np.zeros((0, 4, 2), np.float32), np.zeros((0, 4, 2)),
                np.zeros((0, 4), np.int64))
    b = np.asarray(boxes, np.float64) * size
    r = np.asarray(texels, np.float64)
    quads = np.stack(
        [b[:, [0, 1]], b[:, [2, 1]], b[:, [2, 3]], b[:, [0, 3]]], axis=1
    )  # BL, BR, TR, TL
    # The cell's top row is v0, so bottom corners take v1 and top corners v0.
    local = np.stack([r[:, [0, 3]], r[:, [2, 3]], r[:, [2, 1]], r[:, [0, 1]]], axis=1)
    if rotation_deg != 0.0:
        c, s = math.cos(math.radians(rotation_deg)), math.sin(math.radians(rotation_deg))
        x, y = quads[..., 0].copy(), quads[..., 1].copy()
        quads[..., 0] = c * x - s * y
        quads[..., 1] = s * x + c * y
    return quads.astype(np.float32), local, np.asarray(cells, np.int64)


def atlas_quads(atlas: GlyphAtlas, text: TextLayout, size: float,
                rotation_deg: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """The SDF quads of a text layout (see :func:`layout` for the arrays): one per glyph
    with ink, and a few per rule."""
    quads, local, cells = atlas_cells(atlas, text, size, rotation_deg)
    rows, cols = atlas.image.shape
    uvs = (local + cells[:, None, :2]) / (cols, rows)
    return quads, uvs.astype(np.float32)


# Rules (fraction bars, radical overbars) are cut out of the FULL BLOCK glyph (U+2588):
# a nine-slice of its cell keeps the SDF ramp along the rule's outline and stretches only
# the saturated interior, so rules of any size stay solid and get the same antialiasing
# as glyph stems, even when thinner than a pixel.
def ink_texels(atlas: GlyphAtlas, g: Glyph) -> tuple[float, float, float, float] | None:
    """Outline bbox (left, top, right, bottom) of a cell in texels, row 0 on top.

    Each inside texel centre minus its distance bounds the outline, and the bound is
    tight at the texels next to the extreme points, so this is sub-texel exact.
    """
    if g.rect[2] == 0:
        return None
    x, y, w, h = g.rect
    v = atlas.image[y : y + h, x : x + w].astype(np.float32)
    rows, cols = np.nonzero(v >= SDF_EDGE)
    if len(rows) == 0:
        return None
    # Values are floor(128 + 16 d): add half a step back.
    d = (v[rows, cols] - SDF_EDGE + 0.5) * (atlas.spread / 128.0)
    r, c = rows + 0.5, cols + 0.5
    return (
        float((c - d).min()), float((r - d).min()),
        float((c + d).max()), float((r + d).max()),
    )  # fmt: skip


def _slices(a: float, b: float, lo: float, hi: float, n: int, f: float, sat: float) -> list:
    """Pieces (q0, q1, t0, t1) mapping the span [a, b] (em) onto a block cell axis.

    The block's outline runs from texel ``lo`` to ``hi`` of a cell ``n`` texels long and
    ``f`` texels make one em. The ends copy the cell 1:1 (outline ramp and padding); only
    a middle piece, whose texels are all saturated (> ``sat`` inside), is stretched.
    """
    half = 0.5 * (b - a) * f
    r = min(half, sat, 0.5 * (hi - lo))
    pieces = [(a - lo / f, a + r / f, 0.0, lo + r)]
    if half > r:
        mid = 0.5 * (lo + hi)
        pieces.append((a + r / f, b - r / f, mid, mid))
    pieces.append((b - r / f, b + (n - hi) / f, hi - r, float(n)))
    return pieces


def _block(atlas: GlyphAtlas) -> tuple:
    """(the full block's cell, its outline edges (left, right, bottom, top) in texels,
    rows from the bottom), or (None, None) when the font lacks it."""
    if atlas._rule_cell is None:
        block = atlas.cell(atlas.font.index("\u2588"))
        edges = ink_texels(atlas, block)
        if edges is None or block.index == 0:
            atlas._rule_cell = (None, None)
        else:
            left, top, right, bottom = edges
            atlas._rule_cell = (block, (left, right, block.rect[3] - bottom,
                                        block.rect[3] - top))
    return atlas._rule_cell


def rule_cell(atlas: GlyphAtlas) -> dict | None:
    """What a page needs to cut rules out of the full block glyph (U+2588) itself, as
    :func:`rule_quads` does: its cell's size and outline edges (left, right, bottom,
    top) in texels, the texels of an em and the saturated depth; None without it."""
    block, edges = _block(atlas)
    if block is None:
        return None
    return {"size": [block.rect[2], block.rect[3]], "edges": list(edges),
            "texels_per_em": float(atlas.base_size), "saturated": float(atlas.spread)}


def rule_quads(atlas: GlyphAtlas, x0: float, y0: float, x1: float, y1: float,
               boxes: list, texels: list, cells: list) -> None:
    """Append the (up to 3x3) block slices of a solid rectangle (em, y up) to ``boxes``
    (x0, y0, x1, y1 em), ``texels`` (u0, v_top, u1, v_bottom in texels of the block's
    cell) and ``cells`` (the block's cell, x, y, width, height in the atlas)."""
    block, edges = _block(atlas)
    if block is None or x1 <= x0 or y1 <= y0:
        return
    w, h = block.rect[2:]
    left, right, bottom, top = edges
    f, sat = float(atlas.base_size), float(atlas.spread)
    for qx0, qx1, tu0, tu1 in _slices(x0, x1, left, right, w, f, sat):
        # Texel rows grow downwards, so slice in "rows from the bottom" and flip back.
        for qy0, qy1, tb0, tb1 in _slices(y0, y1, bottom, top, h, f, sat):
            boxes.append((qx0, qy0, qx1, qy1))
            texels.append((tu0, h - tb1, tu1, h - tb0))
            cells.append(block.rect)
