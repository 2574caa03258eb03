"""What the SVG and PDF writers share: numbers, path segments, hatches, font subsets,
and the few primitives a device draws as an image (Gouraud triangles in SVG).

Everything works in canvas logical pixels (y down), as :mod:`lumos.primitives` has it.
"""

from __future__ import annotations

import functools
import io
import math
import re
from collections.abc import Iterable
from pathlib import Path as FilePath

import numpy as np

from ..primitives import CLOSEPOLY, CURVE3, CURVE4, LINETO, MOVETO, Clip, Path, Polygons, Raster

CSS_POINTS = 0.75  # points per CSS pixel (96 per inch): a canvas's logical pixel in files


def check_dpi(dpi) -> float:
    """A positive finite dpi, or an error naming ``dpi``."""
    if isinstance(dpi, bool) or not isinstance(dpi, (int, float, np.integer, np.floating)):
        raise TypeError(f"dpi: got {type(dpi).__name__}, expected a number")
    if not (math.isfinite(dpi) and dpi > 0):
        raise ValueError(f"dpi: got {dpi!r}, expected a positive number")
    return float(dpi)


# Markers of up to this many sizes get a symbol defined per size; beyond, one symbol of
# size 1 is scaled at every point (a bigger file per marker, far fewer definitions).
MARKER_SIZES = 16

# Two decimals of a pixel: 1/400 mm at 100 dpi, finer than any printer.
DECIMALS = 2
_ZEROS = re.compile(r"\.0+(?=[ \]]|$)|(\.\d*?[1-9])0+(?=[ \]]|$)")


def num(value: float, decimals: int = DECIMALS) -> str:
    """A number as short as it can be written at ``decimals`` decimals (no "-0")."""
    s = f"{value:.{decimals}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def nums(values, decimals: int = DECIMALS) -> list[str]:
    """:func:`num` of every value, fast for long arrays."""
    arr = np.round(np.asarray(values, dtype=np.float64).ravel(), decimals) + 0.0  # no -0
    if not len(arr):
        return []
    text = (f"%.{decimals}f " * len(arr)) % tuple(arr.tolist())
    return _ZEROS.sub(r"\1", text.strip()).split(" ")


def segments(path: Path) -> tuple[np.ndarray, np.ndarray]:
    """Finite vertices and matplotlib codes of a path: a polyline's NaN rows become the
    start of a new subpath (as in the GL line), so are rows of NaN in a coded path."""
    v = path.vertices
    ok = np.isfinite(v).all(axis=1)
    if path.codes is None:
        start = ok & ~np.r_[False, ok[:-1]]
        codes = np.where(start, MOVETO, LINETO).astype(np.uint8)
        return v[ok], codes[ok]
    codes = path.codes.copy()
    closing = codes == CLOSEPOLY
    ok |= closing  # a CLOSEPOLY row's vertex is ignored
    after_gap = ok & ~np.r_[True, ok[:-1]]
    codes[after_gap & (codes == LINETO)] = MOVETO
    return v[ok], codes[ok]


def iter_commands(vertices: np.ndarray, codes: np.ndarray):
    """(op, points) per drawing command: "M"/"L" with one point, "Q" with two, "C"
    with three, "Z" with none."""
    i, n = 0, len(codes)
    while i < n:
        c = codes[i]
        if c == MOVETO:
            yield "M", vertices[i : i + 1]
            i += 1
        elif c == LINETO:
            yield "L", vertices[i : i + 1]
            i += 1
        elif c == CURVE3:
            yield "Q", vertices[i : i + 2]
            i += 2
        elif c == CURVE4:
            yield "C", vertices[i : i + 3]
            i += 3
        elif c == CLOSEPOLY:
            yield "Z", vertices[:0]
            i += 1
        else:
            raise ValueError(f"path codes: got {c}, expected matplotlib's MOVETO, LINETO, "
                             "CURVE3, CURVE4 or CLOSEPOLY")


def clip_layers(clip) -> list[tuple[str, object]]:
    """What a primitive's ``clip`` limits drawing to, outermost first: ``("rect",
    (x, y, w, h))`` and ``("path", (vertices, codes))`` per clip path (its rings closed,
    one nonzero fill: their union); a device intersects them."""
    if clip is None:
        return []
    if not isinstance(clip, Clip):
        return [("rect", tuple(clip))]
    out: list[tuple[str, object]] = [] if clip.rect is None else [("rect", clip.rect)]
    for region in clip.regions:
        rings = [r for r in region if len(r) >= 3]
        verts = np.concatenate([np.r_[r, r[:1]] for r in rings]) if rings else np.zeros((0, 2))
        codes = np.concatenate([np.r_[MOVETO, np.full(len(r) - 1, LINETO), CLOSEPOLY]
                                for r in rings]).astype(np.uint8) if rings else \
            np.zeros(0, np.uint8)
        out.append(("path", (verts, codes)))
    return out


