"""The axes decoration record: ticks, tick labels, axis labels and grid of one axes as
data that both Python and the page runtime evaluate for any view (docs/frame.md,
"Followers: axes").

Python draws an axes' ticks and labels (lumos/plot/axisdraw.py) into visuals of its
own, :class:`AxesDecor`, rather than into the figure's shared overlay batches; a frame
made for a page (``frame(follow=True)``) tags those visuals and the axes' grid with an
``axes`` follower naming the axes' *record*: its scales, its tickers as specs (kind and
parameters: lumos/plot/page_tickers.py), sizes, colors and sides in pixels, and the
glyphs its labels may need. The runtime (lumos/web/axes.js with the ticker twin
lumos/web/ticker.js) recomputes the same ticks, labels and grid lines from the record
whenever the axes' camera moves, and writes them into the same draws.

What cannot follow: tickers the page does not know (a ``FuncFormatter``, matplotlib's
own locators, user subclasses: specs are looked up by exact type, since a subclass may
change anything). Their axis' record holds the ticks and labels of the export instead
(``static``): the page moves them with the data and says it cannot make new ones; a
notebook asks the kernel.
"""

from __future__ import annotations

import math
import weakref
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from .. import colors
from ..visuals import Line, Text
from ..visuals.base import rgba_bytes
from ..visuals.line import LOD_THRESHOLD
from .axisdraw import _base, _spine, aligned_label_reach, label_box_shape
from .fonts import face_of, face_or_default
from .page_tickers import (
    formatter_spec,
    locator_spec,
    math_glyphs,
    reserve_chars,
    scale_spec,
    ticks_spec,
)
from .reach import Reach
from .style import dash_pattern

if TYPE_CHECKING:
    from ..visuals import Mesh

def color_bytes(color) -> list[int]:
    """RGBA bytes of a color (as records carry colors)."""
    return list(_rgba_to_bytes(colors.to_rgba(color)))


@lru_cache(maxsize=256)
def _rgba_to_bytes(rgba: tuple[float, float, float, float]) -> tuple[int, ...]:
    # keyed by the resolved RGBA (pure; a color name's meaning may change, its RGBA
    # does not): the record asks for the same few colors ten times a frame, and the
    # array round trip costs ten times the lookup
    return tuple(int(v) for v in rgba_bytes(np.asarray(rgba, float)))


# ---------------------------------------------------------------------- the visuals
_decors: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
#: the tick Lines' draw order: under the overlay's spines (its lines' order is 1) whether
#: they were made before them (the first frame) or after (a tick width new since), as
#: matplotlib draws the axis (zorder 1.5) under the spines (2.5)
TICK_ORDER = 0.75
_ids = iter(range(1, 1 << 62))


