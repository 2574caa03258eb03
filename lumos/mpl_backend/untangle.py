"""Self-crossing polygons split into simple loops, so that triangulation fills them as Agg
does (nonzero winding).

``fill_between`` of two crossing curves, a star drawn as one polygon, a bow tie: a
ring that crosses itself cannot be triangulated as it is (earcut assumes a simple
ring). Cut at every crossing, it falls apart into simple loops that touch at the
crossings; each keeps the orientation it had in the ring, so the winding of every
region, and with it the nonzero (or even-odd) fill, is unchanged.
"""

from __future__ import annotations

import numpy as np

from .. import primitives as prim

MAX_PAIRS = 2_000_000  # candidate segment pairs; beyond, the ring is left as it is


def crossings(ring: np.ndarray):
    """Proper crossings of the closed polyline ``ring`` (N, 2) (last point joins the
    first): arrays (i, j, ti, tj, points) for segments i < j crossing at parameters
    ti, tj; None when there are too many candidate pairs to test."""
    a = ring
    b = np.roll(ring, -1, axis=0)
    n = len(a)
    xmin, xmax = np.minimum(a[:, 0], b[:, 0]), np.maximum(a[:, 0], b[:, 0])
    order = np.argsort(xmin, kind="stable")
    sx = xmin[order]
    hi = np.searchsorted(sx, xmax[order], side="right")
    counts = np.maximum(hi - np.arange(n) - 1, 0)
    total = int(counts.sum())
    empty = (np.zeros(0, np.int64),) * 2 + (np.zeros(0),) * 2 + (np.zeros((0, 2)),)
    if total == 0:
        return empty
    if total > MAX_PAIRS:
        return None
    first = np.repeat(np.arange(n), counts)
    step = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts) + 1
    i, j = order[first], order[first + step]
    i, j = np.minimum(i, j), np.maximum(i, j)
    keep = (j - i != 1) & ~((i == 0) & (j == n - 1))  # neighbours share a vertex
    ymin = np.minimum(a[:, 1], b[:, 1])
    ymax = np.maximum(a[:, 1], b[:, 1])
    keep &= (ymin[i] <= ymax[j]) & (ymin[j] <= ymax[i])
    i, j = i[keep], j[keep]
    p, r = a[i], b[i] - a[i]
    q, s = a[j], b[j] - a[j]
    den = r[:, 0] * s[:, 1] - r[:, 1] * s[:, 0]
    qp = q - p
    with np.errstate(all="ignore"):
        ti = (qp[:, 0] * s[:, 1] - qp[:, 1] * s[:, 0]) / den
        tj = (qp[:, 0] * r[:, 1] - qp[:, 1] * r[:, 0]) / den
    eps = 1e-12
    hit = (den != 0) & (ti > eps) & (ti < 1 - eps) & (tj > eps) & (tj < 1 - eps)
    i, j, ti, tj = i[hit], j[hit], ti[hit], tj[hit]
    return i, j, ti, tj, p[hit] + ti[:, None] * r[hit]


def loops(ring: np.ndarray) -> list[np.ndarray] | None:
    """The simple loops of a closed ring (its orientation kept in each); ``[ring]`` when
    it does not cross itself, None when it has too many segments to check."""
    found = crossings(ring)
    if found is None:
        return None
    i, j, ti, tj, pts = found
    if not len(i):
        return [ring]
    n = len(ring)
    # every crossing becomes a vertex of both segments, ordered along each segment
    seg = np.concatenate([i, j])
    t = np.concatenate([ti, tj])
    ids = np.concatenate([np.arange(len(i)), np.arange(len(i))])
    order = np.lexsort((t, seg))
    seg, ids = seg[order], ids[order]
    verts, tags = [], []
    k = 0
    for s_ in range(n):
        verts.append(ring[s_])
        tags.append(-1)
        while k < len(seg) and seg[k] == s_:
            verts.append(pts[ids[k]])
            tags.append(int(ids[k]))
            k += 1
    # walk the ring; coming back to a crossing closes the loop since the first visit
    out, stack, seen = [], [], {}
    for v, tag in zip(verts, tags, strict=True):
        if tag >= 0 and tag in seen:
            start = seen[tag]
            loop = stack[start:]
            if len(loop) >= 3:
                out.append(np.array(loop))
            del stack[start + 1:]
            for key in [key for key, pos in seen.items() if pos > start]:
                del seen[key]
            continue
        if tag >= 0:
            seen[tag] = len(stack)
        stack.append(v)
    if len(stack) >= 3:
        out.append(np.array(stack))
    return out


def untangled(vertices: np.ndarray, codes) -> tuple[np.ndarray, np.ndarray] | None:
    """A polygon path (straight segments only) with its self-crossing rings replaced by
    their simple loops; None when nothing crosses (or curves or size forbid the check)."""
    if codes is not None and np.isin(codes, (prim.CURVE3, prim.CURVE4)).any():
        return None
    v = np.asarray(vertices, float)
    if codes is None:
        starts = np.r_[0, np.flatnonzero(~np.isfinite(v).all(axis=1)) + 1]
        rings = [v[a:b] for a, b in zip(starts, np.r_[starts[1:] - 1, len(v)], strict=True)]
    else:
        c = np.asarray(codes)
        cuts = np.flatnonzero(c == prim.MOVETO)
        rings = []
        for a, b in zip(cuts, np.r_[cuts[1:], len(c)], strict=True):
            part = v[a:b][c[a:b] != prim.CLOSEPOLY]
            rings.append(part)
    changed, out = False, []
    for r in rings:
        r = r[np.isfinite(r).all(axis=1)]
        if len(r) > 1 and np.array_equal(r[0], r[-1]):
            r = r[:-1]
        if len(r) < 4:
            out.append(r)
            continue
        parts = loops(r)
        if parts is None:
            return None
        changed |= len(parts) > 1
        out.extend(parts)
    if not changed:
        return None
    verts, cds = [], []
    for r in out:
        if len(r) < 3:
            continue
        verts.append(np.vstack([r, r[:1]]))
        c = np.full(len(r) + 1, prim.LINETO, np.uint8)
        c[0], c[-1] = prim.MOVETO, prim.CLOSEPOLY
        cds.append(c)
    if not verts:
        return None
    return np.concatenate(verts), np.concatenate(cds)
