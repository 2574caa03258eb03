"""Mouse clicks for tests that compare lumos's events with matplotlib's: the same press
and release at figure pixels from the bottom left, sent as each library's input."""

from __future__ import annotations


def lumos_click(fig, x, y, button=1):
    """A press and release at figure pixels from the bottom left, as a window sends."""
    from lumos.app.interaction import Interaction

    io = Interaction(fig)
    top = fig.canvas.size[1] - y
    io.press(x, top, button)
    io.release(x, top, button)


def mpl_click(fig, x, y, button=1):
    """The same click on a matplotlib figure (its events processed as a backend's)."""
    from matplotlib.backend_bases import MouseEvent

    MouseEvent("button_press_event", fig.canvas, x, y, button=button)._process()
    MouseEvent("button_release_event", fig.canvas, x, y, button=button)._process()
