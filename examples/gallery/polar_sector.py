"""Polar sectors and an annulus: scatter on a quarter circle, fill_between with a hole."""

import sys

import numpy as np

import lumos.pyplot as plt

rng = np.random.default_rng(7)
fig = plt.figure(figsize=(8, 4), dpi=100)
ax1 = fig.add_subplot(1, 2, 1, projection="polar")
theta = rng.uniform(0, np.pi / 2, 150)
r = rng.uniform(1, 9, 150)
sc = ax1.scatter(theta, r, c=r * np.cos(2 * theta), s=20 + 3 * r ** 2, cmap="plasma",
                 alpha=0.8)
ax1.set_thetamin(0)
ax1.set_thetamax(90)
ax1.set_rlim(0, 10)
ax1.set_title("a quarter circle")
fig.colorbar(sc, ax=ax1, shrink=0.7)

ax2 = fig.add_subplot(122, polar=True)
t = np.linspace(0, 2 * np.pi, 200)
outer = 3 + 0.6 * np.sin(5 * t)
ax2.fill_between(t, 2, outer, alpha=0.4, color="C2")
ax2.plot(t, outer, color="C2", lw=2)
ax2.set_rorigin(-1)
ax2.set_rlim(1, 4)
ax2.set_theta_offset(np.pi / 4)
ax2.set_title("fill_between, rorigin=-1")
plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "polar_sector.png")
