"""Font properties as matplotlib spells them (family, style, weight, size), and which
bundled face draws them.

lumos bundles DejaVu Sans (regular, bold, oblique, bold oblique), DejaVu Serif and DejaVu
Sans Mono (see ``lumos/fonts/README.md``): matplotlib's own default families, so
``family='serif'`` or ``'monospace'`` look as they do in matplotlib. Other family names
(Arial, Times New Roman, ...) are drawn with the DejaVu face of their generic family, and
a one-time warning names them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .compat import warn_once

_WEIGHTS = {
    "ultralight": 100, "thin": 100, "light": 200, "extra light": 200, "normal": 400,
    "regular": 400, "book": 400, "medium": 500, "roman": 500, "semibold": 600,
    "demibold": 600, "demi": 600, "bold": 700, "heavy": 800, "extra bold": 800,
    "black": 900,
}  # fmt: skip
_STYLES = ("normal", "italic", "oblique")
_GENERIC = {"sans-serif": "sans", "sans": "sans", "serif": "serif", "monospace": "mono",
            "cursive": "sans", "fantasy": "sans"}
#: font names matplotlib users write, by the generic family whose DejaVu face is closest
_KNOWN = {
    "dejavu sans": "sans", "bitstream vera sans": "sans", "arial": "sans",
    "helvetica": "sans", "verdana": "sans", "liberation sans": "sans", "calibri": "sans",
    "dejavu serif": "serif", "times new roman": "serif", "times": "serif",
    "computer modern roman": "serif", "cmr10": "serif", "liberation serif": "serif",
    "georgia": "serif", "stix": "serif", "stixgeneral": "serif", "palatino": "serif",
    "dejavu sans mono": "mono", "courier new": "mono", "courier": "mono",
    "liberation mono": "mono", "consolas": "mono", "monaco": "mono",
}  # fmt: skip
#: the names the bundled faces really are (no warning for these)
_BUNDLED = {"dejavu sans", "sans-serif", "sans", "dejavu serif", "serif",
            "dejavu sans mono", "monospace"}


def check_weight(weight) -> int:
    """A weight as a number 100..900 from a number or a name ('bold', 'light', ...)."""
    if isinstance(weight, str):
        w = _WEIGHTS.get(weight.lower())
        if w is None:
            raise ValueError(f"fontweight: got {weight!r}, expected a number 0..1000 or one "
                             f"of {', '.join(_WEIGHTS)}")
        return w
    try:
        w = float(weight)
    except (TypeError, ValueError):
        raise TypeError(f"fontweight: got {weight!r}, expected a number or a name") from None
    if not 0 <= w <= 1000:
        raise ValueError(f"fontweight: got {weight!r}, expected 0..1000")
    return int(w)


def check_style(style) -> str:
    if style not in _STYLES:
        raise ValueError(f"fontstyle: got {style!r}, expected 'normal', 'italic' or "
                         "'oblique'")
    return style


def check_family(family) -> tuple[str, ...]:
    """Family names in order of preference (matplotlib takes a name or a list)."""
    names = (family,) if isinstance(family, str) else tuple(family)
    if not names or not all(isinstance(n, str) for n in names):
        raise TypeError(f"fontfamily: got {family!r}, expected a name or a list of names")
    return names


def generic(family: tuple[str, ...]) -> str:
    """The bundled family ('sans', 'serif' or 'mono') drawing the first name lumos knows;
    a name it does not bundle warns once and takes the closest."""
    for name in family:
        low = name.lower()
        kind = _GENERIC.get(low) or _KNOWN.get(low)
        if kind is not None:
            if low not in _BUNDLED:
                warn_once(f"font {low}", f"font family {name!r} is not bundled with lumos; "
                          f"drawn with DejaVu {_FACE_NAMES[kind]}")
            return kind
    warn_once(f"font {family}", f"font family {', '.join(family)!r} is unknown to lumos; "
              "drawn with DejaVu Sans")
    return "sans"


_FACE_NAMES = {"sans": "Sans", "serif": "Serif", "mono": "Sans Mono"}


@dataclass(frozen=True)
class Face:
    """Which bundled face draws a text: family ('sans', 'serif', 'mono'), bold, italic."""

    family: str = "sans"
    bold: bool = False
    italic: bool = False

    @property
    def name(self) -> str:
        """The bundled face's name ('sans', 'serif-bold-italic', ...; the nearest bundled
        one, see :data:`lumos.visuals.fonts.FACES`)."""
        name, wanted = _bundled(self.family, self.bold, self.italic)
        if wanted is not None:
            warn_once(f"face {wanted}", f"font: no {wanted} face is bundled; drawn {name}")
        return name

    @property
    def font_name(self) -> str:
        """The family name of the bundled font ('DejaVu Sans', 'DejaVu Serif', 'DejaVu
        Sans Mono'), as matplotlib's ``FontProperties.get_name`` gives it."""
        return f"DejaVu {_FACE_NAMES[self.family]}"


@cache
def _bundled(family: str, bold: bool, italic: bool) -> tuple[str, str | None]:
    """(the bundled face drawing a family, bold and italic; the face wanted when it is
    not bundled, else None): every tick label asks, every frame."""
    from ..visuals.fonts import FACE_FALLBACK, face_name

    name = face_name(family, bold, italic)
    wanted = family + ("-bold" if bold else "") + ("-italic" if italic else "")
    return name, wanted if wanted in FACE_FALLBACK else None


def face_of(family=None, style=None, weight=None) -> Face:
    """The bundled face for matplotlib's family, style and weight (None: the defaults)."""
    kind = "sans" if family is None else generic(check_family(family))
    bold = weight is not None and check_weight(weight) >= 600
    italic = style is not None and check_style(style) != "normal"
    return Face(kind, bold, italic)


class FontProperties:
    """matplotlib's ``FontProperties``: ``family``, ``style``, ``weight``, ``size``
    (``fname`` files are not loaded: TypeError). Also made from a matplotlib
    FontProperties object or a dict (``prop=dict(size=8)``)."""

    def __init__(self, family=None, style=None, variant=None, weight=None, stretch=None,
                 size=None, fname=None, math_fontfamily=None) -> None:
        if fname is not None:
            raise TypeError("FontProperties: fname (a font file) is not supported; lumos "
                            "draws its bundled DejaVu faces")
        self.family = None if family is None else check_family(family)
        self.style = None if style is None else check_style(style)
        self.weight = None if weight is None else check_weight(weight)
        from .text import points

        self.size = None if size is None else points(size)

    @classmethod
    def coerce(cls, prop) -> FontProperties:
        if prop is None:
            return cls()
        if isinstance(prop, FontProperties):
            return prop
        if isinstance(prop, dict):
            known = {"family", "style", "weight", "size", "variant", "stretch"}
            aliases = {"fontsize": "size", "fontweight": "weight", "fontstyle": "style",
                       "fontfamily": "family"}
            d = {aliases.get(k, k): v for k, v in prop.items()}
            unknown = set(d) - known
            if unknown:
                raise TypeError(f"prop: unexpected keys {sorted(unknown)}")
            return cls(**d)
        if isinstance(prop, str):
            return cls(family=prop)
        getters = ("get_family", "get_style", "get_weight", "get_size_in_points")
        if all(hasattr(prop, g) for g in getters):  # matplotlib's FontProperties
            return cls(family=prop.get_family(), style=prop.get_style(),
                       weight=prop.get_weight(), size=prop.get_size_in_points())
        raise TypeError(f"prop: got {type(prop).__name__}, expected a FontProperties, a "
                        "dict or a family name")

    def get_size_in_points(self) -> float | None:
        return self.size

    def apply_to(self, target) -> None:
        """Set ``target``'s family, style, weight and size (a Text style, tick labels,
        legend text: anything with matplotlib's ``set_font*`` setters) to this font's;
        what it leaves None stays. Every ``set_fontproperties`` goes through here."""
        for value, setter in ((self.family, target.set_fontfamily),
                              (self.style, target.set_fontstyle),
                              (self.weight, target.set_fontweight),
                              (self.size, target.set_fontsize)):
            if value is not None:
                setter(value)

    def face(self) -> Face:
        return face_of(self.family, self.style, self.weight)
