"""matplotlib's arrow styles (``ArrowStyle``) drawn along a path in figure pixels.

A style is a name with optional parameters, ``"name,key=value,..."`` (matplotlib's
string grammar), or a matplotlib ``ArrowStyle`` object, whose public attributes carry the
same parameters. Lengths are fractions of the mutation size (the annotation's font size,
a FancyArrowPatch's ``mutation_scale``), as in matplotlib.

The geometry follows matplotlib's ``ArrowStyle.transmute``: the line styles (``'->'``,
``'-['``, ``'|-|'``, ...) give a line, open heads, filled heads and brackets; ``simple``,
``fancy`` and ``wedge`` give one filled outline, which matplotlib builds from quadratic
Bézier offsets and lumos from the path's polyline with the same widths at its start,
middle and end. One implementation draws for every device: it emits the overlay's
lines and polygons.
"""

from __future__ import annotations

import numpy as np

from ..geometry import triangulate_polygon
from ..path import winding_number

_CURVE = {"head_length": 0.4, "head_width": 0.2, "widthA": 1.0, "widthB": 1.0,
          "lengthA": 0.2, "lengthB": 0.2, "angleA": 0.0, "angleB": 0.0,
          "scaleA": None, "scaleB": None}
_A = {"widthA": 1.0, "lengthA": 0.2, "angleA": 0.0}
_B = {"widthB": 1.0, "lengthB": 0.2, "angleB": 0.0}

# name -> parameters and their defaults (matplotlib's ArrowStyle.get_styles())
STYLES: dict[str, dict] = {
    "-": {}, "<-": _CURVE, "->": _CURVE, "<->": _CURVE, "<|-": _CURVE, "-|>": _CURVE,
    "<|-|>": _CURVE, "]-": _A, "-[": _B, "]-[": {**_A, **_B},
    "|-|": {"widthA": 1.0, "angleA": 0.0, "widthB": 1.0, "angleB": 0.0},
    "]->": _A, "<-[": _B,
    "simple": {"head_length": 0.5, "head_width": 0.5, "tail_width": 0.2},
    "fancy": {"head_length": 0.4, "head_width": 0.4, "tail_width": 0.4},
    "wedge": {"tail_width": 0.3, "shrink_factor": 0.5},
}
FILLED = ("simple", "fancy", "wedge")


def _parse_style(style, what: str, table: dict, object_name) -> tuple[str, dict]:
    """``(name, parameters)`` of a ``"name,key=value,..."`` string or a matplotlib style
    object (named by ``object_name(style)``, its parameters its attributes), every
    parameter of ``table[name]`` present; ``what`` names the argument in errors."""
    if isinstance(style, str):
        name, *parts = style.replace(" ", "").split(",")
        name = name.lower()
        given = {}
        for part in parts:
            key, eq, value = part.partition("=")
            if not eq:
                raise ValueError(f"{what}: got {style!r}, expected 'name' or "
                                 "'name,key=value,...'")
            try:
                given[key] = float(value)
            except ValueError:
                raise ValueError(f"{what}: got {key}={value!r} in {style!r}, "
                                 "expected a number") from None
    else:
        name, given = object_name(style), None
    if name not in table:
        raise ValueError(f"{what}: got {style!r}, expected one of "
                         f"{', '.join(table)} (with ',key=value' parameters)")
    params = dict(table[name])
    if given is None:  # a matplotlib style object: its public attributes
        given = {k: v for k in params if (v := getattr(style, k, None)) is not None}
    unknown = sorted(set(given) - set(params))
    if unknown:
        raise TypeError(f"{what} {name!r}: unsupported parameter(s) "
                        f"{', '.join(unknown)}; it takes {', '.join(params) or 'none'}")
    params.update(given)
    return name, params


def parse_arrowstyle(style) -> tuple[str, dict]:
    """``(name, parameters)`` of an arrow style string or matplotlib ArrowStyle object,
    every parameter present (defaults filled in)."""
    name, params = _parse_style(style, "arrowstyle", STYLES,
                                lambda s: getattr(s, "arrow", type(s).__name__.lower()))
    for k in ("angleA", "angleB"):
        if k in params and params[k] is None:
            params[k] = 0.0
    return name, params


