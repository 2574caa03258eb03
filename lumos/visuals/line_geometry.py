"""What :class:`.line.Line` makes of its input (points of one or many lines, colors,
bounds) and the stroked paths it exports."""

from __future__ import annotations

import numpy as np

from .. import colors
from .. import primitives as prim
from .base import as_array, check_points, finite_bounds, finite_rows

CHUNK = 1 << 18  # rows per pass of O(N) loops, so temporaries stay a few MB
# up to this many rows bounds take the finite rows at once (an axes' ticks, with their
# NaN breaks: half the numpy calls of finite_bounds' try of the whole columns first)
_FEW_ROWS = 4096


def _single_color(value) -> bool:
    """True for one color spec (a name, hex, or 3/4 numbers), not a list of colors."""
    if isinstance(value, str):
        return True
    arr = np.asarray(value, dtype=object)
    return arr.ndim == 1 and len(arr) in (3, 4) and not isinstance(arr[0], (str, tuple, list))


def _repeated(value) -> bool:
    """True for a list or tuple of one hashable color spec repeated (a color per line,
    all equal: a name, or RGBA numbers of one color)."""
    if not isinstance(value, (list, tuple)) or len(value) < 2:
        return False
    try:
        return len(set(value)) == 1
    except TypeError:  # arrays or lists inside: converted item by item
        return False


def as_line(value, argument: str = "pos") -> np.ndarray:
    """One (N, 2|3) numeric line, not copied (callers copy when they keep it)."""
    arr = as_array(value, argument)
    if arr.dtype.kind not in "biuf":  # not objects, strings or complex numbers
        raise TypeError(f"{argument}: got dtype {arr.dtype}, expected real numbers")
    if arr.ndim != 2 or arr.shape[1] not in (2, 3):
        raise ValueError(f"{argument}: got shape {arr.shape}, expected (N, 2) or (N, 3)")
    return arr


def join_lines(pos, copy: bool = True) -> tuple[np.ndarray, np.ndarray | None, list]:
    """Accept one (N, 2|3) line, an (M, N, 2|3) stack or a list of lines.

    Returns float64 (K, 2|3) points (3 columns only when some line has z) with a NaN
    row between lines; for several lines the line index of each point (-1 for the NaN
    rows, to spread colors); and each line's (start, stop) rows. One float64
    C- or Fortran-contiguous line is kept without a copy when ``copy`` is False."""
    if isinstance(pos, (list, tuple)) and pos and as_array(pos[0], "pos").ndim == 2:
        return _joined([as_line(p) for p in pos])
    arr = as_array(pos, "pos")
    if arr.ndim == 3:
        if not len(arr):
            return np.zeros((0, 2)), None, [(0, 0)]
        as_line(arr[0])  # the dtype and shape of every line of the stack
        return _joined(list(arr))
    line = as_line(arr)
    check_points(len(line), "pos")
    if copy:
        line = np.array(line, dtype=np.float64, order="C", copy=True)
    elif line.dtype != np.float64 or not (line.flags.c_contiguous
                                          or line.flags.f_contiguous):
        line = np.ascontiguousarray(line, dtype=np.float64)
    return line, None, [(0, len(line))]


def _joined(lines: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray, list]:
    """``join_lines`` of several checked lines: one concatenation with a NaN row
    between two lines, and the owner rows and spans from the lengths (no pass per line
    but the list of parts: a thousand tick segments cost one numpy call, not three
    thousand)."""
    dims = max(line.shape[1] for line in lines)
    m = len(lines)
    lengths = np.fromiter(map(len, lines), np.intp, m)
    # runs of rows: line 0, a break, line 1, ...; owner -1 for the breaks
    counts = np.ones(2 * m - 1, np.intp)
    counts[::2] = lengths
    check_points(int(counts.sum()), "pos")
    ids = np.full(2 * m - 1, -1, np.int32)
    ids[::2] = np.arange(m)
    owner = np.repeat(ids, counts)
    gap = np.full((1, dims), np.nan)
    parts = [gap] * (2 * m - 1)
    parts[::2] = [line if line.shape[1] == dims else pad3(line) for line in lines]
    points = np.concatenate(parts, dtype=np.float64)
    stops = np.cumsum(counts)[::2]
    return points, owner, list(zip((stops - lengths).tolist(), stops.tolist(),
                                   strict=True))


def point_colors(value, owner: np.ndarray | None, n: int) -> tuple[np.ndarray, bool]:
    """Float RGBA rows from ``color`` and whether they are one per line: one row for a
    single color (also one spec repeated for every line or point), else one per line or
    one per point of the ``n`` joined points (the NaN rows that join lines get a color
    of their own)."""
    if _single_color(value):
        return np.array([colors.to_rgba(value)]), False
    if owner is None:
        return colors.to_rgba_array(value, n, dtype=float), False
    nlines, joins = int(owner.max()) + 1, owner < 0
    if _repeated(value) and len(value) in (nlines, n - joins.sum()):
        # one spec per line (or point), all the same: one color, converted once (the
        # line's program then reads it flat, as for a single color: one program fewer
        # for an axes' spines beside its ticks)
        return colors.to_rgba_array(value[:1], dtype=float), False
    rows = colors.to_rgba_array(value, dtype=float)
    if len(rows) == 1:
        return rows, False
    if len(rows) == nlines:
        return rows, True
    if len(rows) == n - joins.sum():
        out = np.zeros((n, 4))
        out[~joins] = rows
        return out, False
    raise ValueError(f"color: got {len(rows)} colors, expected 1, {nlines} (one per line) "
                     f"or {n - joins.sum()} (one per point)")


