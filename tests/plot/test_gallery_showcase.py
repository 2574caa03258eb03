"""What matplotlib 3.11's gallery asked of lumos (scripts run with one changed import;
sections showcase, scales, specialty_plots and the rest of ticks,
text_labels_and_annotations, subplots_axes_and_figures): lines 0 wide, tick labels set
for ticks out of order, minor ticks following the axis's majors, texts stacked in
drawing order, Sankey's color cycle, nonpositive='mask', mathtext accents, wrapping,
left-aligned tick labels in the layout, whole figure pixels, refused axes classes and
artists that draw themselves."""

from __future__ import annotations

import numpy as np

import lumos.pyplot as plt
from tests.pixels import ink


def _pixels(fig) -> np.ndarray:
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba())[..., :3].copy()


def test_zero_width_line_and_spine_draw_nothing():
    # showcase/anatomy.py: markers only, plot(..., linewidth=0, marker='s');
    # ticks/multilevel_ticks.py: sec.spines['bottom'].set_linewidth(0). matplotlib's
    # Agg strokes nothing 0 wide; lumos drew a hairline
    fig, ax = plt.subplots(figsize=(3, 2), dpi=50)
    ax.set_axis_off()
    ax.plot([0.0, 1.0], [0.0, 1.0], linewidth=0, color="red")
    ax.set(xlim=(0, 1), ylim=(0, 1))
    assert not ink(_pixels(fig)).any()
    ax.lines[0].set_linewidth(1.0)  # the same line 1 point wide is drawn
    assert ink(_pixels(fig)).any()


def test_zero_width_line_exports_no_path():
    # the vector files take the same rule: no stroke 0 wide in an SVG
    fig, ax = plt.subplots()
    line, = ax.plot([0, 1], [0, 1], lw=0, color="#123456")
    assert "#123456" not in _svg(fig).lower()
    line.set_linewidth(2)
    assert "#123456" in _svg(fig).lower()


def _svg(fig) -> str:
    import io

    buf = io.BytesIO()
    fig.savefig(buf, format="svg")
    return buf.getvalue().decode()


def test_tick_labels_follow_ticks_given_out_of_order():
    # specialty_plots/mri_with_eeg.py: set_yticks([0, dy, 2*dy, 3*dy], labels=[...]) with
    # dy < 0 labelled each tick with another's label (the locator sorts its ticks)
    fig, ax = plt.subplots()
    ax.set_ylim(5, -20)
    ax.set_yticks([0, -5, -10, -15], labels=["PG3", "PG5", "PG7", "PG9"])
    fig.canvas.draw()
    got = {t.get_text(): t.get_position()[1] for t in ax.get_yticklabels()}
    assert got == {"PG3": 0, "PG5": -5, "PG7": -10, "PG9": -15}
    ax.set_xticks([3, 1, 2])
    ax.set_xticklabels(["c", "a", "b"])  # labels set apart follow the same order
    fig.canvas.draw()
    # listed in the order given, as matplotlib's (its FixedLocator keeps that order)
    assert [(t.get_text(), t.get_position()[0]) for t in ax.get_xticklabels()] == \
        [("c", 3), ("a", 1), ("b", 2)]


def test_auto_minor_ticks_divide_the_axis_major_ticks():
    # mri_with_eeg.py: yticks=[] then minorticks_on() shows no minor ticks (matplotlib's
    # AutoMinorLocator needs two major ticks); with majors every 3 they divide those
    import lumos.ticker as ticker

    fig, ax = plt.subplots()
    ax.hist([1, 2, 3, 3, 4])
    ax.set(yticks=[])
    ax.minorticks_on()
    assert ax.yaxis.get_minorticklocs().size == 0
    ax.set_xlim(0, 9)
    ax.xaxis.set_major_locator(ticker.MultipleLocator(3))
    ax.xaxis.set_minor_locator(ticker.AutoMinorLocator(3))
    assert ax.xaxis.get_minorticklocs().tolist() == [1, 2, 4, 5, 7, 8]


