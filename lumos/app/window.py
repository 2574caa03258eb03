"""A native window through GLFW (the ``glfw`` wheel): ``Window(fig).show()``.

The window's OpenGL 3.3 core context is adopted by moderngl and the frame is drawn by
``ModernGLExecutor`` straight into the default framebuffer. Mouse and keyboard move
cameras only (uniforms, see ``lumos.app.interaction``); a figure's axes limits follow,
so its ticks are recomputed for the next frame. Frames are drawn when something
changed, at most once per screen refresh (vsync).

Headless rendering (``savefig``, ``Canvas.render``) uses lumos's own EGL context, current
only inside lumos's calls. A window's context is current only for the window's own work
(``Window.current``); whatever the thread had current before comes back after it
(``lumos.gpu.context.released``), as docs/threading.md says.
"""

from __future__ import annotations

import os
import sys
import time
from contextlib import contextmanager

from ..plot.callbacks import front_end_loop
from ..plot.frontends import FrontEnd, register_frontend
from .interaction import Interaction, as_scene

NO_DISPLAY = (
    "lumos: no display to open a window on (neither DISPLAY nor WAYLAND_DISPLAY is set). "
    "Save the figure instead (fig.savefig('figure.png') or fig.savefig('figure.html') for "
    "an interactive page), or use a Jupyter notebook, where the figure shows inline."
)
NO_GLFW = (
    "lumos: windows need the glfw package: pip install glfw (on Linux also an X11 or "
    "Wayland session)."
)

_windows: list[Window] = []
_glfw_ready = False
DOUBLE_CLICK_S = 0.4


def has_display() -> bool:
    """Whether a window can be opened (an X11/Wayland session, or macOS/Windows)."""
    if sys.platform.startswith(("win", "darwin")):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _glfw():
    global _glfw_ready
    if not has_display():
        raise RuntimeError(NO_DISPLAY)
    try:
        import glfw
    except ImportError as exc:
        raise RuntimeError(NO_GLFW) from exc
    if not _glfw_ready:
        from ..gpu.context import released

        with released():
            if not glfw.init():
                raise RuntimeError(f"lumos: GLFW could not initialize: {glfw.get_error()}. "
                                   + NO_DISPLAY)
        _glfw_ready = True
    return glfw


