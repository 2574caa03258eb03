"""Bar charts and histograms."""

import sys

import numpy as np

import lumos.pyplot as plt

rng = np.random.default_rng(11)
fig, (ax1, ax2, ax3) = plt.subplots(1, 3, figsize=(10, 3.2), dpi=100)
labels = ["a", "b", "c", "d", "e"]
x = np.arange(len(labels))
ax1.bar(x - 0.2, [3, 5, 2, 6, 4], width=0.4, label="2023")
ax1.bar(x + 0.2, [4, 4, 3, 5, 6], width=0.4, label="2024")
ax1.set_xticks(x, labels)
ax1.legend()
ax1.set_title("grouped bars")
ax2.barh(np.arange(4), [10, 25, 7, 16], color=["C2", "C3", "C4", "C5"], edgecolor="black")
ax2.set_title("barh with edges")
data = [rng.normal(0, 1, 2000), rng.normal(2, 0.7, 2000)]
ax3.hist(data[0], bins=40, alpha=0.6, label="N(0, 1)")
ax3.hist(data[1], bins=40, alpha=0.6, label="N(2, 0.7)")
ax3.hist(data[0], bins=40, histtype="step", color="black", lw=1)
ax3.legend()
ax3.set_title("histograms")
plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "bars_hist.png")
