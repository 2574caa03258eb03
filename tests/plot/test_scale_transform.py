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
