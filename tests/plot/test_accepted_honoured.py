"""Keywords and methods lumos accepts are honoured as matplotlib 3.11 honours them:
polar bars' picking, ``animated`` artists, draggable legends and annotations, 3D
``clip_on=False``, figure-level offset boxes and ``OffsetFrom`` coordinates."""

from __future__ import annotations

import math

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as mplt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.backend_bases import MouseEvent  # noqa: E402

import lumos.pyplot as plt  # noqa: E402
from lumos.app.interaction import Interaction  # noqa: E402


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
    def edge(v: float) -> int:  # as Agg rounds a clip box (halves up)
        return math.floor(v + 0.5)

    inside = ((cols >= edge(bx) - 1) & (cols < edge(bx + bw))
              & (rows >= h - edge(by + bh)) & (rows <= h - edge(by)))
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


# -- draggable legends and annotations ---------------------------------------------------
def _lumos_drag(fig, start, end):
    io = Interaction(fig)
    h = fig.canvas.size[1]
    io.press(start[0], h - start[1], 1)
    io.move(end[0], h - end[1])
    io.release(end[0], h - end[1], 1)


def _mpl_drag(fig, start, end):
    MouseEvent("button_press_event", fig.canvas, *start, button=1)._process()
    MouseEvent("motion_notify_event", fig.canvas, *end, button=1)._process()
    MouseEvent("button_release_event", fig.canvas, *end, button=1)._process()


@pytest.mark.parametrize("update", ["loc", "bbox"])
@pytest.mark.parametrize("where", ["axes", "figure"])
def test_dragged_legend_stays_where_dropped_as_matplotlib(update, where):
    def run(pyplot, drag, draw):
        fig, ax = pyplot.subplots(figsize=(4, 3), dpi=100)
        ax.plot([0, 1], label="a")
        owner = ax if where == "axes" else fig
        leg = owner.legend(loc="upper left")
        assert leg.get_draggable() is False
        assert leg.set_draggable(True, update=update) is not None
        draw(fig)
        box = leg.get_window_extent()
        drag(fig, (box.x0 + 5, box.y0 + 5), (box.x0 + 105, box.y0 - 45))
        draw(fig)
        moved = leg.get_window_extent()
        return (moved.x0 - box.x0, moved.y0 - box.y0), ax.get_xlim(), leg

    (dx, dy), xlim, leg = run(plt, _lumos_drag, lambda f: f.draw())
    if where == "figure" and update == "bbox":
        # matplotlib 3.11 raises on release here (DraggableLegend reads legend.axes,
        # None for a figure legend); lumos anchors it where it was dropped
        assert (dx, dy) == pytest.approx((100, -50), abs=0.01)
        return
    (mdx, mdy), mxlim, mleg = run(mplt, _mpl_drag, lambda f: f.canvas.draw())
    assert (dx, dy) == pytest.approx((mdx, mdy), abs=0.6) == (100, -50)
    assert xlim == pytest.approx(mxlim)  # the press did not pan the axes under it
    if update == "loc":  # the corner in fractions of the axes (the figure)
        assert leg.loc_point == pytest.approx(mleg._loc, abs=0.005)


def test_dragged_legend_keeps_its_place_in_the_axes_when_the_figure_resizes():
    fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
    ax.plot([0, 1], label="a")
    leg = ax.legend(loc="upper left", draggable=True)
    fig.draw()
    box = leg.get_window_extent()
    _lumos_drag(fig, (box.x0 + 5, box.y0 + 5), (box.x0 + 105, box.y0 - 45))
    fig.draw()
    bx, by, bw, bh = ax.box
    frac = ((leg.get_window_extent().x0 - bx) / bw, (leg.get_window_extent().y0 - by) / bh)
    fig.set_size_inches(6, 4)
    fig.draw()
    bx, by, bw, bh = ax.box
    after = ((leg.get_window_extent().x0 - bx) / bw, (leg.get_window_extent().y0 - by) / bh)
    assert after == pytest.approx(frac, abs=1e-6)


def test_legend_drag_turned_off_and_bad_update():
    fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
    ax.plot([0, 1], label="a")
    leg = ax.legend(loc="upper left")
    with pytest.raises(ValueError, match="update"):
        leg.set_draggable(True, update="corner")
    leg.set_draggable(True)
    assert leg.set_draggable(False) is None and leg.get_draggable() is False
    fig.draw()
    box = leg.get_window_extent()
    _lumos_drag(fig, (box.x0 + 5, box.y0 + 5), (box.x0 + 105, box.y0 - 45))
    fig.draw()
    assert leg.get_window_extent().x0 == pytest.approx(box.x0)


