"""A translucent line blends once where it crosses itself (matplotlib's Agg fills a
path's coverage once); two translucent lines crossing still blend twice; opaque lines
pay nothing (no layer)."""

from __future__ import annotations

import numpy as np
import pytest

import lumos.pyplot as plt
from lumos.gpu.frame import State
from lumos.scene import Canvas
from lumos.scene.cameras import PanZoomCamera
from lumos.visuals import Line

# an X drawn as one line: (10, 10) -> (70, 70) -> (70, 10) -> (10, 70), crossing at (40, 40)
X_ONE = [[10.0, 10.0], [70.0, 70.0], [70.0, 10.0], [10.0, 70.0]]


def _canvas(*lines):
    c = Canvas(size=(80, 80), bgcolor="white")
    v = c.add_view(rect=(0, 0, 80, 80), camera=PanZoomCamera((0, 0, 80, 80)))
    for line in lines:
        v.add(line)
    return c


def test_a_translucent_line_blends_once_over_itself():
    img = _canvas(Line(pos=X_ONE, width=8, color=(0, 0, 1, 0.4))).render().astype(int)
    crossing, single = img[40, 40, :3], img[80 - 25, 25, :3]  # on one stroke only
    assert abs(crossing - single).max() <= 2
    assert single[0] < 200 and single[2] > 240  # 40 % blue over white: (153, 153, 255)
    # two lines crossing: darker where they cross, as in matplotlib
    two = _canvas(Line(pos=X_ONE[:2], width=8, color=(0, 0, 1, 0.4)),
                  Line(pos=X_ONE[2:], width=8, color=(0, 0, 1, 0.4))).render().astype(int)
    assert two[40, 40, 0] < single[0] - 30


def test_opaque_lines_draw_straight_into_the_view():
    c = _canvas(Line(pos=X_ONE, width=8, color="red"))
    frame = c.frame()
    assert all(d.target is None for d in frame.draws)
    img = c.render()
    assert tuple(img[40, 40, :3]) == (255, 0, 0)
    c = _canvas(Line(pos=X_ONE, width=8, color=(1, 0, 0, 0.5)))
    blends = [d.state.blend for d in c.frame().draws]
    assert blends == [None, "max", "alpha"]  # clear the layer, the line, the layer over
    # translucent lines of one view share one layer
    c = _canvas(Line(pos=X_ONE[:2], width=8, color=(0, 0, 1, 0.4)),
                Line(pos=X_ONE[2:], width=8, color=(0, 0, 1, 0.4)))
    targets = {id(d.target) for d in c.frame().draws if d.target is not None}
    assert len(targets) == 1


def test_max_blend_is_a_state():
    assert State(blend="max").to_json()["blend"] == "max"
    with pytest.raises(ValueError, match="'max'"):
        State(blend="min")


@pytest.fixture
def _close():
    yield
    plt.close("all")


@pytest.mark.usefixtures("_close")
def test_plot_alpha_line_matches_agg_and_picks_its_points():
    """``plot(..., alpha=0.4)`` of a self-crossing line: the crossing as light as one
    stroke, as matplotlib draws it; a pick there still finds the line and a point."""
    fig, ax = plt.subplots(figsize=(2, 2), dpi=100)
    ax.set_axis_off()
    ax.set_xlim(0, 4)
    ax.set_ylim(0, 4)
    x, y = [1, 3, 3, 1], [1, 3, 1, 3]
    line, = ax.plot(x, y, lw=8, alpha=0.4, color="b")
    img = fig.render().astype(int)
    h = img.shape[0]

    def at(px, py):
        u, v = ax.transData.forward(np.array([px, py], dtype=float))
        return int(round(float(u))), int(round(h - float(v)))

    cx, cy = at(2, 2)
    sx, sy = at(1.5, 1.5)
    assert abs(img[cy, cx, :3] - img[sy, sx, :3]).max() <= 3
    hit = fig.pick(*at(2.9, 2.9))
    assert hit is not None and hit[0] is line and hit[1] in (0, 1)
    hit = fig.pick(*at(1.1, 2.9))
    assert hit is not None and hit[0] is line and hit[1] in (2, 3)
