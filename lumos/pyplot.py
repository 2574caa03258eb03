"""matplotlib's pyplot state machine on lumos: change one import line.

>>> import lumos.pyplot as plt
>>> plt.plot([1, 2, 3], "r--o", label="a"); plt.legend(); plt.savefig("x.png")
"""

from __future__ import annotations

import functools
import sys
import time

from .plot.axes import Axes
from .plot.figure import Figure
from .plot.patches import Circle, Polygon, Rectangle  # matplotlib's pyplot has these too
from .plot.style import rcParams
from .plot.ticker import (  # matplotlib's pyplot re-exports these
    AutoMinorLocator,
    FixedLocator,
    FormatStrFormatter,
    FuncFormatter,
    LogLocator,
    MaxNLocator,
    MultipleLocator,
    NullFormatter,
    NullLocator,
    ScalarFormatter,
    StrMethodFormatter,
)

__all__ = [
    "annotate", "axes", "axhline", "axhspan", "axis", "axvline", "axvspan", "bar", "barh", "cla",
    "clf", "close", "colorbar", "contour", "contourf", "errorbar", "figure", "fill", "fill_between",
    "gca", "gcf", "get_fignums", "grid", "hist", "imshow", "legend", "pause", "pcolormesh",
    "plot", "quiver", "rcParams", "savefig", "scatter", "semilogx", "semilogy", "loglog",
    "show", "stem", "step", "subplot", "subplots", "suptitle", "text", "tight_layout", "title",
    "xlabel", "xlim", "xscale", "xticks", "ylabel", "ylim", "yscale", "yticks",
    "setp", "subplots_adjust", "AutoMinorLocator", "FixedLocator", "FormatStrFormatter",
    "FuncFormatter", "LogLocator", "MaxNLocator", "MultipleLocator", "NullFormatter",
    "NullLocator", "ScalarFormatter", "StrMethodFormatter", "Circle", "Polygon", "Rectangle",
]

_figures: dict[int, Figure] = {}
_current: Figure | None = None


def figure(num: int | None = None, figsize=None, dpi=None, facecolor=None,
           clear: bool = False, **kwargs) -> Figure:
    """Make a new figure, or make figure ``num`` current."""
    global _current
    if num is not None and num in _figures:
        _current = _figures[num]
        if clear:
            _current.clf()
        return _current
    fig = Figure(figsize=figsize, dpi=dpi, facecolor=facecolor, **kwargs)
    fig.number = num if num is not None else max(_figures, default=0) + 1
    _figures[fig.number] = fig
    _current = fig
    return fig


def gcf() -> Figure:
    """The current figure (made if there is none)."""
    return _current if _current is not None else figure()


def gca() -> Axes:
    """The current axes of the current figure."""
    return gcf().gca()


def sca(ax: Axes) -> None:
    """Make ``ax`` (and its figure) current."""
    global _current
    _current = ax.figure
    ax.figure.sca(ax)


def subplots(nrows: int = 1, ncols: int = 1, figsize=None, dpi=None, sharex=False,
             sharey=False, squeeze: bool = True, subplot_kw: dict | None = None, **kwargs):
    """``fig, ax = plt.subplots()``; ``fig, axs = plt.subplots(2, 2, sharex=True)``;
    ``subplot_kw=dict(projection="polar")`` makes every axes polar."""
    fig = figure(figsize=figsize, dpi=dpi, **kwargs)
    axs = fig.subplots(nrows, ncols, sharex=sharex, sharey=sharey, squeeze=squeeze,
                       subplot_kw=subplot_kw)
    fig.sca(axs if isinstance(axs, Axes) else axs.flat[0])  # matplotlib's choice
    return fig, axs


def subplot(*args, **kwargs) -> Axes:
    """``plt.subplot(2, 1, 1)``, ``plt.subplot(211)``, ``plt.subplot(projection="polar")``:
    make that axes current (created on first use)."""
    return gcf().add_subplot(*args, **kwargs)


