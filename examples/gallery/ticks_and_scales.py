"""Ticks, axes and scales: locators and formatters, ticks on every side, moved spines,
secondary axes, and the asinh, logit and log (base 2) scales."""

import sys

import numpy as np

import lumos.pyplot as plt
import lumos.ticker as mticker

fig, axs = plt.subplots(2, 3, figsize=(10, 6), dpi=100)
x = np.linspace(0, 5, 200)

ax = axs[0, 0]
ax.plot(x, x**2)
ax.xaxis.set_major_locator(mticker.MultipleLocator(1.0))
ax.xaxis.set_minor_locator(mticker.AutoMinorLocator(4))
ax.yaxis.set_major_formatter(mticker.StrMethodFormatter("{x:.0f} m"))
ax.tick_params(which="minor", length=4, color="tab:red")
ax.tick_params(which="both", direction="in", top=True, right=True)
ax.grid(which="major", color="0.85")
ax.set_title("locators, minor ticks")

ax = axs[0, 1]
ax.plot(x, x / 5, color="C1")
ax.yaxis.set_major_formatter(mticker.PercentFormatter(1.0))
ax.tick_params(labeltop=True, labelright=True, bottom=False, left=False, top=True,
               right=True)
ax.set_title("labels top and right", pad=22)

ax = axs[0, 2]
t = np.linspace(0, 20, 200)
ax.plot(t, np.exp(-t / 5) * 1e4, color="C2")
ax.ticklabel_format(axis="y", style="sci", scilimits=(0, 0), useMathText=True)
sec = ax.secondary_yaxis("right", functions=(lambda v: v / 1e3, lambda k: k * 1e3))
sec.set_ylabel("thousands")
ax.set_xlabel("hours")
ax.set_title("secondary axis, sci labels")

ax = axs[1, 0]
y = np.linspace(-50, 50, 400)
ax.plot(y, y, color="C3")
ax.set_xscale("asinh")
ax.spines[["top", "right"]].set_visible(False)
ax.spines["left"].set_position(("data", 0))
ax.spines["bottom"].set_position(("outward", 6))
ax.set_title("asinh, moved spines")

ax = axs[1, 1]
p = np.linspace(0.001, 0.999, 300)
ax.plot(p, p, color="C4")
ax.set_yscale("logit")
ax.set_title("logit")

ax = axs[1, 2]
n = np.arange(1, 11)
ax.plot(n, 2.0**n, "o-", color="C5")
ax.set_yscale("log", base=2)
ax.xaxis.set_major_locator(mticker.MaxNLocator(integer=True))
ax.set_title("log base 2")

plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "ticks_and_scales.png")
