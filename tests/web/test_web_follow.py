"""What follows the camera in a standalone page (docs/frame.md, "Followers"): after the
browser alone pans and zooms a figure, its picture (ticks, labels, grid, level of
detail, dashes) is Python's render of the same view.

Each scene is a figure, a page size and mouse events (CSS pixels); the page is compared
with ``Figure.render()`` after the figure's axes took the page's final cameras
(``Figure.camera_changed``, what a window does for the same mouse), within the
tolerance of the other browser tests (mean difference < 1 per channel, < 0.5 % of the
pixels off by more than 32).

A page cannot lay the figure out again (its views stay where they are), so the Python
reference keeps the layout of the export: :func:`frozen_layout`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path[:0] = [str(Path(__file__).resolve().parents[1])]

import browser  # noqa: E402

import lumos  # noqa: E402
import lumos.collections  # noqa: E402
from lumos.plot.dates import date2num  # noqa: E402

pytestmark = pytest.mark.browser

MEAN, BAD = 1.0, 0.005  # tests/web/test_web_interaction.py's tolerance


def frozen_layout(fig) -> None:
    """Keep every axes' box as the first layout placed it (a page cannot move them);
    the limits that follow others' (a secondary axis) are updated as a layout does."""
    fig.draw()
    boxes = {ax: ax.box for ax in fig.axes}

    def keep() -> None:
        fig._prepare_layout()
        for ax, box in boxes.items():
            ax.box = box

    fig._layout = keep


def page_and_python(tmp_path, make, size, events, name):
    """(page picture before, page picture after the events, Python's picture of the
    page's final views, the page's notices)."""
    fig = make()
    html = fig.savefig(tmp_path / f"{name}.html")
    with browser.Chromium(size) as b:
        b.open(html)
        before = b.capture()
        for kind, *args in events(fig) if callable(events) else events:
            getattr(b, kind)(*args)
        notices = b.evaluate("lumos.standalone.notices || {}")
        # the notice (an element over the canvas) is not part of the picture
        b.evaluate("for (const e of document.querySelectorAll('.lumos-notice')) "
                   "e.style.display = 'none'")
        after = b.capture()
        views = b.evaluate("lumos.standalone.desc.views")
        records = b.evaluate("lumos.standalone.desc.records || {}")
    ref = make()
    frozen_layout(ref)
    for vid, view in views.items():
        if view["camera"].get("interactive", True):
            ref.camera_changed(ref.canvas.views[int(vid[4:])], view["camera"])
    python = ref.render()
    # the reference really has the page's layout
    for rec in records.values():
        if "box" not in rec:  # a frozen decoration's record names only its view
            continue
        ax = next(a for a in ref.axes if ref.canvas.views.index(a.view) == int(rec["view"][4:]))
        np.testing.assert_allclose(rec["box"], ax.box, atol=1e-6)
    return before, after, python, notices


def assert_same(name, page, python):
    diff = browser.image_difference(page, python)
    if not (diff["mean"] < MEAN and diff["bad_fraction"] < BAD):
        browser.write_comparison(name, page, python)
    assert diff["mean"] < MEAN and diff["bad_fraction"] < BAD, diff


def strip_changed(before, after, rows=None, cols=None) -> int:
    """Pixels that changed in a region (the tick label strips)."""
    a = before[rows, cols, :3].astype(int)
    b = after[rows, cols, :3].astype(int)
    return int((np.abs(a - b).max(axis=-1) > 40).sum())


# -- scenes ----------------------------------------------------------------------------
def line_plot():
    fig, ax = lumos.subplots(figsize=(5, 3.5), dpi=100)
    x = np.linspace(0, 10, 400)
    ax.plot(x, np.sin(x), "r--", label="sin")
    ax.plot(x, np.cos(x), label="cos")
    ax.set_xlabel("time (s)")
    ax.set_ylabel("amplitude")
    ax.set_title("Waves")
    ax.legend(loc="upper right")
    ax.grid(True)
    return fig


def log_plot():
    fig, ax = lumos.subplots(figsize=(5, 3.5), dpi=100)
    x = np.logspace(-3, 5, 300)
    ax.loglog(x, 3 * x**1.5 + 1, label="power law")
    ax.set_xlabel("frequency (Hz)")
    ax.grid(True, which="both")
    ax.minorticks_on()
    return fig


def date_plot():
    fig, ax = lumos.subplots(figsize=(6, 3.5), dpi=100)
    t = np.arange("2024-01-01T00", "2024-03-01T00", dtype="datetime64[h]")
    ax.plot(t, np.sin(np.arange(len(t)) / 50.0))
    ax.set_ylabel("signal")
    ax.grid(True)
    return fig


def big_line_data():
    rng = np.random.default_rng(7)
    n = 1_000_000
    return np.linspace(0.0, 1000.0, n), np.cumsum(rng.standard_normal(n))


def big_line():
    fig, ax = lumos.subplots(figsize=(6, 3.5), dpi=100)
    ax.plot(*big_line_data(), lw=1)
    return fig


def stream_plot():
    fig, ax = lumos.subplots(figsize=(6, 3.5), dpi=100)
    s = ax.stream(channels=3, capacity=40_000, dt=1e-3, stacked=True)
    t = np.arange(60_000) * 1e-3
    s.push(np.c_[np.sin(7 * t), np.sign(np.sin(3 * t)), np.sin(40 * t) * np.cos(t)])
    ax.set_xlabel("time (s)")
    return fig


def shared_plot():
    fig, (top, bottom) = lumos.subplots(2, 1, sharex=True, figsize=(5, 4), dpi=100)
    x = np.linspace(0, 20, 500)
    top.plot(x, np.sin(x))
    bottom.plot(x, np.exp(-x / 5) * np.cos(3 * x), "g")
    bottom.set_xlabel("time (s)")
    return fig


def symlog_plot():
    fig, ax = lumos.subplots(figsize=(5, 3.5), dpi=100)
    x = np.linspace(-50, 50, 1001)
    ax.plot(x, x**3)
    ax.set_yscale("symlog", linthresh=10)
    ax.grid(True)
    return fig


def axlines_plot():
    fig, ax = lumos.subplots(figsize=(5, 3.5), dpi=100)
    x = np.linspace(0, 10, 200)
    ax.plot(x, np.sin(x))
    ax.axhline(0.5, color="r", ls="--")
    ax.axvline(5, color="g", ymin=0.1, ymax=0.6)  # from 10 % to 60 % of the height
    return fig


def translucent_plot():
    """Translucent lines (each through its layer): a spiral crossing itself, an axhline
    and a dashed axvline, whose followers rewrite the line's draw into the layer."""
    fig, ax = lumos.subplots(figsize=(5, 3.5), dpi=100)
    t = np.linspace(0, 6 * np.pi, 400)
    ax.plot(np.cos(t) * (1 + t / 10), np.sin(t) * 0.8 + t / 20, lw=8, alpha=0.4)
    ax.axhline(0.5, color="r", lw=8, alpha=0.4)
    ax.axvline(0.0, color="g", lw=6, alpha=0.5, ls="--")
    return fig