def test_text_after_a_stroked_text_is_drawn_over_it():
    # showcase/anatomy.py writes each note twice at one place: white with a white
    # stroke (path effects, which only Python draws), then in color. The colored one,
    # which a page could move, was drawn in the axes' decoration, under the figure's
    # overlay where the white one went: every note vanished
    from matplotlib.patheffects import withStroke

    fig, ax = plt.subplots(figsize=(3, 2), dpi=100)
    ax.set_axis_off()
    for effects in ([withStroke(linewidth=3, foreground="white")], []):
        ax.text(0.1, 0.5, "Major tick", color="white" if effects else "navy",
                path_effects=effects, fontsize=14)
    img = _pixels(fig).astype(int)
    navy = (img[..., 2] > 80) & (img[..., 0] < 60) & (img[..., 1] < 60)
    assert navy.sum() > 50


def test_matplotlib_sankey_draws_on_lumos_axes_with_the_patch_cycle():
    # specialty_plots/sankey_links.py: Sankey(ax=ax).add(...) takes its colors with
    # ax._get_patches_for_fill.get_next_color() (an AttributeError before)
    from matplotlib.sankey import Sankey

    fig, ax = plt.subplots()
    ax.fill_between([0, 1], [0, 1])  # the patches' cycle: C0 taken
    sankey = Sankey(ax=ax)
    sankey.add(flows=[1, -1], orientations=[0, 0])
    diagrams = sankey.finish()
    from lumos import colors

    face = colors.to_rgba(diagrams[0].patch.get_facecolor())
    assert np.allclose(face[:3], colors.to_rgba("C1")[:3])
    assert ax._get_lines.get_next_color() == "#1f77b4"  # the lines' cycle kept apart


def test_log_axis_nonpositive_mask_hides_error_bars_below_zero():
    # scales/log_demo.py: set_yscale("log", nonpositive='mask') then errorbar whose
    # lower ends are negative: matplotlib draws no bar line there (only the upper cap);
    # lumos clipped them to the bottom edge as 'clip' does
    import warnings

    def bar_ink(nonpositive: str) -> int:
        fig, ax = plt.subplots(figsize=(2, 3), dpi=60)
        ax.set_axis_off()
        ax.set_yscale("log", nonpositive=nonpositive)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ax.vlines([1.0], [-5.0], [10.0], colors="red")
        ax.set(xlim=(0, 2), ylim=(1, 20))
        img = _pixels(fig).astype(int)
        return int(((img[..., 0] > 200) & (img[..., 1] < 80)).sum())

    assert bar_ink("mask") == 0
    assert bar_ink("clip") > 20


def test_symlog_transform_keeps_the_parameters_as_given():
    # scales/symlog_demo.py titles its axes with the transform's linthresh: "1", not "1.0"
    fig, ax = plt.subplots()
    ax.set_xscale("symlog", linthresh=1, linscale=0.5)
    t = ax.xaxis.get_transform()
    assert f"{t.linthresh} {t.linscale} {t.base}" == "1 0.5 10"


def test_matplotlib_artist_with_its_own_draw_is_refused():
    # text_labels_and_annotations/line_with_text.py: a Line2D subclass draws a label in
    # draw(); lumos drew the line from its properties and lost the label silently
    import pytest
    from matplotlib import lines

    class LabelledLine(lines.Line2D):
        def draw(self, renderer):
            super().draw(renderer)

    class Plain(lines.Line2D):
        pass

    fig, ax = plt.subplots()
    with pytest.raises(TypeError, match=r"add_line: LabelledLine overrides draw\(\); "
                                        r"lumos draws matplotlib's Line2D"):
        ax.add_line(LabelledLine([0, 1], [0, 1]))
    ax.add_line(Plain([0, 1], [0, 1]))  # a subclass that draws as its base is drawn
    assert len(ax.lines) == 1


