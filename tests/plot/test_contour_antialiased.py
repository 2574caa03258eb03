"""``antialiased=`` of contour, contourf, tricontour and tricontourf, as matplotlib
honours it: smoothed or hard contour lines; filled bands edge to edge (its contourf
default), smoothed band edges refused."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest

import lumos.pyplot as plt

matplotlib.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402


def _grays(pyplot, **kw) -> int:
    """Pixels between black and white inside the axes: a smoothed line's edges."""
    x, y = np.meshgrid(np.linspace(-3, 3, 60), np.linspace(-2, 2, 50))
    z = np.exp(-x ** 2 - y ** 2) * 2 + 0.3 * x
    fig, ax = pyplot.subplots(figsize=(3, 2.5), dpi=80)
    ax.set_axis_off()
    ax.contour(x, y, z, colors="k", linewidths=1, **kw)
    fig.canvas.draw()
    img = np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int).mean(axis=-1)
    return int(((img > 30) & (img < 225)).sum())


@pytest.mark.parametrize("aa", [False, True, None])
def test_contour_lines_smoothed_as_asked(aa):
    kw = {} if aa is None else {"antialiased": aa}
    ours, theirs = _grays(plt, **kw), _grays(mplt, **kw)
    if aa is False:
        assert ours < 50 and theirs < 50  # hard: each pixel in or out
    else:
        assert ours > 500 and theirs > 500  # the default (patch.antialiased): smoothed
    fig, ax = plt.subplots()
    cs = ax.contour(np.arange(12.0).reshape(3, 4), **kw)
    assert cs.get_antialiased() is (aa is not False)


def test_filled_contours_refuse_smoothed_band_edges():
    z = np.arange(12.0).reshape(3, 4)
    fig, ax = plt.subplots()
    assert ax.contourf(z, antialiased=False).get_antialiased() is False
    assert ax.contourf(z).get_antialiased() is False
    with pytest.raises(TypeError, match="antialiased"):
        ax.contourf(z, antialiased=True)
    x, y = np.array([0.0, 1, 0, 1]), np.array([0.0, 0, 1, 1])
    with pytest.raises(TypeError, match="antialiased"):
        ax.tricontourf(x, y, x + y, antialiased=True)
    assert ax.tricontour(x, y, x + y, antialiased=False).get_antialiased() is False
