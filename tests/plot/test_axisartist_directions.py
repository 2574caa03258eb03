"""lumos.axisartist's sides and floating axes drawn by axisartist's rules (labels inside
the box, turned or aligned tick labels, labels along a floating y axis, arrows on its
line): pictures against matplotlib's, the API, and bad input."""

from __future__ import annotations

import numpy as np
import pytest
from pixels import ink  # tests/pixels.py

import lumos.pyplot as lplt
from lumos import axisartist as laa

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402
from mpl_toolkits import axisartist as maa  # noqa: E402


def _both(build, size):
    out = []
    for plt in (mplt, lplt):
        figure = plt.figure(figsize=size)
        build(figure)
        figure.canvas.draw()
        out.append(np.asarray(figure.canvas.buffer_rgba())[..., :3].astype(int))
        plt.close(figure)
    return out


def _directions(figure):
    # gallery axisartist/demo_ticklabel_direction.py
    figure.subplots_adjust(bottom=0.2)
    for pos in (131, 132, 133):
        ax = figure.add_subplot(pos, axes_class=maa.Axes)
        ax.set_yticks([0.2, 0.8])
        ax.set_xticks([0.2, 0.8])
        if pos == 131:
            for axis in ax.axis.values():
                axis.major_ticks.set_tick_out(True)
        elif pos == 132:
            for side, other in (("left", "right"), ("bottom", "top"), ("right", "left"),
                                ("top", "bottom")):
                ax.axis[side].set_axis_direction(other)
        else:
            ax.axis["left"].set_axis_direction("right")
            ax.axis[:].major_ticks.set_tick_out(True)
            ax.axis["left"].label.set_text("Long Label Left")
            ax.axis["bottom"].label.set_text("Label Bottom")
            ax.axis["right"].label.set_text("Long Label Right")
            ax.axis["right"].label.set_visible(True)
            ax.axis["left"].label.set_pad(0)
            ax.axis["bottom"].label.set_pad(10)


def test_labels_inside_the_box_match_matplotlibs_picture():
    m, lu = _both(_directions, (6, 3))
    assert m.shape == lu.shape
    assert np.abs(m - lu).mean() < 2.0  # measured 1.18
    # the middle panel's tick labels inside its box, as matplotlib's
    inside = (slice(40, 230), slice(245, 370))
    counts = [int(ink(a[inside]).sum()) for a in (m, lu)]
    assert counts[0] > 100 and abs(counts[0] - counts[1]) <= 0.2 * counts[0], counts  # 376, 396


def _floating_y(figure):
    # gallery axisartist/axis_direction.py: a y axis at x = 0.5, labels along it
    figure.subplots_adjust(bottom=0.1, top=0.9, left=0.05, right=0.95)
    for pos, call in ((141, lambda a: a.set_axis_direction("left")),
                      (142, lambda a: (a.label.set_text("Label"),
                                       a.toggle(ticklabels=False),
                                       a.set_axislabel_direction("-"))),
                      (143, lambda a: a.set_ticklabel_direction("+")),
                      (144, lambda a: (a.label.set_text("rotation=10"),
                                       a.label.set_rotation(10),
                                       a.toggle(ticklabels=False)))):
        ax = figure.add_subplot(pos, axes_class=maa.Axes)
        ax.set_ylim(-0.1, 1.5)
        ax.set_yticks([0, 1])
        ax.axis[:].set_visible(False)
        ax.axis["x"] = ax.new_floating_axis(1, 0.5)
        ax.axis["x"].set_axisline_style("->", size=1.5)
        call(ax.axis["x"])


def test_floating_y_axis_with_labels_along_it_matches_matplotlibs_picture():
    m, lu = _both(_floating_y, (8, 3))
    assert m.shape == lu.shape
    assert np.abs(m - lu).mean() < 2.0  # measured 1.31
    # the arrows' heads above the boxes, where matplotlib's are
    top = slice(0, 40)
    cols = [np.flatnonzero(ink(a[top]).sum(axis=0)) for a in (m, lu)]
    assert len(cols[0]) and len(cols[1])
    assert abs(np.median(cols[0]) - np.median(cols[1])) <= 2


def test_drawn_axis_api_and_bad_input():
    fig = lplt.figure()
    try:
        ax = fig.add_subplot(axes_class=laa.Axes)
        floating = ax.new_floating_axis(1, 0.5)
        assert type(floating) is laa.DrawnAxisArtist
        assert floating.set_axisline_style() == ["-", "->", "-|>"]
        with pytest.raises(ValueError, match="axisline_style: got '<->'"):
            floating.set_axisline_style("<->")
        with pytest.raises(ValueError, match="ha: got 'middle'"):
            floating.major_ticklabels.set_ha("middle")
        with pytest.raises(ValueError, match="va: got 'up'"):
            floating.label.set_va("up")
        ax.axis["left"].set_axis_direction("right")
        with pytest.raises(NotImplementedError, match=r"set_axisline_style\('->'\) on a "
                                                      "side drawn by its spine"):
            ax.axis["left"].set_axisline_style("->")
        ax.axis["left"].line.set_color("red")
        assert ax.spines["left"].get_edgecolor()[:3] == (1.0, 0.0, 0.0)
        ax.axis["left"].set_visible(False)
        assert not ax.spines["left"].get_visible()
        # a side of lumos's axis kept: the other side of the same axis still draws there
        ax.axis["right"].toggle(ticklabels=True)
        fig.canvas.draw()
    finally:
        lplt.close(fig)
