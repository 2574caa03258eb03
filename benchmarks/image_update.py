"""CPU per change of a live image: ``set_data`` of a 1000 × 1000 field (or ``set_clim``),
then the 800 × 600 figure drawn offscreen (``Figure.render``); imshow's default 'auto'
shrinks the image into its axes, so it draws at the color stage, whose colormapped
texels are made again per change.

    LP_NUM_THREADS=0 python benchmarks/image_update.py [--reps 20] [--change data|clim]

Times are the calling thread's CPU (``time.thread_time``), min and median after 3
untimed updates: with ``LP_NUM_THREADS=0`` llvmpipe rasterizes on that thread, so they
hold the GL work too, and other processes' load moves them less than wall time.
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np


def run(reps: int = 20, change: str = "data") -> tuple[float, float]:
    """(min, median) ms of thread CPU of one update and the figure's redraw."""
    from lumos.plot.figure import Figure

    fig = Figure(figsize=(8, 6), dpi=100)
    ax = fig.subplot(0, 0)
    y, x = np.mgrid[0:1000, 0:1000] / 1000.0
    fields = [np.sin(40 * x * (1 + k / 10) + 30 * y) for k in range(4)]
    im = ax.imshow(fields[0], cmap="viridis")
    fig.render()
    times = []
    for i in range(reps + 3):
        start = time.thread_time()
        if change == "data":
            im.set_data(fields[(i + 1) % len(fields)])
        else:
            im.set_clim(-1 + 0.01 * (i % 50), 1.0)
        fig.render()
        times.append(time.thread_time() - start)
    times = times[3:]
    return 1000 * min(times), 1000 * statistics.median(times)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--reps", type=int, default=20)
    p.add_argument("--change", choices=("data", "clim"), default="data")
    args = p.parse_args()
    lo, med = run(args.reps, args.change)
    print(f"image {args.change} update + render: min {lo:.1f} ms, median {med:.1f} ms")


if __name__ == "__main__":
    main()
