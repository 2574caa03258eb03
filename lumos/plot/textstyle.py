"""How a text looks, with matplotlib's Text properties, and drawing it into the overlay.

:class:`TextStyle` holds the font (size, family, style, weight: which bundled face
draws it), color and alpha, alignment (``ha``, ``va``, ``multialignment``), rotation and
``rotation_mode``, line spacing, ``wrap``, a ``bbox`` (with matplotlib's box styles,
rotating with the text) and ``path_effects`` (strokes and shadows). :func:`draw_text`
draws a text with a style at a figure-pixel anchor; Text artists, annotations, titles,
axis labels and legends all go through it.
"""

from __future__ import annotations

import math

from .. import colors
from ..visuals.fonts import check_spacing
from . import text as textmod
from .compat import warn_once
from .fonts import (
    FontProperties,
    check_family,
    check_fname,
    check_stretch,
    check_style,
    check_variant,
    check_weight,
    drawn_normal,
    face_of,
    rc_font,
)
from .style import rcParams
from .text_getters import TextGetters
from .ticklabels import _rotation

_HA = ("left", "center", "right")
_VA = ("top", "center", "bottom", "baseline", "center_baseline")
#: matplotlib's Text property names and their aliases
ALIASES = {
    "size": "fontsize", "family": "fontfamily", "name": "fontfamily", "fontname": "fontfamily",
    "style": "fontstyle", "weight": "fontweight", "variant": "fontvariant",
    "stretch": "fontstretch", "c": "color", "ha": "horizontalalignment",
    "va": "verticalalignment", "ma": "multialignment", "font": "fontproperties",
    "font_properties": "fontproperties", "backgroundcolor": "backgroundcolor",
}  # fmt: skip
#: keywords a TextStyle takes (the artist keeps zorder, label, transform, visible)
KEYS = frozenset({
    "fontsize", "fontfamily", "fontstyle", "fontweight", "fontvariant", "fontstretch",
    "color", "alpha", "horizontalalignment", "verticalalignment", "multialignment",
    "rotation", "rotation_mode", "linespacing", "wrap", "bbox", "backgroundcolor",
    "path_effects", "usetex", "math_fontfamily", "parse_math", "clip_on", "fontproperties",
    "antialiased",
})  # fmt: skip


def normalize(kwargs: dict) -> dict:
    """matplotlib's Text keywords with aliases resolved and ``fontdict`` expanded (the
    explicit keywords win)."""
    fontdict = kwargs.pop("fontdict", None) or {}
    if not isinstance(fontdict, dict):
        raise TypeError(f"fontdict: got {type(fontdict).__name__}, expected a dict")
    out = {ALIASES.get(k, k): v for k, v in fontdict.items()}
    out.update({ALIASES.get(k, k): v for k, v in kwargs.items()})
    return out


