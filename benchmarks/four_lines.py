"""A figure of 4 subplots, each a 10^5-point line, saved to PNG: the same script for
lumos.pyplot and matplotlib.pyplot (run as ``python four_lines.py lumos|matplotlib out``)."""

import sys

import numpy as np

if sys.argv[1] == "lumos":
    import lumos.pyplot as plt
else:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

rng = np.random.default_rng(0)
fig, axs = plt.subplots(2, 2, figsize=(8, 6), dpi=100)
for k, ax in enumerate(axs.flat):
    x = np.linspace(0, 100, 100_000)
    ax.plot(x, np.cumsum(rng.normal(size=x.size)) + k, lw=1)
    ax.set_title(f"walk {k}")
fig.savefig(sys.argv[2])