def test_dragged_annotation_text_moves_as_matplotlib():
    def run(pyplot, drag, draw):
        fig, ax = pyplot.subplots(figsize=(4, 3), dpi=100)
        ann = ax.annotate("note", xy=(0.5, 0.5), xytext=(0.2, 0.8),
                          textcoords="axes fraction", arrowprops=dict(arrowstyle="->"))
        assert ann.draggable() is not None  # None: toggles on
        draw(fig)
        x, y = (ann.get_transform().transform(ann.xyann) if pyplot is mplt
                else ann.pixel_position())
        drag(fig, (x + 3, y + 3), (x + 83, y - 37))
        return ann.xyann, ann.xy

    xyann, xy = run(plt, _lumos_drag, lambda f: f.draw())
    mxyann, mxy = run(mplt, _mpl_drag, lambda f: f.canvas.draw())
    assert xyann == pytest.approx(mxyann, abs=1e-6)
    assert xy == pytest.approx(mxy)
    assert xyann != pytest.approx((0.2, 0.8))


# -- animated artists ----------------------------------------------------------------------
def _inks(img) -> tuple[int, int, int]:
    """Pixels of the red line, the green axes text and the magenta figure text."""
    img = np.asarray(img)[..., :3].astype(int)
    r, g, b = img[..., 0], img[..., 1], img[..., 2]
    return (int(((r > 200) & (g < 80) & (b < 80)).sum()),
            int(((g > 100) & (r < 80) & (b < 80)).sum()),
            int(((r > 150) & (b > 150) & (g < 80)).sum()))


def _animated_script(pyplot):
    fig, ax = pyplot.subplots(figsize=(3, 2), dpi=100)
    ax.plot([0, 1], [0, 1], "b-", lw=4)
    (line,) = ax.plot([0, 1], [1, 0], "r-", lw=4, animated=True)
    text = ax.text(0.5, 0.5, "ANIM", animated=True, color="g", fontsize=20)
    ftext = fig.text(0.1, 0.85, "FIG", animated=True, color="m", fontsize=20)
    return fig, ax, (line, text, ftext)


def _saved(fig):
    import io

    from PIL import Image

    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    buf.seek(0)
    return Image.open(buf).convert("RGB")


def test_animated_artists_drawn_only_by_blitting_and_saving_as_matplotlib():
    """matplotlib leaves animated artists out of canvas.draw (an axes' and a figure's),
    draws them with draw_artist until restore_region, and savefig draws the axes' ones
    (is_saving) but not the figure's."""
    def run(pyplot):
        fig, ax, (line, text, ftext) = _animated_script(pyplot)
        out = []
        fig.canvas.draw()
        out.append(_inks(fig.canvas.buffer_rgba()))
        bg = fig.canvas.copy_from_bbox(fig.bbox)
        ax.draw_artist(line)
        ax.draw_artist(text)
        fig.draw_artist(ftext)
        fig.canvas.blit(fig.bbox)
        out.append(_inks(fig.canvas.buffer_rgba()))
        fig.canvas.restore_region(bg)
        ax.draw_artist(line)
        fig.canvas.blit(fig.bbox)
        out.append(_inks(fig.canvas.buffer_rgba()))
        fig.canvas.restore_region(bg)
        out.append(_inks(fig.canvas.buffer_rgba()))
        out.append(_inks(_saved(fig)))
        return out

    got, want = run(plt), run(mplt)
    assert [[v > 50 for v in row] for row in got] == [[v > 50 for v in row] for row in want]
    assert [[v > 50 for v in row] for row in got] == [
        [False, False, False], [True, True, True], [True, False, False],
        [False, False, False], [True, True, False]]
    for g, w in zip(got, want, strict=True):
        assert g == pytest.approx(w, rel=0.15, abs=5)


def test_animated_off_again_draws_as_before():
    fig, ax, (line, text, _) = _animated_script(plt)
    fig.canvas.draw()
    assert _inks(fig.canvas.buffer_rgba())[:2] == (0, 0)
    line.set_animated(False)
    text.set_animated(False)
    fig.canvas.draw()
    red, green, _ = _inks(fig.canvas.buffer_rgba())
    assert red > 300 and green > 100
    with pytest.raises(TypeError, match="animated"):
        line.set_animated("yes")


def test_3d_animated_line_is_left_out_until_blitted():
    fig = plt.figure(figsize=(3, 2), dpi=100)
    ax = fig.add_subplot(projection="3d")
    (line,) = ax.plot([0, 1], [0, 1], [0, 1], "r-", lw=4, animated=True)
    fig.canvas.draw()
    assert _inks(fig.canvas.buffer_rgba())[0] == 0
    ax.draw_artist(line)
    fig.canvas.blit()
    assert _inks(fig.canvas.buffer_rgba())[0] > 50
    assert _inks(_saved(fig))[0] > 50


