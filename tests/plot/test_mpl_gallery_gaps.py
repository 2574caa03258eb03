"""matplotlib gallery scripts that crashed with one changed import: boxes of tick labels,
lumos boxes and transforms handed to matplotlib's own code, ``contourf``'s ``extend``
values, what ``cla`` removes, what ``get_children`` lists."""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import pytest
from PIL import Image

import lumos.pyplot as plt

matplotlib.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402


def _ytick_boxes(plt_module) -> list:
    fig, ax = plt_module.subplots()
    ax.plot(range(10))
    ax.set_yticks([2, 5, 7], labels=["really, really, really", "long", "labels"])
    fig.canvas.draw()
    boxes = [lab.get_window_extent() for lab in ax.get_yticklabels()]
    plt_module.close(fig)
    return boxes


def test_tick_label_window_extent_matches_matplotlib():
    """auto_subplots_adjust reads the y tick labels' boxes after a draw: lumos's sit
    where matplotlib's do (right edge at the tick, centred on it, as wide)."""
    ours, theirs = _ytick_boxes(plt), _ytick_boxes(mplt)
    for a, b in zip(ours, theirs, strict=True):
        assert a.x1 == pytest.approx(b.x1, abs=1.0)
        # (lumos's text box is taller than matplotlib's: about 2 px at 10 pt)
        assert (a.y0 + a.y1) / 2 == pytest.approx((b.y0 + b.y1) / 2, abs=2.5)
        assert a.width == pytest.approx(b.width, rel=0.04)
    # the box in figure fraction, as the script uses it
    fig = plt.gcf()
    frac = ours[0].transformed(fig.transFigure.inverted())
    assert frac.x1 == pytest.approx(ours[0].x1 / fig.bbox.width)


def test_tick_label_window_extent_follows_the_label():
    """A rotated x label's box is the turned text's; a hidden one gets the unit box;
    polar axes, which draw their labels themselves, say so."""
    fig, ax = plt.subplots()
    ax.plot([0, 10])
    fig.canvas.draw()
    label = ax.get_xticklabels()[1]
    flat = label.get_window_extent()
    ax.tick_params(axis="x", labelrotation=90)
    fig.canvas.draw()
    turned = ax.get_xticklabels()[1].get_window_extent()
    assert turned.width == pytest.approx(flat.height, abs=0.5)
    assert turned.height == pytest.approx(flat.width, abs=0.5)
    assert turned.y1 == pytest.approx(flat.y1, abs=0.5)  # both hang from the tick
    hidden = ax.get_xticklabels()[1]
    hidden.set_visible(False)  # (matplotlib's get_xticklabels lists it no more)
    assert hidden.get_window_extent().extents == (0.0, 0.0, 1.0, 1.0)
    pax = plt.figure().add_subplot(projection="polar")
    with pytest.raises(NotImplementedError, match="polar"):
        pax.get_xticklabels()[0].get_window_extent()


def _field():
    x = np.linspace(-3, 5, 60)
    y = np.linspace(-3, 5, 50)
    return x, y, np.cos(x)[None, :] + np.sin(y)[:, None]


@pytest.mark.parametrize("extend", ["neither", "min", "max", "both", "lower", "bogus"])
def test_contourf_extend_values_as_matplotlib(extend):
    """matplotlib's contourf keeps any extend string and extends only for 'min', 'max'
    and 'both' (contourf_hatching passes 'lower'); its colorbar refuses the others."""
    x, y, z = _field()
    got = []
    for mod in (plt, mplt):
        fig, ax = mod.subplots()
        cs = ax.contourf(x, y, z, 6, hatches=[".", "/"], extend=extend)
        got.append((cs.extend, len(cs.levels)))
        if extend in ("lower", "bogus"):
            with pytest.raises(ValueError, match="extend"):
                fig.colorbar(cs)
        else:
            assert fig.colorbar(cs).extend == extend
        mod.close(fig)
    assert got[0] == got[1]
    with pytest.raises(TypeError, match="extend"):
        plt.subplots()[1].contourf(x, y, z, extend=1)


