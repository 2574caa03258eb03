"""matplotlib's custom markers in plot, scatter and legends: text ('$♠$'), vertex
lists, paths and (sides, style, angle) shapes, on screen and in SVG/PDF files."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
import pytest

import lumos
from lumos.path import Path
from lumos.plot.artists import check_marker, is_line_marker, marker_symbol
from lumos.visuals.marker_outline import MarkerOutline

SVG_NS = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}href"


@pytest.fixture
def plt():
    import lumos.pyplot as plt

    yield plt
    plt.close("all")


def colour_box(img, rgb, tol=40):
    rows, cols = np.nonzero((np.abs(img[..., :3].astype(int) - rgb) < tol).all(axis=-1))
    assert rows.size, f"no pixels of color {rgb}"
    return rows.min(), rows.max(), cols.min(), cols.max()


def test_plot_draws_the_glyph_at_markersize_in_the_line_colour():
    mplt = pytest.importorskip("matplotlib.pyplot")
    boxes = []
    for pyplot in (lumos.pyplot, mplt):
        fig, ax = pyplot.subplots(figsize=(2, 2), dpi=72)  # points are pixels
        ax.plot([0.0], [0.0], marker="$♠$", ms=40, color="#1f77b4", mew=0)
        ax.set_xlim(-1, 1)
        ax.set_ylim(-1, 1)
        ax.set_axis_off()
        fig.canvas.draw()
        boxes.append(colour_box(np.asarray(fig.canvas.buffer_rgba()), (31, 119, 180)))
    r0, r1, c0, c1 = boxes[0]
    assert 38 <= r1 - r0 + 1 <= 42  # the spade is taller than wide: its height is ms
    assert 26 <= c1 - c0 + 1 < r1 - r0
    # where matplotlib's Agg draws it (its origin on a whole pixel, half a pixel past)
    assert np.abs(np.subtract(boxes[0], boxes[1])).max() <= 1, boxes


def test_scatter_text_markers_take_each_point_colour_and_size_with_a_face_edge():
    fig, ax = lumos.subplots(figsize=(3, 1), dpi=72)
    sc = ax.scatter([0, 1, 2], [0, 0, 0], marker=r"$\clubsuit$", s=[400, 900, 400],
               c=["red", "lime", "blue"])
    ax.set_xlim(-0.5, 2.5)
    ax.set_ylim(-1, 1)
    ax.set_axis_off()
    img = fig.render()
    red, green, blue = (colour_box(img, rgb) for rgb in
                        [(255, 0, 0), (0, 255, 0), (0, 0, 255)])
    assert red[2] < green[2] < blue[2]
    height = [b[1] - b[0] + 1 for b in (red, green, blue)]
    # sqrt(s) points, plus matplotlib's 1 pt edge in the face colour
    assert 20 <= height[0] <= 23 and 30 <= height[1] <= 33 and height[2] == height[0]
    symbol, _, _, edge, width = sc.marker_style()
    assert isinstance(symbol, MarkerOutline) and edge == "face" and width == 1.0


def test_legend_shows_the_text_marker(plt):
    fig, ax = plt.subplots(figsize=(2, 1.5), dpi=100)
    ax.plot([100.0], [100.0], marker="$♣$", ms=16, color="red", ls="none", label="club")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.legend(loc="center")
    handle = ax.lines[0].legend_handle(10.0)
    assert handle.marker[0] == marker_symbol("$♣$")
    r0, r1, c0, c1 = colour_box(fig.render(), (255, 0, 0))
    assert 18 <= r1 - r0 + 1 <= 25  # 16 pt at 100 dpi: 22 px, with the 1 pt edge


def test_scatter_legend_handle_strokes_the_text_marker_in_its_face_colour(plt):
    fig, ax = plt.subplots(figsize=(2, 1.5), dpi=100)
    sc = ax.scatter([100.0], [100.0], marker="$♣$", s=200, c="blue", label="club")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.legend(loc="center")
    symbol, _, face, edge, width = sc.legend_handle(10.0).marker
    assert symbol == marker_symbol("$♣$") and edge == tuple(face) and width > 0
    r0, r1, c0, c1 = colour_box(fig.render(), (0, 0, 255))
    # as matplotlib, the legend's marker is as large as the points' (s=200: 19.6 px,
    # the club a little less tall, and the 1 pt edge)
    assert 18 <= r1 - r0 + 1 <= 23


def test_svg_and_pdf_hold_one_glyph_path_reused_per_marker(plt, tmp_path):
    fig, ax = plt.subplots()
    ax.plot(np.arange(5.0), np.arange(5.0), marker="$f$", ms=20, ls="none")
    ax.scatter([1, 2, 3], [3, 2, 1], marker="$<&>$", s=200)  # text that XML escapes
    svg = fig.savefig(tmp_path / "t.svg")
    pdf = fig.savefig(tmp_path / "t.pdf")
    root = ET.parse(svg).getroot()  # well-formed, whatever the marker text
    paths = {p.get("id"): p.get("d") for p in root.iter(SVG_NS + "path") if p.get("id")}
    # markers (ids m*) drawn with quadratic curves: TrueType outlines
    glyphs = {i for i, d in paths.items() if i.startswith("m") and "Q" in d}
    uses = [u.get(XLINK)[1:] for u in root.iter(SVG_NS + "use")]
    assert len(glyphs) == 2 and sum(u in glyphs for u in uses) == 8
    assert pdf.read_bytes().count(b"/Subtype /Form") == 2


@pytest.mark.parametrize("marker", [[[-1, -1], [1, -1], [1, 1], [-1, -1]], (5, 0),
                                    (5, 1, 30), (6, 2)])
def test_vertex_and_tuple_markers_draw(marker):
    fig, ax = lumos.subplots(figsize=(1, 1), dpi=72)
    ax.scatter([0], [0], marker=marker, s=900, c="red")
    ax.plot([0], [0], marker=marker, ms=20, color="blue", alpha=0.5)
    ax.set_axis_off()
    r0, r1, _, _ = colour_box(fig.render(), (255, 0, 0), tol=160)  # thin spokes: AA
    assert 25 <= r1 - r0 + 1 <= 33


def test_path_and_marker_style_objects_give_their_outline():
    square = Path([[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]], [1, 2, 2, 2, 79])
    outline = check_marker(square)
    assert isinstance(outline, MarkerOutline) and np.abs(outline.vertices).max() == 1.0
    mpl_markers = pytest.importorskip("matplotlib.markers")
    assert check_marker(mpl_markers.MarkerStyle("$♠$")) == "$♠$"
    mpl_path = pytest.importorskip("matplotlib.path")
    assert check_marker(mpl_path.Path.unit_regular_star(5)).filled


def test_marker_style_with_a_transform_is_drawn_turned():
    markers = pytest.importorskip("matplotlib.markers")
    transforms = pytest.importorskip("matplotlib.transforms")
    turn = transforms.Affine2D().rotate_deg(45)
    # a named polygon turned: the named symbol with its turn (its corners joined)
    square = check_marker(markers.MarkerStyle("s", transform=turn)).outline
    assert square.filled and square.reach == pytest.approx(np.sqrt(2))  # corner up
    assert np.allclose(np.abs(square.vertices).max(axis=0), np.sqrt(2))
    tri = check_marker(markers.MarkerStyle("1", transform=turn))
    assert tri.name == "tri_down" and is_line_marker(tri)  # still a line marker, stroked
    assert check_marker(markers.MarkerStyle("s")) == "s"  # untouched: the named symbol


@pytest.mark.parametrize("marker, message", [
    ("$", r"marker: got '\$', expected math text between a pair"),
    ("$$", r"marker: got '\$\$', expected math text with visible glyphs"),
    ("$ $", r"marker: got '\$ \$', expected math text with visible glyphs"),
    ([[0, 0]], r"marker: got shape \(1, 2\)"),
    ((1, 0), r"marker: got \(1, 0\): sides: got 1"),
    ("spade", r"marker: got 'spade', expected one of o s"),
])
def test_bad_markers_raise_naming_marker(plt, marker, message):
    fig, ax = plt.subplots()
    for call in (lambda: ax.plot([0, 1], marker=marker),
                 lambda: ax.scatter([0, 1], [0, 1], marker=marker)):
        with pytest.raises(ValueError, match=message):
            call()
    assert not ax.lines and not ax.collections


def test_widths_given_as_strings_are_read_as_numbers_as_matplotlib_does(plt):
    # rougier's marker reference passes mew="1" alongside its text markers
    fig, ax = plt.subplots()
    line, = ax.plot([0, 1], marker="$♠$", mew="1.5", ms="12", lw="2")
    assert (line.get_markeredgewidth(), line.get_markersize(), line.get_linewidth()) == \
        (1.5, 12.0, 2.0)
    with pytest.raises(TypeError, match="mew: got 'thick', expected a number >= 0"):
        ax.plot([0, 1], mew="thick")
