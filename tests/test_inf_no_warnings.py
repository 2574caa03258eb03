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


@pytest.mark.parametrize(("projection", "scale"), [(None, "linear"), (None, "log"),
                                                   ("polar", None)])
def test_huge_values_are_no_cast_overflow(tmp_path, projection, scale):
    # 1e300 lies beyond float32 offsets (linear: from the data's origin; log, polar:
    # absolute): clipped with lumos's warning (or none), never numpy's overflow
    messages = _draw(tmp_path, projection, scale, big=True)
    assert not [m for m in messages if "overflow" in m or "invalid value" in m], messages
    assert all("beyond the float32 range" in m for m in messages), messages


def test_a_huge_point_leaves_the_others_drawn():
    # of two finite points 1e300 apart, the origin is one of them (a lower median), not
    # their midpoint: the point in view is drawn, only the far one is clipped
    fig, ax = plt.subplots()
    ax.scatter([1.0, 1e300, np.inf], [1.0, 4.0, 2.0], s=200, c="b")
    ax.set_xlim(0, 5)
    ax.set_ylim(0, 5)
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        img = fig.render()[..., :3].astype(int)
    plt.close(fig)
    assert ((img[..., 2] - img[..., 0]) > 60).sum() > 200  # the marker at (1, 1)
