"""Mouse interaction in the standalone page: the browser moves the cameras by itself.

Coordinates are CSS pixels of the page (pixel ratio 1, so also physical pixels).
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]

import browser  # noqa: E402
from scenes import interaction_frame, render_python  # noqa: E402

from lumos.gpu.camera_math import quaternion_matrix  # noqa: E402
from lumos.io.html import save_html  # noqa: E402

pytestmark = pytest.mark.browser

PZ, TT, AB = (slice(0, 150), slice(150, 300), slice(300, 450))


@pytest.fixture
def page(tmp_path):
    html = save_html(interaction_frame(), tmp_path / "interaction.html")
    with browser.Chromium((450, 150)) as b:
        b.open(html)
        yield b


def dark_box(img: np.ndarray) -> tuple[float, float, float, float]:
    """Centroid x, y and width, height of the dark square in the panzoom view."""
    ys, xs = np.nonzero(img[:, PZ, :3].max(axis=2) < 128)
    return xs.mean(), ys.mean(), xs.max() - xs.min() + 1, ys.max() - ys.min() + 1


def content_centroid(img: np.ndarray, cols: slice) -> tuple[float, float]:
    """Centroid of the pixels that differ from the view's background colour."""
    region = img[:, cols, :3].astype(int)
    ys, xs = np.nonzero(np.abs(region - region[2, 2]).max(axis=2) > 40)
    return xs.mean(), ys.mean()


def camera(b, view: str) -> dict:
    return b.evaluate(f"lumos.standalone.desc.views['{view}'].camera")


def test_first_picture_matches_python(page):
    diff = browser.image_difference(page.capture(), render_python(interaction_frame()))
    assert diff["mean"] < 1.0 and diff["bad_fraction"] < 0.005, diff


def test_drag_pans_with_the_cursor(page):
    before = page.capture()
    page.drag(75, 75, 105, 95)
    after = page.capture()
    x0, y0, w0, h0 = dark_box(before)
    x1, y1, w1, h1 = dark_box(after)
    assert abs((x1 - x0) - 30) <= 1 and abs((y1 - y0) - 20) <= 1, (x0, y0, x1, y1)
    assert (w1, h1) == (w0, h0)
    # The data rectangle moved by the dragged fraction of the view (y up in data).
    rect = camera(page, "pz")["rect"]
    np.testing.assert_allclose(rect, [-30 / 150, 20 / 150, 1, 1], atol=1e-9)
    # Only the view under the cursor moved.
    assert np.array_equal(before[:, 150:], after[:, 150:])


def test_wheel_zooms_about_the_cursor_and_dblclick_restores(page):
    before = page.capture()
    cx, cy = 80.0, 70.0  # inside the square, off its centre
    page.wheel(cx, cy, -300)  # three notches in
    after = page.capture()
    s = 1.1**3
    x0, y0, w0, h0 = dark_box(before)
    x1, y1, w1, h1 = dark_box(after)
    assert abs(w1 - w0 * s) <= 1.5 and abs(h1 - h0 * s) <= 1.5, (w0, w1)
    # The point under the cursor stays: the centroid scales about (cx, cy).
    assert abs(x1 - (cx + (x0 + 0.5 - cx) * s - 0.5)) <= 1
    assert abs(y1 - (cy + (y0 + 0.5 - cy) * s - 0.5)) <= 1
    assert np.array_equal(before[:, 150:], after[:, 150:])
    page.wheel(cx, cy, 300)  # and out again
    rect = camera(page, "pz")["rect"]
    np.testing.assert_allclose(rect, [0, 0, 1, 1], atol=1e-12)
    page.drag(30, 30, 60, 40)
    page.wheel(200, 75, 200)  # zooms the turntable out
    assert not np.array_equal(page.capture(), before)
    page.dblclick(75, 75)
    page.dblclick(225, 75)
    assert np.array_equal(page.capture(), before)


