"""GPU resources as plain data: buffers, textures and programs with versions.

A resource owns a CPU copy of its data, never the caller's array. Changing it bumps
``version`` and logs the range that changed, so an executor that holds an older
version uploads only that range (or everything, when the log no longer reaches back
to its version).
"""

from __future__ import annotations

import itertools

import numpy as np

_ids = itertools.count(1)
_LOG_LENGTH = 64  # ranges kept per resource; older executors re-upload everything

_DTYPES = {np.dtype("float32"): "f4", np.dtype("uint32"): "u4", np.dtype("uint8"): "u1",
           np.dtype("float16"): "f2"}


def _new_id(prefix: str) -> str:
    return f"{prefix}{next(_ids)}"


def _dtype_code(arr: np.ndarray, argument: str) -> str:
    try:
        return _DTYPES[arr.dtype]
    except KeyError:
        raise TypeError(
            f"{argument}: got dtype {arr.dtype}, expected float32, uint32 or uint8 (float16 "
            "for textures)"
        ) from None


_PROBE = 1 << 6  # rows compared first by changed_rows (all-new data differs there)
_SCAN = 1 << 15  # rows compared next
_SCAN_MAX = 1 << 18  # rows compared at a time once no difference was found


def _chunks(n: int):
    """(start, stop) pieces of ``range(n)``: ``_PROBE`` rows, then pieces growing from
    ``_SCAN`` to ``_SCAN_MAX`` rows: a difference at the front (new data: the first row)
    is found after a few rows, and a long unchanged array is compared in few numpy
    calls."""
    yield 0, min(_PROBE, n)
    i, step = _PROBE, _SCAN
    while i < n:
        yield i, min(i + step, n)
        i += step
        step = min(2 * step, _SCAN_MAX)


def _edge_row(a: np.ndarray, b: np.ndarray, last: bool) -> int | None:
    """The first (``last``: the last) row where ``a`` and ``b`` differ, NaN equal to
    NaN, or None. NaN is masked only when the row ``!=`` found holds one (new data
    differs at once: no NaN pass over it)."""

    def edge(d: np.ndarray) -> int | None:
        d = d.reshape(len(d), -1).any(axis=1) if d.ndim > 1 else d
        if not d.any():
            return None
        return len(d) - 1 - int(d[::-1].argmax()) if last else int(d.argmax())

    k = edge(a != b)
    if k is not None and a.dtype.kind == "f" and np.isnan(a[k]).any():
        k = edge((a != b) & ~(np.isnan(a) & np.isnan(b)))
    return k


def _libc_memcmp():
    """libc's ``memcmp`` through ctypes (already imported by the GL bindings), or None
    where the process has no C library to look it up in."""
    import ctypes

    try:
        f = ctypes.CDLL(None).memcmp
    except (AttributeError, OSError, TypeError):
        return None
    f.restype = ctypes.c_int
    f.argtypes = (ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t)
    return f


_memcmp = None  # looked up at the first comparison of arrays this long
_MEMCMP_BYTES = 1 << 16


def _same_bytes(a: np.ndarray, b: np.ndarray) -> bool:
    """Whether two long contiguous arrays of one dtype hold the very same bytes, by
    libc's ``memcmp``: one read of each, no temporaries (unchanged data is compared in
    full: 16 MB for a 10^6-point line's x). False when not known that way: equal
    values in other bytes (-0.0 and 0.0, NaNs of other payloads) are then compared by
    value."""
    global _memcmp
    if a.nbytes < _MEMCMP_BYTES or a.dtype != b.dtype or a.shape != b.shape \
            or not (a.flags.c_contiguous and b.flags.c_contiguous):
        return False
    if _memcmp is None:
        _memcmp = _libc_memcmp() or False
    return bool(_memcmp) and _memcmp(a.ctypes.data, b.ctypes.data, a.nbytes) == 0


