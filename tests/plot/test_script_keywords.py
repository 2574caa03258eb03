"""Keywords and attributes real matplotlib scripts use, drawn as matplotlib draws them:
``clip_on``, quiver outlines, ``Axes.bbox``, ``TickLabel.set_bbox``."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest
from plot_helpers import px  # tests/plot/plot_helpers.py

import lumos
import lumos.pyplot as plt
from lumos import colors

matplotlib.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402

GREEN = colors.to_rgba("C2")[:3]


def _mask(img, rgb, tol=0.12) -> np.ndarray:
    """Pixels within ``tol`` of ``rgb`` (0..1)."""
    return (np.abs(img[..., :3] / 255.0 - np.asarray(rgb)) <= tol).all(axis=-1)


def _mpl_image(fig) -> np.ndarray:
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba())


def _ink(img, rgb) -> np.ndarray:
    """How much of each pixel ``rgb`` covers over white (0..1): antialiased edges count
    by their coverage, so the total does not depend on where a line falls in a pixel."""
    rgb = np.asarray(rgb)
    c = int(np.argmin(rgb))  # the channel the color darkens most
    return np.clip((255.0 - img[..., c]) / (255.0 * (1.0 - rgb[c])), 0.0, 1.0)


def _outside(values, box, h) -> float:
    """The sum of ``values`` (a mask or coverage) outside the axes ``box`` (figure
    pixels from the bottom left)."""
    x0, y0, w, bh = box
    inside = np.zeros(values.shape, bool)
    inside[int(round(h - y0 - bh)):int(round(h - y0)), int(round(x0)):int(round(x0 + w))] = True
    return float(np.where(inside, 0.0, values).sum())


def _line_beyond(mod, **kw):
    fig, ax = mod.subplots(figsize=(4, 3), dpi=80)
    ax.plot([-0.4, 1.4], [0.5, 0.5], lw=4, color="C2", **kw)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    return fig, ax


# -- clip_on ----------------------------------------------------------------------------
def test_line_with_clip_on_false_runs_out_of_the_axes_as_matplotlibs():
    fig, ax = _line_beyond(lumos, clip_on=False)
    img = fig.render()
    mfig, max_ = _line_beyond(mplt, clip_on=False)
    mimg = _mpl_image(mfig)
    h = img.shape[0]
    ours = _outside(_ink(img, GREEN), ax.box, h)
    theirs = _outside(_ink(mimg, GREEN), max_.bbox.bounds, h)
    assert theirs > 100  # the line reaches 0.4 axes widths beyond each side
    assert ours == pytest.approx(theirs, rel=0.05)
    # clipped (the default) it stays inside, in both
    fig2, ax2 = _line_beyond(lumos)
    assert _outside(_mask(fig2.render(), GREEN), ax2.box, h) == 0


def test_set_clip_on_moves_a_line_and_back():
    fig, ax = _line_beyond(lumos)
    (line,) = ax.get_lines()
    assert line.get_clip_on() is True
    line.set_clip_on(False)
    assert line.get_clip_on() is False
    h = fig.render().shape[0]
    assert _outside(_mask(fig.render(), GREEN), ax.box, h) > 100
    line.set_clip_on(True)
    assert _outside(_mask(fig.render(), GREEN), ax.box, h) == 0
    with pytest.raises(TypeError, match="clip_on"):
        line.set_clip_on("no")
    with pytest.raises(TypeError, match="clip_on"):
        ax.plot([0, 1], clip_on="no")


@pytest.mark.parametrize("make", [
    lambda ax: ax.plot([0.0], [0.0], "o", ms=20, color="C3", clip_on=False),
    lambda ax: ax.scatter([0.0], [0.0], s=400, color="C3", clip_on=False),
    lambda ax: ax.add_patch(plt.Rectangle((-0.2, -0.2), 0.3, 0.3, color="C3", clip_on=False)),
    lambda ax: ax.bar([0.0], [0.5], width=0.2, bottom=-0.2, color="C3", clip_on=False),
], ids=["marker", "scatter", "patch", "bar"])
def test_artists_with_clip_on_false_draw_beyond_the_corner(make):
    fig, ax = lumos.subplots(figsize=(4, 3), dpi=80)
    make(ax)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    img = fig.render()
    red = colors.to_rgba("C3")[:3]
    bx, by, _, _ = ax.box
    # 6 pixels below and left of the axes' corner: inside the artist, outside the axes
    (fx, fy), = ax.transData.inverse(np.array([[bx - 6.0, by - 6.0]]))
    assert np.allclose(px(img, ax, fx, fy), red, atol=0.1)


def test_unclipped_view_goes_with_its_axes():
    fig, ax = _line_beyond(lumos, clip_on=False)
    other = fig.add_axes((0.05, 0.05, 0.1, 0.1))
    fig.delaxes(ax)
    img = fig.render()
    assert not _mask(img, GREEN).any()
    assert fig.axes == [other]


def test_hidden_axes_hides_its_unclipped_artists():
    fig, ax = _line_beyond(lumos, clip_on=False)
    ax.set_visible(False)
    assert not _mask(fig.render(), GREEN).any()
    ax.set_visible(True)
    assert _mask(fig.render(), GREEN).any()


@pytest.mark.parametrize("setup", [lambda ax: ax.invert_xaxis(),
                                   lambda ax: ax.set_xscale("log")], ids=["inverted", "log"])
def test_unclipped_markers_follow_inverted_and_log_axes(setup):
    fig, ax = lumos.subplots(figsize=(4, 3), dpi=80)
    ax.plot([0.8, 4.3], [0.5, 0.5], "o", ms=10, color="C2", ls="none", clip_on=False)
    ax.set_xlim(1, 4)
    ax.set_ylim(0, 1)
    setup(ax)
    img = fig.render()
    for x in (0.8, 4.3):  # both markers lie outside the limits, inside the figure
        assert np.allclose(px(img, ax, x, 0.5), GREEN, atol=0.1)


# -- quiver -----------------------------------------------------------------------------
def _quiver(mod, **kw):
    fig, ax = mod.subplots(figsize=(4, 3), dpi=80)
    x, y = np.meshgrid(np.arange(4.0), np.arange(3.0))
    ax.quiver(x, y, np.cos(x + y), np.sin(x + y), color="yellow", width=0.02, **kw)
    ax.set_xlim(-1, 4)
    ax.set_ylim(-1, 3)
    return fig, ax


def test_quiver_outlines_match_matplotlibs():
    red = (1.0, 0.0, 0.0)
    fig, _ = _quiver(lumos, edgecolor="r", linewidth=1.5)
    mfig, _ = _quiver(mplt, edgecolor="r", linewidth=1.5)
    ours, theirs = _mask(fig.render(), red).sum(), _mask(_mpl_image(mfig), red).sum()
    assert theirs > 200
    assert ours == pytest.approx(theirs, rel=0.3)
    yellow = (1.0, 1.0, 0.0)
    plain, _ = _quiver(lumos)
    assert _mask(plain.render(), red).sum() == 0  # no outline by default
    # edgecolor 'face' (the default) outlines in the arrows' color: fatter arrows
    fat, _ = _quiver(lumos, linewidth=3)
    assert _mask(fat.render(), yellow).sum() > 1.2 * _mask(plain.render(), yellow).sum()


# -- Axes.bbox, TickLabel.set_bbox ----------------------------------------------------------
def test_axes_bbox_is_the_box_in_display_pixels():
    fig, ax = lumos.subplots(figsize=(4, 3), dpi=100)
    mfig, max_ = mplt.subplots(figsize=(4, 3), dpi=100)
    fig.canvas.draw()
    mfig.canvas.draw()
    assert ax.bbox.bounds == pytest.approx(max_.bbox.bounds, abs=1.0)
    assert ax.bbox.width == pytest.approx(max_.bbox.width, abs=1.0)


def test_ticklabel_bbox_draws_a_box_behind_the_label():
    fig, ax = lumos.subplots(figsize=(4, 3), dpi=80)
    ax.plot([0, 1], [0, 1])
    before = _mask(fig.render(), (1.0, 1.0, 0.0)).sum()
    label = ax.get_xticklabels()[1]
    label.set_bbox(dict(facecolor="yellow", edgecolor="none", pad=3))
    img = fig.render()
    boxed = _mask(img, (1.0, 1.0, 0.0))
    assert before == 0 and boxed.sum() > 100
    rows, cols = np.nonzero(boxed)
    bx, by, bw, bh = ax.box
    assert rows.min() > img.shape[0] - by  # below the axes, where the x labels are
    assert bx <= cols.mean() <= bx + bw
    label.set_bbox(None)
    assert _mask(fig.render(), (1.0, 1.0, 0.0)).sum() == 0
    with pytest.raises(TypeError, match="bbox"):
        label.set_bbox(dict(facecolour="yellow"))


def _grid(mod, **kw):
    fig, ax = mod.subplots(figsize=(4, 3), dpi=80)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.grid(True, color="C2", linewidth=6, **kw)
    return fig, ax


def test_grid_with_clip_on_false_shows_the_lines_on_the_limits_whole():
    fig, ax = _grid(lumos, clip_on=False)
    mfig, max_ = _grid(mplt, clip_on=False)
    img, mimg = fig.render(), _mpl_image(mfig)
    h = img.shape[0]
    ours = _outside(_ink(img, GREEN), ax.box, h)
    theirs = _outside(_ink(mimg, GREEN), max_.bbox.bounds, h)
    assert theirs > 200  # half of each line on the limits, and the square ends
    assert ours == pytest.approx(theirs, rel=0.05)
    clipped, cax = _grid(lumos)
    assert _outside(_mask(clipped.render(), GREEN), cax.box, h) == 0
    with pytest.raises(TypeError, match="clip_on"):
        ax.grid(True, clip_on="no")


def test_clipped_and_unclipped_artists_keep_their_zorder():
    """An unclipped patch under a clipped line (and the other way round) stacks by
    zorder, as matplotlib's, though the two draw in different views."""
    for patch_z, line_z, on_top in ((1, 2, "C0"), (3, 2, "C3")):
        fig, ax = lumos.subplots(figsize=(4, 3), dpi=80)
        ax.add_patch(plt.Rectangle((0.2, 0.2), 0.6, 0.6, color="C3", clip_on=False,
                                   zorder=patch_z))
        ax.plot([0, 1], [0.5, 0.5], lw=6, color="C0", zorder=line_z)
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        img = fig.render()
        assert np.allclose(px(img, ax, 0.5, 0.5), colors.to_rgba(on_top)[:3], atol=0.1)
        assert np.allclose(px(img, ax, 0.5, 0.3), colors.to_rgba("C3")[:3], atol=0.1)