def axes3d_plot():
    fig = lumos.figure(figsize=(5, 4), dpi=100)
    ax = fig.add_subplot(projection="3d")
    x, y = np.meshgrid(np.linspace(-3, 3, 30), np.linspace(-3, 3, 30))
    ax.plot_surface(x, y, np.sin(np.hypot(x, y)), cmap="viridis")
    ax.plot(np.linspace(-3, 3, 50), np.zeros(50), np.linspace(-1, 1, 50), "r--")
    ax.set_xlabel("x")
    return fig


def polar_plot():
    fig = lumos.figure(figsize=(4, 4), dpi=100)
    ax = fig.add_subplot(projection="polar")
    t = np.linspace(0, 2 * np.pi, 400)
    ax.plot(t, 1 + 0.5 * np.sin(5 * t))
    ax.set_title("rose")
    return fig


def both_sides_plot():
    """Ticks and labels on all four sides (style's per-side tick model), minor ticks,
    the x label on top."""
    fig, ax = lumos.subplots(figsize=(5, 3.5), dpi=100)
    x = np.linspace(0, 10, 400)
    ax.plot(x, np.sin(x) * 1000)
    ax.tick_params(top=True, right=True, labeltop=True, labelright=True, direction="in")
    ax.minorticks_on()
    ax.xaxis.set_label_position("top")
    ax.set_xlabel("time (s)")
    ax.set_ylabel("amplitude")
    return fig


def hidden_ticks_plot():
    """Tick labels without their tick lines (tick_params(bottom=False, left=False)):
    they stay past the tick length, as matplotlib's (TickSet.label_gap)."""
    fig, ax = lumos.subplots(figsize=(5, 3.5), dpi=100)
    x = np.linspace(0, 10, 400)
    ax.plot(x, np.sin(x) * 1000)
    ax.tick_params(bottom=False, left=False)
    ax.set_title("no tick lines")
    return fig


def rotated_plot():
    """Rotated tick labels: plt.xticks(rotation=45, ha="right"), and y labels rotated,
    smaller and coloured by tick_params."""
    import lumos.pyplot as plt

    fig, ax = lumos.subplots(figsize=(5, 3.5), dpi=100)
    x = np.linspace(0, 10, 400)
    ax.plot(x, np.cos(x))
    plt.sca(ax)
    plt.xticks(rotation=45, ha="right")
    ax.tick_params(axis="y", labelrotation=30, labelsize=8, labelcolor="b")
    ax.set_xlabel("time (s)")
    return fig


def rotation_mode_plot():
    """Slanted labels pointing at their ticks (rotation_mode='xtick'/'ytick', matplotlib
    3.10), dense enough that the room a slanted label needs decides which are kept."""
    fig, ax = lumos.subplots(figsize=(5, 3.5), dpi=100)
    x = np.linspace(0, 10, 400)
    ax.plot(x, 1000 * np.cos(x))
    ax.xaxis.set_major_locator(lumos.plot.ticker.MaxNLocator(25))
    ax.tick_params("x", rotation=40, rotation_mode="xtick")
    ax.tick_params("y", rotation=30, rotation_mode="ytick")
    return fig


def spine_zero_plot():
    """Spines through the origin (('data', 0) and 'zero', the left one bounded to
    [-1, 1]): they, their ticks and labels move with the view."""
    fig, ax = lumos.subplots(figsize=(5, 3.5), dpi=100)
    x = np.linspace(-5, 5, 400)
    ax.plot(x, np.sin(x))
    ax.spines["left"].set_position("zero")
    ax.spines["left"].set_bounds(-1, 1)
    ax.spines["bottom"].set_position(("data", 0))
    ax.spines["right"].set_visible(False)
    ax.spines["top"].set_visible(False)
    return fig


def text_plot():
    """Texts anchored to data (one rotated), annotations with line arrows (to data, from
    data and from an offset, one curved), and a text in axes fraction that stays."""
    fig, ax = lumos.subplots(figsize=(5, 3.5), dpi=100)
    x = np.linspace(0, 10, 400)
    ax.plot(x, np.sin(x))
    ax.text(2, 0.5, "peak <b>&amp;", color="r", fontsize=12)
    ax.text(7.5, -0.8, "rotated", rotation=30, ha="center")
    ax.annotate("max", xy=(np.pi / 2, 1), xytext=(4, 0.6), arrowprops={"arrowstyle": "->"})
    ax.annotate("min", xy=(3 * np.pi / 2, -1), xytext=(-40, 20), textcoords="offset points",
                arrowprops={"arrowstyle": "<->", "connectionstyle": "arc3,rad=0.3",
                            "color": "g"})
    ax.text(0.05, 0.9, "fixed (axes)", transform=ax.transAxes)
    return fig


def restyled_plot():
    """Tick labels restyled one by one through their Text handles (every x label
    rotated, one y label red and larger), as TickSet applies them: by tick index."""
    fig, ax = lumos.subplots(figsize=(5, 3.5), dpi=100)
    x = np.linspace(0, 10, 400)
    ax.plot(x, np.sin(x))
    for label in ax.get_xticklabels():
        label.set_rotation(40)
        label.set_ha("right")
    ax.get_yticklabels()[2].set_color("r")
    ax.get_yticklabels()[2].set_fontsize(13)
    return fig


def text_axis_off_plot():
    """An image with the axis off: its data texts still move with the view."""
    fig, ax = lumos.subplots(figsize=(5, 3.5), dpi=100)
    ax.imshow(np.add.outer(np.arange(20.0), np.arange(30.0)), cmap="gray")
    ax.axis("off")
    ax.text(5, 5, "here", color="r", fontsize=14)
    ax.annotate("there", xy=(20, 12), xytext=(25, 4), color="y",
                arrowprops={"arrowstyle": "->", "color": "y"})
    return fig


def minor_labels_plot():
    """Minor tick labels (a minor formatter, smaller and grey) between the majors."""
    from lumos import ticker

    fig, ax = lumos.subplots(figsize=(5, 3.5), dpi=100)
    x = np.linspace(0, 4, 200)
    ax.plot(x, x**2)
    ax.xaxis.set_minor_locator(ticker.AutoMinorLocator(2))
    ax.xaxis.set_minor_formatter(ticker.FormatStrFormatter("%.2f"))
    ax.tick_params(axis="x", which="minor", labelsize=7, labelcolor="0.4")
    return fig


def label_placement_plot():
    """Axis labels placed by loc, label coords, rotation and alpha: they stay where
    they are as the ticks beside them change."""
    fig, ax = lumos.subplots(figsize=(5, 3.5), dpi=100)
    x = np.linspace(0, 10, 400)
    ax.plot(x, 100 * np.sin(x))
    ax.set_xlabel("time (s)", loc="right", alpha=0.6)
    ax.set_ylabel("amp", rotation=0)
    ax.yaxis.set_label_coords(-0.08, 1.02)
    return fig


