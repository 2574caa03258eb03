"""Visuals: the things a view draws, each batched into as few draws as possible."""

from .base import Visual
from .image import Image
from .line import Line
from .markers import Markers
from .mesh import Mesh
from .text import Text

__all__ = ["Image", "Line", "Markers", "Mesh", "Text", "Visual"]
