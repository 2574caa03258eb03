"""Colors, colormaps and norms, with matplotlib's names and semantics.

- :func:`to_rgba` turns one color spec into an ``(r, g, b, a)`` tuple of floats in 0..1:
  CSS4/X11 names, ``'b'``/``'g'``/... single letters, ``'tab:blue'``, ``'xkcd:sky blue'``,
  ``'#rgb'``, ``'#rgba'``, ``'#rrggbb'``, ``'#rrggbbaa'``, ``'C0'``..``'C9'`` (tab10),
  grayscale strings like ``'0.5'``, RGB(A) tuples, ``(color, alpha)`` tuples, ``'none'``.
- :func:`to_rgba_array` turns per-item colors into an ``(n, 4)`` float32 array, and
  :func:`to_rgba_bytes` into the uint8 rows shaders read; :data:`color_sequences` holds
  matplotlib's named color lists; ``CSS4_COLORS``, ``BASE_COLORS``,
  ``TABLEAU_COLORS``, ``XKCD_COLORS`` are matplotlib's name tables.
- :class:`Colormap`, :class:`ListedColormap`, :class:`LinearSegmentedColormap`,
  :data:`colormaps` and :func:`get_cmap`: every matplotlib colormap by name (``_r``
  reverses), stored as lookup tables in ``lumos/data/colormaps.npz``, read on first use.
- Norms (:mod:`lumos.colors.norms`): :class:`Normalize`, :class:`LogNorm`,
  :class:`SymLogNorm`, :class:`AsinhNorm`, :class:`PowerNorm`, :class:`CenteredNorm`,
  :class:`TwoSlopeNorm`, :class:`FuncNorm`, :class:`BoundaryNorm`, :class:`NoNorm`;
  :func:`get_norm` also accepts matplotlib norm objects.

Only numpy and the standard library are used; matplotlib is never imported.

>>> to_rgba("tab:blue")
(0.12156862745098039, 0.4666666666666667, 0.7058823529411765, 1.0)
>>> get_cmap("viridis_r").lut(4).shape
(4, 4)
"""

from .._exports import lazy_exports
from .names import (
    BASE_COLORS,
    CSS4_COLORS,
    TAB10,
    TABLEAU_COLORS,
    ColorSequenceRegistry,
    color_sequences,
    hsv_to_rgb,
    is_color_like,
    rgb_to_hsv,
    rgba_to_bytes,
    same_color,
    set_cycle_colors,
    to_hex,
    to_rgb,
    to_rgba,
    to_rgba_array,
    to_rgba_bytes,
)

#: matplotlib's names for the same functions
rgb2hex = to_hex
hex2color = to_rgb

__all__ = [
    "TAB10", "to_rgba", "to_rgba_array", "to_rgba_bytes", "rgba_to_bytes",
    "to_rgb", "to_hex", "rgb2hex", "hex2color",
    "is_color_like", "same_color", "rgb_to_hsv", "hsv_to_rgb", "ColorSequenceRegistry",
    "color_sequences", "set_cycle_colors", "Colormap", "ListedColormap", "LinearSegmentedColormap",
    "ColormapRegistry", "colormaps", "get_cmap", "colormap_names", "register_colormap",
    "Normalize", "LogNorm", "SymLogNorm", "AsinhNorm", "PowerNorm", "CenteredNorm",
    "TwoSlopeNorm", "FuncNorm", "BoundaryNorm", "NoNorm", "get_norm",
    "BASE_COLORS", "TABLEAU_COLORS", "CSS4_COLORS", "XKCD_COLORS",
]  # fmt: skip

# colormaps and norms load at the first use of one of their names (a figure of lines
# uses neither)
__getattr__, __dir__ = lazy_exports(__name__, {
    "XKCD_COLORS": "names",
    **dict.fromkeys(("Colormap", "ColormapRegistry", "LinearSegmentedColormap",
                     "ListedColormap", "colormap_names", "colormaps", "get_cmap",
                     "register_colormap"), "maps"),
    **dict.fromkeys(("AsinhNorm", "BoundaryNorm", "CenteredNorm", "FuncNorm", "LogNorm",
                     "NoNorm", "Normalize", "PowerNorm", "SymLogNorm", "TwoSlopeNorm",
                     "get_norm"), "norms")})
del lazy_exports
