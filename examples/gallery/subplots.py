"""A grid of subplots with shared axes, a suptitle and mathtext labels."""

import sys

import numpy as np

import lumos.pyplot as plt

fig, axs = plt.subplots(2, 2, figsize=(7, 5), dpi=100, sharex=True)
t = np.linspace(0, 4, 400)
for k, ax in enumerate(axs.flat):
    ax.plot(t, np.exp(-t / (k + 1)) * np.cos(2 * np.pi * t * (k + 1)), color=f"C{k}")
    ax.set_title(rf"$\tau = {k + 1}$, $f = {k + 1}\,\mathrm{{Hz}}$")
axs[1, 0].set_xlabel("time (s)")
axs[1, 1].set_xlabel("time (s)")
axs[0, 0].set_ylabel(r"$x(t)$")
axs[1, 0].set_ylabel(r"$x(t)$")
fig.suptitle("Damped oscillations")
plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "subplots.png")
