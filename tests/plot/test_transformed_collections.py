"""``transform=`` on vlines/hlines, fill_between and imshow, against matplotlib's limits
and pictures (gallery vline_hline_demo.py, fill_between_demo.py, gradient_bar.py)."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest

import lumos.pyplot as plt
from lumos.path import Affine2D

matplotlib.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402


def _picture(fig) -> np.ndarray:
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)


def _red(img) -> np.ndarray:
    return (img[..., 0] > 180) & (img[..., 1] < 110) & (img[..., 2] < 110)


def _near(a, b, reach: int = 3) -> float:
    """Share of ``a``'s pixels within ``reach`` pixels of one of ``b`` (matplotlib snaps
    thin lines to whole pixels, and lumos's collection lines end in square caps)."""
    grown = b.copy()
    for dy in range(-reach, reach + 1):
        for dx in range(-reach, reach + 1):
            grown |= np.roll(b, (dy, dx), axis=(0, 1))
    return (a & grown).sum() / max(a.sum(), 1)


def _scene(mod, kind, move=False):
    fig, ax = mod.subplots(figsize=(4, 3), dpi=80)
    x = np.linspace(0, 10, 200)
    ax.plot(x, np.sin(x) + 3, color="black")
    if kind == "vlines":
        ax.vlines([2, 12], 0.2, 0.8, transform=ax.get_xaxis_transform(), colors="red",
                  lw=6)
    elif kind == "hlines":
        ax.hlines([2.5, 3.5], 0.1, 0.3, transform=ax.get_yaxis_transform(), colors="red",
                  lw=6)
    elif kind == "fill":
        ax.fill_between(x, 0, 1, where=np.sin(x) > 0.5, color="red",
                        transform=ax.get_xaxis_transform())
    elif kind == "fillx":
        ax.fill_betweenx([2.5, 3.5], 0, 0.5, color="red", transform=ax.get_yaxis_transform())
    else:
        ax.imshow([[0.0, 1.0], [1.0, 0.0]], cmap="Reds", extent=(0.25, 0.75, 0.25, 0.75),
                  transform=ax.transAxes, aspect="auto", vmin=0, vmax=1.5)
        ax.set(xlim=(0, 10), ylim=(2, 4))
    if move:  # the shapes follow the view
        ax.set_ylim(-5, 10)
        ax.set_xlim(-2, 14)
    return fig, ax


@pytest.mark.parametrize("kind", ["vlines", "hlines", "fill", "fillx", "image"])
@pytest.mark.parametrize("move", [False, True])
def test_transformed_as_matplotlib(kind, move):
    (ours_fig, ours), (theirs_fig, theirs) = _scene(plt, kind, move), \
        _scene(mplt, kind, move)
    # only the data coordinates widen the limits (vlines: x; fill: x; hlines: y)
    assert ours.get_xlim() == pytest.approx(theirs.get_xlim(), abs=1e-9)
    assert ours.get_ylim() == pytest.approx(theirs.get_ylim(), abs=1e-9)
    a, b = _red(_picture(ours_fig)), _red(_picture(theirs_fig))
    assert b.sum() > 50
    assert _near(a, b) > 0.97 and _near(b, a) > 0.97
    assert abs(int(a.sum()) - int(b.sum())) < 0.2 * b.sum()  # thin lines: edge pixels


def test_transform_refusals():
    fig, ax = plt.subplots()
    turned = Affine2D().rotate_deg(30) + ax.transData  # drawn turned: test_image_filters
    assert ax.imshow(np.ones((2, 2)), transform=turned).get_transform() is turned
    pax = fig.add_subplot(2, 2, 4, projection="polar")
    with pytest.raises(TypeError, match="rectilinear"):
        pax.vlines([1], 0, 1, transform=pax.transAxes)
    line = ax.vlines([1], 0, 1, transform=ax.transAxes)
    assert line.get_transform() is ax.transAxes
    assert ax.transAxes.contains_branch_seperately(ax.transData) == (False, False)
    assert ax.get_xaxis_transform().contains_branch_seperately(ax.transData) == (True, False)