class AxesDecor:
    """The visuals one axes draws its ticks and labels into (in the figure's overlay
    view, figure pixels), and the record that lets a page redraw them for any view.

    Python fills them through :meth:`line` and :meth:`text` (the overlay's calls), once
    per frame between :meth:`begin` and :meth:`commit`; the tick lines are grouped by
    width (one Line each: the widths the record's ticks use), the labels by face (one
    Text visual each, whose sheet holds every glyph the page may need in it)."""

    def __init__(self, ax, ov) -> None:
        # weak: _decors' values must not reach their keys (the axes), nor the canvas
        self.axes = weakref.ref(ax)
        self._view = weakref.ref(ov.view)
        self.id = f"axes{next(_ids)}"
        self._ov = weakref.ref(ov)
        self.lines: dict[float, Line] = {}
        self.fill: Mesh | None = None  # the arrows' filled heads and bodies
        self.faces: dict[str, Text] = {}  # the labels' Text visual of each face
        self.labels = self._face("sans")
        self.record: dict | None = None
        self.drawn = True
        self._last: dict = {}  # what the visuals got last frame (uploads only changes)
        self._cached = None
        self._reach: Reach | None = None  # what the last committed frame covers
        self.commits = 0  # frames committed: a frame kept (``keep``) knows it is the last
        self._begin()

    @property
    def view(self):
        """The figure overlay's view the visuals are in."""
        return self._view()

    def _face(self, face: str) -> Text:
        """The Text visual of the labels in a face (made on first use)."""
        if face not in self.faces:
            t = self.faces[face] = Text(font_size=10.0, anchor_x="left",
                                        anchor_y="baseline", face=face)
            t.order = 3  # as the overlay's texts: above its lines (order 1)
            self.view.add(t)
        return self.faces[face]

    def _begin(self) -> None:
        self._segments: dict[float, tuple[list, list]] = {}
        self._labels: dict[str, tuple[list, list, list, list]] = {}
        self._polygons: list[tuple[np.ndarray, tuple]] = []
        self._fills = False  # whether a page may fill polygons (reserve_fills)
        # {id(color): (color, RGBA)} of this frame: every tick and label of a side hands
        # over the same color object. By identity, for one frame only (kept alive here, so
        # no id is reused; nothing changes a color or the color names while a frame draws)
        self._rgba: dict[int, tuple] = {}

    def _to_rgba(self, color) -> tuple:
        hit = self._rgba.get(id(color))
        if hit is None:
            hit = self._rgba[id(color)] = (color, colors.to_rgba(color))
        return hit[1]

    def begin(self, widths) -> None:
        """A new frame whose tick lines are ``widths`` pixels wide (the Lines are made
        for every width the ticks may take, so a page can fill any of them)."""
        self._begin()
        self.drawn = True
        for w in {round(float(w), 3) for w in widths}:
            self._segments[w] = ([], [])
        for w in [w for w in self.lines if w not in self._segments]:
            self.view.remove(self.lines.pop(w))
            self._last.pop(("line", w), None)  # a Line made again for w gets its data
        for w in self._segments:
            if w not in self.lines:
                line = self.lines[w] = Line(width=w, cap="butt")
                line.order = TICK_ORDER
                self.view.add(line)

    def keep(self) -> None:
        """This frame draws what the last committed one drew: the visuals, the record and
        the followers stay as they are (no begin, no commit)."""
        self.drawn = True

    def line(self, points, color, width_px: float, dashes=None, look=None) -> None:
        """A tick (the overlay's ``line``): solid and butt-capped (matplotlib's tick
        markers are) only, so a dash pattern or another cap is refused rather than
        drawn otherwise."""
        if dashes is not None:
            raise TypeError(f"dashes: got {dashes!r}; the axes' decoration draws solid lines")
        if look is not None and look.get("cap", "butt") != "butt":
            raise TypeError(f"look: got cap {look['cap']!r}; the axes' decoration draws "
                            "butt-capped lines")
        key = round(float(width_px), 3)
        pts, cols = self._segments.setdefault(key, ([], []))
        # a tick's list of (x, y) tuples is kept as it is: commit joins the rows of all
        # at once (an array per tick costs more than the tick)
        pts.append(points if type(points) is list else np.asarray(points, dtype=float))
        cols.append(self._to_rgba(color))

    def polygon(self, points, facecolor) -> None:
        """A filled polygon (an arrow's head or body; the overlay's ``polygon``: a fan
        from its first point)."""
        pts = np.asarray(points, dtype=float)
        if len(pts) >= 3 and np.isfinite(pts).all():
            self._polygons.append((pts, colors.to_rgba(facecolor)))
        self._fills = True

    def reserve_fills(self) -> None:
        """Keep the filled polygons' Mesh this frame, drawn or not: a page fills it."""
        self._fills = True

    def _commit_fills(self) -> None:
        """The polygons into the fill Mesh (made when a frame has or reserves fills),
        one transparent point-sized triangle when none is drawn (a draw a page fills),
        under the tick lines as the overlay's polygons are under its lines."""
        if not self._fills:
            if self.fill is not None:
                self.view.remove(self.fill)
                self.fill = None
                self._last.pop("fill", None)
            return
        if self.fill is None:
            from ..visuals import Mesh  # here: only arrows' filled parts need it

            self.fill = Mesh(shading=None)
            self.fill.order = TICK_ORDER - 0.05
            self.fill.needs_multisampling = True
            self.view.add(self.fill)
        verts, faces, cols = [], [], []
        for pts, c in self._polygons:
            k = len(verts)
            verts += pts.tolist()
            faces += [(k, k + j, k + j + 1) for j in range(1, len(pts) - 1)]
            cols += [c] * len(pts)
        if not faces:
            verts, faces, cols = [[0.0, 0.0]] * 3, [(0, 1, 2)], [(0.0, 0.0, 0.0, 0.0)] * 3
        if _changed(self._last, "fill", (verts, faces, cols)):
            self.fill.set_data(np.asarray(verts), np.asarray(faces),
                               vertex_colors=np.asarray(cols))

    def text(self, s: str, x: float, y: float, size_px: float, color="black",
             ha: str = "center", va: str = "center", rotation: float = 0.0,
             bold: bool = False, face: str | None = None) -> None:
        """A tick label, offset text or axis label (the overlay's ``text``), in the
        Text visual of its face."""
        if not s:
            return
        face = face_or_default(face, bold)
        strings, pos, cols, styles = self._labels.setdefault(face, ([], [], [], []))
        strings.append(s)
        pos.append((x, y))
        cols.append(self._to_rgba(color))
        styles.append((float(size_px), ha, va, float(rotation)))

    def commit(self, record: dict | None, parts: dict | None = None) -> None:
        """Hand what was drawn to the visuals (uploading only what changed since the
        last frame); ``record`` (or None) is what a page needs to draw them anew, and
        ``parts`` other visuals of the axes it recomputes ({"grid": the grid line,
        "patch": the polar wedge}; "name#k": another visual of part "name", drawn as
        it with its own color and width: a grid line's path-effect stroke)."""
        for w, (pts, cols) in self._segments.items():
            line = self.lines.get(w)
            if line is None:  # a width the record did not announce
                line = self.lines[w] = Line(width=w, cap="butt")
                line.order = TICK_ORDER
                self.view.add(line)
            pos, color = _joined(pts, cols) if pts else (None, None)
            # what set_data would get, as bytes: compared at once, not array by array
            got = [pos] if isinstance(pos, np.ndarray) else pos or []
            if not _changed(self._last, ("line", w),
                            ([(a.shape, a.tobytes()) for a in got], cols)):
                continue
            if pts:
                line.set_data(pos, color)
            else:  # kept as a draw a page can fill: two break points draw nothing (one
                # color: the Line may hold the colors of last frame's ticks; opaque, so
                # the line does not take the translucent lines' layer, line_layer.py)
                line.set_data(np.full((2, 2), np.nan), color=(0.0, 0.0, 0.0, 1.0))
        # the glyphs a page may draw, by face (the record says which; those shown are
        # among them)
        reserve = record.pop("reserve", "") if record is not None else ""
        reserve = {"sans": reserve} if isinstance(reserve, str) else reserve
        faces = {"sans"} | set(self._labels) | set(reserve)
        for face in [f for f in self.faces if f not in faces]:
            self.view.remove(self.faces.pop(face))
            self._last.pop(("text", face), None)
            self._last.pop(("text at", face), None)
        for face in sorted(faces):
            visual = self._face(face)
            visual.reserve = reserve.get(face, "")
            strings, pos, cols, styles = self._labels.get(face, ([], [], [], []))
            moved = _changed(self._last, ("text at", face), pos)
            if _changed(self._last, ("text", face), (strings, cols, styles)):
                # one color for all (the usual case): the same bytes for every label,
                # converted once instead of per label
                visual.set_data(strings, np.asarray(pos, float).reshape(-1, 2),
                                color=_uniform(cols) or "k", styles=styles)
            elif moved:  # the same labels elsewhere (a pan)
                visual.move(np.asarray(pos, float).reshape(-1, 2))
        self._commit_fills()
        self._reach = None  # computed when asked: ``reach``
        frozen = record if record is not None and record["kind"] == "frozen" else None
        self.record = None if frozen else record
        tagged = [("text" if f == "sans" else f"text:{f}", t) for f, t in self.faces.items()]
        tagged += [(f"ticks:{w}", ln) for w, ln in self.lines.items()]
        tagged += [("fill", self.fill)] if self.fill is not None else []
        tagged += list((parts or {}).items())
        for part, visual in tagged:
            if frozen:  # the page says it cannot redraw them once the axes' view moves
                visual.follow = {**frozen, "record": self.id}
                visual.follow_records = self.view_record
                continue
            visual.follow = None if self.record is None else {
                "kind": "axes", "record": self.id, "part": part.split("#")[0]}
            visual.follow_records = None if self.record is None else self.records
        self.commits += 1

    @property
    def reach(self) -> Reach:
        """The pixel box the last committed frame's ticks, labels and arrows cover."""
        if self._reach is None:
            self._reach = self._covered()
        return self._reach

    def _covered(self) -> Reach:
        reach = Reach()
        for w, (pts, _) in self._segments.items():
            if pts:
                reach.points(np.concatenate([np.asarray(p, dtype=float).reshape(-1, 2)
                                             for p in pts]), w / 2)
        if self._polygons:
            reach.points(np.concatenate([p for p, _ in self._polygons]))
        for face, (strings, pos, _, styles) in self._labels.items():
            for s, (x, y), (size, ha, va, rot) in zip(strings, pos, styles, strict=True):
                reach.text(s, x, y, size, ha, va, rot, face)
        return reach

    def records(self) -> dict:
        """{id: record} with the axes' view (whose camera it follows) and the glyphs of
        the labels' sheet (made when a frame for a page asks: a page lays out new labels
        from them)."""
        key = ([(f, t.glyph_key()) for f, t in sorted(self.faces.items())], self.record)
        if self._cached is None or not _same(self._cached[0], key):
            self._cached = (key, {**self.record, "text": self.labels.glyph_table(),
                                  "faces": {f: t.glyph_table() for f, t in self.faces.items()
                                            if f != "sans"}})
        ax = self.axes()
        return {} if ax is None else {self.id: {**self._cached[1], "view": _watched(ax).view}}

    def view_record(self) -> dict:
        """{id: the view whose camera a frozen decoration watches}: the axes' own, or
        its parent's (a secondary axis, whose limits follow the parent)."""
        ax = self.axes()
        return {} if ax is None else {self.id: {"view": _watched(ax).view}}

    def remove(self) -> None:
        view = self.view
        fill = [] if self.fill is None else [self.fill]
        for v in [*self.faces.values(), *self.lines.values(), *fill]:
            if view is not None and v in view.visuals:
                view.remove(v)


