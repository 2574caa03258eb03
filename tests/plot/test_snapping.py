"""Agg's pixel snapping of straight lines beyond the spines (lumos/plot/snapping.py):
tick marks and grid lines sit on the same pixel rows and columns as matplotlib's."""

from __future__ import annotations

import io

import numpy as np
import pytest

import lumos.pyplot as plt

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402


def _gray(pyplot, dpi: float, setup, frac: float = 0.37) -> np.ndarray:
    """Gray levels of a 2x2 inch figure at ``dpi`` with one axes whose box starts
    ``frac`` of a pixel off the grid, ticks at off-grid values, no labels."""
    from PIL import Image

    fig = pyplot.figure(figsize=(2, 2), dpi=dpi)
    ax = fig.add_axes((0.2 + frac / 200, 0.2 + frac / 200, 0.6, 0.6))
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_xticks([0.13, 0.5, 0.77])
    ax.set_yticks([0.21, 0.5, 0.83])
    ax.set_xticklabels([])
    ax.set_yticklabels([])
    setup(ax)
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    pyplot.close(fig)
    return np.asarray(Image.open(buf).convert("L")).astype(int)


TICKS = {
    "out": lambda ax: None,
    "in": lambda ax: ax.tick_params(direction="in", top=True, right=True),
    "inout": lambda ax: ax.tick_params(direction="inout", width=1.5, length=5),
    "wide": lambda ax: ax.tick_params(width=2.2, length=6.3),
}


@pytest.mark.parametrize("dpi", [72, 100, 150])
@pytest.mark.parametrize("style", sorted(TICKS))
def test_tick_marks_sit_on_matplotlibs_pixels(dpi, style):
    """An unsnapped 0.8 pt tick at 100 dpi straddles two gray columns where matplotlib
    draws one dark one (off by up to 222 gray levels before)."""
    ours, theirs = (_gray(p, dpi, TICKS[style]) for p in (plt, mplt))
    diff = np.abs(ours - theirs)
    assert diff.max() <= 30, np.argwhere(diff > 30)[:10]


@pytest.mark.parametrize("style", ["out", "wide"])
def test_tick_snapping_follows_path_snap(style):
    with plt.rc_context({"path.snap": False}):
        img = _gray(plt, 100, TICKS[style])
    with mplt.rc_context({"path.snap": False}):
        ref = _gray(mplt, 100, TICKS[style])
    snapped = _gray(plt, 100, TICKS[style])
    assert np.abs(img - snapped).max() > 60  # the ends no longer round
    # matplotlib still puts a marker's origin on a pixel's middle: the same rows and
    # columns (a tick's far end differs by up to a quarter pixel's coverage)
    assert np.abs(img - ref).max() <= 70


GRIDS = {
    "major": lambda ax: ax.grid(True),
    # (minor ticks, 0.6 px at 72 dpi, off: sub-pixel strokes are another matter)
    "minor": lambda ax: (ax.minorticks_on(), ax.grid(True, which="both"),
                         ax.tick_params(which="minor", length=0)),
    "wide": lambda ax: ax.grid(True, linewidth=1.5, color="k"),
}


@pytest.mark.parametrize("dpi", [72, 100, 150])
@pytest.mark.parametrize("style", sorted(GRIDS))
def test_grid_lines_sit_on_matplotlibs_pixels(dpi, style):
    """Grid lines drawn in the axes' view round where the figure puts them exactly
    (the view's rect has whole-pixel edges): the same column as their tick's."""
    ours, theirs = (_gray(p, dpi, GRIDS[style]) for p in (plt, mplt))
    diff = np.abs(ours - theirs)
    assert diff.max() <= 30, np.argwhere(diff > 30)[:10]


def test_line_snap_is_checked():
    from lumos.visuals import Line

    with pytest.raises(TypeError, match="snap"):
        Line().snap = "yes"


def _lines(snap):
    def setup(ax):
        ax.set_xticks([])
        ax.set_yticks([])
        drawn = [ax.axhline(0.43, color="k"), ax.axvline(0.61, color="k", lw=2),
                 *ax.plot([0.1, 0.3, 0.3, 0.5], [0.8, 0.8, 0.6, 0.6], "k-")]
        for line in drawn:
            line.set_snap(snap)
    return setup


