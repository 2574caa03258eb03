"""What matplotlib's gallery scripts asked of lumos (third round): a line's pick radius,
the canvas' mouse grab, callbacks, widget lock and ``inaxes``, a horizontal line moved
by ``set_ydata([y])``, ``Axes.contains``, artist keywords of imshow and scatter,
``add_image``, ``set_rasterization_zorder``, and hatched tricontourf with
``legend_elements``."""

from __future__ import annotations

import io

import numpy as np
import pytest

import lumos.pyplot as plt
from lumos.scene.events import Event


def _press(fig, ax, x, y, dy_px=0.0):
    """A press at data (x, y) of ``ax``, ``dy_px`` figure pixels higher."""
    px, py = ax.transData.forward(np.array([x, y], dtype=float))
    h = fig.canvas.size[1]
    fig.canvas.events.emit(Event("mouse_press", x=float(px), y=h - float(py) - dy_px,
                                 button=1, inaxes=ax))


def test_pickradius_is_the_distance_that_picks():
    fig, ax = plt.subplots(figsize=(3, 3), dpi=100)
    line, = ax.plot([0, 2], [1, 1], picker=True, pickradius=15)
    ax.set_ylim(0, 2)
    fig.draw()
    assert line.get_pickradius() == 15 and line.pickradius == 15
    picks = []
    fig.canvas.mpl_connect("pick_event", picks.append)
    _press(fig, ax, 1.0, 1.0, dy_px=12)  # 12 px: inside 15 points (20.8 px)
    assert len(picks) == 1 and picks[0].artist is line
    line.pickradius = 3  # 4.2 px
    _press(fig, ax, 1.0, 1.0, dy_px=12)
    assert len(picks) == 1
    line.set_picker(20.0)  # a number is the radius, as matplotlib's Line2D
    assert line.get_pickradius() == 20.0
    _press(fig, ax, 1.0, 1.0, dy_px=12)
    assert len(picks) == 2
    with pytest.raises(ValueError, match="pickradius: got -1"):
        line.set_pickradius(-1)
    with pytest.raises(ValueError, match="pickradius"):
        ax.plot([0, 1], pickradius="far")


def test_mouse_grab_names_the_grabbing_axes():
    fig, (a, b) = plt.subplots(1, 2, figsize=(4, 2), dpi=100)
    fig.draw()
    seen = []
    fig.canvas.mpl_connect("button_press_event", seen.append)
    _press(fig, b, 0.5, 0.5)
    assert seen[-1].inaxes is b
    fig.canvas.grab_mouse(a)
    assert fig.canvas.mouse_grabber is a
    _press(fig, b, 0.5, 0.5)
    assert seen[-1].inaxes is a and seen[-1].xdata > 1  # right of a's box
    with pytest.raises(RuntimeError, match="Another Axes"):
        fig.canvas.grab_mouse(b)
    fig.canvas.release_mouse(b)  # not the grabber: nothing changes
    assert fig.canvas.mouse_grabber is a
    fig.canvas.release_mouse(a)
    _press(fig, b, 0.5, 0.5)
    assert seen[-1].inaxes is b


def test_canvas_inaxes_callbacks_and_widgetlock():
    fig, (a, b) = plt.subplots(1, 2, figsize=(4, 2), dpi=100)
    fig.draw()
    xy = b.transAxes.forward(np.array([0.5, 0.5]))
    assert fig.canvas.inaxes(xy) is b
    assert fig.canvas.inaxes((1.0, 1.0)) is None  # the figure's corner
    got = []
    cid = fig.canvas.callbacks.connect("motion_notify_event", got.append)
    fig.canvas.callbacks.process("motion_notify_event", "ev")
    assert got == ["ev"]
    fig.canvas.callbacks.disconnect(cid)
    fig.canvas.callbacks.process("motion_notify_event", "ev")
    assert got == ["ev"]
    lock, w1, w2 = fig.canvas.widgetlock, object(), object()
    assert not lock.locked() and lock.available(w1)
    lock(w1)
    assert lock.isowner(w1) and not lock.available(w2)
    with pytest.raises(ValueError, match="already locked"):
        lock(w2)
    with pytest.raises(ValueError, match="do not own"):
        lock.release(w2)
    lock.release(w1)
    assert not lock.locked()


def test_axhline_set_ydata_with_one_value_moves_it():
    fig, ax = plt.subplots()
    h = ax.axhline(0.2, 0.1, 0.9)
    v = ax.axvline(0.3)
    h.set_ydata([0.7])
    v.set_xdata([0.6])
    assert h.get_ydata()[0] == pytest.approx(0.7) and h.get_xdata()[0] == pytest.approx(0.1)
    assert v.get_xdata()[0] == pytest.approx(0.6)


