"""errorbar and stem stand in legends as their containers, drawn as matplotlib's
HandlerErrorbar and HandlerStem draw them (a bar with caps; a stem, its head and a
baseline), not as a plain line."""

from __future__ import annotations

import numpy as np
import pytest

import lumos
import lumos.pyplot as plt
from lumos.plot.containers import ErrorbarContainer, StemContainer


def legend_only(plot):
    """A figure whose data lies outside the view: only the legend is drawn."""
    fig, ax = lumos.subplots(figsize=(3, 2), dpi=100)
    plot(ax)
    ax.set_xlim(100, 101)
    ax.set_ylim(100, 101)
    ax.legend(loc="center", fontsize=20)
    return fig.render()[..., :3].astype(int)


def box_of(img, rgb, tol=40):
    rows, cols = np.nonzero((np.abs(img - np.array(rgb)) < tol).all(axis=-1))
    assert rows.size, f"no pixels of color {rgb}"
    return rows.min(), rows.max(), cols.min(), cols.max()


def test_errorbar_and_stem_give_their_containers_to_the_legend():
    fig, ax = lumos.subplots()
    eb = ax.errorbar([0, 1], [0, 1], yerr=0.1, label="eb")
    st = ax.stem([0, 1], [1, 2], label="st")
    handles, labels = ax.get_legend_handles_labels()
    assert labels == ["eb", "st"]
    assert handles[0] is eb and isinstance(eb, ErrorbarContainer)
    assert handles[1] is st and isinstance(st, StemContainer)


def test_errorbar_handle_has_a_bar_half_a_font_size_each_way_and_caps():
    fig, ax = lumos.subplots(dpi=72)  # points are pixels
    eb = ax.errorbar([0, 1], [0, 1], yerr=0.1, xerr=0.2, capsize=5, capthick=3, label="e")
    h = eb.legend_handle(20.0)
    assert h.line is not None  # the data line still runs across the handle
    spans = sorted(tuple(np.ptp(np.asarray(p), axis=0)[1:]) for p, *_ in h.strokes)
    # x bar and y bar: 20 px long (0.5 font size each way); four caps of 2 * capsize = 10
    assert (0.0, 20.0) in spans and (20.0, 0.0) in spans
    assert spans.count((0.0, 10.0)) == 2 and spans.count((10.0, 0.0)) == 2
    assert any(s[2] == 3.0 for s in h.strokes)  # caps drawn capthick wide


def test_errorbar_legend_draws_a_vertical_bar():
    img = legend_only(lambda ax: ax.errorbar([0, 1], [0, 1], yerr=0.2, fmt="none",
                                             ecolor=(1, 0, 0), label="bars"))
    top, bottom, left, right = box_of(img, (255, 0, 0))
    # matplotlib: a bar of one font size (20 px) upright; a plain line would lie flat
    assert bottom - top >= 16
    assert right - left <= 4


def test_stem_legend_lifts_the_head_over_a_baseline():
    img = legend_only(lambda ax: ax.stem([0, 1], [1, 2], linefmt="g-", markerfmt="bo",
                                         basefmt="r-", label="stem"))
    base_top, base_bottom, base_left, base_right = box_of(img, (255, 0, 0))
    head_top, head_bottom, head_left, head_right = box_of(img, (0, 0, 255))
    stem_top, stem_bottom, stem_left, stem_right = box_of(img, (0, 128, 0))
    assert head_bottom < base_top  # the head sits above the baseline (rows grow down)
    # the stem joins them (its ends hidden under the head and the baseline)
    assert stem_bottom >= base_top - 3 and stem_top <= head_bottom + 3
    assert base_right - base_left > 3 * (stem_right - stem_left + 1)  # baseline runs across


def _legend_markers(fig, monkeypatch) -> list[tuple]:
    """(x, y, size px, symbol) of every marker the figure's overlay draws."""
    drawn = []
    marker = type(fig.overlay).marker

    def record(ov, x, y, symbol, size_px, *args, **kwargs):
        drawn.append((x, y, size_px, symbol))
        return marker(ov, x, y, symbol, size_px, *args, **kwargs)

    monkeypatch.setattr(type(fig.overlay), "marker", record)
    fig.draw()
    return drawn


