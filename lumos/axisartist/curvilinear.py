"""axisartist's axis drawn by its own rules: :class:`DrawnAxisArtist` (a side of the
box or a floating axis) with its ticks, tick labels and label, for curvilinear grids
(its helpers here: :class:`FixedAxisHelper`, a side where the grid lines cross it, and
:class:`FloatingAxisHelper`, a curve of constant lon or lat) and for rectilinear sides
lumos's axis cannot place (:mod:`.rectilinear_drawn`); and :class:`CurvedGrid`, the
curved grid lines.

axisartist's placement, per tick: the tick label stands ``angle_label = tangent - 90``
(+180 with ticklabel direction '-') from the tick, ``pad`` plus the ticks' outer part
away, turned by that angle plus 90 plus the direction's default angle and aligned by
the direction's defaults; the tick runs along the axis's normal away from its label
('in'), towards it ('out') or across ('inout'); the label stands past the tick labels
by its pad, along the axis's middle.
"""

from __future__ import annotations

import math

import numpy as np

from ..plot import text as textmod
from ..plot.collections import LineCollection
from ..plot.style import rcParams
from .axis_artist import AxisArtist, _check_side

__all__ = ["DrawnAxisArtist", "CurvedGrid"]

#: how far out of the tick labels' side a tick reaches, by direction (axisartist's)
_OUT = {"in": 0.0, "inout": 0.5, "out": 1.0}
#: tick labels' (va, ha) and angle by axis direction (axisartist's TickLabels)
_TICKLABEL_ALIGN = {"left": ("center", "right"), "right": ("center", "left"),
                    "bottom": ("baseline", "center"), "top": ("baseline", "center")}
_TICKLABEL_ANGLE = {"left": 90.0, "right": -90.0, "bottom": 0.0, "top": 180.0}
#: axis labels' (va, ha) and angle by axis direction (axisartist's AxisLabel)
_LABEL_ALIGN = {"left": ("bottom", "center"), "right": ("top", "center"),
                "bottom": ("top", "center"), "top": ("bottom", "center")}
_LABEL_ANGLE = {"left": 180.0, "right": 0.0, "bottom": 0.0, "top": 180.0}
_HA = ("left", "center", "right")
_LINE_STYLES = ("-", "->", "-|>")
_VA = ("top", "bottom", "center", "baseline", "center_baseline")
_OPPOSITE = {"left": "right", "right": "left", "top": "bottom", "bottom": "top"}


def _sign(direction: str, what: str) -> float:
    if direction not in ("+", "-"):
        raise ValueError(f"{what}: got {direction!r}, expected '+' or '-'")
    return 0.0 if direction == "+" else 180.0


class _Part:
    """A shown-or-hidden part of a DrawnAxisArtist."""

    def __init__(self, visible: bool) -> None:
        self._visible = bool(visible)

    def set_visible(self, visible) -> None:
        """Show (True) or hide (False) the part."""
        self._visible = bool(visible)

    def get_visible(self) -> bool:
        return self._visible


class Ticks(_Part):
    """``axis.major_ticks``: tick marks (axisartist's size, direction, color, width)."""

    def __init__(self, visible: bool) -> None:
        super().__init__(visible)
        self.size = float(rcParams["xtick.major.size"])
        self.direction = str(rcParams["xtick.direction"])
        self.color = rcParams["xtick.color"]
        self.width = float(rcParams["xtick.major.width"])

    def set_tick_direction(self, direction: str) -> None:
        """'in', 'out' or 'inout' (relative to the tick labels' side)."""
        if direction not in _OUT:
            raise ValueError(f"direction: got {direction!r}, expected 'in', 'out' or "
                             "'inout'")
        self.direction = direction

    def get_tick_direction(self) -> str:
        return self.direction

    def set_tick_out(self, b) -> None:
        """Ticks on the tick labels' side (True) or away from them (False)."""
        self.direction = "out" if b else "in"

    def set_ticksize(self, ticksize) -> None:
        """The ticks' length in points."""
        self.size = float(ticksize)

    def get_ticksize(self) -> float:
        return self.size

    def set_color(self, color) -> None:
        self.color = color

    def set_linewidth(self, width) -> None:
        """The ticks' width in points."""
        self.width = float(width)

    set_markeredgewidth = set_mew = set_linewidth


