"""Font properties as matplotlib spells them (family, style, weight, size), and which
bundled face draws them.

lumos bundles DejaVu Sans (regular, bold, oblique, bold oblique), DejaVu Serif and DejaVu
Sans Mono (see ``lumos/fonts/README.md``): matplotlib's own default families. A family
list resolves as matplotlib's font manager resolves it (:func:`generic`): the first name
found wins, a generic name ('serif', 'sans-serif', 'monospace', 'cursive', 'fantasy')
stands for its rcParams list (``font.serif`` & co.), and a name lumos cannot find
(Arial, Times New Roman, ...) warns as matplotlib's ``findfont`` does and is passed
over; where nothing is found, DejaVu Sans draws, as in matplotlib.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from .compat import warn_once

_WEIGHTS = {
    "ultralight": 100, "thin": 100, "light": 200, "extra light": 200, "normal": 400,
    "regular": 400, "book": 400, "medium": 500, "roman": 500, "semibold": 600,
    "demibold": 600, "demi": 600, "bold": 700, "heavy": 800, "extra bold": 800,
    "black": 900,
}  # fmt: skip
_STYLES = ("normal", "italic", "oblique")
#: matplotlib's generic family names (``font_manager.font_family_aliases``) and the
#: rcParams list each stands for
_GENERIC = {"serif": "serif", "sans-serif": "sans-serif", "sans serif": "sans-serif",
            "sans": "sans-serif", "monospace": "monospace", "cursive": "cursive",
            "fantasy": "fantasy"}
#: the bundled families by the names matplotlib's font manager gives them
_BUNDLED = {"dejavu sans": "sans", "dejavu serif": "serif", "dejavu sans mono": "mono"}


def _name_or_number(value, names, what: str) -> str | int:
    """A font weight or stretch as matplotlib keeps it: one of ``names`` as given, or a
    number 0..1000 as an int."""
    if isinstance(value, str):
        if value.lower() not in names:
            raise ValueError(f"{what}: got {value!r}, expected a number 0..1000 or one of "
                             f"{', '.join(names)}")
        return value
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise TypeError(f"{what}: got {value!r}, expected a number or a name") from None
    if not 0 <= v <= 1000:
        raise ValueError(f"{what}: got {value!r}, expected 0..1000")
    return int(v)


def check_weight(weight) -> str | int:
    """A font weight as matplotlib keeps it: a name ('bold', 'light', ...) as given, or
    a number 0..1000 as an int (``get_fontweight`` returns it; :func:`weight_number`
    gives the number of either)."""
    return _name_or_number(weight, _WEIGHTS, "fontweight")


def rc_font(key: str):
    """``rcParams['font.weight']``, ``['font.style']`` or ``['font.family']`` (``key``
    'weight', 'style' or 'family') as a new text takes it, as matplotlib's
    FontProperties does when made; None where it is the default ('normal', ['sans-serif']),
    which texts keep as not set (an unset family draws rcParams' own: :func:`face_of`)."""
    from .style import rcParams

    if key == "family":
        family = rcParams["font.family"]
        return None if list(family) == ["sans-serif"] else check_family(family)
    if key == "weight":
        value = rcParams["font.weight"]
        return None if value in ("normal", 400) else check_weight(value)
    value = rcParams["font.style"]
    return None if value == "normal" else check_style(value)


def weight_number(weight) -> int:
    """The number 0..1000 of a font weight (a name or a number)."""
    w = check_weight(weight)
    return _WEIGHTS[w.lower()] if isinstance(w, str) else w


#: matplotlib's font stretch names and their numbers
_STRETCHES = {
    "ultra-condensed": 100, "extra-condensed": 200, "condensed": 300,
    "semi-condensed": 400, "normal": 500, "semi-expanded": 600, "semi-extended": 600,
    "expanded": 700, "extended": 700, "extra-expanded": 800, "extra-extended": 800,
    "ultra-expanded": 900, "ultra-extended": 900,
}  # fmt: skip


def check_stretch(stretch) -> str | int:
    """A font stretch as matplotlib keeps it: a name as given or an int 0..1000."""
    if isinstance(stretch, str) and stretch not in _STRETCHES:  # names: lower case only
        raise ValueError(f"fontstretch: got {stretch!r}, expected a number 0..1000 or "
                         f"one of {', '.join(_STRETCHES)}")
    return _name_or_number(stretch, _STRETCHES, "fontstretch")


def check_variant(variant) -> str:
    """'normal' or 'small-caps' (matplotlib's font variants)."""
    if variant not in ("normal", "small-caps"):
        raise ValueError(f"fontvariant: got {variant!r}, expected 'normal' or 'small-caps'")
    return variant


def drawn_normal(variant=None, stretch=None) -> None:
    """Warn once where a font variant or stretch asks for a face lumos does not bundle
    (it draws the normal one, as matplotlib does with its own DejaVu files)."""
    if variant not in (None, "normal"):
        warn_once("fontvariant", f"fontvariant {variant!r}: lumos draws 'normal'")
    if stretch not in (None, "normal", 500):
        warn_once("fontstretch", f"fontstretch {stretch!r}: lumos draws 'normal'")


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
    """The bundled family ('sans', 'serif' or 'mono') drawing a family list, found as
    matplotlib's font manager finds it (``_find_fonts_by_props``): the first name that
    is a bundled family wins; a generic name ('serif', ...) stands for its rcParams list
    (``font.serif``, ...), searched in order; a name not found warns as matplotlib's
    ``findfont`` does and the next is tried; DejaVu Sans where none is found."""
    from .style import rcParams

    return _found(tuple(family), rcParams.generation)


@lru_cache(maxsize=256)
def _found(family: tuple[str, ...], generation: int) -> str:
    """:func:`generic` for the rcParams of ``generation`` (each label asks, every frame)."""
    from .style import rcParams

    lists = {"serif": rcParams["font.serif"], "sans-serif": rcParams["font.sans-serif"],
             "monospace": rcParams["font.monospace"], "cursive": rcParams["font.cursive"],
             "fantasy": rcParams["font.fantasy"]}
    for name in family:
        low = name.lower()
        if low in _GENERIC:
            options = lists[_GENERIC[low]]
            kind = next((_BUNDLED[o.lower()] for o in options if o.lower() in _BUNDLED), None)
            if kind is not None:
                return kind
            warn_once(f"findfont {low} {tuple(options)}",
                      f"findfont: Generic family {name!r} not found because none of the "
                      f"following families were found: {', '.join(options)}", stacklevel=6)
        elif low in _BUNDLED:
            return _BUNDLED[low]
        else:
            warn_once(f"findfont {low}", f"findfont: Font family {name!r} not found (lumos "
                      "draws its bundled DejaVu Sans, Serif and Sans Mono only).",
                      stacklevel=6)
    return "sans"


_FACE_NAMES = {"sans": "Sans", "serif": "Serif", "mono": "Sans Mono"}


@dataclass(frozen=True)
class Face:
    """Which face draws a text: family ('sans', 'serif', 'mono'), bold, italic; or
    ``file``, a font file's path (matplotlib's ``font=Path(...)``), which wins."""

    family: str = "sans"
    bold: bool = False
    italic: bool = False
    file: str | None = None

    @property
    def name(self) -> str:
        """The bundled face's name ('sans', 'serif-bold-italic', ...; the nearest bundled
        one, see :data:`lumos.visuals.fonts.FACES`), or the font file's path."""
        if self.file is not None:
            return self.file
        name, wanted = _bundled(self.family, self.bold, self.italic)
        if wanted is not None:
            warn_once(f"face {wanted}", f"font: no {wanted} face is bundled; drawn {name}")
        return name

    @property
    def font_name(self) -> str:
        """The family name of the bundled font ('DejaVu Sans', 'DejaVu Serif', 'DejaVu
        Sans Mono') or of the font file, as matplotlib's ``FontProperties.get_name``
        gives it."""
        if self.file is not None:
            from ..visuals.fonts import get_font

            return get_font(path=self.file).family_name
        return f"DejaVu {_FACE_NAMES[self.family]}"


@cache
def _bundled(family: str, bold: bool, italic: bool) -> tuple[str, str | None]:
    """(the bundled face drawing a family, bold and italic; the face wanted when it is
    not bundled, else None): every tick label asks, every frame."""
    from ..visuals.fonts import FACE_FALLBACK, face_name

    name = face_name(family, bold, italic)
    wanted = family + ("-bold" if bold else "") + ("-italic" if italic else "")
    return name, wanted if wanted in FACE_FALLBACK else None


def face_of(family=None, style=None, weight=None, file: str | None = None) -> Face:
    """The bundled face for matplotlib's family, style and weight (None: the defaults;
    the family ``rcParams['font.family']``'s), or the font ``file`` where one is given
    (matplotlib then ignores the other three)."""
    if file is not None:
        return Face(file=file)
    from .style import rcParams

    kind = generic(check_family(rcParams["font.family"] if family is None else family))
    bold = weight is not None and weight_number(weight) >= 600
    italic = style is not None and check_style(style) != "normal"
    return Face(kind, bold, italic)


def check_fname(fname) -> str:
    """The path of a font file (a str or a ``pathlib.Path``) as a str; ValueError where
    no such file exists."""
    if not isinstance(fname, (str, os.PathLike)):
        raise TypeError(f"fname: got {type(fname).__name__}, expected the path of a font "
                        "file (a str or a pathlib.Path)")
    path = Path(fname)
    if not path.is_file():
        raise ValueError(f"fname: got {os.fspath(fname)!r}, expected the path of an "
                         "existing font file")
    return str(path.resolve())


def face_or_default(face: str | None, bold: bool = False) -> str:
    """``face`` (a bundled face's name), or where None the face of rcParams' font
    family, bold or not: the face of a decoration text that names none."""
    return face if face is not None else face_of(weight="bold" if bold else None).name


class FontProperties:
    """matplotlib's ``FontProperties``: ``family``, ``style``, ``weight``, ``size``, or
    ``fname``, a font file that draws the text whatever the family, style and weight
    (its size, unless given, ``rcParams['font.size']`` as matplotlib's). Also made from
    a matplotlib FontProperties object, a dict (``prop=dict(size=8)``), a family name
    or a ``pathlib.Path`` (a font file, as matplotlib's ``font=Path(...)``)."""

    def __init__(self, family=None, style=None, variant=None, weight=None, stretch=None,
                 size=None, fname=None, math_fontfamily=None) -> None:
        self.fname = None if fname is None else check_fname(fname)
        if self.fname is not None and size is None:
            from .style import rcParams

            size = rcParams["font.size"]  # matplotlib's FontProperties: all set
        self.family = None if family is None else check_family(family)
        self.style = None if style is None else check_style(style)
        self.weight = None if weight is None else check_weight(weight)
        self.variant = None if variant is None else check_variant(variant)
        self.stretch = None if stretch is None else check_stretch(stretch)
        drawn_normal(self.variant, self.stretch)
        from .text import points

        self.size = None if size is None else points(size)

    @classmethod
    def coerce(cls, prop) -> FontProperties:
        if prop is None:
            return cls()
        if isinstance(prop, FontProperties):
            return prop
        if isinstance(prop, dict):
            known = {"family", "style", "weight", "size", "variant", "stretch", "fname"}
            aliases = {"fontsize": "size", "fontweight": "weight", "fontstyle": "style",
                       "fontfamily": "family"}
            d = {aliases.get(k, k): v for k, v in prop.items()}
            unknown = set(d) - known
            if unknown:
                raise TypeError(f"prop: unexpected keys {sorted(unknown)}")
            return cls(**d)
        if isinstance(prop, str):  # matplotlib's: a family (a pattern), never a path
            return cls(family=prop)
        if isinstance(prop, os.PathLike):
            return cls(fname=prop)
        getters = ("get_family", "get_style", "get_weight", "get_size_in_points")
        if all(hasattr(prop, g) for g in getters):  # matplotlib's FontProperties
            return cls(family=prop.get_family(), style=prop.get_style(),
                       weight=prop.get_weight(), size=prop.get_size_in_points(),
                       variant=getattr(prop, "get_variant", lambda: None)(),
                       stretch=getattr(prop, "get_stretch", lambda: None)(),
                       fname=getattr(prop, "get_file", lambda: None)())
        raise TypeError(f"prop: got {type(prop).__name__}, expected a FontProperties, a "
                        "dict, a family name or a pathlib.Path of a font file")

    def get_size_in_points(self) -> float | None:
        return self.size

    def get_file(self) -> str | None:
        """The font file's path, or None (a bundled face by family, style, weight)."""
        return self.fname

    def set_file(self, file) -> None:
        """Draw with the font file at ``file`` (None: by family, style and weight)."""
        self.fname = None if file is None else check_fname(file)

    # matplotlib's getters: what was set, else the default
    def get_family(self) -> list:
        """The font families, first preferred."""
        return list(self.family or ("sans-serif",))

    def get_style(self) -> str:
        """'normal', 'italic' or 'oblique'."""
        return self.style or "normal"

    def get_weight(self) -> str | int:
        """The weight as set (a name or a number), else 'normal'."""
        return "normal" if self.weight is None else self.weight

    def get_variant(self) -> str:
        """'normal' or 'small-caps' as set."""
        return self.variant or "normal"

    def get_stretch(self) -> str | int:
        """The stretch as set (a name or a number), else 'normal'."""
        return "normal" if self.stretch is None else self.stretch

    def get_size(self) -> float:
        """The size in points (the ``font.size`` default where none was set)."""
        from .style import rcParams

        return float(rcParams["font.size"]) if self.size is None else self.size

    def apply_to(self, target) -> None:
        """Set ``target``'s family, style, weight and size (a Text style, tick labels,
        legend text: anything with matplotlib's ``set_font*`` setters) to this font's;
        what it leaves None stays, but its font file (or none) replaces the target's.
        A font file on a target that draws bundled faces only is a TypeError. Every
        ``set_fontproperties`` goes through here."""
        set_file = getattr(target, "set_font_file", None)
        if set_file is None and self.fname is not None:
            raise TypeError(f"font: {type(target).__name__} draws lumos's bundled faces "
                            f"only; got the font file {self.fname!r}")
        for value, setter in ((self.family, target.set_fontfamily),
                              (self.style, target.set_fontstyle),
                              (self.weight, target.set_fontweight),
                              (self.size, target.set_fontsize),
                              # texts that keep them (tick labels draw 'normal' only, and
                              # __init__ warned about any other)
                              (self.variant, getattr(target, "set_fontvariant", None)),
                              (self.stretch, getattr(target, "set_fontstretch", None))):
            if value is not None and setter is not None:
                setter(value)
        if set_file is not None:
            set_file(self.fname)  # a new font replaces a file as matplotlib's does

    def face(self) -> Face:
        return face_of(self.family, self.style, self.weight, self.fname)
