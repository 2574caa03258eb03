"""CPU of sorting a translucent 3D surface's triangles farthest first per frame
(``painter.SortedFaces``), a 100 x 100 ``plot_surface`` turned 1 degree each frame.

    python benchmarks/translucent_sort.py [--frames 100] [--n 100]

Prints the median thread CPU (ms, ``time.thread_time``) of the surface's
``SortedFaces.indices`` calls that sorted (the camera moved), and of a whole rotation
frame's Python (``Figure.draw`` and ``Canvas.frame``, no GL) with the surface at alpha
0.5 and opaque (which does not sort).
"""

from __future__ import annotations

import argparse
import statistics
import time


def run(frames: int = 100, n: int = 100) -> dict:
    """Median ms per frame: ``sort`` (the sort alone), ``translucent`` and ``opaque``
    (the frame's Python)."""
    import numpy as np

    import lumos.pyplot as plt
    from lumos.visuals import painter

    sort_times: list[float] = []
    indices = painter.SortedFaces.indices

    def timed(self, *args):
        version, start = self.buffer.version, time.thread_time()
        try:
            return indices(self, *args)
        finally:
            # the surface's sorts (not the cached order, not the 3D box's panes)
            if self.buffer.version != version and len(self.order) > 1000:
                sort_times.append(time.thread_time() - start)

    painter.SortedFaces.indices = timed
    out = {}
    x = np.linspace(-3, 3, n)
    X, Y = np.meshgrid(x, x)
    Z = np.sin(np.hypot(X, Y))
    for name, alpha in (("opaque", 1.0), ("translucent", 0.5)):
        fig = plt.figure(figsize=(6, 6))
        ax = fig.add_subplot(projection="3d")
        ax.plot_surface(X, Y, Z, cmap="viridis", alpha=alpha)
        times = []
        for k in range(frames):
            ax.view_init(elev=30, azim=-60 + k)
            start = time.thread_time()
            fig.draw()
            fig.canvas.frame()
            times.append(time.thread_time() - start)
        out[name] = 1e3 * statistics.median(times[2:])
        plt.close(fig)
    out["sort"] = 1e3 * statistics.median(sort_times[2:])
    out["sorts"] = len(sort_times)
    painter.SortedFaces.indices = indices
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=100)
    parser.add_argument("--n", type=int, default=100)
    args = parser.parse_args()
    r = run(args.frames, args.n)
    print(f"{args.n} x {args.n} surface, {2 * (args.n - 1) ** 2} triangles: sort "
          f"{r['sort']:.2f} ms ({r['sorts']} sorts); frame Python: translucent "
          f"{r['translucent']:.2f} ms, opaque {r['opaque']:.2f} ms")
