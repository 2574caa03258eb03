"""Legend handles that are not artists on an axes: proxies made for a legend
(``scatter(...).legend_elements()``), and matplotlib's own ``Line2D``/``Patch`` objects
used as custom handles (``ax.legend([Line2D([0], [0], color='r', lw=4)], ['a'])``).

Each declares ``legend_handle(fontsize_px)`` like an artist does (see
:class:`lumos.plot.artists.LegendHandle`).
"""

from __future__ import annotations

import numpy as np

from .. import colors
from . import ticker
from .artists import MARKER_SCALE, LegendHandle, check_marker, marker_symbol
from .style import dash_pattern, rcParams


class _Labelled:
    """A handle's legend label (``get_label``/``set_label``, as matplotlib's artists)."""

    _label: str

    def get_label(self) -> str:
        return self._label

    def set_label(self, label) -> None:
        self._label = str(label)


class MarkerHandle(_Labelled):
    """A marker (and optionally a line) drawn only in a legend."""

    def __init__(self, figure, marker="o", color="C0", markersize=None, alpha=None,
                 markeredgewidth=0.0, markeredgecolor=None, linestyle=None, linewidth=None,
                 label: str = "", markerfacecolor=None) -> None:
        self.figure = figure
        self.marker = check_marker(marker)
        self.color = colors.to_rgba(color, alpha)
        # the marker's face ('none': hollow), the line's color otherwise
        self.face = self.color if markerfacecolor is None else colors.to_rgba(
            markerfacecolor, alpha, argname="markerfacecolor")
        self.markersize = float(rcParams["lines.markersize"] if markersize is None
                                else markersize)
        self.edge = colors.to_rgba(self.color if markeredgecolor is None else markeredgecolor,
                                   alpha)
        self.markeredgewidth = float(markeredgewidth)
        self.linestyle = linestyle
        self.linewidth = float(rcParams["lines.linewidth"] if linewidth is None else linewidth)
        self._label = label

    def legend_handle(self, fontsize_px: float) -> LegendHandle:
        px = self.figure.points_to_pixels
        marker = line = None
        if self.marker is not None:
            size = px(self.markersize) * MARKER_SCALE.get(self.marker, 1.0)
            marker = (marker_symbol(self.marker), size, self.face, self.edge,
                      px(self.markeredgewidth))
        look = None
        if self.linestyle not in (None, "", " ", "None", "none"):
            w = px(self.linewidth)
            line = (self.color, w, dash_pattern(self.linestyle, w))
            kind = "solid" if line[2] is None else "dash"
            # matplotlib's legend line here is a Line2D: rcParams' caps and joins
            look = {"cap": rcParams["lines.solid_capstyle"],
                    "dash_cap": rcParams["lines.dash_capstyle"],
                    "join": rcParams[f"lines.{kind}_joinstyle"]}
        return LegendHandle(line=line, marker=marker, line_look=look)


class PatchHandle(_Labelled):
    """A filled, optionally hatched box with no edge drawn only in a legend
    (``ContourSet.legend_elements``); the hatch in rcParams' hatch color ('edge': with no
    edge, ``patch.edgecolor``, as matplotlib's patches) and width."""

    def __init__(self, figure, facecolor, hatch: str | None = None, label: str = "") -> None:
        self.figure = figure
        self.face = colors.to_rgba(facecolor, argname="facecolor")
        self.hatch = hatch or None
        self._label = label

    def legend_handle(self, fontsize_px: float) -> LegendHandle:
        hatch = hatch_spec(self.figure, self.hatch) if self.hatch else None
        return LegendHandle(patch=(self.face, None), hatch=hatch)


def hatch_spec(fig, letters: str) -> tuple:
    """(letters, color, width in pixels, tile in pixels) of a hatch on a patch with no
    edge of its own: rcParams' hatch color ('edge': ``patch.edgecolor``, as matplotlib's
    patches) and width, tiles of the figure's dpi (what ``Overlay.hatch`` takes)."""
    spec = rcParams["hatch.color"]
    spec = rcParams["patch.edgecolor"] if spec == "edge" else spec
    return (letters, colors.to_rgba(spec, argname="hatch.color"),
            fig.points_to_pixels(float(rcParams["hatch.linewidth"])), fig.dpi)


