"""What the decorations of an axes need from a layout: the box they cover
(:func:`tight_box`), the room insets and texts outside the box need as the box changes
(:func:`inset_room`, :func:`inset_reach`), and the axes a layout places
(:func:`layout_axes`). The engines of :mod:`lumos.plot.layout` read them."""

from __future__ import annotations

import numpy as np

from .bbox import Bbox, anchor_coefs
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
    x1, y1), the room it needs beyond that box (left, right, bottom, top pixels) and
    how an inset's own aspect shrinks that box (height / width, 0 for none, and its
    anchor's cx, cy); no rows without."""
    out = []
    for inset in ax.child_axes if ax.get_visible() else ():
        if not (inset.get_visible() and inset.get_in_layout()):
            continue
        f = ax.inset_fractions(inset)
        if f is not None:
            aspect = inset.fixed_box_aspect()
            out.append((f.x0, f.y0, f.x1, f.y1, *axes_margins(inset), aspect or 0.0,
                        *anchor_coefs(inset.get_anchor())))
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
            out.append((fx, fy, fx, fy, *reach, 0.0, 0.0, 0.0))
    if not out:
        return np.zeros((0, 11))
    own = axes_margins(ax) if margins is None else margins
    return np.array([(0.0, 0.0, 1.0, 1.0, *own, 0.0, 0.0, 0.0), *out], dtype=float)


def inset_reach(ax, room: np.ndarray, w: float, h: float) -> np.ndarray:
    """How far (left, right, bottom, top; pixels; negative: short of it) ``room`` (from
    :func:`inset_room`) reaches beyond the w × h box a layout gives ``ax``. It follows
    the box after the aspect, so the reach depends on w and h: the engines take it as
    a function of them."""
    if w <= 0 or h <= 0:
        return np.zeros(4)
    fig = ax.figure
    x, y, bw, bh = fig.fraction_to_pixels(ax.aspect_box(fig.pixels_to_fraction((0, 0, w, h))))
    x0, y0, x1, y1, left, right, bottom, top, aspect, cx, cy = room.T
    # each box in pixels of the parent's box, shrunk to its inset's aspect in its anchor
    # (matplotlib's inset_axes of a fixed-aspect axes: apply_aspect in the located box)
    x0, x1, y0, y1 = x + x0 * bw, x + x1 * bw, y + y0 * bh, y + y1 * bh
    cw, ch = x1 - x0, y1 - y0
    fits = aspect * cw <= ch
    nw = np.where(aspect > 0, np.where(fits, cw, ch / np.where(aspect > 0, aspect, 1)), cw)
    nh = np.where(aspect > 0, np.where(fits, aspect * cw, ch), ch)
    x0, y0 = x0 + cx * (cw - nw), y0 + cy * (ch - nh)
    x1, y1 = x0 + nw, y0 + nh
    return np.array([(left - x0).max(), (x1 + right - w).max(),
                     (bottom - y0).max(), (y1 + top - h).max()])


def layout_axes(fig) -> list:
    """The axes a layout places itself: made in a grid cell, in the layout, not twins."""
    return [a for a in fig.axes if a.role in ("main", "colorbar") and a.get_in_layout()
            and a.get_subplotspec() is not None]
