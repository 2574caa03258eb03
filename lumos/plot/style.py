"""rcParams: matplotlib's rc parameters, validated, with matplotlib's defaults.

``rcParams`` knows every key matplotlib knows (an unknown key is a KeyError, as in
matplotlib) and checks each value (``rcParams["lines.linewidth"] = "x"`` is a
ValueError). Keys lumos honours are in :data:`HONOURED`; setting another to a value
other than its default warns once, naming it. ``rc("lines", linewidth=2)``,
``rc_context({...})`` and ``rcdefaults()`` as in matplotlib; style sheets are in
:mod:`lumos.plot.stylesheets`.
"""

from __future__ import annotations

import contextlib
import sys
import warnings

from ..colors import TAB10, set_cycle_colors
from ..visuals.fonts import HINTING_FLAGS, set_hinting_flags
from .rc_defaults import MATPLOTLIB_DEFAULTS, MATPLOTLIB_KINDS


def _default_cycle():
    from cycler import cycler

    return cycler(color=list(TAB10))


# lumos's own keys (not matplotlib's)
_LUMOS_DEFAULTS: dict[str, object] = {
    # modules that register front-ends (lumos.plot.frontends), asked in this order
    "figure.frontends": ["lumos.app.notebook", "lumos.app.window"],
}
_LUMOS_KINDS = {"figure.frontends": "strlist", "axes.axisbelow": "bool|line",
                "hist.bins": "int|str"}

#: keys lumos reads: a value set there changes the picture (or the output)
HONOURED = frozenset("""
_internal.classic_mode
axes3d.depthshade axes3d.depthshade_minalpha axes3d.grid axes3d.xaxis.panecolor
axes3d.yaxis.panecolor axes3d.zaxis.panecolor axes.zmargin
axes.autolimit_mode axes.axisbelow axes.edgecolor axes.facecolor axes.grid axes.labelcolor
axes.labelpad
axes.labelsize axes.linewidth axes.prop_cycle axes.spines.bottom axes.spines.left
axes.spines.right axes.spines.top axes.titlecolor axes.titlepad axes.titlesize axes.titley
axes.formatter.limits axes.formatter.offset_threshold axes.formatter.use_mathtext
axes.formatter.useoffset axes.xmargin axes.ymargin boxplot.boxprops.color boxplot.boxprops.linestyle
boxplot.boxprops.linewidth boxplot.patchartist boxplot.whiskers
boxplot.capprops.color boxplot.capprops.linestyle boxplot.capprops.linewidth
boxplot.flierprops.color boxplot.flierprops.linestyle boxplot.flierprops.linewidth
boxplot.flierprops.marker boxplot.flierprops.markeredgecolor boxplot.flierprops.markeredgewidth
boxplot.flierprops.markerfacecolor boxplot.flierprops.markersize boxplot.meanprops.color
boxplot.meanprops.linestyle boxplot.meanprops.linewidth boxplot.meanprops.marker
boxplot.meanprops.markeredgecolor boxplot.meanprops.markerfacecolor boxplot.meanprops.markersize
boxplot.medianprops.color boxplot.medianprops.linestyle boxplot.medianprops.linewidth
boxplot.whiskerprops.color boxplot.whiskerprops.linestyle boxplot.whiskerprops.linewidth
boxplot.notch boxplot.showmeans boxplot.showcaps boxplot.showbox boxplot.showfliers
boxplot.meanline
contour.negative_linestyle date.converter errorbar.capsize figure.autolayout
figure.constrained_layout.h_pad figure.constrained_layout.hspace
figure.constrained_layout.use figure.constrained_layout.w_pad
figure.constrained_layout.wspace figure.dpi figure.edgecolor figure.facecolor
figure.figsize figure.frameon figure.frontends figure.labelsize figure.labelweight
figure.subplot.bottom figure.subplot.hspace figure.subplot.left figure.subplot.right
figure.subplot.top figure.subplot.wspace figure.titlesize figure.titleweight font.family
font.serif font.sans-serif font.monospace font.cursive font.fantasy axes.labelweight
font.size font.style font.weight grid.alpha grid.color grid.linestyle grid.linewidth
hatch.color hatch.linewidth
hist.bins image.cmap image.interpolation image.interpolation_stage image.origin image.resample
legend.borderaxespad legend.borderpad legend.edgecolor legend.fontsize legend.framealpha
legend.frameon legend.handlelength legend.handletextpad legend.labelspacing legend.loc lines.color
legend.columnspacing legend.handleheight legend.markerscale legend.numpoints legend.scatterpoints
lines.linestyle lines.linewidth lines.marker lines.markeredgewidth lines.markersize
lines.solid_capstyle lines.dash_capstyle lines.solid_joinstyle lines.dash_joinstyle
lines.antialiased lines.dashed_pattern lines.dotted_pattern lines.dashdot_pattern
patch.antialiased patch.edgecolor patch.facecolor patch.force_edgecolor patch.linewidth path.snap
ps.fonttype ps.papersize
scatter.edgecolors scatter.marker
pcolor.shading
polaraxes.grid savefig.bbox savefig.dpi savefig.edgecolor savefig.facecolor
savefig.format savefig.pad_inches savefig.transparent svg.fonttype text.color text.hinting
text.usetex
xtick.color xtick.labelsize xtick.major.pad xtick.major.size xtick.major.width
xtick.minor.size xtick.minor.width ytick.color ytick.labelsize
axes.grid.axis axes.titlelocation axes.titleweight legend.facecolor legend.fancybox
legend.labelcolor legend.shadow xtick.bottom xtick.top xtick.labelbottom xtick.labeltop
xtick.direction xtick.minor.visible xtick.minor.pad xtick.labelcolor ytick.left ytick.right
ytick.labelleft ytick.labelright ytick.direction ytick.minor.visible ytick.major.size
ytick.minor.size ytick.major.width ytick.minor.width ytick.major.pad ytick.minor.pad
ytick.labelcolor
""".split())

