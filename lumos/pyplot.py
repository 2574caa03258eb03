"""matplotlib's pyplot state machine on lumos: change one import line.

>>> import lumos.pyplot as plt
>>> plt.plot([1, 2, 3], "r--o", label="a"); plt.legend(); plt.savefig("x.png")

Figures are numbered (or labelled) as matplotlib's; the current figure and axes
(``gcf``, ``gca``) take the module-level calls. Plotting functions (``plt.plot``,
``plt.scatter``, ...) call the current axes' method of the same name.
"""

from __future__ import annotations

import functools
import importlib
import sys
import weakref
from collections.abc import Iterator
from typing import TYPE_CHECKING

import numpy as np
from cycler import cycler

from . import colors as _colors
from .plot import frontends, introspect
from .plot import stylesheets as style
from .plot.axes import Axes
from .plot.canvas import FigureManager
from .plot.figure import Figure, figaspect
from .plot.gridspec import GridSpec
from .plot.style import rc, rc_context, rcdefaults, rcParams, sync_from_matplotlib
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

if TYPE_CHECKING:  # loaded at first use: _LAZY
    from .colors import Normalize, colormaps
    from .plot import cm
    from .plot.patch_shapes import Circle, Polygon, Rectangle

__all__ = [
    "Axes", "Figure", "GridSpec", "axes", "axis", "cla", "clf", "clim", "close", "colorbar",
    "connect", "delaxes", "disconnect", "draw", "figaspect", "figimage", "figlegend",
    "fignum_exists", "figtext", "figure", "gca", "gcf", "get_cmap", "getp", "get_figlabels",
    "get_fignums", "gci", "ioff", "ion", "isinteractive", "margins", "matshow", "pause", "rc",
    "rc_context", "rcdefaults", "rcParams", "savefig", "sca", "set_cmap", "setp", "show",
    "style", "subplot", "subplot2grid", "subplot_mosaic", "subplots", "subplots_adjust",
    "suptitle", "supxlabel", "supylabel", "tight_layout", "title", "twinx", "twiny",
    "waitforbuttonpress", "ginput",
    "xlabel", "xlim", "xscale", "xticks", "ylabel", "ylim", "yscale", "yticks",
    "AutoMinorLocator", "FixedLocator", "FormatStrFormatter", "FuncFormatter", "LogLocator",
    "MaxNLocator", "MultipleLocator", "NullFormatter", "NullLocator", "ScalarFormatter",
    "StrMethodFormatter", "Circle", "Polygon", "Rectangle", "cycler",
]

if "matplotlib" in sys.modules:
    # matplotlib.pyplot's import makes ``mpl.style`` reachable; scripts that swapped
    # only their pyplot import still call ``mpl.style.use`` (whose values figures take
    # up: style.sync_from_matplotlib). lumos never imports matplotlib itself.
    import matplotlib.style  # noqa: F401

_figures: dict[int, Figure] = {}
_images: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # figure -> current image
_made_with: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # axes -> subplot kw
_labels: dict[int, str] = {}
_current: Figure | None = None
_interactive = False


# -- figures ------------------------------------------------------------------------------
def figure(num=None, figsize=None, dpi=None, *, facecolor=None, edgecolor=None,
           frameon: bool = True, FigureClass: type = Figure, clear: bool = False,  # noqa: N803
           **kwargs) -> Figure:
    """A new figure, or figure ``num`` (a number, a label or a Figure) made current.

    ``FigureClass`` (a subclass of lumos's Figure) makes the figure; ``clear`` empties
    an existing one; other keywords (``layout``, ``tight_layout``, ...) go to it."""
    global _current
    if isinstance(num, Figure):
        if num.number is None or _figures.get(num.number) is not num:
            _register(num, None)
        _current = num
        if clear:
            num.clf()
        return num
    if isinstance(num, str):
        number = next((n for n, lab in _labels.items() if lab == num), None)
        label, num = num, number
    else:
        label = None
    if num is not None:
        if isinstance(num, bool) or not isinstance(num, int) or num < 1:
            raise ValueError(f"num: got {num!r}, expected a figure number >= 1, a label or "
                             "a Figure")
        if num in _figures:
            _current = _figures[num]
            if clear:
                _current.clf()
            return _current
    if not (isinstance(FigureClass, type) and issubclass(FigureClass, Figure)):
        raise TypeError(f"FigureClass: got {FigureClass!r}, expected a subclass of "
                        "lumos.plot.Figure")
    fig = FigureClass(figsize=figsize, dpi=dpi, facecolor=facecolor, edgecolor=edgecolor,
                      frameon=frameon, **kwargs)
    _register(fig, num)
    if label is not None:
        _labels[fig.number] = label
    return fig


