"""One axis of an Axes: scale, limits, locators, formatters, label and unit conversion."""

from __future__ import annotations

import numpy as np

from .. import colors
from . import ticker
from .scale import LinearScale, make_scale
from .style import font_points, rcParams

#: the largest magnitude of an axis limit: two limits' span and a margin stay finite
LIMIT = 1e307


class Limits:
    """View limits in data units, shared by axes that share this axis."""

    def __init__(self) -> None:
        self.lo: float | None = None
        self.hi: float | None = None
        self.auto = True
        self.members: list = []  # Axis objects sharing these limits


class Axis:
    """The x or y axis of an Axes.

    Holds the scale ('linear', 'log', 'symlog'), the view limits (data units), tick
    locators and formatters (matplotlib's ``set_major_locator`` & co.), the label and
    where ticks are drawn.
    """

    def __init__(self, axes, name: str) -> None:
        self.axes = axes
        self.name = name
        self.scale = LinearScale()
        self.limits = Limits()
        self.limits.members.append(self)
        self.inverted = False
        self.is_date = False
        self.units = None  # the categories of a category axis (lumos.plot.category)
        self.label = ""
        self.label_visible = True  # False: kept but not drawn (label_outer)
        self.label_size = font_points(rcParams["axes.labelsize"])
        self.label_color = colors.to_rgba(rcParams["axes.labelcolor"])
        self.labelpad = float(rcParams["axes.labelpad"])
        self.tick_size = font_points(rcParams[f"{name}tick.labelsize"])
        self.ticks_position = "bottom" if name == "x" else "left"
        self.visible = True
        self.show_labels = True
        self.grid_major = bool(rcParams["axes.grid"])
        self.grid_minor = False
        self.grid_style: dict = {}
        # tick appearance (matplotlib's tick_params)
        self.tick_rotation = 0.0
        self.tick_ha: str | None = None  # tick label alignment; None: by position
        self.tick_color = rcParams[f"{name}tick.color"]
        self.tick_label_color = rcParams[f"{name}tick.color"]
        self.tick_length = float(rcParams["xtick.major.size"])  # points
        self.tick_width = float(rcParams["xtick.major.width"])  # points
        self.tick_pad = float(rcParams["xtick.major.pad"])  # points
        self.tick_direction = "out"
        self.ticks_visible = True
        self._set_default_ticker()

    def _set_default_ticker(self) -> None:
        if self.is_date:
            self.major_locator = ticker.AutoDateLocator()
            self.major_formatter = ticker.ConciseDateFormatter(self.major_locator)
            self.minor_locator = ticker.NullLocator()
        elif self.scale.name == "log":
            self.major_locator = ticker.LogLocator(base=self.scale.base)
            self.major_formatter = ticker.LogFormatterSciNotation(base=self.scale.base)
            self.minor_locator = ticker.LogLocator(base=self.scale.base, subs="auto")
        elif self.scale.name == "symlog":
            self.major_locator = ticker.SymmetricalLogLocator(linthresh=self.scale.linthresh,
                                                              base=self.scale.base)
            self.major_formatter = ticker.LogFormatterSciNotation(base=self.scale.base)
            self.minor_locator = ticker.NullLocator()
        else:
            self.major_locator = ticker.AutoLocator()
            self.major_formatter = ticker.ScalarFormatter()
            self.minor_locator = ticker.NullLocator()

    # matplotlib's Axis API
    def set_label(self, label, fontsize=None, labelpad=None, color=None, **kwargs) -> None:
        """The axis label text, size (points or a name), padding (points) and color."""
        from .. import colors
        from .text import points

        unknown = set(kwargs) - {"fontweight", "loc", "rotation", "size"}
        if unknown:
            raise TypeError(f"set_{self.name}label: unexpected arguments {sorted(unknown)}")
        self.label = str(label)
        size = kwargs.get("size", fontsize)
        if size is not None:
            self.label_size = points(size)
        if labelpad is not None:
            self.labelpad = float(labelpad)
        if color is not None:
            self.label_color = colors.to_rgba(color, argname="color")

    def set_major_locator(self, locator) -> None:
        """The locator of the major ticks (``lumos.plot.ticker`` or matplotlib's)."""
        self.major_locator = locator

    def set_minor_locator(self, locator) -> None:
        """The locator of the minor ticks."""
        self.minor_locator = locator

    def set_major_formatter(self, formatter) -> None:
        """The formatter of the major tick labels: a Formatter, a format string or a function."""
        if callable(formatter) and not hasattr(formatter, "format_ticks"):
            formatter = ticker.FuncFormatter(formatter)
        elif isinstance(formatter, str):
            formatter = ticker.StrMethodFormatter(formatter)
        self.major_formatter = formatter

    def set_ticks_position(self, position: str) -> None:
        """'bottom' or 'top' (x), 'left' or 'right' (y): where ticks and labels go."""
        sides = ("bottom", "top") if self.name == "x" else ("left", "right")
        if position not in sides:
            raise ValueError(f"position: got {position!r}, expected {sides[0]!r} or "
                             f"{sides[1]!r}")
        self.ticks_position = position

    def tick_right(self) -> None:
        """Ticks and labels on the right."""
        self.set_ticks_position("right")

    def tick_left(self) -> None:
        """Ticks and labels on the left."""
        self.set_ticks_position("left")

    def tick_top(self) -> None:
        """Ticks and labels on top."""
        self.set_ticks_position("top")

    def tick_bottom(self) -> None:
        """Ticks and labels at the bottom."""
        self.set_ticks_position("bottom")

    def set_label_position(self, position: str) -> None:
        """Labels sit with the ticks here: this moves both to ``position``."""
        self.set_ticks_position(position)

    def get_ticklabels(self) -> list:
        """The current major tick labels (:class:`TickLabel`)."""
        values, labels, _, _ = self.ticks()
        return [TickLabel(self, text, float(v)) for v, text in zip(values, labels, strict=True)]

    def set_tick_params(self, **kwargs) -> None:
        """``ax.tick_params`` for this axis only."""
        self.axes.tick_params(self.name, **kwargs)

    def set_scale(self, name: str, **kwargs) -> None:
        """The scale: 'linear', 'log' or 'symlog' (``base``, ``linthresh``)."""
        self.scale = make_scale(name, **kwargs)
        self._set_default_ticker()

    def convert(self, values: np.ndarray) -> np.ndarray:
        """Data to float64 axis units: datetime64 becomes days since 1970 (matplotlib),
        strings become category positions."""
        from . import category

        if category.is_categorical(values):
            return category.convert(self, values)
        arr = np.asarray(values)
        if arr.dtype.kind == "M":
            if not self.is_date:
                self.is_date = True
                self._set_default_ticker()
            return ticker.date2num(arr)
        if arr.dtype.kind == "m":
            return arr / np.timedelta64(1, "D")
        return np.array(arr, dtype=float, copy=True)

    # limits
    def get_view_interval(self) -> tuple[float, float]:
        """(low, high) of the view in data units, ascending."""
        lo, hi = self.limits.lo, self.limits.hi
        if lo is None or hi is None:
            return (1.0, 10.0) if self.scale.name == "log" else (0.0, 1.0)
        return (lo, hi) if lo <= hi else (hi, lo)

    def scaled_interval(self) -> tuple[float, float]:
        """The view limits in scale space (log10 of them on a log axis)."""
        lo, hi = self.get_view_interval()
        with np.errstate(all="ignore"):
            s = self.scale.forward(np.array([lo, hi]))
        if not np.all(np.isfinite(s)):
            return 0.0, 1.0
        return float(s[0]), float(s[1])

    def set_limits(self, lo: float | None, hi: float | None, auto: bool = False) -> None:
        """New view limits (None keeps that end); ``auto`` keeps autoscaling on."""
        current = self.get_view_interval()
        lo = current[0] if lo is None else float(lo)
        hi = current[1] if hi is None else float(hi)
        if not (np.isfinite(lo) and np.isfinite(hi)):
            raise ValueError(f"{self.name}lim: got ({lo}, {hi}), expected finite limits")
        lo, hi = self.clip_limits(lo, hi)
        if self.scale.name == "log" and (lo <= 0 or hi <= 0):
            import warnings

            warnings.warn(f"{self.name}lim: non-positive limit on a log axis is ignored",
                          stacklevel=3)
            return
        if lo > hi:
            lo, hi = hi, lo
            self.inverted = not self.inverted
        if lo == hi:
            lo, hi = _expand_singular(lo, self.scale.name)
        self.limits.lo, self.limits.hi = lo, hi
        self.limits.auto = auto

    def clip_limits(self, lo: float, hi: float, warn: bool = True) -> tuple[float, float]:
        """Limits the transforms can divide by: within ±``LIMIT`` (with a warning; beyond,
        the span of the view or a margin overflows float64), and, as matplotlib's
        ``nonsingular``, a span too small for float64 widened (0..1e-308 gave an
        infinite scale)."""
        if max(abs(lo), abs(hi)) > LIMIT:
            if warn:
                import warnings

                warnings.warn(f"{self.name}lim: ({lo:g}, {hi:g}) clipped to ±{LIMIT:g}, the "
                              "range lumos's transforms can handle", stacklevel=3)
            lo, hi = float(np.clip(lo, -LIMIT, LIMIT)), float(np.clip(hi, -LIMIT, LIMIT))
        largest = max(abs(lo), abs(hi))
        if abs(hi - lo) < 1e-300 and largest < 1e-290:  # 1 / span would overflow
            return (-0.001, 0.001) if lo <= hi else (0.001, -0.001)
        if abs(hi - lo) <= largest * 1e-15:
            a, b = _expand_singular(min(lo, hi), self.scale.name)
            return (a, b) if lo <= hi else (b, a)
        return lo, hi

    def pixels_along(self, values) -> np.ndarray:
        """Figure pixels along this axis (x from the left, y from the bottom) of data
        values, through the axes' ``get_xaxis_transform``/``get_yaxis_transform``."""
        v = np.asarray(values, dtype=float).reshape(-1)
        zeros = np.zeros_like(v)
        if self.name == "x":
            return self.axes.get_xaxis_transform().forward(np.c_[v, zeros])[:, 0]
        return self.axes.get_yaxis_transform().forward(np.c_[zeros, v])[:, 1]

    def offset_visible(self, ticks) -> bool:
        """Whether the axis shows an offset text for these ticks."""
        return bool(self.show_labels and ticks.offset and len(ticks.labels))

    # ticks
    def tick_room(self) -> tuple[float, bool]:
        """Pixels along the axis and whether its labels stack vertically: how many ticks
        fit (3D axes count every axis as matplotlib's do, by the box width)."""
        box = self.axes.box
        return (box[2], False) if self.name == "x" else (box[3], self.name == "y")

    def ticks(self) -> tuple[np.ndarray, list[str], np.ndarray, str]:
        """(major values, labels, minor values, offset text) inside the view."""
        lo, hi = self.get_view_interval()
        length, vertical = self.tick_room()
        font_px = self.axes.figure.points_to_pixels(self.tick_size)
        # One figure draw asks for the ticks of an axis several times (both layout
        # passes, the grid, the decorations); during a draw they are computed once
        # per view and length. Outside a draw there is no memo: locators and
        # formatters may have changed since.
        memo = getattr(self.axes.figure, "_tick_memo", None)
        key = (id(self), lo, hi, length, font_px, self.scale.name, id(self.major_locator),
               id(self.minor_locator), id(self.major_formatter))
        if memo is not None and key in memo:
            major, labels, minor, offset = memo[key]
            return major.copy(), list(labels), minor.copy(), offset
        for locator in (self.major_locator, self.minor_locator):
            if hasattr(locator, "tick_space"):
                locator.tick_space = ticker.tick_space(length, font_px, vertical)
        log = self.scale.name == "log"
        major = ticker.visible(self.major_locator.tick_values(lo, hi), lo, hi, log=log)
        labels = list(self.major_formatter.format_ticks(major, lo, hi)) if major.size else []
        offset = self.major_formatter.get_offset() if hasattr(self.major_formatter,
                                                               "get_offset") else ""
        minor = ticker.visible(self.minor_locator.tick_values(lo, hi), lo, hi, log=log)
        minor = ticker.remove_overlapping_locs(minor, major)
        if memo is not None:
            memo[key] = (major.copy(), tuple(labels), minor.copy(), offset)
        return major, labels, minor, offset


