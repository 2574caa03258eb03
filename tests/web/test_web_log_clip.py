"""A page draws what Python draws for values <= 0 on log axes (matplotlib's default
``nonpositive='clip'``: 1000 decades down): the line shader cuts a segment's far end
into a box around the view in WebGL as in Python's renderer, so a stroke to an end
10^8 pixels away stays whole; the axes' follower maps a span at 0 as the axes do."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path[:0] = [str(Path(__file__).resolve().parents[1])]

import browser  # noqa: E402

from lumos import pyplot as plt  # noqa: E402

pytestmark = pytest.mark.browser


def test_clipped_log_lines_page_as_python(tmp_path):
    fig, axs = plt.subplots(1, 3, figsize=(6, 2.5), dpi=80)
    axs[0].semilogy([1, 0, 10, -5, 100], "o-")
    # a deep zoom: the clipped ends lie 10^8 pixels below the view
    axs[1].semilogy([1, 2, 3, 4], [1.002, 0, 1.006, 1.004], "-")
    axs[1].set_ylim(1, 1.01)
    axs[2].set_xscale("log")
    axs[2].plot([1.002, 0, 1.008, 1.004], [1, 2, 3, 4], "o-")
    axs[2].set_xlim(1, 1.01)
    axs[2].axvline(0.0, color="r")  # at -1000 decades: nowhere in the page either
    page = browser.page_as_python(fig, tmp_path, "log_clip")[..., :3].astype(int)
    # the deep zoom's stroke from (3, 1.006) down to the bottom edge, unbroken
    h = page.shape[0]
    bx, by, bw, bh = axs[1].box
    col = int(round(axs[1].to_pixels(3.0, 1.0)[0]))
    top = int(round(h - axs[1].to_pixels(3.0, 1.006)[1])) + 3
    strip = page[top:int(h - by) - 2, col - 1:col + 2]
    blue = (strip[..., 2] - strip[..., 0] > 60) & (strip[..., 2] > 120)
    assert strip.shape[0] > 30 and blue.any(axis=1).all()
    assert not ((page[..., 0] > 200) & (page[..., 1] < 80) & (page[..., 2] < 80)).any()
    plt.close(fig)