def test_funcanimation_blit_draws_the_animated_artists_it_returns():
    """FuncAnimation(blit=True): each frame draws what ``func`` returns (matplotlib's
    _blit_draw), so an animated line shows in every frame; blit=False leaves it out,
    as matplotlib's full redraws do."""
    from lumos.plot.animation import FuncAnimation

    seen = {}
    for blit in (True, False):
        fig, ax = plt.subplots(figsize=(3, 2), dpi=100)
        (line,) = ax.plot([0, 1], [1, 0], "r-", lw=4, animated=True)

        def update(k, line=line):
            line.set_ydata([k, 1 - k])
            return (line,)

        anim = FuncAnimation(fig, update, frames=[0.0, 1.0], blit=blit)
        seen[blit] = [_inks(img)[0] for img in _frames(anim)]
        anim.stop()
    assert all(v > 50 for v in seen[True]) and seen[False] == [0, 0]


def _frames(anim) -> list:
    images: list = []
    anim.run(on_frame=images.append)
    return images


# -- OffsetFrom ------------------------------------------------------------------------------
def test_offsetfrom_a_lumos_annotation_as_matplotlib():
    """annotation_demo's ``OffsetFrom(an1, (0.5, 0))``: offsets (points or pixels) from
    a point of another annotation's box."""
    from matplotlib.text import OffsetFrom

    def run(pyplot):
        fig, ax = pyplot.subplots(figsize=(4, 3), dpi=100)
        an1 = ax.annotate("first", xy=(0.2, 0.8), va="center", ha="center")
        an2 = ax.annotate("second", xy=(0.1, 0.1), xytext=(0, -20), ha="center", va="top",
                          textcoords=OffsetFrom(an1, (0.5, 0)))
        an3 = ax.annotate("third", xy=(0.1, 0.1), xytext=(10, 5),
                          textcoords=OffsetFrom(an1, (1, 1), "pixels"))
        if pyplot is mplt:
            fig.canvas.draw()
        else:
            fig.draw()
        b1, b2, b3 = (a.get_window_extent() for a in (an1, an2, an3))
        return [b1.x0, b1.y0, (b2.x0 + b2.x1) / 2, b2.y1, b3.x0, b3.y0]

    assert run(plt) == pytest.approx(run(mplt), abs=0.5)


# -- keywords found taken and dropped -----------------------------------------------------
@pytest.mark.parametrize("radius", [0.3, -0.3, 0.0])
@pytest.mark.parametrize("clockwise", [False, True])
def test_path_contains_point_radius_as_matplotlib(radius, clockwise):
    """``Path.contains_point(radius=)``: the outline moved by radius / 2 (out for a
    counter-clockwise path and a positive radius), as matplotlib's Agg contour."""
    from matplotlib.path import Path as MplPath

    from lumos.path import Path

    t = np.linspace(0, 2 * np.pi, 11)[:-1]
    r = np.where(np.arange(10) % 2, 0.5, 1.0)
    star = np.c_[r * np.cos(t), r * np.sin(t)]
    if clockwise:
        star = star[::-1]
    star = np.r_[star, star[:1]]  # closed=True: the last vertex closes the ring
    pts = np.random.default_rng(1).uniform(-1.3, 1.3, (400, 2))
    ours = [Path(star, closed=True).contains_point(p, radius=radius) for p in pts]
    theirs = [MplPath(star, closed=True).contains_point(p, radius=radius) for p in pts]
    # points within float noise of the moved outline may fall either way
    assert sum(a != b for a, b in zip(ours, theirs, strict=True)) <= 2
    assert sum(ours) != sum(Path(star, closed=True).contains_point(p) for p in pts) \
        or radius == 0


def test_axis_set_view_interval_widens_unless_ignore_as_matplotlib():
    def run(pyplot):
        out = []
        for inverted in (False, True):
            for ignore in (False, True):
                fig, ax = pyplot.subplots()
                ax.set_xlim(0, 10)
                if inverted:
                    ax.invert_xaxis()
                ax.xaxis.set_view_interval(2, 12, ignore=ignore)
                out.append(tuple(float(v) for v in ax.get_xlim()))
        return out

    assert run(plt) == run(mplt)


def test_plot_trisurf_antialiased_reaches_its_edges():
    ax = plt.figure().add_subplot(projection="3d")
    x, y = np.random.default_rng(0).random((2, 30))
    for aa in (False, True):
        coll = ax.plot_trisurf(x, y, x * y, edgecolor="k", linewidth=0.5, antialiased=aa)
        assert [v.antialiased for v in coll.visuals() if hasattr(v, "antialiased")] == [aa]