def _watched(ax):
    """The axes whose view moves ``ax``'s decoration: its own, or its parent's (a
    secondary axis, whose limits follow the parent)."""
    return ax.parent if ax.role == "secondary" else ax


def _uniform(cols: list):
    """The one color of ``cols`` when all are equal (None when empty), else ``cols``."""
    return cols[0] if cols and cols.count(cols[0]) == len(cols) else (cols or None)


def _joined(pts: list, cols: list) -> tuple:
    """``Line.set_data``'s arguments for ticks (each a list of (x, y) tuples or an array
    of points, a color each): when all colors are equal, one array with a NaN row between
    two ticks, as the Line joins a list of lines, and one color (the same vertices and
    color bytes without the Line's pass per tick). Ticks of several colors, of several
    dimensions, and a batch long enough for level of detail (``LOD_THRESHOLD`` rows) keep
    the list, as arrays."""
    color = _uniform(cols)
    if len(pts) > 1 and not isinstance(color, list):
        rows: list = []
        for p in pts:  # Python rows, one array at the end: not one per tick
            rows += p if type(p) is list else p.tolist()
            rows.append(None)
        width = next((len(r) for r in rows if r is not None), 0)
        # NaN rows between ticks; rows of another length make the array ragged (the list)
        breaks = (math.nan,) * width
        try:
            out = np.array([breaks if r is None else r for r in rows[:-1]], dtype=float)
        except ValueError:
            out = None
        if out is not None and out.ndim == 2 and out.shape[1] == width and \
                len(out) < LOD_THRESHOLD:
            return out, color
    arrays = [np.asarray(p, dtype=float) for p in pts]
    return (arrays[0], cols[0]) if len(arrays) == 1 else (arrays, color)


