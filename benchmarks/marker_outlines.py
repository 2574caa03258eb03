"""Outline markers (text '$♠$', vertex lists): the cost of their distance fields, built
once per outline on the CPU, and of drawing them against the named symbols.

    python benchmarks/marker_outlines.py [--points 100000] [--renders 5]

Prints the CPU time of six glyph fields and the fastest of ``--renders`` renders of a
600 × 400 scatter of ``--points`` points for each marker (offscreen GL).
"""

from __future__ import annotations

import argparse
import time

import numpy as np

import lumos
from lumos.visuals.marker_outline import text_marker

GLYPHS = ["$♠$", "$♣$", "$f$", r"$\frac{1}{2}$", "$✁$", "$◐$"]


def field_time() -> float:
    """CPU seconds of the distance fields of GLYPHS (outlines laid out beforehand; each
    field is built at its first use, once per process)."""
    outlines = [text_marker(t) for t in GLYPHS]
    start = time.process_time()
    fields = [o.texture for o in outlines]
    assert len(fields) == len(GLYPHS)
    return time.process_time() - start


def render_time(marker, n: int, renders: int) -> float:
    """The fastest render of a scatter of ``n`` points drawn with ``marker``."""
    rng = np.random.default_rng(0)
    x, y = rng.normal(size=(2, n))
    fig, ax = lumos.subplots(figsize=(6, 4), dpi=100)
    ax.scatter(x, y, s=64, marker=marker)
    fig.render()  # programs compiled, field built
    times = []
    for i in range(renders):
        ax.set_xlim(-4 + 0.01 * i, 4)  # a new frame each time
        start = time.perf_counter()
        fig.render()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--points", type=int, default=100_000)
    ap.add_argument("--renders", type=int, default=5)
    a = ap.parse_args()
    print(f"distance fields of {len(GLYPHS)} glyphs: {1e3 * field_time():.0f} ms CPU")
    for marker in ["o", "$♠$", [[-1, -1], [1, -1], [1, 1]]]:
        t = render_time(marker, a.points, a.renders)
        print(f"scatter of {a.points} {marker!r}: {1e3 * t:.0f} ms per render (fastest)")


if __name__ == "__main__":
    main()
