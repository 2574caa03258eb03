"""Reuse of a rectilinear axes' decorations when nothing they read changed.

``decorations.draw_rectilinear_frame`` lays out the spines, ticks, tick labels and axis
labels of an axes in figure pixels and hands them to the overlay and to the axes' decor
(``page_axes.AxesDecor``). A redraw after ``set_data`` (the limits kept) computes all of
it again to the same result: tick values, labels, their sizes and places, the page
record. This module records what a frame handed over (the overlay's and the decor's
calls, the axes' page records and tick widths) with a key over everything that work
reads, and replays the calls when the next frame's key is the same.

The key has two parts (the overlay and decor must be the same objects too):

- a cheap one compared first (:func:`cheap_key`): the view limits of both axes, the
  axes' pixel box, the figure's dpi and canvas size, the rcParams generation. A pan
  changes it every frame, and then nothing else is computed or noted here;
- the state of the objects the decorations read, frozen into plain tuples
  (:func:`state_key`, :func:`freeze`): both ``Axis`` objects with their tick styles,
  per-tick overrides, label properties, scales, limits, units, locators and
  formatters, and the spines.
  It is taken after a frame has drawn (locators and formatters keep state from their
  last call, as ``ScalarFormatter``'s offset), and again before the next when the cheap
  part matched.

What cannot be frozen makes the axes uncacheable (drawn every frame, as before): a
function (``FuncFormatter``, ``FuncScale``: its result may change with state it
closes over), an object of a class not defined in lumos (a user's ``Formatter``
subclass may read state of its own) or without ``__dict__``, an array over
``_MAX_ARRAY`` elements.
Texts anchored to data and annotation arrows are not cached (they are drawn every
frame after the replay; ``page_texts``).
"""

from __future__ import annotations

import datetime
import weakref

import numpy as np

from .snapping import drawing_exact
from .style import rcParams

_MAX_ARRAY = 100_000  # larger arrays make the axes uncacheable (copying costs)
_ATOMS = frozenset((type(None), bool, int, float, complex, str, bytes))
_VALUES = (datetime.tzinfo, datetime.date, datetime.time, datetime.timedelta, np.dtype)
_DRAWING = ("line", "text", "rect", "polygon", "hatch", "marker")


class Opaque(Exception):
    """A value whose changes a frozen copy cannot show."""


def _ref_types() -> tuple:
    """Objects referred to by identity (the axes, figures and artists the tickers and
    spines point back to): their own state is not what the decorations read."""
    from ..scene import Canvas
    from ..visuals import Visual
    from .artists import Artist
    from .axes import Axes
    from .figure_base import FigureBase

    return (Artist, Axes, FigureBase, Canvas, Visual)


_REFS: tuple | None = None


def freeze(value, seen: set | None = None):
    """``value`` as nested tuples of plain values that compare equal exactly when the
    state is the same (objects by their attributes, recursively; axes, figures and
    artists by identity). Raises :class:`Opaque` for what cannot be compared so."""
    global _REFS
    if _REFS is None:
        _REFS = _ref_types()
    return _freeze(value, set() if seen is None else seen)


# how _freeze takes a value of each type: found once for lumos's classes (a class's
# answer never changes; others' are not kept, so a script's classes are not held)
_OBJECT, _REF, _VALUE, _OPAQUE, _SET = range(5)
_KINDS: dict[type, int] = {}


def _kind(t: type) -> int:
    if issubclass(t, (set, frozenset)):
        return _SET
    if issubclass(t, _VALUES) or issubclass(t, type):  # immutable
        return _VALUE
    if issubclass(t, _REFS):
        return _REF
    # objects of other packages and user subclasses (a Formatter subclass) may read
    # state of their own, and functions what they close over
    return _OBJECT if t.__module__.startswith("lumos.") else _OPAQUE


def _freeze(value, seen: set):
    t = type(value)
    if t in _ATOMS:
        return value
    if t is tuple or t is list:
        if _ATOMS.issuperset(map(type, value)):  # colors, sizes: most of them
            return (t, *value)
        return (t, *[_freeze(v, seen) for v in value])
    if t is dict:
        return (dict, *[(k if type(k) in _ATOMS else _freeze(k, seen),
                         v if type(v) in _ATOMS else _freeze(v, seen))
                        for k, v in value.items()])
    if t is np.ndarray:
        if value.size > _MAX_ARRAY or value.dtype.hasobject:
            raise Opaque(f"array of {value.size} {value.dtype}")
        return (t, value.dtype.str, value.shape, value.tobytes())
    if isinstance(value, np.generic):
        return (np.generic, value.dtype.str, value.tobytes())
    kind = _KINDS.get(t)
    if kind is None:
        kind = _kind(t)
        if t.__module__.startswith("lumos."):
            _KINDS[t] = kind
    if kind == _SET:
        return (frozenset, frozenset(_freeze(v, seen) for v in value))
    if kind == _VALUE:
        return (type, value)
    if kind == _REF or id(value) in seen:
        return (id, id(value))
    state = getattr(value, "__dict__", None)
    if state is None or kind == _OPAQUE:
        raise Opaque(t.__name__)
    seen.add(id(value))
    # the names once, then the values: atoms (most attributes: flags, sizes, names) are
    # their own frozen form (no call, no (name, value) pair each)
    return (t, tuple(state),
            *[v if type(v) in _ATOMS else _freeze(v, seen) for v in state.values()])


