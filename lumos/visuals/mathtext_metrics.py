"""Font metrics of matplotlib's mathtext for :mod:`.mathtext`'s layout: the fonts math is
set in (DejaVu Sans faces, matplotlib's STIX faces for what they lack), the symbol each
character and font style draws, the atom classes TeX spaces by, and what layout reads
of a font besides its glyphs (x-height, math axis, the radical's rule thickness),
measured once from the outlines.
"""

from __future__ import annotations

import functools
import unicodedata

import numpy as np

from ..primitives import CLOSEPOLY, CURVE3, CURVE4, MOVETO
from .fonts import Font, get_font, matplotlib_font
from .glyphs import GlyphAtlas
from .mathtext_parser import tables, warn_once

# Atom classes, for TeX's inter-atom spacing.
# (lumos's own, with matplotlib's binary operators, relations and arrows: _spaced)
_BIN = "+−×⋅·±∓÷∘∗⋆•∪∩∧∨⊕⊗⊙∖"
_REL = "=<>≤≥≠≈≡∼≃≅∝≪≫→←⇒⇐↔⇔↦↑↓∈∉∋⊂⊃⊆⊇⊥∥∣:"
OPEN = frozenset("([{⟨⌊⌈")
CLOSE = frozenset(")]}⟩⌋⌉!?")
PUNCT = frozenset(",;")
BIG_OPS = frozenset("∑∏∐⋂⋃⋁⋀⨁⨂⨀∫∮∬∭")
# big operators whose limits go above and below (the others, integrals, take scripts)
OVERUNDER = frozenset("∑∏∐⋂⋃⋁⋀⨁⨂⨀")
BIG_SCALE = 1.4  # matplotlib draws big operators this much larger than the text


@functools.cache
def spacing_class(char: str) -> str | None:
    """'bin' or 'rel' for a character math spaces as a binary operator or as a relation
    (lumos's and matplotlib's sets, which the page's glyph table carries), else None."""
    if char in _BIN or char in tables()["bin"]:
        return "bin"
    if char in _REL or char in tables()["rel"]:
        return "rel"
    return None

SCALES = (1.0, 0.7, 0.49)  # text, script, scriptscript style (matplotlib shrinks by 0.7)
SCRIPT_SPACE = 0.05  # x-heights after a script (TeX's \scriptspace)
UNDERLINE = 0.75 / 12  # em; matplotlib's rule thickness for DejaVu Sans
_RAD_FALLBACK = 0.045  # em; rule thickness when the radical's stub cannot be measured


# ---------------------------------------------------------------------- font metrics
def _math_fonts() -> dict[str, Font]:
    """The fonts math is set in, as matplotlib's default 'dejavusans' mathtext: DejaVu
    Sans upright, its Oblique for italic letters, Bold, Bold Oblique and Sans Mono (the
    STIX faces it falls back to are :func:`stix`)."""
    return {"rm": get_font(face="sans"), "it": get_font(face="sans-italic"),
            "bf": get_font(face="sans-bold"), "bfit": get_font(face="sans-bold-italic"),
            "tt": get_font(face="mono")}


@functools.cache
def stix(filename: str) -> Font | None:
    """A STIX face matplotlib's math draws from (\\mathcal, \\mathbb, \\mathfrak,
    \\mathscr letters and the symbols DejaVu Sans lacks), where matplotlib, which ships
    it, is installed; None where it is not."""
    path = matplotlib_font(filename)
    return None if path is None else get_font(path=path)


_STYLE_NAMES = {"cal": "mathcal", "bb": "mathbb", "frak": "mathfrak", "scr": "mathscr"}


class Metrics:
    """What math layout needs to know about one font, measured once from its outlines.

    ``font`` sets the text outside ``$...$``; math uses :func:`_math_fonts`, measured
    from its upright face."""

    def __init__(self, font: Font) -> None:
        self.text_font = font
        self.fonts = _math_fonts()
        font = self.font = self.fonts["rm"]
        minus = font.ink(font.index("−"))
        self.axis = 0.5 * (minus[1] + minus[3]) if minus else 0.25  # the minus's middle
        x_ink = font.ink(font.index("x"))
        self.x_height = x_ink[3] if x_ink else 0.5
        # Radical sign and the thickness of its top stub, which the overbar continues.
        self.radical = font.index("√")
        self.rad_ink = font.ink(self.radical)
        self.rule = _stub_thickness(font, self.radical) or _RAD_FALLBACK
        italic = self.fonts["it"]  # matplotlib's spaces are 0.2 of an italic m
        self.space = 0.2 * italic.advance(italic.index("m"))