def _register(fig: Figure, num: int | None) -> None:
    global _current
    fig.number = num if num is not None else max(_figures, default=0) + 1
    fig.canvas.manager = FigureManager(fig.canvas, fig.number)
    _figures[fig.number] = fig
    _current = fig
    if _interactive:
        fig.show(block=False)


def gcf() -> Figure:
    """The current figure (made if there is none)."""
    return _current if _current is not None else figure()


frontends.register_current_figure(gcf)  # for toolkits' figure=None (host_subplot)


def get_current_fig_manager() -> FigureManager:
    """The current figure's manager (its window title)."""
    return gcf().canvas.manager


def gca() -> Axes:
    """The current axes of the current figure."""
    # what the script set in matplotlib's rcParams since (mpl.rc(...) between two
    # plt.plot calls on one figure, matplotlib's customizing tutorial)
    sync_from_matplotlib()
    return gcf().gca()


def sca(ax: Axes) -> None:
    """Make ``ax`` (and its figure) current."""
    global _current
    root = ax.figure.figure
    if root.number is None or _figures.get(root.number) is not root:
        _register(root, None)
    _current = root
    root.sca(ax)


def gci():
    """The current image (the last image, mesh, contour or scatter made through pyplot
    in the current figure), or None."""
    fig = _current
    if fig is None:
        return None
    im = _images.get(fig)
    if im is None or getattr(im, "axes", None) not in fig.axes:
        return None
    return im


def sci(im) -> None:
    """Make ``im`` the current image (what ``colorbar``, ``clim`` and ``set_cmap`` use)."""
    _images[gcf()] = im


def fignum_exists(num) -> bool:
    """Whether a figure with this number or label exists."""
    return num in _figures or num in _labels.values()


def get_fignums() -> list[int]:
    """The numbers of the open figures, sorted."""
    return sorted(_figures)


def get_figlabels() -> list[str]:
    """The labels of the open figures, in the order of their numbers ('' if none)."""
    return [_labels.get(n, "") for n in sorted(_figures)]


def close(fig=None) -> None:
    """Close the current figure, a figure, a number, a label, or ``'all'``."""
    global _current
    if fig == "all":
        targets = list(_figures.values())
    elif fig is None:
        targets = [_current] if _current is not None else []
    elif isinstance(fig, Figure):
        targets = [fig]
    elif isinstance(fig, str):
        targets = [_figures[n] for n, lab in _labels.items() if lab == fig and n in _figures]
    elif isinstance(fig, int) and not isinstance(fig, bool):
        targets = [_figures[fig]] if fig in _figures else []
    else:
        raise TypeError(f"fig: got {type(fig).__name__}, expected a Figure, a number, a "
                        "label, 'all' or None")
    for f in targets:
        _figures.pop(f.number, None)
        _labels.pop(f.number, None)
        try:  # a close_event callback's error comes out (a plain script) after closing
            f.canvas.events.emit(_close_event())
        finally:
            _close_window(f)
            f.canvas.close()
    if _current in targets:
        _current = _figures[max(_figures)] if _figures else None


def _close_window(fig: Figure) -> None:
    """Close the window showing ``fig``, as matplotlib's ``close`` destroys its
    manager's: else it stays open, and later loops (``plt.pause``) run it."""
    window = sys.modules.get("lumos.app.window")  # no window without that module
    host = None if window is None else window.window_of(fig)
    if host is not None:
        host.close()


def _close_event():
    from .scene.events import Event

    return Event("close")


def clf() -> None:
    """Clear the current figure."""
    gcf().clf()


def cla() -> None:
    """Clear the current axes."""
    gca().cla()


def delaxes(ax: Axes | None = None) -> None:
    """Remove ``ax`` (the current axes) from its figure."""
    ax = gca() if ax is None else ax
    ax.figure.delaxes(ax)


