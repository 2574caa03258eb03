"""The bars of ``bar``, ``barh`` and ``hist`` (:class:`BarCollection`: all bars of a call
in one Mesh and one Line) and the :class:`Rectangle` handle of each bar.
"""

from __future__ import annotations

import numpy as np

from .. import colors
from ..visuals import Paths
from ..visuals.path import hatch_counts
from .artists import LegendHandle
from .collections import (
    Collection,
    check_alpha,
    color_rows,
    cycle_rows,
    finite_limits_xy,
    hatch_rgba,
    set_hatches,
    to_scale,
)
from .legend_best import Obstacles
from .selection import inside_polygon
from .style import rcParams


def _bar_widths(linewidth, n: int) -> np.ndarray | None:
    """The edge width of each of ``n`` bars in points when ``linewidth`` gives one per bar
    (a sequence of n, or of 1, as matplotlib broadcasts them); None for one number."""
    if linewidth is None or np.ndim(linewidth) == 0 or isinstance(linewidth, str):
        return None
    widths = np.asarray(linewidth, dtype=float).ravel()
    if widths.size not in (1, n):
        raise ValueError(f"linewidth: got {widths.size} widths for {n} bars, expected 1 "
                         f"or {n}")
    if not np.all(np.isfinite(widths) & (widths >= 0)):
        raise ValueError(f"linewidth: got {linewidth!r}, expected numbers >= 0")
    return np.broadcast_to(widths, (n,)).copy()


