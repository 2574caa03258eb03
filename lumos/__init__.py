"""lumos: fast, interactive scientific visualization on the GPU.

Submodules load on first use so that ``import lumos`` stays fast:

>>> from lumos import scene, visuals
>>> fig, ax = lumos.subplots()
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

_SUBMODULES = {"collections", "colors", "geometry", "gpu", "io", "patches", "path", "plot",
               "pyplot", "scene", "shaders", "transforms", "visuals"}
_FROM_PLOT = {"Figure", "subplots"}


def __getattr__(name: str):
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    if name in _FROM_PLOT:
        return getattr(importlib.import_module(f"{__name__}.plot"), name)
    raise AttributeError(f"module 'lumos' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | _SUBMODULES | _FROM_PLOT)
