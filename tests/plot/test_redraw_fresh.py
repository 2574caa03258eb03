"""A figure redrawn after each of a run of changes draws, at every step, the picture a
new figure given the same changes (and never drawn before) draws.

Every cache a redraw or a pan goes through (the decorations' replay, the line's level of
detail pyramid and envelope, the batches' changed rows, the tick labels' glyph quads
moved by a pan, the executor's matrices and uniforms kept from the frame before) must
give way to a change it does not expect: a stale picture is the failure these runs
look for. Each step must also change the picture (else it could not fail)."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

import lumos.pyplot as plt
from lumos import patheffects

N = 200_000  # a line long enough for its level of detail (a pyramid, an envelope)


def _base():
    """A figure with a long line, a short dashed one with markers, a scatter, a text
    and a legend; its artists by name."""
    fig, ax = plt.subplots(figsize=(3.2, 2.4), dpi=60)
    fig.subplots_adjust(left=0.25, bottom=0.3, right=0.95, top=0.9)  # no layout engine
    x = np.linspace(0.0, 10.0, N)
    rng = np.random.default_rng(3)
    big, = ax.plot(x, np.sin(x) + 0.3 * rng.standard_normal(N), lw=1, label="signal")
    short, = ax.plot([1, 3, 5, 7, 9], [1.5, -1.5, 1.5, -1.5, 1.5], "o--", ms=5,
                     label="marks")
    dots = ax.scatter([2, 4, 6, 8], [0.5, -0.5, 0.5, -0.5], s=40, c="red", zorder=3)
    ax.text(0.5, 1.9, "label")
    ax.set_xlabel("time")
    ax.legend(loc="lower left")
    return fig, ax, {"big": big, "short": short, "dots": dots, "x": x, "rng": rng}


def _new_y(fig, ax, a):
    a["big"].set_data(a["x"], np.cos(a["x"]) + 0.3 * a["rng"].standard_normal(N))


def _new_y_wider(fig, ax, a):
    """New data over a wider range: the automatic limits move once refitted."""
    a["big"].set_ydata(4 * np.sin(a["x"]) + 0.3 * a["rng"].standard_normal(N))
    ax.relim()
    ax.autoscale_view()


def _rows(fig, ax, a):
    a["big"].ydata[N // 3 : N // 2] = 1.8


def _camera_pan(fig, ax, a):
    """A pan as the mouse makes it: the view's camera moved."""
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    w, h = x1 - x0, y1 - y0
    camera = ax.view.camera_dict()
    fig.camera_changed(ax.view, {**camera, "rect": [x0 + 0.13 * w, y0 - 0.07 * h, w, h]})


def _camera_zoom(fig, ax, a):
    """A zoom as the wheel makes it: the camera's rectangle narrower (what the batches
    hold is mapped again; markers spaced on screen and effects offset in pixels are not
    the same points then)."""
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    w, h = x1 - x0, y1 - y0
    camera = ax.view.camera_dict()
    fig.camera_changed(ax.view, {**camera, "rect": [x0 + 0.1 * w, y0 + 0.1 * h, 0.6 * w,
                                                    0.8 * h]})


