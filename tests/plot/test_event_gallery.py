"""matplotlib's event_handling gallery idioms against matplotlib 3.11: legend picking,
pickable titles and labels, the Text getters, ``viewLim``, blocking input without a
display, ``bar(animated=True)`` and the Lasso widget; the same script and the same clicks
give the same answers."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as mplt  # noqa: E402
import matplotlib.widgets as mwidgets  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.backend_bases import MouseEvent  # noqa: E402

import lumos.pyplot as plt  # noqa: E402
import lumos.widgets as lwidgets  # noqa: E402
from lumos.app.interaction import Interaction  # noqa: E402
from tests.clicks import lumos_click, mpl_click  # noqa: E402

_lumos_click, _mpl_click = lumos_click, mpl_click


def _legend_script(pyplot):
    """legend_picking.py: pickable legend lines toggling their lines."""
    t = np.linspace(0, 1)
    fig, ax = pyplot.subplots(figsize=(4, 3), dpi=100)
    (line1,) = ax.plot(t, 2 * np.sin(2 * np.pi * t), lw=2, label="1 Hz")
    (line2,) = ax.plot(t, 4 * np.sin(4 * np.pi * t), lw=2, label="2 Hz")
    leg = ax.legend(fancybox=True, shadow=True, loc="upper right")
    mapping = {}
    for legline, line in zip(leg.get_lines(), [line1, line2], strict=True):
        legline.set_picker(5)
        mapping[legline] = line
    picked = []

    def on_pick(event):
        if event.artist not in mapping:
            return
        line = mapping[event.artist]
        line.set_visible(not line.get_visible())
        event.artist.set_alpha(1.0 if line.get_visible() else 0.2)
        picked.append(event.artist.get_label())

    fig.canvas.mpl_connect("pick_event", on_pick)
    return fig, ax, leg, [line1, line2], picked


def _legend_line_pixels(leg, i):
    """The middle of legend entry ``i``'s line, figure pixels: matplotlib's legend
    line (its data is in display coordinates once drawn)."""
    line = leg.get_lines()[i]
    xy = line.get_transform().transform(np.c_[line.get_xdata(), line.get_ydata()])
    return xy.mean(axis=0)


def test_legend_get_lines_and_picking_toggle_lines_as_matplotlib():
    mfig, _, mleg, mlines, mpicked = _legend_script(mplt)
    lfig, _, lleg, llines, lpicked = _legend_script(plt)
    assert len(lleg.get_lines()) == len(mleg.get_lines()) == 2
    mfig.canvas.draw()
    lfig.draw()
    for i in (1, 0, 1):
        x, y = _legend_line_pixels(mleg, i)
        _mpl_click(mfig, x, y)
        _lumos_click(lfig, x, y)  # the same pixel: the legends are placed alike
    assert lpicked == mpicked == ["2 Hz", "1 Hz", "2 Hz"]
    assert [ln.get_visible() for ln in llines] == [ln.get_visible() for ln in mlines] \
        == [False, True]
    assert [ln.get_alpha() for ln in lleg.get_lines()] == \
        [ln.get_alpha() for ln in mleg.get_lines()] == [0.2, 1.0]
    # a click away from the handles picks nothing
    _mpl_click(mfig, 20, 20)
    _lumos_click(lfig, 20, 20)
    assert len(lpicked) == len(mpicked) == 3


def test_legend_line_alpha_dims_the_drawn_handle():
    fig, ax = plt.subplots(figsize=(3, 2), dpi=100)
    ax.plot([0, 1], [0, 0], color="red", lw=6, label="a")  # away from the legend
    ax.set_ylim(-1, 1)
    leg = ax.legend(loc="upper left", frameon=False)
    ax.set_axis_off()

    def reds(img):
        r, g, b = (img[..., k].astype(int) for k in range(3))
        return int(((r > 200) & (g < 60) & (b < 60)).sum()), \
            int(((r > 240) & (g > 170) & (g < 225) & (b > 170) & (b < 225)).sum())

    line = leg.get_lines()[0]
    fig.draw()
    box = leg.get_window_extent()
    h = fig.canvas.size[1]

    def in_legend(img):  # the legend's pixels (rows from the top)
        return reds(img[h - int(box.y1):h - int(box.y0), int(box.x0):int(box.x1)])

    opaque, _ = in_legend(fig.render())
    line.set_alpha(0.2)
    dimmed, pink = in_legend(fig.render())
    line.set_visible(False)
    gone, no_pink = in_legend(fig.render())
    assert opaque > 40 and dimmed == 0 and pink > 40 and gone == no_pink == 0
    assert line.get_color() == (1.0, 0.0, 0.0, 0.2)


def test_set_title_and_labels_take_picker_and_pick_as_matplotlib():
    """pick_event_demo.py's first figure: title, y label with a box, tick labels."""
    def script(pyplot):
        fig, (ax1, ax2) = pyplot.subplots(2, 1, figsize=(4, 4), dpi=100)
        ax1.set_title("click on points, rectangles or text", picker=True)
        ax1.set_ylabel("ylabel", picker=True, bbox=dict(facecolor="red"))
        ax2.bar(range(10), np.arange(10) / 10, picker=True)
        for label in ax2.get_xticklabels():
            label.set_picker(True)
        texts = []

        def onpick(event):
            if hasattr(event.artist, "get_text"):
                texts.append(event.artist.get_text())

        fig.canvas.mpl_connect("pick_event", onpick)
        return fig, ax1, ax2, texts

    mfig, max1, max2, mtexts = script(mplt)
    lfig, lax1, lax2, ltexts = script(plt)
    mfig.canvas.draw()
    lfig.draw()
    assert lax1.title.get_picker() is True and lax1.yaxis.label.get_picker() is True
    assert all(lab.get_picker() is True for lab in lax2.get_xticklabels())
    targets = [max1.title.get_window_extent(), max1.yaxis.label.get_window_extent(),
               max2.get_xticklabels()[3].get_window_extent()]
    for box in targets:
        cx, cy = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2
        _mpl_click(mfig, cx, cy)
        _lumos_click(lfig, cx, cy)
    assert ltexts == mtexts
    assert mtexts[:2] == ["click on points, rectangles or text", "ylabel"] and len(mtexts) == 3
    assert lax1.title.get_window_extent().contains(
        (targets[0].x0 + targets[0].x1) / 2, (targets[0].y0 + targets[0].y1) / 2)


