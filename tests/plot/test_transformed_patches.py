"""Patches in any transform to figure pixels (users_explain transforms_tutorial):
``blended_transform_factory(ax.transData, ax.transAxes)``, ``ax.get_xaxis_transform()``,
``fig.dpi_scale_trans``, ``ScaledTranslation``; lumos's patches and matplotlib's added to
lumos's axes, against matplotlib's limits and pictures, before and after a zoom."""

from __future__ import annotations

import matplotlib
import matplotlib.patches as mpatches
import matplotlib.transforms as mtransforms
import numpy as np
import pytest

import lumos.patches as lpatches
import lumos.pyplot as plt
import lumos.transforms as ltransforms

matplotlib.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402


def _picture(fig) -> np.ndarray:
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)


def _mask(img, rgb) -> np.ndarray:
    return (np.abs(img - np.asarray(rgb)) < 40).all(axis=-1)


_COLORS = {"red": (255, 0, 0), "green": (0, 128, 0), "blue": (0, 0, 255),
           "orange": (255, 165, 0)}


def _scene(pyplot, patches, transforms, move: bool):
    fig, ax = pyplot.subplots(figsize=(4, 3), dpi=80)
    ax.plot([0, 10], [0, 5], color="black")
    blend = transforms.blended_transform_factory(ax.transData, ax.transAxes)
    ax.add_patch(patches.Rectangle((2, 0.1), 2, 0.3, transform=blend, color="orange"))
    ax.add_patch(patches.Polygon([[6, 0.9], [8, 0.6], [12, 0.95]],
                                 transform=ax.get_xaxis_transform(), color="red"))
    ax.add_patch(patches.Ellipse((0.2, 3), 0.2, 0.5, transform=ax.get_yaxis_transform(),
                                 color="green"))
    ax.add_patch(patches.Circle((2.5, 1.5), 0.3, transform=fig.dpi_scale_trans,
                                color="blue"))
    if move:  # the shapes follow the view (pan/zoom)
        ax.set_xlim(-1, 8)
        ax.set_ylim(1, 6)
    return fig, ax


@pytest.mark.parametrize("move", [False, True])
@pytest.mark.parametrize("kind", ["lumos", "matplotlib"])
def test_patches_in_other_transforms_as_matplotlib(kind, move):
    patches = lpatches if kind == "lumos" else mpatches
    transforms = ltransforms if kind == "lumos" else mtransforms
    ours_fig, ours = _scene(plt, patches, transforms, move)
    theirs_fig, theirs = _scene(mplt, mpatches, mtransforms, move)
    # only the data coordinates widen the limits (the polygon's x reaches 12, its y
    # and the others' are not data)
    assert ours.get_xlim() == pytest.approx(theirs.get_xlim(), abs=1e-9)
    assert ours.get_ylim() == pytest.approx(theirs.get_ylim(), abs=1e-9)
    a, b = _picture(ours_fig), _picture(theirs_fig)
    for name, rgb in _COLORS.items():
        ma, mb = _mask(a, rgb), _mask(b, rgb)
        assert mb.sum() > 100, name
        assert (ma & mb).sum() > 0.95 * mb.sum(), name
        assert abs(int(ma.sum()) - int(mb.sum())) < 0.05 * mb.sum(), name


def test_scaled_translation_and_offset_as_matplotlib():
    """transforms_tutorial: an ellipse sized in inches at a data point, and a shadow
    offset in points from data (``offset_copy``)."""
    def scene(pyplot):
        fig, ax = pyplot.subplots(figsize=(4, 3), dpi=80)
        ax.plot([0, 1], [0, 1], color="black")
        trans = fig.dpi_scale_trans + mtransforms.ScaledTranslation(0.3, 0.6, ax.transData)
        ax.add_patch(mpatches.Ellipse((0, 0), 1.0, 0.5, angle=40, color="red",
                                      transform=trans))
        shadow = mtransforms.offset_copy(ax.transData, fig=fig, x=8, y=-8, units="points")
        ax.add_patch(mpatches.Rectangle((0.6, 0.2), 0.2, 0.2, color="blue",
                                        transform=shadow))
        return fig, ax

    (ours_fig, ours), (theirs_fig, theirs) = scene(plt), scene(mplt)
    assert ours.get_xlim() == pytest.approx(theirs.get_xlim(), abs=1e-9)
    a, b = _picture(ours_fig), _picture(theirs_fig)
    for rgb in (_COLORS["red"], _COLORS["blue"]):
        ma, mb = _mask(a, rgb), _mask(b, rgb)
        assert mb.sum() > 100
        assert (ma & mb).sum() > 0.95 * mb.sum()


def test_patch_transform_refusals_and_page():
    fig, ax = plt.subplots()
    with pytest.raises(TypeError, match="transform"):
        ax.add_patch(lpatches.Circle((0, 0), 1, transform=object()))
    pax = fig.add_subplot(2, 2, 4, projection="polar")
    with pytest.raises(TypeError, match="rectilinear"):
        pax.add_patch(lpatches.Circle((0, 0), 1, transform=pax.get_xaxis_transform()))
    r = ax.add_patch(lpatches.Rectangle((0, 0), 1, 1, transform=ax.get_xaxis_transform()))
    assert r.get_transform() is not None
    # a page moves the camera alone: it shows such a patch as exported and says so
    assert r.visuals()[0].follow["kind"] == "frozen"
    r.set_transform(ax.transData)
    assert r.visuals()[0].follow is None
    line, = ax.plot([0, 1], [0, 1], transform=ax.get_xaxis_transform())
    fig.canvas.draw()
    assert [v.follow["kind"] for v in line.visuals()] == ["frozen", "frozen"]


def _lines_scene(pyplot, kind: str, move: bool):
    import matplotlib.lines as mlines

    fig, ax = pyplot.subplots(figsize=(4, 3), dpi=80)
    ax.plot([0, 1], [0, 1], color="black")
    lines = [([3, 5], [0.2, 0.8], mtransforms.blended_transform_factory(ax.transData,
                                                                         ax.transAxes)),
             ([0.1, 0.4], [-4, 2], ax.get_yaxis_transform()),
             ([0.9, 0.6], [0.1, 0.9], ax.transAxes)]
    for (x, y, t), color in zip(lines, ("red", "green", "blue"), strict=True):
        if kind == "plot":
            ax.plot(x, y, transform=t, color=color, lw=5)
        else:
            ax.add_line(mlines.Line2D(x, y, transform=t, color=color, lw=5))
    ax.autoscale_view()
    if move:
        ax.set_xlim(-1, 4)
        ax.set_ylim(-2, 3)
    return fig, ax


@pytest.mark.parametrize("move", [False, True])
@pytest.mark.parametrize("kind", ["plot", "add_line"])
def test_lines_in_other_transforms_as_matplotlib(kind, move):
    """Lines widen the limits by their data coordinates only (matplotlib's
    ``_update_line_limits``), and are drawn where matplotlib draws them."""
    ours_fig, ours = _lines_scene(plt, kind, move)
    theirs_fig, theirs = _lines_scene(mplt, kind, move)
    assert ours.get_xlim() == pytest.approx(theirs.get_xlim(), abs=1e-9)
    assert ours.get_ylim() == pytest.approx(theirs.get_ylim(), abs=1e-9)
    a, b = _picture(ours_fig), _picture(theirs_fig)
    for name in ("red", "green", "blue"):
        ma, mb = _mask(a, _COLORS[name]), _mask(b, _COLORS[name])
        assert mb.sum() > 50, name
        assert (ma & mb).sum() > 0.85 * mb.sum(), name