def fonts_plot():
    """Labels and texts in other faces: serif tick labels, one bold, a bold axis label,
    bold and serif texts anchored to data."""
    fig, ax = lumos.subplots(figsize=(5, 3.5), dpi=100)
    x = np.linspace(0, 10, 400)
    ax.plot(x, np.sin(x))
    ax.tick_params(labelfontfamily="serif")
    ax.get_yticklabels()[3].set_fontweight("bold")
    ax.set_xlabel("time (s)", fontweight="bold")
    ax.text(2, 0.5, "bold", fontweight="bold", fontsize=12)
    ax.text(6, -0.5, "serif", family="serif", fontsize=12)
    return fig


def arrows_plot():
    """Annotation arrows the page redraws (triangle heads from a text in data) or moves
    as Python drew them (fancy along an angle3 connection, a bracket on a bar with relpos,
    matplotlib's default filled arrow), from texts offset from their points."""
    fig, ax = lumos.subplots(figsize=(5, 3.5), dpi=100)
    x = np.linspace(0, 10, 400)
    ax.plot(x, np.sin(x))
    ax.annotate("filled", xy=(np.pi / 2, 1), xytext=(2.5, 0.2),
                arrowprops={"arrowstyle": "<|-|>", "color": "r", "fc": "y"})
    ax.annotate("fancy", xy=(3 * np.pi / 2, -1), xytext=(30, 30), textcoords="offset points",
                arrowprops={"arrowstyle": "fancy", "fc": "g",
                            "connectionstyle": "angle3,angleA=0,angleB=90"})
    ax.annotate("bar", xy=(6, -0.28), xytext=(20, 40), textcoords="offset points",
                arrowprops={"arrowstyle": "-[", "connectionstyle": "bar", "relpos": (0, 0)})
    ax.annotate("default", xy=(8, 0.99), xytext=(20, -40), textcoords="offset points",
                arrowprops={"width": 2, "headwidth": 8})
    return fig


def barbs_plot():
    """Barbs (paths in pixels about data points: filled flags, stroked shafts) and a
    hatched scatter (hatches in pixels about each marker): a zoom moves them, their size
    stays in pixels as Python redraws them."""
    fig, ax = lumos.subplots(figsize=(5, 3.5), dpi=100)
    x, y = np.meshgrid(np.linspace(0, 10, 6), np.linspace(0, 5, 4))
    ax.barbs(x, y, 20 + 3 * x, 10 + 5 * y, length=7)
    ax.scatter([1.5, 4.5, 7.5], [4.5, 2.5, 0.5], s=600, hatch="//", facecolor="y",
               edgecolor="k")
    ax.set_xlim(-1, 11)
    ax.set_ylim(-1, 6)
    return fig


def unclipped_plot():
    """clip_on=False artists (a line running out of the axes, markers on the edge) under
    and over clipped ones: drawn in companion views the page moves with the axes."""
    fig, ax = lumos.subplots(figsize=(5, 3.5), dpi=100)
    x = np.linspace(0, 10, 50)
    ax.plot(x, np.sin(x), lw=3, zorder=1)
    ax.plot(x, 1.4 * np.cos(x), "g", lw=2, clip_on=False, zorder=2)
    ax.scatter([0, 10], [1, -1], s=200, c="k", clip_on=False, zorder=3)
    ax.plot(x, 0.5 * np.sin(2 * x), "m", lw=2, zorder=4)  # clipped, over the unclipped
    ax.set_ylim(-1, 1)
    return fig


def fractions_plot():
    """Patches in axes fractions (dashed edge; one unclipped, half out of the axes) stay
    on the axes, an axvspan keeps the full height and an axhspan the full width."""
    fig, ax = lumos.subplots(figsize=(5, 3.5), dpi=100)
    x = np.linspace(0, 10, 50)
    ax.plot(x, np.sin(x))
    ax.add_patch(lumos.pyplot.Rectangle((0.1, 0.1), 0.2, 0.2, transform=ax.transAxes,
                                        fc="orange", ec="k", ls="--", lw=2))
    ax.add_patch(lumos.pyplot.Circle((1.0, 0.9), 0.08, transform=ax.transAxes,
                                     color="c", clip_on=False))
    ax.text(0.7, 0.85, "fixed", transform=ax.transAxes)
    ax.axvspan(3, 4, color="g", alpha=0.3)
    ax.axhspan(0.2, 0.4, xmin=0.5, color="m", alpha=0.3, ls=":", ec="k")
    return fig


def secondary_plot():
    """Secondary axes of affine functions (a page evaluates them): at the top, on the
    right, and one at y = 0 of the parent's data, which moves with it."""
    fig, ax = lumos.subplots(figsize=(5, 3.5), dpi=100)
    x = np.linspace(0, 10, 50)
    ax.plot(x, np.sin(x))
    ax.secondary_xaxis("top", functions=(lambda v: 2 * v + 1, lambda v: (v - 1) / 2))
    ax.secondary_yaxis("right", functions=(np.degrees, np.radians))
    sec = ax.secondary_xaxis(0, functions=(lambda v: -v, lambda v: -v),
                             transform=ax.transData)
    sec.set_color("r")
    return fig


def label_boxes_plot():
    """Axis labels with boxes (round, square) and the script's alignment: the y label's
    box moves with it as the tick labels widen."""
    fig, ax = lumos.subplots(figsize=(5, 3.5), dpi=100)
    ax.plot([0, 10], [0, 1])
    ax.set_xlabel("time (s)", bbox={"facecolor": "y", "edgecolor": "r"}, ha="left")
    ax.set_ylabel("amplitude", va="top", bbox={"boxstyle": "round", "fc": "c", "lw": 2})
    return fig


def css(fig, ax, x, y) -> tuple[float, float]:
    """The page (CSS) pixel of data point (x, y), from the top left."""
    px, py = ax.to_pixels(x, y)
    return px, fig.canvas.size[1] - py


def log_events(fig):
    ax = fig.axes[0]
    x, y = css(fig, ax, 100.0, 3 * 100.0**1.5 + 1)
    return [("wheel", x, y, -400), ("drag", x, y, x - 60, y + 30)]


def date_events(fig):
    ax = fig.axes[0]
    t = float(date2num(np.datetime64("2024-02-01T00")))  # days, as the axis holds dates
    x, y = css(fig, ax, t, np.sin(744 / 50.0))
    # Ctrl: x only, 1.1 ** 45 = 73x (two months to twenty hours: hour ticks), a pan
    return [("wheel", x, y, -4500, 2), ("drag", x, y, x - 50, y)]


