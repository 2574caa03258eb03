"""lumos: fast, interactive scientific visualization on the GPU.

Submodules load on first use so that ``import lumos`` stays fast:

>>> from lumos import scene, visuals
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

_SUBMODULES = {"colors", "gpu", "io", "scene", "shaders", "transforms", "visuals"}


def __getattr__(name: str):
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module 'lumos' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | _SUBMODULES)
