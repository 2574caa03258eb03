"""Legend entries in matplotlib's order: each axes' artists as added, then its
containers (``bar`` with one label, ``errorbar``, ``stem``); ``hist`` and per-bar labels
are listed in place."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402
import pytest  # noqa: E402

import lumos.pyplot as lplt  # noqa: E402

LINE = ([1, 2], [1, 2])
CASES = {
    "bar": lambda ax: (ax.bar([1, 2], [1, 2], label="bar"), ax.plot(*LINE, label="line")),
    "bar per-bar labels": lambda ax: (ax.bar([1, 2], [1, 2], label=["b1", "b2"]),
                                      ax.plot(*LINE, label="line")),
    "hist": lambda ax: (ax.hist([1, 2, 2, 3], label="hist"), ax.plot(*LINE, label="line")),
    "hist stepfilled": lambda ax: (ax.hist([1, 2, 2, 3], histtype="stepfilled", label="h"),
                                   ax.plot(*LINE, label="line")),
    "errorbar": lambda ax: (ax.errorbar(*LINE, yerr=0.1, label="eb"),
                            ax.plot(*LINE, label="line")),
    "stem": lambda ax: (ax.stem(*LINE, label="stem"), ax.plot(*LINE, label="line")),
    "scatter": lambda ax: (ax.scatter(*LINE, label="sc"), ax.plot(*LINE, label="line")),
    "barh, fill_between": lambda ax: (ax.barh([1, 2], [1, 2], label="barh"),
                                      ax.fill_between(*LINE, label="fb"),
                                      ax.plot(*LINE, label="line")),
}


def _labels(plt, case):
    fig, ax = plt.subplots()
    CASES[case](ax)
    labels = ax.get_legend_handles_labels()[1]
    legend = [t.get_text() for t in ax.legend().get_texts()]
    plt.close(fig)
    return labels, legend


@pytest.mark.parametrize("case", sorted(CASES))
def test_axes_legend_order(case):
    assert _labels(lplt, case) == _labels(mplt, case)


def _figure_labels(plt):
    fig, (a, b) = plt.subplots(1, 2)
    a.bar([1, 2], [1, 2], label="bars a")
    a.plot(*LINE, label="line a")
    b.errorbar(*LINE, yerr=0.1, label="eb b")
    b.plot(*LINE, label="line b")
    labels = [t.get_text() for t in fig.legend().get_texts()]
    plt.close(fig)
    return labels


def test_figure_legend_orders_each_axes():
    assert _figure_labels(lplt) == _figure_labels(mplt)
