"""Points on Dask, counted per pixel on the workers of a LocalCluster.

    python examples/bigdata/density.py [out.png] [--points N]

N points (default 10^7; LUMOS_BIGDATA_FULL=1: 10^9) are generated lazily in Dask
chunks, never held whole; ``ax.scatter(x, y, density=True)`` aggregates them per view
on the cluster's workers. The same code runs on a multi-machine dask.distributed
cluster: connect a Client to it instead of the LocalCluster.
"""

from __future__ import annotations

import argparse
import os
import time

import numpy as np

import lumos


def points(n: int, chunk: int = 5_000_000):
    import dask.array as da

    def block(size, seed):
        rng = np.random.default_rng(seed)
        k = rng.integers(0, 3, size)
        centers = np.array([[0.0, 0.0], [2.5, 1.0], [-1.5, 2.0]])
        scale = np.array([[1.0, 0.5], [0.4, 0.9], [0.7, 0.3]])
        return centers[k] + rng.normal(size=(size, 2)) * scale[k]

    sizes = [min(chunk, n - i) for i in range(0, n, chunk)]
    import dask

    blocks = [da.from_delayed(dask.delayed(block)(s, i), (s, 2), float)
              for i, s in enumerate(sizes)]
    xy = da.concatenate(blocks)
    return xy[:, 0], xy[:, 1]


def main() -> None:
    from dask.distributed import Client, LocalCluster

    ap = argparse.ArgumentParser()
    ap.add_argument("out", nargs="?", default="density.png")
    full = os.environ.get("LUMOS_BIGDATA_FULL")
    ap.add_argument("--points", type=int, default=10**9 if full else 10**7)
    args = ap.parse_args()
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                      dashboard_address=None) as cluster, Client(cluster):
        x, y = points(args.points)
        x, y = x.persist(), y.persist()  # generated once on the workers, kept there
        fig, (ax0, ax1) = lumos.subplots(1, 2, figsize=(11, 4.4))
        t0 = time.perf_counter()
        ax0.scatter(x, y, density=True, cmap="inferno")
        ax0.set_title(f"{args.points:.0e} points on Dask (eq_hist)")
        pc = ax1.scatter(x, y, density=True, cmap="viridis", norm="log")
        ax1.set_xlim(2, 3)
        ax1.set_ylim(0.5, 1.5)
        ax1.set_title("zoomed: aggregated again for the view")
        fig.savefig(args.out)
        print(f"{time.perf_counter() - t0:.2f} s for both views; "
              f"{pc.visual.result.points} points in the zoomed one -> {args.out}")


if __name__ == "__main__":
    main()
