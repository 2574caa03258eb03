"""Collections in any transform to figure pixels (``transform=``, ``offset_transform=``):
blended data/axes, ``fig.transFigure``, ``offset_copy``, ``ScaledTranslation``,
``Affine2D() + ax.transData``; lumos's collections and matplotlib's added to lumos's
axes, against matplotlib's limits and pictures, before and after a zoom."""

from __future__ import annotations

import matplotlib
import matplotlib.collections as mcoll
import matplotlib.path as mpath
import matplotlib.transforms as mtransforms
import numpy as np
import pytest

import lumos.collections as lcoll
import lumos.pyplot as plt

matplotlib.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402

_COLORS = {"red": (255, 0, 0), "green": (0, 128, 0), "blue": (0, 0, 255),
           "orange": (255, 165, 0), "purple": (128, 0, 128), "magenta": (255, 0, 255)}


def _picture(fig) -> np.ndarray:
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)


def _mask(img, rgb) -> np.ndarray:
    return (np.abs(img - np.asarray(rgb)) < 40).all(axis=-1)


def _scene(pyplot, coll, move: bool):
    fig, ax = pyplot.subplots(figsize=(4, 3), dpi=80)
    ax.plot([0, 10], [0, 5], color="black", lw=0.5)
    seg = [[(0.1, 0.05), (0.9, 0.12)]]
    ax.add_collection(coll.LineCollection(seg, colors="red", linewidths=4,
                                          transform=ax.transAxes))
    ax.add_collection(coll.PolyCollection([[(6, 0.5), (9, 0.5), (12, 0.9)]],
                                          facecolors="green",
                                          transform=ax.get_xaxis_transform()))
    ax.add_collection(coll.PolyCollection(
        [[(1, 3), (3, 3), (2, 4.5)]], facecolors="blue",
        transform=mtransforms.offset_copy(ax.transData, fig=fig, x=10, y=-5, units="points")))
    ax.add_collection(coll.PolyCollection(
        [[(0, 0), (1, 0), (1, 1), (0, 1)]], facecolors="orange",
        transform=mtransforms.Affine2D().scale(3, 1).rotate_deg(10) + ax.transData))
    ax.add_collection(coll.LineCollection([[(0.3, 0.45), (0.6, 0.5)]], colors="purple",
                                          linewidths=4, transform=fig.transFigure))
    square = [(-6, -6), (6, -6), (6, 6), (-6, 6)]  # pixels, at offsets in data and axes
    ax.add_collection(coll.PolyCollection([square], offsets=[(5, 2), (7.5, 1.8)],
                                          facecolors="magenta",
                                          offset_transform=ax.transData,
                                          transform=mtransforms.IdentityTransform()))
    if move:  # the items follow the view (pan/zoom)
        ax.set_xlim(-1, 9)
        ax.set_ylim(0.5, 6)
    return fig, ax


@pytest.mark.parametrize("move", [False, True])
@pytest.mark.parametrize("kind", ["lumos", "matplotlib"])
def test_collections_in_other_transforms_as_matplotlib(kind, move):
    ours_fig, ours = _scene(plt, lcoll if kind == "lumos" else mcoll, move)
    theirs_fig, theirs = _scene(mplt, mcoll, move)
    # only data coordinates widen the limits: the green polygon's x reaches 12, the
    # orange square's corners 1.5 and the magenta offsets count; nothing else does
    assert ours.get_xlim() == pytest.approx(theirs.get_xlim(), abs=1e-9)
    assert ours.get_ylim() == pytest.approx(theirs.get_ylim(), abs=1e-9)
    a, b = _picture(ours_fig), _picture(theirs_fig)
    for name, rgb in _COLORS.items():
        # matplotlib snaps the 12-pixel squares to whole pixels (12x12 full color), lumos
        # does not (11x11 full color and an antialiased rim)
        _same_place(_mask(a, rgb), _mask(b, rgb), name, 0.2 if name == "magenta" else 0.1)


def _same_place(ours: np.ndarray, theirs: np.ndarray, name: str, size_tol: float = 0.1,
                off: float = 1.0, pieces: bool = False):
    """As many pixels of a color centred within ``off`` pixels of matplotlib's (a
    12-pixel square half a pixel off overlaps by 10% less: overlap says little);
    ``pieces``: each piece (markers of several sizes) near one of the other's."""
    from scipy import ndimage

    assert theirs.sum() > 40, name
    assert abs(int(ours.sum()) - int(theirs.sum())) < size_tol * theirs.sum(), name
    if not pieces:
        d = np.argwhere(ours).mean(0) - np.argwhere(theirs).mean(0)
        assert np.abs(d).max() < off, name
        return
    centres = []
    for mask in (ours, theirs):
        # pixels touching at a corner are one piece: a marker's corner pixel half a
        # pixel off may touch the rest of it only diagonally
        labels, n = ndimage.label(mask, np.ones((3, 3)))
        centres.append(np.array(ndimage.center_of_mass(mask, labels, range(1, n + 1))))
    a, b = centres
    gaps = np.abs(a[:, None, :] - b[None, :, :]).max(axis=-1)
    assert len(a) == len(b), name
    assert gaps.min(axis=1).max() < off and gaps.min(axis=0).max() < off, name


