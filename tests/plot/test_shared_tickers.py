"""Shared axes share their tickers, as matplotlib's shared axes share one Ticker."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402
import numpy as np  # noqa: E402

import lumos.pyplot as plt  # noqa: E402


def _labels(ax, axis):
    ticks = ax.get_yticklabels() if axis == "y" else ax.get_xticklabels()
    return [t.get_text() for t in ticks]


def _both(build):
    out = []
    for lib in (plt, mplt):
        fig, axs = lib.subplots(1, 3, sharey=True)
        build(axs)
        fig.canvas.draw()
        out.append(axs)
    return out


def test_set_yticklabels_empty_clears_every_sharing_axes():
    # gallery statistics/boxplot.py: log scale, then set_yticklabels([]) per axes
    def build(axs):
        for ax in axs:
            ax.plot([1, 10, 100])
            ax.set_yscale("log")
            ax.set_yticklabels([])
    ours, theirs = _both(build)
    for a, b in zip(ours, theirs, strict=True):
        assert not any(_labels(a, "y")) and not any(_labels(b, "y"))
        assert type(a.yaxis.get_major_formatter()).__name__ == "NullFormatter"
        assert type(b.yaxis.get_major_formatter()).__name__ == "NullFormatter"
    plt.close("all")
    mplt.close("all")


def test_set_ticks_and_formatter_reach_the_sharing_axes():
    def build(axs):
        for ax in axs:
            ax.plot([0, 10])
        axs[0].set_yticks([1, 4, 9])
        axs[2].yaxis.set_major_formatter("{x:.1f} m")
    ours, theirs = _both(build)
    for a, b in zip(ours, theirs, strict=True):
        np.testing.assert_allclose(a.get_yticks(), b.get_yticks())
        np.testing.assert_allclose(a.get_yticks(), [1, 4, 9])
        theirs_text = b.yaxis.get_major_formatter().format_ticks(b.get_yticks())
        ours_text = a.yaxis.get_major_formatter().format_ticks(a.get_yticks())
        assert ours_text == theirs_text == ["1.0 m", "4.0 m", "9.0 m"]
        # the labels shown: the inner axes' are turned off (sharey), none listed
        assert _labels(a, "y") == _labels(b, "y")
    assert _labels(ours[0], "y") == ["1.0 m", "4.0 m", "9.0 m"]
    plt.close("all")
    mplt.close("all")


def test_unshared_axes_keep_their_own_tickers():
    fig, (a, b) = plt.subplots(1, 2)
    a.plot([0, 10])
    b.plot([0, 10])
    a.set_yticks([1, 2])
    a.set_yticklabels([])
    assert type(b.yaxis.get_major_formatter()).__name__ != "NullFormatter"
    assert list(b.get_yticks()) != [1, 2]
    plt.close(fig)


def test_set_scale_after_a_script_ticker_resets_every_member():
    # matplotlib's set_yscale resets the default tickers of all sharing axes
    fig, (a, b) = plt.subplots(1, 2, sharey=True)
    a.plot([1, 10, 100])
    a.set_yticklabels([])
    b.set_yscale("log")
    for ax in (a, b):
        assert type(ax.yaxis.get_major_formatter()).__name__ == "LogFormatterSciNotation"
    plt.close(fig)
