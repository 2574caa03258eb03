"""matplotlib's Path (vertices + codes) and Affine2D, and the flattening of their curves.

>>> p = Path.circle((0, 0), 2)                       # 8 cubic Béziers, as matplotlib's
>>> p.transformed(Affine2D().scale(2, 1).rotate_deg(30))
>>> flat = flatten([(p.vertices, p.codes)], scale=(50, 50))   # polylines within 0.1 px

The codes are matplotlib's (``MOVETO`` 1, ``LINETO`` 2, ``CURVE3`` 3, ``CURVE4`` 4,
``CLOSEPOLY`` 79), so matplotlib's paths and lumos's pass through unchanged. Only numpy:
this module sits at the bottom of lumos's layers, beside ``lumos.primitives``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

STOP, MOVETO, LINETO, CURVE3, CURVE4, CLOSEPOLY = 0, 1, 2, 3, 4, 79
_KNOWN = (STOP, MOVETO, LINETO, CURVE3, CURVE4, CLOSEPOLY)
_VALID = np.zeros(256, bool)
_VALID[list(_KNOWN)] = True

# matplotlib's 4-spline circle (Lancaster): control points of 8 cubic Béziers
_MAGIC = 0.2652031
_SQRTHALF = math.sqrt(0.5)
_MAGIC45 = _SQRTHALF * _MAGIC


def _float_points(value, argument: str) -> np.ndarray:
    """An (N, 2) float64 copy (masked values become NaN), or a ValueError/TypeError."""
    if isinstance(value, np.ma.MaskedArray):
        value = value.astype(float).filled(np.nan)
    try:
        arr = np.array(value, dtype=np.float64, copy=True)
    except (TypeError, ValueError):
        raise TypeError(f"{argument}: got {type(value).__name__}, expected (N, 2) numbers") \
            from None
    if arr.size == 0:
        return np.zeros((0, 2))
    if arr.ndim != 2 or arr.shape[1] != 2:
        raise ValueError(f"{argument}: got shape {arr.shape}, expected (N, 2)")
    return arr


class Path:
    """A series of straight and Bézier segments (matplotlib's ``Path``).

    ``codes`` None means a polyline through ``vertices``; ``closed=True`` without codes
    closes it (the last vertex is then ignored, as matplotlib does).
    """

    STOP, MOVETO, LINETO, CURVE3, CURVE4, CLOSEPOLY = STOP, MOVETO, LINETO, CURVE3, CURVE4, \
        CLOSEPOLY
    NUM_VERTICES_FOR_CODE = {STOP: 1, MOVETO: 1, LINETO: 1, CURVE3: 2, CURVE4: 3,
                             CLOSEPOLY: 1}
    code_type = np.uint8

    def __init__(self, vertices, codes=None, _interpolation_steps: int = 1,
                 closed: bool = False, readonly: bool = False) -> None:
        verts = _float_points(vertices, "vertices")
        if codes is not None and len(verts):
            c = np.asarray(codes)
            if c.dtype.kind not in "iu":
                raise TypeError(f"codes: got dtype {c.dtype}, expected integers")
            if c.ndim != 1 or len(c) != len(verts):
                raise ValueError(f"codes: got shape {c.shape}, expected ({len(verts)},) (one "
                                 "per vertex)")
            if c.min() < 0 or c.max() > 255 or not _VALID[c.astype(np.uint8)].all():
                unknown = sorted(set(np.unique(c).tolist()) - set(_KNOWN))
                raise ValueError(f"codes: got unknown codes {unknown}, expected matplotlib's "
                                 "MOVETO 1, LINETO 2, CURVE3 3, CURVE4 4, CLOSEPOLY 79")
            if c[0] != MOVETO:
                raise ValueError(f"codes: the first code must be MOVETO (1), got {c[0]}")
            codes = c.astype(np.uint8)
        elif closed and len(verts):
            codes = np.full(len(verts), LINETO, np.uint8)
            codes[0] = MOVETO
            codes[-1] = CLOSEPOLY
        else:
            codes = None
        self._vertices = verts
        self._codes = codes
        self._interpolation_steps = int(_interpolation_steps)
        self._readonly = bool(readonly)
        if readonly:
            self._vertices.flags.writeable = False
            if codes is not None:
                codes.flags.writeable = False

    # -- data ---------------------------------------------------------------------------
    @property
    def vertices(self) -> np.ndarray:
        """The (N, 2) float64 vertices (the path's own array, like matplotlib's)."""
        return self._vertices

    @vertices.setter
    def vertices(self, value) -> None:
        if self._readonly:
            raise AttributeError("Can't set vertices on a readonly Path")
        verts = _float_points(value, "vertices")
        if self._codes is not None and len(verts) != len(self._codes):
            raise ValueError(f"vertices: got {len(verts)} rows, expected {len(self._codes)} "
                             "(one per code)")
        self._vertices = verts

    @property
    def codes(self) -> np.ndarray | None:
        """The (N,) uint8 codes, or None for a polyline."""
        return self._codes

    @codes.setter
    def codes(self, value) -> None:
        if self._readonly:
            raise AttributeError("Can't set codes on a readonly Path")
        self._codes = Path(self._vertices, value).codes

    @property
    def readonly(self) -> bool:
        """Whether the path refuses changes (the shared unit shapes do)."""
        return self._readonly

    def __len__(self) -> int:
        return len(self._vertices)

    def __repr__(self) -> str:
        return f"Path({self._vertices!r}, {self._codes!r})"

    def copy(self) -> Path:
        """A copy with its own arrays (never read-only)."""
        return Path(self._vertices, None if self._codes is None else self._codes.copy())

    def transformed(self, transform) -> Path:
        """A new path with its vertices mapped by ``transform`` (an :class:`Affine2D`, a 3x3
        matrix, or anything with ``transform(points)``, such as matplotlib's)."""
        if hasattr(transform, "transform"):
            verts = np.asarray(transform.transform(self._vertices), dtype=float)
        else:
            verts = Affine2D(transform).transform(self._vertices)
        return Path(verts, None if self._codes is None else self._codes.copy())

    def get_extents(self, transform=None) -> np.ndarray:
        """``[[x0, y0], [x1, y1]]`` of the curve itself (Bézier extrema included)."""
        path = self if transform is None else self.transformed(transform)
        e = extents([(path.vertices, path.codes)])
        return np.full((2, 2), np.nan) if e is None else e

    def to_polygons(self, transform=None, closed_only: bool = True) -> list[np.ndarray]:
        """The path as polygons (curves flattened finely); closed ones repeat their first
        vertex. ``closed_only`` closes open subpaths too (matplotlib's default)."""
        path = self if transform is None else self.transformed(transform)
        flat = flatten([(path.vertices, path.codes)], tolerance=1e-4 * _size(path.vertices))
        out = []
        for r in range(flat.rings):
            ring = flat.ring(r)
            ring = ring[np.isfinite(ring).all(axis=1)]
            if len(ring) < 2:
                continue
            if flat.closed[r] or closed_only:
                if not np.array_equal(ring[0], ring[-1]):
                    ring = np.r_[ring, ring[:1]]
            out.append(ring)
        return out

    def contains_point(self, point, transform=None, radius: float = 0.0) -> bool:
        """Whether ``point`` lies inside the filled path (nonzero winding, like Agg).
        ``radius`` (matplotlib's): each edge moved ``radius / 2`` to its right (out of a
        counter-clockwise path), corners mitred, as Agg's contour; rings with no area
        (an open line) contain nothing then."""
        path = self if transform is None else self.transformed(transform)
        x, y = (float(v) for v in point)
        radius = float(radius)
        flat = flatten([(path.vertices, path.codes)], tolerance=1e-4 * _size(path.vertices))
        winding = 0
        for r in range(flat.rings):
            ring = flat.ring(r)
            if radius:
                ring = _contour(ring, radius / 2)
                if ring is None:
                    continue
            winding += winding_number(ring, x, y)
        return winding != 0

    # -- ready-made paths (matplotlib's constructors) ------------------------------------
    @classmethod
    def unit_rectangle(cls) -> Path:
        """The unit square from (0, 0) to (1, 1), closed (one shared read-only path)."""
        return _unit_rectangle()

    @classmethod
    def unit_regular_polygon(cls, numVertices: int) -> Path:  # noqa: N803 - matplotlib's name
        """A regular polygon inscribed in the unit circle, pointing up."""
        n = _count(numVertices, "numVertices")
        theta = 2 * np.pi / n * np.arange(n + 1) + np.pi / 2
        return cls(np.column_stack([np.cos(theta), np.sin(theta)]), closed=True, readonly=True)

    @classmethod
    def unit_regular_star(cls, numVertices: int, innerCircle: float = 0.5) -> Path:  # noqa: N803
        """A star with ``numVertices`` points of radius 1 and inner radius ``innerCircle``."""
        n2 = 2 * _count(numVertices, "numVertices")
        theta = 2 * np.pi / n2 * np.arange(n2 + 1) + np.pi / 2
        r = np.ones(n2 + 1)
        r[1::2] = float(innerCircle)
        return cls(np.column_stack([r * np.cos(theta), r * np.sin(theta)]), closed=True,
                   readonly=True)

    @classmethod
    def unit_regular_asterisk(cls, numVertices: int) -> Path:  # noqa: N803
        """An asterisk of ``numVertices`` arms in the unit circle (a star of inner radius 0)."""
        return cls.unit_regular_star(numVertices, 0.0)

    @classmethod
    def unit_circle(cls) -> Path:
        """The unit circle as 8 cubic Béziers (matplotlib's, within 2e-6 of a circle; one
        shared read-only path)."""
        return _unit_circle()

    @classmethod
    def circle(cls, center=(0.0, 0.0), radius: float = 1.0, readonly: bool = False) -> Path:
        """A circle of ``radius`` about ``center``."""
        m, s, m45 = _MAGIC, _SQRTHALF, _MAGIC45
        verts = np.array([
            [0.0, -1.0], [m, -1.0], [s - m45, -s - m45], [s, -s], [s + m45, -s + m45],
            [1.0, -m], [1.0, 0.0], [1.0, m], [s + m45, s - m45], [s, s], [s - m45, s + m45],
            [m, 1.0], [0.0, 1.0], [-m, 1.0], [-s + m45, s + m45], [-s, s],
            [-s - m45, s - m45], [-1.0, m], [-1.0, 0.0], [-1.0, -m], [-s - m45, -s + m45],
            [-s, -s], [-s + m45, -s - m45], [-m, -1.0], [0.0, -1.0], [0.0, -1.0]])
        codes = np.full(26, CURVE4, np.uint8)
        codes[0], codes[-1] = MOVETO, CLOSEPOLY
        return cls(verts * float(radius) + np.asarray(center, dtype=float), codes,
                   readonly=readonly)

    @classmethod
    def arc(cls, theta1: float, theta2: float, n: int | None = None,
            is_wedge: bool = False) -> Path:
        """The unit circle arc from ``theta1`` to ``theta2`` degrees (counter-clockwise,
        ``theta2`` unwrapped to within 360° of ``theta1``) as cubic Béziers; ``is_wedge``
        closes it through the centre."""
        eta1 = float(theta1)
        turns = (float(theta2) - eta1) / 360
        nearest = np.rint(turns)
        if nearest != 0 and abs(turns - nearest) <= 1e-12:
            eta2 = eta1 + 360
        else:
            eta2 = float(theta2) - 360 * np.floor(turns)
        eta1, eta2 = np.deg2rad([eta1, eta2])
        if n is None:
            n = int(2 ** np.ceil((eta2 - eta1) / (np.pi / 2)))
        if n < 1:
            raise ValueError(f"n: got {n!r}, expected an integer >= 1 or None")
        deta = (eta2 - eta1) / n
        t = np.tan(0.5 * deta)
        alpha = np.sin(deta) * (np.sqrt(4.0 + 3.0 * t * t) - 1) / 3.0
        steps = np.linspace(eta1, eta2, n + 1)
        c, s = np.cos(steps), np.sin(steps)
        xa, ya, xb, yb = c[:-1], s[:-1], c[1:], s[1:]
        if is_wedge:
            length = 3 * n + 4
            verts = np.zeros((length, 2))
            codes = np.full(length, CURVE4, np.uint8)
            verts[1] = [xa[0], ya[0]]
            codes[0:2] = [MOVETO, LINETO]
            codes[-2:] = [LINETO, CLOSEPOLY]
            start, end = 2, length - 2
        else:
            length = 3 * n + 1
            verts = np.empty((length, 2))
            codes = np.full(length, CURVE4, np.uint8)
            verts[0] = [xa[0], ya[0]]
            codes[0] = MOVETO
            start, end = 1, length
        verts[start:end:3] = np.c_[xa - alpha * ya, ya + alpha * xa]
        verts[start + 1:end:3] = np.c_[xb + alpha * yb, yb - alpha * xb]
        verts[start + 2:end:3] = np.c_[xb, yb]
        return cls(verts, codes, readonly=True)

    @classmethod
    def wedge(cls, theta1: float, theta2: float, n: int | None = None) -> Path:
        """The unit circle wedge (a pie slice) from ``theta1`` to ``theta2`` degrees."""
        return cls.arc(theta1, theta2, n, True)

    @classmethod
    def make_compound_path(cls, *args: Path) -> Path:
        """One path holding all of ``args`` (their STOP codes removed)."""
        if not args:
            return cls(np.zeros((0, 2)))
        verts = np.concatenate([np.asarray(p.vertices, dtype=float).reshape(-1, 2)
                                for p in args])
        codes = np.empty(len(verts), np.uint8)
        i = 0
        for p in args:
            size = len(p.vertices)
            if p.codes is None:
                if size:
                    codes[i] = MOVETO
                    codes[i + 1:i + size] = LINETO
            else:
                codes[i:i + size] = p.codes
            i += size
        keep = codes != STOP
        return cls(verts[keep], codes[keep])

    @classmethod
    def make_compound_path_from_polys(cls, XY) -> Path:  # noqa: N803 - matplotlib's name
        """One path of many closed polygons with as many sides each, ``XY`` (P, S, 2)."""
        xy = np.asarray(XY, dtype=float)
        if xy.ndim != 3 or xy.shape[2] != 2:
            raise ValueError(f"XY: got shape {xy.shape}, expected (P, S, 2)")
        p, s, _ = xy.shape
        verts = np.zeros((p, s + 1, 2))
        verts[:, :s] = xy
        codes = np.full((p, s + 1), LINETO, np.uint8)
        codes[:, 0], codes[:, s] = MOVETO, CLOSEPOLY
        return cls(verts.reshape(-1, 2), codes.ravel())


@lru_cache(maxsize=1)
def _unit_circle() -> Path:
    return Path.circle(readonly=True)


@lru_cache(maxsize=1)
def _unit_rectangle() -> Path:
    return Path([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]], closed=True, readonly=True)


class Affine2D:
    """A 2D affine transform as a 3x3 matrix (matplotlib's ``Affine2D`` methods).

    >>> Affine2D().scale(2, 1).rotate_deg(30).translate(5, 0).transform([[1, 0]])

    Methods chain and apply in call order; ``a + b`` applies ``a`` then ``b``.
    """

    def __init__(self, matrix=None) -> None:
        m = np.eye(3) if matrix is None else np.array(matrix, dtype=float, copy=True)
        if m.shape != (3, 3):
            raise ValueError(f"matrix: got shape {m.shape}, expected (3, 3)")
        self._m = m

    def get_matrix(self) -> np.ndarray:
        """A copy of the 3x3 matrix."""
        return self._m.copy()

    def _then(self, m: np.ndarray) -> Affine2D:
        with np.errstate(invalid="ignore"):  # NaN sizes give NaN geometry, drawn as nothing
            self._m = m @ self._m
        return self

    def translate(self, tx: float, ty: float) -> Affine2D:
        """This transform followed by a translation by (tx, ty)."""
        return self._then(np.array([[1, 0, tx], [0, 1, ty], [0, 0, 1]], dtype=float))

    def scale(self, sx: float, sy: float | None = None) -> Affine2D:
        """This transform followed by a scaling (``sy`` defaults to ``sx``)."""
        sy = sx if sy is None else sy
        return self._then(np.diag([float(sx), float(sy), 1.0]))

    def rotate(self, theta: float) -> Affine2D:
        """This transform followed by a rotation by ``theta`` radians about the origin."""
        c, s = math.cos(theta), math.sin(theta)
        return self._then(np.array([[c, -s, 0], [s, c, 0], [0, 0, 1]]))

    def rotate_deg(self, degrees: float) -> Affine2D:
        """This transform followed by a rotation by ``degrees`` about the origin."""
        return self.rotate(math.radians(float(degrees)))

    def rotate_around(self, x: float, y: float, theta: float) -> Affine2D:
        """This transform followed by a rotation by ``theta`` radians about (x, y)."""
        return self.translate(-x, -y).rotate(theta).translate(x, y)

    def rotate_deg_around(self, x: float, y: float, degrees: float) -> Affine2D:
        """This transform followed by a rotation by ``degrees`` about (x, y)."""
        return self.rotate_around(x, y, math.radians(float(degrees)))

    def skew(self, x_shear: float, y_shear: float) -> Affine2D:
        """This transform followed by a shear: x by ``tan(x_shear)`` per y, y by
        ``tan(y_shear)`` per x (radians), as matplotlib's."""
        return self._then(np.array([[1, math.tan(x_shear), 0], [math.tan(y_shear), 1, 0],
                                    [0, 0, 1]]))

    def skew_deg(self, x_shear: float, y_shear: float) -> Affine2D:
        """:meth:`skew` in degrees."""
        return self.skew(math.radians(float(x_shear)), math.radians(float(y_shear)))

    def __add__(self, other: Affine2D) -> Affine2D:
        if not isinstance(other, Affine2D):
            return NotImplemented
        with np.errstate(invalid="ignore"):
            return Affine2D(other._m @ self._m)

    def inverted(self) -> Affine2D:
        """The inverse transform."""
        return Affine2D(np.linalg.inv(self._m))

    def transform(self, points) -> np.ndarray:
        """Map (N, 2) points (or one (2,) point)."""
        pts = np.asarray(points, dtype=float)
        flat = pts.reshape(-1, 2)
        with np.errstate(invalid="ignore"):
            out = flat @ self._m[:2, :2].T + self._m[:2, 2]
        return out.reshape(pts.shape)

    def transform_path(self, path: Path) -> Path:
        """The path with its vertices transformed."""
        return path.transformed(self)

    def __repr__(self) -> str:
        return f"Affine2D({self._m.tolist()!r})"


# -- flattening -------------------------------------------------------------------------
@dataclass(repr=False, eq=False)
class Flat:
    """Flattened paths: polylines ("rings") stored end to end.

    ``points`` (P, 2) holds every ring's points; ring ``r`` is
    ``points[starts[r]:starts[r + 1]]``, belongs to input path ``owner[r]`` and is
    ``closed`` (its last point joins its first) or open. NaN vertices break rings.
    """

    points: np.ndarray
    starts: np.ndarray
    closed: np.ndarray
    owner: np.ndarray

    @property
    def rings(self) -> int:
        """The number of rings."""
        return len(self.closed)

    def ring(self, r: int) -> np.ndarray:
        """The (n, 2) points of ring ``r``."""
        return self.points[self.starts[r]:self.starts[r + 1]]


@lru_cache(maxsize=512)
def _plan(codes: bytes | None, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """How a path of ``n`` vertices with these codes splits into segments and rings.

    Returns ``segments`` (S, 5) int: degree (1..3) and four vertex indices (start,
    controls, end; unused ones repeat the end), ``ring_first`` (R + 1) the first segment of
    each ring (the last entry is S), and ``ring_info`` (R, 2): the start vertex of each
    ring and whether it is closed. Cached per codes: many paths share them (circles)."""
    segs: list[tuple[int, int, int, int, int]] = []
    rings: list[tuple[int, int, bool]] = []  # (first segment, start vertex, closed)
    if codes is None:
        if n:
            rings.append((0, 0, False))
            segs = [(1, i, i + 1, i + 1, i + 1) for i in range(n - 1)]
    else:
        c = np.frombuffer(codes, np.uint8)
        i, cur, start = 0, -1, -1
        while i < n:
            code = c[i]
            if code == MOVETO:
                rings.append((len(segs), i, False))
                cur = start = i
                i += 1
            elif code in (LINETO, CURVE3, CURVE4):
                k = {LINETO: 1, CURVE3: 2, CURVE4: 3}[code]
                if cur < 0 or (rings and rings[-1][2]):
                    # drawing after CLOSEPOLY (or with no MOVETO) starts from the subpath's
                    # start, as matplotlib's renderers do
                    rings.append((len(segs), max(start, 0) if cur >= 0 else i, False))
                    if cur < 0:
                        cur = start = i
                if i + k > n:
                    break  # a truncated curve at the end: dropped
                idx = [cur] + list(range(i, i + k))
                idx += [idx[-1]] * (4 - len(idx))
                segs.append((k, *idx))
                cur = i + k - 1
                i += k
            elif code == CLOSEPOLY:
                if rings and not rings[-1][2] and cur >= 0:
                    f, s, _ = rings[-1]
                    segs.append((1, cur, start, start, start))
                    rings[-1] = (f, s, True)
                    cur = start
                i += 1
            else:  # STOP
                break
    segments = np.array(segs, dtype=np.int64).reshape(-1, 5)
    first = np.array([r[0] for r in rings] + [len(segments)], dtype=np.int64)
    info = np.array([(r[1], r[2]) for r in rings], dtype=np.int64).reshape(-1, 2)
    return segments, first, info


def _joined(paths):
    """Every path's vertices end to end, with the segments (degree, four vertex rows) and
    rings of their plans: ``(V, S, ring_first, info, owner)``, or None when empty.

    Consecutive paths with the same codes and length (a collection of circles, of
    2-point segments) share one plan and are joined in one step."""
    items = []
    for v, c in paths:
        v = np.asarray(v, dtype=float).reshape(-1, 2)
        key = None if c is None else np.ascontiguousarray(c, np.uint8).tobytes()
        items.append((v, key))
    runs = []  # (first path, count, key, length)
    for k, (v, key) in enumerate(items):
        if runs and runs[-1][2] == key and runs[-1][3] == len(v):
            runs[-1][1] += 1
        else:
            runs.append([k, 1, key, len(v)])
    all_segs, all_first, all_info, owners, verts = [], [], [], [], []
    base = nseg = 0
    for first_path, count, key, length in runs:
        segs, first, info = _plan(key, length)
        if len(info) == 0:
            continue
        block = items[first_path:first_path + count]
        v = block[0][0] if count == 1 else np.concatenate([b[0] for b in block])
        shift = base + length * np.arange(count)
        s = np.repeat(segs[None], count, axis=0)
        s[:, :, 1:] += shift[:, None, None]
        all_segs.append(s.reshape(-1, 5))
        all_first.append((first[:-1][None] + nseg + len(segs) * np.arange(count)[:, None])
                         .ravel())
        inf = np.repeat(info[None], count, axis=0)
        inf[:, :, 0] += shift[:, None]
        all_info.append(inf.reshape(-1, 2))
        owners.append(np.repeat(first_path + np.arange(count), len(info)))
        verts.append(v)
        base += length * count
        nseg += len(segs) * count
    if not verts:
        return None
    return (np.concatenate(verts), np.concatenate(all_segs),
            np.r_[np.concatenate(all_first), nseg], np.concatenate(all_info),
            np.concatenate(owners))


def extents(paths) -> np.ndarray | None:
    """``[[x0, y0], [x1, y1]]`` of the curves of ``paths`` ((vertices, codes) pairs),
    ignoring non-finite points; None when there is none."""
    allp = extreme_points(paths)
    allp = allp[np.isfinite(allp).all(axis=1)]
    if not len(allp):
        return None
    return np.array([allp.min(axis=0), allp.max(axis=0)])


def extreme_points(paths) -> np.ndarray:
    """(N, 2) points that bound the curves of ``paths``: the segments' ends and the
    Béziers' axis extrema (roots of their derivatives). Control points are not on the
    curve and are left out."""
    joined = _joined(paths)
    if joined is None:
        return np.zeros((0, 2))
    V, S, _, info, _ = joined  # noqa: N806
    pts = [V[info[:, 0]], V[S[:, 4]]]
    curved = S[:, 0] > 1
    if curved.any():
        cs = S[curved]
        p = V[cs[:, 1:5]]
        quad = (cs[:, 0] == 2)[:, None]
        p1 = np.where(quad, p[:, 0] + 2 / 3 * (p[:, 1] - p[:, 0]), p[:, 1])
        p2 = np.where(quad, p[:, 2] + 2 / 3 * (p[:, 1] - p[:, 2]), p[:, 2])
        p0, p3 = p[:, 0], p[:, 3]
        # B'(t) / 3 = a t^2 + b t + c, per axis
        a = -p0 + 3 * p1 - 3 * p2 + p3
        b = 2 * (p0 - 2 * p1 + p2)
        c = p1 - p0
        with np.errstate(all="ignore"):
            disc = np.sqrt(b * b - 4 * a * c)
            roots = [(-b + disc) / (2 * a), (-b - disc) / (2 * a),
                     np.where(a == 0, -c / b, np.nan)]
        for t in roots:
            for axis in (0, 1):
                ok = (t[:, axis] > 0) & (t[:, axis] < 1)
                if ok.any():
                    tt = t[ok, axis][:, None]
                    u = 1 - tt
                    pts.append(u ** 3 * p0[ok] + 3 * u * u * tt * p1[ok]
                               + 3 * u * tt * tt * p2[ok] + tt ** 3 * p3[ok])
    return np.concatenate(pts)


def flatten(paths, scale=(1.0, 1.0), tolerance: float = 0.1, max_pieces: int = 512) -> Flat:
    """Flatten ``paths`` (a sequence of ``(vertices, codes)``) into polylines.

    Each Bézier is cut into ``n`` equal steps of its parameter with ``n`` from Wang's
    bound, so the polyline stays within ``tolerance`` of the curve once the vertices are
    scaled by ``scale`` (pixels per unit along x and y: the resolution the view needs).
    Straight segments keep their vertices. Rings with fewer than 2 points are dropped.
    """
    sx, sy = (abs(float(v)) for v in scale)
    joined = _joined(paths)
    if joined is None:
        return Flat(np.zeros((0, 2)), np.zeros(1, np.int64), np.zeros(0, bool),
                    np.zeros(0, np.int64))
    V, S, ring_first, info, owner = joined  # noqa: N806

    # pieces per segment: 1 for lines, Wang's bound for curves (control points in pixels)
    deg = S[:, 0]
    pieces = np.ones(len(S), dtype=np.int64)
    curved = deg > 1
    if curved.any():
        cs = S[curved]
        p = V[cs[:, 1:5]] * [sx, sy]  # (C, 4, 2); quadratics repeat their end point
        quad = cs[:, 0] == 2
        d1 = p[:, 0] - 2 * p[:, 1] + p[:, 2]
        d2 = np.where(quad[:, None], 0.0, p[:, 1] - 2 * p[:, 2] + p[:, 3])
        m = np.maximum(np.hypot(*d1.T), np.hypot(*d2.T))
        factor = np.where(quad, 0.25, 0.75)
        with np.errstate(invalid="ignore"):
            n = np.ceil(np.sqrt(factor * m / max(tolerance, 1e-12)))
        pieces[curved] = np.clip(np.nan_to_num(n, nan=1.0), 1, max_pieces).astype(np.int64)

    # every segment yields `pieces` points (t = j / pieces, j = 1..pieces); every ring
    # first yields its start point
    seg_ring = np.repeat(np.arange(len(info)), np.diff(ring_first))
    per_ring = np.bincount(seg_ring, weights=pieces, minlength=len(info)).astype(np.int64) + 1
    ring_starts = np.r_[0, np.cumsum(per_ring)]
    out = np.empty((ring_starts[-1], 2))
    out[ring_starts[:-1]] = V[info[:, 0]]
    before = np.cumsum(pieces) - pieces  # output points of all earlier segments
    seg_out = ring_starts[seg_ring] + 1 + before - before[ring_first[seg_ring]]
    lines = pieces == 1
    out[seg_out[lines]] = V[S[lines, -1]]
    if (~lines).any():
        cs, ns, rows = S[~lines], pieces[~lines], seg_out[~lines]
        which = np.repeat(np.arange(len(cs)), ns)
        j = np.arange(ns.sum()) - np.repeat(np.cumsum(ns) - ns, ns) + 1
        t = (j / ns[which])[:, None]
        p = V[cs[:, 1:5]]
        quad = (cs[:, 0] == 2)[:, None]
        # quadratics as cubics (degree elevation): exact, one formula for both
        c1 = np.where(quad, p[:, 0] + 2 / 3 * (p[:, 1] - p[:, 0]), p[:, 1])
        c2 = np.where(quad, p[:, 2] + 2 / 3 * (p[:, 1] - p[:, 2]), p[:, 2])
        a, b, c, d = p[which, 0], c1[which], c2[which], p[which, 3]
        u = 1 - t
        pts = u ** 3 * a + 3 * u * u * t * b + 3 * u * t * t * c + t ** 3 * d
        last = j == ns[which]
        pts[last] = d[last]  # exact end points
        out[np.repeat(rows, ns) + j - 1] = pts
    closed = info[:, 1].astype(bool)
    # drop points repeating their predecessor (zero-length segments, the closing segment
    # of a ring that already ends on its start), a closed ring's last point when it is
    # its first, then rings of fewer than 2 points
    keep = np.ones(len(out), bool)
    keep[1:] = np.any(out[1:] != out[:-1], axis=1)
    keep[ring_starts[:-1]] = True
    out, per_ring = _compact(out, per_ring, keep)
    ring_starts = np.r_[0, np.cumsum(per_ring)]
    ends = ring_starts[1:] - 1
    keep = np.ones(len(out), bool)
    keep[ends] = ~(closed & (per_ring > 1) & np.all(out[ends] == out[ring_starts[:-1]], axis=1))
    out, per_ring = _compact(out, per_ring, keep)
    good = per_ring >= 2
    if not good.all():
        out, per_ring = _compact(out, per_ring, np.repeat(good, per_ring))
        per_ring, closed, owner = per_ring[good], closed[good], owner[good]
    ring_starts = np.r_[0, np.cumsum(per_ring)].astype(np.int64)
    return _split_nan(Flat(out, ring_starts, closed, owner))


def _compact(points: np.ndarray, per_ring: np.ndarray, keep: np.ndarray):
    """The kept rows, and how many each ring keeps."""
    ring_of = np.repeat(np.arange(len(per_ring)), per_ring)
    return points[keep], np.bincount(ring_of[keep], minlength=len(per_ring))


def _split_nan(flat: Flat) -> Flat:
    """Break rings at rows holding NaN/inf: each finite run becomes an open ring."""
    bad = ~np.isfinite(flat.points).all(axis=1)
    if not bad.any():
        return flat
    pts, starts, closed, owner = [], [0], [], []
    for r in range(flat.rings):
        ring = flat.ring(r)
        ok = ~bad[flat.starts[r]:flat.starts[r + 1]]
        if ok.all():
            runs = [(0, len(ring))]
        else:
            m = np.r_[False, ok, False]
            e = np.flatnonzero(m[1:] != m[:-1])
            runs = list(zip(e[::2], e[1::2], strict=True))
        for a, b in runs:
            if b - a < 2:
                continue
            pts.append(ring[a:b])
            starts.append(starts[-1] + b - a)
            closed.append(bool(flat.closed[r]) and ok.all())
            owner.append(flat.owner[r])
    return Flat(np.concatenate(pts) if pts else np.zeros((0, 2)), np.array(starts, np.int64),
                np.array(closed, bool), np.array(owner, np.int64))


def _contour(ring: np.ndarray, offset: float, miter_limit: float = 4.0) -> np.ndarray | None:
    """Agg's ``conv_contour`` of the closed polygon ``ring``: each edge moved ``offset``
    to its right ((dy, -dx): out of a counter-clockwise ring), consecutive edges meeting
    at their mitre, bevelled where it is longer than ``miter_limit`` offsets (Agg's
    default). None for a ring with no area."""
    pts = ring[np.r_[True, (np.diff(ring, axis=0) != 0).any(axis=1)]]
    if len(pts) > 1 and np.array_equal(pts[0], pts[-1]):
        pts = pts[:-1]
    x, y = pts[:, 0], pts[:, 1]
    if len(pts) < 3 or not np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)):
        return None
    d = np.roll(pts, -1, axis=0) - pts  # edge i: pts[i] -> pts[i + 1]
    n = np.c_[d[:, 1], -d[:, 0]] / np.hypot(d[:, 0], d[:, 1])[:, None]
    before = np.roll(n, 1, axis=0)  # the normal of the edge arriving at each point
    cos = (before * n).sum(axis=1)
    out = []
    for p, n0, n1, c in zip(pts, before, n, cos, strict=True):
        if 1 + c > 2 / miter_limit**2:  # the mitre is at most miter_limit offsets long
            out.append(p + offset * (n0 + n1) / (1 + c))
        else:
            out += [p + offset * n0, p + offset * n1]
    return np.array(out)


def winding_number(ring: np.ndarray, x: float, y: float) -> int:
    """Winding number of the closed polygon ``ring`` around (x, y)."""
    a = ring
    b = np.roll(ring, -1, axis=0)
    up = (a[:, 1] <= y) & (b[:, 1] > y)
    down = (a[:, 1] > y) & (b[:, 1] <= y)
    cross = (b[:, 0] - a[:, 0]) * (y - a[:, 1]) - (x - a[:, 0]) * (b[:, 1] - a[:, 1])
    return int(np.sum(up & (cross > 0)) - np.sum(down & (cross < 0)))


def _size(vertices: np.ndarray) -> float:
    v = vertices[np.isfinite(vertices).all(axis=1)] if len(vertices) else vertices
    if not len(v):
        return 1.0
    return float(max(np.ptp(v[:, 0]), np.ptp(v[:, 1]), 1e-300))


def _count(value, argument: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(f"{argument}: got {value!r}, expected an integer >= 1")
    return int(value)
