"""What patches and collections share: matplotlib's style arguments (colors, line styles,
rcParams defaults) as lumos primitives, the coordinates a ``transform=`` names, argument
checks, and the data limits of curves."""

from __future__ import annotations

import math
import numbers
from typing import TYPE_CHECKING

import numpy as np

from .. import colors
from .. import primitives as prim
from .style import DASHES, named_dashes, rcParams

if TYPE_CHECKING:
    from ..path import Path


def rc(key: str, default):
    """An rcParams value lumos may not list (matplotlib's default otherwise)."""
    return rcParams.get(key, default)


def to_rgba(spec, alpha, argname: str) -> tuple:
    """matplotlib's ``to_rgba(spec, alpha)``: 'none' stays transparent whatever alpha."""
    if isinstance(spec, str) and spec.lower() == "none":
        return (0.0, 0.0, 0.0, 0.0)
    return colors.to_rgba(spec, alpha, argname=argname)


def parse_linestyle(ls, argument: str = "linestyle"):
    """matplotlib's line style: None for no line, else ``(offset, pattern)`` in multiples
    of the line width (``pattern`` None for solid)."""
    if ls is None or (isinstance(ls, str) and ls in ("None", "none", " ", "")):
        return None
    if isinstance(ls, str):
        if ls not in DASHES:
            raise ValueError(f"{argument}: got {ls!r}, expected one of '-', '--', '-.', ':', "
                             "'solid', 'dashed', 'dashdot', 'dotted', 'None' or (offset, "
                             "(on, off, ...))")
        pattern = named_dashes(ls)
        return 0.0, None if pattern is None else tuple(float(p) for p in pattern)
    try:
        offset, seq = ls
        offset = float(offset)
        seq = None if seq is None else tuple(float(v) for v in seq)
    except (TypeError, ValueError):
        raise ValueError(f"{argument}: got {ls!r}, expected a style name or (offset, (on, "
                         "off, ...))") from None
    if seq is not None and (len(seq) % 2 or not all(math.isfinite(v) and v >= 0 for v in seq)
                            or sum(seq) <= 0):
        raise ValueError(f"{argument}: got {ls!r}, expected an even number of dash lengths "
                         ">= 0")
    return offset, seq


def linestyle_name(style) -> str:
    """matplotlib's get_linestyle(): a name, or the (offset, pattern) tuple."""
    if style is None:
        return "None"
    offset, pattern = style
    for name in ("-", "--", "-.", ":"):
        p = named_dashes(name)
        if (None if p is None else tuple(p)) == pattern and offset == 0:
            return name
    return style


def stroke(rgba, width_pt: float, style, points_to_pixels, join="miter",
           cap="butt") -> prim.Stroke | None:
    """A primitives Stroke in pixels, or None when nothing shows."""
    if style is None or width_pt <= 0 or rgba[3] <= 0:
        return None
    w = float(points_to_pixels(width_pt))
    offset, pattern = style
    dashes = None if pattern is None else tuple(max(w, 1.0) * p for p in pattern)
    if dashes is not None and len(dashes) > 8:
        raise ValueError(f"linestyle: got a dash pattern of {len(pattern)} lengths, lumos "
                         "draws up to four (on, off) pairs")
    # the pattern starts `offset` into it (a phase in 0..period, as PDF wants)
    phase = 0.0 if dashes is None else (offset * max(w, 1.0)) % sum(dashes)
    return prim.Stroke(tuple(rgba), width=w, dashes=dashes, dash_offset=phase, join=join,
                       cap=cap)


def coordinates(transform, ax) -> str:
    """Which space a ``transform=`` names on ``ax``: 'data' or 'axes'."""
    if transform is None or transform is ax.transData:
        return "data"
    if transform is ax.transAxes:
        return "axes"
    for name, t in (("data", ax.transData), ("axes", ax.transAxes)):
        try:
            if transform == t:
                return name
        except Exception:  # noqa: BLE001 - foreign objects may not compare
            pass
    raise TypeError(f"transform: got {transform!r}, expected ax.transData or ax.transAxes of "
                    "the lumos axes the artist is added to")


def placement(transform, ax) -> str:
    """Which space a patch's ``transform=`` names on ``ax``: 'data', 'axes', or
    'transform' for any other transform to figure pixels (a blend of data and axes
    fractions, ``fig.dpi_scale_trans``, ``ax.transData + offset``, matplotlib's):
    its points go to pixels, and back to the axes' view, at each view change."""
    try:
        return coordinates(transform, ax)
    except TypeError:
        pass
    from .transforms_compat import as_transform

    as_transform(transform, "transform")  # a TypeError for what is no transform
    if not ax.transProjection.frozen().is_linear:
        raise TypeError(f"transform: got {transform!r} on {ax.name} axes; lumos draws "
                        "patches in other transforms than ax.transData and ax.transAxes "
                        "on rectilinear axes only")
    return "transform"


def check_real(value, argument: str, minimum: float | None = None,
               finite: bool = False) -> float:
    """A float (>= minimum), or an error naming ``argument``. Geometry may be NaN or inf
    (nothing is drawn there, as matplotlib); ``finite`` demands a finite number."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise TypeError(f"{argument}: got {type(value).__name__} {value!r}, expected a number")
    v = float(value)
    if finite and not math.isfinite(v):
        raise ValueError(f"{argument}: got {value!r}, expected a finite number")
    if minimum is not None and v < minimum:
        raise ValueError(f"{argument}: got {value!r}, expected a number >= {minimum:g}")
    return v


def check_xy(value, argument: str) -> tuple[float, float]:
    """A point (x, y) of two finite numbers."""
    if isinstance(value, str) or np.size(value) != 2:
        raise ValueError(f"{argument}: got {value!r}, expected a pair (x, y)")
    x, y = np.asarray(value, dtype=object).ravel()
    return check_real(x, f"{argument}[0]"), check_real(y, f"{argument}[1]")


def path_limits(paths, ax):
    """((x0, x1), (y0, y1)) in data units of the curves of ``paths`` ((vertices, codes)
    pairs, Bézier extrema included), valid on the axes' scales, or None."""
    from ..path import extreme_points
    from .collections import finite_limits

    pts = extreme_points(paths)
    lx = finite_limits(pts[:, 0], ax.xaxis.scale)
    ly = finite_limits(pts[:, 1], ax.yaxis.scale)
    if lx is None or ly is None:
        return None
    return lx, ly


def as_path(path, argument: str = "path") -> Path:
    """A lumos Path from a lumos or matplotlib path (anything with vertices and codes)."""
    from ..path import Path  # lumos.path loads with the first patch or path

    if isinstance(path, Path):
        return path
    if hasattr(path, "vertices") and hasattr(path, "codes"):
        return Path(path.vertices, path.codes)
    raise TypeError(f"{argument}: got {type(path).__name__}, expected a lumos.path.Path or a "
                    "matplotlib Path")
