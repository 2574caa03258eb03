"""Streams and waterfalls: GPU rings, k samples uploaded per push, threads.

Bytes: the stream's ring texture holds each sample as a float32 interval (v, v)
time-major, ``m`` samples of every channel per texture row, and updates whole rows;
the min/max pyramid adds about a quarter. A push of k samples therefore uploads
k x channels x 8 bytes rounded out to whole rows, plus the pyramid's rows: bounded
here by 3 x the samples' bytes plus two rows per texture, and never the history.

Picture tolerance against a full-resolution ``Line`` of the same samples (lod=False):
no ink > 128 in one picture without ink > 32 within one pixel in the other, both
ways (the shapes agree to a pixel: no lost spike, no invented one), and a mean
absolute difference of at most 16 of 255. The envelope fills each block's min..max
band opaquely, where the full draw's thousands of thin antialiased segments leave
part of the pixels inside a noisy band partly covered (lighter); zoomed in, where
samples are drawn as lines, the bound is 8.
"""

from __future__ import annotations

import sys
import threading
import warnings
from pathlib import Path

import numpy as np
import pytest

import lumos
from lumos import visuals
from lumos.scene import Canvas
from lumos.visuals.ring import GAP
from lumos.visuals.stream import Stream
from lumos.visuals.waterfall import Waterfall

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_lod import assert_same_picture, ink  # noqa: E402

SIZE = (600, 300)


def signals(n: int, channels: int, start: int = 0, dt: float = 1e-3) -> np.ndarray:
    t = (start + np.arange(n)) * dt
    rng = np.random.default_rng(start)
    f = 1.0 + np.arange(channels)
    return (np.sin(2 * np.pi * f[None, :] * t[:, None])
            + 0.1 * rng.standard_normal((n, channels))).astype(np.float32)


def canvas_with(visual, rect=None, size=SIZE) -> Canvas:
    canvas = Canvas(size=size, bgcolor="white")
    view = canvas.add_view(camera="panzoom")
    view.add(visual)
    if rect is not None:
        view.camera.rect = rect
    return canvas


def follow(canvas, s: Stream, y0: float = -2, h: float = 4) -> None:
    """Point the camera at the stream's window (the plot layer does this with limits)."""
    x0, x1 = s.times()
    canvas.views[0].camera.rect = (x0, y0, x1 - x0, h)


def texture_bytes(visual) -> int:
    rings = [visual._raw, *visual._env.values()]
    return sum(r.texture.data.nbytes for r in rings)


def gpu_rows(canvas, texture) -> np.ndarray:
    """The texture as the GPU holds it (read back from the executor)."""
    from lumos.gpu.context import current

    with current():  # GL objects of lumos's context are read with it current
        gl = canvas._executor._textures[texture.id][0]
        raw = gl.read(alignment=1)
    return np.frombuffer(raw, np.float32).reshape(texture.data.shape)


def gpu_samples(canvas, s: Stream) -> np.ndarray:
    """The stream's raw ring on the GPU as (slots, channels) samples (each an interval
    (v, v))."""
    ring = gpu_rows(canvas, s._raw.texture).reshape(s._slots, s.channels, 2)
    np.testing.assert_array_equal(ring[..., 0], ring[..., 1])
    return ring[..., 0]


# -- uploads -----------------------------------------------------------------------------
def test_push_uploads_k_samples_not_the_history():
    channels, capacity = 8, 20_000
    s = Stream(channels, capacity, dt=1e-3, stacked=True)
    canvas = canvas_with(s)
    s.push(signals(capacity, channels))
    canvas.views[0].camera.rect = (0, -2, capacity * 1e-3, 10 * channels)
    canvas.render()
    ex = canvas._executor
    rows_raw = s._raw.m * channels * 8
    rows_env = sum(r.m * channels * 8 for r in s._env.values())
    for k in (1, 167, 1000):
        before = ex.uploaded_bytes
        s.push(signals(k, channels, start=capacity))
        canvas.render()
        used = ex.uploaded_bytes - before
        samples = k * channels * 8
        assert samples <= used <= 3 * samples + 2 * (rows_raw + rows_env), (k, used)
        assert used < texture_bytes(s) / 10
    # an idle frame, and moving the view, upload nothing: scrolling is uniforms
    before = ex.uploaded_bytes
    canvas.render()
    canvas.views[0].camera.rect = (5, -2, 3, 10 * channels)
    canvas.render()
    assert ex.uploaded_bytes == before


