"""What matplotlib 3.11's gallery sections showcase, scales and specialty_plots asked of
lumos (scripts run with one changed import): lines 0 wide, tick labels set for ticks
out of order, minor ticks that follow the axis's own major ticks."""

from __future__ import annotations

import numpy as np

import lumos.pyplot as plt
from tests.pixels import ink


def _pixels(fig) -> np.ndarray:
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba())[..., :3].copy()


def test_zero_width_line_and_spine_draw_nothing():
    # showcase/anatomy.py: markers only, plot(..., linewidth=0, marker='s');
    # ticks/multilevel_ticks.py: sec.spines['bottom'].set_linewidth(0). matplotlib's
    # Agg strokes nothing 0 wide; lumos drew a hairline
    fig, ax = plt.subplots(figsize=(3, 2), dpi=50)
    ax.set_axis_off()
    ax.plot([0.0, 1.0], [0.0, 1.0], linewidth=0, color="red")
    ax.set(xlim=(0, 1), ylim=(0, 1))
    assert not ink(_pixels(fig)).any()
    ax.lines[0].set_linewidth(1.0)  # the same line 1 point wide is drawn
    assert ink(_pixels(fig)).any()


def test_zero_width_line_exports_no_path():
    # the vector files take the same rule: no stroke 0 wide in an SVG
    fig, ax = plt.subplots()
    line, = ax.plot([0, 1], [0, 1], lw=0, color="#123456")
    assert "#123456" not in _svg(fig).lower()
    line.set_linewidth(2)
    assert "#123456" in _svg(fig).lower()


def _svg(fig) -> str:
    import io

    buf = io.BytesIO()
    fig.savefig(buf, format="svg")
    return buf.getvalue().decode()
