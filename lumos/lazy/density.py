"""Density of points that live on Dask (or on disk): aggregated per view, then colored.

:class:`AggregateDensity` asks :func:`lumos.lazy.aggregate` for one grid cell per
physical pixel of the view and draws the grid through a colormap with the norms of
:class:`lumos.visuals.Density` (linear, log, eq_hist with 1024 logarithmic bins: the
same formulas, applied to the small grid here instead of a GPU target; the GPU maps
the result through the colormap). After a pan or zoom the grid is aggregated again:
synchronously when nothing could redraw later (saving a file gets the exact picture),
else on a background thread after ``debounce`` seconds of quiet, the last grid being
drawn stretched meanwhile and a redraw requested when the new one arrives.
"""

from __future__ import annotations

import numpy as np

from ..gpu.frame import Draw
from ..visuals.base import DrawContext, Visual, check_number, check_numbers
from ..visuals.density import HIST_BINS, check_norm
from ..visuals.image import Image
from .aggregate import Aggregate, aggregate
from .worker import Loader


def shade(grid: np.ndarray, norm: str = "eq_hist", clim=None) -> np.ndarray:
    """Grid values to 0..1 (NaN where empty) with the norms of the GPU density visual:
    counts of 0 and NaN means are empty; ``clim`` fixes (lo, hi) of linear and log."""
    g = np.asarray(grid, np.float64)
    counts = not np.isnan(g).any() and (g >= 0).all()
    filled = (g > 0) if counts else np.isfinite(g)
    out = np.full(g.shape, np.nan)
    if not filled.any():
        return out
    v = g[filled]
    lo, hi = (float(v.min()), float(v.max())) if clim is None or norm == "eq_hist" else clim
    with np.errstate(all="ignore"):
        if norm == "eq_hist":
            if counts:  # logarithmic bins of the counts, as the GPU's _BIN
                u = np.log(v / lo) / np.log(hi / lo) if hi > lo else np.ones_like(v)
            else:
                u = (v - lo) / (hi - lo) if hi > lo else np.ones_like(v)
            b = np.clip(np.floor(u * (HIST_BINS - 1) + 0.5), 0, HIST_BINS - 1).astype(int)
            hist = np.bincount(b, minlength=HIST_BINS).astype(np.float64)
            below = np.cumsum(hist)
            total = below[-1]
            first = hist[hist > 0][0]
            t = (below[b] - first) / (total - first) if total > first else np.ones_like(v)
        elif norm == "log":
            l0 = np.log1p(max(lo, 0.0))
            span = np.log1p(max(hi, 0.0)) - l0
            t = (np.log1p(v) - l0) / span if span > 0 else np.ones_like(v)
        else:
            t = (v - lo) / (hi - lo) if hi > lo else np.ones_like(v)
    out[filled] = np.clip(t, 0.0, 1.0)
    return out