def test_set_title_picker_for_a_side_title_and_bad_picker_raise():
    fig, ax = plt.subplots()
    with pytest.raises(TypeError, match="picker"):
        ax.set_title("left", loc="left", picker=True)
    with pytest.raises(TypeError, match="picker"):
        ax.title.set_picker("yes")


TEXT_GETTERS = ("get_fontweight", "get_fontstyle", "get_fontvariant",
                "get_math_fontfamily", "get_usetex", "get_wrap", "get_antialiased",
                "get_fontname", "get_name", "get_fontsize", "get_size", "get_weight",
                "get_style", "get_variant", "get_stretch", "get_family", "get_fontfamily",
                "get_rotation_mode", "get_parse_math", "get_ha", "get_va",
                "get_fontfeatures", "get_language", "get_linespacing")


def _same(name, lumos_value, mpl_value):
    if name in ("get_family", "get_fontfamily"):
        return list(lumos_value) == list(mpl_value)
    return lumos_value == mpl_value


@pytest.mark.parametrize("which", ["text", "title", "ticklabel", "axislabel"])
def test_text_getters_as_matplotlib(which):
    def make(pyplot):
        fig, ax = pyplot.subplots()
        ax.set_title("T", fontweight="bold", fontsize=14)
        ax.set_xlabel("X", fontstyle="italic")
        ax.set_xticks([0, 1])
        return {"text": lambda: ax.text(0, 0, "t", fontweight="bold", ha="center",
                                        wrap=True, linespacing=1.5),
                "title": lambda: ax.title,
                "ticklabel": lambda: ax.get_xticklabels()[0],
                "axislabel": lambda: ax.xaxis.label}[which]()

    mt, lt = make(mplt), make(plt)
    names = TEXT_GETTERS if which in ("text", "title") else [
        n for n in TEXT_GETTERS if n not in ("get_ha", "get_va", "get_rotation_mode",
                                             "get_wrap", "get_linespacing",
                                             "get_parse_math")]
    for name in names:
        assert _same(name, getattr(lt, name)(), getattr(mt, name)()), name
    fp = lt.get_fontproperties()
    assert fp.get_size_in_points() == mt.get_fontproperties().get_size_in_points()