# keys about GUIs, backends and files lumos does not write: setting them changes
# nothing lumos draws, in matplotlib's Agg either (no warning)
_INERT_PREFIXES = ("backend", "interactive", "toolbar", "keymap.", "webagg.", "tk.",
                   "macosx.", "docstring.", "figure.max_open_warning", "figure.raise_window",
                   "savefig.directory", "timezone", "datapath", "animation.",
                   "figure.hooks", "pgf.")

_FONT_SIZE_NAMES = ("xx-small", "x-small", "small", "medium", "large", "x-large",
                    "xx-large", "smaller", "larger")
_WEIGHTS = ("ultralight", "light", "normal", "regular", "book", "medium", "roman",
            "semibold", "demibold", "demi", "bold", "heavy", "extra bold", "black")
_TRUE = ("t", "y", "yes", "on", "true", "1")
_FALSE = ("f", "n", "no", "off", "false", "0")


def _kind(key: str) -> str:
    return _LUMOS_KINDS.get(key) or MATPLOTLIB_KINDS.get(key, "any")


def _fail(key: str, value, expected: str):
    raise ValueError(f"rcParams[{key!r}]: got {value!r}, expected {expected}")


def _validate(key: str, value):
    """The value stored for ``key`` (strings from style files converted), or a
    ValueError naming the key."""
    kind = _kind(key)
    options = kind.split("|") if not kind.startswith("choice:") else [kind]
    if value is None or (isinstance(value, str) and value.strip() == "None"):
        if "None" in options or kind == "any" or DEFAULTS.get(key, 0) is None:
            return None
    if isinstance(value, str):
        value = value.strip().strip('"').strip("'") if kind != "cycler" else value.strip()
    for option in options:
        try:
            return _check(option, key, value)
        except (TypeError, ValueError):
            continue
    _fail(key, value, " or ".join(options).replace("choice:", "one of ").replace(
        "intpair", "two integers"))


