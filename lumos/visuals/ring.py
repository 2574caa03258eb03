"""Rings for live data: rows pushed by any thread, uploaded by the drawing side.

``PushRing`` is the CPU side (thread-safe; a producer never waits for a frame);
``TextureRing`` the GPU side (a texture written as a ring, whole rows at a time).
Streams and waterfalls share both.
"""

from __future__ import annotations

import threading

import numpy as np

from ..gpu.resources import Texture

GAP = np.float32(-3.0e38)  # a missing sample (NaN) as the shaders see it
MAX_TEXTURE = 8192  # texture width and height used at most (WebGL2 devices have >= 4096)


class PushRing:
    """The newest ``slots`` rows of ``width`` values pushed so far.

    ``push`` holds the lock only to copy rows in; ``take`` hands the drawing side the
    rows pushed since its last take that the ring still holds (older ones were
    overwritten: nothing still inside the ring is ever lost).
    """

    def __init__(self, slots: int, width: int) -> None:
        self.slots = slots
        self.lock = threading.Lock()
        self.rows = np.full((slots, width), np.nan, np.float32)
        self.head = 0  # rows pushed so far: the absolute index of the next one
        self.taken = 0  # rows handed to the drawing side

    def push(self, arr: np.ndarray, under_lock=None) -> None:
        """Append validated (k, width) rows; ``under_lock()`` runs with the lock held
        (for statistics that must change with the rows)."""
        total = len(arr)
        arr = arr[-self.slots :]  # older rows would be overwritten at once
        k = len(arr)
        if k == 0:
            return
        with self.lock:
            if under_lock is not None:
                under_lock()
            s0 = (self.head + total - k) % self.slots
            first = min(k, self.slots - s0)
            self.rows[s0 : s0 + first] = arr[:first]
            self.rows[: k - first] = arr[first:]
            self.head += total

    def take(self, align: int = 1) -> tuple[int, int, np.ndarray] | None:
        """``(first, start, rows)``: rows ``start .. head`` (absolute indices), where
        ``first`` is the oldest row not taken before and ``start`` is ``first``
        rounded down to a multiple of ``align`` (never older than the ring holds)."""
        with self.lock:
            head = self.head
            first = max(self.taken, head - self.slots)
            if first >= head:
                return None
            start = max(first // align * align, head - self.slots)
            rows = self.rows[np.arange(start, head) % self.slots]
        self.taken = head
        return first, start, rows


def per_row(slots: int, width: int) -> int:
    """Slots per texture row: the smallest power of two that keeps the texture within
    MAX_TEXTURE rows (and divides ``slots``), so a push rewrites few whole rows."""
    m = 1
    while slots // m > MAX_TEXTURE and slots % (2 * m) == 0:
        m *= 2
    if slots // m > MAX_TEXTURE or m * width > MAX_TEXTURE:
        raise ValueError(f"capacity: {slots} samples of {width} channels do not fit a "
                         f"{MAX_TEXTURE}x{MAX_TEXTURE} texture; lower capacity or channels")
    return m


class TextureRing:
    """One texture holding a ring of ``slots`` entries of ``channels`` values
    (``components`` floats each), ``m`` slots per texture row (``per_row`` by default)."""

    def __init__(self, slots: int, channels: int, components: int = 1,
                 m: int | None = None) -> None:
        self.slots, self.channels = slots, channels
        self.m = per_row(slots, channels) if m is None else m
        shape = (slots // self.m, self.m * channels) + ((components,) if components > 1 else ())
        self.texture = Texture(np.full(shape, GAP, np.float32), filter="nearest")

    def slot_view(self) -> np.ndarray:
        """The texture's CPU data as (slots, channels[, components])."""
        d = self.texture.data
        extra = (d.shape[-1],) if d.shape[-1] > 1 else ()
        return d.reshape((self.slots, self.channels) + extra)

    def write(self, first: int, values: np.ndarray) -> None:
        """Entries ``first, first + 1, ...`` (absolute indices, len(values) <= slots),
        as updates of the whole texture rows they touch (one or two ranges)."""
        n = len(values)
        s0 = first % self.slots
        head = min(n, self.slots - s0)
        view = self.slot_view()
        view[s0 : s0 + head] = values[:head]
        view[: n - head] = values[head:]
        for a, b in ((s0, s0 + head), (0, n - head)):
            if b > a:
                r0, r1 = a // self.m, -(-b // self.m)
                self.texture.update(r0, self.texture.data[r0:r1])
