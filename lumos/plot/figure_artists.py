"""``fig.add_artist(line)``: matplotlib's Line2D drawn on the figure itself, in figure
fraction unless the line has a transform of its own (matplotlib's ``transSubfigure``
default). The line is read from the matplotlib object each frame (so ``set_data`` and
the other setters show) and drawn in the figure's overlay, over the axes' data.
"""

from __future__ import annotations

import numpy as np

from .. import colors
from .artists import check_linestyle
from .style import dash_pattern
from .transforms_compat import as_transform


class FigureLine:
    """A matplotlib Line2D on a figure (what ``Figure.add_artist`` keeps for it)."""

    def __init__(self, figure, line) -> None:
        marker = line.get_marker()
        if marker not in (None, "None", "none", "", " "):
            raise TypeError(f"add_artist: lumos draws a figure's lines without markers; got "
                            f"marker={marker!r}, expected none")
        self.figure = figure
        self.line = line

    def _transform(self):
        if not self.line.is_transform_set():
            return self.figure.transFigure
        return as_transform(self.line.get_transform(), "transform")

    def draw(self, ov) -> None:
        """Into the overlay (figure pixels), as the line is now."""
        line = self.line
        if not line.get_visible():
            return
        xy = np.asarray(line.get_xydata(), dtype=float)
        style = check_linestyle(line.get_linestyle())
        if style is None or len(xy) < 2:
            return
        pixels = self._transform().forward(xy)
        width = self.figure.points_to_pixels(float(line.get_linewidth()))
        ov.line(pixels, colors.to_rgba(line.get_color(), line.get_alpha()), width,
                dash_pattern(style, width))

    def remove(self) -> None:
        """Take the line off the figure."""
        self.figure.figure_lines.remove(self)


def add_figure_artist(figure, artist) -> FigureLine:
    """``Figure.add_artist``'s work: matplotlib's Line2D only."""
    from .mpl_objects import is_matplotlib

    if is_matplotlib(artist):
        from matplotlib.lines import Line2D

        if isinstance(artist, Line2D):
            kept = FigureLine(figure, artist)
            figure.figure_lines.append(kept)
            return kept
    raise TypeError(f"add_artist: got {type(artist).__name__}; lumos draws matplotlib's "
                    "Line2D on a figure (add other artists to an axes: "
                    "fig.add_axes((0, 0, 1, 1)) with ax.set_axis_off())")
