"""A matplotlib backend drawn by lumos: ``matplotlib.use("module://lumos.mpl_backend")``.

matplotlib keeps its API, its artists and its layout; lumos draws what they render: the
renderer (:mod:`.renderer`) records matplotlib's calls, the scene (:mod:`.scene`) batches
them into lumos visuals in views whose cameras are the axes' data transforms, and the
canvas (:mod:`.canvas`) renders PNG on the GPU, writes SVG and PDF through lumos's
vector writers and HTML as a WebGL2 page. ``plt.show()`` opens lumos's window, where
matplotlib's own toolbar logic pans and zooms (:mod:`.manager`).

>>> import matplotlib
>>> matplotlib.use("module://lumos.mpl_backend")     # or MPLBACKEND=module://lumos.mpl_backend

How each call is drawn:

- ``draw_path``: open polylines into lumos's ``Line`` (butt, round or projecting ends;
  round joins; dashes), fills, hatches and closed outlines into ``Paths`` (earcut fills
  with 4x multisampling; a fill that crosses itself fills by the nonzero rule, as
  Agg's: ``lumos.geometry.winding_fill``). Small paths pass through matplotlib's own cleanup in
  Agg's pixel space, so Agg's snapping puts edges on the same pixels; long ones keep
  their data coordinates.
- ``draw_markers`` and scatter-like ``draw_path_collection``: each marker is rasterized
  once by matplotlib's Agg into a two-channel sprite (fill and edge coverage), then
  stamped by the GPU at every point with its colors, at whole pixels as Agg's
  ``draw_markers`` does (collections at their exact positions). Other collections are
  drawn all at once (lines of one style in one line visual, the rest as paths).
- ``draw_quad_mesh``: a regular grid is a nearest-sampled image; any other mesh is
  triangles. ``draw_gouraud_triangles``: triangles with a color per vertex.
- ``draw_image``: a texture on its parallelogram (``option_scale_image`` is on:
  un-resampled images come with their transform and the GPU samples them).
- ``draw_text``: matplotlib lays the text out (its font manager, font fallback,
  kerning, mathtext) and its glyph ids and positions become lumos glyph runs, drawn from
  a signed-distance atlas per font file; text metrics are Agg's, so the layout is too.
- Clip rectangles are views (the scissor); clip paths draw the clipped group into a
  render target, shown through the path's triangles.

What lumos cannot draw yet goes to Agg as an image of the calls concerned, with a
``LumosFallbackWarning`` naming it once: agg filters, dash patterns of more than two
on/off pairs or with an offset, hatched markers, quad meshes with offsets or edges of
many colors.

Known differences from Agg: glyphs are signed-distance fields (unhinted) against
FreeType's hinted bitmaps; fills are multisampled; line joins are round; a line with
hundreds of points per pixel column is drawn as its min/max envelope (each pixel blended
once), lighter than Agg's overlapping antialiased segments; no seams between adjacent
polygons (Agg shows them on 3D surfaces).
"""

from __future__ import annotations

import matplotlib as _mpl

if tuple(int(p) for p in _mpl.__version__.split(".")[:2] if p.isdigit()) < (3, 11):
    raise ImportError(f"lumos.mpl_backend needs matplotlib >= 3.11 (its glyph layout and "
                      f"mathtext glyph indices), found {_mpl.__version__}: pip install "
                      "'lumos[matplotlib]'")

from .canvas import FigureCanvasLumos, TimerLumos  # noqa: E402
from .manager import FigureManagerLumos  # noqa: E402
from .notebook import register as _register_notebook  # noqa: E402
from .renderer import LumosFallbackWarning, RendererLumos  # noqa: E402

FigureCanvasLumos.manager_class = FigureManagerLumos
FigureCanvas, FigureManager = FigureCanvasLumos, FigureManagerLumos
_register_notebook()  # in IPython, figures of this backend show lumos's widget

__all__ = ["FigureCanvas", "FigureCanvasLumos", "FigureManager", "FigureManagerLumos",
           "LumosFallbackWarning", "RendererLumos", "TimerLumos"]
