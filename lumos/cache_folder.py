"""The folder where lumos keeps what it derives once and reuses across processes
(glyph distance fields, big-data pyramids and tiles).

It is ``$LUMOS_CACHE_DIR``, else ``$XDG_CACHE_HOME/lumos``, else ``~/.cache/lumos``.
Entries are named by a digest of what they were made from, so a changed source gets a
new entry; a reader that finds an entry missing, unreadable or made from something else
makes the data again. Nothing is written beside the user's data.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

__all__ = ["cache_dir", "replace_file"]


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


def replace_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all: under a temporary name in the same
    folder, then renamed over it (a concurrent writer's complete file may win)."""
    import tempfile  # here: it imports shutil, random, bz2 and lzma (3.5 ms)

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
