"""Updates upload only what changed (bytes counted by the executor), and the picture
after an update is the picture of a figure made with the final data. (A change that
moves the centre of a line's points, its float64 origin, uploads all of them, about the
origin a new figure takes; the changes here keep it, unless they say.)

Bytes: a line's point is 16 bytes on the GPU (xyz + a drawn flag, float32), its color
4 (RGBA8), each held once (see POINT); an image row is width × 4 bytes
(float32 scalar texture). Limits are fixed so that ticks and labels stay as they were;
what an idle frame uploads is subtracted.
"""

from __future__ import annotations

import numpy as np
import pytest

import lumos
from lumos.plot.animation import Animation, FuncAnimation

# A line's rows live in one GPU copy: the lines here are drawn in runs (caps and joined
# segments), every draw reading the row texture by gl_VertexID (lumos/visuals/
# line_rows.py; WebGL2 has no buffer textures), so the buffer that instanced draws
# bind is never uploaded. A change of k points uploads k rows: k texels of the texture,
# not whole texture rows of 1024 texels (Texture.update_texels).
POINT = 16
COLOR = 4


def figure_with(*lines, ylim=(-2, 2)):
    fig, ax = lumos.subplots(figsize=(4, 3), dpi=100)
    handles = [ax.plot(x, y)[0] for x, y in lines]
    ax.set_xlim(0, 1)
    ax.set_ylim(*ylim)
    fig.render()
    fig.render()  # the layout settles in the first frame
    return fig, ax, handles


def uploads(fig, action) -> int:
    """Bytes uploaded by the frame after ``action``, less what an idle frame uploads
    (decorations may upload the same bytes every frame)."""
    ex = fig.canvas._executor
    before = ex.uploaded_bytes
    fig.render()
    idle = ex.uploaded_bytes - before
    action()
    before = ex.uploaded_bytes
    fig.render()
    return ex.uploaded_bytes - before - idle


def same_as_fresh(fig, x, y):
    fresh, _, _ = figure_with((x, y))
    np.testing.assert_array_equal(fig.render(), fresh.render())


X = np.linspace(0, 1, 1000)


def test_slice_assignment_uploads_the_slice():
    fig, ax, (line,) = figure_with((X, np.sin(X)))
    assert uploads(fig, lambda: line.ydata.__setitem__(slice(10, 20), 0.5)) == 10 * POINT
    y = np.sin(X)
    y[10:20] = 0.5
    np.testing.assert_array_equal(line.get_ydata(), y)
    same_as_fresh(fig, X, y)


@pytest.mark.parametrize("key, rows", [(5, 1), (-1, 1), (slice(100, 200, 10), 91),
                                       (np.array([3, 40, 7]), 38)])
def test_index_forms_upload_first_to_last_row(key, rows):
    y = np.sin(3 * X)  # its extremes at rows 0 and 523: none changed
    fig, ax, (line,) = figure_with((X, y.copy()))
    y[key] = 0.25
    assert uploads(fig, lambda: line.ydata.__setitem__(key, 0.25)) == rows * POINT
    np.testing.assert_array_equal(line.get_ydata(), y)


def test_set_data_of_the_same_length_uploads_the_rows_that_differ():
    fig, ax, (line,) = figure_with((X, np.sin(X)))
    y = np.sin(X)
    y[300:350] = 0.5
    assert uploads(fig, lambda: line.set_data(X, y)) == 50 * POINT  # matplotlib's form
    same_as_fresh(fig, X, y)


def test_set_data_y_keeps_x():
    fig, ax, (line,) = figure_with((X, np.sin(X)))
    y = np.sin(1 - X)  # the same bounds
    assert uploads(fig, lambda: line.set_data(y=y)) <= len(X) * POINT
    np.testing.assert_array_equal(line.get_xdata(), X)
    np.testing.assert_array_equal(line.get_ydata(), y)
    y2 = y.copy()
    y2[-6:-1] = 0  # the last row is 0 already
    assert uploads(fig, lambda: line.set_ydata(y2)) == 5 * POINT
    same_as_fresh(fig, X, y2)


def test_other_set_data_forms():
    fig, ax, (line,) = figure_with((X, np.sin(X)))
    line.set_data((X, np.cos(X)))  # matplotlib's one-argument (x, y)
    np.testing.assert_array_equal(line.get_ydata(), np.cos(X))
    line.set_data(np.c_[X, np.sin(X)])
    np.testing.assert_array_equal(line.get_ydata(), np.sin(X))
    line.set_data(x=X[::-1])
    np.testing.assert_array_equal(line.get_xdata(), X[::-1])
    line.xdata = X
    line.ydata = np.zeros(len(X))
    np.testing.assert_array_equal(line.get_data()[1], 0)


def test_other_lines_of_a_batch_stay_put():
    fig, ax, (a, b) = figure_with((X, np.sin(X)), (X, np.cos(X)))
    assert uploads(fig, lambda: b.ydata.__setitem__(slice(500, 503), 0.5)) == 3 * POINT
    assert uploads(fig, lambda: a.ydata.__setitem__(slice(997, 1000), 0.0)) == 3 * POINT


