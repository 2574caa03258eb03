"""Markers: symbols drawn as signed distance fields, one GL point per marker.

A marker is one vertex: a point sprite whose fragment shader measures the distance to
the symbol (antialiased, with an edge). Only markers too big for a point sprite
(``POINT_LIMIT``) are drawn as instanced quads, with the same fragment shader. A point
whose centre lies outside the viewport is clipped whole by GL, so the draw asks the
executor for a viewport grown by the largest marker (``Draw.margin``), scissored to the
view: markers that straddle the edge of the view are drawn as far as they reach in.
The shaders and the snippets that fill their hooks are in :mod:`.marker_shaders`.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np

from .. import colors
from ..gpu.frame import Attribute, Draw, State
from ..gpu.resources import Buffer
from ..primitives import CAPS, JOINS, MarkerSet
from .base import (
    DrawContext,
    Member,
    PrimitiveContext,
    RowBounds,
    Visual,
    absolute_float32,
    as_array,
    as_positions,
    centre_origin,
    changed_span,
    check_number,
    check_positive,
    finite_rows,
    float32_minus,
    is_nonlinear,
    rgba_bytes,
    split_origin,
    transform_parts,
)
from .marker_outline import MarkerOutline
from .marker_shaders import (
    EDGE_CLOSED,
    EDGES,
    FACE_FULL,
    HALF_EDGE,
    HALF_FACE,
    OUTLINE_SNIPPETS,
    PROGRAMS,
    SNIPPETS,
    join_snippet,
    joined_corners,
    outline_join_snippet,
)
from .marker_shapes import ALIASES as _ALIASES
from .marker_shapes import (
    HALF_UNCUT,
    JOINSTYLES,
    REACH,
    SEGMENTS,
    SNAPS,
    SYMBOL_PATHS,
    SYMBOLS,
    corners_reach,
    half_paths,
    is_stroke,
    join_reach,
    turn_path,
)
from .marker_symbols import HalfFilled, Turned, similarity

__all__ = ["HalfFilled", "Markers", "SYMBOLS", "SYMBOL_PATHS", "Turned"]

# Markers whose square (side in physical pixels) is at most this are drawn as GL points,
# one vertex each; bigger ones as instanced quads. Desktop GL and WebGL2 devices allow
# points of 64 pixels and more (llvmpipe 255, SwiftShader and ANGLE 1024); the limit of
# the device a frame will run on is not known when the frame is made.
POINT_LIMIT = 64.0


Symbol = str | MarkerOutline | HalfFilled | Turned


def _name(symbol: Symbol) -> str:
    """A named symbol's name (a half fill's or turned symbol's), '' for an outline."""
    return symbol.name if isinstance(symbol, (HalfFilled, Turned)) else \
        "" if isinstance(symbol, MarkerOutline) else symbol


def _turn(symbol: Symbol) -> tuple | None:
    """The shader's turn of a named symbol (:func:`.marker_symbols.similarity`), None for none."""
    return similarity(getattr(symbol, "turn", None))


def _outline(symbol: Symbol) -> MarkerOutline | None:
    """The outline a symbol is drawn from on the GPU (a turned symbol's when the turn is
    not a rotation, scale and shift), None for a named one."""
    if isinstance(symbol, (HalfFilled, Turned)):
        return None if _turn(symbol) is not None else symbol.outline
    return symbol if isinstance(symbol, MarkerOutline) else None


def _reach(symbol: Symbol) -> float:
    if isinstance(symbol, (HalfFilled, Turned)) and symbol.turn is not None:
        return symbol.outline.reach
    outline = _outline(symbol)
    return REACH[_name(symbol)] if outline is None else outline.reach


def _is_stroke(symbol: Symbol) -> bool:
    return not symbol.filled if isinstance(symbol, MarkerOutline) else is_stroke(_name(symbol))


def marker_extent(symbol: Symbol, size: float, edge_width: float,
                  pixel_ratio: float, edge_reach: float = 1.0) -> float:
    """Half the side, in physical pixels, of the square a marker of ``size`` (diameter,
    logical pixels) is drawn in with an edge reaching ``edge_reach`` half widths past
    the symbol (the shaders' ``extent`` in a multisampled framebuffer, the larger one)."""
    return (_reach(symbol) * 0.5 * size * pixel_ratio
            + 0.5 * edge_width * pixel_ratio * edge_reach + 1.0)


