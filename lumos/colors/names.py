"""Color specifications: names, hex strings, tuples, and color sequences.

- :func:`to_rgba` turns one color spec into an ``(r, g, b, a)`` tuple of floats in 0..1:
  CSS4/X11 names, ``'b'``/``'g'``/... single letters, ``'tab:blue'``, ``'xkcd:sky blue'``,
  ``'#rgb'``, ``'#rgba'``, ``'#rrggbb'``, ``'#rrggbbaa'``, ``'C0'``..``'C9'`` (tab10),
  grayscale strings like ``'0.5'``, RGB(A) tuples, ``(color, alpha)`` tuples, ``'none'``.
- :func:`to_rgba_array` turns per-item colors into an ``(n, 4)`` float32 array, and
  :func:`to_rgba_bytes` into the ``(n, 4)`` uint8 rows shaders read.
- :data:`color_sequences`: matplotlib's named lists of colors (``'tab10'``, ``'Set2'``,
  ``'petroff10'``, ...), with ``register``.

The xkcd names and the sequences that are not colormaps are read from
``lumos/data/named_colors.json`` the first time one is asked for.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Sequence
from numbers import Real
from typing import Any

import numpy as np

__all__ = [
    "TAB10", "to_rgba", "to_rgba_array", "to_rgba_bytes", "rgba_to_bytes",
    "to_rgb", "to_hex", "is_color_like", "same_color",
    "rgb_to_hsv", "hsv_to_rgb", "ColorSequenceRegistry", "color_sequences",
    "set_cycle_colors", "BASE_COLORS", "TABLEAU_COLORS", "CSS4_COLORS",
]  # fmt: skip  (XKCD_COLORS too, built on first access: module __getattr__)

RGBA = tuple[float, float, float, float]

# --------------------------------------------------------------------------- named colors

#: matplotlib's default color cycle ('C0'..'C9'): Tableau's tab10 palette.
TAB10 = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
)  # fmt: skip

# The CSS4/X11 set as matplotlib has it (CSS Color Module Level 4, both gray spellings).
_CSS4 = {
    "aliceblue": "#f0f8ff", "antiquewhite": "#faebd7", "aqua": "#00ffff", "aquamarine": "#7fffd4",
    "azure": "#f0ffff", "beige": "#f5f5dc", "bisque": "#ffe4c4", "black": "#000000",
    "blanchedalmond": "#ffebcd", "blue": "#0000ff", "blueviolet": "#8a2be2", "brown": "#a52a2a",
    "burlywood": "#deb887", "cadetblue": "#5f9ea0", "chartreuse": "#7fff00",
    "chocolate": "#d2691e", "coral": "#ff7f50", "cornflowerblue": "#6495ed",
    "cornsilk": "#fff8dc", "crimson": "#dc143c", "cyan": "#00ffff", "darkblue": "#00008b",
    "darkcyan": "#008b8b", "darkgoldenrod": "#b8860b", "darkgray": "#a9a9a9",
    "darkgreen": "#006400", "darkgrey": "#a9a9a9", "darkkhaki": "#bdb76b",
    "darkmagenta": "#8b008b", "darkolivegreen": "#556b2f", "darkorange": "#ff8c00",
    "darkorchid": "#9932cc", "darkred": "#8b0000", "darksalmon": "#e9967a",
    "darkseagreen": "#8fbc8f", "darkslateblue": "#483d8b", "darkslategray": "#2f4f4f",
    "darkslategrey": "#2f4f4f", "darkturquoise": "#00ced1", "darkviolet": "#9400d3",
    "deeppink": "#ff1493", "deepskyblue": "#00bfff", "dimgray": "#696969", "dimgrey": "#696969",
    "dodgerblue": "#1e90ff", "firebrick": "#b22222", "floralwhite": "#fffaf0",
    "forestgreen": "#228b22", "fuchsia": "#ff00ff", "gainsboro": "#dcdcdc",
    "ghostwhite": "#f8f8ff", "gold": "#ffd700", "goldenrod": "#daa520", "gray": "#808080",
    "green": "#008000", "greenyellow": "#adff2f", "grey": "#808080", "honeydew": "#f0fff0",
    "hotpink": "#ff69b4", "indianred": "#cd5c5c", "indigo": "#4b0082", "ivory": "#fffff0",
    "khaki": "#f0e68c", "lavender": "#e6e6fa", "lavenderblush": "#fff0f5", "lawngreen": "#7cfc00",
    "lemonchiffon": "#fffacd", "lightblue": "#add8e6", "lightcoral": "#f08080",
    "lightcyan": "#e0ffff", "lightgoldenrodyellow": "#fafad2", "lightgray": "#d3d3d3",
    "lightgreen": "#90ee90", "lightgrey": "#d3d3d3", "lightpink": "#ffb6c1",
    "lightsalmon": "#ffa07a", "lightseagreen": "#20b2aa", "lightskyblue": "#87cefa",
    "lightslategray": "#778899", "lightslategrey": "#778899", "lightsteelblue": "#b0c4de",
    "lightyellow": "#ffffe0", "lime": "#00ff00", "limegreen": "#32cd32", "linen": "#faf0e6",
    "magenta": "#ff00ff", "maroon": "#800000", "mediumaquamarine": "#66cdaa",
    "mediumblue": "#0000cd", "mediumorchid": "#ba55d3", "mediumpurple": "#9370db",
    "mediumseagreen": "#3cb371", "mediumslateblue": "#7b68ee", "mediumspringgreen": "#00fa9a",
    "mediumturquoise": "#48d1cc", "mediumvioletred": "#c71585", "midnightblue": "#191970",
    "mintcream": "#f5fffa", "mistyrose": "#ffe4e1", "moccasin": "#ffe4b5",
    "navajowhite": "#ffdead", "navy": "#000080", "oldlace": "#fdf5e6", "olive": "#808000",
    "olivedrab": "#6b8e23", "orange": "#ffa500", "orangered": "#ff4500", "orchid": "#da70d6",
    "palegoldenrod": "#eee8aa", "palegreen": "#98fb98", "paleturquoise": "#afeeee",
    "palevioletred": "#db7093", "papayawhip": "#ffefd5", "peachpuff": "#ffdab9",
    "peru": "#cd853f", "pink": "#ffc0cb", "plum": "#dda0dd", "powderblue": "#b0e0e6",
    "purple": "#800080", "rebeccapurple": "#663399", "red": "#ff0000", "rosybrown": "#bc8f8f",
    "royalblue": "#4169e1", "saddlebrown": "#8b4513", "salmon": "#fa8072",
    "sandybrown": "#f4a460", "seagreen": "#2e8b57", "seashell": "#fff5ee", "sienna": "#a0522d",
    "silver": "#c0c0c0", "skyblue": "#87ceeb", "slateblue": "#6a5acd", "slategray": "#708090",
    "slategrey": "#708090", "snow": "#fffafa", "springgreen": "#00ff7f", "steelblue": "#4682b4",
    "tan": "#d2b48c", "teal": "#008080", "thistle": "#d8bfd8", "tomato": "#ff6347",
    "turquoise": "#40e0d0", "violet": "#ee82ee", "wheat": "#f5deb3", "white": "#ffffff",
    "whitesmoke": "#f5f5f5", "yellow": "#ffff00", "yellowgreen": "#9acd32",
}  # fmt: skip

# matplotlib's single-letter colors (note: not the CSS values; 'g' is half green).
_BASE = {
    "b": (0.0, 0.0, 1.0), "g": (0.0, 0.5, 0.0), "r": (1.0, 0.0, 0.0),
    "c": (0.0, 0.75, 0.75), "m": (0.75, 0.0, 0.75), "y": (0.75, 0.75, 0.0),
    "k": (0.0, 0.0, 0.0), "w": (1.0, 1.0, 1.0),
}  # fmt: skip

_TAB_NAMES = ("blue", "orange", "green", "red", "purple", "brown", "pink", "gray", "olive", "cyan")

# matplotlib.colors' public name tables (copies: editing one changes no color lookup, as
# in matplotlib). matplotlib spells the CSS4 values in upper case; XKCD_COLORS is read
# from the data file on first access (module __getattr__ below).
BASE_COLORS: dict[str, tuple[float, float, float]] = dict(_BASE)
TABLEAU_COLORS: dict[str, str] = {f"tab:{n}": h for n, h in zip(_TAB_NAMES, TAB10, strict=True)}
CSS4_COLORS: dict[str, str] = {name: h.upper() for name, h in _CSS4.items()}

# Every name, lower case, to a hex string or an RGB tuple.
_NAMED: dict[str, str | tuple[float, float, float]] = {
    **_CSS4,
    **TABLEAU_COLORS,
    "tab:grey": TAB10[7],
    **_BASE,
}
_TRANSPARENT = ("none", "transparent")
_DATA_FILE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data",
                          "named_colors.json")


@functools.lru_cache(maxsize=1)
def _named_data() -> dict:
    """xkcd names and extra color sequences, read on first use (keeps the import light)."""
    import json

    with open(_DATA_FILE) as f:
        return json.load(f)


def __getattr__(name: str) -> dict[str, str]:  # noqa: N807 - PEP 562's name
    """``XKCD_COLORS`` (``'xkcd:sky blue'`` -> hex, matplotlib's table), built on first use."""
    if name != "XKCD_COLORS":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    table = {f"xkcd:{n}": h for n, h in _named_data()["xkcd"].items()}
    globals()[name] = table
    return table


_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
_EXPECTED = "expected a color name, hex string or RGB(A) tuple"


def _did_you_mean(word: str, choices: Any) -> str:
    """'; did you mean 'x' or 'y'?' for the closest choices, or ''.

    ``choices`` is an iterable of names, or a dict from the form compared (e.g. lower
    case) to the form shown.
    """
    import difflib  # only on the error path: keeps `import lumos.colors` light

    shown = choices if isinstance(choices, dict) else {c: c for c in choices}
    close = difflib.get_close_matches(word, list(shown), n=3, cutoff=0.6)
    if not close:
        return ""
    quoted = [repr(shown[c]) for c in close]
    said = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
    return f"; did you mean {said}?"


def _describe(x: Any) -> str:
    """Short description of a bad argument for an error message."""
    if isinstance(x, np.ndarray):
        return f"an array of shape {x.shape} and dtype {x.dtype}"
    text = repr(x)
    return text if len(text) <= 60 else text[:57] + "..."


def _parse_hex(s: str) -> RGBA | None:
    digits = s[1:]
    if len(digits) not in (3, 4, 6, 8) or not _HEX_DIGITS.issuperset(digits):
        return None
    if len(digits) <= 4:  # '#rgb(a)': each digit doubled, as in CSS
        digits = "".join(d + d for d in digits)
    values = [int(digits[i : i + 2], 16) / 255 for i in range(0, len(digits), 2)]
    if len(values) == 3:
        values.append(1.0)
    return tuple(values)  # type: ignore[return-value]


# What 'CN' names: matplotlib's current ``axes.prop_cycle`` colors (a style's 'C2' is
# that style's third color). The plot layer, which owns rcParams, keeps it in step.
_cycle: tuple = tuple(_parse_hex(h) for h in TAB10)


def set_cycle_colors(colors: Sequence) -> None:
    """Make ``'CN'`` name ``colors[N % len(colors)]`` from now on (tab10 is the
    default); pyplot calls it when ``rcParams["axes.prop_cycle"]`` changes."""
    global _cycle
    new = tuple(to_rgba(c, argname=f"colors[{i}]") for i, c in enumerate(colors))
    if not new:
        raise ValueError("colors: got an empty sequence, expected at least one color")
    if new != _cycle:
        _cycle = new
        _parse_str.cache_clear()
        _plain_bytes.cache_clear()


@functools.lru_cache(maxsize=4096)
def _parse_str(s: str) -> RGBA | str:
    """The RGBA of a color string, or the reason it is not one (cached: strings repeat)."""
    low = s.lower()
    if low in _TRANSPARENT:
        return (0.0, 0.0, 0.0, 0.0)
    named = _NAMED.get(low)
    if named is not None:
        return _parse_hex(named) if isinstance(named, str) else (*named, 1.0)  # type: ignore
    if low.startswith("xkcd:"):
        xkcd = _named_data()["xkcd"]
        if low[5:] in xkcd:
            return _parse_hex(xkcd[low[5:]])  # type: ignore[return-value]
        return "expected an xkcd color name" + _did_you_mean(low[5:], list(xkcd))
    if s.startswith("#"):
        return _parse_hex(s) or "expected '#rgb', '#rgba', '#rrggbb' or '#rrggbbaa' hex digits"
    if low[:1] == "c" and low[1:].isascii() and low[1:].isdigit():
        # 'CN' is matplotlib's color cycle; like matplotlib, N wraps around.
        return _cycle[int(low[1:]) % len(_cycle)]
    try:
        gray = float(s)
    except ValueError:
        return _EXPECTED + _did_you_mean(low, [*_NAMED, *_TRANSPARENT])
    if not 0.0 <= gray <= 1.0:  # also rejects 'nan'
        return "a grayscale string must be a number in 0..1"
    return (gray, gray, gray, 1.0)


def _check_alpha(alpha: Any, argname: str) -> float:
    if isinstance(alpha, (str, bytes)) or not isinstance(alpha, Real):
        raise TypeError(f"{argname}: alpha must be a number in 0..1, got {_describe(alpha)}")
    a = float(alpha)
    if not 0.0 <= a <= 1.0:
        raise ValueError(f"{argname}: alpha must be in 0..1, got {a}")
    return a


def _is_color_alpha(c: Any) -> bool:
    """matplotlib's ``(color, alpha)`` form, e.g. ``('red', 0.3)``."""
    return (
        isinstance(c, tuple)
        and len(c) == 2
        and isinstance(c[1], Real)
        and not isinstance(c[0], Real)
    )


def _is_sequence(c: Any) -> bool:
    return isinstance(c, (Sequence, np.ndarray)) or hasattr(c, "__array__")


def _rgba_from_numbers(arr: np.ndarray, argname: str) -> RGBA:
    """One RGB(A) color from a 1-D numeric array (uint8 means 0..255)."""
    if arr.ndim != 1 or arr.shape[0] not in (3, 4):
        if arr.ndim == 1:
            raise ValueError(
                f"{argname}: got a sequence of length {arr.shape[0]}, "
                "expected 3 (RGB) or 4 (RGBA) numbers in 0..1"
            )
        raise ValueError(
            f"{argname}: got {_describe(arr)}, expected one RGB(A) color "
            "(use to_rgba_array for several)"
        )
    values = arr.astype(np.float64) / 255 if arr.dtype == np.uint8 else arr.astype(np.float64)
    if not np.all((values >= 0) & (values <= 1)):  # NaN fails too
        raise ValueError(
            f"{argname}: got {tuple(arr.tolist())}, RGB(A) values must be in 0..1 "
            "(divide 0..255 values by 255 or pass a uint8 array)"
        )
    if len(values) == 3:
        return (float(values[0]), float(values[1]), float(values[2]), 1.0)
    return (float(values[0]), float(values[1]), float(values[2]), float(values[3]))


def _plain(c: Any) -> bool:
    """Whether ``c`` is a tuple of 3 or 4 Python numbers in 0..1 (what every to_rgba
    returns): converted without a numpy round trip, which costs 30x more and is taken
    dozens of times a frame by the decorations."""
    return type(c) is tuple and len(c) in (3, 4) and all(
        type(v) in (float, int) and 0 <= v <= 1 for v in c)


def _to_rgba(c: Any, argname: str) -> RGBA:
    if _plain(c):
        return (float(c[0]), float(c[1]), float(c[2]), float(c[3]) if len(c) == 4 else 1.0)
    if isinstance(c, str):
        rgba = _parse_str(c)
        if isinstance(rgba, str):
            raise ValueError(f"{argname}: got {c!r}, {rgba}")
        return rgba
    if _is_color_alpha(c):
        rgba = _to_rgba(c[0], argname)
        return (*rgba[:3], _check_alpha(c[1], argname))
    if _is_sequence(c) and not isinstance(c, (bytes, bytearray)):
        try:
            arr = np.asarray(c)
        except (ValueError, TypeError):  # ragged nesting
            arr = np.asarray(c, dtype=object) if isinstance(c, (list, tuple)) else None
        if arr is not None and arr.ndim == 0:
            return _to_rgba(arr.item(), argname)
        if arr is not None and arr.dtype.kind in "iuf":
            return _rgba_from_numbers(arr, argname)
        raise ValueError(
            f"{argname}: got {_describe(c)}, {_EXPECTED} (for one color per item use to_rgba_array)"
        )
    raise TypeError(f"{argname}: got {type(c).__name__} {_describe(c)}, {_EXPECTED}")


def to_rgba(color: Any, alpha: float | None = None, *, argname: str = "color") -> RGBA:
    """Convert one color to an ``(r, g, b, a)`` tuple of floats in 0..1.

    ``alpha``, when given, replaces the color's own alpha ('none' stays transparent, as
    in matplotlib). ``argname`` names the argument in error messages.
    """
    rgba = _to_rgba(color, argname)
    if alpha is not None and not _is_none(color):
        rgba = (*rgba[:3], _check_alpha(alpha, argname))
    return rgba


def to_hex(color: Any, keep_alpha: bool = False) -> str:
    """``'#rrggbb'`` (``'#rrggbbaa'`` with ``keep_alpha``) for any color :func:`to_rgba` takes."""
    rgba = to_rgba(color)
    channels = rgba if keep_alpha else rgba[:3]
    return "#" + "".join(f"{round(v * 255):02x}" for v in channels)


def _rgba_rows(c: Any, argname: str) -> np.ndarray:
    """``(m, 4)`` float64 rows, a new array, for one color or a sequence of colors."""
    if isinstance(c, str) or _is_color_alpha(c):
        return np.array([_to_rgba(c, argname)], dtype=np.float64)
    if not _is_sequence(c) or isinstance(c, (bytes, bytearray)):
        raise TypeError(
            f"{argname}: got {type(c).__name__} {_describe(c)}, expected a color or a "
            "sequence of colors"
        )
    try:
        arr = np.asarray(c)
    except (ValueError, TypeError):  # ragged, e.g. ['red', (1, 0, 0)]
        arr = None
    if arr is not None and arr.dtype.kind in "iuf":
        if arr.ndim == 1 and arr.shape[0] in (3, 4):
            return np.array([_rgba_from_numbers(arr, argname)], dtype=np.float64)
        if arr.size == 0:
            return np.zeros((0, 4), dtype=np.float64)
        if arr.ndim != 2 or arr.shape[1] not in (3, 4):
            raise ValueError(
                f"{argname}: got {_describe(arr)}, expected one RGB(A) color, an (n, 3) or "
                "(n, 4) array, or a sequence of colors (to color by value use a colormap)"
            )
        # astype always copies, so the caller's array is never written to.
        rows = arr.astype(np.float64)
        if arr.dtype == np.uint8:
            rows /= 255
        elif rows.size and (np.fmin.reduce(rows, axis=None) < 0
                            or np.fmax.reduce(rows, axis=None) > 1):  # NaN skipped
            raise ValueError(
                f"{argname}: RGB(A) values must be in 0..1, got values in "
                f"{np.nanmin(rows)}..{np.nanmax(rows)} (for 0..255 pass a uint8 array)"
            )
        if rows.shape[1] == 3:
            rows = np.concatenate([rows, np.ones((len(rows), 1))], axis=1)
        return rows
    if arr is not None and arr.ndim == 0:
        return _rgba_rows(arr.item(), argname)
    rows = [_to_rgba(item, f"{argname}[{i}]") for i, item in enumerate(c)]
    return np.array(rows, dtype=np.float64).reshape(-1, 4)


def to_rgba_array(
    c: Any,
    n: int | None = None,
    *,
    alpha: Any = None,
    dtype: Any = np.float32,
    argname: str = "color",
) -> np.ndarray:
    """Convert per-item colors to a new ``(n, 4)`` array (float32 by default).

    ``c`` is one color (broadcast to ``n`` rows), a sequence of colors, an ``(n, 3)`` or
    ``(n, 4)`` float array in 0..1, or a uint8 array in 0..255. With ``n`` given, the
    number of colors must be 1 or ``n``. ``alpha`` (a number or one per row) replaces
    the alpha column. The input is never modified.
    """
    rows = _rgba_rows(c, argname)
    if n is not None:
        n = int(n)
        if len(rows) == 1 and n != 1:
            rows = np.repeat(rows, n, axis=0)
        elif len(rows) != n:
            raise ValueError(f"{argname}: got {len(rows)} colors, expected 1 or {n}")
    if alpha is not None:
        a = np.asarray(alpha, dtype=np.float64)
        if a.ndim > 1 or (a.ndim == 1 and a.shape[0] != len(rows)):
            raise ValueError(
                f"{argname}: alpha has shape {a.shape}, expected a number or ({len(rows)},)"
            )
        if not np.all((a >= 0) & (a <= 1)):
            raise ValueError(f"{argname}: alpha must be in 0..1")
        rows[:, 3] = a
        # 'none' stays transparent whatever the alpha, as in matplotlib
        if _is_none(c):
            rows[:, 3] = 0.0
        elif isinstance(c, (list, tuple)) and len(c) == len(rows):
            rows[[_is_none(v) for v in c], 3] = 0.0
    return np.ascontiguousarray(rows, dtype=dtype)


def _is_none(c: Any) -> bool:
    return isinstance(c, str) and c.lower() == "none"




def is_masked_array(value: Any) -> bool:
    """Whether ``value`` is a numpy masked array, without importing ``numpy.ma`` (about
    0.1 s of a cold start) when nothing has: no masked array exists before it is."""
    return "numpy.ma" in sys.modules and np.ma.isMaskedArray(value)


def rgba_to_bytes(rgba: Any, dtype: Any = None) -> np.ndarray:
    """Float RGBA values in 0..1 (clipped) as uint8, ``round(v * 255)`` computed in
    ``dtype`` (default: float32 input in float32, anything else in float64), in chunks
    that stay in the cache: a million colors make no 32 MB temporaries.

    >>> rgba_to_bytes([[1.0, 0.5, 0.0, 1.0]]).tolist()
    [[255, 128, 0, 255]]
    """
    rgba = np.asarray(rgba)
    if dtype is None:
        dtype = np.float32 if rgba.dtype == np.float32 else np.float64
    out = np.empty(rgba.shape, np.uint8)
    flat, dest = rgba.reshape(-1), out.reshape(-1)
    step = 1 << 16
    part = np.empty(min(step, flat.size), dtype)
    for i in range(0, flat.size, step):
        m = min(step, flat.size - i)
        np.clip(flat[i : i + m], 0, 1, out=part[:m], casting="unsafe")
        part[:m] *= 255
        part[:m] += 0.5
        dest[i : i + m] = part[:m]  # truncated, as astype does
    return out


@functools.lru_cache(maxsize=256)
def _plain_bytes(c: tuple) -> tuple[int, ...]:
    """The bytes of a plain color tuple (``_plain``), rounded as to_rgba_array's float32
    rows are. Keyed by the tuple: equal tuples (1 and 1.0, 0.0 and -0.0) give equal bytes."""
    return tuple(rgba_to_bytes(np.array([_to_rgba(c, "color")], np.float32))[0].tolist())


def to_rgba_bytes(c: Any, n: int | None = None, *, argname: str = "color") -> np.ndarray:
    """``rgba_to_bytes(to_rgba_array(c, n))``: new ``(n, 4)`` uint8 rows of one color or
    of ``n`` colors, rounded as float32 colors are. An ``(n, 4)`` float array in 0..1 (a
    colormap's output) is converted without the float32 copy, an ``(n, 4)`` uint8 array
    (0..255: the bytes already) is copied."""
    if n is not None and _plain(c):  # one color for n labels: its bytes, repeated
        return np.repeat(np.array([_plain_bytes(c)], np.uint8), max(int(n), 0), axis=0)
    if (isinstance(c, np.ndarray) and c.ndim == 2 and c.shape[1] == 4 and n is not None
            and len(c) == n > 1):
        if c.dtype == np.uint8:
            return c.copy()
        if c.dtype.kind == "f":
            lo, hi = np.fmin.reduce(c, axis=None), np.fmax.reduce(c, axis=None)  # NaN skipped
            if lo >= 0 and hi <= 1:  # else to_rgba_array says what is wrong
                return rgba_to_bytes(c, np.float32)
    return rgba_to_bytes(to_rgba_array(c, n, argname=argname))


def to_rgb(color: Any) -> tuple[float, float, float]:
    """``(r, g, b)`` of any color :func:`to_rgba` takes (alpha dropped)."""
    return to_rgba(color)[:3]


def is_color_like(c: Any) -> bool:
    """Whether ``c`` is one color :func:`to_rgba` understands."""
    try:
        to_rgba(c)
    except (ValueError, TypeError):
        return False
    return True


def same_color(c1: Any, c2: Any) -> bool:
    """Whether two colors (or two equally long sequences of colors) are the same."""
    a, b = to_rgba_array(c1, dtype=np.float64), to_rgba_array(c2, dtype=np.float64)
    if len(a) != len(b):
        raise ValueError(f"same_color: got {len(a)} and {len(b)} colors, expected as many")
    return bool(np.array_equal(a, b))


def rgb_to_hsv(arr: Any) -> np.ndarray:
    """RGB values in 0..1 (last axis of length 3) to HSV in 0..1, as matplotlib's."""
    rgb = np.asarray(arr, dtype=np.float64)
    if rgb.shape[-1] != 3:
        raise ValueError(f"arr: got shape {rgb.shape}, expected a last dimension of 3")
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    vmax, vmin = rgb.max(-1), rgb.min(-1)
    delta = vmax - vmin
    with np.errstate(divide="ignore", invalid="ignore"):
        s = np.where(vmax > 0, delta / vmax, 0.0)
        rc, gc, bc = ((vmax - c) / delta for c in (r, g, b))
    h = np.where(r == vmax, bc - gc, np.where(g == vmax, 2.0 + rc - bc, 4.0 + gc - rc))
    h = np.where(delta > 0, (h / 6.0) % 1.0, 0.0)
    return np.stack([h, s, vmax], axis=-1)


def hsv_to_rgb(hsv: Any) -> np.ndarray:
    """HSV values in 0..1 (last axis of length 3) to RGB in 0..1, as matplotlib's."""
    a = np.asarray(hsv, dtype=np.float64)
    if a.shape[-1] != 3:
        raise ValueError(f"hsv: got shape {a.shape}, expected a last dimension of 3")
    h, s, v = a[..., 0], a[..., 1], a[..., 2]
    i = np.floor(h * 6.0).astype(int) % 6
    f = h * 6.0 - np.floor(h * 6.0)
    p, q, t = v * (1 - s), v * (1 - s * f), v * (1 - s * (1 - f))
    choices = [(v, t, p), (q, v, p), (p, v, t), (p, q, v), (t, p, v), (v, p, q)]
    out = np.empty(a.shape)
    for k in range(3):
        out[..., k] = np.choose(i, [c[k] for c in choices])
    return out


# ------------------------------------------------------------------------ color sequences


class ColorSequenceRegistry:
    """``color_sequences``: matplotlib's named color lists (``color_sequences['tab10']``
    is a list of RGB tuples; each access gives a new list). ``register(name, colors)``
    adds one; built-in names cannot be replaced."""

    _BUILTIN = ("tab10", "tab20", "tab20b", "tab20c", "Pastel1", "Pastel2", "Paired",
                "Accent", "okabe_ito", "Dark2", "Set1", "Set2", "Set3")

    def __init__(self) -> None:
        self._user: dict[str, list] = {}

    def _builtin(self, name: str) -> list | None:
        if name in self._BUILTIN:
            from .maps import get_cmap

            return [tuple(c[:3]) for c in get_cmap(name).colors.tolist()]
        extra = _named_data()["sequences"].get(name)
        return None if extra is None else [to_rgb(c) for c in extra]

    def names(self) -> list[str]:
        """The names of the registered color sequences (matplotlib's alias of ``keys``)."""
        return [*self._BUILTIN, *sorted(_named_data()["sequences"]), *self._user]

    def __getitem__(self, name: str) -> list:
        if name in self._user:
            return list(self._user[name])
        found = self._builtin(name) if isinstance(name, str) else None
        if found is None:
            raise KeyError(f"{name!r} is not a known color sequence"
                           + _did_you_mean(str(name), self.names()))
        return found

    def __contains__(self, name: object) -> bool:
        return name in self.names()

    def __iter__(self):
        return iter(self.names())

    def __len__(self) -> int:
        return len(self.names())

    def keys(self) -> list[str]:
        """The names of the registered color sequences."""
        return self.names()

    def register(self, name: str, color_list: Any) -> None:
        """Make ``color_list`` (colors :func:`to_rgba` takes) available as ``name``."""
        if name in self._BUILTIN or name in _named_data()["sequences"]:
            raise ValueError(f"name: {name!r} is a built-in color sequence and cannot be "
                             "replaced")
        colors = list(color_list)
        for c in colors:
            to_rgba(c, argname="color_list")
        self._user[name] = colors

    def unregister(self, name: str) -> None:
        """Remove the sequence ``name`` (the built-in ones cannot be removed)."""
        if name in self._BUILTIN or name in _named_data()["sequences"]:
            raise ValueError(f"name: {name!r} is a built-in color sequence")
        self._user.pop(name, None)

    def __repr__(self) -> str:
        return f"ColorSequenceRegistry({self.names()})"


#: matplotlib's ``color_sequences`` registry.
color_sequences = ColorSequenceRegistry()
