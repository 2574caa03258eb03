"""Fonts and laid-out text, independent of how the glyphs are drawn.

:class:`Font` reads one TrueType file with FreeType, unscaled: advances, kerning, ink
boxes and outlines in em units. Text layout (plain text here, mathtext in
:mod:`.mathtext`) produces a :class:`TextLayout`: glyph indices with pen positions and
scales, plus solid rules (fraction bars, radical overbars), in em of the font size,
relative to the anchor. Two consumers read it: the SDF atlas (:func:`.glyphs.atlas_quads`,
GPU text) and the vector devices (:func:`.text_outline.text_primitives`: glyph runs
and paths).

Pure CPU code (numpy + freetype); it imports nothing from lumos but the primitives and,
with the first font, the metrics store (:mod:`.glyph_store`).
"""

from __future__ import annotations

import atexit
import contextlib
import contextvars
import ctypes
import functools
import math
import struct
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..primitives import CLOSEPOLY, CURVE3, CURVE4, LINETO, MOVETO

_FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"
_FONT_FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}
#: The bundled faces by name: family ('sans', 'serif', 'mono'), then '-bold' and/or
#: '-italic'. Faces not bundled fall back (FACE_FALLBACK) to the nearest one that is.
FACES = {
    "sans": "DejaVuSans.ttf", "sans-bold": "DejaVuSans-Bold.ttf",
    "sans-italic": "DejaVuSans-Oblique.ttf", "sans-bold-italic": "DejaVuSans-BoldOblique.ttf",
    "serif": "DejaVuSerif.ttf", "serif-bold": "DejaVuSerif-Bold.ttf",
    "serif-italic": "DejaVuSerif-Italic.ttf", "serif-bold-italic": "DejaVuSerif-BoldItalic.ttf",
    "mono": "DejaVuSansMono.ttf", "mono-bold": "DejaVuSansMono-Bold.ttf",
}  # fmt: skip
FACE_FALLBACK = {"mono-italic": "mono", "mono-bold-italic": "mono-bold"}

ANCHOR_X = ("left", "center", "right")
ANCHOR_Y = ("baseline", "bottom", "center", "top")


def face_name(family: str = "sans", bold: bool = False, italic: bool = False) -> str:
    """The name of the bundled face closest to a family, weight and slant."""
    name = family + ("-bold" if bold else "") + ("-italic" if italic else "")
    name = FACE_FALLBACK.get(name, name)
    if name not in FACES:
        raise ValueError(f"face: got family {family!r}, expected 'sans', 'serif' or 'mono'")
    return name


def is_font_file(face: str) -> bool:
    """Whether a face name is the path of a font file (matplotlib's ``font=Path(...)``)
    rather than a bundled face's name."""
    return face not in FACES and face not in FACE_FALLBACK and Path(face).is_file()


def font_path(bold: bool = False, face: str | None = None) -> Path:
    """Path of a bundled TrueType file: DejaVu Sans (Bold), or the named ``face``
    (:data:`FACES`), or ``face`` itself where it is a font file's path."""
    if face is None:
        return _FONT_DIR / _FONT_FILES[bool(bold)]
    face = FACE_FALLBACK.get(face, face)
    if face in FACES:
        return _FONT_DIR / FACES[face]
    if is_font_file(face):
        return Path(face)
    raise ValueError(f"face: got {face!r}, expected one of {', '.join(FACES)} or the "
                     "path of a font file")


def matplotlib_font(filename: str) -> Path | None:
    """A font file matplotlib ships (``mpl-data/fonts/ttf``), where matplotlib is
    installed, found without importing it; None where it is not (lumos bundles DejaVu
    alone: the STIX faces matplotlib's math falls back to come from there)."""
    import importlib.util

    try:
        spec = importlib.util.find_spec("matplotlib")
    except (ImportError, ValueError):
        return None
    for root in (spec.submodule_search_locations or []) if spec is not None else []:
        path = Path(root) / "mpl-data" / "fonts" / "ttf" / filename
        if path.is_file():
            return path
    return None


