"""Whether llvmpipe can rasterize a pan frame's data while Python makes its decorations:
``window.py``'s line or image pan frames drawn three ways in one window, frame by frame
in turn (measured in stop 29 and not adopted; since stop 34 ``Window.draw`` itself draws
a figure's data before its decorations where it can, so "as is" is that; see
benchmarks/README.md).

    python benchmarks/flush_overlap.py [--scene line|image] [--frames 60]

- ``as is``: ``Window.draw``: the figure's draw (limits, batches, decorations), the
  frame description, the executor, the buffer swap (llvmpipe rasterizes there).
- ``split + flush``: the figure's draw up to its decorations, the axes' views' draws
  executed and ``glFlush``, then the decorations, the rest of the frame's draws (the
  overlay's: no clear), the swap. What a frame in two phases costs without a thread.
- ``split + thread``: as ``split + flush``, with the decorations and the frame
  description made on a worker thread while the calling thread is in ``glFlush``
  (ctypes lets the GIL go): the overlap, where the flush waits for the raster.

A frame is the mouse event, the draw, the swap and ``glFinish`` (``window.py``'s); each
way's wall and process CPU (all threads: llvmpipe's rasterizers too) per frame, median
and quartiles, and the wall and thread CPU of the ``glFlush`` calls: a flush whose wall
is the raster's and whose thread CPU is near 0 did not get its core back while llvmpipe's
threads, which it woke, rasterized (on 2 cores they take both). The md5 of each way's picture
at one drag position ends the output (the three must be equal). The prototypes read the
figure's private steps; this is a measurement, not a way lumos draws.
"""

from __future__ import annotations

import argparse
import ctypes
import hashlib
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

_flushes: list[tuple[float, float]] = []  # (wall, thread CPU) of each glFlush


def _gl_flush():
    flush = ctypes.CDLL("libGL.so.1").glFlush

    def timed() -> None:
        t0, c0 = time.perf_counter(), time.thread_time()
        flush()
        _flushes.append((time.perf_counter() - t0, time.thread_time() - c0))

    return timed


class _Worker:
    """One thread running the callables it is handed, one at a time."""

    def __init__(self) -> None:
        self._go, self._done = threading.Event(), threading.Event()
        self._job = self._result = None
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        while True:
            self._go.wait()
            self._go.clear()
            try:
                self._result = (True, self._job())
            except BaseException as exc:  # handed back to the caller of join
                self._result = (False, exc)
            self._done.set()

    def submit(self, job) -> None:
        self._job = job
        self._done.clear()
        self._go.set()

    def join(self):
        self._done.wait()
        ok, value = self._result
        if not ok:
            raise value
        return value


class _NoClear:
    """A framebuffer whose ``clear`` does nothing: the second part of a split frame."""

    def __init__(self, fbo) -> None:
        object.__setattr__(self, "_fbo", fbo)

    def clear(self, *args, **kwargs) -> None:
        pass

    def __getattr__(self, name):
        return getattr(self._fbo, name)

    def __setattr__(self, name, value) -> None:
        setattr(self._fbo, name, value)


