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


def test_tick_label_window_extent_matches_matplotlib(close_figures):
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


def test_tick_label_window_extent_follows_the_label(close_figures):
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
    ax.get_xticklabels()[1].set_visible(False)
    assert ax.get_xticklabels()[1].get_window_extent().extents == (0.0, 0.0, 1.0, 1.0)
    pax = plt.figure().add_subplot(projection="polar")
    with pytest.raises(NotImplementedError, match="polar"):
        pax.get_xticklabels()[0].get_window_extent()


def _field():
    x = np.linspace(-3, 5, 60)
    y = np.linspace(-3, 5, 50)
    return x, y, np.cos(x)[None, :] + np.sin(y)[:, None]


@pytest.mark.parametrize("extend", ["neither", "min", "max", "both", "lower", "bogus"])
def test_contourf_extend_values_as_matplotlib(close_figures, extend):
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


def test_colorbar_of_hatched_contourf_is_hatched(close_figures):
    """matplotlib hatches a hatched contourf's colorbar blocks and triangles with the
    patterns of their layers; without hatches the blocks are flat."""
    block, tri = _bar_pixels(["//", "\\\\"], "both")
    flat_block, flat_tri = _bar_pixels(None, "both")
    assert flat_block.std() < 2
    assert block.std() > 10
    # the lower triangle is white: its hatch lines add dark pixels to its edges'
    assert (tri < 128).sum() > (flat_tri < 128).sum() + 5
