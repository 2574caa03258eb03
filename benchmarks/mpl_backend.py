"""matplotlib figures drawn by lumos's backend against matplotlib's own backends.

    python benchmarks/mpl_backend.py [--redraws 5] [--only lumos,agg] [--json]

Scenes (figures of 16 x 10 inches at 100 dpi, 1600 x 1000 pixels, built with
matplotlib's API):

- line: a 10^6-point random walk, 1 pt wide;
- scatter: 10^6 points colored through viridis by a value per point;
- pcolormesh: a 1000 x 1000 mesh;
- subplots: 200 axes (20 x 10), each with a 50-point line, a title and axis labels.

Backends: lumos (``module://lumos.mpl_backend``), Agg, QtAgg with
``QT_QPA_PLATFORM=offscreen`` (Agg's draw plus Qt's paint of the buffer) and mplcairo
when it is installed (it needs pycairo, which has no Linux wheel). For each scene and
backend, in a fresh process: **first** is the first savefig to PNG after the figure is
built (setup of the backend included); **savefig** the median of further savefigs;
**redraw** the median of redraws after panning the axes by a tenth of their width
(``draw`` with the pixels in memory). The machine is shared: the backends run in turn,
``--rounds`` times, and each measure keeps its best round. For lumos, ``window`` is the
median frame of a drag in its GLFW window under Xvfb (matplotlib's pan, its draw, the
GPU frame) for the line scene. ``python benchmarks/mpl_backend.py worker BACKEND SCENE`` is one
measurement; it prints one JSON line.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCENES = ("line", "scatter", "pcolormesh", "subplots")
BACKENDS = {"lumos": "module://lumos.mpl_backend", "agg": "agg", "qtagg": "qtagg",
            "mplcairo": "module://mplcairo.base"}
NEEDS = {"qtagg": ["PySide6"], "mplcairo": ["mplcairo"]}
BIG_SCENES = ("line", "scatter", "pcolormesh")  # target: >= 10x faster than Agg


def build(scene: str):
    import matplotlib.pyplot as plt
    import numpy as np

    rng = np.random.default_rng(0)
    if scene == "subplots":
        fig, axs = plt.subplots(20, 10, figsize=(16, 10), dpi=100)
        x = np.linspace(0, 1, 50)
        for k, ax in enumerate(axs.flat):
            ax.plot(x, np.sin(6 * x + k))
            ax.set_title(f"axes {k}", fontsize=5)
            ax.set_xlabel("x", fontsize=4)
            ax.set_ylabel("y", fontsize=4)
            ax.tick_params(labelsize=4)
        return fig, axs.flat[0]
    fig, ax = plt.subplots(figsize=(16, 10), dpi=100)
    n = 1_000_000
    if scene == "line":
        ax.plot(np.arange(n, dtype=float), np.cumsum(rng.standard_normal(n)), lw=1)
    elif scene == "scatter":
        ax.scatter(rng.standard_normal(n), rng.standard_normal(n), c=rng.uniform(size=n),
                   s=4, cmap="viridis")
    elif scene == "pcolormesh":
        ax.pcolormesh(rng.standard_normal((1000, 1000)), cmap="viridis")
    return fig, ax


def worker(backend: str, scene: str, redraws: int) -> dict:
    import matplotlib

    if backend == "qtagg":  # matplotlib wants Qt's application before a Qt backend
        from PySide6 import QtWidgets

        app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])  # noqa: F841
    matplotlib.use(BACKENDS[backend])
    import numpy as np

    fig, ax = build(scene)
    canvas = fig.canvas

    def pixels():
        if backend == "lumos":
            return canvas.render_pixels()
        if backend == "qtagg":
            from matplotlib.backends.qt_compat import QtWidgets

            canvas.repaint()  # Qt paints Agg's buffer
            QtWidgets.QApplication.processEvents()
        return np.asarray(canvas.buffer_rgba())

    t = time.perf_counter()
    fig.savefig(io.BytesIO(), format="png")
    first = time.perf_counter() - t
    saves = []
    for _ in range(redraws):
        t = time.perf_counter()
        fig.savefig(io.BytesIO(), format="png")
        saves.append(time.perf_counter() - t)
    x0, x1 = ax.get_xlim()
    step = (x1 - x0) / 10
    draws = []
    for k in range(1, redraws + 1):
        ax.set_xlim(x0 + k * step, x1 + k * step)
        t = time.perf_counter()
        canvas.draw()
        pixels()
        draws.append(time.perf_counter() - t)
    return {"first": first, "savefig": statistics.median(saves),
            "redraw": statistics.median(draws)}


def window_worker(frames: int) -> dict:
    """Frames of a drag over the line scene in lumos's window (run under Xvfb): every
    frame, and apart those where matplotlib drew (the others move cameras only)."""
    import matplotlib

    matplotlib.use(BACKENDS["lumos"])
    import matplotlib.pyplot as plt

    fig, ax = build("line")
    plt.show(block=False)
    win = fig.canvas.manager.window
    win.draw()
    it = win.interaction
    w, h = win.size
    canvas = fig.canvas
    draws = []
    draw = canvas.draw

    def counted(*args, **kwargs):
        draws.append(1)
        return draw(*args, **kwargs)

    canvas.draw = counted
    it.press(w / 2, h / 2, 1)
    rows = []
    for k in range(1, frames + 4):
        n = len(draws)
        t = time.perf_counter()
        it.move(w / 2 - 6 * k, h / 2)
        win.draw()
        rows.append((time.perf_counter() - t, len(draws) > n))
    it.release(w / 2 - 6 * k, h / 2, 1)
    rows = rows[3:]
    full = [t for t, drew in rows if drew]
    cam = [t for t, drew in rows if not drew]
    return {"window": statistics.median(t for t, _ in rows), "size": [w, h],
            "full": statistics.median(full) if full else None,
            "camera": statistics.median(cam) if cam else None}


def run(args: list[str], env: dict | None = None, timeout: float = 900,
        prefix: tuple = ()) -> dict:
    r = subprocess.run([*prefix, sys.executable, str(Path(__file__)), *args],
                       capture_output=True, text=True, timeout=timeout, env=env)
    if r.returncode != 0:
        tail = (r.stderr.strip().splitlines() or ["exit " + str(r.returncode)])[-1]
        return {"error": tail[:120]}
    return json.loads(r.stdout.strip().splitlines()[-1])


def available(backend: str) -> str | None:
    for m in NEEDS.get(backend, []):
        if importlib.util.find_spec(m) is None:
            why = " (pycairo has no Linux wheel)" if backend == "mplcairo" else ""
            return f"{m} not installed{why}"
    return None


def measure(backends, redraws: int, rounds: int = 2, log=print) -> dict:
    """Each scene in every backend, ``rounds`` times interleaved (lumos, Agg, ...,
    lumos, Agg, ...): the machine is shared, so each measure keeps its best round."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("DISPLAY", None)
    results: dict = {}
    for scene in SCENES:
        for _ in range(rounds):
            for b in backends:
                why = available(b)
                r = {"error": why} if why else run(["worker", b, scene, str(redraws)], env)
                log(f"{scene:10s} {b:8s} {r}")
                old = results.get((b, scene))
                if old is None or "error" in old:
                    results[(b, scene)] = r
                elif "error" not in r:
                    results[(b, scene)] = {k: min(old[k], r[k]) for k in old}
    if "lumos" in backends:
        xvfb = shutil.which("xvfb-run")
        if os.environ.get("DISPLAY"):
            results["window"] = run(["window", "30"])
        elif xvfb is not None:
            results["window"] = run(["window", "30"], prefix=(
                xvfb, "-a", "-s", "-screen 0 1920x1200x24"))
        else:
            results["window"] = {"error": "no display and no xvfb-run"}
        log(f"window     lumos    {results['window']}")
    return results


