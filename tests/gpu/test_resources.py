"""GPU resources as plain data: versions, change logs, validation (CPU only, no OpenGL)."""

from __future__ import annotations

import numpy as np
import pytest

from lumos.gpu import Buffer, Program, Texture
from lumos.gpu.resources import _LOG_LENGTH


def test_ids_are_unique_and_prefixed():
    a, b = Buffer(np.zeros(3, np.float32)), Buffer(np.zeros(3, np.float32))
    t = Texture(np.zeros((2, 2), np.float32))
    p = Program("void main() {}", "void main() {}")
    assert len({a.id, b.id, t.id, p.id}) == 4
    assert a.id.startswith("b") and t.id.startswith("t") and p.id.startswith("p")


@pytest.mark.parametrize(
    ("dtype", "code"), [(np.float32, "f4"), (np.uint32, "u4"), (np.uint8, "u1")]
)
def test_buffer_dtype_codes(dtype, code):
    b = Buffer(np.zeros((5, 2), dtype))
    assert b.dtype == code
    assert b.nbytes == 10 * np.dtype(dtype).itemsize
    assert b.version == 0
    assert b.changes_since(0) == []


@pytest.mark.parametrize("dtype", [np.float64, np.int64, np.int32, np.float16])
def test_buffer_rejects_other_dtypes(dtype):
    with pytest.raises(TypeError, match=r"data: got dtype") as info:
        Buffer(np.zeros(4, dtype))
    assert np.dtype(dtype).name in str(info.value)
    b = Buffer(np.zeros(4, np.float32))
    with pytest.raises(TypeError, match="data"):
        b.set_data(np.zeros(4, dtype))


def test_buffer_update_logs_only_the_range():
    b = Buffer(np.zeros((10, 2), np.float32))  # 8 bytes per row
    b.update(4, np.ones((2, 2), np.float32))
    assert b.version == 1
    assert b.changes_since(0) == [(32, 48)]
    assert b.changes_since(1) == []
    np.testing.assert_array_equal(b.data[4:6], 1)
    np.testing.assert_array_equal(b.data[:4], 0)
    np.testing.assert_array_equal(b.data[6:], 0)


def test_buffer_update_accumulates_ranges_in_order():
    b = Buffer(np.zeros(100, np.uint32))
    b.update(0, [1, 2])
    b.update(50, [3])
    b.update(99, [4])
    assert b.version == 3
    assert b.changes_since(0) == [(0, 8), (200, 204), (396, 400)]
    assert b.changes_since(1) == [(200, 204), (396, 400)]
    assert b.changes_since(2) == [(396, 400)]
    assert b.data[[0, 1, 50, 99]].tolist() == [1, 2, 3, 4]


def test_buffer_update_converts_values_to_its_dtype():
    b = Buffer(np.zeros(4, np.float32))
    b.update(1, np.array([1.5, 2.5], np.float64))
    assert b.data.dtype == np.float32
    assert b.data.tolist() == [0.0, 1.5, 2.5, 0.0]


@pytest.mark.parametrize("row", [-1, 9, 11])
def test_buffer_update_out_of_range(row):
    b = Buffer(np.zeros((10, 2), np.float32))
    with pytest.raises(ValueError, match=r"row: rows .* do not fit a buffer of 10 rows"):
        b.update(row, np.ones((2, 2), np.float32))
    assert b.version == 0
    np.testing.assert_array_equal(b.data, 0)


def test_buffer_set_data_clears_the_log():
    b = Buffer(np.zeros(10, np.float32))
    b.update(2, [1.0])
    b.set_data(np.zeros(20, np.float32))
    assert b.version == 2
    assert b.nbytes == 80
    assert b.changes_since(0) is None  # a full upload
    assert b.changes_since(1) is None
    b.update(0, [5.0])
    assert b.changes_since(2) == [(0, 4)]
    assert b.changes_since(1) is None


def test_buffer_log_overflow_means_full_upload():
    b = Buffer(np.zeros(200, np.float32))
    for i in range(_LOG_LENGTH):
        b.update(i, [float(i)])
    assert len(b.changes_since(0)) == _LOG_LENGTH  # exactly what the log still holds
    b.update(_LOG_LENGTH, [1.0])  # one more: the oldest entry drops out
    assert b.changes_since(0) is None
    assert len(b.changes_since(1)) == _LOG_LENGTH


def test_log_length_is_64():
    assert _LOG_LENGTH == 64


def test_buffer_keeps_a_contiguous_copy_of_strided_input():
    base = np.arange(20, dtype=np.float32).reshape(10, 2)
    b = Buffer(base[:, 0])  # strided view
    assert b.data.flags.c_contiguous
    assert b.data.tolist() == base[:, 0].tolist()


def test_buffer_update_does_not_modify_the_callers_array():
    data = np.zeros((4, 2), np.float32)
    b = Buffer(data)
    b.update(1, np.ones((1, 2), np.float32))
    np.testing.assert_array_equal(data, 0)


# -- textures ------------------------------------------------------------------------