class Window:
    """A GLFW window showing a Figure or a Canvas.

    >>> win = Window(fig)            # opens it (non-blocking)
    >>> win.show()                   # runs the event loop until the window closes

    ``size`` is in logical pixels (default: the figure's size); ``vsync`` waits for
    the screen refresh; ``visible=False`` makes a hidden window (tests, benchmarks).
    ``samples`` is the most samples per pixel a frame gets: frames whose visuals need
    multisampling (triangles: 3D) are drawn multisampled offscreen and resolved into
    the window, the others straight into it (``lumos.app.present``).
    """

    def __init__(self, target, title: str | None = None, size=None, vsync: bool = True,
                 visible: bool = True, samples: int = 4) -> None:
        glfw = _glfw()
        self.glfw = glfw
        self.scene = as_scene(target)
        self.canvas = self.scene.canvas
        self.interaction = Interaction(self.scene, self.request_draw)
        w, h = size if size is not None else self.scene.preferred_size()
        if title is None:
            title = self.scene.window_title()
        for hint, value in ((glfw.CONTEXT_VERSION_MAJOR, 3), (glfw.CONTEXT_VERSION_MINOR, 3),
                            (glfw.OPENGL_PROFILE, glfw.OPENGL_CORE_PROFILE),
                            (glfw.OPENGL_FORWARD_COMPAT, True), (glfw.VISIBLE, bool(visible)),
                            (glfw.SAMPLES, 0),  # multisampled offscreen, when needed
                            (glfw.SCALE_TO_MONITOR, True)):
            glfw.window_hint(hint, value)
        from ..gpu.context import released

        with released():
            win = glfw.create_window(int(w), int(h), str(title), None, None)
        glfw.default_window_hints()
        if not win:
            raise RuntimeError(f"lumos: GLFW could not open an OpenGL 3.3 window: "
                               f"{glfw.get_error()}")
        self._win = win
        # the window's and its framebuffer's sizes, kept from GLFW's size callbacks: on
        # X11 each query is a round trip to the server, which a frame would wait for
        self._sizes = [glfw.get_window_size(win), glfw.get_framebuffer_size(win)]
        self._depth = 0
        self._screen_fbo = None
        self.closed = False
        self._dirty = True
        self._buttons: dict[int, int] = {}
        self._last_click = (0.0, None, None)
        self.frame_times: list[float] = []  # seconds per drawn frame, for benchmarks
        with self.current():
            from ..gpu.context import adopt_current_context
            from .present import Presenter

            self.ctx = adopt_current_context()
            self.presenter = Presenter(self.ctx, samples)
            self.executor = self.presenter.executor
            glfw.swap_interval(1 if vsync else 0)
        self._install_callbacks()
        self.canvas.attach_host(self)
        _windows.append(self)

    # -- context -------------------------------------------------------------------
    @contextmanager
    def current(self):
        """Make this window's context current for the block (re-entrant)."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        from ..gpu.context import released

        with released():
            self.glfw.make_context_current(self._win)
            self._depth = 1
            try:
                yield
            finally:
                self._depth = 0
                self.glfw.make_context_current(None)

    # -- sizes ---------------------------------------------------------------------
    @property
    def size(self) -> tuple[int, int]:
        """Logical size (screen coordinates), as GLFW last reported it."""
        return self._sizes[0]

    @property
    def framebuffer_size(self) -> tuple[int, int]:
        """Size of the window's framebuffer in pixels, as GLFW last reported it."""
        return self._sizes[1]

    @property
    def pixel_ratio(self) -> float:
        w, _ = self.size
        fw, _ = self.framebuffer_size
        return fw / w if w else 1.0

    # -- drawing -------------------------------------------------------------------
    def request_draw(self) -> None:
        """Draw at the next turn of the event loop (once, however often asked)."""
        self._dirty = True
        if _glfw_ready:
            self.glfw.post_empty_event()

    def draw(self, swap: bool = True):
        """Draw one frame now; returns the frame description (or None if minimized)."""
        if self.closed:
            return None
        w, h = self.size
        fw, fh = self.framebuffer_size
        if w <= 0 or h <= 0 or fw <= 0 or fh <= 0:
            return None
        t0 = time.perf_counter()
        with self.current():
            self.scene.resize(w, h, fw / w)
            frame, _ = self.presenter.draw_scene(self.scene, self._screen((fw, fh)))
            self.executor.release_unused(self.canvas.in_use(frame, self.executor))
            if swap:
                self.glfw.swap_buffers(self._win)
            else:
                self.ctx.finish()
        self._dirty = False
        dt = time.perf_counter() - t0
        self.frame_times.append(dt)
        del self.frame_times[:-1000]
        self.interaction.drew(dt)
        return frame

    def _screen(self, size: tuple[int, int]):
        """The window's framebuffer as moderngl sees it, of ``size`` pixels: detected
        once per size (detecting asks GL for its state, each frame otherwise)."""
        screen = self._screen_fbo
        if screen is None or screen.size != size:
            self.ctx.viewport = (0, 0, *size)  # moderngl sizes the default framebuffer so
            screen = self._screen_fbo = self.ctx.detect_framebuffer(0)
        return screen

    def grab(self):
        """Draw a frame and read the window's pixels back: (h, w, 4) uint8, top row
        first (the back buffer, before it is shown)."""
        import numpy as np

        frame = self.draw(swap=False)
        if frame is None:
            return None
        fw, fh = frame.size
        with self.current():
            screen = self._screen((fw, fh))
            raw = screen.read(viewport=(0, 0, fw, fh), components=4, alignment=1)
            self.glfw.swap_buffers(self._win)
        return np.frombuffer(raw, np.uint8).reshape(fh, fw, 4)[::-1].copy()

    def pick_executor(self):
        return self.executor

    # -- input ---------------------------------------------------------------------
    def _install_callbacks(self) -> None:
        g, win = self.glfw, self._win
        g.set_cursor_pos_callback(win, lambda _w, x, y: self._on_move(x, y))
        g.set_cursor_enter_callback(win, lambda _w, entered: self._on_enter(entered))
        g.set_mouse_button_callback(win, lambda _w, b, a, m: self._on_button(b, a, m))
        g.set_scroll_callback(win, lambda _w, dx, dy: self._on_scroll(dx, dy))
        g.set_key_callback(win, lambda _w, k, s, a, m: self._on_key(k, s, a, m))
        g.set_window_size_callback(win, lambda _w, w, h: self._on_resize(w, h))
        g.set_framebuffer_size_callback(win, lambda _w, w, h: self._on_framebuffer(w, h))
        g.set_window_refresh_callback(win, lambda _w: self.request_draw())

    def _modifiers(self, mods: int) -> frozenset:
        g = self.glfw
        names = ((g.MOD_SHIFT, "shift"), (g.MOD_CONTROL, "ctrl"), (g.MOD_ALT, "alt"),
                 (g.MOD_SUPER, "meta"))
        return frozenset(n for bit, n in names if mods & bit)

    def _cursor(self) -> tuple[float, float]:
        return self.glfw.get_cursor_pos(self._win)

    def _on_enter(self, entered: int) -> None:
        if entered:
            self.interaction.enter(*self.glfw.get_cursor_pos(self._win))
        else:
            self.interaction.leave()

    def _on_move(self, x: float, y: float) -> None:
        mods = 0
        g = self.glfw
        for key, bit in ((g.KEY_LEFT_SHIFT, g.MOD_SHIFT), (g.KEY_RIGHT_SHIFT, g.MOD_SHIFT),
                         (g.KEY_LEFT_CONTROL, g.MOD_CONTROL),
                         (g.KEY_RIGHT_CONTROL, g.MOD_CONTROL)):
            if g.get_key(self._win, key) == g.PRESS:
                mods |= bit
        self.interaction.move(x, y, self._modifiers(mods))

    def _on_button(self, button: int, action: int, mods: int) -> None:
        g = self.glfw
        b = {g.MOUSE_BUTTON_LEFT: 1, g.MOUSE_BUTTON_MIDDLE: 2, g.MOUSE_BUTTON_RIGHT: 3}.get(button)
        if b is None:
            return
        x, y = self._cursor()
        if action == g.PRESS:
            t, bx, by = self._last_click
            now = time.monotonic()
            if b == 1 and bx is not None and now - t < DOUBLE_CLICK_S \
                    and abs(x - bx) < 4 and abs(y - by) < 4:
                self._last_click = (0.0, None, None)
                self.interaction.double_click(x, y, b)
                return
            if b == 1:
                self._last_click = (now, x, y)
            self.interaction.press(x, y, b, self._modifiers(mods))
        elif action == g.RELEASE:
            self.interaction.release(x, y, b, self._modifiers(mods))

    def _on_scroll(self, dx: float, dy: float) -> None:
        x, y = self._cursor()
        g = self.glfw
        mods = 0
        if g.get_key(self._win, g.KEY_LEFT_SHIFT) == g.PRESS \
                or g.get_key(self._win, g.KEY_RIGHT_SHIFT) == g.PRESS:
            mods |= g.MOD_SHIFT
        if g.get_key(self._win, g.KEY_LEFT_CONTROL) == g.PRESS \
                or g.get_key(self._win, g.KEY_RIGHT_CONTROL) == g.PRESS:
            mods |= g.MOD_CONTROL
        self.interaction.wheel(x, y, dy or dx, self._modifiers(mods))

    def _on_key(self, key: int, scancode: int, action: int, mods: int) -> None:
        g = self.glfw
        if key == g.KEY_ESCAPE and action == g.PRESS and os.environ.get("LUMOS_ESC_CLOSES"):
            g.set_window_should_close(self._win, True)
            return
        name = _KEY_NAMES.get(key) or (chr(key).lower() if 32 <= key < 127 else None)
        if name is None:
            return
        if action == g.RELEASE:  # matplotlib's key_release_event
            self.interaction.key_release(name, self._modifiers(mods))
        else:  # PRESS and REPEAT (matplotlib repeats key_press_event too)
            self.interaction.key(name, self._modifiers(mods))

    def _on_resize(self, w: int, h: int) -> None:
        self._sizes[0] = (w, h)
        self.interaction.resize(w, h)

    def _on_framebuffer(self, w: int, h: int) -> None:
        self._sizes[1] = (w, h)
        self.request_draw()

    # -- life ----------------------------------------------------------------------
    @property
    def should_close(self) -> bool:
        return self.closed or bool(self.glfw.window_should_close(self._win))

    def set_title(self, title: str) -> None:
        """The window's title bar text."""
        if not self.closed:
            self.glfw.set_window_title(self._win, str(title))

    def show(self, block: bool = True) -> None:
        """Draw, then run the event loop until every window is closed (``block``)."""
        self.glfw.show_window(self._win)
        self.draw()
        if block:
            run()

    def close(self) -> None:
        """Close the window and release its GPU objects (idempotent)."""
        if self.closed:
            return
        self.interaction.close()
        with self.current():
            self.canvas.detach_host(self)
            from ..gpu.frame import Frame

            self.executor.release_unused(Frame(size=(1, 1)))
            self.presenter.release()
        self.closed = True
        from ..gpu.context import released

        with released():
            self.glfw.destroy_window(self._win)
        self._win = None
        self.executor = None
        self.presenter = None
        self._screen_fbo = None
        self.ctx = None
        if self in _windows:
            _windows.remove(self)


