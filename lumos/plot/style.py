"""Default style: matplotlib's defaults where users know them, in points and inches."""

from __future__ import annotations

from cycler import cycler

from ..colors import TAB10

rcParams: dict[str, object] = {
    "figure.figsize": (6.4, 4.8),
    "figure.dpi": 100.0,
    "figure.facecolor": "white",
    # modules that register front-ends (lumos.plot.frontends), asked in this order
    "figure.frontends": ["lumos.app.notebook", "lumos.app.window"],
    "savefig.dpi": "figure",
    # SVG text: "path" = glyph outlines; "none" = <text> in an embedded font subset
    # (lumos.io.svg.FONTTYPE is the same default; its docstring says why)
    "svg.fonttype": "path",
    "font.size": 10.0,
    "axes.titlesize": 12.0,
    "axes.labelsize": 10.0,
    "axes.titlepad": 6.0,
    "axes.labelpad": 4.0,
    "axes.linewidth": 0.8,
    "axes.facecolor": "white",
    "axes.edgecolor": "black",
    "axes.prop_cycle": cycler(color=list(TAB10)),
    "axes.xmargin": 0.05,
    "axes.ymargin": 0.05,
    "axes.grid": False,
    "xtick.labelsize": 10.0,
    "ytick.labelsize": 10.0,
    "xtick.major.size": 3.5,
    "xtick.minor.size": 2.0,
    "xtick.major.width": 0.8,
    "xtick.minor.width": 0.6,
    "xtick.major.pad": 3.5,
    "xtick.color": "black",
    "grid.color": "#b0b0b0",
    "grid.linewidth": 0.8,
    "grid.linestyle": "-",
    "grid.alpha": 1.0,
    "polaraxes.grid": True,  # polar axes show their grid (matplotlib's default)
    "lines.linewidth": 1.5,
    "lines.markersize": 6.0,
    "lines.markeredgewidth": 1.0,
    "patch.linewidth": 1.0,
    "patch.edgecolor": "black",
    "legend.fontsize": 10.0,
    "legend.framealpha": 0.8,
    "legend.edgecolor": "0.8",
    "legend.borderpad": 0.4,
    "legend.labelspacing": 0.5,
    "legend.handlelength": 2.0,
    "legend.handletextpad": 0.8,
    "legend.borderaxespad": 0.5,
    "image.cmap": "viridis",
    "image.origin": "upper",
    "image.interpolation": "nearest",
    "layout.pad": 4.0,  # points around the figure edge and between cells
}

# matplotlib dash patterns, in multiples of the line width
DASHES = {
    "-": None, "solid": None,
    "--": (3.7, 1.6), "dashed": (3.7, 1.6),
    ":": (1.0, 1.65), "dotted": (1.0, 1.65),
    "-.": (6.4, 1.6, 1.0, 1.6), "dashdot": (6.4, 1.6, 1.0, 1.6),
}


def dash_pattern(linestyle, width_px: float) -> tuple[float, ...] | None:
    """The dash lengths in pixels of a line style drawn ``width_px`` wide: matplotlib's
    patterns scale with the line width. None for solid lines (and for zero-width lines,
    which are not drawn)."""
    pattern = DASHES.get(linestyle) if linestyle is not None else None
    if pattern is None or width_px <= 0:
        return None
    return tuple(width_px * p for p in pattern)
