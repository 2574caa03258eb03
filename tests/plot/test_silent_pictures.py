"""Pictures that came out wrong without a word (issue 11's "fix first" list): step lines
'pre' drawn as 'post', masked values drawn as if unmasked in plot and fill_between, and
bar(label=[...]) without legend entries. Each test looks at the rendered pixels."""

from __future__ import annotations

import numpy as np
import pytest

import lumos


def frame():
    fig, ax = lumos.subplots(figsize=(3, 2), dpi=100)
    ax.set_xlim(-0.5, 4.5)
    ax.set_ylim(-0.5, 1.5)
    return fig, ax


def red(fig, ax, x, y) -> bool:
    """Whether the pixel at data (x, y) (and its 8 neighbours) shows something red."""
    img = fig.render()[..., :3].astype(int)
    px, py = ax.transData.forward(np.array([x, y], dtype=float))
    row, col = int(round(img.shape[0] - py)), int(round(px))
    patch = img[row - 1:row + 2, col - 1:col + 2]
    return bool(((patch[..., 0] > 180) & (patch[..., 1] < 120) & (patch[..., 2] < 120)).any())


@pytest.mark.parametrize("how", ["step", "drawstyle"])
def test_steps_pre_post_and_mid_rise_where_matplotlib_does(how):
    x, y = np.arange(5.0), np.array([0.0, 1, 0, 1, 0])
    expect = {"pre": {(0.5, 1): True, (0.5, 0): False, (1.5, 0): True},
              "post": {(0.5, 1): False, (0.5, 0): True, (1.5, 1): True},
              "mid": {(0.25, 0): True, (0.75, 1): True, (0.25, 1): False}}
    for where, points in expect.items():
        fig, ax = frame()
        if how == "step":
            ax.step(x, y, where=where, color="red", linewidth=3)
        else:
            ax.plot(x, y, drawstyle=f"steps-{where}", color="red", linewidth=3)
        for (px, py), drawn in points.items():
            assert red(fig, ax, px, py) == drawn, (where, px, py)
    fig, ax = frame()
    ax.plot(x, y, drawstyle="steps", color="red", linewidth=3)  # 'steps' is 'steps-pre'
    assert red(fig, ax, 0.5, 1) and not red(fig, ax, 0.5, 0)


def test_masked_values_leave_gaps_in_plot_and_fill_between():
    x = np.arange(5.0)
    y = np.ma.masked_array(np.full(5, 1.0), mask=[0, 0, 1, 0, 0])
    kept = y.copy()
    fig, ax = frame()
    ax.plot(x, y, color="red", linewidth=3)
    assert red(fig, ax, 0.5, 1) and red(fig, ax, 3.5, 1)
    assert not red(fig, ax, 2, 1)  # the masked point and its two segments are not drawn
    assert not red(fig, ax, 1.5, 1) and not red(fig, ax, 2.5, 1)
    np.testing.assert_array_equal(y.mask, kept.mask)  # the caller's array is untouched
    np.testing.assert_array_equal(y.data, kept.data)

    fig, ax = frame()
    ax.fill_between(x, 0, y, color="red")
    assert red(fig, ax, 0.5, 0.5) and red(fig, ax, 3.5, 0.5)
    assert not red(fig, ax, 2, 0.5)

    fig, ax = frame()
    ax.plot(np.ma.masked_array(x, mask=[0, 0, 1, 0, 0]), np.ones(5), "o", color="red")
    assert red(fig, ax, 1, 1) and not red(fig, ax, 2, 1)  # masked x: no marker either


