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

import matplotlib as _mpl

if tuple(int(p) for p in _mpl.__version__.split(".")[:2] if p.isdigit()) < (3, 11):
    raise ImportError(f"lumos.mpl_backend needs matplotlib >= 3.11 (its glyph layout and "
                      f"mathtext glyph indices), found {_mpl.__version__}: pip install "
                      "'lumos[matplotlib]'")

from .canvas import FigureCanvasLumos, TimerLumos  # noqa: E402
from .notebook import register as _register_notebook  # noqa: E402
from .renderer import LumosFallbackWarning, RendererLumos  # noqa: E402

FigureCanvas = FigureCanvasLumos
_register_notebook()  # in IPython, figures of this backend show lumos's widget


def __getattr__(name: str):
    if name in ("FigureManager", "FigureManagerLumos"):
        from .manager import FigureManagerLumos

        return FigureManagerLumos
    raise AttributeError(f"module 'lumos.mpl_backend' has no attribute {name!r}")


__all__ = ["FigureCanvas", "FigureCanvasLumos", "LumosFallbackWarning", "RendererLumos",
           "TimerLumos"]
