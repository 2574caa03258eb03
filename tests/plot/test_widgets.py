"""lumos.widgets against matplotlib.widgets: the same script, the same mouse and keys
(lumos's through the front-ends' path, lumos.app.interaction.Interaction; matplotlib's
through its event objects), the same values reach the callbacks and the pieces sit
where matplotlib puts them."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as mplt  # noqa: E402
import matplotlib.widgets as mwidgets  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.backend_bases import KeyEvent, MouseEvent  # noqa: E402

import lumos.pyplot as plt  # noqa: E402
import lumos.widgets as lwidgets  # noqa: E402
from lumos.app.interaction import Interaction  # noqa: E402


class LumosMouse:
    """Mouse and keys at figure pixels from the bottom left, delivered as a window
    delivers them (logical pixels from the top left)."""

    def __init__(self, fig) -> None:
        fig.draw()
        self.fig, self.io = fig, Interaction(fig)

    def _top(self, y):
        return self.fig.canvas.size[1] - y

    def press(self, x, y, button=1):
        self.io.press(x, self._top(y), button)

    def move(self, x, y):
        self.io.move(x, self._top(y))

    def release(self, x, y, button=1):
        self.io.release(x, self._top(y), button)

    def key(self, key):
        self.io.key(key)


class MplMouse:
    def __init__(self, fig) -> None:
        fig.canvas.draw()
        self.fig = fig

    def press(self, x, y, button=1):
        MouseEvent("button_press_event", self.fig.canvas, x, y, button=button)._process()

    def move(self, x, y):
        MouseEvent("motion_notify_event", self.fig.canvas, x, y)._process()

    def release(self, x, y, button=1):
        MouseEvent("button_release_event", self.fig.canvas, x, y, button=button)._process()

    def key(self, key):
        KeyEvent("key_press_event", self.fig.canvas, key)._process()


LIBS = {"lumos": (plt, lwidgets, LumosMouse), "mpl": (mplt, mwidgets, MplMouse)}


def both(make):
    """``make(pyplot, widgets, Mouse)`` run with lumos and with matplotlib."""
    return {name: make(*lib) for name, lib in LIBS.items()}


def pixel(ax, x, y):
    """Figure pixel (from the bottom left) of data point (x, y) of ``ax``."""
    return tuple(float(v) for v in ax.transData.transform((x, y)))


def test_slider_drag_gives_matplotlib_values_and_never_pans():
    def run(pyplot, widgets, Mouse):
        fig = pyplot.figure(figsize=(6, 4), dpi=100)
        ax = fig.add_axes((0.25, 0.1, 0.65, 0.05))
        slider = widgets.Slider(ax, "Frequency", 0.1, 30, valinit=3, valstep=0.5)
        got = []
        slider.on_changed(got.append)
        mouse = Mouse(fig)
        _, yc = pixel(ax, 0, 0.5)
        mouse.press(*pixel(ax, 10.2, 0.5))
        mouse.move(*pixel(ax, 20.3, 0.5))
        mouse.move(ax.figure.bbox.width - 1, yc)  # past the end: valmax
        mouse.release(ax.figure.bbox.width - 1, yc)
        mouse.move(*pixel(ax, 5, 0.5))  # no drag any more
        mouse.press(10, 10)  # outside: nothing
        slider.set_val(4.6)
        slider.reset()
        return got, slider.val, tuple(ax.get_xlim())

    out = both(run)
    assert out["lumos"][0] == pytest.approx(out["mpl"][0])
    assert out["mpl"][0] == pytest.approx([10.1, 20.1, 30, 4.6, 3.1])  # valinit snaps too
    assert out["lumos"][1] == pytest.approx(3.1) and out["lumos"][2] == pytest.approx((0.1, 30))


def test_vertical_slider_clamps_and_open_ends_as_matplotlib():
    def run(pyplot, widgets, Mouse):
        fig = pyplot.figure(figsize=(4, 4), dpi=100)
        ax = fig.add_axes((0.1, 0.25, 0.05, 0.63))
        slider = widgets.Slider(ax, "Amplitude", 0, 10, valinit=5, orientation="vertical",
                                closedmax=False)
        got = []
        slider.on_changed(got.append)
        mouse = Mouse(fig)
        mouse.press(*pixel(ax, 0.5, 2.5))
        mouse.move(*pixel(ax, 0.5, 12))  # past an open end: no change
        mouse.move(*pixel(ax, 0.5, -3))
        mouse.release(*pixel(ax, 0.5, -3))
        return got

    out = both(run)
    assert out["lumos"] == pytest.approx(out["mpl"])
    assert out["mpl"] == pytest.approx([2.5, 0])


def test_range_slider_moves_the_nearest_handle():
    def run(pyplot, widgets, Mouse):
        fig = pyplot.figure(figsize=(6, 3), dpi=100)
        ax = fig.add_axes((0.2, 0.1, 0.6, 0.1))
        slider = widgets.RangeSlider(ax, "Threshold", -4, 4)
        got = []
        slider.on_changed(got.append)
        mouse = Mouse(fig)
        mouse.press(*pixel(ax, -1.5, 0.5))
        mouse.move(*pixel(ax, -3, 0.5))
        mouse.release(*pixel(ax, -3, 0.5))
        mouse.press(*pixel(ax, 1.5, 0.5))
        mouse.release(*pixel(ax, 1.5, 0.5))
        slider.set_val((3, -1))
        return [tuple(map(float, v)) for v in got], slider.valinit

    out = both(run)
    assert np.allclose(out["lumos"][0], out["mpl"][0])
    assert np.allclose(out["mpl"][0], [(-1.5, 2), (-3, 2), (-3, 1.5), (-1, 3)])
    assert np.allclose(out["lumos"][1], out["mpl"][1])


def test_button_clicks_only_on_release_inside_and_hovers():
    def run(pyplot, widgets, Mouse):
        fig = pyplot.figure(figsize=(4, 3), dpi=100)
        ax = fig.add_axes((0.7, 0.05, 0.2, 0.1))
        button = widgets.Button(ax, "Next", hovercolor="0.975")
        clicks = []
        button.on_clicked(lambda event: clicks.append((event.name, event.inaxes is ax)))
        mouse = Mouse(fig)
        inside, outside = pixel(ax, 0.5, 0.5), (10.0, 10.0)
        mouse.move(*inside)
        hover = tuple(ax.get_facecolor())
        mouse.press(*inside)
        mouse.release(*inside)  # a click
        mouse.press(*inside)
        mouse.release(*outside)  # dragged off: no click
        mouse.move(*outside)
        return clicks, hover, tuple(ax.get_facecolor()), ax.get_navigate()

    out = both(run)
    assert out["lumos"][0] == out["mpl"][0] == [("button_release_event", True)]
    assert np.allclose(out["lumos"][1], out["mpl"][1]) and out["mpl"][1][0] == 0.975
    assert np.allclose(out["lumos"][2], out["mpl"][2])
    assert out["lumos"][3] is False


def test_check_and_radio_buttons_toggle_on_box_or_label():
    def run(pyplot, widgets, Mouse):
        fig = pyplot.figure(figsize=(5, 4), dpi=100)
        cax = fig.add_axes((0.05, 0.4, 0.2, 0.3))
        rax = fig.add_axes((0.5, 0.4, 0.2, 0.3))
        check = widgets.CheckButtons(cax, ["1 Hz", "2 Hz", "3 Hz"], [False, True, True],
                                     label_props={"color": ["k", "r", "b"]})
        radio = widgets.RadioButtons(rax, ["red", "blue", "green"], active=1)
        got = []
        check.on_clicked(got.append)
        radio.on_clicked(got.append)
        mouse = Mouse(fig)
        ys = np.linspace(1, 0, 5)[1:-1]
        for ax, x, y in ((cax, 0.15, ys[0]), (cax, 0.35, ys[1]), (rax, 0.15, ys[2]),
                         (rax, 0.9, ys[0])):  # box, label, circle, empty space
            px, py = cax.transAxes.transform((x, y)) if ax is cax else \
                rax.transAxes.transform((x, y))
            mouse.press(px, py)
            mouse.release(px, py)
        check.set_active(0, False)
        return (got, check.get_status(), check.get_checked_labels(), radio.value_selected,
                radio.index_selected,
                [tuple(np.round(c, 3)) for c in radio._buttons.get_facecolor()])

    out = both(run)
    assert out["lumos"] == out["mpl"]
    assert out["mpl"][0] == ["1 Hz", "2 Hz", "green", "1 Hz"]


def test_textbox_typing_and_submit():
    def run(pyplot, widgets, Mouse):
        fig = pyplot.figure(figsize=(5, 2), dpi=100)
        ax = fig.add_axes((0.2, 0.4, 0.6, 0.3))
        box = widgets.TextBox(ax, "Evaluate", initial="t")
        changes, submits = [], []
        box.on_text_change(changes.append)
        box.on_submit(submits.append)
        mouse = Mouse(fig)
        mouse.key("x")  # not typing yet
        x, y = pixel(ax, 0.9, 0.5)
        mouse.press(x, y)  # after the text: the cursor goes to its end
        mouse.release(x, y)
        for key in ("a", "left", "left", "b", "end", "backspace", "enter"):
            mouse.key(key)
        mouse.press(5, 5)  # a click outside ends typing
        box.set_val("t**2")
        return changes, submits, box.text, box.cursor_index

    out = both(run)
    assert out["lumos"] == out["mpl"]
    assert out["mpl"][1] == ["bt", "bt", "t**2"]


def test_pieces_sit_where_matplotlib_puts_them():
    def run(pyplot, widgets, Mouse):
        fig = pyplot.figure(figsize=(6.4, 4.8), dpi=100)
        s = widgets.Slider(fig.add_axes((0.25, 0.1, 0.65, 0.03)), "Frequency [Hz]", 0.1,
                           30, valinit=3)
        v = widgets.Slider(fig.add_axes((0.1, 0.25, 0.0225, 0.63)), "Amplitude", 0, 10,
                           valinit=5, orientation="vertical")
        b = widgets.Button(fig.add_axes((0.8, 0.025, 0.1, 0.04)), "Reset")
        c = widgets.CheckButtons(fig.add_axes((0.5, 0.5, 0.2, 0.3)), ["a", "bb"],
                                 layout="horizontal")
        Mouse(fig)
        texts = [s.label, s.valtext, v.label, v.valtext, b.label, *c.labels]
        centres = []
        for t in texts:
            box = t.get_window_extent()
            centres.append(((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2))
        handles = [pixel(s.ax, s._handle.get_xdata()[0], s._handle.get_ydata()[0]),
                   pixel(v.ax, v._handle.get_xdata()[0], v._handle.get_ydata()[0])]
        buttons = [tuple(c.ax.transAxes.transform((x, y)))
                   for x, y in zip(c._buttons_xs, c._buttons_ys, strict=True)]
        return np.array(centres), np.array(handles), np.array(buttons)

    out = both(run)
    for got, want in zip(out["lumos"], out["mpl"], strict=True):
        assert np.abs(got - want).max() < 2.5, (got, want)


def test_bad_arguments_name_themselves():
    fig = plt.figure()
    ax = fig.add_axes((0.2, 0.1, 0.6, 0.05))
    with pytest.raises(TypeError, match="bogus"):
        lwidgets.Slider(ax, "x", 0, 1, bogus=1)
    with pytest.raises(ValueError, match="orientation"):
        lwidgets.Slider(fig.add_axes((0.2, 0.3, 0.6, 0.05)), "x", 0, 1, orientation="up")
    with pytest.raises(ValueError, match="valstep"):
        lwidgets.Slider(fig.add_axes((0.2, 0.5, 0.6, 0.05)), "x", 0, 1,
                        valstep=[[0.1, 0.2]])
    with pytest.raises(ValueError, match="layout"):
        lwidgets.CheckButtons(fig.add_axes((0.2, 0.7, 0.2, 0.2)), ["a"], layout="grid")
    with pytest.raises(ValueError, match="index"):
        lwidgets.RadioButtons(fig.add_axes((0.6, 0.7, 0.2, 0.2)), ["a"]).set_active(3)
    with pytest.raises(ValueError, match="textalignment"):
        lwidgets.TextBox(fig.add_axes((0.6, 0.4, 0.2, 0.1)), "t", textalignment="top")


def test_inactive_and_eventsoff_widgets():
    fig = plt.figure(figsize=(4, 3), dpi=100)
    ax = fig.add_axes((0.2, 0.1, 0.6, 0.1))
    slider = lwidgets.Slider(ax, "x", 0, 10, valinit=5)
    got = []
    slider.on_changed(got.append)
    mouse = LumosMouse(fig)
    slider.active = False
    mouse.press(*pixel(ax, 2, 0.5))
    mouse.release(*pixel(ax, 2, 0.5))
    assert got == [] and slider.val == 5
    slider.active = True
    slider.eventson = False
    slider.set_val(7)
    assert got == [] and slider.val == 7
    slider.eventson = True
    cid = slider.on_changed(lambda v: got.append(-v))
    slider.disconnect(cid)
    slider.set_val(1)
    assert got == [1]


def test_span_selector_reports_matplotlibs_ranges_and_moves_edges():
    def run(pyplot, widgets, Mouse):
        fig, ax = pyplot.subplots(figsize=(6, 4), dpi=100)
        ax.plot([0, 10], [0, 1])
        got, moves = [], []
        span = widgets.SpanSelector(ax, lambda a, b: got.append((a, b)), "horizontal",
                                    minspan=0.5, interactive=True,
                                    onmove_callback=lambda a, b: moves.append((a, b)))
        mouse = Mouse(fig)
        for a, b in ((6, 2), (3, 3.2)):  # a selection, then one under minspan
            mouse.press(*pixel(ax, a, 0.5))
            mouse.move(*pixel(ax, b, 0.5))
            mouse.release(*pixel(ax, b, 0.5))
        mouse.press(*pixel(ax, 2, 0.5))
        mouse.move(*pixel(ax, 7, 0.5))
        mouse.release(*pixel(ax, 7, 0.5))
        mouse.press(*pixel(ax, 7.05, 0.5))  # on the max edge: moves it
        mouse.move(*pixel(ax, 8, 0.5))
        mouse.release(*pixel(ax, 8, 0.5))
        return got, moves[0], span.extents, tuple(ax.get_xlim())

    out = both(run)
    assert np.allclose(out["lumos"][0], out["mpl"][0], atol=1e-6)
    assert np.allclose(out["mpl"][0], [(2, 6), (3, 3.2), (2, 7), (2, 8)], atol=1e-6)
    assert np.allclose(out["lumos"][1], out["mpl"][1])
    assert np.allclose(out["lumos"][2], out["mpl"][2])


def test_rectangle_selector_events_minspan_and_handles():
    def run(pyplot, widgets, Mouse):
        fig, ax = pyplot.subplots(figsize=(6, 4), dpi=100)
        ax.plot([0, 10], [0, 10])
        got = []
        sel = widgets.RectangleSelector(
            ax, lambda c, r: got.append((c.xdata, c.ydata, r.xdata, r.ydata, c.button)),
            minspanx=5, minspany=5, spancoords="pixels", interactive=True, button=[1, 3])
        mouse = Mouse(fig)
        mouse.press(*pixel(ax, 2, 3))
        mouse.move(*pixel(ax, 6, 8))
        mouse.release(*pixel(ax, 6, 8))
        mouse.press(*pixel(ax, 6, 8))  # the NE corner
        mouse.move(*pixel(ax, 7, 9))
        mouse.release(*pixel(ax, 7, 9))
        mouse.press(*pixel(ax, 4.5, 6))  # the centre: moves it
        mouse.move(*pixel(ax, 5.5, 5))
        mouse.release(*pixel(ax, 5.5, 5))
        mouse.press(*pixel(ax, 1, 1), button=2)  # not a selecting button
        mouse.release(*pixel(ax, 1, 1), button=2)
        return got, sel.extents, [tuple(map(float, v)) for v in sel.corners]

    out = both(run)
    assert np.allclose(out["lumos"][0], out["mpl"][0], atol=1e-6)
    assert np.allclose(out["mpl"][1], (3, 8, 2, 8), atol=1e-6)
    assert np.allclose(out["lumos"][1], out["mpl"][1], atol=1e-6)
    assert np.allclose(out["lumos"][2], out["mpl"][2], atol=1e-6)


def test_cursor_follows_the_mouse_and_hides_outside():
    def run(pyplot, widgets, Mouse):
        fig, ax = pyplot.subplots(figsize=(5, 4), dpi=100)
        ax.plot([0, 10], [0, 10])
        cursor = widgets.Cursor(ax, color="red", linewidth=2)
        multi = widgets.MultiCursor([ax], color="b", horizOn=True)
        mouse = Mouse(fig)
        mouse.move(*pixel(ax, 3, 4))
        seen = (cursor.linev.get_visible(), cursor.lineh.get_visible(),
                float(cursor.linev.get_xdata()[0]), float(cursor.lineh.get_ydata()[0]),
                float(multi.vlines[0].get_xdata()[0]), float(multi.hlines[0].get_ydata()[0]))
        mouse.move(2, 2)
        return seen, cursor.linev.get_visible()

    out = both(run)
    assert np.allclose(out["lumos"][0], out["mpl"][0], atol=1e-6)
    assert np.allclose(out["mpl"][0][2:], (3, 4, 3, 4), atol=1e-6)
    assert out["lumos"][1] is out["mpl"][1] is False


def test_selector_limits_include_zero_as_matplotlibs():
    def run(pyplot, widgets, Mouse):
        fig, axs = pyplot.subplots(1, 2, figsize=(6, 3), dpi=100)
        for ax in axs:
            ax.plot([5, 6], [5, 6])
        widgets.SpanSelector(axs[0], print, "horizontal")
        widgets.RectangleSelector(axs[1], print, interactive=True)
        Mouse(fig)
        return [ax.get_xlim() + ax.get_ylim() for ax in axs]

    out = both(run)
    assert np.allclose(out["lumos"], out["mpl"])


def test_selectors_reject_what_they_cannot_do():
    fig, ax = plt.subplots()
    with pytest.raises(TypeError, match="rotate"):
        lwidgets.RectangleSelector(ax, print, state_modifier_keys={"rotate": "r"})
    with pytest.raises(ValueError, match="direction"):
        lwidgets.SpanSelector(ax, print, "diagonal")
    with pytest.raises(ValueError, match="spancoords"):
        lwidgets.RectangleSelector(ax, print, spancoords="axes")
    with pytest.raises(ValueError, match="state"):
        lwidgets.SpanSelector(ax, print, "horizontal").add_state("square")


def test_an_active_selector_keeps_its_axes_from_panning():
    fig, ax = plt.subplots(figsize=(5, 4), dpi=100)
    ax.plot([0, 10], [0, 10])
    sel = lwidgets.RectangleSelector(ax, print)
    mouse = LumosMouse(fig)
    before = ax.get_xlim()
    mouse.press(*pixel(ax, 2, 2))
    mouse.move(*pixel(ax, 6, 6))
    mouse.release(*pixel(ax, 6, 6))
    assert ax.get_xlim() == before and sel.extents == pytest.approx((2, 6, 2, 6))
    sel.active = False  # navigation is the mouse's again
    mouse.press(*pixel(ax, 2, 2))
    mouse.move(*pixel(ax, 6, 6))
    mouse.release(*pixel(ax, 6, 6))
    assert ax.get_navigate() and ax.get_xlim() != pytest.approx(before)


def test_lasso_selector_gives_the_dragged_vertices():
    def run(pyplot, widgets, Mouse):
        fig, ax = pyplot.subplots(figsize=(5, 4), dpi=100)
        ax.plot([0, 10], [0, 10])
        got = []
        lasso = widgets.LassoSelector(ax, got.append)
        mouse = Mouse(fig)
        path = [(2, 2), (8, 2), (5, 9), (2.5, 2.5)]
        mouse.press(*pixel(ax, *path[0]))
        for p in path[1:]:
            mouse.move(*pixel(ax, *p))
        mouse.release(*pixel(ax, *path[-1]))
        return got, lasso.verts, lasso._selection_artist.get_visible()

    out = both(run)
    assert np.allclose(out["lumos"][0], out["mpl"][0], atol=1e-6)
    assert np.allclose(out["mpl"][0][0], [(2, 2), (8, 2), (5, 9), (2.5, 2.5), (2.5, 2.5)])
    assert out["lumos"][1:] == out["mpl"][1:] == (None, False)


def test_held_shift_squares_the_rectangle_and_lets_go():
    """matplotlib turns the square state on at the shift key's press and off at its
    release; lumos's front-ends send no key release, so the state follows the mouse
    events' modifiers: the same rectangles."""
    got = {}
    fig, ax = mplt.subplots(figsize=(5, 4), dpi=100)
    ax.plot([0, 10], [0, 10])
    sel = mwidgets.RectangleSelector(ax, None)
    mouse = MplMouse(fig)
    KeyEvent("key_press_event", fig.canvas, "shift")._process()
    mouse.press(*pixel(ax, 2, 2))
    mouse.move(*pixel(ax, 5, 8))
    mouse.release(*pixel(ax, 5, 8))
    KeyEvent("key_release_event", fig.canvas, "shift")._process()
    got["mpl"] = [sel.extents]
    mouse.press(*pixel(ax, 2, 2))
    mouse.move(*pixel(ax, 5, 8))
    mouse.release(*pixel(ax, 5, 8))
    got["mpl"].append(sel.extents)

    lfig, lax = plt.subplots(figsize=(5, 4), dpi=100)
    lax.plot([0, 10], [0, 10])
    lsel = lwidgets.RectangleSelector(lax, None)
    lmouse = LumosMouse(lfig)
    top = lfig.canvas.size[1]
    shift = {"shift"}
    lmouse.key("shift")
    x0, y0 = pixel(lax, 2, 2)
    x1, y1 = pixel(lax, 5, 8)
    lmouse.io.press(x0, top - y0, 1, shift)
    lmouse.io.move(x1, top - y1, shift)
    lmouse.io.release(x1, top - y1, 1, shift)
    got["lumos"] = [lsel.extents]
    lmouse.press(x0, y0)
    lmouse.move(x1, y1)
    lmouse.release(x1, y1)
    got["lumos"].append(lsel.extents)
    assert np.allclose(got["lumos"], got["mpl"], atol=1e-6)
    (x0, x1, y0, y1), second = got["mpl"]
    (px0, py0), (px1, py1) = ax.transData.transform([(x0, y0), (x1, y1)])
    assert abs(px1 - px0) == pytest.approx(abs(py1 - py0), abs=0.01)  # square on screen
    assert np.allclose(second, (2, 5, 2, 8), atol=1e-6)  # shift let go


