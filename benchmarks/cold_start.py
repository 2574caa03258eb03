"""Scenes (a) and (c) cold, phase by phase: from ``python`` to the PNG on disk.

    python benchmarks/cold_start.py [--scene line|scatter] [--runs 5] [--json]

Each run is a fresh process (``worker``) that draws peers.py's 10^6-point line (or,
with ``--scene scatter``, its 10^6-point colormapped scatter, as peers.Lumos does) and
saves it, timing its phases by wrapping the functions that do them: interpreter start,
``import lumos.pyplot``, making the data, ``plot`` (the artist's copy and bounds), the
figure's layout and text, creating the GL context, compiling shaders, uploading,
drawing (what GL does until the pixels are read), reading back, encoding and writing
the PNG, the rest of ``savefig``, and the exit (interpreter and GL teardown). Medians
of ``--runs``, with Mesa's disk shader cache as installed (on) and with
``MESA_SHADER_CACHE_DISABLE=true``: what the cache gives. (moderngl exposes no program
binaries, so lumos cannot keep compiled programs itself; Mesa's cache, keyed by the
shader source, is what is possible, and it is on by default.)
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PHASES = ("python", "import", "data", "plot", "layout", "context", "compile", "upload",
          "draw", "readback", "png", "rest", "exit")


def worker(out: str, start: float, scene: str = "line") -> dict:
    """One cold start in this (fresh) process; ``start`` is the parent's clock when it
    launched us (time.time). Each phase's time excludes the phases timed inside it."""
    spent = dict.fromkeys(PHASES, 0.0)
    spent["python"] = time.time() - start
    t = time.perf_counter()
    import lumos.pyplot as plt  # the first thing the process does

    spent["import"] = time.perf_counter() - t
    from lumos.gpu import context, executor
    from lumos.io import png
    from lumos.plot import figure
    from lumos.scene import canvas

    inner: list[float] = []  # time of timed calls inside the running one, per depth

    def timed(owner, name: str, phase: str) -> None:
        original = getattr(owner, name)

        def wrapper(*args, **kwargs):
            inner.append(0.0)
            t0 = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                elapsed = time.perf_counter() - t0
                spent[phase] += elapsed - inner.pop()
                if inner:
                    inner[-1] += elapsed

        setattr(owner, name, wrapper)

    timed(figure.Figure, "draw", "layout")  # limits, ticks, text, batches
    timed(canvas.Canvas, "render", "draw")  # the frame, GL (and llvmpipe JIT-compiling
    # shaders on their first draw) until the pixels are read
    timed(context.HeadlessContext, "_make_current", "context")  # made on first use
    timed(executor.ModernGLExecutor, "_program", "compile")
    timed(executor.ModernGLExecutor, "_buffer", "upload")
    timed(executor.ModernGLExecutor, "_texture", "upload")
    timed(executor.OffscreenTarget, "read", "readback")
    timed(png, "write_png", "png")  # encoded a band of rows at a time as it is written
    t = time.perf_counter()
    sys.path.insert(0, str(HERE))
    import peers

    _, x, y, sx, sy, c = peers.data()
    spent["data"] = time.perf_counter() - t
    t = time.perf_counter()
    fig, ax = plt.subplots(figsize=(peers.W / 100, peers.H / 100), dpi=100)
    if scene == "line":
        ax.plot(x, y, lw=0.72)
    else:  # as peers.Lumos.scatter: 3 px discs, no edge
        ax.scatter(sx, sy, c=c, s=(peers.MARKER_PX * 72 / 100) ** 2, cmap="viridis",
                   linewidths=0)
    spent["plot"] = time.perf_counter() - t
    t = time.perf_counter()
    fig.savefig(out)
    timed_inside = sum(spent[k] for k in ("layout", "context", "compile", "upload", "draw",
                                          "readback", "png"))
    spent["rest"] = time.perf_counter() - t - timed_inside  # savefig's own work
    spent["end"] = time.time()  # the parent adds "exit": from here to the process's end
    return spent


def measure(runs: int, cache: bool, scene: str = "line") -> dict:
    env = dict(os.environ)
    if not cache:
        env["MESA_SHADER_CACHE_DISABLE"] = "true"
    phases: dict[str, list[float]] = {k: [] for k in PHASES}
    walls = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(runs):
            out = str(Path(tmp) / f"a{i}.png")
            start = time.time()
            t = time.perf_counter()
            proc = subprocess.run([sys.executable, __file__, "worker", out, repr(start), scene],
                                  capture_output=True, text=True, env=env, check=True)
            walls.append(time.perf_counter() - t)
            spent = json.loads(proc.stdout.strip().splitlines()[-1])
            spent["exit"] = start + walls[-1] - spent["end"]  # interpreter and GL teardown
            for k in PHASES:
                phases[k].append(spent[k])
    return {"wall": statistics.median(walls),
            **{k: statistics.median(v) for k, v in phases.items()}}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command")
    w = sub.add_parser("worker")
    w.add_argument("out")
    w.add_argument("start", type=float)
    w.add_argument("scene", nargs="?", default="line", choices=("line", "scatter"))
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--scene", default="line", choices=("line", "scatter"))
    p.add_argument("--json", action="store_true")
    a = p.parse_args()
    if a.command == "worker":
        print(json.dumps(worker(a.out, a.start, a.scene)))
        return
    result = {"cache": measure(a.runs, True, a.scene),
              "no_cache": measure(a.runs, False, a.scene)}
    if a.json:
        print(json.dumps(result))
        return
    for name, r in result.items():
        parts = ", ".join(f"{k} {1000 * r[k]:.0f}" for k in PHASES)
        print(f"{name}: {1000 * r['wall']:.0f} ms in all: {parts} (ms)")


if __name__ == "__main__":
    main()
