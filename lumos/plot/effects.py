"""Path effects on text (matplotlib's ``path_effects=[...]``): strokes around the glyphs
(``withStroke``, ``Stroke`` + ``Normal``) drawn by thickening the glyphs' distance field,
and offset shadows (``SimplePatchShadow``, ``withSimplePatchShadow``, ``SimpleLineShadow``).

matplotlib's effect objects are read here (they keep their parameters in private
attributes; see tools/check_private.py), and lumos's own :class:`Stroke`,
:class:`Normal`, :class:`Shadow` do the same drawing.
"""

from __future__ import annotations

from .. import colors
from .compat import warn_once


class Normal:
    """The text itself."""

    draws_text = True

    def draw(self, ov, fig, s, x, y, size, rgba, ha, va, rotation, face) -> None:
        """Nothing extra: the text is drawn after the effects."""


class Stroke:
    """An outline ``linewidth`` points wide around the glyphs in ``foreground``;
    ``then_text`` draws the text on top (matplotlib's ``withStroke``)."""

    def __init__(self, linewidth: float = 2.0, foreground="k", offset=(0.0, 0.0),
                 alpha=None, then_text: bool = False) -> None:
        self.linewidth = float(linewidth)
        self.foreground = foreground
        self.offset = tuple(float(v) for v in offset)
        self.alpha = alpha
        self.draws_text = then_text

    def draw(self, ov, fig, s, x, y, size, rgba, ha, va, rotation, face) -> None:
        color = colors.to_rgba(self.foreground, self.alpha)
        dx, dy = (fig.points_to_pixels(v) for v in self.offset)
        reach = size * 8 / 48  # the glyph distance field's reach (its spread)
        dilate = fig.points_to_pixels(self.linewidth) / 2
        if dilate > reach:
            warn_once("stroke reach", f"path_effects: a stroke of {self.linewidth:g} points "
                      f"is wider than lumos can draw at this font size; drawn {reach:.1f} px")
            dilate = reach
        ov.text(s, x + dx, y + dy, size, color, ha=ha, va=va, rotation=rotation, face=face,
                dilate=dilate)


class Shadow:
    """The text offset by ``offset`` points in a darker, translucent color (matplotlib's
    ``SimplePatchShadow``: ``rho`` times the text color unless ``shadow_rgbFace``)."""

    def __init__(self, offset=(2.0, -2.0), shadow_rgbFace=None, alpha=None,  # noqa: N803
                 rho: float = 0.3, then_text: bool = False) -> None:
        self.offset = tuple(float(v) for v in offset)
        self.color = shadow_rgbFace
        self.alpha = 0.3 if alpha is None else float(alpha)
        self.rho = float(rho)
        self.draws_text = then_text

    def draw(self, ov, fig, s, x, y, size, rgba, ha, va, rotation, face) -> None:
        if self.color is None:
            r, g, b, _ = rgba
            color = (r * self.rho, g * self.rho, b * self.rho, self.alpha)
        else:
            color = colors.to_rgba(self.color, self.alpha)
        dx, dy = (fig.points_to_pixels(v) for v in self.offset)
        ov.text(s, x + dx, y + dy, size, color, ha=ha, va=va, rotation=rotation, face=face)


def _from_matplotlib(e):
    import matplotlib.patheffects as pe

    offset = tuple(e._offset)
    if isinstance(e, pe.Normal):
        return Normal()
    if isinstance(e, pe.Stroke):
        gc = dict(e._gc)
        return Stroke(gc.pop("linewidth", 2.0), gc.pop("foreground", "k"), offset,
                      gc.pop("alpha", None), then_text=isinstance(e, pe.withStroke))
    if isinstance(e, pe.SimplePatchShadow):
        return Shadow(offset, e._shadow_rgbFace, e._alpha, e._rho,
                      then_text=isinstance(e, pe.withSimplePatchShadow))
    if isinstance(e, pe.SimpleLineShadow):
        return Shadow(offset, e._shadow_color, e._alpha, e._rho,
                      then_text=isinstance(e, pe.withSimpleLineShadow))
    raise TypeError(f"path_effects: lumos cannot draw matplotlib's {type(e).__name__} on "
                    "text (it draws Normal, Stroke, withStroke, SimplePatchShadow, "
                    "withSimplePatchShadow, SimpleLineShadow)")


def read_effects(effects) -> list:
    """lumos effects for matplotlib's ``path_effects`` list (or lumos's own)."""
    from .mpl_objects import is_matplotlib

    out = []
    for e in effects or ():
        if isinstance(e, (Normal, Stroke, Shadow)):
            out.append(e)
        elif is_matplotlib(e):
            out.append(_from_matplotlib(e))
        else:
            raise TypeError(f"path_effects: got {type(e).__name__}, expected matplotlib's "
                            "path effects or lumos.plot.effects objects")
    return out