class _Text(_Part):
    """What tick labels and labels share: pad (points), size, color, direction."""

    def __init__(self, visible: bool, direction: str, pad: float, size, color) -> None:
        super().__init__(visible)
        self.direction = _check_side(direction, "axis_direction")
        self.pad = float(pad)
        self.size = size
        self.color = color
        self.ha: str | None = None  # None: the direction's default
        self.va: str | None = None

    def set_ha(self, ha: str) -> None:
        """The horizontal alignment (until the next ``set_axis_direction``)."""
        if ha not in _HA:
            raise ValueError(f"ha: got {ha!r}, expected one of {', '.join(_HA)}")
        self.ha = ha

    def set_va(self, va: str) -> None:
        """The vertical alignment (until the next ``set_axis_direction``)."""
        if va not in _VA:
            raise ValueError(f"va: got {va!r}, expected one of {', '.join(_VA)}")
        self.va = va

    def alignment(self, defaults: dict) -> tuple[str, str]:
        """(va, ha): those set, else the direction's ``defaults``."""
        va, ha = defaults[self.direction]
        return self.va or va, self.ha or ha

    def set_pad(self, pad) -> None:
        """Points between what stands inside it and the text."""
        self.pad = float(pad)

    def get_pad(self) -> float:
        return self.pad

    def set_axis_direction(self, direction: str) -> None:
        """axisartist's direction: the text's default angle and alignment."""
        self.direction = _check_side(direction, "axis_direction")
        self.ha = self.va = None

    def set_size(self, size) -> None:
        self.size = size

    set_fontsize = set_size

    def set_color(self, color) -> None:
        self.color = color


class TickLabels(_Text):
    """``axis.major_ticklabels``."""

    def invert_axis_direction(self) -> None:
        """The opposite direction."""
        self.direction = _OPPOSITE[self.direction]


class AxisLabel(_Text):
    """``axis.label``: its text (by default the axes' x or y label) and rotation."""

    def __init__(self, *args, default_text) -> None:
        super().__init__(*args)
        self._default = default_text  # a function: the axes' label text
        self.text: str | None = None
        self.rotation = 0.0

    def set_text(self, text) -> None:
        self.text = str(text)

    def get_text(self) -> str:
        return self._default() if self.text is None else self.text

    def set_rotation(self, rotation) -> None:
        """Degrees added to axisartist's angle."""
        self.rotation = float(rotation)


def _box_side(ax, side: str) -> tuple[np.ndarray, float]:
    """The middle of a side of the box (pixels) and the side's angle."""
    x0, y0, w, h = ax.box
    return {"bottom": (np.array([x0 + w / 2, y0]), 0.0),
            "top": (np.array([x0 + w / 2, y0 + h]), 0.0),
            "left": (np.array([x0, y0 + h / 2]), 90.0),
            "right": (np.array([x0 + w, y0 + h / 2]), 90.0)}[side]


class FixedAxisHelper:
    """``ax.axis["bottom"].get_helper()`` of a curvilinear side: ``nth_coord_ticks``
    says whose values label its ticks (0 lon, 1 lat).

    A helper tells a :class:`DrawnAxisArtist` its ``ticks(ax, grid)`` (pixel location,
    normal and tangent angles, label, per tick), ``label_at(ax, grid)`` (where the
    label stands and the axis's angle there, or None) and ``line(ax, grid)`` (pixel
    points of the line it draws, or None where a spine draws it)."""

    def __init__(self, side: str) -> None:
        self.side = side
        self.nth_coord = 0 if side in ("bottom", "top") else 1
        self.nth_coord_ticks = self.nth_coord

    def ticks(self, ax, grid) -> list:
        """Where the grid lines cross this side: labelled with ``nth_coord_ticks``'s
        values, the other's ticks unlabelled."""
        info = helper_info(ax, grid)
        tangent = 0.0 if self.side in ("bottom", "top") else 90.0
        # the grid's sides are in data coordinates: limits inverted across this side
        # put its crossings on the opposite one (matplotlib's rule)
        lo, hi = ax.get_ylim() if self.nth_coord == 0 else ax.get_xlim()
        side = _OPPOSITE[self.side] if lo > hi else self.side
        out = []
        for coord, labelled in ((self.nth_coord_ticks, True),
                                (1 - self.nth_coord_ticks, False)):
            for tick in info[("lon", "lat")[coord]]["ticks"][side]:
                (x, y), normal = tick["loc"]
                loc = ax.transData.forward(np.array([x, y], dtype=float))
                out.append((loc, float(normal), tangent, tick["label"] if labelled else ""))
        return out

    def label_at(self, ax, grid):
        return _box_side(ax, self.side)

    def line(self, ax, grid) -> None:
        return None  # the spine


