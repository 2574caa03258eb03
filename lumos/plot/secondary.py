"""Secondary axes: ``ax.secondary_xaxis('top', functions=(f, g))`` shows ``f(x)`` of the
parent's x on a second axis (matplotlib's ``SecondaryAxis``)."""

from __future__ import annotations

import numpy as np

from .. import colors
from . import page_axes
from .axes import Axes
from .axisdraw import TickLayout, draw_axis, draw_spines
from .scale import LinearScale, LogScale, ScaleBase


def _identity(x):
    return x


class SecondaryScale(ScaleBase):
    """Values of the secondary axis onto the parent's scale space: ``parent(g(v))``;
    ticks as on the parent's kind of axis (log ticks over a log parent)."""

    name = "secondary"

    def __init__(self, parent_scale, functions) -> None:
        self.parent = parent_scale
        self.f, self.g = functions
        self.domain = (-np.inf, np.inf)

    def forward(self, values) -> np.ndarray:
        with np.errstate(all="ignore"):
            return self.parent.forward(np.asarray(self.g(np.asarray(values, float)), float))

    def inverse(self, values) -> np.ndarray:
        with np.errstate(all="ignore"):
            return np.asarray(self.f(self.parent.inverse(np.asarray(values, float))), float)

    def default_tickers(self):
        kind = LogScale() if self.parent.name == "log" else LinearScale()
        return kind.default_tickers()


