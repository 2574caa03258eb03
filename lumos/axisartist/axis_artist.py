"""axisartist's ``AxisArtist`` on lumos axes: ``ax.axis["left"]`` (a side of the axes),
``ax.axis["xzero"]`` and the axes of ``new_floating_axis`` / ``new_fixed_axis`` (lumos
secondary axes at a data value or offset outward), each with its ``line``,
``major_ticks``, ``major_ticklabels`` and ``label``, shown, hidden and styled as
matplotlib's.

lumos's axis draws one axis's ticks, tick labels and label on the outer side of their
line, and one tick direction, pad and style per axis:
``ax.axis["left"].major_ticks.set_tick_out(True)`` turns the right side's ticks out too.
A side asked for more (a label inside, as ``set_axis_direction("right")`` on the left
axis puts it, turned or aligned tick labels) is handed to a
:class:`~.curvilinear.DrawnAxisArtist`, which draws it by axisartist's rules
(:mod:`.rectilinear_drawn`); floating and zero axes refuse that by name.
"""

from __future__ import annotations

from ..plot.bbox import Bbox

_SIDES = ("bottom", "top", "left", "right")
#: axisartist's tick directions are relative to the tick labels' side: across the line,
#: lumos's are the mirror
_MIRROR = {"in": "out", "out": "in", "inout": "inout"}
#: how much of a tick reaches into the box, by lumos's direction
_INWARD = {"in": 1.0, "inout": 0.5, "out": 0.0}
#: the alignment of tick labels across the line (inside the box), by side
_ALIGN_INSIDE = {"left": ("ha", "left"), "right": ("ha", "right"),
                 "bottom": ("va", "baseline"), "top": ("va", "top")}
#: axisline styles lumos draws: matplotlib's axisartist names -> an annotation's arrow
_LINE_STYLES = ("->", "-|>")


def _check_side(direction, what: str) -> str:
    if direction not in _SIDES:
        raise ValueError(f"{what}: got {direction!r}, expected one of {', '.join(_SIDES)}")
    return direction


class _Part:
    """What the parts of an AxisArtist share: the artist and its lumos axis, and the
    flag (``tick`` or ``label``) showing the part on the artist's side."""

    _flag = ""

    def __init__(self, artist: AxisArtist, which: str = "major") -> None:
        self._artist, self._which = artist, which

    def set_visible(self, visible) -> None:
        """Show or hide this part on the artist's side."""
        self._params(**{f"{self._flag}{self._artist.num}On": bool(visible)})

    def get_visible(self) -> bool:
        return bool(getattr(self._style(), f"{self._flag}{self._artist.num}On"))

    def _params(self, **kw) -> None:
        self._artist.axis.set_tick_params(which=self._which, **kw)

    def _style(self):
        return getattr(self._artist.axis, self._which)


class Ticks(_Part):
    """``axis.major_ticks``: the tick marks of one AxisArtist."""

    _flag = "tick"

    def set_tick_out(self, b) -> None:
        """Ticks on the tick labels' side (True) or away from them (False)."""
        self.set_tick_direction("out" if b else "in")

    def get_tick_out(self) -> bool:
        return self.get_tick_direction() == "out"

    def get_tick_direction(self) -> str:
        """'in', 'out' or 'inout', relative to the tick labels' side as axisartist's
        (by default rcParams' ``xtick.direction``)."""
        return self._artist.tick_dir[self._which]

    def set_tick_direction(self, direction: str) -> None:
        """'in', 'out' or 'inout' (relative to the tick labels' side)."""
        if direction not in _MIRROR:
            raise ValueError(f"direction: got {direction!r}, expected 'in', 'out' or "
                             "'inout'")
        self._artist.tick_dir[self._which] = direction
        self._artist.place(self._which)

    def set_ticksize(self, ticksize) -> None:
        """The ticks' length in points."""
        self._params(length=float(ticksize))
        self._artist.place(self._which)  # labels across the line stand beyond them

    def get_ticksize(self) -> float:
        return float(self._style().size)

    def set_color(self, color) -> None:
        self._params(color=color)

    def set_linewidth(self, width) -> None:
        """The ticks' width in points (matplotlib's ticks are markers: their mew)."""
        self._params(width=float(width))

    set_markeredgewidth = set_mew = set_linewidth