def _expand_singular(v: float, scale: str) -> tuple[float, float]:
    """A usable range around a single value (matplotlib's nonsingular)."""
    if scale == "log":
        return v / 10, v * 10
    d = abs(v) * 0.05 if v != 0 else 0.05
    return v - d, v + d


class TickLabel:
    """One tick label as ``get_xticklabels()`` returns it. Tick labels are styled per
    axis here, so a setter restyles every label of the axis (what the usual loops
    ``for t in ax.get_xticklabels(): t.set_rotation(45)`` want)."""

    def __init__(self, axis: Axis, text: str, position: float) -> None:
        self.axis = axis
        self._text = text
        self._position = position

    def get_text(self) -> str:
        return self._text

    def get_position(self) -> tuple[float, float]:
        return (self._position, 0.0) if self.axis.name == "x" else (0.0, self._position)

    def set_rotation(self, rotation) -> None:
        self.axis.axes.tick_params(self.axis.name, labelrotation=float(rotation))

    def set_fontsize(self, size) -> None:
        self.axis.axes.tick_params(self.axis.name, labelsize=size)

    set_size = set_fontsize

    def set_color(self, color) -> None:
        self.axis.axes.tick_params(self.axis.name, labelcolor=color)

    def set_horizontalalignment(self, ha: str) -> None:
        if ha not in ("left", "center", "right"):
            raise ValueError(f"ha: got {ha!r}, expected 'left', 'center' or 'right'")
        self.axis.tick_ha = ha

    set_ha = set_horizontalalignment

    def set_visible(self, visible: bool) -> None:
        self.axis.show_labels = bool(visible)

    def __repr__(self) -> str:
        return f"TickLabel({self._text!r})"

