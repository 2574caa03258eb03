"""Figure: a canvas of axes laid out in a grid, with decorations, layout and output."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from .. import colors
from ..scene import Canvas
from ..scene.cameras import PanZoomCamera
from ..visuals import Line, Markers, Mesh, Text
from . import text as textmod
from .axes import Axes
from .coords import LiveTransform, unit_to_box
from .style import rcParams


def _same(a, b) -> bool:
    """Structural equality of nested lists/tuples of numbers and arrays."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return np.shape(a) == np.shape(b) and bool(np.array_equal(a, b, equal_nan=True))
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return a == b


class Overlay:
    """Figure-pixel drawing of decorations, batched by style: a handful of draws for
    every spine, tick, label and legend of the figure. Rebuilt every frame.

    ``layer`` stacks what is drawn: everything of layer 1 (legends) lies above all of
    layer 0 (spines, ticks, labels), whatever its kind."""

    def __init__(self, canvas: Canvas) -> None:
        self.view = canvas.add_view(camera=PanZoomCamera(), rect=(0, 0, 1, 1))
        self.view.interactive = False  # decorations follow the axes, never the mouse
        self._pool: dict[tuple, object] = {}
        self._inputs: dict[tuple, object] = {}
        self.layer = 0
        self._begin()

    def _begin(self) -> None:
        self.lines: dict[tuple, tuple[list, list]] = {}
        self.texts: dict[tuple, tuple[list, list, list]] = {}
        self.rects: dict[int, list[tuple]] = {}
        self.polygons: dict[int, list[tuple]] = {}
        self.markers: dict[tuple, tuple[list, list, list]] = {}
        self.layer = 0

    def line(self, points, color, width_px: float, dashes=None) -> None:
        pts, cols = self.lines.setdefault((self.layer, round(width_px, 3), dashes), ([], []))
        pts.append(np.asarray(points, dtype=float))
        cols.append(colors.to_rgba(color))

    def text(self, s: str, x: float, y: float, size_px: float, color="black",
             ha: str = "center", va: str = "center", rotation: float = 0.0,
             bold: bool = False, face: str | None = None, dilate: float = 0.0) -> None:
        """Text at figure pixel (x, y); ``face`` a bundled face ('serif-italic', ...),
        ``dilate`` pixels of outline (path effects)."""
        if not s:
            return
        face = face if face is not None else ("sans-bold" if bold else "sans")
        key = (self.layer, round(size_px, 3), ha, va, round(rotation, 3), face,
               round(dilate, 3))
        strings, pos, cols = self.texts.setdefault(key, ([], [], []))
        strings.append(s)
        pos.append((x, y))
        cols.append(colors.to_rgba(color))

    def rect(self, x: float, y: float, w: float, h: float, facecolor, edgecolor=None,
             linewidth_px: float = 0.0) -> None:
        self.rects.setdefault(self.layer, []).append((x, y, w, h, colors.to_rgba(facecolor)))
        if edgecolor is not None and linewidth_px > 0:
            self.line([(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)], edgecolor,
                      linewidth_px)

    def polygon(self, points, facecolor) -> None:
        """A filled polygon in figure pixels, triangulated as a fan from its first point
        (right for convex and star-shaped outlines such as arrow heads)."""
        pts = np.asarray(points, dtype=float)
        if len(pts) >= 3 and np.isfinite(pts).all():
            self.polygons.setdefault(self.layer, []).append((pts, colors.to_rgba(facecolor)))

    def marker(self, x: float, y: float, symbol: str, size_px: float, face, edge,
               edge_width_px: float) -> None:
        key = (self.layer, symbol, round(edge_width_px, 3), tuple(colors.to_rgba(edge)))
        pos, sizes, faces = self.markers.setdefault(key, ([], [], []))
        pos.append((x, y))
        sizes.append(size_px)
        faces.append(colors.to_rgba(face))

    def commit(self, size: tuple[int, int]) -> None:
        """Turn what was collected into visuals, reusing those of the last frame."""
        w, h = size
        self.view.fixed_rect = (0, 0, w, h)
        self.view.camera.rect = (0, 0, w, h)
        wanted: dict[tuple, object] = {}
        for layer in sorted(set(self.rects) | set(self.polygons)):
            verts, faces, cols = [], [], []
            for x, y, rw, rh, c in self.rects.get(layer, ()):
                k = len(verts)
                verts += [(x, y), (x + rw, y), (x + rw, y + rh), (x, y + rh)]
                faces += [(k, k + 1, k + 2), (k, k + 2, k + 3)]
                cols += [c] * 4
            for pts, c in self.polygons.get(layer, ()):
                k = len(verts)
                verts += [tuple(p) for p in pts]
                faces += [(k, k + j, k + j + 1) for j in range(1, len(pts) - 1)]
                cols += [c] * len(pts)
            key = ("rects", layer)
            mesh = self._get(key, Mesh, shading=None)
            if self._changed(key, (verts, faces, cols)):
                mesh.set_data(np.asarray(verts), np.asarray(faces),
                              vertex_colors=np.asarray(cols))
            # legend boxes are pixel-aligned; only slanted arrow heads need multisampling
            mesh.needs_multisampling = bool(self.polygons.get(layer))
            mesh.order = 10 * layer
            wanted[key] = mesh
        for (layer, width, dashes), (pts, cols) in self.lines.items():
            key = ("line", layer, width, dashes)
            line = self._get(key, Line, width=width, dashes=dashes)
            if self._changed(key, (pts, cols)):
                if len(pts) > 1:
                    line.set_data(pts, color=cols)
                else:
                    line.set_data(pts[0], color=cols[0])
            line.order = 10 * layer + 1
            wanted[key] = line
        for key, (pos, sizes, faces) in self.markers.items():
            layer, symbol, edge_w, edge = key
            m = self._get(("markers",) + key, Markers, symbol=symbol, edge_width=edge_w,
                          edge_color=edge)
            if self._changed(("markers",) + key, (pos, sizes, faces)):
                m.set_data(np.asarray(pos), size=np.asarray(sizes), color=np.asarray(faces))
            m.order = 10 * layer + 2
            wanted[("markers",) + key] = m
        for key, (strings, pos, cols) in self.texts.items():
            layer, size, ha, va, rot, face, dilate = key
            t = self._get(("text",) + key, Text, font_size=size, anchor_x=ha, anchor_y=va,
                          rotation=rot, face=face, dilate=dilate)
            if self._changed(("text",) + key, (strings, pos, cols)):
                t.set_data(strings, np.asarray(pos), color=cols)
            t.order = 10 * layer + (2.5 if dilate > 0 else 3)  # outlines under the text
            wanted[("text",) + key] = t
        for key in [k for k in self._pool if k not in wanted]:
            self.view.remove(self._pool.pop(key))
            self._inputs.pop(key, None)
        self._begin()

    def _changed(self, key: tuple, inputs) -> bool:
        """Whether a pooled visual's inputs differ from last frame's: an unchanged
        decoration (every frame of a pan in y only) uploads nothing."""
        if key in self._inputs and _same(self._inputs[key], inputs):
            return False
        self._inputs[key] = inputs
        return True

    def _get(self, key: tuple, cls, **kwargs):
        """The pooled visual for a style key, made with ``cls(**kwargs)`` the first time."""
        visual = self._pool.get(key)
        if visual is None:
            visual = self._pool[key] = cls(**kwargs)
            self.view.add(visual)
        return visual