def _check(kind: str, key: str, value):
    if kind == "any":
        return value
    if kind in ("auto", "inherit", "edge", "linecolor", "line"):
        if value == kind:
            return value
        raise ValueError
    if kind == "bool":
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in _TRUE + _FALSE:
            return value.lower() in _TRUE
        if isinstance(value, (int, float)) and value in (0, 1):
            return bool(value)
        raise ValueError
    if kind == "float":
        if isinstance(value, bool):
            raise ValueError
        return float(value)
    if kind == "int":
        if isinstance(value, bool) or float(value) != int(float(value)):
            raise ValueError
        return int(float(value))
    if kind == "dpi":
        return value if value == "figure" else float(value)
    if kind == "str":
        if not isinstance(value, str):
            raise TypeError
        return value
    if kind.startswith("choice:"):
        choices = kind[len("choice:"):].split("|")
        if isinstance(value, str) and value.lower() in [c.lower() for c in choices]:
            return choices[[c.lower() for c in choices].index(value.lower())]
        raise ValueError
    if kind == "color":
        from .. import colors

        text = value
        if isinstance(value, str) and "," in value:  # "0.9, 0.9, 0.9, 0.5"
            text = value = tuple(float(v) for v in value.split(","))
        if isinstance(value, str) and len(value) in (6, 8) and all(
                c in "0123456789abcdefABCDEF" for c in value):
            text = "#" + value  # style files write hex colors without '#'
        colors.to_rgba(text)
        return text
    if kind == "fontsize":
        if isinstance(value, str) and value in _FONT_SIZE_NAMES:
            return value
        size = float(value)
        if size <= 0:
            raise ValueError
        return size
    if kind == "fontweight":
        if isinstance(value, str) and value in _WEIGHTS:
            return value
        return int(value)
    if kind == "linestyle":
        if isinstance(value, str):
            return value
        return tuple(value)
    if kind in ("strlist", "floatlist"):
        items = [s.strip() for s in value.split(",")] if isinstance(value, str) else list(value)
        items = [s for s in items if s != ""]
        if kind == "floatlist" or key == "figure.figsize":
            items = [float(v) for v in items]
            if key == "figure.figsize" and (len(items) != 2 or min(items) <= 0):
                raise ValueError
        return items
    if kind == "intpair":  # "-7, 7" in a style file, (-7, 7) in code
        items = value.split(",") if isinstance(value, str) else list(value)
        if len(items) != 2:
            raise ValueError
        return [_check("int", key, v) for v in items]
    if kind == "bbox":  # matplotlib stores 'standard' as None
        if value in ("tight", "standard"):
            return None if value == "standard" else value
        raise ValueError
    if kind == "cycler":
        return _cycler(value)
    raise ValueError


def _cycler(value):
    """A cycler from a cycler, a list of colors or a style file's "cycler('color',
    [...])" (read without eval: only cycler calls of literals, joined by '+')."""
    import ast

    from cycler import Cycler, cycler

    if isinstance(value, Cycler):
        return value
    if isinstance(value, (list, tuple)):
        return cycler(color=list(value))
    if not isinstance(value, str):
        raise TypeError

    def build(node):
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mult)):
            left, right = build(node.left), build(node.right)
            return left + right if isinstance(node.op, ast.Add) else left * right
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
                node.func.id == "cycler":
            args = [ast.literal_eval(a) for a in node.args]
            kwargs = {k.arg: ast.literal_eval(k.value) for k in node.keywords}
            return cycler(*args, **kwargs)
        raise ValueError

    out = build(ast.parse(value, mode="eval").body)
    by_key = out.by_key()
    if "color" in by_key:  # style files write hex colors without '#'
        by_key["color"] = [_check("color", "axes.prop_cycle", c) for c in by_key["color"]]
        out = cycler(**by_key)
    return out


def _is_inert(key: str) -> bool:
    return key.startswith(_INERT_PREFIXES)


