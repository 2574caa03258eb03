"""A page draws a ``clip_on=False`` patch in axes fractions where Python does: over the
axes' box, not the canvas (it is drawn in a view over the whole canvas whose camera
carries the axes' rectangle, lumos/plot/unclipped.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path[:0] = [str(Path(__file__).resolve().parents[1])]

import browser  # noqa: E402

from lumos import pyplot as plt  # noqa: E402

pytestmark = pytest.mark.browser

MEAN, BAD = 1.0, 0.005  # tests/web/test_web_interaction.py's tolerance


def orange_columns(img) -> tuple[int, int]:
    hit = (np.abs(img[..., :3].astype(int) - (255, 165, 0)) < 30).all(axis=-1)
    cols = np.flatnonzero(hit.any(axis=0))
    return int(cols.min()), int(cols.max())


def test_page_places_unclipped_axes_fraction_patch_as_python(tmp_path):
    fig, ax = plt.subplots(figsize=(5, 3.5), dpi=100)
    ax.plot([0, 10], [-1, 1])
    ax.add_patch(plt.Rectangle((0.25, 0.25), 0.5, 0.5, transform=ax.transAxes,
                               clip_on=False, color="orange"))
    python = fig.render()
    html = fig.savefig(tmp_path / "f.html")
    with browser.Chromium((500, 350)) as b:
        b.open(html)
        page = b.capture()
    diff = browser.image_difference(page, python)
    assert diff["mean"] < MEAN and diff["bad_fraction"] < BAD, diff
    # matplotlib's box [0.125, 0.11, 0.775, 0.77] of 500 px: x 159.4 .. 353.1
    assert orange_columns(page) == pytest.approx((159, 353), abs=1)
    plt.close(fig)
