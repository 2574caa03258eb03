"""A long time series in an HDF5 file and in a zarr array, drawn through its pyramid.

    python examples/bigdata/timeseries.py [out.png] [--points N]

Writes N float32 samples (default 2*10^7; LUMOS_BIGDATA_FULL=1: 10^9, 4 GB) in chunks
of 2^22, so memory never holds the series; the first plot builds the min/max pyramid
(cached in the lumos cache folder), later ones open it at once. Left: the whole series;
right: a 2 ms window of the same file (the raw samples).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import h5py
import numpy as np

import lumos

CHUNK = 1 << 22


def write_series(path: Path, n: int, rate: float) -> None:
    """A 50 Hz hum, a slow drift, noise and a few glitches, written chunk by chunk."""
    rng = np.random.default_rng(0)
    with h5py.File(path, "w") as f:
        d = f.create_dataset("signal", shape=(n,), dtype="f4", chunks=(1 << 18,))
        d.attrs["rate"] = rate
        for i in range(0, n, CHUNK):
            t = np.arange(i, min(i + CHUNK, n)) / rate
            y = (np.sin(2 * np.pi * 50 * t) + 0.3 * np.sin(2 * np.pi * t / t[-1:] * 3)
                 + 0.15 * rng.normal(size=len(t)))
            glitch = rng.random(len(t)) < 2e-7
            y[glitch] += rng.choice([-4.0, 4.0], glitch.sum())
            d[i : i + len(t)] = y.astype(np.float32)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", nargs="?", default="timeseries.png")
    full = os.environ.get("LUMOS_BIGDATA_FULL")
    ap.add_argument("--points", type=int, default=10**9 if full else 2 * 10**7)
    args = ap.parse_args()
    rate = 100_000.0
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "series.h5"
        write_series(path, args.points, rate)
        with h5py.File(path, "r") as f:
            fig, (ax0, ax1) = lumos.subplots(1, 2, figsize=(11, 3.6))
            t0 = time.perf_counter()
            (line,) = ax0.plot(f["signal"], lw=0.6)
            t1 = time.perf_counter()
            ax0.set_title(f"{args.points:.0e} samples (HDF5)")
            ax0.set_xlabel("sample")
            ax1.plot(f["signal"], lw=1.0, color="C3")
            mid = args.points // 2
            ax1.set_xlim(mid, mid + 0.002 * rate)
            ax1.set_ylim(-2, 2)
            ax1.set_title("2 ms of the same file")
            ax1.set_xlabel("sample")
            fig.savefig(args.out)
            print(f"pyramid built in {t1 - t0:.2f} s ({line.pyramid.nbytes / 1e6:.1f} MB), "
                  f"{line.visual.drawn} points drawn for the whole series -> {args.out}")


if __name__ == "__main__":
    main()
