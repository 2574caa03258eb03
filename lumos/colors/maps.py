"""Colormaps: lookup tables evaluated like matplotlib's, and the registry of names.

- :class:`Colormap` (with matplotlib's :class:`ListedColormap` and
  :class:`LinearSegmentedColormap`): ``cmap(x)`` for x in 0..1, ``_r`` reversed,
  ``resampled``, ``with_extremes``/``set_under``/``set_over``/``set_bad``.
- :data:`colormaps`: the registry (``colormaps["viridis"]``, iteration,
  ``colormaps.register(cmap)``); :func:`get_cmap` also takes lumos or matplotlib
  colormap objects. Every name matplotlib ships is here, stored as lookup tables in
  ``lumos/data/colormaps.npz`` (read on first use only); names registered with
  matplotlib itself are found too when matplotlib is imported.
"""

from __future__ import annotations

import io
import os
import sys
import threading
from collections.abc import Mapping, Sequence
from numbers import Real
from typing import Any

import numpy as np

from .names import (
    RGBA,
    _describe,
    _did_you_mean,
    is_masked_array,
    rgba_to_bytes,
    to_rgba,
    to_rgba_array,
)

__all__ = [
    "Colormap", "ListedColormap", "LinearSegmentedColormap", "ColormapRegistry",
    "colormaps", "get_cmap", "colormap_names", "register_colormap",
]  # fmt: skip

_DATA_FILE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data",
                          "colormaps.npz")
#: matplotlib's ``segmentdata`` rows of its built-in LinearSegmentedColormaps defined by
#: rows (keys ``name/channel``), read when one of them is resampled
_SEGMENTS_FILE = os.path.join(os.path.dirname(_DATA_FILE), "colormap_segments.npz")
_segments: dict[str, dict[str, np.ndarray]] | None = None
#: the built-in maps matplotlib makes ListedColormaps: resampling picks their entries
#: (tools/make_colormaps.py checks this list against matplotlib)
LISTED_NAMES = frozenset({
    "Accent", "Dark2", "Paired", "Pastel1", "Pastel2", "Set1", "Set2", "Set3", "berlin",
    "cividis", "inferno", "magma", "managua", "okabe_ito", "plasma", "tab10", "tab20",
    "tab20b", "tab20c", "turbo", "twilight", "twilight_shifted", "vanimo", "viridis",
})
_data = None  # _DATA_FILE read into memory at the first use (an open np.load of its bytes)
_names: frozenset[str] = frozenset()  # the tables in it
_tables: dict[str, np.ndarray] | None = None  # the tables decoded so far, by name
_data_lock = threading.Lock()  # one reader of the in-memory zip at a time
#: matplotlib's other names for stored maps (the map then carries the name asked for)
_ALIASES = {"grey": "gray", "Grays": "Greys", "gist_grey": "gist_gray", "gist_yerg": "gist_yarg"}
_registered: dict[str, Colormap] = {}


def _table_names() -> frozenset[str]:
    """The names of the bundled lookup tables (the file is read at the first use: keeps
    `import lumos.colors` fast)."""
    global _data, _names, _tables
    with _data_lock:
        if _data is None:
            with open(_DATA_FILE, "rb") as f:
                _data = np.load(io.BytesIO(f.read()))
            _names, _tables = frozenset(_data.files), {}
    return _names


def _builtin_table(name: str) -> np.ndarray | None:
    """One bundled table, decoded at its first use (a plot with viridis does not decode
    the other 86), or None."""
    if name not in _table_names():
        return None
    with _data_lock:
        table = _tables.get(name)
        if table is None:
            table = _tables[name] = _data[name]
            table.flags.writeable = False  # shared by every Colormap made from it
    return table


def _builtin_tables() -> dict[str, np.ndarray]:
    """Every bundled table, by name."""
    return {name: _builtin_table(name) for name in sorted(_table_names())}


def _builtin_segments(name: str) -> dict[str, np.ndarray] | None:
    """matplotlib's segmentdata rows of a built-in map, or None (a palette, or a map
    matplotlib defines by functions of x: those resample by interpolating the table)."""
    global _segments
    with _data_lock:
        if _segments is None:
            with np.load(_SEGMENTS_FILE) as data:
                _segments = {}
                for key in data.files:
                    cmap, channel = key.split("/")
                    _segments.setdefault(cmap, {})[channel] = data[key]
    return _segments.get(name)