def _key_names() -> dict[int, str]:
    try:
        import glfw as g
    except ImportError:
        return {}
    return {g.KEY_LEFT: "left", g.KEY_RIGHT: "right", g.KEY_UP: "up", g.KEY_DOWN: "down",
            g.KEY_HOME: "home", g.KEY_ESCAPE: "escape", g.KEY_ENTER: "enter",
            g.KEY_SPACE: "space", g.KEY_BACKSPACE: "backspace", g.KEY_DELETE: "delete",
            g.KEY_TAB: "tab", g.KEY_PAGE_UP: "pageup", g.KEY_PAGE_DOWN: "pagedown",
            g.KEY_END: "end",
            # the modifier keys alone, as matplotlib names them (a selector's state keys)
            g.KEY_LEFT_SHIFT: "shift", g.KEY_RIGHT_SHIFT: "shift",
            g.KEY_LEFT_CONTROL: "control", g.KEY_RIGHT_CONTROL: "control",
            g.KEY_LEFT_ALT: "alt", g.KEY_RIGHT_ALT: "alt",
            g.KEY_LEFT_SUPER: "super", g.KEY_RIGHT_SUPER: "super"}


class _LazyKeys(dict):
    def get(self, key, default=None):
        if not self:
            self.update(_key_names())
        return super().get(key, default)