def test_view_lim_is_live_and_sets_limits_as_matplotlib():
    results = {}
    for name, pyplot in (("lumos", plt), ("mpl", mplt)):
        fig, ax = pyplot.subplots()
        ax.plot([16, 365], [0, 1])
        lims = ax.viewLim
        first = (tuple(lims.intervalx), lims.width, tuple(lims.intervaly), lims.bounds)
        ax.set_xlim(100, 200)
        later = (tuple(lims.intervalx), lims.width, lims.x0, lims.x1)
        lims.x1 = 250
        results[name] = (first, later, ax.get_xlim())
    np.testing.assert_allclose(np.array(results["lumos"][0][0]),
                               np.array(results["mpl"][0][0]))
    assert results["lumos"][1:] == results["mpl"][1:]


def test_blocking_input_without_a_display_as_agg():
    for pyplot in (plt, mplt):
        fig = pyplot.figure()
        fig.add_subplot()
        assert pyplot.waitforbuttonpress(timeout=0.05) is None
        assert pyplot.ginput(2, timeout=0.05) == []
        assert fig.ginput(1, timeout=0.05) == []
    # a figure no window shows, and no timer started (tests/conftest.py stops those an
    # earlier test left): either could end the wait, and lumos would wait as matplotlib does
    import lumos
    from lumos.plot import timers

    assert timers.next_due_in() is None
    fig = lumos.Figure()
    fig.add_subplot()
    assert not fig.canvas.shown
    # matplotlib's Agg waits forever here; lumos says why nothing can end the wait
    with pytest.raises(RuntimeError, match="timeout"):
        fig.waitforbuttonpress()
    # a timer can end it (matplotlib's stop_event_loop from a callback)
    fired = []

    def stop() -> None:
        fired.append(True)
        fig.canvas.stop_event_loop()

    timer = fig.canvas.new_timer(interval=20)
    timer.add_callback(stop)
    timer.start()
    # the timeout only bounds the test should the timer not end the wait
    assert fig.waitforbuttonpress(timeout=30) is None
    timer.stop()
    assert fired


def test_ginput_collects_clicks_and_stops_at_n():
    fig, ax = plt.subplots(figsize=(3, 3), dpi=100)
    ax.set(xlim=(0, 10), ylim=(0, 10))
    fig.draw()
    clicks = [(2.0, 3.0), (5.0, 5.0), (8.0, 1.0)]
    pixels = [ax.transData.forward(np.array(c)) for c in clicks]
    step = iter(pixels)
    timer = fig.canvas.new_timer(interval=5)

    def click():
        x, y = next(step, (None, None))
        if x is not None:
            _lumos_click(fig, float(x), float(y))

    timer.add_callback(click)
    timer.start()
    got = fig.ginput(2, timeout=5)
    timer.stop()
    np.testing.assert_allclose(got, clicks[:2], atol=0.05)
    assert len(ax.get_lines()) == 0  # the marks are gone afterwards


def test_bar_animated_and_picker_as_matplotlib():
    for pyplot in (plt, mplt):
        fig, ax = pyplot.subplots()
        bars = ax.barh(0.3, 0.2, height=0.3, color="k", alpha=0.5, edgecolor="b", lw=2,
                       label="Player B", animated=True)
        assert bars[0].get_animated() is True
        bars = ax.bar(range(3), [1, 2, 3], picker=True)
        assert bars[0].get_picker() is True
        with pytest.raises((TypeError, AttributeError)):
            ax.bar([0], [1], animate=True)


