"""axes_grid1's ``axes_rgb`` on lumos axes: ``make_rgb_axes(ax)`` puts three small axes
(for the red, green and blue channels) in a column right of ``ax``, sharing its limits,
through matplotlib's divider; ``RGBAxes`` makes the four and ``imshow_rgb`` fills them.

>>> rgb = RGBAxes(fig, [0.1, 0.1, 0.8, 0.8], pad=0.0)
>>> rgb.imshow_rgb(r, g, b)
"""

from __future__ import annotations

import numpy as np

from . import GridAxes, Size
from .axes_divider import make_axes_locatable

__all__ = ["RGBAxes", "make_rgb_axes"]


def make_rgb_axes(ax, pad=0.01, axes_class=None, **kwargs) -> list:
    """The R, G and B axes (``axes_class``, default ``ax``'s class, with ``kwargs``)
    stacked right of ``ax``, ``pad`` (a fraction of its height) apart, sharing its x and
    y, without tick labels; ``ax`` keeps the rest of its box."""
    divider = make_axes_locatable(ax)
    pad_size = pad * Size.AxesY(ax)
    xsize = ((1 - 2 * pad) / 3) * Size.AxesX(ax)
    ysize = ((1 - 2 * pad) / 3) * Size.AxesY(ax)
    divider.set_horizontal([Size.AxesX(ax), pad_size, xsize])
    divider.set_vertical([ysize, pad_size, ysize, pad_size, ysize])
    ax.set_axes_locator(divider.new_locator(0, 0, ny1=-1))
    fig = ax.get_figure()
    out = []
    for ny in (4, 2, 0):
        ax1 = fig.add_axes(ax.get_position(original=True), sharex=ax, sharey=ax,
                           axes_class=type(ax) if axes_class is None else axes_class,
                           **kwargs)
        ax1.set_axes_locator(divider.new_locator(nx=2, ny=ny))
        ax1.tick_params(labelbottom=False, labeltop=False, labelleft=False,
                        labelright=False)
        out.append(ax1)
    return out


class RGBAxes:
    """matplotlib's axes_grid1 ``RGBAxes``: the RGB axes at ``rect`` and the R, G, B
    axes beside it (:func:`make_rgb_axes`), with white spines and ticks."""

    _defaultAxesClass = GridAxes

    def __init__(self, fig, rect, pad=0, axes_class=None, **kwargs) -> None:
        axes_class = self._defaultAxesClass if axes_class is None else axes_class
        self.RGB = fig.add_axes(rect, axes_class=axes_class, **kwargs)
        self.R, self.G, self.B = make_rgb_axes(self.RGB, pad=pad, axes_class=axes_class,
                                               **kwargs)
        for ax in (self.RGB, self.R, self.G, self.B):
            ax.spines[:].set_color("w")
            ax.tick_params(color="w")

    def imshow_rgb(self, r, g, b, **kwargs) -> tuple:
        """The images (rgb, r, g, b): the three channels together and each alone;
        ``kwargs`` go to every ``imshow``."""
        r, g, b = (np.asarray(c) for c in (r, g, b))
        if not r.shape == g.shape == b.shape:
            raise ValueError(f"r, g, b: got the shapes {r.shape}, {g.shape}, {b.shape}, "
                             "expected one shape")
        rgb = np.dstack([r, g, b])
        channels = []
        for i in range(3):
            c = np.zeros_like(rgb)
            c[:, :, i] = rgb[:, :, i]
            channels.append(c)
        return (self.RGB.imshow(rgb, **kwargs),
                *(ax.imshow(c, **kwargs) for ax, c in zip((self.R, self.G, self.B),
                                                          channels, strict=True)))
