"""Path effects on patches (``Circle(..., path_effects=[...])``), drawn as matplotlib's
renderer draws them: each effect in list order, ``Normal`` (or a ``with...`` effect)
drawing the patch itself, anything before it under the patch and anything after it over.

- ``Stroke``: the patch again (its fill and hatch) with an edge ``linewidth`` points wide
  in ``foreground``, offset by ``offset`` points;
- ``SimplePatchShadow``: the patch's outline filled in ``shadow_rgbFace`` (or ``rho``
  times its face color; white times ``rho`` without a face) at ``alpha``, no edge,
  offset by ``offset`` points (default (2, -2));
- ``SimpleLineShadow``: the patch's edge only, in ``shadow_color`` (or ``rho`` times its
  edge color) at ``alpha``, offset by ``offset`` points;
- ``TickedStroke``: ticks along the patch's outline (curves flattened), placed as on
  lines (:func:`lumos.plot.line_effects.ticks`), in the edge's color and width unless
  ``foreground``/``linewidth``.

The copies are more primitives paths in the patch's one ``Paths`` visual, before or
after its own (that visual draws in list order), so every device draws them. Offsets
and ticks are pixels: paths in data or axes units are offset through the view, and
rebuilt when the view moves (``needs_view``).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from .. import colors
from .. import primitives as prim
from ..path import Path
from .line_effects import effect_steps, needs_view, segments_polyline, ticks

# lumos.plot.effects (the effect classes) loads with the first effects set
# (set_path_effects' read_effects): the functions below run only with effects.


def _same(v):
    return v


_PIXELS = (_same, _same)  # vertices already in pixels


def _pixels(artist, units: str) -> tuple:
    """(to pixels, from pixels): functions between vertices in ``units`` and pixels
    (y up; pixels about anchors stay as they are)."""
    if units == "pixels":
        return _PIXELS
    t = artist.axes.transAxes if units == "axes" else artist.axes.transView
    return t.forward, t.inverse


def _rgb_times(rgba, rho: float, alpha: float) -> tuple:
    return (rgba[0] * rho, rgba[1] * rho, rgba[2] * rho, alpha)


def _ticks(step, p: prim.Path, frame, px_offset, px, alpha) -> prim.Path | None:
    """TickedStroke along every subpath of ``p`` (curves flattened), as on lines."""
    fwd, inv = frame
    polys = Path(fwd(p.vertices), p.codes).to_polygons(closed_only=False)
    segs = [ticks(poly + px_offset, px(step.spacing), step.angle, step.length)
            for poly in polys]
    segs = np.concatenate(segs) if segs else np.zeros((0, 2, 2))
    if not len(segs):
        return None
    edge = p.stroke.color if p.stroke is not None else (0.0, 0.0, 0.0, 1.0)
    color = edge if step.foreground is None else colors.to_rgba(
        step.foreground, alpha if step.alpha is None else step.alpha)
    width = px(step.linewidth) if step.linewidth is not None else \
        p.stroke.width if p.stroke is not None else px(1.0)
    return prim.Path(inv(segments_polyline(segs)), fill=None, clip=p.clip,
                     stroke=prim.Stroke(color, width))


def _copy(step, p: prim.Path, frame, px_offset, px, alpha) -> prim.Path | None:
    """The copy of the patch's path ``p`` that ``step`` draws (None: nothing)."""
    from .effects import Shadow, Stroke

    if not isinstance(step, (Stroke, Shadow)):
        return _ticks(step, p, frame, px_offset, px, alpha)
    fwd, inv = frame
    v = inv(fwd(p.vertices) + px_offset) if px_offset.any() else p.vertices
    if isinstance(step, Stroke):
        color = colors.to_rgba(step.foreground, alpha if step.alpha is None else step.alpha)
        s = p.stroke
        edge = prim.Stroke(color, px(step.linewidth)) if s is None else \
            replace(s, color=color, width=px(step.linewidth))
        return replace(p, vertices=v, stroke=edge)
    if step.line:  # SimpleLineShadow: the edge only
        if p.stroke is None:
            return None
        color = colors.to_rgba(step.color, step.alpha) if step.color is not None else \
            _rgb_times(p.stroke.color, step.rho, step.alpha)
        return replace(p, vertices=v, fill=None, hatch=None, hatch_color=None,
                       stroke=replace(p.stroke, color=color))
    color = colors.to_rgba(step.color, step.alpha) if step.color is not None else \
        _rgb_times(p.fill if p.fill is not None else (1.0, 1.0, 1.0), step.rho, step.alpha)
    return replace(p, vertices=v, fill=color, stroke=None, hatch=None, hatch_color=None)


def effect_paths(own: list[prim.Path], effects, px, alpha, frame=_PIXELS) -> list[prim.Path]:
    """The primitives paths of a patch with ``effects``: its ``own`` paths where the
    patch is drawn (a ``Normal`` or ``with...`` effect), the effects' copies around;
    ``px`` points to pixels, ``alpha`` the patch's, ``frame`` (to pixels, from pixels)
    of the paths' vertices (:func:`_pixels`; a legend's box is in pixels)."""
    out: list[prim.Path] = []
    for step in effect_steps(effects):
        if step == "line":
            out.extend(own)
            continue
        offset = np.array([px(v) for v in step.offset])
        out.extend(c for c in (_copy(step, p, frame, offset, px, alpha)
                               for p in own) if c is not None)
    return out


class PatchEffects:
    """Mixin of Patch: ``set_path_effects``/``get_path_effects`` and the paths they add."""

    _path_effects: list = []

    def set_path_effects(self, effects) -> None:
        """matplotlib's path effects (``Stroke``, ``withStroke``, ``Normal``,
        ``SimplePatchShadow``, ``withSimplePatchShadow``, ``SimpleLineShadow``,
        ``TickedStroke``, ``withTickedStroke``, or lumos's of :mod:`lumos.patheffects`)
        on the patch."""
        from .effects import read_effects

        read = read_effects(effects, on="patch")
        self._check_effects(read, self.axes)
        self._path_effects = read
        self._changed()

    @staticmethod
    def _check_effects(read: list, ax) -> None:
        """A TypeError for offsets on axes whose projection bends straight lines."""
        if needs_view(read) and ax is not None and not ax.transProjection.frozen().is_linear:
            raise TypeError("path_effects: offsets are drawn on rectilinear axes only; "
                            f"got {read!r} on {ax.name} axes")

    def _attach(self, ax) -> None:
        self._check_effects(self._path_effects, ax)
        super()._attach(ax)

    def get_path_effects(self) -> list:
        """The path effects (lumos's objects standing for matplotlib's)."""
        return list(self._path_effects)

    def effects_applied(self, own: list[prim.Path], units: str) -> list[prim.Path]:
        """The patch's paths with its effects: ``own`` without any."""
        if not self._path_effects:
            return own
        return effect_paths(own, self._path_effects, self.axes.figure.points_to_pixels,
                            self.get_alpha(), _pixels(self, units))

    def effects_view(self):
        """What the effects' paths depend on beyond the dpi: the view (offsets)."""
        if self._path_effects and needs_view(self._path_effects):
            return self.axes.view_state()
        return None