def test_matplotlib_patch_with_clip_on_false_draws_beyond_the_axes():
    from matplotlib.patches import Rectangle

    fig, ax = lumos.subplots(figsize=(4, 3), dpi=80)
    rect = Rectangle((-0.2, -0.2), 0.3, 0.3, color="C3", clip_on=False)
    ax.add_patch(rect)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    red = colors.to_rgba("C3")[:3]
    assert np.allclose(px(fig.render(), ax, -0.1, -0.1), red, atol=0.1)
    rect.set_clip_on(True)  # matplotlib's setter: lumos follows it
    assert np.allclose(px(fig.render(), ax, -0.1, -0.1), (1, 1, 1), atol=0.1)


def test_markevery_indices_wait_for_the_data_of_an_empty_line():
    """matplotlib's animations start from ``plot([], [], markevery=[-1])``."""
    fig, ax = lumos.subplots(figsize=(4, 3), dpi=80)
    (line,) = ax.plot([], [], "-o", markevery=[-1], color="C3", ms=12, clip_on=False)
    line.set_data([0.0, 0.5, 1.0], [0.0, 0.5, 1.0])
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    np.testing.assert_array_equal(line.marker_positions(), [[1.0, 1.0]])
    img = fig.render()
    bx, by, bw, bh = ax.box
    (fx, fy), = ax.transData.inverse(np.array([[bx + bw + 3.0, by + bh + 3.0]]))
    assert np.allclose(px(img, ax, fx, fy), colors.to_rgba("C3")[:3], atol=0.1)
    with pytest.raises(ValueError, match="markevery"):
        line.set_markevery([7])


