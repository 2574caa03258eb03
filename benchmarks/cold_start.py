"""Scenes (a) and (c) cold, phase by phase, in lumos and in the floor: from ``python``
to the PNG on disk.

    python benchmarks/cold_start.py [--scene line|scatter] [--lib lumos|floor|both]
                                    [--runs 5] [--single-thread] [--cache on|off|both] [--json]

Each run is a fresh process (``worker``) that draws peers.py's 10^6-point line (or, with
``--scene scatter``, its 10^6-point scatter colored through viridis) as peers.py's
``lumos`` or ``floor`` does, and saves it, timing its phases by wrapping the functions
that do them: interpreter start, the imports, making the data, ``plot``/``scatter``
(the artist's checks, copies, colors and bounds; the floor's: its arrays), the layout
and text (lumos's ``Figure.draw``; the floor's glyph atlas and tick labels), creating
the GL context, compiling shaders, uploading (buffers and textures), drawing (making
the frame and issuing its GL calls), ``raster`` (a ``glFinish`` before the read:
llvmpipe's rasterizing, and its JIT-compiling of a program on its first draw), reading
back, encoding the PNG, the rest of ``savefig``, and the exit (interpreter and GL
teardown). Every phase gets its wall time and the process's CPU time (all threads; the
exit's from the parent's ``RUSAGE_CHILDREN``); each excludes the phases timed inside it.
``--single-thread`` sets ``LP_NUM_THREADS=0``: llvmpipe rasterizes on the calling
thread, so a phase's CPU is all of its work and moves little with the machine's load.
With ``--lib both`` the two take turns, run by run. Medians of ``--runs``, with Mesa's
disk shader cache as installed (on) and with ``MESA_SHADER_CACHE_DISABLE=true`` (off):
what the cache gives. (moderngl exposes no program binaries, so lumos cannot keep
compiled programs itself; Mesa's cache, keyed by the shader source, is what is
possible, and it is on by default.)
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PHASES = ("python", "import", "data", "plot", "layout", "context", "compile", "upload",
          "draw", "raster", "readback", "png", "rest", "exit")
LIBS = ("lumos", "floor")


class Phases:
    """Wall and CPU seconds per phase; a wrapped function's time goes to its phase less
    the time of the wrapped functions it calls."""

    def __init__(self, marks: bool = False) -> None:
        #: with ``marks``, the phase that runs after each call of ``os.getppid`` made at
        #: a phase's start and end: under ``valgrind --dump-before=getppid`` each dump
        #: holds the instructions of one such stretch (see :func:`instructions`)
        self.marks: list[str] | None = [] if marks else None
        self._names = ["worker"]
        self.wall = dict.fromkeys(PHASES, 0.0)
        self.cpu = dict.fromkeys(PHASES, 0.0)
        self.faults = dict.fromkeys(PHASES, 0)
        self._inner: list[list[float]] = []  # per depth: wall, cpu, faults of timed calls

    def add(self, phase: str, *spent: float) -> None:
        """Add (wall s, cpu s[, page faults]) to ``phase``."""
        for part, v in zip((self.wall, self.cpu, self.faults), spent, strict=False):
            part[phase] += v

    @staticmethod
    def now() -> tuple[float, float, int]:
        """(wall, CPU, page faults so far): first touches of fresh memory are a large part
        of a cold run on this kind of VM."""
        return (time.perf_counter(), time.process_time(),
                resource.getrusage(resource.RUSAGE_SELF).ru_minflt)

    @contextlib.contextmanager
    def span(self, phase: str):
        """Time the block (or a wrapped call) as ``phase``, less the spans inside it."""
        self._inner.append([0.0, 0.0, 0])
        self._names.append(phase)
        self._mark()
        start = self.now()
        try:
            yield
        finally:
            spent = [b - a for a, b in zip(start, self.now(), strict=True)]
            self._names.pop()
            self._mark()
            inner = self._inner.pop()
            self.add(phase, *(s - i for s, i in zip(spent, inner, strict=True)))
            if self._inner:
                for k, v in enumerate(spent):
                    self._inner[-1][k] += v

    def _mark(self) -> None:
        if self.marks is not None:
            self.marks.append(self._names[-1])
            os.getppid()  # a dump here (valgrind --dump-before=getppid)

    def wrap(self, owner, name: str, phase: str, before=None) -> None:
        """Time ``owner.name`` as ``phase``; ``before = (function, phase)``, if given: the
        function, called with the same arguments, runs first, timed as its phase."""
        original = getattr(owner, name)

        def wrapper(*args, **kwargs):
            if before is not None:
                with self.span(before[1]):
                    before[0](*args, **kwargs)
            with self.span(phase):
                return original(*args, **kwargs)

        setattr(owner, name, wrapper)


def _wrap_gl(phases: Phases) -> None:
    """moderngl's calls that compile, upload and read back, for both libraries; the read
    first finishes the GL work ('raster') so that it is not counted as the read."""
    import moderngl

    phases.wrap(moderngl.Context, "program", "compile")
    phases.wrap(moderngl.Context, "buffer", "upload")
    phases.wrap(moderngl.Context, "texture", "upload")
    phases.wrap(moderngl.Buffer, "write", "upload")

    def finish(fbo, *args, **kwargs) -> None:
        fbo.ctx.finish()

    for name in ("read", "read_into"):
        phases.wrap(moderngl.Framebuffer, name, "readback", before=(finish, "raster"))


def _lumos(phases: Phases, scene: str, out: str) -> None:
    with phases.span("import"):
        import lumos.pyplot as plt  # the first thing the process does

        sys.path.insert(0, str(HERE))  # peers, as the floor's import phase has it
        import peers
    from lumos.gpu import context, executor
    from lumos.io import png
    from lumos.plot import figure
    from lumos.scene import canvas

    _wrap_gl(phases)
    phases.wrap(figure.Figure, "draw", "layout")  # limits, ticks, text, batches
    phases.wrap(canvas.Canvas, "render", "draw")  # the frame and its GL calls
    phases.wrap(context.HeadlessContext, "_make_current", "context")  # made on first use
    phases.wrap(executor.ModernGLExecutor, "_program", "compile")
    phases.wrap(executor.ModernGLExecutor, "_buffer", "upload")
    phases.wrap(executor.ModernGLExecutor, "_texture", "upload")
    phases.wrap(executor.OffscreenTarget, "read", "readback")
    phases.wrap(png, "encode_png", "png")  # what savefig calls
    with phases.span("data"):
        _, x, y, sx, sy, c = peers.data()
    with phases.span("plot"):
        fig, ax = plt.subplots(figsize=(peers.W / 100, peers.H / 100), dpi=100)
        if scene == "line":
            ax.plot(x, y, lw=0.72)
        else:  # as peers.Lumos.scatter: 3 px discs, no edge
            ax.scatter(sx, sy, c=c, s=(peers.MARKER_PX * 72 / 100) ** 2, cmap="viridis",
                       linewidths=0)
    with phases.span("rest"):  # savefig's own work
        fig.savefig(out)


def _floor(phases: Phases, scene: str, out: str) -> None:
    with phases.span("import"):  # what peers.py's "floor" imports (IMPORTS)
        import freetype  # noqa: F401
        import moderngl  # noqa: F401
        import numpy  # noqa: F401

        sys.path.insert(0, str(HERE))
        import floor
        import peers
    _wrap_gl(phases)
    phases.wrap(floor, "context", "context")
    phases.wrap(floor.AxesPart, "__init__", "layout")  # the glyph atlas
    phases.wrap(floor.AxesPart, "update", "layout")  # ticks, labels, quads
    phases.wrap(floor.Floor, "paint", "draw")
    phases.wrap(floor, "encode_png", "png")
    with phases.span("data"):
        _, x, y, sx, sy, c = peers.data()
    with phases.span("plot"):
        f = floor.Floor()
        if scene == "line":
            f.line(x, y)
        else:
            f.scatter(sx, sy, c)
    with phases.span("rest"):
        f.save(out)


def worker(out: str, start: float, scene: str = "line", lib: str = "lumos",
           marks: bool = False) -> dict:
    """One cold start in this (fresh) process; ``start`` is the parent's clock when it
    launched us (time.time); ``marks``: see :class:`Phases`."""
    phases = Phases(marks)
    phases.add("python", time.time() - start, time.process_time(), Phases.now()[2])
    (_lumos if lib == "lumos" else _floor)(phases, scene, out)
    return {"phases": phases.wall, "phases_cpu": phases.cpu, "phases_faults": phases.faults,
            "end": time.time(), "end_cpu": time.process_time(), "end_faults": Phases.now()[2],
            "marks": phases.marks}


def _children() -> tuple[float, int]:
    """CPU seconds and page faults of the finished child processes."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime, r.ru_minflt


