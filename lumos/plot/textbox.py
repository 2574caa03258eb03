"""The box behind a text (matplotlib's ``bbox=dict(boxstyle='round', fc=..., ...)``):
every box style of :class:`lumos.plot.boxstyles.BoxStyle`, padded in units of the font
size, turning with the text."""

from __future__ import annotations

import math

import numpy as np

from ..geometry import triangulate_polygon
from . import text as textmod
from .bbox import Bbox
from .boxstyles import BoxStyle
from .mpl_objects import is_matplotlib
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
        # matplotlib's Text adds ",pad=" to the name only when the dict has a pad
        style = BoxStyle(style) if "pad" in style or pad is None else \
            BoxStyle(style, pad=float(pad))
    elif is_matplotlib(style):
        style = _from_matplotlib(style)
    elif not callable(style):
        raise TypeError(f"bbox boxstyle: got {type(style).__name__}, expected a style name, "
                        "a BoxStyle or a callable giving the box's path")
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


def box_parts(fig, text: str, x: float, y: float, size: float, st, face: str) -> tuple:
    """The box of a text drawn at figure pixel (x, y) with style ``st``: (its fill as
    triangles (k, 3, 2), or none; its closed edge (n, 2) or None when not drawn; the
    edge's width in pixels and dash pattern in pixels or None)."""
    spec = st.bbox
    tx, ty, ha, _ = textmod.place(text, x, y, size, st.ha, st.va, st.rotation,
                                  st.rotation_mode, face=face)
    outline = box_outline(text, size, ha, spec, face)
    if len(outline) < 3:
        return np.zeros((0, 3, 2)), None, 0.0, None
    c, s = math.cos(math.radians(st.rotation)), math.sin(math.radians(st.rotation))
    pts = outline @ np.array([[c, s], [-s, c]]) + (tx, ty)
    tris = np.zeros((0, 3, 2))
    if spec["face"][3] > 0:
        ring = pts[:-1] if np.allclose(pts[0], pts[-1]) else pts
        tris = np.array([ring[tri] for tri in triangulate_polygon(ring)]).reshape(-1, 3, 2)
    width = fig.points_to_pixels(spec["linewidth"])
    if not (width > 0 and spec["edge"][3] > 0 and spec["linestyle"] is not None):
        return tris, None, 0.0, None
    closed = pts if np.allclose(pts[0], pts[-1]) else np.vstack([pts, pts[:1]])
    pattern = spec["linestyle"][1]
    return tris, closed, width, None if pattern is None else tuple(p * width for p in pattern)


def draw_box(ov, fig, text: str, x: float, y: float, size: float, st, face: str) -> None:
    """The box of a text drawn at figure pixel (x, y) with style ``st``."""
    tris, edge, width, dashes = box_parts(fig, text, x, y, size, st, face)
    for tri in tris:
        ov.polygon(tri, st.bbox["face"])
    if edge is not None:
        ov.line(edge, st.bbox["edge"], width, dashes)


def box_extent(fig, text: str, st, face: str) -> tuple[float, float]:
    """How far (pixels) the box reaches beyond the text's own extent (pad and edge)."""
    if st.bbox is None:
        return 0.0, 0.0
    size = fig.points_to_pixels(st.fontsize)
    pad = st.bbox["style"].pad * size + fig.points_to_pixels(st.bbox["linewidth"]) / 2
    return pad, pad



_ALIASES = {"fc": "facecolor", "ec": "edgecolor", "lw": "linewidth", "ls": "linestyle"}


