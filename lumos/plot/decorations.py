"""Spines, ticks, tick labels, axis labels and titles; and the layout that makes room
for them (a constrained layout: axes in one grid column share their left edge)."""

from __future__ import annotations

import numpy as np

from . import page_axes, ticker
from . import text as textmod
from .style import rcParams


class TickLayout:
    """Ticks of one axis in pixels, with the labels that fit without overlapping."""

    def __init__(self, ax, axis) -> None:
        fig = ax.figure
        self.axis = axis
        major, labels, minor, offset = axis.ticks()
        self.major = major
        self.minor = minor
        self.labels = labels
        self.offset = offset
        self.size_px = fig.points_to_pixels(axis.tick_size)
        extents = [textmod.measure(s, self.size_px) for s in labels]
        w = np.array([e[0] for e in extents]) if extents else np.zeros(0)
        h = np.array([e[1] for e in extents]) if extents else np.zeros(0)
        # the boxes rotated labels occupy (tick_params(labelrotation=...))
        c, s = abs(np.cos(np.radians(axis.tick_rotation))), abs(np.sin(np.radians(
            axis.tick_rotation)))
        self.widths, self.heights = w * c + h * s, w * s + h * c
        scale = axis.tick_length / float(rcParams["xtick.major.size"])
        outward = {"out": 1.0, "inout": 0.5, "in": 0.0}[axis.tick_direction]
        self.major_len = fig.points_to_pixels(axis.tick_length)
        self.minor_len = fig.points_to_pixels(rcParams["xtick.minor.size"]) * scale
        self.outside = self.major_len * outward if axis.ticks_visible else 0.0
        self.direction = outward
        self.pad = fig.points_to_pixels(axis.tick_pad)

    def label_extent(self) -> float:
        """How far labels reach away from the spine (pixels), ticks and pad included."""
        if not self.axis.show_labels or not self.labels:
            return self.outside
        across = self.heights if self.axis.name == "x" else self.widths
        return self.outside + self.pad + float(across.max())


def axes_margins(ax, colorbars: bool = True) -> tuple[float, float, float, float]:
    """Room (left, right, bottom, top) in pixels that the axes' decorations need,
    including twins and colorbars attached to it (each axes gives its own through
    ``own_margins``, a projection hook)."""
    left = right = bottom = top = 0.0
    for a in [ax] + ax.children:
        if not a.axison:
            continue
        m = a.own_margins()
        left, right, bottom, top = (max(u, v) for u, v in zip((left, right, bottom, top), m,
                                                              strict=True))
    for cb in getattr(ax, "colorbars", []) if colorbars else ():
        if cb.vertical:
            right += cb.room()
        else:
            bottom += cb.room()
    legend = ax.legend_
    if legend is not None and legend.bbox_to_anchor is not None and legend.entries:
        # a legend anchored outside the axes (bbox_to_anchor=(1, 0.5)) needs room there
        out_left, out_right, out_bottom, out_top = legend.outside()
        left, right = left + out_left, right + out_right
        bottom, top = bottom + out_bottom, top + out_top
    return left, right, bottom, top


def rectilinear_margins(a) -> tuple[float, float, float, float]:
    """The room the ticks, tick labels, axis labels and title of a rectilinear axes
    need around its box (left, right, bottom, top), in pixels."""
    fig = a.figure
    left = right = bottom = top = 0.0
    for axis in (a.xaxis, a.yaxis):
        if not axis.visible:
            continue
        ticks = TickLayout(a, axis)
        reach = ticks.label_extent()
        if axis.label:
            lsize = fig.points_to_pixels(axis.label_size)
            reach += fig.points_to_pixels(axis.labelpad) + \
                textmod.measure(axis.label, lsize)[1]
        if axis.offset_visible(ticks):
            offset_h = textmod.measure(ticks.offset, ticks.size_px)[1]
        else:
            offset_h = 0.0
        if axis.name == "x":
            if axis.ticks_position == "top":
                top = max(top, reach)
            else:
                bottom = max(bottom, reach, ticks.label_extent() + offset_h + 2)
            # labels at the ends overhang the box by half their width
            if len(ticks.widths):
                right = max(right, ticks.widths[-1] / 2)
                left = max(left, ticks.widths[0] / 2)
        else:
            if axis.ticks_position == "right":
                right = max(right, reach)
            else:
                left = max(left, reach)
            top = max(top, offset_h + 2)
            if len(ticks.heights):
                top = max(top, ticks.heights[-1] / 2)
                bottom = max(bottom, ticks.heights[0] / 2)
    return left, right, bottom, max(top, title_room(a))


