"""The canvas of a figure with matplotlib's ``FigureCanvas`` API: event callbacks
(``mpl_connect``), drawing (``draw``, ``draw_idle``, ``flush_events``), timers
(``new_timer``) and what ``matplotlib.animation`` asks of a canvas.

Events use matplotlib's names and objects: ``button_press_event``,
``button_release_event``, ``motion_notify_event``, ``scroll_event``,
``key_press_event``, ``key_release_event``, ``resize_event``, ``draw_event``,
``close_event``, ``pick_event`` (artists with ``picker`` set), ``axes_enter_event``,
``axes_leave_event``, ``figure_enter_event``, ``figure_leave_event``. Positions are
figure pixels from the bottom left (``event.x``, ``event.y``), with ``inaxes``,
``xdata``, ``ydata``, ``button``, ``key``, ``step``, ``dblclick``.

lumos redraws on the GPU and uploads only what changed, so it needs no blitting:
``supports_blit`` is False, and matplotlib's animations then redraw with
``draw_idle`` (the same pictures). ``copy_from_bbox``/``restore_region``/``blit``
serve scripts that blit by hand: the whole figure is redrawn, which shows what their
blitting would (a region restored takes back the animated artists drawn inside its box
only). As in matplotlib, ``animated`` artists are left out of the full draws
(``draw``, ``draw_idle``) and drawn by ``draw_artist`` until the next full draw or
``restore_region``; saved files draw an axes' animated artists (:meth:`FigureCanvas.shows`).
"""

from __future__ import annotations

import contextlib
import itertools
from typing import TYPE_CHECKING

import numpy as np

from ..scene import Canvas
from .callbacks import report_callback_error
from .timers import Timer

if TYPE_CHECKING:
    from .canvas_events import Event

# matplotlib event name -> the lumos events it comes from
_SOURCES = {
    "button_press_event": ("mouse_press", "mouse_double_click"),
    "button_release_event": ("mouse_release",),
    "motion_notify_event": ("mouse_move",),
    "scroll_event": ("wheel",),
    "key_press_event": ("key_press",),
    "key_release_event": ("key_release",),
    "resize_event": ("resize",),
    "close_event": ("close",),
    "figure_enter_event": ("mouse_enter",),
    "figure_leave_event": ("mouse_leave",),
}
# events lumos makes itself (the figure's draw; picking and crossings from the mouse)
_DERIVED = ("draw_event", "pick_event", "axes_enter_event", "axes_leave_event")
EVENT_NAMES = (*_SOURCES, *_DERIVED)


def _event(*args, **kwargs) -> Event:
    """An :class:`~lumos.plot.canvas_events.Event`: its module loads with the first event
    (a figure only saved makes none)."""
    from .canvas_events import Event

    return Event(*args, **kwargs)