def scatter_legend_elements(sc, prop: str, num, fmt, func, kwargs: dict):
    """matplotlib's ``PathCollection.legend_elements``: one handle per shown color or
    size value, with labels from ``fmt`` (a format string or formatter)."""
    if prop not in ("colors", "sizes"):
        raise ValueError(f"prop: got {prop!r}, expected 'colors' or 'sizes'")
    if fmt is None:
        fmt = ticker.ScalarFormatter(useOffset=False, useMathText=True)
    elif isinstance(fmt, str):
        fmt = ticker.StrMethodFormatter(fmt)
    if prop == "colors":
        arr = sc.get_array()
        if arr is None:
            import warnings

            warnings.warn("legend_elements: the collection has no array of values to map "
                          "to colors; no handles", stacklevel=3)
            return [], []
        size = kwargs.pop("size", rcParams["lines.markersize"])
        color = None
    else:
        arr = sc.get_sizes()
        color = kwargs.pop("color", "k")
        size = None
    u = np.unique(arr)
    if num == "auto":
        num = None if len(u) <= 9 else 9
    if num is None:
        values = u
        label_values = np.asarray(func(values), dtype=float)
    else:
        if hasattr(num, "tick_values"):
            loc = num
        elif np.iterable(num):
            loc = ticker.FixedLocator(num)
        else:
            loc = ticker.MaxNLocator(nbins=int(num), min_n_ticks=int(num) - 1,
                                     steps=[1, 2, 2.5, 3, 5, 6, 8, 10])
        farr = np.asarray(func(arr), dtype=float)
        label_values = np.asarray(loc.tick_values(farr.min(), farr.max()), dtype=float)
        label_values = label_values[(label_values >= farr.min()) &
                                    (label_values <= farr.max())]
        yarr = np.linspace(arr.min(), arr.max(), 256)
        xarr = np.asarray(func(yarr), dtype=float)
        ix = np.argsort(xarr)
        values = np.interp(label_values, xarr[ix], yarr[ix])
    lo, hi = (float(np.min(label_values)), float(np.max(label_values))) if len(
        label_values) else (0.0, 1.0)
    texts = fmt.format_ticks(label_values, lo, hi) if len(label_values) else []
    alpha = sc.get_alpha()
    alpha = alpha if alpha is None or np.ndim(alpha) == 0 else None
    alpha = kwargs.pop("alpha", alpha)  # the caller's alpha wins, as in matplotlib
    # Line2D's short names, as matplotlib's legend_elements passes them on
    short = {"mfc": "markerfacecolor", "mec": "markeredgecolor", "mew": "markeredgewidth",
             "ls": "linestyle", "lw": "linewidth"}
    kwargs = {short.get(k, k): v for k, v in kwargs.items()}
    handles, labels = [], []
    for val, text in zip(values, texts, strict=True):
        if prop == "colors":
            rgba = sc.to_rgba(val)
            ms = size
        else:
            rgba, ms = color, float(np.sqrt(val))
            if np.isclose(ms, 0.0):
                continue
        handles.append(MarkerHandle(sc.axes.figure, marker=sc.get_marker(), color=rgba,
                                    markersize=ms, alpha=alpha, **kwargs))
        labels.append(text)
    return handles, labels


def _mpl_rgba(c) -> tuple:
    return colors.to_rgba(tuple(np.asarray(c, dtype=float).ravel()))


