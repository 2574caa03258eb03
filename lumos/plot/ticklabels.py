"""Text-like handles on an axis's parts, as matplotlib gives them: tick labels and ticks
(``ax.get_xticklabels()``, ``ax.xaxis.get_major_ticks()``), the axis label
(``ax.xaxis.label``) and the offset text (``ax.yaxis.get_offset_text()``).

They hold no drawing of their own: each setter writes the style into its axis (per tick,
by index, as matplotlib reuses its Tick objects by index), and the axis draws from it.
"""

from __future__ import annotations

from .. import colors
from . import validate
from .text_getters import TextGetters, TextPicking


def _rotation(rotation, argument: str = "rotation") -> float:
    """Degrees from a number, 'horizontal' or 'vertical' (anything else: ValueError
    naming ``argument``)."""
    if rotation is None:
        return 0.0
    rotation = validate.rotation(rotation, argument)
    return {"horizontal": 0.0, "vertical": 90.0}.get(rotation, rotation)


_HA = ("left", "center", "right")
_VA = ("top", "center", "bottom", "baseline", "center_baseline")


class _TextStyle(TextGetters):
    """Setters and getters shared by the text-like handles: each setter writes one key
    with ``_put``, each getter reads one with ``_get``."""

    stands_for = "Text"  # matplotlib's class (lumos.plot.introspect.findobj)

    def _put(self, key: str, value) -> None:
        raise NotImplementedError

    def _get(self, key: str, default=None):
        raise NotImplementedError

    def set_rotation(self, rotation) -> None:
        self._put("rotation", _rotation(rotation))

    def get_rotation(self) -> float:
        return float(self._get("rotation", 0.0))

    def set_rotation_mode(self, mode) -> None:
        if mode not in (None, "default", "anchor", "xtick", "ytick"):
            raise ValueError(f"rotation_mode: got {mode!r}, expected 'default' or 'anchor'")
        self._put("rotation_mode", mode)

    def set_fontsize(self, size) -> None:
        from .text import points

        self._put("size", points(size))

    set_size = set_fontsize

    def get_fontsize(self) -> float:
        return float(self._get("size"))

    get_size = get_fontsize

    def set_color(self, color) -> None:
        self._put("color", colors.to_rgba(color, argname="color"))

    def get_color(self):
        return self._get("color")

    def set_alpha(self, alpha) -> None:
        self._put("alpha", None if alpha is None else float(alpha))

    def get_alpha(self) -> float | None:
        """The text's opacity (None: its color's)."""
        return self._get("alpha")

    def get_fontweight(self) -> str | int:
        """The font weight as set (a name such as 'bold', or a number 0..1000), else
        'normal'."""
        w = self._get("weight")
        return "normal" if w is None else w

    def get_fontstyle(self) -> str:
        """'normal', 'italic' or 'oblique'."""
        return self._get("style") or "normal"

    def get_fontfamily(self) -> list:
        """The font families, first preferred."""
        return list(self._get("family") or ("sans-serif",))

    def set_fontweight(self, weight) -> None:
        from .fonts import check_weight

        self._put("weight", check_weight(weight))

    set_weight = set_fontweight

    def set_fontstyle(self, style) -> None:
        from .fonts import check_style

        self._put("style", check_style(style))

    set_style = set_fontstyle

    def set_fontfamily(self, family) -> None:
        from .fonts import check_family

        self._put("family", check_family(family))

    set_family = set_fontfamily
    set_fontname = set_fontfamily

    def set_fontproperties(self, fp) -> None:
        """Family, style, weight and size from a FontProperties (lumos's or
        matplotlib's), a dict or a family name (what it leaves None stays)."""
        from .fonts import FontProperties

        FontProperties.coerce(fp).apply_to(self)

    set_font_properties = set_fontproperties

    def set_horizontalalignment(self, ha: str) -> None:
        if ha not in _HA:
            raise ValueError(f"ha: got {ha!r}, expected 'left', 'center' or 'right'")
        self._put("ha", ha)

    set_ha = set_horizontalalignment

    def set_verticalalignment(self, va: str) -> None:
        if va not in _VA:
            raise ValueError(f"va: got {va!r}, expected one of {', '.join(_VA)}")
        self._put("va", va)

    set_va = set_verticalalignment

    def set_visible(self, visible: bool) -> None:
        self._put("visible", bool(visible))

    def get_visible(self) -> bool:
        return bool(self._get("visible", True))

    def set(self, **kwargs) -> None:
        """Several properties at once (matplotlib's ``Text.set``)."""
        from .text import TEXT_ALIASES

        validate.set_by_setters(self, kwargs, f"{type(self).__name__}.set", TEXT_ALIASES)

    def update(self, props: dict) -> None:
        self.set(**props)


