"""matplotlib's ``CallbackRegistry``: ``ax.callbacks.connect("xlim_changed", f)``.

A callback that raises is logged (logger ``lumos.app``) and the others still run, as
matplotlib's default exception handler does.
"""

from __future__ import annotations

import itertools


class CallbackRegistry:
    """Callbacks by signal name; ``signals`` (if given) are the names allowed."""

    def __init__(self, signals=None) -> None:
        self._signals = None if signals is None else tuple(signals)
        self._ids = itertools.count(1)
        self.callbacks: dict[str, dict[int, object]] = {}

    def connect(self, signal: str, func) -> int:
        """Call ``func(*args)`` when ``signal`` is processed; returns an id."""
        if self._signals is not None and signal not in self._signals:
            raise ValueError(f"signal: got {signal!r}, expected one of "
                             f"{', '.join(self._signals)}")
        if not callable(func):
            raise TypeError(f"func: got {type(func).__name__}, expected a callable")
        cid = next(self._ids)
        self.callbacks.setdefault(signal, {})[cid] = func
        return cid

    def disconnect(self, cid: int) -> None:
        for funcs in self.callbacks.values():
            funcs.pop(cid, None)

    def process(self, signal: str, *args, **kwargs) -> None:
        """Call every callback of ``signal``."""
        for func in list(self.callbacks.get(signal, {}).values()):
            try:
                func(*args, **kwargs)
            except Exception:
                import logging  # only when a callback raises: not a cost of every import

                logging.getLogger("lumos.app").error(
                    "lumos: the %r callback %s raised; the others still run", signal,
                    getattr(func, "__qualname__", func), exc_info=True)