def _style_or_none(value, argname: str, allowed: tuple) -> str | None:
    """A stroke style (join or cap) of ``allowed``, or None; ValueError naming
    ``argname`` otherwise."""
    if value is not None and value not in allowed:
        raise ValueError(f"{argname}: got {value!r}, expected one of "
                         f"{', '.join(map(repr, allowed))} or None")
    return value


def _check_symbol(symbol) -> Symbol:
    """A symbol's name (aliases resolved), or the outline or half fill itself."""
    if isinstance(symbol, (MarkerOutline, HalfFilled, Turned)):
        return symbol
    name = _ALIASES.get(symbol, symbol)
    if name not in SYMBOLS:
        raise ValueError(f"symbol: got {symbol!r}, expected one of {', '.join(SYMBOLS)} "
                         "a MarkerOutline or a HalfFilled")
    return name


def _color_bytes(color, start: int, stop: int) -> np.ndarray:
    """The uint8 rows start:stop of a member's colors: (n, 4) uint8 rows (0..255) as
    they are, float rows (0..1) rounded."""
    if isinstance(color, np.ndarray) and color.dtype == np.uint8:
        return color[start:stop]
    return rgba_bytes(np.asarray(color, dtype=float)[start:stop])


def _sizes(value, points: np.ndarray) -> np.ndarray:
    """Float32 sizes, one per point (0 where the point or its size is not finite)."""
    n = len(points)
    arr = as_array(value, "size")
    if arr.dtype.kind not in "iuf":
        raise TypeError(f"size: got dtype {arr.dtype}, expected a number or {n} numbers")
    if arr.ndim > 1 or (arr.ndim == 1 and len(arr) != n):
        raise ValueError(f"size: got shape {arr.shape}, expected a number or {n} numbers")
    sizes = np.empty(n, np.float32)
    sizes[...] = arr  # one new array, whether arr is one size or n
    invalid = ~finite_rows(points) | ~np.isfinite(sizes)
    sizes[invalid] = 0.0  # the shader skips points of size 0
    return np.maximum(sizes, 0, out=sizes)