def test_lasso_widget_as_matplotlib():
    """lasso_demo.py: a Lasso made on press follows the left-button drag (the axes do
    not pan meanwhile) and hands its vertices to the callback on release."""
    def run(pyplot, widgets, mouse):
        fig, ax = pyplot.subplots(figsize=(4, 4), dpi=100)
        ax.set(xlim=(0, 1), ylim=(0, 1))
        got, made = [], []

        def on_press(event):
            made.append(widgets.Lasso(event.inaxes, (event.xdata, event.ydata), got.append))

        fig.canvas.mpl_connect("button_press_event", on_press)
        send = mouse(fig, ax)
        for kind, x, y in [("press", 0.2, 0.2), ("move", 0.8, 0.2), ("move", 0.8, 0.8),
                           ("move", 0.2, 0.8), ("release", 0.25, 0.25)]:
            send(kind, x, y)
        return got, made[0], ax

    def mpl_mouse(fig, ax):
        fig.canvas.draw()
        names = {"press": "button_press_event", "move": "motion_notify_event",
                 "release": "button_release_event"}

        def send(kind, x, y):
            px, py = ax.transData.transform((x, y))
            MouseEvent(names[kind], fig.canvas, px, py, button=1)._process()

        return send

    def lumos_mouse(fig, ax):
        fig.draw()
        io = Interaction(fig)

        def send(kind, x, y):
            px, py = ax.transData.forward(np.array([x, y]))
            top = fig.canvas.size[1] - float(py)
            if kind == "move":
                io.move(float(px), top)
            else:
                getattr(io, kind)(float(px), top, 1)

        return send

    mgot, mlasso, max_ = run(mplt, mwidgets, mpl_mouse)
    lgot, llasso, lax = run(plt, lwidgets, lumos_mouse)
    assert len(lgot) == len(mgot) == 1
    np.testing.assert_allclose(lgot[0], mgot[0], atol=1e-3)
    assert len(lgot[0]) == 5
    assert llasso.verts is None and mlasso.verts is None
    assert len(lax.get_lines()) == len(max_.get_lines()) == 0
    assert lax.get_xlim() == max_.get_xlim() == (0.0, 1.0) and lax.get_navigate()


def test_disconnecting_the_default_key_handler_turns_the_front_end_keys_off():
    """pong_sgskip.py: ``mpl_disconnect(manager.key_press_handler_id)`` leaves every key
    to the script (matplotlib's default keys stop: here 'r', lumos's reset)."""
    mfig = mplt.figure()
    assert isinstance(mfig.canvas.manager.key_press_handler_id, int)
    fig, ax = plt.subplots(figsize=(3, 3), dpi=100)
    ax.set(xlim=(0, 1), ylim=(0, 1))
    fig.draw()
    io = Interaction(fig)
    keys = []
    fig.canvas.mpl_connect("key_press_event", lambda e: keys.append(e.key))

    def pan_then_r():
        io.press(150, 150, 1)
        io.move(120, 150)
        io.release(120, 150, 1)
        panned = ax.get_xlim()
        io.key("r")
        return panned, ax.get_xlim()

    panned, after = pan_then_r()
    assert panned != (0.0, 1.0) and after == pytest.approx((0.0, 1.0))
    fig.canvas.mpl_disconnect(fig.canvas.manager.key_press_handler_id)
    panned, after = pan_then_r()
    assert panned != (0.0, 1.0) and after == panned
    assert keys == ["r", "r"]


def test_matplotlib_patches_know_their_figure_and_draw_artist_takes_them():
    """poly_editor.py and path_editor.py: ``poly.figure.canvas`` after ``add_patch`` and
    ``ax.draw_artist`` of matplotlib's patch; pong_sgskip.py: of a bar."""
    from matplotlib.patches import Polygon as MplPolygon

    for pyplot in (mplt, plt):  # lumos's last: its poly and bar are checked below
        fig, ax = pyplot.subplots()
        poly = MplPolygon([(0, 0), (1, 0), (1, 1)], animated=True)
        ax.add_patch(poly)
        assert poly.figure is fig and poly.figure.canvas is fig.canvas and poly.axes is ax
        bar = ax.bar([0], [1], animated=True)[0]
        if pyplot is mplt:
            fig.canvas.draw()
        ax.draw_artist(poly)
        ax.draw_artist(bar)
    other = plt.subplots()[1]
    with pytest.raises(ValueError, match="not in these axes"):
        other.draw_artist(poly)
    with pytest.raises(ValueError, match="not in these axes"):
        other.draw_artist(bar)


