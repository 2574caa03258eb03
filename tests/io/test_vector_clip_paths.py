"""Clip paths in SVG and PDF: a polar sector's wedge and ``set_clip_path`` clip the data
as vectors (``<clipPath>`` of the outline, PDF ``W n``), as matplotlib's files do."""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

import browser  # noqa: E402
from test_gallery import _png  # noqa: E402
from test_vector_files import SVG_NS, pdf_streams  # noqa: E402
from test_vector_gallery import TOLERANCE, difference, pdftoppm  # noqa: E402

from lumos import primitives as P  # noqa: E402
from lumos.io.pdf import pdf_document  # noqa: E402
from lumos.io.svg import svg_document  # noqa: E402


@pytest.fixture
def plt():
    import lumos.pyplot as plt

    yield plt
    plt.close("all")


def _sector(plt, rorigin=None):
    fig = plt.figure(figsize=(4, 4), dpi=100)
    ax = fig.add_subplot(projection="polar")
    if rorigin is None:
        ax.set_thetamin(0)
        ax.set_thetamax(90)
    else:  # a ring sector: the wedge has an inner arc
        ax.set_thetalim(thetamin=-30, thetamax=200)
        ax.set_rorigin(rorigin)
    t = np.linspace(-0.5, 4.0, 80)  # reaches out of the wedge on both sides
    ax.plot(t, 1 + 0.5 * np.sin(3 * t), "o-", color="C0")
    ax.fill_between(t, 0.3, 0.8, color="C1", alpha=0.4)
    ax.scatter(t[::6], np.full(len(t[::6]), 1.2), s=80, color="red")
    ax.set_rmax(1.1)  # the red dots are beyond the arc, in the axes' box: clipped away
    return fig, ax


def _clip_paths(root) -> dict[str, ET.Element]:
    """clipPath id -> its <path> (clip paths that are not rectangles)."""
    return {c.get("id"): c.find(SVG_NS + "path") for c in root.iter(SVG_NS + "clipPath")
            if c.find(SVG_NS + "path") is not None}


def _clipped_by(root, ids) -> list[ET.Element]:
    """The elements drawn inside a group clipped by one of ``ids``."""
    out = []
    for g in root.iter(SVG_NS + "g"):
        m = re.fullmatch(r"url\(#(\w+)\)", g.get("clip-path") or "")
        if m and m.group(1) in ids:
            out += list(g.iter())[1:]
    return out


@pytest.mark.parametrize("rorigin", [None, -1.0], ids=["quarter", "ring"])
def test_polar_sector_data_are_clipped_vectors(plt, tmp_path, rorigin):
    fig, ax = _sector(plt, rorigin)
    svg = fig.savefig(tmp_path / "s.svg")
    root = ET.parse(svg).getroot()
    assert not list(root.iter(SVG_NS + "image"))  # no picture of the clipped data
    clips = _clip_paths(root)
    assert len(clips) == 1  # one wedge, defined once, shared by every clipped artist
    inside = _clipped_by(root, clips)
    styles = " ".join(el.get("style") or "" for el in inside)
    # the line (C0), the markers, the fill (C1) and the scatter (red) are vectors in it
    assert "stroke:#1f77b4" in styles and "fill:#ff7f0e" in styles and "fill:#ff0000" in styles
    assert sum(el.tag == SVG_NS + "use" for el in inside) >= 20  # markers in the view
    # the clip path is the wedge: the quarter's points are the pole (its bottom-left
    # corner) and points on an arc about it, reaching the axes' edges
    d = clips.popitem()[1].get("d")
    pts = np.array([float(v) for v in re.findall(r"-?[\d.]+", d)]).reshape(-1, 2)
    if rorigin is None:
        x, y, w, h = ax.view.rect
        pole = (pts[:, 0].min(), pts[:, 1].max())
        r = np.hypot(*(pts - pole).T)
        radius = r.max()
        assert ((r < 0.01) | (abs(r - radius) < 0.05)).all()
        assert radius > 0.9 * min(w, h) and pole[0] >= x - 1 and pole[1] <= y + h + 1

    pdf = fig.savefig(tmp_path / "s.pdf")
    data = pdf.read_bytes()
    assert b"/Subtype /Image" not in data
    streams = pdf_streams(pdf)
    # the axes' rectangle, then the wedge's outline, each W n
    assert re.search(rb"re W n\n(?:[-\d.]+ [-\d.]+ [ml]\n)+h\nW n", streams)


