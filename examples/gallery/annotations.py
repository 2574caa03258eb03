"""Annotations with arrows, and text placement."""

import sys

import numpy as np

import lumos.pyplot as plt

x = np.linspace(0, 10, 300)
y = np.sin(x) * np.exp(-x / 8)
fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
ax.plot(x, y)
ax.set_ylim(-1, 1.4)
i = np.argmax(y)
ax.annotate("maximum", xy=(x[i], y[i]), xytext=(x[i] + 1.5, 1.2),
            arrowprops=dict(arrowstyle="->"))
j = np.argmin(y)
ax.annotate("minimum", xy=(x[j], y[j]), xytext=(x[j] + 1, -0.9),
            arrowprops=dict(facecolor="black", shrink=0.05))
ax.text(9.8, 1.3, "ha='right', va='top'", ha="right", va="top")
ax.set_title("annotate")
plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "annotations.png")
