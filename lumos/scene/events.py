"""Events: a small dispatcher front-ends feed, and the event objects callbacks get.

>>> @fig.on("mouse_press")
... def clicked(event):
...     print(event.x, event.y, event.inaxes, event.xdata, event.ydata)

A callback that raises is logged with its traceback (logger ``lumos.app``) and the
other callbacks still run; the window's loop goes on. A callback registered with its
own ``report`` hands its error to that instead (matplotlib's ``mpl_connect`` rule:
raised in a plain script). After ``close()`` every event is ignored.
"""

from __future__ import annotations

from dataclasses import dataclass, field

EVENT_NAMES = (
    "mouse_press", "mouse_move", "mouse_release", "mouse_double_click", "wheel",
    "key_press", "key_release", "resize", "draw", "close", "view_change",
    "mouse_enter", "mouse_leave",
)


@dataclass
class Event:
    """What happened, in logical pixels from the top-left corner of the canvas.

    ``button``: 1 left, 2 middle, 3 right (matplotlib's numbers). ``step``: wheel
    notches, positive away from the user (zoom in). ``modifiers``: a frozenset of
    "shift", "ctrl", "alt", "meta". For plots, ``inaxes`` is the axes under the cursor
    and ``xdata``/``ydata`` the data coordinates there (None outside any axes).
    """

    name: str
    x: float | None = None
    y: float | None = None
    button: int | None = None
    modifiers: frozenset = field(default_factory=frozenset)
    step: float = 0.0
    key: str | None = None
    size: tuple[float, float] | None = None
    view: object = None
    inaxes: object = None
    xdata: float | None = None
    ydata: float | None = None
    dt: float | None = None  # seconds the frame took ("draw")
    # a callback that consumes a key sets it: the front-end skips its own binding of it
    handled: bool = False


class EventDispatcher:
    """Callbacks per event name; ``emit`` calls them in the order they were added."""

    def __init__(self) -> None:
        self._callbacks: dict[str, list] = {}
        self._reports: dict = {}  # callback -> what handles its errors (else: logged)
        self.closed = False

    def on(self, name: str, callback=None, *, report=None):
        """Register ``callback`` for ``name`` (returns it; works as a decorator).
        ``report(name, callback)``, called in the ``except`` block when the callback
        raises, may re-raise (the rest of this event's callbacks then do not run)."""
        if name not in EVENT_NAMES:
            raise ValueError(f"name: got {name!r}, expected one of {', '.join(EVENT_NAMES)}")
        if callback is None:
            return lambda cb: self.on(name, cb, report=report)
        if not callable(callback):
            raise TypeError(f"callback: got {type(callback).__name__}, expected a callable")
        self._callbacks.setdefault(name, []).append(callback)
        if report is not None:
            self._reports[callback] = report
        return callback

    def off(self, name: str, callback=None) -> None:
        """Remove one callback, or all of ``name``."""
        gone = self._callbacks.pop(name, []) if callback is None else [callback]
        for cb in gone:
            if callback is not None and cb in self._callbacks.get(name, []):
                self._callbacks[name].remove(cb)
            if not any(cb in cbs for cbs in self._callbacks.values()):
                self._reports.pop(cb, None)

    def has(self, name: str) -> bool:
        return bool(self._callbacks.get(name))

    def emit(self, event: Event) -> None:
        """Call the callbacks of ``event.name``; errors are logged, not raised."""
        if self.closed:
            return
        for cb in list(self._callbacks.get(event.name, ())):
            try:
                cb(event)
            except Exception:
                report = self._reports.get(cb)
                if report is not None:
                    report(event.name, cb)
                    continue
                # imported here: logging (and traceback, string) is no cost of the
                # first figure, which makes a dispatcher
                import logging

                logging.getLogger("lumos.app").error(
                    "lumos: the %r callback %s raised; the other callbacks and the window "
                    "go on", event.name, getattr(cb, "__qualname__", cb), exc_info=True)

    def close(self) -> None:
        """Ignore every later event (a closed window's)."""
        self.closed = True
