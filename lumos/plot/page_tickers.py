"""The tickers, scales and glyphs of an axes as specs the page runtime evaluates
(lumos/web/ticker.js, its twin): each locator and formatter the page knows by its kind
and parameters, or None for one only Python can run; and the characters new labels may
need, which the page's glyph table must hold. The axes record that carries them is
built in lumos/plot/page_axes.py.
"""

from __future__ import annotations

import sys
from functools import cache

from ..visuals.fonts import get_font
from ..visuals.mathtext import rich_layout
from . import ticker
from .style import rcParams

# ---------------------------------------------------------------------- ticker specs
# Exact types only: a subclass may override anything, so it is Python's alone.


def _maxn(loc) -> dict:
    spec = {"kind": "maxn", "nbins": loc.nbins, "steps": [float(v) for v in loc.steps],
            "integer": loc.integer, "symmetric": loc.symmetric, "prune": loc.prune,
            "min_n_ticks": loc.min_n_ticks, "tick_space": loc.tick_space}
    if rcParams["axes.autolimit_mode"] == "round_numbers":  # its larger steps
        spec["round_numbers"] = True
    return spec


def _log(loc) -> dict:
    subs = loc.subs if isinstance(loc.subs, str) else [float(v) for v in loc.subs]
    return {"kind": "log", "base": loc.base, "subs": subs, "numticks": loc.numticks,
            "min_n_ticks": loc.min_n_ticks, "minpos": loc.minpos, "tick_space": loc.tick_space}


def _autominor(loc) -> dict | None:
    major = None if loc.major is None else locator_spec(loc.major)
    if loc.major is not None and major is None:
        return None
    return {"kind": "autominor", "n": loc.ndivs, "major": major}


def _autodate(loc) -> dict:
    return {"kind": "autodate", "minticks": loc.minticks,
            "maxticks": [loc.maxticks[f] for f in range(7)],
            "intervald": [list(loc.intervald[f]) for f in range(7)],
            "interval_multiples": loc.interval_multiples}


def _theta(loc) -> dict:
    return {"kind": "theta", "tick_space": loc.tick_space}


def _radial(loc) -> dict | None:
    base = locator_spec(loc.base)
    if base is None:
        return None
    base["tick_space"] = loc.tick_space  # RadialLocator hands its tick space on
    ax = loc.axes
    return {"kind": "radial", "base": base, "thetamin": ax.get_thetamin(),
            "thetamax": ax.get_thetamax(), "rorigin": ax.get_rorigin(),
            "rsign": ax.get_rsign(), "rmin": ax.get_rmin()}


def _loaded() -> tuple[bool, bool]:
    """Whether :mod:`.dates` and :mod:`.polar` are imported: their locators and
    formatters cannot exist before, so the tables below name them only once they are
    (a figure without dates or polar axes imports neither)."""
    return f"{__package__}.dates" in sys.modules, f"{__package__}.polar" in sys.modules


@cache  # built once per _loaded(): each frame asks for the specs of every axis
def _locators(loaded: tuple[bool, bool]) -> dict:
    table = {
        ticker.NullLocator: lambda loc: {"kind": "null"},
        ticker.FixedLocator: lambda loc: {"kind": "fixed", "locs": [float(v) for v in loc.locs],
                                          "nbins": loc.nbins},
        ticker.LinearLocator: lambda loc: {"kind": "linear", "numticks": loc.numticks},
        ticker.MultipleLocator: lambda loc: {"kind": "multiple", "base": loc.base,
                                             "offset": loc.offset},
        ticker.MaxNLocator: _maxn, ticker.AutoLocator: _maxn,
        ticker.AutoMinorLocator: _autominor,
        ticker.LogLocator: _log,
        ticker.SymmetricalLogLocator: lambda loc: {
            "kind": "symlog", "linthresh": loc.linthresh, "base": loc.base,
            "subs": [float(v) for v in loc.subs], "numticks": loc.numticks},
    }
    if loaded[0]:
        from .dates import AutoDateLocator

        table[AutoDateLocator] = _autodate
    if loaded[1]:
        from .polar import RadialLocator, ThetaLocator

        table.update({ThetaLocator: _theta, RadialLocator: _radial})
    return table


def locator_spec(loc) -> dict | None:
    """The page's description of a locator, or None when the page cannot evaluate it."""
    make = _locators(_loaded()).get(type(loc))
    return None if make is None else make(loc)


# Python format specs (and printf formats) the page evaluates: sign, grouping,
# precision and the float types (lumos/web/formatters.js formatSpec).
_SPEC = r"[+\- ]?,?(?:\.\d+)?[fFeEgG%d]?"


def _strmethod(fmt) -> dict | None:
    import re

    fields = re.findall(r"\{\{|\}\}|\{([^{}]*)\}", fmt.fmt)
    # "d" is for integers (pos), not for the float x: Python raises there
    ok = all(f == "" or f == "pos" or re.fullmatch(rf"x(?::{_SPEC})?", f) and not
             f.endswith("d") for f in fields) and not re.search(r"\{\}", fmt.fmt)
    return {"kind": "strmethod", "fmt": fmt.fmt} if ok else None


def _formatstr(fmt) -> dict | None:
    import re

    rest = re.sub(r"%%|%[+\- ]?\d*(?:\.\d+)?[fFeEgGd]", "", fmt.fmt)
    return None if "%" in rest else {"kind": "formatstr", "fmt": fmt.fmt}


def _scalar(fmt) -> dict:
    return {"kind": "scalar", "useOffset": fmt.useOffset, "offset": fmt.offset,
            "useMathText": fmt.useMathText, "powerlimits": list(fmt.powerlimits),
            "offset_threshold": fmt.offset_threshold, "scientific": fmt.scientific}


