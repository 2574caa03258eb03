"""``Figure.pick``: from the visual under a pixel back to the artist that made it.

Axes batch lines and markers of one style into one visual, in the order of their
artists; a hit in a batch is walked back to its artist by matching the batch's data
with each artist's scale-space positions in that order.
"""

from __future__ import annotations

import numpy as np


def pick_figure(fig, x: float, y: float, radius: int = 2):
    """``(artist, index)`` under logical pixel (x, y) of the figure (top-left origin),
    ``(visual, index)`` for a visual no artist claims, or None."""
    fig.draw()
    data_visuals = {}
    for ax in fig.axes:
        for v in ax.view.walk():
            if v is not getattr(ax, "_grid_line", None):
                data_visuals[id(v)] = ax
    hit = fig.canvas.pick(x, y, radius=radius, pickable=lambda v: id(v) in data_visuals)
    if hit is None:
        return None
    visual, index = hit
    return artist_of(data_visuals[id(visual)], visual, index)


def artist_of(ax, visual, index: int):
    """Map a hit (visual, index) of ``ax`` to (artist, index into the artist's data)."""
    from ..plot.artists import Line2D, PathCollection

    for a in ax.artists:
        if visual in a.visuals():
            return a, index
    if visual not in ax._batches.values():
        return visual, index
    kind = type(visual).__name__
    if kind == "Line":
        points, owner = visual._points, visual._owner
        k = 0 if owner is None else int(owner[index])
        start = 0 if owner is None else int(np.argmax(owner == k))
        stop = len(points) if owner is None else start + int((owner == k).sum())
        mine = points[start:stop, :2]
        for a in ax.artists:
            if isinstance(a, Line2D) and len(a._scaled) == len(mine) \
                    and np.array_equal(np.asarray(a._scaled, float), mine, equal_nan=True):
                return a, _data_index(a, index - start)
        return visual, index
    if kind == "Markers":
        points = visual._points[:, :2]
        offset = 0
        for a in ax.artists:
            if isinstance(a, PathCollection):
                mine = a._scaled
            elif isinstance(a, Line2D) and a._marker is not None:
                mine = a.marker_positions()
            else:
                continue
            n = len(mine)
            if n and offset + n <= len(points) and np.array_equal(
                    points[offset:offset + n], np.asarray(mine, float), equal_nan=True):
                if index < offset + n:
                    return a, index - offset
                offset += n
        return visual, index
    return visual, index


def _data_index(line, i: int) -> int:
    """Index into the line's data from an index into its drawn (maybe stepped) points."""
    n, m = len(line._x), len(line._scaled)
    return i if n == m else min(int(round(i * (n - 1) / max(m - 1, 1))), n - 1)