#: a tick label's Text property -> the TickStyle attribute it reads when not restyled
_STYLE_KEYS = {"rotation": "labelrotation", "size": "labelsize", "color": "labelcolor",
               "weight": "labelweight", "style": "labelstyle", "family": "labelfamily"}


class _PickedLabel(TextPicking):
    """Picking of a label whose picker its axis keeps (``axis.text_pickers``, by the
    label's ``pick_key``): the handles are made anew at each call, the picker stays."""

    def pick_key(self):
        raise NotImplementedError

    def set_picker(self, picker) -> None:
        """Make clicks on the label ``pick_event`` events (see
        :meth:`lumos.plot.artists.Artist.set_picker`)."""
        from .artists import check_picker

        picker = check_picker(picker)
        if picker in (None, False):
            self.axis.text_pickers.pop(self.pick_key(), None)
        else:
            self.axis.text_pickers[self.pick_key()] = picker

    def get_picker(self):
        """The label's picker (None: not pickable)."""
        return self.axis.text_pickers.get(self.pick_key())


class TickLabel(_PickedLabel, _TextStyle):
    """One tick label (``ax.get_xticklabels()[i]``): styled per tick, by index."""

    def __init__(self, axis, which: str, index: int, text: str, position: float,
                 side: int = 1) -> None:
        self.axis = axis
        self.which = which
        self.index = index
        self.side = side
        self._text = text
        self._position = position

    def _put(self, key: str, value) -> None:
        self.axis.set_tick_override(self.which, self.index, f"label{self.side}", key, value)

    def _get(self, key: str, default=None):
        # not restyled one by one: the axis's style for these labels (tick_params)
        style = getattr(self.axis, self.which)
        if key in _STYLE_KEYS:
            default = getattr(style, _STYLE_KEYS[key])
        elif key == "visible":
            default = getattr(style, f"label{self.side}On")
        return self.axis.tick_override(self.which, self.index, f"label{self.side}", key,
                                       default)

    def pick_key(self) -> tuple:
        return (self.which, self.index, self.side)

    def get_text(self) -> str:
        return self._text

    def set_text(self, text) -> None:
        """A label of its own for this tick (matplotlib shows it until the formatter runs
        again; lumos keeps it)."""
        self._text = str(text)
        self._put("text", self._text)

    def get_position(self) -> tuple[float, float]:
        # across the axis: 0 on the first side (bottom, left), 1 on the second
        across = float(self.side - 1)
        return (self._position, across) if self.axis.name == "x" else (across, self._position)

    def get_window_extent(self, renderer=None):
        """The label's box in figure pixels (a :class:`~lumos.plot.bbox.Bbox`), where
        the axes' box of the last draw puts it; a label not shown gets the unit box,
        as in matplotlib. ``renderer`` is accepted for matplotlib's signature."""
        from .axisdraw import tick_label_box
        from .bbox import Bbox

        ax = self.axis.axes
        if ax.name != "rectilinear":
            raise NotImplementedError(f"TickLabel.get_window_extent: {ax.name!r} axes "
                                      "draw their tick labels themselves; only "
                                      "rectilinear axes give their boxes")
        box = tick_label_box(ax, self.axis, self.which, self.index, self.side)
        return Bbox.unit() if box is None else box

    def get_tightbbox(self, renderer=None):
        """The label's box in figure pixels (its window extent, as for any text)."""
        return self.get_window_extent(renderer)

    def set_bbox(self, bbox) -> None:
        """A box behind this label: matplotlib's ``bbox`` dict (``boxstyle``, ``pad``,
        ``facecolor``, ``edgecolor``, ...), or None for none."""
        from .textbox import box_spec

        size = self._get("size", getattr(self.axis, self.which).labelsize)
        self._put("bbox", box_spec(bbox, float(size)))

    def __repr__(self) -> str:
        x, y = self.get_position()
        return f"Text({x:g}, {y:g}, {self._text!r})"


