"""Level of detail for lines: the min/max pyramid, batches of many lines, range updates.

Picture tolerance (LOD draw against the full-resolution draw of the same line): every
pixel with ink > 128 (0..255, darkest channel) in one picture has ink > 32 within one
pixel in the other, both ways — no spike is lost and none is invented — and the mean
absolute difference is at most 4 (of 255). Decimated lines are a little lighter where
thousands of antialiased segments overlap in the full draw (their partial coverages
add up), which is what the mean allows; the shape tolerance is one pixel.
"""

from __future__ import annotations

import numpy as np
import pytest

from lumos import visuals
from lumos.scene import Canvas
from lumos.visuals.lod import MinMaxPyramid, is_sorted

SIZE = (800, 400)


def render(items, rect, size=SIZE, canvas=None):
    canvas = canvas or Canvas(size=size, bgcolor="white")
    if not canvas.views:
        view = canvas.add_view(camera="panzoom")
        for item in items:
            view.add(item)
    canvas.views[0].camera.rect = rect
    return canvas.render()


def ink(img: np.ndarray, threshold: int) -> np.ndarray:
    return (255 - img[..., :3].min(axis=2).astype(int)) > threshold


def dilate(mask: np.ndarray) -> np.ndarray:
    out = mask.copy()
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            out |= np.roll(np.roll(mask, dy, 0), dx, 1)
    return out


def assert_same_picture(actual: np.ndarray, expected: np.ndarray, mean_tol: float = 4.0):
    missing = ink(expected, 128) & ~dilate(ink(actual, 32))
    extra = ink(actual, 128) & ~dilate(ink(expected, 32))
    mean = np.abs(actual.astype(int) - expected.astype(int)).max(axis=2).mean()
    assert not missing.any(), f"{missing.sum()} pixels of the full draw missing"
    assert not extra.any(), f"{extra.sum()} pixels drawn that the full draw lacks"
    assert mean <= mean_tol, mean
    assert ink(expected, 128).sum() > 1000  # something was drawn


def spiky_walk(n: int, seed: int = 3, spikes: int = 40) -> np.ndarray:
    rng = np.random.default_rng(seed)
    y = np.cumsum(rng.standard_normal(n))
    where = rng.choice(n, spikes, replace=False)
    y[where] += rng.choice([-1, 1], spikes) * 300
    return y


# -- the pyramid -----------------------------------------------------------------------
def test_query_keeps_every_bins_extremes_and_few_points():
    n = 1 << 18
    x = np.arange(n, dtype=float)
    y = spiky_walk(n)
    pyr = MinMaxPyramid(x, y)
    index = pyr.query(0, n, 1000)
    assert np.all(np.diff(index) >= 0)
    assert len(index) <= 4 * 1000 + 8
    # every column's lowest and highest point is among the drawn ones
    bins = np.array_split(np.arange(n), 1000)
    drawn = set(index.tolist())
    for b in bins[::37]:
        assert b[0] + y[b].argmax() in drawn or y[b].max() <= y[index].max()
    assert y[index].max() == y.max() and y[index].min() == y.min()


