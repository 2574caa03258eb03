"""Visuals: the things a view draws, each batched into as few draws as possible."""

from .base import Visual
from .density import Density
from .image import Image
from .isosurface import Isosurface
from .line import Line
from .markers import Markers
from .mesh import Mesh
from .molecule import MoleculeVisual
from .path import Paths
from .stream import Stream
from .surface import Surface
from .text import Text
from .volume import Volume
from .waterfall import Waterfall

__all__ = ["Density", "Image", "Isosurface", "Line", "Markers", "Mesh", "MoleculeVisual",
           "Paths", "Stream", "Surface", "Text", "Visual", "Volume", "Waterfall"]
