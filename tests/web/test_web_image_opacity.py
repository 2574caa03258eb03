"""An image see-through by half (``imshow(alpha=0.5)``) on the page: runtime.js runs the
same frame description (the image program's ``u_opacity``) and shows Python's picture."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path[:0] = [str(Path(__file__).resolve().parents[1])]

import browser  # noqa: E402

import lumos  # noqa: E402

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("interpolation", ["nearest", "bilinear"])
def test_image_opacity_on_the_page_as_in_python(tmp_path, interpolation):
    fig, ax = lumos.subplots(figsize=(3, 2), dpi=100)
    ax.axhline(0.25, color="r", lw=20)  # rows 136..164 of 200
    ax.imshow([[0.0, 0.3], [0.6, 1.0]], cmap="RdYlGn", alpha=0.5, zorder=3,
              interpolation=interpolation, extent=(0, 1, 0, 1), aspect="auto")
    ax.set_axis_off()
    fig.subplots_adjust(0, 0, 1, 1)
    page = browser.page_as_python(fig, tmp_path, f"opacity_{interpolation}")
    # see-through by half: the same color of the image over the red line and over white
    # differ by half of white's green and blue
    over_red, over_white = page[150, 75, :3].astype(int), page[190, 75, :3].astype(int)
    np.testing.assert_allclose(over_white - over_red, [0, 127.5, 127.5], atol=3)
    assert len(np.unique(page[..., :3].reshape(-1, 3), axis=0)) > 4


def test_image_under_and_over_on_the_page_as_in_python(tmp_path):
    """The page runs the image program's under/over colors (u_under, u_over) as Python."""
    cmap = lumos.colors.get_cmap("viridis").with_extremes(under="red", over="magenta")
    fig, ax = lumos.subplots(figsize=(3, 2), dpi=100)
    y, x = np.mgrid[-2:2:12j, -3:3:18j]
    im = ax.imshow(np.sin(x * 1.3) * np.cos(y * 1.7) * 1.6, cmap=cmap, vmin=-1, vmax=1,
                   interpolation="bilinear", aspect="auto")
    assert im.on_gpu()
    ax.set_axis_off()
    fig.subplots_adjust(0, 0, 1, 1)
    page = browser.page_as_python(fig, tmp_path, "extremes")
    red = (page[..., 0] > 250) & (page[..., 1] < 5) & (page[..., 2] < 5)
    assert red.mean() > 0.1
