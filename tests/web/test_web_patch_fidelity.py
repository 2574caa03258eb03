"""A page draws what Python draws for patches lumos once drew unlike matplotlib: a
``clip_on=False`` patch in axes fractions spans the axes' box, not the canvas (its
view over the whole canvas carries the axes' rectangle, lumos/plot/unclipped.py); a
translucent self-crossing patch is shaded once where it overlaps (lumos/visuals/path.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path[:0] = [str(Path(__file__).resolve().parents[1]),
                str(Path(__file__).resolve().parents[1] / "plot")]

import browser  # noqa: E402
from test_self_crossing_fill import ONCE, band_figure  # noqa: E402

from lumos import pyplot as plt  # noqa: E402

pytestmark = pytest.mark.browser

def page_as_python(fig, tmp_path, name: str) -> np.ndarray:
    """The page of ``fig`` (closed after), checked against Python's render: RGB ints."""
    page = browser.page_as_python(fig, tmp_path, name)
    plt.close(fig)
    return page[..., :3].astype(int)


def test_page_places_unclipped_axes_fraction_patch_as_python(tmp_path):
    fig, ax = plt.subplots(figsize=(5, 3.5), dpi=100)
    ax.plot([0, 10], [-1, 1])
    ax.add_patch(plt.Rectangle((0.25, 0.25), 0.5, 0.5, transform=ax.transAxes,
                               clip_on=False, color="orange"))
    img = page_as_python(fig, tmp_path, "axes_fraction_patch")
    hit = (np.abs(img - (255, 165, 0)) < 30).all(axis=-1)
    cols = np.flatnonzero(hit.any(axis=0))
    # matplotlib's box [0.125, 0.11, 0.775, 0.77] of 500 px: x 159.4 .. 353.1
    assert (cols.min(), cols.max()) == pytest.approx((159, 353), abs=1)


def test_page_fills_a_self_crossing_band_once(tmp_path):
    img = page_as_python(band_figure(), tmp_path, "self_crossing_band")
    orange = (img[..., 0] > 240) & (img[..., 2] < 230)
    assert orange.sum() > 10000
    assert int((orange & (img[..., 1] < ONCE[1] - 6)).sum()) == 0


@pytest.mark.parametrize("name", ["pentagram", "figure_eight_patch",
                                  "pentagram_patch_translucent", "donut_opposite_turn"])
def test_page_and_svg_fill_a_self_crossing_outline_as_matplotlib(tmp_path, name):
    # the page draws Python's triangles (geometry.winding_fill); the SVG file gives the
    # outline itself to the browser, filled nonzero as matplotlib's
    from test_winding_fill import blue_share, draw, mpl_picture

    theirs = mpl_picture(name)
    page = page_as_python(draw(plt, name), tmp_path, name)
    assert np.abs(page - theirs).mean() < 1.0
    assert blue_share(page) == pytest.approx(blue_share(theirs), abs=0.005)
    fig = draw(plt, name)
    fig.savefig(tmp_path / f"{name}.svg")
    plt.close(fig)
    with browser.svg_browser(tmp_path / f"{name}.svg", theirs.shape[1]) as b:
        svg = browser.rasterize_svg(b, tmp_path / f"{name}.svg", theirs.shape[1])
    assert np.abs(svg[..., :3].astype(int) - theirs).mean() < 1.5
