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
        if orientation != "vertical":
            raise ValueError(f"orientation: got {orientation!r}, only 'vertical' is "
                             "supported yet")
        if not hasattr(mappable, "norm") or not hasattr(mappable, "cmap"):
            raise TypeError(f"mappable: got {type(mappable).__name__}, expected an image, "
                            "scatter or contour set (something with cmap and norm)")
        self.figure = fig
        self.mappable = mappable
        self.parent = parent
        self.shrink, self.aspect, self.pad = float(shrink), float(aspect), float(pad)
        self.ax = Axes(fig, parent.spec, parent=parent, role="colorbar")
        fig.axes.append(self.ax)
        if not hasattr(parent, "colorbars"):
            parent.colorbars = []
        parent.colorbars.append(self)
        self.ax.xaxis.visible = False
        self.ax.yaxis.ticks_position = "right"
        self.ax._margins = (0.0, 0.0)
        self._image = Image(np.linspace(0, 1, 256)[:, None], clim=(0, 1))
        self.ax.view.add(self._image)
        if getattr(mappable.norm, "__class__", None).__name__ == "LogNorm":
            self.ax.yaxis.set_scale("log")
        self.set_label(label)
        if ticks is not None:
            self.ax.set_yticks(ticks)
        if format is not None:
            self.ax.yaxis.set_major_formatter(format)
        mappable.colorbar = self

    def set_label(self, label: str) -> None:
        self.ax.set_ylabel(label)

    def set_ticks(self, ticks, labels=None) -> None:
        self.ax.set_yticks(ticks, labels)

    def _sizes(self) -> tuple[float, float]:
        """Width and padding in pixels, from the parent's cell."""
        w, h = self.figure.canvas.size
        rows, cols = self.figure._grid
        cell_h = h / rows * 0.8 * self.shrink
        return max(cell_h / self.aspect, 6.0), self.pad * w / cols * 0.5

    def room(self) -> float:
        """Horizontal space the colorbar takes beside its parent, decorations included."""
        width, pad = self._sizes()
        reach = TickLayout(self.ax, self.ax.yaxis).label_extent()
        if self.ax.yaxis.label:
            reach += self.figure.points_to_pixels(self.ax.yaxis.labelpad) + textmod.measure(
                self.ax.yaxis.label, self.figure.points_to_pixels(self.ax.yaxis.label_size))[1]
        return pad + width + reach

    def carve(self, box):
        x, y, w, h = box
        return [x, y, max(w - self.room(), 1.0), h]

    def place(self, parent_box) -> None:
        x, y, w, h = parent_box
        width, pad = self._sizes()
        bh = h * self.shrink
        self.ax.box = (x + w + pad, y + (h - bh) / 2, width, bh)
        norm = self.mappable.norm
        lo, hi = norm.vmin, norm.vmax
        if lo is None or hi is None or not np.isfinite([lo, hi]).all():
            lo, hi = 0.0, 1.0
        if lo == hi:
            lo, hi = lo - 0.5, hi + 0.5
        self.ax.yaxis.limits.lo, self.ax.yaxis.limits.hi = float(lo), float(hi)
        self.ax.xaxis.limits.lo, self.ax.xaxis.limits.hi = 0.0, 1.0
        scale = self.ax.yaxis.scale
        with np.errstate(all="ignore"):
            s0, s1 = scale.forward(np.array([lo, hi]))
        self._image.cmap = self.mappable.cmap
        self._image.extent = (0.0, 1.0, float(s0), float(s1))
