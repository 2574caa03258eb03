"""``ax.xaxis.get_transform()``: the scale's map of values and its parameters, as
matplotlib's (gallery symlog_demo.py); the default locator's parameters
(contourf_demo.py)."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest

import lumos.pyplot as plt
from lumos.plot import ticker

matplotlib.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402


@pytest.mark.parametrize("scale, kwargs, values", [
    ("symlog", {"linthresh": 5, "linscale": 0.5}, [-100.0, -3.0, 0.0, 1.0, 30.0]),
    ("log", {"base": 2}, [0.5, 1.0, 8.0, 1000.0]),
    ("linear", {}, [-2.0, 0.0, 3.5]),
    ("logit", {}, [0.01, 0.5, 0.9]),
])
def test_axis_transform_as_matplotlib(scale, kwargs, values):
    maps = []
    for mod in (plt, mplt):
        _, ax = mod.subplots()
        ax.plot([0.1, 0.9], [0.1, 0.9])
        ax.set_xscale(scale, **kwargs)
        maps.append(ax.xaxis.get_transform())
    v = np.array(values)
    ours, theirs = maps
    assert ours.transform(v) == pytest.approx(np.ravel(theirs.transform(v)))
    assert ours.inverted().transform(ours.transform(v)) == pytest.approx(v)
    for name, value in kwargs.items():
        assert getattr(ours, name) == getattr(theirs, name) == value
    with pytest.raises(AttributeError):
        ours.wobble  # noqa: B018


@pytest.mark.parametrize("nbins", [3, 4, 7])
def test_autolocator_takes_maxnlocator_params_as_matplotlib(nbins):
    """``ax.locator_params(nbins=4)`` on the default AutoLocator gives matplotlib's
    ticks."""
    shown = []
    for mod in (plt, mplt):
        fig, ax = mod.subplots()
        ax.plot([0, 7.3], [0, 113])
        ax.locator_params(nbins=nbins)
        fig.canvas.draw()
        lo, hi = ax.get_xlim()
        ticks = np.asarray(ax.get_xticks())
        shown.append(ticks[(ticks >= lo) & (ticks <= hi)].tolist())
    assert shown[0] == pytest.approx(shown[1])
    assert len(shown[0]) <= nbins + 1
    with pytest.raises(TypeError, match="wobble"):
        ticker.AutoLocator().set_params(wobble=1)


@pytest.mark.parametrize("linthresh", [0.05, 2.0])
def test_symlog_small_linscale_places_points_as_matplotlib(linthresh):
    """``linscale=0.05`` (the symlog demo's): limits and pixel positions equal
    matplotlib's, on a data axis and on a SymLogNorm colorbar."""
    import matplotlib.colors as mcolors

    import lumos.colors as lcolors

    x = np.linspace(-60, 60, 201)
    out = []
    for pyplot, cmod in ((mplt, mcolors), (plt, lcolors)):
        fig, (ax, ax2) = pyplot.subplots(1, 2)
        ax.plot(x, x)
        ax.set_xscale("symlog", linthresh=linthresh, linscale=0.05)
        im = ax2.imshow(np.outer(x, x), norm=cmod.SymLogNorm(linthresh, linscale=0.05))
        cb = fig.colorbar(im)
        fig.canvas.draw()
        probe = np.array([-50.0, -linthresh, -linthresh / 3, 0.0, linthresh, 7.0, 60.0])
        px = ax.transData.transform(np.c_[probe, probe])[:, 0]
        ticks = np.asarray(cb.ax.get_yticks(), float)
        tick_px = cb.ax.transData.transform(np.c_[np.zeros_like(ticks), ticks])[:, 1]
        out.append((np.round(ax.get_xlim(), 6), np.round(px, 3), np.round(tick_px, 3)))
        pyplot.close(fig)
    for theirs, ours in zip(*out, strict=True):
        assert np.array_equal(theirs, ours)