class TickMark:
    """One tick line (``tick.tick1line``): visibility, color, length and width."""

    stands_for = "Line2D"

    def __init__(self, axis, which: str, index: int, part: str) -> None:
        self.axis, self.which, self.index, self.part = axis, which, index, part

    def _put(self, key: str, value) -> None:
        self.axis.set_tick_override(self.which, self.index, self.part, key, value)

    def set_visible(self, visible: bool) -> None:
        self._put("visible", bool(visible))

    def get_visible(self) -> bool:
        return bool(self.axis.tick_override(self.which, self.index, self.part, "visible",
                                            True))

    def set_color(self, color) -> None:
        self._put("color", colors.to_rgba(color, argname="color"))

    set_markeredgecolor = set_color
    set_mec = set_color

    def set_markersize(self, size) -> None:
        """The tick's length in points (matplotlib draws ticks as markers)."""
        self._put("size", float(size))

    set_ms = set_markersize

    def set_markeredgewidth(self, width) -> None:
        """The tick's width in points."""
        self._put("width", float(width))

    set_mew = set_markeredgewidth
    set_linewidth = set_markeredgewidth

    def get_zorder(self) -> float:
        """The tick line's zorder (``tick_params(zorder=...)``; matplotlib's Axis draws
        its ticks together at the axis's zorder, so it orders nothing)."""
        return getattr(self.axis, self.which).zorder


class GridLine:
    """One grid line (``tick.gridline``): shown or hidden for this tick."""

    def __init__(self, axis, which: str, index: int) -> None:
        self.axis, self.which, self.index = axis, which, index

    def set_visible(self, visible: bool) -> None:
        self.axis.set_tick_override(self.which, self.index, "gridline", "visible",
                                    bool(visible))

    def get_visible(self) -> bool:
        return bool(self.axis.tick_override(self.which, self.index, "gridline", "visible",
                                            True))


class Tick:
    """One tick, as ``ax.xaxis.get_major_ticks()`` gives them: ``label1``/``label2``
    (bottom/top or left/right labels), ``tick1line``/``tick2line`` and ``gridline``."""

    def __init__(self, axis, which: str, index: int, text: str, position: float) -> None:
        self.axis, self.which, self.index = axis, which, index
        self.label1 = TickLabel(axis, which, index, text, position, side=1)
        self.label2 = TickLabel(axis, which, index, text, position, side=2)
        self.tick1line = TickMark(axis, which, index, "tick1line")
        self.tick2line = TickMark(axis, which, index, "tick2line")
        self.gridline = GridLine(axis, which, index)
        self._loc = position

    @property
    def label(self) -> TickLabel:
        return self.label1

    def get_children(self) -> list:
        """The tick lines, the grid line and the labels (matplotlib's order)."""
        return [self.tick1line, self.tick2line, self.gridline, self.label1, self.label2]

    def get_loc(self) -> float:
        return self._loc

    def set_visible(self, visible: bool) -> None:
        for part in (self.label1, self.label2, self.tick1line, self.tick2line,
                     self.gridline):
            part.set_visible(visible)

    def set_pad(self, pad: float) -> None:
        self.axis.set_tick_params(which=self.which, pad=pad)

    def __repr__(self) -> str:
        return f"<{self.axis.name.upper()}Tick {self._loc:g}>"


