"""Polar axes: lines become arcs, markers, bars, fills; zero at the top, clockwise."""

import sys

import numpy as np

import lumos.pyplot as plt

theta = np.linspace(0, 2 * np.pi, 400)
spiral = np.linspace(0, 4 * np.pi, 60)
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(8, 4), dpi=100,
                               subplot_kw={"projection": "polar"})
ax1.plot(theta, 1 + 0.5 * np.cos(5 * theta), label="rose")
ax1.plot(spiral, spiral / (4 * np.pi) * 1.4, "o-", ms=3, label="spiral")
ax1.plot([0, np.pi / 2], [1.2, 1.2], lw=2, label="arc")
ax1.set_rmax(1.6)
ax1.set_rticks([0.5, 1.0, 1.5])
ax1.set_rlabel_position(-22.5)
ax1.set_title("plot")
ax1.legend(loc="lower left", fontsize=8)

n = 12
angles = np.linspace(0, 2 * np.pi, n, endpoint=False)
radii = 2 + 6 * np.abs(np.sin(np.arange(n) * 1.7))
ax2.bar(angles, radii, width=2 * np.pi / n * 0.8, color="C1", alpha=0.7, edgecolor="k")
ax2.fill(theta, 3 + np.sin(3 * theta), color="C0", alpha=0.3)
ax2.set_theta_zero_location("N")
ax2.set_theta_direction(-1)
ax2.set_title("bar and fill")
plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "polar.png")
