"""Contours projected onto the panes (zdir and offset), and filled contours in 3D."""

import sys

import lumos.pyplot as plt
from lumos.mplot3d import axes3d

X, Y, Z = axes3d.get_test_data(0.05)
fig = plt.figure(figsize=(9, 4.5))
ax = fig.add_subplot(1, 2, 1, projection="3d")
ax.plot_surface(X, Y, Z, edgecolor="royalblue", lw=0.5, rstride=8, cstride=8, alpha=0.3)
ax.contour(X, Y, Z, zdir="z", offset=-100, cmap="coolwarm")
ax.contour(X, Y, Z, zdir="x", offset=-40, cmap="coolwarm")
ax.contour(X, Y, Z, zdir="y", offset=40, cmap="coolwarm")
ax.set(xlim=(-40, 40), ylim=(-40, 40), zlim=(-100, 100), xlabel="X", ylabel="Y",
       zlabel="Z")

ax = fig.add_subplot(1, 2, 2, projection="3d")
cset = ax.contourf(X, Y, Z, levels=10, cmap="viridis")
ax.contour(X, Y, Z, levels=10, colors="k", linewidths=0.6)
fig.colorbar(cset, ax=ax, shrink=0.6)
ax.set_title("contourf and contour")
plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "contour3d.png")