@pytest.mark.parametrize("box", [False, True])
def test_polygon_selector_closes_drags_and_scales(box):
    def run(pyplot, widgets, Mouse):
        fig, ax = pyplot.subplots(figsize=(5, 4), dpi=100)
        ax.plot([0, 10], [0, 10])
        got = []
        poly = widgets.PolygonSelector(ax, lambda v: got.append(list(v)),
                                       draw_bounding_box=box)
        mouse = Mouse(fig)
        for p in [(2, 2), (8, 2), (5, 8), (2.05, 2.05)]:  # the last closes it
            mouse.move(*pixel(ax, *p))
            mouse.press(*pixel(ax, *p))
            mouse.release(*pixel(ax, *p))
        mouse.press(*pixel(ax, 5, 8))  # drag a vertex
        mouse.move(*pixel(ax, 5, 9))
        mouse.release(*pixel(ax, 5, 9))
        if box:  # the box's right edge: the polygon scales
            mouse.press(*pixel(ax, 8, 5.5))
            mouse.move(*pixel(ax, 9, 5.5))
            mouse.release(*pixel(ax, 9, 5.5))
        return got, poly.verts

    out = both(run)
    assert np.allclose(out["lumos"][1], out["mpl"][1], atol=1e-6)
    assert len(out["lumos"][0]) == len(out["mpl"][0])
    for a, b in zip(out["lumos"][0], out["mpl"][0], strict=True):
        assert np.allclose(a, b, atol=1e-6)
    want = [(2, 2), (9, 2), (5.5, 9)] if box else [(2, 2), (8, 2), (5, 9)]
    assert np.allclose(out["mpl"][1], want, atol=1e-6)