class MatplotlibHandle:
    """matplotlib's Line2D or Patch as a legend handle (read through its public API)."""

    def __init__(self, source, figure) -> None:
        self.source = source
        self.figure = figure

    def get_label(self) -> str:
        return str(self.source.get_label() or "")

    def legend_handle(self, fontsize_px: float) -> LegendHandle:
        from matplotlib.lines import Line2D as MplLine

        s, px = self.source, self.figure.points_to_pixels
        if isinstance(s, MplLine):
            line = marker = look = None
            ls = s.get_linestyle()
            if ls not in ("None", "none", "", " ") and s.get_linewidth() > 0:
                w = px(s.get_linewidth())
                dashes = dash_pattern({"-": "-", "--": "--", ":": ":", "-.": "-."}.get(
                    ls, "-"), w)
                line = (colors.to_rgba(s.get_color(), s.get_alpha()), w, dashes)
                look = {"cap": str(s.get_solid_capstyle()), "dash_cap": str(s.get_dash_capstyle()),
                        "join": str(s.get_solid_joinstyle() if dashes is None
                                    else s.get_dash_joinstyle())}
            m = check_marker(s.get_marker())
            if m is not None:
                size = px(s.get_markersize()) * MARKER_SCALE.get(m, 1.0)
                face = colors.to_rgba(s.get_markerfacecolor(), s.get_alpha())
                edge = colors.to_rgba(s.get_markeredgecolor(), s.get_alpha())
                marker = (marker_symbol(m), size, face, edge, px(s.get_markeredgewidth()))
            return LegendHandle(line=line, marker=marker, line_look=look)
        face = _mpl_rgba(s.get_facecolor()) if s.get_fill() else (0.0, 0.0, 0.0, 0.0)
        edge = _mpl_rgba(s.get_edgecolor())
        return LegendHandle(patch=(face, edge if edge[3] > 0 else None))


class TupleHandle:
    """Several handles in one legend entry (matplotlib's tuple handle and its
    ``HandlerTuple(ndivide=1, pad=None)``): drawn over one another in ``ndivide`` = 1
    slot, else side by side in ``ndivide`` slots (None: one a handle) ``pad`` font sizes
    apart (None: the legend's borderpad), the handles cycling through the slots."""

    def __init__(self, handles: tuple, figure, ndivide: int | None = 1,
                 pad: float | None = None) -> None:
        self.handles = [entry_handle(h, figure, None) for h in handles]  # nested too
        if not self.handles:
            raise ValueError("handles: got an empty tuple, expected one or more handles")
        self.ndivide = len(self.handles) if ndivide is None else int(ndivide)
        if self.ndivide < 1:
            raise ValueError(f"HandlerTuple ndivide: got {ndivide!r}, expected >= 1 or None")
        self.pad = None if pad is None else float(pad)

    def slots(self, x: float, length: float, fs: float, borderpad: float) -> list:
        """(x, length) in pixels of each handle's slot, in the handles' order."""
        n = self.ndivide
        pad = (borderpad if self.pad is None else self.pad) * fs
        width = (length - pad * (n - 1)) / n if n > 1 else length
        return [(x + (width + pad) * (i % n), width) for i in range(len(self.handles))]


class PointsHandle:
    """One line's entry with matplotlib's ``HandlerLine2D(numpoints=, marker_pad=)``:
    ``numpoints`` markers (None: the legend's) ``marker_pad`` font sizes from the ends."""

    def __init__(self, handle, numpoints: int | None, marker_pad: float) -> None:
        self.handle = handle
        self.numpoints = None if numpoints is None else int(numpoints)
        if self.numpoints is not None and self.numpoints < 1:
            raise ValueError(f"HandlerLine2D numpoints: got {numpoints!r}, expected >= 1")
        self.marker_pad = float(marker_pad)

    def legend_handle(self, fontsize_px: float):
        """The line's own declaration."""
        return self.handle.legend_handle(fontsize_px)


def _points_handle(obj, figure, handler) -> PointsHandle:
    """matplotlib's HandlerLine2D for a line: its numpoints and marker_pad (what else
    it holds, lumos cannot honour: a TypeError naming it)."""
    params = dict(vars(handler))  # _numpoints, _marker_pad, _xpad, _ypad, _update_prop_func
    if params.get("_update_prop_func") is not None:
        raise TypeError("handler_map: HandlerLine2D(update_func=...) is not supported "
                        "(lumos draws legend handles itself)")
    if params.get("_xpad", 0.0) or params.get("_ypad", 0.0):
        raise TypeError("handler_map: HandlerLine2D(xpad=, ypad=) is not supported (lumos "
                        "draws legend handles itself)")
    return PointsHandle(legend_handle_of(obj, figure), params.get("_numpoints"),
                        params.get("_marker_pad", 0.3))