def big_line_events(fig):
    ax = fig.axes[0]
    xs, ys = big_line_data()
    x, _ = css(fig, ax, 500.0, 0.0)
    # Ctrl: x only, 1.1 ** 72 = 963x: about 1000 of the 10^6 points in view ...
    x0, x1 = ax.get_xlim()
    w = (x1 - x0) / 1.1**72
    sel = (xs >= 500 - w / 2) & (xs <= 500 + w / 2)
    y_mid = (ys[sel].min() + ys[sel].max()) / 2
    y0, y1 = ax.get_ylim()
    notches = int(np.log((y1 - y0) / (np.ptp(ys[sel]) * 1.3)) / np.log(1.1))
    _, y = css(fig, ax, 500.0, y_mid)
    # ... and Shift: y only, onto their range
    return [("wheel", x, y, -7200, 2), ("wheel", x, y, -100 * notches, 8)]


def line_styles_plot():
    """Miter, bevel and round joins, round and projecting dash ends, an aliased line."""
    fig, ax = lumos.subplots(figsize=(5, 3.5), dpi=100)
    x = np.linspace(0, 10, 9)
    zigzag = np.where(np.arange(9) % 2, 1.0, 0.0)
    ax.plot(x, zigzag, lw=8, solid_joinstyle="miter", solid_capstyle="butt")
    ax.plot(x, zigzag + 1.5, lw=8, solid_joinstyle="bevel")
    ax.plot(x, zigzag + 3, lw=6, ls="--", dash_capstyle="round", dash_joinstyle="miter")
    ax.plot(x, zigzag - 1.5, lw=6, ls=":", dash_capstyle="projecting")
    ax.plot(x, x / 5 - 2, lw=3, antialiased=False)
    return fig


# name: (figure maker, page size, events (from the figure), (rows, cols) of a tick
# label strip)
SCENES = {
    "line": (line_plot, (500, 350),
             lambda fig: [("drag", 250, 170, 200, 140), ("wheel", 250, 170, -300)],
             (slice(300, 330), slice(40, 480))),
    # caps, joins and aliased edges from the same shader in the page
    "linestyles": (line_styles_plot, (500, 350),
                   lambda fig: [("drag", 250, 170, 200, 140), ("wheel", 250, 170, -300)],
                   (slice(300, 330), slice(40, 480))),
    "log": (log_plot, (500, 350), log_events, (slice(300, 330), slice(40, 480))),
    "date": (date_plot, (600, 350), date_events, (slice(295, 330), slice(40, 580))),
    # 963x in x: the page shows the raw points Python draws there
    "bigline": (big_line, (600, 350), big_line_events, (slice(295, 330), slice(40, 580))),
    # a stream's rings: from blocks of 64 samples a column down to the samples
    "stream": (stream_plot, (600, 350),
               lambda fig: [("wheel", 300, 170, -4000, 2), ("drag", 300, 170, 240, 170)],
               (slice(295, 330), slice(40, 580))),
    # sharex=True: the bottom axes (ticks included) follows a pan of the top one
    "shared": (shared_plot, (500, 400),
               lambda fig: [("drag", 250, 100, 170, 100), ("wheel", 250, 100, -500, 2)],
               (slice(360, 390), slice(40, 480))),
    # symlog y: a zoom into the linear band and a pan across it
    "symlog": (symlog_plot, (500, 350),
               lambda fig: [("wheel", 250, 175, -1500, 8), ("drag", 250, 175, 250, 230)],
               (slice(20, 330), slice(0, 60))),
    # axhline / axvline span the new view (axes fraction), dashes and all
    "axlines": (axlines_plot, (500, 350),
                lambda fig: [("drag", 250, 170, 100, 120), ("wheel", 250, 170, 300)],
                (slice(300, 330), slice(40, 480))),
    "translucent": (translucent_plot, (500, 350),
                    lambda fig: [("drag", 250, 170, 100, 120), ("wheel", 250, 170, 300)],
                    (slice(300, 330), slice(40, 480))),
    # Axes3D: a rotation (panes, ticks and labels change edges) and a wheel zoom
    "axes3d": (axes3d_plot, (500, 400),
               lambda fig: [("drag", 250, 200, 200, 160), ("wheel", 250, 200, -300)],
               (slice(0, 400), slice(0, 500))),
    "polar": (polar_plot, (400, 400),
              lambda fig: [("wheel", 200, 200, -300),
                           ("drag", 300, 176, 208, 114)],  # the r labels turn
              (slice(60, 340), slice(200, 340))),
    # style's per-side ticks: labels on top and right follow too (the top strip)
    "both_sides": (both_sides_plot, (500, 350),
                   lambda fig: [("drag", 250, 170, 200, 140), ("wheel", 250, 170, -300)],
                   (slice(0, 40), slice(40, 460))),
    # tick labels without tick lines
    "hidden_ticks": (hidden_ticks_plot, (500, 350),
                     lambda fig: [("drag", 250, 170, 200, 140), ("wheel", 250, 170, -300)],
                     (slice(300, 350), slice(40, 460))),
    # rotated x labels (the strip under the axes) and y labels
    "rotated": (rotated_plot, (500, 350),
                lambda fig: [("drag", 250, 150, 190, 120), ("wheel", 250, 150, -300)],
                (slice(260, 330), slice(40, 480))),
    "rotation_mode": (rotation_mode_plot, (500, 350),
                      lambda fig: [("drag", 250, 150, 190, 120), ("wheel", 250, 150, -300)],
                      (slice(260, 330), slice(40, 480))),
    # spines at data 0 move with the origin, their ticks and labels with them
    "spine_zero": (spine_zero_plot, (500, 350),
                   lambda fig: [("drag", 250, 175, 170, 120), ("wheel", 250, 175, -300)],
                   (slice(0, 350), slice(0, 500))),
    # with the axis off (no ticks), texts and arrows still move
    "texts_axis_off": (text_axis_off_plot, (500, 350),
                       lambda fig: [("drag", 250, 175, 200, 200), ("wheel", 250, 175, -300)],
                       (slice(0, 350), slice(0, 500))),
    # axis labels at loc / label coords, rotated
    "label_placement": (label_placement_plot, (500, 350),
                        lambda fig: [("drag", 250, 175, 200, 150), ("wheel", 250, 175, -300)],
                        (slice(290, 330), slice(40, 480))),
    # other faces: tick labels, one label alone, the axis label, texts
    "fonts": (fonts_plot, (500, 350),
              lambda fig: [("drag", 250, 175, 200, 150), ("wheel", 250, 175, -300)],
              (slice(20, 330), slice(0, 480))),
    # minor labels come from the minor formatter
    "minor_labels": (minor_labels_plot, (500, 350),
                     lambda fig: [("drag", 250, 175, 200, 175), ("wheel", 250, 175, -300)],
                     (slice(290, 330), slice(40, 480))),
    # tick labels restyled one by one keep their index's style
    "restyled": (restyled_plot, (500, 350),
                 lambda fig: [("drag", 250, 150, 190, 110), ("wheel", 250, 150, -300)],
                 (slice(260, 330), slice(40, 480))),
    # clip_on=False artists move with the axes, outside it too
    "unclipped": (unclipped_plot, (500, 350),
                  lambda fig: [("drag", 250, 175, 200, 120), ("wheel", 250, 175, -300)],
                  (slice(0, 40), slice(0, 500))),
    # arrows of every kind move with their points, a zoom out keeps them in view
    "arrows": (arrows_plot, (500, 350),
               lambda fig: [("drag", 250, 175, 230, 195), ("wheel", 250, 175, 200)],
               (slice(60, 300), slice(60, 480))),
    # paths in pixels about data points (barbs, scatter hatches) keep their size
    "pixel_paths": (barbs_plot, (500, 350),
                    lambda fig: [("drag", 250, 175, 230, 165), ("wheel", 250, 175, -300)],
                    (slice(290, 330), slice(40, 480))),
    # what is placed in axes fractions stays on the axes (spans: along their extent)
    "fractions": (fractions_plot, (500, 350),
                  lambda fig: [("drag", 250, 175, 200, 120), ("wheel", 250, 175, -300)],
                  (slice(300, 330), slice(40, 480))),
    # secondary axes of affine functions: ticks anew, the one at y = 0 moves with it
    "secondary": (secondary_plot, (500, 350),
                  lambda fig: [("drag", 250, 175, 200, 120), ("wheel", 250, 175, -300)],
                  (slice(0, 40), slice(40, 480))),
    # axis labels with a box and the script's ha/va
    "label_boxes": (label_boxes_plot, (500, 350),
                    lambda fig: [("drag", 250, 175, 250, 60), ("wheel", 250, 175, -300)],
                    (slice(20, 330), slice(0, 60))),
    # texts and annotations move with the data (the max one leaves the view: hidden)
    "texts": (text_plot, (500, 350),
              lambda fig: [("drag", 250, 175, 300, 150), ("wheel", 250, 175, -300)],
              (slice(20, 300), slice(60, 480))),
}