class Font:
    """Metrics and outlines of one font file, in em units (y up, pen on the baseline).

    The metrics FreeType gave an earlier process come from the cache folder
    (:func:`.glyph_store.load_metrics`): FreeType loads only for one not stored yet (or
    an outline), and what it gave is stored when the process exits.

    >>> f = get_font()
    >>> f.advance(f.index("A")), f.kerning(f.index("A"), f.index("V"))
    """

    def __init__(self, path: str | Path) -> None:
        from .glyph_store import load_metrics  # with the first font: not a cost of import

        self.path = Path(path)
        self._lock = threading.RLock()  # a FreeType face is not thread safe
        self._ft = None  # the FreeType face, opened by the first metric not stored
        self._learned = False  # FreeType gave metrics the store lacks
        stored = load_metrics(self.path) or {}
        self._index: dict[str, int] = stored.get("index", {})
        self._advance: dict[int, float] = stored.get("advance", {})
        self._kern: dict[tuple[int, int], float] = stored.get("kern", {})
        self._ink: dict[int, tuple[float, float, float, float] | None] = stored.get("ink", {})
        self._outline: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        # (px64, flags, glyph): advance in 1/64 px; px64: HarfBuzz's kerning multiplier
        self._hinted: dict[tuple[int, int, int], int] = stored.get("hinted", {})
        self._kern_mult: dict[int, int] = stored.get("kern_mult", {})
        # (px64, flags, glyph): the hinted outline's (bottom, top) in 1/64 px
        self._hinted_ink: dict[tuple[int, int, int], tuple[int, int]] = \
            stored.get("hinted_ink", {})
        if "face" in stored:
            self.units_per_em, self.ascender, self.descender, self.has_kerning = stored["face"]
        else:
            face = self._face
            self.units_per_em = float(face.units_per_EM)
            self.ascender = face.ascender / self.units_per_em  # > 0
            self.descender = face.descender / self.units_per_em  # < 0
            self.has_kerning = bool(face.has_kerning)
            self._learn()

    @functools.cached_property
    def box_metrics(self) -> tuple[float, float, float]:
        """(ascent, descent, line gap) in em that a line of text is laid out with at
        least, as matplotlib takes them: the OS/2 table's typographic ascender,
        descender (> 0 here) and line gap, else hhea's ascender and descender and no gap
        (see :func:`block_box`). Read from the file's tables, without FreeType."""
        return _typo_metrics(self.path) or (self.ascender, -self.descender, 0.0)

    @functools.cached_property
    def family_name(self) -> str:
        """The family name the file gives ('DejaVu Sans', 'cmr10'), as matplotlib's
        ``FontProperties.get_name`` reports a font file's."""
        with self._lock:
            return self._face.family_name.decode("utf-8", "replace")

    @property
    def _face(self):
        """The FreeType face, opened at first use (freetype-py loads then)."""
        with self._lock:
            if self._ft is None:
                import freetype

                self._ft = freetype.Face(str(self.path))
            return self._ft

    @contextlib.contextmanager
    def sized_face(self, pixels_per_em: int):
        """The FreeType face set to ``pixels_per_em``, for this thread alone while the
        block runs (the metrics share it: they load glyphs unscaled)."""
        with self._lock:
            face = self._face
            face.set_pixel_sizes(0, pixels_per_em)
            yield face

    def _learn(self) -> None:
        """Note that FreeType gave a metric the store lacks: stored at exit."""
        if not self._learned:
            self._learned = True
            with _LEARNED_LOCK:
                if not _LEARNED:
                    atexit.register(_store_learned)
                _LEARNED.append(self)

    def metrics(self) -> dict:
        """The metrics known so far, as :func:`.glyph_store.save_metrics` takes them."""
        with self._lock:
            return {"face": (self.units_per_em, self.ascender, self.descender,
                             self.has_kerning),
                    "index": dict(self._index), "advance": dict(self._advance),
                    "kern": dict(self._kern), "ink": dict(self._ink),
                    "hinted": dict(self._hinted), "kern_mult": dict(self._kern_mult),
                    "hinted_ink": dict(self._hinted_ink)}

    def index(self, char: str) -> int:
        """The glyph index of a character (0, the .notdef box, when the font lacks it)."""
        i = self._index.get(char)
        if i is None:
            with self._lock:
                i = self._index[char] = int(self._face.get_char_index(ord(char)))
            self._learn()
        return i

    def _load(self, index: int):
        import freetype

        self._face.load_glyph(index, freetype.FT_LOAD_NO_SCALE | freetype.FT_LOAD_NO_BITMAP)
        return self._face.glyph

    def advance(self, index: int) -> float:
        """Advance width in em."""
        a = self._advance.get(index)
        if a is None:
            with self._lock:
                a = self._advance[index] = self._load(index).metrics.horiAdvance \
                    / self.units_per_em
            self._learn()
        return a

    def kerning(self, left: int, right: int) -> float:
        """Kerning between two glyph indices in em (negative brings them closer)."""
        if not self.has_kerning:
            return 0.0
        k = self._kern.get((left, right))
        if k is None:
            import freetype

            vec = freetype.FT_Vector(0, 0)
            with self._lock:
                freetype.raw.FT_Get_Kerning(self._face._FT_Face, left, right,
                                            freetype.FT_KERNING_UNSCALED, ctypes.byref(vec))
            k = self._kern[(left, right)] = vec.x / self.units_per_em
            self._learn()
        return k

    def hinted_advance(self, index: int, px64: int, flags: int) -> int:
        """Advance width in 1/64 px of a glyph FreeType loads with ``flags`` at a
        ``px64``/64-pixel size: whole pixels where it hints (what Agg lays out)."""
        key = (px64, flags, index)
        if key not in self._hinted:
            self._load_hinted(key)
        return self._hinted[key]

    def _load_hinted(self, key: tuple[int, int, int]) -> None:
        """Load a glyph as FreeType hints it: (px64, flags, index) -> its advance and
        the (bottom, top) of its outline, in 1/64 px."""
        px64, flags, index = key
        with self._lock:
            face = self._face
            face.set_char_size(px64, 0, 72, 72)
            face.load_glyph(index, flags)
            cbox = face.glyph.outline.get_cbox()
            self._hinted[key] = int(face.glyph.advance.x)
            self._hinted_ink[key] = (int(cbox.yMin), int(cbox.yMax))
        self._learn()

    def hinted_kerning(self, left: int, right: int, px64: int) -> int:
        """Kerning in 1/64 px at a ``px64``/64-pixel size, scaled and rounded as
        HarfBuzz does for matplotlib's layout (not grid-fitted)."""
        k = self.kerning(left, right)
        if k == 0.0:
            return 0
        mult = self._kern_mult.get(px64)
        if mult is None:
            upem = int(self.units_per_em)
            with self._lock:
                face = self._face
                face.set_char_size(px64, 0, 72, 72)
                x_scale = int(face.size.x_scale)  # 16.16: font units to 1/64 px
            mult = self._kern_mult[px64] = (((x_scale * upem + (1 << 15)) >> 16) << 16) // upem
            self._learn()
        return (round(k * self.units_per_em) * mult + (1 << 15)) >> 16

    def hinted_ink(self, index: int, px64: int, flags: int) -> tuple[int, int]:
        """(bottom, top) in 1/64 px of a glyph's outline as FreeType hints it with
        ``flags`` at a ``px64``/64-pixel size (its control box; (0, 0) for a blank
        glyph, as FreeType gives): what Agg measures a line's ink with."""
        key = (px64, flags, index)
        if key not in self._hinted_ink:
            self._load_hinted(key)
        return self._hinted_ink[key]

    def ink(self, index: int) -> tuple[float, float, float, float] | None:
        """Exact outline box (x0, y0, x1, y1) in em, or None for a blank glyph."""
        if index not in self._ink:
            self._ink[index] = _bbox(self, index)
            self._learn()
        return self._ink[index]

    def outline(self, index: int) -> tuple[np.ndarray, np.ndarray]:
        """``(vertices, codes)`` of the glyph outline in em, y up, with matplotlib's
        path codes (quadratic TrueType curves as CURVE3); empty for a blank glyph."""
        out = self._outline.get(index)
        if out is None:
            with self._lock:
                o = self._load(index).outline
                points = np.asarray(o.points, np.float64).reshape(-1, 2) / self.units_per_em
                out = _contours(points, list(o.tags), list(o.contours))
            self._outline[index] = out
        return out