def _same(a, b) -> bool:
    """Structural equality of nested lists/tuples/dicts of numbers, strings and arrays."""
    if not (isinstance(a, np.ndarray) or isinstance(b, np.ndarray)):
        try:  # plain nested lists of numbers and strings: compared in C, 5-10 × faster
            return bool(a == b)
        except ValueError:  # an array inside: its truth is ambiguous, walk the structure
            pass
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return np.shape(a) == np.shape(b) and bool(np.array_equal(a, b, equal_nan=True))
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return a is b or a == b


def _changed(last: dict, key, inputs) -> bool:
    """Whether ``inputs`` differ from those of last frame under ``key`` (noting them)."""
    if key in last and _same(last[key], inputs):
        return False
    last[key] = inputs
    return True


def decor(ax, ov) -> AxesDecor:
    """The decoration visuals of ``ax`` (made on first use)."""
    d = _decors.get(ax)
    if d is None or d.view is not ov.view:
        if d is not None:
            d.remove()
        d = _decors[ax] = AxesDecor(ax, ov)
    d._ov = weakref.ref(ov)
    return d


def name_frozen(ax, ov, what: str) -> None:
    """Have a page name ``what`` (drawn in the figure's overlay, as exported) once the
    axes' view moves: an empty decoration of the axes, frozen, watching its view."""
    d = decor(ax, ov)
    d.begin([1.0])  # one empty line: a draw to carry the frozen follower
    d.commit({"kind": "frozen", "what": what})


def reach(ax) -> Reach | None:
    """What the decoration of ``ax`` drawn this frame covers (None: none drawn)."""
    d = _decors.get(ax)
    return d.reach if d is not None and d.drawn else None


def finish(fig) -> None:
    """After a frame's decorations: drop the visuals of axes that drew none (removed,
    or turned off)."""
    def gone(ax) -> bool:  # a secondary axis lives in its parent, not in axes_list
        every = fig.axes_list
        return ax.parent not in every if ax.role == "secondary" else ax not in every

    for ax in list(_decors):
        d = _decors[ax]
        if ax.figure is fig and (gone(ax) or not d.drawn):
            d.remove()
            del _decors[ax]
        elif ax.figure is fig:
            d.drawn = False


