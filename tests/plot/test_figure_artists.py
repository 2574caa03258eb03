"""``fig.add_artist(matplotlib Line2D)``: lines on the figure itself, where matplotlib
draws them (gallery fig_x.py)."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest

import lumos.pyplot as plt

matplotlib.use("Agg")
import matplotlib.lines as mlines  # noqa: E402
import matplotlib.pyplot as mplt  # noqa: E402
import matplotlib.transforms as mtransforms  # noqa: E402


def _picture(mod, move=False):
    fig = mod.figure(figsize=(3, 2), dpi=80)
    fig.add_artist(mlines.Line2D([0, 1], [0.47, 0.47], linewidth=3, color="red"))
    fig.add_artist(mlines.Line2D([0.5, 0.5], [1, 0], linewidth=2, color="blue", ls="--"))
    pixels = mlines.Line2D([10, 60], [10, 10], lw=4, color="red",
                           transform=mtransforms.IdentityTransform())
    kept = fig.add_artist(pixels)
    if move:
        pixels.set_ydata([30, 30])  # read from the line when drawn
        if mod is plt:
            assert kept.line is pixels
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)


def _near(a, b) -> float:
    grown = b.copy()
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            grown |= np.roll(b, (dy, dx), axis=(0, 1))
    return (a & grown).sum() / max(a.sum(), 1)


@pytest.mark.parametrize("move", [False, True])
def test_figure_lines_as_matplotlib(move):
    ours, theirs = _picture(plt, move), _picture(mplt, move)
    for channel in (0, 2):  # red, blue
        a = (ours[..., channel] > 150) & (ours.sum(axis=2) < 450)
        b = (theirs[..., channel] > 150) & (theirs.sum(axis=2) < 450)
        assert b.sum() > 100
        # within a pixel of matplotlib's (Agg snaps lines to whole pixels), as many
        assert _near(a, b) > 0.97 and _near(b, a) > 0.97, channel
        assert abs(int(a.sum()) - int(b.sum())) < 0.15 * b.sum(), channel


def test_figure_add_artist_refusals():
    fig = plt.figure()
    with pytest.raises(TypeError, match="Line2D"):
        fig.add_artist(object())
    with pytest.raises(TypeError, match="marker"):
        fig.add_artist(mlines.Line2D([0, 1], [0, 1], marker="o"))
    with pytest.raises(TypeError, match="clip"):
        fig.add_artist(mlines.Line2D([0, 1], [0, 1]), clip=True)
    kept = fig.add_artist(mlines.Line2D([0, 1], [0, 1]))
    kept.remove()
    assert fig.figure_lines == []
    fig.render()  # NaN-free, nothing to draw: no crash


def test_figure_texts_and_suplabels_remove():
    """``remove()`` of ``fig.text``, ``suptitle``, the sup-labels and a subfigure's text
    takes them off the figure, as matplotlib's (it raised an AttributeError)."""

    def pixels(fig):
        fig.canvas.draw()
        return np.asarray(fig.canvas.buffer_rgba()).copy()

    blank = plt.figure(figsize=(3, 2))
    fig = plt.figure(figsize=(3, 2))
    texts = [fig.text(0.5, 0.5, "text"), fig.suptitle("title"), fig.supxlabel("x"),
             fig.supylabel("y")]
    sub = fig.subfigures(1, 2)[1]
    texts.append(sub.text(0.2, 0.2, "in a subfigure"))
    assert not np.array_equal(pixels(fig), pixels(blank))
    for t in texts:
        t.remove()
    assert fig.texts == [] and sub.texts == []
    assert np.array_equal(pixels(fig), pixels(blank))
    assert fig.suptitle("again").get_text() == "again"  # a new one can be made
    plt.close("all")
