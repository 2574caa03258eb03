"""matplotlib's constrained layout (``layout="constrained"``/``"compressed"``, run by
:class:`lumos.plot.layout.ConstrainedLayoutEngine`): each grid's rows and columns get
margins as wide as their decorations, colorbars and figure titles included, solved in
pixels by a :class:`LayoutGrid` per (sub)figure and per grid."""

from __future__ import annotations

import warnings

import numpy as np

from .bbox import Bbox
from .decorations import axes_margins
from .gridspec import GridSpecFromSubplotSpec
from .layout_room import inset_reach, inset_room, layout_axes, tight_box


class LayoutGrid:
    """The rows and columns of one grid (or one figure: 1 × 1) in pixels: cells with
    margins (decorations, then pads and colorbars: the 'cb' margins) around inner
    boxes whose sizes follow the grid's ratios (matplotlib's ``_layoutgrid``)."""

    SIDES = ("left", "leftcb", "right", "rightcb", "top", "topcb", "bottom", "bottomcb")

    def __init__(self, nrows: int = 1, ncols: int = 1, width_ratios=None,
                 height_ratios=None) -> None:
        self.nrows, self.ncols = nrows, ncols
        self.wr = np.ones(ncols) if width_ratios is None else np.asarray(width_ratios, float)
        self.hr = np.ones(nrows) if height_ratios is None else np.asarray(height_ratios, float)
        self.margins = {s: np.zeros(ncols if s.startswith(("left", "right")) else nrows)
                        for s in self.SIDES}
        self.lefts = self.rights = self.bottoms = self.tops = None

    def edit_min(self, side: str, size: float, cell: int) -> None:
        self.margins[side][cell] = max(self.margins[side][cell], size)

    def edit_outer(self, margin: dict, rows: range, cols: range) -> None:
        """The margins an item spanning ``rows`` × ``cols`` needs on its outer cells."""
        for side in self.SIDES:
            if side.startswith("left"):
                cell = cols.start
            elif side.startswith("right"):
                cell = cols.stop - 1
            elif side.startswith("top"):
                cell = rows.start
            else:
                cell = rows.stop - 1
            self.edit_min(side, margin[side], cell)

    def solve(self, x0: float, y0: float, x1: float, y1: float) -> bool:
        """Fill (x0, y0)–(x1, y1); False when an inner box would have no room."""
        m = self.margins
        mw = m["left"] + m["leftcb"] + m["right"] + m["rightcb"]
        mh = m["top"] + m["topcb"] + m["bottom"] + m["bottomcb"]
        inner_w = ((x1 - x0) - mw.sum()) * self.wr / self.wr.sum()
        inner_h = ((y1 - y0) - mh.sum()) * self.hr / self.hr.sum()
        edges_x = x0 + np.r_[0.0, np.cumsum(mw + inner_w)]
        edges_y = y1 - np.r_[0.0, np.cumsum(mh + inner_h)]  # rows run down from the top
        self.lefts, self.rights = edges_x[:-1], edges_x[1:]
        self.tops, self.bottoms = edges_y[:-1], edges_y[1:]
        return bool((inner_w[self.wr > 0] > 0).all() and (inner_h[self.hr > 0] > 0).all())

    def outer_bbox(self, rows: range, cols: range) -> Bbox:
        return Bbox.from_extents(self.lefts[cols.start], self.bottoms[rows.stop - 1],
                                 self.rights[cols.stop - 1], self.tops[rows.start])

    def inner_bbox(self, rows: range, cols: range) -> Bbox:
        m, c0, c1, r0, r1 = self.margins, cols.start, cols.stop - 1, rows.start, rows.stop - 1
        return Bbox.from_extents(
            self.lefts[c0] + m["left"][c0] + m["leftcb"][c0],
            self.bottoms[r1] + m["bottom"][r1] + m["bottomcb"][r1],
            self.rights[c1] - m["right"][c1] - m["rightcb"][c1],
            self.tops[r0] - m["top"][r0] - m["topcb"][r0])

    def bbox_for_cb(self, rows: range, cols: range) -> Bbox:
        """The block with its decorations but without its pads and colorbars."""
        m, c0, c1, r0, r1 = self.margins, cols.start, cols.stop - 1, rows.start, rows.stop - 1
        return Bbox.from_extents(self.lefts[c0] + m["leftcb"][c0],
                                 self.bottoms[r1] + m["bottomcb"][r1],
                                 self.rights[c1] - m["rightcb"][c1],
                                 self.tops[r0] - m["topcb"][r0])