# polar: points (θ, r) well inside or outside the drawn wedges (not on their arcs:
# matplotlib tests a polar bar's outer arc as a chord there); between clicks a "|"
POLAR_CLICKS = [(np.pi / 2, 1.5), (np.pi / 2 + 0.2, 1.9), (np.pi / 2 + 0.3, 1.0),
                (0.2, 0.9), (-0.2, 0.5), (np.pi + 0.2, 2.5), (np.pi / 2 - 0.24, 1.9),
                (np.pi + 0.3, 2.5)]
BAR_CASES = {  # (bar's arguments, limits, clicks, the bars picked; figure (4, 3), a
    # polar one (4, 4): at (4, 3) matplotlib's Rectangle.contains misses (-0.2, 0.5))
    "rectilinear": (dict(x=range(5), height=[1, 2, 3, 4, 5]),
                    dict(xlim=(-1, 5), ylim=(0, 6)),
                    [(3.0, 0.5), (1.1, 1.5), (1.1, 2.5), (4.0, 4.9)],
                    [3, "|", 1, "|", "|", 4, "|"]),
    "polar": (dict(x=[0, np.pi / 2, np.pi], height=[1, 2, 3], width=0.5),
              dict(ylim=(0, 3.2)), POLAR_CLICKS,
              [1, "|", 1, "|", "|", 0, "|", 0, "|", 2, "|", 1, "|", "|"]),
}


@pytest.mark.parametrize("projection", list(BAR_CASES))
def test_bar_picks_name_the_rectangle_clicked_as_matplotlib(projection):
    """pick_event_demo.py's bars: ``event.artist`` is the bar's Rectangle; a polar
    bar picks where its wedge is drawn."""
    bar, limits, clicks, expected = BAR_CASES[projection]

    def run(pyplot, click, draw):
        fig = pyplot.figure(figsize=(4, 4 if projection == "polar" else 3), dpi=100)
        ax = fig.add_subplot(projection=projection)
        bars = ax.bar(**bar, picker=True)
        ax.set(**limits)
        draw(fig)
        got = []
        fig.canvas.mpl_connect("pick_event", lambda e: got.append(
            list(bars).index(e.artist) if e.artist in list(bars) else None))
        for x, y in clicks:
            px, py = (ax.transData.transform((x, y)) if pyplot is mplt
                      else ax.transData.forward(np.array([x, y])))
            click(fig, float(px), float(py))
            got.append("|")
        return got

    mgot = run(mplt, _mpl_click, lambda f: f.canvas.draw())
    lgot = run(plt, _lumos_click, lambda f: f.draw())
    assert lgot == mgot, (lgot, mgot)
    assert lgot == expected, lgot


def test_figure_legend_lines_pick_too():
    fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
    ax.plot([0, 1], [0, 1], label="a")
    leg = fig.legend(loc="upper left")
    line = leg.get_lines()[0]
    line.set_picker(True)
    fig.draw()
    box = leg.get_window_extent()
    picked = []
    fig.canvas.mpl_connect("pick_event", lambda e: picked.append(e.artist))
    # the handle sits at the left of the box, half way up for a single entry
    x = box.x0 + fig.points_to_pixels(leg.fontsize) * (leg.borderpad + 1.0)
    _lumos_click(fig, x, (box.y0 + box.y1) / 2)
    _lumos_click(fig, box.x1 + 30, (box.y0 + box.y1) / 2)
    assert picked == [line]


