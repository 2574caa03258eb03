"""Contours, filled contours, a pcolormesh and a vector field."""

import sys

import numpy as np

import lumos.pyplot as plt

x = np.linspace(-3, 3, 120)
y = np.linspace(-2, 2, 90)
X, Y = np.meshgrid(x, y)
Z = np.exp(-X**2 - Y**2) - np.exp(-(X - 1) ** 2 - (Y - 0.5) ** 2)
fig, axs = plt.subplots(1, 3, figsize=(11, 3.2), dpi=100, gridspec_kw={"wspace": 0.45})
cf = axs[0].contourf(X, Y, Z, levels=12, cmap="coolwarm")
axs[0].contour(X, Y, Z, levels=12, colors="black", linewidths=0.5)
fig.colorbar(cf, ax=axs[0])
axs[0].set_title("contourf + contour")
xc, yc = np.meshgrid(np.linspace(0, 1, 13), np.linspace(0, 1, 9))
pm = axs[1].pcolormesh(xc, yc, np.sin(6 * xc[:-1, :-1]) * np.cos(4 * yc[:-1, :-1]),
                       cmap="viridis")
fig.colorbar(pm, ax=axs[1])
axs[1].set_title("pcolormesh")
u, v = np.meshgrid(np.linspace(-1, 1, 15), np.linspace(-1, 1, 15))
axs[2].quiver(u, v, -v, u, np.hypot(u, v), cmap="plasma")
axs[2].set_title("quiver")
plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "contours.png")
