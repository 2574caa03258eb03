"""matplotlib's ``cm`` module: ``plt.cm.viridis``, ``plt.cm.get_cmap``, ``plt.cm.ScalarMappable``.

Every colormap name is an attribute (a new :class:`lumos.colors.Colormap` each time);
:class:`ScalarMappable` is a norm and a colormap without an artist, what
``fig.colorbar(cm.ScalarMappable(norm, cmap), ax=ax)`` shows.
"""

from __future__ import annotations

import numpy as np

from .. import colors
from ..colors import colormaps, get_cmap  # noqa: F401  (matplotlib's cm has both)
from .artists import ScalarMappable as _MappableBase


class ScalarMappable(_MappableBase):
    """A norm and a colormap, with optional data (``set_array``) for its limits."""

    def __init__(self, norm=None, cmap=None) -> None:
        self._init_mappable(cmap, norm, None, None)
        self._A = None

    def set_array(self, A) -> None:  # noqa: N803
        self._A = None if A is None else np.asarray(A)
        if self._A is not None:
            self.autoscale_clim(self._A)

    def get_array(self):
        return None if self._A is None else self._A.copy()

    def autoscale(self) -> None:
        """Limits from the array (matplotlib's name)."""
        if self._A is None:
            raise TypeError("You must first set_array for mappable")
        self.norm.autoscale(self._A)

    def autoscale_None(self) -> None:
        if self._A is not None:
            self.norm.autoscale_None(self._A)

    def _mapping_changed(self) -> None:
        """Nothing is drawn from a bare mappable; its colorbar reads it every frame."""


def __getattr__(name: str):
    """``cm.viridis``, ``cm.RdBu_r``: the colormap of that name."""
    if name.startswith("__"):
        raise AttributeError(name)
    try:
        return colors.get_cmap(name)
    except ValueError:
        raise AttributeError(f"module 'cm' has no attribute {name!r} (not a colormap "
                             "name)") from None
