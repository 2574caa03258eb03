"""Selecting points with a rectangle or a lasso drawn on a figure (pixel coordinates).

>>> hits = select(fig, rect=(100, 80, 300, 200))      # x0, y0, x1, y1 from the top left
>>> hits = select(fig, lasso=[(120, 90), (300, 95), (210, 240)])
>>> for artist, index in hits.items(): ...              # indices into the artist's data

Front-ends call these with the corners or the path the mouse drew; they only read the
figure, so they work headless too. Each artist offers its points (``data_points``) and
the axes' ``transData`` says where they are.
"""

from __future__ import annotations

import numpy as np


def _points_px(artist) -> np.ndarray | None:
    """The artist's data points in figure pixels from the top left, or None."""
    xy = artist.data_points()
    if xy is None:
        return None
    ax = artist.axes
    px = ax.transData.forward(xy)
    px[:, 1] = ax.figure.canvas.size[1] - px[:, 1]
    return px


def inside_polygon(points: np.ndarray, polygon) -> np.ndarray:
    """Even-odd rule: which of the (N, 2) points lie inside the closed polygon."""
    poly = np.asarray(polygon, dtype=float)
    if poly.ndim != 2 or poly.shape[1] != 2 or len(poly) < 3:
        raise ValueError(f"lasso: got shape {poly.shape}, expected (M, 2) with M >= 3")
    x, y = points[:, 0], points[:, 1]
    inside = np.zeros(len(points), dtype=bool)
    x1, y1 = poly[-1]
    for x2, y2 in poly:
        crosses = (y1 > y) != (y2 > y)
        with np.errstate(divide="ignore", invalid="ignore"):
            at = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
        inside ^= crosses & (x < at)
        x1, y1 = x2, y2
    return inside


def select(fig, rect=None, lasso=None) -> dict:
    """Indices of every line's and scatter's points inside ``rect`` (x0, y0, x1, y1) or
    ``lasso`` (a list of (x, y)), in logical pixels from the figure's top left.

    Returns ``{artist: indices}`` for artists with at least one point selected; points
    outside their axes' box are never selected (they are not visible)."""
    if (rect is None) == (lasso is None):
        raise ValueError("select: pass exactly one of rect and lasso")
    if rect is not None:
        try:
            x0, y0, x1, y1 = (float(v) for v in rect)
        except (TypeError, ValueError):
            raise TypeError(f"rect: got {rect!r}, expected (x0, y0, x1, y1) numbers") from None
        x0, x1 = sorted((x0, x1))
        y0, y1 = sorted((y0, y1))
    fig.draw()  # boxes and limits as on screen
    height = fig.canvas.size[1]
    hits = {}
    for ax in fig.axes_list:  # insets too
        bx, by, bw, bh = ax.box
        for artist in ax.artists:
            pts = _points_px(artist)
            if pts is None or not artist.get_visible():
                continue
            with np.errstate(invalid="ignore"):
                visible = ((pts[:, 0] >= bx) & (pts[:, 0] <= bx + bw)
                           & (pts[:, 1] >= height - by - bh) & (pts[:, 1] <= height - by))
                if rect is not None:
                    chosen = ((pts[:, 0] >= x0) & (pts[:, 0] <= x1)
                              & (pts[:, 1] >= y0) & (pts[:, 1] <= y1))
                else:
                    chosen = inside_polygon(pts, lasso)
            index = np.flatnonzero(visible & chosen)
            if index.size:
                hits[artist] = index
    return hits
