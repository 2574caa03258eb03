"""Colors, colormaps and norms, with matplotlib's names and semantics.

- :func:`to_rgba` turns one color spec into an ``(r, g, b, a)`` tuple of floats in 0..1:
  CSS4/X11 names, ``'b'``/``'g'``/... single letters, ``'tab:blue'``, ``'#rgb'``,
  ``'#rgba'``, ``'#rrggbb'``, ``'#rrggbbaa'``, ``'C0'``..``'C9'`` (tab10), grayscale
  strings like ``'0.5'``, RGB(A) tuples, ``(color, alpha)`` tuples, ``'none'``.
- :func:`to_rgba_array` turns per-item colors into an ``(n, 4)`` float32 array.
- :class:`Colormap` / :func:`get_cmap`: matplotlib's colormaps by name (``_r`` reverses),
  stored as lookup tables in ``lumos/data/colormaps.npz``, read on first use only.
- :class:`Normalize`, :class:`LogNorm`, :class:`SymLogNorm`, :class:`PowerNorm`,
  :class:`CenteredNorm`, :class:`TwoSlopeNorm`; :func:`get_norm` also accepts
  matplotlib norm objects (duck-typed).

Only numpy and the standard library are used; matplotlib is never imported.

>>> to_rgba("tab:blue")
(0.12156862745098039, 0.4666666666666667, 0.7058823529411765, 1.0)
>>> get_cmap("viridis_r").lut(4).shape
(4, 4)
"""

from __future__ import annotations

import functools
import math
import os
from collections.abc import Sequence
from numbers import Real
from typing import Any

import numpy as np

__all__ = [
    "TAB10", "to_rgba", "to_rgba_array", "to_hex", "Colormap", "get_cmap", "colormap_names",
    "register_colormap", "Normalize", "LogNorm", "SymLogNorm", "PowerNorm", "CenteredNorm",
    "TwoSlopeNorm", "get_norm",
]  # fmt: skip

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

# Every name, lower case, to a hex string or an RGB tuple.
_NAMED: dict[str, str | tuple[float, float, float]] = {
    **_CSS4,
    **{f"tab:{n}": h for n, h in zip(_TAB_NAMES, TAB10, strict=True)},
    "tab:grey": TAB10[7],
    **_BASE,
}
_TRANSPARENT = ("none", "transparent")
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


@functools.lru_cache(maxsize=4096)
def _parse_str(s: str) -> RGBA | str:
    """The RGBA of a color string, or the reason it is not one (cached: strings repeat)."""
    low = s.lower()
    if low in _TRANSPARENT:
        return (0.0, 0.0, 0.0, 0.0)
    named = _NAMED.get(low)
    if named is not None:
        return _parse_hex(named) if isinstance(named, str) else (*named, 1.0)  # type: ignore
    if s.startswith("#"):
        return _parse_hex(s) or "expected '#rgb', '#rgba', '#rrggbb' or '#rrggbbaa' hex digits"
    if low[:1] == "c" and low[1:].isascii() and low[1:].isdigit():
        # 'CN' is matplotlib's color cycle; like matplotlib, N wraps around.
        return _parse_hex(TAB10[int(low[1:]) % len(TAB10)])  # type: ignore[return-value]
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


