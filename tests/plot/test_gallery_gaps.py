"""Gaps matplotlib's gallery ran into: tick lines as artists (``get_xticklines``), an
axis label's ``multialignment``, ``Axis.minorticks_on`` and ``bar(hatchcolor=)``."""

from __future__ import annotations

import numpy as np
import pytest
from plot_helpers import px, small  # tests/plot/plot_helpers.py

import lumos
from lumos import pyplot as plt


def dark(img) -> np.ndarray:
    return img[..., :3].max(axis=-1) < 100


def test_ticklines_are_two_a_major_tick_and_hide_what_they_stand_for():
    fig, ax = small()
    ax.plot([0, 1, 2], [0, 1, 0.5])
    lines = ax.get_xticklines()
    assert len(lines) == 2 * len(ax.xaxis.get_major_ticks())
    assert len(ax.get_yticklines(minor=True)) == 2 * len(ax.yaxis.get_minor_ticks())
    assert len(ax.get_xgridlines()) == len(ax.xaxis.get_major_ticks())
    img = fig.render()
    h = img.shape[0]
    x0, y0 = ax.to_pixels(0.5, ax.get_ylim()[0])
    row = int(h - y0 + 0.5)  # the spine's row: snapped to the pixel grid (Spine.snap)
    below = slice(row + 1, row + 4)  # the bottom ticks hang below the axis
    column = slice(int(x0) - 1, int(x0) + 2)
    assert dark(img[below, column]).any()
    plt.setp(ax.get_xticklines(), visible=False)
    assert not dark(fig.render()[below, column]).any()


def test_ticklines_take_a_length_and_a_width_in_points():
    fig, ax = lumos.subplots(figsize=(4, 3), dpi=100)
    ax.plot([0, 1], [0, 1])
    ax.set_xticks([0.5])
    ax.set_xticklabels([""])
    plt.setp(ax.get_xticklines(), markeredgewidth=2)
    x0, y0 = ax.to_pixels(0.5, ax.get_ylim()[0])

    def reach() -> int:
        img = fig.render()
        rows = np.flatnonzero(dark(img[:, int(x0) - 1:int(x0) + 2]).any(axis=1))
        return int(rows.max() - (img.shape[0] - y0))

    short = reach()
    plt.setp(ax.get_xticklines(), markersize=12)
    assert short == pytest.approx(3.5 * 100 / 72, abs=1.5)  # matplotlib's 3.5 pt
    assert reach() == pytest.approx(12 * 100 / 72, abs=1.5)


def _line_lefts(img, rows_dark) -> list[int]:
    """The leftmost dark column of each run of dark rows (each text line)."""
    runs, start = [], None
    for i, d in enumerate([*rows_dark, False]):
        if d and start is None:
            start = i
        elif not d and start is not None:
            runs.append((start, i))
            start = None
    return [int(np.flatnonzero(dark(img[a:b]).any(axis=0)).min()) for a, b in runs]


@pytest.mark.parametrize("ma, spread", [("left", (0, 2)), (None, (20, 400))])
def test_xlabel_multialignment_aligns_its_lines(ma, spread):
    fig, ax = lumos.subplots(figsize=(4, 3), dpi=100)
    ax.set_xticks([])
    kw = {} if ma is None else {"multialignment": ma}
    ax.set_xlabel("ab\nabcdefghijklmnop", **kw)
    img = fig.render()
    h = img.shape[0]
    top = int(h - ax.to_pixels(0, ax.get_ylim()[0])[1]) + 4  # below the bottom spine
    left = int(ax.to_pixels(ax.get_xlim()[0], 0)[0]) + 4  # right of the y tick labels
    label = img[top:, left:]
    lefts = _line_lefts(label, dark(label).any(axis=1))
    assert len(lefts) == 2
    assert spread[0] <= lefts[0] - lefts[1] <= spread[1]


def test_label_multialignment_refuses_other_words():
    fig, ax = small()
    with pytest.raises(ValueError, match="multialignment"):
        ax.set_ylabel("a\nb", multialignment="justify")


def test_axis_minorticks_on_one_axis_only():
    fig, ax = small()
    ax.plot([0, 1], [0, 1])
    ax.yaxis.minorticks_on()
    assert len(ax.yaxis.get_minorticklocs()) > 0
    assert len(ax.xaxis.get_minorticklocs()) == 0
    ax.yaxis.minorticks_off()
    assert len(ax.yaxis.get_minorticklocs()) == 0