def test_gpu_ring_holds_the_newest_samples_after_wrapping():
    channels, capacity = 3, 1000
    s = Stream(channels, capacity, dt=1.0)
    canvas = canvas_with(s, rect=(0, -2, 1000, 4))
    data = signals(5000, channels)
    for i in range(0, 5000, 70):  # wraps the ring several times, a frame per push
        s.push(data[i : i + 70])
        follow(canvas, s)
        canvas.render()
    ring = gpu_samples(canvas, s)
    slots = np.arange(5000 - capacity, 5000) % s._slots
    np.testing.assert_array_equal(ring[slots], data[-capacity:])


def test_envelope_blocks_are_the_min_and_max_of_their_samples():
    channels, capacity = 2, 4096
    s = Stream(channels, capacity)
    canvas = canvas_with(s, rect=(0, -2, 4096, 4))
    data = signals(6000, channels)
    data[1000:1003, 1] = np.nan
    data[2008:2200, 0] = np.nan  # whole blocks of 8 .. 64 empty, larger ones half
    for i in range(0, 6000, 333):
        s.push(data[i : i + 333])
        follow(canvas, s)
        canvas.render()
    for level, ring in s._env.items():
        block = 1 << level
        view = ring.slot_view()
        for j in range(((6000 - capacity) >> level) + 1, (6000 >> level) - 1):
            samples = data[j * block : (j + 1) * block]
            got = view[j % ring.slots]
            with np.errstate(invalid="ignore"), warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN blocks
                lo, hi = np.nanmin(samples, axis=0), np.nanmax(samples, axis=0)
            np.testing.assert_array_equal(got[:, 0], np.where(np.isnan(lo), GAP[0], lo))
            np.testing.assert_array_equal(got[:, 1], np.where(np.isnan(hi), GAP[1], hi))


def test_pushing_faster_than_frames_loses_nothing_inside_capacity():
    channels, capacity = 4, 3000
    s = Stream(channels, capacity)
    canvas = canvas_with(s, rect=(0, -2, 3000, 4))
    canvas.render()
    data = signals(10_000, channels)
    for i in range(0, 10_000, 10):  # 1000 pushes, then one frame
        s.push(data[i : i + 10])
    follow(canvas, s)
    canvas.render()
    ring = gpu_samples(canvas, s)
    np.testing.assert_array_equal(ring[np.arange(7000, 10_000) % s._slots], data[-3000:])
    assert s.count == 10_000


def test_a_producer_thread_pushes_while_frames_are_drawn():
    channels, capacity, block, blocks = 6, 5000, 37, 400
    s = Stream(channels, capacity)
    canvas = canvas_with(s, rect=(0, -2, capacity, 4))
    data = signals(block * blocks, channels)
    done = threading.Event()
    errors = []

    def produce():
        try:
            for i in range(blocks):
                s.push(data[i * block : (i + 1) * block])
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            done.set()

    producer = threading.Thread(target=produce)
    producer.start()
    frames = 0
    while not done.is_set() or frames < 3:
        follow(canvas, s)
        canvas.render()
        frames += 1
    producer.join()
    follow(canvas, s)
    canvas.render()
    assert not errors
    assert s.count == block * blocks
    ring = gpu_samples(canvas, s)
    total = block * blocks
    np.testing.assert_array_equal(ring[np.arange(total - capacity, total) % s._slots],
                                  data[-capacity:])


# -- pictures -------------------------------------------------------------------------------
def reference(data: np.ndarray, t: np.ndarray, spacing: float, width: float) -> visuals.Line:
    channels = data.shape[1]
    lines = [np.c_[t, data[:, c].astype(float) + (channels - 1 - c) * spacing]
             for c in range(channels)]
    return visuals.Line(lines, color=[f"C{c}" for c in range(channels)], width=width,
                        lod=False)


