"""Path effects (matplotlib's ``path_effects=[...]``). On text: strokes around the glyphs
(``withStroke``, ``Stroke`` + ``Normal``) drawn by thickening the glyphs' distance field
(the glyph outlines stroked where the field does not reach: the overlay's ``text``),
and offset shadows (``SimplePatchShadow``, ``withSimplePatchShadow``, ``SimpleLineShadow``).
On text also the glyph outlines as a patch (``PathPatchEffect``: :class:`PatchEffect`).
On lines the same objects, and :class:`TickedStroke`, are drawn by
:mod:`lumos.plot.line_effects`.

matplotlib's effect objects are read here (they keep their parameters in private
attributes; see tools/check_private.py), and lumos's own :class:`Stroke`,
:class:`Normal`, :class:`Shadow` do the same drawing.
"""

from __future__ import annotations

from .. import colors


class Normal:
    """The text itself."""

    draws_text = True

    def draw(self, ov, fig, s, x, y, size, rgba, ha, va, rotation, face, step=0) -> None:
        """Nothing extra: the text is drawn where the Normal is in the list."""


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

    def draw(self, ov, fig, s, x, y, size, rgba, ha, va, rotation, face, step=0) -> None:
        """The outline at ``step`` of the overlay's order (over the texts before it)."""
        color = colors.to_rgba(self.foreground, self.alpha)
        dx, dy = (fig.points_to_pixels(v) for v in self.offset)
        dilate = fig.points_to_pixels(self.linewidth) / 2
        ov.text(s, x + dx, y + dy, size, color, ha=ha, va=va, rotation=rotation, face=face,
                dilate=dilate, step=step)


class TickedStroke:
    """Ticks along a line, ``spacing`` points apart and ``length`` times that long, at
    ``angle`` degrees from the way the line runs (90: to its left); lines and patches.
    ``then_line`` draws the line too (matplotlib's ``withTickedStroke``)."""

    def __init__(self, offset=(0.0, 0.0), spacing: float = 10.0, angle: float = 45.0,
                 length: float = 2 ** 0.5, linewidth=None, foreground=None, alpha=None,
                 then_line: bool = False) -> None:
        self.offset = tuple(float(v) for v in offset)
        self.spacing = float(spacing)
        self.angle = float(angle)
        self.length = float(length)
        self.linewidth = linewidth
        self.foreground = foreground
        self.alpha = alpha
        self.draws_text = then_line


class Shadow:
    """The text offset by ``offset`` points in a darker, translucent color (matplotlib's
    ``SimplePatchShadow``: ``rho`` times the text color unless ``shadow_rgbFace``);
    ``line``: matplotlib's ``SimpleLineShadow`` (on patches the edge's shadow)."""

    def __init__(self, offset=(2.0, -2.0), shadow_rgbFace=None, alpha=None,  # noqa: N803
                 rho: float = 0.3, then_text: bool = False, line: bool = False) -> None:
        self.offset = tuple(float(v) for v in offset)
        self.line = line  # SimpleLineShadow: on patches, the edge's shadow (not the face's)
        self.color = shadow_rgbFace
        self.alpha = 0.3 if alpha is None else float(alpha)
        self.rho = float(rho)
        self.draws_text = then_text

    def shadow_of(self, rgba) -> tuple:
        """The shadow's color for what has color ``rgba``."""
        if self.color is None:
            r, g, b, _ = rgba
            return (r * self.rho, g * self.rho, b * self.rho, self.alpha)
        return colors.to_rgba(self.color, self.alpha)

    def draw(self, ov, fig, s, x, y, size, rgba, ha, va, rotation, face, step=0) -> None:
        """The shadow at ``step`` of the overlay's order (over the texts before it)."""
        color = self.shadow_of(rgba)
        dx, dy = (fig.points_to_pixels(v) for v in self.offset)
        ov.text(s, x + dx, y + dy, size, color, ha=ha, va=va, rotation=rotation, face=face,
                step=step)


class PatchEffect:
    """The glyph outlines drawn as a patch, ``offset`` points away (matplotlib's
    ``PathPatchEffect``): ``facecolor``, ``edgecolor`` (None: no edge) ``linewidth``
    points wide, dashes, joins and caps, and ``hatch`` in ``hatch_color``, lines
    ``hatch_linewidth`` points wide; the text itself is not drawn."""

    draws_text = False

    def __init__(self, offset=(0.0, 0.0), facecolor=None, edgecolor=None,
                 linewidth: float = 1.0, linestyle="-", joinstyle: str = "miter",
                 capstyle: str = "butt", hatch: str | None = None, hatch_color="k",
                 hatch_linewidth: float = 1.0) -> None:
        self.offset = tuple(float(v) for v in offset)
        self.facecolor = None if facecolor is None else colors.to_rgba(facecolor)
        self.edgecolor = None if edgecolor is None else colors.to_rgba(edgecolor)
        self.linewidth, self.linestyle = float(linewidth), linestyle
        self.joinstyle, self.capstyle = joinstyle, capstyle
        self.hatch = hatch or None
        self.hatch_color = colors.to_rgba(hatch_color)
        self.hatch_linewidth = float(hatch_linewidth)

    def draw(self, ov, fig, s, x, y, size, rgba, ha, va, rotation, face, step=0) -> None:
        """The outlines at ``step`` of the overlay's order (over the texts before it)."""
        from .. import primitives as prim
        from .style import dash_pattern

        px = fig.points_to_pixels
        dx, dy = (px(v) for v in self.offset)
        verts, codes = ov.text_outline(s, x + dx, y + dy, size, ha, va, rotation, face)
        width = px(self.linewidth)
        stroke = None
        if self.edgecolor is not None and self.edgecolor[3] > 0 and width > 0:
            stroke = prim.Stroke(self.edgecolor, width, dash_pattern(self.linestyle, width),
                                 join=self.joinstyle, cap=self.capstyle)
        ov.outline_path(prim.Path(verts, codes, fill=self.facecolor, stroke=stroke,
                                  hatch=self.hatch, hatch_color=self.hatch_color,
                                  hatch_width=px(self.hatch_linewidth)), step, fig.dpi)


