"""fig.canvas with matplotlib's API: events, drawing, timers, and matplotlib.animation
driving a lumos figure."""

from __future__ import annotations

import logging
import time

import numpy as np
import pytest

import lumos.pyplot as plt
from lumos.plot import timers
from lumos.plot.animation import FuncAnimation
from lumos.scene.events import Event


def test_mpl_connect_translates_lumos_events():
    fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
    ax.plot([0, 1], [0, 1])
    fig.draw()
    got = []
    cid = fig.canvas.mpl_connect("button_press_event", got.append)
    fig.canvas.mpl_connect("scroll_event", got.append)
    fig.canvas.mpl_connect("key_press_event", got.append)
    fig.canvas.events.emit(Event("mouse_press", x=100.0, y=50.0, button=3, inaxes=ax,
                                 xdata=0.2, ydata=0.7))
    fig.canvas.events.emit(Event("wheel", x=100.0, y=50.0, step=-1.0))
    fig.canvas.events.emit(Event("key_press", x=1.0, y=1.0, key="a",
                                 modifiers=frozenset({"ctrl", "shift"})))
    press, scroll, key = got
    assert press.name == "button_press_event" and press.canvas is fig.canvas
    assert (press.x, press.y) == (100.0, 300.0 - 50.0)  # from the bottom, as matplotlib
    assert press.button == 3 and press.inaxes is ax and press.xdata == 0.2
    assert scroll.button == "down" and scroll.step == -1.0
    assert key.key == "ctrl+A"
    fig.canvas.mpl_disconnect(cid)
    fig.canvas.events.emit(Event("mouse_press", x=1.0, y=1.0, button=1))
    assert len(got) == 3
    with pytest.raises(ValueError, match="button_press_event"):
        fig.canvas.mpl_connect("button_pressed", print)
    from lumos.plot.figure import FORMATS

    assert set(fig.canvas.get_supported_filetypes()) == set(FORMATS) - {"htm"}
    assert fig.canvas.get_default_filetype() == "png"


def test_draw_event_resize_close_and_axes_crossings():
    fig, axs = plt.subplots(1, 2)
    names = []
    for name in ("draw_event", "resize_event", "close_event", "axes_enter_event",
                 "axes_leave_event"):
        fig.canvas.mpl_connect(name, lambda e: names.append((e.name, e.inaxes)))
    fig.canvas.draw()
    fig.canvas.events.emit(Event("resize", size=(300, 200)))
    fig.canvas.events.emit(Event("mouse_move", x=1.0, y=1.0, inaxes=axs[0]))
    fig.canvas.events.emit(Event("mouse_move", x=2.0, y=1.0, inaxes=axs[0]))
    fig.canvas.events.emit(Event("mouse_move", x=3.0, y=1.0, inaxes=axs[1]))
    plt.close(fig)
    assert names == [("draw_event", None), ("resize_event", None),
                     ("axes_enter_event", axs[0]), ("axes_leave_event", axs[0]),
                     ("axes_enter_event", axs[1]), ("close_event", None)]


def test_pick_event_for_artists_with_a_picker():
    fig, ax = plt.subplots(figsize=(3, 3), dpi=100)
    line, = ax.plot([0, 1, 2], [0, 1, 2], "o-", picker=5)
    ax.plot([0, 2], [2, 0], color="C1")  # not pickable
    fig.draw()
    picks = []
    fig.canvas.mpl_connect("pick_event", picks.append)
    x, y = ax.transData.forward(np.array([1.0, 1.0]))
    fig.canvas.events.emit(Event("mouse_press", x=float(x) + 2, y=300 - float(y), button=1,
                                 inaxes=ax))
    assert len(picks) == 1 and picks[0].artist is line and picks[0].ind == [1]
    assert picks[0].mouseevent.name == "button_press_event"
    x, y = ax.transData.forward(np.array([1.9, 0.1]))  # only the other line is there
    fig.canvas.events.emit(Event("mouse_press", x=float(x), y=300 - float(y), button=1))
    assert len(picks) == 1
    assert line.get_picker() == 5.0