class Figure:
    """A figure: ``figsize`` in inches at ``dpi`` pixels per inch.

    A figure is a scene front-ends show (:class:`lumos.scene.protocol.Scene`): the mouse
    moves its axes' limits through the axes' own ``camera_changed``.

    >>> fig = Figure(figsize=(6, 4), dpi=100)
    >>> ax = fig.subplot(0, 0)
    >>> ax.plot([1, 2, 3]); fig.savefig("x.png", dpi=200)
    """

    def __init__(self, figsize=None, dpi: float | None = None, facecolor=None,
                 layout: str | None = "constrained", **kwargs) -> None:
        if kwargs:
            raise TypeError(f"Figure: unexpected keyword arguments {sorted(kwargs)}")
        figsize = rcParams["figure.figsize"] if figsize is None else figsize
        try:
            fw, fh = (float(v) for v in figsize)
        except (TypeError, ValueError):
            raise TypeError(f"figsize: got {figsize!r}, expected (width, height) in inches") \
                from None
        if not (fw > 0 and fh > 0 and np.isfinite(fw) and np.isfinite(fh)):
            raise ValueError(f"figsize: got {figsize!r}, expected positive (width, height)")
        self.dpi = float(rcParams["figure.dpi"] if dpi is None else dpi)
        if not np.isfinite(self.dpi) or self.dpi <= 0:
            raise ValueError(f"dpi: got {dpi!r}, expected a positive number")
        self._figsize = (fw, fh)
        self.facecolor = rcParams["figure.facecolor"] if facecolor is None else facecolor
        self.canvas = Canvas(size=self._pixel_size(), bgcolor=self.facecolor)
        self.axes: list[Axes] = []
        self.colorbars: list = []
        self.legends: list = []  # figure legends (fig.legend)
        self._grid = (1, 1)
        self._suptitle = ""
        self._suptitle_size = float(rcParams["axes.titlesize"]) * 1.2
        self.layout = layout
        self.overlay = Overlay(self.canvas)
        self.number = None
        self._current_axes: Axes | None = None
        self._drawn = False  # laid out at least once (front-ends need the axes' boxes)
        self._home: dict = {}  # view -> its axes' state before the mouse first moved it
        #: figure fraction → figure pixels from the bottom left (matplotlib's name)
        self.transFigure = LiveTransform(lambda: unit_to_box((0, 0, *self.canvas.size)),
                                         "transFigure")

    # -- sizes ---------------------------------------------------------------------
    def _pixel_size(self) -> tuple[int, int]:
        return (max(1, round(self._figsize[0] * self.dpi)),
                max(1, round(self._figsize[1] * self.dpi)))

    def points_to_pixels(self, points):
        """Points (1/72 inch) to logical pixels at the figure's dpi."""
        return np.asarray(points) * self.dpi / 72.0 if np.ndim(points) else \
            float(points) * self.dpi / 72.0

    def get_size_inches(self) -> np.ndarray:
        return np.array(self._figsize)

    def set_size_inches(self, w, h=None) -> None:
        if h is None:
            w, h = w
        self._figsize = (float(w), float(h))
        self.canvas.size = self._pixel_size()

    def set_dpi(self, dpi: float) -> None:
        self.dpi = float(dpi)
        self.canvas.size = self._pixel_size()

    def estimate_box(self, spec) -> tuple[float, float, float, float]:
        """A first guess of an axes box (matplotlib's default subplot margins), so that
        ticks asked for before the first layout fit a realistic axis length."""
        w, h = self._pixel_size()
        rows, cols = max(self._grid[0], spec[0] + spec[2]), max(self._grid[1], spec[1] + spec[3])
        cw, ch = 0.775 * w / cols, 0.77 * h / rows
        return (0.125 * w + spec[1] * cw, 0.11 * h + (rows - spec[0] - spec[2]) * ch,
                cw * spec[3] * 0.9, ch * spec[2] * 0.85)

    # -- axes ----------------------------------------------------------------------
    def subplot(self, row: int = 0, col: int = 0, projection=None, rowspan: int = 1,
                colspan: int = 1, sharex: Axes | None = None, sharey: Axes | None = None,
                polar: bool = False, **kwargs) -> Axes:
        """The axes in grid cell (row, col), created on first use (0-based).

        ``projection`` names an axes kind ('rectilinear', 'polar' or one registered with
        :func:`lumos.plot.register_projection`); ``polar=True`` means 'polar'. An axes
        of another kind in that cell is replaced, as matplotlib does. Other keywords are
        Axes properties (``title=``, ``xlim=``, ``facecolor=``...), set on the axes."""
        from .projections import projection_class

        cls = projection_class(projection, polar)
        # keywords of the projection's constructor (3D axes: elev=, azim=, ...)
        init = {k: kwargs.pop(k) for k in getattr(cls, "init_keywords", ()) if k in kwargs}
        _check_properties(cls, kwargs, "subplot")
        for name, v in (("row", row), ("col", col)):
            if not isinstance(v, (int, np.integer)) or v < 0:
                raise ValueError(f"{name}: got {v!r}, expected an integer >= 0")
        spec = (int(row), int(col), int(rowspan), int(colspan))
        for ax in self.axes:
            if ax.spec == spec and ax.role == "main":
                if not init and (projection is None and not polar or type(ax) is cls):
                    self._current_axes = ax
                    ax.set(**kwargs)
                    return ax
                self.delaxes(ax)
                break
        ax = cls(self, spec, sharex=sharex, sharey=sharey, **init)
        self.axes.append(ax)
        self._current_axes = ax
        self._grid = (max(self._grid[0], spec[0] + spec[2]), max(self._grid[1], spec[1] + spec[3]))
        ax.set(**kwargs)
        return ax

    def sca(self, ax: Axes) -> None:
        """Make ``ax`` the current axes (``gca`` returns it)."""
        if ax not in self.axes:
            raise ValueError("ax: got an axes that is not in this figure")
        self._current_axes = ax

    def __getitem__(self, key) -> Axes:
        """``fig[row, col]`` or with slices for spans: ``fig[0, :]``."""
        if not isinstance(key, tuple) or len(key) != 2:
            raise TypeError(f"key: got {key!r}, expected fig[row, col]")
        spans = []
        for k, n in zip(key, self._grid, strict=True):
            if isinstance(k, slice):
                start, stop, _ = k.indices(max(n, (k.stop or n)))
                spans.append((start, max(stop - start, 1)))
            else:
                spans.append((int(k), 1))
        return self.subplot(spans[0][0], spans[1][0], rowspan=spans[0][1], colspan=spans[1][1])

    def add_gridspec(self, nrows: int = 1, ncols: int = 1, **kwargs) -> GridSpec:
        """A grid to place axes with spans: ``fig.add_subplot(gs[0, :])``. Spacing
        arguments (``hspace``, ``width_ratios``, ...) are not supported: cells are equal."""
        unknown = set(kwargs) - {"hspace", "wspace", "left", "right", "top", "bottom"}
        if unknown:
            raise TypeError(f"add_gridspec: unsupported arguments {sorted(unknown)}")
        if kwargs:
            import warnings

            warnings.warn(f"add_gridspec: {sorted(kwargs)} have no effect: lumos lays "
                          "figures out with a constrained layout", stacklevel=2)
        return GridSpec(nrows, ncols)

    def add_subplot(self, *args, projection=None, polar: bool = False, sharex=None,
                    sharey=None, **kwargs) -> Axes:
        """matplotlib's ``add_subplot(nrows, ncols, index)`` (1-based), ``(111)`` or a
        cell of a grid spec (``gs[0, :]``); ``projection``, ``polar`` and Axes
        properties as for :meth:`subplot`."""
        if len(args) == 1 and isinstance(args[0], SubplotSpec):
            spec = args[0]
            self._grid = (max(self._grid[0], spec.grid[0]), max(self._grid[1], spec.grid[1]))
            return self.subplot(spec.row, spec.col, projection=projection, rowspan=spec.rowspan,
                                colspan=spec.colspan, sharex=sharex, sharey=sharey,
                                polar=polar, **kwargs)
        if len(args) == 1 and isinstance(args[0], (int, np.integer)) and args[0] >= 111:
            args = tuple(int(c) for c in str(args[0]))
        if not args:
            args = (1, 1, 1)
        if len(args) != 3:
            raise TypeError(f"add_subplot: got {args!r}, expected (nrows, ncols, index)")
        nrows, ncols, index = args
        if isinstance(index, tuple):
            first, last = index
        else:
            first = last = index
        if not 1 <= first <= nrows * ncols or not 1 <= last <= nrows * ncols:
            raise ValueError(f"index: got {index!r}, expected 1..{nrows * ncols}")
        r0, c0 = divmod(first - 1, ncols)
        r1, c1 = divmod(last - 1, ncols)
        self._grid = (max(self._grid[0], nrows), max(self._grid[1], ncols))
        return self.subplot(r0, c0, projection=projection, rowspan=r1 - r0 + 1,
                            colspan=c1 - c0 + 1, sharex=sharex, sharey=sharey, polar=polar,
                            **kwargs)

    def subplots(self, nrows: int = 1, ncols: int = 1, sharex=False, sharey=False,
                 squeeze: bool = True, subplot_kw: dict | None = None):
        """A grid of axes, like matplotlib's ``fig.subplots``; ``subplot_kw`` goes to
        each :meth:`subplot` (``projection``, ``polar``, Axes properties)."""
        subplot_kw = _subplot_kw(subplot_kw)
        grid = np.empty((nrows, ncols), dtype=object)
        for r in range(nrows):
            for c in range(ncols):
                sx = _share_target(grid, sharex, r, c)
                sy = _share_target(grid, sharey, r, c)
                grid[r, c] = self.subplot(r, c, sharex=sx, sharey=sy, **subplot_kw)
        self._grid = (max(self._grid[0], nrows), max(self._grid[1], ncols))
        # inner tick labels of shared axes are hidden, as matplotlib does
        for ax in grid.flat:
            if sharex in (True, "all", "col") and hasattr(ax, "label_outer_x"):
                ax.label_outer_x(nrows)
            if sharey in (True, "all", "row") and hasattr(ax, "label_outer_y"):
                ax.label_outer_y(ncols)
        if squeeze:
            if grid.size == 1:
                return grid[0, 0]
            if nrows == 1 or ncols == 1:
                return grid.ravel()
        return grid

    def gca(self) -> Axes:
        """The current axes: the last one made or picked, else a new one."""
        if self._current_axes is not None and self._current_axes in self.axes:
            return self._current_axes
        return self.subplot(0, 0)

    def get_axes(self) -> list[Axes]:
        return list(self.axes)

    def delaxes(self, ax: Axes) -> None:
        self.axes.remove(ax)
        self.canvas.views.remove(ax.view)

    def legend(self, *args, loc="upper right", **kwargs):
        """A legend of the labelled artists of every axes, placed in the figure
        (``loc`` as for axes legends; 'best' means 'upper right' here)."""
        from .legend import Legend, WholeFigure

        legend = Legend(WholeFigure(self), *args, loc="upper right" if loc == "best" else loc,
                        **kwargs)
        self.legends.append(legend)
        return legend

    def suptitle(self, t: str, fontsize=None, **kwargs) -> None:
        self._suptitle = str(t)
        if fontsize is not None:
            self._suptitle_size = textmod.points(fontsize)

    def colorbar(self, mappable, ax: Axes | None = None, label: str = "", **kwargs):
        """A colorbar for an image, scatter or contour set, beside ``ax``."""
        from .colorbar import Colorbar

        group = None
        if ax is not None and not isinstance(ax, Axes):  # a list or array of axes
            group = [a for a in np.asarray(ax, dtype=object).ravel()]
            ax = max(group, key=lambda a: (a.spec[1] + a.spec[3], a.spec[0] + a.spec[2]))
        parent = ax if ax is not None else getattr(mappable, "axes", None) or self.gca()
        cb = Colorbar(self, mappable, parent, label=label, group=group, **kwargs)
        self.colorbars.append(cb)
        return cb

    def clf(self) -> None:
        """Clear the figure."""
        for ax in list(self.axes):
            self.delaxes(ax)
        self.colorbars.clear()
        self.legends.clear()
        self._grid = (1, 1)
        self._suptitle = ""

    clear = clf

    def autofmt_xdate(self, bottom: float = 0.2, rotation: float = 30, ha: str = "right",
                      which: str = "major") -> None:
        """Slant the x tick labels of the bottom axes so long dates do not collide."""
        rows = self._grid[0]
        for ax in self.axes:
            if ax.role == "main" and ax.spec[0] + ax.spec[2] == rows:
                ax.tick_params("x", labelrotation=rotation)
                ax.xaxis.tick_ha = ha

    def subplots_adjust(self, left=None, bottom=None, right=None, top=None, wspace=None,
                        hspace=None) -> None:
        """No effect: the layout is constrained (it makes room for every label itself),
        as matplotlib's is with ``layout="constrained"``; a warning says so."""
        import warnings

        warnings.warn("subplots_adjust has no effect: lumos lays figures out with a "
                      "constrained layout", stacklevel=2)

    def tight_layout(self, **kwargs) -> None:
        """Layout is always constrained in lumos; kept for matplotlib scripts."""
        self.layout = "constrained"

    # -- layout and drawing -----------------------------------------------------------
    def _layout(self) -> None:
        from .decorations import axes_margins, place_axes

        self.canvas.size = self._pixel_size()
        w, h = self.canvas.size
        pad = self.points_to_pixels(rcParams["layout.pad"])
        top_extra = 0.0
        if self._suptitle:
            top_extra = textmod.measure(self._suptitle,
                                        self.points_to_pixels(self._suptitle_size))[1] + pad
        main = [a for a in self.axes if a.role == "main"]
        # Tick labels depend on the axes' length (how many ticks fit), and the length
        # on the labels' room: a second pass settles it.
        # figure legends 'outside' the axes (loc='outside right upper') take room at the
        # figure's edge from the axes on that edge
        room = [legend.outside() for legend in self.legends]
        left, right, bottom, top = (max((r[k] for r in room), default=0.0) for k in range(4))
        for _ in range(2):
            margins = {id(a): axes_margins(a) for a in main}
            for a in main:
                r, c, rs, cs = a.spec
                m = list(margins[id(a)])
                m[0] += left if c == 0 else 0.0
                m[1] += right if c + cs >= self._grid[1] else 0.0
                m[2] += bottom if r + rs >= self._grid[0] else 0.0
                margins[id(a)] = tuple(m)
            place_axes(main, margins, self._grid, (w, h), pad, top_extra + top)

    def _draw_decorations(self) -> None:
        from .decorations import draw_axes

        w, h = self.canvas.size
        ov = self.overlay
        for ax in self.axes:
            draw_axes(ax, ov)
        if self._suptitle:
            size = self.points_to_pixels(self._suptitle_size)
            ov.text(self._suptitle, w / 2, h - self.points_to_pixels(rcParams["layout.pad"]),
                    size, ha="center", va="top")
        ov.layer = 1  # legends above every other decoration
        for ax in self.axes:
            if ax.legend_ is not None:
                ax.legend_.draw(ov)
        for legend in self.legends:
            legend.draw(ov)
        ov.commit((w, h))
        views = self.canvas.views
        views.remove(ov.view)
        views.append(ov.view)  # decorations on top of every axes

    def draw(self) -> None:
        """Bring every view up to date (layout, limits, batches, decorations)."""
        self._drawn = True
        for ax in self.axes:
            ax.update_limits()
        self._layout()
        for ax in self.axes:
            ax.sync()
        self._draw_decorations()

    def frame(self):
        """The frame description of the figure."""
        self.draw()
        return self.canvas.frame()

    def render(self, dpi: float | None = None) -> np.ndarray:
        """The figure as an (h, w, 4) uint8 array; ``dpi`` scales every pixel size.
        Any thread may render a figure (docs/threading.md)."""
        with self.canvas.lock:  # one thread at a time lays out and draws this figure
            self.canvas.pixel_ratio = 1.0 if dpi is None else float(dpi) / self.dpi
            self.draw()
            return self.canvas.render()

    def savefig(self, fname, dpi=None, format: str | None = None, *, transparent=None,
                facecolor=None, metadata: dict | None = None, bbox_inches=None,
                **kwargs) -> Path:
        """Write the figure as PNG (exactly figsize × dpi pixels), standalone HTML, SVG
        or PDF, by ``format`` or else the file's suffix; written whole or not at all.

        SVG and PDF are vector files of figsize inches; ``dpi`` sets the resolution of
        their rasterized parts (``rasterized=True`` artists, images drawn by the GPU)
        and of long lines' level of detail. ``transparent`` leaves the figure and axes
        backgrounds out; ``facecolor`` replaces the figure's for this file;
        ``metadata`` ({"Title": ..., "Creator": ...}) goes into SVG and PDF files.
        """
        if kwargs:
            raise TypeError(f"savefig: unexpected keyword arguments {sorted(kwargs)}")
        if bbox_inches is not None:
            raise TypeError(f"savefig: bbox_inches={bbox_inches!r} is not supported (the "
                            "constrained layout already fits the figure); pass None")
        if metadata is not None and not isinstance(metadata, dict):
            raise TypeError(f"metadata: got {type(metadata).__name__}, expected a dict")
        dpi = rcParams["savefig.dpi"] if dpi is None else dpi
        dpi = self.dpi if dpi == "figure" else float(dpi)
        if not np.isfinite(dpi) or dpi <= 0:
            raise ValueError(f"dpi: got {dpi!r}, expected a positive number")
        path = Path(fname)
        kind = _file_format(path, format)
        background = None if facecolor in (None, "auto") else colors.to_rgba(
            facecolor, argname="facecolor")
        if transparent and background is None:
            background = (0.0, 0.0, 0.0, 0.0)
        if transparent and kind in ("html", "htm"):
            raise TypeError("transparent: not supported for HTML pages")
        with self.canvas.lock:  # one thread at a time lays out and draws this figure
            self.canvas.pixel_ratio = dpi / self.dpi
            self.draw()
            views = self.canvas.views
            saved = self.canvas.bgcolor, [v.bgcolor for v in views]
            try:
                if background is not None:
                    self.canvas.bgcolor = background
                if transparent:
                    for v in views:
                        v.bgcolor = None
                return self._write(path, kind, dpi, metadata)
            finally:
                self.canvas.bgcolor = saved[0]
                for v, c in zip(views, saved[1], strict=True):
                    v.bgcolor = c

    def _write(self, path: Path, kind: str, dpi: float, metadata: dict | None) -> Path:
        """Write the drawn figure as ``kind``."""
        if kind == "png":
            from ..io.png import write_png

            return write_png(path, self.canvas.render(), dpi=dpi)
        if kind in ("html", "htm"):
            from ..io.html import save_html

            save_html(self.canvas.frame(), path, title=self.canvas.title)
            return path
        # vector: a pixel is 72 / dpi points; rasterized parts at the save's dpi
        ratio, points = dpi / self.dpi, 72.0 / self.dpi
        primitives = self.canvas.primitives(ratio)
        if kind == "svg":
            from ..io.svg import write_svg

            return write_svg(path, primitives, self.canvas.size, points, ratio,
                             rcParams["svg.fonttype"], metadata)
        from ..io.pdf import write_pdf

        return write_pdf(path, primitives, self.canvas.size, points, metadata)

    save = savefig

    def show(self, block: bool | None = None) -> None:
        """Show the figure with the first front-end that can (``lumos.plot.frontends``):
        inline in a notebook, else a window (GLFW) when there is a display; without
        either, a warning says what to do instead. ``block=None`` blocks until the
        window closes unless Python runs interactively."""
        from .frontends import show

        show(self, block)

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
        owners = {v: ax for ax in self.axes for v in ax.data_visuals()}
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
        """The axes drawn in ``view``, or None."""
        for ax in self.axes:
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

    def event_info(self, view, x: float, y: float) -> dict:
        """``inaxes``, ``xdata`` and ``ydata`` for events over an axes."""
        ax = self.axes_of(view) if view is not None else None
        if ax is None:
            return {}
        xdata, ydata = ax.data_at(x, self.canvas.size[1] - y)
        return {"inaxes": ax, "xdata": xdata, "ydata": ydata}


