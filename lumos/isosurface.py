"""Marching cubes: the triangle mesh of an isosurface of a 3D array, fully vectorised.

>>> verts, faces, normals, values = lumos.marching_cubes(volume, level=0.5)

The result follows scikit-image's ``skimage.measure.marching_cubes`` conventions:
vertices in array index order (axis 0, 1, 2, i.e. z, y, x for a ``volume[z, y, x]``)
times ``spacing``; faces wound so that, with ``gradient_direction="descent"`` (the object
is where the data is greater than ``level``), the face normal computed in (x, y, z)
points out of the object; unit normals from the data's gradient, pointing out of the
object; ``values`` the largest range of the data (about ``level``) among the cubes that
made a triangle with the vertex, as scikit-image computes it. A vertex is
where the data crosses ``level`` on a grid edge, by linear interpolation, so the vertex
*set* is scikit-image's exactly; only the order differs (lumos orders vertices by edge).

How it works (no per-voxel Python): every grid edge whose two samples lie on both sides
of ``level`` holds one vertex; the 8 corner signs of every cube give its case (0..255);
a 256-case table, generated at first use from one rule, lists each case's triangles as
cube edges, and numpy gathers them for all cut cubes at once. The rule decides the
ambiguous faces (two diagonal corners above the level, two below) from the corner signs
alone, the same way for both cubes that share the face, so the mesh has no cracks: on
such a face the corners above the level are cut off one by one (the "above" region is
not connected through the face). scikit-image's Lewiner method decides those faces by
the data (asymptotic decider), so on volumes with ambiguous faces (noise, not smooth
fields) its topology can differ there; smooth fields have none (see the tests).
"""

from __future__ import annotations

import numbers

import numpy as np

# Cube corner n sits at offset ((n >> 2) & 1, (n >> 1) & 1, n & 1) along axes (0, 1, 2).
_OFFSETS = np.array([((n >> 2) & 1, (n >> 1) & 1, n & 1) for n in range(8)])
_AXIS_BIT = (4, 2, 1)


def _edges():
    """The 12 cube edges: (corner at the low end, corner at the high end, axis)."""
    out = []
    for axis in range(3):
        b, c = (a for a in range(3) if a != axis)
        for sb in (0, 1):
            for sc in (0, 1):
                n0 = sb * _AXIS_BIT[b] + sc * _AXIS_BIT[c]
                out.append((n0, n0 + _AXIS_BIT[axis], axis))
    return out


_EDGES = _edges()
_EDGE_AXIS = np.array([e[2] for e in _EDGES])
_EDGE_ORIGIN = np.array([_OFFSETS[e[0]] for e in _EDGES])  # (12, 3)
_EDGE_MID = np.array([(_OFFSETS[a] + _OFFSETS[b]) / 2 for a, b, _ in _EDGES], float)
_EDGE_OF = {frozenset(e[:2]): i for i, e in enumerate(_EDGES)}


def _faces():
    """The 6 cube faces: (outward normal, corners in cyclic order)."""
    out = []
    for axis in range(3):
        b, c = (a for a in range(3) if a != axis)
        for side in (0, 1):
            base = side * _AXIS_BIT[axis]
            corners = [base + u * _AXIS_BIT[b] + v * _AXIS_BIT[c]
                       for u, v in ((0, 0), (1, 0), (1, 1), (0, 1))]
            normal = np.zeros(3)
            normal[axis] = 2 * side - 1
            out.append((normal, corners))
    return out


def _oriented(normal, first: int, second: int, above_side) -> tuple[int, int]:
    """The segment between two cut edges of a face, directed so that the corners above
    the level are on its left seen from outside the cube."""
    p, q = _EDGE_MID[first], _EDGE_MID[second]
    left = np.cross(normal, q - p)
    return (first, second) if np.dot(left, above_side - p) > 0 else (second, first)