def test_timers_run_in_loops_and_stop():
    fig = plt.figure()
    ticks, once = [], []
    t = fig.canvas.new_timer(interval=10)
    t.add_callback(lambda: ticks.append(1) if len(ticks) < 3 else False)
    single = fig.canvas.new_timer(interval=5, callbacks=[(once.append, (1,), {})])
    single.single_shot = True
    t.start()
    single.start()
    assert timers.run_due() == 0  # nothing is due yet
    deadline = time.monotonic() + 5
    while t.running and time.monotonic() < deadline:
        timers.run_for(0.02)
    assert ticks == [1, 1, 1] and not t.running  # returning False removed the callback
    assert once == [1] and not single.running
    with pytest.raises(ValueError, match="interval"):
        fig.canvas.new_timer(interval=-1)


def test_axes_limit_callbacks():
    fig, axs = plt.subplots(2, sharex=True)
    seen = []
    axs[1].callbacks.connect("xlim_changed", lambda ax: seen.append(ax.get_xlim()))
    axs[0].set_xlim(0, 5)  # shared: the other axes hears it
    assert seen == [(0, 5)]
    axs[0].plot([0, 10], [0, 1])
    axs[0].set_xlim(auto=True)
    axs[0].autoscale()
    fig.draw()
    assert seen[-1][1] > 10
    with pytest.raises(ValueError, match="xlim_changed"):
        axs[0].callbacks.connect("limits", print)


def test_callback_errors_raise_in_scripts_and_are_logged_in_loops(caplog):
    # matplotlib's default handler: headless it re-raises, in a GUI loop it prints
    from lumos.plot.callbacks import front_end_loop

    fig, ax = plt.subplots()
    seen = []

    def broken(ax):
        raise ZeroDivisionError("boom")

    ax.callbacks.connect("xlim_changed", broken)
    ax.callbacks.connect("xlim_changed", seen.append)
    with pytest.raises(ZeroDivisionError, match="boom"):
        ax.set_xlim(0, 5)
    assert seen == []  # as in matplotlib, the error stops the later callbacks
    with caplog.at_level(logging.ERROR, logger="lumos.app"), front_end_loop():
        ax.set_xlim(0, 6)
    assert seen == [ax] and "boom" in caplog.text and "Traceback" in caplog.text

    t = fig.canvas.new_timer(interval=0)
    t.add_callback(broken, ax)
    t.start()
    with pytest.raises(ZeroDivisionError):
        timers.run_for(0.01)
    caplog.clear()
    with caplog.at_level(logging.ERROR, logger="lumos.app"), front_end_loop():
        timers.run_due()
    assert "boom" in caplog.text
    t.stop()


def test_matplotlib_funcanimation_saves_a_lumos_figure(tmp_path):
    pytest.importorskip("PIL")
    mpl = pytest.importorskip("matplotlib")
    mpl.use("Agg")
    import matplotlib.animation as manim
    from PIL import Image

    fig, ax = plt.subplots(figsize=(3, 2), dpi=50)
    x = np.linspace(0, 6, 50)
    line, = ax.plot(x, np.sin(x))
    frames = []

    def update(i):
        frames.append(i)
        line.set_ydata(np.sin(x + i))
        return (line,)

    anim = manim.FuncAnimation(fig, update, frames=6, interval=20, blit=True)
    anim.save(tmp_path / "a.gif", writer="pillow", fps=10)
    gif = Image.open(tmp_path / "a.gif")
    assert gif.size == (150, 100) and gif.n_frames == 6
    first = np.asarray(gif.convert("RGB")).copy()
    gif.seek(3)
    assert np.abs(np.asarray(gif.convert("RGB")).astype(int) - first).sum() > 0
    if manim.writers.is_available("ffmpeg"):
        anim.save(tmp_path / "a.mp4", fps=10)
        assert (tmp_path / "a.mp4").stat().st_size > 0
    lines = [[ax.plot(x, np.cos(x + k), color="C1")[0]] for k in range(3)]
    manim.ArtistAnimation(fig, lines, interval=30).save(tmp_path / "b.gif", writer="pillow")
    assert Image.open(tmp_path / "b.gif").n_frames == 3


