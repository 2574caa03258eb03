"""Files lumos writes: whole or not at all, and the cache folder.

Every writer goes through :func:`atomic_write`: a file is written to a temporary name
in the target folder and renamed over the target only when the write completed, so an
interrupted or failed save (Ctrl-C, a full disk, an encoding error) leaves the previous
file intact and no partial file behind.

The cache folder (:func:`cache_dir`) holds what lumos derives once and reuses across
processes (glyph distance fields and font metrics, big-data pyramids and tiles). It is
``$LUMOS_CACHE_DIR``, else ``$XDG_CACHE_HOME/lumos``, else ``~/.cache/lumos``. Entries
are named by a digest of what they were made from, so a changed source gets a new entry;
a reader that finds an entry missing, unreadable or made from something else makes the
data again. Nothing is written beside the user's data.

>>> with atomic_write("plot.svg", "w") as f:
...     f.write(svg_text)
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

__all__ = ["atomic_write", "cache_dir", "write_bytes", "write_text"]


def cache_dir() -> Path:
    """The folder lumos keeps derived data in (created on first use)."""
    env = os.environ.get("LUMOS_CACHE_DIR")
    if env:
        root = Path(env)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        root = (Path(xdg) if xdg else Path.home() / ".cache") / "lumos"
    root.mkdir(parents=True, exist_ok=True)
    return root


@contextlib.contextmanager
def atomic_write(path, mode: str = "wb", encoding: str | None = None):
    """Open a temporary file beside ``path`` for writing; rename it to ``path`` on success.

    ``mode`` is "wb" or "w" (text, ``encoding`` default UTF-8). On any exception, the
    temporary file is removed and ``path`` is left as it was. Yields the open file.
    """
    if mode not in ("wb", "w"):
        raise ValueError(f"mode: got {mode!r}, expected 'wb' or 'w'")
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = _create_beside(folder, path.name)
    try:
        if mode == "w":
            f = os.fdopen(fd, "w", encoding=encoding or "utf-8", newline="")
        else:
            f = os.fdopen(fd, "wb")
        with f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _create_beside(folder: Path, name: str) -> tuple[int, Path]:
    """Create a new, empty temporary file in ``folder``; returns (descriptor, path).

    Opened with mode 0666 so that the process's umask gives it the mode any saved file
    gets (the kernel applies the umask; reading the umask would mean setting it, which
    races with other threads creating files)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        tmp = folder / f".{name}.{os.urandom(6).hex()}.tmp"
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"could not create a temporary file beside {folder / name}")


def write_bytes(path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; returns the path."""
    with atomic_write(path, "wb") as f:
        f.write(data)
    return Path(path)


def write_text(path, text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` atomically (encoding errors leave no file); returns it."""
    data = text.encode(encoding)  # fail before touching the disk
    return write_bytes(path, data)
