"""quiver in a standalone page: after the browser alone zooms, the arrows are what
Python draws for the page's view (matplotlib's quiver arrows are remade at each draw).

Arrows in pixel-like units (``units='width'``, the default) are pixels about their data
points: the page moves their points and keeps their size, with no notice. Arrows in data
units (``units='xy'``) are data vertices, which a wheel zoom scales as matplotlib's dots
per unit; an x-only zoom cannot (matplotlib scales the whole arrow), so the page says
they are shown as exported.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).parent)]

import browser  # noqa: E402
from test_web_follow import assert_same, page_and_python  # noqa: E402

import lumos  # noqa: E402

pytestmark = pytest.mark.browser

SIZE = (500, 350)
ZOOM_IN = [("wheel", 250, 175, -300)]  # three notches about the middle


def quiver_plot(units: str, key: bool = False, **kw):
    def make():
        fig, ax = lumos.subplots(figsize=(5, 3.5), dpi=100)
        x, y = np.meshgrid(np.linspace(0, 10, 7), np.linspace(0, 5, 5))
        q = ax.quiver(x, y, np.cos(x / 3), np.sin(y), units=units, **kw)
        if key:
            ax.quiverkey(q, 0.8, 0.9, 1, "1 m/s", labelpos="E")
        ax.set_xlim(-1, 11)
        ax.set_ylim(-1, 6)
        return fig
    return make


def frozen_notices(notices: dict) -> list:
    return [k for k in notices if k.startswith("frozen-")]


@pytest.mark.parametrize("key", [False, True], ids=["arrows", "with_key"])
def test_width_units_follow_a_zoom_as_python(tmp_path, key):
    before, after, python, notices = page_and_python(
        tmp_path, quiver_plot("width", key), SIZE, ZOOM_IN, "quiver_width")
    assert frozen_notices(notices) == [], notices
    assert browser.image_difference(before, after)["mean"] > 2  # the zoom moved them
    assert_same(f"quiver_width_{key}", after, python)


def test_xy_units_scale_with_a_wheel_zoom_and_say_they_are_frozen(tmp_path):
    before, after, python, notices = page_and_python(
        tmp_path, quiver_plot("xy", scale=2.0), SIZE, ZOOM_IN, "quiver_xy")
    assert frozen_notices(notices) == ["frozen-quiver arrows"], notices
    assert browser.image_difference(before, after)["mean"] > 2
    assert_same("quiver_xy", after, python)


def test_xy_angles_are_marked_frozen(tmp_path):
    """angles='xy' turn with the view's aspect (an x-only zoom): marked, though a wheel
    zoom (both axes alike) keeps them as Python draws them."""
    _, after, python, notices = page_and_python(
        tmp_path, quiver_plot("width", angles="xy"), SIZE, ZOOM_IN, "quiver_xy_angles")
    assert frozen_notices(notices) == ["frozen-quiver arrows"], notices
    assert_same("quiver_xy_angles", after, python)
