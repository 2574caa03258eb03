"""The marker symbols: matplotlib's marker shapes as data, drawn as signed distance
fields by the Markers shader and as paths by the vector devices.

Every shape is given once, in units of half the marker size (``r``; y up), exactly as
matplotlib's ``MarkerStyle`` draws it: filled shapes as polygons (the disc is a circle),
line markers (``'+'``, ``'x'``, ``'1'``..``'4'``, ``'|'``, ``'_'``, ticks 0..3) as
segments stroked ``edge_width`` pixels wide in the points' colors. From this table come
the GLSL distance functions (:func:`distance_glsl`), the outlines for SVG/PDF
(:data:`SYMBOL_PATHS`) and how far each shape reaches from its centre (:data:`REACH`).
"""

from __future__ import annotations

import functools
import math

import numpy as np

from ..primitives import CLOSEPOLY, CURVE4, LINETO, MOVETO, Path

_S2 = math.sqrt(2.0)


def _regular(n: int, rot_deg: float = 0.0, inner: float | None = None) -> list:
    """matplotlib's unit_regular_polygon (or star with ``inner``): first vertex up."""
    count = 2 * n if inner is not None else n
    out = []
    for k in range(count):
        a = math.radians(rot_deg) + 2 * math.pi * k / count + math.pi / 2
        rad = inner if inner is not None and k % 2 else 1.0
        out.append((rad * math.cos(a), rad * math.sin(a)))
    return out


def _rot(points, deg: float) -> list:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return [(c * x - s * y, s * x + c * y) for x, y in points]


def _rot_segs(segs, deg: float) -> list:
    return [tuple(_rot(seg, deg)) for seg in segs]


# filled shapes: polygons in r units (matplotlib's marker paths scaled by 2)
POLYGONS: dict[str, list] = {
    "square": [(-1, -1), (1, -1), (1, 1), (-1, 1)],
    "triangle": [(0, 1), (-1, -1), (1, -1)],
    "diamond": [(0, -_S2), (_S2, 0), (0, _S2), (-_S2, 0)],
    "cross": [(x / 2, y / 2) for x, y in [(-1, -2), (0, -1), (1, -2), (2, -1), (1, 0), (2, 1),
                                          (1, 2), (0, 1), (-1, 2), (-2, 1), (-1, 0), (-2, -1)]],
    "plus": [(x / 3, y / 3) for x, y in [(-1, -3), (1, -3), (1, -1), (3, -1), (3, 1), (1, 1),
                                         (1, 3), (-1, 3), (-1, 1), (-3, 1), (-3, -1), (-1, -1)]],
    "star": _regular(5, 0.0, 0.381966),
    "triangle_down": _rot([(0, 1), (-1, -1), (1, -1)], 180),
    "triangle_left": _rot([(0, 1), (-1, -1), (1, -1)], 90),
    "triangle_right": _rot([(0, 1), (-1, -1), (1, -1)], 270),
    "pentagon": _regular(5),
    "hexagon": _regular(6),
    "hexagon2": _regular(6, 30.0),
    "octagon": _regular(8, 22.5),
    "thin_diamond": [(0, -_S2), (0.6 * _S2, 0), (0, _S2), (-0.6 * _S2, 0)],
    # carets: matplotlib's open paths (two sides of a triangle): filled as the closed
    # triangle, their edge stroked along the two sides only (see OPEN_EDGES)
    "caretdown": [(-1, 1.5), (0, 0), (1, 1.5)],
    "caretup": _rot([(-1, 1.5), (0, 0), (1, 1.5)], 180),
    "caretleft": _rot([(-1, 1.5), (0, 0), (1, 1.5)], 270),
    "caretright": _rot([(-1, 1.5), (0, 0), (1, 1.5)], 90),
    "caretdownbase": [(-1, 0), (0, -1.5), (1, 0)],
    "caretupbase": _rot([(-1, 0), (0, -1.5), (1, 0)], 180),
    "caretleftbase": _rot([(-1, 0), (0, -1.5), (1, 0)], 270),
    "caretrightbase": _rot([(-1, 0), (0, -1.5), (1, 0)], 90),
}
#: the stroked edge of the carets: an open polyline (butt ends, the middle corner joined)
#: where the other symbols stroke their whole outline
OPEN_EDGES: dict[str, list] = {name: POLYGONS[name] for name in POLYGONS
                               if name.startswith("caret")}
