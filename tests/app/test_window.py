"""The GLFW window under Xvfb: real windows and contexts, synthetic input through the
window's own handlers, screenshots read back with glReadPixels."""

from __future__ import annotations

import gc
import logging

import numpy as np
import pytest

import lumos.pyplot as plt
from lumos import visuals
from lumos.app import window as winmod
from lumos.app.window import Window
from lumos.plot.figure import Figure
from lumos.scene import Canvas
from tests.parts import image_in_two_views

pytestmark = pytest.mark.usefixtures("xvfb")


def line_figure(n: int = 50) -> tuple[Figure, object]:
    fig = Figure(figsize=(4, 3), dpi=100)
    ax = fig.subplot(0, 0)
    x = np.linspace(0, 10, n)
    ax.plot(x, np.sin(x), "o-")
    return fig, ax


def mean_diff(a: np.ndarray, b: np.ndarray) -> float:
    assert a.shape == b.shape, (a.shape, b.shape)
    return float(np.abs(a.astype(int) - b.astype(int))[..., :3].mean())


def equals_up_to_rasterizer(shot: np.ndarray, ref: np.ndarray) -> bool:
    """Whether a frame drawn straight into the window is its offscreen render up to
    the rasterizer: Mesa's llvmpipe draws a window's framebuffer upside down (60 random
    triangles showing fract(37 * a varying): 5% of their pixels differ from an offscreen
    render, none from an offscreen render of the triangles mirrored, flipped back), so
    interpolated varyings differ in their last bits and a few antialiased pixels
    (glyph edges at 1/64 pixel) by one level; multisampling or a misplaced draw would
    change far more, by far more."""
    d = np.abs(shot[..., :3].astype(int) - ref[..., :3].astype(int)).max(axis=2)
    return d.max() <= 1 and (d > 0).mean() < 2e-4


@pytest.fixture
def win():
    fig, ax = line_figure()
    w = Window(fig)
    w.draw()  # as show() does: the axes are laid out before any input
    yield w
    w.close()


def test_window_picture_equals_offscreen_render(win):
    fig = win.scene
    shot = win.grab()
    ref = fig.render()
    assert shot.shape == ref.shape == (300, 400, 4)
    assert mean_diff(shot, ref) < 0.5
    # and after the window drew, headless rendering still works (contexts take turns)
    assert mean_diff(fig.render(), ref) == 0


def test_drag_pans_the_axes_and_the_ticks_follow(win):
    fig = win.scene
    ax = fig.axes[0]
    before = win.grab()
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    box = ax.view.rect
    it = win.interaction
    it.press(200, 150, 1)
    it.move(220, 150)
    it.move(240, 160)
    it.release(240, 160, 1)
    dx = -(40 / box[2]) * (x1 - x0)
    dy = (10 / box[3]) * (y1 - y0)
    np.testing.assert_allclose(ax.get_xlim(), (x0 + dx, x1 + dx), rtol=1e-9)
    np.testing.assert_allclose(ax.get_ylim(), (y0 + dy, y1 + dy), rtol=1e-9)
    after = win.grab()
    assert mean_diff(after, before) > 1
    # the window shows what the figure now renders offscreen: ticks recomputed
    assert mean_diff(after, fig.render()) < 0.5


def test_wheel_modifiers_zoom_one_axis_and_double_click_resets(win):
    ax = win.scene.axes[0]
    x_lim, y_lim = ax.get_xlim(), ax.get_ylim()
    it = win.interaction
    it.wheel(200, 150, 2, {"ctrl"})  # x only, zoom in
    assert np.ptp(ax.get_xlim()) < np.ptp(x_lim) and ax.get_ylim() == pytest.approx(y_lim)
    it.wheel(200, 150, 2, {"shift"})  # y only
    assert np.ptp(ax.get_ylim()) < np.ptp(y_lim)
    it.double_click(200, 150)
    assert ax.get_xlim() == pytest.approx(x_lim) and ax.get_ylim() == pytest.approx(y_lim)


def test_right_drag_zoom_and_box_zoom(win):
    ax = win.scene.axes[0]
    x_lim = ax.get_xlim()
    it = win.interaction
    it.press(200, 150, 3)
    it.move(260, 150)
    it.release(260, 150, 3)
    assert np.ptp(ax.get_xlim()) == pytest.approx(np.ptp(x_lim) * 1.1 ** (-60 / 20))
    it.key("r")
    assert ax.get_xlim() == pytest.approx(x_lim)
    vx, vy, vw, vh = ax.view.rect
    it.press(vx + vw * 0.25, vy + vh * 0.5, 1, {"shift"})
    it.move(vx + vw * 0.5, vy + vh * 0.75, {"shift"})
    it.release(vx + vw * 0.5, vy + vh * 0.75, 1, {"shift"})
    lo, hi = x_lim
    np.testing.assert_allclose(ax.get_xlim(), (lo + (hi - lo) / 4, lo + (hi - lo) / 2),
                               rtol=1e-9)


