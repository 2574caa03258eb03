"""A 3D surface colored by height, with a colorbar (mplot3d's surface3d demo)."""

import sys

import numpy as np

import lumos.pyplot as plt

fig, ax = plt.subplots(subplot_kw={"projection": "3d"})
X = np.arange(-5, 5, 0.25)
Y = np.arange(-5, 5, 0.25)
X, Y = np.meshgrid(X, Y)
R = np.sqrt(X**2 + Y**2)
Z = np.sin(R)
surf = ax.plot_surface(X, Y, Z, cmap="coolwarm", linewidth=0, antialiased=False)
ax.set_zlim(-1.01, 1.01)
ax.set_zticks([-1.0, -0.5, 0.0, 0.5, 1.0])
fig.colorbar(surf, shrink=0.5, aspect=5)
plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "surface3d.png")