class TickLabels(_Part):
    """``axis.major_ticklabels``: the tick labels of one AxisArtist."""

    _flag = "label"

    def set_visible(self, visible) -> None:
        """Show or hide this side's tick labels (shown: where this side puts them)."""
        if visible:
            self._artist.check_sibling("major_ticklabels.set_visible(True)",
                                       self._artist.inside)
        super().set_visible(visible)
        if visible:
            self._artist.place(self._which)

    def set_pad(self, pad) -> None:
        """Points between the ticks and the labels."""
        self._artist.pad[self._which] = float(pad)
        self._artist.place(self._which)

    def get_pad(self) -> float:
        return self._artist.pad[self._which]

    def set_color(self, color) -> None:
        self._params(labelcolor=color)

    def set_size(self, size) -> None:
        self._params(labelsize=size)

    set_fontsize = set_size

    def set_rotation(self, rotation) -> None:
        self._params(labelrotation=rotation)

    def set_ha(self, ha: str) -> None:
        """The labels' horizontal alignment in their column (other than axisartist's
        default, 'right' on the left, 'left' on the right, 'center' below and above:
        the side is drawn by axisartist's rules)."""
        self._alignment("ha", ha, {"left": "right", "right": "left"}.get(
            self._artist.side, "center"))

    def set_va(self, va: str) -> None:
        """The labels' vertical alignment in their row (other than axisartist's
        default, 'baseline' below and above, 'center' left and right: the side is drawn
        by axisartist's rules)."""
        self._alignment("va", va, "baseline" if self._artist.side in
                        ("bottom", "top") else "center")

    def _alignment(self, key: str, got: str, default: str) -> None:
        if got != default:
            drawn = self._artist.redrawn(f"major_ticklabels.set_{key}({got!r})")
            getattr(getattr(drawn, f"{self._which}_ticklabels"), f"set_{key}")(got)

    def set_axis_direction(self, direction: str) -> None:
        """axisartist's direction of the labels (their angle and alignment); another
        than the side's own: the side is drawn by axisartist's rules."""
        if self._artist.is_own(direction, "major_ticklabels.set_axis_direction"):
            return
        drawn = self._artist.redrawn(f"major_ticklabels.set_axis_direction({direction!r})")
        getattr(drawn, f"{self._which}_ticklabels").set_axis_direction(direction)


class AxisLabel(_Part):
    """``axis.label``: the label of one AxisArtist (its lumos axis's label, with its
    Text setters: ``set_color``, ``set_fontsize``, ``set_rotation``, ...)."""

    def __getattr__(self, name: str):
        if name.startswith(("set_", "get_")):
            return getattr(self._artist.axis.label, name)
        raise AttributeError(name)

    def set_text(self, text) -> None:
        """The label's text (the lumos axis's label)."""
        self._artist.axis.set_label_text(text)

    def get_text(self) -> str:
        return self._artist.axis.get_label_text()

    def set_visible(self, visible) -> None:
        """Show the label on this side (lumos draws one label per axis) or hide it."""
        self._artist.show_label(bool(visible))

    def get_visible(self) -> bool:
        axis = self._artist.axis
        return axis.get_label_position() == self._artist.side and \
            axis.label.get_visible() is not False

    def set_pad(self, pad) -> None:
        """Points between the tick labels and the label."""
        self._artist.axis.labelpad = float(pad)
        self._artist.axis.changed()

    def get_pad(self) -> float:
        return float(self._artist.axis.labelpad)

    def set_axis_direction(self, direction: str) -> None:
        """axisartist's direction of the label (its angle and alignment); another than
        the side's own: the side is drawn by axisartist's rules."""
        if self._artist.is_own(direction, "label.set_axis_direction"):
            return
        self._artist.redrawn(f"label.set_axis_direction({direction!r})").label \
            .set_axis_direction(direction)


class AxisLine:
    """``axis.line``: the axis line (a lumos spine)."""

    def __init__(self, artist: AxisArtist) -> None:
        self._artist = artist

    def __getattr__(self, name: str):
        if name.startswith(("set_", "get_")):
            return getattr(self._artist.spine, name)
        raise AttributeError(name)


