"""Statistics: box plots, violins, empirical CDFs and 2-D binning (hexbin, hist2d)."""

import sys

import numpy as np

import lumos.pyplot as plt

rng = np.random.default_rng(7)
groups = [rng.normal(0, s, 80) for s in (1.0, 1.5, 2.5)]
groups[0] = np.r_[groups[0], 4.2, -3.9]  # two fliers

fig, axs = plt.subplots(2, 3, figsize=(12, 7), dpi=100, gridspec_kw={"wspace": 0.35, "hspace": 0.3})
axs[0, 0].boxplot(groups, tick_labels=["calm", "breezy", "stormy"])
axs[0, 0].set_title("boxplot")
axs[0, 1].boxplot(groups, notch=True, patch_artist=True, showmeans=True,
                  orientation="horizontal", boxprops={"facecolor": "C9"})
axs[0, 1].set_title("notched, patch_artist, horizontal")
parts = axs[0, 2].violinplot(groups, showmedians=True, quantiles=[[0.1, 0.9]] * 3)
axs[0, 2].set_title("violinplot")
for g, label in zip(groups, ["calm", "breezy", "stormy"], strict=True):
    axs[1, 0].ecdf(g, label=label)
axs[1, 0].legend(loc="upper left")
axs[1, 0].set_title("ecdf")
x = rng.standard_normal(5000)
y = 0.8 * x + 0.6 * rng.standard_normal(5000)
hb = axs[1, 1].hexbin(x, y, gridsize=25, cmap="inferno", bins="log")
fig.colorbar(hb, ax=axs[1, 1], label="log10(count)")
axs[1, 1].set_title("hexbin")
h, xe, ye, mesh = axs[1, 2].hist2d(x, y, bins=20, cmin=1, cmap="Blues")
fig.colorbar(mesh, ax=axs[1, 2])
axs[1, 2].set_title("hist2d")
plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "stats.png")
