"""What ``streamplot`` returns and adds: :class:`StreamplotSet`, the arrow heads drawn
together (:class:`StreamArrows`) and the one :class:`FancyArrowPatch` per arrow that
``ax.patches`` lists, as matplotlib's."""

from __future__ import annotations

import numpy as np

from .. import colors
from ..path import Path
from .path_collections import Collection as PathsCollection


class StreamplotSet:
    """What ``streamplot`` returns: ``.lines`` (a LineCollection, in ``ax.collections``)
    and ``.arrows`` (the arrow heads, in ``ax.patches``)."""

    def __init__(self, lines, arrows) -> None:
        self.lines = lines
        self.arrows = arrows


class StreamArrows(PathsCollection):
    """Filled arrow heads ('-|>', matplotlib's ``mutation_scale`` in points) at the
    points ``heads``, pointing away from ``tails`` on the screen, drawn together.
    ``ax.patches`` lists one :class:`FancyArrowPatch` per arrow, as matplotlib adds
    its arrows (one FancyArrowPatch each)."""

    zorder = 2.0
    listed_as = "patches"
    _edge_default = True

    def __init__(self, tails, heads, mutation: float, **kwargs) -> None:
        super().__init__(**kwargs)
        self._tails = np.asarray(tails, dtype=float).reshape(-1, 2)
        self._heads = np.asarray(heads, dtype=float).reshape(-1, 2)
        self._mutation = float(mutation)
        self._paths = [Path(np.zeros((3, 2)))] * len(self._heads)
        self._view_built = None
        self._members = [FancyArrowPatch(self) for _ in range(len(self._heads))]

    def listed(self) -> list:
        """One :class:`FancyArrowPatch` per arrow (what ``ax.patches`` shows)."""
        return list(self._members)

    def item_rows(self, which: str) -> np.ndarray:
        """The per-arrow rows of ``which`` ('facecolor', 'edgecolor', 'linewidth'), one
        per arrow even where one value serves all."""
        rows = {"facecolor": self.get_facecolor, "edgecolor": self.get_edgecolor,
                "linewidth": self.get_linewidth}[which]()
        n = len(self._members)
        return rows[np.arange(n) % len(rows)] if len(rows) else rows

    def set_item(self, member: FancyArrowPatch, which: str, value) -> None:
        """Restyle one arrow: ``which`` 'facecolor', 'edgecolor' (a color) or
        'linewidth' (points)."""
        rows = self.item_rows(which).copy()
        i = self._members.index(member)
        if which == "linewidth":
            rows[i] = self._widths(value)[0]
            self.set_linewidth(rows)
        else:
            rows[i] = colors.to_rgba(value, argname="color")
            (self.set_facecolor if which == "facecolor" else self.set_edgecolor)(rows)

    def remove_item(self, member: FancyArrowPatch) -> None:
        """Take one arrow away (the last one gone: the arrows leave the axes)."""
        i = self._members.index(member)
        keep = np.arange(len(self._members)) != i
        face, edge, lw = (self.item_rows(k)[keep] for k in ("facecolor", "edgecolor",
                                                             "linewidth"))
        del self._members[i]
        self._tails, self._heads = self._tails[keep], self._heads[keep]
        self._paths = self._paths[:len(self._members)]
        self.set_facecolor(face)
        self.set_edgecolor(edge)
        self.set_linewidth(lw if len(lw) else self._default_linewidth())
        if not self._members and self.axes is not None:
            self.remove()

    def _geometry(self):
        ax = self.axes
        if not len(self._heads):
            return [], "pixels", np.zeros((0, 2))
        k = ax.figure.dpi / 72.0
        a = ax.transData.forward(self._tails)
        b = ax.transData.forward(self._heads)
        d = b - a
        n = np.hypot(d[:, 0], d[:, 1])
        d = d / np.where(n > 0, n, 1.0)[:, None]
        perp = np.c_[-d[:, 1], d[:, 0]]
        tip = -2.0 * k * d  # FancyArrowPatch's shrinkB: 2 points
        length, half = 0.4 * self._mutation * k, 0.2 * self._mutation * k
        shapes = np.stack([tip, tip - length * d + half * perp, tip - length * d - half * perp,
                           tip], axis=1)
        self._view_built = ax.view_state()
        codes = np.array([Path.MOVETO, Path.LINETO, Path.LINETO, Path.CLOSEPOLY], np.uint8)
        return [(s, codes) for s in shapes], "pixels", self._heads

    def get_offsets(self) -> np.ndarray:
        """Where the heads' tips point to (data units)."""
        return self._heads.copy()

    def draw_overlay(self, ov) -> None:
        """The heads point along the lines on the screen: redo when the view moved."""
        if self._visual is not None and self._view_built != self.axes.view_state():
            self._update()
        super().draw_overlay(ov)

    def data_limits(self):
        return None


class FancyArrowPatch:
    """One arrow of a streamplot as matplotlib lists it in ``ax.patches`` (its
    FancyArrowPatch). The arrows draw together (:class:`StreamArrows`): these getters
    and setters read and restyle this one's item there, ``remove()`` takes it away."""

    def __init__(self, arrows: StreamArrows) -> None:
        self.arrows = arrows

    @property
    def axes(self):
        """The axes showing the arrow (None once removed)."""
        return self.arrows.axes if self in self.arrows.listed() else None

    def _row(self, which: str) -> np.ndarray:
        return self.arrows.item_rows(which)[self.arrows.listed().index(self)]

    def get_facecolor(self) -> tuple:
        """The head's fill, RGBA."""
        return tuple(float(v) for v in self._row("facecolor"))

    def get_edgecolor(self) -> tuple:
        """The head's outline color, RGBA."""
        return tuple(float(v) for v in self._row("edgecolor"))

    def get_linewidth(self) -> float:
        """The outline's width in points."""
        return float(self._row("linewidth"))

    def set_facecolor(self, color) -> None:
        self.arrows.set_item(self, "facecolor", color)

    def set_edgecolor(self, color) -> None:
        self.arrows.set_item(self, "edgecolor", color)

    def set_color(self, color) -> None:
        """Fill and outline."""
        self.set_facecolor(color)
        self.set_edgecolor(color)

    def set_linewidth(self, lw) -> None:
        self.arrows.set_item(self, "linewidth", lw)

    def get_zorder(self) -> float:
        return self.arrows.get_zorder()

    def get_visible(self) -> bool:
        return self.arrows.get_visible()

    def set_visible(self, visible: bool) -> None:
        """Not per arrow: the arrows draw together."""
        raise NotImplementedError(
            "set_visible: lumos draws a streamplot's arrows together; hide them all with "
            "the StreamplotSet's arrows.set_visible(False), or remove() this one")

    def get_label(self) -> str:
        return ""

    def remove(self) -> None:
        """Take this arrow off its axes (matplotlib's ``Artist.remove``)."""
        if self not in self.arrows.listed():
            raise ValueError("remove: the arrow was removed already")
        self.arrows.remove_item(self)

    def __repr__(self) -> str:
        return f"FancyArrowPatch(streamplot arrow, {self.get_facecolor()})"
