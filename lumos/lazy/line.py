"""A line of up to 10^9 points drawn from its on-disk pyramid: O(pixels) per view.

:class:`PyramidLine` keeps no copy of the data: it holds a
:class:`~lumos.lazy.pyramid.LinePyramid` (references to the sources plus the pyramid,
on disk or in memory) and, per view, the 2 to 4 points a pixel column needs, drawn by
a :class:`lumos.visuals.Line` it owns (float32 offsets from a float64 origin). A pan or
zoom re-queries the pyramid: a few thousand rows, whatever the length of the line.
"""

from __future__ import annotations

import numpy as np

from ..gpu.frame import Draw
from ..visuals.base import DrawContext, PrimitiveContext, Visual, check_number
from ..visuals.line import Line
from .pyramid import LinePyramid

_FULL_COLUMNS = 4096  # columns of the envelope a 3D view (no pixel columns) is given


class PyramidLine(Visual):
    """A long x-sorted line read through a min/max pyramid.

    >>> PyramidLine(LinePyramid(h5["signal"]), x0=t0, dx=1e-6, color="C0", width=1.5)

    ``x0``, ``dx``: sample times of a line without x (row i at ``x0 + i * dx``).
    ``x_scale``, ``y_scale``: monotonic maps from data to view coordinates (objects
    with ``forward`` and ``inverse``, as ``lumos.plot`` scales): the minimum and maximum
    of a bin stay the extremes after them, so log axes need no new pyramid.
    """

    def __init__(self, pyramid: LinePyramid, color="black", width: float = 1.0,
                 dashes=None, x0: float = 0.0, dx: float = 1.0, x_scale=None,
                 y_scale=None) -> None:
        super().__init__()
        if not isinstance(pyramid, LinePyramid):
            raise TypeError(f"pyramid: got {type(pyramid).__name__}, expected a LinePyramid")
        if pyramid.x is not None and (x0 != 0.0 or dx != 1.0):
            raise ValueError("x0, dx: a line with x values takes its x from them; pass "
                             "x0/dx only for a line without x")
        self.pyramid = pyramid
        self.x0 = check_number(x0, "x0")
        self.dx = check_number(dx, "dx", 0.0, exclusive=True)
        self.x_scale = x_scale
        self.y_scale = y_scale
        self._line = Line(color=color, width=width, dashes=dashes, lod=False)
        self._line.parent = self  # inherits this node's transform; drawn by draws()
        self._key = None
        self._count = 0

    # -- style, forwarded to the line that draws the envelope ---------------------------
    @property
    def color(self):
        return self._line.color

    @color.setter
    def color(self, value) -> None:
        self._line.color = value

    @property
    def width(self) -> float:
        return self._line.width

    @width.setter
    def width(self, value: float) -> None:
        self._line.width = value

    @property
    def dashes(self):
        return self._line.dashes

    @dashes.setter
    def dashes(self, value) -> None:
        self._line.dashes = value

    def invalidate(self) -> None:
        """Forget the envelope drawn last (after a change of scales or x0/dx)."""
        self._key = None

    # -- coordinates ---------------------------------------------------------------------
    def _to_view(self, pts: np.ndarray) -> np.ndarray:
        """Pyramid points (row index or x, y) to view coordinates."""
        out = pts.copy()
        if self.pyramid.x is None:
            out[:, 0] = self.x0 + self.dx * out[:, 0]
        with np.errstate(all="ignore"):
            if self.x_scale is not None:
                out[:, 0] = self.x_scale.forward(out[:, 0])
            if self.y_scale is not None:
                out[:, 1] = self.y_scale.forward(out[:, 1])
        return out

    def _to_pyramid_x(self, v: np.ndarray) -> np.ndarray:
        """View x to the pyramid's x (row index for a line without x)."""
        with np.errstate(all="ignore"):
            if self.x_scale is not None:
                v = self.x_scale.inverse(np.asarray(v, float))
        v = np.asarray(v, float)
        if self.pyramid.x is None:
            v = (v - self.x0) / self.dx
        return np.nan_to_num(v, nan=0.0, posinf=1e300, neginf=-1e300)

    def bounds(self) -> np.ndarray | None:
        if self.pyramid.n == 0 or not np.isfinite(self.pyramid.y_range).all():
            return None
        (xa, xb), (ya, yb) = self.pyramid.x_range, self.pyramid.y_range
        corners = self._to_view(np.array([[xa, ya], [xb, yb]]))
        if not np.isfinite(corners).all():
            return None
        b = np.zeros((2, 3))
        b[0, :2], b[1, :2] = corners.min(axis=0), corners.max(axis=0)
        from ..visuals.base import transformed_bounds

        return transformed_bounds(b, self.model_matrix())

    def envelope(self, lo: float, hi: float, columns: int) -> np.ndarray:
        """(k, 2) view-coordinate points drawn for the view range [lo, hi]."""
        a, b = self._to_pyramid_x(np.array([lo, hi]))
        return self._to_view(self.pyramid.query(float(a), float(b), columns))

    def _show(self, ctx: DrawContext | PrimitiveContext) -> bool:
        """Give the line the envelope of the view (False: nothing to draw)."""
        if ctx.camera["type"] == "panzoom":
            x0, _, w, _ = ctx.camera["rect"]
            lo, hi = sorted((x0, x0 + w))
            columns = max(round(ctx.size[0] * ctx.pixel_ratio), 1)
        else:  # 3D: the whole line at a fixed resolution
            b = self.bounds()
            if b is None:
                return False
            lo, hi, columns = b[0, 0], b[1, 0], _FULL_COLUMNS
        key = (lo, hi, columns)
        if key != self._key:
            pts = self.envelope(lo, hi, columns)  # a read error leaves the key: retried
            self._line.set_data(pts, copy=False)
            self._key, self._count = key, len(pts)
        return True

    def draws(self, ctx: DrawContext) -> list[Draw]:
        return self._line.draws(ctx) if self._show(ctx) else []

    def primitives(self, ctx: PrimitiveContext | None = None) -> list:
        """The paths of the envelope at the export resolution (vector files)."""
        if ctx is None:  # no world-space form
            return []
        if ctx.is_3d:
            return ctx.raster(self)
        return self._line.primitives(ctx) if self._show(ctx) else []

    @property
    def drawn(self) -> int:
        """How many points the last view uploaded (O(pixel columns))."""
        return self._count
