"""Drawing a rectilinear axis in figure pixels: spines, ticks on either side, tick labels
(rotated as matplotlib rotates them), the offset text and the axis label; and how far all
of it reaches beyond the axes box (what the layout makes room for).

Side 1 is the bottom (x) or left (y) spine, side 2 the top or right one; ticks and
labels of a side follow its spine when it moves (``Spine.set_position``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from types import SimpleNamespace

import numpy as np

from .. import colors
from ..visuals.fonts import hinting
from . import text as textmod
from .bbox import Bbox
from .fonts import face_of
from .snapping import marker_snap, snap_tick
from .style import dash_pattern
from .textstyle import block_lines

_SPINE = {("x", 1): "bottom", ("x", 2): "top", ("y", 1): "left", ("y", 2): "right"}


def _rotated_size(text: str, size_px: float, rotation: float, face: str) -> tuple:
    """``text.rotated_size``, kept: a pan measures the labels it showed before again
    (for the layout in force: a raster's hinted advances or a vector file's)."""
    return _rotated_size_kept(text, size_px, rotation, face, hinting())


@lru_cache(maxsize=4096)
def _rotated_size_kept(text: str, size_px: float, rotation: float, face: str,
                       _hinting: tuple | None) -> tuple:
    return textmod.rotated_size(text, size_px, rotation, face=face)


@dataclass(repr=False, eq=False)
class Label:
    """One tick label as it will be drawn."""

    text: str
    pos: float  # pixels along the axis
    size: float  # pixels
    color: tuple
    rotation: float
    mode: str | None
    ha: str | None
    va: str | None
    face: str  # the bundled face drawing it
    visible: bool
    width: float = 0.0  # rotated box, pixels
    height: float = 0.0
    bbox: dict | None = None  # TickLabel.set_bbox: the box behind it (textbox.box_spec)


class TickSet:
    """The major or the minor ticks of one axis: positions, style and labels."""

    def __init__(self, ax, axis, which: str, values: np.ndarray, labels: list[str],
                 pos: np.ndarray, index: list[int] | None = None) -> None:
        fig = ax.figure
        # each tick's index among the locator's (Axis.tick_index): restyling goes by it
        self.index = axis.tick_index(which).tolist() if index is None else index
        st = getattr(axis, which)
        self.which = which
        self.style = st
        self.values = values
        self.pos = pos  # pixels along the axis
        self.length = fig.points_to_pixels(st.size)
        self.width = fig.points_to_pixels(st.width)
        self.snap = marker_snap(fig, self.width)  # how Agg snaps the tick marks
        self.direction = {"out": 1.0, "inout": 0.5, "in": 0.0}[st.direction]
        self.pad = fig.points_to_pixels(st.pad)
        size = fig.points_to_pixels(st.labelsize)
        self.labels = {1: [], 2: []}
        if not len(labels):  # no ticks (a NullLocator's minor set): nothing to style
            return
        # the style's face, looked up once: most labels have no override
        style_face = face_of(st.labelfamily, st.labelstyle, st.labelweight).name
        x = axis.name == "x"
        overrides = axis.overrides
        for side in (1, 2):
            if not getattr(st, f"label{side}On"):
                continue
            part = f"label{side}"
            # what every label of the side shares, worked out once per side instead of
            # per label; a label with overrides gets one of its own
            plain = _label_style(fig, st, {}, size, style_face, x, side)
            # Python floats: numpy scalars cost more per label than the label's work
            for i, p, text in zip(self.index, self.pos.tolist(), labels, strict=False):
                o = overrides.get((which, i, part)) if overrides else None
                t = _label_style(fig, st, o, size, style_face, x, side) if o else plain
                lab = Label(str(o.get("text", text)) if o else str(text), p, t.size,
                            t.color, t.rotation, t.mode, t.ha, t.va, t.face,
                            t.visible and bool(text) and math.isfinite(p), bbox=t.bbox)
                lab.width, lab.height = _rotated_size(lab.text, t.size, t.rotation, t.face)
                self.labels[side].append(lab)

    def outside(self, side: int) -> float:
        """How far the ticks of a side stick out of the spine (pixels)."""
        if not getattr(self.style, f"tick{side}On") or not len(self.values):
            return 0.0
        return self.length * self.direction

    def label_gap(self) -> float:
        """How far beyond the spine the labels start (pixels): the pad beyond the
        ticks' outside length, the ticks shown or not (matplotlib's: ``bottom=False``
        keeps the labels where they were)."""
        return (self.length * self.direction if len(self.values) else 0.0) + self.pad

    def reach(self, axis_name: str, side: int) -> float:
        """How far ticks and labels of a side reach beyond the spine (pixels)."""
        labels = [lab for lab in self.labels[side] if lab.visible]
        out = self.outside(side)
        if not labels:
            return out
        across = [(lab.height if axis_name == "x" else lab.width) *
                  _outward(lab, axis_name == "x", side) for lab in labels]
        return max(out, self.label_gap() + max(across))

    def ink_reach(self, side: int) -> float:
        """:meth:`reach` of an x axis's upright labels measured as axisartist measures
        them: the deepest ink above a baseline and the deepest below it."""
        labels = [lab for lab in self.labels[side] if lab.visible and lab.text.strip()]
        out = self.outside(side)
        if not labels:
            return out
        if any(lab.rotation % 360 for lab in labels):
            return self.reach("x", side)
        sizes = [textmod.ink_size(lab.text, lab.size, lab.face) for lab in labels]
        depth = max(h - d for _w, h, d in sizes) + max(d for _w, _h, d in sizes)
        return max(out, self.label_gap() + depth)


def _outward(lab: Label, x: bool, side: int) -> float:
    """The part of an upright tick label beyond its anchor, away from the axes (of its
    height for x, its width for y): all of it as drawn by default, none for a left label
    aligned 'left' (it runs back over the axes: gallery align_ticklabels.py) or a bottom
    one aligned 'bottom' (axisartist's labels across the line)."""
    if lab.rotation % 360 != 0:
        return 1.0
    if x:
        if lab.va is None:
            return 1.0
        part = {"top": 1.0, "center": 0.5, "center_baseline": 0.5}.get(lab.va, 0.0)
    else:
        if lab.ha is None:
            return 1.0
        part = {"left": 0.0, "center": 0.5, "right": 1.0}[lab.ha]
    return part if side == 1 else 1.0 - part


def _label_style(fig, st, o: dict, size: float, style_face: str, x: bool,
                 side: int) -> Label:
    """The properties a label of ``side`` takes from the axis style ``st`` and its
    overrides ``o`` (text and position left empty): size, color, rotation and
    alignment (``rotation_mode`` 'xtick'/'ytick' resolved), face, visibility, box."""
    lsize = fig.points_to_pixels(o["size"]) if "size" in o else size
    face = face_of(o.get("family", st.labelfamily), o.get("style", st.labelstyle),
                   o.get("weight", st.labelweight)).name \
        if o.keys() & {"family", "style", "weight"} else style_face
    color = o.get("color", st.labelcolor)
    if o.get("alpha") is not None:
        color = colors.to_rgba(color, o["alpha"])
    lab = Label(text="", pos=0.0, size=lsize, color=color,
                rotation=float(o.get("rotation", st.labelrotation)),
                mode=o.get("rotation_mode", st.rotation_mode),
                ha=o.get("ha", getattr(st, "label_ha", None)),
                va=o.get("va", getattr(st, "label_va", None)), face=face,
                visible=bool(o.get("visible", True)), bbox=o.get("bbox"))
    _point_at_tick(lab, x, side)
    return lab


class TickLayout:
    """Ticks of one axis in pixels, with the labels of each side."""

    def __init__(self, ax, axis) -> None:
        self.axis = axis
        # Axis.ticks, minor_ticks and tick_index from one look-up of the tick lists
        every, every_labels, inside, _, minor_inside, offset = axis.tick_lists()
        keep = inside.tolist()
        major = every[inside]
        labels = [t for t, k in zip(every_labels, keep, strict=True) if k]
        minor, minor_labels = axis.minor_ticks()
        # both sets in one call (np.r_'s indexing machinery costs more than the mapping)
        with np.errstate(all="ignore"):
            pos = axis.pixels_along(np.concatenate((major, minor))) \
                if len(major) + len(minor) else np.zeros(0)
        self.major_set = TickSet(ax, axis, "major", major, labels, pos[:len(major)],
                                 [i for i, k in enumerate(keep) if k])
        self.minor_set = TickSet(ax, axis, "minor", minor, minor_labels, pos[len(major):],
                                 np.flatnonzero(minor_inside).tolist())
        self.major, self.minor, self.labels, self.offset = major, minor, labels, offset
        self.size_px = ax.figure.points_to_pixels(axis.major.labelsize)
        # the label extents a projection drawing one side reads
        side = axis.offset_side
        labs = self.major_set.labels[side] or self.major_set.labels[3 - side]
        self.widths = np.array([lab.width for lab in labs])
        self.heights = np.array([lab.height for lab in labs])
        self.outside = self.major_set.outside(side)
        self.pad = self.major_set.pad

    def reach(self, side: int) -> float:
        return max(self.major_set.reach(self.axis.name, side),
                   self.minor_set.reach(self.axis.name, side))

    def label_clearance(self, side: int) -> float:
        """How far beyond the spine the axis label's pad starts (pixels): :meth:`reach`,
        or the reach of the labels' ink where the axis asks (``ticklabel_clearance``)."""
        if self.axis.ticklabel_clearance == "ink" and self.axis.name == "x":
            return max(self.major_set.ink_reach(side), self.minor_set.ink_reach(side))
        return self.reach(side)

    def label_extent(self) -> float:
        """How far labels reach away from the spine on the axis's main side (pixels)."""
        return self.reach(self.axis.offset_side)


def _spine(ax, axis, side: int):
    return ax.spines.get(_SPINE[(axis.name, side)]) if hasattr(ax.spines, "get") else None


def _base(ax, axis, side: int) -> float:
    spine = _spine(ax, axis, side)
    if spine is not None and spine.axes is not None:
        return spine.base()
    bx, by, bw, bh = ax.box
    if axis.name == "x":
        return by if side == 1 else by + bh
    return bx if side == 1 else bx + bw


def _offset(ax, axis, side: int) -> float:
    spine = _spine(ax, axis, side)
    return spine.offset_px() if spine is not None and spine.axes is not None else 0.0


def _style_face(st: dict) -> str:
    """The face of a label's or offset text's style (family, style, weight)."""
    return face_of(st.get("family"), st.get("style"), st.get("weight")).name


def _label_size(ax, axis) -> tuple[float, float, float]:
    lsize = ax.figure.points_to_pixels(axis.label_size)
    face = _style_face(axis.label_style)
    return (*textmod.measure(axis.drawn_label, lsize, face=face)[:2], lsize)


def axis_margins(ax, axis, ticks: TickLayout | None = None) -> dict[str, float]:
    """Pixels the axis's decorations reach beyond each side of the box."""
    fig = ax.figure
    out = {"left": 0.0, "right": 0.0, "bottom": 0.0, "top": 0.0}
    if not axis.visible:
        return out
    ticks = ticks or TickLayout(ax, axis)
    x = axis.name == "x"
    for side in (1, 2):
        name = _SPINE[(axis.name, side)]
        # from the spine (a spine moved into the box takes its label in with it)
        reach = ticks.reach(side) + _offset(ax, axis, side)
        # a label placed across the axis (set_label_coords) reaches from where it is put
        # (matplotlib's layouts take its box where it is); one placed only along it
        # (set_xlabel(position=(x, _))) keeps its automatic distance
        across = (axis.label_coords or (None, None))[1 if x else 0]
        if axis.drawn_label and axis.label_position == name:
            if across is not None:  # its box where it is drawn, beyond this side
                px, py, ha, va, rot, mode, lsize, face = _label_place(ax, axis, ticks)
                x0, y0, x1, y1 = textmod.window_box(axis.drawn_label, px, py, lsize, ha, va,
                                                    rot, mode, face=face)
                bx, by, bw, bh = ax.box
                beyond = {"bottom": by - y0, "top": y1 - by - bh, "left": bx - x0,
                          "right": x1 - bx - bw}[name]
                reach = max(reach, beyond)
            else:
                # an x label at the top stands on its baseline (matplotlib's)
                w, h, lsize = _label_size(ax, axis)
                face = _style_face(axis.label_style)
                above = h - textmod.measure(axis.drawn_label, lsize, face=face)[2] \
                    if x and side == 2 else h
                reach += fig.points_to_pixels(axis.labelpad) + above
        if axis.offset_visible(ticks) and x and axis.offset_side == side:
            reach = max(reach, ticks.reach(side) + textmod.measure(
                ticks.offset, ticks.size_px)[1] + 4)
        out[name] = max(out[name], reach, 0.0)
    bx, by, bw, bh = ax.box
    for side in (1, 2):  # labels at the ends may overhang the box (from where they are
        # drawn: the layout engines run passes until the ticks settle), by their boxes
        # as drawn (a y label's 'center_baseline' reaches lower than it reaches up)
        spans = [_span_along(lab, x, side) for lab in ticks.major_set.labels[side]
                 if lab.visible and np.isfinite(lab.pos)]
        if not spans:
            continue
        lo, hi = min(s[0] for s in spans), max(s[1] for s in spans)
        start, size = (bx, bw) if x else (by, bh)
        out["left" if x else "bottom"] = max(out["left" if x else "bottom"], start - lo)
        out["right" if x else "top"] = max(out["right" if x else "top"], hi - (start + size))
    if not x and axis.offset_visible(ticks):
        out["top"] = max(out["top"], textmod.measure(ticks.offset, ticks.size_px)[1] + 2)
    return out


def draw_spines(ax, ov, names=None) -> None:
    """The visible spines (of ``names`` only, when given)."""
    fig = ax.figure
    for name, spine in ax.spines.items():
        if not spine.get_visible() or spine.axes is None or (names is not None and
                                                              name not in names):
            continue
        width = fig.points_to_pixels(spine.linewidth)
        dashes = dash_pattern(spine.linestyle, width)
        points, cap = spine.stroke(width, dashes is None)
        ov.line(points, spine.color, width, dashes, {"cap": cap, "dash_cap": cap})


def draw_axis(ax, axis, ov, ticks: TickLayout | None = None, boxes=None) -> None:
    """Ticks, tick labels, offset text and label of one axis; the boxes behind tick
    labels (``TickLabel.set_bbox``) go to the overlay ``boxes`` (default ``ov``)."""
    if not axis.visible:
        return
    fig = ax.figure
    ticks = ticks or TickLayout(ax, axis)
    x = axis.name == "x"
    bx, by, bw, bh = ax.box
    lo, hi = (bx, bx + bw) if x else (by, by + bh)
    tol = 1e-6 * (hi - lo)
    overrides = axis.overrides
    for side in (1, 2):
        base = _base(ax, axis, side)
        sign = -1.0 if side == 1 else 1.0
        part = f"tick{side}line"
        for ts in (ticks.major_set, ticks.minor_set):
            _draw_labels(ov, fig, axis, ts, side, base, sign, x, boxes or ov)
            if not getattr(ts.style, f"tick{side}On") or not len(ts.pos):
                continue
            # the set's tick, worked out once: most ticks have no override
            style = (ts.length, ts.width, ts.style.color)
            ends = _tick_ends(base, sign, ts.direction, ts.length)
            for i, p in zip(ts.index, ts.pos.tolist(), strict=True):  # floats: cheaper
                if not (math.isfinite(p) and lo - tol <= p <= hi + tol):
                    continue
                o = overrides.get((ts.which, i, part)) if overrides else None
                length, width, color = style
                a, b = ends
                if o:
                    if not o.get("visible", True):
                        continue
                    length = fig.points_to_pixels(o["size"]) if "size" in o else length
                    width = fig.points_to_pixels(o["width"]) if "width" in o else width
                    color = o.get("color", color)
                    a, b = _tick_ends(base, sign, ts.direction, length)
                if not (length > 0 and width > 0):  # tick_params(size=0): no tick at all
                    continue
                snap = ts.snap if width == ts.width else marker_snap(fig, width)
                ov.line(snap_tick(p, base, (a, b), snap, x), color, width)
    _draw_offset(ax, axis, ticks, ov)
    _draw_label(ax, axis, ticks, ov, boxes or ov)


def _tick_ends(base: float, sign: float, direction: float, length: float) -> tuple:
    """Where a tick of ``length`` starts and ends across the axis (pixels)."""
    a = base + sign * length * direction
    return a, a - sign * length


def _draw_labels(ov, fig, axis, ts: TickSet, side: int, base: float, sign: float,
                 x: bool, boxes) -> None:
    labels = [lab for lab in ts.labels[side] if lab.visible]
    if not labels:
        return
    gap = base + sign * ts.label_gap()
    # every label, overlapping or not, as matplotlib draws them
    for lab in labels:
        if not math.isfinite(lab.pos):
            continue
        rot = lab.rotation
        px, py, ha, va = _anchor(lab, x, side, gap)
        mode = lab.mode
        if lab.bbox is not None:
            from .textbox import draw_box  # labels with a box only

            style = SimpleNamespace(bbox=lab.bbox, ha=ha, va=va, rotation=rot,
                                    rotation_mode=mode)
            draw_box(boxes, fig, lab.text, px, py, lab.size, style, lab.face)
        tx, ty, tha, tva = textmod.place(lab.text, px, py, lab.size, ha, va, rot, mode,
                                         face=lab.face)
        ov.text(lab.text, tx, ty, lab.size, lab.color, ha=tha, va=tva, rotation=rot,
                face=lab.face)


def _anchor(lab: Label, x: bool, side: int, at: float) -> tuple[float, float, str, str]:
    """Where a label of ``side`` is aligned (``at``: pixels across the axis) and how:
    (x, y, ha, va)."""
    if x:
        return lab.pos, at, lab.ha or "center", lab.va or ("top" if side == 1 else "bottom")
    return (at, lab.pos, lab.ha or ("right" if side == 1 else "left"),
            lab.va or "center_baseline")


def tick_label_box(ax, axis, which: str, index: int, side: int) -> Bbox | None:
    """The box of one tick label (``which`` 'major'/'minor', its ``index`` and
    ``side``) in figure pixels, where ``draw_axis`` puts it with the axes' box of the
    last draw; None when it is not shown."""
    ts = getattr(TickLayout(ax, axis), f"{which}_set")
    labels = ts.labels[side]
    k = ts.index.index(index) if index in ts.index else -1  # out of view: not shown
    if not (axis.visible and 0 <= k < len(labels) and labels[k].visible):
        return None
    lab = labels[k]
    sign = -1.0 if side == 1 else 1.0
    px, py, ha, va = _anchor(lab, axis.name == "x", side,
                             _base(ax, axis, side) + sign * ts.label_gap())
    return Bbox.from_extents(*textmod.window_box(lab.text, px, py, lab.size, ha, va,
                                                 lab.rotation, lab.mode, face=lab.face))


def _span_along(lab: Label, x: bool, side: int) -> tuple[float, float]:
    """Where along the axis (pixels) a label's box, as drawn, starts and ends."""
    px, py, ha, va = _anchor(lab, x, side, 0.0)
    x0, y0, x1, y1 = textmod.window_box(lab.text, px, py, lab.size, ha, va, lab.rotation,
                                        lab.mode, face=lab.face)
    return (x0, x1) if x else (y0, y1)


def _point_at_tick(lab: Label, x: bool, side: int) -> None:
    """rotation_mode 'xtick'/'ytick' (matplotlib 3.10): the alignment, chosen from the
    angle, that makes the text end (or start) at its tick, with the rotated box aligned
    ('default' mode); set here so the layout makes room where the label is drawn."""
    if lab.mode not in ("xtick", "ytick"):
        return
    # the alignments _draw_labels gives a label that sets none
    va = lab.va or (("top" if side == 1 else "bottom") if x else "center_baseline")
    ha = lab.ha or ("center" if x else ("right" if side == 1 else "left"))
    if lab.mode == "xtick":
        lab.ha = _ha_for_angle(lab.rotation % 360, va)
    else:
        lab.va = _va_for_angle(lab.rotation % 360, ha)
    lab.mode = None


def _ha_for_angle(angle: float, va: str) -> str:
    """rotation_mode='xtick': the horizontal alignment that makes a label rotated by
    ``angle`` degrees end (or start) at its tick, as matplotlib chooses it."""
    if angle <= 10 or angle >= 350 or 85 <= angle <= 95 or 170 <= angle <= 190 or \
            265 <= angle <= 275:
        return "center"
    at_bottom = va == "bottom"
    if 10 < angle < 85 or 190 < angle < 265:
        return "left" if at_bottom else "right"
    return "right" if at_bottom else "left"


def _va_for_angle(angle: float, ha: str) -> str:
    """rotation_mode='ytick': the vertical alignment that makes a label rotated by
    ``angle`` degrees point at its tick, as matplotlib chooses it."""
    if angle <= 10 or angle >= 350 or 170 <= angle <= 190 or 80 <= angle <= 100 or \
            260 <= angle <= 280:
        return "center"
    at_left = ha == "left"
    if 10 < angle < 80 or 190 < angle < 260:
        return "baseline" if at_left else "top"
    return "top" if at_left else "baseline"


def y_offset_box(ax) -> tuple[float, float, float] | None:
    """(x0, x1, height) in figure pixels of the y axis's offset text above the box
    (``×10⁴``), or None when there is none."""
    axis = ax.yaxis
    if not axis.visible:
        return None
    ticks = TickLayout(ax, axis)
    if not axis.offset_visible(ticks):
        return None
    size = ax.figure.points_to_pixels(axis.offset_style["size"]) \
        if "size" in axis.offset_style else ticks.size_px
    w, h = textmod.measure(ticks.offset, size, face=_style_face(axis.offset_style))[:2]
    bx, _, bw, _ = ax.box
    x = bx + (bw if axis.offset_side == 2 else 0)
    return (x - w, x, h) if axis.offset_side == 2 else (x, x + w, h)


def _draw_offset(ax, axis, ticks: TickLayout, ov) -> None:
    if not axis.offset_visible(ticks):
        return
    bx, by, bw, bh = ax.box
    side = axis.offset_side
    style = axis.offset_style
    size = ax.figure.points_to_pixels(style["size"]) if "size" in style else ticks.size_px
    color = style.get("color", axis.major.labelcolor)
    if axis.name == "x":
        sign = -1.0 if side == 1 else 1.0
        y = _base(ax, axis, side) + sign * (ticks.reach(side) + 2)
        ov.text(ticks.offset, bx + bw, y, size, color, ha="right",
                va="top" if side == 1 else "bottom", face=_style_face(style))
    else:
        ov.text(ticks.offset, bx + (bw if side == 2 else 0), by + bh + 2, size, color,
                ha="right" if side == 2 else "left", va="bottom", face=_style_face(style))


def _label_base(ax, axis, side: int, ticks: TickLayout) -> float:
    """Where the axis label stands across the axis (pixels): past the tick labels of
    ``side`` and the label pad."""
    reach = ticks.label_clearance(side) + ax.figure.points_to_pixels(axis.labelpad)
    return _base(ax, axis, side) + (-1.0 if side == 1 else 1.0) * reach


def _group_base(ax, axis, side: int, ticks: TickLayout) -> float:
    """``_label_base``, or the outermost of its group's (Figure.align_ylabels)."""
    base = _label_base(ax, axis, side, ticks)
    for member in axis.label_group:
        if member is not axis and member.axes.get_visible() and member.visible and \
                member.label_position == axis.label_position:
            other = _label_base(member.axes, member, side, TickLayout(member.axes, member))
            base = min(base, other) if side == 1 else max(base, other)
    return base


def aligned_label_reach(ax, axis, ticks: TickLayout) -> float | None:
    """Pixels from its spine an axis label aligned with others (Figure.align_ylabels)
    stands at; None for a label alone, which stands past its own ticks."""
    if len(axis.label_group) < 2:
        return None
    side = 1 if axis.label_position in ("bottom", "left") else 2
    return abs(_group_base(ax, axis, side, ticks) - _base(ax, axis, side))


def _label_place(ax, axis, ticks: TickLayout) -> tuple:
    """Where and how the axis label is drawn: (x, y, ha, va, rotation, rotation_mode,
    size in pixels, face)."""
    bx, by, bw, bh = ax.box
    x = axis.name == "x"
    side = 1 if axis.label_position in ("bottom", "left") else 2
    _, _, lsize = _label_size(ax, axis)
    st = axis.label_style
    base = _group_base(ax, axis, side, ticks)
    loc = axis.label_loc
    frac = {"left": 0.0, "bottom": 0.0, "center": 0.5, "right": 1.0, "top": 1.0}[loc]
    coords = axis.label_coords or (None, None)
    if x:
        px = bx + (frac if coords[0] is None else coords[0]) * bw
        py = base if coords[1] is None else by + coords[1] * bh
        ha = {"left": "left", "center": "center", "right": "right"}[loc]
        rot = float(st.get("rotation", 0.0))
        va = "top" if side == 1 else "baseline"  # matplotlib's set_label_position
    else:
        px = base if coords[0] is None else bx + coords[0] * bw
        py = by + (frac if coords[1] is None else coords[1]) * bh
        ha = {"bottom": "left", "center": "center", "top": "right"}[loc]
        rot = float(st.get("rotation", 90.0))
        va = "bottom" if side == 1 else "top"
    if x and coords[1] is not None:
        va = "center"
    # the script's alignment wins (set_ylabel(..., rotation=-90, va="bottom"): a right
    # label turned to read downwards, outside the tick labels, as matplotlib)
    ha, va = st.get("ha", ha), st.get("va", va)
    mode = st.get("rotation_mode", "anchor" if not x else None)
    return px, py, ha, va, rot, mode, lsize, _style_face(axis.label_style)


def label_box_shape(ax, axis, ticks: TickLayout) -> tuple | None:
    """The box behind the axis label (``bbox=``) relative to the point the label is
    aligned at: (triangles (k, 3, 2), closed edge (n, 2) or None, the edge's width and
    dash pattern in pixels), or None without a box."""
    if not axis.drawn_label or axis.label_style.get("bbox") is None:
        return None
    from .textbox import box_parts

    px, py, ha, va, rot, mode, lsize, face = _label_place(ax, axis, ticks)
    style = SimpleNamespace(bbox=axis.label_style["bbox"], ha=ha, va=va, rotation=rot,
                            rotation_mode=mode)
    tris, edge, width, dashes = box_parts(ax.figure, axis.drawn_label, px, py, lsize, style,
                                          face)
    return tris - (px, py), None if edge is None else edge - (px, py), width, dashes


def axis_label_box(ax, axis) -> Bbox | None:
    """The box of the axis label in figure pixels, where ``draw_axis`` puts it with the
    axes' box of the last draw; None when it is not shown."""
    if not (axis.visible and axis.drawn_label):
        return None
    px, py, ha, va, rot, mode, lsize, face = _label_place(ax, axis, TickLayout(ax, axis))
    return Bbox.from_extents(*textmod.window_box(axis.drawn_label, px, py, lsize, ha, va, rot,
                                                 mode, face=face))


def _draw_label(ax, axis, ticks: TickLayout, ov, boxes) -> None:
    if not axis.drawn_label:
        return
    st = axis.label_style
    color = st.get("color", axis.label_color)
    if st.get("alpha") is not None:
        color = colors.to_rgba(color, st["alpha"])
    px, py, ha, va, rot, mode, lsize, face = _label_place(ax, axis, ticks)
    if st.get("bbox") is not None:  # set_ylabel(..., bbox=dict(...))
        from .textbox import draw_box  # labels with a box only

        style = SimpleNamespace(bbox=st["bbox"], ha=ha, va=va, rotation=rot,
                                rotation_mode=mode)
        # with the label (an axes' decoration, which a page redraws) unless dashed
        dashed = st["bbox"]["linestyle"] is not None and st["bbox"]["linestyle"][1]
        draw_box(boxes if dashed else ov, ax.figure, axis.drawn_label, px, py, lsize, style,
                 face)
    for tx, ty, s, tha, tva in block_lines(axis.drawn_label, px, py, lsize, face, ha, va, rot,
                                           mode, st.get("ma")):
        ov.text(s, tx, ty, lsize, color, ha=tha, va=tva, rotation=rot, face=face)
