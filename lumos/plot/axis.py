"""One axis of an Axes: scale, limits, locators, formatters, tick styles and labels.

Ticks are styled as matplotlib's ``tick_params`` does, separately for major and minor
ticks (:class:`TickStyle`): length, width, colors, direction, pad, label size and
rotation, and on which side ticks and labels are drawn (``tick1On``/``tick2On``:
bottom/top for x, left/right for y; ``label1On``/``label2On``). Single ticks and labels
can be restyled by index (``ax.get_xticklabels()[0].set_visible(False)``). Locators
and formatters are lumos's (:mod:`lumos.plot.ticker`) or matplotlib's own objects
(through :mod:`lumos.plot.mpl_ticker`).
"""

from __future__ import annotations

import math

import numpy as np

from .. import colors
from . import ticker, validate
from .axis_limits import AxisLimits, Limits
from .axis_tick_style import _SIDES, AxisTickStyle, TickStyle
from .fonts import check_weight, rc_font
from .mpl_ticker import (
    AxisAdapter,
    MatplotlibFormatter,
    MatplotlibLocator,
    is_matplotlib,
    lumos_twin,
)
from .patch_style import rc
from .scale import LinearScale, make_scale
from .style import font_points, rcParams
from .ticklabels import AxisLabel, OffsetText, Tick, TickLabel
from .units import AxisUnits, user_converter


