"""The axis (ticks, tick labels) draws at matplotlib's zorder: 1.5 with ``axisbelow``
'line' (over patches and images, under lines), 0.5 with True, 2.5 with False (with the
spines). Pixel colours where ticks pointing in or tick labels meet other artists,
compared with matplotlib's Agg."""

from __future__ import annotations

import io

import numpy as np
import pytest

import lumos.pyplot as lplt

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402


def _picture(plt, script) -> np.ndarray:
    from PIL import Image

    fig = script(plt)
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    return np.asarray(Image.open(buf).convert("RGB")).astype(int)


def _green(img):  # matplotlib's 'g', the ticks
    return np.abs(img - (0, 128, 0)).max(-1) <= 2


def _red(img):
    return (img[..., 0] > 200) & (img[..., 1] < 80) & (img[..., 2] < 80)


def _blue(img):
    return (img[..., 2] > 200) & (img[..., 0] < 80) & (img[..., 1] < 80)


def _ticks_in(below, artist):
    def script(plt):
        # long thick ticks inside, crossed by a line (zorder 2) or a span (zorder 1)
        fig, ax = plt.subplots(figsize=(3, 3), dpi=100)
        ax.set_axisbelow(below)
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.set_xticks([0.3, 0.7])
        ax.set_yticks([0.3, 0.7])
        ax.tick_params(direction="in", length=40, width=8, color="g")
        if artist == "line":
            ax.plot([-1, 2], [0.06, 0.06], color="r", lw=12)
        else:
            ax.axhspan(0.0, 0.1, color="b")
        return fig

    return script


@pytest.mark.parametrize(("below", "artist", "over"), [
    ("line", "line", False), (False, "line", True), ("line", "span", True),
    (True, "span", False)])
def test_ticks_pointing_in_keep_the_axis_zorder(below, artist, over):
    script = _ticks_in(below, artist)
    ours, theirs = _picture(lplt, script), _picture(mplt, script)
    colour = _red if artist == "line" else _blue
    cross = colour(theirs) | _green(theirs)
    # where the ticks cross the artist, matplotlib shows the ticks (over) or the artist
    rows, cols = np.nonzero(colour(theirs))
    shown = _green if over else colour
    want = shown(theirs) & cross
    assert want.sum() > 300
    assert shown(ours)[want].mean() > 0.97
    # the ticks' pixels on the artist's band (its spines aside): as many as matplotlib's
    band = np.zeros_like(cross)
    band[rows.min():rows.max() + 1, cols.min() + 10:cols.max() - 10] = True
    on = [int((_green(img) & band).sum()) for img in (theirs, ours)]
    assert (on[0] > 200) == over
    assert abs(on[1] - on[0]) <= 0.1 * max(on[0], 100)


def _line_over_ticklabels(plt):
    # an unclipped line (zorder 2) across big tick labels (the axis, 1.5): over them
    fig, ax = plt.subplots(figsize=(3, 3), dpi=100)
    fig.subplots_adjust(left=0.35)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_yticks([0.5], ["MMM"])
    ax.tick_params(labelsize=40, labelcolor="g")
    ax.plot([-0.6, 0.5], [0.5, 0.5], color="r", lw=10, clip_on=False)
    return fig


def test_an_unclipped_line_draws_over_the_tick_labels():
    ours, theirs = _picture(lplt, _line_over_ticklabels), _picture(mplt,
                                                                  _line_over_ticklabels)
    want = _red(theirs)
    assert want.sum() > 1000
    assert _red(ours)[want].mean() > 0.97
    assert _green(theirs).sum() > 300
    assert abs(int(_green(ours).sum()) - int(_green(theirs).sum())) <= \
        0.15 * _green(theirs).sum()


def _clipped_text_on_the_frame(direction):
    def script(plt):
        # a clipped text of zorder 2 (a red box) over the left spine (2.5, thick green)
        # and, pointing in, the ticks (1.5, blue): the spine over it, it over the ticks
        fig, ax = plt.subplots(figsize=(3, 3), dpi=100)
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.set_yticks([0.5])
        ax.tick_params(direction=direction, length=40, width=8, color="b")
        ax.spines["left"].set_linewidth(12)
        ax.spines["left"].set_color("g")
        ax.text(0.0, 0.5, "XXXX", fontsize=30, color="k", clip_on=True, zorder=2,
                bbox=dict(facecolor="r", edgecolor="r"), va="center")
        return fig

    return script


