"""Colorbars: a thin axes showing a mappable's colormap and norm.

``fig.colorbar(im, ax=ax)`` takes the colorbar's room from ``ax`` as matplotlib does:
without a layout engine (or with the tight one) the parent's grid cell is split
(``make_axes_gridspec``: ``fraction`` 0.15 of it for the bar, ``pad`` between); with
the constrained layout, or for a list of parents or axes outside a grid, the parents
shrink (``make_axes``) and the constrained layout places the bar beside their
decorations. The bar's box has height / width = ``aspect`` (20) and sits at
``anchor`` in its room.

The long axis is in data units through the mappable's norm (:class:`NormScale`): a
log norm gives a log axis with log ticks, symlog and asinh norms theirs, any other norm
positions values where their colors are. Discrete mappables (a BoundaryNorm, contour
sets) draw one block per bin, evenly spaced as matplotlib does (``spacing='uniform'``)
or by value (``'proportional'``). ``extend`` ('min', 'max', 'both'; by default the
mappable's) adds triangles in the under/over colors beyond the ends: the bar's box
shrinks to leave them room in its place, at every placing of the box (an axes locator,
matplotlib's), so the layouts measure the shorter bar's ticks.
"""

from __future__ import annotations

import numpy as np

from .. import colors
from ..visuals import Image, Mesh
from . import ticker
from .artists import Artist
from .axes import Axes
from .bbox import Bbox, as_bbox
from .cm import ScalarMappable
from .legend_handles import hatch_spec
from .scale import NormScale
from .style import rcParams

# matplotlib's settings per location: the bar's anchor, the parent's, the default pad
_LOCATIONS = {
    "left": dict(anchor=(1.0, 0.5), panchor=(0.0, 0.5), pad=0.10, orientation="vertical"),
    "right": dict(anchor=(0.0, 0.5), panchor=(1.0, 0.5), pad=0.05, orientation="vertical"),
    "top": dict(anchor=(0.5, 0.0), panchor=(0.5, 1.0), pad=0.05, orientation="horizontal"),
    "bottom": dict(anchor=(0.5, 1.0), panchor=(0.5, 0.0), pad=0.15,
                   orientation="horizontal"),
}


def _location(location, orientation) -> str:
    if orientation not in (None, "vertical", "horizontal"):
        raise ValueError(f"orientation: got {orientation!r}, expected 'vertical' or "
                         "'horizontal'")
    if location is None:
        return "bottom" if orientation == "horizontal" else "right"
    if location not in _LOCATIONS:
        raise ValueError(f"location: got {location!r}, expected 'left', 'right', 'top' or "
                         "'bottom'")
    if orientation is not None and orientation != _LOCATIONS[location]["orientation"]:
        raise TypeError("location and orientation are mutually exclusive")
    return location


def _parents(ax) -> list:
    if isinstance(ax, np.ndarray):
        return list(ax.flat)
    if isinstance(ax, (list, tuple)):
        return list(ax)
    return [ax]


class Outline:
    """``cb.outline``: the frame around the bar (color, width, visibility)."""

    def __init__(self) -> None:
        self.visible = True
        self.color = colors.to_rgba(rcParams["axes.edgecolor"])
        self.linewidth = float(rcParams["axes.linewidth"])

    def set_visible(self, visible: bool) -> None:
        self.visible = bool(visible)

    def set_edgecolor(self, color) -> None:
        self.color = colors.to_rgba(color, argname="color")

    set_color = set_edgecolor

    def set_linewidth(self, width: float) -> None:
        self.linewidth = float(width)

    set_lw = set_linewidth