def test_keys_reach_callbacks_in_matplotlibs_spelling():
    """The space bar is ' ' in matplotlib (a selector's 'move' state key)."""
    fig, ax = plt.subplots()
    got = []
    fig.canvas.mpl_connect("key_press_event", lambda e: got.append(e.key))
    mouse = LumosMouse(fig)
    for key in ("space", "backspace", "a"):
        mouse.key(key)
    assert got == [" ", "backspace", "a"]


def test_keys_typed_into_a_textbox_are_not_window_shortcuts():
    fig = plt.figure(figsize=(5, 4), dpi=100)
    ax = fig.add_axes((0.1, 0.3, 0.8, 0.6))
    ax.plot([0, 10], [0, 10])
    box = lwidgets.TextBox(fig.add_axes((0.2, 0.05, 0.6, 0.1)), "f")
    mouse = LumosMouse(fig)
    mouse.press(*pixel(ax, 5, 5))  # pan the plot
    mouse.move(*pixel(ax, 3, 5))
    mouse.release(*pixel(ax, 3, 5))
    panned = ax.get_xlim()
    x, y = pixel(box.ax, 0.5, 0.5)
    mouse.press(x, y)
    mouse.release(x, y)
    mouse.key("r")  # typed: the view stays
    assert box.text == "r" and ax.get_xlim() == pytest.approx(panned)
    mouse.press(5, 5)  # typing ends
    mouse.release(5, 5)
    mouse.key("r")  # the window's reset
    assert ax.get_xlim() != pytest.approx(panned)