@pytest.mark.parametrize("name", list(SCENES))
def test_page_pans_and_zooms_like_python(tmp_path, name):
    make, size, events, (rows, cols) = SCENES[name]
    before, after, python, notices = page_and_python(tmp_path, make, size, events, name)
    assert notices == {}, notices
    # the tick labels moved: nothing of the export stays frozen
    assert strip_changed(before, after, rows, cols) > 50
    assert_same(f"follow_{name}", after, python)


def turntable_scene():
    """A lit surface and a dashed helix in a turntable view (no Axes3D yet: a canvas)."""
    from lumos.scene.canvas import Canvas
    from lumos.visuals.line import Line
    from lumos.visuals.surface import Surface

    canvas = Canvas(size=(400, 300), bgcolor="white")
    view = canvas.add_view(camera="turntable")
    x, y = np.meshgrid(np.linspace(-1, 1, 40), np.linspace(-1, 1, 40))
    view.add(Surface(x, y, 0.4 * np.sin(3 * x) * np.cos(2 * y), cmap="viridis"))
    t = np.linspace(0, 4 * np.pi, 400)
    view.add(Line(np.c_[np.cos(t), np.sin(t), t / (4 * np.pi) - 0.5], color="red", width=2,
                  dashes=(6, 3, 0, 0)))
    view.camera.set_range()
    return canvas, view


def test_3d_view_rotates_and_zooms_like_python(tmp_path):
    """A drag (rotation) and a wheel zoom of a 3D view in the page draw what Python
    draws for the page's final camera: the surface's shading and the helix's dashes
    (measured on screen for the new camera) included."""
    canvas, _ = turntable_scene()
    html = canvas.save(tmp_path / "turntable.html")
    with browser.Chromium((400, 300)) as b:
        b.open(html)
        before = b.capture()
        (home,) = [v["camera"] for v in b.evaluate("lumos.standalone.desc.views").values()]
        b.drag(200, 150, 260, 120)
        b.wheel(200, 150, -300)
        after = b.capture()
        (camera,) = [v["camera"] for v in b.evaluate("lumos.standalone.desc.views").values()]
    # it turned both ways and came closer
    assert camera["azimuth"] != home["azimuth"] and camera["elevation"] != home["elevation"]
    assert camera["distance"] < home["distance"]
    assert browser.image_difference(before, after)["bad_fraction"] > 0.05
    ref, view = turntable_scene()
    ref.camera_changed(view, camera)
    assert_same("follow_turntable", after, ref.render())


def polar_barbs_plot():
    """Barbs on polar axes: strokes pixels from where the polar transform puts each
    point, fills offset in the shader after it."""
    fig = lumos.figure(figsize=(4, 4), dpi=100)
    ax = fig.add_subplot(projection="polar")
    theta, r = np.meshgrid(np.linspace(0, 2 * np.pi, 8, endpoint=False), [0.3, 0.6])
    ax.barbs(theta, r, 20 + 0 * r, 25 + 0 * r, length=8)
    ax.set_ylim(0, 1)
    return fig


def test_polar_barbs_follow_a_zoom_as_python(tmp_path):
    before, after, python, notices = page_and_python(
        tmp_path, polar_barbs_plot, (400, 400), [("wheel", 200, 200, -300)], "polar_barbs")
    assert notices == {}, notices
    assert browser.image_difference(before, after)["mean"] > 2  # the zoom moved them
    assert_same("follow_polar_barbs", after, python)


def test_polar_r_labels_follow_their_drag(tmp_path):
    fig = polar_plot()
    html = fig.savefig(tmp_path / "polar.html")
    px, py = fig.axes[0].to_pixels(0.0, 0.0)  # the pole, from the bottom left
    px, py = px, 400 - py
    a = np.radians(22.5)  # where the r labels are
    with browser.Chromium((400, 400)) as b:
        b.open(html)
        b.drag(px + 100 * np.cos(a), py - 100 * np.sin(a), px, py - 100)
        cam = next(v["camera"] for v in b.evaluate("lumos.standalone.desc.views").values()
                   if v["camera"].get("controller") == "polar")
    assert cam["rlabel"] == pytest.approx(np.pi / 2, abs=0.05)  # moved up to the top


def test_big_line_page_holds_the_raw_points(tmp_path):
    """Zoomed 950x, the page draws the raw points (not the export's envelope of ~5000
    vertices): the line is as long, vertex for vertex, as Python's."""
    fig = big_line()
    html = fig.savefig(tmp_path / "big.html")
    with browser.Chromium((600, 350)) as b:
        b.open(html)
        exported = b.evaluate("""(() => { const d = lumos.standalone.desc.draws.find(
            (d) => d.follow && d.follow.kind === 'minmax'); return d.instances; })()""")
        b.wheel(300, 170, -7200)
        b.capture()
        drawn = b.evaluate("""(() => { const d = lumos.standalone.desc.draws.find(
            (d) => d.follow && d.follow.kind === 'minmax'); return [d.instances,
            lumos.standalone.desc.views[d.view].camera.rect]; })()""")
    x0, _, w, _ = drawn[1]
    xs = np.linspace(0.0, 1000.0, 1_000_000)
    raw = int(((xs >= x0) & (xs <= x0 + w)).sum())
    assert exported < 6000
    assert raw + 1 <= drawn[0] <= raw + 3  # the points in view and one beyond each edge


