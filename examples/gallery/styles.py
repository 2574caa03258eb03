"""rcParams and style sheets: matplotlib's ggplot sheet for one figure, rc settings for
the lines, and an rc_context for the right panel."""

import sys

import numpy as np

import lumos.pyplot as plt

plt.style.use("ggplot")
plt.rc("lines", linewidth=2.5)
fig = plt.figure(figsize=(8, 3.2), dpi=100)
ax = fig.add_subplot(1, 2, 1)
x = np.linspace(0, 10, 200)
for k in range(4):
    ax.plot(x, np.sin(x + k * 0.6) + k * 0.3, label=f"phase {k}")
ax.set_title("style.use('ggplot')")
ax.legend(loc="lower left", ncols=2)
with plt.rc_context({"axes.facecolor": "white", "axes.grid": False, "lines.linestyle": "--",
                     "axes.spines.top": False, "axes.spines.right": False,
                     "font.size": 9}):
    ax2 = fig.add_subplot(1, 2, 2)
    ax2.plot(x, np.exp(-x / 3), label="decay")
    ax2.set_title("rc_context")
    ax2.set_xlabel("time")
plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "styles.png")