def axes(arg=None, **kwargs) -> Axes:
    """``plt.axes()``: a new axes filling the current figure (``projection=``, ``polar=``
    and Axes properties as for ``subplot``); ``plt.axes(ax)`` makes ``ax`` current.
    Axes at an explicit rectangle are not supported (lumos lays axes out itself)."""
    if isinstance(arg, Axes):
        sca(arg)
        return arg
    if arg is not None:
        raise TypeError(f"arg: got {arg!r}, expected None or an Axes (lumos places axes in "
                        "a grid; rectangles are not supported)")
    return gcf().add_subplot(1, 1, 1, **kwargs)


def _on_axes(name: str):
    method = getattr(Axes, name, None)

    def call(*args, **kwargs):
        return getattr(gca(), name)(*args, **kwargs)

    call.__name__ = name
    call.__doc__ = f"``gca().{name}(...)``" + (f": {method.__doc__}" if method else "")
    return call


plot = _on_axes("plot")
scatter = _on_axes("scatter")
imshow = _on_axes("imshow")
step = _on_axes("step")
text = _on_axes("text")
grid = _on_axes("grid")
legend = _on_axes("legend")
axis = _on_axes("axis")
cla = _on_axes("cla")
contour = _on_axes("contour")
contourf = _on_axes("contourf")
pcolormesh = _on_axes("pcolormesh")
bar = _on_axes("bar")
barh = _on_axes("barh")
hist = _on_axes("hist")
errorbar = _on_axes("errorbar")
fill_between = _on_axes("fill_between")
stem = _on_axes("stem")
quiver = _on_axes("quiver")
annotate = _on_axes("annotate")
axhline = _on_axes("axhline")
axvline = _on_axes("axvline")
axhspan = _on_axes("axhspan")
axvspan = _on_axes("axvspan")


fill = _on_axes("fill")
semilogx = _on_axes("semilogx")
semilogy = _on_axes("semilogy")
loglog = _on_axes("loglog")


def xlabel(label: str, **kwargs) -> None:
    gca().set_xlabel(label, **kwargs)


def ylabel(label: str, **kwargs) -> None:
    gca().set_ylabel(label, **kwargs)


def title(label: str, **kwargs) -> None:
    gca().set_title(label, **kwargs)


def suptitle(t: str, **kwargs) -> None:
    gcf().suptitle(t, **kwargs)


def xlim(*args, **kwargs):
    """Get or set the x limits of the current axes."""
    ax = gca()
    return ax.set_xlim(*args, **kwargs) if args or kwargs else ax.get_xlim()


def ylim(*args, **kwargs):
    ax = gca()
    return ax.set_ylim(*args, **kwargs) if args or kwargs else ax.get_ylim()


def xscale(value: str, **kwargs) -> None:
    gca().set_xscale(value, **kwargs)


def yscale(value: str, **kwargs) -> None:
    gca().set_yscale(value, **kwargs)


def _ticks(axis: str, ticks, labels, kwargs):
    ax = gca()
    if ticks is not None:
        getattr(ax, f"set_{axis}ticks")(ticks, labels)
    style = {k: kwargs.pop(k) for k in ("rotation", "fontsize", "color") if k in kwargs}
    ha = kwargs.pop("ha", kwargs.pop("horizontalalignment", None))
    if kwargs:
        raise TypeError(f"{axis}ticks: unexpected keyword arguments {sorted(kwargs)}")
    ax.tick_params(axis, labelrotation=style.get("rotation"), labelsize=style.get("fontsize"),
                   labelcolor=style.get("color"))
    if ha is not None:
        getattr(ax, f"{axis}axis").tick_ha = ha
    return getattr(ax, f"get_{axis}ticks")()


def xticks(ticks=None, labels=None, **kwargs):
    """Get or set the x ticks; ``rotation``, ``ha``, ``fontsize``, ``color`` style them."""
    return _ticks("x", ticks, labels, kwargs)


def yticks(ticks=None, labels=None, **kwargs):
    return _ticks("y", ticks, labels, kwargs)