def test_the_tail_past_the_last_whole_bin_is_drawn_as_a_partial_bin():
    # 10^6 points on 800 columns: bins of 1024, and 576 points past the last whole one
    # (half a column): their lowest, highest and last point, not 576 raw segments
    n = 1_000_000
    x = np.arange(n, dtype=float)
    y = spiky_walk(n)
    y[-300] = 1e4  # a spike in the tail
    pyr = MinMaxPyramid(x, y)
    index = pyr.query(-1e4, n + 1e4, 800)
    tail = index[index >= (n // 1024) * 1024]
    start = (n // 1024) * 1024
    want = sorted({start + y[start:].argmin(), start + y[start:].argmax(), n - 1})
    assert tail.tolist() == want and n - 300 in want
    assert len(index) <= 2 * (n // 1024) + 3
    y[-5] = np.nan  # NaN in the tail: the raw points, so that it breaks where it lies
    assert np.array_equal(pyr.query(-1e4, n + 1e4, 800)[-(n - start):], np.arange(start, n))


def test_lod_picture_with_a_tail_in_view_matches_the_full_draw():
    n = 1_000_000
    y = spiky_walk(n, seed=7)
    y[-300] += 500
    xy = np.c_[np.linspace(0, 100, n), y]
    rect = (-5, y.min() - 10, 110, y.max() - y.min() + 20)  # the line's end in view
    lod = visuals.Line(xy, color="black", width=1.0)
    img = render([lod], rect)
    assert lod.drawn_points <= 2 * (n // 1024) + 3  # not + 576 raw tail points
    full = render([visuals.Line(xy, color="black", width=1.0, lod=False)], rect)
    assert_same_picture(img, full)


def test_query_of_a_narrow_range_is_the_raw_points():
    x = np.arange(10_000, dtype=float)
    pyr = MinMaxPyramid(x, np.sin(x))
    index = pyr.query(100, 200, 800)
    assert index[0] == 99 and index[-1] == 201  # one point beyond each edge
    assert np.array_equal(index, np.arange(99, 202))


def test_update_equals_a_rebuilt_pyramid():
    n = 100_003
    x = np.arange(n, dtype=float)
    y = spiky_walk(n)
    pyr = MinMaxPyramid(x, y)
    for i in range(pyr.depth):
        pyr.level(i)  # every level built
    y[5000:5100] = 1e6
    y[77_777] = np.nan
    pyr.update(5000, 5100)
    pyr.update(77_777, 77_778)
    fresh = MinMaxPyramid(x, y.copy())
    assert pyr.depth == fresh.depth
    for i in range(pyr.depth):
        for a, b in zip(pyr.levels[i], fresh.level(i), strict=True):
            assert np.array_equal(a, b)
    assert pyr.has_nan
    assert np.array_equal(pyr.query(0, n, 700), fresh.query(0, n, 700))


def test_an_all_nan_bin_never_wins_the_maximum_of_its_parent():
    # bin 0 finite (peak 5 at row 3), bin 1 all NaN: the parent's maximum is row 3
    y = np.r_[[0.0, 1.0, 2.0, 5.0, 1.0, 0.0, -1.0, 0.5], np.full(8, np.nan)]
    pyr = MinMaxPyramid(np.arange(16.0), y)
    lo, hi, gap = pyr.level(1)
    assert hi[0] == 3 and lo[0] == 6 and gap[0]
    # and the other order: the NaN bin first
    pyr = MinMaxPyramid(np.arange(16.0), y[::-1].copy())
    lo, hi, gap = pyr.level(1)
    assert hi[0] == 12 and lo[0] == 9


def test_levels_are_built_when_a_view_needs_them():
    n = 1 << 16
    pyr = MinMaxPyramid(np.arange(n, dtype=float), spiky_walk(n))
    assert pyr.levels == [None] * pyr.depth and pyr.nbytes == 0
    def built():
        return [i for i, lv in enumerate(pyr.levels) if lv is not None]

    pyr.query(0, n, 500)  # 131 points per column: bins of 128 points, level 4
    assert built() == [4]  # the coarser levels wait for a view that shows them
    pyr.query(0, n // 16, 500)  # zoomed in: bins of 8 (level 0) and those up to 4
    assert built() == [0, 1, 2, 3, 4]
    pyr.query(0, n, 60)  # zoomed out: bins of 1024 (level 7), from level 4
    assert built() == list(range(8))
    fresh = MinMaxPyramid(pyr.x, pyr.y)
    for i in built():
        for a, b in zip(pyr.levels[i], fresh.level(i), strict=True):
            assert np.array_equal(a, b), i


def test_range_update_recomputes_that_range_only(monkeypatch):
    n = 1 << 17
    x = np.arange(n, dtype=float)
    y = spiky_walk(n)
    pyr = MinMaxPyramid(x, y)
    pyr.level(2)  # bins of 32 points
    pyr.level(pyr.depth - 1)  # and every coarser level, from those
    calls = []
    bins = pyr._bins
    monkeypatch.setattr(pyr, "_bins", lambda i, j0, j1: (calls.append((i, j0, j1)),
                                                        bins(i, j0, j1)))
    y[40_000:40_100] = -1e6
    pyr.update(40_000, 40_100)
    assert calls == [(2, 40_000 // 32, -(-40_100 // 32))]  # of 4096 bins
    fresh = MinMaxPyramid(x, y.copy())
    for i in range(2, pyr.depth):
        for a, b in zip(pyr.levels[i], fresh.level(i), strict=True):
            assert np.array_equal(a, b)


def test_replacing_most_of_the_line_builds_one_level_in_one_pass():
    n = 1 << 17
    x = np.arange(n, dtype=float)
    y = spiky_walk(n)
    pyr = MinMaxPyramid(x, y)
    pyr.query(0, n, 1000)
    y[:] = spiky_walk(n, seed=9)
    pyr.update(0, n)
    assert pyr.levels == [None] * pyr.depth  # nothing recomputed until a view needs it
    assert np.array_equal(pyr.query(0, n, 1000),
                          MinMaxPyramid(x, y.copy()).query(0, n, 1000))


def test_has_nan_follows_the_data_and_costs_no_pass_of_its_own(monkeypatch):
    n = (1 << 16) + 5  # a raw tail past the last whole bin of every level
    x = np.arange(n, dtype=float)
    y = spiky_walk(n)
    pyr = MinMaxPyramid(x, y)
    assert not pyr.has_nan  # no level yet: read from the points
    pyr.query(0, n, 500)
    y[3000] = np.nan
    pyr.update(3000, 3001)
    assert pyr.has_nan and -1 in pyr.query(0, n, 500)
    y[3000] = 0.0  # the NaN gone: no breaks drawn any more
    pyr.update(3000, 3001)
    assert not pyr.has_nan and -1 not in pyr.query(0, n, 500)
    assert np.array_equal(pyr.query(0, n, 500), MinMaxPyramid(x, y.copy()).query(0, n, 500))
    # a new line, or one replaced whole, is read once: by the level the view needs
    y[:] = spiky_walk(n, seed=3)
    y[-3] = np.nan  # in the raw tail: no bin holds it, the tail is read directly
    pyr.update(0, n)
    reads = []
    isfinite = np.isfinite
    monkeypatch.setattr(np, "isfinite", lambda a, *k: (reads.append(np.size(a)),
                                                       isfinite(a, *k))[1])
    pyr.query(0, n, 500)
    assert sum(reads) < 1.25 * n, sum(reads)  # one pass (and the bins of coarser levels)
    assert not pyr.has_nan
    reads.clear()
    assert not pyr.has_nan and reads == []  # kept until the next update: no pass a view


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_levels_from_the_points_equal_levels_from_finer_levels(bad):
    n = 50_000
    x = np.arange(n, dtype=float)
    y = spiky_walk(n)
    y[1000:1003] = bad
    y[4096:4096 + 512] = bad  # whole bins at every level up to 512
    y[30_001] = bad
    chain, direct = MinMaxPyramid(x, y), MinMaxPyramid(x, y)
    chain.level(0)  # level 0 from the points
    chain.level(chain.depth - 1)  # the others from the level below
    for i in range(1, chain.depth):
        direct.levels = [None] * direct.depth
        for a, b in zip(chain.levels[i], direct.level(i), strict=True):
            assert np.array_equal(a, b), i


def test_bins_with_mixed_non_finite_values_match_a_plain_search():
    rng = np.random.default_rng(3)
    n = 1 << 14
    y = rng.normal(size=n)
    spots = rng.integers(0, n, 300)
    y[spots] = rng.choice([np.nan, np.inf, -np.inf], size=300)
    lo, hi, gap = MinMaxPyramid(np.arange(n, dtype=float), y).level(1)
    blocks = y.reshape(-1, 16)
    finite = np.isfinite(blocks)
    base = np.arange(len(blocks)) * 16
    assert np.array_equal(gap, ~finite.all(axis=1)) and gap.sum() > 100
    assert np.array_equal(lo, base + np.where(finite, blocks, np.inf).argmin(axis=1))
    assert np.array_equal(hi, base + np.where(finite, blocks, -np.inf).argmax(axis=1))


def test_pyramid_reads_strided_columns_without_copies():
    xy = np.c_[np.arange(50_000.0), spiky_walk(50_000)]
    pyr = MinMaxPyramid(xy[:, 0], xy[:, 1])
    assert pyr.x.base is xy and pyr.y.base is xy
    assert np.array_equal(pyr.query(0, 50_000, 300),
                          MinMaxPyramid(xy[:, 0].copy(), xy[:, 1].copy()).query(0, 50_000, 300))
    assert pyr.nbytes < xy.nbytes / 4


def test_is_sorted():
    x = np.arange(10.0)
    assert is_sorted(x) and is_sorted(np.c_[x, x][:, 1])
    assert not is_sorted(x[::-1])
    x[3] = np.nan
    assert not is_sorted(x)


# -- pictures --------------------------------------------------------------------------
@pytest.mark.parametrize("n, width", [(200_000, 1.0), (200_000, 2.5), (2_000_000, 1.0)])
def test_lod_picture_matches_the_full_draw(n, width):
    y = spiky_walk(n)
    xy = np.c_[np.arange(n, dtype=float), y]
    rect = (0, y.min() - 10, n, y.max() - y.min() + 20)
    lod = visuals.Line(xy, color="black", width=width)
    img = render([lod], rect)
    assert lod._pyramids is not None and lod.drawn_points <= 4 * SIZE[0] + 16
    full = render([visuals.Line(xy, color="black", width=width, lod=False)], rect)
    assert_same_picture(img, full)


def test_zoomed_lod_picture_matches_the_full_draw():
    n = 1_000_000
    y = spiky_walk(n, seed=5, spikes=400)
    xy = np.c_[np.linspace(0, 1, n), y]
    rect = (0.3, y.min() - 10, 0.05, y.max() - y.min() + 20)
    img = render([visuals.Line(xy, color="navy", width=1.5)], rect)
    full = render([visuals.Line(xy, color="navy", width=1.5, lod=False)], rect)
    assert_same_picture(img, full)


def test_batch_of_sorted_lines_gets_a_pyramid_each_and_one_draw():
    rng = np.random.default_rng(0)
    x = np.linspace(0, 1, 20_000)
    lines = [np.c_[x, np.cumsum(rng.standard_normal(len(x))) * 0.01 + k] for k in range(12)]
    colors = [f"C{k % 10}" for k in range(12)]
    batch = visuals.Line(lines, color=colors, width=1.5)
    canvas = Canvas(size=SIZE, bgcolor="white")
    view = canvas.add_view(camera="panzoom")
    view.add(batch)
    rect = (0, -1, 1, 13)
    img = render([], rect, canvas=canvas)
    assert all(p is not None for p in batch._pyramids)
    assert len(canvas.frame().draws) == 1
    # O(pixel columns x lines), not O(points)
    assert batch.drawn_points <= 12 * (4 * SIZE[0] + 16)
    full = render([visuals.Line(lines, color=colors, width=1.5, lod=False)], rect)
    assert_same_picture(img, full)


def test_batch_keeps_per_line_colors():
    x = np.linspace(0, 1, 30_000)
    lines = [np.c_[x, np.full_like(x, k)] for k in range(3)]
    rgb = [(1, 0, 0, 1), (0, 0.5, 0, 1), (0, 0, 1, 1)]
    batch = visuals.Line(lines, color=rgb, width=6)
    img = render([batch], (0, -1, 1, 5), size=(200, 100))
    assert batch._pyramids is not None
    for k, c in enumerate(rgb):
        row = round((1 - (k + 1) / 5) * 100)  # y = k in a view of -1..4
        pixel = img[row, 100, :3].astype(int)
        assert np.abs(pixel - np.round(np.array(c[:3]) * 255)).max() <= 2, (k, pixel)


def test_unsorted_lines_of_a_batch_are_drawn_whole():
    rng = np.random.default_rng(1)
    x = np.linspace(0, 1, 10_000)
    sorted_line = np.c_[x, np.sin(40 * x)]
    unsorted = rng.random((500, 2))
    batch = visuals.Line([sorted_line, unsorted], color=["C0", "C1"])
    render([batch], (0, -1, 1, 2))
    assert batch._pyramids[0] is not None and batch._pyramids[1] is None
    assert batch.drawn_points >= 500 + 2  # the unsorted one, whole, plus the break


def test_per_point_colors_turn_lod_off():
    x = np.linspace(0, 1, 20_000)
    line = visuals.Line(np.c_[x, x], color=np.tile([0, 0, 1, 1.0], (len(x), 1)))
    assert line._pyramids is None
    line.color = "red"
    assert line._pyramids is not None


# -- range updates ----------------------------------------------------------------------
def uploads(canvas, action) -> int:
    ex = canvas._executor
    before = ex.uploaded_bytes
    action()
    canvas.render()
    return ex.uploaded_bytes - before


def test_update_points_uploads_only_the_range():
    x = np.linspace(0, 1, 1000)
    line = visuals.Line(np.c_[x, np.sin(x)], color="black", lod=False)
    canvas = Canvas(size=(200, 100))
    canvas.add_view(camera="panzoom").add(line)
    canvas.views[0].camera.rect = (0, -1, 1, 2)
    canvas.render()
    assert uploads(canvas, lambda: None) == 0
    new = np.c_[x[100:150], 0.5 * np.cos(x[100:150])]  # inside the bounds: the centre stays
    assert uploads(canvas, lambda: line.update_points(100, new)) == 50 * 16
    fresh = visuals.Line(line.pos[:, :2], color="black", lod=False)
    np.testing.assert_array_equal(canvas.render(), render([fresh], (0, -1, 1, 2), (200, 100)))
    # past the bounds: the centre moves, and everything is uploaded about the new one,
    # as a new line's (its float32 rows, its picture to the last bit)
    assert uploads(canvas, lambda: line.update_points(100, new * (1, 2))) == 1002 * 16
    fresh = visuals.Line(line.pos[:, :2], color="black", lod=False)
    np.testing.assert_array_equal(line._origin, fresh._origin)
    np.testing.assert_array_equal(line._pos_buffer.data, fresh._pos_buffer.data)
    # a new maximum that moves the centre by less than a step of the origin's grid (an
    # eighth of the span's power of two): the row alone, and still a new line's rows
    for y in (1.02, 1.1, 1.05):
        assert uploads(canvas, lambda y=y: line.update_points(100, [[x[100], y]])) == 16
        fresh = visuals.Line(line.pos[:, :2], color="black", lod=False)
        np.testing.assert_array_equal(line._origin, fresh._origin)
        np.testing.assert_array_equal(line._pos_buffer.data, fresh._pos_buffer.data)


def test_update_far_from_the_origin_re_centres():
    x = np.linspace(0, 1, 100)
    line = visuals.Line(np.c_[x, x], lod=False)
    line.update_points(10, [[0.5, 1e6]])
    assert line._origin[1] > 1e5  # uploaded again around the new centre


def test_update_points_of_a_lod_line_redraws_its_envelope():
    n = 100_000
    xy = np.c_[np.arange(n, dtype=float), spiky_walk(n, spikes=0)]
    line = visuals.Line(xy, color="black")
    canvas = Canvas(size=SIZE, bgcolor="white")
    canvas.add_view(camera="panzoom").add(line)
    rect = (0, -2000, n, 4000)
    render([], rect, canvas=canvas)
    spike = np.array([[54_321.0, 1500.0]])
    used = uploads(canvas, lambda: line.update_points(54_321, spike))
    assert used < 200 * 1024  # the envelope of the view (O(pixels)), not the line (3.2 MB)
    expected = xy.copy()
    expected[54_321, 1] = 1500
    full = render([visuals.Line(expected, color="black", lod=False)], rect)
    assert_same_picture(canvas.render(), full)


def test_update_that_unsorts_x_falls_back_to_whole_lines():
    x = np.linspace(0, 1, 20_000)
    line = visuals.Line(np.c_[x, x])
    assert line._pyramids is not None
    line.update_points(10, [[0.9, 0.0]])
    assert line._pyramids is None
    assert line.drawn_points == 20_000


def test_y_only_update_keeps_the_pyramid_without_checking_x(monkeypatch):
    import lumos.visuals.line as line_module

    x = np.linspace(0, 1, 20_000)
    line = visuals.Line(np.c_[x, x])
    checked = []
    real = line_module.is_sorted
    monkeypatch.setattr(line_module, "is_sorted", lambda v: checked.append(len(v)) or real(v))
    line.update_points(10, [[x[10], 0.5]], y_only=True)  # the caller vouches for x
    assert line._pyramids is not None and checked == []
    line.update_points(10, [[x[10], 0.25]])  # no word on x: checked
    assert line._pyramids is not None and checked
    assert line.pos[10, 1] == 0.25


def test_set_ydata_tells_the_batch_that_x_kept_its_order(monkeypatch):
    import lumos.pyplot as plt
    import lumos.visuals.line as line_module

    fig, ax = plt.subplots(figsize=(4, 3), dpi=50)
    x = np.linspace(0, 1, 20_000)
    (ln,) = ax.plot(x, np.sin(x))
    fig.render()
    checked = []
    real = line_module.is_sorted
    monkeypatch.setattr(line_module, "is_sorted", lambda v: checked.append(len(v)) or real(v))
    ln.set_ydata(np.cos(x))
    img = fig.render()
    assert checked == []
    ln.set_xdata(x[::-1].copy())  # x reversed: checked, and no longer x-sorted
    fig.render()
    assert checked
    ln.set_xdata(x)  # sorted again: the same picture (re-centred: rounding only)
    assert np.abs(fig.render().astype(int) - img).max() <= 2


def test_set_data_of_a_range_recomputes_those_bins_and_a_new_line_one_level(monkeypatch):
    """Issue 13, item 4, through the plot API: a ``set_data`` that changes a range
    recomputes the pyramid's bins of that range only; one that replaces every point
    builds the level of the view in one pass over them (one ``_bins`` call over all its
    bins), and neither copies the line (peak memory well under one array of y)."""
    import tracemalloc

    import lumos.pyplot as plt

    n = 1 << 20
    fig, ax = plt.subplots(figsize=(4, 3), dpi=50)
    x = np.arange(n, dtype=float)
    y = spiky_walk(n)
    (ln,) = ax.plot(x, y)
    ax.set_ylim(-2000, 2000)  # the view stays: each frame shows the same level
    fig.render()
    calls = []
    bins = MinMaxPyramid._bins
    monkeypatch.setattr(MinMaxPyramid, "_bins", lambda pyr, i, j0, j1: (
        calls.append((i, j0, j1)), bins(pyr, i, j0, j1)))
    part = y.copy()
    part[300_000:300_500] += 50.0
    ln.set_data(x, part)
    fig.render()
    assert len(calls) == 1
    level, j0, j1 = calls[0]
    size = 8 << level  # points per bin
    assert j0 == 300_000 // size and j1 == -(-300_500 // size)
    calls.clear()
    new = spiky_walk(n, seed=5)
    tracemalloc.start()
    try:
        ln.set_data(x, new)
        img = fig.render()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [(j0, j1) for _, j0, j1 in calls] == [(0, n // (8 << calls[0][0]))]
    assert peak < new.nbytes / 2, peak
    fig2, ax2 = plt.subplots(figsize=(4, 3), dpi=50)
    ax2.plot(x, new)
    ax2.set_ylim(-2000, 2000)
    np.testing.assert_array_equal(img, fig2.render())  # as a line plotted with it


def test_update_points_of_a_batch():
    x = np.linspace(0, 1, 100)
    batch = visuals.Line([np.c_[x, x], np.c_[x, -x]], lod=False)
    batch.update_points(101 + 5, [[0.5, 3.0]])  # line 1 starts after 100 rows and a break
    assert batch.pos[106, 1] == 3.0


@pytest.mark.parametrize("start, values, match", [
    (-1, [[0, 0]], "start"),
    (99, [[0, 0], [1, 1]], "start"),
    (0, np.zeros((2, 4)), "values"),
    (99, [[0, 0], [1, 1], [2, 2]], "start"),
])
def test_update_points_rejects_what_does_not_fit(start, values, match):
    x = np.linspace(0, 1, 100)
    batch = visuals.Line([np.c_[x, x], np.c_[x, -x]], lod=False)
    before = batch.pos
    with pytest.raises(ValueError, match=match):
        batch.update_points(start, values)
    np.testing.assert_array_equal(batch.pos, before)


def test_update_points_may_not_cover_a_break():
    x = np.linspace(0, 1, 100)
    batch = visuals.Line([np.c_[x, x], np.c_[x, -x]])
    with pytest.raises(ValueError, match="break"):
        batch.update_points(99, [[0, 0], [1, 1]])


def test_line_shares_an_array_only_when_asked():
    xy = np.c_[np.arange(10.0), np.arange(10.0)]
    assert visuals.Line(xy)._points is not xy
    assert visuals.Line(xy)._points.base is not xy
    assert visuals.Line(xy)._points is not None and visuals.Line(xy, lod=False)._points[0, 0] == 0
    shared = visuals.Line()
    shared.set_data(xy, copy=False)
    assert shared._points is xy