#: half fills (matplotlib's ``fillstyle`` 'top', 'bottom', 'left', 'right'): the point
#: (r units) the line between the two halves passes through, for the symbols matplotlib
#: does not cut through their centre
HALF_CENTRES: dict[str, tuple] = {
    "triangle": (0, -0.2), "triangle_down": (0, 0.2), "triangle_left": (0.2, 0),
    "triangle_right": (-0.2, 0), "pentagon": (0, math.sin(math.radians(18))),
    "star": (0, -0.381966 * math.sin(math.radians(18))),
}
#: symbols matplotlib half-fills (the others are drawn full whatever the fillstyle)
HALF_FILLABLE = ("disc", "square", "triangle", "triangle_down", "triangle_left",
                 "triangle_right", "diamond", "thin_diamond", "pentagon", "star", "hexagon",
                 "hexagon2", "octagon", "plus", "cross")
#: half-filled symbols whose line between the halves matplotlib does not stroke
HALF_UNCUT = ("hexagon",)
_TRI = [((0, 0), (0, -1)), ((0, 0), (0.8, 0.5)), ((0, 0), (-0.8, 0.5))]
# line markers: segments in r units, stroked
SEGMENTS: dict[str, list] = {
    "plus_line": [((-1, 0), (1, 0)), ((0, -1), (0, 1))],
    "x_line": [((-1, -1), (1, 1)), ((-1, 1), (1, -1))],
    "vline": [((0, -1), (0, 1))],
    "hline": [((-1, 0), (1, 0))],
    "tri_down": _TRI,
    "tri_up": _rot_segs(_TRI, 180),
    "tri_left": _rot_segs(_TRI, 270),
    "tri_right": _rot_segs(_TRI, 90),
    # tick markers are as long as the marker size (matplotlib does not halve them)
    "tickleft": [((0, 0), (-2, 0))],
    "tickright": [((0, 0), (2, 0))],
    "tickup": [((0, 0), (0, 2))],
    "tickdown": [((0, 0), (0, -2))],
}

#: every symbol, its index in the shader's ``u_symbol``: the disc, the polygons, then
#: the stroked line markers (from :data:`FIRST_STROKE` on)
SYMBOLS: tuple[str, ...] = ("disc", *POLYGONS, *SEGMENTS)
FIRST_STROKE = 1 + len(POLYGONS)
#: matplotlib's marker codes for each symbol
ALIASES = {
    "o": "disc", "circle": "disc", "s": "square", "^": "triangle", "v": "triangle_down",
    "<": "triangle_left", ">": "triangle_right", "D": "diamond", "d": "thin_diamond",
    "X": "cross", "P": "plus", "x": "x_line", "+": "plus_line", "*": "star",
    "p": "pentagon", "h": "hexagon", "H": "hexagon2", "8": "octagon", "|": "vline",
    "_": "hline", "1": "tri_down", "2": "tri_up", "3": "tri_left", "4": "tri_right",
    0: "tickleft", 1: "tickright", 2: "tickup", 3: "tickdown", 4: "caretleft",
    5: "caretright", 6: "caretup", 7: "caretdown", 8: "caretleftbase",
    9: "caretrightbase", 10: "caretupbase", 11: "caretdownbase",
}  # fmt: skip


def _reach(name: str) -> float:
    if name == "disc":
        return 1.0
    pts = np.array(POLYGONS[name] if name in POLYGONS else
                   [p for seg in SEGMENTS[name] for p in seg], dtype=float)
    return float(np.abs(pts).max())


#: how far each symbol reaches from its centre along x or y, in r (the half side of the
#: square a marker is drawn in)
REACH = {name: _reach(name) for name in SYMBOLS}