def test_axes_contains_a_mouse_event():
    fig, ax = plt.subplots(figsize=(3, 3), dpi=100)
    fig.draw()
    inside = Event("x", x=150.0, y=150.0)
    outside = Event("x", x=2.0, y=2.0)
    assert ax.contains(inside) == (True, {}) and ax.in_axes(inside)
    assert not ax.in_axes(outside)
    assert not ax.in_axes(Event("x", x=None, y=None))


def test_imshow_and_scatter_take_artist_keywords():
    fig, ax = plt.subplots()
    im = ax.imshow(np.eye(3), animated=True, visible=False)
    assert im.get_animated() and not im.get_visible()
    sc = ax.scatter([1, 2], [3, 4], animated=True, visible=False, picker=3)
    assert sc.get_animated() and not sc.get_visible() and sc.get_picker() == 3
    with pytest.raises(TypeError, match="imshow: unexpected keyword arguments \\['nope'\\]"):
        ax.imshow(np.eye(3), nope=1)


def test_add_image_readds_a_lumos_image_and_refuses_an_empty_matplotlib_one():
    from matplotlib.image import NonUniformImage

    fig, ax = plt.subplots()
    im = ax.imshow(np.eye(3))
    im.remove()
    assert im not in ax.images
    assert ax.add_image(im) is im and im in ax.images
    with pytest.raises(ValueError, match="already in these axes"):
        ax.add_image(im)
    # matplotlib's NonUniformImage with data is drawn (tests/test_image_nonuniform.py)
    with pytest.raises(ValueError, match="add_image: matplotlib's NonUniformImage has no "
                                         "data yet"):
        ax.add_image(NonUniformImage(None))


def _svg(fig) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="svg")
    return buf.getvalue().decode()


def test_rasterization_zorder_rasterizes_what_lies_below():
    fig, ax = plt.subplots(figsize=(3, 2), dpi=50)
    ax.fill_between([0, 1], [0, 1], zorder=-1)
    ax.plot([0, 1], [1, 0], zorder=2)
    assert ax.get_rasterization_zorder() is None
    plain = _svg(fig)
    ax.set_rasterization_zorder(0)
    assert ax.get_rasterization_zorder() == 0
    zordered = _svg(fig)
    assert plain.count("<image") == 0 and zordered.count("<image") == 1
    ax.set_rasterization_zorder(3)  # the line too: one image per rasterized draw
    assert _svg(fig).count("<image") == 2
    ax.set_rasterization_zorder(None)
    assert _svg(fig).count("<image") == 0
    with pytest.raises(ValueError, match="z: got nan"):
        ax.set_rasterization_zorder(float("nan"))


def test_tricontourf_hatches_and_legend_elements():
    rng = np.random.default_rng(0)
    x, y = rng.uniform(-1, 1, 60), rng.uniform(-1, 1, 60)
    z = x * y
    fig, ax = plt.subplots()
    cs = ax.tricontourf(x, y, z, levels=[-1, 0, 1], hatches=["/", None])
    assert len(cs.hatch_collections) == 1  # the second level is plain
    assert cs.hatch_collections[0].get_hatch() == "/"
    handles, labels = cs.legend_elements()
    assert labels == ["$-1.0 < x \\leq 0.0$", "$0.0 < x \\leq 1.0$"]
    assert [h.hatch for h in handles] == ["/", None]
    ax.legend(handles, labels)
    fig.draw()
    lines = ax.tricontour(x, y, z, levels=[0.0, 0.5], colors="k")
    handles, labels = lines.legend_elements("v", "{:.1f}".format)
    assert labels == ["$v = 0.0$", "$v = 0.5$"] and len(handles) == 2
    with pytest.raises(TypeError, match="hatches: contour lines take no hatches"):
        ax.tricontour(x, y, z, hatches=["/"])
    with pytest.raises(TypeError, match="expected a list of hatch patterns"):
        ax.tricontourf(x, y, z, hatches="/")


def test_update_from_copies_the_style_not_the_data():
    fig, ax = plt.subplots()
    a, = ax.plot([0, 1, 2], [0, 1, 0], "rs--", lw=5, ms=10, mec="b", alpha=0.5,
                 drawstyle="steps-post", label="a")
    b, = ax.plot([0, 1], [1, 1])
    b.update_from(a)
    assert b.get_color() == a.get_color() and b.get_alpha() == 0.5
    assert b.get_linewidth() == 5 and b.get_linestyle() == a.get_linestyle()
    assert b.get_marker() == "s" and b.get_markersize() == 10
    assert b.get_label() == "a"
    assert list(b.get_xdata()) == [0, 1]  # its own data
    fig.draw()
    px = np.asarray(fig.canvas.render())
    assert px.shape[0] > 0
    with pytest.raises(TypeError, match="expected a lumos Line2D"):
        b.update_from("line")


