"""``fig.figimage``: images placed in figure pixels, one image pixel per figure pixel
(matplotlib's FigureImage), colored as ``imshow`` colors them.

They draw in two views of the figure's canvas whose cameras show the figure in pixels:
one under every axes (images of zorder below 0, the axes' default) and one over the
axes' data (the others: matplotlib draws a figure image after axes of the same zorder),
under the axes' decorations, which lumos draws on top.
"""

from __future__ import annotations

from ..scene.cameras import PanZoomCamera
from . import validate
from .image import AxesImage


class FigureImage(AxesImage):
    """An image whose lower left corner is ``(xo, yo)`` figure pixels from the figure's
    lower left corner, as ``fig.figimage`` returns (``imshow``'s mapping, alpha,
    origin and ``set_data``)."""

    def __init__(self, figure, data, xo=0, yo=0, **kwargs) -> None:
        self.figure = figure
        self.ox = validate.number(xo, "xo")
        self.oy = validate.number(yo, "yo")
        kwargs.setdefault("interpolation", "nearest")
        super().__init__(None, data, **kwargs)

    def get_extent(self) -> tuple[float, float, float, float]:
        """(left, right, bottom, top) in figure pixels."""
        h, w = self._data.shape[:2]
        return (self.ox, self.ox + w, self.oy, self.oy + h)

    def set_extent(self, extent) -> None:
        raise TypeError("set_extent: a figure image lies where xo, yo put it, one figure "
                        "pixel per image pixel; set .ox and .oy to move it")

    def rescale(self) -> None:
        left, right, b, t = self.get_extent()
        y0, y1 = (t, b) if self._origin == "upper" else (b, t)  # row 0 at the top
        self._visual.extent = (left, right, y0, y1)
        self._visual.order = self.zorder

    def set_zorder(self, z: float) -> None:
        super().set_zorder(z)
        self._visual.order = self.zorder

    def set_visible(self, visible: bool) -> None:
        super().set_visible(visible)
        self._visual.visible = self.get_visible()

    def remove(self) -> None:
        """Take the image off the figure."""
        self.figure.images.remove(self)


class FigureImages:
    """The figure's images (``fig.images``, a list) and the two views they draw in."""

    def __init__(self, canvas) -> None:
        self.canvas = canvas
        self.images: list[FigureImage] = []
        self._views: dict[bool, object] = {}  # above the axes' data -> view

    def _view(self, above: bool):
        view = self._views.get(above)
        if view is None:
            view = self._views[above] = self.canvas.add_view(camera=PanZoomCamera(),
                                                             rect=(0, 0, 1, 1))
            view.interactive = False  # figure pixels: the mouse moves nothing here
            view.whole_canvas = True
        return view

    def sync(self, below_index: int, above_index: int) -> None:
        """Each image in its view, the views showing the figure's pixels and placed
        in the canvas' views: the lower one at ``below_index`` (under every axes), the
        upper one at ``above_index`` (over the axes, under the decorations)."""
        w, h = self.canvas.size
        for above in (False, True):
            shown = [v for im in self.images if im.get_visible() and (im.zorder >= 0) == above
                     for v in im.visuals()]
            if shown or above in self._views:
                self._view(above).visuals[:] = shown
        views = self.canvas.views
        for above, index in ((False, below_index), (True, above_index)):
            view = self._views.get(above)
            if view is None:
                continue
            view.fixed_rect = (0, 0, w, h)
            view.camera.rect = (0, 0, w, h)
            views.remove(view)
            views.insert(min(index, len(views)), view)


def figimage(figure, X, xo=0, yo=0, alpha=None, norm=None, cmap=None, vmin=None,
             vmax=None, origin=None, resize: bool = False, **kwargs) -> FigureImage:
    """matplotlib's ``Figure.figimage`` (see ``Figure.figimage``)."""
    if resize:
        raise TypeError("resize: True is not supported (lumos keeps the figure's size); "
                        "make the figure the image's size with figsize and dpi")
    allowed = {"zorder", "label", "interpolation"}
    if set(kwargs) - allowed:
        raise TypeError(f"figimage: unexpected keyword arguments {sorted(set(kwargs) - allowed)}")
    im = FigureImage(figure, X, xo, yo, alpha=alpha, norm=norm, cmap=cmap, vmin=vmin,
                     vmax=vmax, origin=origin, **kwargs)
    figure.figure_images.images.append(im)
    return im
