"""Colorbars: a thin axes beside its parent showing a mappable's colormap and norm."""

from __future__ import annotations

import numpy as np

from ..visuals import Image
from . import text as textmod
from .axes import Axes
from .decorations import TickLayout


class Colorbar:
    """``fig.colorbar(im, ax=ax, label="K")``: ticks on the right, label beside them."""

    def __init__(self, fig, mappable, parent: Axes, label: str = "", orientation="vertical",
                 shrink: float = 1.0, aspect: float = 20.0, pad: float = 0.05, ticks=None,
                 format=None, fraction: float | None = None, extend=None) -> None:
        if orientation not in ("vertical", "horizontal"):
            raise ValueError(f"orientation: got {orientation!r}, expected 'vertical' or "
                             "'horizontal'")
        if not hasattr(mappable, "norm") or not hasattr(mappable, "cmap"):
            raise TypeError(f"mappable: got {type(mappable).__name__}, expected an image, "
                            "scatter or contour set (something with cmap and norm)")
        self.figure = fig
        self.mappable = mappable
        self.parent = parent
        self.shrink, self.aspect, self.pad = float(shrink), float(aspect), float(pad)
        self.ax = Axes(fig, parent.spec, parent=parent, role="colorbar")
        # a fixed decoration: the mouse (here and in pages) never pans or zooms it
        self.ax.view.interactive = False
        fig.axes.append(self.ax)
        if not hasattr(parent, "colorbars"):
            parent.colorbars = []
        parent.colorbars.append(self)
        self.vertical = orientation == "vertical"
        # the long axis carries the values; the short one is hidden
        self.long_axis = self.ax.yaxis if self.vertical else self.ax.xaxis
        short = self.ax.xaxis if self.vertical else self.ax.yaxis
        short.visible = False
        self.long_axis.ticks_position = "right" if self.vertical else "bottom"
        self.ax.margins(0.0, 0.0)
        ramp = np.linspace(0, 1, 256)
        self._image = Image(ramp[:, None] if self.vertical else ramp[None, :], clim=(0, 1))
        self.ax.view.add(self._image)
        if getattr(mappable.norm, "__class__", None).__name__ == "LogNorm":
            self.long_axis.set_scale("log")
        self.set_label(label)
        if ticks is not None:
            self.set_ticks(ticks)
        if format is not None:
            self.long_axis.set_major_formatter(format)
        mappable.colorbar = self

    def set_label(self, label: str) -> None:
        self.long_axis.set_label(label)

    def set_ticks(self, ticks, labels=None) -> None:
        (self.ax.set_yticks if self.vertical else self.ax.set_xticks)(ticks, labels)

    def _sizes(self) -> tuple[float, float]:
        """Thickness and padding in pixels, from the parent's cell."""
        w, h = self.figure.canvas.size
        rows, cols = self.figure._grid
        cell = (h / rows if self.vertical else w / cols) * 0.8 * self.shrink
        return max(cell / self.aspect, 6.0), self.pad * (w / cols if self.vertical
                                                          else h / rows) * 0.5

    def room(self) -> float:
        """Space the colorbar takes beside (or below) its parent, decorations included."""
        thickness, pad = self._sizes()
        axis = self.long_axis
        reach = TickLayout(self.ax, axis).label_extent()
        if axis.label:
            reach += self.figure.points_to_pixels(axis.labelpad) + textmod.measure(
                axis.label, self.figure.points_to_pixels(axis.label_size))[1]
        return pad + thickness + reach

    def place(self, parent_box, offset: float) -> None:
        """Stand ``offset`` pixels (the parent's decorations) beyond the parent's box."""
        x, y, w, h = parent_box
        thickness, pad = self._sizes()
        if self.vertical:
            bh = h * self.shrink
            self.ax.box = (x + w + offset + pad, y + (h - bh) / 2, thickness, bh)
        else:
            bw = w * self.shrink
            self.ax.box = (x + (w - bw) / 2, y - offset - pad - thickness, bw, thickness)
        norm = self.mappable.norm
        lo, hi = norm.vmin, norm.vmax
        if lo is None or hi is None or not np.isfinite([lo, hi]).all():
            lo, hi = 0.0, 1.0
        if lo == hi:
            lo, hi = lo - 0.5, hi + 0.5
        lo, hi = self.long_axis.clip_limits(lo, hi, warn=False)  # drawable (±1e308, 1e-308)
        short = self.ax.xaxis if self.vertical else self.ax.yaxis
        self.long_axis.limits.lo, self.long_axis.limits.hi = float(lo), float(hi)
        short.limits.lo, short.limits.hi = 0.0, 1.0
        with np.errstate(all="ignore"):
            s0, s1 = self.long_axis.scale.forward(np.array([lo, hi]))
        self._image.cmap = self.mappable.cmap
        self._image.extent = ((0.0, 1.0, float(s0), float(s1)) if self.vertical
                              else (float(s0), float(s1), 0.0, 1.0))
