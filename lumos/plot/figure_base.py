"""What a figure and a subfigure share (matplotlib's ``FigureBase``): making axes in
grids, mosaics and rectangles; figure texts and titles; legends, colorbars; the
background patch; figure-fraction coordinates (``transSubfigure``)."""

from __future__ import annotations

import numpy as np

from . import introspect, validate
from . import mosaic as mosaicmod
from . import text as textmod
from .background import BackgroundPatch
from .bbox import Bbox, as_bbox
from .coords import LiveTransform, unit_to_box
from .gridspec import GridSpec, SubplotSpec, from_matplotlib
from .style import rcParams
from .text_artists import Text, draw_texts

# matplotlib's figure labels: default position, alignment, rcParams of size and weight
_LABELS = {
    "suptitle": dict(x=0.5, y=0.98, ha="center", va="top", rotation=0.0,
                     size="figure.titlesize", weight="figure.titleweight"),
    "supxlabel": dict(x=0.5, y=0.01, ha="center", va="bottom", rotation=0.0,
                      size="figure.labelsize", weight="figure.labelweight"),
    "supylabel": dict(x=0.02, y=0.5, ha="left", va="center", rotation=90.0,
                      size="figure.labelsize", weight="figure.labelweight"),
}
_AXES_ALIASES = {"fc": "facecolor"}


class FigureText(Text):
    """Text placed in figure coordinates (``fig.text``, ``fig.suptitle``): its
    transform defaults to the (sub)figure's fraction, ``transSubfigure``."""

    def __init__(self, figure, x, y, s, **kwargs) -> None:
        kwargs.setdefault("transform", figure.transSubfigure)
        super().__init__(None, x, y, s, figure=figure.figure, **kwargs)
        self._autopos = False
        self._owner = figure  # the (sub)figure whose texts or labels hold it

    def remove(self) -> None:
        """Take the text off its (sub)figure: ``fig.text``, ``suptitle`` and the
        sup-labels alike."""
        self._owner._remove_text(self)

    def window_extent(self) -> Bbox:
        """The box the text covers, in figure pixels (rotated text: its rotated box,
        aligned by ha/va as matplotlib's default rotation mode aligns it)."""
        st = self.style
        size = self.figure.points_to_pixels(self.get_fontsize())
        x, y = self.pixel_position()
        x0, y0, x1, y1 = textmod.window_box(st.shown(self.get_text()), x, y, size, st.ha,
                                            st.va, st.rotation, face=st.face(),
                                            spacing=st.linespacing)
        return Bbox.from_bounds(x0, y0, x1 - x0, y1 - y0)


