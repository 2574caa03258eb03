"""Tests for the SDF glyph atlas and text layout (CPU only, no OpenGL)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from lumos.visuals import glyphs
from lumos.visuals.fonts import hinted, line_ink
from lumos.visuals.glyphs import (
    BASE_SIZE,
    SDF_EDGE,
    SPREAD,
    GlyphAtlas,
    font_path,
    get_atlas,
    layout,
    text_extent,
)

ASCII = "".join(chr(c) for c in range(33, 127))
SYMBOLS = "αβμσπ∞±×°²³−≤≥"
UNKNOWN = "\u0378"  # unassigned code point: the font has no glyph for it


@pytest.fixture(scope="module")
def atlas() -> GlyphAtlas:
    # the shared atlas adds glyphs on demand; these tests want ASCII in it already
    shared = get_atlas()
    shared.ensure("".join(chr(c) for c in range(32, 127)))
    return shared


def cell(atlas: GlyphAtlas, char: str) -> np.ndarray:
    x, y, w, h = atlas.glyph(char).rect
    return atlas.image[y : y + h, x : x + w].astype(int)


def bbox(quads: np.ndarray) -> tuple[float, float, float, float]:
    return quads[..., 0].min(), quads[..., 1].min(), quads[..., 0].max(), quads[..., 1].max()


def rasterize(atlas: GlyphAtlas, quads: np.ndarray, uvs: np.ndarray) -> np.ndarray:
    """Ink mask (row 0 = top) of laid-out axis-aligned quads, nearest-sampled at 128."""
    x0, y0, x1, y1 = bbox(quads)
    w, h = int(math.ceil(x1 - x0)) + 2, int(math.ceil(y1 - y0)) + 2
    mask = np.zeros((h, w), bool)
    rows, cols = atlas.image.shape
    for q, uv in zip(quads, uvs, strict=True):
        qx0, qy0, qx1, qy1 = bbox(q[None])
        u0, u1 = uv[0, 0], uv[1, 0]  # BL.u, BR.u
        v_bot, v_top = uv[0, 1], uv[3, 1]  # BL.v, TL.v
        px = np.arange(int(qx0 - x0), int(qx1 - x0))
        py = np.arange(int(y1 - qy1), int(y1 - qy0))  # image rows, top first
        sx = (px + 0.5 + x0 - qx0) / (qx1 - qx0)
        sy = (y1 - (py + 0.5) - qy0) / (qy1 - qy0)  # 0 at the bottom edge
        u = u0 + sx * (u1 - u0)
        v = v_bot + sy * (v_top - v_bot)
        c = np.clip((u * cols).astype(int), 0, cols - 1)
        r = np.clip((v * rows).astype(int), 0, rows - 1)
        mask[np.ix_(py, px)] |= atlas.image[np.ix_(r, c)] >= SDF_EDGE
    return mask


# ---------------------------------------------------------------------- fonts and atlas
def test_bundled_fonts_found_next_to_module():
    for bold in (False, True):
        assert font_path(bold).is_file()
    assert (font_path().parent / "LICENSE-DejaVu.txt").is_file()


def test_atlas_contains_printable_ascii(atlas):
    for c in ASCII:
        assert c in atlas
        g = atlas.glyph(c)
        assert g.index != 0 and g.rect[2] > 0 and g.rect[3] > 0 and g.advance > 0
    space = atlas.glyph(" ")
    assert space.rect[2] == 0 and space.advance > 0


def test_atlas_is_uint8_and_versioned(atlas):
    assert atlas.image.dtype == np.uint8 and atlas.image.ndim == 2
    assert atlas.version >= 1


def test_shared_atlas_per_weight():
    assert get_atlas() is get_atlas(False)
    assert get_atlas(True) is get_atlas(bold=True)
    assert get_atlas(True) is not get_atlas()
    assert get_atlas(True).path.name == "DejaVuSans-Bold.ttf"


def test_uv_rects_inside_unit_square_and_disjoint(atlas):
    atlas.ensure(SYMBOLS)
    cells = {atlas.glyph(c).index: atlas.glyph(c) for c in ASCII + SYMBOLS}
    rects = []
    for g in cells.values():
        u0, v0, u1, v1 = atlas.uv_rect(g)
        assert 0 <= u0 < u1 <= 1 and 0 <= v0 < v1 <= 1
        rects.append(g.rect)
    for i, (x, y, w, h) in enumerate(rects):
        for x2, y2, w2, h2 in rects[i + 1 :]:
            assert x + w <= x2 or x2 + w2 <= x or y + h <= y2 or y2 + h2 <= y


def test_sdf_inside_outside_O(atlas):
    img = cell(atlas, "O")
    h, w = img.shape
    assert img[h // 2, w // 2] < SDF_EDGE  # the hole
    assert img[h // 2].max() > SDF_EDGE  # the ring along the middle row
    assert (img[h // 2, : w // 2] > SDF_EDGE).any() and (img[h // 2, w // 2 :] > SDF_EDGE).any()
    for corner in (img[0, 0], img[0, -1], img[-1, 0], img[-1, -1]):
        assert corner < 20  # far outside: about SPREAD away
    # The cell carries the full spread padding: outer rows are all outside.
    assert img[0].max() < SDF_EDGE and img[-1].max() < SDF_EDGE


def test_sdf_scale_is_128_over_spread_per_pixel(atlas):
    # Across the vertical stem of 'I' the value falls by 128 / SPREAD per base pixel.
    img = cell(atlas, "I")
    row = img[img.shape[0] // 2]
    left = row[: int(np.argmax(row))]
    steps = np.diff(left[(left > 5) & (left < 250)])
    assert np.median(steps) == pytest.approx(128 / SPREAD, abs=1)


def test_glyph_box_matches_cell_size(atlas):
    g = atlas.glyph("H")
    x0, y0, x1, y1 = g.box
    assert (x1 - x0) * BASE_SIZE == pytest.approx(g.rect[2])
    assert (y1 - y0) * BASE_SIZE == pytest.approx(g.rect[3])
    assert y0 < 0 < y1  # padding reaches below the baseline


def test_symbols_on_demand(atlas):
    version = atlas.version
    fresh = GlyphAtlas()
    v0 = fresh.version
    fresh.ensure(SYMBOLS)
    assert fresh.version > v0
    for c in SYMBOLS:
        assert fresh.glyph(c).index != 0, c
        assert fresh.glyph(c).rect[2] > 0
    quads, _ = layout(SYMBOLS, 12)
    assert len(quads) == len(SYMBOLS)
    # Existing glyphs do not touch the pixels.
    atlas.ensure("abc")
    assert atlas.version == version


def test_unknown_glyph_falls_back_to_notdef(atlas):
    quads, uvs = layout("a" + UNKNOWN + "\U0010fffd" + "b", 20)
    assert quads.shape == (4, 4, 2) and np.isfinite(quads).all()
    assert atlas.glyph(UNKNOWN).index == 0
    assert atlas.glyph(UNKNOWN) is atlas.glyph("\U0010fffd")
    assert atlas.glyph(UNKNOWN).rect[2] > 0  # the .notdef box is drawn


def test_atlas_grows_and_keeps_cells():
    a = GlyphAtlas()
    before = a.image.copy()
    rect = a.glyph("A").rect
    shape, version = a.image.shape, a.version
    a.ensure("".join(chr(c) for c in range(0x400, 0x500)))  # Cyrillic: ~250 glyphs
    assert a.image.shape[0] > shape[0] and a.image.shape[1] == shape[1]
    assert a.version > version
    assert a.glyph("A").rect == rect
    np.testing.assert_array_equal(a.image[: shape[0]][before > 0], before[before > 0])


def test_numpy_sdf_fallback_matches_freetype(atlas):
    fallback = GlyphAtlas(sdf="numpy")
    assert not fallback._use_ft_sdf
    for c in "OaR@":
        ft, np_ = cell(atlas, c), cell(fallback, c)
        assert ft.shape == np_.shape
        edge = np.abs(ft - SDF_EDGE) < 48  # within 3 base px of the outline
        assert np.abs(ft - np_)[edge].mean() < 0.5 * 128 / SPREAD  # < 0.5 base px
    img = cell(fallback, "O")
    assert img[img.shape[0] // 2, img.shape[1] // 2] < SDF_EDGE


def test_bad_atlas_arguments():
    with pytest.raises(ValueError, match="sdf"):
        GlyphAtlas(sdf="magic", prepopulate=False)
    with pytest.raises(ValueError, match="spread"):
        GlyphAtlas(spread=0, prepopulate=False)


# ---------------------------------------------------------------------- layout
def test_layout_shapes_and_dtypes():
    quads, uvs = layout("Hi there", 12)
    assert quads.shape == uvs.shape == (7, 4, 2)  # the space makes no quad
    assert quads.dtype == uvs.dtype == np.float32


def test_empty_and_blank_text():
    for text in ("", "   ", "\n\n"):
        quads, uvs = layout(text, 12)
        assert quads.shape == uvs.shape == (0, 4, 2)
    assert text_extent("", 10)[0] == 0


def test_corner_order(atlas):
    quads, uvs = layout("H", 30)
    q, uv = quads[0], uvs[0]
    # BL, BR, TR, TL in pixels (y up)
    assert q[0, 0] == q[3, 0] < q[1, 0] == q[2, 0]
    assert q[0, 1] == q[1, 1] < q[2, 1] == q[3, 1]
    # the glyph's top row is the smaller v (v = 0 is atlas row 0)
    assert uv[0, 0] == uv[3, 0] < uv[1, 0] == uv[2, 0]
    assert uv[3, 1] == uv[2, 1] < uv[0, 1] == uv[1, 1]
    assert (q[1, 0] - q[0, 0]) == pytest.approx(atlas.glyph("H").rect[2] * 30 / BASE_SIZE)


def test_rasterized_text_is_upright_and_not_mirrored(atlas, tmp_path):
    mask = rasterize(atlas, *layout("L", 96))
    ys, xs = np.nonzero(mask)
    top, bottom = ys.min(), ys.max()
    top_row, bottom_row = np.nonzero(mask[top + 2])[0], np.nonzero(mask[bottom - 2])[0]
    # 'L': the foot runs right along the bottom, the stem is on the left.
    assert bottom_row.max() > top_row.max() + 20
    assert abs(top_row.min() - bottom_row.min()) <= 1
    assert bottom - top > 50  # roughly the cap height at 96 px (0.73 em)

    mask = rasterize(atlas, *layout("Hello, world", 40))
    from PIL import Image

    Image.fromarray((mask * 255).astype(np.uint8)).save(tmp_path / "text.png")
    Image.fromarray(atlas.image).save(tmp_path / "atlas.png")
    # 'H' then 'e': ink in the first columns spans nearly the full cap height
    first_col = np.nonzero(mask.any(axis=0))[0][0]
    assert mask[:, first_col + 1].sum() > 0.6 * 0.73 * 40


def test_width_grows_with_text_length():
    widths = [bbox(layout("8" * n, 12)[0])[2] for n in range(1, 6)]
    assert all(b > a for a, b in zip(widths[:-1], widths[1:], strict=True))
    ext = [text_extent("8" * n, 12)[0] for n in range(1, 6)]
    assert np.allclose(np.diff(ext), ext[0])  # digits have equal advances


def test_layout_scales_linearly_with_font_size():
    """Outline advances (vector files) scale with the size; a raster's hinted ones are
    whole pixels at each size (matplotlib's Agg), so they do not."""
    with hinted(None):
        q1, uv1 = layout("Scale Ty\nab", 10, "center", "center", 17.0)
        q2, uv2 = layout("Scale Ty\nab", 25, "center", "center", 17.0)
        w1, h1, d1 = text_extent("Scale", 10)
        w2, h2, d2 = text_extent("Scale", 30)
    np.testing.assert_allclose(q2, q1 * 2.5, rtol=1e-5, atol=1e-4)
    np.testing.assert_array_equal(uv1, uv2)
    assert (w2, h2, d2) == pytest.approx((3 * w1, 3 * h1, 3 * d1))
    assert (text_extent("Scale", 10)[0], text_extent("Scale", 30)[0]) == (27, 80)  # not 81


def test_anchor_x():
    text, size = "OXO", 20
    width = text_extent(text, size)[0]
    left, _ = layout(text, size, "left")
    center, _ = layout(text, size, "center")
    right, _ = layout(text, size, "right")
    np.testing.assert_allclose(center, left - [width / 2, 0], atol=1e-4)
    np.testing.assert_allclose(right, left - [width, 0], atol=1e-4)
    x0, _, x1, _ = bbox(center)
    assert x0 == pytest.approx(-x1, abs=0.05 * size)  # symmetric about 0
    assert bbox(left)[0] < 0 < bbox(left)[0] + 0.5 * size  # only padding and bearing left of 0


def test_anchor_y(atlas):
    size = 20
    base, _ = layout("Hg", size, anchor_y="baseline")
    top, _ = layout("Hg", size, anchor_y="top")
    bottom, _ = layout("Hg", size, anchor_y="bottom")
    center, _ = layout("Hg", size, anchor_y="center")
    # the text box: the font's typographic ascent and descent ("Hg" inks inside them)
    ascent, descent, _gap = atlas.font.box_metrics
    np.testing.assert_allclose(top, base - [0, ascent * size], atol=1e-4)
    np.testing.assert_allclose(bottom, base + [0, descent * size], atol=1e-4)
    mid = 0.5 * (ascent - descent) * size
    np.testing.assert_allclose(center, base - [0, mid], atol=1e-4)
    # Baseline: 'H' sits on y = 0 up to the spread padding.
    pad = SPREAD * size / BASE_SIZE
    assert base[0, 0, 1] == pytest.approx(-pad, abs=0.05 * size)


def test_rotation_90_swaps_extents():
    q0, _ = layout("Rotate me", 16, "center", "center")
    q90, uv90 = layout("Rotate me", 16, "center", "center", rotation_deg=90)
    x0, y0, x1, y1 = bbox(q0)
    rx0, ry0, rx1, ry1 = bbox(q90)
    assert rx1 - rx0 == pytest.approx(y1 - y0, abs=1e-3)
    assert ry1 - ry0 == pytest.approx(x1 - x0, abs=1e-3)
    # counter-clockwise: (x, y) -> (-y, x)
    np.testing.assert_allclose(q90[..., 0], -q0[..., 1], atol=1e-4)
    np.testing.assert_allclose(q90[..., 1], q0[..., 0], atol=1e-4)
    q30, uv30 = layout("Rotate me", 16, "center", "center", rotation_deg=30)
    np.testing.assert_array_equal(uv30, uv90)
    # lengths are preserved
    np.testing.assert_allclose(np.linalg.norm(q30, axis=-1), np.linalg.norm(q0, axis=-1), rtol=1e-5)


def test_multiline(atlas):
    # the outlines as they are (a vector file's): a raster's ink is hinted, below
    with hinted(None):
        _multiline(atlas)


def _multiline(atlas):
    size = 10
    w1, h1, d1 = text_extent("abc", size)
    w2, h2, d2 = text_extent("abc\nabcdef\nx", size, line_spacing=1.5)
    ascent, descent, gap = atlas.font.box_metrics
    assert h1 == pytest.approx((ascent + descent) * size)
    # a fixed spacing (matplotlib 3.11): each line 1.5 (ascent + descent) high, its ink
    # centred in it
    line = 1.5 * (ascent + descent)
    a_x, d_x = line_ink(atlas.font, "x")
    assert h2 == pytest.approx(3 * line * size)
    assert d2 == pytest.approx(0.5 * (line - a_x + d_x) * size) and w2 > w1
    one, _ = layout("abc", size)
    two, _ = layout("abc\nabc", size, anchor_y="top")
    first, second = two[:3], two[3:]
    np.testing.assert_allclose(first[..., 0], second[..., 0], atol=1e-4)
    # 'normal': the font's ascent, descent and line gap apart
    np.testing.assert_allclose(first[..., 1] - second[..., 1],
                               (ascent + descent + gap) * size, atol=1e-4)
    # baseline anchor is the last line's baseline (matplotlib): the last line matches one line
    base, _ = layout("abc\nabc", size)
    np.testing.assert_allclose(base[3:], one, atol=1e-4)


def test_multiline_alignment():
    size = 10
    quads, _ = layout("a\nwwwww", size, "right")
    # both lines end at x = 0 (up to bearing and padding)
    assert abs(quads[0, 1, 0] - quads[-1, 1, 0]) < 0.3 * size
    quads, _ = layout("a\nwwwww", size, "center")
    assert abs(quads[0, 0, 0] + quads[0, 1, 0]) < 0.2 * size  # short line centred too
    quads, _ = layout("a\nwwwww", size, "left")
    assert quads[0, 0, 0] == pytest.approx(quads[1, 0, 0], abs=0.2 * size)


def test_kerning_av(atlas):
    if not atlas.has_kerning:
        pytest.skip("font without kerning table")
    assert atlas.kerning("A", "V") < 0
    w_av = text_extent("AV", 50)[0]
    assert w_av < text_extent("A", 50)[0] + text_extent("V", 50)[0] - 1


def test_control_characters_and_tabs():
    assert text_extent("a\tb", 10)[0] == pytest.approx(text_extent("a    b", 10)[0])
    assert text_extent("a\r\nb", 10) == pytest.approx(text_extent("a\nb", 10))
    quads, _ = layout("a\x07b", 10)
    assert len(quads) == 2


# ---------------------------------------------------------------------- bad input
@pytest.mark.parametrize("text", [None, 12, b"bytes", ["a"]])
def test_text_must_be_str(text):
    with pytest.raises(TypeError, match="text"):
        layout(text, 12)
    with pytest.raises(TypeError, match="text"):
        text_extent(text, 12)


@pytest.mark.parametrize("size", [0, -3, 0.0, float("nan"), float("inf"), -float("inf")])
def test_font_size_must_be_positive_finite(size):
    with pytest.raises(ValueError, match="font_size"):
        layout("a", size)
    with pytest.raises(ValueError, match="font_size"):
        text_extent("a", size)


def test_other_bad_arguments():
    with pytest.raises(TypeError, match="font_size"):
        layout("a", "12")
    with pytest.raises(ValueError, match="anchor_x"):
        layout("a", 12, anchor_x="middle")
    with pytest.raises(ValueError, match="anchor_y"):
        layout("a", 12, anchor_y="middle")
    with pytest.raises(ValueError, match="rotation_deg"):
        layout("a", 12, rotation_deg=float("nan"))
    with pytest.raises(ValueError, match="line_spacing"):
        layout("a", 12, line_spacing=float("nan"))
    with pytest.raises(TypeError, match="line_spacing"):
        layout("a", 12, line_spacing="tight")


def test_module_imports_only_numpy_freetype_and_stdlib():
    """The text layout and the atlas need no OpenGL: numpy, freetype, the standard
    library, and of lumos only the fonts module, the primitives, the glyph store and
    lumos.files (atomic writes, the cache folder)."""
    import ast
    import sys

    from lumos.visuals import fonts, glyph_store

    for module in (glyphs, fonts, glyph_store):
        tree = ast.parse(open(module.__file__, encoding="utf-8").read())
        names = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level:
                # "from ..primitives import X" or "from .. import primitives as prim"
                for name in [node.module] if node.module else [a.name for a in node.names]:
                    assert name in ("fonts", "primitives", "glyph_store", "files"), name
            elif isinstance(node, ast.ImportFrom):
                names.add((node.module or "").split(".")[0])
        allowed = {"numpy", "freetype", "__future__"}
        assert names - allowed <= set(sys.stdlib_module_names)


def test_a_new_process_reads_the_glyph_cells_an_earlier_one_rendered(tmp_path, monkeypatch):
    """The distance fields go to the cache folder; a later atlas (another process) takes
    them from there instead of FreeType, with the same bytes, hence the same pictures.
    A damaged file or a folder that cannot be written only costs rendering again."""
    from lumos.visuals import glyph_store

    monkeypatch.setenv("LUMOS_CACHE_DIR", str(tmp_path))
    text = "Hello, 0.25 µm−1"
    first = GlyphAtlas(prepopulate=False)
    first.ensure(text)
    (cells,) = (tmp_path / "glyphs").iterdir()

    def no_rendering(self, index, font=None):
        raise AssertionError(f"glyph {index} rendered again")

    with monkeypatch.context() as m:
        m.setattr(GlyphAtlas, "_render", no_rendering)
        second = GlyphAtlas(prepopulate=False)
        second.ensure(text)
    assert np.array_equal(second.image, first.image)
    assert all(second.glyph(c) == first.glyph(c) for c in text)

    # damaged: cut short, or not a cell file at all
    for damage in (cells.read_bytes()[:-7], b"something else"):
        cells.write_bytes(damage)
        third = GlyphAtlas(prepopulate=False)
        third.ensure(text)
        assert np.array_equal(third.image, first.image)
    assert glyph_store._decode(cells.read_bytes(), third._store(None).description)[1]  # rewritten

    # another font file has its own cells
    bold = GlyphAtlas(font_path(bold=True), prepopulate=False)
    bold.ensure("H")
    assert len(list((tmp_path / "glyphs").iterdir())) == 2

    # a cache folder that cannot be made: rendered, not stored, no error
    monkeypatch.setenv("LUMOS_CACHE_DIR", str(cells / "not-a-folder"))
    fourth = GlyphAtlas(prepopulate=False)
    fourth.ensure(text)
    assert np.array_equal(fourth.image, first.image)


_MEASURE = """
import sys
from lumos.visuals.glyphs import get_atlas, layout, text_extent
text = "Tick −0.25 AVAT µm ×10³ fi"
quads = layout(text, 13.0, atlas=get_atlas())
print(repr((text_extent(text, 13.0), [q.round(9).tolist() for q in quads])))
print("freetype" in sys.modules)
"""


def _measure(cache) -> tuple[str, bool]:
    import os
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", _MEASURE], capture_output=True, text=True,
                         check=True, env={**os.environ, "LUMOS_CACHE_DIR": str(cache)})
    numbers, loaded = out.stdout.splitlines()
    return numbers, loaded == "True"


def test_a_new_process_lays_out_stored_text_without_freetype(tmp_path):
    """The metrics FreeType gave one process (indices, advances, kerning) and the glyph
    cells go to the cache folder; the next process lays out the same text from them, to
    the same numbers, without loading FreeType. A damaged or foreign metrics file is
    ignored and written again."""
    first, loaded = _measure(tmp_path)
    assert loaded  # nothing stored yet: FreeType measured and rendered
    (metrics,) = (tmp_path / "fonts").iterdir()
    second, loaded = _measure(tmp_path)
    assert (second, loaded) == (first, False)

    for damage in (metrics.read_bytes()[:-5], b"something else", b""):
        metrics.write_bytes(damage)
        third, loaded = _measure(tmp_path)
        assert (third, loaded) == (first, True)
        assert _measure(tmp_path) == (first, False)  # stored again at the last exit
