"""What an image artist's matplotlib setters change in the picture: ``set_visible``
hides and shows ``imshow``'s image (and a NonUniformImage's, a BboxImage's), as it
hides matplotlib's; ``set_zorder`` moves it over or under a line."""

from __future__ import annotations

import numpy as np
import pytest

import lumos.pyplot as plt
from lumos.image import BboxImage, NonUniformImage
from lumos.plot.bbox import Bbox


def _image(ax, kind: str):
    data = np.zeros((2, 2))
    if kind == "imshow":
        return ax.imshow(data, cmap="gray", vmin=0, vmax=1, extent=(0, 1, 0, 1))
    if kind == "nonuniform":
        im = NonUniformImage(ax, cmap="gray")
        im.set_data([0.25, 0.75], [0.25, 0.75], data)
        im.set_clim(0, 1)
        return ax.add_image(im)
    im = BboxImage(Bbox.from_bounds(0, 0, 100, 100), data=data, cmap="gray")
    im.set_clim(0, 1)
    return ax.add_artist(im)


@pytest.mark.parametrize("kind", ["imshow", "nonuniform", "bbox"])
def test_set_visible_hides_and_shows_the_image(kind):
    fig, ax = plt.subplots(figsize=(1, 1), dpi=100)
    ax.set_axis_off()
    fig.subplots_adjust(0, 0, 1, 1)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    im = _image(ax, kind)
    assert fig.render()[50, 50, :3].max() == 0  # black
    im.set_visible(False)
    assert (fig.render()[..., :3] == 255).all()
    im.set_visible(True)
    assert fig.render()[50, 50, :3].max() == 0


def test_visible_false_at_imshow_draws_nothing():
    fig, ax = plt.subplots(figsize=(1, 1), dpi=100)
    ax.set_axis_off()
    ax.imshow(np.zeros((2, 2)), cmap="gray", vmin=0, vmax=1, visible=False)
    assert (fig.render()[..., :3] == 255).all()


def test_set_zorder_puts_the_image_over_a_line():
    fig, ax = plt.subplots(figsize=(1, 1), dpi=100)
    ax.set_axis_off()
    fig.subplots_adjust(0, 0, 1, 1)
    ax.axhline(0.5, color="r", lw=10, zorder=2)
    im = ax.imshow(np.zeros((2, 2)), cmap="gray", vmin=0, vmax=1, extent=(0, 1, 0, 1))
    assert tuple(fig.render()[50, 50, :3]) == (255, 0, 0)  # the line over the image
    im.set_zorder(3)
    assert tuple(fig.render()[50, 50, :3]) == (0, 0, 0)
