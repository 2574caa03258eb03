"""PostScript (``.ps``) and Encapsulated PostScript (``.eps``) files from
:mod:`lumos.primitives`, as matplotlib's ``backend_ps`` writes them: LanguageLevel 3,
one page.

PostScript draws with the operators PDF took from it, so the PDF writer's content
stream serves both: the prolog defines PDF's operator names (``m l c h re W n q Q cm
w J j d rg RG f B S``) as PostScript procedures, and :class:`_Writer` is a
:class:`~lumos.io.pdf.ContentWriter` that walks, clips and paints every primitive as
the PDF does. What differs is what PDF keeps in resources:

- Transparency: PostScript has none. As matplotlib's PS backend, fully transparent
  paint is left out and partially transparent paint drawn opaque, with one warning per
  file. Images lose their alpha the same way, except that fully transparent pixels
  are masked out (a LanguageLevel 3 masked image) rather than painted with whatever
  color they hold.
- Markers: a procedure per symbol and size (PDF: a Form XObject).
- Hatches: PaintType 1 tiling patterns (``makepattern``), anchored as the PDF's.
- Images: RGB, Flate-compressed and ASCII85-encoded inline.
- Gouraud triangles: type 4 shadings (``shfill``).
- Text (``fonttype``, matplotlib's ``ps.fonttype``): 3 (the default) embeds each font
  as a Type 3 font of the glyph outlines used; 42 embeds a TrueType subset (fontTools)
  as a Type 42 font. Glyphs are placed one by one (``glyphshow``) by names built from
  the characters they stand for (``uni0041``, Adobe's glyph list convention), so a
  distiller can recover the text; user text never stands in a PostScript string.
  Metadata goes out as DSC comments reduced to printable ASCII (``%%Title``,
  ``%%Creator``) and, in a PS file, as UTF-16 hex strings of a DOCINFO pdfmark (what a
  distiller makes the PDF's document information of; an EPS file has none, lest it
  replace that of the document it is placed in): no user text can close a string or a
  comment.

The page is ``size`` pixels of ``points_per_pixel`` points: an EPS file's bounding box
is the figure; a PS file centres the figure on ``papertype`` paper (``"figure"``: paper
of the figure's size), turned a quarter for ``orientation="landscape"``.
"""

from __future__ import annotations

import functools
import warnings
import zlib
from pathlib import Path as FilePath

import numpy as np

from ..primitives import GlyphRun, Path, Raster, Triangles
from .atomic import write_bytes
from .pdf import (
    ContentWriter,
    hatch_color,
    image_matrix,
    shading,
    text_lines,
    text_string,
)
from .pdf import _path_ops as path_ops  # PDF's m l c h: the prolog defines them
from .vector import font_metrics, num, nums

#: paper sizes in inches, portrait (matplotlib's ``backend_ps.papersize``)
PAPER_SIZES = {
    "letter": (8.5, 11), "legal": (8.5, 14), "ledger": (11, 17),
    "a0": (33.11, 46.81), "a1": (23.39, 33.11), "a2": (16.54, 23.39), "a3": (11.69, 16.54),
    "a4": (8.27, 11.69), "a5": (5.83, 8.27), "a6": (4.13, 5.83), "a7": (2.91, 4.13),
    "a8": (2.05, 2.91), "a9": (1.46, 2.05), "a10": (1.02, 1.46),
    "b0": (40.55, 57.32), "b1": (28.66, 40.55), "b2": (20.27, 28.66), "b3": (14.33, 20.27),
    "b4": (10.11, 14.33), "b5": (7.16, 10.11), "b6": (5.04, 7.16), "b7": (3.58, 5.04),
    "b8": (2.51, 3.58), "b9": (1.76, 2.51), "b10": (1.26, 1.76),
}
ORIENTATIONS = ("portrait", "landscape")
FONTTYPES = (3, 42)
#: the metadata keys a PostScript file carries (see the module; None leaves one out)
METADATA_KEYS = ("Title", "Author", "Subject", "Keywords", "Creator")