def _typo_metrics(path: Path) -> tuple[float, float, float] | None:
    """The OS/2 typographic (ascender, -descender, line gap) of a TrueType file in em,
    or None when it has no OS/2 table (or the file cannot be read as one)."""
    # three numbers from two fixed tables: FreeType is not opened when the glyph cache
    # answers, and fontTools' TTFont costs ~40 ms of import on a cold start
    try:
        with open(path, "rb") as f:
            (n,) = struct.unpack(">H", f.read(12)[4:6])
            offsets = {}
            for _ in range(n):
                tag, _sum, offset, _length = struct.unpack(">4sIII", f.read(16))
                offsets[tag] = offset
            if b"OS/2" not in offsets or b"head" not in offsets:
                return None
            f.seek(offsets[b"head"] + 18)
            (units,) = struct.unpack(">H", f.read(2))
            f.seek(offsets[b"OS/2"] + 68)
            ascent, descent, gap = struct.unpack(">hhh", f.read(6))
    except (OSError, struct.error):
        return None
    return ascent / units, -descent / units, gap / units


def _bbox(font: Font, index: int) -> tuple[float, float, float, float] | None:
    """FreeType's exact bounding box of an outline (curves' extrema, not control points)."""
    with font._lock:
        o = font._load(index).outline
        if o.n_points == 0:
            return None
        b = o.get_bbox()
    u = font.units_per_em
    return b.xMin / u, b.yMin / u, b.xMax / u, b.yMax / u


