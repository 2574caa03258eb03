"""Images beyond memory and the texture limit: tiles of a pyramid, loaded by view.

:class:`TiledImage` draws a 2D :class:`~lumos.lazy.tiles.TilePyramid`. Each view needs
the tiles of one level (about one sample per physical pixel) that it shows; tiles
already loaded are drawn, coarsest first so finer ones cover them, and the coarsest
level (one tile) is always there, so a pan or zoom never shows a hole, only a blurrier
picture until the fine tiles arrive. Missing tiles load on a background thread (most
central first); when one arrives, ``host.request_draw()`` asks for a frame. Without a
host that shows the canvas (saving a file), the tiles a view needs are read before it
is drawn, so files get the finished picture. Loaded tiles are kept in an LRU of
``max_tiles`` textures. A mapping the GPU cannot apply (a log norm, alpha) is given as
``colorize``: each tile is colored on the CPU when it is added.
"""

from __future__ import annotations

import math
from collections import OrderedDict

import numpy as np

from ..gpu.frame import Draw
from ..visuals.base import DrawContext, Visual, check_numbers, transformed_bounds
from ..visuals.image import Image
from .tiles import TilePyramid
from .worker import Loader


class TiledImage(Visual):
    """A 2D tile pyramid drawn through ``cmap`` between ``clim`` over ``extent``
    ``(x0, x1, y0, y1)`` (row 0 at y0, as :class:`lumos.visuals.Image`).

    >>> TiledImage(TilePyramid(h5["frame"]), cmap="gray", host=canvas)
    """

    def __init__(self, pyramid: TilePyramid, cmap="viridis", clim=None, extent=None,
                 host=None, max_tiles: int = 256, colorize=None) -> None:
        super().__init__()
        if not isinstance(pyramid, TilePyramid) or pyramid.ndim != 2:
            raise TypeError("pyramid: expected a 2D TilePyramid")
        self.pyramid = pyramid
        self.host = host
        self.max_tiles = int(max_tiles)
        h, w = pyramid.level_shape(0)
        self._extent = (0.0, float(w), 0.0, float(h))
        if extent is not None:
            self.extent = extent
        self._cmap = cmap
        self._clim = pyramid.value_range if clim is None else check_numbers(
            clim, "clim", 2, "(vmin, vmax)")
        self._tiles: OrderedDict[tuple, Image] = OrderedDict()
        self._colorize = colorize
        self._arrived: dict[tuple, np.ndarray] = {}
        self._error: Exception | None = None
        self._loader = Loader(self._load, self._done, name="lumos-tiles")
        self.last_level = None  # the level the last view asked for

    # -- properties ----------------------------------------------------------------------
    @property
    def extent(self) -> tuple[float, float, float, float]:
        return self._extent

    @extent.setter
    def extent(self, value) -> None:
        self._extent = check_numbers(value, "extent", 4, "(x0, x1, y0, y1)")
        for key, img in self._tiles.items():
            img.extent = self._tile_extent(key)

    @property
    def clim(self) -> tuple[float, float]:
        return self._clim

    @clim.setter
    def clim(self, value) -> None:
        self._clim = self.pyramid.value_range if value is None else check_numbers(
            value, "clim", 2, "(vmin, vmax)")
        for img in self._tiles.values():
            img.clim = self._clim

    @property
    def cmap(self):
        return self._cmap

    @cmap.setter
    def cmap(self, value) -> None:
        self._cmap = value
        for img in self._tiles.values():
            img.cmap = value

    @property
    def colorize(self):
        """None (tiles are values, colored on the GPU through cmap and clim) or a function
        of a tile's values returning its (h, w, 4) colors in 0..1."""
        return self._colorize

    @colorize.setter
    def colorize(self, value) -> None:
        if value is not None or self._colorize is not None:
            self._tiles.clear()  # colored by the old mapping: read again with the new one
        self._colorize = value

    def bounds(self) -> np.ndarray | None:
        x0, x1, y0, y1 = self._extent
        b = np.array([[min(x0, x1), min(y0, y1), 0.0], [max(x0, x1), max(y0, y1), 0.0]])
        return transformed_bounds(b, self.model_matrix())

    # -- tiles ---------------------------------------------------------------------------
    def _tile_extent(self, key) -> tuple[float, float, float, float]:
        level, (i, j) = key
        (r0, r1), (c0, c1) = self.pyramid.region(level, (i, j))
        h, w = self.pyramid.level_shape(0)
        x0, x1, y0, y1 = self._extent
        return (x0 + (x1 - x0) * c0 / w, x0 + (x1 - x0) * c1 / w,
                y0 + (y1 - y0) * r0 / h, y0 + (y1 - y0) * r1 / h)

    def _load(self, key) -> np.ndarray:
        level, index = key
        return self.pyramid.read(level, index)

    def _done(self, key, value, error) -> None:
        if error is not None:
            self._error = error
        else:
            self._arrived[key] = value
        if self.host is not None:
            self.host.request_draw()

    def _add_tile(self, key, data: np.ndarray) -> None:
        if self._colorize is not None:
            data = self._colorize(data)
        img = Image(data, cmap=self._cmap, clim=self._clim, extent=self._tile_extent(key))
        img.parent = self
        self._tiles[key] = img

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the tiles asked for have arrived (drawn by the next frame)."""
        return self._loader.wait(timeout)

    def needed(self, ctx: DrawContext) -> tuple[int, list[tuple]]:
        """The level a view needs and its visible tiles, most central first."""
        pyr = self.pyramid
        h, w = pyr.level_shape(0)
        x0, x1, y0, y1 = self._extent
        if ctx.camera["type"] != "panzoom":
            level = pyr.levels - 1
            return level, [(level, ij) for ij in np.ndindex(*pyr.grid(level))]
        vx, vy, vw, vh = ctx.camera["rect"]
        # the view in sample coordinates (columns c, rows r) of level 0
        cs = sorted(((vx - x0) / (x1 - x0) * w, (vx + vw - x0) / (x1 - x0) * w))
        rs = sorted(((vy - y0) / (y1 - y0) * h, (vy + vh - y0) / (y1 - y0) * h))
        per_pixel = max((cs[1] - cs[0]) / max(ctx.size[0] * ctx.pixel_ratio, 1),
                        (rs[1] - rs[0]) / max(ctx.size[1] * ctx.pixel_ratio, 1))
        level = int(np.clip(math.floor(math.log2(max(per_pixel, 1.0))), 0, pyr.levels - 1))
        span = pyr.tile << level
        gi, gj = pyr.grid(level)
        i0, i1 = max(int(rs[0] // span), 0), min(int(rs[1] // span), gi - 1)
        j0, j1 = max(int(cs[0] // span), 0), min(int(cs[1] // span), gj - 1)
        keys = [(level, (i, j)) for i in range(i0, i1 + 1) for j in range(j0, j1 + 1)]
        ci, cj = (rs[0] + rs[1]) / 2 / span, (cs[0] + cs[1]) / 2 / span
        keys.sort(key=lambda k: (k[1][0] + 0.5 - ci) ** 2 + (k[1][1] + 0.5 - cj) ** 2)
        return level, keys

    def draws(self, ctx: DrawContext) -> list[Draw]:
        if self._error is not None:
            error, self._error = self._error, None
            raise error  # once: the next frame asks again
        for key in list(self._arrived):
            self._add_tile(key, self._arrived.pop(key))
        top = (self.pyramid.levels - 1, (0, 0))
        if top not in self._tiles:  # the coarsest picture is always there
            self._add_tile(top, self.pyramid.read(*top))
        level, keys = self.needed(ctx)
        self.last_level = level
        missing = [k for k in keys if k not in self._tiles]
        interactive = self.host is not None and getattr(self.host, "shown", False)
        if missing and not interactive:
            for k in missing:
                self._add_tile(k, self.pyramid.read(*k))
            missing = []
        self._loader.want(missing)
        for k in keys:
            if k in self._tiles:
                self._tiles.move_to_end(k)
        self._tiles.move_to_end(top)
        while len(self._tiles) > max(self.max_tiles, len(keys) + 1):
            self._tiles.popitem(last=False)  # the least recently used
        # coarse levels first: finer tiles cover them where they have arrived
        wanted = set(keys)
        shown = [k for k in self._tiles if k[0] > level or k in wanted]
        shown.sort(key=lambda k: -k[0])
        out = []
        for k in shown:
            out.extend(self._tiles[k].draws(ctx))
        return out

    @property
    def loaded(self) -> int:
        """Tiles held as textures now."""
        return len(self._tiles)

    def close(self) -> None:
        """Stop the background loader."""
        self._loader.close()
