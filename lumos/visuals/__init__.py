"""Visuals: the things a view draws, each batched into as few draws as possible."""

from .base import Visual
from .density import Density
from .image import Image
from .line import Line
from .markers import Markers
from .mesh import Mesh
from .path import Paths
from .stream import Stream
from .text import Text
from .waterfall import Waterfall

__all__ = ["Density", "Image", "Line", "Markers", "Mesh", "Paths", "Stream", "Text", "Visual",
           "Waterfall"]