def _case_loops(case: int) -> list[list[int]]:
    """The closed polygons (as cube edges, in order) of one of the 256 cases."""
    above = [(case >> n) & 1 for n in range(8)]
    nxt: dict[int, int] = {}
    for normal, corners in _faces():
        signs = [above[c] for c in corners]
        cut = [k for k in range(4) if signs[k] != signs[(k + 1) % 4]]
        edge = [_EDGE_OF[frozenset((corners[k], corners[(k + 1) % 4]))] for k in range(4)]
        if len(cut) == 2:
            ups = [_OFFSETS[c] for c, s in zip(corners, signs, strict=True) if s]
            seg = _oriented(normal, edge[cut[0]], edge[cut[1]], np.mean(ups, axis=0))
            segments = [seg]
        elif len(cut) == 4:  # ambiguous face: cut off each corner above the level
            segments = []
            for m in range(4):
                if signs[m]:
                    seg = _oriented(normal, edge[(m - 1) % 4], edge[m], _OFFSETS[corners[m]])
                    segments.append(seg)
        else:
            segments = []
        for a, b in segments:
            nxt[a] = b
    loops = []
    while nxt:
        start = min(nxt)
        loop = [start]
        while nxt[loop[-1]] != start:
            loop.append(nxt.pop(loop[-1]))
        nxt.pop(loop[-1])
        loops.append(loop)
    return loops


_EDGE_FACES = [  # the two faces (axis, side) holding each edge
    {(a, int(_OFFSETS[n0][a])) for a in range(3) if a != axis} for n0, _, axis in _EDGES]


def _triangulate(loop: list[int]) -> list[tuple[int, int, int]]:
    """Triangles of a polygon of cut edges, with no diagonal between two points of one
    cube face (such a triangle would lie in the face, and the cube beyond it makes the
    same one: a doubled, non-manifold sheet), and short diagonals otherwise (a dynamic
    program over the polygon's triangulations)."""
    n = len(loop)

    def cost(i: int, j: int) -> float:
        if j - i == 1 or (i == 0 and j == n - 1):
            return 0.0  # a side of the polygon
        a, b = loop[i], loop[j]
        flat = 1000.0 if _EDGE_FACES[a] & _EDGE_FACES[b] else 0.0
        return flat + float(np.linalg.norm(_EDGE_MID[a] - _EDGE_MID[b]))

    best: dict[tuple[int, int], tuple[float, int]] = {}
    for span in range(2, n):
        for i in range(n - span):
            j = i + span
            best[i, j] = min((best.get((i, k), (0.0,))[0] + best.get((k, j), (0.0,))[0]
                              + cost(i, k) + cost(k, j), k) for k in range(i + 1, j))
    tris = []

    def collect(i: int, j: int) -> None:
        if j - i < 2:
            return
        k = best[i, j][1]
        tris.append((loop[i], loop[k], loop[j]))
        collect(i, k)
        collect(k, j)

    collect(0, n - 1)
    return tris


def _build_table() -> tuple[np.ndarray, np.ndarray]:
    """(256, max) triangle table of cube edges (-1 padded, 3 per triangle) and the
    number of triangles of each case."""
    cases = []
    for case in range(256):
        tris = []
        for loop in _case_loops(case):
            tris += _triangulate(loop)
        cases.append(tris)
    # Orientation: faces wound like scikit-image's, whose normal computed in array index
    # order points to the data above the level. Check with case 1 (corner 0 above).
    t = _EDGE_MID[list(cases[1][0])]
    flip = np.dot(np.cross(t[1] - t[0], t[2] - t[0]), _OFFSETS[0] - t.mean(axis=0)) < 0
    if flip:
        cases = [[(a, c, b) for a, b, c in tris] for tris in cases]
    width = max(len(t) for t in cases)
    table = np.full((256, width, 3), -1, np.int8)
    for case, tris in enumerate(cases):
        if tris:
            table[case, : len(tris)] = tris
    return table, np.array([len(t) for t in cases], np.int64)


_TABLE: tuple[np.ndarray, np.ndarray] | None = None


def _table() -> tuple[np.ndarray, np.ndarray]:
    global _TABLE
    if _TABLE is None:
        _TABLE = _build_table()
    return _TABLE


def _check_volume(volume) -> np.ndarray:
    try:
        vol = np.asarray(volume)
    except Exception as exc:  # ragged input
        raise ValueError(f"volume: could not be read as an array ({exc})") from None
    if vol.dtype.kind not in "biuf":
        raise TypeError(f"volume: got dtype {vol.dtype}, expected real numbers")
    if vol.ndim != 3:
        raise ValueError(f"volume: got shape {vol.shape}, expected a 3D array (M, N, P)")
    if min(vol.shape) < 2:
        raise ValueError(f"volume: got shape {vol.shape}, expected at least 2 samples along "
                         "every axis")
    return vol.astype(np.float32, copy=False)


