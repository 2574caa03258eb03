"""lumos: fast, interactive scientific visualization on the GPU.

Submodules load on first use so that ``import lumos`` stays fast:

>>> from lumos import scene, visuals
>>> fig, ax = lumos.subplots()
>>> with lumos.figure() as fig:   # GPU objects released at the end of the block
...     fig.subplot().plot([1, 2, 3]); fig.savefig("x.png")
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

# matplotlib's module names among them (cm, colors, style, ticker, ...) make
# ``import lumos as mpl; mpl.style.use(...)`` work as after ``import matplotlib``
_SUBMODULES = {"cm", "collections", "colors", "dates", "geometry", "gpu", "io", "isosurface",
               "molecule", "patches", "patheffects", "path", "plot", "pyplot", "scene",
               "shaders", "style", "ticker", "transforms", "tri", "visuals", "widgets"}
# name -> the module defining it (lumos.plot.figure the module stays what its name says)
_NAMES = {"Figure": "plot", "figure": "plot.figure", "subplots": "plot",
          "rcParams": "plot.style", "rc": "plot.style", "rc_context": "plot.style",
          "rcdefaults": "plot.style", "colormaps": "colors", "color_sequences": "colors",
          "marching_cubes": "isosurface", "Molecule": "molecule", "read_molecule": "molecule"}


def __getattr__(name: str):
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    if name in _NAMES:
        return getattr(importlib.import_module(f"{__name__}.{_NAMES[name]}"), name)
    raise AttributeError(f"module 'lumos' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | _SUBMODULES | set(_NAMES))
