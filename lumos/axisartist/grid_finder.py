"""axisartist's ``grid_finder`` locators and formatters of a curvilinear grid
(``MaxNLocator``, ``FixedLocator``, ``DictFormatter``, ``FormatterPrettyPrint``,
``ExtremeFinderSimple``): matplotlib's own, pure computation, which
:class:`~.grid_helper_curvelinear.GridHelperCurveLinear` asks where the grid lines go
and what their labels read."""

from __future__ import annotations

from mpl_toolkits.axisartist.grid_finder import (
    DictFormatter,
    ExtremeFinderSimple,
    FixedLocator,
    FormatterPrettyPrint,
    MaxNLocator,
)

__all__ = ["DictFormatter", "ExtremeFinderSimple", "FixedLocator", "FormatterPrettyPrint",
           "MaxNLocator"]
