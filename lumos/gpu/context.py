"""OpenGL contexts: lumos's own headless EGL context, lent to one caller at a time.

lumos owns one headless context. It is current only inside ``with current() as ctx:``
blocks, on the thread that runs the block: on entry lumos remembers what that thread had
current (the user's moderngl context, Qt's, a GLFW window's, or nothing), makes its own
context current, and on exit makes the remembered one current again. One process-wide
lock serializes the blocks, so any thread may render, and other GL code in the process
neither blanks lumos's pictures nor is disturbed by them. See ``docs/threading.md``.

A context that was released or lost (or that someone else left current in another
thread) is replaced by a new one; ``generation`` counts them, and executors made for an
older context are dropped by their owners, whose resources then upload again.

GL objects of the headless context are never released from finalizers directly (a
finalizer may run on any thread, in the middle of other GL work): the context runs in
moderngl's ``context_gc`` mode, where a dropped object queues its release, and the queue
is drained at the start of the next ``current()`` block.

>>> with current() as ctx:
...     print(limits().max_texture_size)
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import threading
from dataclasses import dataclass

INSTALL_HINT = (
    "lumos needs OpenGL 3.3 through EGL to render headless. On Debian/Ubuntu install "
    "the packages libegl1 libegl-mesa0 libgl1-mesa-dri (Mesa's llvmpipe needs no GPU "
    "and no display)."
)

_LIBRARIES = {"libgl": "libGL.so.1", "libegl": "libEGL.so.1"}
_EGL_DRAW, _EGL_READ = 0x3059, 0x305A
_EGL_OPENGL_API = 0x30A2
_EGL_PLATFORM_DEVICE = 0x313F
_EGL_PLATFORM_SURFACELESS = 0x31DD  # EGL_MESA_platform_surfaceless
_EGL_VERSION, _EGL_NONE = 0x3054, 0x3038
# a config for a 1x1 pbuffer of an OpenGL context; an OpenGL 3.3 core context
_EGL_PBUFFER_CONFIG = (0x3033, 0x0001, 0x3040, 0x0008, _EGL_NONE)  # SURFACE_TYPE, RENDERABLE
_EGL_PBUFFER_SIZE = (0x3057, 1, 0x3056, 1, _EGL_NONE)  # WIDTH, HEIGHT
_EGL_CONTEXT_33_CORE = (0x3098, 3, 0x30FB, 3, 0x30FD, 1, _EGL_NONE)
# the program the warm-up compiles (GL_VERTEX_SHADER, GL_FRAGMENT_SHADER)
_WARM_SHADERS = (
    (0x8B31, b"#version 330\nin vec2 p;\nvoid main() { gl_Position = vec4(p, 0.0, 1.0); }\n"),
    (0x8B30, b"#version 330\nout vec4 f;\nvoid main() { f = vec4(1.0); }\n"),
)
FORK_HINT = (
    "lumos cannot render in this process: it was forked (os.fork, or multiprocessing's "
    "'fork' start method) from a process that had already rendered, and the EGL "
    "displays it could use were inherited from its parent, whose driver threads a "
    "forked child does not have (using them hangs). Start worker processes with "
    "multiprocessing's 'spawn' or 'forkserver' start method "
    "(multiprocessing.get_context('spawn')), or render first in the child of a fork."
)


class OpenGLUnavailable(RuntimeError):
    """No OpenGL context could be created; the message says what to install."""


@dataclass(frozen=True)
class Limits:
    """What one OpenGL context supports, as it reports it (never assumed)."""

    max_texture_size: int
    max_3d_texture_size: int
    max_renderbuffer_size: int
    max_viewport_dims: tuple[int, int]
    max_samples: int

    @property
    def max_target_size(self) -> int:
        """The largest side of an offscreen framebuffer lumos can draw into in one pass
        (renderbuffer, viewport and texture limits together)."""
        return min(self.max_renderbuffer_size, *self.max_viewport_dims, self.max_texture_size)


def limits_of(ctx) -> Limits:
    """The limits a moderngl context reports (``ctx.info``, queried once by moderngl)."""
    info = ctx.info
    tex = int(info["GL_MAX_TEXTURE_SIZE"])
    vp = tuple(int(v) for v in info.get("GL_MAX_VIEWPORT_DIMS", (tex, tex)))
    return Limits(
        max_texture_size=tex,
        max_3d_texture_size=int(info.get("GL_MAX_3D_TEXTURE_SIZE", 256)),
        max_renderbuffer_size=int(info.get("GL_MAX_RENDERBUFFER_SIZE", tex)),
        max_viewport_dims=(vp[0], vp[1]),
        max_samples=int(ctx.max_samples),
    )


# -- what is current in a thread: EGL and GLX, read and restored through ctypes ----------

def _library(soname: str, name: str) -> str | None:
    """``soname`` when it loads (the usual Linux name), else what ctypes finds for
    ``name`` (find_library runs ``ldconfig -p``, a few ms a call on a cold start)."""
    try:
        ctypes.CDLL(soname)
        return soname
    except OSError:
        from ctypes.util import find_library  # 8 ms of imports (subprocess, tempfile)

        return find_library(name)


class _Native:
    """The few EGL/GLX entry points that save and restore a thread's current context."""

    def __init__(self) -> None:
        ptr = ctypes.c_void_p
        self.egl = None  # no EGL (a window on macOS): nothing EGL to save, no headless GL
        name = _library("libEGL.so.1", "EGL")
        if name is not None:
            egl = self.egl = ctypes.CDLL(name)
            for fn in ("eglGetCurrentContext", "eglGetCurrentDisplay", "eglGetCurrentSurface"):
                getattr(egl, fn).restype = ptr
            egl.eglGetCurrentSurface.argtypes = [ctypes.c_int]
            egl.eglMakeCurrent.argtypes = [ptr, ptr, ptr, ptr]
            egl.eglMakeCurrent.restype = ctypes.c_uint
            egl.eglQueryAPI.restype = ctypes.c_uint
            egl.eglBindAPI.argtypes = [ctypes.c_uint]
            egl.eglGetError.restype = ctypes.c_int
            egl.eglGetProcAddress.restype = ptr
            egl.eglGetProcAddress.argtypes = [ctypes.c_char_p]
            egl.eglInitialize.argtypes = [ptr, ptr, ptr]
            egl.eglInitialize.restype = ctypes.c_uint
            egl.eglQueryString.argtypes = [ptr, ctypes.c_int]
            egl.eglQueryString.restype = ctypes.c_char_p
            egl.eglChooseConfig.argtypes = [ptr, ptr, ptr, ctypes.c_int, ptr]
            egl.eglChooseConfig.restype = ctypes.c_uint
            egl.eglCreateContext.argtypes = [ptr, ptr, ptr, ptr]
            egl.eglCreateContext.restype = ptr
            egl.eglCreatePbufferSurface.argtypes = [ptr, ptr, ptr]
            egl.eglCreatePbufferSurface.restype = ptr
            egl.eglDestroyContext.argtypes = [ptr, ptr]
            egl.eglDestroySurface.argtypes = [ptr, ptr]
        self.glx = None
        name = _library("libGLX.so.0", "GLX") or _library("libGL.so.1", "GL")
        if name is not None:
            try:
                glx = ctypes.CDLL(name)
                for fn in ("glXGetCurrentContext", "glXGetCurrentDisplay"):
                    getattr(glx, fn).restype = ptr
                for fn in ("glXGetCurrentDrawable", "glXGetCurrentReadDrawable"):
                    getattr(glx, fn).restype = ctypes.c_ulong
                glx.glXMakeContextCurrent.argtypes = [ptr, ctypes.c_ulong, ctypes.c_ulong, ptr]
                self.glx = glx
            except (OSError, AttributeError):  # no GLX on this system: nothing to save
                self.glx = None

    def save(self) -> tuple:
        """What this thread has current: (EGL api, EGL state or None, GLX state or None)."""
        egl = self.egl
        api = egl.eglQueryAPI() if egl is not None else None
        ectx = egl.eglGetCurrentContext() if egl is not None else None
        estate = None
        if ectx:
            estate = (egl.eglGetCurrentDisplay(), egl.eglGetCurrentSurface(_EGL_DRAW),
                      egl.eglGetCurrentSurface(_EGL_READ), ectx)
        gstate = None
        if self.glx is not None:
            gctx = self.glx.glXGetCurrentContext()
            if gctx:
                gstate = (self.glx.glXGetCurrentDisplay(), self.glx.glXGetCurrentDrawable(),
                          self.glx.glXGetCurrentReadDrawable(), gctx)
        return api, estate, gstate

    def release(self, saved: tuple) -> None:
        """Make nothing current (a GLX context and an EGL one cannot be current in one
        thread together, so whatever the thread had steps aside first)."""
        _, estate, gstate = saved
        if gstate is not None:
            self.glx.glXMakeContextCurrent(gstate[0], 0, 0, None)
        if estate is not None:
            self.egl.eglMakeCurrent(estate[0], None, None, None)

    def restore(self, saved: tuple) -> None:
        api, estate, gstate = saved
        if api is not None:
            self.egl.eglBindAPI(api)
        if estate is not None:
            self.egl.eglMakeCurrent(*estate)
        if gstate is not None:
            self.glx.glXMakeContextCurrent(*gstate)


    def _platform_display(self):
        """``eglGetPlatformDisplayEXT`` (RuntimeError when EGL has none)."""
        egl = self.egl
        if egl is None:
            raise RuntimeError("libEGL was not found")
        addr = egl.eglGetProcAddress(b"eglGetPlatformDisplayEXT")
        if not addr:
            raise RuntimeError("EGL has no eglGetPlatformDisplayEXT")
        ptr = ctypes.c_void_p
        return ctypes.CFUNCTYPE(ptr, ctypes.c_uint, ptr, ptr)(addr)

    def device_display(self, device_index: int):
        """The EGL display of device ``device_index``: the one glcontext's standalone
        context takes (``eglQueryDevicesEXT``, then ``eglGetPlatformDisplayEXT``), not
        yet initialized. Quick (no driver is loaded); RuntimeError when a step fails."""
        egl, ptr = self.egl, ctypes.c_void_p
        display = self._platform_display()
        query_addr = egl.eglGetProcAddress(b"eglQueryDevicesEXT")
        if not query_addr:
            raise RuntimeError("EGL has no device platform")
        query = ctypes.CFUNCTYPE(ctypes.c_uint, ctypes.c_int, ptr,
                                 ctypes.POINTER(ctypes.c_int))(query_addr)
        count = ctypes.c_int(0)
        if not query(0, None, ctypes.byref(count)) or not 0 <= device_index < count.value:
            raise RuntimeError(f"no EGL device {device_index}")
        devices = (ptr * count.value)()
        if not query(count.value, devices, ctypes.byref(count)):
            raise RuntimeError("eglQueryDevicesEXT failed")
        dpy = display(_EGL_PLATFORM_DEVICE, devices[device_index], None)
        if not dpy:
            raise RuntimeError(f"eglGetPlatformDisplayEXT failed (0x{egl.eglGetError():x})")
        return dpy

    def surfaceless_display(self):
        """Mesa's surfaceless EGL display (a display of its own, apart from the device
        display), not yet initialized; RuntimeError when EGL has none."""
        dpy = self._platform_display()(_EGL_PLATFORM_SURFACELESS, None, None)
        if not dpy:
            raise RuntimeError(f"no surfaceless EGL display (0x{self.egl.eglGetError():x})")
        return dpy

    def initialized(self, dpy) -> bool:
        """Whether ``dpy`` was initialized already (in a forked child: by the parent,
        whose driver threads the child does not have)."""
        if self.egl.eglQueryString(dpy, _EGL_VERSION):
            return True
        self.egl.eglGetError()  # EGL_NOT_INITIALIZED: cleared
        return False

    def bootstrap(self, dpy) -> None:
        """Initialize ``dpy`` and make a small OpenGL 3.3 context current on it with a
        1x1 pbuffer: glcontext's 'share' mode then makes lumos's context on the display
        that is current (it has no way to be given one). The two are kept for the
        process's life (a few hundred bytes): the shared context belongs to them."""
        self.initialize(dpy)
        self.pbuffer_context(dpy)

    def pbuffer_context(self, dpy) -> tuple:
        """An OpenGL 3.3 context with a 1x1 pbuffer on initialized ``dpy``, current in
        this thread: ``(surface, context)``; RuntimeError when a step fails."""
        egl, c_int = self.egl, ctypes.c_int
        config, found = ctypes.c_void_p(), c_int(0)
        if not egl.eglChooseConfig(dpy, (c_int * 5)(*_EGL_PBUFFER_CONFIG),
                                   ctypes.byref(config), 1, ctypes.byref(found)) \
                or not found.value:
            raise RuntimeError(f"eglChooseConfig failed (0x{egl.eglGetError():x})")
        egl.eglBindAPI(_EGL_OPENGL_API)
        handle = egl.eglCreateContext(dpy, config, None, (c_int * 7)(*_EGL_CONTEXT_33_CORE))
        surface = egl.eglCreatePbufferSurface(dpy, config, (c_int * 5)(*_EGL_PBUFFER_SIZE))
        if not (handle and surface and egl.eglMakeCurrent(dpy, surface, surface, handle)):
            raise RuntimeError(f"no context on the display (0x{egl.eglGetError():x})")
        return surface, handle

    def destroy(self, made: tuple) -> None:
        """Destroy what :meth:`pbuffer_context` made: ``(display, surface, context)``."""
        dpy, surface, handle = made
        self.egl.eglDestroySurface(dpy, surface)
        self.egl.eglDestroyContext(dpy, handle)

    def compile_once(self) -> None:
        """Compile and link a small program in the context current in this thread: the
        driver's one-time set-up of its shader compiler (llvmpipe: ~6 ms of the first
        program a process links) then happens here. Each call is a ctypes call, which
        releases the GIL; RuntimeError when GL lacks a function."""
        u, c_int = ctypes.c_uint, ctypes.c_int

        def gl(name: bytes, restype, *argtypes):
            addr = self.egl.eglGetProcAddress(name)
            if not addr:
                raise RuntimeError(f"no {name.decode()}")
            return ctypes.CFUNCTYPE(restype, *argtypes)(addr)

        create_shader = gl(b"glCreateShader", u, u)
        source = gl(b"glShaderSource", None, u, c_int, ctypes.POINTER(ctypes.c_char_p),
                    ctypes.c_void_p)
        compile_shader = gl(b"glCompileShader", None, u)
        attach = gl(b"glAttachShader", None, u, u)
        delete_shader = gl(b"glDeleteShader", None, u)
        link, delete_program = gl(b"glLinkProgram", None, u), gl(b"glDeleteProgram", None, u)
        program = gl(b"glCreateProgram", u)()
        for kind, text in _WARM_SHADERS:
            shader = create_shader(kind)
            source(shader, 1, (ctypes.c_char_p * 1)(text), None)
            compile_shader(shader)
            attach(program, shader)
            delete_shader(shader)  # freed with the program
        link(program)
        delete_program(program)

    def initialize(self, dpy) -> None:
        """``eglInitialize``: loads the driver (llvmpipe: Mesa and LLVM) and sets up its
        screen, ~20 ms, in one ctypes call, which releases the GIL (glcontext holds it
        while it does the same); RuntimeError when it fails."""
        if not self.egl.eglInitialize(dpy, None, None):
            raise RuntimeError(f"eglInitialize failed (0x{self.egl.eglGetError():x})")