def test_texture_shapes_and_components():
    t = Texture(np.zeros((3, 5), np.float32))
    assert t.shape == (3, 5) and t.components == 1 and t.dtype == "f4"
    t = Texture(np.zeros((3, 5, 4), np.uint8))
    assert t.shape == (3, 5) and t.components == 4 and t.dtype == "u1"
    t = Texture(np.zeros((2, 3, 5), np.float32), dim=3)
    assert t.shape == (2, 3, 5) and t.components == 1
    t = Texture(np.zeros((2, 3, 5, 2), np.uint8), dim=3, filter="nearest")
    assert t.shape == (2, 3, 5) and t.components == 2 and t.filter == "nearest"


@pytest.mark.parametrize(
    ("shape", "dim"), [((4,), 2), ((2, 2, 5), 2), ((2, 2, 2, 2, 1), 3), ((3, 3), 3)]
)
def test_texture_rejects_bad_shapes(shape, dim):
    with pytest.raises(ValueError, match=r"data: got shape") as info:
        Texture(np.zeros(shape, np.float32), dim=dim)
    assert str(shape) in str(info.value)


def test_texture_rejects_bad_dtype_dim_and_filter():
    with pytest.raises(TypeError, match="uint32"):
        Texture(np.zeros((2, 2), np.uint32))
    with pytest.raises(TypeError, match="float64"):
        Texture(np.zeros((2, 2), np.float64))
    with pytest.raises(ValueError, match="dim"):
        Texture(np.zeros((2, 2), np.float32), dim=4)
    with pytest.raises(ValueError, match="filter"):
        Texture(np.zeros((2, 2), np.float32), filter="cubic")


def test_texture_row_update_logs_texels():
    t = Texture(np.zeros((8, 3, 4), np.uint8))
    t.update(2, np.full((3, 3, 4), 7, np.uint8))
    assert t.version == 1
    assert t.changes_since(0) == [(6, 15)]  # rows 2:5 of 3 texels
    assert (t.data[2:5] == 7).all() and (t.data[:2] == 0).all() and (t.data[5:] == 0).all()
    # a 2D texture of one component: rows of w values reshape to (n, w, 1)
    s = Texture(np.zeros((4, 6), np.float32))
    s.update(3, np.ones(6))
    assert s.changes_since(0) == [(18, 24)]
    assert s.data[3].ravel().tolist() == [1.0] * 6


def test_texture_3d_slice_update():
    t = Texture(np.zeros((4, 2, 2), np.float32), dim=3)
    t.update(1, np.ones((2, 2, 2), np.float32))
    assert t.changes_since(0) == [(4, 12)]  # slices 1:3 of 2 x 2 texels
    assert t.data[1:3].sum() == 8 and t.data.sum() == 8


def test_texture_update_out_of_range():
    t = Texture(np.zeros((4, 2), np.float32))
    with pytest.raises(ValueError, match=r"row: rows 3:5 do not fit a texture of 4 rows"):
        t.update(3, np.ones((2, 2), np.float32))
    assert t.version == 0


def test_texture_texel_update_logs_and_writes_a_flat_run():
    t = Texture(np.zeros((3, 4, 2), np.float32))
    values = np.arange(12, dtype=np.float32).reshape(6, 2)
    t.update_texels(3, values)  # row 0's last texel, row 1, row 2's first
    assert t.changes_since(0) == [(3, 9)]
    flat = t.data.reshape(-1, 2)
    assert (flat[3:9] == values).all() and (flat[:3] == 0).all() and (flat[9:] == 0).all()
    t.update_texels(12, np.zeros((0, 2)))  # nothing, at the end: fits
    with pytest.raises(ValueError, match=r"start: texels 10:14 do not fit a texture of 12"):
        t.update_texels(10, np.ones((4, 2)))
    with pytest.raises(ValueError, match=r"update_texels: got a 3D texture"):
        Texture(np.zeros((2, 2, 2), np.float32), dim=3).update_texels(0, np.ones(1))
    assert t.version == 2


@pytest.mark.parametrize("start, stop, rects", [
    (0, 0, []), (2, 5, [(2, 0, 3, 1)]), (0, 8, [(0, 0, 8, 1)]), (0, 24, [(0, 0, 8, 3)]),
    (5, 8, [(5, 0, 3, 1)]), (8, 11, [(0, 1, 3, 1)]),
    (5, 19, [(5, 0, 3, 1), (0, 1, 8, 1), (0, 2, 3, 1)]),  # head, middle, tail
    (5, 27, [(5, 0, 3, 1), (0, 1, 8, 2), (0, 3, 3, 1)]),
    (5, 11, [(5, 0, 3, 1), (0, 1, 3, 1)]), (8, 32, [(0, 1, 8, 3)]),
])
def test_texel_rects_are_head_full_rows_and_tail(start, stop, rects):
    from lumos.gpu.resources import texel_rects
    assert texel_rects(8, start, stop) == rects
    covered = sorted(y * 8 + x + dy * 8 + dx for x, y, w, h in rects
                     for dy in range(h) for dx in range(w))
    assert covered == list(range(start, stop))