def test_events_carry_data_coordinates_and_errors_do_not_stop_them(win, caplog):
    fig = win.scene
    ax = fig.axes[0]
    seen = []

    @fig.on("mouse_press")
    def broken(event):
        raise ValueError("boom")

    fig.on("mouse_press", seen.append)
    px, py = ax.to_pixels(5.0, 0.25)  # figure pixels from the bottom
    with caplog.at_level(logging.ERROR, logger="lumos.app"):
        win.interaction.press(px, 300 - py, 1)
        win.interaction.release(px, 300 - py, 1)
    assert len(seen) == 1
    ev = seen[0]
    assert ev.inaxes is ax and ev.button == 1
    assert ev.xdata == pytest.approx(5.0, abs=1e-9) and ev.ydata == pytest.approx(0.25)
    assert "boom" in caplog.text and "Traceback" in caplog.text
    assert win.draw() is not None  # the window goes on
    # outside every axes: no data coordinates
    win.interaction.press(2, 2, 1)
    assert seen[-1].inaxes is None and seen[-1].xdata is None


def test_draw_and_resize_events_and_nothing_after_close():
    fig, ax = line_figure()
    w = Window(fig)
    names = []
    for name in ("draw", "resize", "mouse_move"):
        fig.on(name, lambda e: names.append(e.name))
    w.draw()
    assert names == ["draw"]
    w.glfw.set_window_size(w._win, 500, 320)
    for _ in range(50):
        winmod.process_events(0.01)
        if "resize" in names and w.size == (500, 320):
            break
    assert "resize" in names
    w.draw()
    assert fig.canvas.size == (500, 320)  # the figure follows the window
    w.close()
    names.clear()
    w.interaction.move(10, 10)
    w.interaction.press(10, 10, 1)
    assert names == [] and w.draw() is None


def test_a_frame_asks_the_x_server_nothing_about_sizes(win, monkeypatch):
    """Each size query is a round trip to the X server that a frame would wait for:
    frames use the sizes GLFW's callbacks reported, and a resize still reaches them."""
    def refused(*args):
        raise AssertionError("a size query in a frame")

    monkeypatch.setattr(win.glfw, "get_window_size", refused)
    monkeypatch.setattr(win.glfw, "get_framebuffer_size", refused)
    assert win.draw().size == (400, 300)
    win._on_framebuffer(200, 150)  # what GLFW calls with a new size
    win._on_resize(200, 150)
    assert win.draw().size == (200, 150)
    assert win.scene.canvas.size == (200, 150)


def test_real_glfw_callbacks_pan(win):
    """Through the callbacks GLFW calls, with the pointer warped by GLFW itself."""
    g, handle = win.glfw, win._win
    ax = win.scene.axes[0]
    x_lim = ax.get_xlim()
    g.set_cursor_pos(handle, 200, 150)
    win._on_button(g.MOUSE_BUTTON_LEFT, g.PRESS, 0)
    g.set_cursor_pos(handle, 150, 150)
    win._on_move(150, 150)
    win._on_button(g.MOUSE_BUTTON_LEFT, g.RELEASE, 0)
    assert ax.get_xlim()[0] > x_lim[0]
    win._on_scroll(0, 1)
    assert np.ptp(ax.get_xlim()) < np.ptp(x_lim)


def test_pick_in_a_window(win):
    fig = win.scene
    ax = fig.axes[0]
    line = ax.get_lines()[0]
    x = np.linspace(0, 10, 50)
    px, py = ax.to_pixels(x[17], np.sin(x[17]))
    hit = fig.pick(px, 300 - py)
    assert hit is not None and hit[0] is line and hit[1] == 17
    assert fig.pick(3, 3) is None


def test_canvas_3d_rotation_changes_only_the_camera():
    canvas = Canvas(size=(200, 150))
    view = canvas.add_view(camera="turntable")
    view.add(visuals.Mesh(np.array([[0, 0, 0], [1, 0, 0], [0, 1, 0.5]], float),
                          np.array([[0, 1, 2]])))
    view.camera.set_range()
    w = Window(canvas)
    try:
        w.draw()
        uploaded = w.executor.uploaded_bytes
        az = view.camera.azimuth
        w.interaction.press(100, 75, 1)
        w.interaction.move(130, 75)
        w.interaction.release(130, 75, 1)
        w.draw()
        assert view.camera.azimuth == pytest.approx(az - 30 * 180 / 150)
        assert w.executor.uploaded_bytes == uploaded  # uniforms only
        shot = w.grab()
        assert mean_diff(shot, canvas.render()) < 0.5
    finally:
        w.close()


