"""PostScript and EPS files: read back by ghostscript, they look like the PNG.

Each file is rasterized by ghostscript at the figure's dpi (EPS cropped to its
BoundingBox, PS on its paper) and compared with lumos's PNG of the same figure, drawn
with unhinted text as vector files lay it out (as tests/io/test_vector_gallery.py does
for SVG and PDF): mean absolute difference per RGB channel (0..255) and the fraction of
pixels with a channel off by more than 32. ghostscript snaps thin strokes to whole
pixels and draws Gouraud shadings without antialiasing, hence PDF-like tolerances.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pytest

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from test_gallery import GALLERY, _png, _run  # noqa: E402
from test_vector_gallery import difference  # noqa: E402

# (mean, bad fraction) allowed; measured on these scripts: <= 3.04 / 0.050 (tri: its
# Gouraud shading is not antialiased by ghostscript)
TOLERANCE = (4.0, 0.065)
# gallery scripts that draw nothing translucent (PostScript has no transparency; the
# others are drawn opaque, as matplotlib draws them, and warn)
OPAQUE_SCRIPTS = ("animation_events", "annotations", "contours", "dates", "fields", "image",
                  "log_scales", "spectral", "subplots", "text_math", "ticks_and_scales", "tri",
                  "twin_axes")


@pytest.fixture
def plt():
    import lumos.pyplot as plt

    yield plt
    plt.close("all")


def ghostscript(path: Path, dpi: float, paper: str | None = None) -> np.ndarray:
    """A PostScript file rasterized by ghostscript: an EPS cropped to its bounding box,
    a PS file on ``paper``. Fails (never skips) without ghostscript, and on any message
    it prints (a PostScript error)."""
    exe = shutil.which("gs")
    assert exe, "gs is needed (Debian package ghostscript; `make test` installs it)"
    out = path.with_name(path.stem + "_gs.png")
    args = [exe, "-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=png16m", f"-r{dpi:g}",
            "-dTextAlphaBits=4", "-dGraphicsAlphaBits=4", f"-sOutputFile={out}"]
    args += ["-dEPSCrop"] if paper is None else [f"-sPAPERSIZE={paper}", "-dFIXEDMEDIA"]
    r = subprocess.run([*args, str(path)], capture_output=True, timeout=120)
    assert r.returncode == 0 and not r.stdout and not r.stderr, (r.stdout + r.stderr).decode()
    return _png(out)


def text_of(path: Path) -> str:
    """The text ghostscript reads out of a PostScript file (by its glyph names)."""
    r = subprocess.run([shutil.which("gs") or "gs", "-q", "-dSAFER", "-dBATCH", "-dNOPAUSE",
                        "-sDEVICE=txtwrite", "-sOutputFile=-", str(path)],
                       capture_output=True, timeout=120, check=True)
    return r.stdout.decode("utf-8")


def eps_like_png(fig, tmp_path: Path, name: str = "x", **savefig) -> tuple[np.ndarray, np.ndarray]:
    """``fig`` as ghostscript draws its EPS and as its PNG (unhinted text), cropped
    alike: an EPS's bounding box is whole points, so its picture may reach a pixel
    further up and right."""
    import lumos.pyplot as plt
    from lumos.plot.snapping import exact_vertices

    # the PNG of the vector geometry: PostScript snaps nothing, as matplotlib's ps backend
    with plt.rc_context({"text.hinting": "no_hinting"}), exact_vertices():
        fig.savefig(tmp_path / f"{name}.png", **savefig)
    fig.savefig(tmp_path / f"{name}.eps", **savefig)
    expected = _png(tmp_path / f"{name}.png")
    picture = ghostscript(tmp_path / f"{name}.eps", fig.dpi)
    h, w = expected.shape[:2]
    assert picture.shape[0] - h in (0, 1) and picture.shape[1] - w in (0, 1), \
        (picture.shape, expected.shape)
    return picture[picture.shape[0] - h:, :w], expected


# -- the gallery ------------------------------------------------------------------------
@pytest.mark.parametrize("stem", OPAQUE_SCRIPTS)
def test_gallery_eps_looks_like_png(stem, tmp_path):
    import lumos.pyplot as plt
    from lumos.plot.snapping import exact_vertices

    script = GALLERY / f"{stem}.py"
    png, eps = tmp_path / f"{stem}.png", tmp_path / f"{stem}.eps"
    try:
        with plt.rc_context({"text.hinting": "no_hinting"}), exact_vertices():
            _run(script, png)
        dpi = plt.gcf().dpi
        plt.close("all")
        with warnings.catch_warnings():
            warnings.filterwarnings("error", "PostScript has no transparency")
            _run(script, eps)
    finally:
        plt.close("all")
    expected = _png(png)
    picture = ghostscript(eps, dpi)
    h, w = expected.shape[:2]
    mean, bad = difference(picture[picture.shape[0] - h:, :w], expected)
    assert mean <= TOLERANCE[0] and bad <= TOLERANCE[1], (mean, bad)


# -- drawing ----------------------------------------------------------------------------
def test_dashes_caps_joins_hatches_and_markers(plt, tmp_path):
    fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
    x = np.linspace(0, 4, 9)
    ax.plot(x, np.sin(x), "--", lw=3, dash_capstyle="round")
    ax.plot(x, np.cos(x), "-.", lw=2)
    ax.plot([0, 1, 2], [-1.5, 0.5, -1.5], lw=8, solid_joinstyle="miter", color="k")
    ax.plot([2.5, 3, 3.5], [-1.5, 0.5, -1.5], lw=8, solid_joinstyle="bevel",
            solid_capstyle="projecting", color="C3")
    ax.bar([0.5, 1.5, 3], [0.8, 1.2, 1.0], width=0.6, hatch="/", color="none",
           edgecolor="C2")
    ax.bar([4], [1.4], width=0.5, hatch="xo", color="C4", edgecolor="k")
    ax.plot(x, np.sin(x) - 1, "o", mfc="none", ms=10, mew=2)
    ax.scatter(x, np.cos(x) + 0.5, c=x, s=np.linspace(20, 120, 9), marker="s")
    picture, expected = eps_like_png(fig, tmp_path)
    mean, bad = difference(picture, expected)
    assert mean <= TOLERANCE[0] and bad <= TOLERANCE[1], (mean, bad)
    eps = (tmp_path / "x.eps").read_text("ascii")
    assert "makepattern" in eps and "setdash" in eps and " 1 J" in eps and " 2 j" in eps
    # as much hatch ink as in the PNG, where a hatch is all there is (ghostscript paints
    # pattern tiles unsmoothed: 1.28 times the PNG's ink; matplotlib's EPS 1.66)
    fig, ax = plt.subplots(figsize=(2, 2), dpi=100)
    ax.bar([0], [1], width=1, hatch="/", color="none", edgecolor="C2")
    ax.set_axis_off()
    picture, expected = eps_like_png(fig, tmp_path, "hatch")

    def ink(rgba):
        return float((765 - rgba[..., :3].astype(int).sum(axis=2)).sum() / 765)

    assert ink(expected) > 1000 and 0.9 < ink(picture) / ink(expected) < 1.4


def test_clip_paths_images_and_gouraud(plt, tmp_path):
    fig, axs = plt.subplots(1, 3, figsize=(6, 2.2), dpi=100)
    img = axs[0].imshow(np.arange(64.0).reshape(8, 8), interpolation="nearest")
    img.set_clip_path(plt.Circle((3.5, 3.5), 3.5, transform=axs[0].transData))
    data = np.arange(36.0).reshape(6, 6)
    data[2:4, 1:5] = np.nan
    axs[1].set_facecolor("yellow")
    axs[1].imshow(data)
    axs[2].tripcolor([0, 1, 0, 1, 0.5], [0, 0, 1, 1, 0.5], [[0, 1, 4], [1, 3, 4], [3, 2, 4],
                                                            [2, 0, 4]], [0, 1, 2, 3, 1.5],
                     shading="gouraud")
    picture, expected = eps_like_png(fig, tmp_path)
    mean, bad = difference(picture, expected)
    assert mean <= TOLERANCE[0] and bad <= TOLERANCE[1], (mean, bad)
    # the NaN cells are masked out of the image: the axes' yellow shows through them,
    # where matplotlib's PostScript paints what color the transparent pixels hold
    def yellow(rgba):
        return int(np.all(np.abs(rgba[..., :3].astype(int) - (255, 255, 0)) < 8, axis=2).sum())

    assert yellow(expected) > 1000 and yellow(picture) > 0.95 * yellow(expected)
    eps = (tmp_path / "x.eps").read_text("ascii")
    assert "shfill" in eps and "/ImageType 3" in eps


@pytest.mark.parametrize("fonttype", [3, 42])
def test_text_in_either_font_type_reads_back(plt, tmp_path, fonttype):
    with plt.rc_context({"ps.fonttype": fonttype}):
        fig, ax = plt.subplots(figsize=(4, 2.5), dpi=100)
        ax.set_title(r"Tïtle (x) \ é ∑ $\alpha^2$")
        ax.set_xlabel("rotated?", rotation=20)
        ax.text(0.2, 0.5, "two\nlines", fontsize=14, color="C1")
        picture, expected = eps_like_png(fig, tmp_path)
    mean, bad = difference(picture, expected)
    assert mean <= TOLERANCE[0] and bad <= TOLERANCE[1], (mean, bad)
    eps = (tmp_path / "x.eps").read_text("ascii")
    assert f"/FontType {fonttype} def" in eps
    assert ("/sfnts [" in eps) == (fonttype == 42)
    text = text_of(tmp_path / "x.eps")
    assert "Tïtle (x) \\ é ∑" in text and "two" in text and "lines" in text


def test_sfnt_pieces_cut_at_tables_and_glyphs():
    """Type 42 strings hold at most 65534 bytes and start where a table or a glyph does."""
    from fontTools.ttLib import TTFont

    from lumos.io.ps import _sfnt_pieces
    from lumos.visuals.fonts import get_font

    data = get_font().path.read_bytes()
    pieces = _sfnt_pieces(data)
    assert len(data) > 65534 and len(pieces) > 1
    assert pieces[0][0] == 0 and pieces[-1][1] == len(data)
    assert all(b == c for (_, b), (c, _) in zip(pieces, pieces[1:], strict=False))
    tt = TTFont(io.BytesIO(data))
    count = int.from_bytes(data[4:6], "big")
    tables = {int.from_bytes(data[12 + 16 * i + 8:12 + 16 * i + 12], "big")
              for i in range(count)}
    glyf = next(int.from_bytes(data[12 + 16 * i + 8:12 + 16 * i + 12], "big")
                for i in range(count) if data[12 + 16 * i:12 + 16 * i + 4] == b"glyf")
    starts = {0} | tables | {glyf + o for o in tt["loca"].locations}
    for a, b in pieces:
        assert a in starts
        assert b - a <= 65534 or not [s for s in starts if a < s < b]  # a table too long


@pytest.mark.parametrize("size", [0, 1, 2, 3, 4, 5, 9, 100_000])
def test_ascii85_round_trips(size):
    import base64
    import zlib

    from lumos.io.ps import _ascii85

    data = np.random.default_rng(size).integers(0, 256, size, dtype=np.uint8).tobytes()
    data = data[: size // 2] + bytes(size - size // 2)  # noise, then zeros
    text = _ascii85(data)
    assert text.endswith("~>") and all(line.startswith(" ") for line in text.splitlines())
    assert zlib.decompress(base64.a85decode("<~" + "".join(text.split()), adobe=True)) == data


def test_translucent_paint_is_opaque_with_a_warning(plt, tmp_path):
    """As matplotlib's PostScript: alpha dropped, one warning; alpha 0 not drawn."""
    fig, ax = plt.subplots(figsize=(3, 2), dpi=100)
    ax.fill_between([0, 1], [0, 0], [1, 1], color="C0", alpha=0.3)
    ax.fill_between([1, 2], [0, 0], [1, 1], color="C3", alpha=0.0)
    ax.set_xlim(0, 2)
    with pytest.warns(UserWarning, match="PostScript has no transparency") as record:
        fig.savefig(tmp_path / "x.eps")
    assert len(record) == 1
    picture = ghostscript(tmp_path / "x.eps", fig.dpi)
    h, w = picture.shape[:2]
    left, right = picture[h // 2, w // 3, :3], picture[h // 2, 2 * w // 3, :3]
    assert np.abs(left.astype(int) - (31, 119, 180)).max() <= 2  # C0, opaque
    assert (right == 255).all()  # nothing drawn
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig2, ax2 = plt.subplots()
        ax2.plot([0, 1], "o", mfc="none")  # transparent faces: nothing to warn about
        fig2.savefig(tmp_path / "y.eps")


# -- the page ---------------------------------------------------------------------------
def _header(path: Path) -> dict:
    head = path.read_bytes().split(b"%%EndComments")[0].decode("ascii")
    return {line.split(":")[0]: line.partition(": ")[2] for line in head.splitlines()}


def test_eps_bounding_box_is_the_figure_or_the_tight_box(plt, tmp_path):
    fig, ax = plt.subplots(figsize=(3.3, 2.1), dpi=100)
    ax.plot([0, 1], [0, 1])
    fig.savefig(tmp_path / "x.eps")
    head = _header(tmp_path / "x.eps")
    assert head["%%BoundingBox"] == "0 0 238 152"  # 237.6 x 151.2 points
    assert head["%%HiResBoundingBox"] == "0.000000 0.000000 237.600000 151.200000"
    assert "%%DocumentPaperSizes" not in head and "%%Pages" not in head
    picture, expected = eps_like_png(fig, tmp_path, "tight", bbox_inches="tight")
    tight = [float(v) for v in _header(tmp_path / "tight.eps")["%%HiResBoundingBox"].split()]
    assert tight[2] * 100 / 72 == pytest.approx(expected.shape[1], abs=1)
    assert tight[3] * 100 / 72 == pytest.approx(expected.shape[0], abs=1)
    mean, bad = difference(picture, expected)
    assert mean <= TOLERANCE[0] and bad <= TOLERANCE[1], (mean, bad)


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_ps_centres_the_figure_on_its_paper(plt, tmp_path, orientation):
    fig, ax = plt.subplots(figsize=(4, 3), dpi=72)
    ax.plot([0, 1], [0, 1], lw=3)
    ax.set_title("up")
    from lumos.plot.snapping import exact_vertices

    with plt.rc_context({"text.hinting": "no_hinting"}), exact_vertices():
        fig.savefig(tmp_path / "x.png")
    fig.savefig(tmp_path / "x.ps", papertype="A4", orientation=orientation)
    head = _header(tmp_path / "x.ps")
    assert head["%%DocumentPaperSizes"] == "a4" and head["%%Pages"] == "1"
    assert head["%%Orientation"] == orientation.capitalize()
    paper = (595.44, 841.68)  # 8.27 x 11.69 in
    box = [float(v) for v in head["%%HiResBoundingBox"].split()]
    size = (288, 216) if orientation == "portrait" else (216, 288)
    assert box == pytest.approx([(paper[0] - size[0]) / 2, (paper[1] - size[1]) / 2,
                                 (paper[0] + size[0]) / 2, (paper[1] + size[1]) / 2])
    page = ghostscript(tmp_path / "x.ps", 72, paper="a4")
    assert page.shape[:2] == (842, 595)
    x0, y0 = round(box[0]), round(page.shape[0] - box[3])  # the top-left corner, y down
    picture = page[y0:y0 + size[1], x0:x0 + size[0]]
    expected = _png(tmp_path / "x.png")
    if orientation == "landscape":  # turned a quarter counter-clockwise, as matplotlib's
        expected = np.rot90(expected)
    mean, bad = difference(picture, expected)
    assert mean <= TOLERANCE[0] and bad <= TOLERANCE[1], (mean, bad)


def test_eps_landscape_swaps_the_bounding_box(plt, tmp_path):
    fig, ax = plt.subplots(figsize=(4, 3), dpi=72)
    fig.savefig(tmp_path / "x.eps", orientation="landscape", papertype="letter")
    assert _header(tmp_path / "x.eps")["%%BoundingBox"] == "0 0 216 288"
    assert ghostscript(tmp_path / "x.eps", 72).shape[:2] == (288, 216)


def test_papersize_rc_and_figure_paper(plt, tmp_path):
    fig, ax = plt.subplots(figsize=(4, 3), dpi=72)
    with plt.rc_context({"ps.papersize": "legal"}):
        fig.savefig(tmp_path / "x.ps")
    assert _header(tmp_path / "x.ps")["%%DocumentPaperSizes"] == "legal"
    fig.savefig(tmp_path / "y.ps", papertype="figure")
    head = _header(tmp_path / "y.ps")
    assert "%%DocumentPaperSizes" not in head and head["%%BoundingBox"] == "0 0 288 216"


# -- user text, files, bad input --------------------------------------------------------
def test_user_text_cannot_break_out(plt, tmp_path):
    """Parentheses, backslashes, newlines and non-ASCII in labels and metadata: labels
    are glyph names, metadata a UTF-16 hex string and a comment of printable ASCII."""
    fig, ax = plt.subplots(figsize=(3, 2), dpi=100)
    evil = ") showpage (\\) \n%%EOF\n%!PS é ∑"
    ax.set_title(evil)
    fig.savefig(tmp_path / "x.eps", metadata={"Title": evil, "Author": "(A) \\ B"})
    data = (tmp_path / "x.eps").read_bytes()
    data.decode("ascii")  # PostScript files are plain ASCII
    head = _header(tmp_path / "x.eps")
    assert head["%%Title"] == ") showpage (\\) ?%%EOF?%!PS ? ?"
    lines = data.splitlines()
    assert lines.count(b"%%EOF") == 1 and lines.count(b"showpage") == 1
    assert not [x for x in lines if b"showpage" in x and not x.startswith(b"%%Title")
                and x != b"showpage"]
    assert b"(A)" not in data and b"pdfmark" not in data  # an EPS keeps its host's info
    ghostscript(tmp_path / "x.eps", 100)  # no PostScript error
    text = text_of(tmp_path / "x.eps")
    assert ") showpage (\\)" in text and "%!PS é ∑" in text
    # a PS file's metadata, distilled, is the PDF's document information
    fig.savefig(tmp_path / "x.ps", metadata={"Title": evil, "Author": "(A) \\ B"})
    assert b"/Author <FEFF0028004100290020005C00200042>" in (tmp_path / "x.ps").read_bytes()
    subprocess.run([shutil.which("gs") or "gs", "-q", "-dSAFER", "-dBATCH", "-dNOPAUSE",
                    "-sDEVICE=pdfwrite", f"-sOutputFile={tmp_path / 'x.pdf'}",
                    str(tmp_path / "x.ps")], check=True, capture_output=True, timeout=120)
    info = subprocess.run([shutil.which("pdfinfo") or "pdfinfo", str(tmp_path / "x.pdf")],
                          check=True, capture_output=True, timeout=60).stdout.decode("utf-8")
    assert "Author:          (A) \\ B" in info and "Creator:         lumos" in info
    assert ") showpage (\\) " in info and "%!PS é ∑" in info


def test_format_file_objects_and_atomic_writes(plt, tmp_path):
    fig, ax = plt.subplots(figsize=(2, 2), dpi=50)
    ax.plot([0, 1])
    assert fig.savefig(tmp_path / "x.pdf", format="eps") == tmp_path / "x.pdf"
    assert (tmp_path / "x.pdf").read_bytes().startswith(b"%!PS-Adobe-3.0 EPSF-3.0\n")
    buf = io.BytesIO()
    fig.savefig(buf, format="ps")
    assert buf.getvalue().startswith(b"%!PS-Adobe-3.0\n")
    text = io.StringIO()  # matplotlib writes PostScript into text files too
    fig.savefig(text, format="eps")
    assert text.getvalue().startswith("%!PS-Adobe-3.0 EPSF-3.0\n")
    fig.savefig(buf := io.BytesIO(), format="eps", metadata={"Creator": None})
    assert b"%%Creator" not in buf.getvalue()  # None leaves a key out, as in a PDF
    (tmp_path / "old.eps").write_bytes(b"old")
    with pytest.raises(ValueError, match="papertype"):
        fig.savefig(tmp_path / "old.eps", papertype="a11")
    assert (tmp_path / "old.eps").read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.eps", "x.pdf"]


def test_bad_options_are_named(plt, tmp_path):
    fig, ax = plt.subplots()
    with pytest.raises(ValueError, match="papertype: got 'a11'"):
        fig.savefig(tmp_path / "x.ps", papertype="a11")
    with pytest.raises(TypeError, match="papertype: got int"):
        fig.savefig(tmp_path / "x.ps", papertype=4)
    with pytest.raises(ValueError, match="orientation: got 'sideways'"):
        fig.savefig(tmp_path / "x.eps", orientation="sideways")
    with pytest.raises(TypeError, match=r"unexpected keyword arguments \['bogus'\]"):
        fig.savefig(tmp_path / "x.eps", bogus=1)
    with pytest.raises(TypeError, match="orientation"):  # a PostScript keyword elsewhere
        fig.savefig(tmp_path / "x.pdf", orientation="landscape")
    with pytest.raises(TypeError, match=r"metadata: got keys \['Producer'\]"):
        fig.savefig(tmp_path / "x.eps", metadata={"Producer": "me"})
    for bad in (1, 3.5, "type3", None):
        with plt.rc_context({"ps.fonttype": bad}), \
                pytest.raises(ValueError, match=r"rcParams\['ps.fonttype'\]"):
            fig.savefig(tmp_path / "x.eps")
    assert list(tmp_path.iterdir()) == []
