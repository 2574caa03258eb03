"""Every gallery figure written as SVG and PDF looks like its PNG.

Each file is rasterized by a real reader at the figure's pixel size: the PDF by
poppler's ``pdftoppm`` at the figure's dpi, the SVG by headless Chromium (opened as a
document), with the text as glyph outlines (svg.fonttype "path", the default) and as
real text in an embedded font ("none"). Tolerances (mean absolute difference per RGB
channel, 0..255, and the fraction of pixels with a channel off by more than 32) are
what the readers' own rendering leaves: Chromium's antialiasing is close to the GPU's
(real text: it hints glyphs); poppler's pdftoppm snaps thin strokes to whole pixels,
hints glyphs and resamples images drawn 1:1 (matplotlib's PDFs too), so a PDF is
allowed more.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent)]

import browser  # noqa: E402
from test_gallery import SCRIPTS, _png, _run  # noqa: E402

# (mean, bad fraction) allowed; measured on the gallery (but the scripts below): SVG
# outlines <= 1.31 / 0.0144, SVG text <= 2.11 / 0.0213, PDF <= 3.75 / 0.042 (poppler
# snaps the unsnapped thin strokes, ticks and spines, to whole pixels; the PNG draws
# them antialiased where they fall: 2.82 / 0.033 when both snapped)
TOLERANCE = {"svg path": (1.5, 0.015), "svg none": (2.5, 0.03), "pdf": (5.5, 0.06)}
# contour3d is hundreds of thin 3D contour strokes: pdftoppm snaps each to whole pixels,
# so its PDF differs along every stroke (5.69 / 0.050 measured; nothing missing or moved)
PDF_STROKE_HEAVY = {"contour3d": (6.5, 0.06)}
# the PNG snaps bar, hatch-free patch and step-line edges to the pixel grid as Agg does;
# the SVG keeps them where they are, as matplotlib's SVG does: a subpixel shift along
# every such edge (2.02 / 0.0207 and 1.68 / 0.0202 measured for svg path; bars_hist's
# svg none 2.62 / 0.0283 with PNG text unhinted; nothing missing); tri's 400 circle
# markers have their origins on whole pixels in the PNG (Agg's draw_markers), not in the
# SVG, and its tick marks, unsnapped in both, are antialiased alike only nearly (svg path
# 1.40 / 0.0155; 1.39 / 0.0147 with both snapped). What is allowed on top of both SVG
# flavours' tolerance:
SVG_SNAPPED_EDGES = {"bars_hist": (1.0, 0.015), "spectral": (0.5, 0.01), "tri": (0.0, 0.002)}


def pdftoppm(pdf: Path, dpi: float) -> np.ndarray:
    """A PDF rasterized by poppler; fails (never skips) when poppler is missing."""
    exe = shutil.which("pdftoppm")
    assert exe, "pdftoppm is needed (Debian package poppler-utils; `make test` installs it)"
    out = pdf.with_suffix("")
    subprocess.run([exe, "-r", f"{dpi:g}", "-png", "-singlefile", str(pdf), str(out)],
                   check=True, capture_output=True, timeout=120)
    return _png(out.with_suffix(".png"))


def difference(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    assert a.shape == b.shape, (a.shape, b.shape)
    d = np.abs(a[..., :3].astype(np.int16) - b[..., :3].astype(np.int16))
    return float(d.mean()), float((d.max(axis=2) > 32).mean())


@pytest.fixture(scope="module")
def browsers():
    """One Chromium per page size, shared by the tests of this module."""
    made: dict[tuple, browser.Chromium] = {}
    yield made
    for b in made.values():
        b.close()


@pytest.mark.browser
@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_gallery_svg_and_pdf_look_like_png(script, tmp_path, browsers):
    import lumos.pyplot as plt
    from lumos.plot.snapping import exact_vertices
    from lumos.plot.style import rcParams

    # every file from a run of its own, as the PNG: each is the figure's first draw. The
    # PNG's text is laid out with the outlines' advances, as vector files lay it out
    # (matplotlib's too): hinted, its lines are up to a few pixels longer or shorter
    png = tmp_path / f"{script.stem}.png"
    svgs = {}
    old = rcParams["svg.fonttype"]
    try:
        # and with the vector files' geometry: spines, tick marks and legend frames
        # unsnapped (snapping.exact_vertices), where matplotlib's SVG and PDF put them.
        # That the PNG snaps them as Agg and the SVG not, and where, test_snapping.py
        # checks against matplotlib's own files
        with plt.rc_context({"text.hinting": "no_hinting"}), exact_vertices():
            _run(script, png)
        dpi = plt.gcf().dpi
        plt.close("all")
        for fonttype in ("path", "none"):  # glyph outlines (default), real text
            rcParams["svg.fonttype"] = fonttype
            svgs[fonttype] = tmp_path / f"{script.stem}_{fonttype}.svg"
            _run(script, svgs[fonttype])
            plt.close("all")
        pdf = tmp_path / f"{script.stem}.pdf"
        _run(script, pdf)
    finally:
        rcParams["svg.fonttype"] = old
        plt.close("all")
    expected = _png(png)
    width = expected.shape[1]
    results = {}
    for fonttype, svg in svgs.items():
        key = (browser.svg_size(svg), width)
        if key not in browsers:
            browsers[key] = browser.svg_browser(svg, width)
        results[f"svg {fonttype}"] = browser.rasterize_svg(browsers[key], svg, width)
    results["pdf"] = pdftoppm(pdf, dpi)
    failed = {}
    for name, picture in results.items():
        mean, bad = difference(picture, expected)
        mean_tol, bad_tol = TOLERANCE[name]
        if name == "pdf":
            mean_tol, bad_tol = PDF_STROKE_HEAVY.get(script.stem, (mean_tol, bad_tol))
        else:
            extra_mean, extra_bad = SVG_SNAPPED_EDGES.get(script.stem, (0.0, 0.0))
            mean_tol, bad_tol = mean_tol + extra_mean, bad_tol + extra_bad
        if mean > mean_tol or bad > bad_tol:
            browser.write_comparison(f"vector_{script.stem}_{name.replace(' ', '_')}",
                                     picture, expected)
            failed[name] = (mean, bad)
    assert not failed, failed