class AxisLabel(_PickedLabel):
    """``ax.xaxis.label``: the axis label with matplotlib's Text setters and getters,
    which style it; one object per axis (``axis.label``), its text the axis's."""

    def __init__(self, axis) -> None:
        self.axis = axis

    def __repr__(self) -> str:
        return f"Text({self.axis.name!r} axis label, {self.axis.label_text!r})"

    def _put(self, key: str, value) -> None:
        if key == "size":  # the size the label is drawn at (set_xlabel's fontsize)
            self.axis.label_size = value
        else:
            self.axis.label_style[key] = value
        self.axis.changed()

    def _get(self, key: str, default=None):
        if key == "size":
            return self.axis.label_size
        return self.axis.label_style.get(key, default)

    def get_text(self) -> str:
        return self.axis.label_text

    def pick_key(self) -> str:
        return "label"

    def get_window_extent(self, renderer=None):
        """The label's box in figure pixels (a :class:`~lumos.plot.bbox.Bbox`), where
        the axes' box of the last draw puts it; a label not shown gets the unit box.
        ``renderer`` is accepted for matplotlib's signature."""
        from .axisdraw import axis_label_box
        from .bbox import Bbox

        ax = self.axis.axes
        if ax.name != "rectilinear":
            raise NotImplementedError(f"AxisLabel.get_window_extent: {ax.name!r} axes "
                                      "draw their labels themselves; only rectilinear "
                                      "axes give their boxes")
        box = axis_label_box(ax, self.axis)
        return Bbox.unit() if box is None else box

    def set_text(self, text) -> None:
        self.axis.label_text = "" if text is None else str(text)
        self.axis.changed()

    def set_multialignment(self, ma: str | None) -> None:
        """How the lines of a multi-line text align among themselves (None: as ``ha``)."""
        if ma not in (None, *_HA):
            raise ValueError(f"multialignment: got {ma!r}, expected 'left', 'center' or "
                             "'right'")
        self._put("ma", ma)

    set_ma = set_multialignment

    def set_bbox(self, bbox) -> None:
        """A box behind the axis label: matplotlib's ``bbox`` dict (``boxstyle``,
        ``pad``, ``facecolor``, ``alpha``, ...), or None for none."""
        from .textbox import box_spec

        self._put("bbox", box_spec(bbox, float(self.axis.label_size)))

    def set_position(self, xy) -> None:
        """Where the label stands along its axis (axes fraction); matplotlib puts it
        across the axis itself (the other coordinate is not used)."""
        xy = validate.numbers_array(xy, "position")
        if xy.shape != (2,):
            raise ValueError(f"position: got {xy.tolist()!r}, expected (x, y)")
        along = validate.number(xy[0 if self.axis.name == "x" else 1], "position")
        self.axis.set_label_coords(*((along, None) if self.axis.name == "x" else
                                     (None, along)))

    def set_x(self, x) -> None:
        self.axis.set_label_coords(float(x), None)

    def set_y(self, y) -> None:
        self.axis.set_label_coords(None, float(y))


for _name in dir(_TextStyle):
    if _name.startswith(("set", "get")) or _name == "update":
        setattr(AxisLabel, _name, getattr(_TextStyle, _name))
AxisLabel.set_text = AxisLabel.__dict__["set_text"]
AxisLabel.stands_for = "Text"


class OffsetText(_TextStyle):
    """``ax.yaxis.get_offset_text()``: the ``1e6``/``+1.7e9`` text at the axis end."""

    def __init__(self, axis) -> None:
        self.axis = axis

    def _put(self, key: str, value) -> None:
        self.axis.offset_style[key] = value
        self.axis.changed()

    def _get(self, key: str, default=None):
        return self.axis.offset_style.get(key, default)

    def get_text(self) -> str:
        return self.axis.ticks()[3]