def _bar_pixels(hatches, extend):
    x, y, z = _field()
    fig, ax = plt.subplots(figsize=(4, 4), dpi=100)
    cs = ax.contourf(x, y, z, [-1, 0, 1], cmap="gray_r", hatches=hatches, extend=extend)
    cb = fig.colorbar(cs)
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    img = np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert("L")).astype(int)
    bx, by, bw, bh = cb.ax.box
    h = img.shape[0]

    def cut(y0, y1):  # rows y0..y1 (figure pixels from the bottom) inside the bar
        return img[h - int(y1):h - int(y0), int(bx) + 3:int(bx + bw) - 3]
    tri = bh * 0.05  # matplotlib's extendfrac: the triangles' length
    return cut(by + 3, by + bh / 2 - 3), cut(by - tri * 0.6, by - 2)


def test_colorbar_of_hatched_contourf_is_hatched():
    """matplotlib hatches a hatched contourf's colorbar blocks and triangles with the
    patterns of their layers; without hatches the blocks are flat."""
    block, tri = _bar_pixels(["//", "\\\\"], "both")
    flat_block, flat_tri = _bar_pixels(None, "both")
    assert flat_block.std() < 2
    assert block.std() > 10
    # the lower triangle is white: its hatch lines add dark pixels to its edges'
    assert (tri < 128).sum() > (flat_tri < 128).sum() + 5


def _cla_state(mod):
    fig, ax = mod.subplots()
    ins = ax.inset_axes([0.5, 0.5, 0.3, 0.3])
    ins.plot([0, 1], [0, 1], lw=30, color="r")
    ax.set_title("old", y=1.3, pad=30)
    ax.cla()
    return fig, ax, ins


def test_cla_forgets_insets_and_the_title_offset():
    """matplotlib's cla drops the insets (no longer drawn) and puts a new title at the
    default height and pad."""
    for mod in (plt, mplt):
        fig, ax, ins = _cla_state(mod)
        assert ax.child_axes == []
        assert ax.title.get_position() == (0.5, 1.0)
        assert ins not in fig.get_children()
    fig, ax, ins = _cla_state(plt)
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    img = np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert("RGB")).astype(int)
    red = (img[..., 0] > 200) & (img[..., 1] < 80) & (img[..., 2] < 80)
    assert red.sum() == 0  # the inset's thick red line is gone
    # the new title sits where a fresh axes' does
    ax.set_title("new")
    fresh = plt.subplots()[1]
    fresh.set_title("new")
    from lumos.plot.titles import title_room

    fig.canvas.draw()
    fresh.figure.canvas.draw()
    assert title_room(ax) == pytest.approx(title_room(fresh))


def test_streamplot_arrows_are_children():
    """get_children lists streamplot's FancyArrowPatch arrows, as matplotlib does."""
    y, x = np.mgrid[-3:3:10j, -3:3:10j]
    counts = []
    for mod in (plt, mplt):
        ax = mod.subplots()[1]
        ax.streamplot(x, y, -y, x)
        children = ax.get_children()
        counts.append(sum(type(c).__name__ == "FancyArrowPatch" for c in children))
        assert all(p in children for p in ax.patches)
    assert counts[0] == counts[1] > 0