def _snaps(name: str) -> int:
    """How Agg's PathSnapper snaps a symbol's path under ``snap=None``: 0 not at all
    (a curve or a slanted side), 1 about its centre (only horizontal and vertical
    sides, reaching as far each way), 2 from its centre out (a tick: one end there)."""
    if name == "disc":
        return 0
    if name in POLYGONS:
        ring = np.array(POLYGONS[name], dtype=float)
        sides = [(a, b) for a, b in zip(ring, np.roll(ring, -1, axis=0), strict=True)]
    else:
        sides = [np.array(seg, dtype=float) for seg in SEGMENTS[name]]
    if any(abs(a[0] - b[0]) > 1e-9 and abs(a[1] - b[1]) > 1e-9 for a, b in sides):
        return 0
    pts = np.concatenate(sides)
    return 1 if np.allclose(pts.min(axis=0), -pts.max(axis=0)) else 2


#: :func:`_snaps` of every symbol
SNAPS = {name: _snaps(name) for name in SYMBOLS}


def is_stroke(name: str) -> bool:
    """Whether a symbol is a line marker (stroked in the points' colors)."""
    return name in SEGMENTS


def is_filled(name: str) -> bool:
    """matplotlib's ``MarkerStyle.is_filled``: False for the line markers and the carets
    (open paths: a scatter strokes them in its face colors)."""
    return name not in SEGMENTS and name not in OPEN_EDGES


def _glsl_vec(p) -> str:
    return f"vec2({float(p[0]):.6f}, {float(p[1]):.6f})"


def distance_glsl(name: str) -> str:
    """GLSL ``float symbol_<name>(vec2 p, float r)``: the signed distance of ``p`` to the
    symbol of radius ``r`` (polygons exactly; line markers: the distance to their
    segments). Each symbol is its own function (and program): a branch on a uniform
    would make software rasterizers run every symbol's code per pixel."""
    head = f"float symbol_{name}(vec2 p, float r) {{"
    if name == "disc":
        return f"{head} return length(p) - r; }}"
    if name in POLYGONS:
        pts = POLYGONS[name]
        body = " ".join(f"v[{i}] = {_glsl_vec(pt)};" for i, pt in enumerate(pts))
        return (f"{head}\n    vec2 v[12]; {body}\n"
                f"    return sd_polygon(p / r, v, {len(pts)}) * r;\n}}")
    segs = SEGMENTS[name]
    dist = "min(" * (len(segs) - 1) + ", ".join(
        [f"sd_segment(q, {_glsl_vec(a)}, {_glsl_vec(b)})" + (")" if i else "")
         for i, (a, b) in enumerate(segs)])
    return f"{head}\n    vec2 q = p / r;\n    return {dist} * r;\n}}"


def edge_glsl(name: str, cap: str = "butt") -> str:
    """GLSL ``float edge_<name>[_<cap>](vec2 p, float r, float d, float ew)``: the
    distance of ``p`` to the stroked edge of a caret (its open polyline, ``ew`` wide,
    butt ends) or of a line marker (its segments, ``cap`` ends: butt as matplotlib's
    default capstyle, round or projecting), given ``d``, its distance to the filled shape
    (to the segments)."""
    suffix = "" if cap == "butt" else f"_{cap}"
    if name in SEGMENTS and cap == "round":  # the distance to the segments themselves
        return f"float edge_{name}{suffix}(vec2 p, float r, float d, float ew) {{ return d; }}"
    if name in SEGMENTS:
        kind, segs = "sd_butt_segment", SEGMENTS[name]
    else:
        a, tip, b = OPEN_EDGES[name]
        kind, segs = "sd_open_segment", [(tip, a), (tip, b)]
    calls = []
    for a, b in segs:  # each segment's direction and length as constants
        ab = np.subtract(b, a, dtype=float)
        length = float(np.hypot(*ab))
        # a projecting end reaches half the width past the segment's end: no cut back
        calls.append(f"{kind}(q, {_glsl_vec(a)}, {_glsl_vec(ab / length)}, {length:.6f}, "
                     f"{'0.0' if cap == 'projecting' else 'h'})")
    dist = "min(" * (len(calls) - 1) + ", ".join(
        [c + (")" if i else "") for i, c in enumerate(calls)])
    return (f"float edge_{name}{suffix}(vec2 p, float r, float d, float ew) {{\n"
            f"    vec2 q = p / r; float h = 0.5 * ew / r;\n"
            f"    return {dist} * r;\n}}")


