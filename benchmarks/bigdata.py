"""Big data: lazy lines, Dask aggregation and memory, against peers in the same run.

    python benchmarks/bigdata.py [--line N] [--formats h5 zarr] [--points N ...]
                                 [--memmap N] [--volume N] [--reps R] [--on-disk]
                                 [--tmp DIR] [--json]

1. A float32 time series of ``--line`` samples (default 10^8; 10^9 needs 4 GB of disk
   per format: ``df -h`` first) written in chunks to HDF5 and to zarr (``--formats``):
   the pyramid build (first open), the time to the first 1600x1000 picture after
   opening the file with the pyramid cached, and 20 pan/zoom frames (set_xlim +
   render), split into the data update (the pyramid query: what plotly-resampler's
   update does too) and the render (llvmpipe here). plotly-resampler (when installed
   and the series fits in half the free memory): the same file read into RAM (it
   needs the data in memory) and its figure's first data, then its update for the
   same 20 x ranges (data only: no browser draws it).
2. ``--points`` (default 10^8) Gaussian float32 points on a LocalCluster (1 worker, 2
   threads, in process) in a Dask DataFrame of 10^7-row partitions, aggregated to
   1600x1000 over a known range: lumos.lazy.aggregate vs datashader's Canvas.points
   on the same DataFrame and cluster, ``--reps`` times each, alternating, a new range
   each time (no result reused); medians of wall time and of process CPU time; the
   peak of what one run allocates (tracemalloc, in a run of its own). The points are
   persisted in memory when they take less than a third of the free memory, else
   (or with ``--on-disk``) written to a zarr store on disk (uncompressed) that every
   partition reads, for both.
3. A ``--memmap`` (default 10^8) float32 memmap line plotted and rendered in a fresh
   process: peak RSS above the baseline / input bytes, first open (builds the
   pyramid) and cached; beside it what does not grow with the data: importing zarr
   (the pyramid's store) and rendering the same figure with a 6400-point line.
4. A ``--volume`` (default 512) cubed float32 volume in an uncompressed zarr store
   drawn by ``ax.volume`` (mip): the first open (the brick pyramid's streaming pass),
   then with the pyramid cached in a 6-inch and a 2-inch 3D axes: time to the
   picture, the level drawn and the megabytes read from the volume itself.
Each run writes its files in a temporary folder (``--tmp``) and removes them. Every
measurement records the 1-minute load average before and after it.
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

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CHUNK = 1 << 22
PARTITION = 10_000_000
RANGE = ((-5.0, 5.0), (-5.0, 5.0))


def _status(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    return 0


def _reset_peak() -> int:
    """Reset the peak RSS (Linux) and return the RSS now."""
    Path("/proc/self/clear_refs").write_text("5")
    return _status("VmRSS")


def _load() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


def _free_bytes() -> int:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemAvailable:"):
            return int(line.split()[1]) * 1024
    return 0


def _series(i: int, k: int, rng) -> np.ndarray:
    t = np.arange(i, i + k, dtype=np.float64)
    return (np.sin(t / 5e5) + rng.normal(size=k) * 0.1 + 0.3 * np.sin(t / 3e7)).astype("f4")


def write_series(path: Path, n: int, fmt: str):
    """The series in ``fmt`` (h5 or zarr), written in chunks of CHUNK samples."""
    rng = np.random.default_rng(0)
    if fmt == "h5":
        import h5py

        with h5py.File(path, "w") as f:
            d = f.create_dataset("y", shape=(n,), dtype="f4", chunks=(1 << 18,))
            for i in range(0, n, CHUNK):
                d[i : i + min(CHUNK, n - i)] = _series(i, min(CHUNK, n - i), rng)
        return
    import zarr

    z = zarr.create_array(store=str(path), shape=(n,), chunks=(1 << 20,), dtype="f4")
    for i in range(0, n, CHUNK):
        z[i : i + min(CHUNK, n - i)] = _series(i, min(CHUNK, n - i), rng)


def open_series(path: Path, fmt: str):
    """(the array, a function closing what was opened)."""
    if fmt == "h5":
        import h5py

        f = h5py.File(path, "r")
        return f["y"], f.close
    import zarr

    return zarr.open_array(str(path), mode="r"), lambda: None


def _views(n: int) -> list[tuple[float, float]]:
    rng = np.random.default_rng(1)
    out = []
    for _ in range(20):
        a = rng.uniform(0, n * 0.9)
        out.append((a, a + n * 10 ** rng.uniform(-6, -0.1)))
    return out


def line_bench(n: int, fmt: str, tmp: Path) -> dict:
    import lumos

    path = tmp / f"series.{fmt}"
    out = {"samples": n, "format": fmt, "load_start": _load()}
    t0 = time.perf_counter()
    write_series(path, n, fmt)
    out["write_s"] = time.perf_counter() - t0
    y, close = open_series(path, fmt)
    rss0 = _reset_peak()
    t0 = time.perf_counter()
    fig, ax = lumos.subplots(figsize=(16, 10), dpi=100)
    (line,) = ax.plot(y)  # builds the pyramid into the cache folder
    out["build_s"] = time.perf_counter() - t0
    out["build_peak_mb"] = (_status("VmHWM") - rss0) / 1e6
    out["pyramid_mb"] = line.pyramid.nbytes / 1e6
    lumos.pyplot.close("all")
    close()
    out["load_build"] = _load()

    t0 = time.perf_counter()
    y, close = open_series(path, fmt)
    fig, ax = lumos.subplots(figsize=(16, 10), dpi=100)
    (line,) = ax.plot(y)
    fig.render()
    out["first_picture_s"] = time.perf_counter() - t0
    spent = []
    envelope = line.visual.envelope

    def timed(*args):  # the data update of a frame: the pyramid query
        s = time.perf_counter()
        try:
            return envelope(*args)
        finally:
            spent.append(time.perf_counter() - s)

    line.visual.envelope = timed
    frames, updates = [], []
    for a, b in _views(n):
        spent.clear()
        t0 = time.perf_counter()
        ax.set_xlim(a, b)
        fig.render()
        frames.append(time.perf_counter() - t0)
        updates.append(sum(spent))
    out["frame_s"] = statistics.median(frames)
    out["update_s"] = statistics.median(updates)
    out["render_s"] = statistics.median(f - u for f, u in zip(frames, updates, strict=True))
    lumos.pyplot.close("all")
    close()
    out["load_end"] = _load()
    out.update(resampler_bench(path, fmt, n))
    path_rm(path)
    return out


def resampler_bench(path: Path, fmt: str, n: int) -> dict:
    try:
        import plotly.graph_objects as go
        from plotly_resampler import FigureResampler
    except ImportError:
        return {"resampler": "not installed"}
    need = n * 4 * 2  # the float32 series in RAM, and room for what it builds
    if need > _free_bytes() / 2:
        return {"resampler": f"not run: needs about {need / 1e9:.0f} GB of RAM, "
                             f"{_free_bytes() / 1e9:.0f} GB free"}
    out = {"resampler_load_start": _load()}
    rss0 = _reset_peak()
    t0 = time.perf_counter()
    y, close = open_series(path, fmt)
    data = np.asarray(y[:])  # plotly-resampler needs the data in memory
    close()
    fr = FigureResampler(go.Figure(), default_n_shown_samples=2000)
    fr.add_trace(go.Scattergl(), hf_y=data)
    fr._get_current_graph()  # the first (full-range) picture's data
    out["resampler_first_s"] = time.perf_counter() - t0
    updates = []
    for a, b in _views(n):
        t0 = time.perf_counter()
        fr._construct_update_data({"xaxis.range[0]": a, "xaxis.range[1]": b})
        updates.append(time.perf_counter() - t0)
    out["resampler_update_s"] = statistics.median(updates)
    out["resampler_peak_mb"] = (_status("VmHWM") - rss0) / 1e6
    out["resampler_load_end"] = _load()
    return out


def path_rm(path: Path) -> None:
    import shutil

    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()


# -- aggregation ---------------------------------------------------------------------------
def _points_frame(n: int, tmp: Path, on_disk: bool):
    """(Dask DataFrame of float32 x, y in PARTITION-row partitions, where it lives)."""
    import dask.array as da
    import dask.dataframe as dd

    rng = da.random.default_rng(0)
    if not on_disk and n * 8 < _free_bytes() / 3:
        xy = rng.normal(size=(n, 2), chunks=(PARTITION, 2)).astype("f4")
        ddf = dd.from_dask_array(xy, columns=["x", "y"]).persist()
        ddf.x.sum().compute()  # persisted before timing
        return ddf, "in memory"
    import zarr

    store = tmp / "points.zarr"
    group = zarr.open_group(str(store), mode="w")
    for name, seed in (("x", 1), ("y", 2)):
        z = group.create_array(name, shape=(n,), chunks=(PARTITION,), dtype="f4",
                               compressors=None)
        gen = np.random.default_rng(seed)
        for i in range(0, n, PARTITION):
            k = min(PARTITION, n - i)
            z[i : i + k] = gen.standard_normal(k, dtype=np.float32)
    starts = list(range(0, n, PARTITION))
    meta = _read_points(str(store), 0, 0)
    ddf = dd.from_map(_read_points, [str(store)] * len(starts), starts,
                      [min(s + PARTITION, n) for s in starts], meta=meta,
                      enforce_metadata=False)
    return ddf, "zarr on disk (uncompressed), read by every partition"


def _read_points(store: str, start: int, stop: int):
    import pandas as pd
    import zarr

    g = zarr.open_group(store, mode="r")
    return pd.DataFrame({"x": g["x"][start:stop], "y": g["y"][start:stop]})


def aggregate_bench(n: int, reps: int, tmp: Path, on_disk: bool = False) -> dict:
    from dask.distributed import Client, LocalCluster

    from lumos.lazy import aggregate

    out = {"points": n, "load_start": _load()}
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                      dashboard_address=None) as cluster, Client(cluster):
        ddf, where = _points_frame(n, tmp, on_disk)
        out["data"] = where
        try:
            import datashader as ds
        except ImportError:
            ds = None
        # numba compiled (both) before timing, on one partition
        aggregate(ddf.x.partitions[0], ddf.y.partitions[0], bins=(16, 10), range=RANGE)
        if ds is not None:
            ds.Canvas(plot_width=16, plot_height=10, x_range=RANGE[0],
                      y_range=RANGE[1]).points(ddf.partitions[0], "x", "y")
        runs = {"lumos": [], "datashader": []}

        def run(who, rng):
            if who == "lumos":
                return aggregate(ddf.x, ddf.y, bins=(1600, 1000), range=rng).points
            cvs = ds.Canvas(plot_width=1600, plot_height=1000, x_range=rng[0], y_range=rng[1])
            return int(cvs.points(ddf, "x", "y").values.sum())

        tools = ("lumos", "datashader") if ds is not None else ("lumos",)
        for rep in range(reps):
            e = 5.0 + rep * 1e-3  # a new range each time: the scheduler keeps no result
            rng = ((-e, e), (-e, e))
            for who in tools if rep % 2 == 0 else tools[::-1]:
                load = _load()
                c0, t0 = time.process_time(), time.perf_counter()
                total = run(who, rng)
                runs[who].append({"wall": time.perf_counter() - t0,
                                  "cpu": time.process_time() - c0, "load": load,
                                  "total": total})
        # memory in a run of its own: the peak of what the run allocates (numpy arrays
        # included), every thread of the in-process cluster; tracemalloc slows Python
        # down, so it is not timed
        import tracemalloc

        for who in tools:
            tracemalloc.start()
            run(who, ((-4.0, 4.0), (-4.0, 4.0)))
            out[f"{who}_peak_mb"] = tracemalloc.get_traced_memory()[1] / 1e6
            tracemalloc.stop()
        out["process_peak_mb"] = _status("VmHWM") / 1e6
    path_rm(tmp / "points.zarr")
    for who, rs in runs.items():
        if rs:
            out[who] = {k: statistics.median(r[k] for r in rs) for k in ("wall", "cpu")}
            out[who].update(runs=rs, peak_mb=out[f"{who}_peak_mb"])
    if runs["datashader"]:
        out["same_total"] = [r["total"] for r in runs["lumos"]] == \
            [r["total"] for r in runs["datashader"]]
    out["load_end"] = _load()
    return out


# -- memmap line memory ------------------------------------------------------------------
_MEMMAP_CHILD = r"""
import json, sys, numpy as np
from pathlib import Path
def st(f):
    for l in Path('/proc/self/status').read_text().splitlines():
        if l.startswith(f + ':'): return int(l.split()[1]) * 1024