TRANSPARENCY_WARNING = ("PostScript has no transparency: partially transparent artists "
                        "are drawn opaque (as matplotlib's PostScript backend draws them)")

# PDF's content operators as PostScript procedures. A fill and a stroke color are kept
# apart (PDF's rg and RG) as procedures fc and sc, which f, S and B run; every
# primitive sets the colors it paints with, so they need no saving with q/Q.
_PROLOG = r"""/m /moveto load def /l /lineto load def /c /curveto load def
/h /closepath load def /n /newpath load def /W /clip load def
/re {4 2 roll moveto 1 index 0 rlineto 0 exch rlineto neg 0 rlineto closepath} bind def
/q /gsave load def /Q /grestore load def /cm {6 array astore concat} bind def
/w /setlinewidth load def /J /setlinecap load def /j /setlinejoin load def
/d /setdash load def
/rg {[4 1 roll /setrgbcolor load] cvx /fc exch def} bind def
/RG {[4 1 roll /setrgbcolor load] cvx /sc exch def} bind def
/fc {0 setgray} def /sc {0 setgray} def
/nofill {/fc {newpath} def} bind def /nostroke {/sc {newpath} def} bind def
/f {fc fill} bind def /f* {fc eofill} bind def /S {sc stroke} bind def
/B {gsave fc fill grestore sc stroke} bind def
/B* {gsave fc eofill grestore sc stroke} bind def
/cs {pop} bind def /scn {load [exch /setpattern load] cvx /fc exch def} bind def
/Do {load exec} bind def"""


def check_options(papertype, orientation, fonttype) -> tuple[str, str, int]:
    """``papertype``, ``orientation`` and ``fonttype`` as matplotlib spells them
    (case aside), or an error naming the one that is not."""
    checked = []
    for name, value, known in (("papertype", papertype, ("figure", *PAPER_SIZES)),
                               ("orientation", orientation, ORIENTATIONS)):
        if not isinstance(value, str):
            raise TypeError(f"{name}: got {type(value).__name__}, expected a str, one of "
                            f"{', '.join(known)}")
        if value.lower() not in known:
            raise ValueError(f"{name}: got {value!r}, expected one of {', '.join(known)}")
        checked.append(value.lower())
    try:
        kind = int(fonttype)
    except (TypeError, ValueError):
        kind = None
    if isinstance(fonttype, bool) or kind not in FONTTYPES or kind != float(fonttype):
        raise ValueError(f"rcParams['ps.fonttype']: got {fonttype!r}, expected 3 (Type 3 "
                         "fonts) or 42 (TrueType)")
    return checked[0], checked[1], kind


def write_ps(path, primitives: list, size: tuple[float, float], points_per_pixel: float = 0.75,
             **options) -> FilePath:
    """Write primitives (canvas pixels, y down) as a PostScript file (see
    :func:`ps_document` for the options). Written whole or not at all."""
    return write_bytes(path, ps_document(primitives, size, points_per_pixel, **options))


def ps_document(primitives: list, size: tuple[float, float], points_per_pixel: float = 0.75, *,
                eps: bool = False, papertype: str = "letter", orientation: str = "portrait",
                fonttype: int = 3, metadata: dict | None = None) -> bytes:
    """The bytes of a one-page PostScript file (``eps``: Encapsulated PostScript) of
    primitives over ``size`` pixels, each ``points_per_pixel`` points big; ``metadata``
    keys are those of :data:`METADATA_KEYS`. Warns once when it draws partially
    transparent paint opaque."""
    papertype, orientation, fonttype = check_options(papertype, orientation, fonttype)
    metadata = {"Creator": "lumos", **(metadata or {})}
    unknown = sorted(set(metadata) - set(METADATA_KEYS))
    if unknown:
        raise TypeError(f"metadata: got keys {unknown}, expected some of "
                        f"{', '.join(METADATA_KEYS)} in a PostScript file")
    w = _Writer(size, points_per_pixel, fonttype)
    for p in primitives:
        w.add(p)
    data = w.postscript(eps, papertype, orientation,
                        {k: v for k, v in metadata.items() if v is not None})
    if w.translucent:
        warnings.warn(TRANSPARENCY_WARNING, stacklevel=2)
    return data