def test_nonblocking_show_and_pause_redraw_live_data():
    fig = plt.figure(figsize=(3, 2), dpi=100)
    (line,) = plt.plot([0, 1, 2], [0, 1, 0])
    plt.show(block=False)
    w = fig.canvas.host
    assert isinstance(w, Window) and not w.closed
    frames = len(w.frame_times)
    line.set_ydata([1, 0, 1])
    plt.pause(0.05)
    assert len(w.frame_times) > frames
    assert mean_diff(w.grab(), fig.render()) < 0.5
    plt.close(fig)  # as matplotlib's: its window closes too
    assert w.closed and winmod.open_windows() == []


def test_no_display_says_what_to_do(monkeypatch):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    fig, _ = line_figure()
    with pytest.raises(RuntimeError, match="savefig"):
        Window(fig)
    with pytest.warns(UserWarning, match="notebook"):
        fig.show()


def _live_gl_objects() -> int:
    import moderngl

    kinds = (moderngl.Buffer, moderngl.Texture, moderngl.Program, moderngl.VertexArray,
             moderngl.Framebuffer, moderngl.Renderbuffer)
    gc.collect()
    return sum(1 for o in gc.get_objects()
               if isinstance(o, kinds) and not isinstance(o.mglo, moderngl.InvalidObject))


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096 / 2**20


def test_open_close_100_windows_releases_everything():
    fig, ax = line_figure()

    def cycle():
        w = Window(fig, visible=False)
        w.draw()
        fig.pick(200, 150)  # the picker lives in the window's context too
        held = len(w.executor._buffers) + len(w.executor._programs) + len(w.executor._vaos)
        assert held > 0
        executor = w.executor
        w.close()
        assert not executor._buffers and not executor._programs and not executor._vaos
        assert fig.canvas._picker is None and fig.canvas.host is None

    for _ in range(5):
        cycle()
    objects, rss = _live_gl_objects(), _rss_mb()
    for _ in range(100):
        cycle()
    assert not winmod._windows
    assert _live_gl_objects() <= objects
    assert _rss_mb() - rss < 60, f"memory grew by {_rss_mb() - rss:.1f} MB"


def test_pan_cost_follows_pixels_not_points():
    """A long line pans through its level of detail: what crosses to the GPU per frame
    does not grow with the number of points."""
    per_frame = {}
    for n in (20_000, 400_000):
        fig = Figure(figsize=(4, 3), dpi=100)
        fig.subplot(0, 0).plot(np.arange(n, dtype=float), np.sin(np.arange(n) / 500.0))
        w = Window(fig, visible=False)
        try:
            w.draw()
            it = w.interaction
            it.press(200, 150, 1)
            start = w.executor.uploaded_bytes
            for i in range(5):
                it.move(200 + 7 * (i + 1), 150)
                w.draw()
            per_frame[n] = (w.executor.uploaded_bytes - start) / 5
        finally:
            w.close()
    assert per_frame[400_000] < 1.5 * per_frame[20_000] + 10_000, per_frame
    assert per_frame[400_000] < 200_000, per_frame


def test_window_multisamples_only_the_frames_that_need_it(win):
    # a 2D figure needs no multisampling: drawn straight into the window, the picture
    # of its offscreen render (up to the rasterizer's last bits: equals_up_to_rasterizer)
    shot = win.grab()
    assert win.presenter.msaa is None
    assert equals_up_to_rasterizer(shot, win.scene.render())
    # triangles (3D) do: multisampled offscreen, resolved into the window
    canvas = Canvas(size=(200, 150))
    view = canvas.add_view(camera="turntable")
    view.add(visuals.Mesh(np.array([[0, 0, 0], [1, 0, 0], [0, 1, 0.5]], float),
                          np.array([[0, 1, 2]])))
    view.camera.set_range()
    w = Window(canvas)
    try:
        shot = w.grab()
        assert w.presenter.msaa is not None and w.presenter.msaa.samples == 4
        assert np.array_equal(shot[..., :3], canvas.render()[..., :3])
    finally:
        w.close()
    w = Window(canvas, samples=0)  # never multisampled
    try:
        w.grab()
        assert w.presenter.msaa is None
    finally:
        w.close()