class TextStyle(TextGetters):
    """matplotlib's Text properties that decide how a text looks, with their setters and
    getters (Text artists and titles forward theirs here)."""

    def __init__(self, fontsize=None, color=None, ha="left", va="baseline") -> None:
        self.fontsize = float(rcParams["font.size"] if fontsize is None
                              else textmod.points(fontsize))
        self.family: tuple[str, ...] | None = rc_font("family")
        self.fontstyle: str | None = rc_font("style")
        self.weight: str | int | None = rc_font("weight")
        self.variant: str | None = None
        self.stretch: str | int | None = None
        self.file: str | None = None  # a font file drawing the text (font=Path(...))
        self.color = colors.to_rgba(rcParams["text.color"] if color is None else color,
                                    argname="color")
        self.alpha: float | None = None
        self.ha, self.va, self.ma = "left", "baseline", None
        self.set_horizontalalignment(ha)
        self.set_verticalalignment(va)
        self.rotation = 0.0
        self.rotation_mode: str | None = None
        self.linespacing: str | float = "normal"
        self.wrap = False
        self.bbox: dict | None = None
        self.effects: list = []
        self.clip_on = False
        self.parse_math = True

    def copy(self) -> TextStyle:
        new = TextStyle.__new__(TextStyle)
        new.__dict__.update(self.__dict__)
        new.effects = list(self.effects)
        return new

    # -- matplotlib's setters ----------------------------------------------------------
    def update(self, props: dict, where: str = "text") -> None:
        """Apply matplotlib Text keywords (aliases resolved); unknown ones raise."""
        props = normalize(dict(props))
        unknown = sorted(set(props) - KEYS)
        if unknown:
            raise TypeError(f"{where}: unexpected keyword arguments {unknown}")
        if "fontproperties" in props:  # matplotlib's: first, the lowest priority
            props = {"fontproperties": props.pop("fontproperties"), **props}
        for key, value in props.items():
            if value is None and key in ("fontsize", "fontweight", "color", "linespacing"):
                continue  # matplotlib's None: the default
            getattr(self, f"set_{key}")(value)

    def set_fontsize(self, size) -> None:
        self.fontsize = textmod.points(size)

    def set_fontfamily(self, family) -> None:
        self.family = None if family is None else check_family(family)
        if self.family is not None:
            face_of(self.family)  # warns once about families lumos does not bundle

    def set_fontstyle(self, style) -> None:
        self.fontstyle = None if style is None else check_style(style)

    def set_fontweight(self, weight) -> None:
        self.weight = None if weight is None else check_weight(weight)

    def set_fontvariant(self, variant) -> None:
        self.variant = None if variant is None else check_variant(variant)
        drawn_normal(variant=self.variant)

    def set_fontstretch(self, stretch) -> None:
        self.stretch = None if stretch is None else check_stretch(stretch)
        drawn_normal(stretch=self.stretch)

    def set_fontproperties(self, fp) -> None:
        FontProperties.coerce(fp).apply_to(self)

    def set_font_file(self, path) -> None:
        """Draw with the font file at ``path`` whatever the family, style and weight
        (None: the bundled face they pick); ``set_fontproperties`` sets it."""
        self.file = None if path is None else check_fname(path)

    def get_font_file(self) -> str | None:
        """The font file drawing the text, or None."""
        return self.file

    def set_color(self, color) -> None:
        self.color = colors.to_rgba(color, argname="color")

    def set_alpha(self, alpha) -> None:
        if alpha is not None and not 0 <= float(alpha) <= 1:
            raise ValueError(f"alpha: got {alpha!r}, expected a number in 0..1")
        self.alpha = None if alpha is None else float(alpha)

    def set_horizontalalignment(self, ha) -> None:
        if ha not in _HA:
            raise ValueError(f"ha: got {ha!r}, expected 'left', 'center' or 'right'")
        self.ha = ha

    def set_verticalalignment(self, va) -> None:
        if va not in _VA:
            raise ValueError(f"va: got {va!r}, expected one of {', '.join(_VA)}")
        self.va = va

    def set_multialignment(self, ma) -> None:
        if ma not in (None, *_HA):
            raise ValueError(f"multialignment: got {ma!r}, expected 'left', 'center' or "
                             "'right'")
        self.ma = ma

    def set_rotation(self, rotation) -> None:
        self.rotation = _rotation(rotation)

    def set_rotation_mode(self, mode) -> None:
        if mode not in (None, "default", "anchor"):
            raise ValueError(f"rotation_mode: got {mode!r}, expected 'default' or 'anchor'")
        self.rotation_mode = mode

    def set_linespacing(self, spacing) -> None:
        """'normal' (each line as high as the font's ascent, descent and line gap, or its
        ink where taller) or a number: each line ``spacing`` times the font's ascent
        plus descent high (matplotlib 3.11)."""
        self.linespacing = check_spacing("linespacing", spacing)

    def set_wrap(self, wrap) -> None:
        self.wrap = bool(wrap)

    def set_bbox(self, bbox) -> None:
        from .textbox import box_spec

        self.bbox = box_spec(bbox, self.fontsize)

    def set_backgroundcolor(self, color) -> None:
        """A box in this color behind the text (matplotlib: pad 1 point, no edge)."""
        if color is None:
            return
        spec = dict(self.bbox or {})
        from .textbox import box_spec

        self.bbox = box_spec({"facecolor": color, "edgecolor": "none", "pad": 1.0,
                              **{k: v for k, v in spec.get("given", {}).items()
                                 if k != "facecolor"}}, self.fontsize)

    def set_path_effects(self, effects) -> None:
        from .effects import read_effects

        self.effects = read_effects(effects)

    def set_usetex(self, usetex) -> None:
        if usetex:
            warn_once("usetex", "usetex: lumos has no LaTeX; the text is drawn with its "
                      "mathtext")

    def set_math_fontfamily(self, family) -> None:
        if family not in (None, "dejavusans"):
            warn_once(f"math_fontfamily {family}", f"math_fontfamily {family!r}: lumos "
                      "draws math in DejaVu Sans ('dejavusans')")

    def set_parse_math(self, parse) -> None:
        self.parse_math = bool(parse)

    def set_clip_on(self, clip) -> None:
        self.clip_on = bool(clip)

    def set_antialiased(self, aa) -> None:
        if aa is False:
            warn_once("text antialiased", "antialiased=False: lumos always smooths text")

    # -- matplotlib's getters ----------------------------------------------------------
    def get_fontsize(self) -> float:
        """The font size in points."""
        return self.fontsize

    def get_color(self):
        """The text color (RGBA)."""
        return self.color

    def get_alpha(self) -> float | None:
        """The text's opacity (None: its color's)."""
        return self.alpha

    def get_fontweight(self) -> str | int:
        """The font weight as set (a name such as 'bold', or a number 0..1000), else
        'normal'."""
        return "normal" if self.weight is None else self.weight

    def get_fontvariant(self) -> str:
        """'normal' or 'small-caps' as set (lumos draws 'normal', see
        :func:`.fonts.drawn_normal`)."""
        return self.variant or "normal"

    def get_stretch(self) -> str | int:
        """The font stretch as set (a name or a number 0..1000), else 'normal' (lumos
        draws 'normal')."""
        return "normal" if self.stretch is None else self.stretch

    def get_fontfamily(self) -> list:
        """The font families, first preferred."""
        return list(self.family or ("sans-serif",))

    def get_fontstyle(self) -> str:
        """'normal', 'italic' or 'oblique'."""
        return self.fontstyle or "normal"

    def get_horizontalalignment(self) -> str:
        """'left', 'center' or 'right' of the anchor."""
        return self.ha

    def get_verticalalignment(self) -> str:
        """'top', 'center', 'bottom', 'baseline' or 'center_baseline' at the anchor."""
        return self.va

    def get_ha(self) -> str:
        """``get_horizontalalignment``."""
        return self.ha

    def get_va(self) -> str:
        """``get_verticalalignment``."""
        return self.va

    def get_rotation(self) -> float:
        """The rotation in degrees, counter-clockwise."""
        return self.rotation

    def get_rotation_mode(self) -> str:
        """'default' or 'anchor'."""
        return self.rotation_mode or "default"

    def get_linespacing(self) -> str | float:
        """The line spacing: 'normal' or the number set."""
        return self.linespacing

    def get_wrap(self) -> bool:
        """Whether long lines are broken to stay in the figure."""
        return self.wrap

    def get_parse_math(self) -> bool:
        """Whether ``$...$`` is drawn as math."""
        return self.parse_math

    def get_path_effects(self) -> list:
        """The path effects (strokes, shadows) drawn with the text."""
        return list(self.effects)

    # -- what drawing needs ------------------------------------------------------------
    def face(self) -> str:
        """The bundled face's name ('sans', 'serif-bold', 'mono', ...), or a font file's
        path."""
        return face_of(self.family, self.fontstyle, self.weight, self.file).name

    def rgba(self) -> tuple:
        return colors.to_rgba(self.color, self.alpha)

    def shown(self, text: str) -> str:
        """The string drawn: '$' are literal when parse_math is off."""
        return text if self.parse_math else text.replace("$", r"\$")


