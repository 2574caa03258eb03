"""Glyph distance fields and font metrics kept on disk, so that a new process draws its
first text without rasterizing every glyph again (about 0.6 ms a glyph with FreeType's
SDF renderer: a figure's first frame spends 15-20 ms on it) and, when every glyph and
metric it needs was stored before, without loading FreeType at all (importing
freetype-py and opening the face: about 10 ms of a cold start).

One file per font file and rendering setup in ``cache_dir()/glyphs``, named by a digest
of what the cells depend on: the font file (path, size, modification time), the
FreeType version, the base size, the spread and the renderer. The full description is
stored in the file too and compared on reading, so a digest collision, a truncated file
or one from another version of this format is ignored and the glyphs are rendered
again. After a write fails (a read-only folder), the process stores no more cells.
Cells read from disk are the bytes the renderer made, so pictures are the same with or
without the store.

The metrics of a font file (:func:`load_metrics`, :func:`save_metrics`: units per em,
ascender, descender, whether it kerns; the glyph index of each character, advances,
kerning pairs, ink boxes and a raster's hinted advances asked for so far) go to
``cache_dir()/fonts``, named and checked the same way; they are the numbers FreeType
gave, so layouts are the same too. FreeType is named by the library file freetype-py
loads (:func:`freetype_build`), found without loading it.
"""

from __future__ import annotations

import functools
import marshal
import struct
import sys
import zlib
from pathlib import Path

import numpy as np

from ..files import cache_dir, write_bytes

__all__ = ["GlyphStore", "freetype_build", "load_metrics", "save_metrics"]

_MAGIC = b"lumos glyph cells 1\n"
_HEAD = struct.Struct("<II")  # description length, number of cells

Cell = tuple[np.ndarray, int, int]  # uint8 distance field, left, top (base pixels)


class GlyphStore:
    """The cells of one font file rendered one way, as earlier processes left them.

    >>> store = GlyphStore(path, "freetype 2.13.2 48px spread 8 bsdf")
    >>> store.get(36)            # None, or (cell, left, top)
    >>> store.add({36: (cell, left, top)})   # written at once, atomically
    """

    _unwritable = False  # set once a write failed: no more writes in this process

    def __init__(self, font_path: Path, setup: str) -> None:
        try:
            st = Path(font_path).stat()
            self.description = f"{Path(font_path).resolve()}|{st.st_size}|{st.st_mtime_ns}|{setup}"
        except OSError:
            self.description = None  # no font file to describe: nothing is stored
        self._cells: dict[int, Cell] | None = None
        self._pixels = np.zeros(0, np.uint8)  # the file's cells, one after the other
        self._spans: dict[int, tuple[int, int, int, int, int]] = {}  # start, h, w, left, top
        self._file: Path | None = None

    def _path(self) -> Path | None:
        if self._file is None and self.description is not None:
            try:
                digest = zlib.crc32(self.description.encode()) & 0xFFFFFFFF
                self._file = cache_dir() / "glyphs" / f"{digest:08x}.cells"
            except OSError:
                return None
        return self._file

    def _load(self) -> dict[int, Cell]:
        """The cells asked for or added so far; those of the file are cut out of its
        pixels when first asked for (it holds every glyph drawn so far, hundreds; a
        figure takes a few dozen)."""
        if self._cells is None:
            self._cells = {}
            path = self._path()
            try:
                data = path.read_bytes() if path is not None else b""
                self._pixels, self._spans = _decode(data, self.description)
            except (OSError, ValueError, struct.error):
                pass  # missing or not ours: render again
        return self._cells

    def get(self, index: int) -> Cell | None:
        """The stored cell of a glyph index, or None."""
        cells, index = self._load(), int(index)
        cell = cells.get(index)
        if cell is None and index in self._spans:
            start, h, w, left, top = self._spans.pop(index)
            cell = cells[index] = (self._pixels[start : start + h * w].reshape(h, w), left, top)
        return cell

    def add(self, cells: dict[int, Cell]) -> None:
        """Store more cells (with those already stored) for later processes."""
        if not cells:
            return
        self._load()
        for index in list(self._spans):
            self.get(index)
        known = self._cells
        known.update(cells)
        path = self._path()
        if path is None or GlyphStore._unwritable:
            return
        try:
            path.parent.mkdir(exist_ok=True)
            write_bytes(path, _encode(known, self.description))
        except OSError:
            GlyphStore._unwritable = True


def _encode(cells: dict[int, Cell], description: str) -> bytes:
    text = description.encode()
    order = sorted(cells)
    table = np.array([(i, cells[i][1], cells[i][2], *cells[i][0].shape) for i in order],
                     dtype="<i4").reshape(-1, 5)
    body = b"".join(np.ascontiguousarray(cells[i][0], np.uint8).tobytes() for i in order)
    return _MAGIC + _HEAD.pack(len(text), len(order)) + text + table.tobytes() + body