class AxisArtist:
    """One axis line with its ticks, tick labels and label (matplotlib's axisartist
    ``AxisArtist``), drawn by a lumos axes' ``axis`` (x or y) on ``side``: the axes'
    own side, or a secondary axes' (floating and offset axes)."""

    def __init__(self, axes, axis, side: str, spine, at: float | None = None) -> None:
        self.axes = axes  # the lumos axes drawing it (the host, or a secondary axes)
        self.axis = axis
        self.side = side
        self.num = 1 if side in ("bottom", "left") else 2
        self.spine = spine
        self._at = at  # a floating axis's data value across it
        # axisartist's placement, by which ticks: tick direction relative to the tick
        # labels' side, labels' pad, labels across the line (inside)
        self.tick_dir = {w: getattr(axis, w).direction for w in ("major", "minor")}
        self.pad = {w: float(getattr(axis, w).pad) for w in ("major", "minor")}
        self.inside = False
        self.outward: float | None = None  # a fixed axis's offset (points) from the box
        self._arrow = None
        self.major_ticks = Ticks(self)
        self.minor_ticks = Ticks(self, "minor")
        self.major_ticklabels = TickLabels(self)
        self.minor_ticklabels = TickLabels(self, "minor")
        self.label = AxisLabel(self)
        self.line = AxisLine(self)

    def take_side(self, own: AxisArtist, outward: float) -> None:
        """Draw on ``own``'s side (the host's own, its label the host's), its line
        ``outward`` points from the box, instead of this artist's secondary axes (which
        is hidden): a fixed axis replacing, or standing for, a side of its axes."""
        if self.axes is not own.axes:
            self.axes.set_visible(False)
            self.axes.set_axis_off()  # and no room kept for it
        self.axes, self.axis, self.spine = own.axes, own.axis, own.spine
        self.spine.set_position(("outward", outward))
        self.set_visible(True)

    def is_own(self, direction: str, what: str) -> bool:
        """Whether ``direction`` (checked) is this artist's own side."""
        _check_side(direction, what.rsplit(".", 1)[-1])
        return direction == self.side

    def redrawn(self, what: str):
        """The :class:`~.curvilinear.DrawnAxisArtist` taking this side over (drawn by
        axisartist's rules, see :mod:`.rectilinear_drawn`): a side of its axes' box
        only, ``what`` refused by name on the others (floating, fixed and zero axes)."""
        from .rectilinear_drawn import redraw

        own = getattr(self.axes, "axis", None)
        if self._at is not None or self.outward is not None or \
                not hasattr(own, "values") or own.get(self.side) is not self:
            raise NotImplementedError(
                f"{what} on the {self.side!r} axis: lumos draws the tick labels and "
                "labels of floating, fixed and zero axes outside their line only")
        return redraw(self)

    def set_axis_direction(self, direction: str) -> None:
        """axisartist's direction convention: another than the side's own draws the
        side by axisartist's rules."""
        if not self.is_own(direction, "set_axis_direction"):
            self.redrawn(f"set_axis_direction({direction!r})").set_axis_direction(
                direction)

    def set_ticklabel_direction(self, tick_direction: str) -> None:
        """'+' or '-' (relative to the increasing coordinate, as axisartist's): the tick
        labels on the outer side of the axis line or across it, inside."""
        outside = self._check_sign(tick_direction, "set_ticklabel_direction")
        self._set_inside(tick_direction != outside,
                         f"set_ticklabel_direction({tick_direction!r})")

    def set_axislabel_direction(self, label_direction: str) -> None:
        """'+' or '-': the label's side (inside: the side is drawn by axisartist's
        rules)."""
        outside = self._check_sign(label_direction, "set_axislabel_direction")
        if label_direction != outside:
            self.redrawn(f"set_axislabel_direction({label_direction!r})") \
                .set_axislabel_direction(label_direction)

    def invert_ticklabel_direction(self) -> None:
        """The tick labels to the other side of the axis line (and the ticks with
        them, as axisartist's)."""
        self._set_inside(not self.inside, "invert_ticklabel_direction")

    def _check_sign(self, sign: str, what: str) -> str:
        if sign not in ("+", "-"):
            raise ValueError(f"{what}: got {sign!r}, expected '+' or '-'")
        # axisartist's default, relative to the increasing coordinate: outside
        return "-" if self.side in ("left", "top") else "+"

    def sibling(self) -> AxisArtist | None:
        """The artist on the other side of the same lumos axis (the host's sides: they
        share its tick labels' pad and alignment), or None."""
        artists = getattr(self.axes, "axis", None)
        if not hasattr(artists, "values"):  # a secondary axes: one labelled side
            return None
        for artist in artists.values():
            # (a side drawn by axisartist's rules has no lumos axis: no sibling)
            if getattr(artist, "axis", None) is self.axis and artist.side != self.side:
                return artist
        return None

    def check_sibling(self, what: str, inside: bool) -> None:
        """Refuse tick labels shown on both sides of the axis, one side's inside and the
        other's outside (lumos places an axis's tick labels alike)."""
        other = self.sibling()
        if other is not None and other.inside != inside and \
                other.major_ticklabels.get_visible():
            raise NotImplementedError(
                f"{what} on the {self.side!r} axis while the {other.side!r} one shows its "
                "tick labels on the other side of its line: lumos places the tick labels "
                "of both sides of an axis alike")

    def _set_inside(self, inside: bool, what: str) -> None:
        shown = self.major_ticklabels.get_visible()
        if shown:
            self.check_sibling(what, inside)
        self.inside = inside
        if not shown:
            return  # placed when shown
        key, value = _ALIGN_INSIDE[self.side]
        self.axis.style_ticklabels("both", {key: value if inside else None})
        for which in ("major", "minor"):
            self.place(which)

    def place(self, which: str) -> None:
        """The lumos axis's tick direction and label pad for this side's placement
        (labels across the line: ticks mirrored, the pad negative past the ticks); a
        side showing no tick labels while its sibling does sets the direction only."""
        direction, pad = self.tick_dir[which], self.pad[which]
        if self.inside:
            direction = _MIRROR[direction]
            reach = float(getattr(self.axis, which).size) * _INWARD[direction]
            pad = -(reach + pad)
        other = self.sibling()
        if not self.major_ticklabels.get_visible() and other is not None and \
                other.major_ticklabels.get_visible():
            self.axis.set_tick_params(which=which, direction=direction)
            return
        self.axis.set_tick_params(which=which, direction=direction, pad=pad)

    def toggle(self, all=None, ticks=None, ticklabels=None, label=None) -> None:  # noqa: A002
        """Show (True) or hide (False) the ticks, tick labels and label; ``all`` sets
        the three, the others override it, None leaves one as it is."""
        shown = [all] * 3
        for i, value in enumerate((ticks, ticklabels, label)):
            if value is not None:
                shown[i] = value
        for part, value in zip((self.major_ticks, self.major_ticklabels, self.label),
                               shown, strict=True):
            if value is not None:
                part.set_visible(value)
        for part, value in zip((self.minor_ticks, self.minor_ticklabels), shown[:2],
                               strict=True):
            if value is not None:
                part.set_visible(value)

    def set_visible(self, visible) -> None:
        """Show or hide the line, ticks, tick labels and label together."""
        visible = bool(visible)
        self.toggle(all=visible)
        self.spine.set_visible(visible and self._arrow is None)
        if self._arrow is not None:
            self._arrow.set_visible(visible)

    def get_visible(self) -> bool:
        return bool(self.spine.get_visible() or (self._arrow is not None and
                                                  self._arrow.get_visible()))

    def show_label(self, visible: bool) -> None:
        """The label on this side (True) or hidden (False)."""
        if visible:
            self.axis.set_label_position(self.side)
            self.axis.label.set_visible(True)
        elif self.axis.get_label_position() == self.side:
            self.axis.label.set_visible(False)

    def set_axisline_style(self, axisline_style=None, **kwargs) -> list[str] | None:
        """The axis line with an arrow head at its end: '->' (open) or '-|>' (filled),
        ``size`` scaling the head (1 by default); None lists the styles."""
        if axisline_style is None:
            return list(_LINE_STYLES)
        if axisline_style not in _LINE_STYLES:
            raise ValueError(f"axisline_style: got {axisline_style!r}, expected one of "
                             f"{', '.join(_LINE_STYLES)} (lumos draws these)")
        size = float(kwargs.pop("size", 1.0))
        if kwargs:
            raise TypeError(f"set_axisline_style: unexpected keyword arguments "
                            f"{sorted(kwargs)}")
        if self._arrow is not None:
            self._arrow.remove()
        host = self.axes.parent if self.axes.role == "secondary" else self.axes
        # matplotlib's head: mutation scale = size x the tick labels' font size, and the
        # line runs that many pixels past the box's edge to make room for it
        scale = size * float(self.axis.major.labelsize)
        start, end, coords = self._line_ends(host, scale)
        self._arrow = host.annotate(
            "", xy=end, xytext=start, xycoords=coords, textcoords=coords,
            annotation_clip=False,
            arrowprops=dict(arrowstyle=axisline_style, shrinkA=0, shrinkB=0,
                            mutation_scale=scale, color=self.spine.get_edgecolor(),
                            linewidth=self.spine.get_linewidth()))
        self._arrow.set_visible(self.spine.get_visible())
        self.spine.set_visible(False)

    def _line_ends(self, host, extend: float):
        """The axis line's start and end, and their coordinates (an annotation's): the
        end ``extend`` pixels past the box."""
        kind, amount = self.spine.get_position()
        horizontal = self.side in ("bottom", "top")
        if self._at is not None:
            at, across = self._at, "data"
        elif kind == "axes":
            at, across = amount, "axes fraction"
        elif kind == "data":
            at, across = amount, "data"
        elif amount == 0:
            at, across = (0.0 if self.num == 1 else 1.0), "axes fraction"
        else:
            raise NotImplementedError(f"set_axisline_style on an axis {amount:g} points "
                                      "outward (lumos draws arrows on lines in the box)")

        def along(_fig) -> Bbox:  # the box, longer by ``extend`` pixels at the end
            x0, y0, x1, y1 = host.get_window_extent().extents
            return Bbox.from_extents(x0, y0, x1 + extend * horizontal,
                                     y1 + extend * (not horizontal))

        if horizontal:
            return (0.0, at), (1.0, at), (along, across)
        return (at, 0.0), (at, 1.0), (across, along)