class FloatingAxisHelper:
    """``get_helper()`` of a floating axis: the curve where coordinate ``nth_coord``
    (0 lon, 1 lat) is ``value``; ``bounded``: ticks only within the grid's extremes
    (a side of floating axes)."""

    def __init__(self, nth_coord: int, value: float, bounded: bool = False) -> None:
        self.nth_coord, self.value, self.bounded = nth_coord, value, bounded

    def ticks(self, ax, grid) -> list:
        return _floating_ticks(ax, grid, self)

    def label_at(self, ax, grid):
        nth, value = self.nth_coord, self.value
        lo, hi = _extremes(ax, grid)[1 - nth]
        mid = (lo + hi) / 2
        uv = (value, mid) if nth == 0 else (mid, value)
        return _pixel_and_angle(ax, grid, *uv, 1 - nth, (lo, hi))

    def line(self, ax, grid) -> np.ndarray:
        nth = self.nth_coord
        return ax.transData.forward(grid.floating_curve(nth, self.value,
                                                        _extremes(ax, grid)[1 - nth]))


class DrawnAxisArtist:
    """One axis of a curvilinear grid: a side of the box (``helper`` a
    :class:`FixedAxisHelper`, its line the axes' spine) or a floating axis
    (:class:`FloatingAxisHelper`), drawn by axisartist's rules."""

    def __init__(self, axes, helper, axis_direction: str, spine=None,
                 ticklabels: bool = True, label: bool = True) -> None:
        self.axes, self._helper, self.spine = axes, helper, spine
        self._line_visible = True
        fig = axes.figure
        self._px = fig.points_to_pixels
        x = axis_direction in ("bottom", "top") if spine is not None else \
            helper.nth_coord == 0
        axis = axes.xaxis if x else axes.yaxis
        self.major_ticks = Ticks(True)
        self.minor_ticks = Ticks(False)
        self.major_ticklabels = TickLabels(ticklabels, axis_direction,
                                           rcParams["xtick.major.pad"],
                                           rcParams["xtick.labelsize"],
                                           rcParams["xtick.labelcolor"]
                                           if rcParams["xtick.labelcolor"] != "inherit"
                                           else rcParams["xtick.color"])
        self.minor_ticklabels = TickLabels(False, axis_direction, 0.0, 1.0, "black")
        self.label = AxisLabel(label, axis_direction, 5.0, rcParams["axes.labelsize"],
                               rcParams["axes.labelcolor"],
                               default_text=axis.get_label_text)
        self.line = AxisLine(spine)
        self._arrow: tuple[str, float] | None = None
        self._ticklabel_add = self._label_add = 0.0
        self.set_axis_direction(axis_direction)

    def set_axisline_style(self, axisline_style=None, size: float = 1.0):
        """The line with an arrow head at its end: '->' (open) or '-|>' (filled),
        ``size`` scaling the head; '-' a plain line; None lists the styles."""
        if axisline_style is None:
            return list(_LINE_STYLES)
        if axisline_style not in _LINE_STYLES:
            raise ValueError(f"axisline_style: got {axisline_style!r}, expected one of "
                             f"{', '.join(_LINE_STYLES)}")
        if self.spine is not None and axisline_style != "-":
            raise NotImplementedError(
                f"set_axisline_style({axisline_style!r}) on a side drawn by its spine: "
                "lumos draws arrows on floating axes there")
        self._arrow = None if axisline_style == "-" else (axisline_style, float(size))
        return None

    def get_helper(self):
        """The helper: which coordinate labels the ticks (a side's
        ``nth_coord_ticks``), or the curve (a floating axis's)."""
        return self._helper

    # -- axisartist's directions --------------------------------------------------
    def set_axis_direction(self, axis_direction: str) -> None:
        """axisartist's side convention: tick labels' and label's angle and alignment,
        and their side ('-' for left and top, '+' for bottom and right)."""
        _check_side(axis_direction, "axis_direction")
        self.major_ticklabels.set_axis_direction(axis_direction)
        self.label.set_axis_direction(axis_direction)
        sign = "-" if axis_direction in ("left", "top") else "+"
        self.set_ticklabel_direction(sign)
        self.set_axislabel_direction(sign)

    def set_ticklabel_direction(self, tick_direction: str) -> None:
        """'+' or '-': the tick labels' side, relative to the increasing coordinate."""
        self._ticklabel_add = _sign(tick_direction, "tick_direction")

    def set_axislabel_direction(self, label_direction: str) -> None:
        """'+' or '-': the label's side, relative to the increasing coordinate."""
        self._label_add = _sign(label_direction, "label_direction")

    def invert_ticklabel_direction(self) -> None:
        """The tick labels to the other side of the line."""
        self._ticklabel_add = (self._ticklabel_add + 180.0) % 360.0
        self.major_ticklabels.invert_axis_direction()

    # -- showing ------------------------------------------------------------------
    #: show (True) or hide (False) the ticks, tick labels and label (axisartist's)
    toggle = AxisArtist.toggle

    def set_visible(self, visible) -> None:
        """Show or hide the line, ticks, tick labels and label together."""
        self._line_visible = bool(visible)
        if self.spine is not None:
            self.spine.set_visible(bool(visible))
        self.toggle(all=bool(visible))

    def get_visible(self) -> bool:
        return self._line_visible

    # -- drawing ------------------------------------------------------------------
    def draw(self, ov, helper) -> None:
        """Line (a floating axis's), ticks, tick labels and label in figure pixels."""
        if self._line_visible:
            self._draw_line(ov, helper)
        ticks = self._helper.ticks(self.axes, helper)
        tk = self.major_ticks
        size = self._px(tk.size)
        for loc, normal, tangent, _label in ticks:
            if not tk.get_visible() or not self._inside(loc):
                continue
            angle_label = tangent - 90.0 + self._ticklabel_add
            angle = normal if 90 <= (angle_label - normal) % 360 <= 270 else normal + 180
            u = np.array([math.cos(math.radians(angle)), math.sin(math.radians(angle))])
            a, b = {"in": (0.0, 1.0), "out": (-1.0, 0.0), "inout": (-0.5, 0.5)}[
                tk.direction]
            ov.line(np.array([loc + a * size * u, loc + b * size * u]), tk.color,
                    self._px(tk.width))
        external = size * _OUT[tk.direction] * tk.get_visible()
        label_pad = self._draw_ticklabels(ov, ticks, external)
        if self.label.get_visible():
            if self._ticklabel_add != self._label_add:
                # axisartist's: the ticks' size in points, taken as pixels
                label_pad = tk.size * (1.0 - _OUT[tk.direction]) * tk.get_visible()
            self._draw_label(ov, helper, label_pad)

    def _inside(self, loc) -> bool:
        x0, y0, w, h = self.axes.box
        tol = 1e-6 * max(w, h)
        return x0 - tol <= loc[0] <= x0 + w + tol and y0 - tol <= loc[1] <= y0 + h + tol

    def _draw_ticklabels(self, ov, ticks, external: float) -> float:
        """The tick labels; returns the label's pad (pixels) beyond the line."""
        tl = self.major_ticklabels
        if not tl.get_visible():
            return external
        size = self._px(textmod.points(tl.size))
        shown = [t for t in ticks if t[3].strip() and self._inside(t[0])]
        va, ha = tl.alignment(_TICKLABEL_ALIGN)
        r, total = _offsets(tl.direction, va, ha, [textmod.ink_size(t[3], size) for t in shown])
        pad = external + self._px(tl.pad)
        for loc, _normal, tangent, label in shown:
            ref = tangent - 90.0 + self._ticklabel_add
            _text(ov, label, loc, ref, r + pad, ref + 90 + _TICKLABEL_ANGLE[tl.direction],
                  size, tl.color, ha, va)
        return total + pad

    def _draw_label(self, ov, helper, external: float) -> None:
        text = self.label.get_text()
        if not text:
            return
        at = self._helper.label_at(self.axes, helper)
        if at is None or not self._inside(at[0]):
            return
        loc, tangent = at
        lb = self.label
        ref = tangent - 90.0 + self._label_add
        va, ha = lb.alignment(_LABEL_ALIGN)
        _text(ov, text, loc, ref, external + self._px(lb.pad),
              ref + 90 + _LABEL_ANGLE[lb.direction] + lb.rotation,
              self._px(textmod.points(lb.size)), lb.color, ha, va)

    def _draw_line(self, ov, helper) -> None:
        ax = self.axes
        pts = self._helper.line(ax, helper)
        if pts is None:
            return
        x0, y0, w, h = ax.box
        tol = 1e-6 * max(w, h)
        outside = ~((pts[:, 0] >= x0 - tol) & (pts[:, 0] <= x0 + w + tol) &
                    (pts[:, 1] >= y0 - tol) & (pts[:, 1] <= y0 + h + tol))
        pts = np.where(outside[:, None], np.nan, pts)  # NaN breaks the line
        width = self._px(self.line.get_linewidth())
        color = self.line.get_color()
        if self._arrow is None:
            ov.line(pts, color, width)
            return
        # axisartist's arrow: the line runs on past its end by the head's size
        # (points taken as pixels, as there), the head at the new end
        pts = pts[np.isfinite(pts).all(axis=1)]
        if len(pts) < 2:
            return
        style, size = self._arrow
        scale = size * textmod.points(self.major_ticklabels.size)
        u = pts[-1] - pts[-2]
        u = u / np.hypot(*u)
        tip = pts[-1] + scale * u
        ov.line(np.vstack([pts, tip]), color, width)
        n = np.array([-u[1], u[0]])
        ms = self._px(scale)
        # matplotlib's head (head length 0.4, width 0.2 of the scale), its tip drawn back
        # so that the stroke's corner ends at the line's end
        head = tip - 0.5 * width * np.hypot(0.4, 0.2) / 0.2 * u
        arms = [head - 0.4 * ms * u + 0.2 * ms * n, head, head - 0.4 * ms * u - 0.2 * ms * n]
        if style == "-|>":
            ov.polygon(arms, color)
        ov.line(np.array(arms), color, width)


