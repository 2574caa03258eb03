"""Where derived data (pyramids) is kept, and the progress bar of a full pass.

The cache folder is :func:`lumos.files.cache_dir`. Entries are named by a digest
of the source's fingerprint, so a changed source gets a new entry; each is written
under a temporary name in the same folder and renamed when complete, so a crash never
leaves a half-written entry that looks whole. Nothing is ever written beside the user's data.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from ..files import cache_dir

__all__ = ["Progress", "atomic_folder", "cache_dir"]


@contextlib.contextmanager
def atomic_folder(final: Path):
    """Yield a temporary folder beside ``final``; rename it to ``final`` when the block
    ends without error (if another process got there first, keep theirs)."""
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{final.name}.", suffix=".tmp", dir=final.parent))
    try:
        yield tmp
        try:
            os.rename(tmp, final)
        except OSError:
            if not final.exists():
                raise
            shutil.rmtree(tmp, ignore_errors=True)  # a concurrent build won
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


class Progress:
    """A tqdm bar when tqdm is installed and ``enabled``; otherwise silent."""

    def __init__(self, total: int, desc: str, enabled: bool, unit: str = "pt") -> None:
        self._bar = None
        if enabled:
            try:
                from tqdm.auto import tqdm
            except ImportError:
                return
            self._bar = tqdm(total=total, desc=desc, unit=unit, unit_scale=True, leave=False)

    def update(self, n: int) -> None:
        if self._bar is not None:
            self._bar.update(n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