def tick_widths(ax) -> list[float]:
    """The widths (pixels) the ticks (and the spines at data positions) of a
    rectilinear axes are drawn with."""
    fig = ax.figure
    out = []
    for axis in (ax.xaxis, ax.yaxis):
        if not axis.visible:
            continue
        for st in (axis.major, axis.minor):
            if st.tick1On or st.tick2On:
                out.append(fig.points_to_pixels(st.width))
    return out + [fig.points_to_pixels(s.linewidth) for s in moving_spines(ax)]


def grid_parts(ax) -> dict:
    """The grid Lines of a rectilinear axes a page redraws, by part name."""
    return ax.grid_parts()


# ---------------------------------------------------------------------- the record
def _spines_of(ax, axis) -> list:
    """The spines of an axis' two sides (None where the axes has none)."""
    return [_spine(ax, axis, side) for side in (1, 2)]


def _unfollowable(ax, axis, layout) -> str | None:
    """What the page cannot redraw of an axis drawn by lumos/plot/axisdraw.py (the page
    draws ticks and labels on both sides, rotated, in any face, restyled one by one,
    the axis label where it is put, spines at data positions: ``drawAxis`` in axes.js),
    or None."""
    if any(lab.visible for side in (1, 2) for lab in layout.minor_set.labels[side]) and (
            ticks_spec(axis) is None or formatter_spec(axis.minor_formatter, axis) is None):
        return f"minor tick labels of Python's {type(axis.minor_formatter).__name__}"
    for (which, _, part) in axis.overrides:
        if which != "major" or part not in ("label1", "label2"):
            return "ticks restyled one by one"
    if set(axis.offset_style) - {"visible", "color", "size"}:
        return "the offset text's style"
    if axis.drawn_label and set(axis.label_style) - {
            "color", "alpha", "rotation", "rotation_mode", "family", "style", "weight",
            "ha", "va", "bbox", "visible"}:
        return "the axis label's style"
    box = label_box_shape(ax, axis, layout)
    if box is not None and box[3] is not None:
        return "the axis label's dashed box"
    for spine in _spines_of(ax, axis):
        if spine is None or spine.axes is None:
            continue
        if spine.position[0] != "data" and spine.bounds is None:
            continue
        other = ax.yaxis if axis.name == "x" else ax.xaxis
        if scale_spec(other.scale) is None or scale_spec(axis.scale) is None:
            return f"a moving spine on a {other.scale.name} or {axis.scale.name} scale"
        if dash_pattern(spine.linestyle, 1.0) is not None:
            return "a dashed spine at a data position or with bounds"
        if spine.capstyle == "round":  # the page's tick lines are butt-capped
            return "a round-capped spine at a data position or with bounds"
    return None


def _base_spec(ax, axis, side: int) -> dict:
    """Where a side's ticks stand across the axis: fixed figure pixels, or a data value
    of the other axis (a spine at ``('data', v)``, which moves with the view)."""
    spine = _spine(ax, axis, side)
    if spine is not None and spine.axes is not None and spine.position[0] == "data":
        other = ax.yaxis if axis.name == "x" else ax.xaxis
        return {"data": spine.position[1], "scale": scale_spec(other.scale)}
    return {"px": float(_base(ax, axis, side))}


def _label_overrides(axis, side: int) -> list:
    """The major labels of a side restyled one by one (Text setters on the labels of
    ``get_xticklabels``), by tick index as TickSet applies them: None or the resolved
    properties (sizes in pixels, colors as bytes)."""
    fig = axis.axes.figure
    found = {i: o for (which, i, part), o in axis.overrides.items()
             if which == "major" and part == f"label{side}"}
    out = [None] * (max(found) + 1 if found else 0)
    for i, o in found.items():
        r = {k: o[k] for k in ("text", "rotation", "ha", "va", "visible") if k in o}
        if "rotation_mode" in o:
            r["mode"] = o["rotation_mode"]
        if {"family", "style", "weight"} & set(o):
            st = axis.major
            r["face"] = face_of(o.get("family", st.labelfamily),
                                o.get("style", st.labelstyle),
                                o.get("weight", st.labelweight)).name
        if "size" in o:
            r["size"] = float(fig.points_to_pixels(o["size"]))
        if "color" in o or o.get("alpha") is not None:
            color = o.get("color", axis.major.labelcolor)
            r["color"] = color_bytes(color if o.get("alpha") is None else
                                     colors.to_rgba(color, o["alpha"]))
        out[i] = r
    return out