class AxisLine:
    """``axis.line``: the axis line's color and width (its spine's, for a side)."""

    def __init__(self, spine) -> None:
        self._spine = spine
        self._color = rcParams["axes.edgecolor"]
        self._width = float(rcParams["axes.linewidth"])

    def set_color(self, color) -> None:
        if self._spine is not None:
            self._spine.set_color(color)
        self._color = color

    def get_color(self):
        return self._spine.get_edgecolor() if self._spine is not None else self._color

    def set_linewidth(self, width) -> None:
        """The line's width in points."""
        if self._spine is not None:
            self._spine.set_linewidth(width)
        self._width = float(width)

    def get_linewidth(self) -> float:
        return float(self._spine.get_linewidth()) if self._spine is not None else \
            self._width


def _text(ov, s: str, loc, ref: float, radius: float, rotation: float, size: float,
          color, ha: str, va: str) -> None:
    """Text ``radius`` pixels from ``loc`` towards angle ``ref``, turned by
    ``rotation`` about its (ha, va) anchor (matplotlib's rotation_mode 'anchor')."""
    t = math.radians(ref)
    x, y = loc[0] + radius * math.cos(t), loc[1] + radius * math.sin(t)
    rotation = (rotation + 180.0) % 360.0 - 180.0
    tx, ty, tha, tva = textmod.place(s, x, y, size, ha, va, rotation, "anchor")
    ov.text(s, tx, ty, size, color, ha=tha, va=tva, rotation=rotation)