def _ticked(fig, ax, a):
    """Ticks spaced in pixels along the line with markers (their rows follow the view;
    lumos warns that it draws the effect on the line only), its markers on every point
    again (so that only the effect follows the view)."""
    a["short"].set_markevery(None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        a["short"].set_path_effects([patheffects.withTickedStroke(spacing=7.0, length=0.8)])


def _new_artists(fig, ax, a):
    """Two lines of one style: one batch, a member each."""
    a["late"], = ax.plot([0, 10], [-1.8, 1.0], color="green", lw=3)
    a["later"], = ax.plot([0, 5, 10], [1.0, -1.0, -1.8], color="orange", lw=3)


def _shown_on_top(fig, ax, a):
    a["dots"].set_visible(True)
    a["dots"].set_zorder(6)


RUN = [
    ("set_data", _new_y),
    ("xlim", lambda fig, ax, a: ax.set_xlim(2.0, 7.5)),
    ("set_data in view", _new_y),
    ("pan by the camera", _camera_pan),
    ("pan again", _camera_pan),
    ("set_data after a pan", _new_y),
    ("rows in place", _rows),
    ("autoscale to wider data", _new_y_wider),
    ("color", lambda fig, ax, a: a["big"].set_color("purple")),
    ("linewidth", lambda fig, ax, a: a["big"].set_linewidth(3)),
    ("hidden", lambda fig, ax, a: a["dots"].set_visible(False)),
    ("zorder", lambda fig, ax, a: a["big"].set_zorder(4)),
    ("rows of a dashed line with markers",
     lambda fig, ax, a: a["short"].set_ydata([1.0, -1.0, 0.5, -0.5, 1.2])),
    # its legend handle gains a stroke (the gaps) of a style the legend had not drawn:
    # it draws under the dashes, as in a new figure
    ("gap color", lambda fig, ax, a: a["short"].set_gapcolor("cyan")),
    # batch items that follow the view: the sync takes them again after a zoom
    ("markers spaced on screen", lambda fig, ax, a: a["short"].set_markevery((0.0, 0.45))),
    ("zoom with markers spaced on screen", _camera_zoom),
    ("ticks spaced in pixels", _ticked),
    ("zoom with ticks spaced in pixels", _camera_zoom),
    ("limits with ticks spaced in pixels", lambda fig, ax, a: ax.set_xlim(0.5, 9.0)),
    # new x and y: the rows' centre moves, and with it the float64 origin a new
    # figure uploads them about (kept, it moved a pixel's edge by a level)
    ("rows of a line with gaps", lambda fig, ax, a: a["short"].set_data(
        [1.5, 3, 4.5, 7.25, 9.5], [-1.2, 1.0, -0.5, 0.5, -1.0])),
    ("new artists", _new_artists),
    ("rows of the second member of a batch",
     lambda fig, ax, a: a["later"].set_ydata([-1.5, 1.5, 0.0])),
    ("rows of the first member of a batch",
     lambda fig, ax, a: a["late"].set_data([0, 10], [1.5, -1.5])),
    ("removed artist", lambda fig, ax, a: a["short"].remove()),
    ("ylim", lambda fig, ax, a: ax.set_ylim(-1.0, 2.0)),
    ("ticks", lambda fig, ax, a: ax.set_xticks([3, 4, 6])),
    ("tick labels", lambda fig, ax, a: ax.tick_params(labelsize=13, colors="blue")),
    ("title", lambda fig, ax, a: ax.set_title("run")),
    ("dpi", lambda fig, ax, a: fig.set_dpi(75)),
    ("resize", lambda fig, ax, a: fig.set_size_inches(4.0, 2.4)),
    ("set_data at the new size", _new_y),
    ("shown again, on top", _shown_on_top),
]


def _fresh(steps: int) -> np.ndarray:
    """A new figure given the first ``steps`` changes of RUN, drawn once."""
    fig, ax, a = _base()
    for _, change in RUN[:steps]:
        change(fig, ax, a)
    picture = fig.render()
    plt.close(fig)
    return picture


def _picture3d(steps: list) -> np.ndarray:
    fig = plt.figure(figsize=(3.2, 2.4), dpi=60)
    ax = fig.add_subplot(projection="3d")
    t = np.linspace(0, 10, 200)
    line, = ax.plot(t, np.sin(t), np.cos(t), lw=2)
    for i, step in enumerate(steps):
        if i:
            fig.render()
        step(line)
    picture = fig.render()
    plt.close(fig)
    return picture


def test_a_3d_axes_new_limits_draw_what_a_new_figure_draws():
    """3D batches are built in the box the limits span: new limits reach them."""
    def limits(line):
        line.axes.set_xlim(2.0, 8.0)

    before = _picture3d([lambda line: None])
    fresh = _picture3d([limits])
    assert not np.array_equal(before, fresh)
    np.testing.assert_array_equal(_picture3d([lambda line: None, limits]), fresh)


def test_a_3d_lines_new_rows_draw_what_a_new_figure_draws():
    """3D lines bring their visuals up to date whole: a change of rows reaches them."""
    t = np.linspace(0, 10, 200)

    def rows(line):
        line.set_data(t, np.cos(2 * t))  # x and y rows only: z kept

    before = _picture3d([lambda line: None])
    fresh = _picture3d([rows])
    assert not np.array_equal(before, fresh)
    np.testing.assert_array_equal(_picture3d([lambda line: None, rows]), fresh)


@pytest.mark.parametrize("frames_between", [1, 2])
def test_every_step_of_a_redraw_run_draws_what_a_new_figure_draws(frames_between):
    """``frames_between`` 2: the frame after a change is drawn twice (the second one is
    where caches that waited for an unchanged frame replay)."""
    fig, ax, a = _base()
    before = fig.render()
    np.testing.assert_array_equal(before, _fresh(0))
    for step, (name, change) in enumerate(RUN, start=1):
        change(fig, ax, a)
        for _ in range(frames_between):
            got = fig.render()
        fresh = _fresh(step)
        assert fresh.shape != before.shape or not np.array_equal(fresh, before), \
            f"step {name!r} changes nothing in the picture"
        np.testing.assert_array_equal(got, fresh, err_msg=f"after step {name!r}")
        before = got
    plt.close(fig)