class BarCollection(Collection):
    """All bars of one ``bar``/``barh`` call: one Mesh for the faces, one Line for edges,
    and the hatches (one per bar, or None) in one Paths visual between them."""

    #: its label is its BarContainer's, which matplotlib's legends list after the axes'
    #: other artists; ``hist``'s bars are labelled by their first patch, listed in order
    legend_as_container = True
    _as_patch = True  # matplotlib's Rectangles

    def __init__(self, axes, left, bottom, width, height, facecolor, edgecolor, linewidth,
                 linestyle="-", alpha=None, label=None, zorder=None,
                 orientation="vertical", hatch=None, hatchcolor=None) -> None:
        self._hatch_paths = Paths()
        self._hatched = False
        n = len(np.atleast_1d(left))
        # matplotlib gives each bar its own edge width: one edge draw per distinct width
        widths = _bar_widths(linewidth, n)
        self._widths = widths
        super().__init__(axes, facecolor=facecolor, edgecolor=edgecolor,
                         linewidth=linewidth if widths is None else widths[:1],
                         linestyle=linestyle, alpha=alpha, label=label, zorder=zorder,
                         n_lines=1 if widths is None else max(len(np.unique(widths)), 1))
        self._xywh = np.c_[left, bottom, width, height].astype(float)
        self._hatches = _hatch_rows(hatch, n)
        self._hatchcolors = _hatchcolor_rows(hatchcolor, n)
        # per-bar colors (matplotlib gives each Rectangle its own)
        self._facecolors = cycle_rows(self._facecolors, n, None)
        self._edgecolors = cycle_rows(self._edgecolors, n, None)
        self._bar_visible = np.ones(n, dtype=bool)
        self.bar_labels: list[str] | None = None  # one legend label per bar (label=[...])
        self.bars: list = []  # the Rectangle of each bar (the legend lists them, labelled)
        self.orientation = orientation
        stick = self._xywh[:, 1] if orientation == "vertical" else self._xywh[:, 0]
        self.sticky = (np.zeros(0), stick.copy()) if orientation == "vertical" else \
            (stick.copy(), np.zeros(0))
        self.rescale()

    def legend_members(self) -> list:
        """Itself, or each bar when the bars have a label each (``label=[...]``)."""
        return list(self.bars) if self.bar_labels is not None else [self]

    def pick_members(self) -> list:
        """Each bar (matplotlib picks a bar's Rectangle; its hit test follows the
        projection's bent outline), or itself when it has none."""
        return list(self.bars) if self.bars else [self]

    def _corners(self) -> tuple[np.ndarray, ...]:
        x0, y0, w, h = self._xywh.T
        return x0, x0 + w, y0, y0 + h

    def legend_obstacles(self) -> Obstacles:
        """Each bar's box (matplotlib's bars are Rectangles)."""
        x0, x1, y0, y1 = (c[self._bar_visible] for c in self._corners())
        fwd = self.axes.transData.forward
        return Obstacles.extents(np.c_[fwd(np.c_[x0, y0]), fwd(np.c_[x1, y1])])

    def _build(self):
        ax = self.axes
        keep = self._bar_visible & np.isfinite(self._xywh).all(axis=1)
        x0, x1, y0, y1 = (c[keep] for c in self._corners())
        sx0, sx1 = to_scale(ax.xaxis, x0), to_scale(ax.xaxis, x1)
        sy0, sy1 = to_scale(ax.yaxis, y0), to_scale(ax.yaxis, y1)
        n = len(sx0)
        face = cycle_rows(self._facecolors[keep], n, self._alpha)
        edge = cycle_rows(self._edgecolors[keep], n, self._alpha)
        # a bar is a strip of k quads along x: k = 1 unless the projection bends its
        # x edges (polar bars: arcs)
        steps = ax.edge_steps(np.c_[sx0, sy1], np.c_[sx1, sy1]) if n else np.zeros(0, int)
        verts, faces, cols, outlines, start = [], [], [], [], 0
        for k in np.unique(steps):
            sel = steps == k
            m = int(sel.sum())
            t = np.linspace(0.0, 1.0, k + 1)
            xs = sx0[sel, None] + (sx1 - sx0)[sel, None] * t  # (m, k + 1)
            bottom = np.stack([xs, np.broadcast_to(sy0[sel, None], xs.shape)], axis=-1)
            top = np.stack([xs, np.broadcast_to(sy1[sel, None], xs.shape)], axis=-1)
            verts.append(np.concatenate([bottom, top], axis=1).reshape(-1, 2))
            i = np.arange(k)
            quad = np.r_[np.c_[i, i + 1, k + 2 + i], np.c_[i, k + 2 + i, k + 1 + i]]
            faces.append((quad[None] + start + 2 * (k + 1) * np.arange(m)[:, None, None])
                         .reshape(-1, 3))
            cols.append(np.repeat(face[sel], 2 * (k + 1), axis=0))
            ring = np.concatenate([bottom, top[:, ::-1], bottom[:, :1]], axis=1)
            outlines.extend(ring)
            start += m * 2 * (k + 1)
        order = np.concatenate([np.flatnonzero(steps == k) for k in np.unique(steps)]) \
            if n else np.zeros(0, int)
        fill = (self._view(np.concatenate(verts)), np.concatenate(faces),
                np.concatenate(cols)) if n else None
        outlines = [self._view(o) for o in outlines]
        given = cycle_rows(self._hatchcolors[keep], n, self._alpha)[order]
        self._hatched = set_hatches(self._hatch_paths, ax.figure, outlines,
                                    self._hatches[keep][order],
                                    [hatch_rgba(g, e, self._alpha)
                                     for g, e in zip(given, edge[order], strict=True)])
        # one group per edge draw: per distinct width when bar() was given one per bar
        every = np.full(len(self._xywh), self._linewidth) if self._widths is None \
            else self._widths
        values = np.unique(every) if len(every) else np.array([self._linewidth])
        widths, edge = every[keep][order], edge[order]
        groups = [([outlines[i] for i in np.flatnonzero(widths == w)], edge[widths == w],
                   float(w), self._linestyle) for w in values]
        # set_linewidth may leave fewer distinct widths than edge draws: the rest is empty
        return fill, groups + [([], edge[:0], 0.0, None)] * (len(self._line_visuals)
                                                              - len(groups))

    def set_linewidth(self, lw) -> None:
        widths = _bar_widths(lw, len(self._xywh))
        if widths is not None and len(np.unique(widths)) > len(self._line_visuals):
            raise ValueError(f"linewidth: got {len(np.unique(widths))} different widths for "
                             f"bars made with {len(self._line_visuals)}; pass them to bar()")
        self._widths = widths
        super().set_linewidth(lw if widths is None else widths[:1])

    set_linewidths = set_linewidth

    def visuals(self) -> list:
        return [self._mesh, self._hatch_paths, *self._line_visuals]

    def _shown_flags(self) -> list:
        return [self._shown[0], self._hatched, *self._shown[1:]]

    def legend_handle(self, fontsize_px: float) -> LegendHandle:
        """The first bar's box, hatched as it is."""
        return LegendHandle(patch=self.legend_patch(), hatch=self.legend_hatch(0))

    def legend_hatch(self, i: int) -> tuple | None:
        """Bar ``i``'s hatch in a legend: ``(letters, rgba, width px, tile px)``."""
        if not len(self._hatches) or not self._hatches[i]:
            return None
        fig = self.axes.figure
        edge = cycle_rows(self._edgecolors[i:i + 1], 1, self._alpha)[0]
        given = cycle_rows(self._hatchcolors[i:i + 1], 1, self._alpha)[0]
        return (self._hatches[i], hatch_rgba(given, edge, self._alpha),
                fig.points_to_pixels(rcParams.get("hatch.linewidth", 1.0)), fig.dpi)

    def get_hatch(self):
        """The hatch of the first bar (matplotlib's Rectangle.get_hatch per bar)."""
        return self._hatches[0] if len(self._hatches) else None

    def set_hatch(self, hatch) -> None:
        """One hatch for every bar, or one per bar (cycled)."""
        self._hatches = _hatch_rows(hatch, len(self._xywh))
        self._restyle()

    def get_hatchcolor(self) -> tuple:
        """The hatch color of the first bar (matplotlib's Rectangle.get_hatchcolor)."""
        return self.bars[0].get_hatchcolor() if self.bars else (0.0, 0.0, 0.0, 1.0)

    def set_hatchcolor(self, color) -> None:
        """One hatch color for every bar (None: each bar's edge color)."""
        self._hatchcolors = _hatchcolor_rows(color, len(self._xywh))
        self._restyle()

    def data_limits(self):
        keep = self._bar_visible
        x0, x1, y0, y1 = (c[keep] for c in self._corners())
        return finite_limits_xy(np.r_[x0, x1], np.r_[y0, y1], self.axes)

    def get_facecolor(self) -> np.ndarray:
        return cycle_rows(self._facecolors, len(self._facecolors), self._alpha)

    def set_facecolor(self, c) -> None:
        self._facecolors = cycle_rows(color_rows(c, "facecolor"), len(self._xywh), None)
        self._restyle()

    def set_edgecolor(self, c) -> None:
        self._edgecolors = cycle_rows(color_rows(c, "edgecolor"), len(self._xywh), None)
        self._restyle()

    def set_color(self, c) -> None:
        self._facecolors = cycle_rows(color_rows(c, "color"), len(self._xywh), None)
        self._edgecolors = self._facecolors.copy()
        self._restyle()


