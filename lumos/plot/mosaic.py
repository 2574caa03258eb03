"""matplotlib's ``subplot_mosaic``: axes named by a picture of the layout.

>>> axd = fig.subplot_mosaic("AB;CC")          # or [["A", "B"], ["C", "C"]]
>>> axd["C"].plot(x, y)

A label may span a rectangle of cells; ``empty_sentinel`` ('.') leaves a cell empty; a
cell holding a list of lists is a nested mosaic (a grid inside that cell).
"""

from __future__ import annotations

import numpy as np


def normalize(mosaic):
    """A 2D object array from a string ('AB;CC' or lines) or a list of lists."""
    if isinstance(mosaic, str):
        if "\n" in mosaic:
            rows = [ln.strip() for ln in mosaic.strip("\n").split("\n")]
            rows = [list(r) for r in rows if r]
        else:
            rows = [list(r) for r in mosaic.split(";")]
        return _as_array(rows)
    return _as_array(mosaic)


def _as_array(rows) -> np.ndarray:
    try:
        first, *rest = rows
    except (TypeError, ValueError):
        raise ValueError(f"mosaic: got {rows!r}, expected a string such as 'AB;CC' or a "
                         "list of rows") from None
    if isinstance(first, str) or any(isinstance(r, str) for r in rest):
        raise ValueError("mosaic: a list mosaic must be 2D (a list of rows)")
    for j, r in enumerate(rest, start=1):
        if len(r) != len(first):
            raise ValueError(f"mosaic: all rows must have the same length; the first row "
                             f"({first!r}) has {len(first)}, row {j} ({r!r}) has {len(r)}")
    out = np.empty((len(rows), len(first)), dtype=object)
    for j, r in enumerate(rows):
        for k, v in enumerate(r):
            out[j, k] = v
    return out


def _is_scalar(v) -> bool:
    return isinstance(v, str) or not np.iterable(v)


def expand_per_subplot(per_subplot_kw: dict, string_mosaic: bool) -> dict:
    """``{("A", "B"): kw}`` (or ``{"AB": kw}`` for string mosaics) to one entry per label."""
    out: dict = {}
    for key, value in per_subplot_kw.items():
        keys = tuple(key) if string_mosaic or isinstance(key, tuple) else (key,)
        for k in keys:
            if k in out:
                raise ValueError(f"per_subplot_kw: the key {k!r} appears more than once")
            out[k] = value
    return out


def layout(fig, gs, mosaic: np.ndarray, empty, make) -> dict:
    """Make the axes of ``mosaic`` in grid ``gs`` (nested mosaics in subgrids), left to
    right and top to bottom by their first cell; ``make(label, subplotspec)`` makes one.
    Returns ``{label: axes}``."""
    labels: list = []
    nested: dict = {}
    for j, row in enumerate(mosaic):
        for k, v in enumerate(row):
            if _is_scalar(v):
                if v != empty and v not in labels:
                    labels.append(v)
            else:
                nested[(j, k)] = _as_array(v)
    here: dict = {}
    for name in labels:
        index = np.argwhere(mosaic == name)
        (r0, c0), (r1, c1) = index.min(axis=0), index.max(axis=0) + 1
        if (mosaic[r0:r1, c0:c1] != name).any():
            raise ValueError(f"mosaic: the label {name!r} covers a non-rectangular or "
                             f"non-contiguous area of\n{mosaic!r}")
        here[(r0, c0)] = ("axes", name, (slice(r0, r1), slice(c0, c1)))
    for key, sub in nested.items():
        here[key] = ("nested", None, sub)
    out: dict = {}
    for key in sorted(here):
        kind, name, arg = here[key]
        if kind == "axes":
            out[name] = make(name, gs[arg])
            continue
        inner = layout(fig, gs[key].subgridspec(*arg.shape), arg, empty, make)
        overlap = set(out) & set(inner)
        if overlap:
            raise ValueError(f"mosaic: the labels {sorted(map(str, overlap))} appear in the "
                             "outer and in a nested mosaic")
        out.update(inner)
    return out
