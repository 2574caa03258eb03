"""Markers given by an outline rather than by name: matplotlib's text markers
(``'$♠$'``, ``r'$\\clubsuit$'``, ``'$f$'``: the glyphs' outlines), vertex lists, paths and
regular polygons, stars and asterisks (``(sides, style, angle)``).

A :class:`MarkerOutline` holds the outline in units of half the marker size (``r``, as
:mod:`.marker_shapes`), y up, centred on the point. The Markers visual draws it from a
signed distance field of the outline (a small float16 texture computed once per
outline, sampled by the same fragment shader as the named symbols, so edges and
antialiasing are theirs); the vector devices draw the outline itself
(:attr:`MarkerOutline.path`).
"""

from __future__ import annotations

import functools

import numpy as np

from ..gpu.resources import Texture
from ..path import extents, flatten
from ..primitives import Path
from .fonts import get_font
from .marker_shapes import ring_corners
from .mathtext import rich_layout
from .mathtext_parser import parse
from .text_outline import layout_outline

__all__ = ["MarkerOutline", "regular_marker", "text_marker", "vertex_marker"]

_TEXELS = 128  # side of the distance field (52 texels per r)
_PAD = 12  # texels of field around the outline's reach (edges drawn beyond it)


class MarkerOutline:
    """A marker symbol that is a path: ``vertices`` (n, 2) and matplotlib ``codes`` (None:
    one polyline) in units of half the marker size, y up, centred on the point.
    ``filled``: filled in the face color with an edge (else stroked in it, as the line
    markers). ``join``: how matplotlib joins the corners of its edge (its MarkerStyle's
    joinstyle: round for text, vertex and path markers, miter for regular polygons, bevel
    for stars). Two outlines of the same path and join are equal (they batch together)."""

    def __init__(self, vertices, codes=None, filled: bool = True, join: str = "round") -> None:
        self.vertices = np.array(vertices, dtype=np.float64).reshape(-1, 2)
        self.codes = None if codes is None else np.array(codes, dtype=np.uint8)
        self.filled = bool(filled)
        if join not in ("miter", "round", "bevel"):
            raise ValueError(f"join: got {join!r}, expected 'miter', 'round' or 'bevel'")
        self.join = join
        self.vertices.flags.writeable = False
        # chords within a tenth of a texel of the curves (the field has about 52 texels
        # per r)
        flat = flatten([(self.vertices, self.codes)], scale=(52.0, 52.0), tolerance=0.1)
        if not len(flat.points):
            raise ValueError("vertices: got an outline with no segment, expected at least "
                             "two points")
        self._flat = flat
        #: how far the outline reaches from the centre along x or y, in r
        self.reach = float(np.abs(flat.points).max())
        self._key = (self.vertices.tobytes(), None if self.codes is None else
                     self.codes.tobytes(), self.filled, self.join)
        self._hash = hash(self._key)

    def __eq__(self, other) -> bool:
        return isinstance(other, MarkerOutline) and self._key == other._key

    def __hash__(self) -> int:
        return self._hash

    def __repr__(self) -> str:
        return f"MarkerOutline({len(self.vertices)} vertices, filled={self.filled})"

    @functools.cached_property
    def corners(self) -> list:
        """The corners of its edge's rings, joined as ``join`` on the GPU (none for a round
        join, whose distance the field gives): (vertex, incoming and outgoing unit
        directions), r units."""
        if self.join == "round":
            return []
        flat = self._flat
        return [corner for r in range(flat.rings)
                for corner in ring_corners(flat.ring(r), self.filled or flat.closed[r])]

    @functools.cached_property
    def path(self) -> Path:
        """The outline for a marker of size 1 (diameter), y down: the vector devices'
        symbol."""
        codes = self.codes
        if codes is None:
            codes = np.full(len(self.vertices), 2, np.uint8)  # LINETO
            codes[0] = 1  # MOVETO
        return Path(self.vertices * (0.5, -0.5), codes)

    @property
    def box(self) -> float:
        """Half the side of the square the distance field covers, in r."""
        return self.reach * _TEXELS / (_TEXELS - 2 * _PAD)

    @property
    def texture(self) -> Texture:
        """The signed distance field (in r; negative inside) of a filled outline, or the
        distance to the segments of a stroked one: ``_TEXELS`` square over
        ``[-box, box]``, row 0 at the bottom. Computed once for equal outlines."""
        return _texture(self)


