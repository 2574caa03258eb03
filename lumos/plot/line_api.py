"""matplotlib's Line2D methods beside drawing (a mixin of
:class:`lumos.plot.lines.Line2D`): the pick radius, and ``update_from`` copying another
line's style."""

from __future__ import annotations

import numpy as np


class LineAPI:
    """``pickradius`` (points around the line that count as a hit) and ``update_from``."""

    _pickradius = 5.0

    def set_pickradius(self, pickradius: float) -> None:
        """Points around the line that count as a hit (``pick_event``); a numeric
        ``picker`` sets it too."""
        r = float(pickradius) if isinstance(pickradius, (int, float, np.number)) and \
            not isinstance(pickradius, bool) else np.nan
        if not r >= 0:
            raise ValueError(f"pickradius: got {pickradius!r}, expected a distance >= 0 "
                             "(points)")
        self._pickradius = r

    def get_pickradius(self) -> float:
        """Points around the line that count as a hit."""
        return self._pickradius

    pickradius = property(get_pickradius, set_pickradius)

    def set_picker(self, picker) -> None:
        super().set_picker(picker)
        if isinstance(self._picker, float):
            self._pickradius = self._picker

    def pick_tolerance(self) -> float:
        return self._pickradius

    def update_from(self, other) -> None:
        """Take ``other``'s style (matplotlib's ``update_from``): color, alpha, width,
        line style, caps and joins, gap color, markers, fill style, draw style, path
        effects, visibility and label; not its data, zorder or transform."""
        if not isinstance(other, LineAPI):
            raise TypeError(f"other: got {type(other).__name__}, expected a lumos Line2D")
        self._color, self._alpha = other._color, other._alpha
        self._linewidth, self._linestyle = other._linewidth, other._linestyle
        self._solid_cap, self._dash_cap = other._solid_cap, other._dash_cap
        self._solid_join, self._dash_join = other._solid_join, other._dash_join
        self._marker, self._markersize = other._marker, other._markersize
        self._mfc, self._mec, self._mew = other._mfc, other._mec, other._mew
        self._mfcalt, self._fillstyle = other._mfcalt, other._fillstyle
        self._drawstyle, self._antialiased = other._drawstyle, other._antialiased
        self._markers_changed = True
        if other.get_gapcolor() is not None or self.get_gapcolor() is not None:
            self.set_gapcolor(other.get_gapcolor())
        self.set_path_effects(other.get_path_effects())
        self.set_label(other.get_label())
        self.set_visible(other.get_visible())
        self.rescale()  # the draw style shapes the drawn points
