"""lumos against its peers on the same scenes, offscreen at 1600 x 1000.

    python benchmarks/peers.py [--runs 3] [--rounds 5] [--redraws 2] [--only lumos,matplotlib]

Peers: matplotlib (Agg), pyqtgraph (PySide6, QT_QPA_PLATFORM=offscreen), VisPy (EGL,
EGL_PLATFORM=surfaceless) and fastplotlib (wgpu on Vulkan: Mesa's lavapipe here).
Every library gets the same data and its plainest way to draw it:

(a) line cold: a fresh process imports the library, plots a 10^6-point random walk
    (1 px wide) and writes a PNG; wall time of the whole process.
(b) line redraw: in a warm process, ``set_data`` with new y (the walk plus noise),
    then a full redraw with the pixels in memory. pyqtgraph runs with
    ``setDownsampling(auto=True, method='peak')`` and ``setClipToView(True)``.
(c) scatter cold: 10^6 points of 3 px through viridis by a value per point, to PNG.
(d) scatter redraw: all points moved a little (``set_offsets``), then a redraw.
(g) import time of the plotting entry point, minus a bare interpreter.

Cold scenes and imports: the libraries take turns, ``--runs`` fresh processes each.
Redraw scenes: one warm process per library, all kept alive, timed in ``--rounds``
rounds; each round gives every library a block of ``--redraws`` redraws, in an order
that rotates from round to round, so that a drift of the machine's load falls on all of
them alike. A library's time is the median of its round medians; a ratio is the median
of the ratios of the same round (``redraw_ratio``), its spread the min-max over rounds.

A peer that cannot run here gets the reason in the table instead of a number.
``python benchmarks/peers.py worker LIB SCENE OUT`` is one cold measurement and
``python benchmarks/peers.py serve LIB SCENE`` a warm process for a redraw scene (both
used by the parent); they answer in JSON lines.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import queue
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

N = 1_000_000
W, H = 1600, 1000
MARKER_PX = 3.0  # scatter marker diameter in pixels, for every library
PEERS = ("matplotlib", "pyqtgraph", "vispy", "fastplotlib")
# "floor" is no peer: floor.py does each scene in raw moderngl, what this machine needs;
# "floor-data" the same without the axes (spines, ticks, labels), shown beside it
LIBS = ("lumos", "floor", "floor-data") + PEERS
# what `import` each library needs for its plots (g)
IMPORTS = {"lumos": "import lumos.pyplot", "floor": "import numpy, moderngl, freetype",
           "floor-data": "import numpy, moderngl",
           "matplotlib": "import matplotlib.pyplot",
           "pyqtgraph": "import pyqtgraph", "vispy": "import vispy.scene",
           "fastplotlib": "import fastplotlib"}
# what has to be installed for each library to run at all
MODULES = {"lumos": ["lumos"], "floor": ["moderngl", "freetype"], "floor-data": ["moderngl"],
           "matplotlib": ["matplotlib"],
           "pyqtgraph": ["pyqtgraph", "PySide6"], "vispy": ["vispy"],
           "fastplotlib": ["fastplotlib", "wgpu"]}
# headless settings each peer needs (set for every child process)
ENV = {"QT_QPA_PLATFORM": "offscreen", "EGL_PLATFORM": "surfaceless",
       "XDG_RUNTIME_DIR": tempfile.gettempdir()}


def data():
    import numpy as np

    rng = np.random.default_rng(0)
    x = np.linspace(0.0, 100.0, N)
    y = np.cumsum(rng.normal(size=N))
    sx, sy, c = rng.normal(size=N), rng.normal(size=N), rng.random(N)
    return rng, x, y, sx, sy, c


# -- one class per library: the same five operations ----------------------------------
class Lumos:
    def __init__(self) -> None:
        import lumos.pyplot as plt

        self.fig, self.ax = plt.subplots(figsize=(W / 100, H / 100), dpi=100)

    def line(self, x, y):
        (self.obj,) = self.ax.plot(x, y, lw=0.72)  # 1 px at 100 dpi

    def set_line(self, x, y):
        self.obj.set_data(x, y)

    def scatter(self, x, y, c):
        s = (MARKER_PX * 72 / 100) ** 2  # points² for a 3 px diameter
        # no edge: matplotlib's default 1 pt edge would make 4.4 px discs, the peers
        # and the floor draw 3 px
        self.obj = self.ax.scatter(x, y, c=c, s=s, cmap="viridis", linewidths=0)

    def set_scatter(self, x, y):
        import numpy as np

        self.obj.set_offsets(np.c_[x, y])

    def render(self):
        return self.fig.render()

    def save(self, path):
        self.fig.savefig(path)


class Matplotlib:
    def __init__(self) -> None:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        self.fig, self.ax = plt.subplots(figsize=(W / 100, H / 100), dpi=100)

    def line(self, x, y):
        (self.obj,) = self.ax.plot(x, y, lw=0.72)

    def set_line(self, x, y):
        self.obj.set_data(x, y)

    def scatter(self, x, y, c):
        self.obj = self.ax.scatter(x, y, c=c, s=(MARKER_PX * 72 / 100) ** 2, cmap="viridis",
                                   linewidths=0)

    def set_scatter(self, x, y):
        import numpy as np

        self.obj.set_offsets(np.c_[x, y])

    def render(self):
        self.fig.canvas.draw()
        return self.fig.canvas.buffer_rgba()

    def save(self, path):
        self.fig.savefig(path, dpi=100)


class Pyqtgraph:
    def __init__(self) -> None:
        import pyqtgraph as pg

        self.pg = pg
        self.app = pg.mkQApp()
        self.widget = pg.PlotWidget(background="w")
        self.widget.resize(W, H)
        self.widget.show()

    def line(self, x, y):
        pg = self.pg
        self.obj = self.widget.plot(x, y, pen=pg.mkPen("b", width=1))
        self.obj.setDownsampling(auto=True, method="peak")
        self.obj.setClipToView(True)

    def set_line(self, x, y):
        self.obj.setData(x, y)

    def scatter(self, x, y, c):
        pg = self.pg
        lut = pg.colormap.get("viridis").getLookupTable(nPts=256)
        # pyqtgraph takes one QBrush per point; brushes of one LUT entry are shared
        table = [pg.mkBrush(*map(int, rgb)) for rgb in lut]
        self.brushes = [table[i] for i in (c * 255.999).astype(int)]
        self.obj = pg.ScatterPlotItem(x=x, y=y, size=MARKER_PX, pen=None,
                                      brush=self.brushes, pxMode=True)
        self.widget.addItem(self.obj)

    def set_scatter(self, x, y):
        self.obj.setData(x=x, y=y, size=MARKER_PX, pen=None, brush=self.brushes)

    def render(self):
        self.app.processEvents()
        return self.widget.grab().toImage()

    def save(self, path):
        self.app.processEvents()
        self.widget.grab().save(str(path))


class Vispy:
    def __init__(self) -> None:
        import vispy

        vispy.use(app="egl")
        from vispy import scene

        self.scene = scene
        self.canvas = scene.SceneCanvas(size=(W, H), show=False, bgcolor="white")
        self.view = self.canvas.central_widget.add_view()
        self.view.camera = "panzoom"

    def _fit(self, x, y):
        self.view.camera.set_range(x=(float(x.min()), float(x.max())),
                                   y=(float(y.min()), float(y.max())))

    def line(self, x, y):
        import numpy as np

        self.obj = self.scene.Line(np.c_[x, y].astype(np.float32), color="blue", width=1,
                                   method="gl", parent=self.view.scene)
        self._fit(x, y)

    def set_line(self, x, y):
        import numpy as np

        self.obj.set_data(pos=np.c_[x, y].astype(np.float32))

    def scatter(self, x, y, c):
        import numpy as np
        from vispy.color import get_colormap

        self.colors = get_colormap("viridis").map(c)
        self.obj = self.scene.Markers(parent=self.view.scene)
        self.obj.set_data(np.c_[x, y].astype(np.float32), face_color=self.colors,
                          size=MARKER_PX, edge_width=0)
        self._fit(x, y)

    def set_scatter(self, x, y):
        import numpy as np

        self.obj.set_data(np.c_[x, y].astype(np.float32), face_color=self.colors,
                          size=MARKER_PX, edge_width=0)

    def render(self):
        return self.canvas.render()

    def save(self, path):
        from vispy.io import write_png

        write_png(str(path), self.canvas.render())


class Fastplotlib:
    def __init__(self) -> None:
        import fastplotlib as fpl

        self.fig = fpl.Figure(size=(W, H), canvas="offscreen")
        self.plot = self.fig[0, 0]

    def _fit(self):
        self.fig.show()
        self.plot.auto_scale(maintain_aspect=False)

    def line(self, x, y):
        import numpy as np

        self.obj = self.plot.add_line(np.c_[x, y].astype(np.float32), thickness=1,
                                      colors="blue")
        self._fit()

    def set_line(self, x, y):
        self.obj.data[:, 1] = y

    def scatter(self, x, y, c):
        import numpy as np

        self.obj = self.plot.add_scatter(np.c_[x, y].astype(np.float32), sizes=MARKER_PX,
                                         cmap="viridis", cmap_transform=c)
        self._fit()

    def set_scatter(self, x, y):
        import numpy as np

        self.obj.data[:, :2] = np.c_[x, y]

    def render(self):
        import numpy as np

        return np.asarray(self.fig.canvas.draw())

    def save(self, path):
        from PIL import Image

        Image.fromarray(self.render()).save(path)


def _floor(axes: bool = True):
    from floor import Floor

    return Floor(axes=axes)


CLASSES = {"lumos": Lumos, "floor": _floor, "floor-data": lambda: _floor(axes=False),
           "matplotlib": Matplotlib, "pyqtgraph": Pyqtgraph, "vispy": Vispy,
           "fastplotlib": Fastplotlib}


def _plotted(lib: str, scene: str):
    """A fresh library object with the scene's line or scatter, and the random state and
    data its redraws start from."""
    rng, x, y, sx, sy, c = data()
    p = CLASSES[lib]()
    if scene.startswith("line"):
        p.line(x, y)
    else:
        p.scatter(sx, sy, c)
    return p, rng, (x, y) if scene.startswith("line") else (sx, sy)


def worker(lib: str, scene: str, out: str) -> dict:
    """One cold measurement in this fresh process: the scene drawn to the PNG ``out``."""
    p, _, _ = _plotted(lib, scene)
    p.save(out)
    return {"ok": True}


def serve(lib: str, scene: str) -> None:
    """A warm process for a redraw scene: the plot, its first render and one untimed
    redraw (shader variants, caches), then for every line ``n`` read from stdin the wall
    times of ``n`` redraws, one JSON line each on stdout (the libraries' own output goes
    to stderr)."""
    answer = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)
    p, rng, (x, y) = _plotted(lib, scene)
    p.render()
    is_line = scene.startswith("line")
    setter = p.set_line if is_line else p.set_scatter

    def redraw() -> float:
        # new data in the range of the old, so no library needs to rescale its axes
        new = (x, y + rng.normal(size=N)) if is_line else \
            (x + 0.05 * rng.normal(size=N), y + 0.05 * rng.normal(size=N))
        start = time.perf_counter()
        setter(*new)
        p.render()
        return time.perf_counter() - start

    redraw()
    print(json.dumps({"ok": True}), file=answer)
    for request in sys.stdin:
        print(json.dumps({"times": [redraw() for _ in range(int(request))]}), file=answer)


# -- the parent: fresh processes, medians, the table -----------------------------------
def missing(lib: str) -> str | None:
    """Why ``lib`` cannot run here, or None."""
    absent = [m for m in MODULES[lib] if importlib.util.find_spec(m) is None]
    return f"not installed ({', '.join(absent)})" if absent else None


def child_env() -> dict:
    env = dict(os.environ)
    for k, v in ENV.items():
        env.setdefault(k, v)
    return env


def run_child(args: list[str], timeout: float = 600) -> tuple[float, dict | str]:
    """Wall time of a fresh process and its JSON answer (or the reason it failed)."""
    start = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, __file__, *args], capture_output=True,
                              text=True, env=child_env(), timeout=timeout)
    except subprocess.TimeoutExpired:
        return time.perf_counter() - start, f"no result in {timeout:.0f} s"
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        lines = [ln for ln in proc.stderr.strip().splitlines() if ln.strip()]
        return wall, "failed: " + (lines[-1] if lines else f"exit {proc.returncode}")[:160]
    answer = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    return wall, json.loads(answer[-1]) if answer else "no answer"


def cold_once(lib: str, scene: str, out: str) -> float | str:
    """Wall time of one fresh process drawing ``scene`` to the PNG ``out``."""
    wall, answer = run_child(["worker", lib, scene, out])
    if not isinstance(answer, dict):
        return answer
    if not Path(out).exists() or Path(out).stat().st_size == 0:
        return "failed: no PNG written"
    return wall


class Warm:
    """A library's warm process for a redraw scene (``serve``), asked for blocks of
    redraws."""

    def __init__(self, lib: str, scene: str, timeout: float = 600) -> None:
        self.timeout = timeout
        self.err = tempfile.TemporaryFile("w+")  # a file: a full pipe would block the child
        self.proc = subprocess.Popen([sys.executable, __file__, "serve", lib, scene],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self.err, text=True, env=child_env())
        self.lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def ask(self, redraws: int | None = None) -> dict | str:
        """The answer to ``redraws`` redraws (None: the ready line), or why there is none."""
        if redraws is not None:
            try:
                self.proc.stdin.write(f"{redraws}\n")
                self.proc.stdin.flush()
            except BrokenPipeError:
                pass  # the child ended: its reason is on stderr
        try:
            line = self.lines.get(timeout=self.timeout)
        except queue.Empty:
            return f"no result in {self.timeout:.0f} s"
        if line is None:
            self.proc.wait()
            self.err.seek(0)
            lines = [ln for ln in self.err.read().strip().splitlines() if ln.strip()]
            return "failed: " + (lines[-1] if lines else f"exit {self.proc.returncode}")[:160]
        return json.loads(line)

    def close(self) -> None:
        try:
            self.proc.stdin.close()
        except BrokenPipeError:
            pass
        try:
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.err.close()


def redraw_rounds(libs, scene: str, rounds: int, redraws: int,
                  log=lambda s: None) -> tuple[dict, dict]:
    """({lib: median of its round medians, or why it has none}, {lib: its round medians}).

    Every library gets one warm process (started one after the other, then all kept
    alive); each of the ``rounds`` rounds times a block of ``redraws`` redraws in every
    library, the order rotating by one library per round, so that a drift of the load
    falls on all of them alike and the ratios of one round compare like with like."""
    per: dict[str, list[float] | str] = {}
    warm: dict[str, Warm] = {}
    try:
        for lib in libs:
            warm[lib] = Warm(lib, scene)
            ready = warm[lib].ask()
            per[lib] = ready if isinstance(ready, str) else []
        for r in range(rounds):
            live = [lib for lib in libs if not isinstance(per[lib], str)]
            k = r % max(len(live), 1)
            for lib in live[k:] + live[:k]:
                answer = warm[lib].ask(redraws)
                if isinstance(answer, str):
                    per[lib] = answer
                else:
                    per[lib].append(statistics.median(answer["times"]))
            log(f"{scene}: round {r + 1} of {rounds}: " + ", ".join(
                f"{lib} {fmt(per[lib][-1] if isinstance(per[lib], list) else per[lib])}"
                for lib in libs))
    finally:
        for w in warm.values():
            w.close()
    return ({lib: v if isinstance(v, str) else statistics.median(v) for lib, v in per.items()},
            {lib: v for lib, v in per.items() if isinstance(v, list)})


def redraw_ratio(rounds: dict, a: str, b: str) -> tuple[float, float, float]:
    """Median, min and max over the rounds of ``a``'s round median / ``b``'s of the same
    round."""
    ratios = [x / y for x, y in zip(rounds[a], rounds[b], strict=True)]
    return statistics.median(ratios), min(ratios), max(ratios)


def import_once(lib: str, base: float) -> float | str:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", IMPORTS[lib]], capture_output=True,
                          text=True, env=child_env())
    if proc.returncode != 0:
        return "failed: " + proc.stderr.strip().splitlines()[-1][:160]
    return time.perf_counter() - start - base


def interleaved(libs, runs: int, once) -> dict:
    """{lib: median of ``runs`` calls of ``once(lib, i)``, or the first failure's reason}.
    The libraries take turns (lumos, floor, peer, ..., lumos, ...) so that a change in
    the machine's load during the scene falls on all of them alike."""
    times: dict[str, list[float] | str] = {lib: [] for lib in libs}
    for i in range(runs):
        for lib in libs:
            if isinstance(times[lib], str):
                continue
            t = once(lib, i)
            if isinstance(t, str):
                times[lib] = t
            else:
                times[lib].append(t)
    return {lib: t if isinstance(t, str) else statistics.median(t) for lib, t in times.items()}


# (key, scene, title, lumos / best peer must be below, kind of picture)
SCENES = [
    ("a", "line_cold", "(a) 10^6-point line, cold process → PNG", 0.5, "line"),
    ("b", "line_redraw", "(b) same line, redraw after set_data", 1.0, "line"),
    ("c", "scatter_cold", "(c) 10^6-point colormapped scatter, cold → PNG", 1.0, "scatter"),
    ("d", "scatter_redraw", "(d) same scatter, redraw after set_offsets", 1.0, "scatter"),
    ("g", "import", "(g) import time (minus bare python)", None, None),
]
FLOOR_TARGET = 1.5  # lumos / floor at most
# what a peer leaves out of the picture, said next to its time
CHEATS = {("pyqtgraph", "line"): "no AA, peak-decimated", ("pyqtgraph", "scatter"): "no AA",
          ("vispy", "line"): "GL lines, no AA"}


def measure(libs, runs: int, rounds: int, redraws: int, log=print,
            keys: str = "abcdg") -> dict:
    """{scene: {lib: seconds or reason, "load": 1-minute load average before and after,
    and for the redraw scenes "rounds": {lib: its round medians}}} for the scenes whose
    key is in ``keys``."""
    # a fair cold start: lumos's bytecode cache exists, as the peers' does after any pip
    # install (without it, with PYTHONDONTWRITEBYTECODE set, every process compiles lumos)
    subprocess.run([sys.executable, "-m", "compileall", "-q",
                    str(Path(__file__).resolve().parents[1] / "lumos")], check=True)
    results: dict[str, dict] = {}
    base = statistics.median(
        _wall([sys.executable, "-c", "pass"]) for _ in range(runs))
    with tempfile.TemporaryDirectory() as tmp:
        for key, scene, title, _, _ in SCENES:
            if key not in keys:
                continue
            load = os.getloadavg()[0]
            row = results[scene] = {lib: missing(lib) for lib in libs}
            ready = [lib for lib in libs if row[lib] is None]
            if scene == "import":
                row.update(interleaved(ready, runs, lambda lib, i: import_once(lib, base)))
            elif scene.endswith("cold"):
                row.update(interleaved(ready, runs, lambda lib, i, scene=scene: cold_once(
                    lib, scene, str(Path(tmp) / f"{lib}-{scene}-{i}.png"))))
            else:
                values, row["rounds"] = redraw_rounds(ready, scene, rounds, redraws, log)
                row.update(values)
            row["load"] = (load, os.getloadavg()[0])
            for lib in libs:
                log(f"{title}: {lib}: {fmt(row[lib])}")
    return results


def _wall(args) -> float:
    start = time.perf_counter()
    subprocess.run(args, check=True)
    return time.perf_counter() - start


def fmt(v) -> str:
    if isinstance(v, str):
        return v
    if v < 0.00995:  # 3 ms against 3.4 ms matters
        return f"{v * 1000:.1f} ms"
    return f"{v * 1000:.0f} ms" if v < 0.9995 else f"{v:.2f} s"


HEAD = ("scene", "lumos", "best peer", "floor", "lumos / best peer", "lumos / floor",
        "target", "met", "load (1 min, start → end)", "other peers")


def table_row(title: str, values: dict, *, kind: str | None = None,
              peer_target: float | None = None, floor_target: float | None = FLOOR_TARGET,
              limit: float | None = None, notes: dict | None = None,
              load: tuple[float, float] | None = None, rounds: dict | None = None) -> str:
    """One line of the table. ``values``: {lib: seconds or the reason it has none};
    ``peer_target``: lumos / best peer must be below (at most, where under 1);
    ``floor_target``: lumos / floor at most; ``limit``: lumos's time must be under;
    ``notes``: {lib: text after its time}; ``rounds``: {lib: its round medians}, where
    the libraries were timed in rounds: a ratio is then the median of the same round's
    ratios, with their min-max over the rounds. The floor without axes ("floor-data"),
    where given, is said in the floor's cell."""
    notes = dict(notes or {})
    if "floor-data" in values:
        bare = values["floor-data"]
        notes["floor"] = "; ".join(filter(None, [f"data only {fmt(bare)}", notes.get("floor")]))

    def cell(lib: str) -> str:
        v = values.get(lib)
        if v is None:
            return "–"
        text = fmt(v)
        if not isinstance(v, str):
            extra = [CHEATS.get((lib, kind)), notes.get(lib)]
            text += "".join(f" ({e})" for e in extra if e)
        return f"{lib} {text}" if lib in PEERS else text

    def timed(v) -> bool:
        return isinstance(v, (int, float))

    def ratio(a: str, b: str | None) -> tuple[float | None, str]:
        """lumos / the other: the value the targets are checked on, and its cell."""
        if b is None or not (timed(values.get(a)) and timed(values.get(b))):
            return None, "–"
        if rounds and a in rounds and b in rounds:
            mid, low, high = redraw_ratio(rounds, a, b)
            return mid, f"{mid:.2f} ({low:.2f}–{high:.2f})"
        r = values[a] / values[b]
        return r, f"{r:.2f}"

    lumos = values.get("lumos")
    peers = {k: v for k, v in values.items() if k in PEERS and timed(v)}
    best = min(peers, key=peers.get) if peers else None
    checks, targets = [], []
    to_peer, peer_ratio = ratio("lumos", best)
    to_floor, floor_ratio = ratio("lumos", "floor")
    if peer_target is not None:
        targets.append(f"{'≤' if peer_target < 1 else '<'} {peer_target} × best peer")
        if to_peer is not None:
            checks.append(to_peer <= peer_target if peer_target < 1 else to_peer < peer_target)
    if floor_target is not None:
        targets.append(f"≤ {floor_target} × floor")
        if to_floor is not None:
            checks.append(to_floor <= floor_target)
    if limit is not None:
        targets.append(f"< {fmt(limit)}")
        if timed(lumos):
            checks.append(lumos < limit)
    met = "–" if not checks else "yes" if all(checks) else "no"
    others = "; ".join(cell(k) for k in PEERS if k in values and k != best) or "–"
    cells = [title, cell("lumos"), cell(best) if best else "none measured", cell("floor"),
             peer_ratio, floor_ratio, ", ".join(targets) or "–", met,
             "–" if load is None else f"{load[0]:.1f} → {load[1]:.1f}", others]
    return "| " + " | ".join(cells) + " |"


def table(results: dict, extra: list[str] = ()) -> str:
    """The scenes of ``measure`` as rows of the table, then the ``extra`` rows."""
    rows = ["| " + " | ".join(HEAD) + " |", "|" + "---|" * len(HEAD)]
    for _, scene, title, peer_target, kind in SCENES:
        if scene not in results:
            continue
        row = results[scene]
        rows.append(table_row(title, {k: v for k, v in row.items()
                                      if k not in ("load", "rounds")},
                              kind=kind, peer_target=peer_target,
                              floor_target=None if peer_target is None else FLOOR_TARGET,
                              load=row.get("load"), rounds=row.get("rounds")))
    return "\n".join([*rows, *extra])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command")
    w = sub.add_parser("worker")
    w.add_argument("lib", choices=LIBS)
    w.add_argument("scene")
    w.add_argument("out")
    s = sub.add_parser("serve")
    s.add_argument("lib", choices=LIBS)
    s.add_argument("scene")
    parser.add_argument("--runs", type=int, default=3,
                        help="fresh processes per cold scene and library")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of the redraw scenes")
    parser.add_argument("--redraws", type=int, default=2,
                        help="redraws per round and library")
    parser.add_argument("--only", default=",".join(LIBS))
    parser.add_argument("--scenes", default="abcdg", help="keys of the scenes to run")
    args = parser.parse_args()
    if args.command == "worker":
        print(json.dumps(worker(args.lib, args.scene, args.out)))
        return
    if args.command == "serve":
        serve(args.lib, args.scene)
        return
    libs = [lib for lib in args.only.split(",") if lib]
    results = measure(libs, args.runs, args.rounds, args.redraws,
                      log=lambda s: print(s, file=sys.stderr), keys=args.scenes)
    print(table(results))


if __name__ == "__main__":
    main()