def marching_cubes(volume, level: float | None = None, *, spacing=(1.0, 1.0, 1.0),
                   gradient_direction: str = "descent", step_size: int = 1,
                   allow_degenerate: bool = True, mask=None):
    """The isosurface of ``volume`` at ``level``: ``(verts, faces, normals, values)``.

    Arguments and results as ``skimage.measure.marching_cubes`` (scikit-image is not
    needed): ``level`` defaults to the middle of the data range and must lie within it;
    ``spacing`` is the sample distance along each array axis; ``gradient_direction``
    "descent" means the object is where the data is greater than ``level`` ("ascent":
    smaller); ``step_size`` samples every n-th voxel; ``allow_degenerate=False`` drops
    zero-area triangles; ``mask`` (boolean, the volume's shape) limits the search to
    cubes whose first corner is True. Non-finite samples make no vertices and their
    cubes no triangles (holes, not errors). Raises RuntimeError when no surface is
    found, as scikit-image does.

    verts (V, 3) float32, faces (F, 3) int32, normals (V, 3) float32, values (V,)
    float32.
    """
    vol = _check_volume(volume)
    if gradient_direction not in ("descent", "ascent"):
        raise ValueError(f"gradient_direction: got {gradient_direction!r}, expected "
                         "'descent' or 'ascent'")
    if isinstance(step_size, bool) or not isinstance(step_size, numbers.Integral) \
            or step_size < 1:
        raise ValueError(f"step_size: got {step_size!r}, expected an integer >= 1")
    try:
        spacing = np.array([float(s) for s in spacing])
    except (TypeError, ValueError):
        raise TypeError(f"spacing: got {spacing!r}, expected 3 numbers") from None
    if spacing.shape != (3,) or not np.isfinite(spacing).all() or (spacing <= 0).any():
        raise ValueError(f"spacing: got {tuple(spacing)}, expected 3 positive numbers")
    lo, hi = float(vol.min()), float(vol.max())
    all_finite = np.isfinite(lo) and np.isfinite(hi)
    finite = None
    if not all_finite:
        finite = np.isfinite(vol)
        if not finite.any():
            raise ValueError("volume: got no finite values")
        lo, hi = float(vol[finite].min()), float(vol[finite].max())
    if level is None:
        level = 0.5 * (lo + hi)
    elif not isinstance(level, numbers.Real) or not np.isfinite(level):
        raise ValueError(f"level: got {level!r}, expected a finite number")
    level = float(level)
    if not lo <= level <= hi:
        raise ValueError(f"level: got {level:g}, expected a value within the data range "
                         f"[{lo:g}, {hi:g}]")
    if mask is not None:
        mask = np.asarray(mask, dtype=bool)
        if mask.shape != vol.shape:
            raise ValueError(f"mask: got shape {mask.shape}, expected the volume's "
                             f"{vol.shape}")
    if step_size > 1:
        s = int(step_size)
        vol = vol[::s, ::s, ::s]
        finite = None if finite is None else finite[::s, ::s, ::s]
        mask = None if mask is None else mask[::s, ::s, ::s]
        spacing = spacing * s
        if min(vol.shape) < 2:
            raise ValueError(f"step_size: got {step_size}, which leaves fewer than 2 "
                             f"samples along an axis of {volume.shape}")
    verts, faces, normals, values = _extract(vol, np.float32(level), finite, all_finite, mask)
    if not len(faces):
        raise RuntimeError("No surface found at the given iso value.")
    if gradient_direction == "ascent":
        faces = faces[:, ::-1]
        normals = -normals
    if not allow_degenerate:
        t = verts[faces]
        area = np.linalg.norm(np.cross(t[:, 1] - t[:, 0], t[:, 2] - t[:, 0]), axis=1)
        faces = faces[area > 0]
        used = np.unique(faces)
        remap = np.full(len(verts), -1, np.int64)
        remap[used] = np.arange(len(used))
        verts, normals, values = verts[used], normals[used], values[used]
        faces = remap[faces]
    verts = (verts * spacing).astype(np.float32)
    return (verts, np.ascontiguousarray(faces, dtype=np.int32),
            normals.astype(np.float32), values.astype(np.float32))


