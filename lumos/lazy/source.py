"""Array sources: numeric data read in pieces, never loaded whole.

:func:`as_source` wraps an h5py dataset, a zarr array, a Dask array or DataFrame column,
a numpy memmap (or any ndarray) in an :class:`ArraySource` that reads the rows asked for
and nothing else.
Each kind is an adapter declared here (the only module that knows the libraries); none
of them is imported unless the caller passes one of its objects.

Reads that fail (a file deleted or truncated while drawing, a closed HDF5 file, a lost
Dask worker) raise :class:`SourceError`, which names the dataset and the rows; the
caller's objects and files are never written to.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import numpy as np

#: rows read per block while streaming a source (a full pass): bounded memory
BLOCK_BYTES = 1 << 24


class SourceError(OSError):
    """A read from a lazy source failed; the message names the dataset and the rows."""


class ArraySource:
    """A read-only numeric array read in pieces (``read(start, stop)`` along axis 0).

    ``name`` describes the data for messages (``"dataset '/y' in run.h5"``);
    ``fingerprint()`` changes when the data may have changed (the file's size or time,
    the Dask graph), so caches keyed on it are invalidated.
    """

    kind = "numpy"

    def __init__(self, obj, name: str | None = None) -> None:
        self.obj = obj
        self.name = name or self._default_name()
        dtype = np.dtype(self.obj.dtype)
        if dtype.kind not in "biuf":
            what = "variable-length (ragged) rows" if dtype.kind == "O" else f"dtype {dtype}"
            raise TypeError(f"{self.name}: got {what}, expected a numeric array "
                            "(integers or floats)")
        self.dtype = dtype
        self.shape = tuple(int(s) for s in obj.shape)
        #: bytes handed out by ``read`` so far (what a view cost; tests assert on it)
        self.bytes_read = 0

    # -- what every adapter declares ---------------------------------------------------
    def _default_name(self) -> str:
        return f"array of shape {tuple(self.obj.shape)}"

    def _read(self, key: tuple) -> np.ndarray:
        return np.asarray(self.obj[key])

    def _identity(self) -> list:
        """What the fingerprint hashes (beside shape and dtype)."""
        return [id(self.obj)]

    @property
    def path(self) -> Path | None:
        """The file or folder holding the data, when there is one."""
        return None

    # -- public ------------------------------------------------------------------------
    def __len__(self) -> int:
        return self.shape[0]

    @property
    def ndim(self) -> int:
        """The number of dimensions."""
        return len(self.shape)

    @property
    def nbytes(self) -> int:
        """The size of the whole array in bytes (it is not read)."""
        return int(np.prod(self.shape, dtype=np.int64)) * self.dtype.itemsize

    @property
    def chunk_rows(self) -> int:
        """Rows per storage chunk (1 for data that is not stored in chunks)."""
        return 1

    @property
    def block_rows(self) -> int:
        """Rows per block of a streaming pass (about BLOCK_BYTES of data)."""
        row = max(self.nbytes // max(self.shape[0], 1), 1)
        return max(BLOCK_BYTES // row, 1)

    def read(self, start: int, stop: int, *rest) -> np.ndarray:
        """Rows ``start:stop`` (and ``rest``: indices or slices of the other axes) as
        a numpy array; a failed read raises :class:`SourceError` naming the rows."""
        n = self.shape[0]
        start, stop = max(int(start), 0), min(int(stop), n)
        if stop <= start:
            return np.zeros((0,) + self.shape[1:], self.dtype)[(slice(None),) + rest]
        try:
            out = self._read((slice(start, stop),) + rest)
        except Exception as exc:  # h5py/zarr/dask raise their own kinds
            raise SourceError(f"{self.name}: could not read rows {start}:{stop} "
                              f"({type(exc).__name__}: {exc})") from exc
        self._check_present(start, stop)
        expected = stop - start
        if out.shape[:1] != (expected,):
            raise SourceError(f"{self.name}: rows {start}:{stop} gave {len(out)} rows, "
                              f"expected {expected} (was the data truncated?)")
        self.bytes_read += out.nbytes
        return out

    def _check_present(self, start: int, stop: int) -> None:
        """Adapters whose store fills missing data silently check it is still there."""

    def _current_shape(self) -> tuple:
        """The shape as the data has it now (adapters of data that may grow look)."""
        return self.obj.shape

    def refresh(self) -> int:
        """Look again at the length along axis 0 (a file an acquisition appends to)
        and return it; a failed look, or rows of another shape, raise SourceError."""
        try:
            shape = tuple(int(s) for s in self._current_shape())
        except Exception as exc:  # h5py/zarr/os raise their own kinds
            raise SourceError(f"{self.name}: could not read its length "
                              f"({type(exc).__name__}: {exc})") from exc
        if shape[1:] != self.shape[1:]:
            raise SourceError(f"{self.name}: its rows changed shape from {self.shape[1:]} "
                              f"to {shape[1:]}")
        self.shape = shape
        return shape[0]

    def blocks(self, start: int = 0, stop: int | None = None,
               rows: int | None = None) -> Iterator[tuple[int, np.ndarray]]:
        """``(first_row, block)`` over rows start:stop in blocks of ``rows`` (default
        ``block_rows``, rounded to whole storage chunks): a full pass in bounded memory."""
        stop = self.shape[0] if stop is None else stop
        step = self.block_rows if rows is None else int(rows)
        for i in range(start, stop, step):
            yield i, self.read(i, min(i + step, stop))

    def fingerprint(self) -> str:
        """A hex digest that changes when the data may have changed."""
        h = hashlib.sha1()
        for part in [self.kind, self.shape, self.dtype.str, *self._identity()]:
            h.update(repr(part).encode())
        return h.hexdigest()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name} {self.shape} {self.dtype}>"


def _file_stamp(path: Path) -> tuple:
    st = os.stat(path)
    return (str(path.resolve()), st.st_size, st.st_mtime_ns)


class MemmapSource(ArraySource):
    """A numpy memmap: read through the file (``os.pread``) rather than the mapping, so
    a full pass does not leave the whole file resident in this process."""

    kind = "memmap"

    def __init__(self, obj: np.memmap, name: str | None = None) -> None:
        super().__init__(obj, name)
        self._file = Path(obj.filename)
        root = obj
        while isinstance(root.base, np.memmap):  # a slice of a memmap: its own shift
            root = root.base
        shift = obj.__array_interface__["data"][0] - root.__array_interface__["data"][0]
        self._offset = int(root.offset) + int(shift)  # file byte of row 0
        self._contiguous = bool(obj.flags.c_contiguous)
        self._row_bytes = int(np.prod(self.shape[1:], dtype=np.int64)) * self.dtype.itemsize
        # rows appended to the file belong to this array only when it ends the file
        self._grows = self._contiguous and self._row_bytes > 0 and \
            self._offset + self.nbytes == os.stat(self._file).st_size

    def _default_name(self) -> str:
        return f"memmap '{Path(self.obj.filename).name}'"

    @property
    def path(self) -> Path:
        return self._file

    def _identity(self) -> list:
        return [_file_stamp(self._file), self._offset]

    def _current_shape(self) -> tuple:
        if not self._grows:
            return self.shape
        rows = (os.stat(self._file).st_size - self._offset) // self._row_bytes
        return (max(rows, 0),) + self.shape[1:]

    def _read(self, key: tuple) -> np.ndarray:
        rows, rest = key[0], key[1:]
        if not self._contiguous:
            return np.array(self.obj[key])
        row_bytes = self._row_bytes
        count = rows.stop - rows.start
        out = np.empty((count,) + self.shape[1:], self.dtype)
        buf = memoryview(out.reshape(-1).view(np.uint8))
        got = 0
        with open(self._file, "rb", buffering=0) as f:
            f.seek(self._offset + rows.start * row_bytes)
            while got < len(buf):
                n = f.readinto(buf[got:])
                if not n:
                    break
                got += n
        if got != count * row_bytes:
            raise EOFError(f"the file ends after {got // max(row_bytes, 1)} of the "
                           f"{count} rows (truncated?)")
        return out[(slice(None),) + rest] if rest else out


class H5Source(ArraySource):
    """An h5py dataset (the file stays open as the caller opened it, read-only use)."""

    kind = "h5py"

    def _default_name(self) -> str:
        try:
            return f"dataset '{self.obj.name}' in '{Path(self.obj.file.filename).name}'"
        except Exception:  # a closed file has no name any more
            return "an h5py dataset"

    @property
    def path(self) -> Path | None:
        try:
            return Path(self.obj.file.filename)
        except Exception:
            return None

    @property
    def chunk_rows(self) -> int:
        return self.obj.chunks[0] if self.obj.chunks else 1

    @property
    def block_rows(self) -> int:
        c = self.chunk_rows  # whole chunks per block: each is decompressed once
        return max(super().block_rows // c, 1) * c

    def _identity(self) -> list:
        path = self.path
        return [self.obj.name, _file_stamp(path) if path is not None and path.exists()
                else repr(self.obj)]

    def _read(self, key: tuple) -> np.ndarray:
        if not self.obj.id.valid:
            raise OSError("the HDF5 file was closed")
        return self.obj[key]

    def _current_shape(self) -> tuple:
        if not self.obj.id.valid:
            raise OSError("the HDF5 file was closed")
        self.obj.refresh()  # what a writer appended (SWMR) since the file was opened
        return self.obj.shape


class ZarrSource(ArraySource):
    """A zarr array. A local store is checked after each read: zarr fills the chunks it
    cannot find with the fill value, which would draw a wrong picture silently."""

    kind = "zarr"

    def _default_name(self) -> str:
        return f"zarr array '{self.obj.path or '/'}' in '{self._root_name()}'"

    def _root_name(self) -> str:
        root = getattr(self.obj.store, "root", None)
        return Path(root).name if root is not None else str(self.obj.store)

    @property
    def path(self) -> Path | None:
        root = getattr(self.obj.store, "root", None)
        if root is None:
            return None
        return Path(root) / (self.obj.path or "")

    @property
    def chunk_rows(self) -> int:
        return int(self.obj.chunks[0])

    @property
    def block_rows(self) -> int:
        c = self.chunk_rows
        return max(super().block_rows // c, 1) * c

    def _identity(self) -> list:
        path = self.path
        if path is None or not path.exists():
            return [repr(self.obj.store), self.obj.path]
        # the size and time of every file of the array: rewriting a chunk shows
        stamp = hashlib.sha1()
        for root, _, files in os.walk(path):
            for f in sorted(files):
                st = os.stat(os.path.join(root, f))
                stamp.update(f"{root}/{f}:{st.st_size}:{st.st_mtime_ns};".encode())
        return [str(path.resolve()), stamp.hexdigest()]

    def _current_shape(self) -> tuple:
        import zarr

        path = self.path
        if path is not None and not path.exists():
            raise FileNotFoundError(f"the array's folder {path} is gone")
        # the array's metadata again: a writer elsewhere may have resized it
        self.obj = zarr.open_array(self.obj.store, path=self.obj.path, mode="r")
        return self.obj.shape

    def _check_present(self, start: int, stop: int) -> None:
        path = self.path
        if path is not None and not (path / "zarr.json").exists() \
                and not (path / ".zarray").exists():
            raise SourceError(f"{self.name}: the array's folder {path} is gone (rows "
                              f"{start}:{stop} would read as fill values)")


class DaskSource(ArraySource):
    """A Dask array: each read computes only the blocks it needs, on whatever
    scheduler is active (a ``dask.distributed`` Client when one is)."""

    kind = "dask"

    def __init__(self, obj, name: str | None = None) -> None:
        if any(np.isnan(c) for c in obj.shape):
            raise ValueError(f"{name or 'dask array'}: got unknown chunk sizes "
                             f"{obj.shape}, expected known lengths (call "
                             "compute_chunk_sizes() first)")
        super().__init__(obj, name)

    def _default_name(self) -> str:
        return f"dask array '{self.obj.name}'"

    @property
    def chunk_rows(self) -> int:
        return int(self.obj.chunks[0][0]) if self.obj.chunks[0] else 1

    @property
    def block_rows(self) -> int:
        c = self.chunk_rows
        return max(super().block_rows // c, 1) * c

    def _identity(self) -> list:
        return [self.obj.name]

    def _read(self, key: tuple) -> np.ndarray:
        return np.asarray(self.obj[key].compute())


class DaskFrameSource(DaskSource):
    """A Dask DataFrame column (rows) or DataFrame (rows, columns): its partitions'
    lengths are counted once (a pass that keeps no data), then each read computes only
    the partitions holding the rows asked."""

    kind = "dask-frame"

    def __init__(self, obj, name: str | None = None) -> None:
        if name is None:
            name = (f"dask column '{obj.name}'" if obj.ndim == 1
                    else f"dask frame of columns {list(obj.columns)}")
        super().__init__(obj.to_dask_array(lengths=True), name)


def _module(obj) -> str:
    return type(obj).__module__.split(".", 1)[0]


def _is_h5(obj) -> bool:
    return _module(obj) == "h5py" and hasattr(obj, "id") and hasattr(obj, "chunks")


def _is_zarr(obj) -> bool:
    return _module(obj) == "zarr" and hasattr(obj, "store") and hasattr(obj, "chunks")


def _is_dask(obj) -> bool:
    return _module(obj) == "dask" and hasattr(obj, "__dask_graph__") and hasattr(obj, "chunks")


def _is_dask_frame(obj) -> bool:
    return _module(obj) == "dask" and hasattr(obj, "to_dask_array") \
        and hasattr(obj, "npartitions")


# The adapters, tried in order: (test, class). A library registers here, nowhere else.
ADAPTERS: list[tuple] = [
    (lambda o: isinstance(o, ArraySource), None),
    (lambda o: isinstance(o, np.memmap), MemmapSource),
    (_is_h5, H5Source),
    (_is_zarr, ZarrSource),
    (_is_dask, DaskSource),
    (_is_dask_frame, DaskFrameSource),
]


def is_lazy(obj) -> bool:
    """Whether ``obj`` is data lumos reads in pieces (h5py, zarr, a Dask array or
    DataFrame column, a memmap, or an :class:`ArraySource`) rather than an array it may
    copy."""
    return any(test(obj) for test, _ in ADAPTERS)


def as_source(obj, argument: str = "data") -> ArraySource:
    """Wrap ``obj`` in its :class:`ArraySource`; plain arrays are wrapped as they are.

    Raises TypeError naming ``argument`` for anything that is not an array of numbers
    (strings, objects, variable-length HDF5 rows)."""
    for test, cls in ADAPTERS:
        if test(obj):
            return obj if cls is None else cls(obj)
    if not hasattr(obj, "shape") or not hasattr(obj, "dtype"):
        try:
            obj = np.asarray(obj)
        except Exception:  # ragged lists
            raise TypeError(f"{argument}: got {type(obj).__name__} that is not an array "
                            "of numbers") from None
    return ArraySource(obj, name=argument)
