"""User text in SVG and PDF files: escaped, inert, and read back whole."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

sys.path[:0] = [str(Path(__file__).resolve().parents[1])]

import browser  # noqa: E402

# markup, entities, CDATA end, quotes, a control character, characters beyond the BMP
# that the font has (U+1F600) and lacks (U+1D400, drawn as the .notdef box)
EVIL = ("</text><script>window.__pwned = 1</script>"
        "<img src=x onerror=\"window.__pwned = 2\"> & ]]> \"dq\" 'sq' \x07bell "
        "\U0001d400 \U0001f600")
READ = EVIL.replace("\x07", "")  # control characters take no space and are dropped
TICK = "<b>&amp;]]>'\U0001d400"  # short: long tick labels that overlap are left out


def evil_figure():
    import lumos.pyplot as plt

    fig, ax = plt.subplots(figsize=(12, 5), dpi=100)  # wide: every label fits
    ax.plot([0, 1, 2], [0, 1, 0], label="legend " + EVIL)
    ax.set_title("title " + EVIL)
    ax.set_xlabel("xlabel " + EVIL)
    ax.set_ylabel("y " + EVIL)
    ax.set_xticks([0, 1, 2])
    ax.set_xticklabels(["tick", TICK, "z"])
    ax.legend()
    return fig


@pytest.fixture
def files(tmp_path):
    """The evil figure as SVG with real text (svg.fonttype "none"), as SVG of glyph
    outlines (the default "path") and as PDF."""
    import lumos.pyplot as plt
    from lumos.plot.style import rcParams

    old = rcParams["svg.fonttype"]
    try:
        fig = evil_figure()
        meta = {"Title": "meta " + EVIL}
        rcParams["svg.fonttype"] = "none"
        svg = fig.savefig(tmp_path / "evil.svg", metadata=meta)
        rcParams["svg.fonttype"] = "path"
        outlines = fig.savefig(tmp_path / "evil_path.svg", metadata=meta)
        pdf = fig.savefig(tmp_path / "evil.pdf", metadata=meta)
    finally:
        rcParams["svg.fonttype"] = old
        plt.close("all")
    return svg, pdf, outlines


@pytest.mark.parametrize("which", [0, 2], ids=["text", "outlines"])
def test_svg_is_well_formed_and_has_no_active_content(files, which):
    svg = files[which]
    text = svg.read_text(encoding="utf-8")
    root = ET.fromstring(text.encode("utf-8"))  # well-formed XML despite the labels
    tags = {el.tag.split("}")[-1] for el in root.iter()}
    assert "script" not in tags and "img" not in tags and "foreignObject" not in tags
    for el in root.iter():
        assert not any(k.lower().startswith("on") for k in el.attrib), el.attrib
    assert "<script" not in text and "]]>" not in text
    # in the file's title XML cannot hold the control character: U+FFFD stands for it
    assert root.find("{http://www.w3.org/2000/svg}title").text == "meta " + EVIL.replace(
        "\x07", "\ufffd")
    if which == 2:
        assert not list(root.iter("{http://www.w3.org/2000/svg}text"))  # outlines only
        return
    # the labels are there as text, characters intact
    content = "".join(t for el in root.iter() if el.tag.endswith("text")
                      for t in el.itertext())
    for label in ("title ", "xlabel ", "legend "):
        assert label + READ in content
    assert TICK in content


@pytest.mark.browser
def test_svg_in_chromium_runs_nothing_and_reads_back(files):
    svg = files[0]
    with browser.svg_browser(svg, 1200) as b:
        b.load(svg)
        assert b.evaluate("window.__pwned === undefined")
        assert b.evaluate("document.querySelectorAll('script, img').length") == 0
        content = b.evaluate("Array.from(document.querySelectorAll('text'))"
                             ".map(t => t.textContent).join('\\n')")
        b.load(files[2])  # the glyph outlines: nothing runs either
        assert b.evaluate("window.__pwned === undefined")
        b.check_errors()
    for label in ("title ", "xlabel ", "legend ", "y "):
        assert label + READ in content
    assert TICK in content


def test_pdf_text_reads_back(files):
    pdf = files[1]
    data = pdf.read_bytes()
    assert b"<script" not in data and b"window.__pwned" not in data  # all hex encoded
    out = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True,
                         check=True, timeout=60).stdout.decode("utf-8")
    flat = re.sub(r"\s+", " ", out)
    for label in ("title ", "xlabel ", "legend "):
        assert re.sub(r"\s+", " ", label + READ) in flat, (label, flat)
    assert TICK in flat
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, check=True,
                          timeout=60).stdout.decode("utf-8")
    assert "meta </text><script>" in info


def test_unwritable_path_raises_the_os_error_and_leaves_nothing(tmp_path):
    import lumos.pyplot as plt

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    try:
        fig, ax = plt.subplots()
        ax.plot([0, 1], [1, 0])
        for suffix in ("svg", "pdf"):
            with pytest.raises(NotADirectoryError):
                fig.savefig(blocker / f"x.{suffix}")
            with pytest.raises(FileNotFoundError):
                fig.savefig(tmp_path / "missing" / f"x.{suffix}")
        # a failing save leaves an earlier file as it was and no temporary file
        target = tmp_path / "keep.pdf"
        target.write_bytes(b"earlier")
        with pytest.raises(ValueError, match="metadata"):
            fig.savefig(target, metadata={"": "no key"})
        assert target.read_bytes() == b"earlier"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "keep.pdf"]
    finally:
        plt.close("all")
