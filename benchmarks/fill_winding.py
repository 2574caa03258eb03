"""Fills by the winding rule: the crossing test simple rings now pay, and the trapezoids
of rings that cross (benchmarks/README.md, "fills that cross themselves").

    PYTHONPATH=$PWD python benchmarks/fill_winding.py [--reps R]

Thread CPU (``time.thread_time``), the minimum of ``--reps`` runs, of:
``geometry.fill_polygon`` of a simple non-convex 100 000-vertex ring (earcut after the
test); the first ``Paths.draws`` of 5000 L-shaped paths (one crossing test for all); and
``fill_polygon`` of rings that cross: 200 and 1000 random vertices, a band between two
crossing 50 000-point curves, a 20 000-point spiral closed through its centre.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from lumos import geometry
from lumos import primitives as prim
from lumos.visuals import Paths
from lumos.visuals.base import DrawContext


def best(fn, reps: int) -> float:
    """The fastest of ``reps`` calls, in ms of this thread's CPU."""
    out = []
    for _ in range(reps):
        t0 = time.thread_time()
        fn()
        out.append(time.thread_time() - t0)
    return 1e3 * min(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=5)
    reps = parser.parse_args().reps
    t = np.linspace(0, 2 * np.pi, 100_000, endpoint=False)
    r = 1 + 0.3 * np.sin(40 * t)
    ring = np.c_[r * np.cos(t), r * np.sin(t)]
    print(f"simple 100k ring      {best(lambda: geometry.fill_polygon(ring), reps):8.1f} ms")
    ell = np.array([[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2]], float)
    offsets = np.random.default_rng(0).uniform(0, 100, (5000, 2))
    paths = [prim.Path(ell + o, None, fill=(1, 0, 0, 1)) for o in offsets]
    ctx = DrawContext("view0", (800, 800), 1.0, {"type": "panzoom", "rect": [0, 0, 102, 102]},
                      False)
    ms = best(lambda: Paths(paths).draws(ctx), reps)
    print(f"5000 L-shaped paths   {ms:8.1f} ms")
    rng = np.random.default_rng(0)
    x = np.linspace(0, 100, 50_000)
    s = np.linspace(0, 40 * np.pi, 20_000)
    crossing = {
        "random 200": rng.uniform(-1, 1, (200, 2)),
        "random 1000": rng.uniform(-1, 1, (1000, 2)),
        "band 100k": np.r_[np.c_[x, np.sin(x)], np.c_[x, np.cos(x)][::-1]],
        "spiral 20k": np.r_[np.c_[s * np.cos(s), s * np.sin(s)], [[0.0, 0.0]]],
    }
    for name, ring in crossing.items():
        ms = best(lambda ring=ring: geometry.fill_polygon(ring), reps)
        print(f"{name:20s}  {ms:8.1f} ms  {len(geometry.fill_polygon(ring)[1])} triangles")


if __name__ == "__main__":
    main()
