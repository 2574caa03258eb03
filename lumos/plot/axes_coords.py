"""The coordinate read-out of an axes (``format_coord``, matplotlib's status bar text):
each value through ``fmt_xdata``/``fmt_ydata`` when set, else the axis's major
formatter's ``format_data_short``, told the data step of one pixel at the value first
(matplotlib's formatters find it through their axis), and every twin listed."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np


class CoordinateFormatting:
    """``format_coord``, ``format_xdata`` and ``format_ydata`` of an Axes."""

    #: a function of one x value giving its read-out text (None: the major formatter's)
    fmt_xdata: Callable[[float], str] | None = None
    #: the same for y values
    fmt_ydata: Callable[[float], str] | None = None

    def format_xdata(self, x: float) -> str:
        """``x`` as the read-out shows it: ``fmt_xdata(x)``, or the x axis's major
        formatter's ``format_data_short``."""
        return self._format_data(x, 0)

    def format_ydata(self, y: float) -> str:
        """``y`` as the read-out shows it (``fmt_ydata`` or the y axis's formatter)."""
        return self._format_data(y, 1)

    def format_coord(self, x: float | None, y: float | None) -> str:
        """The read-out of the data point (x, y): ``'(x, y) = (1.23, 4.56)'``; with
        twins, each axes' values at the same pixel in zorder, ``' | '`` between them
        (matplotlib's text); a None coordinate reads ``???``."""
        twins = self._coordinate_siblings()
        if len(twins) == 1:
            return "(x, y) = ({}, {})".format("???" if x is None else self.format_xdata(x),
                                             "???" if y is None else self.format_ydata(y))
        pixel = np.asarray(self.transData.forward(np.array([[x, y]], float)), float)
        parts = []
        for ax in sorted(twins, key=lambda a: a.get_zorder()):
            dx, dy = np.asarray(ax.transData.inverse(pixel), float).reshape(2)
            parts.append(f"({ax.format_xdata(dx)}, {ax.format_ydata(dy)})")
        return "(x, y) = {}".format(" | ".join(parts))

    # -- helpers --------------------------------------------------------------------
    def _coordinate_siblings(self) -> list:
        """This axes and its twins (matplotlib's twinned group), main axes first."""
        main = self.parent if self.role == "twin" and self.parent is not None else self
        return [main, *(c for c in getattr(main, "children", ()) if c.role == "twin")]

    def _format_data(self, value: float, k: int) -> str:
        custom = self.fmt_xdata if k == 0 else self.fmt_ydata
        if custom is not None:
            return custom(value)
        axis = self.xaxis if k == 0 else self.yaxis
        formatter = axis.get_major_formatter()
        if hasattr(formatter, "resolution"):  # lumos's formatters (matplotlib's: their axis)
            formatter.set_view_interval(*axis.get_view_interval())
            formatter.resolution = self._pixel_step(value, k)
        return formatter.format_data_short(value)

    def _pixel_step(self, value: float, k: int) -> float | None:
        """How far in data the neighbouring pixels along axis ``k`` lie from ``value``
        (the larger of the two sides), as matplotlib's ScalarFormatter measures it;
        None where the transform cannot say."""
        other = self.get_ylim() if k == 0 else self.get_xlim()
        at = [0.0, 0.0]
        at[k], at[1 - k] = float(value), 0.5 * (other[0] + other[1])
        if not all(math.isfinite(v) for v in at):
            return None
        with np.errstate(invalid="ignore", over="ignore", divide="ignore"):
            pixel = np.asarray(self.transData.forward(np.array([at])), float).reshape(2)
            step = np.zeros((2, 2))
            step[:, k] = (-1.0, 1.0)
            near = np.asarray(self.transData.inverse(pixel + step), float)[:, k]
            delta = float(np.abs(near - value).max())
        return delta if math.isfinite(delta) else None
