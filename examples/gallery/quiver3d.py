"""A 3D vector field (quiver with length and normalize)."""

import sys

import numpy as np

import lumos.pyplot as plt

ax = plt.figure().add_subplot(projection="3d")
x, y, z = np.meshgrid(np.arange(-0.8, 1, 0.2), np.arange(-0.8, 1, 0.2),
                      np.arange(-0.8, 1, 0.8))
u = np.sin(np.pi * x) * np.cos(np.pi * y) * np.cos(np.pi * z)
v = -np.cos(np.pi * x) * np.sin(np.pi * y) * np.cos(np.pi * z)
w = (np.sqrt(2.0 / 3.0) * np.cos(np.pi * x) * np.cos(np.pi * y) * np.sin(np.pi * z))
ax.quiver(x, y, z, u, v, w, length=0.1, normalize=True)
plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "quiver3d.png")
