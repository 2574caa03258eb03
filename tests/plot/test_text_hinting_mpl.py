"""Text advance widths against matplotlib 3.11's. Agg lays a line out with FreeType's
hinted advances at the rendering size (whole pixels: 'H' is 11 px at 10 pt and 100 dpi,
10.44 px unhinted) and HarfBuzz's kerning in 1/64 px; its SVG and PDF renderers with the
outlines' advances. Before lumos hinted, "Hello World! 01" at 10 pt / 100 dpi was 107.08
px wide against matplotlib's 110.19 (mean |error| 1.7 px, 77 % of 1800 cases over
0.5 px); now every case below is equal to the 1/64 px."""

from __future__ import annotations

import io
import itertools
import re

import matplotlib
import numpy as np
import pytest

import lumos.pyplot as plt
from lumos.plot.text import measure
from lumos.visuals.fonts import hinted

matplotlib.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402
from matplotlib.backends.backend_svg import RendererSVG  # noqa: E402
from matplotlib.font_manager import FontProperties  # noqa: E402

STRINGS = ["Hello World! 01", "AVAWAY To.", "Temperature (°C)", "−1.5", "iiilllWWW",
           "Yo, 2024-01-02"]
FONTS = [("DejaVu Sans", "normal", "normal"), ("DejaVu Sans", "bold", "normal"),
         ("DejaVu Sans", "normal", "italic"), ("DejaVu Serif", "normal", "normal"),
         ("DejaVu Sans Mono", "normal", "normal")]


def _widths(plt_module, dpi: float, cases) -> np.ndarray:
    fig = plt_module.figure(figsize=(4, 3), dpi=dpi)
    out = [fig.text(0.1, 0.5, s, fontsize=size, family=family, weight=weight,
                    style=style).get_window_extent().width
           for s, size, (family, weight, style) in cases]
    plt_module.close(fig)
    return np.array(out)


@pytest.mark.parametrize("dpi", [72, 100, 150])
def test_raster_widths_are_matplotlib_agg(dpi):
    """5 faces x 5 sizes x 6 strings: Agg's widths to the 1/64 px."""
    cases = list(itertools.product(STRINGS, [6, 9, 10.5, 14, 24], FONTS))
    ours, theirs = _widths(plt, dpi, cases), _widths(mplt, dpi, cases)
    np.testing.assert_allclose(ours, theirs, atol=1e-6)
    assert ours[0] != pytest.approx(theirs[0] * 0.97, abs=0.5)  # not the unhinted width


@pytest.mark.parametrize("mode, moves", [("no_hinting", True), ("force_autohint", True),
                                         ("no_autohint", False)])
def test_text_hinting_is_honoured(mode, moves):
    """rcParams['text.hinting'] picks FreeType's load flags, as Agg's (DejaVu has its
    own hints: 'no_autohint' lays out as 'default')."""
    cases = list(itertools.product(STRINGS, [8, 13], FONTS[:2]))
    default = _widths(plt, 100, cases)
    with plt.rc_context({"text.hinting": mode}), mplt.rc_context({"text.hinting": mode}):
        ours, theirs = _widths(plt, 100, cases), _widths(mplt, 100, cases)
    np.testing.assert_allclose(ours, theirs, atol=1e-6)
    assert np.allclose(ours, default) != moves
    np.testing.assert_array_equal(_widths(plt, 100, cases), default)  # restored


def test_vector_widths_are_matplotlib_svg():
    """For SVG and PDF files matplotlib measures the outlines' advances: so does lumos
    there (within 0.02 px: matplotlib rounds advances to 1/6400 em)."""
    svg = RendererSVG(640, 480, io.StringIO())
    moved = []
    for s, size, (family, weight, style) in itertools.product(STRINGS, [8, 24], FONTS):
        prop = FontProperties(family=family, weight=weight, style=style, size=size)
        theirs = svg.get_text_width_height_descent(s, prop, False)[0] * 100 / 72
        face = {"DejaVu Sans": "sans", "DejaVu Serif": "serif",
                "DejaVu Sans Mono": "mono"}[family]
        face += "-bold" * (weight == "bold") + "-italic" * (style == "italic")
        with hinted(None):
            ours = measure(s, size * 100 / 72, face=face)[0]
        assert ours == pytest.approx(theirs, abs=0.02), (s, size, face)
        moved.append(abs(measure(s, size * 100 / 72, face=face)[0] - theirs))
    assert np.mean(moved) > 1.0  # the raster's widths are others


def test_a_saved_svg_lays_text_out_unhinted_and_a_png_hinted(tmp_path):
    """The layout follows the file: a right-aligned label's first glyph starts where
    the outlines' advances (SVG) put it, in the window and a PNG where the hinted ones
    do."""
    fig = plt.figure(figsize=(3, 1), dpi=100)
    t = fig.text(0.9, 0.5, "Hello World! 01", ha="right", fontsize=10)
    assert t.get_window_extent().width == pytest.approx(110.1875)
    fig.savefig(tmp_path / "a.svg")
    first = re.search(r'<use xlink:href="#g\d+" transform="translate\(([\d.]+) ',
                      (tmp_path / "a.svg").read_text())
    assert float(first.group(1)) == pytest.approx(270 - 107.076, abs=0.01)
    with hinted(None):
        assert t.get_window_extent().width == pytest.approx(107.076, abs=1e-3)
    assert t.get_window_extent().width == pytest.approx(110.1875)