class RcParams(dict):
    """matplotlib's ``rcParams``: a dict of known keys with checked values."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__()
        self._warned: set[str] = set()
        #: counts the changes of values: what caches its work on them compares it
        self.generation = 0
        self.update(*args, **kwargs)

    def __setitem__(self, key: str, value) -> None:
        self._set(key, value)
        self._warn_unhonoured([key])

    def _set(self, key: str, value) -> None:
        if key not in DEFAULTS:
            raise KeyError(f"{key!r} is not a valid rc parameter (see rcParams.keys() for "
                           "a list of valid parameters)")
        value = _validate(key, value)
        dict.__setitem__(self, key, value)
        self.generation += 1
        if key == "axes.prop_cycle":
            _follow_cycle(value)
        if key == "text.hinting":
            set_hinting_flags(HINTING_FLAGS[value])
        self._notice(key, value)

    def _notice(self, key: str, value) -> None:
        """Warn once about values lumos reads but cannot follow (a font family it cannot
        find warns when a text asks for it, as matplotlib's ``findfont``)."""
        if key == "text.usetex" and value and key not in self._warned:
            self._warned.add(key)
            warnings.warn("text.usetex: lumos typesets $...$ with its own mathtext, not "
                          "LaTeX; text is drawn without TeX", UserWarning, stacklevel=4)

    def _warn_unhonoured(self, keys) -> None:
        new = [k for k in keys if k not in HONOURED and not _is_inert(k) and
               k not in self._warned and not _same(dict.__getitem__(self, k), DEFAULTS[k])]
        if new:
            self._warned.update(new)
            warnings.warn(f"rcParams: lumos does not use {', '.join(sorted(new))} yet; the "
                          "value is kept but changes nothing drawn", UserWarning, stacklevel=3)

    def update(self, *args, **kwargs) -> None:
        items = dict(*args, **kwargs)
        for key, value in items.items():
            self._set(key, value)
        self._warn_unhonoured(list(items))

    def setdefault(self, key, default=None):
        raise TypeError("rcParams.setdefault is not supported; set the key instead")

    def __delitem__(self, key) -> None:
        raise TypeError("rc parameters cannot be deleted")

    def pop(self, *args):
        raise TypeError("rc parameters cannot be deleted")

    def copy(self) -> dict:
        """A plain dict of the parameters."""
        return dict(self)

    def find_all(self, pattern: str) -> dict:
        """The parameters whose key matches the regular expression ``pattern``."""
        import re

        rx = re.compile(pattern)
        return {k: v for k, v in self.items() if rx.search(k)}

    def _restore(self, values: dict) -> None:
        """Put saved values back (they were checked when set)."""
        for key, value in values.items():
            dict.__setitem__(self, key, value)
        self.generation += 1
        if "axes.prop_cycle" in values:
            _follow_cycle(values["axes.prop_cycle"])
        if "text.hinting" in values:
            set_hinting_flags(HINTING_FLAGS[values["text.hinting"]])


def _follow_cycle(cycle) -> None:
    """'CN' colors name this cycle's colors, as in matplotlib ('k' when it has none)."""
    set_cycle_colors(cycle.by_key().get("color", ["k"]))


def _same(a, b) -> bool:
    try:
        return bool(a == b)
    except Exception:  # array-like values
        return False


def _lumos_defaults() -> dict:
    """matplotlib's defaults with lumos's keys and its cycle."""
    out = dict(MATPLOTLIB_DEFAULTS)
    out["axes.prop_cycle"] = _default_cycle()
    out.update(_LUMOS_DEFAULTS)
    return out


DEFAULTS = _lumos_defaults()
rcParams = RcParams()
rcParams._restore(DEFAULTS)  # matplotlib's own values: already valid

# keys a reset leaves alone (matplotlib's)
_KEEP_ON_RESET = ("backend", "interactive", "figure.frontends")


def rcdefaults() -> None:
    """Every parameter back to its default."""
    rcParams._restore({k: v for k, v in _lumos_defaults().items()
                       if k not in _KEEP_ON_RESET})


_ALIASES = {"lw": "linewidth", "ls": "linestyle", "c": "color", "fc": "facecolor",
            "ec": "edgecolor", "mew": "markeredgewidth", "aa": "antialiased"}


def rc(group, **kwargs) -> None:
    """``rc("lines", linewidth=2, color="r")`` sets ``lines.linewidth`` and
    ``lines.color``; ``group`` may be a tuple of groups."""
    groups = (group,) if isinstance(group, str) else tuple(group)
    updates = {f"{g}.{_ALIASES.get(k, k)}": v for g in groups for k, v in kwargs.items()}
    rcParams.update(updates)


@contextlib.contextmanager
def rc_context(rc: dict | None = None, fname=None):
    """Parameters changed inside the block (and by ``rc``, a dict, and ``fname``, a
    style file) are restored after it."""
    saved = dict(rcParams)
    try:
        if fname is not None:
            from .stylesheets import read_style_file

            rcParams.update(read_style_file(fname))
        if rc is not None:
            rcParams.update(rc)
        yield rcParams
    finally:
        dict.clear(rcParams)
        rcParams._restore(saved)


# matplotlib's rcParams values as last seen by sync_from_matplotlib (key -> value)
_MPL_SEEN: dict = {}


def sync_from_matplotlib() -> None:
    """Values a script set in matplotlib's own rcParams (``mpl.rcParams[...] = ...``,
    ``mpl.rc(...)``, ``mpl.style.use(...)``) since the last look are set in lumos's:
    a script that swapped only its pyplot import keeps its styling. Only when the
    script imported matplotlib (lumos never imports it for this); figures call it."""
    mpl = sys.modules.get("matplotlib")
    params = getattr(mpl, "rcParams", None)
    if params is None:
        return
    mpl_defaults = getattr(mpl, "rcParamsDefault", {})
    if not _MPL_SEEN:  # first look: what differs from matplotlib's defaults
        _MPL_SEEN.update(dict.items(mpl_defaults))
    changed = {}
    for key, value in dict.items(params):
        if _is_inert(key) or key not in DEFAULTS or _same(value, _MPL_SEEN.get(key)):
            continue
        _MPL_SEEN[key] = value
        # back at matplotlib's default (a style context ended, mpl.rcdefaults()): lumos's
        # own default, which spells some values differently (the cycle's colors as hex
        # strings where matplotlib 3.11 holds RGB tuples)
        changed[key] = DEFAULTS[key] if _same(value, dict.get(mpl_defaults, key)) else value
    for key, value in changed.items():
        try:
            rcParams[key] = value
        except (KeyError, ValueError, TypeError) as exc:
            warnings.warn(f"matplotlib's rcParams[{key!r}] = {value!r}: lumos cannot use it "
                          f"({exc})", UserWarning, stacklevel=3)


_FONT_SCALE = {"xx-small": 0.579, "x-small": 0.694, "small": 0.833, "medium": 1.0,
               "large": 1.2, "x-large": 1.44, "xx-large": 1.728, "smaller": 1 / 1.2,
               "larger": 1.2}


def font_points(size) -> float:
    """A font size in points from a number (or a string of one: '10', as matplotlib
    reads it) or a matplotlib name ('small', 'large': relative to
    ``rcParams["font.size"]``)."""
    if isinstance(size, str):
        try:
            size = float(size)
        except ValueError:
            pass
    if isinstance(size, str):
        if size not in _FONT_SCALE:
            raise ValueError(f"fontsize: got {size!r}, expected points or one of "
                             f"{', '.join(_FONT_SCALE)}")
        return float(rcParams["font.size"]) * _FONT_SCALE[size]
    v = float(size)
    if not 0 < v <= 10_000:  # 10^4 pt (139 inches): pixels stay finite; NaN refused too
        raise ValueError(f"fontsize: got {size!r}, expected a positive number of points "
                         "(at most 10,000)")
    return v


def color_cycle() -> list:
    """The colors of ``rcParams["axes.prop_cycle"]`` (the default ones when the cycle
    has no color)."""
    cycle = rcParams["axes.prop_cycle"]
    by_key = cycle.by_key() if hasattr(cycle, "by_key") else {"color": list(cycle)}
    return list(by_key.get("color", TAB10))


# matplotlib's named line styles, by their long names
DASHES = {"-": "solid", "solid": "solid", "--": "dashed", "dashed": "dashed", ":": "dotted",
          "dotted": "dotted", "-.": "dashdot", "dashdot": "dashdot"}


def named_dashes(name: str) -> tuple[float, ...] | None:
    """The dash pattern of a named line style (a key of :data:`DASHES`) in multiples of
    the line width, as rcParams give it (``lines.dashed_pattern`` & co.); None: solid."""
    long = DASHES[name]
    if long == "solid":
        return None
    pattern = {"dashed": rcParams["lines.dashed_pattern"],
               "dotted": rcParams["lines.dotted_pattern"],
               "dashdot": rcParams["lines.dashdot_pattern"]}[long]
    return tuple(float(v) for v in pattern)


def set_dashes(line, linestyle, width_px: float) -> None:
    """Give a Line visual the dash pattern and offset of a line style drawn
    ``width_px`` wide."""
    line.dashes = dash_pattern(linestyle, width_px)
    line.dash_offset = dash_offset(linestyle, width_px)


def dash_offset(linestyle, width_px: float) -> float:
    """How far into its dash pattern a line style starts, in pixels for a line drawn
    ``width_px`` wide (matplotlib scales the offset with the width, as the pattern)."""
    return width_px * linestyle[0] if isinstance(linestyle, tuple) else 0.0


def dash_pattern(linestyle, width_px: float) -> tuple[float, ...] | None:
    """The dash lengths in pixels of a line style drawn ``width_px`` wide: matplotlib's
    patterns scale with the line width. None for solid lines (and for zero-width lines,
    which are not drawn)."""
    if isinstance(linestyle, tuple):  # (offset, (on, off, ...)) in line widths
        pattern = linestyle[1]
    else:
        pattern = named_dashes(linestyle) if linestyle in DASHES else None
    if pattern is None or width_px <= 0:
        return None
    return tuple(width_px * p for p in pattern)
