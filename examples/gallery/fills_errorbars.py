"""Bands, error bars, stems and reference lines."""

import sys

import numpy as np

import lumos.pyplot as plt

rng = np.random.default_rng(5)
x = np.linspace(0, 10, 60)
mean = np.sin(x)
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(9, 3.5), dpi=100)
ax1.fill_between(x, mean - 0.5, mean + 0.5, alpha=0.3, label=r"$\pm 1\sigma$")
ax1.plot(x, mean, label="mean")
ax1.axhline(0, color="gray", lw=0.8, ls="--")
ax1.axvspan(4, 5, color="C3", alpha=0.15)
ax1.legend(loc="upper right")
ax1.set_title("fill_between, axhline, axvspan")
xe = np.arange(1, 9)
ye = xe**0.5 + rng.normal(scale=0.1, size=xe.size)
ax2.errorbar(xe, ye, yerr=0.2, xerr=0.3, fmt="o", capsize=3, label="measured")
ax2.stem(xe + 0.4, ye * 0.5, label="stem")
ax2.legend(loc="upper left")
ax2.set_title("errorbar and stem")
plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "fills_errorbars.png")
