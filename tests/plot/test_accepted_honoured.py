"""Keywords and methods lumos accepts are honoured as matplotlib 3.11 honours them:
polar bars' picking, ``animated`` artists, draggable legends and annotations, 3D
``clip_on=False``, figure-level offset boxes and ``OffsetFrom`` coordinates."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as mplt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.backend_bases import MouseEvent  # noqa: E402

import lumos.pyplot as plt  # noqa: E402
from lumos.app.interaction import Interaction  # noqa: E402

pytestmark = pytest.mark.usefixtures("close_figures")


def _lumos_click(fig, x, y, button=1):
    """A press and release at figure pixels from the bottom left, as a window sends."""
    io = Interaction(fig)
    top = fig.canvas.size[1] - y
    io.press(x, top, button)
    io.release(x, top, button)


def _mpl_click(fig, x, y, button=1):
    MouseEvent("button_press_event", fig.canvas, x, y, button=button)._process()
    MouseEvent("button_release_event", fig.canvas, x, y, button=button)._process()


# points (θ, r) well inside or outside the drawn wedges (not on their arcs: matplotlib
# tests a polar bar's outer arc as a chord there)
POLAR_CLICKS = [(np.pi / 2, 1.5), (np.pi / 2 + 0.2, 1.9), (np.pi / 2 + 0.3, 1.0),
                (0.2, 0.9), (-0.2, 0.5), (np.pi + 0.2, 2.5), (np.pi / 2 - 0.24, 1.9),
                (np.pi + 0.3, 2.5)]


def test_polar_bar_picks_the_wedge_clicked_as_matplotlib():
    """A polar bar is a wedge on screen: a click inside the wedge picks it, a click
    between its corners' pixel box and the wedge does not."""
    def run(pyplot, click, draw):
        fig = pyplot.figure(figsize=(4, 4), dpi=100)
        ax = fig.add_subplot(projection="polar")
        bars = ax.bar([0, np.pi / 2, np.pi], [1, 2, 3], width=0.5, picker=True)
        ax.set_ylim(0, 3.2)
        draw(fig)
        got = []
        fig.canvas.mpl_connect("pick_event", lambda e: got.append(list(bars).index(e.artist)))
        for th, r in POLAR_CLICKS:
            got.append("|")
            px, py = (ax.transData.transform((th, r)) if pyplot is mplt
                      else ax.transData.forward(np.array([th, r])))
            click(fig, float(px), float(py))
        return got

    mgot = run(mplt, _mpl_click, lambda f: f.canvas.draw())
    lgot = run(plt, _lumos_click, lambda f: f.draw())
    assert lgot == mgot
    assert lgot.count("|") == len(POLAR_CLICKS) and len(lgot) > len(POLAR_CLICKS) + 3


def test_polar_bar_contains_as_matplotlib():
    from lumos.plot.canvas_events import Event

    fig = plt.figure(figsize=(4, 4), dpi=100)
    ax = fig.add_subplot(projection="polar")
    bars = ax.bar([0, np.pi / 2], [1, 2], width=0.5)
    fig.draw()
    # inside bar 1's corners' pixel box, outside its wedge (the wedge's hollow side)
    x, y = ax.transData.forward(np.array([np.pi / 2 + 0.24, 0.3]))
    ex, ey = ax.transData.forward(np.array([np.pi / 2, 1.0]))
    assert bars[1].contains(Event("button_press_event", fig.canvas, x=ex, y=ey))[0]
    assert not bars[0].contains(Event("button_press_event", fig.canvas, x=ex, y=ey))[0]
    hit = bars[1].contains(Event("button_press_event", fig.canvas, x=x + 40, y=y))[0]
    assert not hit


def _changed_outside_box(fig, ax, artists) -> tuple[int, int]:
    """Pixels ``artists`` change outside the 3D axes' rectangle and inside it."""
    import io

    from PIL import Image

    def picture():
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
        buf.seek(0)
        return np.asarray(Image.open(buf).convert("RGB")).astype(int)

    on = picture()
    for a in artists:
        a.set_visible(False)
    changed = (on != picture()).any(axis=2)
    h, w = changed.shape
    bx, by, bw, bh = ax.box
    rows, cols = np.mgrid[:h, :w]
    inside = ((cols >= round(bx) - 1) & (cols < round(bx + bw))
              & (rows >= h - round(by + bh)) & (rows <= h - round(by)))
    return int((changed & ~inside).sum()), int((changed & inside).sum())


@pytest.mark.parametrize("clip_on", [True, False])
def test_3d_clip_on_false_draws_beyond_the_axes_as_matplotlib(clip_on):
    def run(pyplot):
        fig = pyplot.figure(figsize=(4, 3), dpi=100)
        ax = fig.add_subplot(projection="3d")
        ax.set(xlim=(0, 1), ylim=(0, 1), zlim=(0, 1))
        t = np.linspace(-2, 3, 50)
        (line,) = ax.plot(t, 0.5 + 0 * t, 0.5 + 0 * t, "r-", lw=3, clip_on=clip_on)
        sc = ax.scatter([1.6], [0.5], [0.5], s=200, c="b", clip_on=clip_on)
        if pyplot is mplt:
            fig.canvas.draw()
            x0, y0, x1, y1 = ax.bbox.extents
            ax.box = (x0, y0, x1 - x0, y1 - y0)
        return _changed_outside_box(fig, ax, [line, sc])

    outside, inside = run(plt)
    moutside, minside = run(mplt)
    if clip_on:  # (Agg's antialiasing reaches a few pixels past the rectangle)
        assert outside == 0 and moutside < 20
    else:
        assert outside > 500 and outside == pytest.approx(moutside, rel=0.25)
    assert inside == pytest.approx(minside, rel=0.25)


def test_3d_set_clip_on_after_drawing_takes_effect():
    fig = plt.figure(figsize=(4, 3), dpi=100)
    ax = fig.add_subplot(projection="3d")
    ax.set(xlim=(0, 1), ylim=(0, 1), zlim=(0, 1))
    t = np.linspace(-2, 3, 50)
    (line,) = ax.plot(t, 0.5 + 0 * t, 0.5 + 0 * t, "r-", lw=3)
    assert _changed_outside_box(fig, ax, [line])[0] == 0
    line.set_visible(True)
    line.set_clip_on(False)
    assert _changed_outside_box(fig, ax, [line])[0] > 500
