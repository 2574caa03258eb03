"""Axes draw whole, one after another, as in matplotlib: what an axes draws beyond its
box (a text, tick labels, a legend outside) lies under a later axes over which it
reaches, covered by that axes' background. Pixel colours in the overlap compared with
matplotlib's Agg."""

from __future__ import annotations

import io

import numpy as np
import pytest

import lumos.pyplot as lplt

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402

YELLOW = (191, 191, 0)  # matplotlib's 'y'


def _picture(plt, script) -> tuple[np.ndarray, tuple]:
    """The RGB picture of ``script(plt)`` and the later axes' box (pixel columns and
    rows, from the top)."""
    from PIL import Image

    fig = script(plt)
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    x0, y0, w, h = fig.axes[-1].get_position().bounds  # figure fractions
    plt.close(fig)
    img = np.asarray(Image.open(buf).convert("RGB")).astype(int)
    H, W = img.shape[:2]
    return img, (round(x0 * W), round((x0 + w) * W), round((1 - y0 - h) * H),
                 round((1 - y0) * H))


def _spilling_text(plt):
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(4, 3), dpi=100)
    a1.text(0.5, 0.5, "SPILLING OVER", fontsize=30, color="r", transform=a1.transAxes)
    a2.set_facecolor("y")
    return fig


def _spilling_ticklabels(plt):
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(4, 3), dpi=100)
    a1.yaxis.tick_right()
    a1.set_yticks([0.5], ["WIDE LABEL"])
    a1.tick_params(labelsize=30, labelcolor="r")
    a2.set_facecolor("y")
    return fig


def _legend_outside(plt):
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(4, 3), dpi=100)
    a1.plot([0, 1], [0, 1], color="r", lw=8, label="a long label")
    a1.legend(loc="center left", bbox_to_anchor=(0.6, 0.5), fontsize=20, facecolor="r",
              framealpha=1)
    a2.set_facecolor("y")
    return fig


@pytest.mark.parametrize("script", [_spilling_text, _spilling_ticklabels, _legend_outside])
def test_a_later_axes_covers_what_an_earlier_one_draws_over_it(script):
    ours, (c0, c1, r0, r1) = _picture(lplt, script)
    theirs, box = _picture(mplt, script)
    assert box == (c0, c1, r0, r1)
    # inside the later axes, clear of its spines: its background, as matplotlib's
    inside = np.s_[r0 + 4:r1 - 4, c0 + 4:c0 + 60]
    assert (np.abs(theirs[inside] - YELLOW).max(-1) <= 2).all()
    assert np.abs(ours[inside] - theirs[inside]).max() <= 2
    # what reaches over stays drawn outside the later axes (red there)
    left = np.s_[r0:r1, c0 - 40:c0 - 4]
    red = (ours[left][..., 0] > 200) & (ours[left][..., 1] < 80)
    assert red.sum() > 20


def test_neighbours_whose_decorations_stay_apart_share_one_overlay():
    fig, axs = lplt.subplots(2, 2)
    for ax in axs.flat:
        ax.plot([0, 1], [0, 1], label="a")
        ax.set_title("title")
        ax.legend()
    fig.render()
    assert [v for v in fig.canvas.views if not v.interactive] == [fig.overlay.view]
    axs[0, 0].set_xlabel("LABEL", fontsize=60)  # now over the axes below it
    fig.render()
    overlays = [v for v in fig.canvas.views if not v.interactive]
    assert len(overlays) == 2
    views = fig.canvas.views
    assert views.index(axs[0, 0].view) < views.index(overlays[0]) < \
        views.index(axs[1, 0].view)
    lplt.close(fig)


def _clipped_text_under_legend(plt):
    fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
    ax.plot([0, 1], [0, 1], color="b", label="legend label")
    ax.legend(loc="upper left", fontsize=20, facecolor="y", framealpha=1)
    ax.text(0.05, 0.68, "CLIPPED", fontsize=30, color="r", clip_on=True,
            transform=ax.transAxes)
    return fig


def test_the_legend_draws_over_the_axes_clipped_texts():
    # matplotlib: a text's zorder 3 under the legend's 5, clip_on or not
    ours, (c0, c1, r0, r1) = _picture(lplt, _clipped_text_under_legend)
    theirs, _ = _picture(mplt, _clipped_text_under_legend)
    red_ours = (ours[..., 0] > 200) & (ours[..., 1] < 80) & (ours[..., 2] < 80)
    red_theirs = (theirs[..., 0] > 200) & (theirs[..., 1] < 80) & (theirs[..., 2] < 80)
    assert red_theirs.sum() > 20  # the text shows around the legend
    assert abs(int(red_ours.sum()) - int(red_theirs.sum())) <= 0.2 * red_theirs.sum()
    # inside the legend's frame: its face, as matplotlib's
    face = (np.abs(theirs - YELLOW).max(-1) <= 2)
    assert face.sum() > 500
    assert red_ours[face].sum() == 0


def _line_over_legend(plt):
    fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
    ax.plot([0, 1], [1, 1], color="r", lw=30, zorder=6, label="over the legend")
    ax.plot([0, 1], [0.2, 0.2], color="b", lw=30, label="under it")
    ax.set_ylim(0, 1.2)
    ax.legend(loc="upper left", fontsize=20, facecolor="y", framealpha=1)
    return fig


def _legend_under_lines(plt):
    fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
    ax.plot([0, 1], [0.2, 0.2], color="r", lw=30, label="a line over it")
    ax.set_ylim(0, 1.2)
    ax.legend(loc="lower left", fontsize=20, facecolor="y", framealpha=1).set_zorder(1)
    return fig


@pytest.mark.parametrize("script", [_line_over_legend, _legend_under_lines])
def test_artists_above_the_legends_zorder_draw_over_it(script):
    # matplotlib: the legend's zorder 5 (or what set_zorder gave) among the artists'
    ours, _ = _picture(lplt, script)
    theirs, _ = _picture(mplt, script)

    def red(img):
        return (img[..., 0] > 200) & (img[..., 1] < 80) & (img[..., 2] < 80)

    assert red(theirs).sum() > 1000
    # where matplotlib shows the red line, lumos does (not the legend's face)
    assert red(ours)[red(theirs)].mean() > 0.9  # 0.31 with the legend over the line
