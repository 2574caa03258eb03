"""BboxImage: matplotlib's image stretched over a box in display pixels, added with
``ax.add_artist`` (matplotlib's class, or lumos's of the same name).

The box is a ``Bbox`` in display pixels (``text.get_window_extent()``, matplotlib's
``TransformedBbox``) or a callable taking a renderer and returning one, read again at
every frame, so an image in a text's box follows the text. The image is an
:class:`~lumos.plot.image.AxesImage` placed by a transform from its unit extent to that
box: imshow's colormap, norm, interpolation, origin and alpha apply; it is clipped to
the axes, as matplotlib clips an artist added to them.
"""

from __future__ import annotations

import numpy as np

from ..transforms import Affine
from .coords import LiveTransform
from .image import AxesImage, matplotlib_mapping


def _bounds_of(bbox) -> tuple[float, float, float, float]:
    """(x0, y0, width, height) of a box, or of the box a callable gives now."""
    box = bbox(None) if callable(bbox) else bbox
    return tuple(float(v) for v in box.bounds)


class BboxImage(AxesImage):
    """An image filling ``bbox`` (display pixels: a ``Bbox``, or a callable taking a
    renderer and returning one, as matplotlib's ``BboxImage(bbox, data=...)``), the
    first row at the top (``origin='upper'``, rcParams' default) or bottom. Add it with
    ``ax.add_artist(im)``; ``set_data`` replaces the pixels.

    A box in data coordinates (matplotlib's ``TransformedBbox(box, ax.transData)``) is a
    callable transforming it: ``lambda renderer: box.transformed(ax.transData)``,
    which follows pans and zooms.

    >>> ax.add_artist(BboxImage(text.get_window_extent, data=np.arange(256)[None]))
    """

    def __init__(self, bbox, *, data=None, cmap=None, norm=None, interpolation=None,
                 origin=None, alpha=None, zorder=None, label=None) -> None:
        if not (callable(bbox) or hasattr(bbox, "bounds")):
            raise TypeError(f"bbox: got {bbox!r}, expected a Bbox in display pixels or a "
                            "callable taking a renderer and returning one")
        self.bbox = bbox
        self._box = None  # the bounds the image was last placed in
        # no data yet: one transparent pixel (not a value, which would set the limits)
        super().__init__(None, np.zeros((1, 1, 4)) if data is None else data, cmap=cmap,
                         norm=norm, extent=(0, 1, 0, 1), origin=origin,
                         interpolation=interpolation, alpha=alpha, label=label, zorder=zorder)

    def get_window_extent(self, renderer=None):
        """The box the image fills now (display pixels)."""
        return self.bbox(renderer) if callable(self.bbox) else self.bbox

    def lumos_parts(self, ax) -> BboxImage:
        """``ax.add_artist(im)``: the image joins ``ax``, placed in its box."""
        self.bind(ax)
        return ax.add_image(self)

    def bind(self, ax) -> None:
        """Belong to ``ax`` (before it is added there), placed in the box."""
        if self.axes is not None:
            raise ValueError(f"add_artist: got {self!r}, which is already in axes")
        self.axes = ax
        self._box = _bounds_of(self.bbox)
        self.set_transform(LiveTransform(self._unit_to_box, "BboxImage"))

    def _unit_to_box(self) -> Affine:
        x0, y0, w, h = self._box
        return Affine(scale=(w, h, 1.0), translate=(x0, y0, 0.0))

    def rescale(self) -> None:
        if self._box is not None:  # placed once it joins its axes
            super().rescale()

    def draw_overlay(self, ov) -> None:
        """Placed again when its box moved (the text it covers changed) or the view
        did."""
        box = _bounds_of(self.bbox)
        if box != self._box:
            self._box = box
            self.rescale()
        else:
            super().draw_overlay(ov)

    def data_limits(self):
        """None: the image lies in display pixels, not in the data."""
        return None

    @property
    def sticky(self):
        """None: margins pass over it."""
        return [], []


def from_matplotlib(image, ax) -> BboxImage:
    """lumos's BboxImage drawing matplotlib's ``image`` on ``ax``: its box, data,
    colormap, norm, interpolation, origin, alpha, zorder and label as they are now."""
    mapping, clim = matplotlib_mapping(image)
    im = BboxImage(image.bbox, data=image.get_array(), **mapping,
                   interpolation=image.get_interpolation(), origin=image.origin,
                   alpha=image.get_alpha(), zorder=image.get_zorder(),
                   label=image.get_label() or None)
    im.set_clim(*clim)
    im.set_visible(image.get_visible())
    im.source = image
    im.bind(ax)
    return im
