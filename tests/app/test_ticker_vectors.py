"""The tickers' two twins on tests/app/ticker_vectors.json: lumos's Python tickers
(what ``Axis.ticks`` computes) and the page's (lumos/web/ticker.js), case by case: the
same major ticks, labels, minor ticks and offset text for the same axis and interval."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import make_ticker_vectors as gen  # noqa: E402

from lumos.io.html import runtime_source  # noqa: E402
from lumos.plot import page_tickers  # noqa: E402

DATA = json.loads(gen.PATH.read_text())
SPECS, CASES = DATA["specs"], DATA["cases"]


def same_values(got, want) -> bool:
    # V8 and CPython may differ in the last bit of log/pow: 1e-12 relative
    return len(got) == len(want) and all(
        a == b or math.isclose(a, b, rel_tol=1e-12, abs_tol=0.0) for a, b in zip(got, want,
                                                                                 strict=True))


def check(got: dict, want: dict, where: str) -> None:
    assert same_values(got["major"], want["major"]), (where, got["major"], want["major"])
    assert same_values(got["minor"], want["minor"]), (where, got["minor"], want["minor"])
    assert got["labels"] == want["labels"], (where, got["labels"], want["labels"])
    assert got["index"] == want["index"], (where, got["index"], want["index"])
    assert got["offset"] == want["offset"], (where, got["offset"], want["offset"])


def test_the_vectors_cover_every_kind_the_page_knows():
    kinds = {(k, s[k]["kind"]) for s in SPECS.values() for k in ("major", "minor", "formatter")}
    locators = {kind for part, kind in kinds if part != "formatter"}
    formatters = {kind for part, kind in kinds if part == "formatter"}
    assert {"maxn", "autominor", "log", "symlog", "multiple", "linear", "fixed", "null",
            "autodate", "theta"} <= locators
    assert {"scalar", "log", "fixed", "percent", "eng", "strmethod", "formatstr", "concise",
            "autodate", "date", "theta"} <= formatters
    assert len(CASES) > 1000


def test_python_matches_the_vectors():
    made = {name: (make, ranges) for name, make, ranges in gen.configurations()}
    assert set(made) == set(SPECS)
    for name, lo, hi, want in CASES:
        make = made[name][0]
        assert gen.page_spec(make()) == SPECS[name], name
        check(gen.evaluate(make(), lo, hi), want, f"{name} [{lo}, {hi}]")


_CHECK_ALL = """
(() => {
  const specs = %s, cases = %s;
  return cases.map(([name, lo, hi]) => {
    try { return lumos.ticker.axisTicks(specs[name], lo, hi); }
    catch (e) { return {error: String(e)}; }
  });
})()
"""


@pytest.mark.browser
def test_runtime_js_matches_the_vectors():
    import browser

    with browser.Chromium((64, 64)) as b:
        b.evaluate(runtime_source())
        got = b.evaluate(_CHECK_ALL % (json.dumps(SPECS), json.dumps(
            [c[:3] for c in CASES])))
        b.check_errors()
    assert len(got) == len(CASES)
    for (name, lo, hi, want), result in zip(CASES, got, strict=True):
        assert "error" not in result, (name, lo, hi, result)
        check(result, want, f"{name} [{lo}, {hi}]")


def test_the_page_has_the_glyphs_of_every_label():
    """A page lays out new labels from the glyphs the export reserved for the formatter
    (``page_tickers.reserve_chars``): every label and offset of the vectors, math included, is
    drawn from them."""
    from lumos.visuals.fonts import get_font
    from lumos.visuals.mathtext import rich_layout

    font = get_font()
    for name, lo, hi, want in CASES:
        reserve = set(page_tickers.reserve_chars(SPECS[name]))
        for s in want["labels"] + [want["offset"]]:
            missing = set(rich_layout(s, font).chars) - reserve
            assert not missing, (name, lo, hi, s, missing)


def test_tickers_the_page_cannot_run_are_named():
    """A FuncFormatter or a subclass is Python's alone: no spec (the page shows the
    export's ticks and says why)."""
    from lumos.plot import ticker

    class Mine(ticker.MaxNLocator):
        pass

    axis = gen._Axis(ticker.AutoLocator(), ticker.NullLocator(),
                     ticker.FuncFormatter(lambda x, pos: f"<{x}>"))
    assert page_tickers.ticks_spec(axis) is None
    assert page_tickers.locator_spec(Mine()) is None
    assert page_tickers.formatter_spec(ticker.StrMethodFormatter("{x:d}"), axis) is None
    assert page_tickers.formatter_spec(ticker.StrMethodFormatter("{x!r}"), axis) is None
    assert page_tickers.formatter_spec(ticker.FormatStrFormatter("%s"), axis) is None