class Axis(AxisUnits, AxisTickStyle, AxisLimits):
    """The x or y axis of an Axes.

    Holds the scale, the view limits (data units), tick locators and formatters
    (matplotlib's ``set_major_locator`` & co.), tick styles (:class:`TickStyle`), the
    label and where ticks, labels and the label are drawn.
    """

    def __init__(self, axes, name: str) -> None:
        self.axes = axes
        self.name = name
        self.scale = LinearScale()
        self.own_limits()
        self.is_date = False
        self.units = None  # the categories of a category axis (lumos.plot.category)
        self.visible = True
        #: the axes labels drawn in line with this one's (Figure.align_xlabels/ylabels),
        #: one list shared by its members, as matplotlib's figure label Grouper
        self.label_group: list[Axis] = [self]
        self._init_label()
        self.major = TickStyle(name, "major")
        self.minor = TickStyle(name, "minor")
        self.overrides: dict[tuple, dict] = {}  # (which, index, part) -> properties
        self._user_tickers: set[str] = set()  # tickers a script set (kept by axis_date)
        self._set_default_ticker()

    def own_limits(self) -> None:
        """Limits of this axis alone: automatic, none yet, not inverted."""
        self.limits = Limits()
        self.limits.members.append(self)
        self.inverted = False

    def _init_label(self) -> None:
        """The label and the offset text as rcParams make them, with no text."""
        self.label_text = ""
        self._label_default = True
        # rcParams' font family and style, and axes.labelweight (not font.weight), as
        # matplotlib's Axis makes its label
        style, family = rc_font("style"), rc_font("family")
        weight = rcParams["axes.labelweight"]
        self.label_style: dict = {k: v for k, v in (
            ("style", style), ("family", family),
            ("weight", None if weight in ("normal", 400) else check_weight(weight)))
            if v is not None}
        # pickers of the label ("label") and of tick labels ((which, index, side))
        self.text_pickers: dict = {}
        self.label_size = font_points(rcParams["axes.labelsize"])
        self.label_color = colors.to_rgba(rc("axes.labelcolor", "black"))
        self.labelpad = float(rcParams["axes.labelpad"])
        # how the label clears the tick labels of an x axis: their boxes ("box", as
        # matplotlib's Axis) or their ink ("ink", as matplotlib's axisartist measures them)
        self.ticklabel_clearance = "box"
        self.label_position = _SIDES.get(self.name, _SIDES["x"])[0]  # 3D: all are x
        self.label_coords: tuple[float | None, float | None] | None = None
        self.label_loc = "center"
        # the offset text is a plain Text in matplotlib: rcParams' font family, weight and
        # style
        self.offset_style: dict = {k: v for k, v in (
            ("style", style), ("family", family), ("weight", rc_font("weight")))
            if v is not None}
        self.offset_side = 1

    def clear(self) -> None:
        """matplotlib's ``Axis.clear``: the label and offset text, the scale (linear,
        for every axis sharing this one's limits), the locators and formatters, the grid
        (rcParams) and the units are reset; the tick styles (``tick_params``) are kept, as
        matplotlib keeps them. The limits are the axes' to reset (``Axes.cla``)."""
        self._init_label()
        self.is_date = False
        self.units = None
        for which in ("major", "minor"):
            getattr(self, which).gridOn = TickStyle(self.name, which).gridOn
        self.scale = LinearScale()
        for member in self.limits.members:
            member.scale = self.scale
            member._set_default_ticker()

    # -- changes ---------------------------------------------------------------------
    def changed(self) -> None:
        """Something the frame draws changed."""
        ax = self.axes
        if ax is not None and hasattr(ax, "_artist_changed"):
            ax._artist_changed(None)

    def _set_default_ticker(self, keep_user: bool = False) -> None:
        """The scale's (or the date unit's) locators and formatters. ``keep_user``: keep
        those a script set (matplotlib's ``isDefault_majloc`` & co.: dates arriving after
        ``set_major_formatter`` leave the formatter as it is)."""
        user = set(self._user_tickers) if keep_user else set()
        if self.is_date:
            locator = ticker.AutoDateLocator()
            # matplotlib's default: AutoDateFormatter; 'concise' asks for the short labels
            concise = rcParams["date.converter"] == "concise"
            defaults = {"major_locator": locator,
                        "major_formatter": (ticker.ConciseDateFormatter if concise else
                                            ticker.AutoDateFormatter)(locator),
                        "minor_locator": ticker.NullLocator(),
                        "minor_formatter": ticker.NullFormatter()}
            for name, value in defaults.items():
                if name not in user:
                    setattr(self, name, value)
        else:
            major, fmt, minor, minor_fmt = self.scale.default_tickers()
            # each member of a shared group is reset by its own call (set_scale, clear)
            self._set_ticker("major_locator", major, shared=False)
            self._set_ticker("major_formatter", fmt, shared=False)
            self._set_ticker("minor_locator", minor, shared=False)
            self._set_ticker("minor_formatter", minor_fmt, shared=False)
            if rc(f"{self.name}tick.minor.visible", False) and \
                    isinstance(self.minor_locator, ticker.NullLocator):
                self.minor_locator = ticker.AutoMinorLocator()
        self._user_tickers = user
        self.overrides.clear()

    def share_tickers(self, other: Axis) -> None:
        """The scale's default tickers, except those a script set on ``other`` (shared
        axes share one ``Ticker`` in matplotlib: ``psd``'s fixed ticks stay on the axes
        sharing its y, and on an axes sharing with itself)."""
        user = {name: getattr(other, name) for name in sorted(other._user_tickers)}
        self._set_default_ticker()
        for name, value in user.items():
            setattr(self, name, value)
        self._user_tickers = set(user)

    # -- the label -------------------------------------------------------------------
    @property
    def label(self) -> AxisLabel:
        """The label, with matplotlib's Text setters and getters: one object per axis,
        as matplotlib's Text (``get_text()`` is its text)."""
        label = self.__dict__.get("_label")
        if label is None:
            label = self._label = AxisLabel(self)
        return label

    @label.setter
    def label(self, text) -> None:
        self.label_text = "" if text is None else str(text)

    def set_label(self, label, fontsize=None, labelpad=None, color=None, **kwargs) -> None:
        """The axis label text, size (points or a name), padding (points), color, and
        matplotlib's other Text keywords (fontweight, fontstyle, family, rotation, loc)."""
        from .text import TEXT_ALIASES, points

        kwargs = {TEXT_ALIASES.get(k, k): v for k, v in kwargs.items()}
        fontdict = kwargs.pop("fontdict", None) or {}
        kwargs = {**{TEXT_ALIASES.get(k, k): v for k, v in fontdict.items()}, **kwargs}
        loc = kwargs.pop("loc", None)
        if loc is not None:
            allowed = ("left", "center", "right") if self.name == "x" else \
                ("bottom", "center", "top")
            if loc not in allowed:
                raise ValueError(f"loc: got {loc!r}, expected one of {allowed}")
            self.label_loc = loc
        size = kwargs.pop("fontsize", fontsize)
        self.label_text = "" if label is None else str(label)
        self._label_default = False  # the script's label: a unit's never replaces it
        if size is not None:
            self.label_size = points(size)
        if labelpad is not None:
            self.labelpad = float(labelpad)
        color = kwargs.pop("color", color)
        if color is not None:
            self.label_color = colors.to_rgba(color, argname="color")
        lab = self.label
        for key, value in kwargs.items():
            setter = getattr(lab, f"set_{key}", None)
            if setter is None or key == "text":
                raise TypeError(f"set_{self.name}label: unexpected keyword argument {key!r}")
            setter(value)
        self.changed()

    set_label_text = set_label

    def get_label_text(self) -> str:
        """The axis label's text."""
        return self.label_text

    @property
    def drawn_label(self) -> str:
        """The label's text as drawn and measured: '' while it is hidden
        (``axis.label.set_visible(False)``)."""
        return self.label_text if self.label_style.get("visible", True) else ""

    def get_label(self) -> AxisLabel:
        """The axis label (``axis.label``)."""
        return self.label

    def set_label_position(self, position: str) -> None:
        """Which side the axis label sits on ('bottom'/'top' or 'left'/'right'); the
        ticks stay where they are, as in matplotlib."""
        if position not in _SIDES[self.name]:
            raise ValueError(f"position: got {position!r}, expected one of "
                             f"{_SIDES[self.name]}")
        self.label_position = position
        self.changed()

    def get_label_position(self) -> str:
        """The side the axis label sits on."""
        return self.label_position

    def set_label_coords(self, x, y, transform=None) -> None:
        """Put the label's centre at (x, y) in axes fractions (matplotlib's default
        transform); None keeps that coordinate automatic."""
        if transform is not None:
            raise TypeError("set_label_coords: transform is not supported; give axes "
                            "fractions")
        old = self.label_coords or (None, None)
        self.label_coords = (old[0] if x is None else float(x),
                             old[1] if y is None else float(y))
        self.changed()

    def get_offset_text(self) -> OffsetText:
        """The offset text (``x10^4``, ``+1e3``) with Text setters."""
        return OffsetText(self)

    @property
    def offsetText(self) -> OffsetText:  # noqa: N802
        """The offset text (matplotlib's attribute)."""
        return OffsetText(self)

    # -- tickers ---------------------------------------------------------------------
    def _locator(self, locator):
        """The offset text (matplotlib's attribute)."""
        if is_matplotlib(locator):
            return MatplotlibLocator(locator, self)
        if not callable(getattr(locator, "tick_values", None)):
            raise TypeError(f"locator: got {type(locator).__name__}, expected a Locator")
        return locator

    def _formatter(self, formatter):
        if is_matplotlib(formatter):
            return lumos_twin(formatter) or MatplotlibFormatter(formatter, self)
        if isinstance(formatter, str):
            return ticker.StrMethodFormatter(formatter)
        if callable(formatter) and not hasattr(formatter, "format_ticks"):
            return ticker.FuncFormatter(formatter)
        if not hasattr(formatter, "format_ticks"):
            raise TypeError(f"formatter: got {type(formatter).__name__}, expected a "
                            "Formatter, a format string or a function")
        return formatter

    def set(self, **kwargs) -> None:
        """Several properties at once, each by its setter (matplotlib's ``Artist.set``):
        ``ax.xaxis.set(major_locator=..., major_formatter=...)``."""
        validate.set_by_setters(self, kwargs, "Axis.set")

    def _set_ticker(self, name: str, value, shared: bool = True) -> None:
        """Set one of the four tickers (``major_locator``, ...) as a script's. ``shared``:
        on every axis sharing this one's limits too, as shared axes share one ``Ticker``
        in matplotlib (``set_yticklabels([])`` on one of ``sharey`` axes clears them
        all; ``set_xticks`` on one ticks them all)."""
        for member in self.limits.members if shared else [self]:
            wrap = member._locator if name.endswith("locator") else member._formatter
            setattr(member, name, wrap(value))
            member._user_tickers.add(name)
            fmt = getattr(member, "major_formatter", None)  # None while being made
            if name == "major_locator" and isinstance(getattr(fmt, "locator", None),
                                                      ticker.Locator):
                # matplotlib's Formatter._set_locator: a date formatter reads the unit
                # of the locator on the axis ('%Y-%m' for monthly ticks)
                fmt.locator = member.major_locator
            member.changed()

    def set_major_locator(self, locator) -> None:
        """The locator of the major ticks (lumos's or matplotlib's), of every axis
        sharing this one."""
        self._set_ticker("major_locator", locator)

    def set_minor_locator(self, locator) -> None:
        """The locator of the minor ticks, of every axis sharing this one."""
        self._set_ticker("minor_locator", locator)

    def minorticks_on(self) -> None:
        """Minor ticks on this axis, unless it has a minor locator already: subdivisions
        of the major steps, 2..9 per decade on a log axis (none on a date axis)."""
        if not isinstance(self.minor_locator, ticker.NullLocator):
            return
        if self.scale.name == "symlog":
            self.set_minor_locator(ticker.SymmetricalLogLocator(
                linthresh=self.scale.linthresh, base=self.scale.base,
                subs=np.arange(2, self.scale.base)))
        elif self.scale.name == "log":
            self.set_minor_locator(ticker.LogLocator(base=self.scale.base, subs="auto"))
        elif not self.is_date:
            self.set_minor_locator(ticker.AutoMinorLocator())

    def minorticks_off(self) -> None:
        """No minor ticks on this axis."""
        self.set_minor_locator(ticker.NullLocator())

    def set_major_formatter(self, formatter) -> None:
        """The formatter of the major tick labels, of every axis sharing this one: a
        Formatter (lumos's or matplotlib's), a format string or a function."""
        self._set_ticker("major_formatter", formatter)

    def set_minor_formatter(self, formatter) -> None:
        """The formatter of the minor tick labels, of every axis sharing this one."""
        self._set_ticker("minor_formatter", formatter)

    def get_major_locator(self):
        """The major locator (matplotlib's own object when one was given)."""
        return getattr(self.major_locator, "source", self.major_locator)

    def get_minor_locator(self):
        """The minor locator."""
        return getattr(self.minor_locator, "source", self.minor_locator)

    def get_major_formatter(self):
        """The major formatter (matplotlib's own object when one was given)."""
        return getattr(self.major_formatter, "source", self.major_formatter)

    def get_minor_formatter(self):
        """The minor formatter."""
        return getattr(self.minor_formatter, "source", self.minor_formatter)

    def set_ticks(self, ticks, labels=None, *, minor: bool = False, **kwargs) -> None:
        """Ticks at fixed positions, with labels and label style (matplotlib's
        ``set_xticks``)."""
        from .artists import as_1d

        values = self.convert(as_1d(ticks, "ticks"))
        locator = ticker.FixedLocator(values)
        self._show_ticks(np.asarray(values, dtype=float))
        if minor:
            self.set_minor_locator(locator)
        else:
            self.set_major_locator(locator)
        if labels is not None:
            self.set_ticklabels(labels, minor=minor, **kwargs)
        elif kwargs:
            raise TypeError("set_ticks: label keywords need labels (use tick_params to "
                            f"style the labels): got {sorted(kwargs)}")

    def _show_ticks(self, values: np.ndarray) -> None:
        """Widen the view to show every tick, as matplotlib's ``set_ticks`` does (even
        past limits set by hand); it never narrows it, keeps the direction and leaves
        autoscaling on, so a later fit asked for (a new plot) undoes it as there."""
        dlo, dhi = self.scale.domain
        values = values[np.isfinite(values) & (values > dlo) & (values < dhi)]
        if not values.size:
            return
        self.axes._autoscale(keep_held=True)  # the view as it is now: pending fits made
        self.axes._view_read()  # and kept (matplotlib's set_ticks reads the view)
        lo, hi = self.get_view_interval()
        new = (min(lo, float(values.min())), max(hi, float(values.max())))
        if new == (lo, hi):
            return
        self.limits.lo, self.limits.hi = new
        self.limits.held = True
        for member in self.limits.members:
            member.axes.notify_limits()

    def set_ticklabels(self, labels, *, minor: bool = False, fontdict=None, **kwargs) -> None:
        """Labels for the current ticks, and matplotlib's Text keywords styling them."""
        labels = [str(getattr(s, "get_text", lambda s=s: s)()) for s in labels]
        locator = self.minor_locator if minor else self.major_locator
        count = getattr(locator, "given_count", None)
        if count is not None and labels and len(labels) != count:
            # matplotlib's: fixed ticks get one label each (set_xticks then labels)
            raise ValueError(f"labels: got {len(labels)} labels for {count} ticks set "
                             "(set_ticks); expected one label per tick")
        order = getattr(locator, "given_order", None)
        if order is not None and len(labels) == locator.given_count:
            # the locator drops non-finite ticks; label i belongs to the i-th tick given
            labels = [labels[i] for i in order]
        # matplotlib's: no labels is a NullFormatter
        fmt = ticker.FixedFormatter(labels) if labels else ticker.NullFormatter()
        if minor:
            self.set_minor_formatter(fmt)
        else:
            self.set_major_formatter(fmt)
        self.style_ticklabels("minor" if minor else "major", {**(fontdict or {}), **kwargs})

    def get_children(self) -> list:
        """The label, the offset text and the major and minor ticks (matplotlib's)."""
        return [self.get_label(), self.get_offset_text(), *self.get_major_ticks(),
                *self.get_minor_ticks()]

    def get_major_ticks(self, numticks: int | None = None) -> list[Tick]:
        """The major ticks (:class:`Tick`), ``numticks`` of them when given: one per
        tick of the locator, those just beyond the view included (matplotlib's)."""
        values, labels = self.tick_lists()[:2]
        n = len(values) if numticks is None else int(numticks)
        return [Tick(self, "major", i, labels[i] if i < len(labels) else "",
                     float(values[i]) if i < len(values) else math.nan) for i in range(n)]

    def get_minor_ticks(self, numticks: int | None = None) -> list[Tick]:
        """The minor ticks (:class:`Tick`), ``numticks`` of them when given (those just
        beyond the view included)."""
        values, labels = self._minor_labels()
        n = len(values) if numticks is None else int(numticks)
        return [Tick(self, "minor", i, labels[i] if i < len(labels) else "",
                     float(values[i]) if i < len(values) else math.nan) for i in range(n)]

    def get_ticklines(self, minor: bool = False) -> list:
        """The tick lines (:class:`TickMark`), two a tick (first side, second side), of the
        major ticks or, with ``minor=True``, the minor ones; setters restyle one each."""
        ticks = self.get_minor_ticks() if minor else self.get_major_ticks()
        return [mark for t in ticks for mark in (t.tick1line, t.tick2line)]

    def get_majorticklines(self) -> list:
        """The major tick lines."""
        return self.get_ticklines()

    def get_minorticklines(self) -> list:
        """The minor tick lines."""
        return self.get_ticklines(minor=True)

    def get_gridlines(self) -> list:
        """The grid lines of the major ticks (:class:`GridLine`), one a tick."""
        return [t.gridline for t in self.get_major_ticks()]

    def get_ticklabels(self, minor: bool = False, which: str | None = None) -> list:
        """The current tick labels (:class:`TickLabel`), one per tick of
        :meth:`get_ticklocs` (those just beyond the view included, as matplotlib's)
        whose label is shown: the first side's (bottom/left) then the second side's,
        as matplotlib's; setters restyle one tick each."""
        which = which or ("minor" if minor else "major")
        if which == "both":
            return self.get_ticklabels(which="major") + self.get_ticklabels(which="minor")
        if which == "major":
            values, labels = self.tick_lists()[:2]
        else:
            values, labels = self._minor_labels()
        # matplotlib's lists the labels shown only: a side turned off, or one label
        # hidden by set_visible(False), drops out of the list
        return [lab for side in (1, 2)
                for lab in (TickLabel(self, which, i, text, float(v), side)
                            for i, (v, text) in enumerate(zip(values, labels, strict=True)))
                if lab.get_visible()]

    def pick_candidates(self) -> list:
        """The label and the tick labels given a picker (what a click may pick)."""
        out = [self.label] if "label" in self.text_pickers else []
        for which in ("major", "minor"):
            if any(k[0] == which for k in self.text_pickers if k != "label"):
                out += [lab for lab in self.get_ticklabels(which=which)
                        if lab.pick_key() in self.text_pickers]
        return out

    def get_majorticklabels(self) -> list:
        """The major tick labels."""
        return self.get_ticklabels()

    def get_minorticklabels(self) -> list:
        """The minor tick labels."""
        return self.get_ticklabels(minor=True)

    def get_ticklocs(self, *, minor: bool = False) -> np.ndarray:
        """The tick positions (major, or minor with ``minor=True``): every tick of the
        locator, those just beyond the view included (matplotlib's)."""
        return self.get_minorticklocs() if minor else self.get_majorticklocs()

    def get_majorticklocs(self) -> np.ndarray:
        """The major tick positions (the locator's, those just beyond the view
        included)."""
        return self.tick_lists()[0].copy()

    def locate(self, which: str = "major") -> np.ndarray:
        """Every tick the ``which`` locator gives for the view (those just beyond it
        included) without asking the other locator: what a matplotlib AutoMinorLocator
        reads as the major ticks while the minor ones are being placed."""
        return self._locate(getattr(self, f"{which}_locator"), False)

    def get_minorticklocs(self) -> np.ndarray:
        """The minor tick positions (the locator's, none on a major tick)."""
        return self.tick_lists()[3].copy()

    # -- visibility, grid, inversion ---------------------------------------------------
    def set_visible(self, visible: bool) -> None:
        """Whether the axis (ticks, labels) is drawn."""
        self.visible = bool(visible)
        self.changed()

    def get_visible(self) -> bool:
        """Whether the axis (ticks, labels) is drawn."""
        return self.visible

    def get_zorder(self) -> float:
        """matplotlib's zorder of the axis (ticks, labels, grid) from the axes'
        ``axisbelow``: 0.5 (True), 1.5 ('line', the default) or 2.5 (False)."""
        return axis_zorder(self.axes.get_axisbelow())

    def grid(self, visible: bool | None = None, which: str = "major", **kwargs) -> None:
        """Grid lines at this axis's ticks (matplotlib's ``Axis.grid``)."""
        self.axes.grid(visible, which=which, axis=self.name, **kwargs)

    def set_inverted(self, inverted: bool) -> None:
        """Whether the axis runs backwards."""
        self.inverted = bool(inverted)
        self.changed()

    def get_inverted(self) -> bool:
        """Whether the axis runs backwards."""
        return self.inverted

    def set_scale(self, name, **kwargs) -> None:
        """The scale (a name with matplotlib's keywords, or a scale object)."""
        self.scale = make_scale(name, **kwargs)
        self._set_default_ticker()

    def get_transform(self):
        """The scale's transform (matplotlib's): ``.transform(values)``, ``.inverted()``,
        and the scale's parameters (``linthresh``, ``base``, ...)."""
        return self.scale.get_transform()

    def get_scale(self) -> str:
        """The scale's name."""
        return self.scale.name

    def axis_date(self, tz=None) -> None:
        """Treat the values as dates (days since 1970), as matplotlib's ``axis_date``."""
        if tz is not None:
            raise TypeError("axis_date: tz is not supported; lumos shows dates in UTC")
        if not self.is_date:
            self.is_date = True
            self._set_default_ticker(keep_user=True)

    def convert(self, values: np.ndarray) -> np.ndarray:
        """Data to float64 axis units: datetime64 becomes days since 1970 (matplotlib),
        strings become category positions."""
        from . import category

        if user_converter(values) is not None:  # a script's unit converter takes them
            return self.convert_units(values)
        if category.is_categorical(values):
            return category.convert(self, values)
        arr = np.asarray(values)
        if arr.dtype == object:
            try:
                return arr.astype(float)
            except (TypeError, ValueError):
                try:  # datetime.date / datetime objects, as matplotlib's converter takes
                    arr = np.asarray(values, dtype="datetime64[us]")
                except (TypeError, ValueError):
                    raise TypeError(f"{self.name}: got non-numeric values, expected "
                                    "numbers or dates") from None
        if arr.dtype.kind == "M":
            if not self.is_date:
                self.axis_date()
                self._registered_date_tickers(values)
            return ticker.date2num(arr)
        if arr.dtype.kind == "m":
            return arr / np.timedelta64(1, "D")
        return np.array(arr, dtype=float, copy=True)

    def _registered_date_tickers(self, values) -> None:
        """The locator and formatter of a date converter the script registered
        (matplotlib's ``ConciseDateConverter``), where the script set none."""
        from .units import registered_date_converter

        converter = registered_date_converter(values)
        if converter is None:
            return
        info = converter.axisinfo(None, AxisAdapter(self))
        if info is None:
            return
        if info.majloc is not None and "major_locator" not in self._user_tickers:
            self.major_locator = self._locator(info.majloc)
        if info.majfmt is not None and "major_formatter" not in self._user_tickers:
            self.major_formatter = self._formatter(info.majfmt)

    def offset_visible(self, ticks) -> bool:
        """Whether the axis shows an offset text for these ticks."""
        return bool(self.show_labels and ticks.offset and len(ticks.labels)
                    and self.offset_style.get("visible", True))

    # -- ticks -----------------------------------------------------------------------
    def tick_room(self) -> tuple[float, bool]:
        """Pixels along the axis and whether its labels stack vertically: how many ticks
        fit (3D axes count every axis as matplotlib's do, by the box width)."""
        box = self.axes.box
        return (box[2], False) if self.name == "x" else (box[3], self.name == "y")

    def tick_space(self) -> int:
        """How many ticks fit on the axis (matplotlib's ``get_tick_space``)."""
        length, vertical = self.tick_room()
        font_px = self.axes.figure.points_to_pixels(self._tick_space_size())
        return ticker.tick_space(length, font_px, vertical)

    def _tick_space_size(self) -> float:
        """The label size (points) ``tick_space`` counts with, matplotlib's: the size
        ``tick_params`` gave, else rcParams["xtick.labelsize"] of now, not the labels'
        own size (a figure made in a style context and drawn after it counts its ticks
        with the size of the draw: gallery style_sheets_reference)."""
        size = self.major.params_labelsize
        return font_points(rc(f"{self.name}tick.labelsize", self.major.labelsize)) \
            if size is None else size

    def _visible(self, values) -> np.ndarray:
        """The tick values inside the view (a little tolerance, in scale space)."""
        v = np.asarray(values, dtype=float).ravel()
        return v[self._in_view(v)] if len(v) else v

    def _in_view(self, v: np.ndarray) -> np.ndarray:
        s0, s1 = sorted(self.scaled_interval())
        with np.errstate(all="ignore"):
            sv = self.scale.forward(v)
        tol = 1e-10 * ((s1 - s0) or 1.0)
        return np.isfinite(sv) & (sv >= s0 - tol) & (sv <= s1 + tol)

    def _locate(self, locator, visible: bool = True) -> np.ndarray:
        lo, hi = self.get_view_interval()
        if hasattr(locator, "tick_space"):
            locator.tick_space = self.tick_space()
        if isinstance(locator, ticker.AutoMinorLocator) and locator.major is None:
            # matplotlib's divides the axis's own major steps (none set: no minor ticks)
            values = locator.tick_values(lo, hi, self._locate(self.major_locator, False))
        else:
            values = locator.tick_values(lo, hi)
        return self._visible(values) if visible else np.asarray(values, dtype=float).ravel()

    def view_limits(self, lo: float, hi: float) -> tuple[float, float]:
        """Automatic limits for data (margins added) from ``lo`` to ``hi``, as the major
        locator rounds them (matplotlib's ``locator.view_limits``; a matplotlib locator
        given leaves them as they are)."""
        locator = self.major_locator
        if not hasattr(locator, "view_limits"):
            return lo, hi
        if rcParams["axes.autolimit_mode"] == "round_numbers":  # the ticks that fit
            locator.tick_space = self.tick_space()
        return tuple(float(v) for v in locator.view_limits(lo, hi))

    def _memo_key(self, what: str):
        """(the figure's tick memo, this axis's key in it): one figure draw asks for the
        ticks of an axis several times (both layout passes, the grid, the decorations);
        during a draw they are computed once per view and length. Outside a draw there
        is no memo (None): locators and formatters may have changed since."""
        memo = getattr(self.axes.figure, "_tick_memo", None)
        if memo is None:
            return None, None
        lo, hi = self.get_view_interval()
        length, _ = self.tick_room()
        return memo, (what, id(self), lo, hi, length, self._tick_space_size(), id(self.scale),
                      id(self.major_locator), id(self.minor_locator), id(self.major_formatter),
                      id(self.minor_formatter))

    def tick_lists(self) -> tuple:
        """Every tick the locators give for the view, those just beyond it included
        (matplotlib's ``get_majorticklocs``/``get_minorticklocs``: the locator's own
        list, minor ticks on a major one dropped), with which of them are inside the
        view: (major values, their labels, major in view, minor values, minor in view,
        offset text). The formatter labels them all, as matplotlib's ``_update_ticks``
        does (a FixedFormatter's i-th label is the i-th tick's, in view or not);
        labels restyled one by one (``get_xticklabels()[i].set_text``) go by that
        index."""
        memo, key = self._memo_key("all")
        if memo is not None and key in memo:
            return memo[key]
        lo, hi = self.get_view_interval()
        major = self._locate(self.major_locator, visible=False)
        labels = list(self.major_formatter.format_ticks(major, lo, hi)) if major.size else []
        offset = self.major_formatter.get_offset() if hasattr(self.major_formatter,
                                                               "get_offset") else ""
        for i in range(len(labels) if self.overrides else 0):  # most axes restyle none
            text = self.tick_override("major", i, "label1", "text")
            if text is not None:
                labels[i] = text
        minor = ticker.remove_overlapping_locs(self._locate(self.minor_locator, False), major,
                                               view=(lo, hi), forward=self.scale.forward)
        out = (major, tuple(labels), self._in_view(major) if major.size else
               np.zeros(0, bool), minor, self._in_view(minor) if minor.size else
               np.zeros(0, bool), offset)
        if memo is not None:
            memo[key] = out
        return out

    def tick_index(self, which: str = "major") -> np.ndarray:
        """Where the ticks inside the view (:meth:`ticks`) stand among every tick of the
        locator (:meth:`get_ticklocs`): the index a tick's restyling goes by."""
        inside = self.tick_lists()[2 if which == "major" else 4]
        return np.flatnonzero(inside)

    def ticks(self) -> tuple[np.ndarray, list[str], np.ndarray, str]:
        """(major values, labels, minor values, offset text) inside the view."""
        major, labels, inside, minor, minor_inside, offset = self.tick_lists()
        return (major[inside], [t for t, k in zip(labels, inside.tolist(), strict=True) if k],
                minor[minor_inside], offset)

    def minor_ticks(self) -> tuple[np.ndarray, list[str]]:
        """(minor values, labels) inside the view; labels are empty without a minor
        formatter."""
        values, labels = self._minor_labels()
        inside = self.tick_lists()[4]
        return values[inside], [t for t, k in zip(labels, inside.tolist(), strict=True) if k]

    def _minor_labels(self) -> tuple[np.ndarray, list[str]]:
        """Every minor tick of the locator and its label (the formatter sees them all,
        as matplotlib's: which minor ticks a log or logit formatter labels depends on
        them all)."""
        memo, key = self._memo_key("minor")
        if memo is not None and key in memo:
            minor, labels = memo[key]
            return minor, list(labels)
        minor = self.tick_lists()[3]
        lo, hi = self.get_view_interval()
        if isinstance(self.minor_formatter, ticker.NullFormatter) or not minor.size:
            labels = [""] * len(minor)
        else:
            labels = list(self.minor_formatter.format_ticks(minor, lo, hi))
        if memo is not None:
            memo[key] = (minor, tuple(labels))
        return minor, labels


def axis_zorder(below) -> float:
    """The zorder matplotlib gives an axis (and its grid lines) from ``axisbelow``:
    under everything but images (True, 0.5), between patches and lines ('line', 1.5),
    or over lines (False, 2.5)."""
    return 0.5 if below is True else 1.5 if below == "line" else 2.5