class SubplotSpec:
    """A cell (or block of cells) of a :class:`GridSpec`."""

    def __init__(self, grid: tuple[int, int], row: int, col: int, rowspan: int,
                 colspan: int) -> None:
        self.grid, self.row, self.col = grid, row, col
        self.rowspan, self.colspan = rowspan, colspan


class GridSpec:
    """``gs = fig.add_gridspec(2, 3)``; ``gs[0, :]`` spans the first row."""

    def __init__(self, nrows: int, ncols: int) -> None:
        for name, v in (("nrows", nrows), ("ncols", ncols)):
            if not isinstance(v, (int, np.integer)) or v < 1:
                raise ValueError(f"{name}: got {v!r}, expected an integer >= 1")
        self.nrows, self.ncols = int(nrows), int(ncols)

    def __getitem__(self, key) -> SubplotSpec:
        if not isinstance(key, tuple) or len(key) != 2:
            raise TypeError(f"key: got {key!r}, expected gs[row, col] (ints or slices)")
        spans = []
        for k, n, name in zip(key, (self.nrows, self.ncols), ("row", "col"), strict=True):
            if isinstance(k, slice):
                start, stop, step = k.indices(n)
                if step != 1 or stop <= start:
                    raise ValueError(f"{name}: got {k!r}, expected a non-empty slice, step 1")
                spans.append((start, stop - start))
            else:
                i = int(k) + (n if int(k) < 0 else 0)
                if not 0 <= i < n:
                    raise IndexError(f"{name}: got {k!r}, expected 0..{n - 1}")
                spans.append((i, 1))
        return SubplotSpec((self.nrows, self.ncols), spans[0][0], spans[1][0], spans[0][1],
                           spans[1][1])


