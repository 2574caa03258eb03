"""Visuals: the things a view draws, each batched into as few draws as possible.

Each visual loads from its submodule on first use (lumos._exports): a 2D figure needs
lines, markers, paths and text, not isosurfaces, volumes or molecules."""

from .._exports import lazy_exports

__all__ = ["Density", "Image", "Isosurface", "Line", "Markers", "Mesh", "MoleculeVisual",
           "NonUniformImage", "Paths", "Stream", "Surface", "Text", "Visual", "Volume",
           "Waterfall"]

__getattr__, __dir__ = lazy_exports(__name__, {
    "Visual": "base", "Density": "density", "Image": "image", "Isosurface": "isosurface",
    "Line": "line", "Markers": "markers", "Mesh": "mesh", "MoleculeVisual": "molecule",
    "NonUniformImage": "image_nonuniform",
    "Paths": "path", "Stream": "stream", "Surface": "surface", "Text": "text",
    "Volume": "volume", "Waterfall": "waterfall",
})
del lazy_exports
