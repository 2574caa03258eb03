"""A twin's spines that are not its parent's frame are drawn (gallery
subplots_axes_and_figures/multiple_yaxis_with_spines.py: a third y axis on a spine
moved to ('axes', 1.2)), against matplotlib's picture."""
import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402
import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

import lumos.pyplot as plt  # noqa: E402


def _picture(lib, color=None):
    fig, ax = lib.subplots()
    fig.subplots_adjust(right=0.75)
    ax.twinx()
    twin = ax.twinx()
    twin.spines["right"].set_position(("axes", 1.2))
    if color is not None:
        twin.spines["right"].set_color(color)
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return np.asarray(Image.open(buf).convert("RGB")).astype(int)


def _spine_x(im):
    """Where (pixels, the ink's centroid) a vertical line right of the axes runs through
    the middle rows; None without one."""
    ink = (765 - im[150:330, :, :].sum(axis=2)).mean(axis=0)  # darkness of each column
    ink[: int(0.8 * im.shape[1])] = 0
    ink[ink < 0.5 * ink.max()] = 0
    return None if not ink.max() > 100 else float((ink * np.arange(ink.size)).sum() / ink.sum())


def test_moved_twin_spine_is_drawn_where_matplotlib_draws_it():
    ours, theirs = _spine_x(_picture(plt)), _spine_x(_picture(mplt))
    assert ours is not None and theirs is not None
    assert abs(ours - theirs) < 1.0


def test_twin_spine_in_another_color_is_drawn_over_the_frame():
    im = _picture(plt, color="red")
    x = int(round(_spine_x(_picture(plt))))
    row = im[240, x - 2:x + 3]
    r, g, b = row[np.argmin(row[:, 1])]  # the least green pixel across the spine
    assert r > 200 and g < 150 and b < 150