def draw_arrow(ov, path: np.ndarray, style, color, lw: float, mutation: float,
               dashes=None, facecolor=None, step: int = 0) -> None:
    """An arrow of ``style`` along ``path`` (figure pixels, at least 2 points): lines
    in ``color`` of width ``lw``, filled parts in ``facecolor`` (default ``color``);
    ``color`` None: no outline; ``dashes`` the body's dash pattern (pixels); ``step``
    1: its lines over the layer's others (over a path effect's stroke)."""
    name, p = parse_arrowstyle(style)
    lifted = {"step": step} if step else {}  # overlays that take no step draw step 0
    path = np.asarray(path, dtype=float)
    if not (np.abs(path - path[0]) > 1e-9).any():
        return  # no length, no direction: matplotlib's heads collapse to a point
    face = color if facecolor is None else facecolor
    if name in FILLED:
        outline = _FILLED[name](path, p, mutation)
        if outline is None:
            return
        if face is not None:  # outlines along curves are not convex: triangles
            for tri in triangulate_polygon(outline):
                ov.polygon(outline[tri], face)
        if color is not None and lw > 0:
            ov.line(np.vstack([outline, outline[:1]]), color, lw, **lifted)
        return
    if color is None:
        return
    begin, end = name.split("-", 1)
    body = path.copy()
    for which, kind in (("A", begin), ("B", end)):
        tip, prev = (path[0], path[1]) if which == "A" else (path[-1], path[-2])
        if kind in ("<", "<|", ">", "|>"):
            head = _head(prev, tip, p.get("head_length", 0.4) * mutation,
                         p.get("head_width", 0.2) * mutation)
            if head is None:
                continue
            body[0 if which == "A" else -1] = head[1]
            if "|" in kind:
                ov.polygon(head, face)
                ov.line(np.vstack([head, head[:1]]), color, lw, **lifted)
            else:
                ov.line(head, color, lw, **lifted)
        elif kind in ("[", "]", "|"):
            scale = mutation if p.get("scale" + which) is None else p["scale" + which]
            length = p.get("length" + which, 0.0) * scale
            ov.line(_bracket(tip, prev, p["width" + which] * scale, length,
                             p["angle" + which]), color, lw, **lifted)
    ov.line(body, color, lw, dashes, **lifted)


def _head(prev, tip, head_length: float, head_width: float):
    """matplotlib's arrow head wedge (left end, tip, right end); lumos's round joins end
    it near ``tip``, so matplotlib's shift for mitred joins is left out."""
    back = prev - tip
    n = float(np.hypot(*back))
    dist = float(np.hypot(head_length, head_width))
    if n == 0 or dist == 0:
        return None
    u = back / n
    cos_t, sin_t = head_length / dist, head_width / dist
    at = tip
    d = u * dist
    left = at + [cos_t * d[0] + sin_t * d[1], -sin_t * d[0] + cos_t * d[1]]
    right = at + [cos_t * d[0] - sin_t * d[1], sin_t * d[0] + cos_t * d[1]]
    return np.array([left, at, right])


def _bracket(end, prev, width: float, length: float, angle: float) -> np.ndarray:
    """matplotlib's bracket at ``end``: a bar ``2 * width`` across with legs ``length``
    long pointing away from the path, turned by ``angle`` degrees."""
    d = end - prev
    n = float(np.hypot(*d))
    u = d / n if n else np.array([1.0, 0.0])
    nrm = np.array([u[1], -u[0]]) * width
    p1, p2 = end + nrm, end - nrm
    pts = np.array([p1 + length * u, p1, p2, p2 + length * u])
    if angle:
        a = np.radians(angle)
        rot = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])
        pts = (pts - end) @ rot.T + end
    return pts


