"""lumos.axes_grid1's parasite axes (host_subplot, HostAxes.twin/twinx) and
AnchoredSizeBar, against matplotlib's axes_grid1; its modules import as matplotlib's."""

from __future__ import annotations

import importlib

import numpy as np
import pytest
from pixels import bbox  # tests/pixels.py

import lumos.pyplot as lplt

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402
import matplotlib.transforms as mtransforms  # noqa: E402
from mpl_toolkits.axes_grid1 import anchored_artists as mpl_anchored  # noqa: E402
from mpl_toolkits.axes_grid1 import parasite_axes as mpl_parasite  # noqa: E402

from lumos.axes_grid1 import AnchoredSizeBar, HostAxes, host_subplot  # noqa: E402


@pytest.mark.parametrize("name", ["axes_size", "axes_divider", "axes_grid", "axes_rgb",
                                  "inset_locator",
                                  "anchored_artists", "parasite_axes"])
def test_submodules_import_directly(name):
    mod = importlib.import_module(f"lumos.axes_grid1.{name}")
    assert mod.__all__ and all(hasattr(mod, n) for n in mod.__all__)


def test_host_subplot_twinx_shares_the_colour_cycle_and_the_legend():
    fig = lplt.figure()
    host = host_subplot(111)
    assert isinstance(host, HostAxes) and host.figure is fig
    par = host.twinx()
    p1, = host.plot([0, 1, 2], [0, 1, 2], label="Density")
    p2, = par.plot([0, 1, 2], [0, 3, 2], label="Temperature")
    assert p1.get_color() != p2.get_color()  # one cycle, as matplotlib's parasites
    assert host.get_legend_handles_labels()[1] == ["Density", "Temperature"]
    with pytest.raises(TypeError, match="axes_class"):
        host.twinx(axes_class=object)
    lplt.close(fig)


def test_twin_with_a_transform_follows_the_host_as_matplotlibs():
    aux = mtransforms.Affine2D().scale(5.0, 1.0).translate(100.0, 0.0)
    axes = []
    for plt, cls in ((lplt, HostAxes), (mplt, mpl_parasite.HostAxes)):
        fig = plt.figure()
        host = fig.add_subplot(axes_class=cls)
        par = host.twin(aux)
        host.set_xlim(200, 700)
        host.set_ylim(-1, 3)
        fig.canvas.draw()
        axes.append((par.get_xlim(), par.get_ylim()))
        plt.close(fig)
    np.testing.assert_allclose(axes[0], axes[1])
    assert np.allclose(axes[0][0], (20, 120))


def test_twin_refuses_a_rotation_naming_aux_trans():
    fig = lplt.figure()
    host = fig.add_subplot(axes_class=HostAxes)
    with pytest.raises(ValueError, match="aux_trans"):
        host.twin(mtransforms.Affine2D().rotate_deg(30))
    with pytest.raises(TypeError, match="aux_trans"):
        host.twin("scale")
    lplt.close(fig)


def _bar_box(plt, cls, loc, label, **kwargs):
    """The box of the bar's and label's pixels (:func:`_dark_box`)."""
    fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.add_artist(cls(ax.transData, 0.25, label, loc=loc, size_vertical=0.1,
                      **{"frameon": False, **kwargs}))
    return _dark_box(plt, fig, ax)


def _dark_box(plt, fig, ax):
    """The box (x0, x1, y0, y1) of the dark pixels inside the axes frame."""
    fig.canvas.draw()
    img = np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)
    plt.close(fig)
    box = ax.get_window_extent()  # 3 px in from the spines
    h = img.shape[0]
    inner = img[int(h - box.y1) + 3:int(h - box.y0) - 3, int(box.x0) + 3:int(box.x1) - 3]
    ys, xs = np.nonzero(inner.sum(axis=2) < 100)
    return xs.min(), xs.max(), ys.min(), ys.max()


@pytest.mark.parametrize("label", ["", "1 km"])
@pytest.mark.parametrize("loc", ["lower left", "upper right", "center"])
def test_anchored_size_bar_placed_as_matplotlibs(loc, label):
    ours = _bar_box(lplt, AnchoredSizeBar, loc, label, pad=0.3, borderpad=0.5)
    theirs = _bar_box(mplt, mpl_anchored.AnchoredSizeBar, loc, label,
                      pad=0.3, borderpad=0.5)
    assert np.allclose(ours, theirs, atol=2), (ours, theirs)


@pytest.mark.parametrize("label", ["1 km", "a longer label"])
@pytest.mark.parametrize("loc", ["lower left", "upper right"])
def test_anchored_size_bar_framed_as_matplotlibs(loc, label):
    # the frame's edge is the dark box now (bar and label inside it)
    ours = _bar_box(lplt, AnchoredSizeBar, loc, label, pad=0.5, borderpad=0.5,
                    frameon=True)
    theirs = _bar_box(mplt, mpl_anchored.AnchoredSizeBar, loc, label, pad=0.5,
                      borderpad=0.5, frameon=True)
    # a longer label: matplotlib's box is as wide as the label, lumos places it by the bar
    atol = 2 if label == "1 km" else (theirs[1] - theirs[0]) * 0.2
    assert np.allclose(ours, theirs, atol=atol), (ours, theirs)


