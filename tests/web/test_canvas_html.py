"""The exported page of a whole canvas (every visual, 2D and 3D views) matches render().

This is what keeps the two executors honest on real visuals, not hand-made frames.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import browser  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "examples"))
from demo import build_canvas  # noqa: E402

pytestmark = pytest.mark.browser

# Lines and SDF text are computed per fragment from gl_FragCoord; SwiftShader and
# llvmpipe rasterize edges slightly differently, so allow more edge pixels than for
# the hand-made frames (which need mean <= 1.0 and <= 0.5 % of pixels off by > 32).
MEAN_TOL = 1.5
BAD_TOL = 0.01


@pytest.mark.parametrize("pixel_ratio", [1, 2])
def test_demo_canvas_html_matches_render(tmp_path, pixel_ratio):
    canvas = build_canvas(pixel_ratio=pixel_ratio)
    expected = canvas.render()
    html = canvas.save(tmp_path / "demo.html")
    actual = browser.screenshot(html, canvas.size, scale=pixel_ratio)
    assert actual.shape == expected.shape
    diff = browser.image_difference(actual, expected)
    if not (diff["max_channel_mean"] <= MEAN_TOL and diff["bad_fraction"] <= BAD_TOL):
        out = browser.write_comparison(f"demo_html_{pixel_ratio}", actual, expected)
        pytest.fail(f"browser and Python renders differ: {diff}; see {out}")
    # the picture is not blank: lines, image, mesh and text all add colors
    assert len(np.unique(expected[..., :3].reshape(-1, 3), axis=0)) > 500