@pytest.mark.parametrize("dpi", [72, 100, 150])
def test_axhline_axvline_and_straight_lines_snap(dpi):
    """Lines of horizontal and vertical segments only (a step line's corners included)
    snap as Agg's auto rule snaps them (set_snap(None))."""
    ours, theirs = (_gray(p, dpi, _lines(None)) for p in (plt, mplt))
    diff = np.abs(ours - theirs)
    assert diff.max() <= 50, np.argwhere(diff > 50)[:10]


def test_set_snap_false_keeps_lines_where_they_are():
    snapped, free = (_gray(plt, 100, _lines(s)) for s in (None, False))
    assert np.abs(snapped - free).max() > 60
    fig, ax = plt.subplots()
    (line,) = ax.plot([0, 1], [0, 0])
    assert line.get_snap() is None
    with pytest.raises(ValueError, match="snap"):
        line.set_snap("auto")
    with plt.rc_context({"path.snap": False}):
        assert line.get_snap() is False
    plt.close(fig)


COLLECTIONS = {
    "bar": lambda ax: ax.bar([0.23, 0.51, 0.77], [0.63, 0.42, 0.81], width=0.13),
    "bar_edge": lambda ax: ax.bar([0.23, 0.51, 0.77], [0.63, 0.42, 0.81], width=0.13,
                                  edgecolor="k"),
    "barh_lw2": lambda ax: ax.barh([0.23, 0.51], [0.63, 0.42], height=0.17, edgecolor="k",
                                   linewidth=2),
    "spans": lambda ax: (ax.axvspan(0.33, 0.67, color="0.3"),
                         ax.axhspan(0.1, 0.2, color="0.6")),
    "hlines": lambda ax: ax.hlines([0.23, 0.51, 0.777], 0.11, 0.83, colors="k"),
    "vlines": lambda ax: ax.vlines([0.23, 0.51, 0.777], 0.11, 0.83, colors="k",
                                   linewidth=0.8),
    "hist": lambda ax: ax.hist([0.12, 0.25, 0.27, 0.33, 0.55, 0.59, 0.61, 0.77, 0.88],
                               bins=7, range=(0.05, 0.95)),
    "eventplot": lambda ax: ax.eventplot([[0.13, 0.44, 0.67]], lineoffsets=0.5,
                                         linelengths=0.4, colors="k"),
    "rectangle": lambda ax: ax.add_patch(_patches(ax).Rectangle(
        (0.22, 0.33), 0.43, 0.31, fc="0.4", ec="k", lw=2)),
    "rectangle_fill": lambda ax: ax.add_patch(_patches(ax).Rectangle(
        (0.22, 0.33), 0.43, 0.31, fc="0.4")),
}


def _patches(ax):
    """matplotlib.patches for a matplotlib axes, else lumos.pyplot (its Rectangle)."""
    if type(ax).__module__.startswith("matplotlib"):
        import matplotlib.patches

        return matplotlib.patches
    return plt


@pytest.mark.parametrize("dpi", [72, 100, 150])
@pytest.mark.parametrize("case", sorted(COLLECTIONS))
def test_bars_spans_and_line_collections_snap(dpi, case):
    """Bars (fill and edge), spans and hlines/vlines sit on matplotlib's pixels: a bar's
    fill edge was a light rim (up to 116 gray levels off), an hline two gray rows (up to
    255); the rest is the ticks' 26 at 72 dpi."""
    ours, theirs = (_gray(p, dpi, COLLECTIONS[case]) for p in (plt, mplt))
    diff = np.abs(ours - theirs)
    # a stroked rectangle's closing corner: the Line visual does not join a ring's
    # ends, their projecting caps overlap there (a few pixels up to 50 off; 255 before)
    limit = 50 if case == "rectangle" else 30
    assert diff.max() <= limit, np.argwhere(diff > limit)[:10]


