"""Text for :class:`~.renderer.RendererLumos`: matplotlib lays it out (font manager,
fallback fonts, kerning, mathtext); each glyph is the bitmap FreeType renders for Agg at
the pen's sub-pixel position, stamped at whole pixels; the glyph runs stay for vector
files."""

from __future__ import annotations

import math

import numpy as np

from . import sprites as sp
from .items import TextItem, checksum


class TextMixin:
    """``draw_text`` and ``draw_mathtext`` of the renderer."""

    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
        if self._busy():
            return self._sink.draw_text(gc, x, y, s, prop, angle, ismath, mtext)
        if ismath == "TeX":
            return self.draw_tex(gc, x, y, s, prop, angle, mtext=mtext)
        if ismath:
            return self.draw_mathtext(gc, x, y, s, prop, angle)
        from matplotlib.backends.backend_agg import get_hinting_flag

        font = self._prepare_font(prop)
        items = font._layout(
            s, flags=get_hinting_flag(),
            features=mtext.get_fontfeatures() if mtext is not None else None,
            language=mtext.get_language() if mtext is not None else None)
        size = prop.get_size_in_points()
        self._glyphs(gc, x, y, angle, [(it.ft_object, size, it.glyph_index, it.x, it.y,
                                        it.char) for it in items], [], s)
        return None

    def draw_mathtext(self, gc, x, y, s, prop, angle):
        """Mathtext laid out by matplotlib's parser (``MathTextParser("path")``)."""
        parse = self._agg_metrics().mathtext_parser.parse(s, self.dpi, prop)
        self._glyphs(gc, x, y, angle, [(font, size, gid, dx, dy, chr(num) if num else "")
                                       for font, size, num, gid, dx, dy in parse.glyphs],
                     parse.rects, s)

    def _prepare_font(self, prop):
        from matplotlib.font_manager import fontManager, get_font

        font = get_font(fontManager._find_fonts_by_props(prop))
        font.clear()
        font.set_size(prop.get_size_in_points(), self.dpi)
        return font

    def _glyphs(self, gc, x, y, angle, glyphs, boxes, text) -> None:
        """Glyphs (font, size in points, glyph index, dx, dy px, char) about the baseline
        origin (x, y) (y downwards, as matplotlib hands it), and solid boxes (dx, dy, w,
        h), as Agg's ``_draw_text_glyphs_and_boxes`` places them."""
        self._gc = gc
        clip = self._clip(gc)
        if clip is False:
            return
        rgba = tuple(float(v) for v in gc.get_rgb())
        if len(rgba) == 3 or gc.get_forced_alpha():
            rgba = rgba[:3] + (float(gc.get_alpha()),)
        if rgba[3] <= 0:
            return
        from matplotlib.backends.backend_agg import get_hinting_flag
        from matplotlib.ft2font import RenderMode

        anchor = np.array([[float(x), self.height - float(y)]])
        cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        matrix = (0x10000 * np.array([[cos, -sin], [sin, cos]])).round().astype(int)
        flags = get_hinting_flag()
        mode = RenderMode.NORMAL if gc.get_antialiased() else RenderMode.MONO
        # each glyph as Agg renders it: FreeType at the pen's sub-pixel position, the
        # bitmap at whole pixels (the sprite is cached per 64th of a pixel of offset)
        sprites, keys, which, corners = [], {}, [], []
        runs: dict[str, list] = {}
        for font, size, gid, dx, dy, ch in glyphs:
            fx = round(0x40 * (anchor[0, 0] + dx * cos - dy * sin))
            fy = round(0x40 * (anchor[0, 1] + dx * sin + dy * cos))
            runs.setdefault(font.fname, []).append((gid, dx, dy, size, ch))
            made = sp.glyph_sprite(font, size, self.dpi, gid, matrix, fx & 63, fy & 63, flags,
                                   mode)
            if made is None:
                continue
            s, left, top = made
            if s.key not in keys:
                keys[s.key] = len(sprites)
                sprites.append(s)
            which.append(keys[s.key])
            corners.append(((fx >> 6) + left, (fy >> 6) + top))
        if sprites:
            tl = np.array(corners, float)
            sizes = np.array([s.size for s in sprites], float)[which]
            lo = np.array([tl[:, 0].min(), (tl[:, 1] - sizes[:, 1]).min()])
            hi = np.array([(tl[:, 0] + sizes[:, 0]).max(), tl[:, 1].max()])
            box = self._bbox(clip, lo[0], lo[1], hi[0], hi[1])
            if box is not None:
                idx = np.array(which, np.int64)
                glyph_runs = []
                for fname, gl in runs.items():
                    glyph_runs.append((fname, np.array([g[0] for g in gl], np.int64),
                                       np.array([(g[1], g[2]) for g in gl], float),
                                       np.array([g[3] for g in gl], float) * self.dpi / 72))
                chars = "".join(g[4] for gl in runs.values() for g in gl)
                fp = ("text", checksum(tl), tuple(s.key for s in sprites), checksum(idx),
                      rgba)
                self._add(TextItem("text", clip, box, None, fp, offsets=tl, sprites=sprites,
                                   index=None if len(sprites) == 1 else idx,
                                   face=np.array([rgba]), edge=np.zeros((1, 4)), snap=True,
                                   runs=glyph_runs, anchor=anchor, rotation=float(angle),
                                   color=rgba, chars=chars, text=text))
        if not boxes:
            return
        from matplotlib.path import Path
        from matplotlib.transforms import Affine2D

        gc1 = self.new_gc()
        gc1.copy_properties(gc)
        gc1.set_linewidth(0)
        gc1.set_hatch(None)
        for dx, dy, w, h in boxes:
            if gc.get_snap() in (None, True):  # thin bars grow to a pixel, as in Agg
                if w < 1:
                    dx, w = dx - (1 - w) / 2, 1
                if h < 1:
                    dy, h = dy - (1 - h) / 2, 1
            path = Path([(dx, dy), (dx + w, dy), (dx + w, dy + h), (dx, dy + h), (dx, dy)],
                        closed=True)
            self.draw_path(gc1, path, Affine2D().rotate_deg(angle).translate(
                x, self.height - y), rgba)
        gc1.restore()