def polygon_rows(p: Polygons) -> tuple[list[list[str]], np.ndarray, np.ndarray | None]:
    """What a device writes of each polygon of ``p`` it draws, in order: the corners'
    numbers (``[x0, y0, x1, y1, ...]`` as text), face colors (n, 4) and edge colors
    (n, 4, or None: no outlines). Polygons with a non-finite corner or nothing to
    paint are left out."""
    n = len(p.vertices)
    face = np.broadcast_to(p.facecolors, (n, 4))
    edge = None if p.edgecolors is None or p.edge_width <= 0 else \
        np.broadcast_to(p.edgecolors, (n, 4))
    keep = np.isfinite(p.vertices).all(axis=(1, 2)) & (
        (face[:, 3] > 0) | (False if edge is None else edge[:, 3] > 0))
    if not keep.all():
        face = face[keep]
        edge = None if edge is None else edge[keep]
    k = p.vertices.shape[1]
    flat = nums(p.vertices[keep].reshape(-1), DECIMALS)
    return [flat[i:i + 2 * k] for i in range(0, len(flat), 2 * k)], face, edge


def polygon_runs(face: np.ndarray, edge: np.ndarray | None) -> list[tuple[int, int]]:
    """``(start, stop)`` of runs of consecutive polygons a device may write as one
    path: the same opaque fill and edge (painted one after another or together, an
    opaque color paints the same pixels, and the shared edges get no seam); a
    translucent polygon is a run of its own (its overlaps blend as matplotlib's do)."""
    n = len(face)
    if n == 0:
        return []
    style = face if edge is None else np.c_[face, edge]
    opaque = (style[:, 3::4] >= 1).all(axis=1)
    same = (style[1:] == style[:-1]).all(axis=1) & opaque[1:] & opaque[:-1]
    cuts = np.r_[0, np.nonzero(~same)[0] + 1, n].tolist()
    return list(zip(cuts[:-1], cuts[1:], strict=True))


def color_hexes(rgba: np.ndarray) -> list[str]:
    """:func:`color_hex` of every row of ``rgba`` (n, 4)."""
    b = np.clip(np.round(np.asarray(rgba, np.float64)[:, :3] * 255), 0, 255).astype(np.int64)
    return [f"#{v:06x}" for v in (b[:, 0] << 16 | b[:, 1] << 8 | b[:, 2]).tolist()]


def is_polyline(codes: np.ndarray) -> bool:
    return bool(np.isin(codes, (MOVETO, LINETO)).all())


def color_hex(rgba) -> str:
    r, g, b = (min(max(round(float(c) * 255), 0), 255) for c in rgba[:3])
    return f"#{r:02x}{g:02x}{b:02x}"


def color_groups(t) -> list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:
    """Flat triangles grouped by color, in the order the colors first appear:
    ``(rgba, vertices, codes, seams)``, the outline of the union of a color's triangles
    as a path to fill nonzero (no inner edges to antialias twice, and a fraction of
    the triangles' size: see :func:`outline`).

    Where two opaque colors meet, each edge would be antialiased against the white
    beneath and a faint seam show (pcolormesh cells, contour bands): ``seams`` are the
    edges (k, 2, 2) a color shares with a color drawn after it, to be stroked in the
    first color (SEAM_STROKE wide) under the second, as a GPU's coverage would blend
    them. Fully transparent colors are left out."""
    colors = np.broadcast_to(t.colors, (len(t.faces), 4))
    keys, inverse = np.unique(colors, axis=0, return_inverse=True)
    inverse = inverse.ravel()
    tri = t.vertices[t.faces]
    cross = (tri[:, 1, 0] - tri[:, 0, 0]) * (tri[:, 2, 1] - tri[:, 0, 1]) \
        - (tri[:, 1, 1] - tri[:, 0, 1]) * (tri[:, 2, 0] - tri[:, 0, 0])
    faces = np.where((cross < 0)[:, None], t.faces[:, [0, 2, 1]], t.faces)
    first = np.full(len(keys), len(faces))
    np.minimum.at(first, inverse, np.arange(len(faces)))
    order = np.argsort(first)
    rank = np.empty(len(keys), np.int64)
    rank[order] = np.arange(len(keys))
    seams = _shared_edges(tri, rank[inverse], (keys[:, 3] >= 1)[order])
    return [(keys[k], *outline(t.vertices[faces[inverse == k]]),
             seams.get(int(rank[k]), np.zeros((0, 2, 2))))
            for k in order if keys[k][3] > 0]


