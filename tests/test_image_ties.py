"""An image shrunk exactly 2 or 4 times with 'nearest': each pixel centre falls on the
edge between two texels, and matplotlib (Agg) takes the one to its left and above; lumos
takes the same one, on either origin (gallery image_antialiasing.py's last figure, 400
stripes in 200 pixels, was all red where matplotlib's is all blue)."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest

import lumos.pyplot as plt

matplotlib.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402


def _parities(p, origin: str, n: int, fig_px: int, rect) -> np.ndarray:
    """Each pixel's texel parities (row even: +1, column even: +2) of an n x n image."""
    fig = p.figure(figsize=(fig_px / 100, fig_px / 100), dpi=100)
    ax = fig.add_axes(rect)
    a = np.zeros((n, n))
    a[::2, :] += 1
    a[:, ::2] += 2
    ax.imshow(a, cmap="gray", interpolation="nearest", origin=origin, vmin=0, vmax=3)
    ax.set_axis_off()
    if p is mplt:
        fig.canvas.draw()
        red = np.asarray(fig.canvas.buffer_rgba())[..., 0]
    else:
        red = fig.render()[..., 0]
    return np.round(red.astype(float) / 255 * 3).astype(int)


@pytest.mark.parametrize("origin", ["upper", "lower"])
@pytest.mark.parametrize("n, fig_px, rect", [
    (8, 4, (0, 0, 1, 1)),                     # 2x, the axes on the figure's pixels
    (160, 100, (0.1, 0.1, 0.8, 0.8)),         # 2x, the axes 10 pixels in
    (300, 200, (0.125, 0.125, 0.75, 0.75)),   # 2x
    (320, 100, (0.1, 0.1, 0.8, 0.8)),         # 4x
])
def test_ties_pick_matplotlibs_texel(origin, n, fig_px, rect):
    ours = _parities(plt, origin, n, fig_px, rect)
    theirs = _parities(mplt, origin, n, fig_px, rect)
    x0, y0 = int(rect[0] * fig_px), int((1 - rect[1] - rect[3]) * fig_px)
    w = int(rect[2] * fig_px)
    inner = (slice(y0 + 1, y0 + w - 1), slice(x0 + 1, x0 + w - 1)) if w > 2 else \
        (slice(None), slice(None))
    # one texel of each kind in every pixel: a single value across the image
    assert len(np.unique(theirs[inner])) == 1
    np.testing.assert_array_equal(ours[inner], theirs[inner])
