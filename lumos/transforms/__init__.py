"""Bijective transforms with a numpy form (float64) and a GLSL form.

>>> t = Log(10) * Affine(scale=2)     # a * b applies b first, then a
>>> t.forward([[50.0, 1.0]])
array([[2., 2.]])
"""

from .affine import Affine
from .base import Transform
from .blended import Blended, blended_transform_factory
from .chain import Chain, chain
from .geo import Aitoff, Hammer, Lambert, Mollweide
from .nonlinear import Log, Mercator, Polar, SymLog
from .subdivide import subdivide

__all__ = [
    "Affine",
    "Aitoff",
    "Affine2D",
    "Blended",
    "blended_transform_factory",
    "Chain",
    "Hammer",
    "Lambert",
    "Log",
    "Mercator",
    "Mollweide",
    "Polar",
    "SymLog",
    "Transform",
    "chain",
    "subdivide",
]


def __getattr__(name: str):
    if name == "Affine2D":  # blended's, loaded with lumos.path at the first look-up
        from .blended import Affine2D

        return Affine2D
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
