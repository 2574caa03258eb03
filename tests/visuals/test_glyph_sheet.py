"""Each Text visual draws from a sheet of its own glyphs, not the process-wide atlas:
frames, pages and notebook updates carry only the glyphs shown."""

from __future__ import annotations

import numpy as np
import pytest

from lumos import scene, visuals
from lumos.visuals.glyphs import get_atlas


def sheet(text: visuals.Text):
    (draw,) = text.draws(_ctx())
    return draw.textures["u_atlas"]


def _ctx():
    from lumos.visuals.base import DrawContext

    return DrawContext("view0", (200.0, 100.0), 1.0, {"type": "panzoom",
                                                    "rect": [0, 0, 1, 1]}, False)


def test_sheet_holds_only_the_visuals_glyphs():
    get_atlas().ensure("".join(chr(c) for c in range(32, 127)) + "αβγδ")  # a full atlas
    t = visuals.Text("0.5", pos=(0, 0), font_size=12)
    tex = sheet(t)
    atlas = get_atlas().image
    # three glyph cells of about 40 x 50 texels, on one shelf of a 256-wide sheet
    assert tex.data.nbytes <= 256 * 64 < atlas.nbytes // 30
    t.set_data(["10", "2.5", "α"], pos=np.zeros((3, 2)))
    assert tex.data.nbytes < atlas.nbytes // 10


def test_same_glyphs_upload_nothing():
    t = visuals.Text(["0.0", "0.5", "1.0"], pos=np.zeros((3, 2)), font_size=10)
    tex = sheet(t)
    v = tex.version
    t.set_data(["1.5", "1.0", "0.0"])  # relabelled ticks, no new glyph
    assert sheet(t) is tex and tex.version == v


def test_new_rectangles_upload_only_their_rows_or_repack():
    """On a synthetic atlas: rectangles that fit go into free shelf space (only their
    rows change); the sheet grows by repacking, keeping recent ones that still fit
    in half of it, and every rectangle keeps its texels."""
    from lumos.visuals.text import _GlyphSheet

    rng = np.random.default_rng(1)
    atlas = rng.integers(0, 256, (512, 1024), dtype=np.uint8)

    def check(s: _GlyphSheet, cells) -> None:
        placed = s.map(np.array(cells), atlas)
        for (x, y, cw, ch), (u, v, pw, ph) in zip(cells, placed.astype(int), strict=True):
            assert (pw, ph) == (cw, ch)
            assert np.array_equal(s.image[v : v + ch, u : u + cw], atlas[y : y + ch, x : x + cw])

    s = _GlyphSheet()
    first = [(0, 0, 30, 40), (40, 0, 30, 40), (80, 0, 20, 12)]
    check(s, first)
    v = s.texture.version
    small = [(200, 100, 20, 12)]  # fits beside the short cell: a few rows only
    check(s, first + small)
    ranges = s.texture.changes_since(v)
    width = s.image.shape[1]  # the log holds flat texels
    assert ranges is not None and sum(b - a for a, b in ranges) <= 12 * width
    assert 12 < s.image.shape[0]
    big = [(300, 0, 60, 60), (400, 0, 60, 60)]  # no room: the sheet grows (repack)
    check(s, big)
    assert s.texture.changes_since(v) is None
    assert len(s._places) == 6  # the four shown before are kept (less than half)


def test_sheet_repacks_instead_of_piling_up():
    t = visuals.Text("a", pos=(0, 0), font_size=10)
    for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789" * 2:
        t.set_data(c * 3)
    assert sheet(t).data.nbytes <= 256 * 96  # one glyph shown: one small sheet


def test_text_pixels_unchanged_by_the_sheet():
    """The sheet copies every cell a quad samples, so labels draw exactly as from the
    atlas: compare with quads sampling the atlas's cells themselves."""
    from lumos.gpu.resources import Texture
    from lumos.visuals.fonts import hinting
    from lumos.visuals.text import _glyph_run

    canvas = scene.Canvas(size=(160, 60), bgcolor="white")
    view = canvas.add_view()
    view.camera.set_range(x=(0, 1), y=(0, 1))
    t = view.add(visuals.Text(["Ag 0.25 $\\sqrt{x}$", "—¹"], pos=[(0.5, 0.7), (0.5, 0.25)],
                              font_size=15))
    img = canvas.render()
    atlas = get_atlas()
    # the quads' atlas cells (a rule's: zero, it samples nothing)
    cells = [_glyph_run(atlas, s, 15.0, "center", "center", 0.0, hinting())[2]
             for s in t._text]
    t._buffers["cell"].set_data(np.repeat(np.concatenate(cells), 6, axis=0).astype(np.float32))
    t._sheet.texture = Texture(atlas.image, filter="nearest")
    direct = canvas.render()
    assert (img[..., :3] != 255).any()
    np.testing.assert_array_equal(img, direct)


