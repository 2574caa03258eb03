"""NaN and inf data draw without a warning (DESIGN.md "What bad input gets": markers are
skipped, lines break), on linear, log and polar axes; huge finite values on axes whose
shader transform takes absolute float32 points are clipped with lumos's own warning,
never numpy's overflow in a cast."""

import warnings

import numpy as np
import pytest

import lumos.pyplot as plt


def _draw(tmp_path, projection=None, scale="linear", big=False):
    fig = plt.figure()
    ax = fig.add_subplot(projection=projection)
    if projection is None:
        ax.set_xscale(scale)
        ax.set_yscale(scale)
    x = np.array([1.0, 2.0, np.inf, 1e300 if big else 4.0, 5.0])
    y = np.array([1.0, np.nan, 3.0, 4.0, -np.inf])
    ax.scatter(x, y, s=[30, 30, np.nan, 30, 30])
    ax.plot(x, [1.0, 2.0, 3.0, np.inf, 2.0], "o-")
    ax.text(np.inf, 2.0, "inf")
    if projection is None:
        ax.set_xlim(0.5, 10)
        ax.set_ylim(0.5, 10)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(tmp_path / "inf.png")
    plt.close(fig)
    return [str(w.message) for w in caught]


@pytest.mark.parametrize(("projection", "scale"), [(None, "linear"), (None, "log"),
                                                   ("polar", None)])
def test_inf_and_nan_draw_without_warnings(tmp_path, projection, scale):
    assert _draw(tmp_path, projection, scale) == []


@pytest.mark.parametrize("projection", [None, "polar"])
def test_huge_values_on_absolute_transforms_are_no_cast_overflow(tmp_path, projection):
    # log/polar shaders take absolute points: 1e300 is clipped to float32's range with
    # lumos's warning (or none), never "overflow encountered in cast"
    messages = _draw(tmp_path, projection, "log", big=True)
    assert not [m for m in messages if "overflow" in m or "invalid value" in m], messages