def draw_with_effects(ov, fig, effects, lines, size: float, rgba, rotation: float,
                      face: str) -> None:
    """Text lines ``(x, y, string, ha, va)`` in figure pixels with their ``effects``,
    drawn as matplotlib's renderer draws them: each effect in list order, the text where
    a ``Normal`` (or after a ``with...`` effect) is, so an effect after it is over it."""
    if not effects:
        _text(ov, lines, size, rgba, rotation, face, {})
        return
    step = 0  # what follows a text lies over it (the overlay's order)
    for effect in effects:
        for x, y, s, ha, va in lines:
            effect.draw(ov, fig, s, x, y, size, rgba, ha, va, rotation, face, step)
        if effect.draws_text:
            _text(ov, lines, size, rgba, rotation, face, {"step": step})
            step += 1


def _text(ov, lines, size: float, rgba, rotation: float, face: str, kw: dict) -> None:
    for x, y, s, ha, va in lines:
        ov.text(s, x, y, size, rgba, ha=ha, va=va, rotation=rotation, face=face, **kw)


def _gc(e, names: tuple[str, ...]) -> dict:
    """The drawing settings of matplotlib's effect ``e`` (kept in its ``_gc``), only
    ``names`` of them: any other is refused by name, never dropped."""
    gc = dict(e._gc)
    rest = sorted(set(gc) - set(names))
    if rest:
        raise TypeError(f"path_effects: lumos cannot draw {type(e).__name__}'s {rest} "
                        f"(it draws {', '.join(names)})")
    return gc


def _from_matplotlib(e, on: str):
    import matplotlib.patheffects as pe

    offset = tuple(e._offset)
    if isinstance(e, pe.Normal):
        return Normal()
    if isinstance(e, pe.Stroke):
        gc = _gc(e, ("linewidth", "foreground", "alpha"))
        return Stroke(gc.get("linewidth", 2.0), gc.get("foreground", "k"), offset,
                      gc.get("alpha"), then_text=isinstance(e, pe.withStroke))
    if isinstance(e, pe.TickedStroke) and on in ("line", "patch"):
        gc = _gc(e, ("linewidth", "foreground", "alpha"))
        return TickedStroke(offset, e._spacing, e._angle, e._length, then_line=isinstance(
            e, pe.withTickedStroke), **gc)
    if isinstance(e, pe.SimplePatchShadow):
        return Shadow(offset, e._shadow_rgbFace, e._alpha, e._rho,
                      then_text=isinstance(e, pe.withSimplePatchShadow))
    if isinstance(e, pe.SimpleLineShadow):  # matplotlib has no withSimpleLineShadow
        return Shadow(offset, e._shadow_color, e._alpha, e._rho, line=True)
    if isinstance(e, pe.PathPatchEffect) and on == "text":
        return _patch_effect(e.patch, offset)
    drawn = "Normal, Stroke, withStroke, SimplePatchShadow, withSimplePatchShadow, " \
        "SimpleLineShadow" + (", PathPatchEffect" if on == "text" else "")
    drawn = drawn + (", TickedStroke, withTickedStroke" if on != "text" else "")
    raise TypeError(f"path_effects: lumos cannot draw matplotlib's {type(e).__name__} on "
                    f"{on}s (it draws {drawn})")


def _patch_effect(patch, offset) -> PatchEffect:
    """lumos's PatchEffect for matplotlib's PathPatchEffect, read from its public
    ``patch`` (a PathPatch)."""
    # matplotlib's get_facecolor/get_edgecolor hold the patch's alpha already
    face = tuple(patch.get_facecolor()) if patch.get_fill() else None
    edge = tuple(patch.get_edgecolor())
    return PatchEffect(offset, face, edge if edge[3] > 0 else None, patch.get_linewidth(),
                       patch.get_linestyle(), str(patch.get_joinstyle()),
                       str(patch.get_capstyle()), patch.get_hatch(),
                       tuple(patch.get_hatchcolor()), patch.get_hatch_linewidth())


def read_effects(effects, on: str = "text") -> list:
    """lumos effects for matplotlib's ``path_effects`` list (or lumos's own) on ``on``
    ('text', 'patch' or 'line': lines and patches take ticked strokes too)."""
    from .mpl_objects import is_matplotlib

    kinds = (Normal, Stroke, Shadow) + ((TickedStroke,) if on != "text" else (PatchEffect,))
    out = []
    for e in effects or ():
        if isinstance(e, kinds):
            out.append(e)
        elif is_matplotlib(e):
            out.append(_from_matplotlib(e, on))
        else:
            raise TypeError(f"path_effects: got {type(e).__name__}, expected matplotlib's "
                            f"path effects or lumos.plot.effects objects for {on}s")
    return out