def test_numpoints_and_scatterpoints_draw_that_many_markers_as_matplotlib(monkeypatch):
    fig, ax = lumos.subplots(figsize=(4, 3), dpi=100)
    ax.plot([0, 1], [0, 1], "o-", label="line")
    ax.scatter([0, 1, 2], [0, 1, 2], s=[10, 50, 200], marker="s", label="scatter")
    leg = ax.legend(numpoints=2, scatterpoints=3)
    drawn = _legend_markers(fig, monkeypatch)
    line = [d for d in drawn if d[3] == "disc"]
    squares = [d for d in drawn if d[3] == "square"]
    assert len(line) == 2 and len(squares) == 3
    fs = fig.points_to_pixels(leg.fontsize)
    # 0.3 font sizes in from the ends of a 2-font-size handle, as matplotlib's handler
    assert line[1][0] - line[0][0] == pytest.approx(1.4 * fs)
    # matplotlib's areas for three: the middle, the largest, the smallest
    sizes = np.array([d[2] for d in squares])
    np.testing.assert_allclose(sizes / sizes[0], np.sqrt(np.array([105, 200, 10]) / 105),
                               rtol=1e-6)
    # at 3/8, 4/8 and 2.5/8 of the handle's height (0.7 font sizes)
    ys = np.array([d[1] for d in squares])
    np.testing.assert_allclose(ys - ys[1], 0.7 * fs * (np.array([3, 4, 2.5]) / 8 - 0.5))


def test_one_scatter_marker_sits_at_three_eighths_of_the_handle(monkeypatch):
    fig, ax = lumos.subplots(figsize=(4, 3), dpi=100)
    ax.plot([0, 1], [0, 1], "o-", label="line")
    ax.scatter([0, 1], [0, 1], marker="s", label="scatter")
    leg = ax.legend(ncols=2)  # one row: the line's marker is at the row's middle
    drawn = _legend_markers(fig, monkeypatch)
    (line,) = [d for d in drawn if d[3] == "disc"]
    (square,) = [d for d in drawn if d[3] == "square"]
    fs = fig.points_to_pixels(leg.fontsize)
    assert square[1] - line[1] == pytest.approx(0.7 * fs * (3 / 8 - 1 / 2))


@pytest.mark.parametrize("kwargs, error, match", [
    ({"numpoints": 0}, ValueError, "numpoints"),
    ({"scatterpoints": 1.5}, ValueError, "scatterpoints"),
    ({"scatteryoffsets": []}, ValueError, "scatteryoffsets"),
    ({"scatteryoffsets": ["high"]}, TypeError, "scatteryoffsets"),
])
def test_bad_marker_counts_are_refused_by_name(kwargs, error, match):
    fig, ax = lumos.subplots()
    ax.plot([0, 1], label="a")
    with pytest.raises(error, match=match):
        ax.legend(**kwargs)


def _legend_texts(fig, monkeypatch) -> dict:
    """{string: (size px, rgba, face)} of every text the figure's overlay draws."""
    drawn = {}
    text = type(fig.overlay).text

    def record(ov, s, x, y, size_px, color="black", *args, face=None, **kwargs):
        drawn[s] = (size_px, lumos.colors.to_rgba(color), face)
        return text(ov, s, x, y, size_px, color, *args, face=face, **kwargs)

    monkeypatch.setattr(type(fig.overlay), "text", record)
    fig.draw()
    return drawn


def test_legend_texts_and_title_are_objects_scripts_restyle(monkeypatch):
    # matplotlib's leg.get_texts() / get_title() are Text objects: setp, set_color, ...
    fig, ax = lumos.subplots(figsize=(4, 3), dpi=100)
    ax.plot([0, 1], label="first")
    ax.plot([1, 0], label="second")
    leg = ax.legend(title="Title")
    plt.setp(leg.get_texts(), color="red", fontsize=14)
    leg.get_title().set_fontweight("bold")
    leg.get_texts()[1].set_text("renamed")
    leg.get_texts()[0].set(alpha=0.5)
    drawn = _legend_texts(fig, monkeypatch)
    assert "second" not in drawn and "renamed" in drawn
    size, rgba, _ = drawn["renamed"]
    assert size == pytest.approx(fig.points_to_pixels(14)) and rgba == (1, 0, 0, 1)
    assert drawn["first"][1] == (1, 0, 0, 0.5)
    assert "bold" in drawn["Title"][2]
    assert [t.get_text() for t in leg.get_texts()] == ["first", "renamed"]
    with pytest.raises(ValueError, match="color"):
        leg.get_texts()[0].set_color("not a color")
    with pytest.raises(TypeError, match="colour"):
        leg.get_texts()[0].set(colour="red")


def test_a_hidden_legend_shows_again(monkeypatch):
    fig, ax = lumos.subplots(figsize=(4, 3), dpi=100)
    ax.plot([0, 1], label="line")
    leg = ax.legend()
    leg.set_visible(False)
    assert not leg.get_visible() and "line" not in _legend_texts(fig, monkeypatch)
    leg.set_visible(True)
    assert "line" in _legend_texts(fig, monkeypatch)
