"""Plotting with matplotlib's names: Figure, Axes, subplots."""

from .axes import Axes
from .figure import Figure, subplots

__all__ = ["Axes", "Figure", "subplots"]