def colorbar(mappable=None, ax=None, **kwargs):
    """A colorbar for ``mappable`` (default: the last image/scatter of the axes)."""
    cax = gca() if ax is None else ax
    if mappable is None:
        candidates = [a for a in cax.artists if hasattr(a, "norm") and hasattr(a, "cmap")]
        if not candidates:
            raise RuntimeError("colorbar: no mappable found; pass the result of imshow, "
                               "scatter or contourf")
        mappable = candidates[-1]
    return gcf().colorbar(mappable, ax=cax, **kwargs)


def subplots_adjust(**kwargs) -> None:
    gcf().subplots_adjust(**kwargs)


def setp(objects, **kwargs) -> None:
    """Set properties on one object or a list: ``plt.setp(ax.get_xticklabels(),
    rotation=45, ha="right")`` calls ``set_rotation`` and ``set_ha`` on each."""
    items = objects if isinstance(objects, (list, tuple)) else [objects]
    for obj in items:
        for key, value in kwargs.items():
            setter = getattr(obj, f"set_{key}", None)
            if setter is None:
                raise AttributeError(f"setp: {type(obj).__name__} has no property {key!r}")
            setter(value)


def tight_layout(**kwargs) -> None:
    gcf().tight_layout(**kwargs)


@functools.wraps(Figure.savefig)
def savefig(*args, **kwargs):
    return gcf().savefig(*args, **kwargs)


def show(block: bool | None = None) -> None:
    """Show every figure (a window each, or inline in a notebook) and, with ``block``
    (default: unless Python runs interactively), wait until the windows are closed.
    Without a display a warning says what to do instead (save to PNG/HTML, or use a
    notebook)."""
    from .plot import frontends

    for fig in list(_figures.values()):
        fig.show(block=False)
    if block is None:
        block = not (hasattr(sys, "ps1") or sys.flags.interactive)
    if block:
        frontends.mainloop()


def pause(interval: float) -> None:
    """Show the current figure, redraw it and run its window for ``interval`` seconds
    (live-update loops); without a display, draw it and sleep."""
    from .app import notebook, window

    if _current is not None and window.has_display() and not notebook.in_notebook():
        if window.window_of(_current) is None:
            window.show(_current, block=False)
        window.pause(interval)
        return
    if _current is not None:
        _current.draw()
    time.sleep(max(float(interval), 0.0))


def clf() -> None:
    gcf().clf()


def close(fig=None) -> None:
    """Close the current figure, a figure, a number, or ``'all'``."""
    global _current
    if fig == "all":
        targets = list(_figures.values())
    elif fig is None:
        targets = [_current] if _current is not None else []
    elif isinstance(fig, Figure):
        targets = [fig]
    else:
        targets = [_figures[fig]] if fig in _figures else []
    for f in targets:
        _figures.pop(f.number, None)
        f.canvas.close()
    if _current in targets:
        _current = _figures[max(_figures)] if _figures else None


def get_fignums() -> list[int]:
    return sorted(_figures)


# -- colors: matplotlib's pyplot names for colormaps, norms and color cycles ----------------
from cycler import cycler  # noqa: E402  (what plt.cycler and rcParams["axes.prop_cycle"] use)

from .colors import Normalize, color_sequences, colormaps  # noqa: E402
from .plot import cm  # noqa: E402


def get_cmap(name=None, lut: int | None = None):
    """The colormap called ``name`` (a colormap object passes through); ``lut``
    resamples it (matplotlib's ``plt.get_cmap``)."""
    from .colors import get_cmap as _get

    return _get(rcParams["image.cmap"] if name is None else name, lut)


def _cmap_setter(name: str):
    def apply() -> None:
        rcParams["image.cmap"] = name
        for a in gca().artists:
            if hasattr(a, "set_cmap") and hasattr(a, "norm"):
                a.set_cmap(name)

    apply.__name__ = name
    apply.__doc__ = f"Make {name!r} the default colormap and the current image's."
    return apply


gray = _cmap_setter("gray")
viridis = _cmap_setter("viridis")
jet = _cmap_setter("jet")
hot = _cmap_setter("hot")

__all__ += ["cycler", "Normalize", "color_sequences", "colormaps", "cm", "get_cmap", "gray",
            "viridis", "jet", "hot"]
