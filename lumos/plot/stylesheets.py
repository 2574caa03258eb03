"""Style sheets: ``plt.style.use("ggplot")``, ``with plt.style.context("bmh"):``.

A style is a name of matplotlib's bundled sheets (read from matplotlib's ``stylelib``
folder when matplotlib is installed: lumos does not need it otherwise), a name of a
sheet in the user's ``<config>/matplotlib/stylelib``, a path to a ``.mplstyle`` file, a
dict of rc parameters, or a list of these applied in order. ``"default"`` is
matplotlib's defaults. Keys about the session (backend, interactive, ...) are skipped,
as matplotlib skips them.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import warnings
from pathlib import Path

from .style import rc_context, rcdefaults, rcParams

# matplotlib's STYLE_BLACKLIST: what a style may not change
_SKIPPED = {"interactive", "backend", "webagg.port", "webagg.address", "webagg.port_retries",
            "webagg.open_in_browser", "backend_fallback", "toolbar", "timezone",
            "figure.max_open_warning", "figure.raise_window", "savefig.directory",
            "tk.window_focus", "docstring.hardcopy", "date.epoch"}
# names matplotlib once used for the seaborn sheets (now seaborn-v0_8-*)
_RENAMED = {"seaborn": "seaborn-v0_8"}


def _library_dirs() -> list[Path]:
    dirs = []
    spec = importlib.util.find_spec("matplotlib")
    if spec is not None and spec.origin is not None:
        dirs.append(Path(spec.origin).parent / "mpl-data" / "stylelib")
    config = os.environ.get("MPLCONFIGDIR") or os.path.join(
        os.environ.get("XDG_CONFIG_HOME") or os.path.expanduser("~/.config"), "matplotlib")
    dirs.append(Path(config) / "stylelib")
    return [d for d in dirs if d.is_dir()]


def _sheets() -> dict[str, Path]:
    out: dict[str, Path] = {}
    for d in _library_dirs():
        for p in sorted(d.glob("*.mplstyle")):
            out[p.stem] = p
    return out


def available_styles() -> list[str]:
    """The names ``use`` knows here."""
    return sorted(_sheets())


def read_style_file(fname) -> dict:
    """The rc parameters of a ``.mplstyle`` (matplotlibrc) file: ``key : value`` lines,
    ``#`` comments."""
    params = {}
    path = Path(fname)
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = _strip_comment(raw)
        if not line:
            continue
        key, sep, value = line.partition(":")
        if not sep:
            warnings.warn(f"{path}:{n}: missing ':' in {raw!r}; the line is skipped",
                          stacklevel=3)
            continue
        params[key.strip()] = value.strip()
    return params


def _strip_comment(line: str) -> str:
    """The line without its comment ('#' outside quotes)."""
    quote = None
    for i, ch in enumerate(line):
        if ch in "\"'":
            quote = None if quote == ch else (ch if quote is None else quote)
        elif ch == "#" and quote is None:
            return line[:i].strip()
    return line.strip()


def _params(style) -> dict:
    if isinstance(style, dict):
        return dict(style)
    if isinstance(style, os.PathLike) or (isinstance(style, str) and (
            style.endswith(".mplstyle") or os.sep in style or "/" in style)):
        return read_style_file(style)
    if not isinstance(style, str):
        raise TypeError(f"style: got {type(style).__name__}, expected a style name, a path "
                        "to a .mplstyle file or a dict")
    name = _RENAMED.get(style, style)
    sheets = _sheets()
    if name in sheets:
        return read_style_file(sheets[name])
    known = ", ".join(["default", *sorted(sheets)]) or "'default' (matplotlib's sheets are " \
        "read from an installed matplotlib)"
    raise OSError(f"style: got {style!r}, which is not a style name here nor a file; "
                  f"known: {known}")


def use(style) -> None:
    """Apply a style (or a list of styles, in order) to ``rcParams``."""
    styles = [style] if isinstance(style, (str, dict, os.PathLike)) else list(style)
    for s in styles:
        if s == "default":
            rcdefaults()
            continue
        params = _params(s)
        skipped = sorted(k for k in params if k in _SKIPPED)
        if skipped:
            warnings.warn(f"style: {', '.join(skipped)} are about the session, not the "
                          "style; skipped", stacklevel=2)
        rcParams.update({k: v for k, v in params.items() if k not in _SKIPPED})


@contextlib.contextmanager
def context(style, after_reset: bool = False):
    """A style for a ``with`` block only (``after_reset``: on top of the defaults)."""
    with rc_context():
        if after_reset:
            rcdefaults()
        use(style)
        yield


class _Library(dict):
    """``plt.style.library``: style name → its rc parameters, read when asked."""

    def __missing__(self, name):
        return _params(name)

    def keys(self):
        return available_styles()

    def __iter__(self):
        return iter(available_styles())

    def __len__(self) -> int:
        return len(available_styles())

    def __contains__(self, name) -> bool:
        return name in _sheets()


library = _Library()


def __getattr__(name: str):
    if name == "available":
        return available_styles()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def reload_library() -> None:
    """Sheets are read when used: nothing to reload."""