def test_new_length_uploads_everything_again():
    fig, ax, (line,) = figure_with((X, np.sin(X)))
    x2 = np.linspace(0, 1, 500)
    assert uploads(fig, lambda: line.set_data(x2, np.sin(x2))) >= 500 * POINT
    same_as_fresh(fig, x2, np.sin(x2))


def test_a_long_line_uploads_its_envelope_not_its_points():
    n = 2_000_000
    x = np.linspace(0, 1, n)
    y = np.sin(40 * x)
    fig, ax, (line,) = figure_with((x, y))
    used = uploads(fig, lambda: line.ydata.__setitem__(slice(10_000, 10_010), 1.5))
    assert 0 < used < 64 * 1024  # the view's min/max envelope; the line is 32 MB


def test_the_callers_x_edited_in_place_then_passed_again_is_drawn_anew():
    # the same array object with new values: identity says nothing, the values decide
    x, y = X.copy(), np.sin(X)
    fig, ax, (line,) = figure_with((x, y))
    x[1:-1] *= 0.5  # all rows but the first (0) and the last (1): still sorted
    assert uploads(fig, lambda: line.set_data(x, y)) == (len(X) - 2) * POINT
    np.testing.assert_array_equal(line.get_xdata(), x)
    same_as_fresh(fig, x, y)


