"""Drawing a legend entry's handle into the figure's overlay: the patch, line and
markers a handle declares (``legend_handle``), placed in matplotlib's handle box and
snapped as Agg draws them; a legend (:mod:`lumos.plot.legend`) calls
:func:`draw_handle` for each entry."""

from __future__ import annotations

import numpy as np

from .. import colors
from .legend_custom import CustomHandle
from .legend_handles import PointsHandle, TupleHandle
from .legend_lines import LegendLine
from .snapping import draw_markers_snap, pixel_snap, rectilinear, snap_pixel
from .style import rcParams


def draw_handle(ov, handle, x: float, y: float, length: float, fs: float, px, legend,
                 line: LegendLine | None = None):
    """The handle as the artist declares it (``legend_handle``): a patch, a line, the
    markers on the line (``legend``'s numpoints, scatterpoints, scatteryoffsets,
    markerscale and handleheight), as the entry's legend ``line`` styles it. Returns the
    declaration (labelcolor reads it)."""
    if isinstance(handle, CustomHandle):  # a handler of the script's draws it
        return handle.draw(ov, x, y, length, fs, legend)
    if isinstance(handle, TupleHandle):  # several handles in one entry
        drawn = [draw_handle(ov, sub, sx, y, sw, fs, px, legend)
                 for sub, (sx, sw) in zip(handle.handles,
                                          handle.slots(x, length, fs, legend.borderpad),
                                          strict=True)]
        return drawn[0]
    n, marker_pad = legend.numpoints, 0.3
    if isinstance(handle, PointsHandle):  # a line's HandlerLine2D(numpoints, marker_pad)
        n = legend.numpoints if handle.numpoints is None else handle.numpoints
        marker_pad, handle = handle.marker_pad, handle.handle
    h = handle.legend_handle(fs)
    if line is not None:
        drawn = line.styled(h, x, x + length, y)
        if drawn is None:  # hidden: the label stays, coloured as the handle
            return h
        h = drawn
    if h is None:
        return None
    handleheight = legend.handleheight
    # matplotlib's handle box: ``fs * handleheight - descent`` high from ``descent``
    # below the baseline, y (a line's height) half of ``fs * handleheight`` above its
    # bottom
    descent = 0.35 * fs * (handleheight - 0.7)
    bottom, box_h = y - fs * handleheight / 2, fs * handleheight - descent
    if h.patch is not None:  # polygons, drawn in order after the frame's
        face, edge = h.patch
        corners = np.array([(x, bottom), (x + length, bottom), (x + length, bottom + box_h),
                            (x, bottom + box_h)])
        if h.effects:
            _effect_box(ov, h, corners, px)
        else:
            ov.polygon(corners, face)
            if h.hatch is not None:
                ov.hatch(x, bottom, length, box_h, *h.hatch)
            if edge is not None:
                width, dashes = h.patch_edge or (px(0.8), None)
                # a patch's edge: matplotlib's Patch joins (miter) and caps (butt)
                ov.line(np.vstack([corners, corners[:1]]), edge, width, dashes,
                        {"cap": "butt", "dash_cap": "butt", "join": "miter"})
    _strokes(ov, h.strokes, x, y, length, 0, legend)
    n = legend.scatterpoints if h.count == "scatterpoints" else n
    # matplotlib's handler: several markers keep marker_pad (0.3) font sizes from the
    # ends, and the line runs between the first and the last
    xs = np.linspace(x + marker_pad * fs, x + length - marker_pad * fs, n) if n > 1 else \
        np.array([x + length / 2])
    if h.line is not None:
        rgba, width, dashes = h.line
        ends = (xs[0], xs[-1]) if n > 1 else (x, x + length)
        ov.line(_snapped(legend, [(ends[0], y), (ends[1], y)], width), rgba, width, dashes,
                h.line_look)
    _strokes(ov, h.over, x, y, length, 1, legend)  # over the line, whatever batches with it
    if h.marker is not None:
        symbol, size, face, edge, edge_w = h.marker
        sizes = np.full(n, size)
        ys = np.full(n, y + h.marker_dy)
        if h.count == "scatterpoints":
            ys = bottom + descent + box_h * legend.scatteryoffsets
            if h.marker_areas is not None:
                sizes = size * np.sqrt(_legend_areas(*h.marker_areas, n) /
                                       max(0.5 * sum(h.marker_areas), 1e-12))
        # matplotlib's legend markers: a new artist's snap (None; False without
        # path.snap); a collection of several sizes draws them where they are
        rounded = h.markers_rounded and (h.count != "scatterpoints" or n == 1)
        snap = draw_markers_snap(None if rcParams["path.snap"] else False) if rounded else None
        for mx, my, ms in zip(xs, ys, sizes, strict=True):
            ov.marker(mx, my, symbol, ms * legend.markerscale, face, edge, edge_w, h.marker_join,
                      snap)
    return h


def _strokes(ov, strokes, x: float, y: float, length: float, step: int, legend) -> None:
    """``LegendHandle.strokes`` rows of a handle at (x, y) ``length`` long, at the
    overlay's ``step`` (1: over the lines)."""
    for points, rgba, width, dashes in strokes:
        u, dx, dy = np.asarray(points, dtype=float).T
        ov.line(_snapped(legend, np.c_[x + u * length + dx, y + dy], width), rgba, width,
                dashes, step=step)


def _snapped(legend, points, width: float) -> np.ndarray:
    """A handle's polyline (figure pixels) as Agg draws a ``width``-pixel line along it:
    snapped to the pixel grid where it runs only horizontally and vertically
    (matplotlib's handle is a Line2D, snapped by Agg's automatic rule)."""
    pts = np.asarray(points, dtype=float).reshape(-1, 2)
    snap = pixel_snap(legend.axes.figure, width)
    if snap is None or not rectilinear(None, [pts], scale=np.ones(2)):
        return pts
    offset, height = snap
    return np.array([(snap_pixel(px, offset), snap_pixel(py, offset, height))
                     for px, py in pts.tolist()]).reshape(-1, 2)


def _effect_box(ov, h, corners: np.ndarray, px) -> None:
    """A patch's legend box with the patch's path effects (matplotlib copies them onto
    the box): the box and the effects' copies as paths, in list order."""
    from .. import primitives as prim
    from ..path import CLOSEPOLY, LINETO, MOVETO
    from .patch_effects import effect_paths

    face, edge = h.patch
    width, dashes = h.patch_edge or (px(0.8), None)
    hatch = h.hatch or (None, None, 0.0, px(72.0))
    own = prim.Path(np.vstack([corners, corners[:1]]), np.array(
        [MOVETO, LINETO, LINETO, LINETO, CLOSEPOLY], np.uint8),
        fill=colors.to_rgba(face), stroke=None if edge is None else prim.Stroke(
            colors.to_rgba(edge), width, dashes, join="miter", cap="butt"),
        hatch=hatch[0], hatch_color=hatch[1], hatch_width=hatch[2])
    effects, alpha = h.effects
    for p in effect_paths([own], effects, px, alpha):
        ov.path(p, hatch[3])


def _legend_areas(lo: float, hi: float, n: int) -> np.ndarray:
    """matplotlib's marker areas for ``n`` legend markers of a scatter whose areas span
    [lo, hi]: the middle, the largest, the smallest; from four on, evenly spread."""
    if n < 4:
        return np.array([0.5 * (lo + hi), hi, lo][:n])
    return lo + (hi - lo) * np.linspace(0, 1, n)