# -- axes -------------------------------------------------------------------------------
def subplots(nrows: int = 1, ncols: int = 1, *, sharex=False, sharey=False,
             squeeze: bool = True, width_ratios=None, height_ratios=None,
             subplot_kw: dict | None = None, gridspec_kw: dict | None = None, **fig_kw):
    """``fig, ax = plt.subplots()``; ``fig, axs = plt.subplots(2, 2, sharex=True)``;
    figure keywords (``figsize``, ``layout``, ...) make the figure."""
    fig = figure(**fig_kw)
    axs = fig.subplots(nrows, ncols, sharex=sharex, sharey=sharey, squeeze=squeeze,
                       width_ratios=width_ratios, height_ratios=height_ratios,
                       subplot_kw=subplot_kw, gridspec_kw=gridspec_kw)
    # matplotlib makes each new axes current in turn: the last one stays current
    fig.sca(axs if isinstance(axs, Axes) else axs.flat[-1])
    return fig, axs


def subplot(*args, **kwargs) -> Axes:
    """``plt.subplot(2, 1, 1)``, ``plt.subplot(211)``, ``plt.subplot(gs[0, :])``: the axes
    in that cell made current: the one there already when no keywords differ, else a
    new one (matplotlib's rule)."""
    fig = gcf()
    key = fig.subplotspec_from_args(*args)
    for ax in fig.axes:
        if ax.get_subplotspec() == key and ax.role == "main" and (
                not kwargs or _made_with.get(ax) == kwargs):
            break
    else:
        ax = fig.add_subplot(key, **kwargs)
        _made_with[ax] = dict(kwargs)
    fig.sca(ax)
    return ax


def subplot2grid(shape, loc, rowspan: int = 1, colspan: int = 1, fig=None,
                 **kwargs) -> Axes:
    """An axes at ``loc`` = (row, col) of a ``shape`` = (nrows, ncols) grid, spanning
    ``rowspan`` × ``colspan`` cells."""
    fig = gcf() if fig is None else fig
    rows, cols = shape
    gs = fig.gridspec_with(int(rows), int(cols))
    ax = fig.add_subplot(gs.new_subplotspec(loc, rowspan=rowspan, colspan=colspan),
                         **kwargs)
    fig.sca(ax)
    return ax


def subplot_mosaic(mosaic, *, sharex: bool = False, sharey: bool = False,
                   width_ratios=None, height_ratios=None, empty_sentinel=".",
                   subplot_kw=None, gridspec_kw=None, per_subplot_kw=None, **fig_kw):
    """``fig, axd = plt.subplot_mosaic("AB;CC")``: a new figure and ``{label: axes}``."""
    fig = figure(**fig_kw)
    axd = fig.subplot_mosaic(mosaic, sharex=sharex, sharey=sharey, width_ratios=width_ratios,
                             height_ratios=height_ratios, empty_sentinel=empty_sentinel,
                             subplot_kw=subplot_kw, gridspec_kw=gridspec_kw,
                             per_subplot_kw=per_subplot_kw)
    return fig, axd


def axes(arg=None, **kwargs) -> Axes:
    """``plt.axes()``: a new axes filling the default cell; ``plt.axes((left, bottom,
    width, height))``: one at that rectangle (figure fraction); ``plt.axes(ax)``: make
    ``ax`` current (an inset of ``ax.inset_axes`` joins ``fig.axes`` then, as in
    matplotlib). ``projection``, ``polar``, ``facecolor`` and Axes properties."""
    if isinstance(arg, Axes):
        if kwargs:
            raise TypeError(f"axes: got keyword arguments {sorted(kwargs)} with an axes, "
                            "expected none")
        sca(arg.figure.add_axes(arg))  # matplotlib's add_axes(ax); its figure current too
        return arg
    fig = gcf()
    if arg is None:
        return fig.add_subplot(**kwargs)
    return fig.add_axes(arg, **kwargs)


def polar(*args, **kwargs) -> list:
    """``plt.polar(theta, r, ...)``: ``plot`` on the current axes, made polar when the
    figure has none yet (matplotlib's rule; a current axes that is not polar gets the
    plot with a warning, as matplotlib 3.10 deprecates)."""
    if gcf().get_axes():
        ax = gca()
        if getattr(ax, "name", None) != "polar":
            import warnings

            warnings.warn("polar: the current axes is not polar, so the plot is not; call "
                          "polar() before other pyplot commands", stacklevel=2)
    else:
        ax = axes(projection="polar")
    return ax.plot(*args, **kwargs)


