"""BboxImage (matplotlib.image's name): an image stretched over a box in display
pixels, a Bbox or a callable giving one (a text's window extent), added with
``ax.add_artist``; matplotlib's class added to lumos axes draws the same (gallery
demo_bboximage.py's first panel)."""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib
import numpy as np
import pytest

import lumos.pyplot as plt
from lumos.image import BboxImage
from lumos.plot.bbox import Bbox

sys.path.insert(0, str(Path(__file__).resolve().parent / "io"))
from test_vector_gallery import pdftoppm  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402
from matplotlib.image import BboxImage as MplBboxImage  # noqa: E402
from matplotlib.transforms import Bbox as MplBbox  # noqa: E402

RAMP = np.arange(256).reshape((1, -1))


def _picture(p, fig) -> np.ndarray:
    if p is mplt:
        fig.canvas.draw()
        return np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)
    return fig.render()[..., :3].astype(int)


def _scene(p, move_text=False):
    """demo_bboximage.py's panels: a ramp in a text's box, and ramps in boxes of the
    axes' box (a callable: the box is known after the layout)."""
    fig, (ax1, ax2) = p.subplots(ncols=2, figsize=(6, 3), dpi=100)
    txt = ax1.text(0.5, 0.5, "test", size=30, ha="center", color="w")
    ax1.add_artist(MplBboxImage(txt.get_window_extent, data=RAMP))
    for i, (name, origin) in enumerate([("viridis", "upper"), ("RdBu", "lower")]):
        def box(renderer, i=i):
            x0, y0, w, h = ax2.get_window_extent().bounds
            return MplBbox.from_bounds(x0 + 0.1 * w, y0 + h * (0.6 - 0.4 * i), 0.8 * w,
                                       0.3 * h)
        ax2.add_artist(MplBboxImage(box, cmap=name, origin=origin,
                                    data=RAMP.reshape(16, 16), interpolation="nearest"))
    if move_text:
        _picture(p, fig)
        txt.set_position((0.3, 0.2))
    return fig


@pytest.mark.parametrize("move_text", [False, True])
def test_picture_as_matplotlibs(move_text):
    ours = _picture(plt, _scene(plt, move_text))
    theirs = _picture(mplt, _scene(mplt, move_text))
    d = np.abs(ours - theirs)
    assert d.mean() < 1.0, d.mean()
    assert (d.max(axis=2) > 32).mean() < 0.01


def test_lumos_bboximage_in_display_pixels(tmp_path):
    fig, ax = plt.subplots(figsize=(3, 2), dpi=100)
    ax.set_axis_off()
    im = BboxImage(Bbox.from_bounds(100, 50, 100, 60), data=[[0.0, 1.0]], cmap="gray",
                   interpolation="nearest")
    assert ax.add_artist(im) is im and im in ax.images
    assert ax.get_xlim() == (0.0, 1.0)  # in pixels, not in the data: no new limits
    png = _picture(plt, fig)
    # rows 90..149 from the top, columns 100..199: black on the left, white on the right
    assert (png[95:145, 105:145] == 0).all() and (png[95:145, 155:195] == 255).all()
    assert (png[:85] == 255).all() and (png[155:] == 255).all()
    fig.savefig(tmp_path / "b.pdf")
    pdf = pdftoppm(tmp_path / "b.pdf", 100)[..., :3].astype(int)
    assert np.abs(pdf - png).mean() < 1.0


def test_bad_input():
    with pytest.raises(TypeError, match="bbox: got 5, expected a Bbox in display pixels"):
        BboxImage(5)
    with pytest.raises(ValueError, match=r"X: got shape \(2, 2, 2\)"):
        BboxImage(Bbox.unit(), data=np.zeros((2, 2, 2)))
    fig, ax = plt.subplots()
    im = BboxImage(Bbox.unit(), data=RAMP)
    ax.add_artist(im)
    with pytest.raises(ValueError, match="already in axes"):
        ax.add_artist(im)


def test_data_given_later_sets_the_color_limits():
    fig, ax = plt.subplots()
    im = BboxImage(Bbox.from_bounds(10, 10, 100, 100))
    ax.add_artist(im)
    fig.render()  # nothing to see yet
    im.set_data(np.array([[2.0, 5.0]]))
    assert im.get_clim() == (2.0, 5.0)
    fig.render()


def test_a_box_in_data_coordinates_follows_the_view():
    # matplotlib: TransformedBbox(Bbox, ax.transData); lumos: a callable transforming
    # the box at each frame (matplotlib's TransformedBbox takes matplotlib transforms)
    box = [[1.0, 1.0], [3.0, 2.0]]
    pictures = []
    for p in (mplt, plt):
        fig, ax = p.subplots(figsize=(3, 2), dpi=100)
        ax.set_axis_off()
        fig.subplots_adjust(0, 0, 1, 1)
        if p is mplt:
            from matplotlib.transforms import TransformedBbox

            bbox = TransformedBbox(MplBbox(box), ax.transData)
            ax.add_artist(MplBboxImage(bbox, data=RAMP, cmap="viridis"))
        else:
            ax.add_artist(BboxImage(lambda renderer, ax=ax: Bbox(box).transformed(ax.transData),
                                    data=RAMP, cmap="viridis"))
        ax.set_xlim(0, 4)
        ax.set_ylim(0, 3)
        _picture(p, fig)
        ax.set_xlim(0.5, 3.5)  # a pan after the first picture: the image follows
        pictures.append(_picture(p, fig))
    d = np.abs(pictures[0] - pictures[1])
    assert d.mean() < 1.0 and (d.max(axis=2) > 32).mean() < 0.01