class TextBoxPatch:
    """The box behind a text, as matplotlib's ``Text.get_bbox_patch()`` gives it (a
    FancyBboxPatch): its style, colors and line read and set (a setter sets the text's
    ``bbox`` again, so the text redraws), its window extent, and ``patchA``/``patchB``
    of an annotation's arrow."""

    stands_for = "FancyBboxPatch"  # matplotlib's class (lumos.plot.introspect.findobj)

    def __init__(self, text) -> None:
        self.text = text

    def _spec(self) -> dict:
        spec = self.text.style.bbox
        if spec is None:
            raise ValueError("get_bbox_patch: the text's bbox was removed (set_bbox(None))")
        return spec

    def _reset(self, **changes) -> None:
        """The text's bbox dict with ``changes`` (None drops a key), set again."""
        given = dict(self._spec()["given"])
        for key, value in changes.items():
            given.pop(key, None)
            if value is not None:
                given[key] = value
        self.text.set_bbox(given)

    def get_boxstyle(self) -> BoxStyle:
        return self._spec()["style"]

    def set_boxstyle(self, boxstyle=None, **kwargs) -> None:
        """A style name (``'round'``, ``'round,pad=0.2'``) with its attributes, or a
        :class:`~lumos.plot.boxstyles.BoxStyle`."""
        if boxstyle is None:
            raise TypeError("set_boxstyle: got no boxstyle, expected a name or a BoxStyle")
        style = BoxStyle(boxstyle, **kwargs) if isinstance(boxstyle, str) else boxstyle
        self._reset(boxstyle=style, pad=None)

    def get_facecolor(self) -> tuple:
        return self._spec()["face"]

    def set_facecolor(self, color) -> None:
        # a 'color' given colored both: the edge keeps it
        self._reset(facecolor=color, fc=None, color=None, fill=None,
                    edgecolor=self._kept("edge"), ec=None)

    def get_edgecolor(self) -> tuple:
        return self._spec()["edge"]

    def set_edgecolor(self, color) -> None:
        self._reset(edgecolor=color, ec=None, color=None, facecolor=self._kept("face"),
                    fc=None)

    def _kept(self, part: str):
        """The face or edge color when a 'color' given sets it, else whatever was given
        for it (None: nothing)."""
        spec = self._spec()
        given = spec["given"]
        if "color" in given:
            return spec[part]
        return given.get("facecolor", given.get("fc")) if part == "face" else \
            given.get("edgecolor", given.get("ec"))

    def set_color(self, color) -> None:
        self._reset(color=color, facecolor=None, fc=None, edgecolor=None, ec=None)

    def get_linewidth(self) -> float:
        return self._spec()["linewidth"]

    def set_linewidth(self, width) -> None:
        self._reset(linewidth=float(width), lw=None)

    def get_linestyle(self):
        given = self._spec()["given"]
        return given.get("linestyle", given.get("ls", "solid"))

    def set_linestyle(self, style) -> None:
        self._reset(linestyle=style, ls=None)

    def get_alpha(self):
        return self._spec()["given"].get("alpha")

    def set_alpha(self, alpha) -> None:
        self._reset(alpha=alpha)

    def get_fill(self) -> bool:
        return bool(self._spec()["given"].get("fill", True))

    def set_fill(self, fill: bool) -> None:
        self._reset(fill=bool(fill))

    def set(self, **kwargs) -> TextBoxPatch:
        """Several properties at once (``set(facecolor=..., boxstyle=...)``)."""
        for key, value in kwargs.items():
            key = _ALIASES.get(key, key)
            setter = getattr(self, f"set_{key}", None)
            if setter is None:
                raise TypeError(f"FancyBboxPatch.set: unexpected keyword argument {key!r}")
            setter(value)
        return self

    def get_window_extent(self, renderer=None):
        """The box in figure pixels: the text's extent with the pad and half the edge."""
        t = self.text
        b = t.get_window_extent()
        px, py = box_extent(t.figure, t.get_text(), t.style, t.style.face())
        return Bbox.from_extents(b.x0 - px, b.y0 - py, b.x1 + px, b.y1 + py)

    get_extents = get_window_extent

    def __repr__(self) -> str:
        return f"FancyBboxPatch(boxstyle={self.get_boxstyle()!r})"
