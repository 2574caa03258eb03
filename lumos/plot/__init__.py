"""Plotting with matplotlib's names: Figure, Axes, subplots, projections."""

from .axes import Axes
from .figure import Figure, subplots
from .projections import projection_names, register_projection

__all__ = ["Axes", "Figure", "projection_names", "register_projection", "subplots"]
