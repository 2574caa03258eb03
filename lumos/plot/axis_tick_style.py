"""How the ticks of an axis look: :class:`TickStyle` (matplotlib's ``tick_params`` for the
major or the minor ticks), the axis' tick-label styling, tick sides and single-tick
overrides. A mixin of :class:`lumos.plot.axis.Axis`.
"""

from __future__ import annotations

from .. import colors
from .fonts import rc_font
from .patch_style import rc
from .style import font_points, rcParams
from .ticklabels import TickLabel

_SIDES = {"x": ("bottom", "top"), "y": ("left", "right")}


class TickStyle:
    """How the major (or minor) ticks of an axis look (matplotlib's ``tick_params``
    keywords, sizes in points)."""

    def __init__(self, axis_name: str, which: str) -> None:
        p = f"{axis_name}tick"
        self.size = float(rc(f"{p}.{which}.size", 3.5 if which == "major" else 2.0))
        self.width = float(rc(f"{p}.{which}.width", 0.8 if which == "major" else 0.6))
        self.pad = float(rc(f"{p}.{which}.pad", 3.5 if which == "major" else 3.4))
        self.color = colors.to_rgba(rc(f"{p}.color", "black"))
        self.labelcolor = colors.to_rgba(rc(f"{p}.labelcolor", "inherit")
                                         if rc(f"{p}.labelcolor", "inherit") != "inherit"
                                         else rc(f"{p}.color", "black"))
        self.labelsize = font_points(rc(f"{p}.labelsize", 10.0))
        # the size tick_params gave (None: never): matplotlib's tick count reads it
        self.params_labelsize: float | None = None
        self.labelrotation = 0.0
        self.rotation_mode: str | None = None
        self.direction = str(rc(f"{p}.direction", "out"))
        first, second = ("bottom", "top") if axis_name == "x" else ("left", "right")
        self.tick1On = bool(rc(f"{p}.{first}", True))
        self.tick2On = bool(rc(f"{p}.{second}", False))
        self.label1On = bool(rc(f"{p}.label{first}", True))
        self.label2On = bool(rc(f"{p}.label{second}", False))
        self.gridOn = bool(rcParams["axes.grid"]) and which == "major" and \
            rc("axes.grid.axis", "both") in ("both", axis_name)
        self.grid: dict = {}  # color, linestyle, linewidth, alpha
        self.labelweight: str | int | None = rc_font("weight")
        self.labelstyle: str | None = rc_font("style")
        self.labelfamily: tuple[str, ...] | None = rc_font("family")
        #: the tick lines' zorder (matplotlib's Tick zorder: Line2D's 2, +0.01 for major
        #: ticks); as in matplotlib's Axis.draw, which draws its ticks in one pass at the
        #: axis's zorder, it orders nothing against other artists
        self.zorder = 2.01 if which == "major" else 2.0

    def copy(self) -> TickStyle:
        new = TickStyle.__new__(TickStyle)
        new.__dict__.update(self.__dict__)
        new.grid = dict(self.grid)
        return new


