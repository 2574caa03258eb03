"""Agg's pixel snapping (``path.snap``) of straight axis-aligned lines, as matplotlib's
PathSnapper rounds them: each vertex to the nearest pixel edge, plus half a pixel for
lines an odd number of pixels wide (``floor(width + 0.5)`` odd), which then sit in a
pixel's middle. Agg counts rows from the canvas' top, so a y rounds there. Spines, tick
marks and the page's twins (lumos/web/axes.js ``snapPixel``) use these.

matplotlib's vector backends (SVG, PDF) snap nothing: while a figure is drawn for a
vector file (:func:`exact_vertices`) these keep every coordinate as it is.
"""

from __future__ import annotations

import contextlib
import math
from contextvars import ContextVar

import numpy as np

from .style import rcParams

#: whether the figure being drawn goes to a vector file (nothing snaps)
_EXACT: ContextVar[bool] = ContextVar("lumos_exact_vertices", default=False)


@contextlib.contextmanager
def exact_vertices(exact: bool = True):
    """Draw for a vector file while the block runs (``exact``): no line or tick mark
    snaps to the pixel grid, as in matplotlib's SVG and PDF backends."""
    token = _EXACT.set(bool(exact))
    try:
        yield
    finally:
        _EXACT.reset(token)


def drawing_exact() -> bool:
    """Whether the figure is being drawn for a vector file (:func:`exact_vertices`)."""
    return _EXACT.get()


def pixel_snap(fig, width_px: float) -> tuple[float, float] | None:
    """How a line ``width_px`` wide snaps in ``fig``: (0.5 for an odd number of pixels,
    else 0; the canvas height, which Agg counts rows from), or None when ``path.snap``
    is off or the figure is drawn for a vector file."""
    if not rcParams["path.snap"] or _EXACT.get():
        return None
    return (0.5 if math.floor(width_px + 0.5) % 2 else 0.0), float(fig.canvas.size[1])


def snap_pixel(v: float, offset: float, height: float | None = None) -> float:
    """A figure pixel coordinate as Agg snaps it: to the nearest pixel edge, plus
    ``offset``; ``height`` (the canvas's) for a y, as Agg counts rows from the top."""
    if not math.isfinite(v):
        return v
    if height is None:
        return math.floor(v + 0.5) + offset
    return height - (math.floor(height - v + 0.5) + offset)


def marker_snap(fig, width_px: float) -> tuple[float, float, bool] | None:
    """How Agg places a marker whose lines are ``width_px`` wide (a tick mark): its
    origin always on a whole pixel and (offset, canvas height, whether its ends round
    too): :func:`pixel_snap`'s, or without ``path.snap`` a pixel's middle, ends as
    they are. None for a vector file: the marker where it is."""
    if _EXACT.get():
        return None
    snap = pixel_snap(fig, width_px)
    return (*snap, True) if snap is not None else (0.5, float(fig.canvas.size[1]), False)


def snap_tick(p: float, base: float, ends: tuple[float, float], snap, x: bool) -> list:
    """A tick mark at ``p`` along its axis, from ``ends[0]`` to ``ends[1]`` across it
    (its spine at ``base``), as Agg draws the tick marker (``snap``: :func:`marker_snap`):
    the marker's origin on the spine rounds to a whole pixel and its ends, relative to
    the origin, round on their own (``snap`` None: as they are). Points (x, y) in figure
    pixels."""
    a, b = ends
    if snap is None:
        return [(p, a), (p, b)] if x else [(a, p), (b, p)]
    offset, height, whole = snap
    if math.isfinite(p) and math.isfinite(base):
        if x:  # a vertical tick: y rounds down from the canvas' top, in Agg's rows
            origin = snap_pixel(base, offset, height)
            a, b = (origin - (math.floor(base - e + 0.5) if whole else base - e)
                    for e in (a, b))
            p = snap_pixel(p, offset)
        else:
            origin = snap_pixel(base, offset)
            a, b = (origin + (math.floor(e - base + 0.5) if whole else e - base)
                    for e in (a, b))
            p = snap_pixel(p, offset, height)
    return [(p, a), (p, b)] if x else [(a, p), (b, p)]


def draw_markers_snap(snap):
    """``Markers.snap`` of markers Agg's ``draw_markers`` draws, for an artist's
    ``get_snap()`` (None: 'auto'): their origins round to whole pixels whatever it is."""
    return "auto" if snap is None else bool(snap)


def marker_origin(p: np.ndarray, height: float | None = None) -> np.ndarray:
    """Figure pixels ``p`` (an array: x, or y given the canvas ``height``, Agg's rows
    counting from its top) where Agg's draw_markers puts a marker's origin: on a whole
    pixel, in float64 as Agg (the GPU's float32 would round a point half way between
    pixels either way). NaN stays NaN."""
    with np.errstate(invalid="ignore"):
        return np.floor(p + 0.5) if height is None else height - np.floor(height - p + 0.5)