def test_texture_log_overflow_and_set_data():
    t = Texture(np.zeros((100, 2), np.float32))
    for i in range(_LOG_LENGTH + 1):
        t.update(i, np.ones(2))
    assert t.changes_since(0) is None
    assert t.changes_since(1) == [(2 * i, 2 * i + 2) for i in range(1, _LOG_LENGTH + 1)]
    t.set_data(np.zeros((50, 2), np.float32))
    assert t.shape == (50, 2)
    assert t.changes_since(t.version - 1) is None
    assert t.changes_since(t.version) == []


@pytest.mark.parametrize("shape", [(1,), (64,), (65, 2), (1000,), (70_001, 2), (5, 3, 4),
                                   (300_001,)])
def test_changed_rows_is_the_first_and_last_differing_row(shape):
    # scanned from both ends in chunks (a probe of 64 rows, then growing up to 2^18
    # rows: 300 001 rows take chunks of each size): the same answer as comparing
    # everything
    from lumos.gpu.resources import changed_rows

    rng = np.random.default_rng(len(shape))
    for trial in range(60):
        a = rng.integers(0, 3, size=shape).astype(float)
        a[rng.random(shape) < 0.1] = np.nan
        b = a.copy()
        if trial % 3:
            k = int(rng.integers(0, len(a)))
            stop = int(rng.integers(k, len(a) + 1))
            b[k:stop] = rng.integers(0, 3, size=(stop - k,) + shape[1:])
        same = (a == b) | (np.isnan(a) & np.isnan(b))
        differ = ~same.reshape(len(a), -1).all(axis=1)
        expected = None if not differ.any() else \
            (int(differ.argmax()), len(differ) - int(differ[::-1].argmax()))
        assert changed_rows(a, b) == expected


def test_changed_rows_skips_nan_against_nan_at_the_edges():
    # the first and last rows `!=` finds are NaN against NaN: they are not changes
    from lumos.gpu.resources import changed_rows

    rng = np.random.default_rng(5)
    for n in (20, 40_000, 300_001):
        a = rng.normal(size=n)
        b = a + 1.0
        a[:7] = b[:7] = np.nan
        a[-3:] = b[-3:] = np.nan
        assert changed_rows(a, b) == (7, n - 3)
        rows = rng.normal(size=(n, 2))
        new = rows.copy()
        new[:, 1] += 1.0
        rows[:6, 0] = np.nan
        new[:6] = rows[:6]  # rows 0-5 unchanged: NaN against NaN in the first column
        assert changed_rows(rows, new) == (6, n)
        ints = rng.integers(0, 3, size=n)
        moved = ints.copy()
        moved[n // 2] += 1
        assert changed_rows(ints, moved) == (n // 2, n // 2 + 1)


def test_changed_rows_of_long_arrays_compared_by_bytes_and_by_value():
    # long contiguous arrays with the same bytes are found equal by memcmp; equal values
    # in other bytes (-0.0 against 0.0, NaNs of other payloads) and strided columns
    # are compared by value; one byte changed anywhere is found
    from lumos.gpu.resources import changed_rows

    n = 200_003
    a = np.random.default_rng(7).normal(size=n)
    a[::1000] = np.nan
    assert changed_rows(a, a.copy()) is None
    other = a.copy()
    other[n // 3] = -0.0
    a[n // 3] = 0.0
    payload = np.float64(np.nan).view(np.uint64) | np.uint64(1)
    other[5000] = payload.view(np.float64)  # another NaN than a's
    assert np.isnan(a[5000]) and other.tobytes() != a.tobytes()
    assert changed_rows(a, other) is None
    for row in (1, n // 2, n - 1):
        moved = a.copy()
        moved.view(np.uint8)[8 * row + 7] ^= 0x80  # the sign bit
        assert changed_rows(a, moved) == (row, row + 1)
    xy = np.asfortranarray(np.c_[a, a])
    strided = np.c_[a, a][:, 0]  # a column of a C-ordered array: not contiguous
    assert changed_rows(xy[:, 0], strided) is None
    strided = strided.copy()
    strided[-1] = 1.0
    assert changed_rows(xy[:, 0], np.c_[strided, a][:, 0]) == (n - 1, n)


def test_buffer_set_data_keeps_an_array_made_for_it_only_when_told():
    b = Buffer(np.zeros(3, np.float32))
    rows = np.arange(6, dtype=np.float32).reshape(3, 2)
    version = b.version
    b.set_data(rows)
    assert b.data is not rows and np.array_equal(b.data, rows) and b.version != version
    b.set_data(rows, copy=False)
    assert b.data is rows and b.dtype == "f4"
    strided = np.arange(12, dtype=np.float32).reshape(3, 4)[:, ::2]
    b.set_data(strided, copy=False)  # not contiguous: copied into C order all the same
    assert b.data.flags.c_contiguous and np.array_equal(b.data, strided)