def _ascii85(data: bytes) -> str:
    """``data`` deflated and ASCII85-encoded with its end mark, in lines that start with
    a space, so that no DSC reader takes one for a comment. (numpy: 3 MB in 0.13 s,
    ``base64.a85encode`` takes 0.83 s.)"""
    packed = zlib.compress(data, 6)
    pad = -len(packed) % 4
    words = np.frombuffer(packed + b"\0" * pad, ">u4").astype(np.uint64)
    digits = np.empty((len(words), 5), np.uint8)
    for i in range(4, -1, -1):
        words, digits[:, i] = np.divmod(words, np.uint64(85))
    text = (digits.ravel()[:digits.size - pad] + 33).tobytes().decode("ascii")
    return "\n".join(" " + text[i:i + 75] for i in range(0, len(text), 75)) + "~>"


def _rgb(rgba) -> str:
    return " ".join(num(float(c), 4) for c in rgba[:3])


def _dsc(text) -> str:
    """A DSC comment's text: printable ASCII, one line."""
    return "".join(c if " " <= c <= "~" else "?" for c in str(text))[:240]


class _Writer(ContentWriter):
    """The PDF writer's content stream, with PostScript's resources (see the module)."""

    def __init__(self, size, points_per_pixel: float, fonttype: int) -> None:
        super().__init__(size, points_per_pixel)
        self.fonttype = fonttype
        self.translucent = False
        self.names: dict[tuple, str] = {}  # forms and patterns, by key
        self.glyph_names: dict[FilePath, dict[int, str]] = {}

    # -- what PDF keeps in resources ----------------------------------------------
    def alpha(self, fill: float = 1.0, stroke: float = 1.0) -> str:
        """Nothing: PostScript paints opaque (noted, to warn once; a transparent part is
        not painted at all)."""
        if 0 < fill < 1 or 0 < stroke < 1:
            self.translucent = True
        return ""

    def _define(self, key: tuple, prefix: str, body) -> str:
        """The name of a procedure or pattern ``body(name)`` defines (once per key)."""
        name = self.names.get(key)
        if name is None:
            name = self.names[key] = f"{prefix}{len(self.names)}"
            self.content.append(body(name))
        return name

    def form(self, key: tuple, reach: float, body) -> str:
        return self._define(key, "X", lambda name: f"/{name} {{{body()}}} bind def")

    def _marker_colors(self, face, edge) -> str:
        self.alpha(face[3], 1 if edge is None else edge[3])
        ops = [_rgb(face) + " rg" if face[3] > 0 else "nofill"]
        if edge is not None:
            ops.append(_rgb(edge) + " RG" if edge[3] > 0 else "nostroke")
        return " ".join(ops)

    def _hatch(self, p: Path) -> str:
        color = hatch_color(p)
        self.alpha(color[3])
        cell = num(self.hatch_cell)

        def define(name: str) -> str:
            body = "\n".join(self._hatch_tile(p, color))
            # made in the page's pixel space, so tiles start at its top-left corner; a
            # tile may be painted whenever the interpreter likes: it finds rg, B, ... itself
            return (f"/{name} << /PatternType 1 /PaintType 1 /TilingType 1 "
                    f"/BBox [0 0 {cell} {cell}] /XStep {cell} /YStep {cell} "
                    f"/PaintProc {{pop lumosdict begin\n{body}\nend}} >> matrix makepattern "
                    f"def")

        return self._define(("hatch", p.hatch, tuple(color), p.hatch_width), "P", define)

    def _gouraud(self, t: Triangles) -> None:
        data, head, alpha = shading(t)
        self.alpha(alpha)
        self.content.append(f"q << {head} /DataSource currentfile /ASCII85Decode filter "
                            f"/FlateDecode filter >> shfill\n{_ascii85(data)}\nQ")

    def raster(self, r: Raster) -> None:
        h, w = r.rgba.shape[:2]
        alpha = r.rgba[..., 3]
        if h == 0 or w == 0 or not alpha.any():
            return
        if ((alpha > 0) & (alpha < 255)).any():
            self.translucent = True
        interp = "true" if r.interpolation == "linear" else "false"
        image = (f"/Width {w} /Height {h} /BitsPerComponent 8 /ImageMatrix [{w} 0 0 {-h} 0 {h}] "
                 f"/Interpolate {interp} /DataSource currentfile /ASCII85Decode filter "
                 f"/FlateDecode filter")
        if alpha.all():
            rgb = np.ascontiguousarray(r.rgba[..., :3])
            head = f"<< /ImageType 1 {image} /Decode [0 1 0 1 0 1] >> image"
        else:  # each pixel a mask sample (its high bit: painted) before its color
            rgb = np.ascontiguousarray(np.concatenate(
                [np.where(alpha > 0, 255, 0).astype(np.uint8)[..., None], r.rgba[..., :3]],
                axis=2))
            head = (f"<< /ImageType 3 /InterleaveType 1 /DataDict << /ImageType 1 {image} "
                    f"/Decode [0 1 0 1 0 1] >> /MaskDict << /ImageType 1 /Width {w} "
                    f"/Height {h} /BitsPerComponent 8 /ImageMatrix [{w} 0 0 {-h} 0 {h}] "
                    f"/Decode [1 0] >> >> image")
        self.content.append(f"q {' '.join(nums(image_matrix(r), 4))} cm /DeviceRGB "
                            f"setcolorspace {head}\n{_ascii85(rgb.tobytes())}\nQ")

    # -- text ---------------------------------------------------------------------
    def glyphs(self, run: GlyphRun) -> None:
        n = len(run.glyph_ids)
        if n == 0 or run.color[3] <= 0:
            return
        self.alpha(run.color[3])
        font = FilePath(run.font)
        chars = run.chars if len(run.chars) == n else ""
        self.fonts.add(font, run.glyph_ids, chars)
        key = self.font_names.setdefault(font, f"F{len(self.font_names)}")
        names = self.glyph_names.setdefault(font, {})
        ids = run.glyph_ids.tolist()
        for i, gid in enumerate(ids):
            if gid not in names:
                names[gid] = _glyph_name(gid, chars[i] if chars else "", names)
        pos = run.positions
        out = [f"q {_rgb(run.color)} setrgbcolor"]
        for a, b, matrix in text_lines(run):
            dx = nums(pos[a:b, 0] - pos[a, 0], 3)
            out.append(f"q {' '.join(nums(matrix, 4))} cm /{key} {num(run.size, 4)} selectfont "
                       + " ".join(f"{x} 0 m /{names[g]} glyphshow"
                                  for x, g in zip(dx, ids[a:b], strict=True)) + " Q")
        out.append("Q")
        self.content.append("\n".join(out))

    def _font(self, font: FilePath, key: str) -> str:
        """The definition of ``font`` as font ``key``: Type 42 when asked for and the
        file has TrueType outlines, else Type 3."""
        names = self.glyph_names[font]
        with open(font, "rb") as f:
            truetype = f.read(4) in (b"\0\1\0\0", b"true")
        if self.fonttype == 42 and truetype:
            return _type42(font, key, self.fonts.subset(font), names)
        return _type3(font, key, names)

    # -- the file -----------------------------------------------------------------
    def postscript(self, eps: bool, papertype: str, orientation: str, metadata: dict) -> bytes:
        """The whole file: DSC header, prolog, fonts, the page."""
        if self.clip is not None:
            self.content.append("Q")
            self.clip = None
        width, height = self.size[0] * self.k, self.size[1] * self.k
        paper = (width, height) if eps or papertype == "figure" else \
            tuple(72.0 * v for v in PAPER_SIZES[papertype])
        if orientation == "landscape" and not eps and papertype != "figure":
            paper = paper[::-1]
        xo, yo = 0.5 * (paper[0] - width), 0.5 * (paper[1] - height)
        bbox = (xo, yo, xo + width, yo + height)
        place = f"{num(xo, 4)} {num(yo, 4)} translate"
        if orientation == "landscape":  # as matplotlib's: turned a quarter counter-clockwise
            bbox = (yo, xo, yo + height, xo + width)
            place = f"{num(paper[1] - yo, 4)} {num(xo, 4)} translate 90 rotate"
        head = ["%!PS-Adobe-3.0 EPSF-3.0" if eps else "%!PS-Adobe-3.0"]
        if not eps:
            if papertype != "figure":
                head.append(f"%%DocumentPaperSizes: {papertype}")
            head.append("%%Pages: 1")
        head.append("%%LanguageLevel: 3")
        head += [f"%%{k}: {_dsc(metadata[k])}" for k in ("Creator", "Title") if k in metadata]
        head += [f"%%Orientation: {orientation.capitalize()}",
                 f"%%BoundingBox: {int(np.floor(bbox[0]))} {int(np.floor(bbox[1]))} "
                 f"{int(np.ceil(bbox[2]))} {int(np.ceil(bbox[3]))}",
                 "%%HiResBoundingBox: " + " ".join(f"{v:.6f}" for v in bbox),
                 "%%EndComments", "%%BeginProlog", "/lumosdict 64 dict def",
                 "lumosdict begin", _PROLOG, "end", "%%EndProlog", "%%BeginSetup"]
        if metadata and not eps:
            head.append("/pdfmark where {pop} {userdict /pdfmark /cleartomark load put} "
                        "ifelse")
            head.append("[ " + " ".join(f"/{k} {text_string(str(v)).decode()}"
                                        for k, v in metadata.items()) + " /DOCINFO pdfmark")
        head.append("lumosdict begin")
        head += [self._font(font, key) for font, key in self.font_names.items()]
        head += ["end", "%%EndSetup"]
        if not eps:
            head.append("%%Page: 1 1")
        page = ["lumosdict begin", "gsave", place,
                f"0 0 {num(width, 4)} {num(height, 4)} rectclip",
                f"{num(self.k, 6)} 0 0 {num(-self.k, 6)} 0 {num(height, 4)} cm",
                *self.content, "grestore", "end", "showpage", "%%Trailer", "%%EOF", ""]
        return "\n".join(head + page).encode("ascii")


