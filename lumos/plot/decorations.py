"""Spines, ticks, tick labels, axis labels and titles, and the room they need around
an axes' box (``axes_margins``: what the layout engines of ``lumos.plot.layout`` read)."""

from __future__ import annotations

from . import decor_cache, page_axes, page_texts
from .axisdraw import TickLayout, axis_margins, draw_axis, draw_spines
from .text_artists import draw_texts
from .titles import draw_titles, title_room

#: matplotlib's zorder of an axis (ticks, tick labels) and of the spines
AXIS_ZORDER = 2.5

__all__ = ["AXIS_ZORDER", "above_axis", "TickLayout", "axes_margins", "rectilinear_margins",
           "title_room", "draw_axes", "draw_rectilinear_frame"]


def axes_margins(ax) -> tuple[float, float, float, float]:
    """Room (left, right, bottom, top) in pixels that the axes' decorations need beyond
    its box, twins included (each axes gives its own through ``own_margins``, a
    projection hook), and a legend anchored outside."""
    left = right = bottom = top = 0.0
    for a in [ax] + ax.children:
        # axis('off') hides the frame: only the titles need room then
        m = a.own_margins() if a.axison else (0.0, 0.0, 0.0, title_room(a))
        left, right, bottom, top = (max(u, v) for u, v in zip((left, right, bottom, top), m,
                                                              strict=True))
    for legend in ax.drawn_legends():
        if not legend.get_in_layout():
            continue
        # a legend anchored outside the axes (bbox_to_anchor=(1, 0.5)) needs room there
        out_left, out_right, out_bottom, out_top = legend.outside()
        left, right = left + out_left, right + out_right
        bottom, top = bottom + out_bottom, top + out_top
    return left, right, bottom, top


def rectilinear_margins(a) -> tuple[float, float, float, float]:
    """The room the ticks, tick labels, axis labels and title of a rectilinear axes
    need around its box (left, right, bottom, top), in pixels."""
    out = {"left": 0.0, "right": 0.0, "bottom": 0.0, "top": 0.0}
    for axis in (a.xaxis, a.yaxis):
        for side, reach in axis_margins(a, axis).items():
            out[side] = max(out[side], reach)
    return out["left"], out["right"], out["bottom"], max(out["top"], title_room(a))


def draw_axes(ax, ov) -> None:
    """Everything one axes draws in figure pixels: artists that draw themselves there,
    its frame and ticks unless the axis is off (``ax.draw_frame``, a projection hook),
    titles and texts."""
    if not ax.get_visible():
        return
    # axis('off') hides the frame; titles and texts stay (matplotlib). The frame may
    # draw the texts anchored to data itself (rectilinear axes: a page moves them)
    drawn = (ax.draw_frame(ov) if ax.axison else ax.draw_bare(ov)) or set()
    # artists drawn in pixels (annotations) or following the view (axhline, error bar
    # caps, quiver arrows) update every frame, with the axes' box and limits final;
    # those above the axis in zorder (texts: 3) in the overlay's layer over the ticks,
    # or apart over the artists between (``texts_apart``)
    over = ax.figure.figure.clip_overlays.texts(ax, ov) if ax.texts_apart() else ov
    shows = ax.figure.figure.canvas.shows  # animated ones: once blitted, or saved
    for a in ax.artists:
        if a.get_visible() and id(a) not in drawn and shows(a):
            ov.layer = above_axis(a)
            a.draw_overlay(over if ov.layer else ov)
    ov.layer = 0
    draw_titles(ax, ov)
    texts = [t for t in ax.plain_texts
             if t.get_visible() and t.get_text() and id(t) not in drawn and shows(t)]
    for layer in (0, 1):
        ov.layer = layer
        draw_texts(over if layer else ov, [t for t in texts if above_axis(t) == layer])
    ov.layer = 0