class SecondaryAxes(Axes):
    """A second x (or y) axis of a parent axes: no data, its limits follow the parent's
    through ``functions=(forward, inverse)``."""

    def __init__(self, parent: Axes, orientation: str, location, functions, transform,
                 kwargs: dict) -> None:
        super().__init__(parent.figure, parent._twin_spec(), parent=parent, role="twin")
        self.role = "secondary"  # not in fig.axes (matplotlib's child axes): drawn with it
        self.orientation = orientation
        self.long = self.xaxis if orientation == "x" else self.yaxis
        self.other = self.yaxis if orientation == "x" else self.xaxis
        self.other.visible = False
        self.set_functions(functions)
        self.set_location(location, transform)
        if kwargs:
            self.set(**kwargs)
        # only once every argument is checked: a refused call leaves no axes behind
        parent.children.append(self)

    def set_functions(self, functions) -> None:
        """``(forward, inverse)``: parent values to this axis's and back; None: the
        parent's values."""
        if functions is None:
            functions = (_identity, _identity)
        try:
            f, g = functions
        except (TypeError, ValueError):
            raise TypeError(f"functions: got {functions!r}, expected (forward, inverse)") \
                from None
        if not (callable(f) and callable(g)):
            raise TypeError("functions: expected two callables (forward, inverse)")
        parent_axis = self.parent.xaxis if self.orientation == "x" else self.parent.yaxis
        self._functions = (f, g)
        self.long.scale = SecondaryScale(parent_axis.scale, (f, g))
        self.long._set_default_ticker()
        self._dirty = True

    def set_location(self, location, transform=None) -> None:
        """'top'/'bottom' ('left'/'right' for y) or a number: the axes fraction the
        axis's spine stands at, or with ``transform=parent.transData`` the parent's
        data value (``secondary_xaxis(0, transform=ax.transData)``: along y = 0)."""
        names = ("bottom", "top") if self.orientation == "x" else ("left", "right")
        if transform is not None and transform is not self.parent.transAxes and \
                transform is not self.parent.transData:
            raise TypeError(f"transform: got {transform!r}, expected None, the parent's "
                            "transAxes or its transData")
        if isinstance(location, str):
            if location not in names:
                raise ValueError(f"location: got {location!r}, expected {names[0]!r}, "
                                 f"{names[1]!r} or a number")
            pos = 1.0 if location == names[1] else 0.0
        else:
            pos = float(location)
        side = names[1] if pos >= 0.5 else names[0]
        self.long.set_ticks_position(side)
        self.long.set_label_position(side)
        self.spine = self.spines[side]
        # a data value: its axes fraction follows the parent's limits (update_limits)
        self._data_pos = pos if transform is self.parent.transData and \
            not isinstance(location, str) else None
        if not isinstance(location, str):
            self.spine.set_position(("axes", pos))
        self._dirty = True

    def set_color(self, color) -> None:
        """Ticks, tick labels, label and spine in one color."""
        rgba = colors.to_rgba(color, argname="color")
        for st in (self.long.major, self.long.minor):
            st.color = st.labelcolor = rgba
        self.long.label_color = rgba
        self.spine.set_color(rgba)

    def set_alignment(self, align: str) -> None:
        self.long.set_ticks_position(align)
        self.long.set_label_position(align)

    # the parent decides the limits
    def update_limits(self) -> None:
        parent_axis = self.parent.xaxis if self.orientation == "x" else self.parent.yaxis
        self.long.scale.parent = parent_axis.scale
        lo, hi = parent_axis.get_view_interval()
        with np.errstate(all="ignore"):
            a, b = (float(v) for v in np.asarray(self._functions[0](np.array([lo, hi])),
                                                 float))
        if not (np.isfinite(a) and np.isfinite(b)):  # matplotlib: "Axis limits cannot
            # be NaN or Inf" at draw; the last frame's limits would label a wrong axis
            raise ValueError(
                f"secondary_{self.orientation}axis functions: the forward function gives "
                f"({a:g}, {b:g}) at the parent's {self.orientation} limits ({lo:g}, {hi:g}), "
                f"expected finite values (set the parent's limits inside its domain)")
        if a != b:
            self.long.limits.lo, self.long.limits.hi = min(a, b), max(a, b)
        self.other.limits.lo, self.other.limits.hi = 0.0, 1.0
        if self._data_pos is not None:
            across = self.parent.yaxis if self.orientation == "x" else self.parent.xaxis
            f = across.scale.forward
            a, b = (float(f(np.array([v]))[0]) for v in across.get_view_interval())
            with np.errstate(all="ignore"):
                frac = (float(f(np.array([self._data_pos]))[0]) - a) / (b - a)
            if np.isfinite(frac):
                self.spine.set_position(("axes", 1.0 - frac if across.inverted else frac))

    def view_rect(self) -> tuple[float, float, float, float]:
        px0, py0, pw, ph = self.parent.view_rect()
        if self.orientation == "x":
            return px0, 0.0, pw, 1.0
        return 0.0, py0, 1.0, ph

    def _affine(self) -> tuple[float, float] | None:
        """(a, b) when the forward function is ``a x + b`` and the inverse undoes it, at
        the parent's limits and far beyond them (what a page can evaluate), else None."""
        parent_axis = self.parent.xaxis if self.orientation == "x" else self.parent.yaxis
        lo, hi = (float(v) for v in parent_axis.get_view_interval())
        span = abs(hi - lo) or max(abs(lo), 1.0)
        x = np.r_[np.linspace(lo - 100 * span, hi + 100 * span, 9), lo, hi]
        try:
            with np.errstate(all="ignore"):
                y = np.asarray(self._functions[0](x.copy()), float)
                back = np.asarray(self._functions[1](y.copy()), float)
        except Exception:  # noqa: BLE001 - a function for scalars or a narrow domain
            return None
        if y.shape != x.shape or back.shape != x.shape or not np.isfinite(y).all():
            return None
        a = (y[8] - y[0]) / (x[8] - x[0])
        b = y[0] - a * x[0]
        tol = 1e-9 * max(float(np.abs(y).max()), float(np.abs(a) * np.abs(x).max()))
        if not (np.isfinite(a) and np.isfinite(b) and a != 0) or \
                np.abs(a * x + b - y).max() > tol or \
                np.abs(back - x).max() > 1e-9 * float(np.abs(x).max()):
            return None
        return float(a), float(b)

    def draw_frame(self, ov) -> None:
        """The spine (when moved), ticks and labels, in visuals of their own that a
        page redraws as the parent's view moves when it can evaluate the functions,
        else names as exported (page_axes.py)."""
        decor = page_axes.decor(self, ov)
        affine = self._affine()
        # a spine at a parent's data value goes with the ticks a page moves
        follows = self._data_pos is not None
        width = self.figure.points_to_pixels(self.spine.linewidth)
        decor.begin(page_axes.tick_widths(self) + ([width] if follows else []))
        if self.spine.get_position() != ("outward", 0.0):
            draw_spines(self, decor if follows else ov, (self.spine.name,))
        layout = TickLayout(self, self.long)
        draw_axis(self, self.long, decor, layout)
        decor.commit(page_axes.secondary_record(self, self.long, layout, affine,
                                                self._data_pos))
