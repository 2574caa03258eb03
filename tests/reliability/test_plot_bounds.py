"""NaN, extremes and bounded work at the plot level (issue 9, findings 6 and 8): limits
stay finite and drawable, a log axis over non-positive data shows a default decade, and
huge requests are refused before anything is copied, naming the size and the budget."""

from __future__ import annotations

import time
import warnings

import numpy as np
import pytest

import lumos.pyplot as plt
from lumos.gpu import set_memory_budget


@pytest.fixture
def fig_ax():
    fig, ax = plt.subplots(figsize=(2, 1.5))
    yield fig, ax
    plt.close(fig)


@pytest.fixture
def budget():
    """``budget(n)``: the memory budget for the test, restored after."""
    yield set_memory_budget
    set_memory_budget(None)


def test_limits_of_huge_values_stay_finite_and_draw(fig_ax):
    fig, ax = fig_ax
    with pytest.warns(UserWarning, match=r"ylim: .* clipped to ±1e\+307"):
        ax.plot([0, 1], [-1e308, 1e308])
    lo, hi = ax.get_ylim()
    assert np.isfinite(lo) and np.isfinite(hi) and lo < 0 < hi
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert fig.render().shape == (150, 200, 4)


def test_set_xlim_of_huge_values_is_clipped_and_draws(fig_ax):
    fig, ax = fig_ax
    ax.plot([0, 1])
    with pytest.warns(UserWarning, match=r"xlim: .* clipped"):
        ax.set_xlim(-1e308, 1e308)
    assert ax.get_xlim() == (-1e307, 1e307)
    assert fig.render().shape == (150, 200, 4)


@pytest.mark.parametrize("axis", ["x", "y"])
def test_a_log_axis_over_non_positive_data_shows_a_default_decade(fig_ax, axis):
    fig, ax = fig_ax
    ax.plot([-1, 0], [-2, -3])
    with pytest.warns(UserWarning, match="no positive values"):
        getattr(ax, f"set_{axis}scale")("log")
    assert getattr(ax, f"get_{axis}lim")() == (1.0, 10.0)
    assert fig.render().shape == (150, 200, 4)


def test_nan_and_empty_inputs_draw(fig_ax):
    fig, ax = fig_ax
    im = ax.imshow(np.full((3, 3), np.nan))
    fig.colorbar(im, ax=ax)
    ax.plot([np.nan, np.inf])
    ax.scatter([], [])
    ax.hist([np.nan, np.inf])
    ax.contour(np.full((3, 3), np.nan))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert fig.render().shape == (150, 200, 4)


def _refused_fast(call, pattern):
    t = time.perf_counter()
    with pytest.raises(ValueError, match=pattern):
        call()
    return time.perf_counter() - t


def test_a_broadcast_billion_points_is_refused_before_a_copy(fig_ax, budget):
    fig, ax = fig_ax
    budget(2**30)
    huge = np.broadcast_to(0.0, (10**9,))
    _refused_fast(lambda: ax.plot(huge), r"^y: 1,000,000,000 points would need 29\.8 GiB, "
                                         r"more than .* 1 GiB")
    _refused_fast(lambda: ax.plot(huge, "o"), r"^y: 1,000,000,000 points would need 179 GiB")
    _refused_fast(lambda: ax.scatter(huge, huge), r"^x: 1,000,000,000 points")
    _refused_fast(lambda: ax.hist(huge), r"^x: 1,000,000,000 values would need")
    _refused_fast(lambda: ax.imshow(np.broadcast_to(0.0, (10**5, 10**5))),
                  r"^X: 10,000,000,000 pixels would need")
    assert ax.artists == []


def test_a_plot_of_a_million_columns_is_refused(fig_ax):
    fig, ax = fig_ax
    _refused_fast(lambda: ax.plot([0, 1], np.zeros((2, 10**6))),
                  r"^y: got 1,000,000 columns, which would make 1,000,000 lines \(at most "
                  r"10,000")
    assert ax.artists == []


def test_a_plot_of_many_columns_fits_the_limits_once(fig_ax, monkeypatch):
    # fitting the limits visits every artist: once per column made plot quadratic
    # (4,000 columns took 95 s)
    fig, ax = fig_ax
    calls = []
    real = type(ax)._autoscale
    monkeypatch.setattr(type(ax), "_autoscale",
                        lambda self, *a, **k: calls.append(1) or real(self, *a, **k))
    lines = ax.plot([0, 1], np.arange(600.0).reshape(2, 300))
    assert len(lines) == 300 and len(calls) == 1
    assert ax.get_ylim()[1] > 599


def test_contour_levels_and_hist_bins_are_bounded(fig_ax, budget):
    fig, ax = fig_ax
    budget(2**30)
    z = np.random.default_rng(0).random((5, 5))
    _refused_fast(lambda: ax.contour(z, levels=10**6),
                  r"^levels: 1,000,000 levels would need .*; pass fewer levels")
    _refused_fast(lambda: ax.contourf(z, np.linspace(0, 1, 10**6)), r"^levels: 1,000,000")
    _refused_fast(lambda: ax.hist([1, 2], bins=10**9),
                  r"^bins: 1,000,000,000 bars would need .*; pass fewer bins")
    assert ax.artists == []
    ax.contour(z, levels=20)  # ordinary requests pass
    ax.hist([1, 2], bins=50)


@pytest.mark.parametrize("y", [[0, 1e-308], [0, 5e-324]], ids=["1e-308", "subnormal"])
def test_a_span_too_small_for_float64_is_widened(fig_ax, y):
    # found by the fuzz suite: 1 / span overflowed and the figure could not render
    fig, ax = fig_ax
    ax.plot(y)
    assert ax.get_ylim() == pytest.approx((-0.0011, 0.0011))
    fig.render()
    ax.set_ylim(*y)
    assert ax.get_ylim() == (-0.001, 0.001)
    fig.render()


@pytest.mark.parametrize("z", [[[0.0], [1e-308]], [[1e308, -1e308]]], ids=["tiny", "huge"])
def test_a_colorbar_of_extreme_values_draws(fig_ax, z):
    # found by the fuzz suite: the colorbar's axis took the norm's limits unchecked
    fig, ax = fig_ax
    fig.colorbar(ax.imshow(np.array(z)), ax=ax)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert fig.render().shape == (150, 200, 4)


def test_a_font_size_whose_pixels_overflow_is_refused(fig_ax):
    # found by the fuzz suite: fontsize=1e308 was accepted, then every render failed
    fig, ax = fig_ax
    with pytest.raises(ValueError, match=r"^fontsize: got 1e\+308, .*at most 10,000"):
        ax.text(0, 0, "a", fontsize=1e308)
    fig.render()


def test_a_grid_of_a_million_axes_is_refused_before_any_is_made():
    try:
        with pytest.raises(ValueError, match=r"^nrows \* ncols: 1,000,000 axes would need"):
            plt.subplots(1000, 1000)
        fig, axs = plt.subplots(2, 3)  # small grids are unaffected
        assert axs.shape == (2, 3)
    finally:
        plt.close("all")