def test_xkcd_says_it_is_not_drawn():
    with pytest.raises(NotImplementedError, match="sketched"):
        plt.xkcd()


def test_gridspec_tight_layout_fills_its_rect():
    fig = plt.figure(figsize=(6, 4), dpi=50)
    gs1 = fig.add_gridspec(2, 1)
    for i in range(2):
        fig.add_subplot(gs1[i]).set_ylabel("y")
    gs2 = fig.add_gridspec(1, 1)
    ax = fig.add_subplot(gs2[0])
    gs1.tight_layout(fig, rect=[None, None, 0.45, None])
    assert gs1.right < 0.45 and gs1.left < 0.2  # the left margin as the labels need
    gs2.tight_layout(fig, rect=[0.5, None, None, None])
    assert gs2.left > 0.5 and gs2.right > 0.9
    assert ax.get_position().x0 == pytest.approx(gs2.left)
    with pytest.raises(TypeError, match="renderer"):
        gs1.tight_layout(fig, renderer=object())


def _line_points(cs) -> int:
    return sum(len(v.pos) if getattr(v, "pos", None) is not None else 0
               for v in cs.visuals()[1:])


def test_contour_ticked_stroke_adds_ticks_in_the_line_color():
    from matplotlib import patheffects

    x, y = np.meshgrid(np.linspace(0, 4, 40), np.linspace(0, 4, 40))
    fig, ax = plt.subplots(figsize=(4, 4), dpi=50)
    cs = ax.contour(x, y, 3 * x + y - 5.5, [0], colors="red")
    fig.draw()
    plain = _line_points(cs)
    cs.set(path_effects=[patheffects.withTickedStroke(angle=135, spacing=5)])
    fig.draw()
    ticked = _line_points(cs)
    assert ticked > plain + 3 * 10  # ticks: 3 rows each (two points and a break)
    assert len(cs.get_path_effects()) == 1
    png = np.asarray(fig.canvas.render())
    red = (png[..., 0] > 200) & (png[..., 1] < 80)
    cs.set(path_effects=[])
    fig.draw()
    png2 = np.asarray(fig.canvas.render())
    red2 = (png2[..., 0] > 200) & (png2[..., 1] < 80)
    assert red.sum() > 1.5 * red2.sum()  # the ticks are drawn, in the line's color
    with pytest.raises(TypeError, match="ticked strokes and Normal; got Shadow"):
        cs.set_path_effects([patheffects.withSimplePatchShadow()])
    # a stroke is a line visual more per line style: one level has none to spare
    with pytest.raises(TypeError, match="need 2 line visuals"):
        cs.set_path_effects([patheffects.withStroke(linewidth=3, foreground="w")])
    with pytest.raises(TypeError, match="own color and width"):
        cs.set_path_effects([patheffects.withTickedStroke(linewidth=3)])
    filled = ax.contourf(x, y, x + y)
    with pytest.raises(TypeError, match="line contours"):
        filled.set_path_effects([patheffects.withTickedStroke()])


def test_get_figure_of_figures_and_subfigures():
    fig = plt.figure()
    outer = fig.subfigures(1, 2)[0]
    inner = outer.subfigures(2, 1)[0]
    assert fig.get_figure() is fig and fig.get_figure(root=True) is fig
    assert outer.get_figure() is fig
    assert inner.get_figure(root=False) is outer and inner.get_figure(root=True) is fig


def _hatched_scatter(pyplot, **kw) -> np.ndarray:
    """matplotlib's hatchcolor_demo in small: hexagons hatched 'xxx' in a color per
    point (cycled), unfilled, gray edges."""
    from PIL import Image

    fig, ax = pyplot.subplots(figsize=(3, 3), dpi=100)
    ax.scatter([0, 1, 2], [0, 1, 0], s=1500, facecolor="none", edgecolor="gray",
               marker="h", hatch="xxx", hatchcolor=["r", "b"], **kw)
    ax.set_xlim(-1, 3)
    ax.set_ylim(-1, 2)
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    pyplot.close(fig)
    return np.asarray(Image.open(buf).convert("RGB")).astype(int)