def _contours(points: np.ndarray, tags: list[int], ends: list[int]):
    """TrueType contours (on-curve and off-curve points) as path vertices and codes."""
    verts: list = []
    codes: list[int] = []
    start = 0
    for end in ends:
        pts, kind = points[start : end + 1], [t & 3 for t in tags[start : end + 1]]
        start = end + 1
        n = len(pts)
        if n == 0:
            continue
        # Start at an on-curve point; a contour of only off-curve points starts at the
        # midpoint of its first two (TrueType's implied on-curve point).
        on = [i for i in range(n) if kind[i] == 1]
        if on:
            first = on[0]
            order = [(first + i) % n for i in range(1, n + 1)]
            p0 = pts[first]
        else:
            order = [i % n for i in range(1, n + 1)]
            p0 = (pts[0] + pts[1 % n]) / 2
        verts.append(p0)
        codes.append(MOVETO)
        pending: list = []  # off-curve points since the last on-curve point
        cubic = False
        for i in order:
            p, k = pts[i], kind[i]
            if k == 1:  # on curve
                if not pending:
                    verts.append(p)
                    codes.append(LINETO)
                elif cubic:
                    verts.extend([pending[0], pending[1], p])
                    codes.extend([CURVE4] * 3)
                else:
                    verts.extend([pending[0], p])
                    codes.extend([CURVE3, CURVE3])
                pending, cubic = [], False
            elif k == 0:  # quadratic control point
                if pending:  # two in a row: the implied on-curve point between them
                    mid = (pending[0] + p) / 2
                    verts.extend([pending[0], mid])
                    codes.extend([CURVE3, CURVE3])
                pending = [p]
            else:  # cubic control point (CFF-flavoured outlines)
                pending.append(p)
                cubic = True
        if pending:  # a contour ending in off-curve points closes through them
            if cubic and len(pending) == 2:
                verts.extend([pending[0], pending[1], p0])
                codes.extend([CURVE4] * 3)
            else:
                verts.extend([pending[0], p0])
                codes.extend([CURVE3, CURVE3])
        verts.append(p0)
        codes.append(CLOSEPOLY)
    if not verts:
        return np.zeros((0, 2)), np.zeros(0, np.uint8)
    return np.asarray(verts, np.float64), np.asarray(codes, np.uint8)


