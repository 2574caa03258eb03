"""matplotlib's Text getters shared by every text-like object (Text artists, titles, tick
and axis labels): the aliases and the properties lumos draws one way only, on top of the
primitive getters each object has (``get_fontfamily``, ``get_fontstyle``,
``get_fontweight``, ``get_fontsize``, ``get_color``)."""

from __future__ import annotations

from .fonts import FontProperties, face_of


class TextGetters:
    """Mixin: matplotlib's derived Text getters."""

    def get_fontvariant(self) -> str:
        """'normal': lumos draws no small caps (``set_fontvariant`` warns otherwise)."""
        return "normal"


    def get_math_fontfamily(self) -> str:
        """'dejavusans': the font lumos draws math with (matplotlib's default)."""
        return "dejavusans"

    def get_usetex(self) -> bool:
        """False: lumos has no LaTeX (``usetex=True`` warns and draws mathtext)."""
        return False

    def get_antialiased(self) -> bool:
        """True: lumos always smooths text (``antialiased=False`` warns)."""
        return True

    def get_fontfeatures(self) -> None:
        """None: lumos sets no OpenType features (matplotlib's default)."""
        return None

    def get_language(self) -> None:
        """None: no language given (matplotlib's default)."""
        return None

    def get_font_file(self) -> str | None:
        """The font file that draws the text (``font=Path(...)``), or None: a bundled
        face by family, style and weight."""
        return None

    def get_fontname(self) -> str:
        """The name of the face that draws the text ('DejaVu Sans', 'DejaVu Serif',
        'DejaVu Sans Mono', or a font file's family), as matplotlib names the font file
        it found."""
        return face_of(self.get_fontfamily(), self.get_fontstyle(),
                       self.get_fontweight(), self.get_font_file()).font_name

    def get_fontproperties(self) -> FontProperties:
        """The font (family, style, weight, size, file) as a FontProperties."""
        return FontProperties(family=self.get_fontfamily(), style=self.get_fontstyle(),
                              weight=self.get_fontweight(), size=self.get_fontsize(),
                              variant=self.get_fontvariant(), stretch=self.get_stretch(),
                              fname=self.get_font_file())

    # matplotlib's aliases
    def get_name(self) -> str:
        """``get_fontname``."""
        return self.get_fontname()

    def get_weight(self):
        """``get_fontweight``."""
        return self.get_fontweight()

    def get_style(self) -> str:
        """``get_fontstyle``."""
        return self.get_fontstyle()

    def get_family(self) -> list:
        """``get_fontfamily``."""
        return self.get_fontfamily()

    def get_variant(self) -> str:
        """``get_fontvariant``."""
        return self.get_fontvariant()

    def get_stretch(self) -> str:
        """'normal': lumos draws one width (``set_fontstretch`` warns otherwise)."""
        return "normal"

    def get_font(self) -> FontProperties:
        """``get_fontproperties``."""
        return self.get_fontproperties()

    def get_font_properties(self) -> FontProperties:
        """``get_fontproperties``."""
        return self.get_fontproperties()

    def get_size(self) -> float:
        """``get_fontsize``."""
        return self.get_fontsize()

    def get_c(self):
        """``get_color``."""
        return self.get_color()


def text_hit(text, mouseevent) -> tuple[bool, dict]:
    """matplotlib's ``Text.contains``: whether a click falls in the box a shown text
    covers (its window extent)."""
    if not text.get_visible() or mouseevent.x is None:
        return False, {}
    return bool(text.get_window_extent().contains(mouseevent.x, mouseevent.y)), {}


class TextPicking:
    """Mixin: ``pick_event`` for a text-like object (titles, axis and tick labels); the
    object declares ``get_picker`` and ``get_window_extent``."""

    def pickable(self) -> bool:
        """Whether the text has a picker."""
        return self.get_picker() not in (None, False)

    def pick_tolerance(self) -> float:
        """Unused by texts (a click inside the box picks them); 0 points."""
        return 0.0

    def pick_hit(self, mouseevent) -> tuple[bool, dict]:
        """Whether a click picks the text: inside the box it covers."""
        return text_hit(self, mouseevent)