def test_scatter_hatches_every_marker_as_matplotlib():
    """scatter(hatch=, hatchcolor=) (a TypeError before): each marker hatched inside its
    outline in its hatch color, cycled over the points, where matplotlib draws it."""
    mplt = pytest.importorskip("matplotlib.pyplot")
    ours, theirs = _hatched_scatter(plt), _hatched_scatter(mplt)
    assert np.abs(ours - theirs).mean() < 1.0
    for pick in (lambda im: (im[..., 0] > 200) & (im[..., 1] < 80),  # red hatches
                 lambda im: (im[..., 2] > 200) & (im[..., 0] < 80)):  # blue
        boxes = []
        for im in (ours, theirs):
            ys, xs = np.nonzero(pick(im))
            boxes.append((xs.min(), ys.min(), xs.max(), ys.max(), len(xs)))
        assert np.abs(np.subtract(boxes[0][:4], boxes[1][:4])).max() <= 1, boxes
        assert boxes[0][4] == pytest.approx(boxes[1][4], rel=0.15), boxes
    # two red hexagons (points 0 and 2), one blue
    red = (ours[..., 0] > 200) & (ours[..., 1] < 80)
    assert red[:, :150].any() and red[:, 150:].any()


def test_scatter_hatch_what_lumos_cannot_draw_is_refused_by_name():
    fig, ax = plt.subplots()
    with pytest.raises(TypeError, match="hatch_linewidth"):
        ax.scatter([1], [2], hatch="/", hatch_linewidth=2)
    with pytest.raises(TypeError, match="density"):
        ax.scatter([1], [2], hatch="/", density=True)
    with pytest.raises(TypeError, match="hatch: lumos hatches filled markers"):
        ax.scatter([1], [2], hatch="/", marker="x")
    with pytest.raises(ValueError, match="hatch"):
        ax.scatter([1], [2], hatch="?")
    plt.close(fig)


def test_connection_patch_joins_two_axes_over_the_figure():
    from matplotlib.patches import ConnectionPatch

    fig, (a, b) = plt.subplots(1, 2, figsize=(4, 2), dpi=100)
    for ax in (a, b):
        ax.set_axis_off()
    con = ConnectionPatch(xyA=(0.5, 0.5), coordsA=a.transData, xyB=(0.5, 0.5),
                          coordsB="data", axesB=b, color="red", linewidth=3)
    kept = a.add_artist(con)  # on an axes: drawn over the figure, unclipped
    fig.draw()
    png = np.asarray(fig.canvas.render())
    h = png.shape[0]
    xa, ya = a.transData.forward(np.array([0.5, 0.5]))
    xb, _ = b.transData.forward(np.array([0.5, 0.5]))
    row = png[int(round(h - ya))]
    red = np.flatnonzero((row[:, 0] > 200) & (row[:, 1] < 80))
    assert red.min() <= xa + 2 and red.max() >= xb - 2  # from one axes into the other
    con.xy1 = (0.5, 0.9)  # read every frame, as matplotlib draws it
    fig.draw()
    png = np.asarray(fig.canvas.render())
    row = png[int(round(h - ya))]
    assert ((row[:, 0] > 200) & (row[:, 1] < 80)).sum() < len(red) / 2
    kept.remove()
    fig.draw()
    png = np.asarray(fig.canvas.render())
    assert not ((png[..., 0] > 200) & (png[..., 1] < 80)).any()
    # every matplotlib arrow style draws (lumos.plot.arrowstyles)
    fig.add_artist(ConnectionPatch((0, 0), (1, 1), "data", axesA=a, axesB=b,
                                   arrowstyle="fancy"))
    fig.draw()
    fig.add_artist(ConnectionPatch((0, 0), (1, 1), "data", axesA=a, axesB=b,
                                   connectionstyle="angle3"))  # every connection style
    fig.draw()


def test_scatter_hatch_color_follows_matplotlibs_default():
    """No hatchcolor: the edge color, which for scatter's default edgecolors='face' is
    the face color (matplotlib's hatch is then invisible on the face), for a white-faced
    square with a black edge black rings."""
    from PIL import Image

    mplt = pytest.importorskip("matplotlib.pyplot")
    pictures = []
    for pyplot in (plt, mplt):
        fig, ax = pyplot.subplots(figsize=(3, 2), dpi=100)
        ax.scatter([0], [0], s=2000, hatch="//", c="tab:orange")
        ax.scatter([1], [0], s=2000, hatch="o", marker="s", fc="w", ec="k")
        ax.set_xlim(-0.6, 1.6)
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
        pyplot.close(fig)
        pictures.append(np.asarray(Image.open(buf).convert("RGB")).astype(int))
    ours, theirs = pictures
    assert np.abs(ours - theirs).mean() < 1.5
    # dark pixels in the disc's and the square's middles: none and as many (rings)
    for x0, x1 in ((60, 100), (190, 230)):
        dark = [int((im[80:120, x0:x1].max(axis=2) < 100).sum()) for im in (ours, theirs)]
        assert dark[0] == pytest.approx(dark[1], rel=0.25, abs=3), dark