def _split_from(path: np.ndarray, center, radius: float) -> int | None:
    """Index i such that the path leaves the circle (``center``, ``radius``) between
    points i and i + 1 walking from the end backwards (None: never leaves)."""
    far = np.hypot(*(path - center).T) >= radius
    idx = np.nonzero(far)[0]
    return None if len(idx) == 0 else int(idx[-1])


def _cut(path: np.ndarray, center, radius: float) -> tuple[np.ndarray, np.ndarray] | None:
    """The path split where it crosses the circle around its end (``center``): the part
    outside and the part inside, sharing the crossing point (None: all inside)."""
    i = _split_from(path, center, radius)
    if i is None or i == len(path) - 1:
        return None
    a, b = path[i], path[i + 1]
    # solve |a + t (b - a) - center| = radius for t in [0, 1]
    d, f = b - a, a - center
    qa, qb, qc = d @ d, 2 * f @ d, f @ f - radius ** 2
    disc = max(qb * qb - 4 * qa * qc, 0.0)
    # a is outside, b inside: the smaller root of the convex quadratic
    t = float(np.clip((-qb - np.sqrt(disc)) / (2 * qa), 0, 1)) if qa else 0.0
    x = a + t * d
    return np.vstack([path[:i + 1], x]), np.vstack([x, path[i + 1:]])


def _wedged(path: np.ndarray, half: float, w1: float, wm: float, w2: float
            ) -> tuple[np.ndarray, np.ndarray]:
    """The two sides of a band along ``path`` whose half width is ``half`` times w1 at
    the start, wm at the middle and w2 at the end (quadratic in the arc length)."""
    seg = np.diff(path, axis=0)
    lengths = np.hypot(*seg.T)
    s = np.concatenate([[0.0], np.cumsum(lengths)])
    t = s / s[-1] if s[-1] > 0 else np.linspace(0, 1, len(path))
    w = half * (w1 * (1 - t) * (1 - 2 * t) + 4 * wm * t * (1 - t) + w2 * t * (2 * t - 1))
    with np.errstate(invalid="ignore", divide="ignore"):
        useg = seg / lengths[:, None]
    useg = np.nan_to_num(useg)
    tang = np.vstack([useg[:1], useg[:-1] + useg[1:], useg[-1:]])
    tang /= np.maximum(np.hypot(*tang.T), 1e-12)[:, None]
    nrm = np.column_stack([-tang[:, 1], tang[:, 0]])
    return path + nrm * w[:, None], path - nrm * w[:, None]


def _head_part(path: np.ndarray, head_length: float) -> tuple[np.ndarray | None, np.ndarray]:
    """(tail, head) of the path cut ``head_length`` from its end; a path shorter than
    that gets a straight head that long along its last segment, and no tail."""
    cut = _cut(path, path[-1], head_length)
    if cut is not None:
        return cut
    d = path[-1] - path[-2]
    n = float(np.hypot(*d))
    u = d / n if n else np.array([1.0, 0.0])
    return None, np.array([path[-1] - u * head_length, path[-1]])


def _simple(path: np.ndarray, p: dict, m: float) -> np.ndarray:
    tail, head = _head_part(path, p["head_length"] * m)
    hl, hr = _wedged(head, p["head_width"] * m / 2, 1.0, 0.5, 0.0)
    if tail is None:
        return np.vstack([hr, hl[::-1][1:]])
    tl, tr = _wedged(tail, p["tail_width"] * m / 2, 1.0, 1.0, 1.0)
    return np.vstack([tr, hr, hl[::-1][1:], tl[::-1]])


def _fancy(path: np.ndarray, p: dict, m: float) -> np.ndarray:
    hlen, tw = p["head_length"] * m, p["tail_width"] * m
    tail_all, head = _head_part(path, hlen)
    if tail_all is None:
        path = np.vstack([head[0], head[-1]])
    cut = _cut(path, path[-1], 0.8 * hlen)
    tail = cut[0] if cut is not None else path[:1].repeat(2, axis=0)
    hl, hr = _wedged(head, p["head_width"] * m / 2, 1.0, 0.6, 0.0)
    tl, tr = _wedged(tail, tw * 0.5, 1.0, 0.6, 0.3)
    # the notch: where the path leaves a circle of tail_width * 0.3 around its start
    d = np.hypot(*(path - path[0]).T)
    i = int(np.argmax(d >= tw * 0.3)) if (d >= tw * 0.3).any() else len(path) - 1
    if i == 0:
        start = path[0]
    else:
        a, b = path[i - 1], path[i]
        da, db = d[i - 1], d[i]
        start = a + (b - a) * ((tw * 0.3 - da) / (db - da) if db > da else 0.0)
    return np.vstack([start, tr, hr, hl[::-1][1:], tl[::-1]])


