"""``ax.indicate_inset`` / ``ax.indicate_inset_zoom``: a rectangle on the axes marking a
region and the lines joining it to an inset axes (matplotlib's ``InsetIndicator``).

The rectangle is a patch of the axes. The connectors join a corner of the rectangle
(data) to the same corner of the inset axes (its own axes coordinates): two axes, so
they are drawn in figure pixels in the overlay, computed again every frame (panning
either axes moves them). Which two of the four show follows matplotlib: those that do
not cross the rectangle or the inset, chosen again each frame until ``set_visible``.
"""

from __future__ import annotations

import numpy as np

from .artists import Artist
from .style import dash_pattern

#: the corners of the inset, in its axes coordinates: lower left, upper left, lower
#: right, upper right (matplotlib's order of ``connectors``)
_CORNERS = ((0, 0), (0, 1), (1, 0), (1, 1))


class InsetConnector:
    """One line from a corner of the indicator's rectangle to the inset's same corner,
    styled as the rectangle's edge. ``set_visible`` overrides the automatic choice."""

    def __init__(self, indicator: InsetIndicator, index: int) -> None:
        self.indicator = indicator
        self.index = index
        self._visible: bool | None = None  # None: chosen from the geometry

    def get_visible(self) -> bool:
        """Whether the line is drawn (the automatic choice unless set)."""
        if self._visible is not None:
            return self._visible
        return self.indicator.auto_visible()[self.index]

    def set_visible(self, visible) -> None:
        """Draw the line or not, whatever the geometry."""
        self._visible = bool(visible)
        self.indicator.changed()

    def endpoints(self) -> np.ndarray:
        """(2, 2) figure pixels: the inset's corner, then the rectangle's."""
        ind = self.indicator
        ex, ey = _CORNERS[self.index]
        ax = ind.axes
        inset_px = ind.inset_ax.transAxes.forward(np.array([ex, ey], dtype=float))
        if ax.xaxis.get_inverted():  # the corner that looks the same way on screen
            ex = 1 - ex
        if ax.yaxis.get_inverted():
            ey = 1 - ey
        x, y = ind.rectangle.get_xy()
        w, h = ind.rectangle.get_width(), ind.rectangle.get_height()
        rect_px = ind.rectangle.get_transform().forward(
            np.array([x + ex * w, y + ey * h], dtype=float))
        return np.array([inset_px, rect_px], dtype=float)


