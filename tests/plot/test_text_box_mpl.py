"""The text box against matplotlib 3.11's (``Text._get_layout``): a line is as tall as
the font's typographic ascent and descent (1 em for DejaVu), more where its ink or math
reaches further; several lines add half the line gap above and below. The old rule
(the font's hhea ascender to descender, 1.164 em) put top-aligned text 2.3 px lower at
10 pt and fails these comparisons."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest

import lumos.pyplot as plt
from lumos.plot import text as textmod

matplotlib.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402

TEXTS = ["Hello", "1.0", "lp", "Hg\nHg", "a\nb\nc", "Ag\nlong line\nx", "$x$"]
VAS = ["baseline", "top", "center", "bottom", "center_baseline"]


def _extents(plt_module, cases) -> np.ndarray:
    fig = plt_module.figure(figsize=(4, 3), dpi=100)
    out = []
    for s, size, va, ha, rot in cases:
        t = fig.text(0.5, 0.5, s, fontsize=size, va=va, ha=ha, rotation=rot)
        out.append(t.get_window_extent().extents)
    plt_module.close(fig)
    return np.array(out)


@pytest.mark.parametrize("size", [8, 10, 14, 20])
def test_window_extent_vertical_matches_matplotlib(size):
    """Top and bottom of 1-3 line texts, each va, two ha, upright: within 0.6 px of
    matplotlib (hinting moves its ink by up to half a pixel); rotated by 90 degrees the
    box's height becomes its width, within 0.6 px too."""
    cases = [(s, size, va, ha, 0) for s in TEXTS for va in VAS for ha in ("left", "center")]
    ours, theirs = _extents(plt, cases), _extents(mplt, cases)
    np.testing.assert_allclose(ours[:, [1, 3]], theirs[:, [1, 3]], atol=0.6)
    sideways = [(s, size, va, "left", 90) for s in TEXTS for va in VAS]
    ours, theirs = _extents(plt, sideways), _extents(mplt, sideways)
    np.testing.assert_allclose(ours[:, 2] - ours[:, 0], theirs[:, 2] - theirs[:, 0], atol=0.6)


def test_one_line_is_one_em_and_lines_are_spaced_by_the_line_gap():
    """DejaVu Sans: OS/2 ascent 1556, descent 492, gap 410 of 2048 units per em."""
    em = 20.0
    w, h, d = textmod.measure("1.0", em)
    assert h == pytest.approx(em) and d == pytest.approx(em * 492 / 2048)
    _, h3, d3 = textmod.measure("1\n2\n3", em)
    # 'normal' (matplotlib 3.11): each line ascent + descent + gap high, gap/2 above
    # and below
    assert h3 == pytest.approx(3 * em * (1556 + 492 + 410) / 2048)
    assert d3 == pytest.approx(em * (492 + 205) / 2048)


def test_center_baseline_is_half_way_from_top_to_baseline():
    """va='center_baseline' (matplotlib's y tick labels) puts the anchor half-way down
    from the box top to the baseline: the baseline sits ascent/2 below the anchor."""
    em = 100 / 72 * 10
    x, y, ha, va = textmod.place("12", 50.0, 50.0, em, "right", "center_baseline", 0.0)
    assert (x, ha, va) == (50.0, "right", "baseline")
    assert y == pytest.approx(50.0 - em * 1556 / 2048 / 2)


def _ink_rows(plt_module, tmp_path, name) -> np.ndarray:
    """How many rows under its start edge a quarter-circle sector's r labels have ink."""
    fig = plt_module.figure(figsize=(3, 3), dpi=100)
    ax = fig.add_subplot(projection="polar")
    ax.set_thetamin(0)
    ax.set_thetamax(90)
    ax.set_rlim(0, 10)
    ax.set_xticks([])
    ax.grid(False)
    fig.savefig(tmp_path / name)
    plt_module.close(fig)
    from PIL import Image

    img = np.asarray(Image.open(tmp_path / name).convert("L"))
    rows = np.nonzero((img < 200).mean(axis=1) > 0.5)[0]  # the sector's start edge
    edge = rows.max()
    below = img[edge + 2:, :]
    return np.nonzero((below < 128).any(axis=1))[0] + 2  # rows under the edge


def test_sector_r_labels_sit_a_tick_pad_plus_tick_length_below_the_edge(tmp_path):
    """matplotlib pads the r labels of a sector from the end of their (outward) ticks:
    the tick pad and length, 3.5 + 3.5 pt. The labels' ink starts within a pixel of
    matplotlib's distance under the edge (the old rule left the tick length out, and
    the old, taller text box hid part of it)."""
    ours = _ink_rows(plt, tmp_path, "lumos.png")
    theirs = _ink_rows(mplt, tmp_path, "mpl.png")
    assert abs(int(ours.min()) - int(theirs.min())) <= 1
    assert abs(int(ours.max()) - int(theirs.max())) <= 1


TITLE_CASES = {
    "ticks_top": lambda ax: ax.xaxis.tick_top(),
    "labels_top_14pt": lambda ax: ax.tick_params(labeltop=True, labelsize=14),
    "label_top": lambda ax: (ax.xaxis.tick_top(), ax.set_xlabel("top label"),
                             ax.xaxis.set_label_position("top")),
    "tick_lines_top_only": lambda ax: ax.tick_params(top=True, labeltop=False),
    "long_inout_ticks": lambda ax: ax.tick_params(labeltop=True, pad=10, length=8,
                                                  direction="inout"),
    "bottom_ticks_hidden": lambda ax: ax.tick_params(bottom=False, labeltop=True, top=False),
}


def _title_and_label_boxes(plt_module, style) -> np.ndarray:
    fig, ax = plt_module.subplots(figsize=(4, 3), dpi=100)
    ax.plot([0, 1000], [0, 1e5])
    style(ax)
    ax.set_title("A title")
    if plt_module is mplt:
        fig.canvas.draw()
    else:
        fig.draw()
    boxes = [ax.title.get_window_extent(), ax.get_xticklabels()[1].get_window_extent()]
    if ax.xaxis.label.get_text():
        boxes.append(ax.xaxis.label.get_window_extent())
    plt_module.close(fig)
    return np.array([b.extents for b in boxes])


@pytest.mark.parametrize("case", TITLE_CASES)
def test_title_sits_over_top_tick_labels_as_matplotlib(case):
    """matplotlib's ``Axes._update_title_position``: the title's baseline is the title
    pad above the x axis's labels when they are at the top (tick labels, or the label),
    else above the box (tick lines alone do not lift it); labels sit past the tick
    length whether the ticks are shown or not, and an x label at the top stands on its
    baseline. Bottoms of the title, a bottom tick label and the x label (when set)
    within 0.5 px of matplotlib's (the old rule put the title 4.9 px
    off in four of these cases)."""
    ours = _title_and_label_boxes(plt, TITLE_CASES[case])
    theirs = _title_and_label_boxes(mplt, TITLE_CASES[case])
    np.testing.assert_allclose(ours[:, 1], theirs[:, 1], atol=0.5)
    # tops: our box of "top label" is 0.45 px shorter than matplotlib's (text metrics),
    # and the title above it inherits that
    np.testing.assert_allclose(ours[:, 3], theirs[:, 3], atol=0.8)
