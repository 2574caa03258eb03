"""Text anchors at 1/64 pixel: matplotlib 3.11's Agg places every glyph at FreeType's
26.6 origin (1/64 pixel), so a label moved by a quarter pixel moves its ink by a quarter
pixel; its SVG and PDF backends write text where it falls, unrounded."""

from __future__ import annotations

import numpy as np
import pytest

from lumos import primitives as P
from lumos import scene, visuals

SHIFTS = (0.0, 0.25, 0.5, 0.75)


def ink_centroid(img: np.ndarray) -> np.ndarray:
    """(x, y) of the ink's centroid (darkness-weighted) of dark text on white, in
    pixels, y down."""
    ink = 255.0 - img[..., :3].astype(float).mean(axis=2)
    rows, cols = np.indices(ink.shape)
    return np.array([(cols * ink).sum(), (rows * ink).sum()]) / ink.sum()


def label_image(pyplot, x: float, y: float, text: str, size: float) -> np.ndarray:
    """The RGBA pixels of one label at pixel (x, y up) of a 200 x 100 figure, drawn by
    ``pyplot``'s Agg-like raster."""
    fig = pyplot.figure(figsize=(2, 1), dpi=100)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_axis_off()
    ax.set_xlim(0, 200)  # a data unit is a pixel
    ax.set_ylim(0, 100)
    ax.text(x, y, text, fontsize=size)
    fig.canvas.draw()
    img = np.asarray(fig.canvas.buffer_rgba()).copy()
    pyplot.close(fig)
    return img


def centroid_moves(pyplot) -> np.ndarray:
    """How far the ink of one label moves (x, y down) for each of SHIFTS (pixels,
    right and up) of its anchor, drawn by ``pyplot``'s Agg-like raster."""
    out = [ink_centroid(label_image(pyplot, 40.3 + d, 40.1 + d, "Hexagon", 12))
           for d in SHIFTS]
    return np.array(out) - out[0]


def test_a_label_moved_by_a_quarter_pixel_moves_its_ink_as_matplotlibs():
    mplt = pytest.importorskip("matplotlib.pyplot")
    import lumos.pyplot

    ours, theirs = centroid_moves(lumos.pyplot), centroid_moves(mplt)
    expected = np.array([[d, -d] for d in SHIFTS])
    # measured: lumos (0.20, 0.51, 0.75) right and (0.23, 0.48, 0.74) up, matplotlib
    # 0.25, 0.50, 0.74-0.75 (an SDF's coverage is not quite linear in a shift); a
    # whole-pixel anchor moves the ink by 0 or 1 pixel (1, 1, 1 right and 0, 1, 1 up)
    np.testing.assert_allclose(ours, expected, atol=0.1)
    np.testing.assert_allclose(ours, theirs, atol=0.1)


def test_glyph_runs_lie_where_the_anchor_falls_unrounded():
    canvas = scene.Canvas(size=(200, 100), bgcolor="white")
    view = canvas.add_view(camera="panzoom")
    pos = np.array([[40.3, 60.7], [100.17, 30.45]])
    view.add(visuals.Text(["left", "right"], pos=pos, font_size=12, anchor_x="left",
                          anchor_y="baseline", color="black"))
    view.camera.rect = (0, 0, 200, 100)  # a data unit is a pixel, y up
    try:
        runs = [p for p in canvas.primitives(background=False) if isinstance(p, P.GlyphRun)]
    finally:
        canvas.close()
    assert [r.text for r in runs] == ["left", "right"]
    for run, (x, y) in zip(runs, pos, strict=True):
        np.testing.assert_allclose(run.anchor, (x, 100 - y), atol=1e-9)
        # the first pen of a left-aligned line on its baseline is the anchor
        np.testing.assert_allclose(run.positions[0], (x, 100 - y), atol=1e-9)


def fraction_bars(pyplot, size: float) -> list:
    """For each of SHIFTS (pixels up) of a label's anchor: the rows (y down) and the
    columns (first, last) of its fraction bar, the rows holding a run of solid ink at
    least 80% as long as the longest, drawn by ``pyplot``'s Agg-like raster."""
    out = []
    for d in SHIFTS:
        img = label_image(pyplot, 40.3, 40.1 + d, r"$\frac{111}{111}$", size)
        solid = img[..., :3].max(axis=2) <= 5
        runs = []
        for row in solid:  # the longest run of solid pixels: (length, first, last)
            edges = np.diff(np.concatenate([[0], row.astype(int), [0]]))
            starts, ends = np.nonzero(edges == 1)[0], np.nonzero(edges == -1)[0]
            k = np.argmax(ends - starts) if len(starts) else None
            runs.append((0, 0, 0) if k is None else (ends[k] - starts[k], starts[k], ends[k] - 1))
        longest = max(r[0] for r in runs)
        rows = [i for i, r in enumerate(runs) if r[0] >= 0.8 * longest > 0]
        out.append((rows, runs[rows[0]][1:] if rows else None))
    return out


@pytest.mark.parametrize("size", [12, 30])
def test_a_fraction_bar_fills_whole_pixels_as_matplotlibs(size):
    """matplotlib's Agg fills a mathtext rule grown to at least a pixel, its edges
    rounded to whole pixels: a crisp bar, whichever quarter pixel the label falls on
    (an SDF rule at 1/64 pixel is grey over two rows), one rule thick (0.75/12 em)
    rounded down or up."""
    mplt = pytest.importorskip("matplotlib.pyplot")
    import lumos.pyplot

    thick = max(0.75 / 12 * size * 100 / 72, 1.0)
    ours, theirs = fraction_bars(lumos.pyplot, size), fraction_bars(mplt, size)
    for (rows, cols), (mrows, mcols) in zip(ours, theirs, strict=True):
        assert rows and rows == list(range(rows[0], rows[-1] + 1))  # solid, in one piece
        assert np.floor(thick) <= len(rows) <= np.ceil(thick)
        assert rows == mrows  # the math line raised to its box's top, as matplotlib's
        np.testing.assert_allclose(cols, mcols, atol=1)