class AxisTickStyle:
    """The tick styles of :class:`~lumos.plot.axis.Axis` (a mixin): ``style_ticklabels``,
    ``set_ticks_position``, ``tick_right`` ..., the style properties the decorations read
    and the per-tick overrides."""

    # -- tick styles -----------------------------------------------------------------
    def style_ticklabels(self, which: str, kwargs: dict) -> None:
        """Text keywords for every tick label (rotation, fontsize, color, ha, ...)."""
        from .text import TEXT_ALIASES, points

        styles = (self.major, self.minor) if which == "both" else (getattr(self, which),)
        for key, value in kwargs.items():
            key = TEXT_ALIASES.get(key, key)
            for st in styles:
                if key == "rotation":
                    from .ticklabels import _rotation

                    st.labelrotation = _rotation(value)
                elif key == "fontsize":
                    st.labelsize = points(value)
                elif key == "color":
                    st.labelcolor = colors.to_rgba(value, argname="color")
                elif key == "rotation_mode":
                    TickLabel(self, which, 0, "", 0.0).set_rotation_mode(value)
                    st.rotation_mode = value
                elif key in ("horizontalalignment", "ha"):  # None: by their side
                    st.label_ha = None if value is None else _check_ha(value)
                elif key in ("verticalalignment", "va"):
                    st.label_va = value
                elif key == "fontweight":
                    from .fonts import check_weight

                    st.labelweight = check_weight(value)
                elif key == "fontfamily":
                    from .fonts import check_family

                    st.labelfamily = check_family(value)
                elif key == "visible":
                    st.label1On = st.label1On and bool(value)
                    st.label2On = st.label2On and bool(value)
                else:
                    raise TypeError(f"set_{self.name}ticklabels: unexpected keyword argument "
                                    f"{key!r}")
        self.changed()

    def set_tick_params(self, which: str = "major", reset: bool = False, **kwargs) -> None:
        """``ax.tick_params`` for this axis only."""
        self.axes.tick_params(self.name, which=which, reset=reset, **kwargs)

    def get_tick_params(self, which: str = "major") -> dict:
        """The tick style of ``which`` as tick_params keywords."""
        st = getattr(self, which)
        first, second = _SIDES[self.name]
        return {"size": st.size, "width": st.width, "pad": st.pad, "color": st.color,
                "labelcolor": st.labelcolor, "labelsize": st.labelsize,
                "labelrotation": st.labelrotation, "direction": st.direction,
                first: st.tick1On, second: st.tick2On, f"label{first}": st.label1On,
                f"label{second}": st.label2On, "gridOn": st.gridOn}

    def set_ticks_position(self, position: str) -> None:
        """Where ticks are drawn: 'bottom'/'top' ('left'/'right' for y), 'both',
        'default' or 'none' (matplotlib's meaning: the labels follow a single side)."""
        first, second = _SIDES[self.name]
        for st in (self.major, self.minor):
            if position == first:
                st.tick1On, st.tick2On, st.label1On, st.label2On = True, False, True, False
                self.offset_side = 1
            elif position == second:
                st.tick1On, st.tick2On, st.label1On, st.label2On = False, True, False, True
                self.offset_side = 2
            elif position == "both":
                st.tick1On = st.tick2On = True
            elif position == "default":
                st.tick1On, st.tick2On, st.label1On, st.label2On = True, False, True, False
                self.offset_side = 1
            elif position == "none":
                st.tick1On = st.tick2On = False
            else:
                raise ValueError(f"position: got {position!r}, expected {first!r}, "
                                 f"{second!r}, 'both', 'default' or 'none'")
        self.changed()

    def get_ticks_position(self) -> str:
        """Where the ticks are: a side, 'default', 'unknown' or 'none' (matplotlib's)."""
        first, second = _SIDES[self.name]
        st = self.major
        if st.tick1On and st.tick2On:
            return "default" if st.label1On and not st.label2On else "unknown"
        if st.tick2On or (st.label2On and not st.label1On):
            return second
        return first if st.tick1On else "none"

    # the single-side view of the tick styles, for projections that draw one side
    @property
    def ticks_position(self) -> str:
        """Where ticks and labels go (see :meth:`set_ticks_position`)."""
        return _SIDES[self.name][1] if self.offset_side == 2 else _SIDES[self.name][0]

    @ticks_position.setter
    def ticks_position(self, position: str) -> None:
        self.set_ticks_position(position)

    def tick_right(self) -> None:
        """Ticks and labels on the right."""
        label = self.major.label1On or self.major.label2On
        self.set_ticks_position("right")
        self.major.label2On = self.minor.label2On = label

    def tick_left(self) -> None:
        """Ticks and labels on the left."""
        label = self.major.label1On or self.major.label2On
        self.set_ticks_position("left")
        self.major.label1On = self.minor.label1On = label

    def tick_top(self) -> None:
        """Ticks and labels on top."""
        label = self.major.label1On or self.major.label2On
        self.set_ticks_position("top")
        self.major.label2On = self.minor.label2On = label

    def tick_bottom(self) -> None:
        """Ticks and labels at the bottom."""
        label = self.major.label1On or self.major.label2On
        self.set_ticks_position("bottom")
        self.major.label1On = self.minor.label1On = label

    @property
    def show_labels(self) -> bool:
        """Whether the major tick labels are drawn (on either side)."""
        return self.major.label1On or self.major.label2On

    @show_labels.setter
    def show_labels(self, show: bool) -> None:
        if show:
            self.major.label1On = self.offset_side == 1
            self.major.label2On = self.offset_side == 2
        else:
            self.major.label1On = self.major.label2On = False

    @property
    def ticks_visible(self) -> bool:
        """Whether the ticks are drawn (on either side)."""
        return self.major.tick1On or self.major.tick2On

    @ticks_visible.setter
    def ticks_visible(self, show: bool) -> None:
        for st in (self.major, self.minor):
            st.tick1On = bool(show) and self.offset_side == 1
            st.tick2On = bool(show) and self.offset_side == 2

    @property
    def tick_size(self) -> float:
        """The major tick labels' font size in points."""
        return self.major.labelsize

    @property
    def tick_pad(self) -> float:
        """Points between the major ticks and their labels."""
        return self.major.pad

    @property
    def tick_color(self):
        """The major ticks' color (3D axes draw theirs with it)."""
        return self.major.color

    @property
    def tick_width(self) -> float:
        """The major ticks' width in points."""
        return self.major.width

    @property
    def tick_label_color(self):
        """The major tick labels' color."""
        return self.major.labelcolor

    @property
    def tick_ha(self) -> str | None:
        """The tick labels' horizontal alignment (None: by their side)."""
        return getattr(self.major, "label_ha", None)

    @tick_ha.setter
    def tick_ha(self, ha: str | None) -> None:
        self.major.label_ha = None if ha is None else _check_ha(ha)

    @property
    def grid_major(self) -> bool:
        """Whether grid lines are drawn at the major ticks."""
        return self.major.gridOn

    @grid_major.setter
    def grid_major(self, on: bool) -> None:
        self.major.gridOn = bool(on)

    @property
    def grid_minor(self) -> bool:
        """Whether grid lines are drawn at the minor ticks."""
        return self.minor.gridOn

    @property
    def grid_style(self) -> dict:
        """The major grid's style keywords (color, linestyle, linewidth, alpha)."""
        return self.major.grid

    # -- per-tick overrides ----------------------------------------------------------
    def set_tick_override(self, which: str, index: int, part: str, key: str, value) -> None:
        """Restyle one tick's part (``label1``, ``tick1line``, ``gridline``, ...): ``key`` =
        ``value``."""
        self.overrides.setdefault((which, int(index), part), {})[key] = value
        self.changed()

    def tick_override(self, which: str, index: int, part: str, key: str, default=None):
        """One tick part's restyled ``key`` (``default`` when not set)."""
        return self.overrides.get((which, int(index), part), {}).get(key, default)


def _check_ha(ha: str) -> str:
    if ha not in ("left", "center", "right"):
        raise ValueError(f"ha: got {ha!r}, expected 'left', 'center' or 'right'")
    return ha
