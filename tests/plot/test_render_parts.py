"""``Figure.render`` draws the axes' data and flushes it before the decorations are
made (``Canvas.render(draw=...)``, ``lumos.gpu.early.EarlyViews``): the picture must
be the one the whole frame draws, exactly."""

from __future__ import annotations

import numpy as np
import pytest

from lumos.gpu.executor import ModernGLExecutor
from lumos.plot import Figure
from tests.parts import image_in_two_views


def _figure(extra: str | None):
    fig = Figure(figsize=(4, 3), dpi=100)
    ax = fig.subplot(0, 0)
    x = np.linspace(0, 10, 400)
    (line,) = ax.plot(x, np.sin(x), label="sin")
    ax.text(2, 0.5, "text")
    ax.twinx().plot(x, x, "r")
    ax.inset_axes([0.6, 0.1, 0.3, 0.3]).plot(x, x ** 2)
    if extra == "alone":  # one axes and no decorations: nothing is left to draw
        fig = Figure(figsize=(4, 3), dpi=100)
        x = np.linspace(0, 10, 400)
        ax = fig.subplot(0, 0)
        ax.axis("off")
        return fig, ax.plot(x, np.sin(x))[0]
    if extra == "markers":  # a legend: its box multisampled
        ax.plot(x, np.cos(x), "o--", markevery=(0, 0.1), label="cos")
        ax.legend()
    elif extra == "imshow":  # shrunk: its colors filtered from a render target
        yy, xx = np.mgrid[0:1:300j, 0:1:400j]
        ax.imshow(np.sin(9 * xx) * np.cos(7 * yy), extent=(0, 10, -1, 1), aspect="auto")
    elif extra == "dashes":  # the dashes' scan in render targets
        ax.plot(x, np.cos(x), "--")
    elif extra == "axhline":
        ax.axhline(0.2)
    elif extra == "3d":
        fig.add_subplot(2, 2, 4, projection="3d").plot(x, np.sin(x), x)
    return fig, line


def _whole(fig) -> np.ndarray:
    """The figure's picture from one frame drawn whole (no early views)."""
    fig.draw()
    return fig.canvas.render()


def _recorded(monkeypatch) -> list:
    """The executor's renders (their ``continued``) and flushes, in order, from now."""
    calls = []
    render, flush = ModernGLExecutor.render, ModernGLExecutor.flush

    def recorded(self, frame, fbo, tile=None, continued=False):
        calls.append(continued)
        return render(self, frame, fbo, tile, continued)

    monkeypatch.setattr(ModernGLExecutor, "render", recorded)
    monkeypatch.setattr(ModernGLExecutor, "flush",
                        lambda self: calls.append("flush") or flush(self))
    return calls


@pytest.mark.parametrize("extra, expected", [
    (None, [[False], [False, "flush", True], [False, "flush", True]]),
    # the axes drawn early, and no decoration after them: no second render
    ("alone", [[False], [False, "flush"], [False, "flush"]]),
    # the axes drawn early, then the whole multisampled frame (a legend's box) again
    ("markers", [[False], [False, "flush", False], [False]]),
    ("imshow", [[False], [False, "flush", True], [False, "flush", True]]),
    ("dashes", [[False], [False, "flush", True], [False, "flush", True]]),
    # the 2D axes are drawn early, then the whole multisampled frame (3D) again
    ("3d", [[False], [False, "flush", False], [False]]),
])
def test_a_render_drawn_in_parts_is_the_whole_frames_picture(monkeypatch, extra, expected):
    # from the second render on (the first makes the context and stacks the views),
    # each render draws the axes' views first (then flushes) and the rest, if any, over them
    # (continued=True) where the views can be drawn apart (render targets, an image's
    # or a dashed line's, included); multisampled frames and 3D views are drawn whole,
    # and after one such render early views are not made again for a while
    calls = _recorded(monkeypatch)
    fig, line = _figure(extra)
    x = line.get_xdata()
    for i, want in enumerate(expected):
        line.set_ydata(np.sin(x + i))
        calls.clear()
        got = fig.render()
        assert calls == want, (i, calls)
        calls.clear()
        assert np.array_equal(got, _whole(fig)), i
        assert calls == [False]


def test_early_views_the_decorations_change_are_drawn_again_whole(monkeypatch):
    # an axhline follows the x limits in the decorations: after set_xlim the views drawn
    # early are not the frame's, so the whole frame is drawn again (the picture stays
    # the whole frame's) and the next renders are drawn whole at once
    calls = _recorded(monkeypatch)
    fig, line = _figure("axhline")
    fig.render()
    ax = fig.axes[0]
    for i, expected in enumerate(([False, "flush", True], [False, "flush", False], [False],
                                  [False])):
        if i:
            ax.set_xlim(-i, 10 + i)
        calls.clear()
        got = fig.render()
        assert calls == expected, (i, calls)
        assert np.array_equal(got, _whole(fig)), i


def test_a_render_target_of_both_parts_has_the_whole_frame_drawn(monkeypatch):
    # one image in two views: its colormapped texels' render target is drawn and read
    # in both parts, and a part's targets are sized and cleared by its own draws; so
    # the whole frame is drawn again (and the next renders whole at once): the picture
    # of the frame drawn whole
    canvas, image, xx, yy = image_in_two_views()

    def first_view_early(early):  # as a figure makes its axes before the decorations
        if early is not None:
            early(1)

    calls = _recorded(monkeypatch)
    for i, expected in enumerate(([False], [False, "flush", False], [False])):
        image.set_data(np.sin((9 + i) * xx) * np.cos(7 * yy))
        calls.clear()
        got = canvas.render(draw=first_view_early)
        assert calls == expected, (i, calls)
        assert np.array_equal(got, canvas.render()), i


def test_a_render_in_parts_keeps_no_stale_view_after_set_data():
    # the early views carry the new rows: a render after each set_data equals a new
    # figure's picture of the same data
    fig, line = _figure(None)
    x = line.get_xdata()
    for k in (1, 2):
        y = np.sin(k * x)
        line.set_ydata(y)
        got = fig.render()
        fresh, fresh_line = _figure(None)
        fresh_line.set_ydata(y)
        assert np.array_equal(got, fresh.render())


def test_the_gl_context_is_not_held_while_the_figure_lays_out():
    # the layout and decorations run outside the process-wide GL lock, as they did
    # before early views: a draw_event callback waiting for another thread's render
    # does not wait forever
    import threading

    fig, line = _figure(None)
    other, _ = _figure(None)
    fig.render()
    done = []

    def on_draw(event):
        t = threading.Thread(target=lambda: done.append(other.render().shape))
        t.start()
        t.join(timeout=60)

    fig.canvas.mpl_connect("draw_event", on_draw)
    line.set_ydata(np.cos(line.get_xdata()))
    fig.render()
    assert done == [(300, 400, 4)]
