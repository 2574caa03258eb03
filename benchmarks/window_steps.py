"""The steps of one window pan frame, lumos's beside the floor's, under Xvfb.

    python benchmarks/window_steps.py lumos|floor [--scene image] [--frames 20]
        [--gl-calls] [--marks]

``window.py``'s drags (its scenes, 800 x 600, vsync off, a frame is the mouse event,
the draw, the buffer swap and ``glFinish``), with each step of the frame wrapped: wall
and thread CPU per frame of the mouse event, making the window's context current
(twice a frame: for the frame and back to what was current), ``Figure.draw``,
``Canvas.frame``, the executor, the buffer swap, ``release_unused`` and the rest;
the floor's ``pan``, ``paint`` and swap. With ``LP_NUM_THREADS=0`` llvmpipe
rasterizes in the swap on the calling thread, so thread CPU holds all of the work.
``--gl-calls`` counts the moderngl calls of a frame (each one or more GL calls; a
property set such as ``fbo.viewport`` is one) through ``sys.setprofile``, which
slows the frame: its times are then not the frame's. ``--marks`` calls
``os.getppid()`` before each timed frame and after the last, so that
``valgrind --tool=callgrind --dump-before=getppid`` writes one file per frame.
"""

from __future__ import annotations

import argparse
import collections
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))


def _wrap(owner, name: str, label: str, totals: dict) -> None:
    """Replace ``owner.name`` by a wrapper adding its wall and thread CPU to ``totals``."""
    f = getattr(owner, name)

    def wrapper(*args, **kwargs):
        t0, c0 = time.perf_counter(), time.thread_time()
        try:
            return f(*args, **kwargs)
        finally:
            entry = totals[label]
            entry[0] += time.perf_counter() - t0
            entry[1] += time.thread_time() - c0
            entry[2] += 1

    setattr(owner, name, wrapper)


def _counter(counts: collections.Counter):
    """A ``sys.setprofile`` hook counting the calls into moderngl's API from outside it
    (methods and property setters, by name)."""

    def hook(frame, event, arg):
        if event == "call" and "moderngl" in frame.f_code.co_filename \
                and "moderngl" not in frame.f_back.f_code.co_filename:
            counts[frame.f_code.co_name] += 1

    return hook


def _frames(step, frames: int, gl_calls: bool, marks: bool, totals: dict):
    """Run ``step(i)`` for 2 untimed and ``frames`` timed frames: (wall, cpu) lists and
    the moderngl call counts of the timed ones (``totals`` too holds only those)."""
    wall, cpu = [], []
    counts: collections.Counter = collections.Counter()
    for i in range(frames + 2):
        if i == 2:
            totals.clear()
            if gl_calls:
                sys.setprofile(_counter(counts))
        if marks and i >= 2:
            os.getppid()
        t0, c0 = time.perf_counter(), time.thread_time()
        step(i)
        if i >= 2:
            wall.append(time.perf_counter() - t0)
            cpu.append(time.thread_time() - c0)
    sys.setprofile(None)
    if marks:
        os.getppid()
    return wall, cpu, counts


def lumos(kind: str, data, frames: int, gl_calls: bool, marks: bool, totals: dict):
    """lumos's pan frames in a ``Window``, its steps wrapped."""
    import glfw
    import window

    from lumos.app.interaction import Interaction
    from lumos.app.window import Window
    from lumos.gpu import context
    from lumos.gpu.executor import ModernGLExecutor
    from lumos.plot.figure import Figure
    from lumos.scene.canvas import Canvas

    target, view = window.lumos_target(kind, data)
    win = Window(target, size=window.SIZE, vsync=False, samples=4)
    for owner, name, label in (
            (glfw, "make_context_current", "make context current"),
            (glfw, "swap_buffers", "swap buffers"),
            (context._Native, "save", "save what is current"),
            (context._Native, "restore", "restore it"),
            (Interaction, "move", "mouse event"),
            (Figure, "draw", "Figure.draw"),
            (Canvas, "frame", "Canvas.frame"),
            (ModernGLExecutor, "render", "executor"),
            (ModernGLExecutor, "release_unused", "release_unused"),
            (Window, "draw", "Window.draw (all but the event)")):
        _wrap(owner, name, label, totals)
    x, y, w, h = view.rect
    cx, cy = x + w / 2, y + h / 2
    it = win.interaction
    it.press(cx, cy, 1)

    def step(i: int) -> None:
        it.move(cx + 4 * (i % 20) - 40, cy + 2 * (i % 10))
        win.draw()
        win.ctx.finish()  # as window.py does (the swap has waited for the frame already)

    try:
        return _frames(step, frames, gl_calls, marks, totals)
    finally:
        it.release(cx, cy, 1)
        win.close()