def twinx(ax: Axes | None = None) -> Axes:
    """A second y axis on the right of ``ax`` (the current axes), made current."""
    twin = (gca() if ax is None else ax).twinx()
    twin.figure.sca(twin)
    return twin


def twiny(ax: Axes | None = None) -> Axes:
    """A second x axis on top of ``ax`` (the current axes), made current."""
    twin = (gca() if ax is None else ax).twiny()
    twin.figure.sca(twin)
    return twin


# -- calls on the current axes ---------------------------------------------------------------
# matplotlib's pyplot functions that call the current axes' method of the same name
_AXES_FUNCTIONS = frozenset("""
acorr angle_spectrum annotate arrow autoscale axhline axhspan axline axvline axvspan bar
bar_label barbs barh boxplot broken_barh cla clabel cohere contour contourf csd ecdf
errorbar eventplot fill fill_between fill_betweenx grid grouped_bar hexbin hist hist2d hlines imshow
legend locator_params loglog magnitude_spectrum matshow minorticks_off minorticks_on pcolor
pcolormesh phase_spectrum pie pie_label plot psd quiver quiverkey scatter semilogx semilogy specgram
spy stackplot stairs stem step streamplot table text tick_params ticklabel_format tricontour
tricontourf tripcolor triplot violinplot vlines xcorr
""".split())
# those whose result becomes the current image (colorbar, clim, set_cmap)
_IMAGE_FUNCTIONS = frozenset("contour contourf hexbin hist2d imshow matshow pcolor "
                             "pcolormesh scatter spy tricontour tricontourf tripcolor".split())


def _on_axes(name: str):
    method = getattr(Axes, name)

    @functools.wraps(method)
    def call(*args, **kwargs):
        out = getattr(gca(), name)(*args, **kwargs)
        if name in _IMAGE_FUNCTIONS:
            image = out[-1] if name == "hist2d" and isinstance(out, tuple) else out
            if hasattr(image, "norm") and hasattr(image, "cmap"):
                sci(image)
        return out

    call.__doc__ = f"``gca().{name}(...)``" + (f": {method.__doc__}" if method.__doc__ else "")
    return call


def xkcd(scale: float = 1, length: float = 100, randomness: float = 2):
    """matplotlib's hand-drawn style: not available, since lumos draws no sketched
    paths (``path.sketch``); a NotImplementedError naming it."""
    raise NotImplementedError(
        f"xkcd(scale={scale!r}, length={length!r}, randomness={randomness!r}): lumos draws "
        "no sketched (hand-drawn) paths (rcParams['path.sketch']); drop plt.xkcd() to "
        "draw the figure in the normal style")


# matplotlib's pyplot has these too; they load at their first use (a figure of lines
# draws no patch and no colormap): name -> the module in lumos that defines it
_LAZY = {"Circle": "plot.patch_shapes", "Polygon": "plot.patch_shapes",
         "Rectangle": "plot.patch_shapes", "Normalize": "colors", "colormaps": "colors",
         "cm": "plot", "imread": "io.image_files",
         "imsave": "plot.image_save"}


def __getattr__(name: str):
    """matplotlib's axes functions (``plt.plot`` ...) that lumos's Axes has, and the
    names of :data:`_LAZY`."""
    if name in _LAZY:
        value = globals()[name] = getattr(
            importlib.import_module(f"{__package__}.{_LAZY[name]}"), name)
        return value
    if name in _AXES_FUNCTIONS and callable(getattr(Axes, name, None)):
        return _on_axes(name)
    if name in _CMAP_SETTERS:
        return functools.partial(set_cmap, name)
    raise AttributeError(f"module 'lumos.pyplot' has no attribute {name!r}")


def __dir__():
    names = {n for n in _AXES_FUNCTIONS if callable(getattr(Axes, n, None))}
    return sorted(set(globals()) | names | set(_CMAP_SETTERS) | set(_LAZY))


def matshow(A, fignum=None, **kwargs):  # noqa: N803
    """A matrix as an image in a new figure shaped like it (``figaspect(A)``); with
    ``fignum=0`` in the current axes."""
    import numpy as np

    a = np.asanyarray(A)
    if fignum == 0:
        image = gca().matshow(a, **kwargs)
    else:
        if a.ndim < 2:
            raise ValueError(f"A: got shape {a.shape}, expected a 2-D array")
        # an existing figure keeps its size; the axes where matplotlib's matshow puts it
        known = fignum is not None and fignum_exists(fignum)
        fig = figure(fignum, figsize=None if known else figaspect(a))
        image = fig.add_axes((0.15, 0.09, 0.775, 0.775)).matshow(a, **kwargs)
    sci(image)
    return image


