"""matplotlib's ``Bbox``: a rectangle by its corners, what ``ax.get_position()`` returns.

>>> pos = ax.get_position()               # figure fraction
>>> pos.x0, pos.y0, pos.width, pos.height, pos.bounds
>>> ax.set_position([pos.x0, pos.y0 + 0.05, pos.width, pos.height * 0.9])
"""

from __future__ import annotations

import sys

import numpy as np

#: matplotlib's anchor names: where a shrunk box sits in its container
ANCHORS = {"C": (0.5, 0.5), "SW": (0.0, 0.0), "S": (0.5, 0.0), "SE": (1.0, 0.0),
           "E": (1.0, 0.5), "NE": (1.0, 1.0), "N": (0.5, 1.0), "NW": (0.0, 1.0),
           "W": (0.0, 0.5)}


def anchor_coefs(anchor) -> tuple[float, float]:
    """(cx, cy) of an anchor name or pair; a ValueError names what it got."""
    if isinstance(anchor, str):
        if anchor not in ANCHORS:
            raise ValueError(f"anchor: got {anchor!r}, expected one of "
                             f"{', '.join(ANCHORS)} or an (x, y) pair")
        return ANCHORS[anchor]
    try:
        cx, cy = (float(v) for v in anchor)
    except (TypeError, ValueError):
        raise ValueError(f"anchor: got {anchor!r}, expected one of {', '.join(ANCHORS)} or "
                         "an (x, y) pair") from None
    return cx, cy


class Bbox:
    """A rectangle ``[[x0, y0], [x1, y1]]`` (matplotlib's names: ``x0``, ``y1``,
    ``width``, ``bounds`` = (x0, y0, width, height), ``extents`` = (x0, y0, x1, y1))."""

    def __init__(self, points) -> None:
        pts = np.array(points, dtype=float)
        if pts.shape != (2, 2):
            raise ValueError(f"points: got shape {pts.shape}, expected [[x0, y0], [x1, y1]]")
        self._points = pts
        if "matplotlib.transforms" in sys.modules:  # matplotlib's own code may take it
            from .transforms_compat import matplotlib_twin

            matplotlib_twin(self, "Bbox").__init__(self, pts)

    @classmethod
    def from_bounds(cls, x0: float, y0: float, width: float, height: float) -> Bbox:
        return cls([[x0, y0], [x0 + width, y0 + height]])

    @classmethod
    def from_extents(cls, *args) -> Bbox:
        x0, y0, x1, y1 = args[0] if len(args) == 1 else args
        return cls([[x0, y0], [x1, y1]])

    @classmethod
    def unit(cls) -> Bbox:
        return cls([[0.0, 0.0], [1.0, 1.0]])

    @staticmethod
    def union(bboxes) -> Bbox:
        bboxes = list(bboxes)
        if not bboxes:
            raise ValueError("bboxes: got an empty sequence, expected at least one Bbox")
        return Bbox([[min(b.xmin for b in bboxes), min(b.ymin for b in bboxes)],
                     [max(b.xmax for b in bboxes), max(b.ymax for b in bboxes)]])

    # -- corners and sizes -------------------------------------------------------------
    def _set(self, i: int, j: int, v: float) -> None:
        self._points[i, j] = float(v)
        self._changed()

    def _changed(self) -> None:
        """matplotlib's boxes made from this one recompute (when it is matplotlib's
        too, see ``matplotlib_twin``)."""
        if hasattr(self, "_parents"):
            self._invalid = 0  # matplotlib's flag: a node already invalid tells no one
            self.invalidate()

    x0 = property(lambda s: float(s._points[0, 0]), lambda s, v: s._set(0, 0, v))
    y0 = property(lambda s: float(s._points[0, 1]), lambda s, v: s._set(0, 1, v))
    x1 = property(lambda s: float(s._points[1, 0]), lambda s, v: s._set(1, 0, v))
    y1 = property(lambda s: float(s._points[1, 1]), lambda s, v: s._set(1, 1, v))

    @property
    def xmin(self) -> float:
        return float(self._points[:, 0].min())

    @property
    def xmax(self) -> float:
        return float(self._points[:, 0].max())

    @property
    def ymin(self) -> float:
        return float(self._points[:, 1].min())

    @property
    def ymax(self) -> float:
        return float(self._points[:, 1].max())

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def size(self) -> np.ndarray:
        return self._points[1] - self._points[0]

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        return self.x0, self.y0, self.width, self.height

    @property
    def extents(self) -> tuple[float, float, float, float]:
        return self.x0, self.y0, self.x1, self.y1

    @property
    def p0(self) -> np.ndarray:
        return self._points[0].copy()

    @property
    def p1(self) -> np.ndarray:
        return self._points[1].copy()

    @property
    def intervalx(self) -> np.ndarray:
        return self._points[:, 0].copy()

    @property
    def intervaly(self) -> np.ndarray:
        return self._points[:, 1].copy()

    def get_points(self) -> np.ndarray:
        return self._points.copy()

    def set_points(self, points) -> None:
        self._points = Bbox(points)._points
        self._changed()

    def frozen(self) -> Bbox:
        return Bbox(self._points)

    def __array__(self, dtype=None, copy=None):
        return self._points.copy() if dtype is None else self._points.astype(dtype)

    def __eq__(self, other) -> bool:
        return isinstance(other, Bbox) and bool(np.array_equal(self._points, other._points))

    __hash__ = None  # mutable, like matplotlib's

    def __repr__(self) -> str:
        return f"Bbox(x0={self.x0:g}, y0={self.y0:g}, x1={self.x1:g}, y1={self.y1:g})"

    # -- derived boxes -----------------------------------------------------------------
    def translated(self, tx: float, ty: float) -> Bbox:
        return Bbox(self._points + (tx, ty))

    def shrunk(self, mx: float, my: float) -> Bbox:
        """Scaled by (mx, my) about the lower left corner."""
        return Bbox([self._points[0], self._points[0] + self.size * (mx, my)])

    def shrunk_to_aspect(self, box_aspect: float, container: Bbox | None = None,
                         fig_aspect: float = 1.0) -> Bbox:
        """As large as fits in ``container`` with height/width ``box_aspect`` (in physical
        units: ``fig_aspect`` is the height/width of what the coordinates are fractions
        of)."""
        if box_aspect <= 0 or fig_aspect <= 0:
            raise ValueError("box_aspect and fig_aspect must be positive")
        w, h = (container or self).size
        big_h = w * box_aspect / fig_aspect
        if big_h <= h:
            big_w = w
        else:
            big_w, big_h = h * fig_aspect / box_aspect, h
        return Bbox([self._points[0], self._points[0] + (big_w, big_h)])

    def anchored(self, c, container: Bbox) -> Bbox:
        """This box moved to the anchor ``c`` ('C', 'SW', ... or (x, y)) of ``container``."""
        left, bottom, w, h = container.bounds
        x, y, bw, bh = self.bounds
        cx, cy = anchor_coefs(c)
        return Bbox(self._points + [left + cx * (w - bw) - x, bottom + cy * (h - bh) - y])

    def splitx(self, *fractions) -> list[Bbox]:
        xf = [0.0, *fractions, 1.0]
        x0, y0, x1, y1 = self.extents
        w = x1 - x0
        return [Bbox([[x0 + a * w, y0], [x0 + b * w, y1]])
                for a, b in zip(xf, xf[1:], strict=False)]

    def splity(self, *fractions) -> list[Bbox]:
        yf = [0.0, *fractions, 1.0]
        x0, y0, x1, y1 = self.extents
        h = y1 - y0
        return [Bbox([[x0, y0 + a * h], [x1, y0 + b * h]])
                for a, b in zip(yf, yf[1:], strict=False)]

    def padded(self, w_pad: float, h_pad: float | None = None) -> Bbox:
        h_pad = w_pad if h_pad is None else h_pad
        return Bbox(self._points + [[-w_pad, -h_pad], [w_pad, h_pad]])

    def expanded(self, sw: float, sh: float) -> Bbox:
        dw, dh = (sw - 1) * self.width / 2, (sh - 1) * self.height / 2
        return Bbox(self._points + [[-dw, -dh], [dw, dh]])

    def contains(self, x: float, y: float) -> bool:
        return self.xmin <= x <= self.xmax and self.ymin <= y <= self.ymax

    def overlaps(self, other: Bbox) -> bool:
        return not (other.xmax < self.xmin or other.xmin > self.xmax or
                    other.ymax < self.ymin or other.ymin > self.ymax)

    def transformed(self, transform) -> Bbox:
        """The box of the transformed corners (a lumos transform, with ``forward``, or
        matplotlib's, with ``transform``)."""
        fn = getattr(transform, "forward", None) or getattr(transform, "transform", None)
        if fn is None:
            raise TypeError(f"transform: got {type(transform).__name__}, expected a "
                            "transform (ax.transData, fig.transFigure.inverted(), ...)")
        pts = np.asarray(fn(self._points.copy()), dtype=float)
        return Bbox(pts[:, :2])


