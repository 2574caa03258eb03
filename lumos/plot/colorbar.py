"""Colorbars: a thin axes beside its parent showing a mappable's colormap and norm.

The long axis is in data units through the mappable's norm (:class:`NormScale`): a
log norm gives a log axis with log ticks, symlog and asinh norms theirs, any other norm
positions values where their colors are. Discrete mappables (a BoundaryNorm, contour
sets) draw one block per bin, evenly spaced as matplotlib does (``spacing='uniform'``)
or by value (``'proportional'``). ``extend`` ('min', 'max', 'both'; by default the
mappable's) adds triangles in the under/over colors beyond the ends.
"""

from __future__ import annotations

import numpy as np

from .. import colors
from ..visuals import Image, Mesh
from . import ticker
from .artists import Artist
from .axes import Axes
from .axisdraw import TickLayout
from .scale import NormScale
from .style import rcParams

_LOCATIONS = {"right": (True, "right"), "left": (True, "left"), "top": (False, "top"),
              "bottom": (False, "bottom")}


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
    """``fig.colorbar(im, ax=ax, label="K")``: ticks on the outer side, label beside them.

    matplotlib's keywords: ``location`` ('right', 'left', 'top', 'bottom') or
    ``orientation``, ``shrink``, ``aspect``, ``pad``, ``fraction``, ``ticks``,
    ``format``, ``extend``, ``extendfrac``, ``extendrect``, ``spacing``, ``drawedges``,
    ``label``, ``cax`` (draw into an axes of your own) and ``ticklocation``.
    """

    def __init__(self, fig, mappable, parent: Axes | None, label: str = "",
                 orientation=None, location=None, shrink: float = 1.0, aspect: float = 20.0,
                 pad: float | None = None, ticks=None, format=None,  # noqa: A002
                 fraction: float = 0.15, extend=None, extendfrac=None,
                 extendrect: bool = False, spacing: str = "uniform", drawedges: bool = False,
                 cax=None, ticklocation: str = "auto", anchor=None, panchor=None,
                 use_gridspec: bool = True, alpha=None, group=None) -> None:
        from .mpl_ticker import is_matplotlib

        if is_matplotlib(mappable):
            mappable = _from_matplotlib(mappable)
        if not hasattr(mappable, "norm") or not hasattr(mappable, "cmap"):
            raise TypeError(f"mappable: got {type(mappable).__name__}, expected an image, "
                            "scatter, contour set or ScalarMappable (something with cmap and "
                            "norm)")
        if location is None:
            if orientation not in (None, "vertical", "horizontal"):
                raise ValueError(f"orientation: got {orientation!r}, expected 'vertical' or "
                                 "'horizontal'")
            location = "bottom" if orientation == "horizontal" else "right"
        if location not in _LOCATIONS:
            raise ValueError(f"location: got {location!r}, expected 'right', 'left', 'top' "
                             "or 'bottom'")
        vertical, side = _LOCATIONS[location]
        if orientation is not None and (orientation == "vertical") != vertical:
            raise TypeError(f"orientation {orientation!r} and location {location!r} disagree")
        if spacing not in ("uniform", "proportional"):
            raise ValueError(f"spacing: got {spacing!r}, expected 'uniform' or 'proportional'")
        if extend not in (None, "neither", "min", "max", "both"):
            raise ValueError(f"extend: got {extend!r}, expected 'neither', 'min', 'max' or "
                             "'both'")
        if anchor is not None or panchor is not None:
            from .compat import warn_once

            warn_once("colorbar anchor", "colorbar: anchor and panchor have no effect in "
                      "lumos (the bar is centred beside its axes)")
        self.figure = fig
        self.mappable = mappable
        self.parent = parent
        self.vertical = vertical
        self.side = side
        self.orientation = "vertical" if vertical else "horizontal"
        self.shrink, self.aspect = float(shrink), float(aspect)
        self.pad = (0.05 if vertical else 0.15) if pad is None else float(pad)
        self.fraction = float(fraction)
        self.spacing = spacing
        self.drawedges = bool(drawedges)
        self.extendrect = bool(extendrect)
        self.extendfrac = extendfrac
        self.extend = extend if extend is not None else mappable.colorbar_extend()
        self.alpha = alpha
        self.group = group  # axes the bar spans (fig.colorbar(im, ax=axs))
        self.outline = Outline()
        self.lines: list = []  # (values, colors, widths) from add_lines
        if cax is not None:
            self.ax = cax
            self.owns_axes = False
        else:
            self.ax = Axes(fig, parent.spec, parent=parent, role="colorbar")
            fig.axes.append(self.ax)
            if not hasattr(parent, "colorbars"):
                parent.colorbars = []
            parent.colorbars.append(self)
            self.owns_axes = True
        self.long_axis = self.ax.yaxis if vertical else self.ax.xaxis
        self.short_axis = self.ax.xaxis if vertical else self.ax.yaxis
        self.short_axis.visible = False
        for spine in self.ax.spines.values():
            spine.set_visible(False)
        if ticklocation == "auto":
            ticklocation = side
        self.long_axis.set_ticks_position(ticklocation)
        self.long_axis.set_label_position(ticklocation)
        self.ax.margins(0.0, 0.0)
        self._image = Image(np.linspace(0, 1, 256)[:, None] if vertical else
                            np.linspace(0, 1, 256)[None, :], clim=(0, 1))
        self._blocks = Mesh(shading=None)
        self.ax._add_artist(_Solids(self))
        self._user_ticks = None
        self._user_format = format
        self._state = None
        self._sync_scale()
        self.set_label(label)
        if ticks is not None:
            self.set_ticks(ticks)
        mappable.colorbar = self

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
        """Lines across the bar at a contour set's levels, in its colors and widths."""
        values, rgba, widths = CS.level_lines()
        entry = (np.asarray(values, float), np.asarray(rgba, float), np.asarray(widths, float))
        self.lines = [entry] if erase else self.lines + [entry]

    def remove(self) -> None:
        if self.owns_axes:
            if self in getattr(self.parent, "colorbars", []):
                self.parent.colorbars.remove(self)
            self.figure.delaxes(self.ax)
        self.mappable.colorbar = None

    # -- layout ------------------------------------------------------------------------
    def _ext(self) -> tuple[float, float]:
        """Triangle lengths below and above, as fractions of the interior length."""
        frac = 0.05 if self.extendfrac in (None, "auto") else self.extendfrac
        lo, hi = (frac, frac) if np.ndim(frac) == 0 else (float(frac[0]), float(frac[1]))
        return (lo if self.extend in ("min", "both") else 0.0,
                hi if self.extend in ("max", "both") else 0.0)

    def _sizes(self) -> tuple[float, float]:
        """Thickness and padding in pixels, from the parent's cell."""
        w, h = self.figure.canvas.size
        rows, cols = self.figure._grid
        cell = (h / rows if self.vertical else w / cols) * 0.8 * self.shrink
        return max(cell / self.aspect, 6.0), self.pad * (w / cols if self.vertical
                                                          else h / rows) * 0.5

    def room(self) -> float:
        """Space the colorbar takes beside (or below) its parent, decorations included."""
        from .axisdraw import axis_margins

        thickness, pad = self._sizes()
        reach = axis_margins(self.ax, self.long_axis, TickLayout(self.ax, self.long_axis))
        return pad + thickness + reach[self.side]

    def place(self, parent_box, offset: float) -> None:
        """Stand ``offset`` pixels (the parent's decorations) beyond the parent's box
        (spanning every axes of its group, when it has one)."""
        x, y, w, h = parent_box
        if self.group:
            boxes = np.array([a.box for a in self.group], dtype=float)
            x0, y0 = boxes[:, 0].min(), boxes[:, 1].min()
            x1, y1 = (boxes[:, 0] + boxes[:, 2]).max(), (boxes[:, 1] + boxes[:, 3]).max()
            if self.vertical:
                y, h = y0, y1 - y0
                x = x0 if self.side == "left" else x
                w = x1 - x if self.side == "right" else w
            else:
                x, w = x0, x1 - x0
                y = y1 - h if self.side == "top" else y
        thickness, pad = self._sizes()
        lo, hi = self._ext()
        if self.vertical:
            full = h * self.shrink
            inner = full / (1 + lo + hi)
            y0 = y + (h - full) / 2 + lo * inner
            bx = x + w + offset + pad if self.side == "right" else \
                x - offset - pad - thickness
            self.ax.box = (bx, y0, thickness, inner)
        else:
            full = w * self.shrink
            inner = full / (1 + lo + hi)
            x0 = x + (w - full) / 2 + lo * inner
            by = y - offset - pad - thickness if self.side == "bottom" else \
                y + h + offset + pad
            self.ax.box = (x0, by, inner, thickness)

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
        if lo:
            tip = [along(-lo)(0), along(-lo)(1)] if self.extendrect else [along(-lo)(0.5)]
            poly = [start[0], *tip, start[1]] if not self.extendrect else \
                [start[0], tip[0], tip[1], start[1]]
            ov.polygon(poly, self._alpha_rgba(under))
            outline_lo = tip
        else:
            outline_lo = start
        if hi:
            tip = [along(1 + hi)(1), along(1 + hi)(0)] if self.extendrect else \
                [along(1 + hi)(0.5)]
            poly = [end[0], *tip, end[1]] if not self.extendrect else \
                [end[0], tip[0], tip[1], end[1]]
            ov.polygon(poly, self._alpha_rgba(over))
            outline_hi = tip
        else:
            outline_hi = end
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
        self.colorbar.sync()

    def draw_overlay(self, ov) -> None:
        self.colorbar.draw_overlay(ov)


def _from_matplotlib(mappable):
    """A lumos mappable with a matplotlib ScalarMappable's norm, colormap and array."""
    from .cm import ScalarMappable

    lumos = ScalarMappable(norm=colors.get_norm(mappable.norm),
                           cmap=colors.get_cmap(mappable.get_cmap()))
    array = mappable.get_array()
    if array is not None:
        lumos.set_array(np.ma.filled(np.ma.asarray(array, dtype=float), np.nan))
    return lumos