@pytest.mark.browser
def test_polar_sector_files_look_like_the_png(plt, tmp_path):
    fig, _ = _sector(plt)
    png = _png(fig.savefig(tmp_path / "s.png"))
    svg = fig.savefig(tmp_path / "s.svg")
    pdf = fig.savefig(tmp_path / "s.pdf")
    results = {"pdf": pdftoppm(pdf, 100)}
    with browser.svg_browser(svg, png.shape[1]) as b:
        results["svg path"] = browser.rasterize_svg(b, svg, png.shape[1])
    for name, picture in results.items():
        mean, bad = difference(picture, png)
        assert mean < TOLERANCE[name][0] and bad < TOLERANCE[name][1], (name, mean, bad)
        # nothing beyond the wedge: the red dots, in the axes' box beyond the arc
        rgb = picture[..., :3].astype(int)
        red = (rgb[..., 0] > 200) & (rgb[..., 1] < 90) & (rgb[..., 2] < 90)
        assert red.sum() == 0, name


def test_set_clip_path_keeps_the_image_an_image_inside_a_vector_clip(plt, tmp_path):
    from lumos.patches import Circle

    fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
    im = ax.imshow(np.arange(100.0).reshape(10, 10))
    circle = Circle((4.5, 4.5), 4, transform=ax.transData)
    im.set_clip_path(circle)
    (line,) = ax.plot(np.arange(10), np.arange(10), lw=3, color="C3")
    line.set_clip_path(circle)
    root = ET.parse(fig.savefig(tmp_path / "c.svg")).getroot()
    clips = _clip_paths(root)
    inside = _clipped_by(root, clips)
    # the image (matplotlib's too) and the line, both inside the circle's clip path
    assert [el.tag for el in inside].count(SVG_NS + "image") == 1
    assert any("stroke:#d62728" in (el.get("style") or "") for el in inside)
    assert len(list(root.iter(SVG_NS + "image"))) == 1


def test_clip_regions_intersect_and_rings_unite():
    square = np.array([[10, 10], [90, 10], [90, 90], [10, 90]], float)
    # two rings turned opposite ways: one nonzero fill must still paint both
    a, b = square[:, :] * 0.5, (square * 0.5 + 40)[::-1]
    clip = P.Clip((0, 0, 100, 100), ((a, b),)).within([square])
    assert len(clip.regions) == 2
    area = [float(np.dot(r[:, 0], np.roll(r[:, 1], -1)) - np.dot(np.roll(r[:, 0], -1), r[:, 1]))
            for r in clip.regions[1]]
    assert np.sign(area[0]) == np.sign(area[1])
    dot = P.Path(np.array([[20, 20], [30, 20], [30, 30]]), fill=(1, 0, 0, 1), clip=clip)
    twin = P.Path(dot.vertices + 5, fill=(0, 0, 1, 1), clip=P.Clip(clip.rect, clip.regions))
    svg = svg_document([dot, twin], (100, 100))
    # the rectangle and two paths, nested (they intersect), opened once for both paths
    assert svg.count("<clipPath") == 3 and svg.count('<g clip-path=') == 3
    assert svg.count("</g>") == 3
    pdf = pdf_document([dot, twin], (100, 100))
    import zlib

    body = b"".join(zlib.decompress(s) for s in re.findall(
        rb"/FlateDecode /Length \d+ >>\nstream\n(.*?)\nendstream", pdf, re.S))
    assert body.count(b"W n") == 3 and body.count(b"re W n") == 1
    # a clip path with nothing inside hides what it clips, in both files
    empty = P.Path(dot.vertices, fill=(1, 0, 0, 1), clip=P.Clip(None, ((),)))
    assert '<path d=""/>' in svg_document([empty], (100, 100))
    assert b"0 0 0 0 re W n" in zlib.decompress(re.search(
        rb"stream\n(.*?)\nendstream", pdf_document([empty], (100, 100)), re.S).group(1))
    with pytest.raises(ValueError, match="rings"):
        P.Clip(None, (([1, 2, 3],),))
