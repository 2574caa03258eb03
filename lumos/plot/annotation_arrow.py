"""``Annotation.arrow_patch``: the arrow of an annotation made with ``arrowprops``, as
matplotlib's FancyArrowPatch is reached there (``txt.arrow_patch.set_path_effects``,
``.set_color``, ...). lumos draws the arrow from the annotation's ``arrowprops``; each
setter here writes them, so the next draw shows it.

Path effects on the arrow: ``Stroke`` / ``withStroke`` (the arrow's lines and outline
drawn wider in the stroke's color first) and ``Normal``, as matplotlib draws them on a
patch; other effects raise TypeError naming them.
"""

from __future__ import annotations

from .. import colors
from . import validate
from .effects import Normal, Stroke, read_effects


class ArrowPatch:
    """The arrow of an annotation, with matplotlib's FancyArrowPatch setters and getters
    for what lumos draws: colors, line width, arrow and connection style, mutation
    scale, path effects."""

    stands_for = "FancyArrowPatch"  # matplotlib's class (lumos.plot.introspect.findobj)

    def __init__(self, annotation) -> None:
        self.annotation = annotation
        self._effects: list = []

    def _set(self, **props) -> None:
        self.annotation.update_arrowprops(props)

    def _get(self, *keys, default=None):
        props = self.annotation.arrowprops
        return next((props[k] for k in keys if k in props), default)

    def set_color(self, color) -> None:
        """The edge and face color."""
        self._set(color=_color(color, "color"))

    def set_edgecolor(self, color) -> None:
        """The color of the arrow's lines ('none': none)."""
        self._set(edgecolor=_color(color, "edgecolor"))

    def set_facecolor(self, color) -> None:
        """The color of the arrow's filled head (and body, for filled styles)."""
        self._set(facecolor=_color(color, "facecolor"))

    def set_linewidth(self, width) -> None:
        """The width of the arrow's lines in points."""
        self._set(linewidth=validate.number(width, "linewidth"))

    set_ec, set_fc, set_lw = set_edgecolor, set_facecolor, set_linewidth

    def get_linewidth(self) -> float:
        """The width of the arrow's lines in points."""
        width = self.annotation.arrow_line_width()
        return 0.0 if width is None else width / self.annotation.axes.figure.points_to_pixels(1)

    get_lw = get_linewidth

    def set_arrowstyle(self, arrowstyle) -> None:
        """The arrow style ('->', '-|>', 'fancy', ... or matplotlib's ArrowStyle)."""
        self._set(arrowstyle=arrowstyle)

    def get_arrowstyle(self):
        """The arrow style as given (None: matplotlib's default filled arrow)."""
        return self._get("arrowstyle")

    def set_connectionstyle(self, connectionstyle) -> None:
        """The connection style ('arc3,rad=0.2', 'angle3', ...)."""
        self._set(connectionstyle=connectionstyle)

    def get_connectionstyle(self):
        """The connection style as given (None: straight, 'arc3')."""
        return self._get("connectionstyle")

    def set_mutation_scale(self, scale) -> None:
        """The size of the head, in points (default: the text's font size)."""
        self._set(mutation_scale=validate.number(scale, "mutation_scale"))

    def get_mutation_scale(self) -> float:
        """The size of the head in points."""
        return float(self._get("mutation_scale", default=self.annotation.get_fontsize()))

    def set_path_effects(self, path_effects) -> None:
        """matplotlib's path effects on the arrow: Stroke, withStroke and Normal."""
        effects = read_effects(path_effects, "patch")
        for e in effects:
            if not isinstance(e, (Normal, Stroke)):
                raise TypeError(f"path_effects: lumos draws Normal, Stroke and withStroke on "
                                f"an annotation's arrow; got {type(e).__name__}")
        self._effects = effects
        self._set()

    def get_path_effects(self) -> list:
        """The arrow's path effects (lumos's effect objects)."""
        return list(self._effects)

    def set(self, **kwargs) -> None:
        """Several properties at once, each by its setter."""
        validate.set_by_setters(self, kwargs, "FancyArrowPatch.set")

    def get_visible(self) -> bool:
        """Whether the arrow is drawn (with its annotation)."""
        return self.annotation.get_visible()

    def __repr__(self) -> str:
        return f"<FancyArrowPatch of {self.annotation!r}>"


def _color(color, argname: str):
    """``color`` as given ('none' kept: no edge), checked."""
    if not (isinstance(color, str) and color.lower() == "none"):
        colors.to_rgba(color, argname=argname)
    return color
