"""Margins and rounding of 3D axes' automatic limits (``margins(tight=)``,
``autoscale(tight=)``, ``axes.autolimit_mode``, the refit after a scale change),
``auto_scale_xyz(had_data=)`` and ``set_aspect``'s deprecated keywords, against
mplot3d's numbers."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

import lumos.pyplot as plt

pytest.importorskip("matplotlib")
import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402


def _limits(lib, steps, mode="data", data=([0.13, 1.7], [0.2, 2.3], [0.1, 3.3])):
    with lib.rc_context({"axes.autolimit_mode": mode}):
        fig = lib.figure()
        ax = fig.add_subplot(projection="3d")
        ax.plot(*data)
        for step in steps:
            step(ax)
        fig.canvas.draw()
        return np.array([ax.get_xlim(), ax.get_ylim(), ax.get_zlim()])


_MARGINS = [
    [],
    [lambda ax: ax.margins(0.1, tight=True)],
    [lambda ax: ax.margins(0.1, tight=False)],
    [lambda ax: ax.margins(0.1, tight=False), lambda ax: ax.margins(0.2, tight=None)],
]
# mplot3d's autoscale() fits at the draw, where its locators take another tick count
# than at plot(): under 'round_numbers' it rounds to other ticks (not compared)
_AUTOSCALE = [
    [lambda ax: ax.autoscale(tight=False)],
    [lambda ax: ax.autoscale(tight=True), lambda ax: ax.set_zscale("log")],
    [lambda ax: ax.autoscale(None, tight=False)],
]


@pytest.mark.parametrize(("steps", "mode"), [
    *[(s, m) for s in _MARGINS for m in ("data", "round_numbers")],
    *[(s, "data") for s in _AUTOSCALE],
])
def test_tight_and_round_numbers_as_mplot3d(steps, mode):
    np.testing.assert_allclose(_limits(plt, steps, mode), _limits(mplt, steps, mode),
                               rtol=1e-9, atol=1e-12)


def test_auto_scale_xyz_had_data_as_mplot3d():
    for had in (None, True):
        got = []
        for lib in (plt, mplt):
            ax = lib.figure().add_subplot(projection="3d")
            ax.plot([0, 1], [0, 1], [0, 1])
            ax.auto_scale_xyz([2, 3], [2, 3], [2, 3], had_data=had)
            got.append([ax.get_xlim(), ax.get_zlim()])
        np.testing.assert_allclose(*got, rtol=1e-9)


@pytest.mark.parametrize("name", ["anchor", "share"])
def test_set_aspect_deprecated_keywords_warn(name):
    ax = plt.figure().add_subplot(projection="3d")
    with pytest.warns(DeprecationWarning, match=name):
        ax.set_aspect("equal", **{name: "C" if name == "anchor" else True})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ax.set_aspect("equal")  # none given: no warning
    assert ax.get_aspect() == "equal"


def test_set_verts_open_polygons_rejected():
    from lumos.mplot3d.art3d import Poly3DCollection

    coll = Poly3DCollection([np.eye(3)])
    with pytest.raises(TypeError, match="closed"):
        coll.set_verts([np.eye(3)], closed=False)


@pytest.mark.parametrize("steps", [
    # symlog keeps the linear fit (its locator's default limits are linear's) ...
    [lambda ax: ax.set_xscale("symlog"), lambda ax: ax.set_zscale("symlog")],
    # ... until an artist comes: then the fit is in symlog space
    [lambda ax: ax.set_xscale("symlog"), lambda ax: ax.plot([1, 2], [1, 2], [1, 2])],
    # log and logit refit at once; back to linear refits too
    [lambda ax: ax.set_zscale("log"), lambda ax: ax.set_xscale("log")],
    [lambda ax: ax.set_zscale("log"), lambda ax: ax.set_zscale("linear")],
    [lambda ax: ax.set_zscale("symlog"), lambda ax: ax.set_zscale("log")],
], ids=["symlog-kept", "symlog-new-artist", "log", "log-linear", "symlog-log"])
def test_scale_change_refits_as_mplot3d(steps):
    data = ([0.5, 10], [1, 10], [1, 1000])
    np.testing.assert_allclose(_limits(plt, steps, data=data),
                               _limits(mplt, steps, data=data), rtol=1e-9)
