"""Markers drawn as matplotlib draws them: carets are open paths, half fill styles paint
two colors, an edge is stroked over the face (a translucent edge shows the face)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
import pytest

import lumos
from lumos.plot.artists import marker_symbol
from lumos.visuals.marker_shapes import HALF_FILLABLE, SYMBOL_PATHS
from lumos.visuals.markers import HalfFilled

SVG_NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def plt():
    import lumos.pyplot as plt

    yield plt
    plt.close("all")


def _one_marker(**kwargs):
    """A figure at 72 dpi (a point is a pixel) with one marker at (0, 0); returns the
    picture and a function giving the RGB (0..255) ``dx, dy`` pixels from the marker
    (y up)."""
    fig, ax = lumos.subplots(figsize=(2, 2), dpi=72)
    ax.plot([0.0], [0.0], **kwargs)
    ax.set_xlim(-1, 1)
    ax.set_ylim(-1, 1)
    ax.set_axis_off()
    img = fig.render()
    fx, fy = ax.to_pixels(0.0, 0.0)
    # where Agg's draw_markers centres a marker: its origin rounded to a whole pixel
    # (rows from the top), half a pixel past it
    cx = np.floor(fx + 0.5) + 0.5
    cy = np.floor(img.shape[0] - fy + 0.5) + 0.5

    def at(dx, dy):
        return img[int(np.floor(cy - dy)), int(np.floor(cx + dx)), :3]

    return img, at


def _near(pixel, rgb, tol=30) -> bool:
    return bool(np.all(np.abs(np.asarray(pixel, int) - rgb) <= tol))


def test_a_caret_strokes_two_sides_and_leaves_its_base_open():
    # caretright (5): the tip on the point, arms 1.5 r to the left, ends r above and below
    _, at = _one_marker(marker=5, ms=60, mfc="none", mec="black", mew=4, ls="none")
    assert _near(at(-45, 0), (255, 255, 255))  # the middle of the base: not stroked
    assert _near(at(-22.5, 15), (0, 0, 0))  # the middle of an arm
    assert _near(at(-22.5, 0), (255, 255, 255))  # no face
    # the open ends are cut square (butt), not rounded beyond the end
    assert _near(at(-45 - 3, 30), (255, 255, 255))
    assert SYMBOL_PATHS["caretright"].codes[-1] != 79  # no CLOSEPOLY: vector devices too


def test_a_plotted_caret_is_filled_in_the_line_color():
    # caretup (6): the tip on the point, the arms 1.5 r below it
    _, at = _one_marker(marker=6, ms=60, color="red", ls="none")
    assert _near(at(0, -22.5), (255, 0, 0))


def test_a_scatter_caret_with_no_face_draws_nothing(plt):
    # matplotlib strokes unfilled markers of a scatter in the face color, whatever the
    # edge color (with a warning): no face, no marker
    fig, ax = plt.subplots(figsize=(2, 2), dpi=72)
    ax.scatter([0], [0], s=900, marker=7, fc="none", ec="black")
    ax.set_axis_off()
    assert not (fig.render()[..., :3] < 200).any()


@pytest.mark.parametrize("side,face_at,alt_at", [("left", (-15, 0), (15, 0)),
                                                 ("top", (0, 15), (0, -15))])
def test_half_fills_paint_the_face_and_the_alternate_colors(side, face_at, alt_at):
    _, at = _one_marker(marker="o", ms=60, fillstyle=side, color="red", mfcalt="blue",
                        mec="black", mew=2, ls="none")
    assert _near(at(*face_at), (255, 0, 0))
    assert _near(at(*alt_at), (0, 0, 255))
    assert _near(at(face_at[1] / 1.5, face_at[0] / 1.5), (0, 0, 0))  # the edge between
    _, at = _one_marker(marker="o", ms=60, fillstyle=side, color="red", ls="none")
    assert _near(at(*alt_at), (255, 255, 255))  # markerfacecoloralt 'none'


def test_fillstyle_none_empties_a_marker_with_a_face_color():
    _, at = _one_marker(marker="s", ms=60, fillstyle="none", mfc="red", mec="k", ls="none")
    assert _near(at(0, 0), (255, 255, 255))


@pytest.mark.parametrize("name", HALF_FILLABLE)
def test_the_halves_meet_where_matplotlib_cuts_each_symbol(name):
    from matplotlib.markers import MarkerStyle

    code = next(k for k, v in lumos.plot.artists.MARKERS.items() if v == name)
    for side in ("top", "bottom", "left", "right"):
        ms = MarkerStyle(code, fillstyle=side)
        verts = ms.get_transform().transform(ms.get_path().vertices) * 2  # r units
        direction, cut = HalfFilled(name, side).cut()
        if name != "octagon":  # matplotlib's half octagon is another octagon, cut at 0
            assert (verts @ direction).min() == pytest.approx(cut, abs=1e-6), side


def test_a_translucent_edge_is_stroked_over_the_face():
    # a square of side 60 with an edge 10 wide, half transparent blue: its inner half
    # lies over the red face, its outer half over the white page
    _, at = _one_marker(marker="s", ms=60, color="red", mec=(0, 0, 1, 0.5), mew=10,
                        ls="none")
    assert _near(at(0, 0), (255, 0, 0))
    assert _near(at(27.5, 0), (128, 0, 128), tol=12)
    assert _near(at(32.5, 0), (128, 128, 255), tol=12)


def test_half_filled_markers_in_the_legend_and_the_svg(plt, tmp_path):
    fig, ax = plt.subplots(figsize=(2, 1.5), dpi=100)
    line, = ax.plot([100.0], [100.0], marker="D", ms=20, fillstyle="right", color="red",
                    mfcalt="blue", ls="none", label="half")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.legend(loc="center")
    assert line.legend_handle(10.0).marker[0] == HalfFilled("diamond", "right",
                                                           (0.0, 0.0, 1.0, 1.0))
    img = fig.render()
    red = np.nonzero((np.abs(img[..., :3].astype(int) - (255, 0, 0)) < 40).all(-1))[1]
    blue = np.nonzero((np.abs(img[..., :3].astype(int) - (0, 0, 255)) < 40).all(-1))[1]
    assert red.size > 20 and blue.size > 20 and red.mean() > blue.mean()  # face right
    ax.set_xlim(99, 101)
    ax.set_ylim(99, 101)
    root = ET.parse(fig.savefig(tmp_path / "h.svg")).getroot()
    styles = " ".join(g.get("style", "") for g in root.iter(SVG_NS + "g"))
    assert "fill:#ff0000" in styles and "fill:#0000ff" in styles
    fig.savefig(tmp_path / "h.pdf")


def test_half_fills_of_symbols_matplotlib_fills_whole_are_drawn_whole():
    fig, ax = lumos.subplots()
    line, = ax.plot([0], [0], marker="x", fillstyle="left")
    assert line.marker_style()[0] == marker_symbol("x")
    with pytest.raises(ValueError, match="side"):
        HalfFilled("disc", "middle")


def test_a_scatter_legend_marker_has_the_middle_area_and_the_first_color(plt):
    # matplotlib's legend marker of a scatter: area (min + max) / 2, not capped at the
    # font size; the first point's color
    fig, ax = plt.subplots(figsize=(3, 2), dpi=72)
    ax.scatter([100, 101], [100, 101], s=[100, 1500], c=["red", "blue"], label="pts")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.legend(loc="center")
    rows, cols = np.nonzero((np.abs(fig.render()[..., :3].astype(int) - (255, 0, 0))
                             < 40).all(-1))
    assert rows.size
    diameter = np.sqrt(800) + 1  # points are pixels; matplotlib's 1 pt edge in the face
    assert abs(rows.max() - rows.min() + 1 - diameter) <= 2
    assert abs(cols.max() - cols.min() + 1 - diameter) <= 2


def test_a_scatter_of_a_half_filled_marker_style_draws_the_face_half_alone(plt):
    # matplotlib's collections draw a MarkerStyle's path, which is the face half
    from matplotlib.markers import MarkerStyle

    fig, ax = plt.subplots(figsize=(2, 2), dpi=72)
    ax.scatter([0], [0], s=3600, marker=MarkerStyle("o", fillstyle="left"), c="red")
    ax.set_xlim(-1, 1)
    ax.set_ylim(-1, 1)
    ax.set_axis_off()
    img = fig.render()
    fx, fy = ax.to_pixels(0.0, 0.0)
    row = int(img.shape[0] - fy)
    assert _near(img[row, int(fx - 15), :3], (255, 0, 0))
    assert _near(img[row, int(fx + 15), :3], (255, 255, 255))


def test_a_plotted_marker_style_brings_its_fill_style():
    from matplotlib.markers import MarkerStyle

    fig, ax = lumos.subplots()
    line, = ax.plot([0], [0], marker=MarkerStyle("s", fillstyle="bottom"))
    assert line.get_fillstyle() == "bottom"
    line.set_marker(MarkerStyle("o", fillstyle="none"))
    assert line.get_fillstyle() == "none"
    line.set_marker("^")
    assert line.get_fillstyle() == "none"  # a code keeps the line's


def test_line_markers_have_butt_ends_and_marker_zero_is_a_tick(plt):
    # '|' of size 40 and width 8: matplotlib's butt ends stop the stroke 20 px from the
    # point (round ends reached 24)
    _, at = _one_marker(marker="|", ms=40, mew=8, color="black", ls="none")
    assert _near(at(0, 18), (0, 0, 0))
    assert _near(at(0, 22), (255, 255, 255))
    # marker 0 (tickleft) is not 'no marker': a scatter draws a tick, not a disc
    fig, ax = plt.subplots(figsize=(2, 2), dpi=72)
    sc = ax.scatter([0], [0], s=400, marker=0, color="k")
    line, = ax.plot([0], [0], marker=0)
    assert sc.get_marker() == 0 and line.get_marker() == 0
    ax.set_xlim(-1, 1)
    ax.set_ylim(-1, 1)
    ax.set_axis_off()
    img = fig.render()
    fx, fy = ax.to_pixels(0.0, 0.0)
    assert _near(img[int(img.shape[0] - fy - 6), int(fx - 10), :3], (255, 255, 255))


@pytest.mark.parametrize("name", HALF_FILLABLE)
def test_a_turned_half_fill_cuts_where_matplotlib_cuts_the_turned_symbol(name):
    from matplotlib.markers import MarkerStyle
    from matplotlib.transforms import Affine2D

    code = next(k for k, v in lumos.plot.artists.MARKERS.items() if v == name)
    user = Affine2D().rotate_deg(30).scale(1.5, 0.75).translate(0.1, -0.2)
    for side in ("top", "bottom", "left", "right"):
        ms = MarkerStyle(code, fillstyle=side, transform=user)
        half = lumos.plot.artists.check_marker(ms)
        assert isinstance(half, HalfFilled) and half.side == side and half.name == name
        direction, cut = half.cut()
        for path, trans, sign in ((ms.get_path(), ms.get_transform(), 1),
                                  (ms.get_alt_path(), ms.get_alt_transform(), -1)):
            verts = trans.transform(path.vertices) * 2  # r units
            if name != "octagon":  # matplotlib's half octagon: another octagon, cut at 0
                assert (sign * (verts @ direction - cut)).min() == pytest.approx(0, abs=1e-6)
        # the whole turned symbol is drawn from its outline
        full = MarkerStyle(code, transform=user)
        box = full.get_path().get_extents(full.get_transform())  # curves' own extent
        assert half.outline.reach == pytest.approx(2 * np.abs(box.get_points()).max(),
                                                   rel=2e-3)


def test_a_turned_half_fill_paints_both_colors(plt, tmp_path):
    from matplotlib.markers import MarkerStyle
    from matplotlib.transforms import Affine2D

    # left half of a disc turned 90 degrees: the face below, the alternate color above
    ms = MarkerStyle("o", fillstyle="left", transform=Affine2D().rotate_deg(90))
    _, at = _one_marker(marker=ms, ms=60, color="red", mfcalt="blue", mec="black", mew=2,
                        ls="none")
    assert _near(at(0, -15), (255, 0, 0))
    assert _near(at(0, 15), (0, 0, 255))
    assert _near(at(-10, 0), (0, 0, 0)) and _near(at(10, 0), (0, 0, 0))  # the cut
    fig, ax = plt.subplots()
    ax.plot([0], [0], marker=ms, color="red", mfcalt="blue", ls="none")
    root = ET.parse(fig.savefig(tmp_path / "t.svg")).getroot()
    styles = " ".join(g.get("style", "") for g in root.iter(SVG_NS + "g"))
    assert "fill:#ff0000" in styles and "fill:#0000ff" in styles


@pytest.mark.parametrize("turn", [(1, 0, 0, 1, 0), (1, 0, 0, 0, 0, 0), "abcdef",
                                  (1, 0, 0, 1, float("nan"), 0)])
def test_a_half_fill_refuses_a_bad_turn(turn):
    with pytest.raises(ValueError, match="turn: got"):
        HalfFilled("disc", "left", turn=turn)


def test_each_symbol_joins_its_corners_as_matplotlib_does():
    from matplotlib.markers import MarkerStyle

    from lumos.visuals.marker_shapes import JOINSTYLES, POLYGONS

    for code, name in lumos.plot.artists.MARKERS.items():
        if name in POLYGONS and code != ",":  # ',' is matplotlib's pixel
            assert JOINSTYLES[name] == MarkerStyle(code).get_joinstyle(), code


def test_a_thick_edge_has_mitered_corners_where_matplotlib_miters():
    # a square of side 60, edge 10 wide: the miter fills the corner square of the edge
    _, at = _one_marker(marker="s", ms=60, color="red", mec="black", mew=10, ls="none")
    assert _near(at(34, 34), (0, 0, 0))  # round joins leave it grey (208)
    # a triangle's tip: its miter point lies 5 / sin(26.6 deg) = 11.2 above the tip
    _, at = _one_marker(marker="^", ms=60, color="red", mec="black", mew=10, ls="none")
    assert _near(at(0, 30 + 9), (0, 0, 0))
    assert _near(at(0, 30 + 13), (255, 255, 255))


def test_a_marker_style_joinstyle_is_honoured(plt, tmp_path):
    from matplotlib.markers import MarkerStyle

    _, at = _one_marker(marker=MarkerStyle("s", joinstyle="round"), ms=60, color="red",
                        mec="black", mew=10, ls="none")
    assert _near(at(35, 35), (255, 255, 255))  # rounded: the corner's tip is gone
    assert _near(at(32, 32), (0, 0, 0))
    _, at = _one_marker(marker=MarkerStyle("D", joinstyle="bevel"), ms=60, color="red",
                        mec="black", mew=10, ls="none")
    assert _near(at(0, 30 * 2 ** 0.5 + 5), (255, 255, 255))  # cut 3.5 past the corner
    fig, ax = plt.subplots()
    ax.plot([0], [0], marker=MarkerStyle("s", joinstyle="bevel"), mew=3, ls="none")
    ax.plot([1], [0], marker="^", mew=3, ls="none")
    ax.scatter([2], [0], marker="s", ec="k")  # a collection: matplotlib's round joins
    root = ET.parse(fig.savefig(tmp_path / "j.svg")).getroot()
    styles = " ".join(g.get("style", "") for g in root.iter())
    for join in ("bevel", "miter", "round"):
        assert f"stroke-linejoin:{join}" in styles


@pytest.mark.parametrize("join", ["sharp", 1, ""])
def test_markers_refuse_a_bad_join(join):
    from lumos.visuals import Markers

    with pytest.raises(ValueError, match="join: got"):
        Markers(symbol="square", join=join)


def test_a_turned_polygon_keeps_its_corners_and_matplotlibs_outline(plt, tmp_path):
    from matplotlib.markers import MarkerStyle
    from matplotlib.transforms import Affine2D

    from lumos.visuals.marker_shapes import SYMBOL_PATHS, turn_path
    from lumos.visuals.markers import Turned

    user = Affine2D().rotate_deg(20).scale(1.3).translate(0.1, 0.05)
    for code in ("s", "^", "*", "p", 4):
        ms = MarkerStyle(code, transform=user)
        turned = lumos.plot.artists.check_marker(ms)
        assert isinstance(turned, Turned)
        ours = turn_path(SYMBOL_PATHS[turned.name], turned.turn).vertices * (2, -2)
        theirs = ms.get_transform().transform(ms.get_path().vertices) * 2
        gap = np.hypot(*(ours[:, None] - theirs[None]).transpose(2, 0, 1)).min(axis=1)
        assert gap.max() < 1e-9, code
    # a square turned 45 degrees, edge 10 wide: its mitered corner reaches 5 * sqrt(2)
    # past the corner (r * sqrt(2)), a round one 5
    turn45 = Affine2D().rotate_deg(45)
    _, at = _one_marker(marker=MarkerStyle("s", transform=turn45), ms=60, color="red",
                        mec="black", mew=10, ls="none")
    assert _near(at(48, 0), (0, 0, 0))
    _, at = _one_marker(marker=MarkerStyle("s", transform=turn45, joinstyle="round"),
                        ms=60, color="red", mec="black", mew=10, ls="none")
    assert at(48, 0).min() > 100
    fig, ax = plt.subplots()
    ax.plot([0], [0], marker=MarkerStyle("s", transform=turn45), mew=3, ls="none")
    root = ET.parse(fig.savefig(tmp_path / "t.svg")).getroot()
    styles = " ".join(g.get("style", "") for g in root.iter())
    assert "stroke-linejoin:miter" in styles


def test_a_sheared_polygon_is_drawn_from_its_outline():
    from lumos.visuals import Markers
    from lumos.visuals.markers import Turned

    rotated = Turned("square", (0.0, 1.0, -1.0, 0.0, 0.0, 0.0))
    sheared = Turned("square", (1.0, 0.0, 0.5, 1.0, 0.0, 0.0))
    assert lumos.visuals.markers._outline(rotated) is None  # the shader turns it
    assert lumos.visuals.markers._outline(sheared) == sheared.outline
    assert Markers(symbol=sheared).symbol == sheared


@pytest.mark.parametrize("kwargs", [dict(name="disc", turn=(1, 0, 0, 1, 0, 0)),
                                    dict(name="square", turn=(1, 0, 0, 0, 0, 0)),
                                    dict(name="square", turn="abcdef")])
def test_a_turned_symbol_refuses_bad_input(kwargs):
    from lumos.visuals.markers import Turned

    with pytest.raises(ValueError, match=f"{next(iter(kwargs))}: got|turn: got"):
        Turned(**kwargs)


def test_a_marker_style_capstyle_ends_the_line_markers(plt, tmp_path):
    from matplotlib.markers import MarkerStyle
    from matplotlib.transforms import Affine2D

    # '_' of size 60, 10 wide: butt ends at 30, projecting 5 beyond, round 5 on its axis
    # only (its corner stays empty)
    ends = {}
    for cap in ("butt", "projecting", "round"):
        _, at = _one_marker(marker=MarkerStyle("_", capstyle=cap), ms=60, color="black",
                            mew=10, ls="none")
        ends[cap] = (at(32, 0), at(34, 4))
    assert _near(ends["butt"][0], (255, 255, 255))
    assert _near(ends["projecting"][0], (0, 0, 0))
    assert _near(ends["projecting"][1], (0, 0, 0))
    assert _near(ends["round"][0], (0, 0, 0))
    assert _near(ends["round"][1], (255, 255, 255), tol=60)
    # turned: the turned segments keep their ends (an outline would round them)
    ms = MarkerStyle("_", transform=Affine2D().rotate_deg(90))
    _, at = _one_marker(marker=ms, ms=60, color="black", mew=10, ls="none")
    assert _near(at(0, 32), (255, 255, 255)) and _near(at(0, 28), (0, 0, 0))
    fig, ax = plt.subplots()
    ax.plot([0], [0], marker=MarkerStyle("+", capstyle="projecting"), ls="none")
    root = ET.parse(fig.savefig(tmp_path / "c.svg")).getroot()
    assert "stroke-linecap:square" in " ".join(g.get("style", "") for g in root.iter())
    fig.savefig(tmp_path / "c.pdf")


@pytest.mark.parametrize("cap", ["square", 0, ""])
def test_markers_refuse_a_bad_cap(cap):
    from lumos.visuals import Markers

    with pytest.raises(ValueError, match="cap: got"):
        Markers(symbol="plus_line", cap=cap)


def test_a_scatter_legend_marker_joins_round_as_the_points(plt):
    # matplotlib's legend marker of a scatter is a collection too: round joins, where a
    # line's square marker (and lumos's before) has mitered corners
    def corners(draw):
        fig, ax = plt.subplots(figsize=(3, 2), dpi=100)
        draw(ax)
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.set_axis_off()
        fig.legend(loc="center", scatterpoints=1, numpoints=1, labelcolor="white")
        img = fig.render()[..., :3].astype(int)
        ys, xs = np.nonzero(img.max(axis=2) < 60)  # the black edge
        return [img[y, x] for y in (ys.min(), ys.max()) for x in (xs.min(), xs.max())]

    for pixel in corners(lambda ax: ax.scatter([5], [5], marker="s", s=900, c="red",
                                               edgecolors="k", linewidths=8, label="sq")):
        assert pixel.min() > 150  # rounded off
    for pixel in corners(lambda ax: ax.plot([5], [5], "s", ms=30, mfc="red", mec="k",
                                            mew=8, label="sq")):
        assert pixel.max() < 60  # a line's marker keeps the square's miter


def test_regular_and_sheared_outline_markers_join_as_matplotlib():
    from matplotlib.markers import MarkerStyle
    from matplotlib.transforms import Affine2D

    from lumos.visuals.marker_outline import regular_marker, text_marker, vertex_marker

    kw = dict(ms=60, color="gold", mec="black", mew=10, ls="none")
    # (4, 0): a square on a corner (r = 30): the miter's point 5 * sqrt(2) past the
    # corner, a round join 5
    _, at = _one_marker(marker=(4, 0, 0), **kw)
    assert _near(at(0, 30 + 6), (0, 0, 0))
    # (5, 1): a star's tip bevelled 5 * 0.44 past the tip (round: 5)
    _, at = _one_marker(marker=(5, 1, 0), **kw)
    assert _near(at(0, 30 + 4), (255, 255, 255))
    assert _near(at(0, 30 + 1), (0, 0, 0))
    # a sheared square (drawn from its outline) keeps the square's miter: its corner
    # (30 + 30 * tan 25deg, 30) reaches past it along the diagonal
    style = MarkerStyle("s", transform=Affine2D().skew_deg(25, 0))
    _, at = _one_marker(marker=style, **kw)
    cx = 30 + 30 * np.tan(np.radians(25))
    assert _near(at(cx + 3, 30 + 4), (0, 0, 0))
    # (6, 2): an asterisk's tips end flat (matplotlib bevels its ways back; round: 5)
    _, at = _one_marker(marker=(6, 2, 0), **kw)
    assert _near(at(0, 30 + 3), (255, 255, 255))
    assert _near(at(0, 30 - 2), (0, 0, 0))
    for marker in [(3, 0), (5, 1, 10), (6, 2), (4, 0, 45)]:
        assert regular_marker(*marker).join == MarkerStyle(marker).get_joinstyle(), marker
    assert text_marker("$x$").join == MarkerStyle("$x$").get_joinstyle() == "round"
    assert vertex_marker([(0, 1), (1, 0), (0, 0)]).join == "round"


def _marker_centres(pyplot, marker, ms, mew, xs, ys):
    """The ink-weighted centre (pixel columns, rows) of each marker of one line through
    ``xs``, ``ys`` in a 200 × 100 pixel axes whose data units are pixels."""
    fig = pyplot.figure(figsize=(2, 1), dpi=100)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.set_xlim(0, 200)
    ax.set_ylim(0, 100)
    ax.plot(xs, ys, marker=marker, ms=ms, mew=mew, color="k", ls="none")
    fig.canvas.draw()
    ink = 255.0 - np.asarray(fig.canvas.buffer_rgba())[..., :3].mean(axis=2)
    out = []
    for x in xs:
        win = ink[:, int(x) - 12:int(x) + 13]
        rows, cols = np.mgrid[0:win.shape[0], 0:win.shape[1]]
        out.append(((win * cols).sum() / win.sum() + int(x) - 12,
                    (win * rows).sum() / win.sum()))
    return np.array(out)


@pytest.mark.parametrize(("marker", "ms", "mew"), [("o", 6, 1), ("s", 6, 1), ("_", 6, 1),
                                                    ("|", 7, 1.5), ("D", 6, 1)])
def test_line_markers_sit_on_matplotlibs_pixels(marker, ms, mew):
    """Agg's draw_markers rounds each marker's origin to a whole pixel and puts the
    symbol half a pixel past it, or snaps a square's or a line marker's sides: at these
    sub-pixel positions lumos drew the markers up to a pixel off (exactly where the
    points are)."""
    mplt = pytest.importorskip("matplotlib.pyplot")
    xs = np.array([20.0, 40.25, 60.5, 80.75, 100.1, 120.4, 140.6, 160.9])
    ys = 50.0 + 0.25 * (np.arange(8) % 4)
    ours = _marker_centres(lumos.pyplot, marker, ms, mew, xs, ys)
    theirs = _marker_centres(mplt, marker, ms, mew, xs, ys)
    assert np.abs(ours - theirs).max() < 0.15, np.c_[ours, theirs]
