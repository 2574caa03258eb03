"""``pcolormesh(antialiased=...)`` reaches the cell edges, and
``get_xaxis_transform(which=...)`` gives the spine's transform, as matplotlib's
(matplotlib 3.11 runs the same scripts here)."""

from __future__ import annotations

import io

import numpy as np
import pytest

import lumos.pyplot as plt

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402


def _mesh_colors(pyplot, aa: bool) -> int:
    """How many colors the inside of a one-color mesh with black edges shows."""
    from PIL import Image

    fig = pyplot.figure(figsize=(2, 2), dpi=100)
    ax = fig.add_axes((0, 0, 1, 1))
    x = np.linspace(0, 1, 9) ** 1.3
    ax.pcolormesh(x, x, np.full((8, 8), 0.5), cmap="gray", vmin=0, vmax=1,
                  edgecolors="k", linewidth=1.5, antialiased=aa)
    ax.set_xlim(0.02, 0.98)
    ax.set_ylim(0.02, 0.98)
    ax.set_axis_off()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    pyplot.close(fig)
    img = np.asarray(Image.open(buf).convert("L"))[10:-10, 10:-10]
    return len(np.unique(img))


def test_pcolormesh_antialiased_reaches_the_edges():
    """matplotlib's default (False): hard edges, the cells' gray and black only;
    antialiased=True: edge pixels in between."""
    assert _mesh_colors(mplt, False) == _mesh_colors(plt, False) == 2
    assert _mesh_colors(plt, True) > 2
    fig, ax = plt.subplots()
    qm = ax.pcolormesh(np.ones((2, 2)))
    assert qm.get_antialiased() is False
    qm.set_antialiased(True)
    assert qm.get_antialiased() is True
    assert ax.pcolor(np.ones((2, 2)), antialiased=True).get_antialiased() is True
    plt.close(fig)


@pytest.mark.parametrize("kw", [{}, {"edgecolors": "k"}, {"edgecolors": "k", "antialiased": False},
                                {"edgecolors": "none", "antialiased": True}])
def test_pcolor_antialiases_stroked_edges_as_matplotlib(kw):
    # matplotlib's pcolor: antialiased (patch.antialiased) unless the edges are 'none'
    z = np.arange(4.0).reshape(2, 2)
    ours = plt.subplots()[1].pcolor(z, **kw).get_antialiased()
    theirs = mplt.subplots()[1].pcolor(z, **kw).get_antialiased()
    assert bool(ours) == bool(np.all(theirs))


@pytest.mark.parametrize("position", [("outward", 10), ("axes", 0.3), ("data", 4),
                                      ("outward", 0), "center"])
def test_axis_transforms_of_the_spines(position):
    """which='grid', 'tick1', 'tick2': matplotlib's pixels, the spines put anywhere."""
    def script(pyplot):
        fig, ax = pyplot.subplots()
        ax.plot([1, 5], [2, 8])
        ax.spines[:].set_position(position)
        fig.canvas.draw()
        pts = np.array([[2.0, 0.0], [3.0, 0.5], [4.0, 1.0]])
        out = [np.concatenate([ax.get_xaxis_transform(which=w).transform(pts),
                               ax.get_yaxis_transform(which=w).transform(pts[:, ::-1])])
               for w in ("grid", "tick1", "tick2")]
        pyplot.close(fig)
        return np.array(out)

    np.testing.assert_allclose(script(plt), script(mplt), atol=1e-6)


def test_axis_transform_which_is_checked():
    fig, ax = plt.subplots()
    with pytest.raises(ValueError, match="which: got 'top'"):
        ax.get_xaxis_transform(which="top")
    plt.close(fig)
