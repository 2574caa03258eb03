"""A live plot following an HDF5 file an acquisition appends to (SWMR).

    python examples/bigdata/stream.py [out.png] [--rows N]

A writer fills an 8-channel dataset block by block (N rows in all, default 2*10^6;
LUMOS_BIGDATA_FULL=1: 10^8, 3.2 GB); the stream follows it from a reader handle:
``s.follow(dataset)`` reads the newest rows it keeps, each ``s.poll()`` (from a timer
in a window) the rows appended since, and never more than the stream keeps.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

import h5py
import numpy as np

import lumos

CHANNELS = 8


def block(start: int, rows: int) -> np.ndarray:
    t = np.arange(start, start + rows)[:, None] / 2000.0
    c = np.arange(CHANNELS)
    out = np.sin(2 * np.pi * (1 + c) * t) + 0.2 * np.sin(2 * np.pi * 50 * t + c)
    return out.astype(np.float32)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", nargs="?", default="stream.png")
    full = os.environ.get("LUMOS_BIGDATA_FULL")
    ap.add_argument("--rows", type=int, default=10**8 if full else 2 * 10**6)
    args = ap.parse_args()
    step = 250_000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "acq.h5"
        with h5py.File(path, "w", libver="latest") as w:
            ds = w.create_dataset("adc", shape=(0, CHANNELS), maxshape=(None, CHANNELS),
                                  dtype="f4", chunks=(8192, CHANNELS))
            w.swmr_mode = True
            with h5py.File(path, "r", swmr=True) as r:
                fig, ax = lumos.subplots(figsize=(8, 4.5))
                s = ax.stream(CHANNELS, capacity=20_000, dt=1 / 2000.0, stacked=True)
                s.follow(r["adc"])
                for start in range(0, args.rows, step):  # the acquisition, and a timer
                    rows = min(step, args.rows - start)
                    ds.resize((start + rows, CHANNELS))
                    ds[start:] = block(start, rows)
                    ds.flush()
                    s.poll()
                ax.set_title(f"the newest 20000 of {s.count} rows (HDF5, SWMR)")
                ax.set_xlabel("time (s)")
                fig.savefig(args.out)
                print(f"{s.feed.rows_read} of {s.count} rows read -> {args.out}")


if __name__ == "__main__":
    main()
