"""Colors and norms: BoundaryNorm, LogNorm, SymLogNorm, TwoSlopeNorm and contour
colorbars (discrete, with extend triangles), named colors, a property cycle and
per-pixel alpha."""

import sys

import numpy as np

import lumos.colors as mcolors
import lumos.pyplot as plt

fig, axs = plt.subplots(2, 3, figsize=(11, 6.5), dpi=100,
                        gridspec_kw={"wspace": 0.55, "hspace": 0.3})
y, x = np.mgrid[-3:3:80j, -3:3:80j]
z = 40 * (np.exp(-(x**2 + y**2)) - np.exp(-((x - 1.5) ** 2 + (y - 1) ** 2)))

ax = axs[0, 0]
norm = mcolors.BoundaryNorm([-30, -15, -5, 0, 5, 15, 30], 256, extend="both")
im = ax.imshow(z, norm=norm, cmap="RdBu_r")
fig.colorbar(im, ax=ax, label="BoundaryNorm")

ax = axs[0, 1]
im = ax.pcolormesh(x, y, np.abs(z) + 0.05, norm=mcolors.LogNorm(), cmap="magma",
                   shading="auto")
fig.colorbar(im, ax=ax, label="LogNorm")

ax = axs[0, 2]
im = ax.imshow(z, norm=mcolors.SymLogNorm(linthresh=1, vmin=-40, vmax=40), cmap="PuOr")
fig.colorbar(im, ax=ax, label="SymLogNorm")

ax = axs[1, 0]
cs = ax.contourf(x, y, z, levels=[-30, -20, -10, 0, 10, 20, 30], cmap="viridis",
                 extend="both")
ax.contour(cs, colors="k", linewidths=0.5)
fig.colorbar(cs, ax=ax, label="contourf")

ax = axs[1, 1]
im = ax.imshow(z, norm=mcolors.TwoSlopeNorm(vcenter=0, vmin=-10, vmax=40),
               cmap=plt.get_cmap("coolwarm").with_extremes(under="k"))
fig.colorbar(im, ax=ax, location="bottom", label="TwoSlopeNorm")

ax = axs[1, 2]
ax.set_prop_cycle(color=["tab:orange", "xkcd:sky blue", "#3a3", "0.3"],
                  linestyle=["-", "--", ":", "-."])
for k in range(4):
    ax.plot(np.linspace(0, 1, 20), np.linspace(0, 1, 20) ** (k + 1), label=f"k={k}")
alpha = np.linspace(0, 1, 80)[None, :] * np.ones((80, 1))
ax.imshow(z, extent=(0, 1, 0, 1), alpha=alpha, cmap="Greens", aspect="auto", zorder=0)
ax.legend(loc="upper left", fontsize="small")
ax.set_title("named colors, cycle, alpha")

plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "colors_and_norms.png")
