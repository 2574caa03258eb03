"""matplotlib's ``tri`` module: ``from lumos.tri import Triangulation``.

The class lives in :mod:`lumos.plot.tri`; see there.
"""

from .plot.tri import Triangulation

__all__ = ["Triangulation"]
