"""3D scatter with two marker styles, depth shading and a legend."""

import sys

import numpy as np

import lumos.pyplot as plt

rng = np.random.default_rng(19680801)


def randrange(n, vmin, vmax):
    return (vmax - vmin) * rng.random(n) + vmin


fig = plt.figure()
ax = fig.add_subplot(projection="3d")
n = 100
for m, zlow, zhigh in [("o", -50, -25), ("^", -30, -5)]:
    xs = randrange(n, 23, 32)
    ys = randrange(n, 0, 100)
    zs = randrange(n, zlow, zhigh)
    ax.scatter(xs, ys, zs, marker=m, label=f"marker {m!r}")
ax.set_xlabel("X Label")
ax.set_ylabel("Y Label")
ax.set_zlabel("Z Label")
ax.legend()
plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "scatter3d.png")
