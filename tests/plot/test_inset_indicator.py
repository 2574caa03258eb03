"""``indicate_inset_zoom`` / ``indicate_inset`` against matplotlib's InsetIndicator
(gallery zoom_inset_axes.py, plot_streamplot.py)."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest

import lumos.pyplot as plt

matplotlib.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402


def _scene(mod, inset_bounds, zoom, invert=False):
    fig, ax = mod.subplots(figsize=(4, 3), dpi=80)
    ax.set_xlim(-3, 4)
    ax.set_ylim(-4, 3)
    if invert:
        ax.invert_xaxis()
    ins = ax.inset_axes(inset_bounds)
    ins.set_xlim(*zoom[:2])
    ins.set_ylim(*zoom[2:])
    ind = ax.indicate_inset_zoom(ins, edgecolor="black")
    fig.canvas.draw()
    return fig, ax, ins, ind


def _mpl_ends(conn) -> np.ndarray:
    return np.array([conn.coords1.transform(conn.xy1), conn.coords2.transform(conn.xy2)])


@pytest.mark.parametrize("inset_bounds, zoom, invert", [
    ((0.5, 0.5, 0.47, 0.47), (-1.5, -0.9, -2.5, -1.9), False),  # the gallery's
    ((0.05, 0.6, 0.3, 0.35), (1.0, 2.0, -3.5, -2.5), False),  # inset upper left
    ((0.6, 0.05, 0.35, 0.3), (-2.5, -1.5, 1.0, 2.5), True),  # lower right, x inverted
])
def test_connectors_as_matplotlib(inset_bounds, zoom, invert):
    _, _, _, ours = _scene(plt, inset_bounds, zoom, invert)
    _, _, _, theirs = _scene(mplt, inset_bounds, zoom, invert)
    rect = ours.rectangle
    assert (*rect.get_xy(), rect.get_width(), rect.get_height()) == pytest.approx(
        (*theirs.rectangle.get_xy(), theirs.rectangle.get_width(),
         theirs.rectangle.get_height()))
    shown = [c.get_visible() for c in ours.connectors]
    if invert:
        # matplotlib 3.11 applies the rectangle's patch transform twice when it chooses
        # (Bbox.from_bounds(x, y, w, h).transformed(rectangle.get_transform())), here
        # showing a line through the inset; lumos chooses from the corners on screen
        assert shown == [False, True, False, True]
    else:
        assert shown == [c.get_visible() for c in theirs.connectors]
    assert sum(c.get_visible() for c in ours.connectors) == 2
    for c, m in zip(ours.connectors, theirs.connectors, strict=True):
        assert c.endpoints() == pytest.approx(_mpl_ends(m), abs=1.0)  # pixels
    assert ours.zorder == theirs.get_zorder() == 4.99


def test_connectors_drawn_and_follow_the_inset_limits():
    fig, ax, ins, ind = _scene(plt, (0.5, 0.5, 0.47, 0.47), (-1.5, -0.9, -2.5, -1.9))
    img = np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)
    h = img.shape[0]
    for c in ind.connectors:
        (x0, y0), (x1, y1) = c.endpoints()
        mx, my = (x0 + x1) / 2, (y0 + y1) / 2  # the middle of the line is inked
        patch = img[int(h - my) - 1:int(h - my) + 2, int(mx) - 1:int(mx) + 2]
        assert (patch.max(axis=2).min() < 200) == c.get_visible()  # half-transparent black
    ins.set_xlim(0, 1)  # the rectangle follows the zoom
    fig.canvas.draw()
    assert ind.rectangle.get_xy()[0] == 0 and ind.rectangle.get_width() == 1
    ind.connectors[0].set_visible(True)
    assert ind.connectors[0].get_visible()


def test_indicate_inset_bounds_only_and_bad_input():
    fig, ax = plt.subplots()
    ind = ax.indicate_inset((0, 0, 1, 1))
    assert ind.connectors is None
    assert ind.rectangle.get_edgecolor() == pytest.approx((0.5, 0.5, 0.5, 0.5))
    ind.set_edgecolor("red")
    assert ind.get_edgecolor() == pytest.approx((1, 0, 0, 0.5))
    with pytest.raises(ValueError, match="bounds"):
        ax.indicate_inset((0, 0, 1))
    with pytest.raises(ValueError, match="neither"):
        ax.indicate_inset()
    with pytest.raises(TypeError, match="wobble"):
        ax.indicate_inset((0, 0, 1, 1), wobble=2)
    ind.remove()
    assert ind not in ax.artists and ind.rectangle not in ax.artists


def test_indicate_inset_zoom_leaves_the_data_limits_alone():
    """matplotlib's indicator is no patch of the axes: its rectangle never joins the
    data limits, whether a fit is pending when it is added or asked for after."""
    for pyplot in (plt, mplt):
        fig, ax = pyplot.subplots()
        ax.plot([0, 1], [0, 1])
        inset = ax.inset_axes([0.6, 0.6, 0.3, 0.3])
        inset.set_xlim(-1.2, -0.7)
        inset.set_ylim(-0.8, -0.4)
        ax.indicate_inset_zoom(inset)
        ax.autoscale_view()
        fig.canvas.draw()
        assert ax.get_xlim() == pytest.approx((-0.05, 1.05))
        assert ax.get_ylim() == pytest.approx((-0.05, 1.05))
        pyplot.close(fig)


def test_indicator_rectangle_in_no_list_of_the_axes():
    """matplotlib's indicator holds its rectangle: ``ax.patches`` does not list it, nor
    ``get_children`` (the indicator stands there for it); patches of the user's stay."""
    for pyplot in (plt, mplt):
        fig, ax = pyplot.subplots()
        patch = pyplot.Rectangle((0, 0), 0.2, 0.2)
        ax.add_patch(patch)
        inset = ax.inset_axes([0.6, 0.6, 0.3, 0.3])
        ind = ax.indicate_inset_zoom(inset)
        assert list(ax.patches) == [patch], pyplot
        children = ax.get_children()
        assert ind in children and ind.rectangle not in children, pyplot
        pyplot.close(fig)
