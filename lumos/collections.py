"""matplotlib's collections for ``ax.add_collection``:
``from lumos.collections import LineCollection``.

The classes live in :mod:`lumos.plot.path_collections`; see there.
"""

from .plot.path_collections import (
    Collection,
    EventCollection,
    LineCollection,
    PatchCollection,
    PolyCollection,
)

__all__ = ["Collection", "EventCollection", "LineCollection", "PatchCollection",
           "PolyCollection"]