class Markers(Visual):
    """Points drawn as symbols of a size in pixels (diameter), one draw for all.

    >>> Markers(pos=xy, size=8, color="C0", symbol="disc")
    >>> Markers(pos=xy, size=sizes, color=rgba, edge_color="black", edge_width=1)
    >>> Markers(pos=xy, size=20, symbol=text_marker("$♠$"))  # an outline symbol

    ``size`` and ``color`` are scalars or one per point; points with NaN are skipped.
    ``set_members`` draws the points of several owners as one batch and uploads only
    the rows each reports changed; ``member_at`` says whose point a picked index is.
    ``depth_shade`` (3D views, as mplot3d's ``depthshade``): the alpha of the farthest
    points, fading from 1 at the nearest corner of the points' bounding box over the
    box's size; computed from the camera in the vertex shader. None: no fading.
    """

    def __init__(self, pos=None, size=8.0, color="C0", symbol: Symbol = "disc",
                 edge_color="black", edge_width: float = 0.0,
                 depth_shade: float | None = None, join: str | None = None,
                 cap: str | None = None, snap=None) -> None:
        super().__init__()
        self.join = join
        self.cap = cap
        self.snap = snap
        self.depth_shade = depth_shade
        self._points = np.zeros((0, 3))
        self._origin = np.zeros(3)
        self._row_bounds = RowBounds()  # the points' bounds as rows change (set_members)
        self._pos_buffer = Buffer(np.zeros((0, 3), np.float32))
        self._size_buffer = Buffer(np.zeros(0, np.float32))
        self._color_buffer = Buffer(np.zeros((0, 4), np.uint8))
        self._largest_size, self._largest_of = 0.0, -1  # see _largest
        self._size = size
        self._color = color
        self._member_keys: list = []
        self._member_starts = np.zeros(1, np.int64)
        self._member_signature = None
        self.symbol = symbol
        self.edge_color = edge_color
        self.edge_width = edge_width
        self.set_data(np.zeros((0, 2)) if pos is None else pos)

    @property
    def pos(self) -> np.ndarray:
        """A copy of the marker positions, (n, 3) float64."""
        out = np.zeros((len(self._points), 3))
        out[:, : self._points.shape[1]] = self._points
        return out

    @pos.setter
    def pos(self, value) -> None:
        self.set_data(value)

    def set_data(self, pos, size=None, color=None) -> None:
        """Replace the points, and optionally sizes and colors (else the specs are kept).
        Input that does not fit leaves the markers as they were."""
        # (n, 2) positions stay 2 columns, uploaded so: the shader's a_pos reads z = 0
        points = as_positions(pos, "pos", columns=None)
        size = self._size if size is None else size
        color = self._color if color is None else color
        sizes = _sizes(size, points)
        rgba = colors.to_rgba_bytes(color, len(points))
        self._points, self._size, self._color = points, size, color
        self._upload_geometry()
        self._size_buffer.set_data(sizes, copy=False)  # both made here, for the buffers
        self._color_buffer.set_data(rgba, copy=False)

    def _upload_geometry(self) -> None:
        self._origin = np.zeros(3)
        self._row_bounds.forget()
        if is_nonlinear(self):
            local = absolute_float32(self._points)
        else:
            origin, local, _ = split_origin(self._points, grid=True)
            self._origin[: len(origin)] = origin
        self._pos_buffer.set_data(local, copy=False)  # made here, for the buffer

    # -- batches of several owners ------------------------------------------------------
    def set_members(self, members: list[Member]) -> None:
        """Draw the points of several owners as one batch (sizes (n,) and colors (n, 4)
        per member). With the same owners and lengths as last time only the rows each
        member reports changed are uploaded (positions, sizes, colors: the first to the
        last changed row; all positions again when their centre, the float64 origin a
        new batch takes, moved); anything else rebuilds the batch."""
        signature = tuple((m.key, len(m.pos)) for m in members)
        keys = [m.key for m in members]
        if signature == self._member_signature and self._update_members(members):
            self._member_keys = keys
            return
        if len(members) == 1:  # one owner: its rows as they are, no copies of 10^6 rows
            m = members[0]
            self.set_data(m.pos, size=m.size, color=m.color)
        else:  # colors as bytes: owners may give float rows or uint8 ones
            self.set_data(np.concatenate([m.pos for m in members]),
                          size=np.concatenate([m.size for m in members]),
                          color=np.concatenate([colors.to_rgba_bytes(m.color, len(m.pos))
                                                for m in members]))
        self._member_signature = signature
        self._member_keys = keys
        self._member_starts = np.r_[0, np.cumsum([len(m.pos) for m in members])]

    def member_at(self, index: int) -> tuple[object, int]:
        """``(key, index of that member's point)`` of a picked point."""
        if not self._member_keys:
            return None, index
        k = int(np.searchsorted(self._member_starts, index, side="right")) - 1
        if not 0 <= k < len(self._member_keys):
            return None, index
        return self._member_keys[k], index - int(self._member_starts[k])

    def _update_members(self, members: list[Member]) -> bool:
        """Upload the changed rows of each member in place; False when the batch must be
        rebuilt instead."""
        if is_nonlinear(self):
            return False  # absolute positions: simply rebuilt
        origin, dims = self._origin, self._points.shape[1]
        if any(m.pos.shape[1] != dims for m in members):
            return False  # 2D owners turned 3D, or back: rebuilt
        bounds, first = False, 0  # False: no position changed
        for m in members:
            span = changed_span(m.changed.get("pos"), len(m.pos))
            if span is not None:
                start, stop = first + span[0], first + span[1]
                self._points[start:stop] = m.pos[span[0] : span[1]]
                bounds = self._row_bounds.after(self._points, start, stop)
            first += len(m.pos)
        anew = False  # every position uploaded again, about the origin a new batch takes
        if bounds is not False:
            centre = centre_origin(bounds, dims, grid=True)
            if centre is None:
                return False  # a median origin: rebuilt
            anew = not np.array_equal(centre, origin[:dims])
            origin[:dims] = centre
        total = len(self._points)
        first = 0
        for m in members:
            n = len(m.pos)
            pos_span = changed_span(m.changed.get("pos"), n)
            up = (0, n) if anew else pos_span
            if up is not None:
                p = m.pos[up[0] : up[1]]
                valid = finite_rows(p)
                with np.errstate(invalid="ignore"):  # inf - inf: zeroed below
                    local = float32_minus(p, origin[:dims])
                if not valid.all():
                    local[~valid] = 0.0
                self._pos_buffer.update(first + up[0], local)
            # sizes follow the positions too: a point that became NaN gets size 0
            spans = [s for s in (changed_span(m.changed.get("size"), n), pos_span) if s]
            if spans:
                start, stop = min(s for s, _ in spans), max(e for _, e in spans)
                sz = np.asarray(m.size[start:stop], dtype=np.float32)
                bad = ~finite_rows(m.pos[start:stop]) | ~np.isfinite(sz)
                sz = np.maximum(np.where(bad, 0.0, sz), 0.0).astype(np.float32)
                if not np.array_equal(sz, self._size_buffer.data[first + start :
                                                                  first + stop]):
                    self._size_buffer.update(first + start, sz)
                if len(members) == 1:  # the owner's rows are the batch's (see set_members)
                    self._size = m.size
                elif isinstance(self._size, np.ndarray) and self._size.shape == (total,):
                    self._size[first + start : first + stop] = m.size[start:stop]
            color_span = changed_span(m.changed.get("color"), n)
            if color_span is not None:
                start, stop = color_span
                rows = _color_bytes(m.color, start, stop)
                self._color_buffer.update(first + start, rows)
                if len(members) == 1:
                    self._color = m.color
                elif isinstance(self._color, np.ndarray) and len(self._color) == total:
                    self._color[first + start : first + stop] = rows
            first += n
        return True

    @property
    def size(self):
        """The marker size in logical pixels: one, or one per marker."""
        return self._size

    @size.setter
    def size(self, value) -> None:
        self._size_buffer.set_data(_sizes(value, self._points))
        self._size = value

    @property
    def color(self):
        """The face color: one, or one per marker."""
        return self._color

    @color.setter
    def color(self, value) -> None:
        self._color_buffer.set_data(colors.to_rgba_bytes(value, len(self._points)))
        self._color = value

    @property
    def edge_color(self):
        """The edge color, or 'face': each marker's face color."""
        return self._edge_color

    @edge_color.setter
    def edge_color(self, value) -> None:
        face = isinstance(value, str) and value == "face"
        self._edge_rgba = (0.0, 0.0, 0.0, 0.0) if face else \
            colors.to_rgba(value, argname="edge_color")
        self._edge_color = value

    @property
    def symbol(self) -> Symbol:
        """The marker symbol's name ('disc', 'square', ...), its outline
        (:class:`.marker_outline.MarkerOutline`: text, vertex and path markers), or a named
        symbol half filled (:class:`HalfFilled`)."""
        return self._symbol

    @symbol.setter
    def symbol(self, value: Symbol) -> None:
        self._symbol = _check_symbol(value)

    def _edge_face(self) -> bool:
        return isinstance(self._edge_color, str) and self._edge_color == "face"

    def _drawn_edge_width(self) -> float:
        """The edge width drawn: none for a transparent edge of a filled symbol
        (matplotlib strokes the edge over the face, so an invisible edge leaves the face
        whole; the shader's edge band would replace the face's rim)."""
        if self._edge_rgba[3] <= 0 and not self._edge_face() and not _is_stroke(self._symbol):
            return 0.0
        return self._edge_width

    def _face_only(self) -> bool:
        """Whether the markers draw their faces alone: a filled symbol in one color with
        no edge drawn (none wide, or an invisible one), drawn by a shader variant without
        the edge band and the line markers' stroke, pixel for pixel what the full one
        draws then. Not a half fill: its face color is a mix, which the full shader's
        compositing (times alpha, over alpha) rounds differently in a few pixels."""
        return self._drawn_edge_width() <= 0 and not _is_stroke(self._symbol) \
            and not isinstance(self._symbol, HalfFilled)

    @property
    def join(self) -> str | None:
        """How the edge's corners join: 'miter', 'round' or 'bevel' (matplotlib's
        ``MarkerStyle(joinstyle=...)``), None for the symbol's own as matplotlib joins
        it (:data:`.marker_shapes.JOINSTYLES`; an outline's ``join``). The shader joins
        the named symbols' corners and those of outlines with at most 32 corners (regular
        polygons and stars, sheared symbols); a glyph's or curved path's edge is drawn
        round on the GPU whatever the join, joined as asked in SVG/PDF."""
        return self._join

    @join.setter
    def join(self, value) -> None:
        self._join = _style_or_none(value, "join", JOINS)

    @property
    def cap(self) -> str | None:
        """How the line markers' segments end: 'butt', 'round' or 'projecting'
        (matplotlib's ``MarkerStyle(capstyle=...)``), None for matplotlib's default,
        butt. The carets' open ends stay butt."""
        return self._cap

    @cap.setter
    def cap(self, value) -> None:
        self._cap = _style_or_none(value, "cap", CAPS)

    def _drawn_cap(self, name: str) -> str:
        """The ends drawn of the symbol ``name``: the cap given for line markers."""
        return (self._cap or "butt") if name in SEGMENTS else "butt"

    def _edge_reach(self) -> float:
        """How far the edge reaches past the symbol, in half edge widths: a miter's
        point, a projecting end's corner (sqrt 2)."""
        name = _name(self._symbol)
        outline = _outline(self._symbol)
        reach = join_reach(name, self._drawn_join()) if outline is None else \
            corners_reach(joined_corners(outline, self._drawn_join()), self._drawn_join())
        return max(reach, math.sqrt(2.0)) if self._drawn_cap(name) == "projecting" else reach

    def _drawn_join(self) -> str:
        """The join drawn: the one given, else matplotlib's for the symbol (an outline's
        own: round for text, vertex and path markers)."""
        if self._join is not None:
            return self._join
        symbol = self._symbol
        return symbol.join if isinstance(symbol, MarkerOutline) else \
            JOINSTYLES.get(_name(symbol), "round")

    @property
    def edge_width(self) -> float:
        """The edge width in logical pixels."""
        return self._edge_width

    @edge_width.setter
    def edge_width(self, value: float) -> None:
        self._edge_width = check_positive(value, "edge_width")

    @property
    def snap(self):
        """How the markers sit on the pixel grid: None, exactly at their points (a
        scatter's, as Agg draws a collection); else as Agg's ``draw_markers`` places a
        line's markers: each one's origin rounded to a whole pixel, its symbol half a
        pixel past it, or its path snapped for a stroke ``edge_width`` wide where
        ``snap`` (matplotlib's ``get_snap``) is True, or 'auto' and the symbol has
        only horizontal and vertical sides (a square, '+', '|', '_', a tick)."""
        return self._snap

    @snap.setter
    def snap(self, value) -> None:
        if not (value is None or value is True or value is False or value == "auto"):
            raise ValueError(f"snap: got {value!r}, expected None, 'auto', True or False")
        self._snap = value

    def _snap_mode(self) -> float:
        """The shader's ``u_snap``: -1 placed as given; 0 the origin rounded, the path
        not snapped; 1 snapped about its centre; 2 from its centre out (a tick)."""
        if self._snap is None:
            return -1.0
        if self._snap is False or _outline(self._symbol) is not None or \
                _turn(self._symbol) is not None:
            return 0.0
        mode = SNAPS[_name(self._symbol)]
        return float(mode if mode or self._snap == "auto" else 1)

    @property
    def depth_shade(self) -> float | None:
        """In 3D views, the alpha of the farthest markers (mplot3d's ``depthshade``), or None
        for no shading."""
        return self._depth_shade

    @depth_shade.setter
    def depth_shade(self, value) -> None:
        if value is not None:
            value = check_number(value, "depth_shade", 0.0)
            if value > 1:
                raise ValueError(f"depth_shade: got {value!r}, expected an alpha in [0, 1] "
                                 "or None")
        self._depth_shade = value

    def _depth_alpha(self, ctx: PrimitiveContext, keep: np.ndarray) -> np.ndarray | None:
        """The shader's ``depth_shade`` of the points ``keep`` (None: no depth shade)."""
        if self._depth_shade is None or self._depth_shade >= 1:
            return None
        pts = np.zeros((len(self._points), 3))  # z = 0 for points given in 2D
        pts[:, : self._points.shape[1]] = self._points
        ok = np.isfinite(pts).all(axis=1)
        if not ok.any():
            return None
        lo, hi = pts[ok].min(axis=0), pts[ok].max(axis=0)
        box = np.array([[(lo, hi)[i][0], (lo, hi)[j][1], (lo, hi)[k][2]] for i in (0, 1)
                        for j in (0, 1) for k in (0, 1)])
        corners, _ = ctx.eye_space(box, self)
        scale = float(np.linalg.norm(corners.max(axis=0) - corners.min(axis=0)))
        if not scale > 0:
            return None
        z = ctx.eye_space(pts[keep], self)[0][:, 2]
        return np.clip(1.0 - (corners[:, 2].max() - z) / scale, self._depth_shade, 1.0)

    def _shade_uniforms(self) -> dict:
        if self._depth_shade is None:
            return {"u_shade_min": 1.0}
        ok = np.isfinite(self._points).all(axis=1)
        local = self._pos_buffer.data[ok]
        if not len(local):
            return {"u_shade_min": 1.0}
        lo, hi = np.zeros(3), np.zeros(3)  # z = 0 for points given in 2D
        lo[: local.shape[1]], hi[: local.shape[1]] = local.min(axis=0), local.max(axis=0)
        return {"u_shade_min": self._depth_shade, "u_shade_lo": lo, "u_shade_hi": hi}

    def bounds(self) -> np.ndarray | None:
        return self._bounds_of(self._points)

    def primitives(self, ctx: PrimitiveContext | None = None) -> list:
        """One marker set: the symbol's outline at every drawn point (markers wholly
        outside the view are left out); in 3D views farthest first."""
        if ctx is None:  # no world-space form
            return []
        sizes = self._size_buffer.data.astype(np.float64)
        px, depth = ctx.project(self._points, self)
        reach = _reach(self._symbol) * sizes / 2 + 1 + self._edge_width / 2 * self._edge_reach()
        x, y, w, h = ctx.clip
        keep = (sizes > 0) & (px[:, 0] + reach >= x) & (px[:, 0] - reach <= x + w) \
            & (px[:, 1] + reach >= y) & (px[:, 1] - reach <= y + h)
        if not keep.any():
            return []
        if ctx.is_3d:  # farthest first, as mplot3d sorts a scatter's points
            order = np.nonzero(keep)[0]
            keep = order[np.argsort(-depth[keep], kind="stable")]
        face = self._color_buffer.data[keep] / 255.0
        edge = None if self._edge_width <= 0 else face if self._edge_face() else \
            np.array([self._edge_rgba])
        fade = self._depth_alpha(ctx, keep) if ctx.is_3d else None
        if fade is not None:
            face = face * np.c_[np.ones((len(fade), 3)), fade]
            edge = None if edge is None else np.broadcast_to(edge, face.shape) \
                * np.c_[np.ones((len(fade), 3)), fade]
        symbol = self._symbol
        if isinstance(symbol, HalfFilled):  # each half filled, then the edge over both
            n, c = symbol.cut()
            halves = half_paths(symbol.name, n, c, symbol.name not in HALF_UNCUT, symbol.turn)
            sets = [MarkerSet(path, px[keep], sizes[keep], rgba, None, 0.0,
                              f"{symbol.name}-{part}", ctx.clip)
                    for path, rgba, part in ((halves[0], face, symbol.side),
                                             (halves[1], np.array([symbol.alt]), "alt"))
                    if rgba[:, 3].any()]
            if edge is not None:
                sets.append(MarkerSet(halves[2], px[keep], sizes[keep], np.zeros((1, 4)),
                                      edge, self._edge_width, f"{symbol.name}-edge",
                                      ctx.clip, join=self._drawn_join()))
            return sets
        if isinstance(symbol, MarkerOutline):
            path, name = symbol.path, "outline"
        elif isinstance(symbol, Turned):
            path, name = turn_path(SYMBOL_PATHS[symbol.name], symbol.turn), "turned"
        else:
            path, name = SYMBOL_PATHS[symbol], symbol
        if _is_stroke(symbol):  # line markers: stroked in the points' colors
            return [MarkerSet(path, px[keep], sizes[keep], np.zeros((1, 4)), face,
                              max(self._edge_width, 1.0), name, ctx.clip, join="miter",
                              cap=self._drawn_cap(_name(symbol)))]
        return [MarkerSet(path, px[keep], sizes[keep], face, edge, self._edge_width, name,
                          ctx.clip, join=self._drawn_join())]

    def _largest(self) -> float:
        """The largest size uploaded (logical pixels), recomputed only after the sizes
        changed."""
        buf = self._size_buffer
        if self._largest_of != buf.version:
            self._largest_size = float(buf.data.max()) if len(buf.data) else 0.0
            self._largest_of = buf.version
        return self._largest_size

    def draws(self, ctx: DrawContext) -> list[Draw]:
        n = len(self._points)
        if n == 0:
            return []
        snippet, model = transform_parts(self)
        edge_width = self._drawn_edge_width()
        join = self._drawn_join()
        extent = marker_extent(self._symbol, self._largest(), edge_width, ctx.pixel_ratio,
                               self._edge_reach())
        snap = self._snap_mode()
        if snap > 0:
            extent += 0.5  # a snapped symbol is up to half a pixel larger
        outline = _outline(self._symbol)
        half = self._symbol if isinstance(self._symbol, HalfFilled) else None
        name = _name(self._symbol)
        turn = _turn(self._symbol)
        reach, symbol = SNIPPETS[name] if outline is None else OUTLINE_SNIPPETS
        if turn is not None:  # the turned symbol's reach, from its outline
            reach = OUTLINE_SNIPPETS[0]
        hooks = dict(transform=snippet, reach=reach, symbol=symbol,
                     edge=EDGES.get((name, self._drawn_cap(name)), EDGE_CLOSED)
                     if half is None else HALF_EDGE,
                     face=FACE_FULL if half is None else HALF_FACE,
                     join=join_snippet(name, join) if outline is None else
                     outline_join_snippet(outline, join))
        shape = {} if outline is None else {"u_shape_reach": outline.reach,
                                            "u_shape_box": outline.box}
        if turn is not None:
            shape = {"u_shape_reach": _reach(self._symbol), "u_turn": turn[0],
                     "u_shift": turn[1]}
        if half is not None:  # (cut in the symbol's own frame when the shader turns it)
            direction, cut = (half if turn is None else replace(half, turn=None)).cut()
            shape |= {"u_half": direction, "u_half_cut": cut, "u_alt_color": half.alt,
                     "u_half_edge": float(name not in HALF_UNCUT)}
        common = dict(
            view=ctx.view_id,
            uniforms={"u_edge_width": edge_width, "u_edge_color": self._edge_rgba,
                      "u_edge_reach": self._edge_reach(),
                      "u_edge_face": float(self._edge_face()),
                      "u_stroke": float(_is_stroke(self._symbol)), "u_snap": snap,
                      "u_snap_width": self._edge_width,
                      "u_snap_reach": REACH[name] if outline is None else 1.0,
                      **self._shade_uniforms(),
                      **shape, **snippet.uniforms},
            textures={} if outline is None else {"u_shape": outline.texture},
            state=State(depth_test=ctx.is_3d, blend="alpha"),
            origin=tuple(self._origin), model=model,
        )
        points = 2.0 * extent <= POINT_LIMIT
        divisor = 0 if points else 1
        point_template, quad_template = PROGRAMS[self._face_only(), turn is not None]
        dims = self._pos_buffer.data.shape[1]  # 2 for points given in 2D (z = 0)
        attributes = {
            "a_pos": Attribute(self._pos_buffer, dims, "f4", 0, 4 * dims, divisor),
            "a_size": Attribute(self._size_buffer, 1, "f4", 0, 4, divisor),
            "a_color": Attribute(self._color_buffer, 4, "u1", 0, 4, divisor),
        }
        if points:
            return [Draw(program=point_template.compose(**hooks), mode="points", count=n,
                         attributes=attributes, margin=int(np.ceil(extent)), **common)]
        return [Draw(program=quad_template.compose(**hooks), mode="triangle_strip",
                     count=4, instances=n, attributes=attributes, **common)]