class InsetIndicator(Artist):
    """The rectangle (``.rectangle``) and the connector lines (``.connectors``: four, two
    shown; None without an inset axes) that ``indicate_inset`` returns. Style setters
    (``set_edgecolor``, ``set_linewidth``, ``set_linestyle``, ``set_alpha``,
    ``set_color``) style both."""

    zorder = 4.99  # just below the inset axes, as matplotlib's

    def __init__(self, axes, bounds=None, inset_ax=None, *, transform=None,
                 alpha=0.5, zorder=None, **kwargs) -> None:
        if bounds is None and inset_ax is None:
            raise ValueError("indicate_inset: give bounds, inset_ax or both; got neither")
        super().__init__(axes, kwargs.pop("label", "_indicate_inset"), zorder)
        self.inset_ax = inset_ax
        self._auto_bounds = bounds is None
        x, y, w, h = self._bounds_from_inset() if bounds is None else \
            _check_bounds(bounds)
        # matplotlib's defaults, unless given under their names or aliases (fc, ec)
        if "fc" not in kwargs:
            kwargs.setdefault("facecolor", "none")
        if "ec" not in kwargs:
            kwargs.setdefault("edgecolor", "0.5")
        from .patch_shapes import Rectangle  # at the first inset: not with every Axes

        self.rectangle = Rectangle((x, y), w, h, alpha=alpha, zorder=self.zorder,
                                   transform=transform, **kwargs)
        # a part of the indicator, in none of the axes' lists (matplotlib's indicator
        # holds its rectangle: ax.patches does not show it)
        self.rectangle.listed_as = "owner"
        self._connectors = None if inset_ax is None else \
            tuple(InsetConnector(self, i) for i in range(4))

    def attach(self) -> None:
        """Put the rectangle on the axes (after the indicator is in them)."""
        # never in the data limits (matplotlib's indicator is no patch of the axes'):
        # added as add_artist adds (add_patch's extent, once fitted, is kept)
        self.axes.add_artist(self.rectangle)
        self.rectangle.set_clip_on(False)  # matplotlib's: the frame may leave the axes

    def _bounds_from_inset(self) -> tuple[float, float, float, float]:
        (x0, x1), (y0, y1) = self.inset_ax.get_xlim(), self.inset_ax.get_ylim()
        return x0, y0, x1 - x0, y1 - y0

    @property
    def connectors(self):
        """The four :class:`InsetConnector` (lower left, upper left, lower right, upper
        right corner of the inset), or None without an inset axes."""
        return self._connectors

    def auto_visible(self) -> tuple[bool, bool, bool, bool]:
        """matplotlib's choice of the connectors shown, from where the rectangle lies
        against the inset on screen."""
        r = self.rectangle
        x, y = r.get_xy()
        # matplotlib compares the corners as transformed, not sorted: on an inverted
        # axis the rectangle's "x0" is its right edge on screen. (matplotlib 3.11 also
        # applies the patch transform twice here; lumos takes the corners on screen.)
        (rx0, ry0), (rx1, ry1) = r.get_transform().forward(np.array(
            [[x, y], [x + r.get_width(), y + r.get_height()]], dtype=float))
        (bx0, by0), (bx1, by1) = self.inset_ax.transAxes.forward(
            np.array([[0.0, 0.0], [1.0, 1.0]]))
        x0, x1, y0, y1 = rx0 < bx0, rx1 < bx1, ry0 < by0, ry1 < by1
        return bool(x0 ^ y0), bool(x0 == y1), bool(x1 == y0), bool(x1 ^ y1)

    def changed(self) -> None:
        """Something the connectors show changed: redraw."""
        self._changed()

    # -- what the axes asks ------------------------------------------------------------
    def prepare(self) -> None:
        super().prepare()
        if self._auto_bounds:  # the rectangle follows the inset's limits
            bounds = self._bounds_from_inset()
            rect = self.rectangle
            if bounds != (*rect.get_xy(), rect.get_width(), rect.get_height()):
                rect.set_bounds(*bounds)

    def draw_overlay(self, ov) -> None:
        if not self.get_visible() or self._connectors is None:
            return
        rect = self.rectangle
        color = rect.get_edgecolor()
        width = self.axes.figure.points_to_pixels(rect.get_linewidth())
        dashes = dash_pattern(rect.get_linestyle(), width)
        for c in self._connectors:
            if c.get_visible() and color[3] > 0 and width > 0:
                ov.line(c.endpoints(), color, width, dashes)

    def remove(self) -> None:
        """Take the rectangle and the connectors off the axes."""
        self.rectangle.remove()
        super().remove()

    def set_visible(self, visible: bool) -> None:
        """Show or hide the rectangle and the connectors."""
        super().set_visible(visible)
        self.rectangle.set_visible(visible)

    # -- style shared by the rectangle and the connectors -------------------------------
    def set_edgecolor(self, color) -> None:
        """The color of the rectangle's edge and of the connectors."""
        self.rectangle.set_edgecolor(color)
        self._changed()

    def set_color(self, color) -> None:
        """The rectangle's edge and face color and the connectors' color."""
        self.rectangle.set_color(color)
        self._changed()

    def set_linewidth(self, w) -> None:
        """The line width (points) of the rectangle and the connectors."""
        self.rectangle.set_linewidth(w)
        self._changed()

    def set_linestyle(self, ls) -> None:
        """The line style of the rectangle and the connectors."""
        self.rectangle.set_linestyle(ls)
        self._changed()

    def set_alpha(self, alpha) -> None:
        """The opacity of the rectangle and the connectors."""
        self.rectangle.set_alpha(alpha)
        self._changed()

    def get_edgecolor(self) -> tuple:
        """The edge color (RGBA, alpha applied)."""
        return self.rectangle.get_edgecolor()

    def get_linewidth(self) -> float:
        """The line width in points."""
        return self.rectangle.get_linewidth()

    def get_alpha(self):
        """The opacity (None: the colors' own)."""
        return self.rectangle.get_alpha()


def _check_bounds(bounds) -> tuple[float, float, float, float]:
    try:
        values = np.asarray(bounds, dtype=float)
    except (TypeError, ValueError):
        values = np.zeros(0)
    if values.shape != (4,) or not np.isfinite(values).all():
        raise ValueError(f"bounds: got {bounds!r}, expected finite (x0, y0, width, height)")
    return tuple(float(v) for v in values)


class InsetIndicating:
    """Mixin of Axes: ``indicate_inset`` and ``indicate_inset_zoom``."""

    def indicate_inset(self, bounds=None, inset_ax=None, **kwargs) -> InsetIndicator:
        """A rectangle at ``bounds`` = (x0, y0, width, height) (in ``transform``'s
        coordinates, data by default) and, with ``inset_ax``, lines joining it to that
        inset axes. Keywords: ``facecolor`` ('none'), ``edgecolor`` ('0.5'), ``alpha``
        (0.5), ``zorder`` (4.99), ``transform`` and the Rectangle's."""
        indicator = InsetIndicator(self, bounds, inset_ax, **kwargs)
        self._add_artist(indicator, autoscale=False)
        indicator.attach()
        return indicator

    def indicate_inset_zoom(self, inset_ax, **kwargs) -> InsetIndicator:
        """``indicate_inset`` of the region ``inset_ax`` shows (its limits, followed when
        they change)."""
        return self.indicate_inset(None, inset_ax, **kwargs)