def test_savefig_after_an_animation_saves_its_last_frame(tmp_path):
    """savefig draws while the canvas is saving: its draw_event starts no animation
    (which would rewind the data to the first frame), as matplotlib's print_figure."""
    mpl = pytest.importorskip("matplotlib")
    mpl.use("Agg")
    import matplotlib.animation as manim

    fig, ax = plt.subplots(figsize=(3, 2), dpi=50)
    line, = ax.plot([0, 1], [0, 0])
    saving = []
    fig.canvas.mpl_connect("draw_event", lambda e: saving.append(e.canvas.is_saving()))
    anim = manim.FuncAnimation(fig, lambda i: line.set_ydata([0, i]), frames=[1, 2, 3])
    anim.save(tmp_path / "a.gif", writer="pillow")
    fig.savefig(tmp_path / "a.png")
    assert saving and all(saving)
    assert list(line.get_ydata()) == [0, 3]


def test_matplotlib_funcanimation_runs_when_the_loop_runs():
    mpl = pytest.importorskip("matplotlib")
    mpl.use("Agg")
    import matplotlib.animation as manim

    fig, ax = plt.subplots()
    line, = ax.plot([0, 1], [0, 1])
    seen = []

    def update(i):
        seen.append(i)
        line.set_ydata([0, i])
        return (line,)

    anim = manim.FuncAnimation(fig, update, frames=4, interval=10, repeat=False)
    assert seen == []
    fig.canvas.draw()  # the first draw starts it, as matplotlib's
    plt.pause(0.4)
    assert seen[-4:] == [0, 1, 2, 3] and list(line.get_ydata()) == [0, 3]
    assert ax.get_ylim() == pytest.approx((-0.05, 1.05))  # set_data keeps the limits
    del anim


def test_lumos_funcanimation_starts_on_first_draw_and_checks_keywords():
    fig, ax = plt.subplots()
    seen = []
    anim = FuncAnimation(fig, seen.append, frames=3, interval=10, repeat=False,
                         cache_frame_data=False)
    fig.draw()
    timers.run_for(0.3)
    assert seen == [0, 1, 2] and not anim.running
    with pytest.raises(TypeError, match="blitt"):
        FuncAnimation(fig, seen.append, frames=3, blitt=True)
    endless = FuncAnimation(fig, seen.append, save_count=2)
    assert endless.save_count == 2


def test_closing_the_figure_ends_its_animation():
    fig, ax = plt.subplots()
    seen = []
    anim = FuncAnimation(fig, seen.append, interval=10)
    fig.draw()
    timers.run_for(0.05)
    assert anim.running and seen
    plt.close(fig)  # as matplotlib's: the animation stops with its figure
    count = len(seen)
    timers.run_for(0.05)
    assert not anim.running and len(seen) == count


def test_manual_blitting_shows_the_current_state():
    fig, ax = plt.subplots(figsize=(2, 2), dpi=50)
    line, = ax.plot([0, 1], [0, 0])
    line.set_animated(True)
    fig.canvas.draw()
    bg = fig.canvas.copy_from_bbox(fig.bbox)
    line.set_ydata([1, 1])
    fig.canvas.restore_region(bg)
    ax.draw_artist(line)
    fig.canvas.blit(fig.bbox)
    fig.canvas.flush_events()
    assert list(line.get_ydata()) == [1, 1]
    assert ax.get_ylim() == pytest.approx((-0.055, 0.055))  # matplotlib's: data kept limits


def test_figure_draw_artist_takes_any_artist_of_the_figure():
    """The blitting tutorial's ``fig.draw_artist`` on an axes' line and a figure text."""
    fig, ax = plt.subplots(figsize=(2, 2), dpi=50)
    line, = ax.plot([0, 1], [0, 0], animated=True)
    label = fig.text(0.5, 0.5, "0")
    sub = fig.subfigures(1, 1)
    in_sub = sub.text(0.1, 0.1, "s")
    fig.canvas.draw()
    bg = fig.canvas.copy_from_bbox(fig.bbox)
    line.set_ydata([1, 1])
    label.set_text("1")
    fig.canvas.restore_region(bg)
    for a in (line, label, in_sub):
        fig.draw_artist(a)
    fig.canvas.blit(fig.bbox)
    assert list(line.get_ydata()) == [1, 1] and label.get_text() == "1"
    other, other_ax = plt.subplots()
    with pytest.raises(ValueError, match="not in this figure"):
        fig.draw_artist(other_ax.plot([0, 1])[0])
    with pytest.raises(ValueError, match="not in this figure"):
        fig.draw_artist("line")


