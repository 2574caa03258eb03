"""The Text keywords matplotlib's text tutorial gives ``set_xlabel``/``set_ylabel``:
``position`` (only the coordinate along the axis counts) and ``fontproperties``."""

from __future__ import annotations

import numpy as np
import pytest

import lumos.pyplot as plt

mfm = pytest.importorskip("matplotlib.font_manager")


def _label_box(ax, which="x"):
    fig = ax.figure
    fig.canvas.draw()
    return getattr(ax, f"{which}axis").label.get_window_extent()


def test_xlabel_position_moves_it_along_the_axis_only():
    fig, ax = plt.subplots(figsize=(5, 3))
    ax.plot([0, 1])
    ax.set_xlabel("Time (s)")
    auto = _label_box(ax)
    ax.set_xlabel("Time (s)", position=(0.0, 1e6), horizontalalignment="left")
    moved = _label_box(ax)
    x0 = ax.get_position().x0 * fig.get_figwidth() * fig.dpi
    assert abs(moved.x0 - x0) < 1.0  # left-aligned at the axes' left edge
    assert abs(moved.y0 - auto.y0) < 0.5 and abs(moved.y1 - auto.y1) < 0.5  # y unused
    with pytest.raises(ValueError, match="position"):
        ax.set_xlabel("t", position=(1, 2, 3))
    plt.close(fig)


def test_ylabel_fontproperties_of_matplotlib():
    fig, ax = plt.subplots()
    ax.set_ylabel("V", fontproperties=mfm.FontProperties(style="italic", weight="bold",
                                                          size=14))
    style = ax.yaxis.label_style
    assert style["style"] == "italic" and style["weight"] in ("bold", 700)
    assert np.isclose(ax.yaxis.label.get_fontsize(), 14.0)
    plt.close(fig)