_FONTS: dict[Path, Font] = {}
_BUNDLED: dict[tuple[bool, str | None], Path] = {}  # (bold, face) -> resolved path
_FONTS_LOCK = threading.Lock()
_LEARNED: list[Font] = []  # fonts FreeType gave metrics the store lacks
_LEARNED_LOCK = threading.Lock()


def _store_learned() -> None:
    """At exit: store what FreeType gave this process, for the next ones."""
    from .glyph_store import save_metrics

    for font in _LEARNED:
        save_metrics(font.path, font.metrics())


def get_font(bold: bool = False, path: str | Path | None = None,
             face: str | None = None) -> Font:
    """The process-wide :class:`Font` of a file (default: the bundled DejaVu Sans, or
    the bundled ``face``)."""
    if path is None:  # a bundled face: its resolved path looked up once
        key = (bool(bold), face)
        p = _BUNDLED.get(key)
        if p is None:
            p = _BUNDLED[key] = font_path(bold, face).resolve()
    else:
        p = Path(path).resolve()
    font = _FONTS.get(p)
    if font is None:
        with _FONTS_LOCK:
            font = _FONTS.get(p)
            if font is None:
                font = _FONTS[p] = Font(p)
    return font


# ---------------------------------------------------------------------- layouts
@dataclass(repr=False, eq=False)
class TextLayout:
    """Text laid out in em of the font size, before rotation, relative to the anchor
    (x right, y up; pens on the baseline).

    Glyph ``i`` is ``indices[i]`` of ``font`` standing for ``chars[i]``, with its pen at
    ``pens[i]`` and scaled by ``scales[i] = (sx, sy)`` times the font size (scripts are
    smaller; a radical sign is stretched in y). ``rules`` are solid rectangles (x0, y0,
    x1, y1). Blank glyphs (spaces) are kept: they carry the characters for searchable
    text.
    """

    font: Font
    indices: np.ndarray
    chars: str
    pens: np.ndarray
    scales: np.ndarray
    rules: np.ndarray
    #: the fonts of a layout mixing faces (math: italic variables), and the index into
    #: it of each glyph's font; empty: every glyph is of ``font``
    fonts: tuple = ()
    font_ids: np.ndarray | None = None

    def glyph_fonts(self) -> list:
        """The font of each glyph."""
        if not self.fonts:
            return [self.font] * len(self.indices)
        return [self.fonts[int(k)] for k in self.font_ids]


def check_text(text: object) -> str:
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    # Normalize line endings; a tab is as wide as four spaces.
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")


def check_positive(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name} must be a positive finite number, got {type(value).__name__}")
    v = float(value)
    if not math.isfinite(v) or v <= 0:
        raise ValueError(f"{name} must be a positive finite number, got {value!r}")
    return v


def check_anchors(anchor_x: str, anchor_y: str, rotation_deg: float) -> float:
    if anchor_x not in ANCHOR_X:
        raise ValueError(f"anchor_x must be one of {ANCHOR_X}, got {anchor_x!r}")
    if anchor_y not in ANCHOR_Y:
        raise ValueError(f"anchor_y must be one of {ANCHOR_Y}, got {anchor_y!r}")
    rot = float(rotation_deg)
    if not math.isfinite(rot):
        raise ValueError(f"rotation_deg must be finite, got {rotation_deg!r}")
    return rot


#: FreeType load flags of matplotlib's ``text.hinting`` values (``backend_agg``)
HINTING_FLAGS = {"default": 0, "either": 0, "no_autohint": 0x8000, "native": 0x8000,
                 "force_autohint": 0x20, "auto": 0x20, "no_hinting": 0x2, "none": 0x2,
                 True: 0x20, False: 0x2}
#: The FreeType load flags raster text is laid out with (``text.hinting``)
_FLAGS = [0]
#: Device pixels per layout pixel of raster text now, or None for vector files
#: (outline advances, as matplotlib's SVG and PDF)
_RATIO: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "lumos_text_pixel_ratio", default=1.0)