def cheap_key(ax, frame: bool) -> tuple:
    """What changes from frame to frame when something does (a pan, a resize)."""
    fig = ax.figure
    return (frame, tuple(ax.box), fig.dpi, tuple(fig.canvas.size), rcParams.generation,
            ax.xaxis.get_view_interval(), ax.yaxis.get_view_interval(), drawing_exact())


def state_key(ax):
    """The frozen state of what the decorations read besides ``cheap_key``; None when
    some of it cannot be frozen."""
    spines = ax.spines.items() if hasattr(ax.spines, "items") else ()
    try:
        seen: set = set()
        return (ax.frame_on, ax.role, freeze(ax.xaxis, seen), freeze(ax.yaxis, seen),
                tuple((name, freeze(s, seen)) for name, s in spines))
    except Opaque:
        return None


class Recorder:
    """Stands for an overlay (``slot`` 0) or a decor (1) while a frame draws: forwards
    every call and notes the drawing ones (``line``, ``text``, ...) to replay them."""

    def __init__(self, target, slot: int, calls: list) -> None:
        self._target = target
        self._slot = slot
        self._calls = calls

    def __getattr__(self, name: str):
        attr = getattr(self._target, name)
        if name not in _DRAWING:
            return attr
        calls, slot = self._calls, self._slot

        def noted(*args, **kwargs):
            calls.append((slot, name, args, kwargs))
            return attr(*args, **kwargs)

        return noted


class Entry:
    """What one frame of an axes handed over, and the key it was drawn under."""

    def __init__(self, targets: tuple, cheap: tuple, state, calls: list, records: list,
                 widths: list) -> None:
        # weak: the overlay reaches the canvas and the figure, which must not outlive
        # their axes (the key of _entries)
        self.targets = tuple(weakref.ref(t) for t in targets)
        self.cheap = cheap
        self.state = state
        self.calls = calls
        self.records = records  # the axes' page records, before rectilinear_record
        self.widths = list(widths)  # page_axes.tick_widths
        self.committed = None  # what the decor's last commit of this frame depends on

    def replay(self, targets: tuple, decor: bool = True) -> list:
        """Make the recorded calls again on ``targets`` (the overlay, the decor; with
        ``decor`` False on the overlay only); the page records to use."""
        for slot, name, args, kwargs in self.calls:
            if slot == 0 or decor:
                getattr(targets[slot], name)(*args, **kwargs)
        # rectilinear_record pops keys of each record: hand over copies
        return [dict(r) for r in self.records]

    def note_commit(self, inputs: tuple | None) -> None:
        """The decor committed this frame from ``inputs`` (:func:`commit_inputs`; None:
        with texts of its own, which a kept frame would not draw again)."""
        self.committed = inputs

    def decor_kept(self, inputs: tuple) -> bool:
        """Whether the decor holds what replaying this frame with ``inputs`` would make:
        its last commit was this frame's with the same inputs (its count of commits among
        them: nothing else committed into it since)."""
        return self.committed is not None and self.committed == inputs


def commit_inputs(decor, widths: list, navigable: bool, parts: dict | None) -> tuple:
    """What a decor's commit of a replayed frame depends on besides the frame: its
    count of commits, the tick and arrow widths, whether the axes' view is navigable
    (the record) and the grid visuals (weakly: they reach the axes through their view)."""
    grid = None if parts is None else tuple((k, weakref.ref(v)) for k, v in parts.items())
    return (decor.commits, tuple(widths), navigable, grid)


_entries: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def lookup(ax, targets: tuple, cheap: tuple) -> tuple[Entry | None, list | None]:
    """(the entry to replay for ``ax`` into ``targets`` (the overlay, the decor) under
    ``cheap``, or None: draw it; when drawing, a list to note the frame's calls in, or
    None: the cheap key moved since the last frame (a pan), so that this frame could
    not be replayed: nothing is noted)."""
    entry = _entries.get(ax)
    if entry is None or entry.cheap != cheap:
        return None, None
    if entry.state is not None and state_key(ax) == entry.state and \
            all(r() is t for r, t in zip(entry.targets, targets, strict=True)):
        return entry, None
    return None, []


def store(ax, targets: tuple, cheap: tuple, calls: list | None, records: list,
          widths: list) -> Entry:
    """Note a frame just drawn, with its ``calls`` (None: not noted); its state is
    frozen only then (a frame of a pan costs nothing more)."""
    if calls is None:
        entry = Entry(targets, cheap, None, [], [], widths)
    else:
        entry = Entry(targets, cheap, state_key(ax), calls, [dict(r) for r in records],
                      widths)
    _entries[ax] = entry
    return entry