#: matplotlib's joinstyle of each symbol's edge (``MarkerStyle.get_joinstyle``): miter for
#: the polygons and carets, bevel for the star, round for the rest (the disc and the
#: line markers, whose joins nothing shows)
JOINSTYLES: dict[str, str] = {name: "bevel" if name == "star" else "miter"
                              for name in POLYGONS}


def _corners(name: str) -> list:
    """The corners of a symbol's edge: (vertex, incoming and outgoing unit directions),
    r units, y up; a caret's one corner (its tip), a polygon's every vertex."""
    pts = np.asarray(POLYGONS[name], np.float64)
    if name in OPEN_EDGES:
        return ring_corners(pts, closed=False)
    return ring_corners(pts)


def ring_corners(pts: np.ndarray, closed: bool = True) -> list:
    """The corners of a polyline (n, 2) (a ring when ``closed``): (vertex, incoming and
    outgoing unit directions) at each vertex that turns."""
    pts = np.asarray(pts, np.float64)
    keep = np.r_[True, np.hypot(*np.diff(pts, axis=0).T) > 1e-12]  # repeated points
    pts = pts[keep]
    if closed and len(pts) > 1 and np.hypot(*(pts[-1] - pts[0])) <= 1e-12:
        pts = pts[:-1]
    n = len(pts)
    if n < 3:
        return []
    triples = [(pts[i - 1], pts[i], pts[(i + 1) % n]) for i in range(0 if closed else 1,
                                                                   n if closed else n - 1)]
    out = []
    for a, v, b in triples:
        d1, d2 = (v - a) / np.hypot(*(v - a)), (b - v) / np.hypot(*(b - v))
        # a straight vertex joins nothing; a way back (an asterisk's tip) does
        if abs(d1[0] * d2[1] - d1[1] * d2[0]) > 1e-9 or d1 @ d2 < 0:
            out.append((v, d1, d2))
    return out


def _corner_geometry(d1, d2) -> tuple:
    """(outer normals o1, o2, their unit bisector m, cos of half the turn): the side of
    a corner the join covers is the outer side of the turn."""
    left_turn = d1[0] * d2[1] - d1[1] * d2[0] > 0
    def normal(d):  # noqa: E306
        return np.array([d[1], -d[0]]) if left_turn else np.array([-d[1], d[0]])
    o1, o2 = normal(d1), normal(d2)
    if np.hypot(*(o1 + o2)) < 1e-9:  # a way back: the join lies beyond the tip
        return o1, o2, np.asarray(d1, np.float64), 0.0
    m = (o1 + o2) / np.hypot(*(o1 + o2))
    return o1, o2, m, float(o1 @ m)


@functools.cache
def join_reach(name: str, join: str) -> float:
    """How far a symbol's edge reaches beyond the symbol's own reach, in half edge
    widths: a miter's point reaches ``1 / cos(half the turn)`` of them from its corner
    (at most; matplotlib's Agg cuts it at the edge width in pixels), a round or bevel
    join one."""
    if join != "miter" or name not in POLYGONS:
        return 1.0
    return corners_reach(_corners(name), join)


def corners_reach(corners: list, join: str) -> float:
    """:func:`join_reach` of the corners of :func:`ring_corners`."""
    if join != "miter":
        return 1.0
    cosines = [_corner_geometry(d1, d2)[3] for _, d1, d2 in corners]
    return max([1.0] + [1.0 / c for c in cosines if c > 0])