# -- line caps and joins ----------------------------------------------------------------------
def _cap_reach(mod, cap) -> tuple[float, np.ndarray]:
    """Pixels the ink of a 16-point line from x=0.25 to 0.75 reaches past its ends, on
    the line's row and 6 pixels off it."""
    fig, ax = mod.subplots(figsize=(4, 3), dpi=80)
    ax.plot([0.25, 0.75], [0.5, 0.5], lw=16, color="C0", solid_capstyle=cap)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_axis_off()
    img = fig.render() if mod is lumos else _mpl_image(fig)
    ink = _mask(img, colors.to_rgba("C0")[:3], tol=0.3)
    x0, y0, w, h = (ax.box if mod is lumos else ax.bbox.bounds)
    row = int(round(img.shape[0] - (y0 + h / 2)))
    end = x0 + 0.75 * w
    return [np.nonzero(ink[r])[0].max() - end for r in (row, row - 6)]


@pytest.mark.parametrize("cap", ["butt", "round", "projecting"])
def test_solid_capstyle_ends_lines_as_matplotlibs(cap):
    ours, theirs = _cap_reach(lumos, cap), _cap_reach(mplt, cap)
    assert ours == pytest.approx(theirs, abs=1.5)


def test_line_styles_are_kept_and_bad_ones_refused_by_name():
    fig, ax = lumos.subplots()
    (line,) = ax.plot([0, 1], dash_capstyle="round", solid_joinstyle="miter",
                      dash_joinstyle="bevel", antialiased=False, ls="--")
    assert (line.get_dash_capstyle(), line.get_solid_joinstyle(),
            line.get_dash_joinstyle()) == ("round", "miter", "bevel")
    assert line.get_antialiased() is False
    for kw in ({"dash_capstyle": "square"}, {"solid_joinstyle": "sharp"},
               {"dash_joinstyle": "curve"}, {"solid_capstyle": "square"}):
        (name,) = kw
        with pytest.raises(ValueError, match=name):
            ax.plot([0, 1], **kw)
    line.set_solid_capstyle("projecting")
    assert line.get_solid_capstyle() == "projecting"


