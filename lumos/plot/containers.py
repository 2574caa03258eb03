"""matplotlib's containers: what ``bar`` (:class:`BarContainer`), ``errorbar``
(:class:`ErrorbarContainer`) and ``stem`` (:class:`StemContainer`) return.
"""

from __future__ import annotations

import numpy as np

from .. import colors
from .artists import LegendHandle
from .bars import BarCollection


class Container(tuple):
    """A tuple of artists with a label (matplotlib's Container)."""

    def __new__(cls, items, *args, **kwargs):
        return super().__new__(cls, items)

    def __init__(self, items, label=None) -> None:
        self._label = "" if label is None else str(label)

    def get_label(self) -> str:
        return self._label

    def set_label(self, label) -> None:
        self._label = "" if label is None else str(label)

    def get_children(self) -> list:
        out = []
        for item in self:
            if isinstance(item, (tuple, list)):
                out.extend(item)
            elif item is not None:
                out.append(item)
        return out

    def remove(self) -> None:
        for child in self.get_children():
            child.remove()

    def legend_handle(self, fontsize_px: float) -> LegendHandle | None:
        """How the container looks in a legend (None: the label alone)."""
        return None


class BarContainer(Container):
    """What ``bar``/``barh`` return: the bars as Rectangles, plus ``errorbar``,
    ``datavalues`` and ``orientation``."""

    def __init__(self, patches, errorbar=None, *, datavalues=None, orientation=None,
                 label=None, collection: BarCollection | None = None) -> None:
        super().__init__(patches)
        self.patches = list(patches)
        self.errorbar = errorbar
        self.datavalues = datavalues
        self.orientation = orientation
        self.collection = collection

    def get_label(self) -> str:
        return self.collection.get_label() if self.collection is not None else ""

    def set_label(self, label) -> None:
        if self.collection is not None:
            self.collection.set_label(label)

    def remove(self) -> None:
        if self.collection is not None:
            self.collection.remove()
        if self.errorbar is not None:
            self.errorbar.remove()

    def legend_patch(self):
        return self.collection.legend_patch()

    def legend_handle(self, fontsize_px: float) -> LegendHandle:
        return self.collection.legend_handle(fontsize_px)


class ErrorbarContainer(Container):
    """What ``errorbar`` returns: ``(data_line, caplines, barlinecols)``. ``cap_points``:
    the caps' length in points (the legend draws caps that long)."""

    def __init__(self, lines, has_xerr: bool = False, has_yerr: bool = False,
                 label=None, cap_points: float = 0.0) -> None:
        super().__init__(lines, label)
        self.lines = lines
        self.has_xerr = has_xerr
        self.has_yerr = has_yerr
        self.cap_points = float(cap_points)

    def legend_handle(self, fontsize_px: float) -> LegendHandle:
        """matplotlib's HandlerErrorbar: the data line and marker over a bar reaching half
        a font size each way from the middle, styled as the first bar collection, with
        caps styled as the first caps."""
        line, caplines, barcols = self.lines
        base = line.legend_handle(fontsize_px) if line is not None else LegendHandle()
        if not barcols:
            return base
        bar_rgba, bar_w, bar_dashes = barcols[0].legend_line()
        half = 0.5 * fontsize_px
        cap = None
        if caplines:
            fig = caplines[0].axes.figure
            first = caplines[0]  # 2D: cap collections; 3D: lines of cap markers
            edge = colors.to_rgba_array(first.get_edgecolor() if hasattr(first, "get_edgecolor")
                                        else first.get_markeredgecolor())
            width = np.ravel(first.get_linewidth() if hasattr(first, "get_edgecolor")
                             else first.get_markeredgewidth())
            cap = (tuple(edge[0]) if len(edge) else (0, 0, 0, 0),
                   fig.points_to_pixels(float(width[0]) if width.size else 1.0),
                   fig.points_to_pixels(self.cap_points) / 2)
        strokes = []
        for on, across in ((self.has_xerr, 0), (self.has_yerr, 1)):
            if not on:
                continue
            ends = np.zeros((2, 3))
            ends[:, 0] = 0.5
            ends[:, 1 + across] = (-half, half)
            strokes.append((ends, bar_rgba, bar_w, bar_dashes))
            if cap is not None and cap[2] > 0:
                for end in ends:
                    c = np.array([end, end])
                    c[:, 2 - across] += (-cap[2], cap[2])
                    strokes.append((c, cap[0], cap[1], None))
        return LegendHandle(line=base.line, marker=base.marker, strokes=tuple(strokes))


class StemContainer(Container):
    """What ``stem`` returns: ``(markerline, stemlines, baseline)``."""

    def __init__(self, markerline_stemlines_baseline, label=None) -> None:
        super().__init__(markerline_stemlines_baseline, label)
        self.markerline, self.stemlines, self.baseline = markerline_stemlines_baseline

    def legend_handle(self, fontsize_px: float) -> LegendHandle:
        """matplotlib's HandlerStem: a stem from the bottom of the handle box
        (0.7 font sizes tall) to 0.6875 of its height, its marker on
        top, over a baseline along the box's bottom."""
        height = 0.7 * fontsize_px  # matplotlib's legend.handleheight
        bottom, head = -height / 2, 0.6875 * height - height / 2
        stem_rgba, stem_w, stem_dashes = self.stemlines.legend_line()
        strokes = [(((0.5, 0.0, bottom), (0.5, 0.0, head)), stem_rgba, stem_w, stem_dashes)]
        base = self.baseline.legend_handle(fontsize_px).line
        if base is not None:
            strokes.append((((0.0, 0.0, bottom), (1.0, 0.0, bottom)), *base))
        return LegendHandle(marker=self.markerline.legend_handle(fontsize_px).marker,
                            strokes=tuple(strokes), marker_dy=head)
