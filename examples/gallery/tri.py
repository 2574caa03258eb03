"""Unstructured triangular grids: a Delaunay triangulation with a hole, its filled and
line contours, and flat and Gouraud-shaded tripcolor."""

import sys

import numpy as np

import lumos.pyplot as plt
import lumos.tri as mtri

n_angles, n_radii = 36, 8
radii = np.linspace(0.25, 0.95, n_radii)
angles = np.linspace(0, 2 * np.pi, n_angles, endpoint=False)
angles = np.repeat(angles[:, None], n_radii, axis=1)
angles[:, 1::2] += np.pi / n_angles
x = (radii * np.cos(angles)).ravel()
y = (radii * np.sin(angles)).ravel()
z = (np.cos(radii) * np.cos(3 * angles)).ravel()
triang = mtri.Triangulation(x, y)
tri_x, tri_y = x[triang.triangles].mean(axis=1), y[triang.triangles].mean(axis=1)
triang.set_mask(np.hypot(tri_x, tri_y) < 0.25)

fig, axs = plt.subplots(2, 2, figsize=(9, 8), dpi=100)
axs[0, 0].triplot(triang, "bo-", lw=0.8, markersize=3)
axs[0, 0].set_title("triplot")
cf = axs[0, 1].tricontourf(triang, z, levels=10, cmap="RdBu_r")
axs[0, 1].tricontour(triang, z, levels=10, colors="k", linewidths=0.6)
fig.colorbar(cf, ax=axs[0, 1])
axs[0, 1].set_title("tricontourf + tricontour")
tp = axs[1, 0].tripcolor(triang, z, edgecolors="k", cmap="viridis")
fig.colorbar(tp, ax=axs[1, 0])
axs[1, 0].set_title("tripcolor (flat)")
axs[1, 1].tripcolor(triang, z, shading="gouraud", cmap="viridis")
axs[1, 1].set_title("tripcolor (gouraud)")
for ax in axs.flat:
    ax.set_aspect("equal")
plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "tri.png")
