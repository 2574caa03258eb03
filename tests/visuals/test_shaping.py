"""Plain lines shaped as matplotlib 3.11 shapes them (HarfBuzz through libraqm): the
fonts' Latin ligatures, default-ignorable characters hidden, kerning as GPOS's."""

import os

import matplotlib
import pytest
from fontTools.ttLib import TTFont
from matplotlib import font_manager
from matplotlib.ft2font import LoadFlags

from lumos.visuals.fonts import (
    FACES,
    LIGATURES,
    _pens,
    compositions,
    font_path,
    get_font,
    shaped,
)

WORDS = ["office", "fix", "ffix", "fflx", "difficult flow", "Waffle fish", "a\u00adb",
         "zero\u200bwidth", "AVATAR To.", "effluent", "fjord",
         # a letter and its combining marks: one composed glyph where the font has it
         "cafe\u0301", "Se\u0301ance na\u0308ive", "n\u0303o\u0302"]
MPL_FILES = {"sans": "DejaVuSans.ttf", "sans-bold": "DejaVuSans-Bold.ttf",
             "sans-italic": "DejaVuSans-Oblique.ttf", "serif": "DejaVuSerif.ttf",
             "serif-italic": "DejaVuSerif-Italic.ttf", "mono": "DejaVuSansMono.ttf"}


def _latn_liga(path) -> tuple:
    font = TTFont(path, lazy=True)
    gsub, cmap = font["GSUB"].table, {g: chr(c) for c, g in font.getBestCmap().items()}
    latn = next(s for s in gsub.ScriptList.ScriptRecord if s.ScriptTag == "latn")
    out = []
    for fi in latn.Script.DefaultLangSys.FeatureIndex:
        record = gsub.FeatureList.FeatureRecord[fi]
        if record.FeatureTag != "liga":
            continue
        for li in record.Feature.LookupListIndex:
            lookup = gsub.LookupList.Lookup[li]
            for sub in lookup.SubTable:
                sub = sub.ExtSubTable if lookup.LookupType == 7 else sub
                for first, ligs in getattr(sub, "ligatures", {}).items():
                    for lig in ligs:
                        glyphs = (first, *lig.Component, lig.LigGlyph)
                        if all(g in cmap for g in glyphs):  # drawable from characters
                            out.append(("".join(cmap[g] for g in glyphs[:-1]),
                                        cmap[glyphs[-1]]))
    return tuple(out)


@pytest.mark.parametrize("face", list(FACES))
def test_ligature_table_is_the_files(face):
    assert LIGATURES.get(FACES[face], ()) == _latn_liga(font_path(face=face))


@pytest.mark.parametrize("face", list(MPL_FILES))
@pytest.mark.parametrize("size", [10.0, 13.5])
def test_glyphs_and_pens_as_matplotlib(face, size):
    mpl = font_manager.get_font(os.path.join(os.path.dirname(matplotlib.__file__),
                                             "mpl-data", "fonts", "ttf", MPL_FILES[face]))
    mpl.set_size(size, 100)
    font = get_font(face=face)
    px = size * 100 / 72
    px64 = round(px * 64)
    names = TTFont(font.path, lazy=True).getGlyphOrder()  # the files' versions differ
    for word in WORDS:
        items = [it for it in mpl._layout(word, LoadFlags.DEFAULT)
                 if mpl.get_glyph_name(it.glyph_index) != "space" or it.char == " "]
        _, pens = _pens(font, word, lambda a, b: font.hinted_kerning(a, b, px64),
                        lambda i: font.hinted_advance(i, px64, 0), 64 * px)
        assert [names[i] for _, i, _ in pens] == \
            [mpl.get_glyph_name(it.glyph_index) for it in items], word
        assert [p * px for p, _, _ in pens] == pytest.approx([it.x for it in items]), word


def test_shaped():
    sans = get_font()
    assert shaped(sans, "office\u00ad") == "o\ufb03ce"
    assert shaped(get_font(face="serif"), "office") == "o\ufb00ice"
    assert shaped(get_font(face="mono"), "office") == "office"
    # combining marks compose where the font has the composed letter, else stay
    assert shaped(sans, "cafe\u0301") == "caf\u00e9"
    assert shaped(sans, "q\u0301x") == "q\u0301x"


def test_compositions_are_what_shaped_may_draw():
    """The glyph table's compositions (a page shapes tick labels itself): every
    character shaped() composes from letters and marks of a set is among them."""
    sans = get_font()
    marks, chars = compositions(sans, "aeqA\u0301\u030a")
    assert marks == "\u0301\u030a"
    assert {"\u00e1", "\u00e9", "\u00e5", "\u00c1", "\u00c5", "\u01fa"} <= set(chars)
    assert "q" not in chars  # q + U+0301 composes to nothing
    for word in ("ae\u0301", "A\u030a\u0301", "e\u030a\u0301", "q\u0301"):
        assert set(shaped(sans, word)) <= set(chars) | set("aeqA") | set(marks), word
    assert compositions(sans, "abc") == ("", "")