def _to_rgba(c: Any, argname: str) -> RGBA:
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

    ``alpha``, when given, replaces the color's own alpha. ``argname`` names the
    argument in error messages.
    """
    rgba = _to_rgba(color, argname)
    if alpha is not None:
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
    return np.ascontiguousarray(rows, dtype=dtype)


# ----------------------------------------------------------------------------- colormaps

_DATA_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "colormaps.npz")
_tables: dict[str, np.ndarray] | None = None  # filled from _DATA_FILE on first use
_ALIASES = {"grey": "gray", "Grays": "Greys"}
_registered: dict[str, Colormap] = {}


def _builtin_tables() -> dict[str, np.ndarray]:
    """The bundled lookup tables, read once: keeps `import lumos.colors` fast."""
    global _tables
    if _tables is None:
        with np.load(_DATA_FILE) as data:
            tables = {name: data[name] for name in data.files}
        for table in tables.values():
            table.flags.writeable = False  # shared by every Colormap made from it
        _tables = tables
    return _tables


def _to_uint8(rgba: np.ndarray) -> np.ndarray:
    return np.round(np.clip(rgba, 0, 1) * 255).astype(np.uint8)


class Colormap:
    """A table of ``N`` RGBA colors evaluated like a matplotlib colormap.

    ``cmap(x)`` maps floats in 0..1 to table entries (``floor(x * N)``, 1.0 is the last
    entry), integers index the table directly, values below 0 / above 1 take
    ``under`` / ``over`` (default: the end colors) and NaN or masked values take
    ``bad`` (default: transparent). ``interpolate`` says whether the table samples a
    continuous map (resampling interpolates) or is a palette such as tab10 (resampling
    repeats entries); by default tables of 64 entries or more are continuous.
    """

    def __init__(
        self,
        name: str,
        colors: Any,
        *,
        interpolate: bool | None = None,
        under: Any = None,
        over: Any = None,
        bad: Any = None,
    ) -> None:
        rgba = to_rgba_array(colors, dtype=np.float64, argname="colors")
        if len(rgba) == 0:
            raise ValueError("colors: got 0 colors, expected at least 1")
        rgba.flags.writeable = False  # lets copies and reversed views share it safely
        self.name = str(name)
        self._rgba = rgba
        self.interpolate = len(rgba) >= 64 if interpolate is None else bool(interpolate)
        self._under: RGBA | None = None
        self._over: RGBA | None = None
        self._bad: RGBA = (0.0, 0.0, 0.0, 0.0)
        self.under, self.over = under, over
        if bad is not None:
            self.bad = bad

    @classmethod
    def from_list(cls, name: str, colors: Sequence[Any], n: int = 256) -> Colormap:
        """A continuous map through ``colors``, evenly spaced or given as ``(value, color)``.

        Like ``LinearSegmentedColormap.from_list``: ``from_list('bw', ['blue', 'white'])``.
        """
        colors = list(colors)
        if colors and all(
            isinstance(c, tuple) and len(c) == 2 and isinstance(c[0], Real)
            and not isinstance(c[1], Real)
            for c in colors
        ):  # fmt: skip
            positions = np.array([float(c[0]) for c in colors])
            colors = [c[1] for c in colors]
            if positions[0] != 0 or positions[-1] != 1 or np.any(np.diff(positions) < 0):
                raise ValueError(
                    f"colors: positions must increase from 0 to 1, got {positions.tolist()}"
                )
        else:
            positions = np.linspace(0.0, 1.0, max(len(colors), 1))
        rgba = to_rgba_array(colors, dtype=np.float64, argname="colors")
        if len(rgba) == 0:
            raise ValueError("colors: got 0 colors, expected at least 1")
        t = np.linspace(0.0, 1.0, int(n))
        table = np.stack([np.interp(t, positions, rgba[:, k]) for k in range(4)], axis=1)
        return cls(name, table, interpolate=True)

    # -- the table and its extremes

    @property
    def N(self) -> int:
        """Number of table entries (matplotlib's name)."""
        return len(self._rgba)

    @property
    def colors(self) -> np.ndarray:
        """The table, ``(N, 4)`` float64 in 0..1, read-only."""
        return self._rgba

    @property
    def under(self) -> RGBA:
        """Color for values below 0 (default: the first entry)."""
        return self._under if self._under is not None else tuple(self._rgba[0].tolist())

    @under.setter
    def under(self, color: Any) -> None:
        self._under = None if color is None else to_rgba(color, argname="under")

    @property
    def over(self) -> RGBA:
        """Color for values above 1 (default: the last entry)."""
        return self._over if self._over is not None else tuple(self._rgba[-1].tolist())

    @over.setter
    def over(self, color: Any) -> None:
        self._over = None if color is None else to_rgba(color, argname="over")

    @property
    def bad(self) -> RGBA:
        """Color for NaN and masked values (default: transparent)."""
        return self._bad

    @bad.setter
    def bad(self, color: Any) -> None:
        self._bad = to_rgba("none" if color is None else color, argname="bad")

    # matplotlib's accessors, so code written for matplotlib colormaps works unchanged.
    def get_under(self) -> np.ndarray:
        return np.array(self.under)

    def get_over(self) -> np.ndarray:
        return np.array(self.over)

    def get_bad(self) -> np.ndarray:
        return np.array(self.bad)

    def with_extremes(self, *, bad: Any = None, under: Any = None, over: Any = None) -> Colormap:
        """A copy with the given extreme colors replaced."""
        new = self.copy()
        if bad is not None:
            new.bad = bad
        if under is not None:
            new.under = under
        if over is not None:
            new.over = over
        return new

    def copy(self) -> Colormap:
        new = type(self).__new__(type(self))
        new.__dict__.update(self.__dict__)  # the table is read-only, so sharing is safe
        return new

    # -- evaluation

    def __call__(self, X: Any, alpha: Any = None, bytes: bool = False) -> Any:
        """RGBA for each value: ``(..., 4)`` floats (uint8 with ``bytes=True``).

        A scalar gives a tuple, as in matplotlib, so ``color=cmap(0.3)`` works anywhere.
        """
        bad = np.ma.getmaskarray(X) if np.ma.isMaskedArray(X) else None
        x = np.asarray(np.ma.getdata(X))
        shape = x.shape
        if x.ndim == 0:  # work on 1-d so that in-place edits apply to arrays, not scalars
            x = x.reshape(1)
            bad = None if bad is None else bad.reshape(1)
        n = self.N
        # Few passes and in-place edits: this runs on whole images (10^7 values).
        if x.dtype.kind in "biu":  # matplotlib: integers index the table (tab10(3))
            idx = x.astype(np.intp)
            under, over = idx < 0, idx >= n
        elif x.dtype.kind == "f":
            xf = np.multiply(x, n, dtype=np.float64)
            xf[xf == n] = n - 1  # 1.0 is the last entry, not "over"
            under, over = xf < 0, xf >= n
            nan = np.isnan(xf)
            bad = nan if bad is None else bad | nan
            with np.errstate(invalid="ignore"):  # NaN/inf cast to garbage, replaced below
                idx = xf.astype(np.intp)
        else:
            raise TypeError(f"{self.name}: got values of dtype {x.dtype}, expected numbers")
        for mask, entry in ((under, n), (over, n + 1), (bad, n + 2)):
            if mask is not None and mask.any():
                idx[mask] = entry
        table = np.concatenate([self._rgba, [self.under, self.over, self.bad]])
        if bytes:
            table = _to_uint8(table)
        rgba = np.take(table, idx, axis=0)  # much faster than table[idx]
        if alpha is not None:
            a = np.clip(np.asarray(alpha, dtype=np.float64), 0, 1)
            if a.shape not in ((), shape):
                raise ValueError(f"alpha: got shape {a.shape}, expected () or {shape}")
            rgba[..., 3] = np.round(a * 255) if bytes else a
            if bad is not None and not any(self.bad):
                rgba[bad] = 0  # a transparent "bad" stays transparent, as in matplotlib
        if shape == ():
            return tuple(rgba[0].tolist())
        return rgba

    def _sample(self, n: int) -> np.ndarray:
        n = int(n)
        if n < 1:
            raise ValueError(f"n: got {n}, expected at least 1 entry")
        if n == self.N:
            return self._rgba.copy()
        t = np.linspace(0.0, 1.0, n)
        if self.interpolate and self.N > 1:
            pos = np.linspace(0.0, 1.0, self.N)
            return np.stack([np.interp(t, pos, self._rgba[:, k]) for k in range(4)], axis=1)
        # A palette repeats its entries, as matplotlib's ListedColormap.resampled does.
        return self._rgba[np.minimum((t * self.N).astype(np.intp), self.N - 1)]

    def lut(self, n: int = 256) -> np.ndarray:
        """The table resampled to ``n`` entries, ``(n, 4)`` uint8: ready for a texture."""
        return _to_uint8(self._sample(n))

    def resampled(self, n: int) -> Colormap:
        """A copy with ``n`` table entries (matplotlib's name); extremes are kept."""
        new = self.copy()
        new._rgba = self._sample(n)
        new._rgba.flags.writeable = False
        return new

    def reversed(self, name: str | None = None) -> Colormap:
        """The map run backwards, named ``<name>_r`` (or without ``_r`` if it had one)."""
        if name is None:
            name = self.name[:-2] if self.name.endswith("_r") else self.name + "_r"
        new = self.copy()
        new.name = name
        new._rgba = self._rgba[::-1]
        new._under, new._over = self._over, self._under  # matplotlib swaps them too
        return new

    def __repr__(self) -> str:
        return f"Colormap({self.name!r}, N={self.N})"


def _from_foreign(obj: Any, argname: str) -> Colormap:
    """Sample a duck-typed colormap (e.g. matplotlib's) into a lumos Colormap."""
    n = int(obj.N)
    if n < 1:
        raise ValueError(f"{argname}: got a colormap with N={n}, expected N >= 1")
    # Bin centres pick each of its N entries exactly (matplotlib uses floor(x * N)).
    rgba = np.asarray(obj((np.arange(n) + 0.5) / n))
    extremes = {}
    for key in ("under", "over", "bad"):
        getter = getattr(obj, f"get_{key}", None)
        if callable(getter):
            extremes[key] = tuple(np.asarray(getter(), dtype=np.float64).ravel().tolist())
    return Colormap(str(obj.name), rgba, **extremes)


def _names() -> list[str]:
    return sorted({*_builtin_tables(), *_ALIASES, *_registered}, key=str.lower)


def colormap_names() -> list[str]:
    """Names :func:`get_cmap` knows (each also works with ``_r`` appended)."""
    return _names()


def _find(name: str) -> Colormap | None:
    key = _ALIASES.get(name, name)
    if key in _registered:
        return _registered[key].copy()
    table = _builtin_tables().get(key)
    if table is not None:
        return Colormap(key, table)
    if name.endswith("_r"):
        base = _find(name[:-2])
        if base is not None:
            return base.reversed(base.name + "_r")
    return None


def get_cmap(cmap: Any = None, *, argname: str = "cmap") -> Colormap:
    """A :class:`Colormap` from a name, a lumos Colormap or a matplotlib colormap.

    Names are matplotlib's (``'viridis'``, ``'RdBu_r'``, ...; case-insensitive when not
    ambiguous); ``None`` gives viridis. Any object that is callable and has ``N`` and
    ``name`` (a matplotlib colormap) is sampled into its ``N`` entries.
    Each name lookup returns a new object, so changing its extremes changes no other.
    """
    if cmap is None:
        cmap = "viridis"
    if isinstance(cmap, Colormap):
        return cmap
    if isinstance(cmap, str):
        found = _find(cmap)
        if found is None:  # 'Viridis', 'blues', 'rdbu_R'
            lower = {}
            for name in _names():
                lower[name.lower()] = name
                lower[name.lower() + "_r"] = name + "_r"
            real = lower.get(cmap.lower())
            found = _find(real) if real is not None else None
        if found is None:
            # Offer reversed names only to someone who asked for one.
            suffix = "_r" if cmap.lower().endswith("_r") else ""
            hint = _did_you_mean(cmap.lower(), {n.lower() + suffix: n + suffix for n in _names()})
            raise ValueError(
                f"{argname}: got {cmap!r}, expected a colormap name such as 'viridis'{hint}"
            )
        return found
    if callable(cmap) and hasattr(cmap, "N") and hasattr(cmap, "name"):
        return _from_foreign(cmap, argname)
    raise TypeError(
        f"{argname}: got {type(cmap).__name__} {_describe(cmap)}, expected a colormap name "
        "or a Colormap"
    )


def register_colormap(cmap: Any, *, name: str | None = None, force: bool = False) -> None:
    """Make ``cmap`` (anything :func:`get_cmap` takes) available by ``name``.

    Built-in names cannot be replaced; an earlier registration only with ``force``.
    """
    cm = get_cmap(cmap, argname="cmap").copy()
    name = cm.name if name is None else str(name)
    if name in _builtin_tables() or name in _ALIASES:
        raise ValueError(f"name: {name!r} is a built-in colormap and cannot be replaced")
    if name in _registered and not force:
        raise ValueError(f"name: {name!r} is already registered (pass force=True to replace)")
    cm.name = name
    _registered[name] = cm


# --------------------------------------------------------------------------------- norms


def _as_float(value: Any) -> tuple[np.ndarray, bool]:
    """A float64 copy with NaN where ``value`` is masked, and whether it was a scalar."""
    if np.ma.isMaskedArray(value):
        x = np.array(np.ma.getdata(value), dtype=np.float64)
        x[np.ma.getmaskarray(value)] = np.nan
    else:
        x = np.array(value, dtype=np.float64)
    if x.ndim == 0:  # 1-d inside, so that item assignment works on it
        return x.reshape(1), True
    return x, False


def _finite_range(a: Any, positive: bool = False) -> tuple[float | None, float | None]:
    """min and max of the finite (and, for log scales, positive) values; None if none."""
    x, _ = _as_float(a)
    keep = np.isfinite(x)
    if positive:
        keep &= x > 0
    if not keep.any():
        return None, None
    x = x[keep]
    return float(x.min()), float(x.max())


def _opt_float(v: Any) -> float | None:
    return None if v is None else float(v)


class Normalize:
    """Map ``[vmin, vmax]`` linearly onto ``[0, 1]``, like ``matplotlib.colors.Normalize``.

    Unset limits come from the data on the first call (finite values only). Values
    outside the limits map below 0 or above 1 unless ``clip``. The result is float64
    with NaN where the input is NaN, masked or outside the scale's domain.
    """

    _positive = False  # whether the scale only takes values > 0 (log)

    def __init__(self, vmin: float | None = None, vmax: float | None = None, clip: bool = False):
        self.vmin = _opt_float(vmin)
        self.vmax = _opt_float(vmax)
        self.clip = clip

    def __repr__(self) -> str:
        return f"{type(self).__name__}(vmin={self.vmin}, vmax={self.vmax})"

    def scaled(self) -> bool:
        """Whether both limits are set."""
        return self.vmin is not None and self.vmax is not None

    def autoscale(self, A: Any) -> None:
        """Set both limits to the range of ``A``."""
        self.vmin = self.vmax = None
        self.autoscale_None(A)

    def autoscale_None(self, A: Any) -> None:
        """Set the limits that are None to the range of ``A``'s finite values."""
        lo, hi = _finite_range(A, self._positive)
        if self.vmin is None:
            self.vmin = lo
        if self.vmax is None:
            self.vmax = hi

    # The scale, as a monotonic function; subclasses replace these two.
    def _forward(self, x: np.ndarray) -> np.ndarray:
        return x

    def _inverse(self, y: np.ndarray) -> np.ndarray:
        return y

    def _limits(self) -> tuple[float, float]:
        vmin, vmax = float(self.vmin), float(self.vmax)  # type: ignore[arg-type]
        if vmin > vmax:
            raise ValueError(f"{type(self).__name__}: vmin ({vmin}) must be <= vmax ({vmax})")
        return vmin, vmax

    def _scale(self, x: np.ndarray, vmin: float, vmax: float) -> np.ndarray:
        t_min, t_max = self._forward(np.array([vmin, vmax]))
        if not (np.isfinite(t_min) and np.isfinite(t_max)):
            raise ValueError(
                f"{type(self).__name__}: invalid vmin or vmax ({vmin}, {vmax}) for this scale"
            )
        return (self._forward(x) - t_min) / (t_max - t_min)

    def __call__(self, value: Any, clip: bool | None = None) -> Any:
        """Normalized values: a float64 array, or a float for a scalar."""
        x, scalar = _as_float(value)
        if not self.scaled():
            self.autoscale_None(x)
        if not self.scaled():  # no finite data to scale by: nothing to show
            out = np.full_like(x, np.nan)
        else:
            vmin, vmax = self._limits()
            if vmin == vmax:
                out = np.where(np.isnan(x), np.nan, 0.0)
            else:
                if self.clip if clip is None else clip:
                    x = np.clip(x, vmin, vmax)  # NaN stays NaN
                with np.errstate(invalid="ignore", divide="ignore"):
                    out = self._scale(x, vmin, vmax)
        return float(out[0]) if scalar else out

    def inverse(self, value: Any) -> Any:
        """Data values for normalized values."""
        if not self.scaled():
            raise ValueError(f"{type(self).__name__}: not invertible until vmin/vmax are set")
        y, scalar = _as_float(value)
        vmin, vmax = self._limits()
        t_min, t_max = self._forward(np.array([vmin, vmax]))
        with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
            out = self._inverse(t_min + y * (t_max - t_min))
        return float(out[0]) if scalar else out


class LogNorm(Normalize):
    """Logarithmic scale; values <= 0 give NaN (matplotlib masks them)."""

    _positive = True

    def _forward(self, x: np.ndarray) -> np.ndarray:
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(x > 0, np.log10(np.where(x > 0, x, 1.0)), np.nan)

    def _inverse(self, y: np.ndarray) -> np.ndarray:
        return np.power(10.0, y)


class SymLogNorm(Normalize):
    """Linear within ``±linthresh`` and logarithmic outside, like matplotlib's SymLogNorm.

    ``linscale`` stretches the linear part (in decades); ``base`` is the logarithm's.
    """

    def __init__(
        self,
        linthresh: float,
        linscale: float = 1.0,
        vmin: float | None = None,
        vmax: float | None = None,
        clip: bool = False,
        *,
        base: float = 10,
    ):
        super().__init__(vmin, vmax, clip)
        if not linthresh > 0:
            raise ValueError(f"linthresh: got {linthresh}, expected a number > 0")
        if not linscale > 0:
            raise ValueError(f"linscale: got {linscale}, expected a number > 0")
        if not base > 1:
            raise ValueError(f"base: got {base}, expected a number > 1")
        self.linthresh, self.linscale, self.base = float(linthresh), float(linscale), float(base)

    @property
    def _linscale_adj(self) -> float:
        return self.linscale / (1.0 - 1.0 / self.base)

    def _forward(self, x: np.ndarray) -> np.ndarray:
        a = np.abs(x)
        with np.errstate(divide="ignore", invalid="ignore"):
            log_part = (
                np.sign(x)
                * self.linthresh
                * (self._linscale_adj + np.log(a / self.linthresh) / math.log(self.base))
            )
        return np.where(a <= self.linthresh, x * self._linscale_adj, log_part)

    def _inverse(self, y: np.ndarray) -> np.ndarray:
        a = np.abs(y)
        with np.errstate(over="ignore"):
            log_part = (
                np.sign(y)
                * self.linthresh
                * np.power(self.base, a / self.linthresh - self._linscale_adj)
            )
        return np.where(a <= self.linthresh * self._linscale_adj, y / self._linscale_adj, log_part)


class PowerNorm(Normalize):
    """``((x - vmin) / (vmax - vmin)) ** gamma``; like matplotlib, only the part above
    ``vmin`` is raised to the power, so values below ``vmin`` still map below 0."""

    def __init__(
        self,
        gamma: float,
        vmin: float | None = None,
        vmax: float | None = None,
        clip: bool = False,
    ):
        super().__init__(vmin, vmax, clip)
        self.gamma = float(gamma)

    def _scale(self, x: np.ndarray, vmin: float, vmax: float) -> np.ndarray:
        y = (x - vmin) / (vmax - vmin)
        pos = y > 0
        y[pos] = np.power(y[pos], self.gamma)
        return y

    def inverse(self, value: Any) -> Any:
        if not self.scaled():
            raise ValueError("PowerNorm: not invertible until vmin/vmax are set")
        y, scalar = _as_float(value)
        vmin, vmax = self._limits()
        pos = y > 0
        y[pos] = np.power(y[pos], 1.0 / self.gamma)
        out = y * (vmax - vmin) + vmin
        return float(out[0]) if scalar else out


class CenteredNorm(Normalize):
    """Linear, symmetric about ``vcenter``: the limits are ``vcenter ± halfrange``.

    Without ``halfrange`` it is the largest distance of the data from ``vcenter``.
    """

    def __init__(self, vcenter: float = 0.0, halfrange: float | None = None, clip: bool = False):
        self.vcenter = float(vcenter)
        self.halfrange = _opt_float(None if halfrange is None else abs(halfrange))
        self.clip = clip

    @property  # type: ignore[override]
    def vmin(self) -> float | None:
        return None if self.halfrange is None else self.vcenter - self.halfrange

    @vmin.setter
    def vmin(self, value: float | None) -> None:
        self.halfrange = None if value is None else abs(self.vcenter - float(value))

    @property  # type: ignore[override]
    def vmax(self) -> float | None:
        return None if self.halfrange is None else self.vcenter + self.halfrange

    @vmax.setter
    def vmax(self, value: float | None) -> None:
        self.halfrange = None if value is None else abs(float(value) - self.vcenter)

    def autoscale(self, A: Any) -> None:
        self.halfrange = None
        self.autoscale_None(A)

    def autoscale_None(self, A: Any) -> None:
        if self.halfrange is None:
            lo, hi = _finite_range(A)
            if lo is not None:
                self.halfrange = max(self.vcenter - lo, hi - self.vcenter)  # type: ignore


class TwoSlopeNorm(Normalize):
    """Two linear pieces: ``[vmin, vcenter]`` onto ``[0, 0.5]`` and ``[vcenter, vmax]``
    onto ``[0.5, 1]``, for diverging colormaps with an off-centre zero."""

    def __init__(self, vcenter: float, vmin: float | None = None, vmax: float | None = None):
        super().__init__(vmin, vmax)
        self.vcenter = float(vcenter)
        if self.vmin is not None and self.vmin >= self.vcenter:
            raise ValueError(f"vmin ({self.vmin}) must be < vcenter ({self.vcenter})")
        if self.vmax is not None and self.vmax <= self.vcenter:
            raise ValueError(f"vmax ({self.vmax}) must be > vcenter ({self.vcenter})")

    def autoscale_None(self, A: Any) -> None:
        super().autoscale_None(A)
        if self.scaled():  # keep vcenter inside, as matplotlib does
            if self.vmin >= self.vcenter:  # type: ignore[operator]
                self.vmin = self.vcenter - (self.vmax - self.vcenter)  # type: ignore
            if self.vmax <= self.vcenter:  # type: ignore[operator]
                self.vmax = self.vcenter + (self.vcenter - self.vmin)  # type: ignore

    def _scale(self, x: np.ndarray, vmin: float, vmax: float) -> np.ndarray:
        if not vmin <= self.vcenter <= vmax:
            raise ValueError("TwoSlopeNorm: vmin, vcenter and vmax must increase")
        return np.interp(x, [vmin, self.vcenter, vmax], [0.0, 0.5, 1.0], -np.inf, np.inf)

    def inverse(self, value: Any) -> Any:
        if not self.scaled():
            raise ValueError("TwoSlopeNorm: not invertible until vmin/vmax are set")
        y, scalar = _as_float(value)
        vmin, vmax = self._limits()
        lo = vmin + 2 * y * (self.vcenter - vmin)
        hi = self.vcenter + (2 * y - 1) * (vmax - self.vcenter)
        out = np.where(y < 0.5, lo, hi)
        return float(out[0]) if scalar else out


class _ForeignNorm(Normalize):
    """A duck-typed norm (e.g. matplotlib's) behind lumos's interface: NaN, not masks."""

    def __init__(self, norm: Any):
        self._norm = norm

    def __repr__(self) -> str:
        return f"_ForeignNorm({self._norm!r})"

    vmin = property(  # type: ignore[assignment]
        lambda self: _opt_float(self._norm.vmin),
        lambda self, v: setattr(self._norm, "vmin", v),
    )
    vmax = property(  # type: ignore[assignment]
        lambda self: _opt_float(self._norm.vmax),
        lambda self, v: setattr(self._norm, "vmax", v),
    )
    clip = property(  # type: ignore[assignment]
        lambda self: bool(getattr(self._norm, "clip", False)),
        lambda self, v: setattr(self._norm, "clip", v),
    )

    def autoscale_None(self, A: Any) -> None:
        if hasattr(self._norm, "autoscale_None"):
            x, _ = _as_float(A)
            self._norm.autoscale_None(np.ma.masked_invalid(x))
        else:
            super().autoscale_None(A)

    def __call__(self, value: Any, clip: bool | None = None) -> Any:
        x, scalar = _as_float(value)
        if not self.scaled():  # here, so that inf does not become a limit
            self.autoscale_None(x)
        masked = np.ma.masked_where(np.isnan(x), x)
        result = self._norm(masked) if clip is None else self._norm(masked, clip=clip)
        out = np.ma.filled(np.ma.asarray(result).astype(np.float64), np.nan)
        return float(out[0]) if scalar else np.asarray(out, dtype=np.float64).reshape(x.shape)

    def inverse(self, value: Any) -> Any:
        return self._norm.inverse(value)


def get_norm(
    norm: Any = None,
    vmin: float | None = None,
    vmax: float | None = None,
    *,
    argname: str = "norm",
) -> Normalize:
    """The norm for a plotting call's ``norm``, ``vmin`` and ``vmax`` arguments.

    ``norm`` is None (linear), ``'linear'``, ``'log'``, ``'symlog'`` (linthresh 2, as
    matplotlib's scale), a lumos norm, or any object with ``vmin``/``vmax`` that is
    callable (a matplotlib norm), which is wrapped so it returns NaN, not masks.
    """
    if norm is None or isinstance(norm, str):
        kinds = {"linear": Normalize, "log": LogNorm, "symlog": functools.partial(SymLogNorm, 2.0)}
        key = "linear" if norm is None else norm
        if key not in kinds:
            raise ValueError(
                f"{argname}: got {norm!r}, expected 'linear', 'log', 'symlog' or a norm"
                + _did_you_mean(key, list(kinds))
            )
        return kinds[key](vmin=vmin, vmax=vmax)
    if vmin is not None or vmax is not None:
        raise ValueError(
            f"{argname}: pass vmin/vmax to the norm, not beside it "
            f"(got vmin={vmin}, vmax={vmax} with {type(norm).__name__})"
        )
    if isinstance(norm, Normalize):
        return norm
    if callable(norm) and hasattr(norm, "vmin") and hasattr(norm, "vmax"):
        return _ForeignNorm(norm)
    raise TypeError(
        f"{argname}: got {type(norm).__name__} {_describe(norm)}, expected a norm "
        "(Normalize, LogNorm, ...) or 'linear', 'log', 'symlog'"
    )