def _wedge(path: np.ndarray, p: dict, m: float) -> np.ndarray:
    left, right = _wedged(path, p["tail_width"] * m / 2, 1.0, p["shrink_factor"], 0.0)
    return np.vstack([left, right[::-1]])


_FILLED = {"simple": _simple, "fancy": _fancy, "wedge": _wedge}


# -- connection styles: the path from A to B (matplotlib's ConnectionStyle) -------------
CONNECTIONS: dict[str, dict] = {
    "arc3": {"rad": 0.0},
    "angle3": {"angleA": 90.0, "angleB": 0.0},
    "angle": {"angleA": 90.0, "angleB": 0.0, "rad": 0.0},
    "arc": {"angleA": 0.0, "angleB": 0.0, "armA": None, "armB": None, "rad": 0.0},
    "bar": {"armA": 0.0, "armB": 0.0, "fraction": 0.3, "angle": None},
}


def parse_connectionstyle(style) -> tuple[str, dict]:
    """``(name, parameters)`` of a connection style string (``"angle3,angleA=0"``), a
    matplotlib ConnectionStyle object or None (``arc3``, straight)."""
    if style is None:
        return "arc3", {"rad": 0.0}
    return _parse_style(style, "connectionstyle", CONNECTIONS,
                        lambda s: type(s).__name__.lower())


def _quad(p0, c, p2, n: int = 16) -> np.ndarray:
    t = np.linspace(0, 1, n)[:, None]
    return (1 - t) ** 2 * np.asarray(p0) + 2 * (1 - t) * t * np.asarray(c) + \
        t ** 2 * np.asarray(p2)


def _unit(deg: float) -> np.ndarray:
    return np.array([np.cos(np.radians(deg)), np.sin(np.radians(deg))])


def _intersection(a, da, b, db) -> np.ndarray | None:
    """Where the line through ``a`` along ``da`` meets the one through ``b`` along
    ``db`` (None: parallel)."""
    m = np.array([da, -db]).T
    if abs(np.linalg.det(m)) < 1e-12:
        return None
    s = np.linalg.solve(m, b - a)
    return a + s[0] * da


def connect(a, b, name: str, p: dict) -> np.ndarray:
    """The polyline from ``a`` to ``b`` (figure pixels; arms and radii in pixels, as
    matplotlib's display units) of connection style ``name`` with parameters ``p``."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if name == "arc3":
        d = b - a
        if p["rad"] == 0.0:
            return np.array([a, b])
        return _quad(a, (a + b) / 2 + p["rad"] * np.array([d[1], -d[0]]), b, 32)
    if name in ("angle3", "angle"):
        c = _intersection(a, _unit(p["angleA"]), b, _unit(p["angleB"]))
        if c is None:  # parallel: matplotlib raises; a straight arrow here
            return np.array([a, b])
        if name == "angle3":
            return _quad(a, c, b, 32)
        r = p["rad"]
        da, db = np.hypot(*(a - c)), np.hypot(*(b - c))
        if r == 0.0 or da == 0 or db == 0:
            return np.array([a, c, b])
        return np.vstack([a, _quad(c + (a - c) * r / da, c, c + (b - c) * r / db), b])
    if name == "arc":
        return _arc(a, b, p)
    return _bar(a, b, p)


def _rounded(r) -> np.ndarray:
    """matplotlib's LINETO r0, CURVE3 r1 r2 as points."""
    return _quad(r[0], r[1], r[2])


