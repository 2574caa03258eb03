"""Insets made with ``ax.inset_axes`` are their parent's ``child_axes``, as in matplotlib:
not in ``fig.axes``/``fig.get_axes()``, never the current axes, found through the
parent's children; still drawn, saved, picked and removed with their parent."""

from __future__ import annotations

import numpy as np
import pytest

import lumos.pyplot as lplt

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402


def _two_with_inset(plt):
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(6, 3), dpi=50)
    inset = a1.inset_axes([0.5, 0.5, 0.4, 0.4])
    return fig, a1, a2, inset


def test_fig_axes_and_gca_as_in_matplotlib():
    theirs = _two_with_inset(mplt)
    ours = _two_with_inset(lplt)
    for fig, a1, a2, inset in (theirs, ours):
        assert fig.axes == [a1, a2]
        assert fig.get_axes() == [a1, a2]
        assert a1.child_axes == [inset]
        assert inset in a1.get_children()
    # the current axes stays the one made last before the inset, in both
    assert [mplt.gca() is a for a in theirs[1:3]] == [lplt.gca() is a for a in ours[1:3]]
    assert lplt.gca() is not ours[3]


def test_an_inset_cannot_be_made_current_nor_deleted_from_the_figure():
    for plt in (mplt, lplt):
        fig, _, _, inset = _two_with_inset(plt)
        with pytest.raises(ValueError):
            plt.sca(inset)
    with pytest.raises(ValueError, match="not in this figure"):  # matplotlib: KeyError
        fig.delaxes(inset)


def _blue_pixels(img) -> int:
    return int(((img[..., 2] > 150) & (img[..., 0] < 80) & (img[..., 1] < 80)).sum())


def test_an_inset_is_drawn_saved_and_picked(tmp_path):
    fig, ax = lplt.subplots(figsize=(4, 3), dpi=50)
    inset = ax.inset_axes([0.5, 0.5, 0.4, 0.4])
    line, = inset.plot([0, 1], [0, 1], color="blue", lw=3)
    assert _blue_pixels(fig.render()) > 50
    fig.savefig(tmp_path / "a.png")
    from PIL import Image

    assert _blue_pixels(np.asarray(Image.open(tmp_path / "a.png"))) > 50
    assert fig.axes_of(inset.view) is inset
    assert line in fig.findobj(lambda o: o is line)  # through the parent's children
    # the line's middle, in event pixels (from the top left)
    x, y = inset.transData.forward(np.array([0.5, 0.5]))
    hit = fig.pick(x, fig.canvas.size[1] - y, radius=3)
    assert hit is not None and hit[0] is line


def test_an_inset_goes_with_remove_and_with_its_parent():
    fig, ax = lplt.subplots(figsize=(4, 3), dpi=50)
    inset = ax.inset_axes([0.5, 0.5, 0.4, 0.4])
    inset.plot([0, 1], [0, 1], color="blue", lw=3)
    assert _blue_pixels(fig.render()) > 50
    inset.remove()
    assert ax.child_axes == [] and fig.axes == [ax] and fig.axes_list == [ax]
    assert _blue_pixels(fig.render()) == 0
    with pytest.raises(ValueError):
        inset.remove()  # removed already
    inset = ax.inset_axes([0.5, 0.5, 0.4, 0.4])
    inner = inset.inset_axes([0.1, 0.1, 0.3, 0.3])
    twin = inset.twinx()
    assert fig.axes == [ax, twin]  # matplotlib lists an inset's twin too
    fig.delaxes(ax)  # matplotlib would keep drawing that twin alone
    assert fig.axes == [] and fig.axes_list == []
    assert all(a not in fig.axes_list for a in (inset, inner, twin))


def test_plt_axes_of_an_inset_lists_it_and_makes_it_current():
    """``plt.axes(inset)`` is matplotlib's ``fig.add_axes(inset)``: the inset joins
    ``fig.axes`` (still its parent's child, drawn once) and is current; then ``sca``
    takes it."""
    for plt in (mplt, lplt):
        fig, a1, a2, inset = _two_with_inset(plt)
        assert plt.axes(inset) is inset
        assert plt.gca() is inset and fig.gca() is inset
        assert fig.axes == [a1, a2, inset] and a1.child_axes == [inset]
        plt.plot([0, 1], [0, 1])
        assert len(inset.lines) == 1 and not a1.lines and not a2.lines
        plt.sca(a2)
        plt.sca(inset)
        assert plt.gca() is inset
    assert lplt.gcf().axes_list.count(inset) == 1  # drawn once
    inset.remove()
    assert fig.axes == [a1, a2] and a1.child_axes == []
    with pytest.raises(TypeError, match="facecolor"):
        lplt.axes(a1, facecolor="r")