def test_animation_and_timers_run_in_the_window_loop():
    """A shown figure's FuncAnimation starts at its first draw and the window's loop
    steps it; mpl_connect callbacks hear the window's input, in matplotlib's terms."""
    from lumos.plot.animation import FuncAnimation

    fig = plt.figure(figsize=(3, 2), dpi=100)
    (line,) = plt.plot([0, 1, 2], [0, 1, 0])
    steps, clicks = [], []
    anim = FuncAnimation(fig, lambda i: (steps.append(i), line.set_ydata([i, 0, i])),
                         frames=5, interval=10, repeat=False)
    fig.canvas.mpl_connect("button_press_event", clicks.append)
    plt.show(block=False)
    for _ in range(100):  # a loaded machine ticks late: run the loop until it ends
        plt.pause(0.1)
        if not anim.running:
            break
    assert steps == [0, 1, 2, 3, 4] and not anim.running
    w = fig.canvas.host
    assert mean_diff(w.grab(), fig.render()) < 0.5  # the window shows the last frame
    w.interaction.press(150, 100, 1)
    assert clicks and clicks[0].button == 1 and clicks[0].y == 200 - 100
    assert clicks[0].inaxes is fig.axes[0]


def test_window_loop_logs_timer_errors(caplog):
    t = plt.figure().canvas.new_timer(interval=0)
    t.add_callback(lambda: 1 / 0)
    t.start()
    with caplog.at_level(logging.ERROR, logger="lumos.app"):
        winmod.process_events(0.0)  # the window's loop goes on
    assert "ZeroDivisionError" in caplog.text


def test_window_key_press_and_release_reach_mpl_connect(win):
    """GLFW's key callback: PRESS and REPEAT make key_press_event, RELEASE
    key_release_event (matplotlib emits both; selectors read the release)."""
    g = win.glfw
    got = []
    canvas = win.scene.canvas
    for name in ("key_press_event", "key_release_event"):
        canvas.mpl_connect(name, lambda e: got.append((e.name, e.key)))
    win._on_key(g.KEY_A, 0, g.PRESS, 0)
    win._on_key(g.KEY_A, 0, g.REPEAT, 0)
    win._on_key(g.KEY_A, 0, g.RELEASE, 0)
    # a modifier key alone has matplotlib's name, with no prefix of itself
    win._on_key(g.KEY_LEFT_CONTROL, 0, g.PRESS, g.MOD_CONTROL)
    win._on_key(g.KEY_LEFT_SHIFT, 0, g.RELEASE, g.MOD_SHIFT)
    assert got == [("key_press_event", "a"), ("key_press_event", "a"),
                   ("key_release_event", "a"), ("key_press_event", "control"),
                   ("key_release_event", "shift")]


def test_window_pointer_entering_and_leaving_makes_figure_events(win):
    """GLFW's cursor-enter callback: matplotlib's figure_enter_event and
    figure_leave_event, at the pointer."""
    got = []
    canvas = win.scene.canvas
    for name in ("figure_enter_event", "figure_leave_event"):
        canvas.mpl_connect(name, lambda e: got.append((e.name, e.inaxes is not None)))
    ax = win.scene.axes[0]
    px, py = ax.to_pixels(5.0, 0.25)
    win.glfw.set_cursor_pos(win._win, px, 300 - py)
    win._on_enter(1)
    win._on_move(px, 300 - py)
    win._on_enter(0)
    assert [g[0] for g in got] == ["figure_enter_event", "figure_leave_event"]
    assert got[1][1]  # at the last position the window saw: over the axes


def drawn_whole(w: Window, monkeypatch) -> np.ndarray:
    """The window's next frame drawn whole (no part of it drawn early), read back."""
    with monkeypatch.context() as m:
        m.setattr(w.presenter, "_single", False)  # as after a multisampled frame
        return w.grab()


def dragged(w: Window, monkeypatch, x: float, y: float, steps):
    """Window ``w`` drawn, then dragged from (x, y) by each (dx, dy) of ``steps``: per
    frame the ``continued`` of each executor render it made, its picture and the same
    frame drawn whole (RGB)."""
    calls = []
    render = w.executor.render

    def recorded(frame, fbo, tile=None, continued=False):
        calls.append(continued)
        return render(frame, fbo, tile, continued)

    monkeypatch.setattr(w.executor, "render", recorded)
    w.draw()
    it = w.interaction
    it.press(x, y, 1)
    for dx, dy in steps:
        calls.clear()
        it.move(x + dx, y + dy)
        shot = w.grab()
        made = list(calls)
        yield made, shot[..., :3], drawn_whole(w, monkeypatch)[..., :3]
    it.release(x, y, 1)


