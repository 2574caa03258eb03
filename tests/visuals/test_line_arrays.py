"""The array helpers of the line's uploads: gathers and float32 offsets, on the layouts
and values lines hold (column-major data, NaN, values beyond float32)."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from lumos.visuals.base import FLOAT32_MAX, float32_offsets
from lumos.visuals.line_geometry import take_rows


@pytest.mark.parametrize("order", ["C", "F"])
@pytest.mark.parametrize("d", [2, 3])
def test_take_rows_is_the_row_gather(order, d):
    rng = np.random.default_rng(0)
    points = np.asarray(rng.normal(size=(1000, d)), order=order)
    points[7] = np.nan
    index = np.array([0, 7, 7, 999, 3, 500])
    out = take_rows(points, index)
    assert out.flags.f_contiguous and out.dtype == points.dtype  # columns contiguous
    np.testing.assert_array_equal(out, points[index])
    out[0] = 42.0  # a new array: the points are not written
    assert points[0, 0] != 42.0


@pytest.mark.parametrize("local, clipped", [
    (np.array([[1.5, -2.0], [3.0, 4.0]]), [False, False]),
    (np.array([[np.nan, 1.0], [np.nan, 2.0]]), [False, False]),  # a column of NaN only
    (np.array([[1e39, 0.0], [1.0, np.nan]]), [True, False]),
    (np.array([[-np.inf, 0.0], [0.0, 1.0]]), [True, False]),
    (np.full((2, 2), np.nan), [False, False]),
    (np.zeros((3, 0)), [False, False, False]),
    (np.zeros((0, 2)), []),
])
def test_float32_offsets_clip_only_the_rows_beyond_float32(local, clipped):
    out, beyond = float32_offsets(local)
    assert out.dtype == np.float32 and out.shape == local.shape
    assert beyond.tolist() == clipped
    with np.errstate(invalid="ignore"):
        expected = np.clip(local, -FLOAT32_MAX, FLOAT32_MAX).astype(np.float32)
    np.testing.assert_array_equal(out, expected)  # NaN stays NaN, nothing becomes inf
    assert not np.isinf(out).any()


def _joined_by_loop(lines):
    """join_lines' rows of several lines, one line at a time (the meaning it keeps)."""
    dims = max(np.shape(p)[1] for p in lines)
    total = sum(len(p) for p in lines) + len(lines) - 1
    out, owner, spans, row = np.zeros((total, dims)), np.full(total, -1), [], 0
    for i, p in enumerate(lines):
        if i:
            out[row] = np.nan
            row += 1
        out[row : row + len(p), : np.shape(p)[1]] = p
        owner[row : row + len(p)] = i
        spans.append((row, row + len(p)))
        row += len(p)
    return out, owner, spans


@pytest.mark.parametrize("lines", [
    [np.arange(6.0).reshape(3, 2), np.ones((1, 2)), np.zeros((0, 2)), np.full((2, 2), 7)],
    [np.ones((2, 2), int), np.arange(9.0).reshape(3, 3), [[np.nan, 1.0], [2.0, np.inf]]],
    [np.zeros((0, 2)), np.zeros((0, 2))],
    list(np.arange(24.0).reshape(4, 3, 2)),
])
def test_join_lines_rows_owners_and_spans(lines):
    from lumos.visuals.line_geometry import join_lines

    expected = _joined_by_loop(lines)
    for pos in (lines, np.array(lines) if len({np.shape(p) for p in lines}) == 1 else None):
        if pos is None:
            continue
        points, owner, spans = join_lines(pos)
        assert points.dtype == np.float64
        np.testing.assert_array_equal(points, expected[0])  # NaN rows where expected
        assert owner.tolist() == expected[1].tolist() and spans == expected[2]


def test_join_lines_leaves_the_callers_lines_and_checks_each():
    from lumos.visuals.line_geometry import join_lines

    a = np.arange(6.0).reshape(3, 2)
    points, _, _ = join_lines([a, a])
    points[0] = 42.0
    assert a[0, 0] == 0.0
    with pytest.raises(ValueError, match=r"pos: got shape \(3, 4\)"):
        join_lines([a, np.zeros((3, 4))])
    with pytest.raises(TypeError, match="pos: got dtype"):
        join_lines(np.array([[["a", "b"]]]))


def test_colors_per_line_equal_or_not_and_the_owner_of_each_row():
    from lumos.visuals import Line
    from lumos.visuals.line_geometry import join_lines, point_colors

    lines = [np.zeros((3, 2)), np.ones((2, 2)), np.full((1, 2), 2.0)]
    _, owner, _ = join_lines(lines)
    for spec in (["red"] * 3, [(0.0, 0.0, 1.0, 0.5)] * 3, ["red"] * 6):  # per line, point
        rows, per_line = point_colors(spec, owner, len(owner))
        # one color for every line: one row, drawn as a single color (one program fewer)
        assert not per_line and rows.shape == (1, 4)
        np.testing.assert_array_equal(rows, point_colors(spec[0], None, 1)[0])
    rows, per_line = point_colors(["red", "red", "blue"], owner, len(owner))
    assert per_line and rows.shape == (3, 4)
    # a spec repeated the wrong number of times is refused, as a list of different ones
    for spec in (["red"] * 2, ["red", "blue"]):
        with pytest.raises(ValueError, match="color: got 2 colors, expected 1, 3"):
            point_colors(spec, owner, len(owner))
    line = Line(pos=lines, color=["red", "lime", "blue"])
    bytes_ = line._color_buffer.data  # the rows the shader reads: one per drawn point
    # each point takes its line's color (the NaN rows between lines one of them)
    assert bytes_[:3].tolist() == [[255, 0, 0, 255]] * 3
    assert bytes_[4:6].tolist() == [[0, 255, 0, 255]] * 2
    assert bytes_[7].tolist() == [0, 0, 255, 255]


def test_member_at_names_the_owner_and_row_of_every_joined_row():
    from lumos.visuals import Line
    from lumos.visuals.base import Member

    line = Line()
    line.set_members([Member(key, np.c_[np.arange(k), np.zeros(k)], (0, 0, 0, 1))
                      for key, k in (("a", 3), ("b", 1), ("c", 2))])
    rows = [line.member_at(i) for i in range(8)]
    assert rows == [("a", 0), ("a", 1), ("a", 2), (None, 3), ("b", 0), (None, 5),
                    ("c", 0), ("c", 1)]


def test_an_axes_spines_and_ticks_share_one_line_program(tmp_path):
    """The spines (one color spec per spine, all equal) draw with the ticks' single-color
    program: a line figure makes two line programs, its data line's and the axes'
    (each program is compiled, and llvmpipe makes a variant of it, at its first draw)."""
    code = ("import lumos.pyplot as plt\n"
            "from lumos.visuals import line_shaders\n"
            "fig, ax = plt.subplots()\n"
            "ax.plot([0, 1, 2], [0, 1, 0])\n"
            f"fig.savefig({str(tmp_path / 'a.png')!r})\n"
            "print(sorted(line_shaders._PROGRAMS))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    # (dash pairs, cap, join, antialiased, one color, fetch: a 3-point line is one
    # instanced draw)
    assert out.split("\n")[-2] == str([(0, "butt", "round", True, True, "instanced"),
                                       (0, "projecting", "round", True, True, "instanced")])