def _padding(ss, w_pad: float, h_pad: float, spaces) -> dict:
    """matplotlib's ``get_margin_from_padding``: pads (pixels) around a cell, or half
    the grid's spacing (its own ``wspace``/``hspace``, else the engine's: fractions of
    the figure) shared out over its cells, where that is more."""
    gs = ss.get_gridspec()
    (hspace, wspace), (w, h) = spaces
    hs = (gs.hspace if gs.hspace is not None else hspace) * h / 2 / gs.nrows
    ws = (gs.wspace if gs.wspace is not None else wspace) * w / 2 / gs.ncols
    margin = {"leftcb": w_pad, "rightcb": w_pad, "bottomcb": h_pad, "topcb": h_pad,
              "left": 0.0, "right": 0.0, "top": 0.0, "bottom": 0.0}
    if ws > w_pad:
        if ss.colspan.start > 0:
            margin["leftcb"] = ws
        if ss.colspan.stop < gs.ncols:
            margin["rightcb"] = ws
    if hs > h_pad:
        if ss.rowspan.stop < gs.nrows:
            margin["bottomcb"] = hs
        if ss.rowspan.start > 0:
            margin["topcb"] = hs
    return margin


def constrained_layout(fig, h_pad: float, w_pad: float, hspace: float, wspace: float,
                       rect=(0, 0, 1, 1), compress: bool = False) -> None:
    """Place the grid axes, colorbars and figure titles of ``fig`` (matplotlib's
    ``do_constrained_layout``, twice: decorations change with the boxes)."""
    pads = (w_pad * fig.dpi, h_pad * fig.dpi)
    spaces = ((hspace, wspace), fig.bbox_pixels()[2:])
    for _ in range(2):
        grids = _constrained_pass(fig, rect, pads, spaces)
        if grids is None:
            warnings.warn("constrained_layout not applied: axes sizes collapsed to zero; "
                          "make the figure larger or the decorations smaller", stacklevel=4)
            return
        if compress:
            grids = _compress(fig, grids, rect, pads)
            if grids is None:
                return
    top = grids[fig].inner_bbox(range(1), range(1)).y1
    fig.place_figure_labels(top, pads)


def _constrained_pass(fig, rect, pads, spaces):
    grids: dict = {}
    _make_grids(fig, grids)
    _make_margins(fig, grids, pads, spaces)
    _figure_label_margins(fig, grids, pads)
    _match_submerged(fig, grids)
    return _place(fig, grids, rect, pads)


def _place(fig, grids: dict, rect, pads):
    """Solve the grids (their margins set) in ``rect`` and move the axes there; None
    when an axes would collapse."""
    _, _, w, h = fig.bbox_pixels()
    x0, y0 = rect[0] * w, rect[1] * h
    x1, y1 = x0 + rect[2] * w, y0 + rect[3] * h
    if not _solve(fig, grids, (x0, y0, x1, y1)):
        return None
    _reposition(fig, grids, pads)
    return grids


def _subfigures(fig) -> list:
    return list(getattr(fig, "subfigs", []))


def _local_layout_axes(fig) -> list:
    """The (sub)figure's own grid axes whose grid belongs to a figure (matplotlib leaves
    axes of a ``GridSpec`` made without ``figure=`` where they are)."""
    return [a for a in layout_axes(fig) if a.figure is fig and
            a.get_subplotspec().get_topmost_subplotspec().get_gridspec().figure is not None]


def _make_grids(fig, grids: dict) -> None:
    """A LayoutGrid per (sub)figure and per grid holding its axes."""
    grids[fig] = LayoutGrid()
    for sfig in _subfigures(fig):
        _grid_of(sfig.get_subplotspec().get_gridspec(), grids)
        _make_grids(sfig, grids)
    for ax in _local_layout_axes(fig):
        _grid_of(ax.get_gridspec(), grids)


