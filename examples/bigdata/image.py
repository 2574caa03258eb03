"""An image larger than memory or a texture, drawn from its tile pyramid.

    python examples/bigdata/image.py [out.png] [--size S]

Writes an S x S float32 image (default 12000; LUMOS_BIGDATA_FULL=1: 100000, 40 GB)
to HDF5 in strips, then ``ax.imshow(dataset)``: the pyramid of 2x2 means is built once
(cached), and each view reads only its tiles at about one sample per pixel.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

import h5py
import numpy as np

import lumos


def write_image(path: Path, size: int, strip: int = 1024) -> None:
    """Interference rings with fine detail: readable at every zoom level."""
    x = np.linspace(-1, 1, size, dtype=np.float32)
    with h5py.File(path, "w") as f:
        d = f.create_dataset("frame", shape=(size, size), dtype="f4", chunks=(512, 512))
        for i in range(0, size, strip):
            y = x[i : i + strip, None]
            r = np.hypot(x[None, :], y)
            d[i : i + strip] = np.cos(60 * r) * np.exp(-2 * r) + 0.3 * np.cos(
                900 * x[None, :]) * np.cos(900 * y)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", nargs="?", default="image.png")
    full = os.environ.get("LUMOS_BIGDATA_FULL")
    ap.add_argument("--size", type=int, default=100_000 if full else 12_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "frame.h5"
        write_image(path, args.size)
        with h5py.File(path, "r") as f:
            fig, (ax0, ax1) = lumos.subplots(1, 2, figsize=(10, 4.6))
            ax0.imshow(f["frame"], cmap="magma")
            ax0.set_title(f"{args.size} x {args.size} (HDF5, tiled)")
            im = ax1.imshow(f["frame"], cmap="magma")
            c = args.size // 2
            ax1.set_xlim(c - 150, c + 150)
            ax1.set_ylim(c + 150, c - 150)
            ax1.set_title("300 x 300 samples of it")
            fig.savefig(args.out)
            print(f"{im.pyramid.levels} levels, {im.visual.loaded} tiles loaded for the "
                  f"zoom -> {args.out}")


if __name__ == "__main__":
    main()
