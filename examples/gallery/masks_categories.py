"""What used to be silently wrong: masked values leave gaps, steps-pre goes up first,
strings are categories, bars take one label each, error bars mark limits."""

import sys

import numpy as np

import lumos.pyplot as plt

x = np.linspace(0, 10, 60)
y = np.ma.masked_where((x > 4) & (x < 6), np.sin(x))
fig, axs = plt.subplots(2, 3, figsize=(13, 7), dpi=100)

axs[0, 0].plot(x, y, "o-", ms=3, label="masked plot")
axs[0, 0].fill_between(x, y, -1.2, alpha=0.3, label="masked fill_between")
axs[0, 0].scatter(x, y + 0.5, s=8, color="C3", label="masked scatter")
axs[0, 0].legend(loc="lower left", fontsize=8)
axs[0, 0].set_title("masked arrays")

xs = np.arange(6)
ys = np.array([1, 3, 2, 4, 3, 5])
axs[0, 1].step(xs, ys, where="pre", label="pre")
axs[0, 1].step(xs, ys + 1, where="mid", label="mid")
axs[0, 1].step(xs, ys + 2, where="post", label="post")
axs[0, 1].plot(xs, ys, "o", color="grey", alpha=0.6)
axs[0, 1].legend(loc="upper left")
axs[0, 1].set_title("step")

zz = np.add.outer(np.sin(np.linspace(0, 3, 40)), np.cos(np.linspace(0, 3, 50)))
zz = np.ma.masked_where(np.hypot(*np.meshgrid(np.linspace(-1, 1, 50),
                                               np.linspace(-1, 1, 40))) < 0.4, zz)
im = axs[0, 2].imshow(zz, cmap="viridis")
axs[0, 2].contour(zz, colors="w", linewidths=0.8)
axs[0, 2].set_title("masked imshow + contour")

fruit = ["apple", "banana", "cherry", "date"]
axs[1, 0].bar(fruit, [3, 5, 2, 4], color="C0", alpha=0.6)
axs[1, 0].plot(["banana", "date", "elderberry"], [4.5, 3.5, 6], "o-", color="C1")
axs[1, 0].scatter(["apple", "cherry"], [1, 1.5], color="C3", zorder=3)
axs[1, 0].set_title("categories")

bars = axs[1, 1].bar(["a", "b", "c"], [2, 4, 3], color=["C2", "C4", "C6"],
                     label=["alpha", "beta", "gamma"])
axs[1, 1].legend(title=None, loc="upper left")
axs[1, 1].set_title("bar(label=[...])")

xe = np.arange(8.0)
ye = np.sqrt(xe + 1)
axs[1, 2].errorbar(xe, ye, yerr=0.3, uplims=True, label="uplims")
axs[1, 2].errorbar(xe, ye + 1.5, yerr=0.3, lolims=[True, False] * 4, capsize=3,
                   label="lolims, every other")
axs[1, 2].errorbar(xe, ye - 1.5, xerr=0.4, xuplims=True, fmt="s", ms=4, label="xuplims")
axs[1, 2].legend(loc="lower right", fontsize=8)
axs[1, 2].set_title("errorbar limits")
plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "masks_categories.png")
