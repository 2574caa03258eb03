"""Rings for live data: rows pushed by any thread, uploaded by the drawing side.

``PushRing`` is the CPU side (thread-safe; a producer never waits for a frame);
``TextureRing`` the GPU side (a texture written as a ring, whole rows at a time).
Streams and waterfalls share both.
"""

from __future__ import annotations

import threading
import warnings

import numpy as np

from ..gpu.resources import Texture

# Every entry of a texture ring is an interval (lo, hi): a sample v is (v, v), a block
# of samples its (min, max). A missing entry (NaN, or a block without a finite sample)
# is the empty interval (1, 0): no data can make lo > hi, so no finite sample collides
# with it, and shaders need no special value (NaN and inf do not survive every GPU's
# texture path and compiler).
GAP = np.array([1.0, 0.0], np.float32)
MAX_TEXTURE = 8192  # texture width and height used at most (WebGL2 devices have >= 4096)
_FLOAT32_MAX = float(np.finfo(np.float32).max)


def as_float32(values: np.ndarray, argument: str) -> np.ndarray:
    """Pushed numbers as float32: finite values beyond float32's range are clipped to
    it, with a warning, rather than lost; NaN and inf stay (they are gaps)."""
    if values.dtype.kind == "f" and values.dtype.itemsize > 4:
        with np.errstate(invalid="ignore"):
            big = np.isfinite(values) & (np.abs(values) > _FLOAT32_MAX)
        if big.any():
            warnings.warn(f"{argument}: {int(big.sum())} values beyond the float32 range "
                          f"(+-{_FLOAT32_MAX:.4g}) were clipped to it", stacklevel=3)
            values = np.where(big, np.copysign(_FLOAT32_MAX, values), values)
    return values.astype(np.float32, copy=False)


def intervals(samples: np.ndarray) -> np.ndarray:
    """float32 samples (NaN or inf where missing) as (..., 2) entries (v, v) or GAP."""
    out = np.empty(samples.shape + (2,), np.float32)
    ok = np.isfinite(samples)
    out[..., 0] = np.where(ok, samples, GAP[0])
    out[..., 1] = np.where(ok, samples, GAP[1])
    return out


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

    def skip(self, n: int) -> None:
        """Advance the head by ``n`` missing rows (NaN: gaps), without data: rows a
        producer did not read because newer ones would overwrite them."""
        if n <= 0:
            return
        with self.lock:
            k = min(n, self.slots)
            self.rows[np.arange(self.head + n - k, self.head + n) % self.slots] = np.nan
            self.head += n

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
    """One texture holding a ring of ``slots`` entries of ``channels`` intervals (see
    GAP), ``m`` slots per texture row (``per_row`` by default); empty at first."""

    def __init__(self, slots: int, channels: int, m: int | None = None) -> None:
        self.slots, self.channels = slots, channels
        self.m = per_row(slots, channels) if m is None else m
        shape = (slots // self.m, self.m * channels, 2)
        self.texture = Texture(np.broadcast_to(GAP, shape), filter="nearest")

    def slot_view(self) -> np.ndarray:
        """The texture's CPU data as (slots, channels, 2)."""
        return self.texture.data.reshape((self.slots, self.channels, 2))

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
