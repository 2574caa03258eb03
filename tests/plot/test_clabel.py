"""Contour labels (``clabel``) placed, turned and cut into their lines as matplotlib
does, checked against matplotlib itself where it can be."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as mplt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import lumos.pyplot as plt  # noqa: E402


def _circles(pyplot, **kwargs):
    x = np.linspace(-3, 3, 50)
    xx, yy = np.meshgrid(x, x)
    ax = pyplot.subplots()[1]
    cs = ax.contour(xx, yy, xx ** 2 + yy ** 2)
    return ax, cs, ax.clabel(cs, **kwargs)


def _demo(pyplot, **kwargs):
    # matplotlib's gallery contour_demo.py
    x, y = np.arange(-3.0, 3.0, 0.025), np.arange(-2.0, 2.0, 0.025)
    xx, yy = np.meshgrid(x, y)
    z = (np.exp(-xx ** 2 - yy ** 2) - np.exp(-(xx - 1) ** 2 - (yy - 1) ** 2)) * 2
    ax = pyplot.subplots()[1]
    cs = ax.contour(xx, yy, z)
    return ax, cs, ax.clabel(cs, fontsize=10, **kwargs)


def _summary(texts):
    """(x, y, rotation mod 360, text) of each label, sorted."""
    return sorted((*t.get_position(), t.get_rotation() % 360, t.get_text()) for t in texts)


def _pixels_per_unit(ax):
    p = np.asarray(ax.transData.forward(np.array([[0.0, 0.0], [1.0, 1.0]])))
    return p[1] - p[0]


def _same_labels(got, want, pos_tol, angle_tol):
    assert len(got) == len(want)
    for g, w in zip(_summary(got), _summary(want), strict=True):
        assert g[3] == w[3]
        assert np.allclose(g[:2], w[:2], atol=pos_tol), (g, w)
        turn = (g[2] - w[2] + 180) % 360 - 180
        assert abs(turn) < angle_tol, (g, w)


def test_labels_turn_along_the_circle_on_screen():
    ax, cs, texts = _circles(plt)
    assert len(texts) > 5
    sx, sy = _pixels_per_unit(ax)
    for t in texts:
        x, y = t.get_position()
        assert abs(np.hypot(x, y) ** 2 - float(t.get_text())) < 0.05  # on its circle
        tangent = np.degrees(np.arctan2(x * sy, -y * sx))  # d/dt (cos t, sin t), on screen
        turn = (t.get_rotation() - tangent + 90) % 180 - 90  # a line has no direction
        assert abs(turn) < 2.0, (t.get_text(), t.get_rotation(), tangent)


def test_labels_are_upright_unless_rightside_up_is_false():
    upright = [np.cos(np.radians(t.get_rotation())) for t in _circles(plt)[2]]
    assert min(upright) >= 0
    free = [np.cos(np.radians(t.get_rotation()))
            for t in _circles(plt, rightside_up=False)[2]]
    assert min(free) < 0  # the circles run both ways: some labels are upside down


def test_labels_where_and_as_matplotlib_places_them():
    # (where a label's width differs from Agg's by a pixel, the straightest stretch of a
    # line can be another one: the circles' labels are wide apart from that)
    _same_labels(_circles(plt)[2], _circles(mplt)[2], pos_tol=0.02, angle_tol=0.5)


def test_manual_positions_as_matplotlib():
    where = [(-1, -1.4), (-0.62, -0.7), (-2, 0.5), (1.7, 1.2), (2.0, 1.4), (2.4, 1.7)]
    got, want = _demo(plt, manual=where)[2], _demo(mplt, manual=where)[2]
    _same_labels(got, want, pos_tol=0.005, angle_tol=0.5)


def _distances_to_labels(ax, cs, texts):
    """For each label: the pixel distance from its centre to the nearest vertex left on
    any line of its level."""
    out = []
    levels = list(cs.levels)
    for t in texts:
        level = min(range(len(levels)), key=lambda i: abs(levels[i] - float(t.get_text())))
        c = np.asarray(ax.transData.forward(np.array([t.get_position()])))[0]
        pts = [np.asarray(ax.transData.forward(s)) for s in cs.allsegs[level] if len(s)]
        out.append(min(np.hypot(*(p - c).T).min() for p in pts))
    return np.array(out)


def _unturned_width(t) -> float:
    """The label's width along its baseline (its window extent is the turned box)."""
    rotation = t.get_rotation()
    t.set_rotation(0)
    width = t.get_window_extent().width
    t.set_rotation(rotation)
    return width