def chunked_finite_bounds(points: np.ndarray) -> np.ndarray | None:
    """(2, d) min/max of the rows whose coordinates are all finite, in chunks (no copy
    of the whole array), or None."""
    if len(points) <= _FEW_ROWS:
        ok = finite_rows(points)
        if not ok.all():
            points = points[ok]
        if not len(points):
            return None
        return np.array([points.min(axis=0), points.max(axis=0)])
    lo = hi = None
    for i in range(0, len(points), CHUNK):
        b = finite_bounds(points[i : i + CHUNK])  # copies finite rows of a chunk at most
        if b is None:
            continue
        lo = b[0] if lo is None else np.minimum(lo, b[0])
        hi = b[1] if hi is None else np.maximum(hi, b[1])
    return None if lo is None else np.array([lo, hi])


def take_rows(points: np.ndarray, index: np.ndarray) -> np.ndarray:
    """Rows ``index`` of (N, d) ``points`` as a new column-major array, gathered a column
    at a time: ``points[index]`` of a column-major array (a line's data) moves each row's
    few items one by one, about 3 × slower; and the passes after the gather (bounds,
    finiteness, offsets) read each column contiguously, not every d-th value."""
    out = np.empty((len(index), points.shape[1]), points.dtype, order="F")
    for j in range(points.shape[1]):
        points[:, j].take(index, out=out[:, j])
    return out


def arc_lengths(px: np.ndarray, valid: np.ndarray) -> np.ndarray:
    """Arc length (pixels) at every point of a polyline from the start of its piece:
    each line of a batch, and each piece after a NaN break (an invalid point), starts
    its dashes anew, as matplotlib's renderers start every path (and subpath) on a
    dash. Dashes follow it, on the GPU (an attribute) and in vector files (dash
    offsets)."""
    with np.errstate(all="ignore"):
        seg = np.hypot(*np.diff(px, axis=0).T)
    seg[~np.isfinite(seg) | ~valid[1:] | ~valid[:-1]] = 0
    dist = np.r_[0.0, np.cumsum(seg)]
    start = np.where(valid, 0, np.arange(len(dist)))
    np.maximum.accumulate(start, out=start)
    return dist - dist[start]


def line_paths(px: np.ndarray, rgba: np.ndarray, width: float, dashes, clip,
               cap: str = "round", join: str = "round",
               dash_offset: float = 0.0) -> list[prim.Path]:
    """Stroked paths of a polyline in pixels drawn as the GL line draws it: ``join``
    joins, ``cap`` ends (of the line, or of each dash), NaN rows breaking it, per-point
    colors blended per segment (runs of one color share a path), dashes continuing
    along the arc length, each piece starting ``dash_offset`` pixels into the pattern.
    Segments that cannot reach the ``clip`` rectangle are left out."""
    valid = np.isfinite(px).all(axis=1)
    ok = valid[:-1] & valid[1:]
    if clip is not None:  # segments wholly beyond one edge of the view (caps included)
        x, y, w, h = clip
        reach = width / 2 + 1
        with np.errstate(invalid="ignore"):
            for axis, lo, hi in ((0, x - reach, x + w + reach), (1, y - reach, y + h + reach)):
                c = px[:, axis]
                ok &= ~(((c[:-1] < lo) & (c[1:] < lo)) | ((c[:-1] > hi) & (c[1:] > hi)))
    if not ok.any():
        return []
    seg_rgba = (rgba[:-1] + rgba[1:]) / 2  # what the GL's interpolated color averages to
    new_color = np.r_[True, (seg_rgba[1:] != seg_rgba[:-1]).any(axis=1)]
    starts = np.nonzero(ok & (new_color | ~np.r_[False, ok[:-1]]))[0]
    stops = np.r_[starts[1:], len(ok)]
    runs = []  # (first segment, last segment + 1) of each run of one color
    for a, b in zip(starts.tolist(), stops.tolist(), strict=True):
        bad = np.nonzero(~ok[a:b])[0]
        runs.append((a, a + int(bad[0]) if len(bad) else b))
    if dashes is None:
        pattern, dist = None, None
    else:
        pattern = tuple(dashes)
        # a phase in 0..period: PDF's dash phase is not negative
        dist = (arc_lengths(px, valid) + dash_offset) % sum(pattern)
    out: list[prim.Path] = []
    by_color: dict[tuple, list] = {}
    for a, b in runs:
        color = tuple(seg_rgba[a].tolist())
        if pattern is None:  # runs of one color become subpaths of one path
            by_color.setdefault(color, []).append(px[a : b + 1])
            continue
        stroke = prim.Stroke(color, width, pattern, float(dist[a]), join, cap)
        out.append(prim.Path(px[a : b + 1], stroke=stroke, clip=clip))
    nan = np.full((1, 2), np.nan)
    for color, parts in by_color.items():
        verts = np.concatenate([p for part in parts for p in (part, nan)][:-1])
        out.append(prim.Path(verts, stroke=prim.Stroke(color, width, None, 0.0, join, cap),
                              clip=clip))
    return out


def pad3(values: np.ndarray) -> np.ndarray:
    """(..., 2|3) to (..., 3) with z = 0."""
    if values.shape[-1] == 3:
        return values
    out = np.zeros(values.shape[:-1] + (3,))
    out[..., :2] = values
    return out
