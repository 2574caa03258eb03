"""Laid-out text as vector primitives: glyph runs and filled paths in canvas pixels
(SVG, PDF, PostScript and the matplotlib renderer draw them), and a layout's glyph
outlines as one path (text markers, outline effects).
"""

from __future__ import annotations

import math

import numpy as np

from .. import primitives as prim
from ..primitives import CLOSEPOLY, LINETO, MOVETO
from .fonts import TextLayout


def rotation_matrix(rotation_deg: float) -> np.ndarray:
    """Counter-clockwise on screen, for y-down pixel coordinates."""
    c, s = math.cos(math.radians(rotation_deg)), math.sin(math.radians(rotation_deg))
    return np.array([[c, s], [-s, c]])


def text_primitives(layout: TextLayout, size: float, anchor, rotation_deg: float, color,
                    text: str = "", clip=None, dilate: float = 0.0) -> list:
    """Glyph runs (one per glyph scale) and filled paths (rules, stretched glyphs) of a
    layout of ``size`` pixels per em anchored at canvas pixel ``anchor`` (y down).
    With ``dilate`` (pixels), glyph outlines filled and stroked ``2 * dilate`` wide: the
    thickened text an outline effect draws under the text."""
    ax, ay = float(anchor[0]), float(anchor[1])
    if dilate > 0:
        return _dilated(layout, size, ax, ay, rotation_deg, color, clip, dilate)
    out: list = []
    pens = layout.pens * size * np.array([1.0, -1.0]) + (ax, ay)
    rot = rotation_matrix(rotation_deg)
    stretched = layout.scales[:, 0] != layout.scales[:, 1]
    fonts = layout.fonts or (layout.font,)
    ids = layout.font_ids if layout.fonts else np.zeros(len(layout.indices), np.int64)
    for k, font in enumerate(fonts):  # one run per font and glyph scale
        for scale in np.unique(layout.scales[~stretched & (ids == k), 0]):
            sel = ~stretched & (ids == k) & (layout.scales[:, 0] == scale)
            idx = np.nonzero(sel)[0]
            out.append(prim.GlyphRun(font.path, layout.indices[idx], pens[idx], size * scale,
                                     color, chars="".join(layout.chars[i] for i in idx),
                                     text=text, rotation=rotation_deg, anchor=(ax, ay),
                                     clip=clip))
    for i in np.nonzero(stretched)[0]:  # a radical sign stretched to its argument
        verts, codes = fonts[int(ids[i])].outline(int(layout.indices[i]))
        if len(verts):
            local = verts * layout.scales[i] * size * np.array([1.0, -1.0]) + pens[i]
            out.append(prim.Path(_rotate(local, rot, ax, ay), codes, fill=color, clip=clip))
    for x0, y0, x1, y1 in layout.rules * size:
        corners = np.array([[x0, -y0], [x1, -y0], [x1, -y1], [x0, -y1], [x0, -y0]]) + (ax, ay)
        codes = np.array([MOVETO, LINETO, LINETO, LINETO, CLOSEPOLY], np.uint8)
        out.append(prim.Path(_rotate(corners, rot, ax, ay), codes, fill=color, clip=clip))
    return out


def _dilated(layout: TextLayout, size: float, ax: float, ay: float, rotation_deg: float,
             color, clip, dilate: float) -> list:
    """Every glyph's outline as one path, filled and stroked (round joins)."""
    verts, codes = layout_outline(layout)
    if not len(verts):
        return []
    local = verts * size * np.array([1.0, -1.0]) + (ax, ay)
    return [prim.Path(_rotate(local, rotation_matrix(rotation_deg), ax, ay), codes,
                      fill=color, stroke=prim.Stroke(color, 2 * dilate, join="round"),
                      clip=clip)]


def layout_outline(layout: TextLayout) -> tuple[np.ndarray, np.ndarray]:
    """``(vertices, codes)`` of every glyph outline and rule of a layout as one path, in
    em of the font size relative to the anchor, y up (empty for blank text)."""
    verts, codes = [], []
    for i, font in enumerate(layout.glyph_fonts()):
        v, c = font.outline(int(layout.indices[i]))
        if len(v):
            verts.append(v * layout.scales[i] + layout.pens[i])
            codes.append(c)
    for x0, y0, x1, y1 in layout.rules:
        verts.append(np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]))
        codes.append(np.array([MOVETO, LINETO, LINETO, LINETO, CLOSEPOLY], np.uint8))
    if not verts:
        return np.zeros((0, 2)), np.zeros(0, np.uint8)
    return np.concatenate(verts), np.concatenate(codes)


def _rotate(points: np.ndarray, rot: np.ndarray, ax: float, ay: float) -> np.ndarray:
    return (points - (ax, ay)) @ rot.T + (ax, ay)