@functools.lru_cache(maxsize=64)
def _texture(outline: MarkerOutline) -> Texture:
    """The field of an outline, shared by the equal outlines of other artists (vertex
    markers are built anew by each call that passes them)."""
    return Texture(distance_field(outline._flat, outline.box, _TEXELS, outline.filled),
                   copy=False)


def distance_field(flat, box: float, texels: int, filled: bool) -> np.ndarray:
    """(texels, texels) float16 distances from the texel centres over ``[-box, box]``
    (row 0 at -box) to the rings of ``flat`` (closed when ``filled``); negative inside a
    filled outline (nonzero winding, as glyphs and matplotlib fill)."""
    a_list, b_list = [], []
    for r in range(flat.rings):
        ring = flat.ring(r)
        if filled or flat.closed[r]:
            ring = np.vstack([ring, ring[:1]])
        a_list.append(ring[:-1])
        b_list.append(ring[1:])
    a, b = np.concatenate(a_list), np.concatenate(b_list)
    segs = _Segments(a, b)
    c = (np.arange(texels) + 0.5) / texels * 2 * box - box
    dist = np.empty((texels, texels))
    # Tiles of texels, each measured against the segments that can be nearest to one of
    # its texels: those within the nearest one's distance to the tile's centre plus the
    # tile's diameter.
    step = 16
    half = np.hypot(step / 2, step / 2) * 2 * box / texels
    starts = range(0, texels, step)
    centres = np.array([[c[j:j + step].mean(), c[i:i + step].mean()]
                        for i in starts for j in starts])
    near = np.sqrt(segs.squared(centres[:, 0], centres[:, 1]))  # (tiles, S)
    keeps = near <= near.min(axis=1, keepdims=True) + 2 * half
    for k, (i, j) in enumerate((i, j) for i in starts for j in starts):
        px, py = np.meshgrid(c[j:j + step], c[i:i + step])
        d2 = segs.squared(px.ravel(), py.ravel(), keeps[k])
        dist[i:i + step, j:j + step] = np.sqrt(d2.min(axis=1)).reshape(px.shape)
    if filled:
        dist = np.where(_winding(a, b, c) != 0, -dist, dist)
    return dist.astype(np.float16)


class _Segments:
    """Segments ``a``-``b`` (S, 2) as columns, for the squared distances to them."""

    def __init__(self, a: np.ndarray, b: np.ndarray) -> None:
        self.ax, self.ay = a[:, 0], a[:, 1]
        self.ex, self.ey = b[:, 0] - a[:, 0], b[:, 1] - a[:, 1]
        self.inv = 1.0 / np.maximum(self.ex * self.ex + self.ey * self.ey, 1e-300)

    def squared(self, px: np.ndarray, py: np.ndarray, keep=None) -> np.ndarray:
        """(P, S) squared distances from the points (px, py) to the segments (those
        ``keep`` selects)."""
        ax, ay, ex, ey, inv = self.ax, self.ay, self.ex, self.ey, self.inv
        if keep is not None:
            ax, ay, ex, ey, inv = ax[keep], ay[keep], ex[keep], ey[keep], inv[keep]
        wx, wy = px[:, None] - ax, py[:, None] - ay
        t = np.clip((wx * ex + wy * ey) * inv, 0.0, 1.0)
        dx, dy = wx - t * ex, wy - t * ey
        return dx * dx + dy * dy