def _grid_of(gs, grids: dict) -> LayoutGrid:
    if gs not in grids:
        if isinstance(gs, GridSpecFromSubplotSpec):
            _grid_of(gs._subplot_spec.get_gridspec(), grids)
        grids[gs] = LayoutGrid(gs.nrows, gs.ncols, gs.get_width_ratios(),
                               gs.get_height_ratios())
    return grids[gs]


def _make_margins(fig, grids: dict, pads, spaces) -> None:
    w_pad, h_pad = pads
    for sfig in _subfigures(fig):
        _make_margins(sfig, grids, pads, spaces)
        ss = sfig.get_subplotspec()
        margin = _padding(ss, 0.0, 0.0, spaces)
        grids[ss.get_gridspec()].edit_outer(margin, ss.rowspan, ss.colspan)
    for ax in _local_layout_axes(fig):
        ss = ax.get_subplotspec()
        margin = _padding(ss, w_pad, h_pad, spaces)
        pos = fig.fraction_to_pixels(ax.get_position(original=True))
        own = axes_margins(ax) if ax.get_visible() else None  # the decorations, once
        tight = tight_box(ax, own)
        room = inset_room(ax, own)
        if len(room):
            # the insets beside the axes, the texts and unclipped patches past it, and
            # its own decorations, where the axes stands at the start of this pass (its
            # box after the aspect), as the other axes' decorations and as
            # matplotlib's: its first draw (a script's savefig) is two such passes from
            # the positions before any layout, short of the room they settle to
            reach = inset_reach(ax, room, pos[2], pos[3])
        else:
            reach = (pos[0] - tight.x0, tight.x1 - (pos[0] + pos[2]),
                     pos[1] - tight.y0, tight.y1 - (pos[1] + pos[3]))
        for side, size in zip(("left", "right", "bottom", "top"), reach, strict=True):
            margin[side] += size
        for cb in ax.colorbars:
            if cb.placed_by_layout():
                _colorbar_margin(cb, ss, margin, tight)
        grids[ss.get_gridspec()].edit_outer(margin, ss.rowspan, ss.colspan)


def _colorbar_margin(cb, ss, margin: dict, tight: Bbox) -> None:
    """Room for a colorbar beside its parent: its box with decorations plus its pad
    (where the parent is the outer cell of the colorbar's parents on that side), and
    its decorations where they reach past the parent's along its length."""
    rows, cols = cb.parent_spans()
    cbtight = tight_box(cb.ax)
    loc = cb.location
    inner = cb.ax.figure.fraction_to_pixels(cb.parents_position())
    k = 0 if loc in ("left", "right") else 1  # the coordinate across the colorbar
    outer = {"left": cols.start == ss.colspan.start, "right": cols.stop == ss.colspan.stop,
             "bottom": rows.stop == ss.rowspan.stop, "top": rows.start == ss.rowspan.start}
    if outer[loc]:
        margin[loc + "cb"] += (cbtight.width, cbtight.height)[k] + cb.pad * inner[2 + k]
    j = 1 - k  # along the colorbar
    lo, hi = ("left", "right") if j == 0 else ("bottom", "top")
    if outer[lo] and cbtight.extents[j] < tight.extents[j]:
        margin[lo] += tight.extents[j] - cbtight.extents[j]
    if outer[hi] and cbtight.extents[j + 2] > tight.extents[j + 2]:
        margin[hi] += cbtight.extents[j + 2] - tight.extents[j + 2]