def _sized(pyplot):
    fig, ax = pyplot.subplots(figsize=(4, 3), dpi=80)
    ax.plot([0, 10], [0, 5], color="black", lw=0.5)
    ax.add_collection(mcoll.PathCollection(
        [mpath.Path.unit_regular_polygon(5)], sizes=[300, 600], facecolors="red",
        offsets=[(0.2, 0.8), (0.7, 0.3)], offset_transform=ax.transAxes,
        transform=mtransforms.IdentityTransform()))
    ax.add_collection(mcoll.CircleCollection([200], offsets=[(3, 0.5), (6, 0.2)],
                                             offset_transform=ax.get_xaxis_transform(),
                                             facecolors="green"))
    ax.add_collection(mcoll.EllipseCollection(
        [20, 30], [10, 10], [0, 45], units="points", offsets=[(2, 1), (8, 4)],
        offset_transform=mtransforms.offset_copy(ax.transData, fig=fig, x=10, y=10,
                                                 units="points"), facecolors="blue"))
    # offsets through the identity: pixels, which matplotlib's limits take as data
    ax.add_collection(mcoll.PolyCollection([[(0, 0), (4, 0), (2, 4)]], offsets=[(30, 30)],
                                           facecolors="orange"))
    return fig, ax


def test_sized_collections_at_offsets_in_other_transforms_as_matplotlib():
    ours_fig, ours = _sized(plt)
    theirs_fig, theirs = _sized(mplt)
    assert ours.get_xlim() == pytest.approx(theirs.get_xlim(), abs=1e-9)
    assert ours.get_ylim() == pytest.approx(theirs.get_ylim(), abs=1e-9)
    a, b = _picture(ours_fig), _picture(theirs_fig)
    for name in ("red", "green", "blue", "orange"):
        _same_place(_mask(a, _COLORS[name]), _mask(b, _COLORS[name]), name, 0.15)


def test_offset_transform_that_is_no_transform_is_a_type_error():
    fig, ax = plt.subplots()
    with pytest.raises(TypeError, match="transform"):
        ax.add_collection(lcoll.PolyCollection([[(0, 0), (1, 0), (0, 1)]], offsets=[(1, 1)],
                                               offset_transform="data"))


def _scatters(pyplot, move: bool):
    fig, ax = pyplot.subplots(figsize=(4, 3), dpi=80)
    ax.plot([0, 10], [0, 5], color="black", lw=0.5)
    ax.scatter([0.2, 0.5, 0.8], [0.8, 0.8, 0.8], s=[50, 150, 300], color="red",
               transform=ax.transAxes)
    ax.scatter([2, 5, 8], [0.6, 0.15, 0.3], s=100, color="green", marker="D",
               transform=ax.get_xaxis_transform())
    ax.scatter([0.2, 0.3], [0.6, 0.6], s=120, color="blue", marker="^",
               transform=fig.transFigure)
    ax.scatter([4, 6], [2, 3], s=80, color="orange",
               transform=mtransforms.offset_copy(ax.transData, fig=fig, x=15, y=0,
                                                 units="points"))
    # the only one that widens the limits: its transform ends in ax.transData
    ax.scatter([2, 3], [1.5, 2], s=80, color="magenta",
               transform=mtransforms.Affine2D().scale(2, 2) + ax.transData)
    if move:
        ax.set_xlim(-1, 9)
        ax.set_ylim(0.5, 6)
    return fig, ax


@pytest.mark.parametrize("move", [False, True])
def test_scatter_in_other_transforms_as_matplotlib(move):
    ours_fig, ours = _scatters(plt, move)
    theirs_fig, theirs = _scatters(mplt, move)
    assert ours.get_xlim() == pytest.approx(theirs.get_xlim(), abs=1e-9)
    assert ours.get_ylim() == pytest.approx(theirs.get_ylim(), abs=1e-9)
    a, b = _picture(ours_fig), _picture(theirs_fig)
    for name in ("red", "green", "blue", "orange", "magenta"):
        # Agg puts markers on whole pixels (its snapping), lumos where they fall
        _same_place(_mask(a, _COLORS[name]), _mask(b, _COLORS[name]), name, 0.15, 1.5,
                    pieces=True)


def test_scatter_with_transform_takes_one_edge_color():
    fig, ax = plt.subplots()
    with pytest.raises(TypeError, match="edgecolors"):
        ax.scatter([0.1, 0.2], [0.1, 0.2], edgecolors=["red", "blue"],
                   transform=ax.transAxes)
    sc = ax.scatter([0.1, 0.2], [0.1, 0.2], transform=ax.transAxes)
    assert sc.get_offset_transform() is ax.transAxes
    with pytest.raises(TypeError, match="edgecolors"):
        sc.set_edgecolor(["red", "blue"])
