"""Subdivide polylines so straight data segments become curves after a transform."""

from __future__ import annotations

import numpy as np

from .base import Transform, as_points, check_real

DEFAULT_PIECES = 16


def subdivide(
    pos: np.ndarray,
    transform: Transform,
    n: int | None = None,
    tolerance: float | None = None,
    max_n: int = 256,
    return_index: bool = False,
) -> np.ndarray | tuple[np.ndarray, np.ndarray]:
    """Insert points along each segment of the polyline ``pos`` (N, 2|3), in data space.

    Rule, per segment between two finite rows:

    - ``n``: cut into ``n`` equal pieces (``n - 1`` points inserted); the default when
      neither ``n`` nor ``tolerance`` is given is 16.
    - ``tolerance``: adaptive. The transformed points at 1/4, 1/2 and 3/4 of the segment
      are compared with the transformed chord; with ``d`` the largest distance (in the
      transform's output units), the segment is cut into ``ceil(sqrt(d / tolerance))``
      pieces (a smooth curve's distance from its chord shrinks with the square of the
      length; exact for short pieces, up to ~20% optimistic for strongly bent ones),
      at most ``max_n``. To get pixel accuracy, pass a chain ending in pixels
      and ``tolerance=0.5``. Segments whose transformed ends are NaN are left whole.

    Rows holding a NaN are line breaks: they are kept, and segments touching them are
    not subdivided. Original rows are kept exactly. Linear transforms return a copy.
    Returns a new float64 array; with ``return_index`` also the fractional row of
    ``pos`` each output row comes from (``2.25``: a quarter of the way from row 2 to
    row 3), so per-vertex attributes such as colors can follow.
    """
    pts, single = as_points(pos, "pos")
    if single:
        raise ValueError(f"pos: got shape {np.shape(pos)}, expected (N, 2) or (N, 3)")
    if not isinstance(transform, Transform):
        raise TypeError(f"transform: got {type(transform).__name__}, expected a Transform")
    if n is not None and tolerance is not None:
        raise ValueError("n, tolerance: got both, expected at most one")
    max_n = _check_count(max_n, "max_n")
    if transform.is_linear or len(pts) < 2:
        return (pts, np.arange(len(pts), dtype=float)) if return_index else pts

    a, b = pts[:-1], pts[1:]
    valid = np.isfinite(a).all(axis=1) & np.isfinite(b).all(axis=1)
    pieces = np.ones(len(a), dtype=np.int64)
    if tolerance is None:
        pieces[valid] = DEFAULT_PIECES if n is None else _check_count(n, "n")
    else:
        tolerance = check_real(tolerance, "tolerance")
        if tolerance <= 0:
            raise ValueError(f"tolerance: got {tolerance}, expected a number > 0")
        pieces[valid] = _adaptive(a[valid], b[valid], transform, tolerance, max_n)

    # Segment i contributes rows a_i + j/k_i * (b_i - a_i) for j = 0 .. k_i - 1.
    seg = np.repeat(np.arange(len(a)), pieces)
    j = np.arange(len(seg)) - np.repeat(np.cumsum(pieces) - pieces, pieces)
    out = a[seg]  # j == 0 rows: the original rows, copied bit for bit (NaNs included)
    inner = j > 0
    t = (j[inner] / pieces[seg[inner]])[:, None]
    out[inner] += t * (b - a)[seg[inner]]
    out = np.concatenate([out, pts[-1:]])
    if not return_index:
        return out
    index = np.append(seg + j / pieces[seg], len(pts) - 1.0)
    return out, index


def _adaptive(
    a: np.ndarray, b: np.ndarray, transform: Transform, tolerance: float, max_n: int
) -> np.ndarray:
    fa, fb = transform.forward(a), transform.forward(b)
    dev = np.zeros(len(a))
    with np.errstate(invalid="ignore", over="ignore"):
        for s in (0.25, 0.5, 0.75):
            curve = transform.forward(a + s * (b - a))
            chord = fa + s * (fb - fa)
            dev = np.fmax(dev, np.linalg.norm(curve - chord, axis=1))  # fmax skips NaN
        pieces = np.ceil(np.sqrt(dev / tolerance))
    return np.clip(pieces, 1, max_n).astype(np.int64)


def _check_count(value: object, argument: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{argument}: got {type(value).__name__}, expected an int")
    if value < 1:
        raise ValueError(f"{argument}: got {value}, expected an int >= 1")
    return int(value)