def _blue_red(img, ax, x0, x1):
    (c0, r1), (c1, r0) = ax.to_pixels(x0, 0.2), ax.to_pixels(x1, 0.8)
    h = img.shape[0]
    inner = img[int(h - r0):int(h - r1), int(c0) + 4:int(c1) - 4, :3].reshape(-1, 3).astype(int)
    blue = ((inner[:, 2] > 150) & (inner[:, 0] < 100)).mean()
    red = ((inner[:, 0] > 150) & (inner[:, 2] < 100)).mean()
    return blue, red


def test_bar_hatchcolor_colors_the_hatch_not_the_edge():
    fig, ax = lumos.subplots(figsize=(3, 3), dpi=100)
    bars = ax.bar([0, 1], [1, 1], width=0.8, facecolor="none", edgecolor="red", hatch="//",
                  hatchcolor="blue")
    ax.set_xlim(-0.5, 1.5)
    ax.set_ylim(0, 1.2)
    img = fig.render()
    blue, red = _blue_red(img, ax, -0.4, 0.4)
    assert blue > 0.05 and red == 0
    assert px(img, ax, -0.4, 0.5)[0] > 0.6  # the edge stays red
    assert bars[0].get_hatchcolor() == (0.0, 0.0, 1.0, 1.0)
    bars[1].set_hatchcolor(None)  # back to the edge color
    blue, red = _blue_red(fig.render(), ax, 0.6, 1.4)
    assert red > 0.05 and blue == 0


def test_bar_hatchcolor_is_one_color():
    fig, ax = small()
    with pytest.raises(ValueError, match="hatchcolor"):
        ax.bar([0, 1], [1, 1], hatch="/", hatchcolor=["blue", "green"])


def _twins(delta_zorder=None):
    fig, ax = lumos.subplots(figsize=(3, 3), dpi=80)
    twin = ax.twinx() if delta_zorder is None else ax.twinx(delta_zorder=delta_zorder)
    twin.fill_between([0, 1], [0, 0], [1, 1], color="orange")
    twin.set_ylim(0, 1)
    ax.plot([0, 1], [0.5, 0.5], color="blue", lw=8)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    return fig, ax, twin


@pytest.mark.parametrize("delta, on_line", [(None, "orange"), (-1, "blue"), (1, "orange")])
def test_twinx_delta_zorder_puts_the_twin_behind_with_the_background(delta, on_line):
    fig, ax, twin = _twins(delta)
    assert twin.get_zorder() == (0 if delta is None else delta)
    img = fig.render()
    line, off = px(img, ax, 0.5, 0.5), px(img, ax, 0.5, 0.2)
    want = {"orange": (1.0, 0.65, 0.0), "blue": (0.0, 0.0, 1.0)}
    assert line == pytest.approx(want[on_line], abs=0.08)
    assert off == pytest.approx(want["orange"], abs=0.08)  # the front axes is see-through


def test_axes_set_zorder_orders_overlapping_axes():
    fig = lumos.figure(figsize=(3, 3), dpi=80)
    first = fig.add_axes((0.1, 0.1, 0.6, 0.6), facecolor="red")
    second = fig.add_axes((0.3, 0.3, 0.6, 0.6), facecolor="green")
    x, y = 0.5 * 240, 0.5 * 240  # figure pixels inside both
    row = 240 - int(y)
    assert fig.render()[row, int(x), :3] == pytest.approx((0, 128, 0), abs=3)
    first.set_zorder(1)
    assert first.zorder == 1
    assert fig.render()[row, int(x), :3] == pytest.approx((255, 0, 0), abs=3)
    with pytest.raises((TypeError, ValueError), match="level"):
        second.set_zorder("top")


def _hatched_share(img, ax, x0, x1, y0, y1) -> float:
    """The share of dark pixels strictly inside a data rectangle."""
    (c0, r1), (c1, r0) = ax.to_pixels(x0, y0), ax.to_pixels(x1, y1)
    h = img.shape[0]
    inner = img[int(h - r0) + 2:int(h - r1) - 2, int(c0) + 2:int(c1) - 2]
    return float(dark(inner).mean())


