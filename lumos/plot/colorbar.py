"""Colorbars: a thin axes showing a mappable's colormap and norm.

``fig.colorbar(im, ax=ax)`` takes the colorbar's room from ``ax`` as matplotlib does:
without a layout engine (or with the tight one) the parent's grid cell is split
(``make_axes_gridspec``: ``fraction`` 0.15 of it for the bar, ``pad`` between); with
the constrained layout, or for a list of parents or axes outside a grid, the parents
shrink (``make_axes``) and the constrained layout places the bar beside their
decorations. The bar's box has height / width = ``aspect`` (20) and sits at
``anchor`` in its room.
"""

from __future__ import annotations

import numpy as np

from ..visuals import Image
from .axes import Axes
from .bbox import Bbox

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


class Colorbar:
    """``fig.colorbar(im, ax=ax, label="K")``: ``location`` ('right', 'left', 'top',
    'bottom') or ``orientation``, ``fraction``, ``shrink``, ``aspect``, ``pad``,
    ``anchor``, ``panchor`` as matplotlib's; ``ticks``, ``format``, ``label``."""

    def __init__(self, fig, mappable, ax=None, cax=None, use_gridspec: bool = True,
                 label: str = "", location=None, orientation=None, fraction: float = 0.15,
                 shrink: float = 1.0, aspect: float = 20.0, pad=None, anchor=None,
                 panchor=None, ticks=None, format=None, extend=None) -> None:
        if not hasattr(mappable, "norm") or not hasattr(mappable, "cmap"):
            raise TypeError(f"mappable: got {type(mappable).__name__}, expected an image, "
                            "scatter or contour set (something with cmap and norm)")
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
        self._setup_axes()
        self.set_label(label)
        if ticks is not None:
            self.set_ticks(ticks)
        if format is not None:
            self.long_axis.set_major_formatter(format)
        self.extend = extend
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

    def parents_position(self) -> Bbox:
        """The parents' box (figure fraction)."""
        return Bbox.union([p.get_position(original=True) for p in self.parents])

    def parent_spans(self) -> tuple[range, range]:
        """The rows and columns of the parents' grid the bar stands beside."""
        specs = [p.get_subplotspec() for p in self.parents]
        return (range(min(s.rowspan.start for s in specs), max(s.rowspan.stop for s in specs)),
                range(min(s.colspan.start for s in specs), max(s.colspan.stop for s in specs)))

    # -- what the bar shows ----------------------------------------------------------
    def _setup_axes(self) -> None:
        cax = self.ax
        # a fixed decoration: the mouse (here and in pages) never pans or zooms it
        cax.view.interactive = False
        self.long_axis = cax.yaxis if self.vertical else cax.xaxis
        short = cax.xaxis if self.vertical else cax.yaxis
        short.visible = False
        self.long_axis.ticks_position = self.location
        cax.grid(False)
        cax.margins(0.0, 0.0)
        ramp = np.linspace(0, 1, 256)
        self._image = Image(ramp[:, None] if self.vertical else ramp[None, :], clim=(0, 1))
        cax.view.add(self._image)
        if type(self.mappable.norm).__name__ == "LogNorm":
            self.long_axis.set_scale("log")

    def set_label(self, label: str, **kwargs) -> None:
        self.long_axis.set_label(label, **kwargs)

    def set_ticks(self, ticks, labels=None) -> None:
        (self.ax.set_yticks if self.vertical else self.ax.set_xticks)(ticks, labels)

    def update(self) -> None:
        """Before a frame: the limits and the ramp from the mappable's norm and cmap."""
        norm = self.mappable.norm
        lo, hi = norm.vmin, norm.vmax
        if lo is None or hi is None or not np.isfinite([lo, hi]).all():
            lo, hi = 0.0, 1.0
        if lo == hi:
            lo, hi = lo - 0.5, hi + 0.5
        lo, hi = self.long_axis.clip_limits(lo, hi, warn=False)  # drawable (±1e308, 1e-308)
        short = self.ax.xaxis if self.vertical else self.ax.yaxis
        self.long_axis.limits.lo, self.long_axis.limits.hi = float(lo), float(hi)
        short.limits.lo, short.limits.hi = 0.0, 1.0
        with np.errstate(all="ignore"):
            s0, s1 = self.long_axis.scale.forward(np.array([lo, hi]))
        self._image.cmap = self.mappable.cmap
        self._image.extent = ((0.0, 1.0, float(s0), float(s1)) if self.vertical
                              else (float(s0), float(s1), 0.0, 1.0))