def test_unclipped_markers_follow_new_limits():
    fig, ax = lumos.subplots(figsize=(4, 3), dpi=80)
    ax.plot([1.1], [0.5], "o", ms=12, color="C2", clip_on=False)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    assert np.allclose(px(fig.render(), ax, 1.1, 0.5), GREEN, atol=0.1)
    ax.set_xlim(0.4, 1.4)  # as a pan of the mouse does: the marker is inside now
    img = fig.render()
    assert np.allclose(px(img, ax, 1.1, 0.5), GREEN, atol=0.1)
    assert _outside(_mask(img, GREEN), ax.box, img.shape[0]) == 0


def test_clip_on_false_on_3d_axes_is_taken():
    """A 3D axes draws clip_on=False artists beyond its rectangle
    (test_accepted_honoured.py compares the pictures with matplotlib's)."""
    ax = plt.figure().add_subplot(projection="3d")
    line = ax.plot([0, 1], [0, 1], [0, 1])[0]
    line.set_clip_on(False)
    assert line.get_clip_on() is False
    assert ax.scatter([0, 1], [0, 1], [0, 1], clip_on=False).get_clip_on() is False


def test_axes_lists_its_lines_and_images_as_matplotlib():
    ax = plt.figure().add_subplot()
    a, = ax.plot([0, 1])
    ax.scatter([0], [0])
    b, = ax.plot([1, 0])
    im = ax.imshow(np.eye(3))
    assert ax.lines == [a, b] == ax.get_lines()
    assert ax.images == [im] == ax.get_images()
    a.remove()
    assert ax.lines == [b]


