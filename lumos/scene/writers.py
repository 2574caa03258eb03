"""File writers of ``Canvas.save``, by suffix.

The scene layer sits below ``lumos.io`` and imports none of it: io modules register
their writers here when they are imported, and ``writer_for`` imports the modules of
``WRITER_MODULES`` the first time a suffix is asked for (as matplotlib finds its
backends by name). A writer is ``write(canvas, path, dpi) -> Path``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

#: modules that register writers on import (a plug-in adds its own module here)
WRITER_MODULES: list[str] = ["lumos.io.png", "lumos.io.html", "lumos.io.povray", "lumos.io.svg",
                             "lumos.io.pdf"]

_writers: dict[str, Callable] = {}
_loaded: set[str] = set()


def register_writer(suffixes, write: Callable) -> None:
    """Let ``Canvas.save`` write files ending in ``suffixes`` ('.png', ...) with
    ``write(canvas, path, dpi) -> Path``."""
    if not callable(write):
        raise TypeError(f"write: got {type(write).__name__}, expected a callable")
    for suffix in ([suffixes] if isinstance(suffixes, str) else suffixes):
        if not (isinstance(suffix, str) and suffix.startswith(".")):
            raise ValueError(f"suffixes: got {suffix!r}, expected strings like '.png'")
        _writers[suffix.lower()] = write


def writer_for(suffix: str) -> Callable:
    """The writer of ``suffix``, or a ValueError listing the suffixes there are."""
    for name in WRITER_MODULES:
        if name not in _loaded:
            importlib.import_module(name)
            _loaded.add(name)
    write = _writers.get(suffix.lower())
    if write is None:
        raise ValueError(f"path: got suffix {suffix!r}, expected one of "
                         f"{', '.join(repr(s) for s in sorted(_writers))}")
    return write


def save(canvas, path, dpi: float | None = None) -> Path:
    """Write ``canvas`` to ``path`` with the writer of its suffix."""
    path = Path(path)
    return writer_for(path.suffix)(canvas, path, dpi)