def test_dashes_stay_regular_when_zoomed(tmp_path):
    """A dashed line keeps its pattern in screen pixels after a wheel zoom (it became
    an irregular dash-dot when distances were frozen at export)."""
    fig, ax = lumos.subplots(figsize=(5, 2), dpi=100)
    x = np.linspace(0, 10, 200)
    ax.plot(x, np.zeros_like(x), "r--", lw=2)
    ax.plot(x, 0.5 * x / 10, "b--", lw=2)
    ax.set_ylim(-1, 1)
    ax.axis("off")
    html = fig.savefig(tmp_path / "dashes.html")
    with browser.Chromium((500, 200)) as b:
        b.open(html)
        b.wheel(173, 100, -500)  # about a point on the red line: it stays horizontal
        img = b.capture()
        cam = next(v["camera"] for v in b.evaluate("lumos.standalone.desc.views").values()
                   if v["camera"].get("interactive", True))
    # the red line's middle row: it snaps to whole pixel rows (the zoom about y = 100
    # moves it by a row or two)
    reds = (img[:, 5:495, 0] > 200) & (img[:, 5:495, 1] < 120)
    lines = np.flatnonzero(reds.sum(axis=1) > 50)
    assert len(lines) and np.ptp(lines) <= 3, lines
    row = img[int(np.median(lines)), 5:495, :3].astype(int)
    red = (row[:, 0] > 200) & (row[:, 1] < 120)
    edges = np.flatnonzero(np.diff(red.astype(int)))  # a run starts after each edge
    runs = np.diff(edges)  # whole runs only (the ends of the row may cut one)
    is_dash = red[edges[:-1] + 1]
    on, off = runs[is_dash], runs[~is_dash]
    width = fig.points_to_pixels(2.0)
    assert len(on) > 10
    assert np.ptp(on[1:-1]) <= 1 and np.ptp(off[1:-1]) <= 1, (on, off)
    assert abs(np.median(on) - 3.7 * width) <= 1.5 and abs(np.median(off) - 1.6 * width) <= 1.5
    ref, ax2 = lumos.subplots(figsize=(5, 2), dpi=100)
    ax2.plot(x, np.zeros_like(x), "r--", lw=2)
    ax2.plot(x, 0.5 * x / 10, "b--", lw=2)
    ax2.set_ylim(-1, 1)
    ax2.axis("off")
    frozen_layout(ref)
    ref.camera_changed(ax2.view, cam)
    assert_same("follow_dashes", img, ref.render())


def test_colorbar_does_not_move(tmp_path):
    fig, ax = lumos.subplots(figsize=(5, 4), dpi=100)
    im = ax.imshow(np.arange(100.0).reshape(10, 10), cmap="viridis")
    fig.colorbar(im, ax=ax, label="value")
    html = fig.savefig(tmp_path / "cbar.html")
    fig.draw()
    cb = fig.axes[-1]
    bx, by, bw, bh = cb.box
    cols = slice(int(bx) - 2, int(bx + bw) + 60)  # the bar and its tick labels
    rows = slice(int(400 - by - bh) + 2, int(400 - by) - 2)
    x, y = bx + bw / 2, 400 - by - bh / 2
    with browser.Chromium((500, 400)) as b:
        b.open(html)
        before = b.capture()
        cams = b.evaluate("lumos.standalone.desc.views")
        b.drag(x, y, x, y + 60)
        b.wheel(x, y, -500)
        after = b.capture()
        assert b.evaluate("lumos.standalone.desc.views") == cams  # nothing moved
        b.drag(150, 200, 200, 240)  # the image does pan
        panned = b.capture()
    assert np.array_equal(before[rows, cols], after[rows, cols])
    assert np.array_equal(before, after)
    assert not np.array_equal(after[:, :300], panned[:, :300])
    assert np.array_equal(after[rows, cols], panned[rows, cols])


def test_python_only_tickers_move_with_the_data_and_say_so(tmp_path):
    """A FuncFormatter cannot run in a page: its export-time ticks move with the data,
    and a notice says the page cannot make new ones."""
    def make():
        fig, ax = lumos.subplots(figsize=(5, 3), dpi=100)
        ax.plot([0, 10], [0, 1])
        ax.xaxis.set_major_formatter(lambda x, pos: f"<{x:g}>")
        return fig

    before, after, python, notices = page_and_python(
        tmp_path, make, (500, 300), [("drag", 250, 150, 200, 150)], "static")
    assert list(notices.values()) == ["x ticks: Python's FuncFormatter, shown as exported "
                                      "(they move with the data)"]
    # the labels moved 50 px left with the data, as Python's (a pan keeps the ticks)
    strip = (slice(255, 285), slice(30, 480))
    assert strip_changed(before, after, *strip) > 50
    assert_same("follow_static", after, python)


def test_what_only_python_redraws_is_named(tmp_path):
    """Geometry Python rebuilds per view and a page cannot (error bar caps of a fixed
    pixel size) stays as exported once the view moves, and the page says so."""
    def make():
        fig, ax = lumos.subplots(figsize=(5, 3), dpi=100)
        ax.errorbar([1, 2, 3], [1, 3, 2], yerr=0.3, capsize=4)
        return fig

    html = make().savefig(tmp_path / "frozen.html")
    with browser.Chromium((500, 300)) as b:
        b.open(html)
        assert b.evaluate("lumos.standalone.notices || {}") == {}  # the export is right
        b.drag(250, 150, 200, 150)
        notices = b.evaluate("lumos.standalone.notices || {}")
    assert sorted(notices.values()) == [
        "error bar caps: shown as exported (only Python redraws them for a new view)"]


def test_what_a_transform_places_is_named_once_moved(tmp_path):
    """A patch and a line in a blend of data x and axes-fraction y (Python maps their
    points again per view; a page cannot): as exported, then named once the view moves."""
    def make():
        fig, ax = lumos.subplots(figsize=(5, 3), dpi=100)
        ax.plot([0, 10], [0, 5])
        ax.add_patch(lumos.pyplot.Rectangle((2, 0.1), 2, 0.3,
                                            transform=ax.get_xaxis_transform()))
        ax.plot([5, 7], [0.2, 0.9], transform=ax.get_xaxis_transform())
        ax.add_collection(lumos.collections.LineCollection(
            [[(1, 0.5), (3, 0.8)]], transform=ax.get_xaxis_transform()))
        ax.scatter([6, 8], [0.5, 0.6], transform=ax.get_xaxis_transform())
        return fig

    html = make().savefig(tmp_path / "blended.html")
    with browser.Chromium((500, 300)) as b:
        b.open(html)
        assert b.evaluate("lumos.standalone.notices || {}") == {}
        b.drag(250, 150, 200, 150)
        notices = b.evaluate("lumos.standalone.notices || {}")
    assert sorted(notices.values()) == [
        f"{what} placed by a transform: shown as exported (only Python redraws them for a "
        "new view)" for what in ("a collection", "a line", "a patch", "scatter points")]