def hinting() -> tuple[int, float] | None:
    """(FreeType load flags, device pixel ratio) raster text is laid out with now, or
    None where advances are the outlines' (vector files)."""
    ratio = _RATIO.get()
    return None if ratio is None else (_FLAGS[0], ratio)


def set_hinting_flags(flags: int) -> None:
    """The FreeType load flags raster text is laid out with from now on."""
    _FLAGS[0] = int(flags)


@contextlib.contextmanager
def hinted(pixel_ratio: float | None):
    """Lay out text for a raster at ``pixel_ratio`` device pixels per layout pixel
    (None: for a vector file, unhinted) while the block runs."""
    token = _RATIO.set(None if pixel_ratio is None else float(pixel_ratio))
    try:
        yield
    finally:
        _RATIO.reset(token)


def hint_for(size: float | None) -> tuple[float, int] | None:
    """(device pixels per em, load flags) a ``size``-pixel font is laid out at now,
    or None: unhinted (no size, or a vector file)."""
    ratio = _RATIO.get()
    if size is None or ratio is None:
        return None
    return size * ratio, _FLAGS[0]


# matplotlib 3.11 shapes a plain line with HarfBuzz (libraqm): the fonts' standard
# ligatures ('liga' of the Latin script) replace their letters, and default-ignorable
# characters (a soft hyphen, zero-width joiners, ...) take no glyph and no space. Its
# kerning (GPOS 'kern') equals the files' kern table for the bundled DejaVu faces
# (every pair of 455 Latin, Greek and Cyrillic letters checked); mathtext is not shaped.
_F_LIGATURES = (("ffl", "\ufb04"), ("ffi", "\ufb03"), ("fl", "\ufb02"), ("fi", "\ufb01"),
                ("ff", "\ufb00"))
#: each bundled file's 'liga' substitutions, in the order its GSUB tries them
#: (tests/visuals/test_shaping.py reads them back from the files with fontTools)
LIGATURES: dict[str, tuple[tuple[str, str], ...]] = {
    FACES[f]: _F_LIGATURES for f in ("sans", "sans-bold", "sans-italic", "sans-bold-italic")
} | {
    FACES[f]: tuple(_F_LIGATURES[i] for i in (0, 2, 4, 1, 3))  # 'ff' before 'ffi'
    for f in ("serif", "serif-bold", "serif-italic", "serif-bold-italic")
}
#: Unicode's default-ignorable characters HarfBuzz hides (and the C0 controls lumos skips)
IGNORABLE = frozenset(
    [chr(c) for c in range(32)] + ["\u00ad", "\u034f", "\u061c", "\u115f", "\u1160",
                                   "\u17b4", "\u17b5", "\u3164", "\ufeff", "\uffa0"]
    + [chr(c) for r in ((0x180B, 0x1810), (0x200B, 0x2010), (0x202A, 0x202F),
                        (0x2060, 0x2070), (0xFE00, 0xFE10)) for c in range(*r)])


def composed(font: Font, line: str) -> str:
    """``line`` with each letter and the combining marks after it composed (Unicode's
    NFC) where the font has every character of the composition, else left as they are,
    as HarfBuzz composes a cluster only into glyphs the font has."""
    out: list[str] = []
    start = 0
    for i in range(1, len(line) + 1):
        if i < len(line) and unicodedata.combining(line[i]):
            continue  # the cluster goes on
        cluster = line[start:i]
        if len(cluster) > 1:
            nfc = unicodedata.normalize("NFC", cluster)
            if nfc != cluster and all(font.index(c) for c in nfc):
                cluster = nfc
        out.append(cluster)
        start = i
    return "".join(out)


def compositions(font: Font, chars: str) -> tuple[str, str]:
    """Of ``chars``: the combining marks, and the characters :func:`composed` may draw
    for a letter of them followed by one or two of the marks (a page that shapes lines
    itself needs their glyphs: the text visual's glyph table)."""
    chars = set(chars)
    marks = sorted(c for c in chars if unicodedata.combining(c))
    out: set[str] = set()
    tails = [*marks, *(a + b for a in marks for b in marks if a != b)]
    for base in chars.difference(marks) if marks else ():
        for tail in tails:
            nfc = unicodedata.normalize("NFC", base + tail)
            if nfc != base + tail and all(font.index(c) for c in nfc):
                out.update(nfc)
    return "".join(marks), "".join(sorted(out))