class FigureBase:
    """Axes, texts, legends and colorbars of a figure or subfigure. Subclasses give
    ``figure`` (the root figure), ``bbox_pixels()`` and the root's canvas and dpi."""

    def _init_base(self, facecolor, edgecolor, linewidth, frameon) -> None:
        self._localaxes: list = []
        # insets (ax.inset_axes) given to add_axes or plt.axes: listed in fig.axes from
        # then on, as matplotlib's add_axes lists them (held by the root figure)
        self._listed_insets: list = []
        self.subfigs: list = []
        self.texts: list = []
        self.legends: list = []  # figure legends (fig.legend)
        self._labels: dict = dict.fromkeys(_LABELS)
        self._implicit_gs: GridSpec | None = None  # the grid of fig.subplot(row, col)
        self.patch = BackgroundPatch(facecolor, edgecolor, linewidth, box=self.bbox_pixels)
        self.patch.set_visible(True if frameon is None else bool(frameon))
        #: this (sub)figure's fraction → figure pixels from the bottom left
        self.transSubfigure = LiveTransform(lambda: unit_to_box(self.bbox_pixels()),
                                            "transSubfigure")

    # -- coordinates --------------------------------------------------------------------
    def bbox_pixels(self) -> tuple[float, float, float, float]:
        raise NotImplementedError

    def fraction_to_pixels(self, bbox: Bbox) -> tuple[float, float, float, float]:
        """(x, y, w, h) in figure pixels of a box in this (sub)figure's fraction."""
        fx, fy, fw, fh = self.bbox_pixels()
        x0, y0, w, h = bbox.bounds
        return fx + x0 * fw, fy + y0 * fh, w * fw, h * fh

    def pixels_to_fraction(self, box) -> Bbox:
        """A box (x, y, w, h) in figure pixels, in this (sub)figure's fraction."""
        fx, fy, fw, fh = self.bbox_pixels()
        x, y, w, h = box
        return Bbox.from_bounds((x - fx) / fw, (y - fy) / fh, w / fw, h / fh)

    # -- axes ---------------------------------------------------------------------------
    @property
    def axes(self) -> list:
        """The axes of the figure (subfigures' included), in the order made, as
        matplotlib's ``fig.axes`` lists them: not the insets (``ax.inset_axes``), which
        are their parent's ``child_axes`` (``axes_list`` of the root figure: every axes
        drawn, insets included)."""
        every = self.figure.axes_list
        insets = {id(c) for a in every for c in a.child_axes}
        insets -= {id(a) for a in self.figure._listed_insets}
        return [a for a in every if id(a) not in insets]

    def get_axes(self) -> list:
        """The axes of the figure."""
        return list(self.axes)

    def get_children(self) -> list:
        """The figure's patch, axes, texts (labels included) and legends."""
        labels = [v for v in self._labels.values() if v is not None]
        return [self.patch, *self.axes, *self.texts, *labels, *self.legends]

    def findobj(self, match=None, include_self: bool = True) -> list:
        """Every object in the figure that ``match`` accepts (None: all; a class,
        lumos's or matplotlib's; a callable), as matplotlib's ``Artist.findobj``."""
        return introspect.findobj(self, match, include_self)

    def _new_axes(self, spec, projection=None, polar: bool = False, sharex=None,
                  sharey=None, where: str = "add_subplot", current: bool = True, **kwargs):
        from .projections import projection_class, toolkit_class

        cls = projection_class(projection, polar)
        if "axes_class" in kwargs:  # axisartist's and axes_grid1's way in
            # matplotlib's axisartist classes: lumos.axisartist's
            got = toolkit_class(kwargs.pop("axes_class"))
            if not (isinstance(got, type) and issubclass(got, cls)):
                raise TypeError(f"axes_class: got {getattr(got, '__module__', '')}."
                                f"{getattr(got, '__name__', type(got).__name__)}; lumos "
                                "makes its own kinds of axes from projection= (its registry: "
                                "docs/projections.md) or a subclass of them "
                                "(lumos.axes_grid1's, lumos.axisartist's), and does not "
                                "draw matplotlib's other Axes classes")
            cls = got
        kwargs = {_AXES_ALIASES.get(k, k): v for k, v in kwargs.items()}
        label = kwargs.pop("label", None)
        # keywords of the projection's constructor (3D axes: elev=, azim=, ...)
        init = {k: kwargs.pop(k) for k in getattr(cls, "init_keywords", ()) if k in kwargs}
        check_properties(cls, kwargs, where)
        ax = cls(self, spec, sharex=sharex, sharey=sharey, **init)
        self._attach(ax, current)
        if label is not None:
            ax.set_label(label)
        ax.set(**kwargs)
        return ax

    def _attach(self, ax, current: bool = True) -> None:
        """Add ``ax`` to what the figure draws (the current axes with ``current``)."""
        self.figure.axes_list.append(ax)
        self._localaxes.append(ax)
        if current:
            self.figure._current_axes = ax

    def add_subplot(self, *args, **kwargs):
        """A new axes in a grid cell: ``add_subplot(2, 2, 1)``, ``(221)``, ``(2, 2, (1, 2))``
        or a cell of a grid (``gs[0, :]``, lumos's or matplotlib's); ``projection``,
        ``polar``, ``sharex``, ``sharey``, ``label`` and Axes properties (``facecolor``,
        ``title``, ``xlim``, ...)."""
        return self._new_axes(self.subplotspec_from_args(*args), **kwargs)

    def subplotspec_from_args(self, *args) -> SubplotSpec:
        """The grid cell ``add_subplot(*args)`` means: ``(2, 2, 1)``, ``(221)``, a
        SubplotSpec (lumos's or matplotlib's); grids of the same geometry are shared
        (matplotlib's ``SubplotSpec._from_subplot_args``)."""
        if len(args) == 1 and isinstance(args[0], SubplotSpec):
            return args[0]
        if len(args) == 1 and hasattr(args[0], "get_gridspec") and \
                hasattr(args[0], "rowspan"):  # matplotlib's SubplotSpec
            return from_matplotlib(args[0], self, self.figure._mpl_grids)
        if not args:
            args = (1, 1, 1)
        if len(args) == 1:
            arg = args[0]
            if isinstance(arg, bool) or not isinstance(arg, (int, np.integer)) or \
                    not 111 <= arg <= 999 or "0" in str(arg)[:2]:
                raise ValueError(f"add_subplot: got {arg!r}, expected a three-digit integer "
                                 "such as 211, (nrows, ncols, index) or a SubplotSpec")
            args = tuple(int(c) for c in str(int(arg)))
        if len(args) != 3:
            raise TypeError(f"add_subplot: got {len(args)} positional arguments {args!r}, "
                            "expected 1 or 3")
        nrows, ncols, num = args
        for name, v in (("nrows", nrows), ("ncols", ncols)):
            if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or v < 1:
                raise ValueError(f"{name}: got {v!r}, expected an integer >= 1")
        gs = self.gridspec_with(int(nrows), int(ncols))
        n = nrows * ncols
        if isinstance(num, tuple) and len(num) == 2:
            first, last = num
        else:
            first = last = num
        for v in (first, last):
            if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or not 1 <= v <= n:
                raise ValueError(f"index: got {num!r}, expected an integer 1..{n} or a pair "
                                 "of them")
        return gs[int(first) - 1:int(last)]

    def gridspec_with(self, nrows: int, ncols: int) -> GridSpec:
        """The grid of these axes with that geometry, else a new one (matplotlib's
        ``_check_gridspec_exists``)."""
        for ax in self._localaxes:
            ss = ax.get_subplotspec()
            if ss is None:
                continue
            gs = ss.get_topmost_subplotspec().get_gridspec()
            if gs.get_geometry() == (nrows, ncols) and gs is not self._implicit_gs:
                return gs
        return GridSpec(nrows, ncols, figure=self)

    def subplot(self, row: int = 0, col: int = 0, projection=None, rowspan: int = 1,
                colspan: int = 1, sharex=None, sharey=None, polar: bool = False, **kwargs):
        """The axes in grid cell (row, col) (0-based), made on first use; the grid grows
        to hold every cell asked for. ``projection``, ``polar`` and Axes properties as
        for :meth:`add_subplot`; an axes of another kind in that cell is replaced."""
        from .projections import projection_class

        for name, v in (("row", row), ("col", col)):
            if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or v < 0:
                raise ValueError(f"{name}: got {v!r}, expected an integer >= 0")
        for name, v in (("rowspan", rowspan), ("colspan", colspan)):
            if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or v < 1:
                raise ValueError(f"{name}: got {v!r}, expected an integer >= 1")
        cls = projection_class(projection, polar)
        gs = self._implicit_grid(row + rowspan, col + colspan)
        ss = gs[row:row + rowspan, col:col + colspan]
        for ax in self._localaxes:
            if ax.get_subplotspec() == ss and ax.role == "main":
                if projection is None and not polar or type(ax) is cls:
                    self.figure._current_axes = ax
                    check_properties(type(ax), kwargs, "subplot")
                    ax.set(**kwargs)
                    return ax
                self.delaxes(ax)
                break
        return self._new_axes(ss, projection=projection, polar=polar, sharex=sharex,
                              sharey=sharey, where="subplot", **kwargs)

    def _implicit_grid(self, nrows: int, ncols: int) -> GridSpec:
        gs = self._implicit_gs
        if gs is None:
            gs = self._implicit_gs = GridSpec(nrows, ncols, figure=self)
        elif nrows > gs.nrows or ncols > gs.ncols:
            gs.grow(nrows, ncols)
            self.reposition_subplots(gs)
        return gs

    def __getitem__(self, key):
        """``fig[row, col]`` or with slices for spans: ``fig[0, :]`` (lumos's grid)."""
        if not isinstance(key, tuple) or len(key) != 2:
            raise TypeError(f"key: got {key!r}, expected fig[row, col]")
        gs = self._implicit_gs
        dims = gs.get_geometry() if gs is not None else (1, 1)
        spans = []
        for k, n in zip(key, dims, strict=True):
            if isinstance(k, slice):
                start, stop, _ = k.indices(max(n, (k.stop or n)))
                spans.append((start, max(stop - start, 1)))
            else:
                spans.append((int(k), 1))
        return self.subplot(spans[0][0], spans[1][0], rowspan=spans[0][1],
                            colspan=spans[1][1])

    def subplots(self, nrows: int = 1, ncols: int = 1, *, sharex=False, sharey=False,
                 squeeze: bool = True, width_ratios=None, height_ratios=None,
                 subplot_kw: dict | None = None, gridspec_kw: dict | None = None,
                 gridspec=None):
        """A grid of axes, as matplotlib's ``fig.subplots``: ``sharex``/``sharey`` (bool,
        'all', 'row', 'col', 'none'), ``width_ratios``, ``height_ratios``,
        ``gridspec_kw`` (GridSpec arguments: ``hspace``, ``left``, ...) and ``subplot_kw``
        (``projection``, Axes properties) for each axes."""
        subplot_kw = _as_dict(subplot_kw, "subplot_kw")
        gridspec_kw = _as_dict(gridspec_kw, "gridspec_kw")
        nrows, ncols = validate.integer(nrows, "nrows", 1), validate.integer(ncols, "ncols", 1)
        validate.points(nrows * ncols, "nrows * ncols", validate.AXES_BYTES, "axes",
                        "make fewer axes")
        for name, v in (("width_ratios", width_ratios), ("height_ratios", height_ratios)):
            if v is not None:
                if name in gridspec_kw:
                    raise ValueError(f"{name} must not be given both as a parameter and in "
                                     "gridspec_kw")
                gridspec_kw[name] = v
        for name, v in (("sharex", sharex), ("sharey", sharey)):
            if v not in (True, False, "all", "row", "col", "none"):
                raise ValueError(f"{name}: got {v!r}, expected a bool, 'all', 'row', 'col' "
                                 "or 'none'")
        gs = gridspec if gridspec is not None else self.add_gridspec(nrows, ncols,
                                                                     **gridspec_kw)
        grid = np.empty((gs.nrows, gs.ncols), dtype=object)
        for r in range(gs.nrows):
            for c in range(gs.ncols):
                grid[r, c] = self.add_subplot(gs[r, c], sharex=_share_target(grid, sharex, r, c),
                                              sharey=_share_target(grid, sharey, r, c),
                                              **subplot_kw)
        if sharex in (True, "all", "col"):
            for ax in grid.flat:
                ax._label_outer_xaxis()
        if sharey in (True, "all", "row"):
            for ax in grid.flat:
                ax._label_outer_yaxis()
        if squeeze:
            return grid.item() if grid.size == 1 else grid.squeeze()
        return grid

    def add_axes(self, *args, **kwargs):
        """A new axes at ``rect`` = (left, bottom, width, height) in figure fraction
        (``projection``, ``polar``, ``sharex``, ``sharey``, ``label`` and Axes
        properties, ``facecolor`` ...); ``add_axes(ax)`` makes ``ax`` current. Layout
        engines leave it where it is."""
        from .axes import Axes

        if "rect" in kwargs:
            if args:
                raise TypeError("add_axes: got rect both as a positional and a keyword "
                                "argument")
            args = (kwargs.pop("rect"),)
        if len(args) != 1:
            raise TypeError(f"add_axes: got {len(args)} positional arguments, expected the "
                            "rectangle (left, bottom, width, height)")
        if isinstance(args[0], Axes):
            ax = args[0]
            if ax.figure is not self:
                raise ValueError("add_axes: got an axes of another figure")
            if ax not in self.figure.axes_list:  # made as Axes(fig, rect): add it
                if kwargs:
                    raise TypeError(f"add_axes: unexpected keyword arguments {sorted(kwargs)} "
                                    "with an axes")
                self._attach(ax)
            elif ax not in self.axes:  # an inset: matplotlib lists it in fig.axes now
                self.figure._listed_insets.append(ax)
            self.sca(ax)
            return ax
        return self._new_axes(as_bbox(args[0]), where="add_axes", **kwargs)

    def add_gridspec(self, nrows: int = 1, ncols: int = 1, **kwargs) -> GridSpec:
        """A grid in this figure: ``gs = fig.add_gridspec(2, 3, hspace=0)``, then
        ``fig.add_subplot(gs[0, :])``. Arguments as :class:`~lumos.plot.gridspec.GridSpec`."""
        kwargs.pop("figure", None)
        return GridSpec(nrows, ncols, figure=self, **kwargs)

    def subplot_mosaic(self, mosaic, *, sharex: bool = False, sharey: bool = False,
                       width_ratios=None, height_ratios=None, empty_sentinel=".",
                       subplot_kw: dict | None = None, per_subplot_kw: dict | None = None,
                       gridspec_kw: dict | None = None) -> dict:
        """Axes named by a picture of the layout: ``fig.subplot_mosaic("AB;CC")`` or
        ``[["A", "B"], ["C", "C"]]`` (nested lists for grids in a cell,
        ``empty_sentinel`` for empty cells); returns ``{label: axes}``."""
        subplot_kw = _as_dict(subplot_kw, "subplot_kw")
        gridspec_kw = _as_dict(gridspec_kw, "gridspec_kw")
        per_subplot_kw = _as_dict(per_subplot_kw, "per_subplot_kw")
        for name, v in (("width_ratios", width_ratios), ("height_ratios", height_ratios)):
            if v is not None:
                if name in gridspec_kw:
                    raise ValueError(f"{name} must not be given both as a parameter and in "
                                     "gridspec_kw")
                gridspec_kw[name] = v
        for name, v in (("sharex", sharex), ("sharey", sharey)):
            if not isinstance(v, bool):
                raise TypeError(f"{name}: got {v!r}, expected a bool")
        per = mosaicmod.expand_per_subplot(per_subplot_kw, isinstance(mosaic, str))
        grid = mosaicmod.normalize(mosaic)
        gs = self.add_gridspec(*grid.shape, **gridspec_kw)

        def make(name, ss):
            return self.add_subplot(ss, **{"label": str(name), **subplot_kw,
                                           **per.get(name, {})})

        out = mosaicmod.layout(self, gs, grid, empty_sentinel, make)
        extra = set(per) - set(out)
        if extra:
            raise ValueError(f"per_subplot_kw: the keys {sorted(map(str, extra))} are not in "
                             "the mosaic")
        first = next(iter(out.values()), None)
        for ax in out.values():
            if sharex and ax is not first:
                ax.sharex(first)
            if sharey and ax is not first:
                ax.sharey(first)
            if sharex:
                ax._label_outer_xaxis()
            if sharey:
                ax._label_outer_yaxis()
        return out

    def subfigures(self, nrows: int = 1, ncols: int = 1, squeeze: bool = True,
                   wspace=None, hspace=None, width_ratios=None, height_ratios=None,
                   **kwargs):
        """A grid of subfigures (each with its own axes, suptitle and background:
        ``facecolor``, ``edgecolor``, ``linewidth``, ``frameon``)."""
        gs = GridSpec(nrows, ncols, figure=self, wspace=wspace, hspace=hspace,
                      width_ratios=width_ratios, height_ratios=height_ratios, left=0, right=1,
                      bottom=0, top=1)
        grid = np.empty((nrows, ncols), dtype=object)
        for r in range(nrows):
            for c in range(ncols):
                grid[r, c] = self.add_subfigure(gs[r, c], **kwargs)
        if self.figure.get_layout_engine() is None and (wspace is not None or
                                                       hspace is not None):
            bottoms, tops, lefts, rights = gs.get_grid_positions(self)
            for r in range(nrows):
                for c in range(ncols):
                    grid[r, c].bbox_relative = Bbox.from_extents(lefts[c], bottoms[r],
                                                                 rights[c], tops[r])
        if squeeze:
            return grid.item() if grid.size == 1 else grid.squeeze()
        return grid

    def add_subfigure(self, subplotspec: SubplotSpec, **kwargs):
        """A subfigure in a cell of a grid of this figure."""
        from .subfigure import SubFigure

        sfig = SubFigure(self, subplotspec, **kwargs)
        self.subfigs.append(sfig)
        return sfig

    def gca(self):
        """The current axes: the last one made or picked, else a new one."""
        current = self.figure._current_axes
        if current is not None and current in self.axes:
            return current
        return self.add_subplot()

    def sca(self, ax):
        """Make ``ax`` the current axes (``gca`` returns it)."""
        if ax not in self.axes:
            raise ValueError("ax: got an axes that is not in this figure")
        self.figure._current_axes = ax
        return ax

    def delaxes(self, ax) -> None:
        """Remove ``ax`` (and its twins, insets and colorbars) from the figure; an
        inset is not in ``fig.axes`` (matplotlib's ValueError too): ``inset.remove()``."""
        if ax not in self.axes:
            raise ValueError("ax: got an axes that is not in this figure")
        self._discard_axes(ax)

    def _discard_axes(self, ax) -> None:
        """Stop drawing ``ax``, its twins, insets and colorbars (``delaxes``, and
        ``remove`` of any axes, an inset's included)."""
        every = self.figure.axes_list
        for inset in list(ax.child_axes):  # with its own twins, insets and colorbars
            self._discard_axes(inset)
        for a in [ax, *ax.children, *(cb.ax for cb in ax.colorbars)]:
            if a in every:
                every.remove(a)
                for view in a.canvas_views():
                    if view in self.figure.canvas.views:
                        self.figure.canvas.views.remove(view)
            if a in a.figure._localaxes:
                a.figure._localaxes.remove(a)
        if ax.parent is not None and ax in ax.parent.children:
            ax.parent.children.remove(ax)
        if ax in self.figure._listed_insets:
            self.figure._listed_insets.remove(ax)
        for a in every:
            if ax in a.child_axes:
                a.child_axes.remove(ax)
        self.figure.colorbars[:] = [cb for cb in self.figure.colorbars if cb.ax in every]

    def reposition_subplots(self, gridspec=None) -> None:
        """Grid axes back to their cells' positions (all, or those of ``gridspec``):
        what ``subplots_adjust`` and the tight layout do after changing the subplot
        parameters."""
        for ax in self.axes:
            ss = ax.get_subplotspec()
            if ss is None or ax.role == "twin" or not ax.get_in_layout():
                continue
            if gridspec is not None and ss.get_topmost_subplotspec().get_gridspec() is not \
                    gridspec:
                continue
            ax._set_position(ss.get_position(ax.figure))

    # -- texts --------------------------------------------------------------------------
    def align_xlabels(self, axs=None) -> None:
        """Draw the x labels of ``axs`` (default: every grid axes of the figure) in
        line: those at the bottom of axes ending on the same grid row, and those at the
        top of axes starting on the same row (matplotlib's rule)."""
        self._align_labels("x", axs)

    def align_ylabels(self, axs=None) -> None:
        """Draw the y labels of ``axs`` in line: those on the left of axes starting
        in the same grid column, and those on the right of axes ending in the same one."""
        self._align_labels("y", axs)

    def align_labels(self, axs=None) -> None:
        """``align_xlabels`` and ``align_ylabels``."""
        self.align_xlabels(axs)
        self.align_ylabels(axs)

    def align_titles(self, axs=None) -> None:
        """Draw the titles of ``axs`` (default: every grid axes of the figure) starting
        on the same grid row at one height, the highest any of them needs (matplotlib's
        rule)."""
        for ax, other in self._grid_pairs(axs):
            if ax.get_subplotspec().rowspan.start == other.get_subplotspec().rowspan.start:
                group = ax.title.group + [m for m in other.title.group
                                          if m not in ax.title.group]
                for member in group:
                    member.title.group = group

    def _grid_pairs(self, axs):
        """Every ordered pair of two grid axes of ``axs`` (default: the figure's)."""
        axs = self.axes if axs is None else list(np.ravel(np.asarray(axs, dtype=object)))
        axs = [ax for ax in axs if ax.get_subplotspec() is not None]
        return [(ax, other) for ax in axs for other in axs if other is not ax]

    def _align_labels(self, name: str, axs) -> None:
        first, last = ("top", "bottom") if name == "x" else ("left", "right")
        spans = "rowspan" if name == "x" else "colspan"
        for ax, other in self._grid_pairs(axs):
            axis, oaxis = getattr(ax, f"{name}axis"), getattr(other, f"{name}axis")
            pos = axis.get_label_position()
            if oaxis.get_label_position() != pos or oaxis.label_group is axis.label_group:
                continue
            span = getattr(ax.get_subplotspec(), spans)
            ospan = getattr(other.get_subplotspec(), spans)
            if (pos == first and span.start == ospan.start) or \
                    (pos == last and span.stop == ospan.stop):
                group = axis.label_group + oaxis.label_group
                for member in group:
                    member.label_group = group
                    member.changed()

    def text(self, x, y, s, fontdict: dict | None = None, **kwargs) -> FigureText:
        """Text at (x, y) in figure fraction (``transform=`` another transform)."""
        from .axes_plotting import text_setters, with_props

        kwargs = {**_as_dict(fontdict, "fontdict"), **kwargs}
        setters = text_setters(kwargs)
        t = FigureText(self, x, y, s, **_text_kwargs(kwargs))
        with_props([t], setters)
        self.texts.append(t)
        return t

    def _remove_text(self, t: FigureText) -> None:
        """Forget a figure text or sup-label (``FigureText.remove``)."""
        if t in self.texts:
            self.texts.remove(t)
        for kind, label in self._labels.items():
            if label is t:
                self._labels[kind] = None

    def _suplabel(self, kind: str, t, kwargs) -> FigureText:
        info = _LABELS[kind]
        x, y = kwargs.pop("x", None), kwargs.pop("y", None)
        autopos = (x is None) if kind == "supylabel" else (y is None)
        x = info["x"] if x is None else x
        y = info["y"] if y is None else y
        kwargs = _text_kwargs(kwargs)
        kwargs.setdefault("ha", info["ha"])
        kwargs.setdefault("va", info["va"])
        kwargs.setdefault("rotation", info["rotation"])
        kwargs.setdefault("fontsize", rcParams[info["size"]])
        kwargs.setdefault("fontweight", rcParams[info["weight"]])
        label = self._labels[kind]
        if label is None:
            label = FigureText(self, x, y, t, **kwargs)
            self._labels[kind] = label
        else:
            label.set_text(t)
            label.set_position((x, y))
            label.set(**{k: v for k, v in kwargs.items() if k not in ("transform", "bbox")})
        label._autopos = autopos
        return label

    def suptitle(self, t, **kwargs) -> FigureText:
        """A title over the figure: ``x`` (0.5), ``y`` (0.98), ``ha``, ``va``,
        ``fontsize`` (rcParams["figure.titlesize"]), ``fontweight``, ``color``..."""
        return self._suplabel("suptitle", t, kwargs)

    def supxlabel(self, t, **kwargs) -> FigureText:
        """An x label under every axes (at ``y`` = 0.01)."""
        return self._suplabel("supxlabel", t, kwargs)

    def supylabel(self, t, **kwargs) -> FigureText:
        """A y label left of every axes (at ``x`` = 0.02), upright."""
        return self._suplabel("supylabel", t, kwargs)

    def get_suptitle(self) -> str:
        """The text of the suptitle ('' if none)."""
        label = self._labels["suptitle"]
        return "" if label is None else label.get_text()

    def figure_label_box(self, kind: str, constrained=None) -> Bbox | None:
        """The pixel box of the suptitle, supxlabel or supylabel, or None when there is
        none; ``constrained`` = (w_pad, h_pad) pixels first moves an automatically
        placed label to the edge, as the constrained layout does."""
        label = self._labels[kind]
        if label is None or not label.get_visible() or not label.get_text():
            return None
        if constrained is not None and label._autopos:
            _, _, fw, fh = self.bbox_pixels()
            w_pad, h_pad = constrained[0] / fw, constrained[1] / fh
            x, y = label.get_position()
            label.set_position({"suptitle": (x, 1 - h_pad), "supxlabel": (x, h_pad),
                                "supylabel": (w_pad, y)}[kind])
            if kind == "suptitle":
                label.set_verticalalignment("top")
        return label.window_extent()

    def place_figure_labels(self, top_px: float, pads) -> None:
        """After a constrained layout: an automatic suptitle just above the grids."""
        label = self._labels["suptitle"]
        if label is not None and label._autopos:
            _, fy, _, fh = self.bbox_pixels()
            label.set_position((label.get_position()[0], (top_px + pads[1] - fy) / fh))
            label.set_verticalalignment("bottom")

    # -- legends and colorbars ------------------------------------------------------------
    def legend(self, *args, loc="upper right", **kwargs):
        """A legend of the labelled artists of every axes, placed in the figure
        (``loc`` as for axes legends; 'best' means 'upper right' here)."""
        from .legend import Legend, WholeFigure

        legend = Legend(WholeFigure(self), *args, loc="upper right" if loc == "best" else loc,
                        **kwargs)
        self.legends.append(legend)
        return legend

    def colorbar(self, mappable, cax=None, ax=None, use_gridspec: bool = True, **kwargs):
        """A colorbar for an image, scatter or contour set: beside ``ax`` (an axes or a
        list of them: the mappable's by default), taking its room from them as
        matplotlib does (``fraction``, ``shrink``, ``aspect``, ``pad``, ``location``,
        ``orientation``, ``anchor``, ``panchor``), or in ``cax``."""
        from .colorbar import Colorbar

        if ax is None and cax is None:
            ax = getattr(mappable, "axes", None)
            if ax is None:  # a matplotlib collection lumos draws: the axes it was added to
                ax = next((a for a in self.figure.axes_list for artist in a.artists
                           if getattr(artist, "source", None) is mappable), None)
            if ax is None:
                raise ValueError("colorbar: cannot tell which axes to take room from; pass "
                                 "ax= or cax=")
        current = self.figure._current_axes
        cb = Colorbar(self, mappable, ax, cax=cax, use_gridspec=use_gridspec, **kwargs)
        self.figure.colorbars.append(cb)
        if current is not None:
            self.figure._current_axes = current  # matplotlib keeps the current axes
        return cb

    # -- background -----------------------------------------------------------------
    def set_facecolor(self, color) -> None:
        """The background color (``fig.patch``)."""
        self.patch.set_facecolor(color)

    def get_facecolor(self) -> tuple:
        """The background color (``fig.patch``'s face color) as RGBA."""
        return self.patch.get_facecolor()

    def set_edgecolor(self, color) -> None:
        """The color of the figure's border (``fig.patch``)."""
        self.patch.set_edgecolor(color)

    def get_edgecolor(self) -> tuple:
        """The color of the figure's border (``fig.patch``'s edge color) as RGBA."""
        return self.patch.get_edgecolor()

    def set_linewidth(self, lw) -> None:
        """The width of the figure's border (``fig.patch``) in points."""
        self.patch.set_linewidth(lw)

    def set_frameon(self, b: bool) -> None:
        """Whether the background is drawn (False: a transparent figure)."""
        self.patch.set_visible(b)

    def get_frameon(self) -> bool:
        """Whether the background is drawn."""
        return self.patch.get_visible()

    frameon = property(get_frameon, set_frameon)

    def _draw_figure_texts(self, ov) -> None:
        shows = self.figure.canvas.shows  # a figure's animated text: only once blitted
        draw_texts(ov, [t for t in [*self.texts, *self._labels.values()]
                        if t is not None and t.get_visible() and t.get_text()
                        and shows(t, in_axes=False)])
        for sfig in self.subfigs:
            sfig._draw_figure_texts(ov)


def check_properties(cls, kwargs: dict, where: str) -> None:
    """Axes properties must have a setter on ``cls``: anything else is a TypeError."""
    unknown = sorted(k for k in kwargs if not callable(getattr(cls, f"set_{k}", None)))
    if unknown:
        raise TypeError(f"{where}: unexpected keyword arguments {unknown} (not properties "
                        f"of {cls.__name__})")


def _as_dict(value, name: str) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise TypeError(f"{name}: got {type(value).__name__}, expected a dict")
    return dict(value)


_TEXT_ALIASES = {"horizontalalignment": "ha", "verticalalignment": "va", "size": "fontsize",
                 "weight": "fontweight", "c": "color"}


def _text_kwargs(kwargs: dict) -> dict:
    """matplotlib's Text keywords in the names lumos's Text takes."""
    return {_TEXT_ALIASES.get(k, k): v for k, v in kwargs.items()}


def _share_target(grid, share, r: int, c: int):
    if share in (False, None, "none"):
        return None
    if share in (True, "all"):
        return grid[0, 0] if (r, c) != (0, 0) else None
    if share == "row":
        return grid[r, 0] if c > 0 else None
    return grid[0, c] if r > 0 else None