def extent(fig, text: str, st: TextStyle) -> tuple[float, float, float]:
    """(width, height, descent) of a text in pixels."""
    size = fig.points_to_pixels(st.fontsize)
    return textmod.measure(st.shown(text), size, face=st.face(), spacing=st.linespacing)


def _reach(rotation: float, x: float, y: float, w: float, h: float) -> float:
    """How far a line turned ``rotation`` degrees (0..360) from figure pixel (x, y) runs
    before it leaves the figure (w, h) (matplotlib's ``Text._get_dist_to_box``)."""
    if rotation > 270:
        quad = rotation - 270
        h1, h2 = y / math.cos(math.radians(quad)), (w - x) / math.cos(math.radians(90 - quad))
    elif rotation > 180:
        quad = rotation - 180
        h1, h2 = x / math.cos(math.radians(quad)), y / math.cos(math.radians(90 - quad))
    elif rotation > 90:
        quad = rotation - 90
        h1, h2 = (h - y) / math.cos(math.radians(quad)), x / math.cos(math.radians(90 - quad))
    else:
        h1 = (w - x) / math.cos(math.radians(rotation))
        h2 = (h - y) / math.cos(math.radians(90 - rotation))
    return min(h1, h2)


def wrapped(fig, text: str, st: TextStyle, x: float, y: float) -> str:
    """matplotlib's ``wrap=True``: lines broken at spaces so that each stays inside the
    figure, measured from the anchor along the text's direction (``ha='left'``: ahead,
    'right': behind, 'center': twice the nearer) as ``Text._get_wrap_line_width``."""
    _, _, w_fig, h_fig = fig.figure.bbox_pixels()
    size = fig.points_to_pixels(st.fontsize)
    rotation = st.rotation % 360
    ahead = _reach(rotation, x, y, w_fig, h_fig)
    behind = _reach((180 + rotation) % 360, x, y, w_fig, h_fig)
    room = {"left": ahead, "right": behind}.get(st.ha, 2 * min(ahead, behind))
    out = []
    for para in text.split("\n"):
        line = ""
        for word in para.split(" "):
            trial = word if not line else f"{line} {word}"
            if line and textmod.measure(trial, size, face=st.face())[0] > room:
                out.append(line)
                line = word
            else:
                line = trial
        out.append(line)
    return "\n".join(out)


