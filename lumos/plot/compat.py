"""Helpers for matplotlib compatibility: one-time notices for what lumos draws differently."""

from __future__ import annotations

import warnings

_warned: set[str] = set()


def warn_once(key: str, message: str, stacklevel: int = 3) -> None:
    """Warn with ``message`` the first time ``key`` is seen in this process (a purely
    cosmetic matplotlib option lumos approximates: said once, never silently)."""
    if key in _warned:
        return
    _warned.add(key)
    warnings.warn(message, UserWarning, stacklevel=stacklevel)
