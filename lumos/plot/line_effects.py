"""Path effects on lines (``ax.plot(..., path_effects=[...])``), drawn as matplotlib's
renderer draws them: each effect in list order, ``Normal`` (or a ``with...`` effect)
drawing the line itself, anything before it under the line and anything after it over.

- ``Stroke``: the line again, ``linewidth`` points wide in ``foreground`` (its dashes
  kept), offset by ``offset`` points;
- ``SimpleLineShadow``: the line offset by ``offset`` points (default (2, -2)) in
  ``shadow_color`` (or ``rho`` times the line's color) at ``alpha``;
- ``TickedStroke``: ticks along the line, as matplotlib places them: ``spacing`` points
  apart along the line on screen, the first half a spacing in, ``length`` times
  ``spacing`` long, at ``angle`` degrees to the way the line runs.

Each is rows in the axes' Line batches (one draw per style, as the line's own). Offsets
and ticks are in pixels, so those rows are computed from the view when the batches are
built and again when the view moves (``needs_view``).
"""

from __future__ import annotations

import numpy as np

from .. import colors
from ..visuals import Line
from .artists import BatchItem
from .style import rcParams

# lumos.plot.effects (the effect classes) loads with the first effects set
# (set_path_effects' read_effects): the functions below run only with effects.

#: zorder between two steps of one line's effects: a hair, so that the steps keep
#: their order and nothing of another zorder comes between them
_STEP = 1e-6


def needs_view(effects) -> bool:
    """Whether the effects' rows depend on the view (offsets, ticks)."""
    from .effects import Shadow, Stroke, TickedStroke

    return any(isinstance(e, TickedStroke) or (isinstance(e, (Stroke, Shadow))
                                               and any(e.offset)) for e in effects)


def effect_steps(effects) -> list:
    """What is drawn, in order: the effects, and "line" where the line itself is."""
    from .effects import Normal

    out = []
    for e in effects:
        if not isinstance(e, Normal):
            out.append(e)
        if isinstance(e, Normal) or e.draws_text:
            out.append("line")
    return out


def draws_line(effects) -> bool:
    """Whether the line itself is drawn (no effects, or a Normal or ``with...`` one)."""
    return not effects or "line" in effect_steps(effects)


def _runs(pixels: np.ndarray) -> list[np.ndarray]:
    """The finite pieces of a polyline (NaN breaks it)."""
    ok = np.isfinite(pixels).all(axis=1)
    edges = np.flatnonzero(np.diff(np.r_[0, ok.astype(np.int8), 0]))
    return [pixels[a:b] for a, b in zip(edges[::2], edges[1::2], strict=True) if b - a >= 2]


def ticks(pixels: np.ndarray, spacing_px: float, angle: float, length: float) -> np.ndarray:
    """(N, 2, 2) tick segments along a polyline in pixels (matplotlib's TickedStroke)."""
    theta = -np.radians(angle)
    rot = np.array([[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]])
    out = []
    for p in _runs(np.asarray(pixels, dtype=float)):
        x, y = p[:, 0], p[:, 1]
        s = np.r_[0.0, np.cumsum(np.hypot(np.diff(x), np.diff(y)))]
        num = int(np.ceil(s[-1] / spacing_px)) - 1
        if num <= 0:
            continue
        st = np.linspace(spacing_px / 2, s[-1] - spacing_px / 2, num)
        xt, yt = np.interp(st, s, x), np.interp(st, s, y)
        ds = spacing_px * 1e-3  # the way the line runs at each tick
        u, v = np.interp(st + ds, s, x) - xt, np.interp(st + ds, s, y) - yt
        n = np.hypot(u, v)
        uv = np.c_[u, v] / np.where(n == 0, 1.0, n)[:, None]
        d = uv @ rot * length * spacing_px
        out.append(np.stack([np.c_[xt, yt], np.c_[xt, yt] + d], axis=1))
    return np.concatenate(out) if out else np.zeros((0, 2, 2))


def segments_polyline(segs: np.ndarray) -> np.ndarray:
    """Segments as one polyline broken by NaN rows (what a Line batch member takes)."""
    rows = np.full((len(segs), 3, 2), np.nan)
    rows[:, :2] = segs
    return rows.reshape(-1, 2)[:-1] if len(segs) else np.zeros((0, 2))


