"""Charts: pie and donut, stacked areas, stairs, event rasters, broken bars, bar labels
and infinite lines."""

import sys

import numpy as np

import lumos.pyplot as plt

rng = np.random.default_rng(3)
fig, axs = plt.subplots(2, 4, figsize=(15, 7), dpi=100, gridspec_kw={"hspace": 0.35})

ax = axs[0, 0]
ax.pie([15, 30, 45, 10], labels=["Frogs", "Hogs", "Dogs", "Logs"], autopct="%1.1f%%",
       explode=(0, 0.1, 0, 0), shadow=True, startangle=90)
ax.set_title("pie")
ax = axs[0, 1]
ax.pie([40, 25, 20, 15], radius=1, wedgeprops={"width": 0.3, "edgecolor": "w"},
       labels=["A", "B", "C", "D"], startangle=90, counterclock=False)
ax.pie([3, 1], radius=0.7, colors=["C4", "C6"], wedgeprops={"width": 0.3, "edgecolor": "w"})
ax.set_title("nested donut")

ax = axs[0, 2]
years = np.arange(2000, 2011)
ax.stackplot(years, rng.random((3, 11)) + 0.5, labels=["coal", "gas", "wind"],
             alpha=0.85)
ax.legend(loc="upper left")
ax.set_title("stackplot")

ax = axs[0, 3]
counts, edges = np.histogram(rng.normal(size=400), bins=12)
ax.stairs(counts, edges, label="outline")
ax.stairs(counts * 0.6, edges, fill=True, alpha=0.5, label="filled")
ax.legend(loc="upper right")
ax.set_title("stairs")

ax = axs[1, 0]
ax.eventplot([np.sort(rng.random(15) * 10) for _ in range(4)],
             colors=["C0", "C1", "C2", "C3"], lineoffsets=[1, 2, 3, 4], linelengths=0.7)
ax.set_title("eventplot")

ax = axs[1, 1]
ax.broken_barh([(110, 30), (150, 10)], (10, 9), facecolors="tab:blue")
ax.broken_barh([(10, 50), (100, 20), (130, 10)], (20, 9),
               facecolors=("tab:orange", "tab:green", "tab:red"))
ax.set_yticks([15, 25], labels=["Bill", "Jim"])
ax.set_title("broken_barh")

ax = axs[1, 2]
bars = ax.bar(["apples", "pears", "plums"], [12, -5, 8], yerr=[1.5, 1.0, 2.0],
              color=["C0", "C3", "C2"], label=["fresh", "rotten", "dried"])
ax.bar_label(bars, padding=3)
ax.bar_label(bars, label_type="center", fmt="{:+.0f}", color="white")
ax.legend(loc="lower left")
ax.set_title("bar_label, label=[...]")

ax = axs[1, 3]
ax.plot([0, 1, 2, 3], [0.2, 1.1, 1.9, 3.2], "o")
ax.axline((0, 0), (1, 1), color="C1", label="y = x")
ax.axline((0, 3), slope=-0.5, color="C2", ls="--", label="slope -0.5")
ax.legend(loc="upper left")
ax.set_title("axline")
plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "charts.png")