def _glyph_name(gid: int, char: str, taken: dict[int, str]) -> str:
    """A PostScript name for a glyph: ``.notdef`` for glyph 0, else ``uniXXXX`` (or
    ``uXXXXXX``) of its character, made unique by a ``.gN`` suffix (which Adobe's glyph
    list convention ignores); ``gN`` when its character is unknown."""
    if gid == 0:
        return ".notdef"
    if not char:
        return f"g{gid}"
    code = ord(char)
    name = f"uni{code:04X}" if code <= 0xFFFF else f"u{code:06X}"
    return f"{name}.g{gid}" if name in taken.values() else name


def _type3(font: FilePath, key: str, names: dict[int, str]) -> str:
    """A Type 3 font of the outlines of the glyphs in ``names`` (1000 units per em)."""
    procs, boxes = [], []
    for gid, name in sorted({0: ".notdef", **names}.items()):
        advance, box, body = _type3_glyph(font, gid)
        if box is not None:
            boxes.append(box)
        procs.append(f"/{name} {{{advance} 0 {' '.join(nums(box or [0] * 4, 0))} "
                     f"setcachedevice\n{body}}} bind def")
    bbox = np.array(boxes).reshape(-1, 4)
    fbox = [*bbox[:, :2].min(axis=0), *bbox[:, 2:].max(axis=0)] if len(bbox) else [0] * 4
    return "\n".join([
        "8 dict begin", "/FontType 3 def", "/FontMatrix [0.001 0 0 0.001 0 0] def",
        f"/FontBBox [{' '.join(nums(fbox, 0))}] def",
        "/Encoding 256 array def 0 1 255 {Encoding exch /.notdef put} for",
        f"/CharProcs {len(procs)} dict def", "CharProcs begin", *procs, "end",
        "/BuildGlyph {exch /CharProcs get exch 2 copy known not {pop /.notdef} if get exec} "
        "bind def",
        "/BuildChar {1 index /Encoding get exch get 1 index /BuildGlyph get exec} bind def",
        f"currentdict end /{key} exch definefont pop"])


