"""Line styles, markers and a legend: the basics of plot()."""

import sys

import numpy as np

import lumos.pyplot as plt

x = np.linspace(0, 2 * np.pi, 60)
fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
ax.plot(x, np.sin(x), label="solid")
ax.plot(x, np.sin(x - 0.5), "--", label="dashed")
ax.plot(x, np.sin(x - 1.0), ":", lw=2.5, label="dotted")
ax.plot(x, np.sin(x - 1.5), "-.", label="dash-dot")
ax.plot(x[::5], np.sin(x[::5] - 2.0), "o-", ms=5, label="markers")
ax.plot(x[::6], np.sin(x[::6] - 2.5), "s", mfc="none", label="squares")
ax.set_xlabel("phase (rad)")
ax.set_ylabel("amplitude")
ax.set_title("Line styles")
ax.legend(loc="lower left")
ax.grid(True, alpha=0.3)
plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "lines.png")