@pytest.mark.parametrize("window", ["all", "zoomed"])
def test_picture_matches_a_full_resolution_line(window):
    channels, capacity, dt = 6, 20_000, 1e-3
    s = Stream(channels, capacity, dt=dt, stacked=True, spacing=3.0, width=1.5)
    data = signals(30_000, channels)
    s.push(data)
    t = np.arange(30_000) * dt
    x0, x1 = (10.0, 30.0) if window == "all" else (27.0, 27.4)
    rect = (x0, -2, x1 - x0, 3 * channels + 1)
    img = canvas_with(s, rect).render()
    # min/max blocks are one triangle strip per channel, samples a quad per segment
    mode = canvas_with(s, rect).frame().draws[0].mode
    assert mode == ("triangle_strip" if window == "all" else "triangles")
    ref = canvas_with(reference(data[-capacity:], t[-capacity:], 3.0, 1.5), rect).render()
    assert_same_picture(img, ref, mean_tol=16.0 if window == "all" else 8.0)


def render_frame(frame) -> np.ndarray:
    from lumos.gpu.context import current
    from lumos.gpu.executor import ModernGLExecutor, OffscreenTarget

    with current() as ctx:
        out = OffscreenTarget(ctx, frame.size, samples=1)
        try:
            ModernGLExecutor(ctx).render(frame, out.fbo)
            return out.read()
        finally:
            out.release()


@pytest.mark.parametrize("window", ["blocks", "samples"])
def test_a_scrolled_window_grows_the_viewport_over_its_entries(window):
    """Scrolled, the first and last entries drawn lie outside the view; the draw's
    viewport grows over them (Draw.margin) so that GL clips nothing (llvmpipe clipped
    every channel's strip triangle by triangle), and the picture stays."""
    import dataclasses

    from lumos.visuals.stream import _MAX_MARGIN

    channels, capacity, dt = 3, 20_000, 1e-3
    s = Stream(channels, capacity, dt=dt, stacked=True, spacing=3.0, width=1.5)
    s.push(signals(30_123, channels))
    x0, x1 = s.times()
    if window == "samples":
        x0 = x1 - 0.3  # 300 samples on 600 columns
    canvas = canvas_with(s, (x0, -2, x1 - x0, 3 * channels + 1))
    frame = canvas.frame()
    (draw,) = frame.draws
    assert draw.mode == ("triangle_strip" if window == "blocks" else "triangles")
    step = draw.uniforms["u_step"]
    first = draw.origin[0]
    last = first + (draw.int_uniforms["u_entries"] - 1) * step
    per_unit = SIZE[0] / (x1 - x0)
    beyond = max(x0 - first, last - x1) * per_unit  # pixels, the farthest entry
    assert beyond > 0  # the window scrolled: entries on both sides of the view
    half_width = 0.5 * 1.5
    assert beyond + half_width + 1 <= draw.margin <= _MAX_MARGIN
    grown = render_frame(frame)
    clipped = render_frame(dataclasses.replace(frame, draws=[
        dataclasses.replace(draw, margin=0)]))
    # the same picture up to float rounding (the grown viewport's matrices round
    # differently): a pixel in a thousand moves at all, one in 2000 by more than 2/255
    moved = np.abs(grown.astype(int) - clipped.astype(int)).max(axis=-1)
    assert (moved > 0).mean() < 1e-3 and (moved > 2).mean() < 5e-4
    assert ink(grown, 64).any()


def test_a_margin_stops_at_its_bound_zoomed_far_into_samples():
    from lumos.visuals.stream import _MAX_MARGIN

    s = Stream(1, 1000, dt=1.0, width=1.0)
    s.push(signals(1000, 1))
    canvas = canvas_with(s, (500.2, -2, 1.5, 4))  # a sample step is 400 pixels
    (draw,) = canvas.frame().draws
    assert draw.margin == _MAX_MARGIN
    assert ink(canvas.render(), 64).any()