def marker_ends(p: np.ndarray, half: float, height: float | None = None) -> np.ndarray:
    """The ends of line markers ('_' along x; '|' along y, given the canvas ``height``)
    ``half`` pixels each way from the figure pixels ``p``, as Agg's draw_markers puts
    them: from the origin (:func:`marker_origin`), each end's distance rounded on its
    own (PathSnapper); (2, ...) whole pixels, to which a snapped Line adds its stroke's
    half pixel."""
    lo, hi = math.floor(0.5 - half), math.floor(half + 0.5)
    origin = marker_origin(p, height)
    if height is None:
        return np.stack([origin + lo, origin + hi])
    return np.stack([origin - hi, origin - lo])  # rows from the top: down is up


def pixel_scale(ax, units: str = "data") -> np.ndarray:
    """Figure pixels per unit along x and y of ``ax``'s scale space ('data') or of its
    axes fractions ('axes'); 1 for 'pixels'."""
    bx, by, bw, bh = ax.box
    if units == "pixels":
        return np.ones(2)
    if units == "axes":
        return np.array([bw, bh], float)
    (x0, x1), (y0, y1) = ax.xaxis.scaled_interval(), ax.yaxis.scaled_interval()
    return np.array([bw / max(abs(x1 - x0), 1e-300), bh / max(abs(y1 - y0), 1e-300)])


def rectilinear(ax, polylines, limit: int = 1024, scale=None) -> bool:
    """Whether Agg's automatic rule (``set_snap(None)``) snaps each of ``polylines`` ((K, 2)
    arrays, or one (M, K, 2) array, in ``ax``'s scale space, or in units ``scale``
    pixels long): at most ``limit`` vertices each, every segment horizontal or vertical
    (a turn under 1e-4 pixel, Agg's test)."""
    scale = pixel_scale(ax) if scale is None else scale
    if isinstance(polylines, np.ndarray) and polylines.ndim == 3:
        if polylines.shape[1] > limit:
            return False
        d = np.diff(polylines, axis=1).reshape(-1, 2)
    else:
        lengths = [len(p) for p in polylines]
        if not lengths:
            return True
        if max(lengths) > limit:
            return False
        pts = np.concatenate([np.asarray(p, float).reshape(-1, 2) for p in polylines])
        d = np.delete(np.diff(pts, axis=0), np.cumsum(lengths)[:-1] - 1, axis=0)
    return _straight(d, scale)


def paths_snap(snap, paths, scale) -> np.ndarray:
    """Whether Agg snaps each of ``paths`` ((vertices, matplotlib codes or None for a
    polyline) in units ``scale`` pixels long) for ``get_snap()`` ``snap``: its automatic
    rule (None) takes at most 1024 vertices, no curve and only horizontal and vertical
    line segments (a move or a close is no segment). All paths at once (thousands of
    patches in a collection)."""
    n = len(paths)
    if snap is not None or n == 0:
        return np.full(n, bool(snap))
    verts = [np.asarray(v, float).reshape(-1, 2) for v, _ in paths]
    lengths = np.array([len(v) for v in verts])
    codes = np.concatenate([np.full(len(v), 2, np.uint8) if c is None else
                            np.asarray(c, np.uint8).reshape(-1) for v, (_, c) in
                            zip(verts, paths, strict=True)])
    pts = np.concatenate(verts)
    with np.errstate(all="ignore"):
        px = np.abs(np.diff(pts, axis=0, prepend=pts[:1])) * scale
    starts = np.cumsum(lengths) - lengths
    # a segment ends at each row but a path's first; only LINETO rows draw one
    turned = (px[:, 0] >= 1e-4) & (px[:, 1] >= 1e-4) & (codes == 2)
    turned[starts[lengths > 0]] = False
    bad = turned | np.isin(codes, (3, 4))  # CURVE3, CURVE4
    per = np.add.reduceat(bad, starts[lengths > 0]) if len(pts) else np.zeros(0)
    out = (lengths >= 2) & (lengths <= 1024)
    out[lengths > 0] &= per == 0
    return out


def _straight(d, scale) -> bool:
    """Whether every segment ``d`` (differences, in units ``scale`` pixels long) turns
    less than 1e-4 pixel along x or along y, as Agg's PathSnapper tests."""
    with np.errstate(all="ignore"):
        px = np.abs(d) * scale
    return not ((px[:, 0] >= 1e-4) & (px[:, 1] >= 1e-4)).any()


#: matplotlib's ``MarkerStyle.get_snap_threshold`` of the symbols that have one other
#: than 5 pixels (every other named polygon and line marker has 5; hexagons have none)
_SNAP_THRESHOLDS = {"disc": math.inf, "square": 2.0, "plus_line": 1.0, "vline": 1.0,
                    "hline": 1.0, "tickleft": 1.0, "tickright": 1.0, "tickup": 1.0,
                    "tickdown": 1.0, "x_line": 3.0, "hexagon": None, "hexagon2": None}


def snap_threshold(symbol) -> float | None:
    """The marker size (pixels) from which matplotlib's Line2D snaps a symbol's markers
    (``MarkerStyle.get_snap_threshold``; a half-filled or turned symbol its name's), or
    None for a symbol without one (an outline: a path or text marker)."""
    name = symbol if isinstance(symbol, str) else getattr(symbol, "name", None)
    if name is None:
        return None
    if name.startswith("caret"):
        return 3.0
    return _SNAP_THRESHOLDS.get(name, 5.0)