def _share_target(grid, share, r: int, c: int):
    if share in (False, None, "none"):
        return None
    if share in (True, "all"):
        return grid[0, 0] if (r, c) != (0, 0) else None
    if share == "row":
        return grid[r, 0] if c > 0 else None
    if share == "col":
        return grid[0, c] if r > 0 else None
    raise ValueError(f"sharex/sharey: got {share!r}, expected bool, 'all', 'row' or 'col'")


def figure(figsize=None, dpi: float | None = None, facecolor=None, **kwargs) -> Figure:
    """A new figure, outside pyplot's figure list: ``with lumos.figure() as fig:``
    releases its GPU objects at the end of the block."""
    return Figure(figsize=figsize, dpi=dpi, facecolor=facecolor, **kwargs)


def subplots(nrows: int = 1, ncols: int = 1, figsize=None, dpi=None, sharex=False,
             sharey=False, squeeze: bool = True, subplot_kw: dict | None = None, **kwargs):
    """``fig, ax = lumos.subplots()`` / ``fig, axs = lumos.subplots(2, 2)``;
    ``subplot_kw=dict(projection="polar")`` as in matplotlib."""
    fig = Figure(figsize=figsize, dpi=dpi, **kwargs)
    return fig, fig.subplots(nrows, ncols, sharex=sharex, sharey=sharey, squeeze=squeeze,
                             subplot_kw=subplot_kw)


