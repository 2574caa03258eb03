"""An axes' clip box is rounded to whole pixels as Agg rounds it, ``floor(x + 0.5)``
(halves up): Python's ``round`` took 62.5 to 62 and drew a column more than
matplotlib."""

import io

import matplotlib
import numpy as np
import pytest
from PIL import Image

matplotlib.use("agg")
import matplotlib.pyplot as mplt  # noqa: E402

import lumos.pyplot as plt  # noqa: E402
from lumos.scene.canvas import device_edge  # noqa: E402


def _ink_box(pyplot, figsize):
    fig = pyplot.figure(figsize=figsize, dpi=100)
    ax = fig.add_axes([0.125, 0.125, 0.75, 0.75])
    ax.set_axis_off()
    ax.fill_between([-10, 10], [-10, -10], [10, 10], color="k")  # past the clip box
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    pyplot.close(fig)
    dark = np.argwhere(np.asarray(Image.open(buf).convert("L")) < 128)
    return dark.min(0).tolist(), dark.max(0).tolist()


@pytest.mark.parametrize("figsize", [(5, 4), (4.2, 3.4)])  # edges at 62.5 and 52.5 px
def test_clip_box_edges_as_agg(figsize):
    assert _ink_box(plt, figsize) == _ink_box(mplt, figsize)


def test_device_edge_rounds_halves_up():
    assert [device_edge(v) for v in (62.5, 52.5, 62.4999, -0.5, 3.0)] == [63, 53, 62, 0, 3]