def draw_text(ov, fig, text: str, x: float, y: float, st: TextStyle) -> None:
    """A text with its style at figure pixel (x, y): box, effects, then the glyphs."""
    if not text or not (math.isfinite(x) and math.isfinite(y)):
        return
    text = st.shown(wrapped(fig, text, st, x, y) if st.wrap else text)
    size = fig.points_to_pixels(st.fontsize)
    face = st.face()
    rgba = st.rgba()
    if st.bbox is not None:
        from .textbox import draw_box

        draw_box(ov, fig, text, x, y, size, st, face)
    # matplotlib turns a wrapped text about its anchor (_get_wrap_line_width sets it)
    mode = "anchor" if st.wrap else st.rotation_mode
    lines = block_lines(text, x, y, size, face, st.ha, st.va, st.rotation, mode,
                        st.ma, st.linespacing)
    if st.effects:  # lumos.plot.effects loads with the first effects drawn
        from .effects import draw_with_effects

        draw_with_effects(ov, fig, st.effects, lines, size, rgba, st.rotation, face)
        return
    for lx, ly, s, ha, va in lines:
        ov.text(s, lx, ly, size, rgba, ha=ha, va=va, rotation=st.rotation, face=face)


def block_lines(text: str, x: float, y: float, size: float, face: str, ha: str, va: str,
                rotation: float = 0.0, mode: str | None = None, ma: str | None = None,
                spacing: str | float = "normal") -> list:
    """Where each piece of a text anchored at figure pixel (x, y) goes, as
    ``(x, y, string, ha, va)``: the whole text, or (multialignment ``ma`` or a line
    spacing other than the visual's 'normal') one line at a time."""
    tx, ty, bha, bva = textmod.place(text, x, y, size, ha, va, rotation, mode, face=face,
                                     spacing=spacing)
    ma = ma or ha
    if "\n" not in text or (ma == ha and spacing == "normal"):
        return [(tx, ty, text, bha, bva)]
    # one line at a time, from the block's (ha, baseline-of-last-line) anchor
    parts = text.split("\n")
    width = textmod.measure(text, size, face=face, spacing=spacing)[0]
    left = -{"left": 0.0, "center": 0.5, "right": 1.0}[bha] * width
    c, s = math.cos(math.radians(rotation)), math.sin(math.radians(rotation))
    out = []
    for line, dy in zip(parts, textmod.baselines(text, size, face, spacing), strict=True):
        dx = left + {"left": 0.0, "center": 0.5, "right": 1.0}[ma] * width
        out.append((tx + c * dx - s * dy, ty + s * dx + c * dy, line, ma, "baseline"))
    return out
