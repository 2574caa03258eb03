"""Every gallery figure written as SVG and PDF looks like its PNG.

Each file is rasterized by a real reader at the figure's pixel size: the PDF by
poppler's ``pdftoppm`` at the figure's dpi, the SVG by headless Chromium (opened as a
document). Tolerances (mean absolute difference per RGB channel, 0..255, and the
fraction of pixels with a channel off by more than 32) are what the readers' own
antialiasing leaves: Chromium's is close to the GPU's; poppler snaps thin strokes to
whole pixels (its stroke adjustment) and hints glyphs, so a PDF is allowed more.
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

SVG_MEAN, SVG_BAD = 2.5, 0.03
PDF_MEAN, PDF_BAD = 5.5, 0.06


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

    png = tmp_path / f"{script.stem}.png"
    try:
        _run(script, png)
        fig = plt.gcf()
        svg = fig.savefig(tmp_path / f"{script.stem}.svg")
        pdf = fig.savefig(tmp_path / f"{script.stem}.pdf")
        dpi = fig.dpi
    finally:
        plt.close("all")
    expected = _png(png)
    width = expected.shape[1]
    key = (browser.svg_size(svg), width)
    if key not in browsers:
        browsers[key] = browser.svg_browser(svg, width)
    from_svg = browser.rasterize_svg(browsers[key], svg, width)
    from_pdf = pdftoppm(pdf, dpi)
    svg_mean, svg_bad = difference(from_svg, expected)
    pdf_mean, pdf_bad = difference(from_pdf, expected)
    if svg_mean > SVG_MEAN or svg_bad > SVG_BAD:
        browser.write_comparison(f"vector_{script.stem}_svg", from_svg, expected)
    if pdf_mean > PDF_MEAN or pdf_bad > PDF_BAD:
        browser.write_comparison(f"vector_{script.stem}_pdf", from_pdf, expected)
    assert svg_mean <= SVG_MEAN and svg_bad <= SVG_BAD, (svg_mean, svg_bad)
    assert pdf_mean <= PDF_MEAN and pdf_bad <= PDF_BAD, (pdf_mean, pdf_bad)
