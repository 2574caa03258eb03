"""Scenes the tests of frames drawn in two parts share (``lumos.gpu.early``): the
window's (tests/app/test_window.py) and the offscreen render's
(tests/plot/test_render_parts.py)."""

from __future__ import annotations

import numpy as np

from lumos import visuals
from lumos.scene import Canvas


def image_in_two_views() -> tuple[Canvas, visuals.Image, np.ndarray, np.ndarray]:
    """A 300 x 150 canvas of two views showing one image (shrunk: its colormapped
    texels in a render target both views draw and read); the canvas, the image and
    the (x, y) grid of its data, sin(9x)·cos(7y)."""
    canvas = Canvas(size=(300, 150), bgcolor="white")
    yy, xx = np.mgrid[0:1:300j, 0:1:400j]
    image = visuals.Image(np.sin(9 * xx) * np.cos(7 * yy), interpolation="auto")
    for col in (0, 1):
        view = canvas.add_view(row=0, col=col)
        view.add(image)
        view.camera.set_range()
    return canvas, image, xx, yy
