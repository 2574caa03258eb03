"""Triangulated surfaces: Delaunay triangles of scattered points (shaded), and given
triangles colored by height."""

import sys

import numpy as np

import lumos.pyplot as plt

n_radii, n_angles = 8, 36
radii = np.linspace(0.125, 1.0, n_radii)
angles = np.linspace(0, 2 * np.pi, n_angles, endpoint=False)[..., np.newaxis]
x = np.append(0, (radii * np.cos(angles)).flatten())
y = np.append(0, (radii * np.sin(angles)).flatten())
z = np.sin(-x * y)

fig = plt.figure(figsize=(9, 4.5))
ax = fig.add_subplot(1, 2, 1, projection="3d")
ax.plot_trisurf(x, y, z, linewidth=0.2, antialiased=True)
ax.set_title("Delaunay triangles, shaded")

# a Möbius strip from a grid of (u, v) cut into triangles
u, v = np.meshgrid(np.linspace(0, 2 * np.pi, 40), np.linspace(-0.5, 0.5, 8))
u, v = u.flatten(), v.flatten()
xs = (1 + 0.5 * v * np.cos(u / 2.0)) * np.cos(u)
ys = (1 + 0.5 * v * np.cos(u / 2.0)) * np.sin(u)
zs = 0.5 * v * np.sin(u / 2.0)
rows, cols = 8, 40
tri = []
for r in range(rows - 1):
    for c in range(cols - 1):
        k = r * cols + c
        tri += [[k, k + 1, k + cols], [k + 1, k + cols + 1, k + cols]]
ax = fig.add_subplot(1, 2, 2, projection="3d")
ax.plot_trisurf(xs, ys, zs, triangles=np.array(tri), cmap="Spectral")
ax.set_zlim(-1, 1)
ax.set_title("given triangles, cmap")
plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "trisurf3d.png")
