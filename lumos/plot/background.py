"""The background rectangle of a figure or an axes: matplotlib's ``fig.patch`` and
``ax.patch`` (``fig.patch.set_facecolor("k")``, ``ax.patch.set_alpha(0)``).

The owner reads ``face()`` (the fill, None when hidden) and ``edge()`` (the outline
color and width in points, None when there is none) when it draws.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .. import colors
from . import validate
from .bbox import Bbox


class BackgroundPatch:
    """A figure's or axes' background: face and edge colors, line width (points),
    alpha and visibility, with matplotlib's setters."""

    def __init__(self, facecolor, edgecolor="none", linewidth: float = 0.0,
                 box: Callable[[], tuple] | None = None) -> None:
        self._box = box  # its owner's (x, y, width, height) in figure pixels
        self._alpha: float | None = None
        self._visible = True
        self._fill = True
        self.set_facecolor(facecolor)
        self.set_edgecolor(edgecolor)
        self.set_linewidth(linewidth)

    def get_window_extent(self, renderer=None) -> Bbox:
        """The rectangle in display pixels (from the figure's bottom left): its axes' or
        figure's box, as laid out at the last draw."""
        if self._box is None:
            raise RuntimeError("get_window_extent: this background belongs to no axes or "
                               "figure")
        return Bbox.from_bounds(*self._box())

    def set_facecolor(self, color) -> None:
        self._face = None if _is_none(color) else colors.to_rgba(color, argname="facecolor")

    def get_facecolor(self) -> tuple:
        return self._apply_alpha(self._face) or (0.0, 0.0, 0.0, 0.0)

    def set_edgecolor(self, color) -> None:
        self._edge = None if _is_none(color) else colors.to_rgba(color, argname="edgecolor")

    def get_edgecolor(self) -> tuple:
        return self._apply_alpha(self._edge) or (0.0, 0.0, 0.0, 0.0)

    def set_color(self, color) -> None:
        self.set_facecolor(color)
        self.set_edgecolor(color)

    def set_linewidth(self, lw) -> None:
        lw = 0.0 if lw is None else float(lw)
        if not np.isfinite(lw) or lw < 0:
            raise ValueError(f"linewidth: got {lw!r}, expected a number >= 0 (points)")
        self._linewidth = lw

    def get_linewidth(self) -> float:
        return self._linewidth

    set_lw = set_linewidth
    set_fc = set_facecolor
    set_ec = set_edgecolor

    def set_alpha(self, alpha) -> None:
        if alpha is not None:
            alpha = float(alpha)
            if not 0.0 <= alpha <= 1.0:
                raise ValueError(f"alpha: got {alpha!r}, expected a number in [0, 1] or None")
        self._alpha = alpha

    def get_alpha(self):
        return self._alpha

    def set_visible(self, visible: bool) -> None:
        self._visible = bool(visible)

    def get_visible(self) -> bool:
        return self._visible

    def set_fill(self, fill: bool) -> None:
        self._fill = bool(fill)

    def get_fill(self) -> bool:
        return self._fill

    def set(self, **kwargs) -> BackgroundPatch:
        validate.set_by_setters(self, kwargs, "BackgroundPatch.set",
                                {"fc": "facecolor", "ec": "edgecolor", "lw": "linewidth"})
        return self

    def _apply_alpha(self, rgba):
        if rgba is None:
            return None
        return rgba if self._alpha is None else (*rgba[:3], self._alpha)

    # what the owner draws
    def face(self):
        """The fill (RGBA) or None when hidden, unfilled or 'none'."""
        if not (self._visible and self._fill):
            return None
        return self._apply_alpha(self._face)

    def edge(self):
        """(RGBA, width in points) of the outline, or None."""
        if not self._visible or self._edge is None or self._linewidth <= 0:
            return None
        return self._apply_alpha(self._edge), self._linewidth


def _is_none(color) -> bool:
    return color is None or (isinstance(color, str) and color.lower() == "none")