class AggregateDensity(Visual):
    """Points (Dask arrays or DataFrame columns, or data on disk) shown as their count
    (or the mean of ``values``) per pixel through ``cmap``.

    >>> AggregateDensity(ddf.x, ddf.y, cmap="fire", norm="eq_hist", host=canvas)

    ``host``: an object with ``shown`` (whether a window draws the canvas) and
    ``request_draw()`` (thread-safe), usually the ``lumos.scene.Canvas``; without one,
    every view is aggregated before it is drawn. ``debounce``: seconds of quiet after
    a pan or zoom before aggregating again (interactive use only).
    """

    def __init__(self, x, y, values=None, agg: str | None = None, cmap="viridis",
                 norm: str = "eq_hist", clim=None, host=None,
                 debounce: float = 0.15, engine: str = "auto") -> None:
        super().__init__()
        self._x, self._y, self._values = x, y, values
        self._agg = agg
        self._engine = engine
        self.norm = norm
        self.clim = clim
        self.host = host
        self._image = Image(np.full((1, 1), np.nan), cmap=cmap, clim=(0.0, 1.0))
        self._image.parent = self
        self._result: tuple | None = None  # (key, Aggregate) shown now
        self._arrived: tuple | None = None  # from the background thread, not yet shown
        self._error: Exception | None = None
        self._shaded_for = None
        self._range = None
        self._loader = Loader(self._aggregate, self._done, delay=check_number(
            debounce, "debounce", 0.0), name="lumos-aggregate")

    # -- style ---------------------------------------------------------------------------
    @property
    def cmap(self):
        return self._image.cmap

    @cmap.setter
    def cmap(self, value) -> None:
        self._image.cmap = value

    @property
    def norm(self) -> str:
        return self._norm

    @norm.setter
    def norm(self, value: str) -> None:
        self._norm = check_norm(value)
        self._shaded_for = None

    @property
    def clim(self):
        return self._clim

    @clim.setter
    def clim(self, value) -> None:
        self._clim = None if value is None else check_numbers(value, "clim", 2, "(lo, hi)")
        self._shaded_for = None

    # -- data ----------------------------------------------------------------------------
    @property
    def result(self) -> Aggregate | None:
        """The grid drawn last (None before the first draw)."""
        return None if self._result is None else self._result[1]

    def data_range(self):
        """((xmin, xmax), (ymin, ymax)) of the finite points (one pass, then kept)."""
        if self._range is None:
            from .aggregate import data_range

            self._range = data_range(self._x, self._y)
        return self._range

    def bounds(self) -> np.ndarray | None:
        (a, b), (c, d) = self.data_range()
        if not np.isfinite([a, b, c, d]).all():
            return None
        return np.array([[a, c, 0.0], [b, d, 0.0]])

    def _aggregate(self, key) -> Aggregate:
        (x0, x1, y0, y1), (w, h) = key
        return aggregate(self._x, self._y, self._values, agg=self._agg, bins=(w, h),
                         range=((x0, x1), (y0, y1)), engine=self._engine)

    def _done(self, key, value, error) -> None:
        """In the loader's thread: keep the grid (drawn by the next frame), ask for it."""
        if error is not None:
            self._error = error
        else:
            self._arrived = (key, value)
        if self.host is not None:
            self.host.request_draw()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the aggregation of the last view has arrived."""
        return self._loader.wait(timeout)

    def _view_key(self, ctx: DrawContext):
        if ctx.camera["type"] != "panzoom":
            (a, b), (c, d) = self.data_range()
            return (a, b, c, d), (512, 512)
        x0, y0, w, h = ctx.camera["rect"]
        cols = max(round(ctx.size[0] * ctx.pixel_ratio), 1)
        rows = max(round(ctx.size[1] * ctx.pixel_ratio), 1)
        return (min(x0, x0 + w), max(x0, x0 + w), min(y0, y0 + h), max(y0, y0 + h)), \
            (cols, rows)

    def draws(self, ctx: DrawContext) -> list[Draw]:
        if self._error is not None:
            error, self._error = self._error, None
            raise error  # once: the next frame tries again
        if self._arrived is not None:
            self._result, self._arrived = self._arrived, None
        key = self._view_key(ctx)
        shown = self._result is not None and self._result[0] == key
        if not shown:
            interactive = self.host is not None and getattr(self.host, "shown", False)
            if interactive and self._result is not None:
                self._loader.want([key])  # the stretched last grid meanwhile
            else:
                self._result = (key, self._aggregate(key))
        key_shown, result = self._result
        if self._shaded_for != key_shown:
            img = self._image
            img.set_data(shade(result.grid, self._norm, self._clim))
            img.extent = (result.extent[0], result.extent[1], result.extent[2],
                          result.extent[3])
            self._shaded_for = key_shown
        return self._image.draws(ctx)

    def close(self) -> None:
        """Stop the background aggregation thread."""
        self._loader.close()