def test_widget_pictures_match_matplotlibs():
    """Each widget's axes (with its labels around it) drawn by lumos and by matplotlib:
    the same inked box within 2 px and little mean difference."""
    import io

    from PIL import Image

    from tests.pixels import bbox, ink

    regions = {}

    def run(pyplot, widgets, Mouse):
        fig = pyplot.figure(figsize=(6.4, 4.8), dpi=100)
        made = [
            widgets.Slider(fig.add_axes((0.25, 0.05, 0.5, 0.03)), "Freq", 0.1, 30,
                           valinit=3).ax,
            widgets.Slider(fig.add_axes((0.05, 0.3, 0.0225, 0.5)), "Amp", 0, 10, valinit=5,
                           orientation="vertical").ax,
            widgets.RangeSlider(fig.add_axes((0.25, 0.15, 0.5, 0.03)), "Range", -4, 4).ax,
            widgets.Button(fig.add_axes((0.8, 0.05, 0.15, 0.06)), "Reset").ax,
            widgets.CheckButtons(fig.add_axes((0.2, 0.3, 0.25, 0.25)), ["one", "two"],
                                 [True, False]).ax,
            widgets.RadioButtons(fig.add_axes((0.5, 0.3, 0.25, 0.25)), ["red", "blue"],
                                 active=1).ax,
            widgets.TextBox(fig.add_axes((0.35, 0.7, 0.4, 0.08)), "Evaluate", "x**2").ax,
        ]
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
        img = np.asarray(Image.open(buf).convert("RGB"))
        h = img.shape[0]
        boxes = []
        for ax in made:  # the axes and 70 px around it (labels, values)
            (x0, y0), (x1, y1) = fig.transFigure.transform([ax.get_position().p0,
                                                            ax.get_position().p1])
            boxes.append((max(int(h - y1) - 25, 0), max(int(x0) - 70, 0),
                          min(int(h - y0) + 25, h), int(x1) + 70))
        regions[pyplot.__name__] = boxes
        return img

    out = both(run)
    for r0, c0, r1, c1 in regions["matplotlib.pyplot"]:
        got, want = out["lumos"][r0:r1, c0:c1], out["mpl"][r0:r1, c0:c1]
        assert np.abs(np.subtract(bbox(ink(got)), bbox(ink(want)))).max() <= 2, (r0, c0)
        assert np.abs(got.astype(float) - want).mean() < 5, (r0, c0)  # 0.5-3.0 seen