def _decode(data: bytes, description: str) -> tuple[np.ndarray, dict]:
    """The pixels of a cell file and {glyph index: (start in them, h, w, left, top)}."""
    if not data:
        return np.zeros(0, np.uint8), {}
    if not data.startswith(_MAGIC):
        raise ValueError("not a glyph cell file")
    at = len(_MAGIC)
    n_text, count = _HEAD.unpack_from(data, at)
    at += _HEAD.size
    if data[at : at + n_text].decode(errors="replace") != description:
        raise ValueError("cells of another font or setup")
    at += n_text
    table = np.frombuffer(data, "<i4", count * 5, at).reshape(count, 5)
    at += table.nbytes
    sizes = table[:, 3].astype(np.int64) * table[:, 4]
    if at + int(sizes.sum()) != len(data):
        raise ValueError("truncated glyph cell file")
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]]).tolist()
    return np.frombuffer(data, np.uint8, offset=at), {
        i: (start, h, w, left, top)
        for (i, left, top, h, w), start in zip(table.tolist(), starts, strict=True)}


# ------------------------------------------------------------------ font metrics
_FT_LIBRARY = {"win32": "libfreetype.dll", "darwin": "libfreetype.dylib"}.get(
    sys.platform, "libfreetype.so")  # what freetype-py's wheels bundle (freetype.raw)
_METRICS_MAGIC = b"lumos font metrics 1\n"
_METRIC_TABLES = ("index", "advance", "kern", "ink", "hinted", "kern_mult", "hinted_ink")
_MAX_KERN_PAIRS = 20_000  # the file stays small: pairs past this are looked up again


@functools.lru_cache(maxsize=1)
def freetype_build() -> str:
    """What names the FreeType library freetype-py loads, without importing it: the
    library file its package bundles (path, size, modification time), else (a system
    library) FreeType's version."""
    import importlib.util

    spec = importlib.util.find_spec("freetype")
    for folder in (spec.submodule_search_locations or ()) if spec is not None else ():
        lib = Path(folder) / _FT_LIBRARY
        try:
            st = lib.stat()
        except OSError:
            continue
        return f"{lib}|{st.st_size}|{st.st_mtime_ns}"
    import freetype

    return "freetype " + ".".join(str(v) for v in freetype.version())


def _metrics_file(font_path: Path) -> tuple[Path, str] | None:
    """(file, description) of a font file's metrics, or None (no font file, no folder)."""
    try:
        st = Path(font_path).stat()
        description = (f"{Path(font_path).resolve()}|{st.st_size}|{st.st_mtime_ns}|"
                       f"{freetype_build()}")
        digest = zlib.crc32(description.encode()) & 0xFFFFFFFF
        return cache_dir() / "fonts" / f"{digest:08x}.metrics", description
    except OSError:
        return None


def load_metrics(font_path: Path) -> dict | None:
    """The stored metrics of a font file: {"face": (units per em, ascender, descender,
    kerns), "index": {char: glyph}, "advance": {glyph: em}, "kern": {(glyph, glyph): em},
    "ink": {glyph: (x0, y0, x1, y1) em or None}, "hinted": {(size in 1/64 px, load
    flags, glyph): advance in 1/64 px}, "kern_mult": {size in 1/64 px: multiplier},
    "hinted_ink": {(size in 1/64 px, load flags, glyph): (bottom, top) in 1/64 px}}, or
    None when none are stored (or the
    file is damaged, or from another font file or FreeType)."""
    where = _metrics_file(font_path)
    if where is None:
        return None
    path, description = where
    try:
        data = path.read_bytes()
        if not data.startswith(_METRICS_MAGIC):
            return None
        stored, metrics = marshal.loads(data[len(_METRICS_MAGIC):])
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if stored != description or not isinstance(metrics, dict) \
            or not all(isinstance(metrics.get(k), dict) for k in _METRIC_TABLES) \
            or not (isinstance(metrics.get("face"), tuple) and len(metrics["face"]) == 4):
        return None
    return metrics


def save_metrics(font_path: Path, metrics: dict) -> None:
    """Store a font file's metrics (as :func:`load_metrics` returns them) for later
    processes; a folder that cannot be written stores nothing."""
    where = _metrics_file(font_path)
    if where is None or GlyphStore._unwritable:
        return
    path, description = where
    if len(metrics["kern"]) > _MAX_KERN_PAIRS:
        metrics = {**metrics, "kern": dict(list(metrics["kern"].items())[:_MAX_KERN_PAIRS])}
    try:
        path.parent.mkdir(exist_ok=True)
        write_bytes(path, _METRICS_MAGIC + marshal.dumps((description, metrics)))
    except (OSError, ValueError):
        GlyphStore._unwritable = True
