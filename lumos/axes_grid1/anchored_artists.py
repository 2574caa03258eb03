"""axes_grid1's ``anchored_artists`` on lumos axes. ``AnchoredSizeBar``: a scale bar
``size`` units of ``transform`` long (``ax.transData``: data units) with a label,
anchored at ``loc`` inside the axes as matplotlib's: ``borderpad`` and ``pad`` (in the
box's font size) from the axes' edge, the label ``sep`` points below the bar (above with
``label_top``), both centred, in a frame unless ``frameon=False``. The bar follows the
axes' limits at each draw. ``AnchoredDrawingArea``: artists in points in a box anchored
the same way, framed.

>>> ax.add_artist(AnchoredSizeBar(ax.transData, 0.1, "1 mm", "lower center",
...                               frameon=False))
"""

from __future__ import annotations

import numpy as np

from ..plot import text as textmod
from ..plot.coords import LiveTransform
from ..plot.fonts import FontProperties
from ..plot.legend import LOC_ANCHORS
from ..plot.mpl_offsetbox import FollowingFrame, frame_zorder
from ..plot.patch_fancy import FancyBboxPatch
from ..plot.patch_shapes import Rectangle
from ..plot.style import rcParams
from ..transforms import Affine
from .inset_locator import _loc_code

__all__ = ["AnchoredDrawingArea", "AnchoredSizeBar"]


def _refuse(kwargs: dict, name: str) -> None:
    if kwargs:
        raise TypeError(f"{name}: unsupported keyword arguments {sorted(kwargs)}")


class DrawingArea:
    """``AnchoredDrawingArea.da``: artists (matplotlib's or lumos's patches and lines)
    in points from the area's origin, ``xdescent``/``ydescent`` in from its lower left
    corner, as matplotlib's ``DrawingArea``."""

    def __init__(self, width, height, xdescent=0.0, ydescent=0.0) -> None:
        self.width, self.height = float(width), float(height)
        self.xdescent, self.ydescent = float(xdescent), float(ydescent)
        self.children: list = []

    def add_artist(self, artist):
        """Draw ``artist`` in the area (its transform becomes the area's)."""
        self.children.append(artist)
        return artist


class AnchoredDrawingArea:
    """matplotlib's axes_grid1 ``AnchoredDrawingArea``: a :class:`DrawingArea`
    ``width`` x ``height`` points anchored at ``loc`` inside the axes, ``borderpad`` and
    ``pad`` (in ``prop``'s font size, else the legend's) from its edges, in a frame
    (``patch``, a FancyBboxPatch ``pad`` out of the area) when ``frameon``.
    ``ax.add_artist(ada)`` draws the frame and the children and returns them as
    lumos's."""

    def __init__(self, width, height, xdescent, ydescent, loc, pad=0.4, borderpad=0.5,
                 prop=None, frameon=True, **kwargs) -> None:
        _refuse(kwargs, "AnchoredDrawingArea")
        self.da = DrawingArea(width, height, xdescent, ydescent)
        self.drawing_area = self.da  # matplotlib's other name for it
        self.loc, self.pad, self.borderpad = _loc_code(loc), float(pad), float(borderpad)
        self.font = FontProperties.coerce(prop)
        size = self.font.size or textmod.points(rcParams["legend.fontsize"])
        da, p = self.da, self.pad * size
        # in the area's points, as matplotlib's (square, white, black edge, font-sized)
        self.patch = FancyBboxPatch((-da.xdescent - p, -da.ydescent - p), da.width + 2 * p,
                                    da.height + 2 * p, boxstyle="square,pad=0",
                                    mutation_scale=size, facecolor="w", edgecolor="k",
                                    clip_on=False, visible=bool(frameon))
        self.patch.zorder = frame_zorder(5)

    def lumos_parts(self, ax) -> list:
        """Add the frame and the area's children to ``ax`` (``ax.add_artist`` calls
        this)."""
        size = self.font.size or textmod.points(rcParams["legend.fontsize"])
        place = LiveTransform(lambda: self._place(ax, (self.borderpad + self.pad) * size),
                              "AnchoredDrawingArea")
        self.patch.set_transform(place)
        out = [ax.add_artist(self.patch)]
        for child in self.da.children:
            child.set_transform(place)
            child.set_zorder(5)  # drawn with the box, over its frame, as matplotlib's
            child.set_clip_on(False)  # matplotlib gives the area's children no clip box
            out.append(ax.add_artist(child))
        return out

    def _place(self, ax, inset: float) -> Affine:
        """Points from the area's origin -> figure pixels, with the axes' box of now."""
        da, px = self.da, ax.figure.figure.dpi / 72
        fx, fy = LOC_ANCHORS[self.loc]
        bx, by, bw, bh = ax.box
        x = bx + fx * bw + px * ((1 - 2 * fx) * inset - fx * da.width + da.xdescent)
        y = by + fy * bh + px * ((1 - 2 * fy) * inset - fy * da.height + da.ydescent)
        return Affine(scale=px, translate=(x, y))


