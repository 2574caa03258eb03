"""A scatter plot: colors from a colormap, sizes in points², and a colorbar."""

import sys

import numpy as np

import lumos.pyplot as plt

rng = np.random.default_rng(3)
x = rng.normal(size=400)
y = 0.6 * x + rng.normal(scale=0.6, size=400)
c = np.hypot(x, y)
fig, ax = plt.subplots(figsize=(6, 4.5), dpi=100)
sc = ax.scatter(x, y, c=c, s=10 + 30 * c, cmap="plasma", alpha=0.8)
fig.colorbar(sc, ax=ax, label="distance from origin")
ax.set_xlabel("x")
ax.set_ylabel("y")
ax.set_title("Scatter with a colormap")
plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "scatter.png")