def test_nan_samples_leave_gaps():
    channels, capacity = 2, 4000
    s = Stream(channels, capacity, stacked=True, spacing=4.0, width=2.0)
    data = np.zeros((4000, channels), np.float32)
    data[1000:2000, 0] = np.nan  # channel 0 (top) missing for a quarter
    s.push(data)
    img = canvas_with(s, rect=(0, -2, 4000, 8)).render()
    top = ink(img, 64)[: SIZE[1] // 2]  # channel 0 draws at y = 4, in the upper half
    columns = top.any(axis=0)
    gap = slice(round(0.25 * SIZE[0]) + 3, round(0.5 * SIZE[0]) - 3)
    assert not columns[gap].any()
    quarter, half = round(0.25 * SIZE[0]), round(0.5 * SIZE[0])
    assert columns[10 : quarter - 3].all() and columns[half + 3 : -10].all()
    assert ink(img, 64)[SIZE[1] // 2 :].any(axis=0)[10:-10].all()  # channel 1 whole


@pytest.mark.parametrize("value", [-1e37, -3e37, -1.5e38, np.finfo(np.float32).min])
def test_values_near_the_float32_minimum_are_samples_not_gaps(value):
    # a gap is the empty interval (lo > hi), which no finite sample can be (issue 9)
    s = Stream(1, 1000)
    data = np.zeros((1000, 1), np.float32)
    data[300:700] = value
    s.push(data)
    canvas = canvas_with(s, rect=(0, -1, 1000, 2))
    canvas.render()
    ring = s._raw.slot_view()[300:700, 0]
    np.testing.assert_array_equal(ring[:, 0], np.float32(value))
    np.testing.assert_array_equal(ring[:, 1], np.float32(value))
    if value > -1e38:  # a view 2|value| tall still has a normal float32 scale: drawn
        canvas.views[0].camera.rect = (0, value * 1.5, 1000, -value * 2.0)
        img = canvas.render()
        assert ink(img, 64)[round(SIZE[1] * 0.75), 190:410].all()  # at the value, no gap


def test_values_beyond_float32_are_clipped_with_a_warning_not_dropped():
    s = Stream(2, 100)
    block = np.zeros((10, 2))
    block[3, 0], block[4, 1] = 1e300, -1e300
    with pytest.warns(UserWarning, match="2 values beyond the float32 range"):
        s.push(block)
    canvas_with(s, rect=(0, -1, 100, 2)).render()
    ring = s._raw.slot_view()
    big = np.finfo(np.float32).max
    np.testing.assert_array_equal(ring[3, 0], [big, big])
    np.testing.assert_array_equal(ring[4, 1], [-big, -big])
    assert s.bounds()[1, 1] == big and s.bounds()[0, 1] == -big
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s.push(np.full((3, 2), 1e30))  # within float32's range: no warning


def test_nan_and_inf_samples_are_gaps_and_skipped_by_the_blocks():
    s = Stream(1, 512)  # blocks of 8 samples and more
    data = np.arange(64, dtype=float)[:, None]
    data[8:16] = np.nan
    data[16:24] = np.inf
    data[24] = -np.inf
    s.push(data)
    canvas_with(s, rect=(0, 0, 64, 64)).render()
    ring = s._raw.slot_view()[:, 0]
    assert (ring[8:24, 0] > ring[8:24, 1]).all() and ring[24, 0] > ring[24, 1]  # gaps
    level3 = s._env[3].slot_view()[:, 0]
    np.testing.assert_array_equal(level3[1], GAP)
    np.testing.assert_array_equal(level3[2], GAP)  # a block of inf: no finite sample
    np.testing.assert_array_equal(level3[3], [25, 31])  # -inf skipped


def test_stacking_and_colors():
    s = Stream(3, 1000, stacked=True, spacing=2.0, color=["red", "green", "blue"], width=3)
    s.push(np.zeros((1000, 3)))
    b = s.bounds()
    assert b[0, 1] == 0 and b[1, 1] == 4.0  # channel 0 at y = 4, channel 2 at 0
    img = canvas_with(s, rect=(0, -1, 1000, 6), size=(100, 60)).render()
    for y, rgb in ((4.0, (255, 0, 0)), (2.0, (0, 128, 0)), (0.0, (0, 0, 255))):
        row = round((1 - (y + 1) / 6) * 60)
        assert np.abs(img[row - 1 : row + 2, 50, :3].astype(int) - rgb).min(axis=0).max() <= 3


def test_spacing_follows_the_data_and_never_shrinks():
    s = Stream(2, 100, stacked=True)
    s.push(np.array([[0.0, 0.0], [10.0, 1.0]]))
    assert s._offset() == pytest.approx(12.0)
    s.push(np.zeros((3, 2)))
    assert s._offset() == pytest.approx(12.0)


# -- bad input --------------------------------------------------------------------------
def test_wrong_channel_count_names_both_shapes():
    s = Stream(32, 1000)
    with pytest.raises(ValueError, match=r"\(10, 31\).*\(k, 32\)"):
        s.push(np.zeros((10, 31)))
    with pytest.raises(ValueError, match="block"):
        s.push(np.zeros((2, 3, 32)))
    with pytest.raises(TypeError, match="block"):
        s.push(np.array([["a"] * 32]))
    assert s.count == 0


@pytest.mark.parametrize("kwargs, match", [
    ({"channels": 0, "capacity": 10}, "channels"),
    ({"channels": 2, "capacity": 1.5}, "capacity"),
    ({"channels": 2, "capacity": 10, "dt": 0}, "dt"),
    ({"channels": 2, "capacity": 10, "spacing": -1}, "spacing"),
    ({"channels": 4000, "capacity": 100_000}, "capacity"),
])
def test_bad_stream_arguments(kwargs, match):
    with pytest.raises((ValueError, TypeError), match=match):
        Stream(**kwargs)


def test_empty_and_tiny_streams_draw_nothing():
    s = Stream(2, 10)
    canvas = canvas_with(s, rect=(0, -1, 10, 2))
    (draw,) = canvas.frame().draws  # a draw of nothing (the rings: see below)
    assert draw.count == 0
    s.push(np.zeros((0, 2)))
    s.push(np.ones(2))  # one sample: (channels,) is one row
    assert s.count == 1 and [d.count for d in canvas.frame().draws] == [0]
    assert not ink(canvas.render(), 0).any()
    s.push(np.ones((5, 2)))
    (draw,) = canvas.frame().draws
    assert draw.count > 0


def test_rings_are_made_at_the_first_frame_and_kept_while_nothing_is_in_view():
    """The rings (capacity x channels intervals, 260 MB at 256 channels x 10^5
    samples) are made in the stream's first frame, before any sample, with the program
    its view draws with, and kept through frames that show none of the samples (a pan
    beside them): a frame with new samples uploads those, never the rings."""
    channels, capacity = 4, 50_000
    s = Stream(channels, capacity, dt=1e-3, stacked=True)
    canvas = canvas_with(s, rect=(0, -2, capacity * 1e-3, 6 * channels))
    (draw,) = canvas.frame().draws
    assert draw.count == 0 and draw.mode == "triangle_strip"  # the blocks' program
    canvas.render()
    ex = canvas._executor
    rings = [s._raw, *s._env.values()]
    assert {r.texture.id for r in rings} <= set(ex._textures)
    assert ex.uploaded_bytes >= texture_bytes(s)
    programs = set(ex._programs)
    before = ex.uploaded_bytes
    s.push(signals(5000, channels))
    canvas.render()
    assert 0 < ex.uploaded_bytes - before < texture_bytes(s) / 4
    assert set(ex._programs) == programs  # compiled in the empty frame
    picture = canvas.render()
    assert ink(picture, 64).any()
    # a pan beside the samples draws nothing, and keeps the rings
    canvas.views[0].camera.rect = (100, -2, 10, 6 * channels)
    (draw,) = canvas.frame().draws
    assert draw.count == 0
    canvas.render()
    assert {r.texture.id for r in rings} <= set(ex._textures)
    before = ex.uploaded_bytes
    canvas.views[0].camera.rect = (0, -2, capacity * 1e-3, 6 * channels)
    np.testing.assert_array_equal(canvas.render(), picture)
    assert ex.uploaded_bytes == before


# -- waterfalls ------------------------------------------------------------------------
def test_waterfall_uploads_k_rows_and_scrolls():
    w = Waterfall(64, 100, dt=1.0, freqs=(0, 64), cmap="gray", clim=(0, 1))
    canvas = canvas_with(w, rect=(0, 0, 64, 100), size=(64, 100))
    w.push(np.full((1, 64), 0.0))
    canvas.render()  # the first frame uploads the ring
    ex = canvas._executor
    before = ex.uploaded_bytes
    w.push(np.full((3, 64), 1.0))
    img = canvas.render()
    assert ex.uploaded_bytes - before == 3 * 64 * 8  # an interval (v, v) per value
    # three white rows on top (the newest), a black one, the rest not pushed yet
    assert (img[:3, :, :3] == 255).all() and (img[3, :, :3] == 0).all()
    assert (img[4:, :, :3] == 255).all() and w.count == 4
    assert w.times() == (0.0, 100.0)
    w.push(np.zeros((150, 64)))
    w.push(np.full((1, 64), 1.0))
    y0, y1 = w.times()
    assert (y0, y1) == (55.0, 155.0)
    img = canvas_with(w, rect=(0, y0, 64, y1 - y0), size=(64, 100)).render()
    assert (img[0, :, :3] == 255).all() and (img[1:, :, :3] == 0).all()


def test_waterfall_colormaps_extreme_values_and_clips_beyond_float32():
    w = Waterfall(4, 10, clim=(-3.2e38, 0.0), cmap="gray")  # NaN: transparent, white
    row = np.array([-3.0e38, -1.6e38, np.nan, 1e300])
    with pytest.warns(UserWarning, match="1 values beyond the float32 range"):
        w.push(row)
    img = canvas_with(w, rect=(0, 0, 4, 10), size=(4, 10)).render()
    top = img[0, :, :3].astype(int)  # the newest row
    assert tuple(top[2]) == (255, 255, 255)  # NaN: the bad color (transparent)
    assert top[0, 0] == top[0, 1] == top[0, 2] < 30  # -3e38: near black, not bad
    assert 100 < top[1, 0] == top[1, 1] == top[1, 2] < 160  # -1.6e38: mid gray
    assert top[3, 0] == top[3, 1] == top[3, 2] == 255  # clipped to float32's max: white
    np.testing.assert_array_equal(w._rows.texture.data[0, 3], np.finfo(np.float32).max)


def test_waterfall_nan_and_shape_errors():
    w = Waterfall(8, 10, clim=(0, 1), cmap="viridis")
    row = np.full(8, 0.5)
    row[2] = np.nan
    w.push(row)
    assert np.isnan(w._pending.rows[0, 2])
    canvas = canvas_with(w, rect=(0, 0, 8, 10), size=(8, 10))
    canvas.render()
    np.testing.assert_array_equal(w._rows.texture.data[0, 2], GAP)
    with pytest.raises(ValueError, match=r"\(2, 7\).*\(k, 8\)"):
        w.push(np.zeros((2, 7)))
    with pytest.raises(ValueError, match="n_freq"):
        Waterfall(0, 10)


# -- the plot layer --------------------------------------------------------------------
def test_ax_stream_scrolls_x_and_draws_once():
    fig, ax = lumos.subplots(figsize=(6, 3), dpi=100)
    s = ax.stream(channels=4, capacity=1000, dt=1e-3, stacked=True)
    s.push(signals(500, 4))
    fig.render()
    assert ax.get_xlim() == pytest.approx((0.0, 0.999))  # the first capacity
    s.push(signals(1500, 4, start=500))
    fig.render()
    assert ax.get_xlim() == pytest.approx((1.0, 1.999))  # the newest capacity samples
    draws = [d for d in fig.frame().draws if "u_ring" in d.int_uniforms]
    assert len(draws) == 1
    lo, hi = ax.get_ylim()
    assert lo < -1 and hi > 3 * s.visual._offset()


def test_ax_stream_with_a_producer_thread_and_animation():
    fig, ax = lumos.subplots(figsize=(4, 2), dpi=50)
    s = ax.stream(channels=2, capacity=2000, dt=1e-3)
    data = signals(4000, 2)
    producer = threading.Thread(target=lambda: [s.push(data[i : i + 40])
                                                for i in range(0, 4000, 40)])
    producer.start()
    fig.animate(lambda frame: None).run(frames=5)
    producer.join()
    fig.render()
    assert s.count == 4000
    assert ax.get_xlim() == pytest.approx((2.0, 3.999))


def test_a_push_between_the_limits_and_the_batches_is_fitted_next_frame(monkeypatch):
    # A producer thread may push after the frame fitted the limits and before it
    # rebuilt the batches: the next frame fits that push (it was lost, now and then).
    fig, ax = lumos.subplots(figsize=(4, 2), dpi=50)
    s = ax.stream(channels=1, capacity=1000, dt=1e-3)
    s.push(signals(1000, 1))
    fig.render()
    rebuild = ax._rebuild_batches

    def push_meanwhile():
        monkeypatch.setattr(ax, "_rebuild_batches", rebuild)
        s.push(signals(500, 1))  # as a thread would, mid-frame
        rebuild()

    monkeypatch.setattr(ax, "_rebuild_batches", push_meanwhile)
    s.push(signals(500, 1))
    fig.render()
    assert ax.get_xlim() == pytest.approx((0.5, 1.499))  # fitted before the second push
    fig.render()
    assert ax.get_xlim() == pytest.approx((1.0, 1.999))


def test_ax_waterfall():
    fig, ax = lumos.subplots(figsize=(4, 3), dpi=50)
    w = ax.waterfall(32, 50, dt=0.1, freqs=(0, 1000), cmap="magma")
    w.push(np.random.default_rng(0).random((60, 32)))
    fig.render()
    assert ax.get_xlim() == pytest.approx((0, 1000))
    assert ax.get_ylim() == pytest.approx((1.0, 6.0))
    w.set_clim(0, 2)
    assert w.get_clim() == (0, 2)


# -- the browser runs the same frames ---------------------------------------------------
@pytest.mark.browser
@pytest.mark.parametrize("window", ["all", "zoomed"])
def test_browser_draws_the_same_stream_and_waterfall(tmp_path, window):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import browser

    channels = 4
    s = Stream(channels, 8000, dt=1e-3, stacked=True, spacing=3.0, width=1.5)
    s.push(signals(9000, channels))
    w = Waterfall(32, 40, dt=0.05, freqs=(0, 9), cmap="viridis")
    w.push(np.random.default_rng(2).random((30, 32)))
    canvas = Canvas(size=(400, 300), bgcolor="white")
    x0, x1 = (1.0, 9.0) if window == "all" else (8.0, 8.3)
    top = canvas.add_view(row=0, col=0, camera="panzoom")
    top.add(s)
    top.camera.rect = (x0, -2, x1 - x0, 3 * channels + 1)
    bottom = canvas.add_view(row=1, col=0, camera="panzoom")
    bottom.add(w)
    bottom.camera.rect = (0, 0, 9, 2)
    expected = canvas.render()
    html = canvas.save(tmp_path / "stream.html")
    actual = browser.screenshot(html, canvas.size, scale=1)
    diff = browser.image_difference(actual, expected)
    if not (diff["max_channel_mean"] <= 1.5 and diff["bad_fraction"] <= 0.01):
        out = browser.write_comparison(f"stream_{window}", actual, expected)
        pytest.fail(f"browser and Python renders differ: {diff}; see {out}")
    assert len(np.unique(expected[..., :3].reshape(-1, 3), axis=0)) > 20