def test_anchored_size_bar_refuses_what_it_does_not_draw():
    fig, ax = lplt.subplots()
    with pytest.raises(TypeError, match="bbox_to_anchor"):
        AnchoredSizeBar(ax.transData, 1, "x", "lower left", frameon=False,
                        bbox_to_anchor=(0, 0))
    with pytest.raises(ValueError, match="loc"):
        AnchoredSizeBar(ax.transData, 1, "x", "nowhere", frameon=False)
    lplt.close(fig)


@pytest.mark.parametrize("loc", ["upper right", "lower left", "center"])
def test_anchored_drawing_area_placed_as_matplotlibs(loc):
    from matplotlib.patches import Circle

    from lumos.axes_grid1.anchored_artists import AnchoredDrawingArea

    boxes = []
    for plt, cls in ((lplt, AnchoredDrawingArea), (mplt, mpl_anchored.AnchoredDrawingArea)):
        fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
        ada = cls(30, 20, 5, 0, loc=loc, pad=0.2, frameon=False)
        ada.da.add_artist(Circle((10, 10), 10, color="k"))
        ax.add_artist(ada)
        boxes.append(_dark_box(plt, fig, ax))
    assert np.allclose(boxes[0], boxes[1], atol=1.5), boxes


@pytest.mark.parametrize("loc", ["upper right", "lower left", "center"])
def test_anchored_drawing_area_framed_as_matplotlibs(loc):
    from matplotlib.patches import Circle

    from lumos.axes_grid1.anchored_artists import AnchoredDrawingArea

    found = []
    for plt, cls in ((lplt, AnchoredDrawingArea), (mplt, mpl_anchored.AnchoredDrawingArea)):
        fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
        ax.set_axis_off()
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.axvline(0.5, color="b", lw=6)  # zorder 2: under the frame (zorder 5)
        ada = cls(30, 20, 5, 0, loc=loc, pad=0.6)
        ada.drawing_area.add_artist(Circle((10, 10), 10, color="r"))
        ada.patch.set_boxstyle("round,pad=0.2")
        ax.add_artist(ada)
        fig.canvas.draw()
        img = np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)
        plt.close(fig)
        red = (img[..., 0] > 200) & (img[..., 1] < 80) & (img[..., 2] < 80)
        dark = img.max(axis=2) < 100  # the frame's edge
        blue = (img[..., 2] > 200) & (img[..., 0] < 80)
        found.append((bbox(red), bbox(dark), int(blue.sum())))
    (red, dark, blue), (red_m, dark_m, blue_m) = found
    assert np.allclose(red, red_m, atol=1.5), found
    assert np.allclose(dark, dark_m, atol=1.5), found
    assert abs(blue - blue_m) <= 0.02 * blue_m, found  # the frame hides the same line


def test_rgb_axes_placed_as_matplotlibs():
    from mpl_toolkits.axes_grid1 import axes_rgb as mpl_rgb

    from lumos.axes_grid1.axes_rgb import RGBAxes, make_rgb_axes

    r = np.linspace(0, 1, 12).reshape(3, 4)
    boxes = []
    for plt, rgb_cls, make in ((lplt, RGBAxes, make_rgb_axes),
                               (mplt, mpl_rgb.RGBAxes, mpl_rgb.make_rgb_axes)):
        fig = plt.figure(figsize=(6, 4), dpi=100)
        rgb = rgb_cls(fig, [0.1, 0.1, 0.4, 0.8], pad=0.05)
        images = rgb.imshow_rgb(r, r, r)
        ax = fig.add_axes([0.55, 0.1, 0.4, 0.8])
        ax.imshow(r)
        make(ax, pad=0.02)
        fig.canvas.draw()
        boxes.append([a.get_position().bounds for a in fig.axes])
        assert len(images) == 4 and rgb.R.get_xlim() == rgb.RGB.get_xlim()
        plt.close(fig)
    np.testing.assert_allclose(boxes[0], boxes[1], atol=2e-3)
    fig = lplt.figure()
    with pytest.raises(ValueError, match="shapes"):
        RGBAxes(fig, [0.1, 0.1, 0.8, 0.8]).imshow_rgb(r, r, r[:2])
    lplt.close(fig)


def test_make_axes_area_auto_adjustable_leaves_matplotlibs_room():
    from mpl_toolkits.axes_grid1 import axes_divider as mpl_divider

    from lumos.axes_grid1.axes_divider import make_axes_area_auto_adjustable

    boxes = []
    for plt, make in ((lplt, make_axes_area_auto_adjustable),
                      (mplt, mpl_divider.make_axes_area_auto_adjustable)):
        fig = plt.figure(figsize=(6, 4), dpi=100)
        ax1 = fig.add_axes((0, 0, 1, 0.5))
        ax2 = fig.add_axes((0, 0.5, 1, 0.5))
        ax1.set_yticks([0.5], labels=["very long label"])
        ax1.set_ylabel("Y label")
        ax2.set_title("Title")
        make(ax1, pad=0.1, use_axes=[ax1, ax2])
        make(ax2, pad=0.1)  # one axes: its own decorations
        fig.canvas.draw()
        boxes.append([np.array(a.get_position().bounds) * (600, 400, 600, 400)
                      for a in (ax1, ax2)])
        plt.close(fig)
    # 3 px: lumos's "very long label" is 2.4 px narrower than Agg's (hinted advances)
    np.testing.assert_allclose(boxes[0], boxes[1], atol=3.0)