def test_savefig_draws_animated_artists_as_matplotlib(tmp_path):
    """matplotlib leaves animated artists out of screen draws (blitting draws them) but
    draws them while saving (canvas.is_saving()); lumos too (test_accepted_honoured.py
    follows them through draw, blit and restore_region)."""
    mpl = pytest.importorskip("matplotlib")
    mpl.use("Agg")
    import matplotlib.pyplot as mplt
    from PIL import Image

    def red_pixels(pyplot, animated: bool) -> int:
        fig, ax = pyplot.subplots(figsize=(2, 2), dpi=50)
        ax.plot([0, 1], [0, 1], "r-", lw=5, animated=animated)
        ax.text(0.1, 0.8, "t", color="r", animated=animated)
        path = tmp_path / f"{pyplot.__name__}{animated}.png"
        fig.savefig(path)
        pyplot.close(fig)
        rgb = np.asarray(Image.open(path).convert("RGB")).astype(int)
        return int(((rgb[..., 0] > 200) & (rgb[..., 1] < 80) & (rgb[..., 2] < 80)).sum())

    for pyplot in (mplt, plt):
        assert red_pixels(pyplot, True) == red_pixels(pyplot, False) > 100


def test_canvas_pixels_renderer_and_manager_as_matplotlib():
    fig, ax = plt.subplots(figsize=(3, 2), dpi=50)
    ax.plot([0, 1], [0, 1], color="r", lw=4)
    fig.canvas.draw()
    rgba = np.asarray(fig.canvas.buffer_rgba())
    assert rgba.shape == (100, 150, 4) and rgba.dtype == np.uint8
    red = (rgba[..., 0] > 200) & (rgba[..., 1] < 80)
    assert red.sum() > 100  # the line is in the pixels
    rgb = np.frombuffer(fig.canvas.tostring_rgb(), np.uint8).reshape(100, 150, 3)
    argb = np.frombuffer(fig.canvas.tostring_argb(), np.uint8).reshape(100, 150, 4)
    assert (rgb == rgba[..., :3]).all() and (argb[..., 1:] == rgba[..., :3]).all()
    assert (argb[..., 0] == rgba[..., 3]).all()
    data, size = fig.canvas.print_to_buffer()
    assert size == (150, 100) and len(data) == 150 * 100 * 4
    renderer = fig.canvas.get_renderer()
    assert (renderer.width, renderer.height, renderer.dpi) == (150, 100, 50)
    assert renderer.points_to_pixels(72) == pytest.approx(50)
    assert np.asarray(fig.canvas.renderer.buffer_rgba()).shape == (100, 150, 4)
    manager = plt.get_current_fig_manager()
    assert manager is fig.canvas.manager and manager.num == fig.number
    assert fig.window_title() == f"Figure {fig.number}"
    manager.set_window_title("A Boxplot Example")
    assert manager.get_window_title() == fig.window_title() == "A Boxplot Example"
    with pytest.raises(TypeError, match="title"):
        manager.set_window_title(3)
    plt.close(fig)


def test_mpl_connect_errors_raise_in_scripts_and_are_logged_in_loops(caplog):
    """close_event and the other mpl_connect events follow matplotlib's handler: the
    error comes out of plt.close / the synthetic event in a plain script, and is logged
    (the later callbacks still run) while a front-end's loop dispatches."""
    from lumos.plot.callbacks import front_end_loop
    from lumos.scene.events import Event as SceneEvent

    def broken(event):
        raise ZeroDivisionError("boom")

    fig = plt.figure()
    seen = []
    fig.canvas.mpl_connect("close_event", broken)
    fig.canvas.mpl_connect("close_event", seen.append)
    with pytest.raises(ZeroDivisionError, match="boom"):
        plt.close(fig)
    assert seen == [] and not plt.fignum_exists(fig.number)  # closed all the same
    fig = plt.figure()
    fig.canvas.mpl_connect("close_event", broken)
    fig.canvas.mpl_connect("close_event", seen.append)
    with caplog.at_level(logging.ERROR, logger="lumos.app"), front_end_loop():
        plt.close(fig)
    assert [e.name for e in seen] == ["close_event"] and "boom" in caplog.text

    fig = plt.figure()
    cid = fig.canvas.mpl_connect("key_release_event", broken)
    with pytest.raises(ZeroDivisionError):
        fig.canvas.events.emit(SceneEvent("key_release", 10, 10, key="a"))
    caplog.clear()
    with caplog.at_level(logging.ERROR, logger="lumos.app"), front_end_loop():
        fig.canvas.events.emit(SceneEvent("key_release", 10, 10, key="a"))
    assert "key_release_event" in caplog.text and "Traceback" in caplog.text
    # lumos's own fig.on callbacks keep their rule: logged
    fig.on("key_release", broken)
    fig.canvas.mpl_disconnect(cid)
    caplog.clear()
    with caplog.at_level(logging.ERROR, logger="lumos.app"):
        fig.canvas.events.emit(SceneEvent("key_release", 10, 10, key="a"))
    assert "boom" in caplog.text
    plt.close(fig)