class Colorbar:
    """``fig.colorbar(im, ax=ax, label="K")``: ``location`` ('right', 'left', 'top',
    'bottom') or ``orientation``, ``fraction``, ``shrink``, ``aspect``, ``pad``,
    ``anchor``, ``panchor`` as matplotlib's; ``ticks``, ``format``, ``label``,
    ``extend``, ``extendfrac``, ``extendrect``, ``spacing``, ``drawedges``,
    ``ticklocation``, ``alpha``."""

    def __init__(self, fig, mappable, ax=None, cax=None, use_gridspec: bool = True,
                 label: str = "", location=None, orientation=None, fraction: float = 0.15,
                 shrink: float = 1.0, aspect: float = 20.0, pad=None, anchor=None,
                 panchor=None, ticks=None, format=None,  # noqa: A002
                 extend=None, extendfrac=None, extendrect: bool = False,
                 spacing: str = "uniform", drawedges: bool = False,
                 ticklocation: str = "auto", alpha=None) -> None:
        from .mpl_ticker import is_matplotlib

        if alpha is None and hasattr(mappable, "get_alpha"):  # matplotlib: the artist's
            alpha = mappable.get_alpha()
        if is_matplotlib(mappable):
            mappable = _from_matplotlib(mappable)
        if not hasattr(mappable, "norm") or not hasattr(mappable, "cmap"):
            raise TypeError(f"mappable: got {type(mappable).__name__}, expected an image, "
                            "scatter, contour set or ScalarMappable (something with cmap and "
                            "norm)")
        if spacing not in ("uniform", "proportional"):
            raise ValueError(f"spacing: got {spacing!r}, expected 'uniform' or 'proportional'")
        given = extend is not None
        extend = extend if given else mappable.colorbar_extend()
        if extend not in ("neither", "min", "max", "both"):
            raise ValueError(f"extend: got {extend!r}{'' if given else ' (from the mappable)'}"
                             ", expected 'neither', 'min', 'max' or 'both'")
        if ticklocation not in ("auto", "left", "right", "top", "bottom"):
            raise ValueError(f"ticklocation: got {ticklocation!r}, expected 'auto', 'left', "
                             "'right', 'top' or 'bottom'")
        for name, v in (("fraction", fraction), ("shrink", shrink), ("aspect", aspect)):
            if not np.isfinite(float(v)) or float(v) <= 0:
                raise ValueError(f"{name}: got {v!r}, expected a positive number")
        self.figure = fig
        self.mappable = mappable
        self.location = _location(location, orientation)
        settings = _LOCATIONS[self.location]
        self.vertical = settings["orientation"] == "vertical"
        self.fraction, self.shrink, self.aspect = float(fraction), float(shrink), float(aspect)
        self.anchor = settings["anchor"] if anchor is None else anchor
        self.panchor = settings["panchor"] if panchor is None else panchor
        self.parents = [] if cax is not None and ax is None else _parents(ax)
        engine = fig.figure.get_layout_engine()
        constrained = engine is not None and not engine.colorbar_gridspec
        self.pad = float((0.05 if constrained else settings["pad"]) if pad is None else pad)
        self._owns_axes = cax is None
        if cax is not None:
            self.ax = cax
            cax.role = "colorbar"
        elif (use_gridspec and not constrained and len(self.parents) == 1
              and isinstance(ax, Axes) and ax.get_subplotspec() is not None):
            self.ax = self._in_cell(fig, self.parents[0])
        else:
            self.ax = self._beside(fig)
        for p in self.parents:
            p.colorbars.append(self)
        self.side = self.location
        self.orientation = "vertical" if self.vertical else "horizontal"
        self.spacing = spacing
        self.drawedges = bool(drawedges)
        self.extendrect = bool(extendrect)
        if isinstance(extendfrac, str) and extendfrac.lower() != "auto":
            raise ValueError(f"extendfrac: got {extendfrac!r}, expected 'auto', a "
                             "fraction or a pair of fractions")
        self.extendfrac = extendfrac
        self.extend = extend
        self.alpha = None if alpha is None or np.ndim(alpha) else float(alpha)
        self.outline = Outline()
        self.lines: list = []  # (values, colors, widths) from add_lines
        lines = mappable.colorbar_lines()
        if lines is not None:
            self.lines = [tuple(np.asarray(v, float) for v in lines)]
        self._user_ticks = None
        self._user_format = format
        self._state = None
        self._setup_axes(ticklocation)
        self.ax.set_axes_locator(_ExtendLocator(self, self.ax.get_axes_locator()))
        self.ax.update_box()
        self.set_label(label)
        if ticks is not None:
            self.set_ticks(ticks)
        mappable.colorbar = self

    # -- where the bar goes ---------------------------------------------------------------
    def _box_aspect(self) -> float:
        return self.aspect if self.vertical else 1.0 / self.aspect

    def _new_axes(self, fig, spec) -> Axes:
        cax = Axes(fig, spec, role="colorbar")
        fig._attach(cax)
        cax.set_anchor(self.anchor)
        cax.set_box_aspect(self._box_aspect())
        return cax

    def _in_cell(self, fig, parent) -> Axes:
        """matplotlib's ``make_axes_gridspec``: the parent's cell split in two."""
        f, s, pad = self.fraction, self.shrink, self.pad
        space = 2 * pad / (1 - pad)
        ss = parent.get_subplotspec()
        if self.vertical:
            ay = self.anchor[1] if not isinstance(self.anchor, str) else 0.5
            gs = ss.subgridspec(3, 2, wspace=space, hspace=0,
                                height_ratios=[(1 - ay) * (1 - s), s, ay * (1 - s)])
            if self.location == "left":
                gs.set_width_ratios([f, 1 - f - pad])
                main, bar = gs[:, 1], gs[1, 0]
            else:
                gs.set_width_ratios([1 - f - pad, f])
                main, bar = gs[:, 0], gs[1, 1]
        else:
            ax_ = self.anchor[0] if not isinstance(self.anchor, str) else 0.5
            gs = ss.subgridspec(2, 3, hspace=space, wspace=0,
                                width_ratios=[ax_ * (1 - s), s, (1 - ax_) * (1 - s)])
            if self.location == "top":
                gs.set_height_ratios([f, 1 - f - pad])
                main, bar = gs[1, :], gs[0, 1]
            else:
                gs.set_height_ratios([1 - f - pad, f])
                main, bar = gs[0, :], gs[1, 1]
        parent.set_subplotspec(main)
        if self.panchor is not False:
            parent.set_anchor(self.panchor)
        return self._new_axes(fig, bar)

    def _beside(self, fig) -> Axes:
        """matplotlib's ``make_axes``: the parents shrink, the bar takes the rest."""
        if not self.parents or any(p.figure is not self.parents[0].figure
                                   for p in self.parents):
            raise ValueError("ax: expected axes of one figure")
        f, pad = self.fraction, self.pad
        pb = Bbox.union([p.get_position(original=True) for p in self.parents])
        if self.location == "left":
            bar, _, rest = pb.splitx(f, f + pad)
        elif self.location == "right":
            rest, _, bar = pb.splitx(1 - f - pad, 1 - f)
        elif self.location == "bottom":
            bar, _, rest = pb.splity(f, f + pad)
        else:
            rest, _, bar = pb.splity(1 - f - pad, 1 - f)
        bar = (bar.shrunk(1.0, self.shrink) if self.vertical else
               bar.shrunk(self.shrink, 1.0)).anchored(self.anchor, bar)
        sx, sy = rest.width / pb.width, rest.height / pb.height
        for p in self.parents:
            pos = p.get_position(original=True)
            p._set_position(Bbox.from_bounds(rest.x0 + (pos.x0 - pb.x0) * sx,
                                             rest.y0 + (pos.y0 - pb.y0) * sy,
                                             pos.width * sx, pos.height * sy))
            if self.panchor is not False:
                p.set_anchor(self.panchor)
        return self._new_axes(self.parents[0].figure, bar)

    def placed_by_layout(self) -> bool:
        """Whether a layout engine places the colorbar beside its parents: its own axes,
        outside any grid cell (a ``cax`` given stays where the script put it, an inset
        with its parent: matplotlib's layouts only move the colorbars they made)."""
        return self._owns_axes and self.ax.get_subplotspec() is None

    def parents_position(self) -> Bbox:
        """The parents' box (figure fraction)."""
        return Bbox.union([p.get_position(original=True) for p in self.parents])

    def parent_spans(self) -> tuple[range, range]:
        """The rows and columns of the parents' grid the bar stands beside."""
        specs = [p.get_subplotspec() for p in self.parents]
        return (range(min(s.rowspan.start for s in specs), max(s.rowspan.stop for s in specs)),
                range(min(s.colspan.start for s in specs), max(s.colspan.stop for s in specs)))

    # -- what the bar shows ----------------------------------------------------------
    def _setup_axes(self, ticklocation: str = "auto") -> None:
        cax = self.ax
        # a fixed decoration: the mouse (here and in pages) never pans or zooms it
        cax.view.interactive = False
        self.long_axis = cax.yaxis if self.vertical else cax.xaxis
        self.short_axis = cax.xaxis if self.vertical else cax.yaxis
        self.short_axis.visible = False
        for spine in cax.spines.values():
            spine.set_visible(False)  # the outline frames the bar (and its triangles)
        if ticklocation == "auto":
            ticklocation = self.location
        self.long_axis.set_ticks_position(ticklocation)
        self.long_axis.set_label_position(ticklocation)
        cax.grid(False)
        cax.margins(0.0, 0.0)
        self._ramp_key = None  # what the ramp (self._image) was made from
        self._image = Image(np.linspace(0, 1, 256)[:, None] if self.vertical else
                            np.linspace(0, 1, 256)[None, :], clim=(0, 1))
        self._blocks = Mesh(shading=None)
        cax._add_artist(_Solids(self))
        self._sync_scale()

    # -- the norm and the long axis ---------------------------------------------------
    def _blocks_of(self):
        """(boundaries, block colors, under, over) of a discrete mappable, else None."""
        return self.mappable.colorbar_blocks()

    def _sync_scale(self) -> None:
        """The long axis's scale and tickers from the mappable's norm (again when the
        mappable changed its norm or its levels)."""
        norm = self.mappable.norm
        blocks = self._blocks_of()
        key = (id(norm), None if blocks is None else tuple(np.round(blocks[0], 12)))
        if key == self._state:
            return
        self._state = key
        axis = self.long_axis
        positions = None
        if blocks is not None:
            b = np.asarray(blocks[0], dtype=float)
            if self.spacing == "uniform":
                positions = (b, np.linspace(0.0, 1.0, len(b)))
            else:
                positions = (b, (b - b[0]) / (b[-1] - b[0]))
        axis.scale = NormScale(norm, positions)
        axis._set_default_ticker()
        if blocks is not None and norm.axis_scale()[0] != "log":
            # matplotlib ticks a discrete bar at its boundaries (at most 11 of them)
            axis.set_major_locator(ticker.FixedLocator(blocks[0], nbins=10))
            axis.set_minor_locator(ticker.NullLocator())
        elif self._user_ticks is None and axis.scale.name == "norm" and \
                norm.axis_scale()[0] == "linear" and blocks is None:
            axis.set_minor_locator(ticker.NullLocator())
        if self._user_ticks is not None:
            axis.set_major_locator(ticker.FixedLocator(self._user_ticks))
        if self._user_format is not None:
            axis.set_major_formatter(self._user_format)

    def _limits(self) -> tuple[float, float]:
        blocks = self._blocks_of()
        if blocks is not None:
            b = blocks[0]
            return float(b[0]), float(b[-1])
        norm = self.mappable.norm
        lo, hi = norm.vmin, norm.vmax
        if lo is None or hi is None or not np.isfinite([lo, hi]).all():
            lo, hi = 0.0, 1.0
        if lo == hi:
            lo, hi = lo - 0.5, hi + 0.5
        lo, hi = self.long_axis.clip_limits(lo, hi, warn=False)  # drawable (±1e308, 1e-308)
        return float(lo), float(hi)

    # -- matplotlib's API ---------------------------------------------------------------
    def set_label(self, label, *, loc=None, **kwargs) -> None:
        self.long_axis.set_label(label, **({} if loc is None else {"loc": loc}), **kwargs)

    def set_ticks(self, ticks, *, labels=None, minor: bool = False, **kwargs) -> None:
        if minor:
            self.long_axis.set_ticks(ticks, labels, minor=True, **kwargs)
            return
        self._user_ticks = np.asarray(ticks, dtype=float)
        self.long_axis.set_ticks(ticks, labels, **kwargs)

    def set_ticklabels(self, ticklabels, *, minor: bool = False, **kwargs) -> None:
        self.long_axis.set_ticklabels(ticklabels, minor=minor, **kwargs)

    def get_ticks(self, minor: bool = False) -> np.ndarray:
        return self.long_axis.get_ticklocs(minor=minor)

    def minorticks_on(self) -> None:
        self.long_axis.set_minor_locator(ticker.AutoMinorLocator())

    def minorticks_off(self) -> None:
        self.long_axis.set_minor_locator(ticker.NullLocator())

    def update_ticks(self) -> None:
        """Ticks follow the norm every frame; nothing to do (matplotlib's name)."""

    def update_normal(self, mappable) -> None:
        self.mappable = mappable
        self._state = None
        self._sync_scale()

    def set_alpha(self, alpha) -> None:
        self.alpha = None if alpha is None else float(alpha)

    @property
    def locator(self):
        return self.long_axis.get_major_locator()

    @locator.setter
    def locator(self, loc) -> None:
        self.long_axis.set_major_locator(loc)

    @property
    def formatter(self):
        return self.long_axis.get_major_formatter()

    @formatter.setter
    def formatter(self, fmt) -> None:
        self._user_format = fmt
        self.long_axis.set_major_formatter(fmt)

    @property
    def minorlocator(self):
        return self.long_axis.get_minor_locator()

    @minorlocator.setter
    def minorlocator(self, loc) -> None:
        self.long_axis.set_minor_locator(loc)

    def add_lines(self, CS, erase: bool = True) -> None:  # noqa: N803
        """Lines across the bar at a contour set's levels, in its colors and widths
        (lumos's set, or matplotlib's drawn by lumos: its public levels, colors and
        widths, as matplotlib's ``add_lines`` reads them)."""
        own = getattr(CS, "level_lines", None)
        values, rgba, widths = own() if own is not None else (
            CS.levels, CS.to_rgba(CS.cvalues, CS.alpha), CS.get_linewidths())
        entry = (np.asarray(values, float), np.asarray(rgba, float), np.asarray(widths, float))
        self.lines = [entry] if erase else self.lines + [entry]


    def remove(self) -> None:
        """Take the colorbar (and the axes it made) out of the figure."""
        for p in self.parents:
            if self in p.colorbars:
                p.colorbars.remove(self)
        if self._owns_axes and self.ax in self.figure.figure.axes:
            self.figure.delaxes(self.ax)
        if self in self.figure.figure.colorbars:
            self.figure.figure.colorbars.remove(self)
        self.mappable.colorbar = None

    def _ext(self) -> tuple[float, float]:
        """Triangle lengths below and above, as fractions of the interior length."""
        frac = 0.05 if self.extendfrac is None else self.extendfrac
        if isinstance(frac, str):  # 'auto': as long as the end blocks (matplotlib's)
            frac = self._end_blocks()
        lo, hi = (frac, frac) if np.ndim(frac) == 0 else (float(frac[0]), float(frac[1]))
        return (lo if self.extend in ("min", "both") else 0.0,
                hi if self.extend in ("max", "both") else 0.0)

    def _end_blocks(self) -> tuple[float, float]:
        """The first and last color's lengths as fractions of the interior (one of
        ``cmap.N`` for a continuous bar; equal blocks with ``spacing='uniform'``)."""
        blocks = self._blocks_of()
        if blocks is None:
            return 1.0 / self.mappable.cmap.N, 1.0 / self.mappable.cmap.N
        b = np.asarray(blocks[0], dtype=float)
        if self.spacing == "uniform":
            return 1.0 / (len(b) - 1), 1.0 / (len(b) - 1)
        return (b[1] - b[0]) / (b[-1] - b[0]), (b[-1] - b[-2]) / (b[-1] - b[0])

    def extend_box(self, pos: Bbox) -> Bbox:
        """``pos`` (figure fraction) shrunk along the bar to leave the extend triangles
        room in it, as matplotlib's colorbar axes locator shrinks it."""
        lo, hi = self._ext()
        if not (lo or hi):
            return pos
        shrink = 1.0 / (1.0 + lo + hi)
        if self.vertical:
            return pos.shrunk(1.0, shrink).translated(0.0, lo * shrink * pos.height)
        return pos.shrunk(shrink, 1.0).translated(lo * shrink * pos.width, 0.0)

    def fit_box_aspect(self) -> None:
        """The bar's own axes takes the box aspect of the bar its extends shorten (its
        width kept), as matplotlib's locator sets it; a given ``cax`` keeps its own."""
        lo, hi = self._ext()
        if self._owns_axes and (lo or hi):
            shrink = 1.0 / (1.0 + lo + hi)
            aspect = self._box_aspect()
            self.ax.set_box_aspect(aspect * shrink if self.vertical else aspect / shrink)

    def sync(self) -> None:
        """Limits, ramp or blocks from the mappable (every frame)."""
        self._sync_scale()
        lo, hi = self._limits()
        self.long_axis.limits.lo, self.long_axis.limits.hi = lo, hi
        self.long_axis.limits.auto = False
        self.short_axis.limits.lo, self.short_axis.limits.hi = 0.0, 1.0
        cmap = self.mappable.cmap
        blocks = self._blocks_of()
        alpha = self.alpha
        if blocks is None:
            self._image.visible = True
            self._blocks.visible = False
            # the ramp anew only when the colormap, the norm or their settings moved
            key = (self.mappable.mapping_state(), alpha, self.vertical)
            if key != self._ramp_key:
                self._ramp_key = key
                ramp = np.asarray(cmap(np.linspace(0.0, 1.0, 256)), dtype=float)
                if alpha is not None:
                    ramp[:, 3] = alpha
                self._image.set_data(ramp[:, None, :] if self.vertical else ramp[None, :, :])
                self._image.extent = (0.0, 1.0, 0.0, 1.0)
            return
        self._image.visible = False
        self._blocks.visible = True
        b, rgba = np.asarray(blocks[0], float), np.asarray(blocks[1], float).copy()
        if alpha is not None:
            rgba[:, 3] = alpha
        with np.errstate(all="ignore"):
            s = self.long_axis.scale.forward(b)
        verts, faces, cols = [], [], []
        for i in range(len(b) - 1):
            a0, a1 = s[i], s[i + 1]
            quad = [(0, a0), (1, a0), (1, a1), (0, a1)] if self.vertical else \
                [(a0, 0), (a1, 0), (a1, 1), (a0, 1)]
            k = len(verts)
            verts += quad
            faces += [(k, k + 1, k + 2), (k, k + 2, k + 3)]
            cols += [rgba[i % len(rgba)]] * 4
        if verts:
            self._blocks.set_data(np.asarray(verts, float), np.asarray(faces),
                                  vertex_colors=np.asarray(cols))

    # -- drawn in figure pixels --------------------------------------------------------
    def draw_overlay(self, ov) -> None:
        """The outline, the extend triangles, divider edges and contour lines."""
        fig = self.figure
        bx, by, bw, bh = self.ax.box
        lo, hi = self._ext()
        cmap = self.mappable.cmap
        blocks = self._blocks_of()
        under = blocks[2] if blocks is not None else cmap.under
        over = blocks[3] if blocks is not None else cmap.over

        def along(t):  # a point on the bar's axis line: t along, u across (0..1)
            return lambda u, t=t: (bx + u * bw, by + t * bh) if self.vertical else \
                (bx + t * bw, by + u * bh)

        outline = []
        start = [along(0.0)(0), along(0.0)(1)]
        end = [along(1.0)(1), along(1.0)(0)]
        hatches = self.mappable.colorbar_hatches() if blocks is not None else None
        hatched = []  # (polygon, pattern): the blocks' and triangles' hatches
        if lo:
            tip = [along(-lo)(0), along(-lo)(1)] if self.extendrect else [along(-lo)(0.5)]
            poly = [start[0], *tip, start[1]] if not self.extendrect else \
                [start[0], tip[0], tip[1], start[1]]
            ov.polygon(poly, self._alpha_rgba(under))
            outline_lo = tip
            if hatches:
                hatched.append((poly, hatches[0]))
        else:
            outline_lo = start
        if hi:
            tip = [along(1 + hi)(1), along(1 + hi)(0)] if self.extendrect else \
                [along(1 + hi)(0.5)]
            poly = [end[0], *tip, end[1]] if not self.extendrect else \
                [end[0], tip[0], tip[1], end[1]]
            ov.polygon(poly, self._alpha_rgba(over))
            outline_hi = tip
            if hatches:
                hatched.append((poly, hatches[-1]))
        else:
            outline_hi = end
        if hatches:
            with np.errstate(all="ignore"):
                edges = self.long_axis.pixels_along(blocks[0])
            first = 1 if lo else 0  # the layer of the bar's first block
            for i, (a, b) in enumerate(zip(edges[:-1], edges[1:], strict=True)):
                quad = [(bx, a), (bx + bw, a), (bx + bw, b), (bx, b)] if self.vertical \
                    else [(a, by), (b, by), (b, by + bh), (a, by + bh)]
                hatched.append((quad, hatches[first + i]))
        for poly, pattern in hatched:
            if pattern:
                ov.hatch_polygon(poly, *hatch_spec(fig, pattern))
        # the outline: bar and triangles in one closed line
        outline = [*outline_lo, *([start[1]] if lo else []), *([end[0]] if hi else []),
                   *outline_hi, *([end[1]] if hi else []), *([start[0]] if lo else [])]
        if not lo and not hi:
            outline = [start[0], start[1], end[0], end[1]]
        outline.append(outline[0])
        ax_axis = self.long_axis
        if self.drawedges and blocks is not None:
            for p in ax_axis.pixels_along(blocks[0][1:-1]):
                seg = [(bx, p), (bx + bw, p)] if self.vertical else [(p, by), (p, by + bh)]
                ov.line(seg, self.outline.color, fig.points_to_pixels(self.outline.linewidth))
        for values, rgba, widths in self.lines:
            with np.errstate(all="ignore"):
                pos = ax_axis.pixels_along(values)
            for p, c, w in zip(pos, rgba, widths, strict=False):
                if np.isfinite(p) and (by <= p <= by + bh if self.vertical else
                                       bx <= p <= bx + bw):
                    seg = [(bx, p), (bx + bw, p)] if self.vertical else \
                        [(p, by), (p, by + bh)]
                    ov.line(seg, c, fig.points_to_pixels(w))
        if self.outline.visible:
            ov.line(outline, self.outline.color,
                    fig.points_to_pixels(self.outline.linewidth))

    def _alpha_rgba(self, rgba):
        return colors.to_rgba(rgba, self.alpha) if self.alpha is not None else rgba


