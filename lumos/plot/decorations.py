"""Spines, ticks, tick labels, axis labels and titles; and the layout that makes room
for them (a constrained layout: axes in one grid column share their left edge)."""

from __future__ import annotations

import numpy as np

from .axisdraw import TickLayout, axis_margins, draw_axis, draw_spines
from .titles import draw_titles, title_room

__all__ = ["TickLayout", "axes_margins", "rectilinear_margins", "title_room", "place_axes",
           "draw_axes", "draw_rectilinear_frame"]


def axes_margins(ax, colorbars: bool = True) -> tuple[float, float, float, float]:
    """Room (left, right, bottom, top) in pixels that the axes' decorations need,
    including twins and colorbars attached to it (each axes gives its own through
    ``own_margins``, a projection hook)."""
    left = right = bottom = top = 0.0
    for a in [ax] + ax.children:
        # axis('off') hides the frame: only the titles need room then
        m = a.own_margins() if a.axison else (0.0, 0.0, 0.0, title_room(a))
        left, right, bottom, top = (max(u, v) for u, v in zip((left, right, bottom, top), m,
                                                              strict=True))
    room = {"left": 0.0, "right": 0.0, "bottom": 0.0, "top": 0.0}
    for cb in getattr(ax, "colorbars", []) if colorbars else ():
        room[cb.side] += cb.room()
    left, right = left + room["left"], right + room["right"]
    bottom, top = bottom + room["bottom"], top + room["top"]
    legend = ax.legend_
    if legend is not None:
        # a legend anchored outside the axes (bbox_to_anchor=(1, 0.5)) needs room there
        out_left, out_right, out_bottom, out_top = legend.outside()
        left, right = left + out_left, right + out_right
        bottom, top = bottom + out_bottom, top + out_top
    return left, right, bottom, top


def rectilinear_margins(a) -> tuple[float, float, float, float]:
    """The room the ticks, tick labels, axis labels and title of a rectilinear axes
    need around its box (left, right, bottom, top), in pixels."""
    out = {"left": 0.0, "right": 0.0, "bottom": 0.0, "top": 0.0}
    for axis in (a.xaxis, a.yaxis):
        for side, reach in axis_margins(a, axis).items():
            out[side] = max(out[side], reach)
    return out["left"], out["right"], out["bottom"], max(out["top"], title_room(a))


def place_axes(axes: list, margins: dict, grid: tuple[int, int], size: tuple[int, int],
               pad: float, top_extra: float) -> None:
    """Set every axes' box: equal inner cells, margins shared along rows and columns."""
    nrows, ncols = grid
    w, h = size
    left = np.zeros(ncols)
    right = np.zeros(ncols)
    top = np.zeros(nrows)
    bottom = np.zeros(nrows)
    for ax in axes:
        r, c, rs, cs = ax.spec
        m = margins[id(ax)]
        left[c] = max(left[c], m[0])
        right[c + cs - 1] = max(right[c + cs - 1], m[1])
        top[r] = max(top[r], m[3])
        bottom[r + rs - 1] = max(bottom[r + rs - 1], m[2])
    gap = pad
    inner_w = max((w - 2 * pad - (ncols - 1) * gap - left.sum() - right.sum()) / ncols, 1.0)
    inner_h = max((h - 2 * pad - top_extra - (nrows - 1) * gap - top.sum() - bottom.sum())
                  / nrows, 1.0)
    xs = pad + np.concatenate([[0], np.cumsum(left + inner_w + right + gap)])[:ncols] + left
    # rows run downwards from the top of the figure
    ys_top = h - pad - top_extra - np.concatenate(
        [[0], np.cumsum(top + inner_h + bottom + gap)])[:nrows] - top
    for ax in axes:
        r, c, rs, cs = ax.spec
        x0 = xs[c]
        x1 = xs[c + cs - 1] + inner_w
        y1 = ys_top[r]
        y0 = ys_top[r + rs - 1] - inner_h
        box = [x0, y0, x1 - x0, y1 - y0]
        box = _apply_aspect(ax, box)
        ax.box = tuple(float(v) for v in box)
        for child in ax.children:
            child.box = ax.box
        # colorbars (their room is in the margins) stand beyond the axes' own decorations
        cbs = getattr(ax, "colorbars", [])
        own = axes_margins(ax, colorbars=False) if cbs else (0.0, 0.0, 0.0, 0.0)
        offsets = dict(zip(("left", "right", "bottom", "top"), own, strict=True))
        for cb in cbs:
            cb.place(ax.box, offsets[cb.side])
            offsets[cb.side] += cb.room()


def _apply_aspect(ax, box):
    """Shrink the box about its centre so data units have the asked-for aspect."""
    if ax.aspect == "auto":
        return box
    x0, y0, bw, bh = box
    dx, dy = (abs(v) for v in ax.view_rect()[2:])
    if dx == 0 or dy == 0:
        return box
    want = dy * ax.aspect / dx  # box height / width
    if bh / bw > want:
        nh = bw * want
        return [x0, y0 + (bh - nh) / 2, bw, nh]
    nw = bh / want
    return [x0 + (bw - nw) / 2, y0, nw, bh]


def draw_axes(ax, ov) -> None:
    """Everything one axes draws in figure pixels: artists that draw themselves there,
    its frame and ticks unless the axis is off (``ax.draw_frame``, a projection hook),
    titles and texts."""
    # artists drawn in pixels (annotations) or following the view (axhline, error bar
    # caps, quiver arrows) update every frame, with the axes' box and limits final
    for a in ax.artists:
        if a.get_visible():
            a.draw_overlay(ov)
    if ax.axison:  # axis('off') hides the frame; titles and texts stay (matplotlib)
        ax.draw_frame(ov)
    draw_titles(ax, ov)
    for t in ax.texts:
        if t.get_visible() and t.get_text():
            t.draw_overlay(ov)


def draw_rectilinear_frame(ax, ov) -> None:
    """Spines, ticks, tick labels and axis labels of a rectilinear axes."""
    if ax.frame_on and ax.role != "twin":
        draw_spines(ax, ov)
    for axis in (ax.xaxis, ax.yaxis):
        draw_axis(ax, axis, ov)
