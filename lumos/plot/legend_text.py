"""The label and title texts of a legend, as matplotlib's ``Text`` objects let scripts
change them (``leg.get_texts()``, ``leg.get_title()``): the legend draws what they hold
at each draw.

>>> leg = ax.legend()                                          # doctest: +SKIP
>>> plt.setp(leg.get_texts(), color="w", fontsize=8)           # doctest: +SKIP
>>> leg.get_title().set_fontweight("bold")                     # doctest: +SKIP
"""

from __future__ import annotations

from .. import colors
from . import validate
from .artists import check_picker
from .bbox import Bbox
from .effects import draw_with_effects, read_effects
from .fonts import FontProperties, check_family, check_style, check_weight, rc_font
from .text import measure
from .text_getters import TextPicking


class LegendText(TextPicking):
    """One text of a legend: its string, color (None: the legend's ``labelcolor``),
    size in points, font family, style and weight, alpha and visibility; a picker
    makes clicks inside it, where the legend last drew it, ``pick_event`` events."""

    def __init__(self, text: str, size: float, font: FontProperties) -> None:
        self._text = text
        self._size = float(size)
        # a legend's FontProperties takes rcParams' family, style and weight where not given
        self._family = rc_font("family") if font.family is None else font.family
        self._style = rc_font("style") if font.style is None else font.style
        self._weight = rc_font("weight") if font.weight is None else font.weight
        self._color = None
        self._alpha: float | None = None
        self._visible = True
        self._effects: list = []
        self._picker = None
        self._drawn: tuple | None = None  # (x, y, ha, va, size in pixels) at the last draw

    def __repr__(self) -> str:
        return f"LegendText({self._text!r})"

    # matplotlib's Text accessors
    def get_text(self) -> str:
        return self._text

    def set_text(self, s) -> None:
        self._text = "" if s is None else str(s)

    def get_color(self):
        """The color set on the text, or None (the legend's ``labelcolor`` rule)."""
        return self._color

    def set_color(self, color) -> None:
        colors.to_rgba(color, argname="color")  # refused now, not at the draw
        self._color = color

    def get_fontsize(self) -> float:
        return self._size

    def set_fontsize(self, size) -> None:
        from .text import points

        self._size = points(size)

    def get_fontweight(self):
        return self._weight if self._weight is not None else "normal"

    def set_fontweight(self, weight) -> None:
        self._weight = check_weight(weight)

    def get_fontstyle(self) -> str:
        return self._style if self._style is not None else "normal"

    def set_fontstyle(self, style) -> None:
        self._style = check_style(style)

    def get_fontfamily(self):
        return self._family

    def set_fontfamily(self, family) -> None:
        self._family = check_family(family)

    def set_fontproperties(self, prop) -> None:
        """Family, style, weight and size from a FontProperties, dict or family name."""
        FontProperties.coerce(prop).apply_to(self)

    def get_alpha(self) -> float | None:
        return self._alpha

    def set_alpha(self, alpha) -> None:
        self._alpha = None if alpha is None else validate.number(alpha, "alpha", 0.0, 1.0)

    def get_visible(self) -> bool:
        return self._visible

    def set_visible(self, visible: bool) -> None:
        self._visible = bool(visible)

    def set_path_effects(self, effects) -> None:
        """matplotlib's path effects on text (``withStroke``, ``Stroke``, ``Normal``,
        shadows: :func:`lumos.plot.effects.read_effects`)."""
        self._effects = read_effects(effects)

    def get_path_effects(self) -> list:
        """The path effects (lumos's objects standing for matplotlib's)."""
        return list(self._effects)

    set_size, get_size = set_fontsize, get_fontsize
    set_weight, get_weight = set_fontweight, get_fontweight
    set_style, get_style = set_fontstyle, get_fontstyle
    set_family, get_family = set_fontfamily, get_fontfamily
    set_font_properties = set_fontproperties
    set_c = set_color

    def set_picker(self, picker) -> None:
        """Make clicks on the text ``pick_event`` events: True, a number, a callable
        ``picker(text, mouseevent) -> (hit, props)``, or None/False (no picking)."""
        self._picker = check_picker(picker)

    def get_picker(self):
        """The picker set by ``set_picker``."""
        return self._picker

    def get_window_extent(self, renderer=None) -> Bbox:
        """The box the text covered at the legend's last draw, figure pixels (an empty
        box at the origin before the legend was drawn)."""
        if self._drawn is None:
            return Bbox.from_bounds(0.0, 0.0, 0.0, 0.0)
        x, y, ha, va, size = self._drawn
        w, h, d = measure(self._text, size, face=self.face())
        x0 = x - {"left": 0.0, "center": 0.5, "right": 1.0}[ha] * w
        y0 = {"top": y - h, "baseline": y - d}.get(va, y)
        return Bbox.from_bounds(x0, y0, w, h)

    def set(self, **kwargs) -> None:
        """Several properties at once by their setters (``fontsize=8, color='w'``)."""
        validate.set_by_setters(self, kwargs, "LegendText.set")

    def get_fontname(self) -> str:
        """The family name of the font drawing the text ('DejaVu Sans', 'DejaVu Serif',
        'DejaVu Sans Mono'), as matplotlib's."""
        return self._face().font_name

    get_name = get_fontname

    # what the legend reads at each draw
    def _face(self):
        return FontProperties(family=self._family, style=self._style,
                              weight=self._weight).face()

    def face(self) -> str:
        """The bundled face drawing the text ('sans', 'serif-bold', ...)."""
        return self._face().name

    def draw(self, ov, fig, x: float, y: float, default_color, ha: str, va: str) -> None:
        """The text at figure pixel (x, y) of ``fig``, in its color (else
        ``default_color``), with its path effects; remembered for picking."""
        size = fig.points_to_pixels(self._size)
        self._drawn = (x, y, ha, va, size)
        draw_with_effects(ov, fig, self._effects, [(x, y, self._text, ha, va)], size,
                          self.rgba(default_color), 0.0, self.face())

    def rgba(self, default) -> tuple:
        """The color to draw: the text's own, else ``default``; with its alpha."""
        return colors.to_rgba(default if self._color is None else self._color, self._alpha)