def _label_record(axis, layout) -> dict:
    """The axis label as _draw_label in axisdraw.py places it (beyond what the ticks of
    its side reach, at ``loc`` or at its ``label_coords``); ``at``: the distance from the
    spine of a label aligned with other axes' (Figure.align_ylabels), which the page
    keeps as drawn (it redraws one axes at a time)."""
    fig = axis.axes.figure
    st = axis.label_style
    x = axis.name == "x"
    color = st.get("color", axis.label_color)
    if st.get("alpha") is not None:
        color = colors.to_rgba(color, st["alpha"])
    loc = axis.label_loc
    box = label_box_shape(axis.axes, axis, layout)
    if box is not None:  # offsets from where the label is aligned, moved with it
        tris, edge, width, _ = box
        bbox = st["bbox"]
        box = {"fill": np.round(tris, 4).tolist(), "face": color_bytes(bbox["face"]),
               "edge": None if edge is None else np.round(edge, 4).tolist(),
               "edge_color": color_bytes(bbox["edge"]), "width": round(float(width), 3)}
    return {"text": axis.drawn_label, "size": float(fig.points_to_pixels(axis.label_size)),
            "color": color_bytes(color), "pad": float(fig.points_to_pixels(axis.labelpad)),
            "side": 1 if axis.label_position in ("bottom", "left") else 2,
            "frac": {"left": 0.0, "bottom": 0.0, "center": 0.5, "right": 1.0, "top": 1.0}[loc],
            "ha": st.get("ha", {"left": "left", "bottom": "left", "center": "center",
                                "right": "right", "top": "right"}[loc]),
            "va": st.get("va"), "box": box,
            "rotation": float(st.get("rotation", 0.0 if x else 90.0)),
            "mode": st.get("rotation_mode", None if x else "anchor"),
            "face": face_of(st.get("family"), st.get("style"), st.get("weight")).name,
            "coords": None if axis.label_coords is None else list(axis.label_coords),
            "at": aligned_label_reach(axis.axes, axis, layout)}


def _tick_style(fig, st, ts) -> dict:
    """One TickSet's style (major or minor) as drawAxis reads it."""
    return {"tick": [bool(st.tick1On), bool(st.tick2On)],
            "label": [bool(st.label1On), bool(st.label2On)],
            "len": ts.length, "width": round(ts.width, 3), "direction": ts.direction,
            "color": color_bytes(st.color), "pad": ts.pad,
            "size": float(fig.points_to_pixels(st.labelsize)), "label_color": color_bytes(
                st.labelcolor), "rotation": float(st.labelrotation),
            "mode": st.rotation_mode, "ha": getattr(st, "label_ha", None),
            "face": face_of(st.labelfamily, st.labelstyle, st.labelweight).name,
            "va": getattr(st, "label_va", None),
            "snap": None if ts.snap is None else list(ts.snap)}  # snapping.snap_tick


def axis_record(ax, axis, layout, scale: dict | None = None) -> dict:
    """One axis of a rectilinear axes as the page draws it (``drawAxis`` in axes.js
    mirrors ``draw_axis`` in axisdraw.py, for the axes :func:`_unfollowable` allows);
    ``scale``: how the page maps its values, when not the axis' scale."""
    fig = ax.figure
    spec = ticks_spec(axis)
    minor_fmt = formatter_spec(axis.minor_formatter, axis)
    major = axis.major
    show_label = bool(axis.drawn_label)
    rec = {
        "name": axis.name, "scale": scale or scale_spec(axis.scale), "ticks": spec,
        "visible": bool(axis.visible),
        "sides": [_base_spec(ax, axis, side) for side in (1, 2)],
        "major": {**_tick_style(fig, major, layout.major_set),
                  "overrides": [_label_overrides(axis, side) for side in (1, 2)]},
        "minor": _tick_style(fig, axis.minor, layout.minor_set),
        # the minor labels' formatter (Axis.minor_ticks), when it labels anything
        "minor_formatter": None if minor_fmt is None or minor_fmt["kind"] == "null"
        else minor_fmt,
        "offset": {"side": axis.offset_side, "visible": bool(axis.offset_style.get(
            "visible", True)), "size": float(fig.points_to_pixels(axis.offset_style["size"]))
            if "size" in axis.offset_style else layout.size_px,
            "color": color_bytes(axis.offset_style.get("color", major.labelcolor))},
        "label": None if not show_label else _label_record(axis, layout),
        "grid": {"major": bool(major.gridOn), "minor": bool(axis.minor.gridOn)},
        "static": None,
        "unfollowable": _unfollowable(ax, axis, layout),
    }
    if spec is None or rec["scale"] is None:
        # Python's own tickers: the export's ticks, moving with the data
        rec["static"] = {"major": [float(v) for v in layout.major],
                         "labels": list(layout.labels),
                         "index": list(layout.major_set.index),
                         "minor": [float(v) for v in layout.minor], "offset": layout.offset,
                         "why": _why(axis)}
    rec["reserve"] = _axis_reserve(axis, rec, spec, minor_fmt)
    return rec


