"""matplotlib's event objects for :mod:`lumos.plot.canvas`: loaded with the first event,
so that a figure that is only drawn or saved does not build them."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from enum import IntEnum


class MouseButton(IntEnum):
    """matplotlib's mouse buttons."""

    LEFT = 1
    MIDDLE = 2
    RIGHT = 3
    BACK = 8
    FORWARD = 9


def mouse_button(number: int):
    """The button ``number`` as matplotlib's ``MouseButton`` where a script imported it
    (so that ``event.button is MouseButton.LEFT`` holds, coords_demo.py's test), else
    lumos's equal one (importing matplotlib for it would cost every event script)."""
    mpl = sys.modules.get("matplotlib.backend_bases")
    kind = getattr(mpl, "MouseButton", MouseButton)
    return kind(number)


@dataclass
class Event:
    """matplotlib's event objects in one: what a callback gets."""

    name: str
    canvas: object
    x: float | None = None
    y: float | None = None
    inaxes: object = None
    xdata: float | None = None
    ydata: float | None = None
    button: object = None
    key: str | None = None
    step: float = 0.0
    dblclick: bool = False
    modifiers: frozenset = field(default_factory=frozenset)
    width: int | None = None
    height: int | None = None
    guiEvent: object = None  # noqa: N815 (matplotlib's name): the lumos event it came from
    # pick_event
    artist: object = None
    ind: object = None
    mouseevent: object = None
    renderer: object = None


def mpl_key(key: str | None, modifiers) -> str | None:
    """A key in matplotlib's spelling: 'ctrl+a', 'A' (shift), 'alt+left', ' '."""
    if key is None:
        return None
    key = " " if key == "space" else key  # matplotlib's name of the space bar
    mods = set(modifiers)
    if "shift" in mods and len(key) == 1:
        key = key.upper()
        mods.discard("shift")
    names = {"ctrl": "ctrl", "alt": "alt", "meta": "super", "shift": "shift"}
    # a modifier key itself is named alone: 'control', not 'ctrl+control' (matplotlib)
    own = {"control": "ctrl", "super": "meta"}.get(key, key)
    prefix = [names[m] for m in ("ctrl", "alt", "meta", "shift") if m in mods and m != own]
    return "+".join([*prefix, key])