class AnchoredSizeBar:
    """matplotlib's axes_grid1 ``AnchoredSizeBar``, in a frame (``patch``, ``pad`` out
    of the bar and its label) when ``frameon``. ``ax.add_artist(bar)`` draws it; it
    returns the (frame, bar, label) lumos artists (frame None without one). The box is
    placed as wide as the bar: a longer label overhangs it (framed)."""

    def __init__(self, transform, size, label, loc, pad=0.1, borderpad=0.1, sep=2,
                 frameon=True, size_vertical=0, color="black", label_top=False,
                 fontproperties=None, fill_bar=None, **kwargs) -> None:
        _refuse(kwargs, "AnchoredSizeBar")
        self.transform, self.label, self.loc = transform, str(label), _loc_code(loc)
        self.size, self.size_vertical = float(size), float(size_vertical)
        self.pad, self.borderpad, self.sep = float(pad), float(borderpad), float(sep)
        self.color, self.label_top = color, bool(label_top)
        self.font = FontProperties.coerce(fontproperties)
        self.fill_bar = self.size_vertical > 0 if fill_bar is None else bool(fill_bar)
        self.patch = FollowingFrame(self._box_size(), visible=bool(frameon))
        self.patch.zorder = frame_zorder(5)

    def _box_size(self) -> float:
        """The box's font size (points): pads and the frame's style are in it."""
        return self.font.size or textmod.points(rcParams["legend.fontsize"])

    def lumos_parts(self, ax) -> tuple:
        """Add the frame, the bar and its label to ``ax`` (``ax.add_artist`` calls
        this)."""
        fig = ax.figure.figure
        box_size = self._box_size()
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
        text_w = textmod.measure(self.label, text_size)[0]
        frame = None
        if self.patch.get_visible():
            self.patch.follow(lambda: self._frame(place, (x0, bottom, height), text_w,
                                                  self.pad * box_size, fig.dpi / 72), fig)
            frame = ax.add_artist(self.patch)
        bar = ax.add_artist(Rectangle((x0, bar_y), self.size, bar_h, transform=place,
                                      fill=self.fill_bar, facecolor=self.color,
                                      edgecolor=self.color, clip_on=False,
                                      zorder=5))  # over the frame, as matplotlib's
        label = ax.annotate(self.label, xy=(x0 + self.size / 2, text_y), xycoords=place,
                            ha="center", va="bottom", color=self.color, fontsize=text_size,
                            fontproperties=self.font, annotation_clip=False)
        return frame, bar, label

    def _frame(self, place, box: tuple, text_w: float, pad: float, c: float) -> tuple:
        """The frame's box in figure pixels: the bar's box (x0, bottom, height), as wide
        as the label where that is wider, ``pad`` points out."""
        x0, bottom, height = box
        (left, b), (right, t) = place.forward(np.array([[x0, bottom], [x0 + self.size,
                                                                        bottom + height]]))
        half = max(right - left, text_w * c) / 2
        mid = (left + right) / 2
        return mid - half - pad * c, b - pad * c, 2 * (half + pad * c), t - b + 2 * pad * c

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
