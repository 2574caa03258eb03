"""Plotting with matplotlib's names: Figure, Axes, subplots, projections."""

import atexit
import gc

from .._exports import lazy_exports
from .axes import Axes
from .figure import Figure, subplots
from .projections import projection_names, register_projection

__all__ = ["Axes", "Figure", "projection_names", "register_projection", "subplots"]

# Submodules load on first use (``lumos.plot.charts``), as they did when Axes imported
# them all.
__getattr__, __dir__ = lazy_exports(__name__, {})
del lazy_exports

# At exit the interpreter's last collections walk every object still alive (figures,
# artists, GL objects) only to free memory the process gives back anyway: 30-35 ms of a
# cold start's exit here. Freezing them skips that walk. Registered first, it runs after
# every atexit handler registered later (lumos's own, weakref.finalize's); handlers still
# run and refcounted objects are still released, only the __del__ of objects in cycles
# left at exit, which Python does not promise to call, are skipped.
atexit.register(gc.freeze)