def test_lumos_boxes_in_matplotlib_code():
    """With matplotlib imported, lumos's boxes are matplotlib's too:
    ``set_clip_box(ax.bbox)`` on a matplotlib patch (annotation_demo, ellipse_demo) and
    ``TransformedBbox(ax.bbox, ...)`` give what matplotlib gives; a patch lumos cannot
    draw is a TypeError naming it."""
    from matplotlib.patches import Ellipse
    from matplotlib.transforms import Affine2D, TransformedBbox
    from mpl_toolkits.axes_grid1.inset_locator import BboxPatch

    extents = []
    for mod in (plt, mplt):
        fig, ax = mod.subplots()
        ax.set_xlim(0, 5)
        el = Ellipse((2, 0.5), 1, 0.5, facecolor="r")
        ax.add_artist(el)
        el.set_clip_box(ax.bbox)
        box = TransformedBbox(ax.bbox, Affine2D().scale(0.5))
        extents.append(box.extents)
        if mod is plt:
            buf = io.BytesIO()
            fig.savefig(buf, format="png")
            img = np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert("RGB"))
            assert ((img[..., 0] > 200) & (img[..., 1] < 60)).sum() > 100  # drawn
            with pytest.raises(TypeError, match="BboxPatch"):
                ax.add_patch(BboxPatch(box))
    np.testing.assert_allclose(extents[0], extents[1], atol=0.5)
    # a lumos box changed in place tells matplotlib's boxes made from it
    inner = plt.subplots()[1].get_position()
    outer = TransformedBbox(inner, Affine2D().scale(100))
    x1 = outer.x1
    inner.x1 = inner.x1 / 2
    assert outer.x1 == pytest.approx(x1 / 2)


def test_annotate_coordinates_as_matplotlib():
    """annotation_demo's coordinates: 'polar' (theta, r) on a cartesian axes, an
    (x coords, y coords) pair, another annotation's box, matplotlib's OffsetFrom."""
    from matplotlib.text import OffsetFrom

    fig, ax = plt.subplots()
    ax.set(xlim=(-20, 20), ylim=(-20, 20))
    fig.canvas.draw()
    polar = ax.annotate("p", xy=(0, 0), xytext=(np.pi / 2, 10), textcoords="polar")
    np.testing.assert_allclose(polar.pixel_position(),
                               ax.transData.forward(np.array([0.0, 10.0])), atol=1e-6)
    pair = ax.annotate("q", xy=(5, 1), xycoords=("data", "axes fraction"))
    bx, by, bw, bh = ax.box
    assert pair.pixel_position()[1] == pytest.approx(by + bh)
    assert pair.pixel_position()[0] == pytest.approx(ax.transData.forward(
        np.array([5.0, 0.0]))[0])
    box = polar.get_window_extent()
    on = ax.annotate("r", xy=(1, 0), xycoords=polar)
    assert on.pixel_position() == pytest.approx((box.x1, box.y0))
    off = ax.annotate("s", xy=(0, 0), xytext=(10, 20),
                      textcoords=OffsetFrom(ax.bbox, (0, 0), "points"))
    assert off.pixel_position() == pytest.approx(
        (bx + fig.points_to_pixels(10), by + fig.points_to_pixels(20)))
    with pytest.raises(ValueError, match="textcoords"):
        ax.annotate("t", xy=(0, 0), textcoords="nowhere")


def test_matplotlib_patch_knows_its_axes():
    """fancybox_demo plots on ``patch.axes`` of the matplotlib patches it added."""
    from matplotlib.patches import FancyBboxPatch

    ax = plt.subplots()[1]
    patch = FancyBboxPatch((0.3, 0.4), 0.4, 0.2, boxstyle="round,pad=0.1")
    ax.add_patch(patch)
    assert patch.axes is ax
    patch.axes.plot(*patch.get_path().vertices.T, ".")
    patch.set_facecolor("r")  # lumos still follows the patch's changes
    assert ax.patches[0] is patch
    assert ax.artists[0].get_facecolor()[:3] == pytest.approx((1.0, 0.0, 0.0))


def test_colorbar_takes_the_mappable_alpha():
    """matplotlib's colorbar draws with its mappable's alpha (patch_collection: a
    PatchCollection with alpha=0.4), a matplotlib collection's included."""
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import Circle

    fig, ax = plt.subplots()
    sc = ax.scatter([0, 1], [0, 1], c=[0, 1], alpha=0.4)
    assert fig.colorbar(sc).alpha == pytest.approx(0.4)
    assert fig.colorbar(sc, alpha=0.7).alpha == pytest.approx(0.7)
    pc = PatchCollection([Circle((0.5, 0.5), 0.1)], alpha=0.3)
    pc.set_array(np.array([1.0]))
    ax.add_collection(pc)
    assert fig.colorbar(pc).alpha == pytest.approx(0.3)


