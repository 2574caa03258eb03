"""3D axes in the browser: every 3D gallery script draws in runtime.js as in Python,
and a rotation with the mouse in a standalone page (no Python) moves panes, ticks and
labels to the same edges Python puts them on for that camera."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

import pytest

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]

import browser  # noqa: E402
from test_web_executor import assert_same, render_browser  # noqa: E402

import lumos.pyplot as plt  # noqa: E402

pytestmark = pytest.mark.browser

GALLERY = Path(__file__).resolve().parents[2] / "examples" / "gallery"
SCRIPTS = ["surface3d", "wireframe3d", "trisurf3d", "contour3d", "bars3d", "voxels3d",
           "quiver3d", "scatter3d", "text3d", "dashboard_2d3d"]


def figure_of(name: str, tmp_path: Path):
    argv = sys.argv
    sys.argv = [name, str(tmp_path / f"{name}.png")]
    try:
        runpy.run_path(str(GALLERY / f"{name}.py"), run_name="__main__")
    finally:
        sys.argv = argv
    return plt.gcf()


@pytest.mark.parametrize("name", SCRIPTS)
def test_3d_gallery_matches_in_the_browser(tmp_path, name):
    try:
        fig = figure_of(name, tmp_path)
        expected = fig.render()
        actual = render_browser(fig.frame(), tmp_path, f"web_axes3d_{name}")
        assert_same(f"web_axes3d_{name}", actual, expected)
    finally:
        plt.close("all")


def test_rotating_in_the_page_moves_the_box_as_python_does(tmp_path):
    try:
        fig = figure_of("surface3d", tmp_path)
        fig.draw()
        ax = fig.axes[0]
        html = fig.savefig(tmp_path / "rotate.html")
        bx, by, bw, bh = ax.box
        h = fig.canvas.size[1]
        x0, y0 = bx + bw / 2, h - (by + bh / 2)
        # a third of the box to the left and a quarter up: azimuth +60, elevation -45,
        # so the camera looks from below: panes and labels change edges
        x1, y1 = x0 - bw / 3, y0 - bh / 4
        view_id = f"view{fig.canvas.views.index(ax.view)}"
        with browser.Chromium(fig.canvas.size) as b:
            b.open(html)
            b.drag(x0, y0, x1, y1)
            actual = b.capture()
            camera = b.evaluate(f"lumos.standalone.desc.views['{view_id}'].camera")
        assert camera["azimuth"] - 90 == pytest.approx(-60 + 60, abs=1e-3)
        assert camera["elevation"] == pytest.approx(30 - 45, abs=1e-3)
        fig.camera_changed(ax.view, camera)
        assert (ax.azim, ax.elev) == (pytest.approx(0, abs=1e-3), pytest.approx(-15, abs=1e-3))
        expected = fig.render()
        assert_same("web_axes3d_rotated", actual[..., :4], expected)
    finally:
        plt.close("all")



def test_the_data_stay_clipped_to_the_axes_as_the_page_turns_and_zooms(tmp_path):
    """The clip is the frame's (Draw.clip), not the camera's: after a rotation and a
    zoom in a standalone page, a red line running far beyond the limits shows inside
    the axes' rectangle only, and the page matches Python at that camera."""
    import numpy as np

    try:
        fig = plt.figure(figsize=(4, 3), dpi=100)
        ax = fig.add_subplot(projection="3d")
        t = np.linspace(-3, 3, 80)
        ax.plot(t * 3, np.cos(t) * 3, t, color="r", lw=3)
        ax.set(xlim=(-2, 2), ylim=(-2, 2), zlim=(-1, 1))
        fig.draw()
        html = fig.savefig(tmp_path / "clip.html")
        bx, by, bw, bh = ax.box
        h = fig.canvas.size[1]
        x0, y0 = bx + bw / 2, h - (by + bh / 2)
        view_id = f"view{fig.canvas.views.index(ax.view)}"
        home = fig.canvas.frame().views[view_id].camera
        with browser.Chromium(fig.canvas.size) as b:
            b.open(html)
            b.drag(x0, y0, x0 - bw / 4, y0 - bh / 6)
            b.wheel(x0, y0, -300)
            actual = b.capture()
            camera = b.evaluate(f"lumos.standalone.desc.views['{view_id}'].camera")
        # turned, and zoomed in (perspective: a narrower field of view)
        assert camera["azimuth"] != home["azimuth"] and camera["fov"] < home["fov"]
        red = (actual[..., 0] > 150) & (actual[..., 1] < 110) & (actual[..., 2] < 110)
        rows, cols = np.arange(red.shape[0])[:, None], np.arange(red.shape[1])[None]
        # the rectangle, its edges rounded half up as Agg rounds a clip box (the box's
        # right edge is at 320.5: column 320 is in), and the row and column below and
        # left of it (a software rasterizer's multisampled scissor may reach half a
        # pixel into them)
        def edge(v):
            return int(np.floor(v + 0.5))

        inside = ((cols >= edge(bx) - 1) & (cols < edge(bx + bw))
                  & (rows >= edge(h - by - bh)) & (rows < edge(h - by) + 1))
        assert red[inside].sum() > 200 and red[~inside].sum() == 0
        fig.camera_changed(ax.view, camera)
        assert_same("web_axes3d_clip", actual[..., :4], fig.render())
    finally:
        plt.close("all")
