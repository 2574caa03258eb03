"""Subfigures: a region of a figure with its own axes, titles and background
(matplotlib's ``SubFigure``, from ``fig.subfigures(1, 2)`` or ``fig.add_subfigure``).

Positions of a subfigure's axes and texts are fractions of the subfigure; it draws on
its figure's canvas, at its figure's dpi.
"""

from __future__ import annotations

from .bbox import Bbox
from .figure_base import FigureBase
from .gridspec import SubplotSpec


class SubFigure(FigureBase):
    """A region of ``parent`` (a figure or subfigure) at ``subplotspec``: ``subplots``,
    ``suptitle``, ``set_facecolor`` ... as on a figure."""

    def __init__(self, parent, subplotspec: SubplotSpec, *, facecolor=None, edgecolor=None,
                 linewidth: float = 0.0, frameon=None) -> None:
        if not isinstance(subplotspec, SubplotSpec):
            raise TypeError(f"subplotspec: got {type(subplotspec).__name__}, expected a "
                            "SubplotSpec")
        self._parent = parent
        self.figure = parent.figure
        self._subplotspec = subplotspec
        self.subplotpars = parent.subplotpars
        # transparent unless a face color is given: the parent shows through
        self._init_base("none" if facecolor is None else facecolor,
                        "none" if edgecolor is None else edgecolor, linewidth, frameon)
        self.bbox_relative = self._cell_box()

    def get_figure(self, root: bool | None = None):
        """The figure holding this subfigure (``root``: the top figure)."""
        return self.figure if root else self._parent

    def _cell_box(self) -> Bbox:
        """The cell's share of the parent by the grid's ratios, without spacing
        (matplotlib's ``_redo_transform_rel_fig``)."""
        ss = self._subplotspec
        gs = ss.get_gridspec()
        wr, hr = gs.get_width_ratios(), gs.get_height_ratios()
        x0 = sum(wr[:ss.colspan.start]) / sum(wr)
        dx = sum(wr[ss.colspan.start:ss.colspan.stop]) / sum(wr)
        y0 = 1 - sum(hr[:ss.rowspan.stop]) / sum(hr)
        dy = sum(hr[ss.rowspan.start:ss.rowspan.stop]) / sum(hr)
        return Bbox.from_bounds(x0, y0, dx, dy)

    def get_subplotspec(self) -> SubplotSpec:
        return self._subplotspec

    def bbox_pixels(self) -> tuple[float, float, float, float]:
        """Where the subfigure is, in figure pixels: (x, y, w, h)."""
        return self._parent.fraction_to_pixels(self.bbox_relative)

    def set_bbox_pixels(self, box: Bbox) -> None:
        """Move the subfigure to a box in figure pixels (the constrained layout does)."""
        self.bbox_relative = self._parent.pixels_to_fraction(box.bounds)

    # the root figure's canvas, resolution and layout
    @property
    def canvas(self):
        return self.figure.canvas

    @property
    def dpi(self) -> float:
        return self.figure.dpi

    @property
    def transFigure(self):  # noqa: N802 (matplotlib's name)
        return self.figure.transFigure

    def points_to_pixels(self, points):
        return self.figure.points_to_pixels(points)

    def get_layout_engine(self):
        return self.figure.get_layout_engine()

    @property
    def colorbars(self) -> list:
        return self.figure.colorbars

    def draw_background(self, ov) -> None:
        """The subfigure's face and edge, under its axes."""
        x, y, w, h = self.bbox_pixels()
        face = self.patch.face()
        edge = self.patch.edge()
        if face is not None and face[3] > 0:
            ov.rect(x, y, w, h, face)
        if edge is not None:
            ov.rect(x, y, w, h, (0, 0, 0, 0), edge[0], self.points_to_pixels(edge[1]))
        for sfig in self.subfigs:
            sfig.draw_background(ov)

    def __repr__(self) -> str:
        return f"<SubFigure at {self._subplotspec!r}>"
