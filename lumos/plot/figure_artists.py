"""``fig.add_artist(line)``: matplotlib's Line2D drawn on the figure itself, in figure
fraction unless the line has a transform of its own (matplotlib's ``transSubfigure``
default). The line is read from the matplotlib object each frame (so ``set_data`` and
the other setters show) and drawn in the figure's overlay, over the axes' data.

matplotlib's ``ConnectionPatch`` (``fig.add_artist(con)`` or ``ax.add_artist(con)``)
is drawn the same way: from ``xy1`` in ``coords1`` to ``xy2`` in ``coords2`` (strings
relative to ``axesA``/``axesB``, or transforms), shrunk by ``shrinkA``/``shrinkB``
points, straight or ``arc3``, with the arrow styles annotations draw.
"""

from __future__ import annotations

import numpy as np

from .. import colors
from .artists import check_linestyle
from .style import dash_pattern


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
        from .transforms_compat import as_transform

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


class FigureConnection(FigureLine):
    """A matplotlib ConnectionPatch (what ``add_artist`` keeps for it), read each frame."""

    def __init__(self, figure, patch) -> None:
        self.figure = figure
        self.line = patch
        self._style()  # refused now, not at the first frame, when lumos cannot draw it

    def _style(self) -> tuple[object, tuple[str, dict]]:
        """matplotlib's ArrowStyle and ConnectionStyle (checked now, as lumos reads them:
        arrowstyles.parse_arrowstyle, parse_connectionstyle)."""
        from .arrowstyles import parse_arrowstyle, parse_connectionstyle

        style = self.line.get_arrowstyle()
        parse_arrowstyle(style)
        return style, parse_connectionstyle(self.line.get_connectionstyle())

    def get_window_extent(self, renderer=None):
        """The box between the arrow's ends in figure pixels (what an annotation's
        ``xycoords=arrow`` reads)."""
        from .bbox import Bbox

        a, b = self._ends()
        return Bbox.from_extents(min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]),
                                 max(a[1], b[1]))

    def _ends(self) -> tuple[np.ndarray, np.ndarray]:
        """Where the arrow starts and ends, in figure pixels."""
        con = self.line
        return (self._end(con.xy1, con.coords1, con.axesA),
                self._end(con.xy2, con.coords2, con.axesB))

    def _end(self, xy, coords, axes) -> np.ndarray:
        """A point in ``coords`` (relative to ``axes``) in figure pixels."""
        fig = self.figure
        if isinstance(coords, str):
            where = {"figure fraction": fig.transFigure}
            if axes is not None:
                where.update({"data": axes.transData, "axes fraction": axes.transAxes})
            if coords == "figure pixels":
                return np.asarray(xy, dtype=float)
            if coords not in where:
                raise TypeError(f"coords: got {coords!r}, expected 'data' or 'axes "
                                "fraction' (with axesA/axesB), 'figure fraction', 'figure "
                                "pixels' or a transform")
            transform = where[coords]
        else:
            from .transforms_compat import as_transform

            transform = as_transform(coords, "coords")
        return np.asarray(transform.forward(np.asarray(xy, dtype=float)), dtype=float)

    def draw(self, ov) -> None:
        from .annotations import arrow_path
        from .arrowstyles import draw_arrow

        con = self.line
        if not con.get_visible():
            return
        style = check_linestyle(con.get_linestyle())
        a, b = self._ends()
        if style is None or not (np.isfinite(a).all() and np.isfinite(b).all()):
            return
        pts = self.figure.points_to_pixels
        arrow, connection = self._style()
        width = pts(float(con.get_linewidth()))
        color = colors.to_rgba(con.get_edgecolor())
        draw_arrow(ov, arrow_path(a, b, connection, pts(con.shrinkA), pts(con.shrinkB)),
                   arrow, color, width,
                   pts(con.get_mutation_scale()), dash_pattern(style, width),
                   facecolor=colors.to_rgba(con.get_facecolor()))


class FigureArrow(FigureConnection):
    """A matplotlib FancyArrowPatch added to an axes (``add_patch``, ``add_artist``):
    drawn over the figure, unclipped, from posA to posB through its transform (the
    axes' data unless set), read each frame."""

    def __init__(self, figure, patch, axes) -> None:
        if patch._posA_posB is None:
            raise TypeError("add_patch: lumos draws a FancyArrowPatch from posA to posB; "
                            "got one made with path=")
        self.axes = axes
        super().__init__(figure, patch)

    def _ends(self) -> tuple[np.ndarray, np.ndarray]:
        from .mpl_objects import _artist_transform
        from .transforms_compat import as_transform

        transform = _artist_transform(self.line)
        transform = self.axes.transData if transform is None else \
            as_transform(transform, "transform")
        a, b = np.asarray(transform.forward(np.asarray(self.line._posA_posB, dtype=float)),
                          dtype=float).reshape(2, 2)
        return a, b


def kept_for(figure, source):
    """The keeper of matplotlib's ``source`` in ``figure`` (its FigureArrow, ...), or
    None: an annotation placed on such an arrow reads the box lumos draws."""
    return next((k for k in figure.figure_lines if getattr(k, "line", None) is source), None)


def add_axes_arrow(axes, patch) -> FigureArrow:
    """``Axes.add_patch``'s and ``add_artist``'s work for a matplotlib FancyArrowPatch:
    kept by the axes' figure and drawn over it."""
    figure = axes.figure.figure
    kept = FigureArrow(figure, patch, axes)
    figure.figure_lines.append(kept)
    return kept


def add_figure_artist(figure, artist) -> FigureLine | list:
    """``Figure.add_artist``'s work (and ``Axes.add_artist``'s for a ConnectionPatch):
    matplotlib's Line2D and ConnectionPatch, and its AnnotationBbox (the list of lumos
    artists drawing it: :func:`mpl_offsetbox.add_figure_offsetbox`)."""
    from .mpl_objects import is_matplotlib

    if is_matplotlib(artist):
        from matplotlib.lines import Line2D
        from matplotlib.offsetbox import AnnotationBbox
        from matplotlib.patches import ConnectionPatch

        if isinstance(artist, AnnotationBbox):
            from .mpl_offsetbox import add_figure_offsetbox

            return add_figure_offsetbox(figure, artist)

        kinds = {Line2D: FigureLine, ConnectionPatch: FigureConnection}
        for kind, keeper in kinds.items():
            if isinstance(artist, kind):
                kept = keeper(figure, artist)
                figure.figure_lines.append(kept)
                return kept
    raise TypeError(f"add_artist: got {type(artist).__name__}; lumos draws matplotlib's "
                    "Line2D, ConnectionPatch and AnnotationBbox on a figure (add other "
                    "artists to an axes: fig.add_axes((0, 0, 1, 1)) with "
                    "ax.set_axis_off())")