def test_collection_set_snap_false():
    def setup(snap):
        def draw(ax):
            ax.bar([0.23, 0.51], [0.63, 0.42], width=0.13, edgecolor="k").collection \
                .set_snap(snap)
        return draw

    snapped, free = (_gray(plt, 100, setup(s)) for s in (None, False))
    assert np.abs(snapped - free).max() > 60


def _quadmesh(ax):
    ax.pcolormesh(np.linspace(0.1, 0.9, 5), np.linspace(0.13, 0.87, 4),
                  np.arange(12.0).reshape(3, 4), edgecolors="k", cmap="gray_r", vmin=0,
                  vmax=40)


@pytest.mark.parametrize("dpi", [72, 100, 150])
def test_pcolormesh_cells_and_aliased_edges_snap(dpi):
    """Agg's draw_quad_mesh snaps each rectilinear cell (check_snap): a 1-pixel aliased
    edge is one column, not two (9.3 / 3.3 / 1.4 mean gray levels off before; the
    outer corners' few pixels, butt ends against Agg's joined cells, stay)."""
    ours, theirs = (_gray(p, dpi, _quadmesh) for p in (plt, mplt))
    diff = np.abs(ours - theirs)
    assert diff.mean() <= 0.5
    assert (diff > 30).sum() <= 12, np.argwhere(diff > 30)[:12]


def test_snap_keyword_is_taken_where_matplotlib_takes_it():
    fig, ax = plt.subplots()
    made = [ax.plot([0, 1], [0, 1], snap=False)[0], ax.bar([0, 1], [1, 2], snap=False).collection,
            ax.hlines([1], 0, 1, snap=False), ax.axvspan(0, 1, snap=False),
            ax.axhline(1, snap=False), ax.eventplot([[1, 2]], snap=False)[0],
            ax.add_patch(plt.Rectangle((0, 0), 1, 1, snap=False))]
    assert [a.get_snap() for a in made] == [False] * len(made)
    with pytest.raises(ValueError, match="snap"):
        ax.plot([0, 1], snap="yes")
    plt.close(fig)


def test_patch_snap_false_keeps_its_edges_where_they_are():
    def setup(snap):
        return lambda ax: ax.add_patch(plt.Rectangle((0.22, 0.33), 0.43, 0.31, fc="0.4",
                                                     ec="k", snap=snap))

    snapped, free = (_gray(plt, 100, setup(s)) for s in (None, False))
    assert np.abs(snapped - free).max() > 60


def _dashed(ax):
    ax.hlines([0.23, 0.51], 0.11, 0.83, colors="k", linestyles="--")
    ax.plot(np.linspace(0.05, 0.95, 200), np.full(200, 0.731), "k--", lw=2)
    ax.axvline(0.3, ls=":", color="k")


@pytest.mark.parametrize("dpi", [72, 100, 150])
def test_dashed_lines_snap_and_dash_along_the_snapped_path(dpi):
    """Dashed straight lines snap too, their dashes measured along the snapped segments
    (a 200-point line's 0.4-pixel steps snap to 0 or 1 pixel); dash ends may still be
    half a pixel off matplotlib's, so the mean is what is held (0.78, 0.18, 0.04 gray
    levels measured; 1.47, 1.52, 1.90 unsnapped)."""
    ours, theirs = (_gray(p, dpi, _dashed) for p in (plt, mplt))
    assert np.abs(ours - theirs).mean() <= {72: 1.0, 100: 0.5, 150: 0.3}[dpi]


def test_paths_snap_follows_aggs_automatic_rule():
    from lumos.plot.snapping import paths_snap

    square = (np.array([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]], float), [1, 2, 2, 2, 79])
    slanted = (np.array([[0, 0], [1, 0], [2, 1]], float), None)
    curve = (np.array([[0, 0], [1, 0], [1, 1]], float), [1, 3, 3])
    long = (np.c_[np.arange(1025.0), np.zeros(1025)], None)
    # Agg tests LINETO segments only: a close back across the diagonal still snaps
    closed_triangle = (np.array([[0, 0], [1, 0], [1, 1], [0, 0]], float), [1, 2, 2, 79])
    got = paths_snap(None, [square, slanted, curve, long, closed_triangle], np.ones(2))
    assert got.tolist() == [True, False, False, False, True]
    assert paths_snap(True, [slanted], np.ones(2)).tolist() == [True]
    assert paths_snap(False, [square], np.ones(2)).tolist() == [False]


