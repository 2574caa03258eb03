"""Timers that front-end loops run: matplotlib's ``fig.canvas.new_timer``.

``timer = fig.canvas.new_timer(interval=50)``; ``timer.add_callback(f, *args)``;
``timer.start()``. A started timer calls its callbacks every ``interval`` milliseconds
while a loop runs them: a window's or Qt's event loop, ``plt.pause`` (headless too) or
:func:`run_due` called by a loop of your own. A callback returning 0 (or False) is
removed; a timer without callbacks stops. ``single_shot`` timers fire once. A callback
that raises is logged inside a window's or Qt's loop (the loop goes on) and raises out of
``run_due``/``plt.pause`` elsewhere, as matplotlib's timers leave the error to the loop
running them (``lumos.plot.callbacks.front_end_loop``).

Everything here belongs to the thread that runs the loop.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from .callbacks import report_callback_error

_active: list[Timer] = []


class Timer:
    """matplotlib's ``TimerBase``: ``interval`` (ms, default 1000), ``callbacks``
    (a list of ``(func, args, kwargs)``), ``single_shot``."""

    def __init__(self, interval: float | None = None, callbacks=None) -> None:
        self.callbacks: list[tuple[Callable, tuple, dict]] = []
        for entry in callbacks or ():
            func, args, kwargs = entry
            self.add_callback(func, *args, **kwargs)
        self.interval = 1000 if interval is None else interval
        self.single_shot = False
        self._due: float | None = None

    @property
    def interval(self) -> int:
        """Milliseconds between calls."""
        return self._interval

    @interval.setter
    def interval(self, value) -> None:
        ms = float(value)
        if not ms >= 0 or ms == float("inf"):
            raise ValueError(f"interval: got {value!r}, expected milliseconds >= 0")
        self._interval = int(ms)

    @property
    def single_shot(self) -> bool:
        return self._single

    @single_shot.setter
    def single_shot(self, value: bool) -> None:
        self._single = bool(value)

    def add_callback(self, func: Callable, *args, **kwargs) -> Callable:
        """Call ``func(*args, **kwargs)`` at each tick; returns ``func``."""
        if not callable(func):
            raise TypeError(f"func: got {type(func).__name__}, expected a callable")
        self.callbacks.append((func, args, kwargs))
        return func

    def remove_callback(self, func: Callable, *args, **kwargs) -> None:
        """Remove ``func`` (with these arguments if given, else every entry of it)."""
        if args or kwargs:
            self.callbacks.remove((func, args, kwargs))
        else:
            self.callbacks[:] = [c for c in self.callbacks if c[0] != func]

    def start(self, interval: float | None = None) -> None:
        """Start (or restart) ticking, every ``interval`` ms if given."""
        if interval is not None:
            self.interval = interval
        self._due = time.monotonic() + self._interval / 1000
        if self not in _active:
            _active.append(self)

    def stop(self) -> None:
        self._due = None
        if self in _active:
            _active.remove(self)

    @property
    def running(self) -> bool:
        return self._due is not None

    def _on_timer(self) -> None:
        for entry in list(self.callbacks):
            func, args, kwargs = entry
            try:
                ret = func(*args, **kwargs)
            except Exception:
                report_callback_error("timer callback", func)
                continue
            if isinstance(ret, (bool, int, float)) and ret == 0 and entry in self.callbacks:
                self.callbacks.remove(entry)
        if not self.callbacks:
            self.stop()


def started() -> list[Timer]:
    """The timers started and not stopped, oldest first (a copy)."""
    return list(_active)


def next_due_in() -> float | None:
    """Seconds until the next started timer is due (0 if one is), None without any."""
    if not _active:
        return None
    return max(min(t._due for t in _active) - time.monotonic(), 0.0)


def run_due() -> int:
    """Fire the started timers that are due; returns how many fired. Front-end loops
    call this (a window's ``process_events``, Qt, ``plt.pause``)."""
    now = time.monotonic()
    fired = 0
    for t in [t for t in _active if t._due is not None and t._due <= now]:
        if t._single:
            t.stop()
        else:
            t._due = max(t._due + t._interval / 1000, now)
        t._on_timer()
        fired += 1
    return fired


def run_for(seconds: float) -> None:
    """Run the started timers for ``seconds`` (sleeping between them): a headless
    stand-in for an event loop (``plt.pause`` without a window)."""
    deadline = time.monotonic() + max(float(seconds), 0.0)
    while True:
        run_due()
        left = deadline - time.monotonic()
        if left <= 0:
            return
        due = next_due_in()
        time.sleep(left if due is None else min(left, max(due, 0.001)))