def _split_draw(win, flush, worker=None):
    """A ``Window.draw`` of a figure in two phases (see the module's docstring)."""
    from lumos.gpu.frame import Frame

    w, h = win.size
    fw, fh = win.framebuffer_size
    with win.current():
        fig = win.scene
        canvas = fig.canvas
        fig.resize(w, h, fw / w)
        fig._drawn = True
        canvas.bgcolor = fig._background()
        fig._tick_memo = {}
        fig._layout()
        for cb in fig.colorbars:
            cb.update()
        fig._stack_axes_views()
        for ax in fig._every_axes():
            ax.notify_limits()
            ax.sync()
        views = list(canvas.views)
        data_views = {ax.view for ax in fig._every_axes()}
        k = next((i for i, v in enumerate(views) if v not in data_views), len(views))
        canvas.views = views[:k]  # the frame of the axes' views (ids view0..k-1 as in full)
        first = canvas.frame()
        canvas.views = views
        screen = win._screen((fw, fh))
        win.executor.render(first, screen)

        def rest():
            fig._draw_decorations()
            fig._tick_memo = None
            return canvas.frame()

        if worker is None:
            flush()
            frame = rest()
        else:
            worker.submit(rest)
            flush()
            frame = worker.join()
        canvas.emit_draw()
        if canvas.views[:k] != views[:k]:
            raise RuntimeError("the decorations moved the axes' views: the split is invalid")
        second = Frame(size=frame.size, clear_color=frame.clear_color,
                       pixel_ratio=frame.pixel_ratio)
        second.views = {i: frame.views[i] for i in list(frame.views)[k:]}
        second.draws = [d for d in frame.draws if d.view in second.views]
        win.executor.render(second, _NoClear(screen))
        win.executor.release_unused(canvas.in_use(frame, win.executor))
        win.glfw.swap_buffers(win._win)
    win._dirty = False
    return frame


def run(scene: str, frames: int) -> None:
    import window

    from lumos.app.window import Window

    flush = _gl_flush()
    worker = _Worker()
    ways = {
        "as is": lambda win: Window.draw(win),
        "split + flush": lambda win: _split_draw(win, flush),
        "split + thread": lambda win: _split_draw(win, flush, worker),
    }
    data = next(d for _, kind, d in window.scenes() if kind == scene)
    target, view = window.lumos_target(scene, data)
    win = Window(target, size=window.SIZE, vsync=False, samples=4)
    wall: dict[str, list] = {k: [] for k in ways}
    cpu: dict[str, list] = {k: [] for k in ways}
    flushes: dict[str, list] = {k: [] for k in ways}
    md5 = {}
    try:
        win.draw()
        x, y, w, h = view.rect
        cx, cy = x + w / 2, y + h / 2
        it = win.interaction
        it.press(cx, cy, 1)
        names = list(ways)
        for i in range(len(names) * (frames + 1)):
            name = names[(i + i // len(names)) % len(names)]  # each way first in turn
            it.move(cx + 4 * (i % 20) - 40, cy + 2 * (i % 10))
            _flushes.clear()
            t0, p0 = time.perf_counter(), time.process_time()
            ways[name](win)
            win.ctx.finish()
            if i >= len(names):  # the first of each way is untimed
                wall[name].append(1000 * (time.perf_counter() - t0))
                cpu[name].append(1000 * (time.process_time() - p0))
                flushes[name] += _flushes
        for name, draw in ways.items():  # one picture of each way, at one position
            it.move(cx + 13, cy + 7)
            draw(win)
            win.ctx.finish()
            with win.current():
                raw = win._screen(win.framebuffer_size).read(components=4, alignment=1)
            md5[name] = hashlib.md5(raw).hexdigest()
        it.release(cx, cy, 1)
    finally:
        win.close()
    with open("/proc/loadavg") as f:
        load = f.read().split()[0]
    print(f"{scene}, {frames} frames a way (load {load}):")
    for name in ways:
        q = statistics.quantiles(wall[name], n=4)
        line = (f"  {name:15s} wall {statistics.median(wall[name]):6.2f} ms "
                f"({q[0]:.2f}-{q[2]:.2f}), process CPU {statistics.median(cpu[name]):6.2f} ms")
        if flushes[name]:
            fw = statistics.median(f[0] for f in flushes[name])
            fc = statistics.median(f[1] for f in flushes[name])
            line += f"; glFlush wall {1000 * fw:.2f} ms, thread CPU {1000 * fc:.3f} ms"
        print(line)
    print("  md5 " + ", ".join(f"{k}: {v}" for k, v in md5.items()))


def main() -> None:
    import window

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--scene", choices=("line", "image"), default="line")
    p.add_argument("--frames", type=int, default=60)
    a = p.parse_args()
    with window.display():
        run(a.scene, a.frames)


if __name__ == "__main__":
    main()