@pytest.mark.parametrize("rows", [slice(None), slice(120_000, 121_000)])
def test_a_long_lines_set_data_draws_what_a_new_figure_draws(rows):
    # 300 000 points: drawn as their min/max envelope; a full replacement and a range,
    # with NaN in the new y (a break) and x edited in place in the caller's array
    n = 300_000
    x = np.linspace(0, 1, n)
    y = np.sin(40 * x)
    fig, ax, (line,) = figure_with((x, y))
    y2 = y.copy()
    y2[rows] = np.cos(70 * x[rows]) * 1.5
    y2[120_500] = np.nan
    line.set_data(x, y2)
    np.testing.assert_array_equal(line.get_ydata(), y2)
    same_as_fresh(fig, x, y2)
    x[: n // 2] *= 0.9  # still sorted
    line.set_data(x, y2)
    same_as_fresh(fig, x, y2)


def test_a_long_lines_new_y_uploads_the_envelopes_positions_only():
    n = 300_000
    x = np.linspace(0, 1, n)
    fig, ax, (line,) = figure_with((x, np.sin(40 * x)))
    used = uploads(fig, lambda: line.set_data(x, np.cos(40 * x)))
    (batch,) = ax._batches.values()
    assert 1000 < batch.drawn_points < 5000
    # the positions and the break rows around them; the colors are those of last frame
    assert used == (batch.drawn_points + 2) * POINT
    assert uploads(fig, lambda: (line.set_color("red"), line.set_data(x, np.sin(40 * x)))) \
        == (batch.drawn_points + 2) * POINT + batch.drawn_points * COLOR  # and the new colors


def test_a_long_lines_redraw_reads_its_columns_in_place(monkeypatch):
    # x and y are contiguous columns of the line's one array, which its batch draws:
    # a full replacement of y is binned where it lies, without strided copies
    n = 300_000
    x = np.linspace(0, 1, n)
    fig, ax, (line,) = figure_with((x, np.sin(40 * x)))
    copies = []
    real = np.ascontiguousarray
    monkeypatch.setattr(np, "ascontiguousarray", lambda a, *k, **kw: (
        lambda out: (copies.append(np.size(a)) if not np.shares_memory(out, a) else None,
                     out)[1])(real(a, *k, **kw)))
    line.set_data(x, np.cos(40 * x))
    fig.render()
    assert sum(copies) < n // 10, copies


def test_log_axis_and_steps_update_in_place():
    fig, ax = lumos.subplots(figsize=(4, 3), dpi=100)
    (log_line,) = ax.plot(X + 1, np.exp(X))
    (steps,) = ax.step(X, np.sin(X) + 1)
    ax.set_yscale("log")
    ax.set_xlim(0, 2)
    ax.set_ylim(0.1, 10)
    fig.render()
    assert uploads(fig, lambda: log_line.ydata.__setitem__(slice(0, 4), 2.0)) == 4 * POINT
    # a step line has two vertices per point: point i moves vertices 2i - 1 .. 2i + 1
    assert uploads(fig, lambda: steps.ydata.__setitem__(500, 1.0)) == 2 * POINT


def test_bad_updates_leave_the_line_as_it_was():
    fig, ax, (line,) = figure_with((X, np.sin(X)))
    with pytest.raises(ValueError, match="same length"):
        line.set_data(y=np.zeros(5))
    with pytest.raises(ValueError):
        line.ydata[0:10] = np.zeros(3)
    with pytest.raises(IndexError):
        line.ydata[5000] = 1.0
    with pytest.raises(TypeError, match="set_data"):
        line.set_data()
    with pytest.raises(ValueError, match="x"):
        line.set_data(np.zeros((5, 3)))
    np.testing.assert_array_equal(line.get_ydata(), np.sin(X))


def test_data_view_reads_copies():
    fig, ax, (line,) = figure_with((X, np.sin(X)))
    view = line.ydata
    assert len(view) == 1000 and view.shape == (1000,)
    part = view[0:5]
    part[:] = 7
    assert line.get_ydata()[0] != 7
    np.testing.assert_array_equal(np.asarray(view), np.sin(X))
    assert float(view[3]) == np.sin(X[3])


def test_callers_arrays_are_not_modified():
    y = np.sin(X)
    keep = y.copy()
    fig, ax, (line,) = figure_with((X, y))
    line.ydata[0:10] = 5.0
    line.set_data(X, np.cos(X))
    np.testing.assert_array_equal(y, keep)


def test_dates_convert_in_slice_assignment():
    fig, ax = lumos.subplots()
    t = np.arange("2024-01-01", "2024-01-11", dtype="datetime64[D]")
    (line,) = ax.plot(np.arange(10.0), np.arange(10.0))
    line.xdata = t
    assert ax.xaxis.is_date
    line.xdata[0:2] = np.array(["2023-12-30", "2023-12-31"], dtype="datetime64[D]")
    x = line.get_xdata()
    assert x[1] - x[0] == 1 and x[2] - x[1] == 3  # Dec 30, Dec 31, Jan 3 (in days)


# -- images ---------------------------------------------------------------------------
def test_image_set_data_same_shape_updates_rows_without_recreating():
    fig, ax = lumos.subplots(figsize=(4, 3), dpi=100)
    z = np.random.default_rng(0).random((64, 128))
    im = ax.imshow(z, vmin=0, vmax=1)
    fig.render()
    ex = fig.canvas._executor
    tex = im._visual._texture
    gl_texture = ex._textures[tex.id][0]
    z2 = z.copy()
    z2[10:12] = 0.5
    assert uploads(fig, lambda: im.set_data(z2)) == 2 * 128 * 4
    assert ex._textures[tex.id][0] is gl_texture  # the same texture, updated
    z3 = np.random.default_rng(1).random((64, 128))
    assert uploads(fig, lambda: im.set_data(z3)) == z3.size * 4
    assert ex._textures[tex.id][0] is gl_texture
    fresh, fax = lumos.subplots(figsize=(4, 3), dpi=100)
    fax.imshow(z3, vmin=0, vmax=1)
    np.testing.assert_array_equal(fig.render(), fresh.render())


# -- animation --------------------------------------------------------------------------
def test_animate_runs_update_then_renders():
    fig, ax = lumos.subplots(figsize=(3, 2), dpi=50)
    (line,) = ax.plot(X, np.sin(X))
    seen, pictures = [], []

    def update(frame):
        seen.append(frame)
        line.set_ydata(np.sin(X + frame))

    anim = fig.animate(update, interval_ms=20)
    assert isinstance(anim, Animation) and anim.interval_ms == 20
    times = anim.run(frames=4, on_frame=pictures.append)
    assert seen == [0, 1, 2, 3] and len(times) == 4 and anim.frame == 4
    assert pictures[0].shape == (100, 150, 4)
    assert not np.array_equal(pictures[0], pictures[-1])


def test_animation_frames_init_fargs_and_repeat():
    fig, _ = lumos.subplots(figsize=(2, 2), dpi=30)
    seen = []
    anim = Animation(fig, lambda f, tag: seen.append((tag, f)), frames=["a", "b"],
                     init=lambda: seen.append("init"), fargs=("t",), repeat=False)
    assert len(anim.run()) == 2
    assert seen == ["init", ("t", "a"), ("t", "b")]
    assert not anim.step() and not anim.running
    again = Animation(fig, lambda f: seen.append(f), frames=2)
    again.run(frames=5)
    assert seen[-5:] == [0, 1, 0, 1, 0]
    again.stop()
    assert not again.step()


def test_funcanimation_spelling():
    fig, _ = lumos.subplots(figsize=(2, 2), dpi=30)
    seen = []
    anim = FuncAnimation(fig, seen.append, frames=3, interval=50, blit=True)
    assert anim.interval_ms == 50
    anim.run()
    assert seen == [0, 1, 2]


def test_animation_bad_input():
    fig, _ = lumos.subplots(figsize=(2, 2), dpi=30)
    with pytest.raises(TypeError, match="update"):
        fig.animate("not callable")
    with pytest.raises(ValueError, match="interval_ms"):
        fig.animate(print, interval_ms=-1)
    with pytest.raises(TypeError, match="frames"):
        fig.animate(print, frames=1.5)
    with pytest.raises(ValueError, match="frames"):
        fig.animate(print).run()  # endless: needs a count
