"""Figure: axes in grids and rectangles on a canvas, with decorations, a layout engine
and output (PNG, HTML).

By default a figure is laid out as matplotlib lays it out: each grid cell where the
subplot parameters put it (``fig.subplotpars``, from ``rcParams["figure.subplot.*"]``;
``subplots_adjust`` changes them). ``layout="constrained"``, ``"compressed"`` or
``"tight"`` (or ``rcParams["figure.constrained_layout.use"]``/``["figure.autolayout"]``)
choose a layout engine (:mod:`lumos.plot.layout`) that makes room for the decorations.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

import numpy as np

from . import validate
from .axes import Axes
from .bbox import Bbox
from .canvas import FigureCanvas
from .coords import LiveTransform, unit_to_box
from .figure_artists import FigureLine, add_figure_artist
from .figure_base import FigureBase
from .figure_images import FigureImages, figimage
from .figure_save import FORMATS as FORMATS  # still importable from here, as before
from .figure_save import FigureSaving
from .figure_stacking import FigureStacking
from .gridspec import SUBPLOT_KEYS, SubplotParams
from .layout import (
    ConstrainedLayoutEngine,
    LayoutEngine,
    PlaceholderLayoutEngine,
    TightLayoutEngine,
    make_engine,
)
from .style import rcParams, sync_from_matplotlib

if TYPE_CHECKING:  # fig.figimage imports it at its first call
    from .image import FigureImage

# the most times a layout engine runs in one draw while the boxes still move
_LAYOUT_PASSES = 8


class Figure(FigureSaving, FigureStacking, FigureBase):
    """A figure: ``figsize`` in inches at ``dpi`` pixels per inch.

    matplotlib's arguments: ``facecolor``, ``edgecolor``, ``linewidth`` and ``frameon``
    (the background, ``fig.patch``), ``subplotpars``, ``layout`` ('constrained',
    'compressed', 'tight', 'none' or a LayoutEngine; None: from rcParams),
    ``tight_layout`` and ``constrained_layout`` (True or a dict of the engine's pads).

    A figure is a scene front-ends show (:class:`lumos.scene.protocol.Scene`): the mouse
    moves its axes' limits through the axes' own ``camera_changed``.

    >>> fig = Figure(figsize=(6, 4), dpi=100)
    >>> ax = fig.add_subplot()
    >>> ax.plot([1, 2, 3]); fig.savefig("x.png", dpi=200)
    """

    def __init__(self, figsize=None, dpi: float | None = None, *, facecolor=None,
                 edgecolor=None, linewidth: float = 0.0, frameon=None, subplotpars=None,
                 tight_layout=None, constrained_layout=None, layout=None) -> None:
        sync_from_matplotlib()  # what the script set in matplotlib's rcParams
        figsize = rcParams["figure.figsize"] if figsize is None else figsize
        if isinstance(figsize, str) or np.size(figsize) != 2:
            raise TypeError(f"figsize: got {figsize!r}, expected (width, height) in inches")
        fw, fh = validate.figsize(*figsize)
        dpi = validate.number(rcParams["figure.dpi"] if dpi is None else dpi, "dpi", 0.0,
                              exclusive=True)
        self.figure = self
        self._dpi = dpi
        self._figsize = (fw, fh)
        if subplotpars is not None and not isinstance(subplotpars, SubplotParams):
            raise TypeError(f"subplotpars: got {type(subplotpars).__name__}, expected a "
                            "SubplotParams")
        self.subplotpars = subplotpars.copy() if subplotpars is not None else SubplotParams()
        self._init_base(rcParams["figure.facecolor"] if facecolor is None else facecolor,
                        rcParams["figure.edgecolor"] if edgecolor is None else edgecolor,
                        linewidth, rcParams["figure.frameon"] if frameon is None else frameon)
        self.canvas = FigureCanvas(self, size=self._pixel_size(), bgcolor=self._background())
        self.axes_list: list[Axes] = []
        self.colorbars: list = []
        self._mpl_grids: dict = {}  # matplotlib grids given to add_subplot -> lumos grids
        self._init_stacking()  # the decorations' overlays (figure_stacking)
        # the axes' positions before the first constrained layout (Figure._layout)
        self._layout_starts: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
        # the subplot parameters before the first tight layout, and those it made
        self._tight_start: tuple[SubplotParams, SubplotParams] | None = None
        self.figure_images = FigureImages(self.canvas)  # fig.figimage's
        self.figure_lines: list[FigureLine] = []  # fig.add_artist's
        #: matplotlib's ``fig.artists``: a script's own artists, each drawn by its
        #: ``draw(renderer)`` (lumos patches and texts paint into the renderer's frame)
        self.artists: list = []
        self.number = None
        self._current_axes: Axes | None = None
        self._drawn = False  # laid out at least once (front-ends need the axes' boxes)
        self._tick_memo: dict | None = None  # Axis.ticks during a draw
        self._home: dict = {}  # view -> its axes' state before the mouse first moved it
        #: figure fraction → figure pixels from the bottom left (matplotlib's name)
        self.transFigure = LiveTransform(lambda: unit_to_box(self.bbox_pixels()),
                                         "transFigure")
        #: inches → figure pixels (matplotlib's name; ScaledTranslation and offset_copy
        #: use it for offsets in inches or points)
        self.dpi_scale_trans = LiveTransform(lambda: unit_to_box((0, 0, self.dpi, self.dpi)),
                                             "dpi_scale_trans")
        self._layout_engine: LayoutEngine | None = None
        self._set_initial_layout(layout, tight_layout, constrained_layout)

    @property
    def images(self) -> list:
        """The figure's images (``figimage``'s), in the order made."""
        return self.figure_images.images

    def draw_artist(self, a) -> None:
        """matplotlib's blitting step for any artist of the figure (``Axes.draw_artist``
        for the figure's texts too): ``a`` is drawn until the next full draw or
        ``canvas.restore_region``; ``canvas.blit`` shows it."""
        get_figure = getattr(a, "get_figure", None)
        if not callable(get_figure) or get_figure(root=True) is not self:
            raise ValueError(f"a: got {a!r}, which is not in this figure")
        self.canvas.mark_drawn(a)

    def add_artist(self, artist, clip: bool = False) -> FigureLine:
        """Draw matplotlib's Line2D (in figure fraction unless the line has a transform)
        or ConnectionPatch on the figure, over the axes' data; returns what stands for it
        (``.remove()``)."""
        if clip:
            raise TypeError("clip: True is not supported (a figure's line is not clipped)")
        return add_figure_artist(self, artist)

    def figimage(self, X, xo=0, yo=0, alpha=None, norm=None, cmap=None, vmin=None,
                 vmax=None, origin=None, resize: bool = False, **kwargs) -> FigureImage:
        """An image with one pixel per figure pixel, its lower left corner ``xo``, ``yo``
        pixels from the figure's; colored as ``imshow`` colors (``cmap``, ``norm``,
        ``vmin``/``vmax``, ``alpha``, ``origin``). ``zorder`` below 0 puts it under every
        axes, else over their data (under their ticks and labels)."""
        return figimage(self, X, xo, yo, alpha, norm, cmap, vmin, vmax, origin, resize,
                        **kwargs)

    def _set_initial_layout(self, layout, tight_layout, constrained_layout) -> None:
        """matplotlib's precedence: ``layout``, then ``tight_layout``, then
        ``constrained_layout``, then rcParams."""
        if layout is not None:
            if tight_layout or constrained_layout:
                raise TypeError("layout: pass only one of layout, tight_layout and "
                                "constrained_layout")
            self.set_layout_engine(layout)
        elif tight_layout:
            self.set_layout_engine("tight", **(tight_layout if isinstance(tight_layout, dict)
                                               else {}))
        elif constrained_layout:
            self.set_layout_engine("constrained", **(
                constrained_layout if isinstance(constrained_layout, dict) else {}))
        elif tight_layout is False or constrained_layout is False:
            self.set_layout_engine("none")
        else:
            self.set_layout_engine(None)

    # -- sizes ---------------------------------------------------------------------
    def _pixel_size(self) -> tuple[int, int]:
        # whole pixels dropped, as matplotlib's Agg canvas (int(width)): 15 cm at 100 dpi
        # is 590 px; the 1e-6 keeps w / dpi * dpi == w for a window's size
        return (max(1, int(self._figsize[0] * self._dpi + 1e-6)),
                max(1, int(self._figsize[1] * self._dpi + 1e-6)))

    def __str__(self) -> str:
        """matplotlib's: ``Figure(640x480)``, the size in pixels."""
        return "Figure({:g}x{:g})".format(*self.bbox.size)

    def bbox_pixels(self) -> tuple[float, float, float, float]:
        """The figure in its canvas's pixels: (0, 0, width, height), the size unrounded
        (figsize × dpi) while the canvas has the figure's size."""
        w, h = self.canvas.size
        if (w, h) == self._pixel_size():
            # matplotlib's figure keeps the fraction of a pixel its Agg canvas drops
            # (7/3 in at 100 dpi: 233.33 px, rows counted from the canvas's 233): a
            # figure fraction and the layouts reach it
            return 0.0, 0.0, self._figsize[0] * self._dpi, self._figsize[1] * self._dpi
        return 0.0, 0.0, float(w), float(h)

    @property
    def bbox(self) -> Bbox:
        """The figure in pixels (matplotlib's ``fig.bbox``: figsize × dpi)."""
        return Bbox.from_bounds(0, 0, self._figsize[0] * self._dpi, self._figsize[1] * self._dpi)

    @property
    def dpi(self) -> float:
        """Pixels per inch (setting it keeps the size in inches, as ``set_dpi``)."""
        return self._dpi

    @dpi.setter
    def dpi(self, value) -> None:
        self.set_dpi(value)

    def get_dpi(self) -> float:
        """Pixels per inch."""
        return self._dpi

    def set_dpi(self, dpi: float) -> None:
        """Pixels per inch: the figure keeps its size in inches."""
        self._dpi = validate.number(dpi, "dpi", 0.0, exclusive=True)
        self.canvas.size = self._pixel_size()
        for ax in self.axes_list:  # line widths and marker sizes are drawn in pixels
            ax._dpi_changed()

    def points_to_pixels(self, points):
        """Points (1/72 inch) to logical pixels at the figure's dpi."""
        if isinstance(points, (float, int)):  # the common case, without numpy's cost
            return float(points) * self._dpi / 72.0
        return np.asarray(points) * self._dpi / 72.0 if np.ndim(points) else \
            float(points) * self._dpi / 72.0

    def get_size_inches(self) -> np.ndarray:
        """The figure size (width, height) in inches."""
        return np.array(self._figsize)

    def set_size_inches(self, w, h=None, forward: bool = True) -> None:
        """The figure's size in inches (``set_size_inches(w, h)`` or ``((w, h))``);
        ``forward`` resizes a window showing it."""
        if h is None:
            if isinstance(w, str) or np.size(w) != 2:
                raise TypeError(f"w: got {w!r}, expected (width, height) or a width and h")
            w, h = w
        self._figsize = validate.figsize(w, h, "set_size_inches")
        self.canvas.size = self._pixel_size()
        if forward:
            self.canvas.request_draw()

    def get_figwidth(self) -> float:
        """The figure width in inches."""
        return self._figsize[0]

    def get_figheight(self) -> float:
        """The figure height in inches."""
        return self._figsize[1]

    def set_figwidth(self, val, forward: bool = True) -> None:
        """Set the figure width in inches, keeping the height (see ``set_size_inches``)."""
        self.set_size_inches(val, self._figsize[1], forward)

    def set_figheight(self, val, forward: bool = True) -> None:
        """Set the figure height in inches, keeping the width (see ``set_size_inches``)."""
        self.set_size_inches(self._figsize[0], val, forward)

    # -- layout engines ---------------------------------------------------------------
    def get_layout_engine(self) -> LayoutEngine | None:
        """The layout engine that places the axes at each draw (None: none)."""
        return self._layout_engine

    def set_layout_engine(self, layout=None, **kwargs) -> None:
        """'constrained', 'compressed', 'tight', 'none', a LayoutEngine, or None (from
        rcParams: ``figure.autolayout`` is tight, ``figure.constrained_layout.use``
        constrained, else none); keywords go to the engine."""
        if layout is None and not kwargs:
            if rcParams["figure.autolayout"]:
                layout = "tight"
            elif rcParams["figure.constrained_layout.use"]:
                layout = "constrained"
        self._layout_engine = make_engine(layout, self._layout_engine, **kwargs)

    def get_tight_layout(self) -> bool:
        """Whether the layout engine is the tight one."""
        return isinstance(self._layout_engine, TightLayoutEngine)

    def set_tight_layout(self, tight) -> None:
        """True (or a dict of pads): the tight layout at each draw; False: none."""
        self.set_layout_engine("tight" if tight else "none",
                               **(tight if isinstance(tight, dict) else {}))

    def get_constrained_layout(self) -> bool:
        """Whether the layout engine is the constrained one."""
        from .layout import ConstrainedLayoutEngine

        return isinstance(self._layout_engine, ConstrainedLayoutEngine)

    def set_constrained_layout(self, constrained) -> None:
        """True (or a dict of pads): the constrained layout at each draw; False: none."""
        self.set_layout_engine("constrained" if constrained else "none",
                               **(constrained if isinstance(constrained, dict) else {}))

    def subplots_adjust(self, left=None, bottom=None, right=None, top=None, wspace=None,
                        hspace=None) -> None:
        """Change the subplot parameters (figure fractions; ``wspace``/``hspace`` are
        fractions of the mean axes width/height) and move the grid axes. Under a layout
        engine that places axes itself (constrained) it warns and does nothing, as
        matplotlib does."""
        engine = self._layout_engine
        if engine is not None and not engine.adjust_compatible:
            import warnings

            warnings.warn("This figure uses a layout engine that is incompatible with "
                          "subplots_adjust and/or tight_layout; not calling "
                          "subplots_adjust.", stacklevel=2)
            return
        self.subplotpars.update(left, bottom, right, top, wspace, hspace)
        self.reposition_subplots()

    def tight_layout(self, *, pad: float = 1.08, h_pad=None, w_pad=None, rect=None) -> None:
        """matplotlib's ``tight_layout``, now: subplot parameters that leave the
        decorations ``pad`` font sizes of room (``rect`` = (left, bottom, right, top):
        the part of the figure to fill). Later changes keep them (call it again)."""
        engine = TightLayoutEngine(pad=pad, h_pad=h_pad, w_pad=w_pad,
                                   rect=(0, 0, 1, 1) if rect is None else rect)
        previous = self._layout_engine
        if previous is not None and not previous.adjust_compatible:
            import warnings

            warnings.warn("The figure layout has changed to tight", stacklevel=2)
        self._prepare_layout()
        # one pass, as matplotlib's: the decorations measured where the axes are now
        # (a second pass, with the tick labels of the new boxes, may differ by 10+ px)
        engine.execute(self)
        self._update_boxes()
        self._layout_engine = PlaceholderLayoutEngine(True, True)

    def _prepare_layout(self) -> None:
        self.canvas.size = self._pixel_size()
        for ax in self._every_axes():
            ax.update_limits()
        self._update_boxes()

    def _update_boxes(self) -> None:
        """Every axes' pixel box from its position (and aspect)."""
        for ax in self._every_axes():
            if ax.role not in ("twin", "secondary"):
                ax.update_box()

    def _layout(self) -> None:
        self._prepare_layout()
        engine = self._layout_engine
        if engine is None or isinstance(engine, PlaceholderLayoutEngine):
            return
        if isinstance(engine, ConstrainedLayoutEngine):
            # matplotlib's runs once a draw (two passes) from where the axes stand, so a
            # figure drawn once (a script's savefig) is laid out from the positions before
            # any layout: restored here at every draw, so that every draw gives that
            # first draw's boxes (run to the settled boxes, fixed-aspect axes, whose
            # shrunk boxes change the margins, stood 1-5 px off matplotlib's)
            starts = self._layout_starts
            for ax in self._every_axes():
                if ax not in starts:
                    starts[ax] = ax.get_position(original=True)
                elif ax.get_in_layout():
                    ax._set_position(starts[ax])
            engine.execute(self)
            self._update_boxes()
            return
        if isinstance(engine, TightLayoutEngine):
            # matplotlib's runs once a draw from the subplot parameters of then, so a
            # figure drawn once (a script's savefig) is laid out from those before any
            # layout: restored here at every draw (unless changed since, by
            # subplots_adjust), so that every draw gives that first draw's boxes (run to
            # the settled parameters, fixed-aspect axes, whose shrunk boxes change the
            # margins, stood up to 11 px off matplotlib's: gallery imshow_extent)
            p = self.subplotpars
            start, made = self._tight_start or (None, None)
            if start is None or _params(p) != _params(made):
                start = p.copy()
            elif _params(p) != _params(start):
                p.update(**dict(zip(SUBPLOT_KEYS, _params(start), strict=True)))
                self.reposition_subplots()
                self._update_boxes()
            engine.execute(self)
            self._update_boxes()
            self._tight_start = (start, p.copy())
            return
        # again until the boxes settle: the decorations the engines make room for (tick
        # labels, a colorbar's pad) follow the boxes, so the layout must give itself
        # again, or two draws of one figure differ (a tenth of a pixel with a colorbar)
        before = self._boxes()
        for _ in range(_LAYOUT_PASSES):
            engine.execute(self)
            self._update_boxes()
            after = self._boxes()
            if len(after) == len(before) and np.allclose(after, before, rtol=0.0,
                                                         atol=1e-6):
                break
            before = after

    def _boxes(self) -> np.ndarray:
        """Every axes' pixel box, a row each."""
        return np.array([ax.box for ax in self._every_axes()], dtype=float).reshape(-1, 4)

    # -- drawing ---------------------------------------------------------------------
    def _background(self):
        """The canvas' clear color: the figure patch (transparent when hidden)."""
        face = self.patch.face()
        return (0.0, 0.0, 0.0, 0.0) if face is None else face

    def _every_axes(self) -> list:
        """The figure's axes, insets included, and the secondary axes of each
        (matplotlib keeps both out of ``fig.axes``: they are their parent's child
        axes), in drawing order: by zorder, ties in the order they were made."""
        out = []
        for ax in sorted(self.axes_list, key=lambda a: a.get_zorder()):
            out.append(ax)
            out += [c for c in ax.children if c.role == "secondary"]
        return out

    def _all_figures(self) -> list:
        out, todo = [], [self]
        while todo:
            f = todo.pop(0)
            out.append(f)
            todo.extend(f.subfigs)
        return out

    def draw(self, early=None) -> None:
        """Bring every view up to date (limits, layout, batches, decorations); then
        ``draw_event`` callbacks run. ``early(n)``, when given, is called before the
        decorations are made, with the number of leading canvas views that are the
        axes' own (their data synced): a window draws those meanwhile (the decorations
        may still change them: it checks)."""
        self._drawn = True
        self.canvas.bgcolor = self._background()
        self._tick_memo = {}  # Axis.ticks: computed once per axis and view in this draw
        try:
            self._layout()
            for cb in self.colorbars:
                cb.sync()
            self._stack_axes_views()
            for ax in self._every_axes():
                ax.notify_limits()  # autoscaling and aspects may have moved them
                ax.sync()
            if early is not None:
                mains = {ax.view for ax in self._every_axes()}
                views = self.canvas.views
                early(next((i for i, v in enumerate(views) if v not in mains), len(views)))
            self._draw_decorations()
        finally:
            self._tick_memo = None
        self.canvas.emit_draw()

    def get_figure(self, root: bool | None = None):
        """The figure itself (matplotlib's answer for a top figure, ``root`` or not)."""
        return self

    def clf(self, keep_observers: bool = False) -> None:
        """Remove every axes, text, legend, colorbar and subfigure."""
        for ax in list(self.axes):
            if ax in self.axes:
                self.delaxes(ax)
        self.colorbars.clear()
        self.legends.clear()
        self.texts.clear()
        self.images.clear()
        self.figure_lines.clear()
        self.artists.clear()
        self.subfigs.clear()
        self._labels = dict.fromkeys(self._labels)
        self._implicit_gs = None
        self._current_axes = None

    clear = clf

    def autofmt_xdate(self, bottom: float = 0.2, rotation: float = 30, ha: str = "right",
                      which: str = "major") -> None:
        """Slant the x tick labels of the bottom axes so long dates do not collide (and
        hide those of the axes above); ``bottom`` is the new subplot parameter, ``which``
        the labels turned ('major', 'minor' or 'both')."""
        grid_axes = [a for a in self.axes if a.role == "main"]
        if len(grid_axes) == 1:
            targets = grid_axes
        else:
            targets = []
            for ax in grid_axes:
                ss = ax.get_subplotspec()
                if ss is None or ss.is_last_row():
                    targets.append(ax)
                else:
                    ax.xaxis.show_labels = False
                    ax.xaxis.label = ""
        for ax in targets:
            ax.tick_params("x", which=which, labelrotation=rotation)
            ax.xaxis.tick_ha = ha
        engine = self._layout_engine
        if engine is None or engine.adjust_compatible:
            self.subplots_adjust(bottom=bottom)

    def frame(self, follow: bool = False, early=None):
        """The frame description of the figure (``follow``: for a page or the notebook
        widget, which move cameras alone: with the draws' followers, docs/frame.md;
        ``early``: see :meth:`draw`)."""
        self.draw(early)
        return self.canvas.frame(follow=follow)

    def render(self, dpi: float | None = None) -> np.ndarray:
        """The figure as an (h, w, 4) uint8 array; ``dpi`` scales every pixel size.
        Any thread may render a figure (docs/threading.md)."""
        with self.canvas.lock:  # one thread at a time lays out and draws this figure
            self.canvas.pixel_ratio = 1.0 if dpi is None else validate.number(
                dpi, "dpi", 0.0, exclusive=True) / self.dpi
            # the axes' data drawn and flushed before the decorations are made
            return self.canvas.render(draw=self.draw)

    def show(self, block: bool | None = None) -> None:
        """Show the figure with the first front-end that can (``lumos.plot.frontends``):
        inline in a notebook, else a window (GLFW) when there is a display; without
        either, a warning says what to do instead. ``block=None`` blocks until the
        window closes unless Python runs interactively."""
        from .frontends import show

        show(self, block)

    def waitforbuttonpress(self, timeout: float = -1):
        """Wait for a key press (True) or a mouse click (False) in the figure's window;
        None when ``timeout`` seconds pass first (<= 0: no limit). See
        :mod:`lumos.plot.blocking_input`."""
        from .blocking_input import waitforbuttonpress

        return waitforbuttonpress(self, timeout)

    def ginput(self, n: int = 1, timeout: float = 30, show_clicks: bool = True, **buttons):
        """Up to ``n`` points clicked in the figure's axes, as a list of (x, y) in data
        coordinates (matplotlib's ``mouse_add``/``mouse_pop``/``mouse_stop`` buttons;
        see :func:`lumos.plot.blocking_input.ginput`)."""
        from .blocking_input import ginput

        return ginput(self, n, timeout, show_clicks, **buttons)

    def on(self, name: str, callback=None):
        """Call ``callback(event)`` on "mouse_press", "mouse_move", "mouse_release",
        "wheel", "key_press", "resize" or "draw" in a window or widget; mouse events
        carry ``inaxes``, ``xdata`` and ``ydata``. Usable as a decorator."""
        return self.canvas.on(name, callback)

    def pick(self, x_px: float, y_px: float, radius: int = 2):
        """``(artist, index)`` under the figure pixel (x, y) from the top left (event
        coordinates): the point of a line or scatter, the pixel of an image
        (row * width + col); None when no data is there."""
        self.draw()
        owners = {v: ax for ax in self.axes_list for v in ax.data_visuals()}
        hit = self.canvas.pick(x_px, y_px, radius=radius, pickable=lambda v: v in owners)
        if hit is None:
            return None
        visual, index = hit
        return owners[visual].artist_at(visual, index)

    def select(self, rect=None, lasso=None) -> dict:
        """``{artist: indices}`` of the line and scatter points inside a rectangle
        ``(x0, y0, x1, y1)`` or a lasso ``[(x, y), ...]`` in pixels from the top left."""
        from .selection import select

        return select(self, rect=rect, lasso=lasso)

    def animate(self, update, interval_ms: float = 16.0, frames=None, **kwargs):
        """Call ``update(frame)`` every ``interval_ms`` and redraw: returns a
        :class:`lumos.plot.animation.Animation` (``.run(frames=n)`` offscreen; windows
        drive ``.step()`` from their timer). matplotlib's ``FuncAnimation`` is in
        ``lumos.plot.animation`` too."""
        from .animation import Animation

        return Animation(self, update, interval_ms=interval_ms, frames=frames, **kwargs)

    def record(self, filename, fps: float = 30, dpi: float | None = None,
               bitrate: float | None = None, codec: str | None = None,
               progress=None, total: int | None = None):
        """A movie of the pictures you make: ``with fig.record("x.mp4", fps=30) as rec:``
        then ``rec.frame()`` after each change (.mp4, .webm, .gif, .apng); returns a
        :class:`lumos.plot.animation.Recorder`. Arguments as ``Animation.save``."""
        from .animation import Recorder

        return Recorder(self, filename, fps=fps, dpi=dpi, bitrate=bitrate, codec=codec,
                        progress=progress, total=total)

    def close(self) -> None:
        """Release the figure's GPU objects now. A figure that is simply dropped
        releases them too, at the next render of any figure; a closed figure can still
        be drawn (they are made again)."""
        self.canvas.close()

    def __enter__(self) -> Figure:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _repr_png_(self) -> bytes:
        from ..io.png import encode_png

        return encode_png(self.render())

    def _ipython_display_(self) -> None:
        """IPython: the front-end's display (the notebook widget plus a static PNG for
        viewers without a kernel), else the mime bundle."""
        from .frontends import ipython_display

        if not ipython_display(self):
            from IPython.display import display

            display(self._repr_mimebundle_(), raw=True)

    def _repr_mimebundle_(self, include=None, exclude=None):
        """Jupyter: what a front-end gives (the interactive widget when anywidget is
        installed), else a PNG."""
        import base64

        from ..io.png import encode_png
        from .frontends import mimebundle

        bundle = mimebundle(self, include=include, exclude=exclude)
        if bundle is None:
            bundle = {"image/png": base64.b64encode(encode_png(self.render())).decode("ascii")}
        return bundle

    # -- the scene protocol (lumos.scene.protocol.Scene): what front-ends call -----------
    def window_title(self) -> str:
        """The title of a window showing the figure (its manager's, else 'Figure <number>')."""
        manager = self.canvas.manager  # a pyplot figure's (set_window_title)
        if manager is not None:
            return manager.get_window_title()
        return f"Figure {self.number}" if self.number is not None else self.canvas.title

    def preferred_size(self) -> tuple[int, int]:
        """Logical pixels the figure wants: figsize × dpi."""
        return self._pixel_size()

    def resize(self, width: int, height: int, pixel_ratio: float) -> None:
        """The window or widget is ``width`` × ``height`` logical pixels: the figure
        takes that size (at its dpi)."""
        w, h = max(int(width), 1), max(int(height), 1)
        if self._pixel_size() != (w, h):
            self.set_size_inches(w / self.dpi, h / self.dpi)
        self.canvas.pixel_ratio = pixel_ratio

    def view_at(self, x: float, y: float):
        """The topmost interactive view under (x, y) (laid out first if it never was)."""
        if not self._drawn:
            self.draw()
        return self.canvas.view_at(x, y)

    def axes_of(self, view) -> Axes | None:
        """The axes drawn in ``view`` (an inset's too), or None."""
        for ax in self.axes_list:
            if ax.view is view:
                return ax
        return None

    def camera_changed(self, view, camera: dict) -> None:
        """The mouse moved a view's camera: its axes take the limits it shows (each
        projection in its own way); other views take the camera."""
        ax = self.axes_of(view)
        if ax is None:
            self.canvas.camera_changed(view, camera)
            return
        self._home.setdefault(view, ax.home_state())
        ax.camera_changed(camera)

    def reset_view(self, view=None) -> None:
        """Back to the limits from before the mouse moved ``view`` (None: every view)."""
        for v in list(self._home) if view is None else [view]:
            state = self._home.pop(v, None)
            ax = self.axes_of(v)
            if state is not None and ax is not None:
                ax.restore_home(state)
        self.canvas.reset_view(view)

    def press_regions(self) -> list[tuple[float, float, float, float]]:
        """The boxes of the figure's draggables (its canvas's ``press_regions``)."""
        return self.canvas.press_regions()

    def event_info(self, view, x: float, y: float) -> dict:
        """``inaxes``, ``xdata`` and ``ydata`` for events over an axes."""
        ax = self.axes_of(view) if view is not None else None
        if ax is None:
            return {}
        xdata, ydata = ax.data_at(x, self.canvas.size[1] - y)
        return {"inaxes": ax, "xdata": xdata, "ydata": ydata}