def test_text_artists_take_picker_and_pick_inside_their_box_as_matplotlib():
    def run(pyplot, click, draw):
        fig, ax = pyplot.subplots(figsize=(4, 3), dpi=100)
        texts = [ax.text(0.2, 0.5, "axes text", picker=True),
                 ax.annotate("note", (0.7, 0.2), picker=True),
                 fig.text(0.05, 0.95, "figure text", picker=True),
                 ax.text(0.6, 0.8, "not pickable")]
        draw(fig)
        got = []
        fig.canvas.mpl_connect("pick_event", lambda e: got.append(e.artist.get_text()))
        return fig, texts, got

    mfig, mtexts, mgot = run(mplt, _mpl_click, lambda f: f.canvas.draw())
    lfig, _, lgot = run(plt, _lumos_click, lambda f: f.draw())
    for t in mtexts:
        box = t.get_window_extent()
        for fig, click in ((mfig, _mpl_click), (lfig, _lumos_click)):
            click(fig, (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2)
    assert lgot == mgot == ["axes text", "note", "figure text"]


def test_a_pickable_legend_its_title_and_texts_pick_as_matplotlib():
    """matplotlib's Figure.pick visits a legend with a picker (a click inside its box
    picks it), then its title and each entry's line and text: ``leg.set_picker(True)``
    and pickable legend texts give the same pick events, in the same order."""
    def run(pyplot, draw):
        fig, ax = pyplot.subplots(figsize=(4, 3), dpi=100)
        ax.plot([0, 1], [0, 1], label="rise")
        ax.plot([0, 1], [1, 0], label="fall")
        leg = ax.legend(loc="center", title="kinds")
        leg.set_picker(True)
        leg.get_title().set_picker(True)
        for t in leg.get_texts():
            t.set_picker(True)
        leg.get_lines()[1].set_picker(5)
        draw(fig)
        got = []

        def name(a):
            if a is leg:
                return "legend"
            return a.get_text() if hasattr(a, "get_text") else "line " + a.get_label()

        fig.canvas.mpl_connect("pick_event", lambda e: got.append(name(e.artist)))
        return fig, leg, got

    mfig, mleg, mgot = run(mplt, lambda f: f.canvas.draw())
    lfig, lleg, lgot = run(plt, lambda f: f.draw())
    box = mleg.get_window_extent()
    targets = [mleg.get_title().get_window_extent(), *(t.get_window_extent()
                                                       for t in mleg.get_texts())]
    points = [((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2) for b in targets]
    points += [tuple(_legend_line_pixels(mleg, i)) for i in (0, 1)]
    points += [(box.x0 + 3, box.y0 + 3), (box.x1 + 20, box.y0 + 3)]  # a corner; outside
    for x, y in points:
        for fig, click, got in ((mfig, _mpl_click, mgot), (lfig, _lumos_click, lgot)):
            click(fig, x, y)
            got.append("|")
    assert lgot == mgot, (lgot, mgot)
    assert mgot.count("legend") == 6 and "fall" in mgot and "line fall" in mgot
    # where lumos drew the texts: matplotlib's boxes, within a pixel or two
    for lt, mt in zip([lleg.get_title(), *lleg.get_texts()],
                      [mleg.get_title(), *mleg.get_texts()], strict=True):
        np.testing.assert_allclose(lt.get_window_extent().extents,
                                   mt.get_window_extent().extents, atol=2.5)
    with pytest.raises(TypeError, match="picker"):
        lleg.set_picker("yes")


def test_event_pixels_buttons_and_prints_as_matplotlib():
    """coords_demo.py and figure_axes_enter_leave.py: event.x and event.y are whole
    pixels (matplotlib truncates; the data coordinates come from the pointer's own
    position), ``event.button is MouseButton.LEFT`` holds for matplotlib's enum, and
    figures and axes print as matplotlib's."""
    from matplotlib.backend_bases import MouseButton

    def run(pyplot, send):
        fig, ax = pyplot.subplots(figsize=(7 / 3, 2.555), dpi=100)
        ax.set(xlim=(0, 1), ylim=(0, 1))
        got = []
        fig.canvas.mpl_connect("button_press_event", lambda e: got.append(
            (e.x, e.y, type(e.x).__name__, round(e.xdata, 6), round(e.ydata, 6),
             e.button is MouseButton.LEFT)))
        send(fig, ax)
        return got, str(fig), str(ax)

    def mpl_send(fig, ax):
        fig.canvas.draw()
        MouseEvent("button_press_event", fig.canvas, 100.6, 120.7, button=1)._process()

    def lumos_send(fig, ax):
        fig.draw()
        Interaction(fig).press(100.6, fig.canvas.size[1] - 120.7, 1)

    assert run(plt, lumos_send) == run(mplt, mpl_send)


def test_set_xlabel_returns_the_label_as_matplotlib():
    """keypress_demo.py toggles the Text ``set_xlabel`` returned."""
    for pyplot in (plt, mplt):
        ax = pyplot.subplots()[1]
        xl = ax.set_xlabel("easy come, easy go")
        yl = ax.set_ylabel("y")
        xl.set_visible(not xl.get_visible())
        yl.set_color("red")
        assert not ax.xaxis.label.get_visible() and xl.get_text() == "easy come, easy go"
        assert ax.yaxis.label.get_color() in ("red", (1.0, 0.0, 0.0, 1.0))


def test_fill_between_set_data_as_matplotlib():
    """resample.py updates its fill_between with ``set_data`` when the view changes
    (lumos's wheel zoom raised AttributeError there); ``step`` kept from the call that
    made it, or given (the example's, which matplotlib 3.11 lacks)."""
    def polys(pyplot, step_now=None):
        ax = pyplot.subplots()[1]
        coll = ax.fill_between([0, 1, 2], [0, 1, 0], [2, 2, 2], step="pre")
        args = (np.array([0, 1, 2, 3.0]), np.array([1, 0, 1, 0.0]), 3.0)
        if step_now is None:
            coll.set_data(*args, where=[True, True, True, False])
        elif pyplot is plt:
            coll.set_data(*args, step=step_now)
        else:  # matplotlib: made with that step
            coll = ax.fill_between(*args, step=step_now)
        return [np.asarray(getattr(p, "vertices", p)) for p in coll.get_paths()]

    for step_now in (None, "post"):
        got, want = polys(plt, step_now), polys(mplt, step_now)
        assert len(got) == len(want) == 1
        np.testing.assert_allclose(got[0], want[0][:-1])  # matplotlib closes the path
    with pytest.raises(ValueError, match="step"):
        plt.subplots()[1].fill_between([0, 1], [0, 1]).set_data([0, 1], [0, 1], 0,
                                                                   step="up")


def test_scatter_picks_every_marker_under_the_click_as_matplotlib():
    """pick_event_demo.py's scatter: ``event.ind`` lists every point whose marker the
    click falls in or passes within the pick radius of (5 pixels; a numeric picker's),
    as matplotlib's Collection.contains, not the topmost point only."""
    rng = np.random.default_rng(7)
    x, y, s = rng.random(60), rng.random(60), 400 * rng.random(60)

    def run(pyplot, click, draw, picker):
        fig, ax = pyplot.subplots(figsize=(4, 3), dpi=100)
        ax.scatter(x, y, s, picker=picker)
        ax.set(xlim=(0, 1), ylim=(0, 1))
        draw(fig)
        got = []
        fig.canvas.mpl_connect("pick_event", lambda e: got.append(sorted(e.ind.tolist())))
        centres = (ax.transData.transform(np.c_[x, y]) if pyplot is mplt
                   else ax.transData.forward(np.c_[x, y]))
        reach = np.sqrt(s) / 2 * 100 / 72 + (5 if picker is True else picker)
        for fx in np.linspace(0.1, 0.9, 9):
            for fy in np.linspace(0.1, 0.9, 7):
                px, py = (ax.transData.transform((fx, fy)) if pyplot is mplt
                          else ax.transData.forward(np.array([fx, fy])))
                # whole pixels (the events'); not within half a pixel of a reach, where
                # Agg's flattened circle and the exact one part
                d = np.hypot(centres[:, 0] - int(px), centres[:, 1] - int(py))
                if np.abs(d - reach).min() < 0.5:
                    continue
                click(fig, float(px), float(py))
                got.append("|")
        return got

    for picker in (True, 2):
        want = run(mplt, _mpl_click, lambda f: f.canvas.draw(), picker)
        got = run(plt, _lumos_click, lambda f: f.draw(), picker)
        assert got == want
        assert any(isinstance(g, list) and len(g) > 1 for g in want)
