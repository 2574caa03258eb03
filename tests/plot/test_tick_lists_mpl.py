"""``get_xticks``/``get_xticklabels`` give the locator's every tick, those just beyond
the view included, as matplotlib's do; labels set by list pair with them, and one label
restyled by its index is that tick's (matplotlib 3.11 runs the same scripts here)."""

from __future__ import annotations

import numpy as np
import pytest
from plot_helpers import drawn_strings, mpl_text

mplt = pytest.importorskip("matplotlib.pyplot")


def _both(script):
    """What ``script(plt)`` returns under matplotlib and under lumos."""
    import lumos.pyplot as plt

    return script(mplt), script(plt)


def _drawn(ax) -> list[tuple[float, str]]:
    """(value, label) of the major x ticks a draw draws (inside the view)."""
    ax.figure.canvas.draw()
    axis = ax.xaxis
    if hasattr(axis, "_update_ticks"):  # matplotlib's
        return [(float(t.get_loc()), t.label1.get_text()) for t in axis._update_ticks()
                if t in axis.majorTicks]
    values, labels = axis.ticks()[:2]
    return [(float(v), s) for v, s in zip(values, labels, strict=True)]


def _plain(pairs):
    return [(round(v, 9), s) for v, s in pairs]


@pytest.mark.parametrize("setup", [
    lambda ax: ax.plot([0, 10], [0, 1]),
    lambda ax: ax.plot([0.3, 7.2], [-1.3, 42]),
    lambda ax: (ax.plot([1, 300], [1, 2]), ax.set_xscale("log")),
    lambda ax: (ax.plot([1e-3, 1e5], [1, 2]), ax.set_xscale("log")),
    lambda ax: (ax.set_xscale("symlog", linthresh=1), ax.set_xlim(-1e4, 1e4)),
])
def test_ticks_and_labels_are_the_locators_every_tick(setup):
    def script(plt):
        fig, ax = plt.subplots(figsize=(4, 3))
        setup(ax)
        fig.canvas.draw()
        return (np.asarray(ax.get_xticks(), float).round(9).tolist(),
                [mpl_text(t.get_text()) for t in ax.get_xticklabels()],
                np.asarray(ax.get_xticks(minor=True), float).round(9).tolist())

    want, got = _both(script)
    assert got == want


@pytest.mark.parametrize("relabel", [
    lambda old: [f"L{i}" for i in range(len(old))],  # one label per get_xticks() tick
    lambda old: [s + "!" for s in old],  # the labels read after a draw, changed
])
def test_labels_set_on_get_xticks_pair_with_them(relabel):
    # the idioms ax.set_xticks(ax.get_xticks()); ax.set_xticklabels([...]) and labels =
    # [t.get_text() for t in ax.get_xticklabels()]: the i-th label is the i-th tick's,
    # the one below the view included
    def script(plt):
        fig, ax = plt.subplots()
        ax.plot([0, 10], [0, 1])
        fig.canvas.draw()
        old = [t.get_text() for t in ax.get_xticklabels()]
        ax.set_xticks(ax.get_xticks())
        ax.set_xticklabels(relabel(old))
        return ax.get_xlim(), _plain(_drawn(ax))

    want, got = _both(script)
    assert got == want


def test_a_label_restyled_by_index_is_that_ticks():
    # get_xticklabels()[1] is the first tick inside the view (the 0th lies below it);
    # a hidden label drops out of get_xticklabels, as matplotlib's
    def script(plt):
        fig, ax = plt.subplots()
        ax.plot([0, 10], [0, 1])
        fig.canvas.draw()
        ax.get_xticklabels()[1].set_visible(False)
        fig.canvas.draw()
        return [t.get_text() for t in ax.get_xticklabels()]

    want, got = _both(script)
    assert got == want

    import lumos.pyplot as plt

    fig, ax = plt.subplots()
    ax.plot([0, 10], [0, 1])
    ax.set_yticks([])
    fig.canvas.draw()
    ax.get_xticklabels()[1].set_visible(False)
    assert drawn_strings(fig) == ["2", "4", "6", "8", "10"]