def _logfmt(style: str):
    def make(fmt) -> dict:
        mt = fmt.minor_thresholds
        return {"kind": "log", "style": style, "base": fmt.base,
                "labelOnlyBase": fmt.labelOnlyBase,
                "minor_thresholds": None if mt is None else [float(v) for v in mt],
                "linthresh": fmt.linthresh}
    return make


def _autodatefmt(fmt, axis) -> dict | None:
    if fmt.locator is not axis.major_locator:
        return None  # it reads the unit of a locator the page does not run
    return {"kind": "autodate", "scaled": [[k, v] for k, v in sorted(fmt.scaled.items())],
            "defaultfmt": fmt.defaultfmt}


@cache  # built once per _loaded(): each frame asks for the specs of every axis
def _formatters(loaded: tuple[bool, bool]) -> dict:
    table = {
        ticker.NullFormatter: lambda f, a: {"kind": "null"},
        ticker.FixedFormatter: lambda f, a: {"kind": "fixed", "seq": list(f.seq),
                                             "offset_string": f.offset_string},
        ticker.ScalarFormatter: lambda f, a: _scalar(f),
        ticker.LogFormatter: lambda f, a: _logfmt("plain")(f),
        ticker.LogFormatterMathtext: lambda f, a: _logfmt("mathtext")(f),
        ticker.LogFormatterSciNotation: lambda f, a: _logfmt("sci")(f),
        ticker.PercentFormatter: lambda f, a: {"kind": "percent", "xmax": f.xmax,
                                               "decimals": f.decimals, "symbol": f.symbol},
        ticker.EngFormatter: lambda f, a: {"kind": "eng", "unit": f.unit, "places": f.places,
                                           "sep": f.sep},
        ticker.StrMethodFormatter: lambda f, a: _strmethod(f),
        ticker.FormatStrFormatter: lambda f, a: _formatstr(f),
    }
    if loaded[0]:
        from . import dates

        table.update({
            dates.DateFormatter: lambda f, a: {"kind": "date", "fmt": f.fmt},
            dates.AutoDateFormatter: _autodatefmt,
            dates.ConciseDateFormatter: lambda f, a: {
                "kind": "concise", "formats": f.formats, "zero_formats": f.zero_formats,
                "offset_formats": f.offset_formats, "show_offset": f.show_offset}})
    if loaded[1]:
        from .polar import ThetaFormatter

        table[ThetaFormatter] = lambda f, a: {"kind": "theta"}
    return table


def formatter_spec(fmt, axis) -> dict | None:
    """The page's description of an axis' formatter, or None when the page cannot
    evaluate it (a ``FuncFormatter``, a matplotlib formatter, a subclass)."""
    make = _formatters(_loaded()).get(type(fmt))
    return None if make is None else make(fmt, axis)


def ticks_spec(axis) -> dict | None:
    """Locators and formatter of an axis as the page evaluates them (``axisTicks`` in
    ticker.js, ``Axis.ticks`` here), or None when one of them is Python's alone."""
    major, minor = locator_spec(axis.major_locator), locator_spec(axis.minor_locator)
    fmt = formatter_spec(axis.major_formatter, axis)
    if major is None or minor is None or fmt is None:
        return None
    if minor["kind"] == "autominor" and minor["major"] is None:
        minor = {**minor, "major": major}  # the axis's major ticks, as Axis._locate
    return {"major": major, "minor": minor, "formatter": fmt,
            "log": axis.scale.name == "log"}


def scale_spec(scale) -> dict | None:
    """A scale as the page maps it (linear, log, symlog), or None."""
    if scale.name == "linear":
        return {"kind": "linear"}
    if scale.name == "log":
        return {"kind": "log", "base": scale.base, "clip": scale.nonpositive == "clip"}
    if scale.name == "symlog":
        return {"kind": "symlog", "base": scale.base, "linthresh": scale.linthresh,
                "linscale": scale.linscale}
    return None


# Characters a page may have to draw for new labels, by formatter kind (the labels of
# the export, axis labels and offsets are added to these).
_DIGITS = "0123456789.\N{MINUS SIGN}-+e"
_EXTRA = {
    "log": "\N{MULTIPLICATION SIGN}",
    "percent": "%",
    "eng": " kMGTPEZYRQmunpfazyrq\N{MICRO SIGN}",
    "date": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz :-/",
    "autodate": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz :-/",
    "concise": "JFMASONDabceghilnoprtuvy :-",
    "theta": "\N{DEGREE SIGN}",
    "strmethod": " %,",
    "formatstr": " %,",
}


def math_glyphs(labels) -> str:
    """The characters the math of ``labels`` draws that their text does not spell
    (``\\sum``: ∑; the full block rules are cut from), for the page's glyph table."""
    out = []
    for s in labels:
        if "$" in s:
            lay = rich_layout(s, get_font())
            out.append(lay.chars + ("\N{FULL BLOCK}" if len(lay.rules) else ""))
    return "".join(out)


def reserve_chars(spec: dict | None) -> str:
    if spec is None:
        return ""
    fmt = spec["formatter"]
    chars = _DIGITS + _EXTRA.get(fmt["kind"], "")
    if fmt["kind"] == "fixed":
        chars += "".join(fmt["seq"]) + math_glyphs(fmt["seq"]) + fmt["offset_string"]
    elif fmt["kind"] in ("strmethod", "formatstr", "date"):
        chars += fmt["fmt"]
    elif fmt["kind"] == "eng":
        chars += fmt["unit"] + fmt["sep"]
    elif fmt["kind"] == "percent":
        chars += fmt["symbol"] or ""
    elif fmt["kind"] == "scalar" and fmt["useMathText"]:
        chars += "\N{MULTIPLICATION SIGN}"  # the offset's "\\times10^{n}"
    return chars
