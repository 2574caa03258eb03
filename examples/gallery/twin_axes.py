"""Two y axes sharing one x axis (twinx)."""

import sys

import numpy as np

import lumos.pyplot as plt

t = np.linspace(0, 10, 300)
fig, ax1 = plt.subplots(figsize=(6, 4), dpi=100)
ax1.plot(t, np.exp(t / 4), color="C0")
ax1.set_xlabel("time (s)")
ax1.set_ylabel("exponential", color="C0")
ax2 = ax1.twinx()
ax2.plot(t, np.sin(t), color="C1")
ax2.set_ylabel("sine", color="C1")
ax1.set_title("twinx")
plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "twin_axes.png")
