"""Legends: labelled handles in a framed box, placed by ``loc`` (``'best'`` avoids data).

matplotlib's keywords: ``loc`` (a name, a code 0..10, or axes-fraction (x, y); figure
legends also ``'outside upper right'``...), ``bbox_to_anchor`` (with
``bbox_transform``), ``ncols``, ``fontsize``/``prop``, ``labelcolor``, ``title``,
``title_fontsize``/``title_fontproperties``, ``alignment``, ``frameon``,
``framealpha``, ``fancybox``, ``shadow``, ``facecolor``, ``edgecolor``,
``markerscale``, ``markerfirst``, ``reverse``, ``handlelength``, ``handleheight``,
``handletextpad``, ``borderpad``, ``labelspacing``, ``columnspacing``,
``borderaxespad``, ``numpoints``, ``scatterpoints``, ``scatteryoffsets``,
``mode="expand"``.
"""

from __future__ import annotations

import math

import numpy as np

from .. import colors
from . import text as textmod
from . import validate
from .artists import check_picker
from .bbox import Bbox
from .containers import Container
from .effects import Stroke, TickedStroke, read_effects
from .fonts import FontProperties
from .legend_best import best_location
from .legend_draw import draw_handle
from .legend_handles import entry_handle, is_line_handle
from .legend_lines import LegendLine
from .legend_text import LegendText
from .line_effects import effect_steps
from .patch_style import rc
from .snapping import pixel_snap, snap_pixel
from .style import rcParams

LOCATIONS = {
    "best": 0, "upper right": 1, "upper left": 2, "lower left": 3, "lower right": 4,
    "right": 5, "center left": 6, "center right": 7, "lower center": 8, "upper center": 9,
    "center": 10,
}
#: (x, y) fractions of the free area for each numbered location (an inset, an
#: anchored text: of the box they are anchored in)
LOC_ANCHORS = {1: (1, 1), 2: (0, 1), 3: (0, 0), 4: (1, 0), 5: (1, 0.5), 6: (0, 0.5),
               7: (1, 0.5), 8: (0.5, 0), 9: (0.5, 1), 10: (0.5, 0.5)}
# matplotlib's rule: the first word (less "center") names the side, so "outside upper
# right" stands on top at the right and "outside right upper" on the right at the top
_OUTSIDE = {"outside upper right": ("top", 1), "outside right upper": ("right", 1),
            "outside center right": ("right", 7), "outside right center": ("right", 7),
            "outside lower right": ("bottom", 4), "outside right lower": ("right", 4),
            "outside upper left": ("top", 2), "outside left upper": ("left", 2),
            "outside center left": ("left", 6), "outside left center": ("left", 6),
            "outside lower left": ("bottom", 3), "outside left lower": ("left", 3),
            "outside upper center": ("top", 9), "outside lower center": ("bottom", 8)}


def _param(value, key: str, default):
    return float(rc(f"legend.{key}", default) if value is None else value)


def _count(value, key: str) -> int:
    """numpoints or scatterpoints: markers per legend entry (rcParams legend.<key>)."""
    n = rc(f"legend.{key}", 1) if value is None else value
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"{key}: got {value!r}, expected an integer >= 1")
    return int(n)


