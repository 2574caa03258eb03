"""The OpenGL context: headless EGL by default, or one a window already made."""

from __future__ import annotations

_shared = None
# Front-ends (Qt) register callables that give up their own current context, so the
# headless one can be made current again when something renders offscreen.
_before_use: list = []

INSTALL_HINT = (
    "lumos needs OpenGL 3.3 through EGL to render headless. On Debian/Ubuntu install "
    "the packages libegl1 libegl-mesa0 libgl1-mesa-dri (Mesa's llvmpipe needs no GPU "
    "and no display)."
)


class OpenGLUnavailable(RuntimeError):
    """No OpenGL context could be created; the message says what to install."""


def get_context():
    """The shared headless moderngl context, created on first use."""
    global _shared
    if _shared is None:
        import moderngl

        try:
            _shared = moderngl.create_context(standalone=True, backend="egl", require=330)
        except Exception as exc:  # moderngl raises plain Exception subclasses
            raise OpenGLUnavailable(f"{INSTALL_HINT}\n(EGL said: {exc})") from exc
    elif _before_use:
        for give_up in _before_use:
            give_up()
        _shared.__enter__()
    return _shared


def headless_context():
    """The shared headless context if it was made (None before the first use)."""
    return _shared


def before_use(give_up) -> None:
    """Call ``give_up()`` before the headless context is made current again: a
    front-end gives up its own current context there (Qt)."""
    if give_up not in _before_use:
        _before_use.append(give_up)


def adopt_current_context():
    """Wrap the OpenGL context current in this thread (a GLFW or Qt window's)."""
    import moderngl

    try:
        return moderngl.create_context(require=330)
    except Exception as exc:
        raise OpenGLUnavailable(f"no current OpenGL 3.3 context to adopt: {exc}") from exc