def _figure_label_margins(fig, grids: dict, pads) -> None:
    """Room for the suptitle, supxlabel and supylabel (each with a pad on both sides),
    and for figure legends placed outside."""
    w_pad, h_pad = pads
    for sfig in _subfigures(fig):
        _figure_label_margins(sfig, grids, pads)
    boxes = {k: fig.figure_label_box(k, constrained=pads) for k in
             ("suptitle", "supxlabel", "supylabel")}
    if boxes["suptitle"] is not None:
        grids[fig].edit_min("top", boxes["suptitle"].height + 2 * h_pad, 0)
    if boxes["supxlabel"] is not None:
        grids[fig].edit_min("bottom", boxes["supxlabel"].height + 2 * h_pad, 0)
    if boxes["supylabel"] is not None:
        grids[fig].edit_min("left", boxes["supylabel"].width + 2 * w_pad, 0)
    # figure legends 'outside' the axes (loc='outside right upper') take their room at
    # the figure's edge, as matplotlib's constrained layout gives it them: their size
    # and the layout's pad on both sides
    for legend in getattr(fig, "legends", []):
        side = getattr(legend, "outside_side", None)
        if side is not None and legend.get_visible() and legend.entries:
            box = legend.get_window_extent()
            room = box.width + 2 * w_pad if side in ("left", "right") \
                else box.height + 2 * h_pad
            grids[fig].edit_min(side, room, 0)


def _match_submerged(fig, grids: dict) -> None:
    """Axes spanning several columns (rows) give the margins inside them one size, so
    that spanning axes in different rows line up (matplotlib's rule)."""
    axs = [a for a in layout_axes(fig) if a.get_gridspec() in grids]
    for ax1 in axs:
        ss1 = ax1.get_subplotspec()
        lg1 = grids[ss1.get_gridspec()]
        for span, (lo, hi) in ((ss1.colspan, ("left", "right")),
                               (ss1.rowspan, ("top", "bottom"))):
            if len(span) < 2:
                continue
            m = lg1.margins
            first, last = list(span[1:]), list(span[:-1])
            cb_lo, cb_hi = m[lo + "cb"][first], m[hi + "cb"][last]
            max_lo = np.max(m[lo][first] + cb_lo)
            max_hi = np.max(m[hi][last] + cb_hi)
            for ax2 in axs:
                ss2 = ax2.get_subplotspec()
                span2 = ss2.colspan if lo == "left" else ss2.rowspan
                if len(span2) < 2:
                    continue
                m2 = grids[ss2.get_gridspec()].margins
                max_lo = max(max_lo, np.max(m2[lo][list(span2[1:])] +
                                            m2[lo + "cb"][list(span2[1:])]))
                max_hi = max(max_hi, np.max(m2[hi][list(span2[:-1])] +
                                            m2[hi + "cb"][list(span2[:-1])]))
            for i, cb in zip(first, cb_lo, strict=True):
                lg1.edit_min(lo, max_lo - cb, i)
            for i, cb in zip(last, cb_hi, strict=True):
                lg1.edit_min(hi, max_hi - cb, i)


def _solve(fig, grids: dict, region) -> bool:
    """Solve the figure's grid in ``region``, then its grids and subfigures inside."""
    lg = grids[fig]
    if not lg.solve(*region):
        return False
    inner = lg.inner_bbox(range(1), range(1))
    ok = True
    for gs in [g for g in grids if _owner(g) is fig]:
        ok &= _solve_grid(gs, grids, inner)
    for sfig in _subfigures(fig):
        ss = sfig.get_subplotspec()
        box = grids[ss.get_gridspec()].inner_bbox(ss.rowspan, ss.colspan)
        ok &= _solve(sfig, grids, box.extents)
    return ok


def _owner(gs):
    """The (sub)figure a top-level grid divides (None for nested grids and keys that
    are figures)."""
    if not hasattr(gs, "get_geometry") or isinstance(gs, GridSpecFromSubplotSpec):
        return None
    return gs.figure


def _solve_grid(gs, grids: dict, region: Bbox) -> bool:
    ok = grids[gs].solve(*region.extents)
    for child in [g for g in grids if isinstance(g, GridSpecFromSubplotSpec)
                  and g._subplot_spec.get_gridspec() is gs]:
        ss = child._subplot_spec
        ok &= _solve_grid(child, grids, grids[gs].outer_bbox(ss.rowspan, ss.colspan))
    return ok


