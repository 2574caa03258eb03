"""matplotlib figures drawn by lumos against the same figures drawn by Agg.

The representative set (tests/mpl_backend/figures.py: lines, markers, bars with
hatches and error bars, images, contours, pcolormesh, text and mathtext, legends,
polar axes with their clip path, mplot3d surfaces through matplotlib's own Axes3D)
must match Agg within RMS_TOL (conftest).
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from mpl_compare import RMS_TOL, rms, save_pair
from mpl_figures import FIGURES


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_figure_matches_agg(name, agg_and_lumos):
    from lumos.mpl_backend import LumosFallbackWarning

    with warnings.catch_warnings():
        warnings.simplefilter("error", LumosFallbackWarning)  # all drawn by lumos itself
        agg, lumos = agg_and_lumos(FIGURES[name])
    d = rms(agg, lumos)
    if d > RMS_TOL:
        save_pair(name, agg, lumos)
    assert d <= RMS_TOL, f"{name}: RMS {d:.2f} against Agg (tests/output/mpl_backend)"


def test_the_measure_sees_a_wrong_picture(agg_and_lumos):
    """The tolerance is not so loose that a missing artist passes."""
    from mpl_figures import lines

    def without_legend():
        fig = lines()
        fig.axes[0].get_legend().remove()
        fig.axes[0].lines[0].set_visible(False)
        return fig

    agg, _ = agg_and_lumos(lines)
    _, lumos = agg_and_lumos(without_legend)
    assert rms(agg, lumos) > RMS_TOL


@pytest.mark.parametrize("dpi", [72, 150])
def test_dpi_and_size_follow_savefig(dpi, agg_and_lumos):
    from mpl_figures import markers

    agg, lumos = agg_and_lumos(markers, dpi=dpi)
    assert lumos.shape == agg.shape == (round(3 * dpi), round(4 * dpi), 3)
    assert rms(agg, lumos) <= RMS_TOL


def test_markers_and_text_cut_by_an_edge_show_their_part(agg_and_lumos):
    """A marker centred outside the axes, text hanging off the figure: the visible part
    is drawn, as Agg draws it."""
    from matplotlib.figure import Figure

    def make():
        fig = Figure(figsize=(2, 2), dpi=100)
        ax = fig.add_subplot()
        ax.plot([0, 1], [0.5, 0.5], "o", ms=20)
        ax.scatter([0, 1], [0.2, 0.2], s=400)
        ax.set_xlim(0.02, 0.98)
        ax.set_ylim(0, 1)
        fig.text(0.5, -0.02, "cut text gjq", ha="center")
        return fig

    agg, lumos = agg_and_lumos(make)
    assert rms(agg, lumos) < 1.0


@pytest.mark.parametrize("interpolation", ["none", "nearest", "bilinear", "antialiased"])
def test_images_with_transforms_and_interpolations(interpolation, agg_and_lumos):
    """An image turned by a transform and resampled as asked: un-resampled ("none")
    ones come with their transform and the GPU samples them."""
    from matplotlib.figure import Figure
    from matplotlib.transforms import Affine2D

    def make():
        fig = Figure(figsize=(3, 3), dpi=80)
        ax = fig.add_subplot()
        z = np.add.outer(np.arange(8), np.arange(10) % 3).astype(float)
        im = ax.imshow(z, interpolation=interpolation, cmap="viridis", extent=(0, 10, 0, 8))
        im.set_transform(Affine2D().rotate_deg_around(5, 4, 25) + ax.transData)
        ax.set_xlim(-2, 12)
        ax.set_ylim(-2, 10)
        return fig

    agg, lumos = agg_and_lumos(make)
    assert rms(agg, lumos) <= RMS_TOL