def test_labels_shown_before_are_not_laid_out_again():
    """A pan moves tick labels and brings back strings shown before: their glyph runs
    come from the cache, and the quads are those of a fresh layout."""
    from lumos.visuals import text as textmod

    strings = ["0.25", "0.50", "0.75"]
    t = visuals.Text(strings, pos=np.zeros((3, 2)), font_size=11.125)
    uv = t._buffers["uv"].data.copy()
    t.set_data(strings, pos=np.ones((3, 2)))  # moved: the same sheet coordinates
    np.testing.assert_array_equal(t._buffers["uv"].data, uv)
    before = textmod._glyph_run.cache_info()
    t.set_data(strings[::-1], pos=np.ones((3, 2)))  # reordered
    after = textmod._glyph_run.cache_info()
    assert after.misses == before.misses and after.hits == before.hits + 3
    fresh = visuals.Text(strings[::-1], pos=np.ones((3, 2)), font_size=11.125)
    for name in ("offset", "anchor", "scale"):
        np.testing.assert_array_equal(t._buffers[name].data, fresh._buffers[name].data)
    # a new size is a new layout
    t.set_data(strings, styles=[(12.375, "center", "center", 0.0)] * 3)
    assert textmod._glyph_run.cache_info().misses == after.misses + 3
    big = visuals.Text(strings, pos=np.ones((3, 2)), font_size=12.375)
    np.testing.assert_array_equal(t._buffers["offset"].data, big._buffers["offset"].data)



def test_moved_labels_upload_only_their_anchors():
    """A pan moves the same labels: only the anchors are new (the quads, texels, colors
    and scales keep their versions, so nothing else is uploaded), and every buffer
    equals what laying the labels out again gives; a new string, color or NaN anchor
    lays them out again."""
    strings = ["0.25", "0.50", "0.75"]
    pos = np.array([[10.0, 5.0], [50.0, 5.0], [90.0, 5.0]])
    t = visuals.Text(strings, pos=pos, font_size=10, color="k")
    versions = {k: b.version for k, b in t._buffers.items()}
    t.set_data(strings, pos=pos + (3.5, 1.0))
    changed = {k for k, b in t._buffers.items() if b.version != versions[k]}
    assert changed == {"anchor"}

    def same_as_laid_out_again(text):
        kept = {k: b.data.copy() for k, b in text._buffers.items()}
        text._quads = (None, None)
        text._rebuild()
        for name, buf in text._buffers.items():
            np.testing.assert_array_equal(kept[name], buf.data, err_msg=name)

    same_as_laid_out_again(t)
    t.set_data(strings, pos=pos - 2.0)
    same_as_laid_out_again(t)
    t.set_data(["0.25", "0.50", "1.00"], pos=pos)
    t.set_data(["0.25", "0.50", "1.00"], pos=pos + 1.0, color="red")
    assert (t._buffers["color"].data[:, 0] == 255).all()
    same_as_laid_out_again(t)
    holed = pos.copy()
    holed[1] = np.nan
    t.set_data(["0.25", "0.50", "1.00"], pos=holed)
    assert len(t._buffers["anchor"].data) == 2 * 4 * 6  # two labels of four glyphs
    same_as_laid_out_again(t)


def test_move_equals_set_data_with_the_same_labels():
    """``Text.move`` (what a pan does to tick labels) gives every buffer that
    ``set_data`` with the same strings, colors and styles at the new anchors gives:
    per-label styles and colors kept, a NaN anchor hides its label; a count that does
    not fit is refused and changes nothing."""
    strings = ["0.25", "0.50", "0.75"]
    styles = [(11.0, "center", "top", 0.0), (13.0, "right", "center", 30.0),
              (11.0, "left", "baseline", 0.0)]
    cols = [(1.0, 0.0, 0.0, 1.0), (0.0, 0.0, 1.0, 1.0), (0.0, 0.5, 0.0, 1.0)]
    pos = np.array([[10.0, 5.0], [50.0, 5.0], [90.0, 5.0]])
    moved = visuals.Text(strings, pos=pos)
    moved.set_data(strings, pos, color=cols, styles=styles)
    for new in (pos + (3.5, 1.0), np.array([[1.0, 2.0], [np.nan, 3.0], [7.0, 9.0]])):
        moved.move(new)
        again = visuals.Text(strings, pos=pos)
        again.set_data(strings, new, color=cols, styles=styles)
        for name, buf in moved._buffers.items():
            np.testing.assert_array_equal(buf.data, again._buffers[name].data, err_msg=name)
    kept = moved.pos
    with pytest.raises(ValueError, match="pos: got 2 positions for 3 strings"):
        moved.move(pos[:2])
    np.testing.assert_array_equal(moved.pos, kept)