def _arc(a, b, p) -> np.ndarray:
    rad = p["rad"]
    out, rounded = [a[None]], []
    if p["armA"]:
        ua = _unit(p["angleA"])
        rounded = [a + (p["armA"] - rad) * ua, a + p["armA"] * ua]
    if p["armB"]:
        arm_b = b + p["armB"] * _unit(p["angleB"])
        if rounded:
            xp = rounded[-1]
            d = arm_b - xp
            rounded.append(xp + rad * d / np.hypot(*d))
            out.append(_rounded(rounded))
        else:
            xp = a
            d = arm_b - xp
        dd = float(np.hypot(*d))
        rounded = [xp + (dd - rad) * d / dd, arm_b]
    if rounded:
        xp = rounded[-1]
        d = b - xp
        rounded.append(xp + rad * d / np.hypot(*d))
        out.append(_rounded(rounded))
    out.append(b[None])
    return np.vstack(out)


def _bar(a, b, p) -> np.ndarray:
    x1, y1 = a
    x2, y2 = b
    d = b - a
    dd = float(np.hypot(*d))
    if dd == 0:
        return np.array([a, b])
    ddx, ddy = d / dd
    arm_a, arm_b = p["armA"], p["armB"]
    if p["angle"] is not None:
        theta0 = np.radians(p["angle"])
        dtheta = np.arctan2(d[1], d[0]) - theta0
        dl, big = dd * np.sin(dtheta), dd * np.cos(dtheta)
        x2, y2 = x1 + big * np.cos(theta0), y1 + big * np.sin(theta0)
        arm_b = arm_b - dl
        d2 = np.array([x2 - x1, y2 - y1])
        ddx, ddy = d2 / np.hypot(*d2)
    f = p["fraction"] * dd + max(arm_a, arm_b)
    return np.array([a, [x1 + f * ddy, y1 - f * ddx], [x2 + f * ddy, y2 - f * ddx], b])


def shrink_path(path: np.ndarray, shrink_a: float, shrink_b: float) -> np.ndarray:
    """The path cut by circles of ``shrink_a`` around its start and ``shrink_b`` around
    its end (matplotlib's shrinkA/shrinkB along a connection); unchanged when a cut
    would take all of it."""
    out = path
    if shrink_b > 0:
        cut = _cut(out, out[-1], shrink_b)
        if cut is not None:
            out = cut[0]
    if shrink_a > 0:
        cut = _cut(out[::-1], out[0], shrink_a)
        if cut is not None:
            out = cut[0][::-1]
    return out if len(out) >= 2 else path


def _inside(rings: list[np.ndarray], p: np.ndarray) -> bool:
    return any(winding_number(r, float(p[0]), float(p[1])) != 0 for r in rings)


def split_at_patch(path: np.ndarray, rings: list[np.ndarray]
                   ) -> tuple[np.ndarray, np.ndarray] | None:
    """The path split where it first crosses the outline of a patch (``rings``: its
    closed polygons, in the path's pixels), found to 0.01 px as matplotlib's
    split_path_inout does (None: the path never crosses it)."""
    first = _inside(rings, path[0])
    for i in range(1, len(path)):
        if _inside(rings, path[i]) == first:
            continue
        a, b = path[i - 1], path[i]
        while np.hypot(*(b - a)) > 0.01:
            m = (a + b) / 2
            if _inside(rings, m) == first:
                a = m
            else:
                b = m
        cut = (a + b) / 2
        return np.vstack([path[:i], cut]), np.vstack([cut, path[i:]])
    return None


def cut_at_patches(path: np.ndarray, patch_a: list[np.ndarray] | None,
                   patch_b: list[np.ndarray] | None) -> np.ndarray:
    """The path from where it leaves ``patch_a`` to where it enters ``patch_b``
    (outlines in the path's pixels; None: no cut at that end), as matplotlib's patchA
    and patchB cut an arrow."""
    for rings, keep in ((patch_a, 1), (patch_b, 0)):
        cut = None if rings is None else split_at_patch(path, rings)
        if cut is not None:
            path = cut[keep]
    return path
