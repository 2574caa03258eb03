"""``legend(loc='best')``: matplotlib's rule (``Legend._find_best_position``). Each
candidate location, in the order of the location codes (upper right, upper left, ...),
gets a badness: the vertices strictly inside the legend's box, the boxes overlapping it
and the paths crossing it (one each); the first location with none wins, else the least
bad (the lower code on a tie). What counts is declared by each artist through
``legend_obstacles()``, as matplotlib's ``_auto_legend_data`` sorts its artists: a line
or a patch outline gives its vertices and its path, a scatter its points, a bar or a
rectangle its box, a text its window extent."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

#: above this many vertices in one path, a regular subsample is counted (a legend
#: over a million points is as bad as one over a thousand of them; transforming and
#: counting every one at each draw would cost more than the draw)
MAX_VERTICES = 2000


@dataclass(eq=False, repr=False)
class Obstacles:
    """What one artist puts in a 'best' legend's way, in figure pixels: ``vertices``
    (N, 2) counted when strictly inside, ``paths`` (polylines, NaN breaks them) counted
    once when they pass through, ``boxes`` (M, 4: x0, y0, x1, y1) counted when they
    overlap. Artists give long paths :func:`thinned` before transforming them."""

    vertices: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))
    paths: list = field(default_factory=list)
    boxes: np.ndarray = field(default_factory=lambda: np.zeros((0, 4)))

    @classmethod
    def outline(cls, rings: list) -> Obstacles:
        """Lines and patch outlines: their vertices and their paths."""
        rings = [np.asarray(r, float).reshape(-1, 2) for r in rings]
        rings = [r for r in rings if len(r)]
        verts = np.concatenate(rings) if rings else np.zeros((0, 2))
        return cls(vertices=verts, paths=[r for r in rings if len(r) > 1])

    @classmethod
    def extents(cls, boxes) -> Obstacles:
        """Rectangles and texts: their boxes (x0, y0, x1, y1 in any corner order)."""
        b = np.asarray(boxes, float).reshape(-1, 4)
        return cls(boxes=np.c_[np.minimum(b[:, :2], b[:, 2:]), np.maximum(b[:, :2], b[:, 2:])])


def thinned(xy: np.ndarray) -> np.ndarray:
    """``xy`` (N, 2), or a regular subsample of it of at most :data:`MAX_VERTICES`."""
    return xy if len(xy) <= MAX_VERTICES else xy[:: len(xy) // MAX_VERTICES + 1]


def best_location(artists, candidates) -> int:
    """The location code of the least bad of ``candidates`` (code, (x0, y0, x1, y1))
    for the legend, given the ``artists`` of its axes."""
    verts, paths, boxes = [], [], []
    with np.errstate(all="ignore"):
        for a in artists:
            if not a.get_visible():
                continue
            obs = a.legend_obstacles()
            if obs is None:
                continue
            verts.append(obs.vertices)
            paths.extend(obs.paths)
            boxes.append(obs.boxes)
    pts = np.concatenate(verts) if verts else np.zeros((0, 2))
    rects = np.concatenate(boxes) if boxes else np.zeros((0, 4))
    best, best_badness = None, None
    for code, (x0, y0, x1, y1) in candidates:
        with np.errstate(invalid="ignore"):
            badness = int(((pts[:, 0] > x0) & (pts[:, 0] < x1)
                           & (pts[:, 1] > y0) & (pts[:, 1] < y1)).sum())
            badness += int(((rects[:, 0] < x1) & (rects[:, 2] > x0)
                            & (rects[:, 1] < y1) & (rects[:, 3] > y0)).sum())
        badness += sum(crosses(p, (x0, y0, x1, y1)) for p in paths)
        if badness == 0:
            return code
        if best_badness is None or badness < best_badness:
            best, best_badness = code, badness
    return best


def crosses(line: np.ndarray, box: tuple) -> bool:
    """Whether a polyline (figure pixels; NaN breaks it) passes through a box: a
    segment clipped to it keeps some length (Liang-Barsky on every segment at once)."""
    a, b = line[:-1], line[1:]
    ok = np.isfinite(a).all(axis=1) & np.isfinite(b).all(axis=1)
    a, b = a[ok], b[ok]
    d = b - a
    t0, t1 = np.zeros(len(a)), np.ones(len(a))
    with np.errstate(divide="ignore", invalid="ignore"):
        for k, (lo, hi) in enumerate(((box[0], box[2]), (box[1], box[3]))):
            ta, tb = (lo - a[:, k]) / d[:, k], (hi - a[:, k]) / d[:, k]
            flat = d[:, k] == 0
            outside = flat & ((a[:, k] < lo) | (a[:, k] > hi))
            t0 = np.where(flat, t0, np.maximum(t0, np.minimum(ta, tb)))
            t1 = np.where(flat, t1, np.minimum(t1, np.maximum(ta, tb)))
            t1 = np.where(outside, -1.0, t1)
    return bool((t0 <= t1).any())
