"""Calls from matplotlib's own gallery that lumos refused or drew wrongly, each checked
against matplotlib itself."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as mplt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import lumos.pyplot as plt  # noqa: E402

pytestmark = pytest.mark.usefixtures("close_figures")


def _grid():
    x, y = np.meshgrid(np.linspace(-3, 3, 40), np.linspace(-2, 2, 30))
    return x, y, np.exp(-x ** 2 - y ** 2) - np.exp(-(x - 1) ** 2 - (y - 1) ** 2)


def test_contour_colors_of_mixed_kinds_as_matplotlib():
    # contour_demo.py: names, an RGB tuple and a gray string in one tuple
    mixed = ('r', 'green', 'blue', (1, 1, 0), '#afeeee', '0.5')
    want = mplt.subplots()[1].contour(*_grid(), 6, colors=mixed).get_edgecolor()
    cs = plt.subplots()[1].contour(*_grid(), 6, colors=mixed)
    got = [level.get_color() for level in cs.collections]
    np.testing.assert_allclose(got, want, atol=1 / 255)


@pytest.mark.parametrize("fmt", [
    lambda levels: {lev: f"{lev:.2f} m" for lev in levels},  # contour_label_demo.py
    lambda levels: "%1.1f",
])
def test_clabel_formats_as_matplotlib(fmt):
    def texts(pyplot):
        ax = pyplot.subplots()[1]
        cs = ax.contour(*_grid(), 5)
        labels = ax.clabel(cs, cs.levels[::2], fmt=fmt(cs.levels))
        return sorted({t.get_text() for t in labels})

    assert texts(plt) == texts(mplt)


def test_clabel_takes_a_ticker_formatter_as_matplotlib():
    import matplotlib.ticker as mticker

    def texts(pyplot):
        x, y = np.meshgrid(np.linspace(1, 3, 30), np.linspace(1, 3, 30))
        ax = pyplot.subplots()[1]
        cs = ax.contour(x, y, 10.0 ** (x * y - 3), [0.1, 1, 10, 100])
        fmt = mticker.LogFormatterMathtext()
        fmt.create_dummy_axis()
        return sorted({t.get_text() for t in ax.clabel(cs, cs.levels, fmt=fmt)})

    assert texts(plt) == texts(mplt)
    assert "$\\mathdefault{10^{2}}$" in texts(plt)
