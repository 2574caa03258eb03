"""A page fills a translucent self-crossing patch once where it overlaps, as Python's
executor does (the fill through a layer of its own, lumos/visuals/line_layer.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path[:0] = [str(Path(__file__).resolve().parents[1]),
                str(Path(__file__).resolve().parents[1] / "plot")]

import browser  # noqa: E402
from test_self_crossing_fill import ONCE, band_figure  # noqa: E402

from lumos import pyplot as plt  # noqa: E402

pytestmark = pytest.mark.browser

MEAN, BAD = 1.0, 0.005  # tests/web/test_web_interaction.py's tolerance


def test_page_fills_a_self_crossing_band_once(tmp_path):
    fig = band_figure()
    python = fig.render()
    html = fig.savefig(tmp_path / "band.html")
    plt.close(fig)
    with browser.Chromium((400, 400)) as b:
        b.open(html)
        page = b.capture()
    diff = browser.image_difference(page, python)
    assert diff["mean"] < MEAN and diff["bad_fraction"] < BAD, diff
    img = page[..., :3].astype(int)
    orange = (img[..., 0] > 240) & (img[..., 2] < 230)
    assert orange.sum() > 10000
    assert int((orange & (img[..., 1] < ONCE[1] - 6)).sum()) == 0
