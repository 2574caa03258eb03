"""Text in 3D: facing the screen, along a direction (zdir), and text2D in the
overlay; a parametric curve with a legend."""

import sys

import numpy as np

import lumos.pyplot as plt

ax = plt.figure().add_subplot(projection="3d")
zdirs = (None, "x", "y", "z", (1, 1, 0), (1, 1, 1))
xs = (1, 4, 4, 9, 4, 1)
ys = (2, 5, 8, 10, 1, 2)
zs = (10, 3, 8, 9, 1, 8)
for zdir, x, y, z in zip(zdirs, xs, ys, zs, strict=True):
    label = f"({x}, {y}, {z}), dir={zdir}"
    ax.text(x, y, z, label, zdir)
ax.text(9, 0, 0, "red", color="red")
ax.text2D(0.05, 0.95, "2D Text", transform=ax.transAxes)

t = np.linspace(-4 * np.pi, 4 * np.pi, 200)
r = np.linspace(0, 1, 200) * 4
ax.plot(5 + r * np.sin(t), 5 + r * np.cos(t), np.linspace(0, 10, 200), label="helix")
ax.legend(loc="upper right")
ax.set_xlim(0, 10)
ax.set_ylim(0, 10)
ax.set_zlim(0, 10)
ax.set_xlabel("X axis")
ax.set_ylabel("Y axis")
ax.set_zlabel("Z axis")
plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "text3d.png")