class _ExtendLocator:
    """The colorbar axes' locator: the box its own locator (or its position) gives,
    shrunk to leave the extend triangles room (:meth:`Colorbar.extend_box`)."""

    def __init__(self, colorbar: Colorbar, wrapped=None) -> None:
        self.colorbar = colorbar
        #: the axes' locator before the colorbar's (an inset's, a divider's), or None
        self.wrapped = wrapped

    def __call__(self, ax, renderer) -> Bbox:
        pos = ax.get_position(original=True) if self.wrapped is None else \
            as_bbox(self.wrapped(ax, renderer), "the axes locator's position")
        self.colorbar.fit_box_aspect()
        return self.colorbar.extend_box(pos)

    def get_subplotspec(self):
        """The grid cell tight_layout places the colorbar in: its axes', else the one
        its own locator names (a divider's)."""
        return (self.colorbar.ax.get_subplotspec() or
                getattr(self.wrapped, "get_subplotspec", lambda: None)())


class _Solids(Artist):
    """What a colorbar draws on its axes: the ramp or the blocks (visuals in the axes'
    view), and the outline, triangles and lines (in figure pixels)."""

    zorder = 0.0

    def __init__(self, colorbar: Colorbar) -> None:
        super().__init__(colorbar.ax)
        self.colorbar = colorbar

    def visuals(self) -> list:
        return [self.colorbar._image, self.colorbar._blocks]

    def prepare(self) -> None:
        super().prepare()
        self.colorbar.sync()

    def draw_overlay(self, ov) -> None:
        self.colorbar.draw_overlay(ov)