def test_turntable_drag_rotates_and_clamps_elevation(page):
    before = page.capture()
    page.drag(225, 75, 255, 75)
    after = page.capture()
    cam = camera(page, "tt")
    assert cam["azimuth"] == pytest.approx(20 - 30 * 180 / 150)
    assert cam["elevation"] == pytest.approx(30)
    assert not np.array_equal(before[:, TT], after[:, TT])
    assert np.array_equal(before[:, PZ], after[:, PZ])
    assert np.array_equal(before[:, AB], after[:, AB])
    page.drag(225, 10, 225, 140)  # 130 px down: +156 degrees, clamped to 90
    assert camera(page, "tt")["elevation"] == 90
    for _ in range(2):  # 2 x 140 px up: -336 degrees, clamped to -90
        page.drag(225, 145, 225, 5)
    assert camera(page, "tt")["elevation"] == -90


def test_turntable_wheel_and_shift_drag_pan(page):
    page.wheel(225, 75, 100)
    assert camera(page, "tt")["distance"] == pytest.approx(4 * 1.1)
    before = page.capture()
    page.drag(225, 75, 245, 85, shift=True)
    after = page.capture()
    x0, y0 = content_centroid(before, TT)
    x1, y1 = content_centroid(after, TT)
    # The content at the centre's depth follows the cursor; the cube has depth, so
    # allow a pixel or two.
    assert abs((x1 - x0) - 20) <= 2 and abs((y1 - y0) - 10) <= 2, (x1 - x0, y1 - y0)


def test_arcball_drag_follows_the_trackball(page):
    before = page.capture()
    q0 = camera(page, "ab")["quaternion"]
    page.drag(375, 75, 405, 75)  # from the view centre, 30 px right
    after = page.capture()
    q1 = camera(page, "ab")["quaternion"]
    assert math.isclose(float(np.linalg.norm(q1)), 1.0, rel_tol=1e-12)
    # The drag rotation (view space) takes the trackball point under the press to the
    # one under the release: the front of the ball (0, 0, 1) to (0.4, 0, sqrt(0.84)).
    r0, r1 = quaternion_matrix(q0)[:3, :3], quaternion_matrix(q1)[:3, :3]
    moved = (r1 @ r0.T) @ np.array([0.0, 0.0, 1.0])
    np.testing.assert_allclose(moved, [0.4, 0.0, math.sqrt(0.84)], atol=1e-9)
    assert not np.array_equal(before[:, AB], after[:, AB])
    assert np.array_equal(before[:, :300], after[:, :300])


def test_controllers_are_pure_functions(page):
    """The controllers return new cameras and leave their input alone."""
    result = page.evaluate("""(() => {
        const cam = {type: "turntable", center: [0, 0, 0], azimuth: 0, elevation: 80,
                     distance: 2, fov: 45};
        const copy = JSON.stringify(cam);
        const out = lumos.controllers.turntable.drag(cam, {x: 0, y: 0, dx: 0, dy: 500},
                                                     [0, 0, 100, 100]);
        return [JSON.stringify(cam) === copy, out.elevation, out === cam];
    })()""")
    assert result == [True, 90, False]


def test_figure_page_pans_the_axes_not_the_decorations(tmp_path):
    import lumos

    fig, ax = lumos.subplots(figsize=(4, 3), dpi=100)
    ax.plot([0, 1, 2], [0, 1, 0])
    html = fig.savefig(tmp_path / "fig.html")
    with browser.Chromium((400, 300)) as b:
        b.open(html)
        views = b.evaluate("lumos.standalone.desc.views")
        axes_id = next(k for k, v in views.items() if v["camera"].get("interactive", True))
        deco_id = next(k for k, v in views.items() if not v["camera"].get("interactive", True))
        b.drag(200, 150, 240, 150)
        after = b.evaluate("lumos.standalone.desc.views")
    assert after[deco_id]["camera"] == views[deco_id]["camera"]
    assert after[axes_id]["camera"]["rect"][0] < views[axes_id]["camera"]["rect"][0]


