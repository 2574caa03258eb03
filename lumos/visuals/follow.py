"""Followers: what a runtime that moves cameras alone (the standalone page, the
notebook widget) needs to recompute a visual's view-dependent draws per camera.

The Python executor draws whatever ``draws(ctx)`` gave for the camera of the moment; a
page moves cameras with no Python behind it, so a draw whose content depends on the
view carries a *follower* (``Draw.follow``, docs/frame.md "Followers") naming what the
runtime recomputes and with which data (``Draw.data``). This module builds them for
the level of detail of long lines (``minmax``): the raw points and the min/max pyramid
Python queries (:class:`lumos.visuals.lod.MinMaxPyramid`) travel with the page, so
zooming in the page shows the detail Python would draw, down to the raw points.

Pages are capped: a line of more than :data:`PAGE_POINTS` points travels as its min/max
envelope at the bin size that fits the cap (its extremes, in order: real data points),
and the page says so when the view asks for finer detail than that.
"""

from __future__ import annotations

import weakref

import numpy as np

from ..gpu.resources import Buffer
from .lod import MinMaxPyramid

#: Points of one line a page holds (float32 y, x as float64 unless evenly spaced, and
#: the pyramid: about 4.5 bytes a point before compression). Longer lines travel as
#: their min/max envelope of about this many points.
PAGE_POINTS = 1 << 21

_cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _offset_type(bin_size: int) -> tuple[str, type]:
    """The narrowest unsigned type holding offsets 0 .. bin_size - 1 within a bin."""
    if bin_size <= 1 << 8:
        return "u1", np.uint8
    if bin_size <= 1 << 16:
        return "u2", np.uint16
    return "u4", np.uint32


def encode_pyramid(pyr: MinMaxPyramid) -> tuple[dict, np.ndarray]:
    """The pyramid as one byte array and its layout: per level, the index of each
    bin's minimum and maximum as offsets from the bin's first point (u1, u2 or u4, the
    narrowest that holds them: about half a byte a point in all) and, when the line
    holds NaN, one byte per bin saying it holds one (a break)."""
    parts, levels, at = [], [], 0

    def put(arr: np.ndarray) -> int:
        nonlocal at
        raw = np.ascontiguousarray(arr).view(np.uint8).reshape(-1)
        pad = (-at) % 4
        if pad:
            parts.append(np.zeros(pad, np.uint8))
            at += pad
        start = at
        parts.append(raw)
        at += len(raw)
        return start

    for level in range(pyr.depth):  # a page needs every level: build those not built yet
        lo, hi, gap = pyr.level(level)
        size = 1 << (level + 3)
        code, dtype = _offset_type(size)
        base = np.arange(len(lo), dtype=np.int64) * size
        entry = {"bins": int(len(lo)), "type": code,
                 "lo": put((lo - base).astype(dtype)), "hi": put((hi - base).astype(dtype)),
                 "gap": put(gap.astype(np.uint8)) if pyr.has_nan else None}
        levels.append(entry)
    data = np.concatenate(parts) if parts else np.zeros(0, np.uint8)
    return {"levels": levels, "has_nan": bool(pyr.has_nan)}, data


def _x_spec(x: np.ndarray, name: str, data: dict) -> dict:
    """x as {start, step, last} when evenly spaced as ``start + i * step`` (float64,
    exactly what numpy's linspace and arange give), else the float64 values."""
    n = len(x)
    if n >= 3:
        start, step = float(x[0]), (float(x[-1]) - float(x[0])) / (n - 1)
        if step > 0 and np.array_equal(x[:-1], np.arange(n - 1) * step + start):
            return {"start": start, "step": step, "last": float(x[-1]), "n": n}
    data[name] = Buffer(np.ascontiguousarray(x, np.float64).view(np.uint8))
    return {"buffer": name, "type": "f8"}


def _y_spec(y: np.ndarray, name: str, data: dict) -> dict:
    """y as float32 offsets from a float64 origin (the centre of its finite values),
    what the GPU draws anyway; NaN stays NaN (a break)."""
    finite = y[np.isfinite(y)]
    origin = float(finite.min() / 2 + finite.max() / 2) if finite.size else 0.0
    with np.errstate(over="ignore", invalid="ignore"):
        local = (y - origin).astype(np.float32)
    data[name] = Buffer(local.view(np.uint8))
    return {"buffer": name, "type": "f4", "origin": origin}


def _line_spec(k: int, x: np.ndarray, y: np.ndarray, pyr, data: dict) -> dict:
    n = len(y)
    spec: dict = {"n": n, "envelope": None, "index": None, "pyramid": None}
    if pyr is not None and n > PAGE_POINTS:
        # the envelope that fits the cap: real points (each bin's extremes), in order
        index = pyr.query(float(x[0]), float(x[-1]), PAGE_POINTS // 4)
        spec["envelope"] = int(n // max(len(index) // 2, 1))
        spec["n"] = len(index)
        # a break (a bin holding NaN) repeats the x before it: x stays sorted
        keep = np.maximum.accumulate(np.maximum(index, 0))
        xs, ys = np.asarray(x[keep], np.float64), np.array(y[keep], np.float64)
        ys[index < 0] = np.nan
        xspec = _x_spec(np.asarray(x), f"x{k}", {})
        if "start" in xspec:  # evenly spaced: the indices say where the points are
            spec["x"] = xspec
            spec["index"] = {"buffer": f"i{k}", "type": "u4"}
            data[f"i{k}"] = Buffer(keep.astype(np.uint32).view(np.uint8))
        else:
            spec["x"] = _x_spec(xs, f"x{k}", data)
        spec["y"] = _y_spec(ys, f"y{k}", data)
        pyr = MinMaxPyramid(xs, ys)
    else:
        spec["x"] = _x_spec(np.asarray(x), f"x{k}", data)
        spec["y"] = _y_spec(np.asarray(y, np.float64), f"y{k}", data)
    if pyr is not None:
        layout, raw = encode_pyramid(pyr)
        data[f"p{k}"] = Buffer(raw)
        spec["pyramid"] = {"buffer": f"p{k}", **layout}
    return spec


def line_follower(line, ctx) -> tuple[dict, dict]:
    """``(follow, data)`` for a Line drawn under level of detail: its lines' data and
    pyramids, so that the page draws the envelope of any x range it shows (the
    ``minmax`` follower). Built once per change of the line's data."""
    key = (line.data_version, round(ctx.size[0] * ctx.pixel_ratio))
    hit = _cache.get(line)
    if hit is not None and hit[0] == key:
        return hit[1], hit[2]
    data: dict[str, Buffer] = {}
    lines = []
    for k, (x, y, pyr, rgba) in enumerate(line.lod_lines()):
        spec = _line_spec(k, x, y, pyr, data)
        spec["color"] = [int(v) for v in rgba]
        lines.append(spec)
    follow = {"kind": "minmax", "lines": lines, "columns": key[1],
              "page_points": PAGE_POINTS}
    _cache[line] = (key, follow, data)
    return follow, data