def test_inline_cuts_a_gap_as_wide_as_the_label_and_the_spacing():
    ax, cs, texts = _circles(plt, inline=False)
    assert _distances_to_labels(ax, cs, texts).max() < 1.0  # the line runs under each
    ax, cs, texts = _circles(plt)
    widths = np.array([_unturned_width(t) for t in texts])
    gaps = _distances_to_labels(ax, cs, texts)
    # nothing left under the label: half its width plus the default 5 px on each side
    # (measured along the line, a little less straight across)
    assert np.all(gaps > widths / 2 + 4)
    ax, cs, texts = _circles(plt, inline_spacing=15)
    assert np.all(_distances_to_labels(ax, cs, texts) > widths / 2 + 13)


def test_the_gap_is_in_the_files_too():
    import io
    import re

    def contour_path(inline):
        """The label's width and the contour's points (pixels) as the SVG file has them."""
        fig, ax = plt.subplots()
        x = np.linspace(-3, 3, 50)
        xx, yy = np.meshgrid(x, x)
        cs = ax.contour(xx, yy, xx ** 2 + yy ** 2, levels=[4.0])
        (text,) = ax.clabel(cs, inline=inline)
        buf = io.BytesIO()
        fig.savefig(buf, format="svg")
        paths = re.findall(r'<path[^>]*d="(M[0-9. -]*)"', buf.getvalue().decode())
        pts = np.array(max(paths, key=len)[1:].split(), dtype=float).reshape(-1, 2)
        return text.get_window_extent().width, pts

    width, cut = contour_path(True)
    _, whole = contour_path(False)
    assert np.hypot(*(whole[0] - whole[-1])) < 0.5  # the circle closes
    gap = np.hypot(*(cut[0] - cut[-1]))  # one piece from the label's end round to its start
    assert width < gap < width + 2 * 5 + 1


def test_use_clabeltext_turns_the_labels_when_the_limits_change():
    ax, cs, texts = _circles(plt, use_clabeltext=True)
    _, _, plain = _circles(plt)
    assert [t.get_rotation() % 360 for t in texts] == pytest.approx(
        [t.get_rotation() % 360 for t in plain], abs=1e-6)
    before = [t.get_rotation() for t in texts]
    ax.set_ylim(-30, 30)  # squashed vertically: lines turn towards horizontal
    after = [t.get_rotation() for t in texts]
    sx, sy = _pixels_per_unit(ax)
    for t, b, a in zip(texts, before, after, strict=True):
        x, y = t.get_position()
        tangent = np.degrees(np.arctan2(x * sy, -y * sx))
        assert abs((a - tangent + 90) % 180 - 90) < 2.0
        assert abs((a - b + 90) % 180 - 90) > 5.0
    assert all(t.get_transform_rotates_text() for t in texts)


def test_levels_colors_zorder_and_fontsize():
    ax, cs, texts = _circles(plt, levels=[5.0, 10.0], colors=["red", "blue"], zorder=7,
                             fontsize=14)
    by_text = {t.get_text(): t for t in texts}
    assert set(by_text) == {"5", "10"}  # as matplotlib's ScalarFormatter has these two
    assert by_text["5"].get_color()[:3] == pytest.approx((1.0, 0.0, 0.0))
    assert by_text["10"].get_color()[:3] == pytest.approx((0.0, 0.0, 1.0))
    assert {t.zorder for t in texts} == {7.0}
    assert {t.get_fontsize() for t in texts} == {14.0}
    _, cs, texts = _circles(plt)
    assert {t.zorder for t in texts} == {cs.zorder + 2}
    color = {f"{lev:.1f}": c.get_color() for lev, c in zip(cs.levels, cs.collections,
                                                            strict=True)}
    for t in texts:  # each label in its line's color
        assert tuple(t.get_color()) == pytest.approx(color[t.get_text()])


