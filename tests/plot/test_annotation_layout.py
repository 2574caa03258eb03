"""Layouts (constrained, compressed, tight) make room for annotations whose text or arrow
reaches past the axes, as matplotlib's tight box counts them (``annotation_clip``,
``clip_on`` and ``in_layout`` leave them out), and for nothing a text leaves out."""

from __future__ import annotations

import matplotlib.pyplot as mplt
import numpy as np
import pytest

import lumos.pyplot as lplt


def _annotated(plt, layout):
    """Annotations past the axes: offset from a data point (right, left), placed in axes
    fraction below it with an arrow up, in axes points with an arrow past the corner;
    one whose point is out of the axes, hidden (matplotlib's annotation_clip)."""
    fig, ax = plt.subplots(figsize=(6, 4), dpi=100, layout=layout)
    ax.plot([0, 10], [0, 10])
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10)
    shown = [
        ax.annotate("peak value", xy=(9, 9), xytext=(30, 0), textcoords="offset points",
                    arrowprops=dict(arrowstyle="->"), va="center"),
        ax.annotate("a note below", xy=(0.5, 0), xycoords="axes fraction",
                    xytext=(0.5, -0.3), textcoords="axes fraction", ha="center",
                    arrowprops=dict(arrowstyle="->")),
        ax.annotate("left of it", xy=(0.5, 5), xytext=(-50, 0), textcoords="offset points",
                    ha="right"),
        ax.annotate("corner", xy=(-40, -30), xycoords="axes points", xytext=(5, 5),
                    textcoords="axes points", arrowprops=dict(arrowstyle="-")),
    ]
    ax.annotate("hidden: its point is out", xy=(12, 5), xytext=(5, 0),
                textcoords="offset points")
    return fig, ax, shown


def _first_matplotlib(fig, ax) -> np.ndarray:
    """matplotlib's box after its first draw (a script's savefig): its layouts measure
    the annotations where the axes stands then, and move the box a little at each
    later draw (the tight layout 12 px by the tenth)."""
    fig.canvas.draw()
    return np.array(ax.bbox.bounds)


@pytest.mark.parametrize("layout", ["constrained", "compressed", "tight"])
def test_annotations_past_the_axes_get_room_as_in_matplotlib(layout):
    theirs = _first_matplotlib(*_annotated(mplt, layout)[:2])
    fig, ax, shown = _annotated(lplt, layout)
    boxes = []
    for _ in range(3):  # the same box at every draw
        fig.draw()
        boxes.append(np.array(ax.box))
    assert np.allclose(boxes, boxes[0], rtol=0, atol=1e-9)  # to float rounding
    assert np.abs(boxes[0] - theirs).max() < 1.0
    w, h = fig.canvas.size
    for a in shown:  # every shown annotation's text inside the figure
        e = a.get_window_extent()
        assert e.x0 >= 0 and e.y0 >= 0 and e.x1 <= w and e.y1 <= h


def _box(extra, layout="constrained") -> tuple:
    fig, ax = lplt.subplots(figsize=(6, 4), dpi=100, layout=layout)
    ax.plot([0, 10], [0, 10])
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10)
    if extra is not None:
        extra(ax)
    fig.draw()
    return ax.box


@pytest.mark.parametrize("extra", [
    lambda ax: ax.annotate("inside", xy=(5, 5), xytext=(10, 10), textcoords="offset points"),
    lambda ax: ax.annotate("point out of the axes", xy=(11, 5), xytext=(5, 0),
                           textcoords="offset points"),
    lambda ax: ax.annotate("clipped", xy=(9, 5), xytext=(40, 0), textcoords="offset points",
                           clip_on=True),
    lambda ax: ax.annotate("out of the layout", xy=(9, 5), xytext=(40, 0),
                           textcoords="offset points", in_layout=False),
    lambda ax: ax.annotate("", xy=(14, 5), xytext=(9, 5), annotation_clip=False,
                           arrowprops=dict(arrowstyle="->")),  # no text: matplotlib's null box
    lambda ax: ax.annotate("hidden", xy=(9, 5), xytext=(40, 0), textcoords="offset points",
                           visible=False),
    lambda ax: ax.text(11, 5, "text out of the layout", in_layout=False),
], ids=["inside", "annotation_clip", "clip_on", "in_layout", "arrow only", "invisible",
        "text in_layout"])
def test_what_matplotlib_leaves_out_of_the_tight_box_leaves_the_layout_alone(extra):
    assert _box(extra) == _box(None)


def test_an_annotation_point_kept_out_of_the_axes_gets_room_for_its_arrow():
    plain = _box(None)
    box = _box(lambda ax: ax.annotate("x", xy=(12, 5), xytext=(9, 5), annotation_clip=False,
                                      arrowprops=dict(arrowstyle="->")))
    # the arrow ends 2 data units (of 10) right of the axes: about a sixth of it
    assert box[2] < plain[2] * 0.9


def test_in_layout_is_a_text_property():
    fig, ax = lplt.subplots(layout="constrained")
    t = ax.text(1.1, 0.5, "past the right edge")
    assert t.get_in_layout()
    fig.draw()
    with_room = ax.box
    t.set_in_layout(False)
    assert not t.get_in_layout()
    fig.draw()
    assert ax.box[2] > with_room[2] + 40
    a = ax.annotate("a", xy=(0.5, 0.5), in_layout=False)
    assert not a.get_in_layout()
