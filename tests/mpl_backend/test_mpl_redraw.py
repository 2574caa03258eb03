"""Redraws keep what did not change; blitting; timers."""

from __future__ import annotations

import io
import time

import numpy as np
from matplotlib.figure import Figure
from mpl_compare import rms

from lumos.mpl_backend import FigureCanvasLumos


def _line_figure(n=200_000):
    fig = Figure(figsize=(4, 3), dpi=80)
    ax = fig.add_subplot()
    x = np.arange(n, dtype=float)
    (line,) = ax.plot(x, np.cumsum(np.random.default_rng(0).standard_normal(n)))
    FigureCanvasLumos(fig)
    return fig, ax, line


def test_pan_moves_a_camera_not_the_data():
    """After a pan (new limits), the long line's visual is not rebuilt: only ticks and
    labels are (a few hundred points); the picture follows the limits."""
    fig, ax, line = _line_figure()
    c = fig.canvas
    c.draw()
    first = c.render_pixels().copy()
    assert c.scene_stats["rebuilt_points"] >= 200_000
    for k in range(3):  # matplotlib draws only the visible stretch: still kept
        ax.set_xlim(20_000 + 5000 * k, 120_000 + 5000 * k)
        c.draw()
        assert c.scene_stats["rebuilt_points"] < 5000, c.scene_stats
    panned = c.render_pixels()
    assert rms(first[..., :3], panned[..., :3]) > 5  # it moved
    # and it is what lumos draws for these limits from scratch (the level of detail of
    # the stretch matplotlib hands over then: bins fall a little differently)
    fig2, ax2, _ = _line_figure()
    ax2.set_xlim(ax.get_xlim())
    ax2.set_ylim(ax.get_ylim())
    fig2.canvas.draw()
    assert rms(fig2.canvas.render_pixels()[..., :3], panned[..., :3]) < 4.0


def test_pan_keeps_a_long_marker_line():
    """Markers of a long line (matplotlib hands their visible stretch) stay as well."""
    fig = Figure(figsize=(4, 3), dpi=80)
    ax = fig.add_subplot()
    x = np.arange(100_000, dtype=float)
    ax.plot(x, np.sin(x / 5000), "o", ms=2)
    FigureCanvasLumos(fig)
    fig.canvas.draw()
    ax.set_xlim(10_000, 40_000)
    fig.canvas.draw()
    ax.set_xlim(12_000, 42_000)
    fig.canvas.draw()
    assert fig.canvas.scene_stats["rebuilt_points"] < 5000


def test_same_draw_twice_rebuilds_nothing():
    fig, ax, line = _line_figure(1000)
    ax.scatter([1, 2, 3], [1, 2, 3], c=[0.1, 0.5, 0.9])
    ax.set_title("t")
    fig.canvas.draw()
    fig.canvas.draw()
    assert fig.canvas.scene_stats["rebuilt"] == 0


def test_changed_data_are_drawn():
    fig, ax, line = _line_figure(10_000)
    c = fig.canvas
    c.draw()
    a = c.render_pixels().copy()
    line.set_ydata(np.zeros(10_000))
    c.draw()
    b = c.render_pixels()
    assert rms(a[..., :3], b[..., :3]) > 5


def test_blitting_equals_a_full_draw():
    """copy_from_bbox / restore_region / draw_artist / blit, as animations use them."""
    fig = Figure(figsize=(3, 2), dpi=80)
    ax = fig.add_subplot()
    x = np.linspace(0, 6, 100)
    (line,) = ax.plot(x, np.sin(x), animated=True)
    ax.set_ylim(-1.5, 1.5)
    c = FigureCanvasLumos(fig)
    c.draw()
    bg = c.copy_from_bbox(ax.bbox)
    for phase in (0.5, 1.0):
        line.set_ydata(np.sin(x + phase))
        c.restore_region(bg)
        ax.draw_artist(line)
        c.blit(ax.bbox)
    blitted = c.render_pixels().copy()
    line.set_animated(False)
    c.draw()
    full = c.render_pixels()
    assert rms(blitted[..., :3], full[..., :3]) < 1.0


def test_timers_fire_in_the_event_loop():
    fig = Figure()
    c = FigureCanvasLumos(fig)
    hits = []
    t = c.new_timer(interval=10)
    t.add_callback(lambda: hits.append(time.monotonic()))
    t.start()
    c.start_event_loop(0.2)
    t.stop()
    assert len(hits) >= 3
    n = len(hits)
    c.start_event_loop(0.05)
    assert len(hits) == n  # stopped
    once = c.new_timer(interval=5)
    once.single_shot = True
    once.add_callback(lambda: hits.append(0))
    once.start()
    c.start_event_loop(0.1)
    assert len(hits) == n + 1


def test_funcanimation_saves_frames(tmp_path):
    """matplotlib's FuncAnimation with blit=True, saved frame by frame (pillow writer)."""
    from matplotlib.animation import FuncAnimation, PillowWriter

    fig = Figure(figsize=(2, 1.5), dpi=50)
    ax = fig.add_subplot()
    x = np.linspace(0, 6, 50)
    (line,) = ax.plot(x, np.sin(x))
    FigureCanvasLumos(fig)

    def update(i):
        line.set_ydata(np.sin(x + i / 3))
        return (line,)

    ani = FuncAnimation(fig, update, frames=4, blit=True)
    out = tmp_path / "a.gif"
    ani.save(out, writer=PillowWriter(fps=5))
    from PIL import Image

    im = Image.open(out)
    assert im.n_frames == 4 and im.size == (100, 75)
    buf = io.BytesIO()
    fig.savefig(buf, format="png")


def test_hidpi_host_gets_device_pixels():
    """A host with 2 device pixels per logical pixel (a HiDPI window): matplotlib draws at
    twice the dpi (its device pixel ratio), lumos shows it at full resolution."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from mpl_compare import RMS_TOL, png_of
    from mpl_figures import text

    fig = text()
    c = FigureCanvasLumos(fig)
    c.draw()
    c.scene.resize(400, 300, 2.0)  # as a HiDPI window says before a frame
    c.scene.frame()
    shot = c.render_pixels()[..., :3]
    assert shot.shape == (600, 800, 3)
    assert fig.dpi == 200 and c.get_width_height() == (400, 300)
    agg = png_of(text(), FigureCanvasAgg, dpi=200)
    assert rms(agg, shot) <= RMS_TOL


def test_restore_region_moves_a_part_as_agg():
    """Agg's restore_region: ``get_extents()`` in its rows from the top, and the part
    ``bbox`` of a region put with the region's corner at ``xy`` (its docstring's scroll:
    the axes' content 30 pixels to the left), here as there."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    def red_columns(canvas_class):
        fig = Figure(figsize=(4, 3), dpi=100)
        canvas_class(fig)
        ax = fig.add_subplot()
        ax.axvspan(0.4, 0.5, color="red")
        ax.set(xlim=(0, 1), ylim=(0, 1))
        c = fig.canvas
        c.draw()
        region = c.copy_from_bbox(ax.bbox)
        x1, y1, x2, y2 = region.get_extents()
        c.restore_region(region, bbox=(x1 + 30, y1, x2, y2), xy=(x1 - 30, y1))
        c.blit(ax.bbox)
        row = np.asarray(c.buffer_rgba())[150]
        red = np.nonzero((row[:, 0] > 200) & (row[:, 1] < 80))[0]
        return region.get_extents(), (int(red.min()), int(red.max()))

    assert red_columns(FigureCanvasLumos) == red_columns(FigureCanvasAgg)
