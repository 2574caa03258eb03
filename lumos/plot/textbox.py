"""The box behind a text (matplotlib's ``bbox=dict(boxstyle='round', fc=..., ...)``):
every box style of :class:`lumos.plot.boxstyles.BoxStyle`, padded in units of the font
size, turning with the text."""

from __future__ import annotations

import math

import numpy as np

from ..geometry import triangulate_polygon
from . import text as textmod
from .boxstyles import BoxStyle
from .patch_style import parse_linestyle, rc, to_rgba

_KEYS = {"boxstyle", "pad", "facecolor", "fc", "edgecolor", "ec", "color", "alpha",
         "linewidth", "lw", "linestyle", "ls", "fill", "capstyle", "joinstyle", "zorder",
         "mutation_aspect"}


def box_spec(bbox, fontsize: float) -> dict | None:
    """A text's box from matplotlib's ``bbox`` dict (None: no box). Defaults are
    matplotlib's: a square 4 points from the text without ``boxstyle``, else the style's
    pad (0.3 font sizes); face ``patch.facecolor``, edge ``patch.edgecolor``."""
    if bbox is None:
        return None
    if not isinstance(bbox, dict):
        raise TypeError(f"bbox: got {type(bbox).__name__}, expected a dict")
    unknown = set(bbox) - _KEYS
    if unknown:
        raise TypeError(f"bbox: unexpected keys {sorted(unknown)}")
    style = bbox.get("boxstyle")
    pad = bbox.get("pad")
    if style is None:
        style = BoxStyle("square", pad=(4.0 if pad is None else float(pad)) / fontsize)
    elif isinstance(style, str):
        style = BoxStyle(style) if "pad" in style else \
            BoxStyle(style, pad=0.3 if pad is None else float(pad))
    elif hasattr(style, "pad") and type(style).__name__ != "BoxStyle":
        style = _from_matplotlib(style)
    alpha = bbox.get("alpha")
    color = bbox.get("color")
    face = bbox.get("facecolor", bbox.get("fc", color if color is not None else
                                          rc("patch.facecolor", "C0")))
    edge = bbox.get("edgecolor", bbox.get("ec", color if color is not None else
                                          rc("patch.edgecolor", "black")))
    fill = bbox.get("fill", True)
    return {
        "style": style,
        "face": to_rgba(face, alpha, "bbox facecolor") if fill else (0.0, 0.0, 0.0, 0.0),
        "edge": to_rgba(edge, alpha, "bbox edgecolor"),
        "linewidth": float(bbox.get("linewidth", bbox.get("lw", rc("patch.linewidth", 1.0)))),
        "linestyle": parse_linestyle(bbox.get("linestyle", bbox.get("ls", "-"))),
        "given": dict(bbox),
    }


def _from_matplotlib(style) -> BoxStyle:
    """matplotlib's BoxStyle objects (``BoxStyle.Round(pad=0.5)``) by name and attributes."""
    name = type(style).__name__.lower()
    params = {k: getattr(style, k) for k in BoxStyle._params.get(name, ())
              if getattr(style, k, None) is not None}
    return BoxStyle(name, **params)


def box_outline(text: str, size: float, ha: str, spec: dict, face: str) -> np.ndarray:
    """The box's outline (closed, curves flattened) around a text anchored at its ``ha``
    and last baseline, in pixels relative to that anchor, before rotation."""
    w, h, d = textmod.measure(text, size, face=face)
    x0 = -{"left": 0.0, "center": 0.5, "right": 1.0}[ha] * w
    path = spec["style"](x0, -d, w, h, size)
    polys = path.to_polygons(closed_only=False)
    return polys[0] if polys else np.zeros((0, 2))


def draw_box(ov, fig, text: str, x: float, y: float, size: float, st, face: str) -> None:
    """The box of a text drawn at figure pixel (x, y) with style ``st``."""
    spec = st.bbox
    tx, ty, ha, _ = textmod.place(text, x, y, size, st.ha, st.va, st.rotation,
                                  st.rotation_mode, face=face)
    outline = box_outline(text, size, ha, spec, face)
    if len(outline) < 3:
        return
    c, s = math.cos(math.radians(st.rotation)), math.sin(math.radians(st.rotation))
    pts = outline @ np.array([[c, s], [-s, c]]) + (tx, ty)
    face_rgba = spec["face"]
    if face_rgba[3] > 0:
        ring = pts[:-1] if np.allclose(pts[0], pts[-1]) else pts
        for tri in triangulate_polygon(ring):
            ov.polygon(ring[tri], face_rgba)
    width = fig.points_to_pixels(spec["linewidth"])
    if width > 0 and spec["edge"][3] > 0 and spec["linestyle"] is not None:
        closed = pts if np.allclose(pts[0], pts[-1]) else np.vstack([pts, pts[:1]])
        pattern = spec["linestyle"][1]
        ov.line(closed, spec["edge"], width,
                None if pattern is None else tuple(p * width for p in pattern))


def box_extent(fig, text: str, st, face: str) -> tuple[float, float]:
    """How far (pixels) the box reaches beyond the text's own extent (pad and edge)."""
    if st.bbox is None:
        return 0.0, 0.0
    size = fig.points_to_pixels(st.fontsize)
    pad = st.bbox["style"].pad * size + fig.points_to_pixels(st.bbox["linewidth"]) / 2
    return pad, pad

