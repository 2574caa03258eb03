"""``fig.figimage``: images placed in figure pixels, one image pixel per figure pixel
(matplotlib's FigureImage), colored as ``imshow`` colors them.

They draw in two views of the figure's canvas whose cameras show the figure in pixels:
one under every axes (images of zorder below 0, the axes' default) and one over the
axes' data (the others: matplotlib draws a figure image after axes of the same zorder),
under the axes' decorations, which lumos draws on top.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..scene.cameras import PanZoomCamera

if TYPE_CHECKING:  # in .image, imported by the first figimage
    from .image import FigureImage


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
    from .image import FigureImage  # at the first figure image: not with every figure

    allowed = {"zorder", "label", "interpolation"}
    if set(kwargs) - allowed:
        raise TypeError(f"figimage: unexpected keyword arguments {sorted(set(kwargs) - allowed)}")
    im = FigureImage(figure, X, xo, yo, alpha=alpha, norm=norm, cmap=cmap, vmin=vmin,
                     vmax=vmax, origin=origin, **kwargs)
    figure.figure_images.images.append(im)
    return im
