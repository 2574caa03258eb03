"""Atomic file writes: every writer goes through here (:mod:`lumos.files`, which the
layers below :mod:`lumos.io` use too: the cache of glyph distance fields).

>>> with atomic_write("plot.svg", "w") as f:
...     f.write(svg_text)
"""

from __future__ import annotations

from ..files import atomic_write, write_bytes, write_text

__all__ = ["atomic_write", "write_bytes", "write_text"]