def test_labels_accumulate_over_calls_and_go_with_the_contours():
    ax, cs, first = _circles(plt, levels=[5.0])
    second = ax.clabel(cs, levels=[10.0])
    assert len(second) == len(first) + 4 and second[:len(first)] == first  # matplotlib's
    assert all(t in ax.texts for t in second)
    cs.remove()
    assert not any(t in ax.texts for t in second)


@pytest.mark.parametrize(("kwargs", "error", "name"), [
    ({"inline_spacng": 3}, TypeError, "inline_spacng"),
    ({"manual": True}, TypeError, "manual"),
    ({"manual": [(np.nan, 0.0)]}, ValueError, "manual"),
    ({"manual": ["a point"]}, ValueError, "manual"),
    ({"levels": [3.3]}, ValueError, "levels"),
    ({"fmt": 3}, TypeError, "fmt"),
])
def test_bad_keywords_are_refused_by_name(kwargs, error, name):
    x = np.linspace(-3, 3, 20)
    xx, yy = np.meshgrid(x, x)
    ax = plt.subplots()[1]
    cs = ax.contour(xx, yy, xx ** 2 + yy ** 2)
    with pytest.raises(error, match=name):
        ax.clabel(cs, **kwargs)


def test_contour_linewidths_per_level_as_matplotlib():
    # contour_demo.py: CS.set_linewidth with one width per level
    x = np.linspace(-3, 3, 30)
    xx, yy = np.meshgrid(x, x)
    ax = plt.subplots()[1]
    cs = ax.contour(xx, yy, xx ** 2 + yy ** 2, linewidths=2)
    widths = np.resize(cs.get_linewidth(), len(cs.levels))
    widths[3] = 4
    cs.set_linewidth(widths)
    assert list(cs.get_linewidth()) == list(widths)
    _, _, drawn = cs.level_lines()
    assert list(drawn) == list(widths)
    with pytest.raises(ValueError, match="linewidth"):
        cs.set_linewidth([1.0, -1.0])


def test_text_rotation_in_data_coordinates_as_matplotlib():
    # gallery text_rotation_relative_to_line.py
    def rotations(pyplot):
        ax = pyplot.subplots()[1]
        ax.plot(range(8), range(8))
        ax.set_xlim([-10, 10])
        t = ax.text(0, 0, "along the line", rotation=45, rotation_mode="anchor",
                    transform_rotates_text=True)
        first = t.get_rotation()
        ax.set_ylim(-1, 30)
        return first, t.get_rotation()

    got, want = rotations(plt), rotations(mplt)
    assert got == pytest.approx(want, abs=0.01)
    assert abs(got[0] - 45) > 10 and abs(got[1] - got[0]) > 10


def test_labels_on_log_and_polar_axes():
    x = np.linspace(0.1, 3, 40)
    xx, yy = np.meshgrid(x, x)
    fig, ax = plt.subplots()
    ax.set_xscale("log")  # data x = 0 has no place on screen: the width is measured apart
    cs = ax.contour(xx, yy, xx * yy)
    texts = ax.clabel(cs)
    assert len(texts) >= 4 and all(np.isfinite(t.get_rotation()) for t in texts)
    polar = plt.figure().add_subplot(projection="polar")
    cs = polar.contour(xx, yy, xx * yy)
    texts = polar.clabel(cs, use_clabeltext=True)
    assert len(texts) >= 4 and all(np.isfinite(t.get_rotation()) for t in texts)
    fig.render()
    polar.figure.render()