@functools.lru_cache(maxsize=4096)
def _type3_glyph(font: FilePath, gid: int) -> tuple[str, list | None, str]:
    """A Type 3 glyph's advance, bounding box (None: blank) and outline operators, made
    once per process (each file's fonts draw the same glyphs again)."""
    from ..visuals.fonts import get_font

    face = get_font(path=font)
    verts, codes = face.outline(gid)
    advance = num(face.advance(gid) * 1000.0, 1)
    if not len(verts):
        return advance, None, ""
    pts = verts * 1000.0
    box = [*np.floor(pts.min(axis=0)), *np.ceil(pts.max(axis=0))]
    return advance, box, f"{path_ops(pts, codes, 1)}\nfill"


def _type42(font: FilePath, key: str, subset: tuple[bytes, dict[int, int]],
            names: dict[int, str]) -> str:
    """A Type 42 font: the TrueType subset ``(bytes, old glyph id -> new)`` whose glyphs
    ``names`` names."""
    data, mapping = subset
    metrics = font_metrics(font, ())
    charstrings = [f"/{name} {mapping[gid]} def" for gid, name in sorted(names.items())
                   if gid in mapping and gid != 0]
    sfnts = [f"<{data[a:b].hex()}00>" for a, b in _sfnt_pieces(data)]  # each NUL-ended
    return "\n".join([
        "11 dict begin", "/FontType 42 def", "/FontMatrix [1 0 0 1 0 0] def",
        f"/FontName /{key}-{metrics['name']} def", "/PaintType 0 def",
        f"/FontBBox [{' '.join(num(v / 1000.0, 3) for v in metrics['bbox'])}] def",
        "/Encoding 256 array def 0 1 255 {Encoding exch /.notdef put} for",
        f"/CharStrings {len(charstrings) + 1} dict dup begin", "/.notdef 0 def",
        *charstrings, "end readonly def",
        "/sfnts [", *sfnts, "] def",
        f"currentdict end /{key} exch definefont pop"])


def _sfnt_pieces(data: bytes) -> list[tuple[int, int]]:
    """``(start, stop)`` pieces of a TrueType file of at most 65534 bytes each (a
    PostScript string's limit, with its NUL), cut only where a table or a glyph starts
    (what Type 42 requires)."""
    import io

    from fontTools.ttLib import TTFont

    count = int.from_bytes(data[4:6], "big")
    starts = {int.from_bytes(data[12 + 16 * i + 8: 12 + 16 * i + 12], "big"): data[
        12 + 16 * i: 12 + 16 * i + 4] for i in range(count)}
    cuts = set(starts)
    glyf = next((o for o, tag in starts.items() if tag == b"glyf"), None)
    if glyf is not None:
        cuts |= {glyf + o for o in TTFont(io.BytesIO(data))["loca"].locations[:-1]}
    cuts = sorted(c for c in cuts | {len(data)} if 0 < c <= len(data))
    pieces, start = [], 0
    for cut, nxt in zip(cuts, cuts[1:] + [None], strict=True):
        if nxt is None or nxt - start > 65534:
            pieces.append((start, cut))
            start = cut
    return pieces
