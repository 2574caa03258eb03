"""A matplotlib backend drawn by lumos: ``matplotlib.use("module://lumos.mpl_backend")``.

matplotlib keeps its API, its artists and its layout; lumos draws what they render: the
renderer (:mod:`.renderer`) records matplotlib's calls, the scene (:mod:`.scene`) batches
them into lumos visuals in views whose cameras are the axes' data transforms, and the
canvas (:mod:`.canvas`) renders PNG on the GPU, writes SVG and PDF through lumos's
vector writers and HTML as a WebGL2 page. ``plt.show()`` opens lumos's window, where
matplotlib's own toolbar logic pans and zooms (:mod:`.manager`).

>>> import matplotlib
>>> matplotlib.use("module://lumos.mpl_backend")     # or MPLBACKEND=module://lumos.mpl_backend
"""

from __future__ import annotations

from .canvas import FigureCanvasLumos, TimerLumos
from .notebook import register as _register_notebook
from .renderer import LumosFallbackWarning, RendererLumos

FigureCanvas = FigureCanvasLumos
_register_notebook()  # in IPython, figures of this backend show lumos's widget


def __getattr__(name: str):
    if name in ("FigureManager", "FigureManagerLumos"):
        from .manager import FigureManagerLumos

        return FigureManagerLumos
    raise AttributeError(f"module 'lumos.mpl_backend' has no attribute {name!r}")


__all__ = ["FigureCanvas", "FigureCanvasLumos", "LumosFallbackWarning", "RendererLumos",
           "TimerLumos"]