import lumos
fig, ax = lumos.subplots(figsize=(16, 10), dpi=100)
fig.render()
kind = sys.argv[2]
mm = np.load(sys.argv[1], mmap_mode='r')
small = np.sin(np.arange(6400) / 100.0).astype(np.float32)
Path('/proc/self/clear_refs').write_text('5')
base = st('VmRSS')
if kind == 'imports':
    import zarr, tqdm  # what the pyramid's store and progress bar cost to import
else:
    ax.plot(mm if kind == 'line' else small)
    fig.render()
    ax.set_xlim(len(mm) * 0.4, len(mm) * 0.41) if kind == 'line' else ax.set_xlim(100, 200)
    fig.render()
print(json.dumps({'peak_above_baseline': st('VmHWM') - base, 'input': int(mm.nbytes)}))
"""


def memmap_bench(n: int, tmp: Path) -> dict:
    path = tmp / "line.npy"
    mm = np.lib.format.open_memmap(path, mode="w+", dtype="f4", shape=(n,))
    for i in range(0, n, CHUNK):
        k = min(CHUNK, n - i)
        mm[i : i + k] = np.sin(np.arange(i, i + k) / 1e5)
    mm.flush()
    del mm
    out = {"samples": n, "load_start": _load()}
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for run, kind in (("first_open", "line"), ("cached", "line"), ("imports", "imports"),
                      ("small_line", "small")):
        res = subprocess.run([sys.executable, "-c", _MEMMAP_CHILD, str(path), kind], env=env,
                             check=True, capture_output=True, text=True)
        r = json.loads(res.stdout.strip().splitlines()[-1])
        out[f"{run}_peak_mb"] = r["peak_above_baseline"] / 1e6
        out[f"{run}_ratio"] = r["peak_above_baseline"] / r["input"]
    out["load_end"] = _load()
    path.unlink()
    return out


# -- volumes ---------------------------------------------------------------------------------
def volume_bench(n: int, tmp: Path) -> dict:
    """An n^3 float32 zarr volume drawn by ax.volume: first open (the brick pyramid's
    streaming pass), then cached, in a large and a small 3D axes: the level drawn, the
    time to the picture and the bytes read from the volume itself."""
    import zarr

    import lumos

    store = tmp / "volume.zarr"
    z = zarr.create_array(store=str(store), shape=(n, n, n), dtype="f4",
                          chunks=(64, 64, 64), compressors=None)
    g = np.linspace(-1, 1, n, dtype=np.float32)
    for k in range(0, n, 64):
        zz, yy, xx = g[k : k + 64, None, None], g[None, :, None], g[None, None, :]
        z[k : k + 64] = np.exp(-(xx**2 + yy**2 + zz**2) * 8) + 0.3 * (
            np.cos(30 * xx) * np.cos(30 * yy) > 0)
    out = {"side": n, "mb": z.nbytes / 1e6, "load_start": _load()}
    for run, inches in (("first_open", 6), ("cached", 6), ("small", 2)):
        fig = lumos.figure(figsize=(inches, inches), dpi=100)
        ax = fig.add_subplot(projection="3d")
        t0 = time.perf_counter()
        v = ax.volume(z, cmap="magma")
        fig.render()
        out[run] = {"s": time.perf_counter() - t0, "level": v.visual.level,
                    "read_mb": v.source.pyramid.source.bytes_read / 1e6}
        v.remove()
    out["load_end"] = _load()
    path_rm(store)
    return out


# -- the table -----------------------------------------------------------------------------
def _ratio(a, b) -> str:
    return f"{a / b:.2f}" if a is not None and b else "–"


def _loads(d: dict, start: str = "load_start", end: str = "load_end") -> str:
    return f"load {d[start]:.1f} → {d[end]:.1f}"


def table(results: dict) -> str:
    rows = ["| scene | lumos | peer | lumos / peer | conditions |", "|---|---|---|---|---|"]
    for ln in results.get("line", []):
        what = {"h5": "HDF5", "zarr": "zarr"}[ln["format"]]
        head = f"{ln['samples']:.0e}-sample float32 {what} series"
        cond = _loads(ln)
        rows.append(f"| {head}: pyramid build (first open) | {ln['build_s']:.1f} s, peak "
                    f"{ln['build_peak_mb']:.0f} MB, pyramid {ln['pyramid_mb']:.0f} MB "
                    f"| – | – | {_loads(ln, 'load_start', 'load_build')} |")
        pr = ln.get("resampler_first_s")
        peer = (f"{pr:.2f} s (plotly-resampler: read into RAM + first data; peak "
                f"{ln['resampler_peak_mb']:.0f} MB)") if pr else ln.get("resampler", "–")
        rc = _loads(ln, "resampler_load_start", "resampler_load_end") if pr else ""
        rows.append(f"| same: first 1600×1000 picture after opening, pyramid cached | "
                    f"{ln['first_picture_s']:.2f} s | {peer} | "
                    f"{_ratio(ln['first_picture_s'], pr)} | {cond}; {rc} |")
        pu = ln.get("resampler_update_s")
        rows.append(f"| same: pan/zoom frame, median of 20 (data update + llvmpipe render) | "
                    f"{ln['frame_s'] * 1e3:.1f} ms = {ln['update_s'] * 1e3:.1f} + "
                    f"{ln['render_s'] * 1e3:.1f} ms | "
                    + (f"{pu * 1e3:.1f} ms (plotly-resampler data update only) | "
                       f"{_ratio(ln['update_s'], pu)} (data update) |" if pu else "– | – |")
                    + f" {cond} |")
    for ag in results.get("aggregate", []):
        lm, dsr = ag.get("lumos"), ag.get("datashader")
        head = (f"{ag['points']:.0e} float32 points → 1600×1000 on a LocalCluster (1 worker, "
                f"2 threads; data {ag['data']}), median of {len(lm['runs'])}; peak: "
                f"allocated by one run (process peak {ag['process_peak_mb'] / 1e3:.1f} GB)")
        cond = _loads(ag)
        mine = f"{lm['wall']:.2f} s (CPU {lm['cpu']:.2f} s), peak {lm['peak_mb']:.0f} MB"
        if dsr:
            rows.append(f"| {head} | {mine} | {dsr['wall']:.2f} s (CPU {dsr['cpu']:.2f} s), "
                        f"peak {dsr['peak_mb']:.0f} MB (datashader + dask) | "
                        f"{_ratio(lm['wall'], dsr['wall'])} (CPU "
                        f"{_ratio(lm['cpu'], dsr['cpu'])}) | {cond}; same totals: "
                        f"{ag['same_total']} |")
        else:
            rows.append(f"| {head} | {mine} | datashader not installed | – | {cond} |")
    mm = results.get("memmap")
    if mm:
        cond = _loads(mm)
        rows.append(f"| {mm['samples']:.0e}-point float32 memmap line: peak RSS / input, "
                    f"first open (builds the pyramid) | {mm['first_open_ratio']:.3f} "
                    f"({mm['first_open_peak_mb']:.0f} MB) | target ≤ 0.1 | – | {cond} |")
        rows.append(f"| same, pyramid cached | {mm['cached_ratio']:.3f} "
                    f"({mm['cached_peak_mb']:.0f} MB) | target ≤ 0.1 | – | {cond} |")
        rows.append(f"| of which fixed: importing zarr + tqdm; the same figure with a "
                    f"6400-point line | {mm['imports_peak_mb']:.0f} MB; "
                    f"{mm['small_line_peak_mb']:.0f} MB | – | – | {cond} |")
    vol = results.get("volume")
    if vol:
        cond = _loads(vol)
        head = f"{vol['side']}³ float32 zarr volume ({vol['mb']:.0f} MB), ax.volume + render"
        for run, what in (("first_open", "6-inch axes, first open (builds the pyramid)"),
                          ("cached", "6-inch axes, pyramid cached"),
                          ("small", "2-inch axes, pyramid cached")):
            r = vol[run]
            rows.append(f"| {head}: {what} | {r['s']:.2f} s, level {r['level']}, "
                        f"{r['read_mb']:.0f} MB read from the volume | – | – | {cond} |")
    return "\n".join(rows)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--line", type=int, default=10**8)
    ap.add_argument("--formats", nargs="*", default=["h5", "zarr"], choices=["h5", "zarr"])
    ap.add_argument("--points", type=int, nargs="*", default=[10**8])
    ap.add_argument("--memmap", type=int, default=10**8)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--volume", type=int, default=512, help="side of the volume (0: none)")
    ap.add_argument("--on-disk", action="store_true",
                    help="points from a zarr store on disk whatever their size")
    ap.add_argument("--tmp", default=None, help="folder for the data files (default: $TMPDIR)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    results: dict = {}
    with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:
        os.environ["LUMOS_CACHE_DIR"] = str(Path(tmp) / "cache")  # a cold cache each run
        if args.line:
            results["line"] = [line_bench(args.line, fmt, Path(tmp)) for fmt in args.formats]
        results["aggregate"] = [aggregate_bench(n, args.reps, Path(tmp), args.on_disk)
                                for n in args.points]
        if args.memmap:
            results["memmap"] = memmap_bench(args.memmap, Path(tmp))
        if args.volume:
            results["volume"] = volume_bench(args.volume, Path(tmp))
    if args.json:
        print(json.dumps(results))
    else:
        print(table(results))


if __name__ == "__main__":
    main()
