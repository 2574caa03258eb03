"""axisartist's axes on lumos: change ``mpl_toolkits.axisartist`` to
``lumos.axisartist`` in a script (or keep it: ``fig.add_subplot(axes_class=...)`` with
matplotlib's axisartist ``Axes``, ``AxesZero`` or ``HostAxes`` makes these) and its
``ax.axis["left"]`` sides, ``ax.axis["xzero"]``, ``new_floating_axis``,
``new_fixed_axis`` and parasite axes run on lumos (:mod:`.axislines`,
:mod:`.axis_artist`, :mod:`.parasite_axes`).

Curvilinear grids: ``grid_helper=GridHelperCurveLinear(tr)`` (:mod:`.grid_helper_curvelinear`,
with :mod:`.angle_helper` and :mod:`.grid_finder`) draws curved grid lines, the sides'
ticks where they cross the box and floating axes along the curves; :mod:`.floating_axes`
bounds such a grid by ranges of its curved coordinates.

>>> from lumos.axisartist import AxesZero
>>> ax = fig.add_subplot(axes_class=AxesZero)
>>> ax.axis["xzero"].set_visible(True)
"""

from __future__ import annotations

from .axis_artist import AxisArtist
from .axislines import Axes, AxesZero, AxisDict, Subplot, SubplotZero
from .curvilinear import DrawnAxisArtist
from .grid_helper_curvelinear import GridHelperCurveLinear
from .parasite_axes import HostAxes, SubplotHost

__all__ = ["Axes", "AxesZero", "AxisArtist", "AxisDict", "DrawnAxisArtist",
           "GridHelperCurveLinear",
           "HostAxes", "Subplot",
           "SubplotHost", "SubplotZero", "toolkit_axes_class"]


def toolkit_axes_class(cls: type) -> type:
    """The lumos class drawing matplotlib's toolkit axes class ``cls`` (axisartist's
    ``Axes``/``AxesZero``/``HostAxes``/``FloatingAxes``, axes_grid1's ``HostAxes``);
    TypeError naming one lumos does not draw."""
    from mpl_toolkits import axisartist as mpl_aa
    from mpl_toolkits.axes_grid1 import parasite_axes as mpl_grid1

    from ..axes_grid1 import HostAxes as Grid1Host

    known = {mpl_aa.Axes: Axes, mpl_aa.AxesZero: AxesZero, mpl_aa.HostAxes: HostAxes,
             mpl_grid1.HostAxes: Grid1Host}
    if cls in known:
        return known[cls]
    if cls is mpl_aa.floating_axes.FloatingAxes:
        from .floating_axes import FloatingAxes

        return FloatingAxes
    raise TypeError(f"axes_class: got {getattr(cls, '__module__', '')}."
                    f"{getattr(cls, '__name__', type(cls).__name__)}; lumos draws "
                    "matplotlib's axisartist Axes, AxesZero and HostAxes and axes_grid1's "
                    "HostAxes (as lumos.axisartist's and lumos.axes_grid1's)")
