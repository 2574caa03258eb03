"""Voxels: two cubes and a link between them, colored per voxel, with edges."""

import sys

import numpy as np

import lumos.pyplot as plt

x, y, z = np.indices((8, 8, 8))
cube1 = (x < 3) & (y < 3) & (z < 3)
cube2 = (x >= 5) & (y >= 5) & (z >= 5)
link = abs(x - y) + abs(y - z) + abs(z - x) <= 2
voxelarray = cube1 | cube2 | link
colors = np.empty(voxelarray.shape, dtype=object)
colors[link] = "red"
colors[cube1] = "blue"
colors[cube2] = "green"

ax = plt.figure().add_subplot(projection="3d")
ax.voxels(voxelarray, facecolors=colors, edgecolor="k")
plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "voxels3d.png")
