"""``fig.figimage``: images in figure pixels, against matplotlib's pictures (gallery
figimage_demo.py, watermark_image.py, mathtext_asarray.py)."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest

import lumos.pyplot as plt

matplotlib.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402


def _picture(mod, build) -> np.ndarray:
    fig = mod.figure(figsize=(2, 1.5), dpi=100)
    build(fig)
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)


def _demo(fig):
    z = np.arange(1000.0).reshape(25, 40)
    z += np.atleast_2d(np.linspace(0, 400, 40))
    fig.figimage(z, xo=5, yo=0, origin="lower")
    fig.figimage(z, xo=60, yo=40, alpha=0.8, origin="lower")
    fig.figimage(z[::-1], xo=120, yo=90, cmap="gray", vmin=0, vmax=800)  # origin upper


def _under_and_over(fig):
    ax = fig.add_axes((0.1, 0.1, 0.8, 0.8), facecolor="white")
    ax.set_axis_off()
    ax.plot([0, 1], [0, 1], lw=20, color="red")
    red = np.zeros((30, 30, 4))
    red[..., 2] = red[..., 3] = 1  # opaque blue, RGBA floats
    fig.figimage(red, 20, 20, zorder=-1)  # under the axes' white background
    fig.figimage(red, 85, 55, zorder=3)  # over the red line


@pytest.mark.parametrize("build", [_demo, _under_and_over])
def test_figimage_as_matplotlib(build):
    ours, theirs = _picture(plt, build), _picture(mplt, build)
    assert ours.shape == theirs.shape
    diff = np.abs(ours - theirs).max(axis=2)
    # one pixel per figure pixel, same colors: only the line's antialiased edge differs
    assert (diff > 8).mean() < 0.01
    assert ours.std() > 20  # not blank


def test_figimage_objects_and_bad_input():
    fig = plt.figure(figsize=(2, 2), dpi=50)
    im = fig.figimage(np.ones((4, 4)), 10, 20)
    assert fig.images == [im]
    assert im.get_extent() == (10, 14, 20, 24)
    im.remove()
    assert fig.images == []
    with pytest.raises(TypeError, match="resize"):
        fig.figimage(np.ones((4, 4)), resize=True)
    with pytest.raises(TypeError, match="wobble"):
        fig.figimage(np.ones((4, 4)), wobble=1)
    with pytest.raises(ValueError, match="X"):
        fig.figimage(np.ones(4))
    picture = fig.render()  # NaN pixels draw nothing and crash nothing
    fig.figimage(np.full((4, 4), np.nan))
    assert np.array_equal(fig.render(), picture)
    assert plt.figimage(np.ones((2, 2))) in plt.gcf().images
