"""A NonUniformImage on the page: runtime.js runs the same program (the camera's matrix
inverted in the plane, the centres searched per pixel) and shows Python's picture."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path[:0] = [str(Path(__file__).resolve().parents[1])]

import browser  # noqa: E402

import lumos  # noqa: E402
from lumos.plot.image_nonuniform import NonUniformImage  # noqa: E402

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("interpolation", ["nearest", "bilinear"])
def test_nonuniform_image_on_the_page_as_in_python(tmp_path, interpolation):
    fig, ax = lumos.subplots(figsize=(3, 2), dpi=100)
    x = np.linspace(-4, 4, 9) ** 3
    y = np.linspace(-4, 4, 9)
    im = NonUniformImage(ax, interpolation=interpolation, cmap="viridis")
    im.set_data(x, y, np.hypot(*np.meshgrid(np.linspace(-4, 4, 9), y)))
    ax.add_image(im)
    # the outer cells stretch to the edges; no midpoint between two centres lies on a
    # pixel's centre (a tie falls either way in float32)
    ax.set_xlim(-70.3, 69.1)
    ax.set_ylim(-4.3, 4.2)
    ax.set_axis_off()
    fig.subplots_adjust(0, 0, 1, 1)
    page = browser.page_as_python(fig, tmp_path, f"nonuniform_{interpolation}")
    assert len(np.unique(page[..., :3].reshape(-1, 3), axis=0)) > 8


def test_log_axis_bilinear_on_the_page_as_in_python(tmp_path):
    """The page weighs colors along the data of a log axis (u_base) as Python."""
    fig, ax = lumos.subplots(figsize=(3, 2), dpi=100)
    im = NonUniformImage(ax, interpolation="bilinear", cmap="viridis")
    im.set_data([1.0, 10, 100, 1000], [0.0, 1, 3], np.arange(12.0).reshape(3, 4))
    ax.add_image(im)
    ax.set_xscale("log")
    ax.set_xlim(0.5, 3000)
    ax.set_ylim(-1, 4)
    ax.set_axis_off()
    fig.subplots_adjust(0, 0, 1, 1)
    browser.page_as_python(fig, tmp_path, "nonuniform_log")