def _fmt(v: float) -> str:
    return f"{v * 1000:.0f} ms" if v < 1 else f"{v:.2f} s"


def table(results: dict, backends) -> str:
    rows = ["| scene | measure | " + " | ".join(backends) + " | lumos / Agg |",
            "|---|---|" + "---|" * (len(backends) + 1)]
    for scene in SCENES:
        for what in ("first", "savefig", "redraw"):
            cells = []
            for b in backends:
                r = results.get((b, scene), {})
                cells.append(r["error"] if "error" in r else _fmt(r[what]))
            lum, agg = results.get(("lumos", scene), {}), results.get(("agg", scene), {})
            ratio = f"{lum[what] / agg[what]:.2f}" if what in lum and what in agg else "–"
            rows.append(f"| {scene} | {what} | " + " | ".join(cells) + f" | {ratio} |")
    w = results.get("window")
    if w:
        cell = w["error"] if "error" in w else (
            f"{_fmt(w['window'])} per frame ({w['size'][0]}×{w['size'][1]} window; "
            f"frames matplotlib drew {'–' if w['full'] is None else _fmt(w['full'])}, "
            f"camera-only frames {'–' if w['camera'] is None else _fmt(w['camera'])})")
        rows.append(f"| line | pan frame in the window | {cell} |" + " – |" * len(backends))
    return "\n".join(rows)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("mode", nargs="?", default="all")
    p.add_argument("rest", nargs="*")
    p.add_argument("--redraws", type=int, default=5)
    p.add_argument("--rounds", type=int, default=2)
    p.add_argument("--only", default=",".join(BACKENDS))
    p.add_argument("--json", action="store_true")
    a = p.parse_args()
    if a.mode == "worker":
        backend, scene, redraws = a.rest
        print(json.dumps(worker(backend, scene, int(redraws))))
        return
    if a.mode == "window":
        print(json.dumps(window_worker(int(a.rest[0]) if a.rest else 12)))
        return
    backends = [b for b in BACKENDS if b in a.only.split(",")]
    res = measure(backends, a.redraws, a.rounds, log=lambda s: print(s, file=sys.stderr))
    if a.json:
        print(json.dumps({f"{k[0]}:{k[1]}" if isinstance(k, tuple) else k: v
                          for k, v in res.items()}))
    else:
        print(table(res, backends))


if __name__ == "__main__":
    main()