def _blit_per_axes(pyplot) -> list:
    """Blitting with a background per axes (matplotlib's way with several axes) and a
    part of the whole figure's: the red and blue pixels after each step."""
    fig, (a1, a2) = pyplot.subplots(1, 2, figsize=(4, 2), dpi=50)
    red, = a1.plot([0, 1], [0, 1], "r-", lw=4, animated=True)
    blue, = a2.plot([0, 1], [0, 1], "b-", lw=4, animated=True)
    canvas = fig.canvas
    canvas.draw()
    whole = canvas.copy_from_bbox(fig.bbox)
    bg1, bg2 = canvas.copy_from_bbox(a1.bbox), canvas.copy_from_bbox(a2.bbox)
    out = []

    def inks():
        canvas.blit(fig.bbox)
        px = np.asarray(canvas.buffer_rgba())[..., :3].astype(int)
        r, g, b = px[..., 0], px[..., 1], px[..., 2]
        out.append((int(((r > 200) & (g < 90) & (b < 90)).sum()),
                    int(((b > 200) & (r < 90) & (g < 90)).sum())))

    a1.draw_artist(red)
    a2.draw_artist(blue)
    inks()  # both drawn
    canvas.restore_region(bg1)
    inks()  # the left axes' background: red gone, blue stays
    a1.draw_artist(red)
    canvas.restore_region(bg2)
    inks()  # the right one's: blue gone, red stays
    a2.draw_artist(blue)
    x0, y0, x1, y1 = whole.get_extents()
    canvas.restore_region(whole, bbox=((x0 + x1) // 2, y0, x1, y1), xy=(x0, y0))
    inks()  # the right half of the whole figure's, in place: blue gone
    pyplot.close(fig)
    return out


def test_restore_region_takes_back_its_box_only_as_matplotlib():
    """copy_from_bbox keeps its box: a region restored leaves out again the animated
    artists drawn inside it, and those elsewhere stay (Agg copies those pixels only);
    ``bbox`` restores a part of a region, in place with ``xy`` at its corner."""
    mpl = pytest.importorskip("matplotlib")
    mpl.use("Agg")
    import matplotlib.pyplot as mplt

    got, want = _blit_per_axes(plt), _blit_per_axes(mplt)
    shown = [[v > 20 for v in step] for step in want]
    assert shown == [[True, True], [False, True], [True, False], [True, False]]
    assert [[v > 20 for v in step] for step in got] == shown
    extents = []
    for pyplot in (plt, mplt):  # Agg's whole pixels, rows from the top
        fig, ax = pyplot.subplots(figsize=(7 / 3, 2.555), dpi=100)
        fig.canvas.draw()
        extents.append([fig.canvas.copy_from_bbox(b).get_extents() for b in (ax.bbox,
                                                                            fig.bbox)])
        pyplot.close(fig)
    assert extents[0] == extents[1]
    fig, ax = plt.subplots()
    fig.canvas.draw()
    region = fig.canvas.copy_from_bbox(ax.bbox)
    x0, y0, x1, y1 = region.get_extents()
    # the docstring's scroll of Agg's restore_region: a part moved 10 pixels left
    with pytest.raises(TypeError, match="move"):  # lumos copies no pixels
        fig.canvas.restore_region(region, bbox=(x0 + 10, y0, x1, y1), xy=(x0 - 10, y0))
    with pytest.raises(TypeError, match="bbox"):
        fig.canvas.copy_from_bbox("axes")
    with pytest.raises(TypeError, match="region"):
        fig.canvas.restore_region((0, 0, 1, 1))
    plt.close(fig)