def xlabel(xlabel: str, fontdict=None, labelpad=None, **kwargs) -> None:
    """Set the x label of the current axes (``gca().set_xlabel``)."""
    gca().set_xlabel(xlabel, labelpad=labelpad, **{**(fontdict or {}), **kwargs})


def ylabel(ylabel: str, fontdict=None, labelpad=None, **kwargs) -> None:
    """Set the y label of the current axes (``gca().set_ylabel``)."""
    gca().set_ylabel(ylabel, labelpad=labelpad, **{**(fontdict or {}), **kwargs})


def title(label: str, fontdict=None, loc=None, pad=None, **kwargs):
    """Set the title of the current axes (``gca().set_title``)."""
    kwargs = {**(fontdict or {}), **kwargs}
    if loc is not None:
        kwargs["loc"] = loc
    if pad is not None:
        kwargs["pad"] = pad
    return gca().set_title(label, **kwargs)


def suptitle(t: str, **kwargs):
    """A title over the current figure (``gcf().suptitle``)."""
    return gcf().suptitle(t, **kwargs)


def supxlabel(t: str, **kwargs):
    """An x label under every axes of the current figure (``gcf().supxlabel``)."""
    return gcf().supxlabel(t, **kwargs)


def supylabel(t: str, **kwargs):
    """A y label left of every axes of the current figure (``gcf().supylabel``)."""
    return gcf().supylabel(t, **kwargs)


def figtext(x, y, s, fontdict=None, **kwargs):
    """Text at (x, y) in figure fraction of the current figure."""
    return gcf().text(x, y, s, fontdict=fontdict, **kwargs)


def figlegend(*args, **kwargs):
    """A legend placed in the current figure (``gcf().legend``)."""
    return gcf().legend(*args, **kwargs)


def xlim(*args, **kwargs):
    """Get or set the x limits of the current axes."""
    ax = gca()
    return ax.set_xlim(*args, **kwargs) if args or kwargs else ax.get_xlim()


def ylim(*args, **kwargs):
    """Get or set the y limits of the current axes."""
    ax = gca()
    return ax.set_ylim(*args, **kwargs) if args or kwargs else ax.get_ylim()


def xscale(value: str, **kwargs) -> None:
    """Set the x scale of the current axes (``gca().set_xscale``)."""
    gca().set_xscale(value, **kwargs)


def yscale(value: str, **kwargs) -> None:
    """Set the y scale of the current axes (``gca().set_yscale``)."""
    gca().set_yscale(value, **kwargs)


def axis(arg=None, /, *, emit: bool = True, **kwargs):
    """``axis('off')``, ``axis('equal')``, ``axis([x0, x1, y0, y1])``,
    ``axis(xmin=..., ymax=...)``; returns the limits."""
    ax = gca()
    if kwargs:
        unknown = sorted(set(kwargs) - {"xmin", "xmax", "ymin", "ymax"})
        if unknown:
            raise TypeError(f"axis: unexpected keyword arguments {unknown}")
        if "xmin" in kwargs or "xmax" in kwargs:
            ax.set_xlim(kwargs.get("xmin"), kwargs.get("xmax"))
        if "ymin" in kwargs or "ymax" in kwargs:
            ax.set_ylim(kwargs.get("ymin"), kwargs.get("ymax"))
    return ax.axis(arg)


def margins(*margins, x=None, y=None, tight: bool = True):
    """Padding of the current axes' data limits: ``margins(0.1)``, ``margins(0, 0.2)``
    or ``margins(x=0)``; without arguments returns (x, y)."""
    return gca().margins(*margins, x=x, y=y, tight=tight)