_CANVAS_METRICS = """(() => {
  const c = document.getElementById("lumos-canvas");
  return [c.width, c.height, c.clientWidth, c.clientHeight, devicePixelRatio];
})()"""


@pytest.mark.parametrize("scale", [1, 2])
def test_figure_page_keeps_its_scale_after_a_drag(tmp_path, scale):
    """A drag on one axes moves that axes' content only: the canvas keeps its backing
    store (the screen's pixels: twice the CSS size at ratio 2), CSS size and the device
    pixel ratio, and the title and the other axes keep every screenshot pixel (a page
    drawing at another scale would move them all)."""
    import lumos

    fig, (ax, ax2) = lumos.subplots(1, 2, figsize=(6, 3), dpi=100)
    x = np.linspace(0, 10, 200)
    ax.plot(x, np.sin(x), label="sin")
    ax.set_title("line")
    ax.legend()
    ax2.semilogy(x, np.exp(x))
    ax2.set_xlabel("x")
    html = fig.savefig(tmp_path / "fig.html")
    with browser.Chromium((600, 300), scale=scale) as b:
        b.open(html)
        views = b.evaluate("lumos.standalone.desc.views")
        left = b.evaluate("lumos.standalone.viewAt(150, 150)")  # the left axes
        metrics, before = b.evaluate(_CANVAS_METRICS), b.capture()
        b.drag(150, 150, 90, 120)
        assert b.evaluate(_CANVAS_METRICS) == metrics == [
            600 * scale, 300 * scale, 600, 300, scale]
        after = b.evaluate("lumos.standalone.desc.views")
        image = b.capture()
    assert after[left]["camera"]["rect"] != views[left]["camera"]["rect"]
    assert image.shape == before.shape == (300 * scale, 600 * scale, 4)
    # The title lies above the axes: the canvas is drawn at the screen's ratio, so the
    # axes' top edge is a device-pixel row (the magnified 1x canvas used to blur it
    # into the row above).
    top = views[left]["rect"][1] * scale

    def changed(region):  # device pixels that differ between the two screenshots
        return int((image[region] != before[region]).any(axis=-1).sum())

    assert changed(np.s_[top:, :300 * scale]) > 0  # the dragged axes moved
    assert changed(np.s_[:top]) == 0
    assert changed(np.s_[:, 300 * scale:]) == 0


@pytest.mark.parametrize("navigate, forward, moved", [
    (True, "auto", {"above"}), (False, "auto", {"below"}), (True, True, {"above", "below"})])
def test_figure_page_follows_navigate_and_forward(tmp_path, navigate, forward, moved):
    """A drag over a small axes lying on a big one moves the small one, the big one when
    the small one does not navigate, and both when it forwards navigation (the page's
    twin of tests/plot/test_navigation.py)."""
    import lumos

    fig = lumos.figure(figsize=(4, 3), dpi=100)
    axes = {"below": fig.add_axes((0.1, 0.1, 0.8, 0.8)),
            "above": fig.add_axes((0.3, 0.3, 0.4, 0.4))}
    axes["above"].set_navigate(navigate)
    axes["above"].set_forward_navigation_events(forward)
    html = fig.savefig(tmp_path / "fig.html")
    ids = {name: next(f"view{i}" for i, v in enumerate(fig.canvas.views) if v is ax.view)
           for name, ax in axes.items()}  # as the page names them (after drawing)
    with browser.Chromium((400, 300)) as b:
        b.open(html)
        views = b.evaluate("lumos.standalone.desc.views")
        b.drag(200, 150, 240, 150)
        after = b.evaluate("lumos.standalone.desc.views")
    got = {name for name, i in ids.items()
           if after[i]["camera"]["rect"] != views[i]["camera"]["rect"]}
    assert got == moved