def pick(m: Metrics, ch: str, fs: str) -> tuple[str, Font]:
    """The character and font of one math symbol in font style ``fs``."""
    if fs == "it":  # matplotlib: letters italic, except capital Greek; the rest upright
        letter = unicodedata.category(ch)[0] == "L" and not unicodedata.name(
            ch, "").startswith("GREEK CAPITAL")
        return _fallback(ch, m.fonts["it" if letter else "rm"])
    if fs == "itall":
        return _fallback(ch, m.fonts["it"])
    if fs in _STYLE_NAMES:  # the glyph matplotlib draws, from its STIX fonts
        drawn = tables()["styles"][fs].get(ch)
        if drawn is None:  # not a letter or digit: matplotlib's upright DejaVu
            return _fallback(ch, m.fonts["rm"])
        font = stix(drawn[0])
        if font is not None:
            return chr(drawn[1]), font
        warn_once(fs, f"mathtext: \\{_STYLE_NAMES[fs]} letters are drawn italic: "
                  "they come from the STIX fonts of matplotlib, which is not installed")
        return ch, m.fonts["it"]
    return _fallback(ch, m.fonts.get(fs, m.fonts["rm"]))


def _fallback(ch: str, font: Font) -> tuple[str, Font]:
    """``ch`` in ``font``, or in the STIX face matplotlib falls back to for it where
    DejaVu Sans lacks it (and that face is found)."""
    drawn = tables()["fallback"].get(ch)
    face = None if drawn is None else stix(drawn[0])
    return (ch, font) if face is None else (ch, face)


def _stub_thickness(font: Font, index: int) -> float | None:
    """Height of the radical's horizontal top stroke (em), where a vertical line just
    left of its end (1/24 em in, past the rounded cap) crosses the outline."""
    ink = font.ink(index)
    if ink is None:
        return None
    x = ink[2] - 1 / 24
    ys = []
    for poly in _flatten(*font.outline(index)):
        a, b = poly[:-1], poly[1:]
        cross = (a[:, 0] - x) * (b[:, 0] - x) < 0
        t = (x - a[cross, 0]) / (b[cross, 0] - a[cross, 0])
        ys.extend(a[cross, 1] + t * (b[cross, 1] - a[cross, 1]))
    if len(ys) < 2:
        return None
    ys.sort(reverse=True)
    return ys[0] - ys[1]


def _flatten(vertices: np.ndarray, codes: np.ndarray, pieces: int = 16) -> list[np.ndarray]:
    """Closed polylines of an outline, its curves cut into ``pieces`` chords each."""
    polys, cur, i = [], [], 0
    t = np.linspace(0.0, 1.0, pieces + 1)[1:, None]
    while i < len(codes):
        c = codes[i]
        if c == MOVETO:
            if cur:
                polys.append(np.asarray(cur))
            cur, i = [vertices[i]], i + 1
        elif c == CURVE3:
            p0, p1, p2 = cur[-1], vertices[i], vertices[i + 1]
            cur.extend((1 - t) ** 2 * p0 + 2 * t * (1 - t) * p1 + t * t * p2)
            i += 2
        elif c == CURVE4:
            p0, p1, p2, p3 = cur[-1], vertices[i], vertices[i + 1], vertices[i + 2]
            cur.extend((1 - t) ** 3 * p0 + 3 * t * (1 - t) ** 2 * p1
                       + 3 * t * t * (1 - t) * p2 + t ** 3 * p3)
            i += 3
        elif c == CLOSEPOLY:
            cur.append(cur[0])
            i += 1
        else:
            cur.append(vertices[i])
            i += 1
    if cur:
        polys.append(np.asarray(cur))
    return polys


_METRICS: dict[Font, Metrics] = {}


def metrics(font: Font) -> Metrics:
    """The :class:`Metrics` of ``font``, measured once."""
    m = _METRICS.get(font)
    if m is None:
        m = _METRICS[font] = Metrics(font)
    return m


def glyph_ink(atlas: GlyphAtlas, char: str) -> tuple[float, float, float, float] | None:
    """The outline box (x0, y0, x1, y1) of a character's glyph in em from the pen on
    the baseline (what math layout stacks scripts by), or None for a blank glyph."""
    return atlas.font.ink(atlas.font.index(char))


def math_metrics(atlas: GlyphAtlas) -> tuple[float, float, float, float]:
    """(x-height, math axis, the scripts' rule thickness, the space around operators) in
    em: what math layout reads of a font besides its glyphs (a page laying out tick
    labels itself needs them)."""
    m = metrics(atlas.font)
    return m.x_height, m.axis, UNDERLINE, m.space
