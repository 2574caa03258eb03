"""Big data: lazy lines, Dask aggregation and memory, against peers in the same run.

    python benchmarks/bigdata.py [--line N] [--points N ...] [--memmap N] [--json]

1. A float32 time series of ``--line`` samples (default 10^8; 10^9 needs 4 GB of disk:
   ``df -h`` first) written to HDF5 in chunks: pyramid build (first open), time to
   the first 1600x1000 picture after opening with the pyramid cached, and the median
   pan/zoom frame (set_xlim + render). plotly-resampler (when installed): building its
   figure from the same data in memory, and the median update for a new x range.
2. ``--points`` (default 10^8) Gaussian points persisted on a LocalCluster (1 worker,
   2 threads, in process), aggregated to 1600x1000 over a known range: lumos.lazy
   .aggregate vs datashader's Canvas.points on the same Dask DataFrame and cluster.
3. A ``--memmap`` (default 10^8) float32 memmap line plotted and rendered in a fresh
   process: peak RSS above the baseline / input bytes (first open builds the pyramid;
   the second opens it from the cache).
Each run writes its files in a temporary folder and removes them.
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


def _status(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    return 0


def write_h5(path: Path, n: int) -> None:
    import h5py

    rng = np.random.default_rng(0)
    with h5py.File(path, "w") as f:
        d = f.create_dataset("y", shape=(n,), dtype="f4", chunks=(1 << 18,))
        for i in range(0, n, CHUNK):
            k = min(CHUNK, n - i)
            d[i : i + k] = (np.sin(np.arange(i, i + k) / 5e5) + rng.normal(size=k) * 0.1)


def line_bench(n: int, tmp: Path) -> dict:
    import h5py

    import lumos

    path = tmp / "series.h5"
    write_h5(path, n)
    out = {"samples": n}
    with h5py.File(path, "r") as f:
        t0 = time.perf_counter()
        fig, ax = lumos.subplots(figsize=(16, 10), dpi=100)
        ax.plot(f["y"])
        out["build_s"] = time.perf_counter() - t0
        plt_close = lumos.pyplot
        plt_close.close("all")
        t0 = time.perf_counter()
        fig, ax = lumos.subplots(figsize=(16, 10), dpi=100)
        (line,) = ax.plot(f["y"])
        fig.render()
        out["first_picture_cached_s"] = time.perf_counter() - t0
        frames = []
        rng = np.random.default_rng(1)
        for _ in range(20):
            a = rng.uniform(0, n * 0.9)
            w = n * 10 ** rng.uniform(-6, -0.1)
            t0 = time.perf_counter()
            ax.set_xlim(a, a + w)
            fig.render()
            frames.append(time.perf_counter() - t0)
        out["pan_zoom_frame_s"] = statistics.median(frames)
        out["pyramid_mb"] = line.pyramid.nbytes / 1e6
    try:
        import plotly.graph_objects as go
        from plotly_resampler import FigureResampler
    except ImportError:
        out["plotly_resampler"] = None
        return out
    with h5py.File(path, "r") as f:
        t0 = time.perf_counter()
        y = f["y"][:]  # plotly-resampler needs the data in memory
        fr = FigureResampler(go.Figure(), default_n_shown_samples=2000)
        fr.add_trace(go.Scattergl(), hf_y=y)
        fr._get_current_graph()  # the first (full-range) picture data
        out["plotly_resampler_first_s"] = time.perf_counter() - t0
        updates = []
        rng = np.random.default_rng(1)
        for _ in range(20):
            a = rng.uniform(0, n * 0.9)
            w = n * 10 ** rng.uniform(-6, -0.1)
            t0 = time.perf_counter()
            fr._construct_update_data({"xaxis.range[0]": a, "xaxis.range[1]": a + w})
            updates.append(time.perf_counter() - t0)
        out["plotly_resampler_update_s"] = statistics.median(updates)
    return out


def aggregate_bench(n: int) -> dict:
    import dask.array as da
    import dask.dataframe as dd
    from dask.distributed import Client, LocalCluster

    from lumos.lazy.aggregate import aggregate

    out = {"points": n}
    rng = ((-5.0, 5.0), (-5.0, 5.0))
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                      dashboard_address=None) as cluster, Client(cluster):
        chunk = 10_000_000
        xy = da.random.default_rng(0).normal(size=(n, 2), chunks=(chunk, 2))
        ddf = dd.from_dask_array(xy, columns=["x", "y"]).persist()
        ddf.x.sum().compute()  # persisted before timing
        aggregate(ddf.x.partitions[0], ddf.y.partitions[0], bins=(16, 10), range=rng)
        t0 = time.perf_counter()
        a = aggregate(ddf.x, ddf.y, bins=(1600, 1000), range=rng)
        out["lumos_s"] = time.perf_counter() - t0
        out["lumos_points_in_grid"] = a.points
        try:
            import datashader as ds
        except ImportError:
            out["datashader_s"] = None
            return out
        cvs = ds.Canvas(plot_width=1600, plot_height=1000, x_range=rng[0], y_range=rng[1])
        cvs.points(ddf.partitions[0], "x", "y")  # numba compiled before timing
        t0 = time.perf_counter()
        agg = cvs.points(ddf, "x", "y")
        out["datashader_s"] = time.perf_counter() - t0
        out["same_total"] = int(agg.values.sum()) == a.points
        out["peak_rss_mb"] = _status("VmHWM") / 1e6
    return out


_MEMMAP_CHILD = r"""
import json, sys, numpy as np
from pathlib import Path
def st(f):
    for l in Path('/proc/self/status').read_text().splitlines():
        if l.startswith(f + ':'): return int(l.split()[1]) * 1024
