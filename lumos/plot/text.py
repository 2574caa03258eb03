"""Text sizes for layout: font sizes in points, extents in pixels (mathtext aware), and
where to anchor rotated text so that it lands where matplotlib puts it."""

from __future__ import annotations

import math
from functools import lru_cache

from ..visuals.fonts import get_font, hint_for, hinting, line_ink
from ..visuals.mathtext import extent_rich, line_baselines, math_line_box
from .style import font_points

#: matplotlib's short and alternative names of Text properties
TEXT_ALIASES = {
    "size": "fontsize", "fontsize": "fontsize", "weight": "fontweight",
    "fontweight": "fontweight", "style": "fontstyle", "fontstyle": "fontstyle",
    "family": "fontfamily", "fontfamily": "fontfamily", "name": "fontfamily",
    "fontname": "fontfamily", "ha": "horizontalalignment",
    "horizontalalignment": "horizontalalignment", "va": "verticalalignment",
    "verticalalignment": "verticalalignment", "c": "color", "color": "color",
    "rotation": "rotation", "rotation_mode": "rotation_mode", "alpha": "alpha",
    "visible": "visible", "fontproperties": "fontproperties", "font": "fontproperties",
    "font_properties": "fontproperties",
}  # fmt: skip


def points(fontsize) -> float:
    """A font size in points from a number or a matplotlib name ('small', 'large')."""
    return font_points(fontsize)


def measure(text: str, size_px: float, bold: bool = False, face: str | None = None,
            spacing: str | float = "normal") -> tuple[float, float, float]:
    """(width, height, descent) of a label in pixels, as the Text visual lays it out
    (``face``: a bundled face name, see :data:`lumos.visuals.fonts.FACES`; hinted for
    a raster, see :func:`lumos.visuals.fonts.hinting`)."""
    return _measure(text, size_px, bold, face, spacing, hinting())


@lru_cache(maxsize=4096)
def _measure(text: str, size_px: float, bold: bool, face: str | None, spacing: str | float,
             _hinting: tuple | None) -> tuple[float, float, float]:
    if not text:
        return 0.0, 0.0, 0.0
    return extent_rich(str(text), size_px, bold=bold, face=face, line_spacing=spacing)


def ink_size(text: str, size_px: float, face: str | None = None
             ) -> tuple[float, float, float]:
    """(width, height, descent) of a label as matplotlib's axisartist measures tick
    labels (Agg's ``get_text_width_height_descent``): a plain line's hinted ink, a math
    line's own box (not the font's line box: 2.3 px less descent for a 10 pt label), a
    multi-line label's box (``face``: a bundled face name or a font file)."""
    if "\n" in text:
        return measure(text, size_px, face=face)
    box = math_line_box(text, size_px, face=face)
    if box is not None:
        return box
    w = measure(text, size_px, face=face)[0]
    ascent, descent = line_ink(get_font(face=face), text, hint_for(size_px))
    return w, (ascent + descent) * size_px, descent * size_px


def baselines(text: str, size_px: float, face: str | None = None,
              spacing: str | float = "normal") -> tuple[float, ...]:
    """Each line's baseline in pixels above the last one's (the last 0), as
    :func:`measure` lays the lines out."""
    ys = line_baselines(str(text), size_px, line_spacing=spacing, face=face)
    return tuple(y - ys[-1] for y in ys)


_ALIGN = {"left": 0.0, "center": 0.5, "right": 1.0}


def turned_extent(size: tuple, ha: str, rotation: float) -> tuple[float, float, float, float]:
    """x0, x1, y0, y1 of the box of a text of ``size`` = (width, height, descent) about
    its (``ha``, baseline) anchor, turned by ``rotation`` degrees about that anchor."""
    w, h, d = size[:3]
    a = _ALIGN[ha]
    c, s = math.cos(math.radians(rotation)), math.sin(math.radians(rotation))
    xs, ys = [], []
    for x in (-a * w, (1 - a) * w):
        for y in (-d, h - d):
            xs.append(c * x - s * y)
            ys.append(s * x + c * y)
    return min(xs), max(xs), min(ys), max(ys)


