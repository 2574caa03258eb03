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


GREEN = (0, 128, 0)  # matplotlib's 'g'


def _green(img):
    return np.abs(img - GREEN).max(-1) <= 2


def _red(img):
    return (img[..., 0] > 200) & (img[..., 1] < 80) & (img[..., 2] < 80)


def _legend_under_the_frame(plt):
    # legend 1 < line 2 < spines 2.5 < text 3: the line over the legend, the spines
    # over the line, the text over the legend
    fig, ax = plt.subplots(figsize=(3, 3), dpi=100)
    ax.plot([0, 1], [0.5, 0.5], color="r", lw=20)
    ax.plot([], [], color="b", label="entry")  # a handle the face hides
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.legend(loc="center", fontsize=20, facecolor="b", framealpha=1).set_zorder(1)
    ax.text(0.5, 0.6, "OVER", fontsize=30, color="y", ha="center")
    for s in ax.spines.values():
        s.set_linewidth(8)
        s.set_color("g")
    return fig


def _line_between_the_frame_and_the_legend(plt):
    # spines 2.5 < line 3 < legend 5: the line over the spines, the legend over the line
    fig, ax = plt.subplots(figsize=(3, 3), dpi=100)
    ax.plot([0, 1], [0.5, 0.5], color="r", lw=20, zorder=3, clip_on=False)
    ax.plot([], [], color="b", label="entry")  # a handle the face hides
    ax.set_xlim(0.2, 0.8)
    ax.set_ylim(0, 1)
    ax.legend(loc="center", fontsize=20, facecolor="b", edgecolor="b", framealpha=1)
    for s in ax.spines.values():
        s.set_linewidth(8)
        s.set_color("g")
    return fig


@pytest.mark.parametrize("script", [_legend_under_the_frame,
                                    _line_between_the_frame_and_the_legend])
def test_the_frame_and_the_legend_keep_matplotlibs_zorder_with_the_lines(script):
    ours, _ = _picture(lplt, script)
    theirs, _ = _picture(mplt, script)
    def blue(img):
        return (img[..., 2] > 200) & (img[..., 0] < 80)

    def yellow(img):  # the text's glyphs, their edges aside
        return np.abs(img - YELLOW).max(-1) <= 20

    # the spines', the line's and the legend face's pixels as matplotlib's (the
    # legend's box is a pixel or two smaller)
    for mask in (_green, _red, blue):
        want = mask(theirs)
        assert want.sum() > 200, mask.__name__
        assert mask(ours)[want].mean() > (0.9 if mask is blue else 0.97), mask.__name__
    # the text's glyphs on the legend's box (if any; glyph edges differ by a pixel)
    rows, cols = np.nonzero(blue(theirs))
    on_box = np.zeros_like(yellow(theirs))
    on_box[rows.min():rows.max() + 1, cols.min():cols.max() + 1] = True
    want = yellow(theirs) & on_box
    if want.any():
        assert want.sum() > 100
        assert yellow(ours)[want].mean() > 0.8


def _clipped_text(zorder):
    def script(plt):
        # the ticks inside (zorder 1.5, axisbelow 'line') over a clipped text's box of
        # zorder 1, under one of zorder 2
        fig, ax = plt.subplots(figsize=(3, 3), dpi=100)
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.tick_params(direction="in", length=30, width=6, color="g")
        ax.text(0.0, 0.5, "XXXXXX", fontsize=40, color="k", clip_on=True, zorder=zorder,
                bbox=dict(facecolor="r"), va="center")
        return fig

    return script


@pytest.mark.parametrize("zorder", [1, 2])
def test_a_clipped_text_under_the_axis_zorder_lies_under_the_ticks(zorder):
    ours, _ = _picture(lplt, _clipped_text(zorder))
    theirs, _ = _picture(mplt, _clipped_text(zorder))
    rows, cols = np.nonzero(_red(theirs))
    assert len(rows) > 2000
    box = np.s_[rows.min():rows.max() + 1, cols.min():cols.max() + 1]
    # the ticks' pixels on the text's box: matplotlib's two ticks at 0.4 and 0.6 over a
    # box of zorder 1, none over one of zorder 2; lumos's the same
    on_box = [int(_green(img[box]).sum()) for img in (theirs, ours)]
    assert (on_box[0] > 300) == (zorder == 1)
    assert abs(on_box[1] - on_box[0]) <= 0.1 * max(on_box[0], 100)
    assert _green(ours)[_green(theirs)].mean() > 0.97  # every tick as matplotlib's
