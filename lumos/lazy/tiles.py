"""Tile (2D) and brick (3D) pyramids of arrays too big for memory or one texture.

:class:`TilePyramid` serves square tiles (cubic bricks) of ``tile`` samples per side at
levels 0, 1, 2, ...: level 0 is the source itself (never copied), level k + 1 is the
2 x 2 (x 2) mean of level k, down to one tile. Levels 1 and up are built once in a
streaming pass, one tile at a time, and cached in the cache folder (zarr) under a
digest of the source's fingerprint; ``cache=False`` keeps them in memory.

The brick interface (what a viewer asks, whatever the dimension):
``levels``, ``level_shape(level)``, ``grid(level)`` (tiles per axis),
``read(level, index)`` (one tile/brick as a numpy array, edges partial),
``region(level, index)`` (the level-0 samples it covers) and ``value_range``.
:class:`lumos.lazy.image.TiledImage` draws 2D pyramids; a volume visual can load
bricks of a 3D one the same way.
"""

from __future__ import annotations

import hashlib
import itertools

import numpy as np

from .cache import Progress, atomic_folder, cache_dir
from .source import ArraySource, SourceError, as_source

FORMAT = 2  # 2: the data's value range kept with the levels


def half(a: np.ndarray) -> np.ndarray:
    """The mean of each 2 x 2 (x 2) block of a float array, NaN ignored (an odd edge
    keeps its last sample alone)."""
    a = np.asarray(a)
    if not np.isnan(a).any() and all(s % 2 == 0 for s in a.shape):  # the common case
        shape = sum(((s // 2, 2) for s in a.shape), ())
        return a.reshape(shape).mean(axis=tuple(range(1, 2 * a.ndim, 2)), dtype=np.float64)
    out = np.asarray(a, np.float64)
    for axis in range(out.ndim):
        n = out.shape[axis]
        if n % 2:
            out = np.concatenate([out, np.take(out, [n - 1], axis=axis)], axis=axis)
        shape = out.shape[:axis] + (out.shape[axis] // 2, 2) + out.shape[axis + 1:]
        with np.errstate(invalid="ignore"), _quiet():
            out = np.nanmean(out.reshape(shape), axis=axis + 1)
    return out


class _quiet:
    """Silence numpy's 'mean of empty slice' (an all-NaN block stays NaN)."""

    def __enter__(self):
        import warnings

        self._w = warnings.catch_warnings()
        self._w.__enter__()
        warnings.simplefilter("ignore", RuntimeWarning)

    def __exit__(self, *exc):
        self._w.__exit__(*exc)


class TilePyramid:
    """Tiles (2D) or bricks (3D) of ``data`` at every power-of-two resolution.

    >>> pyr = TilePyramid(h5["detector"], tile=512)      # levels 1+ cached on disk
    >>> pyr.levels, pyr.level_shape(3), pyr.read(3, (0, 1)).shape
    """

    def __init__(self, data, tile: int = 512, cache: bool | None = None,
                 progress: bool | None = None) -> None:
        self.source: ArraySource = as_source(data, "data")
        if self.source.ndim not in (2, 3):
            raise ValueError(f"data: got shape {self.source.shape} ({self.source.name}), "
                             "expected (rows, columns) or (depth, rows, columns)")
        if not isinstance(tile, (int, np.integer)) or tile < 16 or tile & (tile - 1):
            raise ValueError(f"tile: got {tile!r}, expected a power of two >= 16")
        self.tile = int(tile)
        shape = self.source.shape
        self._shapes = [shape]
        while max(self._shapes[-1]) > self.tile:
            self._shapes.append(tuple(-(-s // 2) for s in self._shapes[-1]))
        if cache is None:
            cache = self.source.path is not None
        self.cached = bool(cache)
        self.path = None
        self._levels: list = [self.source]  # level 0 reads the source
        self._seen = [np.inf, -np.inf]  # finite range of level 0, found while building
        self._build(progress)
        if self.levels == 1:  # one tile: the data itself
            self._note_range(self.read(0, (0,) * self.ndim))
        lo, hi = self._seen
        #: (min, max) of the finite values of the data (not of a coarse level's means)
        self.value_range = (float(lo), float(hi)) if lo <= hi else (0.0, 1.0)

    def _note_range(self, values: np.ndarray) -> None:
        finite = values[np.isfinite(values)]
        if finite.size:
            self._seen = [min(self._seen[0], float(finite.min())),
                          max(self._seen[1], float(finite.max()))]

    @property
    def ndim(self) -> int:
        return self.source.ndim

    @property
    def levels(self) -> int:
        return len(self._shapes)

    def level_shape(self, level: int) -> tuple[int, ...]:
        return self._shapes[level]

    def grid(self, level: int) -> tuple[int, ...]:
        """Tiles per axis at ``level``."""
        return tuple(-(-s // self.tile) for s in self._shapes[level])

    def region(self, level: int, index: tuple[int, ...]) -> tuple[tuple[float, float], ...]:
        """The level-0 sample range (start, stop) per axis a tile covers."""
        f = 1 << level
        shape = self._shapes[level]
        return tuple((i * self.tile * f, min((i + 1) * self.tile, s) * f)
                     for i, s in zip(index, shape, strict=True))

    def read(self, level: int, index: tuple[int, ...]) -> np.ndarray:
        """One tile (brick) of ``level`` as float32; partial at the far edges."""
        t = self.tile
        lo = [i * t for i in index]
        hi = [min((i + 1) * t, s) for i, s in zip(index, self._shapes[level], strict=True)]
        src = self._levels[level]
        if level == 0:
            rest = tuple(slice(a, b) for a, b in zip(lo[1:], hi[1:], strict=True))
            return np.asarray(src.read(lo[0], hi[0], *rest), np.float32)
        try:
            return np.asarray(src[tuple(slice(a, b) for a, b in zip(lo, hi, strict=True))],
                              np.float32)
        except Exception as exc:
            raise SourceError(f"the tile pyramid of {self.source.name} at {self.path}: "
                              f"could not read level {level} ({type(exc).__name__}: "
                              f"{exc})") from exc

    # -- building ------------------------------------------------------------------------
    def key(self) -> str:
        h = hashlib.sha1(f"lumos-tile-pyramid:{FORMAT}:{self.tile}".encode())
        h.update(self.source.fingerprint().encode())
        return h.hexdigest()

    def _build(self, progress) -> None:
        if self.levels == 1:
            return
        tiles = sum(int(np.prod(self.grid(k))) for k in range(1, self.levels))
        show = progress if progress is not None else self.source.nbytes > (1 << 28)
        if not self.cached:
            bar = Progress(tiles, f"lumos: tiles of {self.source.name}", show, unit="tile")
            try:
                for k in range(1, self.levels):
                    arr = np.empty(self._shapes[k], np.float32)
                    self._fill(k, arr, bar)
                    self._levels.append(arr)
            finally:
                bar.close()
            return
        try:
            import zarr
        except ImportError as exc:
            raise ImportError("lumos: caching a tile pyramid needs zarr: pip install "
                              "'lumos[bigdata]' (or pass cache=False)") from exc
        self.path = cache_dir() / "tiles" / f"{self.key()}.zarr"
        if (self.path / "zarr.json").exists():
            group = zarr.open_group(self.path, mode="r")
            if group.attrs.get("complete") and "range" in group.attrs:
                self._levels += [group[str(k)] for k in range(1, self.levels)]
                seen = group.attrs["range"]  # None: no finite value
                self._seen = list(seen) if seen else [np.inf, -np.inf]
                return
        bar = Progress(tiles, f"lumos: tiles of {self.source.name}", show, unit="tile")
        try:
            with atomic_folder(self.path) as tmp:
                group = zarr.open_group(tmp, mode="w")
                for k in range(1, self.levels):
                    arr = group.create_array(str(k), shape=self._shapes[k], dtype="f4",
                                             chunks=(self.tile,) * self.ndim,
                                             fill_value=np.nan)
                    self._levels.append(arr)
                    self._fill(k, arr, bar)
                group.attrs.update({"complete": True, "format": FORMAT,
                                    "source": self.source.name,
                                    "range": self._seen if self._seen[0] <= self._seen[1]
                                    else None})
        finally:
            bar.close()
        group = zarr.open_group(self.path, mode="r")
        self._levels[1:] = [group[str(k)] for k in range(1, self.levels)]

    def _fill(self, level: int, out, bar: Progress) -> None:
        """Level ``level`` tile by tile from the 2 x 2 (x 2) tiles below it."""
        for index in itertools.product(*(range(g) for g in self.grid(level))):
            below = [(2 * i, 2 * i + 1) for i in index]
            g = self.grid(level - 1)
            parts = {}
            for sub in itertools.product(*below):
                if all(s < n for s, n in zip(sub, g, strict=True)):
                    parts[sub] = self.read(level - 1, sub)
                    if level == 1:  # every sample of the data passes here once
                        self._note_range(parts[sub])
            block = _assemble(parts, index, self.tile, self.ndim)
            t = self.tile
            lo = [i * t for i in index]
            small = half(block).astype(np.float32)
            out[tuple(slice(a, a + s) for a, s in zip(lo, small.shape, strict=True))] = small
            bar.update(1)


def _assemble(parts: dict, index: tuple, tile: int, ndim: int) -> np.ndarray:
    """Put up to 2**ndim child tiles together (the far ones may be smaller or absent)."""
    sizes = [[0, 0] for _ in range(ndim)]
    for sub, a in parts.items():
        for ax in range(ndim):
            sizes[ax][sub[ax] - 2 * index[ax]] = a.shape[ax]
    shape = tuple(s[0] + s[1] for s in sizes)
    block = np.full(shape, np.nan, np.float32)
    for sub, a in parts.items():
        at = tuple(slice((sub[ax] - 2 * index[ax]) * tile,
                         (sub[ax] - 2 * index[ax]) * tile + a.shape[ax]) for ax in range(ndim))
        block[at] = a
    return block