def _winding(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> np.ndarray:
    """(n, n) winding numbers of the closed segments ``a``-``b`` around the grid of
    ``c`` x ``c`` (rows: y), from where each row crosses them, upwards or downwards: a
    crossing to the right of a texel winds around it (per row, the crossings sorted and
    their directions summed from the right)."""
    out = np.zeros((len(c), len(c)), np.int64)
    for row, y in enumerate(c):
        up = (a[:, 1] <= y) & (b[:, 1] > y)
        down = (a[:, 1] > y) & (b[:, 1] <= y)
        cross = up | down
        if not cross.any():
            continue
        ya, yb = a[cross, 1], b[cross, 1]
        x = a[cross, 0] + (y - ya) / (yb - ya) * (b[cross, 0] - a[cross, 0])
        order = np.argsort(x, kind="stable")
        direction = up[cross].astype(np.int64)[order] - down[cross][order]
        right = np.r_[np.cumsum(direction[::-1])[::-1], 0]  # sum of crossings from k on
        out[row] = right[np.searchsorted(x[order], c, side="right")]
    return out


def text_marker(text: str, argname: str = "text") -> MarkerOutline:
    """matplotlib's ``'$...$'`` marker: the glyphs of the math text, centred on their ink
    box and scaled so that its larger side is the marker size (a filled outline).
    ``argname``: the argument named by errors."""
    try:
        return _text_marker(text)
    except ValueError as exc:
        raise ValueError(f"{argname}: got {text!r}, expected {exc}") from None


@functools.lru_cache(maxsize=256)
def _text_marker(text: str) -> MarkerOutline:
    """The outline of :func:`text_marker`; ValueError says what was expected."""
    if not isinstance(text, str) or parse(text) is None:
        raise ValueError("math text between a pair of unescaped '$'")
    verts, codes = layout_outline(rich_layout(text, get_font()))
    box = extents([(verts, codes)]) if len(verts) else None
    if box is None or not (box[1] - box[0]).max() > 0:
        raise ValueError("math text with visible glyphs")
    centre, side = box.mean(axis=0), (box[1] - box[0]).max()
    return MarkerOutline((verts - centre) * (2.0 / side), codes)


def vertex_marker(vertices, codes=None, argname: str = "vertices") -> MarkerOutline:
    """matplotlib's custom marker from vertices (and path codes): scaled, not moved, so
    that the largest coordinate magnitude is half the marker size. ``argname``: the
    argument named by errors."""
    try:
        verts = np.array(vertices, dtype=np.float64)
    except (TypeError, ValueError):
        verts = np.zeros(0)
    problem = None
    if verts.ndim != 2 or verts.shape[1] != 2 or len(verts) < 2:
        problem = f"shape {verts.shape}, expected (n, 2) vertices with n >= 2"
    elif not np.isfinite(verts).all():
        problem = "NaN or infinite vertices, expected finite ones"
    elif codes is not None and len(codes) != len(verts):
        problem = f"{len(codes)} codes for {len(verts)} vertices, expected one per vertex"
    elif np.abs(verts).max() <= 0:
        problem = "every vertex at 0, expected an outline with extent"
    if problem is not None:
        raise ValueError(f"{argname}: got {problem}")
    return MarkerOutline(verts / np.abs(verts).max(), codes)


_STYLES = {0: "polygon", 1: "star", 2: "asterisk"}


@functools.lru_cache(maxsize=256)
def regular_marker(sides: int, style: int, angle: float = 0.0) -> MarkerOutline:
    """matplotlib's ``(sides, style, angle)`` marker: a regular polygon (style 0), star
    (1, inner radius half the outer) or asterisk (2, stroked spokes) of ``sides``
    points, the first one up, turned ``angle`` degrees counter-clockwise."""
    if isinstance(sides, bool) or not isinstance(sides, (int, np.integer)) or sides < 2:
        raise ValueError(f"sides: got {sides!r}, expected an integer >= 2")
    if style not in _STYLES:
        raise ValueError(f"style: got {style!r}, expected 0 (polygon), 1 (star) or 2 "
                         "(asterisk)")
    if not np.isfinite(angle):
        raise ValueError(f"angle: got {angle!r}, expected finite degrees")
    points = sides if style == 0 else 2 * sides
    theta = 2 * np.pi / points * np.arange(points + 1) + np.pi / 2 + np.radians(angle)
    radius = np.ones(points + 1)
    if style:
        radius[1::2] = 0.5 if style == 1 else 0.0
    verts = radius[:, None] * np.column_stack([np.cos(theta), np.sin(theta)])
    codes = np.r_[1, np.full(points - 1, 2), 79].astype(np.uint8)  # closed
    # matplotlib's joins: miter for a polygon, bevel for a star (and an asterisk)
    return MarkerOutline(verts, codes, filled=style != 2, join="miter" if style == 0 else "bevel")
