"""Text and mathtext: super/subscripts, Greek letters, fractions and roots."""

import sys

import numpy as np

import lumos.pyplot as plt

x = np.linspace(0.1, 4, 200)
fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
ax.plot(x, np.sqrt(x) * np.exp(-x / 2))
ax.set_xlabel(r"$\omega$ (rad s$^{-1}$)")
ax.set_ylabel(r"$\chi''(\omega)$")
ax.set_title(r"$\chi = \frac{\sqrt{\omega}}{e^{\omega/2}}$")
ax.text(2.2, 0.55, r"$\alpha_i^2 + \beta_j \leq \gamma$", fontsize=14)
ax.text(0.05, 0.92, "upper left, axes coords", transform=ax.transAxes)
ax.text(3.9, 0.32, r"$\pm 3\sigma$", ha="right", color="C3", fontsize=12)
plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "text_math.png")
