"""The GL work of one frame of ``window.py``'s line or image, by group of draws, in lumos
and in the floor: offscreen, 800 x 600, single-sampled, no Python of the figure.

    LP_NUM_THREADS=0 python benchmarks/frame_gl.py [--scene line|image] [--reps 40]

lumos's frame description is made once (``Figure.frame``); each group of its draws
(``all``, the data's draw alone, the axes' draws, their line draws, their text draw,
``none``: the clear alone) is drawn ``--reps`` times into one framebuffer with
``glFinish``; the floor paints the same scene with and without its axes part. Times
are the calling thread's CPU (``time.thread_time``), min and median: with
``LP_NUM_THREADS=0`` llvmpipe rasterizes on that thread, so they hold all of the GL work,
and another process's load moves them less than wall time. ``--marks`` calls
``os.getppid()`` before each timed draw and after the last, so that
``valgrind --tool=callgrind --dump-before=getppid`` writes one file of instructions per
draw (the load does not move those). Each line ends with the md5 of the picture, which a
change of the shaders must keep.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def _timed(draw, finish, reps: int, marks: bool) -> tuple[float, float]:
    """(min, median) ms of thread CPU of ``draw(); finish()`` after 3 untimed ones."""
    for _ in range(3):
        draw()
        finish()
    times = []
    for _ in range(reps):
        if marks:
            os.getppid()
        start = time.thread_time()
        draw()
        finish()
        times.append(time.thread_time() - start)
    if marks:
        os.getppid()
    return 1000 * min(times), 1000 * statistics.median(times)


def run(scene: str = "line", reps: int = 40, marks: bool = False) -> list[tuple]:
    """(library, group, min ms, median ms, md5 of the picture) of every group."""
    import window
    from floor import Floor

    from lumos.gpu.context import current
    from lumos.gpu.executor import ModernGLExecutor, OffscreenTarget

    data = next(d for _, kind, d in window.scenes() if kind == scene)
    fig, view = window.lumos_target(scene, data)
    frame = fig.frame()
    # the data's draws: the image's pass into its colored target (drawn once: the
    # executor skips it while the key holds), then its draw into the framebuffer
    n = 1 + next(i for i, d in enumerate(frame.draws) if d.target is None)
    # and the draws after it of the same line (its runs of segments: one dict of
    # uniforms, Line.draws)
    held = frame.draws[n - 1].uniforms
    while n < len(frame.draws) and frame.draws[n].uniforms is held:
        n += 1
    axes = frame.draws[n:]
    groups = {"all": frame.draws, "data": frame.draws[:n], "axes": axes,
              "axes lines": [d for d in axes if d.mode == "triangle_strip"],
              "axes text": [d for d in axes if d.mode == "triangles"], "none": []}
    rows = []
    with current() as ctx:
        executor = ModernGLExecutor(ctx)
        target = OffscreenTarget(ctx, frame.size, samples=1)
        for name, draws in groups.items():
            part = dataclasses.replace(frame, draws=list(draws))
            lo, med = _timed(lambda p=part: executor.render(p, target.fbo), ctx.finish, reps,
                             marks)
            rows.append(("lumos", name, lo, med,
                         hashlib.md5(target.read().tobytes()).hexdigest()[:12]))
        target.release()
    x, y, w, h = view.rect
    for with_axes in (False, True):
        f = Floor(size=window.SIZE, plot=(int(x), int(y), int(w), int(h)), axes=with_axes)
        getattr(f, scene)(*data)
        lo, med = _timed(f.paint, f.ctx.finish, reps, marks)
        rows.append(("floor", "all" if with_axes else "data", lo, med,
                     hashlib.md5(f.pixels().tobytes()).hexdigest()[:12]))
    return rows


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--scene", choices=("line", "image"), default="line")
    p.add_argument("--reps", type=int, default=40)
    p.add_argument("--marks", action="store_true",
                   help="os.getppid() around each timed draw (callgrind --dump-before)")
    a = p.parse_args()
    if os.environ.get("LP_NUM_THREADS") != "0":
        print("note: without LP_NUM_THREADS=0 llvmpipe's own threads do most of the work "
              "and thread CPU misses it", file=sys.stderr)
    for lib, group, lo, med, md5 in run(a.scene, a.reps, a.marks):
        print(f"{a.scene:6s} {lib:6s} {group:11s} min {lo:6.2f} ms, median {med:6.2f} ms"
              f"  md5 {md5}")


if __name__ == "__main__":
    main()
