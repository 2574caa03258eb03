"""The standalone HTML export: self-contained, no network, user text escaped."""

from __future__ import annotations

import base64
import json
import re
import sys
import zlib
from pathlib import Path

import numpy as np
import pytest

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]

import browser  # noqa: E402
from scenes import COLOR_FS, interaction_frame, mesh_frame  # noqa: E402

from lumos.io.html import frame_to_html, pack_frame, save_html, unpack_payload  # noqa: E402

EVIL = "</title><script>window.__pwned = 1</script><!-- & \"quotes\" 'single'"


def script_bodies(page: str) -> list[str]:
    return re.findall(r"<script[^>]*>(.*?)</script>", page, flags=re.S)


def test_no_network_references():
    page = frame_to_html(mesh_frame())
    assert not re.search(r"(?i)\b(https?|wss?|ftp)://", page)
    assert not re.search(r"(?i)(src|href)\s*=\s*[\"'](?!data:)", page)
    for word in ("fetch(", "XMLHttpRequest", "WebSocket", "import(", "@import", "url("):
        assert word not in page
    # A Content-Security-Policy forbids requests even if some code tried one.
    assert "default-src 'none'" in page


def test_title_is_escaped():
    page = frame_to_html(mesh_frame(), title=EVIL)
    assert "<script>window.__pwned" not in page
    assert "<title>&lt;/title&gt;&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page
    # Exactly the page's own four script elements; none came from the title or frame.
    assert len(re.findall(r"(?i)<script", page)) == 4
    assert len(re.findall(r"(?i)</script", page)) == 4


def test_frame_data_cannot_end_its_script_tag():
    frame = mesh_frame()
    assert "</script>" in COLOR_FS  # the scene's shader carries one in a comment
    page = frame_to_html(frame)
    bodies = script_bodies(page)
    options = json.loads(bodies[0])
    assert options == {"title": "lumos"}
    assert re.fullmatch(r"[A-Za-z0-9+/=]+", bodies[1])  # base64: no "<", ">" or "&"
    desc, blob = unpack_payload(base64.b64decode(bodies[1]))
    expected, expected_blob = frame.to_json()
    assert desc == json.loads(json.dumps(expected)) and blob == expected_blob
    assert "</script>" in desc["programs"][next(iter(desc["programs"]))]["fragment"]


def test_payload_is_deflated_and_checked():
    frame = mesh_frame()
    desc, blob = frame.to_json()
    payload = pack_frame(frame)
    assert len(payload) < 0.5 * (len(json.dumps(desc)) + len(blob))
    with pytest.raises(ValueError, match="magic"):
        unpack_payload(zlib.compress(b"NOPE" + bytes(12)))


def test_page_layout_css():
    frame = interaction_frame()
    frame.clear_color = (0.2, 0.4, 0.6, 1.0)
    frame.pixel_ratio = 2.0
    page = frame_to_html(frame)
    assert "html,body{margin:0;padding:0;overflow:hidden;background:rgba(51,102,153,1)}" in page
    assert "canvas{display:block}" in page
    assert 'width="450" height="150" style="width:225px;height:75px"' in page


def test_save_html_writes_utf8(tmp_path):
    path = save_html(mesh_frame(), tmp_path / "f.html", title="Ω µ")
    text = path.read_bytes().decode("utf-8")
    assert "<title>Ω µ</title>" in text and '<meta charset="utf-8">' in text


def test_bad_arguments():
    with pytest.raises(TypeError, match="frame"):
        frame_to_html({"size": [1, 1]})
    with pytest.raises(TypeError, match="title"):
        frame_to_html(mesh_frame(), title=None)


@pytest.mark.browser
def test_page_in_browser_is_exactly_the_canvas(tmp_path):
    """The evil title stays text; the page shows the canvas at its CSS size with no
    margin or scrollbar, and the runtime made no request."""
    frame = interaction_frame()
    frame.clear_color = (1.0, 0.0, 1.0, 1.0)  # would show around a misplaced canvas
    frame.views["pz"].bgcolor = (1.0, 1.0, 1.0, 1.0)  # every canvas pixel is in a view
    html = save_html(frame, tmp_path / "evil.html", title=EVIL)
    with browser.Chromium((450, 150)) as b:
        b.page("Network.enable")
        b.open(html)
        assert b.evaluate("document.title") == EVIL
        assert b.evaluate("window.__pwned === undefined") is True
        layout = b.evaluate("""(() => {
            const r = document.getElementById('lumos-canvas').getBoundingClientRect();
            const e = document.scrollingElement;
            return [r.left, r.top, r.width, r.height, e.scrollWidth, e.scrollHeight];
        })()""")
        img = b.capture()
        requests = [e["params"]["request"]["url"] for e in b.events
                    if e.get("method") == "Network.requestWillBeSent"]
    assert layout == [0, 0, 450, 150, 450, 150]
    assert not (np.abs(img[..., :3].astype(int) - [255, 0, 255]).max(axis=2) == 0).any()
    assert all(u.startswith(("file:", "data:")) for u in requests), requests


def test_line_plot_page_is_lean(tmp_path):
    """A 2D line plot page stays under 150 KB (it was ~800 KB: a 512 KB glyph atlas in
    base64): labels carry only their glyphs and the data is deflated."""
    import lumos.pyplot as plt

    x = np.linspace(0, 2 * np.pi, 400)
    fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
    ax.plot(x, np.sin(x), label="sin")
    ax.plot(x, np.cos(x), "--", label="cos")
    ax.set_xlabel("phase (rad)")
    ax.set_ylabel("amplitude")
    ax.set_title("Waves")
    ax.legend()
    ax.grid(True)
    path = tmp_path / "line.html"
    try:
        fig.savefig(path)
    finally:
        plt.close("all")
    size = path.stat().st_size
    payload = base64.b64decode(script_bodies(path.read_text())[1])
    desc, blob = unpack_payload(payload)
    texture_bytes = sum(t["data"]["nbytes"] for t in desc["textures"].values())
    # (+0.9 KB since stop 33: the per-size hinted advance tables of its labels)
    assert size < 155_000, size
    assert texture_bytes < 200_000  # the shared atlas alone was 524 288
