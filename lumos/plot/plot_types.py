"""The Axes plotting methods beyond lumos.plot.plotting, gathered by theme: statistics
(:mod:`.stats_plots`), charts (:mod:`.charts`), 2-D binning (:mod:`.binned`), spectra
(:mod:`.spectral`), triangular grids (:mod:`.tri`), vector fields (:mod:`.flow`),
matrices (:mod:`.matrix`) and tables (:mod:`.table`). ``Axes`` inherits
:class:`PlotTypesMixin`."""

from __future__ import annotations

from .binned import BinnedMixin
from .charts import ChartsMixin
from .flow import FlowMixin
from .matrix import MatrixMixin
from .spectral import SpectralMixin
from .stats_plots import StatsMixin
from .table import TableMixin
from .tri import TriMixin


class PlotTypesMixin(StatsMixin, ChartsMixin, BinnedMixin, SpectralMixin, TriMixin,
                     FlowMixin, MatrixMixin, TableMixin):
    """matplotlib's plot types, one mixin per theme module."""


__all__ = ["PlotTypesMixin"]
