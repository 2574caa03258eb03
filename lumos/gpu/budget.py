"""The memory budget: how much one request may allocate before lumos refuses it.

A request that would need more (a picture of 10^10 pixels, 10^9 points copied to
float64) is refused with a ValueError saying how much it needs and how to ask for
less, before anything is allocated: the alternative is an allocation that fails after
minutes of work, or a machine that swaps. The default is a quarter of the physical
memory (2 GiB where it cannot be read).

>>> set_memory_budget(16 * 2**30)   # allow 16 GiB per request
"""

from __future__ import annotations

import os
from functools import lru_cache

_budget: int | None = None


@lru_cache(maxsize=1)
def _physical_memory() -> int | None:
    """Bytes of physical memory (read once: each read is a system call, and every
    ``set_data`` of a visual checks its request, tick lines at every frame of a pan)."""
    try:
        return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):
        return None


def memory_budget() -> int:
    """Bytes one request may allocate."""
    if _budget is not None:
        return _budget
    physical = _physical_memory()
    return physical // 4 if physical else 2 * 2**30


def set_memory_budget(nbytes: int | None) -> None:
    """Set the bytes one request may allocate; None restores the default."""
    global _budget
    if nbytes is not None:
        if isinstance(nbytes, bool) or not isinstance(nbytes, (int, float)) or not nbytes > 0:
            raise ValueError(f"nbytes: got {nbytes!r}, expected a positive number of bytes "
                             "or None")
        nbytes = int(nbytes)
    _budget = nbytes


def format_bytes(n: float) -> str:
    """``1.5 GiB``, ``320 MiB``, ``12 KiB``, ``7 B``."""
    for unit, size in (("TiB", 2**40), ("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if n >= size:
            return f"{n / size:.3g} {unit}"
    return f"{int(n)} B"


def check_memory(nbytes: float, what: str, reduce: str) -> None:
    """Refuse ``what`` (e.g. ``"pos: 10^9 points"``) needing ``nbytes`` beyond the budget
    with a ValueError that ends with how to ``reduce`` the request."""
    budget = memory_budget()
    if nbytes > budget:
        raise ValueError(
            f"{what} would need {format_bytes(nbytes)}, more than lumos's memory budget of "
            f"{format_bytes(budget)} per request; {reduce} (or raise the budget with "
            "lumos.gpu.set_memory_budget)"
        )
