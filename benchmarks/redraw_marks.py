"""Instructions of each part of scene (b)'s redraw (the 10^6-point line after
``set_data``), lumos's and the floor's: ``os.getppid()`` marks around the parts, for
callgrind's ``--dump-before=getppid`` (the load does not move instructions).

    REDRAW_MARKS_OUT=OUT LP_NUM_THREADS=0 valgrind --tool=callgrind \\
        --dump-before=getppid --callgrind-out-file=OUT/cg.out \\
        python benchmarks/redraw_marks.py lumos|floor
    python benchmarks/redraw_marks.py --table OUT

Parts marked: lumos's ``Line2D.set_data``, ``Figure.draw``, ``Canvas.frame``,
``ModernGLExecutor.render``, ``OffscreenTarget.read`` and ``ModernGLExecutor.flush``
(since stop 35 a render makes and draws its axes' views inside ``Figure.draw`` and
flushes them before the decorations: with ``LP_NUM_THREADS=0`` llvmpipe rasterizes them
in that flush); the floor's ``set_line`` and ``paint`` (its ``glFinish`` and
read follow the paint). ``--table`` prints the millions of instructions of every
interval of the last redraw (of 5, after a warm-up render), each named by the marks
that open and close it, and their sum.
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

REDRAWS = 5
_NAMES = {"lumos": ("set_data", "Figure.draw", "Canvas.frame", "executor", "read", "flush"),
          "floor": ("set_line", "paint")}


def _marked(owner, name: str, label: str, log: list) -> None:
    """``owner.name`` with a mark before and after, named in ``log``."""
    f = getattr(owner, name)

    def wrapper(*args, **kwargs):
        log.append(f"{label} start")
        os.getppid()
        try:
            return f(*args, **kwargs)
        finally:
            log.append(f"{label} end")
            os.getppid()

    setattr(owner, name, wrapper)


def run(lib: str) -> list[str]:
    """The redraws with their marks; the name of every mark, in order."""
    import peers

    rng, x, y, *_ = peers.data()
    p = peers.CLASSES[lib]()
    p.line(x, y)
    p.render()
    log: list[str] = []
    if lib == "lumos":
        from lumos.gpu.executor import ModernGLExecutor, OffscreenTarget

        owners = (type(p.obj), type(p.fig), type(p.fig.canvas), ModernGLExecutor,
                  OffscreenTarget, ModernGLExecutor)
        methods = ("set_data", "draw", "frame", "render", "read", "flush")
    else:
        from floor import Floor

        owners, methods = (Floor, Floor), ("set_line", "paint")
    for owner, method, label in zip(owners, methods, _NAMES[lib], strict=True):
        if hasattr(owner, method):  # flush: since stop 35
            _marked(owner, method, label, log)
    news = [y + rng.normal(size=peers.N) for _ in range(REDRAWS)]
    for new in news:
        log.append("redraw")
        os.getppid()
        p.set_line(x, new)
        p.render()
    log.append("exit")
    os.getppid()
    return log


def table(folder: str) -> None:
    """Print the last redraw's intervals from the dumps in ``folder`` (cg.out.N) and the
    mark names the run wrote (marks.txt)."""
    names = Path(folder, "marks.txt").read_text().split("\n")
    files = sorted(glob.glob(f"{folder}/cg.out.*"), key=lambda f: int(f.rsplit(".", 1)[1]))
    totals = []
    for name in files[1:]:  # cg.out.1: the start up to the first mark
        with open(name) as f:
            totals.append(next(int(line.split()[1]) for line in f
                               if line.startswith(("summary:", "totals:"))) / 1e6)
    last = max(i for i, n in enumerate(names) if n == "redraw")
    rows = [(f"{names[i]} -> {names[i + 1]}", totals[i]) for i in range(last, len(names) - 1)]
    for label, m in rows:
        print(f"{m:9.3f} M  {label}")
    print(f"{sum(m for _, m in rows):9.3f} M  the redraw")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("lib", nargs="?", choices=("lumos", "floor"))
    ap.add_argument("--table", metavar="FOLDER", help="print the dumps of a run")
    a = ap.parse_args()
    if a.table:
        table(a.table)
        return
    if a.lib is None:
        ap.error("lumos or floor (or --table FOLDER)")
    names = run(a.lib)
    out = os.environ.get("REDRAW_MARKS_OUT")  # the dumps' folder: the names go there
    if out:
        Path(out, "marks.txt").write_text("\n".join(names))


if __name__ == "__main__":
    main()
