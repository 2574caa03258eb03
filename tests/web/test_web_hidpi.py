"""High-DPI screens: a page made at pixel ratio 1 draws its canvas at the screen's
devicePixelRatio (Chromium's --force-device-scale-factor), with the same CSS size:
the same picture with twice the pixels, and sharp ones, not the 1x canvas magnified.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]

import browser  # noqa: E402
from test_web_follow import frozen_layout  # noqa: E402

pytestmark = pytest.mark.browser

W, H = 360, 240

_CANVAS_METRICS = """(() => {
  const c = document.getElementById("lumos-canvas");
  return [c.width, c.height, c.clientWidth, c.clientHeight, devicePixelRatio];
})()"""


def figure():
    """Lines (one dashed), markers, text, ticks and labels: what scales with the ratio."""
    import lumos

    fig, ax = lumos.subplots(figsize=(W / 100, H / 100), dpi=100)
    x = np.linspace(0, 10, 60)
    ax.plot(x, np.sin(x), color="k", linewidth=1.5, label="sin")
    ax.plot(x, np.cos(x), "--", color="tab:red", linewidth=1.0, label="cos")
    ax.plot(x[::6], np.sin(x[::6]), "o", color="tab:blue", markersize=6)
    ax.set_title("high dpi")
    ax.set_xlabel("x")
    ax.legend()
    return fig


def edge_figure():
    """One horizontal black line 2 px wide (1.44 pt at 100 dpi) on white, no axes; not
    snapped to the pixel grid, so that its antialiased edges show."""
    import lumos

    fig, ax = lumos.subplots(figsize=(2, 1), dpi=100)
    line, = ax.plot([0, 1], [0.5, 0.5], color="k", linewidth=1.44, solid_capstyle="butt")
    line.set_snap(False)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_axis_off()
    return fig


def downsample(img: np.ndarray, k: int) -> np.ndarray:
    """Mean of each k x k block of an (h, w, 4) picture, as float."""
    h, w = img.shape[0] // k, img.shape[1] // k
    return img[:h * k, :w * k].astype(np.float64).reshape(h, k, w, k, 4).mean(axis=(1, 3))


def shot(html, size, scale, out=None):
    with browser.Chromium(size, scale=scale) as b:
        b.open(html)
        metrics = b.evaluate(_CANVAS_METRICS)
        img = b.capture()
    if out is not None:
        browser._save_png(out, img)
    return metrics, img


def test_page_draws_at_the_device_pixel_ratio(tmp_path):
    """At devicePixelRatio 2 the canvas holds 2x the pixels under the same CSS size;
    the picture is Python's at pixel ratio 2 and, downsampled, the 1x picture."""
    fig = figure()
    html = fig.savefig(tmp_path / "fig.html")
    m1, one = shot(html, (W, H), 1, browser.OUTPUT / "hidpi_1x.png")
    m2, two = shot(html, (W, H), 2, browser.OUTPUT / "hidpi_2x.png")
    assert m1 == [W, H, W, H, 1]
    assert m2 == [2 * W, 2 * H, W, H, 2]
    assert one.shape == (H, W, 4) and two.shape == (2 * H, 2 * W, 4)
    # the same figure as Python draws it at pixel ratio 2 (as test_canvas_html's
    # tolerance: edges of lines and SDF text rasterize slightly differently)
    python = figure().render(dpi=200)
    diff = browser.image_difference(two, python)
    if not (diff["max_channel_mean"] <= 1.5 and diff["bad_fraction"] <= 0.01):
        out = browser.write_comparison("hidpi_2x_vs_python", two, python)
        pytest.fail(f"page at DPR 2 and Python at pixel ratio 2 differ: {diff}; see {out}")
    # downsampled, the 2x picture is the 1x one: same layout, line widths, text sizes
    small = downsample(two, 2)
    d = np.abs(small[..., :3] - one[..., :3].astype(np.float64))
    assert d.mean() < 3.0, d.mean()
    assert (d.max(axis=2) > 96).mean() < 0.01
    # and it is not the 1x picture magnified: that one differs from Python's 2x more
    magnified = np.repeat(np.repeat(one, 2, axis=0), 2, axis=1)
    assert browser.image_difference(magnified, python)["mean"] > 2 * diff["mean"]