def effect_items(line, main: BatchItem | None, effects) -> list[BatchItem]:
    """The batch items of ``line`` (a Line2D) with ``effects``: the effects' rows and
    the line's own ``main`` item (None: no line drawn) where the line is drawn."""
    from .effects import Shadow, Stroke, TickedStroke

    if main is None:
        return []
    steps = effect_steps(effects)
    at = steps.index("line") if "line" in steps else len(steps)
    ax = line.axes
    px = ax.figure.points_to_pixels
    style = dict(main.style)
    rgba = line.line_rgba()
    pixels = None
    items = []
    for i, step in enumerate(steps):
        order = main.order + (i - at) * _STEP
        if step == "line":
            if i == at:
                items.append(main)
            continue
        offset = np.array([px(v) for v in step.offset])
        if pixels is None and (offset.any() or isinstance(step, TickedStroke)):
            pixels = ax.transView.forward(main.pos)
        pos = main.pos if not offset.any() else ax.transView.inverse(pixels + offset)
        own = dict(style)
        if isinstance(step, Stroke):
            own["width"] = px(step.linewidth)
            color = colors.to_rgba(step.foreground, line.get_alpha() if step.alpha is None
                                   else step.alpha)
        elif isinstance(step, Shadow):
            color = colors.to_rgba(step.color, step.alpha) if step.color is not None else \
                (rgba[0] * step.rho, rgba[1] * step.rho, rgba[2] * step.rho, step.alpha)
        else:
            if step.linewidth is not None:
                own["width"] = px(step.linewidth)
            color = rgba if step.foreground is None else colors.to_rgba(
                step.foreground, line.get_alpha() if step.alpha is None else step.alpha)
            segs = ticks(pixels + offset, px(step.spacing), step.angle, step.length)
            pos = ax.transView.inverse(segments_polyline(segs)) if len(segs) else None
        if pos is not None and len(pos) >= 2:
            items.append(BatchItem(Line, tuple(own.items()), order, pos, color,
                                   changed={"pos": True}, part="effects"))
    return items


def legend_strokes(line, effects, width_px: float, fontsize_px: float) -> tuple:
    """The effects of a legend handle's line, as matplotlib copies them onto it:
    (``LegendHandle.strokes`` rows under the line, rows over it)."""
    from .effects import Shadow, Stroke

    px = line.axes.figure.points_to_pixels
    rgba = line.line_rgba()
    under: list = []
    out = under
    for e in effect_steps(effects):
        if e == "line":
            out = []  # what follows the line's Normal lies over it
            continue
        ox, oy = (px(v) for v in e.offset)
        along = np.array([[0.0, ox, oy], [1.0, ox, oy]])
        if isinstance(e, Stroke):
            out.append((along, colors.to_rgba(e.foreground, e.alpha), px(e.linewidth), None))
        elif isinstance(e, Shadow):
            color = colors.to_rgba(e.color, e.alpha) if e.color is not None else \
                (rgba[0] * e.rho, rgba[1] * e.rho, rgba[2] * e.rho, e.alpha)
            out.append((along, color, width_px, None))
        else:
            length = float(rcParams["legend.handlelength"]) * fontsize_px
            color = rgba if e.foreground is None else colors.to_rgba(e.foreground, e.alpha)
            w = width_px if e.linewidth is None else px(e.linewidth)
            for (x0, y0), (x1, y1) in ticks(np.array([[0.0, 0.0], [length, 0.0]]),
                                            px(e.spacing), e.angle, e.length):
                out.append((np.array([[0.0, x0 + ox, y0 + oy], [0.0, x1 + ox, y1 + oy]]),
                            color, w, None))
    return tuple(under), tuple(out) if out is not under else ()


class PathEffects:
    """Mixin of Line2D: ``set_path_effects``/``get_path_effects`` and the effects' part
    of its batch items and legend handle."""

    #: whether path effects are drawn (lines drawn by a visual of their own do not)
    draws_effects = True
    _path_effects: list = []
    _effects_view = None  # the view the pixel-dependent rows were computed for

    def set_path_effects(self, effects) -> None:
        """matplotlib's path effects (``Stroke``, ``withStroke``, ``Normal``,
        ``SimpleLineShadow``, ``withSimpleLineShadow``, ``TickedStroke``,
        ``withTickedStroke``, or lumos's of :mod:`lumos.patheffects`) on the line; its
        markers are drawn as they are."""
        from .compat import warn_once
        from .effects import read_effects

        read = read_effects(effects, on="line")
        if read and not self.draws_effects:
            raise TypeError(f"path_effects: {type(self).__name__} draws no path effects; "
                            f"got {effects!r}, expected None or []")
        if needs_view(read) and self.axes is not None and \
                not self.axes.transProjection.frozen().is_linear:
            raise TypeError("path_effects: offsets and ticked strokes are drawn on "
                            f"rectilinear axes only; got {effects!r} on {self.axes.name} axes")
        if read and self.get_marker() not in (None, "None", "none", ""):
            warn_once("line effects markers", "path_effects: lumos draws them on the line, "
                      "not on its markers")
        self._path_effects = read
        self._effects_view = None
        self._changed()

    def get_path_effects(self) -> list:
        """The path effects (lumos's objects standing for matplotlib's)."""
        return list(self._path_effects)

    def effects_applied(self, main: BatchItem | None) -> list[BatchItem]:
        """The line's items with its effects: ``[main]`` without any."""
        if not self._path_effects:
            return [] if main is None else [main]
        if needs_view(self._path_effects):
            self._effects_view = self.axes.view_state()
        return effect_items(self, main, self._path_effects)

    def effects_moved(self) -> bool:
        """Whether the view moved since the effects' pixel rows were computed."""
        return self._effects_view is not None and \
            self._effects_view != self.axes.view_state()

    def effects_legend(self, line: tuple | None, fontsize_px: float) -> tuple:
        """(the handle's line or None when the effects hide it, strokes under it,
        strokes over it)."""
        if not self._path_effects or line is None:
            return line, (), ()
        shown = line if draws_line(self._path_effects) else None
        return (shown,) + legend_strokes(self, self._path_effects, line[1], fontsize_px)