class Legend:
    """``ax.legend()``, ``ax.legend(loc="upper left")``, ``ax.legend(handles, labels)``."""

    def __init__(self, ax, *args, loc=None, fontsize=None, frameon=None, title=None,
                 ncol: int = 1, ncols: int | None = None, framealpha=None, bbox_to_anchor=None,
                 bbox_transform=None, prop=None, labelcolor=None, title_fontsize=None,
                 title_fontproperties=None, alignment: str = "center", fancybox=None,
                 shadow=None, facecolor=None, edgecolor=None, markerscale=None,
                 markerfirst: bool = True, reverse: bool = False, handlelength=None,
                 handleheight=None, handletextpad=None, borderpad=None, labelspacing=None,
                 columnspacing=None, borderaxespad=None, numpoints=None, scatterpoints=None,
                 scatteryoffsets=None, mode=None, draggable: bool = False,
                 handler_map: dict | None = None, **kwargs) -> None:
        self.axes = ax
        handles, labels = _handles_and_labels(ax, args, kwargs)
        if kwargs:
            raise TypeError(f"legend: unexpected keyword arguments {sorted(kwargs)}")
        fig = ax.figure
        entries = [(entry_handle(h, fig, handler_map), str(lab))
                   for h, lab in zip(handles, labels, strict=False)
                   if not str(lab).startswith("_")]  # matplotlib keeps "" labels given
        self.entries = entries[::-1] if reverse else entries
        self._visible = True
        self._zorder = 5.0  # matplotlib's Legend.zorder
        self._in_layout = True
        self.outside_side = None
        if loc is None:
            loc = rc("legend.loc", "best")
        if isinstance(loc, str) and loc.startswith("outside"):
            if loc not in _OUTSIDE:
                raise ValueError(f"loc: got {loc!r}, expected one of {', '.join(_OUTSIDE)}")
            self.outside_side, loc = _OUTSIDE[loc]
        self.loc_point = None
        if isinstance(loc, str):
            if loc not in LOCATIONS:
                raise ValueError(f"loc: got {loc!r}, expected one of {', '.join(LOCATIONS)}, "
                                 "a code 0..10 or (x, y)")
            loc = LOCATIONS[loc]
        elif np.ndim(loc) == 1 and np.size(loc) == 2:
            self.loc_point = tuple(float(v) for v in loc)  # lower left corner, axes fraction
            loc = 3
        if loc not in range(11):
            raise ValueError(f"loc: got {loc!r}, expected a location name, 0..10 or (x, y)")
        self.loc = int(loc)
        self.bbox_to_anchor = _anchor(bbox_to_anchor, bbox_transform, ax)
        font = FontProperties.coerce(prop)
        size = fontsize if fontsize is not None else font.size
        self.fontsize = textmod.points(rcParams["legend.fontsize"] if size is None else size)
        self.entries = [(h, LegendText(lab, self.fontsize, font)) for h, lab in self.entries]
        # matplotlib's legend lines: one per entry drawn with a line handle
        self._lines = {i: LegendLine(self, i) for i, (h, _) in enumerate(self.entries)
                       if is_line_handle(h)}
        self.labelcolor = labelcolor if labelcolor is not None else rc("legend.labelcolor",
                                                                       "None")
        tfont = FontProperties.coerce(title_fontproperties)
        tsize = title_fontsize if title_fontsize is not None else tfont.size
        self._title = LegendText("" if title is None else str(title),
                                 self.fontsize if tsize is None else textmod.points(tsize),
                                 tfont)
        if alignment not in ("left", "center", "right"):
            raise ValueError(f"alignment: got {alignment!r}, expected 'left', 'center' or "
                             "'right'")
        self.alignment = alignment
        self.frameon = bool(rc("legend.frameon", True) if frameon is None else frameon)
        self.fancybox = bool(rc("legend.fancybox", True) if fancybox is None else fancybox)
        self.shadow = bool(rc("legend.shadow", False) if shadow is None else shadow)
        self.frame_effects: list = []  # legend.legendPatch.set_path_effects
        # matplotlib's: a shadowed legend's frame is opaque unless framealpha is given;
        # rcParams' None (the 'classic' style) keeps the colors' own alpha
        self.framealpha = 1.0 if framealpha is None and (
            self.shadow or rc("legend.framealpha", 0.8) is None) else \
            _param(framealpha, "framealpha", 0.8)
        face = rc("legend.facecolor", "inherit") if facecolor is None else facecolor
        self.facecolor = colors.to_rgba(rcParams["axes.facecolor"] if face == "inherit"
                                        else face, argname="facecolor")
        edge = rc("legend.edgecolor", "0.8") if edgecolor is None else edgecolor
        self.frame_linewidth = float(rc("patch.linewidth", 1.0))  # points, as matplotlib's
        self.edgecolor = colors.to_rgba(rcParams["axes.edgecolor"] if edge == "inherit"
                                        else edge, argname="edgecolor")
        self.markerscale = _param(markerscale, "markerscale", 1.0)
        self.markerfirst = bool(markerfirst)
        self.handlelength = _param(handlelength, "handlelength", 2.0)
        self.handleheight = _param(handleheight, "handleheight", 0.7)
        self.handletextpad = _param(handletextpad, "handletextpad", 0.8)
        self.borderpad = _param(borderpad, "borderpad", 0.4)
        self.labelspacing = _param(labelspacing, "labelspacing", 0.5)
        self.columnspacing = _param(columnspacing, "columnspacing", 2.0)
        self.borderaxespad = _param(borderaxespad, "borderaxespad", 0.5)
        self.ncols = int(ncols if ncols is not None else ncol)
        if mode not in (None, "expand"):
            raise ValueError(f"mode: got {mode!r}, expected None or 'expand'")
        self.mode = mode
        self.numpoints = _count(numpoints, "numpoints")
        self.scatterpoints = _count(scatterpoints, "scatterpoints")
        # matplotlib's heights of the scatter markers in the handle box, repeated
        offsets = [3 / 8, 4 / 8, 2.5 / 8] if scatteryoffsets is None else \
            [validate.number(v, "scatteryoffsets") for v in np.ravel(scatteryoffsets)]
        if not offsets:
            raise ValueError("scatteryoffsets: got an empty sequence, expected numbers")
        self.scatteryoffsets = np.resize(offsets, self.scatterpoints)
        self._draggable = None
        self._picker = None
        self._dragged_to: tuple[float, float] | None = None  # pixels, while dragged
        if draggable:
            self.set_draggable(True)

    # matplotlib's accessors
    def get_texts(self) -> list[LegendText]:
        """The labels' texts (``set_color``, ``set_fontsize``, ``set_text``, ...)."""
        return [t for _, t in self.entries]

    def get_lines(self) -> list[LegendLine]:
        """The lines of the entries drawn with a line (``set_picker``, ``set_alpha``,
        ``set_visible`` change how the legend draws them), in entry order."""
        return list(self._lines.values())

    def get_title(self) -> LegendText:
        """The title's text (``get_title().set_fontweight("bold")``)."""
        return self._title

    def set_title(self, title, prop=None) -> None:
        self._title.set_text(title)
        if prop is not None:
            self._title.set_fontproperties(prop)

    def set_visible(self, visible: bool) -> None:
        """Hide the legend (False) or show it again; hidden, it takes no room."""
        self._visible = bool(visible)

    def get_visible(self) -> bool:
        return self._visible

    def get_zorder(self) -> float:
        """The legend's drawing order (matplotlib's 5): its axes' artists of a higher
        zorder draw over it."""
        return self._zorder

    def set_zorder(self, z: float) -> None:
        """The legend's drawing order (see :meth:`get_zorder`)."""
        self._zorder = validate.number(z, "zorder")

    @property
    def figure(self):
        """The figure (or subfigure) the legend is in."""
        return self.axes.figure

    def set_in_layout(self, in_layout) -> None:
        """Whether the layout makes room for the legend when it is anchored outside
        its axes (matplotlib's ``set_in_layout``; True by default)."""
        self._in_layout = bool(in_layout)

    def get_in_layout(self) -> bool:
        """Whether the layout makes room for the legend (:meth:`set_in_layout`)."""
        return self._in_layout

    def _shown(self) -> bool:
        return bool(self.entries) and self._visible

    def set_draggable(self, state: bool, use_blit: bool = False, update: str = "loc"):
        """Let the mouse drag the legend (matplotlib's); on release ``update='loc'``
        sets ``loc`` to its place, ``'bbox'`` its ``bbox_to_anchor``. Returns the
        :class:`~lumos.plot.draggable.DraggableLegend`, or None when ``state`` is
        False."""
        from .draggable import DraggableLegend

        if state:
            if self._draggable is None:
                self._draggable = DraggableLegend(self, use_blit, update=update)
        else:
            if self._draggable is not None:
                self._draggable.disconnect()
            self._draggable = None
        return self._draggable

    def get_draggable(self) -> bool:
        """Whether the mouse may drag the legend (:meth:`set_draggable`)."""
        return self._draggable is not None

    # -- picking (matplotlib's Artist.pick of the legend, then of its children) -------
    def set_picker(self, picker) -> None:
        """Make clicks inside the legend's box ``pick_event`` events naming the legend:
        True, a number, a callable ``picker(legend, mouseevent) -> (hit, props)``, or
        None/False (no picking)."""
        self._picker = check_picker(picker)

    def get_picker(self):
        """The picker set by ``set_picker``."""
        return self._picker

    def pickable(self) -> bool:
        """Whether the legend has a picker and is shown."""
        return self.get_picker() not in (None, False) and self._shown()

    def pick_tolerance(self) -> float:
        """Unused by legends (a click inside the box picks them); 0 points."""
        return 0.0

    def contains(self, mouseevent) -> tuple[bool, dict]:
        """Whether a mouse event falls inside the legend's box (matplotlib's)."""
        if not self._shown() or mouseevent.x is None:
            return False, {}
        return bool(self.get_window_extent().contains(mouseevent.x, mouseevent.y)), {}

    def pick_hit(self, mouseevent) -> tuple[bool, dict]:
        """Whether a click picks the legend: inside its box."""
        return self.contains(mouseevent)

    def pick_members(self) -> list:
        """What a click on the legend may pick, in matplotlib's order: the legend, its
        title, then each entry's line (where it has one) and text."""
        out: list = [self, self._title]
        for i, (_, text) in enumerate(self.entries):
            if i in self._lines:
                out.append(self._lines[i])
            out.append(text)
        return out

    def get_figure(self, root: bool = False):
        """The figure (``root``: the top figure) the legend is in; None once removed."""
        if self not in (*getattr(self.axes, "kept_legends", ()),
                        getattr(self.axes, "legend_", None),
                        *getattr(self.axes.figure, "legends", ())):
            return None
        fig = self.axes.figure
        return fig.figure if root else fig

    def drag_to(self, x: float, y: float) -> None:
        """Stand with the lower left corner at figure pixel (x, y) until :meth:`drop`
        (a drag's moves)."""
        self._dragged_to = (float(x), float(y))

    def drop(self, update: str = "loc") -> None:
        """End a drag: keep the place :meth:`drag_to` gave as ``loc`` (the corner in
        fractions of the anchor box: matplotlib's ``DraggableLegend``) or, ``update=
        'bbox'``, as ``bbox_to_anchor`` (the point the ``loc`` corner stands at, in
        axes fractions)."""
        if self._dragged_to is None:
            return
        x, y = self._dragged_to
        self._dragged_to = None
        bx, by, bw, bh = self.axes.box
        self.outside_side = None
        if update == "bbox":  # the anchor point, a box of no size: where _position puts
            if self.loc_point is None:  # the loc corner, a gap inside
                width, height = self._size()[:2]
                gap = self.borderaxespad * self.axes.figure.points_to_pixels(self.fontsize)
                fx, fy = LOC_ANCHORS[self.loc or 10]
                x, y = x + fx * width - (1 - 2 * fx) * gap, y + fy * height - (1 - 2 * fy) * gap
                self.loc = self.loc or 10
            self.bbox_to_anchor = ((x - bx) / bw, (y - by) / bh)
            return
        ax_, ay_, aw, ah = self._anchor_box()
        if aw == 0 or ah == 0:  # matplotlib: back to the default anchor box
            self.bbox_to_anchor = None
            ax_, ay_, aw, ah = self._anchor_box()
        self.loc = 3
        self.loc_point = ((x - ax_) / aw, (y - ay_) / ah)

    def get_frame(self) -> LegendFrame:
        return LegendFrame(self)

    @property
    def legendPatch(self) -> LegendFrame:  # noqa: N802
        return LegendFrame(self)

    def remove(self) -> None:
        if getattr(self.axes, "legend_", None) is self:
            self.axes.legend_ = None
        kept = getattr(self.axes, "kept_legends", [])
        if self in kept:
            kept.remove(self)
        legends = getattr(self.axes.figure, "legends", [])
        if self in legends:
            legends.remove(self)

    # -- geometry ------------------------------------------------------------------------
    def get_window_extent(self, renderer=None):
        """The legend's box in figure pixels (a :class:`~lumos.plot.bbox.Bbox`), where
        the axes' box of the last draw puts it; ``renderer`` is accepted for
        matplotlib's signature."""
        width, height = self._size()[:2]
        x, y = self._position(width, height)
        return Bbox.from_bounds(x, y, width, height)

    def get_tightbbox(self, renderer=None):
        """The legend's box in figure pixels (its window extent)."""
        return self.get_window_extent(renderer)

    def _size(self):
        """Box size and the entries' row geometry, in pixels."""
        px = self.axes.figure.points_to_pixels
        fs = px(self.fontsize)
        pad = self.borderpad * fs
        spacing = self.labelspacing * fs
        handle_len = self.handlelength * fs
        text_pad = self.handletextpad * fs
        texts = [t for _, t in self.entries]
        # an empty label is still a line high, as matplotlib's text layout measures "lp"
        sizes = [textmod.measure(t.get_text() or "lp", px(t.get_fontsize()), face=t.face())
                 for t in texts]
        sizes = [(w if t.get_text() else 0.0, h, d) for t, (w, h, d) in zip(texts, sizes,
                                                                          strict=True)]
        # matplotlib's rows: the handle's box and the label's, on one baseline
        rows = [self._entry_rows(t, size, fs) for t, size in zip(texts, sizes, strict=True)]
        row_h = [r[0] + r[1] for r in rows]
        ncols = max(1, min(self.ncols, len(self.entries)))
        nrows = -(-len(self.entries) // ncols)
        # each column stacks its own rows (matplotlib packs the columns apart)
        col_h = [sum(row_h[c * nrows:(c + 1) * nrows]) +
                 (len(row_h[c * nrows:(c + 1) * nrows]) - 1) * spacing for c in range(ncols)]
        col_w = [0.0] * ncols
        for i, s in enumerate(sizes):
            c = i // nrows
            col_w[c] = max(col_w[c], handle_len + text_pad + s[0])
        title = self._shown_title()
        title_w, title_h, _ = textmod.measure(
            title.get_text(), px(title.get_fontsize()), face=title.face()) \
            if title else (0.0, 0.0, 0.0)
        title_h = title_h + spacing if title else 0.0
        width = 2 * pad + sum(col_w) + (ncols - 1) * self.columnspacing * fs
        width = max(width, title_w + 2 * pad)
        if self.mode == "expand":
            width = max(width, self._expand_width())
        height = 2 * pad + title_h + max(col_h, default=0.0)
        return width, height, fs, pad, spacing, handle_len, text_pad, rows, nrows, col_w, \
            title_h

    def _entry_rows(self, label: LegendText, size: tuple, fs: float) -> tuple:
        """(above, below, the label's last baseline above the row's) of one entry, in
        pixels: matplotlib's ``HPacker(align='baseline')`` of the handle's box
        (``handleheight`` font sizes less its descent high, ``0.35 (handleheight - 0.7)``
        of them below the baseline) and the label's ``TextArea`` (``multilinebaseline``: a label of
        several lines has its baseline half-way down, less half of "lp"'s ascent)."""
        _, h, d = size
        _, h_lp, d_lp = textmod.measure("lp", self.axes.figure.points_to_pixels(
            label.get_fontsize()), face=label.face())
        if "\n" in label.get_text():
            below = 0.5 * h - 0.5 * (h_lp - d_lp)
            above, lift = h - below, d - below
        else:
            above, below, lift = max(h_lp - d_lp, h - d), d, 0.0
        # the handle's DrawingArea: ``fs * handleheight - descent`` high from ``descent``
        # below the baseline
        descent = 0.35 * fs * (self.handleheight - 0.7)
        return (max(above, fs * self.handleheight - 2 * descent), max(below, descent), lift)

    def _expand_width(self) -> float:
        gap = self.borderaxespad * self.axes.figure.points_to_pixels(self.fontsize)
        box = self._anchor_box()
        return box[2] - 2 * gap if self.bbox_to_anchor is None or len(
            self.bbox_to_anchor) == 2 else self.bbox_to_anchor[2] * self.axes.box[2]

    def _anchor_box(self) -> tuple[float, float, float, float]:
        """The box ``loc`` places the legend in: the axes, the bbox_to_anchor box, or the
        figure side an 'outside' legend stands on."""
        bx, by, bw, bh = self.axes.box
        a = self.bbox_to_anchor
        if a is None:
            return bx, by, bw, bh
        if len(a) == 2:
            return bx + a[0] * bw, by + a[1] * bh, 0.0, 0.0
        return bx + a[0] * bw, by + a[1] * bh, a[2] * bw, a[3] * bh

    def _position(self, width: float, height: float) -> tuple[float, float]:
        if self._dragged_to is not None:
            return self._dragged_to
        bx, by, bw, bh = self.axes.box
        gap = self.borderaxespad * self.axes.figure.points_to_pixels(self.fontsize)
        if self.loc_point is not None:  # (x, y): the corner in fractions of the anchor box
            ax_, ay_, aw, ah = self._anchor_box()
            return ax_ + self.loc_point[0] * aw, ay_ + self.loc_point[1] * ah
        if self.outside_side is not None:
            return self._outside_position(width, height, gap)
        if self.bbox_to_anchor is not None:
            # the corner named by loc sits at the anchor point (or in the anchor box): with
            # loc="center left", bbox_to_anchor=(1, 0.5) it stands right of the axes
            fx, fy = LOC_ANCHORS[self.loc or 10]
            ax_, ay_, aw, ah = self._anchor_box()
            return (ax_ + fx * aw - fx * width + (1 - 2 * fx) * gap,
                    ay_ + fy * ah - fy * height + (1 - 2 * fy) * gap)
        loc = self.loc if self.loc != 0 else self._best(width, height, gap)
        fx, fy = LOC_ANCHORS[loc]
        x = bx + gap + fx * (bw - width - 2 * gap)
        y = by + gap + fy * (bh - height - 2 * gap)
        return x, y

    def _outside_position(self, width: float, height: float, gap: float):
        """A figure legend 'outside' the axes: at the figure's edge, in the room the
        layout left there (:meth:`outside`)."""
        fx, fy = LOC_ANCHORS[self.loc]
        bx, by, bw, bh = self.axes.box  # the whole figure for figure legends
        side = self.outside_side
        if side in ("right", "left"):
            x = bx + bw - width - gap if side == "right" else bx + gap
            y = by + gap + fy * (bh - height - 2 * gap)
        else:
            x = bx + gap + fx * (bw - width - 2 * gap)
            y = by + bh - height - gap if side == "top" else by + gap
        return x, y

    def outside(self) -> tuple[float, float, float, float]:
        """Pixels the legend reaches beyond its axes (left, right, bottom, top), for the
        layout; a legend inside the axes needs none."""
        if not self._shown():
            return 0.0, 0.0, 0.0, 0.0
        width, height = self._size()[:2]
        gap = self.borderaxespad * self.axes.figure.points_to_pixels(self.fontsize)
        if self.outside_side is not None:
            room = {"left": (width + 2 * gap, 0, 0, 0), "right": (0, width + 2 * gap, 0, 0),
                    "bottom": (0, 0, height + 2 * gap, 0), "top": (0, 0, 0, height + 2 * gap)}
            return room[self.outside_side]
        if self.bbox_to_anchor is None:
            return 0.0, 0.0, 0.0, 0.0
        x, y = self._position(width, height)
        bx, by, bw, bh = self.axes.box
        return (max(bx - x, 0.0), max(x + width - bx - bw, 0.0), max(by - y, 0.0),
                max(y + height - by - bh, 0.0))

    def _best(self, width: float, height: float, gap: float) -> int:
        """matplotlib's 'best' (:mod:`.legend_best`) among the ten locations."""
        ax = self.axes
        bx, by, bw, bh = ax.box
        candidates = []
        for loc in range(1, 11):
            fx, fy = LOC_ANCHORS[loc]
            x = bx + gap + fx * (bw - width - 2 * gap)
            y = by + gap + fy * (bh - height - 2 * gap)
            candidates.append((loc, (x, y, x + width, y + height)))
        return best_location([*ax.artists, *ax.plain_texts], candidates)

    # -- drawing -----------------------------------------------------------------------
    def _frame(self, ov, x: float, y: float, width: float, height: float, fs: float) -> None:
        fig = self.axes.figure
        px = fig.points_to_pixels
        radius = 0.2 * fs if self.fancybox else 0.0
        face = colors.to_rgba(self.facecolor, self.framealpha * self.facecolor[3])
        edge = colors.to_rgba(self.edgecolor, self.framealpha * self.edgecolor[3])
        snap = None if radius else pixel_snap(fig, px(self.frame_linewidth) if edge[3] else 0.0)
        if snap is not None:  # a square frame is a rectilinear patch: Agg snaps it
            offset, h = snap
            x0, x1 = (snap_pixel(v, offset) for v in (x, x + width))
            y0, y1 = (snap_pixel(v, offset, h) for v in (y, y + height))
            x, y, width, height = x0, y0, x1 - x0, y1 - y0
        if self.shadow:
            shadow = (0.0, 0.0, 0.0, 0.5)
            for tri in _round_rect(x + px(2), y - px(2), width, height, radius):
                ov.polygon(tri, shadow)
        lw = px(self.frame_linewidth)
        # the effects in order, "line" where the frame itself is drawn
        for step in effect_steps(self.frame_effects) if self.frame_effects else ["line"]:
            if step == "line":
                for tri in _round_rect(x, y, width, height, radius):
                    ov.polygon(tri, face)
                ov.line(_round_outline(x, y, width, height, radius), edge, lw)
                continue
            dx, dy = (px(v) for v in step.offset)
            if isinstance(step, Stroke):  # the face with a wide edge: the edge's outer half
                # and the face within its inner half, as polygons, so that what comes
                # after (the frame) lies over it
                half = px(step.linewidth) / 2
                for tri in _round_rect(x + dx - half, y + dy - half, width + 2 * half,
                                       height + 2 * half, radius + half if radius else 0.0):
                    ov.polygon(tri, colors.to_rgba(step.foreground, step.alpha))
                if width > 2 * half and height > 2 * half:
                    for tri in _round_rect(x + dx + half, y + dy + half, width - 2 * half,
                                           height - 2 * half, max(radius - half, 0.0)):
                        ov.polygon(tri, face)
            else:  # SimplePatchShadow: the face's
                for tri in _round_rect(x + dx, y + dy, width, height, radius):
                    ov.polygon(tri, step.shadow_of(face))

    def draw(self, ov) -> None:
        if not self._shown():
            return
        (width, height, fs, pad, spacing, handle_len, text_pad, rows, nrows, col_w,
         title_h) = self._size()
        row_h = [r[0] + r[1] for r in rows]
        x, y = self._position(width, height)
        px = self.axes.figure.points_to_pixels
        if self.frameon:
            self._frame(ov, x, y, width, height, fs)
        top = y + height - pad
        title = self._shown_title()
        if title:
            tx = {"left": x + pad, "center": x + width / 2, "right": x + width - pad}[
                self.alignment]
            title.draw(ov, self.axes.figure, tx, top, "black", self.alignment, "top")
            top -= title_h
        # matplotlib packs the title and the columns with ``alignment``: columns narrower
        # than the title stand at its left, centre or right (expand mode spreads them)
        spare = width - 2 * pad - sum(col_w) - (len(col_w) - 1) * self.columnspacing * fs
        shift = 0.0 if self.mode == "expand" else \
            {"left": 0.0, "center": 0.5, "right": 1.0}[self.alignment] * max(spare, 0.0)
        for i, (handle, label) in enumerate(self.entries):
            col, row = divmod(i, nrows)
            cx = x + pad + shift + sum(col_w[:col]) + col * self.columnspacing * fs
            # the entry's baseline; the handle's middle (matplotlib's line handler:
            # half its box's height above the box's bottom)
            base = top - sum(row_h[col * nrows:i]) - row * spacing - rows[i][0]
            cy = base + fs * self.handleheight / 2 - 0.35 * fs * (self.handleheight - 0.7)
            size = px(label.get_fontsize())
            text_w = textmod.measure(label.get_text(), size, face=label.face())[0]
            if self.markerfirst:
                hx, lx, ha = cx, cx + handle_len + text_pad, "left"
            else:
                hx, lx, ha = cx + text_w + text_pad, cx + text_w, "right"
            h = draw_handle(ov, handle, hx, cy, handle_len, fs, px, self,
                             self._lines.get(i))
            if label.get_visible():
                label.draw(ov, self.axes.figure, lx, base + rows[i][2], self._label_color(h),
                           ha, "baseline")

    def _shown_title(self) -> LegendText | None:
        t = self._title
        return t if t.get_text() and t.get_visible() else None

    def _label_color(self, h):
        lc = self.labelcolor
        if lc in (None, "None"):
            return "black"
        if lc in ("linecolor", "markerfacecolor", "mfc", "markeredgecolor", "mec"):
            if h is None:
                return "black"
            if lc == "linecolor" and h.line is not None:
                return h.line[0]
            if h.marker is not None:
                return h.marker[3] if lc in ("markeredgecolor", "mec") else h.marker[2]
            if h.patch is not None:
                return h.patch[0]
            return "black"
        return lc


class LegendFrame:
    """``legend.get_frame()``: the frame's face and edge colors, line width, alpha."""

    def __init__(self, legend: Legend) -> None:
        self.legend = legend

    def set_facecolor(self, color) -> None:
        self.legend.facecolor = colors.to_rgba(color, argname="facecolor")

    def set_edgecolor(self, color) -> None:
        self.legend.edgecolor = colors.to_rgba(color, argname="edgecolor")

    def set_alpha(self, alpha) -> None:
        self.legend.framealpha = 1.0 if alpha is None else float(alpha)

    def get_alpha(self) -> float:
        return self.legend.framealpha

    def get_facecolor(self) -> tuple:
        return self.legend.facecolor

    def get_edgecolor(self) -> tuple:
        return self.legend.edgecolor

    def set_linewidth(self, lw) -> None:
        self.legend.frame_linewidth = float(rc("patch.linewidth", 1.0) if lw is None else lw)

    def get_linewidth(self) -> float:
        return self.legend.frame_linewidth

    def set_boxstyle(self, style) -> None:
        self.legend.fancybox = "round" in str(style)

    def set_visible(self, visible: bool) -> None:
        self.legend.frameon = bool(visible)

    def set_path_effects(self, path_effects) -> None:
        """matplotlib's path effects on the frame: ``Normal``, ``Stroke`` /
        ``withStroke`` and ``SimplePatchShadow`` / ``withSimplePatchShadow``; ticked
        strokes and line shadows are a TypeError."""
        effects = read_effects(path_effects, on="patch")
        for e in effects:
            if isinstance(e, TickedStroke) or getattr(e, "line", False):
                raise TypeError(f"path_effects: lumos draws no {type(e).__name__} on a "
                                "legend's frame (it draws Normal, Stroke and patch shadows)")
        self.legend.frame_effects = effects

    def get_path_effects(self) -> list:
        """The frame's path effects (lumos's objects standing for matplotlib's)."""
        return list(self.legend.frame_effects)


def _anchor(bbox_to_anchor, bbox_transform, ax):
    """bbox_to_anchor as axes fractions: (x, y) or (x, y, w, h)."""
    if bbox_to_anchor is None:
        return None
    try:
        values = tuple(float(v) for v in bbox_to_anchor)
    except (TypeError, ValueError):
        bounds = getattr(bbox_to_anchor, "bounds", None)  # a Bbox
        if bounds is None:
            raise TypeError(f"bbox_to_anchor: got {bbox_to_anchor!r}, expected (x, y) or "
                            "(x, y, width, height)") from None
        values = tuple(float(v) for v in bounds)
    if len(values) not in (2, 4):
        raise ValueError(f"bbox_to_anchor: got {bbox_to_anchor!r}, expected (x, y) or "
                         "(x, y, width, height)")
    if bbox_transform is not None:
        from .transforms_compat import as_transform

        t = as_transform(bbox_transform, "bbox_transform")
        bx, by, bw, bh = ax.box
        corners = np.array([[values[0], values[1]],
                            [values[0] + (values[2] if len(values) == 4 else 0),
                             values[1] + (values[3] if len(values) == 4 else 0)]])
        p = t.forward(corners)
        fx = (p[:, 0] - bx) / bw
        fy = (p[:, 1] - by) / bh
        values = (fx[0], fy[0]) if len(values) == 2 else \
            (fx[0], fy[0], fx[1] - fx[0], fy[1] - fy[0])
    return values


def _round_outline(x: float, y: float, w: float, h: float, r: float) -> np.ndarray:
    """A rectangle's outline with corners rounded by ``r`` pixels (closed)."""
    r = min(r, w / 2, h / 2)
    if r <= 0:
        return np.array([(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)])
    pts = []
    for cx, cy, a0 in ((x + w - r, y + r, -90), (x + w - r, y + h - r, 0),
                       (x + r, y + h - r, 90), (x + r, y + r, 180)):
        for a in np.linspace(a0, a0 + 90, 6):
            pts.append((cx + r * math.cos(math.radians(a)), cy + r * math.sin(math.radians(a))))
    pts.append(pts[0])
    return np.array(pts)


def _round_rect(x: float, y: float, w: float, h: float, r: float) -> list:
    """Triangles (a fan from the centre) filling a rounded rectangle."""
    ring = _round_outline(x, y, w, h, r)[:-1]
    c = (x + w / 2, y + h / 2)
    return [np.array([c, ring[i], ring[(i + 1) % len(ring)]]) for i in range(len(ring))]


def _handles_and_labels(ax, args, kwargs):
    handles = kwargs.pop("handles", None)
    labels = kwargs.pop("labels", None)
    if len(args) == 2:
        handles, labels = args
    elif len(args) == 1:
        labels = args[0]
    elif len(args) > 2:
        raise TypeError(f"legend: got {len(args)} positional arguments, expected (labels) or "
                        "(handles, labels)")
    if handles is None:
        candidates = [m for artists in _artist_groups(ax) for m in _legend_order(artists)]
        if labels is not None:
            handles = candidates[: len(labels)]
        else:
            handles = [a for a in candidates if a.get_label()]
            labels = [a.get_label() for a in handles]
    elif labels is None:
        labels = [h.get_label() for h in handles]
    return list(handles), list(labels)


def _artist_groups(ax) -> list[list]:
    """The artists a legend of ``ax`` lists, by axes (a figure's: each of its axes)."""
    if isinstance(ax, WholeFigure):
        return [a.artists for a in ax.figure.axes]
    return [ax.artists] + [child.artists for child in ax.children]


def _legend_order(artists) -> list:
    """The legend members of one axes' artists in matplotlib's order: the artists as
    added, then the containers (``bar``, ``errorbar``, ``stem``)."""
    members = [m for a in artists for m in a.legend_members()]
    return sorted(members, key=lambda m: isinstance(m, Container)
                  or getattr(m, "legend_as_container", False))  # stable: as added


class WholeFigure:
    """What a figure legend needs of an "axes": every artist of the figure, the figure,
    and the figure's box (legends place themselves inside their axes' box)."""

    def __init__(self, figure) -> None:
        self.figure = figure
        self.children: list = []

    @property
    def artists(self) -> list:
        return [a for ax in self.figure.axes for a in ax.artists]

    @property
    def box(self) -> tuple[float, float, float, float]:
        return self.figure.figure.bbox_pixels()
