"""Write tests/app/ticker_vectors.json from lumos's Python tickers.

Run when a ticker changes on purpose (``python tests/app/make_ticker_vectors.py``) and
review the diff: the file is the contract that the page's ticker twin
(lumos/web/ticker.js) and the Python tickers (lumos/plot/ticker.py, dates.py, polar.py)
must both reproduce (tests/app/test_ticker_vectors.py checks both). Each case is an axis
configuration as the page receives it (``lumos.plot.page_tickers.ticks_spec``) and a data
interval; the expected result is what ``Axis.ticks`` computes: major ticks, their
labels, minor ticks and the offset text.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np

from lumos.plot import dates, page_tickers, style, ticker
from lumos.plot.dates import date2num
from lumos.plot.polar import ThetaFormatter, ThetaLocator

PATH = Path(__file__).with_name("ticker_vectors.json")


class _Axis:
    """What page_tickers reads of an axis: its locators, formatter and scale name."""

    class _Scale:
        def __init__(self, name: str) -> None:
            self.name = name

    def __init__(self, major, minor, fmt, scale: str = "linear", tick_space=None,
                 rc: dict | None = None) -> None:
        self.major_locator, self.minor_locator, self.major_formatter = major, minor, fmt
        self.scale = self._Scale(scale)
        self.rc = rc or {}  # rcParams the tickers read (the spec carries them)
        for loc in (major, minor):
            loc.tick_space = tick_space


def page_spec(axis: _Axis) -> dict | None:
    """What the page receives of ``axis`` (``page_tickers.ticks_spec``)."""
    with style.rc_context(axis.rc):
        return page_tickers.ticks_spec(axis)


def evaluate(axis: _Axis, lo: float, hi: float) -> dict:
    """``Axis.ticks`` (lumos/plot/axis.py) for the interval [lo, hi]."""
    with style.rc_context(axis.rc):
        return _evaluate(axis, lo, hi)


def _evaluate(axis: _Axis, lo: float, hi: float) -> dict:
    log = axis.scale.name == "log"
    fmt = axis.major_formatter
    # the formatter labels every tick of the locator, those beyond the view too (a
    # FixedFormatter's i-th label is the i-th tick's); those inside are drawn, and
    # ``index`` is where they stand among them all (restyled labels go by it)
    every = np.asarray(axis.major_locator.tick_values(lo, hi), dtype=float).ravel()
    shown = set(ticker.visible(every, lo, hi, log=log).tolist())
    strings = list(fmt.format_ticks(every, lo, hi)) if every.size else []
    index = [i for i, v in enumerate(every.tolist()) if v in shown]
    offset = fmt.get_offset() if hasattr(fmt, "get_offset") else ""
    loc = axis.minor_locator
    if isinstance(loc, ticker.AutoMinorLocator) and loc.major is None:  # the axis's majors
        minor = loc.tick_values(lo, hi, every)
    else:
        minor = loc.tick_values(lo, hi)
    minor = ticker.remove_overlapping_locs(minor, every, view=(lo, hi),
                                           forward=np.log10 if log else None)
    minor = ticker.visible(minor, lo, hi, log=log)
    return {"major": [float(every[i]) for i in index], "labels": [strings[i] for i in index],
            "index": index, "minor": [float(v) for v in minor], "offset": offset}


def _linear_ranges(rng) -> list[tuple[float, float]]:
    out = [(0.0, 1.0), (-1.1, 1.1), (0.0, 10.0), (-5.0, 105.0), (2.0, 2.0), (0.3, 0.3000001),
           (1.7e9, 1.7e9 + 3600.0), (1.7e9 + 0.1, 1.7e9 + 0.35), (1e-7, 5e-7), (-3e-9, 4e-9),
           (1e6, 1e7), (123456.78, 123457.91), (-1e300, 1e300), (1999.9, 2000.1),
           (-0.0021, 0.0017), (99.9, 100.3), (0.0, 3.0e-5)]
    for _ in range(12):
        mid = 10 ** rng.uniform(-6, 9) * rng.choice([-1, 1])
        span = abs(mid) * 10 ** rng.uniform(-8, 1) + 1e-12
        a = mid - span * rng.uniform(0, 1)
        out.append((float(a), float(a + span)))
    return out


def _log_ranges(rng) -> list[tuple[float, float]]:
    out = [(1.0, 10.0), (1.0, 1000.0), (0.5, 3.0), (0.9, 1.2), (1e-3, 1e5), (1e-30, 1e30),
           (2.0, 2.0), (7.0, 70.0), (1e-5, 2e-5), (0.02, 0.3), (1.0, 1e100)]
    for _ in range(10):
        a = 10 ** rng.uniform(-12, 12)
        out.append((float(a), float(a * 10 ** rng.uniform(0.05, 14))))
    return out


def _symlog_ranges(rng) -> list[tuple[float, float]]:
    out = [(-1000.0, 1000.0), (-1.0, 1.0), (0.0, 1e6), (-5e4, 20.0), (3.0, 900.0),
           (-2.0, 2.0), (-0.5, 0.25)]
    for _ in range(10):
        a = -(10 ** rng.uniform(-1, 6))
        out.append((float(a), float(10 ** rng.uniform(-1, 6))))
    return out


def _date_ranges(rng) -> list[tuple[float, float]]:
    t0 = float(date2num(np.datetime64("2024-03-05T12:00")))
    spans = [2e-9, 3e-8, 5e-7, 2e-6, 1e-5, 3e-4, 2e-3, 1.5e-2, 0.2, 0.9, 3.0, 12.0, 45.0,
             200.0, 500.0, 2000.0, 9000.0, 40000.0, 4e5, 3e6]
    out = [(t0, t0 + s) for s in spans]
    out += [(float(date2num(np.datetime64("1969-12-20"))), float(date2num(np.datetime64(
        "1970-01-10")))), (-1000.0, -990.5), (-200000.0, 100000.0)]
    for _ in range(12):
        a = rng.uniform(-30000, 30000)
        out.append((float(a), float(a + 10 ** rng.uniform(-7, 5))))
    return out


def configurations() -> list[tuple[str, object, list]]:
    """(name, axis factory, ranges): a fresh axis per case (tickers keep state)."""
    rng = np.random.default_rng(20240305)
    lin, logr, sym, dat = (_linear_ranges(rng), _log_ranges(rng), _symlog_ranges(rng),
                           _date_ranges(rng))
    null = ticker.NullLocator
    out = []
    for space in (3, 5, 9, 12):
        out.append((f"auto-{space}", lambda s=space: _Axis(
            ticker.AutoLocator(), null(), ticker.ScalarFormatter(), tick_space=s), lin))
    out += [
        ("auto-minor", lambda: _Axis(ticker.AutoLocator(), ticker.AutoMinorLocator(),
                                     ticker.ScalarFormatter(), tick_space=8), lin),
        ("minor-n4", lambda: _Axis(ticker.AutoLocator(), ticker.AutoMinorLocator(4),
                                   ticker.ScalarFormatter(), tick_space=8), lin[:20]),
        ("auto-round", lambda: _Axis(ticker.AutoLocator(), null(), ticker.ScalarFormatter(),
                                     tick_space=9,
                                     rc={"axes.autolimit_mode": "round_numbers"}), lin),
        ("maxn-int", lambda: _Axis(ticker.MaxNLocator(nbins=4, integer=True), null(),
                                   ticker.ScalarFormatter(), tick_space=8), lin),
        ("maxn-prune-sym", lambda: _Axis(ticker.MaxNLocator(6, symmetric=True, prune="both"),
                                         null(), ticker.ScalarFormatter()), lin[:20]),
        ("multiple", lambda: _Axis(ticker.MultipleLocator(0.25), ticker.MultipleLocator(0.05),
                                   ticker.ScalarFormatter()),
         [(0.0, 1.0), (-1.1, 1.1), (3.3, 7.9), (-0.01, 0.02), (100.0, 101.0)]),
        ("multiple-offset", lambda: _Axis(ticker.MultipleLocator(5, offset=1), null(),
                                          ticker.ScalarFormatter()),
         [(0.0, 40.0), (-23.0, 7.0), (1000.0, 1037.0)]),
        ("linear5", lambda: _Axis(ticker.LinearLocator(5), null(), ticker.ScalarFormatter()),
         lin[:20]),
        ("fixed", lambda: _Axis(ticker.FixedLocator([-2.0, -1.0, 0.0, 0.5, 1.0, 3.0, 7.0], 3),
                                null(), ticker.ScalarFormatter()),
         [(-3.0, 8.0), (0.0, 1.0), (0.2, 0.9)]),
        ("fixed-labels", lambda: _Axis(ticker.FixedLocator([1.0, 2.0, 3.0]), null(),
                                       ticker.FixedFormatter(["one", "two", "three"])),
         [(0.0, 4.0), (1.5, 2.5)]),
        ("scalar-math", lambda: _Axis(ticker.AutoLocator(), null(),
                                      ticker.ScalarFormatter(useMathText=True), tick_space=8),
         lin),
        ("scalar-fixed-oom", lambda: _Axis(ticker.AutoLocator(), null(),
                                           ticker.ScalarFormatter(powerlimits=(-3, -3)),
                                           tick_space=8), lin[:20]),
        ("scalar-nooffset", lambda: _Axis(ticker.AutoLocator(), null(),
                                          ticker.ScalarFormatter(useOffset=False,
                                                                 scientific=False),
                                          tick_space=8), lin),
        ("scalar-offset-value", lambda: _Axis(ticker.AutoLocator(), null(),
                                              ticker.ScalarFormatter(useOffset=100.0),
                                              tick_space=6), lin[:20]),
        ("percent", lambda: _Axis(ticker.AutoLocator(), null(), ticker.PercentFormatter(1.0),
                                  tick_space=8), lin[:20]),
        ("percent-decimals", lambda: _Axis(ticker.AutoLocator(), null(),
                                           ticker.PercentFormatter(100, decimals=1, symbol=" pct"),
                                           tick_space=8), lin[:12]),
        ("eng", lambda: _Axis(ticker.AutoLocator(), null(), ticker.EngFormatter(unit="Hz"),
                              tick_space=8), lin),
        ("eng-places", lambda: _Axis(ticker.AutoLocator(), null(),
                                     ticker.EngFormatter(places=2, sep=""), tick_space=6), lin),
        ("strmethod", lambda: _Axis(ticker.AutoLocator(), null(),
                                    ticker.StrMethodFormatter("{x:.2f} m"), tick_space=8), lin),
        ("strmethod-grouped", lambda: _Axis(ticker.AutoLocator(), null(),
                                            ticker.StrMethodFormatter("{x:,.0f}"),
                                            tick_space=8), lin[:20]),
        ("strmethod-pct", lambda: _Axis(ticker.AutoLocator(), null(),
                                        ticker.StrMethodFormatter("{x:.1%} #{pos}"),
                                        tick_space=8), lin[:12]),
        ("strmethod-g", lambda: _Axis(ticker.AutoLocator(), null(),
                                      ticker.StrMethodFormatter("{x:g}|{x:+.3e}"),
                                      tick_space=8), lin),
        ("formatstr", lambda: _Axis(ticker.AutoLocator(), null(),
                                    ticker.FormatStrFormatter("%.1f s"), tick_space=8), lin),
        ("formatstr-d", lambda: _Axis(ticker.MaxNLocator(integer=True), null(),
                                      ticker.FormatStrFormatter("%d%%"), tick_space=8),
         lin[:12]),
    ]
    for base in (10.0, 2.0):
        for name, fmt in (("sci", ticker.LogFormatterSciNotation),
                          ("math", ticker.LogFormatterMathtext), ("plain", ticker.LogFormatter)):
            for space in (4, 9):
                out.append((f"log{base:g}-{name}-{space}", lambda b=base, f=fmt, s=space: _Axis(
                    ticker.LogLocator(base=b), ticker.LogLocator(base=b, subs="auto"),
                    f(base=b), "log", tick_space=s), logr))
    out += [
        ("log-onlybase", lambda: _Axis(ticker.LogLocator(), ticker.LogLocator(subs="all"),
                                       ticker.LogFormatter(labelOnlyBase=True), "log",
                                       tick_space=9), logr),
        ("log-thresholds", lambda: _Axis(
            ticker.LogLocator(subs=(1.0, 2.0, 5.0)), null(),
            ticker.LogFormatterSciNotation(minor_thresholds=(1, 0.4)), "log", tick_space=9),
         logr),
        ("log-numticks", lambda: _Axis(ticker.LogLocator(numticks=3, min_n_ticks=0),
                                       ticker.NullLocator(), ticker.LogFormatterSciNotation(),
                                       "log", tick_space=9), logr),
        ("symlog", lambda: _Axis(ticker.SymmetricalLogLocator(linthresh=2.0), null(),
                                 ticker.LogFormatterSciNotation(), "symlog"), sym),
        ("symlog-subs", lambda: _Axis(
            ticker.SymmetricalLogLocator(linthresh=1.0, subs=(1, 3)), null(),
            ticker.LogFormatterSciNotation(linthresh=1.0, minor_thresholds=(1, 0.4)), "symlog"),
         sym),
        ("dates-concise", lambda: _date_axis(ticker.ConciseDateFormatter), dat),
        ("dates-auto", lambda: _date_axis(None), dat),
        ("dates-fixed", lambda: _Axis(dates.AutoDateLocator(), null(),
                                      dates.DateFormatter("%Y-%m-%d %H:%M:%S.%f %a %b %j %p %I"),
                                      tick_space=8), dat),
        ("dates-minticks", lambda: _Axis(dates.AutoDateLocator(minticks=3, maxticks=6), null(),
                                         dates.ConciseDateFormatter(), tick_space=8), dat),
        ("theta", lambda: _Axis(ThetaLocator(), null(), ThetaFormatter(), tick_space=6),
         [(0.0, 2 * math.pi), (0.0, math.pi / 2), (-math.pi / 4, math.pi / 3),
          (1.0, 1.2), (0.1, 0.10001)]),
    ]
    return out


def _date_axis(concise) -> _Axis:
    loc = dates.AutoDateLocator()
    fmt = concise(loc) if concise is not None else dates.AutoDateFormatter(loc)
    return _Axis(loc, ticker.NullLocator(), fmt, tick_space=8)


def cases() -> tuple[dict, list]:
    """({name: spec}, [(name, lo, hi, expected)])."""
    specs, out = {}, []
    for name, make, ranges in configurations():
        spec = page_spec(make())
        if spec is None:
            raise AssertionError(f"{name}: the page cannot evaluate this configuration")
        specs[name] = spec
        for lo, hi in ranges:
            lo, hi = sorted((lo, hi))
            out.append([name, lo, hi, evaluate(make(), lo, hi)])
    return specs, out


def main() -> None:
    specs, data = cases()
    text = json.dumps({"specs": specs, "cases": data}, separators=(",", ":"), allow_nan=False)
    PATH.write_text(text.replace('],["', '],\n["') + "\n")  # a case a line: readable diffs
    print(f"wrote {len(data)} cases to {PATH}")


if __name__ == "__main__":
    main()
