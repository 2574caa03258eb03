"""``ax.collections`` lists what matplotlib lists there: the collections that plotting
methods make (scatter, vlines, pcolormesh, fill_between, contour ...), in order."""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as mplt
import numpy as np
import pytest

import lumos.pyplot as lplt

matplotlib.use("Agg")

X, Y = np.meshgrid(np.arange(4.0), np.arange(4.0))


def calls_2d(ax) -> list:
    rng = np.random.default_rng(0)
    return [
        ax.scatter([1, 2], [3, 4]),
        ax.vlines([1], 0, 1),
        ax.pcolormesh(np.ones((3, 3))),
        ax.fill_between([0, 1], [0, 1]),
        ax.contourf(rng.random((5, 5))),
        ax.hexbin(rng.random(50), rng.random(50), gridsize=4),
        ax.quiver([0], [0], [1], [1]),
        ax.eventplot([[1, 2]])[0],
        ax.tripcolor([0, 1, 0], [0, 0, 1], [1, 2, 3]),
        ax.pcolor(np.ones((2, 2))),
        ax.barbs([0], [0], [1], [1]),
    ]


def calls_3d(ax) -> list:
    return [
        ax.scatter([1, 2], [3, 4], [1, 2]),
        ax.plot_surface(X, Y, X * Y),
        ax.plot_wireframe(X, Y, X + Y),
        ax.plot_trisurf(X.ravel(), Y.ravel(), X.ravel() + Y.ravel() ** 2),
        ax.bar3d([0], [0], [0], 1, 1, 1),
        ax.quiver([0], [0], [0], [1], [1], [1]),
        ax.contour(X, Y, X * Y),
    ]


@pytest.mark.parametrize(("calls", "projection"), [(calls_2d, None), (calls_3d, "3d")])
def test_plotting_methods_list_their_collections_in_order_as_matplotlib(calls, projection):
    counts = []
    for plt in (lplt, mplt):
        fig = plt.figure()
        ax = fig.add_subplot(projection=projection)
        made = calls(ax)
        ax.plot([0, 1], [0, 1])  # a line is not a collection
        if plt is lplt:
            assert ax.collections == made
        counts.append(len(ax.collections))
        plt.close(fig)
    assert counts[0] == counts[1] == len(made)


def test_removed_collections_leave_the_list():
    fig, ax = lplt.subplots()
    sc = ax.scatter([0, 1], [0, 1])
    lc = ax.hlines([0.5], 0, 1)
    sc.remove()
    assert ax.collections == [lc]
    lplt.close(fig)


def test_streamplot_lines_are_a_collection_and_its_arrows_patches():
    """matplotlib adds streamplot's lines as a collection and its arrows as patches
    (one FancyArrowPatch each; lumos draws them as one artist and lists one
    FancyArrowPatch per arrow)."""
    U, V = -1 - X**2 + Y, 1 + X - Y**2
    for plt in (lplt, mplt):
        fig, ax = plt.subplots()
        s = ax.streamplot(X, Y, U, V, density=0.5)
        assert list(ax.collections) == [s.lines]
        assert len(ax.patches) >= 1 and len(s.arrows.get_paths()) > 0
        if plt is lplt:
            assert len(ax.patches) == len(s.arrows.get_offsets())
            for p in ax.patches:  # matplotlib's way to take the arrows off
                p.remove()
            assert ax.patches == [] and ax.collections == [s.lines]
        plt.close(fig)