def shaped(font: Font, line: str) -> str:
    """A plain line's characters as matplotlib's HarfBuzz shapes them with ``font``:
    default-ignorable ones dropped, the font's ligatures (:data:`LIGATURES`) in one
    character each (U+FB00..U+FB04), first match at each place; a letter and its
    combining marks in the one character that composes them where the font has it
    (HarfBuzz's normalization: 'e' + U+0301 is drawn as 'é')."""
    line = "".join(c for c in line if c not in IGNORABLE)
    if not line.isascii():
        line = composed(font, line)
    ligatures = LIGATURES.get(font.path.name, ())
    if not ligatures or "f" not in line:
        return line
    out, i = [], 0
    while i < len(line):
        for seq, lig in ligatures:
            if line.startswith(seq, i):
                out.append(lig)
                i += len(seq)
                break
        else:
            out.append(line[i])
            i += 1
    return "".join(out)


def line_glyphs(font: Font, line: str, hint: tuple[float, int] | None = None,
                ) -> tuple[float, list[tuple[float, int, str]]]:
    """Pen x (em), glyph index and character of each glyph of one line (kerned), and
    the line's advance width (em), shaped as matplotlib's HarfBuzz shapes it
    (:func:`shaped`: ligatures; control and default-ignorable characters take no
    space).

    ``hint`` = (pixels per em, FreeType load flags): the advances FreeType gives at that
    size (whole pixels where it hints) and kerning in 1/64 px, as matplotlib's Agg
    lays text out; None: the outlines' advances (vector files)."""
    if hint is not None:
        return _hinted_line(font, line, float(hint[0]), int(hint[1]))
    return _pens(font, line, font.kerning, font.advance, 1.0)


@functools.lru_cache(maxsize=8192)
def _hinted_line(font: Font, line: str, px: float, flags: int,
                 ) -> tuple[float, list[tuple[float, int, str]]]:
    px64 = round(px * 64)  # FreeType's 26.6 character size
    return _pens(font, line, lambda a, b: font.hinted_kerning(a, b, px64),
                 lambda i: font.hinted_advance(i, px64, flags), 64 * px)


def _pens(font: Font, line: str, kerning, advance, unit: float,
          ) -> tuple[float, list[tuple[float, int, str]]]:
    """:func:`line_glyphs` with ``kerning`` and ``advance`` in ``unit`` per em."""
    pen = 0.0
    out: list[tuple[float, int, str]] = []
    prev: int | None = None
    for c in shaped(font, line):
        i = font.index(c)
        if prev is not None:
            pen += kerning(prev, i)
        out.append((pen / unit, i, c))
        pen += advance(i)
        prev = i
    return pen / unit, out


def anchor_offsets(anchor_x: str, anchor_y: str, top: float, bottom: float,
                   last: float) -> tuple[float, float]:
    """(align, y_off): the fraction of each line's width left of the anchor, and the y of
    the first baseline (em) for a block from ``top`` to ``bottom`` whose last baseline
    is at ``last`` (first baseline at 0; :func:`block_box`)."""
    y_off = {
        "top": -top,
        "bottom": -bottom,
        "center": -0.5 * (top + bottom),
        "baseline": -last,
    }[anchor_y]
    return {"left": 0.0, "center": 0.5, "right": 1.0}[anchor_x], y_off


def check_spacing(name: str, value: object) -> str | float:
    """A line spacing: 'normal' (the font's own, by each line's ink) or a finite number
    of em (``line_height = value * (ascent + descent)``, matplotlib 3.11's rule)."""
    if isinstance(value, str) and value == "normal":
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name} must be 'normal' or a number, got {value!r}")
    v = float(value)
    if not math.isfinite(v):
        raise ValueError(f"{name} must be 'normal' or a finite number, got {value!r}")
    return v