def test_fixed_labels_of_another_count_are_refused():
    import lumos.pyplot as plt

    fig, ax = plt.subplots()
    ax.set_xticks([1, 2, 3])
    with pytest.raises(ValueError, match="labels: got 2 labels for 3 ticks"):
        ax.set_xticklabels(["a", "b"])
    ax.set_xticklabels([])  # none: no labels, as matplotlib's
    fig2, ax2 = mplt.subplots()
    ax2.set_xticks([1, 2, 3])
    with pytest.raises(ValueError):
        ax2.set_xticklabels(["a", "b"])


def test_labels_report_tick_params_rotation():
    """``tick_params(labelrotation=...)`` is what each label's ``get_rotation`` says."""
    def script(plt):
        fig, ax = plt.subplots()
        ax.plot([0, 3], [0, 3])
        ax.tick_params(labelrotation=45)
        ax.tick_params(axis="y", labelrotation=30)
        out = ([t.get_rotation() for t in ax.get_xticklabels()],
               [t.get_rotation() for t in ax.get_yticklabels()])
        plt.close(fig)
        return out

    want, got = _both(script)
    assert got == want
    assert set(got[0]) == {45.0}


def test_unsorted_set_ticks_keep_their_order():
    """``set_xticks([3, 1, 2])`` then labels: the ticks and labels in the order given."""
    def script(plt):
        fig, ax = plt.subplots()
        ax.plot([0, 3], [0, 3])
        ax.set_xticks([3, 1, 2])
        ax.set_xticklabels(["c", "a", "b"])
        out = ([float(v) for v in ax.get_xticks()],
               [(float(t.get_position()[0]), t.get_text()) for t in ax.get_xticklabels()],
               _plain(_drawn(ax)))
        plt.close(fig)
        return out

    want, got = _both(script)
    assert got == want
    assert got[0] == [3.0, 1.0, 2.0]


@pytest.mark.parametrize("sides", [(True, True), (False, True), (False, False)])
@pytest.mark.parametrize("which", [None, "major", "both"])
def test_ticklabels_of_both_sides(sides, which):
    """Labels on the bottom and the top: the bottom's then the top's, each at its side's
    position (matplotlib's ``get_ticklabels``); a side turned off lists none."""
    def script(plt):
        fig, ax = plt.subplots()
        ax.plot([0, 3], [0, 3])
        ax.tick_params(labelbottom=sides[0], labeltop=sides[1])
        fig.canvas.draw()
        labels = ax.xaxis.get_ticklabels(which=which)
        out = ([(t.get_text(), float(t.get_position()[1])) for t in labels],
               len(ax.xaxis.get_majorticklabels()))
        plt.close(fig)
        return out

    want, got = _both(script)
    assert got == want


def test_classic_style_tick_rule():
    """``style.use('classic')``: the classic AutoLocator (at most 9 bins, steps 1, 2, 5,
    10), ticks on all four sides, as matplotlib's."""
    import warnings

    def script(plt):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # rcParams lumos keeps but does not use
            with plt.style.context("classic"):
                fig, ax = plt.subplots()
                ax.plot(np.linspace(0, 10, 50), np.sin(np.linspace(0, 10, 50)))
                out = ([float(v) for v in ax.get_yticks()], [float(v) for v in ax.get_xticks()],
                       {k: v for k, v in ax.yaxis.get_tick_params().items()
                        if k in ("left", "right")},
                       {k: v for k, v in ax.xaxis.get_tick_params().items()
                        if k in ("top", "bottom")})
                plt.close(fig)
        return out

    want, got = _both(script)
    assert got == want
    assert got[0] == [-1.0, -0.5, 0.0, 0.5, 1.0]
