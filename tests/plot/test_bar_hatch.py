"""bar/barh/hist take matplotlib's ``hatch`` (one for all bars or one per bar), drawn over
the faces in the edge color (``patch.edgecolor`` where the edge is invisible), and
``Rectangle.set_hatch`` changes one bar."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest

import lumos

matplotlib.use("Agg")


def bar_pixels(img, ax, x0, x1, y0, y1) -> np.ndarray:
    """RGB pixels strictly inside the data rectangle (edges left out)."""
    (fx0, fy0), (fx1, fy1) = ax.to_pixels(x0, y0), ax.to_pixels(x1, y1)
    h = img.shape[0]
    r0, r1 = int(h - max(fy0, fy1)) + 3, int(h - min(fy0, fy1)) - 3
    c0, c1 = int(min(fx0, fx1)) + 3, int(max(fx0, fx1)) - 3
    return img[r0:r1, c0:c1, :3].reshape(-1, 3).astype(int)


def dark_share(pixels) -> float:
    return float((pixels.max(axis=1) < 128).mean())


def mpl_dark_share(**kwargs) -> float:
    import matplotlib.pyplot as mplt

    fig, ax = mplt.subplots(figsize=(3, 3), dpi=100)
    ax.bar([0], [1], width=1, **kwargs)
    ax.set_xlim(-1, 1)
    ax.set_ylim(-0.5, 1.5)
    fig.canvas.draw()
    img = np.asarray(fig.canvas.buffer_rgba())
    t = ax.transData
    (x0, y0), (x1, y1) = t.transform([(-0.5, 0), (0.5, 1)])
    h = img.shape[0]
    pixels = img[int(h - y1) + 3:int(h - y0) - 3, int(x0) + 3:int(x1) - 3, :3]
    mplt.close(fig)
    return dark_share(pixels.reshape(-1, 3).astype(int))


def lumos_bar(**kwargs):
    fig, ax = lumos.subplots(figsize=(3, 3), dpi=100)
    bars = ax.bar([0], [1], width=1, **kwargs)
    ax.set_xlim(-1, 1)
    ax.set_ylim(-0.5, 1.5)
    return fig, ax, bars


@pytest.mark.parametrize("hatch", ["//", "x", "o", "-"])
def test_hatched_bar_covers_as_much_as_matplotlibs(hatch):
    fig, ax, _ = lumos_bar(hatch=hatch, color="white", edgecolor="black")
    ours = dark_share(bar_pixels(fig.render(), ax, -0.5, 0.5, 0, 1))
    theirs = mpl_dark_share(hatch=hatch, color="white", edgecolor="black")
    assert ours > 0.03  # the hatch is drawn
    assert ours == pytest.approx(theirs, rel=0.25)


def test_hatch_color_is_the_edge_color_else_black():
    fig, ax, _ = lumos_bar(hatch="//", color="white", edgecolor=(1, 0, 0))
    px = bar_pixels(fig.render(), ax, -0.5, 0.5, 0, 1)
    reds = (px[:, 0] > 200) & (px[:, 1] < 80) & (px[:, 2] < 80)
    assert reds.mean() > 0.03
    fig, ax, _ = lumos_bar(hatch="//", color="white", alpha=0.5)  # no edge: black, opaque
    px = bar_pixels(fig.render(), ax, -0.5, 0.5, 0, 1)
    assert (px.max(axis=1) < 60).mean() > 0.03


def test_hatch_per_bar_and_set_hatch():
    fig, ax = lumos.subplots(figsize=(3, 3), dpi=100)
    bars = ax.bar([0, 1, 2], [1, 1, 1], width=0.8, color="white", hatch=["//", None])
    ax.set_xlim(-0.5, 2.5)
    ax.set_ylim(0, 1.2)
    assert [b.get_hatch() for b in bars] == ["//", None, "//"]  # cycled as matplotlib
    img = fig.render()
    shares = [dark_share(bar_pixels(img, ax, i - 0.4, i + 0.4, 0, 1)) for i in range(3)]
    assert shares[0] > 0.03 and shares[2] > 0.03 and shares[1] == 0.0
    bars[1].set_hatch("x")
    bars[0].set_hatch(None)
    img = fig.render()
    shares = [dark_share(bar_pixels(img, ax, i - 0.4, i + 0.4, 0, 1)) for i in range(3)]
    assert shares[0] == 0.0 and shares[1] > 0.03


def test_hist_bars_take_a_hatch_and_steps_say_they_do_not():
    fig, ax = lumos.subplots()
    _, _, bars = ax.hist([1, 2, 2, 3, 3, 3], bins=3, hatch="/")
    assert all(b.get_hatch() == "/" for b in bars)
    with pytest.raises(TypeError, match="hatch"):
        ax.hist([1, 2, 3], histtype="step", hatch="/")


def test_bad_hatch_is_named():
    fig, ax = lumos.subplots()
    with pytest.raises(ValueError, match="hatch"):
        ax.bar([0], [1], hatch="q")
    with pytest.raises(TypeError, match="hatch"):
        ax.bar([0], [1], hatch=[3])


@pytest.mark.parametrize("per_bar", [False, True])
def test_legend_patch_of_a_hatched_bar_is_hatched(per_bar):
    def dark_in_legend(hatch):
        fig, ax = lumos.subplots(figsize=(3, 2), dpi=100)
        label = ["l"] if per_bar else "l"
        ax.bar([0], [1], color="white", hatch=hatch, label=label)
        ax.set_xlim(10, 11)  # the bar out of view: only the legend draws
        ax.legend(loc="center", fontsize=20)
        img = fig.render()[..., :3].astype(int)
        return int((img.max(axis=-1) < 100).sum())

    plain, hatched = dark_in_legend(None), dark_in_legend("//")
    assert hatched > plain + 30


def test_legend_patch_of_a_hatched_wedge_is_hatched():
    def dark_in_legend(hatch):
        fig, ax = lumos.subplots(figsize=(3, 2), dpi=100)
        ax.pie([1], colors=["white"], hatch=hatch, labels=["l"], labeldistance=None)
        ax.set_xlim(10, 11)
        ax.legend(loc="center", fontsize=20)
        img = fig.render()[..., :3].astype(int)
        return int((img.max(axis=-1) < 100).sum())

    assert dark_in_legend("//") > dark_in_legend(None) + 30