def _axis_reserve(axis, rec: dict, spec, minor_fmt) -> dict[str, str]:
    """{face: the characters an axis' labels may need in it}."""
    out: dict[str, str] = {}

    def add(face: str, chars: str) -> None:
        out[face] = out.get(face, "") + chars

    st = rec["static"]
    major = reserve_chars(spec) if st is None else \
        "".join(st["labels"]) + math_glyphs(st["labels"]) + st["offset"]
    add(rec["major"]["face"], major)
    add("sans", major)  # the offset text
    if st is None:
        add(rec["minor"]["face"], reserve_chars(minor_fmt and {"formatter": minor_fmt}))
    for side in (1, 2):
        for o in _label_overrides(axis, side):
            if o:
                add(o.get("face", rec["major"]["face"]), str(o.get("text", "")) + major)
    if rec["label"]:
        add(rec["label"]["face"], rec["label"]["text"])
    return out


def _why(axis) -> str:
    """What keeps an axis' ticks from following in a page (for the page's notice)."""
    for obj in (axis.major_formatter, axis.major_locator, axis.minor_locator):
        ok = formatter_spec(obj, axis) if obj is axis.major_formatter else locator_spec(obj)
        if ok is None:
            return type(obj).__name__
    return f"the {axis.scale.name} scale"


def moving_spines(ax) -> list:
    """The visible spines of a rectilinear axes put at a data value of the other axis
    (``('data', v)``, 'zero') or bounded to data values of their own (``set_bounds``):
    they move with the view, so the axes' decoration draws them (and a page redraws
    them) rather than the figure's overlay."""
    if not ax.frame_on or ax.role == "twin" or not hasattr(ax.spines, "items"):
        return []
    return [s for s in ax.spines.values() if s.get_visible() and s.axes is not None
            and (s.position[0] == "data" or s.bounds is not None)
            and dash_pattern(s.linestyle, 1.0) is None and s.capstyle != "round"]


def _spine_record(ax, spine) -> dict:
    """A moving spine: where it stands across (``base``, as _base_spec), the data
    bounds it runs between along its own axis (None: the box's edge) and how it snaps
    to the pixel grid (Spine.snap)."""
    axis = ax.yaxis if spine.name in ("left", "right") else ax.xaxis
    side = 1 if spine.name in ("left", "bottom") else 2
    return {"name": spine.name, "base": _base_spec(ax, axis, side),
            "bounds": None if spine.bounds is None else list(spine.bounds),
            "scale": scale_spec(axis.scale), "extent": [float(v) for v in spine.extent()],
            "color": color_bytes(spine.color),
            "width": round(float(ax.figure.points_to_pixels(spine.linewidth)), 3),
            "snap": spine.snap(), "projecting": spine.capstyle == "projecting"}


def rectilinear_record(ax, axes_records: list[dict], texts: list[dict] = (),
                       frozen_texts: list[str] = ()) -> dict | None:
    """The record of a rectilinear axes whose view a page may move, None, or (when the
    page cannot redraw an axis) ``{"kind": "frozen", "what": ...}`` naming why.
    ``texts``: the texts anchored to data it moves (lumos/plot/page_texts.py);
    ``frozen_texts``: why others cannot move (the page names them)."""
    if not ax.view.navigable:
        return None
    why = [(r["name"], r.pop("unfollowable")) for r in axes_records]
    why = [f"{name} ticks ({w})" for name, w in why if w]
    if why:  # drawn as exported: the page cannot redraw it, and says so
        what = why + (["texts anchored to data"] if texts else []) + list(frozen_texts)
        return {"kind": "frozen", "what": ", ".join(what)}
    reserve: dict[str, str] = {}
    for part in [r.pop("reserve") for r in axes_records] + [
            {e["face"]: e["text"]} for t in texts for e in t["texts"]]:
        for face, chars in part.items():
            reserve[face] = reserve.get(face, "") + chars
    return {"kind": "rectilinear", "box": [float(v) for v in ax.box],
            "axes": axes_records, "spines": [_spine_record(ax, s) for s in moving_spines(ax)],
            "texts": list(texts), "frozen_texts": list(frozen_texts), "reserve": reserve}