def floor(kind: str, data, frames: int, gl_calls: bool, marks: bool, totals: dict):
    """The floor's pan frames (``window.floor_frames``'s), its steps wrapped."""
    import glfw
    import moderngl
    import window
    from floor import Floor

    glfw.init()
    for hint, value in ((glfw.CONTEXT_VERSION_MAJOR, 3), (glfw.CONTEXT_VERSION_MINOR, 3),
                        (glfw.OPENGL_PROFILE, glfw.OPENGL_CORE_PROFILE),
                        (glfw.OPENGL_FORWARD_COMPAT, True),
                        (glfw.SAMPLES, 4 if kind == "surface" else 0)):
        glfw.window_hint(hint, value)
    win = glfw.create_window(*window.SIZE, "floor", None, None)
    glfw.default_window_hints()
    glfw.make_context_current(win)
    glfw.swap_interval(0)
    ctx = moderngl.create_context(require=330)
    _, view = window.lumos_target(kind, data)
    x, y, w, h = view.rect if kind != "surface" else (0, 0, *window.SIZE)
    f = Floor(size=glfw.get_framebuffer_size(win), plot=(int(x), int(y), int(w), int(h)),
              ctx=ctx, fbo=ctx.detect_framebuffer(0), axes=kind != "surface")
    if kind == "surface":
        from lumos import geometry

        vertices, faces = geometry.surface(*data)
        f.rect = (0, 0, *f.size)
        c, s = np.cos(np.radians(60)), np.sin(np.radians(60))
        tilt = np.array([[1, 0, 0, 0], [0, c, -s, 0], [0, s, c, 0], [0, 0, 0, 1]])
        f.surface(vertices, faces, np.diag([0.25, 0.33, 0.2, 1.0]) @ tilt)
    else:
        getattr(f, kind)(*data)
    _wrap(glfw, "swap_buffers", "swap buffers", totals)
    _wrap(f, "pan", "pan (mouse event)", totals)
    _wrap(f, "paint", "paint", totals)

    def step(i: int) -> None:
        if kind != "surface":
            f.pan(4 * (i % 20) - 40, -2 * (i % 10))
        f.paint()
        glfw.swap_buffers(win)
        ctx.finish()

    try:
        return _frames(step, frames, gl_calls, marks, totals)
    finally:
        glfw.make_context_current(None)
        glfw.destroy_window(win)


def main() -> None:
    import window

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("who", choices=("lumos", "floor"))
    p.add_argument("--scene", choices=("line", "scatter", "image", "surface"),
                   default="image")
    p.add_argument("--frames", type=int, default=20)
    p.add_argument("--gl-calls", action="store_true",
                   help="count moderngl calls per frame (slows the frames)")
    p.add_argument("--marks", action="store_true",
                   help="os.getppid() around each timed frame (callgrind --dump-before)")
    a = p.parse_args()
    data = next(d for _, kind, d in window.scenes() if kind == a.scene)
    totals: dict = collections.defaultdict(lambda: [0.0, 0.0, 0])
    run = lumos if a.who == "lumos" else floor
    with window.display():
        wall, cpu, counts = run(a.scene, data, a.frames, a.gl_calls, a.marks, totals)
    n = len(wall)
    print(f"{a.who} {a.scene}: frame wall median {1e3 * statistics.median(wall):.2f} ms, "
          f"thread CPU median {1e3 * statistics.median(cpu):.2f} ms ({n} frames)")
    for label, (w, c, calls) in sorted(totals.items(), key=lambda kv: -kv[1][1]):
        print(f"  {label:32s} wall {1e3 * w / n:7.3f} ms, thread CPU {1e3 * c / n:7.3f} ms, "
              f"{calls / n:.1f} calls a frame")
    if counts:
        print(f"  moderngl calls a frame: {sum(counts.values()) / n:.1f}: "
              + ", ".join(f"{k} {v / n:g}" for k, v in counts.most_common()))


if __name__ == "__main__":
    main()