_native_lib: _Native | None = None


def _native() -> _Native:
    global _native_lib
    native = _native_lib
    if native is None:
        # the display's warm-up thread may make one at the same time: either serves (no
        # lock, which a fork could leave held in the child)
        native = _native_lib = _Native()
    return native


@contextlib.contextmanager
def released():
    """No OpenGL context current in this thread for the block; what was current before
    (EGL or GLX) is current again after it. Front-ends make their window's context
    current inside, so that they, too, leave the thread as they found it."""
    native = _native()
    saved = native.save()
    native.release(saved)
    try:
        yield native
    finally:
        native.restore(saved)


@contextlib.contextmanager
def _moderngl_default_kept():
    """moderngl makes every new context its process-wide default
    (``moderngl.get_context()``); lumos's contexts must not take that place from the
    user's."""
    import moderngl

    store = getattr(moderngl, "_store", None)
    before = getattr(store, "default_context", None)
    try:
        yield
    finally:
        if store is not None:
            store.default_context = before


class _EGLLoader:
    """moderngl's loader of an EGL context lumos made itself (the display warm-up's):
    GL entry points from ``eglGetProcAddress``; ``release`` destroys the context and its
    surface, as glcontext's standalone contexts are destroyed with theirs."""

    def __init__(self, native: _Native, made: tuple) -> None:
        self._native = native
        self._made = made  # (display, surface, context)
        proc = native.egl.eglGetProcAddress

        def load(name: str) -> int:
            return proc(name.encode()) or 0

        self.load_opengl_function = load

    def __enter__(self) -> None:  # lumos makes its context current itself
        pass

    def __exit__(self, *args) -> None:
        pass

    def release(self) -> None:
        """Destroy the context and its surface (once)."""
        made, self._made = self._made, None
        if made is not None:
            self._native.destroy(made)


