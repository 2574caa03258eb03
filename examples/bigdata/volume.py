"""A volume larger than what is drawn, read from its brick pyramid at the view's level.

    python examples/bigdata/volume.py [out.png] [--size S]

Writes an S^3 float32 volume (default 256, 64 MB; LUMOS_BIGDATA_FULL=1: 1024, 4 GB)
to zarr in slabs, then ``ax.volume(array)`` on two 3D axes: the pyramid of 2x2x2
means is built once (cached), and each axes reads the level its pixels need: the
small one a coarse level, the large one a finer one (at most ``max_bytes`` of texels).
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

import numpy as np
import zarr

import lumos


def write_volume(path: Path, size: int, slab: int = 32):
    """Two blobs and a shell of rings: detail at every level."""
    z = zarr.create_array(store=path, shape=(size,) * 3, dtype="f4",
                          chunks=(64, 64, 64))
    g = np.linspace(-1, 1, size, dtype=np.float32)
    for k in range(0, size, slab):
        zz = g[k : k + slab, None, None]
        yy, xx = g[None, :, None], g[None, None, :]
        r = np.sqrt(xx**2 + yy**2 + zz**2)
        shell = np.exp(-((r - 0.8) ** 2) * 400) * (0.5 + 0.5 * np.cos(40 * zz))
        blob = np.exp(-((xx - 0.3) ** 2 + yy**2 + (zz + 0.2) ** 2) * 20)
        dot = 0.6 * np.exp(-((xx + 0.4) ** 2 + (yy - 0.3) ** 2 + (zz - 0.3) ** 2) * 150)
        z[k : k + slab] = (0.6 * shell + blob + dot).astype(np.float32)
    return z


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", nargs="?", default="volume.png")
    full = os.environ.get("LUMOS_BIGDATA_FULL")
    ap.add_argument("--size", type=int, default=1024 if full else 256)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        z = write_volume(Path(tmp) / "scan.zarr", args.size)
        fig, axes = lumos.subplots(1, 2, figsize=(10, 4.6), width_ratios=(1, 3),
                                   subplot_kw={"projection": "3d"})
        vols = [ax.volume(z, cmap="inferno") for ax in axes]  # the 2nd: pyramid cached
        axes[1].set_title(f"{args.size}^3 float32 (zarr), each axes at its level")
        fig.savefig(args.out)
        for name, v in zip(("small", "large"), vols, strict=True):
            print(f"{name} axes: level {v.visual.level}, "
                  f"{v.source.pyramid.source.bytes_read / 2**20:.0f} MB of the "
                  f"{z.nbytes / 2**20:.0f} MB read")
        print(f"-> {args.out}")

if __name__ == "__main__":
    main()