def _from_matplotlib(mappable):
    """A lumos mappable with a matplotlib ScalarMappable's norm, colormap and array (and
    a matplotlib contour set's levels: :class:`_MatplotlibContours`)."""
    from matplotlib.contour import ContourSet

    kind = _MatplotlibContours if isinstance(mappable, ContourSet) else ScalarMappable
    lumos = kind(norm=colors.get_norm(mappable.norm),
                 cmap=colors.get_cmap(mappable.get_cmap()))
    if kind is _MatplotlibContours:
        lumos.read(mappable)
    array = mappable.get_array()
    if array is not None:
        lumos.set_array(np.ma.filled(np.ma.asarray(array, dtype=float), np.nan))
    return lumos


class _MatplotlibContours(ScalarMappable):
    """A matplotlib contour set's colors as a colorbar reads them (its public levels,
    layer colors, line widths and extend): blocks between the levels of filled
    contours, lines across the bar at the levels of line contours, as lumos's own
    ContourSet gives them."""

    def read(self, cs) -> None:
        """Take the levels, colors and widths of matplotlib's contour set ``cs``."""
        self.levels = np.asarray(cs.levels, dtype=float)
        self.filled = bool(cs.filled)
        self.extend = str(cs.extend)
        self.layers = np.asarray(cs.layers, dtype=float)
        self.rgba = np.asarray(cs.to_rgba(cs.cvalues, cs.alpha), dtype=float).reshape(-1, 4)
        self.widths = np.resize(np.asarray(cs.get_linewidths(), dtype=float),
                                len(self.layers))

    def colorbar_blocks(self):
        from .contour import level_blocks

        return level_blocks(self.levels, self.filled, self.rgba, self.extend, self.cmap)

    def colorbar_extend(self) -> str:
        return self.extend

    def colorbar_lines(self):
        return None if self.filled else (self.layers, self.rgba, self.widths)
