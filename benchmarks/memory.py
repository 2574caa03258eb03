"""Scene (f): peak memory of a 10^7-point float64 line, plotted and rendered.

    python benchmarks/memory.py [--points 10000000] [--json]

Runs in this process (start it fresh: RSS is per process). Steps, with the resident
set size (RSS) after each and the peak (VmHWM) in between:

1. ``import lumos``, a GL context, the 1600×1000 figure rendered once empty: the
   baseline (its multisampled target alone is about 58 MB on a software renderer);
2. the caller's x and y (float64, 16 bytes a point): the input;
3. ``ax.plot(x, y)``;
4. ``fig.render()`` at 1600×1000, twice, then a pan and a third render: RSS must not
   grow between renders (no copies kept per frame).

The budget for what lumos adds to the input is its own float64 copy of the input
(input bytes) + a float32 copy (8 bytes a point) + the level-of-detail pyramid;
"peak" is the highest RSS while plotting and rendering, minus RSS with the input
(``Axes.plot`` copies x and y while it validates them: a transient input's worth).
Linux only (/proc/self/status).
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
from pathlib import Path

import numpy as np

MB = 1 << 20


def _status(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    raise RuntimeError(f"{field} not in /proc/self/status")


def rss() -> int:
    return _status("VmRSS")


def peak() -> int:
    return _status("VmHWM")


def reset_peak() -> bool:
    """Start a new peak measurement (Linux >= 4.0); False when not allowed."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def run(points: int = 10_000_000) -> dict:
    import lumos
    from lumos import visuals

    # The figure exists and has rendered once (empty) before the input: its 1600×1000
    # multisampled target, the driver, shaders and glyph atlas are not the line's cost.
    fig, ax = lumos.subplots(figsize=(16, 10), dpi=100)
    warm, ax0 = lumos.subplots(figsize=(2, 2), dpi=100)
    ax0.plot([0, 1], [0, 1])
    warm.render()  # compiles the line shaders
    fig.render()
    gc.collect()
    base = rss()

    rng = np.random.default_rng(0)
    x = np.arange(points, dtype=np.float64)
    y = np.cumsum(rng.standard_normal(points))
    gc.collect()
    with_input = rss()
    input_bytes = x.nbytes + y.nbytes
    can_reset = reset_peak()

    ax.plot(x, y)
    gc.collect()
    after_plot = rss()
    fig.render()
    gc.collect()
    render1 = rss()
    fig.render()
    gc.collect()
    render2 = rss()
    ax.set_xlim(points * 0.25, points * 0.5)
    fig.render()
    gc.collect()
    render3 = rss()
    top = peak() if can_reset else None

    line = next(v for v in ax.data_visuals() if isinstance(v, visuals.Line))
    pyramid = line.lod_nbytes
    budget = input_bytes + points * 2 * 4 + pyramid
    return {
        "points": points,
        "baseline_mb": base / MB,
        "input_mb": input_bytes / MB,
        "rss_with_input_mb": with_input / MB,
        "added_after_plot_mb": (after_plot - with_input) / MB,
        "added_after_render_mb": (render1 - with_input) / MB,
        "growth_second_render_mb": (render2 - render1) / MB,
        "growth_after_pan_mb": (render3 - render2) / MB,
        "peak_over_input_mb": None if top is None else (top - with_input) / MB,
        "pyramid_mb": pyramid / MB,
        "float32_copy_mb": points * 2 * 4 / MB,
        "budget_mb": budget / MB,
        "drawn_points": line.drawn_points,
    }


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--points", type=int, default=10_000_000)
    p.add_argument("--json", action="store_true", help="print one JSON object")
    a = p.parse_args()
    r = run(a.points)
    if a.json:
        json.dump(r, sys.stdout)
        print()
        return
    print(f"{r['points']:.0e}-point float64 line (input {r['input_mb']:.0f} MB), "
          f"baseline RSS {r['baseline_mb']:.0f} MB:")
    print(f"  lumos adds {r['added_after_plot_mb']:.0f} MB after plot, "
          f"{r['added_after_render_mb']:.0f} MB after render "
          f"(budget {r['budget_mb']:.0f} MB = input {r['input_mb']:.0f} + float32 "
          f"{r['float32_copy_mb']:.0f} + pyramid {r['pyramid_mb']:.0f})")
    if r["peak_over_input_mb"] is not None:
        print(f"  peak while plotting and rendering: {r['peak_over_input_mb']:.0f} MB over "
              "the input")
    print(f"  second render {r['growth_second_render_mb']:+.1f} MB, after a pan "
          f"{r['growth_after_pan_mb']:+.1f} MB; {r['drawn_points']} points drawn")


if __name__ == "__main__":
    main()
