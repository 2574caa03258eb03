"""Streams fed from data beyond memory: only the rows a stream keeps are read.

:class:`Feed` follows an h5py dataset, a zarr array, a Dask array or a numpy memmap of
shape (rows, channels) (or (rows,) for one channel) on behalf of a stream that keeps
the newest ``keep`` rows. The first :meth:`Feed.take` reads the newest ``keep`` rows
(what the stream shows) and skips the older ones; each later one reads the rows
appended since (an acquisition writing the file: SWMR HDF5, a resized zarr array, a
raw file a memmap ends), again at most the newest ``keep``, in blocks of bounded
memory. A source that shrank, vanished or cannot be read raises
:class:`~lumos.lazy.source.SourceError`; the rows taken so far stay taken, so the
next take starts where the failed one stopped.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from .source import ArraySource, SourceError, as_source


class Feed:
    """The rows of ``data`` a stream of ``channels`` that keeps ``keep`` rows needs.

    >>> feed = Feed(h5["adc"], keep=s.visual.kept, channels=32)
    >>> skipped, blocks = feed.take()     # then: stream.skip(skipped); push each block
    """

    def __init__(self, data, keep: int, channels: int, argument: str = "source") -> None:
        self.source: ArraySource = as_source(data, argument)
        shape = self.source.shape
        if not (len(shape) == 2 and shape[1] == channels
                or len(shape) == 1 and channels == 1):
            expected = f"(rows, {channels})" + (" or (rows,)" if channels == 1 else "")
            raise ValueError(f"{argument}: got shape {shape} ({self.source.name}), "
                             f"expected {expected} for a stream of {channels} channels")
        self.keep = int(keep)
        self.channels = int(channels)
        #: rows of the source consumed (read or skipped) so far
        self.position = 0
        #: rows actually read so far (never more than ``keep`` per take)
        self.rows_read = 0

    def take(self) -> tuple[int, Iterator[np.ndarray]]:
        """``(skipped, blocks)``: how many rows since the last take are too old to be
        kept (not read), and an iterator over the newer ones as (k, channels) blocks,
        read as it is consumed."""
        n = self.source.refresh()
        if n < self.position:
            raise SourceError(f"{self.source.name}: has {n} rows, fewer than the "
                              f"{self.position} already taken (was it truncated?)")
        start = max(self.position, n - self.keep)
        skipped = start - self.position
        self.position = start
        return skipped, self._blocks(start, n)

    def _blocks(self, start: int, stop: int) -> Iterator[np.ndarray]:
        for first, block in self.source.blocks(start, stop):
            self.rows_read += len(block)
            self.position = first + len(block)
            yield block.reshape(len(block), self.channels)
