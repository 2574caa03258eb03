"""Plotting with matplotlib's names: Figure, Axes, subplots, projections."""

from .._exports import lazy_exports
from .axes import Axes
from .figure import Figure, subplots
from .projections import projection_names, register_projection

__all__ = ["Axes", "Figure", "projection_names", "register_projection", "subplots"]

# Submodules load on first use (``lumos.plot.charts``), as they did when Axes imported
# them all.
__getattr__, __dir__ = lazy_exports(__name__, {})
del lazy_exports