def __getattr__(name: str):
    if name in ("Event", "MouseButton"):  # names of this module before they moved
        from . import canvas_events

        return getattr(canvas_events, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class Renderer:
    """What ``fig.canvas.get_renderer()`` (and ``canvas.renderer``) gives: the figure's
    pixels as matplotlib's Agg renderer hands them out, and its sizes. While the figure
    draws ``fig.artists``, the one passed to their ``draw`` has the frame's ``overlay``
    (figure pixels), where a lumos patch's or text's ``draw(renderer)`` paints."""

    # what matplotlib's Artist.draw wrapper reads of a renderer (a script's artist
    # subclassing matplotlib.artist.Artist): lumos does not rasterize in parts
    _raster_depth = 0
    _rasterizing = False

    def __init__(self, canvas: FigureCanvas, overlay=None) -> None:
        self._canvas = canvas
        self.overlay = overlay

    @property
    def figure(self):
        """The figure drawn."""
        return self._canvas.figure

    @property
    def dpi(self) -> float:
        return float(self._canvas.figure.dpi)

    @property
    def width(self) -> int:
        return self._canvas.size[0]

    @property
    def height(self) -> int:
        return self._canvas.size[1]

    def get_canvas_width_height(self) -> tuple[int, int]:
        return self._canvas.size

    def points_to_pixels(self, points):
        """Points to pixels at the figure's dpi."""
        return self._canvas.figure.points_to_pixels(points)

    def buffer_rgba(self) -> memoryview:
        return self._canvas.buffer_rgba()


def frame_overlay(renderer):
    """The frame's overlay (figure pixels) of the renderer the figure passes to the
    ``draw`` of ``fig.artists``; TypeError naming ``renderer`` for anything else."""
    ov = renderer.overlay if isinstance(renderer, Renderer) else None
    if ov is None:
        raise TypeError(f"renderer: got {type(renderer).__name__}, expected the renderer "
                        "lumos passes to the draw() of the artists in fig.artists")
    return ov


class BufferRegion:
    """What ``canvas.copy_from_bbox`` returns (matplotlib's ``BufferRegion``): the box
    copied, whole pixels with rows from the top as Agg's (``get_extents()``), and the
    animated artists drawn when it was copied (``restore_region`` brings them back)."""

    def __init__(self, box: tuple[int, int, int, int], height: int, drawn: dict) -> None:
        self._box = box
        self.height = height  # the canvas' rows when copied
        self.drawn = drawn

    def get_extents(self) -> tuple[int, int, int, int]:
        """``(x0, y0, x1, y1)``: columns and rows (from the top) of the box copied."""
        return self._box


def _extents(value, name: str, n: int = 4) -> tuple:
    """A Bbox's extents or ``n`` finite numbers, else a TypeError naming ``name``."""
    raw = value.extents if hasattr(value, "extents") else value
    try:
        out = tuple(float(v) for v in raw)
    except (TypeError, ValueError):
        out = ()
    if len(out) != n or not all(np.isfinite(out)):
        want = "a Bbox or (x0, y0, x1, y1)" if n == 4 else "(x, y)"
        raise TypeError(f"{name}: got {value!r}, expected {want} in pixels")
    return out


def _overlaps(a, b) -> bool:
    """Whether boxes (x0, y0, x1, y1) share some area."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


class FigureManager:
    """``fig.canvas.manager`` of a pyplot figure: its number and window title."""

    def __init__(self, canvas: FigureCanvas, num) -> None:
        self.canvas = canvas
        self.num = num
        self._title: str | None = None
        # matplotlib's default key handler's id: disconnecting it turns the front-end's
        # own keys off (pong's script takes every key for itself)
        self.key_press_handler_id = canvas.mpl_connect("key_press_event",
                                                       canvas.key_press_handler)

    def get_window_title(self) -> str:
        return self._title if self._title is not None else f"Figure {self.num}"

    def set_window_title(self, title: str) -> None:
        """The title of the figure's window (now, if one is open; else when shown)."""
        if not isinstance(title, str):
            raise TypeError(f"title: got {type(title).__name__}, expected str")
        self._title = title
        host = self.canvas.host
        if host is not None and hasattr(host, "set_title"):
            host.set_title(title)

    def show(self) -> None:
        self.canvas.figure.show(block=False)

    def resize(self, w: int, h: int) -> None:
        """Make the figure ``w`` × ``h`` pixels (at its dpi)."""
        fig = self.canvas.figure
        fig.set_size_inches(w / fig.dpi, h / fig.dpi)


class CanvasCallbacks:
    """``fig.canvas.callbacks``: matplotlib's registry of the canvas' events, over
    ``mpl_connect``; ``process(s, event)`` calls the functions connected to ``s`` (as
    matplotlib's ``event._process()`` does with events made by hand)."""

    def __init__(self, canvas: FigureCanvas) -> None:
        self._canvas = canvas

    def connect(self, s: str, func) -> int:
        """``canvas.mpl_connect(s, func)``."""
        return self._canvas.mpl_connect(s, func)

    def disconnect(self, cid: int) -> None:
        """``canvas.mpl_disconnect(cid)``."""
        self._canvas.mpl_disconnect(cid)

    def process(self, s: str, *args, **kwargs) -> None:
        """Call every function connected to ``s`` with ``args``."""
        for func in self._canvas.callbacks_for(s):
            func(*args, **kwargs)


class LockDraw:
    """``fig.canvas.widgetlock``: which widget may draw on the canvas now (matplotlib's
    widgets take it while one of them drags, as its ``LockDraw``)."""

    def __init__(self) -> None:
        self._owner = None

    def __call__(self, o) -> None:
        """Reserve the lock for ``o``."""
        if not self.available(o):
            raise ValueError("already locked")
        self._owner = o

    def release(self, o) -> None:
        """Release ``o``'s lock."""
        if not self.available(o):
            raise ValueError("you do not own this lock")
        self._owner = None

    def available(self, o) -> bool:
        """Whether ``o`` may draw (nobody holds the lock, or ``o`` does)."""
        return not self.locked() or self.isowner(o)

    def isowner(self, o) -> bool:
        """Whether ``o`` holds the lock."""
        return self._owner is o

    def locked(self) -> bool:
        """Whether somebody holds the lock."""
        return self._owner is not None


class FigureCanvas(Canvas):
    """A figure's canvas (``fig.canvas``): a lumos :class:`~lumos.scene.Canvas` with
    matplotlib's ``FigureCanvas`` methods."""

    supports_blit = False

    def __init__(self, figure, **kwargs) -> None:
        super().__init__(**kwargs)
        self.figure = figure
        self._cids = itertools.count(1)
        self._connections: dict[int, tuple[str, object, list]] = {}
        self._is_saving = False
        self._idle_drawing = False
        self._looping = False  # start_event_loop runs
        self._inaxes = None  # the axes under the mouse (enter/leave events)
        self._crossing_hooked = False
        self.manager = None
        self.mouse_grabber = None  # the axes every mouse event names (grab_mouse)
        self.callbacks = CanvasCallbacks(self)
        self.widgetlock = LockDraw()
        # the animated artists drawn by draw_artist since the last full draw (by id:
        # some artists compare by value)
        self._blitted: dict[int, object] = {}
        self._grabbers: list = []  # the draggables (press_regions)

    # -- callbacks ---------------------------------------------------------------------
    def mpl_connect(self, s: str, func) -> int:
        """Call ``func(event)`` on the matplotlib event ``s``; returns an id for
        ``mpl_disconnect``."""
        if s not in EVENT_NAMES:
            raise ValueError(f"s: got {s!r}, expected one of {', '.join(EVENT_NAMES)}")
        if not callable(func):
            raise TypeError(f"func: got {type(func).__name__}, expected a callable")
        cid = next(self._cids)
        hooks = []
        # matplotlib's figure picks on a button press and on a scroll
        sources = _SOURCES.get(s, ("mouse_press", "wheel") if s == "pick_event" else ())
        for source in sources:
            hook = self._hook(s, func)
            # matplotlib's rule for its callbacks: raised in a plain script, logged
            # while a front-end's loop dispatches (callbacks.report_callback_error)
            self.events.on(source, hook,
                           report=lambda _name, _cb, s=s, f=func: report_callback_error(
                               f"{s!r} callback", f))
            hooks.append((source, hook))
        if s in ("axes_enter_event", "axes_leave_event") and not self._crossing_hooked:
            self.events.on("mouse_move", self._crossings,  # one hook for every callback
                           report=lambda _name, cb: report_callback_error(
                               "axes_enter/leave_event callback", cb))
            self._crossing_hooked = True
        self._connections[cid] = (s, func, hooks)
        return cid

    def _hook(self, s: str, func):
        def hook(ev):
            for event in self._translate(s, ev):
                func(event)

        return hook

    def mpl_disconnect(self, cid: int) -> None:
        """Remove the callback ``cid`` (unknown ids are ignored, as matplotlib does)."""
        entry = self._connections.pop(cid, None)
        if entry is None:
            return
        for source, hook in entry[2]:
            self.events.off(source, hook)

    def add_grabber(self, grabber) -> None:
        """``grabber`` (a draggable: ``grabber.region()`` gives its box in figure pixels,
        or None while it takes no press) takes the presses on it from now on."""
        self._grabbers.append(grabber)

    def remove_grabber(self, grabber) -> None:
        """``grabber`` takes no press any more (a draggable disconnected)."""
        if grabber in self._grabbers:
            self._grabbers.remove(grabber)

    def press_regions(self) -> list[tuple[float, float, float, float]]:
        """The boxes of the draggables (a legend's, an annotation's), logical pixels
        from the top left: a press there drags them, and a page that moves cameras
        itself pans nothing."""
        h = self.size[1]
        out = []
        for grabber in self._grabbers:
            box = grabber.region()
            if box is not None:
                out.append((float(box.x0), h - float(box.y1), float(box.width),
                            float(box.height)))
        return out

    def key_press_handler(self, event) -> None:
        """matplotlib's default key handler (``manager.key_press_handler_id``): while it
        is connected, the front-ends apply their own keys (r/home reset the views) after
        the callbacks; the keys are theirs, this records nothing."""

    @property
    def key_bindings(self) -> bool:
        """Whether the front-ends' own keys act: the default key handler of a pyplot
        figure is still connected (a figure with no manager keeps them)."""
        if self.manager is None:
            return True
        return self.manager.key_press_handler_id in self._connections

    def callbacks_for(self, s: str) -> list:
        """The functions connected to the matplotlib event ``s``."""
        return [func for name, func, _ in self._connections.values() if name == s]

    def inaxes(self, xy):
        """The topmost axes under figure pixel ``xy`` (from the bottom left), or None."""
        view = self.figure.view_at(float(xy[0]), self.size[1] - float(xy[1]))
        return None if view is None else self.figure.axes_of(view)

    def grab_mouse(self, ax) -> None:
        """Mouse events name ``ax`` (``inaxes``, data coordinates in it) wherever the
        mouse is, until ``release_mouse(ax)``."""
        if self.mouse_grabber not in (None, ax):
            raise RuntimeError("Another Axes already grabs mouse input")
        self.mouse_grabber = ax

    def release_mouse(self, ax) -> None:
        """Stop ``ax``'s grab (another axes' grab stays)."""
        if self.mouse_grabber is ax:
            self.mouse_grabber = None

    def _mouse(self, name: str, ev) -> Event:
        from .canvas_events import Event, mouse_button, mpl_key

        h = self.size[1]
        button = ev.button
        if name == "scroll_event":
            button = "up" if ev.step > 0 else "down"
        elif button is not None:
            button = mouse_button(button) if button in (1, 2, 3, 8, 9) else button
        x = None if ev.x is None else float(ev.x)
        y = None if ev.y is None else float(h - ev.y)
        inaxes, xdata, ydata = ev.inaxes, ev.xdata, ev.ydata
        if self.mouse_grabber is not None and x is not None:
            inaxes = self.mouse_grabber
            xdata, ydata = inaxes.data_at(x, y)
        # matplotlib's LocationEvent: whole pixels (truncated), the data coordinates and
        # the axes found from the pointer's own position
        x, y = (None, None) if x is None else (int(x), int(y))
        return Event(name, self, x=x, y=y, inaxes=inaxes, xdata=xdata, ydata=ydata,
                     button=button,
                     key=mpl_key(ev.key, ev.modifiers) if ev.key else None,
                     step=float(ev.step), dblclick=ev.name == "mouse_double_click",
                     modifiers=ev.modifiers, guiEvent=ev)

    def _translate(self, s: str, ev) -> list:
        """The matplotlib events a lumos event makes for ``s``."""
        if s in ("button_press_event", "button_release_event", "motion_notify_event",
                 "scroll_event"):
            return [self._mouse(s, ev)]
        if s in ("key_press_event", "key_release_event", "figure_enter_event",
                 "figure_leave_event"):
            out = self._mouse(s, ev)
            out.button = None
            return [out]
        if s == "resize_event":
            w, h = ev.size if ev.size is not None else self.size
            return [_event(s, self, width=int(w), height=int(h))]
        if s == "close_event":
            return [_event(s, self)]
        return self._picks(ev)

    def _picks(self, ev) -> list:
        """A pick_event for each artist with a ``picker`` the click hit (matplotlib's
        ``Figure.pick``): a callable picker decides, else the artist's ``pick_hit``
        (a line: within its ``pickradius``), else the GPU's pick of the artist under
        the click within its tolerance (points; True: 5)."""
        if ev.x is None:
            return []
        fig = self.figure
        candidates = [a for ax in fig.axes_list for a in ax.pick_candidates()]
        candidates += [*fig.texts, *(m for legend in fig.legends for m in legend.pick_members())]
        pickable = [a for a in candidates if a.pickable()]
        if not pickable:
            return []
        mouse = self._mouse("scroll_event" if ev.name == "wheel" else "button_press_event", ev)
        gpu = []  # the GPU's hit, looked for once, for the artists with no contains

        def under_cursor():
            if not gpu:
                tolerance = max(a.pick_tolerance() for a in pickable)
                radius = max(1, round(self.figure.points_to_pixels(tolerance)
                                      * self.pixel_ratio))
                gpu.append(self.figure.pick(ev.x, ev.y, radius=radius))
            return gpu[0]

        out = []
        for artist in pickable:
            picker = artist.get_picker()
            hit = None if callable(picker) else artist.pick_hit(mouse)
            if callable(picker):
                found, props = picker(artist, mouse)
            elif hit is not None:
                found, props = hit
            else:
                hit = under_cursor()
                found = hit is not None and hit[0] is artist
                props = {"ind": [int(hit[1])]} if found else {}
            if not found:
                continue
            event = _event("pick_event", self, x=mouse.x, y=mouse.y, inaxes=mouse.inaxes,
                           xdata=mouse.xdata, ydata=mouse.ydata, button=mouse.button,
                           artist=artist, mouseevent=mouse)
            for key, value in props.items():
                setattr(event, key, value)
            out.append(event)
        return out

    def _crossings(self, ev) -> None:
        """axes_leave_event then axes_enter_event when a move crosses into other axes."""
        before, now = self._inaxes, ev.inaxes
        self._inaxes = now
        if before is now:
            return
        mouse = self._mouse("motion_notify_event", ev)
        if before is not None:
            # the data coordinates of the pointer in the axes it left (matplotlib's
            # _set_inaxes), outside its limits
            xdata, ydata = (None, None) if mouse.x is None else before.data_at(mouse.x,
                                                                               mouse.y)
            for func in self.callbacks_for("axes_leave_event"):
                func(_event("axes_leave_event", self, x=mouse.x, y=mouse.y, inaxes=before,
                            xdata=xdata, ydata=ydata))
        if now is not None:
            for func in self.callbacks_for("axes_enter_event"):
                func(_event("axes_enter_event", self, x=mouse.x, y=mouse.y, inaxes=now,
                            xdata=mouse.xdata, ydata=mouse.ydata))

    def emit_draw(self) -> None:
        """Tell ``draw_event`` callbacks the figure was drawn."""
        for func in self.callbacks_for("draw_event"):
            func(_event("draw_event", self))

    # -- drawing -----------------------------------------------------------------------
    def shows(self, artist, in_axes: bool = True) -> bool:
        """Whether the figure's draws draw ``artist`` now, matplotlib's rule for
        ``animated`` artists: they are left out of the canvas' draws until
        ``draw_artist`` draws them (blitting), and drawn in saved files and movies when
        they are an axes' (``in_axes``; a figure's own never are)."""
        if not artist.get_animated():
            return True
        return id(artist) in self._blitted or (in_axes and self._is_saving)

    def mark_drawn(self, artist) -> None:
        """``draw_artist``: ``artist`` is drawn (animated or not) until the next full
        draw or ``restore_region``; the front-ends show it at ``blit``."""
        self._blitted[id(artist)] = artist

    def draw(self) -> None:
        """Lay out and bring the figure up to date; a window shows it at its next frame.
        A full draw: the animated artists blitted so far are left out again."""
        self._blitted.clear()
        self.figure.draw()
        self.request_draw()

    def draw_idle(self) -> None:
        """Redraw soon: a window at its next frame; headless, now (as matplotlib's
        non-interactive canvases do). A full draw, as :meth:`draw`."""
        self._blitted.clear()
        if self.shown:
            self.request_draw()
            return
        if self._idle_drawing:
            return
        self._idle_drawing = True
        try:
            self.figure.draw()
        finally:
            self._idle_drawing = False

    def flush_events(self) -> None:
        """Let a window handle what is pending (and draw); run due timers."""
        from .timers import run_due

        if self.shown:
            self.request_draw()
        run_due()

    def start_event_loop(self, timeout: float = 0) -> None:
        """Run timers (and a shown window's events) for ``timeout`` seconds, or until
        ``stop_event_loop`` (a callback's) ends it sooner; ``timeout <= 0``: until then,
        as matplotlib's. A loop nothing could end (``timeout <= 0``, no window, no
        started timer) raises RuntimeError, where matplotlib's Agg would wait forever."""
        import time

        from .frontends import process_events
        from .timers import next_due_in, run_due

        deadline = time.monotonic() + timeout if timeout > 0 else None
        self._looping = True
        while self._looping:
            left = 0.05 if deadline is None else min(0.05, deadline - time.monotonic())
            if left <= 0:
                break
            if self.shown and process_events(left):
                continue
            if deadline is None and next_due_in() is None:
                self._looping = False
                raise RuntimeError("start_event_loop: no window and no started timer can "
                                   "make the event this loop waits for (timeout <= 0: it "
                                   "would wait forever); show the figure or give a timeout")
            run_due()  # one round, then the stop flag is looked at again
            due = next_due_in()
            if self._looping:
                time.sleep(left if due is None else min(left, max(due, 0.001)))
        self._looping = False

    def stop_event_loop(self) -> None:
        """End the loop ``start_event_loop`` runs (from a callback)."""
        self._looping = False

    def new_timer(self, interval: float | None = None, callbacks=None) -> Timer:
        """A :class:`~lumos.plot.timers.Timer` (``interval`` ms, ``callbacks`` a list of
        ``(func, args, kwargs)``) that front-end loops run once started."""
        return Timer(interval=interval, callbacks=callbacks)

    @contextlib.contextmanager
    def saving(self):
        """While a movie is written: the figure's draws start no animation."""
        before, self._is_saving = self._is_saving, True
        try:
            yield
        finally:
            self._is_saving = before

    def is_saving(self) -> bool:
        """Whether a movie writer is saving the figure (animations do not start then)."""
        return self._is_saving

    def get_supported_filetypes(self) -> dict[str, str]:
        """The formats ``savefig`` writes, with a description of each."""
        return {"png": "Portable Network Graphics", "svg": "Scalable Vector Graphics",
                "pdf": "Portable Document Format", "ps": "Postscript",
                "eps": "Encapsulated Postscript", "html": "Standalone WebGL2 page",
                "rgba": "Raw RGBA bitmap", "raw": "Raw RGBA bitmap"}

    def get_default_filetype(self) -> str:
        from .style import rcParams

        return str(rcParams["savefig.format"])

    def get_width_height(self, *, physical: bool = False) -> tuple[int, int]:
        """The figure's size in pixels (``physical``: times the pixel ratio)."""
        return self.physical_size if physical else self.size

    @property
    def device_pixel_ratio(self) -> float:
        return self.pixel_ratio

    # -- the pixels, as matplotlib's Agg canvas gives them ------------------------------
    def buffer_rgba(self) -> memoryview:
        """The figure as drawn now: (height, width, 4) uint8 RGBA at the figure's dpi."""
        return memoryview(np.ascontiguousarray(self.figure.render()))

    def tostring_rgb(self) -> bytes:
        """The pixels as RGB bytes, row by row from the top."""
        return np.ascontiguousarray(self.figure.render()[..., :3]).tobytes()

    def tostring_argb(self) -> bytes:
        """The pixels as ARGB bytes, row by row from the top."""
        return np.ascontiguousarray(np.roll(self.figure.render(), 1, axis=2)).tobytes()

    def print_to_buffer(self) -> tuple[bytes, tuple[int, int]]:
        """``(RGBA bytes, (width, height))``."""
        image = self.figure.render()
        return np.ascontiguousarray(image).tobytes(), (image.shape[1], image.shape[0])

    def get_renderer(self) -> Renderer:
        return Renderer(self)

    @property
    def renderer(self) -> Renderer:
        return Renderer(self)

    # -- blitting by hand --------------------------------------------------------------
    def copy_from_bbox(self, bbox) -> BufferRegion:
        """matplotlib's ``copy_from_bbox``: a :class:`BufferRegion` of ``bbox`` (a Bbox
        or ``(x0, y0, x1, y1)`` in figure pixels; None: the whole figure) holding the
        animated artists drawn now; lumos keeps what the picture shows, not pixels."""
        w, h = self.size
        x0, y0, x1, y1 = (0.0, 0.0, float(w), float(h)) if bbox is None else \
            _extents(bbox, "bbox")
        # Agg's rows: whole pixels, counted from the top
        box = (int(x0), h - int(y1), int(x1), h - int(y0))
        return BufferRegion(box, h, dict(self._blitted))

    def restore_region(self, region, bbox=None, xy=None) -> None:
        """matplotlib's ``restore_region``: the picture inside the region's box (or the
        part ``bbox`` of it, in the coordinates of ``region.get_extents()``) goes back
        to what it was at ``copy_from_bbox``: animated artists ``draw_artist`` drew
        since that fall there are left out again, those drawn then come back, those
        elsewhere stay. ``xy`` is where the region's corner goes (Agg's rule; None:
        ``bbox``'s corner); a restore that moves pixels is refused by TypeError, since
        lumos redraws the figure rather than copying pixels."""
        if not isinstance(region, BufferRegion):
            raise TypeError(f"region: got {type(region).__name__}, expected what "
                            "copy_from_bbox returned")
        rx0, ry0, rx1, ry1 = region.get_extents()
        bx0, by0, bx1, by1 = (rx0, ry0, rx1, ry1) if bbox is None else \
            (int(v) for v in _extents(bbox, "bbox"))
        ox, oy = (bx0, by0) if xy is None else (int(v) for v in _extents(xy, "xy", 2))
        if (ox, oy) != (rx0, ry0):  # Agg puts the part at (bx0 - rx0 + ox, ...)
            raise TypeError(f"restore_region: bbox={bbox!r}, xy={xy!r} move the restored "
                            f"pixels by ({ox - rx0}, {oy - ry0}); lumos redraws the figure "
                            "rather than copying pixels, so it restores a region in place "
                            f"only (xy=({rx0}, {ry0}), the region's corner)")
        # the part restored, figure pixels from the bottom (Agg's rows from the top)
        top = region.height
        part = (max(bx0, rx0), top - min(by1, ry1), min(bx1, rx1), top - max(by0, ry0))
        kept = {k: a for k, a in self._blitted.items()
                if not _overlaps(self._drawn_box(a), part)}
        back = {k: a for k, a in region.drawn.items() if _overlaps(self._drawn_box(a), part)}
        self._blitted = {**kept, **back}

    def _drawn_box(self, artist) -> tuple[float, float, float, float]:
        """Where an animated artist draws, figure pixels (x0, y0, x1, y1): its window
        extent where it has one, else its axes' box when it is clipped to it, else the
        whole figure."""
        extent = getattr(artist, "get_window_extent", None)
        if extent is not None:
            return tuple(extent().extents)
        axes = getattr(artist, "axes", None)
        clipped = getattr(artist, "get_clip_on", lambda: True)()
        if axes is not None and clipped and hasattr(axes, "bbox"):
            return tuple(axes.bbox.extents)
        w, h = self.size
        return 0.0, 0.0, float(w), float(h)

    def blit(self, bbox=None) -> None:
        """Show the figure with the artists ``draw_artist`` drew (a window at its next
        frame; headless, the next render draws them)."""
        if self.shown:
            self.request_draw()
