"""``extendfrac='auto'`` (matplotlib's colorbar tutorial): the extend triangles as long
as the end blocks, not the default 5 %."""

from __future__ import annotations

import numpy as np
import pytest

import lumos.pyplot as plt
from lumos import colors

mplt = pytest.importorskip("matplotlib.pyplot")
mcolors = pytest.importorskip("matplotlib.colors")


def _interior_width(mod, cmod, spacing, bounds):
    fig, ax = mod.subplots(figsize=(6, 1))
    cmap = cmod.ListedColormap(["royalblue", "cyan", "yellow", "orange"])
    cmap = cmap.with_extremes(over="red", under="blue")
    norm = cmod.BoundaryNorm(bounds, cmap.N)
    sm = mod.cm.ScalarMappable(norm=norm, cmap=cmap)
    fig.colorbar(sm, cax=ax, orientation="horizontal", extend="both", extendfrac="auto",
                 spacing=spacing)
    fig.canvas.draw()
    full = fig.subplotpars.right - fig.subplotpars.left
    width = ax.get_position().width / full
    mod.close(fig)
    return width


@pytest.mark.parametrize("spacing, bounds", [("uniform", [-1, -0.5, 0, 0.5, 1]),
                                             ("proportional", [-1, -0.8, 0, 0.5, 1])])
def test_auto_extendfrac_as_matplotlib(spacing, bounds):
    mine = _interior_width(plt, colors, spacing, bounds)
    theirs = _interior_width(mplt, mcolors, spacing, bounds)
    assert mine < 0.8  # not the 5 % default (1 / 1.1)
    assert np.isclose(mine, theirs, atol=0.005)


def test_extendfrac_other_strings_refused():
    fig, ax = plt.subplots()
    im = ax.imshow(np.arange(4.0).reshape(2, 2))
    with pytest.raises(ValueError, match="extendfrac"):
        fig.colorbar(im, extend="both", extendfrac="long")
