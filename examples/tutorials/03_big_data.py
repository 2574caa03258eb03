"""
Big data
========

Millions of points, files larger than memory and Dask collections: lumos draws what the
screen can show — an envelope per pixel column, a count per pixel — so the cost of a
picture follows its pixels, not the data.
"""

# %%
# Level of detail: a long line
# ----------------------------
# A long x-sorted line is drawn from a min/max pyramid built once; every zoom level
# reads the level whose bins match the pixels, and no spike is lost.

import tempfile
from pathlib import Path

import h5py
import numpy as np

import lumos.pyplot as plt

rng = np.random.default_rng(0)
n = 5_000_000
y = np.sin(np.arange(n) / 50_000) + 0.1 * rng.normal(size=n)
y[rng.integers(0, n, 20)] += 3  # rare glitches: still visible in every view
fig, (ax0, ax1) = plt.subplots(1, 2, figsize=(9, 3), dpi=100)
ax0.plot(y, lw=0.6)
ax0.set_title("5 million samples")
ax1.plot(y, lw=0.6, color="C3")
ax1.set_xlim(2_000_000, 2_005_000)
ax1.set_title("zoomed: the same line object")

# %%
# Density: points counted per pixel
# ---------------------------------
# ``scatter(..., density=True)`` accumulates points on the GPU and colors the counts
# (``norm="log"`` or ``"eq_hist"`` spread them).

xy = np.concatenate([rng.normal(0, 1, (2_000_000, 2)),
                     rng.normal((3, 2), 0.3, (500_000, 2))])
fig, ax = plt.subplots(figsize=(5, 4), dpi=100)
ax.scatter(xy[:, 0], xy[:, 1], density=True, cmap="viridis", norm="log")
ax.set_title("2.5 million points")

# %%
# Data in files: HDF5 and zarr
# ----------------------------
# Hand lumos the dataset itself, not an array: it reads it chunk by chunk to build the
# pyramid (cached on disk, reused next time) and never loads it whole.

tmp = Path(tempfile.mkdtemp())
with h5py.File(tmp / "signal.h5", "w") as f:
    f.create_dataset("signal", data=y.astype(np.float32), chunks=(1 << 18,))

with h5py.File(tmp / "signal.h5", "r") as f:
    fig, ax = plt.subplots(figsize=(7, 3), dpi=100)
    ax.plot(f["signal"], lw=0.6, color="C2")
    ax.set_title("an HDF5 dataset, drawn from its pyramid")
    fig.savefig("hdf5_line.png")  # while the file is open
    plt.close(fig)

# %%
# Dask
# ----
# A Dask array (or DataFrame columns) is aggregated where it lives — on the workers of a
# cluster, or here on threads — and only the per-pixel counts come back.

import dask.array as da  # noqa: E402

x = da.from_array(xy[:, 0], chunks=500_000)
yy = da.from_array(xy[:, 1], chunks=500_000)
fig, ax = plt.subplots(figsize=(5, 4), dpi=100)
ax.scatter(x, yy, density=True, cmap="magma", norm="eq_hist")
ax.set_title("the same points as Dask arrays")