def is_line_handle(handle) -> bool:
    """Whether a legend entry's handle is a line (its entry has a legend line)."""
    return isinstance(handle, PointsHandle) or _is_line(handle) or (
        isinstance(handle, MatplotlibHandle) and _is_line(handle.source))


def _is_line(obj) -> bool:
    from .lines import Line2D

    if isinstance(obj, Line2D):
        return True
    from .mpl_objects import is_matplotlib

    if is_matplotlib(obj):
        from matplotlib.lines import Line2D as MplLine

        return isinstance(obj, MplLine)
    return False


def _handler_for(obj, handler_map: dict):
    """matplotlib's Legend.get_legend_handler over the script's ``handler_map``: the
    handle itself, then its type and base types; None where it names none. An artist or
    container (a BarContainer is a tuple) stops at its own type, as matplotlib's default
    map holds a handler for each of those."""
    try:
        return handler_map[obj]
    except (TypeError, KeyError):
        pass
    own = callable(getattr(obj, "legend_handle", None))
    for cls in type(obj).__mro__[:1] if own else type(obj).__mro__:
        if cls in handler_map:
            return handler_map[cls]
    return None


def _stock_for_lumos(handler, obj) -> bool:
    """Whether ``handler`` is one of matplotlib's own handler classes (not a script's
    subclass) given a handle that is not a matplotlib artist: it would copy the handle's
    properties through matplotlib's private ones."""
    from .mpl_objects import is_matplotlib

    return type(handler).__module__.split(".")[0] == "matplotlib" and not is_matplotlib(obj)


def entry_handle(obj, figure, handler_map: dict | None):
    """The legend handle of one entry: a tuple of handles, or one handle, with the
    handler ``handler_map`` gives it: matplotlib's HandlerTuple for a tuple and
    HandlerLine2D for a line are read; any other handler draws the entry itself
    (:class:`lumos.plot.legend_custom.CustomHandle`)."""
    handler = _handler_for(obj, handler_map) if handler_map else None
    if handler is not None:
        from .mpl_objects import is_matplotlib

        name = type(handler).__name__ if is_matplotlib(handler) else None
        if name == "HandlerLine2D" and _is_line(obj):
            return _points_handle(obj, figure, handler)
        if not (name == "HandlerTuple" and isinstance(obj, tuple) and
                not callable(getattr(obj, "legend_handle", None))):
            if _stock_for_lumos(handler, obj):
                raise TypeError(f"handler_map: {type(handler).__name__} for a "
                                f"{type(obj).__name__} is not supported (matplotlib's own "
                                "handlers read matplotlib artists; lumos takes HandlerTuple "
                                "for tuples of handles, HandlerLine2D for lines, and "
                                "handlers of the script's own)")
            from .legend_custom import CustomHandle

            return CustomHandle(handler, obj, figure)  # the handler draws the entry
        params = vars(handler)  # HandlerTuple keeps its parameters only as _ndivide, _pad
        return TupleHandle(obj, figure, params.get("_ndivide", 1), params.get("_pad"))
    if isinstance(obj, tuple) and not callable(getattr(obj, "legend_handle", None)):
        return TupleHandle(obj, figure)
    return legend_handle_of(obj, figure)


def legend_handle_of(obj, figure):
    """Something that declares ``legend_handle`` for ``obj``: the object itself, or an
    adapter for matplotlib's Line2D and Patch."""
    if callable(getattr(obj, "legend_handle", None)):
        return obj
    from .mpl_objects import is_matplotlib

    if is_matplotlib(obj):
        from matplotlib.lines import Line2D as MplLine
        from matplotlib.patches import Patch as MplPatch

        if isinstance(obj, (MplLine, MplPatch)):
            return MatplotlibHandle(obj, figure)
    raise TypeError(f"handles: got a {type(obj).__name__}, which cannot be shown in a "
                    "legend (expected a lumos artist or container, or matplotlib's Line2D "
                    "or Patch)")
