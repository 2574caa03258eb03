"""What a pan frame reuses of the last frames' tick work must be what it would compute:
ScalarFormatter's remembered offsets and decimals, and the tick rows AxesDecor joins
for the tick Line."""

from __future__ import annotations

import numpy as np
import pytest

from lumos.plot import page_axes, ticker, ticker_formatters
from lumos.plot.ticker import AutoLocator, ScalarFormatter


def _state(f: ScalarFormatter, labels: list[str]) -> tuple:
    return labels, f.get_offset(), f.format, f.decimals, f._zero, f.offset, f.orderOfMagnitude


@pytest.mark.parametrize("kwargs", [{}, {"useMathText": True}, {"useOffset": False},
                                    {"useOffset": 1000.0}, {"powerlimits": (-2, 2)},
                                    {"offset_threshold": 2}])
def test_scalar_formatter_remembers_what_it_would_compute(kwargs):
    """Pans over many views (centres near 0, 1.7e9, 1e-7, ...), one formatter each: every
    frame's labels, offset text and format equal those computed with nothing
    remembered (the memo cleared before each frame)."""
    rng = np.random.default_rng(7)
    loc = AutoLocator()
    panned, fresh = ScalarFormatter(**kwargs), ScalarFormatter(**kwargs)
    hits = 0
    for _ in range(150):
        c = rng.choice([0.0, 1.0, 1e9, -3e4, 1.7e9, 1e-7, 5e15])
        w = 10 ** rng.uniform(-9, 5) * max(abs(c), 1.0)
        a = c + rng.normal() * w
        b = a + w * rng.uniform(0.05, 3)
        for k in range(8):  # a pan: the same ticks for several frames
            lo, hi = a + (b - a) * 0.02 * k, b + (b - a) * 0.02 * k
            values = ticker.visible(loc.tick_values(lo, hi), lo, hi)
            if k == 7:
                values = values[:1]  # one tick: the view decides the decimals
            before = len(ticker_formatters._FORMATS)
            got = _state(panned, panned.format_ticks(values, lo, hi))
            hits += len(ticker_formatters._FORMATS) == before
            ticker_formatters._FORMATS.clear()
            # computed anew; what it remembers serves the next frame's pan
            want = _state(fresh, fresh.format_ticks(values, lo, hi))
            assert got == want, (lo, hi, values)
    assert hits > 300  # most frames of the pans found the last frame's work


def test_scalar_formatter_memo_is_hit_along_a_pan():
    """Along a pan whose ticks stay, the offset and decimals are looked up, not computed
    (the memo grows by nothing), and the labels stay those of the first frame."""
    f = ScalarFormatter()
    loc = AutoLocator()
    ticker_formatters._FORMATS.clear()
    first = None
    for k in range(5):
        lo, hi = 1.7e9 + 0.5 + 0.01 * k, 1.7e9 + 9.5 + 0.01 * k
        values = ticker.visible(loc.tick_values(lo, hi), lo, hi)
        labels = f.format_ticks(values, lo, hi)
        size = len(ticker_formatters._FORMATS)
        first = first or (labels, f.get_offset(), size)
        assert (labels, f.get_offset(), size) == first


def test_subclass_of_scalar_formatter_formats_one_by_one():
    """A subclass keeps its own __call__ (and nothing it computes is remembered)."""
    class Bracketed(ScalarFormatter):
        def __call__(self, x, pos=None):
            return f"[{super().__call__(x, pos)}]"

    ticker_formatters._FORMATS.clear()
    labels = Bracketed().format_ticks([0.0, 0.5, 1.0], 0.0, 1.0)
    assert labels == ["[0.0]", "[0.5]", "[1.0]"]
    assert not any(k[0] == "format" for k in ticker_formatters._FORMATS)


def test_decor_joins_tick_rows_with_a_break_between_ticks():
    """Ticks handed over as lists of (x, y) tuples, and arrays of points, join into
    one float64 array with a NaN row between two (the rows a Line makes of the list);
    several colors, or rows of several lengths, keep the list (as arrays)."""
    black = (0.0, 0.0, 0.0, 1.0)
    ticks = [[(1.5, 2.0), (1.5, 5.0)], np.array([[3.25, 2.0], [3.25, 5.0]]),
             [(7.0, 2.0), (7.0, 5.0)]]
    pos, color = page_axes._joined(ticks, [black] * 3)
    want = np.array([[1.5, 2.0], [1.5, 5.0], [np.nan, np.nan], [3.25, 2.0], [3.25, 5.0],
                     [np.nan, np.nan], [7.0, 2.0], [7.0, 5.0]])
    assert color == black and pos.dtype == np.float64
    np.testing.assert_array_equal(pos, want)
    red = (1.0, 0.0, 0.0, 1.0)
    pos, color = page_axes._joined(ticks, [black, red, black])
    assert color == [black, red, black] and len(pos) == 3
    for got, tick in zip(pos, ticks, strict=True):
        np.testing.assert_array_equal(got, np.asarray(tick, float))
    pos, color = page_axes._joined([[(0.0, 1.0), (2.0, 3.0)], [(0.0, 1.0, 4.0)]],
                                   [black, black])
    assert isinstance(pos, list) and [p.shape for p in pos] == [(2, 2), (1, 3)]
    pos, color = page_axes._joined([[(0.0, 1.0), (2.0, 3.0)]], [red])
    assert color == red
    np.testing.assert_array_equal(pos, [[0.0, 1.0], [2.0, 3.0]])