def _red_pixels(fig) -> int:
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    img = np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert("RGB")).astype(int)
    return int(((img[..., 0] > 200) & (img[..., 1] < 80) & (img[..., 2] < 80)).sum())


def test_polar_sector_clips_its_artists():
    """A polar sector (set_thetamin/max) draws its artists inside the wedge only, as
    matplotlib clips them to the axes' patch (polar_scatter, polar_demo); the full
    circle is unchanged."""
    counts = {}
    for theta in (0.0, np.pi / 2):  # outside, inside the 45°..135° sector
        fig = plt.figure()
        ax = fig.add_subplot(projection="polar")
        ax.scatter([theta], [1.0], s=400, color="r")
        ax.plot([theta, theta], [0.2, 1.8], color="r", lw=3)
        ax.set_rmax(2)
        ax.set_thetamin(45)
        ax.set_thetamax(135)
        counts[theta] = _red_pixels(fig)
    assert counts[0.0] == 0
    assert counts[np.pi / 2] > 300
    fig = plt.figure()
    ax = fig.add_subplot(projection="polar")
    ax.scatter([0.0], [1.0], s=400, color="r")
    assert _red_pixels(fig) > 300


def test_polar_theta_errorbars_follow_their_arcs():
    """matplotlib draws θ error bars on polar axes as arcs at the point's r
    (polar_error_caps); r error bars stay straight, rectilinear ones too."""
    ax = plt.figure().add_subplot(projection="polar")
    eb = ax.errorbar([0.5], [1.0], xerr=[1.0], yerr=[0.2], capsize=0)
    arc, radial = (c.get_segments()[0] for c in eb.lines[2])
    assert len(arc) > 50
    np.testing.assert_allclose(arc[:, 1], 1.0)
    np.testing.assert_allclose(arc[[0, -1], 0], [-0.5, 1.5])
    assert len(radial) == 2
    flat = plt.subplots()[1].errorbar([0.5], [1.0], xerr=[1.0], capsize=0)
    assert len(flat.lines[2][0].get_segments()[0]) == 2


def test_polar_errorbar_caps_turn_across_their_bars():
    """matplotlib turns a polar error bar's caps across the bar: an r error bar at 45°
    has caps at 135° on screen (they were drawn level)."""
    ax = plt.figure(figsize=(4, 4), dpi=100).add_subplot(projection="polar")
    ax.errorbar([np.pi / 4], [1.0], yerr=[0.4], fmt="none", ecolor="r", elinewidth=0,
                capsize=15, capthick=3)
    ax.set_rmax(2)
    buf = io.BytesIO()
    ax.figure.savefig(buf, format="png")
    img = np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert("RGB")).astype(int)
    rows, cols = np.nonzero((img[..., 0] > 200) & (img[..., 1] < 100) & (img[..., 2] < 100))
    x, y = cols.astype(float), -rows.astype(float)  # y up
    radial = np.array([1.0, 1.0]) / np.sqrt(2)
    along = x * radial[0] + y * radial[1]
    mid = (along.min() + along.max()) / 2  # the inner cap, then the outer one
    for cap in (along < mid, along >= mid):
        pts = np.c_[x[cap], y[cap]]
        _, _, vt = np.linalg.svd(pts - pts.mean(axis=0))
        assert abs(vt[0] @ radial) < 0.2  # the cap runs across the radial bar


def _patch_extents(plt_module) -> list:
    fig = plt_module.figure(figsize=(5, 4), dpi=80)
    ax = fig.add_subplot(121)
    sub = fig.subfigures(1, 2)[1]
    sub_ax = sub.add_subplot()
    fig.canvas.draw()
    boxes = [p.get_window_extent().bounds for p in (ax.patch, fig.patch, sub_ax.patch)]
    plt_module.close(fig)
    return boxes


def test_background_patch_window_extent_matches_matplotlib():
    # gallery event_handling/viewlims.py sizes its image by ax.patch's extent
    np.testing.assert_allclose(_patch_extents(plt), _patch_extents(mplt), atol=0.5)