def _hatch_rows(hatch, n: int) -> np.ndarray:
    """One hatch (a string of matplotlib's hatch letters, or None) per bar, cycled as
    matplotlib cycles ``bar(hatch=[...])``."""
    seq = [hatch] if hatch is None or isinstance(hatch, str) else list(hatch)
    if not seq:
        raise ValueError("hatch: got an empty sequence, expected a hatch or one per bar")
    for h in seq:
        hatch_counts(h)
    out = np.empty(n, dtype=object)
    out[:] = [seq[i % len(seq)] or None for i in range(n)]
    return out


def _hatchcolor_rows(color, n: int) -> np.ndarray:
    """The hatch color of each of ``n`` bars (one color for all, as matplotlib's ``bar``
    takes it): RGBA rows, NaN where the edge color decides (``hatchcolor=None``)."""
    if color is None:
        return np.full((n, 4), np.nan)
    return np.tile(colors.to_rgba(color, argname="hatchcolor"), (n, 1))


class Rectangle:
    """One bar of a :class:`BarContainer`, with matplotlib's Rectangle accessors.

    Bars are drawn together by their :class:`BarCollection`; a Rectangle reads and
    writes its row there."""

    def __init__(self, collection: BarCollection, index: int) -> None:
        self._c = collection
        self._i = index

    def __repr__(self) -> str:
        x, y, w, h = self._c._xywh[self._i]
        return f"Rectangle(xy=({x:g}, {y:g}), width={w:g}, height={h:g})"

    @property
    def axes(self):
        return self._c.axes

    @property
    def figure(self):
        """The figure the bar is in (its collection's)."""
        return self._c.figure

    def _set(self, col: int, value, argument: str) -> None:
        if isinstance(value, (str, bytes)):
            raise TypeError(f"{argument}: got str {value!r}, expected a number")
        axis = self._c.axes.xaxis if col in (0, 2) else self._c.axes.yaxis
        v = axis.convert(np.asarray([value]))[0]
        self._c._xywh[self._i, col] = float(v)
        self._c.rescale()

    def get_x(self) -> float:
        return float(self._c._xywh[self._i, 0])

    def get_y(self) -> float:
        return float(self._c._xywh[self._i, 1])

    def get_width(self) -> float:
        return float(self._c._xywh[self._i, 2])

    def get_height(self) -> float:
        return float(self._c._xywh[self._i, 3])

    def get_xy(self) -> tuple[float, float]:
        return self.get_x(), self.get_y()

    def get_center(self) -> tuple[float, float]:
        x, y, w, h = self._c._xywh[self._i]
        return float(x + w / 2), float(y + h / 2)

    def get_bbox(self) -> tuple[float, float, float, float]:
        """(x0, y0, x1, y1) in data units."""
        x, y, w, h = self._c._xywh[self._i]
        return float(x), float(y), float(x + w), float(y + h)

    def set_x(self, x) -> None:
        self._set(0, x, "x")

    def set_y(self, y) -> None:
        self._set(1, y, "y")

    def set_width(self, w) -> None:
        self._set(2, w, "width")

    def set_height(self, h) -> None:
        self._set(3, h, "height")

    def set_xy(self, xy) -> None:
        self.set_x(xy[0])
        self.set_y(xy[1])

    def get_facecolor(self) -> tuple:
        return tuple(cycle_rows(self._c._facecolors[self._i:self._i + 1], 1, self._c._alpha)[0])

    def get_edgecolor(self) -> tuple:
        return tuple(cycle_rows(self._c._edgecolors[self._i:self._i + 1], 1, self._c._alpha)[0])

    def set_facecolor(self, color) -> None:
        self._c._facecolors[self._i] = colors.to_rgba(color, argname="facecolor")
        self._c.rescale()

    def set_edgecolor(self, color) -> None:
        self._c._edgecolors[self._i] = colors.to_rgba(color, argname="edgecolor")
        self._c.rescale()

    def set_color(self, color) -> None:
        self.set_facecolor(color)
        self.set_edgecolor(color)

    def set_alpha(self, alpha) -> None:
        a = check_alpha(alpha)
        for rows in (self._c._facecolors, self._c._edgecolors):
            if rows[self._i, 3] > 0:
                rows[self._i, 3] = 1.0 if a is None else a
        self._c.rescale()

    def get_linewidth(self) -> float:
        widths = self._c._widths
        return self._c._linewidth if widths is None else float(widths[self._i])

    def get_hatch(self) -> str | None:
        return self._c._hatches[self._i]

    def set_hatch(self, hatch) -> None:
        hatch_counts(hatch)
        self._c._hatches[self._i] = hatch or None
        self._c.rescale()

    def get_hatchcolor(self) -> tuple:
        """This bar's hatch color as RGBA floats."""
        i = self._i
        return hatch_rgba(cycle_rows(self._c._hatchcolors[i:i + 1], 1, self._c._alpha)[0],
                            cycle_rows(self._c._edgecolors[i:i + 1], 1, self._c._alpha)[0],
                            self._c._alpha)

    def set_hatchcolor(self, color) -> None:
        """This bar's hatch color (None: its edge color)."""
        self._c._hatchcolors[self._i] = np.nan if color is None else \
            colors.to_rgba(color, argname="hatchcolor")
        self._c.rescale()

    def get_visible(self) -> bool:
        return bool(self._c._bar_visible[self._i]) and self._c.get_visible()

    def get_animated(self) -> bool:
        """The ``animated`` flag of the bars of its call (``bar(..., animated=True)``)."""
        return self._c.get_animated()

    def get_picker(self):
        """The picker of the bars of its call (``bar(..., picker=True)``)."""
        return self._c.get_picker()

    def pickable(self) -> bool:
        """Whether clicks on the bar make ``pick_event`` events (its call's picker)."""
        return self._c.pickable()

    def pick_tolerance(self) -> float:
        """Points around the bar that count as a hit (its call's)."""
        return self._c.pick_tolerance()

    def pick_hit(self, mouseevent) -> tuple[bool, dict]:
        """Whether a click falls on the bar (matplotlib's ``Rectangle.contains``)."""
        if not self.get_visible() or mouseevent.x is None:
            return False, {}
        ax = self._c.axes
        x, y, w, h = self._c._xywh[self._i]
        corners = np.array([[x, y], [x + w, y], [x + w, y + h], [x, y + h]], dtype=float)
        # the outline as the axes draws it: a polar bar's edges that turn in θ are arcs
        # (matplotlib interpolates them), so the hit test runs on the subdivided outline
        stop = np.roll(corners, -1, axis=0)
        steps = ax.edge_steps(corners, stop)
        outline = np.concatenate([a + (b - a) * np.arange(n)[:, None] / n
                                  for a, b, n in zip(corners, stop, steps, strict=True)])
        with np.errstate(all="ignore"):
            px = ax.transData.forward(outline)
        if not np.isfinite(px).all():
            return False, {}
        inside = inside_polygon(np.array([[mouseevent.x, mouseevent.y]], float), px)[0]
        return bool(inside), {}

    def contains(self, mouseevent) -> tuple[bool, dict]:
        """matplotlib's ``Rectangle.contains``: whether the mouse event falls on the
        bar, and ``{}``."""
        return self.pick_hit(mouseevent)

    def set_visible(self, visible: bool) -> None:
        self._c._bar_visible[self._i] = bool(visible)
        self._c.rescale()

    def remove(self) -> None:
        """Hide this bar (the others stay drawn by the same collection)."""
        self.set_visible(False)

    def get_label(self) -> str:
        labels = self._c.bar_labels
        return "_nolegend_" if labels is None else labels[self._i]

    def legend_patch(self):
        edge = self.get_edgecolor()
        return self.get_facecolor(), (edge if edge[3] > 0 and self._c._linewidth > 0
                                      else None)

    def legend_handle(self, fontsize_px: float) -> LegendHandle:
        return LegendHandle(patch=self.legend_patch(), hatch=self._c.legend_hatch(self._i))