def edge_profile(img: np.ndarray) -> tuple[float, float]:
    """(width in pixels, partly covered pixels per edge) of the horizontal black line
    on white, averaged over the middle columns: the width is the summed darkness across
    the line; a pixel between 10 % and 90 % of the way to black is partly covered."""
    h, w = img.shape[:2]
    cols = img[:, w // 4: 3 * w // 4, :3].astype(np.float64).mean(axis=2)  # (h, n)
    dark = 1.0 - cols / 255.0
    partial = ((dark > 0.1) & (dark <= 0.9)).sum(axis=0)
    return float(dark.sum(axis=0).mean()), float(partial.mean()) / 2


def test_lines_are_sharp_at_device_pixel_ratio_2(tmp_path):
    """The edge profile of a 2 px line: at DPR 2 it is twice as many device pixels wide
    and its antialiased edges are no wider in device pixels than at 1x (the 1x canvas
    magnified, as before, doubled those too: a blurred edge)."""
    html = edge_figure().savefig(tmp_path / "edge.html")
    _, one = shot(html, (200, 100), 1, browser.OUTPUT / "hidpi_edge_1x.png")
    _, two = shot(html, (200, 100), 2, browser.OUTPUT / "hidpi_edge_2x.png")
    width1, ramp1 = edge_profile(one)
    width2, ramp2 = edge_profile(two)
    assert abs(width1 - 2.0) <= 0.25, width1
    assert abs(width2 - 2 * width1) <= 0.25, (width1, width2)
    assert ramp2 <= ramp1 + 0.25, (ramp1, ramp2)
    magnified = np.repeat(np.repeat(one, 2, axis=0), 2, axis=1)
    assert edge_profile(magnified)[1] >= 2 * ramp1 > ramp2  # what the test tells apart


def test_page_follows_a_change_of_device_pixel_ratio(tmp_path):
    """Moving the window to a screen of another ratio (matchMedia's resolution query
    changes) redraws the canvas at the new ratio, as a page opened there. (The query's
    change event comes with a rendering update of the page, which headless Chromium
    makes for a screenshot, hence the first capture.)"""
    html = figure().savefig(tmp_path / "fig.html")
    _, fresh = shot(html, (W, H), 2)
    with browser.Chromium((W, H), scale=1) as b:
        b.open(html)
        assert b.evaluate(_CANVAS_METRICS) == [W, H, W, H, 1]
        b.page("Emulation.setDeviceMetricsOverride", {
            "width": W, "height": H, "deviceScaleFactor": 2, "mobile": False})
        b.capture()
        assert b.evaluate(_CANVAS_METRICS) == [2 * W, 2 * H, W, H, 2]
        moved = b.capture()
        # (back to exactly the window's own ratio, emulation dispatches no change event)
        b.page("Emulation.setDeviceMetricsOverride", {
            "width": W, "height": H, "deviceScaleFactor": 1.5, "mobile": False})
        b.capture()
        assert b.evaluate(_CANVAS_METRICS) == [1.5 * W, 1.5 * H, W, H, 1.5]
    assert moved.shape == fresh.shape
    assert browser.image_difference(moved, fresh)["bad_fraction"] == 0.0


def test_mouse_maps_css_pixels_at_device_pixel_ratio_2(tmp_path):
    """The same mouse events in CSS pixels pick the same view and move the camera the
    same at DPR 1 and 2: the cursor is read in the frame's pixels, not the canvas'."""
    import lumos

    fig, (ax, ax2) = lumos.subplots(1, 2, figsize=(6, 3), dpi=100)
    ax.plot([0, 1, 2], [0, 1, 0])
    ax2.plot([0, 1, 2], [1, 0, 1])
    html = fig.savefig(tmp_path / "two.html")
    result = {}
    for scale in (1, 2):
        with browser.Chromium((600, 300), scale=scale) as b:
            b.open(html)
            first = b.evaluate("lumos.standalone.desc.views")
            b.evaluate("""window.probe = new Promise((resolve) => {
              const c = document.getElementById("lumos-canvas");
              c.addEventListener("mousemove", (ev) => resolve(
                lumos.standalone.viewAt(...lumos.standalone._position(ev))), { once: true });
            }); true""")
            b.mouse("mouseMoved", 450, 150)
            hovered = b.evaluate("window.probe")
            b.drag(150, 150, 90, 120)
            b.wheel(450, 100, -100)
            views = b.evaluate("lumos.standalone.desc.views")
            assert views != first
            result[scale] = (hovered, {k: v["camera"]["rect"] for k, v in views.items()
                                       if v["camera"].get("type") == "panzoom"})
    assert result[1][0] == result[2][0] is not None
    assert result[1][0] == lumos_view_of(fig, ax2)
    for k, rect in result[1][1].items():
        np.testing.assert_allclose(result[2][1][k], rect, rtol=1e-9, atol=1e-12)


def lumos_view_of(fig, ax) -> str:
    """The frame's view id of an axes."""
    return f"view{fig.canvas.views.index(ax.view)}"


def test_density_histogram_counts_the_canvas_pixels(tmp_path):
    """eq_hist density draws one histogram point per pixel of the view: at DPR 2 the
    page counts the canvas' pixels (follow.js view_pixels), not the frame's quarter of
    them (which equalized on the bottom rows only: a saturated picture, mean 11 off)."""
    import lumos

    rng = np.random.default_rng(0)
    fig, ax = lumos.subplots(figsize=(3, 2), dpi=100)
    x = rng.normal(size=200_000)
    ax.scatter(x, rng.normal(size=200_000) * (1 + 0.5 * x), density=True)
    html = fig.savefig(tmp_path / "density.html")
    _, two = shot(html, (300, 200), 2, browser.OUTPUT / "hidpi_density_2x.png")
    python = fig.render(dpi=200)
    diff = browser.image_difference(two, python)
    # points that land on a neighbouring pixel in SwiftShader and llvmpipe move a
    # pixel's count, which eq_hist magnifies: looser than for lines (measured 2.0)
    if not diff["mean"] <= 3.0:
        out = browser.write_comparison("hidpi_density_2x", two, python)
        pytest.fail(f"density at DPR 2 differs from Python at dpi 200: {diff}; see {out}")


def test_a_ratio_beyond_the_browsers_canvas_limit_fills_what_it_gives(tmp_path):
    """A browser gives a canvas larger than it allows a smaller drawing buffer (here
    8192 px wide for 24000 asked): the page draws at the scale of that buffer, so the
    diagonal line still reaches the far corner instead of the picture being cut."""
    import lumos

    fig, ax = lumos.subplots(figsize=(2, 0.3), dpi=100)
    ax.plot([0, 1], [0, 1], color="k")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_axis_off()
    html = fig.savefig(tmp_path / "wide.html")
    with browser.Chromium((200, 30), scale=1) as b:
        b.open(html)
        b.evaluate("lumos.standalone.setDisplayRatio(120); true")
        b.capture()
        scale, width, height, buffer = b.evaluate("""(() => {
          const r = lumos.standalone, gl = r.gl;
          return [r.scale, r.canvas.width, r.canvas.height,
                  [gl.drawingBufferWidth, gl.drawingBufferHeight]];
        })()""")
        # dark pixels in the last tenth of the columns, top rows (the line's far end)
        dark = b.evaluate("""(() => {
          const r = lumos.standalone, px = r.readPixels(), w = r.canvas.width;
          let n = 0;
          for (let y = 0; y < r.canvas.height / 4; y++) {
            for (let x = Math.floor(w * 0.9); x < w; x++) if (px[4 * (y * w + x)] < 128) n++;
          }
          return n;
        })()""")
    assert buffer == [width, height]
    assert 1 < scale < 120 and width == round(200 * scale)
    assert dark > 0


def test_a_pan_at_device_pixel_ratio_2_draws_what_python_draws(tmp_path):
    """After a drag and a wheel zoom at DPR 2 the page's followers (ticks, the dashed
    line's scan, a data text) give Python's picture of the new limits at dpi 200."""
    def make():
        import lumos

        fig, ax = lumos.subplots(figsize=(5, 3), dpi=100)
        x = np.linspace(0, 10, 400)
        ax.plot(x, np.sin(x), lw=1.5)
        ax.plot(x, np.cos(x), "--")
        ax.set_title("pan at 2x")
        ax.text(2, 0.5, "data text")
        return fig

    html = make().savefig(tmp_path / "pan.html")
    with browser.Chromium((500, 300), scale=2) as b:
        b.open(html)
        before = b.capture()
        b.drag(250, 150, 180, 120)
        b.wheel(250, 150, -100)
        after = b.capture()
        views = b.evaluate("lumos.standalone.desc.views")
        assert b.evaluate("lumos.standalone.notices || {}") == {}
    ref = make()
    frozen_layout(ref)
    for vid, view in views.items():
        if view["camera"].get("interactive", True):
            ref.camera_changed(ref.canvas.views[int(vid[4:])], view["camera"])
    python = ref.render(dpi=200)
    assert browser.image_difference(after, before)["mean"] > 1  # it moved
    diff = browser.image_difference(after, python)
    if not (diff["max_channel_mean"] <= 1.5 and diff["bad_fraction"] <= 0.01):
        out = browser.write_comparison("hidpi_pan_2x", after, python)
        pytest.fail(f"page panned at DPR 2 and Python at dpi 200 differ: {diff}; see {out}")
