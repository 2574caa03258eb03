"""CPU of a camera-only frame's Python: ``Figure.draw`` after only the view limits
moved (a pan), with its decorations split by part; no window, no GL.

    python benchmarks/camera_frame.py [--frames 300] [--scene line|image]

The scenes are ``window.py``'s (a 10^6-point line, a 1000 x 1000 image, 800 x 600).
Times are CPU of the calling thread (``time.thread_time``), which other processes on a
shared machine move far less than wall time. Parts: the ticks and their labels laid out
(``TickLayout``; in it ``Axis.tick_lists``, the locator and formatter, and
``Axis.pixels_along``), drawn (``draw_axis``), the page record of each axis
(``page_axes.axis_record``) and the hand-over to the visuals (``AxesDecor.commit``:
tick lines and the labels' glyph quads); ``Canvas.frame`` is the frame description
after the draw (the line's level of detail is there). ``--marks`` calls ``os.getppid()``
before each frame's ``Figure.draw`` and after the last ``Canvas.frame``, so that
``valgrind --tool=callgrind --dump-before=getppid`` writes the instructions of each
frame's Python to a file of its own (the load does not move those).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def _timed(owner, name: str, label: str, totals: dict) -> None:
    """Replace ``owner.name`` by a wrapper adding its thread CPU to ``totals[label]``."""
    f = getattr(owner, name)

    def wrapper(*args, **kwargs):
        start = time.thread_time()
        try:
            return f(*args, **kwargs)
        finally:
            totals[label] += time.thread_time() - start

    setattr(owner, name, wrapper)


def run(scene: str = "line", frames: int = 300, marks: bool = False) -> dict:
    """Median thread CPU (ms) of ``Figure.draw`` and ``Canvas.frame`` per pan frame, and
    the mean of each decoration part."""
    import window

    from lumos.plot import axes_view, decorations, page_axes
    from lumos.plot.axis import Axis

    totals: dict = defaultdict(float)
    _timed(axes_view, "draw_rectilinear_frame", "decorations", totals)
    _timed(decorations, "TickLayout", "TickLayout", totals)
    _timed(Axis, "tick_lists", "Axis.tick_lists", totals)
    _timed(Axis, "pixels_along", "Axis.pixels_along", totals)
    _timed(decorations, "draw_axis", "draw_axis", totals)
    _timed(page_axes, "axis_record", "axis_record", totals)
    _timed(page_axes.AxesDecor, "commit", "commit", totals)
    data = next(d for _, kind, d in window.scenes() if kind == scene)
    fig, _ = window.lumos_target(scene, data)
    ax = fig.axes[0]
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    fig.frame()
    totals.clear()
    draw, frame = [], []
    for i in range(frames):
        dx, dy = (x1 - x0) * 0.01 * (i % 20), (y1 - y0) * 0.005 * (i % 10)
        ax.set_xlim(x0 + dx, x1 + dx)
        ax.set_ylim(y0 + dy, y1 + dy)
        if marks:
            os.getppid()
        t0 = time.thread_time()
        fig.draw()
        t1 = time.thread_time()
        fig.canvas.frame()
        draw.append(t1 - t0)
        frame.append(time.thread_time() - t1)
    if marks:
        os.getppid()
    out = {"Figure.draw": statistics.median(draw), "Canvas.frame": statistics.median(frame)}
    out.update({k: v / frames for k, v in totals.items()})
    return {k: 1e3 * v for k, v in out.items()}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--frames", type=int, default=300)
    p.add_argument("--scene", choices=("line", "image"), default="line")
    p.add_argument("--marks", action="store_true",
                   help="os.getppid() around each frame (callgrind --dump-before=getppid)")
    a = p.parse_args()
    with open("/proc/loadavg") as f:
        load = f.read().split()[0]
    parts = run(a.scene, a.frames, a.marks)
    print(f"{a.scene} (load {load}): " + ", ".join(f"{k} {v:.2f} ms" for k, v in parts.items()))


if __name__ == "__main__":
    main()