def test_bar_with_one_label_per_bar_makes_one_legend_entry_each():
    fig, ax = lumos.subplots()
    ax.bar([1, 2, 3], [3, 2, 1], label=["a", "b", "c"], color=["C0", "C1", "C2"])
    ax.plot([1, 3], [1, 1], label="line")
    handles, labels = ax.get_legend_handles_labels()
    assert labels == ["a", "b", "c", "line"]
    legend = ax.legend()
    assert [lab.get_text() for _, lab in legend.entries] == ["a", "b", "c", "line"]
    faces = [h.get_facecolor() for h in handles[:3]]
    assert faces[0] != faces[1]  # each entry shows its own bar's colour
    fig.render()
    fig, ax = lumos.subplots()
    ax.bar([1, 2], [3, 2], label="both")  # one label: one entry for the container
    assert ax.get_legend_handles_labels()[1] == ["both"]


def test_markevery_float_spaces_markers_along_the_line_on_screen():
    fig, ax = lumos.subplots(figsize=(4, 3), dpi=100)
    t = np.linspace(0, 1, 101)
    (line,) = ax.plot(t, t, "o-", markevery=0.1)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    fig.render()
    # the line is the axes' diagonal: a marker every tenth of it, from the start
    np.testing.assert_allclose(line.marker_positions()[:, 0], np.arange(10) / 10)
    assert line.get_markevery() == 0.1
    ax.set_xlim(0, 0.5)  # zoomed: the line is longer on screen, markers come closer
    ax.set_ylim(0, 0.5)
    fig.render()
    fig.render()  # chosen again after the view moved (the next frame)
    xs = line.marker_positions()[:, 0]
    np.testing.assert_allclose(xs[:6], np.arange(6) / 20)
    line.set_markevery((5, 30))  # (start, n) in points
    np.testing.assert_allclose(line.marker_positions()[:, 0], t[5::30])
    line.set_markevery((0.05, 0.2))  # (start, distance)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    fig.render()
    assert line.pick_index(0, "markers") == 5
    with pytest.raises(ValueError, match="markevery"):
        line.set_markevery(0.0)
    with pytest.raises(TypeError, match="markevery"):
        line.set_markevery("often")


def test_a_title_rises_over_the_y_offset_text_it_would_overlap():
    fig, ax = lumos.subplots(figsize=(4, 3), dpi=100)
    ax.plot([0, 1], [0, 1e4])
    ax.ticklabel_format(axis="y", style="sci", scilimits=(0, 0))
    fig.render()
    bx, _, bw, _ = ax.box
    plain = ax.decorations_above()
    over_left = ax.decorations_above((bx, bx + bw))  # a wide centred title
    far_right = ax.decorations_above((bx + 0.8 * bw, bx + bw))
    assert over_left > plain + 8  # the ×10⁴ (about 10 px high) is cleared
    assert far_right == plain  # matplotlib raises the title only where they meet
    ax.set_title("a title as wide as the axes ......................................")
    from lumos.plot.titles import title_room

    assert title_room(ax) > ax.decorations_above((bx, bx + bw))


def _best_location(legend) -> int:
    width, height = legend._size()[:2]
    gap = legend.borderaxespad * legend.axes.figure.points_to_pixels(legend.fontsize)
    return legend._best(width, height, gap)


def test_legend_best_avoids_bars_and_counts_crossing_lines_as_matplotlib():
    # matplotlib 3.11 puts these legends: bars rising to the right -> upper left; an X
    # of two lines -> right; sin and cos -> lower left (each crossing line counts once)
    fig, ax = lumos.subplots(figsize=(5, 3.5), dpi=100)
    ax.bar(range(6), [1, 2, 3, 4, 5, 6], label="bars")
    fig.render()
    assert _best_location(ax.legend()) == 2
    fig, ax = lumos.subplots(figsize=(5, 3.5), dpi=100)
    x = np.linspace(0, 10, 100)
    ax.plot(x, x, label="up")
    ax.plot(x, 10 - x, label="down")
    fig.render()
    assert _best_location(ax.legend()) == 5
    fig, ax = lumos.subplots(figsize=(5, 3.5), dpi=100)
    ax.plot(x, np.sin(x), label="sin")
    ax.plot(x, np.cos(x), label="cos")
    fig.render()
    assert _best_location(ax.legend()) == 3
