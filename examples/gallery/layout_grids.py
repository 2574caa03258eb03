"""Layout as matplotlib's: a mosaic with ratios, a grid inside a cell, an inset axes,
figure titles and labels, a colorbar taking its room from its axes."""

import sys

import numpy as np

import lumos.pyplot as plt

fig = plt.figure(figsize=(8, 5.5), dpi=100)
axd = fig.subplot_mosaic([["wave", "wave", "map"], ["hist", "grid", "map"]],
                         width_ratios=[1, 1, 1.3], height_ratios=[1, 1.2],
                         gridspec_kw={"hspace": 0.35, "wspace": 0.3})
t = np.linspace(0, 10, 400)
axd["wave"].plot(t, np.sin(t) * np.exp(-t / 6), label="damped")
axd["wave"].plot(t, 0.5 * np.cos(2 * t), label="fast")
axd["wave"].set_title("subplot_mosaic")
axd["wave"].legend(loc="upper right")
rng = np.random.default_rng(1)
axd["hist"].hist(rng.normal(size=500), bins=20, color="C2")
axd["hist"].set_title("hist")
y, x = np.mgrid[-2:2:60j, -2:2:60j]
im = axd["map"].imshow(np.exp(-x**2 - y**2) * np.cos(3 * x), cmap="RdBu_r",
                       extent=(-2, 2, -2, 2))
axd["map"].set_title("imshow + colorbar")
fig.colorbar(im, ax=axd["map"], shrink=0.8)
# a grid inside the "grid" cell: its axes take the cell's place
cell = axd["grid"].get_subplotspec()
axd["grid"].remove()
inner = cell.subgridspec(2, 2, wspace=0.05, hspace=0.05)
for k in range(4):
    ax = fig.add_subplot(inner[k // 2, k % 2], xticks=[], yticks=[])
    ax.plot(np.sin(t * (k + 1)), color=f"C{k + 3}")
inset = fig.add_axes((0.2, 0.66, 0.12, 0.1), facecolor="0.95")
inset.plot(t, t ** 2, color="k")
inset.set_xticks([])
inset.set_yticks([])
fig.suptitle("Framing as matplotlib's", fontweight="bold")
fig.supxlabel("shared x label")
fig.supylabel("shared y label")
plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "layout_grids.png")