def outline(tri: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The boundary of triangles (k, 3, 2) all turned the same way, as closed rings
    (vertices and matplotlib codes) whose nonzero fill paints what the triangles'
    fill paints: an edge run both ways (two neighbours) cancels, the others chain into
    rings (the winding number is the same everywhere, so overlaps stay filled), and
    points in the middle of a straight run are left out."""
    pts = tri.reshape(-1, 2)
    ids, first = _point_ids(pts)
    ids = ids.reshape(-1, 3)
    where = pts[first]
    a, b = ids.ravel(), ids[:, [1, 2, 0]].ravel()
    keep = a != b
    a, b = a[keep], b[keep]
    # net count of each edge, by its ends in order: u -> v counts +1, v -> u -1
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    pairs, inverse = np.unique(lo * len(where) + hi, return_inverse=True)
    net = np.bincount(inverse.ravel(), weights=np.where(a < b, 1, -1),
                      minlength=len(pairs)).astype(np.int64)
    lo, hi, reps = pairs // len(where), pairs % len(where), np.abs(net)
    src = np.repeat(np.where(net > 0, lo, hi), reps)
    dst = np.repeat(np.where(net > 0, hi, lo), reps)
    if not len(src):
        return np.zeros((0, 2)), np.zeros(0, np.uint8)
    # every point has as many edges in as out: walking from any edge comes back
    order = np.argsort(src, kind="stable")
    starts = np.searchsorted(src[order], np.arange(len(where) + 1)).tolist()
    nxt = starts[:-1]  # the next unused outgoing edge of each point
    order_l, src_l, dst_l = order.tolist(), src.tolist(), dst.tolist()
    used = [False] * len(src_l)
    rings = []
    for e0 in order_l:
        if used[e0]:
            continue
        ring, e, home = [], e0, src_l[e0]
        while True:
            used[e] = True
            ring.append(src_l[e])
            v = dst_l[e]
            while nxt[v] < starts[v + 1] and used[order_l[nxt[v]]]:
                nxt[v] += 1
            if v == home or nxt[v] >= starts[v + 1]:
                break
            e = order_l[nxt[v]]
            nxt[v] += 1
        rings.append(_straight(where[ring]))
    rings = [r for r in rings if len(r) >= 3]
    if not rings:
        return np.zeros((0, 2)), np.zeros(0, np.uint8)
    verts = np.concatenate([np.r_[r, r[:1]] for r in rings])
    codes = np.concatenate([np.r_[MOVETO, np.full(len(r) - 1, LINETO), CLOSEPOLY]
                            for r in rings]).astype(np.uint8)
    return verts, codes


def _point_ids(pts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """An id per point, one for points that agree to a thousandth of a pixel, and the
    first point of each id."""
    q = np.round(pts * 1000.0)
    lo = q.min(axis=0)
    span = q.max(axis=0) - lo + 1
    if span[0] * span[1] < 2.0**62:  # one int64 key per point: a fast 1D unique
        keys = (q[:, 0] - lo[0]).astype(np.int64) * int(span[1]) \
            + (q[:, 1] - lo[1]).astype(np.int64)
        _, first, ids = np.unique(keys, return_index=True, return_inverse=True)
    else:
        _, first, ids = np.unique(q, axis=0, return_index=True, return_inverse=True)
    return ids.ravel(), first


def _straight(ring: np.ndarray) -> np.ndarray:
    """A closed ring without the points in the middle of straight runs."""
    prev, nxt = np.roll(ring, 1, axis=0), np.roll(ring, -1, axis=0)
    d1, d2 = ring - prev, nxt - ring
    cross = d1[:, 0] * d2[:, 1] - d1[:, 1] * d2[:, 0]
    size = np.hypot(*d1.T) * np.hypot(*d2.T)
    bend = (np.abs(cross) > 1e-9 * np.maximum(size, 1e-300)) | ((d1 * d2).sum(axis=1) < 0)
    return ring[bend] if bend.sum() >= 3 else ring


def _shared_edges(tri: np.ndarray, group: np.ndarray, opaque: np.ndarray) -> dict:
    """Edges of opaque groups shared with a later opaque group, by the earlier group
    (groups numbered in drawing order; ``opaque`` by that number)."""
    edges = np.stack([tri[:, [0, 1]], tri[:, [1, 2]], tri[:, [2, 0]]], axis=1).reshape(-1, 2, 2)
    owner = np.repeat(group, 3)
    edges, owner = edges[opaque[owner]], owner[opaque[owner]]
    if not len(edges):
        return {}
    # an edge's key: its two ends (points agreeing to a thousandth of a pixel) in order
    ids, first = _point_ids(edges.reshape(-1, 2))
    ids = ids.reshape(-1, 2)
    key = ids.min(axis=1) * len(first) + ids.max(axis=1)
    _, idx, counts = np.unique(key, return_inverse=True, return_counts=True)
    idx = idx.ravel()
    shared = counts[idx] > 1
    if not shared.any():
        return {}
    order = np.lexsort((owner[shared], idx[shared]))
    sel = np.nonzero(shared)[0][order]
    e0, e1 = sel[:-1], sel[1:]
    e0 = e0[(idx[e0] == idx[e1]) & (owner[e0] != owner[e1])]
    return {int(g): edges[e0[owner[e0] == g]] for g in np.unique(owner[e0])}


# Seam strokes (see color_groups), pixels: a whole pixel, half under the later color
# and half inside the first one's own fill, so the picture keeps its edges.
SEAM_STROKE = 1.0


# ---------------------------------------------------------------------- hatches
HATCH_LETTERS = "-|+/\\xXoO.*"
HATCH_DENSITY = 6  # lines (or rows of shapes) per tile for each repeat of a letter
_FAMILIES = {"-": "h", "|": "v", "+": "hv", "/": "n", "\\": "s", "x": "ns", "X": "ns",
             "o": "o", "O": "O", ".": ".", "*": "*"}


def hatch_tile(hatch: str, cell: float, width: float) -> list[tuple]:
    """What one hatch tile of ``cell`` pixels (y down, tiles anchored at the canvas's
    top-left corner) holds, as matplotlib's hatch.py lays it out and the Paths visual
    draws it: ``(vertices, codes, filled, stroke_width)`` items, strokes ``width`` wide
    plus a shape's own ring width. Lines: ``-`` ``|`` ``+``, diagonals ``/`` ``\\``
    ``x`` through the tile corners; shapes on staggered rows: small rings ``o``, large
    rings ``O``, dots ``.``, stars ``*``. A letter repeated is denser."""
    bad = sorted(set(hatch) - set(HATCH_LETTERS))
    if bad:
        raise ValueError(f"hatch: got {hatch!r}, expected matplotlib's hatch letters "
                         f"{' '.join(HATCH_LETTERS)}")
    count: dict[str, int] = {}
    for c in hatch:
        for fam in _FAMILIES[c]:
            count[fam] = count.get(fam, 0) + 1
    items = []
    segs = []
    for fam in "hvns":
        n = count.get(fam, 0) * HATCH_DENSITY
        if not n:
            continue
        if fam in "hv":
            for t in (np.arange(n) + 0.5) / n:
                segs.append(((-0.1, t), (1.1, t)) if fam == "h" else ((t, -0.1), (t, 1.1)))
        else:  # x + y = 2k/n ('/', rising to the right: 0..2 cross the tile) or
            # y - x = 2k/n ('\\': -1..1 do), a line either side beyond
            for c in np.arange(-n // 2 - 1, n + 2) * 2.0 / n:
                segs.append(((c + 0.1, -0.1), (c - 1.1, 1.1)) if fam == "n"
                            else ((-c - 0.1, -0.1), (1.1 - c, 1.1)))
    if segs:
        v = np.asarray(segs, np.float64).reshape(-1, 2) * cell
        codes = np.tile(np.array([MOVETO, LINETO], np.uint8), len(segs))
        items.append((v, codes, False, width))
    for fam, radius in (("o", 0.2), ("O", 0.35), (".", 0.1), ("*", 1 / 3)):
        n = count.get(fam, 0) * HATCH_DENSITY
        if not n:
            continue
        r = radius * cell / n
        verts, codes = [], []
        for cx, cy in _lattice(n):
            shape = _star(r) if fam == "*" else _circle(0.95 * r if fam in "oO" else r)
            verts.append(shape[0] + (cx * cell / n, cy * cell / n))
            codes.append(shape[1])
        ring = 0.05 * r if fam in "oO" else 0.0
        items.append((np.concatenate(verts), np.concatenate(codes), fam in ".*", width + ring))
    return items


def _lattice(n: int) -> list[tuple[float, float]]:
    """Centres (lattice units, 1/n of a tile) of matplotlib's staggered rows reaching
    into one tile: even rows at integer x, odd rows at half-integer x."""
    out = []
    for row in range(-1, n + 2):
        shift = 0.5 if row % 2 else 0.0
        out += [(col + shift, float(row)) for col in range(-1, n + 2)]
    return out


def _circle(r: float) -> tuple[np.ndarray, np.ndarray]:
    k = 0.5522847498 * r
    pts = [(r, 0), (r, k), (k, r), (0, r), (-k, r), (-r, k), (-r, 0), (-r, -k), (-k, -r),
           (0, -r), (k, -r), (r, -k), (r, 0), (r, 0)]
    codes = [MOVETO] + [CURVE4] * 12 + [CLOSEPOLY]
    return np.asarray(pts, np.float64), np.asarray(codes, np.uint8)


def _star(r: float) -> tuple[np.ndarray, np.ndarray]:
    """Five points of radius r, inner corners at r / 2, pointing up on screen."""
    a = np.arange(10) * np.pi / 5
    rad = np.where(np.arange(10) % 2 == 0, r, 0.5 * r)
    pts = np.c_[rad * np.sin(a), -rad * np.cos(a)]
    codes = np.r_[MOVETO, np.full(9, LINETO), CLOSEPOLY].astype(np.uint8)
    return np.r_[pts, pts[:1]], codes


# ---------------------------------------------------------------------- fonts
class FontSubsets:
    """The glyphs each font file is used for in one document, to embed subsets."""

    def __init__(self) -> None:
        self.glyphs: dict[FilePath, dict[int, str]] = {}

    def add(self, font: FilePath, glyph_ids: Iterable[int], chars: str) -> None:
        used = self.glyphs.setdefault(FilePath(font), {})
        ids = list(glyph_ids)
        for i, gid in enumerate(ids):
            c = chars[i] if i < len(chars) and len(chars) == len(ids) else ""
            if gid not in used or (not used[gid] and c):
                used[gid] = c

    def subset(self, font: FilePath, keep_ids: bool = False) -> tuple[bytes, dict[int, int]]:
        """The font file cut down to its used glyphs (and the characters they stand for,
        with their cmap entries: an SVG's text maps through them), and the new glyph id
        of every old one. ``keep_ids`` keeps the glyph ids (a bigger file)."""
        used = self.glyphs[FilePath(font)]
        return _subset(FilePath(font), tuple(sorted(used.items())), keep_ids)


# Tables a subset never needs: positions come laid out (no shaping or kerning), and
# deleting them before subsetting saves decompiling them (most of the time it takes).
_DROP = ("GPOS", "GSUB", "GDEF", "kern", "MATH", "FFTM", "BASE", "JSTF")


@functools.lru_cache(maxsize=32)
def _subset(font: FilePath, used: tuple, keep_ids: bool) -> tuple[bytes, dict[int, int]]:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.retain_gids = keep_ids
    options.hinting = False  # outlines are drawn at any size: hints only add bytes
    options.notdef_outline = True
    options.layout_features = []
    options.drop_tables += list(_DROP)
    # the original's timestamps: the same figure writes the same bytes
    tt = TTFont(io.BytesIO(_font_bytes(font)), recalcTimestamp=False)
    for tag in _DROP:
        if tag in tt:
            del tt[tag]
    old_order = tt.getGlyphOrder()
    sub = subset.Subsetter(options)
    unicodes = sorted({ord(c) for _, c in used if len(c) == 1})
    sub.populate(gids=[g for g, _ in used], unicodes=unicodes)
    sub.subset(tt)
    new_ids = {name: i for i, name in enumerate(tt.getGlyphOrder())}
    mapping = {g: new_ids[old_order[g]] for g, _ in used if old_order[g] in new_ids}
    out = io.BytesIO()
    tt.save(out)
    return out.getvalue(), mapping


@functools.lru_cache(maxsize=8)
def _font_bytes(font: FilePath) -> bytes:
    with open(font, "rb") as f:
        return f.read()


@functools.lru_cache(maxsize=8)
def _font_info(font: FilePath):
    """The parts of a font file a PDF font descriptor reads (parsed once)."""
    from fontTools.ttLib import TTFont

    tt = TTFont(io.BytesIO(_font_bytes(font)), lazy=True)
    k = 1000.0 / tt["head"].unitsPerEm
    head, hhea = tt["head"], tt["hhea"]
    os2 = tt["OS/2"] if "OS/2" in tt else None
    name = tt["name"].getDebugName(6) or font.stem
    cap = getattr(os2, "sCapHeight", 0) or hhea.ascent
    hmtx = tt["hmtx"]
    advances = [round(hmtx[g][0] * k) for g in tt.getGlyphOrder()]
    return {
        "name": re.sub(r"[^A-Za-z0-9+-]", "", name) or "Font",
        "bbox": [round(v * k) for v in (head.xMin, head.yMin, head.xMax, head.yMax)],
        "ascent": round(hhea.ascent * k), "descent": round(hhea.descent * k),
        "cap_height": round(cap * k),
        "italic_angle": float(tt["post"].italicAngle),
    }, advances


def font_metrics(font: FilePath, glyph_ids: Iterable[int]) -> dict:
    """What a PDF font descriptor needs, in 1000 units per em, and the advance widths
    of ``glyph_ids``."""
    info, advances = _font_info(FilePath(font))
    return {**info, "widths": {g: advances[g] for g in glyph_ids if 0 <= g < len(advances)}}


# ---------------------------------------------------------------------- Gouraud
def gouraud_raster(vertices: np.ndarray, faces: np.ndarray, colors: np.ndarray, clip,
                   pixel_ratio: float) -> Raster | None:
    """Triangles with colors interpolated between their vertices, drawn on the CPU at
    ``pixel_ratio`` device pixels per pixel (pixel centres, later faces over earlier
    ones), for devices without Gouraud shading (SVG)."""
    tri = vertices[faces]
    lo, hi = tri.reshape(-1, 2).min(axis=0), tri.reshape(-1, 2).max(axis=0)
    if clip is not None:
        lo = np.maximum(lo, clip[:2])
        hi = np.minimum(hi, (clip[0] + clip[2], clip[1] + clip[3]))
    x0, y0 = math.floor(lo[0] * pixel_ratio), math.floor(lo[1] * pixel_ratio)
    x1, y1 = math.ceil(hi[0] * pixel_ratio), math.ceil(hi[1] * pixel_ratio)
    if x1 <= x0 or y1 <= y0:
        return None
    img = np.zeros((y1 - y0, x1 - x0, 4))
    t = tri * pixel_ratio - (x0, y0)  # device pixels from the image's corner
    for k in range(len(faces)):
        a, b, c = t[k]
        det = (b[1] - c[1]) * (a[0] - c[0]) + (c[0] - b[0]) * (a[1] - c[1])
        if det == 0:
            continue
        bx0, by0 = np.maximum(np.floor(t[k].min(axis=0)).astype(int), 0)
        bx1, by1 = np.minimum(np.ceil(t[k].max(axis=0)).astype(int), img.shape[1::-1])
        if bx1 <= bx0 or by1 <= by0:
            continue
        px, py = np.meshgrid(np.arange(bx0, bx1) + 0.5, np.arange(by0, by1) + 0.5)
        w0 = ((b[1] - c[1]) * (px - c[0]) + (c[0] - b[0]) * (py - c[1])) / det
        w1 = ((c[1] - a[1]) * (px - c[0]) + (a[0] - c[0]) * (py - c[1])) / det
        w2 = 1 - w0 - w1
        inside = (w0 >= 0) & (w1 >= 0) & (w2 >= 0)
        if not inside.any():
            continue
        cv = colors[faces[k]]
        col = w0[inside, None] * cv[0] + w1[inside, None] * cv[1] + w2[inside, None] * cv[2]
        region = img[by0:by1, bx0:bx1]
        dst = region[inside]
        a_src = col[:, 3:]
        out_a = a_src + dst[:, 3:] * (1 - a_src)
        with np.errstate(all="ignore"):
            rgb = np.where(out_a > 0, (col[:, :3] * a_src + dst[:, :3] * dst[:, 3:]
                                       * (1 - a_src)) / out_a, 0)
        region[inside] = np.c_[rgb, out_a]
    rgba = np.clip(np.floor(img * 255 + 0.5), 0, 255).astype(np.uint8)
    r = pixel_ratio
    return Raster(rgba, (x0 / r, y0 / r, (x1 - x0) / r, (y1 - y0) / r), "nearest", clip=clip)
