"""axes_grid1's ``anchored_artists.AnchoredSizeBar`` on lumos axes: a scale bar
``size`` units of ``transform`` long (``ax.transData``: data units) with a label,
anchored at ``loc`` inside the axes as matplotlib's: ``borderpad`` and ``pad`` (in the
box's font size) from the axes' edge, the label ``sep`` points below the bar (above with
``label_top``), both centred. The bar follows the axes' limits at each draw.

>>> ax.add_artist(AnchoredSizeBar(ax.transData, 0.1, "1 mm", "lower center",
...                               frameon=False))
"""

from __future__ import annotations

import numpy as np

from ..plot import text as textmod
from ..plot.coords import LiveTransform
from ..plot.fonts import FontProperties
from ..plot.legend import LOC_ANCHORS
from ..plot.patch_shapes import Rectangle
from ..plot.style import rcParams
from ..transforms import Affine
from .inset_locator import _loc_code

__all__ = ["AnchoredSizeBar"]


class AnchoredSizeBar:
    """matplotlib's axes_grid1 ``AnchoredSizeBar`` (``frameon=False``: lumos draws no
    frame around it). ``ax.add_artist(bar)`` draws it; it returns the (bar, label)
    lumos artists. The box is as wide as the bar: a longer label overhangs it."""

    def __init__(self, transform, size, label, loc, pad=0.1, borderpad=0.1, sep=2,
                 frameon=True, size_vertical=0, color="black", label_top=False,
                 fontproperties=None, fill_bar=None, **kwargs) -> None:
        if kwargs:
            raise TypeError(f"AnchoredSizeBar: unsupported keyword arguments "
                            f"{sorted(kwargs)}")
        if frameon:
            raise TypeError("frameon: True is not supported (lumos draws the size bar "
                            "without a frame); pass frameon=False")
        self.transform, self.label, self.loc = transform, str(label), _loc_code(loc)
        self.size, self.size_vertical = float(size), float(size_vertical)
        self.pad, self.borderpad, self.sep = float(pad), float(borderpad), float(sep)
        self.color, self.label_top = color, bool(label_top)
        self.font = FontProperties.coerce(fontproperties)
        self.fill_bar = self.size_vertical > 0 if fill_bar is None else bool(fill_bar)

    def lumos_parts(self, ax) -> tuple:
        """Add the bar and its label to ``ax`` (``ax.add_artist`` calls this)."""
        fig = ax.figure.figure
        box_size = self.font.size or textmod.points(rcParams["legend.fontsize"])
        text_size = self.font.size or textmod.points(rcParams["font.size"])
        # points (72 px per inch); at least a line's height, as matplotlib's TextArea
        text_h = max(textmod.measure(t, text_size)[1] for t in (self.label, "lp"))
        fx, fy = LOC_ANCHORS[self.loc]
        inset = (self.borderpad + self.pad) * box_size  # points from the axes' edge
        place = LiveTransform(lambda: self._place(ax, fx, fy, inset), "AnchoredSizeBar")
        bar_h = self.size_vertical * self._scale()[1] * 72 / fig.dpi
        height = text_h + self.sep + bar_h
        bottom = (1 - 2 * fy) * inset - fy * height
        bar_y = bottom if self.label_top else bottom + text_h + self.sep
        text_y = bottom + bar_h + self.sep if self.label_top else bottom
        x0 = -fx * self.size
        bar = ax.add_artist(Rectangle((x0, bar_y), self.size, bar_h, transform=place,
                                      fill=self.fill_bar, facecolor=self.color,
                                      edgecolor=self.color, clip_on=False))
        label = ax.annotate(self.label, xy=(x0 + self.size / 2, text_y), xycoords=place,
                            ha="center", va="bottom", color=self.color, fontsize=text_size,
                            fontproperties=self.font, annotation_clip=False)
        return bar, label

    def _scale(self) -> np.ndarray:
        """Pixels per unit of ``transform`` along x and y (now)."""
        p = np.asarray(self.transform.transform([[0, 0], [1, 1]]), float)
        return np.abs(p[1] - p[0])

    def _place(self, ax, fx: float, fy: float, inset: float) -> Affine:
        """(x in the transform's units, y in points) from the anchor -> figure pixels,
        with the axes' box and limits of now."""
        dpi = ax.figure.figure.dpi
        anchor = np.asarray(ax.transAxes.transform([[fx, fy]]), float)[0]
        anchor[0] += (1 - 2 * fx) * inset * dpi / 72
        return Affine(scale=(self._scale()[0], dpi / 72), translate=anchor)