def _rotated_box(text: str, size_px: float, ha: str, rotation: float, bold: bool,
                 face: str | None = None, spacing: str | float = "normal"):
    """The text's box relative to its (ha, baseline) anchor, rotated: x0, x1, y0, y1."""
    return turned_extent(measure(text, size_px, bold, face, spacing), ha, rotation)


def rotated_size(text: str, size_px: float, rotation: float, bold: bool = False,
                 face: str | None = None):
    """(width, height) of the box a text rotated by ``rotation`` degrees covers."""
    x0, x1, y0, y1 = _rotated_box(text, size_px, "left", rotation, bold, face)
    return x1 - x0, y1 - y0


def place(text: str, x: float, y: float, size_px: float, ha: str, va: str,
          rotation: float, mode: str | None = None, bold: bool = False,
          face: str | None = None, spacing: str | float = "normal"):
    """Where to anchor a text (at its ``ha`` and last baseline, rotated about that
    point) so that it sits at (x, y) as matplotlib puts it: with
    ``rotation_mode='default'`` the *rotated* box is aligned by ha/va; with ``'anchor'``
    the unrotated text is aligned, then turned about (x, y). Returns ``(x, y, ha,
    'baseline')`` for the overlay."""
    shift = _shift(text, size_px, ha, va, rotation, mode, bold, face, spacing)
    if shift is None:
        return x, y, ha, va
    # y - oy is y + (-oy) in IEEE arithmetic: the same doubles as subtracting
    return x - shift[0], y + shift[1], ha, "baseline"


@lru_cache(maxsize=4096)
def _shift(text: str, size_px: float, ha: str, va: str, rotation: float, mode: str | None,
           bold: bool, face: str | None, spacing: str | float,
           ) -> tuple[float, float] | None:
    """What ``place`` subtracts from x and adds to y (None: nothing), kept like
    ``measure``'s sizes: a pan places the labels it showed before again."""
    if mode == "anchor" or rotation % 360 == 0:
        if va == "baseline":
            return None
        w, h, d = measure(text, size_px, bold, face, spacing)
        # center_baseline: half-way down from the top to the last baseline
        yb = {"top": -(h - d), "bottom": d, "center": d - h / 2,
              "center_baseline": -(h - d) / 2}[va]
        c, s = math.cos(math.radians(rotation)), math.sin(math.radians(rotation))
        return s * yb, c * yb
    x0, x1, y0, y1 = _rotated_box(text, size_px, ha, rotation, bold, face, spacing)
    ox = {"left": x0, "center": (x0 + x1) / 2, "right": x1}[ha]
    if va == "baseline":  # matplotlib: the rotated box's bottom plus the descent
        oy = y0 + measure(text, size_px, bold, face, spacing)[2]
    elif va == "center_baseline":  # the rotated box's top less half the top-to-baseline
        w, h, d = measure(text, size_px, bold, face, spacing)
        oy = y1 - (h - d) / 2
    else:
        oy = {"bottom": y0, "top": y1, "center": (y0 + y1) / 2}[va]
    return ox, -oy


def window_box(text: str, x: float, y: float, size_px: float, ha: str, va: str,
               rotation: float, mode: str | None = None, face: str | None = None,
               spacing: str | float = "normal") -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1): the pixel box a text aligned at (x, y) covers (rotated: the box
    around its rotated box), as matplotlib's ``get_window_extent`` gives it."""
    tx, ty, _, _ = place(text, x, y, size_px, ha, va, rotation, mode, face=face,
                         spacing=spacing)
    x0, x1, y0, y1 = _rotated_box(text, size_px, ha, rotation, False, face, spacing)
    return tx + x0, ty + y0, tx + x1, ty + y1
