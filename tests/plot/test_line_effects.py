"""Path effects on lines (``plot(..., path_effects=[...])``) against matplotlib's Agg
pictures (gallery lines_with_ticks_demo.py)."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest
from plot_helpers import blue_red, grown  # tests/plot/plot_helpers.py

import lumos.patheffects as lpe
import lumos.pyplot as plt

matplotlib.use("Agg")
import matplotlib.patheffects as pe  # noqa: E402
import matplotlib.pyplot as mplt  # noqa: E402

EFFECTS = {
    "ticks": lambda: [pe.withTickedStroke(spacing=7, angle=135)],
    "ticks_only": lambda: [pe.TickedStroke(angle=-90, length=1)],  # no line
    "stroke": lambda: [pe.Stroke(linewidth=9, foreground="red"), pe.Normal()],
    "with_stroke": lambda: [pe.withStroke(linewidth=9, foreground="red")],
    "over": lambda: [pe.Normal(), pe.Stroke(linewidth=1, foreground="red")],
    "shadow": lambda: [pe.SimpleLineShadow(offset=(4, -4), shadow_color="red", alpha=1),
                       pe.Normal()],
}


def _picture(mod, effects, move=False) -> np.ndarray:
    fig, ax = mod.subplots(figsize=(3, 3), dpi=80)
    ax.set_axis_off()
    x = np.linspace(0, 1, 101)
    ax.plot(x, 0.3 * np.sin(8 * x) + 0.5, color="blue", lw=3, path_effects=effects)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    if move:  # offsets and ticks are in pixels: they follow the view
        fig.canvas.draw()
        ax.set_xlim(-0.5, 1.5)
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)


@pytest.mark.parametrize("name", list(EFFECTS))
@pytest.mark.parametrize("move", [False, True])
def test_line_effects_as_matplotlib(name, move):
    ours = blue_red(_picture(plt, EFFECTS[name](), move))
    theirs = blue_red(_picture(mplt, EFFECTS[name](), move))
    plain = blue_red(_picture(mplt, None, move))
    for cls in (1, 2):
        a, b = ours == cls, theirs == cls
        assert (a & ~grown(b)).sum() <= 0.05 * max(b.sum(), 20), cls  # nothing out of place
        assert abs(int(a.sum()) - int(b.sum())) <= 0.15 * max(b.sum(), 20), cls
    # and the effect shows: the picture is not the plain line's
    assert (ours != plain).sum() > 100 or name == "ticks_only" and (ours == 1).sum() > 100


def test_line_effects_legend_accessors_and_refusals():
    fig, ax = plt.subplots(figsize=(3, 2), dpi=80)
    line, = ax.plot([0, 1], [0, 1], path_effects=[lpe.withTickedStroke(spacing=5)])
    assert len(line.get_path_effects()) == 1
    handle = line.legend_handle(10.0)
    assert handle.line is not None and len(handle.strokes) == 3  # 20 px: 3 ticks of 5 pt
    line.set_path_effects([pe.Stroke(linewidth=4, foreground="w")])  # no Normal: no line
    assert line.legend_handle(10.0).line is None
    with pytest.raises(TypeError, match="TickedStroke"):
        ax.text(0, 0, "t", path_effects=[pe.withTickedStroke()])
    with pytest.raises(TypeError, match="capstyle"):
        line.set_path_effects([pe.Stroke(linewidth=4, capstyle="round")])
    with pytest.raises(TypeError, match="path_effects"):
        ax.axhline(0.5, path_effects=[pe.Normal()])
    pax = fig.add_subplot(2, 2, 4, projection="polar")
    with pytest.raises(TypeError, match="rectilinear"):
        pax.plot([0, 1], [1, 2], path_effects=[pe.withTickedStroke()])
    line.set_path_effects(None)
    assert line.get_path_effects() == []
