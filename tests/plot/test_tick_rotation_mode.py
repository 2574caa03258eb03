"""rotation_mode='xtick'/'ytick' (matplotlib 3.10): every label kept, each pointing at
its tick (gallery ticks/ticklabels_rotation.py)."""

from __future__ import annotations

import numpy as np

import lumos.primitives as P
import lumos.pyplot as plt

NAMES = [f"Country {i}" for i in range(16)]


def _runs(axis: str, rotation: float, names=NAMES):
    fig, ax = plt.subplots()
    if axis == "x":
        ax.bar(names, np.arange(float(len(names))))
    else:
        ax.barh(names, np.arange(float(len(names))))
    ax.tick_params(axis, rotation=rotation, rotation_mode=f"{axis}tick")
    fig.render()
    runs = {p.text: p for p in fig.canvas.primitives() if isinstance(p, P.GlyphRun)}
    return ax, fig, runs


def _middle(run) -> np.ndarray:
    """The middle of a run's pen positions, turned as drawn (pixels, y down)."""
    a = np.radians(run.rotation)
    rot = np.array([[np.cos(a), np.sin(a)], [-np.sin(a), np.cos(a)]])  # y down
    pts = (np.asarray(run.positions) - run.anchor) @ rot.T + run.anchor
    return pts.mean(axis=0)


def test_slanted_xtick_labels_all_kept_and_ending_at_their_ticks():
    ax, fig, runs = _runs("x", 45.0)
    assert set(NAMES) <= set(runs)  # none dropped: slanted, they do not overlap
    for i, name in enumerate(NAMES):
        tick_x = float(ax.transData.forward(np.array([[i, 0.0]]))[0, 0])
        # ha='right' for 45 degrees: the text lies left of (and below) its tick
        assert _middle(runs[name])[0] < tick_x - 10


def test_slanted_ytick_labels_all_kept_and_pointing_at_their_ticks():
    names = NAMES[:8]
    ax, fig, runs = _runs("y", 30.0, names)
    assert set(names) <= set(runs)
    height = fig.canvas.size[1]
    for i, name in enumerate(names):
        tick_y = height - float(ax.transData.forward(np.array([[0.0, i]]))[0, 1])
        # va='top' for 30 degrees on the left: the text hangs below its tick (y down)
        assert _middle(runs[name])[1] > tick_y


def test_the_layout_makes_room_for_labels_ending_at_their_ticks():
    # date_concise_formatter.py: a long label ending at the leftmost tick
    fig, ax = plt.subplots(layout="constrained")
    ax.plot([0.0, 1.0], [0.0, 1.0])
    ax.set_xticks([0.0, 0.5, 1.0], ["a long first label", "b", "c"])
    ax.tick_params("x", rotation=40, rotation_mode="xtick")
    fig.render()
    (run,) = [p for p in fig.canvas.primitives()
              if isinstance(p, P.GlyphRun) and p.text == "a long first label"]
    assert _middle(run)[0] > 0  # ha='right': it reaches left of the axes, inside the figure
    first = np.asarray(run.positions)[0] - run.anchor
    a = np.radians(run.rotation)
    assert run.anchor[0] + first[0] * np.cos(a) + first[1] * np.sin(a) >= 0
