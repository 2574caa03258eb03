"""The science examples in the browser (runtime.js on WebGL2) against the Python
executor: volumes with depth compositing, isosurfaces, impostors, surfaces."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]

import browser  # noqa: E402
from test_science_examples import example  # noqa: E402
from test_web_executor import assert_same, render_browser  # noqa: E402

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("name, kwargs", [
    ("phantom", {"n": 64}), ("peptide", {}), ("crystal", {"sites": 24}),
    ("spectrum", {"frames": 40})])
def test_science_example_matches_in_the_browser(tmp_path, name, kwargs):
    built = example(name).build_canvas(**kwargs)
    canvas = built[0] if isinstance(built, tuple) else built
    expected = canvas.render()
    actual = render_browser(canvas.frame(), tmp_path, f"web_science_{name}")
    if name != "crystal":
        assert_same(f"web_science_{name}", actual, expected)
        return
    # 14 000 sphere silhouettes: how partial coverage is dithered (alpha to coverage)
    # is the implementation's, so edge pixels differ (docs/frame.md); the pictures agree
    # on average and everywhere else
    diff = browser.image_difference(actual, expected)
    assert diff["max_channel_mean"] < 1.0 and diff["bad_fraction"] < 0.02, diff
