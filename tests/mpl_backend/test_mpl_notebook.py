"""Figures of this backend in a notebook: lumos's widget; the page pans an axes, the
kernel sets the axes' limits, matplotlib draws again, the page gets the update."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.figure import Figure

from lumos.mpl_backend import FigureCanvasLumos
from lumos.mpl_backend.notebook import mimebundle


def _figure():
    fig = Figure(figsize=(3, 2), dpi=100)
    ax = fig.add_subplot()
    ax.plot(np.arange(10_000.0), np.sin(np.arange(10_000) / 500))
    FigureCanvasLumos(fig)
    return fig, ax


def test_other_figures_are_left_to_other_formatters():
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = Figure()
    FigureCanvasAgg(fig)
    assert mimebundle(fig) is None


def test_bundle_is_lumos_s_widget_with_a_picture():
    fig, ax = _figure()
    bundle = mimebundle(fig)
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["image/png"]  # for viewers without a kernel
    assert fig.canvas.host is not None


def test_the_page_pans_an_axes_and_matplotlib_follows():
    fig, ax = _figure()
    mimebundle(fig)
    w = fig.canvas.host
    sent = []
    w.send = lambda content, buffers=None: sent.append(content)
    w._on_message(w, {"type": "ready", "pixel_ratio": 1}, [])
    assert sent and w.ready
    x0, x1 = ax.get_xlim()
    frame = w._frame()
    # the page moved the axes' views (each view of the axes, as the runtime groups them)
    cameras = {}
    for vid, v in frame.views.items():
        if v.camera.get("interactive", True):
            x, y, cw, ch = v.camera["rect"]
            cameras[vid] = {**v.camera, "rect": [x + 1000, y, cw, ch]}
    assert cameras, "the axes' views are interactive in a notebook"
    before = len(sent)
    w._on_message(w, {"type": "view", "views": cameras}, [])
    assert ax.get_xlim() == pytest.approx((x0 + 1000, x1 + 1000))
    assert len(sent) > before  # the update: new ticks and labels
    assert fig.canvas.scene_stats["rebuilt_points"] < 5000  # the line stayed on the page


def test_the_page_is_told_where_a_draggable_legend_takes_presses():
    """A matplotlib legend made draggable: the widget tells the page its box (logical
    pixels from the top left), where the page starts no pan."""
    fig, ax = _figure()
    ax.lines[0].set_label("sine")
    leg = ax.legend(loc="upper right")
    mimebundle(fig)
    w = fig.canvas.host
    sent = []
    w.send = lambda content, buffers=None: sent.append(content)
    w._on_message(w, {"type": "ready", "pixel_ratio": 1}, [])

    inputs = [c for c, _ in w.sent if c.get("type") == "input"]
    assert inputs == []  # nothing draggable: the page was told nothing
    leg.set_draggable(True)
    w.sync()
    inputs = [c for c, _ in w.sent if c.get("type") == "input"]
    box = leg.get_window_extent()
    h = fig.canvas.get_width_height()[1]
    assert inputs and inputs[-1]["grabs"] == [pytest.approx(
        [box.x0, h - box.y1, box.width, box.height], abs=0.01)]