def test_ticks_of_size_zero_draw_nothing():
    """tick_params(size=0) hides the ticks (a zero-length tick drew a dot per tick)."""
    fig, ax = plt.subplots(figsize=(3, 2), dpi=100)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.minorticks_on()
    ax.tick_params(which="both", size=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_xticklabels([])
    ax.set_yticklabels([])
    assert not (fig.render()[..., :3] < 200).any()
    ax.tick_params(which="major", size=4)
    assert (fig.render()[..., :3] < 200).any()


def test_autoscale_per_axis_as_matplotlib():
    ax = plt.figure().add_subplot()
    ax.set_xlim(0, 5)
    assert ax.get_autoscalex_on() is False and ax.get_autoscaley_on() is True
    ax.set_autoscalex_on(True)
    ax.plot([0, 10], [0, 1])
    assert ax.get_autoscalex_on() and ax.get_xlim()[1] >= 10


def test_rasterized_and_clip_on_take_ints_and_numpy_bools_as_matplotlib_does():
    # rougier's reference/line.py passes rasterized=1; matplotlib takes it
    fig, ax = plt.subplots()
    (line,) = ax.plot([0, 1], rasterized=1, clip_on=np.bool_(False))
    assert line.get_rasterized() is True and line.get_clip_on() is False
    line.set_rasterized(0)
    line.set_clip_on(1)
    assert line.get_rasterized() is False and line.get_clip_on() is True
    ax.grid(True, clip_on=0)
    for bad in ("yes", 2, 0.5):
        with pytest.raises(TypeError, match="rasterized: got"):
            line.set_rasterized(bad)
        with pytest.raises(TypeError, match="clip_on: got"):
            ax.plot([0, 1], clip_on=bad)


def test_dates_as_python_objects_in_text_annotate_and_vlines_as_matplotlib():
    # gallery timeline.py / stock_prices.py: datetime and date objects as positions
    import datetime as dt

    days = [dt.datetime(2020, 1, 1), dt.datetime(2020, 6, 1), dt.datetime(2021, 1, 1)]
    results = []
    for p in (plt, mplt):
        fig, ax = p.subplots()
        ax.vlines(days, 0, [1, 2, 3])
        t = ax.text(dt.date(2020, 6, 1), 1.5, "mid")
        a = ax.annotate("end", xy=(days[-1], 3))
        ax.set_xlim(days[0], days[-1])
        results.append((t.get_position()[0], a.xy[0], ax.get_xlim()))
        p.close(fig)
    (t, a, lim), (mt, ma, mlim) = results
    assert t == pytest.approx(matplotlib.dates.date2num(mt))
    assert float(a) == pytest.approx(matplotlib.dates.date2num(ma))
    assert lim == pytest.approx(mlim)
    fig, ax = plt.subplots()
    with pytest.raises(TypeError, match="x"):
        ax.text(object(), 1, "?")


def test_locator_params_and_axis_set_as_matplotlib():
    # gallery contourf_demo.py: locator_params(nbins=4) on the default AutoLocator
    fig, ax = plt.subplots()
    ax.plot([0, 10], [0, 10])
    ax.locator_params(nbins=4)
    fig.draw()
    assert len(ax.xaxis.ticks()[0]) <= 5
    loc = ax.xaxis.major_locator
    assert type(loc).__name__ == "AutoLocator" and loc.nbins == 4
    with pytest.raises(TypeError, match="colour"):
        loc.set_params(colour=1)
    # gallery timeline.py: Axis.set(major_locator=..., major_formatter=...)
    from lumos import ticker

    ax.xaxis.set(major_locator=ticker.MultipleLocator(2.5),
                 major_formatter=ticker.FormatStrFormatter("%.1f"))
    fig.draw()
    assert list(ax.xaxis.ticks()[1][:2]) == ["0.0", "2.5"]
    with pytest.raises(TypeError, match="colour"):
        ax.xaxis.set(colour="red")


@pytest.mark.parametrize("rotation, ha, va, mode", [
    (0, "left", "baseline", None), (30, "center", "center", None),
    (90, "right", "top", None), (45, "left", "bottom", "anchor")])
def test_text_window_extent_of_rotated_text_as_matplotlib(rotation, ha, va, mode):
    boxes = []
    for p in (plt, mplt):
        fig, ax = p.subplots(figsize=(4, 3), dpi=100)
        t = ax.text(0.5, 0.5, "Hello World", rotation=rotation, ha=ha, va=va,
                    rotation_mode=mode, fontsize=12)
        if p is mplt:
            fig.canvas.draw()
            e = t.get_window_extent(fig.canvas.get_renderer())
        else:
            fig.draw()
            e = t.get_window_extent()
        boxes.append([e.x0, e.y0, e.x1, e.y1])
        p.close(fig)
    np.testing.assert_allclose(boxes[0], boxes[1], atol=3.0)  # font metrics differ a bit


@pytest.mark.parametrize("extend", ["neither", "both", "min", "max"])
@pytest.mark.parametrize("ncolors", [3, 5, 7])
def test_contourf_listed_colors_and_their_ends_as_matplotlib(extend, ncolors):
    # gallery contourf_demo.py: colors=('r', 'g', 'b') with extend='both' repeat over the
    # five layers; one color more per extended end colors that end; cmap.set_under
    # after contourf colors the lowest layer
    z = np.add.outer(np.linspace(-2, 2, 40), np.linspace(-2, 2, 40))
    levels = [-1.5, -1, -0.5, 0, 0.5, 1]
    seq = ["r", "g", "b", "c", "m", "y", "k"][:ncolors]
    faces = []
    for p in (plt, mplt):
        fig, ax = p.subplots()
        cs = ax.contourf(z, levels, colors=seq, extend=extend)
        cs.cmap.set_over("orange")
        if p is mplt:
            faces.append(cs.to_rgba(cs.cvalues))
        else:
            fig.draw()
            faces.append(cs._level_rgba())
        p.close(fig)
    np.testing.assert_allclose(faces[0], faces[1])
