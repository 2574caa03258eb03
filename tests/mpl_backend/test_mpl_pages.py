"""A matplotlib figure saved through the backend as a standalone lumos page (headless
Chromium): the picture of the PNG; the axes' data pan in the browser, the rest stays."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from matplotlib.figure import Figure

from lumos.mpl_backend import FigureCanvasLumos

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import browser  # noqa: E402

pytestmark = pytest.mark.browser


def _figure():
    fig = Figure(figsize=(4, 3), dpi=100)
    ax = fig.add_subplot()
    x = np.linspace(0, 10, 2000)
    ax.plot(x, np.sin(x), lw=2)
    ax.scatter(x[::100], np.cos(x[::100]), c=x[::100])
    ax.set_title("page")
    FigureCanvasLumos(fig)
    return fig, ax


def test_page_shows_the_png(tmp_path):
    from PIL import Image

    fig, ax = _figure()
    fig.savefig(tmp_path / "f.png")
    fig.savefig(tmp_path / "f.html")
    shot = browser.screenshot(tmp_path / "f.html", (400, 300))[..., :3].astype(float)
    png = np.asarray(Image.open(tmp_path / "f.png").convert("RGB"), float)
    assert shot.shape == png.shape
    assert np.abs(shot - png).mean() < 2.0


def test_drag_pans_the_data_not_the_ticks(tmp_path):
    fig, ax = _figure()
    fig.savefig(tmp_path / "f.html")
    still = browser.screenshot(tmp_path / "f.html", (400, 300))[..., :3].astype(int)
    moved = browser.interact(tmp_path / "f.html", (400, 300),
                             [("drag", 200, 150, 260, 150)])[..., :3].astype(int)
    bbox = ax.get_window_extent()
    x0, x1 = int(bbox.x0) + 3, int(bbox.x1) - 3
    y0, y1 = 300 - int(bbox.y1) + 3, 300 - int(bbox.y0) - 3
    inside = np.abs(moved[y0:y1, x0:x1] - still[y0:y1, x0:x1]).mean()
    outside = np.abs(moved[y1 + 6:, :] - still[y1 + 6:, :]).mean()  # tick labels below
    assert inside > 2.0  # the data moved
    assert outside < 0.5  # ticks and labels are static in a standalone page
