"""Scales of 3D axes (mplot3d 3.11): log, symlog ... applied before the projection,
limits with margins in scale space, ticks of the scale (minor ones drawn too)."""

from __future__ import annotations

import numpy as np
import pytest

import lumos.pyplot as plt

pytest.importorskip("matplotlib")
import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402
from pixels import mplot3d_pixels  # noqa: E402  (tests/pixels.py)

X = np.linspace(0, 1, 50)
Y = 10 ** (2 * X)
Z = np.sin(20 * X) * X ** 2 * 10


def _pair(yscale, zscale, **kwargs):
    out = []
    for lib in (plt, mplt):
        fig = lib.figure()
        ax = fig.add_subplot(projection="3d")
        # scales before the data: matplotlib refits after set_*scale only where the
        # scale's locator has other default limits (log: yes, symlog: no)
        ax.set_yscale(yscale, **kwargs)
        ax.set_zscale(zscale)
        ax.plot(X, Y, Z)
        fig.canvas.draw()
        out.append(ax)
    return out


@pytest.mark.parametrize("yscale, zscale", [("log", "symlog"), ("log", "linear"),
                                            ("linear", "log")])
def test_limits_and_projection_are_mplot3ds(yscale, zscale):
    la, ma = _pair(yscale, zscale)
    assert (la.get_yscale(), la.get_zscale()) == (yscale, zscale)
    for axis in "xyz":
        np.testing.assert_allclose(getattr(la, f"get_{axis}lim")(),
                                   getattr(ma, f"get_{axis}lim")(), rtol=1e-9)
    pts = np.c_[X, Y, np.abs(Z) + 0.5][5::7]
    scaled = np.c_[[ax.get_transform().transform(v) for ax, v in
                    zip((ma.xaxis, ma.yaxis, ma.zaxis), pts.T, strict=True)]].T
    # lumos's pixels of the data points: where mplot3d projects their scaled values
    np.testing.assert_allclose(la.project(pts)[:, :2], mplot3d_pixels(la, ma, scaled),
                               atol=1e-3)


def test_log_ticks_and_minor_ticks_as_mplot3d():
    la, ma = _pair("log", "linear")
    major = [t for t in ma.yaxis.get_majorticklocs() if 1 <= t <= 100]
    np.testing.assert_allclose(la.get_yticks()[(la.get_yticks() >= 1)
                                               & (la.get_yticks() <= 100)], major)
    spec = la._box_spec()
    box_axis = [b for b in range(3) if la.data_axis_of(b) == 1][0]
    ticks = spec.axes[box_axis]
    # mplot3d draws 1, 10, 100 labelled and its minor ticks (0.8, 0.9, 2..9, 20..90)
    # unlabelled, with grid lines
    lo, hi = ma.get_ylim()
    minor = [t for t in ma.yaxis.get_minorticklocs() if lo <= t <= hi]
    assert sum(1 for s in ticks.labels if s) == 3
    assert sum(1 for s in ticks.labels if not s) == len(minor) == 18


def test_scale_keywords_and_back_to_linear():
    la, ma = _pair("log", "linear", base=2)
    np.testing.assert_allclose(la.get_ylim(), ma.get_ylim(), rtol=1e-9)
    la.set_yscale("linear")
    la.figure.draw()
    ma.set_yscale("linear")
    ma.figure.canvas.draw()
    np.testing.assert_allclose(la.get_ylim(), ma.get_ylim(), rtol=1e-9)


@pytest.mark.parametrize("name", ["semilogx", "semilogy", "semilogz", "loglog"])
def test_log_plot_shortcuts_point_to_the_scales(name):
    ax = plt.figure().add_subplot(projection="3d")
    with pytest.raises(NotImplementedError, match=f"{name}.*set_xscale"):
        getattr(ax, name)([1, 2], [1, 2])