def measure(runs: int, cache: bool, scene: str = "line", libs=("lumos",),
            single_thread: bool = False) -> dict:
    """{lib: {"wall": s, "cpu": s, "faults": n, "phases": {phase: wall s}, "phases_cpu":
    {phase: cpu s}, "phases_faults": {phase: minor page faults}}}, medians of ``runs``
    fresh processes; the libraries take turns."""
    env = dict(os.environ)
    if not cache:
        env["MESA_SHADER_CACHE_DISABLE"] = "true"
    if single_thread:
        env["LP_NUM_THREADS"] = "0"
    runs_of: dict[str, list[dict]] = {lib: [] for lib in libs}
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(runs):
            for lib in libs:
                out = str(Path(tmp) / f"{lib}{i}.png")
                (cpu0, faults0), start = _children(), time.time()
                t = time.perf_counter()
                proc = subprocess.run([sys.executable, __file__, "worker", out, repr(start),
                                       scene, lib], capture_output=True, text=True, env=env,
                                      check=True)
                wall = time.perf_counter() - t
                cpu, faults = (b - a for a, b in zip((cpu0, faults0), _children(), strict=True))
                r = json.loads(proc.stdout.strip().splitlines()[-1])
                r["phases"]["exit"] = start + wall - r["end"]  # interpreter and GL teardown
                r["phases_cpu"]["exit"] = cpu - r["end_cpu"]
                r["phases_faults"]["exit"] = faults - r["end_faults"]
                runs_of[lib].append({"wall": wall, "cpu": cpu, "faults": faults, **r})
    return {lib: {**{k: statistics.median(r[k] for r in rs) for k in ("wall", "cpu", "faults")},
                  **{part: {k: statistics.median(r[part][k] for r in rs) for k in PHASES}
                     for part in ("phases", "phases_cpu", "phases_faults")}}
            for lib, rs in runs_of.items()}


