"""Where a redraw of scene (b) (the 10^6-point line after ``set_data``) or (d) (the
10^6-point scatter after ``set_offsets``) spends, in lumos and in the floor.

    python benchmarks/redraw_parts.py [--scene line|scatter] [--redraws 20] [--lib lumos|floor]
        [--sync-only] [--fine] [--marks]

Parts, medians over the redraws: thread CPU of the calling thread for lumos's
``set_data``/``set_offsets``, ``Figure.draw`` (layout and decorations), ``Canvas.frame``
(the frame description: a line's level of detail is built there; since stop 35 a
figure's render makes and draws its axes' views first, flushed before the decorations
are made, so both run twice a redraw and the early ones fall inside ``Figure.draw``)
and ``ModernGLExecutor.render`` (llvmpipe runs vertex shaders on this thread); then the
GL work still queued when the picture is read, timed by ``glFinish`` (wall and CPU),
and the read-back. ``--whole`` draws every frame whole, as before stop 35. The floor
(``floor.py``) gets its ``set_line``/``set_scatter``, paint, ``glFinish`` and read.
"draw calls" is the part of the executor (of the floor's paint) spent in moderngl's
``VertexArray.render``: llvmpipe's vertex stage and binning of every draw, which runs
on the calling thread whatever ``LP_NUM_THREADS`` says; the rest of the executor is
lumos's Python and the GL state calls.

``--fine`` (lumos, line) adds parts inside those: ``changed_rows`` (``set_data``'s
comparisons of x and of y with the line's), the pyramid level built for the view
(``MinMaxPyramid.level``, in ``Canvas.frame``), ``decor_cache.state_key`` and the axes'
rows-only hand-over to its batches (``_push_rows``, both in ``Figure.draw``).

``--sync-only`` (lumos) replaces ``Figure.draw`` after the first render by what a
fast path for "only the data rows of an artist changed" would keep: each axes' ``sync``
(the batch takes the changed rows); nothing else changes between redraws here, so the
picture must stay the same (the md5 of the last one is printed: compare it with a run
without the flag). It gives the most such a path could save, not a way to draw.

``--marks`` calls ``os.getppid()`` before and after each redraw, for
``benchmarks/marked_instructions.py`` (instructions per redraw, which the load does not
move).

Run with ``LP_NUM_THREADS=0`` to make llvmpipe rasterize on the calling thread: the
"gl" CPU is then all the GL work of a redraw, which other processes on a shared machine
move far less than wall time. The load average is printed with the figures.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import peers  # noqa: E402


def _timed(owner, name: str, label: str, parts: dict) -> None:
    """Wrap ``owner.name`` to add its (wall, thread CPU) to ``parts[label]``."""
    f = getattr(owner, name)

    def wrapper(*args, **kwargs):
        t, c = time.perf_counter(), time.thread_time()
        try:
            return f(*args, **kwargs)
        finally:
            w0, c0 = parts.get(label, (0.0, 0.0))
            parts[label] = (w0 + time.perf_counter() - t, c0 + time.thread_time() - c)

    setattr(owner, name, wrapper)


def _finish(owner, name: str, ctx_of, parts: dict, before: bool = False) -> None:
    """After (``before``: before) ``owner.name`` runs, ``glFinish`` timed as "gl"."""
    f = getattr(owner, name)

    def finish(self) -> None:
        t, c = time.perf_counter(), time.thread_time()
        ctx_of(self).finish()
        parts["gl (glFinish)"] = (time.perf_counter() - t, time.thread_time() - c)

    def wrapper(self, *args, **kwargs):
        if before:
            finish(self)
        out = f(self, *args, **kwargs)
        if not before:
            finish(self)
        return out

    setattr(owner, name, wrapper)


def _render_whole(fig):
    """``Figure.render`` before stop 35: the figure drawn, then its frame drawn whole
    (``--whole``)."""
    with fig.canvas.lock:
        fig.draw()
        return fig.canvas.render()


def run(lib: str, scene: str, redraws: int, sync_only: bool = False,
        fine: bool = False, marks: bool = False, whole: bool = False) -> tuple[dict, str]:
    """Median (wall, CPU) in ms of each part of a redraw; the md5 of the last picture."""
    rng, x, y, sx, sy, c = peers.data()
    p = peers.CLASSES[lib]()
    parts: dict = {}
    import moderngl

    _timed(moderngl.VertexArray, "render", "draw calls", parts)
    if lib == "lumos":
        from lumos.gpu.executor import ModernGLExecutor, OffscreenTarget

        p.line(x, y) if scene == "line" else p.scatter(sx, sy, c)
        _timed(type(p.obj), "set_data" if scene == "line" else "set_offsets", "set data",
               parts)
        _timed(type(p.fig), "draw", "Figure.draw", parts)
        _timed(type(p.fig.canvas), "frame", "Canvas.frame", parts)
        _timed(ModernGLExecutor, "render", "executor", parts)
        # the GL work left once the frame is drawn (a figure draws its axes' views
        # early and flushes them: llvmpipe works on them while Python makes the rest)
        _timed(OffscreenTarget, "read", "read", parts)
        _finish(OffscreenTarget, "read", lambda t: t.ctx, parts, before=True)
        if whole:
            type(p.fig).render = _render_whole
        if fine and scene == "line":
            from lumos.plot import axes, decor_cache, lines
            from lumos.visuals import lod

            _timed(lines, "changed_rows", "set data: changed_rows", parts)
            _timed(decor_cache, "state_key", "draw: state_key", parts)
            _timed(axes.Axes, "_push_rows", "draw: _push_rows", parts)
            _timed(lod.MinMaxPyramid, "level", "frame: pyramid level", parts)
    else:
        from floor import Floor

        p.line(x, y) if scene == "line" else p.scatter(sx, sy, c)
        _timed(Floor, "set_line" if scene == "line" else "set_scatter", "set data", parts)
        _timed(Floor, "paint", "paint", parts)
        _finish(Floor, "paint", lambda f: f.ctx, parts)
    p.render()
    if sync_only:
        def sync_axes(fig) -> None:
            for ax in fig.axes:
                ax.sync()

        type(p.fig).draw = sync_axes
        _timed(type(p.fig), "draw", "Figure.draw (sync only)", parts)
    out = defaultdict(list)
    for _ in range(redraws + 1):  # the first one warms up
        new = (x, y + rng.normal(size=peers.N)) if scene == "line" else \
            (sx + 0.05 * rng.normal(size=peers.N), sy + 0.05 * rng.normal(size=peers.N))
        parts.clear()
        if marks:
            os.getppid()
        t, c = time.perf_counter(), time.thread_time()
        (p.set_line if scene == "line" else p.set_scatter)(*new)
        picture = p.render()
        parts["redraw"] = (time.perf_counter() - t, time.thread_time() - c)
        if marks:
            os.getppid()
        for k, v in parts.items():
            out[k].append(v)
    return {k: (1e3 * statistics.median(w for w, _ in v[1:]),
                1e3 * statistics.median(c for _, c in v[1:])) for k, v in out.items()}, \
        hashlib.md5(np.ascontiguousarray(picture)).hexdigest()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--scene", choices=("line", "scatter"), default="line")
    p.add_argument("--redraws", type=int, default=20)
    p.add_argument("--lib", choices=("lumos", "floor"), default="lumos")
    p.add_argument("--sync-only", action="store_true",
                   help="lumos: Figure.draw cut to the axes' sync after the first render")
    p.add_argument("--fine", action="store_true",
                   help="lumos line: parts inside set_data, Figure.draw and Canvas.frame")
    p.add_argument("--marks", action="store_true",
                   help="os.getppid() before and after each redraw (callgrind "
                        "--dump-before=getppid: benchmarks/marked_instructions.py)")
    p.add_argument("--whole", action="store_true",
                   help="lumos: every frame drawn whole, as before stop 35 (not the axes' "
                        "views first, flushed before the decorations are made)")
    a = p.parse_args()
    if (a.sync_only or a.whole) and a.lib != "lumos":
        p.error("--sync-only, --whole: lumos only")
    if a.fine and (a.lib, a.scene) != ("lumos", "line"):
        p.error("--fine: lumos's line scene only")
    with open("/proc/loadavg") as f:
        load = f.read().split()[0]
    parts, md5 = run(a.lib, a.scene, a.redraws, a.sync_only, a.fine, a.marks, a.whole)
    print(f"{a.lib} {a.scene} (load {load}): " + ", ".join(
        f"{k} {w:.2f} ms (CPU {c:.2f})" for k, (w, c) in parts.items()) +
        f"; last picture md5 {md5}")


if __name__ == "__main__":
    main()
