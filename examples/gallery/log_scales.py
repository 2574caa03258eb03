"""Logarithmic and symmetric-logarithmic axes."""

import sys

import numpy as np

import lumos.pyplot as plt

fig, axs = plt.subplots(1, 3, figsize=(9, 3), dpi=100)
x = np.logspace(-2, 3, 200)
axs[0].plot(x, x**1.5)
axs[0].set_xscale("log")
axs[0].set_yscale("log")
axs[0].set_title(r"log-log: $y = x^{1.5}$")
t = np.linspace(0, 5, 200)
axs[1].plot(t, np.exp(t))
axs[1].set_yscale("log")
axs[1].set_title("semilog y")
s = np.linspace(-100, 100, 400)
axs[2].plot(s, s)
axs[2].set_xscale("symlog", linthresh=1.0)
axs[2].set_title("symlog x")
plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "log_scales.png")
