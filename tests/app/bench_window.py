"""Frame times in a GLFW window: an empty figure vs panning a long line / big scatter.

Run under a display (``xvfb-run -a python tests/app/bench_window.py``); vsync is off so
the numbers are the cost of a frame, not the refresh rate.
"""

from __future__ import annotations

import sys
import time

import numpy as np

from lumos.app.window import Window
from lumos.plot.figure import Figure


def pan_frames(fig, frames: int = 40) -> tuple[float, float]:
    """Median and 90th percentile seconds per frame while dragging across the axes."""
    win = Window(fig, vsync=False)
    try:
        win.draw()
        ax = fig.axes[0]
        x, y, w, h = ax.view.rect
        it = win.interaction
        it.press(x + w / 2, y + h / 2, 1)
        times = []
        for i in range(frames):
            it.move(x + w / 2 + (i % 20) * 3 - 30, y + h / 2)
            t = time.perf_counter()
            win.draw()
            win.ctx.finish()
            times.append(time.perf_counter() - t)
        it.release(x + w / 2, y + h / 2, 1)
        bytes_per_frame = win.executor.uploaded_bytes
        return float(np.median(times)), float(np.percentile(times, 90)), bytes_per_frame
    finally:
        win.close()


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    rng = np.random.default_rng(0)
    cases = {}
    fig = Figure(figsize=(8, 6), dpi=100)
    fig.subplot(0, 0)
    cases["empty axes"] = fig
    fig = Figure(figsize=(8, 6), dpi=100)
    x = np.arange(n, dtype=float)
    fig.subplot(0, 0).plot(x, np.cumsum(rng.standard_normal(n)))
    cases[f"line, {n:.0e} points"] = fig
    fig = Figure(figsize=(8, 6), dpi=100)
    m = n // 10
    fig.subplot(0, 0).scatter(rng.standard_normal(m), rng.standard_normal(m), s=1)
    cases[f"scatter, {m:.0e} points"] = fig
    for name, fig in cases.items():
        med, p90, nbytes = pan_frames(fig)
        print(f"{name:28s} pan frame: median {med * 1e3:6.1f} ms, p90 {p90 * 1e3:6.1f} ms "
              f"({nbytes / 1e6:.1f} MB uploaded in all)")


if __name__ == "__main__":
    main()
