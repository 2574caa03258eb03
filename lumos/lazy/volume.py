"""Volumes beyond memory: a brick pyramid served level by level to the Volume visual.

``Volume(VolumeSource(h5["scan"], host=canvas))`` draws the coarsest level of the
volume's brick pyramid (:class:`lumos.lazy.tiles.TilePyramid`, built once and cached)
at once; finer levels are assembled from their bricks on a background thread, coarse
to fine, and each one replaces the last when it arrives (``host.request_draw()``), up
to the finest level that fits ``max_bytes`` of texels. Without a host that shows the
canvas (saving a file), the finest level is read before the draw. This is the level
source protocol of :mod:`lumos.visuals.volume`.
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

    def request(self, levels: list[int]) -> None:
        """Load ``levels`` in this order on the background thread (replacing what was
        asked before)."""
        with self._lock:
            levels = [k for k in levels if k not in self._ready]
        self._loader.want(levels)

    # -- loading ---------------------------------------------------------------------
    def read_level(self, level: int) -> np.ndarray:
        """Assemble level ``level`` from its bricks (float32, NaN where the data is)."""
        pyr = self.pyramid
        out = np.empty(pyr.level_shape(level), np.float32)
        t = pyr.tile
        for index in itertools.product(*(range(g) for g in pyr.grid(level))):
            brick = pyr.read(level, index)
            out[tuple(slice(i * t, i * t + n) for i, n in zip(index, brick.shape,
                                                                strict=True))] = brick
        return out

    def _arrived(self, level, value, error) -> None:
        with self._lock:
            if error is not None:
                self._error = error
            else:
                self._ready[level] = value
        if self.host is not None:
            self.host.request_draw()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the levels asked for have loaded (tests, a finished picture)."""
        return self._loader.wait(timeout)

    def close(self) -> None:
        """Stop the background loader."""
        self._loader.close()