def test_arrows_between_data_points_pan_like_python_and_name_their_zoom(tmp_path):
    """An arrow from a text in data to a point, with pixel-sized parts (a simple
    arrow's head, an arc's arms, a circle in data cutting it): Python's picture at any
    pan; a zoom moves its ends apart, and the page says it only turns and scales it."""
    def make():
        fig, ax = lumos.subplots(figsize=(5, 3.5), dpi=100)
        ax.plot([0, 10], [0, 1])
        ax.add_patch(lumos.pyplot.Circle((4, 0.4), 0.3, fc="none", ec="k"))
        ax.annotate("simple", xy=(4, 0.4), xytext=(7, 0.8),
                    arrowprops={"arrowstyle": "simple", "fc": "m",
                                "connectionstyle": "arc,angleA=180,armA=30,rad=5",
                                "patchB": ax.patches[0]})
        ax.annotate("wedge", xy=(8, 0.8), xytext=(6, 0.2),
                    arrowprops={"arrowstyle": "wedge", "fc": "c"})
        return fig

    _, after, python, notices = page_and_python(
        tmp_path, make, (500, 350), [("drag", 250, 175, 200, 200)], "arrows_pan")
    assert notices == {}, notices
    assert_same("follow_arrows_pan", after, python)
    _, _, _, notices = page_and_python(
        tmp_path, make, (500, 350), [("wheel", 250, 175, 200)], "arrows_zoom")
    assert list(notices.values()) == [
        "arrows with heads, brackets, connection arms or patches between two data points: "
        "turned and scaled with the zoom (only Python draws their shape anew for it)"]


def test_what_the_page_cannot_redraw_of_axes_is_named(tmp_path):
    """A dashed spine through zero keeps the axes' ticks as exported once the view
    moves, a text in a box and a secondary axis (Python's functions, not affine) stay
    where they were; the page names each (the axis and why)."""
    def make():
        fig, axs = lumos.subplots(1, 2, figsize=(6, 3), dpi=100)
        for ax in axs:
            ax.plot([0, 10], [0, 1])
        axs[0].spines["bottom"].set_position("zero")
        axs[0].spines["bottom"].set_linestyle("--")
        axs[1].text(5, 0.5, "boxed", bbox={"facecolor": "y"})
        axs[1].secondary_xaxis("top", functions=(lambda x: x**3, np.cbrt))  # not affine
        return fig

    html = make().savefig(tmp_path / "restyled.html")
    with browser.Chromium((600, 300)) as b:
        b.open(html)
        assert b.evaluate("lumos.standalone.notices || {}") == {}  # the export is right
        b.drag(150, 150, 100, 150)
        b.drag(450, 150, 400, 150)
        notices = b.evaluate("lumos.standalone.notices || {}")
    assert sorted(notices.values()) == [
        "secondary x axis (Python's functions): shown as exported (only Python redraws "
        "them for a new view)",
        "texts with a box: shown as exported (only Python redraws them for a new view)",
        "x ticks (a dashed spine at a data position or with bounds): shown as exported "
        "(only Python redraws them for a new view)"]


def test_texts_in_blended_transforms_move_along_their_data_coordinate(tmp_path):
    """ax.get_xaxis_transform(): x in data, y in axes fraction (and the other way
    round): a pan moves such a text along its data coordinate only, as Python."""
    def make():
        fig, ax = lumos.subplots(figsize=(5, 3.5), dpi=100)
        ax.plot([0, 10], [-1, 1], color="0.8")
        ax.text(5, 0.9, "xdata", transform=ax.get_xaxis_transform(), color="r")
        ax.text(0.2, 0.3, "ydata", transform=ax.get_yaxis_transform(), color="b")
        return fig

    before, after, python, notices = page_and_python(
        tmp_path, make, (500, 350), [("drag", 250, 175, 200, 235)], "blended_texts")
    assert notices == {}, notices

    def extent(img, channel):  # (top row, left column) of a text drawn in one channel
        c = img[..., :3].astype(int)
        hit = (c[..., channel] > 150) & (np.delete(c, channel, axis=-1).max(axis=-1) < 80)
        rows, cols = np.flatnonzero(hit.any(axis=1)), np.flatnonzero(hit.any(axis=0))
        return rows.min(), cols.min()

    (r0, c0), (r1, c1) = extent(before, 0), extent(after, 0)
    assert (r1 - r0, c1 - c0) == (0, pytest.approx(-50, abs=1))  # x with the data
    (r0, c0), (r1, c1) = extent(before, 2), extent(after, 2)
    assert (r1 - r0, c1 - c0) == (pytest.approx(60, abs=1), 0)  # y with the data
    assert_same("follow_blended_texts", after, python)


def test_a_secondary_axis_of_python_functions_follows_its_data_value(tmp_path):
    """A secondary axis at a parent's data value whose functions a page cannot run
    keeps its exported ticks, named, but moves across with the value: a pan along y
    alone (its ticks unchanged) is Python's picture."""
    def make():
        fig, ax = lumos.subplots(figsize=(5, 3.5), dpi=100)
        ax.plot([0, 10], [-1, 1])
        sec = ax.secondary_xaxis(0, functions=(lambda x: x**3, np.cbrt),  # not affine
                                 transform=ax.transData)
        sec.set_color("r")
        return fig

    before, after, python, notices = page_and_python(
        tmp_path, make, (500, 350), [("drag", 250, 175, 250, 235)], "secondary_frozen")
    assert list(notices.values()) == [
        "secondary x axis (Python's functions): shown as exported (only Python redraws "
        "them for a new view)"]
    red = lambda img: (img[..., 0] > 200) & (img[..., 1] < 60)  # noqa: E731
    rows = [np.flatnonzero(red(img).sum(axis=1) > 300) for img in (before, after)]
    assert rows[0].size and rows[1].size and rows[1].min() - rows[0].min() == pytest.approx(
        60, abs=1)  # the spine went down with y = 0
    assert_same("follow_secondary_frozen", after, python)


def test_texts_polar_and_3d_axes_cannot_move_are_named(tmp_path):
    """Texts anchored to data on polar axes (axis on or off) and at 3D points stay in
    the overlay as exported; once the view moves, the page says so."""
    def make():
        fig = lumos.figure(figsize=(6, 3), dpi=100)
        polar = fig.add_subplot(1, 2, 1, projection="polar")
        polar.plot([0, 1, 2], [1, 2, 1])
        polar.text(1.0, 1.5, "peak")
        ax3 = fig.add_subplot(1, 2, 2, projection="3d")
        ax3.plot([0, 1], [0, 1], [0, 1])
        ax3.text(0.5, 0.5, 0.5, "middle")
        return fig

    html = make().savefig(tmp_path / "texts.html")
    with browser.Chromium((600, 300)) as b:
        b.open(html)
        assert b.evaluate("lumos.standalone.notices || {}") == {}  # the export is right
        b.wheel(150, 150, -300)
        b.drag(450, 150, 400, 150)
        notices = b.evaluate("lumos.standalone.notices || {}")
    assert sorted(notices.values()) == [
        "texts anchored to data on polar axes: shown as exported (only Python redraws "
        "them for a new view)",
        "texts at 3D points: shown as exported (only Python redraws them for a new view)"]