def _offsets(direction: str, va: str, ha: str, sizes: list) -> tuple[float, float]:
    """axisartist's offset of the tick labels' anchor from the pad (r) and their depth
    across the line (total), from their (width, height, descent)."""
    if not sizes:
        return 0.0, 0.0
    if direction in ("left", "right"):
        total = max(w for w, _h, _d in sizes)
        far = "left" if direction == "left" else "right"
        return {far: total, "center": total / 2}.get(ha, 0.0), total
    total = max(h for _w, h, _d in sizes)
    if va == "baseline":
        ascent = max(h - d for _w, h, d in sizes)
        descent = max(d for _w, _h, d in sizes)
        return (ascent if direction == "bottom" else descent), ascent + descent
    far = "bottom" if direction == "bottom" else "top"
    return {far: total, "center": total / 2}.get(va, 0.0), total


def helper_info(ax, helper) -> dict:
    """The grid info of the axes' view."""
    return helper.grid_info(tuple(ax.get_xlim()), tuple(ax.get_ylim()))


def _extremes(ax, helper) -> tuple[tuple[float, float], tuple[float, float]]:
    """The curved coordinates' ranges over the view: (lon lo, hi), (lat lo, hi)."""
    e = helper_info(ax, helper)["extremes"]
    return (float(e.x0), float(e.x1)), (float(e.y0), float(e.y1))


