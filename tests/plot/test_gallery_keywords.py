"""Small keyword gaps the matplotlib gallery found: values lumos refused that matplotlib
takes (sankey_rankine.py: ``fontsize='10'``)."""

from __future__ import annotations

import matplotlib
import pytest

import lumos.pyplot as plt

matplotlib.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402

pytestmark = pytest.mark.usefixtures("close_figures")


@pytest.mark.parametrize("size", ["10", " 12.5 ", "large", 9])
def test_fontsize_strings_of_numbers_as_matplotlib(size):
    sizes = []
    for mod in (plt, mplt):
        _, ax = mod.subplots()
        sizes.append(ax.text(0, 0, "t", fontsize=size).get_fontsize())
    assert sizes[0] == pytest.approx(sizes[1])


@pytest.mark.parametrize("size", ["nan", "-3", "huge"])
def test_bad_fontsize_strings_name_the_argument(size):
    _, ax = plt.subplots()
    with pytest.raises(ValueError, match="fontsize"):
        ax.text(0, 0, "t", fontsize=size)