def _entry_count(n: Any) -> int:
    n = int(n)
    if n < 1:
        raise ValueError(f"n: got {n}, expected at least 1 entry")
    return n


def _to_uint8(rgba: np.ndarray) -> np.ndarray:
    return np.round(np.clip(rgba, 0, 1) * 255).astype(np.uint8)


class Colormap:
    """A table of ``N`` RGBA colors evaluated like a matplotlib colormap.

    ``cmap(x)`` maps floats in 0..1 to table entries (``floor(x * N)``, 1.0 is the last
    entry), integers index the table directly, values below 0 / above 1 take
    ``under`` / ``over`` (default: the end colors) and NaN or masked values take
    ``bad`` (default: transparent). ``interpolate`` says whether the table samples a
    continuous map (resampling interpolates) or is a palette such as tab10 (resampling
    repeats entries); by default tables of 64 entries or more are continuous. The maps
    matplotlib ships as ListedColormaps (viridis, tab10, ...) are palettes, as there.
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
    def from_list(cls, name: str, colors: Sequence[Any], N: int = 256,  # noqa: N803
                  gamma: float = 1.0, *, n: int | None = None) -> Colormap:
        """A continuous map through ``colors``, evenly spaced or given as ``(value, color)``.

        Like ``LinearSegmentedColormap.from_list``: ``from_list('bw', ['blue', 'white'])``;
        ``gamma`` bends the spacing of the ``N`` entries as matplotlib's does.
        """
        N = int(N if n is None else n)  # noqa: N806
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
        t = np.linspace(0.0, 1.0, N) ** float(gamma)
        table = np.stack([np.interp(t, positions, rgba[:, k]) for k in range(4)], axis=1)
        new = LinearSegmentedColormap._from_table(name, table)
        if len(rgba) > 1:  # matplotlib's segments through the colors, for resampled()
            new.segmentdata = {channel: np.column_stack([positions, rgba[:, k], rgba[:, k]])
                               for k, channel in enumerate(("red", "green", "blue", "alpha"))}
        return new

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
        """The RGBA color of values below the range."""
        return np.array(self.under)

    def get_over(self) -> np.ndarray:
        """The RGBA color of values above the range."""
        return np.array(self.over)

    def get_bad(self) -> np.ndarray:
        """The RGBA color of NaN (masked) values."""
        return np.array(self.bad)

    def set_under(self, color: Any = "k", alpha: float | None = None) -> None:
        """The color of values below 0 (matplotlib's name; changes this map)."""
        self.under = to_rgba(color, alpha, argname="color")

    def set_over(self, color: Any = "k", alpha: float | None = None) -> None:
        """The color of values above 1 (matplotlib's name; changes this map)."""
        self.over = to_rgba(color, alpha, argname="color")

    def set_bad(self, color: Any = "k", alpha: float | None = None) -> None:
        """The color of NaN and masked values (matplotlib's name; changes this map)."""
        self.bad = to_rgba(color, alpha, argname="color")

    def set_extremes(self, *, bad: Any = None, under: Any = None, over: Any = None) -> None:
        """Set any of the three extreme colors in place."""
        for key, value in (("bad", bad), ("under", under), ("over", over)):
            if value is not None:
                setattr(self, key, value)

    def state(self) -> tuple:
        """What ``cmap(x)`` depends on, to compare with an earlier state: the table and
        the extreme colors. An artist colored through this map recolors when it changed
        in place (``set_under``, ``set_extremes``), as matplotlib reads the map at each
        draw. Cheap: no copy of the table (which never changes in place)."""
        return (id(self._rgba), self.interpolate, self._under, self._over, self._bad)

    def has_default_extremes(self) -> bool:
        """Whether under/over are the end colors and bad is transparent (what a GPU
        lookup that clamps to the table draws)."""
        return self._under is None and self._over is None and not any(self._bad)

    def is_gray(self) -> bool:
        """Whether every entry is a shade of gray."""
        t = self._rgba
        return bool(np.all(t[:, 0] == t[:, 1]) and np.all(t[:, 0] == t[:, 2]))

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
        """A copy of the colormap (``with_extremes`` and setters change copies, not the registered
        one)."""
        new = type(self).__new__(type(self))
        new.__dict__.update(self.__dict__)  # the table is read-only, so sharing is safe
        return new

    # -- evaluation

    def _indices(self, X: Any) -> tuple[tuple, np.ndarray | None, np.ndarray]:
        """(the values' shape, mask of bad values (1-d at least) or None, table index of
        each value (1-d at least): N for under, N + 1 for over, N + 2 for bad)."""
        masked = is_masked_array(X)
        bad = np.ma.getmaskarray(X) if masked else None
        x = np.asarray(np.ma.getdata(X) if masked else X)
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
        return shape, bad, idx

    def _extended(self) -> np.ndarray:
        """The table with the under, over and bad colors after it (float64)."""
        return np.concatenate([self._rgba, [self.under, self.over, self.bad]])

    def rgba_bytes(self, X: Any) -> np.ndarray:
        """``to_rgba_bytes(self(X))`` for an array ``X`` of values: the ``(n, 4)`` uint8
        rows shaders read, straight from the table converted once (a million values
        make no float rows, 32 MB)."""
        shape, _, idx = self._indices(X)
        if shape == ():
            raise ValueError("X: got a scalar, expected an array of values")
        return np.take(rgba_to_bytes(self._extended(), np.float32), idx.reshape(-1), axis=0)

    def __call__(self, X: Any, alpha: Any = None, bytes: bool = False) -> Any:
        """RGBA for each value: ``(..., 4)`` floats (uint8 with ``bytes=True``).

        A scalar gives a tuple, as in matplotlib, so ``color=cmap(0.3)`` works anywhere.
        """
        shape, bad, idx = self._indices(X)
        table = self._extended()
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
        n = _entry_count(n)
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

    def _resample(self, n: int) -> np.ndarray:
        return self._sample(n)

    def resampled(self, lutsize: int) -> Colormap:
        """A copy with ``lutsize`` table entries (matplotlib's name); extremes are kept.

        As in matplotlib, a palette (viridis, tab10, a ListedColormap) takes its entries
        nearest ``linspace(0, 1, lutsize)`` and a LinearSegmentedColormap evaluates its
        segments anew."""
        new = self.copy()
        new._rgba = self._resample(lutsize)
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




class ListedColormap(Colormap):
    """A palette: ``ListedColormap(["red", "green", "blue"])`` (matplotlib's signature;
    ``N`` repeats or truncates the colors). Resampling repeats entries."""

    def __init__(self, colors: Any, name: str = "from_list", N: int | None = None,  # noqa: N803
                 *, under: Any = None, over: Any = None, bad: Any = None) -> None:
        rgba = to_rgba_array(colors, dtype=np.float64, argname="colors")
        if N is not None and len(rgba):
            rgba = rgba[np.arange(int(N)) % len(rgba)]
        super().__init__(name, rgba, interpolate=False, under=under, over=over, bad=bad)


def _segment_table(n: int, data: Any, gamma: float, channel: str) -> np.ndarray:
    """One channel of a LinearSegmentedColormap: matplotlib's lookup-table builder.

    ``data`` is rows ``(x, y_left, y_right)`` with x rising from 0 to 1, or a function of
    x in 0..1."""
    if callable(data):
        x = np.linspace(0.0, 1.0, n) ** gamma
        return np.clip(np.asarray(data(x), dtype=np.float64) * np.ones(n), 0.0, 1.0)
    rows = np.asarray(data, dtype=np.float64)
    if rows.ndim != 2 or rows.shape[1] != 3:
        raise ValueError(f"segmentdata[{channel!r}]: got shape {rows.shape}, expected rows of "
                         "(x, y0, y1)")
    x, y0, y1 = rows[:, 0], rows[:, 1], rows[:, 2]
    if x[0] != 0.0 or x[-1] != 1.0 or np.any(np.diff(x) < 0):
        raise ValueError(f"segmentdata[{channel!r}]: x must increase from 0 to 1, got "
                         f"{x.tolist()}")
    if n == 1:
        return np.array([y0[-1]])
    x = x * (n - 1)
    xind = (n - 1) * np.linspace(0.0, 1.0, n) ** gamma
    ind = np.searchsorted(x, xind)[1:-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        distance = (xind[1:-1] - x[ind - 1]) / (x[ind] - x[ind - 1])
    distance = np.nan_to_num(distance)
    inner = distance * (y0[ind] - y1[ind - 1]) + y1[ind - 1]
    return np.clip(np.concatenate([[y1[0]], inner, [y0[-1]]]), 0.0, 1.0)


def _segments_rgba(segmentdata: Mapping[str, Any], n: int, gamma: float) -> np.ndarray:
    """The ``(n, 4)`` table of a LinearSegmentedColormap (alpha 1 where not given)."""
    table = np.ones((n, 4))
    for k, channel in enumerate(("red", "green", "blue", "alpha")):
        if channel in segmentdata:
            table[:, k] = _segment_table(n, segmentdata[channel], gamma, channel)
    return table


def _reversed_segments(rows: Any) -> Any:
    """One channel's segmentdata for the reversed map, as matplotlib reverses it."""
    if callable(rows):
        return lambda x: rows(1.0 - x)
    return [(1.0 - x, y1, y0) for x, y0, y1 in reversed(np.asarray(rows, dtype=np.float64))]


class LinearSegmentedColormap(Colormap):
    """A continuous map from matplotlib's ``segmentdata`` (``{'red': [(x, y0, y1), ...],
    'green': ..., 'blue': ..., 'alpha': ...}``, rows or functions of x), sampled to ``N``
    entries; ``from_list`` builds one through a list of colors."""

    def __init__(self, name: str, segmentdata: Mapping[str, Any], N: int = 256,  # noqa: N803
                 gamma: float = 1.0) -> None:
        missing = {"red", "green", "blue"} - set(segmentdata)
        if missing:
            raise TypeError(f"segmentdata: missing {sorted(missing)}, expected 'red', "
                            "'green' and 'blue' (and optionally 'alpha')")
        super().__init__(name, _segments_rgba(segmentdata, int(N), float(gamma)),
                         interpolate=True)
        self.segmentdata = segmentdata

    def _resample(self, n: int) -> np.ndarray:
        # matplotlib evaluates the segments anew at n entries (and drops gamma)
        if self.segmentdata is None:
            return super()._resample(n)
        return _segments_rgba(self.segmentdata, _entry_count(n), 1.0)

    def reversed(self, name: str | None = None) -> LinearSegmentedColormap:
        """The map run backwards (its segments too, so that it resamples as matplotlib's)."""
        new = super().reversed(name)
        if self.segmentdata is not None:
            new.segmentdata = {key: _reversed_segments(rows)
                               for key, rows in self.segmentdata.items()}
        return new

    @classmethod
    def _from_table(cls, name: str, table: np.ndarray) -> LinearSegmentedColormap:
        new = cls.__new__(cls)
        Colormap.__init__(new, name, table, interpolate=True)
        new.segmentdata = None
        return new


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
    # extremes equal to the end entries are the default ones (they follow reversal)
    if "under" in extremes and np.allclose(extremes["under"], rgba[0]):
        del extremes["under"]
    if "over" in extremes and np.allclose(extremes["over"], rgba[-1]):
        del extremes["over"]
    return Colormap(str(obj.name), rgba, **extremes)


def _matplotlib_registry() -> Any:
    """matplotlib's colormap registry when the script imported matplotlib, else None
    (names a user registered there are found by name here too)."""
    mpl = sys.modules.get("matplotlib")
    return getattr(mpl, "colormaps", None) if mpl is not None else None


def _base_names() -> list[str]:
    return sorted({*_table_names(), *_ALIASES, *_registered}, key=str.lower)


def colormap_names() -> list[str]:
    """Names :func:`get_cmap` knows (each also works with ``_r`` appended)."""
    return _base_names()


def _find(name: str) -> Colormap | None:
    if name in _registered:
        return _registered[name].copy()
    base = _ALIASES.get(name, name)
    table = _builtin_table(base)
    if table is not None:
        if base in LISTED_NAMES:
            return Colormap(name, table, interpolate=False)
        cmap = LinearSegmentedColormap._from_table(name, table)
        cmap.segmentdata = _builtin_segments(base)
        return cmap
    if name.endswith("_r"):
        base = _find(name[:-2])
        if base is not None:
            return base.reversed(name)
    foreign = _matplotlib_registry()
    if foreign is not None and name in foreign:
        return _from_foreign(foreign[name], "cmap")
    return None


def get_cmap(cmap: Any = None, lut: int | None = None, *, argname: str = "cmap") -> Colormap:
    """A :class:`Colormap` from a name, a lumos Colormap or a matplotlib colormap.

    Names are matplotlib's (``'viridis'``, ``'RdBu_r'``, ...; case-insensitive when not
    ambiguous); ``None`` gives viridis. Any object that is callable and has ``N`` and
    ``name`` (a matplotlib colormap) is sampled into its ``N`` entries. ``lut``
    resamples the map to that many entries. Each name lookup returns a new object, so
    changing its extremes changes no other.
    """
    found = _get_cmap(cmap, argname)
    return found if lut is None else found.resampled(int(lut))


def _get_cmap(cmap: Any, argname: str) -> Colormap:
    if cmap is None:
        cmap = "viridis"
    if isinstance(cmap, Colormap):
        return cmap
    if isinstance(cmap, str):
        found = _find(cmap)
        if found is None:  # 'Viridis', 'blues', 'rdbu_R'
            lower = {}
            for name in _base_names():
                lower[name.lower()] = name
                lower[name.lower() + "_r"] = name + "_r"
            real = lower.get(cmap.lower())
            found = _find(real) if real is not None else None
        if found is None:
            # Offer reversed names only to someone who asked for one.
            suffix = "_r" if cmap.lower().endswith("_r") else ""
            hint = _did_you_mean(cmap.lower(),
                                 {n.lower() + suffix: n + suffix for n in _base_names()})
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


class ColormapRegistry(Mapping):
    """``colormaps``: every colormap by name, as matplotlib's registry.

    ``colormaps["viridis"]`` gives a new copy each time; iterating gives every name
    (``_r`` variants included); ``colormaps()`` lists them; ``register`` adds one.
    """

    def __getitem__(self, name: str) -> Colormap:
        found = _find(name) if isinstance(name, str) else None
        if found is None:
            raise KeyError(f"{name!r} is not a known colormap name"
                           + _did_you_mean(str(name), _base_names()))
        return found

    def _all(self) -> list[str]:
        names = [n for n in _base_names()]
        return names + [n + "_r" for n in names]

    def __iter__(self):
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and _find(name) is not None

    def __call__(self) -> list[str]:
        """The names, as matplotlib's ``plt.colormaps()``."""
        return self._all()

    def register(self, cmap: Any, *, name: str | None = None, force: bool = False) -> None:
        """Make ``cmap`` (anything :func:`get_cmap` takes) available by ``name``.

        Built-in names cannot be replaced; an earlier registration only with ``force``.
        """
        cm = get_cmap(cmap, argname="cmap").copy()
        name = cm.name if name is None else str(name)
        if name in _table_names() or name in _ALIASES:
            raise ValueError(f"name: {name!r} is a built-in colormap and cannot be replaced")
        if name in _registered and not force:
            raise ValueError(f"name: {name!r} is already registered (pass force=True to "
                             "replace it)")
        cm.name = name
        _registered[name] = cm

    def unregister(self, name: str) -> None:
        """Remove a colormap registered by the user."""
        if name in _table_names() or name in _ALIASES:
            raise ValueError(f"name: {name!r} is a built-in colormap and cannot be removed")
        _registered.pop(name, None)

    def get_cmap(self, cmap: Any) -> Colormap:
        """The colormap called ``cmap`` (a Colormap passes through)."""
        return get_cmap(cmap)

    def __repr__(self) -> str:
        return f"ColormapRegistry({len(self)} colormaps)"


#: matplotlib's ``colormaps`` registry.
colormaps = ColormapRegistry()


def register_colormap(cmap: Any, *, name: str | None = None, force: bool = False) -> None:
    """``colormaps.register``: make ``cmap`` available by ``name``."""
    colormaps.register(cmap, name=name, force=force)