@pytest.mark.parametrize("dpi", [72, 100, 150])
def test_square_legend_frame_snaps(dpi):
    """A legend frame without rounded corners is a rectilinear patch, which Agg snaps:
    its top and bottom edges sit on matplotlib's rows (they straddled two rows)."""
    def setup(ax):
        ax.set_xticks([])
        ax.set_yticks([])
        ax.plot([0.1, 0.2], [0.5, 0.6], label="a")
        ax.legend(fancybox=False, loc="upper right", edgecolor="k", framealpha=1)

    ours, theirs = (_gray(p, dpi, setup) for p in (plt, mplt))
    # the frame's top and bottom rows, where a column through the frame is darkest
    col = ours.shape[1] * 3 // 4
    rows = [np.flatnonzero(img[ours.shape[0] // 8:ours.shape[0] // 2, col] < 60)
            for img in (ours, theirs)]
    # (the bottom edge: as many dark rows; at 150 dpi one row lower than matplotlib's,
    # the legend's height, its text, differs by more than half a pixel)
    assert rows[0][:4].tolist() == rows[1][:4].tolist() and len(rows[0]) == len(rows[1])


def _svg_ticks(pyplot) -> tuple[list, list]:
    """The x of the x tick marks and the y of the y tick marks in an SVG file of a
    4 x 3 inch figure, in points (the file's units)."""
    import re

    fig, ax = pyplot.subplots(figsize=(4, 3), dpi=100)
    ax.plot([0, 1], [0, 1])
    buf = io.StringIO()
    fig.savefig(buf, format="svg")
    pyplot.close(fig)
    svg = buf.getvalue()
    if pyplot is mplt:  # each tick a <use> of its axis' tick marker at its origin
        at = re.findall(r'<use xlink:href="#(m[0-9a-f]+)" x="([-\d.]+)" y="([-\d.]+)"', svg)
        marker_x = at[0][0]
        return (sorted({float(x) for m, x, _ in at if m == marker_x}),
                sorted({float(y) for m, _, y in at if m != marker_x}))
    # lumos: the tick marks are one path of segments, in pixels (0.72 points each)
    d = next(m for m in re.findall(r'<path d="([^"]+)" style="fill:none;stroke:#000000', svg))
    segs = [tuple(map(float, s.split())) for s in d.replace("M", "|").split("|")[1:]]
    xs = sorted({round(a * 0.72, 6) for a, b, c, e in segs if a == c})
    ys = sorted({round(b * 0.72, 6) for a, b, c, e in segs if b == e})
    return xs, ys


def test_svg_tick_marks_are_where_matplotlibs_svg_puts_them():
    """matplotlib's vector backends snap nothing: the tick marks of its SVG sit at their
    exact places (46.145 pt, not 46.44 as Agg's pixel snapping would put them)."""
    theirs, ours = _svg_ticks(mplt), _svg_ticks(plt)
    assert len(ours[0]) == len(theirs[0]) == 6 and len(ours[1]) == len(theirs[1]) == 6
    assert ours[0] == pytest.approx(theirs[0], abs=0.01)
    assert ours[1] == pytest.approx(theirs[1], abs=0.01)


def test_png_after_svg_snaps_again():
    """A vector save draws unsnapped; the next raster save snaps as Agg again (the
    decorations' cache tells the two apart)."""
    fig, ax = plt.subplots(figsize=(2, 2), dpi=100)
    ax.set_xticks([0.13, 0.5, 0.77])
    first, second = io.BytesIO(), io.BytesIO()
    fig.savefig(first, format="png")
    fig.savefig(io.StringIO(), format="svg")
    fig.savefig(second, format="png")
    plt.close(fig)
    assert first.getvalue() == second.getvalue()