def secondary_record(ax, axis, layout, affine: tuple[float, float] | None,
                     data_pos: float | None) -> dict | None:
    """A secondary axis (``axis``, drawn with ``layout``) over its parent's view. With
    a forward function ``a x + b`` (``affine``: (a, b)) on rectilinear axes the page
    redraws it as a rectilinear axes, its values through the parent's scale, and moves
    its spine with the parent's ``data_pos`` (a spine at a data value, else None).
    Other functions are Python's, which a page cannot run: it stays as exported
    (moving the parent's view says so)."""
    parent = ax.parent
    if not parent.view.navigable:
        return None
    frozen = {"kind": "frozen", "what": f"secondary {ax.orientation} axis (Python's "
              "functions)"}
    along, across = (parent.xaxis, parent.yaxis) if axis.name == "x" else \
        (parent.yaxis, parent.xaxis)
    scale, across_scale = scale_spec(along.scale), scale_spec(across.scale)
    linear = parent.transProjection.frozen().is_linear
    if data_pos is not None and across_scale is not None and linear:
        # its ticks stay as exported, but they move across with the parent's data value
        _, _, bw, bh = parent.box
        frozen["shift"] = {"vertical": axis.name == "x", "data": float(data_pos),
                           "scale": across_scale, "len": float(bh if axis.name == "x"
                                                               else bw),
                           "rect": [float(v) for v in parent.view_rect()]}
    if affine is None or scale is None or across_scale is None or not linear:
        return frozen
    rec = axis_record(ax, axis, layout, {"kind": "affine", "a": affine[0], "b": affine[1],
                                         "parent": scale})
    spines = []
    if data_pos is not None:  # the spine and its ticks stand at the parent's data value
        base = {"data": float(data_pos), "scale": across_scale}
        rec["sides"][0 if ax.spine.name in ("bottom", "left") else 1] = base
        if ax.spine.get_visible():
            spines = [{**_spine_record(ax, ax.spine), "base": base}]
    why = rec.pop("unfollowable")
    if why or any(dash_pattern(ax.spine.linestyle, 1.0) is not None for _ in spines):
        return {"kind": "frozen", "what": f"secondary {ax.orientation} axis ticks "
                f"({why or 'a dashed spine'})"}
    return {"kind": "rectilinear", "box": [float(v) for v in parent.box], "axes": [rec],
            "spines": spines, "texts": [], "frozen_texts": [], "reserve": rec.pop("reserve")}


def polar_record(ax) -> dict | None:
    """The record of polar axes: the page zooms r about the pole and turns the r labels
    round it (the polar controller), so it redraws the r ticks, the grid, both label
    rings and the axis labels (``polar`` in axes.js mirrors PolarAxes.draw_frame)."""
    if not ax.view.navigable or not ax.axison:
        return None
    fig = ax.figure
    origin, sign, inner, outer = ax._radii()
    t0, t1 = ax.xaxis.get_view_interval()
    lo, hi = ax.yaxis.get_view_interval()
    bottom = hi if ax.yaxis.inverted else lo
    parts = []
    for axis in (ax.xaxis, ax.yaxis):
        spec = ticks_spec(axis)
        scale = scale_spec(axis.scale)
        major, labels, minor, offset = axis.ticks()
        parts.append({
            "ticks": spec, "scale": scale,
            "visible": bool(axis.visible and axis.show_labels),
            "size": float(fig.points_to_pixels(axis.tick_size)),
            "color": color_bytes(axis.tick_label_color), "pad": float(fig.points_to_pixels(
                axis.tick_pad)),
            "grid": bool(axis.grid_major),
            "label": None if not axis.label_text else {
                "text": axis.label_text, "size": float(fig.points_to_pixels(axis.label_size)),
                "color": color_bytes(axis.label_color),
                "pad": float(fig.points_to_pixels(axis.labelpad))},
            "static": None if spec is not None and scale is not None else {
                "major": [float(v) for v in major], "labels": list(labels),
                "minor": [float(v) for v in minor], "offset": offset, "why": _why(axis)},
            "reserve": reserve_chars(spec) + "".join(labels) + (axis.label_text or ""),
        })
    theta, r = parts
    theta["label_pad"] = ax.theta_label_pad()
    r["pad"] = ax.sector_r_label_pad()  # r labels are padded on sectors only
    reserve = theta.pop("reserve") + r.pop("reserve")
    return {"kind": "polar", "box": [float(v) for v in ax.box],
            "theta": theta, "r": r, "direction": ax.get_theta_direction(),
            "offset": ax.get_theta_offset(), "thetalim": [float(t0), float(t1)],
            "origin": origin, "sign": sign, "inner": inner, "outer": outer,
            "bottom": float(bottom), "rect": [float(v) for v in ax.view_rect()],
            "reserve": reserve}