def instructions(scene: str, lib: str) -> dict[str, int]:
    """Instructions of each phase of one cold start (valgrind's callgrind, all threads,
    ``LP_NUM_THREADS=0`` so that llvmpipe's work runs and is counted on the calling
    thread; Mesa's shader cache as installed): a count the machine's load does not
    move. Callgrind dumps its counts at each of the worker's phase marks, and each
    stretch goes to the phase that ran in it; the last one (the worker's return, the
    interpreter's and GL's teardown) is "exit"."""
    env = dict(os.environ, LP_NUM_THREADS="0", PYTHONHASHSEED="0", OPENBLAS_NUM_THREADS="1")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "cg.out"
        proc = subprocess.run(
            ["valgrind", "--tool=callgrind", "--dump-before=getppid",
             f"--callgrind-out-file={out}", sys.executable, __file__, "worker",
             str(Path(tmp) / "p.png"), repr(time.time()), scene, lib, "--marks"],
            capture_output=True, text=True, env=env, check=True)
        marks = json.loads(proc.stdout.strip().splitlines()[-1])["marks"]
        dumps = [Path(f"{out}.{i}") for i in range(1, len(marks) + 1)] + [out]
        counts = [int(re.search(r"^summary: (\d+)", d.read_text(), re.M).group(1))
                  for d in dumps if d.exists()]
    if len(counts) != len(marks) + 1:
        raise RuntimeError(f"{len(counts)} callgrind dumps for {len(marks)} marks")
    # a dump before each mark ends a stretch: the first is the interpreter's start, the
    # last the return and teardown; "worker" is its glue between phases
    labels = ["python", *("rest" if m == "worker" else m for m in marks[:-1]), "exit"]
    spent = dict.fromkeys(PHASES, 0)
    for label, n in zip(labels, counts, strict=True):
        spent[label] += n
    return spent


def table(result: dict) -> str:
    """A markdown table: a row per phase, a column per library and cache setting: wall
    ms / CPU ms / thousands of page faults."""
    cols = [(cache, lib) for cache in result for lib in result[cache]]
    rows = ["| phase | " + " | ".join(f"{lib}, cache {cache}: wall / CPU ms / k faults"
                                      for cache, lib in cols) + " |",
            "|---" * (len(cols) + 1) + "|"]
    for k in ("all", *PHASES):
        cells = []
        for cache, lib in cols:
            r = result[cache][lib]
            w, c, f = (r["wall"], r["cpu"], r["faults"]) if k == "all" else \
                (r["phases"][k], r["phases_cpu"][k], r["phases_faults"][k])
            cells.append(f"{1000 * w:.0f} / {1000 * c:.0f} / {f / 1000:.1f}")
        rows.append(f"| {k} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command")
    w = sub.add_parser("worker")
    w.add_argument("out")
    w.add_argument("start", type=float)
    w.add_argument("scene", nargs="?", default="line", choices=("line", "scatter"))
    w.add_argument("lib", nargs="?", default="lumos", choices=LIBS)
    w.add_argument("--marks", action="store_true")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--scene", default="line", choices=("line", "scatter"))
    p.add_argument("--lib", default="lumos", choices=(*LIBS, "both"))
    p.add_argument("--cache", default="both", choices=("on", "off", "both"),
                   help="Mesa's disk shader cache: as installed (on), disabled, or both")
    p.add_argument("--single-thread", action="store_true",
                   help="LP_NUM_THREADS=0: llvmpipe's work on the calling thread")
    p.add_argument("--instructions", action="store_true",
                   help="instructions per phase instead of times (callgrind; one run)")
    p.add_argument("--json", action="store_true")
    a = p.parse_args()
    libs = LIBS if a.lib == "both" else (a.lib,)
    if a.command == "worker":
        print(json.dumps(worker(a.out, a.start, a.scene, a.lib, a.marks)))
        return
    if a.instructions:
        counts = {lib: instructions(a.scene, lib) for lib in libs}
        if a.json:
            print(json.dumps(counts))
            return
        print("| phase | " + " | ".join(f"{lib}, M instructions" for lib in libs) + " |")
        print("|---" * (len(libs) + 1) + "|")
        for k in ("all", *PHASES):
            print(f"| {k} | " + " | ".join(
                f"{(sum(c.values()) if k == 'all' else c[k]) / 1e6:.0f}"
                for c in counts.values()) + " |")
        return
    caches = {"on": (True,), "off": (False,), "both": (True, False)}[a.cache]
    result = {("on" if cache else "off"): measure(a.runs, cache, a.scene, libs,
                                                  a.single_thread)
              for cache in caches}
    print(json.dumps(result) if a.json else table(result))


if __name__ == "__main__":
    main()
