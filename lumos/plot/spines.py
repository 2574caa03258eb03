"""Spines: the lines framing an axes (``ax.spines["top"].set_visible(False)``).

A spine sits on its edge of the axes box by default; ``set_position`` moves it
(``('outward', 10)`` points away from the box, ``('axes', 0.5)`` an axes fraction,
``('data', 0)`` a data value of the other axis, ``'center'``, ``'zero'``) and the ticks
and tick labels of its side move with it, as in matplotlib. ``set_bounds(low, high)``
draws it between two data values only.
"""

from __future__ import annotations

import numpy as np

from .. import colors
from . import validate
from .snapping import pixel_snap, snap_pixel
from .style import rcParams

_OTHER = {"left": "x", "right": "x", "bottom": "y", "top": "y"}


class Spine:
    """One side of the axes frame: visibility, color, width (points), line style,
    position and bounds."""

    def __init__(self, name: str = "", axes=None) -> None:
        self.name = name
        self.axes = axes
        self._visible = bool(rcParams.get(f"axes.spines.{name}", True))
        self.color = colors.to_rgba(rcParams["axes.edgecolor"])
        self.linewidth = float(rcParams["axes.linewidth"])
        self.linestyle = "-"
        self.position: tuple[str, float] = ("outward", 0.0)
        self.bounds: tuple[float, float] | None = None
        self.zorder = 2.5
        self.capstyle = "projecting"  # matplotlib's Spine sets it so

    def _changed(self) -> None:
        if self.axes is not None:
            self.axes._artist_changed(None)

    def get_visible(self) -> bool:
        return self._visible

    def set_visible(self, visible: bool) -> None:
        self._visible = bool(visible)
        self._changed()

    def set_color(self, color) -> None:
        self.color = colors.to_rgba(color, argname="color")
        self._changed()

    set_edgecolor = set_color
    set_ec = set_color

    def get_edgecolor(self):
        return self.color

    def set_linewidth(self, width: float) -> None:
        self.linewidth = float(width)
        self._changed()

    set_lw = set_linewidth

    def get_linewidth(self) -> float:
        return self.linewidth

    def set_linestyle(self, ls) -> None:
        from .artists import check_linestyle

        self.linestyle = check_linestyle(ls)
        self._changed()

    set_ls = set_linestyle

    def set_alpha(self, alpha) -> None:
        self.color = colors.to_rgba(self.color, alpha)
        self._changed()

    def set_zorder(self, z: float) -> None:
        self.zorder = float(z)

    def set_capstyle(self, style) -> None:
        """How the spine's ends (and its dashes') look: 'butt', 'round' or
        'projecting' (matplotlib's default for spines: square corners where two meet)."""
        if style not in ("butt", "round", "projecting"):
            raise ValueError(f"capstyle: got {style!r}, expected 'butt', 'round' or "
                             "'projecting'")
        self.capstyle = style
        self._changed()

    def get_capstyle(self) -> str:
        return self.capstyle

    def set(self, **kwargs) -> None:
        """Several properties at once, each by its setter (``position=..., color=...``)."""
        validate.set_by_setters(self, kwargs, "Spine.set")

    def set_position(self, position) -> None:
        """``('outward', points)``, ``('axes', fraction)``, ``('data', value)``,
        ``'center'`` (axes 0.5) or ``'zero'`` (data 0)."""
        if position == "center":
            position = ("axes", 0.5)
        elif position == "zero":
            position = ("data", 0.0)
        try:
            kind, amount = position
            amount = float(amount)
        except (TypeError, ValueError):
            raise ValueError(f"position: got {position!r}, expected ('outward'|'axes'|'data', "
                             "number), 'center' or 'zero'") from None
        if kind not in ("outward", "axes", "data"):
            raise ValueError(f"position: got {kind!r}, expected 'outward', 'axes' or 'data'")
        self.position = (kind, amount)
        self._changed()

    def get_position(self) -> tuple[str, float]:
        return self.position

    def set_bounds(self, low=None, high=None) -> None:
        """Draw the spine between two data values of its own axis only."""
        if high is None and np.ndim(low) == 1:
            low, high = low
        self.bounds = None if low is None and high is None else (
            None if low is None else float(low), None if high is None else float(high))
        self._changed()

    def get_bounds(self):
        return self.bounds

    def base(self) -> float:
        """The spine's position across its axis in figure pixels (x for left/right, y
        for bottom/top)."""
        ax = self.axes
        bx, by, bw, bh = ax.box
        vertical = self.name in ("left", "right")
        lo, length = (bx, bw) if vertical else (by, bh)
        kind, amount = self.position
        if kind == "outward":
            d = float(ax.figure.points_to_pixels(amount))
            return lo - d if self.name in ("left", "bottom") else lo + length + d
        if kind == "axes":
            return lo + amount * length
        axis = ax.xaxis if vertical else ax.yaxis  # data: a value of the other axis
        with np.errstate(all="ignore"):
            p = float(axis.pixels_along([amount])[0])
        return p if np.isfinite(p) else lo

    def offset_px(self) -> float:
        """How far (pixels) the spine stands outside the box edge of its side (negative:
        inside the box)."""
        bx, by, bw, bh = self.axes.box
        edge = {"left": bx, "right": bx + bw, "bottom": by, "top": by + bh}[self.name]
        d = self.base() - edge
        return -d if self.name in ("left", "bottom") else d

    def extent(self) -> tuple[float, float]:
        """From where to where the spine runs along its axis, in figure pixels."""
        ax = self.axes
        bx, by, bw, bh = ax.box
        along_x = self.name in ("bottom", "top")
        lo, hi = (bx, bx + bw) if along_x else (by, by + bh)
        if self.bounds is not None:
            axis = ax.xaxis if along_x else ax.yaxis
            vlo, vhi = axis.get_view_interval()
            b0 = vlo if self.bounds[0] is None else self.bounds[0]
            b1 = vhi if self.bounds[1] is None else self.bounds[1]
            with np.errstate(all="ignore"):
                p = axis.pixels_along([b0, b1])
            if np.isfinite(p).all():
                lo, hi = float(min(p)), float(max(p))
        return lo, hi


    def snap(self) -> tuple[float, float] | None:
        """How the spine snaps to the pixel grid, as matplotlib's Agg snaps a straight
        line (``path.snap``): (0.5 for lines of an odd number of pixels, which sit in a
        pixel's middle, else 0; the canvas height, which Agg counts rows from), or None
        when ``path.snap`` is off."""
        fig = self.axes.figure
        return pixel_snap(fig, float(fig.points_to_pixels(self.linewidth)))

    def ends(self) -> list[tuple[float, float]]:
        """The spine's two ends in figure pixels, snapped (:meth:`snap`)."""
        base, (lo, hi) = self.base(), self.extent()
        along_x = self.name in ("bottom", "top")
        snap = self.snap()
        if snap is not None:
            offset, height = snap
            base = snap_pixel(base, offset, height if along_x else None)
            lo, hi = (snap_pixel(v, offset, None if along_x else height) for v in (lo, hi))
        return [(lo, base), (hi, base)] if along_x else [(base, lo), (base, hi)]

    def stroke(self, width_px: float, solid: bool) -> tuple[list, str]:
        """(points, cap) to stroke the spine ``width_px`` wide: a solid spine's
        projecting cap is a butt cap half the width beyond each (snapped) end, as Agg
        strokes it, so a butt-capped line draws both; a dashed one keeps its cap (each
        dash ends so)."""
        (x0, y0), (x1, y1) = self.ends()
        if not solid or self.capstyle != "projecting":
            return [(x0, y0), (x1, y1)], self.capstyle
        d = width_px / 2
        if self.name in ("bottom", "top"):
            return [(min(x0, x1) - d, y0), (max(x0, x1) + d, y1)], "butt"
        return [(x0, min(y0, y1) - d), (x1, max(y0, y1) + d)], "butt"


class Spines(dict):
    """``ax.spines``: the spines by name; ``ax.spines[["top", "right"]]`` and
    ``ax.spines[:]`` select several (setters apply to each), as in matplotlib."""

    def __init__(self, names=("left", "right", "bottom", "top"), axes=None) -> None:
        super().__init__((name, Spine(name, axes)) for name in names)

    def __getitem__(self, key):
        if isinstance(key, slice):
            if key != slice(None):
                raise ValueError("spines: only [:] selects by slice")
            return _Several(list(self.values()))
        if isinstance(key, (list, tuple)):
            return _Several([dict.__getitem__(self, k) for k in key])
        return super().__getitem__(key)

    def __getattr__(self, name: str):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


class _Several:
    def __init__(self, spines: list[Spine]) -> None:
        self._spines = spines

    def __getattr__(self, name: str):
        if not all(callable(getattr(s, name, None)) for s in self._spines):
            raise AttributeError(f"spines have no method {name!r}")

        def apply(*args, **kwargs):
            for s in self._spines:
                getattr(s, name)(*args, **kwargs)

        return apply

    def __iter__(self):
        return iter(self._spines)
