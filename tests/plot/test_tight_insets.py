"""tight_layout with insets beside the axes: one pass, the insets measured where they
stand (after their own aspect), as matplotlib's ``tight_layout`` (gallery
plot_streamplot, figure 2: an inset with an equal aspect reaching above each of three
equal-aspect axes, and the zoom it indicates)."""

from __future__ import annotations

import numpy as np
import pytest

import lumos.pyplot as lplt

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402


def _zoomed_cylinders(plt):
    fig, axs = plt.subplots(3, 1, figsize=(6, 14))
    t = np.linspace(0, 2 * np.pi, 100)
    for ax in axs:
        inset = ax.inset_axes([0.0, 0.7, 0.3, 0.35])
        for a in (ax, inset):
            a.fill(np.cos(t), np.sin(t), color="w", ec="k", lw=2)
            a.set_aspect("equal")
        ax.text(0.0, 0.0, "a label\nof two lines", ha="center", va="center")
        inset.set_xlim(-1.2, -0.7)
        inset.set_ylim(-0.8, -0.4)
        inset.set_xticks(())
        inset.set_yticks(())
        ax.set_ylim(-1.5, 1.5)
        ax.axis("off")
        ax.indicate_inset_zoom(inset, ec="k")
    plt.tight_layout()
    return fig, axs


def _boxes_and_limits(plt):
    fig, axs = _zoomed_cylinders(plt)
    fig.canvas.draw()
    size = fig.get_size_inches() * fig.dpi
    boxes = np.array([np.array(ax.get_position().bounds) * np.r_[size, size]
                      for ax in axs])
    limits = np.array([(*ax.get_xlim(), *ax.get_ylim()) for ax in axs], dtype=float)
    plt.close(fig)
    return boxes, limits


def test_tight_layout_measures_an_inset_after_its_aspect_in_one_pass():
    """The inset above each axes reaches 11 px past it (its box shrunk to its equal
    aspect), not 16 (the bounds given): the axes stand where matplotlib's do, and the
    zoom's rectangle leaves the x limits to the data (it stretched them to -1.31, the
    axes 33 px wider)."""
    ours, our_limits = _boxes_and_limits(lplt)
    theirs, their_limits = _boxes_and_limits(mplt)
    np.testing.assert_allclose(our_limits, their_limits, rtol=1e-9)
    np.testing.assert_allclose(ours, theirs, atol=0.5)


def test_indicate_inset_zoom_leaves_the_data_limits_alone():
    """matplotlib's indicator is no patch of the axes: its rectangle never joins the
    data limits, whether a fit is pending when it is added or asked for after."""
    for plt in (lplt, mplt):
        fig, ax = plt.subplots()
        ax.plot([0, 1], [0, 1])
        inset = ax.inset_axes([0.6, 0.6, 0.3, 0.3])
        inset.set_xlim(-1.2, -0.7)
        inset.set_ylim(-0.8, -0.4)
        ax.indicate_inset_zoom(inset)
        ax.autoscale_view()
        fig.canvas.draw()
        assert ax.get_xlim() == pytest.approx((-0.05, 1.05))
        assert ax.get_ylim() == pytest.approx((-0.05, 1.05))
        plt.close(fig)
