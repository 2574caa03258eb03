"""3D bars: bar3d with and without shading, and 2D bars in planes (zs, zdir)."""

import sys

import numpy as np

import lumos.pyplot as plt

fig = plt.figure(figsize=(9, 4.5))
ax1 = fig.add_subplot(121, projection="3d")
_x, _y = np.arange(4), np.arange(5)
_xx, _yy = np.meshgrid(_x, _y)
x, y = _xx.ravel(), _yy.ravel()
top = x + y
ax1.bar3d(x, y, np.zeros_like(top), 1, 1, top, shade=True)
ax1.set_title("bar3d, shaded")

ax2 = fig.add_subplot(122, projection="3d")
rng = np.random.default_rng(19680801)
colors = ["r", "g", "b", "y"]
yticks = [3, 2, 1, 0]
for c, k in zip(colors, yticks, strict=True):
    xs = np.arange(20)
    ys = rng.random(20)
    cs = [c] * len(xs)
    cs[0] = "c"
    ax2.bar(xs, ys, zs=k, zdir="y", color=cs, alpha=0.8)
ax2.set_xlabel("X")
ax2.set_ylabel("Y")
ax2.set_zlabel("Z")
ax2.set_yticks(yticks)
ax2.set_title("bar(zs=, zdir='y')")
plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "bars3d.png")
