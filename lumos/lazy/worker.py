"""A background thread that loads what the latest view wants, so drawing never waits.

``Loader(load, arrived)``: the UI thread calls ``want(keys)`` with everything the view
needs, most urgent first; the newest list replaces the older one (a pan abandons the
tiles it no longer shows). A daemon thread loads them in order, after ``delay``
seconds without a new request (debouncing: a zoom with the wheel asks once), and
hands each ``(key, value, error)`` to ``arrived`` (in that thread: keep it to storing
the value and asking for a redraw).
"""

from __future__ import annotations

import threading
import time


class Loader:
    """Load keys on a background thread, newest request first; see the module doc."""

    def __init__(self, load, arrived, delay: float = 0.0, name: str = "lumos-loader") -> None:
        self._load = load
        self._arrived = arrived
        self.delay = float(delay)
        self._cond = threading.Condition()
        self._queue: list = []
        self._ready_at = 0.0
        self._busy = None  # the key being loaded now
        self._thread: threading.Thread | None = None
        self._name = name
        self._closed = False
        self._running = False  # a thread serves the queue (set and cleared under the lock)

    def want(self, keys) -> None:
        """Replace the pending keys (the one loading now finishes)."""
        with self._cond:
            keys = [k for k in keys if k != self._busy]
            if keys != self._queue:
                self._queue = list(keys)
                self._ready_at = time.monotonic() + self.delay
            if self._queue and not self._running:
                self._running = True
                self._thread = threading.Thread(target=self._run, name=self._name,
                                                daemon=True)
                self._thread.start()
            self._cond.notify_all()

    @property
    def idle(self) -> bool:
        """Nothing pending or loading."""
        with self._cond:
            return not self._queue and self._busy is None

    def wait(self, timeout: float | None = None) -> bool:
        """Block until idle (tests, saving a finished picture); False on timeout."""
        end = None if timeout is None else time.monotonic() + timeout
        with self._cond:
            while self._queue or self._busy is not None:
                left = None if end is None else end - time.monotonic()
                if left is not None and left <= 0:
                    return False
                self._cond.wait(0.05 if left is None else min(left, 0.05))
        return True

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._queue = []
            self._cond.notify_all()

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._closed and (not self._queue
                                            or time.monotonic() < self._ready_at):
                    if not self._queue:
                        self._running = False  # the next want() starts a new thread
                        return
                    self._cond.wait(max(self._ready_at - time.monotonic(), 0.001))
                if self._closed:
                    self._running = False
                    return
                key = self._busy = self._queue.pop(0)
            value = error = None
            try:
                value = self._load(key)
            except Exception as exc:  # handed to the UI thread, which raises it
                error = exc
            try:
                self._arrived(key, value, error)
            finally:
                with self._cond:
                    self._busy = None
                    self._cond.notify_all()