def test_a_pan_frame_drawn_in_parts_is_the_whole_frames_picture(monkeypatch):
    # after a single-sampled frame, the axes' data is drawn and flushed before the
    # decorations are made (software GL rasterizes it meanwhile), the rest over it;
    # the picture is the frame drawn whole, exactly, and the figure's offscreen render
    # up to the rasterizer's last bits (equals_up_to_rasterizer), with views between
    # and over the axes
    # (twins, an inset, texts), images (their colormapped texels in a render target)
    # and dashed lines (their scan in render targets) included; frames that cannot be
    # drawn so (a legend's multisampled box) are drawn whole; where the decorations
    # change the data drawn early (an axhline follows the view), the whole frame is
    # drawn again, and the next frames whole at once
    for extra, first, later in ((None, [False, True], [False, True]),
                                ("markers", [False], [False]),
                                ("imshow", [False, True], [False, True]),
                                ("dashes", [False, True], [False, True]),
                                ("axhline", [False, False], [False])):
        fig = Figure(figsize=(4, 3), dpi=100)
        ax = fig.subplot(0, 0)
        x = np.linspace(0, 10, 400)
        ax.plot(x, np.sin(x), label="sin")
        ax.text(2, 0.5, "text")
        ax.twinx().plot(x, x, "r")
        ax.inset_axes([0.6, 0.1, 0.3, 0.3]).plot(x, x ** 2)
        if extra == "markers":
            ax.plot(x, np.cos(x), "o--", markevery=(0, 0.1), label="cos")
            ax.legend()
        elif extra == "axhline":
            ax.axhline(0.2)
        elif extra == "imshow":  # shrunk: its colors filtered from a render target
            yy, xx = np.mgrid[0:1:300j, 0:1:400j]
            ax.imshow(np.sin(9 * xx) * np.cos(7 * yy), extent=(0, 10, -1, 1), aspect="auto")
        elif extra == "dashes":
            ax.plot(x, np.cos(x), "--")
        w = Window(fig)
        try:
            steps = [(-10 - 9 * i, 4 * i) for i in range(4)]
            for i, (calls, shot, whole) in enumerate(dragged(w, monkeypatch, 200, 150, steps)):
                assert calls == (later if i else first), calls
                assert np.array_equal(shot, whole)
                assert equals_up_to_rasterizer(shot, fig.render())
        finally:
            w.close()


def test_legend_picking_example_in_a_window():
    """matplotlib's legend_picking.py in a window, through the callbacks GLFW calls: a
    click on a legend line (the legend is draggable too) toggles the line it stands
    for; the axes stay."""
    from tests.clicks import legend_picking, toggle_legend_lines

    fig, ax, leg, lines = legend_picking(plt)
    w = Window(fig)

    def click(x, y):
        g = w.glfw
        g.set_cursor_pos(w._win, x, y)
        w._on_button(g.MOUSE_BUTTON_LEFT, g.PRESS, 0)
        w._on_button(g.MOUSE_BUTTON_LEFT, g.RELEASE, 0)
        w.draw()

    try:
        w.draw()
        toggle_legend_lines(fig, ax, leg, lines, click)
    finally:
        w.close()
        plt.close(fig)


class _FirstViewEarly:
    """A canvas as a scene that makes its first view before the others, as a figure
    makes its axes' data before the decorations."""

    def __init__(self, canvas: Canvas) -> None:
        self._canvas = canvas

    def __getattr__(self, name: str):
        return getattr(self._canvas, name)

    @property
    def canvas(self) -> Canvas:
        return self._canvas

    def frame(self, follow: bool = False, early=None):
        if early is not None:
            early(1)
        return self._canvas.frame(follow=follow)


def test_a_render_target_of_both_parts_has_the_whole_frame_drawn(monkeypatch):
    # one image in two views: its colormapped texels' render target is drawn and read
    # in both parts of a frame drawn in parts, and a part's targets are sized and cleared
    # by its own draws; so the whole frame is drawn again (and the next
    # frames whole at once): the picture of the frame drawn whole
    canvas, _, _, _ = image_in_two_views()
    w = Window(_FirstViewEarly(canvas))
    try:
        steps = [(-5 - 7 * i, 3 * i) for i in range(3)]
        for i, (calls, shot, whole) in enumerate(dragged(w, monkeypatch, 75, 75, steps)):
            assert calls == ([False] if i else [False, False]), calls
            assert np.array_equal(shot, whole)
    finally:
        w.close()