def as_bbox(rect, argname: str = "rect") -> Bbox:
    """A Bbox from a Bbox or ``(left, bottom, width, height)``."""
    if isinstance(rect, Bbox):
        return rect.frozen()
    if hasattr(rect, "bounds") and hasattr(rect, "get_points"):  # matplotlib's Bbox
        return Bbox.from_bounds(*rect.bounds)
    try:
        x, y, w, h = (float(v) for v in rect)
    except (TypeError, ValueError):
        raise TypeError(f"{argname}: got {rect!r}, expected (left, bottom, width, height) "
                        "in figure fraction or a Bbox") from None
    if not np.isfinite([x, y, w, h]).all():
        raise ValueError(f"{argname}: got {rect!r}, expected finite numbers")
    return Bbox.from_bounds(x, y, w, h)


class LiveBbox(Bbox):
    """A Bbox read from its owner at each use and written back by its setters
    (matplotlib's live boxes, ``ax.viewLim``): ``get()`` gives ``[[x0, y0], [x1, y1]]``,
    ``put(points)`` takes them."""

    def __init__(self, get, put) -> None:  # no points of its own to take
        self._get_points, self._put_points = get, put

    @property
    def _points(self) -> np.ndarray:
        return np.array(self._get_points(), dtype=float).reshape(2, 2)

    def _set(self, i: int, j: int, v: float) -> None:
        points = self._points
        points[i, j] = float(v)
        self._put_points(points)

    def set_points(self, points) -> None:
        self._put_points(Bbox(points).get_points())