def _reposition(fig, grids: dict, pads) -> None:
    """Every grid axes to the inner box of its cells; colorbars beside them; the
    suptitle just above the grids (matplotlib's ``reposition_axes``)."""
    for sfig in _subfigures(fig):
        ss = sfig.get_subplotspec()
        sfig.set_bbox_pixels(grids[sfig].outer_bbox(range(1), range(1)))
        _reposition(sfig, grids, pads)
    for ax in _local_layout_axes(fig):
        ss = ax.get_subplotspec()
        box = grids[ss.get_gridspec()].inner_bbox(ss.rowspan, ss.colspan)
        ax._set_position(fig.pixels_to_fraction(box.bounds))
        offset = {"left": 0.0, "right": 0.0, "bottom": 0.0, "top": 0.0}
        for cb in reversed(ax.colorbars):
            if cb.parents[0] is ax and cb.placed_by_layout():
                _reposition_colorbar(cb, grids, offset)


def _reposition_colorbar(cb, grids: dict, offset: dict) -> None:
    """A colorbar beside its parents' decorations, past the colorbars placed on that
    side before it (``offset``): one rule for every side, along x for 'left'/'right'
    and along y for 'bottom'/'top'."""
    fig = cb.ax.figure
    lg = grids[cb.parents[0].get_gridspec()]
    rows, cols = cb.parent_spans()
    parent = lg.bbox_for_cb(rows, cols).extents
    pb = lg.inner_bbox(rows, cols)
    pos = fig.fraction_to_pixels(cb.ax.get_position(original=True))
    tight = tight_box(cb.ax)
    loc = cb.location
    k = 0 if loc in ("left", "right") else 1  # the coordinate the colorbar moves along
    pad = cb.pad * (pb.width, pb.height)[k]
    thickness = (tight.width, tight.height)[k]
    shrink = (cb.fraction, cb.shrink) if k == 0 else (cb.shrink, cb.fraction)
    pbcb = pb.shrunk(*shrink).anchored(cb.anchor, pb)
    start = pbcb.extents[k]
    margin = pos[k] - tight.extents[k]  # its decorations before its box
    if loc in ("right", "top"):
        d = parent[k + 2] - start + offset[loc] + pad + margin
    else:
        d = parent[k] - start - thickness - pad + margin - offset[loc]
    offset[loc] += thickness + pad
    pbcb = pbcb.translated(d, 0) if k == 0 else pbcb.translated(0, d)
    cb.ax._set_position(fig.pixels_to_fraction(pbcb.bounds))


def _compress(fig, grids: dict, rect, pads):
    """``layout="compressed"``: the room fixed-aspect axes leave in their cells, shared
    out to the figure's edges, then the same grids solved again (their margins, the
    decorations' room, kept: measured now, against boxes the aspect shrank inside
    wide cells, they would come out too small)."""
    extra_w: dict = {}
    extra_h: dict = {}
    for ax in _local_layout_axes(fig):
        ss = ax.get_subplotspec()
        orig = fig.fraction_to_pixels(ax.get_position(original=True))
        # what the aspect leaves of the cell, insets beside the axes or not (they may
        # take some of it: matplotlib's first draw leaves them past the figure's edge)
        actual = fig.fraction_to_pixels(ax.apply_aspect())
        slack_w, slack_h = orig[2] - actual[2], orig[3] - actual[3]
        gs = ss.get_gridspec()
        ew = extra_w.setdefault(gs, np.zeros(gs.ncols))
        eh = extra_h.setdefault(gs, np.zeros(gs.nrows))
        ew[ss.colspan.start:ss.colspan.stop] = np.maximum(ew[ss.colspan.start:
                                                             ss.colspan.stop], slack_w)
        eh[ss.rowspan.start:ss.rowspan.stop] = np.maximum(eh[ss.rowspan.start:
                                                             ss.rowspan.stop], slack_h)
    if len(extra_w) > 1:
        raise ValueError("layout='compressed' needs every axes in one grid")
    if not extra_w:
        return grids
    (ew,), (eh,) = extra_w.values(), extra_h.values()
    for side, extra in (("left", ew), ("right", ew), ("top", eh), ("bottom", eh)):
        grids[fig].edit_min(side, extra.sum() / 2, 0)
    return _place(fig, grids, rect, pads)
