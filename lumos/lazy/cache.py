"""Where derived data (pyramids) is kept, and the progress bar of a full pass.

The cache folder is ``$LUMOS_CACHE_DIR``, else ``$XDG_CACHE_HOME/lumos``, else
``~/.cache/lumos``. Entries are named by a digest of the source's fingerprint, so a
changed source gets a new entry; each is written under a temporary name in the same
folder and renamed when complete, so a crash never leaves a half-written entry that
looks whole. Nothing is ever written beside the user's data.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path


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
