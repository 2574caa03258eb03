"""Images drawn through Agg's filters on the page: runtime.js runs the same image
program (the kernel loop, its widening where the image is shrunk) and shows Python's
picture."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path[:0] = [str(Path(__file__).resolve().parents[1])]

import browser  # noqa: E402

import lumos  # noqa: E402

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("name", "size"), [("lanczos", 8), ("auto", 600),
                                            ("bicubic", 8)])
def test_filtered_images_on_the_page_as_in_python(tmp_path, name, size):
    fig, ax = lumos.subplots(figsize=(3, 2), dpi=100)
    y, x = np.mgrid[0:1:size * 1j, 0:1:size * 1j]
    ax.imshow(np.sin(40 * (x**2 + y**2)), cmap="viridis", interpolation=name,
              aspect="auto")
    ax.set_axis_off()
    fig.subplots_adjust(0, 0, 1, 1)
    browser.page_as_python(fig, tmp_path, f"filter_{name}")


def test_short_colormaps_show_flat_bands_on_the_page(tmp_path):
    """A 5-entry viridis and a 3-color ListedColormap: runtime.js reads the table's
    entries as matplotlib looks them up (no blending between entries), as Python does."""
    fig, axs = lumos.subplots(2, 1, figsize=(3, 2), dpi=100)
    z = np.linspace(0, 1, 300)[None, :].repeat(10, 0)
    axs[0].imshow(z, cmap=lumos.pyplot.get_cmap("viridis", 5), aspect="auto")
    axs[1].imshow(z, cmap=lumos.colors.ListedColormap(["r", "g", "b"]), aspect="auto")
    for ax in axs:
        ax.set_axis_off()
    fig.subplots_adjust(0, 0, 1, 1, 0, 0)
    browser.page_as_python(fig, tmp_path, "short_colormaps")
