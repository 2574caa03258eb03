"""Data at matplotlib's exact axes position: an axes at a fractional pixel position (a
subplot's bottom at 0.11 * 480 = 52.8 px) maps its data there, in the PNG as in Agg
(the viewport and scissor stay whole pixels: Agg's clip box is rounded too) and in SVG."""

from __future__ import annotations

import io

import numpy as np
import pytest

import lumos.pyplot as plt
from lumos.gpu.camera_math import view_lens


def _rows(fig, columns) -> np.ndarray:
    """The centroid row (pixel centres at .5) of a black line in each of ``columns``."""
    from PIL import Image

    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    a = 255.0 - np.asarray(Image.open(buf).convert("L"), float)
    rows = np.arange(a.shape[0]) + 0.5
    return np.array([(a[:, c] * rows).sum() / a[:, c].sum() for c in columns])


def test_a_line_lands_where_matplotlib_agg_puts_it():
    import matplotlib  # the test extra installs it: missing means a broken set-up

    matplotlib.use("Agg")
    import matplotlib.pyplot as mplt

    columns = [200, 300, 400, 500, 540]
    pictures = []
    for pyplot in (plt, mplt):
        fig, ax = pyplot.subplots()  # 640 x 480: the axes box from y = 52.8 to 422.4
        ax.plot(np.linspace(-60, 60, 201), np.linspace(0, 100, 201), "k", lw=1)
        ax.axis("off")
        pictures.append(_rows(fig, columns))
        pyplot.close(fig)
    ours, agg = pictures
    # before: the box rounded to whole pixels, 0.37 px off at column 540
    np.testing.assert_allclose(ours, agg, atol=0.1)


def test_the_svg_holds_the_exact_positions():
    fig, ax = plt.subplots()
    ax.set(xlim=(0, 1), ylim=(0, 1))
    ax.plot([0.25, 0.75], [0.25, 0.75], color="#123456")
    buf = io.BytesIO()
    fig.savefig(buf, format="svg")
    plt.close(fig)
    svg = buf.getvalue().decode()
    at = svg.index("#123456")
    path = svg[svg.rindex("<path", 0, at):at]
    # x 80 + 0.25 * 496, y 480 - (52.8 + 0.25 * 369.6): matplotlib's 146.88 and
    # 241.056 pt at 72/100 (before: 334.75, the box rounded)
    assert 'd="M204 334.8 452 150"' in path


def test_the_lens_maps_the_exact_rect_onto_its_place_in_the_viewport():
    rect, exact = (80, 58, 496, 369), (80.0, 57.6, 496.0, 369.6)
    m = view_lens(rect, exact)
    # the exact rect's corners (clip -1 and 1 of the camera) in the viewport's clip space
    for cx, cy in ((-1, -1), (1, 1), (-1, 1)):
        x, y = (m @ np.array([cx, cy, 0.0, 1.0]))[:2]
        px = rect[0] + (x + 1) / 2 * rect[2]
        py = rect[1] + rect[3] - (y + 1) / 2 * rect[3]  # from the top
        assert px == pytest.approx(exact[0] + (cx + 1) / 2 * exact[2])
        assert py == pytest.approx(exact[1] + exact[3] - (cy + 1) / 2 * exact[3])
    assert view_lens(rect, None) is None and view_lens(rect, tuple(map(float, rect))) is None
