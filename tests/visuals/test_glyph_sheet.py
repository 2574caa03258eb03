"""Each Text visual draws from a sheet of its own glyphs, not the process-wide atlas:
frames, pages and notebook updates carry only the glyphs shown."""

from __future__ import annotations

import numpy as np

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


def test_same_glyphs_upload_nothing_and_new_ones_only_their_rows():
    t = visuals.Text(["0.0", "0.5", "1.0"], pos=np.zeros((3, 2)), font_size=10)
    tex = sheet(t)
    v = tex.version
    t.set_data(["1.5", "1.0", "0.0"])  # relabelled ticks, no new glyph
    assert sheet(t) is tex and tex.version == v
    t.set_data(["0", "2", "5"])  # one new glyph fits on the shelf: only its rows change
    assert tex.version == v + 1
    ranges = tex.changes_since(v)
    assert ranges is not None and sum(b - a for a, b in ranges) < tex.shape[0]


def test_sheet_repacks_instead_of_piling_up():
    t = visuals.Text("a", pos=(0, 0), font_size=10)
    for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789" * 2:
        t.set_data(c * 3)
    assert sheet(t).data.nbytes <= 256 * 96  # one glyph shown: one small sheet


def test_text_pixels_unchanged_by_the_sheet():
    """The sheet copies every texel a quad samples (margin included), so labels draw
    exactly as from the atlas: compare with quads sampling the atlas itself."""
    from lumos.gpu.resources import Texture

    canvas = scene.Canvas(size=(160, 60), bgcolor="white")
    view = canvas.add_view()
    view.camera.set_range(x=(0, 1), y=(0, 1))
    t = view.add(visuals.Text(["Ag 0.25 $\\sqrt{x}$", "—¹"], pos=[(0.5, 0.7), (0.5, 0.25)],
                              font_size=15))
    img = canvas.render()
    # the same glyphs with texture coordinates into the shared atlas
    from lumos.visuals.mathtext import layout_rich

    atlas = get_atlas()
    uvs = [layout_rich(s, 15.0, "center", "center", 0.0, atlas=atlas)[1]
           for s in t._text]
    corners = [0, 1, 2, 0, 2, 3]
    t._buffers["uv"].set_data(np.concatenate([u[:, corners].reshape(-1, 2) for u in uvs]))
    t._sheet.texture = Texture(atlas.image, filter="linear")
    direct = canvas.render()
    assert (img[..., :3] != 255).any()
    assert np.abs(img.astype(int) - direct.astype(int)).max() <= 1