def test_an_inset_covers_the_axes_under_it_in_the_page(tmp_path):
    """Views draw in order, each background cleared just before its draws: the inset's
    white background hides the line under it, in the page as in Python."""
    def make():
        fig, ax = lumos.subplots(figsize=(5, 3.5), dpi=100)
        ax.plot([0, 1], [0, 1], lw=8, color="r")
        inset = fig.add_axes([0.35, 0.35, 0.3, 0.3])
        inset.plot([0, 1], [1, 0], color="b")
        return fig

    fig = make()
    python = fig.render()
    inside = python[140:200, 200:300, :3].astype(int)  # the inset's middle
    assert not ((inside[..., 0] > 200) & (inside[..., 1] < 80)).any()  # no red under it
    with browser.Chromium((500, 350)) as b:
        b.open(fig.savefig(tmp_path / "inset.html"))
        page = b.capture()
    assert_same("inset", page, python)


def test_an_inset_covers_the_ticks_and_spines_of_the_axes_under_it_in_the_page(tmp_path):
    """The decorations of an axes draw with it, before a later inset (as matplotlib's):
    none of the lower axes' ticks, spines or labels shows inside the inset, in the page
    as in Python, and still none once the page redraws the ticks for a pan."""
    box = (0.08, 0.05, 0.4, 0.4)  # over the left spine and the bottom ticks

    def stray(img):  # dark pixels inside the inset's frame that are not its blue line
        inside = img[196:329, 44:236, :3].astype(int)
        blue = (inside[..., 2] > 150) & (inside[..., 0] < 120)
        return int(((inside.max(-1) < 200) & ~blue).sum())

    fig, ax = lumos.subplots(figsize=(5, 3.5), dpi=100)
    ax.plot([0, 1], [0, 1], color="r")
    ax.grid(True)
    ax.tick_params(direction="in", length=25, top=True, right=True)
    inset = fig.add_axes(box)
    inset.plot([0, 1], [1, 0], color="b")
    inset.set_xticks([])
    inset.set_yticks([])
    python = fig.render()
    assert stray(python) == 0
    with browser.Chromium((500, 350)) as b:
        b.open(fig.savefig(tmp_path / "inset_ticks.html"))
        page = b.capture()
        b.drag(400, 80, 330, 60)  # pan the lower axes: the page draws new ticks
        panned = b.capture()
    assert_same("inset_ticks", page, python)
    assert stray(page) == 0
    assert stray(panned) == 0
    assert np.abs(panned[:190, 260:].astype(int) - page[:190, 260:]).max() > 100  # it moved


@pytest.mark.parametrize("ticks", ["fixed", "automatic"])
def test_the_page_keeps_every_label_even_overlapping(tmp_path, ticks):
    """31 y labels overlap (fixed ticks, or a MaxNLocator(30)'s); after a pan the page
    draws every one, as Python and matplotlib do (lumos dropped every other one of the
    automatic ticks)."""
    def make():
        fig, ax = lumos.subplots(figsize=(5, 3.5), dpi=100)
        ax.plot([0, 1], [0, 1])
        if ticks == "fixed":
            ax.set_yticks(np.linspace(0, 1, 31), [f"{i:02d}" for i in range(31)])
        else:
            ax.yaxis.set_major_locator(lumos.ticker.MaxNLocator(30))
        return fig

    _, after, python, notices = page_and_python(
        tmp_path, make, (500, 350), lambda fig: [("drag", 250, 175, 250, 195)], ticks)
    assert notices == {}, notices
    labels = (slice(0, 350), slice(0, 60))  # the y tick labels' strip
    assert browser.image_difference(after[labels], python[labels])["bad_fraction"] < BAD
    assert_same(f"follow_{ticks}_labels", after, python)


def aligned_labels_plot(align=True):
    """Two y labels aligned by Figure.align_ylabels past the wider tick labels."""
    fig, axs = lumos.subplots(2, 1, figsize=(5, 3.5), dpi=100)
    axs[0].plot([0, 2000])
    axs[1].plot([0, 1])
    for ax in axs:
        ax.set_ylabel("label")
    if align:
        fig.align_ylabels()
    return fig


def test_the_page_keeps_labels_aligned_by_the_figure(tmp_path):
    # a drag along x redraws both axes of the top axes in the page, y ticks unchanged
    _, after, python, notices = page_and_python(
        tmp_path, aligned_labels_plot, (500, 350),
        [("drag", 250, 100, 200, 100), ("drag", 250, 260, 200, 260)], "aligned_labels")
    assert notices == {}, notices
    strip = (slice(0, 350), slice(0, 45))  # the y labels, left of the tick labels
    assert_same("aligned_labels", after[strip], python[strip])
    # the strip tells aligned from not aligned labels
    alone = aligned_labels_plot(align=False)
    frozen_layout(alone)
    diff = browser.image_difference(alone.render()[strip], python[strip])
    assert not (diff["mean"] < MEAN and diff["bad_fraction"] < BAD), diff


def test_what_an_axes_draws_over_a_later_axes_is_covered_in_the_page(tmp_path):
    """A text reaching out of its axes over the next one lies under that axes'
    background, a legend over the axes' clip_on text and under a line of zorder 6
    (matplotlib's order), in the page as in Python, before and after a pan."""
    fig, (a1, a2) = lumos.subplots(1, 2, figsize=(4, 3), dpi=100)
    a1.text(0.5, 0.5, "SPILLING OVER", fontsize=30, color="r", transform=a1.transAxes)
    a2.set_facecolor("y")
    a2.plot([0, 1], [0, 1], color="b", label="legend label")
    a2.plot([0, 1], [0.92, 0.92], color="m", lw=6, zorder=6)
    a2.legend(loc="upper left", fontsize=12, facecolor="y", framealpha=1)
    a2.text(0.05, 0.85, "CLIPPED", fontsize=20, color="r", clip_on=True,
            transform=a2.transAxes)
    python = fig.render()
    with browser.Chromium((400, 300)) as b:
        b.open(fig.savefig(tmp_path / "covered.html"))
        page = b.capture()
        b.drag(330, 200, 330, 230)  # the line moves over the legend, still over it
        panned = b.capture()
    assert_same("covered", page, python)
    magenta = (panned[..., 0] > 150) & (panned[..., 1] < 80) & (panned[..., 2] > 150)
    assert magenta[40:120, 215:330].sum() > 100
    x0 = round(a2.get_position().x0 * 400)
    inside = python[130:170, x0 + 4:x0 + 40, :3].astype(int)  # the text's row in a2
    assert not ((inside[..., 0] > 200) & (inside[..., 2] < 80) & (inside[..., 1] < 80)).any()