_KEY_NAMES = _LazyKeys()


# -- the event loop ----------------------------------------------------------------
def process_events(timeout: float = 0.0) -> None:
    """Handle pending input (waiting up to ``timeout`` s for some, less when a timer is
    due sooner), run the due timers (``fig.canvas.new_timer``, animations), then draw
    the windows that changed and close the ones asked to close. Callback errors in
    there are logged and the loop goes on (``front_end_loop``)."""
    with front_end_loop():
        _dispatch(timeout)


def _dispatch(timeout: float) -> None:
    from ..plot import timers

    if not _glfw_ready:
        timers.run_due()
        return
    import glfw

    due = timers.next_due_in()
    if due is not None:
        timeout = min(timeout, due)
    if timeout > 0 and not any(w._dirty for w in _windows):
        glfw.wait_events_timeout(timeout)
    else:
        glfw.poll_events()
    timers.run_due()
    for w in list(_windows):
        if w.should_close:
            w.close()
        elif w._dirty:
            w.draw()


def run() -> None:
    """Block until every window is closed."""
    while _windows:
        process_events(0.1)


def pause(interval: float) -> None:
    """Run the windows for ``interval`` seconds, redrawing them first (data may have
    changed since the last frame): the body of ``plt.pause`` in live loops."""
    for w in _windows:
        w._dirty = True
    deadline = time.monotonic() + max(float(interval), 0.0)
    while True:
        process_events(0.0)
        left = deadline - time.monotonic()
        if left <= 0:
            break
        process_events(min(left, 0.05)) if _windows else time.sleep(left)


def show(target, block: bool | None = None) -> Window:
    """Open (or raise) the window of a figure or canvas; block until windows close
    when ``block`` (None: block unless Python runs interactively)."""
    if block is None:
        block = not (hasattr(sys, "ps1") or sys.flags.interactive)
    win = as_scene(target).canvas.host
    if not isinstance(win, Window) or win.closed:
        win = Window(target)
    win.show(block=block)
    return win


def open_windows() -> list[Window]:
    """The windows open now, oldest first (a copy)."""
    return list(_windows)


def window_of(target) -> Window | None:
    """The open window showing a figure or canvas, or None."""
    win = as_scene(target).canvas.host
    return win if isinstance(win, Window) and not win.closed else None


register_frontend(FrontEnd("window", can_show=has_display, show=show, mainloop=run,
                           process_events=process_events, unavailable=NO_DISPLAY))