def _pixel_and_angle(ax, helper, u, v, nth: int, span) -> tuple[np.ndarray, float]:
    """Figure pixels of curved point (u, v) and the angle (degrees) of the direction
    in which coordinate ``nth`` grows there; where the curve is degenerate (a polar
    origin) the angle a step along the other coordinate gives."""
    def px(a, b):
        return ax.transData.forward(helper.to_data(a, b))[0]

    here = px(u, v)
    step = 1e-6 * max(abs(span[1] - span[0]), 1e-12)
    for across in (0.0, step * 1e3):
        a, b = (u, v + across) if nth == 0 else (u + across, v)
        base = px(a, b)
        d = (px(a + step, b) if nth == 0 else px(a, b + step)) - base
        if np.hypot(*d) > 0:
            return here, math.degrees(math.atan2(d[1], d[0]))
    return here, 0.0


def _floating_ticks(ax, helper, fh: FloatingAxisHelper) -> list:
    """A floating axis's ticks: at the grid values of the other coordinate along the
    curve, with the curve's normal (the other coordinate's) and tangent angles."""
    nth, value = fh.nth_coord, fh.value
    ext = _extremes(ax, helper)
    other = 1 - nth
    levels, labels = helper.levels(other, *ext[other])
    if fh.bounded:
        lo, hi = sorted(ext[other])
        tol = 1e-10 * max(hi - lo, 1e-300)
        keep = (levels >= lo - tol) & (levels <= hi + tol)
        levels, labels = levels[keep], [t for t, k in zip(labels, keep, strict=True) if k]
    out = []
    for level, label in zip(levels, labels, strict=True):
        uv = (value, level) if nth == 0 else (level, value)
        loc, tangent = _pixel_and_angle(ax, helper, *uv, other, ext[other])
        _, normal = _pixel_and_angle(ax, helper, *uv, nth, ext[nth])
        out.append((loc, normal, tangent, label))
    return out


class CurvedGrid(LineCollection):
    """The grid lines of a curvilinear grid (lon and lat lines in data coordinates),
    made again for the view at each frame the view moved."""

    def __init__(self, axes, helper) -> None:
        super().__init__(axes, [], colors=rcParams["grid.color"],
                         linewidth=rcParams["grid.linewidth"],
                         linestyle=rcParams["grid.linestyle"],
                         alpha=rcParams["grid.alpha"])
        self._helper = helper
        self.which_axis = "both"
        self._for = None
        self.set_visible(False)

    def draw_overlay(self, ov) -> None:
        key = (tuple(self.axes.get_xlim()), tuple(self.axes.get_ylim()), self.which_axis)
        if key != self._for:
            self._for = key
            ax = self.axes
            self.set_segments(self._helper.grid_lines(ax.get_xlim(), ax.get_ylim(),
                                                      self.which_axis))
        super().draw_overlay(ov)


class _Reach:
    """An overlay stand-in that keeps the pixel box of the texts drawn into it (what a
    curvilinear axes' artists reach, for the layout)."""

    def __init__(self) -> None:
        self.box = [math.inf, math.inf, -math.inf, -math.inf]

    def _take(self, x0, y0, x1, y1) -> None:
        b = self.box
        self.box = [min(b[0], x0), min(b[1], y0), max(b[2], x1), max(b[3], y1)]

    def line(self, points, color, width_px: float, *args, **kwargs) -> None:
        """Ticks and curves: no part of the reach (matplotlib's layout counts an
        axisartist axis's texts only)."""

    def text(self, s: str, x: float, y: float, size_px: float, color="black",
             ha: str = "center", va: str = "center", rotation: float = 0.0) -> None:
        # turned about its anchor, as the overlay draws it (the default rotation mode
        # put a turned label's box up to a label's width off the text drawn)
        self._take(*textmod.window_box(s, x, y, size_px, ha, va, rotation, "anchor"))


def reach(ax, artists, helper) -> tuple[float, float, float, float]:
    """Pixels (left, right, bottom, top) the curvilinear ``artists`` of ``ax`` reach
    beyond its box."""
    rec = _Reach()
    for artist in artists:
        artist.draw(rec, helper)
    x0, y0, w, h = ax.box
    b = rec.box
    if not math.isfinite(b[0]):
        return 0.0, 0.0, 0.0, 0.0
    return (max(0.0, x0 - b[0]), max(0.0, b[2] - (x0 + w)), max(0.0, y0 - b[1]),
            max(0.0, b[3] - (y0 + h)))