def test_fill_between_hatch_covers_as_much_as_matplotlibs():
    import matplotlib.pyplot as mplt

    def setup(ax):
        ax.set_xlim(0, 2)
        ax.set_ylim(0, 2)

    fig, ax = lumos.subplots(figsize=(3, 3), dpi=100)
    coll = ax.fill_between([0, 2], [0.5, 0.5], [1.5, 1.5], facecolor="white", hatch="//")
    setup(ax)
    ours = _hatched_share(fig.render(), ax, 0.2, 1.8, 0.6, 1.4)
    mfig, max_ = mplt.subplots(figsize=(3, 3), dpi=100)
    max_.fill_between([0, 2], [0.5, 0.5], [1.5, 1.5], facecolor="white", hatch="//")
    setup(max_)
    mfig.canvas.draw()
    mimg = np.asarray(mfig.canvas.buffer_rgba())
    (c0, r1), (c1, r0) = max_.transData.transform([(0.2, 0.6), (1.8, 1.4)])
    h = mimg.shape[0]
    theirs = float(dark(mimg[int(h - r0) + 2:int(h - r1) - 2, int(c0) + 2:int(c1) - 2]).mean())
    mplt.close(mfig)
    assert ours > 0.05
    assert ours == pytest.approx(theirs, rel=0.25)
    assert coll.get_hatch() == "//"
    coll.set_hatch(None)
    assert _hatched_share(fig.render(), ax, 0.2, 1.8, 0.6, 1.4) == 0


def test_fill_between_hatchcolor_and_its_legend():
    fig, ax = lumos.subplots(figsize=(3, 3), dpi=100)
    coll = ax.fill_between([0, 2], [0.5, 0.5], [1.5, 1.5], facecolor="white", hatch="x",
                           hatchcolor="blue", label="band")
    ax.set_xlim(0, 2)
    ax.set_ylim(0, 2)
    assert coll.get_hatchcolor() == (0.0, 0.0, 1.0, 1.0)
    assert coll.legend_handle(10.0).hatch[:2] == ("x", (0.0, 0.0, 1.0, 1.0))
    inner = fig.render()[60:240, 60:240, :3].reshape(-1, 3).astype(int)
    assert ((inner[:, 2] > 150) & (inner[:, 0] < 100)).mean() > 0.05
    with pytest.raises(ValueError, match="hatch"):
        ax.fill_between([0, 1], [0, 1], hatch="q")


def test_stackplot_hatches_each_area():
    fig, ax = lumos.subplots(figsize=(3, 3), dpi=100)
    areas = ax.stackplot([0, 1, 2], [1, 1, 1], [1, 1, 1], hatch=["//", None],
                         colors=["white", "white"], edgecolor="none")
    assert [a.get_hatch() for a in areas] == ["//", None]
    ax.set_xlim(0, 2)
    ax.set_ylim(0, 2)
    img = fig.render()
    assert _hatched_share(img, ax, 0.2, 1.8, 0.1, 0.9) > 0.05
    assert _hatched_share(img, ax, 0.2, 1.8, 1.1, 1.9) == 0


def test_plot_and_axlines_take_visible_and_clip_on():
    fig, ax = small()
    line, = ax.plot([0, 1], [0.5, 0.5], color="red", lw=6, visible=False, clip_on=False)
    vline = ax.axvline(0.5, color="blue", lw=6, visible=False)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    assert not line.get_visible() and not line.get_clip_on() and not vline.get_visible()
    img = fig.render()
    assert px(img, ax, 0.25, 0.5) == pytest.approx((1, 1, 1), abs=0.02)
    assert px(img, ax, 0.5, 0.25) == pytest.approx((1, 1, 1), abs=0.02)
    line.set_visible(True)
    vline.set_visible(True)
    img = fig.render()
    assert px(img, ax, 0.25, 0.5) == pytest.approx((1, 0, 0), abs=0.05)
    assert px(img, ax, 0.5, 0.25) == pytest.approx((0, 0, 1), abs=0.05)


def test_bounds_are_limits_in_increasing_order_keeping_the_direction():
    fig, ax = small()
    ax.set_xlim(1, 0)
    assert ax.get_xbound() == (0, 1)
    ax.set_xbound(0.2, None)
    assert ax.get_xlim() == (1, 0.2)  # still inverted
    ax.set_ybound((0.1, 0.9))
    assert ax.get_ylim() == (0.1, 0.9)
    assert ax.get_ybound() == (0.1, 0.9)
