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


def legend_picking(pyplot):
    """matplotlib's gallery example legend_picking.py (a 4 x 3 in figure at 100 dpi):
    legend lines with ``picker=5`` toggle the lines they stand for, and the legend is
    draggable too. Returns (fig, ax, legend, lines)."""
    import numpy as np

    t = np.linspace(0, 1)
    fig, ax = pyplot.subplots(figsize=(4, 3), dpi=100)
    ax.set_title("Click on legend line to toggle line on/off")
    (line1,) = ax.plot(t, 2 * np.sin(2 * np.pi * t), lw=2, label="1 Hz")
    (line2,) = ax.plot(t, 4 * np.sin(2 * np.pi * 2 * t), lw=2, label="2 Hz")
    leg = ax.legend(fancybox=True, shadow=True)
    lines = [line1, line2]
    mapping = {}
    for legend_line, ax_line in zip(leg.get_lines(), lines, strict=True):
        legend_line.set_picker(5)
        mapping[legend_line] = ax_line

    def on_pick(event):
        legend_line = event.artist
        if legend_line not in mapping:
            return
        ax_line = mapping[legend_line]
        visible = not ax_line.get_visible()
        ax_line.set_visible(visible)
        legend_line.set_alpha(1.0 if visible else 0.2)
        fig.canvas.draw()

    fig.canvas.mpl_connect("pick_event", on_pick)
    leg.set_draggable(True)
    return fig, ax, leg, lines


def middle(box, height):
    """The middle of a Bbox (figure pixels from the bottom left) as logical pixels from
    the top left, where front-ends send the mouse."""
    return (box.x0 + box.x1) / 2, height - (box.y0 + box.y1) / 2


def toggle_legend_lines(fig, ax, leg, lines, click) -> None:
    """legend_picking.py's clicks on legend lines 1, 0 and 1 again (``click(x, y)`` at
    logical pixels from the top left, as a front-end sends them), and what they leave:
    line 0 hidden, line 1 shown, their legend lines dimmed as the example does, the
    axes not panned."""
    import pytest

    x_lim, h = ax.get_xlim(), fig.canvas.size[1]
    for i in (1, 0, 1):
        click(*middle(leg.get_lines()[i].get_window_extent(), h))
    assert [ln.get_visible() for ln in lines] == [False, True]
    assert [ln.get_alpha() for ln in leg.get_lines()] == [0.2, 1.0]
    assert ax.get_xlim() == pytest.approx(x_lim)
