"""Volumes beyond memory: a brick pyramid served level by level to the Volume visual.

``Volume(VolumeSource(h5["scan"], host=canvas))`` draws the coarsest level of the
volume's brick pyramid (:class:`lumos.lazy.tiles.TilePyramid`, built once and cached)
at once; finer levels are assembled from their bricks on a background thread, coarse
to fine, and each one replaces the last when it arrives (``host.request_draw()``), up
to the finest level that fits ``max_bytes`` of texels; a view zoomed in further gets
the part of a finer level it shows (``region_data``, whole bricks), loaded likewise.
Without a host that shows the canvas (saving a file), the levels are read before the
draw. This is the level source protocol of :mod:`lumos.visuals.volume`.
"""

from __future__ import annotations

import itertools
import threading

import numpy as np

from .tiles import TilePyramid
from .worker import Loader

#: texels a volume may take on the GPU by default (256 MB: 128M voxels as half floats)
MAX_BYTES = 1 << 28


class VolumeSource:
    """The levels of a 3D brick pyramid, for :class:`lumos.visuals.Volume`.

    ``data``: a :class:`TilePyramid` of a 3D array, or the array (h5py, zarr, Dask,
    memmap or numpy; its pyramid is built with bricks of ``tile`` voxels). ``host``: an
    object with ``shown`` and a thread-safe ``request_draw()`` (the canvas), without
    which levels are read when the volume is drawn. ``max_bytes``: the texels of the
    finest level drawn.
    """

    def __init__(self, data, host=None, max_bytes: int = MAX_BYTES, tile: int = 64) -> None:
        self.pyramid = data if isinstance(data, TilePyramid) else TilePyramid(data, tile=tile)
        if self.pyramid.ndim != 3:
            raise ValueError(f"data: got shape {self.pyramid.source.shape}, expected a 3D "
                             "array (z, y, x)")
        if isinstance(max_bytes, bool) or not isinstance(max_bytes, (int, np.integer)) \
                or max_bytes < 1:
            raise ValueError(f"max_bytes: got {max_bytes!r}, expected a positive integer")
        self.max_bytes = int(max_bytes)
        self.host = host
        self._lock = threading.Lock()
        self._ready: dict[int, np.ndarray] = {}  # levels loaded and not yet handed over
        self._error: Exception | None = None
        self._loader = Loader(self.read_level, self._arrived, name="lumos-volume")
        # the part of a finer level a view shows: only the newest one is wanted
        self._region: tuple | None = None  # (region, array) arrived, not handed over
        self._regions = Loader(lambda r: self.read_region(*r), self._region_arrived,
                               name="lumos-volume-region")

    # -- the protocol ----------------------------------------------------------------
    @property
    def levels(self) -> int:
        """How many levels the pyramid has: 0 is the data, each next one half as fine."""
        return self.pyramid.levels

    def level_shape(self, level: int) -> tuple[int, ...]:
        """The (depth, rows, columns) of level ``level``."""
        return self.pyramid.level_shape(level)

    @property
    def value_range(self) -> tuple[float, float]:
        """(min, max) of the data's finite values (not of a coarse level's means)."""
        return self.pyramid.value_range

    @property
    def interactive(self) -> bool:
        """Whether a window draws the volume (levels then load in the background)."""
        return self.host is not None and bool(getattr(self.host, "shown", False))

    def level_data(self, level: int, wait: bool = False) -> np.ndarray | None:
        """Level ``level`` as one float32 array: read now (``wait``), or the one loaded
        in the background, handed over once (None while it has not arrived). A failed
        background read is raised here."""
        with self._lock:
            if self._error is not None:
                error, self._error = self._error, None
                raise error
            arr = self._ready.pop(level, None)
            if arr is not None:  # coarser levels are not wanted any more
                for k in [k for k in self._ready if k > level]:
                    del self._ready[k]
        if arr is None and wait:
            arr = self.read_level(level)
        return arr

    @property
    def brick(self) -> int:
        """The side of the bricks (regions are read in whole bricks)."""
        return self.pyramid.tile

    def region_data(self, region: tuple, wait: bool = False) -> np.ndarray | None:
        """``region = (level, lo, hi)`` (z, y, x voxels of that level) as one float32
        array: read now (``wait``), or the one loaded in the background when it is
        that region (None while it has not arrived)."""
        with self._lock:
            if self._error is not None:
                error, self._error = self._error, None
                raise error
            arrived, self._region = self._region, None
        if arrived is not None and arrived[0] == region:
            return arrived[1]
        return self.read_region(*region) if wait else None

    def request_region(self, region: tuple) -> None:
        """Load ``region`` on the background thread (replacing the one asked before)."""
        with self._lock:
            arrived = self._region is not None and self._region[0] == region
            self._regions.want([] if arrived else [region])

    def request(self, levels: list[int]) -> None:
        """Load ``levels`` in this order on the background thread (replacing what was
        asked before)."""
        with self._lock:  # held while asking: an arrival now cannot slip between
            self._loader.want([k for k in levels if k not in self._ready])

    # -- loading ---------------------------------------------------------------------
    def read_level(self, level: int) -> np.ndarray:
        """Assemble level ``level`` from its bricks (float32, NaN where the data is)."""
        return self.read_region(level, (0, 0, 0), self.pyramid.level_shape(level))

    def read_region(self, level: int, lo, hi) -> np.ndarray:
        """Voxels ``lo`` to ``hi`` (z, y, x) of level ``level``, from the bricks they
        touch (float32, NaN where the data is)."""
        pyr = self.pyramid
        t = pyr.tile
        lo = [int(a) for a in lo]
        hi = [min(int(b), n) for b, n in zip(hi, pyr.level_shape(level), strict=True)]
        out = np.empty([b - a for a, b in zip(lo, hi, strict=True)], np.float32)
        ranges = [range(a // t, -(-b // t)) for a, b in zip(lo, hi, strict=True)]
        for index in itertools.product(*ranges):
            brick = pyr.read(level, index)
            # the part of the brick inside the region, and where it goes
            src, dst = [], []
            for i, n, a, b in zip(index, brick.shape, lo, hi, strict=True):
                s0, s1 = max(a - i * t, 0), min(b - i * t, n)
                src.append(slice(s0, s1))
                dst.append(slice(i * t + s0 - a, i * t + s1 - a))
            out[tuple(dst)] = brick[tuple(src)]
        return out

    def _arrived(self, level, value, error) -> None:
        with self._lock:
            if error is not None:
                self._error = error
            else:
                self._ready[level] = value
        if self.host is not None:
            self.host.request_draw()

    def _region_arrived(self, region, value, error) -> None:
        with self._lock:
            if error is not None:
                self._error = error
            else:
                self._region = (region, value)
        if self.host is not None:
            self.host.request_draw()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the levels and regions asked for have loaded (tests, a finished
        picture)."""
        return self._loader.wait(timeout) and self._regions.wait(timeout)

    def close(self) -> None:
        """Stop the background loaders."""
        self._loader.close()
        self._regions.close()