@pytest.mark.parametrize("direction", ["in", "out"])
def test_a_clipped_text_between_the_axis_and_the_spines(direction):
    script = _clipped_text_on_the_frame(direction)
    ours, theirs = _picture(lplt, script), _picture(mplt, script)
    for mask in (_green, _blue):  # the spine over the box, the ticks as matplotlib's
        want = mask(theirs)
        assert want.sum() > 200, mask.__name__
        assert mask(ours)[want].mean() > 0.97, mask.__name__
    # the box (its right end differs by the text's width, not the order's concern)
    assert _red(ours)[_red(theirs)].mean() > 0.85
    if direction == "in":  # the box covers the tick inside
        rows, cols = np.nonzero(_red(theirs))
        box = np.s_[rows.min():rows.max() + 1, cols.min() + 8:cols.max() + 1]
        assert not _blue(theirs[box]).any()
        assert _blue(ours[box]).sum() <= 10


def _text_over_the_line(plt):
    # ticks in under a line (the axis apart): a text anchored to data (zorder 3) stays
    # over the line
    fig = _ticks_in("line", "line")(plt)
    ax = fig.axes[0]
    ax.text(0.5, 0.06, "MMMM", fontsize=30, color="g", ha="center", va="center")
    return fig


def test_a_text_stays_over_the_line_when_the_ticks_lie_under_it():
    ours, theirs = _picture(lplt, _text_over_the_line), _picture(mplt, _text_over_the_line)
    rows, cols = np.nonzero(_red(theirs))
    band = np.s_[rows.min():rows.max() + 1, cols.min() + 10:cols.max() - 10]
    want = _green(theirs[band])  # the glyphs on the line
    assert want.sum() > 200
    assert _green(ours[band])[want].mean() > 0.8  # glyph edges differ by a pixel


def _data_between_the_spines_and_the_texts(clip_on):
    def script(plt):
        # spines 2.5 < line 2.7 < texts 3 < line 4: the texts over the first line,
        # under the second
        fig, ax = plt.subplots(figsize=(3, 3), dpi=100)
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.plot([0, 1], [0.3, 0.3], color="r", lw=20, zorder=2.7)
        ax.plot([0, 1], [0.7, 0.7], color="b", lw=20, zorder=4)
        for y in (0.3, 0.7):
            ax.text(0.5, y, "MMMM", fontsize=30, color="g", ha="center", va="center",
                    clip_on=clip_on)
        return fig

    return script


@pytest.mark.parametrize("clip_on", [False, True])
def test_texts_lie_over_data_under_their_zorder_and_under_data_above(clip_on):
    script = _data_between_the_spines_and_the_texts(clip_on)
    ours, theirs = _picture(lplt, script), _picture(mplt, script)
    for colour, shown in ((_red, True), (_blue, False)):
        rows, cols = np.nonzero(colour(theirs))
        band = np.s_[rows.min():rows.max() + 1, cols.min():cols.max() + 1]
        glyphs = _green(theirs[band])
        assert glyphs.any() == shown
        if shown:
            assert glyphs.sum() > 200
            assert _green(ours[band])[glyphs].mean() > 0.8  # glyph edges: a pixel
        else:
            assert _green(ours[band]).sum() < 20
            assert colour(ours[band])[colour(theirs[band])].mean() > 0.97


def _axisbelow_of_a_context(plt):
    # axes.axisbelow False (the 'classic' style's) when the axes is made, the default
    # ('line') when it is drawn: matplotlib keeps the first, the ticks over the line
    with plt.rc_context({"axes.axisbelow": False}):
        fig, ax = plt.subplots(figsize=(3, 3), dpi=100)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_xticks([0.3, 0.7])
    ax.set_yticks([0.3, 0.7])
    ax.tick_params(direction="in", length=40, width=8, color="g")
    ax.plot([-1, 2], [0.06, 0.06], color="r", lw=12)
    return fig


def test_the_axis_zorder_is_the_rc_of_when_the_axes_was_made():
    ours, theirs = _picture(lplt, _axisbelow_of_a_context), \
        _picture(mplt, _axisbelow_of_a_context)
    want = _green(theirs)  # the ticks, whole: over the line where they cross it
    line_rows = _red(theirs).any(axis=1)
    assert want.sum() > 300 and want[line_rows].sum() > 100  # across the line
    assert _green(ours)[want].mean() > 0.97