def _set_bits(packed: np.ndarray, length: int) -> np.ndarray:
    """Flat indices (rows of ``length``) of the set bits of rows packed along the last
    axis (little bit order), reading only the nonzero bytes."""
    nb = packed.shape[-1]
    nz = np.flatnonzero(packed)
    bits = np.unpackbits(packed.reshape(-1)[nz][:, None], axis=1, bitorder="little")
    r, b = np.nonzero(bits)
    row, col = np.divmod(nz[r] * 8 + b, nb * 8)
    keep = col < length
    return row[keep] * length + col[keep]


def _next_along_x(packed: np.ndarray) -> np.ndarray:
    """Bits moved so that bit k holds what bit k + 1 held (the next sample along the
    last axis)."""
    out = packed >> 1
    out[..., :-1] |= packed[..., 1:] << 7
    return out


def _corners_any(packed: np.ndarray) -> np.ndarray:
    """Per cube (bit k of row (i, j)): whether any of its 8 corners is set."""
    o = packed | _next_along_x(packed)
    o = o[:, 1:] | o[:, :-1]
    return o[1:] | o[:-1]


def _extract(vol: np.ndarray, level: np.float32, finite: np.ndarray | None, all_finite: bool,
             mask: np.ndarray | None):
    table, counts = _table()
    D, H, W = vol.shape
    strides = np.array([H * W, W, 1])
    # Corner signs as bits (8 samples a byte along the last axis): the volume-wide work
    # is a few passes over an eighth of the data; everything after it is per cut cube.
    up = np.packbits(vol > level, axis=2, bitorder="little")
    up_next = _next_along_x(up)
    # a cube is cut when some corner is above the level and some is not
    some = _corners_any(up)
    every = up & up_next
    every = every[:, 1:] & every[:, :-1]
    cut_cubes = some & ~(every[1:] & every[:-1])
    edge_cuts = [up[1:] ^ up[:-1], up[:, 1:] ^ up[:, :-1], up ^ up_next]
    if not all_finite:
        bad = np.packbits(~finite, axis=2, bitorder="little")
        cut_cubes &= ~_corners_any(bad)  # a cube with a non-finite corner: no triangles
        edge_cuts[0] &= ~(bad[1:] | bad[:-1])
        edge_cuts[1] &= ~(bad[:, 1:] | bad[:, :-1])
        edge_cuts[2] &= ~(bad | _next_along_x(bad))
    if mask is not None:
        cut_cubes &= np.packbits(mask, axis=2, bitorder="little")[:-1, :-1]
    cubes = _set_bits(cut_cubes, W - 1)
    if not len(cubes):
        none = np.zeros((0, 3), np.float32)
        return none, np.zeros((0, 3), np.int64), none, np.zeros(0, np.float32)
    ci, cj, ck = np.unravel_index(cubes, (D - 1, H - 1, W - 1))
    cube_flat = ci * strides[0] + cj * strides[1] + ck  # flat index of corner 0
    flat_vol = vol.reshape(-1)
    corners = np.stack([flat_vol[cube_flat + o] for o in _OFFSETS @ strides])  # (8, C)
    cube_case = np.zeros(len(cubes), np.uint8)
    for n in range(8):
        cube_case |= (corners[n] > level).view(np.uint8) << n
    ntri = counts[cube_case]
    # one row per triangle: its cube and its number within the cube's case
    first = np.cumsum(ntri) - ntri
    tri_of = np.repeat(np.arange(len(cubes)), ntri)
    tri_no = np.arange(len(tri_of)) - first[tri_of]
    local = table[cube_case[tri_of], tri_no]  # (T, 3) cube edges
    # Vertex ids: the cut edges numbered axis by axis in flat order, so an edge's id is
    # the count of set bits before its own in the packed arrays: a prefix sum of
    # per-byte bit counts plus the bits below it in its byte.
    edge_cuts[2][..., (W - 1) // 8] &= np.uint8(~(1 << ((W - 1) % 8)) & 0xFF)  # no edge there
    bits = np.concatenate([b.reshape(-1) for b in edge_cuts])
    ones = _POPCOUNT[bits]
    index = np.int32 if bits.size < 2**31 else np.int64
    before = np.cumsum(ones, dtype=index) - ones
    starts = np.cumsum([0] + [b.size for b in edge_cuts[:2]]).astype(index)
    rows = np.array([H, H - 1, H], index)
    nb = index(up.shape[2])
    axis = _EDGE_AXIS[local]  # (T, 3)
    origin = _EDGE_ORIGIN.astype(index)[local]  # (T, 3, 3)
    i = ci.astype(index)[tri_of][:, None] + origin[..., 0]
    j = cj.astype(index)[tri_of][:, None] + origin[..., 1]
    k = ck.astype(index)[tri_of][:, None] + origin[..., 2]
    byte = starts[axis] + (i * rows[axis] + j) * nb + (k >> 3)
    tri_vertex = before[byte] + _POPCOUNT[bits[byte] & _LOW_BITS[k & 7]]
    del i, j, k, byte, origin
    keys = [_set_bits(bits, W - 1 if a == 2 else W) for a, bits in enumerate(edge_cuts)]
    # from each cut array's flat index to the volume's, as key 3 * flat + axis
    keys[1] += keys[1] // ((H - 1) * W) * W
    keys[2] += keys[2] // (W - 1)
    keys = np.concatenate([k * 3 + a for a, k in enumerate(keys)])
    verts = _positions(vol, level, keys, strides)
    normals = _normals(corners - level, local, tri_of, tri_vertex, len(verts))
    # values as scikit-image's: the largest data range (about the level) of the cubes
    # that made a triangle with the vertex
    spread = (np.maximum(corners.max(axis=0) - level, 0)
              - np.minimum(corners.min(axis=0) - level, 0))
    values = np.zeros(len(verts), np.float32)
    np.maximum.at(values, tri_vertex.ravel(), np.repeat(spread[tri_of], 3))
    return verts, tri_vertex, normals, values


_POPCOUNT = np.array([bin(n).count("1") for n in range(256)], np.uint8)
_LOW_BITS = np.array([(1 << b) - 1 for b in range(8)], np.uint8)
_EDGE_ENDS = np.array([e[:2] for e in _EDGES])  # (12, 2) corners
# the edge along each axis through each corner: (8, 3)
_CORNER_EDGES = np.array([[_EDGE_OF[frozenset((n & ~_AXIS_BIT[a], n | _AXIS_BIT[a]))]
                           for a in range(3)] for n in range(8)])


def _positions(vol: np.ndarray, level: np.float32, keys: np.ndarray, strides: np.ndarray):
    """Vertex positions (array index space) on the cut edges with these keys."""
    flat, axis = np.divmod(keys, 3)
    values = vol.reshape(-1)
    v0 = values[flat]
    t = (level - v0) / (values[flat + strides[axis]] - v0)
    pos = np.stack(np.unravel_index(flat, vol.shape), axis=1).astype(np.float32)
    pos[np.arange(len(pos)), axis] += t
    return pos


def _normals(d: np.ndarray, local: np.ndarray, tri_of: np.ndarray, tri_vertex: np.ndarray,
             count: int) -> np.ndarray:
    """Unit vertex normals as scikit-image's: every triangle corner adds the one-sided
    differences (low minus high: down the gradient) at the two ends of its edge in its
    cube, each weighted by 1 / |value - level|; ``d`` is (8, cubes) corner values minus
    the level."""
    weight = 1.0 / (np.finfo(np.float32).eps + np.abs(d))  # (8, C)
    down = d[_EDGE_ENDS[:, 0]] - d[_EDGE_ENDS[:, 1]]  # (12, C): low minus high end
    at_corner = down[_CORNER_EDGES] * weight[:, None, :]  # (8, 3, C)
    per_edge = at_corner[_EDGE_ENDS[:, 0]] + at_corner[_EDGE_ENDS[:, 1]]  # (12, 3, C)
    cubes = d.shape[1]
    rows = (local.astype(np.int64) * (3 * cubes) + tri_of[:, None]).ravel()  # edge, 0, cube
    flat_vertex = tri_vertex.ravel()
    flat_edge = per_edge.reshape(-1)
    total = np.stack([np.bincount(flat_vertex, weights=flat_edge[rows + a * cubes],
                                  minlength=count) for a in range(3)], axis=1)
    length = np.sqrt(np.einsum("ij,ij->i", total, total))[:, None]
    return np.divide(total, length, out=np.zeros_like(total), where=length > 0)