def _ticks(axis: str, ticks, labels, minor: bool, kwargs):
    ax = gca()
    if ticks is not None:
        getattr(ax, f"set_{axis}ticks")(ticks, labels, minor=minor)
    elif labels is not None:
        raise TypeError(f"{axis}ticks: labels need ticks")
    aliases = {"fontsize": "labelsize", "size": "labelsize", "rotation": "labelrotation",
               "color": "labelcolor"}
    params = {aliases[k]: kwargs.pop(k) for k in list(kwargs) if k in aliases}
    ha = kwargs.pop("ha", kwargs.pop("horizontalalignment", None))
    if kwargs:
        raise TypeError(f"{axis}ticks: unexpected keyword arguments {sorted(kwargs)}")
    if params:
        ax.tick_params(axis, **params)
    if ha is not None:
        getattr(ax, f"{axis}axis").tick_ha = ha
    return getattr(ax, f"get_{axis}ticks")(), getattr(ax, f"get_{axis}ticklabels")()


def xticks(ticks=None, labels=None, *, minor: bool = False, **kwargs):
    """Get or set the x ticks (and labels) of the current axes; ``rotation``, ``ha``,
    ``fontsize``, ``color`` style the labels. Returns (locations, labels)."""
    return _ticks("x", ticks, labels, minor, kwargs)


def yticks(ticks=None, labels=None, *, minor: bool = False, **kwargs):
    """Get or set the y ticks (and labels) of the current axes."""
    return _ticks("y", ticks, labels, minor, kwargs)


# -- colors ----------------------------------------------------------------------------------
_CMAP_SETTERS = frozenset("autumn bone cool copper flag gray hot hsv inferno jet magma "
                          "nipy_spectral pink plasma prism spring summer viridis winter".split())


def get_cmap(name=None, lut=None):
    """A colormap by name (``rcParams["image.cmap"]`` by default)."""
    return _colors.get_cmap(rcParams["image.cmap"] if name is None else name, lut)


def set_cmap(cmap) -> None:
    """The default colormap from now on, and the current image's (``plt.gray()``,
    ``plt.jet()``, ... call this)."""
    cm = _colors.get_cmap(cmap)
    rc("image", cmap=cm.name)
    im = gci()
    if im is not None:
        im.set_cmap(cm)


def clim(vmin=None, vmax=None) -> None:
    """Color limits of the current image."""
    im = gci()
    if im is None:
        raise RuntimeError("clim: there is no current image; make one with imshow, "
                           "pcolormesh, contourf or scatter first")
    im.set_clim(vmin, vmax)


def colorbar(mappable=None, cax=None, ax=None, **kwargs):
    """A colorbar for ``mappable`` (default: the current image)."""
    if mappable is None:
        mappable = gci()
        if mappable is None:
            raise RuntimeError("colorbar: no mappable was found to use for the colorbar; "
                               "pass the result of imshow, scatter or contourf")
    fig = (ax.flat[0] if hasattr(ax, "flat") else ax[0] if isinstance(ax, (list, tuple))
           else ax).figure.figure if ax is not None else \
        (cax.figure.figure if cax is not None else gcf())
    return fig.colorbar(mappable, cax=cax, ax=ax, **kwargs)


# -- the figure ------------------------------------------------------------------------------
def subplots_adjust(left=None, bottom=None, right=None, top=None, wspace=None,
                    hspace=None) -> None:
    """Change the subplot parameters of the current figure (``gcf().subplots_adjust``)."""
    gcf().subplots_adjust(left, bottom, right, top, wspace, hspace)


def tight_layout(*, pad: float = 1.08, h_pad=None, w_pad=None, rect=None) -> None:
    """Apply the tight layout to the current figure now (``gcf().tight_layout``)."""
    gcf().tight_layout(pad=pad, h_pad=h_pad, w_pad=w_pad, rect=rect)


def _flat(obj) -> list:
    """The objects of ``obj``: itself, or those of a list, tuple, array or iterator
    (``axs.flat``), nested ones flattened (matplotlib's ``setp`` takes all of these)."""
    if isinstance(obj, (list, tuple, np.ndarray)) or isinstance(obj, Iterator):
        return [o for item in obj for o in _flat(item)]
    return [obj]


