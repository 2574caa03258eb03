"""Collections: LineCollection colored by an array, PolyCollection, PatchCollection of
circles, EventCollection, added with ax.add_collection."""

import sys

import numpy as np

import lumos.pyplot as plt
from lumos.collections import EventCollection, LineCollection, PatchCollection, PolyCollection
from lumos.patches import Circle, Wedge

rng = np.random.default_rng(1)
fig, ((ax1, ax2), (ax3, ax4)) = plt.subplots(2, 2, figsize=(9, 6.5), dpi=100)

# a line colored by a value along it: one segment per sample
x = np.linspace(0, 4 * np.pi, 300)
points = np.c_[x, np.sin(x)].reshape(-1, 1, 2)
segments = np.concatenate([points[:-1], points[1:]], axis=1)
lc = LineCollection(segments, cmap="viridis", linewidths=3, label="sin")
lc.set_array(np.cos(x[:-1]))
ax1.add_collection(lc)
fig.colorbar(lc, ax=ax1)
ax1.add_collection(LineCollection([np.c_[x, 0.5 * np.cos(x)]], colors="C3", linestyles="--",
                                  label="dashed"))
ax1.legend(loc="lower left")
ax1.set_title("LineCollection with set_array")

# regular polygons, four colors cycled, translucent
verts = []
for k, n in enumerate(range(3, 11)):
    t = np.linspace(0, 2 * np.pi, n, endpoint=False) + np.pi / 2
    verts.append(np.c_[np.cos(t), np.sin(t)] * 0.42 + (k % 4, k // 4))
pc = PolyCollection(verts, facecolors=["C0", "C1", "C2", "C3"], edgecolors="black",
                    linewidths=1, alpha=0.8, hatch="//")
ax2.add_collection(pc)
ax2.set_title("PolyCollection (hatched)")

# circles and a wedge colored through a colormap
patches = [Circle((rng.uniform(0, 10), rng.uniform(0, 10)), rng.uniform(0.3, 1.4))
           for _ in range(25)]
patches.append(Wedge((5, 5), 2.5, 20, 140))
p = PatchCollection(patches, cmap="plasma", alpha=0.85, edgecolor="black")
p.set_array(rng.uniform(0, 1, len(patches)))
ax3.add_collection(p)
ax3.set_aspect("equal")
ax3.set_title("PatchCollection")

# event times along x and along y
times = rng.exponential(1.0, 30).cumsum()
ax4.add_collection(EventCollection(times, lineoffset=2, linelength=2, color="C0"))
ax4.add_collection(EventCollection(times[::2] * 0.8, orientation="vertical", lineoffset=3,
                                   linelength=3, color="C1", linewidth=2))
ax4.set_xlim(0, 32)
ax4.set_ylim(0, 32)
ax4.set_title("EventCollection")
plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "collections_and_events.png")
