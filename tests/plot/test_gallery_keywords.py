"""Small keyword gaps the matplotlib gallery found: values lumos refused that matplotlib
takes (sankey_rankine.py: ``fontsize="10"``; histogram_multihist.py: ``hist``'s per-dataset
styles and ``fill=False`` bars; text_rotation_relative_to_line.py)."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest

import lumos.pyplot as plt

matplotlib.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402


@pytest.mark.parametrize("size", ["10", " 12.5 ", "large", 9])
def test_fontsize_strings_of_numbers_as_matplotlib(size):
    sizes = []
    for mod in (plt, mplt):
        _, ax = mod.subplots()
        sizes.append(ax.text(0, 0, "t", fontsize=size).get_fontsize())
    assert sizes[0] == pytest.approx(sizes[1])


@pytest.mark.parametrize("size", ["nan", "-3", "huge"])
def test_bad_fontsize_strings_name_the_argument(size):
    _, ax = plt.subplots()
    with pytest.raises(ValueError, match="fontsize"):
        ax.text(0, 0, "t", fontsize=size)


def _hist_picture(mod, **kwargs):
    rng = np.random.default_rng(3)
    x = rng.normal(size=(400, 3))
    fig, ax = mod.subplots(figsize=(4, 3), dpi=80)
    ax.set_axis_off()
    ax.hist(x, 6, **kwargs)
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)


@pytest.mark.parametrize("kwargs", [
    {"fill": False, "histtype": "bar", "linewidth": [2, 3, 4],
     "edgecolor": ["green", "red", "blue"]},  # histogram_multihist.py
    {"fill": False, "linestyle": ["-", ":", "--"], "edgecolor": ["green", "red", "blue"],
     "linewidth": 3},
    {"histtype": "barstacked", "facecolor": ["green", "red", "blue"]},
    {"histtype": "step", "edgecolor": ["red", "blue"], "linewidth": 3},  # cycled
])
def test_hist_styles_per_dataset_as_matplotlib(kwargs):
    ours, theirs = _hist_picture(plt, **kwargs), _hist_picture(mplt, **kwargs)
    for channel in range(3):  # pixels of each hue (antialiased thin lines: lighter)
        others = [c for c in range(3) if c != channel]
        a, b = ((img[..., channel] > img[..., others].max(axis=2) + 40)
                for img in (ours, theirs))
        assert abs(int(a.sum()) - int(b.sum())) <= 0.3 * max(b.sum(), 50), channel
    assert (ours.max(axis=2) < 60).sum() < 0.02 * ours[..., 0].size  # no black faces


def test_hist_fill_refusals():
    _, ax = plt.subplots()
    with pytest.raises(TypeError, match="stepfilled"):
        ax.hist([1, 2, 3], histtype="stepfilled", fill=False)
    with pytest.raises(TypeError, match="linewidth"):
        ax.hist([1, 2, 3], linewidth=[])


@pytest.mark.parametrize("xlim, angle", [((-10, 10), 45), ((0, 1), 30), ((5, -5), 120)])
def test_transform_rotates_text_as_matplotlib(xlim, angle):
    """text_rotation_relative_to_line.py: the rotation turns with the data coordinates."""
    got = []
    for mod in (plt, mplt):
        fig, ax = mod.subplots()
        ax.plot(range(8), range(8))
        ax.set_xlim(xlim)
        t = ax.text(0, 0, "t", rotation=angle, transform_rotates_text=True)
        plain = ax.text(0, 0, "t", rotation=angle)
        fig.canvas.draw()
        got.append((t.get_rotation(), plain.get_rotation(), t.get_transform_rotates_text()))
    assert got[0] == pytest.approx(got[1])
    assert got[0][0] != pytest.approx(angle)  # turned: the axes are not square in data