def above_axis(artist) -> int:
    """The overlay layer of an artist drawn there: 1 when matplotlib draws it over the
    axis' ticks and labels and the spines (zorder above their 2.5), else 0."""
    return int(artist.get_zorder() > AXIS_ZORDER)


def draw_rectilinear_frame(ax, ov, frame: bool = True) -> set:
    """Spines, ticks, tick labels and axis labels of a rectilinear axes (none with
    ``frame`` False: the axis is off), and the texts anchored to data a page can move
    (the ids of those drawn). A frame whose limits, box and tick state are the last
    frame's replays what that frame handed over (``decor_cache``)."""
    # ticks, labels and the spines that move with the view go to the axes' own visuals,
    # which a page redraws for any view from the axes' record (lumos/plot/page_axes.py)
    # (apart from the spines, under the artists between them in zorder: ``ticks_apart``)
    decor = page_axes.decor(ax, ax.figure.figure.clip_overlays.ticks(ax, ov)
                            if ax.ticks_apart() else ov)
    targets = (ov, decor)
    cheap = decor_cache.cheap_key(ax, frame)
    entry, calls = decor_cache.lookup(ax, targets, cheap)
    widths = entry.widths if entry is not None else \
        page_axes.tick_widths(ax) if frame else []
    every_width = widths + page_texts.arrow_widths(ax)
    parts = page_axes.grid_parts(ax) if frame else None
    if entry is not None and entry.decor_kept(decor_cache.commit_inputs(
            decor, every_width, ax.view.navigable, parts)) and not page_texts.anchored(ax):
        # the frame the decor holds, and no texts of its own: its visuals and record
        # stay; only the overlay (made anew each frame) gets the calls again
        decor.keep()
        entry.replay(targets, decor=False)
        return set()
    decor.begin(every_width)
    if entry is not None:
        records = entry.replay(targets)
    else:
        into = targets if calls is None else (decor_cache.Recorder(ov, 0, calls),
                                              decor_cache.Recorder(decor, 1, calls))
        records = _draw_frame(ax, *into, frame)
        entry = decor_cache.store(ax, targets, cheap, calls, records, widths)
    drawn, texts, why = page_texts.draw(ax, decor)
    decor.commit(page_axes.rectilinear_record(ax, records, texts, why), parts)
    if entry.state is not None:  # a frame the next one may replay (not a pan's)
        entry.note_commit(None if drawn or texts or why else decor_cache.commit_inputs(
            decor, every_width, ax.view.navigable, parts))
    return drawn


def _draw_frame(ax, ov, decor, frame: bool) -> list:
    """The spines and axes of ``draw_rectilinear_frame`` (into the overlay ``ov`` and the
    axes' ``decor``): the axes' page records."""
    if frame and ax.frame_on and ax.role != "twin":
        moving = {s.name for s in page_axes.moving_spines(ax)}
        draw_spines(ax, ov, [n for n in ax.spines if n not in moving])
        draw_spines(ax, decor, sorted(moving))
    elif frame and ax.frame_on:  # a twin: the spines that are not its parent's frame
        draw_spines(ax, ov, [n for n, s in ax.spines.items() if _own_spine(ax, s)])
    records = []
    for axis in (ax.xaxis, ax.yaxis) if frame else ():
        if not axis.visible:
            continue
        layout = TickLayout(ax, axis)
        draw_axis(ax, axis, decor, layout, boxes=ov)
        records.append(page_axes.axis_record(ax, axis, layout))
    return records


def _own_spine(twin, spine) -> bool:
    """Whether a twin's spine shows other than its parent's (matplotlib draws both):
    the parent's hidden, moved (``set_position(('axes', 1.2))``, a third y axis) or
    styled otherwise."""
    mine = twin.parent.spines[spine.name]
    return not mine.get_visible() or spine.get_position() != ("outward", 0.0) or (
        spine.color, spine.linewidth, spine.linestyle) != (mine.color, mine.linewidth,
                                                           mine.linestyle)
