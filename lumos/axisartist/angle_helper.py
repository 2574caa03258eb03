"""axisartist's ``angle_helper``: the extreme finder of a cyclic coordinate
(``ExtremeFinderCycle``) and the locators and formatters of angles in degrees or hours
(``LocatorDMS``, ``LocatorHMS``, ``FormatterDMS``, ``FormatterHMS`` and the ``D``/``M``/
``S`` and ``H`` variants): matplotlib's own, pure computation, which
:class:`~.grid_helper_curvelinear.GridHelperCurveLinear` asks."""

from __future__ import annotations

from mpl_toolkits.axisartist.angle_helper import (
    ExtremeFinderCycle,
    FormatterDMS,
    FormatterHMS,
    LocatorD,
    LocatorDM,
    LocatorDMS,
    LocatorH,
    LocatorHM,
    LocatorHMS,
)

__all__ = ["ExtremeFinderCycle", "FormatterDMS", "FormatterHMS", "LocatorD", "LocatorDM",
           "LocatorDMS", "LocatorH", "LocatorHM", "LocatorHMS"]
