"""SVG and PDF files: what they hold, savefig's keywords, rasterized artists, big data."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

import numpy as np
import pytest

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

import browser  # noqa: E402
from test_vector_gallery import TOLERANCE, difference, pdftoppm  # noqa: E402

from lumos import primitives as P  # noqa: E402
from lumos import scene, visuals  # noqa: E402
from lumos.io.pdf import pdf_document  # noqa: E402
from lumos.io.svg import svg_document  # noqa: E402

SVG_NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def plt():
    import lumos.pyplot as plt

    yield plt
    plt.close("all")


def tags(svg: Path) -> list[str]:
    return [el.tag.replace(SVG_NS, "") for el in ET.parse(svg).getroot().iter()]


def pdf_streams(pdf: Path) -> bytes:
    """Every stream of a PDF, inflated, joined: what its pages draw."""
    data = pdf.read_bytes()
    out = []
    for m in re.finditer(rb"/FlateDecode[^>]*>>\nstream\n", data):
        start = m.end()
        end = data.index(b"\nendstream", start)
        try:
            out.append(zlib.decompress(data[start:end]))
        except zlib.error:
            pass
    return b"\n".join(out)


def tool(name: str, *args) -> str:
    exe = shutil.which(name)
    assert exe, f"{name} is needed (Debian package poppler-utils; `make test` installs it)"
    r = subprocess.run([exe, *map(str, args)], capture_output=True, timeout=120)
    assert r.returncode == 0 and not r.stderr, r.stderr.decode()
    return r.stdout.decode("utf-8")


# -- what the files hold ----------------------------------------------------------------
@pytest.fixture
def svg_text():
    """rcParams["svg.fonttype"] = "none" (real text) for one test."""
    from lumos.plot.style import rcParams

    old = rcParams["svg.fonttype"]
    rcParams["svg.fonttype"] = "none"
    yield
    rcParams["svg.fonttype"] = old


def test_text_is_real_text_with_an_embedded_subset_font(plt, tmp_path, svg_text):
    fig, ax = plt.subplots()
    ax.plot([1, 2, 3])
    ax.set_title(r"Wave $\alpha^2$")
    svg = fig.savefig(tmp_path / "a.svg")
    pdf = fig.savefig(tmp_path / "a.pdf")
    text = svg.read_text()
    assert "@font-face" in text and "data:font/ttf;base64," in text
    root = ET.parse(svg).getroot()
    words = [("".join(t.itertext())) for t in root.iter(SVG_NS + "text")]
    # a <text> per run of one font and size: the math α is italic, as matplotlib sets it
    assert {"Wave", "α", "2"} <= {w.strip() for w in words}
    fonts = tool("pdffonts", pdf)
    row = [ln for ln in fonts.splitlines() if "DejaVuSans" in ln][0]
    assert re.match(r"[A-Z]{6}\+DejaVuSans", row)  # a subset tag
    assert "CID TrueType" in row and "Identity-H" in row
    assert row.split()[-5:-2] == ["yes", "yes", "yes"]  # embedded, subset, ToUnicode
    # pdftotext splits words at gaps: the superscript sits a script space off the alpha,
    # as in matplotlib's own PDF of this title ("Wave α 2")
    assert re.search(r"Wave α ?2", tool("pdftotext", pdf, "-"))
    # the subset holds only the glyphs used: far smaller than DejaVu Sans (740 kB)
    assert pdf.stat().st_size < 40_000 and svg.stat().st_size < 60_000


def test_svg_fonttype_path_draws_glyph_outlines(plt, tmp_path):
    from lumos.plot.style import rcParams

    fig, ax = plt.subplots()
    ax.set_title("Outlined")
    old = rcParams["svg.fonttype"]
    try:
        rcParams["svg.fonttype"] = "path"
        svg = fig.savefig(tmp_path / "p.svg")
        with pytest.raises(ValueError, match="fonttype"):  # matplotlib's keys are checked
            rcParams["svg.fonttype"] = "type3"
    finally:
        rcParams["svg.fonttype"] = old
    t = tags(svg)
    assert "text" not in t and "@font-face" not in svg.read_text()
    uses = [el for el in ET.parse(svg).getroot().iter(SVG_NS + "use")]
    assert len(uses) >= len("Outlined")  # one use per glyph of every label
    assert not (tmp_path / "bad.svg").exists()


def test_svg_default_fonttype_is_the_io_default():
    from lumos.io.svg import FONTTYPE
    from lumos.plot.style import rcParams

    assert rcParams["svg.fonttype"] == FONTTYPE == "path"


def test_markers_are_defined_once_and_reused(plt, tmp_path):
    fig, ax = plt.subplots()
    ax.plot(np.arange(200.0), np.sin(np.arange(200.0)), "o", ms=4)
    svg = fig.savefig(tmp_path / "m.svg")
    pdf = fig.savefig(tmp_path / "m.pdf")
    root = ET.parse(svg).getroot()
    uses = [u for u in root.iter(SVG_NS + "use")
            if u.get("{http://www.w3.org/1999/xlink}href").startswith("#m")]
    assert len(uses) == 200
    assert len({u.get("{http://www.w3.org/1999/xlink}href") for u in uses}) == 1
    data = pdf.read_bytes()
    assert data.count(b"/Subtype /Form") == 1
    assert pdf_streams(pdf).count(b" Do Q") == 200


def test_many_marker_sizes_share_one_scaled_symbol(tmp_path):
    sizes = np.linspace(4, 30, 100)
    ms = P.MarkerSet(P.Path(np.array([[-0.5, -0.5], [0.5, -0.5], [0, 0.5]])),
                     np.c_[np.linspace(10, 190, 100), np.full(100, 50)], sizes,
                     [[1, 0, 0, 1]], [[0, 0, 0, 1]], 1.0, "triangle")
    svg = svg_document([ms], (200, 100))
    assert svg.count("<path id=") == 1 and svg.count("scale(") == 100
    pdf = pdf_document([ms], (200, 100))
    assert pdf.count(b"/Subtype /Form") == 1


def test_paths_are_clipped_to_their_axes(plt, tmp_path):
    fig, ax = plt.subplots()
    ax.plot([0, 10], [0, 10])
    ax.set_xlim(2, 5)
    svg = fig.savefig(tmp_path / "c.svg")
    pdf = fig.savefig(tmp_path / "c.pdf")
    root = ET.parse(svg).getroot()
    clips = list(root.iter(SVG_NS + "clipPath"))
    x0, y0, w, h = ax.view.rect
    rects = [c.find(SVG_NS + "rect") for c in clips]
    assert any(abs(float(r.get("x")) - x0) < 1 and abs(float(r.get("width")) - w) < 1
               for r in rects)
    assert re.search(rb"[\d.]+ [\d.]+ [\d.]+ [\d.]+ re W n", pdf_streams(pdf))


def test_hatches_gouraud_triangles_and_rasters_in_both_files():
    hatched = P.Path(np.array([[10, 10], [90, 10], [90, 60], [10, 60], [10, 10]]),
                     fill=(1, 1, 0, 1), hatch="//", hatch_color=(0, 0, 1, 1))
    tri = P.Triangles(np.array([[100, 10], [190, 10], [150, 90]]), [[0, 1, 2]],
                      [[1, 0, 0, 1], [0, 1, 0, 1], [0, 0, 1, 1]], per_vertex=True)
    img = P.Raster(np.full((2, 3, 4), 255, np.uint8), (10, 70, 30, 20))
    svg = svg_document([hatched, tri, img], (200, 100))
    assert "<pattern" in svg and "url(#h" in svg
    assert svg.count("<image") == 2  # the Gouraud triangle is drawn as an image in SVG
    pdf = pdf_document([hatched, tri, img], (200, 100))
    assert b"/PatternType 1" in pdf and b"/ShadingType 4" in pdf and b"/SMask" not in pdf
    for letters in ("-|", "xX", "oO.*", "//\\\\"):  # every matplotlib hatch letter
        shapes = P.Path(hatched.vertices, fill=(1, 1, 1, 1), hatch=letters)
        assert "<pattern" in svg_document([shapes], (200, 100))
        assert b"/PatternType 1" in pdf_document([shapes], (200, 100))
    with pytest.raises(ValueError, match="hatch"):
        svg_document([P.Path(hatched.vertices, hatch="q")], (200, 100))


def test_pdf_opens_cleanly_in_poppler(plt, tmp_path):
    fig, ax = plt.subplots()
    rgba = np.random.default_rng(0).random((8, 8, 4))
    rgba[..., 3] = 0.5
    ax.imshow(rgba)
    ax.scatter([1, 2], [3, 4], c=[0.2, 0.9], s=[20, 80])
    pdf = fig.savefig(tmp_path / "ok.pdf")
    info = tool("pdfinfo", pdf)  # errors go to stderr: tool() fails on any
    assert "Pages:           1" in info and "460.8 x 345.6 pts" in info  # 6.4 x 4.8 in
    assert b"/SMask" in pdf.read_bytes()  # the translucent image keeps its alpha


# -- savefig's keywords -------------------------------------------------------------------
def test_savefig_keywords_it_does_not_know_raise(plt, tmp_path):
    fig, ax = plt.subplots()
    with pytest.raises(TypeError, match="orientation"):
        fig.savefig(tmp_path / "x.pdf", orientation="landscape")
    with pytest.raises(TypeError, match="papertype"):
        fig.savefig(tmp_path / "x.svg", papertype="a4")
    with pytest.raises(TypeError, match="metadata"):
        fig.savefig(tmp_path / "x.rgba", metadata={"Title": "t"})
    with pytest.raises(ValueError, match="format"):
        fig.savefig(tmp_path / "x.pdf", format="tiff")
    with pytest.raises(ValueError, match="suffix"):
        fig.savefig(tmp_path / "x.jpeg")
    assert list(tmp_path.iterdir()) == []


def test_format_transparent_and_facecolor(plt, tmp_path):
    fig, ax = plt.subplots(figsize=(2, 2), dpi=50)
    ax.plot([0, 1], [0, 1])
    out = fig.savefig(tmp_path / "figure.out", format="svg")
    assert out.read_text().startswith("<?xml")
    fig.savefig(tmp_path / "t.svg", transparent=True)
    fills = re.findall(r'<path d="M0 0 L100 0 L100 100 L0 100 Z" style="([^"]*)"',
                       (tmp_path / "t.svg").read_text())
    assert fills == []  # no figure background
    svg = fig.savefig(tmp_path / "f.svg", facecolor="red").read_text()
    assert re.search(r'<path d="M0 0 L100 0 L100 100 L0 100 Z" style="fill:#ff0000', svg)
    png = fig.savefig(tmp_path / "t.png", transparent=True)
    from PIL import Image

    rgba = np.asarray(Image.open(png))
    assert rgba[0, 0, 3] == 0 and rgba[..., 3].max() > 200
    # the figure keeps its own colors afterwards
    assert fig.canvas.bgcolor == (1.0, 1.0, 1.0, 1.0)


def test_canvas_save_writes_svg_and_pdf(tmp_path):
    canvas = scene.Canvas(size=(120, 80), pixel_ratio=2)
    view = canvas.add_view()
    view.add(visuals.Line(np.c_[np.arange(4.0), [0, 1, 0, 1]], color="red", width=2))
    view.add(visuals.Text("hi", pos=(1.5, 0.5)))
    view.camera.set_range()
    try:
        svg = canvas.save(tmp_path / "c.svg")
        pdf = canvas.save(tmp_path / "c.pdf", dpi=300)
    finally:
        canvas.close()
    assert 'width="90pt" height="60pt"' in svg.read_text()  # a pixel is 0.75 pt
    assert "90 x 60 pts" in tool("pdfinfo", pdf)
    assert "hi" in tool("pdftotext", pdf, "-")


def test_dash_offsets_go_to_svg_and_pdf(plt, tmp_path):
    fig, ax = plt.subplots(figsize=(3, 2), dpi=72)
    (line,) = ax.plot([0, 1], [0, 0], lw=2, ls=(-0.5, (2, 2)))
    assert line.get_linestyle() == (-0.5, (2.0, 2.0))
    # 2 pt wide: the pattern 4 pt on, 4 off, started 7 pt into it (-1 pt, in 0..8)
    svg = fig.savefig(tmp_path / "d.svg").read_text()
    assert "stroke-dasharray:4,4;stroke-dashoffset:7" in svg
    assert b"[4 4] 7 d" in pdf_streams(fig.savefig(tmp_path / "d.pdf"))


# -- rasterized artists -----------------------------------------------------------------
def test_rasterized_artists_are_images_at_the_given_dpi(plt, tmp_path):
    fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
    (vec,) = ax.plot([0, 1], [0, 1], color="C0")
    (ras,) = ax.plot([0, 1], [1, 0], color="C1", rasterized=True)
    assert ras.get_rasterized() and not vec.get_rasterized()
    im = ax.imshow(np.eye(4), extent=(0, 1, 0, 1), rasterized=True)
    assert im.get_rasterized()
    svg = fig.savefig(tmp_path / "r.svg", dpi=200)
    root = ET.parse(svg).getroot()
    images = list(root.iter(SVG_NS + "image"))
    assert len(images) == 2
    strokes = [p.get("style") or "" for p in root.iter(SVG_NS + "path")]
    assert any("stroke:#1f77b4" in s for s in strokes)  # the vector line
    assert not any("stroke:#ff7f0e" in s for s in strokes)  # the rasterized one
    # dpi= sets the resolution of the rasterized parts: the line's image at 200 dpi
    line_img = [i for i in images if "pixelated" in i.get("style")]
    widths = []
    for dpi in (100, 200):
        pdf = fig.savefig(tmp_path / f"r{dpi}.pdf", dpi=dpi)
        widths.append(sorted(int(w) for w in re.findall(rb"/Subtype /Image /Width (\d+)",
                                                       pdf.read_bytes())))
    assert line_img and widths[1][-1] == pytest.approx(2 * widths[0][-1], abs=2)
    ras.set_rasterized(False)
    root = ET.parse(fig.savefig(tmp_path / "r2.svg")).getroot()
    assert len(list(root.iter(SVG_NS + "image"))) == 1  # only the image is left
    with pytest.raises(TypeError, match="rasterized"):
        ax.text(0.5, 0.5, "label", rasterized=True)
    with pytest.raises(TypeError, match="True or False"):
        vec.set_rasterized("yes")


# -- big data ---------------------------------------------------------------------------
@pytest.mark.browser
def test_ten_million_points_write_a_small_file_that_looks_the_same(plt, tmp_path):
    rng = np.random.default_rng(7)
    n = 10_000_000
    x = np.arange(n, dtype=float)
    y = np.cumsum(rng.normal(size=n))
    fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
    ax.plot(x, y, lw=1)
    from lumos.plot.snapping import exact_vertices

    with exact_vertices():  # spines and ticks where the vector files put them: unsnapped
        png = fig.savefig(tmp_path / "big.png")
    t0 = time.perf_counter()
    svg = fig.savefig(tmp_path / "big.svg")
    pdf = fig.savefig(tmp_path / "big.pdf")
    seconds = time.perf_counter() - t0
    from test_gallery import _png

    expected = _png(png)
    assert svg.stat().st_size < 200_000 and pdf.stat().st_size < 200_000, (
        svg.stat().st_size, pdf.stat().st_size, seconds)
    with browser.svg_browser(svg, expected.shape[1]) as b:
        from_svg = browser.rasterize_svg(b, svg, expected.shape[1])
    svg_mean, svg_bad = difference(from_svg, expected)
    pdf_mean, pdf_bad = difference(pdftoppm(pdf, 100), expected)
    assert svg_mean < TOLERANCE["svg path"][0] and svg_bad < TOLERANCE["svg path"][1], (
        svg_mean, svg_bad)
    assert pdf_mean < TOLERANCE["pdf"][0] and pdf_bad < TOLERANCE["pdf"][1], (
        pdf_mean, pdf_bad)


def test_the_same_figure_writes_the_same_bytes(plt, tmp_path, monkeypatch):
    from fontTools.ttLib.tables import _h_e_a_d

    from lumos.io import vector

    fig, ax = plt.subplots(figsize=(3, 2), dpi=72)
    ax.set_title("Same bytes")
    first = fig.savefig(tmp_path / "a.pdf").read_bytes()
    # the font subset made again at another time: fontTools stamps a saved font with
    # the time unless told to keep the original's
    vector._subset.cache_clear()
    monkeypatch.setattr(_h_e_a_d, "timestampNow", lambda: 4_000_000_000)
    assert fig.savefig(tmp_path / "b.pdf").read_bytes() == first


@pytest.mark.parametrize("hatch", ["/", "\\", "x", "\\\\"])
def test_hatch_tile_diagonals_cross_the_whole_tile(hatch):
    """Every diagonal of matplotlib's spacing (2/n of a tile along each axis) that crosses
    the tile is in it: '\\' lacked those below the main diagonal (y - x < 0), which left
    gaps in SVG and PDF hatches."""
    from lumos.io.vector import HATCH_DENSITY, hatch_tile

    (verts, _, filled, _), = hatch_tile(hatch, 1.0, 1.0)
    a, b = verts[0::2], verts[1::2]
    slope = (b[:, 1] - a[:, 1]) / (b[:, 0] - a[:, 0])
    n = HATCH_DENSITY * max(hatch.count("\\") + hatch.count("x"), hatch.count("/"))
    for sign, want in ((-1, np.arange(0, n + 1) * 2 / n), (1, np.arange(-n // 2, n // 2 + 1)
                                                           * 2 / n)):
        sel = np.isclose(slope, sign)
        if not sel.any():
            continue
        c = a[sel, 1] - sign * a[sel, 0]  # x + y (rising) or y - x (falling)
        assert all(np.isclose(c, w).any() for w in want if -1 <= w <= 2), hatch
