"""Spines, ticks, tick labels, axis labels and titles, and the room they need around
an axes' box (``axes_margins``: what the layout engines of ``lumos.plot.layout`` read)."""

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
        # minor ticks keep their rc ratio to the major length (styles may set sizes 0)
        major_rc = float(rcParams["xtick.major.size"])
        scale = axis.tick_length / major_rc if major_rc > 0 else 1.0
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


def axes_margins(ax) -> tuple[float, float, float, float]:
    """Room (left, right, bottom, top) in pixels that the axes' decorations need beyond
    its box, twins included (each axes gives its own through ``own_margins``, a
    projection hook), and a legend anchored outside."""
    left = right = bottom = top = 0.0
    for a in [ax] + ax.children:
        if not a.axison:
            continue
        m = a.own_margins()
        left, right, bottom, top = (max(u, v) for u, v in zip((left, right, bottom, top), m,
                                                              strict=True))
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
        if axis.label and axis.label_visible:
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
            lo, hi = _overhang(a, axis, ticks)
            left, right = max(left, lo), max(right, hi)
        else:
            if axis.ticks_position == "right":
                right = max(right, reach)
            else:
                left = max(left, reach)
            top = max(top, offset_h + 2)
            lo, hi = _overhang(a, axis, ticks)
            bottom, top = max(bottom, lo), max(top, hi)
    return left, right, bottom, max(top, title_room(a))


def _overhang(a, axis, ticks: TickLayout) -> tuple[float, float]:
    """How far tick labels reach past the ends of the box along their axis (before the
    start, after the end), from where they are drawn."""
    if not axis.show_labels or not len(ticks.widths):
        return 0.0, 0.0
    pos = axis.pixels_along(ticks.major)
    ok = np.isfinite(pos)
    if not ok.any():
        return 0.0, 0.0
    bx, by, bw, bh = a.box
    if axis.name == "x":
        rot = axis.tick_rotation
        ha = axis.tick_ha or ("center" if rot % 180 == 0 else "right" if rot > 0 else "left")
        w = ticks.widths[ok]
        start = pos[ok] - {"left": 0.0, "center": 0.5, "right": 1.0}[ha] * w
        lo_edge, hi_edge, end = bx, bx + bw, start + w
    else:
        h = ticks.heights[ok]
        start, end = pos[ok] - h / 2, pos[ok] + h / 2
        lo_edge, hi_edge = by, by + bh
    return max(lo_edge - float(start.min()), 0.0), max(float(end.max()) - hi_edge, 0.0)


def title_room(a) -> float:
    """Pixels above the box the titles need (with what the axes draws above its box)."""
    if not any(a.title.values()):
        return 0.0
    size = a.figure.points_to_pixels(a.title_size)
    plain_descent = textmod.measure("x", size)[2]
    reach = 0.0
    for k in a.title:
        if a.title[k]:
            # drawn on its baseline, lifted by math deeper than plain text (_draw_titles)
            _, h, descent = textmod.measure(a.title[k], size)
            reach = max(reach, h - descent + max(descent - plain_descent, 0.0))
    return reach + a.figure.points_to_pixels(rcParams["axes.titlepad"]) + a.decorations_above()


def draw_axes(ax, ov) -> None:
    """Everything one axes draws in figure pixels: artists that draw themselves there,
    then (unless the axis is off) its frame and ticks (``ax.draw_frame``, a projection
    hook), titles and texts."""
    if not ax.get_visible():
        return
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
    if axis.label and axis.label_visible:
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
    title_color = rcParams["axes.titlecolor"]
    if title_color == "auto":
        title_color = rcParams["text.color"]
    for loc, x, ha in (("left", bx, "left"), ("center", bx + bw / 2, "center"),
                       ("right", bx + bw, "right")):
        if ax.title[loc]:
            # deep math (fractions, subscripts) lifts the baseline off the axes
            lift = max(textmod.measure(ax.title[loc], size)[2] - plain_descent, 0.0)
            ov.text(ax.title[loc], x, y + lift, size, title_color, ha=ha, va="baseline")