def _subplot_kw(subplot_kw) -> dict:
    if subplot_kw is None:
        return {}
    if not isinstance(subplot_kw, dict):
        raise TypeError(f"subplot_kw: got {type(subplot_kw).__name__}, expected a dict")
    return dict(subplot_kw)


def _check_properties(cls, kwargs: dict, where: str) -> None:
    """Axes properties must have a setter on ``cls``: anything else is a TypeError."""
    unknown = sorted(k for k in kwargs if not callable(getattr(cls, f"set_{k}", None)))
    if unknown:
        raise TypeError(f"{where}: unexpected keyword arguments {unknown} (not properties "
                        f"of {cls.__name__})")


# What Figure.savefig writes, by format or file suffix
FORMATS = ("png", "html", "htm", "svg", "pdf")


def _file_format(path: Path, format: str | None) -> str:
    """The output format: ``format`` (with or without a dot) or the file's suffix."""
    if format is not None:
        if not isinstance(format, str):
            raise TypeError(f"format: got {type(format).__name__}, expected a str such as "
                            "'png' or 'pdf'")
        kind = format.lower().lstrip(".")
        if kind not in FORMATS:
            raise ValueError(f"format: got {format!r}, expected one of {', '.join(FORMATS)}")
        return kind
    kind = path.suffix.lower().lstrip(".")
    if kind not in FORMATS:
        raise ValueError(f"fname: got suffix {path.suffix!r}, expected one of "
                         f"{', '.join('.' + f for f in FORMATS)} (or format=)")
    return kind