def join_glsl(name: str, join: str, corners: list | None = None, slack: float = 1e-3) -> str:
    """GLSL ``float join_<name>_<join>(vec2 p, float r, float e, float ew)``: the distance
    ``e`` of ``p`` to a symbol's edge (:func:`edge_glsl`, or the outline's), with its
    corners joined as ``join`` ('miter', 'bevel'; 'round' leaves ``e``, whose distance
    to a corner is round). Beside a corner, where the corner is the nearest point of the
    edge and ``p`` lies past both sides, the distance is the join's: the larger of the
    distances to the two sides' lines, and for the cut (a bevel, or a miter beyond
    matplotlib's Agg limit: the edge width in pixels, in half widths) the distance
    past it, as :mod:`.line_shaders` joins a line's segments. ``corners`` (of
    :func:`ring_corners`, r units) join an outline's, whose distance ``e`` is sampled
    from a field: ``slack`` (in r) then allows for its error near a corner."""
    head = f"float join_{name}_{join}(vec2 p, float r, float e, float ew) {{"
    if corners is None and name in POLYGONS:
        corners = _corners(name)
    if join == "round" or not corners:
        return f"{head} return e; }}"
    lines = [head, "    float hw = 0.5 * ew; float d = e; vec2 q;"]
    for v, d1, d2 in corners:
        o1, o2, m, cos_half = _corner_geometry(d1, d2)
        # (a way back, cos 0, ends flat at the tip whatever the join)
        reach = f"min(hw * {1.0 / cos_half:.6f}, hw * ew)" if join == "miter" and cos_half > 0 \
            else f"hw * {cos_half:.6f}"
        lines.append(
            f"    q = p - r * {_glsl_vec(v)};\n"
            f"    if (dot(q, {_glsl_vec(d1)}) > 0.0 && dot(q, {_glsl_vec(d2)}) < 0.0 "
            f"&& length(q) < d + {slack:g} * r)\n"
            f"        e = max(max(dot(q, {_glsl_vec(o1)}), dot(q, {_glsl_vec(o2)})), "
            f"dot(q, {_glsl_vec(m)}) + hw - {reach});")
    return "\n".join([*lines, "    return e;", "}"])


#: GLSL helpers of the symbols' distance functions (:func:`distance_glsl`)
GLSL = """
float sd_segment(vec2 p, vec2 a, vec2 b) {
    vec2 ab = b - a;
    float t = clamp(dot(p - a, ab) / dot(ab, ab), 0.0, 1.0);
    return length(p - a - t * ab);
}

// Distance to the stroke's centre line of a segment from a, along unit u for l, joined
// (round) at a and cut (butt, h half width) at its end: at most h exactly on the stroke.
float sd_open_segment(vec2 p, vec2 a, vec2 u, float l, float h) {
    vec2 w = p - a;
    float along = dot(w, u);
    if (along < 0.0) return length(w);
    return max(abs(u.x * w.y - u.y * w.x), along - l + h);
}

// The same for a segment cut (butt) at both ends.
float sd_butt_segment(vec2 p, vec2 a, vec2 u, float l, float h) {
    vec2 w = p - a;
    float along = dot(w, u);
    return max(abs(u.x * w.y - u.y * w.x), max(-along, along - l) + h);
}

// Signed distance to a polygon (negative inside; any simple polygon, stars included).
float sd_polygon(vec2 p, vec2 v[12], int n) {
    float d = dot(p - v[0], p - v[0]);
    float s = 1.0;
    for (int i = 0; i < n; i++) {
        int j = i == 0 ? n - 1 : i - 1;
        vec2 e = v[j] - v[i];
        vec2 w = p - v[i];
        vec2 b = w - e * clamp(dot(w, e) / dot(e, e), 0.0, 1.0);
        d = min(d, dot(b, b));
        bvec3 c = bvec3(p.y >= v[i].y, p.y < v[j].y, e.x * w.y > e.y * w.x);
        if (all(c) || all(not(c))) s = -s;
    }
    return s * sqrt(d);
}
"""


def _open(points) -> Path:
    pts = np.asarray(points, np.float64)
    codes = np.r_[MOVETO, np.full(len(pts) - 1, LINETO)].astype(np.uint8)
    return Path(pts, codes)


def _polygon(points) -> Path:
    pts = np.asarray(points, np.float64)
    codes = np.r_[MOVETO, np.full(len(pts) - 1, LINETO), CLOSEPOLY].astype(np.uint8)
    return Path(np.r_[pts, pts[:1]], codes)


def _circle(r: float) -> Path:
    """Four cubic Béziers (within 0.03% of a circle)."""
    k = 0.5522847498 * r
    pts = [(r, 0), (r, k), (k, r), (0, r), (-k, r), (-r, k), (-r, 0), (-r, -k), (-k, -r),
           (0, -r), (k, -r), (r, -k), (r, 0), (r, 0)]
    codes = [MOVETO] + [CURVE4] * 12 + [CLOSEPOLY]
    return Path(np.asarray(pts, np.float64), np.asarray(codes, np.uint8))


