"""What the decorations of an axes need from a layout: the box they cover
(:func:`tight_box`), the room insets and texts outside the box need as the box changes
(:func:`inset_room`, :func:`inset_reach`), and the axes a layout places
(:func:`layout_axes`). The engines of :mod:`lumos.plot.layout` read them."""

from __future__ import annotations

import numpy as np

from .bbox import Bbox
from .decorations import axes_margins
from .text_artists import Text, anchor_pixels


def tight_box(ax, margins: tuple | None = None) -> Bbox:
    """The axes' box with its decorations (ticks, labels, titles, twins, legends
    outside), in figure pixels (``margins``: their ``axes_margins``, when known)."""
    x, y, w, h = ax.box
    if not ax.get_visible():
        return Bbox.from_bounds(x, y, w, h)
    left, right, bottom, top = axes_margins(ax) if margins is None else margins
    return Bbox.from_extents(x - left, y - bottom, x + w + right, y + h + top)


def inset_room(ax, margins: tuple | None = None) -> np.ndarray:
    """What of ``ax`` follows its box when it has insets or texts outside it a layout
    makes room for (shown, in the layout, placed in its axes fraction or data): each
    inset, each such text and the axes itself (its decorations: ``margins``, its
    ``axes_margins`` when known), a row each of its box in ``ax``'s fraction (x0, y0,
    x1, y1: an inset's where it stands, after its own aspect) and the room it needs
    beyond that box (left, right, bottom, top pixels); no rows without."""
    out = []
    for inset in ax.child_axes if ax.get_visible() else ():
        if not (inset.get_visible() and inset.get_in_layout()):
            continue
        f = ax.inset_fractions(inset)
        if f is not None:
            out.append((f.x0, f.y0, f.x1, f.y1, *axes_margins(inset)))
    bx, by, bw, bh = ax.box
    # matplotlib counts texts, annotations and unclipped patches too
    counted = [a for a in (*ax.plain_texts, *ax.artists) if a.counts_in_layout()] \
        if ax.get_visible() else []
    texts = [a for a in counted if isinstance(a, Text)]
    parts = [part for text, (x, y) in zip(texts, anchor_pixels(texts), strict=True)
             for part in text.layout_room(x, y)]
    parts += [part for a in counted if not isinstance(a, Text) for part in a.layout_room()]
    for px, py, reach in parts:
        if (px - reach[0] < bx or px + reach[1] > bx + bw or
                py - reach[2] < by or py + reach[3] > by + bh):
            fx, fy = (px - bx) / bw, (py - by) / bh
            out.append((fx, fy, fx, fy, *reach))
    if not out:
        return np.zeros((0, 8))
    own = axes_margins(ax) if margins is None else margins
    return np.array([(0.0, 0.0, 1.0, 1.0, *own), *out], dtype=float)


def inset_reach(ax, room: np.ndarray, w: float, h: float) -> np.ndarray:
    """How far (left, right, bottom, top; pixels; negative: short of it) ``room`` (from
    :func:`inset_room`) reaches beyond the w × h box a layout gives ``ax``. It follows
    the box after the aspect, so the reach depends on w and h: the engines take it as
    a function of them."""
    if w <= 0 or h <= 0:
        return np.zeros(4)
    fig = ax.figure
    x, y, bw, bh = fig.fraction_to_pixels(ax.aspect_box(fig.pixels_to_fraction((0, 0, w, h))))
    x0, y0, x1, y1, left, right, bottom, top = room.T
    return np.array([(left - x - x0 * bw).max(), (x + x1 * bw + right - w).max(),
                     (bottom - y - y0 * bh).max(), (y + y1 * bh + top - h).max()])


def layout_axes(fig) -> list:
    """The axes a layout places itself: made in a grid cell, in the layout, not twins."""
    return [a for a in fig.axes if a.role in ("main", "colorbar") and a.get_in_layout()
            and a.get_subplotspec() is not None]