def figaspect(arg) -> tuple[float, float]:
    """A figure size (w, h) in inches for an aspect ratio height / width (a number, or
    the shape of an array to show), within matplotlib's bounds."""
    arr = np.asarray(arg)
    ratio = arr.shape[0] / arr.shape[1] if arr.ndim == 2 else float(arg)
    if not np.isfinite(ratio) or ratio <= 0:
        raise ValueError(f"arg: got {arg!r}, expected a positive aspect ratio or a 2D array")
    figsize_min, figsize_max = np.array((4.0, 2.0)), np.array((16.0, 16.0))
    newsize = np.array((float(rcParams["figure.figsize"][1]) / ratio,
                        float(rcParams["figure.figsize"][1])))
    newsize /= min(1.0, *(newsize / figsize_min))
    newsize /= max(1.0, *(newsize / figsize_max))
    newsize = np.clip(newsize, figsize_min, figsize_max)
    return float(newsize[0]), float(newsize[1])


def figure(figsize=None, dpi: float | None = None, **kwargs) -> Figure:
    """A new figure, outside pyplot's figure list: ``with lumos.figure() as fig:``
    releases its GPU objects at the end of the block."""
    return Figure(figsize=figsize, dpi=dpi, **kwargs)


def subplots(nrows: int = 1, ncols: int = 1, *, sharex=False, sharey=False,
             squeeze: bool = True, width_ratios=None, height_ratios=None,
             subplot_kw: dict | None = None, gridspec_kw: dict | None = None, **fig_kw):
    """``fig, ax = lumos.subplots()`` / ``fig, axs = lumos.subplots(2, 2)``; figure
    keywords (``figsize``, ``dpi``, ``layout``, ...) and grid keywords as matplotlib's."""
    fig = Figure(**fig_kw)
    return fig, fig.subplots(nrows, ncols, sharex=sharex, sharey=sharey, squeeze=squeeze,
                             width_ratios=width_ratios, height_ratios=height_ratios,
                             subplot_kw=subplot_kw, gridspec_kw=gridspec_kw)


def _params(p: SubplotParams) -> tuple[float, ...]:
    return tuple(getattr(p, k) for k in SUBPLOT_KEYS)