def changed_rows(old: np.ndarray, new: np.ndarray) -> tuple[int, int] | None:
    """(first, last + 1) of the rows where two equal-length arrays differ (NaN equals
    NaN), or None: what a partial upload has to send.

    Long arrays with the same bytes are found by ``memcmp`` (:func:`_same_bytes`);
    else it scans in chunks from the front to the first difference and from the back
    to the last one: all new data costs two chunks, unchanged data one pass."""
    if _same_bytes(old, new):
        return None
    n = len(old)
    for i, j in _chunks(n):
        k = _edge_row(old[i:j], new[i:j], last=False)
        if k is not None:
            first = i + k
            break
    else:
        return None
    for i, j in _chunks(n - first):  # from the back: rows n - j .. n - i
        k = _edge_row(old[n - j : n - i], new[n - j : n - i], last=True)
        if k is not None:
            return first, n - j + k + 1
    return first, first + 1  # not reached: row `first` differs


class _Versioned:
    def __init__(self, prefix: str) -> None:
        self.id = _new_id(prefix)
        self.version = 0
        self._log: list[tuple[int, int, int]] = []  # (version, start, stop)

    def _bump(self, start: int | None = None, stop: int | None = None) -> None:
        self.version += 1
        if start is None:
            self._log.clear()
        else:
            self._log.append((self.version, start, stop))
            del self._log[:-_LOG_LENGTH]

    def changes_since(self, version: int) -> list[tuple[int, int]] | None:
        """Ranges changed after ``version``; ``None`` means upload everything."""
        if version == self.version:
            return []
        newer = [(v, a, b) for v, a, b in self._log if v > version]
        if len(newer) != self.version - version:
            return None
        return [(a, b) for _, a, b in newer]


def _buffer_dtype(arr: np.ndarray) -> str:
    code = _dtype_code(arr, "data")
    if code == "f2":
        raise TypeError("data: got dtype float16, expected float32, uint32 or uint8 for a "
                        "buffer")
    return code


class Buffer(_Versioned):
    """A vertex or index buffer: a contiguous float32/uint32/uint8 array.

    >>> b = Buffer(np.zeros((10, 2), np.float32))
    >>> b.update(4, np.ones((2, 2), np.float32))   # uploads 16 bytes, not 80
    """

    def __init__(self, data: np.ndarray) -> None:
        super().__init__("b")
        self.data = np.array(data, copy=True, order="C")
        self.dtype = _buffer_dtype(self.data)

    @property
    def nbytes(self) -> int:
        """The size of the data in bytes."""
        return self.data.nbytes

    def set_data(self, data: np.ndarray, copy: bool = True) -> None:
        """Replace the whole buffer (any size) with a copy of ``data``; ``copy=False``
        keeps a C-contiguous ``data`` itself: for an array made for the buffer that
        nobody else changes (a million points' rows need no second fresh copy)."""
        self.data = np.array(data, copy=True, order="C") if copy else \
            np.ascontiguousarray(data)
        self.dtype = _buffer_dtype(self.data)
        self._bump()

    def update(self, row: int, values: np.ndarray) -> None:
        """Overwrite rows ``row:row + len(values)`` (rows along the first axis)."""
        values = np.asarray(values, dtype=self.data.dtype)
        n = len(values)
        if row < 0 or row + n > len(self.data):
            raise ValueError(
                f"row: rows {row}:{row + n} do not fit a buffer of {len(self.data)} rows"
            )
        self.data[row : row + n] = values
        itemsize = self.data.nbytes // max(len(self.data), 1)
        self._bump(row * itemsize, (row + n) * itemsize)