# -- the headless context ---------------------------------------------------------------

class HeadlessContext:
    """lumos's headless EGL context: created on first use, lent to one block at a time
    (``with headless.current() as ctx``), recreated when lost or released."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.ctx = None
        self.generation = 0
        self.limits: Limits | None = None
        self._handles = (None, None)  # (EGLDisplay, EGLContext) of self.ctx
        # the display lumos's contexts are made on: None for glcontext's device display,
        # else (in a forked child whose parent had rendered) one lumos initialized itself
        self._display = None
        self._forked = False  # a forked child that has not chosen its display yet
        self._depth = 0  # nesting of current() blocks in the thread holding the lock
        # contexts given up on are kept, never destroyed: another thread (or the parent
        # of a forked process) may still have them current
        self._abandoned: list = []
        self._warming: threading.Thread | None = None  # see warm_up
        self._spare = None  # (display, surface, context) the warm-up made and released
        self._warm_lock = threading.Lock()
        #: what the warm-up met: None (not run or not finished), True (display ready) or
        #: the exception it caught (the context's creation meets it again and says it)
        self.warm_result: bool | Exception | None = None

    def warm_up(self) -> None:
        """Start initializing the EGL display on a background thread, so that the
        first ``current()`` block, which creates the context, finds the driver loaded
        and its display ready. The first canvas calls this; later calls, and calls once
        the context exists, do nothing, and so does a call when no core is spare
        (:func:`spare_core`). The quick steps (finding the display) run here;
        the thread makes ctypes calls, which run without the GIL: ``eglInitialize``,
        then a context of its own in which it compiles a small program (the driver's
        one-time set-up of contexts and of its compiler), so it needs the GIL only
        between calls. That context becomes lumos's: the first ``current()`` block makes
        it current in its thread and wraps it for moderngl, where moderngl would hold the
        GIL while it made one (~10 ms). A failure here is only noted: creating the
        context repeats every step and raises what it meets, as without the warm-up."""
        if self.warm_result is not None or self._warming is not None or self.ctx is not None:
            return
        if self._forked or not spare_core():  # a forked child chooses at its first render
            return  # the first render creates everything, as without the warm-up
        with self._warm_lock:
            if self.warm_result is not None or self._warming is not None:
                return
            try:
                device = int(os.environ.get("GLCONTEXT_DEVICE_INDEX", "0"))  # as glcontext
                native = _native()
                dpy = native.device_display(device)
            except Exception as exc:  # creating the context meets it again and raises it
                self.warm_result = exc
                return
            # not a daemon: the interpreter's exit waits for it rather than tearing the
            # driver down under it
            thread = threading.Thread(target=self._warm, args=(native, dpy),
                                      name="lumos EGL display")
            thread.start()
            self._warming = thread  # once started: wait_warm_up may join it at once

    def _warm(self, native: _Native, dpy) -> None:
        try:
            native.initialize(dpy)
        except Exception as exc:  # creating the context meets it again and raises it
            self.warm_result = exc
            return
        # then the context lumos will use (see _adopt_spare) and the driver's one-time
        # set-up of its shader compiler, which a small program's link does (a context
        # destroyed before lumos's first programs took that set-up along: the first
        # program cost its 6 ms again). Only a head start: a failure leaves the first
        # render to do it all
        try:
            spare = native.pbuffer_context(dpy)
        except RuntimeError:
            native.egl.eglGetError()
        else:
            try:
                native.compile_once()
            except RuntimeError:
                pass
            native.egl.eglMakeCurrent(dpy, None, None, None)
            self._spare = (dpy, *spare)
        self.warm_result = True

    def _drop_spare(self, native: _Native) -> None:
        """Destroy the warm-up's context (a window adopting its own needs none)."""
        spare, self._spare = self._spare, None
        if spare is not None:
            native.destroy(spare)

    def wait_warm_up(self) -> None:
        """Wait for a warm-up that is still running (before a fork, and before the
        context is created)."""
        thread = self._warming
        if thread is not None and thread is not threading.current_thread():
            thread.join()

    @contextlib.contextmanager
    def current(self):
        """The moderngl context, current in this thread for the block (re-entrant)."""
        with self.lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self.ctx
                finally:
                    self._depth -= 1
                return
            with released() as native:
                ctx = self._make_current(native)
                self._depth = 1
                try:
                    _collect(ctx)
                    yield ctx
                finally:
                    self._depth = 0
                    # moderngl keeps the framebuffer bound last (ctx.fbo): it must not
                    # keep a dropped canvas's GL objects alive
                    ctx.fbo = None
                    native.egl.eglMakeCurrent(self._handles[0], None, None, None)

    def _make_current(self, native: _Native):
        import moderngl

        if native.egl is None:
            raise OpenGLUnavailable(f"{INSTALL_HINT}\n(libEGL was not found)")
        ctx = self.ctx
        if ctx is not None and not isinstance(ctx.mglo, moderngl.InvalidObject):
            native.egl.eglBindAPI(_EGL_OPENGL_API)
            dpy, handle = self._handles
            if native.egl.eglMakeCurrent(dpy, None, None, handle) and \
                    native.egl.eglGetCurrentContext() == handle:
                return ctx
            native.egl.eglGetError()  # clear it: the context is replaced below
        # First use, or the context was released, lost, or left current in another thread
        if ctx is not None and not isinstance(ctx.mglo, moderngl.InvalidObject):
            self._abandoned.append(ctx)
        self.wait_warm_up()
        if self._forked:
            self._display = self._display_after_fork(native)
            self._forked = False
        # glcontext's standalone context is on the device display; its 'share' mode makes
        # one on the display current (bootstrap), which is how lumos gives it another
        mode = {"standalone": True} if self._display is None else {"share": True}
        with _moderngl_default_kept():
            # the warm-up's context, made on that display, serves as it is: a context made
            # by moderngl (glcontext) would cost the first render ~10 ms under the GIL
            ctx = self._adopt_spare(native) if self._display is None else None
            try:
                if self._display is not None:
                    native.bootstrap(self._display)
                if ctx is None:
                    try:  # the usual sonames: glcontext's search runs `ldconfig -p` twice
                        ctx = moderngl.create_context(backend="egl", require=330, **mode,
                                                      **_LIBRARIES)
                    except Exception:
                        ctx = moderngl.create_context(backend="egl", require=330, **mode)
            except Exception as exc:  # moderngl raises plain Exception subclasses
                raise OpenGLUnavailable(f"{INSTALL_HINT}\n(EGL said: {exc})") from exc
        # glcontext made the new context current: remember its handles for later blocks
        self._handles = (native.egl.eglGetCurrentDisplay(), native.egl.eglGetCurrentContext())
        ctx.gc_mode = "context_gc"
        self.ctx = ctx
        self.limits = limits_of(ctx)
        self.generation += 1
        return ctx

    def _adopt_spare(self, native: _Native):
        """The warm-up's context (its thread made it and let it go) made current here
        and wrapped for moderngl, which then owns it (releasing the moderngl context
        destroys it); None when the warm-up left none or it cannot be made current
        (it is destroyed then, and the caller makes a context as without the warm-up)."""
        import moderngl

        spare, self._spare = self._spare, None
        if spare is None:
            return None
        dpy, surface, handle = spare
        loader = _EGLLoader(native, spare)
        native.egl.eglBindAPI(_EGL_OPENGL_API)
        if native.egl.eglMakeCurrent(dpy, surface, surface, handle):
            try:
                moderngl.init_context(loader)  # moderngl's default: _moderngl_default_kept
                return moderngl.get_context()
            except Exception:  # the usual way, below, meets what fails and says it
                pass
        native.egl.eglGetError()
        native.egl.eglMakeCurrent(dpy, None, None, None)
        loader.release()
        return None

    def _display_after_fork(self, native: _Native):
        """The display a forked child makes its context on. A display its parent
        initialized is the parent's in the child too, driver threads included, and those
        threads are not in the child: llvmpipe's rasterizer waits for them forever. So:
        glcontext's device display if no ancestor initialized it, else Mesa's
        surfaceless display if none did; when both were, OpenGLUnavailable(FORK_HINT)
        instead of a hang (after eglTerminate in the child, a new context on the
        display hangs the same way: Mesa 22.3)."""
        device = int(os.environ.get("GLCONTEXT_DEVICE_INDEX", "0"))  # as glcontext
        try:
            if not native.initialized(native.device_display(device)):
                return None
        except RuntimeError:  # no such device: glcontext says it, as in any process
            return None
        try:
            dpy = native.surfaceless_display()
        except RuntimeError as exc:
            raise OpenGLUnavailable(f"{FORK_HINT}\n(EGL said: {exc})") from exc
        if native.initialized(dpy):
            raise OpenGLUnavailable(FORK_HINT)
        return dpy

    def forget(self) -> None:
        """Drop the context without touching it (a forked child cannot use its parent's);
        the child's first render chooses a display its parent did not use."""
        self.lock = threading.RLock()
        self._warm_lock = threading.Lock()
        self._forked = True
        self._spare = None  # the parent's: never touched in the child
        if self.ctx is not None:
            self._abandoned.append(self.ctx)
        self.ctx = None
        self._handles = (None, None)
        self._depth = 0


