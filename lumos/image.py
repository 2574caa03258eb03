"""matplotlib's ``image`` names: ``from lumos.image import NonUniformImage``.

The classes live in :mod:`lumos.plot.image` (AxesImage, FigureImage),
:mod:`lumos.plot.image_bbox` (BboxImage) and :mod:`lumos.plot.image_nonuniform`
(NonUniformImage); ``imread`` in
:mod:`lumos.io.image_files`, ``imsave`` in :mod:`lumos.plot.image_save`.
"""

from .io.image_files import imread
from .plot.image import AxesImage, FigureImage
from .plot.image_bbox import BboxImage
from .plot.image_nonuniform import NonUniformImage
from .plot.image_save import imsave

__all__ = ["AxesImage", "BboxImage", "FigureImage", "NonUniformImage", "imread", "imsave"]