import lumos
fig, ax = lumos.subplots(figsize=(16, 10), dpi=100)
fig.render()
mm = np.load(sys.argv[1], mmap_mode='r')
Path('/proc/self/clear_refs').write_text('5')
base = st('VmRSS')
ax.plot(mm)
fig.render()
ax.set_xlim(len(mm) * 0.4, len(mm) * 0.41)
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
    out = {"samples": n}
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for run in ("first_open", "cached"):
        res = subprocess.run([sys.executable, "-c", _MEMMAP_CHILD, str(path)], env=env,
                             check=True, capture_output=True, text=True)
        r = json.loads(res.stdout.strip().splitlines()[-1])
        out[f"{run}_peak_mb"] = r["peak_above_baseline"] / 1e6
        out[f"{run}_ratio"] = r["peak_above_baseline"] / r["input"]
    return out


def table(results: dict) -> str:
    rows = ["| scene | lumos | peer | ratio |", "|---|---|---|---|"]
    ln = results.get("line")
    if ln:
        pr = ln.get("plotly_resampler_first_s")
        rows.append(f"| {ln['samples']:.0e}-sample HDF5 line: pyramid build (first open) | "
                    f"{ln['build_s']:.2f} s | – | – |")
        rows.append(f"| same: first 1600×1000 picture, pyramid cached | "
                    f"{ln['first_picture_cached_s']:.3f} s | "
                    + (f"{pr:.3f} s (plotly-resampler, data read into RAM) | "
                       f"{ln['first_picture_cached_s'] / pr:.2f} |" if pr else "– | – |"))
        pu = ln.get("plotly_resampler_update_s")
        rows.append(f"| same: pan/zoom frame (median of 20) | {ln['pan_zoom_frame_s']:.4f} s | "
                    + (f"{pu:.4f} s (plotly-resampler update data only) | "
                       f"{ln['pan_zoom_frame_s'] / pu:.2f} |" if pu else "– | – |"))
    for ag in results.get("aggregate", []):
        dsv = ag.get("datashader_s")
        rows.append(f"| {ag['points']:.0e} points → 1600×1000 on a LocalCluster (2 threads) | "
                    f"{ag['lumos_s']:.2f} s | "
                    + (f"{dsv:.2f} s (datashader + dask) | {ag['lumos_s'] / dsv:.2f} |"
                       if dsv else "– | – |"))
    mm = results.get("memmap")
    if mm:
        rows.append(f"| {mm['samples']:.0e}-point float32 memmap line: peak RSS / input "
                    f"(first open, builds the pyramid) | {mm['first_open_ratio']:.3f} "
                    f"({mm['first_open_peak_mb']:.0f} MB) | target ≤ 0.1 | – |")
        rows.append(f"| same, pyramid cached | {mm['cached_ratio']:.3f} "
                    f"({mm['cached_peak_mb']:.0f} MB) | target ≤ 0.1 | – |")
    return "\n".join(rows)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--line", type=int, default=10**8)
    ap.add_argument("--points", type=int, nargs="*", default=[10**8])
    ap.add_argument("--memmap", type=int, default=10**8)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    results: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["LUMOS_CACHE_DIR"] = str(Path(tmp) / "cache")  # a cold cache each run
        if args.line:
            results["line"] = line_bench(args.line, Path(tmp))
        results["aggregate"] = [aggregate_bench(n) for n in args.points]
        if args.memmap:
            results["memmap"] = memmap_bench(args.memmap, Path(tmp))
    if args.json:
        print(json.dumps(results))
    else:
        print(table(results))


if __name__ == "__main__":
    main()