def line_ink(font: Font, line: str, hint: tuple[float, int] | None = None,
             ) -> tuple[float, float]:
    """(ascent, descent) of a plain line's ink in em. ``hint`` = (pixels per em, load
    flags): of the outlines as FreeType hints them at that size, as Agg measures a line
    (``FT2Font.get_width_height``, ``get_descent``: whole pixels where it hints; a
    blank glyph's box is the origin, and a line drawn above its baseline has a negative
    descent); None: the exact outlines, both >= 0 (0 for a blank line)."""
    if hint is not None:
        px64, flags = round(hint[0] * 64), int(hint[1])
        boxes = [font.hinted_ink(font.index(c), px64, flags) for c in shaped(font, line)]
        if not boxes:
            return 0.0, 0.0
        unit = 64 * hint[0]
        return max(b[1] for b in boxes) / unit, -min(b[0] for b in boxes) / unit
    boxes = [b for c in shaped(font, line) if (b := font.ink(font.index(c))) is not None]
    if not boxes:
        return 0.0, 0.0
    return max(0.0, max(b[3] for b in boxes)), max(0.0, -min(b[1] for b in boxes))


def block_box(font: Font, inks: list[tuple[float, float]], spacing: str | float,
              ) -> tuple[float, float, tuple[float, ...]]:
    """A text block by matplotlib 3.11's rule (``Text._get_layout``), in em: the top
    above the first baseline, the bottom below it (< 0) and each line's baseline (the
    first at 0), from each line's ink ``inks`` ((ascent, descent) >= 0; a math line's
    box). ``spacing`` 'normal': a line reaches at least the font's
    :attr:`Font.box_metrics` ascent and descent, more where its ink does, plus half the
    line gap above and below where there are several lines; a number: each line is
    ``spacing * (ascent + descent)`` high, its ink centred in it. Every layout's top,
    bottom, center, descent and line positions come from here."""
    ascent, descent, gap = font.box_metrics
    if spacing == "normal":
        half = 0.5 * gap if len(inks) > 1 else 0.0
        boxes = [(max(a, ascent) + half, max(d, descent) + half) for a, d in inks]
    else:
        height = spacing * (ascent + descent)
        boxes = [(0.5 * (height + a - d), 0.5 * (height - a + d)) for a, d in inks]
    ys = [0.0]
    for (_, d0), (a1, _) in zip(boxes[:-1], boxes[1:], strict=True):
        ys.append(ys[-1] - d0 - a1)
    return boxes[0][0], ys[-1] - boxes[-1][1], tuple(ys)


@functools.lru_cache(maxsize=4096)
def plain_layout(text: str, font: Font, anchor_x: str = "left", anchor_y: str = "baseline",
                 spacing: str | float = "normal", hint: tuple[float, int] | None = None,
                 ) -> TextLayout:
    """Lay out plain text (no math): kerned lines placed by :func:`block_box`, each
    aligned on the anchor; ``anchor_y`` picks the block's top, center or bottom or the
    last line's baseline; ``hint``: see :func:`line_glyphs`."""
    lines = text.split("\n")
    top, bottom, ys = block_box(font, [line_ink(font, ln, hint) for ln in lines], spacing)
    align, y_off = anchor_offsets(anchor_x, anchor_y, top, bottom, ys[-1])
    indices, chars, pens = [], [], []
    for line, y in zip(lines, ys, strict=True):
        width, glyphs = line_glyphs(font, line, hint)
        x0, y0 = -align * width, y + y_off
        for pen, index, c in glyphs:
            indices.append(index)
            chars.append(c)
            pens.append((x0 + pen, y0))
    return _frozen(TextLayout(font, np.asarray(indices, np.int64), "".join(chars),
                              np.asarray(pens, np.float64).reshape(-1, 2),
                              np.ones((len(indices), 2)), np.zeros((0, 4))))


def _frozen(layout: TextLayout) -> TextLayout:
    """Cached layouts are shared: make their arrays read-only."""
    for a in (layout.indices, layout.pens, layout.scales, layout.rules):
        a.flags.writeable = False
    return layout