def _segments(segs) -> Path:
    verts, codes = [], []
    for a, b in segs:
        verts += [a, b]
        codes += [MOVETO, LINETO]
    return Path(np.asarray(verts, np.float64), np.asarray(codes, np.uint8))


def _y_down(points) -> list:
    """r units, y up → a marker of size 1, y down."""
    return [(0.5 * x, -0.5 * y) for x, y in points]


#: outlines of the symbols for a marker of size 1 (diameter), y down, for vector devices
#: (line markers: open segments, stroked; carets: open paths, filled as closed and stroked
#: open, as matplotlib draws them)
SYMBOL_PATHS: dict[str, Path] = {
    "disc": _circle(0.5),
    **{name: (_open if name in OPEN_EDGES else _polygon)(_y_down(pts))
       for name, pts in POLYGONS.items()},
    **{name: _segments([tuple(_y_down(seg)) for seg in segs])
       for name, segs in SEGMENTS.items()},
}


def _outline_points(name: str, segments: int = 128) -> np.ndarray:
    """A filled symbol's outline as a polygon, r units, y up (the disc as a
    ``segments``-gon)."""
    if name == "disc":
        a = np.linspace(0.0, 2 * np.pi, segments, endpoint=False)
        return np.c_[np.cos(a), np.sin(a)]
    return np.asarray(POLYGONS[name], np.float64)


def _clip(points: np.ndarray, n, c: float) -> np.ndarray:
    """The part of a polygon where ``dot(p, n) >= c`` (one half plane: a single polygon
    for the symbols' cuts)."""
    s = points @ np.asarray(n, np.float64) - c
    out = []
    for i in range(len(points)):
        j = (i + 1) % len(points)
        if s[i] >= 0:
            out.append(points[i])
        if (s[i] >= 0) != (s[j] >= 0):
            out.append(points[i] + s[i] / (s[i] - s[j]) * (points[j] - points[i]))
    return np.asarray(out)


def turn_points(points, turn) -> np.ndarray:
    """Points (n, 2) in r units, y up, moved by the affine ``turn`` ``(a, b, c, d, e,
    f)``: ``(a x + c y + e, b x + d y + f)`` (matplotlib's Affine2D values, e and f in r)."""
    a, b, c, d, e, f = turn
    pts = np.asarray(points, np.float64)
    return np.c_[a * pts[:, 0] + c * pts[:, 1] + e, b * pts[:, 0] + d * pts[:, 1] + f]


def turn_path(path: Path, turn) -> Path:
    """A symbol's path for a marker of size 1, y down, moved by ``turn`` (given in r
    units, y up: :func:`turn_points`)."""
    verts = turn_points(path.vertices * (2.0, -2.0), turn) * (0.5, -0.5)
    return Path(verts, path.codes)


def half_paths(name: str, n, c: float, cut: bool,
               turn=None) -> tuple[Path, Path, Path]:
    """Paths of a half-filled symbol for a marker of size 1, y down: (the half where
    ``dot(p, n) >= c``, the other half, the edge: the outline and, with ``cut``, the line
    between the halves) (p in r units, y up), the symbol moved by ``turn`` when given
    (:func:`turn_points`; ``n`` and ``c`` cut the moved symbol)."""
    pts = _outline_points(name)
    edge = SYMBOL_PATHS[name]
    if turn is not None:
        pts, edge = turn_points(pts, turn), turn_path(edge, turn)
    face, alt = _clip(pts, n, c), _clip(pts, (-n[0], -n[1]), -c)
    if cut:
        on = face[np.abs(face @ np.asarray(n, np.float64) - c) < 1e-9]
        along = on @ np.array([-n[1], n[0]])
        chord = _segments([tuple(_y_down(on[[along.argmin(), along.argmax()]]))])
        edge = Path(np.r_[edge.vertices, chord.vertices], np.r_[edge.codes, chord.codes])
    return _polygon(_y_down(face)), _polygon(_y_down(alt)), edge