def spare_core() -> bool:
    """Whether a helper thread would find a core idle: this process may run on more
    than one core and the 1-minute load average is below their number. On a full
    machine each hand-over of the GIL between two threads waits for the scheduler:
    scene (a) with the display's warm-up was 15 ms faster on idle cores, and slower in
    2 of 3 A/B runs at load 11-18 on 2 cores (benchmarks/README.md, 2026-12-04)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # Windows: no load average
        load = 0.0
    return cores > 1 and load < cores


def _collect(ctx) -> None:
    """Release the GL objects dropped since the last block (moderngl queues them in
    ``ctx.objects``; one released explicitly before it was dropped queues a stub)."""
    import moderngl

    queued = ctx.objects
    while queued:
        obj = queued.popleft()
        if not isinstance(obj, moderngl.InvalidObject):
            obj.release()


headless = HeadlessContext()

if hasattr(os, "register_at_fork"):
    # a child must not inherit a display half initialized by a thread it does not have
    os.register_at_fork(before=headless.wait_warm_up, after_in_child=headless.forget)


def current():
    """``with current() as ctx:`` lumos's headless moderngl context, current in the
    calling thread for the block, whatever was current there before coming back after."""
    return headless.current()


def limits() -> Limits:
    """The limits of the headless context (texture, renderbuffer, viewport, samples)."""
    with headless.current():
        return headless.limits


def adopt_current_context():
    """Wrap the OpenGL context current in this thread (a GLFW or Qt window's)."""
    import moderngl

    # a window draws with its own context: the warm-up's context (headless renders' head
    # start, ~13 MB) goes now rather than at the first headless render, if ever
    headless.wait_warm_up()
    if headless._spare is not None:
        with headless.lock:
            headless._drop_spare(_native())
    try:
        with _moderngl_default_kept():
            return moderngl.create_context(require=330)
    except Exception as exc:
        raise OpenGLUnavailable(f"no current OpenGL 3.3 context to adopt: {exc}") from exc