def test_wrapped_text_stays_inside_the_figure_along_its_direction():
    # text_labels_and_annotations/autowrap.py: a text turned -15 degrees from (100, 100)
    # px runs out of the figure through its bottom edge after 100 / cos(75 deg) = 386 px
    # (matplotlib's Text._get_wrap_line_width); lumos measured to the right edge (559)
    from lumos.plot import text as textmod
    from lumos.plot.textstyle import wrapped

    fig = plt.figure(figsize=(6.4, 4.8), dpi=100)
    words = "This is a really long string that I'd rather have wrapped so that it " \
        "doesn't go outside of the figure, but if it's long enough it will go off"
    t = fig.text(100 / 640, 100 / 480, words, rotation=-15, ha="left", wrap=True)
    lines = wrapped(fig, words, t.style, 100.0, 100.0).split("\n")
    size = fig.points_to_pixels(t.style.fontsize)
    widths = [textmod.measure(s, size, face=t.style.face())[0] for s in lines]
    assert max(widths) <= 386 < max(widths) + 60  # full lines, each inside the figure
    t.set_ha("right")  # behind the anchor: the left edge, 100 / cos(15 deg) = 103 px
    lines = wrapped(fig, words, t.style, 100.0, 100.0).split("\n")
    assert max(textmod.measure(s, size, face=t.style.face())[0] for s in lines
               if " " in s) <= 104


def test_figure_pixels_drop_the_fraction_as_matplotlib():
    # subplots_axes_and_figures/figure_size_units.py: 15 cm x 5 cm at 100 dpi is
    # 590 x 196 px in matplotlib (int of 590.55 x 196.85); lumos rounded to 591 x 197
    cm = 1 / 2.54
    fig = plt.figure(figsize=(15 * cm, 5 * cm), dpi=100)
    assert fig.canvas.get_width_height() == (590, 196)
    fig.set_size_inches(583 / 100, 4.8)  # a window's size back through inches: kept
    assert fig.canvas.get_width_height() == (583, 480)


def _left_edge(ha: str | None) -> float:
    fig, ax = plt.subplots(layout="constrained")
    ax.barh(["Sydney", "Mexico City", "São Paulo"], [5.2, 8.8, 12.2])
    if ha is not None:
        for label in ax.get_yticklabels():
            label.set_horizontalalignment(ha)
    ax.tick_params("y", pad=70)
    fig.canvas.draw()
    return ax.get_position().x0 * fig.bbox.width


def test_constrained_layout_leaves_room_for_where_left_aligned_labels_reach():
    # ticks/align_ticklabels.py: y tick labels aligned 'left' 70 points from the axis
    # run back toward it: matplotlib leaves the pad only, lumos the pad and their width
    from lumos.plot import text as textmod

    width = textmod.measure("Mexico City", plt.figure().points_to_pixels(10))[0]
    assert _left_edge(None) - _left_edge("left") > 0.9 * width
    assert _left_edge("left") < 70 * 100 / 72 + 20  # the pad, the figure's own margin


def test_arrow_of_no_length_draws_nothing():
    # text_labels_and_annotations/angles_on_bracket_arrows.py: a Simple arrow from a
    # point to itself (angle 0); matplotlib's head collapses, lumos drew a triangle
    from matplotlib.patches import FancyArrowPatch

    def arrow_ink(end) -> int:
        fig, ax = plt.subplots(figsize=(2, 2), dpi=80)
        ax.set_axis_off()
        ax.set(xlim=(0, 2), ylim=(0, 2))
        ax.add_patch(FancyArrowPatch((1, 1), end, connectionstyle="arc3,rad=0.5",
                                     arrowstyle="Simple, tail_width=0.5, head_width=4, "
                                     "head_length=8", color="red"))
        return int(ink(_pixels(fig)).sum())

    assert arrow_ink((1, 1)) == 0
    assert arrow_ink((1.5, 1.5)) > 10