def setp(obj, *args, **kwargs):
    """Set properties on one object or a list: ``plt.setp(ax.get_xticklabels(),
    rotation=45, ha="right")`` calls ``set_rotation`` and ``set_ha`` on each;
    ``setp(obj, "color", "r")`` too. ``setp(obj)`` alone prints the settable properties."""
    items = _flat(obj)
    if not args and not kwargs:
        for name, doc in introspect.setters(items[0]).items() if items else ():
            print(f"  {name}: {doc}")
        return None
    if len(args) % 2:
        raise TypeError("setp: expected property, value pairs")
    kwargs = {**dict(zip(args[::2], args[1::2], strict=True)), **kwargs}
    for item in items:
        for key, value in kwargs.items():
            setter = getattr(item, f"set_{key}", None)
            if setter is None:
                raise AttributeError(f"setp: {type(item).__name__} has no property {key!r}")
            setter(value)
    return None


def getp(obj, *args):
    """``getp(obj, "linewidth")`` is ``obj.get_linewidth()``; ``getp(obj)`` prints every
    property and its value (matplotlib's listing)."""
    if len(args) > 1:
        raise TypeError(f"getp: expected one property name, got {len(args)}")
    return introspect.getp(obj, *args)


@functools.wraps(Figure.savefig)
def savefig(*args, **kwargs):
    return gcf().savefig(*args, **kwargs)


def connect(s: str, func) -> int:
    """``gcf().canvas.mpl_connect(s, func)``."""
    return gcf().canvas.mpl_connect(s, func)


def disconnect(cid: int) -> None:
    """Remove the callback with id ``cid`` (``gcf().canvas.mpl_disconnect(cid)``)."""
    gcf().canvas.mpl_disconnect(cid)


@functools.wraps(Figure.figimage)
def figimage(*args, **kwargs):
    return gcf().figimage(*args, **kwargs)


# -- showing ---------------------------------------------------------------------------------
def draw() -> None:
    """Redraw the current figure (a window shows it at its next frame)."""
    gcf().canvas.draw_idle()


def ion() -> None:
    """Interactive mode: new figures show at once and drawing does not block."""
    global _interactive
    _interactive = True


def ioff() -> None:
    """Leave interactive mode (see ``ion``)."""
    global _interactive
    _interactive = False


def isinteractive() -> bool:
    """Whether interactive mode is on (see ``ion``)."""
    return _interactive


def show(block: bool | None = None) -> None:
    """Show every figure (a window each, or inline in a notebook) and, with ``block``
    (default: unless Python runs interactively or ``ion()`` was called), wait until the
    windows are closed. Without a display a warning says what to do instead (save to
    PNG/HTML, or use a notebook)."""
    for fig in list(_figures.values()):
        fig.show(block=False)
    if block is None:
        block = not (_interactive or hasattr(sys, "ps1") or sys.flags.interactive)
    if block:
        frontends.mainloop()


def pause(interval: float) -> None:
    """Show the current figure, redraw it and run its window (and started timers) for
    ``interval`` seconds (live-update loops); without a display, draw it and run the
    timers for that long."""
    from .app import notebook, window
    from .plot import timers

    if _current is not None and window.has_display() and not notebook.in_notebook():
        if window.window_of(_current) is None:
            window.show(_current, block=False)
        window.pause(interval)
        return
    if _current is not None:
        _current.canvas.draw_idle()
    timers.run_for(interval)


def _show_for_input() -> Figure:
    """The current figure, shown in a window when there is a display (matplotlib's
    blocking input shows the figures pyplot manages)."""
    from .app import notebook, window

    fig = gcf()
    if window.has_display() and not notebook.in_notebook() and \
            window.window_of(fig) is None:
        window.show(fig, block=False)
    return fig


def waitforbuttonpress(timeout: float = -1):
    """Wait for a key press (True) or a mouse click (False) in the current figure;
    None when ``timeout`` seconds pass first (<= 0: no limit). Without a display only
    timers can end the wait: with no timeout and no timer it raises RuntimeError
    (matplotlib's Agg would wait forever)."""
    return _show_for_input().waitforbuttonpress(timeout)


def ginput(n: int = 1, timeout: float = 30, show_clicks: bool = True, **buttons) -> list:
    """Up to ``n`` points clicked in the current figure's axes, as (x, y) in data
    coordinates (see :meth:`lumos.plot.figure.Figure.ginput`); without a display, []
    after ``timeout`` seconds, as matplotlib's Agg."""
    return _show_for_input().ginput(n, timeout, show_clicks, **buttons)


# -- colors: matplotlib's pyplot names for colormaps and norms (in _LAZY but the first) ----
from .colors import color_sequences  # noqa: E402

__all__ += ["Normalize", "color_sequences", "colormaps", "cm"]