class Texture(_Versioned):
    """A 2D (h, w[, c]) or 3D (d, h, w[, c]) texture of float32, float16 or uint8 texels
    (uint8 reads as 0..1 in shaders; float16 halves the memory of volumes and filters
    linearly everywhere, float32 needs OES_texture_float_linear for that in WebGL).

    ``update(row, values)`` rewrites whole rows (2D) or slices (3D) along the first
    axis, which is what streams and waterfalls need; ``update_texels(start, values)``
    rewrites a flat run of texels of a 2D texture (row-major), which is what a texture
    holding a list of records needs. ``changes_since`` gives flat texel ranges.
    """

    def __init__(self, data: np.ndarray, *, dim: int = 2, filter: str = "linear",
                 copy: bool = True) -> None:
        """``copy=False`` keeps ``data`` itself (a view is fine): for arrays made for
        the texture that nobody else changes, such as the tiles of a large image."""
        super().__init__("t")
        if dim not in (2, 3):
            raise ValueError(f"dim: got {dim!r}, expected 2 or 3")
        if filter not in ("linear", "nearest"):
            raise ValueError(f"filter: got {filter!r}, expected 'linear' or 'nearest'")
        self.dim = dim
        self.filter = filter
        self._assign(data, copy)

    def _assign(self, data: np.ndarray, copy: bool = True) -> None:
        data = np.array(data, copy=True, order="C") if copy else np.asarray(data)
        if data.ndim == self.dim:
            data = data[..., None]
        if data.ndim != self.dim + 1 or not 1 <= data.shape[-1] <= 4:
            raise ValueError(
                f"data: got shape {data.shape}, expected {self.dim} axes plus an optional "
                "last axis of 1 to 4 components"
            )
        self.dtype = _dtype_code(data, "data")
        if self.dtype == "u4":
            raise TypeError("data: got dtype uint32, expected float32 or uint8 for a texture")
        self.data = data

    @property
    def shape(self) -> tuple[int, ...]:
        """The texture's size: (h, w) or (d, h, w)."""
        return self.data.shape[:-1]

    @property
    def components(self) -> int:
        """Values per texel, 1 to 4."""
        return self.data.shape[-1]

    def set_data(self, data: np.ndarray) -> None:
        """Replace the texels; a same-shaped texture uploads only the rows that differ."""
        new = np.asarray(data)
        if new.ndim == self.dim:
            new = new[..., None]
        if new.shape == self.data.shape and new.dtype == self.data.dtype:
            rows = changed_rows(self.data.reshape(len(new), -1), new.reshape(len(new), -1))
            if rows is not None:
                self.update(rows[0], new[rows[0] : rows[1]])
            return
        self._assign(data)
        self._bump()

    def update(self, row: int, values: np.ndarray) -> None:
        """Overwrite rows ``row:row + len(values)`` (along the first axis); only they are
        uploaded."""
        values = np.asarray(values, dtype=self.data.dtype).reshape((-1,) + self.data.shape[1:])
        n = len(values)
        if row < 0 or row + n > len(self.data):
            raise ValueError(
                f"row: rows {row}:{row + n} do not fit a texture of {len(self.data)} rows"
            )
        self.data[row : row + n] = values
        per_row = int(np.prod(self.shape[1:]))
        self._bump(row * per_row, (row + n) * per_row)

    def update_texels(self, start: int, values: np.ndarray) -> None:
        """Overwrite the texels ``start:start + n`` of a 2D texture in row-major order
        (``values``: n texels of ``components`` values); only they are uploaded, as at
        most three rectangles (:func:`texel_rects`)."""
        if self.dim != 2:
            raise ValueError(f"update_texels: got a {self.dim}D texture, expected a 2D one")
        flat = self.data.reshape(-1, self.components)
        values = np.asarray(values, dtype=self.data.dtype).reshape(-1, self.components)
        n = len(values)
        if start < 0 or start + n > len(flat):
            raise ValueError(
                f"start: texels {start}:{start + n} do not fit a texture of {len(flat)} texels"
            )
        flat[start : start + n] = values
        self._bump(start, start + n)


def texel_rects(width: int, start: int, stop: int) -> list[tuple[int, int, int, int]]:
    """The rectangles (x, y, w, h) covering the flat texels ``start:stop`` of a texture
    ``width`` texels wide: a partial first row, the full rows, a partial last row (at
    most three; each one's texels are contiguous in row-major order)."""
    out = []
    y0, x0 = divmod(start, width)
    y1, x1 = divmod(stop, width)
    if y0 == y1:
        return [(x0, y0, x1 - x0, 1)] if x1 > x0 else []
    if x0:
        out.append((x0, y0, width - x0, 1))
        y0 += 1
    if y1 > y0:
        out.append((0, y0, width, y1 - y0))
    if x1:
        out.append((0, y1, x1, 1))
    return out


class Program:
    """Shader sources in the GLSL 3.30 / GLSL ES 3.00 common subset, without the
    ``#version`` line (each executor adds its own header)."""

    def __init__(self, vertex: str, fragment: str) -> None:
        self.id = _new_id("p")
        self.vertex = vertex
        self.fragment = fragment
