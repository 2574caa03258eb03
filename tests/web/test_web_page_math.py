"""The page's math layout of tick labels (lumos/web/axes.js) against Python's
(lumos/visuals/mathtext.py): big operators, larger than the text and centred on the math
axis, with limits above and below (∑, ∏) or scripts kerned by their slant (∫, ∮), and
radicals (stretched over a tall argument, with an index; their bars solid boxes the
shader puts on whole pixels, as matplotlib's Agg fills them) and overlines."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).parent)]

import browser  # noqa: E402
from test_web_follow import assert_same, page_and_python  # noqa: E402

import lumos  # noqa: E402
from lumos.plot.text import measure  # noqa: E402
from lumos.visuals.fonts import hinting  # noqa: E402
from lumos.visuals.glyphs import get_atlas  # noqa: E402
from lumos.visuals.mathtext import layout_rich  # noqa: E402
from lumos.visuals.text import _glyph_run  # noqa: E402

pytestmark = pytest.mark.browser

# and a font switch (the page, one face, reads past it), binary operators spaced as the
# glyph table says (* is one in matplotlib's set)
LABELS = [r"$\sum_{0}^{9}$", r"$\int_0^1 2$", r"$\sum 3$", r"$\prod^{5} 2$", r"$\oint_{1}$",
          r"$\bigcup_{1}$", r"$\sqrt{2}$", r"$\sqrt{\sum_{0}^{9} 3}$", r"$\sqrt[3]{8}$",
          r"${\rm 2}^{\rm 3}$", r"$2*3\pm1$", r"$\overline{10}$", r"$\overline{2}^{3}$",
          r"$\sqrt{\overline{4}}$"]


def big_operators_plot():
    """Tick labels of big operators, the user's (the page lays them out anew)."""
    fig, ax = lumos.subplots(figsize=(5, 3.5), dpi=100)
    ax.plot([0, len(LABELS)], [0, 1])
    ax.set_xticks(np.arange(len(LABELS)) + 0.5)
    ax.set_xticklabels(LABELS)
    return fig


def test_the_page_lays_out_big_operators_as_python(tmp_path):
    html = big_operators_plot().savefig(tmp_path / "ops.html")
    with browser.Chromium((500, 350)) as b:
        b.open(html)
        b.drag(250, 175, 200, 175)
        assert b.evaluate("lumos.standalone.notices || {}") == {}
        records = b.evaluate("lumos.standalone.desc.records")
        rec = next(k for k, r in records.items() if r.get("text"))
        quads = b.evaluate(
            f"(() => {{ const t = lumos.standalone.desc.records[{json.dumps(rec)}].text;"
            f" return {json.dumps(LABELS)}.map((s) => lumos.axes.layout(t, s, 13.9, 'left',"
            " 'baseline', 0).map((g) => [g[0], g[2]])); })()")
    def ordered(q):  # Python puts the rules after the glyphs, the page in turn
        q = np.asarray(q, float).reshape(-1, 16)
        return q[np.lexsort(q.T[::-1])]

    atlas = get_atlas()
    for s, page in zip(LABELS, quads, strict=True):
        # the Text visual's quads: corners and texels (a rule: a solid box, the corners
        # from its centre), BL, BR, TR, TL of the 6 vertices per quad
        offset, texel, _ = _glyph_run(atlas, s, 13.9, "left", "baseline", 0.0, hinting())
        python = np.concatenate([offset.reshape(-1, 6, 2)[:, [0, 1, 2, 5]],
                                 texel.reshape(-1, 6, 2)[:, [0, 1, 2, 5]]], axis=1)
        np.testing.assert_allclose(ordered(page), ordered(python), atol=0.01, err_msg=s)


def test_big_operator_labels_pan_and_zoom_like_python(tmp_path):
    _, after, python, notices = page_and_python(
        tmp_path, big_operators_plot, (500, 350),
        [("drag", 250, 175, 180, 175), ("wheel", 250, 175, -200)], "ops")
    assert notices == {}, notices
    assert_same("follow_big_operators", after, python)


# "office", "fluffy": the font's ligatures (ffi, ffl), a soft hyphen hidden, letters and
# their combining marks composed where the font has the letter (é, ñ, Ǻ; q́ has none:
# the mark stays) (fonts.shaped)
PLAIN = ["0.25", "−1.5", "1000", "AVAWAY To.", "Temperature (°C)", "10⁻³", "office",
         "fluffy soft\u00adhyphen", "cafe\u0301 n\u0303o A\u030a\u0301", "q\u0301 x"]


def test_the_page_lays_out_plain_labels_hinted_as_python(tmp_path):
    """Plain labels at the tick labels' size: the page's widths and glyph quads are
    Python's (hinted advances, kerning in 1/64 px, as matplotlib's Agg), to the 1/1000
    px; math labels stay unhinted (matplotlib's math is)."""
    fig, ax = lumos.subplots(figsize=(5, 3.5), dpi=100)
    ax.plot([0, len(PLAIN)], [0, 1])
    ax.set_xticks(np.arange(len(PLAIN)) + 0.5)
    ax.set_xticklabels(PLAIN)
    html = fig.savefig(tmp_path / "plain.html")
    with browser.Chromium((500, 350)) as b:
        b.open(html)
        assert b.evaluate("lumos.standalone.notices || {}") == {}
        records = b.evaluate("lumos.standalone.desc.records")
        rec = next(k for k, r in records.items() if r.get("text"))
        page = b.evaluate(
            f"(() => {{ const t = lumos.standalone.desc.records[{json.dumps(rec)}].text;"
            " const size = t.hinted.map((e) => e[0]).find((v) => Math.abs(v - 13.889) < 1e-3);"
            f" return [size, {json.dumps(PLAIN)}.map((s) => [lumos.axes.measure(t, s, size),"
            " lumos.axes.layout(t, s, size, 'left', 'baseline', 0).map((g) => g[0])])]; })()")
    size, labels = page
    assert size == pytest.approx(10 * 100 / 72)
    widths = []
    for s, (extent, quads) in zip(PLAIN, labels, strict=True):
        python, _ = layout_rich(s, size)
        np.testing.assert_allclose(np.asarray(quads, float).reshape(-1, 4, 2), python,
                                   atol=1e-3, err_msg=s)
        assert extent[0] == pytest.approx(measure(s, size)[0], abs=1e-9)
        widths.append(extent[0] * 64)
    np.testing.assert_allclose(widths, np.round(widths), atol=1e-9)  # 1/64 px: hinted
