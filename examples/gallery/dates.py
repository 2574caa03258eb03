"""Date axes from numpy datetime64 data: the tick unit follows the range."""

import sys

import numpy as np

import lumos.pyplot as plt

rng = np.random.default_rng(7)
days = np.arange("2023-01-01", "2024-07-01", dtype="datetime64[D]")
price = 100 + np.cumsum(rng.normal(size=days.size))
minutes = np.arange("2024-03-05T09:00", "2024-03-05T17:00", dtype="datetime64[m]")
load = 50 + 10 * np.sin(np.arange(minutes.size) / 60) + rng.normal(size=minutes.size)
fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(7, 5), dpi=100, gridspec_kw={"hspace": 0.35})
ax1.plot(days, price)
ax1.set_title("18 months, daily")
ax2.plot(minutes, load, color="C2")
ax2.set_title("one working day, per minute")
plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "dates.png")
