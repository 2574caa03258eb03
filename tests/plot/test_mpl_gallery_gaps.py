"""matplotlib gallery scripts that crashed with one changed import: boxes of tick labels,
lumos boxes and transforms handed to matplotlib's own code, ``contourf``'s ``extend``
values, what ``cla`` removes, what ``get_children`` lists."""

from __future__ import annotations

import matplotlib
import pytest

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