def title_room(a) -> float:
    """Pixels above the box the titles need (with what the axes draws above its box)."""
    if not any(a.title.values()):
        return 0.0
    size = a.figure.points_to_pixels(a.title_size)
    h = max(textmod.measure(a.title[k], size)[1] for k in a.title if a.title[k])
    return h + a.figure.points_to_pixels(rcParams["axes.titlepad"]) + a.decorations_above()


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
        beside, below = own[1], own[2]
        for cb in cbs:
            cb.place(ax.box, beside if cb.vertical else below)
            if cb.vertical:
                beside += cb.room()
            else:
                below += cb.room()


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
    then (unless the axis is off) its frame and ticks (``ax.draw_frame``, a projection
    hook), titles and texts."""
    # artists drawn in pixels (annotations) or following the view (axhline, error bar
    # caps, quiver arrows) update every frame, with the axes' box and limits final
    for a in ax.artists:
        if a.get_visible():
            a.draw_overlay(ov)
    if not ax.axison:
        return
    ax.draw_frame(ov)
    _draw_titles(ax, ov)
    for t in ax.texts:
        if t.get_visible() and t.get_text():
            t.draw_overlay(ov)


def draw_rectilinear_frame(ax, ov) -> None:
    """Spines, ticks, tick labels and axis labels of a rectilinear axes."""
    fig = ax.figure
    bx, by, bw, bh = ax.box
    if ax.frame_on and ax.role != "twin":
        ends = {"bottom": [(bx, by), (bx + bw, by)], "top": [(bx, by + bh), (bx + bw, by + bh)],
                "left": [(bx, by), (bx, by + bh)], "right": [(bx + bw, by), (bx + bw, by + bh)]}
        for name, spine in ax.spines.items():
            if spine.get_visible():
                ov.line(ends[name], spine.color, fig.points_to_pixels(spine.linewidth))
    minor_ratio = rcParams["xtick.minor.width"] / rcParams["xtick.major.width"]
    # ticks and labels go to the axes' own visuals, which a page redraws for any view
    # from the axes' record (lumos/plot/page_axes.py)
    decor = page_axes.decor(ax, ov)
    decor.begin(page_axes.tick_widths(ax))
    records = []
    for axis in (ax.xaxis, ax.yaxis):
        if not axis.visible:
            continue
        tick_w = fig.points_to_pixels(axis.tick_width)
        layout = TickLayout(ax, axis)
        _draw_axis(ax, axis, layout, decor, tick_w, tick_w * minor_ratio)
        records.append(page_axes.axis_record(ax, axis, layout, tick_w, tick_w * minor_ratio))
    decor.commit(page_axes.rectilinear_record(ax, records), {"grid": ax.grid_visual()})


def text_box(ov, text: str, x: float, y: float, size: float, ha: str, va: str, bold: bool,
             bbox: dict, fig) -> None:
    """The rectangle behind a text with a ``bbox`` (unrotated text; rotated ones get the
    box of their unrotated extent)."""
    w, h, descent = textmod.measure(text, size, bold)
    x0 = x - {"left": 0.0, "center": w / 2, "right": w}[ha]
    bottom = {"bottom": 0.0, "top": h, "center": h / 2, "baseline": descent}[va]
    pad = bbox["pad"] * size
    ov.rect(x0 - pad, y - bottom - pad, w + 2 * pad, h + 2 * pad, bbox["face"],
            bbox["edge"], fig.points_to_pixels(bbox["linewidth"]))


def _draw_axis(ax, axis, ticks: TickLayout, ov, tick_w: float, minor_w: float) -> None:
    fig = ax.figure
    bx, by, bw, bh = ax.box
    color = axis.tick_color
    horizontal = axis.name == "x"
    far = axis.ticks_position in ("top", "right")
    sign = 1.0 if far else -1.0
    base = (by + bh if far else by) if horizontal else (bx + bw if far else bx)
    along = axis.pixels_along  # data values to pixels along the axis (figure pixels)
    lo, hi = (bx, bx + bw) if horizontal else (by, by + bh)
    tol = 1e-6 * (hi - lo)
    for values, length, width in ((ticks.major, ticks.major_len, tick_w),
                                  (ticks.minor, ticks.minor_len, minor_w)):
        if not len(values) or not axis.ticks_visible:
            continue
        pos = along(values)
        pos = pos[np.isfinite(pos) & (pos >= lo - tol) & (pos <= hi + tol)]
        # 'out' ticks point away from the data, 'in' into it, 'inout' across the spine
        a = base + sign * length * ticks.direction
        b = a - sign * length
        for p in pos:
            if horizontal:
                ov.line([(p, a), (p, b)], color, width)
            else:
                ov.line([(a, p), (b, p)], color, width)
    if not axis.show_labels or not ticks.labels:
        return
    pos = along(ticks.major)
    keep = ticker.non_overlapping(pos, ticks.widths if horizontal else ticks.heights,
                                  fig.points_to_pixels(2.0))
    gap = ticks.outside + ticks.pad
    rot = axis.tick_rotation
    for p, label, k in zip(pos, ticks.labels, keep, strict=True):
        if not k or not np.isfinite(p):
            continue
        if horizontal:
            # a rotated label hangs from its end (ha='right'), as matplotlib users set
            ha = axis.tick_ha or ("center" if rot % 180 == 0 else "right" if rot > 0 else "left")
            ov.text(label, p, base + sign * gap, ticks.size_px, axis.tick_label_color, ha=ha,
                    va="bottom" if far else "top", rotation=rot)
        else:
            ov.text(label, base + sign * gap, p, ticks.size_px, axis.tick_label_color,
                    ha=axis.tick_ha or ("left" if far else "right"), va="center", rotation=rot)
    if axis.offset_visible(ticks):
        if horizontal:
            ov.text(ticks.offset, bx + bw, base + sign * (gap + ticks.heights.max() + 2),
                    ticks.size_px, ha="right", va="bottom" if far else "top")
        else:
            ov.text(ticks.offset, bx + (bw if far else 0), by + bh + 2, ticks.size_px,
                    ha="right" if far else "left", va="bottom")
    if axis.label:
        lsize = fig.points_to_pixels(axis.label_size)
        reach = ticks.label_extent() + fig.points_to_pixels(axis.labelpad)
        if horizontal:
            ov.text(axis.label, bx + bw / 2, base + sign * reach, lsize, axis.label_color,
                    ha="center", va="bottom" if far else "top")
        else:
            ov.text(axis.label, base + sign * reach, by + bh / 2, lsize, axis.label_color,
                    ha="center", va="top" if far else "bottom", rotation=90.0)


def _draw_titles(ax, ov) -> None:
    fig = ax.figure
    bx, by, bw, bh = ax.box
    size = fig.points_to_pixels(ax.title_size)
    y = by + bh + fig.points_to_pixels(rcParams["axes.titlepad"]) + ax.decorations_above()
    plain_descent = textmod.measure("x", size)[2]
    for loc, x, ha in (("left", bx, "left"), ("center", bx + bw / 2, "center"),
                       ("right", bx + bw, "right")):
        if ax.title[loc]:
            # deep math (fractions, subscripts) lifts the baseline off the axes
            lift = max(textmod.measure(ax.title[loc], size)[2] - plain_descent, 0.0)
            ov.text(ax.title[loc], x, y + lift, size, ha=ha, va="baseline")
