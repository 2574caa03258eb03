"""matplotlib's ``CallbackRegistry``: ``ax.callbacks.connect("xlim_changed", f)``.

A callback that raises follows matplotlib's default handler (``cbook._exception_printer``):
in a plain script the exception comes out of the call that processed the signal
(``set_xlim``...); while a front-end's event loop dispatches (a window, Qt, a notebook
widget: :func:`front_end_loop`) it is logged with its traceback (logger ``lumos.app``)
and the other callbacks and the loop go on. Timer callbacks follow the same rule.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_loops = threading.local()  # per thread: how deep front-end loops are dispatching


@contextmanager
def front_end_loop() -> Iterator[None]:
    """Mark what a front-end's event loop dispatches (input, timers) in this thread:
    callback errors there are logged instead of raised, as matplotlib prints them
    inside a GUI loop and raises them headless."""
    _loops.depth = getattr(_loops, "depth", 0) + 1
    try:
        yield
    finally:
        _loops.depth -= 1


def report_callback_error(what: str, func) -> None:
    """Call in an ``except`` block: re-raise the error outside front-end loops, log it
    (with its traceback) inside one."""
    if not getattr(_loops, "depth", 0):
        raise  # the exception the caller is handling
    import logging  # only inside a loop, when a callback raised: not a cost of every import

    logging.getLogger("lumos.app").error(
        "lumos: the %s %s raised; the others and the loop go on", what,
        getattr(func, "__qualname__", func), exc_info=True)


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
        """Call every callback of ``signal``; one that raises stops the others outside
        a front-end loop (the error comes out of here), is logged inside one."""
        for func in list(self.callbacks.get(signal, {}).values()):
            try:
                func(*args, **kwargs)
            except Exception:
                report_callback_error(f"{signal!r} callback", func)
